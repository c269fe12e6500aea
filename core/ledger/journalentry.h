#pragma once
// A journal entry: one money movement as a list of postings that sums to zero per currency,
// with its place in a terminal's hash chain. Entries are immutable once stored; corrections are
// new entries. The canonical encoding below is what the hash covers and must never change for
// a given format version (it is part of the sync protocol).

#include "money/money.h"
#include "base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUuid>

#include <optional>

namespace Slate::Core {

// Float, CashIn, CashOut and CashDifference are the cash drawer's (checkout/cashdrawer.h,
// checkout/dayend.h): the opening float, cash paid in and out with a reason, and a Z report's
// counted-against-expected difference.
enum class EntryKind { TopUp, Adjustment, Sale, Refund, Invoice, Payment, Reversal, Float, CashIn, CashOut, CashDifference };

QString entryKindName(EntryKind kind); // "top-up", "adjustment", …
std::optional<EntryKind> entryKindFromName(QStringView name);

struct Posting {
    QString account;
    Money amount; // positive = debit, negative = credit
};

struct EntryReferences {
    QString customerId;     // the customer whose wallet or account moved, if any
    QString orderId;        // the sale or order
    QString overrideId;     // the manager override that authorised it
    QString relatedEntryId; // the entry this one reverses or refunds
};

// What a service asks the journal to record; the journal assigns id, sequence, time and hashes.
struct EntryDraft {
    EntryKind kind = EntryKind::Adjustment;
    QString userName; // who did it
    QString note;
    EntryReferences references;
    QList<Posting> postings;
};

struct JournalEntry {
    QUuid id;
    QString terminalId;
    qint64 sequence = 0; // 1, 2, 3 … per terminal, no gaps
    QDateTime createdUtc; // millisecond precision
    EntryKind kind = EntryKind::Adjustment;
    QString userName;
    QString note;
    EntryReferences references;
    QList<Posting> postings;
    QByteArray previousHash; // hash of the terminal's previous entry; 32 zero bytes for the first
    QByteArray hash;         // SHA-256 of canonicalEncoding()

    QByteArray canonicalEncoding() const;
    QByteArray computeHash() const;
};

constexpr int kHashSize = 32;
QByteArray genesisHash(); // 32 zero bytes
QDateTime nowUtc(); // the current time in UTC, at the millisecond precision that is stored
QString timestampText(const QDateTime &utc); // 2026-11-23T10:42:00.123Z
QDateTime timestampFromText(QStringView text); // invalid when malformed

constexpr qsizetype kNoteLengthMax = 500;
constexpr qsizetype kUserNameLengthMax = 100;
constexpr qsizetype kPostingsMax = 200;

// Checks a draft before anything is written: postings present, valid accounts, non-zero
// amounts, balanced per currency (the message names the remainder), text within bounds.
Result<void> validateDraft(const EntryDraft &draft);

} // namespace Slate::Core
