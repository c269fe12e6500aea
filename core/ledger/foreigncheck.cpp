#include "ledger/foreigncheck.h"

#include "base/uuidv7.h"
#include "storage/bulk.h"

namespace Slate::Core::ForeignCheck {

namespace {

QString label(const JournalEntry &entry)
{
    return QStringLiteral("%1 %2 (terminal %3, sequence %4)")
        .arg(entryKindName(entry.kind), uuidText(entry.id), entry.terminalId)
        .arg(entry.sequence);
}

QString postingLabel(const Posting &posting, qsizetype index)
{
    return QStringLiteral("postings[%1] (%2 %3 %4)")
        .arg(index)
        .arg(posting.account, posting.amount.toDecimalString(), posting.amount.currency().code());
}

// Everything a batch names, collected once so that each is read once.
struct Names {
    QSet<QString> accounts;
    QSet<QString> terminals;
    QSet<QString> stores;
    QSet<QString> customers;
};

Names namesIn(const QList<JournalEntry> &entries)
{
    Names names;
    for (const JournalEntry &entry : entries) {
        names.terminals.insert(entry.terminalId);
        if (!entry.references.customerId.isEmpty())
            names.customers.insert(entry.references.customerId);
        for (const Posting &posting : entry.postings) {
            names.accounts.insert(posting.account);
            const std::optional<AccountParts> parts = Accounts::parse(posting.account);
            if (!parts)
                continue;
            if (!parts->storeCode.isEmpty())
                names.stores.insert(parts->storeCode);
            if (!parts->terminalId.isEmpty())
                names.terminals.insert(parts->terminalId);
            if (!parts->customerId.isEmpty())
                names.customers.insert(parts->customerId);
        }
    }
    return names;
}

Result<QHash<QString, QString>> accountCurrencies(const Database &database, const QSet<QString> &accounts)
{
    QVariantList keys;
    keys.reserve(accounts.size());
    for (const QString &account : accounts)
        keys.append(account);
    QHash<QString, QString> currencies;
    auto collect = [&currencies](Query &rows) {
        while (rows.next())
            currencies.insert(rows.value(0).toString(), rows.value(1).toString());
    };
    if (auto read = Bulk::selectIn(database, QStringLiteral("SELECT account, currency FROM account_balances WHERE account IN (%1)"), {},
                                   keys, QStringLiteral("read the currencies of %1 accounts").arg(keys.size()), collect);
        !read)
        return read.error();
    return currencies;
}

} // namespace

Result<std::optional<ForeignFinding>> check(const Database &database, const ForeignDirectory &directory,
                                            const QList<JournalEntry> &entries)
{
    if (entries.isEmpty())
        return std::optional<ForeignFinding>();
    const Names names = namesIn(entries);
    Result<QHash<QString, QString>> held = accountCurrencies(database, names.accounts);
    if (!held)
        return held.error();
    Result<std::optional<Currency>> books = directory.booksCurrency();
    if (!books)
        return books.error();
    Result<std::optional<QHash<QString, QString>>> terminalStores = directory.terminalStores(names.terminals);
    if (!terminalStores)
        return terminalStores.error();
    Result<std::optional<QSet<QString>>> stores = directory.knownStores(names.stores);
    if (!stores)
        return stores.error();
    Result<std::optional<QSet<QString>>> customers = directory.knownCustomers(names.customers);
    if (!customers)
        return customers.error();

    // Accounts new here take the books' currency; on books without one yet, the first posting's.
    std::optional<QString> booksCode = *books ? std::optional<QString>((*books)->code()) : std::nullopt;
    QHash<QString, QString> fresh; // account new here -> the currency the batch opened it in
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const JournalEntry &entry = entries.at(i);
        auto finding = [&](qsizetype posting, ForeignFindingKind kind, const QString &message) {
            return std::optional<ForeignFinding>(
                ForeignFinding{i, posting, kind, QStringLiteral("%1 was not stored: %2").arg(label(entry), message)});
        };
        if (*terminalStores) {
            const auto store = (*terminalStores)->constFind(entry.terminalId);
            if (store == (*terminalStores)->cend())
                return finding(-1, ForeignFindingKind::Unknown, QStringLiteral("terminal %1 is not enrolled here.").arg(entry.terminalId));
            // Authority first: what a terminal may not touch is a security matter, whatever else is wrong.
            if (std::optional<EntryAuthority::Refusal> refused = EntryAuthority::check(entry, {entry.terminalId, *store}))
                return finding(refused->postingIndex, ForeignFindingKind::Forbidden, refused->message);
        }
        if (*customers && !entry.references.customerId.isEmpty() && !(*customers)->contains(entry.references.customerId))
            return finding(-1, ForeignFindingKind::Unknown,
                           QStringLiteral("it names customer %1, who is not known here; a customer reaches the server as master "
                                          "data before the entries that name them.")
                               .arg(entry.references.customerId));
        for (qsizetype p = 0; p < entry.postings.size(); ++p) {
            const Posting &posting = entry.postings.at(p);
            const QString what = postingLabel(posting, p);
            if (const std::optional<AccountParts> parts = Accounts::parse(posting.account)) {
                if (*customers && !parts->customerId.isEmpty() && !(*customers)->contains(parts->customerId))
                    return finding(p, ForeignFindingKind::Unknown,
                                   QStringLiteral("%1 is the account of customer %2, who is not known here.").arg(what, parts->customerId));
                if (*stores && !parts->storeCode.isEmpty() && !(*stores)->contains(parts->storeCode))
                    return finding(p, ForeignFindingKind::Unknown,
                                   QStringLiteral("%1 names store %2, which has no terminal enrolled here.").arg(what, parts->storeCode));
                if (*terminalStores && !parts->terminalId.isEmpty()
                    && (*terminalStores)->value(parts->terminalId) != parts->storeCode)
                    return finding(p, ForeignFindingKind::Unknown,
                                   QStringLiteral("%1 names terminal %2 of store %3, which is not enrolled here.")
                                       .arg(what, parts->terminalId, parts->storeCode));
            }
            const QString currency = posting.amount.currency().code();
            const auto kept = held->constFind(posting.account);
            if (kept != held->cend()) {
                if (*kept != currency)
                    return finding(p, ForeignFindingKind::Currency,
                                   QStringLiteral("%1: the account is kept in %2 here; a posting in %3 cannot go to it.")
                                       .arg(what, *kept, currency));
                continue;
            }
            const QString opened = fresh.value(posting.account, booksCode.value_or(QString()));
            if (!opened.isEmpty() && opened != currency)
                return finding(p, ForeignFindingKind::Currency,
                               QStringLiteral("%1: these books are kept in %2, so a new account takes %2; a posting in %3 "
                                              "cannot open it.")
                                   .arg(what, opened, currency));
            fresh.insert(posting.account, currency);
            if (!booksCode)
                booksCode = currency;
        }
    }
    return std::optional<ForeignFinding>();
}

} // namespace Slate::Core::ForeignCheck
