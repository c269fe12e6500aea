// Pricing: per-line tax rounding for tax-inclusive and tax-exclusive prices, in 0-, 2- and
// 3-digit currencies, and refusal of bad lines.

#include "money/pricing.h"

#include <QTest>

using namespace Slate::Core;

namespace {

Currency currency(const char *code) { return *Currency::fromCode(QString::fromLatin1(code)); }

Money amount(const QString &text, const Currency &in)
{
    auto parsed = Money::parse(text, in);
    if (!parsed)
        qFatal("bad amount in test: %s", qPrintable(text));
    return *parsed;
}

// "SKU:qty:price:discount:taxcode:ratebp" per line
QList<SaleLineInput> lines(const QStringList &specs, const Currency &in)
{
    QList<SaleLineInput> result;
    for (const QString &spec : specs) {
        const QStringList f = spec.split(QLatin1Char(':'));
        result.append(SaleLineInput{f.at(0), f.at(0), f.at(1).toLongLong(), amount(f.at(2), in), amount(f.at(3), in),
                                    TaxCode{f.at(4), f.at(5).toInt(), QString()}});
    }
    return result;
}

} // namespace

class tst_Pricing : public QObject {
    Q_OBJECT
private slots:
    void totals_data()
    {
        QTest::addColumn<QString>("currencyCode");
        QTest::addColumn<bool>("inclusive");
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QString>("gross");
        QTest::addColumn<QString>("net");
        QTest::addColumn<QString>("tax");

        QTest::newRow("one inclusive NOK line at 25% splits 125.00 into 100.00 + 25.00")
            << "NOK" << true << QStringList{"A:1:125.00:0:STD:2500"} << "125.00" << "100.00" << "25.00";
        QTest::newRow("an inclusive 9.99 line at 25% rounds tax 1.998 to 2.00")
            << "NOK" << true << QStringList{"A:1:9.99:0:STD:2500"} << "9.99" << "7.99" << "2.00";
        QTest::newRow("three inclusive 9.99 lines are rounded per line, not on the sum")
            << "NOK" << true << QStringList{"A:1:9.99:0:STD:2500", "B:1:9.99:0:STD:2500", "C:1:9.99:0:STD:2500"} << "29.97" << "23.97" << "6.00";
        QTest::newRow("a quantity multiplies before tax")
            << "NOK" << true << QStringList{"A:3:9.99:0:STD:2500"} << "29.97" << "23.98" << "5.99";
        QTest::newRow("an exclusive EUR line at 19% adds 1.90 to 10.00")
            << "EUR" << false << QStringList{"A:1:10.00:0:DE:1900"} << "11.90" << "10.00" << "1.90";
        QTest::newRow("an exclusive half cent of tax rounds away from zero")
            << "EUR" << false << QStringList{"A:1:0.10:0:X:500"} << "0.11" << "0.10" << "0.01";
        QTest::newRow("a discount comes off the line before tax")
            << "NOK" << true << QStringList{"A:2:50.00:25.00:STD:2500"} << "75.00" << "60.00" << "15.00";
        QTest::newRow("a line discounted to zero carries no tax")
            << "NOK" << true << QStringList{"A:1:50.00:50.00:STD:2500"} << "0.00" << "0.00" << "0.00";
        QTest::newRow("mixed codes sum per code")
            << "NOK" << true << QStringList{"A:1:125.00:0:STD:2500", "B:1:115.00:0:FOOD:1500", "C:1:10.00:0:ZERO:0"} << "250.00" << "210.00" << "40.00";
        QTest::newRow("JPY has no minor units: 1000 yen at 10% inclusive has 91 tax")
            << "JPY" << true << QStringList{"A:1:1000:0:STD:1000"} << "1000" << "909" << "91";
        QTest::newRow("JPY exclusive 999 yen at 8% rounds 79.92 to 80")
            << "JPY" << false << QStringList{"A:1:999:0:RED:800"} << "1079" << "999" << "80";
        QTest::newRow("KWD keeps three digits: 1.000 inclusive at 5% has 0.048 tax")
            << "KWD" << true << QStringList{"A:1:1.000:0:VAT:500"} << "1.000" << "0.952" << "0.048";
        QTest::newRow("a free item is allowed")
            << "NOK" << true << QStringList{"A:1:0:0:STD:2500"} << "0.00" << "0.00" << "0.00";
    }

    void totals()
    {
        QFETCH(QString, currencyCode);
        QFETCH(bool, inclusive);
        QFETCH(QStringList, specs);
        QFETCH(QString, gross);
        QFETCH(QString, net);
        QFETCH(QString, tax);
        const Currency in = currency(qPrintable(currencyCode));
        const Result<SaleTotals> totals = priceSale(lines(specs, in), inclusive ? PriceMode::TaxInclusive : PriceMode::TaxExclusive, in);
        QVERIFY2(totals.ok(), totals.ok() ? "" : qPrintable(totals.message()));
        QCOMPARE(totals->gross.toDecimalString(), gross);
        QCOMPARE(totals->net.toDecimalString(), net);
        QCOMPARE(totals->tax.toDecimalString(), tax);
        // Every line, and so the sale, balances exactly: gross = net + tax.
        qint64 codeTaxSum = 0;
        for (const PricedLine &line : totals->lines)
            QCOMPARE(line.gross.minorUnits(), line.net.minorUnits() + line.tax.minorUnits());
        for (const Money &codeTax : totals->taxByCode)
            codeTaxSum += codeTax.minorUnits();
        QCOMPARE(codeTaxSum, totals->tax.minorUnits());
        QCOMPARE(totals->gross.minorUnits(), totals->net.minorUnits() + totals->tax.minorUnits());
    }

    void manyLinesStayBalanced()
    {
        const Currency nok = currency("NOK");
        QList<SaleLineInput> many;
        for (int i = 1; i <= 400; ++i) {
            many.append(SaleLineInput{QStringLiteral("SKU%1").arg(i), QString(), 1 + i % 7, Money(i * 37 + 3, nok),
                                      Money(i % 5, nok), TaxCode{i % 3 ? QStringLiteral("STD") : QStringLiteral("FOOD"), i % 3 ? 2500 : 1500, QString()}});
        }
        for (PriceMode mode : {PriceMode::TaxInclusive, PriceMode::TaxExclusive}) {
            const Result<SaleTotals> totals = priceSale(many, mode, nok);
            QVERIFY(totals.ok());
            QCOMPARE(totals->lines.size(), 400);
            QCOMPARE(totals->gross.minorUnits(), totals->net.minorUnits() + totals->tax.minorUnits());
            QCOMPARE(totals->taxByCode.value(QStringLiteral("STD"), Money::zero(nok)).minorUnits()
                         + totals->taxByCode.value(QStringLiteral("FOOD"), Money::zero(nok)).minorUnits(),
                     totals->tax.minorUnits());
        }
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a zero quantity") << QStringList{"A:0:10.00:0:STD:2500"} << "quantity";
        QTest::newRow("a negative quantity") << QStringList{"A:-1:10.00:0:STD:2500"} << "quantity";
        QTest::newRow("a quantity over the maximum") << QStringList{"A:1000001:10.00:0:STD:2500"} << "quantity";
        QTest::newRow("a negative price") << QStringList{"A:1:-10.00:0:STD:2500"} << "negative";
        QTest::newRow("a discount above the line") << QStringList{"A:2:10.00:20.01:STD:2500"} << "discount";
        QTest::newRow("a negative discount") << QStringList{"A:1:10.00:-1.00:STD:2500"} << "discount";
        QTest::newRow("a tax rate above 100%") << QStringList{"A:1:10.00:0:STD:10001"} << "tax rate";
        QTest::newRow("a negative tax rate") << QStringList{"A:1:10.00:0:STD:-1"} << "tax rate";
        QTest::newRow("an overflowing line") << QStringList{"A:1000000:92233720368547.75:0:STD:0"} << "out of range";
        QTest::newRow("the second line is named") << QStringList{"A:1:10.00:0:STD:2500", "B:0:1.00:0:STD:2500"} << "Line 2 (B)";
    }

    void refused()
    {
        QFETCH(QStringList, specs);
        QFETCH(QString, messagePart);
        const Currency nok = currency("NOK");
        const Result<SaleTotals> totals = priceSale(lines(specs, nok), PriceMode::TaxInclusive, nok);
        QVERIFY(!totals.ok());
        QVERIFY2(totals.message().contains(messagePart), qPrintable(totals.message()));
    }

    void emptySaleAndMixedCurrencyAreRefused()
    {
        const Currency nok = currency("NOK");
        QVERIFY(!priceSale({}, PriceMode::TaxInclusive, nok).ok());
        const Currency eur = currency("EUR");
        const QList<SaleLineInput> euroLine{SaleLineInput{QStringLiteral("A"), QString(), 1, Money(100, eur), Money(0, eur), TaxCode{QStringLiteral("STD"), 2500, QString()}}};
        const Result<SaleTotals> totals = priceSale(euroLine, PriceMode::TaxInclusive, nok);
        QVERIFY(!totals.ok());
        QVERIFY(totals.message().contains(QStringLiteral("NOK")));
    }
};

QTEST_GUILESS_MAIN(tst_Pricing)
#include "tst_pricing.moc"
