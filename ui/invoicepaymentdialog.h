#pragma once
// InvoicePaymentDialog: record a full or partial payment of an invoice through a payment
// journal. ReceivablesService::recordPayment refuses more than is outstanding.

#include "session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Slate::Ui {

class AmountEdit;

class InvoicePaymentDialog : public QDialog {
    Q_OBJECT
public:
    InvoicePaymentDialog(const Session &session, const Core::Invoice &invoice, QWidget *parent = nullptr);

    AmountEdit *amountField() const { return m_amount; }
    QComboBox *journalField() const { return m_journal; }
    QString errorText() const;
    void submit();
    const std::optional<Core::InvoicePayment> &payment() const { return m_payment; }

private:
    const Session &m_session;
    Core::Invoice m_invoice;
    AmountEdit *m_amount = nullptr;
    QComboBox *m_journal = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_error = nullptr;
    std::optional<Core::InvoicePayment> m_payment;
};

} // namespace Slate::Ui
