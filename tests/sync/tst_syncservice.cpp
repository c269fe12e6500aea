// The background sync service: offline with no server (and backing off within its bound), a hung
// server does not slow the till, and when the server appears "sync now" brings it online with
// nothing waiting and a last-sync time.

#include "synctestenv.h"

#include "client/syncservice.h"

#include <QElapsedTimer>

using namespace Slate;
using namespace Slate::Test;

class tst_SyncService : public QObject {
    Q_OBJECT
private slots:
    void offlineThenOnline();
    void hungServerDoesNotSlowTheTill();
};

void tst_SyncService::offlineThenOnline()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(server.start());
    Till till(QStringLiteral("T1"));
    QVERIFY(till.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T1"))).ok());
    const Core::Customer customer = till.addCustomer(QStringLiteral("1"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(till.store().credit().topUp(customer, till.money(QStringLiteral("5")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());

    Sync::SyncService service(till.database(), till.store().journal());
    service.setPolicy(Sync::BackoffPolicy{60000, 200, 1000});
    service.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort()))); // nobody listens
    QSignalSpy status(&service, &Sync::SyncService::statusChanged);
    QSignalSpy rounds(&service, &Sync::SyncService::roundFinished);
    QCOMPARE(service.entriesWaiting(), qint64(3));
    service.start();
    QVERIFY(rounds.wait(10000));
    QVERIFY(rounds.size() >= 1 || rounds.wait(10000));
    QCOMPARE(service.status(), Sync::SyncStatus::Offline);
    QVERIFY2(service.reason().contains(QStringLiteral("cannot be reached")), qPrintable(service.reason()));
    QVERIFY(service.nextDelayMs() >= 100 && service.nextDelayMs() <= 1000);
    QCOMPARE(status.first().first().value<Sync::SyncStatus>(), Sync::SyncStatus::Offline);
    // Retries keep failing, the delay stays within its bound.
    QVERIFY(rounds.wait(5000));
    QVERIFY(service.consecutiveFailures() >= 2);
    QVERIFY(service.nextDelayMs() <= 1000);
    QCOMPARE(service.entriesWaiting(), qint64(3));

    QSignalSpy lastSync(&service, &Sync::SyncService::lastSyncChanged);
    QSignalSpy waiting(&service, &Sync::SyncService::entriesWaitingChanged);
    service.setServer(server.url());
    service.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(service.status(), Sync::SyncStatus::Online, 15000);
    QCOMPARE(service.entriesWaiting(), qint64(0));
    QCOMPARE(waiting.last().first().toLongLong(), qint64(0));
    QVERIFY(!lastSync.isEmpty());
    QVERIFY(service.lastSyncUtc().isValid());
    QCOMPARE(service.consecutiveFailures(), 0);
    QCOMPARE(service.nextDelayMs(), 60000);
    QCOMPARE(serverEntries(server.url()), qint64(3));
}

void tst_SyncService::hungServerDoesNotSlowTheTill()
{
    // A "server" that accepts connections and never answers.
    QTcpServer hung;
    QVERIFY(hung.listen(QHostAddress::LocalHost, 0));
    Till till(QStringLiteral("T1"));
    QVERIFY(Sync::TillSync::saveEnrolment(till.database(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(hung.serverPort())),
                                          QStringLiteral("T1"), Sync::Protocol::newSecret())
                .ok());
    const Core::Customer customer = till.addCustomer(QStringLiteral("1"));
    Sync::SyncService service(till.database(), till.store().journal());
    service.client().setTimeoutMs(1500);
    QSignalSpy rounds(&service, &Sync::SyncService::roundFinished);
    service.start();
    QTest::qWait(100); // the round is now waiting on the hung server
    QVERIFY(rounds.isEmpty());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i)
        QVERIFY(till.store().credit().topUp(customer, till.money(QStringLiteral("1")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    qInfo("20 top-ups while the sync round hangs: %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(rounds.wait(10000)); // the request times out and the round ends as offline
    QCOMPARE(service.status(), Sync::SyncStatus::Offline);
    service.refreshEntriesWaiting();
    QCOMPARE(service.entriesWaiting(), qint64(20));
}

QTEST_GUILESS_MAIN(tst_SyncService)
#include "tst_syncservice.moc"
