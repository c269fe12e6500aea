#include "voiddialog.h"

#include "labels.h"
#include "managerpinfields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

VoidDialog::VoidDialog(Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("voidDialog"));
    setWindowTitle(tr("Void the last transaction"));
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("voidDescription"));
    m_description->setWordWrap(true);
    m_fields = new ManagerPinFields(session, tr("Why, e.g. rang up the wrong customer"), this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Void (Enter)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("voidButton"));
    ok->setDefault(true);
    buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(ok, &QPushButton::clicked, this, &VoidDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_description);
    layout->addWidget(m_fields);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    const Result<std::optional<VoidableTransaction>> last = session.store().voids().last();
    if (!last) {
        m_description->setText(Labels::error(last.error()));
    } else if (!*last) {
        m_description->setText(tr("There is nothing to void: only the last sale or top-up of this till can be voided, before "
                                  "the next one. Use a refund (F6) instead."));
    } else {
        m_last = **last;
        const QString who = m_last->customer ? m_last->customer->name : tr("a walk-in customer");
        m_description->setText(m_last->entry.kind == EntryKind::Sale
                                   ? tr("Void sale %1 of %2 for %3? Everything it moved is reversed.")
                                         .arg(m_last->saleId, m_session.money(m_last->amount), who)
                                   : tr("Void the top-up of %1 for %2? It is taken out of the store credit again.")
                                         .arg(m_session.money(m_last->amount), who));
    }
    m_fields->setEnabled(m_last.has_value());
    ok->setEnabled(m_last.has_value());
    m_fields->pinField()->setFocus();
}

QString VoidDialog::descriptionText() const { return m_description->text(); }
QString VoidDialog::errorText() const { return m_error->text(); }

void VoidDialog::submit()
{
    if (!m_last)
        return;
    const ManagerPin approval = m_fields->approval();
    if (approval.reason.isEmpty()) {
        m_error->setText(tr("Give a reason; it is recorded with the void."));
        m_fields->reasonField()->setFocus();
        return;
    }
    m_fields->clearPin();
    Result<VoidReceipt> receipt = m_session.store().voids().voidLast(VoidRequest{m_session.user().name, approval});
    if (!receipt) {
        m_error->setText(receipt.code() == ErrorCode::AuthenticationFailed ? tr("Wrong manager or PIN; nothing was voided.")
                                                                          : Labels::error(receipt.error()));
        m_fields->pinField()->setFocus();
        return;
    }
    m_receipt = *receipt;
    accept();
}

} // namespace Slate::Ui
