#include "server/serverstore.h"

#include "ledger/accounts.h"
#include "client/protocol.h"
#include "base/uuidv7.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>


#include <array>
#include <set>
#include <tuple>

namespace Slate::Sync {

using Core::ErrorCode;
using Core::JournalEntry;
using Core::makeError;

namespace {

// Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
constexpr char kCodeAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeCharacters = 20; // 100 bits
constexpr int kRecentDebitsMax = 10;

QString normalizedCode(const QString &code)
{
    QString out;
    for (QChar c : code.toUpper()) {
        if (c == u'-' || c == u' ')
            continue;
        if (c == u'O')
            c = u'0';
        else if (c == u'I' || c == u'L')
            c = u'1';
        out.append(c);
    }
    return out;
}

QByteArray codeHash(const QString &code)
{
    return QCryptographicHash::hash(normalizedCode(code).toUtf8(), QCryptographicHash::Sha256);
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QString label(const JournalEntry &entry)
{
    return QStringLiteral("entry %1 (terminal %2, sequence %3)").arg(Core::uuidText(entry.id), entry.terminalId).arg(entry.sequence);
}

const QString kStoreCreditPrefix = QStringLiteral("liabilities:store-credit:");

} // namespace

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
            {codeHash(code), storeCode, terminalId, now, now + validityMs},
            QStringLiteral("record an enrolment code for terminal %1").arg(terminalId));
        !done)
        return done.error();
    return EnrolmentCode{code, QDateTime::fromMSecsSinceEpoch(now + validityMs, Qt::UTC)};
}

Core::Result<EnrolledTerminal> ServerStore::redeemEnrolment(const QString &code)
{
    if (code.size() > Protocol::kEnrolmentCodeLengthMax)
        return makeError(ErrorCode::AuthenticationFailed, QStringLiteral("This enrolment code is not valid."));
    const QString doing = QStringLiteral("enrol a terminal");
    ServerTransaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const qint64 now = nowMs();
    Core::Result<QSqlQuery> spent = m_database.run(
        QStringLiteral("UPDATE enrolment_codes SET used_ms = ? WHERE code_hash = ? AND used_ms IS NULL AND expires_ms > ? "
                       "RETURNING store_code, terminal_id"),
        {now, codeHash(code), now}, doing);
    if (!spent)
        return spent.error();
    if (!spent->next())
        return makeError(ErrorCode::AuthenticationFailed,
                         QStringLiteral("This enrolment code is not valid: it is wrong, expired or already used. "
                                        "Ask for a new one (slate-server enroll)."));
    EnrolledTerminal terminal{spent->value(1).toString(), spent->value(0).toString(), Protocol::newSecret()};
    spent->finish();
    if (auto done = m_database.run(
            QStringLiteral("INSERT INTO terminals (id, store_code, signing_key, enrolled_ms, revoked) VALUES (?, ?, ?, ?, 0) "
                           "ON CONFLICT (id) DO UPDATE SET store_code = excluded.store_code, "
                           "signing_key = excluded.signing_key, enrolled_ms = excluded.enrolled_ms, revoked = 0"),
            {terminal.terminalId, terminal.storeCode, terminal.secret, now}, doing);
        !done)
        return done.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return terminal;
}

Core::Result<QByteArray> ServerStore::signingKey(const QString &terminalId) const
{
    Core::Result<QSqlQuery> query =
        m_database.run(QStringLiteral("SELECT signing_key FROM terminals WHERE id = ? AND revoked = 0"), {terminalId},
                       QStringLiteral("read terminal %1").arg(terminalId));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("Terminal %1 is not enrolled (or was revoked).").arg(terminalId));
    return query->value(0).toByteArray();
}

Core::Result<bool> ServerStore::recordNonce(const QString &terminalId, const QByteArray &nonce, qint64 now)
{
    // A nonce older than twice the clock window can go: its request's time is refused anyway.
    if (now - m_lastNoncePurgeMs > 60 * 1000) {
        m_lastNoncePurgeMs = now;
        if (auto purged = m_database.run(QStringLiteral("DELETE FROM nonces WHERE seen_ms < ?"),
                                         {now - 2 * Protocol::kClockSkewMaxMs}, QStringLiteral("forget old nonces"));
            !purged)
            return purged.error();
    }
    Core::Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO nonces (terminal_id, nonce, seen_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
        {terminalId, QString::fromLatin1(nonce), now}, QStringLiteral("record a request nonce"));
    if (!inserted)
        return inserted.error();
    return inserted->numRowsAffected() == 1;
}

Core::Result<void> ServerStore::revoke(const QString &terminalId)
{
    Core::Result<QSqlQuery> done = m_database.run(QStringLiteral("UPDATE terminals SET revoked = 1 WHERE id = ?"), {terminalId},
                                                  QStringLiteral("revoke terminal %1").arg(terminalId));
    if (!done)
        return done.error();
    if (done->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QStringLiteral("Terminal %1 is not enrolled.").arg(terminalId));
    return {};
}

Core::Result<PushOutcome> ServerStore::push(const QString &terminalId, const QList<JournalEntry> &entries)
{
    Q_ASSERT(entries.size() <= Protocol::kPushBatchMax);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).terminalId != terminalId)
            return makeError(ErrorCode::AuthenticationFailed,
                             QStringLiteral("entries[%1] belongs to terminal %2; terminal %3 may push only its own entries.")
                                 .arg(i)
                                 .arg(entries.at(i).terminalId, terminalId));
        if (i > 0 && entries.at(i).sequence != entries.at(i - 1).sequence + 1)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("entries[%1] has sequence %2 after %3; a push carries consecutive sequences in order.")
                                 .arg(i)
                                 .arg(entries.at(i).sequence)
                                 .arg(entries.at(i - 1).sequence));
    }
    const QString doing = QStringLiteral("store terminal %1's entries").arg(terminalId);
    ServerTransaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // One terminal's pushes are serialised (also across server processes on PostgreSQL).
    Core::Result<bool> enrolled = m_database.lockTerminal(terminalId);
    if (!enrolled)
        return enrolled.error();
    if (!*enrolled)
        return makeError(ErrorCode::AuthenticationFailed, QStringLiteral("Terminal %1 is not enrolled (or was revoked).").arg(terminalId));
    Core::Result<QSqlQuery> tipQuery = m_database.run(
        QStringLiteral("SELECT sequence, hash FROM entries WHERE terminal_id = ? ORDER BY sequence DESC LIMIT 1"), {terminalId}, doing);
    if (!tipQuery)
        return tipQuery.error();
    qint64 tipSequence = 0;
    QByteArray tipHash = Core::genesisHash();
    if (tipQuery->next()) {
        tipSequence = tipQuery->value(0).toLongLong();
        tipHash = tipQuery->value(1).toByteArray();
    }
    tipQuery->finish();

    PushOutcome outcome;
    QList<JournalEntry> fresh;
    const qint64 received = nowMs();
    for (const JournalEntry &entry : entries) {
        if (entry.sequence <= tipSequence) {
            Core::Result<QSqlQuery> stored = m_database.run(
                QStringLiteral("SELECT id, hash FROM entries WHERE terminal_id = ? AND sequence = ?"), {terminalId, entry.sequence}, doing);
            if (!stored)
                return stored.error();
            if (stored->next() && stored->value(0).toString() == Core::uuidText(entry.id)
                && stored->value(1).toByteArray() == entry.hash) {
                ++outcome.alreadyStored;
                continue;
            }
            const QString detail = QStringLiteral("%1 differs from the entry the server already holds at that sequence; "
                                                  "nothing of this push was stored. Check the till's journal (slatectl verify).")
                                       .arg(label(entry));
            stored->finish();
            transaction.rollback(); // before recording the report, which must outlive the refusal
            recordConflict(terminalId, entry, detail);
            return makeError(ErrorCode::Integrity, detail);
        }
        if (entry.sequence != tipSequence + 1)
            return makeError(ErrorCode::Integrity,
                             QStringLiteral("%1 leaves a gap: the server holds terminal %2 up to sequence %3; push from %4.")
                                 .arg(label(entry), terminalId)
                                 .arg(tipSequence)
                                 .arg(tipSequence + 1));
        if (entry.previousHash != tipHash)
            return makeError(ErrorCode::Integrity,
                             QStringLiteral("%1 breaks the hash chain: its previous hash is not the hash of sequence %2 as "
                                            "the server holds it.")
                                 .arg(label(entry))
                                 .arg(tipSequence));
        Core::Result<QSqlQuery> sameId =
            m_database.run(QStringLiteral("SELECT terminal_id, sequence FROM entries WHERE id = ?"), {Core::uuidText(entry.id)}, doing);
        if (!sameId)
            return sameId.error();
        if (sameId->next()) {
            const QString detail = QStringLiteral("%1 reuses the id of terminal %2's entry %3 with other content; nothing of "
                                                  "this push was stored.")
                                       .arg(label(entry), sameId->value(0).toString())
                                       .arg(sameId->value(1).toLongLong());
            sameId->finish();
            transaction.rollback();
            recordConflict(terminalId, entry, detail);
            return makeError(ErrorCode::Integrity, detail);
        }
        sameId->finish();
        Core::Result<QSqlQuery> inserted = m_database.run(
            QStringLiteral("INSERT INTO entries (id, terminal_id, sequence, created_utc, kind, user_name, note, customer_id, "
                           "order_id, override_id, related_entry_id, previous_hash, hash, received_ms) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING position"),
            {Core::uuidText(entry.id), entry.terminalId, entry.sequence, Core::timestampText(entry.createdUtc),
             Core::entryKindName(entry.kind), entry.userName, entry.note, entry.references.customerId,
             entry.references.orderId, entry.references.overrideId, entry.references.relatedEntryId, entry.previousHash,
             entry.hash, received},
            doing);
        if (!inserted)
            return inserted.error();
        if (!inserted->next())
            return makeError(ErrorCode::IoError, QStringLiteral("The server database did not number %1.").arg(label(entry)));
        const qint64 position = inserted->value(0).toLongLong();
        inserted->finish();
        for (qsizetype line = 0; line < entry.postings.size(); ++line) {
            const Core::Posting &posting = entry.postings.at(line);
            if (auto done = m_database.run(
                    QStringLiteral("INSERT INTO postings (entry_position, line, account, currency, amount) VALUES (?, ?, ?, ?, ?)"),
                    {position, line + 1, posting.account, posting.amount.currency().code(), posting.amount.minorUnits()}, doing);
                !done)
                return done.error();
        }
        fresh.append(entry);
        tipSequence = entry.sequence;
        tipHash = entry.hash;
        ++outcome.stored;
    }
    Core::Result<int> exceptions = applyBalancesAndFindExceptions(fresh);
    if (!exceptions)
        return exceptions.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    outcome.exceptions = *exceptions;
    outcome.highestSequence = tipSequence;
    return outcome;
}

Core::Result<int> ServerStore::applyBalancesAndFindExceptions(const QList<JournalEntry> &fresh)
{
    // Deltas are applied per account in name order, so that two server processes storing
    // entries of two terminals at once lock balance rows in the same order (no deadlock).
    QMap<std::pair<QString, QString>, qint64> deltas;
    for (const JournalEntry &entry : fresh) {
        for (const Core::Posting &posting : entry.postings) {
            qint64 &delta = deltas[{posting.account, posting.amount.currency().code()}];
            if (__builtin_add_overflow(delta, posting.amount.minorUnits(), &delta))
                return makeError(ErrorCode::Overflow, QStringLiteral("The postings to %1 overflow; nothing was stored.").arg(posting.account));
        }
    }
    const QString doing = QStringLiteral("update account balances");
    QMap<std::pair<QString, QString>, qint64> before; // store-credit accounts only
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) {
        Core::Result<QSqlQuery> current = m_database.run(
            QStringLiteral("SELECT balance FROM account_balances WHERE account = ? AND currency = ?"), {it.key().first, it.key().second},
            doing);
        if (!current)
            return current.error();
        qint64 balance = current->next() ? current->value(0).toLongLong() : 0;
        current->finish();
        qint64 unused = 0;
        if (__builtin_add_overflow(balance, it.value(), &unused))
            return makeError(ErrorCode::Overflow,
                             QStringLiteral("The balance of %1 would go out of range; nothing was stored.").arg(it.key().first));
        Core::Result<QSqlQuery> updated = m_database.run(
            QStringLiteral("INSERT INTO account_balances (account, currency, balance) VALUES (?, ?, ?) "
                           "ON CONFLICT (account, currency) DO UPDATE SET balance = account_balances.balance + excluded.balance "
                           "RETURNING balance"),
            {it.key().first, it.key().second, it.value()}, doing);
        if (!updated)
            return updated.error();
        if (!updated->next())
            return makeError(ErrorCode::IoError, QStringLiteral("The server database did not return the balance of %1.").arg(it.key().first));
        // Another server process may have moved the balance since the read above; the value
        // returned by the update is exact, so the balance before this batch is derived from it.
        if (it.key().first.startsWith(kStoreCreditPrefix))
            before.insert(it.key(), updated->value(0).toLongLong() - it.value());
        updated->finish();
    }

    // Replay this batch over each wallet: an entry that takes money out of a wallet and leaves
    // it below minus the customer's overdraft (zero without one) is an overspend (the till
    // allowed it offline, or another till spent first).
    int recorded = 0;
    QMap<std::pair<QString, QString>, qint64> running = before;
    for (const JournalEntry &entry : fresh) {
        for (const Core::Posting &posting : entry.postings) {
            const auto key = std::make_pair(posting.account, posting.amount.currency().code());
            auto it = running.find(key);
            if (it == running.end())
                continue;
            *it += posting.amount.minorUnits();
            const qint64 walletBelowZero = *it; // the liability's balance: positive = wallet below zero
            if (posting.amount.minorUnits() <= 0 || walletBelowZero <= 0)
                continue;
            const QString customerId = posting.account.mid(kStoreCreditPrefix.size());
            Core::Result<CustomerTerms> terms = customerTerms(customerId);
            if (!terms)
                return terms.error();
            const qint64 beyond = walletBelowZero - terms->overdraftMinorUnits;
            if (beyond <= 0)
                continue;
            Core::Result<QStringList> involved = latestDebits(posting.account, doing);
            if (!involved)
                return involved.error();
            const QString detail =
                QStringLiteral("The wallet of customer %1 is %2 minor units of %3 below zero after %4, %5 beyond its overdraft of %6.")
                    .arg(customerId)
                    .arg(walletBelowZero)
                    .arg(key.second, label(entry))
                    .arg(beyond)
                    .arg(terms->overdraftMinorUnits);
            Core::Result<bool> inserted = recordException(QStringLiteral("wallet-overspent"), customerId, posting.account, key.second,
                                                          beyond, entry, *involved, detail);
            if (!inserted)
                return inserted.error();
            recorded += *inserted ? 1 : 0;
        }
    }
    Core::Result<int> overLimit = findAccountsOverLimit(fresh, deltas);
    if (!overLimit)
        return overLimit.error();
    return recorded + *overLimit;
}

Core::Result<ServerStore::CustomerTerms> ServerStore::customerTerms(const QString &customerId) const
{
    Core::Result<Core::MasterChange> current = masterCurrent(Core::MasterKinds::kCustomerTerms, customerId);
    if (!current)
        return current.error();
    // Without terms on the server: no overdraft and no account sales (the till's defaults).
    CustomerTerms terms;
    terms.creditLimitMinorUnits = qint64(current->data.value(QStringLiteral("creditLimit")).toDouble(0));
    terms.overdraftMinorUnits = qint64(current->data.value(QStringLiteral("overdraftLimit")).toDouble(0));
    return terms;
}

Core::Result<QStringList> ServerStore::latestDebits(const QString &account, const QString &doing) const
{
    Core::Result<QSqlQuery> debits = m_database.run(
        QStringLiteral("SELECT e.id FROM postings p JOIN entries e ON e.position = p.entry_position "
                       "WHERE p.account = ? AND p.amount > 0 ORDER BY p.entry_position DESC LIMIT ?"),
        {account, kRecentDebitsMax}, doing);
    if (!debits)
        return debits.error();
    QStringList involved;
    while (debits->next())
        involved.append(debits->value(0).toString());
    return involved;
}

Core::Result<bool> ServerStore::recordException(const QString &kind, const QString &customerId, const QString &account,
                                                const QString &currency, qint64 amount, const JournalEntry &entry,
                                                const QStringList &involved, const QString &detail)
{
    Core::Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO exceptions (kind, customer_id, account, currency, amount, entry_id, terminal_id, "
                       "entries, detail, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (kind, entry_id) DO NOTHING"),
        {kind, customerId, account, currency, amount, Core::uuidText(entry.id), entry.terminalId, involved.join(QLatin1Char(',')),
         detail, nowMs()},
        QStringLiteral("record an exception"));
    if (!inserted)
        return inserted.error();
    return inserted->numRowsAffected() > 0;
}

Core::Result<int> ServerStore::findAccountsOverLimit(const QList<JournalEntry> &fresh,
                                                     const QMap<std::pair<QString, QString>, qint64> &deltas)
{
    // Usage is the sum of a customer's receivable balances (accrued and invoiced), in all stores
    // when the limit is shared, else in the store the sale was made in (the account's fifth
    // segment: assets:receivable:<customer>:accrued|invoiced:<store>…).
    Core::Result<Core::MasterChange> scope = masterCurrent(Core::MasterKinds::kSetting, QStringLiteral("limit_scope"));
    if (!scope)
        return scope.error();
    const bool perStore = scope->data.value(QStringLiteral("value")).toString() == QLatin1String("per-store");
    const QString receivable = QStringLiteral("assets:receivable:");
    auto usageKey = [&](const QString &account, const QString &currency) {
        const QStringList segments = account.split(QLatin1Char(':'));
        return std::make_tuple(segments.value(2), perStore ? segments.value(4) : QString(), currency);
    };
    const QString doing = QStringLiteral("sum account usage");
    // Usage before this batch: what the balances hold now, less what the batch moved.
    QMap<std::tuple<QString, QString, QString>, qint64> usage;
    for (const JournalEntry &entry : fresh) {
        for (const Core::Posting &posting : entry.postings) {
            if (!posting.account.startsWith(receivable))
                continue;
            const auto key = usageKey(posting.account, posting.amount.currency().code());
            if (usage.contains(key))
                continue;
            const QString prefix = Core::Accounts::receivablePrefix(std::get<0>(key));
            Core::Result<QSqlQuery> rows = m_database.run(
                QStringLiteral("SELECT account, balance FROM account_balances WHERE substr(account, 1, ?) = ? AND currency = ?"),
                {int(prefix.size()), prefix, std::get<2>(key)}, doing);
            if (!rows)
                return rows.error();
            qint64 total = 0;
            while (rows->next()) {
                const QString account = rows->value(0).toString();
                if (usageKey(account, std::get<2>(key)) != key)
                    continue;
                total += rows->value(1).toLongLong() - deltas.value({account, std::get<2>(key)}, 0);
            }
            usage.insert(key, total);
        }
    }
    int recorded = 0;
    for (const JournalEntry &entry : fresh) {
        std::set<std::tuple<QString, QString, QString>> raised;
        for (const Core::Posting &posting : entry.postings) {
            if (!posting.account.startsWith(receivable))
                continue;
            const auto key = usageKey(posting.account, posting.amount.currency().code());
            usage[key] += posting.amount.minorUnits();
            if (posting.amount.minorUnits() > 0)
                raised.insert(key);
        }
        // A manager's override (referenced by the entry) authorised going over.
        if (!entry.references.overrideId.isEmpty())
            continue;
        for (const auto &key : raised) {
            const QString &customerId = std::get<0>(key);
            Core::Result<CustomerTerms> terms = customerTerms(customerId);
            if (!terms)
                return terms.error();
            const qint64 over = usage.value(key) - terms->creditLimitMinorUnits;
            if (over <= 0)
                continue;
            const QString where = perStore ? QStringLiteral(" in store %1").arg(std::get<1>(key)) : QString();
            const QString detail = QStringLiteral("Customer %1 uses %2 minor units of %3 on account%4 after %5, %6 over the limit of %7, "
                                                  "without an override.")
                                       .arg(customerId)
                                       .arg(usage.value(key))
                                       .arg(std::get<2>(key), where, label(entry))
                                       .arg(over)
                                       .arg(terms->creditLimitMinorUnits);
            const QString prefix = Core::Accounts::receivablePrefix(customerId);
            Core::Result<QSqlQuery> involvedRows = m_database.run(
                QStringLiteral("SELECT DISTINCT e.id, e.position FROM postings p JOIN entries e ON e.position = p.entry_position "
                               "WHERE substr(p.account, 1, ?) = ? AND p.amount > 0 ORDER BY e.position DESC LIMIT ?"),
                {int(prefix.size()), prefix, kRecentDebitsMax}, doing);
            if (!involvedRows)
                return involvedRows.error();
            QStringList involved;
            while (involvedRows->next())
                involved.append(involvedRows->value(0).toString());
            Core::Result<bool> inserted = recordException(QStringLiteral("account-over-limit"), customerId, prefix, std::get<2>(key),
                                                          over, entry, involved, detail);
            if (!inserted)
                return inserted.error();
            recorded += *inserted ? 1 : 0;
        }
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

Core::Result<QList<JournalEntry>> ServerStore::entriesOf(const QString &terminalId, qint64 afterSequence, int limit) const
{
    Core::Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT e.position, e.id, e.sequence, e.created_utc, e.kind, e.user_name, e.note, e.customer_id, "
                       "e.order_id, e.override_id, e.related_entry_id, e.previous_hash, e.hash, p.account, p.currency, p.amount "
                       "FROM entries e JOIN postings p ON p.entry_position = e.position "
                       "WHERE e.terminal_id = ? AND e.sequence > ? AND e.sequence <= ? ORDER BY e.sequence, p.line"),
        {terminalId, afterSequence, afterSequence + limit}, QStringLiteral("read terminal %1's entries").arg(terminalId));
    if (!query)
        return query.error();
    QList<JournalEntry> entries;
    qint64 position = -1;
    while (query->next()) {
        if (query->value(0).toLongLong() != position) {
            position = query->value(0).toLongLong();
            JournalEntry entry;
            entry.id = Core::uuidFromText(query->value(1).toString());
            entry.terminalId = terminalId;
            entry.sequence = query->value(2).toLongLong();
            entry.createdUtc = Core::timestampFromText(query->value(3).toString());
            entry.kind = Core::entryKindFromName(query->value(4).toString()).value_or(Core::EntryKind::Adjustment);
            entry.userName = query->value(5).toString();
            entry.note = query->value(6).toString();
            entry.references = {query->value(7).toString(), query->value(8).toString(), query->value(9).toString(),
                                query->value(10).toString()};
            entry.previousHash = query->value(11).toByteArray();
            entry.hash = query->value(12).toByteArray();
            entries.append(entry);
        }
        const std::optional<Core::Currency> currency = Core::Currency::fromCode(query->value(14).toString());
        if (!currency)
            return makeError(ErrorCode::Corrupt, QStringLiteral("Entry at position %1 in the server database has an unknown currency.").arg(position));
        entries.last().postings.append(Core::Posting{query->value(13).toString(), Core::Money(query->value(15).toLongLong(), *currency)});
    }
    return entries;
}

Core::Result<PullPage> ServerStore::pull(const QString &terminalId, const QMap<QString, qint64> &known, int limit) const
{
    Q_ASSERT(limit > 0 && limit <= Protocol::kPullPageMax);
    Core::Result<QSqlQuery> tips = m_database.run(
        // One index probe per enrolled terminal (only enrolled terminals can have pushed entries).
        QStringLiteral("SELECT t.id, (SELECT max(e.sequence) FROM entries e WHERE e.terminal_id = t.id) FROM terminals t "
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
        Core::Result<QList<JournalEntry>> entries = entriesOf(terminal, after, room);
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

Core::MasterChange masterChangeFrom(const QSqlQuery &query)
{
    // Columns: position, kind, key, version, node, data.
    return Core::MasterChange{query.value(1).toString(), query.value(2).toString(), query.value(3).toLongLong(),
                              query.value(4).toString(), QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object(),
                              query.value(0).toLongLong()};
}

} // namespace

Core::Result<MasterPushOutcome> ServerStore::pushMaster(const QString &terminalId, const QList<Core::MasterChange> &changes)
{
    Q_ASSERT(changes.size() <= Protocol::kMasterPushMax);
    const QString doing = QStringLiteral("store master data of terminal %1").arg(terminalId);
    ServerTransaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto locked = m_database.lockMasterData(); !locked)
        return locked.error();
    MasterPushOutcome outcome;
    const qint64 received = nowMs();
    for (const Core::MasterChange &change : changes) {
        if (change.node != terminalId)
            return makeError(ErrorCode::AuthenticationFailed,
                             QStringLiteral("%1 %2 was made by terminal %3; terminal %4 may push only its own changes.")
                                 .arg(change.kind, change.key, change.node, terminalId));
        const QString data = compactJson(change.data);
        Core::Result<QSqlQuery> same = m_database.run(
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
    Core::Result<QSqlQuery> query = m_database.run(
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
    Core::Result<QSqlQuery> query = m_database.run(
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
    Core::Result<QSqlQuery> query =
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
    Core::Result<QSqlQuery> query = m_database.run(
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
    Core::Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT account, currency, balance FROM account_balances WHERE balance <> 0 ORDER BY account, currency"), {},
        QStringLiteral("read account balances"));
    if (!query)
        return query.error();
    QList<Core::AccountBalance> result;
    while (query->next()) {
        const std::optional<Core::Currency> currency = Core::Currency::fromCode(query->value(1).toString());
        if (!currency)
            return makeError(ErrorCode::Corrupt, QStringLiteral("The balance of %1 has an unknown currency.").arg(query->value(0).toString()));
        result.append(Core::AccountBalance{query->value(0).toString(), Core::Money(query->value(2).toLongLong(), *currency)});
    }
    return result;
}

Core::Result<qint64> ServerStore::entryCount() const
{
    Core::Result<QSqlQuery> query = m_database.run(QStringLiteral("SELECT count(*) FROM entries"), {}, QStringLiteral("count entries"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

} // namespace Slate::Sync
