// The journal: balanced entries chain by hash with gap-free sequences, refused drafts write
// nothing, balances move with the entries, the tables are append-only, and verify() finds
// every kind of tampering done behind the store's back.

#include "ledger/accounts.h"
#include "teststore.h"
#include "base/uuidv7.h"

#include <QTest>

#include <limits>

using namespace Slate::Core;
using Slate::Test::TestStore;

namespace {

const QString kCash = QStringLiteral("assets:cash:S1:T1");
const QString kSales = QStringLiteral("income:sales:S1");
const QString kTax = QStringLiteral("liabilities:tax:vat25");

EntryDraft saleDraft(TestStore &store, const QString &amount, const QString &note = QString())
{
    EntryDraft draft;
    draft.kind = EntryKind::Sale;
    draft.userName = QStringLiteral("kari");
    draft.note = note;
    const Money value = store.money(amount);
    draft.postings = {{kCash, value}, {kSales, Money(-value.minorUnits(), value.currency())}};
    return draft;
}

// Runs raw SQL against the store's connection, as a tamperer with the file would.
Result<Query> raw(TestStore &store, const QString &sql, const QVariantList &values = {})
{
    return store->database().run(sql, values, QStringLiteral("tamper in a test"));
}

qint64 count(TestStore &store, const QString &table)
{
    Result<Query> query = raw(store, QStringLiteral("SELECT count(*) FROM ") + table);
    if (!query || !query->next())
        qFatal("cannot count %s", qPrintable(table));
    return query->value(0).toLongLong();
}

QList<JournalEntry> allEntries(TestStore &store)
{
    QList<JournalEntry> entries;
    const Result<void> read = store->journal().forEachEntry(EntryOrder::ByTerminalChain, [&](const JournalEntry &entry) {
        entries.append(entry);
        return true;
    });
    if (!read)
        qFatal("cannot read the journal: %s", qPrintable(read.message()));
    return entries;
}

// Everything the journal holds, to prove that a refused or failed operation changed nothing.
struct Snapshot {
    qint64 entries = 0;
    qint64 postings = 0;
    QList<std::pair<QString, qint64>> balances;

    friend bool operator==(const Snapshot &a, const Snapshot &b)
    {
        return a.entries == b.entries && a.postings == b.postings && a.balances == b.balances;
    }
};

char *toString(const Snapshot &s)
{
    QStringList parts{QStringLiteral("entries=%1 postings=%2").arg(s.entries).arg(s.postings)};
    for (const auto &[account, minor] : s.balances)
        parts.append(account + QLatin1Char('=') + QString::number(minor));
    return QTest::toString(parts.join(QStringLiteral(", ")));
}

Snapshot snapshot(TestStore &store)
{
    Snapshot result;
    result.entries = *store->journal().entryCount();
    result.postings = count(store, QStringLiteral("postings"));
    const Result<QList<AccountBalance>> balances = store->journal().balances();
    if (!balances)
        qFatal("cannot read balances: %s", qPrintable(balances.message()));
    for (const AccountBalance &row : *balances)
        result.balances.append({row.account + QLatin1Char('/') + row.balance.currency().code(), row.balance.minorUnits()});
    return result;
}

} // namespace

Q_DECLARE_METATYPE(Slate::Core::ErrorCode)

class tst_Journal : public QObject {
    Q_OBJECT
private slots:
    void appendChainsEntries();
    void appendedEntryReadsBack();
    void refusedDraftWritesNothing_data();
    void refusedDraftWritesNothing();
    void unbalancedDraftNamesRemainder();
    void multiCurrencyBalancesPerCurrency();
    void balancesAreMaintained();
    void balanceOverflowWritesNothing();
    void accountKeepsOneCurrency();
    void updateAndDeleteAreRefused_data();
    void updateAndDeleteAreRefused();
    void verifyPassesOnGoodJournal();
    void verifyDetectsTampering_data();
    void verifyDetectsTampering();
    void uncommittedOuterTransactionRollsBackAppend();
    void failedAppendInsideOuterTransactionKeepsOthers();
    void sequencesContinueAfterReopen();
    void canonicalEncodingIsFixed_data();
    void canonicalEncodingIsFixed();
};

void tst_Journal::appendChainsEntries()
{
    TestStore store;
    QVERIFY(store.ok());
    QList<JournalEntry> appended;
    for (const char *amount : {"10.00", "20.50", "0.01"}) {
        Result<JournalEntry> entry = store->journal().append(saleDraft(store, QString::fromLatin1(amount)));
        QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.message()));
        appended.append(*entry);
    }
    QCOMPARE(*store->journal().entryCount(), qint64(3));
    for (qsizetype i = 0; i < appended.size(); ++i) {
        const JournalEntry &entry = appended.at(i);
        QCOMPARE(entry.sequence, qint64(i + 1));
        QCOMPARE(entry.terminalId, QStringLiteral("T1"));
        QCOMPARE(entry.previousHash, i == 0 ? genesisHash() : appended.at(i - 1).hash);
        QCOMPARE(entry.hash.size(), kHashSize);
        QCOMPARE(entry.hash, entry.computeHash());
        QVERIFY(!entry.id.isNull());
        QCOMPARE(quint8(entry.id.toRfc4122().at(6)) >> 4, 7); // RFC 9562 version 7: time-ordered
        QVERIFY(entry.createdUtc.isValid());
        QCOMPARE(entry.createdUtc.timeSpec(), Qt::UTC);
        if (i > 0) {
            // Time-ordered ids: the text form sorts in the order the entries were made.
            QVERIFY2(uuidText(appended.at(i - 1).id) < uuidText(entry.id),
                     qPrintable(uuidText(appended.at(i - 1).id) + QStringLiteral(" !< ") + uuidText(entry.id)));
            QVERIFY(appended.at(i - 1).createdUtc <= entry.createdUtc);
        }
    }
    QCOMPARE(genesisHash(), QByteArray(kHashSize, '\0'));
    // Changing any hashed field changes the hash.
    JournalEntry altered = appended.at(1);
    altered.note = QStringLiteral("changed");
    QVERIFY(altered.computeHash() != appended.at(1).hash);
}

void tst_Journal::appendedEntryReadsBack()
{
    TestStore store;
    QVERIFY(store.ok());
    EntryDraft draft = saleDraft(store, QStringLiteral("125.00"), QStringLiteral("two mugs\nand a teapot"));
    draft.postings = {{kCash, store.money(QStringLiteral("125.00"))},
                      {kSales, store.money(QStringLiteral("-100.00"))},
                      {kTax, store.money(QStringLiteral("-25.00"))}};
    draft.references = {QStringLiteral("cust-1"), QStringLiteral("order-7"), QStringLiteral("ovr-3"), QString()};
    Result<JournalEntry> entry = store->journal().append(draft);
    QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.message()));

    const QList<JournalEntry> stored = allEntries(store);
    QCOMPARE(stored.size(), 1);
    const JournalEntry &back = stored.first();
    QCOMPARE(back.id, entry->id);
    QCOMPARE(back.sequence, qint64(1));
    QCOMPARE(back.createdUtc, entry->createdUtc);
    QCOMPARE(back.kind, EntryKind::Sale);
    QCOMPARE(back.userName, QStringLiteral("kari"));
    QCOMPARE(back.note, QStringLiteral("two mugs\nand a teapot"));
    QCOMPARE(back.references.customerId, QStringLiteral("cust-1"));
    QCOMPARE(back.references.orderId, QStringLiteral("order-7"));
    QCOMPARE(back.references.overrideId, QStringLiteral("ovr-3"));
    QCOMPARE(back.postings.size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(back.postings.at(i).account, draft.postings.at(i).account);
        QCOMPARE(back.postings.at(i).amount, draft.postings.at(i).amount);
    }
    QCOMPARE(back.hash, entry->hash);
    QCOMPARE(back.computeHash(), back.hash);
}

void tst_Journal::refusedDraftWritesNothing_data()
{
    QTest::addColumn<QString>("problem");

    QTest::newRow("one posting is refused") << QStringLiteral("one posting");
    QTest::newRow("no postings are refused") << QStringLiteral("no postings");
    QTest::newRow("a zero amount is refused") << QStringLiteral("zero amount");
    QTest::newRow("an account with one segment is refused") << QStringLiteral("account assets");
    QTest::newRow("an account with an empty segment is refused") << QStringLiteral("account a::b");
    QTest::newRow("an account with a space is refused") << QStringLiteral("account a:b c");
    QTest::newRow("an account ending in a colon is refused") << QStringLiteral("account assets:");
    QTest::newRow("an account with non-ASCII letters is refused") << QStringLiteral("account assets:kasse:\u00f8");
    QTest::newRow("an empty user name is refused") << QStringLiteral("empty user");
    QTest::newRow("a blank user name is refused") << QStringLiteral("blank user");
    QTest::newRow("a user name with a control character is refused") << QStringLiteral("control user");
    QTest::newRow("a note that is too long is refused") << QStringLiteral("long note");
    QTest::newRow("too many postings are refused") << QStringLiteral("many postings");
}

void tst_Journal::refusedDraftWritesNothing()
{
    QFETCH(QString, problem);
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->journal().append(saleDraft(store, QStringLiteral("5.00"))).ok());
    const Snapshot before = snapshot(store);

    EntryDraft draft = saleDraft(store, QStringLiteral("10.00"));
    if (problem == u"one posting") {
        draft.postings.removeLast();
    } else if (problem == u"no postings") {
        draft.postings.clear();
    } else if (problem == u"zero amount") {
        draft.postings.append({kTax, Money::zero(store->identity().currency)});
    } else if (problem.startsWith(u"account ")) {
        draft.postings[1].account = problem.sliced(8);
    } else if (problem == u"empty user") {
        draft.userName.clear();
    } else if (problem == u"blank user") {
        draft.userName = QStringLiteral("   ");
    } else if (problem == u"control user") {
        draft.userName = QStringLiteral("kari\tnordmann");
    } else if (problem == u"long note") {
        draft.note = QString(kNoteLengthMax + 1, QLatin1Char('x'));
    } else if (problem == u"many postings") {
        draft.postings.clear();
        for (qsizetype i = 0; i < kPostingsMax / 2 + 1; ++i) {
            draft.postings.append({kCash, store.money(QStringLiteral("1.00"))});
            draft.postings.append({kSales, store.money(QStringLiteral("-1.00"))});
        }
    } else {
        QFAIL("unknown problem");
    }

    const Result<JournalEntry> entry = store->journal().append(draft);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.code(), ErrorCode::InvalidArgument);
    QVERIFY(!entry.message().isEmpty());
    if (problem.startsWith(u"account "))
        QVERIFY2(entry.message().contains(problem.sliced(8)), qPrintable(entry.message()));
    QCOMPARE(snapshot(store), before);

    // The refusal did not disturb the chain: the next good entry is sequence 2.
    const Result<JournalEntry> next = store->journal().append(saleDraft(store, QStringLiteral("1.00")));
    QVERIFY(next.ok());
    QCOMPARE(next->sequence, qint64(2));
    QVERIFY(store->journal().verify().ok());
}

void tst_Journal::unbalancedDraftNamesRemainder()
{
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->journal().append(saleDraft(store, QStringLiteral("5.00"))).ok());
    const Snapshot before = snapshot(store);

    EntryDraft draft = saleDraft(store, QStringLiteral("10.00"));
    draft.postings.append({kTax, store.money(QStringLiteral("-0.37"))});
    const Result<JournalEntry> entry = store->journal().append(draft);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.code(), ErrorCode::Unbalanced);
    QVERIFY2(entry.message().contains(QStringLiteral("-0.37")), qPrintable(entry.message()));
    QVERIFY2(entry.message().contains(QStringLiteral("NOK")), qPrintable(entry.message()));
    QCOMPARE(*store->journal().entryCount(), qint64(1));
    QCOMPARE(snapshot(store), before);
    QCOMPARE(*store->journal().balance(kTax), Money::zero(store->identity().currency));
    QCOMPARE(*store->journal().balance(kCash), store.money(QStringLiteral("5.00")));
}

void tst_Journal::multiCurrencyBalancesPerCurrency()
{
    TestStore store;
    QVERIFY(store.ok());
    const Currency eur = *Currency::fromCode(u"EUR");
    const Currency nok = store->identity().currency;
    const QString cashEur = QStringLiteral("assets:cash:S1:eur");
    const QString exchange = QStringLiteral("equity:exchange");
    const QString exchangeEur = QStringLiteral("equity:exchange:eur");

    // 10 EUR bought for 115 NOK: each currency sums to zero on its own.
    EntryDraft draft;
    draft.kind = EntryKind::Payment;
    draft.userName = QStringLiteral("kari");
    draft.postings = {{cashEur, Money(1000, eur)}, {exchangeEur, Money(-1000, eur)},
                      {exchange, Money(11500, nok)}, {kCash, Money(-11500, nok)}};
    const Result<JournalEntry> balanced = store->journal().append(draft);
    QVERIFY2(balanced.ok(), qPrintable(balanced.ok() ? QString() : balanced.message()));
    QCOMPARE(*store->journal().balance(cashEur), Money(1000, eur));
    QCOMPARE(*store->journal().balance(kCash), Money(-11500, nok));

    // Summing to zero across currencies is not balance: 10 EUR against 10 NOK is refused.
    const Snapshot before = snapshot(store);
    EntryDraft mixed;
    mixed.kind = EntryKind::Payment;
    mixed.userName = QStringLiteral("kari");
    mixed.postings = {{cashEur, Money(1000, eur)}, {kCash, Money(-1000, nok)}};
    const Result<JournalEntry> refused = store->journal().append(mixed);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::Unbalanced);
    QVERIFY2(refused.message().contains(QStringLiteral("EUR")) || refused.message().contains(QStringLiteral("NOK")),
             qPrintable(refused.message()));
    QCOMPARE(snapshot(store), before);

    // One currency balanced, the other not: still refused, naming the one that is off.
    EntryDraft halfway = draft;
    halfway.postings[1].amount = Money(-999, eur);
    const Result<JournalEntry> alsoRefused = store->journal().append(halfway);
    QVERIFY(!alsoRefused.ok());
    QCOMPARE(alsoRefused.code(), ErrorCode::Unbalanced);
    QVERIFY2(alsoRefused.message().contains(QStringLiteral("0.01 EUR")), qPrintable(alsoRefused.message()));
    QCOMPARE(snapshot(store), before);
    QVERIFY(store->journal().verify().ok());
}

void tst_Journal::balancesAreMaintained()
{
    TestStore store;
    QVERIFY(store.ok());
    Journal &journal = store->journal();
    QCOMPARE(*journal.balance(kCash), Money::zero(store->identity().currency));
    QVERIFY(journal.balances()->isEmpty());

    QVERIFY(journal.append(saleDraft(store, QStringLiteral("100.00"))).ok());
    QVERIFY(journal.append(saleDraft(store, QStringLiteral("0.50"))).ok());
    EntryDraft refund = saleDraft(store, QStringLiteral("-20.25"));
    refund.kind = EntryKind::Refund;
    QVERIFY(journal.append(refund).ok());
    EntryDraft twice; // two postings to the same account in one entry
    twice.kind = EntryKind::Sale;
    twice.userName = QStringLiteral("ola");
    twice.postings = {{kCash, store.money(QStringLiteral("3.00"))},
                      {kCash, store.money(QStringLiteral("4.00"))},
                      {kTax, store.money(QStringLiteral("-7.00"))}};
    QVERIFY(journal.append(twice).ok());

    QCOMPARE(*journal.balance(kCash), store.money(QStringLiteral("87.25")));
    QCOMPARE(*journal.balance(kSales), store.money(QStringLiteral("-80.25")));
    QCOMPARE(*journal.balance(kTax), store.money(QStringLiteral("-7.00")));
    QCOMPARE(*journal.balance(QStringLiteral("assets:bank")), Money::zero(store->identity().currency));

    const QList<AccountBalance> all = *journal.balances();
    QCOMPARE(all.size(), 3);
    // Ordered by name.
    QCOMPARE(all.at(0).account, kCash);
    QCOMPARE(all.at(0).balance, store.money(QStringLiteral("87.25")));
    QCOMPARE(all.at(1).account, kSales);
    QCOMPARE(all.at(1).balance, store.money(QStringLiteral("-80.25")));
    QCOMPARE(all.at(2).account, kTax);
    QCOMPARE(all.at(2).balance, store.money(QStringLiteral("-7.00")));

    const Result<VerifyReport> report = journal.verify();
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.message()));
    QCOMPARE(report->entries, qint64(4));
    QCOMPARE(report->postings, qint64(9));
    QCOMPARE(report->terminals, qint64(1));
    QCOMPARE(report->accounts, qint64(3));

    // Balances survive closing and reopening the file.
    QVERIFY(store.reopen());
    QCOMPARE(*store->journal().balance(kCash), store.money(QStringLiteral("87.25")));
}

void tst_Journal::balanceOverflowWritesNothing()
{
    TestStore store(QStringLiteral("JPY"));
    QVERIFY(store.ok());
    const Currency jpy = store->identity().currency;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    const QString vault = QStringLiteral("assets:vault");
    const QString other = QStringLiteral("equity:opening");

    EntryDraft full;
    full.kind = EntryKind::Adjustment;
    full.userName = QStringLiteral("admin");
    full.postings = {{vault, Money(kMax, jpy)}, {other, Money(-kMax, jpy)}};
    QVERIFY(store->journal().append(full).ok());
    const Snapshot before = snapshot(store);

    // The first posting moves a balance that is fine; the second would overflow the vault.
    // The entry as a whole must leave no trace, including the first balance update.
    EntryDraft more;
    more.kind = EntryKind::Sale;
    more.userName = QStringLiteral("kari");
    more.postings = {{kSales, Money(-1, jpy)}, {vault, Money(1, jpy)}};
    const Result<JournalEntry> refused = store->journal().append(more);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::Overflow);
    QVERIFY2(refused.message().contains(vault), qPrintable(refused.message()));
    QCOMPARE(snapshot(store), before);
    QCOMPARE(*store->journal().balance(kSales), Money::zero(jpy));
    QCOMPARE(*store->journal().balance(vault), Money(kMax, jpy));

    // A draft whose own postings overflow when summed is refused before anything is written.
    EntryDraft huge;
    huge.kind = EntryKind::Sale;
    huge.userName = QStringLiteral("kari");
    huge.postings = {{kCash, Money(kMax, jpy)}, {kTax, Money(kMax, jpy)}, {kSales, Money(-2, jpy)}};
    const Result<JournalEntry> hugeRefused = store->journal().append(huge);
    QVERIFY(!hugeRefused.ok());
    QCOMPARE(hugeRefused.code(), ErrorCode::Overflow);
    QCOMPARE(snapshot(store), before);

    // The chain is intact and continues at sequence 2.
    QVERIFY(store->journal().verify().ok());
    const Result<JournalEntry> next = store->journal().append(saleDraft(store, QStringLiteral("5")));
    QVERIFY(next.ok());
    QCOMPARE(next->sequence, qint64(2));
}

void tst_Journal::accountKeepsOneCurrency()
{
    TestStore store;
    QVERIFY(store.ok());
    const Currency eur = *Currency::fromCode(u"EUR");
    const QString account = QStringLiteral("assets:cash:S1:foreign");
    EntryDraft inEuro;
    inEuro.kind = EntryKind::Payment;
    inEuro.userName = QStringLiteral("kari");
    inEuro.postings = {{account, Money(1000, eur)}, {QStringLiteral("equity:exchange:eur"), Money(-1000, eur)}};
    QVERIFY(store->journal().append(inEuro).ok());

    EntryDraft inKroner = saleDraft(store, QStringLiteral("10.00"));
    inKroner.postings[0].account = account;
    Snapshot before = snapshot(store);
    const Result<JournalEntry> refused = store->journal().append(inKroner);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::InvalidArgument);
    QVERIFY2(refused.message().contains(account), qPrintable(refused.message()));
    QCOMPARE(snapshot(store), before);

    // Back to zero in euro, the account is still a euro account: a krone posting must not
    // leave it with two balances (balance() could then report the wrong one).
    EntryDraft back = inEuro;
    back.postings = {{account, Money(-1000, eur)}, {QStringLiteral("equity:exchange:eur"), Money(1000, eur)}};
    QVERIFY(store->journal().append(back).ok());
    before = snapshot(store);
    const Result<JournalEntry> stillRefused = store->journal().append(inKroner);
    QVERIFY(!stillRefused.ok());
    QCOMPARE(stillRefused.code(), ErrorCode::InvalidArgument);
    QVERIFY2(stillRefused.message().contains(QStringLiteral("EUR")), qPrintable(stillRefused.message()));
    QCOMPARE(snapshot(store), before);
    QCOMPARE(*store->journal().balance(account), Money::zero(eur));
    QVERIFY(store->journal().verify().ok());
}

void tst_Journal::updateAndDeleteAreRefused_data()
{
    QTest::addColumn<QString>("sql");

    QTest::newRow("changing an entry's note is refused") << QStringLiteral("UPDATE journal_entries SET note = 'edited'");
    QTest::newRow("changing an entry's user is refused") << QStringLiteral("UPDATE journal_entries SET user_name = 'mallory' WHERE sequence = 1");
    QTest::newRow("deleting an entry is refused") << QStringLiteral("DELETE FROM journal_entries WHERE sequence = 2");
    QTest::newRow("changing a posting's amount is refused") << QStringLiteral("UPDATE postings SET amount = amount * 2");
    QTest::newRow("changing a posting's account is refused") << QStringLiteral("UPDATE postings SET account = 'assets:bank' WHERE line = 1");
    QTest::newRow("deleting postings is refused") << QStringLiteral("DELETE FROM postings");
    QTest::newRow("deleting one posting is refused") << QStringLiteral("DELETE FROM postings WHERE line = 2");
    QTest::newRow("replacing an entry with INSERT OR REPLACE is refused")
        << QStringLiteral("INSERT OR REPLACE INTO journal_entries (position, id, terminal_id, sequence, created_utc, kind, user_name, "
                          "note, previous_hash, hash) SELECT position, id, terminal_id, sequence, created_utc, kind, user_name, "
                          "'edited', previous_hash, hash FROM journal_entries WHERE sequence = 1");
    QTest::newRow("replacing a posting with INSERT OR REPLACE is refused")
        << QStringLiteral("INSERT OR REPLACE INTO postings (entry_position, line, account, currency, amount) "
                          "SELECT entry_position, line, 'assets:bank', currency, amount FROM postings WHERE line = 1");
    QTest::newRow("changing a note with an upsert is refused")
        << QStringLiteral("INSERT INTO journal_entries (position, id, terminal_id, sequence, created_utc, kind, user_name, "
                          "previous_hash, hash) SELECT position, id, terminal_id, sequence, created_utc, kind, user_name, "
                          "previous_hash, hash FROM journal_entries WHERE sequence = 1 ON CONFLICT DO UPDATE SET note = 'edited'");
}

void tst_Journal::updateAndDeleteAreRefused()
{
    QFETCH(QString, sql);
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->journal().append(saleDraft(store, QStringLiteral("10.00"))).ok());
    QVERIFY(store->journal().append(saleDraft(store, QStringLiteral("20.00"))).ok());
    const QList<JournalEntry> entriesBefore = allEntries(store);
    const Snapshot before = snapshot(store);

    const Result<Query> done = raw(store, sql);
    QVERIFY2(!done.ok(), "the append-only journal accepted a change");
    QVERIFY2(done.message().contains(QStringLiteral("append-only")), qPrintable(done.message()));

    QCOMPARE(snapshot(store), before);
    const QList<JournalEntry> entriesAfter = allEntries(store);
    QCOMPARE(entriesAfter.size(), entriesBefore.size());
    for (qsizetype i = 0; i < entriesAfter.size(); ++i) {
        QCOMPARE(entriesAfter.at(i).id, entriesBefore.at(i).id);
        QCOMPARE(entriesAfter.at(i).note, entriesBefore.at(i).note);
        QCOMPARE(entriesAfter.at(i).userName, entriesBefore.at(i).userName);
        QCOMPARE(entriesAfter.at(i).postings.size(), entriesBefore.at(i).postings.size());
        for (qsizetype p = 0; p < entriesAfter.at(i).postings.size(); ++p) {
            QCOMPARE(entriesAfter.at(i).postings.at(p).account, entriesBefore.at(i).postings.at(p).account);
            QCOMPARE(entriesAfter.at(i).postings.at(p).amount, entriesBefore.at(i).postings.at(p).amount);
        }
    }
    QVERIFY(store->journal().verify().ok());
}

void tst_Journal::verifyPassesOnGoodJournal()
{
    TestStore store;
    QVERIFY(store.ok());
    const Result<VerifyReport> empty = store->journal().verify();
    QVERIFY2(empty.ok(), qPrintable(empty.ok() ? QString() : empty.message()));
    QCOMPARE(empty->entries, qint64(0));

    for (int i = 1; i <= 25; ++i)
        QVERIFY(store->journal().append(saleDraft(store, QString::number(i) + QStringLiteral(".99"))).ok());
    const Result<VerifyReport> report = store->journal().verify();
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.message()));
    QCOMPARE(report->entries, qint64(25));
    QCOMPARE(report->postings, qint64(50));
    QCOMPARE(report->terminals, qint64(1));
    QCOMPARE(report->accounts, qint64(2));
}

void tst_Journal::verifyDetectsTampering_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("expected"); // a phrase the message must contain

    const QString dropEntryUpdate = QStringLiteral("DROP TRIGGER journal_entries_no_update");
    const QString dropEntryDelete = QStringLiteral("DROP TRIGGER journal_entries_no_delete");
    const QString dropPostingUpdate = QStringLiteral("DROP TRIGGER postings_no_update");
    const QString dropPostingDelete = QStringLiteral("DROP TRIGGER postings_no_delete");
    const QString second = QStringLiteral("(SELECT position FROM journal_entries WHERE sequence = 2)");

    QTest::newRow("an edited note is reported as altered")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET note = 'nothing to see' WHERE sequence = 2")}
        << QStringLiteral("altered");
    QTest::newRow("an edited user name is reported as altered")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET user_name = 'mallory' WHERE sequence = 1")}
        << QStringLiteral("altered");
    QTest::newRow("a changed kind is reported as altered")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET kind = 'refund' WHERE sequence = 3")}
        << QStringLiteral("altered");
    QTest::newRow("a changed posting amount, balances moved to match, is reported as altered")
        << QStringList{dropPostingUpdate,
                       QStringLiteral("UPDATE postings SET amount = amount + 100 WHERE line = 1 AND entry_position = ") + second,
                       QStringLiteral("UPDATE postings SET amount = amount - 100 WHERE line = 2 AND entry_position = ") + second,
                       QStringLiteral("UPDATE account_balances SET balance = balance + 100 WHERE account = 'assets:cash:S1:T1'"),
                       QStringLiteral("UPDATE account_balances SET balance = balance - 100 WHERE account = 'income:sales:S1'")}
        << QStringLiteral("altered");
    QTest::newRow("a posting moved to another account is reported as altered")
        << QStringList{dropPostingUpdate,
                       QStringLiteral("UPDATE postings SET account = 'assets:bank' WHERE line = 1 AND entry_position = ") + second}
        << QStringLiteral("altered");
    QTest::newRow("a changed balance row is reported with its account")
        << QStringList{QStringLiteral("UPDATE account_balances SET balance = balance + 1 WHERE account = 'income:sales:S1'")}
        << QStringLiteral("income:sales:S1");
    QTest::newRow("a deleted balance row is reported with its account")
        << QStringList{QStringLiteral("DELETE FROM account_balances WHERE account = 'assets:cash:S1:T1'")}
        << QStringLiteral("assets:cash:S1:T1");
    QTest::newRow("an invented balance row is reported with its account")
        << QStringList{QStringLiteral("INSERT INTO account_balances VALUES ('assets:bank', 'NOK', 500)")}
        << QStringLiteral("assets:bank");
    QTest::newRow("a renumbered last entry is reported as a gap")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET sequence = 5 WHERE sequence = 3")}
        << QStringLiteral("gap");
    QTest::newRow("a deleted middle entry is reported as a gap")
        << QStringList{dropEntryDelete, dropPostingDelete,
                       QStringLiteral("DELETE FROM postings WHERE entry_position = ") + second,
                       QStringLiteral("DELETE FROM journal_entries WHERE sequence = 2")}
        << QStringLiteral("gap");
    QTest::newRow("a deleted last entry leaves balances that do not match, and verify says where the chain ends")
        << QStringList{dropEntryDelete, dropPostingDelete,
                       QStringLiteral("DELETE FROM postings WHERE entry_position = (SELECT position FROM journal_entries WHERE sequence = 3)"),
                       QStringLiteral("DELETE FROM journal_entries WHERE sequence = 3")}
        << QStringLiteral("T1 at sequence 2");
    QTest::newRow("a replaced previous hash is reported as a broken chain")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET previous_hash = randomblob(32) WHERE sequence = 2")}
        << QStringLiteral("chain is broken");
    QTest::newRow("a replaced hash in the middle is reported as altered")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET hash = randomblob(32) WHERE sequence = 2")}
        << QStringLiteral("altered");
    QTest::newRow("a replaced hash on the last entry is reported as altered")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET hash = randomblob(32) WHERE sequence = 3")}
        << QStringLiteral("altered");
    QTest::newRow("swapped sequences are reported")
        << QStringList{dropEntryUpdate, QStringLiteral("UPDATE journal_entries SET sequence = 99 WHERE sequence = 1"),
                       QStringLiteral("UPDATE journal_entries SET sequence = 1 WHERE sequence = 2"),
                       QStringLiteral("UPDATE journal_entries SET sequence = 2 WHERE sequence = 99")}
        << QStringLiteral("chain is broken");
}

void tst_Journal::verifyDetectsTampering()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, expected);

    TestStore store;
    QVERIFY(store.ok());
    for (const char *amount : {"10.00", "20.00", "30.00"})
        QVERIFY(store->journal().append(saleDraft(store, QString::fromLatin1(amount))).ok());
    QVERIFY(store->journal().verify().ok());

    for (const QString &sql : statements) {
        const Result<Query> done = raw(store, sql);
        QVERIFY2(done.ok(), qPrintable(sql + QStringLiteral(": ") + (done.ok() ? QString() : done.message())));
    }
    const Result<VerifyReport> report = store->journal().verify();
    QVERIFY2(!report.ok(), "verify did not notice the tampering");
    QCOMPARE(report.code(), ErrorCode::Integrity);
    QVERIFY2(report.message().contains(expected), qPrintable(report.message()));
}

void tst_Journal::uncommittedOuterTransactionRollsBackAppend()
{
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->journal().append(saleDraft(store, QStringLiteral("1.00"))).ok());
    const Snapshot before = snapshot(store);
    {
        Transaction outer(store->database());
        QVERIFY(outer.begin().ok());
        QCOMPARE(store->database().transactionDepth(), 1);
        const Result<JournalEntry> inside = store->journal().append(saleDraft(store, QStringLiteral("50.00")));
        QVERIFY(inside.ok());
        QCOMPARE(inside->sequence, qint64(2));
        // Inside the transaction the entry is visible...
        QCOMPARE(*store->journal().entryCount(), qint64(2));
        QCOMPARE(store->database().transactionDepth(), 1);
        // ...and the outer transaction goes out of scope without commit().
    }
    QCOMPARE(store->database().transactionDepth(), 0);
    QCOMPARE(snapshot(store), before);
    QVERIFY(store->journal().verify().ok());
    // The sequence number was not consumed.
    const Result<JournalEntry> next = store->journal().append(saleDraft(store, QStringLiteral("2.00")));
    QVERIFY(next.ok());
    QCOMPARE(next->sequence, qint64(2));
    QVERIFY(store.reopen());
    QCOMPARE(*store->journal().entryCount(), qint64(2));
}

void tst_Journal::failedAppendInsideOuterTransactionKeepsOthers()
{
    TestStore store(QStringLiteral("JPY"));
    QVERIFY(store.ok());
    const Currency jpy = store->identity().currency;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    {
        Transaction outer(store->database());
        QVERIFY(outer.begin().ok());
        EntryDraft full;
        full.kind = EntryKind::Adjustment;
        full.userName = QStringLiteral("admin");
        full.postings = {{QStringLiteral("assets:vault"), Money(kMax, jpy)}, {QStringLiteral("equity:opening"), Money(-kMax, jpy)}};
        QVERIFY(store->journal().append(full).ok());
        // Fails inside its own savepoint, after having moved one balance.
        EntryDraft overflow;
        overflow.kind = EntryKind::Sale;
        overflow.userName = QStringLiteral("kari");
        overflow.postings = {{kSales, Money(-1, jpy)}, {QStringLiteral("assets:vault"), Money(1, jpy)}};
        const Result<JournalEntry> failed = store->journal().append(overflow);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.code(), ErrorCode::Overflow);
        QCOMPARE(store->database().transactionDepth(), 1);
        const Result<JournalEntry> after = store->journal().append(saleDraft(store, QStringLiteral("7")));
        QVERIFY(after.ok());
        QCOMPARE(after->sequence, qint64(2));
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(store->database().transactionDepth(), 0);
    QCOMPARE(*store->journal().entryCount(), qint64(2));
    QCOMPARE(*store->journal().balance(kSales), Money(-7, jpy));
    const Result<VerifyReport> report = store->journal().verify();
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.message()));
}

void tst_Journal::sequencesContinueAfterReopen()
{
    TestStore store;
    QVERIFY(store.ok());
    const Result<JournalEntry> first = store->journal().append(saleDraft(store, QStringLiteral("1.00")));
    QVERIFY(first.ok());
    QVERIFY(store.reopen());
    const Result<JournalEntry> second = store->journal().append(saleDraft(store, QStringLiteral("2.00")));
    QVERIFY(second.ok());
    QCOMPARE(second->sequence, qint64(2));
    QCOMPARE(second->previousHash, first->hash);
    QVERIFY(store->journal().verify().ok());
}


void tst_Journal::canonicalEncodingIsFixed_data()
{
    // The bytes every entry's hash covers, on every till and server ever deployed: a change of
    // one byte would call every stored journal altered. Written out by hand from the format.
    QTest::addColumn<QDateTime>("created");
    QTest::addColumn<QString>("user");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray head = QByteArrayLiteral("14:slate-entry-v1") + "36:0190b1c2-d3e4-7f00-8a9b-0c1d2e3f4a5b" + "2:T1"
        + "17:12345678901234567" + "24:";
    const QByteArray middle = QByteArrayLiteral("5:a\nb c") + "4:1001" + "7:order-1" + "0:" + "1:2" + "1:2";
    const QByteArray tail = QByteArrayLiteral("32:") + QByteArray(32, '\x07');
    QTest::newRow("ascii") << QDateTime(QDate(2026, 3, 29), QTime(2, 30, 0, 5), Qt::UTC) << QStringLiteral("kari") << qint64(-1250)
                           << head + "2026-03-29T02:30:00.005Z" + "4:sale" + "4:kari" + middle + "17:assets:cash:S1:T1" + "3:NOK"
                                  + "5:-1250" + "15:income:sales:S1" + "3:NOK" + "4:1250" + tail;
    QTest::newRow("non-ascii, early year, local time")
        << QDateTime(QDate(999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toOffsetFromUtc(3600) << QStringLiteral("Åse Ødegård")
        << qint64(std::numeric_limits<qint64>::min() + 1)
        << head + "0999-12-31T23:59:59.999Z" + "4:sale" + "14:\xc3\x85se \xc3\x98" "deg\xc3\xa5rd" + middle + "17:assets:cash:S1:T1"
               + "3:NOK" + "20:-9223372036854775807" + "15:income:sales:S1" + "3:NOK" + "19:9223372036854775807" + tail;
}

void tst_Journal::canonicalEncodingIsFixed()
{
    QFETCH(QDateTime, created);
    QFETCH(QString, user);
    QFETCH(qint64, amount);
    QFETCH(QByteArray, expected);
    const std::optional<Currency> nok = Currency::fromCode(u"NOK");
    QVERIFY(nok);
    JournalEntry entry;
    entry.id = QUuid::fromString(QStringLiteral("0190b1c2-d3e4-7f00-8a9b-0c1d2e3f4a5b"));
    entry.terminalId = QStringLiteral("T1");
    entry.sequence = 12345678901234567;
    entry.createdUtc = created;
    entry.kind = EntryKind::Sale;
    entry.userName = user;
    entry.note = QStringLiteral("a\nb c");
    entry.references = {QStringLiteral("1001"), QStringLiteral("order-1"), QString(), QStringLiteral("2")};
    entry.postings = {{kCash, Money(amount, *nok)}, {kSales, Money(-amount, *nok)}};
    entry.previousHash = QByteArray(32, '\x07');
    QCOMPARE(entry.canonicalEncoding(), expected);
    // The stored and exported form of the time is the same text.
    QCOMPARE(timestampFromText(timestampText(created)), created.toUTC());
}

QTEST_GUILESS_MAIN(tst_Journal)
#include "tst_journal.moc"
