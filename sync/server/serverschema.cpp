#include "server/serverschema.h"

#include "storage/ledgertables.h"
#include "storage/masterrowimages.h"

#include <QJsonDocument>
#include <QList>
#include <QMap>

namespace Slate::Sync::ServerSchema {

namespace {

using Core::DialectOnly;
using Core::SchemaStatement;

// Version 1: terminals and their enrolment, request nonces, the journal of every terminal with
// its postings and maintained balances (in tables of its own, "entries" and "postings", until
// version 3), and exceptions for the back office.
const SchemaStatement kVersion1[] = {
    {R"(CREATE TABLE terminals (
        id TEXT PRIMARY KEY,
        store_code TEXT NOT NULL,
        signing_key {blob} NOT NULL,
        enrolled_ms BIGINT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
    ))"},
    {R"(CREATE TABLE enrolment_codes (
        code_hash {blob} PRIMARY KEY,
        store_code TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL,
        used_ms BIGINT
    ))"},
    {R"(CREATE TABLE nonces (
        terminal_id TEXT NOT NULL,
        nonce TEXT NOT NULL,
        seen_ms BIGINT NOT NULL,
        PRIMARY KEY (terminal_id, nonce)
    ))"},
    {"CREATE INDEX nonces_by_time ON nonces(seen_ms)"},
    {R"(CREATE TABLE entries (
        position {id},
        id TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL,
        sequence BIGINT NOT NULL CHECK (sequence >= 1),
        created_utc TEXT NOT NULL,
        kind TEXT NOT NULL,
        user_name TEXT NOT NULL,
        note TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        override_id TEXT NOT NULL,
        related_entry_id TEXT NOT NULL,
        previous_hash {blob} NOT NULL,
        hash {blob} NOT NULL,
        received_ms BIGINT NOT NULL,
        UNIQUE (terminal_id, sequence)
    ))"},
    {R"(CREATE TABLE postings (
        entry_position BIGINT NOT NULL REFERENCES entries(position),
        line INTEGER NOT NULL,
        account TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount BIGINT NOT NULL CHECK (amount <> 0),
        PRIMARY KEY (entry_position, line)
    ))"},
    {"CREATE INDEX postings_by_account ON postings(account, entry_position)"},
    {R"(CREATE TABLE account_balances (
        account TEXT NOT NULL,
        currency TEXT NOT NULL,
        balance BIGINT NOT NULL,
        PRIMARY KEY (account, currency)
    ))"},
    {R"(CREATE TABLE exceptions (
        id {id},
        kind TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        account TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount BIGINT NOT NULL,
        entry_id TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        entries TEXT NOT NULL,
        detail TEXT NOT NULL,
        created_ms BIGINT NOT NULL,
        UNIQUE (kind, entry_id)
    ))"},
    // The journal is append-only on the server too.
    {R"(CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
       BEGIN SELECT RAISE(ABORT, 'entries is append-only'); END)", DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
       BEGIN SELECT RAISE(ABORT, 'entries is append-only'); END)", DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
       BEGIN SELECT RAISE(ABORT, 'postings is append-only'); END)", DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
       BEGIN SELECT RAISE(ABORT, 'postings is append-only'); END)", DialectOnly::SqliteOnly},
    {R"(CREATE FUNCTION slate_append_only() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$)", DialectOnly::PostgresOnly},
    {R"(CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())", DialectOnly::PostgresOnly},
    {R"(CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON postings
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())", DialectOnly::PostgresOnly},
};

// Version 2: master data. Every change a terminal pushed (its whole log: the server's history
// of every record, losers included) and each record's winning value by the conflict rule of
// core/masterdata/masterdata.h. Pushes of master data are serialised by a lock on master_lock's
// one row, so positions become visible in order and a pull cursor (a position) never skips a change.
const SchemaStatement kVersion2[] = {
    {R"(CREATE TABLE master_changes (
        position {id},
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        version BIGINT NOT NULL,
        node TEXT NOT NULL,
        data TEXT NOT NULL,
        received_ms BIGINT NOT NULL,
        UNIQUE (node, version)
    ))"},
    {"CREATE INDEX master_changes_by_record ON master_changes(kind, key, position)"},
    {R"(CREATE TABLE master_current (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        version BIGINT NOT NULL,
        node TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    ))"},
    {"CREATE TABLE master_lock (id INTEGER PRIMARY KEY)"},
    {"INSERT INTO master_lock (id) VALUES (1)"},
    {R"(CREATE TRIGGER master_changes_no_update BEFORE UPDATE ON master_changes
       BEGIN SELECT RAISE(ABORT, 'master_changes is append-only'); END)", DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER master_changes_append_only BEFORE UPDATE OR DELETE ON master_changes
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())", DialectOnly::PostgresOnly},
};

// Version 3: one ledger engine. The server's journal moves into core's tables (journal_entries
// and postings, storage/ledgertables.h), so that till and server store entries through the same
// Journal code; positions are kept, so postings still point at their entries. account_balances
// already has core's shape. The time each entry was received is not kept: the journal holds
// what the till recorded, and request logs hold when it arrived.
const SchemaStatement kVersion3Before[] = {
    {"DROP TRIGGER entries_no_update", DialectOnly::SqliteOnly},
    {"DROP TRIGGER entries_no_delete", DialectOnly::SqliteOnly},
    {"DROP TRIGGER postings_no_update", DialectOnly::SqliteOnly},
    {"DROP TRIGGER postings_no_delete", DialectOnly::SqliteOnly},
    {"DROP TRIGGER entries_append_only ON entries", DialectOnly::PostgresOnly},
    {"DROP TRIGGER postings_append_only ON postings", DialectOnly::PostgresOnly},
    {"DROP INDEX postings_by_account"},
    {"ALTER TABLE postings RENAME TO postings_v2"},
    {"ALTER INDEX postings_pkey RENAME TO postings_v2_pkey", DialectOnly::PostgresOnly},
    {"ALTER TABLE entries RENAME TO entries_v2"},
};
const SchemaStatement kVersion3After[] = {
    {R"(INSERT INTO journal_entries (position, id, terminal_id, sequence, created_utc, kind, user_name, note, customer_id,
                                     order_id, override_id, related_entry_id, previous_hash, hash)
        SELECT position, id, terminal_id, sequence, created_utc, kind, user_name, note, customer_id, order_id, override_id,
               related_entry_id, previous_hash, hash FROM entries_v2 ORDER BY position)"},
    {R"(INSERT INTO postings (entry_position, line, account, currency, amount)
        SELECT entry_position, line, account, currency, amount FROM postings_v2 ORDER BY entry_position, line)"},
    {"DROP TABLE postings_v2"},
    {"DROP TABLE entries_v2"},
    {"SELECT setval(pg_get_serial_sequence('journal_entries', 'position'), coalesce(max(position), 0) + 1, false) "
     "FROM journal_entries", DialectOnly::PostgresOnly},
};

// Version 4: master data carries every amount as a decimal string with its currency (sync
// protocol 2, sync/PROTOCOL.md). The values stored in the number form (amounts as integers in
// minor units of the pushing till's currency) are rewritten by core's Money. The server keeps no
// store currency of its own: a record's currency is that of its node's entries here, else the one
// currency of the whole journal, else $SLATE_MASTER_CURRENCY (read by this migration only); with
// none of them the migration stops and says so. master_changes stays append-only outside this step.
const SchemaStatement kVersion4[] = {
    {"DROP TRIGGER master_changes_no_update", DialectOnly::SqliteOnly},
    {"DROP TRIGGER master_changes_append_only ON master_changes", DialectOnly::PostgresOnly},
};
const SchemaStatement kVersion4After[] = {
    {R"(CREATE TRIGGER master_changes_no_update BEFORE UPDATE ON master_changes
       BEGIN SELECT RAISE(ABORT, 'master_changes is append-only'); END)", DialectOnly::SqliteOnly},
    {R"(CREATE TRIGGER master_changes_append_only BEFORE UPDATE OR DELETE ON master_changes
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())", DialectOnly::PostgresOnly},
};

// Version 5: retry-safe enrolment (sync/PROTOCOL.md, "Enrolment"). A code redeemed with a
// request value keeps the value's SHA-256 (request_hash; NULL for a till that sent none, which
// stays one shot), and the terminal names the code that issued its current key
// (enrolment_code_hash) until its first authenticated request. A retry of the same code and
// request while both hold gets that key again from signing_key, the one copy the server keeps
// anyway to check signatures; once the column is NULL nothing answers with the key any more.
const SchemaStatement kVersion5[] = {
    {"ALTER TABLE enrolment_codes ADD COLUMN request_hash {blob} CHECK (request_hash IS NULL OR length(request_hash) = 32)"},
    {"ALTER TABLE terminals ADD COLUMN enrolment_code_hash {blob}"},
};

// The currencies of one query's rows; at most two are read (one is the answer, two is ambiguous).
Core::Result<QStringList> currenciesOf(Core::Database &database, const QString &sql, const QVariantList &values)
{
    Core::Result<Core::Query> query = database.run(sql, values, QStringLiteral("read the currencies of the journal"));
    if (!query)
        return query.error();
    QStringList codes;
    while (codes.size() < 2 && query->next())
        codes.append(query->value(0).toString());
    query->finish();
    return codes;
}

// The currency of the amounts terminal `node` pushed in the number form.
Core::Result<Core::Currency> legacyCurrency(Core::Database &database, const QString &node, QMap<QString, Core::Currency> &known)
{
    if (auto found = known.constFind(node); found != known.cend())
        return *found;
    Core::Result<QStringList> own = currenciesOf(database,
                                                 QStringLiteral("SELECT DISTINCT p.currency FROM postings p JOIN journal_entries e "
                                                                "ON e.position = p.entry_position WHERE e.terminal_id = ? LIMIT 2"),
                                                 {node});
    if (!own)
        return own.error();
    QString code = own->size() == 1 ? own->first() : QString();
    if (own->isEmpty()) {
        Core::Result<QStringList> all = currenciesOf(database, QStringLiteral("SELECT DISTINCT currency FROM postings LIMIT 2"), {});
        if (!all)
            return all.error();
        if (all->size() == 1)
            code = all->first();
        else if (all->isEmpty())
            code = qEnvironmentVariable("SLATE_MASTER_CURRENCY");
    }
    const std::optional<Core::Currency> currency = Core::Currency::fromCode(code);
    if (!currency)
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("Master data of terminal %1 holds amounts in minor units, but the journal here does not "
                                              "tell their currency (%2). Start slate-server once with SLATE_MASTER_CURRENCY set to "
                                              "the chain's currency (e.g. SLATE_MASTER_CURRENCY=NOK) to convert them.")
                                   .arg(node, own->size() > 1 ? QStringLiteral("its entries are in several currencies")
                                                              : code.isEmpty() ? QStringLiteral("no entries, in one currency")
                                                                               : QStringLiteral("\"%1\" is no currency").arg(code.left(8))));
    known.insert(node, *currency);
    return *currency;
}

Core::Result<void> rewriteMasterAmounts(Core::Database &database)
{
    const QString doing = QStringLiteral("rewrite the amounts of master data as decimal strings");
    QMap<QString, Core::Currency> known;
    // Each table's rows, by their key columns; both tables are bounded by what tills pushed.
    enum class RowKey { Position, Record };
    struct Table {
        const char *select;
        const char *update;
        RowKey rowKey;
    };
    static const Table tables[] = {
        {"SELECT kind, key, node, data, position FROM master_changes ORDER BY position",
         "UPDATE master_changes SET data = ? WHERE position = ?", RowKey::Position},
        {"SELECT kind, key, node, data, 0 FROM master_current ORDER BY kind, key",
         "UPDATE master_current SET data = ? WHERE kind = ? AND key = ?", RowKey::Record},
    };
    for (const Table &table : tables) {
        Core::Result<Core::Query> rows = database.run(QString::fromUtf8(table.select), {}, doing);
        if (!rows)
            return rows.error();
        struct Row {
            QString kind, key, node;
            QJsonObject data;
            qint64 position;
        };
        QList<Row> found;
        while (rows->next()) {
            Row row{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                    QJsonDocument::fromJson(rows->value(3).toString().toUtf8()).object(), rows->value(4).toLongLong()};
            if (Core::MasterRowImages::carriesAmounts(row.kind, row.key) && !row.data.contains(QStringLiteral("currency")))
                found.append(row);
        }
        rows->finish();
        for (const Row &row : found) {
            Core::Result<Core::Currency> currency = legacyCurrency(database, row.node, known);
            if (!currency)
                return currency.error();
            const QString data = QString::fromUtf8(
                QJsonDocument(Core::MasterRowImages::withDecimalAmounts(row.kind, row.key, row.data, *currency)).toJson(QJsonDocument::Compact));
            const QVariantList values =
                table.rowKey == RowKey::Position ? QVariantList{data, row.position} : QVariantList{data, row.kind, row.key};
            if (auto updated = database.run(QString::fromUtf8(table.update), values, doing); !updated)
                return updated.error();
        }
    }
    for (const SchemaStatement &statement : kVersion4After) {
        const bool sqlite = database.dialect() == Core::Dialect::Sqlite;
        if ((statement.only == DialectOnly::SqliteOnly && !sqlite) || (statement.only == DialectOnly::PostgresOnly && sqlite))
            continue;
        if (auto done = database.execute(QString::fromUtf8(statement.sql), doing); !done)
            return done;
    }
    return {};
}

} // namespace

const Core::SchemaDefinition &definition()
{
    static const Core::MigrationStep steps[] = {
        {{kVersion1}},
        {{kVersion2}},
        {{kVersion3Before, Core::LedgerTables::journal(), kVersion3After}},
        {{kVersion4}, &rewriteMasterAmounts},
        {{kVersion5}},
    };
    static const Core::SchemaDefinition schema{"server", Core::kServerApplicationId, Core::VersionStore::MetaTable, steps,
                                               "slate-server", "slate-server enroll"};
    Q_ASSERT(schema.newestVersion() == kCurrentVersion);
    return schema;
}

Core::Result<std::unique_ptr<Core::Database>> open(const QString &location, Core::OpenMode mode, Core::CheckpointPolicy checkpoints)
{
    if (location.isEmpty())
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("No server database given; pass --db FILE or --db postgresql://…"));
    Core::OpenOptions options;
    options.mode = mode;
    options.busyTimeoutMs = 10000;
    options.schema = &definition();
    options.checkpoints = checkpoints;
    return Core::Database::open(location, options);
}

} // namespace Slate::Sync::ServerSchema
