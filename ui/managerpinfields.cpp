#include "managerpinfields.h"

#include "labels.h"
#include "pinpad.h"

#include "people/permissions.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

namespace Slate::Ui {

using namespace Slate::Core;

ManagerPinFields::ManagerPinFields(const Session &session, const QString &reasonExample, QWidget *parent) : QWidget(parent)
{
    m_manager = new QComboBox(this);
    m_manager->setObjectName(QStringLiteral("managerField"));
    m_manager->setAccessibleName(tr("Manager"));
    if (Result<QList<User>> users = session.store().users().list()) {
        const bool selfAllowed = session.store().checkoutSettings().selfAuthorise;
        for (Role role : {Role::Manager, Role::Admin}) {
            for (const User &user : *users) {
                if (user.active && user.role == role && roleMay(user.role, Permission::AuthoriseOverride)
                    && (selfAllowed || user.name != session.user().name))
                    m_manager->addItem(tr("%1 — %2").arg(user.name, Labels::role(user.role)), user.name);
            }
        }
    }
    m_pin = makePinField(this);
    m_pin->setAccessibleName(tr("Manager PIN"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonField"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setMaxLength(int(kApprovalReasonLengthMax));
    m_reason->setPlaceholderText(reasonExample);
    // The pad beside the fields, not under them: under them, a top-up's confirmation with the
    // manager's fields ran past the bottom of a 1024x768 screen and hid its buttons.
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Manager"), m_manager);
    form->addRow(tr("&PIN"), m_pin);
    form->addRow(tr("&Reason"), m_reason);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(form, 3);
    row->addWidget(new PinPad(m_pin, this), 2, Qt::AlignTop);
}

bool ManagerPinFields::selectManager(const QString &name)
{
    const int index = m_manager->findData(name);
    if (index < 0)
        return false;
    m_manager->setCurrentIndex(index);
    return true;
}

bool ManagerPinFields::hasManagers() const { return m_manager->count() > 0; }

ManagerPin ManagerPinFields::approval() const
{
    return ManagerPin{m_manager->currentData().toString(), m_pin->text(), m_reason->text().trimmed()};
}

void ManagerPinFields::clearPin() { m_pin->clear(); }

} // namespace Slate::Ui
