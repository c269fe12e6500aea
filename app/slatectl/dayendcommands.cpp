// slatectl's day-end commands: float, cash in/out, drawer open, x-report, z-report, reports,
// report show. Each calls CashDrawerService or DayEndService; the rules and the figures are
// theirs. A report prints from its stored JSON, so a reprint is what was printed the first time.

#include "cli.h"

#include "base/uuidv7.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Slate::Cli {

using namespace Slate::Core;

namespace {

QJsonObject movementJson(const CashMovement &movement)
{
    QJsonObject json = entryJson(movement.entry);
    json.insert(QStringLiteral("amount"), movement.amount.toDecimalString());
    json.insert(QStringLiteral("currency"), movement.amount.currency().code());
    json.insert(QStringLiteral("drawer"), movement.drawerAfter.toDecimalString());
    return json;
}

QString reportText(const QJsonObject &report)
{
    const QString currency = report.value(QStringLiteral("currency")).toString();
    const auto field = [](const QJsonObject &object, const char *name) { return object.value(QLatin1String(name)); };
    const auto amount = [&](const QJsonValue &value) {
        return value.isNull() ? QStringLiteral("-") : value.toString() + QLatin1Char(' ') + currency;
    };
    const auto row = [](const QString &label, const QString &value) { return QStringLiteral("  %1 %2\n").arg(label.leftJustified(30), value); };
    const auto counted = [&](const QString &label, const QJsonObject &object) {
        return row(label, QStringLiteral("%1  (%2)").arg(amount(field(object, "amount"))).arg(field(object, "count").toInteger()));
    };
    const QJsonObject period = field(report, "period").toObject();
    const QString kind = field(report, "kind").toString();
    QString text = QStringLiteral("%1 REPORT %2   store %3, till %4\n")
                       .arg(kind, QStringLiteral("%1").arg(field(report, "number").toInteger(), 6, 10, QLatin1Char('0')),
                            field(report, "store").toString(), field(report, "terminal").toString());
    text += QStringLiteral("  made %1 by %2; the day since %3 (journal sequences %4 to %5)\n")
                .arg(field(report, "time").toString(), field(report, "user").toString(),
                     field(period, "from").isNull() ? QStringLiteral("the till's first day") : field(period, "from").toString())
                .arg(field(period, "sequence_after").toInteger() + 1)
                .arg(field(period, "sequence_through").toInteger());
    text += QStringLiteral("Sales\n");
    text += counted(QStringLiteral("sales"), field(report, "sales").toObject());
    text += counted(QStringLiteral("returns"), field(report, "returns").toObject());
    text += counted(QStringLiteral("voided sales"), field(report, "voided_sales").toObject());
    text += row(QStringLiteral("net sales"), amount(field(report, "net_sales")));
    text += counted(QStringLiteral("discounts"), field(report, "discounts").toObject());
    text += counted(QStringLiteral("manager overrides"), field(report, "overrides").toObject());
    text += counted(QStringLiteral("voids (sales and top-ups)"), field(report, "voids").toObject());
    text += row(QStringLiteral("cash rounding"), amount(field(report, "cash_rounding")));
    text += QStringLiteral("Tenders (net of returns and voids)\n");
    const QJsonObject tenders = field(report, "tenders").toObject();
    for (const char *name : {"cash", "card", "credit", "account"})
        text += row(QString::fromLatin1(name), amount(field(tenders, name)));
    text += QStringLiteral("VAT\n");
    const QJsonArray vat = field(report, "vat").toArray();
    for (const QJsonValue &line : vat) {
        const QJsonObject object = line.toObject();
        text += row(QStringLiteral("%1 %2 %").arg(field(object, "code").toString(), field(object, "rate").toString()),
                    QStringLiteral("net %1, tax %2").arg(amount(field(object, "net")), amount(field(object, "tax"))));
    }
    if (vat.isEmpty())
        text += QStringLiteral("  none\n");
    text += QStringLiteral("Not sales\n");
    for (const auto &[label, name] : {std::pair{"store-credit top-ups", "top_ups"}, std::pair{"invoice payments", "invoice_payments"}}) {
        const QJsonObject object = field(report, name).toObject();
        text += row(QString::fromLatin1(label), QStringLiteral("%1  (%2; cash %3, card %4, bank %5)")
                                                    .arg(amount(field(object, "amount")))
                                                    .arg(field(object, "count").toInteger())
                                                    .arg(field(object, "cash").toString(), field(object, "card").toString(),
                                                         field(object, "bank").toString()));
    }
    text += counted(QStringLiteral("store-credit adjustments"), field(report, "adjustments").toObject());
    const QJsonObject drawer = field(report, "drawer").toObject();
    text += QStringLiteral("Drawer\n");
    text += row(QStringLiteral("at the start of the day"), amount(field(drawer, "opening")));
    text += counted(QStringLiteral("float"), field(drawer, "float").toObject());
    text += counted(QStringLiteral("cash in"), field(drawer, "cash_in").toObject());
    text += counted(QStringLiteral("cash out"), field(drawer, "cash_out").toObject());
    text += row(QStringLiteral("cash of sales"), amount(field(drawer, "cash_sales")));
    text += row(QStringLiteral("cash of top-ups"), amount(field(drawer, "cash_top_ups")));
    text += row(QStringLiteral("cash of invoice payments"), amount(field(drawer, "cash_invoice_payments")));
    text += row(QStringLiteral("expected"), amount(field(drawer, "expected")));
    if (!field(drawer, "counted").isNull()) {
        text += row(QStringLiteral("counted by ") + field(drawer, "counted_by").toString(), amount(field(drawer, "counted")));
        text += row(QStringLiteral("difference"), amount(field(drawer, "difference")));
    }
    const QJsonObject receipts = field(report, "receipts").toObject();
    text += QStringLiteral("Receipts and events\n");
    text += row(QStringLiteral("receipts"), QStringLiteral("%1 sales, %2 returns, %3 voids")
                                                .arg(field(receipts, "sales").toInteger())
                                                .arg(field(receipts, "returns").toInteger())
                                                .arg(field(receipts, "voids").toInteger()));
    text += row(QStringLiteral("copies printed"), QStringLiteral("%1 receipts, %2 reports")
                                                      .arg(field(receipts, "copies").toInteger())
                                                      .arg(field(report, "report_copies").toInteger()));
    text += row(QStringLiteral("drawer openings without a sale"), QString::number(field(report, "drawer_openings").toInteger()));
    const QJsonObject grand = field(report, "grand_totals").toObject();
    text += QStringLiteral("Grand totals since the till's first day\n");
    text += row(QStringLiteral("sales"), amount(field(grand, "sales")));
    text += row(QStringLiteral("returns and voided sales"), amount(field(grand, "returns")));
    text += row(QStringLiteral("net"), amount(field(grand, "net")));
    return text;
}

} // namespace

void Cli::printReport(const QJsonObject &report, const QString &heading)
{
    print(report, heading + reportText(report));
}

int Cli::openFloat(const Arguments &args)
{
    const QString text = args.positional.isEmpty() ? args.value(QStringLiteral("float")) : args.positional.at(0);
    if (text.isEmpty())
        return usage(QStringLiteral("Give the float: slatectl float AMOUNT, or slatectl open --float AMOUNT."));
    const QString user = namedUser(args);
    if (user.isEmpty())
        return usage(QStringLiteral("Name who opens the till: --user USER (or $SLATE_USER)."));
    Result<Money> amount = amountArgument(text);
    if (!amount)
        return fail(amount.error());
    Result<CashMovement> movement = m_store->drawer().openWithFloat(*amount, user);
    if (!movement)
        return fail(movement.error());
    print(movementJson(*movement), QStringLiteral("Till %1 opened with a float of %2. Drawer: %3. Entry %4.")
                                       .arg(m_store->identity().terminalId, amount->toDecimalStringWithCode(),
                                            movement->drawerAfter.toDecimalStringWithCode(), uuidText(movement->entry.id)));
    return ExitOk;
}

int Cli::cashIn(const Arguments &args) { return cashMove(args, EntryKind::CashIn); }

int Cli::cashOut(const Arguments &args) { return cashMove(args, EntryKind::CashOut); }

int Cli::cashMove(const Arguments &args, EntryKind kind)
{
    const bool in = kind == EntryKind::CashIn;
    if (!args.values.contains(QStringLiteral("reason")))
        return usage(QStringLiteral("Say why: cash %1 AMOUNT --reason TEXT.").arg(in ? QStringLiteral("in") : QStringLiteral("out")));
    const QString user = namedUser(args);
    if (user.isEmpty())
        return usage(QStringLiteral("Name who moves the cash: --user USER (or $SLATE_USER)."));
    Result<Money> amount = amountArgument(args.positional.at(0));
    if (!amount)
        return fail(amount.error());
    const QString reason = args.value(QStringLiteral("reason"));
    Result<CashMovement> movement = in ? m_store->drawer().cashIn(*amount, reason, user) : m_store->drawer().cashOut(*amount, reason, user);
    if (!movement)
        return fail(movement.error());
    QJsonObject json = movementJson(*movement);
    json.insert(QStringLiteral("reason"), reason.trimmed());
    print(json, QStringLiteral("Cash %1: %2 (%3). Drawer: %4. Entry %5.")
                    .arg(in ? QStringLiteral("in") : QStringLiteral("out"), amount->toDecimalStringWithCode(), reason.trimmed(),
                         movement->drawerAfter.toDecimalStringWithCode(), uuidText(movement->entry.id)));
    return ExitOk;
}

int Cli::drawerOpen(const Arguments &args)
{
    const QString user = namedUser(args);
    if (user.isEmpty())
        return usage(QStringLiteral("Name who opens the drawer: --user USER (or $SLATE_USER)."));
    Result<TillEvent> event = m_store->drawer().openDrawer(user, args.value(QStringLiteral("reason")));
    if (!event)
        return fail(event.error());
    print(QJsonObject{{QStringLiteral("event_id"), event->id},
                      {QStringLiteral("kind"), tillEventKindName(event->kind)},
                      {QStringLiteral("time"), timestampText(event->createdUtc)},
                      {QStringLiteral("user"), event->userName},
                      {QStringLiteral("reason"), event->note}},
          QStringLiteral("Drawer opened without a sale by %1 (event %2).").arg(event->userName).arg(event->id));
    return ExitOk;
}

int Cli::xReport(const Arguments &args)
{
    const QString user = namedUser(args);
    if (user.isEmpty())
        return usage(QStringLiteral("Name who takes the X report: --user USER (or $SLATE_USER)."));
    Result<DayReport> report = m_store->dayEnd().xReport(user);
    if (!report)
        return fail(report.error());
    printReport(dayReportJson(*report), QString());
    return ExitOk;
}

int Cli::zReport(const Arguments &args)
{
    if (!args.values.contains(QStringLiteral("counted")))
        return usage(QStringLiteral("Count the drawer first: z-report --counted AMOUNT."));
    const QString user = namedUser(args);
    if (user.isEmpty())
        return usage(QStringLiteral("Name who counts and closes the day: --user USER (or $SLATE_USER)."));
    Result<Money> counted = amountArgument(args.value(QStringLiteral("counted")));
    if (!counted)
        return fail(counted.error());
    Result<DayReport> report = m_store->dayEnd().zReport(*counted, user);
    if (!report)
        return fail(report.error());
    printReport(dayReportJson(*report), QString());
    return ExitOk;
}

int Cli::reports(const Arguments &args)
{
    const Result<DayRange> range = dayRangeArgument(args);
    if (!range)
        return usage(range.message());
    Result<QList<StoredReport>> stored = m_store->dayEnd().reports(range->fromUtc, range->toUtc);
    if (!stored)
        return fail(stored.error());
    QJsonArray json;
    QString text;
    for (const StoredReport &report : *stored) {
        json.append(report.body);
        const QJsonObject drawer = report.body.value(QStringLiteral("drawer")).toObject();
        const QString currency = report.body.value(QStringLiteral("currency")).toString();
        text += QStringLiteral("%1 %2  %3  %4  net sales %5 %6, expected %7 %6%8\n")
                    .arg(dayReportKindName(report.kind))
                    .arg(report.number, 6, 10, QLatin1Char('0'))
                    .arg(report.createdUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), report.userName,
                         report.body.value(QStringLiteral("net_sales")).toString(), currency,
                         drawer.value(QStringLiteral("expected")).toString(),
                         drawer.value(QStringLiteral("counted")).isNull()
                             ? QString()
                             : QStringLiteral(", counted %1 %2").arg(drawer.value(QStringLiteral("counted")).toString(), currency));
    }
    if (stored->isEmpty())
        text = QStringLiteral("No reports in that period.\n");
    print(json, text);
    return ExitOk;
}

int Cli::reportShow(const Arguments &args)
{
    // "N" is Z report N (the numbered series that closes days); "X:N" or "Z:N" names the series.
    QString text = args.positional.at(0);
    DayReportKind kind = DayReportKind::Z;
    if (text.size() > 2 && text.at(1) == QLatin1Char(':')) {
        const std::optional<DayReportKind> named = dayReportKindFromName(text.left(1));
        if (!named)
            return usage(QStringLiteral("Name a report as N (a Z report), Z:N or X:N, not \"%1\".").arg(text));
        kind = *named;
        text = text.mid(2);
    }
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < 1)
        return usage(QStringLiteral("A report number is a whole number from 1, not \"%1\".").arg(args.positional.at(0)));
    const QString user = namedUser(args);
    if (user.isEmpty())
        return usage(QStringLiteral("Name who prints the copy: --user USER (or $SLATE_USER)."));
    Result<StoredReport> report = m_store->dayEnd().reprint(kind, number, user);
    if (!report)
        return fail(report.error());
    QJsonObject copy = report->body;
    copy.insert(QStringLiteral("copy"), true);
    printReport(copy, QStringLiteral("*** COPY ***\n"));
    return ExitOk;
}

} // namespace Slate::Cli
