#pragma once
// A throwaway PostgreSQL cluster for tests and benchmarks of both dialects (tests/sync, the
// core storage tests, bench_sync), and a free loopback port for servers under test.

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <unistd.h>

namespace Slate::Test {

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// A throwaway PostgreSQL 15 cluster in a temporary folder, run as the postgres user (PostgreSQL
// refuses to run as root). available() is false, with the reason, where that cannot be done.
// $SLATE_TEST_PG_OPTIONS adds server options (e.g. "-c log_statement=all" for bench_sync's
// statement counts); the server's log is logFile().
class PostgresCluster {
public:
    PostgresCluster()
    {
        const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin/");
        if (!QFileInfo::exists(bin + QStringLiteral("initdb")) || !QFileInfo::exists(bin + QStringLiteral("pg_ctl"))) {
            m_reason = QStringLiteral("PostgreSQL 15 is not installed (scripts/install-deps.sh installs postgresql-15)");
            return;
        }
        if (geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("runuser"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty()) {
            m_reason = QStringLiteral("starting a cluster as the postgres user needs root and runuser");
            return;
        }
        m_folder = QDir::temp().filePath(QStringLiteral("slate-pg-%1").arg(QCoreApplication::applicationPid()));
        QDir(m_folder).removeRecursively();
        QDir().mkpath(m_folder);
        m_port = freeLoopbackPort();
        if (!run({QStringLiteral("chown"), QStringLiteral("postgres:postgres"), m_folder}, false)
            || !run({bin + QStringLiteral("initdb"), QStringLiteral("-D"), m_folder + QStringLiteral("/data"), QStringLiteral("-U"),
                     QStringLiteral("postgres"), QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8")})
            || !run({bin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_folder + QStringLiteral("/data"), QStringLiteral("-l"),
                     m_folder + QStringLiteral("/log"), QStringLiteral("-w"), QStringLiteral("-o"),
                     QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off %3")
                         .arg(m_port)
                         .arg(m_folder, qEnvironmentVariable("SLATE_TEST_PG_OPTIONS")),
                     QStringLiteral("start")})) {
            m_reason = QStringLiteral("the PostgreSQL cluster did not start: ") + m_failure;
            return;
        }
        m_started = true;
    }
    ~PostgresCluster()
    {
        if (m_started)
            run({QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"), QStringLiteral("-D"), m_folder + QStringLiteral("/data"),
                 QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")});
        if (!m_folder.isEmpty())
            QDir(m_folder).removeRecursively();
    }
    bool available() const { return m_started; }
    const QString &reason() const { return m_reason; }
    QString logFile() const { return m_folder + QStringLiteral("/log"); }

    // A new, empty database; its URL for slate-server --db.
    QString createDatabase(const QString &name)
    {
        const QString connection = QStringLiteral("pg-admin-") + name;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(QStringLiteral("postgres"));
            db.setDatabaseName(QStringLiteral("postgres"));
            if (!db.open())
                qWarning("cannot connect to the test cluster: %s", qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("CREATE DATABASE ") + name))
                qWarning("CREATE DATABASE failed: %s", qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(connection);
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name);
    }

private:
    bool run(const QStringList &command, bool asPostgres = true)
    {
        QStringList arguments = command;
        QString program = arguments.takeFirst();
        if (asPostgres) {
            arguments = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + arguments;
            program = QStringLiteral("runuser");
        }
        QProcess process;
        process.setWorkingDirectory(m_folder);
        process.start(program, arguments);
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            m_failure = QString::fromLocal8Bit(process.readAllStandardError() + process.readAllStandardOutput()).left(2000);
            return false;
        }
        return true;
    }

    QString m_folder;
    QString m_reason;
    QString m_failure;
    quint16 m_port = 0;
    bool m_started = false;
};

// PostgreSQL tests skip with the reason on a developer machine that cannot run a cluster; in CI
// (CI=true) they must run.
#define SLATE_REQUIRE_POSTGRES(cluster)                                                                      \
    do {                                                                                                     \
        if (!(cluster).available()) {                                                                        \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                         \
                QFAIL(qPrintable(QStringLiteral("PostgreSQL is required in CI: ") + (cluster).reason()));    \
            QSKIP(qPrintable((cluster).reason()));                                                           \
        }                                                                                                    \
    } while (false)

} // namespace Slate::Test
