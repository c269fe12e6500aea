#include "ledger/journal.h"

#include "base/uuidv7.h"
#include "ledger/accounts.h"
#include "storage/bulk.h"

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

constexpr qsizetype kMismatchesNamedMax = 5;
constexpr qsizetype kChainEndsNamedMax = 20;

// What verify says when balances and postings disagree: the accounts, and where every chain
// ends, because deleting the last entries of a chain is seen only here and only a till (or the
// server) that holds the chain can tell which entries are missing.
QString balanceFinding(const QStringList &mismatches, qint64 mismatchCount, const QMap<QString, qint64> &lastSequences)
{
    QString finding = mismatchCount == 1
        ? QStringLiteral("The account balances do not match their postings: %1.").arg(mismatches.first())
        : QStringLiteral("%1 account balances do not match their postings: %2%3.")
              .arg(mismatchCount)
              .arg(mismatches.join(QStringLiteral("; ")),
                   mismatchCount > mismatches.size() ? QStringLiteral("; and %1 more").arg(mismatchCount - mismatches.size())
                                                     : QString());
    QStringList ends;
    for (auto it = lastSequences.cbegin(); it != lastSequences.cend() && ends.size() < kChainEndsNamedMax; ++it)
        ends << QStringLiteral("%1 at sequence %2").arg(it.key()).arg(it.value());
    if (lastSequences.size() > ends.size())
        ends << QStringLiteral("%1 more").arg(lastSequences.size() - ends.size());
    finding += QStringLiteral(" Either a balance was changed, or postings were removed: entries deleted from the end of a "
                              "terminal's chain leave no gap, so compare where each chain ends here (%1) with that terminal's "
                              "own journal.")
                   .arg(ends.isEmpty() ? QStringLiteral("no entries") : ends.join(QStringLiteral(", ")));
    return finding;
}

} // namespace

Journal::Journal(Database &database, StoreIdentity identity) : m_database(database), m_identity(std::move(identity)) {}

Result<JournalEntry> Journal::append(const EntryDraft &draft)
{
    if (auto valid = validateDraft(draft); !valid)
        return valid.error();
    if (!Accounts::isValidCode(m_identity.terminalId))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("This journal belongs to no terminal, so it cannot record entries of its own."));

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
    Result<ChainTip> tip = ForeignEntries::chainTip(m_database, entry.terminalId);
    if (!tip)
        return tip.error();
    entry.sequence = tip->sequence + 1;
    entry.previousHash = tip->hash;
    entry.hash = entry.computeHash();

    if (auto stored = write({entry}, doing); !stored)
        return stored.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return entry;
}

Result<QList<qint64>> Journal::reservePositions(qsizetype count, const QString &doing)
{
    QList<qint64> positions;
    positions.reserve(count);
    if (m_database.dialect() == Dialect::Postgres) {
        // Server processes sharing the database each draw their own numbers from the sequence,
        // looked up once per statement (per row, the catalog lookup was 7% of PostgreSQL's work
        // on a push).
        Result<Query> drawn = m_database.run(
            QStringLiteral("SELECT nextval(q.sequence) FROM (SELECT pg_get_serial_sequence('journal_entries', 'position')::regclass "
                           "AS sequence OFFSET 0) q CROSS JOIN generate_series(1, ?)"),
            {count}, doing);
        if (!drawn)
            return drawn.error();
        while (drawn->next())
            positions.append(drawn->value(0).toLongLong());
    } else {
        // SQLite: the transaction holds the write lock, so the next rowids are ours.
        Result<Query> top = m_database.run(QStringLiteral("SELECT coalesce(max(position), 0) FROM journal_entries"), {}, doing);
        if (!top)
            return top.error();
        const qint64 last = top->next() ? top->value(0).toLongLong() : 0;
        for (qsizetype i = 1; i <= count; ++i)
            positions.append(last + i);
    }
    if (positions.size() != count)
        return makeError(ErrorCode::IoError, QStringLiteral("The database did not number %1 journal entries.").arg(count));
    return positions;
}

// Writes complete entries (ours or other terminals'): their rows, their postings and the
// balances they move, as a set. The caller holds the transaction and has checked each entry's
// place in its chain.
Result<QList<BalanceMove>> Journal::write(const QList<JournalEntry> &entries, const QString &doing)
{
    if (entries.isEmpty())
        return QList<BalanceMove>();
    Result<QList<qint64>> positions = reservePositions(entries.size(), doing);
    if (!positions)
        return positions.error();
    QVariantList entryRows;
    QVariantList postingRows;
    entryRows.reserve(entries.size() * 14);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const JournalEntry &entry = entries.at(i);
        const qint64 position = positions->at(i);
        entryRows << position << uuidText(entry.id) << entry.terminalId << entry.sequence << timestampText(entry.createdUtc)
                  << entryKindName(entry.kind) << entry.userName << entry.note << entry.references.customerId
                  << entry.references.orderId << entry.references.overrideId << entry.references.relatedEntryId
                  << entry.previousHash << entry.hash;
        for (qsizetype line = 0; line < entry.postings.size(); ++line) {
            const Posting &posting = entry.postings.at(line);
            postingRows << position << int(line + 1) << posting.account << posting.amount.currency().code()
                        << posting.amount.minorUnits();
        }
    }
    static const Bulk::RowsStatement kEntries{
        QStringLiteral("INSERT INTO journal_entries (position, id, terminal_id, sequence, created_utc, kind, user_name, note, "
                       "customer_id, order_id, override_id, related_entry_id, previous_hash, hash) VALUES "),
        14, QString()};
    static const Bulk::RowsStatement kPostings{
        QStringLiteral("INSERT INTO postings (entry_position, line, account, currency, amount) VALUES "), 5, QString()};
    if (auto done = Bulk::rows(m_database, kEntries, entryRows, doing); !done)
        return done.error();
    if (auto done = Bulk::rows(m_database, kPostings, postingRows, doing); !done)
        return done.error();
    return moveBalances(entries, doing);
}

Result<QList<BalanceMove>> Journal::moveBalances(const QList<JournalEntry> &entries, const QString &doing)
{
    // One move per account, summed in memory. Accounts are updated in name order, so that two
    // server processes storing entries of two terminals at once lock rows in the same order.
    QMap<QString, Money> moves; // account -> the sum of its postings in this batch
    for (const JournalEntry &entry : entries) {
        for (const Posting &posting : entry.postings) {
            auto it = moves.find(posting.account);
            if (it == moves.end()) {
                moves.insert(posting.account, posting.amount);
                continue;
            }
            // An account is kept in one currency for good (see below), within a batch too.
            if (!(it->currency() == posting.amount.currency()))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("Account %1 is kept in %2; a posting in %3 cannot go to it.")
                                     .arg(posting.account, it->currency().code(), posting.amount.currency().code()));
            Result<Money> sum = it->plus(posting.amount);
            if (!sum)
                return makeError(ErrorCode::Overflow,
                                 QStringLiteral("The balance of %1 would go out of range; nothing was recorded.").arg(posting.account));
            *it = *sum;
        }
    }
    // The balances now: an account is kept in one currency for good, even when its balance is
    // back at zero (a second balance row would make balance() report whichever row comes first);
    // and SQLite turns an overflowing integer sum into a float, so the sum is checked here first.
    QVariantList accounts;
    accounts.reserve(moves.size());
    for (auto it = moves.cbegin(); it != moves.cend(); ++it)
        accounts.append(it.key());
    std::optional<Error> refused;
    auto check = [&](Query &rows) {
        while (!refused && rows.next()) {
            const QString account = rows.value(0).toString();
            const Money move = moves.value(account);
            if (rows.value(1).toString() != move.currency().code()) {
                refused = makeError(ErrorCode::InvalidArgument, QStringLiteral("Account %1 is kept in %2; a posting in %3 cannot go to it.")
                                                                    .arg(account, rows.value(1).toString(), move.currency().code()));
                return;
            }
            qint64 unused = 0;
            if (__builtin_add_overflow(rows.value(2).toLongLong(), move.minorUnits(), &unused))
                refused = makeError(ErrorCode::Overflow,
                                    QStringLiteral("The balance of %1 would go out of range; nothing was recorded.").arg(account));
        }
    };
    if (auto read = Bulk::selectIn(m_database, QStringLiteral("SELECT account, currency, balance FROM account_balances WHERE account IN (%1)"),
                                   {}, accounts, doing, check);
        !read)
        return read.error();
    if (refused)
        return *refused;

    QVariantList rows;
    rows.reserve(moves.size() * 3);
    for (auto it = moves.cbegin(); it != moves.cend(); ++it)
        rows << it.key() << it->currency().code() << it->minorUnits();
    static const Bulk::RowsStatement kUpsert{
        QStringLiteral("INSERT INTO account_balances (account, currency, balance) VALUES "), 3,
        QStringLiteral(" ON CONFLICT (account, currency) DO UPDATE SET balance = account_balances.balance + excluded.balance "
                       "RETURNING account, balance")};
    QList<BalanceMove> result;
    result.reserve(moves.size());
    auto collect = [&](Query &returned) {
        while (returned.next()) {
            const QString account = returned.value(0).toString();
            const Money move = moves.value(account);
            const qint64 after = returned.value(1).toLongLong();
            result.append(BalanceMove{account, Money(after - move.minorUnits(), move.currency()), Money(after, move.currency())});
        }
    };
    if (auto done = Bulk::rows(m_database, kUpsert, rows, QStringLiteral("update account balances"), collect); !done)
        return done.error();
    if (result.size() != moves.size())
        return makeError(ErrorCode::IoError, QStringLiteral("The database did not report the balances of %1 accounts.").arg(moves.size()));
    std::sort(result.begin(), result.end(), [](const BalanceMove &a, const BalanceMove &b) { return a.account < b.account; });
    return result;
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
    if (m_database.dialect() == Dialect::Sqlite) {
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
    QMap<QString, qint64> lastSequences; // terminal -> the last sequence of its chain here
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
        lastSequences.insert(entry.terminalId, entry.sequence);
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
    // Every account whose balance differs is named (up to a bound), not only the first: an entry
    // removed from the end of a chain leaves no gap, only the balances it moved, and naming them
    // all points at the entry.
    QStringList mismatches;
    qint64 mismatchCount = 0;
    auto mismatch = [&](const QString &finding) {
        if (++mismatchCount <= kMismatchesNamedMax)
            mismatches << finding;
    };
    for (const AccountBalance &row : *stored) {
        const auto key = std::make_pair(row.account, row.balance.currency().code());
        const qint64 expected = sums.value(key, 0);
        if (expected != row.balance.minorUnits())
            mismatch(QStringLiteral("the balance of %1 is %2 %3, but its postings sum to %4 %3")
                         .arg(row.account, row.balance.toDecimalString(), row.balance.currency().code(),
                              Money(expected, row.balance.currency()).toDecimalString()));
        else
            ++report.accounts;
        sums.remove(key);
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        if (it.value() != 0)
            mismatch(QStringLiteral("account %1 has postings summing to %2 minor units of %3 but no balance row")
                         .arg(it.key().first)
                         .arg(it.value())
                         .arg(it.key().second));
    }
    if (mismatchCount > 0)
        return discrepancy(balanceFinding(mismatches, mismatchCount, lastSequences));
    return report;
}

} // namespace Slate::Core
