// Database on SQLite runs its statements on SQLite's handle directly (the fast path) or through
// QtSql's driver (a Qt with its own SQLite). Both must read and write the same: every value
// type, NULL and '', errors, kept and nested statements, rows read after the bound values'
// owner is gone.

#include "storage/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Slate::Core;

namespace {

struct Opened {
    QTemporaryDir dir;
    std::unique_ptr<Database> database;
};

std::unique_ptr<Opened> openScratch(bool direct)
{
    auto opened = std::make_unique<Opened>();
    OpenOptions options;
    options.mode = OpenMode::CreateNew;
    options.sqliteDirect = direct;
    Result<std::unique_ptr<Database>> database = Database::open(opened->dir.filePath(QStringLiteral("t.db")), options);
    if (!database) {
        qWarning("%s", qPrintable(database.message()));
        return nullptr;
    }
    opened->database = std::move(*database);
    if (!opened->database->execute(QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT UNIQUE, b BLOB, n TEXT)"),
                                   QStringLiteral("create a table")))
        return nullptr;
    return opened;
}

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
            row.append({QByteArray(value.typeName()) + (query->isNull(column) ? QByteArrayLiteral(" null") : QByteArray()), value});
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
        true, 0.0, QStringLiteral("z"), QByteArray("\xff", 1), QStringLiteral(""),
        int(7), 3.0, QStringLiteral("'quoted'; DROP TABLE t; --"), QByteArray(), QVariant(),
    };
}

} // namespace

class tst_Database : public QObject {
    Q_OBJECT
private slots:
    void debianDriverSharesSqlite();
    void bothPathsReadAndWriteTheSame();
    void errorsAreReportedOnBothPaths_data();
    void errorsAreReportedOnBothPaths();
    void keptStatementIsPreparedOnce();
    void sameStatementNestedInItsOwnRows();
    void rowsOutliveTheBoundValuesOwner();
    void rowsAffectedAndFinish();
};

void tst_Database::debianDriverSharesSqlite()
{
    // Debian's QSQLITE plugin links the system libsqlite3, so the fast path is taken; a silent
    // fall-back would cost a push half its speed without failing anything else.
    std::unique_ptr<Opened> direct = openScratch(true);
    QVERIFY(direct);
    QVERIFY(direct->database->isSqliteDirect());
    std::unique_ptr<Opened> viaQtSql = openScratch(false);
    QVERIFY(viaQtSql);
    QVERIFY(!viaQtSql->database->isSqliteDirect());
}

void tst_Database::bothPathsReadAndWriteTheSame()
{
    std::unique_ptr<Opened> direct = openScratch(true);
    std::unique_ptr<Opened> viaQtSql = openScratch(false);
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
    QTest::addColumn<QString>("expected"); // in the message
    QTest::newRow("unique") << kInsert << QVariantList{1, 1.0, QStringLiteral("dup"), QByteArray(), QVariant()} << QStringLiteral("UNIQUE");
    QTest::newRow("too few values") << kInsert << QVariantList{1, 2.0} << QStringLiteral("Could not insert in");
    QTest::newRow("too many values") << QStringLiteral("SELECT ?") << QVariantList{1, 2} << QStringLiteral("Could not insert in");
    QTest::newRow("syntax") << QStringLiteral("SELEC 1") << QVariantList{} << QStringLiteral("syntax error");
    QTest::newRow("no such table") << QStringLiteral("SELECT * FROM nowhere") << QVariantList{} << QStringLiteral("no such table");
    QTest::newRow("two statements") << QStringLiteral("SELECT 1; DELETE FROM t") << QVariantList{} << QStringLiteral("Could not insert in");
}

void tst_Database::errorsAreReportedOnBothPaths()
{
    QFETCH(QString, sql);
    QFETCH(QVariantList, values);
    QFETCH(QString, expected);
    for (bool direct : {true, false}) {
        std::unique_ptr<Opened> opened = openScratch(direct);
        QVERIFY(opened);
        QVERIFY(opened->database->run(kInsert, {1, 1.0, QStringLiteral("dup"), QByteArray(), QVariant()}, QStringLiteral("insert")).ok());
        const Result<Query> failed = opened->database->run(sql, values, QStringLiteral("insert"));
        QVERIFY2(!failed, qPrintable(sql));
        QVERIFY2(failed.message().contains(expected), qPrintable(failed.message()));
        QVERIFY2(failed.message().contains(opened->dir.path()), qPrintable(failed.message()));
        // Nothing was half-written, and the connection still works.
        QCOMPARE(rowsOf(*opened->database, QStringLiteral("SELECT k, i, r, s, b, n FROM t")).size(), 1);
    }
}

void tst_Database::keptStatementIsPreparedOnce()
{
    std::unique_ptr<Opened> opened = openScratch(true);
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
    for (bool direct : {true, false}) {
        std::unique_ptr<Opened> opened = openScratch(direct);
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
    std::unique_ptr<Opened> opened = openScratch(true);
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
    for (bool direct : {true, false}) {
        std::unique_ptr<Opened> opened = openScratch(direct);
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

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
