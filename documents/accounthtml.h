#pragma once
// The invoice and statement as HTML for QTextDocument. Every text that comes from people (the
// shop's details, the customer, line names, notes) is escaped, so a customer named "<b>x</b>"
// prints as written. Amounts are Money's localised form for the shop's locale.

#include "billing/accountdocuments.h"

#include <QLocale>
#include <QString>

namespace Slate::Documents {

QString invoiceHtml(const Core::InvoiceDetails &invoice, const QLocale &locale);
QString statementHtml(const Core::Statement &statement, const QLocale &locale);

} // namespace Slate::Documents
