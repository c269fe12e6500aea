#pragma once
// AccountDocuments: what an invoice and a statement say, gathered from the ledger and the sales
// records, GUI-free, for the documents library to lay out (and for any other front to show).
//
// An invoice collects the account sales of one customer in one store since that store's
// previous invoice of the customer: the entries that posted to …:accrued:<store> between the two
// invoice entries (in this database's journal order). It lists their lines, VAT per rate, what
// was settled at the till in the same sales, and anything else on the account (refunds, voids).
//
// A statement covers the customer's invoiced account (every …:invoiced:<store>:<invoice>): an
// invoice counts on its issue date, any other movement (payments, credits) on its local date.

#include "customers/customer.h"
#include "customers/receivables.h"
#include "settings/shopdetails.h"

#include <QDate>
#include <QList>
#include <QMap>

namespace Slate::Core {

class CheckoutService;
class Database;
class Journal;

constexpr int kStatementMovementsMax = 20000; // postings read for one statement
constexpr int kInvoiceMovementsMax = 5000;    // account entries gathered into one invoice

struct InvoiceLine {
    QString name;
    qint64 quantity = 0; // negative for goods returned
    Money unitPrice;
    Money discount;
    int taxRateBasisPoints = 0;
    Money gross;
    Money net;
    Money tax;
};

// One sale, refund or other entry on the accrued account that the invoice gathered.
struct InvoiceItem {
    QString reference;  // the receipt or refund number, else the entry id
    QDate date;
    QString description;
    QList<InvoiceLine> lines;
    Money total;        // the goods' value, tax included (negative for a refund)
    Money onAccount;    // what it put on the account (the rest was settled at the till)
};

struct VatLine {
    int rateBasisPoints = 0;
    Money net;
    Money tax;
    Money gross;
};

struct InvoiceDetails {
    ShopDetails shop;
    Customer customer;
    Invoice invoice;        // number, dates, amount, outstanding
    QList<InvoiceItem> items;
    QList<VatLine> vat;     // by rate, lowest first
    Money goodsTotal;       // sum of the items' totals
    Money settledAtTill;    // goods total - what went on account
    Money otherMovements;   // on the account but not an item (e.g. entries pulled from another till)
    Money paid;             // invoice amount - outstanding
    Money amountDue;        // outstanding now
    QString kid;            // the bank reference (money/kid.h)
};

enum class StatementMovementKind { Invoice, Payment, Credit, Other };
QString statementMovementKindName(StatementMovementKind kind); // "invoice" | "payment" | "credit" | "other"

struct StatementMovement {
    QDate date;
    StatementMovementKind kind = StatementMovementKind::Other;
    QString reference;   // the invoice number
    QString description;
    Money amount;        // positive: the customer owes more
    Money balance;       // running balance after this movement
};

struct Ageing {
    Money notDue;
    Money days1To30;
    Money days31To60;
    Money days61To90;
    Money over90;
};

struct Statement {
    ShopDetails shop;
    Customer customer;
    QDate from;
    QDate to;
    Money opening;
    QList<StatementMovement> movements;
    Money closing;
    Ageing ageing;       // what is open at `to`, by days past due
};

class AccountDocuments {
public:
    AccountDocuments(const Database &database, const Journal &journal, const CustomerDirectory &customers,
                     const ReceivablesService &receivables, const CheckoutService &checkout)
        : m_database(database), m_journal(journal), m_customers(customers), m_receivables(receivables), m_checkout(checkout) {}

    // NotFound for an unknown invoice number.
    Result<InvoiceDetails> invoice(const QString &number) const;
    // Refused when `from` is after `to` or either is invalid.
    Result<Statement> statement(const Customer &customer, const QDate &from, const QDate &to) const;

private:
    Result<InvoiceItem> saleItem(const QString &entryId, const Money &onAccount) const;
    Result<InvoiceItem> refundItem(const QString &entryId, const Money &onAccount) const;

    const Database &m_database;
    const Journal &m_journal;
    const CustomerDirectory &m_customers;
    const ReceivablesService &m_receivables;
    const CheckoutService &m_checkout;
};

} // namespace Slate::Core
