#pragma once
// A till for UI tests: a fresh store with a small catalog, a cashier and a manager (fast PIN
// hashing; PBKDF2's strength is tested in core), customers in the credit states the tests need,
// and a Session with a clock the test can move.

#include "session.h"
#include "teststore.h"

#include <QApplication>
#include <QTest>

namespace Slate::Test {

constexpr int kFastPinIterations = 1000;
inline const QString kCashier = QStringLiteral("till.anna");
inline const QString kCashierPin = QStringLiteral("1234");
inline const QString kManager = QStringLiteral("till.marit");
inline const QString kManagerPin = QStringLiteral("9876");
// Products: 50.00 and 30.00 with 25 % tax included, barcodes a scanner would send.
inline const QString kCoffeeBarcode = QStringLiteral("7000000000017");
inline const QString kTeaBarcode = QStringLiteral("7000000000024");

class TillFixture {
public:
    TillFixture()
        : session(*store, QLocale(QLocale::English, QLocale::UnitedKingdom), [this] { return now; })
    {
        now = QDateTime::currentDateTimeUtc();
        store->users().setPolicy(Core::AuthPolicy{5, 300, kFastPinIterations});
        must(store->catalog().setTaxCode(QStringLiteral("STD"), 2500, QStringLiteral("Standard")));
        must(store->catalog().addProduct({QStringLiteral("COFFEE"), kCoffeeBarcode, QStringLiteral("Coffee beans"), money("50.00"), QStringLiteral("STD")}));
        must(store->catalog().addProduct({QStringLiteral("TEA"), kTeaBarcode, QStringLiteral("Green tea"), money("30.00"), QStringLiteral("STD")}));
        must(store->catalog().addProduct({QStringLiteral("TEA-CUP"), QString(), QStringLiteral("Tea cup"), money("80.00"), QStringLiteral("STD")}));
        must(store->users().add(kCashier, Core::Role::Cashier, kCashierPin));
        must(store->users().add(kManager, Core::Role::Manager, kManagerPin));
        session.setUser(must(store->users().byName(kCashier)));
    }

    // A customer with a wallet topped up by cash and the given terms.
    Core::Customer customer(const QString &card, const QString &name, const QString &wallet, const Core::CreditTerms &terms = {})
    {
        Core::Customer added = must(store->customers().add(Core::NewCustomer{card, name, QString(), QString()}));
        if (!wallet.isEmpty())
            must(store->credit().topUp(added, money(wallet), Core::PaymentJournal::Cash, QString(), QStringLiteral("fixture")));
        return must(store->customers().setTerms(added.id, terms));
    }

    Core::Money money(const char *text) const { return store.money(QString::fromLatin1(text)); }
    Core::Money money(const QString &text) const { return store.money(text); }
    Core::Money wallet(const Core::Customer &customer) { return must(store->credit().wallet(customer.id)); }
    bool verifies() { return store->journal().verify().ok(); }

    template <typename T>
    static T must(Core::Result<T> result)
    {
        if (!result)
            qFatal("fixture: %s", qPrintable(result.message()));
        return std::move(result).value();
    }
    static void must(Core::Result<void> result)
    {
        if (!result)
            qFatal("fixture: %s", qPrintable(result.message()));
    }

    TestStore store;
    QDateTime now;
    Ui::Session session;
};

// Dialogs close with deleteLater; let them go before looking for the next one.
inline void settle()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

// The one open (visible) child dialog of this type, or nullptr.
template <typename Dialog>
Dialog *openDialog(QObject *parent)
{
    settle();
    for (Dialog *dialog : parent->findChildren<Dialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace Slate::Test
