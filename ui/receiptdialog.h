#pragma once
// ReceiptDialog: shows a receipt after the commit, prints it (printer or PDF) and closes with
// Enter so that the next customer can be served.

#include "session.h"

#include <QDialog>

class QTextBrowser;

namespace Slate::Ui {

class ReceiptDialog : public QDialog {
    Q_OBJECT
public:
    ReceiptDialog(const QString &title, const QString &html, QWidget *parent = nullptr);

    const QString &html() const { return m_html; }
    // The receipt as plain text (what the screen shows), for tests and screen readers.
    QString plainText() const;

private:
    void print();
    void savePdf();

    QString m_html;
    QTextBrowser *m_view = nullptr;
};

} // namespace Slate::Ui
