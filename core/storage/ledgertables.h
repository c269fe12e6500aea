#pragma once
// The ledger's tables, written once for both dialects and used by the till's schema and the
// server's: the append-only journal (journal_entries and postings, refusing UPDATE and DELETE)
// and the balances maintained with it (account_balances). Till and server store entries in the
// same tables through the same code (ledger/journal.h).

#include "storage/migrations.h"

namespace Slate::Core::LedgerTables {

// journal_entries, postings, their indexes and the append-only triggers.
std::span<const SchemaStatement> journal();
// account_balances: one row per account and currency, moved in the transaction of each entry.
std::span<const SchemaStatement> balances();

} // namespace Slate::Core::LedgerTables
