// The protocol's pure parts: an entry survives its JSON form byte for byte (the hash still
// matches), the signature covers every field it must, and the client's retry backoff grows
// exponentially, stays within its bound and is jittered. Master-data amounts are read only as
// decimal strings with exactly their currency's digits.

#include "client/protocol.h"
#include "client/syncservice.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Slate;
using namespace Slate::Sync;

class tst_SyncProtocol : public QObject {
    Q_OBJECT
private slots:
    void entryRoundTripsThroughJson();
    void entryTextIsTheSameJson_data();
    void entryTextIsTheSameJson();
    void pageReadsWhatItWrites();
    void pageRefusesWhatAnEntryReaderRefuses_data();
    void pageRefusesWhatAnEntryReaderRefuses();
    void pageBoundsAreCounted();
    void signatureCoversEveryField_data();
    void signatureCoversEveryField();
    void backoffGrowsWithinItsBound();
    void masterAmountsAreExactDecimals_data();
    void masterAmountsAreExactDecimals();
};

void tst_SyncProtocol::entryRoundTripsThroughJson()
{
    Test::TestStore store(QStringLiteral("KWD"), QStringLiteral("T1")); // three decimals
    auto customer = store->customers().add(Core::NewCustomer{QStringLiteral("1"), QStringLiteral("Åse Ødegård"), {}, {}});
    QVERIFY(customer.ok());
    auto entry = store->credit().topUp(*customer, store.money(QStringLiteral("12.345")), Core::PaymentJournal::Card,
                                       QStringLiteral("note with \"quotes\"\nand a newline"), QStringLiteral("ånn"));
    QVERIFY(entry.ok());
    auto back = Protocol::entryFromJson(Protocol::entryToJson(*entry), QStringLiteral("entry"));
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.message()));
    QCOMPARE(back->canonicalEncoding(), entry->canonicalEncoding());
    QCOMPARE(back->hash, entry->hash);
}

void tst_SyncProtocol::entryTextIsTheSameJson_data()
{
    // Text Slate's own checks would refuse is written too: the writer must not be the check.
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("kari");
    QTest::newRow("empty") << QString();
    QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ C:\\till\\ \\u0041");
    QTest::newRow("control characters") << QString::fromUtf16(u"a\u0001b\u001fc\td\re\nf\bg\fh\u007f");
    QTest::newRow("non-ASCII") << QStringLiteral("Åse Ødegård – 5 øre ½ €");
    QTest::newRow("outside the BMP") << QStringLiteral("🍓 𝄞 ok");
    QTest::newRow("JSON-looking") << QStringLiteral("\"},{\"id\":\"x\"}]");
    QTest::newRow("long") << QString(3000, QLatin1Char('x'));
}

void tst_SyncProtocol::entryTextIsTheSameJson()
{
    QFETCH(QString, text);
    Test::TestStore store(QStringLiteral("KWD"), QStringLiteral("T-1.a_b")); // three decimals
    auto customer = store->customers().add(Core::NewCustomer{QStringLiteral("1"), QStringLiteral("Åse"), {}, {}});
    QVERIFY(customer.ok());
    auto made = store->credit().topUp(*customer, store.money(QStringLiteral("12.345")), Core::PaymentJournal::Card,
                                      QStringLiteral("n"), QStringLiteral("ann"));
    QVERIFY(made.ok());
    Core::JournalEntry entry = *made;
    entry.note = text;
    entry.userName = text;
    entry.references.orderId = text;
    entry.sequence = (qint64(1) << 53) - 1;
    entry.postings.append(Core::Posting{QStringLiteral("assets:x"), Core::Money(-1, entry.postings.first().amount.currency())});
    QByteArray one;
    Protocol::appendEntryJson(one, entry);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(one, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromUtf8(one)));
    QCOMPARE(parsed.object(), Protocol::entryToJson(entry));
    // A page of them, with what follows the array.
    const QByteArray page = Protocol::entriesJson({entry, entry}, ",\"more\":true");
    const QJsonObject object = QJsonDocument::fromJson(page).object();
    QCOMPARE(object.value(QStringLiteral("more")), QJsonValue(true));
    QCOMPARE(object.value(QStringLiteral("entries")).toArray(),
             (QJsonArray{Protocol::entryToJson(entry), Protocol::entryToJson(entry)}));
    QCOMPARE(QJsonDocument::fromJson(Protocol::entriesJson({})).object(),
             (QJsonObject{{QStringLiteral("entries"), QJsonArray()}}));
}

namespace {
Core::JournalEntry sampleEntry(Test::TestStore &store)
{
    auto customer = store->customers().add(Core::NewCustomer{QStringLiteral("1"), QStringLiteral("Åse"), {}, {}});
    auto made = store->credit().topUp(*customer, store.money(QStringLiteral("12.345")), Core::PaymentJournal::Card,
                                      QStringLiteral("note \"q\" 🍓"), QStringLiteral("ånn"));
    return *made;
}
const Protocol::EntryPageBounds kPage{QStringLiteral("A pull page"), 0, 1000};
} // namespace

void tst_SyncProtocol::pageReadsWhatItWrites()
{
    Test::TestStore store(QStringLiteral("KWD"), QStringLiteral("T1"));
    const Core::JournalEntry entry = sampleEntry(store);
    const auto page = Protocol::entryPageFromJson(Protocol::entriesJson({entry, entry}, ",\"more\":true"), kPage);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.message()));
    QCOMPARE(page->entries.size(), 2);
    QVERIFY(page->more);
    for (const Core::JournalEntry &back : page->entries) {
        QCOMPARE(back.canonicalEncoding(), entry.canonicalEncoding());
        QCOMPARE(back.hash, entry.hash);
    }
    const auto last = Protocol::entryPageFromJson(Protocol::entriesJson({entry}), kPage);
    QVERIFY(last.ok());
    QVERIFY(!last->more);
    // Members a later version may add are ignored at the page's level, as the server always did.
    const auto later = Protocol::entryPageFromJson(R"({"cursor":"x","entries":[],"more":false})", kPage);
    QVERIFY(later.ok());
    QVERIFY(later->entries.isEmpty());
}

void tst_SyncProtocol::pageRefusesWhatAnEntryReaderRefuses_data()
{
    // Each row is a change to one entry's JSON text; the page reader and the one-entry reader must
    // agree on it, and a refusal must say what is wrong.
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("unchanged") << QByteArray() << QByteArray() << QString();
    QTest::newRow("unknown field") << QByteArray("{\"id\":") << QByteArray("{\"colour\":1,\"id\":") << QStringLiteral("colour");
    QTest::newRow("sequence as text") << QByteArray("\"sequence\":1") << QByteArray("\"sequence\":\"1\"") << QStringLiteral("sequence");
    QTest::newRow("fractional sequence") << QByteArray("\"sequence\":1") << QByteArray("\"sequence\":1.5") << QStringLiteral("sequence");
    QTest::newRow("amount as number") << QByteArray("\"amount\":\"12.345\"") << QByteArray("\"amount\":12.345") << QStringLiteral("amount");
    QTest::newRow("amount with too many digits") << QByteArray("\"amount\":\"12.345\"") << QByteArray("\"amount\":\"12.3450\"") << QStringLiteral("amount");
}

void tst_SyncProtocol::pageRefusesWhatAnEntryReaderRefuses()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, message);
    Test::TestStore store(QStringLiteral("KWD"), QStringLiteral("T1"));
    QByteArray one;
    Protocol::appendEntryJson(one, sampleEntry(store));
    if (!from.isEmpty()) {
        QVERIFY2(one.contains(from), one.constData());
        one.replace(one.indexOf(from), from.size(), to);
    }
    const auto single = Protocol::entryFromJson(QJsonDocument::fromJson(one).object(), QStringLiteral("entries[0]"));
    const auto page = Protocol::entryPageFromJson(QByteArray("{\"entries\":[" + one + "]}"), kPage);
    QCOMPARE(page.ok(), single.ok());
    QCOMPARE(page.ok(), message.isEmpty());
    if (!page.ok()) {
        QVERIFY2(page.message().contains(message), qPrintable(page.message()));
        QVERIFY2(page.message().contains(QStringLiteral("entries[0]")), qPrintable(page.message()));
        QCOMPARE(page.message(), single.message());
    }
}

void tst_SyncProtocol::pageBoundsAreCounted()
{
    Test::TestStore store(QStringLiteral("KWD"), QStringLiteral("T1"));
    const Core::JournalEntry entry = sampleEntry(store);
    const Protocol::EntryPageBounds push{QStringLiteral("A push"), 1, 2};
    auto none = Protocol::entryPageFromJson(Protocol::entriesJson({}), push);
    QVERIFY(!none.ok());
    QCOMPARE(none.message(), QStringLiteral("A push carries 1 to 2 entries; this one has 0."));
    auto three = Protocol::entryPageFromJson(Protocol::entriesJson({entry, entry, entry}), push);
    QVERIFY(!three.ok());
    QCOMPARE(three.message(), QStringLiteral("A push carries 1 to 2 entries; this one has 3."));
    QVERIFY(Protocol::entryPageFromJson(Protocol::entriesJson({entry, entry}), push).ok());

    // The document itself: a key twice, text that is not UTF-8, not an object, no array.
    const struct {
        QByteArray body;
        QString message;
    } refused[] = {
        {"{\"entries\":[],\"entries\":[]}", QStringLiteral("appears twice")},
        {"{\"entries\":[],\"more\":\"\xff\"}", QStringLiteral("not valid JSON")},
        {"{\"entries\":[", QStringLiteral("not valid JSON")},
        {"[]", QStringLiteral("must be a JSON object")},
        {"{\"more\":true}", QStringLiteral("\"entries\" must be an array")},
        {"{\"entries\":{}}", QStringLiteral("\"entries\" must be an array")},
        {"{\"entries\":[],\"more\":1}", QStringLiteral("more")},
    };
    for (const auto &bad : refused) {
        auto read = Protocol::entryPageFromJson(bad.body, kPage);
        QVERIFY2(!read.ok(), bad.body.constData());
        QVERIFY2(read.message().contains(bad.message), qPrintable(read.message()));
    }
    // An entry with a key twice is refused too, not read with one of its values.
    QByteArray one;
    Protocol::appendEntryJson(one, entry);
    one.insert(1, "\"note\":\"other\",");
    auto twice = Protocol::entryPageFromJson(QByteArray("{\"entries\":[" + one + "]}"), kPage);
    QVERIFY(!twice.ok());
    QVERIFY2(twice.message().contains(QStringLiteral("appears twice")), qPrintable(twice.message()));
}

void tst_SyncProtocol::signatureCoversEveryField_data()
{
    QTest::addColumn<int>("field");
    for (int field = 0; field < 7; ++field)
        QTest::addRow("changing field %d changes the signature", field) << field;
}

void tst_SyncProtocol::signatureCoversEveryField()
{
    QFETCH(int, field);
    QByteArray secret(32, 's'), method("POST"), path("/v1/push"), nonce("0123456789abcdef"), body("{}");
    QString terminal = QStringLiteral("T1");
    qint64 time = 1700000000000;
    const QByteArray original = Protocol::signature(secret, Protocol::signingInput(method, path, terminal, time, nonce, body));
    switch (field) {
    case 0: secret[0] = 't'; break;
    case 1: method = "GET"; break;
    case 2: path = "/v1/pull"; break;
    case 3: terminal = QStringLiteral("T2"); break;
    case 4: ++time; break;
    case 5: nonce[0] = '1'; break;
    case 6: body = "{ }"; break;
    }
    const QByteArray changed = Protocol::signature(secret, Protocol::signingInput(method, path, terminal, time, nonce, body));
    QCOMPARE(original.size(), 64);
    QVERIFY(!Protocol::signaturesEqual(original, changed));
    QVERIFY(Protocol::signaturesEqual(original, original));
}

void tst_SyncProtocol::backoffGrowsWithinItsBound()
{
    const BackoffPolicy policy{60000, 1000, 60000};
    // Without jitter (random 0 gives the lower half) and with full jitter.
    QCOMPARE(SyncService::retryDelayMs(policy, 1, 0), 500);
    QCOMPARE(SyncService::retryDelayMs(policy, 2, 0), 1000);
    QCOMPARE(SyncService::retryDelayMs(policy, 3, 0), 2000);
    QCOMPARE(SyncService::retryDelayMs(policy, 1, 500), 1000);
    QCOMPARE(SyncService::retryDelayMs(policy, 1, 501), 0 + 500);
    for (int failures = 1; failures < 1000; failures += 37) {
        for (quint32 random : {0u, 1u, 12345u, 4294967295u}) {
            const int delay = SyncService::retryDelayMs(policy, failures, random);
            QVERIFY(delay >= 0 && delay <= policy.retryMaxMs);
        }
    }
    QCOMPARE(SyncService::retryDelayMs(policy, 1000, 0), 30000);
}

void tst_SyncProtocol::masterAmountsAreExactDecimals_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QJsonValue>("price");
    QTest::addColumn<QString>("refusal"); // empty: accepted
    QTest::addRow("NOK with two decimals is read") << "NOK" << QJsonValue(QStringLiteral("1500.00")) << QString();
    QTest::addRow("zero is read") << "NOK" << QJsonValue(QStringLiteral("0.00")) << QString();
    QTest::addRow("JPY without decimals is read") << "JPY" << QJsonValue(QStringLiteral("1500")) << QString();
    QTest::addRow("KWD with three decimals is read") << "KWD" << QJsonValue(QStringLiteral("0.050")) << QString();
    QTest::addRow("2^53 minor units is the largest") << "NOK" << QJsonValue(QStringLiteral("90071992547409.92")) << QString();
    QTest::addRow("a JSON number is refused") << "NOK" << QJsonValue(150000) << "must be a decimal string in NOK such as \"1500.00\", not a JSON number";
    QTest::addRow("null is refused where no null is allowed") << "NOK" << QJsonValue() << "not a JSON null";
    QTest::addRow("one decimal is refused") << "NOK" << QJsonValue(QStringLiteral("1500.0")) << "must have exactly 2 decimals for NOK";
    QTest::addRow("no decimals are refused in NOK") << "NOK" << QJsonValue(QStringLiteral("1500")) << "must have exactly 2 decimals";
    QTest::addRow("decimals are refused in JPY") << "JPY" << QJsonValue(QStringLiteral("1500.00")) << "\"unitPrice\"";
    QTest::addRow("an exponent is refused") << "NOK" << QJsonValue(QStringLiteral("1.5e3")) << "\"unitPrice\"";
    QTest::addRow("a plus sign is refused") << "NOK" << QJsonValue(QStringLiteral("+1.00")) << "\"unitPrice\"";
    QTest::addRow("a leading zero is refused") << "NOK" << QJsonValue(QStringLiteral("01.00")) << "\"unitPrice\"";
    QTest::addRow("a negative price is refused") << "NOK" << QJsonValue(QStringLiteral("-1.00")) << "must be from 0.00 to 90071992547409.92";
    QTest::addRow("beyond 2^53 minor units is refused") << "NOK" << QJsonValue(QStringLiteral("90071992547409.93")) << "must be from 0.00";
    QTest::addRow("beyond int64 is refused") << "NOK" << QJsonValue(QStringLiteral("92233720368547758.08")) << "\"unitPrice\"";
    QTest::addRow("an unknown currency is refused") << "XYZ" << QJsonValue(QStringLiteral("1.00")) << "\"currency\" must be an ISO 4217";
}

void tst_SyncProtocol::masterAmountsAreExactDecimals()
{
    QFETCH(QString, currency);
    QFETCH(QJsonValue, price);
    QFETCH(QString, refusal);
    const QJsonObject json{{QStringLiteral("kind"), QStringLiteral("product")},
                           {QStringLiteral("key"), QStringLiteral("TEA")},
                           {QStringLiteral("version"), 5},
                           {QStringLiteral("node"), QStringLiteral("T1")},
                           {QStringLiteral("data"), QJsonObject{{QStringLiteral("barcode"), QJsonValue()},
                                                                {QStringLiteral("name"), QStringLiteral("Tea")},
                                                                {QStringLiteral("unitPrice"), price},
                                                                {QStringLiteral("currency"), currency},
                                                                {QStringLiteral("taxCode"), QStringLiteral("STD")},
                                                                {QStringLiteral("active"), 1}}}};
    auto change = Protocol::masterChangeFromJson(json, QStringLiteral("changes[2]"));
    if (refusal.isEmpty()) {
        QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.message()));
        QCOMPARE(Protocol::masterChangeToJson(*change), json); // the same bytes back
        return;
    }
    QVERIFY(!change.ok());
    QVERIFY2(change.message().startsWith(QStringLiteral("changes[2]: product TEA: ")), qPrintable(change.message()));
    QVERIFY2(change.message().contains(refusal), qPrintable(change.message()));
}

QTEST_GUILESS_MAIN(tst_SyncProtocol)
#include "tst_syncprotocol.moc"
