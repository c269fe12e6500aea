// Logging in at the till and opening the back office: PINs are checked by core (with lockout),
// the back office lists and accepts managers only, and the app goes login → checkout → login.

#include "amountedit.h"
#include "backofficewindow.h"
#include "cartmodel.h"
#include "checkoutwindow.h"
#include "labels.h"
#include "logindialog.h"
#include "tillapp.h"
#include "tillfixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Slate::Core;
using namespace Slate::Ui;
using namespace Slate::Test;

class tst_Login : public QObject {
    Q_OBJECT
private slots:
    void wrongPinIsRefusedAndRightPinLogsIn();
    void lockedUserIsToldSo();
    void backOfficeNeedsAManager();
    void appGoesFromLoginToCheckoutAndBack();
    void amountsAreTypedInTheShopsLocale();
};

void tst_Login::wrongPinIsRefusedAndRightPinLogsIn()
{
    TillFixture till;
    Session session(*till.store, till.session.locale());
    LoginDialog login(session, LoginDialog::Purpose::Till);
    login.show();
    QCOMPARE(login.userList()->count(), 2);
    QVERIFY(login.selectUser(kCashier));
    QTest::keyClicks(login.pinField(), "0000");
    QTest::keyClick(login.pinField(), Qt::Key_Return);
    QVERIFY(login.isVisible());
    QCOMPARE(login.result(), int(QDialog::Rejected));
    QCOMPARE(login.errorText(), Labels::tr("Wrong user or PIN."));
    QVERIFY(login.pinField()->text().isEmpty());
    QVERIFY(session.user().name.isEmpty());

    QTest::keyClicks(login.pinField(), kCashierPin);
    QTest::keyClick(login.pinField(), Qt::Key_Return);
    QCOMPARE(login.result(), int(QDialog::Accepted));
    QCOMPARE(session.user().name, kCashier);
    QCOMPARE(session.user().role, Role::Cashier);
}

void tst_Login::lockedUserIsToldSo()
{
    TillFixture till;
    Session session(*till.store, till.session.locale());
    LoginDialog login(session, LoginDialog::Purpose::Till);
    QVERIFY(login.selectUser(kCashier));
    for (int attempt = 0; attempt < 5; ++attempt) {
        QTest::keyClicks(login.pinField(), "0000");
        login.logIn();
    }
    QTest::keyClicks(login.pinField(), kCashierPin); // right, but too late
    login.logIn();
    QVERIFY2(login.errorText().startsWith(QStringLiteral("Locked")), qPrintable(login.errorText()));
    QVERIFY(session.user().name.isEmpty());
}

void tst_Login::backOfficeNeedsAManager()
{
    TillFixture till;
    LoginDialog login(till.session, LoginDialog::Purpose::BackOffice);
    QCOMPARE(login.userList()->count(), 1); // the manager only
    QVERIFY(!login.selectUser(kCashier));
    QVERIFY(login.selectUser(kManager));
    QTest::keyClicks(login.pinField(), kManagerPin);
    login.logIn();
    QCOMPARE(login.result(), int(QDialog::Accepted));
    QCOMPARE(login.user().name, kManager);
    QCOMPARE(till.session.user().name, kCashier); // the till stays with the cashier

    CheckoutWindow window(till.session);
    window.show();
    window.openBackOffice();
    auto *managerLogin = openDialog<LoginDialog>(&window);
    QVERIFY(managerLogin);
    QVERIFY(managerLogin->selectUser(kManager));
    QTest::keyClicks(managerLogin->pinField(), kManagerPin);
    managerLogin->logIn();
    settle();
    BackOfficeWindow *backOffice = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *found = qobject_cast<BackOfficeWindow *>(widget); found && found->isVisible())
            backOffice = found;
    }
    QVERIFY(backOffice);
    QCOMPARE(backOffice->session().user().name, kManager); // entries made there name the manager
}

void tst_Login::appGoesFromLoginToCheckoutAndBack()
{
    TillFixture till;
    TillApp app(*till.store, till.session.locale());
    QSignalSpy ready(&app, &TillApp::checkoutReady);
    app.setDemoUsers({Slate::Core::DemoData::DemoUser{QStringLiteral("anna"), Role::Cashier, QStringLiteral("1234")}});
    app.start();
    QVERIFY(app.loginDialog() && app.loginDialog()->isVisible());
    auto *demo = app.loginDialog()->findChild<QLabel *>(QStringLiteral("demoUsers"));
    QVERIFY(demo && demo->isVisibleTo(app.loginDialog()));
    QVERIFY2(demo->text().contains(QStringLiteral("anna (Cashier): PIN 1234")), qPrintable(demo->text()));
    QVERIFY(app.loginDialog()->selectUser(kCashier));
    QTest::keyClicks(app.loginDialog()->pinField(), kCashierPin);
    app.loginDialog()->logIn();
    QCOMPARE(ready.count(), 1);
    QVERIFY(app.checkoutWindow() && app.checkoutWindow()->isVisible());
    QCOMPARE(app.session().user().name, kCashier);
    app.checkoutWindow()->submitScan(kCoffeeBarcode);
    app.checkoutWindow()->park();
    emit app.checkoutWindow()->logoutRequested();
    settle();
    QVERIFY(!app.checkoutWindow());
    QVERIFY(app.loginDialog() && app.loginDialog()->isVisible());
    QVERIFY(app.session().user().name.isEmpty());
    // The next cashier finds the parked sale.
    QVERIFY(app.loginDialog()->selectUser(kManager));
    QTest::keyClicks(app.loginDialog()->pinField(), kManagerPin);
    app.loginDialog()->logIn();
    QVERIFY(app.checkoutWindow());
    QCOMPARE(app.checkoutWindow()->parkedCount(), 1);
    app.checkoutWindow()->recall();
    QCOMPARE(app.checkoutWindow()->cart()->rowCount(), 1);
}

void tst_Login::amountsAreTypedInTheShopsLocale()
{
    TillFixture till;
    Session norwegian(*till.store, QLocale(QLocale::NorwegianBokmal, QLocale::Norway));
    AmountEdit field(norwegian);
    field.setText(QStringLiteral("1 234,50"));
    QVERIFY2(field.amount().ok(), qPrintable(field.amount().ok() ? QString() : field.amount().message()));
    QCOMPARE(*field.amount(), till.money("1234.50"));
    field.setText(QStringLiteral("12.50")); // what a scanner or a habit sends
    QVERIFY2(field.amount().ok(), qPrintable(field.amount().ok() ? QString() : field.amount().message()));
    QCOMPARE(*field.amount(), till.money("12.50"));
    field.setText(QStringLiteral("12,505"));
    QVERIFY(!field.amount().ok()); // more decimals than NOK has
    field.setAmount(till.money("99.90"));
    QCOMPARE(field.text(), QStringLiteral("99,90"));
    QCOMPARE(norwegian.money(till.money("1234.50")), QStringLiteral("1 234,50 NOK").replace(QLatin1Char(' '), QChar(0x00A0)));
}

QTEST_MAIN(tst_Login)
#include "tst_login.moc"
