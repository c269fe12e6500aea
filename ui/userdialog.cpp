#include "userdialog.h"

#include "amountedit.h"
#include "labels.h"
#include "pinpad.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

UserDialog::UserDialog(const Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("addUserDialog"));
    setWindowTitle(tr("Add user"));
    build(true);
}

UserDialog::UserDialog(const Session &session, const QString &userName, QWidget *parent)
    : QDialog(parent), m_session(session), m_userName(userName)
{
    setObjectName(QStringLiteral("resetPinDialog"));
    setWindowTitle(tr("New PIN for %1").arg(userName));
    build(false);
}

void UserDialog::build(bool adding)
{
    auto *form = new QFormLayout;
    if (adding) {
        m_name = new QLineEdit(this);
        m_name->setAccessibleName(tr("User name"));
        m_name->setMaxLength(64);
        m_role = new QComboBox(this);
        m_role->setAccessibleName(tr("Role"));
        for (Role role : {Role::Cashier, Role::Manager, Role::Admin})
            m_role->addItem(Labels::role(role), int(role));
        m_overrideMax = new AmountEdit(m_session, this);
        m_overrideMax->setAccessibleName(tr("Largest override"));
        m_overrideMax->setPlaceholderText(tr("no maximum"));
        form->addRow(tr("&Name"), m_name);
        form->addRow(tr("&Role"), m_role);
        form->addRow(tr("Largest &override (managers)"), m_overrideMax);
    }
    m_pin = makePinField(this);
    m_repeat = makePinField(this);
    m_repeat->setAccessibleName(tr("Repeat PIN"));
    form->addRow(tr("&PIN (4–12 digits)"), m_pin);
    form->addRow(tr("Re&peat PIN"), m_repeat);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(adding ? tr("Add user") : tr("Set PIN"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel (Esc)"));
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString UserDialog::errorText() const
{
    return m_error->text();
}

void UserDialog::submit()
{
    if (m_pin->text() != m_repeat->text()) {
        m_error->setText(tr("The two PINs differ; type them again."));
        m_pin->clear();
        m_repeat->clear();
        m_pin->setFocus();
        return;
    }
    if (m_userName.isEmpty()) {
        std::optional<qint64> overrideMax;
        if (!m_overrideMax->isBlank()) {
            const Result<Money> amount = m_overrideMax->amount();
            if (!amount) {
                m_error->setText(tr("Largest override: %1").arg(amount.message()));
                return;
            }
            overrideMax = amount->minorUnits();
        }
        Result<User> user = m_session.store().users().add(m_name->text().trimmed(), Role(m_role->currentData().toInt()), m_pin->text(),
                                                          overrideMax);
        if (!user) {
            m_error->setText(Labels::error(user.error()));
            return;
        }
    } else {
        Result<void> reset = m_session.store().users().resetPin(m_userName, m_pin->text());
        if (!reset) {
            m_error->setText(Labels::error(reset.error()));
            return;
        }
    }
    accept();
}

} // namespace Slate::Ui
