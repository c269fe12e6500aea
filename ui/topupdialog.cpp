#include "topupdialog.h"

#include "amountedit.h"
#include "labels.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

TopUpDialog::TopUpDialog(const Session &session, const Customer &customer, Place place, QWidget *parent)
    : QDialog(parent), m_session(session), m_customer(customer), m_posted(session.zero())
{
    setObjectName(QStringLiteral("topUpDialog"));
    setWindowTitle(tr("Top up store credit"));
    const Result<Money> wallet = session.store().credit().wallet(customer.id);
    auto *who = new QLabel(tr("%1 (card %2) has %3 of store credit.")
                               .arg(customer.name, customer.card, wallet ? session.money(*wallet) : wallet.message()),
                           this);
    who->setWordWrap(true);

    m_amount = new AmountEdit(session, this);
    m_amount->setObjectName(QStringLiteral("topUpAmount"));
    m_amount->setAccessibleName(tr("Amount to add"));
    auto *quick = new QHBoxLayout;
    for (qint64 major : {100, 200, 500, 1000}) {
        const Money amount(major * session.currency().minorPerMajor(), session.currency());
        auto *button = new QPushButton(session.money(amount), this);
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::NoFocus);
        button->setAccessibleName(tr("Top up %1").arg(session.money(amount)));
        connect(button, &QPushButton::clicked, this, [this, amount] { m_amount->setAmount(amount); });
        quick->addWidget(button);
    }

    m_journals = new QButtonGroup(this);
    auto *journalRow = new QHBoxLayout;
    QList<PaymentJournal> journals{PaymentJournal::Cash, PaymentJournal::Card};
    if (place == Place::BackOffice)
        journals.append(PaymentJournal::Bank);
    for (PaymentJournal journal : journals) {
        auto *radio = new QRadioButton(Labels::paymentJournal(journal), this);
        radio->setAccessibleName(tr("Paid by %1").arg(Labels::paymentJournal(journal)));
        m_journals->addButton(radio, int(journal));
        journalRow->addWidget(radio);
    }
    m_journals->button(int(PaymentJournal::Cash))->setChecked(true);
    m_note = new QLineEdit(this);
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("Optional, e.g. gift card"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Amount"), m_amount);
    form->addRow(QString(), quick);
    form->addRow(tr("Paid by"), journalRow);
    form->addRow(tr("&Note"), m_note);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Top up (Enter)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("topUpButton"));
    ok->setDefault(true);
    buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(ok, &QPushButton::clicked, this, &TopUpDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_amount->setFocus();
}

void TopUpDialog::setJournal(PaymentJournal journal)
{
    if (QAbstractButton *button = m_journals->button(int(journal)))
        button->setChecked(true);
}

PaymentJournal TopUpDialog::journal() const
{
    return PaymentJournal(m_journals->checkedId());
}

QString TopUpDialog::errorText() const
{
    return m_error->text();
}

void TopUpDialog::submit()
{
    const Result<Money> amount = m_amount->amount();
    if (!amount) {
        m_error->setText(tr("Type the amount to add, e.g. %1.").arg(m_session.amountText(Money(20000, m_session.currency()))));
        m_amount->setFocus();
        return;
    }
    Result<JournalEntry> entry = m_session.store().credit().topUp(m_customer, *amount, journal(), m_note->text().trimmed(),
                                                                  m_session.user().name);
    if (!entry) {
        m_error->setText(Labels::error(entry.error()));
        return;
    }
    m_entry = *entry;
    m_posted = *amount;
    accept();
}

} // namespace Slate::Ui
