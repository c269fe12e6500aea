// slatectl end to end: the real executable on real database files, as a script would use it.

#include "storage/database.h"
#include "ledgercheck.h"
#include "pdftext.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Slate::Core;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    QJsonObject errorJson() const { return QJsonDocument::fromJson(err.toUtf8()).object().value(QStringLiteral("error")).toObject(); }
};

template <typename T>
T must(Result<T> result)
{
    if (!result)
        qFatal("%s", qPrintable(result.message()));
    return std::move(result).value();
}

} // namespace

class tst_Slatectl : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    Run slatectl(const QStringList &args, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        QProcessEnvironment env = environment;
        env.remove(QStringLiteral("SLATE_DB"));
        if (environment.contains(QStringLiteral("SLATE_DB")))
            env.insert(QStringLiteral("SLATE_DB"), environment.value(QStringLiteral("SLATE_DB")));
        env.insert(QStringLiteral("SLATE_USER"), QStringLiteral("tester"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLATECTL_PATH), args);
        if (!process.waitForFinished(60000))
            qFatal("slatectl did not finish: %s", qPrintable(args.join(QLatin1Char(' '))));
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    Run ctl(QStringList args) { return slatectl(QStringList{QStringLiteral("--db"), m_db} + args); }

    Run ctlWithInput(const QStringList &args, const QByteArray &input)
    {
        QProcess process;
        process.start(QStringLiteral(SLATECTL_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            qFatal("slatectl did not finish");
        return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    // Every account's balance as slatectl reports it: account -> "12.50 NOK".
    QMap<QString, QString> slateBalances()
    {
        const Run run = ctl({QStringLiteral("--json"), QStringLiteral("accounts")});
        QMap<QString, QString> balances;
        for (const QJsonValue &row : run.json().array()) {
            const QJsonObject object = row.toObject();
            balances.insert(object.value(QStringLiteral("account")).toString(),
                            object.value(QStringLiteral("balance")).toString() + QLatin1Char(' ')
                                + object.value(QStringLiteral("currency")).toString());
        }
        return balances;
    }

    qint64 verifiedEntries()
    {
        const Run run = ctl({QStringLiteral("--json"), QStringLiteral("verify")});
        if (run.exitCode != 0)
            qWarning("verify failed: %s", qPrintable(run.err));
        return run.exitCode == 0 ? run.json().object().value(QStringLiteral("entries")).toInteger() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(SLATECTL_PATH)), SLATECTL_PATH);
    }

    void init()
    {
        static int counter = 0;
        m_db = m_dir.filePath(QStringLiteral("test%1.db").arg(++counter));
    }

    void initCreatesAndRefusesToOverwrite()
    {
        Run run = ctl({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("OSLO"),
                       QStringLiteral("--currency"), QStringLiteral("NOK"), QStringLiteral("--terminal"), QStringLiteral("T7")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("terminal")).toString(), QStringLiteral("T7"));
        QCOMPARE(run.json().object().value(QStringLiteral("currency")).toString(), QStringLiteral("NOK"));
        const QByteArray before = [&] { QFile f(m_db); f.open(QIODevice::ReadOnly); return f.readAll(); }();

        run = ctl({QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("X"), QStringLiteral("--currency"), QStringLiteral("EUR")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("already exists")), qPrintable(run.err));
        QVERIFY2(run.err.contains(m_db), qPrintable(run.err));
        QFile after(m_db);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    void initRejectsBadInputAndLeavesNoFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("an unknown currency is refused") << QStringList{QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("XYZ")} << 2 << QStringLiteral("XYZ");
        QTest::newRow("a lower-case currency is refused") << QStringList{QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("nok")} << 2 << QStringLiteral("nok");
        QTest::newRow("a store code with a space is refused") << QStringList{QStringLiteral("--store"), QStringLiteral("my shop"), QStringLiteral("--currency"), QStringLiteral("NOK")} << 2 << QStringLiteral("my shop");
        QTest::newRow("a terminal id with a colon is refused") << QStringList{QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("NOK"), QStringLiteral("--terminal"), QStringLiteral("a:b")} << 2 << QStringLiteral("a:b");
        QTest::newRow("a missing store is refused") << QStringList{QStringLiteral("--currency"), QStringLiteral("NOK")} << 2 << QStringLiteral("--store");
    }

    void initRejectsBadInputAndLeavesNoFile()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, messagePart);
        const Run run = ctl(QStringList{QStringLiteral("init")} + args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
        QVERIFY2(!QFile::exists(m_db), "a refused init must leave no database behind");
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("an unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("Unknown command");
        QTest::newRow("an unknown option") << QStringList{QStringLiteral("balance"), QStringLiteral("1001"), QStringLiteral("--colour")} << 2 << QStringLiteral("--colour");
        QTest::newRow("a missing card") << QStringList{QStringLiteral("balance")} << 2 << QStringLiteral("balance CARD");
        QTest::newRow("too many arguments") << QStringList{QStringLiteral("balance"), QStringLiteral("1"), QStringLiteral("2")} << 2 << QStringLiteral("Wrong number");
        QTest::newRow("an option without its value") << QStringList{QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("1001"), QStringLiteral("5"), QStringLiteral("--journal")} << 2 << QStringLiteral("needs a value");
        QTest::newRow("a credit top-up without a journal") << QStringList{QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("1001"), QStringLiteral("5")} << 2 << QStringLiteral("--journal");
        QTest::newRow("a credit top-up with an unknown journal") << QStringList{QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("1001"), QStringLiteral("5"), QStringLiteral("--journal"), QStringLiteral("cheque")} << 2 << QStringLiteral("cheque");
        QTest::newRow("an export without a format") << QStringList{QStringLiteral("export")} << 2 << QStringLiteral("--format");
        QTest::newRow("no command at all") << QStringList{} << 2 << QStringLiteral("usage:");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, messagePart);
        QCOMPARE(ctl({QStringLiteral("demo")}).exitCode, 0);
        const qint64 entriesBefore = verifiedEntries();
        const Run run = ctl(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(verifiedEntries(), entriesBefore);
    }

    // 2 is bad usage (README); a sync round that fails is not that, whatever stopped it.
    void syncFailureIsNotBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a till not enrolled") << QStringList{QStringLiteral("sync"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")}
                                             << 1 << QStringLiteral("not enrolled");
        QTest::newRow("a server that cannot be reached")
            << QStringList{QStringLiteral("sync"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--enroll"),
                           QStringLiteral("AAAAA-BBBBB-CCCCC-DDDDD")}
            << 1 << QStringLiteral("cannot be reached");
        QTest::newRow("a server that is not a URL") << QStringList{QStringLiteral("sync"), QStringLiteral("--server"), QStringLiteral("nowhere")}
                                                    << 2 << QStringLiteral("--server");
    }

    void syncFailureIsNotBadUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, messagePart);
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("NOK")}).exitCode, 0);
        const Run run = ctl(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    }

    void helpListsEveryCommand()
    {
        const Run run = slatectl({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *command : {"init", "customer add", "customer list", "customer show", "customer set", "customer import",
                                    "credit add", "credit adjust", "balance", "history", "export", "verify", "user add",
                                    "tax set", "product add", "product import", "settings show", "settings set"})
            QVERIFY2(run.out.contains(QLatin1String(command)), command);
    }

    void versionIsTheProjects()
    {
        const Run run = slatectl({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("slatectl " SLATE_VERSION));
    }

    void missingDatabaseIsNamed()
    {
        const Run run = ctl({QStringLiteral("balance"), QStringLiteral("1001")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(m_db) && run.err.contains(QStringLiteral("slatectl init")), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_db));
    }

    void slateDbEnvironmentIsTheDefault()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLATE_DB"), m_db);
        QCOMPARE(slatectl({QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("EUR")}, env).exitCode, 0);
        QVERIFY(QFile::exists(m_db));
        const Run run = slatectl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--card"), QStringLiteral("77"), QStringLiteral("--name"), QStringLiteral("Env Person")}, env);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("show"), QStringLiteral("77")}).json().object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Env Person"));
    }

    void customersAddListShow()
    {
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("NOK")}).exitCode, 0);
        Run run = ctl({QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--card"), QStringLiteral("5001"),
                       QStringLiteral("--name"), QStringLiteral("Åse Ødegård"), QStringLiteral("--phone"), QStringLiteral("+47 911 22 333"),
                       QStringLiteral("--email"), QStringLiteral("ase@example.no")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("name")).toString(), QStringLiteral("Åse Ødegård"));
        QCOMPARE(run.json().object().value(QStringLiteral("id")).toString().size(), 36);

        run = ctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--card"), QStringLiteral("5001"), QStringLiteral("--name"), QStringLiteral("Someone Else")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Åse Ødegård")), qPrintable(run.err));

        run = ctl({QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--card"), QStringLiteral("5002"),
                   QStringLiteral("--name"), QStringLiteral("Bad Mail"), QStringLiteral("--email"), QStringLiteral("not-an-address")});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorJson().value(QStringLiteral("code")).toString(), QStringLiteral("invalid-argument"));
        QVERIFY(run.errorJson().value(QStringLiteral("message")).toString().contains(QStringLiteral("not-an-address")));

        run = ctl({QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("ødeg")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().array().size(), 1);
        QCOMPARE(run.json().array().at(0).toObject().value(QStringLiteral("card")).toString(), QStringLiteral("5001"));
        run = ctl({QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("nobody-like-this")});
        QCOMPARE(run.json().array().size(), 0);

        run = ctl({QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("show"), QStringLiteral("5001")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("wallet")).toString(), QStringLiteral("0.00"));
        run = ctl({QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("show"), QStringLiteral("9999")});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.errorJson().value(QStringLiteral("code")).toString(), QStringLiteral("not-found"));
        QVERIFY(run.errorJson().value(QStringLiteral("message")).toString().contains(QStringLiteral("9999")));
    }

    void customerListSaysWhenMoreMayMatch_data()
    {
        QTest::addColumn<bool>("json");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("noted");
        QTest::newRow("a full page of text is followed by a note on stderr") << false << 2 << true;
        QTest::newRow("a full page of JSON keeps the array and adds a notice on stderr") << true << 2 << true;
        QTest::newRow("a page of text that lists every match has no note") << false << 3 << false;
        QTest::newRow("a page of JSON that lists every match has no notice") << true << 3 << false;
    }

    void customerListSaysWhenMoreMayMatch()
    {
        QFETCH(bool, json);
        QFETCH(int, limit);
        QFETCH(bool, noted);
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("NOK")}).exitCode, 0);
        for (const char *card : {"601", "602", "603"}) {
            QCOMPARE(ctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--card"), QString::fromLatin1(card),
                          QStringLiteral("--name"), QStringLiteral("Hansen %1").arg(QString::fromLatin1(card))})
                         .exitCode,
                     0);
        }
        QStringList args{QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("hansen"),
                         QStringLiteral("--limit"), QString::number(limit)};
        if (json)
            args.prepend(QStringLiteral("--json"));
        const Run run = ctl(args);
        QCOMPARE(run.exitCode, 0);
        if (json) {
            QCOMPARE(run.json().array().size(), limit);
            const QJsonObject notice = QJsonDocument::fromJson(run.err.toUtf8()).object().value(QStringLiteral("notice")).toObject();
            QCOMPARE(notice.value(QStringLiteral("code")).toString(), noted ? QStringLiteral("more-results") : QString());
        } else {
            QCOMPARE(run.out.count(QStringLiteral("Hansen ")), limit);
        }
        QCOMPARE(run.err.contains(QStringLiteral("More customers may match than the %1 listed").arg(limit)), noted);
        if (!noted)
            QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    void creditTopUpAdjustBalanceHistory()
    {
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("S1"), QStringLiteral("--currency"), QStringLiteral("NOK")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--card"), QStringLiteral("42"), QStringLiteral("--name"), QStringLiteral("Kari")}).exitCode, 0);

        Run run = ctl({QStringLiteral("--json"), QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("42"), QStringLiteral("100.50"),
                       QStringLiteral("--journal"), QStringLiteral("card"), QStringLiteral("--note"), QStringLiteral("gift")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject entry = run.json().object();
        QCOMPARE(entry.value(QStringLiteral("wallet")).toString(), QStringLiteral("100.50"));
        QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("top-up"));
        QCOMPARE(entry.value(QStringLiteral("sequence")).toInt(), 1);
        QCOMPARE(entry.value(QStringLiteral("user")).toString(), QStringLiteral("tester"));
        const QJsonArray postings = entry.value(QStringLiteral("postings")).toArray();
        QCOMPARE(postings.size(), 2);
        QCOMPARE(postings.at(0).toObject().value(QStringLiteral("account")).toString(), QStringLiteral("assets:card:S1"));
        QCOMPARE(postings.at(0).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("100.50"));
        QCOMPARE(postings.at(1).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("-100.50"));

        // A negative amount is an argument, not an option; options may follow the arguments.
        run = ctl({QStringLiteral("credit"), QStringLiteral("adjust"), QStringLiteral("42"), QStringLiteral("-0.50"), QStringLiteral("--reason"), QStringLiteral("rounding"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("wallet")).toString(), QStringLiteral("100.00"));

        // Refusals change nothing.
        const QMap<QString, QString> before = slateBalances();
        const struct {
            QStringList args;
            int exitCode;
            const char *messagePart;
        } refusals[] = {
            {{QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("42"), QStringLiteral("12,5"), QStringLiteral("--journal"), QStringLiteral("cash")}, 2, "12,5"},
            {{QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("42"), QStringLiteral("1.234"), QStringLiteral("--journal"), QStringLiteral("cash")}, 2, "decimals"},
            {{QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("42"), QStringLiteral("0"), QStringLiteral("--journal"), QStringLiteral("cash")}, 2, "more than zero"},
            {{QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("43"), QStringLiteral("10"), QStringLiteral("--journal"), QStringLiteral("cash")}, 3, "43"},
            {{QStringLiteral("credit"), QStringLiteral("adjust"), QStringLiteral("42"), QStringLiteral("5")}, 2, "reason"},
            {{QStringLiteral("credit"), QStringLiteral("adjust"), QStringLiteral("42"), QStringLiteral("-100.01"), QStringLiteral("--reason"), QStringLiteral("x")}, 1, "100.00"},
        };
        for (const auto &refusal : refusals) {
            run = ctl(refusal.args);
            QCOMPARE(run.exitCode, refusal.exitCode);
            QVERIFY2(run.err.contains(QLatin1String(refusal.messagePart)), qPrintable(run.err));
        }
        QCOMPARE(slateBalances(), before);
        QCOMPARE(verifiedEntries(), 2);

        run = ctl({QStringLiteral("balance"), QStringLiteral("42"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("wallet")).toString(), QStringLiteral("100.00"));
        QCOMPARE(run.json().object().value(QStringLiteral("currency")).toString(), QStringLiteral("NOK"));
        run = ctl({QStringLiteral("balance"), QStringLiteral("42")});
        QVERIFY2(run.out.contains(QStringLiteral("100.00 NOK")), qPrintable(run.out));

        run = ctl({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("42")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = run.json().array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("100.50"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("balance")).toString(), QStringLiteral("100.50"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("gift"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("-0.50"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("balance")).toString(), QStringLiteral("100.00"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("adjustment"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("note")).toString(), QStringLiteral("rounding"));
    }

    void ledgerExportAgreesWithHledger()
    {
        const QString hledger = QStandardPaths::findExecutable(QStringLiteral("hledger"));
        if (hledger.isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("hledger is not installed; CI must install it (apt-get install hledger)");
            QSKIP("hledger is not installed here; CI installs it");
        }
        QCOMPARE(ctl({QStringLiteral("demo")}).exitCode, 0);
        // Awkward notes must not break the journal format.
        QCOMPARE(ctl({QStringLiteral("credit"), QStringLiteral("add"), QStringLiteral("1002"), QStringLiteral("0.05"), QStringLiteral("--journal"), QStringLiteral("cash"),
                      QStringLiteral("--note"), QStringLiteral("semi; colon, comma\nand  two  spaces")}).exitCode, 0);
        const QString journal = m_dir.filePath(QStringLiteral("export.journal"));
        QFile::remove(journal);
        Run run = ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ledger"), QStringLiteral("--out"), journal});
        QCOMPARE(run.exitCode, 0);

        QProcess check;
        check.start(hledger, {QStringLiteral("-f"), journal, QStringLiteral("check"), QStringLiteral("--strict")});
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());

        QProcess balance;
        balance.start(hledger, {QStringLiteral("-f"), journal, QStringLiteral("balance"), QStringLiteral("--flat"), QStringLiteral("--no-total"),
                                QStringLiteral("--empty"), QStringLiteral("-O"), QStringLiteral("csv")});
        QVERIFY(balance.waitForFinished(60000));
        QCOMPARE(balance.exitCode(), 0);
        QMap<QString, QString> fromHledger;
        const QStringList lines = QString::fromUtf8(balance.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines.mid(1)) { // skip the header row
            QStringList fields = line.split(QStringLiteral("\",\""));
            QCOMPARE(fields.size(), 2);
            fromHledger.insert(fields.at(0).mid(1), fields.at(1).chopped(1));
        }
        const QMap<QString, QString> fromSlate = slateBalances();
        QVERIFY(fromSlate.size() >= 10);
        QCOMPARE(fromHledger, fromSlate);
    }

    void csvExportHasOneRowPerPosting()
    {
        QCOMPARE(ctl({QStringLiteral("demo")}).exitCode, 0);
        const Run run = ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(run.exitCode, 0);
        const QStringList rows = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(rows.first().startsWith(QStringLiteral("entry_id,terminal_id,sequence,created_utc,kind")));
        const Run verify = ctl({QStringLiteral("--json"), QStringLiteral("verify")});
        QCOMPARE(rows.size() - 1, verify.json().object().value(QStringLiteral("postings")).toInt());
        // The postings of every entry sum to zero in the CSV as well.
        QMap<QString, qint64> sums;
        for (const QString &row : rows.mid(1)) {
            const QStringList fields = row.split(QLatin1Char(','));
            QString amount = fields.last();
            sums[fields.first()] += amount.remove(QLatin1Char('.')).toLongLong();
        }
        for (auto it = sums.cbegin(); it != sums.cend(); ++it)
            QVERIFY2(it.value() == 0, qPrintable(it.key()));
    }

    void usersAddListResetUnlock()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        Run run = ctlWithInput({"--json", "user", "add", "--name", "mona", "--role", "manager", "--pin", "-", "--override-max", "500.00"}, "2468\n");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("role").toString(), QStringLiteral("manager"));
        QCOMPARE(run.json().object().value("override_max").toString(), QStringLiteral("500.00"));
        QVERIFY2(!run.out.contains("2468"), "the PIN must never be printed");
        QCOMPARE(ctl({"user", "add", "--name", "kari", "--role", "cashier", "--pin", "1357"}).exitCode, 0);

        const struct {
            QStringList args;
            int exitCode;
            const char *messagePart;
        } refusals[] = {
            {{"user", "add", "--name", "x", "--role", "boss", "--pin", "1234"}, 2, "boss"},
            {{"user", "add", "--name", "x", "--role", "cashier", "--pin", "12"}, 2, "4 to 12 digits"},
            {{"user", "add", "--name", "x", "--role", "cashier"}, 2, "--pin"},
            {{"user", "add", "--name", "mona", "--role", "cashier", "--pin", "1234"}, 1, "already a user"},
            {{"user", "unlock", "ghost"}, 3, "ghost"},
        };
        for (const auto &refusal : refusals) {
            run = ctl(refusal.args);
            QCOMPARE(run.exitCode, refusal.exitCode);
            QVERIFY2(run.err.contains(QLatin1String(refusal.messagePart)), qPrintable(run.err));
        }
        run = ctl({"--json", "user", "list"});
        QCOMPARE(run.json().array().size(), 2);
        QCOMPARE(run.json().array().at(0).toObject().value("name").toString(), QStringLiteral("kari"));
        QCOMPARE(ctlWithInput({"user", "reset-pin", "kari", "--pin", "-"}, "97531\n").exitCode, 0);
        QCOMPARE(ctl({"user", "unlock", "kari"}).exitCode, 0);
    }

    void customerSetChangesCreditTerms()
    {
        QCOMPARE(ctl({"demo"}).exitCode, 0);
        Run run = ctl({"--json", "customer", "set", "1002", "--credit-limit", "5000", "--overdraft", "250.50", "--terms", "14"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("credit_limit").toString(), QStringLiteral("5000.00"));
        QCOMPARE(run.json().object().value("overdraft_limit").toString(), QStringLiteral("250.50"));
        QCOMPARE(run.json().object().value("terms_days").toInt(), 14);
        run = ctl({"--json", "customer", "set", "1002", "--overdraft", "none", "--blocked", "yes"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.json().object().value("overdraft_limit").isNull());
        QCOMPARE(run.json().object().value("blocked").toBool(), true);
        QCOMPARE(run.json().object().value("credit_limit").toString(), QStringLiteral("5000.00"));

        const struct {
            QStringList args;
            int exitCode;
            const char *messagePart;
        } refusals[] = {
            {{"customer", "set", "1002", "--blocked", "maybe"}, 2, "maybe"},
            {{"customer", "set", "1002", "--terms", "400"}, 2, "400"},
            {{"customer", "set", "1002", "--terms", "ten"}, 2, "ten"},
            {{"customer", "set", "1002", "--credit-limit", "-5"}, 2, "negative"},
            {{"customer", "set", "1002", "--overdraft", "lots"}, 2, "lots"},
            {{"customer", "set", "9999", "--terms", "10"}, 3, "9999"},
        };
        for (const auto &refusal : refusals) {
            run = ctl(refusal.args);
            QCOMPARE(run.exitCode, refusal.exitCode);
            QVERIFY2(run.err.contains(QLatin1String(refusal.messagePart)), qPrintable(run.err));
        }
        run = ctl({"--json", "customer", "show", "1002"});
        QCOMPARE(run.json().object().value("terms_days").toInt(), 14);
        QCOMPARE(run.json().object().value("blocked").toBool(), true);
    }

    void settingsShowAndSet()
    {
        QCOMPARE(ctl({"demo"}).exitCode, 0);
        Run run = ctl({"--json", "settings", "show"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("prices").toString(), QStringLiteral("inclusive"));
        QCOMPARE(run.json().object().value("cash_rounding").toString(), QStringLiteral("0.01"));
        run = ctl({"--json", "settings", "set", "--prices", "exclusive", "--cash-rounding", "1.00", "--limit-scope", "per-store",
                   "--pin-failures", "3", "--pin-lockout-minutes", "10", "--offline-after-minutes", "120", "--offline-cap", "300"});
        QCOMPARE(run.exitCode, 0);
        run = ctl({"--json", "settings", "show"});
        QCOMPARE(run.json().object().value("prices").toString(), QStringLiteral("exclusive"));
        QCOMPARE(run.json().object().value("cash_rounding").toString(), QStringLiteral("1.00"));
        QCOMPARE(run.json().object().value("limit_scope").toString(), QStringLiteral("per-store"));
        QCOMPARE(run.json().object().value("pin_failures").toInt(), 3);
        QCOMPARE(run.json().object().value("pin_lockout_seconds").toInt(), 600);
        QCOMPARE(run.json().object().value("offline_after_minutes").toInt(), 120);
        QCOMPARE(run.json().object().value("offline_cap").toString(), QStringLiteral("300.00"));

        const struct {
            QStringList args;
            const char *messagePart;
        } refusals[] = {
            {{"settings", "set", "--prices", "sometimes"}, "sometimes"},
            {{"settings", "set", "--cash-rounding", "0"}, "rounding"},
            {{"settings", "set", "--cash-rounding", "0.001"}, "decimals"},
            {{"settings", "set", "--limit-scope", "galactic"}, "galactic"},
            {{"settings", "set", "--pin-failures", "2"}, "Wrong PINs"},
            {{"settings", "set", "--pin-lockout-minutes", "ten"}, "ten"},
        };
        for (const auto &refusal : refusals) {
            run = ctl(refusal.args);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QLatin1String(refusal.messagePart)), qPrintable(run.err));
        }
        run = ctl({"--json", "settings", "show"});
        QCOMPARE(run.json().object().value("cash_rounding").toString(), QStringLiteral("1.00"));
        QCOMPARE(run.json().object().value("pin_failures").toInt(), 3);
    }

    void verifyReportsTamperingAndExitsNonZero()
    {
        QCOMPARE(ctl({QStringLiteral("demo")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("verify")}).exitCode, 0);
        {
            auto database = Database::open(m_db);
            QVERIFY2(database.ok(), database.ok() ? "" : qPrintable(database.message()));
            // Bypass the append-only guard the way a tamperer with file access could.
            QVERIFY((*database)->run(QStringLiteral("DROP TRIGGER postings_no_update"), {}, QStringLiteral("test")).ok());
            QVERIFY((*database)->run(QStringLiteral("UPDATE postings SET amount = amount + 100 WHERE entry_position = 3 AND line = 1"), {}, QStringLiteral("test")).ok());
            QVERIFY((*database)->run(QStringLiteral("UPDATE postings SET amount = amount - 100 WHERE entry_position = 3 AND line = 2"), {}, QStringLiteral("test")).ok());
        }
        const Run run = ctl({QStringLiteral("verify")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("sequence 3")) && run.err.contains(QStringLiteral("altered")), qPrintable(run.err));
    }

    void taxCodesSetAndList()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        Run run = ctl({"--json", "tax", "set", "STD", "--rate", "25", "--name", "Standard"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("rate_bp").toInt(), 2500);
        QCOMPARE(ctl({"tax", "set", "RED", "--rate", "12.5"}).exitCode, 0);
        run = ctl({"--json", "tax", "set", "BAD", "--rate", "12.555"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errorJson().value("message").toString().contains("12.555"), qPrintable(run.err));
        QCOMPARE(ctl({"tax", "set", "NORATE"}).exitCode, 2);
        run = ctl({"--json", "tax", "list"});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray codes = run.json().array();
        QCOMPARE(codes.size(), 2);
        QCOMPARE(codes.at(0).toObject().value("code").toString(), QString("RED"));
        QCOMPARE(codes.at(0).toObject().value("rate_bp").toInt(), 1250);
        QCOMPARE(codes.at(0).toObject().value("rate_percent").toString(), QString("12.5"));
    }

    void productAddListShow()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "FOOD", "--rate", "15"}).exitCode, 0);
        Run run = ctl({"--json", "product", "add", "--sku", "MILK-1L", "--name", "Whole milk 1 l", "--price", "24.90", "--tax", "FOOD",
                       "--barcode", "7038010069307"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("price").toString(), QString("24.90"));
        run = ctl({"--json", "product", "add", "--sku", "X1", "--name", "Thing", "--price", "12,50", "--tax", "FOOD"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errorJson().value("message").toString().contains("12,50"), qPrintable(run.err));
        run = ctl({"--json", "product", "add", "--sku", "X1", "--name", "Thing", "--price", "1.00", "--tax", "LUX"});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.errorJson().value("message").toString().contains("LUX"), qPrintable(run.err));
        run = ctl({"--json", "product", "add", "--sku", "MILK-2", "--name", "Other milk", "--price", "1.00", "--tax", "FOOD", "--barcode", "7038010069307"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errorJson().value("code").toString(), QString("already-exists"));

        run = ctl({"--json", "product", "list", "--search", "milk"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().array().size(), 1);
        run = ctl({"--json", "product", "show", "7038010069307"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("sku").toString(), QString("MILK-1L"));
        QCOMPARE(ctl({"product", "show", "NOPE"}).exitCode, 3);
    }

    void productImportAllOrNothingAndSkipBad()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "FOOD", "--rate", "15"}).exitCode, 0);
        const QString csv = m_dir.filePath("products.csv");
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("sku,name,price,tax_code,barcode\r\nA1,\"Apples, Gala\",29.90,FOOD,7038010000027\r\nB1,Bread,\"12,50\",FOOD,\r\n"
                       "C1,Cheese,89.00,FOOD,\r\n");
        }
        Run run = ctl({"--json", "product", "import", csv});
        QCOMPARE(run.exitCode, 2);
        const QJsonObject error = run.errorJson();
        QCOMPARE(error.value("bad_lines").toInt(), 1);
        QCOMPARE(error.value("lines").toArray().at(0).toObject().value("line").toInt(), 3);
        QCOMPARE(error.value("lines").toArray().at(0).toObject().value("column").toString(), QString("price"));
        QCOMPARE(ctl({"--json", "product", "list"}).json().array().size(), 0);

        run = ctl({"product", "import", csv});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("line 3, column price"), qPrintable(run.err));

        run = ctl({"--json", "product", "import", csv, "--skip-bad"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("imported").toInt(), 2);
        QCOMPARE(run.json().object().value("skipped_count").toInt(), 1);
        QCOMPARE(ctl({"--json", "product", "list"}).json().array().size(), 2);
        QCOMPARE(ctl({"--json", "product", "show", "7038010000027"}).json().object().value("name").toString(), QString("Apples, Gala"));

        QCOMPARE(ctl({"product", "import", m_dir.filePath("missing.csv")}).exitCode, 1);
    }

    void customerImportWithTerms()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        const QString csv = m_dir.filePath("customers.csv");
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\xEF\xBB\xBF" "card,name,email,credit_limit,terms_days\n2001,Kari Hansen,kari@example.no,5000,14\n2002,Ola,,,\n\n");
        }
        Run run = ctl({"--json", "customer", "import", csv});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("imported").toInt(), 2);
        run = ctl({"--json", "customer", "show", "2001"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("name").toString(), QString("Kari Hansen"));
        // Importing the same file again refuses every line: the cards exist.
        run = ctl({"--json", "customer", "import", csv});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorJson().value("bad_lines").toInt(), 2);
        QVERIFY(run.errorJson().value("lines").toArray().at(0).toObject().value("message").toString().contains("2001"));
    }

    // A retry of `sale --request-id` after a lost answer gives the first sale back and charges
    // nothing again, even for a sale a manager's override let over the limit; the same id for
    // another sale is refused; a malformed id is bad usage.
    void saleRequestIdMakesRetriesIdempotent()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "STD", "--rate", "25"}).exitCode, 0);
        QCOMPARE(ctl({"product", "add", "--sku", "MUG", "--name", "Mug", "--price", "80", "--tax", "STD"}).exitCode, 0);
        QCOMPARE(ctl({"customer", "add", "--card", "42", "--name", "Kari"}).exitCode, 0);
        QCOMPARE(ctl({"customer", "set", "42", "--credit-limit", "100"}).exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "anna", "--role", "cashier", "--pin", "-"}, "1234\n").exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "mona", "--role", "manager", "--pin", "-", "--override-max", "100"}, "9876\n").exitCode, 0);

        const QStringList sale{"--json", "sale", "--cashier", "anna", "--customer", "42", "--line", "MUG:2",
                               "--pay", "account=160", "--override", "account=mona:-:regular", "--request-id", "web-7:a"};
        Run first = ctlWithInput(sale, "9876\n");
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.json().object().value("replayed").toBool(), false);
        QCOMPARE(first.json().object().value("request_id").toString(), QStringLiteral("web-7:a"));
        QCOMPARE(first.json().object().value("after").toObject().value("accrued").toString(), QStringLiteral("160.00"));
        // The retry reads no PIN (there is no input to read): the override is not asked for again.
        Run again = ctl(sale);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QJsonObject replayed = again.json().object();
        QCOMPARE(replayed.value("replayed").toBool(), true);
        QCOMPARE(replayed.value("sale_id").toString(), first.json().object().value("sale_id").toString());
        QCOMPARE(replayed.value("entry_id").toString(), first.json().object().value("entry_id").toString());
        QCOMPARE(replayed.value("total").toString(), QStringLiteral("160.00"));
        QCOMPARE(replayed.value("overrides").toArray().size(), 1);
        QCOMPARE(replayed.value("overrides").toArray().at(0).toObject().value("amount_over").toString(), QStringLiteral("60.00"));
        QCOMPARE(replayed.value("after").toObject().value("accrued").toString(), QStringLiteral("160.00"));
        // A wrong PIN on a retry authorises nothing new and is not checked.
        QCOMPARE(ctlWithInput(sale, "0000\n").exitCode, 0);
        QCOMPARE(ctl({"--json", "overrides"}).json().array().size(), 1);

        QStringList other = sale;
        other.replace(other.indexOf("MUG:2"), "MUG:1");
        other.replace(other.indexOf("account=160"), "account=80");
        Run refused = ctl(other);
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.errorJson().value("code").toString(), QStringLiteral("already-exists"));
        QVERIFY2(refused.err.contains("web-7:a") && refused.err.contains("T1-000001"), qPrintable(refused.err));
        QCOMPARE(ctl({"sale", "--cashier", "anna", "--line", "MUG:1", "--pay", "cash=80", "--request-id", "two words"}).exitCode, 2);
        QCOMPARE(ctl({"sale", "--cashier", "anna", "--line", "MUG:1", "--pay", "cash=80", "--request-id", QString(65, 'x')}).exitCode, 2);

        // One sale, one entry: the balance moved once and the books verify.
        QCOMPARE(ctl({"--json", "balance", "42"}).json().object().value("accrued").toString(), QStringLiteral("160.00"));
        QCOMPARE(ctl({"receipt", "T1-000002"}).exitCode, 3);
        QCOMPARE(ctl({"verify"}).exitCode, 0);
    }

    // The shop's details, an invoice PDF and a statement from the command line, headless (no
    // display, no session): the PDFs' text read back with pdftotext, stderr quiet, and bad input
    // refused with nothing written.
    void invoicePdfAndStatement()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "STD", "--rate", "25"}).exitCode, 0);
        QCOMPARE(ctl({"product", "add", "--sku", "MUG", "--name", "Mug <blue>", "--price", "80", "--tax", "STD"}).exitCode, 0);
        QCOMPARE(ctl({"customer", "add", "--card", "42", "--name", "Kari & Co"}).exitCode, 0);
        QCOMPARE(ctl({"customer", "set", "42", "--credit-limit", "1000", "--terms", "14"}).exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "anna", "--role", "cashier", "--pin", "-"}, "1234\n").exitCode, 0);

        QCOMPARE(ctl({"--json", "shop", "show"}).json().object().value("name").toString(), QString());
        Run shop = ctl({"--json", "shop", "set", "--name", "Butikken AS", "--address", "Storgata 1\\n0155 Oslo", "--org-number",
                        "923 609 016", "--vat-number", "NO 923 609 016 MVA", "--bank-account", "1503.12.34567"});
        QVERIFY2(shop.exitCode == 0, qPrintable(shop.err));
        QCOMPARE(shop.json().object().value("address").toString(), QStringLiteral("Storgata 1\n0155 Oslo"));
        QCOMPARE(ctl({"shop", "set", "--name", QString(101, 'x')}).exitCode, 2);
        QCOMPARE(ctl({"--json", "shop", "show"}).json().object().value("name").toString(), QStringLiteral("Butikken AS"));

        QCOMPARE(ctl({"sale", "--cashier", "anna", "--customer", "42", "--line", "MUG:2", "--pay", "account=160"}).exitCode, 0);
        const Run invoiced = ctl({"--json", "invoice", "42"});
        QVERIFY2(invoiced.exitCode == 0, qPrintable(invoiced.err));
        const QString number = invoiced.json().object().value("number").toString();

        QProcessEnvironment headless = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"})
            headless.remove(QString::fromLatin1(name));
        const QString pdf = m_dir.filePath(QStringLiteral("invoice.pdf"));
        Run run = slatectl({"--db", m_db, "--json", "invoice-pdf", number, "--out", pdf}, headless);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        const QJsonObject written = run.json().object();
        QCOMPARE(written.value("number").toString(), number);
        QCOMPARE(written.value("amount_due").toString(), QStringLiteral("160.00"));
        QCOMPARE(written.value("kid").toString().size(), 19);
        QCOMPARE(written.value("bytes").toInteger(), QFileInfo(pdf).size());
        QString text = Slate::Test::pdfText(pdf);
        for (const QString &expected : {QStringLiteral("Butikken AS"), QStringLiteral("923 609 016"), QStringLiteral("Kari & Co"),
                                        QStringLiteral("Mug <blue>"), number, written.value("kid").toString(),
                                        QStringLiteral("1503.12.34567")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
        QVERIFY2(text.contains(QStringLiteral("160.00")), qPrintable(text));

        const QString today = QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"));
        const QString monthAgo = QDate::currentDate().addDays(-30).toString(QStringLiteral("yyyy-MM-dd"));
        run = ctl({"--json", "statement", "42", "--from", monthAgo, "--to", today});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject statement = run.json().object();
        QCOMPARE(statement.value("opening").toString(), QStringLiteral("0.00"));
        QCOMPARE(statement.value("closing").toString(), QStringLiteral("160.00"));
        QCOMPARE(statement.value("movements").toArray().size(), 1);
        QCOMPARE(statement.value("movements").toArray().at(0).toObject().value("reference").toString(), number);
        QCOMPARE(statement.value("ageing").toObject().value("not_due").toString(), QStringLiteral("160.00"));
        QVERIFY(!statement.contains("path"));
        const QString statementPdf = m_dir.filePath(QStringLiteral("statement.pdf"));
        run = slatectl({"--db", m_db, "statement", "42", "--from", monthAgo, "--to", today, "--out", statementPdf}, headless);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        text = Slate::Test::pdfText(statementPdf);
        QVERIFY2(text.contains(QStringLiteral("Statement of account")) && text.contains(number) && text.contains(QStringLiteral("160.00")),
                 qPrintable(text));

        // Refused, and nothing written: an unknown invoice, an unwritable path, a bad period.
        QCOMPARE(ctl({"invoice-pdf", "INV-T1-999999", "--out", m_dir.filePath("none.pdf")}).exitCode, 3);
        QCOMPARE(ctl({"invoice-pdf", number}).exitCode, 2);
        QCOMPARE(ctl({"invoice-pdf", number, "--out", m_dir.filePath("missing/x.pdf")}).exitCode, 1);
        QVERIFY(!QFile::exists(m_dir.filePath("none.pdf")));
        QCOMPARE(ctl({"statement", "42", "--from", today, "--to", monthAgo}).exitCode, 2);
        QCOMPARE(ctl({"statement", "42", "--from", "yesterday", "--to", today}).exitCode, 2);
        QCOMPARE(ctl({"statement", "42", "--to", today}).exitCode, 2);
        QCOMPARE(ctl({"statement", "999", "--from", monthAgo, "--to", today}).exitCode, 3);
    }

    void checkoutSaleOverrideRefundInvoice()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "STD", "--rate", "25"}).exitCode, 0);
        QCOMPARE(ctl({"product", "add", "--sku", "MUG", "--name", "Mug", "--price", "80", "--tax", "STD"}).exitCode, 0);
        QCOMPARE(ctl({"product", "add", "--sku", "OLD", "--name", "Old mug", "--price", "5", "--tax", "STD"}).exitCode, 0);
        QCOMPARE(ctl({"--json", "product", "set", "OLD", "--active", "no", "--price", "4.50"}).json().object().value("active").toBool(), false);
        QCOMPARE(ctl({"product", "set", "OLD", "--tax", "LUX"}).exitCode, 3);
        QCOMPARE(ctl({"product", "set", "OLD"}).exitCode, 2);
        QCOMPARE(ctl({"customer", "add", "--card", "42", "--name", "Kari"}).exitCode, 0);
        QCOMPARE(ctl({"customer", "set", "42", "--credit-limit", "200", "--terms", "10"}).exitCode, 0);
        QCOMPARE(ctl({"credit", "add", "42", "50", "--journal", "cash"}).exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "anna", "--role", "cashier", "--pin", "-"}, "1234\n").exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "mona", "--role", "manager", "--pin", "-", "--override-max", "100"}, "9876\n").exitCode, 0);
        QVERIFY(ctl({"sale", "--cashier", "anna", "--line", "OLD:1", "--pay", "cash=5"}).err.contains("no longer sold"));

        // 3 mugs, 30 from the wallet, 100 on account, the rest in cash with change.
        Run run = ctl({"--json", "sale", "--cashier", "anna", "--customer", "42", "--line", "MUG:3:10", "--pay", "credit=30",
                       "--pay", "account=100", "--pay", "cash=200"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject sale = run.json().object();
        QCOMPARE(sale.value("sale_id").toString(), QStringLiteral("T1-000001"));
        QCOMPARE(sale.value("total").toString(), QStringLiteral("230.00"));
        QCOMPARE(sale.value("tax").toString(), QStringLiteral("46.00"));
        QCOMPARE(sale.value("change").toString(), QStringLiteral("100.00"));
        QCOMPARE(sale.value("tenders").toArray().size(), 3);
        QVERIFY(!sale.value("entry_id").toString().isEmpty());
        QCOMPARE(sale.value("after").toObject().value("wallet").toString(), QStringLiteral("20.00"));
        QCOMPARE(sale.value("after").toObject().value("available").toString(), QStringLiteral("100.00"));

        // 160 on account is 60 over: refused, nothing written; a wrong PIN authorises nothing.
        const QStringList overLimit{"--json", "sale", "--cashier", "anna", "--customer", "42", "--line", "MUG:2", "--pay", "account=160"};
        run = ctl(overLimit);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errorJson().value("code").toString(), QStringLiteral("insufficient-funds"));
        QVERIFY2(run.errorJson().value("message").toString().contains("100.00 NOK available"), qPrintable(run.err));
        run = ctlWithInput(overLimit + QStringList{"--override", "mona:-:pays Friday"}, "0000\n");
        QCOMPARE(run.errorJson().value("code").toString(), QStringLiteral("authentication-failed"));
        QCOMPARE(ctl({"--json", "overrides"}).json().array().size(), 0);
        run = ctlWithInput(overLimit + QStringList{"--override", "account=mona:-:pays Friday"}, "9876\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("overrides").toArray().at(0).toObject().value("amount_over").toString(),
                 QStringLiteral("60.00"));
        const QJsonArray log = ctl({"--json", "overrides"}).json().array();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).toObject().value("manager").toString(), QStringLiteral("mona"));
        QCOMPARE(log.at(0).toObject().value("customer").toString(), QStringLiteral("42"));
        QCOMPARE(log.at(0).toObject().value("reason").toString(), QStringLiteral("pays Friday"));
        QCOMPARE(ctl({"--json", "overrides", "--to", "2000-01-01"}).json().array().size(), 0);

        // Return one mug of the first sale to store credit; more than was sold is refused.
        run = ctl({"--json", "refund", "T1-000001", "--line", "MUG:1", "--to", "credit", "--cashier", "anna"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("total").toString(), QStringLiteral("76.67"));
        QCOMPARE(ctl({"refund", "T1-000001", "--line", "MUG:3", "--to", "cash", "--cashier", "anna"}).exitCode, 2);
        QCOMPARE(ctl({"--json", "receipt", "T1-000001"}).json().object().value("lines").toArray().at(0).toObject().value("refunded_quantity").toInt(), 1);

        // Invoice the account sales, see them overdue after the terms, pay part.
        run = ctl({"--json", "invoice", "42", "--date", "2026-01-05"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString number = run.json().object().value("number").toString();
        QCOMPARE(number, QStringLiteral("INV-T1-000001"));
        QCOMPARE(run.json().object().value("amount").toString(), QStringLiteral("260.00"));
        QCOMPARE(run.json().object().value("due").toString(), QStringLiteral("2026-01-15"));
        QCOMPARE(ctl({"--json", "invoices", "--overdue", "--as-of", "2026-01-15"}).json().array().size(), 0);
        QCOMPARE(ctl({"--json", "invoices", "--overdue", "--as-of", "2026-01-16"}).json().array().size(), 1);
        run = ctl({"--json", "pay-invoice", number, "60", "--journal", "bank"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("outstanding").toString(), QStringLiteral("200.00"));
        QCOMPARE(ctl({"pay-invoice", number, "200.01", "--journal", "bank"}).exitCode, 2);

        const QJsonObject balance = ctl({"--json", "balance", "42", "--as-of", "2026-02-01"}).json().object();
        QCOMPARE(balance.value("wallet").toString(), QStringLiteral("96.67"));
        QCOMPARE(balance.value("credit_limit").toString(), QStringLiteral("200.00"));
        QCOMPARE(balance.value("accrued").toString(), QStringLiteral("0.00"));
        QCOMPARE(balance.value("invoiced").toString(), QStringLiteral("200.00"));
        QCOMPARE(balance.value("overdue").toString(), QStringLiteral("200.00"));
        QCOMPARE(balance.value("available").toString(), QStringLiteral("0.00"));
        QCOMPARE(balance.value("overdraft_limit"), QJsonValue(QJsonValue::Null));
        QCOMPARE(balance.value("state").toString(), QStringLiteral("overdue"));

        Result<std::unique_ptr<Store>> store = Store::open(m_db);
        QVERIFY(store.ok());
        VERIFY_LEDGER(**store);
    }

    void demoHasTaxCodesAndProducts()
    {
        const Run demo = ctl({"--json", "demo"});
        QCOMPARE(demo.exitCode, 0);
        QCOMPARE(demo.json().object().value("customers").toInt(), 20);
        // The demo users can log in with the PINs it prints.
        QCOMPARE(demo.json().object().value("users").toArray().size(), 3);
        QCOMPARE(ctl({"--json", "user", "list"}).json().array().size(), 3);
        // Every credit state the till shows is in the demo.
        QSet<QString> states;
        for (int card = 1001; card <= 1020; ++card)
            states.insert(ctl({"--json", "balance", QString::number(card)}).json().object().value("state").toString());
        QCOMPARE(states, (QSet<QString>{"fine", "near-limit", "overdue", "blocked"}));
        QVERIFY(ctl({"--json", "balance", "1009"}).json().object().value("wallet").toString().startsWith('-'));
        QCOMPARE(ctl({"--json", "invoices", "--overdue"}).json().array().size(), 1);
        QCOMPARE(ctl({"--json", "tax", "list"}).json().array().size(), 3);
        const Run run = ctl({"--json", "product", "list", "--limit", "200"});
        QVERIFY(run.json().array().size() >= 40);
        for (const QJsonValue &product : run.json().array())
            QCOMPARE(product.toObject().value("barcode").toString().size(), 13);
        QVERIFY(verifiedEntries() > 0);
    }

    // The top-up bounds of core, exactly as the window has them: a cashier over the bound needs a
    // manager's PIN, a manager may not approve a top-up they make themselves, the wallet maximum
    // holds for everyone, and voiding takes back the last top-up with one reversal.
    void moneyBoundsHoldOnTheCommandLine()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "anna", "--role", "cashier", "--pin", "-"}, "1234\n").exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "mona", "--role", "manager", "--pin", "-"}, "9876\n").exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "per", "--role", "cashier", "--pin", "-"}, "5555\n").exitCode, 0);
        QCOMPARE(ctl({"customer", "add", "--card", "42", "--name", "Kari"}).exitCode, 0);
        Run run = ctl({"--json", "settings", "show"});
        QCOMPARE(run.json().object().value("topup_max_cashier").toString(), QStringLiteral("5000.00"));
        QCOMPARE(run.json().object().value("topup_max_cashier_day").toString(), QStringLiteral("20000.00"));
        QCOMPARE(run.json().object().value("wallet_max").toString(), QStringLiteral("50000.00"));
        QCOMPARE(run.json().object().value("discount_max_cashier").toString(), QStringLiteral("20"));

        // The 99,999,999,999 NOK "cash" top-up.
        run = ctl({"--json", "--user", "anna", "credit", "add", "42", "99999999999", "--journal", "cash"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errorJson().value("code").toString(), QStringLiteral("not-permitted"));
        run = ctl({"--json", "--user", "anna", "credit", "add", "42", "6000", "--journal", "cash"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errorJson().value("code").toString(), QStringLiteral("approval-needed"));
        QVERIFY2(run.errorJson().value("message").toString().contains("--override"), qPrintable(run.err));
        // Without --user the cashier's bounds apply too (SLATE_USER is "tester", no user here).
        QCOMPARE(ctl({"credit", "add", "42", "6000", "--journal", "cash"}).exitCode, 1);
        run = ctlWithInput({"--json", "--user", "anna", "credit", "add", "42", "6000", "--journal", "cash", "--override", "mona:-:gift cards"}, "0000\n");
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errorJson().value("code").toString(), QStringLiteral("authentication-failed"));
        run = ctlWithInput({"--json", "--user", "mona", "credit", "add", "42", "100", "--journal", "cash", "--override", "mona:-:own"}, "9876\n");
        QCOMPARE(run.exitCode, 0); // a manager's own top-up needs no approval at all
        run = ctlWithInput({"--json", "--user", "anna", "credit", "add", "42", "6000", "--journal", "cash", "--override", "mona:-:gift cards"}, "9876\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("authorised_by").toString(), QStringLiteral("mona"));
        QCOMPARE(run.json().object().value("wallet").toString(), QStringLiteral("6100.00"));

        // Lower bounds; the wallet maximum stops even a manager.
        run = ctl({"--json", "settings", "set", "--topup-max-cashier", "100", "--topup-max-cashier-day", "150", "--wallet-max", "6200",
                   "--discount-max-cashier", "12.5", "--self-authorise", "no"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("wallet_max").toString(), QStringLiteral("6200.00"));
        QCOMPARE(run.json().object().value("discount_max_cashier").toString(), QStringLiteral("12.5"));
        QCOMPARE(ctl({"settings", "set", "--wallet-max", "0"}).exitCode, 2);
        QCOMPARE(ctl({"settings", "set", "--discount-max-cashier", "120"}).exitCode, 2);
        QCOMPARE(ctl({"settings", "set", "--self-authorise", "maybe"}).exitCode, 2);
        QCOMPARE(ctl({"--user", "mona", "credit", "add", "42", "100.01", "--journal", "bank"}).exitCode, 1);
        QCOMPARE(ctl({"--user", "anna", "credit", "add", "42", "1", "--journal", "cash"}).exitCode, 1); // anna's day is used up
        QCOMPARE(ctl({"--user", "per", "credit", "add", "42", "100.01", "--journal", "cash"}).exitCode, 1); // one top-up's bound
        QCOMPARE(ctl({"--user", "per", "credit", "add", "42", "100", "--journal", "cash"}).exitCode, 0);
        QCOMPARE(ctl({"--user", "per", "credit", "add", "42", "50.01", "--journal", "cash"}).exitCode, 1); // the day's bound

        // Void the last top-up: the manager's PIN and a reason; the wallet is back.
        QCOMPARE(ctl({"void-last"}).exitCode, 2);
        run = ctlWithInput({"--json", "--user", "anna", "void-last", "--override", "mona:-:typed 100 for 10"}, "9876\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("kind").toString(), QStringLiteral("top-up"));
        QCOMPARE(run.json().object().value("wallet").toString(), QStringLiteral("6100.00"));
        run = ctlWithInput({"--json", "--user", "anna", "void-last", "--override", "mona:-:again"}, "9876\n");
        QCOMPARE(run.exitCode, 3); // a void is not voided
        QCOMPARE(ctl({"--json", "balance", "42"}).json().object().value("wallet").toString(), QStringLiteral("6100.00"));
        QCOMPARE(verifiedEntries(), 4); // three top-ups and one reversal
        QCOMPARE(Slate::Test::ledgerProblem(*must(Store::open(m_db))), QString());
    }

    void discountsAndVoidedSalesOnTheCommandLine()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "STD", "--rate", "25"}).exitCode, 0);
        QCOMPARE(ctl({"product", "add", "--sku", "MUG", "--name", "Mug", "--price", "100", "--tax", "STD"}).exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "anna", "--role", "cashier", "--pin", "-"}, "1234\n").exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "mona", "--role", "manager", "--pin", "-"}, "9876\n").exitCode, 0);
        // 100 % unasked is refused; 20 % is the cashier's; beyond needs discount=MANAGER.
        Run run = ctl({"--json", "sale", "--cashier", "anna", "--line", "MUG:1:90%", "--pay", "cash=10"});
        QCOMPARE(run.exitCode, 2);
        run = ctl({"--json", "sale", "--cashier", "anna", "--line", "MUG:1:30%", "--pay", "cash=70"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errorJson().value("message").toString().contains("30 %"), qPrintable(run.err));
        run = ctlWithInput({"--json", "sale", "--cashier", "anna", "--line", "MUG:1:30%", "--pay", "cash=70", "--override",
                            "discount=mona:-:scratched"}, "9876\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("total").toString(), QStringLiteral("70.00"));
        // A manager may not approve the discount of a sale they ring up themselves.
        run = ctlWithInput({"--json", "sale", "--cashier", "mona", "--line", "MUG:1:10%", "--pay", "cash=90"}, "");
        QCOMPARE(run.exitCode, 0); // within the cashier maximum anyway: no approval asked
        run = ctl({"--json", "sale", "--cashier", "anna", "--line", "MUG:1:20%", "--pay", "cash=80"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString saleId = run.json().object().value("sale_id").toString();
        run = ctlWithInput({"--json", "--user", "anna", "void-last", "--override", "mona:-:wrong item"}, "9876\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("sale_id").toString(), saleId);
        run = ctl({"receipt", saleId});
        QVERIFY2(run.out.contains("VOID"), qPrintable(run.out));
        run = ctl({"refund", saleId, "--line", "MUG:1", "--to", "cash", "--cashier", "anna"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("voided"), qPrintable(run.err));
        QCOMPARE(Slate::Test::ledgerProblem(*must(Store::open(m_db))), QString());
    }

    // The README marks --cashier optional: who refunds is --user or $SLATE_USER, else a clear message.
    void refundNamesWhoRefunds()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "STD", "--rate", "25"}).exitCode, 0);
        QCOMPARE(ctl({"product", "add", "--sku", "MUG", "--name", "Mug", "--price", "100", "--tax", "STD"}).exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "anna", "--role", "cashier", "--pin", "-"}, "1234\n").exitCode, 0);
        QCOMPARE(ctl({"customer", "add", "--card", "42", "--name", "Kari"}).exitCode, 0);
        QCOMPARE(ctl({"sale", "--cashier", "anna", "--customer", "42", "--line", "MUG:3", "--pay", "cash=300"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "list"}).exitCode, 0); // the sale is no longer the last entry, but it need not be
        Run run = ctl({"--json", "--user", "anna", "refund", "T1-000001", "--line", "MUG:1", "--to", "credit"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // The helper sets SLATE_USER itself; these two runs choose their own.
        auto withUser = [this](const QString &user) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.remove(QStringLiteral("SLATE_USER"));
            if (!user.isEmpty())
                environment.insert(QStringLiteral("SLATE_USER"), user);
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(SLATECTL_PATH), {"--db", m_db, "refund", "T1-000001", "--line", "MUG:1", "--to", "credit"});
            if (!process.waitForFinished(60000))
                qFatal("slatectl did not finish");
            return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
        };
        run = withUser(QStringLiteral("anna"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err)); // from $SLATE_USER
        // Nobody named: a clear message, not "There is no user called cli:unknown".
        run = withUser(QString());
        QCOMPARE(run.exitCode, 2);
        const QString err = run.err;
        QVERIFY2(err.contains("--cashier USER, or --user USER"), qPrintable(err));
        QVERIFY2(!err.contains("cli:"), qPrintable(err));
    }

    // The day end on the command line: float, cash in and out, a drawer opening, X and Z with
    // the count, the list and a reprint; who may; exit codes of refusals.
    void dayEndOnTheCommandLine()
    {
        QCOMPARE(ctl({"init", "--store", "S1", "--currency", "NOK"}).exitCode, 0);
        QCOMPARE(ctl({"tax", "set", "STD", "--rate", "25"}).exitCode, 0);
        QCOMPARE(ctl({"product", "add", "--sku", "MUG", "--name", "Mug", "--price", "100", "--tax", "STD"}).exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "anna", "--role", "cashier", "--pin", "-"}, "1234\n").exitCode, 0);
        QCOMPARE(ctlWithInput({"user", "add", "--name", "mona", "--role", "manager", "--pin", "-"}, "9876\n").exitCode, 0);
        Run run = ctl({"--json", "--user", "anna", "float", "500"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errorJson().value("code").toString(), QStringLiteral("not-permitted"));
        QVERIFY2(run.errorJson().value("message").toString().contains("--day-end-cashier"), qPrintable(run.err));
        run = ctl({"--json", "--user", "mona", "float", "500"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("kind").toString(), QStringLiteral("float"));
        QCOMPARE(run.json().object().value("drawer").toString(), QStringLiteral("500.00"));
        run = ctl({"--user", "mona", "open", "--float", "100"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("cash in"), qPrintable(run.err));
        run = ctl({"--json", "--user", "mona", "cash", "in", "50", "--reason", "change from the safe"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("drawer").toString(), QStringLiteral("550.00"));
        QCOMPARE(run.json().object().value("reason").toString(), QStringLiteral("change from the safe"));
        run = ctl({"--user", "mona", "cash", "out", "550.01", "--reason", "bank"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("holds 550.00 NOK"), qPrintable(run.err));
        QCOMPARE(ctl({"--user", "mona", "cash", "out", "50"}).exitCode, 2);
        QCOMPARE(ctl({"--user", "mona", "cash", "out", "5,00", "--reason", "bank"}).exitCode, 2);
        QCOMPARE(ctl({"--user", "mona", "cash", "sideways", "5", "--reason", "bank"}).exitCode, 2);
        QCOMPARE(ctl({"sale", "--cashier", "anna", "--line", "MUG:1", "--pay", "cash=100"}).exitCode, 0);
        QCOMPARE(ctl({"--user", "anna", "drawer", "open", "--reason", "change for a customer"}).exitCode, 0);

        run = ctl({"--json", "--user", "mona", "x-report"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject x = run.json().object();
        QCOMPARE(x.value("kind").toString(), QStringLiteral("X"));
        QCOMPARE(x.value("number").toInt(), 1);
        QCOMPARE(x.value("sales").toObject().value("amount").toString(), QStringLiteral("100.00"));
        QCOMPARE(x.value("drawer").toObject().value("expected").toString(), QStringLiteral("650.00"));
        QVERIFY(x.value("drawer").toObject().value("counted").isNull());
        QCOMPARE(x.value("drawer_openings").toInt(), 1);
        QCOMPARE(ctl({"--user", "mona", "z-report"}).exitCode, 2);
        QCOMPARE(ctl({"--user", "mona", "z-report", "--counted", "-1"}).exitCode, 2);
        run = ctl({"--user", "mona", "z-report", "--counted", "640"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("Z REPORT 000001") && run.out.contains("counted by mona") && run.out.contains("-10.00 NOK"), qPrintable(run.out));
        run = ctl({"--json", "reports"});
        QCOMPARE(run.json().array().size(), 2);
        QCOMPARE(run.json().array().at(1).toObject().value("drawer").toObject().value("difference").toString(), QStringLiteral("-10.00"));
        run = ctl({"reports", "--from", "2000-01-01", "--to", "2000-01-02"});
        QVERIFY2(run.exitCode == 0 && run.out.contains("No reports"), qPrintable(run.out));
        QCOMPARE(ctl({"reports", "--from", "yesterday"}).exitCode, 2);
        run = ctl({"--json", "--user", "mona", "report", "show", "1"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("kind").toString(), QStringLiteral("Z"));
        QVERIFY(run.json().object().value("copy").toBool());
        run = ctl({"--user", "mona", "report", "show", "X:1"});
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("*** COPY ***\nX REPORT 000001"), qPrintable(run.out));
        QCOMPARE(ctl({"--user", "mona", "report", "show", "2"}).exitCode, 3);
        QCOMPARE(ctl({"--user", "mona", "report", "show", "Q:1"}).exitCode, 2);
        QCOMPARE(ctl({"--user", "mona", "report", "show", "0"}).exitCode, 2);
        // The next day: the drawer starts from the count, and a cashier may when the store says so.
        QCOMPARE(ctl({"settings", "set", "--day-end-cashier", "yes"}).exitCode, 0);
        QCOMPARE(ctl({"settings", "set", "--day-end-cashier", "maybe"}).exitCode, 2);
        run = ctl({"--json", "--user", "anna", "x-report"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().object().value("drawer").toObject().value("opening").toString(), QStringLiteral("640.00"));
        QCOMPARE(run.json().object().value("report_copies").toInt(), 2);
        QCOMPARE(run.json().object().value("grand_totals").toObject().value("sales").toString(), QStringLiteral("100.00"));
        const QString help = slatectl({QStringLiteral("--help")}).out;
        for (const char *command : {"float AMOUNT", "cash in", "cash out", "drawer open", "x-report", "z-report --counted", "reports", "report show"})
            QVERIFY2(help.contains(QLatin1String(command)), command);
        QCOMPARE(Slate::Test::ledgerProblem(*must(Store::open(m_db))), QString());
    }
};

QTEST_GUILESS_MAIN(tst_Slatectl)
#include "tst_slatectl.moc"
