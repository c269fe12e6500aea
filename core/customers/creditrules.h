#pragma once
// The credit rules for one tender, in one place: may this customer pay this much from their
// wallet (store credit, with or without an overdraft) or on account (within their credit
// limit)? Boundaries are inclusive and exact to the minor unit. A refusal says how much is
// available and how much the tender is over, which is what a manager override authorises.

#include "customers/customer.h"
#include "money/money.h"

namespace Slate::Core {

enum class TenderVerdict {
    Allowed,
    OverAvailable, // refused unless a manager overrides the amount over
    Blocked,       // refused: the customer may not use credit or account tenders at all
    NotOffered,    // refused: no account sales (limit 0); an override cannot open an account
};

struct TenderCheck {
    TenderVerdict verdict = TenderVerdict::Allowed;
    Money available; // what could be used now (never negative)
    Money over;      // amount - available when over, else zero
    QString message; // for people, when refused
};

// A wallet tender: up to the wallet, or down to -overdraft when the customer has one.
Result<TenderCheck> checkWalletTender(const Customer &customer, const Money &wallet, const Money &amount);
// An account tender: usage (accrued + invoiced, in the limit's scope) plus amount up to the limit.
Result<TenderCheck> checkAccountTender(const Customer &customer, const Money &used, const Money &amount);

} // namespace Slate::Core
