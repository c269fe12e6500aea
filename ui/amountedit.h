#pragma once
// AmountEdit: a line edit for an amount of money as a person types it in the shop's locale.
// It only parses; whether the amount is allowed is for core to say. An amount beyond what any
// sale could be (core's kTypedAmountMajorMax) is refused here with a message, never summed.

#include "session.h"

#include <QLineEdit>

namespace Slate::Ui {

class AmountEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit AmountEdit(const Session &session, QWidget *parent = nullptr);

    bool isBlank() const { return text().trimmed().isEmpty(); }
    // The typed amount; an error for text that is not an amount (blank is an error too).
    Core::Result<Core::Money> amount() const;
    // Blank counts as zero.
    Core::Result<Core::Money> amountOrZero() const;
    void setAmount(const Core::Money &amount);
    // The message for an amount beyond kTypedAmountMajorMax (or beyond what int64 holds).
    QString tooLarge() const;

private:
    const Session &m_session;
};

} // namespace Slate::Ui
