// The checkout window through its real widgets: the scan field (barcodes, quantities, customer
// cards, text search), line edits that core prices or refuses, park and recall, top-up and
// refund to store credit with their receipts, customer details, and the status bar.

#include "amountedit.h"
#include "cartmodel.h"
#include "checkoutwindow.h"
#include "managerpinfields.h"
#include "voiddialog.h"
#include "customercard.h"
#include "customerdetailsdialog.h"
#include "customersearchdialog.h"
#include "discountdialog.h"
#include "ledgercheck.h"
#include "paymentdialog.h"
#include "productsearchdialog.h"
#include "receiptdialog.h"
#include "refunddialog.h"
#include "tillapp.h"
#include "tillfixture.h"
#include "topupdialog.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QComboBox>
#include <QLabel>
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

QString plain(QString text)
{
    return text.replace(QChar(0x00A0), QLatin1Char(' '));
}

} // namespace

class tst_CheckoutWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(installLookAndLanguage(QLocale(QLocale::English, QLocale::UnitedKingdom))); }
    void barcodeSkuAndQuantityPrefixAddLines();
    void textSearchAddsTheOnlyMatchOrOffersAChoice();
    void unknownCodeSaysSoAndAddsNothing();
    void scanFieldKeepsTheFocus();
    void quantityAndDiscountArePricedByCore();
    void deleteRemovesTheLineAndCtrlDeleteClears();
    void parkAndRecallKeepLinesAndCustomer();
    void customerSearchAttachesByName();
    void customerSearchSaysWhenToTypeMore_data();
    void customerSearchSaysWhenToTypeMore();
    void blockedCustomerIsShownInWords();
    void topUpAddsToTheWalletAndShowsAReceipt();
    void f4DiscountIsPricedAndBoundedByCore_data();
    void f4DiscountIsPricedAndBoundedByCore();
    void managerFieldsLeaveOutTheUserAtTheTill();
    void topUpOverTheCashiersBound_data();
    void topUpOverTheCashiersBound();
    void f11VoidsTheLastSaleWithAManagersPin();
    void refundToCredit();
    void customerDetailsShowHistoryWithRunningBalance();
    void statusBarSaysLocalOnly();
    void settingsPulledWhileSellingAreShownAtOnce();
};

void tst_CheckoutWindow::barcodeSkuAndQuantityPrefixAddLines()
{
    TillFixture till;
    CheckoutWindow window(till.session);
    window.show();
    scan(window, kCoffeeBarcode);
    scan(window, "TEA");
    scan(window, QStringLiteral("3*%1").arg(kCoffeeBarcode));
    QCOMPARE(window.cart()->rowCount(), 2);
    QCOMPARE(window.cart()->lines().at(0).product.sku, QStringLiteral("COFFEE"));
    QCOMPARE(window.cart()->lines().at(0).quantity, 4);
    QCOMPARE(window.cart()->lines().at(1).quantity, 1);
    QCOMPARE(window.cart()->totals().gross, till.money("230.00"));
    QCOMPARE(window.cart()->totals().tax, till.money("46.00")); // 25 % included
    QCOMPARE(window.totalText(), till.session.money(till.money("230.00")));
    QVERIFY(window.scanField()->text().isEmpty());
}

void tst_CheckoutWindow::textSearchAddsTheOnlyMatchOrOffersAChoice()
{
    TillFixture till;
    CheckoutWindow window(till.session);
    window.show();
    scan(window, "beans"); // one product matches
    QCOMPARE(window.cart()->rowCount(), 1);
    QCOMPARE(window.cart()->lines().at(0).product.sku, QStringLiteral("COFFEE"));

    scan(window, "tea"); // "Green tea" and "Tea cup"
    QCOMPARE(window.cart()->rowCount(), 1);
    auto *choose = openDialog<ProductSearchDialog>(&window);
    QVERIFY(choose);
    QCOMPARE(choose->resultView()->model()->rowCount(), 2);
    QTest::keyClick(choose->searchField(), Qt::Key_Down);
    QTest::keyClick(choose->searchField(), Qt::Key_Return);
    QCOMPARE(window.cart()->rowCount(), 2);
    QCOMPARE(window.cart()->lines().at(1).product.name, choose->selected()->name);
}

void tst_CheckoutWindow::unknownCodeSaysSoAndAddsNothing()
{
    TillFixture till;
    CheckoutWindow window(till.session);
    window.show();
    scan(window, "4006381333931");
    QVERIFY(window.cart()->isEmpty());
    QVERIFY2(window.messageText().contains(QStringLiteral("4006381333931")), qPrintable(window.messageText()));
    QVERIFY(!openDialog<ProductSearchDialog>(&window));
}

void tst_CheckoutWindow::scanFieldKeepsTheFocus()
{
    TillFixture till;
    till.customer("6001", "Ola Nordmann", "10.00");
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(QApplication::focusWidget(), window.scanField());
    scan(window, kCoffeeBarcode);
    scan(window, "6001");
    QCOMPARE(QApplication::focusWidget(), window.scanField());
    // Up/Down in the scan field move through the lines without leaving it.
    scan(window, kTeaBarcode);
    QTest::keyClick(window.scanField(), Qt::Key_Up);
    QCOMPARE(window.cartView()->currentIndex().row(), 0);
    QCOMPARE(QApplication::focusWidget(), window.scanField());
    QTest::keyClick(&window, Qt::Key_F2);
    auto *search = openDialog<CustomerSearchDialog>(&window);
    QVERIFY(search);
    search->reject();
    settle();
    // The window's focus goes back to the scan field (it takes the keyboard when the window is
    // active again; the offscreen platform does not reactivate it by itself).
    QCOMPARE(window.focusWidget(), window.scanField());
}

void tst_CheckoutWindow::quantityAndDiscountArePricedByCore()
{
    TillFixture till;
    CheckoutWindow window(till.session);
    window.show();
    scan(window, kCoffeeBarcode);
    CartModel *cart = window.cart();
    QVERIFY(cart->setData(cart->index(0, CartModel::Quantity), QStringLiteral("3")));
    QVERIFY(cart->setData(cart->index(0, CartModel::Discount), QStringLiteral("15.00")));
    QCOMPARE(cart->totals().gross, till.money("135.00"));
    QCOMPARE(window.totalText(), till.session.money(till.money("135.00")));
    // A discount larger than the line is refused by core's pricing, and the cart stays as it was.
    QVERIFY(!cart->setData(cart->index(0, CartModel::Discount), QStringLiteral("151")));
    QVERIFY(!window.messageText().isEmpty());
    QCOMPARE(cart->totals().gross, till.money("135.00"));
    QVERIFY(!cart->setData(cart->index(0, CartModel::Quantity), QStringLiteral("0")));
    QCOMPARE(cart->lines().at(0).quantity, 3);
    QVERIFY(!cart->setData(cart->index(0, CartModel::Quantity), QStringLiteral("two")));
    QVERIFY(window.messageText().contains(QStringLiteral("two")));
}

void tst_CheckoutWindow::deleteRemovesTheLineAndCtrlDeleteClears()
{
    TillFixture till;
    till.customer("6002", "Kari Hansen", QString());
    CheckoutWindow window(till.session);
    window.show();
    scan(window, kCoffeeBarcode);
    scan(window, kTeaBarcode);
    scan(window, "6002");
    QCOMPARE(window.cartView()->currentIndex().row(), 1);
    QTest::keyClick(window.scanField(), Qt::Key_Delete);
    QCOMPARE(window.cart()->rowCount(), 1);
    QCOMPARE(window.cart()->lines().at(0).product.sku, QStringLiteral("COFFEE"));
    QTest::keyClick(window.scanField(), Qt::Key_Delete, Qt::ControlModifier);
    QVERIFY(window.cart()->isEmpty());
    QVERIFY(!window.customer().has_value());
    QCOMPARE(window.totalText(), till.session.money(till.money("0.00")));
}

void tst_CheckoutWindow::parkAndRecallKeepLinesAndCustomer()
{
    TillFixture till;
    const Customer ola = till.customer("6003", "Ola Nordmann", "10.00");
    CheckoutWindow window(till.session);
    window.show();
    window.recall();
    QVERIFY(!window.messageText().isEmpty()); // nothing parked
    scan(window, "2*COFFEE");
    scan(window, "6003");
    window.park();
    QCOMPARE(window.parkedCount(), 1);
    QVERIFY(window.cart()->isEmpty());
    QVERIFY(!window.customer().has_value());
    scan(window, kTeaBarcode); // another customer meanwhile
    window.recall();
    QCOMPARE(window.parkedCount(), 1); // refused: the current sale is not finished
    window.clearSale();
    window.recall();
    QCOMPARE(window.parkedCount(), 0);
    QCOMPARE(window.cart()->lines().at(0).quantity, 2);
    QCOMPARE(window.customer()->id, ola.id);
}

void tst_CheckoutWindow::customerSearchAttachesByName()
{
    TillFixture till;
    till.customer("6004", "Ingrid Larsen", "75.50");
    till.customer("6005", "Lars Olsen", QString());
    CheckoutWindow window(till.session);
    window.show();
    window.chooseCustomer();
    auto *search = openDialog<CustomerSearchDialog>(&window);
    QVERIFY(search);
    QTest::keyClicks(search->searchField(), "ingrid");
    QTest::keyClick(search->searchField(), Qt::Key_Return); // Enter right after typing, like a scanner
    QVERIFY(window.customer().has_value());
    QCOMPARE(window.customer()->card, QStringLiteral("6004"));
    QCOMPARE(window.customerCard()->overview()->wallet, till.money("75.50"));
}

void tst_CheckoutWindow::customerSearchSaysWhenToTypeMore_data()
{
    QTest::addColumn<int>("customers"); // named "Jo Crowd Aa", "Jo Crowd Ab", ...
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("status");
    QTest::newRow("a search that lists every match counts them") << 3 << QStringLiteral("jo") << QStringLiteral("3 customers found.");
    QTest::newRow("a search with more matches than the list holds asks for more text")
        << 51 << QStringLiteral("jo") << QStringLiteral("Showing 50 customers; more may match — type more to narrow the search.");
    QTest::newRow("a search that matches nobody says so") << 3 << QStringLiteral("zz") << QStringLiteral("No customer matches \"zz\".");
    QTest::newRow("a letter too common to look through asks for more text")
        << 250 << QStringLiteral("q") << QStringLiteral("Too many customers to look through for \"q\"; type more to narrow the search.");
}

void tst_CheckoutWindow::customerSearchSaysWhenToTypeMore()
{
    QFETCH(int, customers);
    QFETCH(QString, text);
    QFETCH(QString, status);
    TillFixture till;
    for (int i = 0; i < customers; ++i)
        till.customer(QStringLiteral("7%1").arg(i, 4, 10, QLatin1Char('0')),
                      QStringLiteral("Jo Crowd ") + QChar(u'A' + i / 26) + QChar(u'a' + i % 26), QString());
    CheckoutWindow window(till.session);
    window.show();
    window.chooseCustomer();
    auto *search = openDialog<CustomerSearchDialog>(&window);
    QVERIFY(search);
    QTest::keyClicks(search->searchField(), text);
    search->searchNow();
    QCOMPARE(search->statusText(), status);
    search->reject();
}

void tst_CheckoutWindow::blockedCustomerIsShownInWords()
{
    TillFixture till;
    CreditTerms blocked;
    blocked.blocked = true;
    blocked.creditLimitMinorUnits = till.money("500.00").minorUnits();
    blocked.overdraftLimitMinorUnits = till.money("100.00").minorUnits();
    till.customer("6006", "Emma Kristiansen", "20.00", blocked);
    CheckoutWindow window(till.session);
    window.show();
    scan(window, "6006");
    QCOMPARE(window.customerCard()->overview()->state, CreditState::Blocked);
    // Nothing shows as available: not the limit, not the overdraft.
    QCOMPARE(window.customerCard()->overview()->available, till.money("0"));
    auto *available = window.customerCard()->findChild<QLabel *>(QStringLiteral("availableFigure"));
    QVERIFY(available);
    QVERIFY2(!available->text().contains(QStringLiteral("500")), qPrintable(available->text()));
    QVERIFY2(available->text().contains(QStringLiteral("None")), qPrintable(available->text()));
    QVERIFY2(window.customerCard()->stateText().contains(QStringLiteral("BLOCKED")), qPrintable(window.customerCard()->stateText()));
    QVERIFY(window.customerCard()->accessibleDescription().contains(QStringLiteral("BLOCKED")));
}

void tst_CheckoutWindow::topUpAddsToTheWalletAndShowsAReceipt()
{
    TillFixture till;
    const Customer ola = till.customer("6007", "Ola Nordmann", "10.00");
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    scan(window, "6007");
    QTest::keyClick(&window, Qt::Key_F5);
    auto *topUp = openDialog<TopUpDialog>(&window);
    QVERIFY(topUp);
    topUp->submit();
    QVERIFY(!topUp->errorText().isEmpty()); // no amount yet
    QTest::keyClicks(topUp->amountField(), "150");
    topUp->setJournal(PaymentJournal::Card);
    QTest::keyClick(topUp->amountField(), Qt::Key_Return);
    // First a confirmation with customer, amount and tender; nothing is posted yet.
    QVERIFY(topUp->confirming());
    QVERIFY2(topUp->confirmationText().contains(QStringLiteral("Ola Nordmann")), qPrintable(topUp->confirmationText()));
    QVERIFY(topUp->confirmationText().contains(till.session.money(till.money("150.00"))));
    QVERIFY(topUp->confirmationText().contains(QStringLiteral("card")));
    QVERIFY(!topUp->managerFields()->isVisibleTo(topUp)); // within the cashier's bound
    QCOMPARE(till.wallet(ola), till.money("10.00"));
    QTest::keyClick(topUp->amountField(), Qt::Key_Return);
    QCOMPARE(till.wallet(ola), till.money("160.00"));
    QCOMPARE(window.customerCard()->overview()->wallet, till.money("160.00"));
    auto *receipt = openDialog<ReceiptDialog>(&window);
    QVERIFY(receipt);
    QVERIFY2(receipt->plainText().contains(plain(till.session.money(till.money("160.00")))), qPrintable(receipt->plainText()));
    QVERIFY(receipt->plainText().contains(QStringLiteral("Card")));
    QVERIFY(till.verifies());
}

void tst_CheckoutWindow::f4DiscountIsPricedAndBoundedByCore_data()
{
    // Coffee beans, 50.00 with 25 % tax included; a cashier may give at most 20 % alone.
    QTest::addColumn<QString>("user");       // at the till
    QTest::addColumn<QString>("typed");      // into the discount field
    QTest::addColumn<bool>("needsManager");  // the first Enter shows the manager's fields
    QTest::addColumn<QString>("pin");        // the manager's, typed then
    QTest::addColumn<QString>("message");    // in the dialog's error line, when refused
    QTest::addColumn<QString>("total");      // of the sale afterwards
    QTest::newRow("a percentage within the cashier's bound is applied") << kCashier << "20%" << false << "" << "" << "40.00";
    QTest::newRow("an amount within the bound is applied") << kCashier << "7.50" << false << "" << "" << "42.50";
    QTest::newRow("an empty field takes the discount off") << kCashier << "" << false << "" << "" << "50.00";
    QTest::newRow("over the bound is refused without a PIN") << kCashier << "30%" << true << "" << "Wrong manager or PIN" << "50.00";
    QTest::newRow("over the bound with the manager's PIN, and the sale completes") << kCashier << "30%" << true << kManagerPin << "" << "35.00";
    QTest::newRow("an amount over the bound with the manager's PIN") << kCashier << "12.50" << true << kManagerPin << "" << "37.50";
    QTest::newRow("a wrong PIN is refused") << kCashier << "30%" << true << "0000" << "Wrong manager or PIN" << "50.00";
    QTest::newRow("a manager at the till gives it alone") << kManager << "30%" << false << "" << "" << "35.00";
    QTest::newRow("over 100 % is not a percentage") << kCashier << "150%" << false << "" << "not a percentage" << "50.00";
    QTest::newRow("text is neither a percentage nor an amount") << kCashier << "half" << false << "" << "neither" << "50.00";
    QTest::newRow("more than the line is refused by core") << kCashier << "60.00" << false << "" << "60.00" << "50.00";
}

void tst_CheckoutWindow::f4DiscountIsPricedAndBoundedByCore()
{
    QFETCH(QString, user);
    QFETCH(QString, typed);
    QFETCH(bool, needsManager);
    QFETCH(QString, pin);
    QFETCH(QString, message);
    QFETCH(QString, total);
    TillFixture till;
    till.session.setUser(TillFixture::must(till.store->users().byName(user)));
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    scan(window, kCoffeeBarcode);
    QTest::keyClick(&window, Qt::Key_F4);
    auto *dialog = openDialog<DiscountDialog>(&window);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->discountField(), typed);
    dialog->submit();
    QCOMPARE(dialog->needsManager(), needsManager);
    QCOMPARE(dialog->managerFields()->isVisibleTo(dialog), needsManager);
    if (needsManager) {
        QVERIFY2(dialog->errorText().contains(QStringLiteral("20 %")), qPrintable(dialog->errorText()));
        QCOMPARE(dialog->managerFields()->managerField()->currentData().toString(), kManager);
        QTest::keyClicks(dialog->managerFields()->reasonField(), "damaged packaging");
        QTest::keyClicks(dialog->managerFields()->pinField(), pin);
        dialog->submit();
    }
    if (!message.isEmpty()) {
        QVERIFY2(dialog->isVisible(), qPrintable(dialog->errorText()));
        QVERIFY2(dialog->errorText().contains(message), qPrintable(dialog->errorText()));
        QVERIFY(dialog->managerFields()->pinField()->text().isEmpty()); // a PIN is never kept
        dialog->reject();
    }
    settle();
    QCOMPARE(window.cart()->totals().gross, till.money(total));
    QCOMPARE(window.totalText(), till.session.money(till.money(total)));
    QCOMPARE(window.cart()->discountGrants().size(), message.isEmpty() && needsManager ? 1 : 0);
    if (!message.isEmpty())
        return;

    // The sale goes through with the discounted total; a manager's approval goes with it.
    window.pay();
    auto *payment = openDialog<PaymentDialog>(&window);
    QVERIFY(payment);
    payment->fillTender(TenderKind::Cash);
    QVERIFY2(payment->completeButton()->isEnabled(), qPrintable(payment->problemText()));
    payment->complete();
    QVERIFY(payment->receipt().has_value());
    const SaleReceipt receipt = *payment->receipt();
    QCOMPARE(receipt.sale.total, till.money(total));
    QCOMPARE(receipt.entry.note.contains(QStringLiteral("authorised by ") + kManager), needsManager);
    QVERIFY(window.cart()->isEmpty());
    QVERIFY(window.cart()->discountGrants().isEmpty());
    QCOMPARE(Slate::Test::ledgerProblem(*till.store), QString());
}

void tst_CheckoutWindow::managerFieldsLeaveOutTheUserAtTheTill()
{
    // The four-eyes rule is core's (approveByManager refuses a manager approving a transaction
    // they ring up); the fields do not even offer it unless the store allows it, and core's
    // message is what the discount dialog shows when it comes to that.
    TillFixture till;
    till.session.setUser(TillFixture::must(till.store->users().byName(kManager)));
    ManagerPinFields fields(till.session, QStringLiteral("why"));
    QVERIFY(!fields.selectManager(kManager));
    const Result<OverrideGrant> own =
        till.session.checkout().authorizeDiscount(ManagerPin{kManager, kManagerPin, QStringLiteral("own sale")}, kManager, 3000);
    QCOMPARE(own.code(), ErrorCode::NotPermitted);
    CheckoutSettings settings = till.store->checkoutSettings();
    settings.selfAuthorise = true;
    QVERIFY(till.store->setCheckoutSettings(settings).ok());
    ManagerPinFields allowed(till.session, QStringLiteral("why"));
    QVERIFY(allowed.selectManager(kManager));
}

void tst_CheckoutWindow::topUpOverTheCashiersBound_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<bool>("confirms");     // the first Enter shows the confirmation
    QTest::addColumn<bool>("needsManager");
    QTest::addColumn<QString>("message");   // in the error line after the first Enter
    QTest::newRow("within the bound needs no one") << "5000" << true << false << "";
    QTest::newRow("over the bound asks for a manager") << "6000" << true << true << "";
    QTest::newRow("over the wallet maximum is refused for everyone") << "60000" << false << false << "at most";
    QTest::newRow("the issue's 99,999,999,999 is beyond any real amount") << "99999999999" << false << false << "far beyond";
    QTest::newRow("a 20-digit amount is refused by the field") << "99999999999999999999" << false << false << "far beyond";
}

void tst_CheckoutWindow::topUpOverTheCashiersBound()
{
    QFETCH(QString, amount);
    QFETCH(bool, confirms);
    QFETCH(bool, needsManager);
    QFETCH(QString, message);
    TillFixture till;
    const Customer ola = till.customer("6017", "Ola Nordmann", QString());
    TopUpDialog dialog(till.session, ola, TopUpDialog::Place::Till);
    dialog.show();
    QTest::keyClicks(dialog.amountField(), amount);
    dialog.submit();
    QCOMPARE(dialog.confirming(), confirms);
    QCOMPARE(dialog.managerFields()->isVisibleTo(&dialog), needsManager);
    if (!message.isEmpty())
        QVERIFY2(dialog.errorText().contains(message), qPrintable(dialog.errorText()));
    if (!confirms) {
        QCOMPARE(till.wallet(ola), till.money("0"));
        return;
    }
    if (needsManager) {
        // A manager by default, never the administrator first; a wrong PIN adds nothing.
        QCOMPARE(dialog.managerFields()->managerField()->currentData().toString(), kManager);
        QTest::keyClicks(dialog.managerFields()->reasonField(), "gift cards");
        QTest::keyClicks(dialog.managerFields()->pinField(), "0000");
        dialog.submit();
        QVERIFY2(dialog.errorText().contains(QStringLiteral("Wrong manager or PIN")), qPrintable(dialog.errorText()));
        QCOMPARE(till.wallet(ola), till.money("0"));
        QTest::keyClicks(dialog.managerFields()->pinField(), kManagerPin);
    }
    dialog.submit();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.approvedBy(), needsManager ? kManager : QString());
    QCOMPARE(till.wallet(ola), till.money(amount + QStringLiteral(".00")));
    QVERIFY(till.verifies());
}

void tst_CheckoutWindow::f11VoidsTheLastSaleWithAManagersPin()
{
    TillFixture till;
    const Customer kari = till.customer("6018", "Kari Hansen", "100.00");
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F11);
    auto *nothing = openDialog<VoidDialog>(&window);
    QVERIFY(nothing);
    QVERIFY(nothing->hasTransaction()); // the fixture's top-up is this till's last entry
    nothing->reject();
    settle();
    SaleRequest request{kCashier, kari.id, {SaleLineRequest{QStringLiteral("COFFEE"), 1, std::nullopt}},
                        {TenderRequest{TenderKind::Credit, till.money("50.00")}}, {}};
    const SaleReceipt sale = TillFixture::must(till.store->checkout().sale(request));
    QCOMPARE(till.wallet(kari), till.money("50.00"));
    QTest::keyClick(&window, Qt::Key_F11);
    auto *dialog = openDialog<VoidDialog>(&window);
    QVERIFY(dialog);
    QVERIFY2(dialog->descriptionText().contains(sale.sale.saleId), qPrintable(dialog->descriptionText()));
    QTest::keyClicks(dialog->managerFields()->reasonField(), "wrong customer");
    QTest::keyClicks(dialog->managerFields()->pinField(), "0000");
    dialog->submit();
    QVERIFY2(dialog->errorText().contains(QStringLiteral("nothing was voided")), qPrintable(dialog->errorText()));
    QCOMPARE(till.wallet(kari), till.money("50.00"));
    QTest::keyClicks(dialog->managerFields()->pinField(), kManagerPin);
    dialog->submit();
    QVERIFY(dialog->receipt().has_value());
    QCOMPARE(till.wallet(kari), till.money("100.00"));
    auto *receipt = openDialog<ReceiptDialog>(&window);
    QVERIFY(receipt);
    QVERIFY2(receipt->plainText().contains(QStringLiteral("VOID")), qPrintable(receipt->plainText()));
    QVERIFY2(!receipt->plainText().contains(QStringLiteral("wrong customer")), qPrintable(receipt->plainText()));
    QVERIFY(till.verifies());
}

void tst_CheckoutWindow::refundToCredit()
{
    TillFixture till;
    const Customer kari = till.customer("6008", "Kari Hansen", "100.00");
    SaleRequest request;
    request.cashierName = kCashier;
    request.customerId = kari.id;
    request.lines = {SaleLineRequest{QStringLiteral("COFFEE"), 2, std::nullopt}};
    request.tenders = {TenderRequest{TenderKind::Cash, till.money("100.00")}};
    const SaleReceipt sale = TillFixture::must(till.store->checkout().sale(request));

    CheckoutWindow window(till.session);
    window.show();
    window.refund();
    auto *refund = openDialog<RefundDialog>(&window);
    QVERIFY(refund);
    refund->findSale(QStringLiteral("T1-999999"));
    QVERIFY(refund->errorText().contains(QStringLiteral("T1-999999")));
    QTest::keyClicks(refund->receiptField(), sale.sale.saleId);
    QTest::keyClick(refund->receiptField(), Qt::Key_Return);
    QCOMPARE(refund->linesTable()->rowCount(), 1);
    refund->setReturnQuantity(0, 1);
    refund->setDestination(RefundTo::Credit);
    QTest::keyClicks(refund->reasonField(), "Damaged bag");
    refund->submit();
    QVERIFY2(refund->receipt().has_value(), qPrintable(refund->errorText()));
    QCOMPARE(till.wallet(kari), till.money("150.00"));
    auto *receipt = openDialog<ReceiptDialog>(&window);
    QVERIFY(receipt);
    QVERIFY(receipt->plainText().contains(sale.sale.saleId));
    QVERIFY(receipt->plainText().contains(plain(till.session.money(till.money("150.00")))));

    // The same line cannot come back twice: core refuses, the dialog says why.
    window.refund();
    refund = openDialog<RefundDialog>(&window);
    QVERIFY(refund);
    refund->findSale(sale.sale.saleId);
    QCOMPARE(refund->linesTable()->item(0, 2)->text(), QStringLiteral("1")); // returned before
    refund->setReturnQuantity(0, 2);
    refund->submit();
    QVERIFY(!refund->receipt().has_value());
    QVERIFY(!refund->errorText().isEmpty());
    QCOMPARE(till.wallet(kari), till.money("150.00"));
    QVERIFY(till.verifies());
}

void tst_CheckoutWindow::customerDetailsShowHistoryWithRunningBalance()
{
    TillFixture till;
    const Customer ola = till.customer("6009", "Ola Nordmann", "100.00");
    TillFixture::must(till.store->credit().topUp(ola, till.money("50.00"), PaymentJournal::Bank, QStringLiteral("Season"), QStringLiteral("x")));
    TillFixture::must(till.store->credit().adjust(ola, till.money("-20.00"), QStringLiteral("Correction"), QStringLiteral("x")));
    CheckoutWindow window(till.session);
    window.show();
    scan(window, "6009");
    QTest::keyClick(window.scanField(), Qt::Key_F9);
    window.customerDetails();
    auto *details = openDialog<CustomerDetailsDialog>(&window);
    QVERIFY(details);
    QCOMPARE(details->tabs()->count(), 2);
    QCOMPARE(details->tabs()->tabText(0), QStringLiteral("Credit history"));
    QCOMPARE(details->tabs()->tabText(1), QStringLiteral("Payments and invoices"));
    QTableWidget *history = details->historyTable();
    QCOMPARE(history->rowCount(), 3);
    // Newest first, each with the wallet after it.
    QCOMPARE(history->item(0, 3)->text(), till.session.money(till.money("130.00")));
    QCOMPARE(history->item(0, 5)->text(), QStringLiteral("Correction"));
    QCOMPARE(history->item(1, 3)->text(), till.session.money(till.money("150.00")));
    QCOMPARE(history->item(2, 3)->text(), till.session.money(till.money("100.00")));
}

void tst_CheckoutWindow::statusBarSaysLocalOnly()
{
    TillFixture till;
    CheckoutWindow window(till.session);
    QVERIFY(window.syncStatusText().contains(QStringLiteral("Local only")));
    SyncIndicator offline;
    offline.state = SyncIndicator::State::Offline;
    offline.entriesWaiting = 3;
    window.setSyncIndicator(offline);
    QVERIFY2(window.syncStatusText().contains(QStringLiteral("OFFLINE")), qPrintable(window.syncStatusText()));
    QVERIFY(window.syncStatusText().contains(QStringLiteral("3 entries waiting")));
    QVERIFY(window.syncStatusText().contains(QStringLiteral("never synced")));
    SyncIndicator online;
    online.state = SyncIndicator::State::Online;
    online.entriesWaiting = 1;
    online.lastSyncUtc = till.now;
    window.setSyncIndicator(online);
    QVERIFY(window.syncStatusText().contains(QStringLiteral("Online")));
    QVERIFY(window.syncStatusText().contains(QStringLiteral("1 entry waiting")));
    QVERIFY(window.syncStatusText().contains(till.session.dateTime(till.now)));
}

void tst_CheckoutWindow::settingsPulledWhileSellingAreShownAtOnce()
{
    TillFixture till;
    till.customer("6201", "Ola Nordmann", "200.00");
    TillApp app(*till.store, till.session.locale());
    app.start();
    QVERIFY(app.loginDialog()->selectUser(kCashier));
    QTest::keyClicks(app.loginDialog()->pinField(), kCashierPin);
    app.loginDialog()->logIn();
    CheckoutWindow *window = app.checkoutWindow();
    QVERIFY(window);
    scan(*window, kCoffeeBarcode); // 50.00, tax included
    scan(*window, "6201");
    QCOMPARE(window->totalText(), till.session.money(till.money("50.00")));
    window->pay();
    auto *payment = openDialog<PaymentDialog>(window);
    QVERIFY(payment);
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("50.00"));

    // A sync round puts the chain's new settings in force (as SyncClient does over the Store):
    // prices without tax, cash to the nearest 1.00.
    CheckoutSettings pulled = till.store->checkoutSettings();
    pulled.priceMode = PriceMode::TaxExclusive;
    pulled.cashRoundingMinorUnits = 100;
    QVERIFY(till.store->setCheckoutSettings(pulled).ok());
    app.reloadSettings();

    QCOMPARE(window->totalText(), till.session.money(till.money("62.50"))); // 50.00 + 25 % tax
    QCOMPARE(payment->quote()->totals.gross, till.money("62.50"));
    QCOMPARE(*payment->tenderField(TenderKind::Credit)->amount(), till.money("62.50")); // the suggestion follows the new total
    QCOMPARE(payment->remainingText(), till.session.money(till.money("0.00")));
    payment->tenderField(TenderKind::Credit)->clear();
    payment->fillTender(TenderKind::Cash); // F4: exact cash, rounded to the new smallest coin
    QCOMPARE(*payment->tenderField(TenderKind::Cash)->amount(), till.money("63.00"));
    QVERIFY2(payment->tenderMessage(TenderKind::Cash).contains(till.session.money(till.money("0.50"))),
             qPrintable(payment->tenderMessage(TenderKind::Cash)));
    payment->complete();
    QVERIFY(payment->receipt().has_value());
    QCOMPARE(payment->receipt()->sale.cashRounding, till.money("0.50"));
}

QTEST_MAIN(tst_CheckoutWindow)
#include "tst_checkoutwindow.moc"
