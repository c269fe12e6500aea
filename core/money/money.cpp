#include "money/money.h"

#include <QStringList>

#include <limits>

namespace Slate::Core {

namespace {

Error overflowError(const QString &what)
{
    return makeError(ErrorCode::Overflow, QStringLiteral("Amount out of range: %1.").arg(what));
}

// Parses digits with an optional fraction into minor units; the caller has removed the sign
// and any locale grouping. `decimalMark` is '.' for the locale-free form.
Result<Money> parseDigits(QStringView original, QStringView body, bool negative, QChar decimalMark,
                          const Currency &currency)
{
    const QString quoted = QLatin1Char('"') + original.toString() + QLatin1Char('"');
    if (body.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is not an amount: no digits.").arg(quoted));
    const qsizetype mark = body.indexOf(decimalMark);
    const QStringView whole = mark < 0 ? body : body.first(mark);
    const QStringView fraction = mark < 0 ? QStringView() : body.sliced(mark + 1);
    if (whole.isEmpty() || (mark >= 0 && fraction.isEmpty()))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is not an amount: write digits on both sides of the decimal mark, e.g. 0.50.")
                             .arg(quoted));
    for (QStringView part : {whole, fraction}) {
        for (QChar c : part) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("%1 is not an amount: unexpected character '%2'; use digits and '%3' only, e.g. %4.")
                                     .arg(quoted, QString(c), QString(decimalMark), QStringLiteral("12") + decimalMark + QStringLiteral("50")));
        }
    }
    if (fraction.size() > currency.exponent()) {
        if (currency.exponent() == 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 has decimals, but %2 has no minor units; write a whole amount.")
                                 .arg(quoted, currency.code()));
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 has %2 decimals, but %3 has %4; round it first.")
                             .arg(quoted)
                             .arg(fraction.size())
                             .arg(currency.code())
                             .arg(currency.exponent()));
    }
    // Accumulate as a negative number so that the int64 minimum is reachable.
    qint64 value = 0;
    auto push = [&value](QChar digit) {
        return !__builtin_mul_overflow(value, qint64(10), &value)
               && !__builtin_sub_overflow(value, qint64(digit.unicode() - u'0'), &value);
    };
    bool fits = true;
    for (QChar c : whole)
        fits = fits && push(c);
    for (QChar c : fraction)
        fits = fits && push(c);
    for (qsizetype i = fraction.size(); i < currency.exponent(); ++i)
        fits = fits && push(QLatin1Char('0'));
    if (!fits || (!negative && value == std::numeric_limits<qint64>::min()))
        return overflowError(quoted);
    return Money(negative ? value : -value, currency);
}

__extension__ typedef __int128 Int128;

bool fitsInt64(Int128 value)
{
    return value >= std::numeric_limits<qint64>::min() && value <= std::numeric_limits<qint64>::max();
}

// numerator / denominator rounded as asked; denominator is not zero. 128 bits hold every
// product of two int64 values, so callers can scale without overflow before dividing.
Int128 roundedQuotient(Int128 numerator, Int128 denominator, RoundingMode mode)
{
    const Int128 quotient = numerator / denominator; // truncated toward zero
    const Int128 remainder = numerator % denominator;
    if (remainder == 0)
        return quotient;
    const bool negative = (numerator < 0) != (denominator < 0);
    const Int128 step = negative ? -1 : 1;
    const Int128 absRemainder = remainder < 0 ? -remainder : remainder;
    const Int128 absDenominator = denominator < 0 ? -denominator : denominator;
    const Int128 otherPart = absDenominator - absRemainder; // distance to the next step
    switch (mode) {
    case RoundingMode::TowardZero: return quotient;
    case RoundingMode::AwayFromZero: return quotient + step;
    case RoundingMode::Floor: return negative ? quotient - 1 : quotient;
    case RoundingMode::Ceiling: return negative ? quotient : quotient + 1;
    case RoundingMode::HalfUp: return absRemainder >= otherPart ? quotient + step : quotient;
    case RoundingMode::HalfEven:
        if (absRemainder != otherPart)
            return absRemainder > otherPart ? quotient + step : quotient;
        return quotient % 2 == 0 ? quotient : quotient + step;
    }
    return quotient;
}

} // namespace

Result<qint64> divideRounded(qint64 numerator, qint64 denominator, RoundingMode mode)
{
    if (denominator == 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Division by zero."));
    const Int128 quotient = roundedQuotient(Int128(numerator), Int128(denominator), mode);
    if (!fitsInt64(quotient))
        return overflowError(QStringLiteral("%1 / %2").arg(numerator).arg(denominator));
    return qint64(quotient);
}

Result<Money> Money::parse(QStringView text, const Currency &currency)
{
    const bool negative = text.startsWith(QLatin1Char('-'));
    return parseDigits(text, negative ? text.sliced(1) : text, negative, QLatin1Char('.'), currency);
}

Result<Money> Money::parseLocalized(QStringView text, const Currency &currency, const QLocale &locale)
{
    QString body = text.trimmed().toString();
    if (body.endsWith(currency.code()))
        body = body.chopped(currency.code().size()).trimmed();
    const QString minus = locale.negativeSign();
    bool negative = false;
    if (body.startsWith(minus) || body.startsWith(QLatin1Char('-'))) {
        negative = true;
        body = body.sliced(body.startsWith(minus) ? minus.size() : 1);
    }
    // Group separators are only allowed in the whole part; a group separator that equals '.'
    // in locales such as de_DE must not be taken for a decimal mark.
    const QString decimal = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    const qsizetype mark = body.indexOf(decimal);
    QString whole = mark < 0 ? body : body.first(mark);
    const QString fraction = mark < 0 ? QString() : body.sliced(mark);
    // No-break spaces (narrow or not) are accepted as grouping in every locale.
    const QChar separator(0x00A0);
    if (!group.isEmpty())
        whole.replace(group, QString(separator));
    whole.replace(QChar(0x202F), separator);
    // A separator must sit between digit groups: three digits after the last one (two or three
    // between earlier ones, for Indian grouping). Otherwise "12,50" typed in en_US, or "12.50"
    // in de_DE, would silently become 1250.
    const QStringList groups = whole.split(separator);
    if (groups.size() > 1) {
        bool wellPlaced = !groups.first().isEmpty() && groups.last().size() == 3;
        for (qsizetype i = 1; i + 1 < groups.size(); ++i)
            wellPlaced = wellPlaced && (groups.at(i).size() == 2 || groups.at(i).size() == 3);
        if (!wellPlaced)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("\"%1\" is not an amount: a group separator is out of place; write e.g. %2.")
                                 .arg(text.toString(), Money(123450, currency).toLocalizedString(locale)));
        whole = groups.join(QString());
    }
    QString normalized = whole + fraction;
    if (decimal != QLatin1String("."))
        normalized.replace(decimal, QStringLiteral("."));
    return parseDigits(text, normalized, negative, QLatin1Char('.'), currency);
}

Result<Money> Money::plausible() const
{
    const Int128 bound = Int128(kTypedAmountMajorMax) * m_currency.minorPerMajor();
    if (Int128(m_minor) > bound || Int128(m_minor) < -bound)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is far beyond any real amount; the most that can be typed is %2.")
                             .arg(toDecimalStringWithCode(), Money(qint64(bound), m_currency).toDecimalStringWithCode()));
    return *this;
}

Result<Money> Money::sameCurrency(const Money &other, const char *operation) const
{
    if (!(m_currency == other.m_currency))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Cannot %1 %2 and %3: different currencies.")
                             .arg(QLatin1String(operation), m_currency.code(), other.m_currency.code()));
    return *this;
}

Result<Money> Money::plus(const Money &other) const
{
    if (auto check = sameCurrency(other, "add"); !check)
        return check.error();
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return overflowError(toDecimalString() + QStringLiteral(" + ") + other.toDecimalString());
    return Money(sum, m_currency);
}

Result<Money> Money::minus(const Money &other) const
{
    if (auto check = sameCurrency(other, "subtract"); !check)
        return check.error();
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference))
        return overflowError(toDecimalString() + QStringLiteral(" - ") + other.toDecimalString());
    return Money(difference, m_currency);
}

Result<Money> Money::negated() const
{
    if (m_minor == std::numeric_limits<qint64>::min())
        return overflowError(QStringLiteral("-(") + toDecimalString() + QLatin1Char(')'));
    return Money(-m_minor, m_currency);
}

Result<Money> Money::times(qint64 factor) const
{
    qint64 product = 0;
    if (__builtin_mul_overflow(m_minor, factor, &product))
        return overflowError(toDecimalString() + QStringLiteral(" x ") + QString::number(factor));
    return Money(product, m_currency);
}

Result<Money> Money::scaled(qint64 numerator, qint64 denominator, RoundingMode mode) const
{
    if (denominator == 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Division by zero."));
    // A 128-bit intermediate: amount * numerator may exceed int64 even when the result fits.
    const Int128 quotient = roundedQuotient(Int128(m_minor) * numerator, Int128(denominator), mode);
    if (!fitsInt64(quotient))
        return overflowError(toDecimalString() + QStringLiteral(" x %1/%2").arg(numerator).arg(denominator));
    return Money(qint64(quotient), m_currency);
}

Result<Money> Money::roundedTo(qint64 incrementMinorUnits, RoundingMode mode) const
{
    if (incrementMinorUnits <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Rounding increment must be positive, not %1.").arg(incrementMinorUnits));
    const Result<qint64> steps = divideRounded(m_minor, incrementMinorUnits, mode);
    if (!steps)
        return steps.error();
    return Money(*steps, m_currency).times(incrementMinorUnits);
}

QString Money::toDecimalString() const
{
    const int exponent = m_currency.exponent();
    // Work on the unsigned magnitude so that the int64 minimum formats correctly.
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    QString digits = QString::number(magnitude);
    if (digits.size() <= exponent)
        digits.prepend(QString(exponent - digits.size() + 1, QLatin1Char('0')));
    if (exponent > 0)
        digits.insert(digits.size() - exponent, QLatin1Char('.'));
    return m_minor < 0 ? QLatin1Char('-') + digits : digits;
}

QString Money::toLocalizedString(const QLocale &locale) const
{
    const int exponent = m_currency.exponent();
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    const quint64 scale = quint64(m_currency.minorPerMajor());
    QString text = locale.toString(qulonglong(magnitude / scale));
    if (exponent > 0) {
        const QString fraction = QString::number(magnitude % scale).rightJustified(exponent, QLatin1Char('0'));
        text += locale.decimalPoint() + fraction;
    }
    if (m_minor < 0)
        text.prepend(locale.negativeSign());
    return text + QChar(0x00A0) + m_currency.code();
}

} // namespace Slate::Core
