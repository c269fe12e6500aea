#include "checkout/voids.h"

#include "checkout/cashdrawer.h"
#include "base/uuidv7.h"
#include "ledger/accounts.h"
#include "ledger/foreignentries.h"

namespace Slate::Core {

VoidService::VoidService(Database &database, Journal &journal, CustomerDirectory &customers, StoreCreditService &credit,
                         UserDirectory &users, const CheckoutSettings &settings)
    : m_database(database), m_journal(journal), m_customers(customers), m_credit(credit), m_users(users), m_settings(settings)
{
}

Result<std::optional<JournalEntry>> voidOfEntry(const Database &database, const QString &entryId)
{
    const Result<std::optional<JournalEntry>> entry = ForeignEntries::entryById(database, entryId);
    if (!entry)
        return entry.error();
    if (!*entry)
        return std::optional<JournalEntry>();
    const Result<QList<JournalEntry>> next = ForeignEntries::entriesAfter(database, (*entry)->terminalId, (*entry)->sequence, 1);
    if (!next)
        return next.error();
    if (!next->isEmpty() && next->first().kind == EntryKind::Reversal && next->first().references.relatedEntryId == entryId)
        return std::optional<JournalEntry>(next->first());
    return std::optional<JournalEntry>();
}

Result<std::optional<VoidableTransaction>> VoidService::last() const
{
    const QString &terminal = m_journal.identity().terminalId;
    const Result<ChainTip> tip = ForeignEntries::chainTip(m_database, terminal);
    if (!tip)
        return tip.error();
    if (tip->sequence == 0)
        return std::optional<VoidableTransaction>();
    const Result<QList<JournalEntry>> entries = ForeignEntries::entriesAfter(m_database, terminal, tip->sequence - 1, 1);
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return makeError(ErrorCode::Integrity, QStringLiteral("The last entry of till %1 cannot be read; run verify.").arg(terminal));
    const JournalEntry &entry = entries->first();
    if (entry.kind != EntryKind::Sale && entry.kind != EntryKind::TopUp)
        return std::optional<VoidableTransaction>();
    // A Z report closed the day it belongs to: that day's figures stay as they were reported.
    const Result<DayStart> day = currentDayStart(m_database, terminal);
    if (!day)
        return day.error();
    if (entry.sequence <= day->sequenceAfter)
        return std::optional<VoidableTransaction>();
    VoidableTransaction transaction;
    transaction.entry = entry;
    transaction.amount = Money::zero(m_journal.identity().currency);
    if (entry.kind == EntryKind::Sale)
        transaction.saleId = entry.references.orderId;
    for (const Posting &posting : entry.postings) {
        const bool counts = entry.kind == EntryKind::TopUp ? posting.amount.isPositive()
                                                            : posting.account.startsWith(QLatin1String("income:sales:"))
                                                                  || posting.account.startsWith(QLatin1String("liabilities:tax:"))
                                                                  || posting.account.startsWith(QLatin1String("income:cash-rounding:"));
        if (!counts)
            continue;
        const Result<Money> amount = entry.kind == EntryKind::TopUp ? transaction.amount.plus(posting.amount)
                                                                     : transaction.amount.minus(posting.amount);
        if (!amount)
            return amount.error();
        transaction.amount = *amount;
    }
    if (!entry.references.customerId.isEmpty()) {
        Result<Customer> customer = m_customers.byId(entry.references.customerId);
        if (!customer)
            return customer.error();
        transaction.customer = *customer;
    }
    return std::optional<VoidableTransaction>(transaction);
}

Result<VoidReceipt> VoidService::voidLast(const VoidRequest &request)
{
    const Result<QString> reason = approvalReason(request.approval.reason, QStringLiteral("rang up the wrong customer"));
    if (!reason)
        return reason.error();
    const Result<std::optional<VoidableTransaction>> found = last();
    if (!found)
        return found.error();
    if (!*found)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is nothing to void: only the last sale or top-up of this till can be voided, "
                                        "before the next one. Use a refund or an adjustment instead."));
    const VoidableTransaction original = **found;
    const Result<User> manager = approveByManager(m_users, m_settings, ManagerPin{request.approval.managerName, request.approval.pin, *reason},
                                                  request.userName, QStringLiteral("void"));
    if (!manager)
        return manager.error();
    // The one who rang it up counts as an actor of the four-eyes rule as well as the one voiding it.
    if (!m_settings.selfAuthorise && manager->name == original.entry.userName)
        return makeError(ErrorCode::NotPermitted,
                         QStringLiteral("%1 rang up this transaction and cannot also authorise its void; ask another manager "
                                        "(or allow it with \"slatectl settings set --self-authorise yes\").")
                             .arg(manager->name));

    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Still the last entry? Another writer on this database may have added one meanwhile.
    const Result<std::optional<VoidableTransaction>> still = last();
    if (!still)
        return still.error();
    if (!*still || (*still)->entry.id != original.entry.id)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Something else was recorded on this till meanwhile; the transaction can no longer be voided."));
    EntryDraft draft;
    draft.kind = EntryKind::Reversal;
    draft.userName = request.userName;
    const QString what = original.entry.kind == EntryKind::Sale ? QStringLiteral("sale %1").arg(original.saleId)
                                                                 : QStringLiteral("top-up %1").arg(uuidText(original.entry.id));
    draft.note = QStringLiteral("VOID of %1, authorised by %2: %3").arg(what, manager->name, *reason);
    draft.references = original.entry.references;
    draft.references.overrideId.clear();
    draft.references.relatedEntryId = uuidText(original.entry.id);
    for (const Posting &posting : original.entry.postings) {
        const Result<Money> negated = posting.amount.negated();
        if (!negated)
            return negated.error();
        draft.postings.append({posting.account, *negated});
    }
    std::optional<Money> walletAfter;
    if (original.customer) {
        const Result<Money> before = m_credit.wallet(original.customer->id);
        if (!before)
            return before.error();
        Money after = *before;
        for (const Posting &posting : draft.postings) {
            if (posting.account == Accounts::storeCredit(original.customer->id)) {
                const Result<Money> moved = after.minus(posting.amount); // the wallet is the negated liability
                if (!moved)
                    return moved.error();
                after = *moved;
            }
        }
        if (original.entry.kind == EntryKind::TopUp && after.isNegative())
            return makeError(ErrorCode::InsufficientFunds,
                             QStringLiteral("%1 has spent some of this top-up already (wallet %2); voiding it would take the wallet to %3. "
                                            "Correct it with an adjustment instead.")
                                 .arg(original.customer->name, before->toDecimalStringWithCode(), after.toDecimalStringWithCode()));
        walletAfter = after;
    }
    const Result<JournalEntry> reversal = m_journal.append(draft);
    if (!reversal)
        return reversal.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return VoidReceipt{original, *reversal, manager->name, *reason, walletAfter};
}

} // namespace Slate::Core
