#pragma once
// SyncServer: slate-server's HTTP/1.1 endpoint (QtHttpServer). It checks each request's size,
// route and signature, turns the JSON into calls on a ServerStore and the results back into JSON.
// Every refusal is a 4xx with {"error": {"code", "message"}} and changes nothing; refused
// authentication is logged with the peer's address. See sync/PROTOCOL.md.

#include "server/serverconfig.h"
#include "server/serverstore.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QSslConfiguration>

#include <optional>

#include <variant>

namespace Slate::Sync {

// The JSON form of an exception, as /v1/exceptions and slate-server exceptions print it.
QJsonObject exceptionToJson(const SyncException &exception);

class SyncServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit SyncServer(ServerStore &store, QObject *parent = nullptr);

    // Serves HTTPS with this PEM certificate (chain) and unencrypted PEM key; call before listenOn.
    Core::Result<void> enableTls(const QString &certificateFile, const QString &keyFile);
    // The bounds on connections; call before listenOn.
    void setLimits(const ConnectionLimits &limits) { m_limits = limits; }
    // Listens on address:port (port 0: a free port); the port listened on, or an error.
    Core::Result<quint16> listenOn(const QHostAddress &address, quint16 port);

    struct Reply {
        Reply() = default;
        Reply(QHttpServerResponder::StatusCode status, QJsonObject body) : status(status), body(std::move(body)) {}
        // A body already written as JSON text (a pull page), sent instead of `body`.
        static Reply ofText(QHttpServerResponder::StatusCode status, QByteArray text)
        {
            Reply reply(status, {});
            reply.text = std::move(text);
            return reply;
        }
        QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok;
        QJsonObject body;
        QByteArray text;
    };

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static Reply failure(QHttpServerResponder::StatusCode status, const QString &message);
    static Reply failure(const Core::Error &error);
    Reply route(const QHttpServerRequest &request);
    Reply health();
    // A 426 refusal naming both protocols when the request does not speak this server's.
    static std::optional<Reply> refuseOtherProtocol(const QHttpServerRequest &request);
    Reply enroll(const QHttpServerRequest &request);
    // An authenticated request: who signed it and the nonce it spends.
    struct Signer {
        QString terminalId;
        QByteArray nonce;
    };
    Reply push(const QHttpServerRequest &request, const Signer &signer);
    Reply pull(const QString &terminalId, const QByteArray &body);
    Reply pushMaster(const QHttpServerRequest &request, const Signer &signer);
    Reply pullMaster(const QString &terminalId, const QByteArray &body);
    Reply listExceptions(const QHttpServerRequest &request);
    // The signer of a correctly signed request, or the refusal to send. The nonce is not spent
    // yet: a request that writes spends it in its own transaction, so that a replay of it can
    // never be half-applied; one that reads spends it first (spendNonce).
    std::variant<Signer, Reply> authenticate(const QHttpServerRequest &request);
    std::optional<Reply> spendNonce(const QHttpServerRequest &request, const Signer &signer);
    Reply refuseAuthentication(const QHttpServerRequest &request, const QString &terminalId, const QString &reason);

    ServerStore &m_store;
    std::optional<QSslConfiguration> m_tls;
    ConnectionLimits m_limits;
};

} // namespace Slate::Sync
