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
    Result<QList<Customer>> found = m_session.store().customers().search(text, kResultsShown);
    if (!found) {
        m_model->setCustomers({});
        setStatus(found.message());
        return;
    }
    m_model->setCustomers(*found);
    if (found->isEmpty())
        setStatus(tr("No customer matches \"%1\".").arg(text));
    else if (found->size() == kResultsShown)
        setStatus(tr("Showing the first %1; type more to narrow the search.").arg(kResultsShown));
    else
        setStatus(tr("%n customer(s) found.", nullptr, int(found->size())));
}

} // namespace Slate::Ui
