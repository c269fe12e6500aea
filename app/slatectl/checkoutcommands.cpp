// slatectl's checkout and back-office commands: sale, receipt, refund, balance (the credit
// overview), invoice, pay-invoice, invoices, overrides. Each calls CheckoutService or
// ReceivablesService; the rules are theirs.

#include "cli.h"

#include "base/uuidv7.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace Slate::Cli {

using namespace Slate::Core;

namespace {

// A --date style option: today (local) when absent; nothing when malformed.
std::optional<QDate> dateArgument(const Arguments &args, const QString &name)
{
    if (!args.values.contains(name))
        return QDate::currentDate();
    const QDate date = QDate::fromString(args.value(name), kDateFormat);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

QJsonArray tendersJson(const QList<TenderAssessment> &tenders)
{
    QJsonArray json;
    for (const TenderAssessment &tender : tenders) {
        json.append(QJsonObject{{QStringLiteral("kind"), tenderKindName(tender.kind)},
                                {QStringLiteral("amount"), tender.amount.toDecimalString()},
                                {QStringLiteral("posted"), tender.posted.toDecimalString()},
                                {QStringLiteral("overridden"), tender.overridden}});
    }
    return json;
}

QJsonObject overviewJson(const CreditOverview &overview)
{
    return QJsonObject{
        {QStringLiteral("as_of"), overview.asOf.toString(kDateFormat)},
        {QStringLiteral("wallet"), overview.wallet.toDecimalString()},
        {QStringLiteral("overdraft_limit"),
         overview.overdraftLimit ? QJsonValue(overview.overdraftLimit->toDecimalString()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("wallet_available"), overview.walletAvailable.toDecimalString()},
        {QStringLiteral("credit_limit"), overview.creditLimit.toDecimalString()},
        {QStringLiteral("accrued"), overview.accrued.toDecimalString()},
        {QStringLiteral("invoiced"), overview.invoiced.toDecimalString()},
        {QStringLiteral("overdue"), overview.overdue.toDecimalString()},
        {QStringLiteral("used"), overview.used.toDecimalString()},
        {QStringLiteral("available"), overview.available.toDecimalString()},
        {QStringLiteral("limit_scope"), limitScopeName(overview.scope)},
        {QStringLiteral("blocked"), overview.blocked},
        {QStringLiteral("state"), creditStateName(overview.state)}};
}

QString overviewText(const CreditOverview &overview)
{
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("  %1 %2\n").arg(label.leftJustified(26), value);
    };
    QString text;
    text += row(QStringLiteral("store credit"), overview.wallet.toDecimalStringWithCode());
    text += row(QStringLiteral("overdraft allowed"),
                overview.overdraftLimit ? QStringLiteral("down to -") + overview.overdraftLimit->toDecimalStringWithCode() : QStringLiteral("no"));
    text += row(QStringLiteral("credit usable now"), overview.walletAvailable.toDecimalStringWithCode());
    text += row(QStringLiteral("credit limit"), overview.creditLimit.toDecimalStringWithCode());
    text += row(QStringLiteral("accrued, not invoiced"), overview.accrued.toDecimalStringWithCode());
    text += row(QStringLiteral("invoiced, unpaid"), overview.invoiced.toDecimalStringWithCode());
    text += row(QStringLiteral("overdue on ") + overview.asOf.toString(kDateFormat), overview.overdue.toDecimalStringWithCode());
    text += row(QStringLiteral("available on account"), overview.available.toDecimalStringWithCode());
    text += row(QStringLiteral("state"), creditStateName(overview.state).toUpper());
    return text;
}

} // namespace

QJsonObject invoiceJson(const Invoice &invoice, const QDate &asOf)
{
    return QJsonObject{{QStringLiteral("number"), invoice.number},
                       {QStringLiteral("customer_id"), invoice.customerId},
                       {QStringLiteral("store"), invoice.storeCode},
                       {QStringLiteral("entry_id"), invoice.entryId},
                       {QStringLiteral("issued"), invoice.issued.toString(kDateFormat)},
                       {QStringLiteral("due"), invoice.due.toString(kDateFormat)},
                       {QStringLiteral("amount"), invoice.amount.toDecimalString()},
                       {QStringLiteral("outstanding"), invoice.outstanding.toDecimalString()},
                       {QStringLiteral("overdue"), invoice.isOverdue(asOf)}};
}

namespace {

QString invoiceLine(const Invoice &invoice, const QDate &asOf)
{
    return QStringLiteral("%1  issued %2  due %3  %4  outstanding %5%6\n")
        .arg(invoice.number.leftJustified(16), invoice.issued.toString(kDateFormat), invoice.due.toString(kDateFormat),
             invoice.amount.toDecimalStringWithCode().rightJustified(16), invoice.outstanding.toDecimalStringWithCode().rightJustified(16),
             invoice.isOverdue(asOf) ? QStringLiteral("  OVERDUE") : QString());
}

QJsonObject saleJson(const SaleRecord &sale)
{
    QJsonArray lines;
    for (const SoldLine &line : sale.lines) {
        lines.append(QJsonObject{{QStringLiteral("line"), line.line},
                                 {QStringLiteral("sku"), line.priced.input.sku},
                                 {QStringLiteral("name"), line.priced.input.name},
                                 {QStringLiteral("quantity"), line.priced.input.quantity},
                                 {QStringLiteral("unit_price"), line.priced.input.unitPrice.toDecimalString()},
                                 {QStringLiteral("discount"), line.priced.input.discount.toDecimalString()},
                                 {QStringLiteral("tax_code"), line.priced.input.tax.code},
                                 {QStringLiteral("gross"), line.priced.gross.toDecimalString()},
                                 {QStringLiteral("tax"), line.priced.tax.toDecimalString()},
                                 {QStringLiteral("refunded_quantity"), line.refundedQuantity}});
    }
    return QJsonObject{{QStringLiteral("sale_id"), sale.saleId},
                       {QStringLiteral("entry_id"), sale.entryId},
                       {QStringLiteral("time"), timestampText(sale.createdUtc)},
                       {QStringLiteral("store"), sale.storeCode},
                       {QStringLiteral("cashier"), sale.cashierName},
                       {QStringLiteral("customer_id"), sale.customerId},
                       {QStringLiteral("currency"), sale.total.currency().code()},
                       {QStringLiteral("total"), sale.total.toDecimalString()},
                       {QStringLiteral("tax"), sale.tax.toDecimalString()},
                       {QStringLiteral("lines"), lines},
                       {QStringLiteral("tenders"), tendersJson(sale.tenders)},
                       {QStringLiteral("cash_tendered"), sale.cashTendered.toDecimalString()},
                       {QStringLiteral("change"), sale.change.toDecimalString()},
                       {QStringLiteral("cash_rounding"), sale.cashRounding.toDecimalString()}};
}

QString saleText(const SaleRecord &sale)
{
    QString text = QStringLiteral("Sale %1  %2  cashier %3\n")
                       .arg(sale.saleId, sale.createdUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), sale.cashierName);
    for (const SoldLine &line : sale.lines) {
        QString description = QStringLiteral("%1 x %2").arg(line.priced.input.quantity).arg(line.priced.input.name);
        if (line.priced.input.discount.isPositive())
            description += QStringLiteral(" (discount %1)").arg(line.priced.input.discount.toDecimalString());
        if (line.refundedQuantity > 0)
            description += QStringLiteral(" [%1 returned]").arg(line.refundedQuantity);
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(line.priced.input.sku.leftJustified(16), description.leftJustified(44),
                         line.priced.gross.toDecimalString().rightJustified(12));
    }
    text += QStringLiteral("  %1 %2\n").arg(QStringLiteral("TOTAL").leftJustified(61), sale.total.toDecimalStringWithCode().rightJustified(12));
    text += QStringLiteral("  %1 %2\n").arg(QStringLiteral("of which tax").leftJustified(61), sale.tax.toDecimalStringWithCode().rightJustified(12));
    for (const TenderAssessment &tender : sale.tenders) {
        text += QStringLiteral("  %1 %2%3\n")
                    .arg(tenderKindName(tender.kind).leftJustified(61), tender.amount.toDecimalString().rightJustified(12),
                         tender.overridden ? QStringLiteral("  (manager override)") : QString());
    }
    if (!sale.cashRounding.isZero())
        text += QStringLiteral("  %1 %2\n").arg(QStringLiteral("cash rounding").leftJustified(61),
                                                sale.cashRounding.toDecimalString().rightJustified(12));
    if (sale.change.isPositive())
        text += QStringLiteral("  %1 %2\n").arg(QStringLiteral("CHANGE").leftJustified(61), sale.change.toDecimalString().rightJustified(12));
    return text;
}

// "SKU:QTY[:DISCOUNT]"
// lineAmount: price x quantity of a line, for a discount given in percent.
using LineAmount = std::function<Result<Money>(const QString &code, qint64 quantity)>;
Result<SaleLineRequest> lineArgument(const QString &text, const Currency &currency, bool discountAllowed,
                                     const LineAmount &lineAmount = {})
{
    const QStringList parts = text.split(QLatin1Char(':'));
    const QString expected = discountAllowed ? QStringLiteral("SKU:QTY or SKU:QTY:DISCOUNT") : QStringLiteral("SKU:QTY");
    if (parts.size() < 2 || parts.size() > (discountAllowed ? 3 : 2) || parts.at(0).isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("--line %1 is not %2 (e.g. MILK-1L:2).").arg(text, expected));
    bool ok = false;
    const qint64 quantity = parts.at(1).toLongLong(&ok);
    if (!ok || quantity < 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--line %1: the quantity %2 is not a whole number of 1 or more.").arg(text, parts.at(1)));
    SaleLineRequest line{parts.at(0), quantity, std::nullopt};
    if (parts.size() == 3 && parts.at(2).endsWith(QLatin1Char('%'))) {
        // A percentage of the line, worked out by core from the catalog's price.
        const std::optional<int> percent = basisPointsFromPercent(QStringView(parts.at(2)).chopped(1));
        if (!percent || !lineAmount)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--line %1: the discount %2 is not a percentage from 0 to 100, e.g. 10%.").arg(text, parts.at(2)));
        const Result<Money> amount = lineAmount(parts.at(0), quantity);
        if (!amount)
            return amount.error();
        const Result<Money> discount = discountForPercent(*amount, *percent);
        if (!discount)
            return discount.error();
        line.discount = *discount;
    } else if (parts.size() == 3) {
        Result<Money> discount = Money::parse(parts.at(2), currency);
        if (!discount)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("--line %1: the discount: %2").arg(text, discount.message()));
        line.discount = *discount;
    }
    return line;
}

} // namespace

Result<OverrideArgument> overrideArgument(const QString &text)
{
    OverrideArgument parsed;
    QString rest = text;
    const qsizetype equals = rest.indexOf(QLatin1Char('='));
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    if (equals > 0 && (colon < 0 || equals < colon)) {
        parsed.discount = rest.left(equals) == QLatin1String("discount");
        parsed.tender = tenderKindFromName(rest.left(equals));
        if (!parsed.tender && !parsed.discount)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--override %1: \"%2\" is not credit, account or discount.").arg(text, rest.left(equals)));
        rest = rest.mid(equals + 1);
    }
    const QStringList parts = rest.split(QLatin1Char(':'));
    if (parts.size() < 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--override needs MANAGER:PIN:REASON (PIN - reads it from standard input)."));
    parsed.manager = parts.at(0);
    parsed.pin = parts.at(1);
    parsed.reason = parts.mid(2).join(QLatin1Char(':'));
    if (parsed.pin == QLatin1String("-")) {
        QTextStream in(stdin);
        parsed.pin = in.readLine().trimmed();
    }
    return parsed;
}

int Cli::sale(const Arguments &args)
{
    const Currency &currency = m_store->identity().currency;
    SaleRequest request;
    request.cashierName = args.value(QStringLiteral("cashier"));
    if (request.cashierName.isEmpty())
        return usage(QStringLiteral("Name the cashier with --cashier USER."));
    if (args.values.contains(QStringLiteral("request-id"))) {
        request.requestId = args.value(QStringLiteral("request-id"));
        if (auto checked = checkSaleRequestId(request.requestId); !checked)
            return usage(checked.message());
    }
    std::optional<Customer> customer;
    if (args.values.contains(QStringLiteral("customer"))) {
        Result<Customer> found = customerArgument(args.value(QStringLiteral("customer")));
        if (!found)
            return fail(found.error());
        customer = *found;
        request.customerId = found->id;
    }
    for (const QString &text : args.values.value(QStringLiteral("line"))) {
        Result<SaleLineRequest> line = lineArgument(text, currency, true, [this](const QString &code, qint64 quantity) -> Result<Money> {
            const Result<Product> product = m_store->catalog().byScannedCode(code);
            if (!product)
                return product.error();
            return product->unitPrice.times(quantity);
        });
        if (!line)
            return fail(line.error());
        request.lines.append(*line);
    }
    if (request.lines.isEmpty())
        return usage(QStringLiteral("A sale needs at least one --line SKU:QTY."));
    for (const QString &text : args.values.value(QStringLiteral("pay"))) {
        const std::optional<TenderKind> kind = tenderKindFromName(text.section(QLatin1Char('='), 0, 0));
        if (!kind || !text.contains(QLatin1Char('=')))
            return usage(QStringLiteral("--pay %1 is not credit=AMOUNT, account=AMOUNT, cash=AMOUNT or card=AMOUNT.").arg(text));
        Result<Money> amount = amountArgument(text.section(QLatin1Char('='), 1));
        if (!amount)
            return fail(Error{ErrorCode::InvalidArgument, QStringLiteral("--pay %1: %2").arg(text, amount.message())});
        request.tenders.append(TenderRequest{*kind, *amount});
    }

    CheckoutService &checkout = m_store->checkout();
    const QStringList overrideTexts = args.values.value(QStringLiteral("override"));
    // A retry of a recorded request gives that sale back: no manager is asked for an override
    // that the first attempt already used (the quote would see the wallet the sale spent).
    bool recorded = false;
    if (!request.requestId.isEmpty()) {
        Result<std::optional<QString>> earlier = checkout.saleOfRequest(request.requestId);
        if (!earlier)
            return fail(earlier.error());
        recorded = earlier->has_value();
    }
    if (!overrideTexts.isEmpty() && !recorded) {
        // Ask for an override only for a tender that the rules refuse, and only for the amount over.
        Result<SaleQuote> quote = checkout.quote(request);
        if (!quote)
            return fail(quote.error());
        QList<const TenderAssessment *> refused;
        for (const TenderAssessment &tender : quote->tenders) {
            if (tender.check.verdict == TenderVerdict::OverAvailable)
                refused.append(&tender);
        }
        for (const QString &text : overrideTexts) {
            Result<OverrideArgument> parsed = overrideArgument(text);
            if (!parsed)
                return fail(parsed.error());
            if (parsed->discount) {
                if (!quote->discountNeedsManager)
                    return fail(Error{ErrorCode::InvalidArgument,
                                      QStringLiteral("No discount of this sale needs a manager; it can go through without one.")});
                Result<OverrideGrant> grant = checkout.authorizeDiscount(parsed->managerPin(), request.cashierName, quote->discountBasisPoints);
                if (!grant)
                    return fail(grant.error());
                request.overrides.append(*grant);
                continue;
            }
            const TenderAssessment *target = nullptr;
            for (const TenderAssessment *tender : refused) {
                if (!parsed->tender || tender->kind == *parsed->tender) {
                    if (target && !parsed->tender)
                        return usage(QStringLiteral("Both the credit and the account tender are over; say which one the "
                                                    "override is for: --override credit=… and --override account=…"));
                    target = tender;
                }
            }
            if (!target)
                return fail(Error{ErrorCode::InvalidArgument,
                                  QStringLiteral("No %1 tender of this sale needs an override; it can go through without one.")
                                      .arg(parsed->tender ? tenderKindName(*parsed->tender) : QStringLiteral("credit or account"))});
            Result<OverrideGrant> grant = checkout.authorizeOverride(parsed->manager, parsed->pin, parsed->reason,
                                                                     request.cashierName, request.customerId, target->kind,
                                                                     target->check.over);
            if (!grant)
                return fail(grant.error());
            request.overrides.append(*grant);
        }
    }
    Result<SaleReceipt> receipt = checkout.sale(request);
    if (!receipt)
        return fail(receipt.error());
    QJsonObject json = saleJson(receipt->sale);
    QString text = saleText(receipt->sale);
    if (!request.requestId.isEmpty()) {
        json.insert(QStringLiteral("request_id"), request.requestId);
        json.insert(QStringLiteral("replayed"), receipt->replayed);
        if (receipt->replayed)
            text.prepend(QStringLiteral("Request %1 was recorded already as sale %2; nothing was charged again.\n")
                             .arg(request.requestId, receipt->sale.saleId));
    }
    QJsonArray overrides;
    for (const OverrideRecord &record : receipt->overrides) {
        overrides.append(QJsonObject{{QStringLiteral("id"), record.id},
                                     {QStringLiteral("manager"), record.managerName},
                                     {QStringLiteral("tender"), tenderKindName(record.tender)},
                                     {QStringLiteral("amount_over"), record.amountOver.toDecimalString()},
                                     {QStringLiteral("reason"), record.reason}});
        text += QStringLiteral("  Override by %1: %2 over on %3 (%4)\n")
                    .arg(record.managerName, record.amountOver.toDecimalStringWithCode(), tenderKindName(record.tender), record.reason);
    }
    json.insert(QStringLiteral("overrides"), overrides);
    if (receipt->customer && receipt->after) {
        json.insert(QStringLiteral("customer"), receipt->customer->card);
        json.insert(QStringLiteral("after"), overviewJson(*receipt->after));
        text += QStringLiteral("%1 (%2) after this sale:\n").arg(receipt->customer->name, receipt->customer->card)
                + overviewText(*receipt->after);
    }
    print(json, text);
    return ExitOk;
}

int Cli::receipt(const Arguments &args)
{
    Result<SaleRecord> sale = m_store->checkout().saleById(args.positional.at(0));
    if (!sale)
        return fail(sale.error());
    QJsonObject json = saleJson(*sale);
    json.insert(QStringLiteral("void_entry_id"), sale->voidEntryId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sale->voidEntryId));
    print(json, (sale->voidEntryId.isEmpty() ? QString() : QStringLiteral("*** VOID (entry %1) ***\n").arg(sale->voidEntryId)) + saleText(*sale));
    return ExitOk;
}

int Cli::voidLast(const Arguments &args)
{
    if (!args.values.contains(QStringLiteral("override")))
        return usage(QStringLiteral("A void needs a manager: --override MANAGER:PIN|-:REASON."));
    Result<OverrideArgument> parsed = overrideArgument(args.value(QStringLiteral("override")));
    if (!parsed)
        return fail(parsed.error());
    if (parsed->tender || parsed->discount)
        return usage(QStringLiteral("A void's --override is MANAGER:PIN|-:REASON, without credit=, account= or discount=."));
    const QString user = namedUser(args);
    if (user.isEmpty())
        return usage(QStringLiteral("Name who voids it: --user USER (or $SLATE_USER)."));
    Result<VoidReceipt> voided = m_store->voids().voidLast(VoidRequest{user, parsed->managerPin()});
    if (!voided)
        return fail(voided.error());
    const VoidableTransaction &original = voided->original;
    const QString what = original.entry.kind == EntryKind::Sale ? QStringLiteral("sale %1").arg(original.saleId)
                                                                 : QStringLiteral("top-up %1").arg(uuidText(original.entry.id));
    QJsonObject json{{QStringLiteral("voided_entry_id"), uuidText(original.entry.id)},
                     {QStringLiteral("kind"), entryKindName(original.entry.kind)},
                     {QStringLiteral("sale_id"), original.saleId},
                     {QStringLiteral("amount"), original.amount.toDecimalString()},
                     {QStringLiteral("currency"), original.amount.currency().code()},
                     {QStringLiteral("entry_id"), uuidText(voided->reversal.id)},
                     {QStringLiteral("authorised_by"), voided->approvedBy},
                     {QStringLiteral("reason"), voided->reason}};
    QString text = QStringLiteral("*** VOID *** %1 of %2, authorised by %3 (%4). Reversal entry %5.\n")
                       .arg(what, original.amount.toDecimalStringWithCode(), voided->approvedBy, voided->reason,
                            uuidText(voided->reversal.id));
    if (voided->walletAfter) {
        json.insert(QStringLiteral("wallet"), voided->walletAfter->toDecimalString());
        text += QStringLiteral("%1's store credit: %2\n").arg(original.customer ? original.customer->name : QString(),
                                                              voided->walletAfter->toDecimalStringWithCode());
    }
    print(json, text);
    return ExitOk;
}

int Cli::creditAdd(const Arguments &args)
{
    if (!args.values.contains(QStringLiteral("journal")))
        return usage(QStringLiteral("credit add needs --journal cash|bank|card (what paid for the credit)."));
    const std::optional<PaymentJournal> journal = paymentJournalFromName(args.value(QStringLiteral("journal")));
    if (!journal)
        return usage(QStringLiteral("--journal must be cash, bank or card, not \"%1\".").arg(args.value(QStringLiteral("journal"))));
    Result<Money> amount = amountArgument(args.positional.at(1));
    if (!amount)
        return fail(amount.error());
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    TopUpRequest request{*customer, *amount, *journal, args.value(QStringLiteral("note")), userName(args), std::nullopt};
    if (args.values.contains(QStringLiteral("override"))) {
        Result<OverrideArgument> parsed = overrideArgument(args.value(QStringLiteral("override")));
        if (!parsed)
            return fail(parsed.error());
        if (parsed->tender || parsed->discount)
            return usage(QStringLiteral("A top-up's --override is MANAGER:PIN|-:REASON, without credit=, account= or discount=."));
        request.approval = parsed->managerPin();
    }
    // The bounds of the user named by --user (or $SLATE_USER); anyone else has a cashier's.
    Result<TopUpReceipt> receipt = m_store->topUps().topUp(request);
    if (!receipt) {
        if (receipt.code() == ErrorCode::ApprovalNeeded && !request.approval)
            return fail(Error{receipt.code(), receipt.message() + QStringLiteral(" Add --override MANAGER:PIN|-:REASON.")});
        return fail(receipt.error());
    }
    QJsonObject json = entryJson(receipt->entry);
    json.insert(QStringLiteral("card"), customer->card);
    json.insert(QStringLiteral("wallet"), receipt->walletAfter.toDecimalString());
    json.insert(QStringLiteral("authorised_by"), receipt->approvedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(receipt->approvedBy));
    print(json, QStringLiteral("Added %1 to %2's credit (paid by %3%4). Wallet: %5. Entry %6.")
                    .arg(amount->toDecimalStringWithCode(), customer->name, paymentJournalName(*journal),
                         receipt->approvedBy.isEmpty() ? QString() : QStringLiteral(", authorised by ") + receipt->approvedBy,
                         receipt->walletAfter.toDecimalStringWithCode(), uuidText(receipt->entry.id)));
    return ExitOk;
}

int Cli::refund(const Arguments &args)
{
    RefundRequest request;
    request.saleId = args.positional.at(0);
    // Who refunds is a user of this till: --cashier, else --user or $SLATE_USER.
    request.cashierName = args.values.contains(QStringLiteral("cashier")) ? args.value(QStringLiteral("cashier")) : namedUser(args);
    if (request.cashierName.isEmpty())
        return usage(QStringLiteral("Name who makes the refund: --cashier USER, or --user USER (or $SLATE_USER)."));
    const std::optional<RefundTo> to = refundToFromName(args.value(QStringLiteral("to")));
    if (!to)
        return usage(QStringLiteral("Say where the money goes: --to credit, --to cash or --to original."));
    request.to = *to;
    request.reason = args.value(QStringLiteral("reason"));
    if (args.values.contains(QStringLiteral("customer"))) {
        Result<Customer> customer = customerArgument(args.value(QStringLiteral("customer")));
        if (!customer)
            return fail(customer.error());
        request.customerId = customer->id;
    }
    for (const QString &text : args.values.value(QStringLiteral("line"))) {
        Result<SaleLineRequest> line = lineArgument(text, m_store->identity().currency, false);
        if (!line)
            return fail(line.error());
        request.lines.append(RefundLineRequest{line->code, line->quantity});
    }
    Result<RefundReceipt> refund = m_store->checkout().refund(request);
    if (!refund)
        return fail(refund.error());
    QJsonObject json{{QStringLiteral("refund_id"), refund->refundId},
                     {QStringLiteral("sale_id"), refund->saleId},
                     {QStringLiteral("entry_id"), uuidText(refund->entry.id)},
                     {QStringLiteral("total"), refund->total.toDecimalString()},
                     {QStringLiteral("tax"), refund->tax.toDecimalString()},
                     {QStringLiteral("paid_back"), tendersJson(refund->paidBack)},
                     {QStringLiteral("cash_rounding"), refund->cashRounding.toDecimalString()}};
    QString text = QStringLiteral("Refund %1 of sale %2: %3 (tax %4)\n")
                       .arg(refund->refundId, refund->saleId, refund->total.toDecimalStringWithCode(), refund->tax.toDecimalStringWithCode());
    for (const TenderAssessment &paid : refund->paidBack)
        text += QStringLiteral("  back to %1: %2\n").arg(tenderKindName(paid.kind), paid.posted.toDecimalStringWithCode());
    if (!refund->cashRounding.isZero())
        text += QStringLiteral("  cash rounding: %1\n").arg(refund->cashRounding.toDecimalStringWithCode());
    if (refund->after) {
        json.insert(QStringLiteral("after"), overviewJson(*refund->after));
        text += QStringLiteral("Customer after the refund:\n") + overviewText(*refund->after);
    }
    print(json, text);
    return ExitOk;
}

int Cli::balance(const Arguments &args)
{
    const std::optional<QDate> asOf = dateArgument(args, QStringLiteral("as-of"));
    if (!asOf)
        return usage(QStringLiteral("--as-of must be a date like 2026-11-23."));
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    Result<CreditOverview> overview = m_store->receivables().overview(*customer, *asOf);
    if (!overview)
        return fail(overview.error());
    QJsonObject json = overviewJson(*overview);
    json.insert(QStringLiteral("card"), customer->card);
    json.insert(QStringLiteral("customer_id"), customer->id);
    json.insert(QStringLiteral("name"), customer->name);
    json.insert(QStringLiteral("currency"), overview->wallet.currency().code());
    json.insert(QStringLiteral("terms_days"), customer->terms.paymentTermsDays);
    print(json, QStringLiteral("%1 (%2)\n").arg(customer->name, customer->card) + overviewText(*overview));
    return ExitOk;
}

int Cli::invoice(const Arguments &args)
{
    const std::optional<QDate> date = dateArgument(args, QStringLiteral("date"));
    if (!date)
        return usage(QStringLiteral("--date must be a date like 2026-11-23."));
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    Result<Invoice> invoice = m_store->receivables().issueInvoice(*customer, *date, userName(args));
    if (!invoice)
        return fail(invoice.error());
    print(invoiceJson(*invoice, *date), QStringLiteral("Invoiced %1 (%2):\n").arg(customer->name, customer->card)
                                             + invoiceLine(*invoice, *date));
    return ExitOk;
}

int Cli::payInvoice(const Arguments &args)
{
    const std::optional<PaymentJournal> journal = paymentJournalFromName(args.value(QStringLiteral("journal")));
    if (!journal)
        return usage(QStringLiteral("Say how it was paid: --journal cash, bank or card."));
    Result<Money> amount = amountArgument(args.positional.at(1));
    if (!amount)
        return fail(amount.error());
    Result<InvoicePayment> payment = m_store->receivables().recordPayment(
        args.positional.at(0), *amount, *journal, args.value(QStringLiteral("note")), userName(args));
    if (!payment)
        return fail(payment.error());
    QJsonObject json = invoiceJson(payment->invoice, QDate::currentDate());
    json.insert(QStringLiteral("paid"), amount->toDecimalString());
    json.insert(QStringLiteral("entry_id"), uuidText(payment->entry.id));
    print(json, QStringLiteral("Recorded %1 by %2 against invoice %3; %4 outstanding.\n")
                    .arg(amount->toDecimalStringWithCode(), paymentJournalName(*journal), payment->invoice.number,
                         payment->invoice.outstanding.toDecimalStringWithCode()));
    return ExitOk;
}

int Cli::invoices(const Arguments &args)
{
    const std::optional<QDate> asOf = dateArgument(args, QStringLiteral("as-of"));
    if (!asOf)
        return usage(QStringLiteral("--as-of must be a date like 2026-11-23."));
    Result<QList<Invoice>> found = QList<Invoice>{};
    if (args.values.contains(QStringLiteral("customer"))) {
        Result<Customer> customer = customerArgument(args.value(QStringLiteral("customer")));
        if (!customer)
            return fail(customer.error());
        found = m_store->receivables().invoices(customer->id, args.flags.contains(QStringLiteral("open")));
    } else if (args.flags.contains(QStringLiteral("overdue"))) {
        found = m_store->receivables().overdueInvoices(*asOf);
    } else {
        return usage(QStringLiteral("List a customer's invoices with --customer CARD [--open], or every overdue one with --overdue."));
    }
    if (!found)
        return fail(found.error());
    QJsonArray json;
    QString text;
    for (const Invoice &invoice : *found) {
        if (args.flags.contains(QStringLiteral("overdue")) && !invoice.isOverdue(*asOf))
            continue;
        json.append(invoiceJson(invoice, *asOf));
        Result<Customer> customer = m_store->customers().byId(invoice.customerId);
        text += invoiceLine(invoice, *asOf).chopped(1) + QStringLiteral("  %1\n").arg(customer ? customer->card : invoice.customerId);
    }
    if (json.isEmpty())
        text = QStringLiteral("No invoices.\n");
    print(json, text);
    return ExitOk;
}

int Cli::overrides(const Arguments &args)
{
    const Result<DayRange> range = dayRangeArgument(args);
    if (!range)
        return usage(range.message());
    Result<QList<OverrideRecord>> records = m_store->checkout().overrides(range->fromUtc, range->toUtc);
    if (!records)
        return fail(records.error());
    QJsonArray json;
    QString text;
    for (const OverrideRecord &record : *records) {
        Result<Customer> customer = m_store->customers().byId(record.customerId);
        const QString card = customer ? customer->card : record.customerId;
        json.append(QJsonObject{{QStringLiteral("id"), record.id},
                                {QStringLiteral("time"), timestampText(record.createdUtc)},
                                {QStringLiteral("sale_id"), record.saleId},
                                {QStringLiteral("entry_id"), record.entryId},
                                {QStringLiteral("manager"), record.managerName},
                                {QStringLiteral("cashier"), record.cashierName},
                                {QStringLiteral("customer"), card},
                                {QStringLiteral("tender"), tenderKindName(record.tender)},
                                {QStringLiteral("amount_over"), record.amountOver.toDecimalString()},
                                {QStringLiteral("reason"), record.reason}});
        text += QStringLiteral("%1  %2  %3 authorised %4 over on %5 for %6 (cashier %7): %8\n")
                    .arg(record.createdUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), record.saleId,
                         record.managerName, record.amountOver.toDecimalStringWithCode(), tenderKindName(record.tender), card,
                         record.cashierName, record.reason);
    }
    if (records->isEmpty())
        text = QStringLiteral("No overrides in that period.\n");
    print(json, text);
    return ExitOk;
}

} // namespace Slate::Cli
