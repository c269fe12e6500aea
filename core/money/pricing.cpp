#include "money/pricing.h"

namespace Slate::Core {

namespace {

Error lineError(qsizetype index, const SaleLineInput &line, const QString &problem)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("Line %1 (%2): %3").arg(index + 1).arg(line.sku.isEmpty() ? line.name : line.sku, problem));
}

Result<PricedLine> priceLine(qsizetype index, const SaleLineInput &line, PriceMode mode, const Currency &currency)
{
    if (!(line.unitPrice.currency() == currency) || !(line.discount.currency() == currency))
        return lineError(index, line, QStringLiteral("the price is not in %1.").arg(currency.code()));
    if (line.quantity < 1 || line.quantity > kLineQuantityMax)
        return lineError(index, line, QStringLiteral("quantity must be from 1 to %1, not %2.").arg(kLineQuantityMax).arg(line.quantity));
    if (line.unitPrice.isNegative())
        return lineError(index, line, QStringLiteral("the unit price %1 is negative.").arg(line.unitPrice.toDecimalString()));
    if (line.tax.rateBasisPoints < 0 || line.tax.rateBasisPoints > kTaxRateBasisPointsMax)
        return lineError(index, line, QStringLiteral("tax rate %1 bp is out of range.").arg(line.tax.rateBasisPoints));
    const Result<Money> extended = line.unitPrice.times(line.quantity);
    if (!extended)
        return lineError(index, line, extended.message());
    if (line.discount.isNegative() || line.discount.minorUnits() > extended->minorUnits())
        return lineError(index, line, QStringLiteral("the discount %1 must be between 0 and the line's %2.")
                                          .arg(line.discount.toDecimalString(), extended->toDecimalString()));
    const Result<Money> base = extended->minus(line.discount);
    if (!base)
        return base.error();
    const qint64 rate = line.tax.rateBasisPoints;
    if (mode == PriceMode::TaxInclusive) {
        const Result<Money> tax = base->scaled(rate, 10000 + rate, RoundingMode::HalfUp);
        if (!tax)
            return lineError(index, line, tax.message());
        const Result<Money> net = base->minus(*tax);
        if (!net)
            return net.error();
        return PricedLine{line, *base, *net, *tax};
    }
    const Result<Money> tax = base->scaled(rate, 10000, RoundingMode::HalfUp);
    if (!tax)
        return lineError(index, line, tax.message());
    const Result<Money> gross = base->plus(*tax);
    if (!gross)
        return lineError(index, line, gross.message());
    return PricedLine{line, *gross, *base, *tax};
}

} // namespace

Result<SaleTotals> priceSale(const QList<SaleLineInput> &lines, PriceMode mode, const Currency &currency)
{
    if (lines.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A sale needs at least one line."));
    if (lines.size() > kSaleLinesMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A sale may have at most %1 lines.").arg(kSaleLinesMax));
    SaleTotals totals{{}, Money::zero(currency), Money::zero(currency), Money::zero(currency), {}};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        Result<PricedLine> priced = priceLine(i, lines.at(i), mode, currency);
        if (!priced)
            return priced.error();
        const Result<Money> gross = totals.gross.plus(priced->gross);
        const Result<Money> net = totals.net.plus(priced->net);
        const Result<Money> tax = totals.tax.plus(priced->tax);
        const Result<Money> codeTax = totals.taxByCode.value(priced->input.tax.code, Money::zero(currency)).plus(priced->tax);
        if (!gross || !net || !tax || !codeTax)
            return makeError(ErrorCode::Overflow, QStringLiteral("The sale's total is out of range."));
        totals.gross = *gross;
        totals.net = *net;
        totals.tax = *tax;
        totals.taxByCode.insert(priced->input.tax.code, *codeTax);
        totals.lines.append(*priced);
    }
    return totals;
}

} // namespace Slate::Core
