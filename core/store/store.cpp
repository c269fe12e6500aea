#include "store/store.h"

#include "ledger/foreigncheck.h"

#include <QFile>

namespace Slate::Core {

namespace {

// What a till judges other terminals' entries by (ledger/foreigncheck.h): its books' currency,
// the one thing that would stop it storing them. Stores, terminals and customers the server
// vouches for, having checked every entry against what it enrolled and holds before storing it.
class TillDirectory : public ForeignDirectory {
public:
    explicit TillDirectory(Currency currency) : m_currency(currency) {}

    Result<std::optional<QHash<QString, QString>>> terminalStores(const QSet<QString> &) const override
    {
        return std::optional<QHash<QString, QString>>();
    }
    Result<std::optional<QSet<QString>>> knownStores(const QSet<QString> &) const override { return std::optional<QSet<QString>>(); }
    Result<std::optional<QSet<QString>>> knownCustomers(const QSet<QString> &) const override
    {
        return std::optional<QSet<QString>>();
    }
    Result<std::optional<Currency>> booksCurrency() const override { return std::optional<Currency>(m_currency); }

private:
    Currency m_currency;
};

} // namespace

Store::Store(std::unique_ptr<Database> database, StoreIdentity identity, CheckoutSettings settings)
    : m_database(std::move(database)),
      m_journal(*m_database, std::move(identity)),
      m_settings(settings),
      m_customers(*m_database),
      m_credit(*m_database, m_journal, m_settings),
      m_users(*m_database, settings.authPolicy()),
      m_catalog(*m_database, m_journal.identity().currency),
      m_receivables(*m_database, m_journal, m_credit, m_settings),
      m_checkout(*m_database, m_journal, m_customers, m_credit, m_receivables, m_users, m_catalog, m_settings),
      m_topUps(*m_database, m_journal, m_users, m_credit, m_settings),
      m_voids(*m_database, m_journal, m_customers, m_credit, m_users, m_settings),
      m_drawer(*m_database, m_journal, m_users, m_settings),
      m_dayEnd(*m_database, m_journal, m_users, m_settings)
{
    // An invoice issued at another till is listed here too, so that its due date (and so what
    // is overdue) is known on every till.
    m_journal.setForeignIndexer([this](const JournalEntry &entry) -> Result<void> {
        if (entry.kind != EntryKind::Invoice)
            return {};
        // The entry is stored either way; it is the record. A malformed invoice note only
        // leaves it unlisted.
        if (auto indexed = indexInvoiceEntry(*m_database, entry); !indexed && indexed.code() != ErrorCode::InvalidArgument)
            return indexed;
        return {};
    });
    m_journal.setForeignDirectory(std::make_shared<TillDirectory>(m_journal.identity().currency));
}

JournalExport Store::exporter() const
{
    return JournalExport(m_journal, [this](const QString &customerId) -> std::optional<CustomerLabel> {
        const Result<Customer> customer = m_customers.byId(customerId);
        if (!customer)
            return std::nullopt;
        return CustomerLabel{customer->card, customer->name};
    });
}

Result<std::unique_ptr<Store>> Store::open(const QString &path, const OpenOptions &options)
{
    Result<std::unique_ptr<Database>> database = Database::open(path, options);
    if (!database)
        return database.error();
    Result<StoreIdentity> identity = StoreSettings::load(**database);
    if (!identity)
        return identity.error();
    Result<CheckoutSettings> settings = StoreSettings::loadCheckout(**database);
    if (!settings)
        return settings.error();
    return std::unique_ptr<Store>(new Store(std::move(*database), std::move(*identity), *settings));
}

Result<void> Store::setCheckoutSettings(const CheckoutSettings &settings)
{
    if (auto saved = StoreSettings::saveCheckout(*m_database, settings); !saved)
        return saved;
    m_settings = settings;
    m_users.setPolicy(settings.authPolicy());
    return {};
}

Result<std::unique_ptr<Store>> Store::create(const QString &path, const StoreIdentity &identity, const Populate &populate)
{
    OpenOptions options;
    options.mode = OpenMode::CreateNew;
    const bool existed = QFile::exists(path);
    Result<std::unique_ptr<Database>> database = Database::open(path, options);
    if (!database)
        return database.error();
    // Leave no half-made database behind when the identity or the population is refused.
    auto abandon = [&](std::unique_ptr<Store> store, const Error &error) -> Result<std::unique_ptr<Store>> {
        store.reset();
        database->reset();
        if (!existed) {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix));
        }
        return error;
    };
    if (auto initialized = StoreSettings::initialize(**database, identity); !initialized)
        return abandon(nullptr, initialized.error());
    std::unique_ptr<Store> store(new Store(std::move(*database), identity, CheckoutSettings::defaultsFor(identity.currency)));
    if (populate) {
        if (auto populated = populate(*store); !populated)
            return abandon(std::move(store), populated.error());
    }
    return store;
}

} // namespace Slate::Core
