// The back office through its real widgets: customers with credit columns (search, sort), credit
// terms, "update with accounting entry", adjustments, invoices and payments, overdue, the
// overrides log, users, store settings and the export. Each change must land in core.

#include "adjustdialog.h"
#include "amountedit.h"
#include "backofficewindow.h"
#include "creditwizard.h"
#include "customercreditmodel.h"
#include "invoicepaymentdialog.h"
#include "pdftext.h"
#include "termsdialog.h"
#include "tillfixture.h"
#include "userdialog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QProgressBar>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Slate::Core;
using namespace Slate::Ui;
using namespace Slate::Test;

namespace {

User manager(TillFixture &till)
{
    return TillFixture::must(till.store->users().byName(kManager));
}

// Berg Bygg AS (card 7007, limit 1,000.00, 14 days' terms) buys 2 COFFEE for 100.00 on account.
void sellOnAccount(TillFixture &till)
{
    CreditTerms terms;
    terms.creditLimitMinorUnits = till.money("1000.00").minorUnits();
    terms.paymentTermsDays = 14;
    const Customer company = till.customer("7007", "Berg Bygg AS", QString(), terms);
    SaleRequest sale;
    sale.cashierName = kCashier;
    sale.customerId = company.id;
    sale.lines = {SaleLineRequest{QStringLiteral("COFFEE"), 2, std::nullopt}};
    sale.tenders = {TenderRequest{TenderKind::Account, till.money("100.00")}};
    TillFixture::must(till.store->checkout().sale(sale));
}

void type(QLineEdit *field, const QString &text)
{
    field->clear();
    QTest::keyClicks(field, text);
}

} // namespace

class tst_BackOffice : public QObject {
    Q_OBJECT
private slots:
    void customersListCreditColumnsSearchAndSort();
    void creditTermsAreSavedThroughCore();
    void updateWithAccountingEntryUsesThePaymentJournal();
    void adjustmentNeedsAReason();
    void invoiceAccruedSalesRecordPaymentAndOverdue();
    void overridesLogListsWhoAuthorisedWhat();
    void usersAddNewPinAndUnlock();
    void storeSettingsAreSavedThroughCore();
    void settingsPulledWhileOpenAreShownAndNotSavedBack();
    void exportWritesTheJournalWithProgress();
    void shopDetailsAndDocumentPdfs();
};

void tst_BackOffice::customersListCreditColumnsSearchAndSort()
{
    TillFixture till;
    till.customer("7001", "Ola Nordmann", "10.00");
    till.customer("7002", "Kari Hansen", "300.00");
    till.customer("7003", "Lars Olsen", "50.00");
    BackOfficeWindow window(till.session, manager(till));
    QCOMPARE(window.customerModel()->rowCount(), 3);
    QTableView *view = window.customerView();
    view->sortByColumn(CustomerCreditModel::Wallet, Qt::DescendingOrder);
    QCOMPARE(view->model()->index(0, CustomerCreditModel::Card).data().toString(), QStringLiteral("7002"));
    QCOMPARE(view->model()->index(2, CustomerCreditModel::Card).data().toString(), QStringLiteral("7001"));
    QCOMPARE(view->model()->index(0, CustomerCreditModel::Wallet).data().toString(), till.session.amountText(till.money("300.00")));
    QCOMPARE(view->model()->headerData(CustomerCreditModel::Wallet, Qt::Horizontal).toString(), QStringLiteral("Wallet\n(NOK)"));
    QCOMPARE(view->model()->index(0, CustomerCreditModel::State).data().toString(), QStringLiteral("✓ OK"));
    type(window.customerSearch(), "lars");
    QTest::keyClick(window.customerSearch(), Qt::Key_Return);
    QCOMPARE(window.customerModel()->rowCount(), 1);
    QCOMPARE(window.customerModel()->customer(0).card, QStringLiteral("7003"));
}

void tst_BackOffice::creditTermsAreSavedThroughCore()
{
    TillFixture till;
    till.customer("7004", "Berg Bygg AS", QString());
    BackOfficeWindow window(till.session, manager(till));
    QVERIFY(window.selectCustomer("7004"));
    window.editTerms();
    auto *terms = openDialog<TermsDialog>(&window);
    QVERIFY(terms);
    type(terms->limitField(), "-5");
    terms->save();
    QVERIFY(terms->isVisible()); // refused by core
    QVERIFY(!terms->errorText().isEmpty());
    type(terms->limitField(), "5000");
    terms->overdraftAllowed()->setChecked(true);
    type(terms->overdraftField(), "100");
    terms->termsField()->setValue(14);
    terms->save();
    QVERIFY2(!terms->isVisible(), qPrintable(terms->errorText()));
    const Customer saved = TillFixture::must(till.store->customers().byCard("7004"));
    QCOMPARE(saved.terms.creditLimitMinorUnits, 500000);
    QCOMPARE(saved.terms.overdraftLimitMinorUnits.value_or(-1), 10000);
    QCOMPARE(saved.terms.paymentTermsDays, 14);
    QVERIFY(!saved.terms.blocked);
    settle();
    QVERIFY(window.selectCustomer("7004"));
    const int row = window.customerView()->currentIndex().row();
    QCOMPARE(window.customerView()->model()->index(row, CustomerCreditModel::Limit).data().toString(),
             till.session.amountText(till.money("5000.00")));
}

void tst_BackOffice::updateWithAccountingEntryUsesThePaymentJournal()
{
    TillFixture till;
    const Customer ola = till.customer("7005", "Ola Nordmann", "20.00");
    BackOfficeWindow window(till.session, manager(till));
    QVERIFY(window.selectCustomer("7005"));
    window.updateWithAccountingEntry();
    auto *wizard = openDialog<CreditWizard>(&window);
    QVERIFY(wizard);
    const int firstPage = wizard->currentId();
    wizard->next();
    QCOMPARE(wizard->currentId(), firstPage); // no amount yet
    QTest::keyClicks(wizard->amountField(), "250");
    wizard->next();
    wizard->setJournal(PaymentJournal::Bank);
    wizard->next();
    QTest::keyClicks(wizard->noteField(), "Transfer ref 4711");
    wizard->button(QWizard::FinishButton)->click();
    QVERIFY2(wizard->entry().has_value(), qPrintable(wizard->errorText()));
    QCOMPARE(till.wallet(ola), till.money("270.00"));
    const JournalEntry entry = *wizard->entry();
    QCOMPARE(entry.kind, EntryKind::TopUp);
    QCOMPARE(entry.userName, kManager);
    QCOMPARE(entry.note, QStringLiteral("Transfer ref 4711"));
    bool bank = false;
    for (const Posting &posting : entry.postings)
        bank = bank || (posting.account == Accounts::bank() && posting.amount == till.money("250.00"));
    QVERIFY(bank);
    QVERIFY(till.verifies());
}

void tst_BackOffice::adjustmentNeedsAReason()
{
    TillFixture till;
    const Customer kari = till.customer("7006", "Kari Hansen", "20.00");
    BackOfficeWindow window(till.session, manager(till));
    QVERIFY(window.selectCustomer("7006"));
    window.adjustCredit();
    auto *adjust = openDialog<AdjustDialog>(&window);
    QVERIFY(adjust);
    QTest::keyClicks(adjust->amountField(), "-5");
    adjust->submit();
    QVERIFY(adjust->isVisible());
    QVERIFY(!adjust->errorText().isEmpty());
    QCOMPARE(till.wallet(kari), till.money("20.00"));
    QTest::keyClicks(adjust->reasonField(), "Damaged goods goodwill reversed");
    adjust->submit();
    QVERIFY2(!adjust->isVisible(), qPrintable(adjust->errorText()));
    QCOMPARE(till.wallet(kari), till.money("15.00"));
}

void tst_BackOffice::invoiceAccruedSalesRecordPaymentAndOverdue()
{
    TillFixture till;
    sellOnAccount(till);

    BackOfficeWindow window(till.session, manager(till));
    window.issueInvoice();
    QVERIFY(!window.invoiceMessage().isEmpty()); // no customer shown yet
    window.showInvoicesOf("7007");
    window.issueInvoice();
    QCOMPARE(window.invoiceTable()->rowCount(), 1);
    QCOMPARE(window.invoiceTable()->item(0, 4)->text(), till.session.money(till.money("100.00")));
    QCOMPARE(window.overdueTable()->rowCount(), 0);
    window.issueInvoice(); // nothing accrued any more: core refuses, the window says so
    QCOMPARE(window.invoiceTable()->rowCount(), 1);

    window.invoiceTable()->setCurrentCell(0, 0);
    window.recordPayment();
    auto *payment = openDialog<InvoicePaymentDialog>(&window);
    QVERIFY(payment);
    QCOMPARE(*payment->amountField()->amount(), till.money("100.00")); // prefilled: what is outstanding
    type(payment->amountField(), "40");
    payment->submit();
    QVERIFY2(payment->payment().has_value(), qPrintable(payment->errorText()));
    QCOMPARE(payment->payment()->invoice.outstanding, till.money("60.00"));
    settle();
    QCOMPARE(window.invoiceTable()->item(0, 4)->text(), till.session.money(till.money("60.00")));

    till.now = till.now.addDays(20); // past the 14 days' terms
    BackOfficeWindow later(till.session, manager(till));
    QCOMPARE(later.overdueTable()->rowCount(), 1);
    QVERIFY(later.overdueTable()->item(0, 1)->text().contains(QStringLiteral("Berg Bygg AS")));
    QVERIFY(later.overdueTable()->item(0, 5)->text().contains(QStringLiteral("Overdue")));
    QVERIFY(till.verifies());
}

void tst_BackOffice::overridesLogListsWhoAuthorisedWhat()
{
    TillFixture till;
    CreditTerms terms;
    terms.creditLimitMinorUnits = till.money("40.00").minorUnits();
    const Customer company = till.customer("7008", "Berg Bygg AS", QString(), terms);
    const OverrideGrant grant = TillFixture::must(till.store->checkout().authorizeOverride(
        kManager, kManagerPin, QStringLiteral("Known customer"), kCashier, company.id, TenderKind::Account, till.money("10.00")));
    SaleRequest sale;
    sale.cashierName = kCashier;
    sale.customerId = company.id;
    sale.lines = {SaleLineRequest{QStringLiteral("COFFEE"), 1, std::nullopt}};
    sale.tenders = {TenderRequest{TenderKind::Account, till.money("50.00")}};
    sale.overrides = {grant};
    TillFixture::must(till.store->checkout().sale(sale));

    BackOfficeWindow window(till.session, manager(till));
    QTableWidget *log = window.overrideTable();
    QCOMPARE(log->rowCount(), 1);
    QCOMPARE(log->item(0, 1)->text(), kManager);
    QCOMPARE(log->item(0, 2)->text(), kCashier);
    QCOMPARE(log->item(0, 3)->text(), QStringLiteral("Berg Bygg AS"));
    QCOMPARE(log->item(0, 5)->text(), till.session.money(till.money("10.00")));
    QCOMPARE(log->item(0, 7)->text(), QStringLiteral("Known customer"));
}

void tst_BackOffice::usersAddNewPinAndUnlock()
{
    TillFixture till;
    BackOfficeWindow window(till.session, manager(till));
    window.addUser();
    auto *add = openDialog<UserDialog>(&window);
    QVERIFY(add);
    QTest::keyClicks(add->nameField(), "per.cashier");
    QTest::keyClicks(add->pinField(), "4321");
    QTest::keyClicks(add->repeatField(), "4322");
    add->submit();
    QVERIFY(add->isVisible()); // the PINs differ
    QTest::keyClicks(add->pinField(), "4321");
    QTest::keyClicks(add->repeatField(), "4321");
    add->submit();
    QVERIFY2(!add->isVisible(), qPrintable(add->errorText()));
    QCOMPARE(TillFixture::must(till.store->users().byName("per.cashier")).role, Role::Cashier);
    QVERIFY(till.store->users().authenticate("per.cashier", "4321", "test").ok());
    settle();
    QVERIFY(window.selectUser("per.cashier"));

    for (int attempt = 0; attempt < 5; ++attempt)
        QVERIFY(!till.store->users().authenticate(kCashier, "0000", "test").ok());
    QCOMPARE(till.store->users().authenticate(kCashier, kCashierPin, "test").code(), ErrorCode::AccountLocked);
    window.loadUsers();
    QVERIFY(window.selectUser(kCashier));
    window.unlockUser();
    QVERIFY(till.store->users().authenticate(kCashier, kCashierPin, "test").ok());

    QVERIFY(window.selectUser(kCashier));
    window.resetPin();
    auto *reset = openDialog<UserDialog>(&window);
    QVERIFY(reset);
    QTest::keyClicks(reset->pinField(), "5555");
    QTest::keyClicks(reset->repeatField(), "5555");
    reset->submit();
    QVERIFY2(!reset->isVisible(), qPrintable(reset->errorText()));
    QVERIFY(till.store->users().authenticate(kCashier, "5555", "test").ok());
}

void tst_BackOffice::storeSettingsAreSavedThroughCore()
{
    TillFixture till;
    BackOfficeWindow window(till.session, manager(till));
    type(window.cashRoundingField(), "0.001");
    window.saveSettings();
    QVERIFY(!window.settingsMessage().isEmpty());
    QCOMPARE(till.store->checkoutSettings().cashRoundingMinorUnits, 1); // unchanged
    type(window.cashRoundingField(), "1.00");
    window.limitScopeField()->setCurrentIndex(window.limitScopeField()->findData(int(LimitScope::PerStore)));
    window.priceModeField()->setCurrentIndex(window.priceModeField()->findData(int(PriceMode::TaxExclusive)));
    window.pinFailuresField()->setValue(4);
    window.lockoutMinutesField()->setValue(10);
    window.saveSettings();
    const CheckoutSettings &settings = till.store->checkoutSettings();
    QCOMPARE(settings.cashRoundingMinorUnits, 100);
    QCOMPARE(settings.limitScope, LimitScope::PerStore);
    QCOMPARE(settings.priceMode, PriceMode::TaxExclusive);
    QCOMPARE(settings.pinFailuresMax, 4);
    QCOMPARE(settings.pinLockoutSeconds, 600);
}

// The shop's details are saved with the settings (a bad one saves neither), and the invoice and
// the statement PDFs come out with them, read back with pdftotext.
void tst_BackOffice::shopDetailsAndDocumentPdfs()
{
    TillFixture till;
    sellOnAccount(till);

    BackOfficeWindow window(till.session, manager(till));
    type(window.shopNameField(), "Kaffebaren AS");
    window.shopAddressField()->setPlainText("Torget 2\n5014 Bergen");
    type(window.shopOrganisationField(), "987 654 321");
    type(window.shopVatField(), "NO 987 654 321 MVA");
    type(window.shopBankAccountField(), "1234.56.78903");
    window.pinFailuresField()->setValue(4);
    window.shopNameField()->setText(QString(101, QLatin1Char('x')));
    QCOMPARE(window.shopNameField()->text().size(), kShopNameLengthMax); // the field holds no more than core takes
    window.shopNameField()->setText(QStringLiteral("Kaffe\tbaren")); // a control character: neither is saved
    window.saveSettings();
    QVERIFY(!window.settingsMessage().isEmpty());
    QCOMPARE(TillFixture::must(till.store->shopDetails()).name, QString());
    QVERIFY(till.store->checkoutSettings().pinFailuresMax != 4);
    type(window.shopNameField(), "Kaffebaren AS");
    window.saveSettings();
    const ShopDetails shop = TillFixture::must(till.store->shopDetails());
    QCOMPARE(shop.name, QStringLiteral("Kaffebaren AS"));
    QCOMPARE(shop.address, QStringLiteral("Torget 2\n5014 Bergen"));
    QCOMPARE(shop.bankAccount, QStringLiteral("1234.56.78903"));
    QCOMPARE(till.store->checkoutSettings().pinFailuresMax, 4);
    BackOfficeWindow reopened(till.session, manager(till));
    QCOMPARE(reopened.shopVatField()->text(), QStringLiteral("NO 987 654 321 MVA"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    window.showInvoicesOf("7007");
    window.issueInvoice();
    QCOMPARE(window.invoiceTable()->rowCount(), 1);
    const QString number = window.invoiceTable()->item(0, 0)->text();
    const QString invoicePdf = dir.filePath("invoice.pdf");
    QVERIFY2(window.saveInvoicePdf(number, invoicePdf), qPrintable(window.invoiceMessage()));
    QVERIFY(window.invoiceMessage().contains(number));
    QString text = Slate::Test::pdfText(invoicePdf);
    for (const QString &expected : {QStringLiteral("Kaffebaren AS"), QStringLiteral("5014 Bergen"), QStringLiteral("Berg Bygg AS"), number,
                                    QStringLiteral("1234.56.78903")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));

    const QString statementPdf = dir.filePath("statement.pdf");
    QVERIFY(!window.saveStatementPdf(till.session.today(), till.session.today().addDays(-1), statementPdf));
    QVERIFY(!QFile::exists(statementPdf));
    QVERIFY2(window.saveStatementPdf(till.session.today().addDays(-31), till.session.today(), statementPdf),
             qPrintable(window.invoiceMessage()));
    text = Slate::Test::pdfText(statementPdf);
    QVERIFY2(text.contains(QStringLiteral("Statement of account")) && text.contains(number), qPrintable(text));
    QVERIFY(!window.saveInvoicePdf(number, dir.filePath("missing/invoice.pdf")));
    QVERIFY2(window.invoiceMessage().contains(QStringLiteral("missing")), qPrintable(window.invoiceMessage()));
    QVERIFY(!window.saveInvoicePdf(QStringLiteral("INV-T1-999999"), dir.filePath("none.pdf")));
    QVERIFY(!QFile::exists(dir.filePath("none.pdf")));
}

void tst_BackOffice::settingsPulledWhileOpenAreShownAndNotSavedBack()
{
    TillFixture till;
    BackOfficeWindow window(till.session, manager(till));
    QCOMPARE(*window.cashRoundingField()->amount(), till.money("0.01"));
    // A sync round puts the chain's new cash rounding in force while the form is open.
    CheckoutSettings pulled = till.store->checkoutSettings();
    pulled.cashRoundingMinorUnits = 100;
    QVERIFY(till.store->setCheckoutSettings(pulled).ok());
    window.reloadSettings();
    QCOMPARE(*window.cashRoundingField()->amount(), till.money("1.00"));
    QVERIFY2(window.settingsMessage().contains(QStringLiteral("another till")), qPrintable(window.settingsMessage()));
    // The manager changes something else; the pulled value stays.
    window.pinFailuresField()->setValue(4);
    window.saveSettings();
    QCOMPARE(till.store->checkoutSettings().pinFailuresMax, 4);
    QCOMPARE(till.store->checkoutSettings().cashRoundingMinorUnits, 100);
}

void tst_BackOffice::exportWritesTheJournalWithProgress()
{
    TillFixture till;
    for (int i = 0; i < 30; ++i)
        till.customer(QStringLiteral("71%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Customer %1").arg(i), "10.00");
    BackOfficeWindow window(till.session, manager(till));
    const QString journalPath = till.store.folder() + QStringLiteral("/export.journal");
    window.exportPathField()->setText(journalPath);
    window.exportJournal();
    QVERIFY2(window.exportMessage().contains(QStringLiteral("30")), qPrintable(window.exportMessage()));
    QCOMPARE(window.exportProgress()->value(), window.exportProgress()->maximum());
    QFile journal(journalPath);
    QVERIFY(journal.open(QIODevice::ReadOnly));
    QVERIFY(journal.readAll().contains("liabilities:store-credit:"));

    window.exportFormatField()->setCurrentIndex(window.exportFormatField()->findData(int(ExportFormat::Csv)));
    QVERIFY(window.exportPathField()->text().endsWith(QStringLiteral(".csv")));
    window.exportJournal();
    QFile csv(window.exportPathField()->text());
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 1 + 30 * 2); // a header and two postings per top-up
}

QTEST_MAIN(tst_BackOffice)
#include "tst_backoffice.moc"
