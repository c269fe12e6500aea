#pragma once
// Demo data for a first run and for the README's demo: a handful of customers with the kinds
// of wallets a shop sees (topped up by cash, card and bank, corrected by a manager, empty), and
// a small grocery and kiosk catalog.
// Everything goes through the real services, so the demo journal verifies like any other.

#include "store.h"

namespace Slate::Core::DemoData {

// Adds the demo customers (cards 1001…), their credit history, tax codes (STD, FOOD, ZERO) and
// about 40 grocery and kiosk products to an empty store.
Result<void> populate(Store &store, const QString &userName);

} // namespace Slate::Core::DemoData
