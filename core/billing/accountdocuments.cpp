#include "billing/accountdocuments.h"

#include "checkout/checkout.h"
#include "ledger/accounts.h"
#include "ledger/journal.h"
#include "money/kid.h"
#include "storage/database.h"

#include <QTimeZone>

namespace Slate::Core {

namespace {

const QString kDateFormat = QStringLiteral("yyyy-MM-dd");

Result<void> accumulate(Money &into, const Money &amount)
{
    Result<Money> sum = into.plus(amount);
    if (!sum)
        return makeError(ErrorCode::Overflow, QStringLiteral("An account document's total is out of range."));
    into = *sum;
    return {};
}

Result<Money> difference(const Money &a, const Money &b)
{
    Result<Money> result = a.minus(b);
    if (!result)
        return makeError(ErrorCode::Overflow, QStringLiteral("An account document's total is out of range."));
    return result;
}

// The key range of every account that starts with `prefix` (which ends in ':').
QVariantList prefixRange(const QString &prefix)
{
    QString end = prefix;
    end[end.size() - 1] = QLatin1Char(';'); // the character after ':'
    return {prefix, end};
}

QDate localDate(const QString &utcText)
{
    return timestampFromText(utcText).toLocalTime().date();
}

InvoiceItem negatedItem(InvoiceItem item)
{
    for (InvoiceLine &line : item.lines) {
        line.quantity = -line.quantity;
        line.gross = *line.gross.negated();
        line.net = *line.net.negated();
        line.tax = *line.tax.negated();
    }
    item.total = *item.total.negated();
    return item;
}

} // namespace

QString statementMovementKindName(StatementMovementKind kind)
{
    switch (kind) {
    case StatementMovementKind::Invoice: return QStringLiteral("invoice");
    case StatementMovementKind::Payment: return QStringLiteral("payment");
    case StatementMovementKind::Credit: return QStringLiteral("credit");
    case StatementMovementKind::Other: return QStringLiteral("other");
    }
    return {};
}

Result<InvoiceItem> AccountDocuments::saleItem(const QString &entryId, const Money &onAccount) const
{
    Result<Query> found = m_database.run(QStringLiteral("SELECT id FROM sales WHERE entry_id = ?"), {entryId},
                                         QStringLiteral("find the sale of entry %1").arg(entryId));
    if (!found)
        return found.error();
    if (!found->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("Entry %1 has no sale record.").arg(entryId));
    const QString saleId = found->value(0).toString();
    found->finish();
    Result<SaleRecord> sale = m_checkout.saleById(saleId);
    if (!sale)
        return sale.error();
    InvoiceItem item{sale->saleId, sale->createdUtc.toLocalTime().date(), QStringLiteral("Sale %1").arg(sale->saleId), {},
                     sale->total, onAccount};
    for (const SoldLine &sold : sale->lines) {
        const SaleLineInput &input = sold.priced.input;
        item.lines.append(InvoiceLine{input.name, input.quantity, input.unitPrice, input.discount, input.tax.rateBasisPoints,
                                      sold.priced.gross, sold.priced.net, sold.priced.tax});
    }
    return item;
}

Result<InvoiceItem> AccountDocuments::refundItem(const QString &entryId, const Money &onAccount) const
{
    const Currency &currency = m_journal.identity().currency;
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT r.id, r.sale_id, r.created_utc, sl.name, rl.quantity, sl.unit_price, sl.tax_rate_bp, rl.gross, "
                       "rl.net, rl.tax FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id "
                       "JOIN sale_lines sl ON sl.sale_id = rl.sale_id AND sl.line = rl.line WHERE r.entry_id = ? ORDER BY rl.line"),
        {entryId}, QStringLiteral("read the refund of entry %1").arg(entryId));
    if (!query)
        return query.error();
    InvoiceItem item{QString(), QDate(), QString(), {}, Money::zero(currency), onAccount};
    while (query->next()) {
        item.reference = query->value(0).toString();
        item.date = localDate(query->value(2).toString());
        item.description = QStringLiteral("Refund %1 of sale %2").arg(item.reference, query->value(1).toString());
        const Money gross(-query->value(7).toLongLong(), currency);
        item.lines.append(InvoiceLine{query->value(3).toString(), -query->value(4).toLongLong(),
                                      Money(query->value(5).toLongLong(), currency), Money::zero(currency),
                                      query->value(6).toInt(), gross, Money(-query->value(8).toLongLong(), currency),
                                      Money(-query->value(9).toLongLong(), currency)});
        if (auto added = accumulate(item.total, gross); !added)
            return added.error();
    }
    if (item.reference.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("Entry %1 has no refund record.").arg(entryId));
    return item;
}

Result<InvoiceDetails> AccountDocuments::invoice(const QString &number) const
{
    const Currency &currency = m_journal.identity().currency;
    const Money zero = Money::zero(currency);
    Result<Invoice> invoice = m_receivables.invoice(number);
    if (!invoice)
        return invoice.error();
    Result<Customer> customer = m_customers.byId(invoice->customerId);
    if (!customer)
        return customer.error();
    Result<ShopDetails> shop = StoreSettings::loadShopDetails(m_database);
    if (!shop)
        return shop.error();
    InvoiceDetails details{*shop, *customer, *invoice, {}, {}, zero, zero, zero, zero, invoice->outstanding, QString()};

    // The entries between this store's previous invoice of the customer and this one.
    const QString accrued = Accounts::receivableAccrued(invoice->customerId, invoice->storeCode);
    const QString doing = QStringLiteral("read what invoice %1 gathered").arg(invoice->number);
    Result<Query> position = m_database.run(QStringLiteral("SELECT position FROM journal_entries WHERE id = ?"),
                                            {invoice->entryId}, doing);
    if (!position)
        return position.error();
    if (!position->next())
        return makeError(ErrorCode::Integrity, QStringLiteral("Invoice %1's entry is missing; run verify.").arg(invoice->number));
    const qint64 invoicePosition = position->value(0).toLongLong();
    position->finish();
    const QString invoiceKind = entryKindName(EntryKind::Invoice);
    Result<Query> previous = m_database.run(
        QStringLiteral("SELECT coalesce(max(p.entry_position), 0) FROM postings p JOIN journal_entries e ON e.position = p.entry_position "
                       "WHERE p.account = ? AND e.kind = ? AND p.entry_position < ?"),
        {accrued, invoiceKind, invoicePosition}, doing);
    if (!previous || !previous->next())
        return previous ? makeError(ErrorCode::IoError, doing) : previous.error();
    const qint64 previousPosition = previous->value(0).toLongLong();
    previous->finish();
    Result<Query> entries = m_database.run(
        QStringLiteral("SELECT e.id, e.kind, e.related_entry_id, e.created_utc, e.note, sum(p.amount) FROM postings p "
                       "JOIN journal_entries e ON e.position = p.entry_position "
                       "WHERE p.account = ? AND p.currency = ? AND p.entry_position > ? AND p.entry_position < ? AND e.kind <> ? "
                       "GROUP BY p.entry_position ORDER BY p.entry_position LIMIT ?"),
        {accrued, currency.code(), previousPosition, invoicePosition, invoiceKind, kInvoiceMovementsMax + 1}, doing);
    if (!entries)
        return entries.error();
    struct Gathered {
        QString id;
        EntryKind kind;
        QString related;
        QString created;
        QString note;
        Money onAccount;
    };
    QList<Gathered> gathered;
    while (entries->next()) {
        gathered.append(Gathered{entries->value(0).toString(),
                                 entryKindFromName(entries->value(1).toString()).value_or(EntryKind::Adjustment),
                                 entries->value(2).toString(), entries->value(3).toString(), entries->value(4).toString(),
                                 Money(entries->value(5).toLongLong(), currency)});
    }
    entries->finish();
    if (gathered.size() > kInvoiceMovementsMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Invoice %1 gathers more than %2 account entries; it is too long "
                                                                    "for one document.")
                                                         .arg(invoice->number)
                                                         .arg(kInvoiceMovementsMax));
    Money onAccount = zero;
    for (const Gathered &entry : gathered) {
        Result<InvoiceItem> item = makeError(ErrorCode::NotFound, QString());
        if (entry.kind == EntryKind::Sale)
            item = saleItem(entry.id, entry.onAccount);
        else if (entry.kind == EntryKind::Refund)
            item = refundItem(entry.id, entry.onAccount);
        else if (entry.kind == EntryKind::Reversal) {
            item = saleItem(entry.related, entry.onAccount);
            if (item) {
                item = negatedItem(*item);
                item->description = QStringLiteral("Void of sale %1").arg(item->reference);
                item->onAccount = entry.onAccount;
                item->date = localDate(entry.created);
            }
        }
        if (!item && item.code() != ErrorCode::NotFound)
            return item.error();
        if (!item) // a movement with no sale behind it: its amount, its note
            item = InvoiceItem{entry.id.left(8), localDate(entry.created), entry.note, {}, entry.onAccount, entry.onAccount};
        if (auto added = accumulate(details.goodsTotal, item->total); !added)
            return added.error();
        if (auto added = accumulate(onAccount, item->onAccount); !added)
            return added.error();
        details.items.append(*item);
    }
    QMap<int, VatLine> vat;
    for (const InvoiceItem &item : std::as_const(details.items)) {
        for (const InvoiceLine &line : item.lines) {
            VatLine &rate = vat[line.taxRateBasisPoints];
            if (rate.gross.currency().isNone())
                rate = VatLine{line.taxRateBasisPoints, zero, zero, zero};
            for (const auto &[into, amount] : {std::pair{&rate.net, line.net}, std::pair{&rate.tax, line.tax}, std::pair{&rate.gross, line.gross}}) {
                if (auto added = accumulate(*into, amount); !added)
                    return added.error();
            }
        }
    }
    details.vat = vat.values();
    for (const auto &[into, a, b] : {std::tuple{&details.settledAtTill, details.goodsTotal, onAccount},
                                     std::tuple{&details.otherMovements, invoice->amount, onAccount},
                                     std::tuple{&details.paid, invoice->amount, invoice->outstanding}}) {
        Result<Money> value = difference(a, b);
        if (!value)
            return value.error();
        *into = *value;
    }
    // The card's and the invoice number's digits (their last ones, when longer than a KID part).
    QString customerDigits = Kid::digitsOf(customer->card).right(kKidCustomerDigits);
    if (customerDigits.isEmpty())
        customerDigits = QStringLiteral("0");
    Result<QString> kid = Kid::make(customerDigits, Kid::digitsOf(invoice->number).right(kKidInvoiceDigits));
    if (!kid)
        return kid.error();
    details.kid = *kid;
    return details;
}

Result<Statement> AccountDocuments::statement(const Customer &customer, const QDate &from, const QDate &to) const
{
    if (!from.isValid() || !to.isValid() || from > to)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A statement's period runs from a date to the same or a later "
                                                                    "date, not from %1 to %2.")
                                                         .arg(from.toString(kDateFormat), to.toString(kDateFormat)));
    const Currency &currency = m_journal.identity().currency;
    const Money zero = Money::zero(currency);
    Result<ShopDetails> shop = StoreSettings::loadShopDetails(m_database);
    if (!shop)
        return shop.error();
    Statement statement{*shop, customer, from, to, zero, {}, zero, Ageing{zero, zero, zero, zero, zero}};

    const QString prefix = Accounts::receivablePrefix(customer.id) + QStringLiteral("invoiced:");
    QVariantList values = prefixRange(prefix);
    values << currency.code() << kStatementMovementsMax + 1;
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT e.kind, e.created_utc, e.order_id, e.note, p.account, p.amount, i.issued_date FROM postings p "
                       "JOIN journal_entries e ON e.position = p.entry_position LEFT JOIN invoices i ON i.entry_id = e.id "
                       "WHERE p.account >= ? AND p.account < ? AND p.currency = ? ORDER BY p.entry_position LIMIT ?"),
        values, QStringLiteral("read the account of customer %1").arg(customer.card));
    if (!query)
        return query.error();
    struct Row {
        QDate date;
        EntryKind kind;
        QString reference;
        QString note;
        QString invoiceNumber;
        Money amount;
    };
    QList<Row> rows;
    while (query->next()) {
        const EntryKind kind = entryKindFromName(query->value(0).toString()).value_or(EntryKind::Adjustment);
        const QDate issued = QDate::fromString(query->value(6).toString(), kDateFormat);
        rows.append(Row{kind == EntryKind::Invoice && issued.isValid() ? issued : localDate(query->value(1).toString()), kind,
                        query->value(2).toString(), query->value(3).toString(),
                        query->value(4).toString().section(QLatin1Char(':'), -1), Money(query->value(5).toLongLong(), currency)});
    }
    query->finish();
    if (rows.size() > kStatementMovementsMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Customer %1 has more than %2 movements on account; a statement "
                                                                    "cannot list them all.")
                                                         .arg(customer.card)
                                                         .arg(kStatementMovementsMax));
    // Invoices issued with an earlier date than entries written before them sort by date.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.date < b.date; });

    QMap<QString, Money> openAtEnd; // invoice number -> what is unpaid on `to`
    for (const Row &row : std::as_const(rows)) {
        if (row.date > to)
            break;
        Money &open = openAtEnd[row.invoiceNumber];
        if (open.currency().isNone())
            open = zero;
        if (auto added = accumulate(open, row.amount); !added)
            return added.error();
        if (row.date < from) {
            if (auto added = accumulate(statement.opening, row.amount); !added)
                return added.error();
            continue;
        }
        StatementMovement movement{row.date, StatementMovementKind::Other, row.reference, row.note, row.amount, zero};
        if (row.kind == EntryKind::Invoice)
            movement.kind = StatementMovementKind::Invoice;
        else if (row.kind == EntryKind::Payment)
            movement.kind = StatementMovementKind::Payment;
        else if (row.amount.isNegative())
            movement.kind = StatementMovementKind::Credit;
        statement.movements.append(movement);
    }
    Money balance = statement.opening;
    for (StatementMovement &movement : statement.movements) {
        if (auto added = accumulate(balance, movement.amount); !added)
            return added.error();
        movement.balance = balance;
    }
    statement.closing = balance;

    for (auto it = openAtEnd.cbegin(); it != openAtEnd.cend(); ++it) {
        if (it.value().isZero())
            continue;
        Result<Query> due = m_database.run(QStringLiteral("SELECT due_date FROM invoices WHERE number = ?"), {it.key()},
                                           QStringLiteral("read invoice %1").arg(it.key()));
        if (!due)
            return due.error();
        // An invoice issued elsewhere and not yet known here has no due date yet: not due.
        const QDate dueDate = due->next() ? QDate::fromString(due->value(0).toString(), kDateFormat) : QDate();
        const qint64 late = dueDate.isValid() ? dueDate.daysTo(to) : 0;
        Money &bucket = late <= 0 ? statement.ageing.notDue
                        : late <= 30 ? statement.ageing.days1To30
                        : late <= 60 ? statement.ageing.days31To60
                        : late <= 90 ? statement.ageing.days61To90
                                     : statement.ageing.over90;
        if (auto added = accumulate(bucket, it.value()); !added)
            return added.error();
    }
    return statement;
}

} // namespace Slate::Core
