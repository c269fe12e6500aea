#include "client/syncclient.h"

#include "ledger/foreignentries.h"
#include "ledger/quarantine.h"
#include "masterdata/masterdata.h"
#include "client/protocol.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

namespace Slate::Sync {

namespace {
// An answer read as a JSON object, for the requests whose answers are small.
auto asJson(std::function<void(const QJsonObject &)> onAnswer)
{
    return [onAnswer = std::move(onAnswer)](const QByteArray &body) { onAnswer(QJsonDocument::fromJson(body).object()); };
}
} // namespace

namespace {

constexpr int kPushRoundsMax = 100000; // bounds one round: 100000 batches
constexpr int kPullPagesMax = 1000;    // a round stops after this many pages; the next resumes

} // namespace

SyncClient::SyncClient(Core::Database &database, Core::Journal &journal, QObject *parent)
    : QObject(parent), m_database(database), m_journal(journal), m_transport(new HttpTransport(this))
{
    qRegisterMetaType<Slate::Sync::RoundResult>();
    if (const QString caFile = qEnvironmentVariable("SLATE_SYNC_CA_FILE"); !caFile.isEmpty()) {
        if (auto loaded = setCaFile(caFile); !loaded)
            qWarning("slate sync: %s", qPrintable(loaded.message()));
    } else if (const Core::Result<QByteArray> remembered = TillSync::caCertificates(m_database); remembered && !remembered->isEmpty()) {
        // What an earlier round (the enrolment) was given and reached the server with.
        m_caCertificates = QSslCertificate::fromData(*remembered, QSsl::Pem);
    }
}

Core::Result<void> SyncClient::setCaFile(const QString &path)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty())
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               tr("%1 holds no PEM certificate; give the CA certificate that signed the server's.").arg(path));
    m_caCertificates = certificates;
    m_caGiven = true;
    return {};
}

Core::Result<void> SyncClient::rememberCaCertificates()
{
    // Only a CA that has just verified the server (the health check passed over it) is kept.
    if (!m_caGiven || m_server.scheme() != QLatin1String("https"))
        return {};
    QByteArray pem;
    for (const QSslCertificate &certificate : std::as_const(m_caCertificates))
        pem += certificate.toPem();
    m_caGiven = false;
    return TillSync::saveCaCertificates(m_database, pem);
}

SyncClient::SyncClient(Core::Store &store, QObject *parent) : SyncClient(store.database(), store.journal(), parent)
{
    m_store = &store;
}

void SyncClient::setPushBatch(int entries) { m_pushBatch = qBound(1, entries, Protocol::kPushBatchMax); }
void SyncClient::setPullPage(int entries) { m_pullPage = qBound(1, entries, Protocol::kPullPageMax); }
void SyncClient::setTimeoutMs(int timeoutMs) { m_timeoutMs = qBound(100, timeoutMs, 10 * 60 * 1000); }

void SyncClient::start(const QString &enrolmentCode)
{
    if (m_busy) {
        emit finished(RoundResult{RoundFailure::Local, tr("A sync round is already running."), {}});
        return;
    }
    m_busy = true;
    m_report = RoundReport();
    Core::Result<TillSyncState> state = TillSync::load(m_database);
    if (!state)
        return done(RoundFailure::Local, state.message());
    m_state = *state;
    if (m_server.isEmpty())
        m_server = m_state.serverUrl;
    if (!m_server.isValid() || (m_server.scheme() != QLatin1String("http") && m_server.scheme() != QLatin1String("https"))
        || m_server.host().isEmpty())
        return done(RoundFailure::Local, tr("No sync server is set; give one like http://server:8470."));
    if (enrolmentCode.isEmpty() && !m_state.enrolled())
        return done(RoundFailure::Local, tr("This till is not enrolled; ask the back office for an enrolment code "
                                            "(slate-server enroll) and sync with --enroll CODE."));
    checkProtocol([this, enrolmentCode] {
        if (!enrolmentCode.isEmpty())
            return enroll(enrolmentCode);
        if (auto remembered = rememberCaCertificates(); !remembered)
            return done(RoundFailure::Local, remembered.message());
        if (m_state.serverUrl != m_server) {
            if (auto saved = TillSync::setServer(m_database, m_server); !saved)
                return done(RoundFailure::Local, saved.message());
        }
        pushMasterNext(kPushRoundsMax);
    });
}

void SyncClient::checkProtocol(const std::function<void()> &then)
{
    // Before anything is sent: a server of another protocol would misread this till's master
    // data, or send its own in a form this till cannot read.
    sendRequest(
        QByteArrayLiteral("GET"), QStringLiteral("/v1/health"), {}, false,
        asJson([this, then](const QJsonObject &answer) {
            const std::optional<qint64> theirs = Protocol::integerFrom(answer.value(QStringLiteral("protocol")), 1);
            if (theirs && *theirs == Protocol::kProtocolVersion)
                return then();
            const QString server = m_server.toString();
            if (!theirs)
                return done(RoundFailure::Refused, tr("The server at %1 does not say which sync protocol it speaks; this till "
                                                      "speaks protocol %2. Nothing was sent.")
                                                       .arg(server)
                                                       .arg(Protocol::kProtocolVersion));
            done(RoundFailure::Refused,
                 tr("The server at %1 speaks sync protocol %2; this till speaks protocol %3. Nothing was sent; update %4 so "
                    "that both speak protocol %5.")
                     .arg(server)
                     .arg(*theirs)
                     .arg(Protocol::kProtocolVersion)
                     .arg(*theirs < Protocol::kProtocolVersion ? tr("slate-server") : tr("this till (Slate)"))
                     .arg(qMax<qint64>(*theirs, Protocol::kProtocolVersion)));
        }),
        [this](RoundFailure failure, const QString &message) { done(failure, message); });
}

void SyncClient::enroll(const QString &code)
{
    // Kept on disk before it is sent: if the answer is lost, the next round with this code sends
    // the same value and the server answers the same secret again.
    Core::Result<QString> request = TillSync::pendingEnrolmentRequest(m_database, code);
    if (!request)
        return done(RoundFailure::Local, request.message());
    const QJsonObject body{{QStringLiteral("code"), code}, {QStringLiteral("request"), *request}};
    send(QStringLiteral("/v1/enroll"), body, false, [this](const QJsonObject &answer) {
        const QString terminal = answer.value(QStringLiteral("terminalId")).toString();
        const QString store = answer.value(QStringLiteral("storeCode")).toString();
        const QByteArray secret = QByteArray::fromBase64(answer.value(QStringLiteral("secret")).toString().toLatin1());
        const Core::StoreIdentity &identity = m_journal.identity();
        if (secret.size() != Protocol::kSecretSize)
            return done(RoundFailure::Refused, tr("The server's enrolment answer has no valid secret."));
        if (terminal != identity.terminalId || store != identity.storeCode)
            return done(RoundFailure::Local,
                        tr("The enrolment code is for terminal %1 of store %2, but this till is terminal %3 of store %4; "
                           "ask for a code for this till. The code is now used up.")
                            .arg(terminal, store, identity.terminalId, identity.storeCode));
        if (auto saved = TillSync::saveEnrolment(m_database, m_server, terminal, secret); !saved)
            return done(RoundFailure::Local, saved.message());
        // Remembered with the server, so that later rounds need no --ca-file.
        if (auto remembered = rememberCaCertificates(); !remembered)
            return done(RoundFailure::Local, remembered.message());
        m_state.serverUrl = m_server;
        m_state.terminalId = terminal;
        m_state.secret = secret;
        m_report.enrolled = true;
        pushMasterNext(kPushRoundsMax);
    });
}

Core::Result<SyncClient::PreparedPush> SyncClient::preparePush(qint64 after, int batch) const
{
    const QString own = m_journal.identity().terminalId;
    for (;;) {
        Core::Result<QList<Core::JournalEntry>> entries = Core::ForeignEntries::entriesAfter(m_database, own, after, batch);
        if (!entries)
            return entries.error();
        QByteArray payload = Protocol::entriesJson(*entries);
        // Entries with many postings can make a batch too large for one request: halve it.
        if (batch > 1 && payload.size() > Protocol::kRequestBodyMax) {
            batch /= 2;
            continue;
        }
        const qint64 last = entries->isEmpty() ? after : entries->last().sequence;
        return PreparedPush{after, batch, last, std::move(payload)};
    }
}

void SyncClient::pushNext(int batch, int roundsLeft)
{
    const QString own = m_journal.identity().terminalId;
    Core::Result<Core::ChainTip> tip = Core::ForeignEntries::chainTip(m_database, own);
    if (!tip)
        return done(RoundFailure::Local, tip.message());
    Core::Result<TillSyncState> state = TillSync::load(m_database);
    if (!state)
        return done(RoundFailure::Local, state.message());
    m_report.pushedSequence = state->pushedSequence;
    std::optional<PreparedPush> prepared = std::exchange(m_nextPush, std::nullopt);
    if (state->pushedSequence >= tip->sequence || roundsLeft <= 0)
        return pullMasterNext(kPullPagesMax);
    // The batch prepared while the server stored the previous one, if it still starts where the
    // server now is (entries are append-only: what follows a sequence never changes).
    if (!prepared || prepared->after != state->pushedSequence || prepared->batch > batch) {
        Core::Result<PreparedPush> fresh = preparePush(state->pushedSequence, batch);
        if (!fresh)
            return done(RoundFailure::Local, fresh.message());
        prepared = std::move(*fresh);
    }
    const qint64 lastSent = prepared->lastSequence;
    const qint64 ownTip = tip->sequence;
    sendRequest(QByteArrayLiteral("POST"), QStringLiteral("/v1/push"), prepared->payload, true,
                asJson([this, batch, roundsLeft, lastSent, ownTip](const QJsonObject &answer) {
        const std::optional<qint64> highest = Protocol::integerFrom(answer.value(QStringLiteral("highestSequence")), 0);
        if (!highest)
            return done(RoundFailure::Refused, tr("The server's push answer has no highest sequence."));
        if (*highest > ownTip)
            return done(RoundFailure::Local,
                        tr("The server holds this till's journal up to sequence %1, but this till only up to %2: this "
                           "database is older than what it already sent (restored from a backup?). Stop using it and "
                           "call support.")
                            .arg(*highest)
                            .arg(ownTip));
        if (*highest < lastSent)
            return done(RoundFailure::Refused, tr("The server confirmed sequence %1 of a push up to %2.").arg(*highest).arg(lastSent));
        m_report.pushed += answer.value(QStringLiteral("stored")).toInt();
        m_report.alreadyStored += answer.value(QStringLiteral("alreadyStored")).toInt();
        m_report.exceptions += answer.value(QStringLiteral("exceptions")).toInt();
        if (auto saved = TillSync::setPushedSequence(m_database, *highest); !saved)
            return done(RoundFailure::Local, saved.message());
        pushNext(batch, roundsLeft - 1);
    }), [this](RoundFailure failure, const QString &message) { done(failure, message); });
    // The request is on its way: read and encode the next batch while the server stores this one.
    // A failure here is not the round's: pushNext prepares afresh and reports it then.
    if (lastSent < ownTip) {
        if (Core::Result<PreparedPush> next = preparePush(lastSent, batch); next)
            m_nextPush = std::move(*next);
    }
}

void SyncClient::pushMasterNext(int roundsLeft)
{
    // Master data first: the server judges the entries that follow by the terms they carry.
    Core::Result<QList<Core::MasterChange>> changes = Core::MasterData::unpushed(m_database, Protocol::kMasterPushMax / 4);
    if (!changes)
        return done(RoundFailure::Local, changes.message());
    if (changes->isEmpty() || roundsLeft <= 0)
        return pushNext(m_pushBatch, kPushRoundsMax);
    QJsonArray array;
    for (const Core::MasterChange &change : *changes)
        array.append(Protocol::masterChangeToJson(change));
    const qint64 last = changes->last().position;
    send(QStringLiteral("/v1/master/push"), QJsonObject{{QStringLiteral("changes"), array}}, true,
         [this, last, roundsLeft](const QJsonObject &answer) {
             m_report.masterPushed += answer.value(QStringLiteral("stored")).toInt();
             if (auto saved = Core::MasterData::markPushed(m_database, last); !saved)
                 return done(RoundFailure::Local, saved.message());
             pushMasterNext(roundsLeft - 1);
         });
}

void SyncClient::pullMasterNext(int pagesLeft)
{
    if (pagesLeft <= 0)
        return pullNext(kPullPagesMax);
    Core::Result<qint64> cursor = Core::MasterData::pullCursor(m_database);
    if (!cursor)
        return done(RoundFailure::Local, cursor.message());
    send(QStringLiteral("/v1/master/pull"),
         QJsonObject{{QStringLiteral("after"), double(*cursor)}, {QStringLiteral("limit"), qMin(m_pullPage, Protocol::kMasterPullMax)}}, true,
         [this, pagesLeft, after = *cursor](const QJsonObject &answer) {
             const QJsonArray array = answer.value(QStringLiteral("changes")).toArray();
             const std::optional<qint64> next = Protocol::integerFrom(answer.value(QStringLiteral("next")), after);
             if (array.size() > Protocol::kMasterPullMax || !next)
                 return done(RoundFailure::Refused, tr("The server's master-data page is malformed."));
             QList<Core::MasterChange> changes;
             for (qsizetype i = 0; i < array.size(); ++i) {
                 // A change this till cannot read is kept in its history by apply(), not lost.
                 Core::Result<Core::MasterChange> change = Protocol::masterChangeFromJson(array.at(i), QStringLiteral("changes[%1]").arg(i));
                 if (change) {
                     changes.append(*change);
                     continue;
                 }
                 const QJsonObject raw = array.at(i).toObject();
                 changes.append(Core::MasterChange{raw.value(QStringLiteral("kind")).toString().left(64),
                                                   raw.value(QStringLiteral("key")).toString().left(64),
                                                   Protocol::integerFrom(raw.value(QStringLiteral("version")), 0).value_or(0),
                                                   raw.value(QStringLiteral("node")).toString().left(64),
                                                   raw.value(QStringLiteral("data")).toObject(), 0});
             }
             Core::Result<Core::MasterApplyReport> applied = Core::MasterData::apply(m_database, changes, *next);
             if (!applied)
                 return done(RoundFailure::Local, applied.message());
             m_report.masterApplied += applied->applied;
             m_report.masterConflicts += applied->lost + applied->unapplied;
             if (applied->settingsChanged && m_store) {
                 Core::Result<Core::CheckoutSettings> settings = Core::StoreSettings::loadCheckout(m_database);
                 if (!settings)
                     return done(RoundFailure::Local, settings.message());
                 if (auto set = Core::MasterData::withoutRecording(
                         m_database, [this, &settings] { return m_store->setCheckoutSettings(*settings); });
                     !set)
                     return done(RoundFailure::Local, set.message());
                 m_report.settingsApplied = true;
             }
             if (answer.value(QStringLiteral("more")).toBool() && *next > after)
                 return pullMasterNext(pagesLeft - 1);
             pullNext(kPullPagesMax);
         });
}

void SyncClient::pullNext(int pagesLeft)
{
    if (pagesLeft <= 0)
        return done(RoundFailure::None, QString());
    const QString own = m_journal.identity().terminalId;
    Core::Result<QMap<QString, Core::ChainTip>> tips = Core::ForeignEntries::chainTips(m_database);
    if (!tips)
        return done(RoundFailure::Local, tips.message());
    QMap<QString, qint64> held;
    for (auto it = tips->cbegin(); it != tips->cend(); ++it) {
        if (it.key() != own)
            held.insert(it.key(), it->sequence);
    }
    // Quarantined entries count as held: the server need not send them again.
    Core::Result<QMap<QString, qint64>> quarantined = Core::Quarantine::highestSequences(m_database);
    if (!quarantined)
        return done(RoundFailure::Local, quarantined.message());
    for (auto it = quarantined->cbegin(); it != quarantined->cend(); ++it) {
        if (it.key() != own && it.value() > held.value(it.key()))
            held.insert(it.key(), it.value());
    }
    QJsonObject known;
    for (auto it = held.cbegin(); it != held.cend(); ++it)
        known.insert(it.key(), QJsonValue(it.value()));
    const QJsonObject request{{QStringLiteral("known"), known}, {QStringLiteral("limit"), m_pullPage}};
    sendRequest(QByteArrayLiteral("POST"), QStringLiteral("/v1/pull"), QJsonDocument(request).toJson(QJsonDocument::Compact), true,
         [this, pagesLeft](const QByteArray &body) {
             // Read straight from its text, as the server reads a push: one reader on both sides.
             Core::Result<Protocol::EntryPage> page =
                 Protocol::entryPageFromJson(body, {QStringLiteral("A pull page"), 0, Protocol::kPullPageMax});
             if (!page)
                 return done(RoundFailure::Refused, tr("The server sent a bad page of entries: %1").arg(page.message()));
             const QList<Core::JournalEntry> &entries = page->entries;
             // The page is stored as a set, in one transaction: its entries and balances land
             // together or not at all; an entry that cannot be stored here is quarantined and
             // the rest is stored (core/ledger/quarantine.h).
             Core::Result<Core::PageOutcome> appended = Core::Quarantine::storePage(m_journal, m_database, entries);
             if (!appended)
                 return done(RoundFailure::Local, appended.message());
             m_report.pulled += appended->stored;
             m_report.quarantined += appended->quarantined;
             if (page->more && !entries.isEmpty())
                 return pullNext(pagesLeft - 1);
             done(RoundFailure::None, QString());
         },
         [this](RoundFailure failure, const QString &message) { done(failure, message); });
}

void SyncClient::send(const QString &path, const QJsonObject &body, bool sign, const OnAnswer &onAnswer)
{
    sendRequest(QByteArrayLiteral("POST"), path, QJsonDocument(body).toJson(QJsonDocument::Compact), sign,
                asJson(onAnswer),
                [this](RoundFailure failure, const QString &message) { done(failure, message); });
}

void SyncClient::sendRequest(const QByteArray &method, const QString &pathAndQuery, const QByteArray &payload, bool sign,
                             const OnBody &onAnswer, const std::function<void(RoundFailure, const QString &)> &onFailure)
{
    QUrl url = m_server;
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QList<HttpTransport::Header> headers;
    if (method == "POST")
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    headers.append({Protocol::kProtocolHeader, QByteArray::number(Protocol::kProtocolVersion)});
    if (sign) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray nonce = Protocol::newNonce();
        const QString terminal = m_journal.identity().terminalId;
        headers.append({Protocol::kTerminalHeader, terminal.toUtf8()});
        headers.append({Protocol::kTimestampHeader, QByteArray::number(now)});
        headers.append({Protocol::kNonceHeader, nonce});
        headers.append({Protocol::kSignatureHeader,
                        Protocol::signature(m_state.secret, Protocol::signingInput(method, pathAndQuery.toUtf8(), terminal, now, nonce,
                                                                                   payload))});
    }
    const QByteArray target = url.path(QUrl::FullyEncoded).toUtf8() + (url.hasQuery() ? "?" + url.query(QUrl::FullyEncoded).toUtf8() : QByteArray());
    m_transport->setTimeoutMs(m_timeoutMs);
    m_transport->setCaCertificates(m_caCertificates);
    const QString path = url.path();
    m_transport->send(m_server, method, target, headers, payload, [this, onAnswer, onFailure, path](const HttpAnswer &reply) {
        if (reply.status == 0 && reply.partial)
            return onFailure(RoundFailure::Network,
                             tr("The answer of the server at %1 was cut off: %2").arg(m_server.toString(), reply.error));
        if (reply.status == 0)
            return onFailure(RoundFailure::Network, tr("The server at %1 cannot be reached: %2").arg(m_server.toString(), reply.error));
        if (reply.status == 503)
            return onFailure(RoundFailure::Network, tr("The server is busy; the round will be retried."));
        if (reply.status != 200) {
            const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
            const QString message = answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
            return onFailure(RoundFailure::Refused, tr("The server refused %1 (HTTP %2): %3")
                                                        .arg(path)
                                                        .arg(reply.status)
                                                        .arg(message.isEmpty() ? tr("no reason given") : message));
        }
        onAnswer(reply.body);
    });
}

void SyncClient::listExceptions(int pagesMax)
{
    m_exceptions = QJsonArray();
    auto fail = [this](RoundFailure failure, const QString &message) {
        emit exceptionsListed({}, RoundResult{failure, message, {}});
    };
    Core::Result<TillSyncState> state = TillSync::load(m_database);
    if (!state)
        return fail(RoundFailure::Local, state.message());
    m_state = *state;
    if (m_server.isEmpty())
        m_server = m_state.serverUrl;
    if (!m_state.enrolled() || m_server.isEmpty())
        return fail(RoundFailure::Local, tr("This database is not enrolled with a sync server; run slatectl sync --server URL "
                                            "--enroll CODE first."));
    listExceptionsAfter(0, qBound(1, pagesMax, 1000));
}

void SyncClient::listExceptionsAfter(qint64 after, int pagesLeft)
{
    constexpr int kPage = 500;
    sendRequest(
        QByteArrayLiteral("GET"), QStringLiteral("/v1/exceptions?after=%1&limit=%2").arg(after).arg(kPage), {}, true,
        asJson([this, pagesLeft](const QJsonObject &answer) {
            const QJsonArray page = answer.value(QStringLiteral("exceptions")).toArray();
            qint64 last = 0;
            for (const QJsonValue &row : page) {
                m_exceptions.append(row);
                last = Protocol::integerFrom(row.toObject().value(QStringLiteral("id")), 0).value_or(0);
            }
            if (page.size() == kPage && pagesLeft > 1 && last > 0)
                return listExceptionsAfter(last, pagesLeft - 1);
            emit exceptionsListed(m_exceptions, RoundResult{});
        }),
        [this](RoundFailure failure, const QString &message) { emit exceptionsListed({}, RoundResult{failure, message, {}}); });
}

void SyncClient::done(RoundFailure failure, const QString &message)
{
    const QDateTime now = Core::nowUtc();
    if (auto recorded = TillSync::recordRound(m_database, now, failure == RoundFailure::None ? QString() : message); !recorded)
        qWarning("slate sync: %s", qPrintable(recorded.message()));
    m_busy = false;
    m_nextPush.reset();
    emit finished(RoundResult{failure, message, m_report});
}

} // namespace Slate::Sync
