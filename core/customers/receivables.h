#pragma once
// ReceivablesService: a customer's credit overview, invoices and invoice payments. Every figure
// comes from the ledger's maintained balances, read by one key range per customer, so reading a
// customer's card costs the same with 10 thousand or 10 million journal entries:
//
//   assets:receivable:<customer>:accrued:<store>             account sales not yet invoiced
//   assets:receivable:<customer>:invoiced:<store>:<invoice>  invoiced, not yet paid
//
// The invoices table adds only what the ledger cannot hold: the invoice's number, dates and the
// entry that issued it. What is outstanding is the invoice account's balance.

#include "ledger/accounts.h"
#include "settings/checkoutsettings.h"
#include "customers/customer.h"
#include "ledger/journal.h"

#include <QDate>
#include <QList>

#include <optional>

namespace Slate::Core {

class StoreCreditService;

// Records the invoices row of an invoice entry, written here or pulled from another till: the
// number, customer, store and dates all come from the entry itself (its order reference, its
// invoiced account, and its note, which issueInvoice writes in the fixed form
// "Invoice <number> issued <yyyy-MM-dd> due <yyyy-MM-dd>"). Doing it twice changes nothing.
Result<void> indexInvoiceEntry(Database &database, const JournalEntry &entry);

// Which account usage counts against a customer's limit: all stores (LimitScope::Shared) or one.
struct UsageScope {
    LimitScope scope = LimitScope::Shared;
    QString storeCode; // for LimitScope::PerStore
};

struct ReceivableTotals {
    Money accrued;
    Money invoiced;
    Money overdue; // zero unless asked for
};

// Sums a customer's receivable accounts in a scope (one key range of the maintained balances);
// overdue at a date only when one is given. The till reads its own store's scope; the server
// the scope of the sale it judges.
Result<ReceivableTotals> receivableTotals(const Database &database, const QString &customerId, const Currency &currency,
                                          const UsageScope &scope, const QDate *overdueAsOf);
// Accrued + invoiced in the scope, as the account check uses.
Result<Money> accountUsage(const Database &database, const QString &customerId, const Currency &currency, const UsageScope &scope);

// How the till shows a customer's credit at a glance (never by colour alone).
enum class CreditState {
    Fine,
    NearLimit, // account available is 10 % of the limit or less
    OverLimit, // usage above the limit (an override, or offline sales found at sync)
    Overdue,   // an invoice is unpaid past its due date
    Blocked,   // no credit or account tenders
};
QString creditStateName(CreditState state); // "fine" | "near-limit" | "over-limit" | "overdue" | "blocked"

struct CreditOverview {
    QString customerId;
    QDate asOf;
    LimitScope scope = LimitScope::Shared;
    QString scopeStore;                     // the store whose usage counts, for LimitScope::PerStore
    Money wallet;                           // store credit (negative when overdrawn)
    std::optional<Money> overdraftLimit;    // none: the wallet may not go below zero
    Money walletAvailable;                  // wallet + overdraft allowance, never negative
    Money creditLimit;                      // 0: no account sales
    Money accrued;                          // account sales not yet invoiced (in scope)
    Money invoiced;                         // invoiced and unpaid (in scope)
    Money overdue;                          // part of invoiced that is past due at asOf
    Money used;                             // accrued + invoiced
    Money available;                        // limit - used, never negative; zero when blocked
    bool blocked = false;
    CreditState state = CreditState::Fine;
};

struct Invoice {
    QString number;      // e.g. "INV-T1-000042"
    QString customerId;
    QString storeCode;
    QString entryId;     // the journal entry that issued it
    QDate issued;
    QDate due;
    Money amount;        // what was invoiced (from the issuing entry)
    Money outstanding;   // the invoice account's balance now
    bool isOverdue(const QDate &asOf) const { return outstanding.isPositive() && due < asOf; }
};

struct InvoicePayment {
    Invoice invoice;     // outstanding after the payment
    JournalEntry entry;
};

class ReceivablesService {
public:
    ReceivablesService(Database &database, Journal &journal, const StoreCreditService &credit,
                       const CheckoutSettings &settings)
        : m_database(database), m_journal(journal), m_credit(credit), m_settings(settings) {}

    // The customer's card: wallet, overdraft, limit, accrued, invoiced, overdue at asOf, available.
    Result<CreditOverview> overview(const Customer &customer, const QDate &asOf) const;
    // Accrued + invoiced in the limit's scope (all stores, or this store), as the account check uses.
    Result<Money> accountUsage(const Customer &customer) const;

    // Gathers the customer's accrued account sales in this store into a new invoice due after
    // the customer's payment terms: Dr …:invoiced:<store>:<number>, Cr …:accrued:<store>.
    // Refused when nothing is accrued.
    Result<Invoice> issueInvoice(const Customer &customer, const QDate &issued, const QString &userName);
    // A full or partial payment (at most what is outstanding) through a payment journal:
    // Dr the journal's account, Cr the invoice account.
    Result<InvoicePayment> recordPayment(const QString &invoiceNumber, const Money &amount, PaymentJournal journal,
                                         const QString &note, const QString &userName);

    Result<Invoice> invoice(const QString &number) const;
    // A customer's invoices, newest first; openOnly leaves out paid ones.
    Result<QList<Invoice>> invoices(const QString &customerId, bool openOnly) const;
    // Every invoice unpaid past its due date at asOf, oldest due date first.
    Result<QList<Invoice>> overdueInvoices(const QDate &asOf, int rowsMax = 1000) const;

private:
    UsageScope usageScope() const;
    Result<Invoice> invoiceFromRow(const Query &query) const;

    Database &m_database;
    Journal &m_journal;
    const StoreCreditService &m_credit;
    const CheckoutSettings &m_settings;
};

} // namespace Slate::Core
