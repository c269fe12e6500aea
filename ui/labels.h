#pragma once
// The words the till uses for core's enums and verdicts. Core returns codes and structured
// verdicts; these turn them into translated text, in one place, so every window says the same.

#include "session.h"

#include <QCoreApplication>

namespace Slate::Ui {

class Labels {
    Q_DECLARE_TR_FUNCTIONS(Slate::Ui::Labels)
public:
    // A word and a symbol, so that the state never depends on colour alone.
    static QString creditState(Core::CreditState state);
    // One sentence on what the state means for the cashier.
    static QString creditStateHint(Core::CreditState state);
    static QString tender(Core::TenderKind kind);
    static QString entryKind(Core::EntryKind kind);
    static QString paymentJournal(Core::PaymentJournal journal);
    static QString role(Core::Role role);
    static QString refundTo(Core::RefundTo to);
    static QString limitScope(Core::LimitScope scope);
    static QString priceMode(Core::PriceMode mode);
    // Why a tender is refused, with the amount available; empty when it is allowed.
    static QString refusal(const Core::TenderCheck &check, const Session &session);
    // An operating error from core for people: known codes in the user's language, else core's message.
    static QString error(const Core::Error &error);
};

} // namespace Slate::Ui
