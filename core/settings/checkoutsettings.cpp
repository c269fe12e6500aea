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
const QString kTopUpMaxCashier = QStringLiteral("topup_max_cashier_minor");
const QString kTopUpMaxCashierDay = QStringLiteral("topup_max_cashier_day_minor");
const QString kWalletMax = QStringLiteral("wallet_max_minor");
const QString kDiscountMaxCashier = QStringLiteral("discount_max_cashier_bp");
const QString kSelfAuthorise = QStringLiteral("self_authorise");
const QString kDayEndCashier = QStringLiteral("day_end_cashier");
const QString kCurrency = QStringLiteral("currency");

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

CheckoutSettings CheckoutSettings::defaultsFor(const Currency &currency)
{
    CheckoutSettings settings;
    const qint64 major = currency.minorPerMajor();
    settings.topUpMaxCashierMinorUnits = kTopUpMaxCashierMajorDefault * major;
    settings.topUpMaxCashierDayMinorUnits = kTopUpMaxCashierDayMajorDefault * major;
    settings.walletMaxMinorUnits = kWalletMaxMajorDefault * major;
    return settings;
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
    const std::pair<qint64, const char *> bounds[] = {
        {settings.topUpMaxCashierMinorUnits, "A cashier's maximum top-up"},
        {settings.topUpMaxCashierDayMinorUnits, "A cashier's maximum top-ups per day"},
    };
    for (const auto &[value, what] : bounds) {
        if (value < 0 || value > kMoneyBoundMinorUnitsMax)
            return invalid(QStringLiteral("%1 must be from 0 to %2 minor units, not %3.")
                               .arg(QLatin1String(what))
                               .arg(kMoneyBoundMinorUnitsMax)
                               .arg(value));
    }
    if (settings.walletMaxMinorUnits < 1 || settings.walletMaxMinorUnits > kMoneyBoundMinorUnitsMax)
        return invalid(QStringLiteral("The maximum wallet must be from 1 to %1 minor units, not %2.")
                           .arg(kMoneyBoundMinorUnitsMax)
                           .arg(settings.walletMaxMinorUnits));
    if (settings.discountMaxCashierBasisPoints < 0 || settings.discountMaxCashierBasisPoints > kDiscountBasisPointsMax)
        return invalid(QStringLiteral("A cashier's maximum discount must be from 0 to 100 %, not %1 basis points.")
                           .arg(settings.discountMaxCashierBasisPoints));
    return {};
}

namespace StoreSettings {

Result<CheckoutSettings> loadCheckout(const Database &database)
{
    Result<Query> query = database.run(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                           {kPriceMode, kCashRounding, kLimitScope, kPinFailures, kPinLockout,
                                            kOfflineAfter, kOfflineCap, kTopUpMaxCashier, kTopUpMaxCashierDay, kWalletMax,
                                            kDiscountMaxCashier, kSelfAuthorise, kCurrency, kDayEndCashier},
                                           QStringLiteral("read the checkout settings"));
    if (!query)
        return query.error();
    QHash<QString, QString> values;
    while (query->next())
        values.insert(query->value(0).toString(), query->value(1).toString());
    // A store that never saved its bounds has its currency's defaults.
    const std::optional<Currency> currency = Currency::fromCode(values.value(kCurrency));
    CheckoutSettings settings = currency ? CheckoutSettings::defaultsFor(*currency) : CheckoutSettings{};
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
    settings.topUpMaxCashierMinorUnits = number(kTopUpMaxCashier, settings.topUpMaxCashierMinorUnits);
    settings.topUpMaxCashierDayMinorUnits = number(kTopUpMaxCashierDay, settings.topUpMaxCashierDayMinorUnits);
    settings.walletMaxMinorUnits = number(kWalletMax, settings.walletMaxMinorUnits);
    settings.discountMaxCashierBasisPoints = number(kDiscountMaxCashier, settings.discountMaxCashierBasisPoints);
    if (values.contains(kSelfAuthorise)) {
        const QString value = values.value(kSelfAuthorise);
        ok = ok && (value == u"0" || value == u"1");
        settings.selfAuthorise = value == u"1";
    }
    if (values.contains(kDayEndCashier)) {
        const QString value = values.value(kDayEndCashier);
        ok = ok && (value == u"0" || value == u"1");
        settings.dayEndByCashier = value == u"1";
    }
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
        {kTopUpMaxCashier, QString::number(settings.topUpMaxCashierMinorUnits)},
        {kTopUpMaxCashierDay, QString::number(settings.topUpMaxCashierDayMinorUnits)},
        {kWalletMax, QString::number(settings.walletMaxMinorUnits)},
        {kDiscountMaxCashier, QString::number(settings.discountMaxCashierBasisPoints)},
        {kSelfAuthorise, settings.selfAuthorise ? QStringLiteral("1") : QStringLiteral("0")},
        {kDayEndCashier, settings.dayEndByCashier ? QStringLiteral("1") : QStringLiteral("0")},
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
