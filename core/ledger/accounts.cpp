#include "ledger/accounts.h"

#include <QList>

namespace Slate::Core {

std::optional<PaymentJournal> paymentJournalFromName(QStringView name)
{
    if (name == u"cash")
        return PaymentJournal::Cash;
    if (name == u"bank")
        return PaymentJournal::Bank;
    if (name == u"card")
        return PaymentJournal::Card;
    return std::nullopt;
}

QString paymentJournalName(PaymentJournal journal)
{
    switch (journal) {
    case PaymentJournal::Cash: return QStringLiteral("cash");
    case PaymentJournal::Bank: return QStringLiteral("bank");
    case PaymentJournal::Card: return QStringLiteral("card");
    }
    return {};
}

namespace Accounts {

QString cash(const QString &storeCode, const QString &terminalId)
{
    return QStringLiteral("assets:cash:") + storeCode + QLatin1Char(':') + terminalId;
}

QString card(const QString &storeCode) { return QStringLiteral("assets:card:") + storeCode; }
QString bank() { return QStringLiteral("assets:bank"); }

QString forPaymentJournal(PaymentJournal journal, const QString &storeCode, const QString &terminalId)
{
    switch (journal) {
    case PaymentJournal::Cash: return cash(storeCode, terminalId);
    case PaymentJournal::Bank: return bank();
    case PaymentJournal::Card: return card(storeCode);
    }
    return {};
}

QString storeCredit(const QString &customerId) { return QStringLiteral("liabilities:store-credit:") + customerId; }
QString receivablePrefix(const QString &customerId) { return QStringLiteral("assets:receivable:") + customerId + QLatin1Char(':'); }
QString receivableAccrued(const QString &customerId, const QString &storeCode)
{
    return receivablePrefix(customerId) + QStringLiteral("accrued:") + storeCode;
}
QString receivableInvoiced(const QString &customerId, const QString &storeCode, const QString &invoiceNumber)
{
    return receivablePrefix(customerId) + QStringLiteral("invoiced:") + storeCode + QLatin1Char(':') + invoiceNumber;
}
QString cashRounding(const QString &storeCode) { return QStringLiteral("income:cash-rounding:") + storeCode; }
QString salesIncome(const QString &storeCode) { return QStringLiteral("income:sales:") + storeCode; }
QString tax(const QString &taxCode) { return QStringLiteral("liabilities:tax:") + taxCode; }
QString creditAdjustments() { return QStringLiteral("expenses:credit-adjustments"); }
QString safe(const QString &storeCode) { return QStringLiteral("assets:safe:") + storeCode; }
QString cashDifferences(const QString &storeCode) { return QStringLiteral("expenses:cash-differences:") + storeCode; }

namespace {
bool isSegment(QStringView segment, qsizetype maxLength)
{
    if (segment.isEmpty() || segment.size() > maxLength)
        return false;
    for (QChar c : segment) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                             || u == u'.' || u == u'_' || u == u'-';
        if (!allowed)
            return false;
    }
    return true;
}
} // namespace

bool isValidName(QStringView name)
{
    // Segment by segment in place (every posting of every push is checked).
    qsizetype segments = 0;
    qsizetype from = 0;
    while (true) {
        const qsizetype colon = name.indexOf(QLatin1Char(':'), from);
        const QStringView segment = name.mid(from, colon < 0 ? -1 : colon - from);
        if (++segments > 8 || !isSegment(segment, 64))
            return false;
        if (colon < 0)
            break;
        from = colon + 1;
    }
    return segments >= 2;
}

bool isValidCode(QStringView code) { return isSegment(code, 32); }

std::optional<AccountParts> parse(QStringView name)
{
    if (!isValidName(name))
        return std::nullopt;
    const QList<QStringView> s = name.split(QLatin1Char(':'));
    const qsizetype n = s.size();
    auto is = [&s](qsizetype i, const char *text) { return s.at(i) == QLatin1String(text); };
    auto parts = [](AccountRole role, QStringView store = {}, QStringView terminal = {}, QStringView customer = {}) {
        return AccountParts{role, store.toString(), terminal.toString(), customer.toString()};
    };
    if (is(0, "assets")) {
        if (n == 4 && is(1, "cash"))
            return parts(AccountRole::Cash, s.at(2), s.at(3));
        if (n == 3 && is(1, "card"))
            return parts(AccountRole::Card, s.at(2));
        if (n == 2 && is(1, "bank"))
            return parts(AccountRole::Bank);
        if (n == 3 && is(1, "safe"))
            return parts(AccountRole::Safe, s.at(2));
        if (n == 5 && is(1, "receivable") && is(3, "accrued"))
            return parts(AccountRole::ReceivableAccrued, s.at(4), {}, s.at(2));
        if (n == 6 && is(1, "receivable") && is(3, "invoiced"))
            return parts(AccountRole::ReceivableInvoiced, s.at(4), {}, s.at(2));
    } else if (is(0, "liabilities") && n == 3) {
        if (is(1, "store-credit"))
            return parts(AccountRole::StoreCredit, {}, {}, s.at(2));
        if (is(1, "tax"))
            return parts(AccountRole::Tax);
    } else if (is(0, "income") && n == 3) {
        if (is(1, "sales"))
            return parts(AccountRole::SalesIncome, s.at(2));
        if (is(1, "cash-rounding"))
            return parts(AccountRole::CashRounding, s.at(2));
    } else if (is(0, "expenses") && n == 2 && is(1, "credit-adjustments")) {
        return parts(AccountRole::CreditAdjustments);
    } else if (is(0, "expenses") && n == 3 && is(1, "cash-differences")) {
        return parts(AccountRole::CashDifferences, s.at(2));
    }
    return std::nullopt;
}

} // namespace Accounts
} // namespace Slate::Core
