#include "ledger/journalexport.h"

#include "base/uuidv7.h"

#include <QSet>

namespace Slate::Core {

namespace {

constexpr qint64 kProgressEveryEntries = 500;

// Text that goes into a ledger description or tag must stay on one line and must not start a
// comment (';') or end a tag value (',').
QString oneLine(QString text, bool inTag)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char(';'), QLatin1Char(','));
    if (inTag)
        text.replace(QLatin1Char(','), QLatin1Char(' '));
    return text.simplified();
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray ledgerTransaction(const JournalEntry &entry)
{
    QString description = entryKindName(entry.kind);
    if (!entry.note.isEmpty())
        description += QStringLiteral(": ") + oneLine(entry.note, false);
    QString text = entry.createdUtc.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" * (")
                   + entry.terminalId + QLatin1Char('/') + QString::number(entry.sequence) + QStringLiteral(") ")
                   + description + QLatin1Char('\n');
    text += QStringLiteral("    ; slate-id: ") + uuidText(entry.id) + QLatin1Char('\n');
    text += QStringLiteral("    ; time: ") + timestampText(entry.createdUtc) + QStringLiteral(", user: ")
            + oneLine(entry.userName, true);
    if (!entry.references.customerId.isEmpty())
        text += QStringLiteral(", customer: ") + entry.references.customerId;
    if (!entry.references.orderId.isEmpty())
        text += QStringLiteral(", order: ") + entry.references.orderId;
    if (!entry.references.overrideId.isEmpty())
        text += QStringLiteral(", override: ") + entry.references.overrideId;
    if (!entry.references.relatedEntryId.isEmpty())
        text += QStringLiteral(", related: ") + entry.references.relatedEntryId;
    text += QLatin1Char('\n');
    for (const Posting &posting : entry.postings) {
        const QString amount = posting.amount.toDecimalStringWithCode();
        text += QStringLiteral("    ") + posting.account.leftJustified(60) + QStringLiteral("  ")
                + amount.rightJustified(22) + QLatin1Char('\n');
    }
    text += QLatin1Char('\n');
    return text.toUtf8();
}

QByteArray csvRows(const JournalEntry &entry)
{
    QString text;
    const QStringList common{uuidText(entry.id),
                             entry.terminalId,
                             QString::number(entry.sequence),
                             timestampText(entry.createdUtc),
                             entryKindName(entry.kind),
                             csvField(entry.userName),
                             entry.references.customerId,
                             entry.references.orderId,
                             csvField(entry.note)};
    const QString prefix = common.join(QLatin1Char(','));
    for (const Posting &posting : entry.postings) {
        text += prefix + QLatin1Char(',') + posting.account + QLatin1Char(',') + posting.amount.currency().code()
                + QLatin1Char(',') + posting.amount.toDecimalString() + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

} // namespace

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    if (name == u"ledger")
        return ExportFormat::Ledger;
    if (name == u"csv")
        return ExportFormat::Csv;
    return std::nullopt;
}

Result<qint64> JournalExport::write(ExportFormat format, QIODevice &out, const ExportProgress &progress) const
{
    if (format == ExportFormat::Ledger) {
        if (auto header = writeLedgerHeader(out); !header)
            return header.error();
        return writeEntries(out, progress, ledgerTransaction);
    }
    const QByteArray header("entry_id,terminal_id,sequence,created_utc,kind,user,customer_id,order_id,note,account,currency,amount\r\n");
    if (out.write(header) != header.size())
        return makeError(ErrorCode::IoError, QStringLiteral("Could not write the export: %1.").arg(out.errorString()));
    return writeEntries(out, progress, csvRows);
}

Result<void> JournalExport::writeLedgerHeader(QIODevice &out) const
{
    const StoreIdentity &store = m_journal.identity();
    QString text = QStringLiteral("; Slate journal, store %1, terminal %2, exported %3\n\n")
                       .arg(store.storeCode, store.terminalId, timestampText(QDateTime::currentDateTimeUtc()));
    // Customer accounts carry the customer's card and name in a comment above them.
    Result<QList<AccountBalance>> accounts = m_journal.balances();
    if (!accounts)
        return accounts.error();
    // Declaring commodities and accounts lets `hledger check --strict` prove that nothing is
    // misspelt; the two-line commodity form is read by both hledger and ledger.
    QSet<QString> currencies;
    for (const AccountBalance &account : *accounts) {
        const Currency &currency = account.balance.currency();
        if (currencies.contains(currency.code()))
            continue;
        currencies.insert(currency.code());
        // hledger needs a decimal mark in the format; "1000." declares a currency without decimals (JPY).
        QString format = Money(currency.minorPerMajor() * 1000, currency).toDecimalString();
        if (currency.exponent() == 0)
            format += QLatin1Char('.');
        text += QStringLiteral("commodity %1\n    format %2 %1\n").arg(currency.code(), format);
    }
    text += QLatin1Char('\n');
    for (const AccountBalance &account : *accounts) {
        const QStringList segments = account.account.split(QLatin1Char(':'));
        const bool customerAccount = (segments.value(1) == QLatin1String("store-credit")
                                      || segments.value(1) == QLatin1String("receivable"))
                                     && segments.size() >= 3;
        if (customerAccount) {
            if (const std::optional<CustomerLabel> customer = m_labeller ? m_labeller(segments.at(2)) : std::nullopt)
                text += QStringLiteral("; customer %1: %2\n").arg(customer->card, oneLine(customer->name, false));
        }
        text += QStringLiteral("account ") + account.account + QLatin1Char('\n');
    }
    text += QLatin1Char('\n');
    const QByteArray bytes = text.toUtf8();
    if (out.write(bytes) != bytes.size())
        return makeError(ErrorCode::IoError, QStringLiteral("Could not write the export: %1.").arg(out.errorString()));
    return {};
}

Result<qint64> JournalExport::writeEntries(QIODevice &out, const ExportProgress &progress,
                                           const std::function<QByteArray(const JournalEntry &)> &render) const
{
    const Result<qint64> total = m_journal.entryCount();
    if (!total)
        return total.error();
    qint64 written = 0;
    std::optional<Error> failure;
    auto walked = m_journal.forEachEntry(EntryOrder::AsStored, [&](const JournalEntry &entry) {
        const QByteArray bytes = render(entry);
        if (out.write(bytes) != bytes.size()) {
            failure = makeError(ErrorCode::IoError, QStringLiteral("Could not write the export: %1.").arg(out.errorString()));
            return false;
        }
        ++written;
        if (progress && written % kProgressEveryEntries == 0 && !progress(written, *total)) {
            failure = makeError(ErrorCode::InvalidArgument, QStringLiteral("The export was cancelled."));
            return false;
        }
        return true;
    });
    if (!walked)
        return walked.error();
    if (failure)
        return *failure;
    if (progress)
        progress(written, *total);
    return written;
}

} // namespace Slate::Core
