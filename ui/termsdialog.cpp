#include "termsdialog.h"

#include "amountedit.h"
#include "labels.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

TermsDialog::TermsDialog(const Session &session, const Customer &customer, QWidget *parent)
    : QDialog(parent), m_session(session), m_customer(customer)
{
    setObjectName(QStringLiteral("termsDialog"));
    setWindowTitle(tr("Credit terms of %1").arg(customer.name));
    const Currency &currency = session.currency();
    m_limit = new AmountEdit(session, this);
    m_limit->setAccessibleName(tr("Credit limit"));
    m_limit->setAmount(Money(customer.terms.creditLimitMinorUnits, currency));
    m_overdraftAllowed = new QCheckBox(tr("The wallet may go below zero"), this);
    m_overdraftAllowed->setChecked(customer.terms.overdraftLimitMinorUnits.has_value());
    m_overdraft = new AmountEdit(session, this);
    m_overdraft->setAccessibleName(tr("Overdraft limit"));
    m_overdraft->setAmount(Money(customer.terms.overdraftLimitMinorUnits.value_or(0), currency));
    m_overdraft->setEnabled(m_overdraftAllowed->isChecked());
    connect(m_overdraftAllowed, &QCheckBox::toggled, m_overdraft, &QWidget::setEnabled);
    m_terms = new QSpinBox(this);
    m_terms->setAccessibleName(tr("Payment terms in days"));
    m_terms->setRange(0, kPaymentTermsDaysMax);
    m_terms->setSuffix(tr(" days"));
    m_terms->setValue(customer.terms.paymentTermsDays);
    m_blocked = new QCheckBox(tr("Blocked: no store credit or account sales"), this);
    m_blocked->setChecked(customer.terms.blocked);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Credit &limit (0 = no account)"), m_limit);
    form->addRow(QString(), m_overdraftAllowed);
    form->addRow(tr("&Overdraft down to minus"), m_overdraft);
    form->addRow(tr("&Payment terms"), m_terms);
    form->addRow(QString(), m_blocked);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel (Esc)"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TermsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%1, card %2").arg(customer.name, customer.card), this));
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_limit->setFocus();
}

QString TermsDialog::errorText() const
{
    return m_error->text();
}

void TermsDialog::save()
{
    const Result<Money> limit = m_limit->amountOrZero();
    if (!limit) {
        m_error->setText(tr("Credit limit: %1").arg(limit.message()));
        return;
    }
    CreditTerms terms;
    terms.creditLimitMinorUnits = limit->minorUnits();
    if (m_overdraftAllowed->isChecked()) {
        const Result<Money> overdraft = m_overdraft->amountOrZero();
        if (!overdraft) {
            m_error->setText(tr("Overdraft: %1").arg(overdraft.message()));
            return;
        }
        terms.overdraftLimitMinorUnits = overdraft->minorUnits();
    }
    terms.paymentTermsDays = m_terms->value();
    terms.blocked = m_blocked->isChecked();
    Result<Customer> saved = m_session.store().customers().setTerms(m_customer.id, terms);
    if (!saved) {
        m_error->setText(Labels::error(saved.error()));
        return;
    }
    m_customer = *saved;
    accept();
}

} // namespace Slate::Ui
