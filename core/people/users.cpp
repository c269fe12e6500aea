#include "people/users.h"

#include "ledger/journalentry.h"

#include <QRegularExpression>
#include <QSqlError>

namespace Slate::Core {

namespace {

const QString kUserColumns = QStringLiteral("name, role, override_max, active, failed_attempts, locked_until_utc");

User userFrom(const Query &query)
{
    User user;
    user.name = query.value(0).toString();
    user.role = roleFromName(query.value(1).toString()).value_or(Role::Cashier);
    if (!query.isNull(2))
        user.overrideMaxMinorUnits = query.value(2).toLongLong();
    user.active = query.value(3).toInt() != 0;
    user.failedAttempts = query.value(4).toInt();
    user.lockedUntilUtc = timestampFromText(query.value(5).toString());
    return user;
}

Error authenticationFailed()
{
    return makeError(ErrorCode::AuthenticationFailed, QStringLiteral("Wrong user or PIN; try again."));
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Cashier: return QStringLiteral("cashier");
    case Role::Manager: return QStringLiteral("manager");
    case Role::Admin: return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    if (name == u"cashier")
        return Role::Cashier;
    if (name == u"manager")
        return Role::Manager;
    if (name == u"admin")
        return Role::Admin;
    return std::nullopt;
}

UserDirectory::UserDirectory(Database &database, AuthPolicy policy, Clock clock)
    : m_database(database), m_policy(policy), m_clock(std::move(clock))
{
}

QDateTime UserDirectory::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

Result<User> UserDirectory::add(const QString &name, Role role, const QString &pin, std::optional<qint64> overrideMaxMinorUnits)
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}\\z"));
    if (!namePattern.match(name).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("User name \"%1\" is not valid; use 1 to 64 letters, digits, '.', '_' or '-'.").arg(name));
    if (overrideMaxMinorUnits && *overrideMaxMinorUnits < 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A maximum override amount cannot be negative."));
    Result<PinHash> hash = hashPin(pin, m_policy.pinIterations);
    if (!hash)
        return hash.error();
    const QString doing = QStringLiteral("add user %1").arg(name);
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Query> taken = m_database.run(QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {name}, doing);
    if (!taken)
        return taken.error();
    if (taken->next())
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("There is already a user called %1; choose another name.").arg(name));
    taken->finish();
    const QString stamp = timestampText(now());
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO users (name, role, pin_salt, pin_hash, pin_iterations, override_max, created_utc, updated_utc) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {name, roleName(role), hash->salt, hash->hash, hash->iterations,
             overrideMaxMinorUnits ? QVariant(*overrideMaxMinorUnits) : QVariant(), stamp, stamp},
            doing);
        !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return byName(name);
}

Result<User> UserDirectory::byName(const QString &name) const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE name = ?"),
                                             {name}, QStringLiteral("read user %1").arg(name));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no user called %1.").arg(name));
    return userFrom(*query);
}

Result<QList<User>> UserDirectory::list() const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users ORDER BY name"), {},
                                             QStringLiteral("list users"));
    if (!query)
        return query.error();
    QList<User> users;
    while (query->next())
        users.append(userFrom(*query));
    return users;
}

Result<void> UserDirectory::audit(const QString &name, const QString &purpose, bool success, const QString &detail)
{
    Result<Query> done = m_database.run(
        QStringLiteral("INSERT INTO auth_attempts (user_name, time_utc, purpose, success, detail) VALUES (?, ?, ?, ?, ?)"),
        {name.left(64), timestampText(now()), purpose.left(32), success ? 1 : 0, detail}, QStringLiteral("record a PIN attempt"));
    if (!done)
        return done.error();
    return {};
}

Result<User> UserDirectory::authenticate(const QString &name, const QString &pin, const QString &purpose)
{
    const QString doing = QStringLiteral("check the PIN of %1").arg(name);
    // The slow hash runs before the write transaction, so a PIN check never holds up a sale.
    Result<Query> stored = m_database.run(
        QStringLiteral("SELECT pin_salt, pin_hash, pin_iterations FROM users WHERE name = ? AND active = 1"), {name}, doing);
    if (!stored)
        return stored.error();
    const bool known = stored->next();
    const PinHash hash = known ? PinHash{stored->value(0).toByteArray(), stored->value(1).toByteArray(), stored->value(2).toInt()}
                               : PinHash{};
    stored->finish();
    // An unknown user costs the same time as a known one, so timing does not reveal names.
    if (!known)
        (void)pinMatches(pin, PinHash{QByteArray(16, 'x'), QByteArray(32, 'x'), m_policy.pinIterations});
    const bool matches = known && pinMatches(pin, hash);

    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Every outcome is audited and committed, the refusals included.
    auto finish = [&](bool success, const QString &detail) -> Result<void> {
        if (auto audited = audit(name, purpose, success, detail); !audited)
            return audited;
        return transaction.commit();
    };
    Result<User> user = byName(name);
    if (!known || !user) {
        if (auto done = finish(false, known ? QStringLiteral("inactive user") : QStringLiteral("unknown user")); !done)
            return done.error();
        return authenticationFailed();
    }
    if (user->lockedUntilUtc.isValid() && now() < user->lockedUntilUtc) {
        if (auto done = finish(false, QStringLiteral("locked")); !done)
            return done.error();
        return makeError(ErrorCode::AccountLocked,
                         QStringLiteral("%1 is locked after %2 wrong PINs until %3 UTC; wait, or ask an admin to unlock.")
                             .arg(name)
                             .arg(m_policy.failuresMax)
                             .arg(user->lockedUntilUtc.toString(QStringLiteral("HH:mm:ss"))));
    }
    if (matches) {
        if (auto done = m_database.run(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until_utc = '' WHERE name = ?"), {name}, doing); !done)
            return done.error();
        if (auto done = finish(true, QString()); !done)
            return done.error();
        user->failedAttempts = 0;
        user->lockedUntilUtc = QDateTime();
        return *user;
    }
    const int failures = user->failedAttempts + 1;
    const bool lock = failures >= m_policy.failuresMax;
    const QString lockedUntil = lock ? timestampText(now().addSecs(m_policy.lockoutSeconds)) : QString();
    if (auto done = m_database.run(QStringLiteral("UPDATE users SET failed_attempts = ?, locked_until_utc = ? WHERE name = ?"),
                                   {lock ? 0 : failures, lockedUntil, name}, doing);
        !done)
        return done.error();
    if (auto done = finish(false, lock ? QStringLiteral("wrong PIN; locked") : QStringLiteral("wrong PIN")); !done)
        return done.error();
    return authenticationFailed();
}

Result<void> UserDirectory::resetPin(const QString &name, const QString &newPin)
{
    Result<PinHash> hash = hashPin(newPin, m_policy.pinIterations);
    if (!hash)
        return hash.error();
    Result<Query> done = m_database.run(
        QStringLiteral("UPDATE users SET pin_salt = ?, pin_hash = ?, pin_iterations = ?, failed_attempts = 0, locked_until_utc = '', "
                       "updated_utc = ? WHERE name = ?"),
        {hash->salt, hash->hash, hash->iterations, timestampText(now()), name}, QStringLiteral("reset the PIN of %1").arg(name));
    if (!done)
        return done.error();
    if (done->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no user called %1.").arg(name));
    return {};
}

Result<void> UserDirectory::unlock(const QString &name)
{
    Result<Query> done = m_database.run(
        QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until_utc = '', updated_utc = ? WHERE name = ?"),
        {timestampText(now()), name}, QStringLiteral("unlock %1").arg(name));
    if (!done)
        return done.error();
    if (done->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no user called %1.").arg(name));
    return {};
}

Result<QList<AuthAttempt>> UserDirectory::attempts(const QString &name, int rowsMax) const
{
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT user_name, time_utc, purpose, success, detail FROM auth_attempts WHERE user_name = ? "
                       "ORDER BY id DESC LIMIT ?"),
        {name, qBound(1, rowsMax, 10000)}, QStringLiteral("read the PIN attempts of %1").arg(name));
    if (!query)
        return query.error();
    QList<AuthAttempt> rows;
    while (query->next()) {
        rows.append(AuthAttempt{query->value(0).toString(), timestampFromText(query->value(1).toString()),
                                query->value(2).toString(), query->value(3).toInt() != 0, query->value(4).toString()});
    }
    return rows;
}

} // namespace Slate::Core
