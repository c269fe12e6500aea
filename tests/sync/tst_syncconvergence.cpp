// Three tills work offline on shared customers, then sync in a random (seeded) order: every
// entry is stored exactly once, every node's balances equal the server's, and the wallet that
// two tills overspent appears as an exception. The same with SIGKILL of the server in the middle
// of pushes, and with two server processes sharing one PostgreSQL database.
// The seed is printed; set SLATE_SYNC_SEED to replay a run.

#include "synctestenv.h"

#include "base/uuidv7.h"

#include <QRandomGenerator>
#include <QThread>

using namespace Slate;
using namespace Slate::Test;

class tst_SyncConvergence : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void threeTillsConvergeOnSqlite();
    void killedServerLosesAndDuplicatesNothing();
    void twoServersShareOnePostgresDatabase();

private:
    void converge(const QList<QUrl> &servers, const QString &database);
    quint32 m_seed = 0;
};

void tst_SyncConvergence::initTestCase()
{
    bool fromEnvironment = false;
    m_seed = qEnvironmentVariable("SLATE_SYNC_SEED").toUInt(&fromEnvironment);
    if (!fromEnvironment)
        m_seed = QRandomGenerator::system()->generate();
    qInfo("seed %u (SLATE_SYNC_SEED=%u replays this run)", m_seed, m_seed);
}

void tst_SyncConvergence::converge(const QList<QUrl> &servers, const QString &database)
{
    QRandomGenerator random(m_seed);
    std::vector<std::unique_ptr<Till>> tills;
    for (const char *id : {"T1", "T2", "T3"})
        tills.push_back(std::make_unique<Till>(QString::fromLatin1(id)));
    // T1 adds the shared customers; the others learn them by master-data sync.
    const Core::Customer customerA = tills[0]->addCustomer(QStringLiteral("9001"));
    const Core::Customer customerB = tills[0]->addCustomer(QStringLiteral("9002"));
    const QString idA = customerA.id, idB = customerB.id;
    QList<Core::Customer> a, b;
    const QUrl &first = servers.first();
    auto serverFor = [&](int i) { return servers.at(i % servers.size()); };
    // Online: T1 tops up A with 100; everyone enrols and learns it.
    QVERIFY(tills[0]->store().credit().topUp(customerA, tills[0]->money(QStringLiteral("100")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    for (int i = 0; i < 3; ++i) {
        const Sync::RoundResult result = tills[size_t(i)]->sync(serverFor(i), enrolmentCode(database, QStringLiteral("T%1").arg(i + 1)));
        QVERIFY2(result.ok(), qPrintable(result.message));
    }
    QVERIFY2(tills[0]->sync(first).ok(), "T1's second round");
    for (auto &till : tills) {
        auto atA = till->store().customers().byId(idA);
        auto atB = till->store().customers().byId(idB);
        QVERIFY2(atA.ok() && atB.ok(), "every till knows the shared customers");
        QCOMPARE(atA->card, QStringLiteral("9001"));
        a.append(*atA);
        b.append(*atB);
    }
    for (auto &till : tills)
        QCOMPARE(*till->store().credit().wallet(idA), till->money(QStringLiteral("100")));

    // Offline: T2 and T3 each spend most of A's 100 (each sees 100, so each is allowed); T1
    // tops up B and corrects it; T3 tops up B too; random extra top-ups on B everywhere.
    QVERIFY(tills[1]->store().credit().adjust(a[1], tills[1]->money(QStringLiteral("-80")), QStringLiteral("spent at T2"), QStringLiteral("bob")).ok());
    QVERIFY(tills[2]->store().credit().adjust(a[2], tills[2]->money(QStringLiteral("-70")), QStringLiteral("spent at T3"), QStringLiteral("cat")).ok());
    QVERIFY(tills[0]->store().credit().topUp(b[0], tills[0]->money(QStringLiteral("50")), Core::PaymentJournal::Card, {}, QStringLiteral("ann")).ok());
    QVERIFY(tills[0]->store().credit().adjust(b[0], tills[0]->money(QStringLiteral("-5")), QStringLiteral("goodwill"), QStringLiteral("ann")).ok());
    qint64 expectedB = 4500;
    for (int i = 0; i < 30; ++i) {
        const int t = int(random.bounded(3));
        const int cents = 100 + int(random.bounded(1000));
        expectedB += cents;
        QVERIFY(tills[size_t(t)]->store().credit().topUp(b[t], Core::Money(cents, *Core::Currency::fromCode(u"NOK")),
                                                     Core::PaymentJournal::Cash, {}, QStringLiteral("x")).ok());
    }
    qint64 ownEntries = 0;
    for (auto &till : tills)
        ownEntries += *till->store().journal().entryCount() - (till.get() == tills[0].get() ? 0 : 1); // minus the pulled top-up

    // Sync in a random order, twice round (the second round brings everyone what the others pushed).
    for (int round = 0; round < 2; ++round) {
        QList<int> order{0, 1, 2};
        std::shuffle(order.begin(), order.end(), random);
        for (int i : order) {
            const Sync::RoundResult result = tills[size_t(i)]->sync(serverFor(int(random.bounded(servers.size()))), {}, 1 + int(random.bounded(8)));
            QVERIFY2(result.ok(), qPrintable(result.message));
        }
    }
    // Exactly once: the server holds each till's entries once; each till holds every entry once.
    QCOMPARE(serverEntries(first), ownEntries);
    const QMap<QString, qint64> server = serverBalances(database);
    QVERIFY(!server.isEmpty());
    for (auto &till : tills) {
        QCOMPARE(*till->store().journal().entryCount(), ownEntries);
        QCOMPARE(till->balances(), server);
        auto verified = till->store().journal().verify();
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.message()));
        QCOMPARE(verified->terminals, qint64(3));
    }
    QCOMPARE(*tills[0]->store().credit().wallet(idA), Core::Money(-5000, *Core::Currency::fromCode(u"NOK")));
    QCOMPARE(*tills[0]->store().credit().wallet(idB), Core::Money(expectedB, *Core::Currency::fromCode(u"NOK")));
    // The overspend of A is an exception naming the customer and both spending entries.
    const QJsonArray exceptions = serverExceptions(database);
    QCOMPARE(exceptions.size(), 1);
    const QJsonObject overspent = exceptions.first().toObject();
    QCOMPARE(overspent[QStringLiteral("kind")].toString(), QStringLiteral("wallet-overspent"));
    QCOMPARE(overspent[QStringLiteral("customerId")].toString(), idA);
    QVERIFY(overspent[QStringLiteral("amountMinorUnits")].toDouble() > 0);
    QCOMPARE(overspent[QStringLiteral("entries")].toArray().size(), 2);
}

void tst_SyncConvergence::threeTillsConvergeOnSqlite()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(server.start());
    converge({server.url()}, server.database());
}

void tst_SyncConvergence::killedServerLosesAndDuplicatesNothing()
{
    constexpr int kEntries = 600;
    constexpr int kKillsMax = 8;
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(server.start());
    Till till(QStringLiteral("T1"));
    Till reader(QStringLiteral("T2"));
    const Core::Customer customer = till.addCustomer(QStringLiteral("9001"));
    QVERIFY(till.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T1"))).ok());
    QVERIFY(reader.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T2"))).ok());
    {
        Core::Transaction batch(till.database()); // one commit: makes the 600 entries quickly
        QVERIFY(batch.begin().ok());
        for (int i = 0; i < kEntries; ++i)
            QVERIFY(till.store().credit().topUp(customer, till.money(QStringLiteral("1")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
        QVERIFY(batch.commit().ok());
    }
    QRandomGenerator random(m_seed);
    int kills = 0;
    for (int attempt = 0; attempt < kKillsMax; ++attempt) {
        Sync::SyncClient client(till.database(), till.store().journal());
        client.setServer(server.url());
        client.setPushBatch(10);
        QSignalSpy spy(&client, &Sync::SyncClient::finished);
        client.start();
        QTest::qWait(10 + int(random.bounded(60)));
        if (spy.isEmpty()) {
            server.kill(); // SIGKILL, mid-push
            ++kills;
        }
        QVERIFY(spy.wait(30000) || !spy.isEmpty());
        QVERIFY(server.start());
    }
    qInfo("killed the server %d times mid-push", kills);
    QVERIFY(kills > 0);
    const Sync::RoundResult last = till.sync(server.url());
    QVERIFY2(last.ok(), qPrintable(last.message));
    QCOMPARE(last.report.pushedSequence, qint64(kEntries));
    QCOMPARE(serverEntries(server.url()), qint64(kEntries));
    const Sync::RoundResult pulled = reader.sync(server.url());
    QVERIFY2(pulled.ok(), qPrintable(pulled.message));
    QCOMPARE(*reader.store().journal().entryCount(), qint64(kEntries));
    QCOMPARE(reader.balances(), serverBalances(server.database()));
    QCOMPARE(till.balances(), serverBalances(server.database()));
}

void tst_SyncConvergence::twoServersShareOnePostgresDatabase()
{
    PostgresCluster cluster;
    SLATE_REQUIRE_POSTGRES(cluster);
    const QString database = cluster.createDatabase(QStringLiteral("slate_convergence"));
    // Both start at once: one migrates the schema, the other waits for it.
    ServerProcess one(database), two(database);
    QVERIFY(one.start());
    QVERIFY(two.start());
    converge({one.url(), two.url()}, database);

    // No state outside the database: a request accepted by one server is a replay at the other.
    Till t9(QStringLiteral("T9"));
    QVERIFY(t9.sync(one.url(), enrolmentCode(database, QStringLiteral("T9"))).ok());
    const QByteArray body = QByteArrayLiteral("{\"known\": {}}");
    const auto headers = signedHeaders(SignedRequest{QStringLiteral("T9"), t9.secret()}, QByteArrayLiteral("/v1/pull"), body);
    QUrl atOne = one.url(), atTwo = two.url();
    atOne.setPath(QStringLiteral("/v1/pull"));
    atTwo.setPath(QStringLiteral("/v1/pull"));
    QCOMPARE(httpRequest(atOne, QByteArrayLiteral("POST"), body, headers).status, 200);
    const HttpAnswer replay = httpRequest(atTwo, QByteArrayLiteral("POST"), body, headers);
    QCOMPARE(replay.status, 401);
    QVERIFY2(replay.message().contains(QStringLiteral("replay")), qPrintable(replay.message()));
}

QTEST_GUILESS_MAIN(tst_SyncConvergence)
#include "tst_syncconvergence.moc"
