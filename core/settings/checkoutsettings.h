#pragma once
// A store's checkout settings, kept in the settings table: whether listed prices include tax,
// the cash rounding increment (the smallest coin), whether a customer's credit limit is shared
// by all stores or used per store, and the PIN lockout policy. Every value is validated on the
// way in and on the way out, so a damaged row is reported, not used.

#include "money/pricing.h"
#include "base/result.h"
#include "people/users.h"

namespace Slate::Core {

class Database;

enum class LimitScope {
    Shared,   // one limit across all stores: usage anywhere reduces what is available everywhere
    PerStore, // the limit applies in each store to that store's own usage
};

QString limitScopeName(LimitScope scope); // "shared" | "per-store"
std::optional<LimitScope> limitScopeFromName(QStringView name);
QString priceModeName(PriceMode mode);    // "inclusive" | "exclusive"
std::optional<PriceMode> priceModeFromName(QStringView name);

struct CheckoutSettings {
    PriceMode priceMode = PriceMode::TaxInclusive;
    qint64 cashRoundingMinorUnits = 1; // 1 = no rounding; 5 = CHF 0.05; 100 = NOK 1
    LimitScope limitScope = LimitScope::Shared;
    int pinFailuresMax = 5;
    int pinLockoutSeconds = 300;
    // Offline risk: when this till is enrolled with a sync server but has not synced for longer
    // than this, store credit and account tenders are capped per customer at offlineCap (what
    // the customer used at this till since the server last confirmed its journal counts against
    // it); more needs a manager override. 0 minutes: no cap.
    int offlineAfterMinutes = 0;
    qint64 offlineCapMinorUnits = 0;

    AuthPolicy authPolicy() const { return AuthPolicy{pinFailuresMax, pinLockoutSeconds, kPinIterationsDefault}; }
};

constexpr qint64 kCashRoundingMinorUnitsMax = 100000;
constexpr int kPinFailuresMin = 3;
constexpr int kPinFailuresMax = 10;
constexpr int kPinLockoutSecondsMin = 30;
constexpr int kPinLockoutSecondsMax = 86400;
constexpr int kOfflineAfterMinutesMax = 7 * 24 * 60;
constexpr qint64 kOfflineCapMinorUnitsMax = 1'000'000'000'000;

Result<void> validateCheckoutSettings(const CheckoutSettings &settings);

namespace StoreSettings {

// Missing keys take the defaults above (a new or older database).
Result<CheckoutSettings> loadCheckout(const Database &database);
Result<void> saveCheckout(Database &database, const CheckoutSettings &settings);

} // namespace StoreSettings
} // namespace Slate::Core
