#pragma once
// DayEndService: the X report (the day so far, nothing closed) and the Z report that closes the
// day, counted cash against expected. A day is this till's journal entries after the last Z
// report's (by sequence, so nothing is lost or counted twice, whatever the clock did) and its
// till events (drawer openings, reprints) after the last Z's.
//
// What a report holds, all from the journal and the sales records of this till:
//   - sales (count, total with tax), returns (refunds), voids (sales and top-ups voided),
//     line discounts, manager overrides; net sales = sales - returns - voided sales;
//   - per tender (cash, card, store credit, account) what the sales, returns and voided sales
//     took net, which adds up to net sales plus the net cash rounding;
//   - per VAT code and rate the net and the tax of what was sold, less returns and voids;
//   - store-credit top-ups, invoice payments and store-credit adjustments apart from sales
//     (they are not sales), each by payment journal;
//   - the drawer: what it held when the day began, the float, cash in and out, the cash of
//     sales, top-ups and payments, and what it should hold now (expected: the balance of the
//     till's cash account); a Z adds what was counted and posts the difference (one entry of
//     kind cash-difference, against expenses:cash-differences:<store>, naming who counted);
//   - receipts (sales, returns, voids) and copies printed, drawer openings without a sale;
//   - grand totals since the till's first day (sales, returns and voided sales, net).
// Every report is stored as it was made (day_reports: its JSON, numbered gap-free per till and
// kind, X and Z apart) with an event (till_events), in one transaction with the Z's difference
// entry: a Z is made whole or not at all, and its number is the next one after a restart or a
// crash. A report can be printed again (reprint), which is recorded as a copy.

#include "checkout/cashdrawer.h"

#include <QJsonObject>

namespace Slate::Core {

enum class DayReportKind { X, Z };
QString dayReportKindName(DayReportKind kind); // "X" | "Z"
std::optional<DayReportKind> dayReportKindFromName(QStringView name);

struct CountAmount {
    qint64 count = 0;
    Money amount;
};

struct VatRow {
    QString code;
    int rateBasisPoints = 0;
    Money net;
    Money tax;
};

// By payment journal: what funded a top-up or paid an invoice.
struct JournalTotals {
    qint64 count = 0;
    Money amount;
    Money cash;
    Money card;
    Money bank;
};

struct DayReport {
    DayReportKind kind = DayReportKind::X;
    qint64 number = 0;
    QString storeCode;
    QString terminalId;
    QString currencyCode;
    QDateTime createdUtc;
    QString userName;
    QDateTime fromUtc;          // the previous Z report's time; invalid for the till's first day
    qint64 sequenceAfter = 0;   // the day is this till's entries after this sequence…
    qint64 sequenceThrough = 0; // …through this one (a Z: including its difference entry)

    CountAmount sales;          // sale entries, their totals with tax
    CountAmount returns;        // refund entries, the value of the goods returned
    CountAmount voids;          // reversal entries (sales and top-ups), what they took back
    CountAmount voidedSales;    // the part of voids that were sales
    CountAmount discounts;      // sale lines with a discount, the discounts
    CountAmount overrides;      // manager overrides of tenders, what they let go over
    Money netSales;             // sales - returns - voided sales
    Money cashRounding;         // the net cash rounding of sales and returns
    Money tenderCash, tenderCard, tenderCredit, tenderAccount; // net per tender
    QList<VatRow> vat;          // by code and rate, ordered by code

    JournalTotals topUps;       // store-credit top-ups, net of voided ones
    JournalTotals invoicePayments;
    CountAmount adjustments;    // store-credit corrections (no money moves)

    Money drawerOpening;        // what the drawer held when the day began
    CountAmount floats;
    CountAmount cashIn;
    CountAmount cashOut;
    Money drawerExpected;       // the balance of the till's cash account, before any count
    std::optional<Money> counted;  // a Z: what was counted
    Money difference;           // counted - expected (a Z), posted as its own entry
    QString differenceEntryId;

    qint64 receiptsSales = 0;   // receipts: one per sale, return and void
    qint64 receiptsReturns = 0;
    qint64 receiptsVoids = 0;
    qint64 receiptCopies = 0;
    qint64 reportCopies = 0;
    qint64 drawerOpenings = 0;  // without a sale

    Money grandSales;           // since the till's first day, through this report
    Money grandReturns;         // returns and voided sales
    Money grandNet;
};

// The stored form of a report (the JSON that reprints print), amounts as decimal strings.
QJsonObject dayReportJson(const DayReport &report);

struct StoredReport {
    DayReportKind kind = DayReportKind::X;
    qint64 number = 0;
    QDateTime createdUtc;
    QString userName;
    QJsonObject body; // dayReportJson of the report as it was made
};

constexpr int kReportsListedMax = 10000;

class DayEndService {
public:
    DayEndService(Database &database, Journal &journal, UserDirectory &users, const CheckoutSettings &settings);

    // The day so far; stored (numbered in the X series) with an x-report event.
    Result<DayReport> xReport(const QString &userName);
    // Closes the day: `counted` (>= 0) is the cash counted in the drawer by `userName`.
    Result<DayReport> zReport(const Money &counted, const QString &userName);
    // The figures of the day so far, without storing anything (what an X would print).
    Result<DayReport> preview() const;

    // Stored reports of this till made in [fromUtc, toUtc) (invalid: open), oldest first.
    Result<QList<StoredReport>> reports(const QDateTime &fromUtc, const QDateTime &toUtc,
                                        int rowsMax = kReportsListedMax) const;
    // A stored report printed again by `userName`: recorded as a report-copy event.
    Result<StoredReport> reprint(DayReportKind kind, qint64 number, const QString &userName);

private:
    Result<DayReport> compute(DayReportKind kind) const;
    Result<DayReport> store(DayReport report);
    Result<DayReport> computeAndStore(DayReportKind kind, const QString &userName, const std::optional<Money> &counted);

    Database &m_database;
    Journal &m_journal;
    UserDirectory &m_users;
    const CheckoutSettings &m_settings;
};

} // namespace Slate::Core
