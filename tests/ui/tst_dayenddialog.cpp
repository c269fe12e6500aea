// The day end at the till: Shift+F10 opens it; a cashier is refused unless the store allows it;
// a manager takes the float, cash in and out, a drawer opening, an X and a Z report, each through
// core, and each report opens as a printable receipt with the figures core made.

#include "amountedit.h"
#include "checkoutwindow.h"
#include "dayenddialog.h"
#include "ledgercheck.h"
#include "receiptdialog.h"
#include "tillfixture.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Slate::Core;
using namespace Slate::Ui;
using namespace Slate::Test;

class tst_DayEndDialog : public QObject {
    Q_OBJECT
private slots:
    void aCashierIsRefusedUnlessTheStoreAllows();
    void aManagerRunsTheDayEnd();
};

void tst_DayEndDialog::aCashierIsRefusedUnlessTheStoreAllows()
{
    TillFixture till; // the session's user is the cashier
    DayEndDialog dialog(till.session);
    QTest::keyClicks(dialog.amountField(), "500");
    dialog.takeFloat();
    QVERIFY2(dialog.errorText().contains(QStringLiteral("ask a manager")), qPrintable(dialog.errorText()));
    QCOMPARE(*till.store->drawer().drawerCash(), till.money("0"));
    CheckoutSettings settings = till.store->checkoutSettings();
    settings.dayEndByCashier = true;
    TillFixture::must(till.store->setCheckoutSettings(settings));
    dialog.takeFloat();
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(*till.store->drawer().drawerCash(), till.money("500"));
    VERIFY_LEDGER(*till.store);
}

void tst_DayEndDialog::aManagerRunsTheDayEnd()
{
    TillFixture till;
    till.session.setUser(TillFixture::must(till.store->users().byName(kManager)));
    CheckoutWindow window(till.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F10, Qt::ShiftModifier);
    auto *dialog = openDialog<DayEndDialog>(&window);
    QVERIFY(dialog);
    QVERIFY2(dialog->drawerText().contains(QStringLiteral("0.00")), qPrintable(dialog->drawerText()));
    QTest::keyClicks(dialog->amountField(), "1,000.00");
    dialog->takeFloat();
    QVERIFY2(dialog->doneText().contains(QStringLiteral("1,000.00")), qPrintable(dialog->doneText()));
    QTest::keyClicks(dialog->amountField(), "200");
    dialog->cashIn();
    QVERIFY2(dialog->errorText().contains(QStringLiteral("reason")), qPrintable(dialog->errorText()));
    QTest::keyClicks(dialog->reasonField(), "change from the safe");
    dialog->cashIn();
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QTest::keyClicks(dialog->amountField(), "1200.01");
    QTest::keyClicks(dialog->reasonField(), "to the bank");
    dialog->cashOut();
    QVERIFY2(dialog->errorText().contains(QStringLiteral("1,200.00")), qPrintable(dialog->errorText()));
    dialog->amountField()->clear();
    QTest::keyClicks(dialog->amountField(), "150.50");
    dialog->cashOut();
    QVERIFY2(dialog->drawerText().contains(QStringLiteral("1,049.50")), qPrintable(dialog->drawerText()));
    dialog->openDrawer();
    dialog->xReport();
    QVERIFY(dialog->lastReport().has_value());
    QCOMPARE(dialog->lastReport()->kind, DayReportKind::X);
    QCOMPARE(dialog->lastReport()->drawerOpenings, qint64(1));
    auto *x = openDialog<ReceiptDialog>(dialog);
    QVERIFY(x);
    QVERIFY2(x->plainText().contains(QStringLiteral("X report")) && x->plainText().contains(QStringLiteral("1,049.50")),
             qPrintable(x->plainText()));
    x->accept();
    settle();
    dialog->zReport(); // no count typed: refused, nothing closed
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Count the drawer")), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->lastReport()->kind, DayReportKind::X);
    QTest::keyClicks(dialog->amountField(), "1,040.00");
    dialog->zReport();
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->lastReport()->kind, DayReportKind::Z);
    QCOMPARE(dialog->lastReport()->number, qint64(1));
    QCOMPARE(dialog->lastReport()->difference, till.money("-9.50"));
    QVERIFY2(dialog->doneText().contains(QStringLiteral("-9.50")), qPrintable(dialog->doneText()));
    auto *z = openDialog<ReceiptDialog>(dialog);
    QVERIFY(z);
    QVERIFY2(z->plainText().contains(QStringLiteral("Counted by ") + kManager), qPrintable(z->plainText()));
    QCOMPARE(*till.store->drawer().drawerCash(), till.money("1040.00"));
    VERIFY_LEDGER(*till.store);
}

QTEST_MAIN(tst_DayEndDialog)
#include "tst_dayenddialog.moc"
