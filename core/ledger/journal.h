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

namespace Slate::Core {

struct AccountBalance {
    QString account;
    Money balance;
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

class Journal {
public:
    Journal(Database &database, StoreIdentity identity);

    const StoreIdentity &identity() const { return m_identity; }

    // Validates and records a draft as this terminal's next entry. Refused drafts write nothing.
    Result<JournalEntry> append(const EntryDraft &draft);

    // Stores another terminal's entry exactly as it was hashed there (pulled by sync), after
    // checking its hash, its balance and that it follows that terminal's chain here; moves the
    // balances in the same transaction. Defined in foreignentries.cpp.
    Result<ForeignAppend> appendForeign(const JournalEntry &entry);

    // Records derived from a stored foreign entry (e.g. the invoices list), written in the same
    // transaction as the entry; an error undoes the append. The ledger knows no such records:
    // whoever wires the services (Store) hands this in.
    using ForeignIndexer = std::function<Result<void>(const JournalEntry &entry)>;
    void setForeignIndexer(ForeignIndexer indexer) { m_foreignIndexer = std::move(indexer); }

    // The balance of one account (zero for an account that never moved).
    Result<Money> balance(const QString &account) const;
    // Balances of every account that has moved, ordered by name.
    Result<QList<AccountBalance>> balances() const;

    Result<qint64> entryCount() const;
    // Calls visit for each entry with its postings; visit returns false to stop early.
    Result<void> forEachEntry(EntryOrder order, const std::function<bool(const JournalEntry &)> &visit) const;

    // Checks SQLite's own consistency, every terminal's sequence and hash chain, that every entry
    // balances, and that every maintained balance equals the sum of its postings. Fails with
    // ErrorCode::Integrity and a message naming the first discrepancy.
    Result<VerifyReport> verify() const;

private:
    Result<void> write(const JournalEntry &entry, const QString &doing);
    Result<void> applyToBalances(const QList<Posting> &postings);

    Database &m_database;
    StoreIdentity m_identity;
    ForeignIndexer m_foreignIndexer;
};

} // namespace Slate::Core
