#include "customers/creditexceptions.h"

#include "base/uuidv7.h"
#include "customers/creditrules.h"
#include "ledger/accounts.h"

#include <QMap>

#include <set>
#include <tuple>

namespace Slate::Core {

namespace {

constexpr int kInvolvedMax = 10; // the latest debits named with an exception

const QString kStoreCreditPrefix = QStringLiteral("liabilities:store-credit:");
const QString kReceivablePrefix = QStringLiteral("assets:receivable:");

QString label(const JournalEntry &entry)
{
    return QStringLiteral("entry %1 (terminal %2, sequence %3)").arg(uuidText(entry.id), entry.terminalId).arg(entry.sequence);
}

// The upper end of the key range of every account that starts with `prefix` (which ends in ':').
QString rangeEnd(const QString &prefix)
{
    QString end = prefix;
    end[end.size() - 1] = QLatin1Char(';'); // the character after ':'
    return end;
}

} // namespace

QString creditExceptionKindName(CreditExceptionKind kind)
{
    return kind == CreditExceptionKind::WalletOverspent ? QStringLiteral("wallet-overspent") : QStringLiteral("account-over-limit");
}

Result<QList<CreditException>> CreditExceptionFinder::find(const QList<JournalEntry> &fresh, const QList<BalanceMove> &moves) const
{
    m_known.clear();
    Result<QList<CreditException>> wallets = overspentWallets(fresh, moves);
    if (!wallets)
        return wallets;
    Result<QList<CreditException>> accounts = accountsOverLimit(fresh, moves);
    if (!accounts)
        return accounts;
    return *wallets + *accounts;
}

Result<Customer> CreditExceptionFinder::customer(const QString &customerId) const
{
    if (const auto known = m_known.constFind(customerId); known != m_known.cend())
        return *known;
    Result<std::optional<Customer>> found = m_customers(customerId);
    if (!found)
        return found.error();
    // A customer this node does not know has the defaults: no overdraft, no account sales.
    Customer customer = found->value_or(Customer{});
    if (customer.id.isEmpty()) {
        customer.id = customerId;
        customer.name = QStringLiteral("Customer %1").arg(customerId);
    }
    m_known.insert(customerId, customer);
    return customer;
}

Result<QStringList> CreditExceptionFinder::latestDebits(const QString &accountFrom, const QString &accountTo) const
{
    Result<Query> debits = m_database.run(
        QStringLiteral("SELECT DISTINCT e.id, e.position FROM postings p JOIN journal_entries e ON e.position = p.entry_position "
                       "WHERE p.account >= ? AND p.account <= ? AND p.amount > 0 ORDER BY e.position DESC LIMIT ?"),
        {accountFrom, accountTo, kInvolvedMax}, QStringLiteral("read the latest debits of %1").arg(accountFrom));
    if (!debits)
        return debits.error();
    QStringList involved;
    while (debits->next())
        involved.append(debits->value(0).toString());
    return involved;
}

Result<QList<CreditException>> CreditExceptionFinder::overspentWallets(const QList<JournalEntry> &fresh,
                                                                      const QList<BalanceMove> &moves) const
{
    // Each wallet's liability balance just before the batch (positive: the wallet is below zero).
    QMap<QString, Money> running;
    for (const BalanceMove &move : moves) {
        if (move.account.startsWith(kStoreCreditPrefix))
            running.insert(move.account, move.before);
    }
    QList<CreditException> found;
    for (const JournalEntry &entry : fresh) {
        for (const Posting &posting : entry.postings) {
            auto it = running.find(posting.account);
            if (it == running.end())
                continue;
            Result<Money> after = it->plus(posting.amount);
            if (!after)
                return after.error();
            *it = *after;
            // Only an entry that takes money out and leaves the wallet below zero can break the rule.
            if (!posting.amount.isPositive() || !after->isPositive())
                continue;
            const QString customerId = posting.account.mid(kStoreCreditPrefix.size());
            Result<Customer> who = customer(customerId);
            if (!who)
                return who.error();
            // The rule, asked of the wallet's whole state: could this customer have spent what
            // is now below zero from an empty wallet?
            Result<TenderCheck> check = checkWalletTender(*who, Money::zero(after->currency()), *after);
            if (!check)
                return check.error();
            if (check->verdict == TenderVerdict::Allowed)
                continue;
            Result<QStringList> involved = latestDebits(posting.account, posting.account);
            if (!involved)
                return involved.error();
            const QString allowance = who->terms.blocked ? QStringLiteral("the customer is blocked")
                : who->terms.overdraftLimitMinorUnits
                    ? QStringLiteral("its overdraft is %1").arg(Money(*who->terms.overdraftLimitMinorUnits, after->currency()).toDecimalStringWithCode())
                    : QStringLiteral("it has no overdraft");
            found.append(CreditException{
                CreditExceptionKind::WalletOverspent, customerId, posting.account, check->over, uuidText(entry.id), entry.terminalId,
                *involved,
                QStringLiteral("The wallet of customer %1 is %2 below zero after %3, %4 beyond what the credit rules allow (%5).")
                    .arg(customerId, after->toDecimalStringWithCode(), label(entry), check->over.toDecimalStringWithCode(), allowance)});
        }
    }
    return found;
}

Result<QList<CreditException>> CreditExceptionFinder::accountsOverLimit(const QList<JournalEntry> &fresh,
                                                                       const QList<BalanceMove> &moves) const
{
    // Usage counts per (customer, store in a per-store scope, currency); a receivable account is
    // assets:receivable:<customer>:accrued|invoiced:<store>[:<invoice>].
    using Key = std::tuple<QString, QString, QString>;
    auto keyOf = [this](const QString &account, const QString &currency) {
        const QStringList segments = account.split(QLatin1Char(':'));
        return Key{segments.value(2), m_scope == LimitScope::PerStore ? segments.value(4) : QString(), currency};
    };
    // What the batch moved, per key, to find the usage just before it.
    QMap<Key, qint64> moved;
    for (const BalanceMove &move : moves) {
        if (!move.account.startsWith(kReceivablePrefix))
            continue;
        qint64 &sum = moved[keyOf(move.account, move.after.currency().code())];
        if (__builtin_add_overflow(sum, move.after.minorUnits() - move.before.minorUnits(), &sum))
            return makeError(ErrorCode::Overflow, QStringLiteral("The account usage of %1 is out of range.").arg(move.account));
    }
    QMap<Key, Money> usage;
    for (auto it = moved.cbegin(); it != moved.cend(); ++it) {
        const auto &[customerId, store, code] = it.key();
        const std::optional<Currency> currency = Currency::fromCode(code);
        if (!currency)
            return makeError(ErrorCode::Corrupt, QStringLiteral("An account of customer %1 is in an unknown currency.").arg(customerId));
        Result<Money> now = accountUsage(m_database, customerId, *currency, UsageScope{m_scope, store});
        if (!now)
            return now.error();
        Result<Money> before = now->minus(Money(it.value(), *currency));
        if (!before)
            return before.error();
        usage.insert(it.key(), *before);
    }

    QList<CreditException> found;
    for (const JournalEntry &entry : fresh) {
        std::set<Key> raised;
        for (const Posting &posting : entry.postings) {
            if (!posting.account.startsWith(kReceivablePrefix))
                continue;
            const Key key = keyOf(posting.account, posting.amount.currency().code());
            Result<Money> after = usage[key].plus(posting.amount);
            if (!after)
                return after.error();
            usage[key] = *after;
            if (posting.amount.isPositive())
                raised.insert(key);
        }
        // A manager's override (referenced by the entry) authorised going over.
        if (!entry.references.overrideId.isEmpty())
            continue;
        for (const Key &key : raised) {
            const Money used = usage.value(key);
            if (!used.isPositive())
                continue;
            const QString &customerId = std::get<0>(key);
            Result<Customer> who = customer(customerId);
            if (!who)
                return who.error();
            // The rule, asked of the whole usage: could this customer have bought all of it on
            // account from nothing?
            Result<TenderCheck> check = checkAccountTender(*who, Money::zero(used.currency()), used);
            if (!check)
                return check.error();
            if (check->verdict == TenderVerdict::Allowed)
                continue;
            const QString prefix = Accounts::receivablePrefix(customerId);
            Result<QStringList> involved = latestDebits(prefix, rangeEnd(prefix));
            if (!involved)
                return involved.error();
            const QString where = m_scope == LimitScope::PerStore ? QStringLiteral(" in store %1").arg(std::get<1>(key)) : QString();
            const QString limit = who->terms.blocked ? QStringLiteral("the customer is blocked")
                                                     : QStringLiteral("the limit is %1").arg(Money(who->terms.creditLimitMinorUnits, used.currency()).toDecimalStringWithCode());
            found.append(CreditException{
                CreditExceptionKind::AccountOverLimit, customerId, prefix, check->over, uuidText(entry.id), entry.terminalId, *involved,
                QStringLiteral("Customer %1 uses %2 on account%3 after %4, %5 beyond what the credit rules allow (%6), without an "
                               "override.")
                    .arg(customerId, used.toDecimalStringWithCode(), where, label(entry), check->over.toDecimalStringWithCode(), limit)});
        }
    }
    return found;
}

} // namespace Slate::Core
