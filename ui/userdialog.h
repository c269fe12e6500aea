#pragma once
// UserDialog: add a user of the till (name, role, PIN, a manager's largest override) or give a
// user a new PIN. UserDirectory validates names and PINs and hashes the PIN.

#include "session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Slate::Ui {

class AmountEdit;

class UserDialog : public QDialog {
    Q_OBJECT
public:
    // Adds a new user.
    UserDialog(const Session &session, QWidget *parent = nullptr);
    // Resets the PIN of an existing user.
    UserDialog(const Session &session, const QString &userName, QWidget *parent = nullptr);

    QLineEdit *nameField() const { return m_name; }
    QComboBox *roleField() const { return m_role; }
    QLineEdit *pinField() const { return m_pin; }
    QLineEdit *repeatField() const { return m_repeat; }
    AmountEdit *overrideMaxField() const { return m_overrideMax; }
    QString errorText() const;
    void submit();

private:
    void build(bool adding);

    const Session &m_session;
    QString m_userName; // empty when adding
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_pin = nullptr;
    QLineEdit *m_repeat = nullptr;
    AmountEdit *m_overrideMax = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Slate::Ui
