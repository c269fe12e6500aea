#pragma once
// The one check of other terminals' entries against the books that receive them, run by the
// server before it stores a push and by a till before it stores a pulled page, so that whatever
// the server accepts every till accepts (and a till is never wedged by an entry the server
// took). Journal::planForeign checks an entry on its own (form, hash, balance, chain); this
// checks what it does to these books:
//
// * every posting's currency is its account's currency: the one an account here is kept in,
//   and for an account new here the books' currency (a till's: its store's; the server's: the
//   one currency its journal is kept in);
// * the stores, terminals and customers it names are known here. The server judges them: it
//   enrols the terminals and holds every customer's master data, which a round pushes before
//   the entries that name the customer (or, for entries stored before master data was synced,
//   an entry it already holds names them). A till leaves them to the server: an entry naming a
//   customer the till has not pulled (yet) can be stored all the same, and refusing it would only
//   stop the till's sync;
// * and, where the writing terminal's store is known (the server), that the terminal may post
//   to each account at all (ledger/entryauthority.h).
//
// A finding names the entry and the posting and says what to do.

#include "ledger/entryauthority.h"
#include "ledger/journalentry.h"
#include "storage/database.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace Slate::Core {

// What the receiving node knows of the stores, terminals and customers that entries name.
class ForeignDirectory {
public:
    virtual ~ForeignDirectory() = default;
    // The store of each of these terminals that is enrolled here; std::nullopt when this node
    // keeps no list of terminals and stores (a till).
    virtual Result<std::optional<QHash<QString, QString>>> terminalStores(const QSet<QString> &terminalIds) const = 0;
    // Which of these stores have a terminal enrolled here; std::nullopt as above.
    virtual Result<std::optional<QSet<QString>>> knownStores(const QSet<QString> &storeCodes) const = 0;
    // Which of these customers exist here; std::nullopt when this node does not judge customers
    // (a till: see ForeignCheck below).
    virtual Result<std::optional<QSet<QString>>> knownCustomers(const QSet<QString> &customerIds) const = 0;
    // The currency an account new here is kept in; std::nullopt when these books have none yet
    // (an empty server journal: the first entries set it).
    virtual Result<std::optional<Currency>> booksCurrency() const = 0;
};

enum class ForeignFindingKind {
    Unknown,   // names a store, terminal or customer these books do not know
    Currency,  // a posting in another currency than its account's
    Forbidden, // outside the writing terminal's authority (a security matter)
};

struct ForeignFinding {
    qsizetype entryIndex = -1;
    qsizetype postingIndex = -1; // -1: the entry as a whole
    ForeignFindingKind kind = ForeignFindingKind::Unknown;
    QString message;
};

namespace ForeignCheck {

// The first finding in `entries` (other terminals' entries, new here), in order; nothing when
// all of them can be stored here. An error is a failure to read.
Result<std::optional<ForeignFinding>> check(const Database &database, const ForeignDirectory &directory,
                                            const QList<JournalEntry> &entries);

} // namespace ForeignCheck
} // namespace Slate::Core
