#include "ledger/foreignentries.h"

#include "ledger/accounts.h"
#include "ledger/foreigncheck.h"
#include "ledger/journal.h"
#include "storage/bulk.h"
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

Result<std::optional<JournalEntry>> entryById(const Database &database, const QString &entryId)
{
    Result<Query> query = database.run(QStringLiteral("SELECT terminal_id, sequence FROM journal_entries WHERE id = ?"), {entryId},
                                       QStringLiteral("read entry %1").arg(entryId));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<JournalEntry>();
    const QString terminal = query->value(0).toString();
    const qint64 sequence = query->value(1).toLongLong();
    query->finish();
    const Result<QList<JournalEntry>> entries = entriesAfter(database, terminal, sequence - 1, 1);
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return makeError(ErrorCode::Integrity, QStringLiteral("Entry %1 cannot be read; run verify.").arg(entryId));
    return std::optional<JournalEntry>(entries->first());
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

// Who "holds" entries in refusal messages: a till's journal has a terminal, the server's has none.
QString Journal::holder() const
{
    return m_identity.terminalId.isEmpty() ? QStringLiteral("the server")
                                           : QStringLiteral("till %1").arg(m_identity.terminalId);
}

Result<ForeignPlan> Journal::planForeign(const QList<JournalEntry> &entries) const
{
    ForeignPlan plan;
    using Kind = ForeignRefusalKind;
    auto refuse = [&plan](qsizetype index, Kind kind, ErrorCode code, const QString &message) {
        plan.fresh.clear();
        plan.alreadyStored = 0;
        plan.refusal = ForeignRefusal{index, kind, makeError(code, message)};
        return plan;
    };
    // In memory first: each entry's form, hash and balance.
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const JournalEntry &entry = entries.at(i);
        // Named only when refused: a push of a thousand good entries formats no message.
        const auto what = [&entry] { return label(entry); };
        if (entry.terminalId == m_identity.terminalId)
            return refuse(i, Kind::Invalid, ErrorCode::InvalidArgument,
                          QStringLiteral("%1 claims to be this till's own; a till never takes its own entries from elsewhere. "
                                         "Check that no two tills share terminal id %2.")
                              .arg(what(), entry.terminalId));
        if (!Accounts::isValidCode(entry.terminalId) || entry.id.isNull() || entry.sequence < 1 || !entry.createdUtc.isValid()
            || entry.previousHash.size() != kHashSize)
            return refuse(i, Kind::Invalid, ErrorCode::InvalidArgument, QStringLiteral("%1 is malformed; it was not stored.").arg(what()));
        if (auto valid = validateDraft(EntryDraft{entry.kind, entry.userName, entry.note, entry.references, entry.postings}); !valid)
            return refuse(i, Kind::Invalid, valid.code(), QStringLiteral("%1 is invalid: %2").arg(what(), valid.message()));
        // The one place a received entry's hash is computed.
        if (entry.computeHash() != entry.hash)
            return refuse(i, Kind::Altered, ErrorCode::Integrity,
                          QStringLiteral("%1: the hash does not match the entry's content; it was altered on the way and was "
                                         "not stored.")
                              .arg(what()));
    }

    // Then what this database holds: each terminal's tip (one read per terminal of the batch),
    // the entries at or below it that the batch repeats, and the ids of the new ones.
    const QString doing = QStringLiteral("check %1 entries of other terminals").arg(entries.size());
    QMap<QString, ChainTip> tips;
    QMap<QString, std::pair<qint64, qint64>> repeated; // terminal -> lowest and highest sequence at or below its tip
    for (const JournalEntry &entry : entries) {
        if (!tips.contains(entry.terminalId)) {
            Result<ChainTip> tip = ForeignEntries::chainTip(m_database, entry.terminalId);
            if (!tip)
                return tip.error();
            tips.insert(entry.terminalId, *tip);
        }
        if (entry.sequence <= tips.value(entry.terminalId).sequence) {
            auto it = repeated.find(entry.terminalId);
            if (it == repeated.end())
                repeated.insert(entry.terminalId, {entry.sequence, entry.sequence});
            else
                *it = {qMin(it->first, entry.sequence), qMax(it->second, entry.sequence)};
        }
    }
    struct Held {
        QString id;
        QByteArray hash;
    };
    QMap<std::pair<QString, qint64>, Held> held; // (terminal, sequence) -> what is stored there
    for (auto it = repeated.cbegin(); it != repeated.cend(); ++it) {
        Result<Query> rows = m_database.run(
            QStringLiteral("SELECT sequence, id, hash FROM journal_entries WHERE terminal_id = ? AND sequence BETWEEN ? AND ?"),
            {it.key(), it->first, it->second}, doing);
        if (!rows)
            return rows.error();
        while (rows->next())
            held.insert({it.key(), rows->value(0).toLongLong()}, Held{rows->value(1).toString(), rows->value(2).toByteArray()});
    }

    QMap<QString, ChainTip> running = tips;
    QHash<QString, qsizetype> freshIds; // id -> index in entries
    QVariantList candidateIds;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const JournalEntry &entry = entries.at(i);
        const auto what = [&entry] { return label(entry); };
        const QString id = uuidText(entry.id);
        ChainTip &tip = running[entry.terminalId];
        if (entry.sequence <= tip.sequence) {
            // Already here: from an earlier batch, or earlier in this one.
            const auto stored = held.constFind({entry.terminalId, entry.sequence});
            const bool same = stored != held.cend() ? stored->id == id && stored->hash == entry.hash
                                                    : freshIds.contains(id) && entries.at(freshIds.value(id)).hash == entry.hash
                                                          && entries.at(freshIds.value(id)).sequence == entry.sequence;
            if (!same)
                return refuse(i, Kind::Conflict, ErrorCode::Integrity,
                              QStringLiteral("%1 differs from the entry %2 already holds at that sequence; nothing of "
                                             "this batch was stored. Check the till's journal (slatectl verify).")
                                  .arg(what(), holder()));
            ++plan.alreadyStored;
            continue;
        }
        if (entry.sequence != tip.sequence + 1)
            return refuse(i, Kind::OutOfChain, ErrorCode::Integrity,
                          QStringLiteral("%1 leaves a gap: %2 holds terminal %3 up to sequence %4; send from %5.")
                              .arg(what(), holder(), entry.terminalId)
                              .arg(tip.sequence)
                              .arg(tip.sequence + 1));
        if (entry.previousHash != tip.hash)
            return refuse(i, Kind::OutOfChain, ErrorCode::Integrity,
                          QStringLiteral("%1 breaks the hash chain: its previous hash is not the hash of sequence %2 as "
                                         "%3 holds it.")
                              .arg(what())
                              .arg(tip.sequence)
                              .arg(holder()));
        if (freshIds.contains(id))
            return refuse(i, Kind::Conflict, ErrorCode::Integrity,
                          QStringLiteral("%1 reuses the id of another entry of this batch; nothing of it was stored.").arg(what()));
        tip = ChainTip{entry.sequence, entry.hash};
        freshIds.insert(id, i);
        candidateIds.append(id);
        plan.fresh.append(entry);
    }
    // A new entry's id must not be taken by any entry held (of any terminal).
    std::optional<std::pair<QString, std::pair<QString, qint64>>> taken;
    auto look = [&taken](Query &rows) {
        if (!taken && rows.next())
            taken = {rows.value(0).toString(), {rows.value(1).toString(), rows.value(2).toLongLong()}};
    };
    if (auto read = Bulk::selectIn(m_database, QStringLiteral("SELECT id, terminal_id, sequence FROM journal_entries WHERE id IN (%1)"), {},
                                   candidateIds, doing, look);
        !read)
        return read.error();
    if (taken) {
        const qsizetype index = freshIds.value(taken->first);
        return refuse(index, Kind::Conflict, ErrorCode::Integrity,
                      QStringLiteral("%1 reuses the id of terminal %2's entry %3 with other content; nothing of this batch was stored.")
                          .arg(label(entries.at(index)), taken->second.first)
                          .arg(taken->second.second));
    }
    return plan;
}

Result<QList<BalanceMove>> Journal::storeForeign(const ForeignPlan &plan)
{
    Q_ASSERT(!plan.refusal);
    Result<QList<BalanceMove>> moves = write(plan.fresh, QStringLiteral("store %1 entries of other terminals").arg(plan.fresh.size()));
    if (!moves)
        return moves.error();
    if (m_foreignIndexer) {
        for (const JournalEntry &entry : plan.fresh) {
            if (auto indexed = m_foreignIndexer(entry); !indexed)
                return indexed.error();
        }
    }
    return moves;
}

Result<ForeignOutcome> Journal::appendForeign(const QList<JournalEntry> &entries)
{
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<ForeignPlan> plan = planForeign(entries);
    if (!plan)
        return plan.error();
    if (plan->refusal)
        return plan->refusal->error;
    if (m_foreignDirectory) {
        Result<std::optional<ForeignFinding>> found = ForeignCheck::check(m_database, *m_foreignDirectory, plan->fresh);
        if (!found)
            return found.error();
        if (*found)
            return makeError(ErrorCode::InvalidArgument, (*found)->message);
    }
    Result<QList<BalanceMove>> moves = storeForeign(*plan);
    if (!moves)
        return moves.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return ForeignOutcome{plan->fresh, plan->alreadyStored, *moves};
}

Result<ForeignAppend> Journal::appendForeign(const JournalEntry &entry)
{
    Result<ForeignOutcome> outcome = appendForeign(QList<JournalEntry>{entry});
    if (!outcome)
        return outcome.error();
    return outcome->stored.isEmpty() ? ForeignAppend::AlreadyStored : ForeignAppend::Stored;
}

} // namespace Slate::Core
