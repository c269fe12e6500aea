// Three tills work offline on shared customers, then sync in a random (seeded) order: every
// entry is stored exactly once, every node's balances equal the server's, and the wallet that
// two tills overspent appears as an exception. The same with SIGKILL of the server in the middle
// of pushes, and with two server processes sharing one PostgreSQL database.
// Twenty tills on two PostgreSQL server processes sell offline and then sync all at once,
// round after round: still exactly once, everywhere.
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
    void twentyConcurrentTillsOnTwoPostgresServersConvergeOnce();

private:
    void converge(const QList<QUrl> &servers, const QString &database);
    static QList<Sync::RoundResult> syncAllAtOnce(std::vector<std::unique_ptr<Till>> &tills, const QList<QUrl> &servers,
                                                  QRandomGenerator &random);
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

// Starts one round on every till before any answer is read (each client runs on the event
// loop), then waits for all of them; till i syncs with server i % 2, in push batches of 1-8.
QList<Sync::RoundResult> tst_SyncConvergence::syncAllAtOnce(std::vector<std::unique_ptr<Till>> &tills, const QList<QUrl> &servers,
                                                            QRandomGenerator &random)
{
    QList<Sync::RoundResult> results(qsizetype(tills.size()));
    std::vector<std::unique_ptr<Sync::SyncClient>> clients;
    int running = 0;
    QEventLoop loop;
    for (size_t i = 0; i < tills.size(); ++i) {
        auto client = std::make_unique<Sync::SyncClient>(tills[i]->store());
        client->setServer(servers.at(qsizetype(i) % servers.size()));
        client->setPushBatch(1 + int(random.bounded(8)));
        QObject::connect(client.get(), &Sync::SyncClient::finished, &loop, [&, i](const Sync::RoundResult &result) {
            results[qsizetype(i)] = result;
            if (--running == 0)
                loop.quit();
        });
        clients.push_back(std::move(client));
    }
    running = int(clients.size());
    for (auto &client : clients)
        client->start();
    QTimer::singleShot(40000, &loop, &QEventLoop::quit);
    if (running > 0)
        loop.exec();
    for (qsizetype i = 0; i < results.size() && running > 0; ++i) {
        if (clients[size_t(i)]->busy())
            results[i] = Sync::RoundResult{Sync::RoundFailure::Network, QStringLiteral("the round did not finish in 40 s"), {}};
    }
    return results;
}

void tst_SyncConvergence::twentyConcurrentTillsOnTwoPostgresServersConvergeOnce()
{
    constexpr int kTills = 20;
    constexpr int kSalesPerTill = 30;
    constexpr int kRoundsMax = 8;
    PostgresCluster cluster;
    SLATE_REQUIRE_POSTGRES(cluster);
    const QString database = cluster.createDatabase(QStringLiteral("slate_twenty"));
    ServerProcess one(database), two(database);
    QVERIFY(one.start());
    QVERIFY(two.start());
    const QList<QUrl> servers{one.url(), two.url()};
    QRandomGenerator random(m_seed);

    std::vector<std::unique_ptr<Till>> tills;
    for (int i = 0; i < kTills; ++i)
        tills.push_back(std::make_unique<Till>(QStringLiteral("T%1").arg(i + 1)));
    // T1 makes the catalog, a cashier and the shared customers: A and B with 200.00 of store
    // credit each, C with an account limit of 300.00. The others learn them by master-data sync.
    Till &first = *tills.front();
    first.store().users().setPolicy(Core::AuthPolicy{5, 300, 1000});
    QVERIFY(first.store().catalog().setTaxCode(QStringLiteral("STD"), 2500, QStringLiteral("Standard")).ok());
    QVERIFY(first.store().catalog().addProduct(Core::NewProduct{QStringLiteral("MUG"), QString(), QStringLiteral("Mug"), first.money(QStringLiteral("80.00")), QStringLiteral("STD")}).ok());
    QVERIFY(first.store().catalog().addProduct(Core::NewProduct{QStringLiteral("TEA"), QString(), QStringLiteral("Tea"), first.money(QStringLiteral("32.90")), QStringLiteral("STD")}).ok());
    QVERIFY(first.store().users().add(QStringLiteral("cas"), Core::Role::Cashier, QStringLiteral("1111")).ok());
    const Core::Customer a = first.addCustomer(QStringLiteral("9001"));
    const Core::Customer b = first.addCustomer(QStringLiteral("9002"));
    const Core::Customer c = first.addCustomer(QStringLiteral("9003"));
    QVERIFY(first.store().customers().setTerms(c.id, Core::CreditTerms{30000, std::nullopt, 30, false}).ok());
    for (const Core::Customer &wallet : {a, b})
        QVERIFY(first.store().credit().topUp(wallet, first.money(QStringLiteral("200.00")), Core::PaymentJournal::Cash, {}, QStringLiteral("cas")).ok());
    for (int i = 0; i < kTills; ++i) {
        const Sync::RoundResult enrolled =
            tills[size_t(i)]->sync(servers.at(i % 2), enrolmentCode(database, QStringLiteral("T%1").arg(i + 1)));
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.message));
    }
    for (auto &till : tills) {
        QCOMPARE(*till->store().credit().wallet(a.id), till->money(QStringLiteral("200.00")));
        QCOMPARE(*till->store().credit().wallet(b.id), till->money(QStringLiteral("200.00")));
    }

    // Offline: walk-in card sales, store-credit sales to A and B (each till spends 65.80 of each
    // wallet it sees at 200.00, so together they overspend) and account sales to C (each till
    // charges 160.00 of the 300.00 limit, so together they go over it).
    const qint64 before = *first.store().journal().entryCount();
    for (auto &till : tills) {
        for (int i = 0; i < kSalesPerTill; ++i) {
            Core::SaleRequest request{QStringLiteral("cas"), QString(), {{QStringLiteral("MUG"), 1, std::nullopt}},
                                      {{Core::TenderKind::Card, till->money(QStringLiteral("80.00"))}}, {}};
            if (i < 4) {
                request.customerId = i % 2 == 0 ? a.id : b.id;
                request.lines = {{QStringLiteral("TEA"), 1, std::nullopt}};
                request.tenders = {{Core::TenderKind::Credit, till->money(QStringLiteral("32.90"))}};
            } else if (i < 6) {
                request.customerId = c.id;
                request.tenders = {{Core::TenderKind::Account, till->money(QStringLiteral("80.00"))}};
            }
            const Core::Result<Core::SaleReceipt> receipt = till->store().checkout().sale(request);
            QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
        }
    }
    const qint64 total = before + qint64(kTills) * kSalesPerTill;

    // All at once, round after round, until every till holds every entry.
    int rounds = 0;
    for (bool converged = false; !converged; ++rounds) {
        QVERIFY2(rounds < kRoundsMax, "the tills did not converge");
        const QList<Sync::RoundResult> results = syncAllAtOnce(tills, servers, random);
        for (const Sync::RoundResult &result : results) // busy (503) or cut: retried next round
            QVERIFY2(result.ok() || result.failure == Sync::RoundFailure::Network, qPrintable(result.message));
        converged = std::all_of(tills.begin(), tills.end(), [&](const auto &till) { return *till->store().journal().entryCount() == total; });
    }
    qInfo("%d tills converged on %lld entries in %d concurrent round(s)", kTills, static_cast<long long>(total), rounds);

    // Exactly once: the server holds each entry once; each till holds every entry once.
    QCOMPARE(serverEntries(one.url()), total);
    QCOMPARE(serverEntries(two.url()), total);
    const QMap<QString, qint64> server = serverBalances(database);
    QVERIFY(!server.isEmpty());
    for (auto &till : tills) {
        QSet<QUuid> ids;
        qint64 visited = 0;
        QVERIFY(till->store().journal().forEachEntry(Core::EntryOrder::AsStored, [&](const Core::JournalEntry &entry) {
            ids.insert(entry.id);
            ++visited;
            return true;
        }).ok());
        QCOMPARE(visited, total);
        QCOMPARE(qint64(ids.size()), total);
        QCOMPARE(till->balances(), server);
        auto verified = till->store().journal().verify();
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.message()));
        QCOMPARE(verified->terminals, qint64(kTills));
    }
    const qint64 spentEach = 2 * 3290;
    QCOMPARE(*first.store().credit().wallet(a.id), Core::Money(20000 - kTills * spentEach, *Core::Currency::fromCode(u"NOK")));
    // The server's exceptions logic ran over the concurrent pushes: both wallets overspent, C over
    // its limit, each exception recorded once, no conflicting entries.
    QSet<QString> kinds, customers, keys;
    const QJsonArray exceptions = serverExceptions(database);
    for (const QJsonValue &value : exceptions) {
        const QJsonObject exception = value.toObject();
        kinds.insert(exception[QStringLiteral("kind")].toString());
        customers.insert(exception[QStringLiteral("customerId")].toString());
        keys.insert(exception[QStringLiteral("kind")].toString() + u'/' + exception[QStringLiteral("entryId")].toString());
    }
    // Whatever order the pushes were stored in, every debit after the 6th of a wallet (6 x 32.90
    // fit in 200.00) leaves it below zero, and every account sale after the 3rd of C (3 x 80.00
    // fit in 300.00) is over the limit: each such entry is one exception, no more, no less.
    const qint64 debitsEach = 2 * kTills, accountSales = 2 * kTills;
    QCOMPARE(exceptions.size(), 2 * (debitsEach - 20000 / 3290) + (accountSales - 30000 / 8000));
    QCOMPARE(qsizetype(keys.size()), exceptions.size());
    QCOMPARE(kinds, (QSet<QString>{QStringLiteral("wallet-overspent"), QStringLiteral("account-over-limit")}));
    QCOMPARE(customers, (QSet<QString>{a.id, b.id, c.id}));
}

QTEST_GUILESS_MAIN(tst_SyncConvergence)
#include "tst_syncconvergence.moc"
