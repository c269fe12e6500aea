#pragma once
// CustomerCreditModel: customers with their credit figures for the back office list — wallet,
// overdraft, limit, used, available, overdue and state, each from ReceivablesService::overview.
// Amount columns sort by their value (Qt::UserRole), not by their text.

#include "session.h"

#include <QAbstractTableModel>

namespace Slate::Ui {

class CustomerCreditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The state comes early: it is what a manager scans the list for.
    enum Column { Card, Name, State, Phone, Wallet, Overdraft, Limit, Used, Available, Overdue, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    CustomerCreditModel(const Session &session, QObject *parent) : QAbstractTableModel(parent), m_session(session) {}

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Searches customers (CustomerDirectory::find) and reads each one's overview.
    Core::Result<void> load(const QString &text, int rowsMax);
    // Whether more customers may match the last search than were loaded.
    bool more() const { return m_more; }
    const Core::Customer &customer(int row) const { return m_rows.at(row).customer; }
    const Core::CreditOverview &overview(int row) const { return m_rows.at(row).overview; }

private:
    static QString amountHeader(int section);
    struct Row {
        Core::Customer customer;
        Core::CreditOverview overview;
    };
    const Session &m_session;
    QList<Row> m_rows;
    bool m_more = false;
};

} // namespace Slate::Ui
