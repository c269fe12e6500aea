// Retry-safe enrolment against the real slate-server on loopback (sync/PROTOCOL.md, "Enrolment"):
// the same code with the same request value answers the same secret until the terminal first
// signs a request; another request value, a malformed one, or a code used without one (an old
// till) is refused as before. And a till whose enrolment answer is lost on the way (the
// connection reset after the server redeemed the code) enrols with the same code on its next round.

#include "synctestenv.h"

#include <QTcpSocket>

using namespace Slate;
using namespace Slate::Test;

namespace {

// Passes connections to slate-server, but a connection that carries an enrolment never gets
// the server's answer to it: the proxy resets it once the server answered, as when a till is cut
// off (or killed) after the server redeemed its code.
class EnrolmentAnswerLosingProxy : public QTcpServer {
public:
    explicit EnrolmentAnswerLosingProxy(quint16 upstreamPort) : m_upstreamPort(upstreamPort) {}
    int lost = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *client = new QTcpSocket(this);
        if (!client->setSocketDescriptor(descriptor)) {
            delete client;
            return;
        }
        auto *upstream = new QTcpSocket(this);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        auto enrolling = std::make_shared<bool>(false);
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream, enrolling] {
            const QByteArray data = client->readAll();
            if (data.contains("POST /v1/enroll"))
                *enrolling = true;
            upstream->write(data);
        });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, enrolling] {
            const QByteArray data = upstream->readAll();
            if (*enrolling) {
                ++lost;
                client->abort();
                upstream->abort();
                return;
            }
            client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    }

private:
    quint16 m_upstreamPort;
};

} // namespace

class tst_SyncEnrolment : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sameRequestGetsTheSameSecretUntilFirstSignedRequest();
    void otherRequestIsRefused();
    void malformedRequestIsABadRequest_data();
    void malformedRequestIsABadRequest();
    void withoutRequestTheCodeWorksOnce();
    void aLostAnswerIsRecoveredByTheNextRound();
    void aLostAnswerOfARawAttemptIsTheSameSecret();
    void aRevokedTerminalGetsNoReplay();

private:
    HttpAnswer enrol(const QJsonObject &body);
    HttpAnswer signedPull(const QString &terminalId, const QByteArray &secret);

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

void tst_SyncEnrolment::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
    QVERIFY(m_server->start());
}

void tst_SyncEnrolment::cleanupTestCase()
{
    if (m_server)
        m_server->kill();
}

HttpAnswer tst_SyncEnrolment::enrol(const QJsonObject &body)
{
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/v1/enroll"));
    return httpRequest(url, QByteArrayLiteral("POST"), QJsonDocument(body).toJson(QJsonDocument::Compact),
                       {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                        {Sync::Protocol::kProtocolHeader, QByteArray::number(Sync::Protocol::kProtocolVersion)}});
}

HttpAnswer tst_SyncEnrolment::signedPull(const QString &terminalId, const QByteArray &secret)
{
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/v1/pull"));
    const QByteArray body = QByteArrayLiteral(R"({"known":{}})");
    return httpRequest(url, QByteArrayLiteral("POST"), body, signedHeaders(SignedRequest{terminalId, secret}, QByteArrayLiteral("/v1/pull"), body));
}

namespace {
QJsonObject enrolBody(const QString &code, const QString &request)
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("request"), request}};
}
QString secretOf(const HttpAnswer &answer) { return answer.body.value(QStringLiteral("secret")).toString(); }
} // namespace

void tst_SyncEnrolment::sameRequestGetsTheSameSecretUntilFirstSignedRequest()
{
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T1"));
    const QString request = Sync::Protocol::newEnrolmentRequest();
    const HttpAnswer first = enrol(enrolBody(code, request));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body.value(QStringLiteral("terminalId")).toString(), QStringLiteral("T1"));
    // The answer was lost: the same code and request value, typed differently, answer the same.
    const HttpAnswer again = enrol(enrolBody(code.toLower().remove(u'-'), request));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, first.body);
    // The secret works ...
    const QByteArray secret = QByteArray::fromBase64(secretOf(first).toLatin1());
    QCOMPARE(secret.size(), Sync::Protocol::kSecretSize);
    const HttpAnswer pulled = signedPull(QStringLiteral("T1"), secret);
    QVERIFY2(pulled.status == 200, qPrintable(pulled.message()));
    // ... and once it has signed a request, no retry gets it any more.
    const HttpAnswer late = enrol(enrolBody(code, request));
    QCOMPARE(late.status, 401);
    QCOMPARE(late.errorCode(), QStringLiteral("unauthenticated"));
    QVERIFY(!late.body.contains(QStringLiteral("secret")));
    QCOMPARE(signedPull(QStringLiteral("T1"), secret).status, 200); // the terminal keeps working
}

void tst_SyncEnrolment::otherRequestIsRefused()
{
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T2"));
    const QString request = Sync::Protocol::newEnrolmentRequest();
    const HttpAnswer first = enrol(enrolBody(code, request));
    QCOMPARE(first.status, 200);
    // Whoever else holds the code but not the till's request value gets nothing.
    const HttpAnswer other = enrol(enrolBody(code, Sync::Protocol::newEnrolmentRequest()));
    QCOMPARE(other.status, 401);
    QVERIFY2(other.message().contains(QStringLiteral("not valid")), qPrintable(other.message()));
    QVERIFY(!other.body.contains(QStringLiteral("secret")));
    const HttpAnswer none = enrol(QJsonObject{{QStringLiteral("code"), code}});
    QCOMPARE(none.status, 401);
    // The till itself still can.
    QCOMPARE(enrol(enrolBody(code, request)).body, first.body);
}

void tst_SyncEnrolment::malformedRequestIsABadRequest_data()
{
    QTest::addColumn<QJsonValue>("request");
    const QString valid = Sync::Protocol::newEnrolmentRequest();
    QTest::newRow("a request value one character short") << QJsonValue(valid.left(42));
    QTest::newRow("a request value one character long") << QJsonValue(valid + u'A');
    QTest::newRow("a request value in standard base64 with padding") << QJsonValue(QString::fromLatin1(QByteArray(32, '\xfb').toBase64()));
    QTest::newRow("a request value with a character outside base64url") << QJsonValue(valid.left(42) + u'+');
    QTest::newRow("a request value whose last character has spare bits set") << QJsonValue(valid.left(42) + u'B');
    QTest::newRow("an empty request value") << QJsonValue(QString());
    QTest::newRow("a request value that is a number") << QJsonValue(42);
    QTest::newRow("a request value that is null") << QJsonValue(QJsonValue::Null);
}

void tst_SyncEnrolment::malformedRequestIsABadRequest()
{
    QFETCH(QJsonValue, request);
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T3"));
    const HttpAnswer answer = enrol(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("request"), request}});
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), QStringLiteral("bad-request"));
    QVERIFY2(answer.message().contains(QStringLiteral("\"request\" must be")) && answer.message().contains(QStringLiteral("base64url")),
             qPrintable(answer.message()));
    // Nothing was spent: the code still enrols.
    QCOMPARE(enrol(enrolBody(code, Sync::Protocol::newEnrolmentRequest())).status, 200);
}

void tst_SyncEnrolment::withoutRequestTheCodeWorksOnce()
{
    // An old till sends the code alone: one shot, as before.
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T4"));
    const HttpAnswer first = enrol(QJsonObject{{QStringLiteral("code"), code}});
    QCOMPARE(first.status, 200);
    QCOMPARE(secretOf(first).size(), 44);
    QCOMPARE(enrol(QJsonObject{{QStringLiteral("code"), code}}).status, 401);
    QCOMPARE(enrol(enrolBody(code, Sync::Protocol::newEnrolmentRequest())).status, 401);
}

void tst_SyncEnrolment::aLostAnswerIsRecoveredByTheNextRound()
{
    Till till(QStringLiteral("T5"));
    const Core::Customer customer = till.addCustomer(QStringLiteral("5501"));
    QVERIFY(till.store().credit().topUp(customer, till.money(QStringLiteral("20")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T5"));

    // The server redeems the code, the till never hears of it.
    EnrolmentAnswerLosingProxy proxy(quint16(m_server->url().port()));
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
    const Sync::RoundResult cut = till.sync(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort())), code);
    QCOMPARE(cut.failure, Sync::RoundFailure::Network);
    QCOMPARE(proxy.lost, 1);
    QVERIFY(till.secret().isEmpty());
    // What the till kept before it sent the code is still there for the next round.
    auto pending = till.database().run(QStringLiteral("SELECT pending_enrolment_code_hash, pending_enrolment_request FROM sync_state"), {},
                                       QStringLiteral("read"));
    QVERIFY(pending.ok() && pending->next());
    QCOMPARE(pending->value(0).toByteArray(), Sync::Protocol::enrolmentCodeHash(code));
    const QString request = pending->value(1).toString();
    pending->finish();
    QVERIFY(Sync::Protocol::isValidEnrolmentRequest(request));
    // The code is spent: anyone without the till's value is refused.
    QCOMPARE(enrol(enrolBody(code, Sync::Protocol::newEnrolmentRequest())).status, 401);

    // The next round with the same code enrols: the secret stored, the till's entry pushed.
    const Sync::RoundResult round = till.sync(m_server->url(), code);
    QVERIFY2(round.ok(), qPrintable(round.message));
    QVERIFY(round.report.enrolled);
    QCOMPARE(round.report.pushed, qint64(1));
    QCOMPARE(till.secret().size(), Sync::Protocol::kSecretSize);
    // The pending value went in the statement that stored the secret, and the round's first
    // signed request closed the retry.
    auto state = till.database().run(
        QStringLiteral("SELECT CASE WHEN pending_enrolment_code_hash IS NULL THEN 1 ELSE 0 END, pending_enrolment_request FROM sync_state"), {},
        QStringLiteral("read"));
    QVERIFY(state.ok() && state->next());
    QCOMPARE(state->value(0).toInt(), 1);
    QCOMPARE(state->value(1).toString(), QString());
    state->finish();
    QCOMPARE(enrol(enrolBody(code, request)).status, 401);
    QVERIFY(till.sync(m_server->url()).ok());
}

void tst_SyncEnrolment::aLostAnswerOfARawAttemptIsTheSameSecret()
{
    // The till keeps its value, sends it (here by hand) and loses the answer; its next round
    // stores exactly the secret the server issued then.
    Till till(QStringLiteral("T7"));
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T7"));
    const Core::Result<QString> pending = Sync::TillSync::pendingEnrolmentRequest(till.database(), code);
    QVERIFY(pending.ok());
    QCOMPARE(*Sync::TillSync::pendingEnrolmentRequest(till.database(), code.toLower()), *pending); // the same code: the same value
    const HttpAnswer lost = enrol(enrolBody(code, *pending));
    QCOMPARE(lost.status, 200);
    const Sync::RoundResult round = till.sync(m_server->url(), code);
    QVERIFY2(round.ok(), qPrintable(round.message));
    QCOMPARE(QString::fromLatin1(till.secret().toBase64()), secretOf(lost));
}

void tst_SyncEnrolment::aRevokedTerminalGetsNoReplay()
{
    const QString code = enrolmentCode(m_server->database(), QStringLiteral("T6"));
    const QString request = Sync::Protocol::newEnrolmentRequest();
    QCOMPARE(enrol(enrolBody(code, request)).status, 200);
    int exitCode = -1;
    serverCommand({QStringLiteral("revoke"), QStringLiteral("--db"), m_server->database(), QStringLiteral("--terminal"), QStringLiteral("T6")},
                  &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(enrol(enrolBody(code, request)).status, 401);
    // Re-enrolled with a new code: the old code's retry does not get the new secret either.
    const QString second = enrolmentCode(m_server->database(), QStringLiteral("T6"));
    const QString secondRequest = Sync::Protocol::newEnrolmentRequest();
    QCOMPARE(enrol(enrolBody(second, secondRequest)).status, 200);
    QCOMPARE(enrol(enrolBody(code, request)).status, 401);
    QCOMPARE(enrol(enrolBody(second, secondRequest)).status, 200);
}

QTEST_GUILESS_MAIN(tst_SyncEnrolment)
#include "tst_syncenrolment.moc"
