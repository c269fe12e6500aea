#include "server/serverdatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

namespace Slate::Sync {

using Core::ErrorCode;
using Core::makeError;

namespace {

QAtomicInteger<quint64> g_connectionCounter;

enum Only { Both, SqliteOnly, PostgresOnly };
struct Statement {
    const char *sql;
    Only only = Both;
};

// {id} is the auto-numbered key and {blob} the binary type; they are the dialect's two words.
// Version 1: terminals and their enrolment, request nonces, the journal of every terminal with
// its postings and maintained balances, and exceptions for the back office.
const Statement kVersion1[] = {
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
       BEGIN SELECT RAISE(ABORT, 'entries is append-only'); END)", SqliteOnly},
    {R"(CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
       BEGIN SELECT RAISE(ABORT, 'entries is append-only'); END)", SqliteOnly},
    {R"(CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
       BEGIN SELECT RAISE(ABORT, 'postings is append-only'); END)", SqliteOnly},
    {R"(CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
       BEGIN SELECT RAISE(ABORT, 'postings is append-only'); END)", SqliteOnly},
    {R"(CREATE FUNCTION slate_append_only() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$)", PostgresOnly},
    {R"(CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())", PostgresOnly},
    {R"(CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON postings
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())", PostgresOnly},
};

// Version 2: master data. Every change a terminal pushed (its whole log: the server's history
// of every record, losers included) and each record's winning value by the conflict rule of
// core/masterdata/masterdata.h. Pushes of master data are serialised by a lock on master_lock's one row, so
// positions become visible in order and a pull cursor (a position) never skips a change.
const Statement kVersion2[] = {
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
       BEGIN SELECT RAISE(ABORT, 'master_changes is append-only'); END)", SqliteOnly},
    {R"(CREATE TRIGGER master_changes_append_only BEFORE UPDATE OR DELETE ON master_changes
       FOR EACH ROW EXECUTE FUNCTION slate_append_only())", PostgresOnly},
};

struct Step {
    const Statement *statements;
    size_t count;
};

template <size_t N>
constexpr Step step(const Statement (&statements)[N])
{
    return Step{statements, N};
}

const Step kSteps[] = {step(kVersion1), step(kVersion2)};
constexpr int kCurrentVersion = int(sizeof(kSteps) / sizeof(kSteps[0]));

// An arbitrary constant naming the migration lock among PostgreSQL advisory locks.
constexpr qint64 kMigrationLockKey = 0x534C4154'53594E43; // "SLATSYNC"

QString dialect(const char *sql, Backend backend)
{
    QString text = QString::fromUtf8(sql);
    text.replace(QStringLiteral("{id}"), backend == Backend::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY")
                                                                    : QStringLiteral("BIGSERIAL PRIMARY KEY"));
    text.replace(QStringLiteral("{blob}"), backend == Backend::Sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA"));
    return text;
}

} // namespace

ServerDatabase::ServerDatabase(Backend backend, QString connectionName, QString description)
    : m_backend(backend), m_connectionName(std::move(connectionName)), m_description(std::move(description))
{
}

ServerDatabase::~ServerDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString ServerDatabase::backendName() const
{
    return m_backend == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

Core::Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const QString &location)
{
    if (location.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No server database given; pass --db FILE or --db postgresql://…"));
    const QString connectionName = QStringLiteral("slate-server-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<ServerDatabase> database;
    if (location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(location);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("\"%1\" is not a PostgreSQL URL like postgresql://user@host:5432/database.")
                                 .arg(url.toString(QUrl::RemovePassword)));
        const QString name = url.path().mid(1);
        const QString description =
            QStringLiteral("postgresql %1:%2/%3").arg(url.host()).arg(url.port(5432)).arg(name);
        database.reset(new ServerDatabase(Backend::Postgres, connectionName, description));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        if (!db.isValid())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql."));
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(name);
        db.setUserName(url.userName());
        if (!url.password().isEmpty())
            db.setPassword(url.password());
        QStringList options{QStringLiteral("connect_timeout=10")};
        const QUrlQuery query(url);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key == QLatin1String("sslmode"))
                options.append(key + QLatin1Char('=') + value);
        }
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open())
            return database->errorFrom(db.lastError(), QStringLiteral("connect"));
    } else {
        const QFileInfo info(location);
        if (!info.absoluteDir().exists())
            return makeError(ErrorCode::NotFound, QStringLiteral("The folder %1 of the server database does not exist; create it first.")
                                                      .arg(QDir::toNativeSeparators(info.absolutePath())));
        database.reset(new ServerDatabase(Backend::Sqlite, connectionName,
                                          QStringLiteral("sqlite %1").arg(QDir::toNativeSeparators(info.absoluteFilePath()))));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(info.absoluteFilePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            return database->errorFrom(db.lastError(), QStringLiteral("open"));
        // WAL and synchronous=FULL: an acknowledged push survives a crash and a power loss.
        for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
            if (auto done = database->execute(QString::fromLatin1(pragma), QStringLiteral("configure")); !done)
                return done.error();
        }
    }
    if (auto migrated = database->migrate(); !migrated)
        return migrated.error();
    return database;
}

Core::Result<void> ServerDatabase::migrate()
{
    const QString doing = QStringLiteral("read the schema version");
    if (auto done = execute(QStringLiteral("CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                            doing);
        !done && m_backend == Backend::Sqlite)
        return done.error();
    // Two server processes starting at once on one PostgreSQL database: one migrates, the other
    // waits on the lock and then finds the schema current.
    for (int attempt = 0; attempt <= kCurrentVersion; ++attempt) {
        ServerTransaction transaction(*this);
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
        if (m_backend == Backend::Postgres) {
            if (auto locked = run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kMigrationLockKey}, doing); !locked)
                return locked.error();
        }
        Core::Result<QSqlQuery> version =
            run(QStringLiteral("SELECT value FROM server_meta WHERE key = 'schema_version'"), {}, doing);
        if (!version)
            return version.error();
        const int current = version->next() ? version->value(0).toInt() : 0;
        version->finish();
        if (current > kCurrentVersion)
            return makeError(ErrorCode::TooNew,
                             QStringLiteral("The server database %1 has schema version %2; this slate-server knows up to %3. "
                                            "Update slate-server.")
                                 .arg(m_description)
                                 .arg(current)
                                 .arg(kCurrentVersion));
        if (current == kCurrentVersion) {
            m_schemaVersion = current;
            return transaction.commit();
        }
        const int next = current + 1;
        const QString upgrading = QStringLiteral("upgrade the server schema to version %1").arg(next);
        const Step &statements = kSteps[next - 1];
        for (size_t i = 0; i < statements.count; ++i) {
            const Statement &statement = statements.statements[i];
            if ((statement.only == SqliteOnly && m_backend != Backend::Sqlite)
                || (statement.only == PostgresOnly && m_backend != Backend::Postgres))
                continue;
            if (auto done = execute(dialect(statement.sql, m_backend), upgrading); !done)
                return done.error();
        }
        if (auto done = run(current == 0 ? QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('schema_version', ?)")
                                         : QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'schema_version'"),
                            {QString::number(next)}, upgrading);
            !done)
            return done.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
    }
    return makeError(ErrorCode::IoError, QStringLiteral("The server schema of %1 did not reach version %2.").arg(m_description).arg(kCurrentVersion));
}

Core::Result<QSqlQuery> ServerDatabase::run(const QString &sql, const QVariantList &values, const QString &doing) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return errorFrom(query.lastError(), doing);
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return errorFrom(query.lastError(), doing);
    return query;
}

Core::Result<void> ServerDatabase::execute(const QString &sql, const QString &doing) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql))
        return errorFrom(query.lastError(), doing);
    return {};
}

Core::Error ServerDatabase::errorFrom(const QSqlError &error, const QString &doing) const
{
    const QString detail = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    const QString native = error.nativeErrorCode();
    const QString start = QStringLiteral("Could not %1 in the server database (%2)").arg(doing, m_description);
    // SQLite busy/locked (5, 6); PostgreSQL serialization failure, deadlock, lock timeout.
    const bool busy = m_backend == Backend::Sqlite
        ? (native.toInt() & 0xFF) == 5 || (native.toInt() & 0xFF) == 6
        : native == QLatin1String("40001") || native == QLatin1String("40P01") || native == QLatin1String("55P03");
    if (busy)
        return makeError(ErrorCode::Locked, start + QStringLiteral(": the database is busy (%1); try again.").arg(detail));
    return makeError(ErrorCode::IoError, start + QStringLiteral(": %1").arg(detail.trimmed()));
}

Core::Result<bool> ServerDatabase::lockTerminal(const QString &terminalId) const
{
    const QString sql = m_backend == Backend::Postgres
        ? QStringLiteral("SELECT revoked FROM terminals WHERE id = ? FOR UPDATE")
        : QStringLiteral("SELECT revoked FROM terminals WHERE id = ?");
    Core::Result<QSqlQuery> query = run(sql, {terminalId}, QStringLiteral("lock terminal %1").arg(terminalId));
    if (!query)
        return query.error();
    return query->next() && query->value(0).toInt() == 0;
}

Core::Result<void> ServerDatabase::lockMasterData() const
{
    if (m_backend != Backend::Postgres)
        return {};
    Core::Result<QSqlQuery> query =
        run(QStringLiteral("SELECT id FROM master_lock WHERE id = 1 FOR UPDATE"), {}, QStringLiteral("lock the master data"));
    if (!query)
        return query.error();
    return {};
}

ServerTransaction::~ServerTransaction() { rollback(); }

void ServerTransaction::rollback()
{
    if (!m_open)
        return;
    QSqlQuery query(QSqlDatabase::database(m_database.m_connectionName, false));
    query.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
    m_database.m_inTransaction = false;
}

Core::Result<void> ServerTransaction::begin()
{
    Q_ASSERT(!m_open && !m_database.m_inTransaction);
    // SQLite: take the write lock at once so that reads inside see what the write builds on.
    const QString sql = m_database.backend() == Backend::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (auto done = m_database.execute(sql, QStringLiteral("start a transaction")); !done)
        return done.error();
    m_open = true;
    m_database.m_inTransaction = true;
    return {};
}

Core::Result<void> ServerTransaction::commit()
{
    Q_ASSERT(m_open);
    if (auto done = m_database.execute(QStringLiteral("COMMIT"), QStringLiteral("commit")); !done)
        return done.error();
    m_open = false;
    m_database.m_inTransaction = false;
    return {};
}

} // namespace Slate::Sync
