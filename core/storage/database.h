#pragma once
// Database: one SQLite connection to a Slate database file, opened safely. Opening checks that
// the file is Slate's, not newer than this program, writable and not held by another program,
// sets WAL and synchronous=FULL so that a committed sale survives power loss, and migrates the
// schema. Every SQL error becomes an Error that names the file and what to do.

#include "base/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

class QSqlError;

namespace Slate::Core {

enum class OpenMode {
    OpenExisting, // the file must exist and be a Slate database
    CreateNew,    // the file must not exist (or be empty); a fresh database is made
};

struct OpenOptions {
    OpenMode mode = OpenMode::OpenExisting;
    int busyTimeoutMs = 5000; // how long to wait for another program's write lock
    int migrateToVersion = -1; // -1: this program's schema version (tests build older ones)
};

class Database {
public:
    static Result<std::unique_ptr<Database>> open(const QString &path, const OpenOptions &options = {});
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    int schemaVersion() const { return m_schemaVersion; }

    // Prepares, binds (positionally) and executes one statement. `doing` completes the sentence
    // "Could not … in FILE" for the error message, e.g. "read customer 1001".
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values, const QString &doing) const;
    // For large scans: the result is read forward only, without caching rows.
    Result<QSqlQuery> scan(const QString &sql, const QVariantList &values, const QString &doing) const;

    // Turns a driver error into an Error naming this file, with a remedy for the common causes.
    Error errorFrom(const QSqlError &error, const QString &doing) const;

    // Transaction nesting depth, maintained by Transaction.
    int transactionDepth() const { return m_transactionDepth; }

private:
    friend class Transaction;
    Database(QString path, QString connectionName);
    Result<void> configure(const OpenOptions &options);
    Result<QSqlQuery> execute(const QString &sql, const QVariantList &values, const QString &doing,
                              bool forwardOnly) const;

    QString m_path;
    QString m_connectionName;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
};

// RAII transaction: rolls back unless commit() is reached. The outermost one takes the write
// lock at once (BEGIN IMMEDIATE) so that reads inside it see what the write will build on;
// nested ones are savepoints, so a service can be called inside a caller's larger transaction.
class Transaction {
public:
    explicit Transaction(Database &database) : m_database(database) {}
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    Database &m_database;
    int m_level = 0; // 0: not begun; 1: outermost; >1: savepoint
    bool m_finished = false;
};

} // namespace Slate::Core
