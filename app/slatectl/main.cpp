// slatectl: the scripting and admin interface to a Slate database. Thin: the commands are in
// cli.cpp and every rule they apply is in slate_core.

#include "cli.h"

#include "base/version.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Slate"));
    QCoreApplication::setApplicationName(QStringLiteral("slate"));
    QCoreApplication::setApplicationVersion(QLatin1String(Slate::Core::kVersion));
    QTextStream out(stdout);
    QTextStream err(stderr);
    Slate::Cli::Cli cli(out, err);
    const int status = cli.run(app.arguments().mid(1));
    out.flush();
    err.flush();
    return status;
}
