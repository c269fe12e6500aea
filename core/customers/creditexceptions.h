#pragma once
// Credit exceptions: where entries written offline at several terminals together took a
// customer beyond what the credit rules allow. The server never refuses a sale that happened;
// after storing a batch it asks this finder, which replays the batch's new entries over each
// wallet and each account they touch, from the balances just before the batch, and judges every
// step with the same rules the till uses (customers/creditrules.h) and the same account usage
// (customers/receivables.h):
//   wallet-overspent    an entry that takes money out of a wallet and leaves it beyond what the
//                       wallet rule allows (below zero, or below minus the overdraft);
//   account-over-limit  an entry without a manager's override that raises account usage (in the
//                       limit's scope: all stores, or the sale's store) beyond the limit.
// The amount is how far beyond the rule the wallet or the usage then is.

#include "customers/customer.h"
#include "customers/receivables.h"
#include "ledger/journal.h"

#include <functional>
#include <optional>

namespace Slate::Core {

enum class CreditExceptionKind { WalletOverspent, AccountOverLimit };
QString creditExceptionKindName(CreditExceptionKind kind); // "wallet-overspent" | "account-over-limit"

struct CreditException {
    CreditExceptionKind kind = CreditExceptionKind::WalletOverspent;
    QString customerId;
    QString account;        // the wallet's account, or the prefix of the customer's receivables
    Money beyond;           // how far beyond the rule
    QString entryId;        // the entry that went beyond
    QString terminalId;     // and the terminal that wrote it
    QStringList involved;   // the latest debits of that wallet or account (entry ids, newest first)
    QString detail;         // for people
};

// A customer as the deciding node knows it (nullopt: unknown there: no overdraft, no account).
using CustomerLookup = std::function<Result<std::optional<Customer>>(const QString &customerId)>;

class CreditExceptionFinder {
public:
    CreditExceptionFinder(const Database &database, LimitScope scope, CustomerLookup customers)
        : m_database(database), m_scope(scope), m_customers(std::move(customers))
    {
    }

    // `fresh` are the batch's new entries in order, `moves` the balances the batch moved (as
    // Journal::storeForeign reports them).
    Result<QList<CreditException>> find(const QList<JournalEntry> &fresh, const QList<BalanceMove> &moves) const;

private:
    Result<QList<CreditException>> overspentWallets(const QList<JournalEntry> &fresh, const QList<BalanceMove> &moves) const;
    Result<QList<CreditException>> accountsOverLimit(const QList<JournalEntry> &fresh, const QList<BalanceMove> &moves) const;
    Result<Customer> customer(const QString &customerId) const;
    Result<QStringList> latestDebits(const QString &accountFrom, const QString &accountTo) const;

    const Database &m_database;
    LimitScope m_scope;
    CustomerLookup m_customers;
    mutable QHash<QString, Customer> m_known; // per batch: one lookup per customer
};

} // namespace Slate::Core
