#include "storage/masterrowimages.h"

#include "base/jsonnumbers.h"
#include "money/money.h"

namespace Slate::Core::MasterRowImages {

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
        std::optional<qint64> minorUnits = jsonInteger(value);
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
