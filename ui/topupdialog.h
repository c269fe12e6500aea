#pragma once
// TopUpDialog: add to a customer's store credit, paid by cash or card at the till (and by bank
// transfer in the back office). Enter first shows a confirmation — customer, amount, tender —
// and, when core's TopUpService says the amount is over the cashier's bound, asks for a
// manager's PIN; Enter again posts it through TopUpService. The bounds are core's; the dialog asks.

#include "session.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Slate::Ui {

class AmountEdit;
class ManagerPinFields;

class TopUpDialog : public QDialog {
    Q_OBJECT
public:
    enum class Place { Till, BackOffice };
    TopUpDialog(const Session &session, const Core::Customer &customer, Place place, QWidget *parent = nullptr);

    AmountEdit *amountField() const { return m_amount; }
    QLineEdit *noteField() const { return m_note; }
    void setJournal(Core::PaymentJournal journal);
    QString errorText() const;
    // First Enter: checks with core and shows the confirmation (and the manager's fields when
    // needed). Second Enter: posts the top-up; on success accepts.
    void submit();
    bool confirming() const { return m_confirming; }
    QString confirmationText() const;
    ManagerPinFields *managerFields() const { return m_managerFields; }
    const QString &approvedBy() const { return m_approvedBy; }

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
    QLabel *m_confirmation = nullptr;
    QWidget *m_quickAmounts = nullptr;
    ManagerPinFields *m_managerFields = nullptr;
    QPushButton *m_ok = nullptr;
    bool m_confirming = false;
    bool m_needsManager = false;
    QString m_approvedBy;
    void backToEditing();
    Core::JournalEntry m_entry;
    Core::Money m_posted;
};

} // namespace Slate::Ui
