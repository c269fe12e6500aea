#pragma once
// Who this database belongs to: the store, its bookkeeping currency and this till's terminal id.
// Written once by `init` and read by every service; the terminal id names the hash chain that
// this database appends to.

#include "money/currency.h"
#include "base/result.h"

#include <QString>

namespace Slate::Core {

class Database;

struct StoreIdentity {
    QString storeCode;
    Currency currency;
    QString terminalId;
};

namespace StoreSettings {

// Validates the codes and records them; refuses a database that already has an identity.
Result<void> initialize(Database &database, const StoreIdentity &identity);
Result<StoreIdentity> load(const Database &database);

} // namespace StoreSettings
} // namespace Slate::Core
