#pragma once
// HttpTransport: the till's HTTP/1.1 connection to the sync server, one exchange at a time over
// one kept-alive TCP (or TLS) connection with TCP_NODELAY.
//
// Why not QNetworkAccessManager: it never sets TCP_NODELAY (Qt leaves it commented out in
// QHttpNetworkConnectionChannel) and gives no way to reach its socket, so the last partial
// segment of every push body waited for the server's delayed ACK: 40 ms of a 70 ms push of
// 1,000 entries on loopback. Here a request is written with one write (head and body) on a
// socket with Nagle's algorithm off.
//
// What it speaks: a request with a body and Content-Length; answers with Content-Length,
// chunked transfer coding, or a body that ends when the server closes. Bounded: an answer's
// head may have at most 64 KiB, its body kAnswerBodyMax, a chunk-size or trailer line 4 KiB.
// Interim answers (1xx) are skipped. A request with no progress for the
// timeout is abandoned, and so is its connection.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <utility>

class QTcpSocket;
class QTimer;

namespace Slate::Sync {

struct HttpAnswer {
    int status = 0;       // the HTTP status; 0 when no whole answer came
    QByteArray body;      // the answer's body (whole answers only)
    QString error;        // why there is no answer (status 0): refused, timed out, TLS, cut off…
    bool partial = false; // status 0 after some of the answer had arrived (cut off mid-answer)
};

class HttpTransport : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kAnswerHeadMax = 64 * 1024;
    static constexpr qint64 kAnswerBodyMax = 64 * 1024 * 1024;
    static constexpr qint64 kAnswerLineMax = 4096; // a chunk-size or trailer line

    using Header = std::pair<QByteArray, QByteArray>;
    using OnAnswer = std::function<void(const HttpAnswer &answer)>;

    explicit HttpTransport(QObject *parent = nullptr);
    ~HttpTransport() override;

    // Trusted besides the system's CAs for https:// servers.
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    // No progress (bytes written or read) for this long abandons the exchange.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // Sends METHOD TARGET to server (http:// or https://; its path is ignored). onAnswer runs
    // once, from the event loop, never from inside this call. Refused (as an answer with an
    // error) while another exchange is in hand.
    void send(const QUrl &server, const QByteArray &method, const QByteArray &target, const QList<Header> &headers,
              const QByteArray &body, OnAnswer onAnswer);
    bool busy() const { return bool(m_onAnswer); }
    // Ends the exchange in hand as if the connection had been cut.
    void abort();

signals:
    // For instruments (bench_sync): an exchange was handed to the socket, and its answer (or its
    // failure, status 0) is about to be handled.
    void exchangeStarted(const QByteArray &target);
    void exchangeFinished(const QByteArray &target, int status);

private:
    void connectTo(const QUrl &server);
    void writeRequest();
    void readAnswer();
    bool parseHead();
    bool parseBody(bool closed);
    bool lineTooLong();
    void finish(HttpAnswer answer, bool keepConnection);
    void fail(const QString &error);
    void dropConnection();

    QList<QSslCertificate> m_caCertificates;
    int m_timeoutMs = 30000;

    QPointer<QTcpSocket> m_socket;
    QString m_connectedTo; // scheme://host:port of m_socket
    QTimer *m_timer;

    // The exchange in hand.
    OnAnswer m_onAnswer;
    QByteArray m_target;
    QByteArray m_request;
    QByteArray m_buffer;
    bool m_received = false; // some of the answer has arrived
    bool m_headDone = false;
    int m_status = 0;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_closeAfter = false;
    QByteArray m_body;
    qint64 m_chunkLeft = -1; // chunked: bytes left of the current chunk (-1: read a size line next)
};

} // namespace Slate::Sync
