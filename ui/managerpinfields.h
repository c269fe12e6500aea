#pragma once
// ManagerPinFields: who authorises, their PIN and why — the fields of every manager approval at
// the till (an override, a top-up over a cashier's bound, a void). Managers are listed before
// administrators, so a manager is the default; the user at the till is left out when the
// store's four-eyes rule forbids approving one's own transaction (core refuses it anyway).

#include "session.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace Slate::Ui {

class ManagerPinFields : public QWidget {
    Q_OBJECT
public:
    ManagerPinFields(const Session &session, const QString &reasonExample, QWidget *parent = nullptr);

    QComboBox *managerField() const { return m_manager; }
    QLineEdit *pinField() const { return m_pin; }
    QLineEdit *reasonField() const { return m_reason; }
    bool selectManager(const QString &name);
    bool hasManagers() const;
    Core::ManagerPin approval() const;
    void clearPin();

private:
    QComboBox *m_manager = nullptr;
    QLineEdit *m_pin = nullptr;
    QLineEdit *m_reason = nullptr;
};

} // namespace Slate::Ui
