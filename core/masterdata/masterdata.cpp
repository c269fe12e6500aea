#include "masterdata/masterdata.h"

#include "ledger/accounts.h"
#include "catalog/catalog.h"
#include "settings/checkoutsettings.h"
#include "customers/customer.h"
#include "ledger/journalentry.h"
#include "people/users.h"
#include "base/jsonnumbers.h"
#include "base/uuidv7.h"
#include "money/money.h"
#include "storage/masterrowimages.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace Slate::Core {

namespace {

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

enum class Nullable { No, Yes };

const QString kCurrencyField = QStringLiteral("currency");

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

// The chain-wide settings keys (the same list as the triggers of schema v8).
const QStringList kSyncedSettings{QStringLiteral("price_mode"),          QStringLiteral("cash_rounding_minor"),
                                  QStringLiteral("limit_scope"),         QStringLiteral("pin_failures_max"),
                                  QStringLiteral("pin_lockout_seconds"), QStringLiteral("offline_after_minutes"),
                                  QStringLiteral("offline_cap_minor")};

// The record's current value as the triggers write it, by kind: table, key column, JSON.
struct KindSql {
    const QString &kind;
    const char *select; // one row's value as JSON, bound: the key
};

const KindSql kKinds[] = {
    {MasterKinds::kCustomer,
     "SELECT json_object('card', card, 'name', name, 'phone', phone, 'email', email) FROM customers WHERE id = ?"},
    {MasterKinds::kCustomerTerms,
     "SELECT json_object('creditLimit', credit_limit, 'overdraftLimit', overdraft_limit, 'paymentTermsDays', "
     "payment_terms_days, 'blocked', blocked) FROM customers WHERE id = ?"},
    {MasterKinds::kUser,
     "SELECT json_object('role', role, 'pinSalt', lower(hex(pin_salt)), 'pinHash', lower(hex(pin_hash)), 'pinIterations', "
     "pin_iterations, 'overrideMax', override_max, 'active', active) FROM users WHERE name = ?"},
    {MasterKinds::kTaxCode, "SELECT json_object('rateBasisPoints', rate_bp, 'name', name) FROM tax_codes WHERE code = ?"},
    {MasterKinds::kProduct,
     "SELECT json_object('barcode', barcode, 'name', name, 'unitPrice', unit_price, 'taxCode', tax_code, 'active', active) "
     "FROM products WHERE sku = ?"},
    {MasterKinds::kSetting, "SELECT json_object('value', value) FROM settings WHERE key = ?"},
};

const KindSql *kindSql(const QString &kind)
{
    for (const KindSql &entry : kKinds) {
        if (entry.kind == kind)
            return &entry;
    }
    return nullptr;
}

// Field checks: each names the record and the field.
class Fields {
public:
    Fields(const MasterChange &change) : m_change(change) {}

    Result<void> exactly(const QStringList &names) const
    {
        for (auto it = m_change.data.begin(); it != m_change.data.end(); ++it) {
            if (!names.contains(it.key()))
                return fail(it.key(), QStringLiteral("is not a field of a %1").arg(m_change.kind));
        }
        for (const QString &name : names) {
            if (!m_change.data.contains(name))
                return fail(name, QStringLiteral("is missing"));
        }
        return {};
    }
    Result<QString> text(const QString &name, qsizetype lengthMax) const
    {
        const QJsonValue value = m_change.data.value(name);
        if (!value.isString() || value.toString().size() > lengthMax)
            return fail(name, QStringLiteral("must be a string of at most %1 characters").arg(lengthMax));
        return value.toString();
    }
    // An integer in [minimum, maximum]; nullopt for JSON null when allowed.
    Result<std::optional<qint64>> integer(const QString &name, qint64 minimum, qint64 maximum, bool nullable = false) const
    {
        const QJsonValue value = m_change.data.value(name);
        if (nullable && value.isNull())
            return std::optional<qint64>();
        const std::optional<qint64> number = jsonInteger(value, minimum, maximum);
        if (!number)
            return fail(name, QStringLiteral("must be an integer from %1 to %2%3")
                                  .arg(minimum)
                                  .arg(maximum)
                                  .arg(nullable ? QStringLiteral(" or null") : QString()));
        return number;
    }
    // The currency the record's amounts are in: its "currency" field, an ISO 4217 code.
    Result<Currency> currency() const
    {
        const QJsonValue value = m_change.data.value(kCurrencyField);
        const std::optional<Currency> currency = value.isString() ? Currency::fromCode(value.toString()) : std::nullopt;
        if (!currency)
            return fail(kCurrencyField, QStringLiteral("must be an ISO 4217 currency code such as \"NOK\""));
        return *currency;
    }
    // An amount: a decimal string with exactly the currency's digits ("1500.00" in NOK, "5" in
    // JPY), as core's Money writes it, from 0 to kMasterAmountMinorUnitsMax; nullopt for JSON null
    // when allowed. One spelling per amount keeps a resent change byte-identical.
    Result<std::optional<Money>> amount(const QString &name, const Currency &currency, Nullable nullable = Nullable::No) const
    {
        const QJsonValue value = m_change.data.value(name);
        if (nullable == Nullable::Yes && value.isNull())
            return std::optional<Money>();
        const QString orNull = nullable == Nullable::Yes ? QStringLiteral(" or null") : QString();
        const QString example = Money(150000 * currency.minorPerMajor() / 100, currency).toDecimalString();
        if (!value.isString())
            return fail(name, QStringLiteral("must be a decimal string in %1 such as \"%2\"%3, not a JSON %4")
                                  .arg(currency.code(), example, orNull, jsonTypeName(value)));
        const QString text = value.toString();
        Result<Money> parsed = Money::parse(text, currency);
        if (!parsed)
            return fail(name, QStringLiteral("must be a decimal string in %1 such as \"%2\"%3: %4")
                                  .arg(currency.code(), example, orNull, parsed.message()));
        if (parsed->toDecimalString() != text)
            return fail(name, QStringLiteral("must have exactly %1 decimals for %2, like \"%3\", not \"%4\"")
                                  .arg(currency.exponent())
                                  .arg(currency.code(), parsed->toDecimalString(), text.left(40)));
        if (parsed->isNegative() || parsed->minorUnits() > kMasterAmountMinorUnitsMax)
            return fail(name, QStringLiteral("must be from %1 to %2")
                                  .arg(Money::zero(currency).toDecimalString(),
                                       Money(kMasterAmountMinorUnitsMax, currency).toDecimalString()));
        return std::optional<Money>(*parsed);
    }
    Result<QByteArray> hex(const QString &name, int bytesMin, int bytesMax) const
    {
        static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]*\\z"));
        const QJsonValue value = m_change.data.value(name);
        const QString text = value.toString();
        if (!value.isString() || !pattern.match(text).hasMatch() || text.size() % 2 != 0 || text.size() < 2 * bytesMin
            || text.size() > 2 * bytesMax)
            return fail(name, QStringLiteral("must be %1 to %2 bytes as lower-case hex").arg(bytesMin).arg(bytesMax));
        return QByteArray::fromHex(text.toLatin1());
    }
    Error fail(const QString &field, const QString &rule) const
    {
        return invalid(QStringLiteral("%1 %2: \"%3\" %4.").arg(m_change.kind, m_change.key.left(64), field, rule));
    }

private:
    const MasterChange &m_change;
};

Result<void> validateSetting(const QString &key, const QString &value)
{
    CheckoutSettings settings;
    bool number = false;
    const qint64 integer = value.toLongLong(&number);
    auto needNumber = [&]() -> Result<void> {
        if (!number || integer < 0 || integer > kOfflineCapMinorUnitsMax)
            return invalid(QStringLiteral("Setting %1 must be a whole number, not \"%2\".").arg(key, value.left(40)));
        return {};
    };
    if (key == QLatin1String("price_mode")) {
        if (!priceModeFromName(value))
            return invalid(QStringLiteral("Setting price_mode must be inclusive or exclusive, not \"%1\".").arg(value.left(40)));
        return {};
    }
    if (key == QLatin1String("limit_scope")) {
        if (!limitScopeFromName(value))
            return invalid(QStringLiteral("Setting limit_scope must be shared or per-store, not \"%1\".").arg(value.left(40)));
        return {};
    }
    if (auto checked = needNumber(); !checked)
        return checked;
    if (key == QLatin1String("cash_rounding_minor"))
        settings.cashRoundingMinorUnits = integer;
    else if (key == QLatin1String("pin_failures_max"))
        settings.pinFailuresMax = int(qMin<qint64>(integer, 1000000));
    else if (key == QLatin1String("pin_lockout_seconds"))
        settings.pinLockoutSeconds = int(qMin<qint64>(integer, 100000000));
    else if (key == QLatin1String("offline_after_minutes"))
        settings.offlineAfterMinutes = int(qMin<qint64>(integer, 100000000));
    else if (key == QLatin1String("offline_cap_minor"))
        settings.offlineCapMinorUnits = integer;
    return validateCheckoutSettings(settings);
}

QString jsonText(const QJsonObject &object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

QJsonObject jsonObject(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QString digitsOf(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

// The card a customer gets when another customer, created earlier, holds its card.
QString disambiguatedCard(const QString &card, const QString &customerId)
{
    QString tail = customerId;
    tail.remove(QLatin1Char('-'));
    return card.left(50) + QLatin1Char('-') + tail.right(12);
}

Result<void> done(const Result<Query> &result)
{
    if (!result)
        return result.error();
    return {};
}

Result<void> addHistory(Database &database, const MasterChange &change, const QString &outcome, const QString &detail)
{
    return done(database.run(QStringLiteral("INSERT INTO master_history (kind, key, version, node, data, outcome, detail, recorded_utc) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {change.kind, change.key, change.version, change.node, jsonText(change.data), outcome, detail.left(1000),
              timestampText(nowUtc())},
             QStringLiteral("record the history of %1 %2").arg(change.kind, change.key)));
}

// Gives the card to the customer created first; the other one's card is made unique. Returns
// the card the incoming customer gets.
Result<QString> resolveCard(Database &database, const MasterChange &change, const QString &card)
{
    const QString doing = QStringLiteral("check card %1 of customer %2").arg(card, change.key);
    Result<Query> holder = database.run(QStringLiteral("SELECT id FROM customers WHERE card = ? AND id <> ?"), {card, change.key}, doing);
    if (!holder)
        return holder.error();
    if (!holder->next())
        return card;
    const QString otherId = holder->value(0).toString();
    holder->finish();
    if (otherId < change.key) {
        if (auto recorded = addHistory(database, change, QStringLiteral("card-conflict"),
                                       QStringLiteral("Card %1 belongs to customer %2, created earlier; this customer gets card %3.")
                                           .arg(card, otherId, disambiguatedCard(card, change.key)));
            !recorded)
            return recorded.error();
        return disambiguatedCard(card, change.key);
    }
    Result<MasterChange> other = MasterData::current(database, MasterKinds::kCustomer, otherId);
    if (!other)
        return other.error();
    if (auto recorded = addHistory(database, *other, QStringLiteral("card-conflict"),
                                   QStringLiteral("Card %1 goes to customer %2, created earlier; this customer gets card %3.")
                                       .arg(card, change.key, disambiguatedCard(card, otherId)));
        !recorded)
        return recorded.error();
    if (auto moved = database.run(QStringLiteral("UPDATE customers SET card = ? WHERE id = ?"),
                                  {disambiguatedCard(card, otherId), otherId}, doing);
        !moved)
        return moved.error();
    return card;
}

// The currency this till keeps its books in: its tables hold amounts in its minor units.
Result<Currency> booksCurrency(const Database &database)
{
    Result<Query> query = database.run(QStringLiteral("SELECT value FROM settings WHERE key = 'currency'"), {},
                                       QStringLiteral("read the store's currency"));
    if (!query)
        return query.error();
    const std::optional<Currency> currency = query->next() ? Currency::fromCode(query->value(0).toString()) : std::nullopt;
    if (!currency)
        return makeError(ErrorCode::NotFound, QStringLiteral("This till has no currency yet; set the store up first (slatectl init)."));
    return *currency;
}

// Reads the books' currency once, when a record first needs it.
class BooksCurrency {
public:
    explicit BooksCurrency(const Database &database) : m_database(database) {}
    const Result<Currency> &get()
    {
        if (!m_currency)
            m_currency.emplace(booksCurrency(m_database));
        return *m_currency;
    }

private:
    const Database &m_database;
    std::optional<Result<Currency>> m_currency;
};

// Writes a (validated) change into its table. NotFound when the record it needs is not here;
// InvalidArgument when its amounts are in another currency than this till's books.
Result<bool> write(Database &database, const MasterChange &change, BooksCurrency &books)
{
    const QJsonObject &d = change.data;
    const QString now = timestampText(nowUtc());
    const QString doing = QStringLiteral("apply %1 %2").arg(change.kind, change.key);
    if (MasterRowImages::carriesAmounts(change.kind, change.key)) {
        if (!books.get())
            return books.get().error();
        const QString currency = d.value(kCurrencyField).toString();
        if (currency != books.get()->code())
            return invalid(QStringLiteral("%1 %2 has its amounts in %3; this till keeps its books in %4.")
                               .arg(change.kind, change.key.left(64), currency, books.get()->code()));
    }
    // Validated: every amount parses in the record's currency, which is the books'.
    auto minor = [&books](const QJsonValue &value) {
        if (value.isNull())
            return QVariant();
        const Result<Money> amount = Money::parse(value.toString(), *books.get());
        Q_ASSERT(amount.ok());
        return amount ? QVariant(amount->minorUnits()) : QVariant();
    };
    auto integer = [](const QJsonValue &value) { return jsonInteger(value).value_or(0); }; // validated above
    Result<Query> done = makeError(ErrorCode::InvalidArgument, QString());
    if (change.kind == MasterKinds::kCustomer) {
        Result<QString> card = resolveCard(database, change, d.value(QStringLiteral("card")).toString());
        if (!card)
            return card.error();
        const QString phone = d.value(QStringLiteral("phone")).toString();
        done = database.run(
            QStringLiteral("INSERT INTO customers (id, card, name, phone, phone_digits, email, created_utc, updated_utc) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET card = excluded.card, "
                           "name = excluded.name, phone = excluded.phone, phone_digits = excluded.phone_digits, "
                           "email = excluded.email, updated_utc = excluded.updated_utc"),
            {change.key, *card, d.value(QStringLiteral("name")).toString(), phone, digitsOf(phone),
             d.value(QStringLiteral("email")).toString(), now, now},
            doing);
    } else if (change.kind == MasterKinds::kCustomerTerms) {
        done = database.run(QStringLiteral("UPDATE customers SET credit_limit = ?, overdraft_limit = ?, payment_terms_days = ?, "
                                           "blocked = ?, updated_utc = ? WHERE id = ?"),
                            {minor(d.value(QStringLiteral("creditLimit"))), minor(d.value(QStringLiteral("overdraftLimit"))),
                             integer(d.value(QStringLiteral("paymentTermsDays"))), integer(d.value(QStringLiteral("blocked"))), now,
                             change.key},
                            doing);
        if (done && done->numRowsAffected() == 0)
            return false;
    } else if (change.kind == MasterKinds::kUser) {
        done = database.run(
            QStringLiteral("INSERT INTO users (name, role, pin_salt, pin_hash, pin_iterations, override_max, active, created_utc, "
                           "updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role, "
                           "pin_salt = excluded.pin_salt, pin_hash = excluded.pin_hash, pin_iterations = excluded.pin_iterations, "
                           "override_max = excluded.override_max, active = excluded.active, updated_utc = excluded.updated_utc"),
            {change.key, d.value(QStringLiteral("role")).toString(),
             QByteArray::fromHex(d.value(QStringLiteral("pinSalt")).toString().toLatin1()),
             QByteArray::fromHex(d.value(QStringLiteral("pinHash")).toString().toLatin1()),
             integer(d.value(QStringLiteral("pinIterations"))), minor(d.value(QStringLiteral("overrideMax"))),
             integer(d.value(QStringLiteral("active"))), now, now},
            doing);
    } else if (change.kind == MasterKinds::kTaxCode) {
        done = database.run(QStringLiteral("INSERT INTO tax_codes (code, rate_bp, name) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE "
                                           "SET rate_bp = excluded.rate_bp, name = excluded.name"),
                            {change.key, integer(d.value(QStringLiteral("rateBasisPoints"))), d.value(QStringLiteral("name")).toString()},
                            doing);
    } else if (change.kind == MasterKinds::kProduct) {
        const QJsonValue barcode = d.value(QStringLiteral("barcode"));
        done = database.run(
            QStringLiteral("INSERT INTO products (sku, barcode, name, unit_price, tax_code, active, created_utc, updated_utc) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET barcode = excluded.barcode, "
                           "name = excluded.name, unit_price = excluded.unit_price, tax_code = excluded.tax_code, "
                           "active = excluded.active, updated_utc = excluded.updated_utc"),
            {change.key, barcode.isNull() ? QVariant() : QVariant(barcode.toString()), d.value(QStringLiteral("name")).toString(),
             minor(d.value(QStringLiteral("unitPrice"))), d.value(QStringLiteral("taxCode")).toString(),
             integer(d.value(QStringLiteral("active"))), now, now},
            doing);
    } else if (change.kind == MasterKinds::kSetting) {
        done = database.run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                                           "excluded.value"),
                            {change.key, MasterRowImages::carriesAmounts(change.kind, change.key)
                                             ? minor(d.value(QStringLiteral("value"))).toString()
                                             : d.value(QStringLiteral("value")).toString()},
                            doing);
    }
    if (!done)
        return done.error();
    return true;
}

} // namespace

namespace MasterData {

qint64 versionMaxAt(qint64 nowMs, VersionJudge judge)
{
    const qint64 aheadMs = judge == VersionJudge::Server ? kMasterClockAheadMaxMs : 2 * kMasterClockAheadMaxMs;
    // The clock's counter fills the low 10 bits; the whole last millisecond is allowed.
    return qMin(kMasterVersionMax, (nowMs + aheadMs) * 1024 + 1023);
}

Result<void> checkVersionBound(const MasterChange &change, qint64 nowMs, VersionJudge judge)
{
    if (change.version <= versionMaxAt(nowMs, judge))
        return {};
    return invalid(QStringLiteral("%1 %2: \"version\" %3 is more than %4 minutes ahead of %5 clock (it stands for %6 UTC; now "
                                  "is %7 UTC). A version is the Unix time in milliseconds times 1024 plus a counter; set the "
                                  "clock of terminal %8 right (NTP).")
                       .arg(change.kind, change.key.left(64))
                       .arg(change.version)
                       .arg((judge == VersionJudge::Server ? 1 : 2) * kMasterClockAheadMaxMs / 60000)
                       .arg(judge == VersionJudge::Server ? QStringLiteral("the server's") : QStringLiteral("this till's"),
                            QDateTime::fromMSecsSinceEpoch(change.version / 1024, Qt::UTC).toString(Qt::ISODate),
                            QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODate), change.node.left(64)));
}

bool isNewer(qint64 versionA, const QString &nodeA, qint64 versionB, const QString &nodeB)
{
    return versionA != versionB ? versionA > versionB : nodeA > nodeB;
}

Result<void> validate(const MasterChange &change, VersionJudge judge)
{
    if (!kindSql(change.kind))
        return invalid(QStringLiteral("\"%1\" is not a kind of master data; use customer, customer-terms, user, tax-code, product "
                                      "or setting.")
                           .arg(change.kind.left(40)));
    if (change.version < 1 || change.version > kMasterVersionMax)
        return invalid(QStringLiteral("%1 %2: the version must be from 1 to 2^53.").arg(change.kind, change.key.left(64)));
    if (auto bounded = checkVersionBound(change, QDateTime::currentMSecsSinceEpoch(), judge); !bounded)
        return bounded;
    if (!Accounts::isValidCode(change.node))
        return invalid(QStringLiteral("%1 %2: the node must be a terminal id.").arg(change.kind, change.key.left(64)));
    const Fields fields(change);
    const QString &kind = change.kind;
    if (kind == MasterKinds::kCustomer || kind == MasterKinds::kCustomerTerms) {
        const QUuid id = uuidFromText(change.key);
        if (id.isNull() || uuidText(id) != change.key)
            return invalid(QStringLiteral("%1 \"%2\": the key must be the customer's id (a lower-case UUID).").arg(kind, change.key.left(64)));
    }
    if (kind == MasterKinds::kCustomer) {
        if (auto exact = fields.exactly({QStringLiteral("card"), QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email")});
            !exact)
            return exact;
        NewCustomer customer;
        for (auto [field, target] : {std::pair{QStringLiteral("card"), &customer.card}, std::pair{QStringLiteral("name"), &customer.name},
                                     std::pair{QStringLiteral("phone"), &customer.phone}, std::pair{QStringLiteral("email"), &customer.email}}) {
            Result<QString> value = fields.text(field, 300);
            if (!value)
                return value.error();
            *target = *value;
        }
        return validateNewCustomer(customer);
    }
    if (kind == MasterKinds::kCustomerTerms) {
        if (auto exact = fields.exactly({QStringLiteral("creditLimit"), QStringLiteral("overdraftLimit"), QStringLiteral("currency"),
                                         QStringLiteral("paymentTermsDays"), QStringLiteral("blocked")});
            !exact)
            return exact;
        Result<Currency> currency = fields.currency();
        if (!currency)
            return currency.error();
        for (const auto &checked : {fields.amount(QStringLiteral("creditLimit"), *currency),
                                    fields.amount(QStringLiteral("overdraftLimit"), *currency, Nullable::Yes)}) {
            if (!checked)
                return checked.error();
        }
        for (const auto &checked : {fields.integer(QStringLiteral("paymentTermsDays"), 0, kPaymentTermsDaysMax),
                                    fields.integer(QStringLiteral("blocked"), 0, 1)}) {
            if (!checked)
                return checked.error();
        }
        return {};
    }
    if (kind == MasterKinds::kUser) {
        static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}\\z"));
        if (!namePattern.match(change.key).hasMatch())
            return invalid(QStringLiteral("user \"%1\": a user name is 1 to 64 letters, digits, '.', '_' or '-'.").arg(change.key.left(64)));
        if (auto exact = fields.exactly({QStringLiteral("role"), QStringLiteral("pinSalt"), QStringLiteral("pinHash"),
                                         QStringLiteral("pinIterations"), QStringLiteral("overrideMax"), QStringLiteral("currency"),
                                         QStringLiteral("active")});
            !exact)
            return exact;
        Result<QString> role = fields.text(QStringLiteral("role"), 20);
        if (!role || !roleFromName(*role))
            return fields.fail(QStringLiteral("role"), QStringLiteral("must be cashier, manager or admin"));
        if (auto salt = fields.hex(QStringLiteral("pinSalt"), 8, 64); !salt)
            return salt.error();
        if (auto hash = fields.hex(QStringLiteral("pinHash"), 16, 64); !hash)
            return hash.error();
        for (const auto &checked : {fields.integer(QStringLiteral("pinIterations"), kPinIterationsMin, 100'000'000),
                                    fields.integer(QStringLiteral("active"), 0, 1)}) {
            if (!checked)
                return checked.error();
        }
        Result<Currency> currency = fields.currency();
        if (!currency)
            return currency.error();
        if (auto overrideMax = fields.amount(QStringLiteral("overrideMax"), *currency, Nullable::Yes); !overrideMax)
            return overrideMax.error();
        return {};
    }
    if (kind == MasterKinds::kTaxCode) {
        if (!Accounts::isValidCode(change.key))
            return invalid(QStringLiteral("tax-code \"%1\": a tax code is 1 to 32 letters, digits, '.', '_' or '-'.").arg(change.key.left(64)));
        if (auto exact = fields.exactly({QStringLiteral("rateBasisPoints"), QStringLiteral("name")}); !exact)
            return exact;
        if (auto rate = fields.integer(QStringLiteral("rateBasisPoints"), 0, 10000); !rate)
            return rate.error();
        if (auto name = fields.text(QStringLiteral("name"), kTaxCodeNameLengthMax); !name)
            return name.error();
        return {};
    }
    if (kind == MasterKinds::kProduct) {
        if (auto sku = ProductRules::checkSku(change.key); !sku)
            return sku;
        if (auto exact = fields.exactly({QStringLiteral("barcode"), QStringLiteral("name"), QStringLiteral("unitPrice"),
                                         QStringLiteral("currency"), QStringLiteral("taxCode"), QStringLiteral("active")});
            !exact)
            return exact;
        const QJsonValue barcode = change.data.value(QStringLiteral("barcode"));
        if (!barcode.isNull() && (!barcode.isString() || barcode.toString().isEmpty() || !ProductRules::checkBarcode(barcode.toString())))
            return fields.fail(QStringLiteral("barcode"), QStringLiteral("must be null or 8 to 14 digits"));
        Result<QString> name = fields.text(QStringLiteral("name"), kProductNameLengthMax);
        if (!name)
            return name.error();
        if (auto checked = ProductRules::checkName(*name); !checked)
            return checked;
        Result<QString> taxCode = fields.text(QStringLiteral("taxCode"), 32);
        if (!taxCode || !Accounts::isValidCode(*taxCode))
            return fields.fail(QStringLiteral("taxCode"), QStringLiteral("must be a tax code"));
        if (auto active = fields.integer(QStringLiteral("active"), 0, 1); !active)
            return active.error();
        Result<Currency> currency = fields.currency();
        if (!currency)
            return currency.error();
        if (auto price = fields.amount(QStringLiteral("unitPrice"), *currency); !price)
            return price.error();
        return {};
    }
    // A setting.
    if (!kSyncedSettings.contains(change.key))
        return invalid(QStringLiteral("setting \"%1\" is not a chain-wide setting.").arg(change.key.left(64)));
    if (MasterRowImages::carriesAmounts(change.kind, change.key)) {
        if (auto exact = fields.exactly({QStringLiteral("value"), QStringLiteral("currency")}); !exact)
            return exact;
        Result<Currency> currency = fields.currency();
        if (!currency)
            return currency.error();
        Result<std::optional<Money>> amount = fields.amount(QStringLiteral("value"), *currency);
        if (!amount)
            return amount.error();
        if (auto valid = validateSetting(change.key, QString::number((*amount)->minorUnits())); !valid)
            return invalid(QStringLiteral("setting %1: \"value\" %2: %3").arg(change.key, (*amount)->toDecimalStringWithCode(), valid.message()));
        return {};
    }
    if (auto exact = fields.exactly({QStringLiteral("value")}); !exact)
        return exact;
    Result<QString> value = fields.text(QStringLiteral("value"), 100);
    if (!value)
        return value.error();
    return validateSetting(change.key, *value);
}

Result<CreditTerms> termsFrom(const MasterChange &change)
{
    if (change.kind != MasterKinds::kCustomerTerms)
        return invalid(QStringLiteral("%1 %2 is not a customer's credit terms.").arg(change.kind, change.key.left(64)));
    if (auto valid = validate(change); !valid)
        return valid.error();
    const Fields fields(change);
    const Currency currency = *fields.currency();
    CreditTerms terms;
    terms.creditLimitMinorUnits = (**fields.amount(QStringLiteral("creditLimit"), currency)).minorUnits();
    if (const std::optional<Money> overdraft = *fields.amount(QStringLiteral("overdraftLimit"), currency, Nullable::Yes))
        terms.overdraftLimitMinorUnits = overdraft->minorUnits();
    terms.paymentTermsDays = int(**fields.integer(QStringLiteral("paymentTermsDays"), 0, kPaymentTermsDaysMax));
    terms.blocked = **fields.integer(QStringLiteral("blocked"), 0, 1) == 1;
    return terms;
}

Result<QList<MasterChange>> unpushed(const Database &database, int limit)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT seq, kind, key, version, node, data FROM master_outbox "
                       "WHERE seq > (SELECT pushed_through FROM master_clock WHERE id = 1) ORDER BY seq LIMIT ?"),
        {qBound(1, limit, kMasterChangesReadMax)}, QStringLiteral("read the master-data changes to send"));
    if (!query)
        return query.error();
    QList<MasterChange> changes;
    BooksCurrency books(database);
    while (query->next()) {
        MasterChange change{query->value(1).toString(), query->value(2).toString(), query->value(3).toLongLong(),
                            query->value(4).toString(), jsonObject(query->value(5).toString()), query->value(0).toLongLong()};
        // The outbox holds the triggers' row images (minor units); the change carries decimals.
        if (MasterRowImages::carriesAmounts(change.kind, change.key)) {
            if (!books.get())
                return books.get().error();
            change.data = MasterRowImages::withDecimalAmounts(change.kind, change.key, change.data, *books.get());
        }
        changes.append(change);
    }
    return changes;
}

Result<void> markPushed(Database &database, qint64 position)
{
    return done(database.run(QStringLiteral("UPDATE master_clock SET pushed_through = max(pushed_through, ?) WHERE id = 1"),
                             {position}, QStringLiteral("record the master-data changes the server holds")));
}

Result<qint64> waiting(const Database &database)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT count(*) FROM master_outbox WHERE seq > (SELECT pushed_through FROM master_clock WHERE id = 1)"), {},
        QStringLiteral("count the master-data changes to send"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<qint64> pullCursor(const Database &database)
{
    Result<Query> query = database.run(QStringLiteral("SELECT pulled_after FROM master_clock WHERE id = 1"), {},
                                           QStringLiteral("read the master-data cursor"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<MasterChange> current(const Database &database, const QString &kind, const QString &key)
{
    const KindSql *sql = kindSql(kind);
    if (!sql)
        return invalid(QStringLiteral("\"%1\" is not a kind of master data.").arg(kind));
    const QString doing = QStringLiteral("read %1 %2").arg(kind, key);
    MasterChange change{kind, key, 0, QString(), {}, 0};
    Result<Query> version = database.run(QStringLiteral("SELECT version, node FROM master_versions WHERE kind = ? AND key = ?"),
                                             {kind, key}, doing);
    if (!version)
        return version.error();
    if (version->next()) {
        change.version = version->value(0).toLongLong();
        change.node = version->value(1).toString();
    }
    version->finish();
    Result<Query> value = database.run(QString::fromUtf8(sql->select), {key}, doing);
    if (!value)
        return value.error();
    if (!value->next())
        return change;
    change.data = jsonObject(value->value(0).toString());
    value->finish();
    if (MasterRowImages::carriesAmounts(kind, key)) {
        Result<Currency> books = booksCurrency(database);
        if (!books)
            return books.error();
        change.data = MasterRowImages::withDecimalAmounts(kind, key, change.data, *books);
    }
    return change;
}

Result<MasterApplyReport> apply(Database &database, const QList<MasterChange> &changes, qint64 cursor)
{
    Q_ASSERT(changes.size() <= kMasterChangesReadMax);
    const QString doing = QStringLiteral("apply master data from the server");
    Transaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // The triggers stay quiet for what is applied here: these changes are not this till's own.
    if (auto quiet = database.run(QStringLiteral("UPDATE master_clock SET applying = 1 WHERE id = 1"), {}, doing); !quiet)
        return quiet.error();
    MasterApplyReport report;
    BooksCurrency books(database);
    for (const MasterChange &change : changes) {
        if (auto valid = validate(change); !valid) {
            if (auto recorded = addHistory(database, change, QStringLiteral("unapplied"), valid.message()); !recorded)
                return recorded.error();
            ++report.unapplied;
            continue;
        }
        Result<MasterChange> here = current(database, change.kind, change.key);
        if (!here)
            return here.error();
        if (here->version == change.version && here->node == change.node) {
            ++report.alreadyHad;
            continue;
        }
        // The clock moves past every version seen, so a later local edit is newer than this one.
        if (auto clock = database.run(QStringLiteral("UPDATE master_clock SET version = max(version, ?) WHERE id = 1"),
                                      {change.version}, doing);
            !clock)
            return clock.error();
        if (!isNewer(change.version, change.node, here->version, here->node)) {
            if (auto recorded = addHistory(database, change, QStringLiteral("lost"),
                                           QStringLiteral("Version %1 of %2 is newer.").arg(here->version).arg(here->node));
                !recorded)
                return recorded.error();
            ++report.lost;
            continue;
        }
        Result<bool> written = write(database, change, books);
        if (!written || !*written) {
            const QString why = !written ? written.message()
                                         : QStringLiteral("The record this change belongs to is not here.");
            if (!written && written.code() != ErrorCode::IoError && written.code() != ErrorCode::AlreadyExists
                && written.code() != ErrorCode::InvalidArgument)
                return written.error();
            if (auto recorded = addHistory(database, change, QStringLiteral("unapplied"), why); !recorded)
                return recorded.error();
            ++report.unapplied;
            continue;
        }
        if (!here->data.isEmpty() && here->version > 0) {
            if (auto recorded = addHistory(database, *here, QStringLiteral("superseded"),
                                           QStringLiteral("Replaced by version %1 of %2.").arg(change.version).arg(change.node));
                !recorded)
                return recorded.error();
        }
        if (auto versioned = database.run(QStringLiteral("INSERT INTO master_versions (kind, key, version, node) VALUES (?, ?, ?, ?) "
                                                         "ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version, "
                                                         "node = excluded.node"),
                                          {change.kind, change.key, change.version, change.node}, doing);
            !versioned)
            return versioned.error();
        ++report.applied;
        report.settingsChanged = report.settingsChanged || change.kind == MasterKinds::kSetting;
    }
    if (auto finished = database.run(QStringLiteral("UPDATE master_clock SET applying = 0, pulled_after = max(pulled_after, ?) WHERE id = 1"),
                                 {cursor}, doing);
        !finished)
        return finished.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return report;
}

Result<void> withoutRecording(Database &database, const std::function<Result<void>()> &write)
{
    const QString doing = QStringLiteral("save pulled master data");
    Transaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto quiet = database.run(QStringLiteral("UPDATE master_clock SET applying = 1 WHERE id = 1"), {}, doing); !quiet)
        return quiet.error();
    if (auto written = write(); !written)
        return written;
    if (auto loud = database.run(QStringLiteral("UPDATE master_clock SET applying = 0 WHERE id = 1"), {}, doing); !loud)
        return loud.error();
    return transaction.commit();
}

Result<QList<MasterHistoryRow>> history(const Database &database, const QString &kind, const QString &key, int rowsMax)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT kind, key, version, node, data, outcome, detail, recorded_utc FROM master_history "
                       "WHERE kind = ? AND key = ? ORDER BY id LIMIT ?"),
        {kind, key, qBound(1, rowsMax, kMasterChangesReadMax)}, QStringLiteral("read the history of %1 %2").arg(kind, key));
    if (!query)
        return query.error();
    QList<MasterHistoryRow> rows;
    while (query->next())
        rows.append(MasterHistoryRow{MasterChange{query->value(0).toString(), query->value(1).toString(), query->value(2).toLongLong(),
                                                  query->value(3).toString(), jsonObject(query->value(4).toString()), 0},
                                     query->value(5).toString(), query->value(6).toString(),
                                     timestampFromText(query->value(7).toString())});
    return rows;
}

} // namespace MasterData
} // namespace Slate::Core
