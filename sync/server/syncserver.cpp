#include "server/syncserver.h"

#include "client/protocol.h"
#include "base/uuidv7.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QPointer>
#include <QHash>
#include <QUrlQuery>

#include <variant>

Q_LOGGING_CATEGORY(lcServer, "slate.server")

namespace Slate::Sync {

using Status = QHttpServerResponder::StatusCode;

namespace {

const char *methodName(QHttpServerRequest::Method method)
{
    using Method = QHttpServerRequest::Method;
    switch (method) {
    case Method::Get: return "GET";
    case Method::Put: return "PUT";
    case Method::Delete: return "DELETE";
    case Method::Post: return "POST";
    case Method::Head: return "HEAD";
    case Method::Options: return "OPTIONS";
    case Method::Patch: return "PATCH";
    case Method::Connect: return "CONNECT";
    case Method::Trace: return "TRACE";
    default: return "?";
    }
}

// Bytes a request may bring beyond its body (request line and headers).
constexpr qint64 kHeadersAllowance = 64 * 1024;

// QtHttpServer 6.4 reads a whole request into memory before handing it over, whatever its
// size, and keeps a connection open for as long as the client likes. This server sees each
// connection's bytes first (its readyRead handler is connected before QtHttpServer's) and bounds
// what a client can hold: the connections open in all and per client address, the time to send
// a request's headers and then its body, the time a kept-alive connection may sit idle, a
// request's size, and the request bytes held for all connections together. A connection beyond
// a bound is answered 503 (or 413) and closed; one that is too slow is closed.
//
// With TLS configured, each connection is a QSslSocket that starts the server handshake at once;
// QtHttpServer then reads the decrypted request through it like any socket. (QtHttpServer 6.4's
// own sslSetup() works only with the QTcpServer it creates itself, which would lose the bounds.)
class BoundedTcpServer;

// One connection's bounds, a child of its socket (so it goes when the socket goes).
class ConnectionGuard : public QObject {
public:
    ConnectionGuard(QTcpSocket *socket, BoundedTcpServer *server, QString address);
    ~ConnectionGuard() override;
    // QtHttpServer has the whole request: what it buffered is free again, and the connection idles.
    void requestHandled();

private:
    enum class Phase { Headers, Body, Idle };
    void received();
    void expired();
    void refuse(const QByteArray &status, const QByteArray &code, const QByteArray &message);

    QTcpSocket *m_socket;
    QPointer<BoundedTcpServer> m_server;
    QString m_address;
    QTimer m_timer;
    Phase m_phase = Phase::Headers;
    qint64 m_received = 0;  // bytes of the current request, all held in memory until it is handled
    QByteArray m_tail;      // the last bytes seen, for an end of headers split over two reads
};

class BoundedTcpServer : public QTcpServer {
public:
    BoundedTcpServer(const std::optional<QSslConfiguration> &tls, const ConnectionLimits &limits, QObject *parent)
        : QTcpServer(parent), m_tls(tls), m_limits(limits)
    {
    }

    const ConnectionLimits &limits() const { return m_limits; }
    // Takes bytes into the shared budget; false (nothing taken) when they do not fit.
    bool take(qint64 bytes)
    {
        if (m_buffered + bytes > m_limits.bufferedBytesMax)
            return false;
        m_buffered += bytes;
        return true;
    }
    void release(qint64 bytes) { m_buffered = qMax<qint64>(0, m_buffered - bytes); }
    void closed(const QString &address)
    {
        --m_open;
        if (auto it = m_perAddress.find(address); it != m_perAddress.end() && --*it <= 0)
            m_perAddress.erase(it);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (m_tls) {
            auto *secure = new QSslSocket(this);
            secure->setSslConfiguration(*m_tls);
            connect(secure, &QSslSocket::sslErrors, secure, [secure](const QList<QSslError> &errors) {
                qCWarning(lcServer, "TLS handshake with %s failed: %s", qPrintable(secure->peerAddress().toString()),
                          qPrintable(errors.isEmpty() ? QString() : errors.first().errorString()));
            });
            socket = secure;
        } else {
            socket = new QTcpSocket(this);
        }
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        const QString address = socket->peerAddress().toString();
        const int fromAddress = m_perAddress.value(address);
        if (m_open >= m_limits.connectionsMax || fromAddress >= m_limits.connectionsPerAddressMax) {
            qCWarning(lcServer, "refused a connection from %s: %s", qPrintable(address),
                      m_open >= m_limits.connectionsMax
                          ? qPrintable(QStringLiteral("%1 connections are open, the most this server takes").arg(m_open))
                          : qPrintable(QStringLiteral("%1 connections from this address are open, the most it may have").arg(fromAddress)));
            // Plain HTTP can be told why; a TLS client would need a handshake first, so it is just closed.
            if (!m_tls) {
                const QByteArray body = QByteArrayLiteral(
                    "{\"error\":{\"code\":\"busy\",\"message\":\"The server has too many open connections; retry later.\"}}");
                socket->write(QByteArrayLiteral("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                                "Retry-After: 5\r\nConnection: close\r\nContent-Length: ")
                              + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body);
            }
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
            return;
        }
        ++m_open;
        m_perAddress[address] = fromAddress + 1;
        // QtHttpServer writes a reply's headers and body in separate writes: with Nagle's
        // algorithm the body waits for the client's delayed ACK of the headers (up to 40 ms).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        new ConnectionGuard(socket, this, address); // connects its readyRead before QtHttpServer's
        if (m_tls)
            static_cast<QSslSocket *>(socket)->startServerEncryption();
        addPendingConnection(socket);
    }

private:
    std::optional<QSslConfiguration> m_tls;
    ConnectionLimits m_limits;
    int m_open = 0;
    QHash<QString, int> m_perAddress;
    qint64 m_buffered = 0;
};

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, BoundedTcpServer *server, QString address)
    : QObject(socket), m_socket(socket), m_server(server), m_address(std::move(address))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::expired);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::received);
    // An answer still on its way to a slow reader is not idleness.
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_phase == Phase::Idle && m_server)
            m_timer.start(m_server->limits().idleTimeoutMs);
    });
    socket->setProperty("slateGuard", QVariant::fromValue<QObject *>(this));
    m_timer.start(server->limits().headerTimeoutMs); // also bounds a TLS handshake
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_server) {
        m_server->release(m_received);
        m_server->closed(m_address);
    }
}

void ConnectionGuard::requestHandled()
{
    if (m_server)
        m_server->release(m_received);
    m_received = 0;
    m_tail.clear();
    m_phase = Phase::Idle;
    if (m_server)
        m_timer.start(m_server->limits().idleTimeoutMs);
}

void ConnectionGuard::received()
{
    if (!m_server || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const ConnectionLimits &limits = m_server->limits();
    const qint64 fresh = m_socket->bytesAvailable();
    if (fresh <= 0)
        return;
    if (m_phase == Phase::Idle) {
        m_phase = Phase::Headers;
        m_timer.start(limits.headerTimeoutMs);
    }
    if (m_received + fresh > Protocol::kRequestBodyMax + kHeadersAllowance) {
        qCWarning(lcServer, "refused %s: the request exceeds %lld bytes; connection closed", qPrintable(m_address),
                  Protocol::kRequestBodyMax);
        return refuse("413 Payload Too Large", "too-large", "The request is larger than the server accepts.");
    }
    if (!m_server->take(fresh)) {
        qCWarning(lcServer, "refused %s: requests in hand hold %lld bytes, the most this server buffers; connection closed",
                  qPrintable(m_address), limits.bufferedBytesMax);
        return refuse("503 Service Unavailable", "busy", "The server is holding as many requests as it can; retry later.");
    }
    m_received += fresh;
    if (m_phase == Phase::Headers) {
        const QByteArray seen = m_tail + m_socket->peek(qMin<qint64>(fresh, kHeadersAllowance));
        if (seen.contains("\r\n\r\n")) {
            m_phase = Phase::Body;
            m_timer.start(limits.bodyTimeoutMs);
        } else if (m_received > kHeadersAllowance) {
            return refuse("431 Request Header Fields Too Large", "bad-request", "The request's headers are too large.");
        }
        m_tail = seen.right(3);
    }
}

void ConnectionGuard::expired()
{
    if (!m_server)
        return;
    const ConnectionLimits &limits = m_server->limits();
    switch (m_phase) {
    case Phase::Headers:
        qCWarning(lcServer, "closed a connection from %s: no complete request headers within %d ms", qPrintable(m_address),
                  limits.headerTimeoutMs);
        break;
    case Phase::Body:
        qCWarning(lcServer, "closed a connection from %s: the request body did not arrive within %d ms", qPrintable(m_address),
                  limits.bodyTimeoutMs);
        break;
    case Phase::Idle: break; // an idle kept-alive connection: nothing to report
    }
    m_socket->abort();
}

void ConnectionGuard::refuse(const QByteArray &status, const QByteArray &code, const QByteArray &message)
{
    const QByteArray body = QByteArrayLiteral("{\"error\":{\"code\":\"") + code + QByteArrayLiteral("\",\"message\":\"") + message
        + QByteArrayLiteral("\"}}");
    m_socket->write(QByteArrayLiteral("HTTP/1.1 ") + status
                    + QByteArrayLiteral("\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ")
                    + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body);
    m_socket->flush();
    m_socket->readAll(); // nothing of it reaches QtHttpServer
    m_timer.stop();
    m_socket->disconnectFromHost();
}

QJsonObject errorBody(const QString &code, const QString &message)
{
    return QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

QString errorCodeName(Status status)
{
    switch (status) {
    case Status::BadRequest: return QStringLiteral("bad-request");
    case Status::Unauthorized: return QStringLiteral("unauthenticated");
    case Status::Forbidden: return QStringLiteral("forbidden");
    case Status::NotFound: return QStringLiteral("not-found");
    case Status::MethodNotAllowed: return QStringLiteral("method-not-allowed");
    case Status::Conflict: return QStringLiteral("conflict");
    case Status::PayloadTooLarge: return QStringLiteral("too-large");
    case Status::UnsupportedMediaType: return QStringLiteral("unsupported-media-type");
    case Status::UnprocessableEntity: return QStringLiteral("invalid-entry");
    case Status::ServiceUnavailable: return QStringLiteral("busy");
    case Status::UpgradeRequired: return QStringLiteral("unsupported-protocol");
    default: return QStringLiteral("server-error");
    }
}

// Reads a JSON object body; the error names what is wrong and where.
std::variant<QJsonObject, QString> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("The body is not valid JSON: %1 at byte %2.").arg(error.errorString()).arg(error.offset);
    if (!document.isObject())
        return QStringLiteral("The body must be a JSON object.");
    return document.object();
}

} // namespace

SyncServer::SyncServer(ServerStore &store, QObject *parent) : QAbstractHttpServer(parent), m_store(store) {}

Core::Result<quint16> SyncServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *tcp = new BoundedTcpServer(m_tls, m_limits, this);
    if (!tcp->listen(address, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("Cannot listen on %1:%2: %3.").arg(address.toString()).arg(port).arg(reason));
    }
    bind(tcp);
    return tcp->serverPort();
}

Core::Result<void> SyncServer::enableTls(const QString &certificateFile, const QString &keyFile)
{
    auto read = [](const QString &path, const char *what) -> Core::Result<QByteArray> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Core::makeError(Core::ErrorCode::NotFound,
                                   QStringLiteral("Cannot read the TLS %1 %2: %3.").arg(QLatin1String(what), path, file.errorString()));
        return file.read(1024 * 1024);
    };
    if (!QSslSocket::supportsSsl())
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("This Qt has no TLS backend (install the OpenSSL TLS plugin of Qt 6)."));
    Core::Result<QByteArray> certificateText = read(certificateFile, "certificate");
    if (!certificateText)
        return certificateText.error();
    Core::Result<QByteArray> keyText = read(keyFile, "key");
    if (!keyText)
        return keyText.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificateText, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("%1 holds no PEM certificate; give the server's certificate (and its chain).").arg(certificateFile));
    QSslKey key(*keyText, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyText, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key.").arg(keyFile));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // tills authenticate by request signature
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls = configuration;
    return {};
}

void SyncServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket)
        .write(QJsonDocument(errorBody(QStringLiteral("not-found"), QStringLiteral("No such resource."))), Status::NotFound);
}

bool SyncServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The next request on this connection starts afresh (its bytes, its header timeout).
    if (auto *guard = static_cast<ConnectionGuard *>(socket->property("slateGuard").value<QObject *>()))
        guard->requestHandled();
    QElapsedTimer timer;
    timer.start();
    Reply reply = route(request);
    if (reply.status >= Status::BadRequest && !reply.body.contains(QStringLiteral("error")))
        reply.body = errorBody(errorCodeName(reply.status), QStringLiteral("Refused."));
    const qint64 handledNs = timer.nsecsElapsed();
    if (reply.status == Status::UpgradeRequired)
        makeResponder(request, socket)
            .write(QJsonDocument(reply.body), {{QByteArrayLiteral("Upgrade"), QByteArrayLiteral("slate-sync/") + QByteArray::number(Protocol::kProtocolVersion)}},
                   reply.status);
    else if (!reply.text.isEmpty())
        makeResponder(request, socket).write(reply.text, QByteArrayLiteral("application/json"), reply.status);
    else
        makeResponder(request, socket).write(QJsonDocument(reply.body), reply.status);
    // One line per request (an access log): which terminal asked what, the answer, and where the
    // time went. QT_LOGGING_RULES="slate.server.info=false" turns it off.
    const QByteArray terminal = request.value(Protocol::kTerminalHeader);
    qCInfo(lcServer, "%s %s %s -> %d, %lld bytes in, %.1f ms handling, %.1f ms with the answer",
           methodName(request.method()), qPrintable(request.url().path()),
           terminal.isEmpty() ? "-" : terminal.left(64).constData(), int(reply.status), qint64(request.body().size()),
           double(handledNs) / 1e6, double(timer.nsecsElapsed()) / 1e6);
    return true;
}

SyncServer::Reply SyncServer::route(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const auto method = request.method();
    auto fail = [](Status status, const QString &message) { return failure(status, message); };
    if (request.body().size() > Protocol::kRequestBodyMax)
        return fail(Status::PayloadTooLarge,
                    QStringLiteral("The body has %1 bytes; a request may have at most %2.").arg(request.body().size()).arg(Protocol::kRequestBodyMax));
    struct Route {
        const char *path;
        QHttpServerRequest::Method method;
    };
    static const Route routes[] = {{"/v1/health", QHttpServerRequest::Method::Get},
                                   {"/v1/enroll", QHttpServerRequest::Method::Post},
                                   {"/v1/push", QHttpServerRequest::Method::Post},
                                   {"/v1/pull", QHttpServerRequest::Method::Post},
                                   {"/v1/master/push", QHttpServerRequest::Method::Post},
                                   {"/v1/master/pull", QHttpServerRequest::Method::Post},
                                   {"/v1/exceptions", QHttpServerRequest::Method::Get}};
    const Route *found = nullptr;
    for (const Route &candidate : routes) {
        if (path == QLatin1String(candidate.path))
            found = &candidate;
    }
    if (!found)
        return fail(Status::NotFound, QStringLiteral("There is no %1 here; this server speaks protocol %2 under /v1/ (see /v1/health).").arg(path).arg(Protocol::kProtocolVersion));
    if (method != found->method)
        return fail(Status::MethodNotAllowed,
                    QStringLiteral("%1 takes %2 only.").arg(path, QLatin1String(methodName(found->method))));
    if (method == QHttpServerRequest::Method::Post) {
        const QByteArray type = request.value(QByteArrayLiteral("content-type"));
        if (!type.startsWith("application/json"))
            return fail(Status::UnsupportedMediaType, QStringLiteral("The body must be JSON (Content-Type: application/json)."));
    }
    if (path == QLatin1String("/v1/health"))
        return health();
    if (std::optional<Reply> refused = refuseOtherProtocol(request))
        return *refused;
    if (path == QLatin1String("/v1/enroll"))
        return enroll(request);
    std::variant<Signer, Reply> authenticated = authenticate(request);
    if (auto *refused = std::get_if<Reply>(&authenticated))
        return *refused;
    const Signer signer = std::get<Signer>(authenticated);
    if (path == QLatin1String("/v1/push"))
        return push(request, signer);
    if (path == QLatin1String("/v1/master/push"))
        return pushMaster(request, signer);
    if (std::optional<Reply> refused = spendNonce(request, signer))
        return *refused;
    const QString terminalId = signer.terminalId;
    if (path == QLatin1String("/v1/pull"))
        return pull(terminalId, request.body());
    if (path == QLatin1String("/v1/master/pull"))
        return pullMaster(terminalId, request.body());
    return listExceptions(request);
}

SyncServer::Reply SyncServer::failure(Status status, const QString &message)
{
    return Reply{status, errorBody(errorCodeName(status), message)};
}

SyncServer::Reply SyncServer::failure(const Core::Error &error)
{
    switch (error.code) {
    case Core::ErrorCode::InvalidArgument:
        return failure(Status::BadRequest, error.message);
    case Core::ErrorCode::Unbalanced:
    case Core::ErrorCode::Overflow:
        return failure(Status::UnprocessableEntity, error.message);
    case Core::ErrorCode::Integrity:
        return failure(Status::Conflict, error.message);
    case Core::ErrorCode::AuthenticationFailed:
        return failure(Status::Forbidden, error.message);
    case Core::ErrorCode::Locked:
        return failure(Status::ServiceUnavailable, error.message);
    default:
        qCCritical(lcServer, "%s", qPrintable(error.message));
        return failure(Status::InternalServerError, error.message);
    }
}

std::optional<SyncServer::Reply> SyncServer::refuseOtherProtocol(const QHttpServerRequest &request)
{
    const QByteArray named = request.value(Protocol::kProtocolHeader);
    bool numeric = named.isEmpty();
    const int version = named.isEmpty() ? Protocol::kProtocolVersionUnnamed : named.toInt(&numeric);
    if (numeric && version == Protocol::kProtocolVersion)
        return std::nullopt;
    const QString theirs = numeric ? QStringLiteral("protocol %1").arg(version)
                                   : QStringLiteral("an unknown protocol \"%1\"").arg(QString::fromLatin1(named.left(20)));
    const QString update = numeric && version > Protocol::kProtocolVersion ? QStringLiteral("slate-server") : QStringLiteral("the till (Slate)");
    return failure(Status::UpgradeRequired,
                   QStringLiteral("This request speaks sync %1; this server speaks protocol %2 only (master data with decimal "
                                  "amounts). Update %3 so that both speak protocol %4.")
                       .arg(theirs)
                       .arg(Protocol::kProtocolVersion)
                       .arg(update)
                       .arg(qMax(Protocol::kProtocolVersion, numeric ? version : 0)));
}

SyncServer::Reply SyncServer::health()
{
    Core::Result<qint64> entries = m_store.entryCount();
    if (!entries)
        return failure(Status::ServiceUnavailable, entries.message());
    return Reply{Status::Ok,
                 QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                             {QStringLiteral("protocol"), Protocol::kProtocolVersion},
                             {QStringLiteral("database"), m_store.database().isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                             {QStringLiteral("schemaVersion"), m_store.database().schemaVersion()},
                             {QStringLiteral("entries"), double(*entries)}}};
}

SyncServer::Reply SyncServer::enroll(const QHttpServerRequest &request)
{
    std::variant<QJsonObject, QString> parsed = parseObject(request.body());
    if (auto *problem = std::get_if<QString>(&parsed))
        return failure(Status::BadRequest, *problem);
    const QJsonObject body = std::get<QJsonObject>(parsed);
    const QJsonValue code = body.value(QStringLiteral("code"));
    if (!code.isString() || code.toString().isEmpty() || code.toString().size() > Protocol::kEnrolmentCodeLengthMax)
        return failure(Status::BadRequest, QStringLiteral("\"code\" must be the enrolment code string from slate-server enroll."));
    // The till's request value makes a retry after a lost answer the same enrolment; a till of
    // before it sends none and its code works once.
    QString requestValue;
    if (body.contains(QStringLiteral("request"))) {
        const QJsonValue value = body.value(QStringLiteral("request"));
        if (!value.isString() || !Protocol::isValidEnrolmentRequest(value.toString()))
            return failure(Status::BadRequest,
                           QStringLiteral("\"request\" must be the till's enrolment request value: %1 random bytes as %2 "
                                          "base64url characters (A-Z, a-z, 0-9, '-' and '_', no padding). Leave it out to enrol once "
                                          "without a retry.")
                               .arg(Protocol::kEnrolmentRequestBytes)
                               .arg(Protocol::kEnrolmentRequestLength));
        requestValue = value.toString();
    }
    Core::Result<EnrolledTerminal> enrolled = m_store.redeemEnrolment(code.toString(), requestValue);
    if (!enrolled) {
        if (enrolled.code() != Core::ErrorCode::AuthenticationFailed)
            return failure(enrolled.error());
        qCWarning(lcServer, "refused enrolment from %s: %s", qPrintable(request.remoteAddress().toString()),
                  qPrintable(enrolled.message()));
        return failure(Status::Unauthorized, enrolled.message());
    }
    qCInfo(lcServer, "%s terminal %s of store %s from %s", enrolled->retried ? "answered again the enrolment of" : "enrolled",
           qPrintable(enrolled->terminalId), qPrintable(enrolled->storeCode), qPrintable(request.remoteAddress().toString()));
    return Reply{Status::Ok, QJsonObject{{QStringLiteral("terminalId"), enrolled->terminalId},
                                         {QStringLiteral("storeCode"), enrolled->storeCode},
                                         {QStringLiteral("secret"), QString::fromLatin1(enrolled->secret.toBase64())}}};
}

SyncServer::Reply SyncServer::refuseAuthentication(const QHttpServerRequest &request, const QString &terminalId,
                                                    const QString &reason)
{
    qCWarning(lcServer, "refused %s %s from %s (terminal \"%s\"): %s",
              methodName(request.method()), qPrintable(request.url().path()),
              qPrintable(request.remoteAddress().toString()), qPrintable(terminalId.left(40)), qPrintable(reason));
    return failure(Status::Unauthorized, reason);
}

std::variant<SyncServer::Signer, SyncServer::Reply> SyncServer::authenticate(const QHttpServerRequest &request)
{
    const QByteArray terminalHeader = request.value(Protocol::kTerminalHeader);
    const QByteArray timestampHeader = request.value(Protocol::kTimestampHeader);
    const QByteArray nonce = request.value(Protocol::kNonceHeader);
    const QByteArray signature = request.value(Protocol::kSignatureHeader);
    const QString terminalId = QString::fromUtf8(terminalHeader);
    if (terminalHeader.isEmpty() || timestampHeader.isEmpty() || nonce.isEmpty() || signature.isEmpty())
        return refuseAuthentication(request, terminalId,
                                    QStringLiteral("The request is not signed: it needs the X-Slate-Terminal, X-Slate-Timestamp, "
                                                   "X-Slate-Nonce and X-Slate-Signature headers. Enrol the till first."));
    bool numeric = false;
    const qint64 timestampMs = timestampHeader.toLongLong(&numeric);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!numeric || qAbs(now - timestampMs) > Protocol::kClockSkewMaxMs)
        return refuseAuthentication(request, terminalId,
                                    QStringLiteral("The request's time is missing or more than %1 seconds from the server's clock; "
                                                   "set the till's clock (NTP) and try again.")
                                        .arg(Protocol::kClockSkewMaxMs / 1000));
    if (!Protocol::isValidNonce(nonce))
        return refuseAuthentication(request, terminalId, QStringLiteral("The request's nonce is malformed."));
    Core::Result<TerminalKey> key = m_store.signingKey(terminalId);
    if (!key) {
        if (key.code() != Core::ErrorCode::NotFound)
            return failure(key.error());
        return refuseAuthentication(request, terminalId, QStringLiteral("Terminal %1 is not enrolled here (or was revoked); enrol it.")
                                                             .arg(terminalId.left(40)));
    }
    QByteArray pathAndQuery = request.url().path(QUrl::FullyEncoded).toUtf8();
    if (request.url().hasQuery())
        pathAndQuery += '?' + request.url().query(QUrl::FullyEncoded).toUtf8();
    const QByteArray method = request.method() == QHttpServerRequest::Method::Get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
    const QByteArray expected =
        Protocol::signature(key->key, Protocol::signingInput(method, pathAndQuery, terminalId, timestampMs, nonce, request.body()));
    if (!Protocol::signaturesEqual(expected, signature.toLower()))
        return refuseAuthentication(request, terminalId,
                                    QStringLiteral("The request's signature does not match terminal %1's secret.").arg(terminalId));
    // A correctly signed request proves the till holds its secret: a retry of its enrolment gets
    // nothing from now on (sync/PROTOCOL.md, "Enrolment").
    if (key->enrolmentRetryOpen) {
        if (auto closed = m_store.closeEnrolmentRetry(terminalId); !closed)
            return failure(closed.error());
    }
    // Only a correctly signed request may spend a nonce, so nobody else can use up a terminal's.
    return Signer{terminalId, nonce};
}

std::optional<SyncServer::Reply> SyncServer::spendNonce(const QHttpServerRequest &request, const Signer &signer)
{
    Core::Result<bool> fresh = m_store.recordNonce(signer.terminalId, signer.nonce, QDateTime::currentMSecsSinceEpoch());
    if (!fresh)
        return failure(fresh.error());
    if (!*fresh)
        return refuseAuthentication(request, signer.terminalId, QStringLiteral("This request was already received once (a replay); refused."));
    return std::nullopt;
}

SyncServer::Reply SyncServer::push(const QHttpServerRequest &request, const Signer &signer)
{
    const QString &terminalId = signer.terminalId;
    // The body is read straight from its text, one pass: each entry as the till reads a pull page.
    Core::Result<Protocol::EntryPage> page =
        Protocol::entryPageFromJson(request.body(), {QStringLiteral("A push"), 1, Protocol::kPushBatchMax});
    if (!page)
        return failure(page.code() == Core::ErrorCode::Integrity || page.code() == Core::ErrorCode::Unbalanced ? Status::UnprocessableEntity
                                                                                                              : Status::BadRequest,
                       page.message());
    const QList<Core::JournalEntry> &entries = page->entries;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Core::JournalEntry *entry = &entries.at(i);
        if (entry->terminalId != terminalId) {
            qCWarning(lcServer, "refused push by terminal %s of an entry of terminal %s", qPrintable(terminalId),
                      qPrintable(entry->terminalId));
            return failure(Status::Forbidden, QStringLiteral("entries[%1] belongs to terminal %2; terminal %3 may push only its own entries.")
                                                  .arg(i)
                                                  .arg(entry->terminalId, terminalId));
        }
    }
    Core::Result<PushOutcome> outcome = m_store.push(terminalId, signer.nonce, entries);
    if (!outcome) {
        qCWarning(lcServer, "push by terminal %s failed: %s", qPrintable(terminalId), qPrintable(outcome.message()));
        return failure(outcome.error());
    }
    switch (outcome->refusal) {
    case PushRefusal::None:
        break;
    case PushRefusal::Replay:
        return refuseAuthentication(request, terminalId, outcome->refusalMessage);
    case PushRefusal::NotEnrolled:
        return refuseAuthentication(request, terminalId, outcome->refusalMessage);
    case PushRefusal::Forbidden:
        // A terminal posting where it may not is a security matter: a stolen or rogue till.
        qCWarning(lcServer, "SECURITY: refused push by terminal %s from %s: %s", qPrintable(terminalId),
                  qPrintable(request.remoteAddress().toString()), qPrintable(outcome->refusalMessage));
        return failure(Status::Forbidden, outcome->refusalMessage);
    case PushRefusal::Refused:
    case PushRefusal::Malformed:
    case PushRefusal::Invalid:
    case PushRefusal::Altered:
    case PushRefusal::OutOfChain:
    case PushRefusal::Conflict: {
        qCWarning(lcServer, "refused push by terminal %s: %s", qPrintable(terminalId), qPrintable(outcome->refusalMessage));
        const Status status = outcome->refusal == PushRefusal::OutOfChain || outcome->refusal == PushRefusal::Conflict
            ? Status::Conflict
            : outcome->refusal == PushRefusal::Malformed ? Status::BadRequest : Status::UnprocessableEntity;
        return failure(status, outcome->refusalMessage);
    }
    }
    return Reply{Status::Ok, QJsonObject{{QStringLiteral("highestSequence"), double(outcome->highestSequence)},
                                         {QStringLiteral("stored"), outcome->stored},
                                         {QStringLiteral("alreadyStored"), outcome->alreadyStored},
                                         {QStringLiteral("exceptions"), outcome->exceptions}}};
}

SyncServer::Reply SyncServer::pull(const QString &terminalId, const QByteArray &body)
{
    std::variant<QJsonObject, QString> parsed = parseObject(body);
    if (auto *problem = std::get_if<QString>(&parsed))
        return failure(Status::BadRequest, *problem);
    const QJsonObject object = std::get<QJsonObject>(parsed);
    const QJsonValue knownValue = object.value(QStringLiteral("known"));
    if (!knownValue.isObject())
        return failure(Status::BadRequest,
                       QStringLiteral("\"known\" must be an object naming, per terminal, the highest sequence the till holds."));
    const QJsonObject knownObject = knownValue.toObject();
    if (knownObject.size() > Protocol::kKnownTerminalsMax)
        return failure(Status::BadRequest, QStringLiteral("\"known\" names more than %1 terminals.").arg(Protocol::kKnownTerminalsMax));
    QMap<QString, qint64> known;
    for (auto it = knownObject.begin(); it != knownObject.end(); ++it) {
        const std::optional<qint64> sequence = Protocol::integerFrom(it.value(), 0);
        if (!sequence)
            return failure(Status::BadRequest, QStringLiteral("known.%1 must be an integer of at least 0.").arg(it.key().left(40)));
        known.insert(it.key(), *sequence);
    }
    int limit = Protocol::kPullPageDefault;
    if (object.contains(QStringLiteral("limit"))) {
        const std::optional<qint64> asked = Protocol::integerFrom(object.value(QStringLiteral("limit")), 1);
        if (!asked || *asked > Protocol::kPullPageMax)
            return failure(Status::BadRequest, QStringLiteral("\"limit\" must be an integer from 1 to %1.").arg(Protocol::kPullPageMax));
        limit = int(*asked);
    }
    Core::Result<PullPage> page = m_store.pull(terminalId, known, limit);
    if (!page)
        return failure(page.error());
    return Reply::ofText(Status::Ok, Protocol::entriesJson(page->entries, page->more ? QByteArrayView(",\"more\":true")
                                                                                   : QByteArrayView(",\"more\":false")));
}

SyncServer::Reply SyncServer::pushMaster(const QHttpServerRequest &request, const Signer &signer)
{
    const QString &terminalId = signer.terminalId;
    std::variant<QJsonObject, QString> parsed = parseObject(request.body());
    if (auto *problem = std::get_if<QString>(&parsed))
        return failure(Status::BadRequest, *problem);
    const QJsonObject object = std::get<QJsonObject>(parsed);
    if (object.size() != 1 || !object.value(QStringLiteral("changes")).isArray())
        return failure(Status::BadRequest, QStringLiteral("The body must be {\"changes\": [change, …]} and nothing else."));
    const QJsonArray array = object.value(QStringLiteral("changes")).toArray();
    if (array.isEmpty() || array.size() > Protocol::kMasterPushMax)
        return failure(Status::BadRequest,
                       QStringLiteral("A push carries 1 to %1 changes; this one has %2.").arg(Protocol::kMasterPushMax).arg(array.size()));
    QList<Core::MasterChange> changes;
    changes.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        // Judged as the server: a version far ahead of its clock would drag every node's clock
        // there (core/masterdata/masterdata.h).
        Core::Result<Core::MasterChange> change =
            Protocol::masterChangeFromJson(array.at(i), QStringLiteral("changes[%1]").arg(i), Core::VersionJudge::Server);
        if (!change) {
            qCWarning(lcServer, "refused master push by terminal %s: %s", qPrintable(terminalId), qPrintable(change.message()));
            return failure(Status::BadRequest, change.message());
        }
        if (change->node != terminalId) {
            qCWarning(lcServer, "refused master push by terminal %s of a change by %s", qPrintable(terminalId), qPrintable(change->node));
            return failure(Status::Forbidden, QStringLiteral("changes[%1] was made by terminal %2; terminal %3 may push only its own changes.")
                                                  .arg(i)
                                                  .arg(change->node, terminalId));
        }
        changes.append(*change);
    }
    Core::Result<MasterPushOutcome> outcome = m_store.pushMaster(terminalId, signer.nonce, changes);
    if (!outcome) {
        qCWarning(lcServer, "refused master push by terminal %s: %s", qPrintable(terminalId), qPrintable(outcome.message()));
        return failure(outcome.error());
    }
    if (outcome->replay)
        return refuseAuthentication(request, terminalId, QStringLiteral("This request was already received once (a replay); refused."));
    return Reply{Status::Ok, QJsonObject{{QStringLiteral("stored"), outcome->stored}, {QStringLiteral("alreadyStored"), outcome->alreadyStored}}};
}

SyncServer::Reply SyncServer::pullMaster(const QString &terminalId, const QByteArray &body)
{
    std::variant<QJsonObject, QString> parsed = parseObject(body);
    if (auto *problem = std::get_if<QString>(&parsed))
        return failure(Status::BadRequest, *problem);
    const QJsonObject object = std::get<QJsonObject>(parsed);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("after") && it.key() != QLatin1String("limit"))
            return failure(Status::BadRequest, QStringLiteral("\"%1\" is not a field of a master-data pull.").arg(it.key().left(40)));
    }
    const std::optional<qint64> after = Protocol::integerFrom(object.value(QStringLiteral("after")), 0);
    if (!after)
        return failure(Status::BadRequest, QStringLiteral("\"after\" must be the cursor of the last pull (an integer of at least 0)."));
    int limit = Protocol::kMasterPullDefault;
    if (object.contains(QStringLiteral("limit"))) {
        const std::optional<qint64> asked = Protocol::integerFrom(object.value(QStringLiteral("limit")), 1);
        if (!asked || *asked > Protocol::kMasterPullMax)
            return failure(Status::BadRequest, QStringLiteral("\"limit\" must be an integer from 1 to %1.").arg(Protocol::kMasterPullMax));
        limit = int(*asked);
    }
    Core::Result<MasterPullPage> page = m_store.pullMaster(terminalId, *after, limit);
    if (!page)
        return failure(page.error());
    QJsonArray changes;
    for (const Core::MasterChange &change : page->changes)
        changes.append(Protocol::masterChangeToJson(change));
    return Reply{Status::Ok, QJsonObject{{QStringLiteral("changes"), changes},
                                         {QStringLiteral("next"), double(page->next)},
                                         {QStringLiteral("more"), page->more}}};
}

SyncServer::Reply SyncServer::listExceptions(const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    bool ok = true;
    const qint64 after = query.hasQueryItem(QStringLiteral("after")) ? query.queryItemValue(QStringLiteral("after")).toLongLong(&ok) : 0;
    if (!ok || after < 0)
        return failure(Status::BadRequest, QStringLiteral("\"after\" must be an exception id (an integer of at least 0)."));
    const int limit = query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt(&ok) : 100;
    if (!ok || limit < 1 || limit > kExceptionsPageMax)
        return failure(Status::BadRequest, QStringLiteral("\"limit\" must be an integer from 1 to %1.").arg(kExceptionsPageMax));
    Core::Result<QList<SyncException>> rows = m_store.exceptions(after, limit);
    if (!rows)
        return failure(rows.error());
    QJsonArray array;
    for (const SyncException &row : *rows)
        array.append(exceptionToJson(row));
    return Reply{Status::Ok, QJsonObject{{QStringLiteral("exceptions"), array}}};
}

QJsonObject exceptionToJson(const SyncException &row)
{
    return QJsonObject{{QStringLiteral("id"), double(row.id)},
                       {QStringLiteral("kind"), row.kind},
                       {QStringLiteral("customerId"), row.customerId},
                       {QStringLiteral("account"), row.account},
                       {QStringLiteral("currency"), row.currency},
                       {QStringLiteral("amountMinorUnits"), double(row.amountMinorUnits)},
                       {QStringLiteral("entryId"), row.entryId},
                       {QStringLiteral("terminalId"), row.terminalId},
                       {QStringLiteral("entries"), QJsonArray::fromStringList(row.entryIds)},
                       {QStringLiteral("detail"), row.detail},
                       {QStringLiteral("createdUtc"), Core::timestampText(row.createdUtc)}};
}

} // namespace Slate::Sync
