#pragma once
// Customers and the directory that stores and finds them. The card number is what a scanner
// reads and is unique; the id is a time-ordered UUID that names the customer's accounts.

#include "storage/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Slate::Core {

// What a customer may do on credit. Amounts are minor units of the store's currency.
struct CreditTerms {
    qint64 creditLimitMinorUnits = 0;             // 0: no account sales
    std::optional<qint64> overdraftLimitMinorUnits; // none: the wallet may not go below zero
    int paymentTermsDays = 30;                    // invoice due date = invoice date + this
    bool blocked = false;                         // no credit or account tenders at all
};

constexpr int kPaymentTermsDaysMax = 365;

struct Customer {
    QString id;
    QString card;
    QString name;
    QString phone;
    QString email;
    QDateTime createdUtc;
    QDateTime updatedUtc;
    CreditTerms terms;
};

struct NewCustomer {
    QString card;
    QString name;
    QString phone;
    QString email;
};

// Checks a new customer's fields; the message names the field and the rule.
Result<void> validateNewCustomer(const NewCustomer &customer);

constexpr int kSearchResultsMax = 200;

// What a search found: at most the number of customers asked for, an exact card match first,
// then by name; and whether more customers may match than are listed, so that the caller can
// ask for a longer search text instead of a longer list.
struct CustomerMatches {
    QList<Customer> customers;
    bool more = false;
};

class CustomerDirectory {
public:
    explicit CustomerDirectory(Database &database) : m_database(database) {}

    Result<Customer> add(const NewCustomer &customer);
    Result<Customer> byCard(const QString &card) const;
    Result<Customer> byId(const QString &id) const;
    // Finds customers whose name, phone, card or e-mail contains the text (case-insensitive;
    // every word must match; words of one or two letters must start a word of the name, the
    // card or the phone when no longer word is given), an exact card match first, then by
    // name. Empty text lists all by name. A search reads a bounded number of candidates
    // through the indexes, best first (see customersearch.h), so it stays fast however many
    // customers match; `more` tells when not all of them are listed.
    Result<CustomerMatches> find(const QString &text, int resultsMax = 50) const;
    // find() for callers that only list.
    Result<QList<Customer>> search(const QString &text, int resultsMax = 50) const;
    Result<qint64> count() const;
    // Replaces a customer's credit terms (limit, overdraft, payment terms, blocked).
    Result<Customer> setTerms(const QString &customerId, const CreditTerms &terms);

private:
    Result<QList<Customer>> select(const QString &where, const QVariantList &values, const QString &doing) const;

    Database &m_database;
};

} // namespace Slate::Core
