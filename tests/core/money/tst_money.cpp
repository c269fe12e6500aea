// Money, Currency and the rounding helpers: parsing is strict, formatting round-trips,
// arithmetic reports overflow instead of wrapping, and every rounding mode is exact.

#include "money/money.h"

#include <QTest>

#include <limits>

using namespace Slate::Core;

namespace Slate::Core {
// Lets QCOMPARE print amounts when a comparison fails.
char *toString(const Money &money)
{
    return QTest::toString(money.toDecimalString() + QLatin1Char(' ') + money.currency().code());
}
} // namespace Slate::Core

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

Currency currency(const char *code)
{
    const std::optional<Currency> found = Currency::fromCode(QString::fromLatin1(code));
    if (!found)
        qFatal("unknown currency in test: %s", code);
    return *found;
}

Money money(qint64 minor, const char *code) { return Money(minor, currency(code)); }

} // namespace

Q_DECLARE_METATYPE(Slate::Core::RoundingMode)
Q_DECLARE_METATYPE(Slate::Core::ErrorCode)

class tst_Money : public QObject {
    Q_OBJECT
private slots:
    void currencyFromCode_data();
    void currencyFromCode();

    void parseAccepted_data();
    void parseAccepted();
    void parseRejected_data();
    void parseRejected();

    void decimalRoundTrip_data();
    void decimalRoundTrip();

    void parseLocalized_data();
    void parseLocalized();
    void parseLocalizedRejected_data();
    void parseLocalizedRejected();
    void toLocalizedString_data();
    void toLocalizedString();
    void localizedRoundTrip_data();
    void localizedRoundTrip();

    void plusMinus_data();
    void plusMinus();
    void timesAndNegated_data();
    void timesAndNegated();
    void currencyMismatchRefused();

    void divideRounded_data();
    void divideRounded();
    void divideRoundedRefusesZeroAndOverflow();
    void scaled_data();
    void scaled();
    void scaledUsesWideIntermediate();
    void roundedTo_data();
    void roundedTo();
    void roundedToRefusesBadIncrementAndOverflow();
};

void tst_Money::currencyFromCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("exponent");

    QTest::newRow("NOK is known with two decimals") << QStringLiteral("NOK") << true << 2;
    QTest::newRow("EUR is known with two decimals") << QStringLiteral("EUR") << true << 2;
    QTest::newRow("USD is known with two decimals") << QStringLiteral("USD") << true << 2;
    QTest::newRow("JPY is known with no decimals") << QStringLiteral("JPY") << true << 0;
    QTest::newRow("KWD is known with three decimals") << QStringLiteral("KWD") << true << 3;
    QTest::newRow("an unknown code is refused") << QStringLiteral("XXX") << false << 0;
    QTest::newRow("a lower-case code is refused") << QStringLiteral("nok") << false << 0;
    QTest::newRow("a mixed-case code is refused") << QStringLiteral("Nok") << false << 0;
    QTest::newRow("an empty code is refused") << QString() << false << 0;
    QTest::newRow("a code with a space is refused") << QStringLiteral("NOK ") << false << 0;
    QTest::newRow("a two-letter code is refused") << QStringLiteral("NO") << false << 0;
}

void tst_Money::currencyFromCode()
{
    QFETCH(QString, code);
    QFETCH(bool, known);
    QFETCH(int, exponent);

    const std::optional<Currency> found = Currency::fromCode(code);
    QCOMPARE(found.has_value(), known);
    if (!known)
        return;
    QCOMPARE(found->code(), code);
    QCOMPARE(found->exponent(), exponent);
    qint64 expectedFactor = 1;
    for (int i = 0; i < exponent; ++i)
        expectedFactor *= 10;
    QCOMPARE(found->minorPerMajor(), expectedFactor);
    QVERIFY(Currency::all().contains(*found));
}

void tst_Money::parseAccepted_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minorUnits");

    QTest::newRow("twelve fifty NOK is 1250 øre") << QStringLiteral("NOK") << QStringLiteral("12.50") << qint64(1250);
    QTest::newRow("one decimal in EUR is ten cents") << QStringLiteral("EUR") << QStringLiteral("12.5") << qint64(1250);
    QTest::newRow("a negative whole amount in USD") << QStringLiteral("USD") << QStringLiteral("-3") << qint64(-300);
    QTest::newRow("five cents") << QStringLiteral("EUR") << QStringLiteral("0.05") << qint64(5);
    QTest::newRow("negative five cents") << QStringLiteral("USD") << QStringLiteral("-0.05") << qint64(-5);
    QTest::newRow("zero") << QStringLiteral("NOK") << QStringLiteral("0") << qint64(0);
    QTest::newRow("negative zero is zero") << QStringLiteral("NOK") << QStringLiteral("-0.00") << qint64(0);
    QTest::newRow("leading zeros are harmless") << QStringLiteral("NOK") << QStringLiteral("007.10") << qint64(710);
    QTest::newRow("a whole yen amount") << QStringLiteral("JPY") << QStringLiteral("1200") << qint64(1200);
    QTest::newRow("a negative yen amount") << QStringLiteral("JPY") << QStringLiteral("-7") << qint64(-7);
    QTest::newRow("fifty fils in KWD written with three decimals") << QStringLiteral("KWD") << QStringLiteral("0.050") << qint64(50);
    QTest::newRow("fifty fils in KWD written with two decimals") << QStringLiteral("KWD") << QStringLiteral("0.05") << qint64(50);
    QTest::newRow("one fils in KWD") << QStringLiteral("KWD") << QStringLiteral("0.001") << qint64(1);
    QTest::newRow("the largest NOK amount") << QStringLiteral("NOK") << QStringLiteral("92233720368547758.07") << kMax;
    QTest::newRow("the smallest NOK amount") << QStringLiteral("NOK") << QStringLiteral("-92233720368547758.08") << kMin;
    QTest::newRow("the largest JPY amount") << QStringLiteral("JPY") << QStringLiteral("9223372036854775807") << kMax;
    QTest::newRow("the smallest JPY amount") << QStringLiteral("JPY") << QStringLiteral("-9223372036854775808") << kMin;
    QTest::newRow("the largest KWD amount") << QStringLiteral("KWD") << QStringLiteral("9223372036854775.807") << kMax;
}

void tst_Money::parseAccepted()
{
    QFETCH(QString, code);
    QFETCH(QString, text);
    QFETCH(qint64, minorUnits);

    const Currency cur = *Currency::fromCode(code);
    const Result<Money> parsed = Money::parse(text, cur);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.message()));
    QCOMPARE(parsed->minorUnits(), minorUnits);
    QCOMPARE(parsed->currency().code(), code);
}

void tst_Money::parseRejected_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<ErrorCode>("error");

    const ErrorCode invalid = ErrorCode::InvalidArgument;
    QTest::newRow("an exponent is refused") << QStringLiteral("NOK") << QStringLiteral("1e3") << invalid;
    QTest::newRow("a decimal comma is refused") << QStringLiteral("NOK") << QStringLiteral("12,5") << invalid;
    QTest::newRow("three decimals for a two-decimal currency are refused") << QStringLiteral("EUR") << QStringLiteral("1.234") << invalid;
    QTest::newRow("a half rappen is not a CHF amount, so 12.325 never reaches cash rounding")
        << QStringLiteral("CHF") << QStringLiteral("12.325") << invalid;
    QTest::newRow("four decimals for KWD are refused") << QStringLiteral("KWD") << QStringLiteral("1.2345") << invalid;
    QTest::newRow("any decimals for JPY are refused, even zero") << QStringLiteral("JPY") << QStringLiteral("12.0") << invalid;
    QTest::newRow("NaN is refused") << QStringLiteral("USD") << QStringLiteral("NaN") << invalid;
    QTest::newRow("inf is refused") << QStringLiteral("USD") << QStringLiteral("inf") << invalid;
    QTest::newRow("empty text is refused") << QStringLiteral("NOK") << QString() << invalid;
    QTest::newRow("a lone minus is refused") << QStringLiteral("NOK") << QStringLiteral("-") << invalid;
    QTest::newRow("a plus sign is refused") << QStringLiteral("NOK") << QStringLiteral("+5") << invalid;
    QTest::newRow("a leading space is refused") << QStringLiteral("NOK") << QStringLiteral(" 12") << invalid;
    QTest::newRow("a trailing space is refused") << QStringLiteral("NOK") << QStringLiteral("12 ") << invalid;
    QTest::newRow("a trailing decimal point is refused") << QStringLiteral("NOK") << QStringLiteral("12.") << invalid;
    QTest::newRow("a leading decimal point is refused") << QStringLiteral("NOK") << QStringLiteral(".5") << invalid;
    QTest::newRow("two decimal points are refused") << QStringLiteral("NOK") << QStringLiteral("1.2.3") << invalid;
    QTest::newRow("a double minus is refused") << QStringLiteral("NOK") << QStringLiteral("--1") << invalid;
    QTest::newRow("a minus after the digits is refused") << QStringLiteral("NOK") << QStringLiteral("1-") << invalid;
    QTest::newRow("a space between groups is refused") << QStringLiteral("NOK") << QStringLiteral("1 000") << invalid;
    QTest::newRow("a currency code after the amount is refused") << QStringLiteral("NOK") << QStringLiteral("12 NOK") << invalid;
    QTest::newRow("hex is refused") << QStringLiteral("NOK") << QStringLiteral("0x10") << invalid;
    QTest::newRow("non-ASCII digits are refused") << QStringLiteral("NOK") << QString::fromUtf16(u"\u0661\u0662") << invalid;
    QTest::newRow("twenty digits overflow") << QStringLiteral("JPY") << QStringLiteral("12345678901234567890") << ErrorCode::Overflow;
    QTest::newRow("one more than the largest yen amount overflows")
        << QStringLiteral("JPY") << QStringLiteral("9223372036854775808") << ErrorCode::Overflow;
    QTest::newRow("one less than the smallest yen amount overflows")
        << QStringLiteral("JPY") << QStringLiteral("-9223372036854775809") << ErrorCode::Overflow;
    QTest::newRow("one øre more than the largest NOK amount overflows")
        << QStringLiteral("NOK") << QStringLiteral("92233720368547758.08") << ErrorCode::Overflow;
    QTest::newRow("a whole part that overflows only once scaled to øre")
        << QStringLiteral("NOK") << QStringLiteral("92233720368547759") << ErrorCode::Overflow;
}

void tst_Money::parseRejected()
{
    QFETCH(QString, code);
    QFETCH(QString, text);
    QFETCH(ErrorCode, error);

    const Result<Money> parsed = Money::parse(text, *Currency::fromCode(code));
    QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("accepted as %1").arg(parsed.ok() ? parsed->toDecimalString() : QString())));
    QCOMPARE(parsed.code(), error);
    // The message quotes what was typed, so a person can see which field was wrong.
    const QString quoted = QLatin1Char('"') + text + QLatin1Char('"');
    QVERIFY2(parsed.message().contains(quoted), qPrintable(parsed.message()));
}

void tst_Money::decimalRoundTrip_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("minorUnits");
    QTest::addColumn<QString>("text");

    QTest::newRow("twelve fifty NOK") << QStringLiteral("NOK") << qint64(1250) << QStringLiteral("12.50");
    QTest::newRow("minus three EUR shows its decimals") << QStringLiteral("EUR") << qint64(-300) << QStringLiteral("-3.00");
    QTest::newRow("five cents keeps the leading zero") << QStringLiteral("USD") << qint64(5) << QStringLiteral("0.05");
    QTest::newRow("minus five cents") << QStringLiteral("USD") << qint64(-5) << QStringLiteral("-0.05");
    QTest::newRow("zero NOK") << QStringLiteral("NOK") << qint64(0) << QStringLiteral("0.00");
    QTest::newRow("five yen has no decimal point") << QStringLiteral("JPY") << qint64(5) << QStringLiteral("5");
    QTest::newRow("zero yen") << QStringLiteral("JPY") << qint64(0) << QStringLiteral("0");
    QTest::newRow("fifty fils") << QStringLiteral("KWD") << qint64(50) << QStringLiteral("0.050");
    QTest::newRow("minus one fils") << QStringLiteral("KWD") << qint64(-1) << QStringLiteral("-0.001");
    QTest::newRow("the largest NOK amount") << QStringLiteral("NOK") << kMax << QStringLiteral("92233720368547758.07");
    QTest::newRow("the smallest NOK amount") << QStringLiteral("NOK") << kMin << QStringLiteral("-92233720368547758.08");
    QTest::newRow("the largest yen amount") << QStringLiteral("JPY") << kMax << QStringLiteral("9223372036854775807");
    QTest::newRow("the smallest yen amount") << QStringLiteral("JPY") << kMin << QStringLiteral("-9223372036854775808");
    QTest::newRow("the smallest KWD amount") << QStringLiteral("KWD") << kMin << QStringLiteral("-9223372036854775.808");
}

void tst_Money::decimalRoundTrip()
{
    QFETCH(QString, code);
    QFETCH(qint64, minorUnits);
    QFETCH(QString, text);

    const Currency cur = *Currency::fromCode(code);
    const Money amount(minorUnits, cur);
    QCOMPARE(amount.toDecimalString(), text);
    const Result<Money> back = Money::parse(text, cur);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.message()));
    QCOMPARE(*back, amount);
}

void tst_Money::parseLocalized_data()
{
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minorUnits");

    const QLocale norwegian(QStringLiteral("nb_NO"));
    const QString nbGroup = norwegian.groupSeparator();
    QTest::newRow("Norwegian decimal comma") << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QStringLiteral("12,50") << qint64(1250);
    QTest::newRow("Norwegian thousands with the locale's group separator")
        << QStringLiteral("nb_NO") << QStringLiteral("NOK") << (QStringLiteral("1") + nbGroup + QStringLiteral("234,50")) << qint64(123450);
    QTest::newRow("Norwegian millions with two group separators")
        << QStringLiteral("nb_NO") << QStringLiteral("NOK")
        << (QStringLiteral("1") + nbGroup + QStringLiteral("000") + nbGroup + QStringLiteral("000")) << qint64(100000000);
    QTest::newRow("Norwegian negative with the locale's minus sign")
        << QStringLiteral("nb_NO") << QStringLiteral("NOK") << (norwegian.negativeSign() + QStringLiteral("12,50")) << qint64(-1250);
    QTest::newRow("Norwegian negative with a hyphen-minus")
        << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QStringLiteral("-12,50") << qint64(-1250);
    QTest::newRow("Norwegian amount followed by the currency code")
        << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QStringLiteral("12,50 NOK") << qint64(1250);
    QTest::newRow("Norwegian whole amount") << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QStringLiteral("12") << qint64(1200);
    QTest::newRow("American thousands") << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("1,234.50") << qint64(123450);
    QTest::newRow("American without grouping") << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("1234.50") << qint64(123450);
    QTest::newRow("American negative") << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("-0.05") << qint64(-5);
    QTest::newRow("American surrounding spaces are trimmed") << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral(" 7.25 ") << qint64(725);
    QTest::newRow("yen with grouping") << QStringLiteral("en_US") << QStringLiteral("JPY") << QStringLiteral("1,200") << qint64(1200);
    QTest::newRow("Indian lakh grouping") << QStringLiteral("en_IN") << QStringLiteral("INR") << QStringLiteral("1,23,456.50") << qint64(12345650);
    QTest::newRow("a narrow no-break space groups in any locale")
        << QStringLiteral("en_US") << QStringLiteral("USD") << QString::fromUtf16(u"1\u202F234.50") << qint64(123450);
    QTest::newRow("German thousands with a dot") << QStringLiteral("de_DE") << QStringLiteral("EUR") << QStringLiteral("1.234,50") << qint64(123450);
}

void tst_Money::parseLocalized()
{
    QFETCH(QString, localeName);
    QFETCH(QString, code);
    QFETCH(QString, text);
    QFETCH(qint64, minorUnits);

    const Result<Money> parsed = Money::parseLocalized(text, *Currency::fromCode(code), QLocale(localeName));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.message()));
    QCOMPARE(parsed->minorUnits(), minorUnits);
}

void tst_Money::parseLocalizedRejected_data()
{
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<ErrorCode>("error");

    const ErrorCode invalid = ErrorCode::InvalidArgument;
    QTest::newRow("Norwegian three decimals") << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QStringLiteral("1,234") << invalid;
    QTest::newRow("Norwegian empty text") << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QString() << invalid;
    QTest::newRow("Norwegian letters") << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QStringLiteral("tolv") << invalid;
    QTest::newRow("Norwegian trailing decimal comma") << QStringLiteral("nb_NO") << QStringLiteral("NOK") << QStringLiteral("12,") << invalid;
    QTest::newRow("American two decimal points") << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("1.2.3") << invalid;
    QTest::newRow("American decimals for yen") << QStringLiteral("en_US") << QStringLiteral("JPY") << QStringLiteral("12.5") << invalid;
    QTest::newRow("American group separator after the decimal point")
        << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("1.2,34") << invalid;
    // A comma typed as a decimal mark in en_US must not silently become a group separator (12,50 -> 1250.00).
    QTest::newRow("American comma where a decimal point was meant")
        << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("12,50") << invalid;
    QTest::newRow("German dot where a decimal comma was meant")
        << QStringLiteral("de_DE") << QStringLiteral("EUR") << QStringLiteral("12.50") << invalid;
    QTest::newRow("American group of four digits") << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("1,2345.00") << invalid;
    QTest::newRow("American leading group separator") << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral(",123.00") << invalid;
    QTest::newRow("American out of range")
        << QStringLiteral("en_US") << QStringLiteral("USD") << QStringLiteral("92,233,720,368,547,758.08") << ErrorCode::Overflow;
}

void tst_Money::parseLocalizedRejected()
{
    QFETCH(QString, localeName);
    QFETCH(QString, code);
    QFETCH(QString, text);
    QFETCH(ErrorCode, error);

    const Result<Money> parsed = Money::parseLocalized(text, *Currency::fromCode(code), QLocale(localeName));
    QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("accepted as %1").arg(parsed.ok() ? parsed->toDecimalString() : QString())));
    QCOMPARE(parsed.code(), error);
    QVERIFY2(parsed.message().contains(QLatin1Char('"') + text + QLatin1Char('"')), qPrintable(parsed.message()));
}

void tst_Money::toLocalizedString_data()
{
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("minorUnits");
    QTest::addColumn<QString>("expected");

    const QString nbsp(QChar(0x00A0));
    const QLocale norwegian(QStringLiteral("nb_NO"));
    QTest::newRow("Norwegian thousands use the locale's separators")
        << QStringLiteral("nb_NO") << QStringLiteral("NOK") << qint64(123450)
        << (QStringLiteral("1") + norwegian.groupSeparator() + QStringLiteral("234") + norwegian.decimalPoint() + QStringLiteral("50") + nbsp
            + QStringLiteral("NOK"));
    QTest::newRow("Norwegian negative uses the locale's minus sign")
        << QStringLiteral("nb_NO") << QStringLiteral("NOK") << qint64(-5)
        << (norwegian.negativeSign() + QStringLiteral("0,05") + nbsp + QStringLiteral("NOK"));
    QTest::newRow("American thousands") << QStringLiteral("en_US") << QStringLiteral("USD") << qint64(123450)
                                        << (QStringLiteral("1,234.50") + nbsp + QStringLiteral("USD"));
    QTest::newRow("American negative cents") << QStringLiteral("en_US") << QStringLiteral("USD") << qint64(-7)
                                             << (QStringLiteral("-0.07") + nbsp + QStringLiteral("USD"));
    QTest::newRow("yen has no decimals") << QStringLiteral("en_US") << QStringLiteral("JPY") << qint64(1200)
                                         << (QStringLiteral("1,200") + nbsp + QStringLiteral("JPY"));
    QTest::newRow("fils keep three decimals") << QStringLiteral("en_US") << QStringLiteral("KWD") << qint64(50)
                                              << (QStringLiteral("0.050") + nbsp + QStringLiteral("KWD"));
    QTest::newRow("the smallest amount formats") << QStringLiteral("en_US") << QStringLiteral("JPY") << kMin
                                                 << (QStringLiteral("-9,223,372,036,854,775,808") + nbsp + QStringLiteral("JPY"));
}

void tst_Money::toLocalizedString()
{
    QFETCH(QString, localeName);
    QFETCH(QString, code);
    QFETCH(qint64, minorUnits);
    QFETCH(QString, expected);

    QCOMPARE(Money(minorUnits, *Currency::fromCode(code)).toLocalizedString(QLocale(localeName)), expected);
}

void tst_Money::localizedRoundTrip_data()
{
    QTest::addColumn<QString>("localeName");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("minorUnits");

    for (const char *name : {"nb_NO", "en_US", "de_DE", "fr_FR", "de_CH"}) {
        for (const qint64 value : {qint64(0), qint64(5), qint64(-1250), qint64(123456789), kMax, kMin}) {
            QTest::addRow("%s %lld NOK formats and parses back", name, static_cast<long long>(value))
                << QString::fromLatin1(name) << QStringLiteral("NOK") << value;
        }
    }
}

void tst_Money::localizedRoundTrip()
{
    QFETCH(QString, localeName);
    QFETCH(QString, code);
    QFETCH(qint64, minorUnits);

    const QLocale locale(localeName);
    const Money amount(minorUnits, *Currency::fromCode(code));
    const QString text = amount.toLocalizedString(locale);
    const Result<Money> back = Money::parseLocalized(text, amount.currency(), locale);
    QVERIFY2(back.ok(), qPrintable(text + QStringLiteral(": ") + (back.ok() ? QString() : back.message())));
    QCOMPARE(*back, amount);
}

void tst_Money::plusMinus_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("sumFits");
    QTest::addColumn<qint64>("sum");
    QTest::addColumn<bool>("differenceFits");
    QTest::addColumn<qint64>("difference");

    QTest::newRow("small amounts") << qint64(1250) << qint64(-300) << true << qint64(950) << true << qint64(1550);
    QTest::newRow("the largest plus zero") << kMax << qint64(0) << true << kMax << true << kMax;
    QTest::newRow("the largest plus one overflows") << kMax << qint64(1) << false << qint64(0) << true << (kMax - 1);
    QTest::newRow("the smallest minus one overflows") << kMin << qint64(1) << true << (kMin + 1) << false << qint64(0);
    QTest::newRow("the smallest plus minus one overflows") << kMin << qint64(-1) << false << qint64(0) << true << (kMin + 1);
    QTest::newRow("zero minus the smallest overflows") << qint64(0) << kMin << true << kMin << false << qint64(0);
    QTest::newRow("the largest plus the smallest is minus one") << kMax << kMin << true << qint64(-1) << false << qint64(0);
}

void tst_Money::plusMinus()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, sumFits);
    QFETCH(qint64, sum);
    QFETCH(bool, differenceFits);
    QFETCH(qint64, difference);

    const Money left = money(a, "NOK");
    const Money right = money(b, "NOK");
    const Result<Money> added = left.plus(right);
    QCOMPARE(added.ok(), sumFits);
    if (sumFits)
        QCOMPARE(*added, money(sum, "NOK"));
    else
        QCOMPARE(added.code(), ErrorCode::Overflow);
    const Result<Money> subtracted = left.minus(right);
    QCOMPARE(subtracted.ok(), differenceFits);
    if (differenceFits)
        QCOMPARE(*subtracted, money(difference, "NOK"));
    else
        QCOMPARE(subtracted.code(), ErrorCode::Overflow);
}

void tst_Money::timesAndNegated_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<bool>("productFits");
    QTest::addColumn<qint64>("product");
    QTest::addColumn<bool>("negationFits");

    QTest::newRow("three times twelve fifty") << qint64(1250) << qint64(3) << true << qint64(3750) << true;
    QTest::newRow("times minus one") << qint64(1250) << qint64(-1) << true << qint64(-1250) << true;
    QTest::newRow("times zero") << kMax << qint64(0) << true << qint64(0) << true;
    QTest::newRow("the largest times two overflows") << kMax << qint64(2) << false << qint64(0) << true;
    QTest::newRow("the largest times minus one is fine") << kMax << qint64(-1) << true << -kMax << true;
    QTest::newRow("the smallest times minus one overflows") << kMin << qint64(-1) << false << qint64(0) << false;
    QTest::newRow("half the range times two just fits") << (kMax / 2) << qint64(2) << true << (kMax - 1) << true;
    QTest::newRow("a large factor overflows") << qint64(10) << (kMax / 5) << false << qint64(0) << true;
}

void tst_Money::timesAndNegated()
{
    QFETCH(qint64, amount);
    QFETCH(qint64, factor);
    QFETCH(bool, productFits);
    QFETCH(qint64, product);
    QFETCH(bool, negationFits);

    const Money value = money(amount, "EUR");
    const Result<Money> multiplied = value.times(factor);
    QCOMPARE(multiplied.ok(), productFits);
    if (productFits)
        QCOMPARE(*multiplied, money(product, "EUR"));
    else
        QCOMPARE(multiplied.code(), ErrorCode::Overflow);

    const Result<Money> negative = value.negated();
    QCOMPARE(negative.ok(), negationFits);
    if (negationFits)
        QCOMPARE(negative->minorUnits(), -amount);
    else
        QCOMPARE(negative.code(), ErrorCode::Overflow);
}

void tst_Money::currencyMismatchRefused()
{
    const Money kroner = money(1000, "NOK");
    const Money euros = money(1000, "EUR");
    const Result<Money> added = kroner.plus(euros);
    QVERIFY(!added.ok());
    QCOMPARE(added.code(), ErrorCode::InvalidArgument);
    QVERIFY2(added.message().contains(QStringLiteral("NOK")) && added.message().contains(QStringLiteral("EUR")),
             qPrintable(added.message()));
    const Result<Money> subtracted = kroner.minus(euros);
    QVERIFY(!subtracted.ok());
    QCOMPARE(subtracted.code(), ErrorCode::InvalidArgument);
    // Same minor units, different currency: not equal.
    QVERIFY(!(kroner == euros));
    QVERIFY(kroner == money(1000, "NOK"));
}

void tst_Money::divideRounded_data()
{
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<RoundingMode>("mode");
    QTest::addColumn<qint64>("expected");

    struct Row {
        qint64 numerator;
        qint64 denominator;
        qint64 halfUp, halfEven, towardZero, awayFromZero, floor, ceiling;
    };
    // Halves, below and above halves, exact quotients, both signs and negative denominators.
    const Row rows[] = {
        {5, 2, 3, 2, 2, 3, 2, 3},        // 2.5
        {7, 2, 4, 4, 3, 4, 3, 4},        // 3.5
        {-5, 2, -3, -2, -2, -3, -3, -2}, // -2.5
        {-7, 2, -4, -4, -3, -4, -4, -3}, // -3.5
        {5, -2, -3, -2, -2, -3, -3, -2}, // -2.5 by a negative denominator
        {-5, -2, 3, 2, 2, 3, 2, 3},      // 2.5 from two negatives
        {7, 3, 2, 2, 2, 3, 2, 3},        // 2.33
        {8, 3, 3, 3, 2, 3, 2, 3},        // 2.67
        {-7, 3, -2, -2, -2, -3, -3, -2}, // -2.33
        {-8, 3, -3, -3, -2, -3, -3, -2}, // -2.67
        {6, 3, 2, 2, 2, 2, 2, 2},        // exact
        {-6, 3, -2, -2, -2, -2, -2, -2}, // exact negative
        {0, 7, 0, 0, 0, 0, 0, 0},        // zero
        {1, 2, 1, 0, 0, 1, 0, 1},        // 0.5
        {-1, 2, -1, 0, 0, -1, -1, 0},    // -0.5
        {1, 3, 0, 0, 0, 1, 0, 1},        // 0.33
        {-1, 3, 0, 0, 0, -1, -1, 0},     // -0.33
        {kMax, 2, kMax / 2 + 1, kMax / 2 + 1, kMax / 2, kMax / 2 + 1, kMax / 2, kMax / 2 + 1}, // odd max / 2
        {kMin, 2, kMin / 2, kMin / 2, kMin / 2, kMin / 2, kMin / 2, kMin / 2},                 // exact
        {kMin, 1, kMin, kMin, kMin, kMin, kMin, kMin},
    };
    const std::pair<RoundingMode, const char *> modes[] = {
        {RoundingMode::HalfUp, "half up"},       {RoundingMode::HalfEven, "half even"},
        {RoundingMode::TowardZero, "toward zero"}, {RoundingMode::AwayFromZero, "away from zero"},
        {RoundingMode::Floor, "floor"},          {RoundingMode::Ceiling, "ceiling"},
    };
    for (const Row &row : rows) {
        const qint64 expected[] = {row.halfUp, row.halfEven, row.towardZero, row.awayFromZero, row.floor, row.ceiling};
        for (int i = 0; i < 6; ++i) {
            QTest::addRow("%lld / %lld rounded %s is %lld", static_cast<long long>(row.numerator),
                          static_cast<long long>(row.denominator), modes[i].second, static_cast<long long>(expected[i]))
                << row.numerator << row.denominator << modes[i].first << expected[i];
        }
    }
}

void tst_Money::divideRounded()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(RoundingMode, mode);
    QFETCH(qint64, expected);

    const Result<qint64> quotient = Slate::Core::divideRounded(numerator, denominator, mode);
    QVERIFY2(quotient.ok(), qPrintable(quotient.ok() ? QString() : quotient.message()));
    QCOMPARE(*quotient, expected);
}

void tst_Money::divideRoundedRefusesZeroAndOverflow()
{
    const Result<qint64> byZero = Slate::Core::divideRounded(10, 0, RoundingMode::HalfUp);
    QVERIFY(!byZero.ok());
    QCOMPARE(byZero.code(), ErrorCode::InvalidArgument);

    // The one quotient of two int64 values that does not fit: -2^63 / -1.
    const Result<qint64> tooBig = Slate::Core::divideRounded(kMin, -1, RoundingMode::TowardZero);
    QVERIFY(!tooBig.ok());
    QCOMPARE(tooBig.code(), ErrorCode::Overflow);

    const Result<Money> scaledByZero = money(100, "NOK").scaled(1, 0, RoundingMode::HalfUp);
    QVERIFY(!scaledByZero.ok());
    QCOMPARE(scaledByZero.code(), ErrorCode::InvalidArgument);
}

void tst_Money::scaled_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<RoundingMode>("mode");
    QTest::addColumn<qint64>("expected");

    // 25% tax included in 10.01: 10.01 * 2000 / 10000 = 2.002 -> 2.00 (tax share in basis points).
    QTest::newRow("a tax share rounds half up to 2.00") << qint64(1001) << qint64(2000) << qint64(10000) << RoundingMode::HalfUp << qint64(200);
    QTest::newRow("a half øre rounds up") << qint64(1) << qint64(1) << qint64(2) << RoundingMode::HalfUp << qint64(1);
    QTest::newRow("a half øre rounds to even") << qint64(1) << qint64(1) << qint64(2) << RoundingMode::HalfEven << qint64(0);
    QTest::newRow("three halves round to even two") << qint64(3) << qint64(1) << qint64(2) << RoundingMode::HalfEven << qint64(2);
    QTest::newRow("a negative half rounds away from zero in half up")
        << qint64(-1) << qint64(1) << qint64(2) << RoundingMode::HalfUp << qint64(-1);
    QTest::newRow("a negative third floors down") << qint64(-10) << qint64(1) << qint64(3) << RoundingMode::Floor << qint64(-4);
    QTest::newRow("a negative third ceils toward zero") << qint64(-10) << qint64(1) << qint64(3) << RoundingMode::Ceiling << qint64(-3);
    QTest::newRow("a third truncates") << qint64(10) << qint64(1) << qint64(3) << RoundingMode::TowardZero << qint64(3);
    QTest::newRow("a third rounds away from zero") << qint64(10) << qint64(1) << qint64(3) << RoundingMode::AwayFromZero << qint64(4);
    QTest::newRow("a negative numerator flips the sign") << qint64(1000) << qint64(-1) << qint64(4) << RoundingMode::HalfUp << qint64(-250);
    QTest::newRow("three quarters of the largest amount fits")
        << kMax << qint64(3) << qint64(4) << RoundingMode::TowardZero << ((kMax / 4) * 3 + 2);
    QTest::newRow("three quarters of the smallest amount fits")
        << kMin << qint64(3) << qint64(4) << RoundingMode::HalfUp << (kMin / 4 * 3);
    QTest::newRow("the largest amount times max over max is itself") << kMax << kMax << kMax << RoundingMode::HalfUp << kMax;
}

void tst_Money::scaled()
{
    QFETCH(qint64, amount);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(RoundingMode, mode);
    QFETCH(qint64, expected);

    const Result<Money> result = money(amount, "NOK").scaled(numerator, denominator, mode);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.message()));
    QCOMPARE(*result, money(expected, "NOK"));
}

void tst_Money::scaledUsesWideIntermediate()
{
    // INT64_MAX * 3 overflows 64 bits, but the quotient by 4 fits: no error, exact result.
    const Result<Money> threeQuarters = money(kMax, "USD").scaled(3, 4, RoundingMode::HalfUp);
    QVERIFY2(threeQuarters.ok(), qPrintable(threeQuarters.ok() ? QString() : threeQuarters.message()));
    // kMax = 4q + 3, so 3 * kMax / 4 = 3q + 2.25 -> 3q + 2.
    QCOMPARE(threeQuarters->minorUnits(), (kMax / 4) * 3 + 2);
    QCOMPARE(threeQuarters->currency().code(), QStringLiteral("USD"));

    // A result that does not fit is an error, not a wrapped value.
    const Result<Money> fiveQuarters = money(kMax, "USD").scaled(5, 4, RoundingMode::HalfUp);
    QVERIFY(!fiveQuarters.ok());
    QCOMPARE(fiveQuarters.code(), ErrorCode::Overflow);
    const Result<Money> flipped = money(kMin, "USD").scaled(-1, 1, RoundingMode::HalfUp);
    QVERIFY(!flipped.ok());
    QCOMPARE(flipped.code(), ErrorCode::Overflow);
}

void tst_Money::roundedTo_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<qint64>("increment");
    QTest::addColumn<RoundingMode>("mode");
    QTest::addColumn<QString>("expected");

    // Swiss cash rounding to the 5-rappen coin.
    const QString chf = QStringLiteral("CHF");
    QTest::newRow("12.32 CHF rounds half up to 12.30") << chf << QStringLiteral("12.32") << qint64(5) << RoundingMode::HalfUp << QStringLiteral("12.30");
    QTest::newRow("12.33 CHF rounds half up to 12.35") << chf << QStringLiteral("12.33") << qint64(5) << RoundingMode::HalfUp << QStringLiteral("12.35");
    QTest::newRow("12.35 CHF is already a multiple of the coin") << chf << QStringLiteral("12.35") << qint64(5) << RoundingMode::HalfUp << QStringLiteral("12.35");
    QTest::newRow("12.37 CHF rounds half up to 12.35") << chf << QStringLiteral("12.37") << qint64(5) << RoundingMode::HalfUp << QStringLiteral("12.35");
    QTest::newRow("12.38 CHF rounds half up to 12.40") << chf << QStringLiteral("12.38") << qint64(5) << RoundingMode::HalfUp << QStringLiteral("12.40");
    QTest::newRow("12.32 CHF truncates to 12.30") << chf << QStringLiteral("12.32") << qint64(5) << RoundingMode::TowardZero << QStringLiteral("12.30");
    QTest::newRow("12.34 CHF truncates to 12.30") << chf << QStringLiteral("12.34") << qint64(5) << RoundingMode::TowardZero << QStringLiteral("12.30");
    QTest::newRow("12.31 CHF rounds away from zero to 12.35")
        << chf << QStringLiteral("12.31") << qint64(5) << RoundingMode::AwayFromZero << QStringLiteral("12.35");
    QTest::newRow("12.34 CHF floors to 12.30") << chf << QStringLiteral("12.34") << qint64(5) << RoundingMode::Floor << QStringLiteral("12.30");
    QTest::newRow("12.31 CHF ceils to 12.35") << chf << QStringLiteral("12.31") << qint64(5) << RoundingMode::Ceiling << QStringLiteral("12.35");
    QTest::newRow("12.33 CHF rounds half even to 12.35") << chf << QStringLiteral("12.33") << qint64(5) << RoundingMode::HalfEven << QStringLiteral("12.35");
    QTest::newRow("a multiple of the coin is unchanged in every mode, floor")
        << chf << QStringLiteral("12.35") << qint64(5) << RoundingMode::Floor << QStringLiteral("12.35");
    QTest::newRow("a multiple of the coin is unchanged in every mode, ceiling")
        << chf << QStringLiteral("12.35") << qint64(5) << RoundingMode::Ceiling << QStringLiteral("12.35");
    // Negative amounts (refunds): half up goes away from zero, floor goes down.
    QTest::newRow("-12.32 CHF rounds half up to -12.30") << chf << QStringLiteral("-12.32") << qint64(5) << RoundingMode::HalfUp << QStringLiteral("-12.30");
    QTest::newRow("-12.33 CHF rounds half up to -12.35") << chf << QStringLiteral("-12.33") << qint64(5) << RoundingMode::HalfUp << QStringLiteral("-12.35");
    QTest::newRow("-12.31 CHF floors to -12.35") << chf << QStringLiteral("-12.31") << qint64(5) << RoundingMode::Floor << QStringLiteral("-12.35");
    QTest::newRow("-12.34 CHF ceils to -12.30") << chf << QStringLiteral("-12.34") << qint64(5) << RoundingMode::Ceiling << QStringLiteral("-12.30");
    QTest::newRow("-12.34 CHF truncates to -12.30") << chf << QStringLiteral("-12.34") << qint64(5) << RoundingMode::TowardZero << QStringLiteral("-12.30");
    QTest::newRow("-12.31 CHF rounds away from zero to -12.35")
        << chf << QStringLiteral("-12.31") << qint64(5) << RoundingMode::AwayFromZero << QStringLiteral("-12.35");
    // Exact halves need an even increment: rounding to 10 øre (the old Norwegian coin).
    const QString nok = QStringLiteral("NOK");
    QTest::newRow("12.25 to ten øre half up is 12.30") << nok << QStringLiteral("12.25") << qint64(10) << RoundingMode::HalfUp << QStringLiteral("12.30");
    QTest::newRow("12.25 to ten øre half even is 12.20") << nok << QStringLiteral("12.25") << qint64(10) << RoundingMode::HalfEven << QStringLiteral("12.20");
    QTest::newRow("12.35 to ten øre half even is 12.40") << nok << QStringLiteral("12.35") << qint64(10) << RoundingMode::HalfEven << QStringLiteral("12.40");
    QTest::newRow("-12.25 to ten øre half up is -12.30") << nok << QStringLiteral("-12.25") << qint64(10) << RoundingMode::HalfUp << QStringLiteral("-12.30");
    QTest::newRow("-12.25 to ten øre half even is -12.20") << nok << QStringLiteral("-12.25") << qint64(10) << RoundingMode::HalfEven << QStringLiteral("-12.20");
    QTest::newRow("-12.25 to ten øre toward zero is -12.20") << nok << QStringLiteral("-12.25") << qint64(10) << RoundingMode::TowardZero << QStringLiteral("-12.20");
    QTest::newRow("-12.25 to ten øre floor is -12.30") << nok << QStringLiteral("-12.25") << qint64(10) << RoundingMode::Floor << QStringLiteral("-12.30");
    QTest::newRow("-12.25 to ten øre ceiling is -12.20") << nok << QStringLiteral("-12.25") << qint64(10) << RoundingMode::Ceiling << QStringLiteral("-12.20");
    QTest::newRow("12.49 to whole kroner half up is 12.00") << nok << QStringLiteral("12.49") << qint64(100) << RoundingMode::HalfUp << QStringLiteral("12.00");
    QTest::newRow("12.50 to whole kroner half up is 13.00") << nok << QStringLiteral("12.50") << qint64(100) << RoundingMode::HalfUp << QStringLiteral("13.00");
    QTest::newRow("12.50 to whole kroner half even is 12.00") << nok << QStringLiteral("12.50") << qint64(100) << RoundingMode::HalfEven << QStringLiteral("12.00");
    QTest::newRow("13.50 to whole kroner half even is 14.00") << nok << QStringLiteral("13.50") << qint64(100) << RoundingMode::HalfEven << QStringLiteral("14.00");
    QTest::newRow("-0.50 to whole kroner half up is -1.00") << nok << QStringLiteral("-0.50") << qint64(100) << RoundingMode::HalfUp << QStringLiteral("-1.00");
    QTest::newRow("-0.50 to whole kroner half even is 0.00") << nok << QStringLiteral("-0.50") << qint64(100) << RoundingMode::HalfEven << QStringLiteral("0.00");
    QTest::newRow("an increment of one changes nothing") << nok << QStringLiteral("-12.37") << qint64(1) << RoundingMode::Floor << QStringLiteral("-12.37");
}

void tst_Money::roundedTo()
{
    QFETCH(QString, code);
    QFETCH(QString, amount);
    QFETCH(qint64, increment);
    QFETCH(RoundingMode, mode);
    QFETCH(QString, expected);

    const Currency cur = *Currency::fromCode(code);
    const Result<Money> result = Money::parse(amount, cur)->roundedTo(increment, mode);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.message()));
    QCOMPARE(result->toDecimalString(), expected);
}

void tst_Money::roundedToRefusesBadIncrementAndOverflow()
{
    for (const qint64 increment : {qint64(0), qint64(-5)}) {
        const Result<Money> result = money(1232, "CHF").roundedTo(increment, RoundingMode::HalfUp);
        QVERIFY(!result.ok());
        QCOMPARE(result.code(), ErrorCode::InvalidArgument);
    }
    // Rounding the largest amount up to the next 5 leaves the range: an error, not a wrap.
    const Result<Money> up = money(kMax, "CHF").roundedTo(5, RoundingMode::Ceiling);
    QVERIFY(!up.ok());
    QCOMPARE(up.code(), ErrorCode::Overflow);
    const Result<Money> down = money(kMin, "CHF").roundedTo(5, RoundingMode::Floor);
    QVERIFY(!down.ok());
    QCOMPARE(down.code(), ErrorCode::Overflow);
    // Rounding toward zero stays in range.
    const Result<Money> truncated = money(kMax, "CHF").roundedTo(5, RoundingMode::TowardZero);
    QVERIFY(truncated.ok());
    QCOMPARE(truncated->minorUnits(), kMax - kMax % 5);
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
