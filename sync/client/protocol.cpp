#include "client/protocol.h"

#include "base/digest.h"
#include "base/jsonnumbers.h"
#include "base/textrules.h"
#include "ledger/accounts.h"
#include "base/uuidv7.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <openssl/crypto.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string_view>

namespace Slate::Sync::Protocol {

using Core::ErrorCode;
using Core::makeError;

namespace {

constexpr qint64 kLargestExactInteger = qint64(1) << 53;

Core::Error badField(const QString &where, const QString &field, const QString &rule)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1.%2 %3.").arg(where, field, rule));
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

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Names an entry in a message only when one is needed: "entries[3]" is formatted for a refused
// entry, not for each of a thousand good ones.
struct Where {
    const QString *text = nullptr;
    const char *array = nullptr;
    qsizetype index = 0;
    QString operator()() const { return text ? *text : QStringLiteral("%1[%2]").arg(QLatin1String(array)).arg(index); }
};

// Called once the element's type is known to be right.
simdjson::dom::object objectOf(element value)
{
    simdjson::dom::object object;
    [[maybe_unused]] const simdjson::error_code error = value.get_object().get(object);
    Q_ASSERT(!error);
    return object;
}

simdjson::dom::array arrayOf(element value)
{
    simdjson::dom::array array;
    [[maybe_unused]] const simdjson::error_code error = value.get_array().get(array);
    Q_ASSERT(!error);
    return array;
}

std::string_view stringOf(element value) { return value.get_string().value_unsafe(); }

QString textOf(element value)
{
    const std::string_view text = stringOf(value);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString keyText(std::string_view key) { return QString::fromUtf8(key.data(), qsizetype(key.size())); }

// As Core::jsonInteger reads a QJsonValue: an integral number in [minimum, 2^53]. simdjson keeps
// integers written without a fraction or exponent as integers, so both forms are read alike.
std::optional<qint64> integerOf(element value, qint64 minimum)
{
    switch (value.type()) {
    case element_type::INT64: {
        const qint64 number = value.get_int64().value_unsafe();
        return number >= minimum && number <= kLargestExactInteger ? std::optional(number) : std::nullopt;
    }
    case element_type::UINT64:
        return std::nullopt; // above 2^63, so above 2^53
    case element_type::DOUBLE: {
        const double number = value.get_double().value_unsafe();
        if (!std::isfinite(number) || std::trunc(number) != number || number < double(minimum) || number > double(kLargestExactInteger))
            return std::nullopt;
        return qint64(number);
    }
    default:
        return std::nullopt;
    }
}

std::optional<QByteArray> hashOf(element value)
{
    if (value.type() != element_type::STRING)
        return std::nullopt;
    const std::string_view text = stringOf(value);
    if (text.size() != size_t(2 * Core::kHashSize))
        return std::nullopt;
    auto nibble = [](char c) { return c >= '0' && c <= '9' ? int(c - '0') : c >= 'a' && c <= 'f' ? int(c - 'a' + 10) : -1; };
    QByteArray hash(Core::kHashSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < Core::kHashSize; ++i) {
        const int high = nibble(text[size_t(2 * i)]);
        const int low = nibble(text[size_t(2 * i + 1)]);
        if (high < 0 || low < 0)
            return std::nullopt;
        hash[i] = char(high << 4 | low);
    }
    return hash;
}

// The members of an object with exactly the keys `names`, in the order of `names`: each key
// once, none other. Every key of an entry, its references and a posting is required, so a
// missing one is left empty for the caller, which refuses it for that field.
template <size_t N>
struct Members {
    std::array<element, N> value{};
    std::array<bool, N> present{};
};

template <size_t N>
std::optional<Core::Error> membersOf(simdjson::dom::object object, const std::array<std::string_view, N> &names, Members<N> &members,
                                     const std::function<QString()> &where, const QString &notAField)
{
    for (simdjson::dom::key_value_pair member : object) {
        size_t slot = 0;
        while (slot < N && names[slot] != member.key)
            ++slot;
        if (slot == N)
            return badField(where(), keyText(member.key).left(40), notAField);
        if (members.present[slot])
            return badField(where(), keyText(member.key), QStringLiteral("appears twice"));
        members.present[slot] = true;
        members.value[slot] = member.value;
    }
    return std::nullopt;
}

bool isString(const auto &members, size_t slot) { return members.present[slot] && members.value[slot].type() == element_type::STRING; }

Core::Result<Core::JournalEntry> entryFrom(element value, const Where &where)
{
    if (value.type() != element_type::OBJECT)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 must be a JSON object.").arg(where()));
    enum Field { Id, Terminal, Sequence, Created, Kind, UserName, Note, References, Postings, PreviousHash, Hash };
    static constexpr std::array<std::string_view, 11> kFields{"id",       "terminalId", "sequence", "createdUtc",   "kind", "userName",
                                                              "note",     "references", "postings", "previousHash", "hash"};
    Members<11> fields;
    simdjson::dom::object object;
    object = objectOf(value);
    if (auto refused = membersOf(object, kFields, fields, where, QStringLiteral("is not a field of an entry")))
        return *refused;
    Core::JournalEntry entry;
    entry.id = isString(fields, Id) ? Core::uuidFromText(textOf(fields.value[Id])) : QUuid();
    if (entry.id.isNull())
        return badField(where(), QStringLiteral("id"), QStringLiteral("must be a UUID string"));
    if (!isString(fields, Terminal) || !Core::Accounts::isValidCode(entry.terminalId = textOf(fields.value[Terminal])))
        return badField(where(), QStringLiteral("terminalId"),
                        QStringLiteral("must be a terminal code (1 to 32 letters, digits, '.', '_' or '-')"));
    const std::optional<qint64> sequence = fields.present[Sequence] ? integerOf(fields.value[Sequence], 1) : std::nullopt;
    if (!sequence)
        return badField(where(), QStringLiteral("sequence"), QStringLiteral("must be an integer of at least 1"));
    entry.sequence = *sequence;
    entry.createdUtc = isString(fields, Created) ? Core::timestampFromText(textOf(fields.value[Created])) : QDateTime();
    if (!entry.createdUtc.isValid())
        return badField(where(), QStringLiteral("createdUtc"), QStringLiteral("must be a UTC time like 2026-11-23T10:42:00.123Z"));
    const std::optional<Core::EntryKind> kind = isString(fields, Kind) ? Core::entryKindFromName(textOf(fields.value[Kind])) : std::nullopt;
    if (!kind)
        return badField(where(), QStringLiteral("kind"), QStringLiteral("must be an entry kind such as \"top-up\" or \"sale\""));
    entry.kind = *kind;
    for (const auto &[field, target] : {std::pair{UserName, &entry.userName}, std::pair{Note, &entry.note}}) {
        if (!isString(fields, size_t(field)))
            return badField(where(), keyText(kFields[size_t(field)]), QStringLiteral("must be a string"));
        *target = textOf(fields.value[size_t(field)]);
    }
    if (!fields.present[References] || fields.value[References].type() != element_type::OBJECT)
        return badField(where(), QStringLiteral("references"), QStringLiteral("must be an object"));
    static constexpr std::array<std::string_view, 4> kReferences{"customerId", "orderId", "overrideId", "relatedEntryId"};
    Members<4> refs;
    const auto referencesWhere = [&where]() -> QString { return where() + QStringLiteral(".references"); };
    simdjson::dom::object references;
    references = objectOf(fields.value[References]);
    if (auto refused = membersOf(references, kReferences, refs, referencesWhere,
                                 QStringLiteral("is not a reference of an entry")))
        return *refused;
    QString *const referenceTargets[] = {&entry.references.customerId, &entry.references.orderId, &entry.references.overrideId,
                                         &entry.references.relatedEntryId};
    for (size_t i = 0; i < kReferences.size(); ++i) {
        if (isString(refs, i))
            *referenceTargets[i] = textOf(refs.value[i]);
        if (!isString(refs, i) || referenceTargets[i]->size() > 100)
            return badField(where(), QStringLiteral("references.") + keyText(kReferences[i]),
                            QStringLiteral("must be a string of at most 100 characters"));
    }
    simdjson::dom::array lines;
    if (!fields.present[Postings] || fields.value[Postings].get_array().get(lines) || lines.size() > size_t(Core::kPostingsMax))
        return badField(where(), QStringLiteral("postings"),
                        QStringLiteral("must be an array of at most %1 postings").arg(Core::kPostingsMax));
    entry.postings.reserve(qsizetype(lines.size()));
    qsizetype i = 0;
    for (element line : lines) {
        const auto at = [&where, i]() -> QString { return where() + QStringLiteral(".postings[%1]").arg(i); };
        if (line.type() != element_type::OBJECT)
            return makeError(ErrorCode::InvalidArgument, at() + QStringLiteral(" must be an object."));
        enum PostingField { Account, Currency, Amount };
        static constexpr std::array<std::string_view, 3> kPosting{"account", "currency", "amount"};
        Members<3> posting;
        simdjson::dom::object fieldsOfLine;
        fieldsOfLine = objectOf(line);
        if (auto refused = membersOf(fieldsOfLine, kPosting, posting, at, QStringLiteral("is not a field of a posting")))
            return *refused;
        const QString account = isString(posting, Account) ? textOf(posting.value[Account]) : QString();
        if (!isString(posting, Account) || !Core::Accounts::isValidName(account))
            return makeError(ErrorCode::InvalidArgument, at() + QStringLiteral(".account must be a valid account name."));
        const std::optional<Core::Currency> currency =
            isString(posting, Currency) ? Core::Currency::fromCode(textOf(posting.value[Currency])) : std::nullopt;
        if (!currency)
            return makeError(ErrorCode::InvalidArgument, at() + QStringLiteral(".currency must be an ISO 4217 currency code."));
        if (!isString(posting, Amount))
            return makeError(ErrorCode::InvalidArgument, at() + QStringLiteral(".amount must be a decimal string such as \"-12.50\"."));
        Core::Result<Core::Money> amount = Core::Money::parse(textOf(posting.value[Amount]), *currency);
        if (!amount)
            return makeError(ErrorCode::InvalidArgument, at() + QStringLiteral(".amount ") + amount.message() + QLatin1Char('.'));
        entry.postings.append(Core::Posting{account, *amount});
        ++i;
    }
    const std::optional<QByteArray> previous = fields.present[PreviousHash] ? hashOf(fields.value[PreviousHash]) : std::nullopt;
    if (!previous)
        return badField(where(), QStringLiteral("previousHash"), QStringLiteral("must be 64 lower-case hex digits"));
    entry.previousHash = *previous;
    const std::optional<QByteArray> hash = fields.present[Hash] ? hashOf(fields.value[Hash]) : std::nullopt;
    if (!hash)
        return badField(where(), QStringLiteral("hash"), QStringLiteral("must be 64 lower-case hex digits"));
    entry.hash = *hash;
    if (auto valid = Core::validateDraft(Core::EntryDraft{entry.kind, entry.userName, entry.note, entry.references, entry.postings});
        !valid)
        return makeError(valid.code(),
                         QStringLiteral("%1 (sequence %2) is refused: %3").arg(where()).arg(entry.sequence).arg(valid.message()));
    return entry;
}

// One parser per thread, kept: it reuses its buffers from one document to the next.
simdjson::dom::parser &parser()
{
    thread_local simdjson::dom::parser kept;
    return kept;
}

Core::Result<element> documentOf(QByteArrayView text)
{
    element document;
    if (const simdjson::error_code error = parser().parse(text.data(), size_t(text.size())).get(document))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The body is not valid JSON: %1.").arg(QLatin1String(simdjson::error_message(error))));
    return document;
}

} // namespace

Core::Result<Core::JournalEntry> entryFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 must be a JSON object.").arg(where));
    Core::Result<element> document = documentOf(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (!document)
        return document.error();
    return entryFrom(*document, Where{&where});
}

Core::Result<EntryPage> entryPageFromJson(QByteArrayView text, const EntryPageBounds &bounds)
{
    Core::Result<element> document = documentOf(text);
    if (!document)
        return document.error();
    if (document->type() != element_type::OBJECT)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The body must be a JSON object."));
    EntryPage page;
    std::optional<simdjson::dom::array> array;
    simdjson::dom::object top;
    top = objectOf(*document);
    for (simdjson::dom::key_value_pair member : top) {
        if (member.key == "entries") {
            if (member.value.type() != element_type::ARRAY)
                return makeError(ErrorCode::InvalidArgument, QStringLiteral("\"entries\" must be an array of journal entries."));
            if (array)
                return makeError(ErrorCode::InvalidArgument, QStringLiteral("\"entries\" appears twice."));
            simdjson::dom::array entries;
            entries = arrayOf(member.value);
            array = entries;
        } else if (member.key == "more") {
            if (member.value.type() != element_type::BOOL)
                return makeError(ErrorCode::InvalidArgument, QStringLiteral("\"more\" must be true or false."));
            page.more = member.value.get_bool().value_unsafe();
        }
    }
    if (!array)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("\"entries\" must be an array of journal entries."));
    // simdjson counts up to 2^24 - 1 elements exactly and saturates there: far above any bound.
    const size_t count = array->size();
    if (count < size_t(bounds.minimum) || count > size_t(bounds.maximum))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 carries %2 to %3 entries; this one has %4.").arg(bounds.what).arg(bounds.minimum).arg(bounds.maximum).arg(count));
    page.entries.reserve(qsizetype(count));
    qsizetype index = 0;
    for (element value : *array) {
        Core::Result<Core::JournalEntry> entry = entryFrom(value, Where{nullptr, "entries", index++});
        if (!entry)
            return entry.error();
        page.entries.append(std::move(*entry));
    }
    return page;
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

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

QString newEnrolmentRequest() { return QString::fromLatin1(randomBytes(kEnrolmentRequestBytes).toBase64(kBase64Url)); }

bool isValidEnrolmentRequest(const QString &request)
{
    if (request.size() != kEnrolmentRequestLength)
        return false;
    for (QChar c : request) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-' || c == u'_'))
            return false;
    }
    // 43 characters carry 258 bits: the last one must leave the two spare bits zero, so that one
    // value has one spelling.
    const QByteArray text = request.toLatin1();
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(text, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == kEnrolmentRequestBytes && decoded.decoded.toBase64(kBase64Url) == text;
}

QString normalizedEnrolmentCode(const QString &code)
{
    QString out;
    for (QChar c : code.toUpper()) {
        if (c == u'-' || c == u' ')
            continue;
        if (c == u'O')
            c = u'0';
        else if (c == u'I' || c == u'L')
            c = u'1';
        out.append(c);
    }
    return out;
}

QByteArray enrolmentCodeHash(const QString &code) { return Core::sha256(normalizedEnrolmentCode(code).toUtf8()); }

} // namespace Slate::Sync::Protocol
