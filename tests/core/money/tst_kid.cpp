// KID references (money/kid.h): the MOD10 check digit against published examples, validation of
// every one-digit change, and the fixed shape Slate makes from a customer and an invoice.

#include "money/kid.h"

#include <QTest>

using namespace Slate::Core;

class tst_Kid : public QObject {
    Q_OBJECT

private slots:
    void validKid_data();
    void validKid();
    void oneDigitOff_data();
    void oneDigitOff();
    void invalidText_data();
    void invalidText();
    void make_data();
    void make();
    void digitsOf();
};

void tst_Kid::validKid_data()
{
    QTest::addColumn<QString>("kid");
    // Published examples: Monitor ERP's KID guide (invoice 60224 gets KID 602243) and the
    // classic Luhn example 7992739871 with check digit 3.
    QTest::newRow("Monitor ERP's invoice 60224") << "602243";
    QTest::newRow("the Luhn example 79927398713") << "79927398713";
    QTest::newRow("ten digits 1234567890 and 3") << "12345678903";
    QTest::newRow("two digits, the shortest") << "00";
    QTest::newRow("twenty-five digits, the longest") << "0000000000000000000000000";
    QTest::newRow("Slate's shape for card 1001, INV-T1-000042") << "0000100100010000427";
}

void tst_Kid::validKid()
{
    QFETCH(QString, kid);
    QVERIFY2(Kid::isValid(kid), qPrintable(kid));
    QCOMPARE(Kid::checkDigit(QStringView(kid).first(kid.size() - 1)), std::optional<int>(kid.back().digitValue()));
}

void tst_Kid::oneDigitOff_data()
{
    QTest::addColumn<QString>("kid");
    QTest::addColumn<int>("position");
    const QStringList good{QStringLiteral("602243"), QStringLiteral("79927398713"), QStringLiteral("0000100100010000427")};
    for (const QString &kid : good) {
        for (int i = 0; i < kid.size(); ++i)
            QTest::addRow("%s with digit %d changed", qPrintable(kid), i + 1) << kid << i;
    }
}

void tst_Kid::oneDigitOff()
{
    // MOD10 catches every single-digit error: each of the nine other digits at any place fails.
    QFETCH(QString, kid);
    QFETCH(int, position);
    for (int delta = 1; delta <= 9; ++delta) {
        QString changed = kid;
        changed[position] = QChar(u'0' + (kid.at(position).digitValue() + delta) % 10);
        QVERIFY2(!Kid::isValid(changed), qPrintable(changed));
    }
}

void tst_Kid::invalidText_data()
{
    QTest::addColumn<QString>("kid");
    QTest::newRow("empty") << "";
    QTest::newRow("one digit is too short") << "0";
    QTest::newRow("twenty-six digits are too long") << "00000000000000000000000000";
    QTest::newRow("a space inside") << "6022 43";
    QTest::newRow("a letter") << "60224A";
    QTest::newRow("a sign") << "-602243";
    QTest::newRow("Arabic-Indic digits") << QString::fromUtf8("\u0666\u0660\u0662\u0662\u0664\u0663");
}

void tst_Kid::invalidText()
{
    QFETCH(QString, kid);
    QVERIFY(!Kid::isValid(kid));
}

void tst_Kid::make_data()
{
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("invoice");
    QTest::addColumn<QString>("kid"); // empty: refused
    QTest::newRow("card 1001, invoice 1000042") << "1001" << "1000042" << "0000100100010000427";
    QTest::newRow("the widest parts") << "99999999" << "9999999999" << "9999999999999999998";
    QTest::newRow("customer 0, invoice 1") << "0" << "1" << "0000000000000000018";
    QTest::newRow("an empty customer part is refused") << "" << "1" << "";
    QTest::newRow("an empty invoice part is refused") << "1" << "" << "";
    QTest::newRow("a customer part of 9 digits is refused") << "123456789" << "1" << "";
    QTest::newRow("an invoice part of 11 digits is refused") << "1" << "12345678901" << "";
    QTest::newRow("a letter in the invoice part is refused") << "1" << "12A" << "";
}

void tst_Kid::make()
{
    QFETCH(QString, customer);
    QFETCH(QString, invoice);
    QFETCH(QString, kid);
    const Result<QString> made = Kid::make(customer, invoice);
    if (kid.isEmpty()) {
        QVERIFY(!made);
        QCOMPARE(made.code(), ErrorCode::InvalidArgument);
        return;
    }
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.message()));
    QCOMPARE(*made, kid);
    QVERIFY(Kid::isValid(*made));
    QCOMPARE(made->size(), kKidCustomerDigits + kKidInvoiceDigits + 1);
}

void tst_Kid::digitsOf()
{
    QCOMPARE(Kid::digitsOf(u"INV-T1-000042"), QStringLiteral("1000042"));
    QCOMPARE(Kid::digitsOf(u"C-1001"), QStringLiteral("1001"));
    QCOMPARE(Kid::digitsOf(u"no digits"), QString());
}

QTEST_GUILESS_MAIN(tst_Kid)
#include "tst_kid.moc"
