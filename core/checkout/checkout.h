#pragma once
// CheckoutService: sales with split tenders, manager overrides and refunds — the one place where
// the till's money rules are applied. The desktop app, slatectl and the tests all call it.
//
// A sale is priced (pricing.h), its tenders checked (creditrules.h) and then committed in one
// transaction: the sale and its lines, any overrides, and one balanced journal entry
//
//   Dr liabilities:store-credit:<customer>               credit tender
//   Dr assets:receivable:<customer>:accrued:<store>      account tender
//   Dr assets:cash:<store>:<terminal>                    cash kept (tendered - change)
//   Dr assets:card:<store>                               card tender
//   Cr income:sales:<store>                              net of tax
//   Cr liabilities:tax:<code>                            tax per code
//   Cr/Dr income:cash-rounding:<store>                   rounding of the cash part to the smallest coin
//
// Cash is the only tender that may exceed what is due; change comes from it alone. What the
// customer owes in cash is the rest after the other tenders, rounded to the store's smallest coin.

#include "catalog/catalog.h"
#include "checkout/approval.h"
#include "settings/checkoutsettings.h"
#include "customers/creditrules.h"
#include "customers/customer.h"
#include "ledger/journal.h"
#include "money/pricing.h"
#include "customers/receivables.h"
#include "customers/storecredit.h"
#include "people/users.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace Slate::Core {

enum class TenderKind { Credit, Account, Cash, Card };
QString tenderKindName(TenderKind kind); // "credit" | "account" | "cash" | "card"
std::optional<TenderKind> tenderKindFromName(QStringView name);

struct SaleLineRequest {
    QString code;          // what was scanned or typed: barcode or SKU
    qint64 quantity = 1;
    std::optional<Money> discount; // off the whole line
};

struct TenderRequest {
    TenderKind kind = TenderKind::Cash;
    Money amount;          // > 0; for cash, what the customer handed over
};

enum class OverrideScope {
    Tender,   // one tender may go over what is available, by up to maxOver
    Discount, // the sale's line discounts may go beyond a cashier's maximum, up to discountBasisPointsMax
};

// A manager's authorisation for one sale, issued by CheckoutService::authorizeOverride (a tender
// over what is available) or authorizeDiscount (discounts beyond a cashier's maximum) after the
// manager's PIN was checked. Single use; expires.
struct OverrideGrant {
    OverrideScope scope = OverrideScope::Tender;
    QString token;
    QString managerName;
    QString cashierName;
    QString customerId;
    TenderKind tender = TenderKind::Account;
    Money maxOver;         // the most this grant lets the tender go over
    int discountBasisPointsMax = 0; // Discount: the largest line discount it allows (10000 = 100 %)
    QString reason;
    QDateTime authorisedUtc;
};

constexpr int kOverrideGrantLifetimeSeconds = 600;
constexpr qsizetype kOverrideReasonLengthMax = kApprovalReasonLengthMax;

// A sale request's id: what a caller (the till's payment dialog, `slatectl sale --request-id`)
// names one sale with, so that a retry after a lost answer or a crash gives the first sale back
// and never charges twice. 1-64 characters of A-Z a-z 0-9 . _ : -
constexpr qsizetype kSaleRequestIdLengthMax = 64;
Result<void> checkSaleRequestId(const QString &requestId);

struct SaleRequest {
    QString cashierName;
    QString customerId;    // empty: a walk-in customer (no credit or account tenders)
    QList<SaleLineRequest> lines;
    QList<TenderRequest> tenders;
    QList<OverrideGrant> overrides;
    QString requestId = {}; // empty: none (every call is a new sale)
};

// One tender as the sale would post it, with the credit rule's verdict.
struct TenderAssessment {
    TenderKind kind = TenderKind::Cash;
    Money amount;          // as requested (cash: handed over)
    Money posted;          // what the sale posts for it (cash: kept after change)
    TenderCheck check;     // Allowed for cash and card
    bool overridden = false; // over what is available, authorised by a grant
};

// What a sale would be, without writing anything: the payment dialog shows this live.
struct SaleQuote {
    SaleTotals totals;
    std::optional<Customer> customer;
    QList<TenderAssessment> tenders; // one per kind, in the order credit, account, card, cash
    Money nonCash;         // credit + account + card
    Money cashDue;         // total - nonCash, rounded to the smallest coin (0 when covered)
    Money cashRounding;    // cashDue - (total - nonCash)
    Money cashTendered;
    Money change;          // cashTendered - cashDue, when cash covers it
    Money remaining;       // still to pay (0 when covered)
    std::optional<qint64> staleMinutes; // set when the offline cap applies: minutes since the last sync
    // The largest line discount, in basis points of its line, and whether it needs a manager
    // (over the cashier's maximum without a discount grant that covers it).
    int discountBasisPoints = 0;
    bool discountNeedsManager = false;
    QString discountApprovedBy; // the manager whose grant covers the discounts, if one was needed
    bool complete = false; // covers the total and every tender is allowed or overridden
    QString problem;       // when not complete: the first thing that stops it, for people
};

// What a line discount is, and whether the person at the till may give it alone.
struct DiscountCheck {
    int basisPoints = 0;        // of the line before the discount, rounded up (20.01 % is 2001)
    int allowedBasisPoints = 0; // what this user may give alone (10000 for managers)
    bool needsManager = false;
};

// A discount of `basisPoints` (10000 = 100 %) off `line`, rounded half up to the minor unit.
Result<Money> discountForPercent(const Money &line, int basisPoints);
// The part of `line` that `discount` takes, in basis points, rounded up; 0 for an empty line.
int discountBasisPoints(const Money &line, const Money &discount);

struct OverrideRecord {
    QString id;
    QDateTime createdUtc;
    QString saleId;
    QString entryId;
    QString managerName;
    QString cashierName;
    QString customerId;
    TenderKind tender = TenderKind::Account;
    Money amountOver;
    QString reason;
};

struct SoldLine {
    int line = 0;          // 1-based position in the sale
    PricedLine priced;
    qint64 refundedQuantity = 0;
};

struct SaleRecord {
    QString saleId;        // the receipt number, "<terminal>-<000001>"
    QString entryId;
    QDateTime createdUtc;
    QString storeCode;
    QString cashierName;
    QString customerId;
    PriceMode priceMode = PriceMode::TaxInclusive;
    QList<SoldLine> lines;
    Money total;
    Money tax;
    QList<TenderAssessment> tenders; // from the sale's postings
    Money cashTendered;
    Money change;
    Money cashRounding;
    QString voidEntryId;   // set when the sale was voided (voids.h): it cannot be refunded
};

struct SaleReceipt {
    SaleRecord sale;
    JournalEntry entry;
    std::optional<Customer> customer;
    std::optional<CreditOverview> after; // the customer's credit after the sale
    QList<OverrideRecord> overrides;
    bool replayed = false; // the request id was recorded already: this is that sale, not a new one
};

enum class RefundTo {
    Credit,   // into the customer's wallet
    Cash,     // from the drawer, rounded to the smallest coin
    Original, // back to the sale's own tenders: account, then credit, card, cash
};
QString refundToName(RefundTo to); // "credit" | "cash" | "original"
std::optional<RefundTo> refundToFromName(QStringView name);

struct RefundLineRequest {
    QString sku;
    qint64 quantity = 1;
};

struct RefundRequest {
    QString saleId;
    QString cashierName;
    QList<RefundLineRequest> lines;
    RefundTo to = RefundTo::Original;
    QString customerId;    // for RefundTo::Credit when the sale had no customer
    QString reason;
};

struct RefundReceipt {
    QString refundId;      // "<terminal>-R000001"
    QString saleId;
    JournalEntry entry;
    Money total;           // value of the returned goods, tax included
    Money tax;
    QList<TenderAssessment> paidBack; // per kind: what went back
    Money cashRounding;
    std::optional<CreditOverview> after;
};

class CheckoutService {
public:
    CheckoutService(Database &database, Journal &journal, CustomerDirectory &customers, StoreCreditService &credit,
                    ReceivablesService &receivables, UserDirectory &users, ProductCatalog &catalog,
                    const CheckoutSettings &settings, Clock clock = {});

    // Prices a sale and checks its tenders without writing. Fails only on a request that can never
    // become a sale (unknown product, bad quantity, unknown customer); an incomplete payment or a
    // refused tender is a quote with complete == false and the reason in problem.
    Result<SaleQuote> quote(const SaleRequest &request) const;

    // Checks a manager's PIN (audited, with lockout) and returns a single-use grant for one tender
    // of one customer's sale to go up to maxOver beyond what is available. Refused for a wrong or
    // locked PIN, a user who is not a manager or admin, an empty reason, and an amount over the
    // manager's maximum.
    Result<OverrideGrant> authorizeOverride(const QString &managerName, const QString &pin, const QString &reason,
                                            const QString &cashierName, const QString &customerId, TenderKind tender,
                                            const Money &maxOver);

    // Checks a manager's PIN (approval.h: role, four-eyes rule) for discounts beyond the cashier's
    // maximum on this cashier's sale, up to basisPointsMax; a single-use grant for the sale.
    Result<OverrideGrant> authorizeDiscount(const ManagerPin &approval, const QString &cashierName, int basisPointsMax);
    // Whether `cashierName` may take `discount` off a line worth `line` alone.
    Result<DiscountCheck> checkDiscount(const QString &cashierName, const Money &line, const Money &discount) const;

    // Commits a complete sale (see the header comment); refuses an incomplete one with the
    // quote's problem and writes nothing. A request with a request id that was recorded already
    // writes nothing and returns that sale (replayed, its card as it is now) when it asks for the
    // same (cashier, customer, lines, tenders; override grants aside, as a retry cannot repeat
    // them); asking for anything else under that id is refused (AlreadyExists).
    Result<SaleReceipt> sale(const SaleRequest &request);
    // The sale recorded for a request id, if any (for a caller that must not ask a manager for
    // an override again when it retries).
    Result<std::optional<QString>> saleOfRequest(const QString &requestId) const;

    Result<SaleRecord> saleById(const QString &saleId) const;
    // A customer's sales, newest first (for finding what to refund).
    Result<QList<SaleRecord>> salesOfCustomer(const QString &customerId, int rowsMax = 50) const;

    // Returns lines of an earlier sale (never more than was sold, counting earlier refunds) and
    // pays their value back; the entry reverses the sale's income and tax and references it.
    Result<RefundReceipt> refund(const RefundRequest &request);

    // The overrides log, newest first; invalid times leave that end open.
    Result<QList<OverrideRecord>> overrides(const QDateTime &fromUtc, const QDateTime &toUtc, int rowsMax = 1000) const;

private:
    struct Prepared;
    Result<Prepared> prepare(const SaleRequest &request) const;
    // The recorded sale of the request's id as a receipt, if any, or the refusal of an id used
    // for another request.
    Result<std::optional<SaleReceipt>> replay(const SaleRequest &request) const;
    struct RecordedRequest {
        QString saleId;
        QByteArray fingerprint;
    };
    Result<std::optional<RecordedRequest>> recordedRequest(const QString &requestId) const;
    // Override records WHERE `whereAndOrder` (a fixed clause with ? for each of `parameters`).
    Result<QList<OverrideRecord>> overrideRecords(const QString &whereAndOrder, const QVariantList &parameters) const;
    OverrideGrant issue(const OverrideGrant &grant);
    QDateTime now() const;

    Database &m_database;
    Journal &m_journal;
    CustomerDirectory &m_customers;
    StoreCreditService &m_credit;
    ReceivablesService &m_receivables;
    UserDirectory &m_users;
    ProductCatalog &m_catalog;
    const CheckoutSettings &m_settings;
    Clock m_clock;
    QHash<QString, OverrideGrant> m_grants; // issued, not yet used
};

} // namespace Slate::Core
