// The product catalog: tax codes, products with validation that writes nothing, lookups by what a
// scanner reads, and search by any part of name, SKU or barcode.

#include "teststore.h"

#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

namespace {

void addTaxCodes(TestStore &store)
{
    QVERIFY(store->catalog().setTaxCode("STD", 2500, "Standard").ok());
    QVERIFY(store->catalog().setTaxCode("FOOD", 1500, "Food").ok());
}

QStringList skus(const QList<Product> &products)
{
    QStringList result;
    for (const Product &product : products)
        result.append(product.sku);
    return result;
}

qint64 scalar(TestStore &store, const QString &sql)
{
    auto query = store->database().run(sql, {}, "test");
    if (!query || !query->next())
        qFatal("query failed: %s", qPrintable(sql));
    return query->value(0).toLongLong();
}

} // namespace

class tst_Catalog : public QObject {
    Q_OBJECT
private slots:
    void setTaxCode_data();
    void setTaxCode();
    void setTaxCodeChangesAnExistingCode();
    void percentToBasisPoints_data();
    void percentToBasisPoints();
    void addProduct_data();
    void addProduct();
    void duplicatesRefused_data();
    void duplicatesRefused();
    void productsWithoutBarcodeStoreNull();
    void otherCurrencyRefused();
    void lookups();
    void updateProduct();
    void search_data();
    void search();
    void resultsMaxRespected();
};

void tst_Catalog::setTaxCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("rate");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("messagePart"); // empty: accepted
    QTest::addRow("a standard rate of 25 %% is stored") << "STD" << 2500 << "Standard" << "";
    QTest::addRow("a zero rate is stored") << "ZERO" << 0 << "" << "";
    QTest::addRow("a rate of exactly 100 %% is stored") << "ALL" << 10000 << "Everything" << "";
    QTest::addRow("a negative rate is refused") << "NEG" << -1 << "" << "-1";
    QTest::addRow("a rate over 100 %% is refused") << "BIG" << 10001 << "" << "10001";
    QTest::addRow("an empty code is refused") << "" << 2500 << "" << "Tax code \"\"";
    QTest::addRow("a code with a colon is refused") << "S:TD" << 2500 << "" << "S:TD";
    QTest::addRow("a code with a space is refused") << "S TD" << 2500 << "" << "S TD";
    QTest::addRow("a name with a line break is refused") << "STD" << 2500 << "Two\nlines" << "Two\nlines";
}

void tst_Catalog::setTaxCode()
{
    QFETCH(QString, code);
    QFETCH(int, rate);
    QFETCH(QString, name);
    QFETCH(QString, messagePart);
    TestStore store;
    QVERIFY(store.ok());
    const Result<TaxCode> set = store->catalog().setTaxCode(code, rate, name);
    if (messagePart.isEmpty()) {
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.message()));
        const Result<TaxCode> read = store->catalog().taxCode(code);
        QVERIFY(read.ok());
        QCOMPARE(read->rateBasisPoints, rate);
        QCOMPARE(read->name, name);
        QCOMPARE(store->catalog().taxCodes()->size(), 1);
    } else {
        QVERIFY(!set.ok());
        QCOMPARE(set.code(), ErrorCode::InvalidArgument);
        QVERIFY2(set.message().contains(messagePart), qPrintable(set.message()));
        QCOMPARE(store->catalog().taxCodes()->size(), 0);
    }
}

void tst_Catalog::setTaxCodeChangesAnExistingCode()
{
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->catalog().setTaxCode("FOOD", 1500, "Food").ok());
    QVERIFY(store->catalog().setTaxCode("FOOD", 1400, "Food (new rate)").ok());
    const Result<QList<TaxCode>> codes = store->catalog().taxCodes();
    QCOMPARE(codes->size(), 1);
    QCOMPARE(codes->first().rateBasisPoints, 1400);
    QCOMPARE(codes->first().name, QString("Food (new rate)"));
    const Result<TaxCode> missing = store->catalog().taxCode("NOPE");
    QCOMPARE(missing.code(), ErrorCode::NotFound);
    QVERIFY(missing.message().contains("NOPE"));
}

void tst_Catalog::percentToBasisPoints_data()
{
    QTest::addColumn<QString>("percent");
    QTest::addColumn<int>("basisPoints"); // -1: refused
    QTest::addRow("25 is 2500 basis points") << "25" << 2500;
    QTest::addRow("12.5 is 1250 basis points") << "12.5" << 1250;
    QTest::addRow("12.50 is 1250 basis points") << "12.50" << 1250;
    QTest::addRow("0.25 is 25 basis points") << "0.25" << 25;
    QTest::addRow("0 is zero") << "0" << 0;
    QTest::addRow("100 is the maximum") << "100" << 10000;
    QTest::addRow("100.00 is the maximum") << "100.00" << 10000;
    QTest::addRow("three decimals are refused") << "12.555" << -1;
    QTest::addRow("100.01 is refused") << "100.01" << -1;
    QTest::addRow("101 is refused") << "101" << -1;
    QTest::addRow("a negative rate is refused") << "-5" << -1;
    QTest::addRow("a decimal comma is refused") << "12,5" << -1;
    QTest::addRow("empty text is refused") << "" << -1;
    QTest::addRow("a percent sign is refused") << "25%" << -1;
    QTest::addRow("an exponent is refused") << "1e1" << -1;
    QTest::addRow("a trailing dot is refused") << "25." << -1;
    QTest::addRow("a trailing line break is refused") << "25\n" << -1;
}

void tst_Catalog::percentToBasisPoints()
{
    QFETCH(QString, percent);
    QFETCH(int, basisPoints);
    const Result<int> converted = taxRateBasisPointsFromPercent(percent);
    if (basisPoints < 0) {
        QVERIFY(!converted.ok());
        QVERIFY2(converted.message().contains('"' + percent + '"'), qPrintable(converted.message()));
        return;
    }
    QVERIFY2(converted.ok(), qPrintable(converted.ok() ? QString() : converted.message()));
    QCOMPARE(*converted, basisPoints);
    QCOMPARE(taxRateBasisPointsFromPercent(taxRatePercentText(basisPoints)).ok() ? *taxRateBasisPointsFromPercent(taxRatePercentText(basisPoints)) : -1,
             basisPoints);
}

void tst_Catalog::addProduct_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("barcode");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("taxCode");
    QTest::addColumn<int>("error"); // -1: accepted
    QTest::addColumn<QString>("messagePart");
    const int ok = -1;
    const int invalid = int(ErrorCode::InvalidArgument);
    QTest::addRow("a product with an EAN-13 barcode is added") << "MILK-1L" << "7038010069307" << "Milk 1 l" << "24.90" << "FOOD" << ok << "";
    QTest::addRow("a product without a barcode is added") << "BAG" << "" << "Carrier bag" << "2.00" << "STD" << ok << "";
    QTest::addRow("an 8-digit barcode is accepted") << "GUM" << "12345670" << "Chewing gum" << "9.90" << "STD" << ok << "";
    QTest::addRow("a 14-digit barcode is accepted") << "CASE" << "10012345678902" << "Case of 12" << "120" << "STD" << ok << "";
    QTest::addRow("a free product is accepted") << "SAMPLE" << "" << "Sample" << "0" << "STD" << ok << "";
    QTest::addRow("a SKU with dots and underscores is accepted") << "a.b_c-9" << "" << "Odd SKU" << "1.00" << "STD" << ok << "";
    QTest::addRow("an empty SKU is refused") << "" << "" << "No SKU" << "1.00" << "STD" << invalid << "SKU \"\"";
    QTest::addRow("a SKU with a space is refused") << "MI LK" << "" << "Milk" << "1.00" << "STD" << invalid << "MI LK";
    QTest::addRow("a SKU with a slash is refused") << "A/B" << "" << "Milk" << "1.00" << "STD" << invalid << "A/B";
    QTest::addRow("a SKU of 65 characters is refused") << QString(65, 'A') << "" << "Long" << "1.00" << "STD" << invalid << QString(65, 'A');
    QTest::addRow("a SKU ending in a line break is refused") << "MILK\n" << "" << "Milk" << "1.00" << "STD" << invalid << "SKU";
    QTest::addRow("a 7-digit barcode is refused") << "X1" << "1234567" << "Thing" << "1.00" << "STD" << invalid << "1234567";
    QTest::addRow("a 15-digit barcode is refused") << "X1" << "123456789012345" << "Thing" << "1.00" << "STD" << invalid << "123456789012345";
    QTest::addRow("a barcode with letters is refused") << "X1" << "70380100693AB" << "Thing" << "1.00" << "STD" << invalid << "70380100693AB";
    QTest::addRow("an empty name is refused") << "X1" << "" << "" << "1.00" << "STD" << invalid << "Product name \"\"";
    QTest::addRow("a name of spaces is refused") << "X1" << "" << "   " << "1.00" << "STD" << invalid << "Product name";
    QTest::addRow("a name of 201 characters is refused") << "X1" << "" << QString(201, 'n') << "1.00" << "STD" << invalid << "Product name";
    QTest::addRow("a name with a tab is refused") << "X1" << "" << "Milk\tfull" << "1.00" << "STD" << invalid << "Milk\tfull";
    QTest::addRow("a negative price is refused") << "X1" << "" << "Thing" << "-1.00" << "STD" << invalid << "-1.00";
    QTest::addRow("an unknown tax code is refused") << "X1" << "" << "Thing" << "1.00" << "LUX" << int(ErrorCode::NotFound) << "LUX";
    QTest::addRow("a malformed tax code is refused") << "X1" << "" << "Thing" << "1.00" << "S:TD" << invalid << "S:TD";
}

void tst_Catalog::addProduct()
{
    QFETCH(QString, sku);
    QFETCH(QString, barcode);
    QFETCH(QString, name);
    QFETCH(QString, price);
    QFETCH(QString, taxCode);
    QFETCH(int, error);
    QFETCH(QString, messagePart);
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    const Result<Product> added = store->catalog().addProduct(NewProduct{sku, barcode, name, store.money(price), taxCode});
    if (error < 0) {
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.message()));
        QCOMPARE(*store->catalog().count(), qint64(1));
        const Result<Product> read = store->catalog().bySku(sku);
        QVERIFY(read.ok());
        QCOMPARE(read->barcode, barcode);
        QCOMPARE(read->name, name.trimmed());
        QCOMPARE(read->unitPrice, store.money(price));
        QCOMPARE(read->taxCode, taxCode);
        QVERIFY(read->active);
        QVERIFY(read->createdUtc.isValid());
    } else {
        QVERIFY(!added.ok());
        QCOMPARE(int(added.code()), error);
        QVERIFY2(added.message().contains(messagePart), qPrintable(added.message()));
        QCOMPARE(*store->catalog().count(), qint64(0));
    }
}

void tst_Catalog::duplicatesRefused_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("barcode");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("a taken SKU is refused, naming the product that has it") << "MILK-1L" << "" << "Whole milk";
    QTest::addRow("a taken barcode is refused, naming the product that has it") << "MILK-2" << "7038010069307" << "MILK-1L";
    QTest::addRow("a taken SKU with a new barcode is refused") << "MILK-1L" << "7038010000003" << "MILK-1L";
}

void tst_Catalog::duplicatesRefused()
{
    QFETCH(QString, sku);
    QFETCH(QString, barcode);
    QFETCH(QString, messagePart);
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    QVERIFY(store->catalog().addProduct(NewProduct{"MILK-1L", "7038010069307", "Whole milk", store.money("24.90"), "FOOD"}).ok());
    const Result<Product> again = store->catalog().addProduct(NewProduct{sku, barcode, "Other", store.money("1.00"), "STD"});
    QVERIFY(!again.ok());
    QCOMPARE(again.code(), ErrorCode::AlreadyExists);
    QVERIFY2(again.message().contains(messagePart), qPrintable(again.message()));
    QCOMPARE(*store->catalog().count(), qint64(1));
}

void tst_Catalog::productsWithoutBarcodeStoreNull()
{
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    QVERIFY(store->catalog().addProduct(NewProduct{"BAG-S", "", "Small bag", store.money("1.00"), "STD"}).ok());
    QVERIFY(store->catalog().addProduct(NewProduct{"BAG-L", "", "Large bag", store.money("2.00"), "STD"}).ok());
    QCOMPARE(scalar(store, "SELECT count(*) FROM products WHERE barcode IS NULL"), qint64(2));
    QCOMPARE(store->catalog().bySku("BAG-S")->barcode, QString());
    QCOMPARE(store->catalog().byBarcode("").code(), ErrorCode::NotFound);
}

void tst_Catalog::otherCurrencyRefused()
{
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    const Result<Product> added = store->catalog().addProduct(NewProduct{"X1", "", "Thing", Money(100, *Currency::fromCode(u"EUR")), "STD"});
    QVERIFY(!added.ok());
    QVERIFY2(added.message().contains("EUR") && added.message().contains("NOK"), qPrintable(added.message()));
    QCOMPARE(*store->catalog().count(), qint64(0));
}

void tst_Catalog::lookups()
{
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    QVERIFY(store->catalog().addProduct(NewProduct{"MILK-1L", "7038010069307", "Whole milk", store.money("24.90"), "FOOD"}).ok());
    // A SKU made of digits that is another product's barcode: the barcode wins for a scanner.
    QVERIFY(store->catalog().addProduct(NewProduct{"7038010069307", "", "Confusing SKU", store.money("1.00"), "STD"}).ok());
    QVERIFY(store->catalog().addProduct(NewProduct{"BREAD", "", "Bread", store.money("30.00"), "FOOD"}).ok());

    QCOMPARE(store->catalog().byBarcode("7038010069307")->sku, QString("MILK-1L"));
    QCOMPARE(store->catalog().bySku("BREAD")->name, QString("Bread"));
    QCOMPARE(store->catalog().byScannedCode("7038010069307")->sku, QString("MILK-1L"));
    QCOMPARE(store->catalog().byScannedCode(" BREAD ")->sku, QString("BREAD"));
    const Result<Product> missing = store->catalog().byScannedCode("0000000000000");
    QCOMPARE(missing.code(), ErrorCode::NotFound);
    QVERIFY(missing.message().contains("0000000000000"));
    QCOMPARE(store->catalog().bySku("bread").code(), ErrorCode::NotFound); // SKUs are exact
    QCOMPARE(*store->catalog().count(), qint64(3));
}

void tst_Catalog::updateProduct()
{
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    ProductCatalog &catalog = store->catalog();
    QVERIFY(catalog.addProduct(NewProduct{"MILK-1L", "7038010069307", "Whole milk", store.money("24.90"), "FOOD"}).ok());
    QVERIFY(catalog.addProduct(NewProduct{"BREAD", "7038010000010", "Bread", store.money("30.00"), "FOOD"}).ok());

    ProductChanges reprice;
    reprice.price = store.money("26.50");
    reprice.name = QStringLiteral("  Whole milk 1 l ");
    const Result<Product> repriced = catalog.updateProduct("MILK-1L", reprice);
    QVERIFY(repriced.ok());
    QCOMPARE(repriced->unitPrice, store.money("26.50"));
    QCOMPARE(catalog.bySku("MILK-1L")->name, QString("Whole milk 1 l"));
    QCOMPARE(catalog.bySku("MILK-1L")->barcode, QString("7038010069307")); // untouched

    // Refusals change nothing.
    const struct {
        const char *what;
        ProductChanges changes;
        ErrorCode code;
    } refusals[] = {
        {"another product's barcode", ProductChanges{std::nullopt, std::nullopt, std::nullopt, QString("7038010000010"), std::nullopt},
         ErrorCode::AlreadyExists},
        {"an unknown tax code", ProductChanges{std::nullopt, store.money("1"), QString("LUX"), std::nullopt, std::nullopt}, ErrorCode::NotFound},
        {"a negative price", ProductChanges{std::nullopt, store.money("-1"), std::nullopt, std::nullopt, std::nullopt},
         ErrorCode::InvalidArgument},
        {"an empty name", ProductChanges{QString("  "), std::nullopt, std::nullopt, std::nullopt, std::nullopt}, ErrorCode::InvalidArgument},
        {"a short barcode", ProductChanges{std::nullopt, std::nullopt, std::nullopt, QString("123"), std::nullopt},
         ErrorCode::InvalidArgument},
    };
    for (const auto &refusal : refusals) {
        const Result<Product> refused = catalog.updateProduct("MILK-1L", refusal.changes);
        QVERIFY2(!refused.ok(), refusal.what);
        QCOMPARE(refused.code(), refusal.code);
        const Product unchanged = *catalog.bySku("MILK-1L");
        QCOMPARE(unchanged.unitPrice, store.money("26.50"));
        QCOMPARE(unchanged.taxCode, QString("FOOD"));
        QCOMPARE(unchanged.barcode, QString("7038010069307"));
    }
    QCOMPARE(catalog.updateProduct("NOPE", reprice).code(), ErrorCode::NotFound);

    // Removing the barcode frees it; deactivating keeps the product for lookups.
    ProductChanges retire;
    retire.barcode = QString();
    retire.active = false;
    QVERIFY(catalog.updateProduct("MILK-1L", retire).ok());
    QCOMPARE(catalog.byBarcode("7038010069307").code(), ErrorCode::NotFound);
    QCOMPARE(catalog.bySku("MILK-1L")->active, false);
    QCOMPARE(scalar(store, "SELECT count(*) FROM products WHERE barcode IS NULL"), qint64(1));
}

void tst_Catalog::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // in order
    QTest::addRow("a word inside names finds them by name order") << "milk" << QStringList{"MILK-LIGHT", "CHOC", "MILK-1L"};
    QTest::addRow("the search ignores case") << "MILK" << QStringList{"MILK-LIGHT", "CHOC", "MILK-1L"};
    QTest::addRow("every word must match") << "milk whole" << QStringList{"MILK-1L"};
    QTest::addRow("part of a barcode finds the product") << "0069307" << QStringList{"MILK-1L"};
    QTest::addRow("part of a SKU finds the product") << "choc" << QStringList{"CHOC"};
    QTest::addRow("an exact SKU is listed first") << "BREAD" << QStringList{"BREAD", "BREAD-RYE"};
    QTest::addRow("a percent sign is a plain character") << "50%" << QStringList{"SALE"};
    QTest::addRow("an underscore is a plain character") << "a_b" << QStringList{"A_B"};
    QTest::addRow("a quote is a plain character") << "O'Neil" << QStringList{"A_B"};
    QTest::addRow("nothing matching finds nothing") << "caviar" << QStringList{};
    QTest::addRow("empty text lists all by name") << "  " << QStringList{"BREAD", "MILK-LIGHT", "CHOC", "A_B", "BREAD-RYE", "SALE", "MILK-1L"};
}

void tst_Catalog::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    const NewProduct products[] = {
        {"MILK-1L", "7038010069307", "Whole milk", store.money("24.90"), "FOOD"},
        {"MILK-LIGHT", "7038010069314", "Light milk", store.money("23.90"), "FOOD"},
        {"CHOC", "", "Milk chocolate", store.money("42.00"), "FOOD"},
        {"BREAD", "", "Bread", store.money("30.00"), "FOOD"},
        {"BREAD-RYE", "", "Rye bread", store.money("35.00"), "FOOD"},
        {"SALE", "", "Sale 50% off", store.money("5.00"), "STD"},
        {"A_B", "", "O'Neil's a_b crisps", store.money("25.00"), "FOOD"},
    };
    for (const NewProduct &product : products)
        QVERIFY(store->catalog().addProduct(product).ok());
    const Result<QList<Product>> found = store->catalog().search(text);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.message()));
    QCOMPARE(skus(*found), expected);
}

void tst_Catalog::resultsMaxRespected()
{
    TestStore store;
    QVERIFY(store.ok());
    addTaxCodes(store);
    for (int i = 0; i < 30; ++i)
        QVERIFY(store->catalog().addProduct(NewProduct{QString("P%1").arg(i), "", QString("Product %1").arg(i), store.money("1.00"), "STD"}).ok());
    QCOMPARE(store->catalog().search("product", 10)->size(), 10);
    QCOMPARE(store->catalog().search("", 0)->size(), 1); // bounded below too
    QCOMPARE(store->catalog().search("a b c d e f g h i").code(), ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(tst_Catalog)
#include "tst_catalog.moc"
