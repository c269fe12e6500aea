#pragma once
// Demo data for a first run and for the README's demo: a handful of customers with the kinds
// of wallets a shop sees (topped up by cash, card and bank, corrected by a manager, empty).
// Everything goes through the real services, so the demo journal verifies like any other.

#include "store.h"

namespace Slate::Core::DemoData {

// Adds the demo customers (cards 1001…) and their credit history to an empty store.
Result<void> populate(Store &store, const QString &userName);

} // namespace Slate::Core::DemoData
