#pragma once
// An ISO 4217 currency: its code and the number of minor-unit digits (its exponent).
// Only currencies from the table in currency.cpp exist; anything else is refused at the edge.

#include <QList>
#include <QString>

#include <optional>

namespace Slate::Core {

class Currency {
public:
    // Looks up an ISO 4217 code ("NOK", "jpy" is not accepted: codes are upper case).
    static std::optional<Currency> fromCode(QStringView code);
    static QList<Currency> all();

    const QString &code() const { return m_code; }
    int exponent() const { return m_exponent; }
    // 10^exponent: how many minor units make one major unit.
    qint64 minorPerMajor() const;

    friend bool operator==(const Currency &a, const Currency &b) { return a.m_code == b.m_code; }

    // No currency: the empty code. A default Money has it, and a journal that keeps other
    // terminals' entries only (the server's); arithmetic with it fails.
    static Currency none() { return Currency(); }
    bool isNone() const { return m_code.isEmpty(); }

private:
    friend class Money;
    Currency() = default;
    Currency(QString code, int exponent) : m_code(std::move(code)), m_exponent(exponent) {}

    QString m_code;
    int m_exponent = 2;
};

} // namespace Slate::Core
