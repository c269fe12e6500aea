#pragma once
// A store's checkout settings, kept in the settings table: whether listed prices include tax,
// the cash rounding increment (the smallest coin), whether a customer's credit limit is shared
// by all stores or used per store, the PIN lockout policy, and the bounds that keep a till from
// letting money slip (top-ups per role, the largest wallet, discounts per role, whether a manager
// may authorise their own transaction). Every value is validated on the way in and on the way
// out, so a damaged row is reported, not used.

#include "money/currency.h"
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
    // Top-ups: a cashier may add at most topUpMaxCashier in one top-up and topUpMaxCashierDay in
    // one day at this till (top-ups voided since do not count); beyond either a manager's PIN
    // authorises the difference. Managers and admins have no bound of their own besides the
    // wallet maximum (their override maximum bounds what they authorise for a cashier). No
    // top-up, adjustment or refund to credit takes a wallet above walletMax, whoever makes it.
    // The defaults here are for a currency with two decimals; defaultsFor() scales them.
    qint64 topUpMaxCashierMinorUnits = 5000'00;
    qint64 topUpMaxCashierDayMinorUnits = 20000'00;
    qint64 walletMaxMinorUnits = 50000'00;
    // A cashier's largest line discount, in basis points of the line (2000 = 20 %); more needs a
    // manager's PIN. Managers and admins may give any discount up to the whole line.
    int discountMaxCashierBasisPoints = 2000;
    // Whether a manager may authorise an override, a discount or a void on a transaction they
    // ring up themselves (the four-eyes rule is the default).
    bool selfAuthorise = false;
    // Whether a cashier may run the day end (float, cash in and out, X and Z reports) alone;
    // otherwise it takes a manager or an admin (checkout/dayend.h).
    bool dayEndByCashier = false;

    // The defaults of a new store in this currency: the bounds above are 5,000, 20,000 and
    // 50,000 in its major unit (5,000.00 NOK, 5,000 JPY, 5,000.000 KWD).
    static CheckoutSettings defaultsFor(const Currency &currency);

    AuthPolicy authPolicy() const { return AuthPolicy{pinFailuresMax, pinLockoutSeconds, kPinIterationsDefault}; }
};

constexpr qint64 kCashRoundingMinorUnitsMax = 100000;
constexpr int kPinFailuresMin = 3;
constexpr int kPinFailuresMax = 10;
constexpr int kPinLockoutSecondsMin = 30;
constexpr int kPinLockoutSecondsMax = 86400;
constexpr int kOfflineAfterMinutesMax = 7 * 24 * 60;
constexpr qint64 kOfflineCapMinorUnitsMax = 1'000'000'000'000;
constexpr qint64 kMoneyBoundMinorUnitsMax = 1'000'000'000'000; // every bound above, at most
constexpr qint64 kTopUpMaxCashierMajorDefault = 5000;
constexpr qint64 kTopUpMaxCashierDayMajorDefault = 20000;
constexpr qint64 kWalletMaxMajorDefault = 50000;
constexpr int kDiscountBasisPointsMax = 10000;

Result<void> validateCheckoutSettings(const CheckoutSettings &settings);

namespace StoreSettings {

// Missing keys take the defaults above (a new or older database).
Result<CheckoutSettings> loadCheckout(const Database &database);
Result<void> saveCheckout(Database &database, const CheckoutSettings &settings);

} // namespace StoreSettings
} // namespace Slate::Core
