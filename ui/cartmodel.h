#pragma once
// CartModel: the lines of the sale being rung up, as a table for the checkout window. Each
// change is priced by core (pricing.h) before it is accepted, so a line the engine would refuse
// (a bad quantity, a discount larger than the line) never enters the cart.

#include "session.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace Slate::Ui {

struct CartLine {
    Core::Product product;
    qint64 quantity = 1;
    std::optional<Core::Money> discount; // off the whole line
    // A manager's authorisation of a discount beyond the cashier's maximum (F4); any other
    // discount on the line drops it.
    std::optional<Core::OverrideGrant> discountGrant;
};

class CartModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Item, Quantity, UnitPrice, Discount, Amount, ColumnCount };

    explicit CartModel(const Session &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Adds the product, or raises the quantity of its line if it is already in the cart.
    // Returns the row of the line.
    Core::Result<int> addProduct(const Core::Product &product, qint64 quantity);
    Core::Result<void> setQuantity(int row, qint64 quantity);
    Core::Result<void> setDiscount(int row, const std::optional<Core::Money> &discount,
                                   const std::optional<Core::OverrideGrant> &grant = std::nullopt);
    // Price x quantity of a line, before its discount (what a percentage is taken of).
    Core::Result<Core::Money> lineAmount(int row) const;
    void removeLine(int row);
    void clear();

    bool isEmpty() const { return m_lines.isEmpty(); }
    const QList<CartLine> &lines() const { return m_lines; }
    void setLines(const QList<CartLine> &lines);
    // Prices the lines again with the store's settings and tax codes as they are now (a sync
    // round changed them), so that the total shown is the one the sale will be committed at.
    void reprice();
    // The lines as the checkout engine takes them.
    QList<Core::SaleLineRequest> saleLines() const;
    // The managers' discount grants of the lines, for the sale request's overrides.
    QList<Core::OverrideGrant> discountGrants() const;
    // Total, tax and the priced lines (always priceable: refused changes are not applied).
    const Core::SaleTotals &totals() const { return m_totals; }

signals:
    void totalsChanged();
    // An edit in the table that core refused, for the window to show.
    void editRefused(const QString &message);

private:
    Core::Result<Core::SaleTotals> price(const QList<CartLine> &lines) const;
    Core::Result<void> apply(const QList<CartLine> &lines);

    const Session &m_session;
    QList<CartLine> m_lines;
    Core::SaleTotals m_totals;
    mutable QHash<QString, Core::TaxCode> m_taxCodes;
};

} // namespace Slate::Ui
