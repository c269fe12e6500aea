// slatectl's document commands: the shop's details that invoices and statements print, the
// invoice PDF, and a customer's statement (printed, or laid out as a PDF). What a document says
// is gathered in core (billing/accountdocuments.h); slate_documents lays it out.

#include "cli.h"

#include "documents/accounthtml.h"
#include "documents/pdffile.h"

#include <QJsonArray>
#include <QLocale>

namespace Slate::Cli {

using namespace Slate::Core;

namespace {

QJsonObject shopJson(const ShopDetails &details)
{
    return QJsonObject{{QStringLiteral("name"), details.name},
                       {QStringLiteral("address"), details.address},
                       {QStringLiteral("org_number"), details.organisationNumber},
                       {QStringLiteral("vat_number"), details.vatNumber},
                       {QStringLiteral("bank_account"), details.bankAccount}};
}

QJsonObject ageingJson(const Ageing &ageing)
{
    return QJsonObject{{QStringLiteral("not_due"), ageing.notDue.toDecimalString()},
                       {QStringLiteral("days_1_30"), ageing.days1To30.toDecimalString()},
                       {QStringLiteral("days_31_60"), ageing.days31To60.toDecimalString()},
                       {QStringLiteral("days_61_90"), ageing.days61To90.toDecimalString()},
                       {QStringLiteral("over_90"), ageing.over90.toDecimalString()}};
}

// A date option that must be given (statement --from/--to).
std::optional<QDate> requiredDate(const Arguments &args, const QString &name)
{
    const QDate date = QDate::fromString(args.value(name), kDateFormat);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

} // namespace

void Cli::printShop(const ShopDetails &details, const QString &heading)
{
    const auto shown = [](const QString &value) { return value.isEmpty() ? QStringLiteral("(not set)") : value; };
    QString address = details.address;
    address.replace(QLatin1Char('\n'), QStringLiteral("\n              "));
    print(shopJson(details), heading
                                 + QStringLiteral("name:         %1\naddress:      %2\norg number:   %3\nVAT number:   %4\n"
                                                  "bank account: %5\n")
                                       .arg(shown(details.name), shown(address), shown(details.organisationNumber),
                                            shown(details.vatNumber), shown(details.bankAccount)));
}

int Cli::shopShow(const Arguments &)
{
    Result<ShopDetails> details = m_store->shopDetails();
    if (!details)
        return fail(details.error());
    printShop(*details, QString());
    return ExitOk;
}

int Cli::shopSet(const Arguments &args)
{
    Result<ShopDetails> details = m_store->shopDetails();
    if (!details)
        return fail(details.error());
    for (const auto &[option, field] : {std::pair{QStringLiteral("name"), &details->name},
                                        std::pair{QStringLiteral("address"), &details->address},
                                        std::pair{QStringLiteral("org-number"), &details->organisationNumber},
                                        std::pair{QStringLiteral("vat-number"), &details->vatNumber},
                                        std::pair{QStringLiteral("bank-account"), &details->bankAccount}}) {
        if (!args.values.contains(option))
            continue;
        QString value = args.value(option).trimmed();
        if (option == QLatin1String("address"))
            value.replace(QStringLiteral("\\n"), QStringLiteral("\n")); // a shell passes a line break badly
        *field = value;
    }
    if (auto saved = m_store->setShopDetails(*details); !saved)
        return fail(saved.error());
    printShop(*details, QStringLiteral("Saved.\n"));
    return ExitOk;
}

int Cli::invoicePdf(const Arguments &args)
{
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty())
        return usage(QStringLiteral("Name the file to write with --out FILE.pdf."));
    const AccountDocuments documents = m_store->accountDocuments();
    Result<InvoiceDetails> invoice = documents.invoice(args.positional.at(0));
    if (!invoice)
        return fail(invoice.error());
    if (invoice->shop.name.isEmpty())
        notice(QStringLiteral("no-shop-details"),
               QStringLiteral("The shop's name is not set, so the invoice does not say who it is from; set it with slatectl shop set."));
    Result<Documents::PdfWritten> written =
        Documents::writePdf(Documents::invoiceHtml(*invoice, QLocale()), QStringLiteral("Invoice %1").arg(invoice->invoice.number), out);
    if (!written)
        return fail(written.error());
    QJsonObject json = invoiceJson(invoice->invoice, QDate::currentDate());
    json.insert(QStringLiteral("amount_due"), invoice->amountDue.toDecimalString());
    json.insert(QStringLiteral("kid"), invoice->kid);
    json.insert(QStringLiteral("path"), written->path);
    json.insert(QStringLiteral("bytes"), written->bytes);
    print(json, QStringLiteral("Wrote invoice %1 to %2 (%3 bytes): %4 due %5, KID %6.\n")
                    .arg(invoice->invoice.number, written->path)
                    .arg(written->bytes)
                    .arg(invoice->amountDue.toDecimalStringWithCode(), invoice->invoice.due.toString(kDateFormat), invoice->kid));
    return ExitOk;
}

int Cli::statement(const Arguments &args)
{
    const std::optional<QDate> from = requiredDate(args, QStringLiteral("from"));
    const std::optional<QDate> to = requiredDate(args, QStringLiteral("to"));
    if (!from || !to)
        return usage(QStringLiteral("Give the period as --from DATE --to DATE, dates like 2026-11-23."));
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    const AccountDocuments documents = m_store->accountDocuments();
    Result<Statement> statement = documents.statement(*customer, *from, *to);
    if (!statement)
        return fail(statement.error());

    QJsonArray movements;
    QString text = QStringLiteral("Statement for %1 (%2), %3 to %4\n")
                       .arg(customer->name, customer->card, from->toString(kDateFormat), to->toString(kDateFormat));
    text += QStringLiteral("%1%2\n").arg(QStringLiteral("Opening balance").leftJustified(62), statement->opening.toDecimalString().rightJustified(14));
    for (const StatementMovement &movement : statement->movements) {
        movements.append(QJsonObject{{QStringLiteral("date"), movement.date.toString(kDateFormat)},
                                     {QStringLiteral("kind"), statementMovementKindName(movement.kind)},
                                     {QStringLiteral("reference"), movement.reference},
                                     {QStringLiteral("description"), movement.description},
                                     {QStringLiteral("amount"), movement.amount.toDecimalString()},
                                     {QStringLiteral("balance"), movement.balance.toDecimalString()}});
        text += QStringLiteral("%1  %2  %3  %4%5%6\n")
                    .arg(movement.date.toString(kDateFormat), statementMovementKindName(movement.kind).leftJustified(7),
                         movement.reference.leftJustified(16), movement.description.leftJustified(24),
                         movement.amount.toDecimalString().rightJustified(14), movement.balance.toDecimalString().rightJustified(14));
    }
    const Ageing &ageing = statement->ageing;
    text += QStringLiteral("%1%2\n").arg(QStringLiteral("Closing balance").leftJustified(62), statement->closing.toDecimalString().rightJustified(14));
    text += QStringLiteral("Open on %1: not due %2, 1-30 days %3, 31-60 days %4, 61-90 days %5, over 90 days %6 %7\n")
                .arg(to->toString(kDateFormat), ageing.notDue.toDecimalString(), ageing.days1To30.toDecimalString(),
                     ageing.days31To60.toDecimalString(), ageing.days61To90.toDecimalString(), ageing.over90.toDecimalString(),
                     statement->closing.currency().code());
    QJsonObject json{{QStringLiteral("card"), customer->card},
                     {QStringLiteral("name"), customer->name},
                     {QStringLiteral("from"), from->toString(kDateFormat)},
                     {QStringLiteral("to"), to->toString(kDateFormat)},
                     {QStringLiteral("opening"), statement->opening.toDecimalString()},
                     {QStringLiteral("movements"), movements},
                     {QStringLiteral("closing"), statement->closing.toDecimalString()},
                     {QStringLiteral("ageing"), ageingJson(ageing)}};

    if (args.values.contains(QStringLiteral("out"))) {
        const QString out = args.value(QStringLiteral("out"));
        if (out.isEmpty())
            return usage(QStringLiteral("Name the file to write with --out FILE.pdf."));
        Result<Documents::PdfWritten> written = Documents::writePdf(
            Documents::statementHtml(*statement, QLocale()), QStringLiteral("Statement %1 %2").arg(customer->card, to->toString(kDateFormat)), out);
        if (!written)
            return fail(written.error());
        json.insert(QStringLiteral("path"), written->path);
        json.insert(QStringLiteral("bytes"), written->bytes);
        text += QStringLiteral("Wrote the statement to %1 (%2 bytes).\n").arg(written->path).arg(written->bytes);
    }
    print(json, text);
    return ExitOk;
}

} // namespace Slate::Cli
