#include "checkout/checkout.h"

#include "checkout/offlinepolicy.h"
#include "checkout/voids.h"
#include "people/permissions.h"
#include "base/digest.h"
#include "base/textrules.h"
#include "base/uuidv7.h"
#include "ledger/foreignentries.h"

#include <QSet>

#include <algorithm>
#include <array>

namespace Slate::Core {

namespace {

constexpr qsizetype kTendersMax = 20;
constexpr qsizetype kGrantsOutstandingMax = 100;
// The order tenders are listed, posted and (for refunds to the original tenders) paid back.
constexpr std::array<TenderKind, 4> kTenderOrder{TenderKind::Account, TenderKind::Credit, TenderKind::Card,
                                                 TenderKind::Cash};


QString numbered(const QString &terminal, const QString &infix, qint64 number)
{
    return terminal + QLatin1Char('-') + infix + QStringLiteral("%1").arg(number, 6, 10, QLatin1Char('0'));
}

Result<qint64> nextNumber(Database &database, const QString &table, const QString &terminal)
{
    Result<Query> query = database.run(
        QStringLiteral("SELECT coalesce(max(number), 0) + 1 FROM %1 WHERE terminal_id = ?").arg(table), {terminal},
        QStringLiteral("number the next record in %1").arg(table));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::IoError, QStringLiteral("Could not number the next record in %1.").arg(table));
    return query->value(0).toLongLong();
}

Error overflow() { return makeError(ErrorCode::Overflow, QStringLiteral("An amount of this sale is out of range.")); }

// Sums with overflow detection; the first failure is kept.
struct Sum {
    Money total;
    bool failed = false;
    void add(const Money &amount)
    {
        Result<Money> next = total.plus(amount);
        if (next)
            total = *next;
        else
            failed = true;
    }
};

// Which tender an account of a sale's entry belongs to, if any.
std::optional<TenderKind> tenderOfAccount(const QString &account)
{
    if (account.startsWith(QLatin1String("liabilities:store-credit:")))
        return TenderKind::Credit;
    if (account.startsWith(QLatin1String("assets:receivable:")))
        return TenderKind::Account;
    if (account.startsWith(QLatin1String("assets:cash:")))
        return TenderKind::Cash;
    if (account.startsWith(QLatin1String("assets:card:")))
        return TenderKind::Card;
    return std::nullopt;
}

// What a sale request asks for, as bytes that differ whenever the request does: each field
// length-prefixed, so that no two requests share a fingerprint by moving text between fields.
// Override grants are left out: a retry after a crash cannot repeat them.
QByteArray requestFingerprint(const SaleRequest &request)
{
    QByteArray bytes("slate-sale-request-1");
    const auto field = [&bytes](const QByteArray &value) {
        bytes.append(QByteArray::number(value.size())).append(':').append(value);
    };
    field(request.cashierName.toUtf8());
    field(request.customerId.toUtf8());
    field(QByteArray::number(request.lines.size()));
    for (const SaleLineRequest &line : request.lines) {
        field(line.code.toUtf8());
        field(QByteArray::number(line.quantity));
        field(line.discount ? QByteArray::number(line.discount->minorUnits()) + ' ' + line.discount->currency().code().toLatin1()
                            : QByteArray("-"));
    }
    field(QByteArray::number(request.tenders.size()));
    for (const TenderRequest &tender : request.tenders) {
        field(tenderKindName(tender.kind).toLatin1());
        field(QByteArray::number(tender.amount.minorUnits()) + ' ' + tender.amount.currency().code().toLatin1());
    }
    return sha256(bytes);
}

} // namespace

Result<void> checkSaleRequestId(const QString &requestId)
{
    const bool wellFormed = !requestId.isEmpty() && requestId.size() <= kSaleRequestIdLengthMax
                            && std::all_of(requestId.cbegin(), requestId.cend(), [](QChar c) {
                                   return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                                          || c == u'.' || c == u'_' || c == u':' || c == u'-';
                               });
    if (!wellFormed)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A sale's request id is 1 to %1 characters of letters, digits and . _ : - "
                                        "(e.g. a UUID); nothing was recorded.")
                             .arg(kSaleRequestIdLengthMax));
    return {};
}

QString tenderKindName(TenderKind kind)
{
    switch (kind) {
    case TenderKind::Credit: return QStringLiteral("credit");
    case TenderKind::Account: return QStringLiteral("account");
    case TenderKind::Cash: return QStringLiteral("cash");
    case TenderKind::Card: return QStringLiteral("card");
    }
    return {};
}

std::optional<TenderKind> tenderKindFromName(QStringView name)
{
    for (TenderKind kind : kTenderOrder) {
        if (name == tenderKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QString refundToName(RefundTo to)
{
    switch (to) {
    case RefundTo::Credit: return QStringLiteral("credit");
    case RefundTo::Cash: return QStringLiteral("cash");
    case RefundTo::Original: return QStringLiteral("original");
    }
    return {};
}

std::optional<RefundTo> refundToFromName(QStringView name)
{
    for (RefundTo to : {RefundTo::Credit, RefundTo::Cash, RefundTo::Original}) {
        if (name == refundToName(to))
            return to;
    }
    return std::nullopt;
}

Result<Money> discountForPercent(const Money &line, int basisPoints)
{
    if (basisPoints < 0 || basisPoints > kDiscountBasisPointsMax)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A discount is from 0 to 100 %, not %1 basis points.").arg(basisPoints));
    return line.scaled(basisPoints, kDiscountBasisPointsMax, RoundingMode::HalfUp);
}

int discountBasisPoints(const Money &line, const Money &discount)
{
    if (!line.isPositive() || !discount.isPositive())
        return 0;
    // discount / line in [0, 1], scaled first (in 128 bits, inside Money::scaled) so nothing is lost.
    const Result<Money> scaled = Money(std::min(discount.minorUnits(), line.minorUnits()), line.currency())
                                     .scaled(kDiscountBasisPointsMax, line.minorUnits(), RoundingMode::Ceiling);
    return scaled ? int(scaled->minorUnits()) : kDiscountBasisPointsMax;
}

struct CheckoutService::Prepared {
    SaleQuote quote;
    QString discountReason; // of the grant that covers the discounts
    QList<const OverrideGrant *> grants; // parallel to quote.tenders: the grant that covers it, if any
};

CheckoutService::CheckoutService(Database &database, Journal &journal, CustomerDirectory &customers,
                                 StoreCreditService &credit, ReceivablesService &receivables, UserDirectory &users,
                                 ProductCatalog &catalog, const CheckoutSettings &settings, Clock clock)
    : m_database(database), m_journal(journal), m_customers(customers), m_credit(credit), m_receivables(receivables),
      m_users(users), m_catalog(catalog), m_settings(settings), m_clock(std::move(clock))
{
}

QDateTime CheckoutService::now() const { return m_clock ? m_clock() : nowUtc(); }

Result<SaleQuote> CheckoutService::quote(const SaleRequest &request) const
{
    Result<Prepared> prepared = prepare(request);
    if (!prepared)
        return prepared.error();
    return prepared->quote;
}

Result<CheckoutService::Prepared> CheckoutService::prepare(const SaleRequest &request) const
{
    const Currency &currency = m_journal.identity().currency;
    const Money zero = Money::zero(currency);

    const Result<User> cashier = m_users.byName(request.cashierName);
    if (!cashier)
        return cashier.error();
    if (!cashier->active)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("User %1 is deactivated and cannot sell.").arg(request.cashierName));

    Prepared prepared;
    SaleQuote &quote = prepared.quote;
    if (!request.customerId.isEmpty()) {
        Result<Customer> customer = m_customers.byId(request.customerId);
        if (!customer)
            return customer.error();
        quote.customer = *customer;
    }

    // Lines: what was scanned, at today's price and tax rate.
    if (request.lines.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A sale needs at least one line; scan a product."));
    if (request.lines.size() > kSaleLinesMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A sale may have at most %1 lines.").arg(kSaleLinesMax));
    QHash<QString, TaxCode> taxCodes;
    QList<SaleLineInput> inputs;
    for (qsizetype i = 0; i < request.lines.size(); ++i) {
        const SaleLineRequest &line = request.lines.at(i);
        Result<Product> product = m_catalog.byScannedCode(line.code);
        if (!product)
            return makeError(product.code(), QStringLiteral("Line %1: %2").arg(i + 1).arg(product.message()));
        if (!product->active)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Line %1: %2 (%3) is no longer sold.").arg(i + 1).arg(product->name, product->sku));
        if (!taxCodes.contains(product->taxCode)) {
            Result<TaxCode> tax = m_catalog.taxCode(product->taxCode);
            if (!tax)
                return tax.error();
            taxCodes.insert(product->taxCode, *tax);
        }
        inputs.append(SaleLineInput{product->sku, product->name, line.quantity, product->unitPrice,
                                    line.discount.value_or(zero), taxCodes.value(product->taxCode)});
    }
    Result<SaleTotals> totals = priceSale(inputs, m_settings.priceMode, currency);
    if (!totals)
        return totals.error();
    quote.totals = *totals;
    const Money &total = quote.totals.gross;
    const QDateTime now = this->now();
    QStringList problems;

    // Discounts: beyond what this user may give alone, a manager's discount grant must cover the
    // largest one.
    int discountLine = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const Result<Money> extended = inputs.at(i).unitPrice.times(inputs.at(i).quantity);
        if (!extended)
            return overflow();
        const int points = discountBasisPoints(*extended, inputs.at(i).discount);
        if (points > quote.discountBasisPoints) {
            quote.discountBasisPoints = points;
            discountLine = int(i + 1);
        }
    }
    const int allowedDiscount = cashier->role == Role::Cashier ? m_settings.discountMaxCashierBasisPoints : kDiscountBasisPointsMax;
    if (quote.discountBasisPoints > allowedDiscount) {
        for (const OverrideGrant &candidate : request.overrides) {
            if (candidate.scope != OverrideScope::Discount)
                continue;
            const auto issued = m_grants.constFind(candidate.token);
            if (issued != m_grants.constEnd() && issued->scope == OverrideScope::Discount
                && issued->cashierName == request.cashierName && issued->managerName == candidate.managerName
                && issued->discountBasisPointsMax >= quote.discountBasisPoints
                && issued->authorisedUtc.secsTo(now) <= kOverrideGrantLifetimeSeconds) {
                quote.discountApprovedBy = issued->managerName;
                prepared.discountReason = issued->reason;
                break;
            }
        }
        if (quote.discountApprovedBy.isEmpty()) {
            quote.discountNeedsManager = true;
            problems.append(QStringLiteral("Line %1 has a discount of %2 %; %3 may give at most %4 % alone. A manager can authorise it.")
                                .arg(discountLine)
                                .arg(taxRatePercentText(quote.discountBasisPoints), request.cashierName, taxRatePercentText(allowedDiscount)));
        }
    }
    if (!total.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The sale comes to %1; a sale must be worth more than zero.").arg(total.toDecimalStringWithCode()));

    // Tenders: one per kind (two card slips are one card tender).
    if (request.tenders.size() > kTendersMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A sale may have at most %1 tenders.").arg(kTendersMax));
    QMap<TenderKind, Money> requested;
    for (const TenderRequest &tender : request.tenders) {
        if (!(tender.amount.currency() == currency))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("The %1 tender is in %2; this store takes %3.")
                                 .arg(tenderKindName(tender.kind), tender.amount.currency().code(), currency.code()));
        if (!tender.amount.isPositive())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("The %1 tender must be more than zero, not %2.")
                                                             .arg(tenderKindName(tender.kind), tender.amount.toDecimalString()));
        Result<Money> sum = requested.value(tender.kind, zero).plus(tender.amount);
        if (!sum)
            return overflow();
        requested.insert(tender.kind, *sum);
    }

    Sum nonCash{zero};
    // The offline cap: what this customer may still take from credit or account at this till
    // before the server has seen it, when the till's last sync is too old.
    Money offlineLeft = zero;
    if (quote.customer && m_settings.offlineAfterMinutes > 0
        && (requested.contains(TenderKind::Credit) || requested.contains(TenderKind::Account))) {
        const Result<SyncFreshness> freshness = OfflinePolicy::freshness(m_database);
        if (!freshness)
            return freshness.error();
        quote.staleMinutes = OfflinePolicy::staleMinutes(*freshness, m_settings.offlineAfterMinutes, now);
        if (quote.staleMinutes) {
            const Result<Money> used = OfflinePolicy::unconfirmedUse(m_database, m_journal.identity().terminalId,
                                                                     freshness->pushedSequence, quote.customer->id, currency);
            if (!used)
                return used.error();
            offlineLeft = Money(std::max<qint64>(0, m_settings.offlineCapMinorUnits - used->minorUnits()), currency);
        }
    }
    for (TenderKind kind : kTenderOrder) {
        if (!requested.contains(kind) || kind == TenderKind::Cash)
            continue;
        TenderAssessment assessment{kind, requested.value(kind), requested.value(kind), TenderCheck{}, false};
        assessment.check = TenderCheck{TenderVerdict::Allowed, assessment.amount, zero, QString()};
        const OverrideGrant *grant = nullptr;
        if (kind == TenderKind::Credit || kind == TenderKind::Account) {
            if (!quote.customer) {
                assessment.check = TenderCheck{TenderVerdict::NotOffered, zero, assessment.amount,
                                               QStringLiteral("Attach a customer before taking %1.")
                                                   .arg(kind == TenderKind::Credit ? QStringLiteral("store credit")
                                                                                   : QStringLiteral("an account payment"))};
            } else {
                Result<TenderCheck> check = [&]() -> Result<TenderCheck> {
                    if (kind == TenderKind::Credit) {
                        const Result<Money> wallet = m_credit.wallet(quote.customer->id);
                        if (!wallet)
                            return wallet.error();
                        return checkWalletTender(*quote.customer, *wallet, assessment.amount);
                    }
                    const Result<Money> used = m_receivables.accountUsage(*quote.customer);
                    if (!used)
                        return used.error();
                    return checkAccountTender(*quote.customer, *used, assessment.amount);
                }();
                if (!check)
                    return check.error();
                assessment.check = *check;
                if (quote.staleMinutes && assessment.check.verdict != TenderVerdict::Blocked
                    && assessment.check.verdict != TenderVerdict::NotOffered) {
                    if (assessment.amount.minorUnits() > offlineLeft.minorUnits()
                        && offlineLeft.minorUnits() < assessment.check.available.minorUnits()) {
                        assessment.check.verdict = TenderVerdict::OverAvailable;
                        assessment.check.available = offlineLeft;
                        assessment.check.over = *assessment.amount.minus(offlineLeft);
                        assessment.check.message =
                            QStringLiteral("This till has not synced for %1 minutes, so %2 can use at most %3 of store credit "
                                           "and account here until it does; %4 is %5 over. A manager can authorise the "
                                           "difference.")
                                .arg(*quote.staleMinutes)
                                .arg(quote.customer->name, offlineLeft.toDecimalStringWithCode(), assessment.amount.toDecimalStringWithCode(),
                                     assessment.check.over.toDecimalStringWithCode());
                    }
                    offlineLeft = Money(std::max<qint64>(0, offlineLeft.minorUnits() - assessment.amount.minorUnits()), currency);
                }
            }
            QString grantProblem;
            if (assessment.check.verdict == TenderVerdict::OverAvailable) {
                for (const OverrideGrant &candidate : request.overrides) {
                    if (candidate.scope != OverrideScope::Tender || candidate.tender != kind)
                        continue;
                    const auto issued = m_grants.constFind(candidate.token);
                    const bool valid = issued != m_grants.constEnd() && issued->managerName == candidate.managerName
                                       && issued->customerId == quote.customer->id
                                       && issued->cashierName == request.cashierName && issued->tender == kind
                                       && issued->maxOver == candidate.maxOver
                                       && issued->authorisedUtc.secsTo(now) <= kOverrideGrantLifetimeSeconds;
                    if (!valid) {
                        grantProblem = (QStringLiteral("The manager override for the %1 tender is no longer valid "
                                                       "(used, expired or for another sale); ask the manager again.")
                                            .arg(tenderKindName(kind)));
                        break;
                    }
                    if (assessment.check.over.minorUnits() > issued->maxOver.minorUnits()) {
                        grantProblem = (QStringLiteral("%1 authorised %2 over on the %3 tender; it is now %4 over. "
                                                       "Ask for a new override or lower the tender.")
                                            .arg(issued->managerName, issued->maxOver.toDecimalStringWithCode(), tenderKindName(kind),
                                                 assessment.check.over.toDecimalStringWithCode()));
                        break;
                    }
                    assessment.overridden = true;
                    grant = &issued.value();
                    break;
                }
            }
            // A refused tender is the first thing to tell the cashier; a grant that does not
            // cover it says why better than the rule does.
            if (assessment.check.verdict != TenderVerdict::Allowed && !assessment.overridden)
                problems.prepend(grantProblem.isEmpty() ? assessment.check.message : grantProblem);
        }
        nonCash.add(assessment.amount);
        quote.tenders.append(assessment);
        prepared.grants.append(grant);
    }
    if (nonCash.failed)
        return overflow();
    quote.nonCash = nonCash.total;

    // Cash: the rest after the other tenders, rounded to the smallest coin; change from cash only.
    const Result<Money> rest = total.minus(quote.nonCash);
    if (!rest)
        return overflow();
    quote.cashTendered = requested.value(TenderKind::Cash, zero);
    quote.cashDue = quote.cashRounding = quote.change = quote.remaining = zero;
    if (rest->isNegative()) {
        problems.append(QStringLiteral("The credit, account and card tenders come to %1, more than the total %2; "
                                       "only cash can be more than what is due.")
                            .arg(quote.nonCash.toDecimalStringWithCode(), total.toDecimalStringWithCode()));
    } else if (rest->isPositive()) {
        const Result<Money> due = rest->roundedTo(m_settings.cashRoundingMinorUnits, RoundingMode::HalfUp);
        if (!due)
            return overflow();
        quote.cashDue = *due;
        quote.cashRounding = *due->minus(*rest);
        if (quote.cashTendered.isZero()) {
            quote.remaining = *rest;
            quote.cashRounding = zero;
        } else if (quote.cashTendered.minorUnits() < quote.cashDue.minorUnits()) {
            quote.remaining = *quote.cashDue.minus(quote.cashTendered);
        } else {
            quote.change = *quote.cashTendered.minus(quote.cashDue);
        }
        if (quote.remaining.isPositive())
            problems.append(QStringLiteral("%1 is still to pay.").arg(quote.remaining.toDecimalStringWithCode()));
    } else if (quote.cashTendered.isPositive()) {
        problems.append(QStringLiteral("The other tenders already cover the total; remove the cash tender of %1.")
                            .arg(quote.cashTendered.toDecimalStringWithCode()));
    }
    if (quote.cashTendered.isPositive()) {
        quote.tenders.append(TenderAssessment{TenderKind::Cash, quote.cashTendered, quote.cashDue,
                                              TenderCheck{TenderVerdict::Allowed, quote.cashTendered, zero, QString()},
                                              false});
        prepared.grants.append(nullptr);
    }
    quote.complete = problems.isEmpty();
    quote.problem = problems.value(0);
    return prepared;
}

Result<OverrideGrant> CheckoutService::authorizeOverride(const QString &managerName, const QString &pin,
                                                         const QString &reason, const QString &cashierName,
                                                         const QString &customerId, TenderKind tender,
                                                         const Money &maxOver)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An override needs a reason (e.g. \"regular customer, pays Friday\")."));
    if (why.size() > kOverrideReasonLengthMax || hasControlCharacters(why))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An override reason is one line of at most %1 characters.").arg(kOverrideReasonLengthMax));
    if (tender != TenderKind::Credit && tender != TenderKind::Account)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Only store credit and account tenders have limits to override, not %1.")
                             .arg(tenderKindName(tender)));
    if (!(maxOver.currency() == m_journal.identity().currency) || !maxOver.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An override is for an amount over the limit, more than zero in %1.")
                             .arg(m_journal.identity().currency.code()));
    const Result<Customer> customer = m_customers.byId(customerId);
    if (!customer)
        return customer.error();
    const Result<User> cashier = m_users.byName(cashierName);
    if (!cashier)
        return cashier.error();

    // The PIN first, so that nobody learns a user's role or maximum without knowing the PIN.
    const Result<User> manager =
        approveByManager(m_users, m_settings, ManagerPin{managerName, pin, why}, cashier->name, QStringLiteral("override"));
    if (!manager)
        return manager.error();
    if (manager->overrideMaxMinorUnits && maxOver.minorUnits() > *manager->overrideMaxMinorUnits)
        return makeError(ErrorCode::AuthenticationFailed,
                         QStringLiteral("%1 may authorise at most %2 over a limit; this needs %3. Ask another manager.")
                             .arg(managerName, (Money(*manager->overrideMaxMinorUnits, maxOver.currency())).toDecimalStringWithCode(),
                                  maxOver.toDecimalStringWithCode()));

    OverrideGrant grant{OverrideScope::Tender, uuidText(QUuid::createUuid()), manager->name, cashier->name, customer->id, tender,
                        maxOver, 0, why, now()};
    return issue(grant);
}

Result<OverrideGrant> CheckoutService::authorizeDiscount(const ManagerPin &approval, const QString &cashierName, int basisPointsMax)
{
    const Result<QString> why = approvalReason(approval.reason, QStringLiteral("damaged packaging"));
    if (!why)
        return why.error();
    if (basisPointsMax < 1 || basisPointsMax > kDiscountBasisPointsMax)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A discount approval is for 0.01 to 100 %, not %1 basis points.").arg(basisPointsMax));
    const Result<User> cashier = m_users.byName(cashierName);
    if (!cashier)
        return cashier.error();
    const Result<User> manager = approveByManager(m_users, m_settings, ManagerPin{approval.managerName, approval.pin, *why},
                                                  cashier->name, QStringLiteral("discount"));
    if (!manager)
        return manager.error();
    OverrideGrant grant{OverrideScope::Discount, uuidText(QUuid::createUuid()), manager->name, cashier->name, QString(),
                        TenderKind::Account, Money::zero(m_journal.identity().currency), basisPointsMax, *why, now()};
    return issue(grant);
}

Result<DiscountCheck> CheckoutService::checkDiscount(const QString &cashierName, const Money &line, const Money &discount) const
{
    const Result<User> cashier = m_users.byName(cashierName);
    if (!cashier)
        return cashier.error();
    if (discount.isNegative() || discount.minorUnits() > line.minorUnits())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A discount is from 0 to the line's %1, not %2.")
                                                         .arg(line.toDecimalStringWithCode(), discount.toDecimalStringWithCode()));
    DiscountCheck check;
    check.basisPoints = discountBasisPoints(line, discount);
    check.allowedBasisPoints = cashier->role == Role::Cashier ? m_settings.discountMaxCashierBasisPoints : kDiscountBasisPointsMax;
    check.needsManager = check.basisPoints > check.allowedBasisPoints;
    return check;
}

OverrideGrant CheckoutService::issue(const OverrideGrant &grant)
{
    const QDateTime now = grant.authorisedUtc;
    // Forget expired grants, and keep the outstanding ones bounded.
    for (auto it = m_grants.begin(); it != m_grants.end();) {
        if (it->authorisedUtc.secsTo(now) > kOverrideGrantLifetimeSeconds)
            it = m_grants.erase(it);
        else
            ++it;
    }
    while (m_grants.size() >= kGrantsOutstandingMax) {
        auto oldest = std::min_element(m_grants.begin(), m_grants.end(), [](const OverrideGrant &a, const OverrideGrant &b) {
            return a.authorisedUtc < b.authorisedUtc;
        });
        m_grants.erase(oldest);
    }
    m_grants.insert(grant.token, grant);
    return grant;
}

Result<SaleReceipt> CheckoutService::sale(const SaleRequest &request)
{
    const StoreIdentity &store = m_journal.identity();
    if (!request.requestId.isEmpty()) {
        if (auto checked = checkSaleRequestId(request.requestId); !checked)
            return checked.error();
    }
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Looked up inside the write transaction: two processes retrying one request cannot both
    // miss it and sell twice.
    if (!request.requestId.isEmpty()) {
        Result<std::optional<SaleReceipt>> earlier = replay(request);
        if (!earlier)
            return earlier.error();
        if (*earlier)
            return **earlier; // nothing written: the transaction rolls back
    }
    // Priced and checked inside the write transaction: no other writer can spend the wallet or
    // the limit between the check and the posting.
    Result<Prepared> prepared = prepare(request);
    if (!prepared)
        return prepared.error();
    const SaleQuote &quote = prepared->quote;
    if (!quote.complete) {
        const bool refusedByRule = std::any_of(quote.tenders.cbegin(), quote.tenders.cend(), [](const TenderAssessment &t) {
            return t.check.verdict != TenderVerdict::Allowed && !t.overridden;
        });
        return makeError(refusedByRule ? ErrorCode::InsufficientFunds : ErrorCode::InvalidArgument,
                         QStringLiteral("The sale was not recorded: %1").arg(quote.problem));
    }
    const Result<qint64> number = nextNumber(m_database, QStringLiteral("sales"), store.terminalId);
    if (!number)
        return number.error();
    const QString saleId = numbered(store.terminalId, QString(), *number);
    const QString customerId = quote.customer ? quote.customer->id : QString();

    QList<OverrideRecord> overrides;
    QStringList overrideIds;
    for (qsizetype i = 0; i < quote.tenders.size(); ++i) {
        const TenderAssessment &tender = quote.tenders.at(i);
        if (!tender.overridden)
            continue;
        const OverrideGrant &grant = *prepared->grants.at(i);
        OverrideRecord record{uuidText(newTimeOrderedUuid()), QDateTime(), saleId, QString(), grant.managerName,
                              request.cashierName, customerId, tender.kind, tender.check.over, grant.reason};
        overrideIds.append(record.id);
        overrides.append(record);
    }

    EntryDraft draft;
    draft.kind = EntryKind::Sale;
    draft.userName = request.cashierName;
    draft.note = QStringLiteral("Sale %1").arg(saleId);
    if (!quote.discountApprovedBy.isEmpty())
        draft.note += QStringLiteral("; discount of up to %1 % authorised by %2: %3")
                          .arg(taxRatePercentText(quote.discountBasisPoints), quote.discountApprovedBy, prepared->discountReason);
    draft.references.customerId = customerId;
    draft.references.orderId = saleId;
    draft.references.overrideId = overrideIds.join(QLatin1Char(','));
    for (const TenderAssessment &tender : quote.tenders) {
        if (tender.posted.isZero())
            continue;
        switch (tender.kind) {
        case TenderKind::Credit: draft.postings.append({Accounts::storeCredit(customerId), tender.posted}); break;
        case TenderKind::Account:
            draft.postings.append({Accounts::receivableAccrued(customerId, store.storeCode), tender.posted});
            break;
        case TenderKind::Card: draft.postings.append({Accounts::card(store.storeCode), tender.posted}); break;
        case TenderKind::Cash:
            draft.postings.append({Accounts::cash(store.storeCode, store.terminalId), tender.posted});
            break;
        }
    }
    if (!quote.totals.net.isZero())
        draft.postings.append({Accounts::salesIncome(store.storeCode), *quote.totals.net.negated()});
    for (auto it = quote.totals.taxByCode.cbegin(); it != quote.totals.taxByCode.cend(); ++it) {
        if (!it.value().isZero())
            draft.postings.append({Accounts::tax(it.key()), *it.value().negated()});
    }
    if (!quote.cashRounding.isZero())
        draft.postings.append({Accounts::cashRounding(store.storeCode), *quote.cashRounding.negated()});

    const Result<JournalEntry> entry = m_journal.append(draft);
    if (!entry)
        return entry.error();
    const QString entryId = uuidText(entry->id);
    const QString created = timestampText(entry->createdUtc);
    const QString doing = QStringLiteral("record sale %1").arg(saleId);
    if (auto inserted = m_database.run(
            QStringLiteral("INSERT INTO sales (id, terminal_id, number, entry_id, store_code, created_utc, cashier, "
                           "customer_id, currency, price_mode, cash_tendered, change_given) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {saleId, store.terminalId, *number, entryId, store.storeCode, created, request.cashierName, customerId,
             store.currency.code(), priceModeName(m_settings.priceMode), quote.cashTendered.minorUnits(),
             quote.change.minorUnits()},
            doing);
        !inserted)
        return inserted.error();
    for (qsizetype i = 0; i < quote.totals.lines.size(); ++i) {
        const PricedLine &line = quote.totals.lines.at(i);
        if (auto inserted = m_database.run(
                QStringLiteral("INSERT INTO sale_lines (sale_id, line, sku, name, quantity, unit_price, discount, tax_code, "
                               "tax_rate_bp, gross, net, tax) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {saleId, i + 1, line.input.sku, line.input.name, line.input.quantity, line.input.unitPrice.minorUnits(),
                 line.input.discount.minorUnits(), line.input.tax.code, line.input.tax.rateBasisPoints,
                 line.gross.minorUnits(), line.net.minorUnits(), line.tax.minorUnits()},
                doing);
            !inserted)
            return inserted.error();
    }
    for (OverrideRecord &record : overrides) {
        record.entryId = entryId;
        record.createdUtc = entry->createdUtc;
        if (auto inserted = m_database.run(
                QStringLiteral("INSERT INTO overrides (id, created_utc, sale_id, entry_id, manager, cashier, customer_id, "
                               "tender, amount_over, currency, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {record.id, created, saleId, entryId, record.managerName, record.cashierName, customerId,
                 tenderKindName(record.tender), record.amountOver.minorUnits(), store.currency.code(), record.reason},
                doing);
            !inserted)
            return inserted.error();
    }
    if (!request.requestId.isEmpty()) {
        if (auto inserted = m_database.run(
                QStringLiteral("INSERT INTO sale_requests (request_id, sale_id, fingerprint, created_utc) VALUES (?, ?, ?, ?)"),
                {request.requestId, saleId, requestFingerprint(request), created}, doing);
            !inserted)
            return inserted.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    // Each grant authorises one sale only.
    for (const OverrideGrant &grant : request.overrides)
        m_grants.remove(grant.token);

    SaleReceipt receipt;
    receipt.entry = *entry;
    receipt.customer = quote.customer;
    receipt.overrides = overrides;
    receipt.sale = SaleRecord{saleId, entryId, entry->createdUtc, store.storeCode, request.cashierName, customerId,
                              m_settings.priceMode, {}, quote.totals.gross, quote.totals.tax, quote.tenders,
                              quote.cashTendered, quote.change, quote.cashRounding, QString()};
    for (qsizetype i = 0; i < quote.totals.lines.size(); ++i)
        receipt.sale.lines.append(SoldLine{int(i + 1), quote.totals.lines.at(i), 0});
    if (quote.customer) {
        // The sale is committed; a failure to read the card afterwards does not undo it.
        const Result<CreditOverview> after = m_receivables.overview(*quote.customer, now().toLocalTime().date());
        if (after)
            receipt.after = *after;
    }
    return receipt;
}

Result<std::optional<CheckoutService::RecordedRequest>> CheckoutService::recordedRequest(const QString &requestId) const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT sale_id, fingerprint FROM sale_requests WHERE request_id = ?"),
                                         {requestId}, QStringLiteral("look up sale request %1").arg(requestId));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<RecordedRequest>();
    return std::optional<RecordedRequest>(RecordedRequest{query->value(0).toString(), query->value(1).toByteArray()});
}

Result<std::optional<QString>> CheckoutService::saleOfRequest(const QString &requestId) const
{
    if (auto checked = checkSaleRequestId(requestId); !checked)
        return checked.error();
    Result<std::optional<RecordedRequest>> recorded = recordedRequest(requestId);
    if (!recorded)
        return recorded.error();
    return *recorded ? std::optional<QString>((*recorded)->saleId) : std::optional<QString>();
}

Result<std::optional<SaleReceipt>> CheckoutService::replay(const SaleRequest &request) const
{
    Result<std::optional<RecordedRequest>> recorded = recordedRequest(request.requestId);
    if (!recorded)
        return recorded.error();
    if (!*recorded)
        return std::optional<SaleReceipt>();
    const QString saleId = (*recorded)->saleId;
    const QByteArray fingerprint = (*recorded)->fingerprint;
    if (fingerprint != requestFingerprint(request))
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("Request id %1 was used for sale %2, which asked for something else; nothing was "
                                        "recorded. A new sale needs a new request id.")
                             .arg(request.requestId, saleId));
    SaleReceipt receipt;
    receipt.replayed = true;
    Result<SaleRecord> sale = saleById(saleId);
    if (!sale)
        return sale.error();
    receipt.sale = *sale;
    const Result<std::optional<JournalEntry>> entry = ForeignEntries::entryById(m_database, sale->entryId);
    if (!entry)
        return entry.error();
    if (!*entry)
        return makeError(ErrorCode::Integrity, QStringLiteral("The entry of sale %1 is missing; run verify.").arg(saleId));
    receipt.entry = **entry;
    Result<QList<OverrideRecord>> overrides = overrideRecords(QStringLiteral("sale_id = ? ORDER BY id"), {saleId});
    if (!overrides)
        return overrides.error();
    receipt.overrides = *overrides;
    if (!sale->customerId.isEmpty()) {
        Result<Customer> customer = m_customers.byId(sale->customerId);
        if (!customer)
            return customer.error();
        receipt.customer = *customer;
        const Result<CreditOverview> after = m_receivables.overview(*customer, now().toLocalTime().date());
        if (after)
            receipt.after = *after;
    }
    return std::optional<SaleReceipt>(receipt);
}

Result<SaleRecord> CheckoutService::saleById(const QString &saleId) const
{
    const Currency &currency = m_journal.identity().currency;
    const Money zero = Money::zero(currency);
    const QString id = saleId.trimmed();
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT id, entry_id, created_utc, store_code, cashier, customer_id, price_mode, cash_tendered, "
                       "change_given FROM sales WHERE id = ?"),
        {id}, QStringLiteral("read sale %1").arg(id));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no sale %1; the number is on the receipt, e.g. T1-000042.").arg(id));
    SaleRecord sale;
    sale.saleId = query->value(0).toString();
    sale.entryId = query->value(1).toString();
    sale.createdUtc = timestampFromText(query->value(2).toString());
    sale.storeCode = query->value(3).toString();
    sale.cashierName = query->value(4).toString();
    sale.customerId = query->value(5).toString();
    sale.priceMode = priceModeFromName(query->value(6).toString()).value_or(PriceMode::TaxInclusive);
    sale.cashTendered = Money(query->value(7).toLongLong(), currency);
    sale.change = Money(query->value(8).toLongLong(), currency);
    sale.cashRounding = zero;

    Result<Query> lines = m_database.run(
        QStringLiteral("SELECT l.line, l.sku, l.name, l.quantity, l.unit_price, l.discount, l.tax_code, l.tax_rate_bp, "
                       "l.gross, l.net, l.tax, (SELECT coalesce(sum(r.quantity), 0) FROM refund_lines r "
                       "WHERE r.sale_id = l.sale_id AND r.line = l.line) FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line"),
        {sale.saleId}, QStringLiteral("read the lines of sale %1").arg(sale.saleId));
    if (!lines)
        return lines.error();
    Sum total{zero}, tax{zero};
    while (lines->next()) {
        SaleLineInput input{lines->value(1).toString(), lines->value(2).toString(), lines->value(3).toLongLong(),
                            Money(lines->value(4).toLongLong(), currency), Money(lines->value(5).toLongLong(), currency),
                            TaxCode{lines->value(6).toString(), lines->value(7).toInt(), QString()}};
        PricedLine priced{input, Money(lines->value(8).toLongLong(), currency), Money(lines->value(9).toLongLong(), currency),
                          Money(lines->value(10).toLongLong(), currency)};
        total.add(priced.gross);
        tax.add(priced.tax);
        sale.lines.append(SoldLine{lines->value(0).toInt(), priced, lines->value(11).toLongLong()});
    }
    if (total.failed || tax.failed)
        return overflow();
    sale.total = total.total;
    sale.tax = tax.total;

    // The tenders are what the sale's entry posted: the ledger is the record of the money.
    Result<Query> postings = m_database.run(
        QStringLiteral("SELECT p.account, p.amount FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
                       "WHERE e.id = ? ORDER BY p.line"),
        {sale.entryId}, QStringLiteral("read the postings of sale %1").arg(sale.saleId));
    if (!postings)
        return postings.error();
    QMap<TenderKind, Money> posted;
    while (postings->next()) {
        const QString account = postings->value(0).toString();
        const Money amount(postings->value(1).toLongLong(), currency);
        if (account.startsWith(QLatin1String("income:cash-rounding:")))
            sale.cashRounding = *amount.negated();
        else if (const std::optional<TenderKind> kind = tenderOfAccount(account))
            posted.insert(*kind, amount);
    }
    for (TenderKind kind : kTenderOrder) {
        if (!posted.contains(kind) && !(kind == TenderKind::Cash && sale.cashTendered.isPositive()))
            continue;
        const Money amount = kind == TenderKind::Cash ? sale.cashTendered : posted.value(kind);
        sale.tenders.append(TenderAssessment{kind, amount, posted.value(kind, zero),
                                             TenderCheck{TenderVerdict::Allowed, amount, zero, QString()}, false});
    }
    const Result<std::optional<JournalEntry>> voided = voidOfEntry(m_database, sale.entryId);
    if (!voided)
        return voided.error();
    if (*voided)
        sale.voidEntryId = uuidText((*voided)->id);
    Result<Query> overridden = m_database.run(QStringLiteral("SELECT tender FROM overrides WHERE sale_id = ?"),
                                                  {sale.saleId}, QStringLiteral("read the overrides of sale %1").arg(sale.saleId));
    if (!overridden)
        return overridden.error();
    while (overridden->next()) {
        const std::optional<TenderKind> kind = tenderKindFromName(overridden->value(0).toString());
        for (TenderAssessment &tender : sale.tenders) {
            if (kind && tender.kind == *kind)
                tender.overridden = true;
        }
    }
    return sale;
}

Result<QList<SaleRecord>> CheckoutService::salesOfCustomer(const QString &customerId, int rowsMax) const
{
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT id FROM sales WHERE customer_id = ? ORDER BY created_utc DESC, id DESC LIMIT ?"),
        {customerId, qBound(1, rowsMax, 1000)}, QStringLiteral("list the sales of customer %1").arg(customerId));
    if (!query)
        return query.error();
    QStringList ids;
    while (query->next())
        ids.append(query->value(0).toString());
    QList<SaleRecord> sales;
    for (const QString &id : ids) {
        Result<SaleRecord> sale = saleById(id);
        if (!sale)
            return sale.error();
        sales.append(*sale);
    }
    return sales;
}

Result<RefundReceipt> CheckoutService::refund(const RefundRequest &request)
{
    const StoreIdentity &store = m_journal.identity();
    const Currency &currency = store.currency;
    const Money zero = Money::zero(currency);
    const QString reason = request.reason.trimmed();
    if (reason.size() > kNoteLengthMax || hasControlCharacters(reason))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A refund reason is one line of at most %1 characters.").arg(kNoteLengthMax));
    if (request.lines.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Name the lines to return, e.g. --line SKU:1."));
    if (request.lines.size() > kSaleLinesMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A refund may have at most %1 lines.").arg(kSaleLinesMax));
    const Result<User> cashier = m_users.byName(request.cashierName);
    if (!cashier)
        return cashier.error();

    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const Result<SaleRecord> sale = saleById(request.saleId);
    if (!sale)
        return sale.error();
    if (!sale->voidEntryId.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Sale %1 was voided; nothing of it can be returned.").arg(sale->saleId));

    // Who gets store credit or an account credit back.
    std::optional<Customer> customer;
    const QString customerId = !sale->customerId.isEmpty() ? sale->customerId : request.customerId;
    if (!customerId.isEmpty()) {
        Result<Customer> found = m_customers.byId(customerId);
        if (!found)
            return found.error();
        customer = *found;
    }
    if (request.to == RefundTo::Credit && !customer)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Sale %1 had no customer; attach one to refund to store credit, or refund in cash.")
                             .arg(sale->saleId));

    // Quantities per SKU, spread over the sale's lines with that SKU that still have units to return.
    QMap<QString, qint64> wanted;
    for (const RefundLineRequest &line : request.lines) {
        if (line.quantity < 1 || line.quantity > kLineQuantityMax)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Return quantities are 1 to %1, not %2 (%3).").arg(kLineQuantityMax).arg(line.quantity).arg(line.sku));
        wanted[line.sku.trimmed()] += line.quantity;
    }
    struct Returned {
        const SoldLine *sold;
        qint64 quantity;
        Money gross, net, tax;
    };
    QList<Returned> returned;
    Sum total{zero}, taxTotal{zero}, netTotal{zero};
    QMap<QString, Money> taxByCode;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        qint64 left = it.value();
        qint64 returnable = 0, sold = 0;
        for (const SoldLine &line : sale->lines) {
            if (line.priced.input.sku == it.key()) {
                returnable += line.priced.input.quantity - line.refundedQuantity;
                sold += line.priced.input.quantity;
            }
        }
        if (sold == 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Sale %1 has no line with %2; nothing of it can be returned.").arg(sale->saleId, it.key()));
        if (left > returnable)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Sale %1 sold %2 of %3 and %4 already came back; at most %5 can be returned, not %6.")
                                 .arg(sale->saleId)
                                 .arg(sold)
                                 .arg(it.key())
                                 .arg(sold - returnable)
                                 .arg(returnable)
                                 .arg(left));
        for (const SoldLine &line : sale->lines) {
            if (left == 0 || line.priced.input.sku != it.key())
                continue;
            const qint64 quantity = std::min(left, line.priced.input.quantity - line.refundedQuantity);
            if (quantity <= 0)
                continue;
            left -= quantity;
            // Cumulative rounding: what all returns of this line have paid back after this one,
            // minus what earlier returns paid back, so that returning every unit pays exactly the line.
            const qint64 n = line.priced.input.quantity, before = line.refundedQuantity, after = before + quantity;
            auto share = [&](const Money &amount) -> Result<Money> {
                const Result<Money> upTo = amount.scaled(after, n, RoundingMode::HalfUp);
                const Result<Money> earlier = amount.scaled(before, n, RoundingMode::HalfUp);
                if (!upTo || !earlier)
                    return overflow();
                return upTo->minus(*earlier);
            };
            const Result<Money> gross = share(line.priced.gross), tax = share(line.priced.tax);
            if (!gross || !tax)
                return overflow();
            const Money net = *gross->minus(*tax);
            returned.append(Returned{&line, quantity, *gross, net, *tax});
            total.add(*gross);
            taxTotal.add(*tax);
            netTotal.add(net);
            Result<Money> codeTax = taxByCode.value(line.priced.input.tax.code, zero).plus(*tax);
            if (!codeTax)
                return overflow();
            taxByCode.insert(line.priced.input.tax.code, *codeTax);
        }
    }
    if (total.failed || taxTotal.failed || netTotal.failed)
        return overflow();
    if (!total.total.isPositive())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The returned goods are worth %1; there is nothing to pay back.").arg(total.total.toDecimalStringWithCode()));

    // Where the money goes back.
    QMap<TenderKind, Money> paidBack;
    if (request.to == RefundTo::Credit) {
        paidBack.insert(TenderKind::Credit, total.total);
    } else if (request.to == RefundTo::Cash) {
        paidBack.insert(TenderKind::Cash, total.total);
    } else {
        // What each of the sale's tenders has left after earlier refunds of this sale.
        QMap<TenderKind, Money> left;
        for (const TenderAssessment &tender : sale->tenders)
            left.insert(tender.kind, tender.posted);
        Result<Query> earlier = m_database.run(
            QStringLiteral("SELECT p.account, p.amount FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
                           "WHERE e.related_entry_id = ? AND e.kind = 'refund'"),
            {sale->entryId}, QStringLiteral("read earlier refunds of sale %1").arg(sale->saleId));
        if (!earlier)
            return earlier.error();
        while (earlier->next()) {
            const std::optional<TenderKind> kind = tenderOfAccount(earlier->value(0).toString());
            if (kind && left.contains(*kind))
                left.insert(*kind, *left.value(*kind).plus(Money(earlier->value(1).toLongLong(), currency)));
        }
        Money toPay = total.total;
        for (TenderKind kind : kTenderOrder) {
            if (toPay.isZero())
                break;
            // Cash takes whatever is left: its rounding at the sale can leave it a coin short.
            const qint64 cap = kind == TenderKind::Cash ? toPay.minorUnits() : std::max<qint64>(0, left.value(kind, zero).minorUnits());
            const qint64 part = std::min(cap, toPay.minorUnits());
            if (part <= 0)
                continue;
            paidBack.insert(kind, Money(part, currency));
            toPay = *toPay.minus(Money(part, currency));
        }
        if (paidBack.contains(TenderKind::Credit) && !customer)
            return makeError(ErrorCode::Integrity, QStringLiteral("Sale %1 was paid with store credit but names no customer; run verify.").arg(sale->saleId));
    }
    if (paidBack.contains(TenderKind::Credit)) {
        // The shop's maximum wallet holds for refunds to credit as for top-ups.
        const Result<Money> wallet = m_credit.wallet(customer->id);
        if (!wallet)
            return wallet.error();
        if (auto bounded = m_credit.checkWalletMax(*customer, *wallet, paidBack.value(TenderKind::Credit)); !bounded)
            return bounded.error();
    }
    Money cashRounding = zero;
    if (paidBack.contains(TenderKind::Cash)) {
        const Money exact = paidBack.value(TenderKind::Cash);
        const Result<Money> rounded = exact.roundedTo(m_settings.cashRoundingMinorUnits, RoundingMode::HalfUp);
        if (!rounded)
            return overflow();
        cashRounding = *rounded->minus(exact);
        paidBack.insert(TenderKind::Cash, *rounded);
    }

    const Result<qint64> number = nextNumber(m_database, QStringLiteral("refunds"), store.terminalId);
    if (!number)
        return number.error();
    const QString refundId = numbered(store.terminalId, QStringLiteral("R"), *number);
    EntryDraft draft;
    draft.kind = EntryKind::Refund;
    draft.userName = request.cashierName;
    draft.note = reason.isEmpty() ? QStringLiteral("Refund %1 of sale %2").arg(refundId, sale->saleId)
                                  : QStringLiteral("Refund %1 of sale %2: %3").arg(refundId, sale->saleId, reason);
    draft.references.customerId = customer ? customer->id : QString();
    draft.references.orderId = sale->saleId;
    draft.references.relatedEntryId = sale->entryId;
    if (!netTotal.total.isZero())
        draft.postings.append({Accounts::salesIncome(sale->storeCode), netTotal.total});
    for (auto it = taxByCode.cbegin(); it != taxByCode.cend(); ++it) {
        if (!it.value().isZero())
            draft.postings.append({Accounts::tax(it.key()), it.value()});
    }
    if (!cashRounding.isZero())
        draft.postings.append({Accounts::cashRounding(store.storeCode), cashRounding});
    QList<TenderAssessment> paid;
    for (TenderKind kind : kTenderOrder) {
        const Money amount = paidBack.value(kind, zero);
        if (!paidBack.contains(kind))
            continue;
        paid.append(TenderAssessment{kind, amount, amount, TenderCheck{TenderVerdict::Allowed, amount, zero, QString()}, false});
        if (amount.isZero())
            continue;
        const Money credit = *amount.negated();
        switch (kind) {
        case TenderKind::Credit: draft.postings.append({Accounts::storeCredit(customer->id), credit}); break;
        case TenderKind::Account:
            draft.postings.append({Accounts::receivableAccrued(sale->customerId, sale->storeCode), credit});
            break;
        case TenderKind::Card: draft.postings.append({Accounts::card(store.storeCode), credit}); break;
        case TenderKind::Cash: draft.postings.append({Accounts::cash(store.storeCode, store.terminalId), credit}); break;
        }
    }
    const Result<JournalEntry> entry = m_journal.append(draft);
    if (!entry)
        return entry.error();
    const QString doing = QStringLiteral("record refund %1").arg(refundId);
    if (auto inserted = m_database.run(
            QStringLiteral("INSERT INTO refunds (id, terminal_id, number, sale_id, entry_id, created_utc, cashier, refund_to, "
                           "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {refundId, store.terminalId, *number, sale->saleId, uuidText(entry->id), timestampText(entry->createdUtc),
             request.cashierName, refundToName(request.to), reason},
            doing);
        !inserted)
        return inserted.error();
    for (const Returned &line : returned) {
        if (auto inserted = m_database.run(
                QStringLiteral("INSERT INTO refund_lines (refund_id, sale_id, line, quantity, gross, net, tax) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {refundId, sale->saleId, line.sold->line, line.quantity, line.gross.minorUnits(), line.net.minorUnits(),
                 line.tax.minorUnits()},
                doing);
            !inserted)
            return inserted.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();

    RefundReceipt receipt{refundId, sale->saleId, *entry, total.total, taxTotal.total, paid, cashRounding, std::nullopt};
    if (customer) {
        const Result<CreditOverview> after = m_receivables.overview(*customer, now().toLocalTime().date());
        if (after)
            receipt.after = *after;
    }
    return receipt;
}

Result<QList<OverrideRecord>> CheckoutService::overrides(const QDateTime &fromUtc, const QDateTime &toUtc, int rowsMax) const
{
    const QString from = fromUtc.isValid() ? timestampText(fromUtc) : QString();
    const QString to = toUtc.isValid() ? timestampText(toUtc) : QString();
    return overrideRecords(QStringLiteral("(? = '' OR created_utc >= ?) AND (? = '' OR created_utc < ?) "
                                          "ORDER BY created_utc DESC, id DESC LIMIT ?"),
                           {from, from, to, to, qBound(1, rowsMax, 100000)});
}

Result<QList<OverrideRecord>> CheckoutService::overrideRecords(const QString &whereAndOrder, const QVariantList &parameters) const
{
    const Currency &currency = m_journal.identity().currency;
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT id, created_utc, sale_id, entry_id, manager, cashier, customer_id, tender, amount_over, reason "
                       "FROM overrides WHERE ")
            + whereAndOrder,
        parameters, QStringLiteral("list the overrides"));
    if (!query)
        return query.error();
    QList<OverrideRecord> records;
    while (query->next()) {
        records.append(OverrideRecord{query->value(0).toString(), timestampFromText(query->value(1).toString()),
                                      query->value(2).toString(), query->value(3).toString(), query->value(4).toString(),
                                      query->value(5).toString(), query->value(6).toString(),
                                      tenderKindFromName(query->value(7).toString()).value_or(TenderKind::Account),
                                      Money(query->value(8).toLongLong(), currency), query->value(9).toString()});
    }
    return records;
}

} // namespace Slate::Core
