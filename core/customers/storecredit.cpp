#include "customers/storecredit.h"

#include <algorithm>

namespace Slate::Core {

Result<void> StoreCreditService::checkCurrency(const Money &amount) const
{
    if (!(amount.currency() == m_journal.identity().currency))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("This store keeps its books in %1; an amount in %2 cannot be used.")
                             .arg(m_journal.identity().currency.code(), amount.currency().code()));
    return {};
}

Result<JournalEntry> StoreCreditService::topUp(const Customer &customer, const Money &amount, PaymentJournal journal,
                                               const QString &note, const QString &userName)
{
    if (auto valid = checkCurrency(amount); !valid)
        return valid.error();
    if (!amount.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A top-up must be more than zero, not %1; to take credit away use an adjustment.")
                             .arg(amount.toDecimalString()));
    const Result<Money> credit = amount.negated();
    if (!credit)
        return credit.error();
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Read inside the write transaction, so that two top-ups cannot both pass the maximum.
    const Result<Money> before = wallet(customer.id);
    if (!before)
        return before.error();
    if (auto bounded = checkWalletMax(customer, *before, amount); !bounded)
        return bounded.error();
    const StoreIdentity &store = m_journal.identity();
    EntryDraft draft;
    draft.kind = EntryKind::TopUp;
    draft.userName = userName;
    draft.note = note.isEmpty() ? QStringLiteral("Top-up by %1").arg(paymentJournalName(journal)) : note;
    draft.references.customerId = customer.id;
    draft.postings = {
        {Accounts::forPaymentJournal(journal, store.storeCode, store.terminalId), amount},
        {Accounts::storeCredit(customer.id), *credit},
    };
    Result<JournalEntry> entry = m_journal.append(draft);
    if (!entry)
        return entry.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return entry;
}

Result<void> StoreCreditService::checkWalletMax(const Customer &customer, const Money &before, const Money &amount) const
{
    if (!amount.isPositive())
        return {};
    const Money maximum(m_settings.walletMaxMinorUnits, amount.currency());
    const Result<Money> after = before.plus(amount);
    if (after && after->minorUnits() <= maximum.minorUnits())
        return {};
    const Money room(std::max<qint64>(0, maximum.minorUnits() - std::max<qint64>(0, before.minorUnits())), amount.currency());
    return makeError(ErrorCode::NotPermitted,
                     QStringLiteral("%1's wallet holds %2; adding %3 would take it above the shop's maximum wallet of %4. "
                                    "At most %5 can be added.")
                         .arg(customer.name, before.toDecimalStringWithCode(), amount.toDecimalStringWithCode(),
                              maximum.toDecimalStringWithCode(), room.toDecimalStringWithCode()));
}

Result<JournalEntry> StoreCreditService::adjust(const Customer &customer, const Money &amount, const QString &reason,
                                                const QString &userName)
{
    if (auto valid = checkCurrency(amount); !valid)
        return valid.error();
    if (amount.isZero())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("An adjustment of zero changes nothing; give an amount."));
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An adjustment needs a reason (e.g. \"goodwill for late delivery\")."));
    const Result<Money> credit = amount.negated();
    if (!credit)
        return credit.error();

    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Read inside the write transaction so that no other writer can spend the wallet meanwhile.
    const Result<Money> before = wallet(customer.id);
    if (!before)
        return before.error();
    const Result<Money> after = before->plus(amount);
    if (!after)
        return after.error();
    if (auto bounded = checkWalletMax(customer, *before, amount); !bounded)
        return bounded.error();
    // Only what takes credit away is bounded by the wallet: an overdrawn wallet may be corrected
    // upwards, also when it stays below zero.
    if (amount.isNegative() && after->isNegative())
        return makeError(ErrorCode::InsufficientFunds,
                         before->isPositive()
                             ? QStringLiteral("%1's wallet holds %2 %3; an adjustment of %4 would leave it at %5. "
                                              "Adjust by at most -%2.")
                                   .arg(customer.name, before->toDecimalString(), before->currency().code(),
                                        amount.toDecimalString(), after->toDecimalString())
                             : QStringLiteral("%1's wallet holds %2 %3, so there is no credit to take away; an adjustment of %4 "
                                              "would leave it at %5. Adjust it upwards only.")
                                   .arg(customer.name, before->toDecimalString(), before->currency().code(),
                                        amount.toDecimalString(), after->toDecimalString()));
    EntryDraft draft;
    draft.kind = EntryKind::Adjustment;
    draft.userName = userName;
    draft.note = reason.trimmed();
    draft.references.customerId = customer.id;
    draft.postings = {
        {Accounts::creditAdjustments(), amount},
        {Accounts::storeCredit(customer.id), *credit},
    };
    Result<JournalEntry> entry = m_journal.append(draft);
    if (!entry)
        return entry.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return entry;
}

Result<Money> StoreCreditService::wallet(const QString &customerId) const
{
    const Result<Money> liability = m_journal.balance(Accounts::storeCredit(customerId));
    if (!liability)
        return liability.error();
    return liability->negated();
}

Result<QList<WalletHistoryRow>> StoreCreditService::history(const QString &customerId, int rowsMax) const
{
    const int limit = qBound(1, rowsMax, kHistoryRowsMax);
    const Result<Money> current = wallet(customerId);
    if (!current)
        return current.error();
    // Newest first, so that the running balance is found by walking back from today's wallet
    // and the cost depends on rowsMax, not on the length of the customer's history.
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT e.id, e.created_utc, e.kind, e.user_name, e.note, sum(p.amount) "
                       "FROM postings p JOIN journal_entries e ON e.position = p.entry_position "
                       "WHERE p.account = ? GROUP BY p.entry_position ORDER BY p.entry_position DESC LIMIT ?"),
        {Accounts::storeCredit(customerId), limit}, QStringLiteral("read the credit history of customer %1").arg(customerId));
    if (!query)
        return query.error();
    QList<WalletHistoryRow> rows;
    Money running = *current;
    while (query->next()) {
        const std::optional<EntryKind> kind = entryKindFromName(query->value(2).toString());
        const Result<Money> amount = Money(query->value(5).toLongLong(), current->currency()).negated();
        if (!kind || !amount)
            return makeError(ErrorCode::Integrity,
                             QStringLiteral("Journal entry %1 is damaged; run verify.").arg(query->value(0).toString()));
        WalletHistoryRow row{query->value(0).toString(), timestampFromText(query->value(1).toString()), *kind, *amount,
                             running, query->value(3).toString(), query->value(4).toString()};
        const Result<Money> before = running.minus(*amount);
        if (!before)
            return before.error();
        running = *before;
        rows.append(row);
    }
    std::reverse(rows.begin(), rows.end());
    return rows;
}

} // namespace Slate::Core
