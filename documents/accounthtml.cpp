#include "accounthtml.h"

#include "catalog/catalog.h"

#include <QCoreApplication>

namespace Slate::Documents {

using namespace Slate::Core;

namespace {

const QString kDateFormat = QStringLiteral("yyyy-MM-dd");

QString tr(const char *text) { return QCoreApplication::translate("Slate::Documents", text); }

// People's text, escaped; line breaks kept where the text may span lines.
QString escaped(const QString &text) { return text.toHtmlEscaped(); }
QString escapedLines(const QString &text) { return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>")); }

QString amount(const Money &money, const QLocale &locale) { return money.toLocalizedString(locale).toHtmlEscaped(); }
QString date(const QDate &day) { return day.toString(kDateFormat); }

QString cell(const QString &html, bool right = false)
{
    return right ? QStringLiteral("<td align=\"right\">") + html + QStringLiteral("</td>")
                 : QStringLiteral("<td>") + html + QStringLiteral("</td>");
}
QString headerCell(const QString &text, bool right = false)
{
    return right ? QStringLiteral("<th align=\"right\">") + escaped(text) + QStringLiteral("</th>")
                 : QStringLiteral("<th align=\"left\">") + escaped(text) + QStringLiteral("</th>");
}
QString row(const QStringList &cells) { return QStringLiteral("<tr>") + cells.join(QString()) + QStringLiteral("</tr>"); }
const QString kTable = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"0\">");

// The shop's letterhead: name, address, organisation and VAT numbers.
QString letterhead(const ShopDetails &shop)
{
    QString html = QStringLiteral("<h2>") + escaped(shop.name.isEmpty() ? tr("(shop name not set)") : shop.name) + QStringLiteral("</h2><p>");
    if (!shop.address.isEmpty())
        html += escapedLines(shop.address) + QStringLiteral("<br/>");
    QStringList numbers;
    if (!shop.organisationNumber.isEmpty())
        numbers << tr("Org. no.") + QLatin1Char(' ') + escaped(shop.organisationNumber);
    if (!shop.vatNumber.isEmpty())
        numbers << tr("VAT no.") + QLatin1Char(' ') + escaped(shop.vatNumber);
    return html + numbers.join(QStringLiteral(" &nbsp; ")) + QStringLiteral("</p>");
}

QString customerBlock(const Customer &customer)
{
    QString html = QStringLiteral("<b>") + escaped(customer.name) + QStringLiteral("</b><br/>") + tr("Customer no.") + QLatin1Char(' ')
                   + escaped(customer.card);
    if (!customer.email.isEmpty())
        html += QStringLiteral("<br/>") + escaped(customer.email);
    if (!customer.phone.isEmpty())
        html += QStringLiteral("<br/>") + escaped(customer.phone);
    return html;
}

// Two columns: the customer on the left, the document's facts (label, value) on the right.
QString addressAndFacts(const Customer &customer, const QList<std::pair<QString, QString>> &facts)
{
    QString right = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    for (const auto &[label, value] : facts)
        right += row({cell(escaped(label)), QStringLiteral("<td align=\"right\" nowrap><b>") + value + QStringLiteral("</b></td>")});
    right += QStringLiteral("</table>");
    return kTable + row({QStringLiteral("<td width=\"50%\" valign=\"top\">") + customerBlock(customer) + QStringLiteral("</td>"),
                         QStringLiteral("<td valign=\"top\" align=\"right\">") + right + QStringLiteral("</td>")})
           + QStringLiteral("</table>");
}

QString totalRow(const QString &label, const Money &money, const QLocale &locale, bool bold = false)
{
    const QString value = amount(money, locale);
    return row({cell(escaped(label)), cell(bold ? QStringLiteral("<b>") + value + QStringLiteral("</b>") : value, true)});
}

} // namespace

QString invoiceHtml(const InvoiceDetails &invoice, const QLocale &locale)
{
    QString html = QStringLiteral("<html><body>") + letterhead(invoice.shop);
    html += QStringLiteral("<h1>") + tr("Invoice") + QLatin1Char(' ') + escaped(invoice.invoice.number) + QStringLiteral("</h1>");
    html += addressAndFacts(invoice.customer, {{tr("Invoice no."), escaped(invoice.invoice.number)},
                                               {tr("Invoice date"), date(invoice.invoice.issued)},
                                               {tr("Due date"), date(invoice.invoice.due)},
                                               {tr("KID"), escaped(invoice.kid)}});

    html += QStringLiteral("<h3>") + tr("Purchases on account") + QStringLiteral("</h3>") + kTable
            + row({headerCell(tr("Description")), headerCell(tr("Qty"), true), headerCell(tr("Unit price"), true),
                   headerCell(tr("Discount"), true), headerCell(tr("VAT"), true), headerCell(tr("Amount"), true)});
    for (const InvoiceItem &item : invoice.items) {
        html += row({QStringLiteral("<td colspan=\"6\"><b>") + date(item.date) + QStringLiteral(" &nbsp; ") + escaped(item.description)
                     + QStringLiteral("</b></td>")});
        for (const InvoiceLine &line : item.lines) {
            html += row({cell(escaped(line.name)), cell(locale.toString(line.quantity), true), cell(amount(line.unitPrice, locale), true),
                         cell(line.discount.isZero() ? QString() : amount(line.discount, locale), true),
                         cell(taxRatePercentText(line.taxRateBasisPoints) + QStringLiteral(" %"), true),
                         cell(amount(line.gross, locale), true)});
        }
        if (!(item.onAccount == item.total)) {
            const Result<Money> settled = item.total.minus(item.onAccount);
            html += row({QStringLiteral("<td colspan=\"5\"><i>") + tr("settled at the till") + QStringLiteral("</i></td>"),
                         cell(settled ? amount(*settled->negated(), locale) : QString(), true)});
        }
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>") + tr("VAT") + QStringLiteral("</h3>") + kTable
            + row({headerCell(tr("Rate")), headerCell(tr("Net"), true), headerCell(tr("VAT"), true), headerCell(tr("Gross"), true)});
    for (const VatLine &vat : invoice.vat) {
        html += row({cell(taxRatePercentText(vat.rateBasisPoints) + QStringLiteral(" %")), cell(amount(vat.net, locale), true),
                     cell(amount(vat.tax, locale), true), cell(amount(vat.gross, locale), true)});
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>") + tr("Totals") + QStringLiteral("</h3>") + kTable;
    html += totalRow(tr("Purchases"), invoice.goodsTotal, locale);
    if (!invoice.settledAtTill.isZero())
        html += totalRow(tr("Settled at the till"), *invoice.settledAtTill.negated(), locale);
    if (!invoice.otherMovements.isZero())
        html += totalRow(tr("Other account movements"), invoice.otherMovements, locale);
    html += totalRow(tr("Invoice total"), invoice.invoice.amount, locale);
    if (!invoice.paid.isZero())
        html += totalRow(tr("Paid"), *invoice.paid.negated(), locale);
    html += totalRow(tr("Amount due"), invoice.amountDue, locale, true);
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>") + tr("Payment") + QStringLiteral("</h3><p>");
    if (invoice.amountDue.isPositive()) {
        html += tr("Please pay %1 by %2 to account %3 with KID %4.")
                    .arg(QStringLiteral("<b>") + amount(invoice.amountDue, locale) + QStringLiteral("</b>"), date(invoice.invoice.due),
                         QStringLiteral("<b>") + escaped(invoice.shop.bankAccount.isEmpty() ? tr("(not set)") : invoice.shop.bankAccount)
                             + QStringLiteral("</b>"),
                         QStringLiteral("<b>") + escaped(invoice.kid) + QStringLiteral("</b>"));
    } else {
        html += tr("This invoice is paid. Thank you.");
    }
    return html + QStringLiteral("</p></body></html>");
}

QString statementHtml(const Statement &statement, const QLocale &locale)
{
    QString html = QStringLiteral("<html><body>") + letterhead(statement.shop);
    html += QStringLiteral("<h1>") + tr("Statement of account") + QStringLiteral("</h1>");
    html += addressAndFacts(statement.customer, {{tr("Period"), date(statement.from) + QStringLiteral(" – ") + date(statement.to)},
                                                 {tr("Opening balance"), amount(statement.opening, locale)},
                                                 {tr("Closing balance"), amount(statement.closing, locale)}});

    html += QStringLiteral("<h3>") + tr("Movements") + QStringLiteral("</h3>") + kTable
            + row({headerCell(tr("Date")), headerCell(tr("Type")), headerCell(tr("Reference")), headerCell(tr("Description")),
                   headerCell(tr("Amount"), true), headerCell(tr("Balance"), true)});
    html += row({cell(date(statement.from)), cell(QString()), cell(QString()), cell(tr("Opening balance")), cell(QString()),
                 cell(amount(statement.opening, locale), true)});
    for (const StatementMovement &movement : statement.movements) {
        const QString kind = movement.kind == StatementMovementKind::Invoice ? tr("Invoice")
                             : movement.kind == StatementMovementKind::Payment ? tr("Payment")
                             : movement.kind == StatementMovementKind::Credit ? tr("Credit")
                                                                              : tr("Other");
        html += row({cell(date(movement.date)), cell(kind), cell(escaped(movement.reference)), cell(escaped(movement.description)),
                     cell(amount(movement.amount, locale), true), cell(amount(movement.balance, locale), true)});
    }
    html += row({cell(date(statement.to)), cell(QString()), cell(QString()), cell(QStringLiteral("<b>") + tr("Closing balance") + QStringLiteral("</b>")),
                 cell(QString()), cell(QStringLiteral("<b>") + amount(statement.closing, locale) + QStringLiteral("</b>"), true)});
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>") + tr("Ageing on %1").arg(date(statement.to)) + QStringLiteral("</h3>") + kTable
            + row({headerCell(tr("Not due"), true), headerCell(tr("1–30 days"), true), headerCell(tr("31–60 days"), true),
                   headerCell(tr("61–90 days"), true), headerCell(tr("Over 90 days"), true)})
            + row({cell(amount(statement.ageing.notDue, locale), true), cell(amount(statement.ageing.days1To30, locale), true),
                   cell(amount(statement.ageing.days31To60, locale), true), cell(amount(statement.ageing.days61To90, locale), true),
                   cell(amount(statement.ageing.over90, locale), true)})
            + QStringLiteral("</table>");
    return html + QStringLiteral("</body></html>");
}

} // namespace Slate::Documents
