#pragma once
// Test fixtures for sync: the real slate-server as a child process on a free loopback port, a
// throwaway PostgreSQL cluster, and tills (real till databases) that sync with the server
// through the real SyncClient. No mocks: every byte goes through the network stack and the
// databases the product uses.

#include "client/protocol.h"
#include "client/syncclient.h"
#include "postgrescluster.h"
#include "teststore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

namespace Slate::Test {

inline QString serverProgram() { return QStringLiteral(SLATE_SERVER_PATH); }

// Runs a slate-server admin command to completion; its standard output, or a test failure.
inline QByteArray serverCommand(const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(serverProgram(), arguments);
    if (!process.waitForFinished(60000)) {
        qWarning("slate-server %s did not finish", qPrintable(arguments.join(u' ')));
        return {};
    }
    if (exitCode)
        *exitCode = process.exitCode();
    else if (process.exitCode() != 0)
        qWarning("slate-server %s failed: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
    return process.readAllStandardOutput().trimmed();
}

// slate-server serving one database on 127.0.0.1 with a port of its choosing.
class ServerProcess {
public:
    // With a certificate and key the server speaks HTTPS (url() then starts with https://).
    explicit ServerProcess(QString database, QString tlsCertificate = QString(), QString tlsKey = QString())
        : m_database(std::move(database)), m_tlsCertificate(std::move(tlsCertificate)), m_tlsKey(std::move(tlsKey))
    {
    }
    ~ServerProcess() { kill(); }
    // More options for serve, e.g. the connection bounds; before start().
    void setExtraArguments(QStringList arguments) { m_extraArguments = std::move(arguments); }

    bool start()
    {
        m_process.reset(new QProcess);
        // SLATE_TEST_SERVER_LOG=1 shows the server's log (one line per request) on stderr.
        m_process->setProcessChannelMode(qEnvironmentVariableIsSet("SLATE_TEST_SERVER_LOG") ? QProcess::ForwardedErrorChannel
                                                                                            : QProcess::SeparateChannels);
        QStringList arguments{QStringLiteral("serve"), QStringLiteral("--db"), m_database, QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0")};
        if (!m_tlsCertificate.isEmpty())
            arguments << QStringLiteral("--tls-cert") << m_tlsCertificate << QStringLiteral("--tls-key") << m_tlsKey;
        arguments << m_extraArguments;
        m_process->start(serverProgram(), arguments);
        if (!m_process->waitForStarted(10000))
            return false;
        for (int i = 0; i < 200 && !m_process->canReadLine(); ++i)
            m_process->waitForReadyRead(100);
        const QByteArray line = m_process->readLine();
        const qsizetype colon = line.indexOf("127.0.0.1:");
        if (colon < 0) {
            qWarning("slate-server did not start: %s %s", line.constData(), m_process->readAllStandardError().constData());
            return false;
        }
        m_port = quint16(line.mid(colon + 10).split(' ').first().toUInt());
        return m_port != 0;
    }
    // SIGKILL: no chance to finish anything.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https")).arg(m_port));
    }
    QByteArray log() { return m_process ? m_process->readAllStandardError() : QByteArray(); }
    const QString &database() const { return m_database; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

private:
    QString m_database;
    QString m_tlsCertificate;
    QString m_tlsKey;
    QStringList m_extraArguments;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// A till: a real till database and a SyncClient.
class Till {
public:
    explicit Till(const QString &terminalId) : m_store(QStringLiteral("NOK"), terminalId) {}

    Core::Store &store() { return *m_store; }
    Core::Database &database() { return m_store->database(); }
    const QString &path() const { return m_store.path(); }
    // Closes the database and keeps the file, e.g. for the real app to open it.
    void close() { m_store.close(); }
    // The CA certificates (PEM) the till trusts for an https:// server.
    void setCaFile(const QString &path) { m_caFile = path; }
    Core::Money money(const QString &text) const { return m_store.money(text); }

    // One sync round through the real client; the result (waits up to timeoutMs).
    Sync::RoundResult sync(const QUrl &server, const QString &enrolmentCode = QString(), int pushBatch = 200, int timeoutMs = 60000)
    {
        Sync::SyncClient client(*m_store);
        client.setServer(server);
        if (!m_caFile.isEmpty() && !client.setCaFile(m_caFile).ok())
            qWarning("cannot read CA file %s", qPrintable(m_caFile));
        client.setPushBatch(pushBatch);
        QSignalSpy spy(&client, &Sync::SyncClient::finished);
        client.start(enrolmentCode);
        if (spy.isEmpty() && !spy.wait(timeoutMs))
            return Sync::RoundResult{Sync::RoundFailure::Network, QStringLiteral("the round did not finish in time"), {}};
        return spy.first().first().value<Sync::RoundResult>();
    }

    // A new customer on this till (it reaches other tills by master-data sync).
    Core::Customer addCustomer(const QString &card)
    {
        auto added = m_store->customers().add(Core::NewCustomer{card, QString(QStringLiteral("Customer ") + card), {}, {}});
        if (!added)
            qFatal("cannot add customer %s: %s", qPrintable(card), qPrintable(added.message()));
        return *added;
    }

    // Every account's balance on this till, as "account" -> minor units (zero balances left out).
    QMap<QString, qint64> balances()
    {
        QMap<QString, qint64> result;
        for (const Core::AccountBalance &row : *m_store->journal().balances()) {
            if (!row.balance.isZero())
                result.insert(row.account, row.balance.minorUnits());
        }
        return result;
    }

    QByteArray secret()
    {
        auto state = Sync::TillSync::load(m_store->database());
        return state ? state->secret : QByteArray();
    }

private:
    TestStore m_store;
    QString m_caFile;
};

// The server's balances through `slate-server balances`, as "account" -> minor units.
inline QMap<QString, qint64> serverBalances(const QString &database)
{
    const QJsonObject all = QJsonDocument::fromJson(serverCommand({QStringLiteral("balances"), QStringLiteral("--db"), database})).object();
    QMap<QString, qint64> result;
    const Core::Currency nok = *Core::Currency::fromCode(u"NOK");
    for (auto it = all.begin(); it != all.end(); ++it) {
        auto money = Core::Money::parse(it.value().toString().section(u' ', 0, 0), nok);
        result.insert(it.key(), money ? money->minorUnits() : 0);
    }
    return result;
}

inline QJsonArray serverExceptions(const QString &database)
{
    return QJsonDocument::fromJson(serverCommand({QStringLiteral("exceptions"), QStringLiteral("--db"), database, QStringLiteral("--json")}))
        .array();
}

inline QString enrolmentCode(const QString &database, const QString &terminalId)
{
    return QString::fromUtf8(serverCommand({QStringLiteral("enroll"), QStringLiteral("--db"), database, QStringLiteral("--store"),
                                            QStringLiteral("S1"), QStringLiteral("--terminal"), terminalId}));
}

struct HttpAnswer {
    int status = 0; // 0: no HTTP answer (connection cut)
    QJsonObject body;
    QString errorCode() const { return body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
    QString message() const { return body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(); }
};

// One raw HTTP request with exactly the headers given.
inline HttpAnswer httpRequest(const QUrl &url, const QByteArray &method, const QByteArray &body,
                              const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(30000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      QJsonDocument::fromJson(reply->readAll()).object()};
    delete reply;
    return answer;
}

struct SignedRequest {
    QString terminalId;
    QByteArray secret;
    qint64 timestampMs = QDateTime::currentMSecsSinceEpoch();
    QByteArray nonce = Sync::Protocol::newNonce();
};

// The headers of a correctly signed POST (or of a forged one, if the fields are wrong).
inline QList<std::pair<QByteArray, QByteArray>> signedHeaders(const SignedRequest &signer, const QByteArray &path,
                                                              const QByteArray &body, const QString &headerTerminal = QString())
{
    using namespace Sync::Protocol;
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
            {kProtocolHeader, QByteArray::number(kProtocolVersion)},
            {kTerminalHeader, (headerTerminal.isEmpty() ? signer.terminalId : headerTerminal).toUtf8()},
            {kTimestampHeader, QByteArray::number(signer.timestampMs)},
            {kNonceHeader, signer.nonce},
            {kSignatureHeader,
             signature(signer.secret, signingInput(QByteArrayLiteral("POST"), path, signer.terminalId, signer.timestampMs, signer.nonce, body))}};
}

inline qint64 serverEntries(const QUrl &server)
{
    QUrl url = server;
    url.setPath(QStringLiteral("/v1/health"));
    return qint64(httpRequest(url, QByteArrayLiteral("GET"), {}, {}).body.value(QStringLiteral("entries")).toDouble(-1));
}

} // namespace Slate::Test
