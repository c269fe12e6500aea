#include "checkout/approval.h"

#include "base/textrules.h"
#include "people/permissions.h"

namespace Slate::Core {

Result<QString> approvalReason(const QString &reason, const QString &example)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A manager's approval needs a reason (e.g. \"%1\").").arg(example));
    if (why.size() > kApprovalReasonLengthMax || hasControlCharacters(why))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A reason is one line of at most %1 characters.").arg(kApprovalReasonLengthMax));
    return why;
}

Result<User> approveByManager(UserDirectory &users, const CheckoutSettings &settings, const ManagerPin &approval,
                              const QString &actorName, const QString &purpose)
{
    const Result<User> manager = users.authenticate(approval.managerName, approval.pin, purpose);
    if (!manager)
        return manager.error();
    if (!roleMay(manager->role, Permission::AuthoriseOverride))
        return makeError(ErrorCode::AuthenticationFailed,
                         QStringLiteral("%1 is a cashier; only a manager or an admin can authorise this.").arg(approval.managerName));
    if (!settings.selfAuthorise && manager->name == actorName)
        return makeError(ErrorCode::NotPermitted,
                         QStringLiteral("%1 rings up this transaction and cannot also authorise it; ask another manager "
                                        "(or allow it with \"slatectl settings set --self-authorise yes\").")
                             .arg(manager->name));
    return manager;
}

} // namespace Slate::Core
