#pragma once
// ProductSearchDialog: pick a product by name, SKU or barcode when what was typed at the till
// matches more than one (ProductCatalog::search).

#include "searchdialog.h"
#include "session.h"

#include <QAbstractTableModel>

namespace Slate::Ui {

class ProductListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Price, Sku, Barcode, ColumnCount };
    ProductListModel(const Session &session, QObject *parent) : QAbstractTableModel(parent), m_session(session) {}

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_products.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setProducts(const QList<Core::Product> &products);
    const Core::Product &product(int row) const { return m_products.at(row); }

private:
    const Session &m_session;
    QList<Core::Product> m_products;
};

class ProductSearchDialog : public SearchDialog {
    Q_OBJECT
public:
    ProductSearchDialog(const Session &session, const QString &text, QWidget *parent = nullptr);
    std::optional<Core::Product> selected() const;

protected:
    void runSearch(const QString &text) override;

private:
    const Session &m_session;
    ProductListModel *m_model = nullptr;
};

} // namespace Slate::Ui
