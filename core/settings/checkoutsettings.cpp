#include "settings/checkoutsettings.h"

#include "storage/database.h"

#include <QDir>
#include <QHash>

namespace Slate::Core {

namespace {

const QString kPriceMode = QStringLiteral("price_mode");
const QString kCashRounding = QStringLiteral("cash_rounding_minor");
const QString kLimitScope = QStringLiteral("limit_scope");
const QString kPinFailures = QStringLiteral("pin_failures_max");
const QString kPinLockout = QStringLiteral("pin_lockout_seconds");
const QString kOfflineAfter = QStringLiteral("offline_after_minutes");
const QString kOfflineCap = QStringLiteral("offline_cap_minor");

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

} // namespace

QString limitScopeName(LimitScope scope)
{
    return scope == LimitScope::Shared ? QStringLiteral("shared") : QStringLiteral("per-store");
}

std::optional<LimitScope> limitScopeFromName(QStringView name)
{
    if (name == u"shared")
        return LimitScope::Shared;
    if (name == u"per-store")
        return LimitScope::PerStore;
    return std::nullopt;
}

QString priceModeName(PriceMode mode)
{
    return mode == PriceMode::TaxInclusive ? QStringLiteral("inclusive") : QStringLiteral("exclusive");
}

std::optional<PriceMode> priceModeFromName(QStringView name)
{
    if (name == u"inclusive")
        return PriceMode::TaxInclusive;
    if (name == u"exclusive")
        return PriceMode::TaxExclusive;
    return std::nullopt;
}

Result<void> validateCheckoutSettings(const CheckoutSettings &settings)
{
    if (settings.cashRoundingMinorUnits < 1 || settings.cashRoundingMinorUnits > kCashRoundingMinorUnitsMax)
        return invalid(QStringLiteral("The cash rounding increment must be from 1 to %1 minor units, not %2.")
                           .arg(kCashRoundingMinorUnitsMax)
                           .arg(settings.cashRoundingMinorUnits));
    if (settings.pinFailuresMax < kPinFailuresMin || settings.pinFailuresMax > kPinFailuresMax)
        return invalid(QStringLiteral("Wrong PINs before a lockout must be from %1 to %2, not %3.")
                           .arg(kPinFailuresMin)
                           .arg(kPinFailuresMax)
                           .arg(settings.pinFailuresMax));
    if (settings.pinLockoutSeconds < kPinLockoutSecondsMin || settings.pinLockoutSeconds > kPinLockoutSecondsMax)
        return invalid(QStringLiteral("A lockout must last from %1 seconds to 24 hours, not %2 seconds.")
                           .arg(kPinLockoutSecondsMin)
                           .arg(settings.pinLockoutSeconds));
    if (settings.offlineAfterMinutes < 0 || settings.offlineAfterMinutes > kOfflineAfterMinutesMax)
        return invalid(QStringLiteral("The offline limit must be from 0 (off) to %1 minutes (a week), not %2.")
                           .arg(kOfflineAfterMinutesMax)
                           .arg(settings.offlineAfterMinutes));
    if (settings.offlineCapMinorUnits < 0 || settings.offlineCapMinorUnits > kOfflineCapMinorUnitsMax)
        return invalid(QStringLiteral("The offline cap must be from 0 to %1 minor units, not %2.")
                           .arg(kOfflineCapMinorUnitsMax)
                           .arg(settings.offlineCapMinorUnits));
    return {};
}

namespace StoreSettings {

Result<CheckoutSettings> loadCheckout(const Database &database)
{
    Result<Query> query = database.run(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?, ?, ?)"),
                                           {kPriceMode, kCashRounding, kLimitScope, kPinFailures, kPinLockout,
                                            kOfflineAfter, kOfflineCap},
                                           QStringLiteral("read the checkout settings"));
    if (!query)
        return query.error();
    QHash<QString, QString> values;
    while (query->next())
        values.insert(query->value(0).toString(), query->value(1).toString());
    CheckoutSettings settings;
    bool ok = true;
    auto number = [&](const QString &key, auto fallback) {
        if (!values.contains(key))
            return fallback;
        bool parsed = false;
        const qint64 value = values.value(key).toLongLong(&parsed);
        ok = ok && parsed;
        return decltype(fallback)(value);
    };
    if (values.contains(kPriceMode)) {
        const std::optional<PriceMode> mode = priceModeFromName(values.value(kPriceMode));
        ok = ok && mode.has_value();
        settings.priceMode = mode.value_or(settings.priceMode);
    }
    if (values.contains(kLimitScope)) {
        const std::optional<LimitScope> scope = limitScopeFromName(values.value(kLimitScope));
        ok = ok && scope.has_value();
        settings.limitScope = scope.value_or(settings.limitScope);
    }
    settings.cashRoundingMinorUnits = number(kCashRounding, settings.cashRoundingMinorUnits);
    settings.pinFailuresMax = number(kPinFailures, settings.pinFailuresMax);
    settings.pinLockoutSeconds = number(kPinLockout, settings.pinLockoutSeconds);
    settings.offlineAfterMinutes = number(kOfflineAfter, settings.offlineAfterMinutes);
    settings.offlineCapMinorUnits = number(kOfflineCap, settings.offlineCapMinorUnits);
    if (!ok || !validateCheckoutSettings(settings))
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("The checkout settings in %1 are damaged; set them again with \"slatectl settings set\".")
                             .arg(QDir::toNativeSeparators(database.path())));
    return settings;
}

Result<void> saveCheckout(Database &database, const CheckoutSettings &settings)
{
    if (auto valid = validateCheckoutSettings(settings); !valid)
        return valid;
    Transaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    const QList<std::pair<QString, QString>> rows{
        {kPriceMode, priceModeName(settings.priceMode)},
        {kCashRounding, QString::number(settings.cashRoundingMinorUnits)},
        {kLimitScope, limitScopeName(settings.limitScope)},
        {kPinFailures, QString::number(settings.pinFailuresMax)},
        {kPinLockout, QString::number(settings.pinLockoutSeconds)},
        {kOfflineAfter, QString::number(settings.offlineAfterMinutes)},
        {kOfflineCap, QString::number(settings.offlineCapMinorUnits)},
    };
    for (const auto &[key, value] : rows) {
        if (auto done = database.run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                     {key, value}, QStringLiteral("save the checkout settings"));
            !done)
            return done.error();
    }
    return transaction.commit();
}

} // namespace StoreSettings
} // namespace Slate::Core
