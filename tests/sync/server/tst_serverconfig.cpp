// slate-server's configuration file: what it sets, that a flag wins over it, and that every
// mistake in it is refused with the file and the line named. The last cases run the real
// slate-server with --config, as the package's service does.

#include "server/serverconfig.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Slate;
using Sync::ConfigValue;
using Sync::ConfigValues;

class tst_ServerConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run runServer(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(SLATE_SERVER_PATH), arguments);
        Run run;
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fileSetsEverySetting()
    {
        const auto values = Sync::parseServerConfig("# Slate server\n"
                                                    "\n"
                                                    "db = /var/lib/slate/server.db\n"
                                                    "  listen=127.0.0.1:8470  \n"
                                                    "; HTTPS\n"
                                                    "tls-cert = /etc/slate/cert.pem\n"
                                                    "tls-key = /etc/slate/key#1.pem\n",
                                                    QStringLiteral("server.conf"));
        QVERIFY2(values, qPrintable(values ? QString() : values.message()));
        QCOMPARE(values->value("db").value, "/var/lib/slate/server.db");
        QCOMPARE(values->value("db").line, 3);
        QCOMPARE(values->value("listen").value, "127.0.0.1:8470");
        QCOMPARE(values->value("tls-key").value, "/etc/slate/key#1.pem"); // # starts a comment only at the line's start
        auto options = Sync::serveOptions(*values);
        QVERIFY2(options, qPrintable(options ? QString() : options.message()));
        QCOMPARE(options->database, "/var/lib/slate/server.db");
        QCOMPARE(options->listen.address, QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(options->listen.port, quint16(8470));
        QVERIFY(options->tls());
        QCOMPARE(options->tlsCertificateFile, "/etc/slate/cert.pem");
    }

    void connectionBoundsHaveDefaultsAndTakeTheFile()
    {
        const auto plain = Sync::parseServerConfig("db = a.db\nlisten = 127.0.0.1:8470\n", QStringLiteral("server.conf"));
        QVERIFY(plain);
        const Sync::ConnectionLimits defaults;
        auto options = Sync::serveOptions(*plain);
        QVERIFY(options);
        QCOMPARE(options->limits.connectionsMax, defaults.connectionsMax);
        QCOMPARE(options->limits.headerTimeoutMs, 10000);
        QCOMPARE(options->limits.bufferedBytesMax, qint64(64) * 1024 * 1024);
        const auto set = Sync::parseServerConfig("db = a.db\nlisten = 127.0.0.1:8470\nconnections-max = 100\n"
                                                 "connections-per-address-max = 10\nheader-timeout-seconds = 5\n"
                                                 "body-timeout-seconds = 120\nidle-timeout-seconds = 15\nbuffered-mib-max = 256\n",
                                                 QStringLiteral("server.conf"));
        QVERIFY2(set, qPrintable(set ? QString() : set.message()));
        options = Sync::serveOptions(*set);
        QVERIFY2(options, qPrintable(options ? QString() : options.message()));
        QCOMPARE(options->limits.connectionsMax, 100);
        QCOMPARE(options->limits.connectionsPerAddressMax, 10);
        QCOMPARE(options->limits.headerTimeoutMs, 5000);
        QCOMPARE(options->limits.bodyTimeoutMs, 120000);
        QCOMPARE(options->limits.idleTimeoutMs, 15000);
        QCOMPARE(options->limits.bufferedBytesMax, qint64(256) * 1024 * 1024);
    }

    void flagWinsOverFile()
    {
        const auto file = Sync::parseServerConfig("db = from-file.db\nlisten = 127.0.0.1:8470\n", QStringLiteral("server.conf"));
        QVERIFY(file);
        const ConfigValues flags{{QStringLiteral("listen"), ConfigValue{QStringLiteral("[::1]:9000"), QString(), 0}}};
        auto options = Sync::serveOptions(Sync::withFlagsOver(*file, flags));
        QVERIFY2(options, qPrintable(options ? QString() : options.message()));
        QCOMPARE(options->database, "from-file.db");
        QCOMPARE(options->listen.address, QHostAddress(QStringLiteral("::1")));
        QCOMPARE(options->listen.port, quint16(9000));
        QVERIFY(!options->tls());
    }

    void mistakesNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("an unknown key is refused")
            << QByteArray("db = x.db\nlisten = 127.0.0.1:1\nport = 8470\n") << "bad.conf:3: unknown key \"port\"; the keys are db, listen, tls-cert, tls-key";
        QTest::newRow("a misspelt key is refused, not ignored") << QByteArray("tls-certificate = c.pem\n") << "bad.conf:1: unknown key \"tls-certificate\"";
        QTest::newRow("a listen address without a port is refused")
            << QByteArray("# comment\nlisten = 127.0.0.1\n") << "bad.conf:2: listen needs HOST:PORT with a numeric address";
        QTest::newRow("a host name is refused: the address is numeric")
            << QByteArray("listen = localhost:8470\n") << "bad.conf:1: listen needs HOST:PORT";
        QTest::newRow("a port above 65535 is refused") << QByteArray("listen = 0.0.0.0:70000\n") << "bad.conf:1: listen needs HOST:PORT";
        QTest::newRow("a key without a value is refused") << QByteArray("db =\n") << "bad.conf:1: db needs a value";
        QTest::newRow("a line without = is refused") << QByteArray("db /var/lib/slate/server.db\n")
                                                     << "bad.conf:1: expected key = value, found \"db /var/lib/slate/server.db\"";
        QTest::newRow("a key set twice is refused") << QByteArray("db = a.db\n\ndb = b.db\n") << "bad.conf:3: db is set again (first on line 1)";
        QTest::newRow("no connections at all are refused")
            << QByteArray("connections-max = 0\n") << "bad.conf:1: connections-max must be a whole number from 1 to 100000, not \"0\"";
        QTest::newRow("a timeout that is not a number is refused")
            << QByteArray("header-timeout-seconds = 10s\n") << "bad.conf:1: header-timeout-seconds must be a whole number from 1 to 3600";
        QTest::newRow("a buffer smaller than one request is refused")
            << QByteArray("buffered-mib-max = 4\n") << "bad.conf:1: buffered-mib-max must be a whole number from 5 to 65536";
        QTest::newRow("a section header is refused") << QByteArray("[server]\ndb = a.db\n") << "bad.conf:1: sections such as \"[server]\" are not used";
        QTest::newRow("too many lines are refused") << QByteArray(Sync::kConfigFileLinesMax + 1, '\n') << "the configuration file bad.conf has 1001 lines; it may have at most 1000";
    }
    void mistakesNameFileAndLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const auto values = Sync::parseServerConfig(text, QStringLiteral("bad.conf"));
        QVERIFY(!values);
        QCOMPARE(values.code(), Core::ErrorCode::InvalidArgument);
        QVERIFY2(values.message().startsWith(message), qPrintable(values.message()));
    }

    void serveNeedsWhatItNeeds_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no database") << QByteArray("listen = 127.0.0.1:8470\n") << "--db is required (or db = … in the file given with --config)";
        QTest::newRow("no listen address") << QByteArray("db = a.db\n") << "--listen is required";
        QTest::newRow("a certificate without its key")
            << QByteArray("db = a.db\nlisten = 127.0.0.1:8470\ntls-cert = c.pem\n")
            << "HTTPS needs both --tls-cert and --tls-key; only s.conf:3: tls-cert is given";
        QTest::newRow("more connections per address than in all")
            << QByteArray("db = a.db\nlisten = 127.0.0.1:8470\nconnections-max = 10\nconnections-per-address-max = 20\n")
            << "s.conf:4: connections-per-address-max (20) is more than connections-max (10)";
    }
    void serveNeedsWhatItNeeds()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const auto values = Sync::parseServerConfig(text, QStringLiteral("s.conf"));
        QVERIFY(values);
        const auto options = Sync::serveOptions(*values);
        QVERIFY(!options);
        QVERIFY2(options.message().startsWith(message), qPrintable(options.message()));
    }

    void missingFileIsNamed()
    {
        const auto values = Sync::readServerConfig(m_dir.filePath(QStringLiteral("absent.conf")));
        QVERIFY(!values);
        QCOMPARE(values.code(), Core::ErrorCode::NotFound);
        QVERIFY2(values.message().contains(m_dir.filePath(QStringLiteral("absent.conf"))), qPrintable(values.message()));
    }

    // The real program: the file names the database an admin command opens, --db wins over it.
    void programTakesDatabaseFromFileAndFlag()
    {
        const QString fromFile = m_dir.filePath(QStringLiteral("from-file.db"));
        const QString fromFlag = m_dir.filePath(QStringLiteral("from-flag.db"));
        const QString conf = writeFile(QStringLiteral("server.conf"), "db = " + fromFile.toUtf8() + "\nlisten = 127.0.0.1:1\n");
        Run run = runServer({QStringLiteral("enroll"), QStringLiteral("--config"), conf, QStringLiteral("--store"), QStringLiteral("S1"),
                             QStringLiteral("--terminal"), QStringLiteral("T1")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(fromFile));
        run = runServer({QStringLiteral("enroll"), QStringLiteral("--config"), conf, QStringLiteral("--db"), fromFlag,
                         QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--terminal"), QStringLiteral("T2")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(fromFlag));
    }

    // serve listens where the flag says, on the file's database.
    void programServesWithFileAndFlag()
    {
        const QString database = m_dir.filePath(QStringLiteral("serve.db"));
        const QString conf = writeFile(QStringLiteral("serve.conf"), "db = " + database.toUtf8() + "\nlisten = 127.0.0.1:1\n");
        QProcess server;
        server.start(QStringLiteral(SLATE_SERVER_PATH), {QStringLiteral("--config"), conf, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(server.waitForStarted(10000));
        for (int i = 0; i < 200 && !server.canReadLine(); ++i)
            server.waitForReadyRead(100);
        const QByteArray line = server.readLine();
        server.kill();
        server.waitForFinished(10000);
        QVERIFY2(line.startsWith("slate-server listening on 127.0.0.1:"), line.constData());
        QVERIFY2(!line.startsWith("slate-server listening on 127.0.0.1:1 "), line.constData()); // the flag's port 0: a free one
        QVERIFY2(line.contains(QByteArray("sqlite " + database.toUtf8())), line.constData());
    }

    void programRefusesBadFile_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("serve") << QStringList{QStringLiteral("serve")};
        QTest::newRow("an admin command") << QStringList{QStringLiteral("balances")};
    }
    void programRefusesBadFile()
    {
        QFETCH(QStringList, command);
        const QString database = m_dir.filePath(QStringLiteral("never.db"));
        const QString conf = writeFile(QStringLiteral("bad.conf"), "db = " + database.toUtf8() + "\nlisten = 127.0.0.1:8470\nsmtp-hots = mail\n");
        const Run run = runServer(command + QStringList{QStringLiteral("--config"), conf});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QByteArray(conf.toUtf8() + ":3: unknown key \"smtp-hots\"")), run.err.constData());
        QVERIFY(!QFile::exists(database)); // refused before anything is opened
    }

    void programPrintsProjectVersion()
    {
        const Run run = runServer({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QByteArray("slate-server " SLATE_VERSION));
    }
};

QTEST_GUILESS_MAIN(tst_ServerConfig)
#include "tst_serverconfig.moc"
