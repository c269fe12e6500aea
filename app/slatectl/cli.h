#pragma once
// slatectl's commands: each parses its arguments, calls one core service and prints the result
// as text or, with --json, as one JSON object or array. Rules live in core; this only
// translates between the command line and the services.

#include "arguments.h"
#include "base/exitcodes.h"
#include "import/csvimport.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QTextStream>

#include <memory>

namespace Slate::Cli {

// Exit status: core's one list, shared with slate-server (base/exitcodes.h).
using Core::ExitFailed;
using Core::ExitIntegrity;
using Core::ExitNotFound;
using Core::ExitOk;
using Core::ExitUsage;

// --override [credit=|account=|discount=]MANAGER:PIN:REASON; a PIN of "-" is read from standard input.
struct OverrideArgument {
    std::optional<Core::TenderKind> tender; // none: whichever single tender is refused
    bool discount = false;                  // discount=: the sale's discounts beyond a cashier's maximum
    QString manager;
    QString pin;
    QString reason;
    Core::ManagerPin managerPin() const { return Core::ManagerPin{manager, pin, reason}; }
};
Core::Result<OverrideArgument> overrideArgument(const QString &text);
// An entry as the --json output shows it.
QJsonObject entryJson(const Core::JournalEntry &entry);
// An invoice as the --json output shows it (overdue as of `asOf`).
QJsonObject invoiceJson(const Core::Invoice &invoice, const QDate &asOf);
// The one date format of options and output: 2026-11-23.
inline const QString kDateFormat = QStringLiteral("yyyy-MM-dd");
// --from and --to as whole local days: from the start of --from to the end of --to, in UTC; a
// bound not given stays null (open). A malformed one is an error naming it.
struct DayRange {
    QDateTime fromUtc;
    QDateTime toUtc;
};
Core::Result<DayRange> dayRangeArgument(const Arguments &args);

class Cli {
public:
    Cli(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}
    int run(const QStringList &arguments); // without the program name
    // Whether the command in `arguments` lays out a document (invoice-pdf, statement --out):
    // those need a QGuiApplication for fonts, the others a QCoreApplication only.
    static bool needsGui(const QStringList &arguments);

private:
    struct Command;
    using Handler = int (Cli::*)(const Arguments &);

    int usage(const QString &problem);
    int fail(const Core::Error &error);
    void print(const QJsonValue &json, const QString &text);
    // Something the user should know that is not an error (the exit code stays 0): on stderr,
    // as "slatectl: MESSAGE" or, with --json, {"notice": {"code", "message"}} like an error.
    void notice(const QString &code, const QString &message);
    QString databasePath(const Arguments &args) const;
    QString userName(const Arguments &args) const;
    // --user, else $SLATE_USER; empty when neither names anyone.
    QString namedUser(const Arguments &args) const;
    Core::Result<Core::Money> amountArgument(const QString &text) const;
    Core::Result<Core::Customer> customerArgument(const QString &card) const;
    int openStore(const Arguments &args);

    int init(const Arguments &args);
    int demo(const Arguments &args);
    int customerAdd(const Arguments &args);
    int customerList(const Arguments &args);
    int customerShow(const Arguments &args);
    int customerSet(const Arguments &args);
    int creditAdd(const Arguments &args);
    int creditAdjust(const Arguments &args);
    int balance(const Arguments &args);
    int history(const Arguments &args);
    int accounts(const Arguments &args);
    int exportJournal(const Arguments &args);
    int verify(const Arguments &args);
    int settingsShow(const Arguments &args);
    int settingsSet(const Arguments &args);
    void printSettings(const QString &heading);
    int userAdd(const Arguments &args);
    int userList(const Arguments &args);
    int userUnlock(const Arguments &args);
    int userResetPin(const Arguments &args);
    Core::Result<QString> pinArgument(const Arguments &args) const;
    int taxSet(const Arguments &args);
    int taxList(const Arguments &args);
    int productAdd(const Arguments &args);
    int productSet(const Arguments &args);
    int productList(const Arguments &args);
    int productShow(const Arguments &args);
    int productImport(const Arguments &args);
    int customerImport(const Arguments &args);
    int sync(const Arguments &args); // synccommands.cpp
    int exceptions(const Arguments &args); // synccommands.cpp
    // checkoutcommands.cpp
    int sale(const Arguments &args);
    int receipt(const Arguments &args);
    int refund(const Arguments &args);
    int voidLast(const Arguments &args);
    int invoice(const Arguments &args);
    int payInvoice(const Arguments &args);
    int invoices(const Arguments &args);
    int overrides(const Arguments &args);
    // documentcommands.cpp
    int shopShow(const Arguments &args);
    int shopSet(const Arguments &args);
    void printShop(const Core::ShopDetails &details, const QString &heading);
    int invoicePdf(const Arguments &args);
    int statement(const Arguments &args);
    // dayendcommands.cpp
    int openFloat(const Arguments &args);
    int cashIn(const Arguments &args);
    int cashOut(const Arguments &args);
    int cashMove(const Arguments &args, Core::EntryKind kind);
    int drawerOpen(const Arguments &args);
    int xReport(const Arguments &args);
    int zReport(const Arguments &args);
    int reports(const Arguments &args);
    int reportShow(const Arguments &args);
    void printReport(const QJsonObject &report, const QString &heading);
    int printImportReport(const QString &path, const Core::Result<Core::ImportReport> &report, const QString &noun);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
    std::unique_ptr<Core::Store> m_store;
};

} // namespace Slate::Cli
