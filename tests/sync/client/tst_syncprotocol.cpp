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
