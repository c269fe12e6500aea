#pragma once
// CSV import of products and customers. The reader follows RFC 4180 (quoted fields, doubled
// quotes, commas and line breaks inside quotes, CRLF or LF line ends, an optional UTF-8 BOM) and
// is bounded, so a wrong or hostile file is refused instead of filling memory. The importers
// take the columns by the header's names in any order and report every bad line with its line
// number, column and value; either nothing is imported when any line is bad, or, when asked,
// the good lines are imported and the bad ones listed.

#include "catalog/catalog.h"
#include "customers/customer.h"

#include <QList>
#include <QStringList>

#include <optional>

class QIODevice;

namespace Slate::Core {

struct CsvLimits {
    qsizetype recordBytesMax = 64 * 1024; // one record, quoted line breaks included
    qint64 recordsMax = 100000 + 1;       // data rows plus the header
};

struct CsvRecord {
    qint64 line = 0;    // the physical line (1-based) where the record starts
    QStringList fields;
    QString problem;    // not empty: the record is malformed (e.g. text after a closing quote)
};

// Reads records one at a time. Blank lines are skipped. A record longer than the limit, more
// records than the limit and an unterminated quoted field stop the reading with an Error.
class CsvReader {
public:
    explicit CsvReader(QIODevice &device, CsvLimits limits = {}) : m_device(device), m_limits(limits) {}
    // The next record, or nothing at the end of the file.
    Result<std::optional<CsvRecord>> next();

private:
    bool fill();
    bool atEnd();
    char peek() const { return m_buffer.at(m_position); }

    QIODevice &m_device;
    CsvLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_position = 0;
    qint64 m_line = 1;
    qint64 m_records = 0;
    bool m_started = false;
    bool m_deviceDone = false;
};

enum class ImportMode {
    AllOrNothing, // any bad line: nothing is imported, every bad line is reported
    SkipBad,      // the good lines are imported, the bad ones reported as skipped
};

struct ImportProblem {
    qint64 line = 0;
    QString column;  // empty when the whole line is wrong
    QString message; // names the value and what is wrong with it

    QString toText() const;
};

constexpr qsizetype kImportProblemsListedMax = 100;

struct ImportReport {
    qint64 imported = 0;
    qint64 skippedCount = 0;      // every bad line, also those beyond the listed ones
    QList<ImportProblem> skipped; // the first kImportProblemsListedMax bad lines
    bool refused = false;         // AllOrNothing found bad lines: nothing was imported
};

// Header: sku,name,price,tax_code[,barcode] in any order. Prices are locale-free decimals.
// The import runs in one transaction on `database`, the one the catalog or directory uses.
Result<ImportReport> importProducts(Database &database, ProductCatalog &catalog, QIODevice &device, ImportMode mode,
                                    CsvLimits limits = {});
// Header: card,name[,phone,email,credit_limit,overdraft,terms_days,blocked] in any order.
// overdraft is an amount or empty/"none" (no overdraft); blocked is yes/no/true/false/1/0.
Result<ImportReport> importCustomers(Database &database, CustomerDirectory &customers, const Currency &currency, QIODevice &device,
                                     ImportMode mode, CsvLimits limits = {});

} // namespace Slate::Core
