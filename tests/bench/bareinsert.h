#pragma once
// The baseline of bench_sync: a bare batched insert of rows shaped like journal entries and
// their postings, into the same kind of database the product writes, on the same disk, at the
// same moment. Nothing of the product's logic runs: no checks, no index beyond the row key, no
// balances, no HTTP. The rows are copies of real entries (a till's top-ups or sales), field for
// field, so that they are as large as the product's.
//
// SQLite: a file in the folder given, WAL and synchronous=FULL (as the server and the till),
// one transaction per batch, two statements prepared once (entry, posting) and executed per row.
// PostgreSQL: a database of its own in the same throwaway cluster, one transaction per batch
// with one multi-row INSERT for the batch's entries and one for their postings (QPSQL, the
// driver the server uses; each statement prepared once per batch size).

#include "base/uuidv7.h"
#include "ledger/journalentry.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace Slate::Bench {

struct BareInsertTiming {
    double seconds = 0;                 // all batches, BEGIN to the last COMMIT
    std::vector<double> batchMs;        // each batch's transaction
    qint64 entries = 0;
    qint64 postings = 0;
    double entriesPerSecond() const { return seconds > 0 ? double(entries) / seconds : 0; }
    double rowsPerSecond() const { return seconds > 0 ? double(entries + postings) / seconds : 0; }
};

class BareInsert {
public:
    // A SQLite file (created) at path.
    static std::unique_ptr<BareInsert> sqlite(const QString &path)
    {
        std::unique_ptr<BareInsert> bare(new BareInsert(Kind::Sqlite, QStringLiteral("QSQLITE")));
        bare->m_db.setDatabaseName(path);
        if (!bare->open())
            return nullptr;
        for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}) {
            if (!bare->exec(QString::fromLatin1(pragma)))
                return nullptr;
        }
        if (!bare->createTables())
            return nullptr;
        return bare;
    }

    // A PostgreSQL database given by a postgresql://user@host:port/name URL (as slate-server takes).
    static std::unique_ptr<BareInsert> postgres(const QString &location)
    {
        const QUrl url(location);
        std::unique_ptr<BareInsert> bare(new BareInsert(Kind::Postgres, QStringLiteral("QPSQL")));
        bare->m_db.setHostName(url.host());
        bare->m_db.setPort(url.port(5432));
        bare->m_db.setUserName(url.userName());
        bare->m_db.setDatabaseName(url.path().mid(1));
        if (!bare->open() || !bare->createTables())
            return nullptr;
        return bare;
    }

    ~BareInsert()
    {
        m_statements.clear();
        m_entry.reset();
        m_posting.reset();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }

    const QString &error() const { return m_error; }

    // Inserts `entries` entries with their postings, `batch` entries per transaction, copying
    // the samples in turn (each copy gets its own position and sequence).
    std::optional<BareInsertTiming> insert(const QList<Core::JournalEntry> &samples, qint64 entries, int batch)
    {
        BareInsertTiming timing;
        if (samples.isEmpty() || batch < 1)
            return timing;
        QElapsedTimer total;
        total.start();
        for (qint64 done = 0; done < entries;) {
            const int count = int(std::min<qint64>(batch, entries - done));
            QElapsedTimer one;
            one.start();
            if (!m_db.transaction())
                return fail(m_db.lastError().text());
            const bool inserted = m_kind == Kind::Sqlite ? insertRows(samples, done, count, timing)
                                                         : insertMultiRow(samples, done, count, timing);
            if (!inserted)
                return std::nullopt;
            if (!m_db.commit())
                return fail(m_db.lastError().text());
            timing.batchMs.push_back(double(one.nsecsElapsed()) / 1e6);
            done += count;
        }
        timing.seconds = double(total.nsecsElapsed()) / 1e9;
        return timing;
    }

private:
    enum class Kind { Sqlite, Postgres };
    static constexpr int kEntryColumns = 15;
    static constexpr int kPostingColumns = 5;

    BareInsert(Kind kind, const QString &driver) : m_kind(kind)
    {
        static int counter = 0;
        m_connection = QStringLiteral("bench-bare-%1").arg(++counter);
        m_db = QSqlDatabase::addDatabase(driver, m_connection);
    }

    bool open()
    {
        if (m_db.open())
            return true;
        m_error = m_db.lastError().text();
        return false;
    }

    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return true;
        m_error = query.lastError().text() + QStringLiteral(" in ") + sql;
        return false;
    }

    std::nullopt_t fail(const QString &message)
    {
        m_error = message;
        m_db.rollback();
        return std::nullopt;
    }

    bool createTables()
    {
        // SQLite's INTEGER PRIMARY KEY is the row key itself; PostgreSQL gets no index at all.
        const QString key = m_kind == Kind::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY") : QStringLiteral("BIGINT NOT NULL");
        const QString blob = m_kind == Kind::Sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA");
        return exec(QStringLiteral("CREATE TABLE bare_entries (position %1, id TEXT NOT NULL, terminal_id TEXT NOT NULL, "
                                   "sequence BIGINT NOT NULL, created_utc TEXT NOT NULL, kind TEXT NOT NULL, user_name TEXT NOT NULL, "
                                   "note TEXT NOT NULL, customer_id TEXT NOT NULL, order_id TEXT NOT NULL, override_id TEXT NOT NULL, "
                                   "related_entry_id TEXT NOT NULL, previous_hash %2 NOT NULL, hash %2 NOT NULL, received_ms BIGINT NOT NULL)")
                        .arg(key, blob))
            && exec(QStringLiteral("CREATE TABLE bare_postings (entry_position BIGINT NOT NULL, line INTEGER NOT NULL, "
                                   "account TEXT NOT NULL, currency TEXT NOT NULL, amount BIGINT NOT NULL)"));
    }

    static QString placeholders(int rows, int columns)
    {
        QString one = QStringLiteral("(?");
        for (int i = 1; i < columns; ++i)
            one += QStringLiteral(", ?");
        one += QLatin1Char(')');
        QString all = one;
        for (int i = 1; i < rows; ++i)
            all += QStringLiteral(", ") + one;
        return all;
    }

    // The entry row's values in column order.
    QVariantList entryValues(const Core::JournalEntry &sample, qint64 position) const
    {
        auto text = [](const QString &value) { return value.isNull() ? QStringLiteral("") : value; };
        return {position,
                Core::uuidText(sample.id),
                sample.terminalId,
                position,
                Core::timestampText(sample.createdUtc),
                Core::entryKindName(sample.kind),
                text(sample.userName),
                text(sample.note),
                text(sample.references.customerId),
                text(sample.references.orderId),
                text(sample.references.overrideId),
                text(sample.references.relatedEntryId),
                sample.previousHash,
                sample.hash,
                m_receivedMs};
    }

    bool run(QSqlQuery &query, const QVariantList &values)
    {
        for (qsizetype i = 0; i < values.size(); ++i)
            query.bindValue(int(i), values.at(i));
        if (query.exec())
            return true;
        m_error = query.lastError().text();
        m_db.rollback();
        return false;
    }

    bool prepared(std::unique_ptr<QSqlQuery> &query, const QString &sql)
    {
        if (query)
            return true;
        query = std::make_unique<QSqlQuery>(m_db);
        if (query->prepare(sql))
            return true;
        m_error = query->lastError().text();
        query.reset();
        return false;
    }

    bool insertRows(const QList<Core::JournalEntry> &samples, qint64 first, int count, BareInsertTiming &timing)
    {
        if (!prepared(m_entry, QStringLiteral("INSERT INTO bare_entries VALUES ") + placeholders(1, kEntryColumns))
            || !prepared(m_posting, QStringLiteral("INSERT INTO bare_postings VALUES ") + placeholders(1, kPostingColumns)))
            return false;
        for (qint64 position = first + 1; position <= first + count; ++position) {
            const Core::JournalEntry &sample = samples.at(qsizetype((position - 1) % samples.size()));
            if (!run(*m_entry, entryValues(sample, position)))
                return false;
            for (qsizetype line = 0; line < sample.postings.size(); ++line) {
                const Core::Posting &posting = sample.postings.at(line);
                if (!run(*m_posting, {position, int(line + 1), posting.account, posting.amount.currency().code(), posting.amount.minorUnits()}))
                    return false;
            }
            ++timing.entries;
            timing.postings += sample.postings.size();
        }
        return true;
    }

    // One statement per row count, prepared once.
    QSqlQuery *multiRow(const QString &table, int rows, int columns)
    {
        const QString key = table + QLatin1Char('/') + QString::number(rows);
        auto it = m_statements.find(key);
        if (it != m_statements.end())
            return it->second.get();
        auto query = std::make_unique<QSqlQuery>(m_db);
        if (!query->prepare(QStringLiteral("INSERT INTO %1 VALUES ").arg(table) + placeholders(rows, columns))) {
            m_error = query->lastError().text();
            return nullptr;
        }
        return m_statements.emplace(key, std::move(query)).first->second.get();
    }

    bool insertMultiRow(const QList<Core::JournalEntry> &samples, qint64 first, int count, BareInsertTiming &timing)
    {
        QVariantList entryValuesAll, postingValues;
        for (qint64 position = first + 1; position <= first + count; ++position) {
            const Core::JournalEntry &sample = samples.at(qsizetype((position - 1) % samples.size()));
            entryValuesAll += entryValues(sample, position);
            for (qsizetype line = 0; line < sample.postings.size(); ++line) {
                const Core::Posting &posting = sample.postings.at(line);
                postingValues += QVariantList{position, int(line + 1), posting.account, posting.amount.currency().code(),
                                              posting.amount.minorUnits()};
            }
            ++timing.entries;
            timing.postings += sample.postings.size();
        }
        QSqlQuery *entriesInsert = multiRow(QStringLiteral("bare_entries"), count, kEntryColumns);
        if (!entriesInsert || !run(*entriesInsert, entryValuesAll))
            return false;
        if (postingValues.isEmpty())
            return true;
        QSqlQuery *postingsInsert = multiRow(QStringLiteral("bare_postings"), int(postingValues.size() / kPostingColumns), kPostingColumns);
        return postingsInsert && run(*postingsInsert, postingValues);
    }

    Kind m_kind;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_error;
    std::unique_ptr<QSqlQuery> m_entry;
    std::unique_ptr<QSqlQuery> m_posting;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    qint64 m_receivedMs = QDateTime::currentMSecsSinceEpoch();
};

} // namespace Slate::Bench
