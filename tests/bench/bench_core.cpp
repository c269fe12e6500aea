// bench_core: latency of the till's hot paths in slate_core on a shop-sized store of 100,000
// customers and 1,000,000 journal entries. The store is generated once through the real
// services (so hashes, chains and balances are real) and cached; every benchmark records each
// iteration's duration and reports p50/p99/max as counters next to Google Benchmark's mean.
// Run by hand (see README.md); --benchmark_format=json gives machine-readable output.

#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace {

using namespace Slate::Core;
using Clock = std::chrono::steady_clock;

constexpr int kCustomerCount = 100'000;
constexpr qint64 kEntryCount = 1'000'000;
// Operations per outer transaction while generating: one commit per batch, not per entry.
constexpr int kBatchOperations = 10'000;
constexpr qint64 kProgressEvery = 100'000;
// The first tenth of the customers are regulars who get half of all entries (about 55 each);
// the others get about 5 each, as in a shop where a few customers use their wallet weekly.
constexpr int kRegularCount = kCustomerCount / 10;
constexpr std::uint64_t kSeed = 20261123;

constexpr int kDurableIterations = 2000;
constexpr int kReadIterations = 20000;
constexpr int kHistoryIterations = 5000;
constexpr int kSearchIterations = 500;

const char *const kFirstNames[] = {
    "Ola", "Kari", "Per", "Ingrid", "Lars", "Sofie", "Emma", "Nora", "Jakob", "Emil", "Noah", "Oliver",
    "William", "Lucas", "Filip", "Aksel", "Henrik", "Magnus", "Sander", "Jonas", "Mathias", "Kristian",
    "Thomas", "Anders", "Ole", "Knut", "Bjørn", "Øyvind", "Åse", "Liv", "Marit", "Hilde", "Silje", "Ida",
    "Thea", "Maja", "Sara", "Ella", "Frida", "Hanna", "Julie", "Ingeborg", "Astrid", "Mohammed", "Fatima",
    "Aisha", "Yusuf", "Omar", "Anna", "Maria", "Piotr", "Agnieszka", "Tomasz", "Katarzyna", "Elif", "Mehmet",
    "Linh", "Minh", "Priya", "Arjun", "Wei", "Mei", "John", "Michael", "Sarah", "Jessica", "David", "Laura",
    "Sofia", "Lukas", "Mia", "Ahmed", "Zainab", "Tobias", "Vilde", "Eirik", "Sigrid", "Håkon", "Torstein",
};

const char *const kLastNames[] = {
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
    "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen",
    "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen",
    "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen",
    "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Tran", "Ali", "Ahmed", "Khan",
    "Hussain", "Kowalski", "Nowak", "Yilmaz", "Singh", "Smith", "Brown", "García", "Müller", "Rossi",
    "Ødegård", "Aas", "Holm", "Bakke", "Nordmann", "Wang", "Li", "Kim", "Park", "Øverland", "Fjeld",
    "Sæther", "Vik", "Rønning", "Lien", "Nygård", "Aasen", "Brekke", "Tangen", "Hovland", "Ruud",
};

const char *const kUserNames[] = {"cashier-1", "cashier-2", "cashier-3", "manager"};
const char *const kAdjustmentReasons[] = {"Goodwill: late delivery", "Corrected double top-up", "Expired voucher",
                                          "Price match", "Returned gift card"};

template <typename T, size_t N>
const T &pick(const T (&items)[N], std::mt19937_64 &random)
{
    return items[std::uniform_int_distribution<size_t>(0, N - 1)(random)];
}

int randomInt(std::mt19937_64 &random, int low, int high)
{
    return std::uniform_int_distribution<int>(low, high)(random);
}

QString digits(std::mt19937_64 &random, int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text.append(QChar(u'0' + randomInt(random, 0, 9)));
    return text;
}

// Card numbers are what a scanner reads: a shop prefix and six digits; multiplying the index by
// a prime coprime to 10^6 makes them unique without looking like a counter.
QString cardFor(int index)
{
    return QStringLiteral("7001%1").arg((qint64(index) * 7919 + 12345) % 1'000'000, 6, 10, QLatin1Char('0'));
}

NewCustomer newRandomCustomer(int index, std::mt19937_64 &random)
{
    const QString first = QString::fromUtf8(pick(kFirstNames, random));
    QString name = first;
    if (randomInt(random, 1, 10) == 1)
        name += QLatin1Char(' ') + QString::fromUtf8(pick(kFirstNames, random));
    const QString last = QString::fromUtf8(pick(kLastNames, random));
    name += QLatin1Char(' ') + last;
    if (randomInt(random, 1, 12) == 1)
        name += QLatin1Char('-') + QString::fromUtf8(pick(kLastNames, random));

    QString phone;
    const int phoneKind = randomInt(random, 1, 20);
    if (phoneKind <= 12)
        phone = QStringLiteral("+47 9%1 %2 %3").arg(digits(random, 2), digits(random, 2), digits(random, 3));
    else if (phoneKind <= 16)
        phone = QStringLiteral("4%1%2").arg(digits(random, 2), digits(random, 5));
    else if (phoneKind == 17)
        phone = QStringLiteral("+46 70 %1 %2 %3").arg(digits(random, 3), digits(random, 2), digits(random, 2));
    // otherwise no phone on file

    QString email;
    if (randomInt(random, 1, 2) == 1)
        email = QStringLiteral("%1.%2%3@example.%4")
                    .arg(first.toLower(), last.toLower())
                    .arg(index % 100)
                    .arg(randomInt(random, 1, 3) == 1 ? QStringLiteral("com") : QStringLiteral("no"));
    return NewCustomer{cardFor(index), name, phone, email};
}

void progress(const char *what, qint64 done, qint64 total, const Clock::time_point &start)
{
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::fprintf(stderr, "  %s %lld/%lld  %.1f s  (%.0f/s)\n", what, static_cast<long long>(done),
                 static_cast<long long>(total), seconds, seconds > 0 ? double(done) / seconds : 0.0);
}

Result<QList<Customer>> addCustomers(Store &store, std::mt19937_64 &random)
{
    QList<Customer> customers;
    customers.reserve(kCustomerCount);
    const Clock::time_point start = Clock::now();
    for (int batchStart = 0; batchStart < kCustomerCount; batchStart += kBatchOperations) {
        Transaction batch(store.database());
        if (auto begun = batch.begin(); !begun)
            return begun.error();
        for (int index = batchStart; index < std::min(batchStart + kBatchOperations, kCustomerCount); ++index) {
            Result<Customer> customer = store.customers().add(newRandomCustomer(index, random));
            if (!customer)
                return customer.error();
            customers.append(*customer);
        }
        if (auto committed = batch.commit(); !committed)
            return committed.error();
    }
    progress("customers", kCustomerCount, kCustomerCount, start);
    return customers;
}

// One random top-up (85%) or manager adjustment (15%); `wallets` mirrors the wallets so that a
// negative adjustment never exceeds what the customer holds (adjust() refuses that).
Result<JournalEntry> randomMovement(Store &store, const QList<Customer> &customers, std::vector<qint64> &wallets,
                                    std::mt19937_64 &random)
{
    static const int kRoundAmounts[] = {50, 100, 200, 250, 300, 500, 1000, 2000};
    static const PaymentJournal kJournals[] = {PaymentJournal::Cash, PaymentJournal::Card, PaymentJournal::Bank};
    const Currency &currency = store.identity().currency;
    const int index = randomInt(random, 0, 1) == 0 ? randomInt(random, 0, kRegularCount - 1)
                                                   : randomInt(random, 0, kCustomerCount - 1);
    const Customer &customer = customers.at(index);
    qint64 &held = wallets[size_t(index)];
    if (randomInt(random, 1, 100) <= 85) {
        const qint64 amountMinor = randomInt(random, 1, 3) == 1 ? qint64(randomInt(random, 1000, 200000))
                                                                : qint64(pick(kRoundAmounts, random)) * 100;
        Result<JournalEntry> entry = store.credit().topUp(customer, Money(amountMinor, currency), pick(kJournals, random),
                                                          QString(), QString::fromUtf8(pick(kUserNames, random)));
        held += entry ? amountMinor : 0;
        return entry;
    }
    const qint64 amountMinor = held > 0 && randomInt(random, 0, 1) == 0
                                   ? -std::min<qint64>(held, randomInt(random, 100, 50000))
                                   : qint64(randomInt(random, 100, 20000));
    Result<JournalEntry> entry = store.credit().adjust(customer, Money(amountMinor, currency),
                                                       QString::fromUtf8(pick(kAdjustmentReasons, random)),
                                                       QStringLiteral("manager"));
    held += entry ? amountMinor : 0;
    return entry;
}

Result<void> addEntries(Store &store, const QList<Customer> &customers, std::mt19937_64 &random)
{
    std::vector<qint64> wallets(size_t(customers.size()), 0);
    const Clock::time_point start = Clock::now();
    for (qint64 batchStart = 0; batchStart < kEntryCount; batchStart += kBatchOperations) {
        Transaction batch(store.database());
        if (auto begun = batch.begin(); !begun)
            return begun.error();
        const qint64 batchEnd = std::min<qint64>(batchStart + kBatchOperations, kEntryCount);
        for (qint64 done = batchStart; done < batchEnd; ++done) {
            if (Result<JournalEntry> entry = randomMovement(store, customers, wallets, random); !entry)
                return entry.error();
        }
        if (auto committed = batch.commit(); !committed)
            return committed.error();
        if (batchEnd % kProgressEvery == 0 || batchEnd == kEntryCount)
            progress("journal entries", batchEnd, kEntryCount, start);
    }
    return {};
}

void removeDatabaseFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

// Builds the store in a side file and renames it into place only when complete, so an
// interrupted generation never leaves a half-filled cache behind.
Result<void> generate(const QString &path)
{
    const QString partial = path + QStringLiteral(".partial");
    removeDatabaseFiles(partial);
    std::fprintf(stderr, "Generating %d customers and %lld journal entries into %s\n", kCustomerCount,
                 static_cast<long long>(kEntryCount), qPrintable(QDir::toNativeSeparators(path)));
    {
        Result<std::unique_ptr<Store>> store =
            Store::create(partial, StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")});
        if (!store)
            return store.error();
        // A large page cache only while generating: the random inserts into the postings index
        // would otherwise re-read pages constantly. The benchmarks run with the default.
        if (auto done = (*store)->database().run(QStringLiteral("PRAGMA cache_size = -262144"), {}, QStringLiteral("size the cache"));
            !done)
            return done.error();
        std::mt19937_64 random(kSeed);
        Result<QList<Customer>> customers = addCustomers(**store, random);
        if (!customers)
            return customers.error();
        if (auto entries = addEntries(**store, *customers, random); !entries)
            return entries.error();
    } // closing the last connection checkpoints and removes the WAL
    QFile::remove(path);
    if (!QFile::rename(partial, path))
        return makeError(ErrorCode::IoError, QStringLiteral("Could not rename %1 to %2.").arg(partial, path));
    return {};
}

struct Fixture {
    std::unique_ptr<Store> store;
    QList<Customer> customers; // in insertion order: the first kRegularCount are the regulars
};

Fixture *g_fixture = nullptr;

Result<QList<Customer>> loadCustomers(Store &store)
{
    Result<Query> query = store.database().scan(
        QStringLiteral("SELECT id, card, name, phone FROM customers ORDER BY row"), {}, QStringLiteral("load customers"));
    if (!query)
        return query.error();
    QList<Customer> customers;
    customers.reserve(kCustomerCount);
    while (query->next())
        customers.append(Customer{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                                  query->value(3).toString(), QString(), QDateTime(), QDateTime(), CreditTerms{}});
    return customers;
}

// Opens the cached store, generating it first when it does not exist. A file with other counts
// is not ours to delete: the run stops and says so.
Result<std::unique_ptr<Fixture>> prepare(const QString &path)
{
    const Clock::time_point start = Clock::now();
    bool generated = false;
    if (!QFileInfo::exists(path)) {
        if (auto made = generate(path); !made)
            return made.error();
        generated = true;
    }
    const double generationSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    auto fixture = std::make_unique<Fixture>();
    // As the cashier app opens its store: the log is checkpointed when idle, not by a commit.
    OpenOptions options;
    options.checkpoints = CheckpointPolicy::WhenIdle;
    Result<std::unique_ptr<Store>> store = Store::open(path, options);
    if (!store)
        return store.error();
    fixture->store = std::move(*store);
    const Result<qint64> customers = fixture->store->customers().count();
    const Result<qint64> entries = fixture->store->journal().entryCount();
    if (!customers || !entries)
        return customers ? entries.error() : customers.error();
    // The write benchmarks append a few thousand entries per run, so more entries are fine.
    if (*customers != kCustomerCount || *entries < kEntryCount)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 holds %2 customers and %3 entries, not the %4 and %5 this benchmark generates; "
                                        "delete it (and its -wal/-shm files) or set SLATE_BENCH_DB to another path.")
                             .arg(path)
                             .arg(*customers)
                             .arg(*entries)
                             .arg(kCustomerCount)
                             .arg(kEntryCount));
    Result<QList<Customer>> loaded = loadCustomers(*fixture->store);
    if (!loaded)
        return loaded.error();
    fixture->customers = std::move(*loaded);

    const double sizeMb = double(QFileInfo(path).size()) / (1024.0 * 1024.0);
    std::fprintf(stderr, "Store %s: %lld customers, %lld journal entries, %.0f MiB%s\n",
                 qPrintable(QDir::toNativeSeparators(path)), static_cast<long long>(*customers),
                 static_cast<long long>(*entries), sizeMb,
                 generated ? qPrintable(QStringLiteral(", generated in %1 s").arg(generationSeconds, 0, 'f', 1))
                           : " (cached)");
    benchmark::AddCustomContext("slate_db", path.toStdString());
    benchmark::AddCustomContext("slate_db_size_mib", QString::number(sizeMb, 'f', 0).toStdString());
    benchmark::AddCustomContext("slate_customers", std::to_string(*customers));
    benchmark::AddCustomContext("slate_journal_entries", std::to_string(*entries));
    if (generated)
        benchmark::AddCustomContext("slate_generation_s", QString::number(generationSeconds, 'f', 1).toStdString());
    return fixture;
}

// Per-iteration durations, reported as percentiles: a till cares about the slow commit, which
// a mean hides.
class Latencies {
public:
    explicit Latencies(const benchmark::State &state) : Latencies(size_t(state.max_iterations)) {}
    explicit Latencies(size_t expected) { m_samplesUs.reserve(expected); }

    // Times one call and hands its duration to Google Benchmark's manual timing.
    template <typename Call>
    auto time(benchmark::State &state, Call &&call)
    {
        const Clock::time_point start = Clock::now();
        auto result = call();
        const std::chrono::duration<double> elapsed = Clock::now() - start;
        state.SetIterationTime(elapsed.count());
        m_samplesUs.push_back(elapsed.count() * 1e6);
        return result;
    }

    struct Percentiles {
        double p50Us = 0;
        double p99Us = 0;
    };

    Percentiles report(benchmark::State &state)
    {
        if (m_samplesUs.empty())
            return {};
        std::sort(m_samplesUs.begin(), m_samplesUs.end());
        state.counters["p50_us"] = percentile(0.50);
        state.counters["p90_us"] = percentile(0.90);
        state.counters["p99_us"] = percentile(0.99);
        state.counters["max_us"] = m_samplesUs.back();
        return Percentiles{percentile(0.50), percentile(0.99)};
    }

    // Times one call that is not the benchmark's subject (no manual time is reported).
    template <typename Call>
    auto timeAside(Call &&call)
    {
        const Clock::time_point start = Clock::now();
        auto result = call();
        m_samplesUs.push_back(std::chrono::duration<double>(Clock::now() - start).count() * 1e6);
        return result;
    }

    // Nearest-rank percentile, 0 < fraction <= 1.
    double percentile(double fraction)
    {
        if (m_samplesUs.empty())
            return 0;
        std::sort(m_samplesUs.begin(), m_samplesUs.end());
        const size_t rank = size_t(std::ceil(fraction * double(m_samplesUs.size())));
        return m_samplesUs[std::clamp<size_t>(rank, 1, m_samplesUs.size()) - 1];
    }

private:

    std::vector<double> m_samplesUs;
};

template <typename T>
bool failed(benchmark::State &state, const Result<T> &result)
{
    if (result)
        return false;
    state.SkipWithError(qPrintable(result.message()));
    return true;
}

// The durable sale and its floor, the bare durable insert, run in pairs back to back (see
// registerBenchmarks); each run's percentiles are kept for the summary printed at the end.
std::vector<Latencies::Percentiles> g_bareRuns;
std::vector<Latencies::Percentiles> g_saleRuns;

const Customer &customerIn(std::mt19937_64 &random, int firstIndex, int endIndex)
{
    return g_fixture->customers.at(randomInt(random, firstIndex, endIndex - 1));
}

// The floor for a customer read on this store, to set each search against: one customer row
// found by its card through the card index, with a statement prepared once on the same
// connection. The machine is shared and noisy, so the search benchmarks time one of these
// between every two searches and report their percentiles as multiples of its own, measured
// in the same run over the same seconds.
class BareCardLookup {
public:
    BareCardLookup() : m_query(g_fixture->store->database().connection())
    {
        m_prepared = m_query.prepare(QStringLiteral("SELECT name FROM customers WHERE card = ?"));
    }

    bool prepared() const { return m_prepared; }

    // Times the lookup of a random customer's card (not counted as the benchmark's time).
    bool timeOne(std::mt19937_64 &random)
    {
        const QString card = customerIn(random, 0, kCustomerCount).card;
        return m_latencies.timeAside([&] {
            m_query.addBindValue(card);
            const bool found = m_query.exec() && m_query.next() && !m_query.value(0).toString().isEmpty();
            m_query.finish();
            return found;
        });
    }

    // baseline_p50_us / baseline_p99_us, and the benchmark's own p50/p99 as multiples of them.
    void report(benchmark::State &state)
    {
        const double p50 = m_latencies.percentile(0.50);
        const double p99 = m_latencies.percentile(0.99);
        state.counters["baseline_p50_us"] = p50;
        state.counters["baseline_p99_us"] = p99;
        if (p50 > 0 && state.counters.count("p50_us"))
            state.counters["p50_x_baseline"] = state.counters["p50_us"].value / p50;
        if (p99 > 0 && state.counters.count("p99_us"))
            state.counters["p99_x_baseline"] = state.counters["p99_us"].value / p99;
    }

private:
    QSqlQuery m_query;
    bool m_prepared = false;
    Latencies m_latencies{kReadIterations};
};

// 1. A top-up committed on its own, as at the till: BEGIN IMMEDIATE … COMMIT with WAL and
//    synchronous=FULL, i.e. one fsync of the WAL per top-up.
void BM_TopUpDurableCommit(benchmark::State &state)
{
    Store &store = *g_fixture->store;
    std::mt19937_64 random(kSeed + 1);
    const Money amount(10000, store.identity().currency);
    Latencies latencies(state);
    for (auto _ : state) {
        const Customer &customer = customerIn(random, 0, kCustomerCount);
        const Result<JournalEntry> entry = latencies.time(state, [&] {
            return store.credit().topUp(customer, amount, PaymentJournal::Cash, QString(), QStringLiteral("bench"));
        });
        if (failed(state, entry))
            break;
    }
    latencies.report(state);
}

// 1b. The same top-ups inside one outer transaction (savepoints, no fsync): the CPU and SQL cost
//     of an append, to set against the durable commit above.
void BM_TopUpInOuterTransaction(benchmark::State &state)
{
    Store &store = *g_fixture->store;
    std::mt19937_64 random(kSeed + 2);
    const Money amount(10000, store.identity().currency);
    Transaction outer(store.database());
    if (failed(state, outer.begin()))
        return;
    Latencies latencies(state);
    for (auto _ : state) {
        const Customer &customer = customerIn(random, 0, kCustomerCount);
        const Result<JournalEntry> entry = latencies.time(state, [&] {
            return store.credit().topUp(customer, amount, PaymentJournal::Cash, QString(), QStringLiteral("bench"));
        });
        if (failed(state, entry))
            break;
    }
    const Clock::time_point commitStart = Clock::now();
    if (failed(state, outer.commit()))
        return;
    state.counters["outer_commit_us"] = std::chrono::duration<double>(Clock::now() - commitStart).count() * 1e6;
    latencies.report(state);
}

// 2. The floor for a durable commit: one autocommitted single-row INSERT into a scratch table in
//    the same database file, over the same connection and pragmas (WAL, synchronous=FULL).
void BM_BareDurableInsert(benchmark::State &state)
{
    Database &database = g_fixture->store->database();
    if (failed(state, database.run(QStringLiteral("CREATE TABLE IF NOT EXISTS bench_scratch "
                                                  "(id INTEGER PRIMARY KEY, payload BLOB NOT NULL)"),
                                   {}, QStringLiteral("create the scratch table"))))
        return;
    QSqlQuery insert(database.connection());
    if (!insert.prepare(QStringLiteral("INSERT INTO bench_scratch (payload) VALUES (?)"))) {
        state.SkipWithError("cannot prepare the scratch insert");
        return;
    }
    const QByteArray payload(200, 'x'); // about the size of a journal entry row
    Latencies latencies(state);
    for (auto _ : state) {
        const bool inserted = latencies.time(state, [&] {
            insert.addBindValue(payload);
            return insert.exec();
        });
        if (!inserted) {
            state.SkipWithError("scratch insert failed");
            break;
        }
    }
    g_bareRuns.push_back(latencies.report(state));
}

// 3. The wallet on the customer card: one read of the maintained balance.
void BM_Wallet(benchmark::State &state)
{
    const StoreCreditService &credit = g_fixture->store->credit();
    std::mt19937_64 random(kSeed + 3);
    Latencies latencies(state);
    for (auto _ : state) {
        const Customer &customer = customerIn(random, 0, kCustomerCount);
        const Result<Money> wallet = latencies.time(state, [&] { return credit.wallet(customer.id); });
        if (failed(state, wallet))
            break;
    }
    latencies.report(state);
}

enum class QueryShape { NameFragment, FirstAndLastName, PhoneDigits, CardNumber, TwoLetterPrefix };

QString digitsOf(const QString &text)
{
    QString result;
    for (QChar c : text) {
        if (c.isDigit())
            result.append(c);
    }
    return result;
}

// A customer for whom a query of this shape makes sense (a phone on file, a surname of three
// letters or more); bounded, since nine in ten customers qualify.
const Customer &customerFor(QueryShape shape, std::mt19937_64 &random)
{
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const Customer &customer = customerIn(random, 0, kCustomerCount);
        const bool usable = shape == QueryShape::PhoneDigits ? digitsOf(customer.phone).size() >= 6
                                                             : customer.name.split(QLatin1Char(' ')).last().size() >= 3;
        if (usable)
            return customer;
    }
    return g_fixture->customers.first();
}

// A query as a cashier types it, derived from a random customer so that it usually finds someone.
QString queryFor(QueryShape shape, std::mt19937_64 &random)
{
    const Customer &customer = customerFor(shape, random);
    const QStringList words = customer.name.split(QLatin1Char(' '));
    const QString last = words.last();
    switch (shape) {
    case QueryShape::NameFragment: {
        // Three to five letters from anywhere in the surname ("ans", "berg", "ørgen").
        const int length = std::min<int>(int(last.size()), randomInt(random, 3, 5));
        return last.mid(randomInt(random, 0, int(last.size()) - length), length).toLower();
    }
    case QueryShape::FirstAndLastName:
        return words.first() + QLatin1Char(' ') + last.left(randomInt(random, 3, 4));
    case QueryShape::PhoneDigits:
        return digitsOf(customer.phone).right(randomInt(random, 4, 6)); // the end of the number, as read out
    case QueryShape::CardNumber:
        return customer.card;
    case QueryShape::TwoLetterPrefix:
        return (randomInt(random, 0, 1) == 0 ? words.first() : last).left(2).toLower();
    }
    return QString();
}

// 4. Customer search with the shapes a cashier types.
void BM_Search(benchmark::State &state)
{
    const auto shape = static_cast<QueryShape>(state.range(0));
    const CustomerDirectory &customers = g_fixture->store->customers();
    std::mt19937_64 random(kSeed + 4 + std::uint64_t(state.range(0)));
    std::mt19937_64 baselineRandom(kSeed + 40 + std::uint64_t(state.range(0)));
    BareCardLookup baseline;
    if (!baseline.prepared()) {
        state.SkipWithError("cannot prepare the bare card lookup");
        return;
    }
    Latencies latencies(state);
    qint64 found = 0;
    qint64 more = 0;
    for (auto _ : state) {
        const QString text = queryFor(shape, random);
        const Result<CustomerMatches> result = latencies.time(state, [&] { return customers.find(text); });
        if (failed(state, result))
            break;
        found += result->customers.size();
        more += result->more ? 1 : 0;
        if (!baseline.timeOne(baselineRandom)) {
            state.SkipWithError("the bare card lookup found nobody");
            break;
        }
    }
    state.counters["results_avg"] = benchmark::Counter(double(found), benchmark::Counter::kAvgIterations);
    state.counters["more_ratio"] = benchmark::Counter(double(more), benchmark::Counter::kAvgIterations);
    latencies.report(state);
    baseline.report(state);
}

// 4b. The scanner path: a card read by its exact number.
void BM_ByCard(benchmark::State &state)
{
    const CustomerDirectory &customers = g_fixture->store->customers();
    std::mt19937_64 random(kSeed + 10);
    std::mt19937_64 baselineRandom(kSeed + 50);
    BareCardLookup baseline;
    if (!baseline.prepared()) {
        state.SkipWithError("cannot prepare the bare card lookup");
        return;
    }
    Latencies latencies(state);
    for (auto _ : state) {
        const QString card = customerIn(random, 0, kCustomerCount).card;
        const Result<Customer> customer = latencies.time(state, [&] { return customers.byCard(card); });
        if (failed(state, customer))
            break;
        if (!baseline.timeOne(baselineRandom)) {
            state.SkipWithError("the bare card lookup found nobody");
            break;
        }
    }
    latencies.report(state);
    baseline.report(state);
}

// 5. The customer's credit history (newest 50 rows with running balance): range(0) == 0 picks
//    any customer (about 5 entries), 1 a regular (about 55, so the limit of 50 applies).
void BM_History(benchmark::State &state)
{
    const StoreCreditService &credit = g_fixture->store->credit();
    const int end = state.range(0) == 0 ? kCustomerCount : kRegularCount;
    std::mt19937_64 random(kSeed + 5 + std::uint64_t(state.range(0)));
    Latencies latencies(state);
    qint64 rows = 0;
    for (auto _ : state) {
        const Customer &customer = customerIn(random, 0, end);
        const Result<QList<WalletHistoryRow>> history = latencies.time(state, [&] { return credit.history(customer.id, 50); });
        if (failed(state, history))
            break;
        rows += history->size();
    }
    state.counters["rows_avg"] = benchmark::Counter(double(rows), benchmark::Counter::kAvgIterations);
    latencies.report(state);
}

// The checkout benchmarks sell to these customers: each gets a wallet top-up and an account
// limit once, so that every sale's credit and account tenders are allowed.
constexpr int kShoppers = 1000;
const QString kBenchCashier = QStringLiteral("bench-cashier");

// Tax codes, three products, a cashier and kShoppers customers with credit and a limit.
// Idempotent: a cached store keeps them from an earlier run.
Result<QList<Customer>> prepareShoppers(Store &store)
{
    const Currency &currency = store.identity().currency;
    Transaction transaction(store.database());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto tax = store.catalog().setTaxCode(QStringLiteral("STD"), 2500, QStringLiteral("Standard")); !tax)
        return tax.error();
    if (auto tax = store.catalog().setTaxCode(QStringLiteral("FOOD"), 1500, QStringLiteral("Food")); !tax)
        return tax.error();
    const struct {
        const char *sku;
        qint64 price;
        const char *tax;
    } products[] = {{"BENCH-MILK", 2490, "FOOD"}, {"BENCH-BREAD", 4250, "FOOD"}, {"BENCH-BATT", 6900, "STD"}};
    for (const auto &product : products) {
        if (store.catalog().bySku(QString::fromLatin1(product.sku)))
            continue;
        if (auto added = store.catalog().addProduct(NewProduct{QString::fromLatin1(product.sku), QString(),
                                                               QString::fromLatin1(product.sku), Money(product.price, currency),
                                                               QString::fromLatin1(product.tax)});
            !added)
            return added.error();
    }
    if (!store.users().byName(kBenchCashier)) {
        if (auto added = store.users().add(kBenchCashier, Role::Cashier, QStringLiteral("1357")); !added)
            return added.error();
    }
    QList<Customer> shoppers;
    std::mt19937_64 random(kSeed + 20);
    for (int i = 0; i < kShoppers; ++i) {
        const Customer &customer = g_fixture->customers.at(randomInt(random, 0, kCustomerCount - 1));
        Result<Customer> withTerms = store.customers().setTerms(customer.id, CreditTerms{100'000'000, std::nullopt, 30, false});
        if (!withTerms)
            return withTerms.error();
        // The cached store keeps every earlier run's sales: top up only a wallet that runs low, so
        // that repeated runs never reach the shop's wallet maximum.
        const Result<Money> wallet = store.credit().wallet(customer.id);
        if (!wallet)
            return wallet.error();
        if (wallet->minorUnits() < 100000) {
            if (auto topped = store.credit().topUp(*withTerms, Money(100000, currency), PaymentJournal::Card, QString(),
                                                   QStringLiteral("bench"));
                !topped)
                return topped.error();
        }
        shoppers.append(*withTerms);
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return shoppers;
}

// 5. A three-line sale paid with store credit + account + cash (with change), committed
//    durably on its own: price, checks of wallet and limit, sale row, lines, one entry with its
//    postings and balances, one fsync. Compare with Sqlite/BareDurableInsert in the same run.
void BM_SaleCreditAccountCash(benchmark::State &state)
{
    Store &store = *g_fixture->store;
    // Once per process: the pairs run this benchmark several times.
    static const Result<QList<Customer>> shoppers = prepareShoppers(store);
    if (failed(state, shoppers))
        return;
    const Currency &currency = store.identity().currency;
    std::mt19937_64 random(kSeed + 21);
    // 24.90 + 2 x 42.50 + 69.00 = 178.90: 10.00 credit, 20.00 account, 200.00 cash (51.10 change).
    const QList<SaleLineRequest> lines{{QStringLiteral("BENCH-MILK"), 1, std::nullopt},
                                       {QStringLiteral("BENCH-BREAD"), 2, std::nullopt},
                                       {QStringLiteral("BENCH-BATT"), 1, std::nullopt}};
    const QList<TenderRequest> tenders{{TenderKind::Credit, Money(1000, currency)},
                                       {TenderKind::Account, Money(2000, currency)},
                                       {TenderKind::Cash, Money(20000, currency)}};
    Latencies latencies(state);
    for (auto _ : state) {
        const Customer &customer = shoppers->at(randomInt(random, 0, kShoppers - 1));
        const SaleRequest request{kBenchCashier, customer.id, lines, tenders, {}};
        const Result<SaleReceipt> receipt = latencies.time(state, [&] { return store.checkout().sale(request); });
        if (failed(state, receipt))
            break;
        // The app's idle checkpoint between two customers, outside the timed sale.
        if (auto done = store.database().checkpointIfDue(); failed(state, done))
            break;
    }
    const Latencies::Percentiles sale = latencies.report(state);
    g_saleRuns.push_back(sale);
    // The bare insert of this pair ran just before (absent when a filter left it out).
    if (g_bareRuns.size() == g_saleRuns.size() && g_bareRuns.back().p50Us > 0) {
        const Latencies::Percentiles &bare = g_bareRuns.back();
        state.counters["bare_p50_us"] = bare.p50Us;
        state.counters["bare_p99_us"] = bare.p99Us;
        state.counters["ratio_p50"] = sale.p50Us / bare.p50Us;
        state.counters["ratio_p99"] = bare.p99Us > 0 ? sale.p99Us / bare.p99Us : 0;
    }
}

// 6. The customer card's credit overview (wallet, overdraft, limit, accrued, invoiced, overdue,
//    available). Arg 0: the 1M-entry store; arg 1: a small store of 10,000 entries built for the
//    run. The overview reads balances by key, so the two should be alike.
struct SmallStore {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    QList<Customer> customers;
};

Result<std::unique_ptr<SmallStore>> makeSmallStore()
{
    auto small = std::make_unique<SmallStore>();
    Result<std::unique_ptr<Store>> store = Store::create(
        small->dir.filePath(QStringLiteral("small.db")), StoreIdentity{QStringLiteral("S1"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")});
    if (!store)
        return store.error();
    small->store = std::move(*store);
    std::mt19937_64 random(kSeed + 30);
    Transaction transaction(small->store->database());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    for (int i = 0; i < 1000; ++i) {
        Result<Customer> customer = small->store->customers().add(newRandomCustomer(i, random));
        if (!customer)
            return customer.error();
        small->customers.append(*customer);
    }
    const Currency &currency = small->store->identity().currency;
    for (int i = 0; i < 10000; ++i) {
        if (auto topped = small->store->credit().topUp(small->customers.at(randomInt(random, 0, 999)), Money(5000, currency),
                                                       PaymentJournal::Cash, QString(), QStringLiteral("bench"));
            !topped)
            return topped.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return small;
}

void BM_CreditOverview(benchmark::State &state)
{
    std::unique_ptr<SmallStore> small;
    if (state.range(0) == 1) {
        Result<std::unique_ptr<SmallStore>> made = makeSmallStore();
        if (failed(state, made))
            return;
        small = std::move(*made);
    }
    Store &store = small ? *small->store : *g_fixture->store;
    const QList<Customer> &customers = small ? small->customers : g_fixture->customers;
    const Result<qint64> entries = store.journal().entryCount();
    if (failed(state, entries))
        return;
    state.counters["journal_entries"] = double(*entries);
    std::mt19937_64 random(kSeed + 31);
    const QDate today = QDate::currentDate();
    Latencies latencies(state);
    for (auto _ : state) {
        const Customer &customer = customers.at(randomInt(random, 0, int(customers.size()) - 1));
        const Result<CreditOverview> overview = latencies.time(state, [&] { return store.receivables().overview(customer, today); });
        if (failed(state, overview))
            break;
    }
    latencies.report(state);
}

// 7. The X report over a day of 20,000 sales (three lines each, cash or card, some discounted)
//    on top of the 1M-entry journal, which a Z report closed first: the day's figures are read
//    from the day's entries alone. Each iteration is a real X report, stored with its event in
//    one durable commit. Its floor, timed between every two reports on the same connection: one
//    bare aggregate over the same day's postings (the least any report of the day must read).
constexpr int kDaySales = 20'000;
constexpr int kXReportIterations = 20;
const QString kBenchManager = QStringLiteral("bench-manager");

struct DayFixture {
    qint64 sequenceAfter = 0;
    qint64 sequenceThrough = 0;
    double closingZMs = 0;   // the Z that closed the 1M-entry history (setup, not timed)
    double generationS = 0;
};

Result<DayFixture> prepareDay(Store &store)
{
    // Its own catalog and users (idempotent on a cached store); the day needs no customers.
    const Currency &currency = store.identity().currency;
    if (auto tax = store.catalog().setTaxCode(QStringLiteral("STD"), 2500, QStringLiteral("Standard")); !tax)
        return tax.error();
    if (auto tax = store.catalog().setTaxCode(QStringLiteral("FOOD"), 1500, QStringLiteral("Food")); !tax)
        return tax.error();
    const struct {
        const char *sku;
        qint64 price;
        const char *tax;
    } products[] = {{"DAY-MILK", 2490, "FOOD"}, {"DAY-BREAD", 4250, "FOOD"}, {"DAY-BATT", 6900, "STD"}};
    for (const auto &product : products) {
        if (store.catalog().bySku(QString::fromLatin1(product.sku)))
            continue;
        if (auto added = store.catalog().addProduct(NewProduct{QString::fromLatin1(product.sku), QString(), QString::fromLatin1(product.sku),
                                                               Money(product.price, currency), QString::fromLatin1(product.tax)});
            !added)
            return added.error();
    }
    if (!store.users().byName(kBenchCashier)) {
        if (auto added = store.users().add(kBenchCashier, Role::Cashier, QStringLiteral("1357")); !added)
            return added.error();
    }
    if (!store.users().byName(kBenchManager)) {
        if (auto added = store.users().add(kBenchManager, Role::Manager, QStringLiteral("2468")); !added)
            return added.error();
    }
    DayFixture day;
    const Clock::time_point closing = Clock::now();
    const Result<Money> drawer = store.drawer().drawerCash();
    if (!drawer)
        return drawer.error();
    const Result<DayReport> z = store.dayEnd().zReport(Money(std::max<qint64>(0, drawer->minorUnits()), drawer->currency()), kBenchManager);
    if (!z)
        return z.error();
    day.closingZMs = std::chrono::duration<double>(Clock::now() - closing).count() * 1e3;
    day.sequenceAfter = z->sequenceThrough;
    std::mt19937_64 random(kSeed + 60);
    const QString skus[] = {QStringLiteral("DAY-MILK"), QStringLiteral("DAY-BREAD"), QStringLiteral("DAY-BATT")};
    const Clock::time_point start = Clock::now();
    for (int done = 0; done < kDaySales;) {
        Transaction transaction(store.database());
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
        for (int i = 0; i < kBatchOperations && done < kDaySales; ++i, ++done) {
            SaleRequest request{kBenchCashier, QString(), {}, {}, {}};
            for (int line = 0; line < 3; ++line) {
                const qint64 quantity = randomInt(random, 1, 3);
                std::optional<Money> discount;
                if (randomInt(random, 0, 9) == 0)
                    discount = Money(100 * quantity, currency);
                request.lines.append(SaleLineRequest{skus[randomInt(random, 0, 2)], quantity, discount});
            }
            // Enough to cover any three lines: cash gives change, card pays it exactly.
            if (done % 2 == 0)
                request.tenders = {TenderRequest{TenderKind::Cash, Money(100000, currency)}};
            else {
                const Result<SaleQuote> quote = store.checkout().quote(request);
                if (!quote)
                    return quote.error();
                request.tenders = {TenderRequest{TenderKind::Card, quote->totals.gross}};
            }
            if (auto sold = store.checkout().sale(request); !sold)
                return sold.error();
        }
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        progress("day sales", done, kDaySales, start);
    }
    day.generationS = std::chrono::duration<double>(Clock::now() - start).count();
    const Result<ChainTip> tip = ForeignEntries::chainTip(store.database(), store.identity().terminalId);
    if (!tip)
        return tip.error();
    day.sequenceThrough = tip->sequence;
    return day;
}

Latencies::Percentiles g_xReport, g_xBaseline;

void BM_XReportDay(benchmark::State &state)
{
    Store &store = *g_fixture->store;
    static const Result<DayFixture> day = prepareDay(store);
    if (failed(state, day))
        return;
    QSqlQuery bare(store.database().connection());
    if (!bare.prepare(QStringLiteral("SELECT count(*), sum(p.amount) FROM journal_entries e JOIN postings p ON p.entry_position = e.position "
                                     "WHERE e.terminal_id = ? AND e.sequence > ? AND e.sequence <= ?"))) {
        state.SkipWithError("cannot prepare the bare aggregate");
        return;
    }
    Latencies latencies(state);
    Latencies baseline{size_t(kXReportIterations)};
    for (auto _ : state) {
        const bool scanned = baseline.timeAside([&] {
            bare.addBindValue(store.identity().terminalId);
            bare.addBindValue(day->sequenceAfter);
            bare.addBindValue(day->sequenceThrough);
            const bool read = bare.exec() && bare.next() && bare.value(0).toLongLong() > 0;
            bare.finish();
            return read;
        });
        if (!scanned) {
            state.SkipWithError("the bare aggregate failed");
            break;
        }
        const Result<DayReport> report = latencies.time(state, [&] { return store.dayEnd().xReport(kBenchManager); });
        if (failed(state, report))
            break;
        if (report->sales.count != kDaySales) {
            state.SkipWithError("the X report does not hold the day's sales");
            break;
        }
    }
    g_xReport = latencies.report(state);
    g_xBaseline = Latencies::Percentiles{baseline.percentile(0.50), baseline.percentile(0.99)};
    state.counters["day_sales"] = kDaySales;
    state.counters["baseline_p50_us"] = g_xBaseline.p50Us;
    state.counters["baseline_p99_us"] = g_xBaseline.p99Us;
    if (g_xBaseline.p50Us > 0)
        state.counters["p50_x_baseline"] = g_xReport.p50Us / g_xBaseline.p50Us;
    state.counters["closing_z_ms"] = day->closingZMs;
}

// The X report next to its floor, and one JSON line.
void printXReportSummary(std::FILE *out)
{
    if (g_xReport.p50Us <= 0)
        return;
    std::fprintf(out, "\nDayEnd/XReport20kSales next to a bare aggregate of the same day's postings (same run):\n");
    std::fprintf(out, "  X report p50 %.1f ms p99 %.1f ms (target <= 200 ms); bare aggregate p50 %.1f ms p99 %.1f ms; ratio p50 %.2f\n",
                 g_xReport.p50Us / 1e3, g_xReport.p99Us / 1e3, g_xBaseline.p50Us / 1e3, g_xBaseline.p99Us / 1e3,
                 g_xBaseline.p50Us > 0 ? g_xReport.p50Us / g_xBaseline.p50Us : 0);
    std::fprintf(out,
                 "{\"bench\":\"core\",\"figure\":\"x-report-20k-sales\",\"xP50Ms\":%.2f,\"xP99Ms\":%.2f,\"bareP50Ms\":%.2f,"
                 "\"bareP99Ms\":%.2f,\"targetMs\":200}\n",
                 g_xReport.p50Us / 1e3, g_xReport.p99Us / 1e3, g_xBaseline.p50Us / 1e3, g_xBaseline.p99Us / 1e3);
}

// How many sale/bare-insert pairs run: $SLATE_BENCH_REPETITIONS, 3 by default.
int salePairs()
{
    bool ok = false;
    const int pairs = qEnvironmentVariableIntValue("SLATE_BENCH_REPETITIONS", &ok);
    return ok && pairs > 0 ? std::min(pairs, 20) : 3;
}

struct Spread {
    double min = 0, median = 0, max = 0;
};

Spread spreadOf(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return Spread{values.front(), values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2, values.back()};
}

// The sale next to its floor: per pair and min/median/max over the pairs, then one JSON line.
void printSaleSummary(std::FILE *out)
{
    const size_t pairs = std::min(g_bareRuns.size(), g_saleRuns.size());
    if (pairs == 0)
        return;
    std::vector<double> saleP50, saleP99, bareP50, bareP99, ratioP50, ratioP99;
    std::fprintf(out, "\nCheckout/SaleCreditAccountCash next to Sqlite/BareDurableInsert (each pair back to back):\n");
    for (size_t i = 0; i < pairs; ++i) {
        const Latencies::Percentiles &sale = g_saleRuns[i], &bare = g_bareRuns[i];
        saleP50.push_back(sale.p50Us);
        saleP99.push_back(sale.p99Us);
        bareP50.push_back(bare.p50Us);
        bareP99.push_back(bare.p99Us);
        ratioP50.push_back(bare.p50Us > 0 ? sale.p50Us / bare.p50Us : 0);
        ratioP99.push_back(bare.p99Us > 0 ? sale.p99Us / bare.p99Us : 0);
        std::fprintf(out, "  pair %zu: sale p50 %.0f us p99 %.0f us; bare insert p50 %.0f us p99 %.0f us; ratio p50 %.2f p99 %.2f\n", i + 1,
                     sale.p50Us, sale.p99Us, bare.p50Us, bare.p99Us, ratioP50.back(), ratioP99.back());
    }
    const auto line = [&](const char *name, const std::vector<double> &values, const char *format) {
        const Spread spread = spreadOf(values);
        std::fprintf(out, "  %-18s", name);
        std::fprintf(out, format, spread.min, spread.median, spread.max);
        std::fprintf(out, "\n");
        return spread;
    };
    std::fprintf(out, "  min / median / max over %zu pairs:\n", pairs);
    const Spread s50 = line("sale p50 (us)", saleP50, "%.0f / %.0f / %.0f");
    const Spread s99 = line("sale p99 (us)", saleP99, "%.0f / %.0f / %.0f");
    const Spread b50 = line("bare p50 (us)", bareP50, "%.0f / %.0f / %.0f");
    const Spread b99 = line("bare p99 (us)", bareP99, "%.0f / %.0f / %.0f");
    const Spread r50 = line("ratio p50", ratioP50, "%.2f / %.2f / %.2f");
    const Spread r99 = line("ratio p99", ratioP99, "%.2f / %.2f / %.2f");
    const auto json = [](const Spread &spread) {
        return QStringLiteral("{\"min\":%1,\"median\":%2,\"max\":%3}").arg(spread.min).arg(spread.median).arg(spread.max);
    };
    std::fprintf(out,
                 "{\"bench\":\"core\",\"figure\":\"sale-vs-bare-insert\",\"pairs\":%zu,\"saleP50Us\":%s,\"saleP99Us\":%s,"
                 "\"bareP50Us\":%s,\"bareP99Us\":%s,\"ratioP50\":%s,\"ratioP99\":%s}\n",
                 pairs, qPrintable(json(s50)), qPrintable(json(s99)), qPrintable(json(b50)), qPrintable(json(b99)), qPrintable(json(r50)),
                 qPrintable(json(r99)));
}

void registerBenchmarks()
{
    using benchmark::kMicrosecond;
    benchmark::RegisterBenchmark("TopUp/DurableCommit", BM_TopUpDurableCommit)
        ->Iterations(kDurableIterations)->UseManualTime()->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("TopUp/InOuterTransaction", BM_TopUpInOuterTransaction)
        ->Iterations(kDurableIterations)->UseManualTime()->Unit(kMicrosecond);
    // The sale and its floor in pairs, each pair back to back, repeated: a ratio compares two
    // figures taken under the same conditions, and the repetitions show the spread.
    for (int pair = 0; pair < salePairs(); ++pair) {
        benchmark::RegisterBenchmark("Sqlite/BareDurableInsert", BM_BareDurableInsert)
            ->Iterations(kDurableIterations)->UseManualTime()->Unit(kMicrosecond);
        benchmark::RegisterBenchmark("Checkout/SaleCreditAccountCash", BM_SaleCreditAccountCash)
            ->Iterations(kDurableIterations)->UseManualTime()->Unit(kMicrosecond);
    }
    benchmark::RegisterBenchmark("Overview/Store1M", BM_CreditOverview)
        ->Arg(0)->Iterations(kReadIterations)->UseManualTime()->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("Overview/Store10k", BM_CreditOverview)
        ->Arg(1)->Iterations(kReadIterations)->UseManualTime()->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("Wallet/Read", BM_Wallet)
        ->Iterations(kReadIterations)->UseManualTime()->Unit(kMicrosecond);
    const std::pair<const char *, QueryShape> shapes[] = {
        {"Search/NameFragment", QueryShape::NameFragment},
        {"Search/FirstAndLastName", QueryShape::FirstAndLastName},
        {"Search/PhoneDigits", QueryShape::PhoneDigits},
        {"Search/CardNumber", QueryShape::CardNumber},
        {"Search/TwoLetterPrefix", QueryShape::TwoLetterPrefix},
    };
    for (const auto &[name, shape] : shapes)
        benchmark::RegisterBenchmark(name, BM_Search)
            ->Arg(int(shape))->Iterations(kSearchIterations)->UseManualTime()->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("Customer/ByCard", BM_ByCard)
        ->Iterations(kReadIterations)->UseManualTime()->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("History/AnyCustomer", BM_History)
        ->Arg(0)->Iterations(kHistoryIterations)->UseManualTime()->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("History/Regular", BM_History)
        ->Arg(1)->Iterations(kHistoryIterations)->UseManualTime()->Unit(kMicrosecond);
    benchmark::RegisterBenchmark("DayEnd/XReport20kSales", BM_XReportDay)
        ->Iterations(kXReportIterations)->UseManualTime()->Unit(kMicrosecond);
}

} // namespace

int main(int argc, char **argv)
{
    // The summary goes to stdout under the console table, or to stderr when stdout carries
    // Google Benchmark's JSON or CSV.
    bool tableOnStdout = true;
    for (int i = 1; i < argc; ++i) {
        if (qstrncmp(argv[i], "--benchmark_format=", 19) == 0 && qstrcmp(argv[i] + 19, "console") != 0)
            tableOnStdout = false;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication application(argc, argv); // locates the QSQLITE driver plugin

    const QByteArray configured = qgetenv("SLATE_BENCH_DB");
    const QString path = configured.isEmpty() ? QDir::temp().filePath(QStringLiteral("slate-bench-100k-1m.db"))
                                              : QString::fromLocal8Bit(configured);
    Result<std::unique_ptr<Fixture>> fixture = prepare(path);
    if (!fixture) {
        std::fprintf(stderr, "bench_core: %s\n", qPrintable(fixture.message()));
        return 1;
    }
    g_fixture = fixture->get();
    registerBenchmarks();
    benchmark::RunSpecifiedBenchmarks();
    std::fflush(stdout);
    printSaleSummary(tableOnStdout ? stdout : stderr);
    printXReportSummary(tableOnStdout ? stdout : stderr);
    benchmark::Shutdown();
    g_fixture = nullptr;
    return 0;
}
