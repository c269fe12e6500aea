#pragma once
// The product catalog: tax codes with their rates and the products a till sells. A product is
// found by what a scanner reads (its barcode, or its SKU on a shelf label) or by a search over
// name, SKU and barcode. Prices are minor units of the store's currency, as the store lists
// them (tax-inclusive or exclusive is a store setting, not a property of the product).

#include "storage/database.h"
#include "money/money.h"
#include "money/pricing.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Slate::Core {

struct Product {
    QString sku;
    QString barcode; // empty: none
    QString name;
    Money unitPrice;
    QString taxCode;
    bool active = true;
    QDateTime createdUtc;
    QDateTime updatedUtc;
};

struct NewProduct {
    QString sku;
    QString barcode; // empty: none
    QString name;
    Money price;
    QString taxCode;
};

// What to change on a product; fields left empty stay as they are. Sales already made keep the
// name, price and tax they were sold with.
struct ProductChanges {
    std::optional<QString> name;
    std::optional<Money> price;
    std::optional<QString> taxCode;
    std::optional<QString> barcode; // an empty string removes the barcode
    std::optional<bool> active;     // an inactive product cannot be sold, but stays for refunds and reports
};

constexpr qsizetype kProductNameLengthMax = 200;
constexpr qsizetype kTaxCodeNameLengthMax = 100;
constexpr int kProductSearchResultsMax = 200;

// The rules for each field of a product; each message names the field and the value.
namespace ProductRules {
Result<void> checkSku(const QString &sku);         // [A-Za-z0-9._-]{1,64}
Result<void> checkBarcode(const QString &barcode); // empty, or 8 to 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14)
Result<void> checkName(const QString &name);       // 1 to 200 characters after trimming, no control characters
Result<void> checkPrice(const Money &price, const Currency &storeCurrency); // >= 0, in the store's currency
} // namespace ProductRules

// Checks every field of a new product that can be checked without the database.
Result<void> validateNewProduct(const NewProduct &product, const Currency &storeCurrency);

// "25" -> 2500, "12.5" -> 1250, "0.25" -> 25: a percentage as typed by a person (locale-free,
// at most two decimals, 0 to 100) in basis points, exactly.
Result<int> taxRateBasisPointsFromPercent(QStringView percent);
// The same for any percentage from 0 to 100 (a discount); nothing when it is not one.
std::optional<int> basisPointsFromPercent(QStringView percent);
// 2500 -> "25", 1250 -> "12.5", 25 -> "0.25".
QString taxRatePercentText(int rateBasisPoints);

class ProductCatalog {
public:
    ProductCatalog(Database &database, Currency currency) : m_database(database), m_currency(std::move(currency)) {}

    // Adds a tax code or changes the rate and name of an existing one.
    Result<TaxCode> setTaxCode(const QString &code, int rateBasisPoints, const QString &name);
    Result<QList<TaxCode>> taxCodes() const;
    Result<TaxCode> taxCode(const QString &code) const;

    // Adds a product; refuses (naming the field and value) a bad field, an unknown tax code,
    // and a SKU or barcode that another product has.
    Result<Product> addProduct(const NewProduct &product);
    // Reprices, renames, re-codes or (de)activates a product; refuses a bad field, an unknown
    // tax code and a barcode that another product has, changing nothing.
    Result<Product> updateProduct(const QString &sku, const ProductChanges &changes);
    Result<Product> bySku(const QString &sku) const;
    Result<Product> byBarcode(const QString &barcode) const;
    // What a scanner or a cashier typed: a barcode first, else a SKU.
    Result<Product> byScannedCode(const QString &code) const;
    // Products whose name, SKU or barcode contains every word of the text (case-insensitive),
    // an exact SKU or barcode first, then by name. Empty text lists all.
    Result<QList<Product>> search(const QString &text, int resultsMax = 50) const;
    Result<qint64> count() const;

    const Currency &currency() const { return m_currency; }

private:
    Result<QList<Product>> select(const QString &where, const QVariantList &values, const QString &doing) const;
    Result<Product> one(const QString &where, const QVariantList &values, const QString &doing, const QString &missing) const;

    Database &m_database;
    Currency m_currency;
};

} // namespace Slate::Core
