#include "receipts.h"

#include "labels.h"

#include "catalog/catalog.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPrinter>
#include <QTextDocument>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {

QString escaped(const QString &text) { return text.toHtmlEscaped(); }

QString row(const QString &left, const QString &right, const QString &cssClass = QString())
{
    return QStringLiteral("<tr%3><td>%1</td><td align=\"right\">%2</td></tr>")
        .arg(left, right, cssClass.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cssClass));
}

QString header(const Session &session, const QString &title, const QString &number, const QDateTime &utc, const QString &user)
{
    const StoreIdentity &identity = session.store().identity();
    return QStringLiteral("<h2 align=\"center\">%1</h2><p align=\"center\">%2<br/>%3<br/>%4</p>")
        .arg(escaped(title), escaped(Receipts::tr("Store %1 · till %2").arg(identity.storeCode, identity.terminalId)),
             escaped(Receipts::tr("No. %1 · %2").arg(number, session.dateTime(utc))), escaped(Receipts::tr("Served by %1").arg(user)));
}

QString creditAfter(const std::optional<CreditOverview> &after, const Session &session)
{
    if (!after)
        return {};
    QString html = QStringLiteral("<hr/><table width=\"100%\">");
    html += row(escaped(Receipts::tr("Wallet after")), escaped(session.money(after->wallet)), QStringLiteral("walletAfter"));
    if (!after->creditLimit.isZero())
        html += row(escaped(Receipts::tr("Available on account after")), escaped(session.money(after->available)),
                    QStringLiteral("availableAfter"));
    return html + QStringLiteral("</table>");
}

} // namespace

QString Receipts::dayReport(const DayReport &report, const Session &session)
{
    const bool z = report.kind == DayReportKind::Z;
    const QString number = QStringLiteral("%1").arg(report.number, 6, 10, QLatin1Char('0'));
    QString html = header(session, z ? tr("Z report") : tr("X report"), number, report.createdUtc, report.userName);
    html += QStringLiteral("<p>%1</p>").arg(escaped(report.fromUtc.isValid() ? tr("The day since %1").arg(session.dateTime(report.fromUtc))
                                                                             : tr("The till's first day")));
    const auto money = [&session](const Money &amount) { return escaped(session.money(amount)); };
    const auto counted = [&](const QString &label, const CountAmount &value) {
        return row(escaped(tr("%1 (%2)").arg(label, session.locale().toString(value.count))), money(value.amount));
    };
    const auto section = [](const QString &title) { return QStringLiteral("<tr><td colspan=\"2\"><b>%1</b></td></tr>").arg(escaped(title)); };
    html += QStringLiteral("<table width=\"100%\">");
    html += section(tr("Sales"));
    html += counted(tr("Sales"), report.sales);
    html += counted(tr("Returns"), report.returns);
    html += counted(tr("Voided sales"), report.voidedSales);
    html += row(escaped(tr("Net sales")), money(report.netSales), QStringLiteral("netSales"));
    html += counted(tr("Discounts"), report.discounts);
    html += counted(tr("Manager overrides"), report.overrides);
    html += counted(tr("Voids (sales and top-ups)"), report.voids);
    html += row(escaped(tr("Cash rounding")), money(report.cashRounding));
    html += section(tr("Tenders"));
    html += row(escaped(Labels::tender(TenderKind::Cash)), money(report.tenderCash));
    html += row(escaped(Labels::tender(TenderKind::Card)), money(report.tenderCard));
    html += row(escaped(Labels::tender(TenderKind::Credit)), money(report.tenderCredit));
    html += row(escaped(Labels::tender(TenderKind::Account)), money(report.tenderAccount));
    html += section(tr("VAT"));
    for (const VatRow &vat : report.vat)
        html += row(escaped(tr("%1 %2 %: net %3").arg(vat.code, taxRatePercentText(vat.rateBasisPoints), session.money(vat.net))),
                    money(vat.tax));
    html += section(tr("Not sales"));
    html += row(escaped(tr("Store-credit top-ups (%1)").arg(session.locale().toString(report.topUps.count))), money(report.topUps.amount));
    html += row(escaped(tr("Invoice payments (%1)").arg(session.locale().toString(report.invoicePayments.count))),
                money(report.invoicePayments.amount));
    html += counted(tr("Store-credit adjustments"), report.adjustments);
    html += section(tr("Drawer"));
    html += row(escaped(tr("At the start of the day")), money(report.drawerOpening));
    html += counted(tr("Float"), report.floats);
    html += counted(tr("Cash in"), report.cashIn);
    html += counted(tr("Cash out"), report.cashOut);
    html += row(escaped(tr("Cash of sales")), money(report.tenderCash));
    html += row(escaped(tr("Cash of top-ups")), money(report.topUps.cash));
    html += row(escaped(tr("Cash of invoice payments")), money(report.invoicePayments.cash));
    html += row(escaped(tr("Expected in the drawer")), money(report.drawerExpected), QStringLiteral("expected"));
    if (report.counted) {
        html += row(escaped(tr("Counted by %1").arg(report.userName)), money(*report.counted), QStringLiteral("counted"));
        html += row(escaped(tr("Difference")), money(report.difference), QStringLiteral("difference"));
    }
    html += section(tr("Receipts and events"));
    html += row(escaped(tr("Receipts: sales, returns, voids")),
                escaped(tr("%1, %2, %3").arg(session.locale().toString(report.receiptsSales), session.locale().toString(report.receiptsReturns),
                                             session.locale().toString(report.receiptsVoids))));
    html += row(escaped(tr("Copies printed: receipts, reports")),
                escaped(tr("%1, %2").arg(session.locale().toString(report.receiptCopies), session.locale().toString(report.reportCopies))));
    html += row(escaped(tr("Drawer openings without a sale")), escaped(session.locale().toString(report.drawerOpenings)));
    html += section(tr("Grand totals since the till's first day"));
    html += row(escaped(tr("Sales")), money(report.grandSales));
    html += row(escaped(tr("Returns and voided sales")), money(report.grandReturns));
    html += row(escaped(tr("Net")), money(report.grandNet));
    return html + QStringLiteral("</table>");
}

QString Receipts::sale(const SaleReceipt &receipt, const Session &session)
{
    const SaleRecord &sale = receipt.sale;
    QString html = header(session, tr("Receipt"), sale.saleId, sale.createdUtc, sale.cashierName);
    if (receipt.customer)
        html += QStringLiteral("<p>%1</p>").arg(escaped(tr("Customer: %1 (card %2)").arg(receipt.customer->name, receipt.customer->card)));
    html += QStringLiteral("<table width=\"100%\">");
    for (const SoldLine &line : sale.lines) {
        const SaleLineInput &input = line.priced.input;
        html += row(escaped(tr("%1 × %2 %3").arg(session.locale().toString(input.quantity), escaped(input.name),
                                                   session.money(input.unitPrice))),
                    escaped(session.money(line.priced.gross)));
        if (!input.discount.isZero())
            html += row(QStringLiteral("&nbsp;&nbsp;") + escaped(tr("discount %1").arg(session.money(input.discount))), QString());
    }
    html += QStringLiteral("</table><hr/><table width=\"100%\">");
    html += row(QStringLiteral("<b>%1</b>").arg(escaped(tr("Total"))), QStringLiteral("<b>%1</b>").arg(escaped(session.money(sale.total))));
    html += row(escaped(tr("of which tax")), escaped(session.money(sale.tax)));
    html += QStringLiteral("</table><hr/><table width=\"100%\">");
    for (const TenderAssessment &tender : sale.tenders) {
        if (tender.kind == TenderKind::Cash)
            continue;
        QString label = Labels::tender(tender.kind);
        if (tender.overridden)
            label = tr("%1 (manager override)").arg(label);
        html += row(escaped(label), escaped(session.money(tender.posted)), QStringLiteral("tender"));
    }
    if (sale.cashTendered.isPositive()) {
        html += row(escaped(tr("Cash handed over")), escaped(session.money(sale.cashTendered)), QStringLiteral("tender"));
        html += row(QStringLiteral("<b>%1</b>").arg(escaped(tr("Change"))), QStringLiteral("<b>%1</b>").arg(escaped(session.money(sale.change))),
                    QStringLiteral("change"));
    }
    if (!sale.cashRounding.isZero())
        html += row(escaped(tr("Cash rounding")), escaped(session.money(sale.cashRounding)));
    html += QStringLiteral("</table>");
    html += creditAfter(receipt.after, session);
    for (const OverrideRecord &override : receipt.overrides)
        // The reason is for the overrides log, not for the customer.
        html += QStringLiteral("<p>%1</p>").arg(escaped(tr("%1 authorised %2 over on %3.")
                                                            .arg(override.managerName, session.money(override.amountOver),
                                                                 Labels::tender(override.tender))));
    return html + QStringLiteral("<p align=\"center\">%1</p>").arg(escaped(tr("Thank you!")));
}

QString Receipts::topUp(const Customer &customer, const JournalEntry &entry, const Money &amount, PaymentJournal journal,
                        const QString &note, const std::optional<CreditOverview> &after, const Session &session)
{
    QString html = header(session, tr("Store credit top-up"), QString::number(entry.sequence), entry.createdUtc, entry.userName);
    html += QStringLiteral("<p>%1</p>").arg(escaped(tr("Customer: %1 (card %2)").arg(customer.name, customer.card)));
    html += QStringLiteral("<table width=\"100%\">");
    html += row(QStringLiteral("<b>%1</b>").arg(escaped(tr("Added to store credit"))), QStringLiteral("<b>%1</b>").arg(escaped(session.money(amount))));
    html += row(escaped(tr("Paid by")), escaped(Labels::paymentJournal(journal)));
    // The cashier's note only: a manager's reason in the entry's note is internal.
    if (!note.isEmpty())
        html += row(escaped(tr("Note")), escaped(note));
    html += QStringLiteral("</table>");
    return html + creditAfter(after, session);
}

QString Receipts::voided(const VoidReceipt &receipt, const Session &session)
{
    const VoidableTransaction &original = receipt.original;
    QString html = header(session, tr("VOID"), QString::number(receipt.reversal.sequence), receipt.reversal.createdUtc,
                          receipt.reversal.userName);
    html += QStringLiteral("<p align=\"center\"><b>%1</b></p>").arg(escaped(tr("*** VOID ***")));
    html += QStringLiteral("<p>%1</p>").arg(escaped(original.entry.kind == EntryKind::Sale ? tr("Sale %1 is void.").arg(original.saleId)
                                                                                           : tr("The top-up is void.")));
    if (original.customer)
        html += QStringLiteral("<p>%1</p>").arg(escaped(tr("Customer: %1 (card %2)").arg(original.customer->name, original.customer->card)));
    html += QStringLiteral("<table width=\"100%\">");
    html += row(QStringLiteral("<b>%1</b>").arg(escaped(tr("Voided"))), QStringLiteral("<b>%1</b>").arg(escaped(session.money(original.amount))));
    html += row(escaped(tr("Authorised by")), escaped(receipt.approvedBy));
    if (receipt.walletAfter)
        html += row(escaped(tr("Store credit now")), escaped(session.money(*receipt.walletAfter)));
    html += QStringLiteral("</table>");
    return html;
}

QString Receipts::refund(const RefundReceipt &receipt, const std::optional<Customer> &customer, const Session &session)
{
    QString html = header(session, tr("Refund"), receipt.refundId, receipt.entry.createdUtc, receipt.entry.userName);
    html += QStringLiteral("<p>%1</p>").arg(escaped(tr("For sale %1").arg(receipt.saleId)));
    if (customer)
        html += QStringLiteral("<p>%1</p>").arg(escaped(tr("Customer: %1 (card %2)").arg(customer->name, customer->card)));
    html += QStringLiteral("<table width=\"100%\">");
    html += row(QStringLiteral("<b>%1</b>").arg(escaped(tr("Returned goods"))), QStringLiteral("<b>%1</b>").arg(escaped(session.money(receipt.total))));
    html += row(escaped(tr("of which tax")), escaped(session.money(receipt.tax)));
    html += QStringLiteral("</table><hr/><table width=\"100%\">");
    for (const TenderAssessment &paid : receipt.paidBack)
        html += row(escaped(tr("Paid back: %1").arg(Labels::tender(paid.kind))), escaped(session.money(paid.posted)), QStringLiteral("tender"));
    if (!receipt.cashRounding.isZero())
        html += row(escaped(tr("Cash rounding")), escaped(session.money(receipt.cashRounding)));
    html += QStringLiteral("</table>");
    return html + creditAfter(receipt.after, session);
}

Result<void> Receipts::writePdf(const QString &html, const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    // An 80 mm till roll; a long receipt continues on the next page.
    printer.setPageSize(QPageSize(QSizeF(80, 200), QPageSize::Millimeter, QStringLiteral("Receipt 80 mm")));
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    QTextDocument document;
    document.setHtml(html);
    document.print(&printer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return makeError(ErrorCode::IoError, tr("Could not write the receipt to %1; check the folder and the disk.").arg(path));
    return {};
}

} // namespace Slate::Ui
