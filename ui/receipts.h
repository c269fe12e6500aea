#pragma once
// Receipts for people: what a committed sale, top-up or refund was, as HTML for the screen and
// for printing (a printer or a PDF through Qt Print Support). Built only from what core returned
// after the commit, so nothing appears paid that was not.

#include "session.h"

#include <QCoreApplication>

namespace Slate::Ui {

class Receipts {
    Q_DECLARE_TR_FUNCTIONS(Slate::Ui::Receipts)
public:
    static QString sale(const Core::SaleReceipt &receipt, const Session &session);
    static QString topUp(const Core::Customer &customer, const Core::JournalEntry &entry, const Core::Money &amount,
                         Core::PaymentJournal journal, const QString &note, const std::optional<Core::CreditOverview> &after,
                         const Session &session);
    // The receipt of a void: VOID in large letters, what was voided and who authorised it.
    static QString voided(const Core::VoidReceipt &receipt, const Session &session);
    static QString refund(const Core::RefundReceipt &receipt, const std::optional<Core::Customer> &customer,
                          const Session &session);
    // An X or Z report as core made it: per tender, per VAT rate, what is not sales, the drawer
    // (and for a Z the count and its difference), receipts and events, grand totals.
    static QString dayReport(const Core::DayReport &report, const Session &session);
    // Writes the receipt as a PDF file (an 80 mm till roll, as tall as it needs).
    static Core::Result<void> writePdf(const QString &html, const QString &path);
};

} // namespace Slate::Ui
