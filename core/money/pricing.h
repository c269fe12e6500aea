#pragma once
// Pricing of a sale: line amounts, discounts and tax per code, with explicit rounding. Tax is
// rounded per line (half away from zero) and the line's net is derived from it, so that for
// every line gross = net + tax exactly, and a sale's postings balance to the minor unit.
//
//   tax-inclusive prices:  gross = price x qty - discount;  tax = gross x r / (1 + r);  net = gross - tax
//   tax-exclusive prices:  net = price x qty - discount;    tax = net x r;              gross = net + tax

#include "money/money.h"

#include <QList>
#include <QMap>

namespace Slate::Core {

struct TaxCode {
    QString code;           // e.g. "STD", an account segment
    int rateBasisPoints = 0; // 2500 = 25 %
    QString name;
};

enum class PriceMode { TaxInclusive, TaxExclusive };

struct SaleLineInput {
    QString sku;
    QString name;
    qint64 quantity = 1;    // whole units, 1 or more
    Money unitPrice;        // as the store lists it (inclusive or exclusive per PriceMode)
    Money discount;         // off the whole line, 0 .. unitPrice x quantity
    TaxCode tax;
};

struct PricedLine {
    SaleLineInput input;
    Money gross; // what the customer pays for the line
    Money net;   // income
    Money tax;
};

struct SaleTotals {
    QList<PricedLine> lines;
    Money gross;
    Money net;
    Money tax;
    QMap<QString, Money> taxByCode; // tax code -> tax of all lines with that code
};

constexpr int kTaxRateBasisPointsMax = 10000; // 100 %
constexpr qint64 kLineQuantityMax = 1000000;
constexpr qsizetype kSaleLinesMax = 500;

// Prices the lines. Fails (naming the line) on a bad quantity, a negative price, a discount
// larger than the line, a mixed currency, a bad tax rate or an overflowing amount.
Result<SaleTotals> priceSale(const QList<SaleLineInput> &lines, PriceMode mode, const Currency &currency);

} // namespace Slate::Core
