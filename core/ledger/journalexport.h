#pragma once
// Writes the journal for accounting tools: the plain-text journal format that hledger and
// ledger read (account declarations, then one transaction per entry with its id, terminal and
// sequence as tags), or CSV with one row per posting. Streams entry by entry, so a journal of
// millions of entries needs no more memory than one.

#include "ledger/journal.h"

#include <QIODevice>

#include <functional>

namespace Slate::Core {

enum class ExportFormat { Ledger, Csv };

std::optional<ExportFormat> exportFormatFromName(QStringView name); // "ledger" | "csv"

// Called every few hundred entries; return false to cancel the export.
using ExportProgress = std::function<bool(qint64 entriesDone, qint64 entriesTotal)>;

// The card and name of a customer, for the comment above their accounts; nullopt when unknown.
// The export knows accounts, not customers: whoever wires it (Store) hands this in.
struct CustomerLabel {
    QString card;
    QString name;
};
using CustomerLabeller = std::function<std::optional<CustomerLabel>(const QString &customerId)>;

class JournalExport {
public:
    JournalExport(const Journal &journal, CustomerLabeller labeller) : m_journal(journal), m_labeller(std::move(labeller)) {}

    // Returns the number of entries written.
    Result<qint64> write(ExportFormat format, QIODevice &out, const ExportProgress &progress = {}) const;

private:
    Result<qint64> writeEntries(QIODevice &out, const ExportProgress &progress,
                                const std::function<QByteArray(const JournalEntry &)> &render) const;
    Result<void> writeLedgerHeader(QIODevice &out) const;

    const Journal &m_journal;
    CustomerLabeller m_labeller;
};

} // namespace Slate::Core
