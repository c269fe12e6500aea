#pragma once
// CustomerSearch: how the customer directory turns what a cashier types into a short list
// without reading every customer who matches. A common fragment ("jo", "sen") matches tens of
// thousands of customers in a large shop; sorting them all to show fifty took 20-30 ms. Instead
// each search reads a bounded number of candidates through the indexes, best first:
//
//   1. the exact card (one word only);
//   2. for several words, names whose words start with them in order ("kari han": Kari Hansen);
//   3. cards and phone digits that start with the word;
//   4. names that start with it (customers_by_name, NOCASE, so LIKE 'xy%' is a range);
//   5. later words of the name that start with it (the trigram phrase " xy");
//   6. only when those give too few: the trigram index, for every word of three characters or
//      more anywhere in name, phone, card or e-mail.
//
// Steps 3-5 look up one word (the first of three characters or more, else the first of two);
// with several words and a long one, 4-5 are left to step 6, which then runs first: it finds
// every match at once, and when they fit the page nothing else is read. Every candidate is
// checked against all the words (matches()), so an index only proposes and one rule decides.
// When more customers may match than are returned (more matched than asked for, or a lookup
// stopped at its bound), `more` says so and the cashier types more.

#include "storage/database.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Slate::Core {

class CustomerSearch {
public:
    static constexpr int kWordsMax = 8;

    // The words of `text`; InvalidArgument for more than kWordsMax words.
    static Result<CustomerSearch> parse(const QString &text);

    bool isEmpty() const { return m_words.isEmpty(); }
    // The card to rank first: the text itself when it is one word.
    QString exactCard() const { return m_words.size() == 1 ? m_words.first().text : QString(); }

    struct Rows {
        QList<qint64> rows; // customers.row, at most the limit asked for, in the order found
        bool more = false;  // more customers may match than these
    };
    // Finds at most `limit` (>= 1) matching customers.
    Result<Rows> run(const Database &database, int limit, const QString &doing) const;

    // The EXPLAIN QUERY PLAN of every lookup run() may make for this text, one string per
    // lookup ("SEARCH customers USING INDEX customers_by_name (name>? AND name<?)", ...), so
    // that a test can prove each one reads through an index.
    Result<QStringList> queryPlans(const Database &database, int limit) const;

    // Whether a customer with these fields matches every word: the one rule of what a search
    // finds. Words of three characters or more may appear anywhere in the name, phone digits,
    // card or e-mail; shorter ones (too short for the trigram index) anywhere in the name, card
    // or phone digits when a longer word is given too, and otherwise at the start of the name,
    // of a later word of the name, of the card or of the phone digits. Case-insensitive.
    struct Fields {
        QString name;
        QString card;
        QString phoneDigits;
        QString email;
    };
    bool matches(const Fields &customer) const;

private:
    struct Word {
        QString text;
        bool trigram = false; // three characters or more: the trigram index can find it
    };
    struct Lookup;

    explicit CustomerSearch(QList<Word> words);
    bool hasTrigramWord() const;
    const Word &lookedUpWord() const;
    bool wordMatches(const Word &word, const Fields &customer) const;
    QList<Lookup> lookups(int wanted) const;

    QList<Word> m_words;
};

} // namespace Slate::Core
