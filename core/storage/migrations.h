#pragma once
// One migration runner for every schema (the till's, the server's). A schema is a numbered list
// of steps; version N is reached by applying steps 1..N in order, each in one transaction
// together with the new version number, so a crash mid-migration leaves the previous version
// intact. Statements are written once for both dialects with a few words that differ:
//   {id}            an auto-numbered 64-bit key (SQLite's rowid, PostgreSQL's BIGSERIAL)
//   {blob}          bytes (BLOB / BYTEA)
//   {without_rowid} SQLite's WITHOUT ROWID table option (nothing on PostgreSQL)
// and a statement may be for one dialect only (triggers are written in each one's language).
// On PostgreSQL an advisory lock makes a second server process that starts at the same moment
// wait, and then find the schema current.

#include "storage/database.h"

#include <array>
#include <span>

namespace Slate::Core {

// SQLite's PRAGMA application_id of Slate's two kinds of database, so that neither is opened as
// the other: 'SLAT' (a till) and 'SLSV' (slate-server).
constexpr int kTillApplicationId = 0x534C4154;
constexpr int kServerApplicationId = 0x534C5356;

enum class DialectOnly { Both, SqliteOnly, PostgresOnly };

struct SchemaStatement {
    const char *sql;
    DialectOnly only = DialectOnly::Both;
};

struct MigrationStep {
    // Applied in order; a step may be made of shared parts (e.g. the ledger's tables).
    std::array<std::span<const SchemaStatement>, 4> parts;
    // Work that SQL alone cannot do (e.g. rewriting stored JSON), run after the statements in
    // the step's transaction. nullptr when there is none.
    Result<void> (*code)(Database &database) = nullptr;
};

// Where a schema keeps its version.
enum class VersionStore {
    UserVersionPragma, // SQLite's PRAGMA user_version (the till)
    MetaTable,         // the row 'schema_version' of the table server_meta (the server; both dialects)
};

struct SchemaDefinition {
    const char *name;          // "till", "server": for messages
    int applicationId;         // SQLite's PRAGMA application_id, which marks the file as this schema's
    VersionStore versionStore;
    std::span<const MigrationStep> steps;
    const char *updateHint;    // the program to update when the database is newer, e.g. "Slate"
    const char *createHint;    // the command that makes a new one, e.g. "slatectl init"
    int newestVersion() const { return int(steps.size()); }
};

// Expands the dialect words of one statement.
QString dialectSql(const char *sql, Dialect dialect);

// Reads the schema's version in this database (0: none yet).
Result<int> schemaVersionOf(const Database &database, const SchemaDefinition &schema);

// Migrates from the database's version up to targetVersion (<= the schema's newest).
Result<void> migrateSchema(Database &database, const SchemaDefinition &schema, int targetVersion);

} // namespace Slate::Core
