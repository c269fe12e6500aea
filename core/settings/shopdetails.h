#pragma once
// What the shop prints on its invoices and statements: its name, postal address, organisation
// number, VAT number and the bank account customers pay into. Kept in the settings table beside
// the checkout settings; these belong to this store (an address, an account) and do not travel
// with the chain-wide settings. Every value is checked on the way in and on the way out.

#include "base/result.h"

#include <QString>

namespace Slate::Core {

class Database;

struct ShopDetails {
    QString name;
    QString address;            // may span lines
    QString organisationNumber; // e.g. "923 609 016"
    QString vatNumber;          // e.g. "NO 923 609 016 MVA"
    QString bankAccount;        // e.g. "1503.12.34567", or an IBAN

    bool isEmpty() const { return name.isEmpty() && address.isEmpty() && organisationNumber.isEmpty() && vatNumber.isEmpty() && bankAccount.isEmpty(); }
};

constexpr qsizetype kShopNameLengthMax = 100;
constexpr qsizetype kShopAddressLengthMax = 300;
constexpr qsizetype kShopNumberLengthMax = 40; // organisation, VAT and account numbers

// Refuses text over its bound and control characters (a line break only in the address).
Result<void> validateShopDetails(const ShopDetails &details);

namespace StoreSettings {

// Missing keys are empty (a store that never set them).
Result<ShopDetails> loadShopDetails(const Database &database);
Result<void> saveShopDetails(Database &database, const ShopDetails &details);

} // namespace StoreSettings
} // namespace Slate::Core
