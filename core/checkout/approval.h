#pragma once
// Approval: a manager's PIN for something beyond what the person at the till may do alone — a
// tender over what is available, a discount or a top-up over a cashier's bound, a void. One
// check for all of them: the PIN (audited, with lockout), the role, a reason, and the four-eyes
// rule (a manager may not approve a transaction they ring up themselves unless the store's
// settings allow it). The caller checks any amount bound of its own (the manager's override
// maximum) after this.

#include "people/users.h"
#include "settings/checkoutsettings.h"

namespace Slate::Core {

// What the manager gives at the till or on the command line.
struct ManagerPin {
    QString managerName;
    QString pin;
    QString reason;
};

constexpr qsizetype kApprovalReasonLengthMax = 300;

// The reason must be one line of 1..kApprovalReasonLengthMax characters; `example` is shown in
// the message when it is missing.
Result<QString> approvalReason(const QString &reason, const QString &example);

// Checks the PIN first (so nobody learns a user's role without knowing it), then that the user
// may authorise and is not the one who rings up the transaction (actorName) unless
// settings.selfAuthorise. `purpose` goes into the PIN audit ("override", "top-up", "void", …).
// Fails with AuthenticationFailed (wrong PIN, a cashier), AccountLocked or NotPermitted.
Result<User> approveByManager(UserDirectory &users, const CheckoutSettings &settings, const ManagerPin &approval,
                              const QString &actorName, const QString &purpose);

} // namespace Slate::Core
