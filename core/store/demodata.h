#pragma once
// Demo data for a first run and for the README's demo: a handful of customers with the kinds
// of wallets a shop sees (topped up by cash, card and bank, corrected by a manager, empty), and
// a small grocery and kiosk catalog.
// Everything goes through the real services, so the demo journal verifies like any other.

#include "store/store.h"

namespace Slate::Core::DemoData {

struct DemoUser {
    QString name;
    Role role;
    QString pin; // shown in the README and on the login screen's first run; change them for real use
};

// The demo's users: a cashier, a manager (who can authorise overrides up to 2000.00) and an admin.
QList<DemoUser> users();

// Adds the demo users, customers 1001-1020 in every credit state a till meets (wallets, an
// overdraft in use, account customers fine, near the limit and with an overdue invoice, a
// blocked one), their top-ups, sales and an invoice, tax codes (STD, FOOD, ZERO) and about 40
// grocery and kiosk products to an empty store. `today` dates the overdue invoice.
Result<void> populate(Store &store, const QString &userName, const QDate &today = QDate::currentDate());

} // namespace Slate::Core::DemoData
