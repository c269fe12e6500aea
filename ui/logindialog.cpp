#include "logindialog.h"

#include "labels.h"
#include "people/permissions.h"
#include "pinpad.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr int kUserNameRole = Qt::UserRole + 1;
}

LoginDialog::LoginDialog(Session &session, Purpose purpose, QWidget *parent) : QDialog(parent), m_session(session), m_purpose(purpose)
{
    setObjectName(purpose == Purpose::Till ? QStringLiteral("loginDialog") : QStringLiteral("managerLoginDialog"));
    setWindowTitle(purpose == Purpose::Till ? tr("Slate — log in") : tr("Back office — manager PIN"));
    const StoreIdentity &identity = session.store().identity();
    auto *title = new QLabel(purpose == Purpose::Till ? tr("Slate till %1 · store %2").arg(identity.terminalId, identity.storeCode)
                                                      : tr("The back office needs a manager's PIN."),
                             this);
    title->setObjectName(QStringLiteral("title"));

    m_users = new QListWidget(this);
    m_users->setObjectName(QStringLiteral("userList"));
    m_users->setAccessibleName(tr("Who is at the till"));
    m_users->setFocusPolicy(Qt::NoFocus);
    m_pin = makePinField(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Login message"));
    m_demo = new QLabel(this);
    m_demo->setObjectName(QStringLiteral("demoUsers"));
    m_demo->setWordWrap(true);
    m_demo->hide();

    auto *buttons = new QDialogButtonBox(this);
    auto *login = new QPushButton(tr("Log in (Enter)"), this);
    login->setObjectName(QStringLiteral("loginButton"));
    buttons->addButton(login, QDialogButtonBox::AcceptRole);
    login->setDefault(true);
    QPushButton *quit = buttons->addButton(purpose == Purpose::Till ? tr("Quit") : tr("Cancel (Esc)"), QDialogButtonBox::RejectRole);
    quit->setAutoDefault(false);
    connect(login, &QPushButton::clicked, this, &LoginDialog::logIn);
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);

    auto *userColumn = new QVBoxLayout;
    auto *usersLabel = new QLabel(tr("1. Pick your name (↑/↓)"), this);
    usersLabel->setBuddy(m_users);
    userColumn->addWidget(usersLabel);
    userColumn->addWidget(m_users, 1);
    auto *pinColumn = new QVBoxLayout;
    auto *pinLabel = new QLabel(tr("2. Type your PIN"), this);
    pinLabel->setBuddy(m_pin);
    pinColumn->addWidget(pinLabel);
    pinColumn->addWidget(m_pin);
    pinColumn->addWidget(new PinPad(m_pin, this));
    pinColumn->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addLayout(userColumn, 1);
    columns->addLayout(pinColumn);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(columns, 1);
    layout->addWidget(m_demo);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(760, 580);

    // Up/Down in the PIN field move through the users: the PIN field keeps the focus.
    m_pin->installEventFilter(this);
    loadUsers();
    m_pin->setFocus();
}

void LoginDialog::loadUsers()
{
    m_users->clear();
    Result<QList<User>> users = m_session.store().users().list();
    if (!users) {
        m_error->setText(users.message());
        return;
    }
    // Cashiers first: they log in many times a day; managers and administrators below them.
    QList<User> sorted = *users;
    std::stable_sort(sorted.begin(), sorted.end(), [](const User &a, const User &b) { return int(a.role) < int(b.role); });
    for (const User &user : sorted) {
        if (!user.active || (m_purpose == Purpose::BackOffice && !roleMay(user.role, Permission::BackOffice)))
            continue;
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(user.name, Labels::role(user.role)), m_users);
        item->setData(kUserNameRole, user.name);
        item->setSizeHint(QSize(0, 48));
    }
    if (m_users->count() == 0)
        m_error->setText(tr("There are no users yet. Add one with: slatectl user add --name NAME --role cashier --pin -"));
    else
        m_users->setCurrentRow(0);
}

void LoginDialog::showDemoUsers(const QList<DemoData::DemoUser> &users)
{
    QStringList lines;
    for (const DemoData::DemoUser &user : users)
        lines.append(tr("%1 (%2): PIN %3").arg(user.name, Labels::role(user.role), user.pin));
    m_demo->setText(tr("New demo database. Demo users: %1").arg(lines.join(QStringLiteral(" · "))));
    m_demo->setVisible(!users.isEmpty());
}

bool LoginDialog::selectUser(const QString &name)
{
    for (int row = 0; row < m_users->count(); ++row) {
        if (m_users->item(row)->data(kUserNameRole).toString() == name) {
            m_users->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString LoginDialog::errorText() const
{
    return m_error->text();
}

void LoginDialog::logIn()
{
    QListWidgetItem *item = m_users->currentItem();
    if (!item) {
        m_error->setText(tr("Pick your name first."));
        return;
    }
    if (m_pin->text().isEmpty()) {
        m_error->setText(tr("Type your PIN."));
        m_pin->setFocus();
        return;
    }
    const QString name = item->data(kUserNameRole).toString();
    const QString purpose = m_purpose == Purpose::Till ? QStringLiteral("login") : QStringLiteral("back-office");
    Result<User> user = m_session.store().users().authenticate(name, m_pin->text(), purpose);
    m_pin->clear();
    m_pin->setFocus();
    if (!user) {
        m_error->setText(Labels::error(user.error()));
        return;
    }
    if (m_purpose == Purpose::BackOffice && !roleMay(user->role, Permission::BackOffice)) {
        m_error->setText(tr("%1 is a cashier; the back office needs a manager.").arg(user->name));
        return;
    }
    m_error->clear();
    m_user = *user;
    if (m_purpose == Purpose::Till)
        m_session.setUser(*user);
    accept();
}

bool LoginDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_pin && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Up || key == Qt::Key_Down) && m_users->count() > 0) {
            const int row = std::clamp(m_users->currentRow() + (key == Qt::Key_Down ? 1 : -1), 0, m_users->count() - 1);
            m_users->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Slate::Ui
