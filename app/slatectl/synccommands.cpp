// slatectl sync: one full sync round of this database with the server (the back office's
// day-end sync, or a till's sync from a script), printing what moved. The round itself is the
// sync library's SyncClient; this only runs it to the end and prints the report.

#include "cli.h"

#include "client/syncclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

namespace Slate::Cli {

namespace {

// A round that fails exits 1 (the operation failed), never 2: that is bad usage (README), and
// the arguments were checked before the round began. "local" says this till's own state stopped
// it (not enrolled, a pulled entry it cannot store, …).
Core::Error roundError(const Sync::RoundResult &result)
{
    return Core::makeError(Core::ErrorCode::IoError, result.message);
}

} // namespace

int Cli::sync(const Arguments &args)
{
    const QUrl server(args.value(QStringLiteral("server")));
    if (args.has(QStringLiteral("server"))
        && (!server.isValid() || server.host().isEmpty()
            || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))))
        return usage(QStringLiteral("--server must be a URL like http://server:8470."));
    Sync::SyncClient client(*m_store);
    if (args.has(QStringLiteral("server")))
        client.setServer(server);
    if (args.has(QStringLiteral("ca-file"))) {
        if (auto trusted = client.setCaFile(args.value(QStringLiteral("ca-file"))); !trusted)
            return fail(trusted.error());
    }
    Sync::RoundResult result;
    QEventLoop loop;
    QObject::connect(&client, &Sync::SyncClient::finished, &loop, [&](const Sync::RoundResult &finished) {
        result = finished;
        loop.quit();
    });
    client.start(args.value(QStringLiteral("enroll")));
    if (client.busy())
        loop.exec();
    if (!result.ok())
        return fail(roundError(result));
    const Sync::RoundReport &report = result.report;
    print(QJsonObject{{QStringLiteral("enrolled"), report.enrolled},
                      {QStringLiteral("pushed"), report.pushed},
                      {QStringLiteral("alreadyStored"), report.alreadyStored},
                      {QStringLiteral("pulled"), report.pulled},
                      {QStringLiteral("quarantined"), report.quarantined},
                      {QStringLiteral("exceptions"), report.exceptions},
                      {QStringLiteral("pushedSequence"), report.pushedSequence},
                      {QStringLiteral("masterPushed"), report.masterPushed},
                      {QStringLiteral("masterApplied"), report.masterApplied},
                      {QStringLiteral("masterConflicts"), report.masterConflicts}},
          QStringLiteral("%1pushed %2 entries (%3 already on the server), pulled %4 entries of other terminals; the server holds "
                         "this till's journal up to sequence %5. Master data: sent %7 changes, applied %8 from other terminals%9.%6")
              .arg(report.enrolled ? QStringLiteral("Enrolled; ") : QString())
              .arg(report.pushed)
              .arg(report.alreadyStored)
              .arg(report.pulled)
              .arg(report.pushedSequence)
              .arg(report.exceptions > 0 ? QStringLiteral(" The server recorded %1 exception(s) for the back office.").arg(report.exceptions)
                                         : QString())
              .arg(report.masterPushed)
              .arg(report.masterApplied)
              .arg(report.masterConflicts > 0 ? QStringLiteral(" (%1 older or unusable, kept in the history)").arg(report.masterConflicts)
                                               : QString())
              + (report.quarantined > 0 ? QStringLiteral(" %1 entries of other terminals could not be stored here and are "
                                                          "quarantined (the log says why).")
                                              .arg(report.quarantined)
                                        : QString()));
    return ExitOk;
}

int Cli::exceptions(const Arguments &args)
{
    Sync::SyncClient client(*m_store);
    if (args.has(QStringLiteral("ca-file"))) {
        if (auto trusted = client.setCaFile(args.value(QStringLiteral("ca-file"))); !trusted)
            return fail(trusted.error());
    }
    QJsonArray rows;
    Sync::RoundResult result{Sync::RoundFailure::Network, QStringLiteral("no answer"), {}};
    QEventLoop loop;
    QObject::connect(&client, &Sync::SyncClient::exceptionsListed, &loop,
                     [&](const QJsonArray &listed, const Sync::RoundResult &outcome) {
                         rows = listed;
                         result = outcome;
                         loop.quit();
                     });
    QMetaObject::invokeMethod(&client, [&client] { client.listExceptions(); }, Qt::QueuedConnection);
    loop.exec();
    if (!result.ok())
        return fail(roundError(result));
    QStringList lines;
    for (const QJsonValue &row : std::as_const(rows)) {
        const QJsonObject exception = row.toObject();
        lines.append(QStringLiteral("%1 %2 %3 %4: %5")
                         .arg(qint64(exception.value(QStringLiteral("id")).toDouble()))
                         .arg(exception.value(QStringLiteral("createdUtc")).toString(), exception.value(QStringLiteral("kind")).toString(),
                              exception.value(QStringLiteral("terminalId")).toString(), exception.value(QStringLiteral("detail")).toString()));
    }
    print(rows, lines.isEmpty() ? QStringLiteral("No exceptions.") : lines.join(QLatin1Char('\n')));
    return ExitOk;
}

} // namespace Slate::Cli
