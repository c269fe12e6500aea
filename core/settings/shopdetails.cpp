#include "settings/shopdetails.h"

#include "storage/database.h"

#include <QDir>
#include <QHash>

namespace Slate::Core {

namespace {

const QString kName = QStringLiteral("shop_name");
const QString kAddress = QStringLiteral("shop_address");
const QString kOrganisationNumber = QStringLiteral("shop_org_number");
const QString kVatNumber = QStringLiteral("shop_vat_number");
const QString kBankAccount = QStringLiteral("shop_bank_account");

enum class LineBreaks { Refused, Allowed };

bool printable(const QString &text, LineBreaks breaks)
{
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') && breaks == LineBreaks::Allowed)
            continue;
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

} // namespace

Result<void> validateShopDetails(const ShopDetails &details)
{
    struct Field {
        const QString &value;
        const char *what;
        qsizetype lengthMax;
        LineBreaks breaks;
    };
    const Field fields[] = {
        {details.name, "The shop's name", kShopNameLengthMax, LineBreaks::Refused},
        {details.address, "The shop's address", kShopAddressLengthMax, LineBreaks::Allowed},
        {details.organisationNumber, "The organisation number", kShopNumberLengthMax, LineBreaks::Refused},
        {details.vatNumber, "The VAT number", kShopNumberLengthMax, LineBreaks::Refused},
        {details.bankAccount, "The bank account number", kShopNumberLengthMax, LineBreaks::Refused},
    };
    for (const Field &field : fields) {
        if (field.value.size() > field.lengthMax)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 may be at most %2 characters, not %3.")
                                                             .arg(QLatin1String(field.what))
                                                             .arg(field.lengthMax)
                                                             .arg(field.value.size()));
        if (!printable(field.value, field.breaks))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 contains a control character%2.")
                                 .arg(QLatin1String(field.what),
                                      field.breaks == LineBreaks::Allowed ? QString() : QStringLiteral(" or a line break")));
    }
    return {};
}

namespace StoreSettings {

Result<ShopDetails> loadShopDetails(const Database &database)
{
    Result<Query> query = database.run(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?)"),
                                       {kName, kAddress, kOrganisationNumber, kVatNumber, kBankAccount},
                                       QStringLiteral("read the shop's details"));
    if (!query)
        return query.error();
    QHash<QString, QString> values;
    while (query->next())
        values.insert(query->value(0).toString(), query->value(1).toString());
    const ShopDetails details{values.value(kName), values.value(kAddress), values.value(kOrganisationNumber),
                              values.value(kVatNumber), values.value(kBankAccount)};
    if (!validateShopDetails(details))
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("The shop's details in %1 are damaged; set them again with \"slatectl settings set\".")
                             .arg(QDir::toNativeSeparators(database.path())));
    return details;
}

Result<void> saveShopDetails(Database &database, const ShopDetails &details)
{
    if (auto valid = validateShopDetails(details); !valid)
        return valid;
    Transaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    const std::pair<const QString &, const QString &> rows[] = {
        {kName, details.name}, {kAddress, details.address}, {kOrganisationNumber, details.organisationNumber},
        {kVatNumber, details.vatNumber}, {kBankAccount, details.bankAccount}};
    for (const auto &[key, value] : rows) {
        if (auto done = database.run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                     {key, value}, QStringLiteral("save the shop's details"));
            !done)
            return done.error();
    }
    return transaction.commit();
}

} // namespace StoreSettings
} // namespace Slate::Core
