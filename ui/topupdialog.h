#pragma once
// TopUpDialog: add to a customer's store credit, paid by cash or card at the till (and by bank
// transfer in the back office). StoreCreditService::topUp posts it; the dialog only asks.

#include "session.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;

namespace Slate::Ui {

class AmountEdit;

class TopUpDialog : public QDialog {
    Q_OBJECT
public:
    enum class Place { Till, BackOffice };
    TopUpDialog(const Session &session, const Core::Customer &customer, Place place, QWidget *parent = nullptr);

    AmountEdit *amountField() const { return m_amount; }
    QLineEdit *noteField() const { return m_note; }
    void setJournal(Core::PaymentJournal journal);
    QString errorText() const;
    // Posts the top-up; on success accepts, and the entry and amounts can be read.
    void submit();

    const Core::JournalEntry &entry() const { return m_entry; }
    const Core::Money &amount() const { return m_posted; }
    Core::PaymentJournal journal() const;

private:
    const Session &m_session;
    Core::Customer m_customer;
    AmountEdit *m_amount = nullptr;
    QButtonGroup *m_journals = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_error = nullptr;
    Core::JournalEntry m_entry;
    Core::Money m_posted;
};

} // namespace Slate::Ui
