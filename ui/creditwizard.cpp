#include "creditwizard.h"

#include "amountedit.h"
#include "labels.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QWizardPage>

namespace Slate::Ui {

using namespace Slate::Core;

CreditWizard::CreditWizard(const Session &session, const Customer &customer, QWidget *parent)
    : QWizard(parent), m_session(session), m_customer(customer)
{
    setObjectName(QStringLiteral("creditWizard"));
    setWindowTitle(tr("Update with accounting entry — %1").arg(customer.name));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::BackButton, tr("< Back"));
    setButtonText(QWizard::NextButton, tr("Next >"));
    setButtonText(QWizard::FinishButton, tr("Add credit"));
    setButtonText(QWizard::CancelButton, tr("Cancel (Esc)"));

    auto *amountPage = new QWizardPage(this);
    amountPage->setTitle(tr("How much store credit did %1 pay for?").arg(customer.name));
    m_amount = new AmountEdit(session, amountPage);
    m_amount->setAccessibleName(tr("Amount"));
    m_amountError = new QLabel(amountPage);
    m_amountError->setObjectName(QStringLiteral("errorText"));
    auto *amountLayout = new QFormLayout(amountPage);
    amountLayout->addRow(tr("&Amount"), m_amount);
    amountLayout->addRow(QString(), m_amountError);
    setPage(AmountPage, amountPage);

    auto *journalPage = new QWizardPage(this);
    journalPage->setTitle(tr("Which payment journal received the money?"));
    m_journals = new QButtonGroup(this);
    auto *journalLayout = new QVBoxLayout(journalPage);
    for (PaymentJournal journal : {PaymentJournal::Cash, PaymentJournal::Bank, PaymentJournal::Card}) {
        auto *radio = new QRadioButton(Labels::paymentJournal(journal), journalPage);
        m_journals->addButton(radio, int(journal));
        journalLayout->addWidget(radio);
    }
    m_journals->button(int(PaymentJournal::Bank))->setChecked(true);
    setPage(JournalPage, journalPage);

    auto *notePage = new QWizardPage(this);
    notePage->setTitle(tr("Note and confirm"));
    m_note = new QLineEdit(notePage);
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("e.g. bank transfer reference"));
    m_summary = new QLabel(notePage);
    m_summary->setWordWrap(true);
    m_error = new QLabel(notePage);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    auto *noteLayout = new QFormLayout(notePage);
    noteLayout->addRow(tr("&Note"), m_note);
    noteLayout->addRow(m_summary);
    noteLayout->addRow(m_error);
    setPage(NotePage, notePage);
    resize(620, 380);
}

void CreditWizard::setJournal(PaymentJournal journal)
{
    if (QAbstractButton *button = m_journals->button(int(journal)))
        button->setChecked(true);
}

PaymentJournal CreditWizard::journal() const
{
    return PaymentJournal(m_journals->checkedId());
}

QString CreditWizard::errorText() const
{
    return m_amountError->text() + m_error->text();
}

void CreditWizard::initializePage(int id)
{
    if (id == NotePage) {
        const Result<Money> amount = m_amount->amount();
        const Result<Money> wallet = m_session.store().credit().wallet(m_customer.id);
        m_summary->setText(tr("Adds %1 to the store credit of %2, received by %3. The wallet becomes %4.")
                               .arg(amount ? m_session.money(*amount) : QString(), m_customer.name,
                                    Labels::paymentJournal(journal()).toLower(),
                                    amount && wallet && wallet->plus(*amount) ? m_session.money(*wallet->plus(*amount)) : QString()));
    }
    QWizard::initializePage(id);
}

bool CreditWizard::validateCurrentPage()
{
    if (currentId() == AmountPage) {
        const Result<Money> amount = m_amount->amount();
        if (!amount || !amount->isPositive()) {
            m_amountError->setText(tr("Type an amount above zero."));
            return false;
        }
        m_amountError->clear();
        return true;
    }
    if (currentId() == NotePage) {
        const Result<Money> amount = m_amount->amount();
        if (!amount)
            return false;
        Result<JournalEntry> entry = m_session.store().credit().topUp(m_customer, *amount, journal(), m_note->text().trimmed(),
                                                                      m_session.user().name);
        if (!entry) {
            m_error->setText(Labels::error(entry.error()));
            return false;
        }
        m_entry = *entry;
    }
    return true;
}

} // namespace Slate::Ui
