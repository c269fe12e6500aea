#include "customers/customer.h"

#include "customers/customersearch.h"
#include "ledger/journalentry.h"
#include "base/textrules.h"
#include "base/uuidv7.h"

#include <QRegularExpression>
#include <QStringList>

#include <utility>

namespace Slate::Core {

namespace {

const QString kColumns = QStringLiteral("c.id, c.card, c.name, c.phone, c.email, c.created_utc, c.updated_utc, "
                                        "c.credit_limit, c.overdraft_limit, c.payment_terms_days, c.blocked");

Customer customerFrom(const Query &query)
{
    CreditTerms terms;
    terms.creditLimitMinorUnits = query.value(7).toLongLong();
    if (!query.isNull(8))
        terms.overdraftLimitMinorUnits = query.value(8).toLongLong();
    terms.paymentTermsDays = query.value(9).toInt();
    terms.blocked = query.value(10).toInt() != 0;
    return Customer{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                    query.value(3).toString(), query.value(4).toString(), timestampFromText(query.value(5).toString()),
                    timestampFromText(query.value(6).toString()), terms};
}

QString digitsOf(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

} // namespace

Result<void> validateNewCustomer(const NewCustomer &customer)
{
    // \z, not $: '$' also matches before a final newline, which would let "1001\n" through.
    static const QRegularExpression cardPattern(QStringLiteral("^[A-Za-z0-9-]{1,64}\\z"));
    static const QRegularExpression phonePattern(QStringLiteral("^\\+?[0-9 ()-]{3,30}\\z"));
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+\\z"));
    // Phone and e-mail are stored trimmed, so they are checked trimmed, like the name.
    const QString phone = customer.phone.trimmed();
    const QString email = customer.email.trimmed();
    if (!cardPattern.match(customer.card).hasMatch())
        return invalid(QStringLiteral("Card number \"%1\" is not valid; use 1 to 64 letters, digits or '-'.").arg(customer.card));
    const QString name = customer.name.trimmed();
    if (name.isEmpty() || name.size() > 200 || hasControlCharacters(name))
        return invalid(QStringLiteral("Customer name \"%1\" is not valid; give 1 to 200 characters.").arg(customer.name));
    if (!phone.isEmpty() && (!phonePattern.match(phone).hasMatch() || digitsOf(phone).size() < 3))
        return invalid(QStringLiteral("Phone \"%1\" is not valid; use digits, spaces, '+', '-' and parentheses.").arg(customer.phone));
    if (!email.isEmpty() && (email.size() > 254 || !emailPattern.match(email).hasMatch()))
        return invalid(QStringLiteral("E-mail \"%1\" is not valid; write it as name@example.com.").arg(customer.email));
    return {};
}

Result<Customer> CustomerDirectory::add(const NewCustomer &draft)
{
    if (auto valid = validateNewCustomer(draft); !valid)
        return valid.error();
    const QString doing = QStringLiteral("add customer %1").arg(draft.card);
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<Query> taken = m_database.run(QStringLiteral("SELECT name FROM customers WHERE card = ?"), {draft.card}, doing);
    if (!taken)
        return taken.error();
    if (taken->next())
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("Card %1 already belongs to %2; use another card number.")
                             .arg(draft.card, taken->value(0).toString()));
    taken->finish();
    const QDateTime now = nowUtc();
    Customer customer{uuidText(newTimeOrderedUuid()), draft.card, draft.name.trimmed(), draft.phone.trimmed(),
                      draft.email.trimmed(), now, now, CreditTerms{}};
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO customers (id, card, name, phone, phone_digits, email, created_utc, updated_utc) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {customer.id, customer.card, customer.name, customer.phone, digitsOf(customer.phone), customer.email,
             timestampText(now), timestampText(now)},
            doing);
        !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return customer;
}

Result<QList<Customer>> CustomerDirectory::select(const QString &where, const QVariantList &values, const QString &doing) const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM customers c ") + where,
                                             values, doing);
    if (!query)
        return query.error();
    QList<Customer> customers;
    while (query->next())
        customers.append(customerFrom(*query));
    return customers;
}

Result<Customer> CustomerDirectory::byCard(const QString &card) const
{
    Result<QList<Customer>> found = select(QStringLiteral("WHERE c.card = ?"), {card}, QStringLiteral("find card %1").arg(card));
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No customer has card %1; check the number or search by name.").arg(card));
    return found->first();
}

Result<Customer> CustomerDirectory::byId(const QString &id) const
{
    Result<QList<Customer>> found = select(QStringLiteral("WHERE c.id = ?"), {id}, QStringLiteral("find customer %1").arg(id));
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("No customer has id %1.").arg(id));
    return found->first();
}

Result<CustomerMatches> CustomerDirectory::find(const QString &text, int resultsMax) const
{
    const int limit = qBound(1, resultsMax, kSearchResultsMax);
    const QString doing = QStringLiteral("search customers for \"%1\"").arg(text);
    const Result<CustomerSearch> search = CustomerSearch::parse(text);
    if (!search)
        return search.error();
    if (search->isEmpty()) {
        // The name index lists them in order; one more than asked for shows that more exist.
        Result<QList<Customer>> first = select(QStringLiteral("ORDER BY c.name COLLATE NOCASE, c.card LIMIT ?"), {limit + 1}, doing);
        if (!first)
            return first.error();
        const bool more = first->size() > limit;
        if (more)
            first->removeLast();
        return CustomerMatches{*first, more};
    }
    const Result<CustomerSearch::Rows> found = search->run(m_database, limit, doing);
    if (!found)
        return found.error();
    if (found->rows.isEmpty())
        return CustomerMatches{{}, found->more};
    // The candidates are few (at most the limit), so ordering them here costs nothing.
    QStringList rows;
    for (qint64 row : found->rows)
        rows.append(QString::number(row));
    Result<QList<Customer>> customers =
        select(QStringLiteral("WHERE c.row IN (SELECT value FROM json_each(?)) ORDER BY (c.card = ?) DESC, c.name COLLATE NOCASE, c.card"),
               {QString(QLatin1Char('[') + rows.join(QLatin1Char(',')) + QLatin1Char(']')), search->exactCard()}, doing);
    if (!customers)
        return customers.error();
    return CustomerMatches{*customers, found->more};
}

Result<QList<Customer>> CustomerDirectory::search(const QString &text, int resultsMax) const
{
    Result<CustomerMatches> found = find(text, resultsMax);
    if (!found)
        return found.error();
    return std::move(found->customers);
}

Result<Customer> CustomerDirectory::setTerms(const QString &customerId, const CreditTerms &terms)
{
    if (terms.creditLimitMinorUnits < 0)
        return invalid(QStringLiteral("A credit limit cannot be negative; use 0 for no account sales."));
    if (terms.overdraftLimitMinorUnits && *terms.overdraftLimitMinorUnits < 0)
        return invalid(QStringLiteral("An overdraft limit cannot be negative; use \"none\" to forbid overdraft."));
    if (terms.paymentTermsDays < 0 || terms.paymentTermsDays > kPaymentTermsDaysMax)
        return invalid(QStringLiteral("Payment terms must be 0 to %1 days, not %2.").arg(kPaymentTermsDaysMax).arg(terms.paymentTermsDays));
    const QString doing = QStringLiteral("change the credit terms of customer %1").arg(customerId);
    Result<Query> done = m_database.run(
        QStringLiteral("UPDATE customers SET credit_limit = ?, overdraft_limit = ?, payment_terms_days = ?, blocked = ?, "
                       "updated_utc = ? WHERE id = ?"),
        {terms.creditLimitMinorUnits, terms.overdraftLimitMinorUnits ? QVariant(*terms.overdraftLimitMinorUnits) : QVariant(),
         terms.paymentTermsDays, terms.blocked ? 1 : 0,
         timestampText(nowUtc()), customerId},
        doing);
    if (!done)
        return done.error();
    if (done->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("No customer has id %1.").arg(customerId));
    return byId(customerId);
}

Result<qint64> CustomerDirectory::count() const
{
    Result<Query> query = m_database.run(QStringLiteral("SELECT count(*) FROM customers"), {}, QStringLiteral("count customers"));
    if (!query)
        return query.error();
    query->next();
    return query->value(0).toLongLong();
}

} // namespace Slate::Core
