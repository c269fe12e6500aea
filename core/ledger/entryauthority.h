#pragma once
// Which accounts each kind of entry may post to, seen from the terminal that writes it: the one
// table of what a terminal is allowed to do to the books (sync/PROTOCOL.md, Authority). The
// server refuses a pushed entry outside it (403) and records a security exception, so one stolen
// till secret cannot move another till's cash, post to another store or mint store credit.
//
// The table is how core itself writes each kind (core/checkout/checkout.cpp for sales and
// refunds, core/customers/storecredit.cpp for top-ups and adjustments,
// core/customers/receivables.cpp for invoices and payments, core/checkout/voids.cpp for
// reversals); a new posting there needs its row here, which tst_entryauthority proves for
// every service.

#include "ledger/accounts.h"
#include "ledger/journalentry.h"

#include <QList>

#include <optional>

namespace Slate::Core {

namespace EntryAuthority {

// Whose account a rule allows, beyond its role.
enum class Scope {
    OwnTerminal,       // the writing terminal's own store and own terminal (its cash drawer)
    OwnStore,          // the writing terminal's store
    AnyStore,          // any store of the chain (an invoice of another store paid here)
    Chain,             // an account of the whole chain (bank, tax codes, credit adjustments)
};

// Which way a posting may go (positive is a debit).
enum class Direction { Either, DebitOnly, CreditOnly };

struct Rule {
    EntryKind kind;
    AccountRole role;
    Scope scope;
    Direction direction;
};

// The table, kind by kind.
const QList<Rule> &rules();

// Who writes the entry: the terminal and the store it is enrolled in.
struct Writer {
    QString terminalId;
    QString storeCode;
};

struct Refusal {
    qsizetype postingIndex = -1;
    QString message; // names the posting and what the terminal may post instead
};

// The first posting of `entry` that its writer may not post, if any. Customer accounts
// (store credit, receivables) must belong to the customer the entry names.
std::optional<Refusal> check(const JournalEntry &entry, const Writer &writer);

} // namespace EntryAuthority
} // namespace Slate::Core
