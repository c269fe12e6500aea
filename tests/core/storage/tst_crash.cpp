// Kills a process that tops up in a loop at random moments and checks that nothing it reported
// as committed is lost or duplicated, the journal still verifies and the wallet still agrees.
// The seed is printed; set SLATE_CRASH_SEED to replay a run.

#include "teststore.h"
#include "base/uuidv7.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

using namespace Slate::Core;

class tst_Crash : public QObject {
    Q_OBJECT
private slots:
    void killedWriterLosesNothingItReported();
};

namespace {

constexpr int kKills = 200;
constexpr int kDelayMinMs = 5;
constexpr int kDelayMaxMs = 80;
constexpr int kFirstLineTimeoutMs = 20000;
const QString kCard = QStringLiteral("CRASH-1");

quint32 seedFromEnvironment()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("SLATE_CRASH_SEED").toUInt(&ok);
    return ok ? seed : QRandomGenerator::system()->generate();
}

// The complete lines the child printed; a line is only printed after its commit returned.
QStringList reportedIds(const QByteArray &output)
{
    QStringList ids;
    const QList<QByteArray> lines = output.split('\n');
    // The last piece is what followed the final newline: empty, or never a finished report.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        ids.append(QString::fromLatin1(lines.at(i)));
    return ids;
}

// QVERIFY2 builds its message even when the check passes, so a Result's message is read safely.
template <typename T>
QString messageOf(const Result<T> &result)
{
    return result.ok() ? QString() : result.message();
}

} // namespace

void tst_Crash::killedWriterLosesNothingItReported()
{
    const quint32 seed = seedFromEnvironment();
    qInfo("tst_Crash seed: %u (set SLATE_CRASH_SEED=%u to replay)", seed, seed);
    QRandomGenerator random(seed);

    Slate::Test::TestStore store;
    QVERIFY(store.ok());
    QVERIFY((*store).customers().add(NewCustomer{kCard, QStringLiteral("Crash Test"), {}, {}}).ok());
    const QString path = store.path();
    store.close();

    QSet<QString> allReported;
    QElapsedTimer timer;
    timer.start();
    for (int kill = 0; kill < kKills; ++kill) {
        const int delayMs = int(random.bounded(kDelayMinMs, kDelayMaxMs + 1));
        QProcess child;
        child.start(QStringLiteral(CRASHCHILD_PATH), {path, kCard});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        // Wait until it has committed at least once, then let it run for the random delay.
        QVERIFY2(child.waitForReadyRead(kFirstLineTimeoutMs),
                 qPrintable(QStringLiteral("kill %1: the child wrote nothing: %2")
                                .arg(kill)
                                .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        QThread::msleep(ulong(delayMs));
        QVERIFY2(child.state() == QProcess::Running,
                 qPrintable(QStringLiteral("kill %1: the child stopped by itself: %2")
                                .arg(kill)
                                .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QStringList ids = reportedIds(child.readAllStandardOutput());
        QVERIFY2(!ids.isEmpty(), qPrintable(QStringLiteral("kill %1 after %2 ms: no id reported").arg(kill).arg(delayMs)));

        auto reopened = Store::open(path);
        QVERIFY2(reopened.ok(), qPrintable(QStringLiteral("kill %1 after %2 ms: %3").arg(kill).arg(delayMs).arg(messageOf(reopened))));
        Store &after = **reopened;
        const auto verified = after.journal().verify();
        QVERIFY2(verified.ok(), qPrintable(QStringLiteral("kill %1 after %2 ms: %3").arg(kill).arg(delayMs).arg(messageOf(verified))));
        for (const QString &id : ids) {
            QVERIFY2(!uuidFromText(id).isNull(), qPrintable(QStringLiteral("kill %1: malformed report \"%2\"").arg(kill).arg(id)));
            QVERIFY2(!allReported.contains(id), qPrintable(QStringLiteral("id %1 was reported twice").arg(id)));
            allReported.insert(id);
            auto found = after.database().run(QStringLiteral("SELECT count(*) FROM journal_entries WHERE id = ?"), {id},
                                              QStringLiteral("look up a reported entry"));
            QVERIFY2(found.ok(), qPrintable(messageOf(found)));
            QVERIFY(found->next());
            QVERIFY2(found->value(0).toLongLong() == 1,
                     qPrintable(QStringLiteral("kill %1 after %2 ms: reported entry %3 is stored %4 times")
                                    .arg(kill)
                                    .arg(delayMs)
                                    .arg(id)
                                    .arg(found->value(0).toLongLong())));
        }
        const auto entries = after.journal().entryCount();
        QVERIFY(entries.ok());
        QCOMPARE(verified->entries, *entries);
        QVERIFY2(*entries >= allReported.size(), "fewer entries than reported commits");
        const auto customer = after.customers().byCard(kCard);
        QVERIFY(customer.ok());
        const auto wallet = after.credit().wallet(customer->id);
        QVERIFY(wallet.ok());
        // Every entry is a top-up of exactly 1.00 (100 minor units of NOK).
        QCOMPARE(wallet->minorUnits(), *entries * 100);
    }
    qInfo("tst_Crash: %d kills, %lld reported commits, %lld ms", kKills, qint64(allReported.size()),
          timer.elapsed());
}

QTEST_GUILESS_MAIN(tst_Crash)
#include "tst_crash.moc"
