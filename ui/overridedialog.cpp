#include "overridedialog.h"

#include "managerpinfields.h"

#include "labels.h"
#include "people/permissions.h"
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

OverrideDialog::OverrideDialog(Session &session, const Customer &customer, TenderKind tender, const Money &over, QWidget *parent)
    : QDialog(parent), m_session(session), m_customer(customer), m_tender(tender), m_over(over)
{
    setObjectName(QStringLiteral("overrideDialog"));
    setWindowTitle(tr("Manager override"));
    auto *what = new QLabel(tr("Allow %1 to pay %2 more by %3 than is available. A manager authorises this with their PIN; "
                               "it is recorded with the reason.")
                                .arg(customer.name, session.money(over), Labels::tender(tender).toLower()),
                            this);
    what->setWordWrap(true);
    m_fields = new ManagerPinFields(session, tr("Why, e.g. regular customer, pays on Friday"), this);
    m_manager = m_fields->managerField();
    m_pin = m_fields->pinField();
    m_reason = m_fields->reasonField();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Authorise (Enter)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("authoriseButton"));
    ok->setDefault(true);
    buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(ok, &QPushButton::clicked, this, &OverrideDialog::authorise);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_fields);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    if (m_manager->count() == 0)
        m_error->setText(tr("There is no manager user; add one in the back office."));
    m_pin->setFocus();
}

bool OverrideDialog::selectManager(const QString &name)
{
    const int index = m_manager->findData(name);
    if (index < 0)
        return false;
    m_manager->setCurrentIndex(index);
    return true;
}

QString OverrideDialog::errorText() const
{
    return m_error->text();
}

void OverrideDialog::authorise()
{
    if (m_manager->currentIndex() < 0)
        return;
    if (m_reason->text().trimmed().isEmpty()) {
        m_error->setText(tr("Give a reason; it goes into the overrides log."));
        m_reason->setFocus();
        return;
    }
    Result<OverrideGrant> grant = m_session.checkout().authorizeOverride(
        m_manager->currentData().toString(), m_pin->text(), m_reason->text().trimmed(), m_session.user().name, m_customer.id,
        m_tender, m_over);
    m_pin->clear();
    if (!grant) {
        m_error->setText(grant.code() == ErrorCode::AuthenticationFailed ? tr("Wrong manager or PIN; nothing was authorised.")
                                                                        : Labels::error(grant.error()));
        m_pin->setFocus();
        return;
    }
    m_grant = *grant;
    accept();
}

} // namespace Slate::Ui
