#include "adjustdialog.h"

#include "amountedit.h"
#include "labels.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

AdjustDialog::AdjustDialog(const Session &session, const Customer &customer, QWidget *parent)
    : QDialog(parent), m_session(session), m_customer(customer)
{
    setObjectName(QStringLiteral("adjustDialog"));
    setWindowTitle(tr("Adjust store credit of %1").arg(customer.name));
    const Result<Money> wallet = session.store().credit().wallet(customer.id);
    auto *now = new QLabel(tr("Store credit now: %1. A negative amount takes credit away.")
                               .arg(wallet ? session.money(*wallet) : wallet.message()),
                           this);
    now->setWordWrap(true);
    m_amount = new AmountEdit(session, this);
    m_amount->setAccessibleName(tr("Adjustment amount"));
    m_reason = new QLineEdit(this);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Required, e.g. goodwill for a late delivery"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Amount (+/−)"), m_amount);
    form->addRow(tr("&Reason"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Adjust"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel (Esc)"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AdjustDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(now);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString AdjustDialog::errorText() const
{
    return m_error->text();
}

void AdjustDialog::submit()
{
    const Result<Money> amount = m_amount->amount();
    if (!amount) {
        m_error->setText(tr("Type the amount, e.g. %1 or -%1.").arg(m_session.amountText(Money(2500, m_session.currency()))));
        return;
    }
    Result<JournalEntry> entry = m_session.store().credit().adjust(m_customer, *amount, m_reason->text().trimmed(), m_session.user().name);
    if (!entry) {
        m_error->setText(Labels::error(entry.error()));
        return;
    }
    accept();
}

} // namespace Slate::Ui
