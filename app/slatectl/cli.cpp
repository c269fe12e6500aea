#include "cli.h"

#include "settings/checkoutsettings.h"
#include "store/demodata.h"
#include "base/uuidv7.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <array>

namespace Slate::Cli {

using namespace Slate::Core;

struct Cli::Command {
    const char *name; // one or two words
    const char *synopsis;
    OptionSpec options;
    int positionalMin;
    int positionalMax;
    bool needsStore;
    Handler handler;
};

namespace {

const OptionSpec kGlobal{{QStringLiteral("db"), QStringLiteral("user")}, {QStringLiteral("json"), QStringLiteral("help")}};

QSet<QString> names(std::initializer_list<const char *> list)
{
    QSet<QString> set;
    for (const char *name : list)
        set.insert(QString::fromLatin1(name));
    return set;
}

QString customerLine(const Customer &customer)
{
    QString line = customer.card + QLatin1Char('\t') + customer.name;
    if (!customer.phone.isEmpty())
        line += QLatin1Char('\t') + customer.phone;
    if (!customer.email.isEmpty())
        line += QLatin1Char('\t') + customer.email;
    return line;
}

QJsonObject customerJson(const Customer &customer)
{
    return QJsonObject{{QStringLiteral("id"), customer.id},
                       {QStringLiteral("card"), customer.card},
                       {QStringLiteral("name"), customer.name},
                       {QStringLiteral("phone"), customer.phone},
                       {QStringLiteral("email"), customer.email},
                       {QStringLiteral("created"), timestampText(customer.createdUtc)},
                       {QStringLiteral("updated"), timestampText(customer.updatedUtc)}};
}

} // namespace

Result<DayRange> dayRangeArgument(const Arguments &args)
{
    DayRange range;
    for (const QString &name : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!args.values.contains(name))
            continue;
        const QDate date = QDate::fromString(args.value(name), kDateFormat);
        if (!date.isValid())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("--%1 must be a date like 2026-11-23.").arg(name));
        if (name == QLatin1String("from"))
            range.fromUtc = date.startOfDay().toUTC();
        else
            range.toUtc = date.addDays(1).startOfDay().toUTC();
    }
    return range;
}

QJsonObject entryJson(const JournalEntry &entry)
{
    QJsonArray postings;
    for (const Posting &posting : entry.postings) {
        postings.append(QJsonObject{{QStringLiteral("account"), posting.account},
                                    {QStringLiteral("amount"), posting.amount.toDecimalString()},
                                    {QStringLiteral("currency"), posting.amount.currency().code()}});
    }
    return QJsonObject{{QStringLiteral("entry_id"), uuidText(entry.id)},
                       {QStringLiteral("terminal"), entry.terminalId},
                       {QStringLiteral("sequence"), entry.sequence},
                       {QStringLiteral("time"), timestampText(entry.createdUtc)},
                       {QStringLiteral("kind"), entryKindName(entry.kind)},
                       {QStringLiteral("user"), entry.userName},
                       {QStringLiteral("note"), entry.note},
                       {QStringLiteral("postings"), postings}};
}

namespace {

// The --limit option: defaultValue when absent, nothing when it is not a whole number in 1..max.
std::optional<int> limitArgument(const Arguments &args, int defaultValue, int max)
{
    if (!args.values.contains(QStringLiteral("limit")))
        return defaultValue;
    bool ok = false;
    const int limit = args.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > max)
        return std::nullopt;
    return limit;
}


QJsonObject termsToJson(const CreditTerms &terms, const Currency &currency)
{
    return QJsonObject{{QStringLiteral("credit_limit"), Money(terms.creditLimitMinorUnits, currency).toDecimalString()},
                       {QStringLiteral("overdraft_limit"), terms.overdraftLimitMinorUnits
                                                               ? QJsonValue(Money(*terms.overdraftLimitMinorUnits, currency).toDecimalString())
                                                               : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("terms_days"), terms.paymentTermsDays},
                       {QStringLiteral("blocked"), terms.blocked}};
}

QString termsText(const CreditTerms &terms, const Currency &currency)
{
    return QStringLiteral("credit limit %1, overdraft %2, terms %3 days%4")
        .arg((Money(terms.creditLimitMinorUnits, currency)).toDecimalStringWithCode(),
             terms.overdraftLimitMinorUnits ? QStringLiteral("down to -") + (Money(*terms.overdraftLimitMinorUnits, currency)).toDecimalStringWithCode()
                                            : QStringLiteral("not allowed"))
        .arg(terms.paymentTermsDays)
        .arg(terms.blocked ? QStringLiteral(", BLOCKED") : QString());
}

// The command words (the first one or two arguments that are not global options) and the rest.
void splitCommand(const QStringList &arguments, QStringList *words, QStringList *rest)
{
    static const QSet<QString> kTwoWordCommands = names({"customer", "credit", "user", "settings", "tax", "product", "cash",
                                                          "drawer", "report", "shop"});
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        const QString optionName = arg.startsWith(QLatin1String("--")) ? arg.sliced(2).section(QLatin1Char('='), 0, 0) : QString();
        if (words->size() < 2 && !optionName.isEmpty()) {
            rest->append(arg);
            if (kGlobal.withValue.contains(optionName) && !arg.contains(QLatin1Char('=')) && i + 1 < arguments.size())
                rest->append(arguments.at(++i));
            continue;
        }
        if (words->size() < 2 && !arg.startsWith(QLatin1String("--")) && (words->isEmpty() || kTwoWordCommands.contains(words->first()))) {
            words->append(arg);
            continue;
        }
        rest->append(arg);
    }
}

} // namespace

bool Cli::needsGui(const QStringList &arguments)
{
    QStringList words;
    QStringList rest;
    splitCommand(arguments, &words, &rest);
    const QString command = words.value(0);
    return command == QLatin1String("invoice-pdf")
           || (command == QLatin1String("statement") && std::any_of(rest.cbegin(), rest.cend(), [](const QString &arg) {
                  return arg == QLatin1String("--out") || arg.startsWith(QLatin1String("--out="));
              }));
}

int Cli::run(const QStringList &arguments)
{
    static const std::array<Command, 50> commands{{
        {"init", "init --store CODE --currency ISO [--terminal ID]", {names({"store", "currency", "terminal"}), {}}, 0, 0, false, &Cli::init},
        {"demo", "demo    (creates the database with demo customers and credit)", {}, 0, 0, false, &Cli::demo},
        {"customer add", "customer add --card CARD --name NAME [--phone P] [--email E]", {names({"card", "name", "phone", "email"}), {}}, 0, 0, true, &Cli::customerAdd},
        {"customer list", "customer list [--search TEXT] [--limit N]", {names({"search", "limit"}), {}}, 0, 0, true, &Cli::customerList},
        {"customer show", "customer show CARD", {}, 1, 1, true, &Cli::customerShow},
        {"customer set", "customer set CARD [--credit-limit AMOUNT] [--overdraft AMOUNT|none] [--terms DAYS] [--blocked yes|no]", {names({"credit-limit", "overdraft", "terms", "blocked"}), {}}, 1, 1, true, &Cli::customerSet},
        {"credit add", "credit add CARD AMOUNT --journal cash|bank|card [--note TEXT] [--override MANAGER:PIN|-:REASON]    (over a cashier's bound)", {names({"journal", "note", "override"}), {}}, 2, 2, true, &Cli::creditAdd},
        {"credit adjust", "credit adjust CARD AMOUNT --reason TEXT", {names({"reason"}), {}}, 2, 2, true, &Cli::creditAdjust},
        {"balance", "balance CARD [--as-of DATE]    (store credit and the credit overview)", {names({"as-of"}), {}}, 1, 1, true, &Cli::balance},
        {"history", "history CARD [--limit N]", {names({"limit"}), {}}, 1, 1, true, &Cli::history},
        {"accounts", "accounts    (every account's balance)", {}, 0, 0, true, &Cli::accounts},
        {"export", "export --format ledger|csv [--out FILE]", {names({"format", "out"}), {}}, 0, 0, true, &Cli::exportJournal},
        {"verify", "verify", {}, 0, 0, true, &Cli::verify},
        {"settings show", "settings show", {}, 0, 0, true, &Cli::settingsShow},
        {"settings set", "settings set [--prices inclusive|exclusive] [--cash-rounding AMOUNT] [--limit-scope shared|per-store] [--pin-failures N] [--pin-lockout-minutes N] [--offline-after-minutes N] [--offline-cap AMOUNT] [--topup-max-cashier AMOUNT] [--topup-max-cashier-day AMOUNT] [--wallet-max AMOUNT] [--discount-max-cashier PERCENT] [--self-authorise yes|no] [--day-end-cashier yes|no]", {names({"prices", "cash-rounding", "limit-scope", "pin-failures", "pin-lockout-minutes", "offline-after-minutes", "offline-cap", "topup-max-cashier", "topup-max-cashier-day", "wallet-max", "discount-max-cashier", "self-authorise", "day-end-cashier"}), {}}, 0, 0, true, &Cli::settingsSet},
        {"user add", "user add --name N --role cashier|manager|admin --pin PIN|- [--override-max AMOUNT]", {names({"name", "role", "pin", "override-max"}), {}}, 0, 0, true, &Cli::userAdd},
        {"user list", "user list", {}, 0, 0, true, &Cli::userList},
        {"user unlock", "user unlock NAME", {}, 1, 1, true, &Cli::userUnlock},
        {"user reset-pin", "user reset-pin NAME --pin PIN|-", {names({"pin"}), {}}, 1, 1, true, &Cli::userResetPin},
        {"tax set", "tax set CODE --rate PERCENT [--name NAME]    (e.g. --rate 25 or 12.5)", {names({"rate", "name"}), {}}, 1, 1, true, &Cli::taxSet},
        {"tax list", "tax list", {}, 0, 0, true, &Cli::taxList},
        {"product add", "product add --sku S --name N --price AMOUNT --tax CODE [--barcode B]", {names({"sku", "name", "price", "tax", "barcode"}), {}}, 0, 0, true, &Cli::productAdd},
        {"product set", "product set SKU [--name N] [--price AMOUNT] [--tax CODE] [--barcode B|none] [--active yes|no]", {names({"name", "price", "tax", "barcode", "active"}), {}}, 1, 1, true, &Cli::productSet},
        {"product list", "product list [--search TEXT] [--limit N]", {names({"search", "limit"}), {}}, 0, 0, true, &Cli::productList},
        {"product show", "product show BARCODE|SKU", {}, 1, 1, true, &Cli::productShow},
        {"product import", "product import FILE.csv [--skip-bad]    (header: sku,name,price,tax_code[,barcode])", {{}, names({"skip-bad"})}, 1, 1, true, &Cli::productImport},
        {"sale", "sale --cashier USER [--customer CARD] --line SKU:QTY[:DISCOUNT|:PERCENT%] ... --pay credit|account|cash|card=AMOUNT ... [--override [credit=|account=|discount=]MANAGER:PIN|-:REASON] [--request-id ID]    (a retry with the same ID gives the first sale back)", {names({"cashier", "customer", "line", "pay", "override", "request-id"}), {}}, 0, 0, true, &Cli::sale},
        {"void-last", "void-last --override MANAGER:PIN|-:REASON    (void this till's last sale or top-up: one reversal entry)", {names({"override"}), {}}, 0, 0, true, &Cli::voidLast},
        {"receipt", "receipt SALE_ID    (a sale as committed, with what was returned)", {}, 1, 1, true, &Cli::receipt},
        {"refund", "refund SALE_ID --line SKU:QTY ... --to credit|cash|original [--cashier USER] [--customer CARD] [--reason TEXT]", {names({"line", "to", "cashier", "customer", "reason"}), {}}, 1, 1, true, &Cli::refund},
        {"invoice", "invoice CARD [--date DATE]    (invoice the customer's accrued account sales)", {names({"date"}), {}}, 1, 1, true, &Cli::invoice},
        {"invoice-pdf", "invoice-pdf INVOICE --out FILE.pdf    (the invoice as a PDF to hand over or send)", {names({"out"}), {}}, 1, 1, true, &Cli::invoicePdf},
        {"statement", "statement CARD --from DATE --to DATE [--out FILE.pdf]    (the customer's account for the period, with ageing)", {names({"from", "to", "out"}), {}}, 1, 1, true, &Cli::statement},
        {"shop show", "shop show    (what invoices and statements print about the shop)", {}, 0, 0, true, &Cli::shopShow},
        {"shop set", "shop set [--name TEXT] [--address TEXT] [--org-number TEXT] [--vat-number TEXT] [--bank-account TEXT]    (\\n in --address starts a new line)", {names({"name", "address", "org-number", "vat-number", "bank-account"}), {}}, 0, 0, true, &Cli::shopSet},
        {"pay-invoice", "pay-invoice INVOICE_ID AMOUNT --journal cash|bank|card [--note TEXT]", {names({"journal", "note"}), {}}, 2, 2, true, &Cli::payInvoice},
        {"invoices", "invoices --customer CARD [--open] | --overdue [--as-of DATE]", {names({"customer", "as-of"}), names({"open", "overdue"})}, 0, 0, true, &Cli::invoices},
        {"overrides", "overrides [--from DATE] [--to DATE]    (the manager overrides log)", {names({"from", "to"}), {}}, 0, 0, true, &Cli::overrides},
        {"customer import", "customer import FILE.csv [--skip-bad]   (header: card,name[,phone,email,credit_limit,overdraft,terms_days,blocked])", {{}, names({"skip-bad"})}, 1, 1, true, &Cli::customerImport},
        {"float", "float AMOUNT    (open the till's day with a float from the safe)", {}, 1, 1, true, &Cli::openFloat},
        {"open", "open --float AMOUNT    (the same as float AMOUNT)", {names({"float"}), {}}, 0, 0, true, &Cli::openFloat},
        {"cash in", "cash in AMOUNT --reason TEXT    (cash put into the drawer)", {names({"reason"}), {}}, 1, 1, true, &Cli::cashIn},
        {"cash out", "cash out AMOUNT --reason TEXT    (cash taken out of the drawer)", {names({"reason"}), {}}, 1, 1, true, &Cli::cashOut},
        {"drawer open", "drawer open [--reason TEXT]    (the drawer opened without a sale)", {names({"reason"}), {}}, 0, 0, true, &Cli::drawerOpen},
        {"x-report", "x-report    (the day so far; nothing is closed)", {}, 0, 0, true, &Cli::xReport},
        {"z-report", "z-report --counted AMOUNT    (close the day: the cash counted in the drawer)", {names({"counted"}), {}}, 0, 0, true, &Cli::zReport},
        {"reports", "reports [--from DATE] [--to DATE]    (the X and Z reports of this till)", {names({"from", "to"}), {}}, 0, 0, true, &Cli::reports},
        {"report show", "report show N | X:N    (print Z report N, or X report N, again)", {}, 1, 1, true, &Cli::reportShow},
        {"sync", "sync [--server URL] [--enroll CODE] [--ca-file PEM]    (one round with the sync server: push, then pull)", {names({"server", "enroll", "ca-file"}), {}}, 0, 0, true, &Cli::sync},
        {"exceptions", "exceptions [--ca-file PEM]    (the sync server's exceptions: overspent wallets, accounts over the limit)", {names({"ca-file"}), {}}, 0, 0, true, &Cli::exceptions},
    }};

    QStringList words;
    QStringList rest;
    splitCommand(arguments, &words, &rest);
    m_json = rest.contains(QStringLiteral("--json"));

    const QString name = words.join(QLatin1Char(' '));
    const Command *command = nullptr;
    for (const Command &candidate : commands) {
        if (name == QLatin1String(candidate.name))
            command = &candidate;
    }
    if (!command) {
        if (words.isEmpty() && rest == QStringList{QStringLiteral("--version")}) {
            m_out << "slatectl " << QCoreApplication::applicationVersion() << '\n';
            return ExitOk;
        }
        if (words.isEmpty() || rest.contains(QStringLiteral("--help"))) {
            QString help = QStringLiteral("usage: slatectl [--db FILE] [--json] [--user NAME] COMMAND ...\n"
                                          "       slatectl --help | --version\n\ncommands:\n");
            for (const Command &candidate : commands)
                help += QStringLiteral("  ") + QLatin1String(candidate.synopsis) + QLatin1Char('\n');
            help += QStringLiteral("\n--db defaults to $SLATE_DB, else the application data folder.\n"
                                   "Amounts are decimals with a '.' (12.50). Exit status: 0 ok, 1 failed, 2 bad usage,\n"
                                   "3 not found, 4 verify found a discrepancy.\n"
                                   "A PIN given as - is read from the first line of standard input.\n");
            (words.isEmpty() && !rest.contains(QStringLiteral("--help")) ? m_err : m_out) << help;
            return words.isEmpty() && !rest.contains(QStringLiteral("--help")) ? ExitUsage : ExitOk;
        }
        return usage(QStringLiteral("Unknown command \"%1\"; run slatectl --help for the list.").arg(name));
    }

    OptionSpec spec = command->options;
    spec.withValue.unite(kGlobal.withValue);
    spec.flags.unite(kGlobal.flags);
    Result<Arguments> args = parseArguments(rest, spec);
    if (!args)
        return usage(args.message() + QStringLiteral(" Usage: slatectl ") + QLatin1String(command->synopsis));
    if (args->flags.contains(QStringLiteral("help"))) {
        m_out << "usage: slatectl " << QLatin1String(command->synopsis) << '\n';
        return ExitOk;
    }
    const qsizetype count = args->positional.size();
    if (count < command->positionalMin || count > command->positionalMax)
        return usage(QStringLiteral("Wrong number of arguments. Usage: slatectl ") + QLatin1String(command->synopsis));
    if (command->needsStore) {
        if (const int opened = openStore(*args); opened != ExitOk)
            return opened;
    }
    return (this->*command->handler)(*args);
}

int Cli::usage(const QString &problem)
{
    if (m_json) {
        m_err << QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("usage")},
                                                                                  {QStringLiteral("message"), problem}}}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        m_err << "slatectl: " << problem << '\n';
    }
    return ExitUsage;
}

int Cli::fail(const Error &error)
{
    const int status = exitCodeFor(error.code);
    const QString code = errorCodeName(error.code);
    if (m_json) {
        m_err << QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                                  {QStringLiteral("message"), error.message}}}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        m_err << "slatectl: " << error.message << '\n';
    }
    return status;
}

void Cli::notice(const QString &code, const QString &message)
{
    if (m_json) {
        m_err << QJsonDocument(QJsonObject{{QStringLiteral("notice"), QJsonObject{{QStringLiteral("code"), code},
                                                                                   {QStringLiteral("message"), message}}}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        m_err << "slatectl: " << message << '\n';
    }
}

void Cli::print(const QJsonValue &json, const QString &text)
{
    if (!m_json) {
        m_out << text;
        if (!text.endsWith(QLatin1Char('\n')))
            m_out << '\n';
        return;
    }
    const QJsonDocument document = json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
    m_out << document.toJson(QJsonDocument::Indented);
}

QString Cli::databasePath(const Arguments &args) const
{
    if (args.values.contains(QStringLiteral("db")))
        return args.value(QStringLiteral("db"));
    const QString fromEnvironment = qEnvironmentVariable("SLATE_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/slate.db");
}

QString Cli::namedUser(const Arguments &args) const
{
    if (args.values.contains(QStringLiteral("user")))
        return args.value(QStringLiteral("user"));
    return qEnvironmentVariable("SLATE_USER");
}

QString Cli::userName(const Arguments &args) const
{
    if (args.values.contains(QStringLiteral("user")))
        return args.value(QStringLiteral("user"));
    const QString fromEnvironment = qEnvironmentVariable("SLATE_USER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QString account = qEnvironmentVariable("USER");
    if (account.isEmpty())
        account = qEnvironmentVariable("LOGNAME", QStringLiteral("unknown"));
    return QStringLiteral("cli:") + account;
}

Result<Money> Cli::amountArgument(const QString &text) const
{
    return Money::parse(text, m_store->identity().currency);
}

Result<Customer> Cli::customerArgument(const QString &card) const
{
    return m_store->customers().byCard(card);
}

int Cli::openStore(const Arguments &args)
{
    Result<std::unique_ptr<Store>> store = Store::open(databasePath(args));
    if (!store)
        return fail(store.error());
    m_store = std::move(*store);
    return ExitOk;
}

int Cli::init(const Arguments &args)
{
    for (const char *required : {"store", "currency"}) {
        if (!args.values.contains(QLatin1String(required)))
            return usage(QStringLiteral("init needs --%1. Usage: slatectl init --store CODE --currency ISO [--terminal ID]")
                             .arg(QLatin1String(required)));
    }
    const QString currencyCode = args.value(QStringLiteral("currency"));
    const std::optional<Currency> currency = Currency::fromCode(currencyCode);
    if (!currency)
        return usage(QStringLiteral("\"%1\" is not a currency Slate knows; give an ISO 4217 code such as NOK, EUR or USD.")
                         .arg(currencyCode));
    const QString path = databasePath(args);
    if (!args.values.contains(QStringLiteral("db")))
        QDir().mkpath(QFileInfo(path).absolutePath());
    const StoreIdentity identity{args.value(QStringLiteral("store")), *currency,
                                 args.values.contains(QStringLiteral("terminal")) ? args.value(QStringLiteral("terminal"))
                                                                                  : QStringLiteral("T1")};
    Result<std::unique_ptr<Store>> store = Store::create(path, identity);
    if (!store)
        return fail(store.error());
    print(QJsonObject{{QStringLiteral("database"), QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())},
                      {QStringLiteral("store"), identity.storeCode},
                      {QStringLiteral("currency"), identity.currency.code()},
                      {QStringLiteral("terminal"), identity.terminalId}},
          QStringLiteral("Created %1 for store %2 (%3), terminal %4.")
              .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), identity.storeCode,
                   identity.currency.code(), identity.terminalId));
    return ExitOk;
}

int Cli::demo(const Arguments &args)
{
    const QString path = databasePath(args);
    const QString user = userName(args);
    Result<std::unique_ptr<Store>> store =
        Store::create(path, StoreIdentity{QStringLiteral("DEMO"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")},
                      [&user](Store &created) { return DemoData::populate(created, user); });
    if (!store)
        return fail(store.error());
    const Result<qint64> count = (*store)->customers().count();
    const qint64 customers = count ? *count : 0;
    QJsonArray users;
    QString userText;
    for (const DemoData::DemoUser &user : DemoData::users()) {
        users.append(QJsonObject{{QStringLiteral("name"), user.name}, {QStringLiteral("role"), roleName(user.role)},
                                 {QStringLiteral("pin"), user.pin}});
        userText += QStringLiteral("\n  %1 (%2), PIN %3").arg(user.name, roleName(user.role), user.pin);
    }
    print(QJsonObject{{QStringLiteral("database"), QFileInfo(path).absoluteFilePath()},
                      {QStringLiteral("customers"), customers},
                      {QStringLiteral("users"), users}},
          QStringLiteral("Created demo database %1 with %2 customers (cards 1001-%3). Demo users:%4")
              .arg(QFileInfo(path).absoluteFilePath())
              .arg(customers)
              .arg(1000 + customers)
              .arg(userText));
    return ExitOk;
}

int Cli::customerAdd(const Arguments &args)
{
    for (const char *required : {"card", "name"}) {
        if (!args.values.contains(QLatin1String(required)))
            return usage(QStringLiteral("customer add needs --%1. Usage: slatectl customer add --card CARD --name NAME "
                                        "[--phone P] [--email E]")
                             .arg(QLatin1String(required)));
    }
    Result<Customer> customer = m_store->customers().add(NewCustomer{args.value(QStringLiteral("card")), args.value(QStringLiteral("name")),
                                                                     args.value(QStringLiteral("phone")), args.value(QStringLiteral("email"))});
    if (!customer)
        return fail(customer.error());
    print(customerJson(*customer), QStringLiteral("Added customer %1 (%2).").arg(customer->name, customer->card));
    return ExitOk;
}

int Cli::customerList(const Arguments &args)
{
    const std::optional<int> limit = limitArgument(args, 50, kSearchResultsMax);
    if (!limit)
        return usage(QStringLiteral("--limit must be a whole number from 1 to %1.").arg(kSearchResultsMax));
    Result<CustomerMatches> found = m_store->customers().find(args.value(QStringLiteral("search")), *limit);
    if (!found)
        return fail(found.error());
    QJsonArray json;
    QString text;
    for (const Customer &customer : std::as_const(found->customers)) {
        json.append(customerJson(customer));
        text += customerLine(customer) + QLatin1Char('\n');
    }
    if (found->customers.isEmpty())
        text = QStringLiteral("No customers found.\n");
    print(json, text);
    // A search reads a bounded number of candidates; when more may match, say so beside the
    // list (stdout keeps its shape, so scripts reading it are unaffected).
    if (found->more)
        notice(QStringLiteral("more-results"),
               QStringLiteral("More customers may match than the %1 listed; narrow the search or raise --limit (at most %2).")
                   .arg(found->customers.size())
                   .arg(kSearchResultsMax));
    return ExitOk;
}

int Cli::customerShow(const Arguments &args)
{
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    Result<Money> wallet = m_store->credit().wallet(customer->id);
    if (!wallet)
        return fail(wallet.error());
    QJsonObject json = customerJson(*customer);
    json.insert(QStringLiteral("currency"), wallet->currency().code());
    json.insert(QStringLiteral("wallet"), wallet->toDecimalString());
    const QJsonObject termsJson = termsToJson(customer->terms, wallet->currency());
    for (auto it = termsJson.begin(); it != termsJson.end(); ++it)
        json.insert(it.key(), it.value());
    print(json, QStringLiteral("Card:    %1\nName:    %2\nPhone:   %3\nE-mail:  %4\nWallet:  %5\nTerms:   %6\nId:      %7\n")
                    .arg(customer->card, customer->name, customer->phone, customer->email, wallet->toDecimalStringWithCode(),
                         termsText(customer->terms, wallet->currency()), customer->id));
    return ExitOk;
}

int Cli::customerSet(const Arguments &args)
{
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    CreditTerms terms = customer->terms;
    if (args.values.contains(QStringLiteral("credit-limit"))) {
        Result<Money> limit = amountArgument(args.value(QStringLiteral("credit-limit")));
        if (!limit)
            return fail(limit.error());
        terms.creditLimitMinorUnits = limit->minorUnits();
    }
    if (args.values.contains(QStringLiteral("overdraft"))) {
        const QString overdraft = args.value(QStringLiteral("overdraft"));
        if (overdraft == QLatin1String("none")) {
            terms.overdraftLimitMinorUnits.reset();
        } else {
            Result<Money> limit = amountArgument(overdraft);
            if (!limit)
                return fail(limit.error());
            terms.overdraftLimitMinorUnits = limit->minorUnits();
        }
    }
    if (args.values.contains(QStringLiteral("terms"))) {
        bool ok = false;
        terms.paymentTermsDays = args.value(QStringLiteral("terms")).toInt(&ok);
        if (!ok)
            return usage(QStringLiteral("--terms must be a whole number of days, not \"%1\".").arg(args.value(QStringLiteral("terms"))));
    }
    if (args.values.contains(QStringLiteral("blocked"))) {
        const QString blocked = args.value(QStringLiteral("blocked"));
        if (blocked != QLatin1String("yes") && blocked != QLatin1String("no"))
            return usage(QStringLiteral("--blocked must be yes or no, not \"%1\".").arg(blocked));
        terms.blocked = blocked == QLatin1String("yes");
    }
    Result<Customer> updated = m_store->customers().setTerms(customer->id, terms);
    if (!updated)
        return fail(updated.error());
    QJsonObject json = customerJson(*updated);
    const QJsonObject termsJson = termsToJson(updated->terms, m_store->identity().currency);
    for (auto it = termsJson.begin(); it != termsJson.end(); ++it)
        json.insert(it.key(), it.value());
    print(json, QStringLiteral("Updated %1 (%2): %3.").arg(updated->name, updated->card, termsText(updated->terms, m_store->identity().currency)));
    return ExitOk;
}

int Cli::creditAdjust(const Arguments &args)
{
    Result<Money> amount = amountArgument(args.positional.at(1));
    if (!amount)
        return fail(amount.error());
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    Result<JournalEntry> entry = m_store->credit().adjust(*customer, *amount, args.value(QStringLiteral("reason")), userName(args));
    if (!entry)
        return fail(entry.error());
    Result<Money> wallet = m_store->credit().wallet(customer->id);
    if (!wallet)
        return fail(wallet.error());
    QJsonObject json = entryJson(*entry);
    json.insert(QStringLiteral("card"), customer->card);
    json.insert(QStringLiteral("wallet"), wallet->toDecimalString());
    print(json, QStringLiteral("Adjusted %1's credit by %2 (%3). Wallet: %4. Entry %5.")
                    .arg(customer->name, amount->toDecimalStringWithCode(), entry->note, wallet->toDecimalStringWithCode(), uuidText(entry->id)));
    return ExitOk;
}

int Cli::history(const Arguments &args)
{
    const std::optional<int> limit = limitArgument(args, 1000, kHistoryRowsMax);
    if (!limit)
        return usage(QStringLiteral("--limit must be a whole number from 1 to %1.").arg(kHistoryRowsMax));
    Result<Customer> customer = customerArgument(args.positional.at(0));
    if (!customer)
        return fail(customer.error());
    Result<QList<WalletHistoryRow>> rows = m_store->credit().history(customer->id, *limit);
    if (!rows)
        return fail(rows.error());
    QJsonArray json;
    QString text = QStringLiteral("%1 (%2)\n%3  %4  %5  %6  %7  %8\n")
                       .arg(customer->name, customer->card, QStringLiteral("date (UTC)").leftJustified(19),
                            QStringLiteral("kind").leftJustified(10), QStringLiteral("amount").rightJustified(14),
                            QStringLiteral("balance").rightJustified(14), QStringLiteral("who").leftJustified(12),
                            QStringLiteral("note"));
    for (const WalletHistoryRow &row : *rows) {
        json.append(QJsonObject{{QStringLiteral("entry_id"), row.entryId},
                                {QStringLiteral("time"), timestampText(row.createdUtc)},
                                {QStringLiteral("kind"), entryKindName(row.kind)},
                                {QStringLiteral("amount"), row.amount.toDecimalString()},
                                {QStringLiteral("balance"), row.runningBalance.toDecimalString()},
                                {QStringLiteral("user"), row.userName},
                                {QStringLiteral("note"), row.note}});
        text += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                    .arg(row.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), entryKindName(row.kind).leftJustified(10),
                         row.amount.toDecimalString().rightJustified(14), row.runningBalance.toDecimalString().rightJustified(14),
                         row.userName.leftJustified(12), row.note);
    }
    if (rows->isEmpty())
        text += QStringLiteral("No credit movements yet.\n");
    print(json, text);
    return ExitOk;
}

int Cli::accounts(const Arguments &)
{
    Result<QList<AccountBalance>> balances = m_store->journal().balances();
    if (!balances)
        return fail(balances.error());
    QJsonArray json;
    QString text;
    for (const AccountBalance &row : *balances) {
        json.append(QJsonObject{{QStringLiteral("account"), row.account},
                                {QStringLiteral("currency"), row.balance.currency().code()},
                                {QStringLiteral("balance"), row.balance.toDecimalString()}});
        text += row.account.leftJustified(64) + QLatin1Char(' ') + row.balance.toDecimalStringWithCode().rightJustified(20) + QLatin1Char('\n');
    }
    print(json, text.isEmpty() ? QStringLiteral("No accounts have moved yet.\n") : text);
    return ExitOk;
}

int Cli::exportJournal(const Arguments &args)
{
    const std::optional<ExportFormat> format = exportFormatFromName(args.value(QStringLiteral("format")));
    if (!format)
        return usage(QStringLiteral("export needs --format ledger or --format csv."));
    const JournalExport exporter = m_store->exporter();
    if (!args.values.contains(QStringLiteral("out"))) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return fail(makeError(ErrorCode::IoError, QStringLiteral("Cannot write to standard output.")));
        m_out.flush();
        Result<qint64> written = exporter.write(*format, out);
        return written ? ExitOk : fail(written.error());
    }
    // Write to a temporary file and rename at the end: a failed export leaves no partial file.
    const QString path = args.value(QStringLiteral("out"));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(makeError(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, out.errorString())));
    Result<qint64> written = exporter.write(*format, out);
    if (!written)
        return fail(written.error());
    if (!out.commit())
        return fail(makeError(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, out.errorString())));
    print(QJsonObject{{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
                      {QStringLiteral("format"), args.value(QStringLiteral("format"))},
                      {QStringLiteral("entries"), *written}},
          QStringLiteral("Exported %1 entries to %2.").arg(*written).arg(QFileInfo(path).absoluteFilePath()));
    return ExitOk;
}

int Cli::verify(const Arguments &)
{
    Result<VerifyReport> report = m_store->journal().verify();
    if (!report)
        return fail(report.error());
    print(QJsonObject{{QStringLiteral("ok"), true},
                      {QStringLiteral("entries"), report->entries},
                      {QStringLiteral("postings"), report->postings},
                      {QStringLiteral("terminals"), report->terminals},
                      {QStringLiteral("accounts"), report->accounts}},
          QStringLiteral("OK: %1 entries with %2 postings from %3 terminal(s) verified; %4 account balances match.")
              .arg(report->entries)
              .arg(report->postings)
              .arg(report->terminals)
              .arg(report->accounts));
    return ExitOk;
}

Result<QString> Cli::pinArgument(const Arguments &args) const
{
    if (!args.values.contains(QStringLiteral("pin")))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Give the PIN with --pin (or --pin - to type it on standard input)."));
    QString pin = args.value(QStringLiteral("pin"));
    if (pin == QLatin1String("-")) {
        // Keeps the PIN out of the process list and the shell history.
        QTextStream in(stdin);
        pin = in.readLine().trimmed();
    }
    return pin;
}

QJsonObject userJson(const User &user)
{
    QJsonObject json{{QStringLiteral("name"), user.name},
                     {QStringLiteral("role"), roleName(user.role)},
                     {QStringLiteral("active"), user.active},
                     {QStringLiteral("failed_attempts"), user.failedAttempts},
                     {QStringLiteral("locked_until"), user.lockedUntilUtc.isValid() ? timestampText(user.lockedUntilUtc) : QString()}};
    return json;
}

int Cli::userAdd(const Arguments &args)
{
    if (!args.values.contains(QStringLiteral("name")) || !args.values.contains(QStringLiteral("role")))
        return usage(QStringLiteral("user add needs --name and --role cashier|manager|admin."));
    const std::optional<Role> role = roleFromName(args.value(QStringLiteral("role")));
    if (!role)
        return usage(QStringLiteral("--role must be cashier, manager or admin, not \"%1\".").arg(args.value(QStringLiteral("role"))));
    std::optional<qint64> overrideMax;
    if (args.values.contains(QStringLiteral("override-max"))) {
        Result<Money> amount = amountArgument(args.value(QStringLiteral("override-max")));
        if (!amount)
            return fail(amount.error());
        overrideMax = amount->minorUnits();
    }
    Result<QString> pin = pinArgument(args);
    if (!pin)
        return fail(pin.error());
    Result<User> user = m_store->users().add(args.value(QStringLiteral("name")), *role, *pin, overrideMax);
    if (!user)
        return fail(user.error());
    QJsonObject json = userJson(*user);
    if (user->overrideMaxMinorUnits)
        json.insert(QStringLiteral("override_max"), Money(*user->overrideMaxMinorUnits, m_store->identity().currency).toDecimalString());
    print(json, QStringLiteral("Added %1 %2.").arg(roleName(user->role), user->name));
    return ExitOk;
}

int Cli::userList(const Arguments &)
{
    Result<QList<User>> users = m_store->users().list();
    if (!users)
        return fail(users.error());
    QJsonArray json;
    QString text;
    for (const User &user : *users) {
        json.append(userJson(user));
        text += user.name.leftJustified(20) + roleName(user.role).leftJustified(10)
                + (user.lockedUntilUtc.isValid() ? QStringLiteral("locked until ") + timestampText(user.lockedUntilUtc) : QString())
                + QLatin1Char('\n');
    }
    print(json, text.isEmpty() ? QStringLiteral("No users yet; add one with slatectl user add.\n") : text);
    return ExitOk;
}

int Cli::userUnlock(const Arguments &args)
{
    const QString name = args.positional.at(0);
    if (auto done = m_store->users().unlock(name); !done)
        return fail(done.error());
    print(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("unlocked"), true}}, QStringLiteral("Unlocked %1.").arg(name));
    return ExitOk;
}

int Cli::userResetPin(const Arguments &args)
{
    const QString name = args.positional.at(0);
    Result<QString> pin = pinArgument(args);
    if (!pin)
        return fail(pin.error());
    if (auto done = m_store->users().resetPin(name, *pin); !done)
        return fail(done.error());
    print(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("pin_reset"), true}}, QStringLiteral("Set a new PIN for %1.").arg(name));
    return ExitOk;
}

namespace {

QJsonObject taxCodeJson(const TaxCode &tax)
{
    return QJsonObject{{QStringLiteral("code"), tax.code},
                       {QStringLiteral("rate_bp"), tax.rateBasisPoints},
                       {QStringLiteral("rate_percent"), taxRatePercentText(tax.rateBasisPoints)},
                       {QStringLiteral("name"), tax.name}};
}

QJsonObject productJson(const Product &product)
{
    return QJsonObject{{QStringLiteral("sku"), product.sku},
                       {QStringLiteral("barcode"), product.barcode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(product.barcode)},
                       {QStringLiteral("name"), product.name},
                       {QStringLiteral("price"), product.unitPrice.toDecimalString()},
                       {QStringLiteral("currency"), product.unitPrice.currency().code()},
                       {QStringLiteral("tax_code"), product.taxCode},
                       {QStringLiteral("active"), product.active}};
}

QString productLine(const Product &product)
{
    return product.sku.leftJustified(16) + QLatin1Char(' ') + product.barcode.leftJustified(14) + QLatin1Char(' ')
           + product.name.leftJustified(32) + QLatin1Char(' ') + product.unitPrice.toDecimalStringWithCode().rightJustified(14) + QLatin1Char(' ')
           + product.taxCode;
}

QJsonArray problemsJson(const ImportReport &report)
{
    QJsonArray lines;
    for (const ImportProblem &problem : report.skipped) {
        lines.append(QJsonObject{{QStringLiteral("line"), problem.line},
                                 {QStringLiteral("column"), problem.column},
                                 {QStringLiteral("message"), problem.message}});
    }
    return lines;
}

QString problemsText(const ImportReport &report)
{
    QString text;
    for (const ImportProblem &problem : report.skipped)
        text += QStringLiteral("  ") + problem.toText() + QLatin1Char('\n');
    if (report.skippedCount > report.skipped.size())
        text += QStringLiteral("  … and %1 more bad lines.\n").arg(report.skippedCount - report.skipped.size());
    return text;
}

} // namespace

int Cli::taxSet(const Arguments &args)
{
    if (!args.values.contains(QStringLiteral("rate")))
        return usage(QStringLiteral("tax set needs --rate PERCENT, e.g. --rate 25 or --rate 12.5."));
    Result<int> rate = taxRateBasisPointsFromPercent(args.value(QStringLiteral("rate")));
    if (!rate)
        return fail(rate.error());
    Result<TaxCode> tax = m_store->catalog().setTaxCode(args.positional.at(0), *rate, args.value(QStringLiteral("name")));
    if (!tax)
        return fail(tax.error());
    print(taxCodeJson(*tax), QStringLiteral("Tax code %1: %2 %%3.")
                                 .arg(tax->code, taxRatePercentText(tax->rateBasisPoints),
                                      tax->name.isEmpty() ? QString() : QStringLiteral(" (") + tax->name + QLatin1Char(')')));
    return ExitOk;
}

int Cli::taxList(const Arguments &)
{
    Result<QList<TaxCode>> codes = m_store->catalog().taxCodes();
    if (!codes)
        return fail(codes.error());
    QJsonArray json;
    QString text;
    for (const TaxCode &tax : *codes) {
        json.append(taxCodeJson(tax));
        text += tax.code.leftJustified(12) + QString(taxRatePercentText(tax.rateBasisPoints) + QStringLiteral(" %")).rightJustified(9)
                + QStringLiteral("  ") + tax.name + QLatin1Char('\n');
    }
    print(json, text.isEmpty() ? QStringLiteral("No tax codes yet; add one with slatectl tax set CODE --rate PERCENT.\n") : text);
    return ExitOk;
}

int Cli::productAdd(const Arguments &args)
{
    for (const char *required : {"sku", "name", "price", "tax"}) {
        if (!args.values.contains(QLatin1String(required)))
            return usage(QStringLiteral("product add needs --%1. Usage: slatectl product add --sku S --name N --price AMOUNT --tax CODE "
                                        "[--barcode B]")
                             .arg(QLatin1String(required)));
    }
    Result<Money> price = amountArgument(args.value(QStringLiteral("price")));
    if (!price)
        return fail(makeError(price.code(), QStringLiteral("Price: ") + price.message()));
    Result<Product> product = m_store->catalog().addProduct(NewProduct{args.value(QStringLiteral("sku")), args.value(QStringLiteral("barcode")),
                                                                       args.value(QStringLiteral("name")), *price,
                                                                       args.value(QStringLiteral("tax"))});
    if (!product)
        return fail(product.error());
    print(productJson(*product), QStringLiteral("Added product %1 \"%2\" at %3 (tax %4).")
                                     .arg(product->sku, product->name, product->unitPrice.toDecimalStringWithCode(), product->taxCode));
    return ExitOk;
}

int Cli::productSet(const Arguments &args)
{
    ProductChanges changes;
    if (args.values.contains(QStringLiteral("name")))
        changes.name = args.value(QStringLiteral("name"));
    if (args.values.contains(QStringLiteral("price"))) {
        Result<Money> price = amountArgument(args.value(QStringLiteral("price")));
        if (!price)
            return fail(makeError(price.code(), QStringLiteral("Price: ") + price.message()));
        changes.price = *price;
    }
    if (args.values.contains(QStringLiteral("tax")))
        changes.taxCode = args.value(QStringLiteral("tax"));
    if (args.values.contains(QStringLiteral("barcode"))) {
        const QString barcode = args.value(QStringLiteral("barcode"));
        changes.barcode = barcode == QLatin1String("none") ? QString() : barcode;
    }
    if (args.values.contains(QStringLiteral("active"))) {
        const QString active = args.value(QStringLiteral("active"));
        if (active != QLatin1String("yes") && active != QLatin1String("no"))
            return usage(QStringLiteral("--active is yes or no, not \"%1\".").arg(active));
        changes.active = active == QLatin1String("yes");
    }
    if (!changes.name && !changes.price && !changes.taxCode && !changes.barcode && !changes.active)
        return usage(QStringLiteral("Say what to change: --name, --price, --tax, --barcode or --active."));
    Result<Product> product = m_store->catalog().updateProduct(args.positional.at(0), changes);
    if (!product)
        return fail(product.error());
    print(productJson(*product), QStringLiteral("Updated product %1 \"%2\": %3, tax %4, barcode %5%6.")
                                     .arg(product->sku, product->name, product->unitPrice.toDecimalStringWithCode(), product->taxCode,
                                          product->barcode.isEmpty() ? QStringLiteral("none") : product->barcode,
                                          product->active ? QString() : QStringLiteral(", NOT SOLD (inactive)")));
    return ExitOk;
}

int Cli::productList(const Arguments &args)
{
    const std::optional<int> limit = limitArgument(args, 50, kProductSearchResultsMax);
    if (!limit)
        return usage(QStringLiteral("--limit must be a whole number from 1 to %1.").arg(kProductSearchResultsMax));
    Result<QList<Product>> products = m_store->catalog().search(args.value(QStringLiteral("search")), *limit);
    if (!products)
        return fail(products.error());
    QJsonArray json;
    QString text;
    for (const Product &product : *products) {
        json.append(productJson(product));
        text += productLine(product) + QLatin1Char('\n');
    }
    print(json, text.isEmpty() ? QStringLiteral("No products found.\n") : text);
    return ExitOk;
}

int Cli::productShow(const Arguments &args)
{
    Result<Product> product = m_store->catalog().byScannedCode(args.positional.at(0));
    if (!product)
        return fail(product.error());
    print(productJson(*product), productLine(*product));
    return ExitOk;
}

int Cli::productImport(const Arguments &args)
{
    const QString path = args.positional.at(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(makeError(ErrorCode::IoError, QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString())));
    const ImportMode mode = args.flags.contains(QStringLiteral("skip-bad")) ? ImportMode::SkipBad : ImportMode::AllOrNothing;
    return printImportReport(path, importProducts(m_store->database(), m_store->catalog(), file, mode), QStringLiteral("products"));
}

int Cli::customerImport(const Arguments &args)
{
    const QString path = args.positional.at(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(makeError(ErrorCode::IoError, QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString())));
    const ImportMode mode = args.flags.contains(QStringLiteral("skip-bad")) ? ImportMode::SkipBad : ImportMode::AllOrNothing;
    return printImportReport(path, importCustomers(m_store->database(), m_store->customers(), m_store->identity().currency, file, mode),
                             QStringLiteral("customers"));
}

int Cli::printImportReport(const QString &path, const Result<ImportReport> &report, const QString &noun)
{
    if (!report)
        return fail(makeError(report.code(), QStringLiteral("%1: %2").arg(path, report.message())));
    if (report->refused) {
        // Like fail(), with every bad line listed so that the file can be fixed in one pass.
        const QString message = QStringLiteral("Nothing was imported from %1: %2 bad line(s); fix them, or import the good lines "
                                               "with --skip-bad.")
                                    .arg(path)
                                    .arg(report->skippedCount);
        if (m_json) {
            m_err << QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid-argument")},
                                                                                      {QStringLiteral("message"), message},
                                                                                      {QStringLiteral("bad_lines"), report->skippedCount},
                                                                                      {QStringLiteral("lines"), problemsJson(*report)}}}})
                         .toJson(QJsonDocument::Compact)
                  << '\n';
        } else {
            m_err << "slatectl: " << message << '\n' << problemsText(*report);
        }
        return ExitUsage;
    }
    QString text = QStringLiteral("Imported %1 %2 from %3.\n").arg(report->imported).arg(noun, path);
    if (report->skippedCount > 0)
        text += QStringLiteral("Skipped %1 bad line(s):\n").arg(report->skippedCount) + problemsText(*report);
    print(QJsonObject{{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
                      {QStringLiteral("imported"), report->imported},
                      {QStringLiteral("skipped_count"), report->skippedCount},
                      {QStringLiteral("skipped"), problemsJson(*report)}},
          text);
    return ExitOk;
}

void Cli::printSettings(const QString &heading)
{
    const CheckoutSettings &settings = m_store->checkoutSettings();
    const StoreIdentity &store = m_store->identity();
    const Money rounding(settings.cashRoundingMinorUnits, store.currency);
    print(QJsonObject{{QStringLiteral("store"), store.storeCode},
                      {QStringLiteral("terminal"), store.terminalId},
                      {QStringLiteral("currency"), store.currency.code()},
                      {QStringLiteral("prices"), priceModeName(settings.priceMode)},
                      {QStringLiteral("cash_rounding"), rounding.toDecimalString()},
                      {QStringLiteral("limit_scope"), limitScopeName(settings.limitScope)},
                      {QStringLiteral("pin_failures"), settings.pinFailuresMax},
                      {QStringLiteral("pin_lockout_seconds"), settings.pinLockoutSeconds},
                      {QStringLiteral("offline_after_minutes"), settings.offlineAfterMinutes},
                      {QStringLiteral("offline_cap"), Money(settings.offlineCapMinorUnits, store.currency).toDecimalString()},
                      {QStringLiteral("topup_max_cashier"), Money(settings.topUpMaxCashierMinorUnits, store.currency).toDecimalString()},
                      {QStringLiteral("topup_max_cashier_day"), Money(settings.topUpMaxCashierDayMinorUnits, store.currency).toDecimalString()},
                      {QStringLiteral("wallet_max"), Money(settings.walletMaxMinorUnits, store.currency).toDecimalString()},
                      {QStringLiteral("discount_max_cashier"), taxRatePercentText(settings.discountMaxCashierBasisPoints)},
                      {QStringLiteral("self_authorise"), settings.selfAuthorise},
                      {QStringLiteral("day_end_cashier"), settings.dayEndByCashier}},
          heading
              + QStringLiteral("Store %1, terminal %2, currency %3\nPrices:            tax-%4\nCash rounding:     %5\n"
                               "Credit limit:      %6\nPIN lockout:       after %7 wrong PINs, for %8 seconds\n"
                               "Offline cap:       %9\n")
                    .arg(store.storeCode, store.terminalId, store.currency.code(), priceModeName(settings.priceMode),
                         rounding.toDecimalStringWithCode(),
                         settings.limitScope == LimitScope::Shared ? QStringLiteral("shared by all stores")
                                                                   : QStringLiteral("used per store"))
                    .arg(settings.pinFailuresMax)
                    .arg(settings.pinLockoutSeconds)
                    .arg(settings.offlineAfterMinutes == 0
                             ? QStringLiteral("off")
                             : QStringLiteral("%1 per customer for credit and account after %2 minutes without sync")
                                   .arg((Money(settings.offlineCapMinorUnits, store.currency)).toDecimalStringWithCode())
                                   .arg(settings.offlineAfterMinutes))
              + QStringLiteral("Top-ups:           a cashier at most %1 at a time and %2 a day; more needs a manager\n"
                               "Wallet maximum:    %3\nDiscounts:         a cashier at most %4 %; more needs a manager\n"
                               "Self-approval:     %5\n")
                    .arg(Money(settings.topUpMaxCashierMinorUnits, store.currency).toDecimalStringWithCode(),
                         Money(settings.topUpMaxCashierDayMinorUnits, store.currency).toDecimalStringWithCode(),
                         Money(settings.walletMaxMinorUnits, store.currency).toDecimalStringWithCode(),
                         taxRatePercentText(settings.discountMaxCashierBasisPoints),
                         settings.selfAuthorise ? QStringLiteral("a manager may authorise their own transactions")
                                                : QStringLiteral("another manager must authorise"))
              + QStringLiteral("Day end:           %1\n").arg(settings.dayEndByCashier ? QStringLiteral("a cashier or a manager")
                                                                                     : QStringLiteral("a manager")));
}

int Cli::settingsShow(const Arguments &)
{
    printSettings(QString());
    return ExitOk;
}

int Cli::settingsSet(const Arguments &args)
{
    CheckoutSettings settings = m_store->checkoutSettings();
    if (args.values.contains(QStringLiteral("prices"))) {
        const std::optional<PriceMode> mode = priceModeFromName(args.value(QStringLiteral("prices")));
        if (!mode)
            return usage(QStringLiteral("--prices must be inclusive or exclusive, not \"%1\".").arg(args.value(QStringLiteral("prices"))));
        settings.priceMode = *mode;
    }
    if (args.values.contains(QStringLiteral("cash-rounding"))) {
        Result<Money> rounding = amountArgument(args.value(QStringLiteral("cash-rounding")));
        if (!rounding)
            return fail(rounding.error());
        settings.cashRoundingMinorUnits = rounding->minorUnits();
    }
    if (args.values.contains(QStringLiteral("limit-scope"))) {
        const std::optional<LimitScope> scope = limitScopeFromName(args.value(QStringLiteral("limit-scope")));
        if (!scope)
            return usage(QStringLiteral("--limit-scope must be shared or per-store, not \"%1\".").arg(args.value(QStringLiteral("limit-scope"))));
        settings.limitScope = *scope;
    }
    for (const auto &[option, field, factor] : {std::tuple{QStringLiteral("pin-failures"), &settings.pinFailuresMax, 1},
                                                std::tuple{QStringLiteral("pin-lockout-minutes"), &settings.pinLockoutSeconds, 60},
                                                std::tuple{QStringLiteral("offline-after-minutes"), &settings.offlineAfterMinutes, 1}}) {
        if (!args.values.contains(option))
            continue;
        bool ok = false;
        const int value = args.value(option).toInt(&ok);
        if (!ok || value > 100000)
            return usage(QStringLiteral("--%1 must be a whole number, not \"%2\".").arg(option, args.value(option)));
        *field = value * factor;
    }
    if (args.values.contains(QStringLiteral("offline-cap"))) {
        Result<Money> cap = amountArgument(args.value(QStringLiteral("offline-cap")));
        if (!cap)
            return fail(cap.error());
        settings.offlineCapMinorUnits = cap->minorUnits();
    }
    for (const auto &[option, field] : {std::pair{QStringLiteral("topup-max-cashier"), &settings.topUpMaxCashierMinorUnits},
                                        std::pair{QStringLiteral("topup-max-cashier-day"), &settings.topUpMaxCashierDayMinorUnits},
                                        std::pair{QStringLiteral("wallet-max"), &settings.walletMaxMinorUnits}}) {
        if (!args.values.contains(option))
            continue;
        Result<Money> amount = amountArgument(args.value(option));
        if (!amount)
            return fail(Error{ErrorCode::InvalidArgument, QStringLiteral("--%1: %2").arg(option, amount.message())});
        *field = amount->minorUnits();
    }
    if (args.values.contains(QStringLiteral("discount-max-cashier"))) {
        const std::optional<int> percent = basisPointsFromPercent(args.value(QStringLiteral("discount-max-cashier")));
        if (!percent)
            return usage(QStringLiteral("--discount-max-cashier must be a percentage from 0 to 100, e.g. 20 or 12.5, not \"%1\".")
                             .arg(args.value(QStringLiteral("discount-max-cashier"))));
        settings.discountMaxCashierBasisPoints = *percent;
    }
    if (args.values.contains(QStringLiteral("self-authorise"))) {
        const QString value = args.value(QStringLiteral("self-authorise"));
        if (value != QLatin1String("yes") && value != QLatin1String("no"))
            return usage(QStringLiteral("--self-authorise must be yes or no, not \"%1\".").arg(value));
        settings.selfAuthorise = value == QLatin1String("yes");
    }
    if (args.values.contains(QStringLiteral("day-end-cashier"))) {
        const QString value = args.value(QStringLiteral("day-end-cashier"));
        if (value != QLatin1String("yes") && value != QLatin1String("no"))
            return usage(QStringLiteral("--day-end-cashier must be yes or no, not \"%1\".").arg(value));
        settings.dayEndByCashier = value == QLatin1String("yes");
    }
    if (auto saved = m_store->setCheckoutSettings(settings); !saved)
        return fail(saved.error());
    printSettings(QStringLiteral("Saved.\n"));
    return ExitOk;
}

} // namespace Slate::Cli
