// Database runs its statements on the database library directly (SQLite's handle, libpq's
// connection: the fast path) or through QtSql's driver (a Qt with its own copy of the library).
// Both must read and write the same, on SQLite and on PostgreSQL: every value type, NULL and '',
// errors, kept and nested statements, rows read after the bound values' owner is gone.

#include "postgrescluster.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Slate::Core;
using Slate::Test::PostgresCluster;

namespace {

PostgresCluster *g_cluster = nullptr;

// A schema of one table, written once for both dialects.
const SchemaStatement kScratchTable[] = {{"CREATE TABLE t (k {id}, i BIGINT, r DOUBLE PRECISION, s TEXT UNIQUE, b {blob}, n TEXT)"}};
const MigrationStep kScratchSteps[] = {{{kScratchTable}}};
const SchemaDefinition kScratch{"scratch", 0x534C5458, VersionStore::MetaTable, kScratchSteps, "the test", "the test"};
int g_databases = 0;

struct Opened {
    QTemporaryDir dir;
    QString where; // what error messages name: the file's folder or the PostgreSQL database
    std::unique_ptr<Database> database;
};

std::unique_ptr<Opened> openScratch(bool direct, const QString &dialect = QStringLiteral("sqlite"))
{
    auto opened = std::make_unique<Opened>();
    OpenOptions options;
    options.mode = OpenMode::OpenOrCreate;
    options.direct = direct;
    options.schema = &kScratch;
    const bool postgres = dialect == QLatin1String("postgres");
    QString location = opened->dir.filePath(QStringLiteral("t.db"));
    opened->where = opened->dir.path();
    if (postgres) {
        const QString name = QStringLiteral("scratch%1").arg(++g_databases);
        location = g_cluster->createDatabase(name);
        opened->where = name;
    }
    Result<std::unique_ptr<Database>> database = Database::open(location, options);
    if (!database) {
        qWarning("%s", qPrintable(database.message()));
        return nullptr;
    }
    opened->database = std::move(*database);
    return opened;
}

void addDialects()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

#define SLATE_FETCH_DIALECT()                                                                                          \
    QFETCH_GLOBAL(QString, dialect);                                                                                  \
    if (dialect == QLatin1String("postgres"))                                                                         \
        SLATE_REQUIRE_POSTGRES(*g_cluster)

// Every row of `sql` as (type name, value) pairs, column by column.
QList<QList<QPair<QByteArray, QVariant>>> rowsOf(const Database &database, const QString &sql, const QVariantList &values = {})
{
    QList<QList<QPair<QByteArray, QVariant>>> rows;
    Result<Query> query = database.run(sql, values, QStringLiteral("read rows"));
    if (!query)
        return rows;
    while (query->next()) {
        QList<QPair<QByteArray, QVariant>> row;
        for (int column = 0; column < 6; ++column) {
            const QVariant value = query->value(column);
            // QtSql's PostgreSQL driver gives BIGINT as qulonglong (a negative one wraps back
            // through toLongLong); the direct path gives the signed type the column holds.
            QByteArray type = value.typeName();
            if (type == "qulonglong")
                type = "qlonglong";
            row.append({type + (query->isNull(column) ? QByteArrayLiteral(" null") : QByteArray()), value});
        }
        rows.append(row);
    }
    return rows;
}

const QString kInsert = QStringLiteral("INSERT INTO t (i, r, s, b, n) VALUES (?, ?, ?, ?, ?)");

QVariantList sampleRows()
{
    return {
        qint64(std::numeric_limits<qint64>::max()), 1.5, QStringLiteral("Blåbær 🍓 øre"), QByteArray("a\0b", 3), QVariant(),
        qint64(-1), -0.25, QString(), QByteArray(), QStringLiteral("x"),
        int(1), 0.0, QStringLiteral("z"), QByteArray("\xff", 1), QStringLiteral(""),
        int(7), 3.0, QStringLiteral("'quoted'; DROP TABLE t; --"), QByteArray(), QVariant(),
    };
}

} // namespace

class tst_Database : public QObject {
    Q_OBJECT
    std::unique_ptr<PostgresCluster> m_cluster;
private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<PostgresCluster>();
        g_cluster = m_cluster.get();
    }
    void initTestCase_data() { addDialects(); }
    void debianDriversShareTheLibraries();
    void bothPathsReadAndWriteTheSame();
    void errorsAreReportedOnBothPaths_data();
    void errorsAreReportedOnBothPaths();
    void keptStatementIsPreparedOnce();
    void sameStatementNestedInItsOwnRows();
    void rowsOutliveTheBoundValuesOwner();
    void rowsAffectedAndFinish();
    void idleCheckpointsKeepCommitsOffTheFile();
};

void tst_Database::debianDriversShareTheLibraries()
{
    // Debian's QSQLITE and QPSQL plugins link the system libsqlite3 and libpq, so the fast path
    // is taken; a silent fall-back would cost a push half its speed without failing anything else.
    SLATE_FETCH_DIALECT();
    std::unique_ptr<Opened> direct = openScratch(true, dialect);
    QVERIFY(direct);
    QVERIFY(direct->database->isDirect());
    std::unique_ptr<Opened> viaQtSql = openScratch(false, dialect);
    QVERIFY(viaQtSql);
    QVERIFY(!viaQtSql->database->isDirect());
}

void tst_Database::bothPathsReadAndWriteTheSame()
{
    SLATE_FETCH_DIALECT();
    std::unique_ptr<Opened> direct = openScratch(true, dialect);
    std::unique_ptr<Opened> viaQtSql = openScratch(false, dialect);
    QVERIFY(direct && viaQtSql);
    const QVariantList rows = sampleRows();
    for (Opened *opened : {direct.get(), viaQtSql.get()}) {
        for (qsizetype at = 0; at < rows.size(); at += 5)
            QVERIFY(opened->database->run(kInsert, rows.mid(at, 5), QStringLiteral("insert")).ok());
    }
    const QString select = QStringLiteral("SELECT k, i, r, s, b, n FROM t ORDER BY k");
    const auto fast = rowsOf(*direct->database, select);
    const auto slow = rowsOf(*viaQtSql->database, select);
    QCOMPARE(fast.size(), 4);
    QCOMPARE(fast, slow);
    // What the rows hold, spelled out: a null QString is stored as '' (Slate's "none"), an
    // invalid QVariant as NULL, which reads back as a null QString.
    QCOMPARE(fast.at(0).at(1).second, QVariant(qint64(std::numeric_limits<qint64>::max())));
    QCOMPARE(fast.at(0).at(3).second.toString(), QStringLiteral("Blåbær 🍓 øre"));
    QCOMPARE(fast.at(0).at(4).second.toByteArray(), QByteArray("a\0b", 3));
    QCOMPARE(fast.at(0).at(5).first, QByteArray("QString null"));
    QCOMPARE(fast.at(1).at(3).first, QByteArray("QString"));
    QCOMPARE(fast.at(1).at(3).second.toString(), QString());
    QCOMPARE(fast.at(1).at(2).second, QVariant(-0.25));
    QCOMPARE(fast.at(2).at(1).second, QVariant(qint64(1)));
    QCOMPARE(fast.at(2).at(5).first, QByteArray("QString"));
    QCOMPARE(fast.at(3).at(3).second.toString(), QStringLiteral("'quoted'; DROP TABLE t; --"));
    // A bound parameter compares as the value it is, on both paths.
    for (Opened *opened : {direct.get(), viaQtSql.get()}) {
        const auto found = rowsOf(*opened->database, QStringLiteral("SELECT k, i, r, s, b, n FROM t WHERE s = ? AND i = ?"),
                                  {QStringLiteral("Blåbær 🍓 øre"), qint64(std::numeric_limits<qint64>::max())});
        QCOMPARE(found.size(), 1);
    }
}

void tst_Database::errorsAreReportedOnBothPaths_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<QStringList>("expected"); // one of them in the message (SQLite's, PostgreSQL's words)
    QTest::newRow("unique") << kInsert << QVariantList{1, 1.0, QStringLiteral("dup"), QByteArray(), QVariant()}
                            << QStringList{QStringLiteral("unique")};
    QTest::newRow("too few values") << kInsert << QVariantList{1, 2.0} << QStringList{QStringLiteral("Could not insert in")};
    QTest::newRow("too many values") << QStringLiteral("SELECT ?") << QVariantList{1, 2} << QStringList{QStringLiteral("Could not insert in")};
    QTest::newRow("syntax") << QStringLiteral("SELEC 1") << QVariantList{} << QStringList{QStringLiteral("syntax error")};
    QTest::newRow("no such table") << QStringLiteral("SELECT * FROM nowhere") << QVariantList{}
                                   << QStringList{QStringLiteral("no such table"), QStringLiteral("does not exist")};
    QTest::newRow("two statements") << QStringLiteral("SELECT 1; DELETE FROM t") << QVariantList{}
                                    << QStringList{QStringLiteral("Could not insert in")};
}

void tst_Database::errorsAreReportedOnBothPaths()
{
    SLATE_FETCH_DIALECT();
    QFETCH(QString, sql);
    QFETCH(QVariantList, values);
    QFETCH(QStringList, expected);
    for (bool direct : {true, false}) {
        // QtSql's PostgreSQL driver sends "PREPARE … AS SELECT 1; DELETE FROM t" as one text,
        // which runs the DELETE; Slate never passes two statements, and the direct path refuses.
        if (!direct && dialect == QLatin1String("postgres") && QByteArray(QTest::currentDataTag()) == "two statements")
            continue;
        std::unique_ptr<Opened> opened = openScratch(direct, dialect);
        QVERIFY(opened);
        QVERIFY(opened->database->run(kInsert, {1, 1.0, QStringLiteral("dup"), QByteArray(), QVariant()}, QStringLiteral("insert")).ok());
        const Result<Query> failed = opened->database->run(sql, values, QStringLiteral("insert"));
        QVERIFY2(!failed, qPrintable(sql));
        QVERIFY2(std::any_of(expected.begin(), expected.end(),
                             [&failed](const QString &words) { return failed.message().contains(words, Qt::CaseInsensitive); }),
                 qPrintable(failed.message()));
        QVERIFY2(failed.message().contains(opened->where), qPrintable(failed.message()));
        // Nothing was half-written, and the connection still works.
        QCOMPARE(rowsOf(*opened->database, QStringLiteral("SELECT k, i, r, s, b, n FROM t")).size(), 1);
    }
}

void tst_Database::keptStatementIsPreparedOnce()
{
    SLATE_FETCH_DIALECT();
    std::unique_ptr<Opened> opened = openScratch(true, dialect);
    QVERIFY(opened);
    const Database::Statistics before = opened->database->statistics();
    for (int i = 0; i < 50; ++i)
        QVERIFY(opened->database->run(kInsert, {i, 0.0, QString::number(i), QByteArray(), QVariant()}, QStringLiteral("insert")).ok());
    QCOMPARE(opened->database->statistics().prepared - before.prepared, 1);
    QCOMPARE(opened->database->statistics().executed - before.executed, 50);
    QCOMPARE(rowsOf(*opened->database, QStringLiteral("SELECT k, i, r, s, b, n FROM t")).size(), 50);
}

void tst_Database::sameStatementNestedInItsOwnRows()
{
    SLATE_FETCH_DIALECT();
    for (bool direct : {true, false}) {
        // QtSql's PostgreSQL driver reads forward-only rows one at a time from the connection, so
        // a second statement while they are read loses them ("Query results lost"); the direct
        // path holds each result whole, as SQLite's statements are independent.
        if (!direct && dialect == QLatin1String("postgres"))
            continue;
        std::unique_ptr<Opened> opened = openScratch(direct, dialect);
        QVERIFY(opened);
        for (int i = 0; i < 3; ++i)
            QVERIFY(opened->database->run(kInsert, {i, 0.0, QString::number(i), QByteArray(), QVariant()}, QStringLiteral("insert")).ok());
        const QString sql = QStringLiteral("SELECT i FROM t WHERE i >= ? ORDER BY i");
        Result<Query> outer = opened->database->run(sql, {0}, QStringLiteral("read"));
        QVERIFY(outer.ok());
        QList<qint64> pairs;
        while (outer->next()) {
            Result<Query> inner = opened->database->run(sql, {outer->value(0)}, QStringLiteral("read"));
            QVERIFY(inner.ok());
            while (inner->next())
                pairs.append(outer->value(0).toLongLong() * 10 + inner->value(0).toLongLong());
        }
        QCOMPARE(pairs, (QList<qint64>{0, 1, 2, 11, 12, 22}));
    }
}

void tst_Database::rowsOutliveTheBoundValuesOwner()
{
    // The caller's values are a temporary: text bound in place must stay valid while the rows
    // are read (SQLite reads parameters again on later steps).
    SLATE_FETCH_DIALECT();
    std::unique_ptr<Opened> opened = openScratch(true, dialect);
    QVERIFY(opened);
    for (int i = 0; i < 200; ++i)
        QVERIFY(opened->database->run(kInsert, {i, 0.0, QStringLiteral("row %1").arg(i), QByteArray(), QVariant()}, QStringLiteral("insert")).ok());
    Result<Query> query = opened->database->run(QStringLiteral("SELECT count(*) FROM t t1 JOIN t t2 ON t2.s > t1.s WHERE t1.s >= ? GROUP BY t1.k ORDER BY t1.k"),
                                                {QString(QStringLiteral("row 1")).repeated(1)}, QStringLiteral("read"));
    QVERIFY(query.ok());
    QList<QString> garbage;
    for (int i = 0; i < 1000; ++i)
        garbage.append(QString(64, QLatin1Char('z')));
    int rows = 0;
    while (query->next())
        ++rows;
    QVERIFY(!query->lastError().isValid());
    // "row 1" <= s: every row but "row 0", less the greatest ("row 99"), which no row exceeds.
    QCOMPARE(rows, 198);
}

void tst_Database::rowsAffectedAndFinish()
{
    SLATE_FETCH_DIALECT();
    for (bool direct : {true, false}) {
        std::unique_ptr<Opened> opened = openScratch(direct, dialect);
        QVERIFY(opened);
        for (int i = 0; i < 5; ++i)
            QVERIFY(opened->database->run(kInsert, {i, 0.0, QString::number(i), QByteArray(), QVariant()}, QStringLiteral("insert")).ok());
        Result<Query> updated = opened->database->run(QStringLiteral("UPDATE t SET r = 1 WHERE i < ?"), {3}, QStringLiteral("update"));
        QVERIFY(updated.ok());
        QCOMPARE(updated->numRowsAffected(), 3);
        Result<Query> read = opened->database->run(QStringLiteral("SELECT i FROM t ORDER BY i"), {}, QStringLiteral("read"));
        QVERIFY(read.ok() && read->next());
        QCOMPARE(read->value(0), QVariant(qint64(0)));
        QVERIFY(!read->value(7).isValid());
        read->finish();
        QVERIFY(!read->next());
        // A finished statement is handed out again and starts from the first row.
        Result<Query> again = opened->database->run(QStringLiteral("SELECT i FROM t ORDER BY i"), {}, QStringLiteral("read"));
        QVERIFY(again.ok() && again->next());
        QCOMPARE(again->value(0), QVariant(qint64(0)));
    }
}

void tst_Database::idleCheckpointsKeepCommitsOffTheFile()
{
    // The till's policy: a commit writes only the log; checkpointIfDue (the app calls it when
    // idle) moves it into the database file. SQLite's own policy checkpoints at the commit that
    // passes 1000 pages. 5 MiB of rows is 1,280 pages of log.
    QFETCH_GLOBAL(QString, dialect);
    if (dialect != QLatin1String("sqlite"))
        QSKIP("a SQLite write-ahead log");
    for (const CheckpointPolicy policy : {CheckpointPolicy::WhenIdle, CheckpointPolicy::OnCommit}) {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("t.db"));
        OpenOptions options;
        options.mode = OpenMode::CreateNew;
        options.schema = &kScratch;
        options.checkpoints = policy;
        Result<std::unique_ptr<Database>> opened = Database::open(file, options);
        QVERIFY(opened.ok());
        Database &database = **opened;
        QVERIFY(database.checkpointIfDue().ok()); // the schema's commits
        const qint64 before = QFileInfo(file).size();
        {
            Transaction transaction(database);
            QVERIFY(transaction.begin().ok());
            for (int i = 0; i < 80; ++i)
                QVERIFY(database.run(kInsert, {i, 0.0, QString::number(i), QByteArray(64 * 1024, char('a' + i % 26)), QVariant()},
                                     QStringLiteral("insert")).ok());
            // Never inside a transaction: nothing is run.
            const qint64 executed = database.statistics().executed;
            QVERIFY(database.checkpointIfDue().ok());
            QCOMPARE(database.statistics().executed, executed);
            QVERIFY(transaction.commit().ok());
        }
        const qint64 afterCommit = QFileInfo(file).size();
        if (policy == CheckpointPolicy::OnCommit) {
            QVERIFY2(afterCommit > before + 4 * 1024 * 1024, qPrintable(QString::number(afterCommit)));
            continue;
        }
        QCOMPARE(afterCommit, before);
        qint64 executed = database.statistics().executed;
        QVERIFY(database.checkpointIfDue().ok());
        QCOMPARE(database.statistics().executed, executed + 1);
        QVERIFY2(QFileInfo(file).size() > before + 4 * 1024 * 1024, qPrintable(QString::number(QFileInfo(file).size())));
        // Nothing committed since: nothing to do.
        executed = database.statistics().executed;
        QVERIFY(database.checkpointIfDue().ok());
        QCOMPARE(database.statistics().executed, executed);
    }
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
