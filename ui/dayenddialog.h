#pragma once
// DayEndDialog: the till's day end for a manager (or a cashier when the store allows it) — the
// opening float, cash in and out with a reason, the drawer opened without a sale, the X report and
// the Z report that closes the day against the counted cash. Core's CashDrawerService and
// DayEndService decide who may and what is allowed; this shows the drawer and forwards intent.
// A report, once made, opens as a printable receipt (reportMade).

#include "session.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Slate::Ui {

class AmountEdit;

class DayEndDialog : public QDialog {
    Q_OBJECT
public:
    explicit DayEndDialog(Session &session, QWidget *parent = nullptr);

    AmountEdit *amountField() const { return m_amount; }
    QLineEdit *reasonField() const { return m_reason; }
    QString drawerText() const;
    QString errorText() const;
    QString doneText() const;
    const std::optional<Core::DayReport> &lastReport() const { return m_report; }

    void takeFloat();
    void cashIn();
    void cashOut();
    void openDrawer();
    void xReport();
    void zReport();

signals:
    // A report was made and stored: its title and HTML (Receipts::dayReport), to show and print.
    void reportMade(const QString &title, const QString &html);
    void journalChanged();

private:
    void move(Core::EntryKind kind);
    void showDrawer();
    void showError(const Core::Error &error);
    void done(const QString &text);

    Session &m_session;
    QLabel *m_drawer = nullptr;
    AmountEdit *m_amount = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_done = nullptr;
    std::optional<Core::DayReport> m_report;
};

} // namespace Slate::Ui
