#include "storage/database.h"

#include "storage/schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

namespace Slate::Core {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

// SQLite primary result codes (the low byte of an extended code).
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADatabase = 26,
};

const QByteArray kSqliteMagic("SQLite format 3\0", 16);

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = connection();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const OpenOptions &options)
{
    const QFileInfo info(path);
    const QString file = QDir::toNativeSeparators(info.absoluteFilePath());
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No database file given."));
    if (!info.absoluteDir().exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Cannot open %1: the folder %2 does not exist; create it or choose another database file.")
                             .arg(file, QDir::toNativeSeparators(info.absolutePath())));
    const bool exists = info.exists();
    if (exists && info.isDir())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is a folder, not a database file.").arg(file));
    if (options.mode == OpenMode::OpenExisting && !exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no Slate database at %1; create one with \"slatectl init\" or check --db.")
                             .arg(file));
    if (options.mode == OpenMode::CreateNew && exists && info.size() > 0)
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("%1 already exists; Slate will not overwrite a database. Move it away or choose another file.")
                             .arg(file));
    if (exists && info.size() > 0) {
        // Reading the header first gives a precise message for a file that is not SQLite at all.
        QFile raw(path);
        if (!raw.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::ReadOnly,
                             QStringLiteral("Cannot read %1: %2. Check the file's permissions.").arg(file, raw.errorString()));
        const QByteArray header = raw.read(16);
        if (header != kSqliteMagic)
            return makeError(ErrorCode::NotADatabase,
                             QStringLiteral("%1 is not a Slate database (it is not a SQLite file at all); check --db.").arg(file));
    }

    const QString connectionName = QStringLiteral("slate-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(info.absoluteFilePath(), connectionName));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(info.absoluteFilePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.open())
            return database->errorFrom(db.lastError(), QStringLiteral("open the database"));
    }
    if (auto configured = database->configure(options); !configured)
        return configured.error();
    return database;
}

Result<void> Database::configure(const OpenOptions &options)
{
    const QString file = QDir::toNativeSeparators(m_path);
    const QString doing = QStringLiteral("open the database");
    auto readInt = [&](const QString &sql) -> Result<qint64> {
        Result<QSqlQuery> query = run(sql, {}, doing);
        if (!query)
            return query.error();
        if (!query->next())
            return errorFrom(query->lastError(), doing);
        return query->value(0).toLongLong();
    };
    const Result<qint64> applicationId = readInt(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return applicationId.error();
    const Result<qint64> version = readInt(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const Result<qint64> objects = readInt(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!objects)
        return objects.error();

    const bool fresh = *applicationId == 0 && *version == 0 && *objects == 0;
    if (fresh && options.mode == OpenMode::OpenExisting)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("%1 is empty, not a Slate database; create one with \"slatectl init\".").arg(file));
    if (!fresh && *applicationId != Schema::kApplicationId)
        return makeError(ErrorCode::NotADatabase,
                         QStringLiteral("%1 is a SQLite database of another program, not Slate's; check --db.").arg(file));
    if (*version > Schema::kCurrentVersion)
        return makeError(ErrorCode::TooNew,
                         QStringLiteral("%1 was written by a newer Slate (schema version %2; this program knows up to %3). "
                                        "Update Slate before opening it.")
                             .arg(file)
                             .arg(*version)
                             .arg(Schema::kCurrentVersion));
    // A negative version is no version Slate ever wrote; migrating from it would index past the steps.
    if (*version < 0)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("%1 is damaged: its schema version %2 is not valid. Restore it from a backup.")
                             .arg(file)
                             .arg(*version));

    // WAL lets readers work while the till writes; FULL syncs the WAL on every commit so that a
    // committed sale survives power loss, not only a crash.
    Result<QSqlQuery> mode = run(QStringLiteral("PRAGMA journal_mode = WAL"), {}, doing);
    if (!mode)
        return mode.error();
    if (!mode->next() || mode->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::ReadOnly,
                         QStringLiteral("Cannot switch %1 to write-ahead logging; the file or its folder is read-only. "
                                        "Give this user write access to both.")
                             .arg(file));
    mode->finish();
    // recursive_triggers makes the rows that INSERT OR REPLACE deletes fire the journal's
    // no-delete triggers; without it REPLACE would rewrite an entry despite them.
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA recursive_triggers = ON"}) {
        if (auto done = run(QString::fromLatin1(pragma), {}, doing); !done)
            return done.error();
    }
    // Take and release the write lock once: a read-only file or a database held by another
    // program is reported now, not in the middle of the first sale.
    {
        Transaction probe(*this);
        if (auto begun = probe.begin(); !begun)
            return begun.error();
    }

    const int target = options.migrateToVersion < 0 ? Schema::kCurrentVersion : options.migrateToVersion;
    if (*version < target) {
        if (auto migrated = Schema::migrate(*this, int(*version), target); !migrated)
            return migrated.error();
    }
    m_schemaVersion = *version < target ? target : int(*version);
    return {};
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values, const QString &doing) const
{
    return execute(sql, values, doing, false);
}

Result<QSqlQuery> Database::scan(const QString &sql, const QVariantList &values, const QString &doing) const
{
    return execute(sql, values, doing, true);
}

Result<QSqlQuery> Database::execute(const QString &sql, const QVariantList &values, const QString &doing,
                                    bool forwardOnly) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(forwardOnly);
    if (!query.prepare(sql))
        return errorFrom(query.lastError(), doing);
    for (const QVariant &value : values) {
        // QtSql binds a null QString as SQL NULL; Slate's text columns hold '' for "none", and
        // a column that may be NULL is bound with an explicit QVariant().
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return errorFrom(query.lastError(), doing);
    return query;
}

Error Database::errorFrom(const QSqlError &error, const QString &doing) const
{
    const QString file = QDir::toNativeSeparators(m_path);
    const QString detail = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xFF;
    const QString start = QStringLiteral("Could not %1 in %2").arg(doing, file);
    switch (numeric ? code : -1) {
    case SqliteBusy:
    case SqliteLocked:
        return makeError(ErrorCode::Locked,
                         start + QStringLiteral(": the database is locked by another program (%1). "
                                                "Close other Slate windows or commands using it and try again.")
                                     .arg(detail));
    case SqliteReadOnly:
        return makeError(ErrorCode::ReadOnly,
                         start + QStringLiteral(": the database is read-only (%1). "
                                                "Give this user write access to the file and its folder.")
                                     .arg(detail));
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return makeError(ErrorCode::Corrupt,
                         start + QStringLiteral(": the database file is damaged (%1). "
                                                "Nothing was changed; restore it from a backup or let the server resend the journal.")
                                     .arg(detail));
    case SqliteFull:
        return makeError(ErrorCode::DiskFull,
                         start + QStringLiteral(": the disk is full (%1). Nothing was changed; free some space and try again.")
                                     .arg(detail));
    case SqliteCantOpen:
        return makeError(ErrorCode::ReadOnly,
                         start + QStringLiteral(": the file cannot be opened (%1). Check that it and its folder exist and "
                                                "that this user may read and write them.")
                                     .arg(detail));
    case SqliteIoError:
        return makeError(ErrorCode::IoError,
                         start + QStringLiteral(": a disk read or write failed (%1). Check the disk; nothing was changed.")
                                     .arg(detail));
    default:
        return makeError(ErrorCode::IoError, start + QStringLiteral(": %1.").arg(detail));
    }
}

Transaction::~Transaction()
{
    if (m_level == 0 || m_finished)
        return;
    QSqlQuery query(m_database.connection());
    // A failed COMMIT may already have rolled back; a second rollback then fails harmlessly.
    if (m_level == 1) {
        query.exec(QStringLiteral("ROLLBACK"));
    } else {
        query.exec(QStringLiteral("ROLLBACK TO sp%1").arg(m_level));
        query.exec(QStringLiteral("RELEASE sp%1").arg(m_level));
    }
    --m_database.m_transactionDepth;
}

Result<void> Transaction::begin()
{
    Q_ASSERT(m_level == 0);
    const int level = m_database.m_transactionDepth + 1;
    const QString sql = level == 1 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT sp%1").arg(level);
    if (auto done = m_database.run(sql, {}, QStringLiteral("start a transaction")); !done)
        return done.error();
    m_level = level;
    m_database.m_transactionDepth = level;
    return {};
}

Result<void> Transaction::commit()
{
    Q_ASSERT(m_level > 0 && !m_finished);
    const QString sql = m_level == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE sp%1").arg(m_level);
    if (auto done = m_database.run(sql, {}, QStringLiteral("commit")); !done)
        return done.error(); // the destructor rolls back
    m_finished = true;
    --m_database.m_transactionDepth;
    return {};
}

} // namespace Slate::Core
