#pragma once
// Times each HTTP exchange of a SyncClient from the till's side, with nothing but Qt's public
// API: an exchange starts when the client hands a request to its QNetworkAccessManager (the
// reply object is created as the manager's child) and ends when the manager reports the reply
// finished, in the till's event loop. So a figure includes the request's trip through the
// loopback, the server's work, the answer's trip back and Qt's delivery, and nothing of the
// client's own work before or after (JSON encoding, reading and storing entries).
//
// cutAfterPush() aborts the first request of a round that follows its push phase (the
// master-data pull), so a round pushes and then ends as if the connection were cut; the pushed
// entries are confirmed and recorded by then. bench_sync uses it to measure pushing alone.
// onAnswer() is told the path of each answer before the client handles it, so that work done
// in the client's handler (storing a pulled page) can be attributed to that request.

#include "client/syncclient.h"

#include <QChildEvent>
#include <QNetworkAccessManager>
#include <QNetworkReply>
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
    explicit RequestTimer(Sync::SyncClient &client) : m_network(client.findChild<QNetworkAccessManager *>())
    {
        if (!m_network)
            qFatal("bench: the SyncClient has no QNetworkAccessManager to time");
        m_network->installEventFilter(this);
        connect(m_network, &QNetworkAccessManager::finished, this, [this](QNetworkReply *reply) {
            const qint64 now = monotonicNs();
            const QString path = reply->url().path();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            m_exchanges.append(Exchange{path, m_started.take(reply), now, status});
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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_network && event->type() == QEvent::ChildAdded) {
            // The child is still being constructed: note the time now, look at it later.
            QObject *child = static_cast<QChildEvent *>(event)->child();
            m_started.insert(child, monotonicNs());
            if (m_cut) {
                QTimer::singleShot(0, this, [this, reply = QPointer<QObject>(child)] {
                    auto *network = qobject_cast<QNetworkReply *>(reply.data());
                    if (network && !network->isFinished() && network->url().path() == QLatin1String("/v1/master/pull")
                        && !exchangesTo(QStringLiteral("/v1/push")).isEmpty())
                        network->abort();
                });
            }
        }
        return false;
    }

private:
    QNetworkAccessManager *m_network;
    QHash<QObject *, qint64> m_started;
    QList<Exchange> m_exchanges;
    std::function<void(const QString &)> m_onAnswer;
    bool m_cut = false;
};

} // namespace Slate::Bench
