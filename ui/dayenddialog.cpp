#include "dayenddialog.h"

#include "amountedit.h"
#include "labels.h"
#include "receipts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

DayEndDialog::DayEndDialog(Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("dayEndDialog"));
    setWindowTitle(tr("Day end"));
    m_drawer = new QLabel(this);
    m_drawer->setObjectName(QStringLiteral("drawerText"));
    m_drawer->setWordWrap(true);
    m_amount = new AmountEdit(session, this);
    m_amount->setObjectName(QStringLiteral("amountField"));
    m_amount->setPlaceholderText(tr("Float, cash in or out, or the counted cash for a Z report"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonField"));
    m_reason->setMaxLength(int(kCashReasonLengthMax));
    m_reason->setPlaceholderText(tr("Why, e.g. change from the safe or takings to the bank"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Amount"), m_amount);
    form->addRow(tr("R&eason"), m_reason);

    auto *actions = new QGridLayout;
    auto button = [this, actions](const QString &text, const char *name, void (DayEndDialog::*slot)(), int row, int column) {
        auto *push = new QPushButton(text, this);
        push->setObjectName(QLatin1String(name));
        push->setAutoDefault(false);
        push->setMinimumHeight(48);
        connect(push, &QPushButton::clicked, this, slot);
        actions->addWidget(push, row, column);
        return push;
    };
    button(tr("Open with &float"), "floatButton", &DayEndDialog::takeFloat, 0, 0);
    button(tr("Cash &in"), "cashInButton", &DayEndDialog::cashIn, 0, 1);
    button(tr("Cash &out"), "cashOutButton", &DayEndDialog::cashOut, 0, 2);
    button(tr("&No sale (open drawer)"), "drawerButton", &DayEndDialog::openDrawer, 1, 0);
    button(tr("&X report"), "xReportButton", &DayEndDialog::xReport, 1, 1);
    button(tr("&Z report: close the day"), "zReportButton", &DayEndDialog::zReport, 1, 2);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    m_done = new QLabel(this);
    m_done->setObjectName(QStringLiteral("doneText"));
    m_done->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close (Esc)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_drawer);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_done);
    layout->addWidget(buttons);
    showDrawer();
    m_amount->setFocus();
}

QString DayEndDialog::drawerText() const { return m_drawer->text(); }
QString DayEndDialog::errorText() const { return m_error->text(); }
QString DayEndDialog::doneText() const { return m_done->text(); }

void DayEndDialog::showDrawer()
{
    const Result<DayReport> day = m_session.store().dayEnd().preview();
    if (!day) {
        m_drawer->setText(Labels::error(day.error()));
        return;
    }
    m_drawer->setText(tr("Till %1 · the drawer should hold %2 · today %3 sales, net %4")
                          .arg(m_session.store().identity().terminalId, m_session.money(day->drawerExpected),
                               m_session.locale().toString(day->sales.count), m_session.money(day->netSales)));
}

void DayEndDialog::showError(const Error &error)
{
    m_done->clear();
    m_error->setText(error.code == ErrorCode::NotPermitted && m_session.user().role == Role::Cashier
                         ? tr("A cashier may not run the day end in this store; ask a manager.")
                         : Labels::error(error));
}

void DayEndDialog::done(const QString &text)
{
    m_error->clear();
    m_done->setText(text);
    m_amount->clear();
    m_reason->clear();
    showDrawer();
    emit journalChanged();
    m_amount->setFocus();
}

void DayEndDialog::takeFloat() { move(EntryKind::Float); }
void DayEndDialog::cashIn() { move(EntryKind::CashIn); }
void DayEndDialog::cashOut() { move(EntryKind::CashOut); }

void DayEndDialog::move(EntryKind kind)
{
    const Result<Money> amount = m_amount->amount();
    if (!amount) {
        m_error->setText(tr("Type the amount first."));
        m_amount->setFocus();
        return;
    }
    if (kind != EntryKind::Float && m_reason->text().trimmed().isEmpty()) {
        m_error->setText(tr("Give a reason; it is recorded with the cash."));
        m_reason->setFocus();
        return;
    }
    CashDrawerService &drawer = m_session.store().drawer();
    const QString user = m_session.user().name;
    const Result<CashMovement> moved = kind == EntryKind::Float    ? drawer.openWithFloat(*amount, user)
                                       : kind == EntryKind::CashIn ? drawer.cashIn(*amount, m_reason->text(), user)
                                                                   : drawer.cashOut(*amount, m_reason->text(), user);
    if (!moved) {
        const Result<Money> held = drawer.drawerCash();
        if (kind == EntryKind::CashOut && moved.code() == ErrorCode::InsufficientFunds && held) {
            m_done->clear();
            m_error->setText(tr("The drawer holds %1; a cash out cannot take more.").arg(m_session.money(*held)));
        } else {
            showError(moved.error());
        }
        return;
    }
    done(kind == EntryKind::Float    ? tr("The till is open with a float of %1.").arg(m_session.money(*amount))
         : kind == EntryKind::CashIn ? tr("Cash in: %1.").arg(m_session.money(*amount))
                                     : tr("Cash out: %1.").arg(m_session.money(*amount)));
}

void DayEndDialog::openDrawer()
{
    const Result<TillEvent> opened = m_session.store().drawer().openDrawer(m_session.user().name, m_reason->text());
    if (!opened) {
        showError(opened.error());
        return;
    }
    done(tr("The drawer was opened without a sale; it is counted on the next report."));
}

void DayEndDialog::xReport()
{
    const Result<DayReport> report = m_session.store().dayEnd().xReport(m_session.user().name);
    if (!report) {
        showError(report.error());
        return;
    }
    m_report = *report;
    done(tr("X report %1 is stored; nothing was closed.").arg(report->number));
    emit reportMade(tr("X report %1").arg(report->number), Receipts::dayReport(*report, m_session));
}

void DayEndDialog::zReport()
{
    const Result<Money> counted = m_amount->amount();
    if (!counted) {
        m_error->setText(tr("Count the drawer and type the counted cash first; the Z report closes the day."));
        m_amount->setFocus();
        return;
    }
    const Result<DayReport> report = m_session.store().dayEnd().zReport(*counted, m_session.user().name);
    if (!report) {
        showError(report.error());
        return;
    }
    m_report = *report;
    done(tr("Z report %1 closed the day: counted %2, expected %3, difference %4.")
             .arg(report->number)
             .arg(m_session.money(*report->counted), m_session.money(report->drawerExpected), m_session.money(report->difference)));
    emit reportMade(tr("Z report %1").arg(report->number), Receipts::dayReport(*report, m_session));
}

} // namespace Slate::Ui
