// slatectl: the scripting and admin interface to a Slate database. Thin: the commands are in
// cli.cpp and every rule they apply is in slate_core.

#include "cli.h"

#include "base/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // Only the commands that lay out a PDF need fonts, hence a QGuiApplication; on a server or
    // over ssh there is no display, so those draw on the offscreen platform.
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (Slate::Cli::Cli::needsGui(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a login session Qt warns on stderr, which scripts read for --json errors, and
        // then uses a private folder under /tmp: make that folder the way Qt would, quietly.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray runtime = QDir::tempPath().toLocal8Bit() + "/runtime-" + qgetenv("USER").replace('/', '_');
            QDir().mkpath(QString::fromLocal8Bit(runtime));
            if (QFile::setPermissions(QString::fromLocal8Bit(runtime), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", runtime);
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Slate"));
    QCoreApplication::setApplicationName(QStringLiteral("slate"));
    QCoreApplication::setApplicationVersion(QLatin1String(Slate::Core::kVersion));
    QTextStream out(stdout);
    QTextStream err(stderr);
    Slate::Cli::Cli cli(out, err);
    const int status = cli.run(QCoreApplication::arguments().mid(1));
    out.flush();
    err.flush();
    return status;
}
