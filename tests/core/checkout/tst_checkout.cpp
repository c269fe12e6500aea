// The checkout engine: sales with every tender combination, cash rounding and change, the
// inclusive credit boundaries (wallet, overdraft, limit, scope, blocked), manager overrides,
// refunds and atomicity. Every test that posts ends with verify and an hledger check.

#include "ledgercheck.h"
#include "teststore.h"

#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

Q_DECLARE_METATYPE(Slate::Core::RefundTo)
Q_DECLARE_METATYPE(Slate::Core::TenderRequest)

namespace {

constexpr int kFastPinIterations = 1000; // PBKDF2 strength is tested in tst_pinhash

struct Fixture {
    explicit Fixture(const QString &currency = QStringLiteral("NOK"), PriceMode mode = PriceMode::TaxInclusive,
                     qint64 cashRounding = 1)
        : store(currency)
    {
        if (!store.ok())
            return;
        CheckoutSettings settings = store->checkoutSettings();
        settings.priceMode = mode;
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

    template <typename T>
    static T must(Result<T> result)
    {
        if (!result)
            qFatal("fixture: %s", qPrintable(result.message()));
        return std::move(result).value();
    }
    static void must(Result<void> result)
    {
        if (!result)
            qFatal("fixture: %s", qPrintable(result.message()));
    }

    Money money(const QString &text) const { return store.money(text); }

    Product product(const QString &sku, const QString &price, const QString &tax = QStringLiteral("STD"))
    {
        return must(store->catalog().addProduct(NewProduct{sku, QString(), sku + QStringLiteral(" item"), money(price), tax}));
    }

    Customer customer(const QString &card, const QString &wallet = QString(), CreditTerms terms = {})
    {
        Customer added = must(store->customers().add(NewCustomer{card, QStringLiteral("Customer ") + card, {}, {}}));
        if (!wallet.isEmpty())
            must(store->credit().topUp(added, money(wallet), PaymentJournal::Cash, QString(), QStringLiteral("cas")));
        return must(store->customers().setTerms(added.id, terms));
    }

    SaleRequest request(const Customer *customer, QList<SaleLineRequest> lines, QList<TenderRequest> tenders) const
    {
        return SaleRequest{QStringLiteral("cas"), customer ? customer->id : QString(), std::move(lines), std::move(tenders), {}};
    }

    TenderRequest pay(TenderKind kind, const QString &amount) const { return TenderRequest{kind, money(amount)}; }

    Money balance(const QString &account) { return must(store->journal().balance(account)); }
    // Makes the last write of a sale fail ('disk trouble'), after its entry and sale row were
    // written; DROP TRIGGER temp.fail_lines ends it.
    bool failSaleLines()
    {
        return store->database()
            .run("CREATE TEMP TRIGGER fail_lines BEFORE INSERT ON sale_lines BEGIN SELECT RAISE(ABORT, 'disk trouble'); END", {},
                 "add a failing trigger")
            .ok();
    }
    Money wallet(const Customer &customer) { return must(store->credit().wallet(customer.id)); }
    qint64 entries() { return must(store->journal().entryCount()); }
    qint64 rows(const QString &table)
    {
        Query query = must(store->database().run("SELECT count(*) FROM " + table, {}, "count rows"));
        return query.next() ? query.value(0).toLongLong() : -1;
    }
    CreditOverview overview(const Customer &customer, const QDate &asOf = QDate::currentDate())
    {
        return must(store->receivables().overview(must(store->customers().byId(customer.id)), asOf));
    }

    TestStore store;
};

CreditTerms terms(qint64 limit, std::optional<qint64> overdraft = std::nullopt, bool blocked = false, int days = 30)
{
    return CreditTerms{limit, overdraft, days, blocked};
}

const QString kCash = QStringLiteral("assets:cash:S1:T1");
const QString kCard = QStringLiteral("assets:card:S1");
const QString kIncome = QStringLiteral("income:sales:S1");
const QString kRounding = QStringLiteral("income:cash-rounding:S1");

} // namespace

class tst_Checkout : public QObject {
    Q_OBJECT
private slots:
    void cashSaleGivesChange()
    {
        Fixture f;
        f.product("A", "100.00");
        f.product("B", "23.00", "FOOD");
        const Result<SaleReceipt> receipt = f.store->checkout().sale(
            f.request(nullptr, {{"A", 2, std::nullopt}, {"B", 1, f.money("3.00")}}, {f.pay(TenderKind::Cash, "300")}));
        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
        QCOMPARE(receipt->sale.saleId, QStringLiteral("T1-000001"));
        QCOMPARE(receipt->sale.total, f.money("220.00"));
        QCOMPARE(receipt->sale.change, f.money("80.00"));
        QCOMPARE(receipt->sale.cashTendered, f.money("300.00"));
        // 200.00 at 25 % inclusive: tax 40.00; 20.00 at 15 %: tax 2.61
        QCOMPARE(receipt->sale.tax, f.money("42.61"));
        QCOMPARE(f.balance(kCash), f.money("220.00"));
        QCOMPARE(f.balance(kIncome), f.money("-177.39"));
        QCOMPARE(f.balance("liabilities:tax:STD"), f.money("-40.00"));
        QCOMPARE(f.balance("liabilities:tax:FOOD"), f.money("-2.61"));
        QCOMPARE(receipt->entry.references.orderId, QStringLiteral("T1-000001"));
        QCOMPARE(receipt->entry.kind, EntryKind::Sale);
        QVERIFY(!receipt->after.has_value());
        // The committed sale reads back as it was printed.
        const Result<SaleRecord> stored = f.store->checkout().saleById("T1-000001");
        QVERIFY(stored.ok());
        QCOMPARE(stored->lines.size(), 2);
        QCOMPARE(stored->lines.at(1).priced.input.discount, f.money("3.00"));
        QCOMPARE(stored->total, f.money("220.00"));
        QCOMPARE(stored->change, f.money("80.00"));
        QCOMPARE(stored->tenders.size(), 1);
        QCOMPARE(stored->tenders.at(0).posted, f.money("220.00"));
        VERIFY_LEDGER(*f.store);
    }

    void everyTenderCombination_data()
    {
        QTest::addColumn<int>("mask"); // bit 0 credit, 1 account, 2 card, 3 cash
        const char *names[] = {"credit", "account", "card", "cash"};
        for (int mask = 1; mask < 16; ++mask) {
            QStringList parts;
            for (int bit = 0; bit < 4; ++bit) {
                if (mask & (1 << bit))
                    parts.append(QString::fromLatin1(names[bit]));
            }
            QTest::addRow("paid by %s", qPrintable(parts.join(QStringLiteral(" + ")))) << mask;
        }
    }

    void everyTenderCombination()
    {
        QFETCH(int, mask);
        Fixture f;
        f.product("A", "90.00");
        const Customer customer = f.customer("C1", "1000", terms(100000));
        // 3 x 90.00 = 270.00: every non-cash tender pays an equal share, cash pays the rest and 30.00 more.
        const QList<TenderKind> kinds{TenderKind::Credit, TenderKind::Account, TenderKind::Card, TenderKind::Cash};
        QList<TenderRequest> tenders;
        QMap<TenderKind, qint64> expected;
        const int count = qPopulationCount(uint(mask));
        qint64 left = 27000;
        for (int bit = 0, seen = 0; bit < 4; ++bit) {
            if (!(mask & (1 << bit)))
                continue;
            ++seen;
            const qint64 share = seen == count ? left : 27000 / count;
            left -= share;
            expected.insert(kinds.at(bit), share);
            const qint64 handed = kinds.at(bit) == TenderKind::Cash ? share + 3000 : share;
            tenders.append(TenderRequest{kinds.at(bit), Money(handed, f.money("0").currency())});
        }
        const qint64 before = f.entries();
        const Result<SaleReceipt> receipt = f.store->checkout().sale(f.request(&customer, {{"A", 3, std::nullopt}}, tenders));
        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
        QCOMPARE(f.entries(), before + 1);
        QCOMPARE(receipt->sale.change, (mask & 8) ? f.money("30.00") : f.money("0"));
        QCOMPARE(f.wallet(customer), Money(100000 - expected.value(TenderKind::Credit), f.money("0").currency()));
        QCOMPARE(f.balance(Accounts::receivableAccrued(customer.id, "S1")).minorUnits(), expected.value(TenderKind::Account));
        QCOMPARE(f.balance(kCard).minorUnits(), expected.value(TenderKind::Card));
        QCOMPARE(f.balance(kCash).minorUnits(), 100000 + expected.value(TenderKind::Cash)); // 1000 came from the top-up
        QCOMPARE(f.balance(kIncome), f.money("-216.00"));
        QVERIFY(receipt->after.has_value());
        QCOMPARE(receipt->after->wallet, f.wallet(customer));
        QCOMPARE(receipt->after->accrued.minorUnits(), expected.value(TenderKind::Account));
        const Result<SaleRecord> stored = f.store->checkout().saleById(receipt->sale.saleId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->tenders.size(), count);
        VERIFY_LEDGER(*f.store);
    }

    void partOfTheWalletMayBeUsed()
    {
        Fixture f;
        f.product("A", "150.00");
        const Customer customer = f.customer("C1", "200");
        SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}},
                                        {f.pay(TenderKind::Credit, "60"), f.pay(TenderKind::Cash, "100")});
        const Result<SaleQuote> quote = f.store->checkout().quote(request);
        QVERIFY(quote.ok());
        QVERIFY(quote->complete);
        QCOMPARE(quote->change, f.money("10.00"));
        QCOMPARE(quote->tenders.at(0).check.available, f.money("200.00"));
        const Result<SaleReceipt> receipt = f.store->checkout().sale(request);
        QVERIFY(receipt.ok());
        QCOMPARE(f.wallet(customer), f.money("140.00"));
        QCOMPARE(receipt->after->wallet, f.money("140.00"));
        QCOMPARE(receipt->sale.change, f.money("10.00"));
        VERIFY_LEDGER(*f.store);
    }

    void walletBoundaries_data()
    {
        QTest::addColumn<QString>("wallet");
        QTest::addColumn<int>("overdraft"); // -1: none (minor units otherwise)
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<QString>("tender");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("available");
        QTest::newRow("exactly the wallet is allowed") << "100.00" << -1 << false << "100.00" << true << "100.00";
        QTest::newRow("one øre over the wallet is refused") << "100.00" << -1 << false << "100.01" << false << "100.00";
        QTest::newRow("down to minus the overdraft is allowed") << "100.00" << 5000 << false << "150.00" << true << "150.00";
        QTest::newRow("one øre past the overdraft is refused") << "100.00" << 5000 << false << "150.01" << false << "150.00";
        QTest::newRow("an empty wallet with an overdraft") << "" << 2000 << false << "20.00" << true << "20.00";
        QTest::newRow("an empty wallet without one is refused") << "" << -1 << false << "0.01" << false << "0.00";
        QTest::newRow("a blocked customer cannot use the wallet") << "100.00" << -1 << true << "1.00" << false << "0.00";
    }

    void walletBoundaries()
    {
        QFETCH(QString, wallet);
        QFETCH(int, overdraft);
        QFETCH(bool, blocked);
        QFETCH(QString, tender);
        QFETCH(bool, allowed);
        QFETCH(QString, available);
        Fixture f;
        f.product("A", "1000.00");
        const Customer customer = f.customer("C1", wallet,
                                             terms(0, overdraft < 0 ? std::nullopt : std::optional<qint64>(overdraft), blocked));
        const Money walletBefore = f.wallet(customer);
        const Money rest = *f.money("1000.00").minus(f.money(tender));
        const SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}},
                                              {f.pay(TenderKind::Credit, tender), TenderRequest{TenderKind::Card, rest}});
        const Result<SaleQuote> quote = f.store->checkout().quote(request);
        QVERIFY(quote.ok());
        QCOMPARE(quote->complete, allowed);
        QCOMPARE(quote->tenders.at(0).check.available, f.money(available));
        const qint64 before = f.entries();
        const Result<SaleReceipt> receipt = f.store->checkout().sale(request);
        QCOMPARE(receipt.ok(), allowed);
        if (allowed) {
            QCOMPARE(f.wallet(customer), *walletBefore.minus(f.money(tender)));
        } else {
            QCOMPARE(f.entries(), before);
            QCOMPARE(f.wallet(customer), walletBefore);
            QVERIFY2(receipt.message().contains(available + " NOK") || blocked, qPrintable(receipt.message()));
            QCOMPARE(receipt.code(), ErrorCode::InsufficientFunds);
        }
        VERIFY_LEDGER(*f.store);
    }

    void accountBoundaries_data()
    {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QString>("usedBefore");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<QString>("tender");
        QTest::addColumn<int>("verdict");
        QTest::newRow("exactly to the limit is allowed") << qint64(50000) << "" << false << "500.00" << int(TenderVerdict::Allowed);
        QTest::newRow("one øre over the limit is refused") << qint64(50000) << "" << false << "500.01"
                                                           << int(TenderVerdict::OverAvailable);
        QTest::newRow("what is left after earlier sales, exactly") << qint64(50000) << "200.00" << false << "300.00"
                                                                   << int(TenderVerdict::Allowed);
        QTest::newRow("one øre more than is left") << qint64(50000) << "200.00" << false << "300.01"
                                                   << int(TenderVerdict::OverAvailable);
        QTest::newRow("no limit, no account sales") << qint64(0) << "" << false << "0.01" << int(TenderVerdict::NotOffered);
        QTest::newRow("a blocked customer cannot buy on account") << qint64(50000) << "" << true << "1.00"
                                                                  << int(TenderVerdict::Blocked);
    }

    void accountBoundaries()
    {
        QFETCH(qint64, limit);
        QFETCH(QString, usedBefore);
        QFETCH(bool, blocked);
        QFETCH(QString, tender);
        QFETCH(int, verdict);
        Fixture f;
        f.product("A", "1000.00");
        f.product("U", "200.00");
        Customer customer = f.customer("C1", QString(), terms(limit));
        if (!usedBefore.isEmpty())
            QVERIFY(f.store->checkout().sale(f.request(&customer, {{"U", 1, std::nullopt}}, {f.pay(TenderKind::Account, usedBefore)})).ok());
        customer = Fixture::must(f.store->customers().setTerms(customer.id, terms(limit, std::nullopt, blocked)));
        const Money rest = *f.money("1000.00").minus(f.money(tender));
        const SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}},
                                              {f.pay(TenderKind::Account, tender), TenderRequest{TenderKind::Card, rest}});
        const Result<SaleQuote> quote = f.store->checkout().quote(request);
        QVERIFY(quote.ok());
        QCOMPARE(int(quote->tenders.at(0).check.verdict), verdict);
        const qint64 before = f.entries();
        const Result<SaleReceipt> receipt = f.store->checkout().sale(request);
        QCOMPARE(receipt.ok(), verdict == int(TenderVerdict::Allowed));
        if (!receipt)
            QCOMPARE(f.entries(), before);
        else
            QCOMPARE(receipt->after->available, f.money("0"));
        VERIFY_LEDGER(*f.store);
    }

    void limitScopes()
    {
        Fixture f;
        f.product("A", "5000.00");
        const Customer customer = f.customer("C1", QString(), terms(500000));
        // 1000 used on account in store S2 (an entry that came from another store's till).
        EntryDraft elsewhere;
        elsewhere.kind = EntryKind::Sale;
        elsewhere.userName = "cas";
        elsewhere.references.customerId = customer.id;
        elsewhere.postings = {{Accounts::receivableAccrued(customer.id, "S2"), f.money("1000")},
                              {Accounts::salesIncome("S2"), f.money("-1000")}};
        QVERIFY(f.store->journal().append(elsewhere).ok());
        const SaleRequest full = f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Account, "5000")});

        // Shared: the limit is one across stores, so 4000 is left.
        QCOMPARE(f.overview(customer).available, f.money("4000.00"));
        const Result<SaleQuote> shared = f.store->checkout().quote(full);
        QVERIFY(shared.ok());
        QCOMPARE(shared->tenders.at(0).check.verdict, TenderVerdict::OverAvailable);
        QCOMPARE(shared->tenders.at(0).check.over, f.money("1000.00"));

        // Per store: store S1 has used nothing of its 5000.
        CheckoutSettings settings = f.store->checkoutSettings();
        settings.limitScope = LimitScope::PerStore;
        QVERIFY(f.store->setCheckoutSettings(settings).ok());
        const CreditOverview perStore = f.overview(customer);
        QCOMPARE(perStore.available, f.money("5000.00"));
        QCOMPARE(perStore.accrued, f.money("0"));
        QCOMPARE(perStore.scopeStore, QStringLiteral("S1"));
        QVERIFY(f.store->checkout().sale(full).ok());
        QCOMPARE(f.overview(customer).available, f.money("0"));
        VERIFY_LEDGER(*f.store);
    }

    void overrideAuthorisesOneTender_data()
    {
        QTest::addColumn<QString>("manager");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("maxOver");
        QTest::addColumn<int>("code"); // -1: granted
        QTest::newRow("a manager with the right PIN") << "mgr" << "2222" << "pays Friday" << "100.00" << -1;
        QTest::newRow("an admin with no maximum") << "boss" << "3333" << "known customer" << "100.00" << -1;
        QTest::newRow("a wrong PIN authorises nothing") << "mgr" << "2223" << "pays Friday" << "100.00"
                                                        << int(ErrorCode::AuthenticationFailed);
        QTest::newRow("a cashier cannot override") << "cas" << "1111" << "pays Friday" << "100.00"
                                                   << int(ErrorCode::AuthenticationFailed);
        QTest::newRow("an unknown user") << "ghost" << "2222" << "pays Friday" << "100.00" << int(ErrorCode::AuthenticationFailed);
        QTest::newRow("over the manager's maximum") << "mgr" << "2222" << "pays Friday" << "500.01"
                                                    << int(ErrorCode::AuthenticationFailed);
        QTest::newRow("the manager's maximum exactly") << "mgr" << "2222" << "pays Friday" << "500.00" << -1;
        QTest::newRow("a reason is required") << "mgr" << "2222" << "  " << "100.00" << int(ErrorCode::InvalidArgument);
    }

    void overrideAuthorisesOneTender()
    {
        QFETCH(QString, manager);
        QFETCH(QString, pin);
        QFETCH(QString, reason);
        QFETCH(QString, maxOver);
        QFETCH(int, code);
        Fixture f;
        f.product("A", "600.00");
        const Customer customer = f.customer("C1", QString(), terms(50000)); // limit 500, sale 600: 100 over
        CheckoutService &checkout = f.store->checkout();
        SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Account, "600")});
        const Result<SaleReceipt> refused = checkout.sale(request);
        QCOMPARE(refused.code(), ErrorCode::InsufficientFunds);
        QVERIFY2(refused.message().contains("500.00 NOK available") && refused.message().contains("100.00 NOK over"),
                 qPrintable(refused.message()));

        const Result<OverrideGrant> grant =
            checkout.authorizeOverride(manager, pin, reason, "cas", customer.id, TenderKind::Account, f.money(maxOver));
        if (code >= 0) {
            QVERIFY(!grant.ok());
            QCOMPARE(int(grant.code()), code);
            QVERIFY(checkout.overrides({}, {})->isEmpty());
            QCOMPARE(f.entries(), 0);
            return;
        }
        QVERIFY2(grant.ok(), qPrintable(grant.ok() ? QString() : grant.message()));
        request.overrides = {*grant};
        const Result<SaleQuote> quote = checkout.quote(request);
        QVERIFY(quote->complete);
        QVERIFY(quote->tenders.at(0).overridden);
        const Result<SaleReceipt> receipt = checkout.sale(request);
        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
        QCOMPARE(receipt->overrides.size(), 1);
        const OverrideRecord &record = receipt->overrides.first();
        QCOMPARE(record.managerName, manager);
        QCOMPARE(record.cashierName, QStringLiteral("cas"));
        QCOMPARE(record.customerId, customer.id);
        QCOMPARE(record.amountOver, f.money("100.00"));
        QCOMPARE(record.reason, reason.trimmed());
        QCOMPARE(receipt->entry.references.overrideId, record.id);
        QCOMPARE(receipt->after->state, CreditState::OverLimit);
        const Result<QList<OverrideRecord>> log = checkout.overrides({}, {});
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->first().saleId, receipt->sale.saleId);
        QCOMPARE(log->first().entryId, receipt->sale.entryId);
        QCOMPARE(log->first().amountOver, f.money("100.00"));
        // A grant authorises one sale only.
        QCOMPARE(checkout.sale(request).code(), ErrorCode::InsufficientFunds);
        VERIFY_LEDGER(*f.store);
    }

    void overrideDoesNotCoverMoreOrOthers()
    {
        Fixture f;
        f.product("A", "600.00");
        const Customer customer = f.customer("C1", "50", terms(50000));
        const Customer other = f.customer("C2", QString(), terms(50000));
        CheckoutService &checkout = f.store->checkout();
        const OverrideGrant grant = Fixture::must(
            checkout.authorizeOverride("mgr", "2222", "small top", "cas", customer.id, TenderKind::Account, f.money("50")));
        // 100 over, authorised 50.
        SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Account, "600")});
        request.overrides = {grant};
        Result<SaleQuote> quote = checkout.quote(request);
        QVERIFY(!quote->complete);
        QVERIFY2(quote->problem.contains("50.00 NOK over") || quote->problem.contains("100.00 NOK"), qPrintable(quote->problem));
        // The grant covers the account tender, not the wallet.
        request.tenders = {f.pay(TenderKind::Credit, "100"), f.pay(TenderKind::Cash, "500")};
        quote = checkout.quote(request);
        QVERIFY(!quote->complete);
        // Nor another customer's sale.
        SaleRequest forOther = f.request(&other, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Account, "550")});
        forOther.overrides = {grant};
        QVERIFY(!checkout.quote(forOther)->complete);
        // A forged grant (not issued by the service) authorises nothing.
        OverrideGrant forged = grant;
        forged.token = QStringLiteral("not-a-token");
        forged.maxOver = f.money("1000");
        request.tenders = {f.pay(TenderKind::Account, "600")};
        request.overrides = {forged};
        QVERIFY(!checkout.quote(request)->complete);
        // Within the grant: 50 over with 50 authorised.
        request.tenders = {f.pay(TenderKind::Account, "550"), f.pay(TenderKind::Card, "50")};
        request.overrides = {grant};
        QVERIFY(checkout.sale(request).ok());
        QCOMPARE(checkout.overrides({}, {})->first().amountOver, f.money("50.00"));
        VERIFY_LEDGER(*f.store);
    }

    void overrideOverTheOverdraft()
    {
        Fixture f;
        f.product("A", "300.00");
        const Customer customer = f.customer("C1", "100", terms(0, 10000)); // wallet 100, overdraft 100
        CheckoutService &checkout = f.store->checkout();
        SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Credit, "300")});
        QCOMPARE(checkout.sale(request).code(), ErrorCode::InsufficientFunds);
        request.overrides = {Fixture::must(
            checkout.authorizeOverride("mgr", "2222", "overdraft for a regular", "cas", customer.id, TenderKind::Credit, f.money("100")))};
        QVERIFY(checkout.sale(request).ok());
        QCOMPARE(f.wallet(customer), f.money("-200.00"));
        QCOMPARE(checkout.overrides({}, {})->first().tender, TenderKind::Credit);
        VERIFY_LEDGER(*f.store);
    }

    void lockedManagerAuthorisesNothing()
    {
        Fixture f;
        const Customer customer = f.customer("C1", QString(), terms(100));
        CheckoutService &checkout = f.store->checkout();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(checkout.authorizeOverride("mgr", "0000", "x", "cas", customer.id, TenderKind::Account, f.money("1")).code(),
                     ErrorCode::AuthenticationFailed);
        const Result<OverrideGrant> locked =
            checkout.authorizeOverride("mgr", "2222", "x", "cas", customer.id, TenderKind::Account, f.money("1"));
        QCOMPARE(locked.code(), ErrorCode::AccountLocked);
        // Every attempt is audited with its purpose.
        const QList<AuthAttempt> attempts = *f.store->users().attempts("mgr");
        QCOMPARE(attempts.size(), 6);
        QCOMPARE(attempts.first().purpose, QStringLiteral("override"));
    }

    void grantsExpire()
    {
        Fixture f;
        f.product("A", "200.00");
        const Customer customer = f.customer("C1", QString(), terms(10000));
        QDateTime now = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
        Store &store = *f.store;
        CheckoutService checkout(store.database(), store.journal(), store.customers(), store.credit(), store.receivables(),
                                 store.users(), store.catalog(), store.checkoutSettings(), [&now] { return now; });
        SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Account, "200")});
        request.overrides = {Fixture::must(
            checkout.authorizeOverride("mgr", "2222", "ok", "cas", customer.id, TenderKind::Account, f.money("100")))};
        now = now.addSecs(kOverrideGrantLifetimeSeconds);
        QVERIFY(checkout.quote(request)->complete);
        now = now.addSecs(1);
        const Result<SaleQuote> late = checkout.quote(request);
        QVERIFY(!late->complete);
        QVERIFY2(late->problem.contains("no longer valid"), qPrintable(late->problem));
    }

    void offlineCapWhenTheTillHasNotSynced()
    {
        Fixture f;
        f.product("A", "100.00");
        const Customer customer = f.customer("C1", "1000", terms(100000));
        CheckoutSettings settings = f.store->checkoutSettings();
        settings.offlineAfterMinutes = 60;
        settings.offlineCapMinorUnits = 15000; // 150.00 per customer while stale
        QVERIFY(f.store->setCheckoutSettings(settings).ok());
        CheckoutService &checkout = f.store->checkout();
        const SaleRequest credit100 = f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Credit, "100")});

        // Not enrolled with a server: a till on its own is the truth; no cap.
        QVERIFY(!checkout.quote(credit100)->staleMinutes.has_value());
        QVERIFY(checkout.quote(credit100)->complete);

        // Enrolled, last synced two hours ago, everything up to now confirmed by the server.
        auto setSync = [&](qint64 minutesAgo) {
            const qint64 sequence = f.entries();
            QVERIFY(f.store->database()
                        .run("UPDATE sync_state SET enrolled_terminal_id = 'T1', terminal_secret = randomblob(32), "
                             "last_sync_utc = ?, pushed_sequence = ?",
                             {timestampText(nowUtc().addSecs(-60 * minutesAgo)), sequence}, "fake a sync")
                        .ok());
        };
        setSync(120);
        QVERIFY(checkout.quote(credit100)->staleMinutes.value_or(0) >= 120);
        QVERIFY(checkout.sale(credit100).ok()); // 100 of 150
        // 50.00 left: credit 30 + account 20 is exactly at the cap; one øre more is over.
        SaleRequest split = f.request(&customer, {{"A", 1, std::nullopt}},
                                      {f.pay(TenderKind::Credit, "30"), f.pay(TenderKind::Account, "20"), f.pay(TenderKind::Cash, "50")});
        QVERIFY(checkout.quote(split)->complete);
        split.tenders = {f.pay(TenderKind::Credit, "30"), f.pay(TenderKind::Account, "20.01"), f.pay(TenderKind::Cash, "49.99")};
        const SaleQuote over = Fixture::must(checkout.quote(split));
        QVERIFY(!over.complete);
        // The account tender is checked first and fits; the credit tender takes the cap one øre over.
        QCOMPARE(over.tenders.at(0).kind, TenderKind::Account);
        QCOMPARE(over.tenders.at(0).check.verdict, TenderVerdict::Allowed);
        QCOMPARE(over.tenders.at(1).kind, TenderKind::Credit);
        QCOMPARE(over.tenders.at(1).check.over, f.money("0.01"));
        QCOMPARE(over.tenders.at(1).check.available, f.money("29.99"));
        QVERIFY2(over.problem.contains("not synced"), qPrintable(over.problem));
        // A manager can authorise it, like any over-limit tender.
        split.overrides = {Fixture::must(checkout.authorizeOverride("mgr", "2222", "offline, known customer", "cas", customer.id,
                                                                    TenderKind::Credit, f.money("0.01")))};
        QVERIFY(checkout.sale(split).ok());
        QCOMPARE(checkout.overrides({}, {})->first().amountOver, f.money("0.01"));
        // Other customers have their own cap; cash and card are never capped.
        const Customer other = f.customer("C2", "500");
        QVERIFY(checkout.quote(f.request(&other, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Credit, "100")}))->complete);
        QVERIFY(checkout.quote(f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Card, "100")}))->complete);
        // After a sync the server has confirmed it all: no cap.
        setSync(1);
        QVERIFY(!checkout.quote(credit100)->staleMinutes.has_value());
        QVERIFY(checkout.quote(credit100)->complete);
        VERIFY_LEDGER(*f.store);
    }

    void tendersMustCoverTheTotal_data()
    {
        QTest::addColumn<QList<TenderRequest>>("tenders");
        QTest::addColumn<QString>("problem");
        const Currency nok = *Currency::fromCode(QStringLiteral("NOK"));
        auto pay = [&](TenderKind kind, qint64 minor) { return TenderRequest{kind, Money(minor, nok)}; };
        QTest::newRow("nothing paid") << QList<TenderRequest>{} << "100.00 NOK is still to pay";
        QTest::newRow("cash short by one øre") << QList<TenderRequest>{pay(TenderKind::Cash, 9999)} << "0.01 NOK is still to pay";
        QTest::newRow("card over the total") << QList<TenderRequest>{pay(TenderKind::Card, 10001)} << "only cash can be more";
        QTest::newRow("card covers it, cash too") << QList<TenderRequest>{pay(TenderKind::Card, 10000), pay(TenderKind::Cash, 100)}
                                                  << "remove the cash tender";
        QTest::newRow("store credit without a customer") << QList<TenderRequest>{pay(TenderKind::Credit, 10000)}
                                                         << "Attach a customer";
    }

    void tendersMustCoverTheTotal()
    {
        QFETCH(QList<TenderRequest>, tenders);
        QFETCH(QString, problem);
        Fixture f;
        f.product("A", "100.00");
        const SaleRequest request = f.request(nullptr, {{"A", 1, std::nullopt}}, tenders);
        const Result<SaleQuote> quote = f.store->checkout().quote(request);
        QVERIFY(quote.ok());
        QVERIFY(!quote->complete);
        QVERIFY2(quote->problem.contains(problem), qPrintable(quote->problem));
        const Result<SaleReceipt> receipt = f.store->checkout().sale(request);
        QVERIFY(!receipt.ok());
        QVERIFY2(receipt.message().contains(problem), qPrintable(receipt.message()));
        QCOMPARE(f.entries(), 0);
        QCOMPARE(f.rows("sales"), 0);
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<QString>("cashier");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<QString>("message");
        QTest::newRow("an unknown product") << "cas" << "NOPE" << qint64(1) << "Line 1";
        QTest::newRow("a zero quantity") << "cas" << "A" << qint64(0) << "quantity";
        QTest::newRow("an unknown cashier") << "nobody" << "A" << qint64(1) << "nobody";
    }

    void badRequestsAreRefused()
    {
        QFETCH(QString, cashier);
        QFETCH(QString, code);
        QFETCH(qint64, quantity);
        QFETCH(QString, message);
        Fixture f;
        f.product("A", "10.00");
        SaleRequest request = f.request(nullptr, {{code, quantity, std::nullopt}}, {f.pay(TenderKind::Cash, "100")});
        request.cashierName = cashier;
        const Result<SaleReceipt> receipt = f.store->checkout().sale(request);
        QVERIFY(!receipt.ok());
        QVERIFY2(receipt.message().contains(message), qPrintable(receipt.message()));
        QCOMPARE(f.entries(), 0);
    }

    void cashRounding_data()
    {
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("increment");
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("cash");
        QTest::addColumn<QString>("due");
        QTest::addColumn<QString>("rounding");
        QTest::addColumn<QString>("change");
        QTest::newRow("CHF 10.02 rounds down to 10.00") << "CHF" << qint64(5) << "10.02" << "" << "20.00" << "10.00" << "-0.02" << "10.00";
        QTest::newRow("CHF 10.03 rounds up to 10.05") << "CHF" << qint64(5) << "10.03" << "" << "10.05" << "10.05" << "0.02" << "0.00";
        QTest::newRow("CHF 10.07 rounds down to 10.05") << "CHF" << qint64(5) << "10.07" << "" << "10.05" << "10.05" << "-0.02" << "0.00";
        QTest::newRow("NOK 99.50 rounds half up to 100") << "NOK" << qint64(100) << "99.50" << "" << "100.00" << "100.00" << "0.50" << "0.00";
        QTest::newRow("NOK 99.49 rounds to 99") << "NOK" << qint64(100) << "99.49" << "" << "100.00" << "99.00" << "-0.49" << "1.00";
        QTest::newRow("only the cash part is rounded") << "NOK" << qint64(100) << "99.49" << "50.00" << "50.00" << "49.00" << "-0.49" << "1.00";
        QTest::newRow("no rounding by default") << "NOK" << qint64(1) << "99.49" << "" << "100.00" << "99.49" << "0.00" << "0.51";
        QTest::newRow("JPY has no minor unit") << "JPY" << qint64(1) << "1234" << "" << "2000" << "1234" << "0" << "766";
        QTest::newRow("KWD to 5 fils") << "KWD" << qint64(5) << "1.233" << "" << "2.000" << "1.235" << "0.002" << "0.765";
    }

    void cashRounding()
    {
        QFETCH(QString, currency);
        QFETCH(qint64, increment);
        QFETCH(QString, price);
        QFETCH(QString, card);
        QFETCH(QString, cash);
        QFETCH(QString, due);
        QFETCH(QString, rounding);
        QFETCH(QString, change);
        Fixture f(currency, PriceMode::TaxInclusive, increment);
        f.product("A", price);
        QList<TenderRequest> tenders;
        if (!card.isEmpty())
            tenders.append(f.pay(TenderKind::Card, card));
        tenders.append(f.pay(TenderKind::Cash, cash));
        const Result<SaleReceipt> receipt = f.store->checkout().sale(f.request(nullptr, {{"A", 1, std::nullopt}}, tenders));
        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
        QCOMPARE(receipt->sale.change, f.money(change));
        QCOMPARE(receipt->sale.cashRounding, f.money(rounding));
        QCOMPARE(f.balance(kCash), f.money(due));
        QCOMPARE(f.balance(kRounding), *f.money(rounding).negated());
        QCOMPARE(f.store->checkout().saleById(receipt->sale.saleId)->cashRounding, f.money(rounding));
        VERIFY_LEDGER(*f.store);
    }

    void taxExclusivePricesAddTax()
    {
        Fixture f(QStringLiteral("NOK"), PriceMode::TaxExclusive);
        f.product("A", "80.00");
        f.product("B", "10.00", "FOOD");
        const Result<SaleReceipt> receipt = f.store->checkout().sale(
            f.request(nullptr, {{"A", 1, std::nullopt}, {"B", 3, std::nullopt}}, {f.pay(TenderKind::Card, "134.50")}));
        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
        QCOMPARE(f.balance(kIncome), f.money("-110.00"));
        QCOMPARE(f.balance("liabilities:tax:STD"), f.money("-20.00"));
        QCOMPARE(f.balance("liabilities:tax:FOOD"), f.money("-4.50"));
        VERIFY_LEDGER(*f.store);
    }

    void manyLinesBalanceToTheCent()
    {
        Fixture f;
        f.product("A", "0.99");
        f.product("B", "13.37", "FOOD");
        f.product("C", "7.01", "ZERO");
        QList<SaleLineRequest> lines;
        for (int i = 0; i < 300; ++i)
            lines.append({QString(QChar(u'A' + i % 3)), 1 + i % 7, i % 5 == 0 ? std::optional<Money>(f.money("0.01")) : std::nullopt});
        const SaleQuote quote = Fixture::must(f.store->checkout().quote(f.request(nullptr, lines, {})));
        const Result<SaleReceipt> receipt =
            f.store->checkout().sale(f.request(nullptr, lines, {TenderRequest{TenderKind::Card, quote.totals.gross}}));
        QVERIFY(receipt.ok());
        QCOMPARE(receipt->sale.lines.size(), 300);
        QCOMPARE(f.balance(kCard), quote.totals.gross);
        QCOMPARE(*f.balance(kIncome).negated(), quote.totals.net);
        VERIFY_LEDGER(*f.store);
    }

    void aFailedSaleLeavesNothing()
    {
        Fixture f;
        f.product("A", "600.00");
        const Customer customer = f.customer("C1", "1000", terms(100000));
        SaleRequest request = f.request(&customer, {{"A", 1, std::nullopt}},
                                        {f.pay(TenderKind::Credit, "400"), f.pay(TenderKind::Account, "200")});
        // Make the last write of the sale fail, after the entry and the sale row were written.
        QVERIFY(f.failSaleLines());
        const qint64 before = f.entries();
        const Result<SaleReceipt> receipt = f.store->checkout().sale(request);
        QVERIFY(!receipt.ok());
        QVERIFY2(receipt.message().contains("disk trouble"), qPrintable(receipt.message()));
        QCOMPARE(f.entries(), before);
        QCOMPARE(f.wallet(customer), f.money("1000"));
        QCOMPARE(f.overview(customer).accrued, f.money("0"));
        QCOMPARE(f.store->checkout().saleById("T1-000001").code(), ErrorCode::NotFound);
        QVERIFY(f.store->database().run("DROP TRIGGER temp.fail_lines", {}, "drop").ok());
        // The same sale goes through afterwards, as number 1.
        const Result<SaleReceipt> again = f.store->checkout().sale(request);
        QVERIFY(again.ok());
        QCOMPARE(again->sale.saleId, QStringLiteral("T1-000001"));
        VERIFY_LEDGER(*f.store);
    }

    // A sale's request id makes a retry safe: the same request gives the first sale back and
    // posts nothing; another request under that id is refused and posts nothing; an id whose
    // sale failed stays free; the record of it cannot be changed or removed.
    void aRequestIdMakesARetryGiveTheFirstSaleBack()
    {
        Fixture f;
        f.product("A", "60.00");
        const Customer customer = f.customer("C1", "100", terms(50000));
        SaleRequest request = f.request(&customer, {{"A", 2, std::nullopt}},
                                        {f.pay(TenderKind::Credit, "100"), f.pay(TenderKind::Account, "20")});
        request.requestId = QStringLiteral("018f2b6c-7a10-7000-8000-0000000000a1");
        QVERIFY(f.failSaleLines());
        QVERIFY(!f.store->checkout().sale(request).ok());
        QCOMPARE(f.rows("sale_requests"), 0); // the failed sale's id is not taken
        QCOMPARE(Fixture::must(f.store->checkout().saleOfRequest(request.requestId)), std::optional<QString>());
        QVERIFY(f.store->database().run("DROP TRIGGER temp.fail_lines", {}, "drop").ok());

        const SaleReceipt first = Fixture::must(f.store->checkout().sale(request));
        QVERIFY(!first.replayed);
        const qint64 entries = f.entries();
        const SaleReceipt again = Fixture::must(f.store->checkout().sale(request));
        QVERIFY(again.replayed);
        QCOMPARE(again.sale.saleId, first.sale.saleId);
        QCOMPARE(again.sale.total, f.money("120.00"));
        QCOMPARE(again.entry.id, first.entry.id);
        QCOMPARE(again.entry.hash, first.entry.hash);
        QCOMPARE(again.after->wallet, f.money("0.00"));
        QCOMPARE(f.entries(), entries);
        QCOMPARE(f.wallet(customer), f.money("0.00"));
        QCOMPARE(f.overview(customer).accrued, f.money("20.00"));
        QCOMPARE(Fixture::must(f.store->checkout().saleOfRequest(request.requestId)), std::optional<QString>(first.sale.saleId));

        // The same id for anything else: refused, naming the sale it was used for.
        const auto refusedFor = [&](SaleRequest changed) {
            changed.requestId = request.requestId;
            const Result<SaleReceipt> refused = f.store->checkout().sale(changed);
            return !refused.ok() && refused.code() == ErrorCode::AlreadyExists && refused.message().contains(first.sale.saleId);
        };
        QVERIFY(refusedFor(f.request(&customer, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Account, "60")})));
        QVERIFY(refusedFor(f.request(&customer, {{"A", 2, std::nullopt}}, {f.pay(TenderKind::Credit, "20"), f.pay(TenderKind::Account, "100")})));
        QVERIFY(refusedFor(f.request(nullptr, {{"A", 2, std::nullopt}}, {f.pay(TenderKind::Cash, "120")})));
        SaleRequest otherCashier = request;
        otherCashier.cashierName = QStringLiteral("mgr");
        QVERIFY(refusedFor(otherCashier));
        QCOMPARE(f.entries(), entries);

        // A malformed id is refused before anything is read or written.
        SaleRequest malformed = f.request(nullptr, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Cash, "60")});
        for (const QString &id : {QStringLiteral("two words"), QString(65, u'x'), QStringLiteral("a'b"), QStringLiteral("ø")}) {
            malformed.requestId = id;
            QCOMPARE(f.store->checkout().sale(malformed).code(), ErrorCode::InvalidArgument);
        }
        malformed.requestId = QString(64, u'x');
        QVERIFY(f.store->checkout().sale(malformed).ok());

        QVERIFY(!f.store->database().run("UPDATE sale_requests SET sale_id = 'T1-000002'", {}, "rewrite").ok());
        QVERIFY(!f.store->database().run("DELETE FROM sale_requests", {}, "forget").ok());
        QCOMPARE(f.rows("sale_requests"), 2);
        VERIFY_LEDGER(*f.store);
    }

    void repricingAndRetiringProducts()
    {
        Fixture f;
        f.product("A", "10.00");
        const SaleReceipt first = Fixture::must(
            f.store->checkout().sale(f.request(nullptr, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Card, "10")})));
        ProductChanges reprice;
        reprice.price = f.money("12.00");
        QVERIFY(f.store->catalog().updateProduct("A", reprice).ok());
        // New sales take the new price; the earlier sale keeps what it was sold for, also for refunds.
        QCOMPARE(Fixture::must(f.store->checkout().quote(f.request(nullptr, {{"A", 1, std::nullopt}}, {}))).totals.gross,
                 f.money("12.00"));
        QCOMPARE(f.store->checkout().saleById(first.sale.saleId)->total, f.money("10.00"));
        ProductChanges retire;
        retire.active = false;
        QVERIFY(f.store->catalog().updateProduct("A", retire).ok());
        const Result<SaleQuote> retired = f.store->checkout().quote(f.request(nullptr, {{"A", 1, std::nullopt}}, {}));
        QVERIFY(!retired.ok());
        QVERIFY2(retired.message().contains("no longer sold"), qPrintable(retired.message()));
        const RefundReceipt refund = Fixture::must(
            f.store->checkout().refund(RefundRequest{first.sale.saleId, "cas", {{"A", 1}}, RefundTo::Original, {}, {}}));
        QCOMPARE(refund.total, f.money("10.00"));
        VERIFY_LEDGER(*f.store);
    }

    void saleSurvivesReopen()
    {
        Fixture f;
        f.product("A", "10.00");
        const Customer customer = f.customer("C1", "100");
        const SaleReceipt receipt = Fixture::must(
            f.store->checkout().sale(f.request(&customer, {{"A", 2, std::nullopt}}, {f.pay(TenderKind::Credit, "20")})));
        QVERIFY(f.store.reopen());
        const Result<SaleRecord> stored = f.store->checkout().saleById(receipt.sale.saleId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->entryId, receipt.sale.entryId);
        QCOMPARE(stored->customerId, customer.id);
        QCOMPARE(f.wallet(customer), f.money("80.00"));
        QCOMPARE(f.store->checkout().salesOfCustomer(customer.id)->size(), 1);
    }

    void refunds_data()
    {
        QTest::addColumn<RefundTo>("to");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<QString>("walletAfter");
        QTest::addColumn<QString>("cashAfter");
        QTest::addColumn<QString>("accruedAfter");
        // The sale: 3 x 33.33 = 99.99, paid 40 credit + 30 account + 29.99 cash.
        QTest::newRow("one of three to store credit") << RefundTo::Credit << qint64(1) << "93.33" << "29.99" << "30.00";
        QTest::newRow("one of three in cash") << RefundTo::Cash << qint64(1) << "60.00" << "-3.34" << "30.00";
        QTest::newRow("one of three to the original tenders, account first") << RefundTo::Original << qint64(1) << "63.33"
                                                                             << "29.99" << "0.00";
        QTest::newRow("all three to the original tenders") << RefundTo::Original << qint64(3) << "100.00" << "0.00" << "0.00";
    }

    void refunds()
    {
        QFETCH(RefundTo, to);
        QFETCH(qint64, quantity);
        QFETCH(QString, walletAfter);
        QFETCH(QString, cashAfter);
        QFETCH(QString, accruedAfter);
        Fixture f;
        f.product("A", "33.33");
        const Customer customer = f.customer("C1", QString(), terms(100000));
        QVERIFY(f.store->credit().topUp(customer, f.money("100"), PaymentJournal::Card, {}, "cas").ok());
        const SaleReceipt sale = Fixture::must(f.store->checkout().sale(f.request(
            &customer, {{"A", 3, std::nullopt}},
            {f.pay(TenderKind::Credit, "40"), f.pay(TenderKind::Account, "30"), f.pay(TenderKind::Cash, "29.99")})));
        const Result<RefundReceipt> refund =
            f.store->checkout().refund(RefundRequest{sale.sale.saleId, "cas", {{"A", quantity}}, to, {}, "did not fit"});
        QVERIFY2(refund.ok(), qPrintable(refund.ok() ? QString() : refund.message()));
        QCOMPARE(refund->refundId, QStringLiteral("T1-R000001"));
        QCOMPARE(refund->entry.kind, EntryKind::Refund);
        QCOMPARE(refund->entry.references.relatedEntryId, sale.sale.entryId);
        QCOMPARE(f.wallet(customer), f.money(walletAfter));
        QCOMPARE(f.balance(kCash), f.money(cashAfter));
        QCOMPARE(f.overview(customer).accrued, f.money(accruedAfter));
        QCOMPARE(f.store->checkout().saleById(sale.sale.saleId)->lines.first().refundedQuantity, quantity);
        VERIFY_LEDGER(*f.store);
    }

    void refundsNeverExceedWhatWasSold()
    {
        Fixture f;
        f.product("A", "10.00");
        f.product("B", "5.00");
        const SaleReceipt sale = Fixture::must(f.store->checkout().sale(
            f.request(nullptr, {{"A", 3, std::nullopt}, {"B", 1, std::nullopt}}, {f.pay(TenderKind::Cash, "35")})));
        CheckoutService &checkout = f.store->checkout();
        QVERIFY(checkout.refund(RefundRequest{sale.sale.saleId, "cas", {{"A", 2}}, RefundTo::Cash, {}, {}}).ok());
        const Result<RefundReceipt> tooMany = checkout.refund(RefundRequest{sale.sale.saleId, "cas", {{"A", 2}}, RefundTo::Cash, {}, {}});
        QVERIFY(!tooMany.ok());
        QVERIFY2(tooMany.message().contains("at most 1"), qPrintable(tooMany.message()));
        QVERIFY(!checkout.refund(RefundRequest{sale.sale.saleId, "cas", {{"C", 1}}, RefundTo::Cash, {}, {}}).ok());
        QCOMPARE(checkout.refund(RefundRequest{"T1-999999", "cas", {{"A", 1}}, RefundTo::Cash, {}, {}}).code(), ErrorCode::NotFound);
        // A walk-in sale cannot go back to store credit without a customer.
        QVERIFY(!checkout.refund(RefundRequest{sale.sale.saleId, "cas", {{"B", 1}}, RefundTo::Credit, {}, {}}).ok());
        const Customer customer = f.customer("C1");
        QVERIFY(checkout.refund(RefundRequest{sale.sale.saleId, "cas", {{"B", 1}}, RefundTo::Credit, customer.id, {}}).ok());
        QCOMPARE(f.wallet(customer), f.money("5.00"));
        QVERIFY(checkout.refund(RefundRequest{sale.sale.saleId, "cas", {{"A", 1}}, RefundTo::Original, {}, {}}).ok());
        QVERIFY(!checkout.refund(RefundRequest{sale.sale.saleId, "cas", {{"A", 1}}, RefundTo::Original, {}, {}}).ok());
        // Everything came back: income and tax of the sale are undone exactly.
        QCOMPARE(f.balance(kIncome), f.money("0"));
        QCOMPARE(f.balance("liabilities:tax:STD"), f.money("0"));
        QCOMPARE(f.balance(kCash), f.money("5.00")); // B went back to store credit
        VERIFY_LEDGER(*f.store);
    }

    void unitByUnitRefundsAddUpToTheLine()
    {
        Fixture f;
        f.product("A", "3.33");
        const SaleReceipt sale = Fixture::must(
            f.store->checkout().sale(f.request(nullptr, {{"A", 7, f.money("0.05")}}, {f.pay(TenderKind::Card, "23.26")})));
        for (int i = 0; i < 7; ++i)
            QVERIFY(f.store->checkout().refund(RefundRequest{sale.sale.saleId, "cas", {{"A", 1}}, RefundTo::Original, {}, {}}).ok());
        QCOMPARE(f.balance(kCard), f.money("0"));
        QCOMPARE(f.balance(kIncome), f.money("0"));
        QCOMPARE(f.balance("liabilities:tax:STD"), f.money("0"));
        VERIFY_LEDGER(*f.store);
    }

    void cashRefundIsRounded()
    {
        Fixture f(QStringLiteral("CHF"), PriceMode::TaxInclusive, 5);
        f.product("A", "10.02");
        const SaleReceipt sale = Fixture::must(
            f.store->checkout().sale(f.request(nullptr, {{"A", 1, std::nullopt}}, {f.pay(TenderKind::Card, "10.02")})));
        const RefundReceipt refund = Fixture::must(
            f.store->checkout().refund(RefundRequest{sale.sale.saleId, "cas", {{"A", 1}}, RefundTo::Cash, {}, {}}));
        QCOMPARE(refund.paidBack.first().posted, f.money("10.00"));
        QCOMPARE(refund.cashRounding, f.money("-0.02"));
        QCOMPARE(f.balance(kCash), f.money("-10.00"));
        VERIFY_LEDGER(*f.store);
    }
};

QTEST_GUILESS_MAIN(tst_Checkout)
#include "tst_checkout.moc"
