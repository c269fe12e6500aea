#include "ledger/entryauthority.h"

namespace Slate::Core::EntryAuthority {

namespace {

using Role = AccountRole;
using D = Direction;
using S = Scope;

// A sale's tenders (cash, card, store credit, on account) are debits; income, tax and cash
// rounding credits (rounding can go either way). A refund is the mirror image. A wallet is
// only ever spent by a sale and only ever filled by a refund, a paid top-up or a manager's
// adjustment: a sale that credits store credit would mint it.
const QList<Rule> kRules = {
    {EntryKind::Sale, Role::Cash, S::OwnTerminal, D::Either},
    {EntryKind::Sale, Role::Card, S::OwnStore, D::Either},
    {EntryKind::Sale, Role::StoreCredit, S::Chain, D::DebitOnly},
    {EntryKind::Sale, Role::ReceivableAccrued, S::OwnStore, D::Either},
    {EntryKind::Sale, Role::SalesIncome, S::OwnStore, D::Either},
    {EntryKind::Sale, Role::CashRounding, S::OwnStore, D::Either},
    {EntryKind::Sale, Role::Tax, S::Chain, D::Either},

    {EntryKind::Refund, Role::Cash, S::OwnTerminal, D::Either},
    {EntryKind::Refund, Role::Card, S::OwnStore, D::Either},
    {EntryKind::Refund, Role::StoreCredit, S::Chain, D::CreditOnly},
    {EntryKind::Refund, Role::ReceivableAccrued, S::OwnStore, D::Either},
    {EntryKind::Refund, Role::SalesIncome, S::OwnStore, D::Either},
    {EntryKind::Refund, Role::CashRounding, S::OwnStore, D::Either},
    {EntryKind::Refund, Role::Tax, S::Chain, D::Either},

    // A top-up is paid: money comes into a payment journal and the same goes onto the wallet.
    {EntryKind::TopUp, Role::Cash, S::OwnTerminal, D::DebitOnly},
    {EntryKind::TopUp, Role::Card, S::OwnStore, D::DebitOnly},
    {EntryKind::TopUp, Role::Bank, S::Chain, D::DebitOnly},
    {EntryKind::TopUp, Role::StoreCredit, S::Chain, D::CreditOnly},

    // A manager's correction of a wallet, either way, against the adjustments expense.
    {EntryKind::Adjustment, Role::CreditAdjustments, S::Chain, D::Either},
    {EntryKind::Adjustment, Role::StoreCredit, S::Chain, D::Either},

    // Invoicing moves what accrued in this store onto an invoice of this store.
    {EntryKind::Invoice, Role::ReceivableAccrued, S::OwnStore, D::CreditOnly},
    {EntryKind::Invoice, Role::ReceivableInvoiced, S::OwnStore, D::DebitOnly},

    // One customer, one account: any till takes a payment of an invoice of any store.
    {EntryKind::Payment, Role::Cash, S::OwnTerminal, D::DebitOnly},
    {EntryKind::Payment, Role::Card, S::OwnStore, D::DebitOnly},
    {EntryKind::Payment, Role::Bank, S::Chain, D::DebitOnly},
    {EntryKind::Payment, Role::ReceivableInvoiced, S::AnyStore, D::CreditOnly},

    // A void negates the last sale or top-up of this till, posting for posting.
    {EntryKind::Reversal, Role::Cash, S::OwnTerminal, D::Either},
    {EntryKind::Reversal, Role::Card, S::OwnStore, D::Either},
    {EntryKind::Reversal, Role::Bank, S::Chain, D::Either},
    {EntryKind::Reversal, Role::StoreCredit, S::Chain, D::Either},
    {EntryKind::Reversal, Role::ReceivableAccrued, S::OwnStore, D::Either},
    {EntryKind::Reversal, Role::SalesIncome, S::OwnStore, D::Either},
    {EntryKind::Reversal, Role::CashRounding, S::OwnStore, D::Either},
    {EntryKind::Reversal, Role::Tax, S::Chain, D::Either},

    // The cash drawer (checkout/cashdrawer.h): a float and a cash in bring cash from the store's
    // safe into this till's drawer, a cash out takes it back; a Z report's counted difference
    // goes between the drawer and the store's cash-differences expense, short or over.
    {EntryKind::Float, Role::Cash, S::OwnTerminal, D::DebitOnly},
    {EntryKind::Float, Role::Safe, S::OwnStore, D::CreditOnly},
    {EntryKind::CashIn, Role::Cash, S::OwnTerminal, D::DebitOnly},
    {EntryKind::CashIn, Role::Safe, S::OwnStore, D::CreditOnly},
    {EntryKind::CashOut, Role::Cash, S::OwnTerminal, D::CreditOnly},
    {EntryKind::CashOut, Role::Safe, S::OwnStore, D::DebitOnly},
    {EntryKind::CashDifference, Role::Cash, S::OwnTerminal, D::Either},
    {EntryKind::CashDifference, Role::CashDifferences, S::OwnStore, D::Either},
};

bool isCustomerAccount(Role role)
{
    return role == Role::StoreCredit || role == Role::ReceivableAccrued || role == Role::ReceivableInvoiced;
}

bool inScope(Scope scope, const AccountParts &parts, const Writer &writer)
{
    switch (scope) {
    case Scope::OwnTerminal: return parts.storeCode == writer.storeCode && parts.terminalId == writer.terminalId;
    case Scope::OwnStore: return parts.storeCode == writer.storeCode;
    case Scope::AnyStore:
    case Scope::Chain: return true;
    }
    return false;
}

bool inDirection(Direction direction, const Money &amount)
{
    switch (direction) {
    case Direction::Either: return true;
    case Direction::DebitOnly: return amount.isPositive();
    case Direction::CreditOnly: return amount.isNegative();
    }
    return false;
}

} // namespace

const QList<Rule> &rules() { return kRules; }

std::optional<Refusal> check(const JournalEntry &entry, const Writer &writer)
{
    const QString kind = entryKindName(entry.kind);
    for (qsizetype i = 0; i < entry.postings.size(); ++i) {
        const Posting &posting = entry.postings.at(i);
        const auto refuse = [&](const QString &why) {
            return Refusal{i, QStringLiteral("postings[%1] (%2 %3 %4): %5")
                                  .arg(i)
                                  .arg(posting.account, posting.amount.toDecimalString(), posting.amount.currency().code(), why)};
        };
        const std::optional<AccountParts> parts = Accounts::parse(posting.account);
        if (!parts)
            return refuse(QStringLiteral("no Slate service posts to this account, so a %1 may not either.").arg(kind));
        if (isCustomerAccount(parts->role) && parts->customerId != entry.references.customerId)
            return refuse(entry.references.customerId.isEmpty()
                              ? QStringLiteral("the account is customer %1's, but the %2 names no customer.").arg(parts->customerId, kind)
                              : QStringLiteral("the account is customer %1's, but the %2 is customer %3's.")
                                    .arg(parts->customerId, kind, entry.references.customerId));
        enum class Verdict { NoRole, OtherScope, OtherDirection, Allowed } verdict = Verdict::NoRole;
        for (const Rule &rule : kRules) {
            if (rule.kind != entry.kind || rule.role != parts->role)
                continue;
            if (!inScope(rule.scope, *parts, writer)) {
                verdict = std::max(verdict, Verdict::OtherScope);
                continue;
            }
            if (!inDirection(rule.direction, posting.amount)) {
                verdict = std::max(verdict, Verdict::OtherDirection);
                continue;
            }
            verdict = Verdict::Allowed;
            break;
        }
        switch (verdict) {
        case Verdict::Allowed: break;
        case Verdict::NoRole:
            return refuse(QStringLiteral("a %1 never posts to an account of this kind.").arg(kind));
        case Verdict::OtherScope:
            return refuse(parts->role == AccountRole::Cash
                              ? QStringLiteral("terminal %1 of store %2 may post only to its own cash (%3).")
                                    .arg(writer.terminalId, writer.storeCode, Accounts::cash(writer.storeCode, writer.terminalId))
                              : QStringLiteral("the account is store %1's; terminal %2 belongs to store %3.")
                                    .arg(parts->storeCode, writer.terminalId, writer.storeCode));
        case Verdict::OtherDirection:
            return refuse(QStringLiteral("a %1 only %2 this account.")
                              .arg(kind, posting.amount.isPositive() ? QStringLiteral("credits") : QStringLiteral("debits")));
        }
    }
    return std::nullopt;
}

} // namespace Slate::Core::EntryAuthority
