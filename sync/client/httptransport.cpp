#include "client/httptransport.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace Slate::Sync {

namespace {

QString endpointOf(const QUrl &server)
{
    const bool secure = server.scheme() == QLatin1String("https");
    return QStringLiteral("%1://%2:%3").arg(server.scheme(), server.host()).arg(server.port(secure ? 443 : 80));
}

} // namespace

HttpTransport::HttpTransport(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        fail(tr("no answer within %1 s").arg(m_timeoutMs / 1000.0, 0, 'g', 3));
    });
}

HttpTransport::~HttpTransport()
{
    if (m_socket)
        m_socket->abort();
}

void HttpTransport::send(const QUrl &server, const QByteArray &method, const QByteArray &target, const QList<Header> &headers,
                         const QByteArray &body, OnAnswer onAnswer)
{
    if (busy()) {
        QTimer::singleShot(0, this, [onAnswer] { onAnswer(HttpAnswer{0, {}, tr("another request is still in hand"), false}); });
        return;
    }
    m_onAnswer = std::move(onAnswer);
    m_target = target;
    m_buffer.clear();
    m_body.clear();
    m_received = false;
    m_headDone = false;
    m_status = 0;
    m_contentLength = -1;
    m_chunked = false;
    m_closeAfter = false;
    m_chunkLeft = -1;

    const bool secure = server.scheme() == QLatin1String("https");
    QByteArray request = method + ' ' + target + QByteArrayLiteral(" HTTP/1.1\r\nHost: ") + server.host().toUtf8();
    if (server.port() > 0)
        request += ':' + QByteArray::number(server.port());
    request += QByteArrayLiteral("\r\nAccept: application/json\r\n");
    for (const Header &header : headers)
        request += header.first + QByteArrayLiteral(": ") + header.second + QByteArrayLiteral("\r\n");
    if (method != "GET" || !body.isEmpty())
        request += QByteArrayLiteral("Content-Length: ") + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n");
    request += QByteArrayLiteral("\r\n");
    request += body;
    m_request = std::move(request);

    emit exchangeStarted(m_target);
    m_timer->start(m_timeoutMs);
    const QString endpoint = endpointOf(server);
    // A kept-alive connection is reused while it is open and quiet; anything else starts afresh.
    if (m_socket && m_connectedTo == endpoint && m_socket->state() == QAbstractSocket::ConnectedState
        && m_socket->bytesAvailable() == 0 && (!secure || static_cast<QSslSocket *>(m_socket.data())->isEncrypted())) {
        writeRequest();
        return;
    }
    dropConnection();
    m_connectedTo = endpoint;
    connectTo(server);
}

void HttpTransport::connectTo(const QUrl &server)
{
    const bool secure = server.scheme() == QLatin1String("https");
    QTcpSocket *socket = nullptr;
    if (secure) {
        auto *tls = new QSslSocket(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        if (!m_caCertificates.isEmpty())
            configuration.addCaCertificates(m_caCertificates);
        tls->setSslConfiguration(configuration);
        connect(tls, &QSslSocket::encrypted, this, &HttpTransport::writeRequest);
        connect(tls, &QSslSocket::sslErrors, this, [this, tls](const QList<QSslError> &errors) {
            if (!errors.isEmpty())
                tls->setProperty("slateTlsError", errors.first().errorString());
        });
        socket = tls;
    } else {
        socket = new QTcpSocket(this);
        connect(socket, &QTcpSocket::connected, this, &HttpTransport::writeRequest);
    }
    m_socket = socket;
    connect(socket, &QTcpSocket::readyRead, this, &HttpTransport::readAnswer);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (busy())
            m_timer->start(m_timeoutMs);
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
        if (socket != m_socket)
            return;
        if (!busy()) { // a kept-alive connection the server closed between requests
            dropConnection();
            return;
        }
        if (error == QAbstractSocket::RemoteHostClosedError) {
            readAnswer();
            if (busy() && m_headDone && parseBody(true))
                return;
            if (busy())
                fail(m_headDone || !m_buffer.isEmpty() ? tr("the connection closed in the middle of the answer")
                                                       : tr("the connection closed before an answer"));
            return;
        }
        const QString tlsError = socket->property("slateTlsError").toString();
        fail(tlsError.isEmpty() ? socket->errorString() : tlsError);
    });
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    const quint16 port = quint16(server.port(secure ? 443 : 80));
    if (secure) {
        auto *tls = static_cast<QSslSocket *>(socket);
        tls->setPeerVerifyName(server.host());
        tls->connectToHostEncrypted(server.host(), port);
    } else {
        socket->connectToHost(server.host(), port);
    }
}

void HttpTransport::writeRequest()
{
    if (!busy() || !m_socket || m_request.isEmpty())
        return;
    // Set again once connected: some platforms apply socket options only to a connected socket.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer->start(m_timeoutMs);
    m_socket->write(m_request);
    // QTcpSocket only buffers on write() and sends from the event loop: hand what the kernel takes
    // to it now, so the server starts on the request while the caller goes on working.
    m_socket->flush();
    m_request.clear();
}

void HttpTransport::readAnswer()
{
    if (!m_socket)
        return;
    if (!busy()) { // bytes nobody asked for: the connection cannot be trusted for the next request
        m_socket->readAll();
        dropConnection();
        return;
    }
    m_timer->start(m_timeoutMs);
    const QByteArray bytes = m_socket->readAll();
    m_received = m_received || !bytes.isEmpty();
    m_buffer += bytes;
    if (!m_headDone) {
        if (!parseHead())
            return;
    }
    if (m_headDone)
        parseBody(false);
}

bool HttpTransport::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > kAnswerHeadMax)
            fail(tr("the answer's head is longer than %1 bytes").arg(kAnswerHeadMax));
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    bool numeric = false;
    const int status = statusLine.size() >= 2 ? statusLine.at(1).toInt(&numeric) : 0;
    if (!statusLine.first().startsWith("HTTP/1.") || !numeric || status < 100 || status > 599) {
        fail(tr("the server did not answer in HTTP/1.1"));
        return false;
    }
    m_status = status;
    m_closeAfter = statusLine.first() == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            m_contentLength = value.toLongLong(&ok);
            if (!ok || m_contentLength < 0) {
                fail(tr("the answer has an invalid Content-Length"));
                return false;
            }
        } else if (name == "transfer-encoding") {
            m_chunked = value.toLower().contains("chunked");
        } else if (name == "connection") {
            const QByteArray lower = value.toLower();
            m_closeAfter = lower.contains("close") || (m_closeAfter && !lower.contains("keep-alive"));
        }
    }
    if (m_contentLength > kAnswerBodyMax) {
        fail(tr("the answer's body of %1 bytes is larger than a till accepts").arg(m_contentLength));
        return false;
    }
    m_headDone = true;
    return true;
}

// A chunk-size or trailer line still without its end: fails the exchange once it is longer than
// any honest one, so a server cannot make the till buffer an endless line.
bool HttpTransport::lineTooLong()
{
    if (m_buffer.size() <= kAnswerLineMax)
        return false;
    fail(tr("the answer's chunked body has a line longer than %1 bytes").arg(kAnswerLineMax));
    return true;
}

// Moves body bytes from the buffer; true once the answer is whole (and handed on).
bool HttpTransport::parseBody(bool closed)
{
    if (m_status >= 100 && m_status < 200) {
        // An interim answer (100 Continue and the like): the real one follows on the same connection.
        m_headDone = false;
        m_status = 0;
        m_contentLength = -1;
        m_chunked = false;
        if (!parseHead())
            return false;
        return parseBody(closed);
    }
    if (m_status == 204 || m_status == 304) {
        finish(HttpAnswer{m_status, {}, {}, false}, !m_closeAfter);
        return true;
    }
    if (m_chunked) {
        for (;;) {
            if (m_chunkLeft == -1) { // a chunk-size line
                const qsizetype eol = m_buffer.indexOf("\r\n");
                if (eol < 0)
                    return lineTooLong();
                bool ok = false;
                const qint64 size = m_buffer.left(eol).split(';').first().trimmed().toLongLong(&ok, 16);
                m_buffer.remove(0, eol + 2);
                if (!ok || size < 0 || m_body.size() + size > kAnswerBodyMax) {
                    fail(tr("the answer's chunked body is malformed or too large"));
                    return true;
                }
                m_chunkLeft = size == 0 ? -3 : size;
            } else if (m_chunkLeft > 0) {
                const qint64 take = qMin<qint64>(m_chunkLeft, m_buffer.size());
                if (take == 0)
                    return false;
                m_body += m_buffer.left(take);
                m_buffer.remove(0, take);
                m_chunkLeft -= take;
                if (m_chunkLeft == 0)
                    m_chunkLeft = -2;
            } else if (m_chunkLeft == -2) { // the CRLF after a chunk's data
                if (m_buffer.size() < 2)
                    return false;
                m_buffer.remove(0, 2);
                m_chunkLeft = -1;
            } else { // trailers after the last chunk, up to an empty line
                const qsizetype eol = m_buffer.indexOf("\r\n");
                if (eol < 0)
                    return lineTooLong();
                const bool last = eol == 0;
                m_buffer.remove(0, eol + 2);
                if (last) {
                    finish(HttpAnswer{m_status, std::move(m_body), {}, false}, !m_closeAfter && m_buffer.isEmpty());
                    return true;
                }
            }
        }
    }
    if (m_contentLength >= 0) {
        if (m_buffer.size() < m_contentLength)
            return false;
        const bool clean = m_buffer.size() == m_contentLength;
        QByteArray body = m_buffer.left(m_contentLength);
        finish(HttpAnswer{m_status, std::move(body), {}, false}, !m_closeAfter && clean);
        return true;
    }
    // No length: the body ends when the server closes.
    if (m_buffer.size() > kAnswerBodyMax) {
        fail(tr("the answer's body is larger than a till accepts"));
        return true;
    }
    if (!closed)
        return false;
    finish(HttpAnswer{m_status, std::move(m_buffer), {}, false}, false);
    return true;
}

void HttpTransport::finish(HttpAnswer answer, bool keepConnection)
{
    m_timer->stop();
    OnAnswer onAnswer = std::move(m_onAnswer);
    m_onAnswer = nullptr;
    m_buffer.clear();
    m_body.clear();
    m_request.clear();
    if (!keepConnection)
        dropConnection();
    emit exchangeFinished(m_target, answer.status);
    onAnswer(answer);
}

void HttpTransport::fail(const QString &error)
{
    if (!busy())
        return;
    const bool partial = m_received;
    finish(HttpAnswer{0, {}, error, partial}, false);
}

void HttpTransport::abort()
{
    fail(tr("the request was cancelled"));
}

void HttpTransport::dropConnection()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    m_connectedTo.clear();
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace Slate::Sync
