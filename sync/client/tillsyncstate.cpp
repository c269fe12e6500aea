#include "client/tillsyncstate.h"

#include "client/protocol.h"
#include "ledger/foreignentries.h"
#include "ledger/journalentry.h"

namespace Slate::Sync::TillSync {

Core::Result<TillSyncState> load(const Core::Database &database)
{
    Core::Result<Core::Query> query = database.run(
        QStringLiteral("SELECT server_url, enrolled_terminal_id, terminal_secret, pushed_sequence, last_sync_utc, last_error "
                       "FROM sync_state WHERE id = 1"),
        {}, QStringLiteral("read the sync state"));
    if (!query)
        return query.error();
    if (!query->next())
        return Core::makeError(Core::ErrorCode::Corrupt,
                               QStringLiteral("The sync state of %1 is missing; restore the database from a backup.").arg(database.path()));
    TillSyncState state;
    state.serverUrl = QUrl(query->value(0).toString());
    state.terminalId = query->value(1).toString();
    state.secret = query->isNull(2) ? QByteArray() : query->value(2).toByteArray();
    state.pushedSequence = query->value(3).toLongLong();
    state.lastSyncUtc = Core::timestampFromText(query->value(4).toString());
    state.lastError = query->value(5).toString();
    return state;
}

Core::Result<void> saveEnrolment(Core::Database &database, const QUrl &serverUrl, const QString &terminalId, const QByteArray &secret)
{
    Core::Result<Core::Query> done = database.run(
        QStringLiteral("UPDATE sync_state SET server_url = ?, enrolled_terminal_id = ?, terminal_secret = ?, "
                       "pending_enrolment_code_hash = NULL, pending_enrolment_request = '' WHERE id = 1"),
        {serverUrl.toString(), terminalId, secret}, QStringLiteral("record this till's enrolment"));
    if (!done)
        return done.error();
    return {};
}

Core::Result<QString> pendingEnrolmentRequest(Core::Database &database, const QString &code)
{
    const QByteArray codeHash = Protocol::enrolmentCodeHash(code);
    Core::Transaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Core::Result<Core::Query> query =
        database.run(QStringLiteral("SELECT pending_enrolment_code_hash, pending_enrolment_request FROM sync_state WHERE id = 1"), {},
                     QStringLiteral("read the pending enrolment"));
    if (!query)
        return query.error();
    if (query->next() && query->value(0).toByteArray() == codeHash && Protocol::isValidEnrolmentRequest(query->value(1).toString()))
        return query->value(1).toString();
    query->finish();
    // Another code (or none yet): a new value replaces the old one, whose code is of no use here.
    const QString request = Protocol::newEnrolmentRequest();
    if (auto kept = database.run(
            QStringLiteral("UPDATE sync_state SET pending_enrolment_code_hash = ?, pending_enrolment_request = ? WHERE id = 1"),
            {codeHash, request}, QStringLiteral("keep the pending enrolment"));
        !kept)
        return kept.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return request;
}

Core::Result<void> saveCaCertificates(Core::Database &database, const QByteArray &pem)
{
    Core::Result<Core::Query> done = database.run(
        QStringLiteral("INSERT INTO settings (key, value) VALUES ('sync_ca_pem', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {QString::fromLatin1(pem)}, QStringLiteral("remember the sync server's CA certificate"));
    if (!done)
        return done.error();
    return {};
}

Core::Result<QByteArray> caCertificates(const Core::Database &database)
{
    Core::Result<Core::Query> query = database.run(QStringLiteral("SELECT value FROM settings WHERE key = 'sync_ca_pem'"), {},
                                                   QStringLiteral("read the sync server's CA certificate"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString().toLatin1() : QByteArray();
}

Core::Result<void> setServer(Core::Database &database, const QUrl &serverUrl)
{
    Core::Result<Core::Query> done = database.run(QStringLiteral("UPDATE sync_state SET server_url = ? WHERE id = 1"),
                                                {serverUrl.toString()}, QStringLiteral("record the sync server"));
    if (!done)
        return done.error();
    return {};
}

Core::Result<void> setPushedSequence(Core::Database &database, qint64 sequence)
{
    // Never backwards: a late answer to an earlier request must not undo a later one.
    Core::Result<Core::Query> done = database.run(
        QStringLiteral("UPDATE sync_state SET pushed_sequence = ? WHERE id = 1 AND pushed_sequence < ?"), {sequence, sequence},
        QStringLiteral("record what the server holds"));
    if (!done)
        return done.error();
    return {};
}

Core::Result<void> recordRound(Core::Database &database, const QDateTime &syncedUtc, const QString &error)
{
    Core::Result<Core::Query> done = error.isEmpty()
        ? database.run(QStringLiteral("UPDATE sync_state SET last_sync_utc = ?, last_error = '' WHERE id = 1"),
                       {Core::timestampText(syncedUtc)}, QStringLiteral("record the sync"))
        : database.run(QStringLiteral("UPDATE sync_state SET last_error = ? WHERE id = 1"), {error.left(1000)},
                       QStringLiteral("record the sync error"));
    if (!done)
        return done.error();
    return {};
}

Core::Result<qint64> entriesWaiting(const Core::Database &database, const QString &ownTerminalId)
{
    Core::Result<Core::ChainTip> tip = Core::ForeignEntries::chainTip(database, ownTerminalId);
    if (!tip)
        return tip.error();
    Core::Result<TillSyncState> state = load(database);
    if (!state)
        return state.error();
    return qMax<qint64>(0, tip->sequence - state->pushedSequence);
}

} // namespace Slate::Sync::TillSync
