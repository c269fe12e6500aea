#include "pdffile.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace Slate::Documents {

using Core::ErrorCode;
using Core::makeError;

namespace {
constexpr int kResolutionDpi = 300;
constexpr qreal kMarginMm = 15;
constexpr qreal kFontPoints = 9;
} // namespace

Core::Result<PdfWritten> writePdf(const QString &html, const QString &title, const QString &path)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Writing a PDF needs a QGuiApplication (fonts); this program "
                                                                    "made none."));
    if (path.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Name the PDF file to write."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Slate"));
        writer.setResolution(kResolutionDpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
        QTextDocument document;
        QFont font = document.defaultFont();
        font.setPointSizeF(kFontPoints);
        // Ligatures would put "ﬀ" for "ff" into the text layer, so a search for a name or a
        // copy into the bank's form would not match; Qt shapes without them once the letter
        // spacing is not zero (a twentieth of a dot at 300 dpi does not show; Qt keeps 1/64 dots).
        font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
        document.setDefaultFont(font);
        document.setHtml(html);
        document.print(&writer);
    }
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    if (!file.commit())
        return makeError(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    const QFileInfo written(path);
    return PdfWritten{written.absoluteFilePath(), written.size()};
}

} // namespace Slate::Documents
