// bench_sync: sync with the real slate-server on loopback, SQLite and PostgreSQL, every figure
// next to a baseline measured in the same run, on the same disk, at the same moment: a bare
// batched insert of rows of the same size into the same kind of database (bareinsert.h).
//   ingest:      one till pushes SLATE_BENCH_INGEST top-ups in batches of SLATE_BENCH_BATCH;
//                entries/s of the round.
//   concurrent:  SLATE_BENCH_TILLS tills (separate processes) push SLATE_BENCH_TILL_ENTRIES
//                top-ups each at once, to one SQLite server or to two PostgreSQL servers on one
//                database; aggregate entries/s, p50/p99 of single push requests, server RSS.
//   convergence: three tills each ring up SLATE_BENCH_SALES sales offline, then sync in turns
//                until every till holds every entry; seconds.
// Each figure is measured SLATE_BENCH_RUNS (3) times; a run is the figure and its baseline back
// to back. Prints a human summary (min/median/max of product, baseline, ratio) and one JSON
// object per figure and line. Run by hand (not registered with CTest); see README.md.
// PostgreSQL rows need root and runuser (a throwaway cluster, as in tests/sync).

#include "bareinsert.h"
#include "benchreport.h"
#include "requesttimer.h"
#include "statementcounter.h"
#include "synctestenv.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <limits>
#include <string>

using namespace Slate;
using namespace Slate::Core;
using namespace Slate::Test;
using Slate::Bench::Exchange;
using Slate::Bench::Figure;

namespace {

constexpr int kRoundTimeoutMs = 600000;

int sizeFromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

int runs() { return sizeFromEnvironment("SLATE_BENCH_RUNS", 3); }
bool tracingSql() { return qEnvironmentVariableIntValue("SLATE_BENCH_SQL_TRACE") == 1; }
bool loggingPostgres() { return qEnvironmentVariableIntValue("SLATE_BENCH_PG_LOG") == 1; }
bool isPostgres(const QString &backend) { return backend == QLatin1String("postgres"); }

// A server database: a SQLite file in `dir`, or a new database in the cluster.
QString serverDatabase(const QString &backend, const QString &name, const QTemporaryDir &dir, PostgresCluster &cluster)
{
    return isPostgres(backend) ? cluster.createDatabase(name) : dir.filePath(name + QStringLiteral(".db"));
}

// The baseline's database beside the server's: a SQLite file in the same folder, or a database
// of its own in the same cluster.
std::unique_ptr<Bench::BareInsert> baselineDatabase(const QString &backend, const QString &name, const QTemporaryDir &dir,
                                                    PostgresCluster &cluster)
{
    return isPostgres(backend) ? Bench::BareInsert::postgres(cluster.createDatabase(name))
                               : Bench::BareInsert::sqlite(dir.filePath(name + QStringLiteral(".db")));
}

QString baselineWords(const QString &backend, int batch)
{
    return isPostgres(backend)
        ? QStringLiteral("bare insert into PostgreSQL in the same cluster, one multi-row INSERT of entries and one of postings per "
                         "batch of %1, one transaction per batch")
              .arg(batch)
        : QStringLiteral("bare insert into SQLite in the same folder, WAL + synchronous=FULL, prepared single-row INSERTs, one "
                         "transaction per batch of %1")
              .arg(batch);
}

QJsonObject latencyJson(const std::vector<double> &ms)
{
    return QJsonObject{{QStringLiteral("count"), double(ms.size())},
                       {QStringLiteral("p50"), Bench::percentile(ms, 0.50)},
                       {QStringLiteral("p99"), Bench::percentile(ms, 0.99)},
                       {QStringLiteral("max"), Bench::percentile(ms, 1.0)}};
}

// A server's resident memory (VmRSS of /proc/PID/status) in KiB; 0 when unreadable.
qint64 residentKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// Samples the resident memory of server processes every 100 ms while the event loop runs.
class MemorySampler {
public:
    explicit MemorySampler(QList<qint64> pids) : m_pids(std::move(pids)), m_samples(m_pids.size())
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] { sample(); });
    }
    void start()
    {
        sample();
        m_timer.start(100);
    }
    void stop()
    {
        m_timer.stop();
        sample();
    }
    // Per process: start, peak and end in KiB.
    QJsonArray json() const
    {
        QJsonArray all;
        for (const std::vector<qint64> &samples : m_samples) {
            if (samples.empty())
                continue;
            all.append(QJsonObject{{QStringLiteral("startKb"), double(samples.front())},
                                   {QStringLiteral("peakKb"), double(*std::max_element(samples.begin(), samples.end()))},
                                   {QStringLiteral("endKb"), double(samples.back())},
                                   {QStringLiteral("samples"), double(samples.size())}});
        }
        return all;
    }
    QString text() const
    {
        QStringList parts;
        for (const QJsonValue &value : json()) {
            const QJsonObject o = value.toObject();
            parts.append(QStringLiteral("%1/%2/%3 MiB")
                             .arg(o[QStringLiteral("startKb")].toDouble() / 1024, 0, 'f', 1)
                             .arg(o[QStringLiteral("peakKb")].toDouble() / 1024, 0, 'f', 1)
                             .arg(o[QStringLiteral("endKb")].toDouble() / 1024, 0, 'f', 1));
        }
        return QStringLiteral("server RSS start/peak/end ") + parts.join(QStringLiteral(", "));
    }

private:
    void sample()
    {
        for (qsizetype i = 0; i < m_pids.size(); ++i) {
            if (const qint64 kb = residentKb(m_pids.at(i)); kb > 0)
                m_samples[size_t(i)].push_back(kb);
        }
    }

    QList<qint64> m_pids;
    std::vector<std::vector<qint64>> m_samples;
    QTimer m_timer;
};

// Statements PostgreSQL logged (log_statement=all, SLATE_BENCH_PG_LOG=1) since a point in the
// cluster's log, by their first word (PREPARE, EXECUTE, DEALLOCATE, BEGIN, …). With QPSQL each
// logged statement is one simple-query message, i.e. one round trip to the server.
class PostgresLog {
public:
    explicit PostgresLog(const PostgresCluster &cluster) : m_path(cluster.logFile()) { m_offset = QFileInfo(m_path).size(); }
    QMap<QString, qint64> statementsSince() const
    {
        QMap<QString, qint64> counts;
        QFile log(m_path);
        if (!log.open(QIODevice::ReadOnly) || !log.seek(m_offset))
            return counts;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const qsizetype at = line.indexOf("LOG:  statement: ");
            if (at < 0)
                continue;
            const QByteArray statement = line.mid(at + 17).trimmed();
            QByteArray word = statement.left(statement.indexOf(' ')).toUpper();
            if (word == "EXECUTE" || word == "PREPARE" || word == "DEALLOCATE")
                counts[QString::fromLatin1(word)] += 1;
            else
                counts[QStringLiteral("other: ") + QString::fromLatin1(word)] += 1;
            counts[QStringLiteral("all")] += 1;
        }
        return counts;
    }

private:
    QString m_path;
    qint64 m_offset = 0;
};

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), double(it.value()));
    return object;
}

// One sync round of a till through the real SyncClient, every HTTP exchange timed.
struct TimedRound {
    Sync::RoundResult result;
    QList<Exchange> exchanges;
    double seconds = 0;
    QList<Exchange> to(const QString &path) const
    {
        QList<Exchange> result;
        for (const Exchange &exchange : exchanges) {
            if (exchange.path == path)
                result.append(exchange);
        }
        return result;
    }
};

enum class RoundCut { None, AfterPush };

// The till processes of one run; a failed run leaves none behind.
struct Workers : std::vector<std::unique_ptr<QProcess>> {
    ~Workers()
    {
        for (auto &worker : *this) {
            if (worker->state() != QProcess::NotRunning) {
                worker->kill();
                worker->waitForFinished(10000);
            }
        }
    }
};

TimedRound timedRound(Store &store, const QUrl &server, const QString &enrolmentCode, int pushBatch, RoundCut cut,
                      Bench::StatementCounter *counter = nullptr)
{
    Sync::SyncClient client(store);
    client.setServer(server);
    client.setPushBatch(pushBatch);
    client.setTimeoutMs(kRoundTimeoutMs);
    Bench::RequestTimer timer(client);
    if (cut == RoundCut::AfterPush)
        timer.cutAfterPush();
    if (counter) {
        timer.onAnswer([counter](const QString &path) { counter->setPhase(path); });
        counter->setPhase(QStringLiteral("round start"));
    }
    std::optional<Sync::RoundResult> result;
    QEventLoop loop;
    QObject::connect(&client, &Sync::SyncClient::finished, &loop, [&](const Sync::RoundResult &finished) {
        result = finished;
        loop.quit();
    });
    QTimer::singleShot(kRoundTimeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer elapsed;
    elapsed.start();
    client.start(enrolmentCode);
    if (!result)
        loop.exec();
    TimedRound round;
    round.seconds = double(elapsed.nsecsElapsed()) / 1e9;
    round.result = result.value_or(Sync::RoundResult{Sync::RoundFailure::Network, QStringLiteral("the round did not finish in time"), {}});
    round.exchanges = timer.exchanges();
    if (counter)
        counter->setPhase(QStringLiteral("other"));
    return round;
}

std::vector<double> millisecondsOf(const QList<Exchange> &exchanges)
{
    std::vector<double> ms;
    for (const Exchange &exchange : exchanges) {
        if (exchange.status == 200)
            ms.push_back(exchange.ms());
    }
    return ms;
}

// The statements counted per phase, per unit (sale, pushed or pulled entry), with the most
// frequent texts; printed and returned as JSON.
QJsonObject statementReport(const QString &what, const Bench::StatementCounter::Counts &counts, qint64 units)
{
    std::vector<std::pair<qint64, QString>> top;
    for (const auto &[text, count] : counts.byText)
        top.emplace_back(count, text);
    std::sort(top.begin(), top.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    const double perUnit = units > 0 ? double(counts.statements) / double(units) : 0;
    const double triggersPerUnit = units > 0 ? double(counts.triggerStatements) / double(units) : 0;
    std::printf("    SQLite statements %s: %.3f (+ %.3f trigger programs) over %lld\n", qPrintable(what), perUnit, triggersPerUnit,
                static_cast<long long>(units));
    QJsonArray texts;
    for (size_t i = 0; i < std::min<size_t>(top.size(), 12); ++i) {
        std::printf("      %8.3f  %s\n", units > 0 ? double(top[i].first) / double(units) : 0.0, qPrintable(top[i].second.left(110)));
        texts.append(QJsonObject{{QStringLiteral("perUnit"), units > 0 ? double(top[i].first) / double(units) : 0.0},
                                 {QStringLiteral("sql"), top[i].second}});
    }
    return QJsonObject{{QStringLiteral("per"), what},
                       {QStringLiteral("units"), double(units)},
                       {QStringLiteral("statementsPerUnit"), perUnit},
                       {QStringLiteral("triggerProgramsPerUnit"), triggersPerUnit},
                       {QStringLiteral("top"), texts}};
}

QString enrol(const QString &database) // creates the schema before the server starts
{
    return QString::fromUtf8(serverCommand({QStringLiteral("enroll"), QStringLiteral("--db"), database, QStringLiteral("--store"),
                                            QStringLiteral("S1"), QStringLiteral("--terminal"), QStringLiteral("T0")}));
}

// --- The till worker: one till of the concurrent figure in a process of its own ---------------
//
// bench_sync till-worker --server URL --code CODE --terminal T --entries N --batch B --dir DIR
// creates a till database, enrols, makes N top-ups, prints "ready", waits for a line on stdin,
// then pushes them in one round (cut after the push phase, see requesttimer.h; resumed in
// further rounds if the server was busy) and prints "result {json}" with each push's timing.

int runTillWorker(const QStringList &arguments)
{
    // The cut master-data pull makes the client read its aborted reply; that warning is expected.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (!message.contains(QLatin1String("QNetworkReplyHttpImpl): device not open")))
            std::fprintf(stderr, "%s%s\n", type == QtWarningMsg ? "warning: " : "", qPrintable(message));
    });
    auto option = [&](const char *name) {
        const qsizetype at = arguments.indexOf(QString::fromLatin1(name));
        return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
    };
    const QString terminal = option("--terminal");
    const int entries = option("--entries").toInt();
    const int batch = option("--batch").toInt();
    const QUrl server(option("--server"));
    auto fail = [&](const QString &message) {
        std::fprintf(stderr, "till-worker %s: %s\n", qPrintable(terminal), qPrintable(message));
        return 1;
    };
    Result<std::unique_ptr<Store>> created = Store::create(QDir(option("--dir")).filePath(QStringLiteral("till.db")),
                                                           StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), terminal});
    if (!created)
        return fail(created.message());
    Store &store = **created;
    Result<Customer> customer = store.customers().add(NewCustomer{QStringLiteral("card-") + terminal, QStringLiteral("Customer ") + terminal, {}, {}});
    if (!customer)
        return fail(customer.message());
    const TimedRound enrolled = timedRound(store, server, option("--code"), batch, RoundCut::None);
    if (!enrolled.result.ok())
        return fail(enrolled.result.message);
    {
        Transaction transaction(store.database());
        if (auto begun = transaction.begin(); !begun)
            return fail(begun.message());
        for (int i = 0; i < entries; ++i) {
            if (auto topped = store.credit().topUp(*customer, Money(100, store.identity().currency), PaymentJournal::Cash, QString(),
                                                   QStringLiteral("bench"));
                !topped)
                return fail(topped.message());
        }
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.message());
    }
    std::printf("ready\n");
    std::fflush(stdout);
    std::string go;
    std::getline(std::cin, go);

    QJsonArray pushes;
    qint64 pushed = 0, busy = 0;
    QString failure;
    for (int attempt = 0; attempt < 20 && pushed < entries; ++attempt) {
        const TimedRound round = timedRound(store, server, QString(), batch, RoundCut::AfterPush);
        pushed += round.result.report.pushed;
        for (const Exchange &exchange : round.to(QStringLiteral("/v1/push"))) {
            pushes.append(QJsonArray{double(exchange.startNs), double(exchange.endNs), exchange.status});
            busy += exchange.status == 503 ? 1 : 0;
        }
        if (round.result.failure == Sync::RoundFailure::Refused || round.result.failure == Sync::RoundFailure::Local) {
            failure = round.result.message;
            break;
        }
    }
    const QJsonObject result{{QStringLiteral("terminal"), terminal}, {QStringLiteral("pushed"), double(pushed)},
                             {QStringLiteral("busy"), double(busy)}, {QStringLiteral("failure"), failure},
                             {QStringLiteral("pushes"), pushes}};
    std::printf("result %s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return failure.isEmpty() && pushed == entries ? 0 : 1;
}

} // namespace

class bench_Sync : public QObject {
    Q_OBJECT
    std::unique_ptr<PostgresCluster> m_cluster;
    int m_databases = 0;

    QString nextName(const char *prefix) { return QStringLiteral("%1%2").arg(QLatin1String(prefix)).arg(++m_databases); }

private slots:
    void initTestCase()
    {
        if (loggingPostgres())
            qputenv("SLATE_TEST_PG_OPTIONS", qgetenv("SLATE_TEST_PG_OPTIONS") + " -c log_statement=all");
        m_cluster = std::make_unique<PostgresCluster>();
        std::printf("bench_sync: %d run(s) per figure; a run is the figure and its baseline measured back to back\n", runs());
    }

    void ingest_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    // Row 1: one till pushes SLATE_BENCH_INGEST top-ups in one round, batches of SLATE_BENCH_BATCH.
    void ingest()
    {
        QFETCH(QString, backend);
        if (isPostgres(backend) && !m_cluster->available())
            QSKIP(qPrintable(m_cluster->reason()));
        const int entries = sizeFromEnvironment("SLATE_BENCH_INGEST", 10000);
        const int batch = sizeFromEnvironment("SLATE_BENCH_BATCH", 1000);
        Figure figure(QStringLiteral("ingest"),
                      QStringLiteral("ingest %1, 1 till, %2 top-ups in batches of %3").arg(backend).arg(entries).arg(batch),
                      QStringLiteral("entries/s"), Figure::Better::Higher,
                      QJsonObject{{QStringLiteral("backend"), backend}, {QStringLiteral("entries"), entries}, {QStringLiteral("batch"), batch}},
                      baselineWords(backend, batch) + QStringLiteral("; an entry with its 2 postings counts as one"));
        for (int run = 0; run < runs(); ++run) {
            QTemporaryDir dir;
            const QString db = serverDatabase(backend, nextName("ingest"), dir, *m_cluster);
            QVERIFY(!enrol(db).isEmpty());
            ServerProcess server(db);
            QVERIFY(server.start());
            Till till(QStringLiteral("T1"));
            const Customer customer = till.addCustomer(QStringLiteral("42"));
            const TimedRound enrolled = timedRound(till.store(), server.url(), enrolmentCode(db, QStringLiteral("T1")), batch, RoundCut::None);
            QVERIFY2(enrolled.result.ok(), qPrintable(enrolled.result.message));
            QList<JournalEntry> samples;
            {
                Transaction transaction(till.database());
                QVERIFY(transaction.begin().ok());
                for (int i = 0; i < entries; ++i) {
                    Result<JournalEntry> entry = till.store().credit().topUp(customer, till.money("1.00"), PaymentJournal::Cash, QString(), "bench");
                    QVERIFY(entry.ok());
                    samples.append(*entry);
                }
                QVERIFY(transaction.commit().ok());
            }
            std::unique_ptr<Bench::StatementCounter> counter;
            if (tracingSql())
                counter = std::make_unique<Bench::StatementCounter>(till.database().connection());
            const PostgresLog log(*m_cluster);
            MemorySampler memory({server.processId()});
            memory.start();
            const TimedRound round = timedRound(till.store(), server.url(), QString(), batch, RoundCut::None, counter.get());
            memory.stop();
            QVERIFY2(round.result.ok(), qPrintable(round.result.message));
            QCOMPARE(round.result.report.pushed, qint64(entries));
            QCOMPARE(serverEntries(server.url()), qint64(entries));
            const QList<Exchange> pushes = round.to(QStringLiteral("/v1/push"));

            std::unique_ptr<Bench::BareInsert> bare = baselineDatabase(backend, nextName("bare"), dir, *m_cluster);
            QVERIFY2(bare, "cannot open the baseline database");
            const std::optional<Bench::BareInsertTiming> baseline = bare->insert(samples, entries, batch);
            QVERIFY2(baseline, qPrintable(bare->error()));

            QJsonObject extra{{QStringLiteral("seconds"), round.seconds},
                              {QStringLiteral("pushRequestsMs"), latencyJson(millisecondsOf(pushes))},
                              {QStringLiteral("requests"), double(round.exchanges.size())},
                              {QStringLiteral("baselineSeconds"), baseline->seconds},
                              {QStringLiteral("baselineRowsPerSecond"), baseline->rowsPerSecond()},
                              {QStringLiteral("baselineBatchMs"), latencyJson(baseline->batchMs)},
                              {QStringLiteral("serverMemory"), memory.json()}};
            if (counter) {
                extra.insert(QStringLiteral("sqlPerPushedEntry"),
                             statementReport(QStringLiteral("per pushed entry (till side)"), counter->phases().at(QStringLiteral("/v1/push")), entries));
            }
            if (isPostgres(backend) && loggingPostgres()) {
                const QMap<QString, qint64> statements = log.statementsSince();
                extra.insert(QStringLiteral("postgresStatements"), countsJson(statements));
                std::printf("    PostgreSQL statements (round trips) in the round: %lld over %lld requests (%lld pushes)\n",
                            static_cast<long long>(statements.value(QStringLiteral("all"))), static_cast<long long>(round.exchanges.size()),
                            static_cast<long long>(pushes.size()));
            }
            std::printf("    round %.2f s, %lld push requests p50 %.1f ms p99 %.1f ms; baseline %.0f rows/s, batch p50 %.1f ms; %s\n",
                        round.seconds, static_cast<long long>(pushes.size()), Bench::percentile(millisecondsOf(pushes), 0.5),
                        Bench::percentile(millisecondsOf(pushes), 0.99), baseline->rowsPerSecond(), Bench::percentile(baseline->batchMs, 0.5),
                        qPrintable(memory.text()));
            figure.addRun(entries / round.seconds, baseline->entriesPerSecond(), extra);
        }
        figure.print();
    }

    void concurrent_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("servers");
        QTest::newRow("sqlite, one server") << QStringLiteral("sqlite") << 1;
        QTest::newRow("postgres, two servers") << QStringLiteral("postgres") << 2;
    }

    // Row 2: SLATE_BENCH_TILLS tills, each a process of its own, push at once.
    void concurrent()
    {
        QFETCH(QString, backend);
        QFETCH(int, servers);
        if (isPostgres(backend) && !m_cluster->available())
            QSKIP(qPrintable(m_cluster->reason()));
        const int tills = sizeFromEnvironment("SLATE_BENCH_TILLS", 20);
        const int perTill = sizeFromEnvironment("SLATE_BENCH_TILL_ENTRIES", 2000);
        const int batch = sizeFromEnvironment("SLATE_BENCH_TILL_BATCH", 200);
        const QString title = QStringLiteral("concurrent %1, %2 server(s), %3 tills x %4 top-ups in batches of %5")
                                  .arg(backend)
                                  .arg(servers)
                                  .arg(tills)
                                  .arg(perTill)
                                  .arg(batch);
        const QJsonObject parameters{{QStringLiteral("backend"), backend}, {QStringLiteral("servers"), servers},
                                     {QStringLiteral("tills"), tills}, {QStringLiteral("entriesPerTill"), perTill},
                                     {QStringLiteral("batch"), batch}};
        const QString words = baselineWords(backend, batch) + QStringLiteral(", one connection");
        Figure throughput(QStringLiteral("concurrent-throughput"), title + QStringLiteral(": aggregate"), QStringLiteral("entries/s"),
                          Figure::Better::Higher, parameters, words);
        Figure p50(QStringLiteral("concurrent-push-p50"), title + QStringLiteral(": push request p50"), QStringLiteral("ms"),
                   Figure::Better::Lower, parameters, words + QStringLiteral("; p50 of one batch's transaction"));
        Figure p99(QStringLiteral("concurrent-push-p99"), title + QStringLiteral(": push request p99"), QStringLiteral("ms"),
                   Figure::Better::Lower, parameters, words + QStringLiteral("; p99 of one batch's transaction"));
        // The baseline's rows: top-ups as the tills make them.
        Till sampler(QStringLiteral("T0"));
        const Customer customer = sampler.addCustomer(QStringLiteral("card-T0"));
        QList<JournalEntry> samples;
        for (int i = 0; i < 50; ++i) {
            Result<JournalEntry> entry = sampler.store().credit().topUp(customer, sampler.money("1.00"), PaymentJournal::Cash, QString(), "bench");
            QVERIFY(entry.ok());
            samples.append(*entry);
        }
        for (int run = 0; run < runs(); ++run) {
            QTemporaryDir dir;
            const QString db = serverDatabase(backend, nextName("concurrent"), dir, *m_cluster);
            QVERIFY(!enrol(db).isEmpty());
            std::vector<std::unique_ptr<ServerProcess>> serverProcesses;
            QList<qint64> pids;
            for (int i = 0; i < servers; ++i) {
                serverProcesses.push_back(std::make_unique<ServerProcess>(db));
                QVERIFY(serverProcesses.back()->start());
                pids.append(serverProcesses.back()->processId());
            }
            Workers workers;
            for (int i = 0; i < tills; ++i) {
                const QString terminal = QStringLiteral("T%1").arg(i + 1);
                const QString folder = dir.filePath(terminal);
                QVERIFY(QDir().mkpath(folder));
                auto worker = std::make_unique<QProcess>();
                worker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
                worker->start(QCoreApplication::applicationFilePath(),
                              {QStringLiteral("till-worker"), QStringLiteral("--server"), serverProcesses[size_t(i % servers)]->url().toString(),
                               QStringLiteral("--code"), enrolmentCode(db, terminal), QStringLiteral("--terminal"), terminal,
                               QStringLiteral("--entries"), QString::number(perTill), QStringLiteral("--batch"), QString::number(batch),
                               QStringLiteral("--dir"), folder});
                workers.push_back(std::move(worker));
            }
            for (auto &worker : workers) {
                QElapsedTimer waited;
                waited.start();
                worker->waitForStarted(30000);
                while (!worker->canReadLine() && worker->state() == QProcess::Running && waited.elapsed() < 300000)
                    worker->waitForReadyRead(1000);
                QCOMPARE(worker->readLine().trimmed(), QByteArray("ready"));
            }
            const PostgresLog log(*m_cluster);
            MemorySampler memory(pids);
            memory.start();
            for (auto &worker : workers)
                worker->write("go\n");
            {
                QEventLoop loop;
                int running = int(workers.size());
                for (auto &worker : workers) {
                    QObject::connect(worker.get(), &QProcess::finished, &loop, [&] {
                        if (--running == 0)
                            loop.quit();
                    });
                }
                QTimer::singleShot(kRoundTimeoutMs, &loop, &QEventLoop::quit);
                loop.exec();
                QCOMPARE(running, 0);
            }
            memory.stop();
            qint64 pushed = 0, busy = 0, first = std::numeric_limits<qint64>::max(), last = 0;
            std::vector<double> latencies;
            for (auto &worker : workers) {
                const QByteArray line = worker->readAllStandardOutput().trimmed();
                QVERIFY2(line.startsWith("result "), line.constData());
                const QJsonObject result = QJsonDocument::fromJson(line.mid(7)).object();
                QVERIFY2(result[QStringLiteral("failure")].toString().isEmpty(), qPrintable(result[QStringLiteral("failure")].toString()));
                pushed += qint64(result[QStringLiteral("pushed")].toDouble());
                busy += qint64(result[QStringLiteral("busy")].toDouble());
                for (const QJsonValue &value : result[QStringLiteral("pushes")].toArray()) {
                    const QJsonArray push = value.toArray();
                    const qint64 start = qint64(push.at(0).toDouble()), end = qint64(push.at(1).toDouble());
                    first = std::min(first, start);
                    last = std::max(last, end);
                    if (push.at(2).toInt() == 200)
                        latencies.push_back(double(end - start) / 1e6);
                }
            }
            QCOMPARE(pushed, qint64(tills) * perTill);
            QCOMPARE(serverEntries(serverProcesses.front()->url()), qint64(tills) * perTill);
            const double window = double(last - first) / 1e9;

            std::unique_ptr<Bench::BareInsert> bare = baselineDatabase(backend, nextName("bare"), dir, *m_cluster);
            QVERIFY2(bare, "cannot open the baseline database");
            const std::optional<Bench::BareInsertTiming> baseline = bare->insert(samples, qint64(tills) * perTill, batch);
            QVERIFY2(baseline, qPrintable(bare->error()));

            QJsonObject extra{{QStringLiteral("pushWindowSeconds"), window},
                              {QStringLiteral("pushRequestsMs"), latencyJson(latencies)},
                              {QStringLiteral("busyAnswers"), double(busy)},
                              {QStringLiteral("baselineSeconds"), baseline->seconds},
                              {QStringLiteral("baselineBatchMs"), latencyJson(baseline->batchMs)},
                              {QStringLiteral("serverMemory"), memory.json()}};
            if (isPostgres(backend) && loggingPostgres()) {
                const QMap<QString, qint64> statements = log.statementsSince();
                extra.insert(QStringLiteral("postgresStatements"), countsJson(statements));
                std::printf("    PostgreSQL statements (round trips): %.1f per push request of %d\n",
                            double(statements.value(QStringLiteral("all"))) / double(std::max<size_t>(latencies.size(), 1)), batch);
            }
            std::printf("    push window %.2f s, %zu push requests (%lld busy); %s\n", window, latencies.size(),
                        static_cast<long long>(busy), qPrintable(memory.text()));
            throughput.addRun(double(pushed) / window, baseline->entriesPerSecond(), extra);
            p50.addRun(Bench::percentile(latencies, 0.5), Bench::percentile(baseline->batchMs, 0.5));
            p99.addRun(Bench::percentile(latencies, 0.99), Bench::percentile(baseline->batchMs, 0.99));
        }
        throughput.print();
        p50.print();
        p99.print();
    }

    void convergence_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    // Row 3: three tills sell offline, then sync in turns until converged.
    void convergence()
    {
        QFETCH(QString, backend);
        if (isPostgres(backend) && !m_cluster->available())
            QSKIP(qPrintable(m_cluster->reason()));
        const int sales = sizeFromEnvironment("SLATE_BENCH_SALES", 5000);
        constexpr int kPushBatch = 1000;
        constexpr int kPullPage = 500; // the client's default
        Figure figure(QStringLiteral("convergence"),
                      QStringLiteral("convergence %1, 3 tills x %2 offline sales").arg(backend).arg(sales), QStringLiteral("s"),
                      Figure::Better::Lower,
                      QJsonObject{{QStringLiteral("backend"), backend}, {QStringLiteral("tills"), 3}, {QStringLiteral("salesPerTill"), sales},
                                  {QStringLiteral("pushBatch"), kPushBatch}, {QStringLiteral("pullPage"), kPullPage}},
                      QStringLiteral("the rows convergence writes, bare: 3N entries with postings into the server's kind of database "
                                     "(%1) + 6N into a SQLite file as the tills store them (batches of %2)")
                          .arg(baselineWords(backend, kPushBatch))
                          .arg(kPullPage));
        for (int run = 0; run < runs(); ++run) {
            QTemporaryDir dir;
            const QString db = serverDatabase(backend, nextName("converge"), dir, *m_cluster);
            QVERIFY(!enrol(db).isEmpty());
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
            for (auto &till : tills) {
                const TimedRound enrolled = timedRound(till->store(), server.url(), enrolmentCode(db, till->store().identity().terminalId),
                                                       kPushBatch, RoundCut::None);
                QVERIFY2(enrolled.result.ok(), qPrintable(enrolled.result.message));
            }
            QVERIFY(timedRound(first, server.url(), QString(), kPushBatch, RoundCut::None).result.ok());
            std::vector<std::unique_ptr<Bench::StatementCounter>> counters;
            for (auto &till : tills)
                counters.push_back(tracingSql() ? std::make_unique<Bench::StatementCounter>(till->database().connection()) : nullptr);
            // Offline: every till sells to the shared customers, paid by card. The sales are made in
            // transactions of 500 (untimed set-up); each is a savepoint with the same statements as alone.
            QList<JournalEntry> samples;
            for (size_t t = 0; t < tills.size(); ++t) {
                Till &till = *tills[t];
                if (counters[t])
                    counters[t]->setPhase(QStringLiteral("sale"));
                for (int done = 0; done < sales;) {
                    Transaction transaction(till.database());
                    QVERIFY(transaction.begin().ok());
                    for (int i = 0; i < 500 && done < sales; ++i, ++done) {
                        const SaleRequest request{"cas", customers.at(done % customers.size()), {{"MUG", 1, std::nullopt}, {"TEA", 2, std::nullopt}},
                                                  {{TenderKind::Card, till.money("145.80")}}, {}};
                        const Result<SaleReceipt> receipt = till.store().checkout().sale(request);
                        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.message()));
                        samples.append(receipt->entry);
                    }
                    QVERIFY(transaction.commit().ok());
                }
                if (counters[t])
                    counters[t]->setPhase(QStringLiteral("other"));
            }
            const qint64 total = *first.journal().entryCount() + 2 * qint64(sales);
            const PostgresLog log(*m_cluster);
            QElapsedTimer timer;
            timer.start();
            int rounds = 0;
            qint64 pushed = 0, pulled = 0;
            for (bool converged = false; !converged && rounds < 12; ++rounds) {
                for (size_t t = 0; t < tills.size(); ++t) {
                    const TimedRound round = timedRound(tills[t]->store(), server.url(), QString(), kPushBatch, RoundCut::None, counters[t].get());
                    QVERIFY2(round.result.ok(), qPrintable(round.result.message));
                    pushed += round.result.report.pushed;
                    pulled += round.result.report.pulled;
                }
                converged = true;
                for (auto &till : tills)
                    converged = converged && *till->store().journal().entryCount() == total;
            }
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            for (auto &till : tills) {
                QCOMPARE(*till->store().journal().entryCount(), total);
                QCOMPARE(till->balances(), tills.front()->balances());
            }
            QCOMPARE(pushed, 3 * qint64(sales));
            QCOMPARE(pulled, 6 * qint64(sales));

            std::unique_ptr<Bench::BareInsert> serverBare = baselineDatabase(backend, nextName("bare"), dir, *m_cluster);
            std::unique_ptr<Bench::BareInsert> tillBare = Bench::BareInsert::sqlite(dir.filePath(QStringLiteral("bare-till.db")));
            QVERIFY2(serverBare && tillBare, "cannot open the baseline databases");
            const std::optional<Bench::BareInsertTiming> serverPart = serverBare->insert(samples, 3 * qint64(sales), kPushBatch);
            QVERIFY2(serverPart, qPrintable(serverBare->error()));
            const std::optional<Bench::BareInsertTiming> tillPart = tillBare->insert(samples, 6 * qint64(sales), kPullPage);
            QVERIFY2(tillPart, qPrintable(tillBare->error()));
            const double baseline = serverPart->seconds + tillPart->seconds;

            QJsonObject extra{{QStringLiteral("rounds"), rounds},
                              {QStringLiteral("entries"), double(total)},
                              {QStringLiteral("postingsPerEntry"), double(samples.first().postings.size())},
                              {QStringLiteral("baselineServerSeconds"), serverPart->seconds},
                              {QStringLiteral("baselineTillSeconds"), tillPart->seconds}};
            if (tracingSql()) {
                Bench::StatementCounter::Counts sale, pushPhase, pullPhase;
                auto add = [](Bench::StatementCounter::Counts &into, const std::map<QString, Bench::StatementCounter::Counts> &phases,
                              const QString &phase) {
                    const auto it = phases.find(phase);
                    if (it == phases.end())
                        return;
                    into.statements += it->second.statements;
                    into.triggerStatements += it->second.triggerStatements;
                    for (const auto &[text, count] : it->second.byText)
                        into.byText[text] += count;
                };
                for (const auto &counter : counters) {
                    add(sale, counter->phases(), QStringLiteral("sale"));
                    add(pushPhase, counter->phases(), QStringLiteral("/v1/push"));
                    add(pullPhase, counter->phases(), QStringLiteral("/v1/pull"));
                }
                extra.insert(QStringLiteral("sqlPerSale"), statementReport(QStringLiteral("per sale"), sale, 3 * qint64(sales)));
                extra.insert(QStringLiteral("sqlPerPushedEntry"),
                             statementReport(QStringLiteral("per pushed entry (till side)"), pushPhase, pushed));
                extra.insert(QStringLiteral("sqlPerPulledEntry"), statementReport(QStringLiteral("per pulled entry"), pullPhase, pulled));
            }
            if (isPostgres(backend) && loggingPostgres())
                extra.insert(QStringLiteral("postgresStatements"), countsJson(log.statementsSince()));
            std::printf("    %lld entries, converged over %d round(s) of the three; baseline server part %.2f s + till part %.2f s\n",
                        static_cast<long long>(total), rounds, serverPart->seconds, tillPart->seconds);
            figure.addRun(seconds, baseline, extra);
        }
        figure.print();
    }
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "till-worker") == 0)
        return runTillWorker(application.arguments().mid(2));
    // A row takes minutes (three runs); QtTest's watchdog would stop it after five.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "7200000");
    bench_Sync bench;
    return QTest::qExec(&bench, argc, argv);
}

#include "bench_sync.moc"
