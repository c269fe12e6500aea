#include "searchdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Slate::Ui {

namespace {
constexpr int kTypingPauseMs = 150;
}

SearchDialog::SearchDialog(const QString &title, const QString &placeholder, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(title);
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(placeholder);
    m_search->setAccessibleName(placeholder);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_view = new QTableView(this);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setAccessibleName(tr("Search results"));
    m_status = new QLabel(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose (Enter)"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel (Esc)"));
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SearchDialog::acceptCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTableView::doubleClicked, this, &SearchDialog::acceptCurrent);
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kTypingPauseMs);
    connect(m_delay, &QTimer::timeout, this, &SearchDialog::searchNow);
    connect(m_search, &QLineEdit::textEdited, m_delay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &SearchDialog::acceptCurrent);
}

void SearchDialog::setModel(QAbstractItemModel *model)
{
    m_view->setModel(model);
}

void SearchDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString SearchDialog::statusText() const
{
    return m_status->text();
}

void SearchDialog::searchNow()
{
    m_delay->stop();
    runSearch(m_search->text().trimmed());
    if (m_view->model() && m_view->model()->rowCount() > 0)
        m_view->selectRow(0);
    m_view->resizeColumnsToContents();
    m_view->horizontalHeader()->setStretchLastSection(true);
}

int SearchDialog::currentRow() const
{
    const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void SearchDialog::acceptCurrent()
{
    if (m_delay->isActive())
        searchNow(); // Enter right after typing (a scanner): search what was typed first
    if (currentRow() >= 0)
        accept();
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress && m_view->model()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
            const int rows = m_view->model()->rowCount();
            if (rows == 0)
                return true;
            const int step = (key == Qt::Key_Down ? 1 : key == Qt::Key_Up ? -1 : key == Qt::Key_PageDown ? 10 : -10);
            const int row = std::clamp(currentRow() + step, 0, rows - 1);
            m_view->selectRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Slate::Ui
