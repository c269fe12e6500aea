#include "amountedit.h"

namespace Slate::Ui {

AmountEdit::AmountEdit(const Session &session, QWidget *parent) : QLineEdit(parent), m_session(session)
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    setPlaceholderText(session.amountText(session.zero()));
    // Longer than any amount that can be accepted: a paste of digits cannot grow without bound.
    setMaxLength(Core::kTypedAmountLengthMax);
}

Core::Result<Core::Money> AmountEdit::amount() const
{
    Core::Result<Core::Money> parsed = m_session.parseMoney(text());
    if (!parsed) {
        if (parsed.code() == Core::ErrorCode::Overflow)
            return Core::makeError(Core::ErrorCode::InvalidArgument, tooLarge());
        return parsed;
    }
    if (!parsed->plausible())
        return Core::makeError(Core::ErrorCode::InvalidArgument, tooLarge());
    return parsed;
}

QString AmountEdit::tooLarge() const
{
    const Core::Money bound(Core::kTypedAmountMajorMax * m_session.currency().minorPerMajor(), m_session.currency());
    return tr("That amount is far beyond any real sale; the most that can be typed is %1.").arg(m_session.money(bound));
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
