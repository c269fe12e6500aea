#include "ledger/storeidentity.h"

#include "ledger/accounts.h"
#include "storage/database.h"
#include "ledger/journalentry.h"

#include <QDateTime>
#include <QDir>

namespace Slate::Core::StoreSettings {

Result<void> initialize(Database &database, const StoreIdentity &identity)
{
    if (!Accounts::isValidCode(identity.storeCode))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a valid store code; use 1 to 32 letters, digits, '.', '_' or '-'.")
                             .arg(identity.storeCode));
    if (!Accounts::isValidCode(identity.terminalId))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a valid terminal id; use 1 to 32 letters, digits, '.', '_' or '-'.")
                             .arg(identity.terminalId));
    const QString doing = QStringLiteral("record the store settings");
    Transaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Query> existing = database.run(QStringLiteral("SELECT count(*) FROM settings"), {}, doing);
    if (!existing)
        return existing.error();
    if (existing->next() && existing->value(0).toLongLong() > 0)
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("%1 is already initialised; Slate will not overwrite its settings.")
                             .arg(QDir::toNativeSeparators(database.path())));
    existing->finish();
    const QList<std::pair<QString, QString>> rows{
        {QStringLiteral("store_code"), identity.storeCode},
        {QStringLiteral("currency"), identity.currency.code()},
        {QStringLiteral("terminal_id"), identity.terminalId},
        {QStringLiteral("created_utc"), timestampText(QDateTime::currentDateTimeUtc())},
    };
    for (const auto &[key, value] : rows) {
        if (auto done = database.run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"), {key, value}, doing);
            !done)
            return done.error();
    }
    return transaction.commit();
}

Result<StoreIdentity> load(const Database &database)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT key, value FROM settings WHERE key IN ('store_code', 'currency', 'terminal_id')"), {},
        QStringLiteral("read the store settings"));
    if (!query)
        return query.error();
    QString storeCode, currencyCode, terminalId;
    while (query->next()) {
        const QString key = query->value(0).toString();
        const QString value = query->value(1).toString();
        if (key == QLatin1String("store_code"))
            storeCode = value;
        else if (key == QLatin1String("currency"))
            currencyCode = value;
        else
            terminalId = value;
    }
    const QString file = QDir::toNativeSeparators(database.path());
    if (storeCode.isEmpty() && currencyCode.isEmpty() && terminalId.isEmpty())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("%1 has no store settings yet; run \"slatectl init\" on it first.").arg(file));
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency || !Accounts::isValidCode(storeCode) || !Accounts::isValidCode(terminalId))
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("The store settings in %1 are damaged (store \"%2\", currency \"%3\", terminal \"%4\"); "
                                        "restore the database from a backup.")
                             .arg(file, storeCode, currencyCode, terminalId));
    return StoreIdentity{storeCode, *currency, terminalId};
}

} // namespace Slate::Core::StoreSettings
