#include "demodata.h"

namespace Slate::Core::DemoData {

namespace {

struct DemoCustomer {
    const char *card;
    const char *name;
    const char *phone;
    const char *email;
};

struct DemoMovement {
    int customer;        // index into kCustomers
    const char *amount;  // locale-free decimal in major units
    const char *journal; // "cash" | "bank" | "card", or nullptr for a manager adjustment
    const char *note;
};

constexpr DemoCustomer kCustomers[] = {
    {"1001", "Ola Nordmann", "+47 912 34 567", "ola@example.no"},
    {"1002", "Kari Hansen", "+47 934 56 789", "kari.hansen@example.no"},
    {"1003", "Per Johansen", "+47 400 11 222", ""},
    {"1004", "Ingrid Larsen", "+47 455 66 777", "ingrid@example.no"},
    {"1005", "Mohammed Ali", "+47 988 77 665", "m.ali@example.no"},
    {"1006", "Sofie Berg", "", "sofie.berg@example.no"},
    {"1007", "Lars Olsen", "+47 915 15 151", ""},
    {"1008", "Emma Kristiansen", "+47 922 22 333", "emma.k@example.no"},
};

constexpr DemoMovement kMovements[] = {
    {0, "500.00", "cash", "Birthday gift card"},
    {0, "250.00", "card", nullptr},
    {0, "-49.90", nullptr, "Corrected double top-up of 49.90"},
    {1, "1000.00", "bank", "Prepaid for the season"},
    {2, "200.00", "cash", nullptr},
    {3, "75.50", "card", nullptr},
    {3, "25.00", nullptr, "Goodwill: late delivery"},
    {4, "1500.00", "bank", "Company account prepayment"},
    {6, "100.00", "cash", nullptr},
};

} // namespace

Result<void> populate(Store &store, const QString &userName)
{
    Transaction transaction(store.database());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QList<Customer> customers;
    for (const DemoCustomer &demo : kCustomers) {
        Result<Customer> customer = store.customers().add(
            NewCustomer{QString::fromUtf8(demo.card), QString::fromUtf8(demo.name), QString::fromUtf8(demo.phone),
                        QString::fromUtf8(demo.email)});
        if (!customer)
            return customer.error();
        customers.append(*customer);
    }
    for (const DemoMovement &movement : kMovements) {
        Result<Money> amount = Money::parse(QString::fromUtf8(movement.amount), store.identity().currency);
        if (!amount)
            return amount.error();
        const Customer &customer = customers.at(movement.customer);
        const QString note = movement.note ? QString::fromUtf8(movement.note) : QString();
        Result<JournalEntry> entry = movement.journal
            ? store.credit().topUp(customer, *amount, *paymentJournalFromName(QString::fromUtf8(movement.journal)), note, userName)
            : store.credit().adjust(customer, *amount, note, userName);
        if (!entry)
            return entry.error();
    }
    return transaction.commit();
}

} // namespace Slate::Core::DemoData
