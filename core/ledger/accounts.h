#pragma once
// The chart of accounts: hierarchical names built in one place, so that every service posts to
// the same account for the same purpose. Names are ':'-separated segments of [A-Za-z0-9._-].
//
//   assets:cash:<store>:<terminal>          cash in a till's drawer
//   assets:card:<store>                     card takings not yet settled by the card acquirer
//   assets:bank                             the shop's bank account
//   assets:receivable:<customer>:accrued:<store>             account sales not yet invoiced
//   assets:receivable:<customer>:invoiced:<store>:<invoice>  invoiced, not yet paid
//   liabilities:store-credit:<customer>     prepaid wallet (its negated balance is the wallet)
//   liabilities:tax:<code>                  tax collected
//   income:sales:<store>                    sales net of tax
//   income:cash-rounding:<store>            cash rounding to the smallest coin (either sign)
//   expenses:credit-adjustments             manager corrections of store credit
//   assets:safe:<store>                     the store's safe: floats come from it, cash paid in
//                                           and out of a drawer goes through it (the note says why)
//   expenses:cash-differences:<store>       what a Z report's count finds short (debit) or over (credit)

#include <QString>
#include <QStringView>

#include <optional>

namespace Slate::Core {

// The payment journal that funds a top-up or pays an invoice.
enum class PaymentJournal { Cash, Bank, Card };

std::optional<PaymentJournal> paymentJournalFromName(QStringView name); // "cash" | "bank" | "card"
QString paymentJournalName(PaymentJournal journal);

// What an account of the chart above is for. Every account a Slate service writes is one of these.
enum class AccountRole {
    Cash,               // assets:cash:<store>:<terminal>
    Card,               // assets:card:<store>
    Bank,               // assets:bank
    StoreCredit,        // liabilities:store-credit:<customer>
    ReceivableAccrued,  // assets:receivable:<customer>:accrued:<store>
    ReceivableInvoiced, // assets:receivable:<customer>:invoiced:<store>:<invoice>
    SalesIncome,        // income:sales:<store>
    CashRounding,       // income:cash-rounding:<store>
    Tax,                // liabilities:tax:<code>
    CreditAdjustments,  // expenses:credit-adjustments
    Safe,               // assets:safe:<store>
    CashDifferences,    // expenses:cash-differences:<store>
};

// An account name read back into its parts; the parts an account has no segment for stay empty.
struct AccountParts {
    AccountRole role = AccountRole::Bank;
    QString storeCode;
    QString terminalId;
    QString customerId;
};

namespace Accounts {

QString cash(const QString &storeCode, const QString &terminalId);
QString card(const QString &storeCode);
QString bank();
QString forPaymentJournal(PaymentJournal journal, const QString &storeCode, const QString &terminalId);
QString storeCredit(const QString &customerId);
// Every receivable account of a customer starts with this prefix (ends in ':').
QString receivablePrefix(const QString &customerId);
QString receivableAccrued(const QString &customerId, const QString &storeCode);
QString receivableInvoiced(const QString &customerId, const QString &storeCode, const QString &invoiceNumber);
QString cashRounding(const QString &storeCode);
QString salesIncome(const QString &storeCode);
QString tax(const QString &taxCode);
QString creditAdjustments();
QString safe(const QString &storeCode);
QString cashDifferences(const QString &storeCode);

// A valid account name: 2..8 non-empty segments of letters, digits, '.', '_' and '-'.
bool isValidName(QStringView name);
// A valid code for a store, terminal or tax code, usable as one account segment.
bool isValidCode(QStringView code);
// What a name of the chart above means; std::nullopt for any other name (valid or not), which
// no Slate service writes.
std::optional<AccountParts> parse(QStringView name);

} // namespace Accounts
} // namespace Slate::Core
