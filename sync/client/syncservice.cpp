#include "client/syncservice.h"

#include "store/store.h"

#include <QRandomGenerator>

namespace Slate::Sync {

namespace {
constexpr int kFailuresCounted = 30; // beyond this the delay is at its bound anyway
}

SyncService::SyncService(Core::Store &store, QObject *parent) : SyncService(store.database(), store.journal(), parent)
{
    m_client->setStore(store);
}

SyncService::SyncService(Core::Database &database, Core::Journal &journal, QObject *parent)
    : QObject(parent), m_database(database), m_journal(journal), m_client(new SyncClient(database, journal, this))
{
    qRegisterMetaType<Slate::Sync::SyncStatus>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncService::runRound);
    connect(m_client, &SyncClient::finished, this, &SyncService::onFinished);
    if (Core::Result<TillSyncState> state = TillSync::load(m_database); state.ok())
        m_lastSyncUtc = state->lastSyncUtc;
    refreshEntriesWaiting();
}

void SyncService::start() { schedule(0); }

void SyncService::stop()
{
    m_timer.stop();
    m_again = false;
}

void SyncService::syncNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    schedule(0);
}

int SyncService::retryDelayMs(const BackoffPolicy &policy, int failures, quint32 random)
{
    const int steps = qBound(0, failures - 1, kFailuresCounted);
    qint64 delay = policy.firstRetryMs;
    for (int i = 0; i < steps && delay < policy.retryMaxMs; ++i)
        delay *= 2;
    delay = qMin<qint64>(delay, policy.retryMaxMs);
    const qint64 half = delay / 2;
    return int(half + (half > 0 ? qint64(random % quint32(half + 1)) : 0));
}

void SyncService::refreshEntriesWaiting()
{
    Core::Result<qint64> waiting = TillSync::entriesWaiting(m_database, m_journal.identity().terminalId);
    if (waiting && *waiting != m_entriesWaiting) {
        m_entriesWaiting = *waiting;
        emit entriesWaitingChanged(m_entriesWaiting);
    }
}

void SyncService::runRound()
{
    m_running = true;
    m_client->start();
}

void SyncService::onFinished(const RoundResult &result)
{
    m_running = false;
    SyncStatus status = SyncStatus::Online;
    if (result.ok()) {
        m_failures = 0;
        m_reason.clear();
        if (Core::Result<TillSyncState> state = TillSync::load(m_database); state.ok() && state->lastSyncUtc != m_lastSyncUtc) {
            m_lastSyncUtc = state->lastSyncUtc;
            emit lastSyncChanged(m_lastSyncUtc);
        }
    } else {
        m_failures = qMin(m_failures + 1, kFailuresCounted);
        status = result.failure == RoundFailure::Network ? SyncStatus::Offline : SyncStatus::Error;
        m_reason = result.message;
    }
    if (status != m_status || !result.ok()) {
        m_status = status;
        emit statusChanged(m_status, m_reason);
    }
    refreshEntriesWaiting();
    emit roundFinished(result);
    if (m_again) {
        m_again = false;
        schedule(0);
    } else {
        schedule(result.ok() ? m_policy.intervalMs : retryDelayMs(m_policy, m_failures, QRandomGenerator::global()->generate()));
    }
}

void SyncService::schedule(int delayMs)
{
    m_nextDelayMs = delayMs;
    m_timer.start(delayMs);
}

} // namespace Slate::Sync
