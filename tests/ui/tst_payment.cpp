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
#include <QLabel>
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
    void creditSuggestionAndF1AskCoreWhatIsAvailable_data();
    void creditSuggestionAndF1AskCoreWhatIsAvailable();
    void overdraftCustomerPays120FromCredit();
    void creditOverWalletAndOverdraftIsRefusedWithCoresNumbers_data();
    void creditOverWalletAndOverdraftIsRefusedWithCoresNumbers();
    void walkInCustomerCannotUseCreditOrAccount();
    void fKeysFillWhatIsStillDueKeepingTheCredit_data();
    void fKeysFillWhatIsStillDueKeepingTheCredit();
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
    // The reason is internal: in the overrides log, not on the customer's receipt.
    QVERIFY2(!receipt->plainText().contains(QStringLiteral("pays on Friday")), qPrintable(receipt->plainText()));
    QVERIFY(till.verifies());
}

namespace {

CreditTerms walletTerms(const TillFixture &till, const QString &overdraft, bool blocked)
{
    CreditTerms terms;
    if (!overdraft.isEmpty())
        terms.overdraftLimitMinorUnits = till.money(overdraft).minorUnits();
    terms.blocked = blocked;
    return terms;
}

// The checkout window with `code` scanned and the customer attached, and its payment dialog.
PaymentDialog *openPayment(CheckoutWindow &window, const QString &code, const QString &card)
{
    window.show();
    scan(window, code);
    scan(window, card);
    window.pay();
    return openDialog<PaymentDialog>(&window);
}

} // namespace

void tst_Payment::creditSuggestionAndF1AskCoreWhatIsAvailable_data()
{
    QTest::addColumn<QString>("wallet");    // topped up; empty: nothing
    QTest::addColumn<QString>("overdraft"); // empty: none
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<QString>("sale");      // what is scanned
    QTest::addColumn<QString>("suggested"); // the credit field when the dialog opens; empty: blank
    QTest::addColumn<QString>("afterF1");   // the credit field after F1; empty: blank
    QTest::addColumn<QString>("available"); // what the credit row says is available; empty: nothing

    QTest::newRow("with an overdraft the wallet is suggested and F1 takes the rest into the overdraft")
        << "50.00" << "100.00" << false << "4*TEA" << "50.00" << "120.00" << "150.00";
    QTest::newRow("with an overdraft F1 stops at wallet plus overdraft")
        << "50.00" << "100.00" << false << "2*TEA-CUP" << "50.00" << "150.00" << "150.00";
    QTest::newRow("a sale the wallet covers is suggested in full")
        << "200.00" << "100.00" << false << "4*TEA" << "120.00" << "120.00" << "300.00";
    QTest::newRow("an empty wallet with an overdraft suggests nothing and F1 takes the overdraft")
        << "" << "100.00" << false << "4*TEA" << "" << "100.00" << "100.00";
    QTest::newRow("without an overdraft the wallet is the cap")
        << "50.00" << "" << false << "4*TEA" << "50.00" << "50.00" << "50.00";
    QTest::newRow("an empty wallet without an overdraft has nothing to give")
        << "" << "" << false << "4*TEA" << "" << "" << "0.00";
    QTest::newRow("a blocked customer has nothing available, overdraft or not")
        << "50.00" << "100.00" << true << "4*TEA" << "" << "" << "";
}

void tst_Payment::creditSuggestionAndF1AskCoreWhatIsAvailable()
{
    QFETCH(QString, wallet);
    QFETCH(QString, overdraft);
    QFETCH(bool, blocked);
    QFETCH(QString, sale);
    QFETCH(QString, suggested);
    QFETCH(QString, afterF1);
    QFETCH(QString, available);
    TillFixture till;
    const Customer customer = till.customer("5101", "Sara Lie", wallet, walletTerms(till, overdraft, blocked));
    CheckoutWindow window(till.session);
    PaymentDialog *payment = openPayment(window, sale, "5101");
    QVERIFY(payment);
    AmountEdit *credit = payment->tenderField(TenderKind::Credit);
    auto compareField = [&](const QString &expected) {
        if (expected.isEmpty())
            return credit->isBlank();
        return credit->amount() && *credit->amount() == till.money(expected);
    };
    QVERIFY2(compareField(suggested), qPrintable(credit->text()));
    payment->fillTender(TenderKind::Credit); // F1: the rest on store credit
    QVERIFY2(compareField(afterF1), qPrintable(credit->text()));

    // Whatever the dialog fills in, core accepts: no refusal, no override offered; the row says
    // what core lets store credit take.
    QVERIFY(!payment->overrideButton(TenderKind::Credit)->isVisibleTo(payment));
    const QString message = payment->tenderMessage(TenderKind::Credit);
    QVERIFY2(!message.contains(QStringLiteral("Refused: only")), qPrintable(message));
    if (available.isEmpty()) {
        QVERIFY2(message.contains(QStringLiteral("Nothing available")) && message.contains(QStringLiteral("blocked")), qPrintable(message));
    } else {
        QVERIFY2(message.contains(QStringLiteral("Available: ") + till.session.money(till.money(available))), qPrintable(message));
    }
    QCOMPARE(till.wallet(customer), wallet.isEmpty() ? till.money("0.00") : till.money(wallet)); // nothing written yet
}

void tst_Payment::overdraftCustomerPays120FromCredit()
{
    TillFixture till;
    const Customer lise = till.customer("5102", "Lise Dahl", "50.00", walletTerms(till, "100.00", false));
    CheckoutWindow window(till.session);
    PaymentDialog *payment = openPayment(window, "4*TEA", "5102"); // 120.00
    QVERIFY(payment);
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("50.00"));
    QCOMPARE(payment->remainingText(), till.session.money(till.money("70.00")));
    type(payment->tenderField(TenderKind::Credit), "120"); // the customer asks to use the overdraft
    QCOMPARE(payment->remainingText(), till.session.money(till.money("0.00")));
    QVERIFY(!payment->overrideButton(TenderKind::Credit)->isVisibleTo(payment));
    const QString message = payment->tenderMessage(TenderKind::Credit);
    QVERIFY2(message.contains(till.session.money(till.money("-70.00"))), qPrintable(message)); // where the wallet ends up
    QVERIFY2(payment->completeButton()->isEnabled(), qPrintable(payment->problemText()));
    QTest::mouseClick(payment->completeButton(), Qt::LeftButton);
    QVERIFY(payment->receipt().has_value());
    QCOMPARE(till.wallet(lise), till.money("-70.00"));
    QCOMPARE(payment->receipt()->sale.tenders.size(), 1);
    QCOMPARE(payment->receipt()->sale.tenders.first().posted, till.money("120.00"));
    QVERIFY(till.verifies());
}

void tst_Payment::creditOverWalletAndOverdraftIsRefusedWithCoresNumbers_data()
{
    QTest::addColumn<QString>("overdraft");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("available");
    QTest::addColumn<QString>("over");

    QTest::newRow("with an overdraft 150.01 is a cent over wallet plus overdraft") << "100.00" << "150.01" << "150.00" << "0.01";
    QTest::newRow("with an overdraft 160.00 is 10.00 over") << "100.00" << "160" << "150.00" << "10.00";
    QTest::newRow("without an overdraft 50.01 is a cent over the wallet") << "" << "50.01" << "50.00" << "0.01";
    QTest::newRow("without an overdraft 120.00 is 70.00 over") << "" << "120" << "50.00" << "70.00";
}

void tst_Payment::creditOverWalletAndOverdraftIsRefusedWithCoresNumbers()
{
    QFETCH(QString, overdraft);
    QFETCH(QString, typed);
    QFETCH(QString, available);
    QFETCH(QString, over);
    TillFixture till;
    const Customer nils = till.customer("5103", "Nils Moe", "50.00", walletTerms(till, overdraft, false));
    CheckoutWindow window(till.session);
    PaymentDialog *payment = openPayment(window, "2*TEA-CUP", "5103"); // 160.00
    QVERIFY(payment);
    type(payment->tenderField(TenderKind::Credit), typed);
    const QString message = payment->tenderMessage(TenderKind::Credit);
    QVERIFY2(message.contains(till.session.money(till.money(available))), qPrintable(message));
    QVERIFY2(message.contains(till.session.money(till.money(over))), qPrintable(message));
    QVERIFY(payment->overrideButton(TenderKind::Credit)->isVisibleTo(payment));
    type(payment->tenderField(TenderKind::Cash), "200"); // the rest would be covered; the refusal still stands
    QVERIFY(!payment->completeButton()->isEnabled());
    QVERIFY2(payment->problemText().contains(QStringLiteral("ask a manager")), qPrintable(payment->problemText()));
    payment->complete();
    QVERIFY(!payment->receipt().has_value());
    QCOMPARE(till.wallet(nils), till.money("50.00"));
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

void tst_Payment::fKeysFillWhatIsStillDueKeepingTheCredit_data()
{
    QTest::addColumn<int>("tender"); // the F-key's tender
    QTest::addColumn<QString>("filled");
    QTest::newRow("F2 puts the rest on account, the credit stays") << int(TenderKind::Account) << "90.00";
    QTest::newRow("F3 puts the rest on card, the credit stays") << int(TenderKind::Card) << "90.00";
    QTest::newRow("F4 is the exact cash still due") << int(TenderKind::Cash) << "90.00";
}

// The issue: F2 dropped the store credit already filled in, and the override then authorised
// more than was needed. Wallet 40, limit 100, sale 130: the rest is 90, within the limit.
void tst_Payment::fKeysFillWhatIsStillDueKeepingTheCredit()
{
    QFETCH(int, tender);
    QFETCH(QString, filled);
    TillFixture till;
    CreditTerms terms;
    terms.creditLimitMinorUnits = till.money("100.00").minorUnits();
    till.customer("5011", "Berg Bygg AS", "40.00", terms);
    CheckoutWindow window(till.session);
    window.show();
    scan(window, kCoffeeBarcode);
    scan(window, kCoffeeBarcode);
    scan(window, kTeaBarcode); // 130.00
    scan(window, "5011");
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("40.00"));
    QVERIFY(!payment->remainingText().isEmpty());
    payment->fillTender(TenderKind(tender));
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("40.00"));
    QCOMPARE(*payment->tenderField(TenderKind(tender))->amount(), till.money(filled));
    QVERIFY2(payment->completeButton()->isEnabled(), qPrintable(payment->problemText()));
    QVERIFY(!payment->overrideButton(TenderKind::Account)->isVisibleTo(payment));
    // Nothing remains: the figure is not shown as a refusal.
    QCOMPARE(payment->findChild<QLabel *>(QStringLiteral("remainingFigure"))->property("settled").toBool(), true);
    payment->fillTender(TenderKind(tender)); // pressing it again fills nothing more
    QCOMPARE(*payment->tenderField(TenderKind(tender))->amount(), till.money(filled));
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
