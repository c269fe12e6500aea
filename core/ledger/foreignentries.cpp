#include "ledger/foreignentries.h"

#include "ledger/accounts.h"
#include "ledger/journal.h"
#include "base/uuidv7.h"

#include <QDir>

namespace Slate::Core {

namespace {

QString label(const JournalEntry &entry)
{
    return QStringLiteral("entry %1 (terminal %2, sequence %3)").arg(uuidText(entry.id), entry.terminalId).arg(entry.sequence);
}

} // namespace

namespace ForeignEntries {

Result<QList<JournalEntry>> entriesAfter(const Database &database, const QString &terminalId, qint64 afterSequence,
                                         int limit)
{
    Q_ASSERT(limit > 0 && limit <= kEntriesReadMax);
    const QString doing = QStringLiteral("read terminal %1's journal after sequence %2").arg(terminalId).arg(afterSequence);
    Result<Query> query = database.scan(
        QStringLiteral("SELECT e.position, e.id, e.sequence, e.created_utc, e.kind, e.user_name, e.note, e.customer_id, "
                       "e.order_id, e.override_id, e.related_entry_id, e.previous_hash, e.hash, p.account, p.currency, p.amount "
                       "FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
                       "WHERE e.terminal_id = ? AND e.sequence > ? AND e.sequence <= ? ORDER BY e.sequence, p.line"),
        {terminalId, afterSequence, afterSequence + limit}, doing);
    if (!query)
        return query.error();
    QList<JournalEntry> entries;
    qint64 position = -1;
    while (query->next()) {
        if (query->value(0).toLongLong() != position) {
            position = query->value(0).toLongLong();
            JournalEntry entry;
            entry.id = uuidFromText(query->value(1).toString());
            entry.terminalId = terminalId;
            entry.sequence = query->value(2).toLongLong();
            entry.createdUtc = timestampFromText(query->value(3).toString());
            const std::optional<EntryKind> kind = entryKindFromName(query->value(4).toString());
            if (entry.id.isNull() || !entry.createdUtc.isValid() || !kind)
                return makeError(ErrorCode::Integrity,
                                 QStringLiteral("Journal entry at position %1 in %2 is damaged; run verify.")
                                     .arg(position)
                                     .arg(QDir::toNativeSeparators(database.path())));
            entry.kind = *kind;
            entry.userName = query->value(5).toString();
            entry.note = query->value(6).toString();
            entry.references = {query->value(7).toString(), query->value(8).toString(), query->value(9).toString(),
                                query->value(10).toString()};
            entry.previousHash = query->value(11).toByteArray();
            entry.hash = query->value(12).toByteArray();
            entries.append(entry);
        }
        const std::optional<Currency> currency = Currency::fromCode(query->value(14).toString());
        if (!currency)
            return makeError(ErrorCode::Integrity,
                             QStringLiteral("Journal entry at position %1 in %2 has a posting in unknown currency \"%3\"; run verify.")
                                 .arg(position)
                                 .arg(QDir::toNativeSeparators(database.path()), query->value(14).toString()));
        entries.last().postings.append(Posting{query->value(13).toString(), Money(query->value(15).toLongLong(), *currency)});
    }
    return entries;
}

Result<QMap<QString, ChainTip>> chainTips(const Database &database)
{
    // The (terminal_id, sequence) unique index answers this without reading the journal.
    Result<Query> query = database.run(
        QStringLiteral("SELECT e.terminal_id, e.sequence, e.hash FROM journal_entries e "
                       "JOIN (SELECT terminal_id, max(sequence) AS top FROM journal_entries GROUP BY terminal_id) t "
                       "ON t.terminal_id = e.terminal_id AND t.top = e.sequence"),
        {}, QStringLiteral("read the journal's chain tips"));
    if (!query)
        return query.error();
    QMap<QString, ChainTip> tips;
    while (query->next())
        tips.insert(query->value(0).toString(), ChainTip{query->value(1).toLongLong(), query->value(2).toByteArray()});
    return tips;
}

Result<ChainTip> chainTip(const Database &database, const QString &terminalId)
{
    Result<Query> query =
        database.run(QStringLiteral("SELECT sequence, hash FROM journal_entries WHERE terminal_id = ? ORDER BY sequence DESC LIMIT 1"),
                     {terminalId}, QStringLiteral("read terminal %1's chain tip").arg(terminalId));
    if (!query)
        return query.error();
    if (!query->next())
        return ChainTip{0, genesisHash()};
    return ChainTip{query->value(0).toLongLong(), query->value(1).toByteArray()};
}

} // namespace ForeignEntries

Result<ForeignAppend> Journal::appendForeign(const JournalEntry &entry)
{
    const QString what = label(entry);
    if (entry.terminalId == m_identity.terminalId)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 claims to be this till's own; a till never takes its own entries from elsewhere. "
                                        "Check that no two tills share terminal id %2.")
                             .arg(what, entry.terminalId));
    if (!Accounts::isValidCode(entry.terminalId) || entry.id.isNull() || entry.sequence < 1 || !entry.createdUtc.isValid()
        || entry.previousHash.size() != kHashSize)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is malformed; it was not stored.").arg(what));
    if (entry.computeHash() != entry.hash)
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("%1 does not match its hash; it was altered on the way and was not stored.").arg(what));
    if (auto valid = validateDraft(EntryDraft{entry.kind, entry.userName, entry.note, entry.references, entry.postings});
        !valid)
        return makeError(valid.code(), QStringLiteral("%1 is invalid: %2").arg(what, valid.message()));

    const QString doing = QStringLiteral("store %1").arg(what);
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Query> existing =
        m_database.run(QStringLiteral("SELECT hash FROM journal_entries WHERE id = ? OR (terminal_id = ? AND sequence = ?)"),
                       {uuidText(entry.id), entry.terminalId, entry.sequence}, doing);
    if (!existing)
        return existing.error();
    if (existing->next()) {
        if (existing->value(0).toByteArray() == entry.hash && !existing->next())
            return ForeignAppend::AlreadyStored;
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("%1 differs from the entry with its id or sequence that this till already holds; "
                                        "nothing was stored. Report this to the back office.")
                             .arg(what));
    }
    existing->finish();
    Result<ChainTip> tip = ForeignEntries::chainTip(m_database, entry.terminalId);
    if (!tip)
        return tip.error();
    if (entry.sequence != tip->sequence + 1 || entry.previousHash != tip->hash)
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("%1 does not follow terminal %2's chain here (this till holds up to sequence %3); "
                                        "nothing was stored.")
                             .arg(what, entry.terminalId)
                             .arg(tip->sequence));

    if (auto stored = write(entry, doing); !stored)
        return stored.error();
    if (m_foreignIndexer) {
        if (auto indexed = m_foreignIndexer(entry); !indexed)
            return indexed.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return ForeignAppend::Stored;
}

} // namespace Slate::Core
