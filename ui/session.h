#pragma once
// Session: what every window of the till shares while a user is logged in — the store and its
// services, who is at the till, the shop's locale for amounts and dates, and the clock that says what
// "today" is (tests pass a fixed one). Windows get a Session& from whoever wires the app; no
// window reaches for a global.

#include "checkout/checkout.h"
#include "customers/receivables.h"
#include "store/store.h"

#include <QDate>
#include <QLocale>

#include <functional>

namespace Slate::Ui {

class Session {
public:
    Session(Core::Store &store, QLocale locale, Core::Clock clock = {});

    Core::Store &store() const { return m_store; }
    Core::CheckoutService &checkout() const { return m_store.checkout(); }
    Core::ReceivablesService &receivables() const { return m_store.receivables(); }

    // The user at the till; set by the login screen.
    const Core::User &user() const { return m_user; }
    void setUser(const Core::User &user) { m_user = user; }

    const QLocale &locale() const { return m_locale; }
    const Core::Currency &currency() const { return store().identity().currency; }
    Core::Money zero() const { return Core::Money::zero(currency()); }
    // An amount for people: "1 234,50 NOK" in Norwegian, "1,234.50 NOK" in English.
    QString money(const Core::Money &amount) const { return amount.toLocalizedString(m_locale); }
    // The same without the currency code, for an amount field: "1 234,50".
    QString amountText(const Core::Money &amount) const;
    // What a person typed, in the shop's locale (the locale-free form is accepted too).
    Core::Result<Core::Money> parseMoney(const QString &text) const;
    QDateTime nowUtc() const;
    QDate today() const { return nowUtc().toLocalTime().date(); }
    QString dateTime(const QDateTime &utc) const;
    QString date(const QDate &date) const;

private:
    Core::Store &m_store;
    QLocale m_locale;
    Core::Clock m_clock;
    Core::User m_user;
};

} // namespace Slate::Ui
