#include "checkout/dayend.h"

#include "catalog/catalog.h"
#include "ledger/accounts.h"
#include "base/uuidv7.h"
#include "ledger/foreignentries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <array>

namespace Slate::Core {

namespace {

// What an entry of the day is, for the report: its kind, and for a reversal whether it voided a
// sale (a sale's void keeps the sale's order id) or a top-up.
enum Category {
    Sale, Refund, SaleVoid, TopUpVoid, TopUp, Payment, Adjustment, Invoice, Float, CashIn, CashOut, CashDifference,
    CategoryCount
};

// Which part of the books a posting moves.
enum AccountClass { Cash, Card, Credit, Receivable, Bank, Income, Tax, Rounding, Safe, Difference, Adjustments, Other, ClassCount };

std::optional<Category> categoryOf(QStringView kindName, bool hasOrder)
{
    const std::optional<EntryKind> kind = entryKindFromName(kindName);
    if (!kind)
        return std::nullopt;
    switch (*kind) {
    case EntryKind::Sale: return Sale;
    case EntryKind::Refund: return Refund;
    case EntryKind::Reversal: return hasOrder ? SaleVoid : TopUpVoid;
    case EntryKind::TopUp: return TopUp;
    case EntryKind::Payment: return Payment;
    case EntryKind::Adjustment: return Adjustment;
    case EntryKind::Invoice: return Invoice;
    case EntryKind::Float: return Float;
    case EntryKind::CashIn: return CashIn;
    case EntryKind::CashOut: return CashOut;
    case EntryKind::CashDifference: return CashDifference;
    }
    return std::nullopt;
}

AccountClass classOf(const QString &account, const QString &drawer)
{
    if (account == drawer)
        return Cash;
    const auto starts = [&account](const char *prefix) { return account.startsWith(QLatin1String(prefix)); };
    if (starts("assets:card:"))
        return Card;
    if (starts("liabilities:store-credit:"))
        return Credit;
    if (starts("assets:receivable:"))
        return Receivable;
    if (account == Accounts::bank())
        return Bank;
    if (starts("income:sales:"))
        return Income;
    if (starts("liabilities:tax:"))
        return Tax;
    if (starts("income:cash-rounding:"))
        return Rounding;
    if (starts("assets:safe:"))
        return Safe;
    if (starts("expenses:cash-differences:"))
        return Difference;
    if (account == Accounts::creditAdjustments())
        return Adjustments;
    return Other;
}

Error overflow() { return makeError(ErrorCode::Overflow, QStringLiteral("A total of this report is out of range.")); }

// Checked sums of minor units; the first overflow is kept.
struct Sum {
    qint64 value = 0;
    bool failed = false;
    Sum &add(qint64 amount)
    {
        failed = failed || __builtin_add_overflow(value, amount, &value);
        return *this;
    }
    Sum &subtract(qint64 amount)
    {
        failed = failed || __builtin_sub_overflow(value, amount, &value);
        return *this;
    }
};

struct VatKey {
    QString code;
    int rate = 0;
    friend bool operator<(const VatKey &a, const VatKey &b) { return a.code != b.code ? a.code < b.code : a.rate < b.rate; }
};

struct VatSums {
    Sum net, tax;
};

QString reportDoing(DayReportKind kind) { return kind == DayReportKind::Z ? QStringLiteral("Z report") : QStringLiteral("X report"); }

QJsonObject countAmountJson(const CountAmount &value)
{
    return QJsonObject{{QStringLiteral("count"), value.count}, {QStringLiteral("amount"), value.amount.toDecimalString()}};
}

QJsonObject journalTotalsJson(const JournalTotals &value)
{
    return QJsonObject{{QStringLiteral("count"), value.count},
                       {QStringLiteral("amount"), value.amount.toDecimalString()},
                       {QStringLiteral("cash"), value.cash.toDecimalString()},
                       {QStringLiteral("card"), value.card.toDecimalString()},
                       {QStringLiteral("bank"), value.bank.toDecimalString()}};
}

QJsonValue timeOrNull(const QDateTime &utc) { return utc.isValid() ? QJsonValue(timestampText(utc)) : QJsonValue(QJsonValue::Null); }

} // namespace

QString dayReportKindName(DayReportKind kind) { return kind == DayReportKind::Z ? QStringLiteral("Z") : QStringLiteral("X"); }

std::optional<DayReportKind> dayReportKindFromName(QStringView name)
{
    if (name == u"X" || name == u"x")
        return DayReportKind::X;
    if (name == u"Z" || name == u"z")
        return DayReportKind::Z;
    return std::nullopt;
}

QJsonObject dayReportJson(const DayReport &report)
{
    QJsonArray vat;
    for (const VatRow &row : report.vat)
        vat.append(QJsonObject{{QStringLiteral("code"), row.code},
                               {QStringLiteral("rate"), taxRatePercentText(row.rateBasisPoints)},
                               {QStringLiteral("net"), row.net.toDecimalString()},
                               {QStringLiteral("tax"), row.tax.toDecimalString()}});
    QJsonObject drawer{{QStringLiteral("opening"), report.drawerOpening.toDecimalString()},
                       {QStringLiteral("float"), countAmountJson(report.floats)},
                       {QStringLiteral("cash_in"), countAmountJson(report.cashIn)},
                       {QStringLiteral("cash_out"), countAmountJson(report.cashOut)},
                       {QStringLiteral("cash_sales"), report.tenderCash.toDecimalString()},
                       {QStringLiteral("cash_top_ups"), report.topUps.cash.toDecimalString()},
                       {QStringLiteral("cash_invoice_payments"), report.invoicePayments.cash.toDecimalString()},
                       {QStringLiteral("expected"), report.drawerExpected.toDecimalString()},
                       {QStringLiteral("counted"), report.counted ? QJsonValue(report.counted->toDecimalString()) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("difference"), report.counted ? QJsonValue(report.difference.toDecimalString()) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("difference_entry_id"), report.differenceEntryId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                                  : QJsonValue(report.differenceEntryId)},
                       {QStringLiteral("counted_by"), report.counted ? QJsonValue(report.userName) : QJsonValue(QJsonValue::Null)}};
    return QJsonObject{
        {QStringLiteral("kind"), dayReportKindName(report.kind)},
        {QStringLiteral("number"), report.number},
        {QStringLiteral("store"), report.storeCode},
        {QStringLiteral("terminal"), report.terminalId},
        {QStringLiteral("currency"), report.currencyCode},
        {QStringLiteral("time"), timeOrNull(report.createdUtc)},
        {QStringLiteral("user"), report.userName},
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("from"), timeOrNull(report.fromUtc)},
                                               {QStringLiteral("sequence_after"), report.sequenceAfter},
                                               {QStringLiteral("sequence_through"), report.sequenceThrough}}},
        {QStringLiteral("sales"), countAmountJson(report.sales)},
        {QStringLiteral("returns"), countAmountJson(report.returns)},
        {QStringLiteral("voids"), countAmountJson(report.voids)},
        {QStringLiteral("voided_sales"), countAmountJson(report.voidedSales)},
        {QStringLiteral("discounts"), countAmountJson(report.discounts)},
        {QStringLiteral("overrides"), countAmountJson(report.overrides)},
        {QStringLiteral("net_sales"), report.netSales.toDecimalString()},
        {QStringLiteral("cash_rounding"), report.cashRounding.toDecimalString()},
        {QStringLiteral("tenders"), QJsonObject{{QStringLiteral("cash"), report.tenderCash.toDecimalString()},
                                                {QStringLiteral("card"), report.tenderCard.toDecimalString()},
                                                {QStringLiteral("credit"), report.tenderCredit.toDecimalString()},
                                                {QStringLiteral("account"), report.tenderAccount.toDecimalString()}}},
        {QStringLiteral("vat"), vat},
        {QStringLiteral("top_ups"), journalTotalsJson(report.topUps)},
        {QStringLiteral("invoice_payments"), journalTotalsJson(report.invoicePayments)},
        {QStringLiteral("adjustments"), countAmountJson(report.adjustments)},
        {QStringLiteral("drawer"), drawer},
        {QStringLiteral("receipts"), QJsonObject{{QStringLiteral("sales"), report.receiptsSales},
                                                 {QStringLiteral("returns"), report.receiptsReturns},
                                                 {QStringLiteral("voids"), report.receiptsVoids},
                                                 {QStringLiteral("copies"), report.receiptCopies}}},
        {QStringLiteral("report_copies"), report.reportCopies},
        {QStringLiteral("drawer_openings"), report.drawerOpenings},
        {QStringLiteral("grand_totals"), QJsonObject{{QStringLiteral("sales"), report.grandSales.toDecimalString()},
                                                     {QStringLiteral("returns"), report.grandReturns.toDecimalString()},
                                                     {QStringLiteral("net"), report.grandNet.toDecimalString()}}},
    };
}

DayEndService::DayEndService(Database &database, Journal &journal, UserDirectory &users, const CheckoutSettings &settings)
    : m_database(database), m_journal(journal), m_users(users), m_settings(settings)
{
}

Result<DayReport> DayEndService::preview() const { return compute(DayReportKind::X); }

Result<DayReport> DayEndService::compute(DayReportKind kind) const
{
    const StoreIdentity &store = m_journal.identity();
    const Currency &currency = store.currency;
    const QString &terminal = store.terminalId;
    const QString drawer = Accounts::cash(store.storeCode, terminal);
    const QString doing = QStringLiteral("add up the %1 of till %2").arg(reportDoing(kind), terminal);
    const Result<DayStart> day = currentDayStart(m_database, terminal);
    if (!day)
        return day.error();
    const Result<ChainTip> tip = ForeignEntries::chainTip(m_database, terminal);
    if (!tip)
        return tip.error();

    DayReport report;
    report.kind = kind;
    report.storeCode = store.storeCode;
    report.terminalId = terminal;
    report.currencyCode = currency.code();
    report.fromUtc = day->lastZUtc;
    report.sequenceAfter = day->sequenceAfter;
    report.sequenceThrough = tip->sequence;
    const QVariantList range{terminal, report.sequenceAfter, report.sequenceThrough};

    // The day's postings, summed per kind of entry and account: one pass over the day's
    // entries (the (terminal, sequence) index) and their postings.
    std::array<std::array<Sum, ClassCount>, CategoryCount> sums{};
    std::array<qint64, CategoryCount> counts{};
    {
        Result<Query> query = m_database.scan(
            QStringLiteral("SELECT e.kind, e.order_id <> '', p.account, sum(p.amount) FROM journal_entries e "
                           "JOIN postings p ON p.entry_position = e.position "
                           "WHERE e.terminal_id = ? AND e.sequence > ? AND e.sequence <= ? GROUP BY 3, 1, 2"),
            range, doing);
        if (!query)
            return query.error();
        while (query->next()) {
            const std::optional<Category> category = categoryOf(query->value(0).toString(), query->value(1).toBool());
            if (!category)
                return makeError(ErrorCode::Integrity, QStringLiteral("Till %1's journal has an entry of unknown kind \"%2\"; run verify.")
                                                           .arg(terminal, query->value(0).toString()));
            sums[*category][classOf(query->value(2).toString(), drawer)].add(query->value(3).toLongLong());
        }
    }
    {
        Result<Query> query = m_database.run(
            QStringLiteral("SELECT kind, order_id <> '', count(*) FROM journal_entries "
                           "WHERE terminal_id = ? AND sequence > ? AND sequence <= ? GROUP BY 1, 2"),
            range, doing);
        if (!query)
            return query.error();
        while (query->next()) {
            if (const std::optional<Category> category = categoryOf(query->value(0).toString(), query->value(1).toBool()))
                counts[*category] += query->value(2).toLongLong();
        }
    }

    // Line figures: VAT per code and rate, and the discounts, from the sales records (a sale's
    // entry and its void carry the sale's id as their order id).
    QMap<VatKey, VatSums> vat;
    Sum discountCount, discountAmount;
    auto readLines = [&](const QString &sql, bool sold) -> Result<void> {
        Result<Query> query = m_database.scan(sql, range, doing);
        if (!query)
            return query.error();
        while (query->next()) {
            VatSums &row = vat[VatKey{query->value(0).toString(), query->value(1).toInt()}];
            if (sold) {
                row.net.add(query->value(2).toLongLong());
                row.tax.add(query->value(3).toLongLong());
                discountCount.add(query->value(4).toLongLong());
                discountAmount.add(query->value(5).toLongLong());
            } else {
                row.net.subtract(query->value(2).toLongLong());
                row.tax.subtract(query->value(3).toLongLong());
            }
        }
        return {};
    };
    const QString where = QStringLiteral(" WHERE e.terminal_id = ? AND e.sequence > ? AND e.sequence <= ? ");
    if (auto read = readLines(QStringLiteral("SELECT l.tax_code, l.tax_rate_bp, sum(l.net), sum(l.tax), sum(l.discount > 0), "
                                             "sum(l.discount) FROM journal_entries e JOIN sale_lines l ON l.sale_id = e.order_id")
                                  + where + QStringLiteral("AND e.kind = 'sale' GROUP BY 1, 2"),
                              true);
        !read)
        return read.error();
    if (auto read = readLines(QStringLiteral("SELECT l.tax_code, l.tax_rate_bp, sum(l.net), sum(l.tax) FROM journal_entries e "
                                             "JOIN sale_lines l ON l.sale_id = e.order_id")
                                  + where + QStringLiteral("AND e.kind = 'reversal' AND e.order_id <> '' GROUP BY 1, 2"),
                              false);
        !read)
        return read.error();
    if (auto read = readLines(QStringLiteral("SELECT l.tax_code, l.tax_rate_bp, sum(r.net), sum(r.tax) FROM journal_entries e "
                                             "JOIN refunds f ON f.entry_id = e.id JOIN refund_lines r ON r.refund_id = f.id "
                                             "JOIN sale_lines l ON l.sale_id = r.sale_id AND l.line = r.line")
                                  + where + QStringLiteral("AND e.kind = 'refund' GROUP BY 1, 2"),
                              false);
        !read)
        return read.error();

    qint64 overrideCount = 0;
    Sum overrideAmount;
    {
        Result<Query> query = m_database.run(QStringLiteral("SELECT count(*), coalesce(sum(o.amount_over), 0) FROM overrides o "
                                                            "JOIN journal_entries e ON e.id = o.entry_id")
                                                 + where,
                                             range, doing);
        if (!query)
            return query.error();
        if (query->next()) {
            overrideCount = query->value(0).toLongLong();
            overrideAmount.add(query->value(1).toLongLong());
        }
    }
    {
        Result<Query> query = m_database.run(
            QStringLiteral("SELECT kind, count(*) FROM till_events WHERE terminal_id = ? AND id > ? GROUP BY kind"),
            {terminal, day->eventAfter}, doing);
        if (!query)
            return query.error();
        while (query->next()) {
            const QString name = query->value(0).toString();
            const qint64 count = query->value(1).toLongLong();
            if (name == tillEventKindName(TillEventKind::DrawerOpen))
                report.drawerOpenings = count;
            else if (name == tillEventKindName(TillEventKind::ReceiptCopy))
                report.receiptCopies = count;
            else if (name == tillEventKindName(TillEventKind::ReportCopy))
                report.reportCopies = count;
        }
    }
    const Result<Money> expected = m_journal.balance(drawer);
    if (!expected)
        return expected.error();

    // The figures, from the sums (signs: a posting is + debit, - credit).
    bool failed = discountCount.failed || discountAmount.failed || overrideAmount.failed;
    auto of = [&](Category category, AccountClass account) {
        failed = failed || sums[category][account].failed;
        return sums[category][account].value;
    };
    auto money = [&](const Sum &sum) {
        failed = failed || sum.failed;
        return Money(sum.value, currency);
    };
    const Sum salesGross = Sum().subtract(of(Sale, Income)).subtract(of(Sale, Tax));
    const Sum returned = Sum().add(of(Refund, Income)).add(of(Refund, Tax));
    const Sum voidedSales = Sum().add(of(SaleVoid, Income)).add(of(SaleVoid, Tax));
    const Sum voidedTopUps = Sum().add(of(TopUpVoid, Credit));
    report.sales = CountAmount{counts[Sale], money(salesGross)};
    report.returns = CountAmount{counts[Refund], money(returned)};
    report.voidedSales = CountAmount{counts[SaleVoid], money(voidedSales)};
    report.voids = CountAmount{counts[SaleVoid] + counts[TopUpVoid], money(Sum().add(voidedSales.value).add(voidedTopUps.value))};
    report.discounts = CountAmount{discountCount.value, money(discountAmount)};
    report.overrides = CountAmount{overrideCount, money(overrideAmount)};
    const Sum net = Sum().add(salesGross.value).subtract(returned.value).subtract(voidedSales.value);
    report.netSales = money(net);
    report.cashRounding = money(Sum().subtract(of(Sale, Rounding)).subtract(of(Refund, Rounding)).subtract(of(SaleVoid, Rounding)));
    auto tender = [&](AccountClass account) { return money(Sum().add(of(Sale, account)).add(of(Refund, account)).add(of(SaleVoid, account))); };
    report.tenderCash = tender(Cash);
    report.tenderCard = tender(Card);
    report.tenderCredit = tender(Credit);
    report.tenderAccount = tender(Receivable);
    for (auto it = vat.cbegin(); it != vat.cend(); ++it) {
        if (it->net.value == 0 && it->tax.value == 0 && !it->net.failed && !it->tax.failed)
            continue;
        report.vat.append(VatRow{it.key().code, it.key().rate, money(it->net), money(it->tax)});
    }
    // Top-ups net of their voids; invoice payments are never voided (only the last sale or top-up is).
    auto journals = [&](Category category, std::optional<Category> voided, AccountClass funded) {
        auto both = [&](AccountClass account) {
            return Sum().add(of(category, account)).add(voided ? of(*voided, account) : 0);
        };
        JournalTotals totals;
        totals.count = counts[category];
        totals.amount = money(Sum().subtract(both(funded).value));
        totals.cash = money(both(Cash));
        totals.card = money(both(Card));
        totals.bank = money(both(Bank));
        return totals;
    };
    report.topUps = journals(TopUp, TopUpVoid, Credit);
    report.invoicePayments = journals(Payment, std::nullopt, Receivable);
    report.adjustments = CountAmount{counts[Adjustment], money(Sum().add(of(Adjustment, Adjustments)))};
    report.floats = CountAmount{counts[Float], money(Sum().add(of(Float, Cash)))};
    report.cashIn = CountAmount{counts[CashIn], money(Sum().add(of(CashIn, Cash)))};
    report.cashOut = CountAmount{counts[CashOut], money(Sum().subtract(of(CashOut, Cash)))};
    Sum dayCash;
    for (int category = 0; category < CategoryCount; ++category)
        dayCash.add(of(Category(category), Cash));
    report.drawerExpected = *expected;
    report.drawerOpening = money(Sum().add(expected->minorUnits()).subtract(dayCash.value));
    report.difference = Money::zero(currency);
    report.receiptsSales = counts[Sale];
    report.receiptsReturns = counts[Refund];
    report.receiptsVoids = counts[SaleVoid] + counts[TopUpVoid];
    report.grandSales = money(Sum().add(day->grandSalesMinorUnits).add(salesGross.value));
    report.grandReturns = money(Sum().add(day->grandReturnsMinorUnits).add(returned.value).add(voidedSales.value));
    report.grandNet = money(Sum().add(day->grandNetMinorUnits).add(net.value));
    if (failed)
        return overflow();
    return report;
}

Result<DayReport> DayEndService::store(DayReport report)
{
    const StoreIdentity &store = m_journal.identity();
    const QString kindName = dayReportKindName(report.kind);
    const QString doing = QStringLiteral("store the %1 of till %2").arg(reportDoing(report.kind), store.terminalId);
    Result<Query> next = m_database.run(
        QStringLiteral("SELECT coalesce(max(number), 0) + 1 FROM day_reports WHERE terminal_id = ? AND kind = ?"),
        {store.terminalId, kindName}, doing);
    if (!next)
        return next.error();
    if (!next->next())
        return makeError(ErrorCode::IoError, QStringLiteral("Could not number the %1 of till %2.").arg(reportDoing(report.kind), store.terminalId));
    report.number = next->value(0).toLongLong();
    next->finish();
    const Result<DayStart> day = currentDayStart(m_database, store.terminalId);
    if (!day)
        return day.error();
    const QString numberText = QStringLiteral("%1 %2").arg(kindName).arg(report.number, 6, 10, QLatin1Char('0'));

    if (report.kind == DayReportKind::Z && report.counted) {
        const Result<Money> difference = report.counted->minus(report.drawerExpected);
        if (!difference)
            return difference.error();
        report.difference = *difference;
        if (!difference->isZero()) {
            EntryDraft draft;
            draft.kind = EntryKind::CashDifference;
            draft.userName = report.userName;
            draft.note = QStringLiteral("%1 of till %2: counted %3 by %4, expected %5")
                             .arg(numberText, store.terminalId, report.counted->toDecimalStringWithCode(), report.userName,
                                  report.drawerExpected.toDecimalStringWithCode());
            draft.references.orderId = numberText;
            draft.postings = {{Accounts::cash(store.storeCode, store.terminalId), *difference},
                              {Accounts::cashDifferences(store.storeCode), *difference->negated()}};
            const Result<JournalEntry> entry = m_journal.append(draft);
            if (!entry)
                return entry.error();
            report.differenceEntryId = uuidText(entry->id);
            report.sequenceThrough = entry->sequence;
        }
    }
    const Result<TillEvent> event = recordTillEvent(m_database, store.terminalId,
                                                    report.kind == DayReportKind::Z ? TillEventKind::ZReport : TillEventKind::XReport,
                                                    report.userName, numberText, QString());
    if (!event)
        return event.error();
    report.createdUtc = event->createdUtc;
    const QString body = QString::fromUtf8(QJsonDocument(dayReportJson(report)).toJson(QJsonDocument::Compact));
    if (auto inserted = m_database.run(
            QStringLiteral("INSERT INTO day_reports (terminal_id, kind, number, created_utc, user_name, sequence_after, "
                           "sequence_through, event_after, event_through, currency, counted, expected, difference_entry_id, "
                           "grand_sales, grand_returns, grand_net, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {store.terminalId, kindName, report.number, timestampText(report.createdUtc), report.userName, report.sequenceAfter,
             report.sequenceThrough, day->eventAfter, event->id, report.currencyCode,
             report.counted ? QVariant(report.counted->minorUnits()) : QVariant(),
             report.drawerExpected.minorUnits(), report.differenceEntryId, report.grandSales.minorUnits(),
             report.grandReturns.minorUnits(), report.grandNet.minorUnits(), body},
            doing);
        !inserted)
        return inserted.error();
    return report;
}

Result<DayReport> DayEndService::xReport(const QString &userName)
{
    const Result<User> user = dayEndUser(m_users, m_settings, userName, QStringLiteral("X report"));
    if (!user)
        return user.error();
    return computeAndStore(DayReportKind::X, userName, std::nullopt);
}

Result<DayReport> DayEndService::computeAndStore(DayReportKind kind, const QString &userName, const std::optional<Money> &counted)
{
    // One transaction: the figures, a Z's difference entry, the event and the record, so that a
    // crash leaves no number used and no day half closed.
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<DayReport> report = compute(kind);
    if (!report)
        return report.error();
    report->userName = userName;
    report->counted = counted;
    Result<DayReport> stored = store(*report);
    if (!stored)
        return stored.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return stored;
}

Result<DayReport> DayEndService::zReport(const Money &counted, const QString &userName)
{
    const Currency &currency = m_journal.identity().currency;
    if (!(counted.currency() == currency))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("This store keeps its books in %1; a count in %2 cannot be used.")
                                                         .arg(currency.code(), counted.currency().code()));
    if (counted.isNegative())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Counted cash is zero or more, not %1.").arg(counted.toDecimalString()));
    if (counted.minorUnits() > kMoneyBoundMinorUnitsMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A count of %1 is beyond any drawer; at most %2.")
                                                         .arg(counted.toDecimalStringWithCode(),
                                                              Money(kMoneyBoundMinorUnitsMax, currency).toDecimalStringWithCode()));
    const Result<User> user = dayEndUser(m_users, m_settings, userName, QStringLiteral("Z report"));
    if (!user)
        return user.error();
    return computeAndStore(DayReportKind::Z, userName, counted);
}

namespace {

Result<StoredReport> storedFrom(const Query &query)
{
    StoredReport report;
    const std::optional<DayReportKind> kind = dayReportKindFromName(query.value(0).toString());
    const QJsonDocument body = QJsonDocument::fromJson(query.value(4).toString().toUtf8());
    report.number = query.value(1).toLongLong();
    report.createdUtc = timestampFromText(query.value(2).toString());
    report.userName = query.value(3).toString();
    if (!kind || !body.isObject() || !report.createdUtc.isValid())
        return makeError(ErrorCode::Integrity, QStringLiteral("Report %1 %2 is damaged.").arg(query.value(0).toString()).arg(report.number));
    report.kind = *kind;
    report.body = body.object();
    return report;
}

} // namespace

Result<QList<StoredReport>> DayEndService::reports(const QDateTime &fromUtc, const QDateTime &toUtc, int rowsMax) const
{
    const QString from = fromUtc.isValid() ? timestampText(fromUtc) : QString();
    const QString to = toUtc.isValid() ? timestampText(toUtc) : QString();
    Result<Query> query = m_database.scan(
        QStringLiteral("SELECT kind, number, created_utc, user_name, body FROM day_reports WHERE terminal_id = ? "
                       "AND (? = '' OR created_utc >= ?) AND (? = '' OR created_utc < ?) ORDER BY created_utc, kind, number LIMIT ?"),
        {m_journal.identity().terminalId, from, from, to, to, qBound(1, rowsMax, kReportsListedMax)},
        QStringLiteral("list the X and Z reports"));
    if (!query)
        return query.error();
    QList<StoredReport> reports;
    while (query->next()) {
        Result<StoredReport> report = storedFrom(*query);
        if (!report)
            return report.error();
        reports.append(*report);
    }
    return reports;
}

Result<StoredReport> DayEndService::reprint(DayReportKind kind, qint64 number, const QString &userName)
{
    const Result<User> user = dayEndUser(m_users, m_settings, userName, QStringLiteral("reprint of a report"));
    if (!user)
        return user.error();
    const QString &terminal = m_journal.identity().terminalId;
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT kind, number, created_utc, user_name, body FROM day_reports WHERE terminal_id = ? AND kind = ? AND number = ?"),
        {terminal, dayReportKindName(kind), number}, QStringLiteral("read report %1 %2").arg(dayReportKindName(kind)).arg(number));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("Till %1 has no %2 report number %3; \"slatectl reports\" lists them.")
                                                  .arg(terminal, dayReportKindName(kind))
                                                  .arg(number));
    Result<StoredReport> report = storedFrom(*query);
    query->finish();
    if (!report)
        return report.error();
    const QString reference = QStringLiteral("%1 %2").arg(dayReportKindName(kind)).arg(number, 6, 10, QLatin1Char('0'));
    if (auto recorded = recordTillEvent(m_database, terminal, TillEventKind::ReportCopy, userName, reference, QString()); !recorded)
        return recorded.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return report;
}

} // namespace Slate::Core
