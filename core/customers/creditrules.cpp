#include "customers/creditrules.h"


namespace Slate::Core {

namespace {

Result<TenderCheck> decide(const Money &available, const Money &amount, const QString &what, const Customer &customer)
{
    if (!amount.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A %1 tender must be more than zero, not %2.").arg(what, amount.toDecimalString()));
    const Money zero = Money::zero(amount.currency());
    const Money usable = available.isNegative() ? zero : available;
    if (amount.minorUnits() <= usable.minorUnits())
        return TenderCheck{TenderVerdict::Allowed, usable, zero, QString()};
    const Result<Money> over = amount.minus(usable);
    if (!over)
        return over.error();
    return TenderCheck{TenderVerdict::OverAvailable, usable, *over,
                       QStringLiteral("%1 has %2 available on %3; %4 is %5 over. A manager can authorise the difference.")
                           .arg(customer.name, usable.toDecimalStringWithCode(), what, amount.toDecimalStringWithCode(), over->toDecimalStringWithCode())};
}

TenderCheck refused(TenderVerdict verdict, const Money &amount, const QString &message)
{
    const Money zero = Money::zero(amount.currency());
    return TenderCheck{verdict, zero, amount, message};
}

} // namespace

Result<TenderCheck> checkWalletTender(const Customer &customer, const Money &wallet, const Money &amount)
{
    if (!(wallet.currency() == amount.currency()))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The wallet and the tender are in different currencies."));
    if (customer.terms.blocked)
        return refused(TenderVerdict::Blocked, amount,
                       QStringLiteral("%1 is blocked from paying with store credit; take another tender.").arg(customer.name));
    Money available = wallet;
    if (customer.terms.overdraftLimitMinorUnits) {
        const Result<Money> withOverdraft = wallet.plus(Money(*customer.terms.overdraftLimitMinorUnits, wallet.currency()));
        if (!withOverdraft)
            return withOverdraft.error();
        available = *withOverdraft;
    }
    return decide(available, amount, QStringLiteral("store credit"), customer);
}

Result<TenderCheck> checkAccountTender(const Customer &customer, const Money &used, const Money &amount)
{
    if (!(used.currency() == amount.currency()))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The account usage and the tender are in different currencies."));
    if (customer.terms.blocked)
        return refused(TenderVerdict::Blocked, amount,
                       QStringLiteral("%1 is blocked from buying on account; take another tender.").arg(customer.name));
    if (customer.terms.creditLimitMinorUnits == 0)
        return refused(TenderVerdict::NotOffered, amount,
                       QStringLiteral("%1 has no credit limit, so cannot buy on account; set a limit in the back office first.")
                           .arg(customer.name));
    const Result<Money> available = Money(customer.terms.creditLimitMinorUnits, amount.currency()).minus(used);
    if (!available)
        return available.error();
    return decide(*available, amount, QStringLiteral("account"), customer);
}

} // namespace Slate::Core
