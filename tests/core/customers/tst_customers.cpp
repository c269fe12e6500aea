// The customer directory: adding and finding customers by card and id, validation that writes
// nothing, and search by any part of name, phone, card or e-mail, safe against special characters.

#include "customers/customersearch.h"
#include "teststore.h"

#include <QSet>
#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

namespace {

NewCustomer person(const QString &card, const QString &name, const QString &phone = QString(), const QString &email = QString())
{
    return NewCustomer{card, name, phone, email};
}

QStringList names(const QList<Customer> &customers)
{
    QStringList result;
    for (const Customer &customer : customers)
        result.append(customer.name);
    return result;
}

// A small directory with names that share parts, so that a search that matches too much shows.
void addPeople(TestStore &store)
{
    const NewCustomer people[] = {
        person(QStringLiteral("1001"), QStringLiteral("Ola Hansen"), QStringLiteral("+47 912 34 567"), QStringLiteral("ola@example.no")),
        person(QStringLiteral("1002"), QStringLiteral("Kari Nordmann"), QStringLiteral("913 45 678"), QStringLiteral("kari.n@example.no")),
        person(QStringLiteral("1003"), QStringLiteral("Per Hansson"), QStringLiteral("22 33 44 55")),
        person(QStringLiteral("10010"), QStringLiteral("Anne Berg"), QStringLiteral("400 00 001")),
        person(QStringLiteral("A-77"), QStringLiteral("Bjørn Åsheim"), QString(), QStringLiteral("bjorn@fjell.no")),
        person(QStringLiteral("2001"), QStringLiteral("Liv Berg-Hansen")),
        person(QStringLiteral("2002"), QStringLiteral("Sale 50% off")),
        person(QStringLiteral("2003"), QStringLiteral("Tom_Underscore")),
        person(QStringLiteral("2004"), QStringLiteral("O'Brien Café")),
    };
    for (const NewCustomer &customer : people) {
        const Result<Customer> added = store->customers().add(customer);
        if (!added)
            qFatal("cannot add %s: %s", qPrintable(customer.name), qPrintable(added.message()));
    }
}

// "Jo Crowd Aa", "Jo Crowd Ab", ...: letters, so that no digit search finds them.
QString crowdName(int i)
{
    return QStringLiteral("Jo Crowd ") + QChar(u'A' + i / 26) + QChar(u'a' + i % 26);
}

// addPeople and more: a crowd of 30 whose names start with "Jo" (more than a small page
// holds), a non-ASCII first name, and two phones that share their last six digits.
void addShop(TestStore &store)
{
    addPeople(store);
    QList<NewCustomer> more{
        person(QStringLiteral("3001"), QStringLiteral("Øyvind Lie")),
        person(QStringLiteral("3002"), QStringLiteral("Nils Tail"), QStringLiteral("+47 987 65 43 21")),
        person(QStringLiteral("3003"), QStringLiteral("Nina Tail"), QStringLiteral("400 76 54 32")),
    };
    for (int i = 0; i < 30; ++i)
        more.append(person(QStringLiteral("40%1").arg(i, 2, 10, QLatin1Char('0')), crowdName(i)));
    for (const NewCustomer &customer : std::as_const(more)) {
        const Result<Customer> added = store->customers().add(customer);
        if (!added)
            qFatal("cannot add %s: %s", qPrintable(customer.name), qPrintable(added.message()));
    }
}

QStringList crowd(int from, int count)
{
    QStringList names;
    for (int i = from; i < from + count; ++i)
        names.append(crowdName(i));
    return names;
}

} // namespace

class tst_Customers : public QObject {
    Q_OBJECT
private slots:
    void addAndFind();
    void duplicateCardRefused();
    void validation_data();
    void validation();
    void search_data();
    void search();
    void exactCardMatchRankedFirst();
    void emptyTextListsAll();
    void resultsMaxRespected();
    void find_data();
    void find();
    void badInput_data();
    void badInput();
    void everyLookupReadsThroughAnIndex_data();
    void everyLookupReadsThroughAnIndex();
    void specialCharactersAreSafe_data();
    void specialCharactersAreSafe();
    void twentyThousandCustomers();
    void creditTerms_data();
    void creditTerms();
    void creditTermsSurviveReopen();
};

void tst_Customers::addAndFind()
{
    TestStore store;
    QVERIFY(store.ok());
    CustomerDirectory &customers = store->customers();
    QCOMPARE(*customers.count(), qint64(0));

    const Result<Customer> added = customers.add(person(QStringLiteral("CARD-1"), QStringLiteral("  Ola Hansen  "),
                                                        QStringLiteral(" +47 912 34 567 "), QStringLiteral("ola@example.no")));
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.message()));
    QCOMPARE(added->card, QStringLiteral("CARD-1"));
    QCOMPARE(added->name, QStringLiteral("Ola Hansen")); // trimmed
    QCOMPARE(added->phone, QStringLiteral("+47 912 34 567"));
    QCOMPARE(added->email, QStringLiteral("ola@example.no"));
    QCOMPARE(added->id.size(), 36);
    QVERIFY(added->createdUtc.isValid());
    QCOMPARE(added->createdUtc, added->updatedUtc);
    QCOMPARE(*customers.count(), qint64(1));

    const Result<Customer> byCard = customers.byCard(QStringLiteral("CARD-1"));
    QVERIFY(byCard.ok());
    QCOMPARE(byCard->id, added->id);
    QCOMPARE(byCard->name, added->name);
    QCOMPARE(byCard->phone, added->phone);
    QCOMPARE(byCard->email, added->email);
    QCOMPARE(byCard->createdUtc, added->createdUtc);

    const Result<Customer> byId = customers.byId(added->id);
    QVERIFY(byId.ok());
    QCOMPARE(byId->card, QStringLiteral("CARD-1"));

    const Result<Customer> second = customers.add(person(QStringLiteral("CARD-2"), QStringLiteral("Kari Nordmann")));
    QVERIFY(second.ok());
    QVERIFY(second->id != added->id);
    QCOMPARE(customers.byCard(QStringLiteral("CARD-2"))->name, QStringLiteral("Kari Nordmann"));

    const Result<Customer> missingCard = customers.byCard(QStringLiteral("CARD-3"));
    QVERIFY(!missingCard.ok());
    QCOMPARE(missingCard.code(), ErrorCode::NotFound);
    QVERIFY2(missingCard.message().contains(QStringLiteral("CARD-3")), qPrintable(missingCard.message()));
    const Result<Customer> missingId = customers.byId(QStringLiteral("00000000-0000-7000-8000-000000000000"));
    QVERIFY(!missingId.ok());
    QCOMPARE(missingId.code(), ErrorCode::NotFound);
    // A card lookup is exact: a different case or a prefix is not the card.
    QCOMPARE(customers.byCard(QStringLiteral("CARD")).code(), ErrorCode::NotFound);

    QVERIFY(store.reopen());
    QCOMPARE(store->customers().byCard(QStringLiteral("CARD-1"))->id, added->id);
}

void tst_Customers::duplicateCardRefused()
{
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->customers().add(person(QStringLiteral("1001"), QStringLiteral("Ola Hansen"))).ok());
    const Result<Customer> duplicate = store->customers().add(person(QStringLiteral("1001"), QStringLiteral("Kari Nordmann")));
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.code(), ErrorCode::AlreadyExists);
    QVERIFY2(duplicate.message().contains(QStringLiteral("Ola Hansen")), qPrintable(duplicate.message()));
    QVERIFY2(duplicate.message().contains(QStringLiteral("1001")), qPrintable(duplicate.message()));
    QCOMPARE(*store->customers().count(), qint64(1));
    QCOMPARE(store->customers().byCard(QStringLiteral("1001"))->name, QStringLiteral("Ola Hansen"));
    QVERIFY(store->customers().search(QStringLiteral("Nordmann"))->isEmpty());
}

void tst_Customers::validation_data()
{
    QTest::addColumn<QString>("card");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("named"); // what the message must quote

    const QString ok = QStringLiteral("1001");
    const QString name = QStringLiteral("Ola Hansen");
    QTest::newRow("an empty card is refused") << QString() << name << QString() << QString() << QStringLiteral("Card");
    QTest::newRow("a card with a space is refused") << QStringLiteral("10 01") << name << QString() << QString() << QStringLiteral("10 01");
    QTest::newRow("a card with a slash is refused") << QStringLiteral("10/01") << name << QString() << QString() << QStringLiteral("10/01");
    QTest::newRow("a card with a quote is refused") << QStringLiteral("10'01") << name << QString() << QString() << QStringLiteral("10'01");
    QTest::newRow("a card with a non-ASCII letter is refused") << QStringLiteral("kort\u00f8") << name << QString() << QString() << QStringLiteral("kort\u00f8");
    QTest::newRow("a card with a newline is refused") << QStringLiteral("1001\n") << name << QString() << QString() << QStringLiteral("Card");
    QTest::newRow("a card of 65 characters is refused") << QString(65, QLatin1Char('7')) << name << QString() << QString() << QStringLiteral("Card");
    QTest::newRow("an empty name is refused") << ok << QString() << QString() << QString() << QStringLiteral("name");
    QTest::newRow("a blank name is refused") << ok << QStringLiteral("   ") << QString() << QString() << QStringLiteral("name");
    QTest::newRow("a name with a control character is refused") << ok << QStringLiteral("Ola\u0007Hansen") << QString() << QString() << QStringLiteral("name");
    QTest::newRow("a name of 201 characters is refused") << ok << QString(201, QLatin1Char('a')) << QString() << QString() << QStringLiteral("name");
    QTest::newRow("a phone with letters is refused") << ok << name << QStringLiteral("call me") << QString() << QStringLiteral("call me");
    QTest::newRow("a phone with two digits is refused") << ok << name << QStringLiteral("12") << QString() << QStringLiteral("\"12\"");
    QTest::newRow("a phone of dashes only is refused") << ok << name << QStringLiteral("---") << QString() << QStringLiteral("---");
    QTest::newRow("a phone with a plus in the middle is refused") << ok << name << QStringLiteral("47+12345") << QString() << QStringLiteral("47+12345");
    QTest::newRow("a phone of 31 characters is refused") << ok << name << QString(31, QLatin1Char('9')) << QString() << QStringLiteral("Phone");
    QTest::newRow("an e-mail without @ is refused") << ok << name << QString() << QStringLiteral("ola.example.no") << QStringLiteral("ola.example.no");
    QTest::newRow("an e-mail without a domain dot is refused") << ok << name << QString() << QStringLiteral("ola@example") << QStringLiteral("ola@example");
    QTest::newRow("an e-mail with two @ is refused") << ok << name << QString() << QStringLiteral("ola@@example.no") << QStringLiteral("ola@@example.no");
    QTest::newRow("an e-mail with a space is refused") << ok << name << QString() << QStringLiteral("ola h@example.no") << QStringLiteral("ola h@example.no");
    QTest::newRow("a phone with a newline inside is refused") << ok << name << QStringLiteral("912\n34567") << QString() << QStringLiteral("Phone");
    QTest::newRow("an e-mail with a second line is refused")
        << ok << name << QString() << QStringLiteral("ola@example.no\nBcc: eve@example.no") << QStringLiteral("E-mail");
    QTest::newRow("an e-mail that is too long is refused")
        << ok << name << QString() << (QString(65, QLatin1Char('a')) + QStringLiteral("@example.no")) << QStringLiteral("E-mail");
}

void tst_Customers::validation()
{
    QFETCH(QString, card);
    QFETCH(QString, name);
    QFETCH(QString, phone);
    QFETCH(QString, email);
    QFETCH(QString, named);

    TestStore store;
    QVERIFY(store.ok());
    const NewCustomer draft{card, name, phone, email};
    const Result<void> valid = validateNewCustomer(draft);
    QVERIFY(!valid.ok());
    QCOMPARE(valid.code(), ErrorCode::InvalidArgument);

    const Result<Customer> added = store->customers().add(draft);
    QVERIFY(!added.ok());
    QCOMPARE(added.code(), ErrorCode::InvalidArgument);
    QVERIFY2(added.message().contains(named, Qt::CaseInsensitive), qPrintable(added.message()));
    QCOMPARE(*store->customers().count(), qint64(0));
    QVERIFY(store->customers().search(QString())->isEmpty());

    // The same customer with the field fixed is accepted: the table's other fields are valid.
    QVERIFY(store->customers().add(person(QStringLiteral("1001"), QStringLiteral("Ola Hansen"), QStringLiteral("+47 (912) 34-567"),
                                          QStringLiteral("ola@example.no")))
                .ok());
}

void tst_Customers::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // in result order

    QTest::newRow("the end of a surname finds it") << QStringLiteral("ansen")
                                                   << QStringList{QStringLiteral("Liv Berg-Hansen"), QStringLiteral("Ola Hansen")};
    QTest::newRow("search ignores case") << QStringLiteral("HANSEN")
                                         << QStringList{QStringLiteral("Liv Berg-Hansen"), QStringLiteral("Ola Hansen")};
    QTest::newRow("the middle of a word finds it") << QStringLiteral("ordma") << QStringList{QStringLiteral("Kari Nordmann")};
    QTest::newRow("a first name finds it") << QStringLiteral("kari") << QStringList{QStringLiteral("Kari Nordmann")};
    QTest::newRow("a common part finds all that share it")
        << QStringLiteral("hans")
        << QStringList{QStringLiteral("Liv Berg-Hansen"), QStringLiteral("Ola Hansen"), QStringLiteral("Per Hansson")};
    QTest::newRow("phone digits find the customer") << QStringLiteral("91234") << QStringList{QStringLiteral("Ola Hansen")};
    QTest::newRow("the end of a phone number finds the customer") << QStringLiteral("5678") << QStringList{QStringLiteral("Kari Nordmann")};
    QTest::newRow("phone digits written with spaces find the customer")
        << QStringLiteral("913 45 678") << QStringList{QStringLiteral("Kari Nordmann")};
    QTest::newRow("a card number finds the customer") << QStringLiteral("A-77") << QStringList{QStringLiteral("Bjørn Åsheim")};
    QTest::newRow("part of an e-mail finds the customer") << QStringLiteral("fjell") << QStringList{QStringLiteral("Bjørn Åsheim")};
    QTest::newRow("non-ASCII letters find the customer") << QStringLiteral("Åsheim") << QStringList{QStringLiteral("Bjørn Åsheim")};
    QTest::newRow("two words must both match") << QStringLiteral("ola hansen") << QStringList{QStringLiteral("Ola Hansen")};
    QTest::newRow("two words in any order") << QStringLiteral("hansen ola") << QStringList{QStringLiteral("Ola Hansen")};
    QTest::newRow("two words from different customers find nobody") << QStringLiteral("kari hansen") << QStringList{};
    QTest::newRow("a word and a phone fragment") << QStringLiteral("berg 400") << QStringList{QStringLiteral("Anne Berg")};
    QTest::newRow("a long word and a short word") << QStringLiteral("hansen ol") << QStringList{QStringLiteral("Ola Hansen")};
    QTest::newRow("a long word and a short word that matches nobody with it") << QStringLiteral("hansen kx") << QStringList{};
    QTest::newRow("a two-letter word finds names starting with it")
        << QStringLiteral("ol") << QStringList{QStringLiteral("Ola Hansen")};
    QTest::newRow("a two-letter word finds later words starting with it")
        << QStringLiteral("ha") << QStringList{QStringLiteral("Ola Hansen"), QStringLiteral("Per Hansson")};
    QTest::newRow("a one-letter word finds names and words starting with it")
        << QStringLiteral("k") << QStringList{QStringLiteral("Kari Nordmann")};
    QTest::newRow("two short words must both match") << QStringLiteral("ol ha") << QStringList{QStringLiteral("Ola Hansen")};
    QTest::newRow("a short card prefix") << QStringLiteral("20")
                                         << QStringList{QStringLiteral("Liv Berg-Hansen"), QStringLiteral("O'Brien Café"),
                                                        QStringLiteral("Sale 50% off"), QStringLiteral("Tom_Underscore")};
    QTest::newRow("surrounding and repeated spaces are ignored") << QStringLiteral("  ola    hansen ") << QStringList{QStringLiteral("Ola Hansen")};
    QTest::newRow("text that matches nobody finds nobody") << QStringLiteral("zzzz") << QStringList{};
    QTest::newRow("a percent sign is searched for literally") << QStringLiteral("50%") << QStringList{QStringLiteral("Sale 50% off")};
    QTest::newRow("an underscore is searched for literally") << QStringLiteral("m_u") << QStringList{QStringLiteral("Tom_Underscore")};
    QTest::newRow("an apostrophe is searched for literally") << QStringLiteral("o'b") << QStringList{QStringLiteral("O'Brien Café")};
}

void tst_Customers::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    TestStore store;
    QVERIFY(store.ok());
    addPeople(store);
    const Result<QList<Customer>> found = store->customers().search(text);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.message()));
    QCOMPARE(names(*found), expected);
}

void tst_Customers::exactCardMatchRankedFirst()
{
    TestStore store;
    QVERIFY(store.ok());
    addPeople(store);
    // "1001" is in card 1001 (Ola Hansen) and card 10010 (Anne Berg); Anne sorts first by name,
    // but the exact card match comes first.
    const Result<QList<Customer>> found = store->customers().search(QStringLiteral("1001"));
    QVERIFY(found.ok());
    QCOMPARE(names(*found), (QStringList{QStringLiteral("Ola Hansen"), QStringLiteral("Anne Berg")}));

    const Result<QList<Customer>> other = store->customers().search(QStringLiteral("10010"));
    QVERIFY(other.ok());
    QCOMPARE(names(*other), QStringList{QStringLiteral("Anne Berg")});

    // A short card: exact match first, then the others sharing the prefix by name.
    QVERIFY(store->customers().add(person(QStringLiteral("10"), QStringLiteral("Zed Short"))).ok());
    const Result<QList<Customer>> shortCard = store->customers().search(QStringLiteral(" 10 "));
    QVERIFY(shortCard.ok());
    QVERIFY(!shortCard->isEmpty());
    QCOMPARE(shortCard->first().name, QStringLiteral("Zed Short"));
    QCOMPARE(shortCard->size(), 5); // 10, 1001, 1002, 1003, 10010
}

void tst_Customers::emptyTextListsAll()
{
    TestStore store;
    QVERIFY(store.ok());
    QVERIFY(store->customers().search(QString())->isEmpty());
    addPeople(store);
    for (const QString &text : {QString(), QStringLiteral("   ")}) {
        const Result<QList<Customer>> all = store->customers().search(text);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 9);
        // Ordered by name, case-insensitively.
        const QStringList listed = names(*all);
        QStringList sorted = listed;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(listed, sorted);
        QCOMPARE(listed.first(), QStringLiteral("Anne Berg"));
    }
}

void tst_Customers::resultsMaxRespected()
{
    TestStore store;
    QVERIFY(store.ok());
    {
        Transaction transaction(store->database());
        QVERIFY(transaction.begin().ok());
        for (int i = 0; i < 250; ++i) {
            QVERIFY(store->customers()
                        .add(person(QStringLiteral("C%1").arg(i, 4, 10, QLatin1Char('0')),
                                    QStringLiteral("Hansen %1").arg(i, 4, 10, QLatin1Char('0'))))
                        .ok());
        }
        QVERIFY(transaction.commit().ok());
    }
    QCOMPARE(store->customers().search(QStringLiteral("hansen"), 7)->size(), 7);
    QCOMPARE(store->customers().search(QStringLiteral("hansen"))->size(), 50); // the default
    QCOMPARE(store->customers().search(QString(), 3)->size(), 3);
    QCOMPARE(store->customers().search(QStringLiteral("c0"), 4)->size(), 4); // short-word path
    // The bound is capped and never below one.
    QCOMPARE(store->customers().search(QStringLiteral("hansen"), 100000)->size(), kSearchResultsMax);
    QCOMPARE(store->customers().search(QStringLiteral("hansen"), 0)->size(), 1);
    QCOMPARE(store->customers().search(QStringLiteral("hansen"), -5)->size(), 1);
    // The limited results are the first ones in order.
    const QStringList firstThree = names(*store->customers().search(QStringLiteral("hansen"), 3));
    QCOMPARE(firstThree, (QStringList{QStringLiteral("Hansen 0000"), QStringLiteral("Hansen 0001"), QStringLiteral("Hansen 0002")}));
}

void tst_Customers::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("resultsMax");
    QTest::addColumn<QStringList>("expected"); // in result order
    QTest::addColumn<bool>("more");

    QTest::newRow("an exact card comes first, then the cards that start with it")
        << QStringLiteral("1001") << 50 << QStringList{QStringLiteral("Ola Hansen"), QStringLiteral("Anne Berg")} << false;
    QTest::newRow("a card prefix finds every card that starts with it")
        << QStringLiteral("20") << 50
        << QStringList{QStringLiteral("Liv Berg-Hansen"), QStringLiteral("O'Brien Café"), QStringLiteral("Sale 50% off"),
                       QStringLiteral("Tom_Underscore")}
        << false;
    QTest::newRow("a lower-case card prefix finds a card with capital letters")
        << QStringLiteral("a-") << 50 << QStringList{QStringLiteral("Bjørn Åsheim")} << false;
    QTest::newRow("the first phone digits find the customer") << QStringLiteral("4791") << 50 << QStringList{QStringLiteral("Ola Hansen")}
                                                              << false;
    QTest::newRow("the last phone digits find the customer through the trigram index")
        << QStringLiteral("5678") << 50 << QStringList{QStringLiteral("Kari Nordmann")} << false;
    QTest::newRow("a long number is checked whole, not only by its last digits")
        << QStringLiteral("98765432") << 50 << QStringList{QStringLiteral("Nils Tail")} << false;
    QTest::newRow("two letters find the names that start with them")
        << QStringLiteral("ol") << 50 << QStringList{QStringLiteral("Ola Hansen")} << false;
    QTest::newRow("two letters find the later words that start with them")
        << QStringLiteral("ha") << 50 << QStringList{QStringLiteral("Ola Hansen"), QStringLiteral("Per Hansson")} << false;
    QTest::newRow("two letters find a name that starts with a capital Ø")
        << QStringLiteral("øy") << 50 << QStringList{QStringLiteral("Øyvind Lie")} << false;
    QTest::newRow("a later word is found by its start") << QStringLiteral("nordm") << 50 << QStringList{QStringLiteral("Kari Nordmann")}
                                                        << false;
    QTest::newRow("two short words must start words of the same name")
        << QStringLiteral("ol ha") << 50 << QStringList{QStringLiteral("Ola Hansen")} << false;
    QTest::newRow("two words may match different fields")
        << QStringLiteral("kari 678") << 50 << QStringList{QStringLiteral("Kari Nordmann")} << false;
    QTest::newRow("a first name and the start of a surname find the customer")
        << QStringLiteral("Ola Hans") << 50 << QStringList{QStringLiteral("Ola Hansen")} << false;
    QTest::newRow("part of an e-mail finds the customer") << QStringLiteral("fjell") << 50 << QStringList{QStringLiteral("Bjørn Åsheim")}
                                                          << false;
    QTest::newRow("a word inside another word needs the trigram index")
        << QStringLiteral("ordma") << 50 << QStringList{QStringLiteral("Kari Nordmann")} << false;
    QTest::newRow("more is said when more customers match than are listed, and the first by name are listed")
        << QStringLiteral("jo") << 5 << crowd(0, 5) << true;
    QTest::newRow("more is said when exactly one more matches than are listed")
        << QStringLiteral("jo crowd") << 29 << crowd(0, 29) << true;
    QTest::newRow("more is not said when every match is listed") << QStringLiteral("jo crowd") << 30 << crowd(0, 30) << false;
    QTest::newRow("more is not said when nothing matches") << QStringLiteral("zzzz") << 50 << QStringList{} << false;
    QTest::newRow("an empty text lists everyone by name and says there are more")
        << QString() << 3 << QStringList{QStringLiteral("Anne Berg"), QStringLiteral("Bjørn Åsheim"), crowdName(0)}
        << true;
}

void tst_Customers::find()
{
    QFETCH(QString, text);
    QFETCH(int, resultsMax);
    QFETCH(QStringList, expected);
    QFETCH(bool, more);

    TestStore store;
    QVERIFY(store.ok());
    addShop(store);
    const Result<CustomerMatches> found = store->customers().find(text, resultsMax);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.message()));
    QCOMPARE(names(found->customers), expected);
    QCOMPARE(found->more, more);
    // search() lists the same.
    QCOMPARE(names(*store->customers().search(text, resultsMax)), expected);
}

void tst_Customers::badInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("refused");

    QTest::newRow("nine words are refused") << QStringLiteral("a b c d e f g h i") << true;
    QTest::newRow("nine words apart by tabs and newlines are refused") << QStringLiteral("a\tb\nc d e f g h i") << true;
    QTest::newRow("nine long words are refused") << QStringLiteral("ola kari per anne liv jon lars ingrid nils") << true;
    QTest::newRow("eight words are the most allowed") << QStringLiteral("a b c d e f g h") << false;
    QTest::newRow("an empty text is allowed") << QString() << false;
    QTest::newRow("a text of spaces only is allowed") << QStringLiteral(" \t ") << false;
}

void tst_Customers::badInput()
{
    QFETCH(QString, text);
    QFETCH(bool, refused);
    TestStore store;
    QVERIFY(store.ok());
    addPeople(store);
    const Result<CustomerMatches> found = store->customers().find(text);
    QCOMPARE(!found.ok(), refused);
    if (refused) {
        QCOMPARE(found.code(), ErrorCode::InvalidArgument);
        QVERIFY2(found.message().contains(QStringLiteral("8 words")), qPrintable(found.message()));
        QCOMPARE(store->customers().search(text).code(), ErrorCode::InvalidArgument);
    }
}

void tst_Customers::everyLookupReadsThroughAnIndex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("scansAllowed"); // lookups that may read the table in stored order

    QTest::newRow("a full card number") << QStringLiteral("7001599426") << 0;
    QTest::newRow("phone digits") << QStringLiteral("4567") << 0;
    QTest::newRow("two letters") << QStringLiteral("jo") << 0;
    QTest::newRow("two non-ASCII letters") << QStringLiteral("øy") << 0;
    QTest::newRow("a surname") << QStringLiteral("hansen") << 0;
    QTest::newRow("a word with LIKE wildcards") << QStringLiteral("50%_") << 0;
    QTest::newRow("a first name and the start of a surname") << QStringLiteral("kari han") << 0;
    QTest::newRow("two short words") << QStringLiteral("jo ha") << 0;
    QTest::newRow("one letter, whose later words have no trigram, reads a bounded part of the table")
        << QStringLiteral("k") << 1;
}

void tst_Customers::everyLookupReadsThroughAnIndex()
{
    QFETCH(QString, text);
    QFETCH(int, scansAllowed);
    TestStore store;
    QVERIFY(store.ok());
    addPeople(store);
    const Result<CustomerSearch> search = CustomerSearch::parse(text);
    QVERIFY(search.ok());
    const Result<QStringList> plans = search->queryPlans(store->database(), 50);
    QVERIFY2(plans.ok(), qPrintable(plans.ok() ? QString() : plans.message()));
    QVERIFY(!plans->isEmpty());
    int scans = 0;
    for (const QString &plan : *plans) {
        const QStringList steps = plan.split(QStringLiteral("; "));
        // A full read of customers shows as "SCAN c" (or "SCAN customers"); a name LIKE that
        // did not become a range would show as a scan of the name index.
        const bool scan = steps.contains(QStringLiteral("SCAN c")) || plan.contains(QStringLiteral("SCAN customers"));
        scans += scan ? 1 : 0;
        if (!scan)
            QVERIFY2(plan.contains(QStringLiteral("SEARCH")) || plan.contains(QStringLiteral("VIRTUAL TABLE INDEX 0:M")), qPrintable(plan));
        if (plan.contains(QStringLiteral("customers_by_name")))
            QVERIFY2(plan.contains(QStringLiteral("customers_by_name (name>? AND name<?)")), qPrintable(plan));
    }
    QVERIFY2(scans <= scansAllowed, qPrintable(plans->join(QLatin1Char('\n'))));
}

void tst_Customers::specialCharactersAreSafe_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("a double quote") << QStringLiteral("\"");
    QTest::newRow("three double quotes") << QStringLiteral("\"\"\"");
    QTest::newRow("a quoted name") << QStringLiteral("\"ola hansen\"");
    QTest::newRow("an unbalanced quote inside a word") << QStringLiteral("han\"sen");
    QTest::newRow("a percent sign") << QStringLiteral("%");
    QTest::newRow("three percent signs") << QStringLiteral("%%%");
    QTest::newRow("an underscore") << QStringLiteral("_");
    QTest::newRow("three underscores") << QStringLiteral("___");
    QTest::newRow("an apostrophe") << QStringLiteral("'");
    QTest::newRow("an SQL injection attempt") << QStringLiteral("' OR 1=1 --");
    QTest::newRow("a star") << QStringLiteral("*");
    QTest::newRow("a prefix star") << QStringLiteral("hans*");
    QTest::newRow("OR alone") << QStringLiteral("OR");
    QTest::newRow("OR between two names") << QStringLiteral("hansen OR nordmann");
    QTest::newRow("AND NOT between two names") << QStringLiteral("hansen NOT nordmann");
    QTest::newRow("an FTS column filter") << QStringLiteral("name:hansen");
    QTest::newRow("an FTS NEAR group") << QStringLiteral("NEAR(hansen nordmann)");
    QTest::newRow("a caret") << QStringLiteral("^ola");
    QTest::newRow("parentheses") << QStringLiteral("(((");
    QTest::newRow("a backslash") << QStringLiteral("\\");
    QTest::newRow("a semicolon statement") << QStringLiteral("; DROP TABLE customers; --");
}

void tst_Customers::specialCharactersAreSafe()
{
    QFETCH(QString, text);
    TestStore store;
    QVERIFY(store.ok());
    addPeople(store);

    const Result<QList<Customer>> found = store->customers().search(text);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.message()));
    // Every word of the search must appear literally (case-insensitively) in some field of every
    // customer found; operators are not operators, wildcards are not wildcards.
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const Customer &customer : *found) {
        const QString fields = customer.name + QLatin1Char('\n') + customer.card + QLatin1Char('\n') + customer.email + QLatin1Char('\n')
                               + customer.phone;
        for (const QString &word : words)
            QVERIFY2(fields.contains(word, Qt::CaseInsensitive), qPrintable(customer.name + QStringLiteral(" matched ") + word));
    }
    QVERIFY(found->size() < 9);
    QCOMPARE(*store->customers().count(), qint64(9));
}

namespace {

struct Generated {
    QString card;
    QString name;
    QString phone;
    QString email;
};

Generated generated(int i)
{
    static const QStringList firstNames{QStringLiteral("Ola"), QStringLiteral("Kari"), QStringLiteral("Per"), QStringLiteral("Anne"),
                                        QStringLiteral("Liv"), QStringLiteral("Jon"), QStringLiteral("Ingrid"), QStringLiteral("Lars")};
    static const QStringList lastNames{QStringLiteral("Hansen"), QStringLiteral("Johansen"), QStringLiteral("Olsen"),
                                       QStringLiteral("Larsen"), QStringLiteral("Andersen"), QStringLiteral("Pedersen"),
                                       QStringLiteral("Nilsen"), QStringLiteral("Kristiansen"), QStringLiteral("Jensen"),
                                       QStringLiteral("Karlsen")};
    return Generated{QStringLiteral("7%1").arg(i, 8, 10, QLatin1Char('0')),
                     firstNames.at(i % firstNames.size()) + QLatin1Char(' ') + lastNames.at((i / 8) % lastNames.size())
                         + QLatin1Char(' ') + QString::number(i),
                     QStringLiteral("4%1").arg(i * 7 + 11, 7, 10, QLatin1Char('0')), QStringLiteral("c%1@shop.no").arg(i)};
}

// The names a search for words of three or more characters must find among the generated
// customers, in the directory's order, at most `limit` of them. Computed independently of SQL.
QStringList expectedNames(int customers, const QStringList &words, int limit)
{
    QStringList result;
    for (int i = 0; i < customers; ++i) {
        const Generated g = generated(i);
        const QString fields = g.name + QLatin1Char('\n') + g.card + QLatin1Char('\n') + g.phone + QLatin1Char('\n') + g.email;
        bool all = true;
        for (const QString &word : words)
            all = all && fields.contains(word, Qt::CaseInsensitive);
        if (all)
            result.append(g.name);
    }
    std::sort(result.begin(), result.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return result.mid(0, limit);
}

} // namespace

void tst_Customers::twentyThousandCustomers()
{
    TestStore store;
    QVERIFY(store.ok());
    constexpr int kCustomers = 20000;
    {
        Transaction transaction(store->database());
        QVERIFY(transaction.begin().ok());
        for (int i = 0; i < kCustomers; ++i) {
            const Generated g = generated(i);
            const Result<Customer> added = store->customers().add(person(g.card, g.name, g.phone, g.email));
            QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.message()));
        }
        QVERIFY(transaction.commit().ok());
    }
    QCOMPARE(*store->customers().count(), qint64(kCustomers));

    // A unique card finds exactly its customer, and byCard agrees.
    const Result<QList<Customer>> byCard = store->customers().search(generated(12345).card);
    QVERIFY(byCard.ok());
    QCOMPARE(names(*byCard), QStringList{generated(12345).name});
    QCOMPARE(store->customers().byCard(generated(12345).card)->name, generated(12345).name);

    // A unique phone number finds exactly its customer.
    const Result<QList<Customer>> byPhone = store->customers().search(generated(4321).phone);
    QVERIFY(byPhone.ok());
    QCOMPARE(names(*byPhone), QStringList{generated(4321).name});

    // Searches whose answer is computed without SQL, up to the page size.
    const QStringList searches[] = {
        {QStringLiteral("kari"), QStringLiteral("kristiansen"), QStringLiteral("1998")},
        {QStringLiteral("johansen")},
        {QStringLiteral("ANSEN"), QStringLiteral("ingrid"), QStringLiteral("777")},
        {QStringLiteral("olsen"), QStringLiteral("c199")},
        {QStringLiteral("1999")},
        {QStringLiteral("zyxwv")},
    };
    // When every match fits the page, the page is all of them in name order; when more match,
    // it is full, every customer on it matches, and it says so ("johansen" matches 2000).
    for (const QStringList &words : searches) {
        const Result<CustomerMatches> found = store->customers().find(words.join(QLatin1Char(' ')), kSearchResultsMax);
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.message()));
        const QStringList all = expectedNames(kCustomers, words, kCustomers);
        if (all.size() <= kSearchResultsMax) {
            QCOMPARE(names(found->customers), all);
            QVERIFY(!found->more);
        } else {
            QCOMPARE(found->customers.size(), kSearchResultsMax);
            QVERIFY(found->more);
            const QSet<QString> matching(all.cbegin(), all.cend());
            for (const Customer &customer : found->customers)
                QVERIFY2(matching.contains(customer.name), qPrintable(customer.name));
            QStringList listed = names(found->customers);
            QCOMPARE(listed.size(), QSet<QString>(listed.cbegin(), listed.cend()).size()); // no one twice
            std::sort(listed.begin(), listed.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
            QCOMPARE(names(found->customers), listed); // by name
        }
    }
    QVERIFY(store->customers().find(QStringLiteral("johansen"), kSearchResultsMax)->more);

    // A short word over the whole directory: the prefix of a name word, the first by name.
    const Result<CustomerMatches> shortWord = store->customers().find(QStringLiteral("in"), 20);
    QVERIFY(shortWord.ok());
    QCOMPARE(shortWord->customers.size(), 20);
    QVERIFY(shortWord->more);
    for (const Customer &customer : shortWord->customers)
        QVERIFY2(customer.name.startsWith(QStringLiteral("Ingrid ")), qPrintable(customer.name));

    // A letter that starts no name: later words cannot all be read for one letter in a large
    // directory, so the search asks for more rather than claiming there is nobody.
    const Result<CustomerMatches> letter = store->customers().find(QStringLiteral("q"), 20);
    QVERIFY(letter.ok());
    QVERIFY(letter->customers.isEmpty());
    QVERIFY(letter->more);

    // Empty text pages through everyone in name order.
    const Result<QList<Customer>> first = store->customers().search(QString(), 5);
    QVERIFY(first.ok());
    QCOMPARE(names(*first), expectedNames(kCustomers, {}, 5));
}

void tst_Customers::creditTerms_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<qint64>("overdraft"); // -1: no overdraft
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("a 5000.00 limit with 14 days' terms is kept") << qint64(500000) << qint64(-1) << 14 << false << true;
    QTest::newRow("an overdraft down to -100.00 is kept") << qint64(0) << qint64(10000) << 30 << false << true;
    QTest::newRow("a zero overdraft is allowed and differs from none") << qint64(0) << qint64(0) << 30 << false << true;
    QTest::newRow("a blocked customer is kept blocked") << qint64(100) << qint64(-1) << 0 << true << true;
    QTest::newRow("365 days is the longest term") << qint64(0) << qint64(-1) << 365 << false << true;
    QTest::newRow("a negative limit is refused") << qint64(-1) << qint64(-1) << 30 << false << false;
    QTest::newRow("a negative overdraft is refused") << qint64(0) << qint64(-5) << 30 << false << false;
    QTest::newRow("366 days is refused") << qint64(0) << qint64(-1) << 366 << false << false;
    QTest::newRow("negative days are refused") << qint64(0) << qint64(-1) << -1 << false << false;
}

void tst_Customers::creditTerms()
{
    QFETCH(qint64, limit);
    QFETCH(qint64, overdraft);
    QFETCH(int, days);
    QFETCH(bool, blocked);
    QFETCH(bool, accepted);
    TestStore store;
    const Result<Customer> customer = store->customers().add(NewCustomer{"77", "Terms Person", QString(), QString()});
    QVERIFY(customer.ok());
    QCOMPARE(customer->terms.creditLimitMinorUnits, 0);
    QVERIFY(!customer->terms.overdraftLimitMinorUnits.has_value());
    CreditTerms terms{limit, overdraft == -1 ? std::nullopt : std::optional<qint64>(overdraft), days, blocked};
    const Result<Customer> updated = store->customers().setTerms(customer->id, terms);
    QCOMPARE(updated.ok(), accepted);
    const Customer read = *store->customers().byCard("77");
    if (!accepted) {
        QCOMPARE(updated.code(), ErrorCode::InvalidArgument);
        QCOMPARE(read.terms.creditLimitMinorUnits, 0);
        QCOMPARE(read.terms.paymentTermsDays, 30);
        QVERIFY(!read.terms.overdraftLimitMinorUnits.has_value());
        return;
    }
    QCOMPARE(read.terms.creditLimitMinorUnits, limit);
    QCOMPARE(read.terms.overdraftLimitMinorUnits.has_value(), overdraft >= 0);
    if (overdraft >= 0)
        QCOMPARE(*read.terms.overdraftLimitMinorUnits, overdraft);
    QCOMPARE(read.terms.paymentTermsDays, days);
    QCOMPARE(read.terms.blocked, blocked);
    QVERIFY(read.updatedUtc >= read.createdUtc);
}

void tst_Customers::creditTermsSurviveReopen()
{
    TestStore store;
    const Result<Customer> customer = store->customers().add(NewCustomer{"78", "Reopen Person", QString(), QString()});
    QVERIFY(customer.ok());
    QVERIFY(store->customers().setTerms(customer->id, CreditTerms{250000, 5000, 10, true}).ok());
    QVERIFY(store.reopen());
    const Customer read = *store->customers().byCard("78");
    QCOMPARE(read.terms.creditLimitMinorUnits, 250000);
    QCOMPARE(read.terms.overdraftLimitMinorUnits.value_or(-1), 5000);
    QCOMPARE(read.terms.paymentTermsDays, 10);
    QVERIFY(read.terms.blocked);
    QCOMPARE(store->customers().setTerms("no-such-id", CreditTerms{}).code(), ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(tst_Customers)
#include "tst_customers.moc"
