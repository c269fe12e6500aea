#include "customerdetailsdialog.h"

#include "customercard.h"
#include "labels.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr int kHistoryRowsShown = 500;
constexpr int kSalesShown = 50;
}

QTableWidget *makeReadOnlyTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *textCell(const QString &text, bool amount)
{
    auto *item = new QTableWidgetItem(text);
    if (amount)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

CustomerDetailsDialog::CustomerDetailsDialog(const Session &session, const Customer &customer, QWidget *parent)
    : QDialog(parent), m_session(session), m_customer(customer)
{
    setObjectName(QStringLiteral("customerDetailsDialog"));
    setWindowTitle(tr("Customer %1").arg(customer.name));
    m_card = new CustomerCard(session, this);
    m_card->setMinimumWidth(300);
    m_tabs = new QTabWidget(this);
    m_history = makeReadOnlyTable({tr("Date"), tr("What"), tr("Amount"), tr("Balance after"), tr("By"), tr("Note")}, this);
    m_history->setAccessibleName(tr("Credit history"));
    m_tabs->addTab(m_history, tr("Credit history"));

    auto *payments = new QWidget(this);
    m_invoices = makeReadOnlyTable({tr("Invoice"), tr("Issued"), tr("Due"), tr("Amount"), tr("Outstanding"), tr("Status")}, payments);
    m_invoices->setAccessibleName(tr("Invoices"));
    m_sales = makeReadOnlyTable({tr("Receipt"), tr("Date"), tr("Total"), tr("Paid with")}, payments);
    m_sales->setAccessibleName(tr("Sales"));
    auto *paymentsLayout = new QVBoxLayout(payments);
    paymentsLayout->addWidget(new QLabel(tr("Invoices"), payments));
    paymentsLayout->addWidget(m_invoices, 1);
    paymentsLayout->addWidget(new QLabel(tr("Recent sales"), payments));
    paymentsLayout->addWidget(m_sales, 1);
    m_tabs->addTab(payments, tr("Payments and invoices"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close (Esc)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_card);
    columns->addWidget(m_tabs, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(1100, 620);
    reload();
}

void CustomerDetailsDialog::reload()
{
    m_card->setCustomer(m_customer);
    Result<QList<WalletHistoryRow>> history = m_session.store().credit().history(m_customer.id, kHistoryRowsShown);
    m_history->setRowCount(0);
    if (history) {
        // Newest first: what the cashier is asked about is usually the latest movement.
        const QList<WalletHistoryRow> &rows = *history;
        m_history->setRowCount(int(rows.size()));
        for (int i = 0; i < rows.size(); ++i) {
            const WalletHistoryRow &entry = rows.at(rows.size() - 1 - i);
            m_history->setItem(i, 0, textCell(m_session.dateTime(entry.createdUtc)));
            m_history->setItem(i, 1, textCell(Labels::entryKind(entry.kind)));
            m_history->setItem(i, 2, textCell(m_session.money(entry.amount), true));
            m_history->setItem(i, 3, textCell(m_session.money(entry.runningBalance), true));
            m_history->setItem(i, 4, textCell(entry.userName));
            m_history->setItem(i, 5, textCell(entry.note));
        }
    }
    m_history->resizeColumnsToContents();
    m_history->horizontalHeader()->setStretchLastSection(true);

    m_invoices->setRowCount(0);
    if (Result<QList<Invoice>> invoices = m_session.receivables().invoices(m_customer.id, false)) {
        m_invoices->setRowCount(int(invoices->size()));
        for (int row = 0; row < invoices->size(); ++row) {
            const Invoice &invoice = invoices->at(row);
            const QString status = invoice.isOverdue(m_session.today()) ? tr("⚠ Overdue")
                                   : invoice.outstanding.isZero()      ? tr("Paid")
                                                                       : tr("Open");
            m_invoices->setItem(row, 0, textCell(invoice.number));
            m_invoices->setItem(row, 1, textCell(m_session.date(invoice.issued)));
            m_invoices->setItem(row, 2, textCell(m_session.date(invoice.due)));
            m_invoices->setItem(row, 3, textCell(m_session.money(invoice.amount), true));
            m_invoices->setItem(row, 4, textCell(m_session.money(invoice.outstanding), true));
            m_invoices->setItem(row, 5, textCell(status));
        }
    }
    m_invoices->resizeColumnsToContents();
    m_invoices->horizontalHeader()->setStretchLastSection(true);

    m_sales->setRowCount(0);
    if (Result<QList<SaleRecord>> sales = m_session.checkout().salesOfCustomer(m_customer.id, kSalesShown)) {
        m_sales->setRowCount(int(sales->size()));
        for (int row = 0; row < sales->size(); ++row) {
            const SaleRecord &sale = sales->at(row);
            QStringList tenders;
            for (const TenderAssessment &tender : sale.tenders)
                tenders.append(tr("%1 %2").arg(Labels::tender(tender.kind), m_session.money(tender.posted)));
            m_sales->setItem(row, 0, textCell(sale.saleId));
            m_sales->setItem(row, 1, textCell(m_session.dateTime(sale.createdUtc)));
            m_sales->setItem(row, 2, textCell(m_session.money(sale.total), true));
            m_sales->setItem(row, 3, textCell(tenders.join(QStringLiteral(", "))));
        }
    }
    m_sales->resizeColumnsToContents();
    m_sales->horizontalHeader()->setStretchLastSection(true);
}

} // namespace Slate::Ui
