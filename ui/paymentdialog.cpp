#include "paymentdialog.h"

#include "amountedit.h"
#include "labels.h"
#include "overridedialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr TenderKind kTenderOrder[] = {TenderKind::Credit, TenderKind::Account, TenderKind::Card, TenderKind::Cash};
constexpr int kQuickCashButtonsMax = 4;
// Notes a customer is likely to hand over, in major units: the quick cash amounts round up to them.
constexpr qint64 kNoteSteps[] = {50, 100, 200, 500, 1000};

QLabel *figure(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return label;
}
} // namespace

PaymentDialog::PaymentDialog(Session &session, const SaleRequest &request, QWidget *parent)
    : QDialog(parent), m_session(session), m_request(request)
{
    setObjectName(QStringLiteral("paymentDialog"));
    setWindowTitle(tr("Payment"));
    if (!request.customerId.isEmpty()) {
        if (Result<Customer> customer = session.store().customers().byId(request.customerId))
            m_customer = *customer;
        if (Result<Money> wallet = session.store().credit().wallet(request.customerId))
            m_wallet = *wallet;
    }

    auto *figures = new QGridLayout;
    auto addFigure = [this, figures](int row, const QString &caption, QLabel *value) {
        auto *label = new QLabel(caption, this);
        label->setObjectName(QStringLiteral("figureCaption"));
        label->setBuddy(value);
        value->setAccessibleName(caption);
        figures->addWidget(label, row, 0);
        figures->addWidget(value, row, 1);
    };
    m_due = figure(QStringLiteral("dueFigure"), this);
    m_remaining = figure(QStringLiteral("remainingFigure"), this);
    m_change = figure(QStringLiteral("changeFigure"), this);
    addFigure(0, tr("Amount due"), m_due);
    addFigure(1, tr("Still to pay"), m_remaining);
    addFigure(2, tr("Change"), m_change);
    if (m_customer) {
        auto *who = new QLabel(tr("Customer: %1 (card %2), store credit %3")
                                   .arg(m_customer->name, m_customer->card, m_wallet ? session.money(*m_wallet) : QString()),
                               this);
        who->setObjectName(QStringLiteral("paymentCustomer"));
        figures->addWidget(who, 3, 0, 1, 2);
    }

    auto *grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    addRow(TenderKind::Credit, QStringLiteral("F1"), grid, 0);
    addRow(TenderKind::Account, QStringLiteral("F2"), grid, 1);
    addRow(TenderKind::Card, QStringLiteral("F3"), grid, 2);
    addRow(TenderKind::Cash, QStringLiteral("F4"), grid, 3);
    m_quickCash = new QHBoxLayout;
    auto *quickCaption = new QLabel(tr("Cash handed over:"), this);
    m_quickCash->addWidget(quickCaption);
    m_quickCash->addStretch();
    grid->addLayout(m_quickCash, 4, 0, 1, 4);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemText"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("What is missing"));

    auto *buttons = new QDialogButtonBox(this);
    m_complete = new QPushButton(tr("Complete sale (F12)"), this);
    m_complete->setObjectName(QStringLiteral("completeButton"));
    buttons->addButton(m_complete, QDialogButtonBox::AcceptRole);
    m_complete->setDefault(true);
    QPushButton *cancel = buttons->addButton(tr("Back to sale (Esc)"), QDialogButtonBox::RejectRole);
    cancel->setAutoDefault(false);
    connect(m_complete, &QPushButton::clicked, this, &PaymentDialog::complete);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_F12), this);
    connect(shortcut, &QShortcut::activated, this, &PaymentDialog::complete);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(figures);
    layout->addSpacing(12);
    layout->addLayout(grid);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(900, 560);

    // Store credit starts at what the wallet itself covers, min(due, wallet), and no more than core
    // allows (nothing for a blocked customer). That holds for a customer with an overdraft too:
    // going below zero is for the customer to ask for at the counter, as a POS that takes a
    // customer balance applies the balance and leaves the rest to another tender; the cashier
    // then types more or presses F1, up to what core allows. Until the cashier edits it, the
    // suggestion yields to the other tenders (a customer who hands over cash pays with cash).
    if (Result<SaleQuote> first = session.checkout().quote(m_request))
        m_dueAmount = first->totals.gross;
    m_creditPrefilled = m_customer && m_dueAmount;
    connect(m_rows[int(TenderKind::Credit)].field, &QLineEdit::textEdited, this, [this] { m_creditPrefilled = false; });
    // Cash handed over takes the suggestion's place (a customer who hands over a note pays with
    // it); an account or card amount keeps the store credit already filled in, so that nothing
    // is dropped silently (nor an override asked for more than is needed).
    for (TenderKind kind : {TenderKind::Account, TenderKind::Card})
        connect(m_rows[int(kind)].field, &QLineEdit::textEdited, this, [this] { m_creditPrefilled = false; });
    connect(m_rows[int(TenderKind::Cash)].field, &QLineEdit::textEdited, this, &PaymentDialog::adjustPrefilledCredit);
    adjustPrefilledCredit();
    requote();
    m_rows[int(m_customer ? TenderKind::Credit : TenderKind::Cash)].field->setFocus();
    m_rows[int(m_customer ? TenderKind::Credit : TenderKind::Cash)].field->selectAll();
}

void PaymentDialog::addRow(TenderKind kind, const QString &shortcut, QGridLayout *grid, int row)
{
    TenderRow tender;
    tender.button = new QPushButton(tr("%1  %2").arg(shortcut, Labels::tender(kind)), this);
    tender.button->setObjectName(QStringLiteral("tenderButton"));
    tender.button->setShortcut(QKeySequence(shortcut));
    tender.button->setAutoDefault(false);
    tender.button->setFocusPolicy(Qt::NoFocus);
    tender.button->setAccessibleName(kind == TenderKind::Cash ? tr("Cash: exact amount") : tr("%1: the rest").arg(Labels::tender(kind)));
    tender.field = new AmountEdit(m_session, this);
    tender.field->setObjectName(QStringLiteral("tenderField"));
    tender.field->setAccessibleName(tr("%1 amount").arg(Labels::tender(kind)));
    tender.message = new QLabel(this);
    tender.message->setObjectName(QStringLiteral("tenderMessage"));
    tender.message->setWordWrap(true);
    tender.override = new QPushButton(tr("Manager override…"), this);
    tender.override->setObjectName(QStringLiteral("overrideButton"));
    tender.override->setAutoDefault(false);
    tender.override->setAccessibleName(tr("Manager override for %1").arg(Labels::tender(kind)));
    tender.override->hide();
    const bool needsCustomer = kind == TenderKind::Credit || kind == TenderKind::Account;
    if (needsCustomer && !m_customer) {
        tender.button->setEnabled(false);
        tender.field->setEnabled(false);
        tender.message->setText(tr("Attach a customer to use this."));
    }
    grid->addWidget(tender.button, row, 0);
    grid->addWidget(tender.field, row, 1);
    grid->addWidget(tender.message, row, 2);
    grid->addWidget(tender.override, row, 3);
    connect(tender.button, &QPushButton::clicked, this, [this, kind] { fillTender(kind); });
    connect(tender.field, &QLineEdit::textChanged, this, &PaymentDialog::requote);
    connect(tender.override, &QPushButton::clicked, this, [this, kind] { requestOverride(kind); });
    m_rows.insert(int(kind), tender);
}

AmountEdit *PaymentDialog::tenderField(TenderKind kind) const
{
    return m_rows.value(int(kind)).field;
}

QString PaymentDialog::tenderMessage(TenderKind kind) const
{
    return m_rows.value(int(kind)).message->text();
}

QPushButton *PaymentDialog::overrideButton(TenderKind kind) const
{
    return m_rows.value(int(kind)).override;
}

QString PaymentDialog::remainingText() const
{
    return m_remaining->text();
}

QString PaymentDialog::changeText() const
{
    return m_change->text();
}

QString PaymentDialog::problemText() const
{
    return m_problem->text();
}

Result<SaleRequest> PaymentDialog::requestWithTenders() const
{
    SaleRequest request = m_request;
    for (TenderKind kind : kTenderOrder) {
        const TenderRow &row = m_rows[int(kind)];
        if (!row.field->isEnabled() || row.field->isBlank())
            continue;
        Result<Money> amount = row.field->amount();
        if (!amount && amount.message() == row.field->tooLarge())
            return makeError(ErrorCode::InvalidArgument, tr("%1: %2").arg(Labels::tender(kind), amount.message()));
        if (!amount)
            return makeError(ErrorCode::InvalidArgument,
                             tr("%1: \"%2\" is not an amount.").arg(Labels::tender(kind), row.field->text().trimmed()));
        if (amount->isZero())
            continue;
        request.tenders.append(TenderRequest{kind, *amount});
    }
    request.overrides.append(m_grants.values()); // after those the sale came with (a discount's)
    return request;
}

void PaymentDialog::requote()
{
    m_quote.reset();
    Result<SaleRequest> request = requestWithTenders();
    Result<SaleQuote> quote = request ? m_session.checkout().quote(*request) : Result<SaleQuote>(request.error());
    if (!quote) {
        m_problem->setText(Labels::error(quote.error()));
        m_complete->setEnabled(false);
        return;
    }
    m_quote = *quote;
    m_dueAmount = quote->totals.gross;
    showQuote(*quote);
    showCreditAvailable(*quote);
}

std::optional<TenderCheck> PaymentDialog::creditCheck() const
{
    // Core's verdict on store credit for the whole amount due, with the other tenders as they
    // are (the offline cap counts the account tender too): its available is what credit may
    // take now, wallet and overdraft, offline cap and blocked customers included. Nothing of the
    // rule is repeated here.
    if (!m_customer || !m_dueAmount)
        return std::nullopt;
    Result<SaleRequest> request = requestWithTenders();
    if (!request)
        return std::nullopt;
    request->tenders.removeIf([](const TenderRequest &tender) { return tender.kind == TenderKind::Credit; });
    request->tenders.append(TenderRequest{TenderKind::Credit, *m_dueAmount});
    const Result<SaleQuote> probe = m_session.checkout().quote(*request);
    if (!probe)
        return std::nullopt;
    for (const TenderAssessment &tender : probe->tenders) {
        if (tender.kind == TenderKind::Credit)
            return tender.check;
    }
    return std::nullopt;
}

void PaymentDialog::showCreditAvailable(const SaleQuote &quote)
{
    // Beside store credit, what core lets it take, so the cashier can tell the customer before
    // anything is refused; with an overdraft that is more than the wallet.
    TenderRow &row = m_rows[int(TenderKind::Credit)];
    if (!m_customer || !row.field->isEnabled())
        return;
    const TenderAssessment *credit = nullptr;
    for (const TenderAssessment &tender : quote.tenders) {
        if (tender.kind == TenderKind::Credit)
            credit = &tender;
    }
    if (credit && (credit->overridden || credit->check.verdict != TenderVerdict::Allowed))
        return; // the refusal or the override is what the row says
    const std::optional<TenderCheck> check = creditCheck();
    if (!check)
        return;
    if (check->verdict == TenderVerdict::Blocked || check->verdict == TenderVerdict::NotOffered) {
        row.message->setText(tr("✖ Nothing available. %1").arg(Labels::refusal(*check, m_session)));
        return;
    }
    QString text = tr("Available: %1").arg(m_session.money(check->available));
    if (credit && m_wallet) {
        // The customer should hear it before paying: this tender takes the wallet below zero.
        const Result<Money> after = m_wallet->minus(credit->amount);
        if (after && after->isNegative())
            text += QStringLiteral(" · ") + tr("store credit after this sale: %1 (overdraft)").arg(m_session.money(*after));
    }
    row.message->setText(text);
    // Information, not a refusal: it must not look like one.
    row.message->setProperty("note", true);
    row.message->style()->unpolish(row.message);
    row.message->style()->polish(row.message);
}

void PaymentDialog::showQuote(const SaleQuote &quote)
{
    m_due->setText(m_session.money(quote.totals.gross));
    m_remaining->setText(m_session.money(quote.remaining));
    m_change->setText(m_session.money(quote.change));
    // Nothing left to pay is never shown as a red "0.00", whatever else the sale still needs.
    m_remaining->setProperty("settled", quote.complete || !quote.remaining.isPositive());
    m_remaining->style()->unpolish(m_remaining);
    m_remaining->style()->polish(m_remaining);
    for (TenderKind kind : kTenderOrder) {
        TenderRow &row = m_rows[int(kind)];
        if (!row.field->isEnabled())
            continue;
        row.message->clear();
        row.message->setProperty("note", false);
        row.override->hide();
        row.field->setProperty("refused", false);
    }
    for (const TenderAssessment &tender : quote.tenders) {
        TenderRow &row = m_rows[int(tender.kind)];
        if (tender.overridden) {
            const OverrideGrant grant = m_grants.value(int(tender.kind));
            row.message->setText(tr("✓ Over by %1, authorised by %2.").arg(m_session.money(tender.check.over), grant.managerName));
        } else if (tender.check.verdict != TenderVerdict::Allowed) {
            row.message->setText(tr("✖ %1").arg(Labels::refusal(tender.check, m_session)));
            row.field->setProperty("refused", true);
            row.override->setVisible(tender.check.verdict == TenderVerdict::OverAvailable);
        } else if (tender.kind == TenderKind::Cash && !quote.cashRounding.isZero()) {
            row.message->setText(tr("Cash due %1 (rounded by %2).").arg(m_session.money(quote.cashDue), m_session.money(quote.cashRounding)));
        }
    }
    for (TenderKind kind : kTenderOrder) {
        for (QWidget *widget : {static_cast<QWidget *>(m_rows[int(kind)].field), static_cast<QWidget *>(m_rows[int(kind)].message)}) {
            widget->style()->unpolish(widget);
            widget->style()->polish(widget);
        }
    }
    m_problem->setText(problemFor(quote));
    m_problem->setProperty("complete", quote.complete);
    m_problem->style()->unpolish(m_problem);
    m_problem->style()->polish(m_problem);
    m_complete->setEnabled(quote.complete);
    updateQuickCash(quote.cashDue.isPositive() ? quote.cashDue : quote.remaining);
}

void PaymentDialog::adjustPrefilledCredit()
{
    if (!m_creditPrefilled || !m_dueAmount)
        return;
    Money others = m_session.zero();
    for (TenderKind kind : {TenderKind::Account, TenderKind::Card, TenderKind::Cash}) {
        const Result<Money> amount = m_rows[int(kind)].field->amountOrZero();
        if (amount && amount->isPositive()) {
            if (Result<Money> sum = others.plus(*amount))
                others = *sum;
        }
    }
    const Result<Money> rest = m_dueAmount->minus(others);
    AmountEdit *credit = m_rows[int(TenderKind::Credit)].field;
    if (!rest || !rest->isPositive()) {
        credit->clear();
        return;
    }
    const std::optional<TenderCheck> check = creditCheck();
    if (!check)
        return; // another field does not read as an amount yet; keep the suggestion
    // What the wallet covers without going into the overdraft, within what core allows.
    const qint64 wallet = m_wallet ? std::max<qint64>(0, m_wallet->minorUnits()) : 0;
    const qint64 suggested = std::min({rest->minorUnits(), wallet, check->available.minorUnits()});
    if (suggested <= 0) {
        credit->clear();
        return;
    }
    credit->setAmount(Money(suggested, m_session.currency()));
}

QString PaymentDialog::problemFor(const SaleQuote &quote) const
{
    if (quote.complete)
        return tr("Ready: press Enter or F12 to complete the sale.");
    for (const TenderAssessment &tender : quote.tenders) {
        if (tender.check.verdict == TenderVerdict::OverAvailable && !tender.overridden)
            return tr("%1 is refused: lower it, pay the rest another way, or ask a manager to override.").arg(Labels::tender(tender.kind));
        if (tender.check.verdict != TenderVerdict::Allowed && !tender.overridden)
            return tr("%1 cannot be used for this customer; take another tender.").arg(Labels::tender(tender.kind));
    }
    if (quote.remaining.isPositive())
        return tr("%1 still to pay: add a tender (F1–F4).").arg(m_session.money(quote.remaining));
    if (quote.cashTendered.isPositive() && quote.nonCash.minorUnits() >= quote.totals.gross.minorUnits())
        return tr("The other tenders already cover the total: clear the cash amount, or lower them.");
    return quote.problem; // anything else core found, in its words
}

void PaymentDialog::updateQuickCash(const Money &cashDue)
{
    // Keep the caption (first) and the stretch (last); replace the buttons between them.
    while (m_quickCash->count() > 2) {
        QLayoutItem *item = m_quickCash->takeAt(1);
        delete item->widget();
        delete item;
    }
    if (!cashDue.isPositive())
        return;
    QList<Money> amounts{cashDue};
    const qint64 major = m_session.currency().minorPerMajor();
    for (qint64 step : kNoteSteps) {
        const qint64 stepMinor = step * major;
        const qint64 rounded = (cashDue.minorUnits() / stepMinor + 1) * stepMinor;
        const Money amount(rounded, cashDue.currency());
        if (amounts.size() < kQuickCashButtonsMax && amount.minorUnits() != amounts.last().minorUnits())
            amounts.append(amount);
    }
    int position = 1;
    for (const Money &amount : amounts) {
        auto *button = new QPushButton(m_session.money(amount), this);
        button->setObjectName(QStringLiteral("quickCashButton"));
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::NoFocus);
        button->setAccessibleName(tr("Cash handed over: %1").arg(m_session.money(amount)));
        button->setMinimumWidth(button->sizeHint().width());
        connect(button, &QPushButton::clicked, this, [this, amount] {
            m_rows[int(TenderKind::Cash)].field->setAmount(amount);
            adjustPrefilledCredit();
        });
        m_quickCash->insertWidget(position++, button);
    }
}

void PaymentDialog::fillTender(TenderKind kind)
{
    TenderRow &row = m_rows[int(kind)];
    if (!row.field->isEnabled() || !m_quote)
        return;
    if (kind == TenderKind::Cash) {
        row.field->clear(); // what cash must cover without what was typed in the cash field
        if (m_quote && m_quote->cashDue.isPositive())
            row.field->setAmount(m_quote->cashDue);
        row.field->setFocus();
        return;
    }
    const Result<Money> current = row.field->amountOrZero();
    if (!current)
        return;
    // What is still due after the other tenders, the store credit already filled in included;
    // cash typed so far does not count, so that "the rest" on card or account after a cash guess
    // still covers the sale.
    m_creditPrefilled = false; // what is filled in stays as it is
    Money others = m_session.zero();
    for (TenderKind other : kTenderOrder) {
        if (other == kind || other == TenderKind::Cash || !m_rows[int(other)].field->isEnabled())
            continue;
        const Result<Money> amount = m_rows[int(other)].field->amountOrZero();
        if (amount && amount->isPositive()) {
            if (Result<Money> sum = others.plus(*amount))
                others = *sum;
        }
    }
    Result<Money> rest = m_quote->totals.gross.minus(others);
    if (!rest || !rest->isPositive()) {
        row.field->setFocus(); // nothing is still due
        return;
    }
    Money amount = *rest;
    if (kind == TenderKind::Credit) {
        // The rest on store credit, as far as core lets it go: into the overdraft when the
        // customer has one, nothing for a blocked customer.
        const std::optional<TenderCheck> check = creditCheck();
        const qint64 available = check ? check->available.minorUnits() : 0;
        if (available < amount.minorUnits())
            amount = Money(std::max<qint64>(0, available), m_session.currency());
        if (amount.isZero()) {
            row.field->clear();
            row.field->setFocus();
            return;
        }
    }
    row.field->setAmount(amount);
    m_rows[int(TenderKind::Cash)].field->clear();
    row.field->setFocus();
}

void PaymentDialog::requestOverride(TenderKind kind)
{
    if (!m_quote || !m_customer)
        return;
    Money over = m_session.zero();
    bool refused = false;
    for (const TenderAssessment &tender : m_quote->tenders) {
        if (tender.kind == kind && tender.check.verdict == TenderVerdict::OverAvailable && !tender.overridden) {
            over = tender.check.over;
            refused = true;
        }
    }
    if (!refused)
        return;
    auto *dialog = new OverrideDialog(m_session, *m_customer, kind, over, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, kind] {
        if (dialog->grant()) {
            m_grants.insert(int(kind), *dialog->grant());
            requote();
        }
    });
    dialog->open();
}

void PaymentDialog::reloadSettings()
{
    requote(); // the amount due first: the suggestion is worked out from it
    adjustPrefilledCredit();
}

void PaymentDialog::complete()
{
    requote();
    if (!m_quote || !m_quote->complete)
        return;
    Result<SaleRequest> request = requestWithTenders();
    if (!request)
        return;
    Result<SaleReceipt> receipt = m_session.checkout().sale(*request);
    if (!receipt) {
        m_problem->setText(tr("The sale was not completed: %1").arg(Labels::error(receipt.error())));
        return;
    }
    m_receipt = *receipt;
    accept();
}

} // namespace Slate::Ui
