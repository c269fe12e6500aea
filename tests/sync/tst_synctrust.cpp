// Whatever the server accepts, every till accepts (issue 10, findings 1-3), with the real
// slate-server on loopback: a master-data change stamped far in the future is refused and never
// drags a till's clock; an entry in another currency than its books' is refused before it can
// wedge the tills that pull it, and the others keep syncing; a terminal may post only where its
// entry kinds allow (core/ledger/entryauthority.h), anything else is a 403 and a security
// exception. T9 plays the rogue till: its requests are signed with its real secret.

#include "synctestenv.h"

#include "base/uuidv7.h"
#include "ledger/quarantine.h"
#include "masterdata/masterdata.h"
#include "server/serverschema.h"

using namespace Slate;
using namespace Slate::Test;

class tst_SyncTrust : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void masterVersionFarAheadIsRefused();
    void tillNeverAppliesAFarAheadVersion();
    void entryInAnotherCurrencyIsRefusedAndTillsKeepSyncing();
    void postingsOutsideTheTerminalsAuthority_data();
    void postingsOutsideTheTerminalsAuthority();
    void aTillQuarantinesWhatItCannotStoreAndKeepsSyncing();

private:
    struct Line {
        QString account;
        QString currency;
        qint64 minorUnits;
    };
    // T9's next entry after what the server holds of it.
    Core::JournalEntry rogueEntry(Core::EntryKind kind, const QString &customerId, const QList<Line> &lines) const;
    HttpAnswer signedPost(const QByteArray &path, const QByteArray &body);
    HttpAnswer pushRogue(const Core::JournalEntry &entry);
    bool exceptionRecorded(const QString &kind, const Core::JournalEntry &entry);

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Till> m_t1;
    std::unique_ptr<Till> m_t2;
    std::unique_ptr<Till> m_t9;
    Core::Customer m_c1;
    Core::Customer m_c2;
    Core::ChainTip m_t9Tip{0, Core::genesisHash()};
};

void tst_SyncTrust::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
    QVERIFY(m_server->start());
    m_t1 = std::make_unique<Till>(QStringLiteral("T1"));
    m_t2 = std::make_unique<Till>(QStringLiteral("T2"));
    m_t9 = std::make_unique<Till>(QStringLiteral("T9"));
    m_c1 = m_t1->addCustomer(QStringLiteral("5001"));
    m_c2 = m_t1->addCustomer(QStringLiteral("5002"));
    QVERIFY(m_t1->store().credit().topUp(m_c1, m_t1->money(QStringLiteral("100")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    for (Till *till : {m_t1.get(), m_t2.get(), m_t9.get()}) {
        const QString terminal = till->store().identity().terminalId;
        const Sync::RoundResult round = till->sync(m_server->url(), enrolmentCode(m_server->database(), terminal));
        QVERIFY2(round.ok(), qPrintable(terminal + QStringLiteral(": ") + round.message));
    }
    QVERIFY(m_t2->store().customers().byId(m_c2.id).ok()); // T2 knows both customers
}

void tst_SyncTrust::cleanupTestCase()
{
    if (m_server)
        m_server->kill();
}

Core::JournalEntry tst_SyncTrust::rogueEntry(Core::EntryKind kind, const QString &customerId, const QList<Line> &lines) const
{
    Core::JournalEntry entry;
    entry.id = Core::newTimeOrderedUuid();
    entry.terminalId = QStringLiteral("T9");
    entry.sequence = m_t9Tip.sequence + 1;
    entry.createdUtc = Core::nowUtc();
    entry.kind = kind;
    entry.userName = QStringLiteral("mallory");
    entry.references.customerId = customerId;
    for (const Line &line : lines)
        entry.postings.append(Core::Posting{line.account, Core::Money(line.minorUnits, *Core::Currency::fromCode(line.currency))});
    entry.previousHash = m_t9Tip.hash;
    entry.hash = entry.computeHash();
    return entry;
}

HttpAnswer tst_SyncTrust::signedPost(const QByteArray &path, const QByteArray &body)
{
    QUrl url = m_server->url();
    url.setPath(QString::fromLatin1(path));
    return httpRequest(url, QByteArrayLiteral("POST"), body, signedHeaders(SignedRequest{QStringLiteral("T9"), m_t9->secret()}, path, body));
}

HttpAnswer tst_SyncTrust::pushRogue(const Core::JournalEntry &entry)
{
    const HttpAnswer answer = signedPost(QByteArrayLiteral("/v1/push"), Sync::Protocol::entriesJson({entry}));
    if (answer.status == 200)
        m_t9Tip = Core::ChainTip{entry.sequence, entry.hash};
    return answer;
}

bool tst_SyncTrust::exceptionRecorded(const QString &kind, const Core::JournalEntry &entry)
{
    for (const QJsonValue &row : serverExceptions(m_server->database())) {
        if (row[QStringLiteral("kind")] == kind && row[QStringLiteral("entryId")] == Core::uuidText(entry.id)
            && row[QStringLiteral("terminalId")] == QStringLiteral("T9"))
            return true;
    }
    return false;
}

// Finding 1: a signed change with version 2^53 was stored, and a till that applied it could
// never push an edit again.
void tst_SyncTrust::masterVersionFarAheadIsRefused()
{
    auto changeAt = [](qint64 version) {
        const QString key = Core::uuidText(Core::newTimeOrderedUuid());
        return Core::MasterChange{Core::MasterKinds::kCustomer, key, version, QStringLiteral("T9"),
                                  QJsonObject{{QStringLiteral("card"), QString(QStringLiteral("9-") + key.right(6))},
                                              {QStringLiteral("name"), QStringLiteral("Far Future")},
                                              {QStringLiteral("phone"), QString()},
                                              {QStringLiteral("email"), QString()}},
                                  0};
    };
    auto push = [this](const Core::MasterChange &change) {
        const QJsonObject body{{QStringLiteral("changes"), QJsonArray{Sync::Protocol::masterChangeToJson(change)}}};
        return signedPost(QByteArrayLiteral("/v1/master/push"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    struct Case {
        const char *name;
        qint64 version;
        int status;
    };
    const Case cases[] = {{"2^53", Core::kMasterVersionMax, 400},
                          {"an hour ahead", (now + 3600 * 1000) * 1024, 400},
                          {"11 minutes ahead", (now + 11 * 60 * 1000) * 1024, 400},
                          {"a minute ahead (a clock slightly fast)", (now + 60 * 1000) * 1024, 200},
                          {"now", now * 1024, 200}};
    for (const Case &c : cases) {
        const Core::MasterChange change = changeAt(c.version);
        const HttpAnswer answer = push(change);
        QVERIFY2(answer.status == c.status, qPrintable(QStringLiteral("%1: HTTP %2 %3").arg(QLatin1String(c.name)).arg(answer.status).arg(answer.message())));
        if (c.status == 400) {
            QVERIFY2(answer.message().startsWith(QStringLiteral("changes[0]: customer ") + change.key), qPrintable(answer.message()));
            QVERIFY2(answer.message().contains(QStringLiteral("\"version\"")), qPrintable(answer.message()));
            QVERIFY2(answer.message().contains(QStringLiteral("10 minutes ahead")), qPrintable(answer.message()));
        }
    }
    // Nothing of the refused ones reached a till, and its clock stayed near the time.
    const Sync::RoundResult round = m_t2->sync(m_server->url());
    QVERIFY2(round.ok(), qPrintable(round.message));
    Core::Result<Core::Query> clock = m_t2->database().run(QStringLiteral("SELECT version FROM master_clock WHERE id = 1"), {}, QStringLiteral("test"));
    QVERIFY(clock && clock->next());
    QVERIFY(clock->value(0).toLongLong() <= Core::MasterData::versionMaxAt(QDateTime::currentMSecsSinceEpoch(), Core::VersionJudge::Server));
}

// A till applies no pulled change beyond the bound and does not move its clock there, so its
// own edits stay ones the server takes.
void tst_SyncTrust::tillNeverAppliesAFarAheadVersion()
{
    Core::Database &database = m_t2->database();
    auto clockNow = [&database] {
        Core::Result<Core::Query> clock = database.run(QStringLiteral("SELECT version FROM master_clock WHERE id = 1"), {}, QStringLiteral("test"));
        return clock && clock->next() ? clock->value(0).toLongLong() : -1;
    };
    const qint64 before = clockNow();
    Core::Result<qint64> cursor = Core::MasterData::pullCursor(database);
    QVERIFY(cursor);
    const Core::MasterChange poisoned{Core::MasterKinds::kCustomer, m_c1.id, Core::kMasterVersionMax, QStringLiteral("T9"),
                                      QJsonObject{{QStringLiteral("card"), QStringLiteral("5001")},
                                                  {QStringLiteral("name"), QStringLiteral("Hijacked")},
                                                  {QStringLiteral("phone"), QString()},
                                                  {QStringLiteral("email"), QString()}},
                                      0};
    Core::Result<Core::MasterApplyReport> report = Core::MasterData::apply(database, {poisoned}, *cursor);
    QVERIFY2(report, qPrintable(report ? QString() : report.message()));
    QCOMPARE(report->applied, 0);
    QCOMPARE(report->unapplied, 1);
    QCOMPARE(clockNow(), before);
    QCOMPARE(m_t2->store().customers().byId(m_c1.id)->name, m_c1.name);
    Core::Result<QList<Core::MasterHistoryRow>> history = Core::MasterData::history(database, Core::MasterKinds::kCustomer, m_c1.id);
    QVERIFY(history && !history->isEmpty());
    QCOMPARE(history->last().outcome, QStringLiteral("unapplied"));
    QVERIFY2(history->last().detail.contains(QStringLiteral("\"version\"")), qPrintable(history->last().detail));
    // T2's next edit is one the server takes.
    Core::CreditTerms terms = m_t2->store().customers().byId(m_c2.id)->terms;
    terms.creditLimitMinorUnits += 10000;
    QVERIFY(m_t2->store().customers().setTerms(m_c2.id, terms).ok());
    const Sync::RoundResult round = m_t2->sync(m_server->url());
    QVERIFY2(round.ok(), qPrintable(round.message));
    QVERIFY(round.report.masterPushed >= 1);
}

// Finding 2: T9 pushed a top-up in USD to accounts these NOK books had not seen yet; the server
// took it, and T2, which holds the same wallet in NOK from an offline top-up, could never sync
// again (its push refused, its pull failing on the USD entry).
void tst_SyncTrust::entryInAnotherCurrencyIsRefusedAndTillsKeepSyncing()
{
    QVERIFY(m_t2->store().credit().topUp(*m_t2->store().customers().byId(m_c2.id), m_t2->money(QStringLiteral("20")),
                                         Core::PaymentJournal::Cash, {}, QStringLiteral("bob")));
    const qint64 entriesBefore = serverEntries(m_server->url());
    const Core::JournalEntry usd = rogueEntry(Core::EntryKind::TopUp, m_c2.id,
                                              {{QStringLiteral("assets:cash:S1:T9"), QStringLiteral("USD"), 1000},
                                               {Core::Accounts::storeCredit(m_c2.id), QStringLiteral("USD"), -1000}});
    const HttpAnswer answer = pushRogue(usd);
    QCOMPARE(answer.status, 422);
    QVERIFY2(answer.message().contains(Core::uuidText(usd.id)), qPrintable(answer.message()));
    QVERIFY2(answer.message().contains(QStringLiteral("postings[0] (assets:cash:S1:T9 10.00 USD)")), qPrintable(answer.message()));
    QVERIFY2(answer.message().contains(QStringLiteral("kept in NOK")), qPrintable(answer.message()));
    QCOMPARE(serverEntries(m_server->url()), entriesBefore);
    QVERIFY(exceptionRecorded(QStringLiteral("refused-entry"), usd));

    // Every other till keeps syncing, both ways.
    const Sync::RoundResult t2 = m_t2->sync(m_server->url());
    QVERIFY2(t2.ok(), qPrintable(t2.message));
    QCOMPARE(t2.report.pushed, qint64(1));
    QVERIFY(m_t1->store().credit().topUp(m_c1, m_t1->money(QStringLiteral("5")), Core::PaymentJournal::Card, {}, QStringLiteral("ann")));
    const Sync::RoundResult t1 = m_t1->sync(m_server->url());
    QVERIFY2(t1.ok(), qPrintable(t1.message));
    QCOMPARE(t1.report.pulled, qint64(1));
    const Sync::RoundResult again = m_t2->sync(m_server->url());
    QVERIFY2(again.ok(), qPrintable(again.message));
    QCOMPARE(m_t1->balances(), m_t2->balances());
    QCOMPARE(serverBalances(m_server->database()), m_t1->balances());
}

// Finding 3: each refused with 403 naming the posting and recorded as a security exception; an
// unknown customer is refused too (422); the real thing is taken.
void tst_SyncTrust::postingsOutsideTheTerminalsAuthority_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("customer"); // "c1" or a literal id
    QTest::addColumn<QStringList>("accounts");
    QTest::addColumn<QList<qint64>>("amounts");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    using L = QStringList;
    using A = QList<qint64>;
    const QString missing = QStringLiteral("0192f3a0-0000-7000-8000-00000000dead");
    QTest::newRow("another till's cash moved to the bank")
        << int(Core::EntryKind::TopUp) << QString() << L{QStringLiteral("assets:bank"), QStringLiteral("assets:cash:S1:T1")}
        << A{50000, -50000} << 403 << QStringLiteral("postings[1] (assets:cash:S1:T1 -500.00 NOK)");
    QTest::newRow("a sale booked to another store's accounts")
        << int(Core::EntryKind::Sale) << QString() << L{QStringLiteral("assets:cash:S1:T9"), QStringLiteral("income:sales:S2")}
        << A{1000, -1000} << 403 << QStringLiteral("postings[1] (income:sales:S2 -10.00 NOK)");
    QTest::newRow("10,000.00 of store credit with no payment behind it")
        << int(Core::EntryKind::TopUp) << QStringLiteral("c1") << L{QStringLiteral("income:sales:S1"), QStringLiteral("wallet")}
        << A{1000000, -1000000} << 403 << QStringLiteral("postings[0] (income:sales:S1 10000.00 NOK)");
    QTest::newRow("store credit for a customer who does not exist")
        << int(Core::EntryKind::TopUp) << missing << L{QStringLiteral("assets:cash:S1:T9"), QStringLiteral("wallet")}
        << A{1000, -1000} << 422 << QString(QStringLiteral("customer ") + missing);
    QTest::newRow("a paid top-up at its own till is taken")
        << int(Core::EntryKind::TopUp) << QStringLiteral("c1") << L{QStringLiteral("assets:cash:S1:T9"), QStringLiteral("wallet")}
        << A{1000, -1000} << 200 << QString();
}

void tst_SyncTrust::postingsOutsideTheTerminalsAuthority()
{
    QFETCH(int, kind);
    QFETCH(QString, customer);
    QFETCH(QStringList, accounts);
    QFETCH(QList<qint64>, amounts);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    const QString customerId = customer == QLatin1String("c1") ? m_c1.id : customer;
    QList<Line> lines;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const QString account = accounts.at(i) == QLatin1String("wallet") ? Core::Accounts::storeCredit(customerId) : accounts.at(i);
        lines.append(Line{account, QStringLiteral("NOK"), amounts.at(i)});
    }
    const qint64 entriesBefore = serverEntries(m_server->url());
    const Core::JournalEntry entry = rogueEntry(Core::EntryKind(kind), customerId, lines);
    const HttpAnswer answer = pushRogue(entry);
    QVERIFY2(answer.status == status, qPrintable(QStringLiteral("HTTP %1: %2").arg(answer.status).arg(answer.message())));
    if (status == 200) {
        QCOMPARE(serverEntries(m_server->url()), entriesBefore + 1);
        return;
    }
    QVERIFY2(answer.message().contains(Core::uuidText(entry.id)), qPrintable(answer.message()));
    QVERIFY2(answer.message().contains(messagePart), qPrintable(answer.message()));
    QCOMPARE(serverEntries(m_server->url()), entriesBefore);
    QVERIFY(exceptionRecorded(status == 403 ? QStringLiteral("forbidden-posting") : QStringLiteral("refused-entry"), entry));
    if (status == 403)
        QVERIFY(m_server->log().contains("SECURITY: refused push by terminal T9"));
}

// Liveness: a server of an earlier version may hold an entry no till can store. A till puts it
// (and its terminal's later entries) aside, stores everything else, and does not ask for it again.
void tst_SyncTrust::aTillQuarantinesWhatItCannotStoreAndKeepsSyncing()
{
    const QString stranger = Core::uuidText(Core::newTimeOrderedUuid());
    const Core::JournalEntry usd = rogueEntry(Core::EntryKind::TopUp, stranger,
                                              {{QStringLiteral("assets:bank"), QStringLiteral("USD"), 700},
                                               {Core::Accounts::storeCredit(stranger), QStringLiteral("USD"), -700}});
    {
        // Stored as an earlier server did: through the journal, without today's check.
        auto database = Sync::ServerSchema::open(m_server->database(), Core::OpenMode::OpenExisting);
        QVERIFY2(database, qPrintable(database ? QString() : database.message()));
        Core::Journal journal(**database, Core::StoreIdentity{QString(), Core::Currency::none(), QString()});
        const Core::Result<Core::ForeignAppend> stored = journal.appendForeign(usd);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.message()));
    }
    m_t9Tip = Core::ChainTip{usd.sequence, usd.hash};
    QVERIFY(m_t1->store().credit().topUp(m_c1, m_t1->money(QStringLiteral("3")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")));
    QVERIFY(m_t1->sync(m_server->url()).ok());

    const Sync::RoundResult round = m_t2->sync(m_server->url());
    QVERIFY2(round.ok(), qPrintable(round.message));
    QCOMPARE(round.report.quarantined, qint64(1));
    // T1's top-up came through all the same, and T9's entry before the bad one.
    QCOMPARE(Core::ForeignEntries::chainTip(m_t2->database(), QStringLiteral("T1"))->sequence,
             Core::ForeignEntries::chainTip(m_t1->database(), QStringLiteral("T1"))->sequence);
    QCOMPARE(Core::ForeignEntries::chainTip(m_t2->database(), QStringLiteral("T9"))->sequence, usd.sequence - 1);
    const Core::Result<QList<Core::QuarantinedEntry>> kept = Core::Quarantine::list(m_t2->database());
    QVERIFY(kept && kept->size() == 1);
    QCOMPARE(kept->first().entryId, Core::uuidText(usd.id));
    QVERIFY2(kept->first().reason.contains(QStringLiteral("USD")), qPrintable(kept->first().reason));
    QVERIFY(m_t2->store().journal().verify().ok());
    // The next round neither fails nor fetches it again.
    const Sync::RoundResult again = m_t2->sync(m_server->url());
    QVERIFY2(again.ok(), qPrintable(again.message));
    QCOMPARE(again.report.quarantined, qint64(0));
    QCOMPARE(again.report.pulled, qint64(0));
}

QTEST_GUILESS_MAIN(tst_SyncTrust)
#include "tst_synctrust.moc"
