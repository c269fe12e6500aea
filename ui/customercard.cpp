#include "customercard.h"

#include "labels.h"

#include <QGridLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

CustomerCard::CustomerCard(const Session &session, QWidget *parent) : QFrame(parent), m_session(session)
{
    setObjectName(QStringLiteral("customerCard"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Customer credit card"));
    auto *layout = new QVBoxLayout(this);
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("customerName"));
    m_name->setWordWrap(true);
    m_card = new QLabel(this);
    m_card->setObjectName(QStringLiteral("customerCardNumber"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("creditState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("creditHint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_name);
    layout->addWidget(m_card);
    layout->addWidget(m_state);
    layout->addWidget(m_hint);

    m_figures = new QWidget(this);
    auto *grid = new QGridLayout(m_figures);
    grid->setContentsMargins(0, 0, 0, 0);
    const QString captions[FieldCount] = {tr("Wallet"), tr("Overdraft allowed"), tr("Credit limit"), tr("Accrued, not invoiced"),
                                          tr("Invoiced, unpaid"), tr("Overdue"), tr("Available on account")};
    for (int field = 0; field < FieldCount; ++field) {
        m_captions[field] = new QLabel(captions[field], m_figures);
        m_values[field] = new QLabel(m_figures);
        m_values[field]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_values[field]->setObjectName(QStringLiteral("creditFigure"));
        m_captions[field]->setBuddy(m_values[field]);
        grid->addWidget(m_captions[field], field, 0);
        grid->addWidget(m_values[field], field, 1);
    }
    m_values[Wallet]->setObjectName(QStringLiteral("walletFigure"));
    m_values[Available]->setObjectName(QStringLiteral("availableFigure"));
    layout->addWidget(m_figures);
    layout->addStretch();
    showNone(tr("No customer. Press F2 or scan a customer card."));
}

void CustomerCard::setCustomer(const std::optional<Customer> &customer)
{
    m_customer = customer;
    refresh();
}

void CustomerCard::refresh()
{
    m_overview.reset();
    if (!m_customer) {
        showNone(tr("No customer. Press F2 or scan a customer card."));
        return;
    }
    // Terms may have changed in the back office since the customer was attached.
    if (Result<Customer> fresh = m_session.store().customers().byId(m_customer->id))
        m_customer = *fresh;
    Result<CreditOverview> overview = m_session.receivables().overview(*m_customer, m_session.today());
    if (!overview) {
        showNone(tr("Could not read %1's credit: %2").arg(m_customer->name, overview.message()));
        return;
    }
    m_overview = *overview;
    show(*overview);
}

QString CustomerCard::stateText() const
{
    return m_overview ? m_state->text() : QString();
}

void CustomerCard::show(const CreditOverview &overview)
{
    m_name->setText(m_customer->name);
    m_card->setText(tr("Card %1").arg(m_customer->card));
    m_card->setVisible(true);
    m_state->setText(Labels::creditState(overview.state));
    m_state->setVisible(true);
    m_hint->setText(Labels::creditStateHint(overview.state));
    setProperty("creditState", creditStateName(overview.state));
    m_state->setProperty("creditState", creditStateName(overview.state));
    m_values[Wallet]->setText(m_session.money(overview.wallet));
    m_values[Overdraft]->setText(overview.overdraftLimit ? m_session.money(*overview.overdraftLimit) : tr("None"));
    m_values[Limit]->setText(overview.creditLimit.isZero() ? tr("No account") : m_session.money(overview.creditLimit));
    m_values[Accrued]->setText(m_session.money(overview.accrued));
    m_values[Invoiced]->setText(m_session.money(overview.invoiced));
    m_values[Overdue]->setText(m_session.money(overview.overdue));
    m_values[Available]->setText(m_session.money(overview.available));
    if (overview.blocked) {
        // Nothing may be used: no figure that reads as spendable.
        m_values[Overdraft]->setText(tr("None (blocked)"));
        m_values[Available]->setText(tr("None (blocked)"));
    }
    const bool hasAccount = !overview.creditLimit.isZero() || !overview.accrued.isZero() || !overview.invoiced.isZero();
    for (int field : {Accrued, Invoiced, Overdue, Available}) {
        m_captions[field]->setVisible(hasAccount);
        m_values[field]->setVisible(hasAccount);
    }
    m_figures->setVisible(true);
    setAccessibleDescription(tr("%1, card %2, %3, wallet %4, available on account %5")
                                 .arg(m_customer->name, m_customer->card, m_state->text(), m_values[Wallet]->text(),
                                      m_values[Available]->text()));
    style()->unpolish(this);
    style()->polish(this);
    style()->unpolish(m_state);
    style()->polish(m_state);
}

void CustomerCard::showNone(const QString &why)
{
    m_name->setText(why);
    m_card->setVisible(false);
    m_state->setVisible(false);
    m_hint->clear();
    m_figures->setVisible(false);
    setProperty("creditState", QString());
    setAccessibleDescription(why);
    style()->unpolish(this);
    style()->polish(this);
}

} // namespace Slate::Ui
