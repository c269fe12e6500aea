#pragma once
// Reading and writing the journal for sync. A till pushes its own entries to the server in
// sequence order and stores entries that other terminals wrote (pulled from the server) exactly
// as they were hashed there. Other terminals' entries never go through Journal::append, which
// would give them this till's terminal id, sequence and hash; Journal::appendForeign (defined in
// foreignentries.cpp) checks the entry's own hash and its place in its terminal's chain instead.
//
// The pull cursor is the set of chain tips: for each terminal, the highest sequence this
// database holds. It is read from the journal itself, so it can never disagree with what is
// stored, and a pull after a crash simply resumes from it.

#include "storage/database.h"
#include "ledger/journalentry.h"

#include <QList>
#include <QMap>

#include <optional>

namespace Slate::Core {

struct ChainTip {
    qint64 sequence = 0;       // 0: no entry of this terminal yet
    QByteArray hash;           // the hash of that entry; genesisHash() when sequence is 0
};

enum class ForeignAppend {
    Stored,        // the entry was new and is now stored, with its postings and balances
    AlreadyStored, // the same entry (same id and same hash) was already here; nothing changed
};

constexpr int kEntriesReadMax = 5000;

namespace ForeignEntries {

// Up to `limit` (<= kEntriesReadMax) entries of one terminal with sequence > afterSequence, in
// sequence order, with their postings.
Result<QList<JournalEntry>> entriesAfter(const Database &database, const QString &terminalId, qint64 afterSequence,
                                         int limit);
// The entry with this id, with its postings (none: no such entry here).
Result<std::optional<JournalEntry>> entryById(const Database &database, const QString &entryId);
// Every terminal's tip in this database.
Result<QMap<QString, ChainTip>> chainTips(const Database &database);
// One terminal's tip (sequence 0 and the genesis hash when it has no entry here).
Result<ChainTip> chainTip(const Database &database, const QString &terminalId);

} // namespace ForeignEntries
} // namespace Slate::Core
