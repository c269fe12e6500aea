// Bad databases: files that are not Slate's, damaged files, a read-only file system, a database
// held by another program and a full disk. Each gives an Error with the right code and a message
// that names the file and what to do; none crashes and none leaves anything half-written.
// The damage is random but seeded; set SLATE_CORRUPT_SEED to replay a seed.

#include "storage/tillschema.h"
#include "teststore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <unistd.h>

using namespace Slate::Core;

class tst_BadDatabase : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void refusesWhatIsNotASlateDatabase_data();
    void refusesWhatIsNotASlateDatabase();

    void damagedFileFailsCleanly_data();
    void damagedFileFailsCleanly();
    void damagedBalanceIsReportedNotReadAsZero();

    void readOnlyFileSystem();

    void lockedDatabaseCannotBeOpened();
    void topUpWhileLockedWritesNothing();

    void diskFullAtPageLimitKeepsEverything();
    void diskFullOnSmallFileSystemKeepsEverything();

private:
    QTemporaryDir m_templateDir;
    QString m_templatePath; // a healthy database with many entries, copied by the damage cases
};

namespace {

template <typename T>
QString messageOf(const Result<T> &result)
{
    return result.ok() ? QString() : result.message();
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<absent>");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

QString native(const QString &path) { return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()); }

// Empty when the error is one of the allowed codes and names the file; else what is wrong.
QString checkError(const Error &error, const QList<ErrorCode> &allowed, const QString &path)
{
    if (!allowed.contains(error.code))
        return QStringLiteral("unexpected error code %1: %2").arg(int(error.code)).arg(error.message);
    if (!error.message.contains(native(path)))
        return QStringLiteral("the message does not name %1: %2").arg(native(path), error.message);
    return {};
}

// A connection of "another program": plain QtSql, its own connection name, no Slate code.
class RawConnection {
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(QRandomGenerator::global()->generate()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning("raw SQL failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

private:
    QString m_name;
    bool m_open = false;
};

// A small tmpfs mounted on a folder for the life of this object (needs root). Unmounts on
// destruction, so that a failed check never leaves a mount behind.
class TmpfsMount {
public:
    TmpfsMount(const QString &folder, const QString &size) : m_folder(folder)
    {
        if (::geteuid() != 0) {
            m_error = QStringLiteral("mounting a tmpfs needs root");
            return;
        }
        m_mounted = run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=") + size,
                         QStringLiteral("tmpfs"), folder});
    }
    ~TmpfsMount()
    {
        if (!m_mounted)
            return;
        if (QProcess::execute(QStringLiteral("umount"), {m_folder}) != 0)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_folder});
    }
    bool mounted() const { return m_mounted; }
    const QString &error() const { return m_error; }
    bool remountReadOnly() { return run({QStringLiteral("-o"), QStringLiteral("remount,ro"), m_folder}); }

private:
    bool run(const QStringList &arguments)
    {
        QProcess mount;
        mount.start(QStringLiteral("mount"), arguments);
        if (!mount.waitForFinished(10000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0) {
            m_error = QStringLiteral("mount %1 failed: %2%3")
                          .arg(arguments.join(QLatin1Char(' ')), mount.errorString(),
                               QString::fromLocal8Bit(mount.readAllStandardError()).trimmed());
            return false;
        }
        return true;
    }

    QString m_folder;
    QString m_error;
    bool m_mounted = false;
};

enum class Setup { TextFile, EmptyFile, ForeignSqlite, NewerSlate, NegativeVersion, MissingFile, MissingFolder };

bool prepare(Setup setup, const QString &path)
{
    switch (setup) {
    case Setup::TextFile: {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("customer;balance\nKari;75.00\nOla;10.00\n") > 0;
    }
    case Setup::EmptyFile: {
        QFile file(path);
        return file.open(QIODevice::WriteOnly);
    }
    case Setup::ForeignSqlite: {
        RawConnection raw(path);
        return raw.isOpen() && raw.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"))
            && raw.exec(QStringLiteral("INSERT INTO notes (text) VALUES ('buy milk')"));
    }
    case Setup::NewerSlate:
    case Setup::NegativeVersion: {
        {
            auto store = Store::create(path, StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")});
            if (!store)
                return false;
        }
        RawConnection raw(path);
        const int version = setup == Setup::NewerSlate ? Schema::kCurrentVersion + 1 : -1;
        return raw.isOpen() && raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    }
    case Setup::MissingFile:
    case Setup::MissingFolder:
        return true;
    }
    return false;
}

// Overwrites [offset, offset + bytes.size()) of a closed database file.
bool overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.seek(offset) && file.write(bytes) == bytes.size();
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

enum class Damage { Truncated, RandomBytesInMiddlePages, SingleBytesInMiddlePages, ScribbledHeader };

constexpr int kTopUpsInDamagedDatabase = 3000;
constexpr int kPageSize = 4096;
constexpr int kTopUpAttemptsMax = 100000;
const QString kCard = QStringLiteral("1001");

quint32 corruptSeed()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("SLATE_CORRUPT_SEED").toUInt(&ok);
    return ok ? seed : 20240611u;
}

} // namespace

void tst_BadDatabase::initTestCase()
{
    // One healthy database with a few thousand top-ups; each damage case gets its own copy.
    QVERIFY(m_templateDir.isValid());
    m_templatePath = m_templateDir.filePath(QStringLiteral("healthy.db"));
    auto store = Store::create(m_templatePath, StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")});
    QVERIFY2(store.ok(), qPrintable(messageOf(store)));
    auto customer = (*store)->customers().add(NewCustomer{kCard, QStringLiteral("Kari Nordmann"), {}, {}});
    QVERIFY(customer.ok());
    const Money one(100, *Currency::fromCode(u"NOK"));
    Transaction transaction((*store)->database());
    QVERIFY(transaction.begin().ok());
    for (int i = 0; i < kTopUpsInDamagedDatabase; ++i) {
        auto entry = (*store)->credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till"));
        QVERIFY2(entry.ok(), qPrintable(messageOf(entry)));
    }
    QVERIFY(transaction.commit().ok());
}

void tst_BadDatabase::refusesWhatIsNotASlateDatabase_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<OpenMode>("mode");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("remedy"); // part of the message that tells what to do

    QTest::newRow("a text file is not a database") << Setup::TextFile << OpenMode::OpenExisting << ErrorCode::NotADatabase
                                                   << QStringLiteral("check --db");
    QTest::newRow("a text file is not overwritten by create")
        << Setup::TextFile << OpenMode::CreateNew << ErrorCode::AlreadyExists << QStringLiteral("choose another file");
    QTest::newRow("an empty file is not an existing database")
        << Setup::EmptyFile << OpenMode::OpenExisting << ErrorCode::NotFound << QStringLiteral("slatectl init");
    QTest::newRow("another program's SQLite database is refused")
        << Setup::ForeignSqlite << OpenMode::OpenExisting << ErrorCode::NotADatabase << QStringLiteral("check --db");
    QTest::newRow("a database of a newer Slate is refused")
        << Setup::NewerSlate << OpenMode::OpenExisting << ErrorCode::TooNew << QStringLiteral("Update Slate");
    QTest::newRow("a negative schema version is damage, not a version to migrate from")
        << Setup::NegativeVersion << OpenMode::OpenExisting << ErrorCode::Corrupt << QStringLiteral("backup");
    QTest::newRow("a missing file is not created") << Setup::MissingFile << OpenMode::OpenExisting << ErrorCode::NotFound
                                                   << QStringLiteral("slatectl init");
    QTest::newRow("a missing folder is not created")
        << Setup::MissingFolder << OpenMode::OpenExisting << ErrorCode::NotFound << QStringLiteral("create it");
    QTest::newRow("a missing folder is not created for a new database")
        << Setup::MissingFolder << OpenMode::CreateNew << ErrorCode::NotFound << QStringLiteral("create it");
}

void tst_BadDatabase::refusesWhatIsNotASlateDatabase()
{
    QFETCH(Setup, setup);
    QFETCH(OpenMode, mode);
    QFETCH(ErrorCode, code);
    QFETCH(QString, remedy);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = setup == Setup::MissingFolder ? dir.filePath(QStringLiteral("no/such/folder")) : dir.path();
    const QString path = folder + QStringLiteral("/slate.db");
    QVERIFY(prepare(setup, path));
    const QByteArray before = fileHash(path);
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);

    OpenOptions options;
    options.mode = mode;
    auto opened = Store::open(path, options);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.code(), code);
    QVERIFY2(opened.message().contains(native(path)), qPrintable(opened.message()));
    QVERIFY2(opened.message().contains(remedy), qPrintable(opened.message()));
    if (code == ErrorCode::TooNew)
        QVERIFY2(opened.message().contains(QStringLiteral("newer")), qPrintable(opened.message()));

    // Nothing was written: the file is as it was and no journal, WAL or folder appeared.
    QCOMPARE(fileHash(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot), filesBefore);
}

void tst_BadDatabase::damagedFileFailsCleanly_data()
{
    QTest::addColumn<Damage>("damage");
    QTest::newRow("a file truncated to a third") << Damage::Truncated;
    QTest::newRow("random bytes over the middle pages") << Damage::RandomBytesInMiddlePages;
    QTest::newRow("single bytes changed in the middle pages") << Damage::SingleBytesInMiddlePages;
    QTest::newRow("bytes 16 to 100 of the header scribbled over") << Damage::ScribbledHeader;
}

void tst_BadDatabase::damagedFileFailsCleanly()
{
    QFETCH(Damage, damage);
    const quint32 seed = corruptSeed();
    qInfo("damage seed: %u (set SLATE_CORRUPT_SEED to replay)", seed);
    QRandomGenerator random(seed);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("damaged.db"));
    QVERIFY(QFile::copy(m_templatePath, path));
    const qint64 size = QFileInfo(path).size();
    QVERIFY2(size > 32 * kPageSize, "the healthy database is too small to damage its middle");
    switch (damage) {
    case Damage::Truncated:
        QVERIFY(QFile::resize(path, size / 3));
        break;
    case Damage::RandomBytesInMiddlePages:
        // Sixteen spans of 200 random bytes at random places in the middle half of the file.
        for (int span = 0; span < 16; ++span) {
            const qint64 offset = size / 4 + qint64(random.bounded(quint64(size / 2)));
            QVERIFY(overwrite(path, offset, randomBytes(random, 200)));
        }
        break;
    case Damage::SingleBytesInMiddlePages:
        // Small enough to leave the page structure alone and change only what a row says.
        for (int change = 0; change < 8; ++change) {
            const qint64 offset = size / 4 + qint64(random.bounded(quint64(size / 2)));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(offset));
            char byte = 0;
            QVERIFY(file.getChar(&byte) && file.seek(offset));
            QVERIFY(file.putChar(char(byte ^ char(1 + random.bounded(255)))));
        }
        break;
    case Damage::ScribbledHeader:
        QVERIFY(overwrite(path, 16, randomBytes(random, 100 - 16)));
        break;
    }

    const QList<ErrorCode> allowed{ErrorCode::Corrupt, ErrorCode::Integrity, ErrorCode::NotADatabase, ErrorCode::IoError};
    int failures = 0;
    auto expectCleanFailure = [&](const Error &error, const char *what) {
        ++failures;
        qInfo("%s failed as expected: %s", what, qPrintable(error.message));
        const QString problem = checkError(error, allowed, path);
        if (!problem.isEmpty())
            qWarning("%s: %s", what, qPrintable(problem));
        return problem.isEmpty();
    };

    auto opened = Store::open(path);
    if (!opened) {
        QVERIFY(expectCleanFailure(opened.error(), "open"));
        return;
    }
    Store &store = **opened;
    auto customer = store.customers().byCard(kCard);
    if (!customer)
        QVERIFY(expectCleanFailure(customer.error(), "find the customer"));
    auto entries = store.journal().entryCount();
    if (!entries)
        QVERIFY(expectCleanFailure(entries.error(), "count entries"));
    if (customer) {
        auto wallet = store.credit().wallet(customer->id);
        if (!wallet)
            QVERIFY(expectCleanFailure(wallet.error(), "read the wallet"));
        auto history = store.credit().history(customer->id, 50);
        if (!history)
            QVERIFY(expectCleanFailure(history.error(), "read the history"));
    }
    auto verified = store.journal().verify();
    if (!verified)
        QVERIFY(expectCleanFailure(verified.error(), "verify"));
    if (customer) {
        auto topUp = store.credit().topUp(*customer, Money(100, store.identity().currency), PaymentJournal::Cash, {},
                                          QStringLiteral("till"));
        if (!topUp)
            QVERIFY(expectCleanFailure(topUp.error(), "top up"));
    }
    // The damage must not go unnoticed: verify at least reads every page it touches.
    QVERIFY2(failures > 0, "the damaged database was read as if it were healthy");
}

void tst_BadDatabase::damagedBalanceIsReportedNotReadAsZero()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("balances.db"));
    QVERIFY(QFile::copy(m_templatePath, path));
    qint64 rootPage = 0;
    QString customerId;
    {
        auto store = Store::open(path);
        QVERIFY2(store.ok(), qPrintable(messageOf(store)));
        customerId = (*store)->customers().byCard(kCard)->id;
        QCOMPARE(*(*store)->credit().wallet(customerId), Money(100 * kTopUpsInDamagedDatabase, *Currency::fromCode(u"NOK")));
        auto root = (*store)->database().run(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'account_balances'"),
                                             {}, QStringLiteral("find the balances"));
        QVERIFY(root.ok() && root->next());
        rootPage = root->value(0).toLongLong();
    }
    QVERIFY(rootPage > 1);
    // Two accounts fit on one page: the root is the whole table. Ruin its page header.
    QVERIFY(overwrite(path, (rootPage - 1) * kPageSize, QByteArray(16, char(0xEE))));

    auto store = Store::open(path);
    QVERIFY2(store.ok(), qPrintable(messageOf(store)));
    auto wallet = (*store)->credit().wallet(customerId);
    QVERIFY2(!wallet.ok(), qPrintable(QStringLiteral("a damaged balance was read as %1").arg(wallet ? wallet->toDecimalString() : QString())));
    const QString problem = checkError(wallet.error(), {ErrorCode::Corrupt}, path);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto balances = (*store)->journal().balances();
    QVERIFY(!balances.ok());
    QCOMPARE(balances.code(), ErrorCode::Corrupt);
    auto verified = (*store)->journal().verify();
    QVERIFY(!verified.ok());
    QVERIFY2(verified.message().contains(native(path)), qPrintable(verified.message()));
}

void tst_BadDatabase::readOnlyFileSystem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TmpfsMount mount(dir.path(), QStringLiteral("4m"));
    if (!mount.mounted())
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs: ") + mount.error()));
    const QString path = dir.filePath(QStringLiteral("slate.db"));
    {
        auto store = Store::create(path, StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")});
        QVERIFY2(store.ok(), qPrintable(messageOf(store)));
        QVERIFY((*store)->customers().add(NewCustomer{kCard, QStringLiteral("Kari Nordmann"), {}, {}}).ok());
    }
    QVERIFY2(mount.remountReadOnly(), qPrintable(mount.error()));
    const QByteArray before = fileHash(path);

    auto opened = Store::open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.code(), ErrorCode::ReadOnly);
    QVERIFY2(opened.message().contains(native(path)), qPrintable(opened.message()));
    QVERIFY2(opened.message().contains(QStringLiteral("write")), qPrintable(opened.message()));
    QCOMPARE(fileHash(path), before);
}

void tst_BadDatabase::lockedDatabaseCannotBeOpened()
{
    Slate::Test::TestStore store;
    QVERIFY(store.ok());
    const QString path = store.path();
    store.close();

    RawConnection other(path);
    QVERIFY(other.isOpen());
    QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QElapsedTimer timer;
    timer.start();
    auto opened = Store::open(path, {OpenMode::OpenExisting, 200, -1});
    const qint64 waitedMs = timer.elapsed();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.code(), ErrorCode::Locked);
    QVERIFY2(opened.message().contains(native(path)), qPrintable(opened.message()));
    QVERIFY2(opened.message().contains(QStringLiteral("try again")), qPrintable(opened.message()));
    // It waited for the other program as long as it was told, and not much longer.
    QVERIFY2(waitedMs >= 150 && waitedMs < 4000, qPrintable(QString::number(waitedMs)));

    // Once the other program lets go, the database opens.
    QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    auto again = Store::open(path, {OpenMode::OpenExisting, 200, -1});
    QVERIFY2(again.ok(), qPrintable(messageOf(again)));
}

void tst_BadDatabase::topUpWhileLockedWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("slate.db"));
    QVERIFY(Store::create(path, StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")}).ok());
    auto opened = Store::open(path, {OpenMode::OpenExisting, 200, -1});
    QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
    Store &store = **opened;
    auto customer = store.customers().add(NewCustomer{kCard, QStringLiteral("Kari Nordmann"), {}, {}});
    QVERIFY(customer.ok());
    const Money one(100, store.identity().currency);
    QVERIFY(store.credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till")).ok());

    RawConnection other(path);
    QVERIFY(other.isOpen());
    QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    auto refused = store.credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::Locked);
    QVERIFY2(refused.message().contains(native(path)), qPrintable(refused.message()));
    // Readers are not blocked by the writer in WAL mode: the till still shows the wallet.
    QCOMPARE(*store.credit().wallet(customer->id), one);
    QCOMPARE(*store.journal().entryCount(), qint64(1));
    QVERIFY(other.exec(QStringLiteral("ROLLBACK")));

    QCOMPARE(*store.credit().wallet(customer->id), one);
    QCOMPARE(*store.journal().entryCount(), qint64(1));
    auto retried = store.credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till"));
    QVERIFY2(retried.ok(), qPrintable(messageOf(retried)));
    QCOMPARE(retried->sequence, qint64(2));
    auto verified = store.journal().verify();
    QVERIFY2(verified.ok(), qPrintable(messageOf(verified)));
    QCOMPARE(verified->entries, qint64(2));
}

void tst_BadDatabase::diskFullAtPageLimitKeepsEverything()
{
    Slate::Test::TestStore store;
    QVERIFY(store.ok());
    auto customer = (*store).customers().add(NewCustomer{kCard, QStringLiteral("Kari Nordmann"), {}, {}});
    QVERIFY(customer.ok());
    const Money one = store.money(QStringLiteral("1.00"));
    QVERIFY((*store).credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till")).ok());

    auto pages = (*store).database().run(QStringLiteral("PRAGMA page_count"), {}, QStringLiteral("count pages"));
    QVERIFY(pages.ok() && pages->next());
    const qint64 pageCount = pages->value(0).toLongLong();
    pages->finish();
    QVERIFY((*store).database().run(QStringLiteral("PRAGMA max_page_count = %1").arg(pageCount), {}, QStringLiteral("limit")).ok());

    int succeeded = 0;
    for (int attempt = 0; attempt < kTopUpAttemptsMax; ++attempt) {
        const Money walletBefore = *(*store).credit().wallet(customer->id);
        const qint64 entriesBefore = *(*store).journal().entryCount();
        auto topUp = (*store).credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till"));
        if (topUp) {
            ++succeeded;
            continue;
        }
        QCOMPARE(topUp.code(), ErrorCode::DiskFull);
        QVERIFY2(topUp.message().contains(native(store.path())), qPrintable(topUp.message()));
        QVERIFY2(topUp.message().contains(QStringLiteral("free some space")), qPrintable(topUp.message()));
        // Exactly as before the failed top-up.
        QCOMPARE(*(*store).credit().wallet(customer->id), walletBefore);
        QCOMPARE(*(*store).journal().entryCount(), entriesBefore);
        QCOMPARE(entriesBefore, qint64(1 + succeeded));
        QCOMPARE(walletBefore.minorUnits(), entriesBefore * 100);
        auto verified = (*store).journal().verify();
        QVERIFY2(verified.ok(), qPrintable(messageOf(verified)));
        QCOMPARE(verified->entries, entriesBefore);

        // With room again, the till carries on where it stopped.
        QVERIFY((*store).database().run(QStringLiteral("PRAGMA max_page_count = %1").arg(pageCount * 4), {},
                                        QStringLiteral("unlimit")).ok());
        auto retried = (*store).credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till"));
        QVERIFY2(retried.ok(), qPrintable(messageOf(retried)));
        QCOMPARE(retried->sequence, entriesBefore + 1);
        QVERIFY((*store).journal().verify().ok());
        return;
    }
    QFAIL("the page limit never filled the database");
}

void tst_BadDatabase::diskFullOnSmallFileSystemKeepsEverything()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TmpfsMount mount(dir.path(), QStringLiteral("640k"));
    if (!mount.mounted())
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs: ") + mount.error()));
    const QString path = dir.filePath(QStringLiteral("slate.db"));
    auto created = Store::create(path, StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")});
    QVERIFY2(created.ok(), qPrintable(messageOf(created)));
    std::unique_ptr<Store> store = std::move(*created);
    auto customer = store->customers().add(NewCustomer{kCard, QStringLiteral("Kari Nordmann"), {}, {}});
    QVERIFY2(customer.ok(), qPrintable(messageOf(customer)));
    const Money one(100, store->identity().currency);

    qint64 succeeded = 0;
    std::optional<Error> failure;
    for (int attempt = 0; attempt < kTopUpAttemptsMax && !failure; ++attempt) {
        auto topUp = store->credit().topUp(*customer, one, PaymentJournal::Cash, {}, QStringLiteral("till"));
        if (topUp)
            ++succeeded;
        else
            failure = topUp.error();
    }
    QVERIFY2(failure.has_value(), "640 KiB never filled up");
    QVERIFY2(succeeded > 0, "not a single top-up fitted");
    qInfo("the small disk was full after %lld top-ups", succeeded);
    QCOMPARE(failure->code, ErrorCode::DiskFull);
    QVERIFY2(failure->message.contains(native(path)), qPrintable(failure->message));

    auto verified = store->journal().verify();
    QVERIFY2(verified.ok(), qPrintable(messageOf(verified)));
    QCOMPARE(verified->entries, succeeded);
    QCOMPARE(*store->journal().entryCount(), succeeded);
    QCOMPARE(store->credit().wallet(customer->id)->minorUnits(), succeeded * 100);
    store.reset();

    // What is on the full disk (the database and whatever of its WAL could not be checkpointed)
    // opens elsewhere with every successful top-up and nothing of the failed one.
    QTemporaryDir rescue;
    QVERIFY(rescue.isValid());
    const QString copy = rescue.filePath(QStringLiteral("slate.db"));
    QVERIFY(QFile::copy(path, copy));
    if (QFile::exists(path + QStringLiteral("-wal")))
        QVERIFY(QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
    auto reopened = Store::open(copy);
    QVERIFY2(reopened.ok(), qPrintable(messageOf(reopened)));
    verified = (*reopened)->journal().verify();
    QVERIFY2(verified.ok(), qPrintable(messageOf(verified)));
    QCOMPARE(verified->entries, succeeded);
}

QTEST_GUILESS_MAIN(tst_BadDatabase)
#include "tst_baddatabase.moc"
