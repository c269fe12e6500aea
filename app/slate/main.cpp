// slate: the cashier desktop app. Thin: parse the arguments, open (or on first run create, with
// demo data) the database, load the look and the language, and hand over to Slate::Ui::TillApp.

#include "base/version.h"
#include "store/demodata.h"
#include "store/store.h"
#include "client/syncservice.h"
#include "tillapp.h"
#include "client/tillsyncstate.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

using namespace Slate::Core;

QString databasePath(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("db")))
        return parser.value(QStringLiteral("db"));
    const QString fromEnvironment = qEnvironmentVariable("SLATE_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/slate.db");
}

// The till checkpoints SQLite's write-ahead log when idle (see idle checkpoints in main), so no
// sale's commit pays for moving the log into the database file.
Result<std::unique_ptr<Store>> openTill(const QString &path)
{
    OpenOptions options;
    options.checkpoints = CheckpointPolicy::WhenIdle;
    return Store::open(path, options);
}

Result<std::unique_ptr<Store>> openOrCreate(const QString &path, bool &created)
{
    created = false;
    if (QFileInfo::exists(path))
        return openTill(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto result = Store::create(path, StoreIdentity{QStringLiteral("DEMO"), *Currency::fromCode(u"NOK"), QStringLiteral("T1")},
                                [](Store &created) { return DemoData::populate(created, QStringLiteral("slate:first-run")); });
    if (!result)
        return result;
    result->reset();
    created = true;
    std::fprintf(stderr, "slate: created %s with demo data\n", qPrintable(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    return openTill(path);
}

// How often the till looks for an idle moment to checkpoint: a passive checkpoint after the
// commits since the last one (nothing when there were none), never inside a transaction.
constexpr int kIdleCheckpointMs = 2000;

// The bound of --sync-interval: a round a day is already far less than any shop wants.
constexpr int kSyncIntervalSecondsMax = 24 * 60 * 60;

// Runs the background sync when this till is enrolled with a server (slatectl sync …) and feeds
// the status bar; otherwise the status bar says "local only".
std::unique_ptr<Slate::Sync::SyncService> startSync(Store &store, Slate::Ui::TillApp &till, std::optional<int> intervalSeconds)
{
    using Slate::Ui::SyncIndicator;
    const Result<Slate::Sync::TillSyncState> state = Slate::Sync::TillSync::load(store.database());
    if (!state || !state->enrolled())
        return nullptr;
    // Over the Store, so that settings pulled from the server (cash rounding, limit scope, PIN
    // lockout, …) are in force in this running till at once, not after a restart.
    auto sync = std::make_unique<Slate::Sync::SyncService>(store);
    sync->setServer(state->serverUrl);
    if (intervalSeconds) {
        Slate::Sync::BackoffPolicy policy;
        policy.intervalMs = *intervalSeconds * 1000;
        sync->setPolicy(policy);
    }
    Slate::Sync::SyncService *service = sync.get();
    auto publish = [service, &till] {
        SyncIndicator indicator;
        switch (service->status()) {
        case Slate::Sync::SyncStatus::Unknown:
            indicator.state = SyncIndicator::State::Starting;
            break;
        case Slate::Sync::SyncStatus::Online:
            indicator.state = SyncIndicator::State::Online;
            break;
        case Slate::Sync::SyncStatus::Offline:
            indicator.state = SyncIndicator::State::Offline;
            break;
        case Slate::Sync::SyncStatus::Error:
            indicator.state = SyncIndicator::State::Refused;
            break;
        }
        indicator.reason = service->reason();
        indicator.entriesWaiting = service->entriesWaiting();
        indicator.lastSyncUtc = service->lastSyncUtc();
        till.setSyncIndicator(indicator);
    };
    QObject::connect(service, &Slate::Sync::SyncService::statusChanged, &till, publish);
    QObject::connect(service, &Slate::Sync::SyncService::entriesWaitingChanged, &till, publish);
    QObject::connect(service, &Slate::Sync::SyncService::lastSyncChanged, &till, publish);
    QObject::connect(&till, &Slate::Ui::TillApp::journalChanged, service, &Slate::Sync::SyncService::refreshEntriesWaiting);
    // The Store has the pulled settings already; the windows must not keep showing (or, in the
    // back office, saving back) what they worked out from the old ones.
    QObject::connect(service, &Slate::Sync::SyncService::roundFinished, &till, [&till](const Slate::Sync::RoundResult &result) {
        if (result.report.settingsApplied)
            till.reloadSettings();
    });
    service->refreshEntriesWaiting();
    publish();
    service->start();
    return sync;
}

void report(const char *what, const QElapsedTimer &since)
{
    std::fprintf(stderr, "slate: %s after %lld ms\n", what, static_cast<long long>(since.elapsed()));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Slate"));
    QApplication::setApplicationName(QStringLiteral("slate"));
    QApplication::setApplicationDisplayName(QStringLiteral("Slate"));
    QApplication::setApplicationVersion(QLatin1String(Slate::Core::kVersion));
    // Wayland compositors find the window's icon and name through its desktop entry.
    QGuiApplication::setDesktopFileName(QLatin1String(Slate::Core::kApplicationId));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Slate cashier app"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("The database (default: $SLATE_DB, else the app data folder). "
                                                           "A missing file is created with demo data."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("locale"), QStringLiteral("Language and number format, e.g. nb_NO or en_GB (default: the system's)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("timings"), QStringLiteral("Print start-up timings to stderr.")});
    parser.addOption({QStringLiteral("sync-interval"),
                      QStringLiteral("Seconds between background sync rounds while online, 1 to %1 (default: 60).").arg(kSyncIntervalSecondsMax),
                      QStringLiteral("SECONDS")});
    parser.process(app);
    const bool timings = parser.isSet(QStringLiteral("timings"));
    std::optional<int> syncIntervalSeconds;
    if (parser.isSet(QStringLiteral("sync-interval"))) {
        bool number = false;
        const int seconds = parser.value(QStringLiteral("sync-interval")).toInt(&number);
        if (!number || seconds < 1 || seconds > kSyncIntervalSecondsMax) {
            std::fprintf(stderr, "slate: --sync-interval takes whole seconds from 1 to %d, not \"%s\"\n", kSyncIntervalSecondsMax,
                         qPrintable(parser.value(QStringLiteral("sync-interval"))));
            return 2;
        }
        syncIntervalSeconds = seconds;
    }

    const QLocale locale = parser.isSet(QStringLiteral("locale")) ? QLocale(parser.value(QStringLiteral("locale"))) : QLocale::system();
    if (!Slate::Ui::installLookAndLanguage(locale))
        std::fprintf(stderr, "slate: no translation for %s; using English\n", qPrintable(locale.name()));

    const QString path = databasePath(parser);
    bool created = false;
    Result<std::unique_ptr<Store>> store = openOrCreate(path, created);
    if (!store) {
        QMessageBox::critical(nullptr, QStringLiteral("Slate"), store.message());
        std::fprintf(stderr, "slate: %s\n", qPrintable(store.message()));
        return 1;
    }
    if (timings)
        report("database open", sinceStart);

    Slate::Ui::TillApp till(**store, locale);
    if (created)
        till.setDemoUsers(DemoData::users());
    const std::unique_ptr<Slate::Sync::SyncService> sync = startSync(**store, till, syncIntervalSeconds);
    QTimer idleCheckpoints;
    QObject::connect(&idleCheckpoints, &QTimer::timeout, &app, [&store] {
        if (auto done = (*store)->database().checkpointIfDue(); !done)
            std::fprintf(stderr, "slate: %s\n", qPrintable(done.message()));
    });
    idleCheckpoints.start(kIdleCheckpointMs);
    QObject::connect(&till, &Slate::Ui::TillApp::quitRequested, &app, &QApplication::quit);
    if (timings) {
        // Reported from the event loop, once the window has been laid out and shown.
        QObject::connect(&till, &Slate::Ui::TillApp::checkoutReady, &app, [&sinceStart] {
            QTimer::singleShot(0, [&sinceStart] { report("checkout window usable (includes the time at the login screen)", sinceStart); });
        });
        QTimer::singleShot(0, [&sinceStart] { report("login screen shown", sinceStart); });
    }
    till.start();
    return app.exec();
}
