#include "labels.h"

namespace Slate::Ui {

using namespace Slate::Core;

QString Labels::creditState(CreditState state)
{
    switch (state) {
    case CreditState::Fine:
        return tr("✓ OK");
    case CreditState::NearLimit:
        return tr("⚠ NEAR LIMIT");
    case CreditState::OverLimit:
        return tr("✖ OVER LIMIT");
    case CreditState::Overdue:
        return tr("⚠ OVERDUE INVOICE");
    case CreditState::Blocked:
        return tr("✖ BLOCKED");
    }
    return {};
}

QString Labels::creditStateHint(CreditState state)
{
    switch (state) {
    case CreditState::Fine:
        return tr("Credit and account can be used.");
    case CreditState::NearLimit:
        return tr("Little left on account.");
    case CreditState::OverLimit:
        return tr("Account is over its limit; account sales need a manager.");
    case CreditState::Overdue:
        return tr("An invoice is past due; ask the customer to pay it.");
    case CreditState::Blocked:
        return tr("No store credit or account sales; take cash or card.");
    }
    return {};
}

QString Labels::tender(TenderKind kind)
{
    switch (kind) {
    case TenderKind::Credit:
        return tr("Store credit");
    case TenderKind::Account:
        return tr("Account");
    case TenderKind::Cash:
        return tr("Cash");
    case TenderKind::Card:
        return tr("Card");
    }
    return {};
}

QString Labels::entryKind(EntryKind kind)
{
    switch (kind) {
    case EntryKind::TopUp:
        return tr("Top-up");
    case EntryKind::Adjustment:
        return tr("Adjustment");
    case EntryKind::Sale:
        return tr("Sale");
    case EntryKind::Refund:
        return tr("Refund");
    case EntryKind::Invoice:
        return tr("Invoice");
    case EntryKind::Payment:
        return tr("Payment");
    case EntryKind::Reversal:
        return tr("Reversal");
    case EntryKind::Float:
        return tr("Float");
    case EntryKind::CashIn:
        return tr("Cash in");
    case EntryKind::CashOut:
        return tr("Cash out");
    case EntryKind::CashDifference:
        return tr("Cash difference");
    }
    return {};
}

QString Labels::paymentJournal(PaymentJournal journal)
{
    switch (journal) {
    case PaymentJournal::Cash:
        return tr("Cash");
    case PaymentJournal::Bank:
        return tr("Bank transfer");
    case PaymentJournal::Card:
        return tr("Card");
    }
    return {};
}

QString Labels::role(Role role)
{
    switch (role) {
    case Role::Cashier:
        return tr("Cashier");
    case Role::Manager:
        return tr("Manager");
    case Role::Admin:
        return tr("Administrator");
    }
    return {};
}

QString Labels::refundTo(RefundTo to)
{
    switch (to) {
    case RefundTo::Credit:
        return tr("To store credit");
    case RefundTo::Cash:
        return tr("In cash");
    case RefundTo::Original:
        return tr("To the original tenders");
    }
    return {};
}

QString Labels::limitScope(LimitScope scope)
{
    switch (scope) {
    case LimitScope::Shared:
        return tr("Shared by all stores");
    case LimitScope::PerStore:
        return tr("Per store");
    }
    return {};
}

QString Labels::priceMode(PriceMode mode)
{
    switch (mode) {
    case PriceMode::TaxInclusive:
        return tr("Prices include tax");
    case PriceMode::TaxExclusive:
        return tr("Prices exclude tax");
    }
    return {};
}

QString Labels::refusal(const TenderCheck &check, const Session &session)
{
    switch (check.verdict) {
    case TenderVerdict::Allowed:
        return {};
    case TenderVerdict::OverAvailable:
        return tr("Refused: only %1 available, %2 over.").arg(session.money(check.available), session.money(check.over));
    case TenderVerdict::Blocked:
        return tr("Refused: the customer is blocked from credit and account.");
    case TenderVerdict::NotOffered:
        return tr("Refused: no account (credit limit 0).");
    }
    return {};
}

QString Labels::error(const Error &error)
{
    switch (error.code) {
    case ErrorCode::AuthenticationFailed:
        return tr("Wrong user or PIN.");
    case ErrorCode::AccountLocked:
        return tr("Locked after too many wrong PINs. A manager can unlock it in the back office. (%1)").arg(error.message);
    default:
        return error.message;
    }
}

} // namespace Slate::Ui
