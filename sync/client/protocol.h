#pragma once
// The sync protocol's shared parts (sync/PROTOCOL.md describes it for people): the bounds every
// request is held to, the JSON form of a journal entry, and the request signature. The till and
// the server both use these functions, so the two sides cannot disagree on a byte.

#include "ledger/journalentry.h"
#include "masterdata/masterdata.h"
#include "base/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Slate::Sync::Protocol {

// The protocol this program speaks (sync/PROTOCOL.md, "Versions"). Version 2: master data
// carries every amount as a decimal string with its currency. Paths keep /v1/; every request but
// health names its protocol in kProtocolHeader, a server refuses any other (426, naming both), and
// GET /v1/health answers the server's, which a till checks before it sends anything else.
constexpr int kProtocolVersion = 2;
// The protocol of a request that names none: version 1 had no header.
constexpr int kProtocolVersionUnnamed = 1;
inline const QByteArray kProtocolHeader = QByteArrayLiteral("x-slate-protocol");

constexpr qint64 kRequestBodyMax = 4 * 1024 * 1024; // bytes of one request body
constexpr int kPushBatchMax = 1000;                 // entries in one push
constexpr int kPullPageMax = 1000;                  // entries in one pull answer
constexpr int kPullPageDefault = 500;
constexpr int kKnownTerminalsMax = 10000;           // terminals named in one pull request
constexpr qint64 kClockSkewMaxMs = 5 * 60 * 1000;   // how far a request's time may be from the server's
constexpr int kNonceLengthMin = 16;
constexpr int kNonceLengthMax = 64;
constexpr int kSecretSize = 32;                     // bytes of a terminal's signing secret
constexpr int kEnrolmentCodeLengthMax = 64;
// An enrolment's request value (sync/PROTOCOL.md, "Enrolment"): kEnrolmentRequestBytes random
// bytes as unpadded base64url, made and kept by the till before it sends its code, so that a
// retry after a lost answer is known as the same enrolment.
constexpr int kEnrolmentRequestBytes = 32;
constexpr int kEnrolmentRequestLength = 43; // characters of its base64url form

// Request headers of an authenticated request (lower case, as HTTP/1.1 compares them).
inline const QByteArray kTerminalHeader = QByteArrayLiteral("x-slate-terminal");
inline const QByteArray kTimestampHeader = QByteArrayLiteral("x-slate-timestamp"); // Unix milliseconds
inline const QByteArray kNonceHeader = QByteArrayLiteral("x-slate-nonce");
inline const QByteArray kSignatureHeader = QByteArrayLiteral("x-slate-signature"); // lower-case hex

// The JSON form of an entry: amounts as locale-free decimal strings, hashes as hex.
QJsonObject entryToJson(const Core::JournalEntry &entry);
// The same as compact JSON text, appended to `out`: what a push and a pull page send. It parses to
// exactly entryToJson(entry); written directly because building QJsonObjects and serialising
// them was half of the server's work serving a pull page.
void appendEntryJson(QByteArray &out, const Core::JournalEntry &entry);
// {"entries":[…]} with `extra` (e.g. ",\"more\":true") before the closing brace.
QByteArray entriesJson(const QList<Core::JournalEntry> &entries, QByteArrayView extra = {});
// Reads one entry strictly: every field present with its type, no unknown field, postings
// balanced. `where` names it in messages, e.g. "entries[3]". The hash is checked against the
// content where the entry is stored (Journal::planForeign), once.
Core::Result<Core::JournalEntry> entryFromJson(const QJsonValue &value, const QString &where);

// A push body or a pull page: {"entries":[…]} and, on a page, "more". Other members are ignored
// (room for later versions); "entries" is required, once.
struct EntryPage {
    QList<Core::JournalEntry> entries;
    bool more = false;
};
struct EntryPageBounds {
    QString what; // "A push": the message says "A push carries 1 to 1000 entries; this one has 0."
    qsizetype minimum = 0;
    qsizetype maximum = 0;
};
// Reads a push body or a pull page straight from its text in one pass (simdjson's parser: the
// document is validated whole, UTF-8 included, before a field is read), each entry exactly as
// entryFromJson reads one. A key given twice is refused rather than one of them chosen. The
// server reads a push and the till a pull page with this one function, so whatever one side
// accepts, the other does.
Core::Result<EntryPage> entryPageFromJson(QByteArrayView text, const EntryPageBounds &bounds);

constexpr int kMasterPushMax = 1000;  // master-data changes in one push
constexpr int kMasterPullMax = 1000;  // master-data changes in one pull answer
constexpr int kMasterPullDefault = 500;

// The JSON form of a master-data change: {"kind", "key", "version", "node", "data"}; amounts in
// the data are decimal strings in the record's "currency" (Core::MasterData::validate).
QJsonObject masterChangeToJson(const Core::MasterChange &change);
// Reads one change strictly (fields, types, and the data by Core::MasterData::validate).
// `judge` says whose clock bounds the version (core/masterdata/masterdata.h): a till's for a
// pulled change, the server's for a pushed one.
Core::Result<Core::MasterChange> masterChangeFromJson(const QJsonValue &value, const QString &where,
                                                      Core::VersionJudge judge = Core::VersionJudge::Till);

// What the signature covers: method, path (with query), terminal, time, nonce and the body's SHA-256.
QByteArray signingInput(const QByteArray &method, const QByteArray &pathAndQuery, const QString &terminalId,
                        qint64 timestampMs, const QByteArray &nonce, const QByteArray &body);
// HMAC-SHA256 of the signing input with the terminal's secret, as lower-case hex.
QByteArray signature(const QByteArray &secret, const QByteArray &signingInput);
// Compares two signatures in constant time.
bool signaturesEqual(const QByteArray &a, const QByteArray &b);

QByteArray newNonce();  // 32 random hex characters
QByteArray newSecret(); // kSecretSize random bytes from the operating system

bool isValidNonce(const QByteArray &nonce);

// A new enrolment request value: kEnrolmentRequestBytes random bytes, unpadded base64url.
QString newEnrolmentRequest();
// True for exactly the form newEnrolmentRequest makes (kEnrolmentRequestLength characters of
// [A-Za-z0-9_-] that decode to kEnrolmentRequestBytes bytes and back to the same text).
bool isValidEnrolmentRequest(const QString &request);
// The enrolment code as it is compared: upper case, no dashes or spaces, O read as 0 and I, L as
// 1 (Crockford's base32), so a code typed in any of those ways is the same code.
QString normalizedEnrolmentCode(const QString &code);
// SHA-256 of the normalized code: what the server keeps of a code and the till of its pending one.
QByteArray enrolmentCodeHash(const QString &code);

// Reads an integral JSON number in [minimum, 2^53]; nullopt for anything else.
std::optional<qint64> integerFrom(const QJsonValue &value, qint64 minimum);

} // namespace Slate::Sync::Protocol
