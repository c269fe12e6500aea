// The server's database across schema versions and against tampering, on SQLite and PostgreSQL.
// A server database of every earlier version, holding what that version stored in its own
// tables (two terminals' hash-chained entries, their postings and balances, and from version 2
// the master-data log), opens with this program's migration, and the real `slate-server verify`
// then proves it whole: the same entries at the same positions, the same balances, and a till's
// next entry still stored after them. And a server database that real tills synced with, altered
// behind the server's back (its append-only triggers dropped first, as an attacker would), fails
// `slate-server verify` with exit 4 and a message — in text and in --json — that names the
// entry, terminal or account concerned.

#include "synctestenv.h"

#include "base/exitcodes.h"
#include "ledger/accounts.h"
#include "masterdata/masterdata.h"
#include "server/serverschema.h"
#include "server/serverstore.h"
#include "base/uuidv7.h"

using namespace Slate;
using namespace Slate::Test;

class tst_ServerMigrations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyEarlierVersionMigratesAndVerifies_data();
    void everyEarlierVersionMigratesAndVerifies();
    void verifyNamesWhatWasTampered_data();
    void verifyNamesWhatWasTampered();
    void exitCodesAreSlatectls_data();
    void exitCodesAreSlatectls();

private:
    // A new database, SQLite (a file in m_dir) or PostgreSQL (in the cluster); empty when
    // PostgreSQL cannot run here (the caller skips).
    QString newDatabase(bool postgres, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PostgresCluster> m_cluster;
};

namespace {

constexpr qint64 kReceivedMs = 1718000000000;
constexpr char kSpentCode[] = "AAAAA-BBBBB-CCCCC-DDDDD";
constexpr char kOpenCode[] = "EEEEE-FFFFF-GGGGG-HHHHH";

Core::Money nok(qint64 minorUnits) { return Core::Money(minorUnits, *Core::Currency::fromCode(u"NOK")); }

struct Verified {
    int exitCode = -1;
    QString text;     // stdout and stderr of `verify`
    QJsonObject json; // of `verify --json`: the report, or {"error": {"code", "message"}}
    int jsonExitCode = -1;
};

// The real `slate-server verify`, once as text and once with --json.
Verified verifyServer(const QString &database)
{
    Verified result;
    for (bool json : {false, true}) {
        QProcess process;
        QStringList arguments{QStringLiteral("verify"), QStringLiteral("--db"), database};
        if (json)
            arguments << QStringLiteral("--json");
        process.start(serverProgram(), arguments);
        if (!process.waitForFinished(60000))
            return result;
        const QByteArray out = process.readAllStandardOutput().trimmed();
        const QByteArray err = process.readAllStandardError().trimmed();
        if (json) {
            result.jsonExitCode = process.exitCode();
            result.json = QJsonDocument::fromJson(process.exitCode() == 0 ? out : err).object();
        } else {
            result.exitCode = process.exitCode();
            result.text = QString::fromUtf8(out + '\n' + err);
        }
    }
    return result;
}

QList<Core::JournalEntry> entriesOf(Till &till)
{
    QList<Core::JournalEntry> entries;
    auto read = till.store().journal().forEachEntry(Core::EntryOrder::AsStored, [&](const Core::JournalEntry &entry) {
        entries.append(entry);
        return true;
    });
    if (!read)
        qWarning("cannot read %s's journal: %s", qPrintable(till.store().identity().terminalId), qPrintable(read.message()));
    return entries;
}

// Two tills' worth of work, as the server would have received it before the schema changed:
// T1 and T2 each enrolled, each with a customer of its own and three hash-chained entries made
// by core's Journal (so hashes are real), and their master-data changes.
struct OldServerData {
    QList<Core::JournalEntry> entries; // in the order the server stored them
    QList<qint64> positions;           // their positions there (with a gap, as a rolled-back push leaves)
    QMap<QString, qint64> balances;    // account -> minor units
    qint64 postings = 0;
    QList<Core::MasterChange> masterChanges; // in the order the server stored them
    QString annId;                           // T1's customer
    QString boId;                            // T2's customer
    Core::JournalEntry nextOfT1;             // made after the old server last heard from T1
};

OldServerData workOfTwoTills(Till &t1, Till &t2)
{
    OldServerData data;
    const Core::Customer ann = t1.addCustomer(QStringLiteral("1001"));
    const Core::Customer bo = t2.addCustomer(QStringLiteral("2001"));
    data.annId = ann.id;
    data.boId = bo.id;
    auto must = [](const Core::Result<Core::JournalEntry> &made) {
        if (!made)
            qFatal("cannot record a test entry: %s", qPrintable(made.message()));
    };
    must(t1.store().credit().topUp(ann, nok(10000), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")));
    must(t2.store().credit().topUp(bo, nok(5000), Core::PaymentJournal::Card, {}, QStringLiteral("bob")));
    must(t1.store().credit().adjust(ann, nok(-3000), QStringLiteral("spent at T1"), QStringLiteral("ann")));
    must(t2.store().credit().topUp(bo, nok(2500), Core::PaymentJournal::Cash, QStringLiteral("second visit"), QStringLiteral("bob")));
    must(t1.store().credit().topUp(ann, nok(2000), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")));
    must(t2.store().credit().adjust(bo, nok(-1000), QStringLiteral("goodwill back"), QStringLiteral("bob")));
    const QList<Core::JournalEntry> ofT1 = entriesOf(t1);
    const QList<Core::JournalEntry> ofT2 = entriesOf(t2);
    // Interleaved as the two tills pushed them.
    qint64 position = 0;
    for (qsizetype i = 0; i < std::max(ofT1.size(), ofT2.size()); ++i) {
        for (const QList<Core::JournalEntry> *of : {&ofT1, &ofT2}) {
            if (i >= of->size())
                continue;
            position += position == 3 ? 2 : 1;
            data.entries.append(of->at(i));
            data.positions.append(position);
            for (const Core::Posting &posting : of->at(i).postings) {
                data.balances[posting.account] += posting.amount.minorUnits();
                ++data.postings;
            }
        }
    }
    for (Till *till : {&t1, &t2}) {
        auto changes = Core::MasterData::unpushed(till->database(), Core::kMasterChangesReadMax);
        if (!changes)
            qFatal("cannot read master changes: %s", qPrintable(changes.message()));
        data.masterChanges += *changes;
    }
    must(t1.store().credit().topUp(ann, nok(700), Core::PaymentJournal::Cash, QStringLiteral("after the upgrade"), QStringLiteral("ann")));
    data.nextOfT1 = entriesOf(t1).last();
    return data;
}

bool run(Core::Database &database, const QString &sql, const QVariantList &values)
{
    auto done = database.run(sql, values, QStringLiteral("write the old server's data"));
    if (!done)
        qWarning("%s: %s", qPrintable(sql), qPrintable(done.message()));
    return done.ok();
}

// Writes the data with the SQL of server schema `version` into its own tables.
bool writeOldServerData(Core::Database &database, int version, const OldServerData &data)
{
    for (const QString &terminal : {QStringLiteral("T1"), QStringLiteral("T2")}) {
        if (!run(database, QStringLiteral("INSERT INTO terminals (id, store_code, signing_key, enrolled_ms) VALUES (?, ?, ?, ?)"),
                 {terminal, QStringLiteral("S1"), QByteArray(32, char(terminal.back().unicode())), kReceivedMs}))
            return false;
    }
    // Enrolment codes (the same columns in every version before 5): T1's spent, T3's still open.
    struct OldCode {
        const char *code;
        const char *terminal;
        QVariant usedMs;
    };
    for (const OldCode &old : {OldCode{kSpentCode, "T1", QVariant(kReceivedMs)}, OldCode{kOpenCode, "T3", QVariant()}}) {
        if (!run(database,
                 QStringLiteral("INSERT INTO enrolment_codes (code_hash, store_code, terminal_id, created_ms, expires_ms, used_ms) "
                                "VALUES (?, 'S1', ?, ?, ?, ?)"),
                 {Sync::Protocol::enrolmentCodeHash(QString::fromLatin1(old.code)), QString::fromLatin1(old.terminal), kReceivedMs,
                  QDateTime::currentMSecsSinceEpoch() + 3600 * 1000, old.usedMs}))
            return false;
    }
    // Versions 1 and 2 keep the journal in "entries" with the time each entry was received;
    // version 3 in core's journal_entries, without it.
    for (qsizetype i = 0; i < data.entries.size(); ++i) {
        const Core::JournalEntry &entry = data.entries.at(i);
        const qint64 position = data.positions.at(i);
        QVariantList values{position, Core::uuidText(entry.id), entry.terminalId, entry.sequence,
                            Core::timestampText(entry.createdUtc), Core::entryKindName(entry.kind), entry.userName, entry.note,
                            entry.references.customerId, entry.references.orderId, entry.references.overrideId,
                            entry.references.relatedEntryId, entry.previousHash, entry.hash};
        const QString columns = QStringLiteral("position, id, terminal_id, sequence, created_utc, kind, user_name, note, "
                                               "customer_id, order_id, override_id, related_entry_id, previous_hash, hash");
        const bool stored = version >= 3
            ? run(database, QStringLiteral("INSERT INTO journal_entries (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(columns),
                  values)
            : run(database,
                  QStringLiteral("INSERT INTO entries (%1, received_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(columns),
                  values + QVariantList{kReceivedMs + i});
        if (!stored)
            return false;
        for (qsizetype line = 0; line < entry.postings.size(); ++line) {
            const Core::Posting &posting = entry.postings.at(line);
            if (!run(database, QStringLiteral("INSERT INTO postings (entry_position, line, account, currency, amount) VALUES (?, ?, ?, ?, ?)"),
                     {position, int(line + 1), posting.account, posting.amount.currency().code(), posting.amount.minorUnits()}))
                return false;
        }
    }
    // A real version 3 database on PostgreSQL got its positions from the serial sequence, so the
    // sequence stands past them; explicit positions here must leave it so too.
    if (version >= 3 && database.dialect() == Core::Dialect::Postgres
        && !run(database, QStringLiteral("SELECT setval(pg_get_serial_sequence('journal_entries', 'position'), "
                                         "coalesce(max(position), 0) + 1, false) FROM journal_entries"),
                {}))
        return false;
    for (auto it = data.balances.cbegin(); it != data.balances.cend(); ++it) {
        if (!run(database, QStringLiteral("INSERT INTO account_balances (account, currency, balance) VALUES (?, 'NOK', ?)"),
                 {it.key(), it.value()}))
            return false;
    }
    if (version < 2)
        return true;
    // Version 2: the master-data log and each record's winner by the conflict rule.
    QMap<std::pair<QString, QString>, Core::MasterChange> current;
    for (const Core::MasterChange &change : data.masterChanges) {
        const QString json = QString::fromUtf8(QJsonDocument(change.data).toJson(QJsonDocument::Compact));
        if (!run(database, QStringLiteral("INSERT INTO master_changes (kind, key, version, node, data, received_ms) VALUES (?, ?, ?, ?, ?, ?)"),
                 {change.kind, change.key, change.version, change.node, json, kReceivedMs}))
            return false;
        const auto key = std::make_pair(change.kind, change.key);
        if (!current.contains(key) || Core::MasterData::isNewer(change.version, change.node, current[key].version, current[key].node))
            current.insert(key, change);
    }
    for (const Core::MasterChange &change : current) {
        if (!run(database, QStringLiteral("INSERT INTO master_current (kind, key, version, node, data) VALUES (?, ?, ?, ?, ?)"),
                 {change.kind, change.key, change.version, change.node,
                  QString::fromUtf8(QJsonDocument(change.data).toJson(QJsonDocument::Compact))}))
            return false;
    }
    return true;
}

qint64 countOf(const Core::Database &database, const QString &sql)
{
    auto query = database.run(sql, {}, QStringLiteral("count"));
    if (!query || !query->next())
        return -1;
    return query->value(0).toLongLong();
}

// An attacker's connection: plain QtSql, not Slate's code.
class RawConnection {
public:
    explicit RawConnection(const QString &location) : m_name(QStringLiteral("attacker-%1").arg(++s_count))
    {
        const QUrl url(location);
        const bool postgres = url.scheme() == QLatin1String("postgresql");
        QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (postgres) {
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db.setDatabaseName(location);
        }
        if (!db.open())
            qWarning("cannot open %s: %s", qPrintable(location), qPrintable(db.lastError().text()));
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }
    QString value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        return query.value(0).toString();
    }
    bool isPostgres() const { return QSqlDatabase::database(m_name, false).driverName() == QLatin1String("QPSQL"); }

private:
    QString m_name;
    static inline int s_count = 0;
};

// What an attacker does first: the journal's append-only triggers go.
bool dropAppendOnlyTriggers(RawConnection &db)
{
    const QStringList statements = db.isPostgres()
        ? QStringList{QStringLiteral("DROP TRIGGER journal_entries_append_only ON journal_entries"),
                      QStringLiteral("DROP TRIGGER postings_append_only ON postings")}
        : QStringList{QStringLiteral("DROP TRIGGER journal_entries_no_update"), QStringLiteral("DROP TRIGGER journal_entries_no_delete"),
                      QStringLiteral("DROP TRIGGER postings_no_update"), QStringLiteral("DROP TRIGGER postings_no_delete")};
    for (const QString &sql : statements) {
        if (!db.exec(sql))
            return false;
    }
    return true;
}

enum class Tamper { PostingAmount, MiddleEntryDeleted, TailEntryDeleted, BalanceChanged };

} // namespace

void tst_ServerMigrations::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ServerMigrations::cleanupTestCase()
{
    m_cluster.reset();
    m_dir.reset();
}

QString tst_ServerMigrations::newDatabase(bool postgres, const QString &name)
{
    if (!postgres)
        return m_dir->filePath(name + QStringLiteral(".db"));
    if (!m_cluster)
        m_cluster = std::make_unique<PostgresCluster>();
    if (!m_cluster->available())
        return {};
    return m_cluster->createDatabase(name);
}

void tst_ServerMigrations::everyEarlierVersionMigratesAndVerifies_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("postgres");
    for (bool postgres : {false, true}) {
        for (int version = 1; version < Sync::ServerSchema::kCurrentVersion; ++version)
            QTest::addRow("a version %d server database on %s migrates to version %d and verifies", version,
                          postgres ? "PostgreSQL" : "SQLite", Sync::ServerSchema::kCurrentVersion)
                << version << postgres;
    }
}

void tst_ServerMigrations::everyEarlierVersionMigratesAndVerifies()
{
    QFETCH(int, version);
    QFETCH(bool, postgres);
    const QString location = newDatabase(postgres, QStringLiteral("migrate_v%1").arg(version));
    if (location.isEmpty())
        SLATE_REQUIRE_POSTGRES(*m_cluster);

    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
    const OldServerData old = workOfTwoTills(t1, t2);
    QCOMPARE(old.entries.size(), 6);
    QVERIFY(!old.masterChanges.isEmpty());
    {
        Core::OpenOptions options;
        options.mode = Core::OpenMode::OpenOrCreate;
        options.migrateToVersion = version;
        options.schema = &Sync::ServerSchema::definition();
        auto database = Core::Database::open(location, options);
        QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : database.message()));
        QCOMPARE((*database)->schemaVersion(), version);
        QVERIFY(writeOldServerData(**database, version, old));
    }

    // This program opens it: the migration runs, and everything the old version held is there
    // where it was.
    {
        auto database = Sync::ServerSchema::open(location, Core::OpenMode::OpenExisting);
        QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : database.message()));
        Core::Database &db = **database;
        QCOMPARE(db.schemaVersion(), Sync::ServerSchema::kCurrentVersion);
        auto stored = db.run(QStringLiteral("SELECT position, id FROM journal_entries ORDER BY position"), {}, QStringLiteral("read"));
        QVERIFY(stored.ok());
        for (qsizetype i = 0; i < old.entries.size(); ++i) {
            QVERIFY(stored->next());
            QCOMPARE(stored->value(0).toLongLong(), old.positions.at(i));
            QCOMPARE(stored->value(1).toString(), Core::uuidText(old.entries.at(i).id));
        }
        QVERIFY(!stored->next());
        stored->finish();
        QCOMPARE(countOf(db, QStringLiteral("SELECT count(*) FROM postings")), old.postings);
        Sync::ServerStore store(db);
        QCOMPARE(*store.journal().balance(Core::Accounts::storeCredit(old.annId)), nok(-9000));
        QCOMPARE(*store.journal().balance(Core::Accounts::storeCredit(old.boId)), nok(-6500));
        if (version >= 2) {
            QCOMPARE(countOf(db, QStringLiteral("SELECT count(*) FROM master_changes")), qint64(old.masterChanges.size()));
            auto ann = store.masterCurrent(Core::MasterKinds::kCustomer, old.annId);
            QVERIFY(ann.ok());
            QCOMPARE(ann->node, QStringLiteral("T1"));
            QCOMPARE(ann->data.value(QStringLiteral("card")).toString(), QStringLiteral("1001"));
        }
        // Enrolment codes keep working as they did, and a code still open enrols retry-safe
        // (server schema 5): the same request value answers the same secret, until T3 signs.
        const QString request = Sync::Protocol::newEnrolmentRequest();
        QCOMPARE(store.redeemEnrolment(QString::fromLatin1(kSpentCode), request).code(), Core::ErrorCode::AuthenticationFailed);
        auto t3 = store.redeemEnrolment(QString::fromLatin1(kOpenCode), request);
        QVERIFY2(t3.ok(), qPrintable(t3.ok() ? QString() : t3.message()));
        QCOMPARE(t3->terminalId, QStringLiteral("T3"));
        auto retried = store.redeemEnrolment(QString::fromLatin1(kOpenCode), request);
        QVERIFY(retried.ok());
        QVERIFY(retried->retried);
        QCOMPARE(retried->secret, t3->secret);
        QVERIFY(!store.signingKey(QStringLiteral("T1"))->enrolmentRetryOpen);
        QVERIFY(store.signingKey(QStringLiteral("T3"))->enrolmentRetryOpen);
        QVERIFY(store.closeEnrolmentRetry(QStringLiteral("T3")).ok());
        QCOMPARE(store.redeemEnrolment(QString::fromLatin1(kOpenCode), request).code(), Core::ErrorCode::AuthenticationFailed);
        QVERIFY(store.revoke(QStringLiteral("T3")).ok());
        // The till's next entry follows its chain, at a new position after the old ones.
        auto pushed = store.push(QStringLiteral("T1"), Sync::Protocol::newNonce(), {old.nextOfT1});
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.message()));
        QVERIFY2(pushed->refusal == Sync::PushRefusal::None, qPrintable(pushed->refusalMessage));
        QCOMPARE(pushed->stored, 1);
        QVERIFY(countOf(db, QStringLiteral("SELECT position FROM journal_entries WHERE sequence = 4")) > old.positions.last());
    }

    // The real `slate-server verify` proves chains and balances whole.
    const Verified verified = verifyServer(location);
    QVERIFY2(verified.exitCode == Core::ExitOk, qPrintable(verified.text));
    QCOMPARE(verified.jsonExitCode, int(Core::ExitOk));
    QCOMPARE(verified.json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(verified.json.value(QStringLiteral("entries")).toInteger(), qint64(old.entries.size() + 1));
    QCOMPARE(verified.json.value(QStringLiteral("postings")).toInteger(), old.postings + 2);
    QCOMPARE(verified.json.value(QStringLiteral("terminals")).toInteger(), qint64(2));
    QCOMPARE(verified.json.value(QStringLiteral("accounts")).toInteger(), qint64(old.balances.size()));
    QMap<QString, qint64> expected = old.balances;
    for (const Core::Posting &posting : old.nextOfT1.postings)
        expected[posting.account] += posting.amount.minorUnits();
    QCOMPARE(serverBalances(location), expected);
}

void tst_ServerMigrations::verifyNamesWhatWasTampered_data()
{
    QTest::addColumn<Tamper>("tamper");
    QTest::addColumn<bool>("postgres");
    const QList<std::pair<Tamper, const char *>> tampers{
        {Tamper::PostingAmount, "an edited posting amount is reported as its entry altered"},
        {Tamper::MiddleEntryDeleted, "an entry deleted from the middle of a chain is reported as a gap in its terminal's chain"},
        {Tamper::TailEntryDeleted, "the last entry of a chain deleted is reported by the balances it moved"},
        {Tamper::BalanceChanged, "a changed balance is reported with its account"},
    };
    for (bool postgres : {false, true}) {
        for (const auto &[tamper, name] : tampers)
            QTest::addRow("%s (%s)", name, postgres ? "PostgreSQL" : "SQLite") << tamper << postgres;
    }
}

void tst_ServerMigrations::verifyNamesWhatWasTampered()
{
    QFETCH(Tamper, tamper);
    QFETCH(bool, postgres);
    const QString location = newDatabase(postgres, QStringLiteral("tamper_%1").arg(int(tamper)));
    if (location.isEmpty())
        SLATE_REQUIRE_POSTGRES(*m_cluster);

    // Two tills sync with the real server: three entries each.
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
    const Core::Customer ann = t1.addCustomer(QStringLiteral("1001"));
    const Core::Customer bo = t2.addCustomer(QStringLiteral("2001"));
    QVERIFY(t1.store().credit().topUp(ann, nok(10000), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    QVERIFY(t1.store().credit().adjust(ann, nok(-3000), QStringLiteral("spent"), QStringLiteral("ann")).ok());
    QVERIFY(t1.store().credit().topUp(ann, nok(2000), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    QVERIFY(t2.store().credit().topUp(bo, nok(5000), Core::PaymentJournal::Card, {}, QStringLiteral("bob")).ok());
    QVERIFY(t2.store().credit().topUp(bo, nok(2500), Core::PaymentJournal::Cash, {}, QStringLiteral("bob")).ok());
    QVERIFY(t2.store().credit().adjust(bo, nok(-1000), QStringLiteral("goodwill back"), QStringLiteral("bob")).ok());
    {
        ServerProcess server(location);
        QVERIFY(server.start());
        for (Till *till : {&t1, &t2}) {
            const QString terminal = till->store().identity().terminalId;
            const Sync::RoundResult result = till->sync(server.url(), enrolmentCode(location, terminal));
            QVERIFY2(result.ok(), qPrintable(result.message));
        }
    }
    const Verified before = verifyServer(location);
    QVERIFY2(before.exitCode == Core::ExitOk, qPrintable(before.text));
    QCOMPARE(before.json.value(QStringLiteral("entries")).toInteger(), qint64(6));

    QStringList named; // what the message must name
    {
        RawConnection db(location);
        QVERIFY(dropAppendOnlyTriggers(db));
        struct StoredEntry {
            QString id;
            QString position;
        };
        auto entryAt = [&db](const char *terminal, int sequence) {
            const QString where = QStringLiteral(" FROM journal_entries WHERE terminal_id = '%1' AND sequence = %2")
                                      .arg(QLatin1String(terminal))
                                      .arg(sequence);
            return StoredEntry{db.value(QStringLiteral("SELECT id") + where), db.value(QStringLiteral("SELECT position") + where)};
        };
        switch (tamper) {
        case Tamper::PostingAmount: {
            const StoredEntry edited = entryAt("T1", 2);
            QVERIFY(db.exec(QStringLiteral("UPDATE postings SET amount = amount - 1000 WHERE line = 1 AND entry_position = ")
                            + edited.position));
            named << edited.id << QStringLiteral("terminal T1") << QStringLiteral("altered");
            break;
        }
        case Tamper::MiddleEntryDeleted: {
            const StoredEntry deleted = entryAt("T2", 2);
            const StoredEntry next = entryAt("T2", 3);
            QVERIFY(db.exec(QStringLiteral("DELETE FROM postings WHERE entry_position = ") + deleted.position));
            QVERIFY(db.exec(QStringLiteral("DELETE FROM journal_entries WHERE position = ") + deleted.position));
            // The deleted entry's id is gone with it; the gap names the terminal, the missing
            // sequence and the entry after it.
            named << QStringLiteral("Terminal T2") << QStringLiteral("expected sequence 2, found 3") << next.id;
            break;
        }
        case Tamper::TailEntryDeleted: {
            // Nothing in the chain that is left shows the loss (no gap, every hash holds); only the
            // balances the entry moved no longer equal the postings. Verify names both accounts
            // and where T1's chain ends now, for comparison with T1's own journal.
            const StoredEntry deleted = entryAt("T1", 3);
            QVERIFY(db.exec(QStringLiteral("DELETE FROM postings WHERE entry_position = ") + deleted.position));
            QVERIFY(db.exec(QStringLiteral("DELETE FROM journal_entries WHERE position = ") + deleted.position));
            named << Core::Accounts::cash(QStringLiteral("S1"), QStringLiteral("T1")) << Core::Accounts::storeCredit(ann.id)
                  << QStringLiteral("T1 at sequence 2");
            break;
        }
        case Tamper::BalanceChanged:
            QVERIFY(db.exec(QStringLiteral("UPDATE account_balances SET balance = balance - 5000 WHERE account = '%1'")
                                .arg(Core::Accounts::storeCredit(bo.id))));
            named << Core::Accounts::storeCredit(bo.id) << QStringLiteral("-115.00 NOK") << QStringLiteral("-65.00 NOK");
            break;
        }
    }

    const Verified after = verifyServer(location);
    QCOMPARE(after.exitCode, int(Core::ExitIntegrity));
    QCOMPARE(after.jsonExitCode, int(Core::ExitIntegrity));
    const QJsonObject error = after.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("integrity"));
    const QString message = error.value(QStringLiteral("message")).toString();
    for (const QString &part : named) {
        QVERIFY2(after.text.contains(part), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, after.text)));
        QVERIFY2(message.contains(part), qPrintable(QStringLiteral("\"%1\" not in --json: %2").arg(part, message)));
    }
}

void tst_ServerMigrations::exitCodesAreSlatectls_data()
{
    const QString missing = m_dir->filePath(QStringLiteral("missing.db"));
    const QString garbage = m_dir->filePath(QStringLiteral("garbage.db"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const QString unreachable = QStringLiteral("postgresql://postgres@127.0.0.1:%1/nothing").arg(freeLoopbackPort());

    QTest::addColumn<QStringList>("server");   // slate-server's arguments
    QTest::addColumn<QStringList>("slatectl"); // the same situation for slatectl; empty where it has none
    QTest::addColumn<int>("exitCode");
    QTest::newRow("verify without --db is bad usage")
        << QStringList{QStringLiteral("verify")} << QStringList{} << int(Core::ExitUsage);
    QTest::newRow("an unknown command is bad usage")
        << QStringList{QStringLiteral("verfiy"), QStringLiteral("--db"), missing} << QStringList{QStringLiteral("verfiy")}
        << int(Core::ExitUsage);
    QTest::newRow("verify of a database that is not there is not found, as in slatectl")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--db"), missing}
        << QStringList{QStringLiteral("--db"), missing, QStringLiteral("verify")} << int(Core::ExitNotFound);
    QTest::newRow("verify of a file that is not a database failed, as in slatectl")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--db"), garbage}
        << QStringList{QStringLiteral("--db"), garbage, QStringLiteral("verify")} << int(Core::ExitFailed);
    QTest::newRow("verify of a PostgreSQL server that cannot be reached failed")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--db"), unreachable} << QStringList{} << int(Core::ExitFailed);
}

void tst_ServerMigrations::exitCodesAreSlatectls()
{
    QFETCH(QStringList, server);
    QFETCH(QStringList, slatectl);
    QFETCH(int, exitCode);
    auto exitOf = [](const QString &program, const QStringList &arguments) {
        QProcess process;
        process.start(program, arguments);
        return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    QCOMPARE(exitOf(serverProgram(), server), exitCode);
    QCOMPARE(exitOf(serverProgram(), server + QStringList{QStringLiteral("--json")}), exitCode);
    if (!slatectl.isEmpty())
        QCOMPARE(exitOf(QStringLiteral(SLATECTL_PATH), slatectl), exitCode);
}

QTEST_GUILESS_MAIN(tst_ServerMigrations)
#include "tst_servermigrations.moc"
