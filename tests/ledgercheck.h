#pragma once
// The two checks every test that posts ends with: the journal verifies (chains, balances,
// maintained totals), and its hledger export passes `hledger check --strict` with the same
// balance on every account as the store's own.

#include "store/store.h"

#include <QBuffer>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace Slate::Test {

// Returns an empty string when both checks pass, else what failed.
inline QString ledgerProblem(Core::Store &store)
{
    const Core::Result<Core::VerifyReport> report = store.journal().verify();
    if (!report)
        return QStringLiteral("verify: ") + report.message();
    const QString hledger = QStandardPaths::findExecutable(QStringLiteral("hledger"));
    if (hledger.isEmpty())
        return qEnvironmentVariableIsSet("CI") ? QStringLiteral("hledger is not installed; CI must install it") : QString();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.journal"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write ") + path;
    const Core::Result<qint64> written = store.exporter().write(Core::ExportFormat::Ledger, file);
    file.close();
    if (!written)
        return QStringLiteral("export: ") + written.message();

    QProcess check;
    check.start(hledger, {QStringLiteral("-f"), path, QStringLiteral("check"), QStringLiteral("--strict")});
    if (!check.waitForFinished(60000) || check.exitCode() != 0)
        return QStringLiteral("hledger check: ") + QString::fromUtf8(check.readAllStandardError());
    QProcess balance;
    balance.start(hledger, {QStringLiteral("-f"), path, QStringLiteral("balance"), QStringLiteral("--flat"),
                            QStringLiteral("--no-total"), QStringLiteral("--empty"), QStringLiteral("-O"), QStringLiteral("csv")});
    if (!balance.waitForFinished(60000) || balance.exitCode() != 0)
        return QStringLiteral("hledger balance: ") + QString::fromUtf8(balance.readAllStandardError());
    QMap<QString, QString> fromHledger;
    const QStringList lines = QString::fromUtf8(balance.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) { // the header row
        const QStringList fields = line.split(QStringLiteral("\",\""));
        if (fields.size() != 2)
            return QStringLiteral("hledger balance row: ") + line;
        fromHledger.insert(fields.at(0).mid(1), fields.at(1).chopped(1));
    }
    QMap<QString, QString> fromSlate;
    const Core::Result<QList<Core::AccountBalance>> balances = store.journal().balances();
    if (!balances)
        return balances.message();
    for (const Core::AccountBalance &account : *balances) {
        const QString amount = account.balance.toDecimalString();
        fromSlate.insert(account.account, account.balance.isZero() ? QStringLiteral("0")
                                                                    : amount + QLatin1Char(' ') + account.balance.currency().code());
    }
    for (auto it = fromSlate.cbegin(); it != fromSlate.cend(); ++it) {
        const QString theirs = fromHledger.value(it.key());
        if (theirs != it.value() && !(it.value() == QLatin1String("0") && theirs == QLatin1String("0")))
            return QStringLiteral("account %1: slate %2, hledger %3").arg(it.key(), it.value(), theirs);
    }
    return {};
}

} // namespace Slate::Test

#define VERIFY_LEDGER(store)                                                                                      \
    do {                                                                                                          \
        const QString problem = Slate::Test::ledgerProblem(store);                                                \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                         \
    } while (false)
