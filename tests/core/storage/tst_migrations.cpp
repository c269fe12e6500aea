// Schema migrations: a database written by every earlier schema version opens in this program
// with its data intact and the newer features working on the old data; opening a current
// database changes nothing; a migration that fails leaves the previous version whole.

#include "ledger/accounts.h"
#include "ledger/journal.h"
#include "masterdata/masterdata.h"
#include "storage/tillschema.h"
#include "store/store.h"
#include "base/uuidv7.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Slate::Core;

class tst_Migrations : public QObject {
    Q_OBJECT
private slots:
    void upgradesFromEveryEarlierVersion_data();
    void upgradesFromEveryEarlierVersion();
    void version8MasterDataGetsDecimalAmounts();
    void openingACurrentDatabaseChangesNothing();
    void failedMigrationKeepsThePreviousVersion_data();
    void failedMigrationKeepsThePreviousVersion();
};

namespace {

struct OldCustomer {
    QString card;
    QString name;
    QString phone;
    QString phoneDigits;
    QString email;
    QString id; // filled in when written
};

QList<OldCustomer> representativeCustomers()
{
    return {
        {QStringLiteral("1001"), QStringLiteral("Kari Nordmann"), QStringLiteral("+47 912 34 567"),
         QStringLiteral("4791234567"), QStringLiteral("kari@example.com"), {}},
        {QStringLiteral("1002"), QStringLiteral("Ola Hansen"), QString(), QString(), QString(), {}},
        {QStringLiteral("CARD-1003"), QStringLiteral("Åse Ødegård"), QStringLiteral("22 33 44 55"),
         QStringLiteral("22334455"), QStringLiteral("ase@fjord.no"), {}},
    };
}

StoreIdentity oldIdentity()
{
    return StoreIdentity{QStringLiteral("OLD"), *Currency::fromCode(u"NOK"), QStringLiteral("T9")};
}

Money nok(qint64 minorUnits) { return Money(minorUnits, *Currency::fromCode(u"NOK")); }

template <typename T>
QString messageOf(const Result<T> &result)
{
    return result.ok() ? QString() : result.message();
}

qint64 pragmaValue(const Database &database, const QString &pragma)
{
    auto query = database.run(QStringLiteral("PRAGMA ") + pragma, {}, QStringLiteral("read ") + pragma);
    if (!query || !query->next())
        return -1;
    return query->value(0).toLongLong();
}

qint64 countOf(const Database &database, const QString &sql, const QVariantList &values = {})
{
    auto query = database.run(sql, values, QStringLiteral("count"));
    if (!query || !query->next())
        return -1;
    return query->value(0).toLongLong();
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

// What a till running schema `version` would have stored, written with that version's SQL.
// Every version so far keeps the columns that version 1 gave settings and customers (later ones
// add tables, an index, and columns with defaults), so version 1's statements fit them all; when
// a version changes these tables, give the versions before it their own statements here.
bool writeRepresentativeData(Database &database, int version, QList<OldCustomer> &customers)
{
    Q_UNUSED(version);
    const StoreIdentity identity = oldIdentity();
    const QString doing = QStringLiteral("write test data");
    const QList<std::pair<QString, QString>> settings{
        {QStringLiteral("store_code"), identity.storeCode},
        {QStringLiteral("currency"), identity.currency.code()},
        {QStringLiteral("terminal_id"), identity.terminalId},
        {QStringLiteral("created_utc"), QStringLiteral("2024-01-02T03:04:05.678Z")},
    };
    for (const auto &[key, value] : settings) {
        if (!database.run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"), {key, value}, doing))
            return false;
    }
    for (OldCustomer &customer : customers) {
        customer.id = uuidText(newTimeOrderedUuid());
        if (!database.run(QStringLiteral("INSERT INTO customers (id, card, name, phone, phone_digits, email, created_utc, "
                                         "updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                          {customer.id, customer.card, customer.name, customer.phone, customer.phoneDigits, customer.email,
                           QStringLiteral("2024-01-02T03:04:05.678Z"), QStringLiteral("2024-01-02T03:04:05.678Z")},
                          doing))
            return false;
    }
    // The journal tables exist since version 1; entries go through the journal so that their
    // hash chain and balances are exactly what a till would have written.
    Journal journal(database, identity);
    const QString cash = Accounts::cash(identity.storeCode, identity.terminalId);
    const QList<std::pair<int, qint64>> topUps{{0, 5000}, {1, 1000}, {0, 2500}};
    for (const auto &[customerIndex, minorUnits] : topUps) {
        EntryDraft draft;
        draft.kind = EntryKind::TopUp;
        draft.userName = QStringLiteral("old-till");
        draft.note = QStringLiteral("Top-up by cash");
        draft.references.customerId = customers.at(customerIndex).id;
        draft.postings = {{cash, nok(minorUnits)}, {Accounts::storeCredit(customers.at(customerIndex).id), nok(-minorUnits)}};
        if (auto entry = journal.append(draft); !entry) {
            qWarning("append failed: %s", qPrintable(entry.message()));
            return false;
        }
    }
    return true;
}

// Builds a database at `version` holding the representative data; returns its customers.
QList<OldCustomer> createOldDatabase(const QString &path, int version)
{
    QList<OldCustomer> customers = representativeCustomers();
    auto database = Database::open(path, {OpenMode::CreateNew, 5000, version});
    if (!database) {
        qWarning("cannot create a version %d database: %s", version, qPrintable(database.message()));
        return {};
    }
    if ((*database)->schemaVersion() != version || pragmaValue(**database, QStringLiteral("user_version")) != version)
        return {};
    if (!writeRepresentativeData(**database, version, customers))
        return {};
    return customers;
}

} // namespace

void tst_Migrations::upgradesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < Schema::kCurrentVersion; ++version)
        QTest::addRow("a version %d database opens as version %d", version, Schema::kCurrentVersion) << version;
}

void tst_Migrations::upgradesFromEveryEarlierVersion()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.db"));
    const QList<OldCustomer> customers = createOldDatabase(path, version);
    QCOMPARE(customers.size(), representativeCustomers().size());

    auto opened = Store::open(path);
    QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
    Store &store = **opened;
    QCOMPARE(store.database().schemaVersion(), Schema::kCurrentVersion);
    QCOMPARE(pragmaValue(store.database(), QStringLiteral("user_version")), qint64(Schema::kCurrentVersion));
    QCOMPARE(pragmaValue(store.database(), QStringLiteral("application_id")), qint64(Schema::kApplicationId));

    // The settings, customers and journal are what the old version wrote.
    QCOMPARE(store.identity().storeCode, oldIdentity().storeCode);
    QCOMPARE(store.identity().currency.code(), QStringLiteral("NOK"));
    QCOMPARE(store.identity().terminalId, oldIdentity().terminalId);
    QCOMPARE(*store.customers().count(), qint64(customers.size()));
    for (const OldCustomer &old : customers) {
        auto found = store.customers().byCard(old.card);
        QVERIFY2(found.ok(), qPrintable(messageOf(found)));
        QCOMPARE(found->id, old.id);
        QCOMPARE(found->name, old.name);
        QCOMPARE(found->phone, old.phone);
        QCOMPARE(found->email, old.email);
    }
    QCOMPARE(*store.journal().entryCount(), qint64(3));
    QCOMPARE(*store.credit().wallet(customers.at(0).id), nok(7500));
    QCOMPARE(*store.credit().wallet(customers.at(1).id), nok(1000));
    QCOMPARE(*store.credit().wallet(customers.at(2).id), nok(0));
    auto verified = store.journal().verify();
    QVERIFY2(verified.ok(), qPrintable(messageOf(verified)));
    QCOMPARE(verified->entries, qint64(3));
    QCOMPARE(verified->terminals, qint64(1));

    // Version 2's search index covers the customers written before it existed.
    const QList<std::pair<QString, QString>> searches{
        {QStringLiteral("Nordmann"), QStringLiteral("1001")},   // a name
        {QStringLiteral("912 34"), QStringLiteral("1001")},     // phone digits
        {QStringLiteral("fjord"), QStringLiteral("CARD-1003")}, // an e-mail
        {QStringLiteral("ødegård"), QStringLiteral("CARD-1003")}, // non-ASCII, other case
        {QStringLiteral("1002"), QStringLiteral("1002")},       // a card
        {QStringLiteral("hansen ola"), QStringLiteral("1002")}, // every word, any order
    };
    for (const auto &[text, card] : searches) {
        auto found = store.customers().search(text);
        QVERIFY2(found.ok(), qPrintable(messageOf(found)));
        QVERIFY2(found->size() == 1 && found->first().card == card,
                 qPrintable(QStringLiteral("search \"%1\" found %2 customers, expected card %3")
                                .arg(text)
                                .arg(found->size())
                                .arg(card)));
    }

    // The upgraded database keeps working: new customers are indexed, the chain continues.
    auto added = store.customers().add(NewCustomer{QStringLiteral("2001"), QStringLiteral("Nina Nyhus"), {}, {}});
    QVERIFY2(added.ok(), qPrintable(messageOf(added)));
    QCOMPARE(store.customers().search(QStringLiteral("Nyhus"))->size(), 1);
    auto topUp = store.credit().topUp(*added, nok(300), PaymentJournal::Card, {}, QStringLiteral("new-till"));
    QVERIFY2(topUp.ok(), qPrintable(messageOf(topUp)));
    QCOMPARE(topUp->sequence, qint64(4));
    verified = store.journal().verify();
    QVERIFY2(verified.ok(), qPrintable(messageOf(verified)));
    QCOMPARE(verified->entries, qint64(4));

    // Version 8 queued every master record the old till held, so that it reaches the sync
    // server: each customer once, stamped with this terminal and an increasing version; the
    // customer added since is queued by the trigger after them.
    auto outbox = MasterData::unpushed(store.database(), 100);
    QVERIFY2(outbox.ok(), qPrintable(messageOf(outbox)));
    QStringList queued;
    qint64 lastVersion = 0;
    for (const MasterChange &change : *outbox) {
        QCOMPARE(change.node, oldIdentity().terminalId);
        QVERIFY(change.version > lastVersion);
        lastVersion = change.version;
        if (change.kind == MasterKinds::kCustomer)
            queued.append(change.data.value(QStringLiteral("card")).toString());
    }
    QStringList expected;
    for (const OldCustomer &old : customers)
        expected.append(old.card);
    expected.append(QStringLiteral("2001"));
    QCOMPARE(queued, expected);
    QVERIFY(MasterData::validate(outbox->first()).ok());

    // Reopening the upgraded database does not migrate again.
    opened->reset();
    auto again = Store::open(path);
    QVERIFY2(again.ok(), qPrintable(messageOf(again)));
    QCOMPARE((*again)->database().schemaVersion(), Schema::kCurrentVersion);
    QCOMPARE(*(*again)->customers().count(), qint64(customers.size() + 1));
}

// Version 9: master data carries amounts as decimal strings with their currency (sync protocol
// 2). What a version 8 till kept in master_history in the number form is rewritten; its outbox
// (the triggers' row images) and its tables are read out in the new form; a till that pulls a
// record in the new form keeps it in its books' minor units.
void tst_Migrations::version8MasterDataGetsDecimalAmounts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v8.db"));
    const QList<OldCustomer> customers = createOldDatabase(path, 8);
    QCOMPARE(customers.size(), representativeCustomers().size());
    const QString kari = customers.at(0).id;
    {
        auto database = Database::open(path, {OpenMode::OpenExisting, 5000, 8});
        QVERIFY2(database.ok(), qPrintable(messageOf(database)));
        Database &db = **database;
        const QString doing = QStringLiteral("write version 8 master data");
        // Local changes, queued by version 8's triggers as row images.
        QVERIFY(db.run(QStringLiteral("UPDATE customers SET credit_limit = 150000, overdraft_limit = 2050 WHERE id = ?"), {kari}, doing).ok());
        QVERIFY(db.run(QStringLiteral("INSERT INTO settings (key, value) VALUES ('cash_rounding_minor', '100')"), {}, doing).ok());
        // Values version 8 kept in the history, in the number form.
        const QList<std::tuple<QString, QString, QString, QString>> history{
            {QStringLiteral("customer-terms"), kari, QStringLiteral("lost"),
             QStringLiteral(R"({"blocked":0,"creditLimit":50000,"overdraftLimit":null,"paymentTermsDays":30})")},
            {QStringLiteral("product"), QStringLiteral("TEA"), QStringLiteral("superseded"),
             QStringLiteral(R"({"active":1,"barcode":null,"name":"Tea","taxCode":"STD","unitPrice":3990})")},
            {QStringLiteral("user"), QStringLiteral("mgr"), QStringLiteral("superseded"),
             QStringLiteral(R"({"active":1,"overrideMax":null,"pinHash":"00","pinIterations":1000,"pinSalt":"00","role":"manager"})")},
            {QStringLiteral("setting"), QStringLiteral("offline_cap_minor"), QStringLiteral("lost"), QStringLiteral(R"({"value":"250000"})")},
            {QStringLiteral("setting"), QStringLiteral("price_mode"), QStringLiteral("lost"), QStringLiteral(R"({"value":"exclusive"})")},
            {QStringLiteral("customer"), kari, QStringLiteral("card-conflict"),
             QStringLiteral(R"({"card":"1001","email":"","name":"Kari","phone":""})")},
        };
        for (const auto &[kind, key, outcome, data] : history)
            QVERIFY(db.run(QStringLiteral("INSERT INTO master_history (kind, key, version, node, data, outcome, recorded_utc) "
                                          "VALUES (?, ?, 7, 'T2', ?, ?, '2024-01-02T03:04:05.678Z')"),
                           {kind, key, data, outcome}, doing)
                        .ok());
    }
    auto opened = Store::open(path);
    QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
    Store &store = **opened;
    QCOMPARE(store.database().schemaVersion(), Schema::kCurrentVersion);
    auto historyOf = [&](const QString &kind, const QString &key) {
        return QString::fromUtf8(QJsonDocument(MasterData::history(store.database(), kind, key)->first().change.data).toJson(QJsonDocument::Compact));
    };
    QCOMPARE(historyOf(MasterKinds::kCustomerTerms, kari),
             QStringLiteral(R"({"blocked":0,"creditLimit":"500.00","currency":"NOK","overdraftLimit":null,"paymentTermsDays":30})"));
    QCOMPARE(historyOf(MasterKinds::kProduct, QStringLiteral("TEA")),
             QStringLiteral(R"({"active":1,"barcode":null,"currency":"NOK","name":"Tea","taxCode":"STD","unitPrice":"39.90"})"));
    QCOMPARE(historyOf(MasterKinds::kUser, QStringLiteral("mgr")),
             QStringLiteral(R"({"active":1,"currency":"NOK","overrideMax":null,"pinHash":"00","pinIterations":1000,"pinSalt":"00","role":"manager"})"));
    QCOMPARE(historyOf(MasterKinds::kSetting, QStringLiteral("offline_cap_minor")), QStringLiteral(R"({"currency":"NOK","value":"2500.00"})"));
    // Records without amounts are as they were.
    QCOMPARE(historyOf(MasterKinds::kSetting, QStringLiteral("price_mode")), QStringLiteral(R"({"value":"exclusive"})"));
    QCOMPARE(historyOf(MasterKinds::kCustomer, kari), QStringLiteral(R"({"card":"1001","email":"","name":"Kari","phone":""})"));

    // The outbox's row images leave as valid decimal records.
    auto outbox = MasterData::unpushed(store.database(), 100);
    QVERIFY2(outbox.ok(), qPrintable(messageOf(outbox)));
    bool sawTerms = false, sawRounding = false;
    for (const MasterChange &change : *outbox) {
        QVERIFY2(MasterData::validate(change).ok(), qPrintable(messageOf(MasterData::validate(change))));
        if (change.kind == MasterKinds::kCustomerTerms && change.key == kari) {
            QCOMPARE(change.data.value(QStringLiteral("creditLimit")).toString(), QStringLiteral("1500.00"));
            QCOMPARE(change.data.value(QStringLiteral("overdraftLimit")).toString(), QStringLiteral("20.50"));
            QCOMPARE(change.data.value(QStringLiteral("currency")).toString(), QStringLiteral("NOK"));
            sawTerms = true;
        }
        if (change.kind == MasterKinds::kSetting && change.key == QLatin1String("cash_rounding_minor")) {
            QCOMPARE(change.data, (QJsonObject{{QStringLiteral("value"), QStringLiteral("1.00")}, {QStringLiteral("currency"), QStringLiteral("NOK")}}));
            sawRounding = true;
        }
    }
    QVERIFY(sawTerms && sawRounding);
    const MasterChange terms = *MasterData::current(store.database(), MasterKinds::kCustomerTerms, kari);
    QCOMPARE(terms.data.value(QStringLiteral("creditLimit")).toString(), QStringLiteral("1500.00"));

    // A pulled record in the new form lands in the books' minor units; one in another currency
    // is not applied, and the history says why.
    const QJsonObject newTerms{{QStringLiteral("creditLimit"), QStringLiteral("2000.00")}, {QStringLiteral("overdraftLimit"), QJsonValue()},
                               {QStringLiteral("currency"), QStringLiteral("NOK")}, {QStringLiteral("paymentTermsDays"), 14},
                               {QStringLiteral("blocked"), 0}};
    QJsonObject euroTerms = newTerms;
    euroTerms.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
    const qint64 later = terms.version + 1024;
    auto applied = MasterData::apply(store.database(),
                                     {MasterChange{MasterKinds::kCustomerTerms, kari, later, QStringLiteral("T2"), newTerms, 0},
                                      MasterChange{MasterKinds::kCustomerTerms, customers.at(1).id, later, QStringLiteral("T2"), euroTerms, 0}},
                                     1);
    QVERIFY2(applied.ok(), qPrintable(messageOf(applied)));
    QCOMPARE(applied->applied, 1);
    QCOMPARE(applied->unapplied, 1);
    QCOMPARE(store.customers().byId(kari)->terms.creditLimitMinorUnits, qint64(200000));
    const auto refused = *MasterData::history(store.database(), MasterKinds::kCustomerTerms, customers.at(1).id);
    QVERIFY2(refused.last().detail.contains(QStringLiteral("EUR")) && refused.last().detail.contains(QStringLiteral("NOK")),
             qPrintable(refused.last().detail));
}

void tst_Migrations::openingACurrentDatabaseChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("current.db"));
    {
        auto created = Store::create(path, oldIdentity());
        QVERIFY2(created.ok(), qPrintable(messageOf(created)));
        auto customer = (*created)->customers().add(NewCustomer{QStringLiteral("1001"), QStringLiteral("Kari Nordmann"), {}, {}});
        QVERIFY(customer.ok());
        QVERIFY((*created)->credit().topUp(*customer, nok(5000), PaymentJournal::Cash, {}, QStringLiteral("till")).ok());
    }
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());
    {
        auto opened = Store::open(path);
        QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
        QCOMPARE((*opened)->database().schemaVersion(), Schema::kCurrentVersion);
        QCOMPARE(pragmaValue((*opened)->database(), QStringLiteral("user_version")), qint64(Schema::kCurrentVersion));
        QCOMPARE(*(*opened)->journal().entryCount(), qint64(1));
    }
    // Not a byte of the file changed: no migration step ran and nothing was rewritten.
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void tst_Migrations::failedMigrationKeepsThePreviousVersion_data()
{
    QTest::addColumn<QString>("conflict");
    QTest::addColumn<QString>("survivor"); // an object of the conflict that must still be there
    QTest::addRow("a plain table named like the search index stops the first statement")
        << QStringLiteral("CREATE TABLE customers_search (name TEXT)") << QStringLiteral("customers_search");
    QTest::addRow("a trigger named like the search's delete trigger stops the step midway")
        << QStringLiteral("CREATE TRIGGER customers_search_delete AFTER DELETE ON settings BEGIN SELECT 1; END")
        << QStringLiteral("customers_search_delete");
}

void tst_Migrations::failedMigrationKeepsThePreviousVersion()
{
    QFETCH(QString, conflict);
    QFETCH(QString, survivor);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    QList<OldCustomer> customers = createOldDatabase(path, 1);
    QCOMPARE(customers.size(), representativeCustomers().size());
    QByteArray schemaBefore;
    {
        auto database = Database::open(path, {OpenMode::OpenExisting, 5000, 1});
        QVERIFY2(database.ok(), qPrintable(messageOf(database)));
        QVERIFY((*database)->run(conflict, {}, QStringLiteral("plant a conflict")).ok());
        auto schema = (*database)->run(QStringLiteral("SELECT group_concat(type || ' ' || name, ', ') FROM "
                                                      "(SELECT type, name FROM sqlite_master ORDER BY name)"),
                                       {}, QStringLiteral("read the schema"));
        QVERIFY(schema.ok() && schema->next());
        schemaBefore = schema->value(0).toString().toUtf8();
    }

    auto opened = Store::open(path);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.message().contains(path), qPrintable(opened.message()));
    QVERIFY2(opened.message().contains(QStringLiteral("upgrade the schema to version 2")), qPrintable(opened.message()));

    // Still version 1, with exactly the objects it had: nothing of version 2 stayed behind.
    auto database = Database::open(path, {OpenMode::OpenExisting, 5000, 1});
    QVERIFY2(database.ok(), qPrintable(messageOf(database)));
    QCOMPARE((*database)->schemaVersion(), 1);
    QCOMPARE(pragmaValue(**database, QStringLiteral("user_version")), qint64(1));
    auto schema = (*database)->run(QStringLiteral("SELECT group_concat(type || ' ' || name, ', ') FROM "
                                                  "(SELECT type, name FROM sqlite_master ORDER BY name)"),
                                   {}, QStringLiteral("read the schema"));
    QVERIFY(schema.ok() && schema->next());
    QCOMPARE(schema->value(0).toString().toUtf8(), schemaBefore);
    QCOMPARE(countOf(**database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"), {survivor}), qint64(1));
    QCOMPARE(countOf(**database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'customers_search_insert'")),
             qint64(0));

    // The data is intact.
    QCOMPARE(countOf(**database, QStringLiteral("SELECT count(*) FROM customers")), qint64(customers.size()));
    for (const OldCustomer &old : customers)
        QCOMPARE(countOf(**database, QStringLiteral("SELECT count(*) FROM customers WHERE id = ? AND card = ? AND name = ?"),
                         {old.id, old.card, old.name}),
                 qint64(1));
    Journal journal(**database, oldIdentity());
    QCOMPARE(*journal.entryCount(), qint64(3));
    QCOMPARE(*journal.balance(Accounts::storeCredit(customers.at(0).id)), nok(-7500));
    auto verified = journal.verify();
    QVERIFY2(verified.ok(), qPrintable(messageOf(verified)));
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
