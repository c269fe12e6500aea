// The payment flow through the real widgets: scan, attach a customer, pay with store credit and
// cash, account over the limit with a manager override, partial credit use; the receipt shows
// what core committed.

#include "amountedit.h"
#include "checkoutwindow.h"
#include "customercard.h"
#include "overridedialog.h"
#include "paymentdialog.h"
#include "receiptdialog.h"
#include "receipts.h"
#include "tillfixture.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Slate::Core;
using namespace Slate::Ui;
using namespace Slate::Test;

namespace {

void scan(CheckoutWindow &window, const QString &code)
{
    QTest::keyClicks(window.scanField(), code);
    QTest::keyClick(window.scanField(), Qt::Key_Return);
}

// Receipts and labels keep an amount and its currency together with a no-break space; the
// receipt's plain text has ordinary spaces.
QString plain(QString text)
{
    return text.replace(QChar(0x00A0), QLatin1Char(' '));
}

void type(AmountEdit *field, const QString &text)
{
    field->selectAll();
    field->clear();
    QTest::keyClicks(field, text);
}

} // namespace

class tst_Payment : public QObject {
    Q_OBJECT
private slots:
    void creditAndCashShowChangeAndWalletAfter();
    void creditIsPrefilledWithWhatTheWalletCovers();
    void partialCreditUseLeavesTheRestInTheWallet();
    void suggestedCreditYieldsToCashOrCard();
    void creditOverTheWalletIsRefusedWithTheAvailableAmount();
    void overLimitAccountNeedsTheRightManagerPin();
    void walkInCustomerCannotUseCreditOrAccount();
    void receiptPrintsToPdf();
};

void tst_Payment::creditAndCashShowChangeAndWalletAfter()
{
    TillFixture till;
    const Customer ola = till.customer("5001", "Ola Nordmann", "200.00");
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    scan(window, kCoffeeBarcode);
    scan(window, kCoffeeBarcode);
    scan(window, kTeaBarcode);
    QCOMPARE(window.cart()->rowCount(), 2);
    QCOMPARE(window.cart()->lines().at(0).quantity, 2);
    QCOMPARE(window.totalText(), till.session.money(till.money("130.00")));
    scan(window, "5001"); // the customer's card through the same scanner
    QVERIFY(window.customer().has_value());
    QCOMPARE(window.customer()->id, ola.id);
    QVERIFY(window.customerCard()->overview().has_value());
    QCOMPARE(window.customerCard()->overview()->wallet, till.money("200.00"));

    QTest::keyClick(&window, Qt::Key_F12);
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    type(payment->tenderField(TenderKind::Credit), "60");
    QVERIFY(!payment->completeButton()->isEnabled()); // 70.00 still to pay
    QCOMPARE(payment->remainingText(), till.session.money(till.money("70.00")));
    type(payment->tenderField(TenderKind::Cash), "100");
    QCOMPARE(payment->remainingText(), till.session.money(till.money("0.00")));
    QCOMPARE(payment->changeText(), till.session.money(till.money("30.00")));
    QVERIFY(payment->completeButton()->isEnabled());
    QTest::mouseClick(payment->completeButton(), Qt::LeftButton);

    auto *receipt = openDialog<ReceiptDialog>(&window);
    QVERIFY(receipt);
    const QString text = receipt->plainText();
    QVERIFY2(text.contains(QStringLiteral("Change")) && text.contains(plain(till.session.money(till.money("30.00")))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Wallet after")) && text.contains(plain(till.session.money(till.money("140.00")))), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Store credit")));
    QCOMPARE(till.wallet(ola), till.money("140.00"));
    QVERIFY(window.cart()->isEmpty());       // the next customer starts fresh
    QVERIFY(!window.customer().has_value());
    QVERIFY(till.verifies());
}

void tst_Payment::creditIsPrefilledWithWhatTheWalletCovers()
{
    TillFixture till;
    till.customer("5002", "Kari Hansen", "200.00");
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    scan(window, kCoffeeBarcode); // 50.00: the wallet covers all of it
    scan(window, "5002");
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("50.00"));
    QVERIFY(payment->completeButton()->isEnabled());
    payment->reject();

    for (int i = 0; i < 5; ++i)
        scan(window, kCoffeeBarcode); // 300.00: more than the wallet
    window.pay();
    payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("200.00"));
    QCOMPARE(payment->remainingText(), till.session.money(till.money("100.00")));
}

void tst_Payment::partialCreditUseLeavesTheRestInTheWallet()
{
    TillFixture till;
    const Customer kari = till.customer("5003", "Kari Hansen", "200.00");
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    scan(window, "2*COFFEE"); // 100.00 by SKU with a quantity
    QCOMPARE(window.cart()->lines().at(0).quantity, 2);
    scan(window, "5003");
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    type(payment->tenderField(TenderKind::Credit), "25.50");
    payment->fillTender(TenderKind::Card); // F3: the rest by card
    QCOMPARE(*payment->tenderField(TenderKind::Card)->amount(), till.money("74.50"));
    QVERIFY(payment->completeButton()->isEnabled());
    payment->complete();
    QVERIFY(payment->receipt().has_value());
    QCOMPARE(till.wallet(kari), till.money("174.50"));
    auto *receipt = openDialog<ReceiptDialog>(&window);
    QVERIFY(receipt);
    QVERIFY2(receipt->plainText().contains(plain(till.session.money(till.money("174.50")))), qPrintable(receipt->plainText()));
    QVERIFY(receipt->plainText().contains(QStringLiteral("Card")));
}

void tst_Payment::suggestedCreditYieldsToCashOrCard()
{
    TillFixture till;
    const Customer ola = till.customer("5007", "Ola Nordmann", "200.00");
    CheckoutWindow window(till.session);
    window.show();
    scan(window, kCoffeeBarcode); // 50.00
    scan(window, "5007");
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("50.00"));
    type(payment->tenderField(TenderKind::Cash), "20"); // the customer hands over a 20 note
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("30.00"));
    type(payment->tenderField(TenderKind::Cash), "100"); // ... or pays it all in cash
    QVERIFY(payment->tenderField(TenderKind::Credit)->isBlank());
    QCOMPARE(payment->changeText(), till.session.money(till.money("50.00")));
    payment->tenderField(TenderKind::Cash)->clear();
    payment->fillTender(TenderKind::Card); // F3: all by card
    QCOMPARE(*payment->tenderField(TenderKind::Card)->amount(), till.money("50.00"));
    QVERIFY(payment->tenderField(TenderKind::Credit)->isBlank());
    payment->complete();
    QVERIFY(payment->receipt().has_value());
    QCOMPARE(till.wallet(ola), till.money("200.00"));
}

void tst_Payment::creditOverTheWalletIsRefusedWithTheAvailableAmount()
{
    TillFixture till;
    const Customer per = till.customer("5004", "Per Johansen", "40.00");
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    scan(window, kCoffeeBarcode);
    scan(window, "5004");
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    type(payment->tenderField(TenderKind::Credit), "50");
    const QString message = payment->tenderMessage(TenderKind::Credit);
    QVERIFY2(message.contains(till.session.money(till.money("40.00"))), qPrintable(message)); // what is available
    QVERIFY2(message.contains(till.session.money(till.money("10.00"))), qPrintable(message)); // how much over
    QVERIFY(payment->overrideButton(TenderKind::Credit)->isVisibleTo(payment));
    QVERIFY(!payment->completeButton()->isEnabled());
    payment->complete(); // refused: nothing is written
    QVERIFY(!payment->receipt().has_value());
    QCOMPARE(till.wallet(per), till.money("40.00"));
}

void tst_Payment::overLimitAccountNeedsTheRightManagerPin()
{
    TillFixture till;
    CreditTerms terms;
    terms.creditLimitMinorUnits = till.money("100.00").minorUnits();
    const Customer company = till.customer("5005", "Berg Bygg AS", QString(), terms);
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    scan(window, kCoffeeBarcode);
    scan(window, kCoffeeBarcode);
    scan(window, kTeaBarcode); // 130.00, 30.00 over the limit
    scan(window, "5005");
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    payment->fillTender(TenderKind::Account);
    QCOMPARE(*payment->tenderField(TenderKind::Account)->amount(), till.money("130.00"));
    QVERIFY(payment->tenderMessage(TenderKind::Account).contains(till.session.money(till.money("100.00"))));
    QVERIFY(!payment->completeButton()->isEnabled());
    QPushButton *overrideButton = payment->overrideButton(TenderKind::Account);
    QVERIFY(overrideButton->isVisibleTo(payment));

    QTest::mouseClick(overrideButton, Qt::LeftButton);
    auto *override = openDialog<OverrideDialog>(payment);
    QVERIFY(override);
    QVERIFY(override->selectManager(kManager));
    QCOMPARE(override->managerField()->count(), 1); // managers only: a cashier cannot authorise
    QTest::keyClicks(override->reasonField(), "Regular customer, pays on Friday");
    QTest::keyClicks(override->pinField(), "0000");
    override->authorise();
    QVERIFY(override->isVisible());
    QVERIFY(!override->grant().has_value());
    QVERIFY2(override->errorText().contains(QStringLiteral("nothing was authorised")), qPrintable(override->errorText()));
    QVERIFY(!payment->completeButton()->isEnabled());

    QTest::keyClicks(override->pinField(), kManagerPin);
    QTest::keyClick(override->pinField(), Qt::Key_Return);
    QVERIFY(override->grant().has_value());
    settle();
    QVERIFY2(payment->tenderMessage(TenderKind::Account).contains(kManager), qPrintable(payment->tenderMessage(TenderKind::Account)));
    QVERIFY(!payment->overrideButton(TenderKind::Account)->isVisibleTo(payment));
    QVERIFY(payment->completeButton()->isEnabled());
    payment->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(payment));
    QTest::keyClick(payment, Qt::Key_F12); // the keyboard way to complete
    QVERIFY(payment->receipt().has_value());

    const QList<OverrideRecord> log = TillFixture::must(till.store->checkout().overrides(QDateTime(), QDateTime()));
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().managerName, kManager);
    QCOMPARE(log.first().cashierName, kCashier);
    QCOMPARE(log.first().customerId, company.id);
    QCOMPARE(log.first().amountOver, till.money("30.00"));
    QCOMPARE(log.first().reason, QStringLiteral("Regular customer, pays on Friday"));
    auto *receipt = openDialog<ReceiptDialog>(&window);
    QVERIFY(receipt);
    QVERIFY2(receipt->plainText().contains(QStringLiteral("manager override")), qPrintable(receipt->plainText()));
    QVERIFY(till.verifies());
}

void tst_Payment::walkInCustomerCannotUseCreditOrAccount()
{
    TillFixture till;
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    scan(window, kTeaBarcode);
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    QVERIFY(!payment->tenderField(TenderKind::Credit)->isEnabled());
    QVERIFY(!payment->tenderField(TenderKind::Account)->isEnabled());
    QVERIFY(payment->tenderField(TenderKind::Cash)->hasFocus() || !QApplication::focusWidget());
    payment->fillTender(TenderKind::Cash); // F4: exact cash
    QCOMPARE(*payment->tenderField(TenderKind::Cash)->amount(), till.money("30.00"));
    QCOMPARE(payment->changeText(), till.session.money(till.money("0.00")));
    payment->complete();
    QVERIFY(payment->receipt().has_value());
}

void tst_Payment::receiptPrintsToPdf()
{
    TillFixture till;
    till.customer("5006", "Sofie Berg", "100.00");
    SaleRequest request;
    request.cashierName = kCashier;
    request.customerId = TillFixture::must(till.store->customers().byCard("5006")).id;
    request.lines = {SaleLineRequest{QStringLiteral("TEA"), 1, std::nullopt}};
    request.tenders = {TenderRequest{TenderKind::Credit, till.money("30.00")}};
    const SaleReceipt sale = TillFixture::must(till.store->checkout().sale(request));
    const QString html = Receipts::sale(sale, till.session);
    QVERIFY(html.contains(sale.sale.saleId));
    const QString path = till.store.folder() + QStringLiteral("/receipt.pdf");
    QVERIFY(Receipts::writePdf(html, path).ok());
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(pdf.size() > 1000);
}

QTEST_MAIN(tst_Payment)
#include "tst_payment.moc"
