#pragma once
// Store: one open Slate database with its services wired together. The desktop app, slatectl,
// the benchmarks and the tests all open a database through this, so every caller gets the same
// services over the same connection.

#include "billing/accountdocuments.h"
#include "catalog/catalog.h"
#include "checkout/cashdrawer.h"
#include "checkout/checkout.h"
#include "checkout/dayend.h"
#include "checkout/topups.h"
#include "checkout/voids.h"
#include "settings/checkoutsettings.h"
#include "customers/customer.h"
#include "storage/database.h"
#include "ledger/journal.h"
#include "ledger/journalexport.h"
#include "customers/receivables.h"
#include "customers/storecredit.h"
#include "ledger/storeidentity.h"
#include "people/users.h"

#include <functional>
#include <memory>

namespace Slate::Core {

class Store {
public:
    // Opens an initialised database (migrating it if it is older).
    static Result<std::unique_ptr<Store>> open(const QString &path, const OpenOptions &options = {});
    // Fills a newly created store (e.g. with demo data); a failure undoes the creation.
    using Populate = std::function<Result<void>(Store &)>;
    // Creates a new database file with this identity; refuses an existing one. If the identity
    // or populate fails, no database file is left behind.
    static Result<std::unique_ptr<Store>> create(const QString &path, const StoreIdentity &identity,
                                                 const Populate &populate = {});

    const StoreIdentity &identity() const { return m_journal.identity(); }
    Database &database() { return *m_database; }
    Journal &journal() { return m_journal; }
    const Journal &journal() const { return m_journal; }
    CustomerDirectory &customers() { return m_customers; }
    const CustomerDirectory &customers() const { return m_customers; }
    StoreCreditService &credit() { return m_credit; }
    const StoreCreditService &credit() const { return m_credit; }
    UserDirectory &users() { return m_users; }
    const CheckoutSettings &checkoutSettings() const { return m_settings; }
    // Validates, saves and applies new checkout settings (the PIN policy takes effect at once).
    Result<void> setCheckoutSettings(const CheckoutSettings &settings);
    ProductCatalog &catalog() { return m_catalog; }
    const ProductCatalog &catalog() const { return m_catalog; }
    JournalExport exporter() const;
    // What an invoice or a statement says (billing/accountdocuments.h).
    AccountDocuments accountDocuments() const { return AccountDocuments(*m_database, m_journal, m_customers, m_receivables, m_checkout); }
    Result<ShopDetails> shopDetails() const { return StoreSettings::loadShopDetails(*m_database); }
    Result<void> setShopDetails(const ShopDetails &details) { return StoreSettings::saveShopDetails(*m_database, details); }
    ReceivablesService &receivables() { return m_receivables; }
    const ReceivablesService &receivables() const { return m_receivables; }
    CheckoutService &checkout() { return m_checkout; }
    const CheckoutService &checkout() const { return m_checkout; }
    TopUpService &topUps() { return m_topUps; }
    VoidService &voids() { return m_voids; }
    CashDrawerService &drawer() { return m_drawer; }
    DayEndService &dayEnd() { return m_dayEnd; }

    // The services hold references to each other: a Store stays where it was made.
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

private:
    Store(std::unique_ptr<Database> database, StoreIdentity identity, CheckoutSettings settings);

    std::unique_ptr<Database> m_database;
    Journal m_journal;
    CheckoutSettings m_settings; // before the services that hold a reference to it
    CustomerDirectory m_customers;
    StoreCreditService m_credit;
    UserDirectory m_users;
    ProductCatalog m_catalog;
    ReceivablesService m_receivables;
    CheckoutService m_checkout;
    TopUpService m_topUps;
    VoidService m_voids;
    CashDrawerService m_drawer;
    DayEndService m_dayEnd;
};

} // namespace Slate::Core
