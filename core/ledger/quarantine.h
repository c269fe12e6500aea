#pragma once
// Liveness for pulled entries: a till never stops syncing because of one record. A pulled page is
// stored as one set (Journal::appendForeign); when that is refused for an entry's own sake (it
// does not balance, its hash, an account in another currency, …) the page is stored entry by
// entry instead: what can be stored is, the entry that cannot is quarantined here with why, and so
// is every later entry of that terminal (they cannot follow a chain with a hole in it). The pull
// cursor counts quarantined entries as held, so the server does not send them again and every
// other terminal's entries keep flowing. A failure of the database itself (locked, full, …) is
// not the entry's: it fails the page as before, and nothing is quarantined.

#include "ledger/journal.h"

#include <QDateTime>
#include <QList>
#include <QMap>

namespace Slate::Core {

struct QuarantinedEntry {
    QString entryId;
    QString terminalId;
    qint64 sequence = 0;
    QString kind;
    QString reason;
    QDateTime recordedUtc;
};

struct PageOutcome {
    qsizetype stored = 0;      // entries new here, now stored
    qsizetype quarantined = 0; // entries put aside by this page (not counting ones put aside before)
};

namespace Quarantine {

// Stores a pulled page, quarantining what cannot be stored (see above).
Result<PageOutcome> storePage(Journal &journal, Database &database, const QList<JournalEntry> &entries);
// Per terminal, the highest sequence quarantined here (for the pull cursor).
Result<QMap<QString, qint64>> highestSequences(const Database &database);
// The quarantined entries, oldest first (rowsMax <= 1000).
Result<QList<QuarantinedEntry>> list(const Database &database, int rowsMax = 100);

} // namespace Quarantine
} // namespace Slate::Core
