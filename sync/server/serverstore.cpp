#include "server/serverstore.h"

#include "base/digest.h"
#include "ledger/accounts.h"
#include "ledger/foreignentries.h"
#include "storage/bulk.h"
#include "client/protocol.h"
#include "base/uuidv7.h"

#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>


#include <array>

namespace Slate::Sync {

using Core::ErrorCode;
using Core::JournalEntry;
using Core::makeError;

namespace {

// Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
constexpr char kCodeAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeCharacters = 20; // 100 bits

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QVariantList keysOf(const QSet<QString> &set)
{
    QVariantList keys;
    keys.reserve(set.size());
    for (const QString &key : set)
        keys.append(key);
    return keys;
}

// What the server knows to judge a push (ledger/foreigncheck.h): the terminals it enrolled and
// their stores, the customers whose master data it holds, and the one currency of its journal.
class ServerDirectory : public Core::ForeignDirectory {
public:
    explicit ServerDirectory(const Core::Database &database) : m_database(database) {}

    Core::Result<std::optional<QHash<QString, QString>>> terminalStores(const QSet<QString> &terminalIds) const override
    {
        QHash<QString, QString> stores;
        auto collect = [&stores](Core::Query &rows) {
            while (rows.next())
                stores.insert(rows.value(0).toString(), rows.value(1).toString());
        };
        if (auto read = Core::Bulk::selectIn(m_database, QStringLiteral("SELECT id, store_code FROM terminals WHERE id IN (%1)"), {},
                                             keysOf(terminalIds), QStringLiteral("read the terminals' stores"), collect);
            !read)
            return read.error();
        return std::optional<QHash<QString, QString>>(stores);
    }
    Core::Result<std::optional<QSet<QString>>> knownStores(const QSet<QString> &storeCodes) const override
    {
        QSet<QString> known;
        auto collect = [&known](Core::Query &rows) {
            while (rows.next())
                known.insert(rows.value(0).toString());
        };
        if (auto read = Core::Bulk::selectIn(m_database, QStringLiteral("SELECT DISTINCT store_code FROM terminals WHERE store_code IN (%1)"),
                                             {}, keysOf(storeCodes), QStringLiteral("read the stores"), collect);
            !read)
            return read.error();
        return std::optional<QSet<QString>>(known);
    }
    Core::Result<std::optional<QSet<QString>>> knownCustomers(const QSet<QString> &customerIds) const override
    {
        QSet<QString> known;
        auto collect = [&known](Core::Query &rows) {
            while (rows.next())
                known.insert(rows.value(0).toString());
        };
        if (auto read = Core::Bulk::selectIn(m_database,
                                             QStringLiteral("SELECT DISTINCT key FROM master_current WHERE kind IN (?, ?) AND key IN (%1)"),
                                             {Core::MasterKinds::kCustomer, Core::MasterKinds::kCustomerTerms}, keysOf(customerIds),
                                             QStringLiteral("look up customers"), collect);
            !read)
            return read.error();
        // A customer named by entries stored before master data was synced (server schema 1) is
        // known by those entries.
        QSet<QString> rest = customerIds;
        rest.subtract(known);
        if (!rest.isEmpty()) {
            if (auto read = Core::Bulk::selectIn(
                    m_database, QStringLiteral("SELECT DISTINCT customer_id FROM journal_entries WHERE customer_id <> '' AND customer_id IN (%1)"),
                    {}, keysOf(rest), QStringLiteral("look up customers in the journal"), collect);
                !read)
                return read.error();
        }
        return std::optional<QSet<QString>>(known);
    }
    Core::Result<std::optional<Core::Currency>> booksCurrency() const override
    {
        // An account keeps its currency for good and every push is held to the books' one, so
        // once the journal has one currency it keeps it: read it once per process.
        if (m_currency)
            return m_currency;
        Core::Result<Core::Query> query = m_database.run(QStringLiteral("SELECT DISTINCT currency FROM account_balances LIMIT 2"), {},
                                                         QStringLiteral("read the journal's currency"));
        if (!query)
            return query.error();
        QStringList codes;
        while (query->next())
            codes.append(query->value(0).toString());
        if (codes.size() == 1)
            m_currency = Core::Currency::fromCode(codes.first());
        // None yet (the first push sets it), or several (a journal from before this rule): no
        // currency for new accounts beyond the first posting's.
        return m_currency;
    }

private:
    const Core::Database &m_database;
    mutable std::optional<Core::Currency> m_currency;
};



} // namespace

ServerStore::ServerStore(Core::Database &database)
    : m_database(database),
      // The server's journal keeps other terminals' entries only: it has no terminal or currency of its own.
      m_journal(database, Core::StoreIdentity{QString(), Core::Currency::none(), QString()}),
      m_directory(std::make_unique<ServerDirectory>(database))
{
}

Core::Result<EnrolmentCode> ServerStore::createEnrolment(const QString &storeCode, const QString &terminalId, qint64 validityMs)
{
    if (!Core::Accounts::isValidCode(storeCode) || !Core::Accounts::isValidCode(terminalId))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Store \"%1\" or terminal \"%2\" is not a valid code; use 1 to 32 letters, digits, "
                                        "'.', '_' or '-'.")
                             .arg(storeCode, terminalId));
    if (validityMs < 60 * 1000 || validityMs > 30LL * 24 * 3600 * 1000)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("An enrolment code is valid for 1 minute to 30 days."));
    std::array<quint32, kCodeCharacters> random{};
    QRandomGenerator::system()->fillRange(random.data(), qsizetype(random.size()));
    QString code;
    for (int i = 0; i < kCodeCharacters; ++i) {
        if (i > 0 && i % 5 == 0)
            code.append(u'-');
        code.append(QLatin1Char(kCodeAlphabet[random[size_t(i)] % 32]));
    }
    const qint64 now = nowMs();
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO enrolment_codes (code_hash, store_code, terminal_id, created_ms, expires_ms) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {Protocol::enrolmentCodeHash(code), storeCode, terminalId, now, now + validityMs},
            QStringLiteral("record an enrolment code for terminal %1").arg(terminalId));
        !done)
        return done.error();
    return EnrolmentCode{code, QDateTime::fromMSecsSinceEpoch(now + validityMs, Qt::UTC)};
}

Core::Result<EnrolledTerminal> ServerStore::redeemEnrolment(const QString &code, const QString &request)
{
    Q_ASSERT(request.isEmpty() || Protocol::isValidEnrolmentRequest(request));
    const QString refusal = QStringLiteral("This enrolment code is not valid: it is wrong, expired or already used. "
                                           "Ask for a new one (slate-server enroll).");
    if (code.size() > Protocol::kEnrolmentCodeLengthMax)
        return makeError(ErrorCode::AuthenticationFailed, refusal);
    const QString doing = QStringLiteral("enrol a terminal");
    const QByteArray codeHash = Protocol::enrolmentCodeHash(code);
    // NULL without a request value: such an enrolment has no retry.
    const QByteArray requestHash = request.isEmpty() ? QByteArray() : Core::sha256(request.toLatin1());
    Core::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const qint64 now = nowMs();
    Core::Result<Core::Query> spent = m_database.run(
        QStringLiteral("UPDATE enrolment_codes SET used_ms = ?, request_hash = ? WHERE code_hash = ? AND used_ms IS NULL "
                       "AND expires_ms > ? RETURNING store_code, terminal_id"),
        {now, requestHash, codeHash, now}, doing);
    if (!spent)
        return spent.error();
    if (!spent->next()) {
        spent->finish();
        if (request.isEmpty())
            return makeError(ErrorCode::AuthenticationFailed, refusal);
        Core::Result<std::optional<EnrolledTerminal>> retried = retriedEnrolment(codeHash, requestHash, now);
        if (!retried)
            return retried.error();
        if (!*retried)
            return makeError(ErrorCode::AuthenticationFailed, refusal);
        return **retried;
    }
    EnrolledTerminal terminal{spent->value(1).toString(), spent->value(0).toString(), Protocol::newSecret(), false};
    spent->finish();
    // The terminal names the code that issued its key only while a retry of it may get the key.
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO terminals (id, store_code, signing_key, enrolled_ms, revoked, enrolment_code_hash) "
                           "VALUES (?, ?, ?, ?, 0, ?) "
                           "ON CONFLICT (id) DO UPDATE SET store_code = excluded.store_code, signing_key = excluded.signing_key, "
                           "enrolled_ms = excluded.enrolled_ms, revoked = 0, enrolment_code_hash = excluded.enrolment_code_hash"),
            {terminal.terminalId, terminal.storeCode, terminal.secret, now, request.isEmpty() ? QByteArray() : codeHash}, doing);
        !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return terminal;
}

Core::Result<std::optional<EnrolledTerminal>> ServerStore::retriedEnrolment(const QByteArray &codeHash, const QByteArray &requestHash,
                                                                            qint64 now) const
{
    // The same code and request value, the code still valid, and the terminal's key still the
    // one this code issued, not revoked and never used to sign a request: the first answer again.
    // (The compared values are SHA-256 digests of random values, so comparing them in SQL tells
    // a guesser nothing.)
    Core::Result<Core::Query> found = m_database.run(
        QStringLiteral("SELECT c.terminal_id, c.store_code, t.signing_key FROM enrolment_codes c JOIN terminals t ON t.id = c.terminal_id "
                       "WHERE c.code_hash = ? AND c.used_ms IS NOT NULL AND c.request_hash = ? AND c.expires_ms > ? "
                       "AND t.enrolment_code_hash = c.code_hash AND t.store_code = c.store_code AND t.revoked = 0"),
        {codeHash, requestHash, now}, QStringLiteral("look up a retried enrolment"));
    if (!found)
        return found.error();
    if (!found->next())
        return std::optional<EnrolledTerminal>();
    EnrolledTerminal terminal{found->value(0).toString(), found->value(1).toString(), found->value(2).toByteArray(), true};
    found->finish();
    return std::optional<EnrolledTerminal>(terminal);
}

Core::Result<void> ServerStore::closeEnrolmentRetry(const QString &terminalId)
{
    Core::Result<Core::Query> done = m_database.run(
        QStringLiteral("UPDATE terminals SET enrolment_code_hash = NULL WHERE id = ? AND enrolment_code_hash IS NOT NULL"), {terminalId},
        QStringLiteral("close the enrolment retry of terminal %1").arg(terminalId));
    if (!done)
        return done.error();
    return {};
}

Core::Result<TerminalKey> ServerStore::signingKey(const QString &terminalId) const
{
    Core::Result<Core::Query> query = m_database.run(
        QStringLiteral("SELECT signing_key, CASE WHEN enrolment_code_hash IS NULL THEN 0 ELSE 1 END FROM terminals WHERE id = ? AND revoked = 0"), {terminalId},
        QStringLiteral("read terminal %1").arg(terminalId));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("Terminal %1 is not enrolled (or was revoked).").arg(terminalId));
    TerminalKey key{query->value(0).toByteArray(), query->value(1).toInt() == 1};
    query->finish();
    return key;
}

Core::Result<void> ServerStore::forgetOldNonces(qint64 now)
{
    // A nonce older than twice the clock window can go: its request's time is refused anyway.
    if (now - m_lastNoncePurgeMs <= 60 * 1000)
        return {};
    m_lastNoncePurgeMs = now;
    Core::Result<Core::Query> purged = m_database.run(QStringLiteral("DELETE FROM nonces WHERE seen_ms < ?"),
                                                      {now - 2 * Protocol::kClockSkewMaxMs}, QStringLiteral("forget old nonces"));
    if (!purged)
        return purged.error();
    return {};
}

Core::Result<bool> ServerStore::spendNonce(const QString &terminalId, const QByteArray &nonce, qint64 now)
{
    Core::Result<Core::Query> inserted = m_database.run(
        QStringLiteral("INSERT INTO nonces (terminal_id, nonce, seen_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
        {terminalId, QString::fromLatin1(nonce), now}, QStringLiteral("record a request nonce"));
    if (!inserted)
        return inserted.error();
    return inserted->numRowsAffected() == 1;
}

Core::Result<bool> ServerStore::recordNonce(const QString &terminalId, const QByteArray &nonce, qint64 now)
{
    if (auto forgotten = forgetOldNonces(now); !forgotten)
        return forgotten.error();
    return spendNonce(terminalId, nonce, now);
}

Core::Result<bool> ServerStore::lockTerminal(const QString &terminalId) const
{
    const QString sql = m_database.isPostgres() ? QStringLiteral("SELECT revoked FROM terminals WHERE id = ? FOR UPDATE")
                                                : QStringLiteral("SELECT revoked FROM terminals WHERE id = ?");
    Core::Result<Core::Query> query = m_database.run(sql, {terminalId}, QStringLiteral("lock terminal %1").arg(terminalId));
    if (!query)
        return query.error();
    return query->next() && query->value(0).toInt() == 0;
}

Core::Result<void> ServerStore::lockMasterData() const
{
    if (!m_database.isPostgres())
        return {};
    Core::Result<Core::Query> query =
        m_database.run(QStringLiteral("SELECT id FROM master_lock WHERE id = 1 FOR UPDATE"), {}, QStringLiteral("lock the master data"));
    if (!query)
        return query.error();
    return {};
}

Core::Result<void> ServerStore::revoke(const QString &terminalId)
{
    Core::Result<Core::Query> done = m_database.run(QStringLiteral("UPDATE terminals SET revoked = 1, enrolment_code_hash = NULL WHERE id = ?"), {terminalId},
                                                  QStringLiteral("revoke terminal %1").arg(terminalId));
    if (!done)
        return done.error();
    if (done->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("Terminal %1 is not enrolled.").arg(terminalId));
    return {};
}

Core::Result<PushOutcome> ServerStore::push(const QString &terminalId, const QByteArray &nonce, const QList<JournalEntry> &entries)
{
    Q_ASSERT(entries.size() <= Protocol::kPushBatchMax);
    PushOutcome outcome;
    auto refuse = [&outcome](PushRefusal refusal, const QString &message) {
        outcome = PushOutcome();
        outcome.refusal = refusal;
        outcome.refusalMessage = message;
        return outcome;
    };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).terminalId != terminalId)
            return refuse(PushRefusal::Malformed,
                          QStringLiteral("entries[%1] belongs to terminal %2; terminal %3 may push only its own entries.")
                              .arg(i)
                              .arg(entries.at(i).terminalId, terminalId));
        if (i > 0 && entries.at(i).sequence != entries.at(i - 1).sequence + 1)
            return refuse(PushRefusal::Malformed,
                          QStringLiteral("entries[%1] has sequence %2 after %3; a push carries consecutive sequences in order.")
                              .arg(i)
                              .arg(entries.at(i).sequence)
                              .arg(entries.at(i - 1).sequence));
    }
    const qint64 now = nowMs();
    if (auto forgotten = forgetOldNonces(now); !forgotten)
        return forgotten.error();
    // One transaction: the nonce, the entries, their balances and the exceptions they cause.
    Core::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // One terminal's pushes are serialised (also across server processes on PostgreSQL).
    Core::Result<bool> enrolled = lockTerminal(terminalId);
    if (!enrolled)
        return enrolled.error();
    if (!*enrolled)
        return refuse(PushRefusal::NotEnrolled, QStringLiteral("Terminal %1 is not enrolled (or was revoked).").arg(terminalId));
    Core::Result<bool> fresh = spendNonce(terminalId, nonce, now);
    if (!fresh)
        return fresh.error();
    if (!*fresh)
        return refuse(PushRefusal::Replay, QStringLiteral("This request was already received once (a replay); refused."));

    Core::Result<Core::ForeignPlan> plan = m_journal.planForeign(entries);
    if (!plan)
        return plan.error();
    if (plan->refusal) {
        const Core::ForeignRefusal &refusal = *plan->refusal;
        transaction.rollback(); // before recording the report, which must outlive the refusal
        switch (refusal.kind) {
        case Core::ForeignRefusalKind::Conflict:
            recordConflict(terminalId, entries.at(refusal.index), refusal.error.message);
            return refuse(PushRefusal::Conflict, refusal.error.message);
        case Core::ForeignRefusalKind::OutOfChain:
            return refuse(PushRefusal::OutOfChain, refusal.error.message);
        case Core::ForeignRefusalKind::Altered:
            return refuse(PushRefusal::Altered, refusal.error.message);
        case Core::ForeignRefusalKind::Invalid:
            break;
        }
        return refuse(PushRefusal::Invalid, refusal.error.message);
    }
    // What these books can take, and what this terminal may post at all: the check every till
    // runs too, so that no till is wedged by what the server stored.
    Core::Result<std::optional<Core::ForeignFinding>> judged = Core::ForeignCheck::check(m_database, *m_directory, plan->fresh);
    if (!judged)
        return judged.error();
    if (*judged) {
        const Core::ForeignFinding finding = **judged;
        transaction.rollback(); // before recording the report, which must outlive the refusal
        recordRefusal(terminalId, plan->fresh.at(finding.entryIndex), finding);
        return refuse(finding.kind == Core::ForeignFindingKind::Forbidden ? PushRefusal::Forbidden : PushRefusal::Refused,
                      finding.message);
    }
    Core::Result<QList<Core::BalanceMove>> moves = m_journal.storeForeign(*plan);
    if (!moves) {
        // An entry the journal cannot take here (an account kept in another currency, a balance
        // out of range) is the pushing till's problem, not the server's.
        if (moves.code() == ErrorCode::InvalidArgument || moves.code() == ErrorCode::Overflow)
            return refuse(PushRefusal::Invalid, moves.message());
        return moves.error();
    }
    Core::Result<Core::MasterChange> scope = masterCurrent(Core::MasterKinds::kSetting, QStringLiteral("limit_scope"));
    if (!scope)
        return scope.error();
    const Core::LimitScope limitScope =
        Core::limitScopeFromName(scope->data.value(QStringLiteral("value")).toString()).value_or(Core::LimitScope::Shared);
    const Core::CreditExceptionFinder finder(m_database, limitScope,
                                             [this](const QString &customerId) { return customerAsKnown(customerId); });
    Core::Result<QList<Core::CreditException>> found = finder.find(plan->fresh, *moves);
    if (!found)
        return found.error();
    Core::Result<int> recorded = recordExceptions(*found);
    if (!recorded)
        return recorded.error();
    // What the server holds of this terminal now; more than the till holds means the till's
    // database is older than what it sent before, which the till must hear.
    Core::Result<Core::ChainTip> tip = Core::ForeignEntries::chainTip(m_database, terminalId);
    if (!tip)
        return tip.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    outcome.stored = int(plan->fresh.size());
    outcome.alreadyStored = int(plan->alreadyStored);
    outcome.exceptions = *recorded;
    outcome.highestSequence = tip->sequence;
    return outcome;
}

Core::Result<std::optional<Core::Customer>> ServerStore::customerAsKnown(const QString &customerId) const
{
    // The server knows customers by their master data: the terms decide, the name is for people.
    Core::Result<Core::MasterChange> terms = masterCurrent(Core::MasterKinds::kCustomerTerms, customerId);
    if (!terms)
        return terms.error();
    Core::Result<Core::MasterChange> details = masterCurrent(Core::MasterKinds::kCustomer, customerId);
    if (!details)
        return details.error();
    if (terms->version == 0 && details->version == 0)
        return std::optional<Core::Customer>();
    Core::Customer customer;
    customer.id = customerId;
    customer.card = details->data.value(QStringLiteral("card")).toString();
    customer.name = details->data.value(QStringLiteral("name")).toString();
    if (customer.name.isEmpty())
        customer.name = QStringLiteral("Customer %1").arg(customerId);
    if (terms->version > 0) {
        Core::Result<Core::CreditTerms> read = Core::MasterData::termsFrom(*terms);
        if (!read)
            return read.error();
        customer.terms = *read;
    }
    return std::optional<Core::Customer>(customer);
}

Core::Result<int> ServerStore::recordExceptions(const QList<Core::CreditException> &found)
{
    int recorded = 0;
    for (const Core::CreditException &exception : found) {
        Core::Result<Core::Query> inserted = m_database.run(
            QStringLiteral("INSERT INTO exceptions (kind, customer_id, account, currency, amount, entry_id, terminal_id, "
                           "entries, detail, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (kind, entry_id) DO NOTHING"),
            {Core::creditExceptionKindName(exception.kind), exception.customerId, exception.account,
             exception.beyond.currency().code(), exception.beyond.minorUnits(), exception.entryId, exception.terminalId,
             exception.involved.join(QLatin1Char(',')), exception.detail, nowMs()},
            QStringLiteral("record an exception"));
        if (!inserted)
            return inserted.error();
        recorded += inserted->numRowsAffected() > 0 ? 1 : 0;
    }
    return recorded;
}

void ServerStore::recordConflict(const QString &terminalId, const JournalEntry &entry, const QString &detail)
{
    // Best effort: the push is refused either way; the record lets the back office see it.
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO exceptions (kind, customer_id, account, currency, amount, entry_id, terminal_id, entries, "
                           "detail, created_ms) VALUES ('conflicting-entry', ?, '', '', 0, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (kind, entry_id) DO NOTHING"),
            {entry.references.customerId, Core::uuidText(entry.id), terminalId, Core::uuidText(entry.id), detail, nowMs()},
            QStringLiteral("record a conflicting entry"));
        !done)
        qWarning("slate-server: %s", qPrintable(done.message()));
}

void ServerStore::recordRefusal(const QString &terminalId, const JournalEntry &entry, const Core::ForeignFinding &finding)
{
    const bool posting = finding.postingIndex >= 0 && finding.postingIndex < entry.postings.size();
    const Core::Posting named = posting ? entry.postings.at(finding.postingIndex) : Core::Posting{};
    const QString kind = finding.kind == Core::ForeignFindingKind::Forbidden ? QStringLiteral("forbidden-posting")
                                                                              : QStringLiteral("refused-entry");
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO exceptions (kind, customer_id, account, currency, amount, entry_id, terminal_id, entries, "
                           "detail, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, entry_id) DO NOTHING"),
            {kind, entry.references.customerId, named.account, posting ? named.amount.currency().code() : QString(),
             posting ? named.amount.minorUnits() : 0, Core::uuidText(entry.id), terminalId, Core::uuidText(entry.id),
             finding.message.left(2000), nowMs()},
            QStringLiteral("record a refused entry"));
        !done)
        qWarning("slate-server: %s", qPrintable(done.message()));
}

Core::Result<PullPage> ServerStore::pull(const QString &terminalId, const QMap<QString, qint64> &known, int limit) const
{
    Q_ASSERT(limit > 0 && limit <= Protocol::kPullPageMax);
    Core::Result<Core::Query> tips = m_database.run(
        // One index probe per enrolled terminal (only enrolled terminals can have pushed entries).
        QStringLiteral("SELECT t.id, (SELECT max(e.sequence) FROM journal_entries e WHERE e.terminal_id = t.id) FROM terminals t "
                       "WHERE t.id <> ? ORDER BY t.id"),
        {terminalId}, QStringLiteral("read the terminals' chain tips"));
    if (!tips)
        return tips.error();
    QList<std::pair<QString, qint64>> behind;
    while (tips->next()) {
        const QString terminal = tips->value(0).toString();
        const qint64 top = tips->value(1).toLongLong(); // NULL (0) for a terminal without entries
        if (top > known.value(terminal, 0))
            behind.append({terminal, top});
    }
    tips->finish();
    PullPage page;
    for (const auto &[terminal, top] : behind) {
        const int room = limit - int(page.entries.size());
        if (room <= 0) {
            page.more = true;
            break;
        }
        const qint64 after = known.value(terminal, 0);
        Core::Result<QList<JournalEntry>> entries = Core::ForeignEntries::entriesAfter(m_database, terminal, after, qMin(room, Core::kEntriesReadMax));
        if (!entries)
            return entries.error();
        page.entries.append(*entries);
        if (after + entries->size() < top)
            page.more = true;
    }
    return page;
}

namespace {

QString compactJson(const QJsonObject &object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

Core::MasterChange masterChangeFrom(const Core::Query &query)
{
    // Columns: position, kind, key, version, node, data.
    return Core::MasterChange{query.value(1).toString(), query.value(2).toString(), query.value(3).toLongLong(),
                              query.value(4).toString(), QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object(),
                              query.value(0).toLongLong()};
}

} // namespace

Core::Result<MasterPushOutcome> ServerStore::pushMaster(const QString &terminalId, const QByteArray &nonce,
                                                     const QList<Core::MasterChange> &changes)
{
    Q_ASSERT(changes.size() <= Protocol::kMasterPushMax);
    const QString doing = QStringLiteral("store master data of terminal %1").arg(terminalId);
    const qint64 received = nowMs();
    if (auto forgotten = forgetOldNonces(received); !forgotten)
        return forgotten.error();
    Core::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto locked = lockMasterData(); !locked)
        return locked.error();
    MasterPushOutcome outcome;
    Core::Result<bool> fresh = spendNonce(terminalId, nonce, received);
    if (!fresh)
        return fresh.error();
    if (!*fresh) {
        outcome.replay = true;
        return outcome;
    }
    for (const Core::MasterChange &change : changes) {
        if (change.node != terminalId)
            return makeError(ErrorCode::AuthenticationFailed,
                             QStringLiteral("%1 %2 was made by terminal %3; terminal %4 may push only its own changes.")
                                 .arg(change.kind, change.key, change.node, terminalId));
        const QString data = compactJson(change.data);
        Core::Result<Core::Query> same = m_database.run(
            QStringLiteral("SELECT kind, key, data FROM master_changes WHERE node = ? AND version = ?"), {change.node, change.version}, doing);
        if (!same)
            return same.error();
        if (same->next()) {
            const bool identical = same->value(0).toString() == change.kind && same->value(1).toString() == change.key
                && same->value(2).toString() == data;
            same->finish();
            if (!identical)
                return makeError(ErrorCode::Integrity,
                                 QStringLiteral("Terminal %1 already sent version %2 with other content (%3 %4); nothing of this "
                                                "push was stored.")
                                     .arg(terminalId)
                                     .arg(change.version)
                                     .arg(change.kind, change.key));
            ++outcome.alreadyStored;
            continue;
        }
        same->finish();
        if (auto inserted = m_database.run(QStringLiteral("INSERT INTO master_changes (kind, key, version, node, data, received_ms) "
                                                          "VALUES (?, ?, ?, ?, ?, ?)"),
                                           {change.kind, change.key, change.version, change.node, data, received}, doing);
            !inserted)
            return inserted.error();
        Core::Result<Core::MasterChange> current = masterCurrent(change.kind, change.key);
        if (!current)
            return current.error();
        if (Core::MasterData::isNewer(change.version, change.node, current->version, current->node)) {
            if (auto updated = m_database.run(
                    QStringLiteral("INSERT INTO master_current (kind, key, version, node, data) VALUES (?, ?, ?, ?, ?) "
                                   "ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version, node = excluded.node, "
                                   "data = excluded.data"),
                    {change.kind, change.key, change.version, change.node, data}, doing);
                !updated)
                return updated.error();
        }
        ++outcome.stored;
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return outcome;
}

Core::Result<MasterPullPage> ServerStore::pullMaster(const QString &terminalId, qint64 after, int limit) const
{
    Q_ASSERT(limit > 0 && limit <= Protocol::kMasterPullMax);
    Core::Result<Core::Query> query = m_database.run(
        QStringLiteral("SELECT position, kind, key, version, node, data FROM master_changes WHERE position > ? "
                       "ORDER BY position LIMIT ?"),
        {after, limit + 1}, QStringLiteral("read master data for terminal %1").arg(terminalId));
    if (!query)
        return query.error();
    MasterPullPage page;
    page.next = after;
    int read = 0;
    while (query->next()) {
        if (++read > limit) {
            page.more = true;
            break;
        }
        Core::MasterChange change = masterChangeFrom(*query);
        page.next = change.position;
        if (change.node != terminalId)
            page.changes.append(change);
    }
    return page;
}

Core::Result<QList<Core::MasterChange>> ServerStore::masterHistory(const QString &kind, const QString &key, int limit) const
{
    Core::Result<Core::Query> query = m_database.run(
        QStringLiteral("SELECT position, kind, key, version, node, data FROM master_changes WHERE kind = ? AND key = ? "
                       "ORDER BY position LIMIT ?"),
        {kind, key, qBound(1, limit, Protocol::kMasterPullMax)}, QStringLiteral("read the history of %1 %2").arg(kind, key));
    if (!query)
        return query.error();
    QList<Core::MasterChange> changes;
    while (query->next())
        changes.append(masterChangeFrom(*query));
    return changes;
}

Core::Result<Core::MasterChange> ServerStore::masterCurrent(const QString &kind, const QString &key) const
{
    Core::Result<Core::Query> query =
        m_database.run(QStringLiteral("SELECT 0, kind, key, version, node, data FROM master_current WHERE kind = ? AND key = ?"),
                       {kind, key}, QStringLiteral("read %1 %2").arg(kind, key));
    if (!query)
        return query.error();
    if (!query->next())
        return Core::MasterChange{kind, key, 0, QString(), {}, 0};
    return masterChangeFrom(*query);
}

Core::Result<QList<SyncException>> ServerStore::exceptions(qint64 afterId, int limit) const
{
    Q_ASSERT(limit > 0 && limit <= kExceptionsPageMax);
    Core::Result<Core::Query> query = m_database.run(
        QStringLiteral("SELECT id, kind, customer_id, account, currency, amount, entry_id, terminal_id, entries, detail, created_ms "
                       "FROM exceptions WHERE id > ? ORDER BY id LIMIT ?"),
        {afterId, limit}, QStringLiteral("read exceptions"));
    if (!query)
        return query.error();
    QList<SyncException> result;
    while (query->next()) {
        SyncException row;
        row.id = query->value(0).toLongLong();
        row.kind = query->value(1).toString();
        row.customerId = query->value(2).toString();
        row.account = query->value(3).toString();
        row.currency = query->value(4).toString();
        row.amountMinorUnits = query->value(5).toLongLong();
        row.entryId = query->value(6).toString();
        row.terminalId = query->value(7).toString();
        row.entryIds = query->value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        row.detail = query->value(9).toString();
        row.createdUtc = QDateTime::fromMSecsSinceEpoch(query->value(10).toLongLong(), Qt::UTC);
        result.append(row);
    }
    return result;
}

Core::Result<QList<Core::AccountBalance>> ServerStore::balances() const
{
    Core::Result<QList<Core::AccountBalance>> all = m_journal.balances();
    if (!all)
        return all;
    QList<Core::AccountBalance> moved;
    for (const Core::AccountBalance &row : *all) {
        if (!row.balance.isZero())
            moved.append(row);
    }
    return moved;
}

Core::Result<qint64> ServerStore::entryCount() const { return m_journal.entryCount(); }

} // namespace Slate::Sync
