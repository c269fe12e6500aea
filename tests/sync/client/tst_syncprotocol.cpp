// The protocol's pure parts: an entry survives its JSON form byte for byte (the hash still
// matches), the signature covers every field it must, and the client's retry backoff grows
// exponentially, stays within its bound and is jittered.

#include "client/protocol.h"
#include "client/syncservice.h"
#include "teststore.h"

using namespace Slate;
using namespace Slate::Sync;

class tst_SyncProtocol : public QObject {
    Q_OBJECT
private slots:
    void entryRoundTripsThroughJson();
    void signatureCoversEveryField_data();
    void signatureCoversEveryField();
    void backoffGrowsWithinItsBound();
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

QTEST_GUILESS_MAIN(tst_SyncProtocol)
#include "tst_syncprotocol.moc"
