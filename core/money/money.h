#pragma once
// Money: an exact amount in integer minor units of one currency. No floating point anywhere,
// no implicit conversions; arithmetic is checked and reports overflow instead of wrapping.
// Text forms: a locale-free decimal ("12.50", "-3", "0.050" for KWD) for files, the CLI and
// the network, and QLocale formatting for people.

#include "money/currency.h"
#include "base/result.h"

#include <QLocale>
#include <QString>

namespace Slate::Core {

enum class RoundingMode {
    HalfUp,     // half away from zero: 0.5 -> 1, -0.5 -> -1
    HalfEven,   // banker's rounding: 0.5 -> 0, 1.5 -> 2
    TowardZero, // truncate
    AwayFromZero,
    Floor,
    Ceiling,
};

// The largest amount a person may type for one sale, tender or top-up: 10,000,000,000 in the
// currency's major unit. Far beyond any real sale, far inside int64, so that a slip of the
// finger (or a 20-digit paste) is refused with a message instead of being carried into a sum.
constexpr qint64 kTypedAmountMajorMax = 10'000'000'000;
constexpr int kTypedAmountLengthMax = 24; // characters of such an amount with grouping and decimals

// Divides exactly-represented integers and rounds the quotient as asked. Fails on a zero
// denominator; never overflows because the quotient is no larger than the numerator.
Result<qint64> divideRounded(qint64 numerator, qint64 denominator, RoundingMode mode);

class Money {
public:
    Money(qint64 minorUnits, Currency currency) : m_minor(minorUnits), m_currency(std::move(currency)) {}
    // Zero in no currency, so that Money can be a member of plain structs and containers.
    // Adding it to or comparing it with an amount in a real currency fails as a currency mismatch.
    Money() : m_currency() {}
    static Money zero(const Currency &currency) { return Money(0, currency); }

    // Parses the locale-free decimal form: optional '-', digits, optionally '.' and at most
    // the currency's exponent digits. Rejects exponents, commas, spaces, '+', NaN, empty text,
    // too many decimals and anything outside the int64 range of minor units.
    static Result<Money> parse(QStringView text, const Currency &currency);
    // Parses what a person typed in the given locale ("12,50" in nb_NO, "1 234,50"),
    // with the same strictness about decimals and range.
    static Result<Money> parseLocalized(QStringView text, const Currency &currency, const QLocale &locale);
    // Whether a typed amount is within kTypedAmountMajorMax either way (InvalidArgument if not).
    Result<Money> plausible() const;

    qint64 minorUnits() const { return m_minor; }
    const Currency &currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }
    bool isPositive() const { return m_minor > 0; }

    Result<Money> plus(const Money &other) const;
    Result<Money> minus(const Money &other) const;
    Result<Money> negated() const;
    Result<Money> times(qint64 factor) const;
    // this * numerator / denominator, rounded; e.g. a tax share in basis points.
    Result<Money> scaled(qint64 numerator, qint64 denominator, RoundingMode mode) const;
    // Rounds to a multiple of incrementMinorUnits (cash rounding to the smallest coin).
    Result<Money> roundedTo(qint64 incrementMinorUnits, RoundingMode mode) const;

    // "12.50", "-3.00", "5" (JPY), "0.050" (KWD): always all of the currency's digits.
    QString toDecimalString() const;
    // "12.50 NOK": the decimal form followed by the currency code (messages, the CLI, journals).
    QString toDecimalStringWithCode() const { return toDecimalString() + QLatin1Char(' ') + m_currency.code(); }
    // For people: locale digits, group separators and decimal mark, followed by the code.
    QString toLocalizedString(const QLocale &locale) const;

    friend bool operator==(const Money &a, const Money &b)
    {
        return a.m_minor == b.m_minor && a.m_currency == b.m_currency;
    }

private:
    Result<Money> sameCurrency(const Money &other, const char *operation) const;

    qint64 m_minor = 0;
    Currency m_currency;
};

} // namespace Slate::Core
