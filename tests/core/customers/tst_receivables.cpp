// Receivables: the customer's credit overview from the ledger, invoicing accrued account sales
// with a due date from the payment terms, full and partial payments, and overdue by date.

#include "ledgercheck.h"
#include "ledger/foreignentries.h"
#include "teststore.h"

#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

namespace {

template <typename T>
T must(Result<T> result)
{
    if (!result)
        qFatal("%s", qPrintable(result.message()));
    return std::move(result).value();
}

struct Fixture {
    Fixture()
    {
        store->users().setPolicy(AuthPolicy{5, 300, 1000});
        must(store->users().add("cas", Role::Cashier, "1111"));
        must(store->catalog().setTaxCode("STD", 2500, "Standard"));
        must(store->catalog().addProduct(NewProduct{"A", QString(), "Item", money("100.00"), "STD"}));
        Customer added = must(store->customers().add(NewCustomer{"C1", "Customer One", {}, {}}));
        customer = must(store->customers().setTerms(added.id, CreditTerms{100000, std::nullopt, 14, false}));
    }

    Money money(const QString &text) const { return store.money(text); }

    void buyOnAccount(qint64 quantity)
    {
        must(store->checkout().sale(SaleRequest{"cas", customer.id, {{"A", quantity, std::nullopt}},
                                                {{TenderKind::Account, Money(quantity * 10000, money("0").currency())}}, {}}));
    }

    CreditOverview overview(const QDate &asOf) { return must(store->receivables().overview(customer, asOf)); }

    TestStore store;
    Customer customer;
};

const QDate kIssued(2026, 11, 1);

} // namespace

class tst_Receivables : public QObject {
    Q_OBJECT
private slots:
    void accountSalesAccrue()
    {
        Fixture f;
        f.buyOnAccount(2);
        f.buyOnAccount(1);
        const CreditOverview card = f.overview(kIssued);
        QCOMPARE(card.creditLimit, f.money("1000.00"));
        QCOMPARE(card.accrued, f.money("300.00"));
        QCOMPARE(card.invoiced, f.money("0"));
        QCOMPARE(card.used, f.money("300.00"));
        QCOMPARE(card.available, f.money("700.00"));
        QCOMPARE(card.state, CreditState::Fine);
        QCOMPARE(card.wallet, f.money("0"));
        QVERIFY(!card.overdraftLimit.has_value());
    }

    void invoiceMovesAccruedToInvoiced()
    {
        Fixture f;
        f.buyOnAccount(3);
        const Result<Invoice> invoice = f.store->receivables().issueInvoice(f.customer, kIssued, "boss");
        QVERIFY2(invoice.ok(), qPrintable(invoice.ok() ? QString() : invoice.message()));
        QCOMPARE(invoice->number, QStringLiteral("INV-T1-000001"));
        QCOMPARE(invoice->amount, f.money("300.00"));
        QCOMPARE(invoice->outstanding, f.money("300.00"));
        QCOMPARE(invoice->due, QDate(2026, 11, 15)); // 14 days' terms
        const CreditOverview card = f.overview(kIssued);
        QCOMPARE(card.accrued, f.money("0"));
        QCOMPARE(card.invoiced, f.money("300.00"));
        QCOMPARE(card.available, f.money("700.00")); // invoicing does not free the limit; paying does
        QCOMPARE(f.store->journal().balance(Accounts::receivableInvoiced(f.customer.id, "S1", invoice->number)).value(),
                 f.money("300.00"));
        // Nothing left to invoice.
        const Result<Invoice> again = f.store->receivables().issueInvoice(f.customer, kIssued, "boss");
        QCOMPARE(again.code(), ErrorCode::InvalidArgument);
        QVERIFY2(again.message().contains("no account sales to invoice"), qPrintable(again.message()));
        // A later sale accrues again and goes on the next invoice.
        f.buyOnAccount(1);
        QCOMPARE(must(f.store->receivables().issueInvoice(f.customer, kIssued.addDays(1), "boss")).number,
                 QStringLiteral("INV-T1-000002"));
        QCOMPARE(must(f.store->receivables().invoices(f.customer.id, true)).size(), 2);
        VERIFY_LEDGER(*f.store);
    }

    void overdueByDate_data()
    {
        QTest::addColumn<QDate>("asOf");
        QTest::addColumn<QString>("overdue");
        QTest::newRow("on the issue date") << kIssued << "0";
        QTest::newRow("on the due date it is still not overdue") << QDate(2026, 11, 15) << "0";
        QTest::newRow("the day after the due date it is") << QDate(2026, 11, 16) << "300.00";
        QTest::newRow("a year later") << QDate(2027, 11, 16) << "300.00";
    }

    void overdueByDate()
    {
        QFETCH(QDate, asOf);
        QFETCH(QString, overdue);
        Fixture f;
        f.buyOnAccount(3);
        const Invoice invoice = must(f.store->receivables().issueInvoice(f.customer, kIssued, "boss"));
        const CreditOverview card = f.overview(asOf);
        QCOMPARE(card.overdue, f.money(overdue));
        QCOMPARE(card.state, card.overdue.isPositive() ? CreditState::Overdue : CreditState::Fine);
        const QList<Invoice> list = must(f.store->receivables().overdueInvoices(asOf));
        QCOMPARE(list.size(), card.overdue.isPositive() ? 1 : 0);
        QCOMPARE(invoice.isOverdue(asOf), card.overdue.isPositive());
    }

    void anInvoicePulledFromAnotherTillIsOverdueThereToo()
    {
        Fixture f;
        f.buyOnAccount(2);
        const Invoice invoice = must(f.store->receivables().issueInvoice(f.customer, kIssued, "boss"));
        TestStore other(QStringLiteral("NOK"), QStringLiteral("T2"));
        const QList<JournalEntry> entries = must(ForeignEntries::entriesAfter(f.store->database(), "T1", 0, 100));
        QCOMPARE(entries.size(), 2);
        for (const JournalEntry &entry : entries)
            QCOMPARE(must(other->journal().appendForeign(entry)), ForeignAppend::Stored);
        // Pulling the same entries again changes nothing.
        for (const JournalEntry &entry : entries)
            QCOMPARE(must(other->journal().appendForeign(entry)), ForeignAppend::AlreadyStored);
        const Invoice there = must(other->receivables().invoice(invoice.number));
        QCOMPARE(there.due, invoice.due);
        QCOMPARE(there.outstanding, f.money("200.00"));
        const CreditOverview card = must(other->receivables().overview(f.customer, QDate(2026, 12, 1)));
        QCOMPARE(card.overdue, f.money("200.00"));
        QCOMPARE(card.state, CreditState::Overdue);
        QVERIFY(other->journal().verify().ok());
    }

    void partialAndFullPayments()
    {
        Fixture f;
        f.buyOnAccount(3);
        const Invoice invoice = must(f.store->receivables().issueInvoice(f.customer, kIssued, "boss"));
        ReceivablesService &receivables = f.store->receivables();
        const Result<InvoicePayment> part = receivables.recordPayment(invoice.number, f.money("120.00"), PaymentJournal::Bank, {}, "boss");
        QVERIFY(part.ok());
        QCOMPARE(part->invoice.outstanding, f.money("180.00"));
        QCOMPARE(part->entry.kind, EntryKind::Payment);
        QCOMPARE(f.store->journal().balance(Accounts::bank()).value(), f.money("120.00"));
        const QDate late(2026, 12, 1);
        QCOMPARE(f.overview(late).overdue, f.money("180.00"));
        QCOMPARE(f.overview(late).available, f.money("820.00"));
        // More than is outstanding is refused, and writes nothing.
        const qint64 entries = f.store->journal().entryCount().value();
        const Result<InvoicePayment> over = receivables.recordPayment(invoice.number, f.money("180.01"), PaymentJournal::Cash, {}, "boss");
        QCOMPARE(over.code(), ErrorCode::InvalidArgument);
        QVERIFY2(over.message().contains("180.00 NOK outstanding"), qPrintable(over.message()));
        QCOMPARE(f.store->journal().entryCount().value(), entries);
        QVERIFY(!receivables.recordPayment(invoice.number, f.money("0"), PaymentJournal::Cash, {}, "boss").ok());
        QCOMPARE(receivables.recordPayment("INV-T1-999999", f.money("1"), PaymentJournal::Cash, {}, "boss").code(),
                 ErrorCode::NotFound);
        // Paying the rest clears the overdue amount and frees the limit.
        QVERIFY(receivables.recordPayment(invoice.number, f.money("180.00"), PaymentJournal::Card, {}, "boss").ok());
        const CreditOverview card = f.overview(late);
        QCOMPARE(card.overdue, f.money("0"));
        QCOMPARE(card.invoiced, f.money("0"));
        QCOMPARE(card.available, f.money("1000.00"));
        QCOMPARE(must(receivables.invoices(f.customer.id, true)).size(), 0);
        QCOMPARE(must(receivables.invoices(f.customer.id, false)).size(), 1);
        QVERIFY(must(receivables.overdueInvoices(late)).isEmpty());
        QVERIFY(!receivables.recordPayment(invoice.number, f.money("1"), PaymentJournal::Cash, {}, "boss").ok());
        VERIFY_LEDGER(*f.store);
    }

    void refundsOnAccountAreNotInvoiced()
    {
        Fixture f;
        f.buyOnAccount(1);
        const QString saleId = must(f.store->checkout().salesOfCustomer(f.customer.id)).first().saleId;
        must(f.store->checkout().refund(RefundRequest{saleId, "cas", {{"A", 1}}, RefundTo::Original, {}, {}}));
        QCOMPARE(f.overview(kIssued).accrued, f.money("0"));
        QVERIFY(!f.store->receivables().issueInvoice(f.customer, kIssued, "boss").ok());
        VERIFY_LEDGER(*f.store);
    }

    void states_data()
    {
        QTest::addColumn<qint64>("bought"); // units of 100.00 on account (limit 1000.00)
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<int>("state");
        QTest::newRow("plenty left is fine") << qint64(5) << false << int(CreditState::Fine);
        QTest::newRow("10 % left is near the limit") << qint64(9) << false << int(CreditState::NearLimit);
        QTest::newRow("all used is near the limit") << qint64(10) << false << int(CreditState::NearLimit);
        QTest::newRow("blocked wins") << qint64(5) << true << int(CreditState::Blocked);
    }

    void states()
    {
        QFETCH(qint64, bought);
        QFETCH(bool, blocked);
        QFETCH(int, state);
        Fixture f;
        f.buyOnAccount(bought);
        f.customer = must(f.store->customers().setTerms(f.customer.id, CreditTerms{100000, std::nullopt, 14, blocked}));
        QCOMPARE(int(f.overview(kIssued).state), state);
        QCOMPARE(creditStateName(CreditState(state)).isEmpty(), false);
    }

    void walletAndOverdraftOnTheCard()
    {
        Fixture f;
        f.customer = must(f.store->customers().setTerms(f.customer.id, CreditTerms{0, 5000, 30, false}));
        QVERIFY(f.store->credit().topUp(f.customer, f.money("20"), PaymentJournal::Cash, {}, "cas").ok());
        CreditOverview card = f.overview(kIssued);
        QCOMPARE(card.wallet, f.money("20.00"));
        QCOMPARE(*card.overdraftLimit, f.money("50.00"));
        QCOMPARE(card.walletAvailable, f.money("70.00"));
        must(f.store->checkout().sale(SaleRequest{"cas", f.customer.id, {{"A", 1, std::nullopt}},
                                                  {{TenderKind::Credit, f.money("60")}, {TenderKind::Card, f.money("40")}}, {}}));
        card = f.overview(kIssued);
        QCOMPARE(card.wallet, f.money("-40.00"));
        QCOMPARE(card.walletAvailable, f.money("10.00"));
        VERIFY_LEDGER(*f.store);
    }
};

QTEST_GUILESS_MAIN(tst_Receivables)
#include "tst_receivables.moc"
