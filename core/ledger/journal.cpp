#include "ledger/journal.h"

#include "base/uuidv7.h"

#include <QDir>
#include <QMap>
#include <QSqlError>

namespace Slate::Core {

namespace {

// verify()'s findings name the file, as every storage error does, and say what to do.
Error integrityError(const QString &path, const QString &finding)
{
    return makeError(ErrorCode::Integrity,
                     QStringLiteral("%1 failed verification: %2 Restore it from a backup or let the server resend the journal.")
                         .arg(QDir::toNativeSeparators(path), finding));
}

QString entryLabel(const JournalEntry &entry)
{
    return QStringLiteral("entry %1 (terminal %2, sequence %3)")
        .arg(uuidText(entry.id), entry.terminalId)
        .arg(entry.sequence);
}

} // namespace

Journal::Journal(Database &database, StoreIdentity identity) : m_database(database), m_identity(std::move(identity)) {}

Result<JournalEntry> Journal::append(const EntryDraft &draft)
{
    if (auto valid = validateDraft(draft); !valid)
        return valid.error();

    const QString doing = QStringLiteral("record a %1 in the journal").arg(entryKindName(draft.kind));
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    JournalEntry entry;
    entry.id = newTimeOrderedUuid();
    entry.terminalId = m_identity.terminalId;
    entry.createdUtc = nowUtc();
    entry.kind = draft.kind;
    entry.userName = draft.userName;
    entry.note = draft.note;
    entry.references = draft.references;
    entry.postings = draft.postings;

    // The chain's tip is read inside the write transaction, so no other writer can interleave.
    Result<Query> tip = m_database.run(
        QStringLiteral("SELECT sequence, hash FROM journal_entries WHERE terminal_id = ? ORDER BY sequence DESC LIMIT 1"),
        {entry.terminalId}, doing);
    if (!tip)
        return tip.error();
    if (tip->next()) {
        entry.sequence = tip->value(0).toLongLong() + 1;
        entry.previousHash = tip->value(1).toByteArray();
    } else {
        entry.sequence = 1;
        entry.previousHash = genesisHash();
    }
    tip->finish();
    entry.hash = entry.computeHash();

    if (auto stored = write(entry, doing); !stored)
        return stored.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return entry;
}

// Writes a complete entry (ours or another terminal's): its row, its postings and the balances
// they move. The caller holds the transaction and has checked the entry's place in its chain.
Result<void> Journal::write(const JournalEntry &entry, const QString &doing)
{
    Result<Query> inserted = m_database.run(
        QStringLiteral("INSERT INTO journal_entries (id, terminal_id, sequence, created_utc, kind, user_name, note, "
                       "customer_id, order_id, override_id, related_entry_id, previous_hash, hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {uuidText(entry.id), entry.terminalId, entry.sequence, timestampText(entry.createdUtc), entryKindName(entry.kind),
         entry.userName, entry.note, entry.references.customerId, entry.references.orderId,
         entry.references.overrideId, entry.references.relatedEntryId, entry.previousHash, entry.hash},
        doing);
    if (!inserted)
        return inserted.error();
    const qint64 position = inserted->lastInsertId().toLongLong();
    for (qsizetype line = 0; line < entry.postings.size(); ++line) {
        const Posting &posting = entry.postings.at(line);
        if (auto done = m_database.run(
                QStringLiteral("INSERT INTO postings (entry_position, line, account, currency, amount) VALUES (?, ?, ?, ?, ?)"),
                {position, line + 1, posting.account, posting.amount.currency().code(), posting.amount.minorUnits()}, doing);
            !done)
            return done.error();
    }
    if (auto applied = applyToBalances(entry.postings); !applied)
        return applied.error();
    return {};
}

Result<void> Journal::applyToBalances(const QList<Posting> &postings)
{
    const QString doing = QStringLiteral("update account balances");
    for (const Posting &posting : postings) {
        // An account is kept in one currency for good, even when its balance is back at zero:
        // a second balance row would make balance() report whichever row comes first.
        Result<Query> kept = m_database.run(
            QStringLiteral("SELECT currency FROM account_balances WHERE account = ? AND currency <> ? LIMIT 1"),
            {posting.account, posting.amount.currency().code()}, doing);
        if (!kept)
            return kept.error();
        if (kept->next())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Account %1 is kept in %2; a posting in %3 cannot go to it.")
                                 .arg(posting.account, kept->value(0).toString(), posting.amount.currency().code()));
        kept->finish();
        // SQLite turns an overflowing integer sum into a float, so the sum is checked here first.
        Result<Money> current = balance(posting.account);
        if (!current)
            return current.error();
        Result<Money> next = Money(current->minorUnits(), posting.amount.currency()).plus(posting.amount);
        if (!next)
            return makeError(ErrorCode::Overflow,
                             QStringLiteral("The balance of %1 would go out of range; nothing was recorded.").arg(posting.account));
        if (auto done = m_database.run(
                QStringLiteral("INSERT INTO account_balances (account, currency, balance) VALUES (?, ?, ?) "
                               "ON CONFLICT (account, currency) DO UPDATE SET balance = balance + excluded.balance"),
                {posting.account, posting.amount.currency().code(), posting.amount.minorUnits()}, doing);
            !done)
            return done.error();
    }
    return {};
}

Result<Money> Journal::balance(const QString &account) const
{
    Result<Query> query = m_database.run(
        QStringLiteral("SELECT currency, balance FROM account_balances WHERE account = ?"), {account},
        QStringLiteral("read the balance of %1").arg(account));
    if (!query)
        return query.error();
    if (!query->next())
        return Money::zero(m_identity.currency);
    const std::optional<Currency> currency = Currency::fromCode(query->value(0).toString());
    if (!currency)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("The balance of %1 is in an unknown currency \"%2\"; run verify.")
                             .arg(account, query->value(0).toString()));
    return Money(query->value(1).toLongLong(), *currency);
}

Result<QList<AccountBalance>> Journal::balances() const
{
    Result<Query> query = m_database.scan(
        QStringLiteral("SELECT account, currency, balance FROM account_balances ORDER BY account, currency"), {},
        QStringLiteral("read account balances"));
    if (!query)
        return query.error();
    QList<AccountBalance> result;
    while (query->next()) {
        const std::optional<Currency> currency = Currency::fromCode(query->value(1).toString());
        if (!currency)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("The balance of %1 is in an unknown currency \"%2\"; run verify.")
                                 .arg(query->value(0).toString(), query->value(1).toString()));
        result.append(AccountBalance{query->value(0).toString(), Money(query->value(2).toLongLong(), *currency)});
    }
    return result;
}

Result<qint64> Journal::entryCount() const
{
    Result<Query> query =
        m_database.run(QStringLiteral("SELECT count(*) FROM journal_entries"), {}, QStringLiteral("count journal entries"));
    if (!query)
        return query.error();
    query->next();
    return query->value(0).toLongLong();
}

Result<void> Journal::forEachEntry(EntryOrder order, const std::function<bool(const JournalEntry &)> &visit) const
{
    const QString orderBy = order == EntryOrder::AsStored ? QStringLiteral("e.position, p.line")
                                                          : QStringLiteral("e.terminal_id, e.sequence, p.line");
    const QString doing = QStringLiteral("read the journal");
    Result<Query> query = m_database.scan(
        QStringLiteral("SELECT e.position, e.id, e.terminal_id, e.sequence, e.created_utc, e.kind, e.user_name, e.note, "
                       "e.customer_id, e.order_id, e.override_id, e.related_entry_id, e.previous_hash, e.hash, "
                       "p.account, p.currency, p.amount "
                       "FROM journal_entries e LEFT JOIN postings p ON p.entry_position = e.position ORDER BY ")
            + orderBy,
        {}, doing);
    if (!query)
        return query.error();
    qint64 currentPosition = -1;
    JournalEntry entry;
    auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("Journal entry at position %1 in %2 is damaged: %3. Restore from a backup.")
                             .arg(currentPosition)
                             .arg(m_database.path(), what));
    };
    bool stopped = false;
    while (!stopped && query->next()) {
        const qint64 position = query->value(0).toLongLong();
        if (position != currentPosition) {
            if (currentPosition >= 0 && !visit(entry)) {
                stopped = true;
                break;
            }
            currentPosition = position;
            entry = JournalEntry();
            entry.id = uuidFromText(query->value(1).toString());
            entry.terminalId = query->value(2).toString();
            entry.sequence = query->value(3).toLongLong();
            entry.createdUtc = timestampFromText(query->value(4).toString());
            const std::optional<EntryKind> kind = entryKindFromName(query->value(5).toString());
            if (entry.id.isNull() || !entry.createdUtc.isValid() || !kind)
                return corrupt(QStringLiteral("id \"%1\", time \"%2\" or kind \"%3\" is malformed")
                                   .arg(query->value(1).toString(), query->value(4).toString(), query->value(5).toString()));
            entry.kind = *kind;
            entry.userName = query->value(6).toString();
            entry.note = query->value(7).toString();
            entry.references = {query->value(8).toString(), query->value(9).toString(), query->value(10).toString(),
                                query->value(11).toString()};
            entry.previousHash = query->value(12).toByteArray();
            entry.hash = query->value(13).toByteArray();
        }
        if (query->isNull(14))
            continue; // an entry without postings; verify reports it
        const std::optional<Currency> currency = Currency::fromCode(query->value(15).toString());
        if (!currency)
            return corrupt(QStringLiteral("unknown currency \"%1\"").arg(query->value(15).toString()));
        entry.postings.append(Posting{query->value(14).toString(), Money(query->value(16).toLongLong(), *currency)});
    }
    if (!stopped && query->lastError().isValid())
        return m_database.errorFrom(query->lastError(), doing);
    if (!stopped && currentPosition >= 0)
        visit(entry);
    return {};
}

Result<VerifyReport> Journal::verify() const
{
    auto discrepancy = [this](const QString &finding) { return integrityError(m_database.path(), finding); };
    VerifyReport report;
    {
        Result<Query> check = m_database.scan(QStringLiteral("PRAGMA quick_check"), {},
                                                  QStringLiteral("check the database file"));
        if (!check)
            return check.error();
        if (check->next() && check->value(0).toString() != QLatin1String("ok"))
            return discrepancy(QStringLiteral("SQLite reports damage: %1.").arg(check->value(0).toString()));
    }

    // Walk every terminal's chain in sequence order, recomputing sums as we go.
    QMap<std::pair<QString, QString>, qint64> sums; // (account, currency) -> sum of postings
    std::optional<Error> failure;
    QString previousTerminal;
    qint64 expectedSequence = 1;
    QByteArray expectedPrevious = genesisHash();
    auto walked = forEachEntry(EntryOrder::ByTerminalChain, [&](const JournalEntry &entry) {
        if (entry.terminalId != previousTerminal) {
            previousTerminal = entry.terminalId;
            expectedSequence = 1;
            expectedPrevious = genesisHash();
            ++report.terminals;
        }
        if (entry.sequence != expectedSequence) {
            failure = discrepancy(QStringLiteral("Terminal %1's journal has a gap: expected sequence %2, found %3 (%4).")
                                      .arg(entry.terminalId)
                                      .arg(expectedSequence)
                                      .arg(entry.sequence)
                                      .arg(entryLabel(entry)));
            return false;
        }
        if (entry.previousHash != expectedPrevious) {
            failure = discrepancy(QStringLiteral("The hash chain is broken at %1: its previous-hash does not match the "
                                                 "hash of sequence %2.")
                                      .arg(entryLabel(entry))
                                      .arg(entry.sequence - 1));
            return false;
        }
        if (entry.computeHash() != entry.hash) {
            failure = discrepancy(QStringLiteral("%1 was altered: its content no longer matches its hash.").arg(entryLabel(entry)));
            return false;
        }
        EntryDraft draft{entry.kind, entry.userName, entry.note, entry.references, entry.postings};
        if (auto valid = validateDraft(draft); !valid) {
            failure = discrepancy(QStringLiteral("%1 is invalid: %2").arg(entryLabel(entry), valid.message()));
            return false;
        }
        for (const Posting &posting : entry.postings) {
            qint64 &sum = sums[{posting.account, posting.amount.currency().code()}];
            if (__builtin_add_overflow(sum, posting.amount.minorUnits(), &sum)) {
                failure = discrepancy(QStringLiteral("The postings to %1 overflow at %2.").arg(posting.account, entryLabel(entry)));
                return false;
            }
            ++report.postings;
        }
        expectedPrevious = entry.hash;
        ++expectedSequence;
        ++report.entries;
        return true;
    });
    if (!walked)
        return walked.error();
    if (failure)
        return *failure;

    Result<QList<AccountBalance>> stored = balances();
    if (!stored)
        return stored.error();
    for (const AccountBalance &row : *stored) {
        const auto key = std::make_pair(row.account, row.balance.currency().code());
        const qint64 expected = sums.value(key, 0);
        if (expected != row.balance.minorUnits())
            return discrepancy(QStringLiteral("The balance of %1 is %2 %3, but its postings sum to %4 %3.")
                                   .arg(row.account, row.balance.toDecimalString(), row.balance.currency().code(),
                                        Money(expected, row.balance.currency()).toDecimalString()));
        sums.remove(key);
        ++report.accounts;
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        if (it.value() != 0)
            return discrepancy(QStringLiteral("Account %1 has postings summing to %2 minor units of %3 but no balance row.")
                                   .arg(it.key().first)
                                   .arg(it.value())
                                   .arg(it.key().second));
    }
    return report;
}

} // namespace Slate::Core
