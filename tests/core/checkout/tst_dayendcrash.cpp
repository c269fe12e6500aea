// Kills (SIGKILL) a process that closes days in a loop at random moments, also in the middle of a
// Z report, and checks that every Z it reported is stored, that the Z numbers stay 1, 2, 3 …
// without a gap or a repeat, that each Z's day starts where the previous one ended, that no
// difference entry is left without its Z (nor a Z without its entry), and that the journal still
// verifies. The seed is printed; set SLATE_CRASH_SEED to replay a run.

#include "ledgercheck.h"
#include "teststore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

using namespace Slate::Core;

class tst_DayEndCrash : public QObject {
    Q_OBJECT
private slots:
    void killedZLeavesNoGapAndNoHalfDay();
};

namespace {

constexpr int kKills = 40;
constexpr int kDelayMinMs = 2;
constexpr int kDelayMaxMs = 60;
constexpr int kFirstLineTimeoutMs = 20000;

quint32 seedFromEnvironment()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("SLATE_CRASH_SEED").toUInt(&ok);
    return ok ? seed : QRandomGenerator::system()->generate();
}

template <typename T>
QString messageOf(const Result<T> &result)
{
    return result.ok() ? QString() : result.message();
}

} // namespace

void tst_DayEndCrash::killedZLeavesNoGapAndNoHalfDay()
{
    const quint32 seed = seedFromEnvironment();
    qInfo("tst_DayEndCrash seed: %u (set SLATE_CRASH_SEED=%u to replay)", seed, seed);
    QRandomGenerator random(seed);
    Slate::Test::TestStore store;
    QVERIFY(store.ok());
    QVERIFY((*store).users().add(QStringLiteral("mgr"), Role::Manager, QStringLiteral("2222")).ok());
    const QString path = store.path();
    store.close();

    QMap<qint64, QString> reported; // Z number -> its difference entry, as the child printed them
    for (int kill = 0; kill < kKills; ++kill) {
        const int delayMs = int(random.bounded(kDelayMinMs, kDelayMaxMs + 1));
        QProcess child;
        child.start(QStringLiteral(DAYENDCHILD_PATH), {path, QStringLiteral("mgr")});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        QVERIFY2(child.waitForReadyRead(kFirstLineTimeoutMs),
                 qPrintable(QStringLiteral("kill %1: the child wrote nothing: %2").arg(kill).arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        QThread::msleep(ulong(delayMs));
        QVERIFY2(child.state() == QProcess::Running,
                 qPrintable(QStringLiteral("kill %1: the child stopped by itself: %2").arg(kill).arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // the last piece never is a finished line
            const QList<QByteArray> fields = lines.at(i).split(' ');
            QCOMPARE(fields.size(), qsizetype(2));
            const qint64 number = fields.at(0).toLongLong();
            QVERIFY2(!reported.contains(number), qPrintable(QStringLiteral("Z %1 was reported twice").arg(number)));
            reported.insert(number, QString::fromLatin1(fields.at(1)));
        }

        auto reopened = Store::open(path);
        QVERIFY2(reopened.ok(), qPrintable(messageOf(reopened)));
        Store &after = **reopened;
        const auto verified = after.journal().verify();
        QVERIFY2(verified.ok(), qPrintable(QStringLiteral("kill %1 after %2 ms: %3").arg(kill).arg(delayMs).arg(messageOf(verified))));
        auto rows = after.database().run(QStringLiteral("SELECT number, sequence_after, sequence_through, difference_entry_id "
                                                        "FROM day_reports WHERE kind = 'Z' ORDER BY number"),
                                         {}, QStringLiteral("read the Z reports"));
        QVERIFY2(rows.ok(), qPrintable(messageOf(rows)));
        qint64 expectedNumber = 1, previousThrough = 0;
        QMap<qint64, QString> stored;
        while (rows->next()) {
            const qint64 number = rows->value(0).toLongLong();
            QCOMPARE(number, expectedNumber++);
            QCOMPARE(rows->value(1).toLongLong(), previousThrough);
            previousThrough = rows->value(2).toLongLong();
            stored.insert(number, rows->value(3).toString());
            // Its difference entry is the last entry of its day.
            auto entry = after.database().run(QStringLiteral("SELECT sequence, kind FROM journal_entries WHERE id = ?"),
                                              {rows->value(3).toString()}, QStringLiteral("find a difference entry"));
            QVERIFY2(entry.ok() && entry->next(), qPrintable(QStringLiteral("Z %1 has no difference entry").arg(number)));
            QCOMPARE(entry->value(0).toLongLong(), previousThrough);
            QCOMPARE(entry->value(1).toString(), QStringLiteral("cash-difference"));
        }
        rows->finish();
        for (auto it = reported.cbegin(); it != reported.cend(); ++it)
            QVERIFY2(stored.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("kill %1 after %2 ms: reported Z %3 is not stored as reported").arg(kill).arg(delayMs).arg(it.key())));
        // No difference entry without its Z, no Z without its event.
        auto counts = after.database().run(
            QStringLiteral("SELECT (SELECT count(*) FROM journal_entries WHERE kind = 'cash-difference'), "
                           "(SELECT count(*) FROM till_events WHERE kind = 'z-report')"),
            {}, QStringLiteral("count"));
        QVERIFY(counts.ok() && counts->next());
        QCOMPARE(counts->value(0).toLongLong(), qint64(stored.size()));
        QCOMPARE(counts->value(1).toLongLong(), qint64(stored.size()));
        counts->finish();
        // The drawer: 1.00 for every cash in that committed, less 0.01 for every Z.
        auto cashIns = after.database().run(QStringLiteral("SELECT count(*) FROM journal_entries WHERE kind = 'cash-in'"), {},
                                            QStringLiteral("count"));
        QVERIFY(cashIns.ok() && cashIns->next());
        const qint64 ins = cashIns->value(0).toLongLong();
        cashIns->finish();
        QCOMPARE(after.drawer().drawerCash()->minorUnits(), ins * 100 - qint64(stored.size()));
        QVERIFY(ins >= qint64(stored.size()));
    }
    QVERIFY2(reported.size() >= kKills, "too few Z reports between the kills");
    qInfo("tst_DayEndCrash: %d kills, %lld Z reports", kKills, qint64(reported.size()));
    auto last = Store::open(path);
    QVERIFY(last.ok());
    VERIFY_LEDGER(**last);
}

QTEST_GUILESS_MAIN(tst_DayEndCrash)
#include "tst_dayendcrash.moc"
