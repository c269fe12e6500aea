#pragma once
// Times each HTTP exchange of a SyncClient from the till's side, through the signals of its
// HttpTransport: an exchange starts when the client hands a request to the transport (just
// before it is written to the kept-alive socket) and ends when the transport has the whole
// answer (or its failure), in the till's event loop, before the client handles it. So a figure
// includes the request's trip through the loopback, the server's work, the answer's trip back
// and Qt's delivery, and nothing of the client's own work before or after (JSON encoding,
// reading and storing entries).
//
// cutAfterPush() aborts the first request of a round that follows its push phase (the
// master-data pull), so a round pushes and then ends as if the connection were cut; the pushed
// entries are confirmed and recorded by then. bench_sync uses it to measure pushing alone.
// onAnswer() is told the path of each answer before the client handles it, so that work done
// in the client's handler (storing a pulled page) can be attributed to that request.

#include "client/httptransport.h"
#include "client/syncclient.h"

#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Slate::Bench {

inline qint64 monotonicNs()
{
    // steady_clock is CLOCK_MONOTONIC on Linux: one time line for every process of the machine.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Exchange {
    QString path;
    qint64 startNs = 0;
    qint64 endNs = 0;
    int status = 0; // HTTP status; 0 when cut
    double ms() const { return double(endNs - startNs) / 1e6; }
};

class RequestTimer : public QObject {
public:
    explicit RequestTimer(Sync::SyncClient &client) : m_transport(client.findChild<Sync::HttpTransport *>())
    {
        if (!m_transport)
            qFatal("bench: the SyncClient has no HttpTransport to time");
        connect(m_transport, &Sync::HttpTransport::exchangeStarted, this, [this](const QByteArray &target) {
            m_startNs = monotonicNs();
            if (m_cut && pathOf(target) == QLatin1String("/v1/master/pull") && !exchangesTo(QStringLiteral("/v1/push")).isEmpty()) {
                // Not from inside send(): the transport answers from the event loop only.
                QTimer::singleShot(0, this, [transport = QPointer<Sync::HttpTransport>(m_transport)] {
                    if (transport && transport->busy())
                        transport->abort();
                });
            }
        });
        connect(m_transport, &Sync::HttpTransport::exchangeFinished, this, [this](const QByteArray &target, int status) {
            const qint64 now = monotonicNs();
            const QString path = pathOf(target);
            m_exchanges.append(Exchange{path, m_startNs, now, status});
            if (m_onAnswer)
                m_onAnswer(path);
        });
    }

    void cutAfterPush() { m_cut = true; }
    void onAnswer(std::function<void(const QString &path)> callback) { m_onAnswer = std::move(callback); }
    const QList<Exchange> &exchanges() const { return m_exchanges; }
    QList<Exchange> exchangesTo(const QString &path) const
    {
        QList<Exchange> result;
        for (const Exchange &exchange : m_exchanges) {
            if (exchange.path == path)
                result.append(exchange);
        }
        return result;
    }

private:
    static QString pathOf(const QByteArray &target)
    {
        const qsizetype query = target.indexOf('?');
        return QString::fromLatin1(query < 0 ? target : target.left(query));
    }

    QPointer<Sync::HttpTransport> m_transport;
    qint64 m_startNs = 0; // one exchange at a time
    QList<Exchange> m_exchanges;
    std::function<void(const QString &)> m_onAnswer;
    bool m_cut = false;
};

} // namespace Slate::Bench
