#pragma once
// Master data for sync: customers, their credit terms, users (PIN hashes, never PINs), tax codes,
// products and the chain-wide checkout settings. Every local change of those tables, from any
// code path, is queued by a trigger (schema v8) as a change: the record's kind and key, its
// whole new value (a JSON object) and a version, the pair (hybrid logical clock, node). The
// clock is Unix milliseconds * 1024 plus a counter; it never goes back and moves past every
// version this database has seen, so an edit made after seeing another one is newer than it.
//
// Conflict rule (the same on every node, whatever order changes arrive in): of two versions of
// one record the higher (clock, node) wins, node compared as text when clocks are equal. The
// value that loses, or that a newer one replaces, is kept in master_history with its version;
// nothing is silently dropped. Two customers created offline with the same card number: the
// one with the smaller id (created first: ids are time-ordered) keeps the card, the other's card
// gets "-" and the last 12 hex digits of its id (history: "card-conflict").

#include "customers/customer.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Slate::Core {

namespace MasterKinds {
inline const QString kCustomer = QStringLiteral("customer");            // key: customer id; card, name, phone, email
inline const QString kCustomerTerms = QStringLiteral("customer-terms"); // key: customer id; the credit terms
inline const QString kUser = QStringLiteral("user");                    // key: user name
inline const QString kTaxCode = QStringLiteral("tax-code");             // key: tax code
inline const QString kProduct = QStringLiteral("product");              // key: SKU
inline const QString kSetting = QStringLiteral("setting");              // key: a chain-wide settings key
} // namespace MasterKinds

struct MasterChange {
    QString kind;
    QString key;
    qint64 version = 0; // hybrid logical clock
    QString node;       // the terminal that made the change
    QJsonObject data;   // the record's whole value after the change; amounts as decimal strings
                        // in its "currency" (sync/PROTOCOL.md, Master data)
    qint64 position = 0; // the till's outbox sequence, or the server's log position
};

struct MasterHistoryRow {
    MasterChange change;
    QString outcome; // "lost", "superseded", "card-conflict" or "unapplied"
    QString detail;
    QDateTime recordedUtc;
};

struct MasterApplyReport {
    int applied = 0;     // changes that won and are now the record's value
    int lost = 0;        // changes older than the value here (kept in the history)
    int alreadyHad = 0;  // the same version was already here
    int unapplied = 0;   // changes that could not be applied here (kept in the history, with why)
    bool settingsChanged = false; // reload the checkout settings (Store::setCheckoutSettings)
};

constexpr int kMasterChangesReadMax = 1000;
constexpr qint64 kMasterVersionMax = qint64(1) << 53; // exact in JSON numbers
// The largest amount in master data (a limit, a price, an override maximum), in minor units:
// what the earlier number format could carry exactly.
constexpr qint64 kMasterAmountMinorUnitsMax = qint64(1) << 53;

// How far a version's clock may run ahead of the physical clock of the node that judges it. A
// version is a hybrid logical clock that every node moves past each version it applies, so one
// change stamped far in the future (2^53) would drag every clock there and make every later
// edit one the server refuses. The server refuses a pushed change more than this ahead of its
// clock (400, naming "version"). A till's clock may be behind the server's by the request
// window of the sync protocol (± 5 minutes), so a till allows twice this before it refuses to
// apply a pulled change (kept in the history as unapplied) -- and so never moves its clock past
// that either.
constexpr qint64 kMasterClockAheadMaxMs = 10 * 60 * 1000;

// Who judges a version: the server, as a change arrives from the node that made it, or a till,
// as it arrives through the server.
enum class VersionJudge { Server, Till };

namespace MasterData {

// The highest version a node judging as `judge` takes when its clock reads nowMs.
qint64 versionMaxAt(qint64 nowMs, VersionJudge judge);
// Refuses a version beyond versionMaxAt; the message names the field "version".
Result<void> checkVersionBound(const MasterChange &change, qint64 nowMs, VersionJudge judge);

// True when version a beats version b (the conflict rule above).
bool isNewer(qint64 versionA, const QString &nodeA, qint64 versionB, const QString &nodeB);
// Checks a change from the network or the outbox: a known kind, a valid key, a version no
// further ahead of this node's clock than a till takes (checkVersionBound), exactly the fields
// of that kind with their types and ranges. The message names the field.
Result<void> validate(const MasterChange &change, VersionJudge judge = VersionJudge::Till);

// The credit terms a customer-terms change carries (validated as validate() does). The server
// judges credit exceptions by the terms it holds this way, with the till's own reading.
Result<CreditTerms> termsFrom(const MasterChange &change);

// This till's changes not yet confirmed by the server, oldest first (limit <= kMasterChangesReadMax).
Result<QList<MasterChange>> unpushed(const Database &database, int limit);
// The server holds this till's changes up to outbox position `position`.
Result<void> markPushed(Database &database, qint64 position);
Result<qint64> waiting(const Database &database);
// How far this till has read the server's master-data log.
Result<qint64> pullCursor(const Database &database);
// Applies changes pulled from the server by the conflict rule, all in one transaction, and moves
// the pull cursor to `cursor`. A change that cannot be applied here (e.g. invalid) is recorded in
// the history, not applied, and does not stop the others.
Result<MasterApplyReport> apply(Database &database, const QList<MasterChange> &changes, qint64 cursor);
// Runs `write` in one transaction with the triggers quiet, for writes that only restate what was
// pulled: reloading pulled settings with Store::setCheckoutSettings also saves the keys this
// till never had (at their defaults), which must not become this till's own, newer changes.
Result<void> withoutRecording(Database &database, const std::function<Result<void>()> &write);
// A record's history, oldest first.
Result<QList<MasterHistoryRow>> history(const Database &database, const QString &kind, const QString &key, int rowsMax = 100);
// The record's current version here; version 0 when it has none.
Result<MasterChange> current(const Database &database, const QString &kind, const QString &key);

} // namespace MasterData
} // namespace Slate::Core
