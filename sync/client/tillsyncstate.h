#pragma once
// The till's sync state (table sync_state, schema v7 of the till database): the terminal
// identity and signing secret issued at enrolment, the server, how far the server has confirmed
// this till's own journal, and the last successful sync; while an enrolment is under way (till
// schema 13), the request value sent with its code, so that a retry after a lost answer is the
// same enrolment. The secret never leaves this database except as request signatures.

#include "storage/database.h"

#include <QDateTime>
#include <QUrl>

namespace Slate::Sync {

struct TillSyncState {
    QUrl serverUrl;
    QString terminalId;       // as enrolled; equal to the till's own terminal id
    QByteArray secret;        // Protocol::kSecretSize bytes once enrolled
    qint64 pushedSequence = 0; // the server holds this till's entries up to here
    QDateTime lastSyncUtc;    // invalid: never synced
    QString lastError;

    bool enrolled() const { return !secret.isEmpty(); }
};

namespace TillSync {

Core::Result<TillSyncState> load(const Core::Database &database);
// Stores the secret and clears the pending enrolment in one statement.
Core::Result<void> saveEnrolment(Core::Database &database, const QUrl &serverUrl, const QString &terminalId,
                                 const QByteArray &secret);
// The request value to send with enrolment code `code` (sync/PROTOCOL.md, "Enrolment"): the one
// kept for this code by an earlier attempt whose answer never came, else a new one, kept (with
// the code's SHA-256) before this returns, so that it is on disk before the code is sent.
Core::Result<QString> pendingEnrolmentRequest(Core::Database &database, const QString &code);
Core::Result<void> setServer(Core::Database &database, const QUrl &serverUrl);
Core::Result<void> setPushedSequence(Core::Database &database, qint64 sequence);
// The CA certificates (PEM) that the till trusts for its server, remembered from the --ca-file
// (or $SLATE_SYNC_CA_FILE) of the first round that reached the server with them, so that later
// rounds need neither. Kept in the till's settings (never synced); empty: none remembered.
Core::Result<void> saveCaCertificates(Core::Database &database, const QByteArray &pem);
Core::Result<QByteArray> caCertificates(const Core::Database &database);
// A finished round: on success the time and no error; on failure only the error.
Core::Result<void> recordRound(Core::Database &database, const QDateTime &syncedUtc, const QString &error);
// This till's entries the server does not hold yet.
Core::Result<qint64> entriesWaiting(const Core::Database &database, const QString &ownTerminalId);

} // namespace TillSync
} // namespace Slate::Sync
