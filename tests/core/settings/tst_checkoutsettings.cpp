// Checkout settings: defaults, a round trip through the settings table, refusal of bad values,
// and a damaged row reported instead of used.

#include "settings/checkoutsettings.h"
#include "teststore.h"

#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

class tst_CheckoutSettings : public QObject {
    Q_OBJECT
private slots:
    void aNewStoreHasTheDefaults()
    {
        TestStore store;
        const Result<CheckoutSettings> settings = StoreSettings::loadCheckout(store->database());
        QVERIFY(settings.ok());
        QCOMPARE(settings->priceMode, PriceMode::TaxInclusive);
        QCOMPARE(settings->cashRoundingMinorUnits, 1);
        QCOMPARE(settings->limitScope, LimitScope::Shared);
        QCOMPARE(settings->pinFailuresMax, 5);
        QCOMPARE(settings->pinLockoutSeconds, 300);
    }

    void savedSettingsSurviveReopen()
    {
        TestStore store;
        const CheckoutSettings wanted{PriceMode::TaxExclusive, 5, LimitScope::PerStore, 3, 900};
        QVERIFY(StoreSettings::saveCheckout(store->database(), wanted).ok());
        QVERIFY(store.reopen());
        const Result<CheckoutSettings> read = StoreSettings::loadCheckout(store->database());
        QVERIFY(read.ok());
        QCOMPARE(read->priceMode, PriceMode::TaxExclusive);
        QCOMPARE(read->cashRoundingMinorUnits, 5);
        QCOMPARE(read->limitScope, LimitScope::PerStore);
        QCOMPARE(read->pinFailuresMax, 3);
        QCOMPARE(read->pinLockoutSeconds, 900);
        QCOMPARE(read->authPolicy().failuresMax, 3);
        QCOMPARE(read->offlineAfterMinutes, 0);
        CheckoutSettings offline = wanted;
        offline.offlineAfterMinutes = 90;
        offline.offlineCapMinorUnits = 25000;
        QVERIFY(StoreSettings::saveCheckout(store->database(), offline).ok());
        QCOMPARE(StoreSettings::loadCheckout(store->database())->offlineAfterMinutes, 90);
        QCOMPARE(StoreSettings::loadCheckout(store->database())->offlineCapMinorUnits, 25000);
        offline.offlineAfterMinutes = kOfflineAfterMinutesMax + 1;
        QVERIFY(!StoreSettings::saveCheckout(store->database(), offline).ok());
        offline.offlineAfterMinutes = 90;
        offline.offlineCapMinorUnits = -1;
        QVERIFY(!StoreSettings::saveCheckout(store->database(), offline).ok());
        QCOMPARE(StoreSettings::loadCheckout(store->database())->offlineCapMinorUnits, 25000);
        // Saving again replaces, never duplicates.
        QVERIFY(StoreSettings::saveCheckout(store->database(), CheckoutSettings{}).ok());
        QCOMPARE(StoreSettings::loadCheckout(store->database())->cashRoundingMinorUnits, 1);
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<qint64>("rounding");
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("lockout");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a zero rounding increment") << qint64(0) << 5 << 300 << "rounding";
        QTest::newRow("a negative rounding increment") << qint64(-5) << 5 << 300 << "rounding";
        QTest::newRow("a rounding increment above the maximum") << kCashRoundingMinorUnitsMax + 1 << 5 << 300 << "rounding";
        QTest::newRow("two wrong PINs are too few") << qint64(1) << 2 << 300 << "Wrong PINs";
        QTest::newRow("eleven wrong PINs are too many") << qint64(1) << 11 << 300 << "Wrong PINs";
        QTest::newRow("a lockout shorter than 30 seconds") << qint64(1) << 5 << 29 << "lockout";
        QTest::newRow("a lockout longer than a day") << qint64(1) << 5 << 86401 << "lockout";
    }

    void badValuesAreRefused()
    {
        QFETCH(qint64, rounding);
        QFETCH(int, failures);
        QFETCH(int, lockout);
        QFETCH(QString, messagePart);
        TestStore store;
        const Result<void> saved =
            StoreSettings::saveCheckout(store->database(), CheckoutSettings{PriceMode::TaxExclusive, rounding, LimitScope::PerStore, failures, lockout});
        QVERIFY(!saved.ok());
        QCOMPARE(saved.code(), ErrorCode::InvalidArgument);
        QVERIFY2(saved.message().contains(messagePart), qPrintable(saved.message()));
        // Nothing of the refused settings was written.
        QCOMPARE(StoreSettings::loadCheckout(store->database())->priceMode, PriceMode::TaxInclusive);
    }

    void aDamagedRowIsReported_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("an unknown price mode") << "price_mode" << "sometimes";
        QTest::newRow("an unknown limit scope") << "limit_scope" << "galactic";
        QTest::newRow("a rounding that is not a number") << "cash_rounding_minor" << "five";
        QTest::newRow("a rounding out of range") << "cash_rounding_minor" << "0";
        QTest::newRow("a lockout out of range") << "pin_lockout_seconds" << "1";
        QTest::newRow("an offline limit that is not a number") << "offline_after_minutes" << "soon";
        QTest::newRow("a negative offline cap") << "offline_cap_minor" << "-100";
    }

    void aDamagedRowIsReported()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        TestStore store;
        QVERIFY(store->database().run("INSERT INTO settings (key, value) VALUES (?, ?)", {key, value}, "test").ok());
        const Result<CheckoutSettings> read = StoreSettings::loadCheckout(store->database());
        QVERIFY(!read.ok());
        QCOMPARE(read.code(), ErrorCode::Corrupt);
        QVERIFY2(read.message().contains(store.path()), qPrintable(read.message()));
    }

    void theStoreAppliesThePinPolicy()
    {
        TestStore store;
        QVERIFY(store->users().add("mona", Role::Manager, "2468").ok());
        CheckoutSettings settings = store->checkoutSettings();
        settings.pinFailuresMax = 3;
        QVERIFY(store->setCheckoutSettings(settings).ok());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(store->users().authenticate("mona", "0000", "login").code(), ErrorCode::AuthenticationFailed);
        QCOMPARE(store->users().authenticate("mona", "2468", "login").code(), ErrorCode::AccountLocked);
        // A reopened store reads the policy back.
        QVERIFY(store.reopen());
        QCOMPARE(store->checkoutSettings().pinFailuresMax, 3);
        settings.pinFailuresMax = 1;
        QCOMPARE(store->setCheckoutSettings(settings).code(), ErrorCode::InvalidArgument);
        QCOMPARE(store->checkoutSettings().pinFailuresMax, 3);
    }

    void namesRoundTrip()
    {
        for (LimitScope scope : {LimitScope::Shared, LimitScope::PerStore})
            QCOMPARE(limitScopeFromName(limitScopeName(scope)), scope);
        for (PriceMode mode : {PriceMode::TaxInclusive, PriceMode::TaxExclusive})
            QCOMPARE(priceModeFromName(priceModeName(mode)), mode);
        QVERIFY(!limitScopeFromName(u"Shared").has_value());
        QVERIFY(!priceModeFromName(u"").has_value());
    }
};

QTEST_GUILESS_MAIN(tst_CheckoutSettings)
#include "tst_checkoutsettings.moc"
