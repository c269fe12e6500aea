// Master-data sync through the real slate-server: customers, credit terms, users with PIN
// hashes, tax codes, products and chain-wide settings made at one till reach the others in
// bounded pages; concurrent edits of one record end with the same winner on every node in
// whatever order the tills sync, and the losing value is in the record's history; two
// customers created offline with one card number both survive with the same cards everywhere.

#include "synctestenv.h"

#include "masterdata/masterdata.h"
#include "server/serverschema.h"
#include "server/serverstore.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Slate;
using namespace Slate::Test;

class tst_MasterSync : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void masterDataFlowsToEveryTill();
    void concurrentEditsEndTheSameEverywhere_data();
    void concurrentEditsEndTheSameEverywhere();
    void oneCardCreatedTwiceOfflineKeepsBothCustomers();
    void badChangesAreRefusedAndChangeNothing_data();
    void badChangesAreRefusedAndChangeNothing();
    void aTillOfAnotherProtocolIsRefused_data();
    void aTillOfAnotherProtocolIsRefused();
    void aServerOfAnotherProtocolIsRefused_data();
    void aServerOfAnotherProtocolIsRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

namespace {

constexpr int kFastPinIterations = 1000;

Core::CreditTerms terms(qint64 limit, std::optional<qint64> overdraft = std::nullopt)
{
    Core::CreditTerms result;
    result.creditLimitMinorUnits = limit;
    result.overdraftLimitMinorUnits = overdraft;
    return result;
}

void mustSync(Till &till, const QUrl &server, const QString &code = QString())
{
    const Sync::RoundResult result = till.sync(server, code);
    QVERIFY2(result.ok(), qPrintable(result.message));
}

} // namespace

void tst_MasterSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ServerProcess>(m_dir->filePath(QStringLiteral("server.db")));
    QVERIFY(m_server->start());
}

void tst_MasterSync::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void tst_MasterSync::masterDataFlowsToEveryTill()
{
    const QString db = m_server->database();
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2")), t3(QStringLiteral("T3"));
    Core::Store &s1 = t1.store();
    s1.users().setPolicy(Core::AuthPolicy{5, 300, kFastPinIterations});
    const Core::Customer ann = t1.addCustomer(QStringLiteral("1001"));
    QVERIFY(s1.customers().setTerms(ann.id, terms(50000, 2000)).ok());
    QVERIFY(s1.catalog().setTaxCode(QStringLiteral("STD"), 2500, QStringLiteral("Standard")).ok());
    QVERIFY(s1.catalog().addProduct(Core::NewProduct{QStringLiteral("TEA"), QStringLiteral("7038010009457"), QStringLiteral("Tea"),
                                                     t1.money(QStringLiteral("39.90")), QStringLiteral("STD")})
                .ok());
    QVERIFY(s1.users().add(QStringLiteral("mgr"), Core::Role::Manager, QStringLiteral("2468"), 10000).ok());
    Core::CheckoutSettings settings = s1.checkoutSettings();
    settings.limitScope = Core::LimitScope::PerStore;
    settings.cashRoundingMinorUnits = 100;
    QVERIFY(s1.setCheckoutSettings(settings).ok());
    for (int i = 0; i < 12; ++i) // enough for several pages of 5
        t1.addCustomer(QStringLiteral("20%1").arg(i, 2, 10, QLatin1Char('0')));
    QVERIFY(*Core::MasterData::waiting(t1.database()) > 15);

    mustSync(t1, m_server->url(), enrolmentCode(db, QStringLiteral("T1")));
    QCOMPARE(*Core::MasterData::waiting(t1.database()), qint64(0));
    Sync::RoundResult second = t2.sync(m_server->url(), enrolmentCode(db, QStringLiteral("T2")));
    QVERIFY2(second.ok(), qPrintable(second.message));
    QVERIFY(second.report.masterApplied >= 17);
    QVERIFY(second.report.settingsApplied); // so that a running app re-reads what it showed from them

    Core::Store &s2 = t2.store();
    const Core::Customer there = *s2.customers().byId(ann.id);
    QCOMPARE(there.card, QStringLiteral("1001"));
    QCOMPARE(there.name, ann.name);
    QCOMPARE(there.terms.creditLimitMinorUnits, qint64(50000));
    QCOMPARE(there.terms.overdraftLimitMinorUnits, std::optional<qint64>(2000));
    QCOMPARE(*s2.customers().count(), qint64(13));
    QCOMPARE(s2.catalog().taxCode(QStringLiteral("STD"))->rateBasisPoints, 2500);
    const Core::Product tea = *s2.catalog().byScannedCode(QStringLiteral("7038010009457"));
    QCOMPARE(tea.sku, QStringLiteral("TEA"));
    QCOMPARE(tea.unitPrice, t2.money(QStringLiteral("39.90")));
    // The PIN hash travelled, not the PIN: the manager logs in at T2 with the PIN set at T1.
    QVERIFY(s2.users().authenticate(QStringLiteral("mgr"), QStringLiteral("2468"), QStringLiteral("login")).ok());
    QVERIFY(!s2.users().authenticate(QStringLiteral("mgr"), QStringLiteral("1357"), QStringLiteral("login")).ok());
    QCOMPARE(s2.users().byName(QStringLiteral("mgr"))->overrideMaxMinorUnits, std::optional<qint64>(10000));
    // The settings are in force in the running store at once, not only in its table.
    QCOMPARE(s2.checkoutSettings().limitScope, Core::LimitScope::PerStore);
    QCOMPARE(s2.checkoutSettings().cashRoundingMinorUnits, qint64(100));
    // Applying pulled data queues nothing to send back.
    QCOMPARE(*Core::MasterData::waiting(t2.database()), qint64(0));
    const Sync::RoundResult quiet = t2.sync(m_server->url());
    QVERIFY2(quiet.ok(), qPrintable(quiet.message));
    QVERIFY(!quiet.report.settingsApplied); // nothing new: nothing for the app to re-read

    // T2 reprices and blocks; T3 joins later and reads everything in pages of 5.
    QVERIFY(s2.catalog().updateProduct(QStringLiteral("TEA"), Core::ProductChanges{{}, t2.money(QStringLiteral("42")), {}, {}, {}}).ok());
    Core::CreditTerms blocked = there.terms;
    blocked.blocked = true;
    QVERIFY(s2.customers().setTerms(ann.id, blocked).ok());
    mustSync(t2, m_server->url());
    Sync::SyncClient client(t3.store());
    client.setServer(m_server->url());
    client.setPullPage(5);
    QSignalSpy spy(&client, &Sync::SyncClient::finished);
    client.start(enrolmentCode(db, QStringLiteral("T3")));
    QVERIFY(spy.wait(30000));
    const auto result = spy.first().first().value<Sync::RoundResult>();
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(t3.store().catalog().bySku(QStringLiteral("TEA"))->unitPrice, t3.money(QStringLiteral("42")));
    QVERIFY(t3.store().customers().byId(ann.id)->terms.blocked);
    QCOMPARE(*t3.store().customers().count(), qint64(13));
    mustSync(t1, m_server->url());
    QVERIFY(s1.customers().byId(ann.id)->terms.blocked);
    QCOMPARE(s1.catalog().bySku(QStringLiteral("TEA"))->unitPrice, t1.money(QStringLiteral("42")));
    // T1's earlier price is kept in the product's history, replaced by T2's version.
    const auto history = *Core::MasterData::history(t1.database(), Core::MasterKinds::kProduct, QStringLiteral("TEA"));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().outcome, QStringLiteral("superseded"));
    QCOMPARE(history.first().change.data.value(QStringLiteral("unitPrice")).toString(), QStringLiteral("39.90"));
    QCOMPARE(history.first().change.data.value(QStringLiteral("currency")).toString(), QStringLiteral("NOK"));
}

void tst_MasterSync::concurrentEditsEndTheSameEverywhere_data()
{
    QTest::addColumn<bool>("t2First");
    QTest::addRow("T1 syncs first") << false;
    QTest::addRow("T2 syncs first") << true;
}

void tst_MasterSync::concurrentEditsEndTheSameEverywhere()
{
    QFETCH(bool, t2First);
    const QString db = m_server->database();
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2")), t3(QStringLiteral("T3"));
    const Core::Customer ann = t1.addCustomer(QStringLiteral("1001"));
    mustSync(t1, m_server->url(), enrolmentCode(db, QStringLiteral("T1")));
    mustSync(t2, m_server->url(), enrolmentCode(db, QStringLiteral("T2")));
    // Offline, both change the limit (and T1 the overdraft too: one record, one winner).
    QVERIFY(t1.store().customers().setTerms(ann.id, terms(50000, 1000)).ok());
    QTest::qWait(3);
    QVERIFY(t2.store().customers().setTerms(ann.id, terms(70000)).ok());
    const Core::MasterChange at1 = *Core::MasterData::current(t1.database(), Core::MasterKinds::kCustomerTerms, ann.id);
    const Core::MasterChange at2 = *Core::MasterData::current(t2.database(), Core::MasterKinds::kCustomerTerms, ann.id);
    const bool t2Wins = Core::MasterData::isNewer(at2.version, at2.node, at1.version, at1.node);
    QVERIFY(t2Wins); // later in time: the higher clock
    Till &first = t2First ? t2 : t1;
    Till &second = t2First ? t1 : t2;
    mustSync(first, m_server->url());
    mustSync(second, m_server->url());
    mustSync(first, m_server->url());
    mustSync(t3, m_server->url(), enrolmentCode(db, QStringLiteral("T3")));
    for (Till *till : {&t1, &t2, &t3}) {
        const Core::Customer customer = *till->store().customers().byId(ann.id);
        QCOMPARE(customer.terms.creditLimitMinorUnits, qint64(70000));
        QCOMPARE(customer.terms.overdraftLimitMinorUnits, std::optional<qint64>());
        const Core::MasterChange version = *Core::MasterData::current(till->database(), Core::MasterKinds::kCustomerTerms, ann.id);
        QCOMPARE(version.version, at2.version);
        QCOMPARE(version.node, QStringLiteral("T2"));
    }
    // T1's value lost; it is in T1's history (replaced) and T2's (arrived older), not dropped.
    for (Till *till : {&t1, &t2}) {
        const auto rows = *Core::MasterData::history(till->database(), Core::MasterKinds::kCustomerTerms, ann.id);
        bool kept = false;
        for (const Core::MasterHistoryRow &row : rows)
            kept = kept || (row.change.data.value(QStringLiteral("creditLimit")).toString() == QLatin1String("500.00") && row.change.node == QStringLiteral("T1"));
        QVERIFY2(kept, "the losing limit is in the record's history");
    }
    // The server keeps every version and the winner.
    auto database = Sync::ServerSchema::open(db);
    QVERIFY(database.ok());
    Sync::ServerStore store(**database);
    QCOMPARE(store.masterHistory(Core::MasterKinds::kCustomerTerms, ann.id, 10)->size(), 2);
    QCOMPARE(store.masterCurrent(Core::MasterKinds::kCustomerTerms, ann.id)->node, QStringLiteral("T2"));
}

void tst_MasterSync::oneCardCreatedTwiceOfflineKeepsBothCustomers()
{
    const QString db = m_server->database();
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
    mustSync(t1, m_server->url(), enrolmentCode(db, QStringLiteral("T1")));
    mustSync(t2, m_server->url(), enrolmentCode(db, QStringLiteral("T2")));
    const Core::Customer early = t1.addCustomer(QStringLiteral("7777"));
    QTest::qWait(3);
    const Core::Customer late = t2.addCustomer(QStringLiteral("7777"));
    QVERIFY(early.id < late.id);
    // The later customer reaches the server first; still T1's (created earlier) keeps the card
    // everywhere, and T2 moves its own customer's card aside when it learns of T1's.
    mustSync(t2, m_server->url());
    mustSync(t1, m_server->url());
    mustSync(t2, m_server->url());
    for (Till *till : {&t1, &t2}) {
        QCOMPARE(*till->store().customers().count(), qint64(2));
        QCOMPARE(till->store().customers().byCard(QStringLiteral("7777"))->id, early.id);
        const QString moved = till->store().customers().byId(late.id)->card;
        QVERIFY2(moved.startsWith(QStringLiteral("7777-")) && moved.size() == 17, qPrintable(moved));
    }
    QCOMPARE(t1.store().customers().byId(late.id)->card, t2.store().customers().byId(late.id)->card);
    const auto rows = *Core::MasterData::history(t2.database(), Core::MasterKinds::kCustomer, late.id);
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.last().outcome, QStringLiteral("card-conflict"));
}

void tst_MasterSync::badChangesAreRefusedAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions"); // the refusal names the record and the field
    const QByteArray customer = "{\"kind\":\"customer\",\"key\":\"0192a0de-0000-7000-8000-00000000000a\",\"version\":5,";
    const QByteArray push = QByteArrayLiteral("/v1/master/push");
    auto terms = [](const QByteArray &limit, const QByteArray &currency = QByteArrayLiteral("\"NOK\"")) {
        return QByteArray("{\"changes\":[{\"kind\":\"customer-terms\",\"key\":\"0192a0de-0000-7000-8000-00000000000a\",\"version\":5,"
                          "\"node\":\"T1\",\"data\":{\"creditLimit\":" + limit + ",\"overdraftLimit\":null,\"currency\":" + currency
                          + ",\"paymentTermsDays\":30,\"blocked\":0}}]}");
    };
    auto setting = [](const QByteArray &key, const QByteArray &data) {
        return QByteArray("{\"changes\":[{\"kind\":\"setting\",\"key\":\"" + key + "\",\"version\":5,\"node\":\"T1\",\"data\":" + data + "}]}");
    };
    const QString termsField = QStringLiteral("changes[0]: customer-terms 0192a0de-0000-7000-8000-00000000000a: \"creditLimit\"");
    QTest::addRow("another terminal's change")
        << push << QByteArray("{\"changes\":[" + customer + "\"node\":\"T2\",\"data\":{\"card\":\"1\",\"name\":\"A\",\"phone\":\"\",\"email\":\"\"}}]}")
        << 403 << QStringLiteral("terminal T1 may push only its own changes");
    QTest::addRow("a card with a space")
        << push << QByteArray("{\"changes\":[" + customer + "\"node\":\"T1\",\"data\":{\"card\":\"1 2\",\"name\":\"A\",\"phone\":\"\",\"email\":\"\"}}]}")
        << 400 << QStringLiteral("changes[0]");
    QTest::addRow("an unknown field in the data")
        << push
        << QByteArray("{\"changes\":[" + customer + "\"node\":\"T1\",\"data\":{\"card\":\"1\",\"name\":\"A\",\"phone\":\"\",\"email\":\"\",\"x\":1}}]}")
        << 400 << QStringLiteral("\"x\" is not a field of a customer");
    // Amounts are decimal strings with exactly the currency's digits, in the record's currency.
    QTest::addRow("a limit as a JSON number (protocol 1's form)") << push << terms("150000") << 400
                                                                  << termsField + QStringLiteral(" must be a decimal string in NOK");
    QTest::addRow("a limit with one decimal too few") << push << terms("\"1500.0\"") << 400
                                                     << termsField + QStringLiteral(" must have exactly 2 decimals");
    QTest::addRow("a limit without decimals") << push << terms("\"1500\"") << 400 << termsField + QStringLiteral(" must have exactly 2 decimals");
    QTest::addRow("a limit with three decimals") << push << terms("\"1500.000\"") << 400 << termsField;
    QTest::addRow("a limit with an exponent") << push << terms("\"1.5e3\"") << 400 << termsField;
    QTest::addRow("a limit with a comma") << push << terms("\"1500,00\"") << 400 << termsField;
    QTest::addRow("a negative limit") << push << terms("\"-1.00\"") << 400 << termsField + QStringLiteral(" must be from 0.00 to");
    QTest::addRow("a limit beyond 2^53 minor units") << push << terms("\"90071992547409.93\"") << 400
                                                     << termsField + QStringLiteral(" must be from 0.00 to 90071992547409.92");
    QTest::addRow("a limit beyond int64") << push << terms("\"99999999999999999999.00\"") << 400 << termsField;
    QTest::addRow("a limit without its currency") << push << terms("\"1500.00\"", "null") << 400 << QStringLiteral("\"currency\" must be an ISO 4217");
    QTest::addRow("a limit in no currency") << push << terms("\"1500.00\"", "\"ABC\"") << 400 << QStringLiteral("\"currency\" must be an ISO 4217");
    QTest::addRow("a limit in JPY with decimals") << push << terms("\"1500.00\"", "\"JPY\"") << 400 << termsField;
    QTest::addRow("a PIN instead of a hash")
        << push << QByteArrayLiteral("{\"changes\":[{\"kind\":\"user\",\"key\":\"eve\",\"version\":5,\"node\":\"T1\",\"data\":{\"role\":\"admin\",\"pin\":\"1234\"}}]}")
        << 400 << QStringLiteral("user eve");
    QTest::addRow("an override maximum as a JSON number")
        << push
        << QByteArrayLiteral("{\"changes\":[{\"kind\":\"user\",\"key\":\"eve\",\"version\":5,\"node\":\"T1\",\"data\":{\"role\":\"manager\","
                             "\"pinSalt\":\"0011223344556677\",\"pinHash\":\"00112233445566778899aabbccddeeff\",\"pinIterations\":100000,"
                             "\"overrideMax\":5000,\"currency\":\"NOK\",\"active\":1}}]}")
        << 400 << QStringLiteral("user eve: \"overrideMax\" must be a decimal string in NOK such as \"1500.00\" or null, not a JSON number");
    QTest::addRow("a price with too many decimals")
        << push
        << QByteArrayLiteral("{\"changes\":[{\"kind\":\"product\",\"key\":\"TEA\",\"version\":5,\"node\":\"T1\",\"data\":{\"barcode\":null,"
                             "\"name\":\"Tea\",\"unitPrice\":\"39.905\",\"currency\":\"NOK\",\"taxCode\":\"STD\",\"active\":1}}]}")
        << 400 << QStringLiteral("product TEA: \"unitPrice\"");
    QTest::addRow("the store's identity as a setting") << push << setting("terminal_id", "{\"value\":\"T9\"}") << 400
                                                       << QStringLiteral("not a chain-wide setting");
    QTest::addRow("a rounding of zero") << push << setting("cash_rounding_minor", "{\"value\":\"0.00\",\"currency\":\"NOK\"}") << 400
                                        << QStringLiteral("cash_rounding_minor");
    QTest::addRow("a rounding in minor units (protocol 1's form)") << push << setting("cash_rounding_minor", "{\"value\":\"100\"}") << 400
                                                                   << QStringLiteral("setting cash_rounding_minor: \"currency\" is missing");
    QTest::addRow("an offline cap without decimals") << push << setting("offline_cap_minor", "{\"value\":\"100\",\"currency\":\"NOK\"}")
                                                     << 400 << QStringLiteral("setting offline_cap_minor: \"value\" must have exactly 2 decimals");
    QTest::addRow("a currency on a setting that is no amount") << push
                                                               << setting("price_mode", "{\"value\":\"inclusive\",\"currency\":\"NOK\"}") << 400
                                                               << QStringLiteral("\"currency\" is not a field of a setting");
    QTest::addRow("no changes") << push << QByteArrayLiteral("{\"changes\":[]}") << 400 << QStringLiteral("1 to 1000 changes");
    QTest::addRow("a negative cursor") << QByteArrayLiteral("/v1/master/pull") << QByteArrayLiteral("{\"after\":-1}") << 400 << QStringLiteral("after");
    QTest::addRow("a page too large") << QByteArrayLiteral("/v1/master/pull") << QByteArrayLiteral("{\"after\":0,\"limit\":1001}") << 400
                                      << QStringLiteral("\"limit\"");
}

void tst_MasterSync::badChangesAreRefusedAndChangeNothing()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    Till t1(QStringLiteral("T1"));
    mustSync(t1, m_server->url(), enrolmentCode(m_server->database(), QStringLiteral("T1")));
    QUrl url = m_server->url();
    url.setPath(QString::fromLatin1(path));
    const HttpAnswer answer =
        httpRequest(url, QByteArrayLiteral("POST"), body, signedHeaders(SignedRequest{QStringLiteral("T1"), t1.secret()}, path, body));
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.message().contains(mentions), qPrintable(answer.message()));
    auto database = Sync::ServerSchema::open(m_server->database());
    QVERIFY(database.ok());
    Sync::ServerStore store(**database);
    QCOMPARE(store.pullMaster(QStringLiteral("T9"), 0, 10)->changes.size(), 0);
}

void tst_MasterSync::aTillOfAnotherProtocolIsRefused_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("protocol"); // the X-Slate-Protocol header; empty: none, as protocol 1 sent
    QTest::addColumn<QString>("mentions");
    const QString bothOld = QStringLiteral("speaks sync protocol 1; this server speaks protocol 2 only");
    QTest::addRow("a protocol 1 till pushing master data in numbers") << QByteArrayLiteral("/v1/master/push") << QByteArray() << bothOld;
    QTest::addRow("a protocol 1 till pulling master data") << QByteArrayLiteral("/v1/master/pull") << QByteArray() << bothOld;
    QTest::addRow("a protocol 1 till pushing entries") << QByteArrayLiteral("/v1/push") << QByteArray() << bothOld;
    QTest::addRow("a protocol 1 till enrolling") << QByteArrayLiteral("/v1/enroll") << QByteArray() << bothOld;
    QTest::addRow("a till naming protocol 1") << QByteArrayLiteral("/v1/master/push") << QByteArrayLiteral("1") << bothOld;
    QTest::addRow("a till of a later protocol") << QByteArrayLiteral("/v1/master/push") << QByteArrayLiteral("3")
                                                << QStringLiteral("speaks sync protocol 3; this server speaks protocol 2 only");
    QTest::addRow("a till naming no number") << QByteArrayLiteral("/v1/master/push") << QByteArrayLiteral("two")
                                             << QStringLiteral("an unknown protocol \"two\"");
}

// A till of the previous protocol (simulated by its requests: no X-Slate-Protocol header, master
// data in numbers) is told, before anything is read or stored, which protocols both speak.
void tst_MasterSync::aTillOfAnotherProtocolIsRefused()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, protocol);
    QFETCH(QString, mentions);
    Till t1(QStringLiteral("T1"));
    mustSync(t1, m_server->url(), enrolmentCode(m_server->database(), QStringLiteral("T1")));
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T2"));
    QByteArray body;
    if (path == "/v1/master/push")
        body = QByteArrayLiteral("{\"changes\":[{\"kind\":\"product\",\"key\":\"TEA\",\"version\":5,\"node\":\"T1\",\"data\":{\"barcode\":null,"
                                 "\"name\":\"Tea\",\"unitPrice\":3990,\"taxCode\":\"STD\",\"active\":1}}]}");
    else if (path == "/v1/master/pull")
        body = QByteArrayLiteral("{\"after\":0}");
    else if (path == "/v1/push")
        body = QByteArrayLiteral("{\"entries\":[]}");
    else
        body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code}}).toJson(QJsonDocument::Compact);
    auto headers = signedHeaders(SignedRequest{QStringLiteral("T1"), t1.secret()}, path, body);
    headers.removeIf([](const auto &header) { return header.first == Sync::Protocol::kProtocolHeader; });
    if (!protocol.isEmpty())
        headers.append({Sync::Protocol::kProtocolHeader, protocol});
    QUrl url = m_server->url();
    url.setPath(QString::fromLatin1(path));
    const HttpAnswer answer = httpRequest(url, QByteArrayLiteral("POST"), body, headers);
    QCOMPARE(answer.status, 426);
    QCOMPARE(answer.errorCode(), QStringLiteral("unsupported-protocol"));
    QVERIFY2(answer.message().contains(mentions), qPrintable(answer.message()));
    // Nothing was stored, and the enrolment code was not spent.
    auto database = Sync::ServerSchema::open(m_server->database());
    QVERIFY(database.ok());
    Sync::ServerStore store(**database);
    QCOMPARE(store.masterCurrent(Core::MasterKinds::kProduct, QStringLiteral("TEA"))->version, qint64(0));
    database->reset();
    Till t2(QStringLiteral("T2"));
    mustSync(t2, m_server->url(), code);
    // Health answers every protocol, so that a till can tell which one the server speaks.
    url.setPath(QStringLiteral("/v1/health"));
    const HttpAnswer health = httpRequest(url, QByteArrayLiteral("GET"), {}, {});
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body.value(QStringLiteral("protocol")).toInt(), Sync::Protocol::kProtocolVersion);
}

void tst_MasterSync::aServerOfAnotherProtocolIsRefused_data()
{
    QTest::addColumn<QByteArray>("health"); // what the other server's /v1/health answers
    QTest::addColumn<QString>("mentions");
    QTest::addRow("a protocol 1 server")
        << QByteArrayLiteral(R"({"status":"ok","protocol":1,"database":"sqlite","schemaVersion":3,"entries":0})")
        << QStringLiteral("speaks sync protocol 1; this till speaks protocol 2. Nothing was sent; update slate-server");
    QTest::addRow("a server of a later protocol")
        << QByteArrayLiteral(R"({"status":"ok","protocol":3,"database":"sqlite","schemaVersion":9,"entries":0})")
        << QStringLiteral("speaks sync protocol 3; this till speaks protocol 2. Nothing was sent; update this till (Slate)");
    QTest::addRow("a server that names no protocol") << QByteArrayLiteral(R"({"status":"ok"})")
                                                     << QStringLiteral("does not say which sync protocol it speaks; this till speaks protocol 2");
}

// A server of another protocol (simulated by its health answer) hears nothing from this till but
// the question: the round ends with a message naming both protocols, master data still waiting.
void tst_MasterSync::aServerOfAnotherProtocolIsRefused()
{
    QFETCH(QByteArray, health);
    QFETCH(QString, mentions);
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost));
    QList<QByteArray> requests;
    connect(&other, &QTcpServer::newConnection, &other, [&] {
        while (QTcpSocket *socket = other.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests, health] {
                const QByteArray request = socket->readAll();
                requests.append(request.left(request.indexOf("\r\n")));
                const bool isHealth = request.startsWith("GET /v1/health ");
                const QByteArray body = isHealth ? health : QByteArrayLiteral(R"({"error":{"code":"not-found","message":"No."}})");
                socket->write((isHealth ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n")
                              + QByteArray("Content-Type: application/json\r\nContent-Length: ") + QByteArray::number(body.size())
                              + "\r\n\r\n" + body);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(other.serverPort()));
    Till t1(QStringLiteral("T1"));
    t1.addCustomer(QStringLiteral("1001"));
    // An enrolled till, and one enrolling (its code must not be sent to a server it cannot use).
    mustSync(t1, m_server->url(), enrolmentCode(m_server->database(), QStringLiteral("T1")));
    t1.addCustomer(QStringLiteral("1002"));
    for (const QString &code : {QString(), QStringLiteral("K3F9Q-0000-0000-0000")}) {
        requests.clear();
        const Sync::RoundResult result = t1.sync(url, code);
        QCOMPARE(result.failure, Sync::RoundFailure::Refused);
        QVERIFY2(result.message.contains(mentions), qPrintable(result.message));
        QCOMPARE(requests, QList<QByteArray>{QByteArrayLiteral("GET /v1/health HTTP/1.1")});
        QCOMPARE(*Core::MasterData::waiting(t1.database()), qint64(1));
    }
}

QTEST_GUILESS_MAIN(tst_MasterSync)
#include "tst_mastersync.moc"
