#include "receiptdialog.h"

#include "receipts.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Slate::Ui {

ReceiptDialog::ReceiptDialog(const QString &title, const QString &html, QWidget *parent) : QDialog(parent), m_html(html)
{
    setObjectName(QStringLiteral("receiptDialog"));
    setWindowTitle(title);
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("receiptView"));
    m_view->setAccessibleName(tr("Receipt"));
    m_view->setHtml(html);
    m_view->setFocusPolicy(Qt::NoFocus);
    auto *buttons = new QDialogButtonBox(this);
    auto *done = new QPushButton(tr("Next customer (Enter)"), this);
    done->setObjectName(QStringLiteral("doneButton"));
    buttons->addButton(done, QDialogButtonBox::AcceptRole);
    done->setDefault(true);
    QPushButton *print = buttons->addButton(tr("Print… (Ctrl+P)"), QDialogButtonBox::ActionRole);
    print->setShortcut(QKeySequence::Print);
    print->setAutoDefault(false);
    QPushButton *pdf = buttons->addButton(tr("Save as PDF…"), QDialogButtonBox::ActionRole);
    pdf->setAutoDefault(false);
    connect(done, &QPushButton::clicked, this, &QDialog::accept);
    connect(print, &QPushButton::clicked, this, &ReceiptDialog::print);
    connect(pdf, &QPushButton::clicked, this, &ReceiptDialog::savePdf);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(720, 700);
    done->setFocus();
}

QString ReceiptDialog::plainText() const
{
    return m_view->toPlainText();
}

void ReceiptDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print receipt"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_view->document()->print(&printer);
}

void ReceiptDialog::savePdf()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save receipt as PDF"), folder + QStringLiteral("/receipt.pdf"),
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (Core::Result<void> written = Receipts::writePdf(m_html, path); !written)
        QMessageBox::warning(this, tr("Receipt not saved"), written.message());
}

} // namespace Slate::Ui
