#pragma once
// SyncService: the till's background sync. Runs a SyncClient round every interval, retries a
// failed round with exponential backoff and jitter up to a bound, runs one at once on syncNow(),
// and reports status for the status bar: online / offline / error with the reason, entries
// waiting to be pushed, and the last successful sync. Everything happens on the event loop with
// short database steps, so checkout never waits for the network.

#include "client/syncclient.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace Slate::Sync {

enum class SyncStatus {
    Unknown, // no round has finished yet
    Online,  // the last round succeeded
    Offline, // the server could not be reached
    Error,   // the server or this till refused; the reason says what to do
};

struct BackoffPolicy {
    int intervalMs = 60 * 1000;        // between rounds while online
    int firstRetryMs = 2 * 1000;       // after the first failure
    int retryMaxMs = 15 * 60 * 1000;   // the bound of the exponential backoff
};

class SyncService : public QObject {
    Q_OBJECT
public:
    SyncService(Core::Database &database, Core::Journal &journal, QObject *parent = nullptr);
    // As above, and pulled settings take effect in this store at once.
    explicit SyncService(Core::Store &store, QObject *parent = nullptr);

    void setServer(const QUrl &url) { m_client->setServer(url); }
    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }
    SyncClient &client() { return *m_client; }

    void start(); // first round at once, then on the timer
    void stop();
    void syncNow(); // a round now (or right after the running one)

    SyncStatus status() const { return m_status; }
    QString reason() const { return m_reason; }
    qint64 entriesWaiting() const { return m_entriesWaiting; }
    QDateTime lastSyncUtc() const { return m_lastSyncUtc; }
    int consecutiveFailures() const { return m_failures; }
    int nextDelayMs() const { return m_nextDelayMs; }
    // The delay before retry number `failures` (1, 2, …): exponential, bounded, with jitter in
    // [half, full] of the step so that many tills do not retry in step.
    static int retryDelayMs(const BackoffPolicy &policy, int failures, quint32 random);

    // Re-reads the entries waiting (e.g. after a sale); cheap: two indexed reads.
    void refreshEntriesWaiting();

signals:
    void statusChanged(Slate::Sync::SyncStatus status, const QString &reason);
    void entriesWaitingChanged(qint64 entries);
    void lastSyncChanged(const QDateTime &utc);
    void roundFinished(const Slate::Sync::RoundResult &result);

private:
    void runRound();
    void onFinished(const RoundResult &result);
    void schedule(int delayMs);

    Core::Database &m_database;
    Core::Journal &m_journal;
    SyncClient *m_client;
    QTimer m_timer;
    BackoffPolicy m_policy;
    SyncStatus m_status = SyncStatus::Unknown;
    QString m_reason;
    qint64 m_entriesWaiting = 0;
    QDateTime m_lastSyncUtc;
    int m_failures = 0;
    int m_nextDelayMs = 0;
    bool m_running = false;
    bool m_again = false;
};

} // namespace Slate::Sync

Q_DECLARE_METATYPE(Slate::Sync::SyncStatus)
