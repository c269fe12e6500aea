#include "storage/database.h"

#include "storage/migrations.h"
#include "storage/tillschema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <dlfcn.h>
#include <libpq-fe.h>
#include <link.h>
#include <sqlite3.h>

#include <cstring>

namespace Slate::Core {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

const QByteArray kSqliteMagic("SQLite format 3\0", 16);

// A connection keeps at most this many statements; beyond it (SQL built from input, e.g. a
// search of many words) statements are prepared for one use. A bound on memory.
constexpr int kKeptStatementsMax = 400;
// Under CheckpointPolicy::WhenIdle a commit checkpoints anyway after this many commits without
// an idle moment, so that the write-ahead log stays bounded during a long burst.
constexpr qint64 kCommitsWithoutCheckpointMax = 1000;

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

// The path of the loaded Qt SQL driver plugin whose file name contains `name`, or empty.
QByteArray loadedPlugin(const char *name)
{
    struct Search {
        const char *name;
        QByteArray path;
    } search{name, {}};
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *context) {
            auto *search = static_cast<Search *>(context);
            if (info->dlpi_name && std::strstr(info->dlpi_name, search->name)) {
                search->path = info->dlpi_name;
                return 1;
            }
            return 0;
        },
        &search);
    return search.path;
}

// Whether Qt's SQLite driver plugin uses the SQLite library this program links. Debian's plugin
// links the system libsqlite3, so sqlite3_libversion() found through the plugin returns the very
// string ours does; a plugin with its own copy of SQLite (or one built into Qt) does not, and its
// handle must not be given to this library's functions.
bool driverSharesSqlite()
{
    const QByteArray plugin = loadedPlugin("libqsqlite");
    void *library = plugin.isEmpty() ? nullptr : dlopen(plugin.constData(), RTLD_LAZY | RTLD_NOLOAD);
    if (!library)
        return false;
    using Version = const char *(*)();
    const auto theirs = reinterpret_cast<Version>(dlsym(library, "sqlite3_libversion"));
    const bool same = theirs && theirs() == sqlite3_libversion();
    dlclose(library);
    return same;
}

// The same for the PostgreSQL driver and libpq: PQexecPrepared as the plugin finds it is the
// one in the libpq this program links (libpq.so.5, loaded once by its soname).
bool driverSharesLibpq()
{
    const QByteArray plugin = loadedPlugin("libqsqlpsql");
    void *library = plugin.isEmpty() ? nullptr : dlopen(plugin.constData(), RTLD_LAZY | RTLD_NOLOAD);
    void *libpq = dlopen("libpq.so.5", RTLD_LAZY | RTLD_NOLOAD);
    const bool same = library && libpq && dlsym(library, "PQexecPrepared") && dlsym(library, "PQexecPrepared") == dlsym(libpq, "PQexecPrepared");
    if (library)
        dlclose(library);
    if (libpq)
        dlclose(libpq);
    return same;
}

// The sqlite3 handle QtSql's driver opened, when statements may run on it directly.
sqlite3 *directHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    static const bool shared = driverSharesSqlite();
    return shared ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
}

// The libpq connection QtSql's driver opened, when statements may run on it directly.
PGconn *directConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    static const bool shared = driverSharesLibpq();
    return shared ? *static_cast<PGconn *const *>(handle.constData()) : nullptr;
}

// An SQLite failure as QtSql reports it: what failed, SQLite's message, the result code.
QSqlError sqliteError(sqlite3 *db, int code, const char *what)
{
    return QSqlError(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                     QString::number(code));
}

// A statement run with another number of values than it has placeholders (on either library).
QSqlError parameterCountError(qsizetype expected, qsizetype given)
{
    return QSqlError(QStringLiteral("Unable to bind the values"),
                     QStringLiteral("the statement takes %1 values, %2 were given").arg(expected).arg(given),
                     QSqlError::StatementError);
}

// Whether QtSql binds the value as NULL: an invalid QVariant, or a null QByteArray, date-time or
// UUID. (A null QString is bound as '', Slate's "none", on both paths.)
bool isSqlNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDateTime:
        return static_cast<const QDateTime *>(value.constData())->isNull();
    case QMetaType::QUuid:
        return static_cast<const QUuid *>(value.constData())->isNull();
    default:
        return false;
    }
}

// Binds one value as Qt's SQLite driver does. Text and blobs are bound in place: the Query keeps
// the values alive as long as the statement may read them.
int bindSqlite(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (isSqlNull(value))
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::QString: {
        const QString *text = static_cast<const QString *>(value.constData());
        if (text->isEmpty())
            return sqlite3_bind_text(statement, index, "", 0, SQLITE_STATIC);
        return sqlite3_bind_text16(statement, index, text->utf16(), int(text->size() * sizeof(char16_t)), SQLITE_STATIC);
    }
    case QMetaType::QByteArray: {
        const QByteArray *bytes = static_cast<const QByteArray *>(value.constData());
        return sqlite3_bind_blob(statement, index, bytes->isEmpty() ? "" : bytes->constData(), int(bytes->size()), SQLITE_STATIC);
    }
    case QMetaType::Bool:
    case QMetaType::Int:
        return sqlite3_bind_int(statement, index, value.toInt());
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QDateTime: {
        const QString text = value.toDateTime().toString(Qt::ISODateWithMs);
        return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
    }
    default: {
        const QString text = value.toString();
        if (text.isEmpty())
            return sqlite3_bind_text(statement, index, "", 0, SQLITE_STATIC);
        return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
    }
    }
}

// A column's value as Qt's SQLite driver gives it (NULL: a null QString).
QVariant sqliteValue(sqlite3_stmt *statement, int column)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(statement, column));
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, column)),
                                   sqlite3_column_bytes(statement, column)));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(statement, column)));
    }
    }
}

// PostgreSQL names its parameters $1, $2, …: every ? outside quotes becomes the next one.
QByteArray postgresPlaceholders(const QString &sql, int *count)
{
    const QByteArray text = sql.toUtf8();
    QByteArray out;
    out.reserve(text.size() + text.size() / 4);
    char quote = 0;
    *count = 0;
    for (char c : text) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$';
            out += QByteArray::number(++*count);
        } else {
            out += c;
        }
    }
    return out;
}

// Values in libpq's text format, as PostgreSQL reads them for the parameter's inferred type.
struct PostgresParameters {
    QList<QByteArray> text;
    QList<const char *> values; // nullptr: SQL NULL
    QList<int> lengths;

    explicit PostgresParameters(const QVariantList &bound)
    {
        text.reserve(bound.size());
        values.reserve(bound.size());
        lengths.reserve(bound.size());
        for (const QVariant &value : bound) {
            if (isSqlNull(value)) {
                text.append(QByteArray());
                values.append(nullptr);
                lengths.append(0);
                continue;
            }
            QByteArray bytes;
            switch (value.typeId()) {
            case QMetaType::QString:
                bytes = static_cast<const QString *>(value.constData())->toUtf8();
                break;
            case QMetaType::QByteArray:
                bytes = QByteArrayLiteral("\\x") + static_cast<const QByteArray *>(value.constData())->toHex();
                break;
            case QMetaType::Bool:
                bytes = value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
                break;
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::LongLong:
                bytes = QByteArray::number(value.toLongLong());
                break;
            case QMetaType::ULongLong:
                bytes = QByteArray::number(value.toULongLong());
                break;
            case QMetaType::Double:
                bytes = QByteArray::number(value.toDouble(), 'g', 17);
                break;
            case QMetaType::QDateTime:
                bytes = value.toDateTime().toString(Qt::ISODateWithMs).toUtf8();
                break;
            default:
                bytes = value.toString().toUtf8();
                break;
            }
            text.append(bytes);
            values.append(text.last().constData());
            lengths.append(int(text.last().size()));
        }
    }
};

// PostgreSQL's type oids (catalog/pg_type_d.h) of the columns Slate reads.
enum PostgresType : Oid {
    PgBool = 16,
    PgBytea = 17,
    PgInt8 = 20,
    PgInt2 = 21,
    PgInt4 = 23,
    PgOid = 26,
    PgFloat4 = 700,
    PgFloat8 = 701,
    PgNumeric = 1700,
};

// A column's value as Qt's PostgreSQL driver gives it; NUMERIC (e.g. a sum of BIGINT) reads as an
// exact integer when it is one, where the driver made it a double.
QVariant postgresValue(const PGresult *result, int row, int column)
{
    const Oid type = PQftype(result, column);
    if (PQgetisnull(result, row, column)) {
        switch (type) {
        case PgBool: return QVariant(QMetaType::fromType<bool>());
        case PgBytea: return QVariant(QMetaType::fromType<QByteArray>());
        case PgInt8: return QVariant(QMetaType::fromType<qlonglong>());
        case PgInt2:
        case PgInt4: return QVariant(QMetaType::fromType<int>());
        case PgFloat4:
        case PgFloat8:
        case PgNumeric: return QVariant(QMetaType::fromType<double>());
        default: return QVariant(QMetaType::fromType<QString>());
        }
    }
    const char *text = PQgetvalue(result, row, column);
    const int length = PQgetlength(result, row, column);
    const QByteArrayView bytes(text, length);
    switch (type) {
    case PgBool:
        return QVariant(text[0] == 't');
    case PgInt8:
        return QVariant(qlonglong(bytes.toLongLong()));
    case PgInt2:
    case PgInt4:
        return QVariant(bytes.toInt());
    case PgOid:
        return QVariant(bytes.toUInt());
    case PgFloat4:
    case PgFloat8:
        return QVariant(bytes.toDouble());
    case PgNumeric: {
        bool integral = false;
        const qlonglong whole = bytes.toLongLong(&integral);
        return integral ? QVariant(whole) : QVariant(bytes.toDouble());
    }
    case PgBytea: {
        size_t size = 0;
        unsigned char *raw = PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &size);
        if (!raw)
            return QVariant(QByteArray());
        QByteArray value(reinterpret_cast<const char *>(raw), qsizetype(size));
        PQfreemem(raw);
        return QVariant(value);
    }
    default:
        return QVariant(QString::fromUtf8(bytes));
    }
}

// A PostgreSQL failure as QtSql reports it: what failed, the server's message, the SQLSTATE
// (08006, "connection failure", when the connection is gone).
QSqlError postgresError(PGconn *connection, const PGresult *result, const char *what)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char *message = result ? PQresultErrorMessage(result) : nullptr;
    QString code = state ? QString::fromLatin1(state) : QString();
    if (code.isEmpty() && PQstatus(connection) != CONNECTION_OK)
        code = QStringLiteral("08006");
    return QSqlError(QString::fromLatin1(what),
                     QString::fromUtf8(message && *message ? message : PQerrorMessage(connection)).trimmed(),
                     QSqlError::StatementError, code);
}

} // namespace

struct Database::KeptStatement {
    QSqlQuery query;               // through QtSql
    sqlite3_stmt *raw = nullptr;   // on SQLite's handle directly
    QByteArray postgresName;       // prepared on libpq's connection (empty: not prepared)
    QByteArray postgresSql;        // the text with $n placeholders
    int postgresParameters = 0;
    bool leased = false;

    KeptStatement() = default;
    explicit KeptStatement(sqlite3_stmt *statement) : raw(statement) {}
    KeptStatement(const KeptStatement &) = delete;
    KeptStatement &operator=(const KeptStatement &) = delete;
    ~KeptStatement() { sqlite3_finalize(raw); }
};

Database::Database(Dialect dialect, QString path, QString connectionName)
    : m_dialect(dialect), m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    m_statements.clear();
    {
        QSqlDatabase db = connection();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &location, const OpenOptions &options)
{
    if (location.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No database given."));
    Result<std::unique_ptr<Database>> database =
        isPostgresUrl(location) ? openPostgres(location, options) : openSqlite(location, options);
    if (!database)
        return database;
    if (auto migrated = (*database)->migrate(options); !migrated)
        return migrated.error();
    return database;
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path, const OpenOptions &options)
{
    const QFileInfo info(path);
    const QString file = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!info.absoluteDir().exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Cannot open %1: the folder %2 does not exist; create it or choose another database file.")
                             .arg(file, QDir::toNativeSeparators(info.absolutePath())));
    const bool exists = info.exists();
    if (exists && info.isDir())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is a folder, not a database file.").arg(file));
    const SchemaDefinition &schema = options.schema ? *options.schema : Schema::till();
    if (options.mode == OpenMode::OpenExisting && !exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no Slate %1 database at %2; create one with \"%3\" or check --db.")
                             .arg(QLatin1String(schema.name), file, QLatin1String(schema.createHint)));
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
    std::unique_ptr<Database> database(new Database(Dialect::Sqlite, info.absoluteFilePath(), connectionName));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(info.absoluteFilePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.open())
            return database->errorFrom(db.lastError(), QStringLiteral("open the database"));
        if (options.direct)
            database->m_sqlite = directHandle(db);
    }
    if (auto configured = database->configureSqlite(options); !configured)
        return configured.error();
    return database;
}

Result<std::unique_ptr<Database>> Database::openPostgres(const QString &location, const OpenOptions &options)
{
    const QUrl url(location);
    if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a PostgreSQL URL like postgresql://user@host:5432/database.")
                             .arg(url.toString(QUrl::RemovePassword)));
    const QString name = url.path().mid(1);
    const QString description = QStringLiteral("postgresql %1:%2/%3").arg(url.host()).arg(url.port(5432)).arg(name);
    const QString connectionName = QStringLiteral("slate-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(Dialect::Postgres, description, connectionName));
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
    QStringList connectOptions{QStringLiteral("connect_timeout=%1").arg(qBound(1, options.busyTimeoutMs / 1000, 60))};
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode"))
            connectOptions.append(key + QLatin1Char('=') + value);
    }
    db.setConnectOptions(connectOptions.join(QLatin1Char(';')));
    if (!db.open())
        return database->errorFrom(db.lastError(), QStringLiteral("connect"));
    if (options.direct)
        database->m_postgres = directConnection(db);
    // A writer waits this long for a row lock held by another server process, then the request
    // is answered "busy, retry" instead of hanging.
    if (auto done = database->execute(QStringLiteral("SET lock_timeout = %1").arg(qMax(1000, options.busyTimeoutMs)),
                                      QStringLiteral("configure the connection"));
        !done)
        return done.error();
    return database;
}

Result<void> Database::configureSqlite(const OpenOptions &options)
{
    const SchemaDefinition &schema = options.schema ? *options.schema : Schema::till();
    const QString file = QDir::toNativeSeparators(m_path);
    const QString doing = QStringLiteral("open the database");
    auto readInt = [&](const QString &sql) -> Result<qint64> {
        Result<Query> query = run(sql, {}, doing);
        if (!query)
            return query.error();
        if (!query->next())
            return errorFrom(query->lastError(), doing);
        return query->value(0).toLongLong();
    };
    const Result<qint64> applicationId = readInt(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return applicationId.error();
    const Result<qint64> objects = readInt(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!objects)
        return objects.error();
    const Result<qint64> serverTables =
        readInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'server_meta'"));
    if (!serverTables)
        return serverTables.error();

    const bool fresh = *applicationId == 0 && *objects == 0;
    if (fresh && options.mode == OpenMode::OpenExisting)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("%1 is empty, not a Slate database; create one with \"%2\".")
                             .arg(file, QLatin1String(schema.createHint)));
    // A server database of a version before it carried its application id has its meta table.
    const qint64 kind = *applicationId == 0 && *serverTables > 0 ? kServerApplicationId : *applicationId;
    if (!fresh && kind != schema.applicationId) {
        if (kind == kTillApplicationId)
            return makeError(ErrorCode::NotADatabase,
                             QStringLiteral("%1 is a till's database, not a %2 database; check --db.").arg(file, QLatin1String(schema.name)));
        if (kind == kServerApplicationId)
            return makeError(ErrorCode::NotADatabase,
                             QStringLiteral("%1 is a slate-server database, not a %2 database; check --db.").arg(file, QLatin1String(schema.name)));
        return makeError(ErrorCode::NotADatabase,
                         QStringLiteral("%1 is a SQLite database of another program, not Slate's; check --db.").arg(file));
    }
    const Result<int> version = schemaVersionOf(*this, schema);
    if (!version)
        return version.error();
    if (*version > schema.newestVersion())
        return makeError(ErrorCode::TooNew,
                         QStringLiteral("%1 was written by a newer %2 (schema version %3; this program knows up to %4). "
                                        "Update %2 before opening it.")
                             .arg(file, QLatin1String(schema.updateHint))
                             .arg(*version)
                             .arg(schema.newestVersion()));
    // A negative version is no version Slate ever wrote; migrating from it would index past the steps.
    if (*version < 0)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("%1 is damaged: its schema version %2 is not valid. Restore it from a backup.")
                             .arg(file)
                             .arg(*version));

    // WAL lets readers work while the till writes; FULL syncs the WAL on every commit so that a
    // committed sale survives power loss, not only a crash.
    Result<Query> mode = run(QStringLiteral("PRAGMA journal_mode = WAL"), {}, doing);
    if (!mode)
        return mode.error();
    if (!mode->next() || mode->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::ReadOnly,
                         QStringLiteral("Cannot switch %1 to write-ahead logging; the file or its folder is read-only. "
                                        "Give this user write access to both.")
                             .arg(file));
    mode->finish();
    // recursive_triggers makes the rows that INSERT OR REPLACE deletes fire the journal's
    // no-delete triggers; without it REPLACE would rewrite an entry despite them. A 64 MiB page
    // cache holds a shop's customers, balances and recent journal, so a sale reads no disk; the
    // log is cut back to 64 MiB after a checkpoint instead of keeping its largest size. Statement
    // journals (kept so one failed statement in a transaction can be undone alone) live in memory:
    // on disk every sale created, wrote and deleted a file under /var/tmp.
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA recursive_triggers = ON",
                               "PRAGMA cache_size = -65536", "PRAGMA journal_size_limit = 67108864", "PRAGMA temp_store = MEMORY"}) {
        if (auto done = execute(QString::fromLatin1(pragma), doing); !done)
            return done.error();
    }
    m_checkpoints = options.checkpoints;
    if (m_checkpoints == CheckpointPolicy::WhenIdle) {
        if (auto done = execute(QStringLiteral("PRAGMA wal_autocheckpoint = 0"), doing); !done)
            return done.error();
    }
    // Take and release the write lock once: a read-only file or a database held by another
    // program is reported now, not in the middle of the first sale.
    {
        Transaction probe(*this);
        if (auto begun = probe.begin(); !begun)
            return begun.error();
    }
    return {};
}

Result<void> Database::migrate(const OpenOptions &options)
{
    const SchemaDefinition &schema = options.schema ? *options.schema : Schema::till();
    const Result<int> version = schemaVersionOf(*this, schema);
    if (!version)
        return version.error();
    if (*version > schema.newestVersion())
        return makeError(ErrorCode::TooNew,
                         QStringLiteral("%1 has %2 schema version %3; this program knows up to %4. Update %5.")
                             .arg(QDir::toNativeSeparators(m_path), QLatin1String(schema.name))
                             .arg(*version)
                             .arg(schema.newestVersion())
                             .arg(QLatin1String(schema.updateHint)));
    if (m_dialect == Dialect::Postgres && *version == 0 && options.mode == OpenMode::OpenExisting)
        return makeError(ErrorCode::NotFound, QStringLiteral("%1 holds no Slate %2 database yet.").arg(m_path, QLatin1String(schema.name)));
    const int target = options.migrateToVersion < 0 ? schema.newestVersion() : options.migrateToVersion;
    Q_ASSERT(target <= schema.newestVersion());
    if (*version < target) {
        if (auto migrated = migrateSchema(*this, schema, target); !migrated)
            return migrated.error();
    }
    const Result<int> reached = schemaVersionOf(*this, schema);
    if (!reached)
        return reached.error();
    m_schemaVersion = *reached;
    return {};
}

// A statement lent to a Query: a kept one (returned to the connection when the Query goes) or
// one prepared for this use only.
struct Query::Lease {
    enum class Path { QtSql, Sqlite, Postgres };
    Path path = Path::QtSql;
    std::shared_ptr<Database::KeptStatement> statement;
    bool kept = false;
    // SQLite directly: the bound values (text and blobs are bound in place), where the rows
    // stand, the handle and the error that ended them.
    QVariantList values;
    enum class Rows { FirstPending, Reading, Done } rows = Rows::Done;
    sqlite3 *handle = nullptr;
    QSqlError error;
    // PostgreSQL directly: the whole result (as QtSql's driver holds it) and the current row.
    PGresult *result = nullptr;
    int row = -1;
    int affected = -1;

    QSqlQuery &query() { return statement->query; }
    ~Lease()
    {
        PQclear(result);
        if (!statement)
            return;
        if (path == Path::Sqlite) {
            sqlite3_reset(statement->raw);
            sqlite3_clear_bindings(statement->raw);
        } else if (path == Path::QtSql) {
            statement->query.finish();
        }
        if (kept)
            statement->leased = false;
    }
    bool onRow(int column) const
    {
        if (path == Path::Sqlite)
            return rows == Rows::Reading && column >= 0 && column < sqlite3_column_count(statement->raw);
        return result && row >= 0 && row < PQntuples(result) && column >= 0 && column < PQnfields(result);
    }
};

bool Query::next()
{
    if (!m_lease)
        return false;
    Lease &lease = *m_lease;
    switch (lease.path) {
    case Lease::Path::QtSql:
        return lease.query().next();
    case Lease::Path::Postgres:
        if (!lease.result || lease.row + 1 >= PQntuples(lease.result)) {
            lease.row = lease.result ? PQntuples(lease.result) : -1;
            return false;
        }
        ++lease.row;
        return true;
    case Lease::Path::Sqlite:
        break;
    }
    switch (lease.rows) {
    case Lease::Rows::FirstPending:
        lease.rows = Lease::Rows::Reading;
        return true;
    case Lease::Rows::Done:
        return false;
    case Lease::Rows::Reading:
        break;
    }
    const int code = sqlite3_step(lease.statement->raw);
    if (code == SQLITE_ROW)
        return true;
    lease.rows = Lease::Rows::Done;
    if (code != SQLITE_DONE)
        lease.error = sqliteError(lease.handle, code, "Unable to fetch row");
    return false;
}

QVariant Query::value(int index) const
{
    if (!m_lease)
        return QVariant();
    const Lease &lease = *m_lease;
    if (lease.path == Lease::Path::QtSql)
        return m_lease->query().value(index);
    if (!lease.onRow(index))
        return QVariant();
    return lease.path == Lease::Path::Sqlite ? sqliteValue(lease.statement->raw, index) : postgresValue(lease.result, lease.row, index);
}

bool Query::isNull(int index) const
{
    if (!m_lease)
        return true;
    const Lease &lease = *m_lease;
    if (lease.path == Lease::Path::QtSql)
        return m_lease->query().isNull(index);
    if (!lease.onRow(index))
        return true;
    return lease.path == Lease::Path::Sqlite ? sqlite3_column_type(lease.statement->raw, index) == SQLITE_NULL
                                             : PQgetisnull(lease.result, lease.row, index) != 0;
}

void Query::finish()
{
    if (!m_lease)
        return;
    Lease &lease = *m_lease;
    switch (lease.path) {
    case Lease::Path::QtSql:
        lease.query().finish();
        return;
    case Lease::Path::Sqlite:
        sqlite3_reset(lease.statement->raw);
        lease.rows = Lease::Rows::Done;
        return;
    case Lease::Path::Postgres:
        PQclear(lease.result);
        lease.result = nullptr;
        lease.row = -1;
        return;
    }
}

QVariant Query::lastInsertId() const
{
    if (!m_lease)
        return QVariant();
    switch (m_lease->path) {
    case Lease::Path::QtSql:
        return m_lease->query().lastInsertId();
    case Lease::Path::Sqlite: {
        const qint64 id = sqlite3_last_insert_rowid(m_lease->handle);
        return id ? QVariant(id) : QVariant();
    }
    case Lease::Path::Postgres:
        break;
    }
    return QVariant(); // PostgreSQL: use RETURNING
}

int Query::numRowsAffected() const
{
    if (!m_lease)
        return -1;
    switch (m_lease->path) {
    case Lease::Path::QtSql:
        return m_lease->query().numRowsAffected();
    case Lease::Path::Sqlite:
        return sqlite3_changes(m_lease->handle);
    case Lease::Path::Postgres:
        break;
    }
    return m_lease->affected;
}

QSqlError Query::lastError() const
{
    if (!m_lease)
        return QSqlError();
    return m_lease->path == Lease::Path::QtSql ? m_lease->query().lastError() : m_lease->error;
}

template <typename Prepare>
Result<void> Database::lend(Query::Lease &lease, const QString &sql, Prepare &&prepare) const
{
    std::shared_ptr<KeptStatement> kept = m_statements.value(sql);
    if (kept && !kept->leased) {
        lease.statement = kept;
    } else {
        const bool keep = !kept && m_statements.size() < kKeptStatementsMax;
        Result<std::shared_ptr<KeptStatement>> fresh = prepare(keep);
        if (!fresh)
            return fresh.error();
        lease.statement = *fresh;
        if (!keep)
            return {};
        m_statements.insert(sql, lease.statement);
    }
    lease.kept = true;
    lease.statement->leased = true;
    return {};
}

Result<Query> Database::run(const QString &sql, const QVariantList &values, const QString &doing) const
{
    if (m_sqlite)
        return runSqlite(sql, values, doing);
    if (m_postgres)
        return runPostgres(sql, values, doing);
    auto lease = std::make_shared<Query::Lease>();
    if (auto lent = lend(*lease, sql, [&](bool) -> Result<std::shared_ptr<KeptStatement>> {
            auto fresh = std::make_shared<KeptStatement>();
            fresh->query = QSqlQuery(connection());
            fresh->query.setForwardOnly(true);
            if (!fresh->query.prepare(sql))
                return errorFrom(fresh->query.lastError(), doing);
            ++m_statistics.prepared;
            return fresh;
        });
        !lent)
        return lent.error();
    QSqlQuery &query = lease->query();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // QtSql binds a null QString as SQL NULL; Slate's text columns hold '' for "none", and
        // a column that may be NULL is bound with an explicit QVariant().
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), QStringLiteral(""));
        else
            query.bindValue(int(i), value);
    }
    ++m_statistics.executed;
    if (!query.exec())
        return errorFrom(query.lastError(), doing);
    return Query(std::move(lease));
}

Result<Query> Database::runSqlite(const QString &sql, const QVariantList &values, const QString &doing) const
{
    auto lease = std::make_shared<Query::Lease>();
    lease->path = Query::Lease::Path::Sqlite;
    lease->handle = m_sqlite;
    if (auto lent = lend(*lease, sql, [&](bool keep) -> Result<std::shared_ptr<KeptStatement>> {
            const QByteArray text = sql.toUtf8();
            sqlite3_stmt *raw = nullptr;
            const char *tail = nullptr;
            const int code = sqlite3_prepare_v3(m_sqlite, text.constData(), int(text.size()),
                                                keep ? SQLITE_PREPARE_PERSISTENT : 0, &raw, &tail);
            auto fresh = std::make_shared<KeptStatement>(raw);
            if (code != SQLITE_OK)
                return errorFrom(sqliteError(m_sqlite, code, "Unable to prepare the statement"), doing);
            if (!raw)
                return errorFrom(QSqlError(QStringLiteral("Unable to prepare the statement"), QStringLiteral("the statement is empty"),
                                           QSqlError::StatementError),
                                 doing);
            if (tail && !QByteArrayView(tail, text.constData() + text.size() - tail).trimmed().isEmpty())
                return errorFrom(QSqlError(QStringLiteral("Unable to prepare the statement"),
                                           QStringLiteral("more than one statement at a time"), QSqlError::StatementError),
                                 doing);
            ++m_statistics.prepared;
            return fresh;
        });
        !lent)
        return lent.error();
    sqlite3_stmt *statement = lease->statement->raw;
    if (sqlite3_bind_parameter_count(statement) != values.size())
        return errorFrom(parameterCountError(sqlite3_bind_parameter_count(statement), values.size()), doing);
    lease->values = values;
    for (qsizetype i = 0; i < lease->values.size(); ++i) {
        if (const int code = bindSqlite(statement, int(i + 1), lease->values.at(i)); code != SQLITE_OK)
            return errorFrom(sqliteError(m_sqlite, code, "Unable to bind the values"), doing);
    }
    ++m_statistics.executed;
    // The first step runs the statement (a write is done when run() returns, as through QtSql);
    // its row, if any, is the first next().
    const int code = sqlite3_step(statement);
    if (code == SQLITE_ROW)
        lease->rows = Query::Lease::Rows::FirstPending;
    else if (code != SQLITE_DONE)
        return errorFrom(sqliteError(m_sqlite, code, "Unable to execute the statement"), doing);
    return Query(std::move(lease));
}

Result<Query> Database::runPlannedFor(const QString &sql, const QVariantList &values, const QString &doing) const
{
    return m_postgres ? runPostgres(sql, values, doing, /*planEachTime=*/true) : run(sql, values, doing);
}

Result<Query> Database::runPostgres(const QString &sql, const QVariantList &values, const QString &doing, bool planEachTime) const
{
    auto lease = std::make_shared<Query::Lease>();
    lease->path = Query::Lease::Path::Postgres;
    // A statement that is not kept runs unnamed: parsed and planned for this use only.
    auto unnamed = [&sql] {
        auto fresh = std::make_shared<KeptStatement>();
        fresh->postgresSql = postgresPlaceholders(sql, &fresh->postgresParameters);
        return fresh;
    };
    if (planEachTime) {
        lease->statement = unnamed();
    } else if (auto lent = lend(*lease, sql, [&](bool keep) -> Result<std::shared_ptr<KeptStatement>> {
                   std::shared_ptr<KeptStatement> fresh = unnamed();
                   if (!keep)
                       return fresh;
                   fresh->postgresName = QByteArrayLiteral("slate_") + QByteArray::number(++m_statementNames);
                   PGresult *prepared =
                       PQprepare(m_postgres, fresh->postgresName.constData(), fresh->postgresSql.constData(), 0, nullptr);
                   const bool ok = PQresultStatus(prepared) == PGRES_COMMAND_OK;
                   const QSqlError error = ok ? QSqlError() : postgresError(m_postgres, prepared, "Unable to prepare the statement");
                   PQclear(prepared);
                   if (!ok)
                       return errorFrom(error, doing);
                   ++m_statistics.prepared;
                   return fresh;
               });
               !lent) {
        return lent.error();
    }
    const KeptStatement &statement = *lease->statement;
    if (statement.postgresParameters != values.size())
        return errorFrom(parameterCountError(statement.postgresParameters, values.size()), doing);
    const PostgresParameters parameters(values);
    ++m_statistics.executed;
    const int count = int(values.size());
    PGresult *result = statement.postgresName.isEmpty()
        ? PQexecParams(m_postgres, statement.postgresSql.constData(), count, nullptr, parameters.values.constData(),
                       parameters.lengths.constData(), nullptr, 0)
        : PQexecPrepared(m_postgres, statement.postgresName.constData(), count, parameters.values.constData(),
                         parameters.lengths.constData(), nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const QSqlError error = postgresError(m_postgres, result, "Unable to execute the statement");
        PQclear(result);
        return errorFrom(error, doing);
    }
    lease->result = result;
    const char *affected = PQcmdTuples(result);
    lease->affected = affected && *affected ? QByteArrayView(affected).toInt() : (status == PGRES_TUPLES_OK ? PQntuples(result) : 0);
    return Query(std::move(lease));
}

Result<void> Database::execute(const QString &sql, const QString &doing) const
{
    ++m_statistics.executed;
    if (m_sqlite) {
        const int code = sqlite3_exec(m_sqlite, sql.toUtf8().constData(), nullptr, nullptr, nullptr);
        if (code != SQLITE_OK)
            return errorFrom(sqliteError(m_sqlite, code, "Unable to execute the statement"), doing);
        return {};
    }
    if (m_postgres) {
        PGresult *result = PQexec(m_postgres, sql.toUtf8().constData());
        const ExecStatusType status = PQresultStatus(result);
        const QSqlError error = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
            ? QSqlError()
            : postgresError(m_postgres, result, "Unable to execute the statement");
        PQclear(result);
        if (error.isValid())
            return errorFrom(error, doing);
        return {};
    }
    QSqlQuery query(connection());
    if (!query.exec(sql))
        return errorFrom(query.lastError(), doing);
    return {};
}

void Database::clearStatementCache() const { m_statements.clear(); }

void Database::committed()
{
    if (m_dialect != Dialect::Sqlite || m_checkpoints != CheckpointPolicy::WhenIdle)
        return;
    if (++m_commitsSinceCheckpoint >= kCommitsWithoutCheckpointMax) {
        if (auto done = checkpointIfDue(); !done)
            qWarning("slate: %s", qPrintable(done.message()));
    }
}

Result<void> Database::checkpointIfDue()
{
    if (m_dialect != Dialect::Sqlite || m_checkpoints != CheckpointPolicy::WhenIdle || m_commitsSinceCheckpoint == 0
        || m_transactionDepth > 0)
        return {};
    m_commitsSinceCheckpoint = 0;
    Result<Query> done = run(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), {}, QStringLiteral("checkpoint the write-ahead log"));
    if (!done)
        return done.error();
    return {};
}

Error Database::errorFrom(const QSqlError &error, const QString &doing) const
{
    const QString where = m_dialect == Dialect::Sqlite ? QDir::toNativeSeparators(m_path) : m_path;
    const QString detail = (error.databaseText().isEmpty() ? error.driverText() : error.databaseText()).trimmed();
    const QString start = QStringLiteral("Could not %1 in %2").arg(doing, where);
    if (m_dialect == Dialect::Postgres) {
        // SQLSTATE: serialization failure, deadlock, lock timeout; out of disk; connection lost.
        const QString state = error.nativeErrorCode();
        if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03"))
            return makeError(ErrorCode::Locked, start + QStringLiteral(": the database is busy (%1); try again.").arg(detail));
        if (state == QLatin1String("53100"))
            return makeError(ErrorCode::DiskFull,
                             start + QStringLiteral(": the database server's disk is full (%1). Nothing was changed.").arg(detail));
        if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")) || !connection().isOpen())
            return makeError(ErrorCode::IoError,
                             start + QStringLiteral(": the connection to the database server failed (%1). Check that it runs "
                                                    "and is reachable.")
                                         .arg(detail));
        return makeError(ErrorCode::IoError, start + QStringLiteral(": %1").arg(detail));
    }
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xFF;
    switch (numeric ? code : -1) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::Locked,
                         start + QStringLiteral(": the database is locked by another program (%1). "
                                                "Close other Slate windows or commands using it and try again.")
                                     .arg(detail));
    case SQLITE_READONLY:
        return makeError(ErrorCode::ReadOnly,
                         start + QStringLiteral(": the database is read-only (%1). "
                                                "Give this user write access to the file and its folder.")
                                     .arg(detail));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(ErrorCode::Corrupt,
                         start + QStringLiteral(": the database file is damaged (%1). "
                                                "Nothing was changed; restore it from a backup or let the server resend the journal.")
                                     .arg(detail));
    case SQLITE_FULL:
        return makeError(ErrorCode::DiskFull,
                         start + QStringLiteral(": the disk is full (%1). Nothing was changed; free some space and try again.")
                                     .arg(detail));
    case SQLITE_CANTOPEN:
        return makeError(ErrorCode::ReadOnly,
                         start + QStringLiteral(": the file cannot be opened (%1). Check that it and its folder exist and "
                                                "that this user may read and write them.")
                                     .arg(detail));
    case SQLITE_IOERR:
        return makeError(ErrorCode::IoError,
                         start + QStringLiteral(": a disk read or write failed (%1). Check the disk; nothing was changed.")
                                     .arg(detail));
    default:
        return makeError(ErrorCode::IoError, start + QStringLiteral(": %1.").arg(detail));
    }
}

void Transaction::rollback()
{
    if (m_level == 0 || m_finished)
        return;
    m_finished = true;
    // A failed COMMIT may already have rolled back; a second rollback then fails harmlessly.
    const QString doing = QStringLiteral("roll back");
    if (m_level == 1) {
        (void)m_database.execute(QStringLiteral("ROLLBACK"), doing);
    } else {
        (void)m_database.execute(QStringLiteral("ROLLBACK TO sp%1").arg(m_level), doing);
        (void)m_database.execute(QStringLiteral("RELEASE sp%1").arg(m_level), doing);
    }
    --m_database.m_transactionDepth;
}

Result<void> Transaction::begin()
{
    Q_ASSERT(m_level == 0);
    const int level = m_database.m_transactionDepth + 1;
    const QString doing = QStringLiteral("start a transaction");
    Result<void> begun;
    if (level > 1)
        begun = m_database.execute(QStringLiteral("SAVEPOINT sp%1").arg(level), doing);
    else if (m_database.dialect() == Dialect::Sqlite)
        begun = m_database.execute(QStringLiteral("BEGIN IMMEDIATE"), doing);
    else
        begun = m_database.execute(QStringLiteral("BEGIN"), doing);
    if (!begun)
        return begun;
    m_level = level;
    m_database.m_transactionDepth = level;
    return {};
}

Result<void> Transaction::commit()
{
    Q_ASSERT(m_level > 0 && !m_finished);
    const QString sql = m_level == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE sp%1").arg(m_level);
    if (auto done = m_database.execute(sql, QStringLiteral("commit")); !done)
        return done.error(); // the destructor rolls back
    m_finished = true;
    --m_database.m_transactionDepth;
    if (m_level == 1)
        m_database.committed();
    return {};
}

} // namespace Slate::Core
