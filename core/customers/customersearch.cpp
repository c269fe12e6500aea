#include "customers/customersearch.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace Slate::Core {

namespace {

// A word this many characters long or longer has a trigram; shorter words cannot be looked up
// in the trigram index and only match at the start of a name word, card or phone.
constexpr int kTrigramCharacters = 3;
// How many candidates one lookup may read, as a multiple of the customers wanted. A lookup reads
// past the wanted number only when other words reject candidates; the bound keeps a rare
// combination of common words from walking a whole index range. The trigram lookup is the one
// that can find every match, so it may read more before the search gives up and says "type more".
constexpr int kPrefixReadFactor = 4;
constexpr int kTrigramReadFactor = 10;
// How many names (of those starting with the first word) the word-starts lookup of a several-word
// search looks through, as a multiple of the customers wanted. It filters them inside the name
// index, without reading the customers, so it can look through many.
constexpr int kWordStartsScanFactor = 20;
// Card numbers are case-sensitive in their index, so a case-insensitive prefix is one GLOB range
// per case of each ASCII letter. Two letters (four ranges) cover every short word; a longer
// lettered card prefix is found by the trigram lookup, as cards are nearly always digits.
constexpr int kCardPrefixLettersMax = 2;
// Numbers share their starts (the country code, the shop's card prefix), so the trigrams of a
// whole card number are in nearly every row and FTS5 takes a millisecond to intersect them.
// Their last digits are as telling and cheap to look up; candidates are checked for the whole
// number.
constexpr int kNumberTailDigits = 6;

const QString kCandidateColumns = QStringLiteral("SELECT c.row, c.name, c.card, c.phone_digits, c.email ");
const QString kFromCustomers = QStringLiteral("FROM customers c ");
const QString kFromTrigrams = QStringLiteral("FROM customers_search s JOIN customers c ON c.row = s.rowid "
                                             "WHERE customers_search MATCH ? ");

int characterCount(const QString &text)
{
    return int(text.toUcs4().size());
}

bool isAsciiDigits(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// What SQLite's NOCASE collation compares: ASCII letters folded, everything else as is.
QString asciiLowered(const QString &text)
{
    QString lowered = text;
    for (QChar &c : lowered) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return lowered;
}

// Escapes LIKE's wildcards so that a search for "50%" finds the text "50%".
QString likeEscaped(QString text)
{
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
}

// A phrase for FTS5: inside double quotes every character is literal except '"' itself.
QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// The word with each ASCII letter in both cases, as GLOB prefixes ("jo" -> "jo*", "jO*", "Jo*",
// "JO*"): a case-insensitive prefix that the card's (binary) index can serve. Empty when the
// word cannot start a card ([A-Za-z0-9-] only) or has too many letters.
QStringList cardGlobPrefixes(const QString &word)
{
    const auto letters = std::count_if(word.cbegin(), word.cend(), isAsciiLetter);
    if (letters > kCardPrefixLettersMax)
        return {};
    QStringList patterns{QString()};
    for (QChar c : word) {
        const bool letter = isAsciiLetter(c);
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

// Each word capitalised, as names are written ("øy ha" -> "Øy Ha").
QString capitalisedWords(const QString &text)
{
    QStringList words = text.split(QLatin1Char(' '));
    for (QString &word : words)
        word = word.left(1).toUpper() + word.mid(1).toLower();
    return words.join(QLatin1Char(' '));
}

// LIKE patterns for the start of a name, in the ways names are written. NOCASE folds only ASCII,
// so "øy" would not find "Øyvind": the text is also looked up lower-case, capitalised and
// upper-case. `pattern` turns each variant into a LIKE pattern; variants that NOCASE treats alike
// are looked up once.
template <typename Pattern>
QStringList nameStarts(const QString &text, Pattern pattern)
{
    QStringList starts;
    QSet<QString> folded;
    const QStringList variants{text, text.toLower(), capitalisedWords(text), text.toUpper()};
    for (const QString &variant : variants) {
        const QString like = pattern(variant);
        if (!folded.contains(asciiLowered(like))) {
            folded.insert(asciiLowered(like));
            starts.append(like);
        }
    }
    return starts;
}

QStringList nameStarts(const QString &word)
{
    return nameStarts(word, [](const QString &variant) {
        QString like = likeEscaped(variant);
        like.append(QLatin1Char('%'));
        return like;
    });
}

// "jo ha" -> "jo% ha%": the first word starts the name and each next word starts a later word.
QStringList wordStarts(const QStringList &words)
{
    return nameStarts(words.join(QLatin1Char(' ')), [](const QString &variant) {
        QStringList patterns;
        for (const QString &word : variant.split(QLatin1Char(' ')))
            patterns.append(likeEscaped(word) + QLatin1Char('%'));
        return patterns.join(QLatin1Char(' '));
    });
}

QString orOf(const QString &condition, qsizetype count)
{
    return QStringList(count, condition).join(QStringLiteral(" OR "));
}

// What the trigram lookup asks FTS5 for: the word, or the last digits of a long number.
QString trigramTerm(const QString &word)
{
    if (isAsciiDigits(word) && word.size() > kNumberTailDigits)
        return word.right(kNumberTailDigits);
    return word;
}

} // namespace

// One indexed read of candidates. Its SQL selects row, name, card, phone_digits and email and
// ends in "LIMIT ?", bound to readMax.
struct CustomerSearch::Lookup {
    enum class Role {
        Proposes,        // one of the looked-up word's lookups, which together propose every match
        Ranks,           // proposes the best matches; others propose them too
        FindsEveryMatch, // the trigram lookup: every customer the search can match
    };
    QString sql;
    QVariantList values;
    int readMax = 0;
    Role role = Role::Proposes;
    // Which matches a page shows first when more match than it holds: lower first. Lookups run
    // in the order that costs least, which is not always this order.
    int rank = 0;
};

CustomerSearch::CustomerSearch(QList<Word> words) : m_words(std::move(words))
{
}

Result<CustomerSearch> CustomerSearch::parse(const QString &text)
{
    const QStringList texts = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (texts.size() > kWordsMax)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Search with at most %1 words.").arg(kWordsMax));
    QList<Word> words;
    for (const QString &word : texts)
        words.append(Word{word, characterCount(word) >= kTrigramCharacters});
    return CustomerSearch(words);
}

bool CustomerSearch::hasTrigramWord() const
{
    return std::any_of(m_words.cbegin(), m_words.cend(), [](const Word &word) { return word.trigram; });
}

// The word whose prefix lookups propose candidates: the first that the trigram index could find,
// else the first of two characters (a one-letter range is the widest), else the first.
const CustomerSearch::Word &CustomerSearch::lookedUpWord() const
{
    Q_ASSERT(!m_words.isEmpty());
    for (int characters = kTrigramCharacters; characters > 1; --characters) {
        for (const Word &word : m_words) {
            if (characterCount(word.text) >= characters)
                return word;
        }
    }
    return m_words.first();
}

bool CustomerSearch::wordMatches(const Word &word, const Fields &customer) const
{
    const QString &text = word.text;
    constexpr Qt::CaseSensitivity anyCase = Qt::CaseInsensitive;
    if (word.trigram)
        return customer.name.contains(text, anyCase) || customer.phoneDigits.contains(text) || customer.card.contains(text, anyCase)
               || customer.email.contains(text, anyCase);
    // A short word beside a longer one narrows a small set, so it may match anywhere; alone it
    // would match nearly everyone anywhere, so it must start something. Never the e-mail: "no"
    // is in every address at example.no.
    if (hasTrigramWord())
        return customer.name.contains(text, anyCase) || customer.card.contains(text, anyCase)
               || customer.phoneDigits.contains(text);
    return customer.name.startsWith(text, anyCase) || customer.name.contains(QLatin1Char(' ') + text, anyCase)
           || customer.card.startsWith(text, anyCase) || customer.phoneDigits.startsWith(text);
}

bool CustomerSearch::matches(const Fields &customer) const
{
    return std::all_of(m_words.cbegin(), m_words.cend(), [&](const Word &word) { return wordMatches(word, customer); });
}

QList<CustomerSearch::Lookup> CustomerSearch::lookups(int wanted) const
{
    using Role = Lookup::Role;
    enum Rank { ExactCard, WordStarts, CardOrPhoneStart, NameStart, LaterWordStart, Anywhere };
    const int prefixReadMax = wanted * kPrefixReadFactor;
    const Word &word = lookedUpWord();
    const bool severalWords = m_words.size() > 1;
    QList<Lookup> lookups;

    // With several words and a long one, the trigram lookup goes first: it finds every match at
    // once, and when they fit the page nothing else needs to be read. Only when more match do the
    // other lookups run, to bring the best of them into the page.
    const auto trigramLookup = [&] {
        QStringList phrases;
        for (const Word &each : m_words) {
            if (each.trigram)
                phrases.append(ftsPhrase(trigramTerm(each.text)));
        }
        return Lookup{kCandidateColumns + kFromTrigrams + QStringLiteral("LIMIT ?"), {phrases.join(QStringLiteral(" AND "))},
                      wanted * kTrigramReadFactor, Role::FindsEveryMatch, Anywhere};
    };
    if (severalWords && hasTrigramWord())
        lookups.append(trigramLookup());

    // A card is unique: this reads one row at most.
    if (const QString card = exactCard(); !card.isEmpty())
        lookups.append(Lookup{kCandidateColumns + kFromCustomers + QStringLiteral("WHERE c.card = ? LIMIT ?"), {card}, wanted,
                              Role::Proposes, ExactCard});

    if (severalWords) {
        // "kari han": Kari Hansen and Kari Marit Hansen before Ingrid Kari Johansen. The names
        // starting with the first word are filtered inside the covering name index; only those
        // that pass are read.
        QStringList texts;
        for (const Word &each : m_words)
            texts.append(each.text);
        const QStringList firstStarts = nameStarts(texts.first());
        const QStringList starts = wordStarts(texts);
        QVariantList values(firstStarts.cbegin(), firstStarts.cend());
        values.append(wanted * kWordStartsScanFactor);
        values.append(QVariantList(starts.cbegin(), starts.cend()));
        lookups.append(Lookup{kCandidateColumns + QStringLiteral("FROM (SELECT row, name FROM customers WHERE ")
                                  + orOf(QStringLiteral("name LIKE ? ESCAPE '\\'"), firstStarts.size())
                                  + QStringLiteral(" LIMIT ?) k JOIN customers c ON c.row = k.row WHERE ")
                                  + orOf(QStringLiteral("k.name LIKE ? ESCAPE '\\'"), starts.size()) + QStringLiteral(" LIMIT ?"),
                              values, prefixReadMax, Role::Ranks, WordStarts});
    }

    if (const QStringList patterns = cardGlobPrefixes(word.text); !patterns.isEmpty()) {
        lookups.append(Lookup{kCandidateColumns + kFromCustomers + QStringLiteral("WHERE ")
                                  + orOf(QStringLiteral("c.card GLOB ?"), patterns.size()) + QStringLiteral(" LIMIT ?"),
                              QVariantList(patterns.cbegin(), patterns.cend()), prefixReadMax, Role::Proposes, CardOrPhoneStart});
    }
    if (isAsciiDigits(word.text)) {
        lookups.append(Lookup{kCandidateColumns + kFromCustomers + QStringLiteral("WHERE c.phone_digits GLOB ? LIMIT ?"),
                              {QString(word.text + QLatin1Char('*'))}, prefixReadMax, Role::Proposes, CardOrPhoneStart});
    }

    // Beside a longer word, the trigram lookup finds every match and the word-starts lookup the
    // best ones; alone, or beside short words only, the word's name lookups are needed. A number
    // of three digits or more is a phone or a card: a name holding it is found by the trigram
    // lookup, and is no better a match for starting with it.
    const bool number = word.trigram && isAsciiDigits(word.text);
    if ((!severalWords || !hasTrigramWord()) && !number) {
        const QStringList starts = nameStarts(word.text);
        lookups.append(Lookup{kCandidateColumns + kFromCustomers + QStringLiteral("WHERE ")
                                  + orOf(QStringLiteral("c.name LIKE ? ESCAPE '\\'"), starts.size()) + QStringLiteral(" LIMIT ?"),
                              QVariantList(starts.cbegin(), starts.cend()), prefixReadMax, Role::Proposes, NameStart});
        if (characterCount(word.text) >= 2) {
            // " xy" is a trigram: the start of a later word of the name.
            lookups.append(Lookup{kCandidateColumns + kFromTrigrams + QStringLiteral("LIMIT ?"),
                                  {QString(QStringLiteral("name : ") + ftsPhrase(QLatin1Char(' ') + word.text))}, prefixReadMax,
                                  Role::Proposes, LaterWordStart});
        } else {
            // One letter has no trigram to find later words by; a bounded read of the directory
            // in stored order finds them in a small shop, and in a large one says "type more".
            lookups.append(Lookup{kCandidateColumns + kFromCustomers + QStringLiteral("ORDER BY c.row LIMIT ?"), {}, prefixReadMax,
                                  Role::Proposes, LaterWordStart});
        }
    }

    if (!severalWords && hasTrigramWord())
        lookups.append(trigramLookup());
    return lookups;
}

Result<CustomerSearch::Rows> CustomerSearch::run(const Database &database, int limit, const QString &doing) const
{
    Q_ASSERT(limit >= 1 && !m_words.isEmpty());
    const int wanted = limit + 1; // one more than asked for shows that more match
    QList<qint64> rows;           // in the order found
    QHash<qint64, int> rankOf;    // each found row's best rank
    // How many rows found rank at `rank` or better: a lookup is not needed once that is enough.
    const auto foundAtOrBetter = [&](int rank) {
        return std::count_if(rankOf.cbegin(), rankOf.cend(), [rank](int each) { return each <= rank; });
    };
    bool everyMatchRead = false; // the trigram lookup was read to its end
    bool cut = false;            // one of the looked-up word's lookups stopped at its bound
    for (const Lookup &lookup : lookups(wanted)) {
        if (everyMatchRead)
            break; // nothing left to find
        qsizetype found = foundAtOrBetter(lookup.rank);
        if (found >= wanted)
            continue;
        Result<Query> query = database.scan(lookup.sql, lookup.values + QVariantList{lookup.readMax}, doing);
        if (!query)
            return query.error();
        int read = 0;
        bool ended = false;
        while (found < wanted) {
            if (!query->next()) {
                ended = true;
                break;
            }
            ++read;
            const qint64 row = query->value(0).toLongLong();
            const auto known = rankOf.find(row);
            if (known != rankOf.end() && *known <= lookup.rank)
                continue;
            if (!matches(Fields{query->value(1).toString(), query->value(2).toString(), query->value(3).toString(),
                                query->value(4).toString()}))
                continue;
            if (known == rankOf.end()) {
                rows.append(row);
                rankOf.insert(row, lookup.rank);
            } else {
                *known = lookup.rank; // found again by a better lookup
            }
            ++found;
        }
        // LIMIT ends the read at readMax too: reading that many means there may be more.
        const bool complete = ended && read < lookup.readMax;
        cut = cut || (lookup.role == Lookup::Role::Proposes && !complete);
        everyMatchRead = everyMatchRead || (lookup.role == Lookup::Role::FindsEveryMatch && complete);
    }
    // Without a long word, the lookups of the looked-up word together propose every customer it
    // can match; with one, the trigram lookup alone does.
    const bool allRead = hasTrigramWord() ? everyMatchRead : !cut;
    Rows result;
    result.more = rows.size() > limit || !allRead;
    std::stable_sort(rows.begin(), rows.end(), [&](qint64 a, qint64 b) { return rankOf.value(a) < rankOf.value(b); });
    result.rows = rows.mid(0, limit);
    return result;
}

Result<QStringList> CustomerSearch::queryPlans(const Database &database, int limit) const
{
    QStringList plans;
    for (const Lookup &lookup : lookups(limit + 1)) {
        Result<Query> query = database.run(QStringLiteral("EXPLAIN QUERY PLAN ") + lookup.sql,
                                               lookup.values + QVariantList{lookup.readMax}, QStringLiteral("explain a search"));
        if (!query)
            return query.error();
        QStringList steps;
        while (query->next())
            steps.append(query->value(3).toString());
        plans.append(steps.join(QStringLiteral("; ")));
    }
    return plans;
}

} // namespace Slate::Core
