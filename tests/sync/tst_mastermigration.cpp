// Server schema 4: master data that tills of protocol 1 pushed, stored with amounts as numbers
// in minor units, is rewritten as decimal strings with its currency, on SQLite and PostgreSQL.
// The upgraded database keeps working: a new till pulls the records, and the old till's change
// resent in the new form is "already stored", not a conflict.

#include "synctestenv.h"

#include "base/uuidv7.h"
#include "ledger/foreignentries.h"
#include "masterdata/masterdata.h"
#include "server/serverschema.h"
#include "server/serverstore.h"

using namespace Slate;
using namespace Slate::Test;

class tst_MasterMigration : public QObject {
    Q_OBJECT
private slots:
    void version3MasterDataBecomesDecimal_data();
    void version3MasterDataBecomesDecimal();
    void anUnknownCurrencyStopsTheMigration();
};

namespace {

const QString kAnn = QStringLiteral("0192a0de-0000-7000-8000-00000000000a");

struct OldChange {
    QString kind, key;
    qint64 version;
    QString node, data;
};

// What a protocol 1 server held: two versions of Ann's terms, a product, a user without an
// override maximum, an amount setting and one that is no amount, and a customer.
QList<OldChange> oldChanges()
{
    return {
        {QStringLiteral("customer"), kAnn, 100, QStringLiteral("T1"), QStringLiteral(R"({"card":"1001","email":"","name":"Ann","phone":""})")},
        {QStringLiteral("customer-terms"), kAnn, 101, QStringLiteral("T1"),
         QStringLiteral(R"({"blocked":0,"creditLimit":50000,"overdraftLimit":null,"paymentTermsDays":30})")},
        {QStringLiteral("customer-terms"), kAnn, 102, QStringLiteral("T1"),
         QStringLiteral(R"({"blocked":0,"creditLimit":150000,"overdraftLimit":2050,"paymentTermsDays":14})")},
        {QStringLiteral("tax-code"), QStringLiteral("STD"), 103, QStringLiteral("T1"), QStringLiteral(R"({"name":"Standard","rateBasisPoints":2500})")},
        {QStringLiteral("product"), QStringLiteral("TEA"), 104, QStringLiteral("T1"),
         QStringLiteral(R"({"active":1,"barcode":null,"name":"Tea","taxCode":"STD","unitPrice":3990})")},
        {QStringLiteral("user"), QStringLiteral("mgr"), 105, QStringLiteral("T1"),
         QStringLiteral(R"({"active":1,"overrideMax":null,"pinHash":"00112233445566778899aabbccddeeff","pinIterations":100000,)"
                        R"("pinSalt":"0011223344556677","role":"manager"})")},
        {QStringLiteral("setting"), QStringLiteral("cash_rounding_minor"), 106, QStringLiteral("T1"), QStringLiteral(R"({"value":"100"})")},
        {QStringLiteral("setting"), QStringLiteral("price_mode"), 107, QStringLiteral("T1"), QStringLiteral(R"({"value":"exclusive"})")},
    };
}

// A version 3 server database holding oldChanges(), the entries given (a real till's), and one
// made-up entry of terminal T1 per currency given (only its postings' currency matters).
bool writeVersion3(const QString &location, const QStringList &currencies, const QList<Core::JournalEntry> &entries = {})
{
    Core::OpenOptions options;
    options.mode = Core::OpenMode::OpenOrCreate;
    options.migrateToVersion = 3;
    options.schema = &Sync::ServerSchema::definition();
    auto database = Core::Database::open(location, options);
    if (!database) {
        qWarning("cannot create a version 3 server database: %s", qPrintable(database.message()));
        return false;
    }
    Core::Database &db = **database;
    const QString doing = QStringLiteral("write version 3 data");
    for (qsizetype i = 0; i < currencies.size(); ++i) {
        const QByteArray hash(32, char('a' + i));
        if (!db.run(QStringLiteral("INSERT INTO journal_entries (position, id, terminal_id, sequence, created_utc, kind, user_name, "
                                   "previous_hash, hash) VALUES (?, ?, 'T1', ?, '2024-01-02T03:04:05.678Z', 'top-up', 'ann', ?, ?)"),
                    {qint64(i + 1), QStringLiteral("0192a0de-0000-7000-8000-0000000001%1").arg(i, 2, 10, QLatin1Char('0')), qint64(i + 1),
                     QByteArray(32, '\0'), hash},
                    doing)
            || !db.run(QStringLiteral("INSERT INTO postings (entry_position, line, account, currency, amount) VALUES (?, 0, 'assets:cash:S1:T1', ?, 500), "
                                      "(?, 1, 'liabilities:store-credit:x', ?, -500)"),
                       {qint64(i + 1), currencies.at(i), qint64(i + 1), currencies.at(i)}, doing))
            return false;
    }
    qint64 entryPosition = currencies.size();
    for (const Core::JournalEntry &entry : entries) {
        ++entryPosition;
        if (!db.run(QStringLiteral("INSERT INTO journal_entries (position, id, terminal_id, sequence, created_utc, kind, user_name, note, "
                                   "customer_id, order_id, override_id, related_entry_id, previous_hash, hash) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {entryPosition, Core::uuidText(entry.id), entry.terminalId, entry.sequence, Core::timestampText(entry.createdUtc),
                     Core::entryKindName(entry.kind), entry.userName, entry.note, entry.references.customerId, entry.references.orderId,
                     entry.references.overrideId, entry.references.relatedEntryId, entry.previousHash, entry.hash},
                    doing))
            return false;
        for (qsizetype line = 0; line < entry.postings.size(); ++line) {
            const Core::Posting &posting = entry.postings.at(line);
            if (!db.run(QStringLiteral("INSERT INTO postings (entry_position, line, account, currency, amount) VALUES (?, ?, ?, ?, ?)"),
                        {entryPosition, qint64(line), posting.account, posting.amount.currency().code(), posting.amount.minorUnits()}, doing))
                return false;
        }
    }
    qint64 position = 0;
    for (const OldChange &change : oldChanges()) {
        if (!db.run(QStringLiteral("INSERT INTO master_changes (position, kind, key, version, node, data, received_ms) VALUES (?, ?, ?, ?, ?, ?, 1)"),
                    {++position, change.kind, change.key, change.version, change.node, change.data}, doing)
            || !db.run(QStringLiteral("INSERT INTO master_current (kind, key, version, node, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, key) "
                                      "DO UPDATE SET version = excluded.version, data = excluded.data"),
                       {change.kind, change.key, change.version, change.node, change.data}, doing))
            return false;
    }
    if (db.isPostgres())
        return db.run(QStringLiteral("SELECT setval(pg_get_serial_sequence('master_changes', 'position'), 100)"), {}, doing).ok()
            && db.run(QStringLiteral("SELECT setval(pg_get_serial_sequence('journal_entries', 'position'), 100)"), {}, doing).ok();
    return true;
}

QString compact(const QJsonObject &object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

} // namespace

void tst_MasterMigration::version3MasterDataBecomesDecimal_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addRow("on SQLite") << false;
    QTest::addRow("on PostgreSQL") << true;
}

void tst_MasterMigration::version3MasterDataBecomesDecimal()
{
    QFETCH(bool, postgres);
    QTemporaryDir dir;
    std::unique_ptr<PostgresCluster> cluster;
    QString location = dir.filePath(QStringLiteral("server.db"));
    if (postgres) {
        cluster = std::make_unique<PostgresCluster>();
        SLATE_REQUIRE_POSTGRES(*cluster);
        location = cluster->createDatabase(QStringLiteral("slate_mastermigration"));
    }
    // T1's journal, in NOK, tells the currency of the master data it pushed.
    Till t1(QStringLiteral("T1"));
    const Core::Customer kari = t1.addCustomer(QStringLiteral("2001"));
    QVERIFY(t1.store().credit().topUp(kari, t1.money(QStringLiteral("25.00")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    auto entries = Core::ForeignEntries::entriesAfter(t1.database(), QStringLiteral("T1"), 0, 10);
    QVERIFY(entries.ok() && entries->size() == 1);
    QVERIFY(writeVersion3(location, {}, *entries));
    {
        auto database = Sync::ServerSchema::open(location);
        QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : database.message()));
        QCOMPARE((*database)->schemaVersion(), Sync::ServerSchema::kCurrentVersion);
        Sync::ServerStore store(**database);
        auto current = [&](const QString &kind, const QString &key) { return compact(store.masterCurrent(kind, key)->data); };
        QCOMPARE(current(Core::MasterKinds::kCustomerTerms, kAnn),
                 QStringLiteral(R"({"blocked":0,"creditLimit":"1500.00","currency":"NOK","overdraftLimit":"20.50","paymentTermsDays":14})"));
        QCOMPARE(current(Core::MasterKinds::kProduct, QStringLiteral("TEA")),
                 QStringLiteral(R"({"active":1,"barcode":null,"currency":"NOK","name":"Tea","taxCode":"STD","unitPrice":"39.90"})"));
        QCOMPARE(store.masterCurrent(Core::MasterKinds::kUser, QStringLiteral("mgr"))->data.value(QStringLiteral("currency")).toString(),
                 QStringLiteral("NOK"));
        QCOMPARE(current(Core::MasterKinds::kSetting, QStringLiteral("cash_rounding_minor")), QStringLiteral(R"({"currency":"NOK","value":"1.00"})"));
        QCOMPARE(current(Core::MasterKinds::kSetting, QStringLiteral("price_mode")), QStringLiteral(R"({"value":"exclusive"})"));
        QCOMPARE(current(Core::MasterKinds::kCustomer, kAnn), QStringLiteral(R"({"card":"1001","email":"","name":"Ann","phone":""})"));
        // Every logged version is rewritten and valid, the lost one too.
        const auto log = *store.masterHistory(Core::MasterKinds::kCustomerTerms, kAnn, 10);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.first().data.value(QStringLiteral("creditLimit")).toString(), QStringLiteral("500.00"));
        auto page = store.pullMaster(QStringLiteral("T9"), 0, 100);
        QVERIFY(page.ok());
        QCOMPARE(page->changes.size(), oldChanges().size());
        for (const Core::MasterChange &change : page->changes)
            QVERIFY2(Core::MasterData::validate(change).ok(), qPrintable(Core::MasterData::validate(change).message()));
        // The server's credit terms read the new form.
        QCOMPARE(Core::MasterData::termsFrom(*store.masterCurrent(Core::MasterKinds::kCustomerTerms, kAnn))->creditLimitMinorUnits, qint64(150000));
        // The log is still append-only.
        QVERIFY(!(*database)->run(QStringLiteral("UPDATE master_changes SET data = '{}'"), {}, QStringLiteral("try to rewrite the log")).ok());
    }

    ServerProcess server(location);
    QVERIFY(server.start());
    // T1, upgraded, resends its newest terms in the new form: the same content, already stored.
    QUrl enroll = server.url();
    enroll.setPath(QStringLiteral("/v1/enroll"));
    const QByteArray code = QJsonDocument(QJsonObject{{QStringLiteral("code"), enrolmentCode(location, QStringLiteral("T1"))}}).toJson();
    const HttpAnswer enrolled = httpRequest(enroll, QByteArrayLiteral("POST"), code,
                                            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                                             {Sync::Protocol::kProtocolHeader, QByteArray::number(Sync::Protocol::kProtocolVersion)}});
    QCOMPARE(enrolled.status, 200);
    const QByteArray secret = QByteArray::fromBase64(enrolled.body.value(QStringLiteral("secret")).toString().toLatin1());
    const QJsonObject terms = QJsonDocument::fromJson(QByteArrayLiteral(
                                  R"({"blocked":0,"creditLimit":"1500.00","currency":"NOK","overdraftLimit":"20.50","paymentTermsDays":14})"))
                                  .object();
    const Core::MasterChange resent{Core::MasterKinds::kCustomerTerms, kAnn, 102, QStringLiteral("T1"), terms, 0};
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("changes"), QJsonArray{Sync::Protocol::masterChangeToJson(resent)}}})
                                .toJson(QJsonDocument::Compact);
    QUrl push = server.url();
    push.setPath(QStringLiteral("/v1/master/push"));
    const HttpAnswer pushed = httpRequest(push, QByteArrayLiteral("POST"), body,
                                          signedHeaders(SignedRequest{QStringLiteral("T1"), secret}, QByteArrayLiteral("/v1/master/push"), body));
    QVERIFY2(pushed.status == 200, qPrintable(pushed.message()));
    QCOMPARE(pushed.body.value(QStringLiteral("alreadyStored")).toInt(), 1);

    // A new till pulls the rewritten records and keeps them in its books' minor units.
    Till t2(QStringLiteral("T2"));
    const Sync::RoundResult round = t2.sync(server.url(), enrolmentCode(location, QStringLiteral("T2")));
    QVERIFY2(round.ok(), qPrintable(round.message));
    const Core::Customer ann = *t2.store().customers().byId(kAnn);
    QCOMPARE(ann.terms.creditLimitMinorUnits, qint64(150000));
    QCOMPARE(ann.terms.overdraftLimitMinorUnits, std::optional<qint64>(2050));
    QCOMPARE(t2.store().catalog().bySku(QStringLiteral("TEA"))->unitPrice, t2.money(QStringLiteral("39.90")));
    QCOMPARE(t2.store().checkoutSettings().cashRoundingMinorUnits, qint64(100));
    QCOMPARE(round.report.masterApplied, qint64(oldChanges().size()));
    // The older terms were applied first and then replaced: in the history, in the new form.
    const auto history = *Core::MasterData::history(t2.database(), Core::MasterKinds::kCustomerTerms, kAnn);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().change.data.value(QStringLiteral("creditLimit")).toString(), QStringLiteral("500.00"));
}

void tst_MasterMigration::anUnknownCurrencyStopsTheMigration()
{
    QTemporaryDir dir;
    for (const QStringList &currencies : {QStringList(), QStringList{QStringLiteral("NOK"), QStringLiteral("EUR")}}) {
        const QString location = dir.filePath(QStringLiteral("server-%1.db").arg(currencies.size()));
        QVERIFY(writeVersion3(location, currencies));
        qunsetenv("SLATE_MASTER_CURRENCY");
        auto refused = Sync::ServerSchema::open(location);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().contains(QStringLiteral("terminal T1")) && refused.message().contains(QStringLiteral("SLATE_MASTER_CURRENCY")),
                 qPrintable(refused.message()));
        // Still version 3, whole.
        Core::OpenOptions options;
        options.migrateToVersion = 3;
        options.schema = &Sync::ServerSchema::definition();
        {
            auto old = Core::Database::open(location, options);
            QVERIFY(old.ok());
            QCOMPARE((*old)->schemaVersion(), 3);
        }
        // The operator names the chain's currency for the one start that migrates.
        qputenv("SLATE_MASTER_CURRENCY", currencies.isEmpty() ? "NOK" : "EUR");
        auto migrated = Sync::ServerSchema::open(location);
        qunsetenv("SLATE_MASTER_CURRENCY");
        if (!currencies.isEmpty()) {
            // Entries in two currencies: T1's own entries do not tell either, so it stays refused.
            QVERIFY(!migrated.ok());
            continue;
        }
        QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.message()));
        Sync::ServerStore store(**migrated);
        QCOMPARE(store.masterCurrent(Core::MasterKinds::kProduct, QStringLiteral("TEA"))->data.value(QStringLiteral("unitPrice")).toString(),
                 QStringLiteral("39.90"));
    }
}

QTEST_GUILESS_MAIN(tst_MasterMigration)
#include "tst_mastermigration.moc"
