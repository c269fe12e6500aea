#include "discountdialog.h"

#include "amountedit.h"
#include "labels.h"
#include "managerpinfields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
// Core's percentages are locale-free ("12.5"); the cashier types the shop's decimal sign.
QString percentText(const Session &session, int basisPoints)
{
    return taxRatePercentText(basisPoints).replace(QLatin1Char('.'), session.locale().decimalPoint());
}
} // namespace

DiscountDialog::DiscountDialog(Session &session, const QString &itemName, const Money &line,
                               const std::optional<Money> &current, QWidget *parent)
    : QDialog(parent), m_session(session), m_line(line)
{
    setObjectName(QStringLiteral("discountDialog"));
    setWindowTitle(tr("Line discount"));
    auto *what = new QLabel(tr("Discount on %1 (line %2). Type a percentage such as 30% or an amount such as %3; "
                               "leave it empty for no discount.")
                                .arg(itemName, session.money(line), session.amountText(Money(1250, session.currency()))),
                            this);
    what->setWordWrap(true);
    m_discount = new AmountEdit(session, this);
    m_discount->setObjectName(QStringLiteral("discountField"));
    m_discount->setAccessibleName(tr("Discount"));
    m_discount->setPlaceholderText(tr("e.g. 10% or %1").arg(session.amountText(Money(1250, session.currency()))));
    if (current)
        m_discount->setAmount(*current);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    m_fields = new ManagerPinFields(session, tr("Why, e.g. damaged packaging"), this);
    m_fields->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Apply (Enter)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("applyButton"));
    ok->setDefault(true);
    buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(ok, &QPushButton::clicked, this, &DiscountDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A changed discount is a new question for core (and maybe for the manager).
    connect(m_discount, &QLineEdit::textEdited, this, [this] {
        m_needsManager = false;
        m_fields->hide();
        m_error->clear();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_discount);
    layout->addWidget(m_error);
    layout->addWidget(m_fields);
    layout->addWidget(buttons);
    m_discount->setFocus();
    m_discount->selectAll();
}

QString DiscountDialog::errorText() const { return m_error->text(); }

void DiscountDialog::showError(const QString &text)
{
    m_error->setText(text);
}

Result<Money> DiscountDialog::typedDiscount() const
{
    const QString text = m_discount->text().trimmed();
    if (text.isEmpty())
        return m_session.zero();
    if (text.endsWith(QLatin1Char('%'))) {
        QString number = text.chopped(1).trimmed();
        number.replace(m_session.locale().decimalPoint(), QLatin1String("."));
        const std::optional<int> basisPoints = basisPointsFromPercent(number);
        if (!basisPoints)
            return makeError(ErrorCode::InvalidArgument,
                             tr("\"%1\" is not a percentage from 0 to 100; type it like 10%.").arg(text));
        return discountForPercent(m_line, *basisPoints);
    }
    Result<Money> amount = m_discount->amount();
    if (!amount && amount.message() == m_discount->tooLarge())
        return amount;
    if (!amount)
        return makeError(ErrorCode::InvalidArgument, tr("\"%1\" is neither a percentage nor an amount; type it like 10% or %2.")
                                                         .arg(text, m_session.amountText(Money(1250, m_session.currency()))));
    return amount;
}

void DiscountDialog::submit()
{
    const Result<Money> discount = typedDiscount();
    if (!discount) {
        showError(Labels::error(discount.error()));
        m_discount->setFocus();
        return;
    }
    const Result<DiscountCheck> check = m_session.checkout().checkDiscount(m_session.user().name, m_line, *discount);
    if (!check) {
        showError(Labels::error(check.error()));
        m_discount->setFocus();
        return;
    }
    if (!check->needsManager) {
        m_result = discount->isZero() ? std::nullopt : std::optional<Money>(*discount);
        m_grant.reset();
        accept();
        return;
    }
    if (!m_needsManager) {
        // The first Enter says what is needed; the manager gives their PIN and a reason then.
        m_needsManager = true;
        m_fields->show();
        showError(m_fields->hasManagers()
                      ? tr("A discount of %1 % is more than the %2 % you may give alone. A manager can authorise it.")
                            .arg(percentText(m_session, check->basisPoints), percentText(m_session, check->allowedBasisPoints))
                      : tr("A discount of %1 % needs a manager, and there is no manager user; add one in the back office.")
                            .arg(percentText(m_session, check->basisPoints)));
        m_fields->pinField()->setFocus();
        return;
    }
    const ManagerPin approval = m_fields->approval();
    if (approval.reason.isEmpty()) {
        showError(tr("Give a reason; it is recorded with the sale."));
        m_fields->reasonField()->setFocus();
        return;
    }
    m_fields->clearPin();
    const Result<OverrideGrant> grant =
        m_session.checkout().authorizeDiscount(approval, m_session.user().name, check->basisPoints);
    if (!grant) {
        showError(grant.code() == ErrorCode::AuthenticationFailed ? tr("Wrong manager or PIN; no discount was given.")
                                                                 : Labels::error(grant.error()));
        m_fields->pinField()->setFocus();
        return;
    }
    m_result = *discount;
    m_grant = *grant;
    accept();
}

} // namespace Slate::Ui
