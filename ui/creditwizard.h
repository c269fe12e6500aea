#pragma once
// CreditWizard: "Update with accounting entry" — add store credit that the customer paid for,
// step by step: the amount, the payment journal that received the money (cash, bank, card),
// and a note. StoreCreditService::topUp posts one balanced entry for it.

#include "session.h"

#include <QWizard>

class QButtonGroup;
class QLabel;
class QLineEdit;

namespace Slate::Ui {

class AmountEdit;

class CreditWizard : public QWizard {
    Q_OBJECT
public:
    CreditWizard(const Session &session, const Core::Customer &customer, QWidget *parent = nullptr);

    AmountEdit *amountField() const { return m_amount; }
    void setJournal(Core::PaymentJournal journal);
    QLineEdit *noteField() const { return m_note; }
    QString errorText() const;
    const std::optional<Core::JournalEntry> &entry() const { return m_entry; }

protected:
    bool validateCurrentPage() override;
    void initializePage(int id) override;

private:
    enum Page { AmountPage, JournalPage, NotePage };
    Core::PaymentJournal journal() const;

    const Session &m_session;
    Core::Customer m_customer;
    AmountEdit *m_amount = nullptr;
    QLabel *m_amountError = nullptr;
    QButtonGroup *m_journals = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    std::optional<Core::JournalEntry> m_entry;
};

} // namespace Slate::Ui
