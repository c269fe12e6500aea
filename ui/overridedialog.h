#pragma once
// OverrideDialog: a manager authorises one refused tender to go over what is available — pick
// the manager, type their PIN and a reason. CheckoutService::authorizeOverride checks the PIN
// (audited, with lockout), the role and the manager's maximum, and returns a single-use grant.

#include "session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Slate::Ui {

class ManagerPinFields;

class OverrideDialog : public QDialog {
    Q_OBJECT
public:
    OverrideDialog(Session &session, const Core::Customer &customer, Core::TenderKind tender, const Core::Money &over,
                   QWidget *parent = nullptr);

    QComboBox *managerField() const { return m_manager; }
    QLineEdit *pinField() const { return m_pin; }
    QLineEdit *reasonField() const { return m_reason; }
    QString errorText() const;
    bool selectManager(const QString &name);
    // Asks core for the grant; on success accepts.
    void authorise();
    const std::optional<Core::OverrideGrant> &grant() const { return m_grant; }

private:
    Session &m_session;
    Core::Customer m_customer;
    Core::TenderKind m_tender;
    Core::Money m_over;
    ManagerPinFields *m_fields = nullptr;
    QComboBox *m_manager = nullptr;
    QLineEdit *m_pin = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    std::optional<Core::OverrideGrant> m_grant;
};

} // namespace Slate::Ui
