#include "customercreditmodel.h"

#include "labels.h"

namespace Slate::Ui {

using namespace Slate::Core;

QVariant CustomerCreditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const CreditOverview &overview = row.overview;
    auto amount = [&](const Money &money) -> QVariant {
        if (role == SortRole)
            return money.minorUnits();
        return m_session.amountText(money); // the currency is in the header
    };
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Wallet && index.column() <= Overdue ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                                       : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Card:
        return row.customer.card;
    case Name:
        return row.customer.name;
    case Phone:
        return row.customer.phone;
    case Wallet:
        return amount(overview.wallet);
    case Overdraft:
        if (!overview.overdraftLimit)
            return role == SortRole ? QVariant(qint64(-1)) : QVariant(tr("none"));
        return amount(*overview.overdraftLimit);
    case Limit:
        return amount(overview.creditLimit);
    case Used:
        return amount(overview.used);
    case Available:
        return amount(overview.available);
    case Overdue:
        return amount(overview.overdue);
    case State:
        return role == SortRole ? QVariant(int(overview.state)) : QVariant(Labels::creditState(overview.state));
    default:
        return {};
    }
}

QVariant CustomerCreditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section >= Wallet && section <= Overdue)
        return QStringLiteral("%1\n(%2)").arg(amountHeader(section), m_session.currency().code()); // two lines: narrow columns
    switch (section) {
    case Card:
        return tr("Card");
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case State:
        return tr("State");
    default:
        return {};
    }
}

QString CustomerCreditModel::amountHeader(int section)
{
    switch (section) {
    case Wallet:
        return tr("Wallet");
    case Overdraft:
        return tr("Overdraft");
    case Limit:
        return tr("Limit");
    case Used:
        return tr("Used");
    case Available:
        return tr("Available");
    case Overdue:
        return tr("Overdue");
    default:
        return {};
    }
}

Result<void> CustomerCreditModel::load(const QString &text, int rowsMax)
{
    Result<CustomerMatches> found = m_session.store().customers().find(text, rowsMax);
    if (!found)
        return found.error();
    QList<Row> rows;
    rows.reserve(found->customers.size());
    const QDate today = m_session.today();
    for (const Customer &customer : std::as_const(found->customers)) {
        Result<CreditOverview> overview = m_session.receivables().overview(customer, today);
        if (!overview)
            return overview.error();
        rows.append(Row{customer, *overview});
    }
    beginResetModel();
    m_rows = rows;
    m_more = found->more;
    endResetModel();
    return {};
}

} // namespace Slate::Ui
