// The credit rules for a single tender: inclusive boundaries at the wallet, the overdraft and
// the credit limit, one minor unit over each, blocked customers and customers without a limit.

#include "customers/creditrules.h"

#include <QTest>

using namespace Slate::Core;

namespace {

const Currency kNok = *Currency::fromCode(u"NOK");

Money nok(qint64 minor) { return Money(minor, kNok); }

Customer customer(qint64 limit, qint64 overdraft /* -1: none */, bool blocked)
{
    Customer c;
    c.name = QStringLiteral("Kari");
    c.terms.creditLimitMinorUnits = limit;
    if (overdraft >= 0)
        c.terms.overdraftLimitMinorUnits = overdraft;
    c.terms.blocked = blocked;
    return c;
}

} // namespace

Q_DECLARE_METATYPE(TenderVerdict)

class tst_CreditRules : public QObject {
    Q_OBJECT
private slots:
    void wallet_data()
    {
        QTest::addColumn<qint64>("wallet");
        QTest::addColumn<qint64>("overdraft");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<TenderVerdict>("verdict");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<qint64>("over");
        QTest::newRow("part of the wallet is allowed") << 10000LL << -1LL << false << 6000LL << TenderVerdict::Allowed << 10000LL << 0LL;
        QTest::newRow("exactly the wallet is allowed") << 10000LL << -1LL << false << 10000LL << TenderVerdict::Allowed << 10000LL << 0LL;
        QTest::newRow("one øre over the wallet is refused") << 10000LL << -1LL << false << 10001LL << TenderVerdict::OverAvailable << 10000LL << 1LL;
        QTest::newRow("an empty wallet allows nothing") << 0LL << -1LL << false << 1LL << TenderVerdict::OverAvailable << 0LL << 1LL;
        QTest::newRow("exactly down to the overdraft is allowed") << 10000LL << 5000LL << false << 15000LL << TenderVerdict::Allowed << 15000LL << 0LL;
        QTest::newRow("one øre past the overdraft is refused") << 10000LL << 5000LL << false << 15001LL << TenderVerdict::OverAvailable << 15000LL << 1LL;
        QTest::newRow("a zero overdraft behaves like none") << 10000LL << 0LL << false << 10001LL << TenderVerdict::OverAvailable << 10000LL << 1LL;
        QTest::newRow("a wallet already in overdraft has the rest of it") << -3000LL << 5000LL << false << 2000LL << TenderVerdict::Allowed << 2000LL << 0LL;
        QTest::newRow("a wallet beyond its overdraft has nothing") << -6000LL << 5000LL << false << 1LL << TenderVerdict::OverAvailable << 0LL << 1LL;
        QTest::newRow("a blocked customer cannot use the wallet") << 10000LL << -1LL << true << 100LL << TenderVerdict::Blocked << 0LL << 100LL;
    }

    void wallet()
    {
        QFETCH(qint64, wallet);
        QFETCH(qint64, overdraft);
        QFETCH(bool, blocked);
        QFETCH(qint64, amount);
        QFETCH(TenderVerdict, verdict);
        QFETCH(qint64, available);
        QFETCH(qint64, over);
        const Result<TenderCheck> check = checkWalletTender(customer(0, overdraft, blocked), nok(wallet), nok(amount));
        QVERIFY(check.ok());
        QCOMPARE(check->verdict, verdict);
        QCOMPARE(check->available.minorUnits(), available);
        QCOMPARE(check->over.minorUnits(), over);
        QCOMPARE(check->message.isEmpty(), verdict == TenderVerdict::Allowed);
        if (verdict == TenderVerdict::OverAvailable) {
            QVERIFY2(check->message.contains(nok(available).toDecimalString()), qPrintable(check->message));
            QVERIFY2(check->message.contains(nok(over).toDecimalString()), qPrintable(check->message));
        }
    }

    void account_data()
    {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<TenderVerdict>("verdict");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<qint64>("over");
        QTest::newRow("within the limit is allowed") << 500000LL << false << 100000LL << 100000LL << TenderVerdict::Allowed << 400000LL << 0LL;
        QTest::newRow("exactly to the limit is allowed") << 500000LL << false << 100000LL << 400000LL << TenderVerdict::Allowed << 400000LL << 0LL;
        QTest::newRow("one øre over the limit is refused") << 500000LL << false << 100000LL << 400001LL << TenderVerdict::OverAvailable << 400000LL << 1LL;
        QTest::newRow("usage already over the limit leaves nothing") << 500000LL << false << 600000LL << 100LL << TenderVerdict::OverAvailable << 0LL << 100LL;
        QTest::newRow("no limit means no account sales") << 0LL << false << 0LL << 100LL << TenderVerdict::NotOffered << 0LL << 100LL;
        QTest::newRow("a blocked customer cannot buy on account") << 500000LL << true << 0LL << 100LL << TenderVerdict::Blocked << 0LL << 100LL;
    }

    void account()
    {
        QFETCH(qint64, limit);
        QFETCH(bool, blocked);
        QFETCH(qint64, used);
        QFETCH(qint64, amount);
        QFETCH(TenderVerdict, verdict);
        QFETCH(qint64, available);
        QFETCH(qint64, over);
        const Result<TenderCheck> check = checkAccountTender(customer(limit, -1, blocked), nok(used), nok(amount));
        QVERIFY(check.ok());
        QCOMPARE(check->verdict, verdict);
        QCOMPARE(check->available.minorUnits(), available);
        QCOMPARE(check->over.minorUnits(), over);
        QCOMPARE(check->message.isEmpty(), verdict == TenderVerdict::Allowed);
    }

    void badTendersAreErrors()
    {
        const Customer kari = customer(500000, 1000, false);
        QCOMPARE(checkWalletTender(kari, nok(100), nok(0)).code(), ErrorCode::InvalidArgument);
        QCOMPARE(checkWalletTender(kari, nok(100), nok(-5)).code(), ErrorCode::InvalidArgument);
        QCOMPARE(checkAccountTender(kari, nok(0), nok(0)).code(), ErrorCode::InvalidArgument);
        const Money euro(100, *Currency::fromCode(u"EUR"));
        QCOMPARE(checkWalletTender(kari, nok(100), euro).code(), ErrorCode::InvalidArgument);
        QCOMPARE(checkAccountTender(kari, nok(0), euro).code(), ErrorCode::InvalidArgument);
        // A wallet near the int64 edge with an overdraft must not wrap around.
        const Customer huge = customer(0, std::numeric_limits<qint64>::max(), false);
        QCOMPARE(checkWalletTender(huge, nok(std::numeric_limits<qint64>::max()), nok(1)).code(), ErrorCode::Overflow);
    }
};

QTEST_GUILESS_MAIN(tst_CreditRules)
#include "tst_creditrules.moc"
