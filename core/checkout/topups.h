#pragma once
// TopUpService: a customer pays money into their store credit at the till or in the back office,
// within the bounds of the person who takes it. The one place for the rule (the window, slatectl
// and the tests call it):
//
//   - a cashier may add at most the store's per-top-up maximum in one top-up, and at most the
//     per-day maximum in all their top-ups of the day at this till (voided ones do not count);
//     beyond either a manager's PIN authorises the difference (approval.h: role, four-eyes rule,
//     and no more over the bound than the manager's override maximum);
//   - managers and admins have no bound of their own;
//   - no wallet goes above the store's maximum, whoever tops up (StoreCreditService enforces it).
//
// A user name that is no user of this till (e.g. slatectl's "cli:<account>") has a cashier's
// bounds. The entry's note says who authorised a top-up over the bound, and why.

#include "checkout/approval.h"
#include "customers/storecredit.h"

#include <optional>

namespace Slate::Core {

enum class TopUpVerdict {
    Allowed,
    NeedsManager,  // over the cashier's bound: a manager's PIN authorises `over`
    OverWalletMax, // refused for everyone: the wallet would go above the store's maximum
};

struct TopUpCheck {
    TopUpVerdict verdict = TopUpVerdict::Allowed;
    Role role = Role::Cashier; // whose bounds apply
    Money walletBefore;
    Money walletMax;
    Money walletRoom;     // what can still be added below the maximum
    Money cashierMax;     // per top-up
    Money cashierDayMax;
    Money cashierDayUsed; // this user's top-ups today at this till, before this one
    Money over;           // NeedsManager: how far over the cashier's bound (per top-up or per day, the larger)
};

// The rule itself, for one top-up of `amount` by someone with `role`.
TopUpCheck judgeTopUp(Role role, const Money &amount, const Money &walletBefore, const Money &dayUsed,
                      const CheckoutSettings &settings);

struct TopUpRequest {
    Customer customer;
    Money amount;
    PaymentJournal journal = PaymentJournal::Cash;
    QString note;
    QString userName;                 // who takes the money
    std::optional<ManagerPin> approval; // needed when the check says NeedsManager
};

struct TopUpReceipt {
    JournalEntry entry;
    Money walletAfter;
    QString approvedBy; // the manager who authorised it over the bound, if one was needed
};

class TopUpService {
public:
    TopUpService(Database &database, Journal &journal, UserDirectory &users, StoreCreditService &credit,
                 const CheckoutSettings &settings, Clock clock = {});

    // What a top-up would need, without writing: the confirmation in the window shows this.
    Result<TopUpCheck> check(const Customer &customer, const Money &amount, const QString &userName) const;
    // Posts it (StoreCreditService::topUp) when the check allows it or the approval covers it.
    // Refused: OverWalletMax (NotPermitted), NeedsManager without approval (ApprovalNeeded), a
    // wrong PIN, a manager whose maximum is below what is over the bound.
    Result<TopUpReceipt> topUp(const TopUpRequest &request);
    // The user's top-ups today (local time) at this till, less those voided.
    Result<Money> toppedUpToday(const QString &userName) const;

private:
    Result<TopUpCheck> checkAmount(const Customer &customer, const Money &amount, const QString &userName) const;
    QDateTime now() const;

    Database &m_database;
    Journal &m_journal;
    UserDirectory &m_users;
    StoreCreditService &m_credit;
    const CheckoutSettings &m_settings;
    Clock m_clock;
};

} // namespace Slate::Core
