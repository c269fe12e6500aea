#pragma once
// AdjustDialog: a manager's correction of store credit without payment (either sign, with a
// required reason). StoreCreditService::adjust refuses one that would take the wallet below zero.

#include "session.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace Slate::Ui {

class AmountEdit;

class AdjustDialog : public QDialog {
    Q_OBJECT
public:
    AdjustDialog(const Session &session, const Core::Customer &customer, QWidget *parent = nullptr);

    AmountEdit *amountField() const { return m_amount; }
    QLineEdit *reasonField() const { return m_reason; }
    QString errorText() const;
    void submit();

private:
    const Session &m_session;
    Core::Customer m_customer;
    AmountEdit *m_amount = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Slate::Ui
