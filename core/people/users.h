#pragma once
// Users of the till and the back office, their roles and PINs. PINs are kept only as salted
// slow hashes (pinhash.h); after too many wrong PINs in a row a user is locked out for a while;
// every attempt, right or wrong, is written to the audit table with its purpose.

#include "storage/database.h"
#include "money/money.h"
#include "people/pinhash.h"

#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace Slate::Core {

enum class Role { Cashier, Manager, Admin };

QString roleName(Role role); // "cashier" | "manager" | "admin"
std::optional<Role> roleFromName(QStringView name);

struct User {
    QString name;
    Role role = Role::Cashier;
    std::optional<qint64> overrideMaxMinorUnits; // a manager's largest override; none = no maximum
    bool active = true;
    int failedAttempts = 0;
    QDateTime lockedUntilUtc; // invalid when not locked
};

struct AuthPolicy {
    int failuresMax = 5;        // consecutive wrong PINs before a lockout
    int lockoutSeconds = 300;   // how long the lockout lasts
    int pinIterations = kPinIterationsDefault;
};

struct AuthAttempt {
    QString userName;
    QDateTime timeUtc;
    QString purpose; // "login", "override", …
    bool success = false;
    QString detail;  // "wrong PIN", "locked", "unknown user", …
};

using Clock = std::function<QDateTime()>; // the current UTC time; tests pass a fake one

class UserDirectory {
public:
    UserDirectory(Database &database, AuthPolicy policy = {}, Clock clock = {});

    // Adds a user; names are 1..64 letters, digits, '.', '_' or '-'.
    Result<User> add(const QString &name, Role role, const QString &pin, std::optional<qint64> overrideMaxMinorUnits = std::nullopt);
    void setPolicy(const AuthPolicy &policy) { m_policy = policy; }
    Result<User> byName(const QString &name) const;
    Result<QList<User>> list() const;

    // Checks a PIN. Unknown users, inactive users and wrong PINs all fail with the same
    // message (no hint which it was); a locked user fails with the time the lock ends.
    // Every attempt is audited; the fifth wrong PIN in a row locks the user.
    Result<User> authenticate(const QString &name, const QString &pin, const QString &purpose);

    Result<void> resetPin(const QString &name, const QString &newPin);
    Result<void> unlock(const QString &name);
    Result<QList<AuthAttempt>> attempts(const QString &name, int rowsMax = 100) const;

private:
    QDateTime now() const;
    Result<void> audit(const QString &name, const QString &purpose, bool success, const QString &detail);

    Database &m_database;
    AuthPolicy m_policy;
    Clock m_clock;
};

} // namespace Slate::Core
