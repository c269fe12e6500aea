// slate-server bounds what clients can hold (issue 10, finding 4): connections beyond the total
// or per-address maximum are answered 503 and closed, a client that sends its headers or body
// too slowly (slowloris) is cut off after the timeout, an idle kept-alive connection is closed,
// request bytes held for all connections together are bounded, and a good till is still served
// afterwards. Real slate-server on loopback with small bounds so that the test is quick.

#include "synctestenv.h"

using namespace Slate;
using namespace Slate::Test;

class tst_ServerLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectionsBeyondThePerAddressMaximumAreRefused();
    void slowHeadersAreCutOff();
    void slowBodyIsCutOff();
    void idleConnectionIsClosed();
    void bufferedBytesAreBounded();
    void aGoodTillIsStillServed();

private:
    // A raw connection to the server, connected (or a test failure).
    std::unique_ptr<QTcpSocket> connectRaw();
    // Waits until the server closes the socket (or timeoutMs passes); what it said before.
    static QByteArray waitForClose(QTcpSocket &socket, int timeoutMs, bool *closed);
    // Whether the server's log says `text` (waits up to a second for it to arrive).
    bool logged(const char *text);

    QByteArray m_log;

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Till> m_till;
};

void tst_ServerLimits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("server.db")));
    m_server->setExtraArguments({QStringLiteral("--connections-max"), QStringLiteral("8"), QStringLiteral("--connections-per-address-max"),
                                 QStringLiteral("4"), QStringLiteral("--header-timeout-seconds"), QStringLiteral("1"),
                                 QStringLiteral("--body-timeout-seconds"), QStringLiteral("2"), QStringLiteral("--idle-timeout-seconds"),
                                 QStringLiteral("1"), QStringLiteral("--buffered-mib-max"), QStringLiteral("6")});
    QVERIFY(m_server->start());
    m_till = std::make_unique<Till>(QStringLiteral("T1"));
    const Sync::RoundResult enrolled = m_till->sync(m_server->url(), enrolmentCode(m_server->database(), QStringLiteral("T1")));
    QVERIFY2(enrolled.ok(), qPrintable(enrolled.message));
    // The till keeps its connection alive after the round; it counts against this address until
    // the server's idle timeout (1 s) closes it, so the tests below start once it is gone.
    QTest::qWait(1600);
}

void tst_ServerLimits::cleanupTestCase()
{
    if (m_server)
        m_server->kill();
}

std::unique_ptr<QTcpSocket> tst_ServerLimits::connectRaw()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
    if (!socket->waitForConnected(5000))
        qWarning("cannot connect: %s", qPrintable(socket->errorString()));
    return socket;
}

QByteArray tst_ServerLimits::waitForClose(QTcpSocket &socket, int timeoutMs, bool *closed)
{
    QByteArray said;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(50);
        said += socket.readAll();
    }
    said += socket.readAll();
    *closed = socket.state() != QAbstractSocket::ConnectedState;
    return said;
}

bool tst_ServerLimits::logged(const char *text)
{
    for (int i = 0; i < 20 && !m_log.contains(text); ++i) {
        QTest::qWait(50); // the server's stderr is read from the event loop
        m_log += m_server->log();
    }
    return m_log.contains(text);
}

void tst_ServerLimits::connectionsBeyondThePerAddressMaximumAreRefused()
{
    std::vector<std::unique_ptr<QTcpSocket>> open;
    for (int i = 0; i < 4; ++i) {
        open.push_back(connectRaw());
        QCOMPARE(open.back()->state(), QAbstractSocket::ConnectedState);
    }
    QTest::qWait(100); // the server has taken all four
    for (const auto &socket : open) { // none of them was refused (a refused one is answered 503 and closed)
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(socket->bytesAvailable(), qint64(0));
    }
    auto fifth = connectRaw();
    bool closed = false;
    const QByteArray said = waitForClose(*fifth, 3000, &closed);
    QVERIFY(closed);
    QVERIFY2(said.startsWith("HTTP/1.1 503"), said.constData());
    QVERIFY2(said.contains("too many open connections"), said.constData());
    QVERIFY(logged("connections from this address are open"));
    // Once they are gone, connections are taken again.
    open.clear();
    QTest::qWait(200);
    QCOMPARE(serverEntries(m_server->url()), qint64(0));
}

void tst_ServerLimits::slowHeadersAreCutOff()
{
    auto socket = connectRaw();
    QElapsedTimer timer;
    timer.start();
    socket->write("POST /v1/push HTTP/1.1\r\nHost: x\r\n");
    socket->flush();
    bool closed = false;
    // One header byte every 200 ms: never a complete request within the header timeout.
    while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        socket->write("X");
        socket->flush();
        socket->waitForReadyRead(200);
        socket->readAll();
    }
    closed = socket->state() != QAbstractSocket::ConnectedState;
    QVERIFY(closed);
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(logged("no complete request headers within 1000 ms"));
}

void tst_ServerLimits::slowBodyIsCutOff()
{
    auto socket = connectRaw();
    QElapsedTimer timer;
    timer.start();
    socket->write("POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
    socket->flush();
    bool closed = false;
    waitForClose(*socket, 6000, &closed);
    QVERIFY(closed);
    QVERIFY2(timer.elapsed() >= 1900 && timer.elapsed() < 4500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(logged("the request body did not arrive within 2000 ms"));
}

void tst_ServerLimits::idleConnectionIsClosed()
{
    auto socket = connectRaw();
    socket->write("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    socket->flush();
    QVERIFY(socket->waitForReadyRead(3000));
    QElapsedTimer timer;
    timer.start();
    bool closed = false;
    const QByteArray said = socket->readAll() + waitForClose(*socket, 4000, &closed);
    QVERIFY2(said.startsWith("HTTP/1.1 200"), said.constData());
    QVERIFY(closed);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void tst_ServerLimits::bufferedBytesAreBounded()
{
    // 6 MiB for all: the first stalled 4 MiB body fits, the second does not.
    const QByteArray head = "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4194304\r\n\r\n";
    auto first = connectRaw();
    first->write(head + QByteArray(4 * 1024 * 1024 - 1024, 'x'));
    while (first->bytesToWrite() > 0 && first->waitForBytesWritten(2000)) {
    }
    QTest::qWait(200);
    auto second = connectRaw();
    second->write(head + QByteArray(4 * 1024 * 1024 - 1024, 'x'));
    bool closed = false;
    QElapsedTimer timer;
    timer.start();
    QByteArray said;
    while (second->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 1500) {
        second->waitForBytesWritten(50);
        second->waitForReadyRead(50);
        said += second->readAll();
    }
    closed = second->state() != QAbstractSocket::ConnectedState;
    QVERIFY(closed);
    QVERIFY2(said.isEmpty() || said.startsWith("HTTP/1.1 503"), said.left(200).constData());
    QVERIFY(logged("the most this server buffers"));
}

void tst_ServerLimits::aGoodTillIsStillServed()
{
    QTest::qWait(2500); // the stalled body above runs out of time
    QVERIFY(m_till->store().customers().add(Core::NewCustomer{QStringLiteral("5001"), QStringLiteral("Kari"), {}, {}}));
    const Sync::RoundResult round = m_till->sync(m_server->url());
    QVERIFY2(round.ok(), qPrintable(round.message));
    QCOMPARE(round.report.masterPushed, qint64(1));
}

QTEST_GUILESS_MAIN(tst_ServerLimits)
#include "tst_serverlimits.moc"
