// The bounds that keep a till from letting money slip: top-ups per role and per day with a
// manager's PIN beyond them, the shop's maximum wallet for everyone, cashier discounts, the
// four-eyes rule, and voiding the last transaction with one reversal entry. Every test that
// posts ends with verify and an hledger check.

#include "ledgercheck.h"
#include "teststore.h"
#include "base/uuidv7.h"

#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

Q_DECLARE_METATYPE(Slate::Core::Role)
Q_DECLARE_METATYPE(Slate::Core::TopUpVerdict)

namespace {

constexpr int kFastPinIterations = 1000;

template <typename T>
T must(Result<T> result)
{
    if (!result)
        qFatal("fixture: %s", qPrintable(result.message()));
    return std::move(result).value();
}
void must(Result<void> result)
{
    if (!result)
        qFatal("fixture: %s", qPrintable(result.message()));
}

struct Fixture {
    Fixture()
    {
        store->users().setPolicy(AuthPolicy{5, 300, kFastPinIterations});
        must(store->catalog().setTaxCode("STD", 2500, "Standard"));
        must(store->catalog().addProduct(NewProduct{"MUG", QString(), "Mug", money("100.00"), "STD"}));
        must(store->users().add("cas", Role::Cashier, "1111"));
        must(store->users().add("mgr", Role::Manager, "2222", money("3000").minorUnits()));
        must(store->users().add("boss", Role::Admin, "3333"));
        customer = must(store->customers().add(NewCustomer{"C1", "Kari", {}, {}}));
    }
    Money money(const QString &text) const { return store.money(text); }
    Money wallet() { return must(store->credit().wallet(customer.id)); }
    Result<TopUpReceipt> topUp(const QString &amount, const QString &user, std::optional<ManagerPin> approval = {})
    {
        return store->topUps().topUp(TopUpRequest{customer, money(amount), PaymentJournal::Cash, QString(), user, approval});
    }
    SaleRequest sale(const QString &cashier, const QString &discount, QList<TenderRequest> tenders) const
    {
        SaleLineRequest line{"MUG", 1, std::nullopt};
        if (!discount.isEmpty())
            line.discount = money(discount);
        return SaleRequest{cashier, customer.id, {line}, std::move(tenders), {}};
    }

    TestStore store;
    Customer customer;
};

} // namespace

class tst_MoneyBounds : public QObject {
    Q_OBJECT
private slots:
    void freshStoreHasSafeDefaultsInItsCurrency_data();
    void freshStoreHasSafeDefaultsInItsCurrency();
    void boundsAreSavedAndValidated();
    void judgeTopUp_data();
    void judgeTopUp();
    void cashierTopUpOverTheBoundNeedsAManagersPin();
    void cashierDayBoundCountsTodaysTopUpsButNotVoidedOnes();
    void managerMayNotAuthoriseTheirOwnTopUpUnlessAllowed();
    void walletMaximumHoldsForEveryone();
    void discountBeyondTheCashiersMaximumNeedsAManager();
    void discountPercentAndBasisPoints_data();
    void discountPercentAndBasisPoints();
    void voidingASaleRestoresEveryBalanceExactly();
    void voidingATopUpRestoresTheWallet();
    void onlyTheLastTransactionCanBeVoided();
    void voidNeedsAnotherManagerThanTheOneWhoRangItUp();
};

void tst_MoneyBounds::freshStoreHasSafeDefaultsInItsCurrency_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("cashierMax");
    QTest::addColumn<qint64>("walletMax");
    QTest::newRow("NOK has two decimals: 5,000.00 and 50,000.00") << "NOK" << qint64(500000) << qint64(5000000);
    QTest::newRow("JPY has none: 5,000 and 50,000") << "JPY" << qint64(5000) << qint64(50000);
    QTest::newRow("KWD has three: 5,000.000 and 50,000.000") << "KWD" << qint64(5000000) << qint64(50000000);
}

void tst_MoneyBounds::freshStoreHasSafeDefaultsInItsCurrency()
{
    QFETCH(QString, currency);
    QFETCH(qint64, cashierMax);
    QFETCH(qint64, walletMax);
    TestStore store(currency);
    QCOMPARE(store->checkoutSettings().topUpMaxCashierMinorUnits, cashierMax);
    QCOMPARE(store->checkoutSettings().topUpMaxCashierDayMinorUnits, cashierMax * 4);
    QCOMPARE(store->checkoutSettings().walletMaxMinorUnits, walletMax);
    QCOMPARE(store->checkoutSettings().discountMaxCashierBasisPoints, 2000);
    QVERIFY(!store->checkoutSettings().selfAuthorise);
    QVERIFY(store.reopen()); // the defaults also when read back from a database that never saved them
    QCOMPARE(store->checkoutSettings().walletMaxMinorUnits, walletMax);
}

void tst_MoneyBounds::boundsAreSavedAndValidated()
{
    TestStore store;
    CheckoutSettings settings = store->checkoutSettings();
    settings.topUpMaxCashierMinorUnits = 100;
    settings.topUpMaxCashierDayMinorUnits = 300;
    settings.walletMaxMinorUnits = 1000;
    settings.discountMaxCashierBasisPoints = 1500;
    settings.selfAuthorise = true;
    QVERIFY(store->setCheckoutSettings(settings).ok());
    QVERIFY(store.reopen());
    QCOMPARE(store->checkoutSettings().topUpMaxCashierMinorUnits, 100);
    QCOMPARE(store->checkoutSettings().topUpMaxCashierDayMinorUnits, 300);
    QCOMPARE(store->checkoutSettings().walletMaxMinorUnits, 1000);
    QCOMPARE(store->checkoutSettings().discountMaxCashierBasisPoints, 1500);
    QVERIFY(store->checkoutSettings().selfAuthorise);
    CheckoutSettings bad = settings;
    bad.walletMaxMinorUnits = 0;
    QCOMPARE(store->setCheckoutSettings(bad).code(), ErrorCode::InvalidArgument);
    bad = settings;
    bad.discountMaxCashierBasisPoints = 10001;
    QCOMPARE(store->setCheckoutSettings(bad).code(), ErrorCode::InvalidArgument);
    bad = settings;
    bad.topUpMaxCashierMinorUnits = -1;
    QCOMPARE(store->setCheckoutSettings(bad).code(), ErrorCode::InvalidArgument);
}

void tst_MoneyBounds::judgeTopUp_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("wallet");
    QTest::addColumn<QString>("dayUsed");
    QTest::addColumn<TopUpVerdict>("verdict");
    QTest::addColumn<QString>("over");
    // Bounds: 5,000.00 per top-up, 20,000.00 a day, wallet at most 50,000.00.
    QTest::newRow("a cashier's top-up at the bound is allowed") << Role::Cashier << "5000.00" << "0" << "0" << TopUpVerdict::Allowed << "0";
    QTest::newRow("one minor unit over needs a manager") << Role::Cashier << "5000.01" << "0" << "0" << TopUpVerdict::NeedsManager << "0.01";
    QTest::newRow("the day's bound counts earlier top-ups") << Role::Cashier << "1000.00" << "0" << "19500.00" << TopUpVerdict::NeedsManager << "500.00";
    QTest::newRow("the larger excess is what the manager authorises") << Role::Cashier << "6000.00" << "0" << "19000.00" << TopUpVerdict::NeedsManager << "5000.00";
    QTest::newRow("a manager has no per-top-up bound") << Role::Manager << "20000.00" << "0" << "0" << TopUpVerdict::Allowed << "0";
    QTest::newRow("an admin neither") << Role::Admin << "49999.99" << "0.01" << "0" << TopUpVerdict::Allowed << "0";
    QTest::newRow("the wallet maximum holds for a manager") << Role::Manager << "10000.00" << "40000.01" << "0" << TopUpVerdict::OverWalletMax << "0";
    QTest::newRow("and before a cashier's bound is asked") << Role::Cashier << "99999999999.00" << "0" << "0" << TopUpVerdict::OverWalletMax << "0";
    QTest::newRow("a wallet in overdraft has more room") << Role::Admin << "50000.00" << "-100.00" << "0" << TopUpVerdict::Allowed << "0";
}

void tst_MoneyBounds::judgeTopUp()
{
    QFETCH(Role, role);
    QFETCH(QString, amount);
    QFETCH(QString, wallet);
    QFETCH(QString, dayUsed);
    QFETCH(TopUpVerdict, verdict);
    QFETCH(QString, over);
    const Currency nok = *Currency::fromCode(u"NOK");
    auto money = [&](const QString &text) { return *Money::parse(text, nok); };
    const TopUpCheck check = Slate::Core::judgeTopUp(role, money(amount), money(wallet), money(dayUsed), CheckoutSettings::defaultsFor(nok));
    QCOMPARE(check.verdict, verdict);
    QCOMPARE(check.over, money(over));
}

void tst_MoneyBounds::cashierTopUpOverTheBoundNeedsAManagersPin()
{
    Fixture f;
    Result<TopUpReceipt> refused = f.topUp("99999999999.00", "cas");
    QCOMPARE(refused.code(), ErrorCode::NotPermitted); // the 99,999,999,999 NOK top-up
    refused = f.topUp("6000.00", "cas");
    QCOMPARE(refused.code(), ErrorCode::ApprovalNeeded);
    QVERIFY2(refused.message().contains("1000.00 NOK over"), qPrintable(refused.message()));
    QCOMPARE(f.wallet(), f.money("0"));
    QCOMPARE(f.topUp("6000.00", "cas", ManagerPin{"mgr", "0000", "gift"}).code(), ErrorCode::AuthenticationFailed);
    QCOMPARE(f.topUp("6000.00", "cas", ManagerPin{"cas", "1111", "gift"}).code(), ErrorCode::AuthenticationFailed);
    QCOMPARE(f.topUp("6000.00", "cas", ManagerPin{"mgr", "2222", " "}).code(), ErrorCode::InvalidArgument);
    QCOMPARE(f.wallet(), f.money("0"));
    const TopUpReceipt receipt = must(f.topUp("6000.00", "cas", ManagerPin{"mgr", "2222", "staff party gift cards"}));
    QCOMPARE(receipt.approvedBy, QStringLiteral("mgr"));
    QCOMPARE(receipt.walletAfter, f.money("6000.00"));
    QVERIFY2(receipt.entry.note.contains("authorised by mgr: staff party gift cards"), qPrintable(receipt.entry.note));
    // The manager's override maximum (3,000.00) bounds what they authorise over the cashier's bound.
    QCOMPARE(f.topUp("9000.00", "cas", ManagerPin{"mgr", "2222", "big"}).code(), ErrorCode::NotPermitted);
    // An unknown user (slatectl without --user) has a cashier's bounds.
    QCOMPARE(f.topUp("5000.01", "cli:someone").code(), ErrorCode::ApprovalNeeded);
    QCOMPARE(must(f.topUp("10000.00", "mgr")).approvedBy, QString()); // a manager's own top-up needs no one
    QCOMPARE(Slate::Test::ledgerProblem(*f.store), QString());
}

void tst_MoneyBounds::cashierDayBoundCountsTodaysTopUpsButNotVoidedOnes()
{
    Fixture f;
    for (int i = 0; i < 4; ++i)
        must(f.topUp("5000.00", "cas"));
    QCOMPARE(must(f.store->topUps().toppedUpToday("cas")), f.money("20000.00"));
    QCOMPARE(f.topUp("0.01", "cas").code(), ErrorCode::ApprovalNeeded);
    QCOMPARE(must(f.store->topUps().toppedUpToday("mgr")), f.money("0"));
    must(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", "typed twice"}}));
    QCOMPARE(must(f.store->topUps().toppedUpToday("cas")), f.money("15000.00"));
    QVERIFY(f.topUp("5000.00", "cas").ok());
    QCOMPARE(Slate::Test::ledgerProblem(*f.store), QString());
}

void tst_MoneyBounds::managerMayNotAuthoriseTheirOwnTopUpUnlessAllowed()
{
    Fixture f;
    // A manager acting as the cashier of a top-up (their user at the till is a cashier account
    // they share) is the case the four-eyes rule is for: the approver must be another person.
    must(f.store->users().add("shared", Role::Cashier, "4444"));
    QCOMPARE(f.topUp("6000.00", "shared", ManagerPin{"shared", "4444", "x"}).code(), ErrorCode::AuthenticationFailed);
    const Result<OverrideGrant> own = f.store->checkout().authorizeDiscount(ManagerPin{"mgr", "2222", "own sale"}, "mgr", 5000);
    QCOMPARE(own.code(), ErrorCode::NotPermitted);
    CheckoutSettings settings = f.store->checkoutSettings();
    settings.selfAuthorise = true;
    must(f.store->setCheckoutSettings(settings));
    QVERIFY(f.store->checkout().authorizeDiscount(ManagerPin{"mgr", "2222", "own sale"}, "mgr", 5000).ok());
}

void tst_MoneyBounds::walletMaximumHoldsForEveryone()
{
    Fixture f;
    CheckoutSettings settings = f.store->checkoutSettings();
    settings.walletMaxMinorUnits = f.money("1000.00").minorUnits();
    must(f.store->setCheckoutSettings(settings));
    must(f.topUp("900.00", "boss"));
    Result<TopUpReceipt> refused = f.topUp("100.01", "boss");
    QCOMPARE(refused.code(), ErrorCode::NotPermitted);
    QVERIFY2(refused.message().contains("At most 100.00 NOK"), qPrintable(refused.message()));
    QCOMPARE(f.store->credit().topUp(f.customer, f.money("100.01"), PaymentJournal::Bank, QString(), "boss").code(),
             ErrorCode::NotPermitted); // the back office's way in, too
    QCOMPARE(f.store->credit().adjust(f.customer, f.money("100.01"), "goodwill", "boss").code(), ErrorCode::NotPermitted);
    QVERIFY(f.topUp("100.00", "boss").ok());
    QCOMPARE(f.wallet(), f.money("1000.00"));
    // A refund to store credit may not take it over either.
    const SaleReceipt sale = must(f.store->checkout().sale(f.sale("cas", QString(), {TenderRequest{TenderKind::Cash, f.money("100.00")}})));
    const Result<RefundReceipt> refund =
        f.store->checkout().refund(RefundRequest{sale.sale.saleId, "cas", {{"MUG", 1}}, RefundTo::Credit, QString(), QString()});
    QCOMPARE(refund.code(), ErrorCode::NotPermitted);
    QCOMPARE(f.wallet(), f.money("1000.00"));
    QCOMPARE(Slate::Test::ledgerProblem(*f.store), QString());
}

void tst_MoneyBounds::discountBeyondTheCashiersMaximumNeedsAManager()
{
    Fixture f;
    CheckoutService &checkout = f.store->checkout();
    const QList<TenderRequest> cash80{TenderRequest{TenderKind::Cash, f.money("80.00")}};
    SaleQuote quote = must(checkout.quote(f.sale("cas", "20.00", cash80)));
    QVERIFY(quote.complete); // 20 % is the cashier's maximum
    QCOMPARE(quote.discountBasisPoints, 2000);
    const QList<TenderRequest> cash = {TenderRequest{TenderKind::Cash, f.money("79.99")}};
    quote = must(checkout.quote(f.sale("cas", "20.01", cash)));
    QVERIFY(!quote.complete);
    QVERIFY(quote.discountNeedsManager);
    QVERIFY2(quote.problem.contains("20.01 %"), qPrintable(quote.problem));
    QCOMPARE(checkout.sale(f.sale("cas", "100.00", {})).code(), ErrorCode::InvalidArgument); // the cashier's 100 % unasked
    QVERIFY(must(checkout.quote(f.sale("mgr", "99.00", {TenderRequest{TenderKind::Cash, f.money("1.00")}}))).complete); // a manager may

    const DiscountCheck check = must(checkout.checkDiscount("cas", f.money("100.00"), f.money("50.00")));
    QCOMPARE(check.basisPoints, 5000);
    QVERIFY(check.needsManager);
    QVERIFY(!must(checkout.checkDiscount("mgr", f.money("100.00"), f.money("50.00"))).needsManager);

    const OverrideGrant small = must(checkout.authorizeDiscount(ManagerPin{"mgr", "2222", "scratched"}, "cas", 2500));
    SaleRequest request = f.sale("cas", "30.00", {TenderRequest{TenderKind::Cash, f.money("70.00")}});
    request.overrides = {small};
    QVERIFY(must(checkout.quote(request)).discountNeedsManager); // 25 % does not cover 30 %
    const OverrideGrant grant = must(checkout.authorizeDiscount(ManagerPin{"mgr", "2222", "scratched"}, "cas", 3000));
    request.overrides = {grant};
    quote = must(checkout.quote(request));
    QVERIFY2(quote.complete, qPrintable(quote.problem));
    QCOMPARE(quote.discountApprovedBy, QStringLiteral("mgr"));
    const SaleReceipt receipt = must(checkout.sale(request));
    QVERIFY2(receipt.entry.note.contains("authorised by mgr: scratched"), qPrintable(receipt.entry.note));
    QCOMPARE(checkout.sale(request).code(), ErrorCode::InvalidArgument); // single use
    QCOMPARE(Slate::Test::ledgerProblem(*f.store), QString());
}

void tst_MoneyBounds::discountPercentAndBasisPoints_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("basisPoints");
    QTest::addColumn<QString>("discount");
    QTest::newRow("10 % of 99.99 rounds half up") << "99.99" << 1000 << "10.00";
    QTest::newRow("12.5 % of 80.00") << "80.00" << 1250 << "10.00";
    QTest::newRow("100 % is the whole line") << "0.01" << 10000 << "0.01";
    QTest::newRow("0 % is nothing") << "50.00" << 0 << "0.00";
}

void tst_MoneyBounds::discountPercentAndBasisPoints()
{
    QFETCH(QString, line);
    QFETCH(int, basisPoints);
    QFETCH(QString, discount);
    const Currency nok = *Currency::fromCode(u"NOK");
    const Money lineAmount = *Money::parse(line, nok);
    QCOMPARE(*discountForPercent(lineAmount, basisPoints), *Money::parse(discount, nok));
    QVERIFY(discountBasisPoints(lineAmount, *Money::parse(discount, nok)) >= basisPoints - 1);
    QVERIFY(!discountForPercent(lineAmount, 10001));
    QVERIFY(!discountForPercent(lineAmount, -1));
    QCOMPARE(discountBasisPoints(*Money::parse(u"3.00", nok), *Money::parse(u"1.00", nok)), 3334); // rounded up
}

void tst_MoneyBounds::voidingASaleRestoresEveryBalanceExactly()
{
    Fixture f;
    must(f.topUp("60.00", "cas"));
    const QList<AccountBalance> before = must(f.store->journal().balances());
    const SaleReceipt sale = must(f.store->checkout().sale(
        f.sale("cas", "10.00", {TenderRequest{TenderKind::Credit, f.money("60.00")}, TenderRequest{TenderKind::Cash, f.money("50.00")}})));
    QCOMPARE(f.wallet(), f.money("0"));
    const VoidableTransaction last = *must(f.store->voids().last());
    QCOMPARE(last.saleId, sale.sale.saleId);
    QCOMPARE(last.amount, f.money("90.00"));
    QCOMPARE(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", ""}}).code(), ErrorCode::InvalidArgument);
    QCOMPARE(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"cas", "1111", "x"}}).code(), ErrorCode::AuthenticationFailed);
    const qint64 entries = must(f.store->journal().entryCount());
    const VoidReceipt receipt = must(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", "wrong customer"}}));
    QCOMPARE(must(f.store->journal().entryCount()), entries + 1); // one entry, never an edit
    QCOMPARE(receipt.reversal.kind, EntryKind::Reversal);
    QCOMPARE(receipt.reversal.references.relatedEntryId, uuidText(sale.entry.id));
    QCOMPARE(receipt.reversal.references.orderId, sale.sale.saleId);
    QCOMPARE(receipt.reversal.sequence, sale.entry.sequence + 1);
    QVERIFY(receipt.reversal.note.startsWith("VOID of sale"));
    QCOMPARE(*receipt.walletAfter, f.money("60.00"));
    QCOMPARE(f.wallet(), f.money("60.00"));
    // Every account is back where it was (accounts the sale opened are at zero).
    QMap<QString, qint64> expected;
    for (const AccountBalance &row : before)
        expected.insert(row.account, row.balance.minorUnits());
    for (const AccountBalance &row : must(f.store->journal().balances()))
        QCOMPARE(row.balance.minorUnits(), expected.value(row.account, 0));
    // A voided sale cannot be refunded, and its record says so.
    QVERIFY(!must(f.store->checkout().saleById(sale.sale.saleId)).voidEntryId.isEmpty());
    QCOMPARE(f.store->checkout().refund(RefundRequest{sale.sale.saleId, "cas", {{"MUG", 1}}, RefundTo::Cash, QString(), QString()}).code(),
             ErrorCode::InvalidArgument);
    QVERIFY(!must(f.store->voids().last()).has_value()); // a void is not voided
    QCOMPARE(Slate::Test::ledgerProblem(*f.store), QString());
}

void tst_MoneyBounds::voidingATopUpRestoresTheWallet()
{
    Fixture f;
    must(f.topUp("250.00", "cas"));
    const VoidReceipt receipt = must(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", "typed 250 for 25"}}));
    QCOMPARE(receipt.original.amount, f.money("250.00"));
    QCOMPARE(f.wallet(), f.money("0"));
    QCOMPARE(must(f.store->journal().balance(Accounts::cash("S1", "T1"))), f.money("0"));
    QCOMPARE(Slate::Test::ledgerProblem(*f.store), QString());
}

void tst_MoneyBounds::onlyTheLastTransactionCanBeVoided()
{
    Fixture f;
    QCOMPARE(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", "x"}}).code(), ErrorCode::NotFound);
    must(f.topUp("10.00", "cas"));
    must(f.store->credit().adjust(f.customer, f.money("1.00"), "goodwill", "mgr"));
    QVERIFY(!must(f.store->voids().last()).has_value()); // an adjustment came after: use a correction
    QCOMPARE(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", "x"}}).code(), ErrorCode::NotFound);
}

void tst_MoneyBounds::voidNeedsAnotherManagerThanTheOneWhoRangItUp()
{
    Fixture f;
    must(f.topUp("10.00", "mgr"));
    QCOMPARE(f.store->voids().voidLast(VoidRequest{"cas", ManagerPin{"mgr", "2222", "x"}}).code(), ErrorCode::NotPermitted);
    QCOMPARE(f.store->voids().voidLast(VoidRequest{"mgr", ManagerPin{"mgr", "2222", "x"}}).code(), ErrorCode::NotPermitted);
    QVERIFY(f.store->voids().voidLast(VoidRequest{"mgr", ManagerPin{"boss", "3333", "x"}}).ok());
    QCOMPARE(Slate::Test::ledgerProblem(*f.store), QString());
}

QTEST_GUILESS_MAIN(tst_MoneyBounds)
#include "tst_moneybounds.moc"
