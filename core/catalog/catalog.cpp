#include "catalog/catalog.h"

#include "ledger/accounts.h"
#include "ledger/journalentry.h"
#include "base/textrules.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace Slate::Core {

namespace {

const QString kColumns = QStringLiteral("p.sku, p.barcode, p.name, p.unit_price, p.tax_code, p.active, p.created_utc, p.updated_utc");

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

bool isAsciiDigits(QStringView text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// Escapes LIKE's wildcards so that a search for "50%" finds the text "50%".
QString likeEscaped(QString text)
{
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
}

} // namespace

namespace ProductRules {

Result<void> checkSku(const QString &sku)
{
    // \z, not $: '$' also matches before a final newline.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}\\z"));
    if (!pattern.match(sku).hasMatch())
        return invalid(QStringLiteral("SKU \"%1\" is not valid; use 1 to 64 letters, digits, '.', '_' or '-'.").arg(sku));
    return {};
}

Result<void> checkBarcode(const QString &barcode)
{
    if (!barcode.isEmpty() && (barcode.size() < 8 || barcode.size() > 14 || !isAsciiDigits(barcode)))
        return invalid(QStringLiteral("Barcode \"%1\" is not valid; give 8 to 14 digits (EAN-8, UPC-A, EAN-13 or GTIN-14), "
                                      "or leave it empty.")
                           .arg(barcode));
    return {};
}

Result<void> checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kProductNameLengthMax || hasControlCharacters(trimmed))
        return invalid(QStringLiteral("Product name \"%1\" is not valid; give 1 to %2 characters on one line.")
                           .arg(name)
                           .arg(kProductNameLengthMax));
    return {};
}

Result<void> checkPrice(const Money &price, const Currency &storeCurrency)
{
    if (!(price.currency() == storeCurrency))
        return invalid(QStringLiteral("Price %1 %2 is not in the store's currency %3.")
                           .arg(price.toDecimalString(), price.currency().code(), storeCurrency.code()));
    if (price.isNegative())
        return invalid(QStringLiteral("Price \"%1\" is negative; a price is 0 or more.").arg(price.toDecimalString()));
    return {};
}

} // namespace ProductRules

Result<void> validateNewProduct(const NewProduct &product, const Currency &storeCurrency)
{
    if (auto ok = ProductRules::checkSku(product.sku); !ok)
        return ok;
    if (auto ok = ProductRules::checkBarcode(product.barcode); !ok)
        return ok;
    if (auto ok = ProductRules::checkName(product.name); !ok)
        return ok;
    if (auto ok = ProductRules::checkPrice(product.price, storeCurrency); !ok)
        return ok;
    if (!Accounts::isValidCode(product.taxCode))
        return invalid(QStringLiteral("Tax code \"%1\" is not valid; use 1 to 32 letters, digits, '.', '_' or '-'.").arg(product.taxCode));
    return {};
}

std::optional<int> basisPointsFromPercent(QStringView percent)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,3})(?:\\.([0-9]{1,2}))?\\z"));
    const QRegularExpressionMatch match = pattern.match(percent.toString());
    if (!match.hasMatch())
        return std::nullopt;
    QString decimals = match.captured(2);
    while (decimals.size() < 2)
        decimals.append(QLatin1Char('0'));
    const int basisPoints = match.captured(1).toInt() * 100 + decimals.toInt();
    if (basisPoints > 10000)
        return std::nullopt;
    return basisPoints;
}

Result<int> taxRateBasisPointsFromPercent(QStringView percent)
{
    const std::optional<int> basisPoints = basisPointsFromPercent(percent);
    if (!basisPoints || *basisPoints > kTaxRateBasisPointsMax)
        return invalid(QStringLiteral("Tax rate \"%1\" is not valid; give a percentage from 0 to 100 with at most "
                                      "two decimals and a '.', e.g. 25 or 12.5.")
                           .arg(percent));
    return *basisPoints;
}

QString taxRatePercentText(int rateBasisPoints)
{
    QString text = QString::number(rateBasisPoints / 100);
    const int fraction = rateBasisPoints % 100;
    if (fraction != 0) {
        text += QLatin1Char('.') + QStringLiteral("%1").arg(fraction, 2, 10, QLatin1Char('0'));
        if (text.endsWith(QLatin1Char('0')))
            text.chop(1);
    }
    return text;
}

Result<TaxCode> ProductCatalog::setTaxCode(const QString &code, int rateBasisPoints, const QString &name)
{
    if (!Accounts::isValidCode(code))
        return invalid(QStringLiteral("Tax code \"%1\" is not valid; use 1 to 32 letters, digits, '.', '_' or '-'.").arg(code));
    if (rateBasisPoints < 0 || rateBasisPoints > kTaxRateBasisPointsMax)
        return invalid(QStringLiteral("Tax rate %1 basis points for %2 is not valid; give 0 to %3 (0 to 100 %).")
                           .arg(rateBasisPoints)
                           .arg(code)
                           .arg(kTaxRateBasisPointsMax));
    const QString trimmed = name.trimmed();
    if (trimmed.size() > kTaxCodeNameLengthMax || hasControlCharacters(trimmed))
        return invalid(QStringLiteral("Tax code name \"%1\" is not valid; give at most %2 characters on one line.")
                           .arg(name)
                           .arg(kTaxCodeNameLengthMax));
    if (auto done = m_database.run(QStringLiteral("INSERT INTO tax_codes (code, rate_bp, name) VALUES (?, ?, ?) "
                                                  "ON CONFLICT (code) DO UPDATE SET rate_bp = excluded.rate_bp, name = excluded.name"),
                                   {code, rateBasisPoints, trimmed}, QStringLiteral("set tax code %1").arg(code));
        !done)
        return done.error();
    return TaxCode{code, rateBasisPoints, trimmed};
}

Result<QList<TaxCode>> ProductCatalog::taxCodes() const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT code, rate_bp, name FROM tax_codes ORDER BY code"), {},
                                             QStringLiteral("list tax codes"));
    if (!query)
        return query.error();
    QList<TaxCode> codes;
    while (query->next())
        codes.append(TaxCode{query->value(0).toString(), query->value(1).toInt(), query->value(2).toString()});
    return codes;
}

Result<TaxCode> ProductCatalog::taxCode(const QString &code) const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT code, rate_bp, name FROM tax_codes WHERE code = ?"), {code},
                                             QStringLiteral("read tax code %1").arg(code));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No tax code \"%1\" exists; add it with slatectl tax set or use one of the store's codes.").arg(code));
    return TaxCode{query->value(0).toString(), query->value(1).toInt(), query->value(2).toString()};
}

Result<Product> ProductCatalog::addProduct(const NewProduct &draft)
{
    if (auto valid = validateNewProduct(draft, m_currency); !valid)
        return valid.error();
    const QString doing = QStringLiteral("add product %1").arg(draft.sku);
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (Result<TaxCode> tax = taxCode(draft.taxCode); !tax)
        return tax.error();
    Result<Query> taken = m_database.run(QStringLiteral("SELECT sku, name FROM products WHERE sku = ? OR barcode = ?"),
                                             {draft.sku, draft.barcode.isEmpty() ? QVariant() : QVariant(draft.barcode)}, doing);
    if (!taken)
        return taken.error();
    if (taken->next()) {
        const QString sku = taken->value(0).toString();
        const QString name = taken->value(1).toString();
        if (sku == draft.sku)
            return makeError(ErrorCode::AlreadyExists, QStringLiteral("SKU %1 already belongs to \"%2\"; use another SKU.").arg(sku, name));
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("Barcode %1 already belongs to %2 \"%3\"; check the barcode.")
                                                       .arg(draft.barcode, sku, name));
    }
    taken->finish();
    const QDateTime now = nowUtc();
    Product product{draft.sku, draft.barcode, draft.name.trimmed(), draft.price, draft.taxCode, true, now, now};
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO products (sku, barcode, name, unit_price, tax_code, active, created_utc, updated_utc) "
                           "VALUES (?, ?, ?, ?, ?, 1, ?, ?)"),
            {product.sku, product.barcode.isEmpty() ? QVariant() : QVariant(product.barcode), product.name,
             product.unitPrice.minorUnits(), product.taxCode, timestampText(now), timestampText(now)},
            doing);
        !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return product;
}

Result<Product> ProductCatalog::updateProduct(const QString &sku, const ProductChanges &changes)
{
    const QString doing = QStringLiteral("change product %1").arg(sku);
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Product> current = bySku(sku);
    if (!current)
        return current.error();
    Product product = *current;
    if (changes.name) {
        if (auto valid = ProductRules::checkName(*changes.name); !valid)
            return valid.error();
        product.name = changes.name->trimmed();
    }
    if (changes.price) {
        if (auto valid = ProductRules::checkPrice(*changes.price, m_currency); !valid)
            return valid.error();
        product.unitPrice = *changes.price;
    }
    if (changes.taxCode) {
        if (Result<TaxCode> tax = taxCode(*changes.taxCode); !tax)
            return tax.error();
        product.taxCode = *changes.taxCode;
    }
    if (changes.barcode) {
        if (auto valid = ProductRules::checkBarcode(*changes.barcode); !valid)
            return valid.error();
        if (!changes.barcode->isEmpty()) {
            Result<Query> taken = m_database.run(
                QStringLiteral("SELECT sku, name FROM products WHERE barcode = ? AND sku <> ?"), {*changes.barcode, sku}, doing);
            if (!taken)
                return taken.error();
            if (taken->next())
                return makeError(ErrorCode::AlreadyExists, QStringLiteral("Barcode %1 already belongs to %2 \"%3\"; check the barcode.")
                                                               .arg(*changes.barcode, taken->value(0).toString(), taken->value(1).toString()));
        }
        product.barcode = *changes.barcode;
    }
    if (changes.active)
        product.active = *changes.active;
    product.updatedUtc = nowUtc();
    if (auto done = m_database.run(
            QStringLiteral("UPDATE products SET name = ?, unit_price = ?, tax_code = ?, barcode = ?, active = ?, updated_utc = ? "
                           "WHERE sku = ?"),
            {product.name, product.unitPrice.minorUnits(), product.taxCode,
             product.barcode.isEmpty() ? QVariant() : QVariant(product.barcode), product.active ? 1 : 0,
             timestampText(product.updatedUtc), sku},
            doing);
        !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return product;
}

Result<QList<Product>> ProductCatalog::select(const QString &where, const QVariantList &values, const QString &doing) const
{
    Result<Query> query =
        m_database.run(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM products p ") + where, values, doing);
    if (!query)
        return query.error();
    QList<Product> products;
    while (query->next()) {
        products.append(Product{query->value(0).toString(), query->isNull(1) ? QString() : query->value(1).toString(),
                                query->value(2).toString(), Money(query->value(3).toLongLong(), m_currency),
                                query->value(4).toString(), query->value(5).toInt() != 0,
                                timestampFromText(query->value(6).toString()), timestampFromText(query->value(7).toString())});
    }
    return products;
}

Result<Product> ProductCatalog::one(const QString &where, const QVariantList &values, const QString &doing,
                                    const QString &missing) const
{
    Result<QList<Product>> found = select(where, values, doing);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, missing);
    return found->first();
}

Result<Product> ProductCatalog::bySku(const QString &sku) const
{
    return one(QStringLiteral("WHERE p.sku = ?"), {sku}, QStringLiteral("find product %1").arg(sku),
               QStringLiteral("No product has SKU %1; check it or search by name.").arg(sku));
}

Result<Product> ProductCatalog::byBarcode(const QString &barcode) const
{
    if (barcode.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("No barcode was given."));
    return one(QStringLiteral("WHERE p.barcode = ?"), {barcode}, QStringLiteral("find barcode %1").arg(barcode),
               QStringLiteral("No product has barcode %1; check it or search by name.").arg(barcode));
}

Result<Product> ProductCatalog::byScannedCode(const QString &code) const
{
    const QString trimmed = code.trimmed();
    if (Result<Product> product = byBarcode(trimmed); product || product.code() != ErrorCode::NotFound)
        return product;
    return one(QStringLiteral("WHERE p.sku = ?"), {trimmed}, QStringLiteral("find product %1").arg(trimmed),
               QStringLiteral("No product has barcode or SKU %1; check it or search by name.").arg(trimmed));
}

Result<QList<Product>> ProductCatalog::search(const QString &text, int resultsMax) const
{
    const int limit = qBound(1, resultsMax, kProductSearchResultsMax);
    const QString doing = QStringLiteral("search products for \"%1\"").arg(text);
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return select(QStringLiteral("ORDER BY p.name COLLATE NOCASE, p.sku LIMIT ?"), {limit}, doing);
    if (words.size() > 8)
        return invalid(QStringLiteral("Search with at most 8 words."));
    // A catalog holds thousands of products, not millions: a LIKE scan is fast enough and finds
    // any part of a word.
    QStringList clauses;
    QVariantList values;
    for (const QString &word : words) {
        clauses.append(QStringLiteral("(p.name LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\' OR p.barcode LIKE ? ESCAPE '\\')"));
        const QString pattern = QLatin1Char('%') + likeEscaped(word) + QLatin1Char('%');
        values << pattern << pattern << pattern;
    }
    const QString exact = text.trimmed();
    values << exact << exact << limit;
    return select(QStringLiteral("WHERE ") + clauses.join(QStringLiteral(" AND "))
                      + QStringLiteral(" ORDER BY (p.sku = ? OR p.barcode IS ?) DESC, p.name COLLATE NOCASE, p.sku LIMIT ?"),
                  values, doing);
}

Result<qint64> ProductCatalog::count() const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT count(*) FROM products"), {}, QStringLiteral("count products"));
    if (!query)
        return query.error();
    query->next();
    return query->value(0).toLongLong();
}

} // namespace Slate::Core
