#pragma once
// Journal: the append-only double-entry journal of one database. Appending assigns the entry's
// id, this terminal's next sequence number, the time and the hash chain, writes the entry and
// its postings, and moves the account balances — all in one transaction. Balances are read from
// the maintained table (never by scanning postings); verify() proves the two agree.

#include "storage/database.h"
#include "ledger/foreignentries.h"
#include "ledger/journalentry.h"
#include "ledger/storeidentity.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace Slate::Core {

class ForeignDirectory;

struct AccountBalance {
    QString account;
    Money balance;
};

// How a write moved one account's maintained balance: before and after it, exactly (read from
// the balance update itself, so that it holds also when another server process moves the same
// account at the same moment).
struct BalanceMove {
    QString account;
    Money before;
    Money after;
};

struct VerifyReport {
    qint64 entries = 0;
    qint64 postings = 0;
    qint64 terminals = 0;
    qint64 accounts = 0;
};

enum class EntryOrder {
    AsStored,         // the order this database stored them (position)
    ByTerminalChain,  // terminal id, then sequence: the order of each hash chain
};

// Why a batch of other terminals' entries cannot be stored, and which entry.
enum class ForeignRefusalKind {
    Invalid,    // malformed, unbalanced or otherwise not an entry this journal takes
    Altered,    // its content does not match its hash
    OutOfChain, // it does not follow its terminal's chain here (a gap, another previous hash)
    Conflict,   // same id or same place in a chain as an entry held, other content: worth reporting
};

struct ForeignRefusal {
    qsizetype index = -1;
    ForeignRefusalKind kind = ForeignRefusalKind::Invalid;
    Error error;
};

// What a batch of other terminals' entries would do here (Journal::planForeign), judged in the
// caller's transaction: which entries are new, in order, and how many were here already — or
// why the batch is refused.
struct ForeignPlan {
    QList<JournalEntry> fresh;
    qsizetype alreadyStored = 0;
    std::optional<ForeignRefusal> refusal;
};

struct ForeignOutcome {
    QList<JournalEntry> stored; // new here, in order
    qsizetype alreadyStored = 0;
    QList<BalanceMove> moves;   // the balances the new entries moved, by account
};

class Journal {
public:
    Journal(Database &database, StoreIdentity identity);

    const StoreIdentity &identity() const { return m_identity; }

    // Validates and records a draft as this terminal's next entry. Refused drafts write nothing.
    Result<JournalEntry> append(const EntryDraft &draft);

    // Stores other terminals' entries exactly as they were hashed there (pulled by a till, or
    // pushed to the server), all or nothing in one transaction: each entry's hash and balance
    // are checked, it must follow its terminal's chain here (or be the same entry as one held),
    // and its id must be new; then the batch is written as a set and the balances move. The
    // error of a refused batch names the entry (planForeign tells which one). Defined in
    // foreignentries.cpp.
    Result<ForeignOutcome> appendForeign(const QList<JournalEntry> &entries);
    Result<ForeignAppend> appendForeign(const JournalEntry &entry);
    // The checks of appendForeign without writing, inside the caller's transaction, for a caller
    // that does more in it (the server locks the terminal, records a conflict, finds exceptions).
    // An error is a failure to read; a refused batch is a plan with its refusal.
    Result<ForeignPlan> planForeign(const QList<JournalEntry> &entries) const;
    // Writes a plan's fresh entries (in the caller's transaction; the plan has no refusal) and
    // runs the foreign indexer on each.
    Result<QList<BalanceMove>> storeForeign(const ForeignPlan &plan);

    // Records derived from a stored foreign entry (e.g. the invoices list), written in the same
    // transaction as the entry; an error undoes the append. The ledger knows no such records:
    // whoever wires the services (Store) hands this in.
    using ForeignIndexer = std::function<Result<void>(const JournalEntry &entry)>;
    void setForeignIndexer(ForeignIndexer indexer) { m_foreignIndexer = std::move(indexer); }
    // What appendForeign checks other terminals' entries against before it stores them
    // (ledger/foreigncheck.h: currencies per account, known customers, …); a refused batch is an
    // InvalidArgument naming the entry and the posting. Whoever wires the services (Store) hands
    // it in; the server runs the same check itself between planForeign and storeForeign.
    void setForeignDirectory(std::shared_ptr<const ForeignDirectory> directory) { m_foreignDirectory = std::move(directory); }

    // The balance of one account (zero for an account that never moved).
    Result<Money> balance(const QString &account) const;
    // Balances of every account that has moved, ordered by name.
    Result<QList<AccountBalance>> balances() const;

    Result<qint64> entryCount() const;
    // Calls visit for each entry with its postings; visit returns false to stop early.
    Result<void> forEachEntry(EntryOrder order, const std::function<bool(const JournalEntry &)> &visit) const;

    // Checks the database's own consistency (SQLite), every terminal's sequence and hash chain,
    // that every entry balances, and that every maintained balance equals the sum of its
    // postings. Fails with ErrorCode::Integrity and a message naming the first discrepancy.
    Result<VerifyReport> verify() const;

private:
    // The one write path of entries, own and foreign: rows of the entries and their postings in
    // bulk, then one balance update per account. The caller holds the transaction and has
    // checked each entry's place in its chain.
    Result<QList<BalanceMove>> write(const QList<JournalEntry> &entries, const QString &doing);
    Result<QList<BalanceMove>> moveBalances(const QList<JournalEntry> &entries, const QString &doing);
    Result<QList<qint64>> reservePositions(qsizetype count, const QString &doing);

    Database &m_database;
    QString holder() const;

    StoreIdentity m_identity;
    ForeignIndexer m_foreignIndexer;
    std::shared_ptr<const ForeignDirectory> m_foreignDirectory;
};

} // namespace Slate::Core
