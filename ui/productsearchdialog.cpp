#include "productsearchdialog.h"

#include <QLineEdit>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr int kResultsShown = 100;
}

QVariant ProductListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Price ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const Product &product = m_products.at(index.row());
    switch (index.column()) {
    case Name:
        return product.name;
    case Price:
        return m_session.money(product.unitPrice);
    case Sku:
        return product.sku;
    case Barcode:
        return product.barcode;
    default:
        return {};
    }
}

QVariant ProductListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Product");
    case Price:
        return tr("Price");
    case Sku:
        return tr("SKU");
    case Barcode:
        return tr("Barcode");
    default:
        return {};
    }
}

void ProductListModel::setProducts(const QList<Product> &products)
{
    beginResetModel();
    m_products = products;
    endResetModel();
}

ProductSearchDialog::ProductSearchDialog(const Session &session, const QString &text, QWidget *parent)
    : SearchDialog(tr("Find product"), tr("Type part of the name, the SKU or the barcode"), parent), m_session(session)
{
    setObjectName(QStringLiteral("productSearchDialog"));
    m_model = new ProductListModel(session, this);
    setModel(m_model);
    searchField()->setText(text);
    searchNow();
}

std::optional<Product> ProductSearchDialog::selected() const
{
    const int row = currentRow();
    if (row < 0)
        return std::nullopt;
    return m_model->product(row);
}

void ProductSearchDialog::runSearch(const QString &text)
{
    Result<QList<Product>> found = m_session.store().catalog().search(text, kResultsShown);
    if (!found) {
        m_model->setProducts({});
        setStatus(found.message());
        return;
    }
    QList<Product> active;
    for (const Product &product : *found) {
        if (product.active)
            active.append(product);
    }
    m_model->setProducts(active);
    setStatus(active.isEmpty() ? tr("No product matches \"%1\".").arg(text) : tr("%n product(s) found.", nullptr, int(active.size())));
}

} // namespace Slate::Ui
