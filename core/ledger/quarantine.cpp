#include "ledger/quarantine.h"

#include "base/uuidv7.h"

namespace Slate::Core::Quarantine {

namespace {

// Refusals that are the entry's own, not the database's: another try cannot store it.
bool isEntrysFault(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::Unbalanced:
    case ErrorCode::Overflow:
    case ErrorCode::Integrity:
    case ErrorCode::AlreadyExists: return true;
    default: return false;
    }
}

// True when the entry was not quarantined before.
Result<bool> put(Database &database, const JournalEntry &entry, const QString &reason)
{
    Result<Query> done = database.run(
        QStringLiteral("INSERT INTO quarantined_entries (entry_id, terminal_id, sequence, kind, hash, reason, recorded_utc) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
        {uuidText(entry.id), entry.terminalId, entry.sequence, entryKindName(entry.kind), entry.hash, reason.left(2000),
         timestampText(nowUtc())},
        QStringLiteral("quarantine entry %1").arg(uuidText(entry.id)));
    if (!done)
        return done.error();
    if (done->numRowsAffected() <= 0)
        return false;
    qWarning("slate sync: quarantined %s of terminal %s at sequence %lld: %s", qPrintable(uuidText(entry.id)),
             qPrintable(entry.terminalId), entry.sequence, qPrintable(reason));
    return true;
}

// Per terminal, the first quarantined sequence: the hole its later entries cannot pass.
Result<QMap<QString, qint64>> holes(const Database &database)
{
    Result<Query> query = database.run(QStringLiteral("SELECT terminal_id, min(sequence) FROM quarantined_entries GROUP BY terminal_id"), {},
                                       QStringLiteral("read the quarantined entries"));
    if (!query)
        return query.error();
    QMap<QString, qint64> first;
    while (query->next())
        first.insert(query->value(0).toString(), query->value(1).toLongLong());
    return first;
}

} // namespace

Result<PageOutcome> storePage(Journal &journal, Database &database, const QList<JournalEntry> &entries)
{
    Result<ForeignOutcome> whole = journal.appendForeign(entries);
    if (whole)
        return PageOutcome{whole->stored.size(), 0};
    if (!isEntrysFault(whole.code()))
        return whole.error();
    Result<QMap<QString, qint64>> held = holes(database);
    if (!held)
        return held.error();
    // Entry by entry, each in its own transaction: only a page with a bad entry in it comes here.
    PageOutcome outcome;
    struct Hole {
        qint64 sequence;
        QString what;
    };
    QMap<QString, Hole> blocked; // terminal -> the first quarantined entry, which its later ones follow
    for (auto it = held->cbegin(); it != held->cend(); ++it)
        blocked.insert(it.key(), Hole{it.value(), QStringLiteral("sequence %1").arg(it.value())});
    for (const JournalEntry &entry : entries) {
        if (const auto hole = blocked.constFind(entry.terminalId); hole != blocked.cend() && entry.sequence >= hole->sequence) {
            Result<bool> putAside = put(database, entry,
                                        QStringLiteral("It follows terminal %1's quarantined entry (%2) and cannot be stored before it.")
                                            .arg(entry.terminalId, hole->what));
            if (!putAside)
                return putAside.error();
            outcome.quarantined += *putAside ? 1 : 0;
            continue;
        }
        Result<ForeignAppend> one = journal.appendForeign(entry);
        if (one) {
            outcome.stored += *one == ForeignAppend::Stored ? 1 : 0;
            continue;
        }
        if (!isEntrysFault(one.code()))
            return one.error();
        Result<bool> putAside = put(database, entry, one.message());
        if (!putAside)
            return putAside.error();
        outcome.quarantined += *putAside ? 1 : 0;
        blocked.insert(entry.terminalId, Hole{entry.sequence, QStringLiteral("%1 at sequence %2").arg(uuidText(entry.id)).arg(entry.sequence)});
    }
    return outcome;
}

Result<QMap<QString, qint64>> highestSequences(const Database &database)
{
    Result<Query> query = database.run(QStringLiteral("SELECT terminal_id, max(sequence) FROM quarantined_entries GROUP BY terminal_id"), {},
                                       QStringLiteral("read the quarantined entries"));
    if (!query)
        return query.error();
    QMap<QString, qint64> highest;
    while (query->next())
        highest.insert(query->value(0).toString(), query->value(1).toLongLong());
    return highest;
}

Result<QList<QuarantinedEntry>> list(const Database &database, int rowsMax)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT entry_id, terminal_id, sequence, kind, reason, recorded_utc FROM quarantined_entries "
                       "ORDER BY recorded_utc, terminal_id, sequence LIMIT ?"),
        {qBound(1, rowsMax, 1000)}, QStringLiteral("read the quarantined entries"));
    if (!query)
        return query.error();
    QList<QuarantinedEntry> rows;
    while (query->next())
        rows.append(QuarantinedEntry{query->value(0).toString(), query->value(1).toString(), query->value(2).toLongLong(),
                                     query->value(3).toString(), query->value(4).toString(), timestampFromText(query->value(5).toString())});
    return rows;
}

} // namespace Slate::Core::Quarantine
