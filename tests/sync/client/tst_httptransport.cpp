// The till's HTTP client against a scripted server on loopback: every way an answer may be
// framed (Content-Length, chunked with extensions and trailers, ended by close, interim 1xx),
// one kept-alive connection with TCP_NODELAY for a run of requests, reconnecting when the
// server closed it, and every bound and failure a hostile or broken server can cause (an endless
// head, a huge Content-Length, an endless chunk line, silence, a cut mid-answer, garbage).

#include "client/httptransport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

using namespace Slate::Sync;

namespace {

// A server that reads each whole request (head and Content-Length body) and answers it with the
// script; counts connections and requests.
class ScriptedServer : public QObject {
public:
    using Script = std::function<void(QTcpSocket *socket, const QByteArray &request)>;

    explicit ScriptedServer(Script script) : m_script(std::move(script))
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                auto *buffer = new QByteArray;
                connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    for (;;) {
                        const qsizetype end = buffer->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        const QByteArray head = buffer->left(end);
                        qsizetype length = 0;
                        for (const QByteArray &line : head.split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        }
                        if (buffer->size() < end + 4 + length)
                            return;
                        const QByteArray request = buffer->left(end + 4 + length);
                        buffer->remove(0, end + 4 + length);
                        requests.append(request);
                        m_script(socket, request);
                    }
                });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    int connections = 0;
    QList<QByteArray> requests;

private:
    QTcpServer m_server;
    Script m_script;
};

QByteArray okAnswer(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\n\r\n" + body;
}

// Sends one request and waits for its answer (the transport's own timeout ends a silent one).
HttpAnswer exchange(HttpTransport &transport, const QUrl &server, const QByteArray &body = QByteArrayLiteral("{}"))
{
    std::optional<HttpAnswer> answer;
    transport.send(server, "POST", "/v1/test?x=1", {{"Content-Type", "application/json"}}, body,
                   [&answer](const HttpAnswer &received) { answer = received; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
        return HttpAnswer{-1, {}, QStringLiteral("the test waited in vain"), false};
    return *answer;
}

} // namespace

class tst_HttpTransport : public QObject {
    Q_OBJECT
private slots:
    void keepsOneConnectionWithNoDelay();
    void writesTheRequestAsGiven();
    void readsChunkedAnswers();
    void readsAnswersEndedByClose();
    void skipsInterimAnswers();
    void reconnectsWhenTheServerClosedTheConnection();
    void answersNeverComeFromInsideSend();
    void refusesASecondRequestInHand();
    void failures_data();
    void failures();
    void timesOutOnASilentServer();
    void abortEndsTheExchangeInHand();
    void reportsAnUnreachableServer();
};

void tst_HttpTransport::keepsOneConnectionWithNoDelay()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) { socket->write(okAnswer("{\"ok\":true}")); });
    HttpTransport transport;
    QSignalSpy started(&transport, &HttpTransport::exchangeStarted);
    QSignalSpy finished(&transport, &HttpTransport::exchangeFinished);
    for (int i = 0; i < 5; ++i) {
        const HttpAnswer answer = exchange(transport, server.url());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("{\"ok\":true}"));
        QVERIFY(answer.error.isEmpty());
    }
    QCOMPARE(server.connections, 1);
    QCOMPARE(server.requests.size(), 5);
    auto *socket = transport.findChild<QTcpSocket *>();
    QVERIFY(socket);
    QCOMPARE(socket->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
    QCOMPARE(started.size(), 5);
    QCOMPARE(finished.size(), 5);
    QCOMPARE(finished.first().at(0).toByteArray(), QByteArray("/v1/test?x=1"));
    QCOMPARE(finished.first().at(1).toInt(), 200);
}

void tst_HttpTransport::writesTheRequestAsGiven()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) { socket->write(okAnswer("{}")); });
    HttpTransport transport;
    const QByteArray body = QByteArray(70000, 'x'); // larger than a TCP segment and a socket buffer's first write
    QCOMPARE(exchange(transport, server.url(), body).status, 200);
    QCOMPARE(server.requests.size(), 1);
    const QByteArray request = server.requests.first();
    QVERIFY(request.startsWith("POST /v1/test?x=1 HTTP/1.1\r\n"));
    QVERIFY(request.contains(QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(server.url().port()) + "\r\n")));
    QVERIFY(request.contains("\r\nContent-Type: application/json\r\n"));
    QVERIFY(request.contains("\r\nContent-Length: 70000\r\n"));
    QVERIFY(request.endsWith(QByteArray("\r\n\r\n" + body)));
}

void tst_HttpTransport::readsChunkedAnswers()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        // Written in pieces that split the size lines, the data and the CRLFs.
        const QByteArray answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "4;name=value\r\n{\"a\"\r\nA\r\n:1,\"b\":\"xy\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n";
        for (qsizetype i = 0; i < answer.size(); i += 7) {
            socket->write(answer.mid(i, 7));
            socket->flush();
        }
    });
    HttpTransport transport;
    for (int i = 0; i < 2; ++i) {
        const HttpAnswer answer = exchange(transport, server.url());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("{\"a\":1,\"b\":\"xy}"));
    }
    QCOMPARE(server.connections, 1); // a chunked answer ends cleanly: the connection is kept
}

void tst_HttpTransport::readsAnswersEndedByClose()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"closed\":true}");
        socket->disconnectFromHost();
    });
    HttpTransport transport;
    for (int i = 0; i < 2; ++i) {
        const HttpAnswer answer = exchange(transport, server.url());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("{\"closed\":true}"));
    }
    QCOMPARE(server.connections, 2);
}

void tst_HttpTransport::skipsInterimAnswers()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        socket->flush();
        socket->write(okAnswer("{\"final\":1}"));
    });
    HttpTransport transport;
    const HttpAnswer answer = exchange(transport, server.url());
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("{\"final\":1}"));
}

void tst_HttpTransport::reconnectsWhenTheServerClosedTheConnection()
{
    // The server answers with keep-alive framing and then closes anyway (idle timeout): the next
    // request must go out on a fresh connection, not fail.
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write(okAnswer("{}"));
        socket->flush();
        QTimer::singleShot(20, socket, [socket] { socket->disconnectFromHost(); });
    });
    HttpTransport transport;
    QCOMPARE(exchange(transport, server.url()).status, 200);
    QTest::qWait(150);
    QCOMPARE(exchange(transport, server.url()).status, 200);
    QCOMPARE(server.connections, 2);
}

void tst_HttpTransport::answersNeverComeFromInsideSend()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) { socket->write(okAnswer("{}")); });
    HttpTransport transport;
    QCOMPARE(exchange(transport, server.url()).status, 200); // a connection is open and idle now
    bool inside = true;
    bool answered = false;
    transport.send(server.url(), "POST", "/v1/test", {}, "{}", [&](const HttpAnswer &) { answered = !inside; });
    inside = false;
    QVERIFY(QTest::qWaitFor([&transport] { return !transport.busy(); }, 5000));
    QVERIFY(answered);
}

void tst_HttpTransport::refusesASecondRequestInHand()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        QTimer::singleShot(100, socket, [socket] { socket->write(okAnswer("{}")); });
    });
    HttpTransport transport;
    std::optional<HttpAnswer> first, second;
    transport.send(server.url(), "POST", "/a", {}, "{}", [&](const HttpAnswer &answer) { first = answer; });
    transport.send(server.url(), "POST", "/b", {}, "{}", [&](const HttpAnswer &answer) { second = answer; });
    QVERIFY(QTest::qWaitFor([&] { return first && second; }, 5000));
    QCOMPARE(first->status, 200);
    QCOMPARE(second->status, 0);
    QVERIFY2(second->error.contains(QLatin1String("another request")), qPrintable(second->error));
    QCOMPARE(server.requests.size(), 1);
}

void tst_HttpTransport::failures_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("close");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("partial");
    QTest::newRow("an endless head") << QByteArray("HTTP/1.1 200 OK\r\nX: " + QByteArray(70 * 1024, 'a')) << false
                                     << "head is longer than 65536 bytes" << true;
    QTest::newRow("a body larger than a till accepts")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 67108865\r\n\r\n{") << false << "larger than a till accepts" << true;
    QTest::newRow("a negative Content-Length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n") << false
                                               << "invalid Content-Length" << true;
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << false << "did not answer in HTTP/1.1" << true;
    QTest::newRow("a status out of range") << QByteArray("HTTP/1.1 999 Odd\r\nContent-Length: 0\r\n\r\n") << false
                                           << "did not answer in HTTP/1.1" << true;
    QTest::newRow("an endless chunk-size line")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray(5000, '1')) << false
        << "line longer than 4096 bytes" << true;
    QTest::newRow("a chunk size that is not hex")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false << "malformed or too large" << true;
    QTest::newRow("a chunked body past the bound")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4000001\r\n") << false << "malformed or too large"
        << true;
    QTest::newRow("cut in the middle of the body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"half\":") << true << "in the middle of the answer" << true;
    QTest::newRow("closed before an answer") << QByteArray() << true << "closed before an answer" << false;
}

void tst_HttpTransport::failures()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, close);
    QFETCH(QString, error);
    QFETCH(bool, partial);
    ScriptedServer server([&](QTcpSocket *socket, const QByteArray &) {
        socket->write(answer);
        if (close)
            socket->disconnectFromHost();
    });
    HttpTransport transport;
    transport.setTimeoutMs(3000);
    const HttpAnswer got = exchange(transport, server.url());
    QCOMPARE(got.status, 0);
    QVERIFY2(got.error.contains(error), qPrintable(got.error));
    QCOMPARE(got.partial, partial);
    QVERIFY(got.body.isEmpty());
    QVERIFY(!transport.busy());
    // The connection is not reused after a failure: the next exchange opens a fresh one.
    exchange(transport, server.url());
    QCOMPARE(server.connections, 2);
}

void tst_HttpTransport::timesOutOnASilentServer()
{
    ScriptedServer server([](QTcpSocket *, const QByteArray &) {});
    HttpTransport transport;
    transport.setTimeoutMs(300);
    QElapsedTimer clock;
    clock.start();
    const HttpAnswer answer = exchange(transport, server.url());
    QCOMPARE(answer.status, 0);
    QVERIFY2(answer.error.contains(QLatin1String("no answer within")), qPrintable(answer.error));
    QVERIFY(clock.elapsed() >= 250);
}

void tst_HttpTransport::abortEndsTheExchangeInHand()
{
    ScriptedServer server([](QTcpSocket *, const QByteArray &) {});
    HttpTransport transport;
    std::optional<HttpAnswer> answer;
    transport.send(server.url(), "POST", "/v1/test", {}, "{}", [&answer](const HttpAnswer &received) { answer = received; });
    QVERIFY(QTest::qWaitFor([&server] { return !server.requests.isEmpty(); }, 5000));
    transport.abort();
    QVERIFY(answer);
    QCOMPARE(answer->status, 0);
    QVERIFY2(answer->error.contains(QLatin1String("cancelled")), qPrintable(answer->error));
    QVERIFY(!transport.busy());
}

void tst_HttpTransport::reportsAnUnreachableServer()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    HttpTransport transport;
    const HttpAnswer answer = exchange(transport, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QCOMPARE(answer.status, 0);
    QVERIFY2(answer.error.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(answer.error));
    QVERIFY(!answer.partial);
}

QTEST_GUILESS_MAIN(tst_HttpTransport)
#include "tst_httptransport.moc"
