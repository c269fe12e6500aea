#include "money/kid.h"

namespace Slate::Core::Kid {

namespace {

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

std::optional<int> checkDigit(QStringView digits)
{
    if (digits.isEmpty() || !allDigits(digits))
        return std::nullopt;
    int sum = 0;
    int weight = 2; // the digit next to the check digit is doubled
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const int product = (digits.at(i).unicode() - u'0') * weight;
        sum += product / 10 + product % 10;
        weight = weight == 2 ? 1 : 2;
    }
    return (10 - sum % 10) % 10;
}

bool isValid(QStringView kid)
{
    if (kid.size() < kKidLengthMin || kid.size() > kKidLengthMax || !allDigits(kid))
        return false;
    const std::optional<int> expected = checkDigit(kid.first(kid.size() - 1));
    return expected && *expected == kid.last().unicode() - u'0';
}

Result<QString> make(QStringView customerDigits, QStringView invoiceDigits)
{
    const std::pair<QStringView, int> parts[] = {{customerDigits, kKidCustomerDigits}, {invoiceDigits, kKidInvoiceDigits}};
    for (const auto &[part, width] : parts) {
        if (part.isEmpty() || !allDigits(part) || part.size() > width)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("A KID part must be 1 to %1 digits, not \"%2\".").arg(width).arg(part.left(40)));
    }
    const QString payload = customerDigits.toString().rightJustified(kKidCustomerDigits, QLatin1Char('0'))
                            + invoiceDigits.toString().rightJustified(kKidInvoiceDigits, QLatin1Char('0'));
    return QString(payload + QChar(u'0' + *checkDigit(payload)));
}

QString digitsOf(QStringView text)
{
    QString digits;
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits += c;
    }
    return digits;
}

} // namespace Slate::Core::Kid
