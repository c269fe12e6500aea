#include "checkout/offlinepolicy.h"

#include "ledger/accounts.h"
#include "ledger/journalentry.h"

namespace Slate::Core::OfflinePolicy {

Result<SyncFreshness> freshness(const Database &database)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT enrolled_terminal_id, terminal_secret IS NOT NULL, last_sync_utc, pushed_sequence "
                       "FROM sync_state WHERE id = 1"),
        {}, QStringLiteral("read the sync state"));
    if (!query)
        return query.error();
    SyncFreshness fresh;
    if (!query->next())
        return fresh; // no row: never enrolled
    fresh.enrolled = !query->value(0).toString().isEmpty() && query->value(1).toBool();
    const QString last = query->value(2).toString();
    fresh.lastSyncUtc = last.isEmpty() ? QDateTime() : timestampFromText(last);
    fresh.pushedSequence = query->value(3).toLongLong();
    return fresh;
}

std::optional<qint64> staleMinutes(const SyncFreshness &freshness, int offlineAfterMinutes, const QDateTime &nowUtc)
{
    if (!freshness.enrolled || offlineAfterMinutes <= 0)
        return std::nullopt;
    if (!freshness.lastSyncUtc.isValid())
        return qint64(0) + offlineAfterMinutes + 1; // enrolled but never synced: nothing is confirmed
    const qint64 minutes = freshness.lastSyncUtc.secsTo(nowUtc) / 60;
    if (freshness.lastSyncUtc.secsTo(nowUtc) <= qint64(offlineAfterMinutes) * 60)
        return std::nullopt;
    return minutes;
}

Result<Money> unconfirmedUse(const Database &database, const QString &terminalId, qint64 pushedSequence,
                             const QString &customerId, const Currency &currency)
{
    // Debits to the customer's wallet and accrued receivables in this till's unpushed sales.
    const QString receivable = Accounts::receivablePrefix(customerId) + QStringLiteral("accrued:");
    Result<Query> query = database.run(
        QStringLiteral("SELECT coalesce(sum(p.amount), 0) FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
                       "WHERE e.customer_id = ? AND e.terminal_id = ? AND e.sequence > ? AND e.kind = 'sale' "
                       "AND p.amount > 0 AND p.currency = ? AND (p.account = ? OR substr(p.account, 1, ?) = ?)"),
        {customerId, terminalId, pushedSequence, currency.code(), Accounts::storeCredit(customerId), receivable.size(), receivable},
        QStringLiteral("read what customer %1 used since the last sync").arg(customerId));
    if (!query)
        return query.error();
    if (!query->next())
        return Money::zero(currency);
    return Money(query->value(0).toLongLong(), currency);
}

} // namespace Slate::Core::OfflinePolicy
