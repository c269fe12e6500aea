// slate-server: the central sync server. Thin: parses the command line, opens the database,
// wires a ServerStore to a SyncServer and runs the event loop. Also the admin commands that
// work on the server database directly (enrolment codes, revocation, exceptions, balances,
// verify).

#include "base/exitcodes.h"
#include "base/version.h"
#include "server/serverconfig.h"
#include "server/serverschema.h"
#include "server/serverstore.h"
#include "server/syncserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <optional>

using namespace Slate;

namespace {

// The exit codes of slatectl (one list in core): 4 is verify's discrepancy.
using Core::ExitOk;
using Core::ExitUsage;

enum class Output { Text, Json };

// Reports an error on stderr, as "slate-server: MESSAGE" or, with --json, as slatectl does:
// {"error": {"code", "message"}}.
int failed(const Core::Error &error, Output output = Output::Text)
{
    QTextStream err(stderr);
    if (output == Output::Json)
        err << QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), Core::errorCodeName(error.code)},
                                                                                 {QStringLiteral("message"), error.message}}}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
    else
        err << "slate-server: " << error.message << Qt::endl;
    return Core::exitCodeFor(error.code);
}

void printUsage(QTextStream &stream)
{
    stream << "usage:\n"
           << "  slate-server [serve] --db FILE|postgresql://USER@HOST:PORT/DB --listen HOST:PORT [--tls-cert F --tls-key F]\n"
           << "      [--connections-max N] [--connections-per-address-max N] [--header-timeout-seconds S]\n"
           << "      [--body-timeout-seconds S] [--idle-timeout-seconds S] [--buffered-mib-max MIB]\n"
           << "  slate-server enroll --db … --store CODE --terminal ID [--valid-hours N]\n"
           << "  slate-server revoke --db … --terminal ID\n"
           << "  slate-server exceptions --db … [--json]\n"
           << "  slate-server balances --db …\n"
           << "  slate-server verify --db … [--json]   (exit 4: a discrepancy; the message names it)\n"
           << "  slate-server --help | --version\n"
           << "Every command takes --config FILE (e.g. /etc/slate/server.conf): lines of key = value with the\n"
           << "options' names as keys (" << Sync::serverConfigKeys().join(QStringLiteral(", "))
           << "); a flag on the command line wins over the file.\n";
}

int usage(const QString &problem)
{
    QTextStream err(stderr);
    err << "slate-server: " << problem << "\n";
    printUsage(err);
    return ExitUsage;
}


} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("slate-server"));
    QCoreApplication::setApplicationVersion(QLatin1String(Core::kVersion));
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("config"), QStringLiteral("configuration file of key = value lines"), QStringLiteral("file")},
        {QStringLiteral("help"), QStringLiteral("usage")},
        {QStringLiteral("version"), QStringLiteral("the version")},
        {QStringLiteral("db"), QStringLiteral("server database"), QStringLiteral("location")},
        {QStringLiteral("listen"), QStringLiteral("address and port"), QStringLiteral("host:port")},
        {QStringLiteral("store"), QStringLiteral("store code"), QStringLiteral("code")},
        {QStringLiteral("terminal"), QStringLiteral("terminal id"), QStringLiteral("id")},
        {QStringLiteral("valid-hours"), QStringLiteral("enrolment code validity"), QStringLiteral("hours")},
        {QStringLiteral("json"), QStringLiteral("JSON output")},
        {QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (chain) for HTTPS"), QStringLiteral("file")},
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS"), QStringLiteral("file")},
        {QStringLiteral("connections-max"), QStringLiteral("open connections in all (256)"), QStringLiteral("n")},
        {QStringLiteral("connections-per-address-max"), QStringLiteral("open connections per client address (32)"), QStringLiteral("n")},
        {QStringLiteral("header-timeout-seconds"), QStringLiteral("time to send a request's headers (10)"), QStringLiteral("s")},
        {QStringLiteral("body-timeout-seconds"), QStringLiteral("time to send a request's body (60)"), QStringLiteral("s")},
        {QStringLiteral("idle-timeout-seconds"), QStringLiteral("time a kept-alive connection may idle (30)"), QStringLiteral("s")},
        {QStringLiteral("buffered-mib-max"), QStringLiteral("request bytes held for all connections (64 MiB)"), QStringLiteral("MiB")},
    });
    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText());
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("version"))) {
        out << "slate-server " << Core::kVersion << Qt::endl;
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printUsage(out);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.isEmpty() ? QStringLiteral("serve") : positional.first();
    if (positional.size() > 1)
        return usage(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));
    // Known before the database is opened: an unknown command is bad usage, not a missing database.
    static const QStringList kCommands{QStringLiteral("serve"), QStringLiteral("enroll"), QStringLiteral("revoke"),
                                       QStringLiteral("exceptions"), QStringLiteral("balances"), QStringLiteral("verify")};
    if (!kCommands.contains(command))
        return usage(QStringLiteral("unknown command \"%1\"").arg(command));
    const Output output = parser.isSet(QStringLiteral("json")) ? Output::Json : Output::Text;

    // The configuration file's settings, with the command line's flags over them.
    Sync::ConfigValues flags;
    for (const QString &key : Sync::serverConfigKeys()) {
        if (parser.isSet(key))
            flags.insert(key, Sync::ConfigValue{parser.value(key), QString(), 0});
    }
    Sync::ConfigValues settings = flags;
    if (parser.isSet(QStringLiteral("config"))) {
        auto file = Sync::readServerConfig(parser.value(QStringLiteral("config")));
        if (!file)
            return failed(file.error(), output);
        settings = Sync::withFlagsOver(*file, flags);
    }
    const bool serving = command == QLatin1String("serve");
    std::optional<Sync::ServeOptions> serve;
    if (serving) {
        auto options = Sync::serveOptions(settings);
        if (!options)
            return usage(options.message());
        serve = *options;
    } else if (!settings.contains(QStringLiteral("db"))) {
        return usage(QStringLiteral("--db is required (or db = … in the file given with --config)"));
    }

    // serve and enroll make a missing database; the others read one that exists. The server
    // checkpoints SQLite's log between requests, not in the middle of a push.
    auto database = Sync::ServerSchema::open(settings.value(QStringLiteral("db")).value,
                                             serving || command == QLatin1String("enroll") ? Core::OpenMode::OpenOrCreate
                                                                                           : Core::OpenMode::OpenExisting,
                                             serving ? Core::CheckpointPolicy::WhenIdle : Core::CheckpointPolicy::OnCommit);
    if (!database)
        return failed(database.error(), output);
    Sync::ServerStore store(**database);

    if (serve) {
        Sync::SyncServer server(store);
        server.setLimits(serve->limits);
        const bool tls = serve->tls();
        if (tls) {
            if (auto enabled = server.enableTls(serve->tlsCertificateFile, serve->tlsKeyFile); !enabled)
                return failed(enabled.error());
        }
        const QHostAddress &address = serve->listen.address;
        Core::Result<quint16> bound = server.listenOn(address, serve->listen.port);
        if (!bound)
            return failed(bound.error());
        QTimer checkpoints;
        QObject::connect(&checkpoints, &QTimer::timeout, &app, [&database] {
            if (auto done = (*database)->checkpointIfDue(); !done)
                QTextStream(stderr) << "slate-server: " << done.message() << Qt::endl;
        });
        checkpoints.start(1000);
        // Tests and service managers read this line to learn the port.
        out << "slate-server listening on " << address.toString() << ':' << *bound << " ("
            << ((*database)->isPostgres() ? (*database)->path() : QStringLiteral("sqlite ") + (*database)->path()) << ", schema "
            << (*database)->schemaVersion() << (tls ? ", https" : "") << ")" << Qt::endl;
        return app.exec();
    }
    if (command == QLatin1String("enroll")) {
        if (!parser.isSet(QStringLiteral("store")) || !parser.isSet(QStringLiteral("terminal")))
            return usage(QStringLiteral("enroll needs --store and --terminal"));
        bool ok = true;
        const qint64 hours = parser.isSet(QStringLiteral("valid-hours")) ? parser.value(QStringLiteral("valid-hours")).toLongLong(&ok) : 24;
        if (!ok || hours < 1 || hours > 720)
            return usage(QStringLiteral("--valid-hours must be 1 to 720"));
        auto code = store.createEnrolment(parser.value(QStringLiteral("store")), parser.value(QStringLiteral("terminal")),
                                          hours * 3600 * 1000);
        if (!code)
            return failed(code.error(), output);
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(QJsonObject{{QStringLiteral("code"), code->code},
                                             {QStringLiteral("expiresUtc"), Core::timestampText(code->expiresUtc)}})
                       .toJson(QJsonDocument::Compact)
                << Qt::endl;
        else
            out << code->code << Qt::endl;
        return ExitOk;
    }
    if (command == QLatin1String("revoke")) {
        if (!parser.isSet(QStringLiteral("terminal")))
            return usage(QStringLiteral("revoke needs --terminal"));
        if (auto done = store.revoke(parser.value(QStringLiteral("terminal"))); !done)
            return failed(done.error());
        out << "revoked terminal " << parser.value(QStringLiteral("terminal")) << Qt::endl;
        return ExitOk;
    }
    if (command == QLatin1String("exceptions")) {
        QJsonArray all;
        qint64 after = 0;
        for (int page = 0; page < 1000; ++page) {
            auto rows = store.exceptions(after, Sync::kExceptionsPageMax);
            if (!rows)
                return failed(rows.error(), output);
            for (const Sync::SyncException &row : *rows) {
                all.append(Sync::exceptionToJson(row));
                after = row.id;
                if (!parser.isSet(QStringLiteral("json")))
                    out << row.id << ' ' << row.kind << ' ' << row.detail << Qt::endl;
            }
            if (rows->size() < Sync::kExceptionsPageMax)
                break;
        }
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(all).toJson(QJsonDocument::Compact) << Qt::endl;
        return ExitOk;
    }
    if (command == QLatin1String("balances")) {
        auto balances = store.balances();
        if (!balances)
            return failed(balances.error());
        QJsonObject all;
        for (const Core::AccountBalance &row : *balances)
            all.insert(row.account, row.balance.toDecimalStringWithCode());
        out << QJsonDocument(all).toJson(QJsonDocument::Compact) << Qt::endl;
        return ExitOk;
    }
    if (command == QLatin1String("verify")) {
        auto report = store.verify();
        if (!report)
            return failed(report.error(), output);
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), true},
                                             {QStringLiteral("entries"), report->entries},
                                             {QStringLiteral("postings"), report->postings},
                                             {QStringLiteral("terminals"), report->terminals},
                                             {QStringLiteral("accounts"), report->accounts}})
                       .toJson(QJsonDocument::Compact)
                << Qt::endl;
        else
            out << QStringLiteral("OK: %1 entries with %2 postings from %3 terminal(s) verified; %4 account balances match.")
                       .arg(report->entries)
                       .arg(report->postings)
                       .arg(report->terminals)
                       .arg(report->accounts)
                << Qt::endl;
        return ExitOk;
    }
    return usage(QStringLiteral("unknown command \"%1\"").arg(command));
}
