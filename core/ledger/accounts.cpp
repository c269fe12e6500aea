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

} // namespace Accounts
} // namespace Slate::Core
