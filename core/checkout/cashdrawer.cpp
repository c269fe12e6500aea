#include "checkout/cashdrawer.h"

#include "base/textrules.h"
#include "ledger/accounts.h"

namespace Slate::Core {

namespace {

struct EventKindRow {
    TillEventKind kind;
    const char *name;
};

constexpr EventKindRow kEventKinds[] = {
    {TillEventKind::DrawerOpen, "drawer-open"}, {TillEventKind::XReport, "x-report"},
    {TillEventKind::ZReport, "z-report"},       {TillEventKind::ReportCopy, "report-copy"},
    {TillEventKind::ReceiptCopy, "receipt-copy"},
};

QString movementWord(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Float: return QStringLiteral("float");
    case EntryKind::CashIn: return QStringLiteral("cash in");
    case EntryKind::CashOut: return QStringLiteral("cash out");
    default: return entryKindName(kind);
    }
}

} // namespace

QString tillEventKindName(TillEventKind kind)
{
    for (const EventKindRow &row : kEventKinds) {
        if (row.kind == kind)
            return QString::fromLatin1(row.name);
    }
    return {};
}

Result<User> dayEndUser(const UserDirectory &users, const CheckoutSettings &settings, const QString &userName,
                        const QString &doing)
{
    if (userName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Name who does the %1 (a manager, or a cashier if the store allows it).").arg(doing));
    const Result<User> user = users.byName(userName);
    if (!user)
        return user.code() == ErrorCode::NotFound
                   ? makeError(ErrorCode::NotFound,
                               QStringLiteral("%1 is no user of this till; the %2 needs a manager's or, if the store allows it, a cashier's name.")
                                   .arg(userName, doing))
                   : user.error();
    if (!user->active)
        return makeError(ErrorCode::NotPermitted, QStringLiteral("%1 is not an active user of this till.").arg(userName));
    if (user->role == Role::Cashier && !settings.dayEndByCashier)
        return makeError(ErrorCode::NotPermitted,
                         QStringLiteral("%1 is a cashier; the %2 takes a manager in this store "
                                        "(or allow cashiers with \"slatectl settings set --day-end-cashier yes\").")
                             .arg(userName, doing));
    return user;
}

Result<DayStart> currentDayStart(const Database &database, const QString &terminalId)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT number, sequence_through, event_through, created_utc, grand_sales, grand_returns, grand_net "
                       "FROM day_reports WHERE terminal_id = ? AND kind = 'Z' ORDER BY number DESC LIMIT 1"),
        {terminalId}, QStringLiteral("find where till %1's day begins").arg(terminalId));
    if (!query)
        return query.error();
    DayStart start;
    if (!query->next())
        return start;
    start.lastZNumber = query->value(0).toLongLong();
    start.sequenceAfter = query->value(1).toLongLong();
    start.eventAfter = query->value(2).toLongLong();
    start.lastZUtc = timestampFromText(query->value(3).toString());
    start.grandSalesMinorUnits = query->value(4).toLongLong();
    start.grandReturnsMinorUnits = query->value(5).toLongLong();
    start.grandNetMinorUnits = query->value(6).toLongLong();
    return start;
}

Result<TillEvent> recordTillEvent(Database &database, const QString &terminalId, TillEventKind kind, const QString &userName,
                                  const QString &reference, const QString &note)
{
    if (note.size() > kCashReasonLengthMax || hasControlCharacters(note))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A reason is one line of at most %1 characters.").arg(kCashReasonLengthMax));
    TillEvent event{0, kind, nowUtc(), userName, reference, note};
    Result<Query> inserted = database.run(
        QStringLiteral("INSERT INTO till_events (terminal_id, kind, created_utc, user_name, reference, note) VALUES (?, ?, ?, ?, ?, ?)"),
        {terminalId, tillEventKindName(kind), timestampText(event.createdUtc), userName, reference, note},
        QStringLiteral("record a %1 event").arg(tillEventKindName(kind)));
    if (!inserted)
        return inserted.error();
    event.id = inserted->lastInsertId().toLongLong();
    return event;
}

CashDrawerService::CashDrawerService(Database &database, Journal &journal, UserDirectory &users, const CheckoutSettings &settings)
    : m_database(database), m_journal(journal), m_users(users), m_settings(settings)
{
}

Result<Money> CashDrawerService::drawerCash() const
{
    const StoreIdentity &store = m_journal.identity();
    return m_journal.balance(Accounts::cash(store.storeCode, store.terminalId));
}

Result<void> CashDrawerService::checkAmount(const Money &amount, const QString &what) const
{
    const Currency &currency = m_journal.identity().currency;
    if (!(amount.currency() == currency))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("This store keeps its books in %1; a %2 in %3 cannot be recorded.")
                                                         .arg(currency.code(), what, amount.currency().code()));
    if (!amount.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A %1 must be more than zero, not %2.").arg(what, amount.toDecimalString()));
    if (amount.minorUnits() > kMoneyBoundMinorUnitsMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A %1 of %2 is beyond any drawer; at most %3.")
                                                         .arg(what, amount.toDecimalStringWithCode(),
                                                              Money(kMoneyBoundMinorUnitsMax, currency).toDecimalStringWithCode()));
    return {};
}

Result<CashMovement> CashDrawerService::openWithFloat(const Money &amount, const QString &userName)
{
    return move(EntryKind::Float, amount, QString(), userName);
}

Result<CashMovement> CashDrawerService::cashIn(const Money &amount, const QString &reason, const QString &userName)
{
    return move(EntryKind::CashIn, amount, reason, userName);
}

Result<CashMovement> CashDrawerService::cashOut(const Money &amount, const QString &reason, const QString &userName)
{
    return move(EntryKind::CashOut, amount, reason, userName);
}

Result<CashMovement> CashDrawerService::move(EntryKind kind, const Money &amount, const QString &reason, const QString &userName)
{
    const QString what = movementWord(kind);
    if (auto valid = checkAmount(amount, what); !valid)
        return valid.error();
    const QString why = reason.trimmed();
    if (kind != EntryKind::Float) {
        if (why.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("A %1 needs a reason, e.g. \"%2\".")
                                 .arg(what, kind == EntryKind::CashIn ? QStringLiteral("more change from the safe")
                                                                      : QStringLiteral("takings to the bank")));
        if (why.size() > kCashReasonLengthMax || hasControlCharacters(why))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("A reason is one line of at most %1 characters.").arg(kCashReasonLengthMax));
    }
    const Result<User> user = dayEndUser(m_users, m_settings, userName, what);
    if (!user)
        return user.error();

    const StoreIdentity &store = m_journal.identity();
    const QString drawer = Accounts::cash(store.storeCode, store.terminalId);
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const Result<Money> before = m_journal.balance(drawer);
    if (!before)
        return before.error();
    if (kind == EntryKind::Float) {
        const Result<DayStart> day = currentDayStart(m_database, store.terminalId);
        if (!day)
            return day.error();
        Result<Query> earlier = m_database.run(
            QStringLiteral("SELECT created_utc FROM journal_entries WHERE terminal_id = ? AND sequence > ? AND kind = ? LIMIT 1"),
            {store.terminalId, day->sequenceAfter, entryKindName(EntryKind::Float)}, QStringLiteral("look for today's float"));
        if (!earlier)
            return earlier.error();
        if (earlier->next())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Till %1 was opened with a float at %2 (UTC) and has had no Z report since; "
                                            "add more change with cash in.")
                                 .arg(store.terminalId, earlier->value(0).toString()));
    }
    if (kind == EntryKind::CashOut && amount.minorUnits() > before->minorUnits())
        return makeError(ErrorCode::InsufficientFunds,
                         QStringLiteral("The drawer of till %1 holds %2 by the journal; a cash out of %3 is more than that.")
                             .arg(store.terminalId, before->toDecimalStringWithCode(), amount.toDecimalStringWithCode()));
    EntryDraft draft;
    draft.kind = kind;
    draft.userName = userName;
    draft.note = kind == EntryKind::Float ? QStringLiteral("Float of till %1").arg(store.terminalId)
                                          : QStringLiteral("%1: %2").arg(kind == EntryKind::CashIn ? QStringLiteral("Cash in")
                                                                                                   : QStringLiteral("Cash out"),
                                                                         why);
    const Money negated = *amount.negated();
    if (kind == EntryKind::CashOut)
        draft.postings = {{Accounts::safe(store.storeCode), amount}, {drawer, negated}};
    else
        draft.postings = {{drawer, amount}, {Accounts::safe(store.storeCode), negated}};
    const Result<JournalEntry> entry = m_journal.append(draft);
    if (!entry)
        return entry.error();
    const Result<Money> after = m_journal.balance(drawer);
    if (!after)
        return after.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return CashMovement{*entry, amount, *after};
}

Result<TillEvent> CashDrawerService::openDrawer(const QString &userName, const QString &reason)
{
    // Any user of the till may press "no sale"; it is counted on the next report, with who did it.
    const Result<User> user = m_users.byName(userName);
    if (!user)
        return user.code() == ErrorCode::NotFound
                   ? makeError(ErrorCode::NotFound, QStringLiteral("%1 is no user of this till; name who opens the drawer.").arg(userName))
                   : user.error();
    return recordTillEvent(m_database, m_journal.identity().terminalId, TillEventKind::DrawerOpen, userName, QString(), reason.trimmed());
}

} // namespace Slate::Core
