#pragma once
// VoidService: take back the last transaction of this till — a sale or a top-up just made,
// before the next one — with a manager's PIN and a reason. Never an edit: one balanced reversal
// entry (kind "reversal") with every posting of the original negated, so wallets, accounts,
// cash, card, income and tax return exactly to where they were; it names the original
// (references.relatedEntryId, the same orderId and customerId) and syncs like every entry.
//
// Because only the till's last entry can be voided, a void always directly follows what it
// voids in the till's chain (sequence + 1): whether an entry was voided is one indexed look-up.
// A Z report closes what it covers: nothing before it can be voided. A voided sale cannot be
// refunded. The four-eyes rule of approval.h applies to both the person
// who rang up the original and the person voiding it.

#include "checkout/approval.h"
#include "customers/customer.h"
#include "customers/storecredit.h"

#include <optional>

namespace Slate::Core {

// The void of the entry with this id, if it was voided (the entry that directly follows it in
// its terminal's chain, when that is its reversal).
Result<std::optional<JournalEntry>> voidOfEntry(const Database &database, const QString &entryId);

struct VoidableTransaction {
    JournalEntry entry;   // a sale or a top-up, this till's last entry
    QString saleId;       // for a sale, its receipt number
    std::optional<Customer> customer;
    Money amount;         // a sale's total, a top-up's amount
};

struct VoidRequest {
    QString userName;     // who voids it at the till
    ManagerPin approval;
};

struct VoidReceipt {
    VoidableTransaction original;
    JournalEntry reversal;
    QString approvedBy;
    QString reason;
    std::optional<Money> walletAfter; // when a customer's wallet moved
};

class VoidService {
public:
    VoidService(Database &database, Journal &journal, CustomerDirectory &customers, StoreCreditService &credit,
                UserDirectory &users, const CheckoutSettings &settings);

    // This till's last entry when it is a sale or a top-up not yet voided; nothing otherwise.
    Result<std::optional<VoidableTransaction>> last() const;
    // Voids last(): refused when there is nothing to void, for a wrong PIN or a cashier's, when
    // the manager rang up the original or voids it (unless the store allows it), and for a
    // top-up whose credit the customer has spent since (the wallet would go below zero).
    Result<VoidReceipt> voidLast(const VoidRequest &request);

private:
    Database &m_database;
    Journal &m_journal;
    CustomerDirectory &m_customers;
    StoreCreditService &m_credit;
    UserDirectory &m_users;
    const CheckoutSettings &m_settings;
};

} // namespace Slate::Core
