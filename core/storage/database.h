#pragma once
// Database: one connection to a Slate database, the one storage engine of the till and the
// server. Two dialects speak through QtSql's drivers, chosen at run time (core links no driver):
//   SQLite (QSQLITE): a file; every till, and the server's embedded default. Opening checks that
//     the file is Slate's, not newer than this program, writable and not held by another
//     program, and sets WAL and synchronous=FULL so that a committed sale survives power loss.
//   PostgreSQL (QPSQL): a postgresql://user@host:port/database URL, for a chain whose server
//     outgrows one machine; several server processes may share one database.
// Opening migrates the schema it is given (storage/migrations.h; the till's by default).
//
// Statements are prepared once per connection and kept: run() binds by position and executes
// the kept statement, so a hot path pays SQLite's parser (or PostgreSQL's PREPARE) once, not
// per call. The kept statements are the database library's own, on the connection QtSql opened:
// sqlite3_stmt on SQLite, a named prepared statement run with PQexecPrepared on PostgreSQL.
// QtSql's positional binding formats a placeholder name per value, which cost as much as
// SQLite's own work on a push of a thousand entries, and its PostgreSQL driver sends every value
// as a literal in the text of an EXECUTE that the server parses again. Values and rows read the
// same as through QtSql. Every SQL error becomes an Error that names the database and what to do.

#include "base/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

struct sqlite3;
struct pg_conn;

namespace Slate::Core {

struct SchemaDefinition;

enum class Dialect { Sqlite, Postgres };

enum class OpenMode {
    OpenExisting, // the file must exist and be a Slate database (PostgreSQL: the database must exist)
    CreateNew,    // the file must not exist (or be empty); a fresh database is made
    OpenOrCreate, // a missing or empty database is made, an existing one opened (the server's)
};

// When SQLite moves the write-ahead log back into the database file.
enum class CheckpointPolicy {
    OnCommit, // SQLite's own: the commit that passes 1000 pages of log pays for it
    WhenIdle, // the caller checkpoints when idle (checkpointIfDue); a commit pays only past a bound
};

struct OpenOptions {
    OpenMode mode = OpenMode::OpenExisting;
    int busyTimeoutMs = 5000;  // how long to wait for another program's write lock
    int migrateToVersion = -1; // -1: the schema's newest version (tests build older ones)
    const SchemaDefinition *schema = nullptr; // nullptr: the till's (Schema::till())
    CheckpointPolicy checkpoints = CheckpointPolicy::OnCommit;
    // Run statements on the connection's library directly (SQLite's or libpq's, when QtSql's
    // driver uses the same library as this program, as Debian's drivers do); false: through
    // QtSql's driver, the path a Qt with its own copy of the library takes (tests compare both).
    bool direct = true;
};

// The rows of a statement run by Database. It holds the connection's kept statement while it
// lives (copies share it); when the last copy goes the statement is reset and may be handed out
// again. Hold it only as long as its rows are read.
class Query {
public:
    Query() = default;

    bool next();
    QVariant value(int index) const;
    bool isNull(int index) const;
    // Resets the statement early (an unfinished read holds a snapshot of the database).
    void finish();
    QVariant lastInsertId() const;
    int numRowsAffected() const;
    QSqlError lastError() const;

private:
    friend class Database;
    struct Lease;
    explicit Query(std::shared_ptr<Lease> lease) : m_lease(std::move(lease)) {}
    std::shared_ptr<Lease> m_lease;
};

class Database {
public:
    // `location` is a file path (SQLite) or a postgresql:// URL (the password may come from
    // $PGPASSWORD instead of the URL).
    static Result<std::unique_ptr<Database>> open(const QString &location, const OpenOptions &options = {});
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_dialect; }
    bool isPostgres() const { return m_dialect == Dialect::Postgres; }
    // SQLite: the file's absolute path; PostgreSQL: "postgresql HOST:PORT/NAME" (never a password).
    const QString &path() const { return m_path; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    // Whether statements run on the database library directly (see OpenOptions::direct).
    bool isDirect() const { return m_sqlite != nullptr || m_postgres != nullptr; }
    int schemaVersion() const { return m_schemaVersion; }

    // Binds (positionally) and executes one statement, prepared on first use and kept. `doing`
    // completes the sentence "Could not … in DATABASE" for the error message, e.g. "read
    // customer 1001". Rows are read forward only.
    Result<Query> run(const QString &sql, const QVariantList &values, const QString &doing) const;
    // The same, but on PostgreSQL planned for these values every time (an unnamed statement, not
    // a kept one): for lookups whose best plan depends on the values and on a table that grows.
    // A generic plan made while the journal was small kept scanning it whole for a push's id
    // check (IN over 128 ids: 20 ms at 20,000 entries); planning every kept statement instead
    // made the bulk inserts a quarter slower. SQLite plans per statement anyway: as run().
    Result<Query> runPlannedFor(const QString &sql, const QVariantList &values, const QString &doing) const;
    // The same; the name says that the caller streams many rows.
    Result<Query> scan(const QString &sql, const QVariantList &values, const QString &doing) const
    {
        return run(sql, values, doing);
    }
    // Executes one statement without parameters and without preparing it: schema changes and
    // statements PostgreSQL cannot prepare (BEGIN, SAVEPOINT, …).
    Result<void> execute(const QString &sql, const QString &doing) const;

    // Turns a driver error into an Error naming this database, with a remedy for the common causes.
    Error errorFrom(const QSqlError &error, const QString &doing) const;

    // Transaction nesting depth, maintained by Transaction.
    int transactionDepth() const { return m_transactionDepth; }

    // SQLite under CheckpointPolicy::WhenIdle: moves the write-ahead log into the database file
    // (a passive checkpoint: it never waits for readers) if anything was committed since the
    // last one. Call it when the program is idle. No-op otherwise.
    Result<void> checkpointIfDue();

    // Statements prepared and executed on this connection so far (for benchmarks and tests).
    struct Statistics {
        qint64 prepared = 0;
        qint64 executed = 0;
    };
    Statistics statistics() const { return m_statistics; }
    // Forgets every kept statement (after the schema changed under them).
    void clearStatementCache() const;

private:
    friend class Transaction;
    friend class Query;
    struct KeptStatement;
    Database(Dialect dialect, QString path, QString connectionName);
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path, const OpenOptions &options);
    static Result<std::unique_ptr<Database>> openPostgres(const QString &url, const OpenOptions &options);
    Result<void> configureSqlite(const OpenOptions &options);
    // Lends `lease` the kept statement for `sql` when it is free; otherwise `prepare(keep)` makes
    // one, which is kept when `keep` (none is kept for this SQL yet and the bound allows it). A
    // nested use of the same SQL, or one past the bound, gets a statement for this use only.
    template <typename Prepare>
    Result<void> lend(Query::Lease &lease, const QString &sql, Prepare &&prepare) const;
    Result<Query> runSqlite(const QString &sql, const QVariantList &values, const QString &doing) const;
    Result<Query> runPostgres(const QString &sql, const QVariantList &values, const QString &doing, bool planEachTime = false) const;
    Result<void> migrate(const OpenOptions &options);
    void committed();

    Dialect m_dialect;
    QString m_path;
    QString m_connectionName;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    CheckpointPolicy m_checkpoints = CheckpointPolicy::OnCommit;
    sqlite3 *m_sqlite = nullptr;    // set when statements run on SQLite's handle directly
    pg_conn *m_postgres = nullptr;  // set when statements run on libpq's connection directly
    mutable qint64 m_statementNames = 0;
    qint64 m_commitsSinceCheckpoint = 0;
    mutable QHash<QString, std::shared_ptr<KeptStatement>> m_statements;
    mutable Statistics m_statistics;
};

// RAII transaction: rolls back unless commit() is reached. The outermost one takes the write
// lock at once on SQLite (BEGIN IMMEDIATE) so that reads inside it see what the write will
// build on; on PostgreSQL it is a BEGIN, and writers that must not interleave take row locks.
// Nested ones are savepoints, so a service can be called inside a caller's larger transaction.
class Transaction {
public:
    explicit Transaction(Database &database) : m_database(database) {}
    ~Transaction() { rollback(); }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    // Rolls back at once instead of at the end of the scope (e.g. before recording a refusal
    // in a transaction of its own). Does nothing when not begun or already finished.
    void rollback();

private:
    Database &m_database;
    int m_level = 0; // 0: not begun; 1: outermost; >1: savepoint
    bool m_finished = false;
};

} // namespace Slate::Core
