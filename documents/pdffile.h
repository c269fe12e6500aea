#pragma once
// Writes an HTML document as an A4 PDF through QTextDocument and QPdfWriter. The file appears
// whole or not at all (QSaveFile): a full disk or an unwritable folder leaves nothing behind.
// Needs a QGuiApplication (fonts); slatectl makes one, on the offscreen platform when headless.

#include "base/result.h"

#include <QString>

namespace Slate::Documents {

struct PdfWritten {
    QString path;   // absolute
    qint64 bytes = 0;
};

Core::Result<PdfWritten> writePdf(const QString &html, const QString &title, const QString &path);

} // namespace Slate::Documents
