#include "cartmodel.h"

namespace Slate::Ui {

using namespace Slate::Core;

CartModel::CartModel(const Session &session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
    m_totals.gross = m_totals.net = m_totals.tax = session.zero();
}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int CartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const CartLine &line = m_lines.at(index.row());
    const bool priced = index.row() < m_totals.lines.size();
    if (role == Qt::TextAlignmentRole)
        return index.column() == Item ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case Quantity:
            return QString::number(line.quantity);
        case Discount:
            return line.discount ? m_session.amountText(*line.discount) : QString();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Item:
        return line.product.name;
    case Quantity:
        return m_session.locale().toString(line.quantity);
    case UnitPrice:
        return m_session.money(line.product.unitPrice);
    case Discount:
        return line.discount ? m_session.money(*line.discount) : QString();
    case Amount:
        return priced ? m_session.money(m_totals.lines.at(index.row()).gross) : QString();
    default:
        return {};
    }
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Item:
        return tr("Item");
    case Quantity:
        return tr("Qty");
    case UnitPrice:
        return tr("Price");
    case Discount:
        return tr("Discount");
    case Amount:
        return tr("Amount");
    default:
        return {};
    }
}

Qt::ItemFlags CartModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == Quantity || index.column() == Discount)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool CartModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const QString text = value.toString().trimmed();
    Result<void> applied;
    if (index.column() == Quantity) {
        bool ok = false;
        const qint64 quantity = m_session.locale().toLongLong(text, &ok);
        if (!ok) {
            emit editRefused(tr("\"%1\" is not a quantity; type a whole number such as 2.").arg(text));
            return false;
        }
        applied = setQuantity(index.row(), quantity);
    } else if (index.column() == Discount) {
        std::optional<Money> discount;
        if (!text.isEmpty()) {
            const Result<Money> parsed = m_session.parseMoney(text);
            if (!parsed) {
                emit editRefused(tr("\"%1\" is not an amount; type it like %2.").arg(text, m_session.amountText(Money(1250, m_session.currency()))));
                return false;
            }
            if (!parsed->isZero())
                discount = *parsed;
        }
        applied = setDiscount(index.row(), discount);
    } else {
        return false;
    }
    if (!applied) {
        emit editRefused(applied.message());
        return false;
    }
    return true;
}

Result<Core::SaleTotals> CartModel::price(const QList<CartLine> &lines) const
{
    QList<SaleLineInput> inputs;
    inputs.reserve(lines.size());
    for (const CartLine &line : lines) {
        auto cached = m_taxCodes.constFind(line.product.taxCode);
        if (cached == m_taxCodes.constEnd()) {
            Result<TaxCode> tax = m_session.store().catalog().taxCode(line.product.taxCode);
            if (!tax)
                return tax.error();
            cached = m_taxCodes.insert(line.product.taxCode, *tax);
        }
        inputs.append(SaleLineInput{line.product.sku, line.product.name, line.quantity, line.product.unitPrice,
                                    line.discount.value_or(m_session.zero()), *cached});
    }
    return priceSale(inputs, m_session.store().checkoutSettings().priceMode, m_session.currency());
}

Result<void> CartModel::apply(const QList<CartLine> &lines)
{
    Result<SaleTotals> totals = price(lines);
    if (!totals)
        return totals.error();
    m_totals = *totals;
    return {};
}

Result<int> CartModel::addProduct(const Product &product, qint64 quantity)
{
    QList<CartLine> lines = m_lines;
    int row = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).product.sku == product.sku) {
            row = i;
            break;
        }
    }
    if (row >= 0) {
        if (__builtin_add_overflow(lines[row].quantity, quantity, &lines[row].quantity))
            return makeError(ErrorCode::Overflow, tr("That quantity is too large."));
    } else {
        lines.append(CartLine{product, quantity, std::nullopt, std::nullopt});
        row = int(lines.size()) - 1;
    }
    if (Result<void> applied = apply(lines); !applied)
        return applied.error();
    if (row < m_lines.size()) {
        m_lines = lines;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        beginInsertRows({}, row, row);
        m_lines = lines;
        endInsertRows();
    }
    emit totalsChanged();
    return row;
}

Result<void> CartModel::setQuantity(int row, qint64 quantity)
{
    if (row < 0 || row >= m_lines.size())
        return makeError(ErrorCode::NotFound, tr("Select a line first."));
    QList<CartLine> lines = m_lines;
    lines[row].quantity = quantity;
    if (Result<void> applied = apply(lines); !applied)
        return applied;
    m_lines = lines;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit totalsChanged();
    return {};
}

Result<void> CartModel::setDiscount(int row, const std::optional<Money> &discount, const std::optional<OverrideGrant> &grant)
{
    if (row < 0 || row >= m_lines.size())
        return makeError(ErrorCode::NotFound, tr("Select a line first."));
    QList<CartLine> lines = m_lines;
    lines[row].discount = discount && !discount->isZero() ? discount : std::nullopt;
    lines[row].discountGrant = lines[row].discount ? grant : std::nullopt;
    if (Result<void> applied = apply(lines); !applied)
        return applied;
    m_lines = lines;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit totalsChanged();
    return {};
}

void CartModel::removeLine(int row)
{
    if (row < 0 || row >= m_lines.size())
        return;
    QList<CartLine> lines = m_lines;
    lines.removeAt(row);
    if (!apply(lines))
        return; // fewer lines always price; nothing to undo
    beginRemoveRows({}, row, row);
    m_lines = lines;
    endRemoveRows();
    emit totalsChanged();
}

void CartModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_totals = SaleTotals{};
    m_totals.gross = m_totals.net = m_totals.tax = m_session.zero();
    endResetModel();
    emit totalsChanged();
}

void CartModel::setLines(const QList<CartLine> &lines)
{
    beginResetModel();
    if (apply(lines)) {
        m_lines = lines;
    } else {
        m_lines.clear();
        m_totals = SaleTotals{};
        m_totals.gross = m_totals.net = m_totals.tax = m_session.zero();
    }
    endResetModel();
    emit totalsChanged();
}

void CartModel::reprice()
{
    m_taxCodes.clear();
    if (m_lines.isEmpty())
        return;
    if (Result<void> applied = apply(m_lines); !applied) {
        emit editRefused(applied.message());
        return;
    }
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit totalsChanged();
}

QList<SaleLineRequest> CartModel::saleLines() const
{
    QList<SaleLineRequest> requests;
    requests.reserve(m_lines.size());
    for (const CartLine &line : m_lines)
        requests.append(SaleLineRequest{line.product.sku, line.quantity, line.discount});
    return requests;
}

Result<Money> CartModel::lineAmount(int row) const
{
    if (row < 0 || row >= m_lines.size())
        return makeError(ErrorCode::NotFound, tr("Select a line first."));
    const CartLine &line = m_lines.at(row);
    return line.product.unitPrice.times(line.quantity);
}

QList<OverrideGrant> CartModel::discountGrants() const
{
    QList<OverrideGrant> grants;
    for (const CartLine &line : m_lines) {
        if (line.discountGrant)
            grants.append(*line.discountGrant);
    }
    return grants;
}

} // namespace Slate::Ui
