#pragma once
// CustomerCard: the attached customer's credit at a glance — name, card number, wallet,
// overdraft allowance and the overview (limit, accrued not invoiced, invoiced, overdue,
// available) with a state shown as a word and a symbol as well as a colour. Every figure comes
// from ReceivablesService::overview; the card only shows it.

#include "session.h"

#include <QFrame>

#include <optional>

class QLabel;

namespace Slate::Ui {

class CustomerCard : public QFrame {
    Q_OBJECT
public:
    explicit CustomerCard(const Session &session, QWidget *parent = nullptr);

    void setCustomer(const std::optional<Core::Customer> &customer);
    // Reads the customer and the overview again (after a sale, a top-up, …).
    void refresh();
    const std::optional<Core::Customer> &customer() const { return m_customer; }
    const std::optional<Core::CreditOverview> &overview() const { return m_overview; }
    // The text shown for the state ("✓ OK", …), for tests and screen readers.
    QString stateText() const;

private:
    enum Field { Wallet, Overdraft, Limit, Accrued, Invoiced, Overdue, Available, FieldCount };
    void show(const Core::CreditOverview &overview);
    void showNone(const QString &why);

    const Session &m_session;
    std::optional<Core::Customer> m_customer;
    std::optional<Core::CreditOverview> m_overview;
    QLabel *m_name = nullptr;
    QLabel *m_card = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_hint = nullptr;
    QWidget *m_figures = nullptr;
    QLabel *m_captions[FieldCount] = {};
    QLabel *m_values[FieldCount] = {};
};

} // namespace Slate::Ui
