#include "store/demodata.h"

namespace Slate::Core::DemoData {

namespace {

struct DemoMovement {
    int customer;        // index into kCustomers
    const char *amount;  // locale-free decimal in major units
    const char *journal; // "cash" | "bank" | "card", or nullptr for a manager adjustment
    const char *note;
};

struct DemoTerms {
    qint64 creditLimit;    // minor units; 0: no account
    qint64 overdraft;      // minor units; -1: none
    int termsDays;
    bool blocked;
};

struct DemoCustomer {
    const char *card;
    const char *name;
    const char *phone;
    const char *email;
    DemoTerms terms;
};

constexpr DemoTerms kWalletOnly{0, -1, 30, false};

constexpr DemoCustomer kCustomers[] = {
    {"1001", "Ola Nordmann", "+47 912 34 567", "ola@example.no", kWalletOnly},
    {"1002", "Kari Hansen", "+47 934 56 789", "kari.hansen@example.no", {0, 20000, 30, false}},      // overdraft allowed
    {"1003", "Per Johansen", "+47 400 11 222", "", {200000, -1, 30, false}},                        // account, fine
    {"1004", "Ingrid Larsen", "+47 455 66 777", "ingrid@example.no", {100000, -1, 14, false}},     // near the limit
    {"1005", "Mohammed Ali", "+47 988 77 665", "m.ali@example.no", {1000000, -1, 30, false}},      // overdue invoice
    {"1006", "Sofie Berg", "", "sofie.berg@example.no", {50000, -1, 30, true}},                   // blocked
    {"1007", "Lars Olsen", "+47 915 15 151", "", kWalletOnly},
    {"1008", "Emma Kristiansen", "+47 922 22 333", "emma.k@example.no", kWalletOnly},
    {"1009", "Nora Haugen", "+47 917 00 111", "nora.h@example.no", {0, 30000, 30, false}},         // overdraft in use
    {"1010", "Jonas Pedersen", "+47 926 10 203", "", {300000, 50000, 30, false}},                 // both
    {"1011", "Ida Eriksen", "+47 481 22 990", "ida.eriksen@example.no", kWalletOnly},
    {"1012", "Henrik Nilsen", "+47 905 55 432", "", kWalletOnly},
    {"1013", "Bergen Bakeri AS", "+47 55 12 34 56", "post@bergenbakeri.example.no", {2500000, -1, 14, false}},
    {"1014", "Maja Solberg", "+47 944 87 120", "maja@example.no", kWalletOnly},
    {"1015", "Aksel Dahl", "+47 932 76 001", "", {100000, -1, 30, false}},
    {"1016", "Sara Lie", "+47 413 00 700", "sara.lie@example.no", kWalletOnly},
    {"1017", "Fjordhytta Camping", "+47 57 69 12 00", "booking@fjordhytta.example.no", {500000, -1, 30, false}},
    {"1018", "Thea Moen", "", "thea.moen@example.no", kWalletOnly},
    {"1019", "Emil Bakken", "+47 968 33 210", "", {0, 10000, 30, false}},
    {"1020", "Vilde Strand", "+47 477 45 454", "vilde@example.no", kWalletOnly},
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
    {8, "100.00", "cash", nullptr},
    {9, "400.00", "card", nullptr},
    {10, "250.00", "cash", "Confirmation gift"},
    {13, "80.00", "card", nullptr},
    {15, "1200.00", "bank", "Prepaid for the cabin season"},
    {17, "50.00", "cash", nullptr},
    {19, "300.00", "card", nullptr},
};

struct DemoLine {
    const char *sku;
    int quantity;
};

struct DemoSale {
    int customer;          // index into kCustomers
    const char *tender;    // the whole sale on "account" or "credit"
    DemoLine lines[3];
};

constexpr DemoSale kSales[] = {
    {2, "account", {{"COFFEE-500", 2}, {"BREAD-GROV", 1}, {"MILK-1L", 2}}},          // Per: account in use, fine
    {3, "account", {{"UMBRELLA", 4}, {"SUNSCREEN", 1}, {nullptr, 0}}},               // Ingrid: 925 of 1000
    {4, "account", {{"TOILET-8", 10}, {"CHARGER-USBC", 3}, {nullptr, 0}}},           // Mohammed: invoiced below
    {8, "credit", {{"SALMON-400", 1}, {"BATT-AA4", 1}, {nullptr, 0}}},              // Nora: 198 from 100, overdraft
    {12, "account", {{"BREAD-BAGUETTE", 20}, {"BUTTER-250", 10}, {"EGGS-12", 5}}},  // the bakery
    {0, "credit", {{"CHEESE-BROWN", 1}, {"JAM-STRAW", 1}, {nullptr, 0}}},
};
// Mohammed's sale is invoiced this many days ago, on 30 days' terms: overdue.
constexpr int kOverdueInvoiceAgeDays = 45;

struct DemoUserRow {
    const char *name;
    Role role;
    const char *pin;
    qint64 overrideMax; // minor units; -1: no maximum
};

constexpr DemoUserRow kUsers[] = {
    {"anna", Role::Cashier, "1234", -1},
    {"mona", Role::Manager, "9876", 200000},
    {"admin", Role::Admin, "2468", -1},
};

struct DemoTaxCode {
    const char *code;
    int rateBasisPoints;
    const char *name;
};

struct DemoProduct {
    const char *sku;
    const char *barcode; // EAN-13 with a valid check digit
    const char *name;
    const char *price;   // locale-free decimal, as the store lists it
    const char *taxCode;
};

// Norwegian VAT: 25 % standard, 15 % food, 0 % for newspapers and postage.
constexpr DemoTaxCode kTaxCodes[] = {
    {"STD", 2500, "Standard rate 25 %"},
    {"FOOD", 1500, "Food 15 %"},
    {"ZERO", 0, "Exempt 0 %"},
};

constexpr DemoProduct kProducts[] = {
    {"MILK-1L", "7038123401001", "Whole milk 1 l", "24.90", "FOOD"},
    {"MILK-LIGHT-1L", "7038123401070", "Light milk 0.5% 1 l", "23.90", "FOOD"},
    {"BREAD-GROV", "7038123401148", "Wholegrain bread 750 g", "42.50", "FOOD"},
    {"BREAD-BAGUETTE", "7038123401216", "Baguette", "19.90", "FOOD"},
    {"BUTTER-250", "7038123401285", "Butter 250 g", "39.90", "FOOD"},
    {"CHEESE-BROWN", "7038123401353", "Brown cheese 500 g", "89.00", "FOOD"},
    {"CHEESE-JARLS", "7038123401421", "Jarlsberg cheese 700 g", "119.00", "FOOD"},
    {"EGGS-12", "7038123401490", "Free-range eggs 12 pcs", "59.90", "FOOD"},
    {"YOGH-STRAW", "7038123401568", "Strawberry yoghurt 500 g", "27.50", "FOOD"},
    {"BANANA-KG", "7038123401636", "Bananas per kg", "29.90", "FOOD"},
    {"APPLE-KG", "7038123401704", "Apples per kg", "34.90", "FOOD"},
    {"POTATO-2KG", "7038123401773", "Potatoes 2 kg", "32.00", "FOOD"},
    {"COFFEE-500", "7038123401841", "Filter coffee 500 g", "74.90", "FOOD"},
    {"TEA-EARL", "7038123401919", "Earl Grey tea 20 bags", "32.90", "FOOD"},
    {"PASTA-1KG", "7038123401988", "Spaghetti 1 kg", "24.50", "FOOD"},
    {"RICE-1KG", "7038123402053", "Jasmine rice 1 kg", "36.90", "FOOD"},
    {"SALMON-400", "7038123402121", "Salmon fillet 400 g", "129.00", "FOOD"},
    {"MINCE-400", "7038123402190", "Beef mince 400 g", "69.90", "FOOD"},
    {"SAUS-GRILL", "7038123402268", "Grill sausages 600 g", "54.90", "FOOD"},
    {"PIZZA-FROZ", "7038123402336", "Frozen pizza 575 g", "49.90", "FOOD"},
    {"CEREAL-MUESLI", "7038123402404", "Muesli 750 g", "45.00", "FOOD"},
    {"JAM-STRAW", "7038123402473", "Strawberry jam 400 g", "38.50", "FOOD"},
    {"CHOC-200", "7038123402541", "Milk chocolate 200 g", "42.90", "FOOD"},
    {"CRISPS-250", "7038123402619", "Potato crisps 250 g", "36.90", "FOOD"},
    {"COLA-05", "7038123402688", "Cola 0.5 l", "32.90", "FOOD"},
    {"WATER-05", "7038123402756", "Mineral water 0.5 l", "24.90", "FOOD"},
    {"JUICE-ORANGE", "7038123402824", "Orange juice 1 l", "34.90", "FOOD"},
    {"ENERGY-025", "7038123402893", "Energy drink 0.25 l", "29.90", "FOOD"},
    {"COFFEE-CUP", "7038123402961", "Coffee to go", "35.00", "FOOD"},
    {"HOTDOG", "7038123403036", "Hot dog with bread", "39.00", "FOOD"},
    {"SOAP-LIQ", "7038123403104", "Liquid hand soap 300 ml", "34.90", "STD"},
    {"DISH-DET", "7038123403173", "Dishwashing liquid 500 ml", "29.90", "STD"},
    {"TOILET-8", "7038123403241", "Toilet paper 8 rolls", "79.90", "STD"},
    {"BATT-AA4", "7038123403319", "AA batteries 4 pcs", "69.00", "STD"},
    {"CHARGER-USBC", "7038123403388", "USB-C charging cable 1 m", "149.00", "STD"},
    {"LIGHTER", "7038123403456", "Lighter", "15.00", "STD"},
    {"UMBRELLA", "7038123403524", "Umbrella", "199.00", "STD"},
    {"SUNSCREEN", "7038123403593", "Sunscreen SPF 30 200 ml", "129.00", "STD"},
    {"NEWS-DAILY", "7038123403661", "Daily newspaper", "45.00", "ZERO"},
    {"MAG-WEEKLY", "7038123403739", "Weekly magazine", "79.00", "ZERO"},
    {"STAMP-DOM", "7038123403807", "Domestic postage stamp", "25.00", "ZERO"},
};

Result<void> addCatalog(ProductCatalog &catalog, const Currency &currency)
{
    for (const DemoTaxCode &tax : kTaxCodes) {
        if (Result<TaxCode> set = catalog.setTaxCode(QString::fromUtf8(tax.code), tax.rateBasisPoints, QString::fromUtf8(tax.name)); !set)
            return set.error();
    }
    for (const DemoProduct &demo : kProducts) {
        Result<Money> price = Money::parse(QString::fromUtf8(demo.price), currency);
        if (!price)
            return price.error();
        Result<Product> product = catalog.addProduct(NewProduct{QString::fromUtf8(demo.sku), QString::fromUtf8(demo.barcode),
                                                                QString::fromUtf8(demo.name), *price, QString::fromUtf8(demo.taxCode)});
        if (!product)
            return product.error();
    }
    return {};
}

// A sale paid in full on account or from the wallet, as the demo's cashier rings it up.
Result<void> ringUp(Store &store, const DemoSale &demo, const Customer &customer)
{
    SaleRequest request;
    request.cashierName = QString::fromUtf8(kUsers[0].name);
    request.customerId = customer.id;
    for (const DemoLine &line : demo.lines) {
        if (line.sku)
            request.lines.append(SaleLineRequest{QString::fromUtf8(line.sku), line.quantity, std::nullopt});
    }
    Result<SaleQuote> quote = store.checkout().quote(request);
    if (!quote)
        return quote.error();
    request.tenders = {TenderRequest{*tenderKindFromName(QString::fromUtf8(demo.tender)), quote->totals.gross}};
    Result<SaleReceipt> receipt = store.checkout().sale(request);
    if (!receipt)
        return receipt.error();
    return {};
}

} // namespace

QList<DemoUser> users()
{
    QList<DemoUser> list;
    for (const DemoUserRow &user : kUsers)
        list.append(DemoUser{QString::fromUtf8(user.name), user.role, QString::fromUtf8(user.pin)});
    return list;
}

Result<void> populate(Store &store, const QString &userName, const QDate &today)
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
        const DemoTerms &terms = demo.terms;
        Result<Customer> withTerms = store.customers().setTerms(
            customer->id, CreditTerms{terms.creditLimit, terms.overdraft < 0 ? std::nullopt : std::optional<qint64>(terms.overdraft),
                                      terms.termsDays, false});
        if (!withTerms)
            return withTerms.error();
        customers.append(*withTerms);
    }
    for (const DemoUserRow &user : kUsers) {
        Result<User> added = store.users().add(QString::fromUtf8(user.name), user.role, QString::fromUtf8(user.pin),
                                               user.overrideMax < 0 ? std::nullopt : std::optional<qint64>(user.overrideMax));
        if (!added)
            return added.error();
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
    if (auto added = addCatalog(store.catalog(), store.identity().currency); !added)
        return added;
    for (const DemoSale &sale : kSales) {
        if (auto rung = ringUp(store, sale, customers.at(sale.customer)); !rung)
            return rung;
    }
    // Mohammed's account sales went on an invoice that is now past due; a later sale accrues.
    if (Result<Invoice> invoice = store.receivables().issueInvoice(customers.at(4), today.addDays(-kOverdueInvoiceAgeDays), userName);
        !invoice)
        return invoice.error();
    if (auto rung = ringUp(store, DemoSale{4, "account", {{"COFFEE-CUP", 4}, {"HOTDOG", 4}, {nullptr, 0}}}, customers.at(4)); !rung)
        return rung;
    // Blocked last, so that the block is what the till shows, not a refusal during the demo's set-up.
    for (qsizetype i = 0; i < customers.size(); ++i) {
        if (!kCustomers[i].terms.blocked)
            continue;
        CreditTerms terms = customers.at(i).terms;
        terms.blocked = true;
        if (Result<Customer> blocked = store.customers().setTerms(customers.at(i).id, terms); !blocked)
            return blocked.error();
    }
    return transaction.commit();
}

} // namespace Slate::Core::DemoData
