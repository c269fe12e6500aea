#include "money/currency.h"

#include <array>

namespace Slate::Core {

namespace {

struct CurrencyRow {
    const char16_t *code;
    int exponent;
};

// ISO 4217 exponents for the currencies a shop may keep its books in.
constexpr std::array<CurrencyRow, 44> kCurrencies{{
    {u"AED", 2}, {u"AUD", 2}, {u"BHD", 3}, {u"BRL", 2}, {u"CAD", 2}, {u"CHF", 2}, {u"CLP", 0},
    {u"CNY", 2}, {u"CZK", 2}, {u"DKK", 2}, {u"EUR", 2}, {u"GBP", 2}, {u"HKD", 2}, {u"HUF", 2},
    {u"IDR", 2}, {u"ILS", 2}, {u"INR", 2}, {u"ISK", 0}, {u"JOD", 3}, {u"JPY", 0}, {u"KRW", 0},
    {u"KWD", 3}, {u"LYD", 3}, {u"MXN", 2}, {u"MYR", 2}, {u"NOK", 2}, {u"NZD", 2}, {u"OMR", 3},
    {u"PHP", 2}, {u"PLN", 2}, {u"QAR", 2}, {u"RON", 2}, {u"SAR", 2}, {u"SEK", 2}, {u"SGD", 2},
    {u"THB", 2}, {u"TND", 3}, {u"TRY", 2}, {u"TWD", 2}, {u"UAH", 2}, {u"USD", 2}, {u"VND", 0},
    {u"XOF", 0}, {u"ZAR", 2},
}};

} // namespace

QList<Currency> Currency::all()
{
    // Built once: every Money of a posting read from a push or a page shares these codes' text.
    static const QList<Currency> currencies = [] {
        QList<Currency> list;
        list.reserve(qsizetype(kCurrencies.size()));
        for (const CurrencyRow &row : kCurrencies)
            list.append(Currency(QString::fromUtf16(row.code), row.exponent));
        return list;
    }();
    return currencies;
}

std::optional<Currency> Currency::fromCode(QStringView code)
{
    static const QList<Currency> currencies = all();
    for (const Currency &currency : currencies) {
        if (code == currency.code())
            return currency;
    }
    return std::nullopt;
}

qint64 Currency::minorPerMajor() const
{
    qint64 factor = 1;
    for (int i = 0; i < m_exponent; ++i)
        factor *= 10;
    return factor;
}

} // namespace Slate::Core
