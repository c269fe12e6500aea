#include "customers/receivables.h"

#include "customers/storecredit.h"
#include "base/uuidv7.h"

#include <QRegularExpression>

namespace Slate::Core {

namespace {

constexpr char kDateFormat[] = "yyyy-MM-dd";
constexpr int kOpenInvoicesMax = 10000; // per customer; a bound on one card's read

QString dateText(const QDate &date) { return date.toString(QLatin1String(kDateFormat)); }
QDate dateFromText(const QString &text) { return QDate::fromString(text, QLatin1String(kDateFormat)); }

// One receivable account of a customer, split into its parts.
struct ReceivableAccount {
    bool invoiced = false;
    QString storeCode;
    QString invoiceNumber;
};

std::optional<ReceivableAccount> parseReceivable(const QString &account, const QString &prefix)
{
    if (!account.startsWith(prefix))
        return std::nullopt;
    const QStringList parts = account.mid(prefix.size()).split(QLatin1Char(':'));
    if (parts.size() == 2 && parts.at(0) == QLatin1String("accrued"))
        return ReceivableAccount{false, parts.at(1), QString()};
    if (parts.size() == 3 && parts.at(0) == QLatin1String("invoiced"))
        return ReceivableAccount{true, parts.at(1), parts.at(2)};
    return std::nullopt;
}

Result<Money> add(const Money &a, const Money &b)
{
    Result<Money> sum = a.plus(b);
    if (!sum)
        return makeError(ErrorCode::Overflow, QStringLiteral("A customer's account total is out of range."));
    return sum;
}

} // namespace

Result<void> indexInvoiceEntry(Database &database, const JournalEntry &entry)
{
    const QString number = entry.references.orderId;
    const QString customerId = entry.references.customerId;
    const QString what = QStringLiteral("Invoice entry %1").arg(uuidText(entry.id));
    static const QRegularExpression notePattern(
        QStringLiteral("^Invoice (\\S+) issued (\\d{4}-\\d{2}-\\d{2}) due (\\d{4}-\\d{2}-\\d{2})$"));
    static const QRegularExpression numberPattern(QStringLiteral("^INV-(.+)-(\\d{6,})$"));
    const QRegularExpressionMatch note = notePattern.match(entry.note);
    const QRegularExpressionMatch parts = numberPattern.match(number);
    const QDate issued = note.hasMatch() ? dateFromText(note.captured(2)) : QDate();
    const QDate due = note.hasMatch() ? dateFromText(note.captured(3)) : QDate();
    QString storeCode;
    const QString invoicedPrefix = Accounts::receivablePrefix(customerId) + QStringLiteral("invoiced:");
    for (const Posting &posting : entry.postings) {
        if (posting.account.startsWith(invoicedPrefix) && posting.account.endsWith(QLatin1Char(':') + number))
            storeCode = posting.account.mid(invoicedPrefix.size()).section(QLatin1Char(':'), 0, 0);
    }
    if (entry.kind != EntryKind::Invoice || customerId.isEmpty() || !note.hasMatch() || note.captured(1) != number
        || !parts.hasMatch() || !issued.isValid() || !due.isValid() || storeCode.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 does not describe an invoice (number %2, note \"%3\"); it cannot be listed.")
                             .arg(what, number, entry.note));
    const QString doing = QStringLiteral("record invoice %1").arg(number);
    Result<Query> known = database.run(QStringLiteral("SELECT entry_id FROM invoices WHERE number = ?"), {number}, doing);
    if (!known)
        return known.error();
    if (known->next()) {
        if (known->value(0).toString() == uuidText(entry.id))
            return {};
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("Invoice %1 was already issued by another entry (%2); run verify.").arg(number, known->value(0).toString()));
    }
    known->finish();
    if (auto inserted = database.run(
            QStringLiteral("INSERT INTO invoices (number, terminal_id, sequence, customer_id, store_code, entry_id, "
                           "issued_date, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {number, parts.captured(1), parts.captured(2).toLongLong(), customerId, storeCode, uuidText(entry.id),
             dateText(issued), dateText(due)},
            doing);
        !inserted)
        return inserted.error();
    return {};
}

QString creditStateName(CreditState state)
{
    switch (state) {
    case CreditState::Fine: return QStringLiteral("fine");
    case CreditState::NearLimit: return QStringLiteral("near-limit");
    case CreditState::OverLimit: return QStringLiteral("over-limit");
    case CreditState::Overdue: return QStringLiteral("overdue");
    case CreditState::Blocked: return QStringLiteral("blocked");
    }
    return {};
}

Result<CreditOverview> ReceivablesService::overview(const Customer &customer, const QDate &asOf) const
{
    const StoreIdentity &store = m_journal.identity();
    const Currency &currency = store.currency;
    const Money zero = Money::zero(currency);
    CreditOverview overview;
    overview.customerId = customer.id;
    overview.asOf = asOf;
    overview.scope = m_settings.limitScope;
    overview.scopeStore = m_settings.limitScope == LimitScope::PerStore ? store.storeCode : QString();
    overview.blocked = customer.terms.blocked;
    overview.creditLimit = Money(customer.terms.creditLimitMinorUnits, currency);
    overview.accrued = overview.invoiced = overview.overdue = overview.used = overview.available = zero;

    const Result<Money> wallet = m_credit.wallet(customer.id);
    if (!wallet)
        return wallet.error();
    overview.wallet = *wallet;
    Money walletAvailable = *wallet;
    if (customer.terms.overdraftLimitMinorUnits) {
        overview.overdraftLimit = Money(*customer.terms.overdraftLimitMinorUnits, currency);
        const Result<Money> withOverdraft = add(*wallet, *overview.overdraftLimit);
        if (!withOverdraft)
            return withOverdraft.error();
        walletAvailable = *withOverdraft;
    }
    overview.walletAvailable = walletAvailable.isNegative() ? zero : walletAvailable;

    const Result<ReceivableTotals> totals = receivableTotals(m_database, customer.id, currency, usageScope(), &asOf);
    if (!totals)
        return totals.error();
    overview.accrued = totals->accrued;
    overview.invoiced = totals->invoiced;
    overview.overdue = totals->overdue;
    const Result<Money> used = add(overview.accrued, overview.invoiced);
    if (!used)
        return used.error();
    overview.used = *used;
    const Result<Money> available = overview.creditLimit.minus(overview.used);
    if (!available)
        return available.error();
    // A blocked customer may use nothing on account, whatever the limit says.
    overview.available = available->isNegative() || overview.blocked ? zero : *available;

    if (overview.blocked)
        overview.state = CreditState::Blocked;
    else if (overview.overdue.isPositive())
        overview.state = CreditState::Overdue;
    else if (overview.used.minorUnits() > overview.creditLimit.minorUnits())
        overview.state = CreditState::OverLimit;
    else if (overview.creditLimit.isPositive() && overview.available.minorUnits() * 10 <= overview.creditLimit.minorUnits())
        overview.state = CreditState::NearLimit;
    else
        overview.state = CreditState::Fine;
    return overview;
}

Result<ReceivableTotals> receivableTotals(const Database &database, const QString &customerId, const Currency &currency,
                                          const UsageScope &scope, const QDate *overdueAsOf)
{
    ReceivableTotals totals{Money::zero(currency), Money::zero(currency), Money::zero(currency)};
    // Every receivable account of this customer is one key range of the balances table.
    const QString prefix = Accounts::receivablePrefix(customerId);
    QString end = prefix;
    end[end.size() - 1] = QLatin1Char(';'); // the character after ':'
    Result<Query> query = database.run(
        QStringLiteral("SELECT account, balance FROM account_balances WHERE account >= ? AND account < ? AND currency = ? "
                       "AND balance <> 0 LIMIT ?"),
        {prefix, end, currency.code(), kOpenInvoicesMax + 1000},
        QStringLiteral("read the account balances of customer %1").arg(customerId));
    if (!query)
        return query.error();
    while (query->next()) {
        const QString account = query->value(0).toString();
        const std::optional<ReceivableAccount> parsed = parseReceivable(account, prefix);
        if (!parsed)
            return makeError(ErrorCode::Integrity,
                             QStringLiteral("The account %1 does not follow the chart of accounts; run verify.").arg(account));
        if (scope.scope == LimitScope::PerStore && parsed->storeCode != scope.storeCode)
            continue;
        const Money balance(query->value(1).toLongLong(), currency);
        Money &bucket = parsed->invoiced ? totals.invoiced : totals.accrued;
        Result<Money> total = add(bucket, balance);
        if (!total)
            return total.error();
        bucket = *total;
        if (!overdueAsOf || !parsed->invoiced || !balance.isPositive())
            continue;
        Result<Query> due = database.run(QStringLiteral("SELECT due_date FROM invoices WHERE number = ?"), {parsed->invoiceNumber},
                                         QStringLiteral("read invoice %1").arg(parsed->invoiceNumber));
        if (!due)
            return due.error();
        // An invoice issued elsewhere and not yet known here has no due date yet: not overdue.
        if (due->next() && dateFromText(due->value(0).toString()) < *overdueAsOf) {
            Result<Money> overdue = add(totals.overdue, balance);
            if (!overdue)
                return overdue.error();
            totals.overdue = *overdue;
        }
    }
    return totals;
}

Result<Money> accountUsage(const Database &database, const QString &customerId, const Currency &currency, const UsageScope &scope)
{
    // Only the balances: the account check needs neither the wallet nor due dates.
    const Result<ReceivableTotals> totals = receivableTotals(database, customerId, currency, scope, nullptr);
    if (!totals)
        return totals.error();
    return add(totals->accrued, totals->invoiced);
}

UsageScope ReceivablesService::usageScope() const
{
    return UsageScope{m_settings.limitScope, m_settings.limitScope == LimitScope::PerStore ? m_journal.identity().storeCode : QString()};
}

Result<Money> ReceivablesService::accountUsage(const Customer &customer) const
{
    return Core::accountUsage(m_database, customer.id, m_journal.identity().currency, usageScope());
}

Result<Invoice> ReceivablesService::issueInvoice(const Customer &customer, const QDate &issued, const QString &userName)
{
    if (!issued.isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("An invoice needs a valid issue date."));
    const StoreIdentity &store = m_journal.identity();
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const QString accrued = Accounts::receivableAccrued(customer.id, store.storeCode);
    const Result<Money> amount = m_journal.balance(accrued);
    if (!amount)
        return amount.error();
    if (!amount->isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         amount->isZero()
                             ? QStringLiteral("%1 (card %2) has no account sales to invoice in store %3.")
                                   .arg(customer.name, customer.card, store.storeCode)
                             : QStringLiteral("%1 (card %2) has %3 %4 in their favour on account in store %5 (refunds); "
                                              "there is nothing to invoice.")
                                   .arg(customer.name, customer.card, amount->negated()->toDecimalString(),
                                        amount->currency().code(), store.storeCode));
    Result<Query> next = m_database.run(
        QStringLiteral("SELECT coalesce(max(sequence), 0) + 1 FROM invoices WHERE terminal_id = ?"), {store.terminalId},
        QStringLiteral("number a new invoice"));
    if (!next || !next->next())
        return next ? makeError(ErrorCode::IoError, QStringLiteral("Could not number a new invoice.")) : next.error();
    const qint64 sequence = next->value(0).toLongLong();
    const QString number = QStringLiteral("INV-%1-%2").arg(store.terminalId).arg(sequence, 6, 10, QLatin1Char('0'));
    const QDate due = issued.addDays(customer.terms.paymentTermsDays);

    EntryDraft draft;
    draft.kind = EntryKind::Invoice;
    draft.userName = userName;
    draft.note = QStringLiteral("Invoice %1 issued %2 due %3").arg(number, dateText(issued), dateText(due));
    draft.references.customerId = customer.id;
    draft.references.orderId = number;
    draft.postings = {
        {Accounts::receivableInvoiced(customer.id, store.storeCode, number), *amount},
        {accrued, *amount->negated()},
    };
    const Result<JournalEntry> entry = m_journal.append(draft);
    if (!entry)
        return entry.error();
    if (auto indexed = indexInvoiceEntry(m_database, *entry); !indexed)
        return indexed.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return Invoice{number, customer.id, store.storeCode, uuidText(entry->id), issued, due, *amount, *amount};
}

Result<InvoicePayment> ReceivablesService::recordPayment(const QString &invoiceNumber, const Money &amount,
                                                         PaymentJournal journal, const QString &note,
                                                         const QString &userName)
{
    const StoreIdentity &store = m_journal.identity();
    if (!(amount.currency() == store.currency))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("This store keeps its books in %1; a payment in %2 cannot be recorded.")
                             .arg(store.currency.code(), amount.currency().code()));
    if (!amount.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A payment must be more than zero, not %1.").arg(amount.toDecimalString()));
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Invoice> before = invoice(invoiceNumber);
    if (!before)
        return before.error();
    if (amount.minorUnits() > before->outstanding.minorUnits())
        return makeError(ErrorCode::InvalidArgument,
                         before->outstanding.isZero()
                             ? QStringLiteral("Invoice %1 is paid in full; nothing is outstanding.").arg(invoiceNumber)
                             : QStringLiteral("Invoice %1 has %2 %3 outstanding; a payment of %4 is more than that. "
                                              "Record at most %2 (put the rest on store credit as a top-up).")
                                   .arg(invoiceNumber, before->outstanding.toDecimalString(), store.currency.code(),
                                        amount.toDecimalString()));
    EntryDraft draft;
    draft.kind = EntryKind::Payment;
    draft.userName = userName;
    draft.note = note.trimmed().isEmpty()
                     ? QStringLiteral("Payment of invoice %1 by %2").arg(invoiceNumber, paymentJournalName(journal))
                     : note.trimmed();
    draft.references.customerId = before->customerId;
    draft.references.orderId = invoiceNumber;
    draft.postings = {
        {Accounts::forPaymentJournal(journal, store.storeCode, store.terminalId), amount},
        {Accounts::receivableInvoiced(before->customerId, before->storeCode, invoiceNumber), *amount.negated()},
    };
    const Result<JournalEntry> entry = m_journal.append(draft);
    if (!entry)
        return entry.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    Invoice after = *before;
    after.outstanding = *before->outstanding.minus(amount);
    return InvoicePayment{after, *entry};
}

namespace {
const QString kInvoiceColumns = QStringLiteral("number, customer_id, store_code, entry_id, issued_date, due_date");
}

Result<Invoice> ReceivablesService::invoiceFromRow(const Query &query) const
{
    const Currency &currency = m_journal.identity().currency;
    Invoice invoice{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                    query.value(3).toString(), dateFromText(query.value(4).toString()),
                    dateFromText(query.value(5).toString()), Money::zero(currency), Money::zero(currency)};
    if (!invoice.issued.isValid() || !invoice.due.isValid())
        return makeError(ErrorCode::Integrity, QStringLiteral("Invoice %1 has a damaged date; run verify.").arg(invoice.number));
    const QString account = Accounts::receivableInvoiced(invoice.customerId, invoice.storeCode, invoice.number);
    Result<Query> amount = m_database.run(
        QStringLiteral("SELECT coalesce(sum(p.amount), 0) FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
                       "WHERE e.id = ? AND p.account = ?"),
        {invoice.entryId, account}, QStringLiteral("read the amount of invoice %1").arg(invoice.number));
    if (!amount)
        return amount.error();
    if (amount->next())
        invoice.amount = Money(amount->value(0).toLongLong(), currency);
    const Result<Money> outstanding = m_journal.balance(account);
    if (!outstanding)
        return outstanding.error();
    invoice.outstanding = *outstanding;
    return invoice;
}

Result<Invoice> ReceivablesService::invoice(const QString &number) const
{
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT %1 FROM invoices WHERE number = ?").arg(kInvoiceColumns), {number.trimmed()},
        QStringLiteral("read invoice %1").arg(number));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no invoice %1; invoice numbers look like INV-T1-000042.").arg(number));
    return invoiceFromRow(*query);
}

Result<QList<Invoice>> ReceivablesService::invoices(const QString &customerId, bool openOnly) const
{
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT %1 FROM invoices WHERE customer_id = ? ORDER BY issued_date DESC, number DESC LIMIT ?")
            .arg(kInvoiceColumns),
        {customerId, kOpenInvoicesMax}, QStringLiteral("list the invoices of customer %1").arg(customerId));
    if (!query)
        return query.error();
    QList<Invoice> found;
    while (query->next()) {
        Result<Invoice> invoice = invoiceFromRow(*query);
        if (!invoice)
            return invoice.error();
        if (!openOnly || invoice->outstanding.isPositive())
            found.append(*invoice);
    }
    return found;
}

Result<QList<Invoice>> ReceivablesService::overdueInvoices(const QDate &asOf, int rowsMax) const
{
    const int limit = qBound(1, rowsMax, kOpenInvoicesMax);
    Result<Query> query = m_database.scan(
        QStringLiteral("SELECT %1 FROM invoices WHERE due_date < ? ORDER BY due_date, number").arg(kInvoiceColumns),
        {dateText(asOf)}, QStringLiteral("list overdue invoices"));
    if (!query)
        return query.error();
    QList<Invoice> found;
    while (found.size() < limit && query->next()) {
        Result<Invoice> invoice = invoiceFromRow(*query);
        if (!invoice)
            return invoice.error();
        if (invoice->isOverdue(asOf))
            found.append(*invoice);
    }
    return found;
}

} // namespace Slate::Core
