#include "invoicepaymentdialog.h"

#include "amountedit.h"
#include "labels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

InvoicePaymentDialog::InvoicePaymentDialog(const Session &session, const Invoice &invoice, QWidget *parent)
    : QDialog(parent), m_session(session), m_invoice(invoice)
{
    setObjectName(QStringLiteral("invoicePaymentDialog"));
    setWindowTitle(tr("Record payment of %1").arg(invoice.number));
    auto *what = new QLabel(tr("Invoice %1, due %2: %3 outstanding of %4.")
                                .arg(invoice.number, session.date(invoice.due), session.money(invoice.outstanding),
                                     session.money(invoice.amount)),
                            this);
    what->setWordWrap(true);
    m_amount = new AmountEdit(session, this);
    m_amount->setAccessibleName(tr("Amount paid"));
    m_amount->setAmount(invoice.outstanding);
    m_journal = new QComboBox(this);
    m_journal->setAccessibleName(tr("Paid by"));
    for (PaymentJournal journal : {PaymentJournal::Bank, PaymentJournal::Cash, PaymentJournal::Card})
        m_journal->addItem(Labels::paymentJournal(journal), int(journal));
    m_note = new QLineEdit(this);
    m_note->setAccessibleName(tr("Note"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Amount"), m_amount);
    form->addRow(tr("Paid &by"), m_journal);
    form->addRow(tr("&Note"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record payment"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel (Esc)"));
    connect(buttons, &QDialogButtonBox::accepted, this, &InvoicePaymentDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString InvoicePaymentDialog::errorText() const
{
    return m_error->text();
}

void InvoicePaymentDialog::submit()
{
    const Result<Money> amount = m_amount->amount();
    if (!amount) {
        m_error->setText(tr("Type the amount paid."));
        return;
    }
    Result<InvoicePayment> payment = m_session.receivables().recordPayment(
        m_invoice.number, *amount, PaymentJournal(m_journal->currentData().toInt()), m_note->text().trimmed(), m_session.user().name);
    if (!payment) {
        m_error->setText(Labels::error(payment.error()));
        return;
    }
    m_payment = *payment;
    accept();
}

} // namespace Slate::Ui
