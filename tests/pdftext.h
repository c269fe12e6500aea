#pragma once
// A PDF's text as pdftotext (poppler-utils) lays it out, lines kept: what the document tests
// read back from the invoices and statements Slate writes.

#include <QProcess>
#include <QString>

namespace Slate::Test {

inline QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        qWarning("pdftotext failed: %s", process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace Slate::Test
