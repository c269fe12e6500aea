// The authority table (core/ledger/entryauthority.h): every entry the services write passes it
// (so the server never refuses a real till), and for each kind an entry that moves another
// till's cash, posts to another store, mints store credit with no payment behind it or posts to
// another customer than the one it names is refused, naming the posting. Accounts::parse reads
// back every account name the chart builds.

#include "teststore.h"

#include "base/uuidv7.h"
#include "ledger/entryauthority.h"
#include "store/demodata.h"

#include <QSet>
#include <QTest>

using namespace Slate::Core;

Q_DECLARE_METATYPE(Slate::Core::EntryKind)

namespace {

const QString kCustomer = QStringLiteral("0192f3a0-0000-7000-8000-000000000001");
const QString kOther = QStringLiteral("0192f3a0-0000-7000-8000-000000000002");

JournalEntry entryOf(EntryKind kind, const QString &customerId, const QList<std::pair<QString, qint64>> &postings)
{
    JournalEntry entry;
    entry.id = newTimeOrderedUuid();
    entry.terminalId = QStringLiteral("T1");
    entry.sequence = 1;
    entry.kind = kind;
    entry.references.customerId = customerId;
    const Currency nok = *Currency::fromCode(u"NOK");
    for (const auto &[account, minor] : postings)
        entry.postings.append(Posting{account, Money(minor, nok)});
    return entry;
}

} // namespace

class tst_EntryAuthority : public QObject {
    Q_OBJECT
private slots:
    void parseReadsEveryAccountOfTheChart();
    void kinds_data();
    void kinds();
    void everyEntryTheServicesWritePasses();
};

void tst_EntryAuthority::parseReadsEveryAccountOfTheChart()
{
    const auto cash = Accounts::parse(Accounts::cash(QStringLiteral("S1"), QStringLiteral("T1")));
    QVERIFY(cash && cash->role == AccountRole::Cash && cash->storeCode == QLatin1String("S1") && cash->terminalId == QLatin1String("T1"));
    const auto invoiced = Accounts::parse(Accounts::receivableInvoiced(kCustomer, QStringLiteral("S2"), QStringLiteral("INV-T1-000001")));
    QVERIFY(invoiced && invoiced->role == AccountRole::ReceivableInvoiced && invoiced->customerId == kCustomer
            && invoiced->storeCode == QLatin1String("S2"));
    const auto accrued = Accounts::parse(Accounts::receivableAccrued(kCustomer, QStringLiteral("S1")));
    QVERIFY(accrued && accrued->role == AccountRole::ReceivableAccrued && accrued->storeCode == QLatin1String("S1"));
    QCOMPARE(Accounts::parse(Accounts::storeCredit(kCustomer))->customerId, kCustomer);
    QCOMPARE(Accounts::parse(Accounts::card(QStringLiteral("S1")))->role, AccountRole::Card);
    QCOMPARE(Accounts::parse(Accounts::bank())->role, AccountRole::Bank);
    QCOMPARE(Accounts::parse(Accounts::salesIncome(QStringLiteral("S1")))->role, AccountRole::SalesIncome);
    QCOMPARE(Accounts::parse(Accounts::cashRounding(QStringLiteral("S1")))->role, AccountRole::CashRounding);
    QCOMPARE(Accounts::parse(Accounts::tax(QStringLiteral("STD")))->role, AccountRole::Tax);
    QCOMPARE(Accounts::parse(Accounts::creditAdjustments())->role, AccountRole::CreditAdjustments);
    const auto safe = Accounts::parse(Accounts::safe(QStringLiteral("S1")));
    QVERIFY(safe && safe->role == AccountRole::Safe && safe->storeCode == QLatin1String("S1"));
    const auto differences = Accounts::parse(Accounts::cashDifferences(QStringLiteral("S1")));
    QVERIFY(differences && differences->role == AccountRole::CashDifferences && differences->storeCode == QLatin1String("S1"));
    // Names outside the chart, valid or not, mean nothing.
    QVERIFY(!Accounts::parse(u"assets:cash:S1"));
    QVERIFY(!Accounts::parse(u"equity:owner"));
    QVERIFY(!Accounts::parse(u"assets:cash:S1:T1:extra"));
    QVERIFY(!Accounts::parse(u"not an account"));
}

void tst_EntryAuthority::kinds_data()
{
    QTest::addColumn<EntryKind>("kind");
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QStringList>("accounts");
    QTest::addColumn<QList<qint64>>("amounts");
    QTest::addColumn<int>("refusedPosting"); // -1: allowed
    QTest::addColumn<QString>("messagePart");

    const QString wallet = Accounts::storeCredit(kCustomer);
    const QString cash = Accounts::cash(QStringLiteral("S1"), QStringLiteral("T1"));
    const QString otherTill = Accounts::cash(QStringLiteral("S1"), QStringLiteral("T2"));
    const QString sales = Accounts::salesIncome(QStringLiteral("S1"));
    const QString otherSales = Accounts::salesIncome(QStringLiteral("S2"));
    const QString accrued = Accounts::receivableAccrued(kCustomer, QStringLiteral("S1"));
    const QString invoiced = Accounts::receivableInvoiced(kCustomer, QStringLiteral("S1"), QStringLiteral("INV-T1-000001"));
    const QString otherStoreInvoice = Accounts::receivableInvoiced(kCustomer, QStringLiteral("S2"), QStringLiteral("INV-T7-000001"));
    const QString tax = Accounts::tax(QStringLiteral("STD"));
    const QString adjustments = Accounts::creditAdjustments();
    using L = QStringList;
    using A = QList<qint64>;

    QTest::newRow("a sale paid in cash and credit is allowed")
        << EntryKind::Sale << kCustomer << L{cash, wallet, sales, tax} << A{500, 750, -1000, -250} << -1 << QString();
    QTest::newRow("a sale paid into another till's cash is refused")
        << EntryKind::Sale << QString() << L{otherTill, sales} << A{1000, -1000} << 0 << QStringLiteral("its own cash");
    QTest::newRow("a sale booked to another store's income is refused")
        << EntryKind::Sale << QString() << L{cash, otherSales} << A{1000, -1000} << 1 << QStringLiteral("store S2's");
    QTest::newRow("a sale that credits the wallet (mints credit) is refused")
        << EntryKind::Sale << kCustomer << L{wallet, sales} << A{-100000, 100000} << 0 << QStringLiteral("only debits");
    QTest::newRow("a sale on another customer's wallet is refused")
        << EntryKind::Sale << kOther << L{wallet, sales} << A{1000, -1000} << 0 << QString(QStringLiteral("is customer ") + kOther);

    QTest::newRow("a refund to credit is allowed")
        << EntryKind::Refund << kCustomer << L{sales, wallet} << A{1000, -1000} << -1 << QString();
    QTest::newRow("a refund out of another till's drawer is refused")
        << EntryKind::Refund << QString() << L{sales, otherTill} << A{1000, -1000} << 1 << QStringLiteral("its own cash");

    QTest::newRow("a top-up paid in cash is allowed")
        << EntryKind::TopUp << kCustomer << L{cash, wallet} << A{2500, -2500} << -1 << QString();
    QTest::newRow("a top-up by bank is allowed")
        << EntryKind::TopUp << kCustomer << L{Accounts::bank(), wallet} << A{2500, -2500} << -1 << QString();
    QTest::newRow("a top-up with no payment behind it (against income) is refused")
        << EntryKind::TopUp << kCustomer << L{sales, wallet} << A{1000000, -1000000} << 0 << QStringLiteral("never posts");
    QTest::newRow("a top-up against the adjustments expense is refused")
        << EntryKind::TopUp << kCustomer << L{adjustments, wallet} << A{1000000, -1000000} << 0 << QStringLiteral("never posts");
    QTest::newRow("a top-up that moves another till's cash to the bank is refused")
        << EntryKind::TopUp << QString() << L{Accounts::bank(), otherTill} << A{1000, -1000} << 1 << QStringLiteral("its own cash");
    QTest::newRow("a top-up of a wallet the entry does not name is refused")
        << EntryKind::TopUp << QString() << L{cash, wallet} << A{1000, -1000} << 1 << QStringLiteral("names no customer");

    QTest::newRow("a manager's adjustment is allowed")
        << EntryKind::Adjustment << kCustomer << L{adjustments, wallet} << A{1000, -1000} << -1 << QString();
    QTest::newRow("an adjustment paid out of the till is refused")
        << EntryKind::Adjustment << kCustomer << L{cash, wallet} << A{-1000, 1000} << 0 << QStringLiteral("never posts");

    QTest::newRow("an invoice of this store's account sales is allowed")
        << EntryKind::Invoice << kCustomer << L{invoiced, accrued} << A{1000, -1000} << -1 << QString();
    QTest::newRow("an invoice of another store's account sales is refused")
        << EntryKind::Invoice << kCustomer << L{otherStoreInvoice, accrued} << A{1000, -1000} << 0 << QStringLiteral("store S2's");

    QTest::newRow("a payment of another store's invoice is allowed")
        << EntryKind::Payment << kCustomer << L{cash, otherStoreInvoice} << A{1000, -1000} << -1 << QString();
    QTest::newRow("a payment that moves another till's cash is refused")
        << EntryKind::Payment << kCustomer << L{otherTill, invoiced} << A{1000, -1000} << 0 << QStringLiteral("its own cash");

    QTest::newRow("a void of a sale is allowed")
        << EntryKind::Reversal << kCustomer << L{cash, wallet, sales} << A{-500, -500, 1000} << -1 << QString();
    QTest::newRow("a void that posts to another store is refused")
        << EntryKind::Reversal << QString() << L{cash, otherSales} << A{-500, 500} << 1 << QStringLiteral("store S2's");
    const QString safe = Accounts::safe(QStringLiteral("S1"));
    const QString otherSafe = Accounts::safe(QStringLiteral("S2"));
    const QString differences = Accounts::cashDifferences(QStringLiteral("S1"));
    QTest::newRow("a float from the store's safe is allowed")
        << EntryKind::Float << QString() << L{cash, safe} << A{100000, -100000} << -1 << QString();
    QTest::newRow("a float from another store's safe is refused")
        << EntryKind::Float << QString() << L{cash, otherSafe} << A{100000, -100000} << 1 << QStringLiteral("store S2's");
    QTest::newRow("a float into another till's drawer is refused")
        << EntryKind::Float << QString() << L{otherTill, safe} << A{100000, -100000} << 0 << QStringLiteral("its own cash");
    QTest::newRow("a cash in that empties the drawer is refused")
        << EntryKind::CashIn << QString() << L{cash, safe} << A{-100000, 100000} << 0 << QStringLiteral("only debits");
    QTest::newRow("a cash out to the safe is allowed")
        << EntryKind::CashOut << QString() << L{safe, cash} << A{50000, -50000} << -1 << QString();
    QTest::newRow("a cash out booked against income is refused")
        << EntryKind::CashOut << QString() << L{sales, cash} << A{50000, -50000} << 0 << QStringLiteral("never posts");
    QTest::newRow("a counted shortage is allowed")
        << EntryKind::CashDifference << QString() << L{differences, cash} << A{100, -100} << -1 << QString();
    QTest::newRow("a counted difference against the wallet is refused")
        << EntryKind::CashDifference << kCustomer << L{cash, wallet} << A{100000, -100000} << 1 << QStringLiteral("never posts");
    QTest::newRow("an account outside the chart is refused")
        << EntryKind::Sale << QString() << L{cash, QStringLiteral("equity:owner")} << A{1000, -1000} << 1 << QStringLiteral("no Slate service");
}

void tst_EntryAuthority::kinds()
{
    QFETCH(EntryKind, kind);
    QFETCH(QString, customer);
    QFETCH(QStringList, accounts);
    QFETCH(QList<qint64>, amounts);
    QFETCH(int, refusedPosting);
    QFETCH(QString, messagePart);
    QList<std::pair<QString, qint64>> postings;
    for (qsizetype i = 0; i < accounts.size(); ++i)
        postings.append({accounts.at(i), amounts.at(i)});
    const std::optional<EntryAuthority::Refusal> refusal =
        EntryAuthority::check(entryOf(kind, customer, postings), {QStringLiteral("T1"), QStringLiteral("S1")});
    if (refusedPosting < 0) {
        QVERIFY2(!refusal, qPrintable(refusal ? refusal->message : QString()));
        return;
    }
    QVERIFY(refusal);
    QCOMPARE(refusal->postingIndex, qsizetype(refusedPosting));
    QVERIFY2(refusal->message.startsWith(QStringLiteral("postings[%1] (%2").arg(refusedPosting).arg(accounts.at(refusedPosting))),
             qPrintable(refusal->message));
    QVERIFY2(refusal->message.contains(messagePart), qPrintable(refusal->message));
}

// The table is how core writes each kind: the demo's top-ups (cash, card, bank), adjustments,
// sales and invoice, and then a payment, a refund and a void, all pass it.
void tst_EntryAuthority::everyEntryTheServicesWritePasses()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Result<std::unique_ptr<Store>> created = Store::create(
        dir.filePath(QStringLiteral("demo.db")), StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")},
        [](Store &store) { return DemoData::populate(store, QStringLiteral("anna")); });
    QVERIFY2(created, qPrintable(created ? QString() : created.message()));
    Store &store = **created;

    // A payment of the demo's invoice.
    Result<Query> invoice = store.database().run(QStringLiteral("SELECT number FROM invoices LIMIT 1"), {}, QStringLiteral("test"));
    QVERIFY(invoice && invoice->next());
    const QString number = invoice->value(0).toString();
    invoice->finish();
    const Result<InvoicePayment> paid =
        store.receivables().recordPayment(number, Money(100, store.identity().currency), PaymentJournal::Card, QString(), QStringLiteral("anna"));
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.message()));

    // A refund of one line of a demo sale.
    Result<Query> line = store.database().run(QStringLiteral("SELECT sale_id, sku FROM sale_lines ORDER BY sale_id LIMIT 1"), {},
                                              QStringLiteral("test"));
    QVERIFY(line && line->next());
    RefundRequest refund{line->value(0).toString(), QStringLiteral("anna"), {{line->value(1).toString(), 1}}, RefundTo::Original, {}, {}};
    line->finish();
    const Result<RefundReceipt> refunded = store.checkout().refund(refund);
    QVERIFY2(refunded, qPrintable(refunded ? QString() : refunded.message()));

    // A void of the last transaction (a top-up), by the demo's manager.
    const Result<Customer> customer = store.customers().byCard(QStringLiteral("1001"));
    QVERIFY(customer);
    QVERIFY(store.credit().topUp(*customer, Money(5000, store.identity().currency), PaymentJournal::Cash, {}, QStringLiteral("anna")));
    const Result<VoidReceipt> voided = store.voids().voidLast(
        VoidRequest{QStringLiteral("anna"), ManagerPin{QStringLiteral("mona"), QStringLiteral("9876"), QStringLiteral("wrong amount")}});
    QVERIFY2(voided, qPrintable(voided ? QString() : voided.message()));

    // The drawer's day: a float, a cash in and out, and a Z report that counts one krone short.
    const Currency nok = store.identity().currency;
    const auto must = [](const auto &result) { QVERIFY2(result, qPrintable(result ? QString() : result.message())); };
    must(store.drawer().openWithFloat(Money(100000, nok), QStringLiteral("mona")));
    must(store.drawer().cashIn(Money(20000, nok), QStringLiteral("more change"), QStringLiteral("mona")));
    must(store.drawer().cashOut(Money(50000, nok), QStringLiteral("to the bank"), QStringLiteral("mona")));
    const Result<Money> expected = store.drawer().drawerCash();
    QVERIFY(expected);
    must(store.dayEnd().zReport(Money(expected->minorUnits() - 100, nok), QStringLiteral("mona")));

    QSet<QString> kinds;
    QStringList refused;
    QVERIFY(store.journal().forEachEntry(EntryOrder::AsStored, [&](const JournalEntry &entry) {
        kinds.insert(entryKindName(entry.kind));
        if (auto refusal = EntryAuthority::check(entry, {QStringLiteral("T1"), QStringLiteral("S1")}))
            refused << QStringLiteral("%1: %2").arg(entryKindName(entry.kind), refusal->message);
        return true;
    }));
    QVERIFY2(refused.isEmpty(), qPrintable(refused.join(u'\n')));
    for (EntryKind kind : {EntryKind::Sale, EntryKind::Refund, EntryKind::TopUp, EntryKind::Adjustment, EntryKind::Invoice,
                           EntryKind::Payment, EntryKind::Reversal, EntryKind::Float, EntryKind::CashIn, EntryKind::CashOut,
                           EntryKind::CashDifference})
        QVERIFY2(kinds.contains(entryKindName(kind)), qPrintable(entryKindName(kind)));
}

QTEST_GUILESS_MAIN(tst_EntryAuthority)
#include "tst_entryauthority.moc"
