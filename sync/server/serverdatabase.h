#pragma once
// ServerDatabase: the central server's one connection to its storage, SQLite (a file, the
// embedded default) or PostgreSQL (through QtSql's QPSQL driver). The two speak one SQL with
// three differences kept here: the auto-numbered key type, the binary type, and how a writer
// takes its locks. The server keeps no state outside this database, so several server processes
// can share one PostgreSQL database. The schema is versioned like the till's (core/storage/schema.cpp).

#include "base/result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

class QSqlError;

namespace Slate::Sync {

enum class Backend { Sqlite, Postgres };

class ServerDatabase {
public:
    // `location` is a file path (SQLite, created when missing) or a postgresql://user@host:port/db
    // URL (the password may come from $PGPASSWORD instead of the URL). Migrates the schema.
    static Core::Result<std::unique_ptr<ServerDatabase>> open(const QString &location);
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    Backend backend() const { return m_backend; }
    QString backendName() const;
    const QString &description() const { return m_description; } // never holds a password
    int schemaVersion() const { return m_schemaVersion; }

    // Prepares, binds positionally and executes one statement; `doing` completes "Could not …".
    Core::Result<QSqlQuery> run(const QString &sql, const QVariantList &values, const QString &doing) const;
    // Executes one statement without parameters unprepared (DDL, BEGIN, COMMIT: PostgreSQL
    // cannot prepare those).
    Core::Result<void> execute(const QString &sql, const QString &doing) const;
    Core::Error errorFrom(const QSqlError &error, const QString &doing) const;

    // Locks the row of one terminal for the rest of the transaction (PostgreSQL: SELECT … FOR
    // UPDATE; SQLite already holds the database's write lock from BEGIN IMMEDIATE).
    Core::Result<bool> lockTerminal(const QString &terminalId) const;
    // Serialises writers of master data for the rest of the transaction (PostgreSQL: the row of
    // master_lock; SQLite: BEGIN IMMEDIATE already did).
    Core::Result<void> lockMasterData() const;

private:
    friend class ServerTransaction;
    ServerDatabase(Backend backend, QString connectionName, QString description);
    Core::Result<void> migrate();

    Backend m_backend;
    QString m_connectionName;
    QString m_description;
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
};

// Rolls back unless commit() is reached. Not nested.
class ServerTransaction {
public:
    explicit ServerTransaction(ServerDatabase &database) : m_database(database) {}
    ~ServerTransaction();
    ServerTransaction(const ServerTransaction &) = delete;
    ServerTransaction &operator=(const ServerTransaction &) = delete;

    Core::Result<void> begin();
    Core::Result<void> commit();
    void rollback(); // at once, instead of at the end of the scope

private:
    ServerDatabase &m_database;
    bool m_open = false;
};

} // namespace Slate::Sync
