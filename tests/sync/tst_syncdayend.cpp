// The cash drawer's entries travel like every entry: the protocol reads each new kind (float,
// cash-in, cash-out, cash-difference), the real server stores and verifies a till's day end, and
// another till that pulls it agrees with the server on every balance.

#include "synctestenv.h"

#include "ledgercheck.h"

using namespace Slate;
using namespace Slate::Test;

class tst_SyncDayEnd : public QObject {
    Q_OBJECT
private slots:
    void protocolReadsEveryDrawerKind_data();
    void protocolReadsEveryDrawerKind();
    void aDayEndSyncsToTheServerAndOtherTills();
};

void tst_SyncDayEnd::protocolReadsEveryDrawerKind_data()
{
    QTest::addColumn<int>("kindValue");
    QTest::addRow("a float") << int(Core::EntryKind::Float);
    QTest::addRow("a cash in") << int(Core::EntryKind::CashIn);
    QTest::addRow("a cash out") << int(Core::EntryKind::CashOut);
    QTest::addRow("a cash difference") << int(Core::EntryKind::CashDifference);
}

void tst_SyncDayEnd::protocolReadsEveryDrawerKind()
{
    QFETCH(int, kindValue);
    const auto kind = Core::EntryKind(kindValue);
    const Core::Currency nok = *Core::Currency::fromCode(u"NOK");
    Core::JournalEntry entry;
    entry.id = QUuid::createUuid();
    entry.terminalId = QStringLiteral("T1");
    entry.sequence = 1;
    entry.createdUtc = Core::nowUtc();
    entry.kind = kind;
    entry.userName = QStringLiteral("mona");
    entry.postings = {{QStringLiteral("assets:cash:S1:T1"), Core::Money(500, nok)}, {QStringLiteral("assets:safe:S1"), Core::Money(-500, nok)}};
    entry.previousHash = Core::genesisHash();
    entry.hash = entry.computeHash();
    QByteArray text;
    Sync::Protocol::appendEntryJson(text, entry);
    const Core::Result<Core::JournalEntry> read = Sync::Protocol::entryFromJson(QJsonDocument::fromJson(text).object(), QStringLiteral("entry"));
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.message()));
    QCOMPARE(read->kind, kind);
    QCOMPARE(read->computeHash(), entry.hash);
    // And an unknown kind is still refused, naming the field.
    text.replace(Core::entryKindName(kind).toUtf8(), QByteArrayLiteral("cash-gift"));
    const Core::Result<Core::JournalEntry> refused = Sync::Protocol::entryFromJson(QJsonDocument::fromJson(text).object(), QStringLiteral("entry"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.message().contains(QStringLiteral("entry.kind")), qPrintable(refused.message()));
}

void tst_SyncDayEnd::aDayEndSyncsToTheServerAndOtherTills()
{
    QTemporaryDir dir;
    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    QVERIFY(server.start());
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
    Core::Store &store = t1.store();
    QVERIFY(store.users().add(QStringLiteral("mona"), Core::Role::Manager, QStringLiteral("2222")).ok());
    QVERIFY(store.drawer().openWithFloat(t1.money(QStringLiteral("1000")), QStringLiteral("mona")).ok());
    QVERIFY(store.drawer().cashIn(t1.money(QStringLiteral("200")), QStringLiteral("more change"), QStringLiteral("mona")).ok());
    QVERIFY(store.drawer().cashOut(t1.money(QStringLiteral("150.50")), QStringLiteral("milk for the staff room"), QStringLiteral("mona")).ok());
    const Core::Result<Core::DayReport> z = store.dayEnd().zReport(t1.money(QStringLiteral("1049")), QStringLiteral("mona"));
    QVERIFY2(z.ok(), qPrintable(z.ok() ? QString() : z.message()));
    QCOMPARE(z->difference, t1.money(QStringLiteral("-0.50")));
    QVERIFY(!z->differenceEntryId.isEmpty());

    const Sync::RoundResult pushed = t1.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T1")));
    QVERIFY2(pushed.ok(), qPrintable(pushed.message));
    QCOMPARE(pushed.report.pushed, qint64(4));
    QCOMPARE(serverEntries(server.url()), qint64(4));
    const Sync::RoundResult pulled = t2.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T2")));
    QVERIFY2(pulled.ok(), qPrintable(pulled.message));
    QCOMPARE(pulled.report.pulled, qint64(4));
    QCOMPARE(t2.balances(), serverBalances(server.database()));
    QCOMPARE(t1.balances(), t2.balances());
    QCOMPARE(t2.balances().value(QStringLiteral("assets:cash:S1:T1")), qint64(104900));
    QCOMPARE(t2.balances().value(QStringLiteral("expenses:cash-differences:S1")), qint64(50));
    int exitCode = -1;
    serverCommand({QStringLiteral("verify"), QStringLiteral("--db"), server.database()}, &exitCode);
    QCOMPARE(exitCode, 0);
    VERIFY_LEDGER(t1.store());
    VERIFY_LEDGER(t2.store());
}

QTEST_GUILESS_MAIN(tst_SyncDayEnd)
#include "tst_syncdayend.moc"
