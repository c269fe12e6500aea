// A till stores other terminals' entries exactly as they were hashed, once, in chain order, with
// its balances moved in the same transaction; anything else is refused and changes nothing.

#include "ledger/foreignentries.h"
#include "ledger/quarantine.h"
#include "base/uuidv7.h"
#include "masterdata/masterdata.h"
#include "teststore.h"

using namespace Slate::Core;
using Slate::Test::TestStore;

class tst_ForeignEntries : public QObject {
    Q_OBJECT
private slots:
    void storesAnotherTerminalsChainOnce();
    void refusesWhatDoesNotFollowTheChain_data();
    void refusesWhatDoesNotFollowTheChain();
    void refusesWhatTheseBooksCannotTake_data();
    void refusesWhatTheseBooksCannotTake();
    void aBadEntryIsQuarantinedAndTheRestStored();
};

namespace {

// The customer reaches the till as master data, as sync brings it before the entries naming it.
void learnCustomer(TestStore &till, const Customer &customer)
{
    const MasterChange change{MasterKinds::kCustomer, customer.id, QDateTime::currentMSecsSinceEpoch() * 1024, QStringLiteral("T1"),
                              QJsonObject{{QStringLiteral("card"), customer.card},
                                          {QStringLiteral("name"), customer.name},
                                          {QStringLiteral("phone"), QString()},
                                          {QStringLiteral("email"), QString()}},
                              0};
    const Result<MasterApplyReport> applied = MasterData::apply(till->database(), {change}, 0);
    QVERIFY(applied && applied->applied == 1);
}

QList<JournalEntry> writeEntries(TestStore &store, int count, TestStore *learner = nullptr)
{
    auto customer = store->customers().add(NewCustomer{QStringLiteral("7001"), QStringLiteral("Kari"), {}, {}});
    if (learner)
        learnCustomer(*learner, *customer);
    QList<JournalEntry> entries;
    for (int i = 1; i <= count; ++i) {
        auto entry = store->credit().topUp(*customer, store.money(QString::number(i)), PaymentJournal::Cash, {}, QStringLiteral("ann"));
        if (entry)
            entries.append(*entry);
    }
    return entries;
}

QMap<QString, qint64> balanceMap(const QList<AccountBalance> &rows)
{
    QMap<QString, qint64> map;
    for (const AccountBalance &row : rows)
        map.insert(row.account, row.balance.minorUnits());
    return map;
}

} // namespace

void tst_ForeignEntries::storesAnotherTerminalsChainOnce()
{
    TestStore source(QStringLiteral("NOK"), QStringLiteral("T1"));
    TestStore till(QStringLiteral("NOK"), QStringLiteral("T2"));
    const QList<JournalEntry> entries = writeEntries(source, 5, &till);
    QCOMPARE(entries.size(), 5);
    auto read = ForeignEntries::entriesAfter(source->database(), QStringLiteral("T1"), 2, 10);
    QVERIFY(read.ok());
    QCOMPARE(read->size(), 3);
    QCOMPARE(read->first().hash, entries.at(2).hash);
    QCOMPARE(read->first().computeHash(), read->first().hash); // read back exactly as written
    for (const JournalEntry &entry : entries)
        QCOMPARE(*till->journal().appendForeign(entry), ForeignAppend::Stored);
    for (const JournalEntry &entry : entries)
        QCOMPARE(*till->journal().appendForeign(entry), ForeignAppend::AlreadyStored);
    QCOMPARE(*till->journal().entryCount(), qint64(5));
    QCOMPARE(balanceMap(*till->journal().balances()), balanceMap(*source->journal().balances()));
    auto verified = till->journal().verify();
    QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.message()));
    QCOMPARE(ForeignEntries::chainTips(till->database())->value(QStringLiteral("T1")).sequence, qint64(5));
    QCOMPARE(ForeignEntries::chainTip(till->database(), QStringLiteral("T9"))->sequence, qint64(0));
    // The till's own chain is separate: its first entry is its sequence 1.
    auto customer = till->customers().add(NewCustomer{QStringLiteral("7002"), QStringLiteral("Ola"), {}, {}});
    auto own = till->credit().topUp(*customer, till.money(QStringLiteral("1")), PaymentJournal::Cash, {}, QStringLiteral("ann"));
    QVERIFY(own.ok());
    QCOMPARE(own->sequence, qint64(1));
    QVERIFY(till->journal().verify().ok());
}

void tst_ForeignEntries::refusesWhatDoesNotFollowTheChain_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("code");
    QTest::newRow("an entry after a gap") << "gap" << int(ErrorCode::Integrity);
    QTest::newRow("an entry altered after hashing") << "altered" << int(ErrorCode::Integrity);
    QTest::newRow("an entry with another previous hash") << "chain" << int(ErrorCode::Integrity);
    QTest::newRow("an entry with a known id but other content") << "same-id" << int(ErrorCode::Integrity);
    QTest::newRow("an entry claiming to be this till's own") << "own" << int(ErrorCode::InvalidArgument);
    QTest::newRow("an unbalanced entry") << "unbalanced" << int(ErrorCode::Unbalanced);
}

void tst_ForeignEntries::refusesWhatDoesNotFollowTheChain()
{
    QFETCH(QString, how);
    QFETCH(int, code);
    TestStore source(QStringLiteral("NOK"), QStringLiteral("T1"));
    TestStore till(QStringLiteral("NOK"), how == QLatin1String("own") ? QStringLiteral("T1") : QStringLiteral("T2"));
    const QList<JournalEntry> entries = writeEntries(source, 3, &till);
    JournalEntry bad = entries.at(1);
    if (how == QLatin1String("own"))
        bad = entries.at(0);
    else
        QCOMPARE(*till->journal().appendForeign(entries.at(0)), ForeignAppend::Stored);
    if (how == QLatin1String("gap")) {
        bad = entries.at(2);
    } else if (how == QLatin1String("altered")) {
        bad.note = QStringLiteral("changed");
    } else if (how == QLatin1String("chain")) {
        bad.previousHash = QByteArray(kHashSize, '\x01');
        bad.hash = bad.computeHash();
    } else if (how == QLatin1String("same-id")) {
        bad = entries.at(0);
        bad.note = QStringLiteral("changed");
        bad.hash = bad.computeHash();
    } else if (how == QLatin1String("unbalanced")) {
        bad.postings[0].amount = till.money(QStringLiteral("999"));
        bad.hash = bad.computeHash();
    }
    const auto balances = *till->journal().balances();
    auto refused = till->journal().appendForeign(bad);
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.code()), code);
    QCOMPARE(*till->journal().entryCount(), qint64(how == QLatin1String("own") ? 0 : 1));
    QCOMPARE(balanceMap(*till->journal().balances()), balanceMap(balances));
}

// What the server would have refused, the till refuses too (core/ledger/foreigncheck.h), naming
// the entry and the posting, and stores nothing of the page.
void tst_ForeignEntries::refusesWhatTheseBooksCannotTake_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("a posting in another currency to an account new here")
        << "new-account" << QStringLiteral("postings[0] (assets:card:S1 10.00 USD): these books are kept in NOK");
    QTest::newRow("a posting in another currency to an account kept here in NOK")
        << "kept-account" << QStringLiteral("postings[0] (assets:cash:S1:T1 10.00 USD): the account is kept in NOK here");
}

void tst_ForeignEntries::refusesWhatTheseBooksCannotTake()
{
    QFETCH(QString, how);
    QFETCH(QString, messagePart);
    TestStore source(QStringLiteral("NOK"), QStringLiteral("T1"));
    TestStore till(QStringLiteral("NOK"), QStringLiteral("T2"));
    const QList<JournalEntry> entries = writeEntries(source, 1, &till);
    QCOMPARE(entries.size(), 1);
    JournalEntry bad = entries.first();
    {
        QCOMPARE(*till->journal().appendForeign(entries.first()), ForeignAppend::Stored);
        bad.id = newTimeOrderedUuid();
        bad.sequence = 2;
        bad.previousHash = entries.first().hash;
        const Currency usd = *Currency::fromCode(u"USD");
        for (Posting &posting : bad.postings)
            posting.amount = Money(posting.amount.minorUnits() > 0 ? 1000 : -1000, usd);
        if (how == QLatin1String("new-account"))
            bad.postings[0].account = QStringLiteral("assets:card:S1");
        bad.hash = bad.computeHash();
    }
    const qint64 entriesBefore = *till->journal().entryCount();
    const auto balances = *till->journal().balances();
    auto refused = till->journal().appendForeign(bad);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::InvalidArgument);
    QVERIFY2(refused.message().contains(uuidText(bad.id)), qPrintable(refused.message()));
    QVERIFY2(refused.message().contains(messagePart), qPrintable(refused.message()));
    QCOMPARE(*till->journal().entryCount(), entriesBefore);
    QCOMPARE(balanceMap(*till->journal().balances()), balanceMap(balances));
}

// Liveness: one entry a till cannot store (here: in USD on NOK books) does not stop the page.
// It and the later entries of its terminal are quarantined with why; the other terminal's
// entries, and the bad one's predecessors, are stored; a second try changes nothing.
void tst_ForeignEntries::aBadEntryIsQuarantinedAndTheRestStored()
{
    TestStore t1(QStringLiteral("NOK"), QStringLiteral("T1"));
    TestStore t3(QStringLiteral("NOK"), QStringLiteral("T3"));
    TestStore till(QStringLiteral("NOK"), QStringLiteral("T2"));
    QList<JournalEntry> first = writeEntries(t1, 3);
    const QList<JournalEntry> other = writeEntries(t3, 2);
    QCOMPARE(first.size(), 3);
    QCOMPARE(other.size(), 2);
    JournalEntry &bad = first[1];
    for (Posting &posting : bad.postings)
        posting.amount = Money(posting.amount.minorUnits(), *Currency::fromCode(u"USD"));
    bad.hash = bad.computeHash();
    first[2].previousHash = bad.hash;
    first[2].hash = first[2].computeHash();
    const QList<JournalEntry> page = first + other;

    const Result<PageOutcome> outcome = Quarantine::storePage(till->journal(), till->database(), page);
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.message()));
    QCOMPARE(outcome->stored, qsizetype(3));
    QCOMPARE(outcome->quarantined, qsizetype(2));
    QCOMPARE(ForeignEntries::chainTip(till->database(), QStringLiteral("T1"))->sequence, qint64(1));
    QCOMPARE(ForeignEntries::chainTip(till->database(), QStringLiteral("T3"))->sequence, qint64(2));
    QCOMPARE(Quarantine::highestSequences(till->database())->value(QStringLiteral("T1")), qint64(3));
    const Result<QList<QuarantinedEntry>> kept = Quarantine::list(till->database());
    QVERIFY(kept && kept->size() == 2);
    QCOMPARE(kept->at(0).entryId, uuidText(bad.id));
    QVERIFY2(kept->at(0).reason.contains(QStringLiteral("a posting in USD")), qPrintable(kept->at(0).reason));
    QCOMPARE(kept->at(1).sequence, qint64(3));
    QVERIFY2(kept->at(1).reason.contains(QStringLiteral("follows terminal T1's quarantined entry")), qPrintable(kept->at(1).reason));
    QVERIFY(till->journal().verify().ok());

    const Result<PageOutcome> again = Quarantine::storePage(till->journal(), till->database(), page);
    QVERIFY(again);
    QCOMPARE(again->stored, qsizetype(0));
    QCOMPARE(again->quarantined, qsizetype(0));
    QCOMPARE(*till->journal().entryCount(), qint64(3));
}

QTEST_GUILESS_MAIN(tst_ForeignEntries)
#include "tst_foreignentries.moc"
