#pragma once
// The exit status of Slate's command-line programs, slatectl and slate-server, in one list so
// that scripts and service managers read both the same way (4 is always "verify found a
// discrepancy"), and the stable name of each error code in their --json error objects.

#include "base/result.h"

#include <QString>

namespace Slate::Core {

// 0 success; 1 the operation failed; 2 bad usage; 3 a named record was not found;
// 4 verify found a discrepancy.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitNotFound = 3, ExitIntegrity = 4 };

constexpr ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return ExitUsage;
    case ErrorCode::NotFound: return ExitNotFound;
    case ErrorCode::Integrity: return ExitIntegrity;
    default: return ExitFailed;
    }
}

// The code of {"error": {"code", "message"}}, e.g. "integrity".
inline QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid-argument");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already-exists");
    case ErrorCode::Unbalanced: return QStringLiteral("unbalanced");
    case ErrorCode::Overflow: return QStringLiteral("overflow");
    case ErrorCode::InsufficientFunds: return QStringLiteral("insufficient-funds");
    case ErrorCode::NotADatabase: return QStringLiteral("not-a-database");
    case ErrorCode::TooNew: return QStringLiteral("too-new");
    case ErrorCode::Corrupt: return QStringLiteral("corrupt");
    case ErrorCode::ReadOnly: return QStringLiteral("read-only");
    case ErrorCode::Locked: return QStringLiteral("locked");
    case ErrorCode::DiskFull: return QStringLiteral("disk-full");
    case ErrorCode::IoError: return QStringLiteral("io-error");
    case ErrorCode::Integrity: return QStringLiteral("integrity");
    case ErrorCode::AuthenticationFailed: return QStringLiteral("authentication-failed");
    case ErrorCode::AccountLocked: return QStringLiteral("locked-out");
    case ErrorCode::ApprovalNeeded: return QStringLiteral("approval-needed");
    case ErrorCode::NotPermitted: return QStringLiteral("not-permitted");
    }
    return QStringLiteral("failed");
}

} // namespace Slate::Core
