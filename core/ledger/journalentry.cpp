#include "ledger/journalentry.h"

#include "base/digest.h"
#include "ledger/accounts.h"
#include "base/textrules.h"
#include "base/uuidv7.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <charconv>

namespace Slate::Core {

namespace {

struct KindRow {
    EntryKind kind;
    const char16_t *name;
};

constexpr std::array<KindRow, 11> kKinds{{
    {EntryKind::TopUp, u"top-up"},
    {EntryKind::Adjustment, u"adjustment"},
    {EntryKind::Sale, u"sale"},
    {EntryKind::Refund, u"refund"},
    {EntryKind::Invoice, u"invoice"},
    {EntryKind::Payment, u"payment"},
    {EntryKind::Reversal, u"reversal"},
    {EntryKind::Float, u"float"},
    {EntryKind::CashIn, u"cash-in"},
    {EntryKind::CashOut, u"cash-out"},
    {EntryKind::CashDifference, u"cash-difference"},
}};

void appendDecimal(QByteArray &out, qint64 value)
{
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
    out.append(digits.data(), end - digits.data());
}

// Length-prefixed fields make the encoding unambiguous whatever the text contains.
void appendBytes(QByteArray &out, QByteArrayView bytes)
{
    appendDecimal(out, bytes.size());
    out += ':';
    out += bytes;
}

// Text as UTF-8; ASCII (ids, codes, account names, most names) is copied without a conversion.
void appendText(QByteArray &out, QStringView text)
{
    if (!isAscii(text)) {
        appendBytes(out, text.toUtf8());
        return;
    }
    appendDecimal(out, text.size());
    out += ':';
    appendAscii(out, text);
}

void appendTwo(char *to, int value)
{
    to[0] = char('0' + value / 10);
    to[1] = char('0' + value % 10);
}

} // namespace

namespace {
QStringView entryKindView(EntryKind kind)
{
    for (const KindRow &row : kKinds) {
        if (row.kind == kind)
            return QStringView(row.name);
    }
    return {};
}
} // namespace

QString entryKindName(EntryKind kind) { return entryKindView(kind).toString(); }

std::optional<EntryKind> entryKindFromName(QStringView name)
{
    for (const KindRow &row : kKinds) {
        if (name == QStringView(row.name))
            return row.kind;
    }
    return std::nullopt;
}

QByteArray genesisHash() { return QByteArray(kHashSize, '\0'); }

QDateTime nowUtc()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

QString timestampText(const QDateTime &utc)
{
    // Written digit by digit: QDateTime::toString with a format consulted the calendar for every
    // field, a tenth of the hashing of each entry of a push.
    if (!utc.isValid())
        return {};
    const QDateTime time = utc.timeSpec() == Qt::UTC ? utc : utc.toUTC();
    const QDate date = time.date();
    const QTime clock = time.time();
    if (date.year() < 0 || date.year() > 9999)
        return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    std::array<char, 24> text{};
    char *to = text.data();
    appendTwo(to, date.year() / 100);
    appendTwo(to + 2, date.year() % 100);
    to[4] = '-';
    appendTwo(to + 5, date.month());
    to[7] = '-';
    appendTwo(to + 8, date.day());
    to[10] = 'T';
    appendTwo(to + 11, clock.hour());
    to[13] = ':';
    appendTwo(to + 14, clock.minute());
    to[16] = ':';
    appendTwo(to + 17, clock.second());
    to[19] = '.';
    to[20] = char('0' + clock.msec() / 100);
    appendTwo(to + 21, clock.msec() % 100);
    to[23] = 'Z';
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

QDateTime timestampFromText(QStringView text)
{
    // Read field by field straight into UTC. QDateTime::fromString would first read the text as
    // local time: a UTC time that falls in the local daylight-saving gap (02:30Z on the last
    // Sunday of March in Europe/Oslo) came out invalid, so verify and export called such an
    // entry damaged; and every call consulted the time-zone database (a stat() per row).
    static constexpr char kShape[] = "dddd-dd-ddTdd:dd:dd.dddZ"; // d: an ASCII digit
    if (text.size() != qsizetype(sizeof(kShape) - 1))
        return {};
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (kShape[i] == 'd' ? (c < u'0' || c > u'9') : c != char16_t(kShape[i]))
            return {};
    }
    auto number = [text](qsizetype from, qsizetype length) {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i)
            value = value * 10 + int(text[i].unicode() - u'0');
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

QByteArray JournalEntry::canonicalEncoding() const
{
    QByteArray out;
    out.reserve(256 + 96 * postings.size());
    appendBytes(out, QByteArrayView("slate-entry-v1"));
    appendBytes(out, id.toByteArray(QUuid::WithoutBraces));
    appendText(out, terminalId);
    std::array<char, 24> number{};
    auto decimal = [&number](qint64 value) {
        return QByteArrayView(number.data(), std::to_chars(number.data(), number.data() + number.size(), value).ptr - number.data());
    };
    appendBytes(out, decimal(sequence));
    appendText(out, timestampText(createdUtc));
    appendText(out, entryKindView(kind));
    appendText(out, userName);
    appendText(out, note);
    appendText(out, references.customerId);
    appendText(out, references.orderId);
    appendText(out, references.overrideId);
    appendText(out, references.relatedEntryId);
    appendBytes(out, decimal(postings.size()));
    for (const Posting &posting : postings) {
        appendText(out, posting.account);
        appendText(out, posting.amount.currency().code());
        appendBytes(out, decimal(posting.amount.minorUnits()));
    }
    appendBytes(out, previousHash);
    return out;
}

QByteArray JournalEntry::computeHash() const
{
    return sha256(canonicalEncoding());
}

Result<void> validateDraft(const EntryDraft &draft)
{
    if (draft.postings.size() < 2)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A journal entry needs at least two postings; this %1 has %2.")
                             .arg(entryKindName(draft.kind))
                             .arg(draft.postings.size()));
    if (draft.postings.size() > kPostingsMax)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A journal entry may have at most %1 postings; this one has %2.")
                             .arg(kPostingsMax)
                             .arg(draft.postings.size()));
    if (draft.userName.trimmed().isEmpty() || draft.userName.size() > kUserNameLengthMax
        || hasControlCharacters(draft.userName))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A journal entry must name who made it (1 to %1 characters, no control characters).")
                             .arg(kUserNameLengthMax));
    if (draft.note.size() > kNoteLengthMax || hasControlCharacters(draft.note, Newlines::Allowed))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The note is too long or has control characters; keep it to %1 characters.")
                             .arg(kNoteLengthMax));
    // One sum per currency, in the order the currencies first appear (an entry has one or two).
    QVarLengthArray<Money, 4> sums;
    for (const Posting &posting : draft.postings) {
        if (!Accounts::isValidName(posting.account))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("\"%1\" is not a valid account name.").arg(posting.account));
        if (posting.amount.isZero())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Posting to %1 has a zero amount; leave it out.").arg(posting.account));
        Money *it = std::find_if(sums.begin(), sums.end(),
                                 [&posting](const Money &sum) { return sum.currency() == posting.amount.currency(); });
        if (it == sums.end()) {
            sums.append(posting.amount);
            continue;
        }
        Result<Money> sum = it->plus(posting.amount);
        if (!sum)
            return sum.error();
        *it = *sum;
    }
    // Reported in code order, as before, when more than one currency is off.
    std::sort(sums.begin(), sums.end(), [](const Money &a, const Money &b) { return a.currency().code() < b.currency().code(); });
    for (const Money &sum : sums) {
        if (!sum.isZero())
            return makeError(ErrorCode::Unbalanced,
                             QStringLiteral("The %1 entry does not balance: its %2 postings sum to %3 %2, not zero.")
                                 .arg(entryKindName(draft.kind), sum.currency().code(), sum.toDecimalString()));
    }
    return {};
}

} // namespace Slate::Core
