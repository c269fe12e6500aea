#include "import/csvimport.h"

#include <QHash>
#include <QIODevice>
#include <QRegularExpression>
#include <QStringDecoder>

#include <functional>

namespace Slate::Core {

namespace {

constexpr qint64 kReadChunkBytes = 64 * 1024;

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

// Errors a service reports about the record itself (a line problem), as opposed to storage
// failures, which stop the whole import.
bool isAboutTheRecord(ErrorCode code)
{
    return code == ErrorCode::InvalidArgument || code == ErrorCode::AlreadyExists || code == ErrorCode::NotFound
           || code == ErrorCode::Overflow;
}

} // namespace

QString ImportProblem::toText() const
{
    if (column.isEmpty())
        return QStringLiteral("line %1: %2").arg(line).arg(message);
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column, message);
}

bool CsvReader::fill()
{
    if (m_position < m_buffer.size())
        return true;
    if (m_deviceDone)
        return false;
    m_buffer = m_device.read(kReadChunkBytes);
    m_position = 0;
    if (m_buffer.isEmpty())
        m_deviceDone = true;
    return !m_buffer.isEmpty();
}

bool CsvReader::atEnd() { return !fill(); }

Result<std::optional<CsvRecord>> CsvReader::next()
{
    if (!m_started) {
        m_started = true;
        fill();
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_position = 3;
    }
    // Blank lines (also the usual empty last line) separate nothing and are skipped.
    while (!atEnd() && (peek() == '\n' || peek() == '\r')) {
        const char c = peek();
        ++m_position;
        if (c == '\r' && !atEnd() && peek() == '\n')
            ++m_position;
        ++m_line;
    }
    if (atEnd())
        return std::optional<CsvRecord>();
    if (++m_records > m_limits.recordsMax)
        return invalid(QStringLiteral("The file has more than %1 rows (line %2); split it into smaller files.")
                           .arg(m_limits.recordsMax - 1)
                           .arg(m_line));

    CsvRecord record;
    record.line = m_line;
    qsizetype recordBytes = 0;
    QByteArray field;
    QList<QByteArray> rawFields;
    auto tooLong = [&] {
        return invalid(QStringLiteral("The record on line %1 is longer than %2 bytes; is this a CSV file?")
                           .arg(record.line)
                           .arg(m_limits.recordBytesMax));
    };
    auto setProblem = [&](const QString &problem) {
        if (record.problem.isEmpty())
            record.problem = problem;
    };
    for (;;) {
        if (!atEnd() && peek() == '"') {
            ++m_position;
            const qint64 quoteLine = m_line;
            for (;;) {
                if (atEnd())
                    return invalid(QStringLiteral("The quoted field that starts on line %1 is never closed; "
                                                  "a '\"' inside a field must be written twice (\"\").")
                                       .arg(quoteLine));
                const char c = peek();
                ++m_position;
                if (++recordBytes > m_limits.recordBytesMax)
                    return tooLong();
                if (c == '"') {
                    if (!atEnd() && peek() == '"') {
                        ++m_position;
                        field.append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\n' || (c == '\r' && (atEnd() || peek() != '\n')))
                    ++m_line;
                field.append(c);
            }
            // After the closing quote only a comma or the end of the line may follow.
            while (!atEnd() && peek() != ',' && peek() != '\n' && peek() != '\r') {
                setProblem(QStringLiteral("text follows the closing quote of field %1; enclose the whole field in quotes.")
                               .arg(rawFields.size() + 1));
                ++m_position;
                if (++recordBytes > m_limits.recordBytesMax)
                    return tooLong();
            }
        } else {
            while (!atEnd() && peek() != ',' && peek() != '\n' && peek() != '\r') {
                if (peek() == '"')
                    setProblem(QStringLiteral("field %1 has a '\"' but does not start with one; enclose the field in quotes "
                                              "and write the quote twice (\"\").")
                                   .arg(rawFields.size() + 1));
                field.append(peek());
                ++m_position;
                if (++recordBytes > m_limits.recordBytesMax)
                    return tooLong();
            }
        }
        rawFields.append(field);
        field.clear();
        if (atEnd())
            break;
        const char c = peek();
        ++m_position;
        if (++recordBytes > m_limits.recordBytesMax)
            return tooLong();
        if (c == ',')
            continue;
        if (c == '\r' && !atEnd() && peek() == '\n')
            ++m_position;
        ++m_line;
        break;
    }
    for (const QByteArray &raw : std::as_const(rawFields)) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(raw);
        if (decoder.hasError())
            setProblem(QStringLiteral("field %1 is not valid UTF-8; save the file as UTF-8.").arg(record.fields.size() + 1));
        record.fields.append(text);
    }
    return std::optional<CsvRecord>(std::move(record));
}

namespace {

// One data line, its values looked up by column name.
class Row {
public:
    Row(const CsvRecord &record, const QHash<QString, qsizetype> &columns) : m_record(record), m_columns(columns) {}
    qint64 line() const { return m_record.line; }
    bool has(const QString &column) const { return m_columns.contains(column); }
    // The value with surrounding spaces removed (spreadsheets often pad after the comma).
    QString value(const QString &column) const
    {
        const qsizetype index = m_columns.value(column, -1);
        return index < 0 ? QString() : m_record.fields.at(index).trimmed();
    }
    ImportProblem problem(const QString &column, const QString &message) const { return ImportProblem{line(), column, message}; }

private:
    const CsvRecord &m_record;
    const QHash<QString, qsizetype> &m_columns;
};

struct Format {
    QStringList required;
    QStringList optional;
    QString synopsis() const
    {
        QString text = required.join(QLatin1Char(','));
        if (!optional.isEmpty())
            text += QStringLiteral("[,") + optional.join(QLatin1Char(',')) + QLatin1Char(']');
        return text;
    }
};

// Imports one line: nothing when it went in, a problem when the line is bad, an Error when
// storage failed (which stops the import).
using LineImporter = std::function<Result<std::optional<ImportProblem>>(const Row &)>;

Result<QHash<QString, qsizetype>> readHeader(CsvReader &reader, const Format &format)
{
    Result<std::optional<CsvRecord>> header = reader.next();
    if (!header)
        return header.error();
    if (!header->has_value())
        return invalid(QStringLiteral("The file is empty; its first line must be the header %1.").arg(format.synopsis()));
    const CsvRecord &record = **header;
    if (!record.problem.isEmpty())
        return invalid(QStringLiteral("The header on line %1 is malformed: %2").arg(record.line).arg(record.problem));
    QHash<QString, qsizetype> columns;
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        const QString name = record.fields.at(i).trimmed().toLower();
        if (name.isEmpty())
            return invalid(QStringLiteral("Column %1 of the header on line %2 has no name; the header must be %3.")
                               .arg(i + 1)
                               .arg(record.line)
                               .arg(format.synopsis()));
        if (!format.required.contains(name) && !format.optional.contains(name))
            return invalid(QStringLiteral("The header names an unknown column \"%1\" (column %2); the columns are %3.")
                               .arg(record.fields.at(i))
                               .arg(i + 1)
                               .arg(format.synopsis()));
        if (columns.contains(name))
            return invalid(QStringLiteral("The header names column \"%1\" twice (columns %2 and %3).")
                               .arg(name)
                               .arg(columns.value(name) + 1)
                               .arg(i + 1));
        columns.insert(name, i);
    }
    QStringList missing;
    for (const QString &name : format.required) {
        if (!columns.contains(name))
            missing.append(name);
    }
    if (!missing.isEmpty())
        return invalid(QStringLiteral("The header lacks the column(s) %1; the columns are %2.")
                           .arg(missing.join(QStringLiteral(", ")), format.synopsis()));
    return columns;
}

Result<ImportReport> runImport(Database &database, QIODevice &device, ImportMode mode, CsvLimits limits, const Format &format,
                               const LineImporter &importLine)
{
    if (!device.isOpen() || !device.isReadable())
        return makeError(ErrorCode::IoError, QStringLiteral("The CSV file is not open for reading."));
    // One transaction: an AllOrNothing import with a bad line, or a storage error midway, leaves
    // the database as it was; a SkipBad import commits its good lines at once.
    Transaction transaction(database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    CsvReader reader(device, limits);
    Result<QHash<QString, qsizetype>> columns = readHeader(reader, format);
    if (!columns)
        return columns.error();
    ImportReport report;
    auto skip = [&report](const ImportProblem &problem) {
        ++report.skippedCount;
        if (report.skipped.size() < kImportProblemsListedMax)
            report.skipped.append(problem);
    };
    for (;;) {
        Result<std::optional<CsvRecord>> record = reader.next();
        if (!record)
            return record.error();
        if (!record->has_value())
            break;
        const CsvRecord &current = **record;
        if (!current.problem.isEmpty()) {
            skip(ImportProblem{current.line, QString(), current.problem});
            continue;
        }
        if (current.fields.size() != columns->size()) {
            skip(ImportProblem{current.line, QString(),
                               QStringLiteral("the line has %1 values but the header has %2 columns.")
                                   .arg(current.fields.size())
                                   .arg(columns->size())});
            continue;
        }
        Result<std::optional<ImportProblem>> done = importLine(Row(current, *columns));
        if (!done)
            return done.error();
        if (done->has_value())
            skip(**done);
        else
            ++report.imported;
    }
    if (mode == ImportMode::AllOrNothing && report.skippedCount > 0) {
        report.refused = true;
        report.imported = 0;
        return report; // the transaction rolls back
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return report;
}

// Runs a service call for a line in its own savepoint, so that a refused line leaves nothing.
template <typename T>
Result<std::optional<ImportProblem>> lineProblemFrom(const Result<T> &result, const Row &row, const QString &column = QString())
{
    if (result.ok())
        return std::optional<ImportProblem>();
    if (isAboutTheRecord(result.code()))
        return std::optional<ImportProblem>(row.problem(column, result.message()));
    return result.error();
}

std::optional<ImportProblem> amountProblem(const Row &row, const QString &column, const QString &label, const Currency &currency,
                                           qint64 &minorUnits)
{
    const QString text = row.value(column);
    Result<Money> amount = Money::parse(text, currency);
    if (!amount)
        return row.problem(column, label + QStringLiteral(": ") + amount.message());
    if (amount->isNegative())
        return row.problem(column, QStringLiteral("%1 \"%2\" is negative; give 0 or more.").arg(label, text));
    minorUnits = amount->minorUnits();
    return std::nullopt;
}

} // namespace

Result<ImportReport> importProducts(Database &database, ProductCatalog &catalog, QIODevice &device, ImportMode mode, CsvLimits limits)
{
    const Format format{{QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("price"), QStringLiteral("tax_code")},
                        {QStringLiteral("barcode")}};
    QHash<QString, qint64> skuLines;
    QHash<QString, qint64> barcodeLines;
    const LineImporter importLine = [&](const Row &row) -> Result<std::optional<ImportProblem>> {
        using Problem = std::optional<ImportProblem>;
        const QString sku = row.value(QStringLiteral("sku"));
        const QString barcode = row.value(QStringLiteral("barcode"));
        if (auto ok = ProductRules::checkSku(sku); !ok)
            return Problem(row.problem(QStringLiteral("sku"), ok.message()));
        if (const qint64 first = skuLines.value(sku); first > 0)
            return Problem(row.problem(QStringLiteral("sku"), QStringLiteral("SKU \"%1\" is already on line %2 of this file.").arg(sku).arg(first)));
        skuLines.insert(sku, row.line());
        if (auto ok = ProductRules::checkName(row.value(QStringLiteral("name"))); !ok)
            return Problem(row.problem(QStringLiteral("name"), ok.message()));
        const QString priceText = row.value(QStringLiteral("price"));
        Result<Money> price = Money::parse(priceText, catalog.currency());
        if (!price)
            return Problem(row.problem(QStringLiteral("price"), QStringLiteral("Price: ") + price.message()));
        if (auto ok = ProductRules::checkPrice(*price, catalog.currency()); !ok)
            return Problem(row.problem(QStringLiteral("price"), ok.message()));
        const QString taxCode = row.value(QStringLiteral("tax_code"));
        if (Result<TaxCode> tax = catalog.taxCode(taxCode); !tax)
            return lineProblemFrom(tax, row, QStringLiteral("tax_code"));
        if (auto ok = ProductRules::checkBarcode(barcode); !ok)
            return Problem(row.problem(QStringLiteral("barcode"), ok.message()));
        if (!barcode.isEmpty()) {
            if (const qint64 first = barcodeLines.value(barcode); first > 0)
                return Problem(row.problem(QStringLiteral("barcode"),
                                           QStringLiteral("Barcode \"%1\" is already on line %2 of this file.").arg(barcode).arg(first)));
            barcodeLines.insert(barcode, row.line());
            Result<Product> holder = catalog.byBarcode(barcode);
            if (holder)
                return Problem(row.problem(QStringLiteral("barcode"), QStringLiteral("Barcode %1 already belongs to %2 \"%3\".")
                                                                          .arg(barcode, holder->sku, holder->name)));
            if (holder.code() != ErrorCode::NotFound)
                return holder.error();
        }
        Result<Product> added = catalog.addProduct(NewProduct{sku, barcode, row.value(QStringLiteral("name")), *price, taxCode});
        return lineProblemFrom(added, row, added.ok() || added.code() != ErrorCode::AlreadyExists ? QString() : QStringLiteral("sku"));
    };
    return runImport(database, device, mode, limits, format, importLine);
}

Result<ImportReport> importCustomers(Database &database, CustomerDirectory &customers, const Currency &currency, QIODevice &device,
                                     ImportMode mode, CsvLimits limits)
{
    const Format format{{QStringLiteral("card"), QStringLiteral("name")},
                        {QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("credit_limit"), QStringLiteral("overdraft"),
                         QStringLiteral("terms_days"), QStringLiteral("blocked")}};
    static const QRegularExpression daysPattern(QStringLiteral("^[0-9]{1,3}\\z"));
    QHash<QString, qint64> cardLines;
    const LineImporter importLine = [&](const Row &row) -> Result<std::optional<ImportProblem>> {
        using Problem = std::optional<ImportProblem>;
        const NewCustomer draft{row.value(QStringLiteral("card")), row.value(QStringLiteral("name")), row.value(QStringLiteral("phone")),
                                row.value(QStringLiteral("email"))};
        // Each field is checked on its own (the others standing in as valid) to name its column.
        const QString validCard = QStringLiteral("1");
        const QString validName = QStringLiteral("x");
        const std::pair<QString, NewCustomer> fieldChecks[] = {
            {QStringLiteral("card"), NewCustomer{draft.card, validName, QString(), QString()}},
            {QStringLiteral("name"), NewCustomer{validCard, draft.name, QString(), QString()}},
            {QStringLiteral("phone"), NewCustomer{validCard, validName, draft.phone, QString()}},
            {QStringLiteral("email"), NewCustomer{validCard, validName, QString(), draft.email}},
        };
        for (const auto &[column, check] : fieldChecks) {
            if (auto ok = validateNewCustomer(check); !ok)
                return Problem(row.problem(column, ok.message()));
        }
        if (const qint64 first = cardLines.value(draft.card); first > 0)
            return Problem(row.problem(QStringLiteral("card"),
                                       QStringLiteral("Card \"%1\" is already on line %2 of this file.").arg(draft.card).arg(first)));
        cardLines.insert(draft.card, row.line());
        if (Result<Customer> holder = customers.byCard(draft.card); holder)
            return Problem(row.problem(QStringLiteral("card"), QStringLiteral("Card %1 already belongs to %2.").arg(draft.card, holder->name)));
        else if (holder.code() != ErrorCode::NotFound)
            return holder.error();

        CreditTerms terms;
        if (!row.value(QStringLiteral("credit_limit")).isEmpty()) {
            if (Problem bad = amountProblem(row, QStringLiteral("credit_limit"), QStringLiteral("Credit limit"), currency,
                                            terms.creditLimitMinorUnits))
                return bad;
        }
        const QString overdraft = row.value(QStringLiteral("overdraft"));
        if (!overdraft.isEmpty() && overdraft.toLower() != QLatin1String("none")) {
            qint64 limit = 0;
            if (Problem bad = amountProblem(row, QStringLiteral("overdraft"), QStringLiteral("Overdraft limit"), currency, limit))
                return bad;
            terms.overdraftLimitMinorUnits = limit;
        }
        const QString days = row.value(QStringLiteral("terms_days"));
        if (!days.isEmpty()) {
            if (!daysPattern.match(days).hasMatch() || days.toInt() > kPaymentTermsDaysMax)
                return Problem(row.problem(QStringLiteral("terms_days"), QStringLiteral("Payment terms \"%1\" are not valid; give 0 to %2 days.")
                                                                             .arg(days)
                                                                             .arg(kPaymentTermsDaysMax)));
            terms.paymentTermsDays = days.toInt();
        }
        const QString blocked = row.value(QStringLiteral("blocked")).toLower();
        if (blocked == QLatin1String("yes") || blocked == QLatin1String("true") || blocked == QLatin1String("1"))
            terms.blocked = true;
        else if (!blocked.isEmpty() && blocked != QLatin1String("no") && blocked != QLatin1String("false") && blocked != QLatin1String("0"))
            return Problem(row.problem(QStringLiteral("blocked"), QStringLiteral("Blocked \"%1\" is not valid; write yes or no.")
                                                                      .arg(row.value(QStringLiteral("blocked")))));

        // The customer and their terms go in together or not at all.
        Transaction line(database);
        if (auto begun = line.begin(); !begun)
            return begun.error();
        Result<Customer> added = customers.add(draft);
        if (!added)
            return lineProblemFrom(added, row);
        const CreditTerms defaults;
        if (terms.creditLimitMinorUnits != defaults.creditLimitMinorUnits || terms.overdraftLimitMinorUnits.has_value()
            || terms.paymentTermsDays != defaults.paymentTermsDays || terms.blocked != defaults.blocked) {
            Result<Customer> updated = customers.setTerms(added->id, terms);
            if (!updated)
                return lineProblemFrom(updated, row);
        }
        if (auto committed = line.commit(); !committed)
            return committed.error();
        return Problem();
    };
    return runImport(database, device, mode, limits, format, importLine);
}

} // namespace Slate::Core
