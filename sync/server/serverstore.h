#pragma once
// ServerStore: what the central server does with its database, independent of HTTP. Enrols
// terminals, keeps what it needs to check their signatures and refuse replays, stores every
// terminal's journal exactly once through core's Journal (the same checks and the same write
// path as a till's pull), hands entries to other terminals, and records credit exceptions
// (core/customers/creditexceptions.h) for the back office. It never refuses a valid entry for a
// business rule: the sale happened. It does refuse what no till could store or what the terminal
// may not post (core/ledger/foreigncheck.h), recording that for the back office too.

#include "customers/creditexceptions.h"
#include "ledger/foreigncheck.h"
#include "ledger/journal.h"
#include "masterdata/masterdata.h"
#include "storage/database.h"

#include <QDateTime>
#include <QList>
#include <QMap>

#include <memory>
#include <optional>

namespace Slate::Sync {

struct EnrolmentCode {
    QString code; // shown once; the database keeps only its SHA-256
    QDateTime expiresUtc;
};

struct EnrolledTerminal {
    QString terminalId;
    QString storeCode;
    QByteArray secret;    // Protocol::kSecretSize bytes
    bool retried = false; // the answer to a retry: the secret this code issued before
};

// What checks a terminal's signatures, and whether a retry of its enrolment may still get it.
struct TerminalKey {
    QByteArray key;             // Protocol::kSecretSize bytes
    bool enrolmentRetryOpen = false; // closed by closeEnrolmentRetry (the first signed request)
};

// Why a push was refused, for the status of the answer.
enum class PushRefusal {
    None,
    Replay,      // the request's nonce was used before
    NotEnrolled, // the terminal is unknown or revoked
    Malformed,   // the batch is not one terminal's consecutive entries
    Invalid,     // an entry this journal cannot take (does not balance, an account in another currency, …)
    Altered,     // an entry's content does not match its hash
    OutOfChain,  // a gap or a broken chain
    Conflict,    // same id or place in a chain, other content (recorded as an exception)
    Refused,     // an entry these books cannot take: another currency than its account's, an unknown
                 // store, terminal or customer (ledger/foreigncheck.h; recorded as an exception)
    Forbidden,   // a posting outside the terminal's authority (ledger/entryauthority.h; recorded as
                 // a security exception)
};

struct PushOutcome {
    qint64 highestSequence = 0; // of this terminal, after the push
    int stored = 0;             // entries new to the server
    int alreadyStored = 0;      // entries it had already (a retry)
    int exceptions = 0;         // exceptions recorded because of the new entries
    PushRefusal refusal = PushRefusal::None; // a refused push stored nothing
    QString refusalMessage;     // names the entry and what is wrong
};

struct PullPage {
    QList<Core::JournalEntry> entries; // by terminal id, then sequence
    bool more = false;                 // another page is waiting
};

struct MasterPushOutcome {
    int stored = 0;        // changes new to the server
    int alreadyStored = 0; // changes it had already (a retry)
    bool replay = false;   // refused: the request's nonce was used before; nothing was stored
};

struct MasterPullPage {
    QList<Core::MasterChange> changes; // by server position; other terminals' changes only
    qint64 next = 0;                   // the cursor for the next pull
    bool more = false;
};

struct SyncException {
    qint64 id = 0;
    QString kind;       // "wallet-overspent", "account-over-limit", "conflicting-entry", "refused-entry" or
                        // "forbidden-posting"
    QString customerId; // for wallet-overspent
    QString account;
    QString currency;
    qint64 amountMinorUnits = 0; // how far beyond the allowance, in minor units
    QString entryId;             // the entry that crossed it (or the conflicting one)
    QString terminalId;
    QStringList entryIds;        // the entries involved: the latest debits of that wallet
    QString detail;
    QDateTime createdUtc;
};

constexpr int kExceptionsPageMax = 1000;
constexpr qint64 kEnrolmentValidityMsDefault = 24 * 3600 * 1000;

class ServerStore {
public:
    explicit ServerStore(Core::Database &database);

    Core::Database &database() { return m_database; }
    const Core::Journal &journal() const { return m_journal; }

    // A one-time code that lets a till enrol as `terminalId` of `storeCode`.
    Core::Result<EnrolmentCode> createEnrolment(const QString &storeCode, const QString &terminalId, qint64 validityMs);
    // Spends a code and issues the terminal a new secret (a re-enrolled terminal's old one stops
    // working). With a request value (Protocol::isValidEnrolmentRequest) the code is spent for
    // that value: the same code and value again, while the code is valid and the terminal has
    // not signed a request with the secret, answer the same terminal, store and secret. Without
    // one the code works once. A wrong, expired or spent code is AuthenticationFailed.
    Core::Result<EnrolledTerminal> redeemEnrolment(const QString &code, const QString &request = QString());
    // The key that checks this terminal's signatures; NotFound when unknown or revoked.
    Core::Result<TerminalKey> signingKey(const QString &terminalId) const;
    // The terminal has signed a request with its key, so it holds it: no retry of its enrolment
    // gets the key from now on.
    Core::Result<void> closeEnrolmentRetry(const QString &terminalId);
    // Records a request's nonce in a transaction of its own; false when this terminal used it
    // before (a replay). Requests that write record theirs in their own transaction instead.
    Core::Result<bool> recordNonce(const QString &terminalId, const QByteArray &nonce, qint64 nowMs);
    Core::Result<void> revoke(const QString &terminalId);

    // Stores a terminal's entries (in sequence order, contiguous) exactly once, all or nothing,
    // in one transaction with the request's nonce. A refused push is an outcome with its refusal;
    // an error is a failure of the database.
    Core::Result<PushOutcome> push(const QString &terminalId, const QByteArray &nonce, const QList<Core::JournalEntry> &entries);
    // Entries of other terminals after the sequences the caller already holds.
    Core::Result<PullPage> pull(const QString &terminalId, const QMap<QString, qint64> &known, int limit) const;

    // Stores a terminal's master-data changes exactly once, all or nothing, with the request's
    // nonce, and moves each record's current value by the conflict rule; every change stays in
    // the server's log.
    Core::Result<MasterPushOutcome> pushMaster(const QString &terminalId, const QByteArray &nonce,
                                               const QList<Core::MasterChange> &changes);
    // Changes after the cursor (a log position), other terminals' only, up to `limit`.
    Core::Result<MasterPullPage> pullMaster(const QString &terminalId, qint64 after, int limit) const;
    // Every version of one record the server received, oldest first (the record's history).
    Core::Result<QList<Core::MasterChange>> masterHistory(const QString &kind, const QString &key, int limit) const;
    // A record's winning value; version 0 when the server has none.
    Core::Result<Core::MasterChange> masterCurrent(const QString &kind, const QString &key) const;

    Core::Result<QList<SyncException>> exceptions(qint64 afterId, int limit) const;
    // Every account whose balance is not zero, by name.
    Core::Result<QList<Core::AccountBalance>> balances() const;
    Core::Result<qint64> entryCount() const;
    // Proves the maintained balances equal the postings and every terminal's chain is whole.
    Core::Result<Core::VerifyReport> verify() const { return m_journal.verify(); }

private:
    // Inside the caller's transaction: false when the nonce was used before.
    Core::Result<bool> spendNonce(const QString &terminalId, const QByteArray &nonce, qint64 nowMs);
    Core::Result<std::optional<EnrolledTerminal>> retriedEnrolment(const QByteArray &codeHash, const QByteArray &requestHash,
                                                                   qint64 nowMs) const;
    Core::Result<void> forgetOldNonces(qint64 nowMs);
    // Locks one terminal's row for the rest of the transaction (PostgreSQL: SELECT … FOR UPDATE;
    // SQLite already holds the database's write lock); false when unknown or revoked.
    Core::Result<bool> lockTerminal(const QString &terminalId) const;
    // Serialises writers of master data for the rest of the transaction.
    Core::Result<void> lockMasterData() const;
    Core::Result<std::optional<Core::Customer>> customerAsKnown(const QString &customerId) const;
    Core::Result<int> recordExceptions(const QList<Core::CreditException> &found);
    void recordConflict(const QString &terminalId, const Core::JournalEntry &entry, const QString &detail);
    // Best effort, after the refused push rolled back: what was refused and why.
    void recordRefusal(const QString &terminalId, const Core::JournalEntry &entry, const Core::ForeignFinding &finding);

    Core::Database &m_database;
    Core::Journal m_journal;
    std::unique_ptr<Core::ForeignDirectory> m_directory; // the terminals it enrolled, its customers
    qint64 m_lastNoncePurgeMs = 0;
};

} // namespace Slate::Sync
