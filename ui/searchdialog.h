#pragma once
// SearchDialog: a search field over a result table, worked from the keyboard — type to search,
// Up/Down to move, Enter to take the highlighted row, Esc to cancel. Customer and product
// pickers build on it.

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QAbstractItemModel;

namespace Slate::Ui {

class SearchDialog : public QDialog {
    Q_OBJECT
public:
    QLineEdit *searchField() const { return m_search; }
    QTableView *resultView() const { return m_view; }
    // The line under the results: how many were found, or what to do next.
    QString statusText() const;
    // Runs the search at once (the field waits for a pause in typing otherwise).
    void searchNow();

protected:
    SearchDialog(const QString &title, const QString &placeholder, QWidget *parent);
    void setModel(QAbstractItemModel *model);
    void setStatus(const QString &text);
    int currentRow() const;
    virtual void runSearch(const QString &text) = 0;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void acceptCurrent();

    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_delay = nullptr;
};

} // namespace Slate::Ui
