#pragma once
// SyncClient: one sync round of a till with the server, on the event loop (never blocking):
// enrol with a one-time code if asked, push this till's master-data changes (customers, terms,
// users, products, tax codes, settings) and then its unpushed entries in bounded batches, then
// pull other terminals' master-data changes and entries page by page and store them. Each step's database work is
// one short transaction; the till records how far the server confirmed only after the server's
// answer, so an interrupted round simply resumes and a resent batch changes nothing.

#include "ledger/journal.h"
#include "client/httptransport.h"
#include "client/tillsyncstate.h"

namespace Slate::Core {
class Store;
}

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <optional>


namespace Slate::Sync {

enum class RoundFailure {
    None,
    Network, // no answer: server unreachable, timed out, connection cut, or busy (503)
    Refused, // the server answered with a refusal (4xx/5xx); the message is the server's
    Local,   // this till's database or state prevents the round
};

struct RoundReport {
    qint64 pushed = 0;         // own entries new to the server
    qint64 alreadyStored = 0;  // own entries the server already had (a resend)
    qint64 pulled = 0;         // other terminals' entries stored here
    qint64 quarantined = 0;    // other terminals' entries this till could not store, put aside (core/ledger/quarantine.h)
    qint64 exceptions = 0;     // exceptions the server recorded because of this till's entries
    qint64 pushedSequence = 0; // the server holds this till's journal up to here
    qint64 masterPushed = 0;   // master-data changes of this till new to the server
    qint64 masterApplied = 0;  // other terminals' master-data changes now in force here
    qint64 masterConflicts = 0; // pulled changes that lost to a newer version or could not apply (see master_history)
    bool settingsApplied = false; // pulled checkout settings are now in force in the Store (a client over a Store only)
    bool enrolled = false;     // this round enrolled the till
};

struct RoundResult {
    RoundFailure failure = RoundFailure::None;
    QString message;
    RoundReport report;
    bool ok() const { return failure == RoundFailure::None; }
};

class SyncClient : public QObject {
    Q_OBJECT
public:
    SyncClient(Core::Database &database, Core::Journal &journal, QObject *parent = nullptr);
    // As above, and pulled settings take effect in this store at once (Store::setCheckoutSettings).
    explicit SyncClient(Core::Store &store, QObject *parent = nullptr);

    void setServer(const QUrl &url) { m_server = url; }
    void setStore(Core::Store &store) { m_store = &store; }
    // Trusts the CA certificates in this PEM file for an https:// server (besides the system's),
    // e.g. a shop's own CA or the server's self-signed certificate. The first round that reaches
    // the server with them (the enrolment) remembers them in the till's database, so that later
    // rounds trust them without --ca-file or $SLATE_SYNC_CA_FILE; without any of the three, only
    // the system's CAs are trusted.
    Core::Result<void> setCaFile(const QString &path);
    void setPushBatch(int entries);   // 1 .. Protocol::kPushBatchMax
    void setPullPage(int entries);    // 1 .. Protocol::kPullPageMax
    void setTimeoutMs(int timeoutMs); // per request

    // Starts one round; finished() follows. With an enrolment code the round enrols first.
    // Refused (and reported through finished()) while a round is running.
    void start(const QString &enrolmentCode = QString());
    bool busy() const { return m_busy; }

    // Reads the server's exceptions for the back office (signed GET /v1/exceptions, page by page,
    // at most pagesMax pages); exceptionsListed() follows.
    void listExceptions(int pagesMax = 100);

signals:
    void finished(const Slate::Sync::RoundResult &result);
    // The exceptions as the server sent them (PROTOCOL.md), or a failure with its message.
    void exceptionsListed(const QJsonArray &exceptions, const Slate::Sync::RoundResult &result);

private:
    using OnAnswer = std::function<void(const QJsonObject &answer)>;
    using OnBody = std::function<void(const QByteArray &body)>; // an answer of 200, as its text
    // Asks /v1/health for the server's protocol; runs `then` when it is this till's, else ends
    // the round with a message naming both.
    void checkProtocol(const std::function<void()> &then);
    void enroll(const QString &code);
    // One push request, read and encoded: the entries after sequence `after`, at most `batch`.
    struct PreparedPush {
        qint64 after = 0;
        int batch = 0; // as many entries as were asked for (halved until the body fits)
        qint64 lastSequence = 0;
        QByteArray payload;
    };
    Core::Result<PreparedPush> preparePush(qint64 after, int batch) const;
    void pushNext(int batch, int roundsLeft);
    void pullNext(int pagesLeft);
    void pushMasterNext(int roundsLeft);
    void pullMasterNext(int pagesLeft);
    void send(const QString &path, const QJsonObject &body, bool sign, const OnAnswer &onAnswer);
    void sendRequest(const QByteArray &method, const QString &pathAndQuery, const QByteArray &payload, bool sign,
                     const OnBody &onAnswer, const std::function<void(RoundFailure, const QString &)> &onFailure);
    void listExceptionsAfter(qint64 after, int pagesLeft);
    void done(RoundFailure failure, const QString &message);

    Core::Database &m_database;
    Core::Journal &m_journal;
    Core::Store *m_store = nullptr; // optional
    HttpTransport *m_transport;
    std::optional<PreparedPush> m_nextPush; // prepared while the server stores the previous push
    QUrl m_server;
    TillSyncState m_state;
    RoundReport m_report;
    QJsonArray m_exceptions;
    QList<QSslCertificate> m_caCertificates;
    bool m_caGiven = false; // set by setCaFile: remember it once a round reached the server with it
    Core::Result<void> rememberCaCertificates();
    int m_pushBatch = 200;
    int m_pullPage = 500;
    int m_timeoutMs = 30000;
    bool m_busy = false;
};

} // namespace Slate::Sync

Q_DECLARE_METATYPE(Slate::Sync::RoundResult)
