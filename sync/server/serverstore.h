#pragma once
// ServerStore: what the central server does with its database, independent of HTTP. Enrols
// terminals, keeps what it needs to check their signatures and refuse replays, stores every
// terminal's journal exactly once with its chain checked, hands entries to other terminals, and
// records exceptions (a wallet overspent by offline sales on several tills) for the back office.
// It never refuses a valid entry for a business rule: the sale happened.

#include "ledger/journal.h"
#include "masterdata/masterdata.h"
#include "server/serverdatabase.h"

#include <QDateTime>
#include <QList>
#include <QMap>

namespace Slate::Sync {

struct EnrolmentCode {
    QString code; // shown once; the database keeps only its SHA-256
    QDateTime expiresUtc;
};

struct EnrolledTerminal {
    QString terminalId;
    QString storeCode;
    QByteArray secret; // Protocol::kSecretSize bytes
};

struct PushOutcome {
    qint64 highestSequence = 0; // of this terminal, after the push
    int stored = 0;             // entries new to the server
    int alreadyStored = 0;      // entries it had already (a retry)
    int exceptions = 0;         // exceptions recorded because of the new entries
};

struct PullPage {
    QList<Core::JournalEntry> entries; // by terminal id, then sequence
    bool more = false;                 // another page is waiting
};

struct MasterPushOutcome {
    int stored = 0;        // changes new to the server
    int alreadyStored = 0; // changes it had already (a retry)
};

struct MasterPullPage {
    QList<Core::MasterChange> changes; // by server position; other terminals' changes only
    qint64 next = 0;                   // the cursor for the next pull
    bool more = false;
};

struct SyncException {
    qint64 id = 0;
    QString kind;       // "wallet-overspent", "account-over-limit" or "conflicting-entry"
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
    explicit ServerStore(ServerDatabase &database) : m_database(database) {}

    ServerDatabase &database() { return m_database; }

    // A one-time code that lets a till enrol as `terminalId` of `storeCode`.
    Core::Result<EnrolmentCode> createEnrolment(const QString &storeCode, const QString &terminalId, qint64 validityMs);
    // Spends a code and issues the terminal a new secret (a re-enrolled terminal's old one stops working).
    Core::Result<EnrolledTerminal> redeemEnrolment(const QString &code);
    // The key that checks this terminal's signatures; NotFound when unknown or revoked.
    Core::Result<QByteArray> signingKey(const QString &terminalId) const;
    // Records a request's nonce; false when this terminal used it before (a replay).
    Core::Result<bool> recordNonce(const QString &terminalId, const QByteArray &nonce, qint64 nowMs);
    Core::Result<void> revoke(const QString &terminalId);

    // Stores a terminal's entries (in sequence order, contiguous) exactly once, all or nothing.
    Core::Result<PushOutcome> push(const QString &terminalId, const QList<Core::JournalEntry> &entries);
    // Entries of other terminals after the sequences the caller already holds.
    Core::Result<PullPage> pull(const QString &terminalId, const QMap<QString, qint64> &known, int limit) const;

    // Stores a terminal's master-data changes exactly once, all or nothing, and moves each
    // record's current value by the conflict rule; every change stays in the server's log.
    Core::Result<MasterPushOutcome> pushMaster(const QString &terminalId, const QList<Core::MasterChange> &changes);
    // Changes after the cursor (a log position), other terminals' only, up to `limit`.
    Core::Result<MasterPullPage> pullMaster(const QString &terminalId, qint64 after, int limit) const;
    // Every version of one record the server received, oldest first (the record's history).
    Core::Result<QList<Core::MasterChange>> masterHistory(const QString &kind, const QString &key, int limit) const;
    // A record's winning value; version 0 when the server has none.
    Core::Result<Core::MasterChange> masterCurrent(const QString &kind, const QString &key) const;

    Core::Result<QList<SyncException>> exceptions(qint64 afterId, int limit) const;
    Core::Result<QList<Core::AccountBalance>> balances() const;
    Core::Result<qint64> entryCount() const;

private:
    Core::Result<QList<Core::JournalEntry>> entriesOf(const QString &terminalId, qint64 afterSequence, int limit) const;
    struct CustomerTerms {
        qint64 creditLimitMinorUnits = 0;
        qint64 overdraftMinorUnits = 0;
    };
    Core::Result<int> applyBalancesAndFindExceptions(const QList<Core::JournalEntry> &fresh);
    Core::Result<int> findAccountsOverLimit(const QList<Core::JournalEntry> &fresh,
                                            const QMap<std::pair<QString, QString>, qint64> &deltas);
    Core::Result<CustomerTerms> customerTerms(const QString &customerId) const;
    Core::Result<QStringList> latestDebits(const QString &account, const QString &doing) const;
    Core::Result<bool> recordException(const QString &kind, const QString &customerId, const QString &account,
                                       const QString &currency, qint64 amount, const Core::JournalEntry &entry,
                                       const QStringList &involved, const QString &detail);
    void recordConflict(const QString &terminalId, const Core::JournalEntry &entry, const QString &detail);

    ServerDatabase &m_database;
    qint64 m_lastNoncePurgeMs = 0;
};

} // namespace Slate::Sync
