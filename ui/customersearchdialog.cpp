#include "customersearchdialog.h"

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr int kResultsShown = 50;
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    const Customer &customer = m_customers.at(index.row());
    switch (index.column()) {
    case Card:
        return customer.card;
    case Name:
        return customer.name;
    case Phone:
        return customer.phone;
    case Email:
        return customer.email;
    default:
        return {};
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Card:
        return tr("Card");
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Email:
        return tr("E-mail");
    default:
        return {};
    }
}

void CustomerListModel::setCustomers(const QList<Customer> &customers)
{
    beginResetModel();
    m_customers = customers;
    endResetModel();
}

CustomerSearchDialog::CustomerSearchDialog(const Session &session, QWidget *parent)
    : SearchDialog(tr("Attach customer"), tr("Scan the customer card, or type name, phone or card number"), parent),
      m_session(session)
{
    setObjectName(QStringLiteral("customerSearchDialog"));
    m_model = new CustomerListModel(this);
    setModel(m_model);
}

std::optional<Customer> CustomerSearchDialog::selected() const
{
    const int row = currentRow();
    if (row < 0)
        return std::nullopt;
    return m_model->customer(row);
}

void CustomerSearchDialog::runSearch(const QString &text)
{
    if (text.isEmpty()) {
        m_model->setCustomers({});
        setStatus(QString());
        return;
    }
    Result<CustomerMatches> found = m_session.store().customers().find(text, kResultsShown);
    if (!found) {
        m_model->setCustomers({});
        setStatus(found.message());
        return;
    }
    m_model->setCustomers(found->customers);
    const int shown = int(found->customers.size());
    // With many customers a search reads only so many candidates (core/customers/customersearch.h);
    // when more may match, the cashier is asked for more text, not shown a longer list.
    if (shown == 0 && found->more)
        setStatus(tr("Too many customers to look through for \"%1\"; type more to narrow the search.").arg(text));
    else if (shown == 0)
        setStatus(tr("No customer matches \"%1\".").arg(text));
    else if (found->more)
        setStatus(tr("Showing %n customer(s); more may match — type more to narrow the search.", nullptr, shown));
    else
        setStatus(tr("%n customer(s) found.", nullptr, shown));
}

} // namespace Slate::Ui
