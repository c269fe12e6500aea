#include "checkout/topups.h"


#include <QSet>

#include <algorithm>

namespace Slate::Core {

namespace {

// A day's entries of one till, read newest first until the day began; bounded all the same.
constexpr int kDayEntriesMax = 200000;

QString paymentJournalWord(PaymentJournal journal) { return paymentJournalName(journal); }

} // namespace

TopUpCheck judgeTopUp(Role role, const Money &amount, const Money &walletBefore, const Money &dayUsed,
                      const CheckoutSettings &settings)
{
    const Currency &currency = amount.currency();
    TopUpCheck check;
    check.role = role;
    check.walletBefore = walletBefore;
    check.walletMax = Money(settings.walletMaxMinorUnits, currency);
    check.walletRoom = Money(std::max<qint64>(0, settings.walletMaxMinorUnits - std::max<qint64>(0, walletBefore.minorUnits())), currency);
    check.cashierMax = Money(settings.topUpMaxCashierMinorUnits, currency);
    check.cashierDayMax = Money(settings.topUpMaxCashierDayMinorUnits, currency);
    check.cashierDayUsed = dayUsed;
    check.over = Money::zero(currency);
    // Compared in 128 bits: an absurd amount must be refused, not wrap.
    __extension__ typedef __int128 Int128;
    if (Int128(walletBefore.minorUnits()) + amount.minorUnits() > settings.walletMaxMinorUnits) {
        check.verdict = TopUpVerdict::OverWalletMax;
        return check;
    }
    if (role != Role::Cashier)
        return check;
    const Int128 overOne = Int128(amount.minorUnits()) - settings.topUpMaxCashierMinorUnits;
    const Int128 overDay = Int128(dayUsed.minorUnits()) + amount.minorUnits() - settings.topUpMaxCashierDayMinorUnits;
    const Int128 over = std::max(overOne, overDay);
    if (over > 0) {
        check.verdict = TopUpVerdict::NeedsManager;
        check.over = Money(qint64(std::min<Int128>(over, amount.minorUnits())), currency);
    }
    return check;
}

TopUpService::TopUpService(Database &database, Journal &journal, UserDirectory &users, StoreCreditService &credit,
                           const CheckoutSettings &settings, Clock clock)
    : m_database(database), m_journal(journal), m_users(users), m_credit(credit), m_settings(settings), m_clock(std::move(clock))
{
}

QDateTime TopUpService::now() const { return m_clock ? m_clock().toUTC() : nowUtc(); }

Result<Money> TopUpService::toppedUpToday(const QString &userName) const
{
    const Currency &currency = m_journal.identity().currency;
    const QDateTime local = now().toLocalTime();
    const QString dayStart = timestampText(QDateTime(local.date(), QTime(0, 0)).toUTC());
    // This till's entries newest first (its chain index), stopping where the day began: the
    // cost is one day's entries, not the journal's.
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT e.id, e.kind, e.user_name, e.related_entry_id, e.created_utc, "
                       "(SELECT coalesce(sum(p.amount), 0) FROM postings p WHERE p.entry_position = e.position AND p.amount > 0) "
                       "FROM journal_entries e WHERE e.terminal_id = ? ORDER BY e.sequence DESC LIMIT ?"),
        {m_journal.identity().terminalId, kDayEntriesMax}, QStringLiteral("add up today's top-ups of %1").arg(userName));
    if (!query)
        return query.error();
    QSet<QString> voided;
    qint64 total = 0;
    while (query->next()) {
        if (query->value(4).toString() < dayStart)
            break;
        const QString kind = query->value(1).toString();
        if (kind == entryKindName(EntryKind::Reversal)) {
            voided.insert(query->value(3).toString());
        } else if (kind == entryKindName(EntryKind::TopUp) && query->value(2).toString() == userName
                   && !voided.contains(query->value(0).toString())) {
            if (__builtin_add_overflow(total, query->value(5).toLongLong(), &total))
                return makeError(ErrorCode::Overflow, QStringLiteral("Today's top-ups of %1 are out of range.").arg(userName));
        }
    }
    return Money(total, currency);
}

Result<TopUpCheck> TopUpService::checkAmount(const Customer &customer, const Money &amount, const QString &userName) const
{
    if (!(amount.currency() == m_journal.identity().currency))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("This store keeps its books in %1; an amount in %2 cannot be used.")
                             .arg(m_journal.identity().currency.code(), amount.currency().code()));
    if (!amount.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A top-up must be more than zero, not %1; to take credit away use an adjustment.")
                             .arg(amount.toDecimalString()));
    const Result<User> user = m_users.byName(userName);
    if (!user && user.code() != ErrorCode::NotFound)
        return user.error();
    const Role role = user && user->active ? user->role : Role::Cashier;
    const Result<Money> wallet = m_credit.wallet(customer.id);
    if (!wallet)
        return wallet.error();
    Money dayUsed = Money::zero(amount.currency());
    if (role == Role::Cashier) {
        const Result<Money> used = toppedUpToday(userName);
        if (!used)
            return used.error();
        dayUsed = *used;
    }
    return judgeTopUp(role, amount, *wallet, dayUsed, m_settings);
}

Result<TopUpCheck> TopUpService::check(const Customer &customer, const Money &amount, const QString &userName) const
{
    return checkAmount(customer, amount, userName);
}

Result<TopUpReceipt> TopUpService::topUp(const TopUpRequest &request)
{
    const Result<TopUpCheck> first = checkAmount(request.customer, request.amount, request.userName);
    if (!first)
        return first.error();
    auto overWallet = [&](const TopUpCheck &check) {
        return makeError(ErrorCode::NotPermitted,
                         QStringLiteral("%1's wallet holds %2; adding %3 would take it above the shop's maximum wallet of %4. "
                                        "At most %5 can be added.")
                             .arg(request.customer.name, check.walletBefore.toDecimalStringWithCode(),
                                  request.amount.toDecimalStringWithCode(), check.walletMax.toDecimalStringWithCode(),
                                  check.walletRoom.toDecimalStringWithCode()));
    };
    if (first->verdict == TopUpVerdict::OverWalletMax)
        return overWallet(*first);

    // The PIN is checked (and audited) before the write transaction, as for every override.
    std::optional<User> manager;
    QString reason;
    if (first->verdict == TopUpVerdict::NeedsManager) {
        if (!request.approval)
            return makeError(ErrorCode::ApprovalNeeded,
                             QStringLiteral("A cashier may top up at most %1 at a time and %2 a day (%3 so far today); "
                                            "this top-up of %4 is %5 over. A manager's PIN can authorise it.")
                                 .arg(first->cashierMax.toDecimalStringWithCode(), first->cashierDayMax.toDecimalStringWithCode(),
                                      first->cashierDayUsed.toDecimalStringWithCode(), request.amount.toDecimalStringWithCode(),
                                      first->over.toDecimalStringWithCode()));
        const Result<QString> why = approvalReason(request.approval->reason, QStringLiteral("gift card for the staff party"));
        if (!why)
            return why.error();
        reason = *why;
        const Result<User> approved = approveByManager(m_users, m_settings, ManagerPin{request.approval->managerName,
                                                                                       request.approval->pin, reason},
                                                       request.userName, QStringLiteral("top-up"));
        if (!approved)
            return approved.error();
        if (approved->overrideMaxMinorUnits && first->over.minorUnits() > *approved->overrideMaxMinorUnits)
            return makeError(ErrorCode::NotPermitted,
                             QStringLiteral("%1 may authorise at most %2 over a bound; this top-up is %3 over. Ask another manager.")
                                 .arg(approved->name, Money(*approved->overrideMaxMinorUnits, request.amount.currency()).toDecimalStringWithCode(),
                                      first->over.toDecimalStringWithCode()));
        manager = *approved;
    }

    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Again inside the write transaction: another top-up may have been made meanwhile.
    const Result<TopUpCheck> check = checkAmount(request.customer, request.amount, request.userName);
    if (!check)
        return check.error();
    if (check->verdict == TopUpVerdict::OverWalletMax)
        return overWallet(*check);
    if (check->verdict == TopUpVerdict::NeedsManager
        && (!manager || (manager->overrideMaxMinorUnits && check->over.minorUnits() > *manager->overrideMaxMinorUnits)
            || check->over.minorUnits() > first->over.minorUnits()))
        return makeError(ErrorCode::ApprovalNeeded,
                         QStringLiteral("Other top-ups were made meanwhile; this one is now %1 over the cashier's bound. Ask the manager again.")
                             .arg(check->over.toDecimalStringWithCode()));
    QString note = request.note.trimmed();
    if (note.isEmpty())
        note = QStringLiteral("Top-up by %1").arg(paymentJournalWord(request.journal));
    if (manager && check->verdict == TopUpVerdict::NeedsManager)
        note += QStringLiteral("; %1 over the cashier's bound authorised by %2: %3")
                    .arg(check->over.toDecimalStringWithCode(), manager->name, reason);
    Result<JournalEntry> entry = m_credit.topUp(request.customer, request.amount, request.journal, note, request.userName);
    if (!entry)
        return entry.error();
    const Result<Money> after = m_credit.wallet(request.customer.id);
    if (!after)
        return after.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return TopUpReceipt{*entry, *after, manager && check->verdict == TopUpVerdict::NeedsManager ? manager->name : QString()};
}

} // namespace Slate::Core
