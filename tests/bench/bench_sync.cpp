// bench_sync: sync throughput with the real slate-server on loopback, SQLite and PostgreSQL.
//   ingest:      one till pushes N top-ups in batches of 1, 100 and 1000 entries; entries/s.
//   convergence: three tills sell offline (CheckoutService, N sales each), then sync in turns
//                until every till holds every entry; seconds from the first round to converged.
// Run by hand (not registered with CTest); sizes come from the environment:
//   SLATE_BENCH_INGEST (default 2000 entries), SLATE_BENCH_SALES (default 5000 sales per till).
// PostgreSQL rows need root and runuser (a throwaway cluster, as in tests/sync).

#include "synctestenv.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Slate;
using namespace Slate::Core;
using namespace Slate::Test;

namespace {

int sizeFromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// A server database: a SQLite file in `dir`, or a new database in the cluster.
QString serverDatabase(const QString &backend, const QString &name, QTemporaryDir &dir, PostgresCluster &cluster)
{
    return backend == QLatin1String("postgres") ? cluster.createDatabase(name) : dir.filePath(name + QStringLiteral(".db"));
}

} // namespace

class bench_Sync : public QObject {
    Q_OBJECT
    std::unique_ptr<PostgresCluster> m_cluster;
    int m_databases = 0;

private slots:
    void initTestCase() { m_cluster = std::make_unique<PostgresCluster>(); }

    void ingest_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("batch");
        for (const char *backend : {"sqlite", "postgres"}) {
            for (int batch : {1, 100, 1000})
                QTest::addRow("%s, batches of %d", backend, batch) << QString::fromLatin1(backend) << batch;
        }
    }

    void ingest()
    {
        QFETCH(QString, backend);
        QFETCH(int, batch);
        if (backend == QLatin1String("postgres") && !m_cluster->available())
            QSKIP(qPrintable(m_cluster->reason()));
        const int entries = sizeFromEnvironment("SLATE_BENCH_INGEST", 2000);
        QTemporaryDir dir;
        const QString db = serverDatabase(backend, QStringLiteral("ingest%1").arg(++m_databases), dir, *m_cluster);
        QVERIFY(serverCommand({QStringLiteral("enroll"), QStringLiteral("--db"), db, QStringLiteral("--store"), QStringLiteral("S1"),
                               QStringLiteral("--terminal"), QStringLiteral("T0")})
                    .size() > 0); // creates the schema before the server starts
        ServerProcess server(db);
        QVERIFY(server.start());
        Till till(QStringLiteral("T1"));
        QVERIFY(till.sync(server.url(), enrolmentCode(db, QStringLiteral("T1"))).ok());
        const Customer customer = till.addCustomer(QStringLiteral("42"));
        {
            Transaction transaction(till.database());
            QVERIFY(transaction.begin().ok());
            for (int i = 0; i < entries; ++i)
                QVERIFY(till.store().credit().topUp(customer, till.money("1.00"), PaymentJournal::Cash, QString(), "bench").ok());
            QVERIFY(transaction.commit().ok());
        }
        QElapsedTimer timer;
        timer.start();
        const Sync::RoundResult round = till.sync(server.url(), QString(), batch, 600000);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        QVERIFY2(round.ok(), qPrintable(round.message));
        QCOMPARE(round.report.pushed, qint64(entries));
        QCOMPARE(serverEntries(server.url()) >= entries, true);
        qInfo("ingest %s batch %4d: %d entries in %.2f s = %.0f entries/s", qPrintable(backend), batch, entries, seconds,
              entries / seconds);
    }

    void convergence_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void convergence()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("postgres") && !m_cluster->available())
            QSKIP(qPrintable(m_cluster->reason()));
        const int sales = sizeFromEnvironment("SLATE_BENCH_SALES", 5000);
        QTemporaryDir dir;
        const QString db = serverDatabase(backend, QStringLiteral("converge%1").arg(++m_databases), dir, *m_cluster);
        QVERIFY(serverCommand({QStringLiteral("enroll"), QStringLiteral("--db"), db, QStringLiteral("--store"), QStringLiteral("S1"),
                               QStringLiteral("--terminal"), QStringLiteral("T0")})
                    .size() > 0);
        ServerProcess server(db);
        QVERIFY(server.start());
        std::vector<std::unique_ptr<Till>> tills;
        for (const char *terminal : {"T1", "T2", "T3"})
            tills.push_back(std::make_unique<Till>(QString::fromLatin1(terminal)));
        // The catalog, a cashier and the customers are made at T1 and reach T2 and T3 by master-data sync.
        Store &first = tills.front()->store();
        first.users().setPolicy(AuthPolicy{5, 300, 1000});
        QVERIFY(first.catalog().setTaxCode("STD", 2500, "Standard").ok());
        QVERIFY(first.catalog().addProduct(NewProduct{"MUG", QString(), "Mug", tills.front()->money("80.00"), "STD"}).ok());
        QVERIFY(first.catalog().addProduct(NewProduct{"TEA", QString(), "Tea", tills.front()->money("32.90"), "STD"}).ok());
        QVERIFY(first.users().add("cas", Role::Cashier, "1111").ok());
        QList<QString> customers;
        for (int i = 0; i < 50; ++i)
            customers.append(tills.front()->addCustomer(QStringLiteral("C%1").arg(i)).id);
        for (auto &till : tills)
            QVERIFY(till->sync(server.url(), enrolmentCode(db, till->store().identity().terminalId)).ok());
        QVERIFY(tills.front()->sync(server.url()).ok());
        // Offline: every till sells to the shared customers, paid by card.
        for (auto &till : tills) {
            for (int i = 0; i < sales; ++i) {
                const SaleRequest request{"cas", customers.at(i % customers.size()), {{"MUG", 1, std::nullopt}, {"TEA", 2, std::nullopt}},
                                          {{TenderKind::Card, till->money("145.80")}}, {}};
                const Result<SaleReceipt> receipt = till->store().checkout().sale(request);
                QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
            }
        }
        const qint64 total = *tills.front()->store().journal().entryCount() + 2 * qint64(sales);
        QElapsedTimer timer;
        timer.start();
        int rounds = 0;
        for (; rounds < 12; ++rounds) {
            bool converged = true;
            for (auto &till : tills) {
                QVERIFY(till->sync(server.url(), QString(), 1000, 600000).ok());
            }
            for (auto &till : tills)
                converged = converged && *till->store().journal().entryCount() == total;
            if (converged)
                break;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        for (auto &till : tills) {
            QCOMPARE(*till->store().journal().entryCount(), total);
            QCOMPARE(till->balances(), tills.front()->balances());
        }
        qInfo("convergence %s: 3 tills x %d sales (%lld entries in all) converged in %.1f s over %d round(s) of the three",
              qPrintable(backend), sales, static_cast<long long>(total), seconds, rounds + 1);
    }
};

QTEST_GUILESS_MAIN(bench_Sync)
#include "bench_sync.moc"
