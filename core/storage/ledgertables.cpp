#include "storage/ledgertables.h"

namespace Slate::Core::LedgerTables {

namespace {

const SchemaStatement kJournal[] = {
    {R"(CREATE TABLE journal_entries (
        position {id},
        id TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL,
        sequence BIGINT NOT NULL CHECK (sequence >= 1),
        created_utc TEXT NOT NULL,
        kind TEXT NOT NULL,
        user_name TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        customer_id TEXT NOT NULL DEFAULT '',
        order_id TEXT NOT NULL DEFAULT '',
        override_id TEXT NOT NULL DEFAULT '',
        related_entry_id TEXT NOT NULL DEFAULT '',
        previous_hash {blob} NOT NULL CHECK (length(previous_hash) = 32),
        hash {blob} NOT NULL CHECK (length(hash) = 32),
        UNIQUE (terminal_id, sequence)
    ))"},
    {R"(CREATE TABLE postings (
        entry_position BIGINT NOT NULL REFERENCES journal_entries(position),
        line INTEGER NOT NULL,
        account TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount BIGINT NOT NULL CHECK (amount <> 0),
        PRIMARY KEY (entry_position, line)
    ){without_rowid})"},
    {"CREATE INDEX postings_by_account ON postings(account, entry_position)"},
    {"CREATE INDEX journal_entries_by_customer ON journal_entries(customer_id, position) WHERE customer_id <> ''"},
    {R"(CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
       BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: record a correcting entry instead'); END)",
     DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
       BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: record a correcting entry instead'); END)",
     DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
       BEGIN SELECT RAISE(ABORT, 'postings is append-only: record a correcting entry instead'); END)",
     DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
       BEGIN SELECT RAISE(ABORT, 'postings is append-only: record a correcting entry instead'); END)",
     DialectOnly::SqliteOnly},
    {R"(CREATE OR REPLACE FUNCTION slate_append_only() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN RAISE EXCEPTION '% is append-only: record a correcting entry instead', TG_TABLE_NAME; END $$)",
     DialectOnly::PostgresOnly},
    {R"(CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())",
     DialectOnly::PostgresOnly},
    {R"(CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON postings
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())",
     DialectOnly::PostgresOnly},
};

const SchemaStatement kBalances[] = {
    {R"(CREATE TABLE account_balances (
        account TEXT NOT NULL,
        currency TEXT NOT NULL,
        balance BIGINT NOT NULL,
        PRIMARY KEY (account, currency)
    ){without_rowid})"},
};

} // namespace

std::span<const SchemaStatement> journal() { return kJournal; }
std::span<const SchemaStatement> balances() { return kBalances; }

} // namespace Slate::Core::LedgerTables
