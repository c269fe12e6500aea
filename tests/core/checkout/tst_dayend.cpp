// Day end: the cash drawer (float, cash in and out, drawer openings), X and Z reports. The Z
// arithmetic is checked against sums made here straight from the journal's tables (entries and
// postings, read by SQL) over random days of sales, returns, top-ups, voids, invoice payments,
// overrides, several tenders and VAT rates; the bounds at and one minor unit around each edge;
// Z numbers gap-free across restarts. Every test that posts ends with verify and hledger.

#include "ledgercheck.h"
#include "teststore.h"

#include <QJsonArray>
#include <algorithm>
#include <QRandomGenerator>
#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

namespace {

constexpr int kFastPinIterations = 1000;
const QString kDrawer = QStringLiteral("assets:cash:S1:T1");

template <typename T>
T must(Result<T> result)
{
    if (!result)
        qFatal("%s", qPrintable(result.message()));
    return std::move(result).value();
}
void must(Result<void> result)
{
    if (!result)
        qFatal("%s", qPrintable(result.message()));
}

template <typename T>
QString messageOf(const Result<T> &result)
{
    return result.ok() ? QString() : result.message();
}

struct Fixture {
    explicit Fixture(qint64 cashRounding = 1) : store(QStringLiteral("NOK"))
    {
        CheckoutSettings settings = store->checkoutSettings();
        settings.cashRoundingMinorUnits = cashRounding;
        must(store->setCheckoutSettings(settings));
        store->users().setPolicy(AuthPolicy{5, 300, kFastPinIterations});
        must(store->catalog().setTaxCode("STD", 2500, "Standard"));
        must(store->catalog().setTaxCode("FOOD", 1500, "Food"));
        must(store->catalog().setTaxCode("ZERO", 0, "Exempt"));
        must(store->users().add("cas", Role::Cashier, "1111"));
        must(store->users().add("mgr", Role::Manager, "2222", money("500").minorUnits()));
        must(store->users().add("boss", Role::Admin, "3333"));
    }
    Money money(const QString &text) const { return store.money(text); }
    Money drawer() { return must(store->journal().balance(kDrawer)); }
    qint64 rows(const QString &table)
    {
        Query query = must(store->database().run("SELECT count(*) FROM " + table, {}, "count rows"));
        return query.next() ? query.value(0).toLongLong() : -1;
    }
    qint64 entries() { return must(store->journal().entryCount()); }
    TestStore store;
};

// What the journal itself says about one day, summed here from its rows.
struct JournalDay {
    qint64 sales = 0, salesGross = 0, returns = 0, returned = 0, saleVoids = 0, voidedSales = 0, topUpVoids = 0, voidedTopUps = 0;
    qint64 cash = 0, card = 0, credit = 0, account = 0, rounding = 0, income = 0;
    QMap<QString, qint64> taxByCode;
    qint64 topUps = 0, topUpAmount = 0, topUpCash = 0, topUpCard = 0, topUpBank = 0;
    qint64 payments = 0, paymentAmount = 0, paymentCash = 0;
    qint64 floats = 0, floatAmount = 0, cashIns = 0, cashInAmount = 0, cashOuts = 0, cashOutAmount = 0;
    qint64 differences = 0, differenceAmount = 0;
};

JournalDay journalDay(Store &store, qint64 after, qint64 through)
{
    Query rows = must(store.database().run(
        "SELECT e.sequence, e.kind, p.account, p.amount FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
        "WHERE e.terminal_id = 'T1' AND e.sequence > ? AND e.sequence <= ? ORDER BY e.sequence, p.line",
        {after, through}, "read the day"));
    struct Entry {
        QString kind;
        QList<std::pair<QString, qint64>> postings;
    };
    QMap<qint64, Entry> entries;
    while (rows.next()) {
        Entry &entry = entries[rows.value(0).toLongLong()];
        entry.kind = rows.value(1).toString();
        entry.postings.append({rows.value(2).toString(), rows.value(3).toLongLong()});
    }
    JournalDay day;
    for (const Entry &entry : entries) {
        auto sum = [&entry](const QString &prefix) {
            qint64 total = 0;
            for (const auto &[account, amount] : entry.postings)
                total += account.startsWith(prefix) ? amount : 0;
            return total;
        };
        const qint64 goods = sum("income:sales:") + sum("liabilities:tax:");
        const bool saleLike = entry.kind == u"sale" || entry.kind == u"refund" || (entry.kind == u"reversal" && sum("income:sales:") != 0);
        if (entry.kind == u"sale") {
            ++day.sales;
            day.salesGross -= goods;
        } else if (entry.kind == u"refund") {
            ++day.returns;
            day.returned += goods;
        } else if (entry.kind == u"reversal" && saleLike) {
            ++day.saleVoids;
            day.voidedSales += goods;
        } else if (entry.kind == u"reversal") {
            ++day.topUpVoids;
            day.voidedTopUps += sum("liabilities:store-credit:");
        }
        if (saleLike) {
            day.cash += sum(kDrawer);
            day.card += sum("assets:card:");
            day.credit += sum("liabilities:store-credit:");
            day.account += sum("assets:receivable:");
            day.rounding -= sum("income:cash-rounding:");
            day.income -= sum("income:sales:");
            for (const auto &[account, amount] : entry.postings) {
                if (account.startsWith("liabilities:tax:"))
                    day.taxByCode[account.section(':', 2)] -= amount;
            }
        }
        if (entry.kind == u"top-up" || (entry.kind == u"reversal" && !saleLike)) {
            day.topUps += entry.kind == u"top-up";
            day.topUpAmount -= sum("liabilities:store-credit:");
            day.topUpCash += sum(kDrawer);
            day.topUpCard += sum("assets:card:");
            day.topUpBank += sum("assets:bank");
        }
        if (entry.kind == u"payment") {
            ++day.payments;
            day.paymentAmount -= sum("assets:receivable:");
            day.paymentCash += sum(kDrawer);
        }
        if (entry.kind == u"float") {
            ++day.floats;
            day.floatAmount += sum(kDrawer);
        } else if (entry.kind == u"cash-in") {
            ++day.cashIns;
            day.cashInAmount += sum(kDrawer);
        } else if (entry.kind == u"cash-out") {
            ++day.cashOuts;
            day.cashOutAmount -= sum(kDrawer);
        } else if (entry.kind == u"cash-difference") {
            ++day.differences;
            day.differenceAmount += sum(kDrawer);
        }
    }
    return day;
}

// The drawer by the journal through a sequence: every cash posting of this till up to it.
qint64 drawerThrough(Store &store, qint64 through)
{
    Query query = must(store.database().run(
        "SELECT coalesce(sum(p.amount), 0) FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
        "WHERE e.terminal_id = 'T1' AND e.sequence <= ? AND p.account = ?",
        {through, kDrawer}, "sum the drawer"));
    return query.next() ? query.value(0).toLongLong() : -1;
}

// What the generator did on one day, as it did it.
struct Generated {
    qint64 sales = 0, discounts = 0, discountAmount = 0, overrides = 0, overrideAmount = 0, drawerOpenings = 0;
};

} // namespace

class tst_DayEnd : public QObject {
    Q_OBJECT
private slots:
    void drawerMovementsAreBalancedEntries();
    void drawerBounds_data();
    void drawerBounds();
    void countBounds_data();
    void countBounds();
    void oneFloatADay();
    void whoMayRunTheDayEnd();
    void xClosesNothingAndZClosesTheDay();
    void zArithmeticMatchesTheJournal_data();
    void zArithmeticMatchesTheJournal();
    void zNumbersStayGapFreeAcrossRestarts();
    void nothingBeforeAZCanBeVoided();
    void reprintPrintsWhatWasStoredAndCountsTheCopy();
    void reportsAreAppendOnly();
};

void tst_DayEnd::drawerMovementsAreBalancedEntries()
{
    Fixture f;
    const CashMovement opened = must(f.store->drawer().openWithFloat(f.money("1500"), "mgr"));
    QCOMPARE(opened.entry.kind, EntryKind::Float);
    QCOMPARE(opened.drawerAfter, f.money("1500"));
    const CashMovement in = must(f.store->drawer().cashIn(f.money("250.50"), "  coins from the bank  ", "mgr"));
    QCOMPARE(in.entry.kind, EntryKind::CashIn);
    QCOMPARE(in.entry.note, QStringLiteral("Cash in: coins from the bank"));
    const CashMovement out = must(f.store->drawer().cashOut(f.money("700"), "takings to the safe", "mgr"));
    QCOMPARE(out.entry.kind, EntryKind::CashOut);
    QCOMPARE(out.drawerAfter, f.money("1050.50"));
    QCOMPARE(f.drawer(), f.money("1050.50"));
    QCOMPARE(must(f.store->journal().balance("assets:safe:S1")), f.money("-1050.50"));
    const TillEvent event = must(f.store->drawer().openDrawer("cas", "customer wanted change"));
    QCOMPARE(event.kind, TillEventKind::DrawerOpen);
    QCOMPARE(f.rows("till_events"), qint64(1));
    QCOMPARE(f.entries(), qint64(3));
    VERIFY_LEDGER(*f.store);
}

enum class Move { Float, CashIn, CashOut };

void tst_DayEnd::drawerBounds_data()
{
    QTest::addColumn<int>("move");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("taken");
    QTest::addColumn<QString>("message");
    const QString reason300(300, QLatin1Char('r'));
    QTest::addRow("a float of zero is refused") << int(Move::Float) << "0.00" << "" << false << "more than zero";
    QTest::addRow("a float of one minor unit is taken") << int(Move::Float) << "0.01" << "" << true << "";
    QTest::addRow("a negative float is refused") << int(Move::Float) << "-0.01" << "" << false << "more than zero";
    QTest::addRow("a float at the bound is taken") << int(Move::Float) << "10000000000.00" << "" << true << "";
    QTest::addRow("a float one minor unit over the bound is refused") << int(Move::Float) << "10000000000.01" << "" << false << "beyond any drawer";
    QTest::addRow("a cash in of one minor unit is taken") << int(Move::CashIn) << "0.01" << "change" << true << "";
    QTest::addRow("a cash in of zero is refused") << int(Move::CashIn) << "0" << "change" << false << "more than zero";
    QTest::addRow("a cash in without a reason is refused") << int(Move::CashIn) << "10" << "   " << false << "needs a reason";
    QTest::addRow("a reason of 300 characters is taken") << int(Move::CashIn) << "10" << reason300 << true << "";
    QTest::addRow("a reason of 301 characters is refused") << int(Move::CashIn) << "10" << reason300 + "r" << false << "at most 300";
    QTest::addRow("a reason of two lines is refused") << int(Move::CashOut) << "10" << "to the\nbank" << false << "one line";
    QTest::addRow("a cash out of all the drawer holds is taken") << int(Move::CashOut) << "100.00" << "bank" << true << "";
    QTest::addRow("a cash out one minor unit over the drawer is refused") << int(Move::CashOut) << "100.01" << "bank" << false << "holds 100.00 NOK";
    QTest::addRow("a cash out one minor unit under the drawer is taken") << int(Move::CashOut) << "99.99" << "bank" << true << "";
}

void tst_DayEnd::drawerBounds()
{
    QFETCH(int, move);
    QFETCH(QString, amount);
    QFETCH(QString, reason);
    QFETCH(bool, taken);
    QFETCH(QString, message);
    Fixture f;
    if (Move(move) != Move::Float)
        must(f.store->drawer().openWithFloat(f.money("100"), "mgr"));
    const qint64 entriesBefore = f.entries();
    const Money before = f.drawer();
    const Money value = f.money(amount);
    const Result<CashMovement> result = Move(move) == Move::Float ? f.store->drawer().openWithFloat(value, "mgr")
                                        : Move(move) == Move::CashIn ? f.store->drawer().cashIn(value, reason, "mgr")
                                                                     : f.store->drawer().cashOut(value, reason, "mgr");
    QCOMPARE(result.ok(), taken);
    if (taken) {
        QCOMPARE(f.entries(), entriesBefore + 1);
        QCOMPARE(f.drawer(), *(Move(move) == Move::CashOut ? before.minus(value) : before.plus(value)));
    } else {
        QVERIFY2(result.message().contains(message), qPrintable(result.message()));
        QCOMPARE(f.entries(), entriesBefore);
        QCOMPARE(f.drawer(), before);
    }
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::countBounds_data()
{
    QTest::addColumn<QString>("counted");
    QTest::addColumn<bool>("taken");
    QTest::addColumn<QString>("difference");
    QTest::addRow("a count of zero is taken (all short)") << "0" << true << "-100.00";
    QTest::addRow("a count one minor unit below zero is refused") << "-0.01" << false << "";
    QTest::addRow("a count one minor unit short") << "99.99" << true << "-0.01";
    QTest::addRow("a count exactly as expected posts no difference") << "100.00" << true << "0.00";
    QTest::addRow("a count one minor unit over") << "100.01" << true << "0.01";
    QTest::addRow("a count at the bound is taken") << "10000000000.00" << true << "9999999900.00";
    QTest::addRow("a count one minor unit over the bound is refused") << "10000000000.01" << false << "";
}

void tst_DayEnd::countBounds()
{
    QFETCH(QString, counted);
    QFETCH(bool, taken);
    QFETCH(QString, difference);
    Fixture f;
    must(f.store->drawer().openWithFloat(f.money("100"), "mgr"));
    const qint64 entriesBefore = f.entries();
    const Result<DayReport> z = f.store->dayEnd().zReport(f.money(counted), "mgr");
    QCOMPARE(z.ok(), taken);
    if (!taken) {
        QCOMPARE(z.code(), ErrorCode::InvalidArgument);
        QCOMPARE(f.rows("day_reports"), qint64(0));
        QCOMPARE(f.rows("till_events"), qint64(0));
        QCOMPARE(f.entries(), entriesBefore);
        return;
    }
    QCOMPARE(z->drawerExpected, f.money("100"));
    QCOMPARE(z->difference, f.money(difference));
    QCOMPARE(f.entries(), entriesBefore + (z->difference.isZero() ? 0 : 1));
    QCOMPARE(z->differenceEntryId.isEmpty(), z->difference.isZero());
    QCOMPARE(f.drawer(), f.money(counted));
    QCOMPARE(must(f.store->journal().balance("expenses:cash-differences:S1")), *f.money(difference).negated());
    // The next day starts from what was counted.
    const DayReport next = must(f.store->dayEnd().preview());
    QCOMPARE(next.drawerOpening, f.money(counted));
    QCOMPARE(next.sequenceAfter, z->sequenceThrough);
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::oneFloatADay()
{
    Fixture f;
    must(f.store->drawer().openWithFloat(f.money("500"), "mgr"));
    const Result<CashMovement> again = f.store->drawer().openWithFloat(f.money("500"), "mgr");
    QVERIFY(!again.ok());
    QVERIFY2(again.message().contains("cash in"), qPrintable(again.message()));
    must(f.store->drawer().cashOut(f.money("500"), "to the safe", "mgr"));
    must(f.store->dayEnd().zReport(f.money("0"), "mgr"));
    QVERIFY2(f.store->drawer().openWithFloat(f.money("500"), "mgr").ok(), "the next day takes a float");
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::whoMayRunTheDayEnd()
{
    Fixture f;
    Result<CashMovement> byCashier = f.store->drawer().openWithFloat(f.money("100"), "cas");
    QCOMPARE(byCashier.code(), ErrorCode::NotPermitted);
    QVERIFY2(byCashier.message().contains("--day-end-cashier"), qPrintable(byCashier.message()));
    QCOMPARE(f.store->dayEnd().xReport("cas").code(), ErrorCode::NotPermitted);
    QCOMPARE(f.store->dayEnd().zReport(f.money("0"), "cas").code(), ErrorCode::NotPermitted);
    QCOMPARE(f.store->dayEnd().xReport("nobody").code(), ErrorCode::NotFound);
    QCOMPARE(f.store->dayEnd().xReport("").code(), ErrorCode::InvalidArgument);
    QCOMPARE(f.store->drawer().openDrawer("nobody", "").code(), ErrorCode::NotFound);
    QVERIFY(f.store->drawer().openDrawer("cas", "").ok()); // anyone may press "no sale"
    QVERIFY(f.store->dayEnd().xReport("boss").ok());
    QCOMPARE(f.rows("day_reports"), qint64(1));
    CheckoutSettings settings = f.store->checkoutSettings();
    settings.dayEndByCashier = true;
    must(f.store->setCheckoutSettings(settings));
    QVERIFY(f.store->drawer().openWithFloat(f.money("100"), "cas").ok());
    QVERIFY(f.store->dayEnd().zReport(f.money("100"), "cas").ok());
    QVERIFY(f.store.reopen());
    QVERIFY2(f.store->checkoutSettings().dayEndByCashier, "the setting is kept");
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::xClosesNothingAndZClosesTheDay()
{
    Fixture f;
    must(f.store->catalog().addProduct(NewProduct{"A", {}, "A item", f.money("100"), "STD"}));
    must(f.store->drawer().openWithFloat(f.money("200"), "mgr"));
    must(f.store->checkout().sale(SaleRequest{"cas", {}, {SaleLineRequest{"A", 2, {}}}, {TenderRequest{TenderKind::Cash, f.money("250")}}, {}}));
    const DayReport x1 = must(f.store->dayEnd().xReport("mgr"));
    const DayReport x2 = must(f.store->dayEnd().xReport("mgr"));
    QCOMPARE(x1.number, qint64(1));
    QCOMPARE(x2.number, qint64(2));
    QCOMPARE(x2.sales.count, qint64(1));
    QCOMPARE(x2.sales.amount, f.money("200"));
    QCOMPARE(x2.sequenceAfter, qint64(0));
    QCOMPARE(x2.drawerExpected, f.money("400"));
    QVERIFY(!x2.counted);
    const DayReport z = must(f.store->dayEnd().zReport(f.money("400"), "mgr"));
    QCOMPARE(z.number, qint64(1));
    QCOMPARE(z.sales.amount, f.money("200"));
    QCOMPARE(z.grandSales, f.money("200"));
    const DayReport after = must(f.store->dayEnd().xReport("mgr"));
    QCOMPARE(after.number, qint64(3));
    QCOMPARE(after.sales.count, qint64(0));
    QCOMPARE(after.sequenceAfter, z.sequenceThrough);
    QCOMPARE(after.drawerOpening, f.money("400"));
    QCOMPARE(after.grandSales, f.money("200"));
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::zArithmeticMatchesTheJournal_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<qint64>("cashRounding");
    QTest::addColumn<int>("days");
    QTest::addRow("seed 1, three days, no cash rounding") << quint32(1) << qint64(1) << 3;
    QTest::addRow("seed 2, three days, rounding to 0.10") << quint32(2) << qint64(10) << 3;
    QTest::addRow("seed 3, four days, rounding to 1.00") << quint32(3) << qint64(100) << 4;
    QTest::addRow("seed 42, two days, no cash rounding") << quint32(42) << qint64(1) << 2;
    QTest::addRow("seed 2026, three days, rounding to 0.50") << quint32(2026) << qint64(50) << 3;
}

void tst_DayEnd::zArithmeticMatchesTheJournal()
{
    QFETCH(quint32, seed);
    QFETCH(qint64, cashRounding);
    QFETCH(int, days);
    QRandomGenerator random(seed);
    Fixture f(cashRounding);
    Store &store = *f.store;
    const QStringList taxes{"STD", "FOOD", "ZERO"};
    QStringList skus;
    for (int i = 0; i < 9; ++i) {
        const QString sku = QStringLiteral("P%1").arg(i);
        must(store.catalog().addProduct(NewProduct{sku, {}, sku, Money(qint64(random.bounded(100, 20000)) + 1, store.identity().currency), taxes.at(i % 3)}));
        skus.append(sku);
    }
    QList<Customer> customers;
    for (int i = 0; i < 5; ++i) {
        Customer customer = must(store.customers().add(NewCustomer{QStringLiteral("C%1").arg(i), QStringLiteral("Customer %1").arg(i), {}, {}}));
        customers.append(must(store.customers().setTerms(customer.id, CreditTerms{i == 0 ? 1000 : 30000, 50000, 30, false})));
        must(store.credit().topUp(customers.last(), f.money("300"), PaymentJournal::Bank, {}, "mgr"));
    }
    QStringList saleIds;
    qint64 grandSales = 0, grandReturns = 0, grandNet = 0;
    qint64 previousThrough = 0;
    // What the days held, so that a seed that skips a kind of entry is noticed.
    qint64 seenReturns = 0, seenSaleVoids = 0, seenTopUpVoids = 0, seenPayments = 0, seenOverrides = 0, seenDiscounts = 0,
           seenDifferences = 0, seenVatRates = 0;
    for (int day = 1; day <= days; ++day) {
        Generated generated;
        must(store.drawer().openWithFloat(Money(qint64(random.bounded(50000, 300000)), store.identity().currency), "mgr"));
        enum class Last { Other, Sale, TopUp } last = Last::Other;
        const int operations = int(random.bounded(50, 80));
        for (int op = 0; op < operations; ++op) {
            const int what = int(random.bounded(100));
            if (what < 45) { // a sale
                const Customer *customer = random.bounded(3) == 0 ? nullptr : &customers.at(int(random.bounded(customers.size())));
                SaleRequest request{"cas", customer ? customer->id : QString(), {}, {}, {}};
                const int lines = int(random.bounded(1, 4));
                qint64 discounts = 0, discountAmount = 0;
                for (int l = 0; l < lines; ++l) {
                    const QString sku = skus.at(int(random.bounded(skus.size())));
                    const qint64 quantity = random.bounded(1, 4);
                    std::optional<Money> discount;
                    if (random.bounded(4) == 0) {
                        const Product product = must(store.catalog().bySku(sku));
                        const qint64 off = product.unitPrice.minorUnits() * quantity * qint64(random.bounded(1, 11)) / 100;
                        if (off > 0) {
                            discount = Money(off, store.identity().currency);
                            ++discounts;
                            discountAmount += off;
                        }
                    }
                    request.lines.append(SaleLineRequest{sku, quantity, discount});
                }
                const SaleQuote priced = must(store.checkout().quote(request));
                const qint64 total = priced.totals.gross.minorUnits();
                const int pattern = customer ? int(random.bounded(4)) : int(random.bounded(2));
                const Currency &nok = store.identity().currency;
                if (pattern == 0) { // cash, with change
                    request.tenders = {TenderRequest{TenderKind::Cash, Money(total + qint64(random.bounded(0, 5000)) + cashRounding, nok)}};
                } else if (pattern == 1) { // card and cash
                    const qint64 card = total / 2;
                    request.tenders = {TenderRequest{TenderKind::Card, Money(card, nok)},
                                       TenderRequest{TenderKind::Cash, Money(total - card + cashRounding, nok)}};
                    if (card == 0)
                        request.tenders.removeFirst();
                } else if (pattern == 2) { // store credit as far as it goes, card for the rest
                    const qint64 wallet = std::max<qint64>(0, must(store.credit().wallet(customer->id)).minorUnits());
                    const qint64 credit = std::min(wallet, total);
                    request.tenders.clear();
                    if (credit > 0)
                        request.tenders.append(TenderRequest{TenderKind::Credit, Money(credit, nok)});
                    if (total - credit > 0)
                        request.tenders.append(TenderRequest{TenderKind::Card, Money(total - credit, nok)});
                } else { // on account, with a manager's override when over the limit
                    request.tenders = {TenderRequest{TenderKind::Account, Money(total, nok)}};
                    const SaleQuote check = must(store.checkout().quote(request));
                    for (const TenderAssessment &tender : check.tenders) {
                        if (tender.kind != TenderKind::Account || tender.check.verdict == TenderVerdict::Allowed)
                            continue;
                        if (tender.check.over.minorUnits() > 50000) {
                            request.tenders = {TenderRequest{TenderKind::Card, Money(total, nok)}};
                            break;
                        }
                        request.overrides = {must(store.checkout().authorizeOverride("mgr", "2222", "regular customer", "cas", customer->id,
                                                                                     TenderKind::Account, tender.check.over))};
                        ++generated.overrides;
                        generated.overrideAmount += tender.check.over.minorUnits();
                    }
                }
                const Result<SaleReceipt> sold = store.checkout().sale(request);
                QVERIFY2(sold.ok(), qPrintable(messageOf(sold)));
                saleIds.append(sold->sale.saleId);
                ++generated.sales;
                generated.discounts += discounts;
                generated.discountAmount += discountAmount;
                last = Last::Sale;
                continue;
            }
            if (what < 55 && !saleIds.isEmpty()) { // a return of one unit of an earlier sale, maybe of an earlier day
                const SaleRecord sale = must(store.checkout().saleById(saleIds.at(int(random.bounded(saleIds.size())))));
                const QList<RefundTo> to{RefundTo::Cash, RefundTo::Original, RefundTo::Credit};
                RefundTo where = to.at(int(random.bounded(to.size())));
                if (where == RefundTo::Credit && sale.customerId.isEmpty())
                    where = RefundTo::Cash;
                const Result<RefundReceipt> refunded =
                    store.checkout().refund(RefundRequest{sale.saleId, "cas", {RefundLineRequest{sale.lines.first().priced.input.sku, 1}}, where, {}, "changed mind"});
                if (!refunded.ok() && refunded.code() != ErrorCode::InvalidArgument) // all returned or voided: fine
                    QFAIL(qPrintable(refunded.message()));
                last = refunded.ok() ? Last::Other : last;
                continue;
            }
            if (what < 67) { // a top-up
                const PaymentJournal journals[] = {PaymentJournal::Cash, PaymentJournal::Card, PaymentJournal::Bank};
                must(store.credit().topUp(customers.at(int(random.bounded(customers.size()))), Money(qint64(random.bounded(1000, 30000)), store.identity().currency),
                                          journals[random.bounded(3)], {}, "mgr"));
                last = Last::TopUp;
                continue;
            }
            if (what < 75 && last != Last::Other) { // void the last sale or top-up
                const Result<VoidReceipt> voided = store.voids().voidLast(VoidRequest{"cas", ManagerPin{"boss", "3333", "rang up wrong"}});
                if (!voided.ok() && voided.code() != ErrorCode::InsufficientFunds)
                    QFAIL(qPrintable(voided.message()));
                last = Last::Other;
                continue;
            }
            if (what < 80) { // an invoice of a customer's account sales, paid in part
                const Customer &customer = customers.at(int(random.bounded(customers.size())));
                const Result<Invoice> invoice = store.receivables().issueInvoice(customer, QDate::currentDate(), "mgr");
                if (invoice.ok()) {
                    const qint64 part = std::max<qint64>(1, invoice->outstanding.minorUnits() / qint64(random.bounded(1, 4)));
                    const PaymentJournal journal = random.bounded(2) ? PaymentJournal::Cash : PaymentJournal::Card;
                    must(store.receivables().recordPayment(invoice->number, Money(part, store.identity().currency), journal, {}, "mgr"));
                }
                last = Last::Other;
                continue;
            }
            if (what < 86) {
                must(store.drawer().cashIn(Money(qint64(random.bounded(100, 20000)), store.identity().currency), "change", "mgr"));
                last = Last::Other;
                continue;
            }
            if (what < 92) {
                const qint64 held = f.drawer().minorUnits();
                if (held > 0)
                    must(store.drawer().cashOut(Money(std::max<qint64>(1, held / 3), store.identity().currency), "to the safe", "mgr"));
                last = Last::Other;
                continue;
            }
            if (what < 96) {
                must(store.drawer().openDrawer("cas", {}));
                ++generated.drawerOpenings;
                continue;
            }
            must(store.dayEnd().xReport("mgr")); // closes nothing
        }

        const Money expectedByJournal(drawerThrough(store, must(ForeignEntries::chainTip(store.database(), "T1")).sequence), store.identity().currency);
        const qint64 off = random.bounded(3) == 0 ? 0 : qint64(random.bounded(-500, 500));
        const Money counted(std::max<qint64>(0, expectedByJournal.minorUnits() + off), store.identity().currency);
        const DayReport z = must(store.dayEnd().zReport(counted, "mgr"));

        // Sums from the journal's own rows; the difference entry is the Z's last.
        QCOMPARE(z.number, qint64(day));
        QCOMPARE(z.sequenceAfter, previousThrough);
        const qint64 beforeDifference = z.differenceEntryId.isEmpty() ? z.sequenceThrough : z.sequenceThrough - 1;
        const JournalDay journal = journalDay(store, z.sequenceAfter, beforeDifference);
        const auto nok = [&store](qint64 minor) { return Money(minor, store.identity().currency); };
        QCOMPARE(z.sales.count, journal.sales);
        QCOMPARE(z.sales.count, generated.sales);
        QCOMPARE(z.sales.amount, nok(journal.salesGross));
        QCOMPARE(z.returns.count, journal.returns);
        QCOMPARE(z.returns.amount, nok(journal.returned));
        QCOMPARE(z.voidedSales.count, journal.saleVoids);
        QCOMPARE(z.voidedSales.amount, nok(journal.voidedSales));
        QCOMPARE(z.voids.count, journal.saleVoids + journal.topUpVoids);
        QCOMPARE(z.voids.amount, nok(journal.voidedSales + journal.voidedTopUps));
        QCOMPARE(z.netSales, nok(journal.salesGross - journal.returned - journal.voidedSales));
        QCOMPARE(z.tenderCash, nok(journal.cash));
        QCOMPARE(z.tenderCard, nok(journal.card));
        QCOMPARE(z.tenderCredit, nok(journal.credit));
        QCOMPARE(z.tenderAccount, nok(journal.account));
        QCOMPARE(z.cashRounding, nok(journal.rounding));
        // The tenders pay for the net sales and the rounding, exactly.
        QCOMPARE(journal.cash + journal.card + journal.credit + journal.account, journal.salesGross - journal.returned - journal.voidedSales + journal.rounding);
        QMap<QString, qint64> vatTax;
        qint64 vatNet = 0;
        for (const VatRow &row : z.vat) {
            vatTax[row.code] += row.tax.minorUnits();
            vatNet += row.net.minorUnits();
        }
        for (auto it = journal.taxByCode.cbegin(); it != journal.taxByCode.cend(); ++it)
            QCOMPARE(vatTax.value(it.key()), it.value());
        for (auto it = vatTax.cbegin(); it != vatTax.cend(); ++it)
            QCOMPARE(journal.taxByCode.value(it.key()), it.value());
        QCOMPARE(vatNet, journal.income);
        QCOMPARE(z.discounts.count, generated.discounts);
        QCOMPARE(z.discounts.amount, nok(generated.discountAmount));
        QCOMPARE(z.overrides.count, generated.overrides);
        QCOMPARE(z.overrides.amount, nok(generated.overrideAmount));
        QCOMPARE(z.topUps.count, journal.topUps);
        QCOMPARE(z.topUps.amount, nok(journal.topUpAmount));
        QCOMPARE(z.topUps.cash, nok(journal.topUpCash));
        QCOMPARE(z.topUps.card, nok(journal.topUpCard));
        QCOMPARE(z.topUps.bank, nok(journal.topUpBank));
        QCOMPARE(z.invoicePayments.count, journal.payments);
        QCOMPARE(z.invoicePayments.amount, nok(journal.paymentAmount));
        QCOMPARE(z.invoicePayments.cash, nok(journal.paymentCash));
        QCOMPARE(z.floats.count, journal.floats);
        QCOMPARE(z.floats.amount, nok(journal.floatAmount));
        QCOMPARE(z.cashIn.count, journal.cashIns);
        QCOMPARE(z.cashIn.amount, nok(journal.cashInAmount));
        QCOMPARE(z.cashOut.count, journal.cashOuts);
        QCOMPARE(z.cashOut.amount, nok(journal.cashOutAmount));
        QCOMPARE(z.drawerOpening, nok(drawerThrough(store, z.sequenceAfter)));
        QCOMPARE(z.drawerExpected, nok(drawerThrough(store, beforeDifference)));
        QCOMPARE(z.drawerExpected, expectedByJournal);
        QCOMPARE(*z.counted, counted);
        QCOMPARE(z.difference, *counted.minus(expectedByJournal));
        const JournalDay closing = journalDay(store, beforeDifference, z.sequenceThrough);
        QCOMPARE(closing.differences, z.difference.isZero() ? qint64(0) : qint64(1));
        QCOMPARE(closing.differenceAmount, z.difference.minorUnits());
        QCOMPARE(nok(drawerThrough(store, z.sequenceThrough)), counted);
        QCOMPARE(z.drawerOpenings, generated.drawerOpenings);
        QCOMPARE(z.receiptsSales, journal.sales);
        grandSales += journal.salesGross;
        grandReturns += journal.returned + journal.voidedSales;
        grandNet += journal.salesGross - journal.returned - journal.voidedSales;
        QCOMPARE(z.grandSales, nok(grandSales));
        QCOMPARE(z.grandReturns, nok(grandReturns));
        QCOMPARE(z.grandNet, nok(grandNet));
        // The stored body is what the report says.
        const QList<StoredReport> stored = must(store.dayEnd().reports({}, {}));
        const auto it = std::find_if(stored.cbegin(), stored.cend(), [&](const StoredReport &r) { return r.kind == DayReportKind::Z && r.number == z.number; });
        QVERIFY(it != stored.cend());
        QCOMPARE(it->body, dayReportJson(z));
        previousThrough = z.sequenceThrough;
        seenReturns += journal.returns;
        seenSaleVoids += journal.saleVoids;
        seenTopUpVoids += journal.topUpVoids;
        seenPayments += journal.payments;
        seenOverrides += generated.overrides;
        seenDiscounts += generated.discounts;
        seenDifferences += closing.differences;
        seenVatRates = std::max<qint64>(seenVatRates, z.vat.size());
    }
    qInfo("seed %u: %lld returns, %lld voided sales, %lld voided top-ups, %lld invoice payments, %lld overrides, %lld discounts, "
          "%lld counts off, up to %lld VAT rates a day",
          seed, seenReturns, seenSaleVoids, seenTopUpVoids, seenPayments, seenOverrides, seenDiscounts, seenDifferences, seenVatRates);
    QVERIFY(seenReturns > 0 && seenSaleVoids > 0 && seenPayments > 0 && seenOverrides > 0 && seenDiscounts > 0 && seenDifferences > 0);
    QCOMPARE(seenVatRates, qint64(3));
    // Every entry of the till is in exactly one day.
    QCOMPARE(previousThrough, must(ForeignEntries::chainTip(store.database(), "T1")).sequence);
    VERIFY_LEDGER(store);
}

void tst_DayEnd::zNumbersStayGapFreeAcrossRestarts()
{
    Fixture f;
    qint64 through = 0;
    for (int round = 1; round <= 4; ++round) {
        must(f.store->drawer().openWithFloat(f.money("100"), "mgr"));
        if (round % 2 == 0)
            must(f.store->dayEnd().xReport("mgr"));
        const DayReport z = must(f.store->dayEnd().zReport(f.money("99.50"), "mgr"));
        QCOMPARE(z.number, qint64(round));
        QCOMPARE(z.sequenceAfter, through);
        through = z.sequenceThrough;
        QVERIFY(f.store.reopen());
    }
    Query numbers = must(f.store->database().run("SELECT kind, number FROM day_reports ORDER BY kind, number", {}, "list"));
    QStringList seen;
    while (numbers.next())
        seen.append(numbers.value(0).toString() + numbers.value(1).toString());
    QCOMPARE(seen, QStringList({"X1", "X2", "Z1", "Z2", "Z3", "Z4"}));
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::nothingBeforeAZCanBeVoided()
{
    Fixture f;
    must(f.store->catalog().addProduct(NewProduct{"A", {}, "A item", f.money("10"), "STD"}));
    must(f.store->checkout().sale(SaleRequest{"cas", {}, {SaleLineRequest{"A", 1, {}}}, {TenderRequest{TenderKind::Cash, f.money("10")}}, {}}));
    QVERIFY(must(f.store->voids().last()).has_value());
    must(f.store->dayEnd().zReport(f.money("10"), "mgr"));
    QVERIFY2(!must(f.store->voids().last()).has_value(), "the Z closed the sale's day");
    const Result<VoidReceipt> voided = f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", "too late"}});
    QCOMPARE(voided.code(), ErrorCode::NotFound);
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::reprintPrintsWhatWasStoredAndCountsTheCopy()
{
    Fixture f;
    must(f.store->drawer().openWithFloat(f.money("100"), "mgr"));
    const DayReport z = must(f.store->dayEnd().zReport(f.money("100"), "mgr"));
    const StoredReport copy = must(f.store->dayEnd().reprint(DayReportKind::Z, 1, "mgr"));
    QCOMPARE(copy.body, dayReportJson(z));
    QCOMPARE(f.store->dayEnd().reprint(DayReportKind::Z, 2, "mgr").code(), ErrorCode::NotFound);
    QCOMPARE(f.store->dayEnd().reprint(DayReportKind::X, 1, "mgr").code(), ErrorCode::NotFound);
    const DayReport next = must(f.store->dayEnd().preview());
    QCOMPARE(next.reportCopies, qint64(1));
    QCOMPARE(f.rows("day_reports"), qint64(1)); // a preview stores nothing
    VERIFY_LEDGER(*f.store);
}

void tst_DayEnd::reportsAreAppendOnly()
{
    Fixture f;
    must(f.store->dayEnd().zReport(f.money("0"), "mgr"));
    QVERIFY(!f.store->database().run("UPDATE day_reports SET counted = 5", {}, "tamper").ok());
    QVERIFY(!f.store->database().run("DELETE FROM day_reports", {}, "tamper").ok());
    QVERIFY(!f.store->database().run("DELETE FROM till_events", {}, "tamper").ok());
    QCOMPARE(f.rows("day_reports"), qint64(1));
    QCOMPARE(f.rows("till_events"), qint64(1));
}

QTEST_GUILESS_MAIN(tst_DayEnd)
#include "tst_dayend.moc"
