#include "amountedit.h"

namespace Slate::Ui {

AmountEdit::AmountEdit(const Session &session, QWidget *parent) : QLineEdit(parent), m_session(session)
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    setPlaceholderText(session.amountText(session.zero()));
}

Core::Result<Core::Money> AmountEdit::amount() const
{
    return m_session.parseMoney(text());
}

Core::Result<Core::Money> AmountEdit::amountOrZero() const
{
    if (isBlank())
        return m_session.zero();
    return amount();
}

void AmountEdit::setAmount(const Core::Money &amount)
{
    setText(m_session.amountText(amount));
}

} // namespace Slate::Ui
