#include "topupdialog.h"

#include "amountedit.h"
#include "labels.h"
#include "managerpinfields.h"

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
    // The quick amounts give way to the confirmation (and the manager's fields), so that the
    // dialog fits a 1024x768 screen; changing the amount brings them back.
    m_quickAmounts = new QWidget(this);
    auto *quick = new QHBoxLayout(m_quickAmounts);
    quick->setContentsMargins(0, 0, 0, 0);
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
    form->addRow(QString(), m_quickAmounts);
    form->addRow(tr("Paid by"), journalRow);
    form->addRow(tr("&Note"), m_note);
    m_confirmation = new QLabel(this);
    m_confirmation->setObjectName(QStringLiteral("topUpConfirmation"));
    m_confirmation->setWordWrap(true);
    m_confirmation->hide();
    m_managerFields = new ManagerPinFields(session, tr("Why, e.g. gift cards for the staff party"), this);
    m_managerFields->hide();
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("Top up (Enter)"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("topUpButton"));
    m_ok->setDefault(true);
    buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(m_ok, &QPushButton::clicked, this, &TopUpDialog::submit);
    // A changed amount or tender needs a new confirmation.
    connect(m_amount, &QLineEdit::textEdited, this, &TopUpDialog::backToEditing);
    connect(m_journals, &QButtonGroup::idClicked, this, &TopUpDialog::backToEditing);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addLayout(form);
    layout->addWidget(m_confirmation);
    layout->addWidget(m_managerFields);
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

QString TopUpDialog::confirmationText() const
{
    return m_confirmation->isVisible() || m_confirming ? m_confirmation->text() : QString();
}

void TopUpDialog::backToEditing()
{
    m_confirming = false;
    m_needsManager = false;
    m_confirmation->hide();
    m_managerFields->hide();
    m_quickAmounts->show();
    m_ok->setText(tr("Top up (Enter)"));
}

void TopUpDialog::submit()
{
    const Result<Money> amount = m_amount->amount();
    if (!amount) {
        m_error->setText(amount.message() == m_amount->tooLarge()
                             ? amount.message()
                             : tr("Type the amount to add, e.g. %1.").arg(m_session.amountText(Money(20000, m_session.currency()))));
        m_amount->setFocus();
        return;
    }
    TopUpService &topUps = m_session.store().topUps();
    if (!m_confirming) {
        const Result<TopUpCheck> check = topUps.check(m_customer, *amount, m_session.user().name);
        if (!check) {
            m_error->setText(Labels::error(check.error()));
            return;
        }
        if (check->verdict == TopUpVerdict::OverWalletMax) {
            m_error->setText(tr("Refused: the wallet may hold at most %1; at most %2 can be added.")
                                 .arg(m_session.money(check->walletMax), m_session.money(check->walletRoom)));
            m_amount->setFocus();
            return;
        }
        m_needsManager = check->verdict == TopUpVerdict::NeedsManager;
        QString text = tr("Add %1 to the store credit of %2 (card %3), paid by %4?")
                           .arg(m_session.money(*amount), m_customer.name, m_customer.card, Labels::paymentJournal(journal()).toLower());
        if (m_needsManager)
            text += QLatin1Char('\n')
                    + tr("A cashier may top up at most %1 at a time and %2 a day (%3 so far today): a manager must authorise %4.")
                          .arg(m_session.money(check->cashierMax), m_session.money(check->cashierDayMax),
                               m_session.money(check->cashierDayUsed), m_session.money(check->over));
        m_confirmation->setText(text);
        m_quickAmounts->hide();
        m_confirmation->show();
        m_managerFields->setVisible(m_needsManager);
        m_error->clear();
        m_confirming = true;
        m_ok->setText(tr("Confirm top-up (Enter)"));
        if (m_needsManager)
            m_managerFields->pinField()->setFocus();
        return;
    }
    std::optional<ManagerPin> approval;
    if (m_needsManager) {
        if (m_managerFields->approval().reason.isEmpty()) {
            m_error->setText(tr("Give a reason; it is recorded with the top-up."));
            m_managerFields->reasonField()->setFocus();
            return;
        }
        approval = m_managerFields->approval();
        m_managerFields->clearPin();
    }
    Result<TopUpReceipt> receipt = topUps.topUp(TopUpRequest{m_customer, *amount, journal(), m_note->text().trimmed(),
                                                             m_session.user().name, approval});
    if (!receipt) {
        if (receipt.code() == ErrorCode::AuthenticationFailed)
            m_error->setText(tr("Wrong manager or PIN; nothing was added."));
        else if (receipt.code() == ErrorCode::NotPermitted && m_needsManager)
            m_error->setText(tr("This manager may not authorise it: %1").arg(receipt.message()));
        else
            m_error->setText(Labels::error(receipt.error()));
        return;
    }
    m_entry = receipt->entry;
    m_posted = *amount;
    m_approvedBy = receipt->approvedBy;
    accept();
}

} // namespace Slate::Ui
