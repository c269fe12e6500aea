#pragma once
// VoidDialog: take back this till's last transaction — the sale or top-up just made, before the
// next one — with a manager's PIN and a reason. VoidService posts one reversal entry; the dialog
// shows what would be voided and asks.

#include "session.h"

#include <QDialog>

class QLabel;

namespace Slate::Ui {

class ManagerPinFields;

class VoidDialog : public QDialog {
    Q_OBJECT
public:
    explicit VoidDialog(Session &session, QWidget *parent = nullptr);

    bool hasTransaction() const { return m_last.has_value(); }
    QString descriptionText() const;
    QString errorText() const;
    ManagerPinFields *managerFields() const { return m_fields; }
    // Voids it; on success accepts and the receipt can be read.
    void submit();
    const std::optional<Core::VoidReceipt> &receipt() const { return m_receipt; }

private:
    Session &m_session;
    std::optional<Core::VoidableTransaction> m_last;
    QLabel *m_description = nullptr;
    QLabel *m_error = nullptr;
    ManagerPinFields *m_fields = nullptr;
    std::optional<Core::VoidReceipt> m_receipt;
};

} // namespace Slate::Ui
