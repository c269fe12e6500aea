// The server refuses every request it must refuse, precisely and without storing anything: no
// credentials, a wrong secret, a replay, an expired time, another terminal's identity, oversized
// and malformed bodies, wrong types, a negative sequence, unbalanced, altered, out-of-chain and
// conflicting entries. Real slate-server on loopback with a SQLite database.

#include "synctestenv.h"

#include "base/uuidv7.h"

using namespace Slate;
using namespace Slate::Test;

class tst_SyncSecurity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void enrolmentCodeWorksOnceForItsTerminal();
    void refusesUnauthenticatedRequests_data();
    void refusesUnauthenticatedRequests();
    void refusesReplayedRequest();
    void refusesPushingAnotherTerminalsEntries();
    void refusesBadBodies_data();
    void refusesBadBodies();
    void refusesOversizedBodies();
    void refusesConflictingEntryAndReportsIt();
    void retriedPushChangesNothing();

private:
    QByteArray pushBody(const QList<QJsonObject> &entries) const;
    HttpAnswer signedPush(const QByteArray &body);
    QJsonObject nextEntryJson(); // T1's next real entry (not yet pushed), as JSON

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Till> m_t1;
    std::unique_ptr<Till> m_t2;
    Core::Customer m_customer;
};

void tst_SyncSecurity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
    QVERIFY(m_server->start());
    m_t1 = std::make_unique<Till>(QStringLiteral("T1"));
    m_t2 = std::make_unique<Till>(QStringLiteral("T2"));
    m_customer = m_t1->addCustomer(QStringLiteral("5001"));
    QVERIFY(m_t1->store().credit().topUp(m_customer, m_t1->money(QStringLiteral("100")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    const Sync::RoundResult t1 = m_t1->sync(m_server->url(), enrolmentCode(m_server->database(), QStringLiteral("T1")));
    QVERIFY2(t1.ok(), qPrintable(t1.message));
    const Sync::RoundResult t2 = m_t2->sync(m_server->url(), enrolmentCode(m_server->database(), QStringLiteral("T2")));
    QVERIFY2(t2.ok(), qPrintable(t2.message));
    QCOMPARE(serverEntries(m_server->url()), qint64(1));
}

void tst_SyncSecurity::cleanupTestCase()
{
    if (m_server)
        m_server->kill();
}

QByteArray tst_SyncSecurity::pushBody(const QList<QJsonObject> &entries) const
{
    QJsonArray array;
    for (const QJsonObject &entry : entries)
        array.append(entry);
    return QJsonDocument(QJsonObject{{QStringLiteral("entries"), array}}).toJson(QJsonDocument::Compact);
}

HttpAnswer tst_SyncSecurity::signedPush(const QByteArray &body)
{
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/v1/push"));
    return httpRequest(url, QByteArrayLiteral("POST"), body,
                       signedHeaders(SignedRequest{QStringLiteral("T1"), m_t1->secret()}, QByteArrayLiteral("/v1/push"), body));
}

QJsonObject tst_SyncSecurity::nextEntryJson()
{
    auto entry = m_t1->store().credit().topUp(m_customer, m_t1->money(QStringLiteral("1")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann"));
    return entry ? Sync::Protocol::entryToJson(*entry) : QJsonObject();
}

void tst_SyncSecurity::enrolmentCodeWorksOnceForItsTerminal()
{
    Till t3(QStringLiteral("T3"));
    Till other(QStringLiteral("T4"));
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T3"));
    QVERIFY(!code.isEmpty());
    // A wrong code is refused and enrols nothing.
    Sync::RoundResult wrong = t3.sync(m_server->url(), QStringLiteral("AAAAA-BBBBB-CCCCC-DDDDD"));
    QCOMPARE(wrong.failure, Sync::RoundFailure::Refused);
    QVERIFY2(wrong.message.contains(QStringLiteral("not valid")), qPrintable(wrong.message));
    QVERIFY(t3.secret().isEmpty());
    // The right code works once ...
    Sync::RoundResult right = t3.sync(m_server->url(), code.toLower()); // typed in lower case: still the code
    QVERIFY2(right.ok(), qPrintable(right.message));
    QVERIFY(right.report.enrolled);
    QCOMPARE(t3.secret().size(), Sync::Protocol::kSecretSize);
    // ... and never again, not even for another till.
    Sync::RoundResult again = other.sync(m_server->url(), code);
    QCOMPARE(again.failure, Sync::RoundFailure::Refused);
    QVERIFY(other.secret().isEmpty());
    // A till cannot enrol with a code issued for another terminal.
    Sync::RoundResult mismatch = other.sync(m_server->url(), enrolmentCode(m_server->database(), QStringLiteral("T9")));
    QCOMPARE(mismatch.failure, Sync::RoundFailure::Local);
    QVERIFY2(mismatch.message.contains(QStringLiteral("terminal T9")), qPrintable(mismatch.message));
    QVERIFY(other.secret().isEmpty());
}

void tst_SyncSecurity::refusesUnauthenticatedRequests_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a push without any credentials") << "none" << "not signed";
    QTest::newRow("a push signed with the wrong secret") << "wrong-secret" << "signature does not match";
    QTest::newRow("a push signed by T1 but claiming to be T2") << "other-identity" << "signature does not match";
    QTest::newRow("a push by a terminal that was never enrolled") << "unknown-terminal" << "not enrolled";
    QTest::newRow("a push ten minutes old") << "expired" << "seconds from the server's clock";
    QTest::newRow("a push from ten minutes in the future") << "future" << "seconds from the server's clock";
    QTest::newRow("a push with a malformed nonce") << "bad-nonce" << "nonce is malformed";
    QTest::newRow("a push whose body was changed after signing") << "tampered-body" << "signature does not match";
}

void tst_SyncSecurity::refusesUnauthenticatedRequests()
{
    QFETCH(QString, how);
    QFETCH(QString, expected);
    const qint64 before = serverEntries(m_server->url());
    const QByteArray body = pushBody({nextEntryJson()});
    SignedRequest signer{QStringLiteral("T1"), m_t1->secret()};
    QString headerTerminal;
    QByteArray sent = body;
    if (how == QLatin1String("wrong-secret"))
        signer.secret = Sync::Protocol::newSecret();
    else if (how == QLatin1String("other-identity"))
        headerTerminal = QStringLiteral("T2");
    else if (how == QLatin1String("unknown-terminal"))
        signer.terminalId = QStringLiteral("T77");
    else if (how == QLatin1String("expired"))
        signer.timestampMs -= 10 * 60 * 1000;
    else if (how == QLatin1String("future"))
        signer.timestampMs += 10 * 60 * 1000;
    else if (how == QLatin1String("bad-nonce"))
        signer.nonce = QByteArrayLiteral("short");
    else if (how == QLatin1String("tampered-body"))
        sent.replace("\"ann\"", "\"eve\"");
    auto headers = how == QLatin1String("none")
        ? QList<std::pair<QByteArray, QByteArray>>{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                                                   {Sync::Protocol::kProtocolHeader, QByteArray::number(Sync::Protocol::kProtocolVersion)}}
        : signedHeaders(signer, QByteArrayLiteral("/v1/push"), body, headerTerminal);
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/v1/push"));
    const HttpAnswer answer = httpRequest(url, QByteArrayLiteral("POST"), sent, headers);
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.errorCode(), QStringLiteral("unauthenticated"));
    QVERIFY2(answer.message().contains(expected), qPrintable(answer.message()));
    QCOMPARE(serverEntries(m_server->url()), before);
    // The refusal is logged with the peer's address.
    QVERIFY(m_server->log().contains("refused POST /v1/push from 127.0.0.1"));
}

void tst_SyncSecurity::refusesReplayedRequest()
{
    Sync::RoundResult flush = m_t1->sync(m_server->url()); // T1's earlier entries first, so the next one follows
    QVERIFY2(flush.ok(), qPrintable(flush.message));
    const QByteArray body = pushBody({nextEntryJson()});
    const auto headers = signedHeaders(SignedRequest{QStringLiteral("T1"), m_t1->secret()}, QByteArrayLiteral("/v1/push"), body);
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/v1/push"));
    const qint64 before = serverEntries(m_server->url());
    const HttpAnswer first = httpRequest(url, QByteArrayLiteral("POST"), body, headers);
    QCOMPARE(first.status, 200);
    QCOMPARE(serverEntries(m_server->url()), before + 1);
    const HttpAnswer replay = httpRequest(url, QByteArrayLiteral("POST"), body, headers);
    QCOMPARE(replay.status, 401);
    QVERIFY2(replay.message().contains(QStringLiteral("replay")), qPrintable(replay.message()));
    QCOMPARE(serverEntries(m_server->url()), before + 1);
}

void tst_SyncSecurity::refusesPushingAnotherTerminalsEntries()
{
    auto foreign = m_t2->store().credit().topUp(m_customer, m_t2->money(QStringLiteral("5")), Core::PaymentJournal::Cash, {},
                                                QStringLiteral("bob"));
    QVERIFY(foreign.ok());
    const qint64 before = serverEntries(m_server->url());
    const HttpAnswer answer = signedPush(pushBody({Sync::Protocol::entryToJson(*foreign)}));
    QCOMPARE(answer.status, 403);
    QVERIFY2(answer.message().contains(QStringLiteral("terminal T1 may push only its own entries")), qPrintable(answer.message()));
    QCOMPARE(serverEntries(m_server->url()), before);
    // T2 itself may.
    Sync::RoundResult t2 = m_t2->sync(m_server->url());
    QVERIFY2(t2.ok(), qPrintable(t2.message));
    QCOMPARE(t2.report.pushed, qint64(1));
}

void tst_SyncSecurity::refusesBadBodies_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("malformed JSON") << "malformed" << 400 << "not valid JSON";
    QTest::newRow("a body that is an array") << "array" << 400 << "must be a JSON object";
    QTest::newRow("entries that is not an array") << "entries-number" << 400 << "\"entries\" must be an array";
    QTest::newRow("an empty batch") << "empty" << 400 << "1 to 1000 entries";
    QTest::newRow("a batch over the bound") << "too-many" << 400 << "1 to 1000 entries";
    QTest::newRow("a sequence given as a string") << "sequence-string" << 400 << "entries[0].sequence must be an integer";
    QTest::newRow("a negative sequence") << "sequence-negative" << 400 << "entries[0].sequence must be an integer of at least 1";
    QTest::newRow("a fractional sequence") << "sequence-fraction" << 400 << "entries[0].sequence must be an integer";
    QTest::newRow("an amount given as a number") << "amount-number" << 400 << "amount must be a decimal string";
    QTest::newRow("an amount with too many decimals") << "amount-decimals" << 400 << "postings[0].amount";
    QTest::newRow("an unknown field") << "unknown-field" << 400 << "entries[0].balance is not a field of an entry";
    QTest::newRow("an unknown currency") << "currency" << 400 << "must be an ISO 4217 currency code";
    QTest::newRow("an unbalanced entry with a matching hash") << "unbalanced" << 422 << "does not balance";
    QTest::newRow("an entry altered after hashing") << "altered" << 422 << "hash does not match";
    QTest::newRow("an entry after a gap in the sequence") << "gap" << 409 << "leaves a gap";
    QTest::newRow("an entry whose previous hash is not the chain's") << "chain" << 409 << "breaks the hash chain";
    QTest::newRow("a request without a JSON content type") << "content-type" << 415 << "must be JSON";
}

void tst_SyncSecurity::refusesBadBodies()
{
    QFETCH(QString, how);
    QFETCH(int, status);
    QFETCH(QString, expected);
    Sync::RoundResult flush = m_t1->sync(m_server->url());
    QVERIFY2(flush.ok(), qPrintable(flush.message));
    auto made = m_t1->store().credit().topUp(m_customer, m_t1->money(QStringLiteral("2")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann"));
    QVERIFY(made.ok());
    Core::JournalEntry entry = *made;
    QJsonObject json = Sync::Protocol::entryToJson(entry);
    auto rehashed = [](Core::JournalEntry changed) {
        changed.hash = changed.computeHash();
        return Sync::Protocol::entryToJson(changed);
    };
    QByteArray body;
    if (how == QLatin1String("malformed"))
        body = QByteArrayLiteral("{\"entries\": [");
    else if (how == QLatin1String("array"))
        body = QByteArrayLiteral("[]");
    else if (how == QLatin1String("entries-number"))
        body = QByteArrayLiteral("{\"entries\": 5}");
    else if (how == QLatin1String("empty"))
        body = pushBody({});
    else if (how == QLatin1String("too-many"))
        body = pushBody(QList<QJsonObject>(Sync::Protocol::kPushBatchMax + 1, json));
    else {
        if (how == QLatin1String("sequence-string"))
            json.insert(QStringLiteral("sequence"), QString::number(entry.sequence));
        else if (how == QLatin1String("sequence-negative"))
            json.insert(QStringLiteral("sequence"), -1);
        else if (how == QLatin1String("sequence-fraction"))
            json.insert(QStringLiteral("sequence"), 1.5);
        else if (how == QLatin1String("unknown-field"))
            json.insert(QStringLiteral("balance"), QStringLiteral("1000.00"));
        else if (how.startsWith(QLatin1String("amount")) || how == QLatin1String("currency")) {
            QJsonArray postings = json.value(QStringLiteral("postings")).toArray();
            QJsonObject first = postings.at(0).toObject();
            if (how == QLatin1String("amount-number"))
                first.insert(QStringLiteral("amount"), 2.0);
            else if (how == QLatin1String("amount-decimals"))
                first.insert(QStringLiteral("amount"), QStringLiteral("2.001"));
            else
                first.insert(QStringLiteral("currency"), QStringLiteral("XYZ"));
            postings.replace(0, first);
            json.insert(QStringLiteral("postings"), postings);
        } else if (how == QLatin1String("unbalanced")) {
            Core::JournalEntry changed = entry;
            changed.postings[0].amount = m_t1->money(QStringLiteral("3"));
            json = rehashed(changed);
        } else if (how == QLatin1String("altered")) {
            Core::JournalEntry changed = entry;
            changed.postings[0].amount = m_t1->money(QStringLiteral("3"));
            changed.postings[1].amount = m_t1->money(QStringLiteral("-3"));
            json = Sync::Protocol::entryToJson(changed); // the old hash
        } else if (how == QLatin1String("gap")) {
            Core::JournalEntry changed = entry;
            changed.sequence += 1;
            json = rehashed(changed);
        } else if (how == QLatin1String("chain")) {
            Core::JournalEntry changed = entry;
            changed.previousHash = QByteArray(Core::kHashSize, '\x7f');
            json = rehashed(changed);
        }
        body = pushBody({json});
    }
    const qint64 before = serverEntries(m_server->url());
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/v1/push"));
    auto headers = signedHeaders(SignedRequest{QStringLiteral("T1"), m_t1->secret()}, QByteArrayLiteral("/v1/push"), body);
    if (how == QLatin1String("content-type"))
        headers[0].second = QByteArrayLiteral("text/plain");
    const HttpAnswer answer = httpRequest(url, QByteArrayLiteral("POST"), body, headers);
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.message().contains(expected), qPrintable(answer.message()));
    QCOMPARE(serverEntries(m_server->url()), before);
}

void tst_SyncSecurity::refusesOversizedBodies()
{
    const qint64 before = serverEntries(m_server->url());
    // Just over the bound: read, then refused with a precise message.
    QByteArray body = QByteArrayLiteral("{\"entries\": [], \"pad\": \"");
    body.append(QByteArray(Sync::Protocol::kRequestBodyMax - body.size() - 1, 'x')).append("\"}");
    QCOMPARE(body.size(), Sync::Protocol::kRequestBodyMax + 1);
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/v1/push"));
    const HttpAnswer answer = httpRequest(url, QByteArrayLiteral("POST"), body,
                                          signedHeaders(SignedRequest{QStringLiteral("T1"), m_t1->secret()}, QByteArrayLiteral("/v1/push"), body));
    QCOMPARE(answer.status, 413);
    QVERIFY2(answer.message().contains(QStringLiteral("at most 4194304")), qPrintable(answer.message()));
    // Far over it: the server cuts the connection while it is still arriving.
    const QByteArray huge(3 * Sync::Protocol::kRequestBodyMax, 'x');
    const HttpAnswer cut = httpRequest(url, QByteArrayLiteral("POST"), huge, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    QVERIFY2(cut.status == 413 || cut.status == 0, qPrintable(QString::number(cut.status)));
    QVERIFY(m_server->log().contains("exceeds 4194304 bytes"));
    // The server is still well and nothing was stored.
    QCOMPARE(serverEntries(m_server->url()), before);
}

void tst_SyncSecurity::refusesConflictingEntryAndReportsIt()
{
    Sync::RoundResult flush = m_t1->sync(m_server->url());
    QVERIFY2(flush.ok(), qPrintable(flush.message));
    auto entries = Core::ForeignEntries::entriesAfter(m_t1->database(), QStringLiteral("T1"), 0, 1);
    QVERIFY(entries.ok() && entries->size() == 1);
    Core::JournalEntry changed = entries->first(); // already on the server
    changed.note = QStringLiteral("rewritten history");
    changed.hash = changed.computeHash();
    const qint64 before = serverEntries(m_server->url());
    const HttpAnswer answer = signedPush(pushBody({Sync::Protocol::entryToJson(changed)}));
    QCOMPARE(answer.status, 409);
    QVERIFY2(answer.message().contains(QStringLiteral("differs from the entry the server already holds")), qPrintable(answer.message()));
    QCOMPARE(serverEntries(m_server->url()), before);
    bool reported = false;
    for (const QJsonValue &row : serverExceptions(m_server->database())) {
        reported = reported
            || (row[QStringLiteral("kind")] == QStringLiteral("conflicting-entry")
                && row[QStringLiteral("entryId")] == Core::uuidText(changed.id));
    }
    QVERIFY(reported);
}

void tst_SyncSecurity::retriedPushChangesNothing()
{
    Sync::RoundResult flush = m_t1->sync(m_server->url());
    QVERIFY2(flush.ok(), qPrintable(flush.message));
    const qint64 before = serverEntries(m_server->url());
    const qint64 own = Core::ForeignEntries::chainTip(m_t1->database(), QStringLiteral("T1"))->sequence;
    // The till forgets what the server confirmed (as if every answer had been lost) and resends all.
    QVERIFY(m_t1->database().run(QStringLiteral("UPDATE sync_state SET pushed_sequence = 0"), {}, QStringLiteral("forget")).ok());
    for (int attempt = 0; attempt < 3; ++attempt) {
        Sync::RoundResult again = m_t1->sync(m_server->url(), {}, 7);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(again.report.pushed, qint64(0));
        // The first batch comes back "already stored" with the server's highest sequence, so
        // the till skips the rest instead of resending it.
        QCOMPARE(again.report.alreadyStored, attempt == 0 ? qMin<qint64>(7, own) : qint64(0));
        QCOMPARE(again.report.pushedSequence, own);
    }
    QCOMPARE(serverEntries(m_server->url()), before);
}

QTEST_GUILESS_MAIN(tst_SyncSecurity)
#include "tst_syncsecurity.moc"
