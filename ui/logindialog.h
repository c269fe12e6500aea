#pragma once
// LoginDialog: who is at the till, or which manager opens the back office. Pick a user from the
// list (touch or arrow keys), type the PIN, Enter. UserDirectory::authenticate checks it,
// audits it and applies the lockout.

#include "store/demodata.h"
#include "session.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;

namespace Slate::Ui {

class LoginDialog : public QDialog {
    Q_OBJECT
public:
    enum class Purpose {
        Till,       // anyone with a PIN starts working at the till
        BackOffice, // a manager or administrator opens the back office
    };
    LoginDialog(Session &session, Purpose purpose, QWidget *parent = nullptr);

    QListWidget *userList() const { return m_users; }
    QLineEdit *pinField() const { return m_pin; }
    QString errorText() const;
    // Selects a user by name; false if the name is not in the list.
    bool selectUser(const QString &name);
    // Tries the typed PIN for the selected user; on success accepts (at the till, the user
    // becomes the session's user).
    void logIn();
    const Core::User &user() const { return m_user; }
    // On the first run of a demo database: shows who the demo users are and their PINs.
    void showDemoUsers(const QList<Core::DemoData::DemoUser> &users);

private:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void loadUsers();

    Session &m_session;
    Purpose m_purpose;
    Core::User m_user;
    QListWidget *m_users = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_demo = nullptr;
};

} // namespace Slate::Ui
