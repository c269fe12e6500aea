#pragma once
// CashDrawerService: the till's cash drawer between two Z reports — the float it opens with,
// cash paid in and out with a reason, and drawer openings without a sale. Each movement of cash
// is one balanced journal entry against the store's safe (the back office books it on: to the
// bank, an expense, the next day's float):
//
//   float     Dr assets:cash:<store>:<terminal>   Cr assets:safe:<store>
//   cash in   Dr assets:cash:<store>:<terminal>   Cr assets:safe:<store>
//   cash out  Dr assets:safe:<store>              Cr assets:cash:<store>:<terminal>
//
// A drawer opening without a sale moves no money: it is an event of the till's electronic
// journal (till_events), counted on the next X and Z report; any user may record one. Who may
// do the rest: a manager or
// an admin, or a cashier when the store allows it (CheckoutSettings::dayEndByCashier); the same
// rule holds for the reports (dayend.h). The window, slatectl and the tests call this.

#include "ledger/journal.h"
#include "people/users.h"
#include "settings/checkoutsettings.h"

namespace Slate::Core {

// What the till's electronic journal records besides money (SAF-T Cash Register's events).
enum class TillEventKind {
    DrawerOpen,  // the drawer opened without a sale (13005)
    XReport,     // 13008
    ZReport,     // 13009
    ReportCopy,  // an X or Z report printed again (13018)
    ReceiptCopy, // a receipt printed again (13014)
};
QString tillEventKindName(TillEventKind kind); // "drawer-open", "x-report", "z-report", "report-copy", "receipt-copy"

constexpr qsizetype kCashReasonLengthMax = 300;

struct CashMovement {
    JournalEntry entry;
    Money amount;       // > 0
    Money drawerAfter;  // the drawer's cash after it (the maintained balance)
};

struct TillEvent {
    qint64 id = 0;
    TillEventKind kind = TillEventKind::DrawerOpen;
    QDateTime createdUtc;
    QString userName;
    QString reference;
    QString note;
};

// The user who may run the day end (float, cash in and out, drawer, X and Z): an active user of
// this till who is a manager or an admin, or a cashier when `settings.dayEndByCashier`.
// NotFound for an unknown user, NotPermitted for a cashier when the store does not allow it.
Result<User> dayEndUser(const UserDirectory &users, const CheckoutSettings &settings, const QString &userName,
                        const QString &doing);

// Where this till's current day begins: right after its last Z report (all zero before the first).
struct DayStart {
    qint64 sequenceAfter = 0; // the last journal sequence of this till that a Z report closed
    qint64 eventAfter = 0;    // the last till event that a Z report closed
    qint64 lastZNumber = 0;
    QDateTime lastZUtc;       // invalid before the first Z
    qint64 grandSalesMinorUnits = 0; // the grand totals through the last Z (dayend.h)
    qint64 grandReturnsMinorUnits = 0;
    qint64 grandNetMinorUnits = 0;
};
Result<DayStart> currentDayStart(const Database &database, const QString &terminalId);

// Records one event of this till's electronic journal (inside the caller's transaction if any).
Result<TillEvent> recordTillEvent(Database &database, const QString &terminalId, TillEventKind kind, const QString &userName,
                                  const QString &reference, const QString &note);

class CashDrawerService {
public:
    CashDrawerService(Database &database, Journal &journal, UserDirectory &users, const CheckoutSettings &settings);

    // The float the till opens the day with. Refused when this day (since the last Z report)
    // already has one: more change is cash in.
    Result<CashMovement> openWithFloat(const Money &amount, const QString &userName);
    // Cash put into the drawer, or taken out of it, with a reason (1 to kCashReasonLengthMax
    // characters, one line). Cash out is refused beyond what the drawer holds.
    Result<CashMovement> cashIn(const Money &amount, const QString &reason, const QString &userName);
    Result<CashMovement> cashOut(const Money &amount, const QString &reason, const QString &userName);
    // The drawer opened without a sale (the "no sale" key), by any user of the till; the reason
    // may be empty.
    Result<TillEvent> openDrawer(const QString &userName, const QString &reason);

    // What the drawer holds now by the journal: the balance of this till's cash account.
    Result<Money> drawerCash() const;

private:
    Result<CashMovement> move(EntryKind kind, const Money &amount, const QString &reason, const QString &userName);
    Result<void> checkAmount(const Money &amount, const QString &what) const;

    Database &m_database;
    Journal &m_journal;
    UserDirectory &m_users;
    const CheckoutSettings &m_settings;
};

} // namespace Slate::Core
