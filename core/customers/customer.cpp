#include "customers/customer.h"

#include "ledger/journalentry.h"
#include "base/textrules.h"
#include "base/uuidv7.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

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

// Escapes LIKE's wildcards so that a search for "50%" finds the text "50%".
QString likeEscaped(QString text)
{
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
}

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

bool isAsciiDigits(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// The text with each ASCII letter in both cases, as GLOB prefixes ("jo" -> "jo*", "jO*", "Jo*",
// "JO*"): a case-insensitive prefix that the card's (binary) index can serve. Empty when the
// text cannot start a card ([A-Za-z0-9-] only); only for short words, so at most 4 patterns.
QStringList cardGlobPrefixes(const QString &word)
{
    QStringList patterns{QString()};
    for (QChar c : word) {
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        if (!letter && !(c >= u'0' && c <= u'9') && c != u'-')
            return {};
        QStringList next;
        for (const QString &pattern : std::as_const(patterns)) {
            next.append(pattern + (letter ? c.toLower() : c));
            if (letter)
                next.append(pattern + c.toUpper());
        }
        patterns = next;
    }
    for (QString &pattern : patterns)
        pattern.append(QLatin1Char('*'));
    return patterns;
}

// The condition for one word of fewer than three characters: it starts the name, a later word
// of the name, the card or the phone digits. Testing those with LIKE scans every customer
// (30-45 ms at 100,000), so for two-letter words each alternative is an index lookup: the name
// index (NOCASE, so LIKE 'xy%' is a range), the trigram index for " xy" inside the name, and the
// card and phone indexes through GLOB ranges. Single letters are too short for the trigram
// index and still scan.
QString shortWordClause(const QString &word, QVariantList &values)
{
    const QString prefix = likeEscaped(word) + QLatin1Char('%');
    if (word.toUcs4().size() < 2) {
        values << prefix << QString(QStringLiteral("% ") + prefix) << prefix << prefix;
        return QStringLiteral("(c.name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.card LIKE ? ESCAPE '\\' "
                              "OR c.phone_digits LIKE ? ESCAPE '\\')");
    }
    QStringList lookups{QStringLiteral("SELECT row FROM customers WHERE name LIKE ? ESCAPE '\\'")};
    values << prefix;
    QString phrase = QLatin1Char(' ') + word;
    phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    lookups.append(QStringLiteral("SELECT rowid FROM customers_search WHERE customers_search MATCH ?"));
    values << QString(QStringLiteral("name : \"") + phrase + QLatin1Char('"'));
    for (const QString &pattern : cardGlobPrefixes(word)) {
        lookups.append(QStringLiteral("SELECT row FROM customers WHERE card GLOB ?"));
        values << pattern;
    }
    if (isAsciiDigits(word)) {
        lookups.append(QStringLiteral("SELECT row FROM customers WHERE phone_digits GLOB ?"));
        values << QString(word + QLatin1Char('*'));
    }
    return QStringLiteral("c.row IN (") + lookups.join(QStringLiteral(" UNION ALL ")) + QLatin1Char(')');
}

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

Result<QList<Customer>> CustomerDirectory::search(const QString &text, int resultsMax) const
{
    const int limit = qBound(1, resultsMax, kSearchResultsMax);
    const QString doing = QStringLiteral("search customers for \"%1\"").arg(text);
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return select(QStringLiteral("ORDER BY c.name COLLATE NOCASE, c.card LIMIT ?"), {limit}, doing);
    if (words.size() > 8)
        return invalid(QStringLiteral("Search with at most 8 words."));

    // Words of three or more characters use the trigram index; shorter ones filter the matches
    // (or, when no word is long enough, a prefix of the name, card or phone, which use indexes).
    QStringList ftsTerms;
    QStringList filters;
    QVariantList values;
    for (const QString &word : words) {
        if (word.size() >= 3) {
            QString quoted = word;
            quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            ftsTerms.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
        }
    }
    QString sql;
    if (!ftsTerms.isEmpty()) {
        sql = QStringLiteral("JOIN customers_search s ON s.rowid = c.row WHERE customers_search MATCH ?");
        values.append(ftsTerms.join(QStringLiteral(" AND ")));
        for (const QString &word : words) {
            if (word.size() >= 3)
                continue;
            filters.append(QStringLiteral("(c.name LIKE ? ESCAPE '\\' OR c.card LIKE ? ESCAPE '\\' OR c.phone_digits LIKE ? ESCAPE '\\')"));
            const QString escaped = likeEscaped(word);
            const QString pattern = QLatin1Char('%') + escaped + QLatin1Char('%');
            values << pattern << pattern << pattern;
        }
        for (const QString &filter : filters)
            sql += QStringLiteral(" AND ") + filter;
    } else {
        // Only short words: each must start the name, a later word of the name, the card or the
        // phone digits.
        QStringList clauses;
        for (const QString &word : words)
            clauses.append(shortWordClause(word, values));
        sql = QStringLiteral("WHERE ") + clauses.join(QStringLiteral(" AND "));
    }
    sql += QStringLiteral(" ORDER BY (c.card = ?) DESC, c.name COLLATE NOCASE, c.card LIMIT ?");
    values << text.trimmed() << limit;
    return select(sql, values, doing);
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
