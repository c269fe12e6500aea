// Invoice and statement documents: the figures core gathers (what an invoice collected, VAT per
// rate, what was settled at the till, the KID; a statement's opening and closing balance, its
// running balance and ageing), and the same figures read back from the PDFs with pdftotext,
// with every text people typed printed literally.

#include "documents/accounthtml.h"
#include "money/kid.h"
#include "documents/pdffile.h"
#include "pdftext.h"
#include "teststore.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;
using Slate::Test::pdfText;

namespace {

template <typename T>
T must(Result<T> result)
{
    if (!result)
        qFatal("%s", qPrintable(result.message()));
    return std::move(result).value();
}
void must(Result<void> result)
{
    if (!result)
        qFatal("%s", qPrintable(result.message()));
}

const QString kCustomerName = QStringLiteral("<b>x</b> & Co");

// A shop with two VAT rates and one account customer with five invoices, all relative to
// today: invoice 1 before the statement's period, 2–5 in it, payments today.
struct Fixture {
    Fixture()
    {
        today = QDate::currentDate();
        store->users().setPolicy(AuthPolicy{5, 300, 1000});
        must(store->users().add("cas", Role::Cashier, "1111"));
        must(store->catalog().setTaxCode("STD", 2500, "Standard"));
        must(store->catalog().setTaxCode("LOW", 1500, "Food"));
        must(store->catalog().addProduct(NewProduct{"A", QString(), "Item <i>one</i>", money("100.00"), "STD"}));
        must(store->catalog().addProduct(NewProduct{"F", QString(), "Food", money("50.00"), "LOW"}));
        must(store->setShopDetails(ShopDetails{"Butikken <AS>", "Storgata 1\n0155 Oslo", "923 609 016", "NO 923 609 016 MVA",
                                               "1503.12.34567"}));
        Customer added = must(store->customers().add(NewCustomer{"1001", kCustomerName, {}, {}}));
        customer = must(store->customers().setTerms(added.id, CreditTerms{10000000, std::nullopt, 14, false}));

        // Invoice 1: 2 x A + 1 x F on account (250.00), and 1 x A paid 40.00 by card, 60.00 on account.
        sell({{"A", 2, std::nullopt}, {"F", 1, std::nullopt}}, {{TenderKind::Account, money("250.00")}});
        sell({{"A", 1, std::nullopt}}, {{TenderKind::Card, money("40.00")}, {TenderKind::Account, money("60.00")}});
        first = must(store->receivables().issueInvoice(customer, today.addDays(-200), "back"));
        const std::tuple<QString, QString, int> later[] = {{"A", "100.00", -80}, {"F", "50.00", -45}, {"A", "100.00", -20}, {"F", "50.00", -5}};
        for (const auto &[sku, price, days] : later) {
            sell({SaleLineRequest{sku, 1, std::nullopt}}, {{TenderKind::Account, money(price)}});
            invoices.append(must(store->receivables().issueInvoice(customer, today.addDays(days), "back")));
        }
        must(store->receivables().recordPayment(first.number, money("10.00"), PaymentJournal::Bank, "Bank <transfer>", "back"));
        must(store->receivables().recordPayment(invoices.at(0).number, money("40.00"), PaymentJournal::Cash, QString(), "back"));
    }

    void sell(const QList<SaleLineRequest> &lines, const QList<TenderRequest> &tenders)
    {
        must(store->checkout().sale(SaleRequest{"cas", customer.id, lines, tenders, {}}));
    }
    Money money(const QString &text) const { return store.money(text); }

    TestStore store;
    Customer customer;
    QDate today;
    Invoice first;
    QList<Invoice> invoices;
};

const QLocale kLocale(QLocale::English, QLocale::UnitedStates);

// Whether a line of the text matches `pattern` (spaces in it stand for any run of spaces).
bool hasLine(const QString &text, QString pattern)
{
    pattern.replace(QLatin1Char(' '), QStringLiteral("\\s+"));
    return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text).hasMatch();
}

} // namespace

class tst_AccountDocuments : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: install poppler-utils (scripts/install-deps.sh)");
    }

    void invoiceFigures()
    {
        Fixture f;
        const InvoiceDetails invoice = must(f.store->accountDocuments().invoice(f.first.number));
        QCOMPARE(invoice.items.size(), 2);
        QCOMPARE(invoice.items.at(0).lines.size(), 2);
        QCOMPARE(invoice.goodsTotal, f.money("350.00"));
        QCOMPARE(invoice.settledAtTill, f.money("40.00"));
        QCOMPARE(invoice.otherMovements, f.money("0.00"));
        QCOMPARE(invoice.invoice.amount, f.money("310.00"));
        QCOMPARE(invoice.paid, f.money("10.00"));
        QCOMPARE(invoice.amountDue, f.money("300.00"));
        QCOMPARE(invoice.vat.size(), 2);
        QCOMPARE(invoice.vat.at(0).rateBasisPoints, 1500);
        QCOMPARE(invoice.vat.at(0).gross, f.money("50.00"));
        QCOMPARE(invoice.vat.at(0).tax, f.money("6.52"));
        QCOMPARE(invoice.vat.at(1).rateBasisPoints, 2500);
        QCOMPARE(invoice.vat.at(1).net, f.money("240.00"));
        QCOMPARE(invoice.vat.at(1).tax, f.money("60.00"));
        QCOMPARE(invoice.kid, QStringLiteral("0000100100010000013"));
        QVERIFY(Kid::isValid(invoice.kid));
        // The second invoice gathers only what was sold after the first.
        const InvoiceDetails second = must(f.store->accountDocuments().invoice(f.invoices.at(0).number));
        QCOMPARE(second.items.size(), 1);
        QCOMPARE(second.goodsTotal, f.money("100.00"));
        QCOMPARE(second.amountDue, f.money("60.00"));
    }

    void unknownInvoice()
    {
        Fixture f;
        const Result<InvoiceDetails> invoice = f.store->accountDocuments().invoice("INV-T1-999999");
        QVERIFY(!invoice);
        QCOMPARE(invoice.code(), ErrorCode::NotFound);
    }

    void invoicePdf()
    {
        Fixture f;
        const InvoiceDetails invoice = must(f.store->accountDocuments().invoice(f.first.number));
        const QString path = f.store.folder() + QStringLiteral("/invoice.pdf");
        const Slate::Documents::PdfWritten written = must(Slate::Documents::writePdf(Slate::Documents::invoiceHtml(invoice, kLocale),
                                                                                       invoice.invoice.number, path));
        QVERIFY(written.bytes > 1000);
        const QString text = pdfText(path);
        QVERIFY2(text.contains(kCustomerName), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Butikken <AS>")));
        QVERIFY(text.contains(QStringLiteral("Item <i>one</i>")));
        QVERIFY(text.contains(QStringLiteral("0155 Oslo")));
        QVERIFY(hasLine(text, QStringLiteral("Org. no. 923 609 016 VAT no. NO 923 609 016 MVA")));
        QVERIFY(hasLine(text, QStringLiteral("Invoice no. INV-T1-000001")));
        QVERIFY(hasLine(text, QStringLiteral("Invoice date ") + f.today.addDays(-200).toString(Qt::ISODate)));
        QVERIFY(hasLine(text, QStringLiteral("Due date ") + f.today.addDays(-186).toString(Qt::ISODate)));
        QVERIFY(hasLine(text, QStringLiteral("KID 0000100100010000013$")));
        QVERIFY2(hasLine(text, QStringLiteral("^\\s*25 % 240\\.00 NOK 60\\.00 NOK 300\\.00 NOK")), qPrintable(text));
        QVERIFY(hasLine(text, QStringLiteral("^\\s*15 % 43\\.48 NOK 6\\.52 NOK 50\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Purchases 350\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Settled at the till -40\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Invoice total 310\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Paid -10\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Amount due 300\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("account 1503\\.12\\.34567 with KID 0000100100010000013")));
    }

    void statementFigures()
    {
        Fixture f;
        const Statement statement = must(f.store->accountDocuments().statement(f.customer, f.today.addDays(-120), f.today));
        QCOMPARE(statement.opening, f.money("310.00"));
        QCOMPARE(statement.movements.size(), 6);
        QCOMPARE(statement.movements.at(0).kind, StatementMovementKind::Invoice);
        QCOMPARE(statement.movements.at(0).date, f.today.addDays(-80));
        QCOMPARE(statement.movements.at(0).balance, f.money("410.00"));
        QCOMPARE(statement.movements.at(4).kind, StatementMovementKind::Payment);
        QCOMPARE(statement.movements.at(4).amount, f.money("-10.00"));
        QCOMPARE(statement.movements.at(5).balance, f.money("560.00"));
        QCOMPARE(statement.closing, f.money("560.00"));
        QCOMPARE(statement.ageing.notDue, f.money("50.00"));
        QCOMPARE(statement.ageing.days1To30, f.money("100.00"));
        QCOMPARE(statement.ageing.days31To60, f.money("50.00"));
        QCOMPARE(statement.ageing.days61To90, f.money("60.00"));
        QCOMPARE(statement.ageing.over90, f.money("300.00"));
        // A period before the payments: they count neither in it nor in its ageing.
        const Statement earlier = must(f.store->accountDocuments().statement(f.customer, f.today.addDays(-120), f.today.addDays(-1)));
        QCOMPARE(earlier.closing, f.money("610.00"));
        QCOMPARE(earlier.ageing.over90, f.money("310.00"));
        QCOMPARE(earlier.ageing.days61To90, f.money("100.00"));
        // A period that ends before it starts is refused.
        const Result<Statement> backwards = f.store->accountDocuments().statement(f.customer, f.today, f.today.addDays(-1));
        QVERIFY(!backwards);
        QCOMPARE(backwards.code(), ErrorCode::InvalidArgument);
    }

    void statementPdf()
    {
        Fixture f;
        const Statement statement = must(f.store->accountDocuments().statement(f.customer, f.today.addDays(-120), f.today));
        const QString path = f.store.folder() + QStringLiteral("/statement.pdf");
        must(Slate::Documents::writePdf(Slate::Documents::statementHtml(statement, kLocale), "Statement", path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(kCustomerName), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Bank <transfer>")));
        QVERIFY(hasLine(text, QStringLiteral("Opening balance 310\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Closing balance 560\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Payment ") + f.invoices.at(0).number + QStringLiteral(" .*-40\\.00 NOK 560\\.00 NOK")));
        QVERIFY(hasLine(text, QStringLiteral("Not due 1–30 days 31–60 days 61–90 days Over 90 days")));
        QVERIFY(hasLine(text, QStringLiteral("^\\s*50\\.00 NOK 100\\.00 NOK 50\\.00 NOK 60\\.00 NOK 300\\.00 NOK")));
    }

    void unwritablePath()
    {
        TestStore store;
        const QString path = store.folder() + QStringLiteral("/missing-folder/x.pdf");
        const Result<Slate::Documents::PdfWritten> written = Slate::Documents::writePdf("<p>x</p>", "x", path);
        QVERIFY(!written);
        QCOMPARE(written.code(), ErrorCode::IoError);
        QVERIFY(written.message().contains(path));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(tst_AccountDocuments)
#include "tst_accountdocuments.moc"
