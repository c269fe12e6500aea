#include "storage/migrations.h"

#include <QDir>

namespace Slate::Core {

namespace {

// An arbitrary constant naming the migration lock among PostgreSQL advisory locks ("SLATSYNC").
constexpr qint64 kMigrationLockKey = 0x534C4154'53594E43;

bool applies(DialectOnly only, Dialect dialect)
{
    return only == DialectOnly::Both || (only == DialectOnly::SqliteOnly && dialect == Dialect::Sqlite)
        || (only == DialectOnly::PostgresOnly && dialect == Dialect::Postgres);
}

QString where(const Database &database)
{
    return database.dialect() == Dialect::Sqlite ? QDir::toNativeSeparators(database.path()) : database.path();
}

Result<void> writeVersion(Database &database, const SchemaDefinition &schema, int version, const QString &doing)
{
    if (schema.versionStore == VersionStore::UserVersionPragma)
        return database.execute(QStringLiteral("PRAGMA user_version = %1").arg(version), doing);
    Result<Query> done = database.run(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('schema_version', ?) "
                                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                      {QString::number(version)}, doing);
    if (!done)
        return done.error();
    return {};
}

} // namespace

QString dialectSql(const char *sql, Dialect dialect)
{
    QString text = QString::fromUtf8(sql);
    const bool sqlite = dialect == Dialect::Sqlite;
    text.replace(QStringLiteral("{id}"), sqlite ? QStringLiteral("INTEGER PRIMARY KEY") : QStringLiteral("BIGSERIAL PRIMARY KEY"));
    text.replace(QStringLiteral("{blob}"), sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA"));
    text.replace(QStringLiteral("{without_rowid}"), sqlite ? QStringLiteral(" WITHOUT ROWID") : QString());
    return text;
}

Result<int> schemaVersionOf(const Database &database, const SchemaDefinition &schema)
{
    const QString doing = QStringLiteral("read the schema version");
    if (schema.versionStore == VersionStore::UserVersionPragma) {
        Q_ASSERT(database.dialect() == Dialect::Sqlite);
        Result<Query> query = database.run(QStringLiteral("PRAGMA user_version"), {}, doing);
        if (!query)
            return query.error();
        return query->next() ? query->value(0).toInt() : 0;
    }
    Result<Query> exists = database.run(database.dialect() == Dialect::Sqlite
                                            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'server_meta'")
                                            : QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                                                             "AND tablename = 'server_meta'"),
                                        {}, doing);
    if (!exists)
        return exists.error();
    if (!exists->next() || exists->value(0).toInt() == 0)
        return 0;
    exists->finish();
    Result<Query> version = database.run(QStringLiteral("SELECT value FROM server_meta WHERE key = 'schema_version'"), {}, doing);
    if (!version)
        return version.error();
    if (!version->next())
        return 0;
    bool numeric = false;
    const int value = version->value(0).toString().toInt(&numeric);
    if (!numeric)
        return makeError(ErrorCode::Corrupt, QStringLiteral("%1 is damaged: its schema version \"%2\" is not a number.")
                                                 .arg(where(database), version->value(0).toString().left(20)));
    return value;
}

Result<void> migrateSchema(Database &database, const SchemaDefinition &schema, int targetVersion)
{
    Q_ASSERT(targetVersion <= schema.newestVersion());
    // One version per transaction; a second server process waits on the lock, then finds the
    // schema current. The loop is bounded by the number of steps.
    for (int attempt = 0; attempt <= schema.newestVersion(); ++attempt) {
        Transaction transaction(database);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        const QString locking = QStringLiteral("lock the schema for migration");
        if (database.dialect() == Dialect::Postgres) {
            Result<Query> locked = database.run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kMigrationLockKey}, locking);
            if (!locked)
                return locked.error();
        }
        if (schema.versionStore == VersionStore::MetaTable) {
            if (auto made = database.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS server_meta "
                                                            "(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                                             locking);
                !made)
                return made;
        }
        const Result<int> current = schemaVersionOf(database, schema);
        if (!current)
            return current.error();
        if (*current > schema.newestVersion())
            return makeError(ErrorCode::TooNew,
                             QStringLiteral("%1 has %2 schema version %3; this program knows up to %4. Update %5.")
                                 .arg(where(database), QLatin1String(schema.name))
                                 .arg(*current)
                                 .arg(schema.newestVersion())
                                 .arg(QLatin1String(schema.updateHint)));
        if (*current >= targetVersion) {
            database.clearStatementCache(); // prepared before the schema changed
            return transaction.commit();
        }
        const int next = *current + 1;
        const QString doing = QStringLiteral("upgrade the schema to version %1").arg(next);
        const MigrationStep &step = schema.steps[size_t(next - 1)];
        for (const std::span<const SchemaStatement> &part : step.parts) {
            for (const SchemaStatement &statement : part) {
                if (!applies(statement.only, database.dialect()))
                    continue;
                if (auto done = database.execute(dialectSql(statement.sql, database.dialect()), doing); !done)
                    return done;
            }
        }
        if (step.code) {
            if (auto done = step.code(database); !done)
                return done;
        }
        if (database.dialect() == Dialect::Sqlite) {
            if (auto done = database.execute(QStringLiteral("PRAGMA application_id = %1").arg(schema.applicationId), doing); !done)
                return done;
        }
        if (auto done = writeVersion(database, schema, next, doing); !done)
            return done;
        if (auto committed = transaction.commit(); !committed)
            return committed;
    }
    return makeError(ErrorCode::IoError,
                     QStringLiteral("The %1 schema of %2 did not reach version %3.").arg(QLatin1String(schema.name), where(database)).arg(targetVersion));
}

} // namespace Slate::Core
