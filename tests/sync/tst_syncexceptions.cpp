// Server exceptions that know each customer's terms (pulled with the master data): a wallet is
// overspent only below minus its overdraft, and account usage pushed past the limit by sales
// without an override is an "account-over-limit" exception; an overridden sale is not. Sales go
// through the real checkout at three tills that each stayed within what they saw offline.
// `slatectl exceptions --json` lists them from the server.

#include "synctestenv.h"

#include "base/uuidv7.h"

#include <QProcess>

using namespace Slate;
using namespace Slate::Test;

class tst_SyncExceptions : public QObject {
    Q_OBJECT
private slots:
    void offlineSalesBeyondTheTermsBecomeExceptions();
};

namespace {

constexpr int kFastPinIterations = 1000;

Core::SaleReceipt sell(Till &till, const Core::Customer &customer, const QString &sku, Core::TenderKind tender,
                       const QList<Core::OverrideGrant> &overrides = {})
{
    Core::Store &store = till.store();
    const Core::Money price = store.catalog().bySku(sku)->unitPrice;
    auto receipt = store.checkout().sale(Core::SaleRequest{QStringLiteral("cas"), customer.id, {Core::SaleLineRequest{sku, 1, {}}},
                                                           {Core::TenderRequest{tender, price}}, overrides});
    if (!receipt)
        qFatal("sale at %s refused: %s", qPrintable(store.identity().terminalId), qPrintable(receipt.message()));
    return *receipt;
}

} // namespace

void tst_SyncExceptions::offlineSalesBeyondTheTermsBecomeExceptions()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(server.start());
    const QString db = server.database();
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2")), t3(QStringLiteral("T3"));
    // The back office (T1) sets up the catalog, the staff and a customer with a limit of 150
    // and an overdraft of 20, and tops the wallet up with 30.
    Core::Store &office = t1.store();
    office.users().setPolicy(Core::AuthPolicy{5, 300, kFastPinIterations});
    QVERIFY(office.catalog().setTaxCode(QStringLiteral("STD"), 2500, QStringLiteral("Standard")).ok());
    QVERIFY(office.catalog().addProduct({QStringLiteral("P40"), {}, QStringLiteral("Forty"), t1.money(QStringLiteral("40")), QStringLiteral("STD")}).ok());
    QVERIFY(office.catalog().addProduct({QStringLiteral("P100"), {}, QStringLiteral("Hundred"), t1.money(QStringLiteral("100")), QStringLiteral("STD")}).ok());
    QVERIFY(office.users().add(QStringLiteral("cas"), Core::Role::Cashier, QStringLiteral("1111")).ok());
    QVERIFY(office.users().add(QStringLiteral("mgr"), Core::Role::Manager, QStringLiteral("2222")).ok());
    const Core::Customer added = t1.addCustomer(QStringLiteral("1001"));
    Core::CreditTerms terms;
    terms.creditLimitMinorUnits = 15000;
    terms.overdraftLimitMinorUnits = 2000;
    QVERIFY(office.customers().setTerms(added.id, terms).ok());
    QVERIFY(office.credit().topUp(added, t1.money(QStringLiteral("30")), Core::PaymentJournal::Cash, {}, QStringLiteral("cas")).ok());
    QVERIFY(t1.sync(server.url(), enrolmentCode(db, QStringLiteral("T1"))).ok());
    QVERIFY(t2.sync(server.url(), enrolmentCode(db, QStringLiteral("T2"))).ok());
    QVERIFY(t3.sync(server.url(), enrolmentCode(db, QStringLiteral("T3"))).ok());
    const Core::Customer at2 = *t2.store().customers().byId(added.id);
    const Core::Customer at3 = *t3.store().customers().byId(added.id);
    QCOMPARE(at3.terms.creditLimitMinorUnits, qint64(15000));

    // Offline, each till stays within what it sees: T2 takes the wallet to -10 (within the
    // overdraft) and sells 100 on account, then 100 more with a manager's override; T3 also
    // takes the wallet to -10 and sells 100 on account.
    sell(t2, at2, QStringLiteral("P40"), Core::TenderKind::Credit);
    sell(t2, at2, QStringLiteral("P100"), Core::TenderKind::Account);
    auto grant = t2.store().checkout().authorizeOverride(QStringLiteral("mgr"), QStringLiteral("2222"), QStringLiteral("regular"),
                                                         QStringLiteral("cas"), at2.id, Core::TenderKind::Account,
                                                         t2.money(QStringLiteral("100")));
    QVERIFY2(grant.ok(), qPrintable(grant.ok() ? QString() : grant.message()));
    const Core::SaleReceipt overridden = sell(t2, at2, QStringLiteral("P100"), Core::TenderKind::Account, {*grant});
    QVERIFY(!overridden.entry.references.overrideId.isEmpty());
    const Core::SaleReceipt walletAt3 = sell(t3, at3, QStringLiteral("P40"), Core::TenderKind::Credit);
    const Core::SaleReceipt accountAt3 = sell(t3, at3, QStringLiteral("P100"), Core::TenderKind::Account);

    // T2 first: the wallet at -10 is within its overdraft, the override covers going over.
    QVERIFY(t2.sync(server.url()).ok());
    QCOMPARE(serverExceptions(db).size(), 0);
    // T3 next: the wallet ends at -50, 30 beyond the overdraft; usage 300, 150 over the limit.
    const Sync::RoundResult third = t3.sync(server.url());
    QVERIFY2(third.ok(), qPrintable(third.message));
    QCOMPARE(third.report.exceptions, qint64(2));
    const QJsonArray exceptions = serverExceptions(db);
    QCOMPARE(exceptions.size(), 2);
    QMap<QString, QJsonObject> byKind;
    for (const QJsonValue &row : exceptions)
        byKind.insert(row[QStringLiteral("kind")].toString(), row.toObject());
    const QJsonObject wallet = byKind.value(QStringLiteral("wallet-overspent"));
    QCOMPARE(wallet[QStringLiteral("customerId")].toString(), added.id);
    QCOMPARE(wallet[QStringLiteral("amountMinorUnits")].toDouble(), 3000.0);
    QCOMPARE(wallet[QStringLiteral("entryId")].toString(), Core::uuidText(walletAt3.entry.id));
    const QJsonObject account = byKind.value(QStringLiteral("account-over-limit"));
    QCOMPARE(account[QStringLiteral("customerId")].toString(), added.id);
    QCOMPARE(account[QStringLiteral("amountMinorUnits")].toDouble(), 15000.0);
    QCOMPARE(account[QStringLiteral("entryId")].toString(), Core::uuidText(accountAt3.entry.id));
    QCOMPARE(account[QStringLiteral("entries")].toArray().size(), 3); // the three account sales

    // A resend records nothing twice.
    QVERIFY(t3.sync(server.url()).ok());
    QCOMPARE(serverExceptions(db).size(), 2);

    // The back office lists them with slatectl, signed with its own terminal's secret.
    QProcess slatectl;
    slatectl.start(QStringLiteral(SLATECTL_PATH), {QStringLiteral("--db"), t1.path(), QStringLiteral("--json"), QStringLiteral("exceptions")});
    QVERIFY(slatectl.waitForFinished(30000));
    QCOMPARE(slatectl.exitCode(), 0);
    const QJsonArray listed = QJsonDocument::fromJson(slatectl.readAllStandardOutput()).array();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed, exceptions);
}

QTEST_GUILESS_MAIN(tst_SyncExceptions)
#include "tst_syncexceptions.moc"
