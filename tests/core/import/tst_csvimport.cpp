// CSV: the RFC 4180 reader (quotes, line breaks inside quotes, CRLF, BOM, bounds) and the product
// and customer imports: columns by header name, every bad line reported with line, column and
// value, nothing written when the import is refused, good lines kept with --skip-bad.

#include "import/csvimport.h"
#include "teststore.h"

#include <QBuffer>
#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

Q_DECLARE_METATYPE(Slate::Core::ImportMode)

namespace {

using Records = QList<QStringList>;

struct ReadAll {
    Records records;
    QList<qint64> lines;
    QStringList problems;
    QString error;
};

ReadAll readAll(const QByteArray &bytes, CsvLimits limits = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, limits);
    ReadAll result;
    for (int guard = 0; guard < 1000; ++guard) {
        Result<std::optional<CsvRecord>> record = reader.next();
        if (!record) {
            result.error = record.message();
            break;
        }
        if (!record->has_value())
            break;
        result.records.append((*record)->fields);
        result.lines.append((*record)->line);
        result.problems.append((*record)->problem);
    }
    return result;
}

Result<ImportReport> importProductText(TestStore &store, const QByteArray &csv, ImportMode mode, CsvLimits limits = {})
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return importProducts(store->database(), store->catalog(), buffer, mode, limits);
}

Result<ImportReport> importCustomerText(TestStore &store, const QByteArray &csv, ImportMode mode)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return importCustomers(store->database(), store->customers(), store->identity().currency, buffer, mode);
}

// A catalog with tax codes and one product, so that "already in the database" can be tested.
void prepareCatalog(TestStore &store)
{
    QVERIFY(store->catalog().setTaxCode("STD", 2500, "Standard").ok());
    QVERIFY(store->catalog().setTaxCode("FOOD", 1500, "Food").ok());
    QVERIFY(store->catalog().addProduct(NewProduct{"OLD-1", "7038010000010", "Existing product", store.money("10.00"), "STD"}).ok());
}

QString problemsText(const ImportReport &report)
{
    QStringList lines;
    for (const ImportProblem &problem : report.skipped)
        lines.append(problem.toText());
    return lines.join('\n');
}

QList<qint64> problemLines(const ImportReport &report)
{
    QList<qint64> lines;
    for (const ImportProblem &problem : report.skipped)
        lines.append(problem.line);
    return lines;
}

} // namespace

class tst_CsvImport : public QObject {
    Q_OBJECT
private slots:
    void reader_data();
    void reader();
    void readerRefuses_data();
    void readerRefuses();
    void importProducts_data();
    void importProducts();
    void badFileImportsNothing_data();
    void badFileImportsNothing();
    void problemsListAreBounded();
    void productValuesAreStoredAsWritten();
    void importCustomers_data();
    void importCustomers();
    void customerTermsAreStored();
};

void tst_CsvImport::reader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Records>("records");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QString>("problem"); // a part of the first record problem, empty: none
    QTest::addRow("plain fields split at commas") << QByteArray("a,b,c\n1,2,3\n") << Records{{"a", "b", "c"}, {"1", "2", "3"}}
                                                  << QList<qint64>{1, 2} << "";
    QTest::addRow("a quoted field keeps its comma") << QByteArray("\"Milk, whole\",2\n") << Records{{"Milk, whole", "2"}} << QList<qint64>{1} << "";
    QTest::addRow("a doubled quote is one quote") << QByteArray("\"12\"\" pizza\",x\n") << Records{{"12\" pizza", "x"}} << QList<qint64>{1} << "";
    QTest::addRow("a line break inside quotes stays in the field and counts as a line")
        << QByteArray("\"two\nlines\",a\nnext,b\n") << Records{{"two\nlines", "a"}, {"next", "b"}} << QList<qint64>{1, 3} << "";
    QTest::addRow("CRLF line ends are one line end") << QByteArray("a,b\r\nc,d\r\n") << Records{{"a", "b"}, {"c", "d"}} << QList<qint64>{1, 2} << "";
    QTest::addRow("a CRLF inside quotes is kept") << QByteArray("\"x\r\ny\",1\r\nz,2\r\n") << Records{{"x\r\ny", "1"}, {"z", "2"}}
                                                  << QList<qint64>{1, 3} << "";
    QTest::addRow("a UTF-8 byte order mark is skipped") << QByteArray("\xEF\xBB\xBFsku,name\n") << Records{{"sku", "name"}} << QList<qint64>{1} << "";
    QTest::addRow("an empty last line is no record") << QByteArray("a,b\n\n") << Records{{"a", "b"}} << QList<qint64>{1} << "";
    QTest::addRow("blank lines in between are skipped") << QByteArray("a\n\r\n\nb\n") << Records{{"a"}, {"b"}} << QList<qint64>{1, 4} << "";
    QTest::addRow("the last line needs no line end") << QByteArray("a,b\nc,d") << Records{{"a", "b"}, {"c", "d"}} << QList<qint64>{1, 2} << "";
    QTest::addRow("empty fields are kept") << QByteArray(",,\n") << Records{{"", "", ""}} << QList<qint64>{1} << "";
    QTest::addRow("a trailing comma adds an empty field") << QByteArray("a,b,\n") << Records{{"a", "b", ""}} << QList<qint64>{1} << "";
    QTest::addRow("an empty quoted field is empty") << QByteArray("\"\",x\n") << Records{{"", "x"}} << QList<qint64>{1} << "";
    QTest::addRow("UTF-8 text is decoded") << QByteArray("Bj\xC3\xB8rn,\xC3\x85se\n") << Records{{"Bjørn", "Åse"}} << QList<qint64>{1} << "";
    QTest::addRow("an empty file has no records") << QByteArray() << Records{} << QList<qint64>{} << "";
    QTest::addRow("text after a closing quote is a problem of the record")
        << QByteArray("\"abc\"def,1\nok,2\n") << Records{{"abc", "1"}, {"ok", "2"}} << QList<qint64>{1, 2} << "closing quote";
    QTest::addRow("a quote inside an unquoted field is a problem of the record")
        << QByteArray("12\" pizza,1\n") << Records{{"12\" pizza", "1"}} << QList<qint64>{1} << "field 1";
    QTest::addRow("bytes that are not UTF-8 are a problem of the record")
        << QByteArray("a\xFF,b\n") << Records{{QString("a") + QChar(0xFFFD), "b"}} << QList<qint64>{1} << "UTF-8";
}

void tst_CsvImport::reader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Records, records);
    QFETCH(QList<qint64>, lines);
    QFETCH(QString, problem);
    const ReadAll read = readAll(bytes);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.records, records);
    QCOMPARE(read.lines, lines);
    if (problem.isEmpty()) {
        for (const QString &found : read.problems)
            QVERIFY2(found.isEmpty(), qPrintable(found));
    } else {
        QVERIFY2(read.problems.first().contains(problem), qPrintable(read.problems.first()));
        for (qsizetype i = 1; i < read.problems.size(); ++i)
            QVERIFY(read.problems.at(i).isEmpty());
    }
}

void tst_CsvImport::readerRefuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("recordBytesMax");
    QTest::addColumn<qint64>("recordsMax");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("an unterminated quote names the line it starts on")
        << QByteArray("a,b\nc,\"never\nclosed,d\n") << qsizetype(1000) << qint64(100) << "line 2 is never closed";
    QTest::addRow("a record longer than the limit is refused")
        << QByteArray("short\n" + QByteArray(200, 'x') + "\n") << qsizetype(100) << qint64(100) << "line 2 is longer than 100 bytes";
    QTest::addRow("a quoted record longer than the limit is refused")
        << QByteArray("\"" + QByteArray(200, 'x') + "\"\n") << qsizetype(100) << qint64(100) << "line 1 is longer";
    QTest::addRow("more records than the limit are refused")
        << QByteArray("h\n1\n2\n3\n") << qsizetype(100) << qint64(3) << "more than 2 rows";
}

void tst_CsvImport::readerRefuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, recordBytesMax);
    QFETCH(qint64, recordsMax);
    QFETCH(QString, messagePart);
    const ReadAll read = readAll(bytes, CsvLimits{recordBytesMax, recordsMax});
    QVERIFY2(read.error.contains(messagePart), qPrintable(read.error));
}

void tst_CsvImport::importProducts_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<ImportMode>("mode");
    QTest::addColumn<qint64>("imported");
    QTest::addColumn<qint64>("stored"); // products in the catalog afterwards (one was there before)
    QTest::addColumn<QList<qint64>>("badLines");
    QTest::addColumn<QStringList>("messageParts");
    const ImportMode all = ImportMode::AllOrNothing;
    const ImportMode skip = ImportMode::SkipBad;
    const QByteArray header = "sku,name,price,tax_code,barcode\n";

    QTest::addRow("three good lines are imported")
        << header + "A1,Apples,29.90,FOOD,7038010000027\nB1,Bread,42.50,FOOD,\nC1,Candles,99,STD,\n" << all << qint64(3) << qint64(4)
        << QList<qint64>{} << QStringList{};
    QTest::addRow("columns are taken by name in any order and barcode may be left out")
        << QByteArray("tax_code,price,name,sku\nFOOD,10.00,Tea,T1\n") << all << qint64(1) << qint64(2) << QList<qint64>{} << QStringList{};
    QTest::addRow("header names ignore case and spaces")
        << QByteArray(" SKU , Name ,PRICE,Tax_Code\nT1,Tea,10.00,FOOD\n") << all << qint64(1) << qint64(2) << QList<qint64>{} << QStringList{};
    QTest::addRow("a quoted comma stays in the name")
        << header + "\"W1\",\"Wine gums, sour\",\"19.90\",STD,\n" << all << qint64(1) << qint64(2) << QList<qint64>{} << QStringList{};
    QTest::addRow("a byte order mark and CRLF line ends are read")
        << QByteArray("\xEF\xBB\xBFsku,name,price,tax_code\r\nA1,Apples,29.90,FOOD\r\nB1,Bread,42.50,FOOD\r\n") << all << qint64(2) << qint64(3)
        << QList<qint64>{} << QStringList{};
    QTest::addRow("an empty trailing line is ignored")
        << header + "A1,Apples,29.90,FOOD,\n\n" << all << qint64(1) << qint64(2) << QList<qint64>{} << QStringList{};
    QTest::addRow("a header-only file imports nothing and is no error") << header << all << qint64(0) << qint64(1) << QList<qint64>{} << QStringList{};
    QTest::addRow("a name with an embedded line break is refused and later lines keep their numbers")
        << header + "A1,\"Two\nlines\",1.00,STD,\nB1,Bread,-1,FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2, 4}
        << QStringList{"line 2, column name", "line 4, column price: Price \"-1.00\" is negative"};
    QTest::addRow("a line with a missing column is refused")
        << header + "A1,Apples,29.90,FOOD\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
        << QStringList{"line 2: the line has 4 values but the header has 5 columns"};
    QTest::addRow("a line with an extra column is refused")
        << header + "A1,Apples,29.90,FOOD,,extra\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
        << QStringList{"line 2: the line has 6 values but the header has 5 columns"};
    QTest::addRow("a price with a decimal comma is refused, naming the value")
        << header + "A1,Apples,\"12,50\",FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
        << QStringList{"line 2, column price: Price: \"12,50\" is not an amount"};
    QTest::addRow("a price with too many decimals is refused") << header + "A1,Apples,1.234,FOOD,\n" << all << qint64(0) << qint64(1)
                                                             << QList<qint64>{2} << QStringList{"column price", "1.234"};
    QTest::addRow("an empty price is refused") << header + "A1,Apples,,FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                              << QStringList{"column price"};
    QTest::addRow("a SKU twice in the file is refused on its second line")
        << header + "A1,Apples,1.00,FOOD,\nB1,Bread,2.00,FOOD,\nA1,Apricots,3.00,FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{4}
        << QStringList{"line 4, column sku: SKU \"A1\" is already on line 2 of this file"};
    QTest::addRow("a barcode twice in the file is refused on its second line")
        << header + "A1,Apples,1.00,FOOD,7038010000027\nB1,Bread,2.00,FOOD,7038010000027\n" << all << qint64(0) << qint64(1)
        << QList<qint64>{3} << QStringList{"line 3, column barcode: Barcode \"7038010000027\" is already on line 2"};
    QTest::addRow("a SKU already in the catalog is refused")
        << header + "OLD-1,Again,1.00,FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
        << QStringList{"line 2, column sku: SKU OLD-1 already belongs to \"Existing product\""};
    QTest::addRow("a barcode already in the catalog is refused")
        << header + "NEW-1,New,1.00,FOOD,7038010000010\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
        << QStringList{"line 2, column barcode: Barcode 7038010000010 already belongs to OLD-1"};
    QTest::addRow("an unknown tax code is refused") << header + "A1,Apples,1.00,LUX,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                                   << QStringList{"line 2, column tax_code", "\"LUX\""};
    QTest::addRow("a bad SKU is refused") << header + "A 1,Apples,1.00,FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                         << QStringList{"line 2, column sku: SKU \"A 1\""};
    QTest::addRow("a short barcode is refused") << header + "A1,Apples,1.00,FOOD,12345\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                               << QStringList{"line 2, column barcode: Barcode \"12345\""};
    QTest::addRow("a malformed quote is refused as a line")
        << header + "A1,\"Apples\"x,1.00,FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2} << QStringList{"line 2: text follows the closing quote"};
    QTest::addRow("one good and one bad line import nothing when all or nothing")
        << header + "A1,Apples,1.00,FOOD,\nB1,Bread,abc,FOOD,\n" << all << qint64(0) << qint64(1) << QList<qint64>{3}
        << QStringList{"line 3, column price", "\"abc\""};
    QTest::addRow("one good and one bad line import the good one when skipping bad lines")
        << header + "A1,Apples,1.00,FOOD,\nB1,Bread,abc,FOOD,\n" << skip << qint64(1) << qint64(2) << QList<qint64>{3}
        << QStringList{"line 3, column price", "\"abc\""};
    QTest::addRow("every bad line is reported when all or nothing")
        << header + "A1,,1.00,FOOD,\nB1,Bread,1.00,FOOD,\nC1,Cake,1.00,NOPE,\nD1,Dates,1.00,FOOD,1\nE1,Eggs,1.00,FOOD,\n" << all << qint64(0)
        << qint64(1) << QList<qint64>{2, 4, 5} << QStringList{"column name", "column tax_code", "column barcode"};
    QTest::addRow("skipping bad lines keeps every good one")
        << header + "A1,,1.00,FOOD,\nB1,Bread,1.00,FOOD,\nC1,Cake,1.00,NOPE,\nD1,Dates,1.00,FOOD,1\nE1,Eggs,1.00,FOOD,\n" << skip << qint64(2)
        << qint64(3) << QList<qint64>{2, 4, 5} << QStringList{"column name", "column tax_code", "column barcode"};
}

void tst_CsvImport::importProducts()
{
    QFETCH(QByteArray, csv);
    QFETCH(ImportMode, mode);
    QFETCH(qint64, imported);
    QFETCH(qint64, stored);
    QFETCH(QList<qint64>, badLines);
    QFETCH(QStringList, messageParts);
    TestStore store;
    QVERIFY(store.ok());
    prepareCatalog(store);
    const Result<ImportReport> report = importProductText(store, csv, mode);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.message()));
    QCOMPARE(report->imported, imported);
    QCOMPARE(problemLines(*report), badLines);
    QCOMPARE(report->skippedCount, qint64(badLines.size()));
    QCOMPARE(report->refused, mode == ImportMode::AllOrNothing && !badLines.isEmpty());
    const QString text = problemsText(*report);
    for (const QString &part : messageParts)
        QVERIFY2(text.contains(part), qPrintable(text));
    QCOMPARE(*store->catalog().count(), stored);
    QVERIFY(store->catalog().bySku("OLD-1").ok());
}

void tst_CsvImport::badFileImportsNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<ImportMode>("mode");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("an empty file is refused") << QByteArray() << ImportMode::SkipBad << "The file is empty";
    QTest::addRow("a file with only a byte order mark is refused") << QByteArray("\xEF\xBB\xBF") << ImportMode::SkipBad << "The file is empty";
    QTest::addRow("an unknown header column is refused, naming it")
        << QByteArray("sku,name,price,tax_code,colour\nA1,Apples,1.00,FOOD,red\n") << ImportMode::SkipBad << "unknown column \"colour\" (column 5)";
    QTest::addRow("a missing required column is refused, naming it")
        << QByteArray("sku,name,tax_code\nA1,Apples,FOOD\n") << ImportMode::SkipBad << "lacks the column(s) price";
    QTest::addRow("a column named twice is refused") << QByteArray("sku,name,price,tax_code,SKU\nA1,Apples,1.00,FOOD,A2\n") << ImportMode::SkipBad
                                                   << "column \"sku\" twice";
    QTest::addRow("a header column without a name is refused") << QByteArray("sku,name,,price,tax_code\n") << ImportMode::SkipBad << "Column 3";
    QTest::addRow("an unterminated quote after good lines imports nothing, even skipping bad lines")
        << QByteArray("sku,name,price,tax_code\nA1,Apples,1.00,FOOD\nB1,\"Bread,2.00,FOOD\n") << ImportMode::SkipBad
        << "line 3 is never closed";
    QTest::addRow("a data file without a header is refused") << QByteArray("A1,Apples,1.00,FOOD\n") << ImportMode::AllOrNothing
                                                           << "unknown column \"A1\"";
}

void tst_CsvImport::badFileImportsNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(ImportMode, mode);
    QFETCH(QString, messagePart);
    TestStore store;
    QVERIFY(store.ok());
    prepareCatalog(store);
    const Result<ImportReport> report = importProductText(store, csv, mode);
    QVERIFY(!report.ok());
    QCOMPARE(report.code(), ErrorCode::InvalidArgument);
    QVERIFY2(report.message().contains(messagePart), qPrintable(report.message()));
    QCOMPARE(*store->catalog().count(), qint64(1));
}

void tst_CsvImport::problemsListAreBounded()
{
    TestStore store;
    QVERIFY(store.ok());
    prepareCatalog(store);
    QByteArray csv = "sku,name,price,tax_code\n";
    for (int i = 0; i < 150; ++i)
        csv += "P" + QByteArray::number(i) + ",Thing,bad,FOOD\n";
    csv += "GOOD,Good thing,1.00,FOOD\n";
    Result<ImportReport> report = importProductText(store, csv, ImportMode::SkipBad);
    QVERIFY(report.ok());
    QCOMPARE(report->skippedCount, qint64(150));
    QCOMPARE(report->skipped.size(), kImportProblemsListedMax);
    QCOMPARE(report->skipped.first().line, qint64(2));
    QCOMPARE(report->imported, qint64(1));

    // More rows than the limit: refused before anything is stored.
    report = importProductText(store, "sku,name,price,tax_code\nA,a,1,FOOD\nB,b,1,FOOD\nC,c,1,FOOD\n", ImportMode::SkipBad, CsvLimits{1000, 3});
    QVERIFY(!report.ok());
    QVERIFY2(report.message().contains("more than 2 rows"), qPrintable(report.message()));
    QCOMPARE(*store->catalog().count(), qint64(2));
}

void tst_CsvImport::productValuesAreStoredAsWritten()
{
    TestStore store;
    QVERIFY(store.ok());
    prepareCatalog(store);
    const Result<ImportReport> report =
        importProductText(store, "barcode,sku,name,price,tax_code\n7038010000027, A1 ,\"  Apples, \"\"Gala\"\" \",29.90,FOOD\n,B1,Bread,0,STD\n",
                          ImportMode::AllOrNothing);
    QVERIFY2(report.ok() && report->skippedCount == 0, qPrintable(report.ok() ? problemsText(*report) : report.message()));
    const Result<Product> apples = store->catalog().byBarcode("7038010000027");
    QVERIFY(apples.ok());
    QCOMPARE(apples->sku, QString("A1"));
    QCOMPARE(apples->name, QString("Apples, \"Gala\""));
    QCOMPARE(apples->unitPrice, store.money("29.90"));
    QCOMPARE(apples->taxCode, QString("FOOD"));
    const Result<Product> bread = store->catalog().bySku("B1");
    QVERIFY(bread.ok());
    QCOMPARE(bread->barcode, QString());
    QCOMPARE(bread->unitPrice, store.money("0"));
}

void tst_CsvImport::importCustomers_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<ImportMode>("mode");
    QTest::addColumn<qint64>("imported");
    QTest::addColumn<qint64>("stored"); // customers afterwards (one was there before)
    QTest::addColumn<QList<qint64>>("badLines");
    QTest::addColumn<QStringList>("messageParts");
    const ImportMode all = ImportMode::AllOrNothing;
    const ImportMode skip = ImportMode::SkipBad;
    const QByteArray header = "card,name,phone,email,credit_limit,overdraft,terms_days,blocked\n";
    QTest::addRow("customers with every column are imported")
        << header + "2001,Kari Hansen,+47 934 56 789,kari@example.no,5000.00,200.00,14,no\n2002,\"Berg, Liv\",,,,none,,\n" << all << qint64(2)
        << qint64(3) << QList<qint64>{} << QStringList{};
    QTest::addRow("only card and name are required") << QByteArray("name,card\nOla,2001\n") << all << qint64(1) << qint64(2) << QList<qint64>{}
                                                    << QStringList{};
    QTest::addRow("a credit limit with a decimal comma is refused")
        << header + "2001,Kari,,,\"12,50\",,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
        << QStringList{"line 2, column credit_limit: Credit limit: \"12,50\" is not an amount"};
    QTest::addRow("a negative credit limit is refused") << header + "2001,Kari,,,-5,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                                       << QStringList{"column credit_limit", "\"-5\" is negative"};
    QTest::addRow("a bad overdraft is refused") << header + "2001,Kari,,,,lots,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                               << QStringList{"column overdraft", "\"lots\""};
    QTest::addRow("payment terms over a year are refused") << header + "2001,Kari,,,,,400,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                                          << QStringList{"column terms_days", "\"400\""};
    QTest::addRow("a bad blocked value is refused") << header + "2001,Kari,,,,,,maybe\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                                   << QStringList{"column blocked", "\"maybe\""};
    QTest::addRow("a bad e-mail is refused") << header + "2001,Kari,,not-an-address,,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                            << QStringList{"column email", "not-an-address"};
    QTest::addRow("a bad phone is refused") << header + "2001,Kari,phone me,,,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                           << QStringList{"column phone", "phone me"};
    QTest::addRow("a bad card is refused") << header + "20 01,Kari,,,,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                          << QStringList{"column card", "20 01"};
    QTest::addRow("an empty name is refused") << header + "2001,,,,,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                             << QStringList{"column name"};
    QTest::addRow("a card twice in the file is refused on its second line")
        << header + "2001,Kari,,,,,,\n2001,Ola,,,,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{3}
        << QStringList{"line 3, column card: Card \"2001\" is already on line 2"};
    QTest::addRow("a card already in the directory is refused") << header + "1001,Someone,,,,,,\n" << all << qint64(0) << qint64(1)
                                                               << QList<qint64>{2} << QStringList{"Card 1001 already belongs to Existing Person"};
    QTest::addRow("a line with a missing column is refused") << header + "2001,Kari,,,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{2}
                                                            << QStringList{"7 values but the header has 8 columns"};
    QTest::addRow("one good and one bad line import nothing when all or nothing")
        << header + "2001,Kari,,,,,,\n2002,Ola,,,abc,,,\n" << all << qint64(0) << qint64(1) << QList<qint64>{3} << QStringList{"column credit_limit"};
    QTest::addRow("one good and one bad line import the good one when skipping bad lines")
        << header + "2001,Kari,,,,,,\n2002,Ola,,,abc,,,\n" << skip << qint64(1) << qint64(2) << QList<qint64>{3} << QStringList{"column credit_limit"};
}

void tst_CsvImport::importCustomers()
{
    QFETCH(QByteArray, csv);
    QFETCH(ImportMode, mode);
    QFETCH(qint64, imported);
    QFETCH(qint64, stored);
    QFETCH(QList<qint64>, badLines);
    QFETCH(QStringList, messageParts);
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->customers().add(NewCustomer{"1001", "Existing Person", "", ""}).ok());
    const Result<ImportReport> report = importCustomerText(store, csv, mode);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.message()));
    QCOMPARE(report->imported, imported);
    QCOMPARE(problemLines(*report), badLines);
    const QString text = problemsText(*report);
    for (const QString &part : messageParts)
        QVERIFY2(text.contains(part), qPrintable(text));
    QCOMPARE(*store->customers().count(), stored);
}

void tst_CsvImport::customerTermsAreStored()
{
    TestStore store;
    QVERIFY(store.ok());
    const Result<ImportReport> report = importCustomerText(
        store,
        "blocked,terms_days,overdraft,credit_limit,email,phone,name,card\n"
        "yes,14,200.00,5000.00,kari@example.no,+47 934 56 789,Kari Hansen,2001\n"
        ",,none,,,,Ola,2002\n"
        "\"\",0,0,0.01,,,Per,2003\n",
        ImportMode::AllOrNothing);
    QVERIFY2(report.ok() && report->skippedCount == 0, qPrintable(report.ok() ? problemsText(*report) : report.message()));
    QCOMPARE(report->imported, qint64(3));
    const Result<Customer> kari = store->customers().byCard("2001");
    QVERIFY(kari.ok());
    QCOMPARE(kari->name, QString("Kari Hansen"));
    QCOMPARE(kari->email, QString("kari@example.no"));
    QCOMPARE(kari->terms.creditLimitMinorUnits, qint64(500000));
    QCOMPARE(kari->terms.overdraftLimitMinorUnits, std::optional<qint64>(20000));
    QCOMPARE(kari->terms.paymentTermsDays, 14);
    QVERIFY(kari->terms.blocked);
    const Result<Customer> ola = store->customers().byCard("2002");
    QCOMPARE(ola->terms.creditLimitMinorUnits, qint64(0));
    QVERIFY(!ola->terms.overdraftLimitMinorUnits.has_value());
    QCOMPARE(ola->terms.paymentTermsDays, CreditTerms{}.paymentTermsDays);
    QVERIFY(!ola->terms.blocked);
    const Result<Customer> per = store->customers().byCard("2003");
    QCOMPARE(per->terms.creditLimitMinorUnits, qint64(1));
    QCOMPARE(per->terms.overdraftLimitMinorUnits, std::optional<qint64>(0)); // overdraft allowed, down to zero
    QCOMPARE(per->terms.paymentTermsDays, 0);
}

QTEST_GUILESS_MAIN(tst_CsvImport)
#include "tst_csvimport.moc"
