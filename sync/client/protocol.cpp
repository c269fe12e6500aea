#include "client/protocol.h"

#include "base/digest.h"
#include "base/jsonnumbers.h"
#include "base/textrules.h"
#include "ledger/accounts.h"
#include "base/uuidv7.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace Slate::Sync::Protocol {

using Core::ErrorCode;
using Core::makeError;

namespace {

constexpr qint64 kLargestExactInteger = qint64(1) << 53;

Core::Error badField(const QString &where, const QString &field, const QString &rule)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1.%2 %3.").arg(where, field, rule));
}

std::optional<QByteArray> hashFrom(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (text.size() != 2 * Core::kHashSize)
        return std::nullopt;
    auto nibble = [](char16_t c) { return c >= u'0' && c <= u'9' ? int(c - u'0') : c >= u'a' && c <= u'f' ? int(c - u'a' + 10) : -1; };
    QByteArray hash(Core::kHashSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < Core::kHashSize; ++i) {
        const int high = nibble(text[2 * i].unicode());
        const int low = nibble(text[2 * i + 1].unicode());
        if (high < 0 || low < 0)
            return std::nullopt;
        hash[i] = char(high << 4 | low);
    }
    return hash;
}

// Whether `object` has no key but `keys`. Every key of an entry, a posting and a master-data
// change is required, so an object of as many keys as allowed has another key only if it lacks
// one of them, and the caller refuses it for that one: the scan, which makes a QString of every
// key, runs only for an object of another size (where it names the unknown key).
bool hasOnlyKeys(const QJsonObject &object, std::initializer_list<const char *> keys, QString *unknown)
{
    if (object.size() == qsizetype(keys.size()))
        return true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (std::none_of(keys.begin(), keys.end(), [&key](const char *allowed) { return key == QLatin1String(allowed); })) {
            *unknown = key;
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<qint64> integerFrom(const QJsonValue &value, qint64 minimum)
{
    return Core::jsonInteger(value, minimum, kLargestExactInteger);
}

QJsonObject masterChangeToJson(const Core::MasterChange &change)
{
    return QJsonObject{{QStringLiteral("kind"), change.kind},
                       {QStringLiteral("key"), change.key},
                       {QStringLiteral("version"), double(change.version)},
                       {QStringLiteral("node"), change.node},
                       {QStringLiteral("data"), change.data}};
}

Core::Result<Core::MasterChange> masterChangeFromJson(const QJsonValue &value, const QString &where, Core::VersionJudge judge)
{
    if (!value.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 must be an object.").arg(where));
    const QJsonObject object = value.toObject();
    QString unknown;
    if (!hasOnlyKeys(object, {"kind", "key", "version", "node", "data"}, &unknown))
        return badField(where, unknown.left(40), QStringLiteral("is not a field of a master-data change"));
    for (const char *field : {"kind", "key", "node"}) {
        const QJsonValue text = object.value(QLatin1String(field));
        if (!text.isString() || text.toString().isEmpty() || text.toString().size() > 64)
            return badField(where, QString::fromLatin1(field), QStringLiteral("must be a string of 1 to 64 characters"));
    }
    const std::optional<qint64> version = integerFrom(object.value(QStringLiteral("version")), 1);
    if (!version)
        return badField(where, QStringLiteral("version"), QStringLiteral("must be an integer from 1 to 2^53"));
    if (!object.value(QStringLiteral("data")).isObject())
        return badField(where, QStringLiteral("data"), QStringLiteral("must be an object"));
    Core::MasterChange change{object.value(QStringLiteral("kind")).toString(), object.value(QStringLiteral("key")).toString(), *version,
                              object.value(QStringLiteral("node")).toString(), object.value(QStringLiteral("data")).toObject(), 0};
    if (auto valid = Core::MasterData::validate(change, judge); !valid)
        return makeError(ErrorCode::InvalidArgument, where + QStringLiteral(": ") + valid.message());
    return change;
}

QJsonObject entryToJson(const Core::JournalEntry &entry)
{
    QJsonArray postings;
    for (const Core::Posting &posting : entry.postings)
        postings.append(QJsonObject{{QStringLiteral("account"), posting.account},
                                    {QStringLiteral("currency"), posting.amount.currency().code()},
                                    {QStringLiteral("amount"), posting.amount.toDecimalString()}});
    return QJsonObject{
        {QStringLiteral("id"), Core::uuidText(entry.id)},
        {QStringLiteral("terminalId"), entry.terminalId},
        {QStringLiteral("sequence"), double(entry.sequence)},
        {QStringLiteral("createdUtc"), Core::timestampText(entry.createdUtc)},
        {QStringLiteral("kind"), Core::entryKindName(entry.kind)},
        {QStringLiteral("userName"), entry.userName},
        {QStringLiteral("note"), entry.note},
        {QStringLiteral("references"),
         QJsonObject{{QStringLiteral("customerId"), entry.references.customerId},
                     {QStringLiteral("orderId"), entry.references.orderId},
                     {QStringLiteral("overrideId"), entry.references.overrideId},
                     {QStringLiteral("relatedEntryId"), entry.references.relatedEntryId}}},
        {QStringLiteral("postings"), postings},
        {QStringLiteral("previousHash"), QString::fromLatin1(entry.previousHash.toHex())},
        {QStringLiteral("hash"), QString::fromLatin1(entry.hash.toHex())},
    };
}

namespace {

// A JSON string (RFC 8259): quotes, backslash and control characters escaped, the rest UTF-8.
void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\';
    });
    if (plain) {
        Core::appendAscii(out, text);
    } else {
        const QByteArray utf8 = text.toUtf8();
        for (char c : utf8) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (uchar(c) < 0x20) {
                    static constexpr char kHex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += kHex[uchar(c) >> 4];
                    out += kHex[uchar(c) & 0xF];
                } else {
                    out += c;
                }
            }
        }
    }
    out += '"';
}

void appendField(QByteArray &out, const char *key, QStringView text)
{
    out += '"';
    out += key;
    out += "\":";
    appendJsonString(out, text);
}

} // namespace

void appendEntryJson(QByteArray &out, const Core::JournalEntry &entry)
{
    out += '{';
    appendField(out, "id", Core::uuidText(entry.id));
    out += ',';
    appendField(out, "terminalId", entry.terminalId);
    out += ",\"sequence\":";
    out += QByteArray::number(entry.sequence);
    out += ',';
    appendField(out, "createdUtc", Core::timestampText(entry.createdUtc));
    out += ',';
    appendField(out, "kind", Core::entryKindName(entry.kind));
    out += ',';
    appendField(out, "userName", entry.userName);
    out += ',';
    appendField(out, "note", entry.note);
    out += ",\"references\":{";
    appendField(out, "customerId", entry.references.customerId);
    out += ',';
    appendField(out, "orderId", entry.references.orderId);
    out += ',';
    appendField(out, "overrideId", entry.references.overrideId);
    out += ',';
    appendField(out, "relatedEntryId", entry.references.relatedEntryId);
    out += "},\"postings\":[";
    for (qsizetype i = 0; i < entry.postings.size(); ++i) {
        const Core::Posting &posting = entry.postings.at(i);
        out += i > 0 ? ",{" : "{";
        appendField(out, "account", posting.account);
        out += ',';
        appendField(out, "currency", posting.amount.currency().code());
        out += ',';
        appendField(out, "amount", posting.amount.toDecimalString());
        out += '}';
    }
    out += "],\"previousHash\":\"";
    out += entry.previousHash.toHex();
    out += "\",\"hash\":\"";
    out += entry.hash.toHex();
    out += "\"}";
}

QByteArray entriesJson(const QList<Core::JournalEntry> &entries, QByteArrayView extra)
{
    QByteArray out;
    out.reserve(64 + entries.size() * 700);
    out += "{\"entries\":[";
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i > 0)
            out += ',';
        appendEntryJson(out, entries.at(i));
    }
    out += ']';
    out += extra;
    out += '}';
    return out;
}

Core::Result<Core::JournalEntry> entryFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 must be a JSON object.").arg(where));
    const QJsonObject object = value.toObject();
    QString unknown;
    if (!hasOnlyKeys(object, {"id", "terminalId", "sequence", "createdUtc", "kind", "userName", "note", "references",
                              "postings", "previousHash", "hash"},
                     &unknown))
        return badField(where, unknown, QStringLiteral("is not a field of an entry"));
    Core::JournalEntry entry;
    const QJsonValue id = object.value(QStringLiteral("id"));
    entry.id = id.isString() ? Core::uuidFromText(id.toString()) : QUuid();
    if (entry.id.isNull())
        return badField(where, QStringLiteral("id"), QStringLiteral("must be a UUID string"));
    const QJsonValue terminal = object.value(QStringLiteral("terminalId"));
    if (!terminal.isString() || !Core::Accounts::isValidCode(terminal.toString()))
        return badField(where, QStringLiteral("terminalId"),
                        QStringLiteral("must be a terminal code (1 to 32 letters, digits, '.', '_' or '-')"));
    entry.terminalId = terminal.toString();
    const std::optional<qint64> sequence = integerFrom(object.value(QStringLiteral("sequence")), 1);
    if (!sequence)
        return badField(where, QStringLiteral("sequence"), QStringLiteral("must be an integer of at least 1"));
    entry.sequence = *sequence;
    const QJsonValue created = object.value(QStringLiteral("createdUtc"));
    entry.createdUtc = created.isString() ? Core::timestampFromText(created.toString()) : QDateTime();
    if (!entry.createdUtc.isValid())
        return badField(where, QStringLiteral("createdUtc"), QStringLiteral("must be a UTC time like 2026-11-23T10:42:00.123Z"));
    const QJsonValue kindValue = object.value(QStringLiteral("kind"));
    const std::optional<Core::EntryKind> kind =
        kindValue.isString() ? Core::entryKindFromName(kindValue.toString()) : std::nullopt;
    if (!kind)
        return badField(where, QStringLiteral("kind"), QStringLiteral("must be an entry kind such as \"top-up\" or \"sale\""));
    entry.kind = *kind;
    for (const auto &[field, target] : {std::pair{"userName", &entry.userName}, std::pair{"note", &entry.note}}) {
        const QJsonValue text = object.value(QString::fromLatin1(field));
        if (!text.isString())
            return badField(where, QString::fromLatin1(field), QStringLiteral("must be a string"));
        *target = text.toString();
    }
    const QJsonValue references = object.value(QStringLiteral("references"));
    if (!references.isObject())
        return badField(where, QStringLiteral("references"), QStringLiteral("must be an object"));
    const QJsonObject refs = references.toObject();
    if (!hasOnlyKeys(refs, {"customerId", "orderId", "overrideId", "relatedEntryId"}, &unknown))
        return badField(where, QStringLiteral("references.") + unknown, QStringLiteral("is not a reference of an entry"));
    for (const auto &[field, target] :
         {std::pair{"customerId", &entry.references.customerId}, std::pair{"orderId", &entry.references.orderId},
          std::pair{"overrideId", &entry.references.overrideId},
          std::pair{"relatedEntryId", &entry.references.relatedEntryId}}) {
        const QJsonValue text = refs.value(QString::fromLatin1(field));
        if (!text.isString() || text.toString().size() > 100)
            return badField(where, QStringLiteral("references.") + QString::fromLatin1(field),
                            QStringLiteral("must be a string of at most 100 characters"));
        *target = text.toString();
    }
    const QJsonValue postings = object.value(QStringLiteral("postings"));
    if (!postings.isArray() || postings.toArray().size() > Core::kPostingsMax)
        return badField(where, QStringLiteral("postings"),
                        QStringLiteral("must be an array of at most %1 postings").arg(Core::kPostingsMax));
    const QJsonArray lines = postings.toArray();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto at = [i] { return QStringLiteral("postings[%1]").arg(i); };
        if (!lines.at(i).isObject())
            return badField(where, at(), QStringLiteral("must be an object"));
        const QJsonObject line = lines.at(i).toObject();
        if (!hasOnlyKeys(line, {"account", "currency", "amount"}, &unknown))
            return badField(where, at() + QLatin1Char('.') + unknown, QStringLiteral("is not a field of a posting"));
        const QJsonValue account = line.value(QStringLiteral("account"));
        if (!account.isString() || !Core::Accounts::isValidName(account.toString()))
            return badField(where, at() + QStringLiteral(".account"), QStringLiteral("must be a valid account name"));
        const QJsonValue code = line.value(QStringLiteral("currency"));
        const std::optional<Core::Currency> currency =
            code.isString() ? Core::Currency::fromCode(code.toString()) : std::nullopt;
        if (!currency)
            return badField(where, at() + QStringLiteral(".currency"), QStringLiteral("must be an ISO 4217 currency code"));
        const QJsonValue amountText = line.value(QStringLiteral("amount"));
        if (!amountText.isString())
            return badField(where, at() + QStringLiteral(".amount"), QStringLiteral("must be a decimal string such as \"-12.50\""));
        Core::Result<Core::Money> amount = Core::Money::parse(amountText.toString(), *currency);
        if (!amount)
            return badField(where, at() + QStringLiteral(".amount"), amount.message());
        entry.postings.append(Core::Posting{account.toString(), *amount});
    }
    const std::optional<QByteArray> previous = hashFrom(object.value(QStringLiteral("previousHash")));
    if (!previous)
        return badField(where, QStringLiteral("previousHash"), QStringLiteral("must be 64 lower-case hex digits"));
    entry.previousHash = *previous;
    const std::optional<QByteArray> hash = hashFrom(object.value(QStringLiteral("hash")));
    if (!hash)
        return badField(where, QStringLiteral("hash"), QStringLiteral("must be 64 lower-case hex digits"));
    entry.hash = *hash;
    if (auto valid = Core::validateDraft(Core::EntryDraft{entry.kind, entry.userName, entry.note, entry.references,
                                                          entry.postings});
        !valid)
        return makeError(valid.code(), QStringLiteral("%1 (sequence %2) is refused: %3").arg(where).arg(entry.sequence).arg(valid.message()));
    return entry;
}

QByteArray signingInput(const QByteArray &method, const QByteArray &pathAndQuery, const QString &terminalId,
                        qint64 timestampMs, const QByteArray &nonce, const QByteArray &body)
{
    return QByteArrayLiteral("slate-request-v1\n") + method + '\n' + pathAndQuery + '\n' + terminalId.toUtf8() + '\n'
        + QByteArray::number(timestampMs) + '\n' + nonce + '\n'
        + Core::sha256(body).toHex();
}

QByteArray signature(const QByteArray &secret, const QByteArray &input)
{
    return QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256).toHex();
}

bool signaturesEqual(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

namespace {
QByteArray randomBytes(int size)
{
    std::array<quint32, 16> words{};
    Q_ASSERT(size_t(size) <= sizeof(words));
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), size);
}
} // namespace

QByteArray newNonce() { return randomBytes(16).toHex(); }

QByteArray newSecret() { return randomBytes(kSecretSize); }

bool isValidNonce(const QByteArray &nonce)
{
    if (nonce.size() < kNonceLengthMin || nonce.size() > kNonceLengthMax)
        return false;
    for (char c : nonce) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
            return false;
    }
    return true;
}

} // namespace Slate::Sync::Protocol
