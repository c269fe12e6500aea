#include "storage/masterrowimages.h"

#include "money/money.h"

#include <cmath>

namespace Slate::Core::MasterRowImages {

namespace {
// The earlier form's bound: amounts were JSON numbers, exact up to 2^53.
constexpr double kExactIntegerMax = double(qint64(1) << 53);
} // namespace

QStringList amountFields(const QString &kind, const QString &key)
{
    if (kind == QLatin1String("customer-terms"))
        return {QStringLiteral("creditLimit"), QStringLiteral("overdraftLimit")};
    if (kind == QLatin1String("user"))
        return {QStringLiteral("overrideMax")};
    if (kind == QLatin1String("product"))
        return {QStringLiteral("unitPrice")};
    if (kind == QLatin1String("setting") && (key == QLatin1String("cash_rounding_minor") || key == QLatin1String("offline_cap_minor")))
        return {QStringLiteral("value")};
    return {};
}

bool carriesAmounts(const QString &kind, const QString &key) { return !amountFields(kind, key).isEmpty(); }

QJsonObject withDecimalAmounts(const QString &kind, const QString &key, const QJsonObject &rowImage, const Currency &currency)
{
    const QString currencyField = QStringLiteral("currency");
    const QStringList fields = amountFields(kind, key);
    if (fields.isEmpty() || rowImage.isEmpty() || rowImage.contains(currencyField))
        return rowImage;
    QJsonObject record = rowImage;
    for (const QString &field : fields) {
        const QJsonValue value = rowImage.value(field);
        std::optional<qint64> minorUnits;
        const double number = value.toDouble();
        if (value.isDouble() && std::trunc(number) == number && std::abs(number) <= kExactIntegerMax)
            minorUnits = qint64(number);
        bool digits = false;
        const qint64 parsed = value.toString().toLongLong(&digits);
        if (value.isString() && digits && QString::number(parsed) == value.toString())
            minorUnits = parsed; // a setting's value
        if (minorUnits)
            record.insert(field, Money(*minorUnits, currency).toDecimalString());
    }
    record.insert(currencyField, currency.code());
    return record;
}

} // namespace Slate::Core::MasterRowImages
