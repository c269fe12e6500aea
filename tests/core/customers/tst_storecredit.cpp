// Store credit: top-ups post to the payment journal's account and the customer's liability,
// adjustments need a reason and never take the wallet below zero, the wallet is the negated
// liability balance, and the history shows every movement with its running balance.

#include "teststore.h"
#include "base/uuidv7.h"

#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

Q_DECLARE_METATYPE(Slate::Core::PaymentJournal)

namespace {

Customer addCustomer(TestStore &store, const QString &card, const QString &name)
{
    const Result<Customer> added = store->customers().add(NewCustomer{card, name, QString(), QString()});
    if (!added)
        qFatal("cannot add customer: %s", qPrintable(added.message()));
    return *added;
}

qint64 entryCount(TestStore &store) { return *store->journal().entryCount(); }

// Fails the calling test unless the whole journal verifies.
#define VERIFY_JOURNAL(store)                                                                            \
    do {                                                                                                 \
        const Result<VerifyReport> report = (store)->journal().verify();                                 \
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.message()));                   \
    } while (false)

} // namespace

class tst_StoreCredit : public QObject {
    Q_OBJECT
private slots:
    void topUpPostsToPaymentJournal_data();
    void topUpPostsToPaymentJournal();
    void walletIsSumOfMovements();
    void topUpRefused_data();
    void topUpRefused();
    void adjustBothWays();
    void adjustWithoutReasonRefused_data();
    void adjustWithoutReasonRefused();
    void adjustBelowZeroRefused();
    void adjustExactlyToZero();
    void adjustOverdrawnWallet();
    void walletsAreSeparate();
    void history();
    void historyNewestRows();
    void historyOfUnknownCustomerIsEmpty();
};

void tst_StoreCredit::topUpPostsToPaymentJournal_data()
{
    QTest::addColumn<PaymentJournal>("journal");
    QTest::addColumn<QString>("debited");

    QTest::newRow("a cash top-up debits this till's cash") << PaymentJournal::Cash << QStringLiteral("assets:cash:S1:T1");
    QTest::newRow("a bank top-up debits the bank") << PaymentJournal::Bank << QStringLiteral("assets:bank");
    QTest::newRow("a card top-up debits the store's card takings") << PaymentJournal::Card << QStringLiteral("assets:card:S1");
}

void tst_StoreCredit::topUpPostsToPaymentJournal()
{
    QFETCH(PaymentJournal, journal);
    QFETCH(QString, debited);

    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    QCOMPARE(Accounts::forPaymentJournal(journal, QStringLiteral("S1"), QStringLiteral("T1")), debited);
    const QString liability = QStringLiteral("liabilities:store-credit:") + ola.id;
    QCOMPARE(Accounts::storeCredit(ola.id), liability);

    const Result<JournalEntry> entry =
        store->credit().topUp(ola, store.money(QStringLiteral("250.00")), journal, QString(), QStringLiteral("kari"));
    QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.message()));
    QCOMPARE(entry->kind, EntryKind::TopUp);
    QCOMPARE(entry->userName, QStringLiteral("kari"));
    QCOMPARE(entry->references.customerId, ola.id);
    QVERIFY2(entry->note.contains(paymentJournalName(journal)), qPrintable(entry->note)); // default note names the journal
    QCOMPARE(entry->postings.size(), 2);
    QCOMPARE(entry->postings.at(0).account, debited);
    QCOMPARE(entry->postings.at(0).amount, store.money(QStringLiteral("250.00")));
    QCOMPARE(entry->postings.at(1).account, liability);
    QCOMPARE(entry->postings.at(1).amount, store.money(QStringLiteral("-250.00")));

    QCOMPARE(*store->journal().balance(debited), store.money(QStringLiteral("250.00")));
    QCOMPARE(*store->journal().balance(liability), store.money(QStringLiteral("-250.00")));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("250.00")));
    // Only the chosen journal's account moved.
    QCOMPARE(store->journal().balances()->size(), 2);

    // A note given by the caller is kept as is.
    const Result<JournalEntry> noted =
        store->credit().topUp(ola, store.money(QStringLiteral("0.01")), journal, QStringLiteral("birthday gift"), QStringLiteral("kari"));
    QVERIFY(noted.ok());
    QCOMPARE(noted->note, QStringLiteral("birthday gift"));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("250.01")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::walletIsSumOfMovements()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    QCOMPARE(*store->credit().wallet(ola.id), Money::zero(store->identity().currency));

    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("100.00")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());
    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("50.50")), PaymentJournal::Card, QString(), QStringLiteral("kari")).ok());
    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("0.25")), PaymentJournal::Bank, QString(), QStringLiteral("kari")).ok());
    QVERIFY(store->credit().adjust(ola, store.money(QStringLiteral("-20.75")), QStringLiteral("double top-up"), QStringLiteral("boss")).ok());
    QVERIFY(store->credit().adjust(ola, store.money(QStringLiteral("5.00")), QStringLiteral("goodwill"), QStringLiteral("boss")).ok());

    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("135.00")));
    QCOMPARE(*store->journal().balance(QStringLiteral("assets:cash:S1:T1")), store.money(QStringLiteral("100.00")));
    QCOMPARE(*store->journal().balance(QStringLiteral("assets:card:S1")), store.money(QStringLiteral("50.50")));
    QCOMPARE(*store->journal().balance(QStringLiteral("assets:bank")), store.money(QStringLiteral("0.25")));
    QCOMPARE(*store->journal().balance(QStringLiteral("expenses:credit-adjustments")), store.money(QStringLiteral("-15.75")));
    QCOMPARE(entryCount(store), qint64(5));
    VERIFY_JOURNAL(store);

    // The wallet survives closing and reopening.
    QVERIFY(store.reopen());
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("135.00")));
}

void tst_StoreCredit::topUpRefused_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minorUnits");
    QTest::addColumn<QString>("userName");

    QTest::newRow("a zero top-up is refused") << QStringLiteral("NOK") << qint64(0) << QStringLiteral("kari");
    QTest::newRow("a negative top-up is refused") << QStringLiteral("NOK") << qint64(-1000) << QStringLiteral("kari");
    QTest::newRow("a top-up in euro is refused in a krone store") << QStringLiteral("EUR") << qint64(1000) << QStringLiteral("kari");
    QTest::newRow("a top-up in yen is refused in a krone store") << QStringLiteral("JPY") << qint64(1000) << QStringLiteral("kari");
    QTest::newRow("a top-up by nobody is refused") << QStringLiteral("NOK") << qint64(1000) << QString();
}

void tst_StoreCredit::topUpRefused()
{
    QFETCH(QString, currency);
    QFETCH(qint64, minorUnits);
    QFETCH(QString, userName);

    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("10.00")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());

    const Money amount(minorUnits, *Currency::fromCode(currency));
    const Result<JournalEntry> entry = store->credit().topUp(ola, amount, PaymentJournal::Cash, QString(), userName);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.code(), ErrorCode::InvalidArgument);
    if (currency != u"NOK")
        QVERIFY2(entry.message().contains(currency) && entry.message().contains(QStringLiteral("NOK")), qPrintable(entry.message()));
    QCOMPARE(entryCount(store), qint64(1));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("10.00")));
    QCOMPARE(*store->journal().balance(QStringLiteral("assets:cash:S1:T1")), store.money(QStringLiteral("10.00")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::adjustBothWays()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));

    // Credit can be granted without any payment.
    const Result<JournalEntry> up = store->credit().adjust(ola, store.money(QStringLiteral("40.00")), QStringLiteral("  late delivery  "),
                                                           QStringLiteral("boss"));
    QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.message()));
    QCOMPARE(up->kind, EntryKind::Adjustment);
    QCOMPARE(up->note, QStringLiteral("late delivery")); // the reason, trimmed
    QCOMPARE(up->userName, QStringLiteral("boss"));
    QCOMPARE(up->references.customerId, ola.id);
    QCOMPARE(up->postings.size(), 2);
    QCOMPARE(up->postings.at(0).account, QStringLiteral("expenses:credit-adjustments"));
    QCOMPARE(up->postings.at(0).amount, store.money(QStringLiteral("40.00")));
    QCOMPARE(up->postings.at(1).account, Accounts::storeCredit(ola.id));
    QCOMPARE(up->postings.at(1).amount, store.money(QStringLiteral("-40.00")));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("40.00")));

    const Result<JournalEntry> down =
        store->credit().adjust(ola, store.money(QStringLiteral("-15.50")), QStringLiteral("typo in top-up"), QStringLiteral("boss"));
    QVERIFY2(down.ok(), qPrintable(down.ok() ? QString() : down.message()));
    QCOMPARE(down->postings.at(0).amount, store.money(QStringLiteral("-15.50")));
    QCOMPARE(down->postings.at(1).amount, store.money(QStringLiteral("15.50")));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("24.50")));
    QCOMPARE(*store->journal().balance(QStringLiteral("expenses:credit-adjustments")), store.money(QStringLiteral("24.50")));

    // Zero and foreign-currency adjustments are refused.
    const Result<JournalEntry> zero = store->credit().adjust(ola, store.money(QStringLiteral("0")), QStringLiteral("nothing"), QStringLiteral("boss"));
    QVERIFY(!zero.ok());
    QCOMPARE(zero.code(), ErrorCode::InvalidArgument);
    const Result<JournalEntry> euro = store->credit().adjust(ola, Money(100, *Currency::fromCode(u"EUR")), QStringLiteral("tourist"),
                                                             QStringLiteral("boss"));
    QVERIFY(!euro.ok());
    QCOMPARE(euro.code(), ErrorCode::InvalidArgument);
    QCOMPARE(entryCount(store), qint64(2));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::adjustWithoutReasonRefused_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("minorUnits");

    QTest::newRow("a raise without a reason is refused") << QString() << qint64(1000);
    QTest::newRow("a cut without a reason is refused") << QString() << qint64(-100);
    QTest::newRow("a reason of spaces is refused") << QStringLiteral("   ") << qint64(1000);
    QTest::newRow("a reason of a tab and a newline is refused") << QStringLiteral("\t\n") << qint64(1000);
}

void tst_StoreCredit::adjustWithoutReasonRefused()
{
    QFETCH(QString, reason);
    QFETCH(qint64, minorUnits);

    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("10.00")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());

    const Result<JournalEntry> entry = store->credit().adjust(ola, Money(minorUnits, store->identity().currency), reason, QStringLiteral("boss"));
    QVERIFY(!entry.ok());
    QCOMPARE(entry.code(), ErrorCode::InvalidArgument);
    QVERIFY2(entry.message().contains(QStringLiteral("reason")), qPrintable(entry.message()));
    QCOMPARE(entryCount(store), qint64(1));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("10.00")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::adjustBelowZeroRefused()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("12.50")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());
    const QList<AccountBalance> balancesBefore = *store->journal().balances();

    const Result<JournalEntry> entry =
        store->credit().adjust(ola, store.money(QStringLiteral("-12.51")), QStringLiteral("correction"), QStringLiteral("boss"));
    QVERIFY(!entry.ok());
    QCOMPARE(entry.code(), ErrorCode::InsufficientFunds);
    QVERIFY2(entry.message().contains(QStringLiteral("12.50")), qPrintable(entry.message())); // the wallet
    QVERIFY2(entry.message().contains(QStringLiteral("Ola Hansen")), qPrintable(entry.message()));
    QCOMPARE(entryCount(store), qint64(1));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("12.50")));
    const QList<AccountBalance> balancesAfter = *store->journal().balances();
    QCOMPARE(balancesAfter.size(), balancesBefore.size());
    for (qsizetype i = 0; i < balancesAfter.size(); ++i) {
        QCOMPARE(balancesAfter.at(i).account, balancesBefore.at(i).account);
        QCOMPARE(balancesAfter.at(i).balance, balancesBefore.at(i).balance);
    }
    QCOMPARE(store->database().transactionDepth(), 0);

    // A customer with an empty wallet cannot be taken below zero either.
    const Customer kari = addCustomer(store, QStringLiteral("1002"), QStringLiteral("Kari Nordmann"));
    const Result<JournalEntry> empty =
        store->credit().adjust(kari, store.money(QStringLiteral("-0.01")), QStringLiteral("correction"), QStringLiteral("boss"));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.code(), ErrorCode::InsufficientFunds);
    QVERIFY2(empty.message().contains(QStringLiteral("0.00")), qPrintable(empty.message()));
    QCOMPARE(entryCount(store), qint64(1));
    VERIFY_JOURNAL(store);

    // The refusals left the database usable: a valid adjustment goes through at sequence 2.
    const Result<JournalEntry> next =
        store->credit().adjust(ola, store.money(QStringLiteral("-2.50")), QStringLiteral("correction"), QStringLiteral("boss"));
    QVERIFY(next.ok());
    QCOMPARE(next->sequence, qint64(2));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("10.00")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::adjustExactlyToZero()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("12.50")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());
    const Result<JournalEntry> entry =
        store->credit().adjust(ola, store.money(QStringLiteral("-12.50")), QStringLiteral("closing the account"), QStringLiteral("boss"));
    QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.message()));
    QCOMPARE(*store->credit().wallet(ola.id), Money::zero(store->identity().currency));
    QVERIFY(store->credit().wallet(ola.id)->isZero());
    QCOMPARE(entryCount(store), qint64(2));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::adjustOverdrawnWallet()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    // A sale on an overdraft took the wallet to -50.00.
    EntryDraft sale{EntryKind::Sale, QStringLiteral("kari"), QStringLiteral("Sale on overdraft"), {ola.id, {}, {}, {}},
                    {{QStringLiteral("liabilities:store-credit:") + ola.id, store.money(QStringLiteral("50.00"))},
                     {QStringLiteral("income:sales:S1"), store.money(QStringLiteral("-50.00"))}}};
    QVERIFY(store->journal().append(sale).ok());
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("-50.00")));

    // Taking more away is refused, with one minus sign and what to do instead.
    const Result<JournalEntry> down =
        store->credit().adjust(ola, store.money(QStringLiteral("-5.00")), QStringLiteral("correction"), QStringLiteral("boss"));
    QCOMPARE(down.code(), ErrorCode::InsufficientFunds);
    QVERIFY2(!down.message().contains(QStringLiteral("--")), qPrintable(down.message()));
    QVERIFY2(down.message().contains(QStringLiteral("holds -50.00 NOK")), qPrintable(down.message()));
    QVERIFY2(down.message().contains(QStringLiteral("upwards only")), qPrintable(down.message()));
    QCOMPARE(entryCount(store), qint64(1));

    // Correcting it upwards is allowed, also when it stays below zero.
    const Result<JournalEntry> up =
        store->credit().adjust(ola, store.money(QStringLiteral("20.00")), QStringLiteral("goodwill"), QStringLiteral("boss"));
    QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.message()));
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("-30.00")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::walletsAreSeparate()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    const Customer kari = addCustomer(store, QStringLiteral("1002"), QStringLiteral("Kari Nordmann"));
    QVERIFY(store->credit().topUp(ola, store.money(QStringLiteral("30.00")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());
    QVERIFY(store->credit().topUp(kari, store.money(QStringLiteral("7.00")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());
    QCOMPARE(*store->credit().wallet(ola.id), store.money(QStringLiteral("30.00")));
    QCOMPARE(*store->credit().wallet(kari.id), store.money(QStringLiteral("7.00")));
    // Kari's wallet cannot be cut by Ola's money.
    const Result<JournalEntry> cut =
        store->credit().adjust(kari, store.money(QStringLiteral("-8.00")), QStringLiteral("correction"), QStringLiteral("boss"));
    QVERIFY(!cut.ok());
    QCOMPARE(cut.code(), ErrorCode::InsufficientFunds);
    QCOMPARE(store->credit().history(ola.id)->size(), 1);
    QCOMPARE(store->credit().history(kari.id)->size(), 1);
    QCOMPARE(*store->journal().balance(QStringLiteral("assets:cash:S1:T1")), store.money(QStringLiteral("37.00")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::history()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    const Customer kari = addCustomer(store, QStringLiteral("1002"), QStringLiteral("Kari Nordmann"));
    QVERIFY(store->credit().history(ola.id)->isEmpty());

    QList<JournalEntry> made;
    auto keep = [&](Result<JournalEntry> entry) {
        if (!entry)
            qFatal("posting failed: %s", qPrintable(entry.message()));
        made.append(*entry);
    };
    keep(store->credit().topUp(ola, store.money(QStringLiteral("100.00")), PaymentJournal::Cash, QStringLiteral("first"), QStringLiteral("kari")));
    // Another customer's movements do not appear in Ola's history.
    QVERIFY(store->credit().topUp(kari, store.money(QStringLiteral("999.00")), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());
    keep(store->credit().adjust(ola, store.money(QStringLiteral("-30.25")), QStringLiteral("wrong amount"), QStringLiteral("boss")));
    keep(store->credit().topUp(ola, store.money(QStringLiteral("5.00")), PaymentJournal::Card, QString(), QStringLiteral("per")));
    keep(store->credit().adjust(ola, store.money(QStringLiteral("0.25")), QStringLiteral("rounding"), QStringLiteral("boss")));

    const Result<QList<WalletHistoryRow>> rows = store->credit().history(ola.id);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.message()));
    QCOMPARE(rows->size(), 4);

    const EntryKind kinds[] = {EntryKind::TopUp, EntryKind::Adjustment, EntryKind::TopUp, EntryKind::Adjustment};
    const char *amounts[] = {"100.00", "-30.25", "5.00", "0.25"};
    const char *running[] = {"100.00", "69.75", "74.75", "75.00"};
    const char *users[] = {"kari", "boss", "per", "boss"};
    for (qsizetype i = 0; i < 4; ++i) {
        const WalletHistoryRow &row = rows->at(i);
        QCOMPARE(row.entryId, uuidText(made.at(i).id)); // oldest first
        QCOMPARE(row.createdUtc, made.at(i).createdUtc);
        QCOMPARE(row.kind, kinds[i]);
        QCOMPARE(row.amount, store.money(QString::fromLatin1(amounts[i])));
        QCOMPARE(row.runningBalance, store.money(QString::fromLatin1(running[i])));
        QCOMPARE(row.userName, QString::fromLatin1(users[i]));
        QCOMPARE(row.note, made.at(i).note);
    }
    QCOMPARE(rows->at(0).note, QStringLiteral("first"));
    QCOMPARE(rows->at(1).note, QStringLiteral("wrong amount"));
    QVERIFY(rows->at(2).note.contains(QStringLiteral("card")));
    QCOMPARE(rows->last().runningBalance, *store->credit().wallet(ola.id));

    const Result<QList<WalletHistoryRow>> kariRows = store->credit().history(kari.id);
    QVERIFY(kariRows.ok());
    QCOMPARE(kariRows->size(), 1);
    QCOMPARE(kariRows->first().amount, store.money(QStringLiteral("999.00")));
    QCOMPARE(kariRows->first().runningBalance, store.money(QStringLiteral("999.00")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::historyNewestRows()
{
    TestStore store;
    QVERIFY(store.ok());
    const Customer ola = addCustomer(store, QStringLiteral("1001"), QStringLiteral("Ola Hansen"));
    // Top-ups of 1, 2, …, 10 kroner: after the n-th the wallet holds n(n+1)/2.
    for (int n = 1; n <= 10; ++n)
        QVERIFY(store->credit().topUp(ola, store.money(QString::number(n)), PaymentJournal::Cash, QString(), QStringLiteral("kari")).ok());

    const Result<QList<WalletHistoryRow>> newest = store->credit().history(ola.id, 3);
    QVERIFY(newest.ok());
    QCOMPARE(newest->size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        const int n = 8 + int(i);
        QCOMPARE(newest->at(i).amount, store.money(QString::number(n)));
        QCOMPARE(newest->at(i).runningBalance, store.money(QString::number(n * (n + 1) / 2)));
    }

    const Result<QList<WalletHistoryRow>> all = store->credit().history(ola.id, 1000);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 10);
    QCOMPARE(all->first().runningBalance, store.money(QStringLiteral("1")));
    QCOMPARE(all->last().runningBalance, store.money(QStringLiteral("55")));
    // The bound is at least one row.
    QCOMPARE(store->credit().history(ola.id, 0)->size(), 1);
    QCOMPARE(store->credit().history(ola.id, 0)->first().runningBalance, store.money(QStringLiteral("55")));
    VERIFY_JOURNAL(store);
}

void tst_StoreCredit::historyOfUnknownCustomerIsEmpty()
{
    TestStore store;
    QVERIFY(store.ok());
    const Result<QList<WalletHistoryRow>> rows = store->credit().history(QStringLiteral("no-such-customer"));
    QVERIFY(rows.ok());
    QVERIFY(rows->isEmpty());
    QCOMPARE(*store->credit().wallet(QStringLiteral("no-such-customer")), Money::zero(store->identity().currency));
}

QTEST_GUILESS_MAIN(tst_StoreCredit)
#include "tst_storecredit.moc"
