#pragma once
// How stale this till's view of shared credit is. A till enrolled with a sync server knows other
// tills' sales only after a sync; when it has not synced for longer than the store allows
// (CheckoutSettings::offlineAfterMinutes), CheckoutService caps what each customer may take from
// store credit or on account here until the server has confirmed it. Core reads the sync state
// table (schema v7) directly and never talks to the network.

#include "storage/database.h"
#include "money/money.h"

#include <QDateTime>

#include <optional>

namespace Slate::Core {

struct SyncFreshness {
    bool enrolled = false;     // a sync server is configured and this till holds its secret
    QDateTime lastSyncUtc;     // invalid: never synced
    qint64 pushedSequence = 0; // the server confirmed this till's entries up to here
};

namespace OfflinePolicy {

Result<SyncFreshness> freshness(const Database &database);

// Minutes since the last sync when the cap applies at `nowUtc` (enrolled, a limit is set and it
// has passed; a till that never synced counts from 0), else nothing.
std::optional<qint64> staleMinutes(const SyncFreshness &freshness, int offlineAfterMinutes, const QDateTime &nowUtc);

// What the customer took from store credit and on account in this till's sales that the server
// has not confirmed yet (sequence above pushedSequence).
Result<Money> unconfirmedUse(const Database &database, const QString &terminalId, qint64 pushedSequence,
                             const QString &customerId, const Currency &currency);

} // namespace OfflinePolicy
} // namespace Slate::Core
