#pragma once
// CustomerDetailsDialog: one customer's card with two tabs — "Credit history" (every wallet
// movement with the running balance) and "Payments and invoices" (invoices with what is
// outstanding and overdue, and recent sales with how they were paid).

#include "session.h"

#include <QDialog>

class QTableWidget;
class QTableWidgetItem;
class QTabWidget;

namespace Slate::Ui {

class CustomerCard;

class CustomerDetailsDialog : public QDialog {
    Q_OBJECT
public:
    CustomerDetailsDialog(const Session &session, const Core::Customer &customer, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *historyTable() const { return m_history; }
    QTableWidget *invoicesTable() const { return m_invoices; }
    QTableWidget *salesTable() const { return m_sales; }
    void reload();

private:
    const Session &m_session;
    Core::Customer m_customer;
    CustomerCard *m_card = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_history = nullptr;
    QTableWidget *m_invoices = nullptr;
    QTableWidget *m_sales = nullptr;
};

// A read-only table with the house look; the caller fills it.
QTableWidget *makeReadOnlyTable(const QStringList &headers, QWidget *parent);
// A table cell; amounts are right-aligned.
QTableWidgetItem *textCell(const QString &text, bool amount = false);

} // namespace Slate::Ui
