#include "checkoutwindow.h"

#include "backofficewindow.h"
#include "customercard.h"
#include "customerdetailsdialog.h"
#include "customersearchdialog.h"
#include "discountdialog.h"
#include "labels.h"
#include "logindialog.h"
#include "paymentdialog.h"
#include "productsearchdialog.h"
#include "receiptdialog.h"
#include "receipts.h"
#include "refunddialog.h"
#include "topupdialog.h"
#include "amountedit.h"
#include "dayenddialog.h"
#include "voiddialog.h"

#include <QAbstractItemDelegate>
#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr int kParkedSalesMax = 20;
constexpr int kProductMatchesMax = 50;
constexpr qint64 kScanQuantityMax = 9999;
} // namespace

CheckoutWindow::CheckoutWindow(Session &session, QWidget *parent) : QMainWindow(parent), m_session(session)
{
    setObjectName(QStringLiteral("checkoutWindow"));
    setWindowTitle(tr("Slate — till %1").arg(session.store().identity().terminalId));
    m_cart = new CartModel(session, this);

    auto *central = new QWidget(this);
    m_scan = new QLineEdit(central);
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_scan->setPlaceholderText(tr("Scan a barcode or customer card, or type to search products (3*code adds 3)"));
    m_scan->setAccessibleName(tr("Scan or search"));
    m_scan->installEventFilter(this);
    connect(m_scan, &QLineEdit::returnPressed, this, [this] { submitScan(m_scan->text()); });
    m_message = new QLabel(central);
    m_message->setObjectName(QStringLiteral("messageText"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Till message"));

    m_cartView = new QTableView(central);
    m_cartView->setObjectName(QStringLiteral("cartView"));
    m_cartView->setAccessibleName(tr("Sale lines"));
    m_cartView->setModel(m_cart);
    m_cartView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cartView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cartView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_cartView->setFocusPolicy(Qt::NoFocus);
    m_cartView->verticalHeader()->hide();
    m_cartView->verticalHeader()->setDefaultSectionSize(44);
    m_cartView->horizontalHeader()->setSectionResizeMode(CartModel::Item, QHeaderView::Stretch);
    for (int column : {CartModel::Quantity, CartModel::UnitPrice, CartModel::Discount, CartModel::Amount})
        m_cartView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_cartView->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, &CheckoutWindow::refocus);
    connect(m_cart, &CartModel::totalsChanged, this, &CheckoutWindow::showTotals);
    connect(m_cart, &CartModel::editRefused, this, [this](const QString &message) { showMessage(message, true); });

    m_card = new CustomerCard(session, central);
    m_card->setMinimumWidth(340);

    auto *totals = new QFrame(central);
    totals->setObjectName(QStringLiteral("totalsPanel"));
    auto *totalsGrid = new QGridLayout(totals);
    m_itemCount = new QLabel(totals);
    m_tax = new QLabel(totals);
    m_tax->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_total = new QLabel(totals);
    m_total->setObjectName(QStringLiteral("totalFigure"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_total->setAccessibleName(tr("Total"));
    auto *totalCaption = new QLabel(tr("TOTAL"), totals);
    totalCaption->setObjectName(QStringLiteral("totalCaption"));
    totalsGrid->addWidget(m_itemCount, 0, 0);
    totalsGrid->addWidget(m_tax, 0, 1);
    totalsGrid->addWidget(totalCaption, 1, 0);
    totalsGrid->addWidget(m_total, 1, 1);

    auto *side = new QVBoxLayout;
    side->addWidget(m_card, 1);
    side->addWidget(totals);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_cartView, 1);
    middle->addLayout(side);

    auto *keys = new QGridLayout;
    auto place = [keys](QPushButton *button, int row, int column) { keys->addWidget(button, row, column); };
    place(addAction(QStringLiteral("F2"), tr("Customer"), Qt::Key_F2, &CheckoutWindow::chooseCustomer, QStringLiteral("customerButton")), 0, 0);
    place(addAction(QStringLiteral("F3"), tr("Quantity"), Qt::Key_F3, &CheckoutWindow::editQuantity, QStringLiteral("quantityButton")), 0, 1);
    place(addAction(QStringLiteral("F4"), tr("Discount"), Qt::Key_F4, &CheckoutWindow::editDiscount, QStringLiteral("discountButton")), 0, 2);
    place(addAction(tr("Del"), tr("Remove line"), Qt::Key_Delete, &CheckoutWindow::removeLine, QStringLiteral("removeButton")), 0, 3);
    place(addAction(tr("Ctrl+Del"), tr("Clear sale"), QKeySequence(Qt::CTRL | Qt::Key_Delete), &CheckoutWindow::clearSale,
                    QStringLiteral("clearButton")),
          0, 4);
    place(addAction(QStringLiteral("F9"), tr("Customer details"), Qt::Key_F9, &CheckoutWindow::customerDetails,
                    QStringLiteral("detailsButton")),
          0, 5);
    place(addAction(QStringLiteral("F5"), tr("Top up"), Qt::Key_F5, &CheckoutWindow::topUp, QStringLiteral("topUpButton")), 1, 0);
    place(addAction(QStringLiteral("F6"), tr("Refund"), Qt::Key_F6, &CheckoutWindow::refund, QStringLiteral("refundButton")), 1, 1);
    place(addAction(QStringLiteral("F7"), tr("Park sale"), Qt::Key_F7, &CheckoutWindow::park, QStringLiteral("parkButton")), 1, 2);
    place(addAction(QStringLiteral("F8"), tr("Recall sale"), Qt::Key_F8, &CheckoutWindow::recall, QStringLiteral("recallButton")), 1, 3);
    place(addAction(QStringLiteral("F10"), tr("Manager"), Qt::Key_F10, &CheckoutWindow::openBackOffice, QStringLiteral("managerButton")), 1, 4);
    place(addAction(QStringLiteral("F11"), tr("Void last"), Qt::Key_F11, &CheckoutWindow::voidLast, QStringLiteral("voidButton")), 0, 6);
    place(addAction(tr("Shift+F10"), tr("Day end"), QKeySequence(Qt::SHIFT | Qt::Key_F10), &CheckoutWindow::dayEnd,
                    QStringLiteral("dayEndButton")),
          1, 6);
    m_detach = addAction(tr("Shift+F2"), tr("Remove customer"), QKeySequence(Qt::SHIFT | Qt::Key_F2), &CheckoutWindow::detachCustomer,
                         QStringLiteral("detachButton"));
    m_detach->setEnabled(false);
    place(m_detach, 1, 5);
    QPushButton *pay = addAction(QStringLiteral("F12"), tr("PAY"), Qt::Key_F12, &CheckoutWindow::pay, QStringLiteral("payButton"));
    keys->addWidget(pay, 0, 7, 2, 1);
    keys->setColumnStretch(7, 2);

    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_scan);
    layout->addWidget(m_message);
    layout->addLayout(middle, 1);
    layout->addLayout(keys);
    setCentralWidget(central);

    m_syncStatus = new QLabel(tr("● Local only — sync is not set up"), this);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->setAccessibleName(tr("Sync status"));
    m_userStatus = new QLabel(this);
    m_parkedStatus = new QLabel(this);
    auto *logout = new QPushButton(tr("Log out (Ctrl+L)"), this);
    logout->setFocusPolicy(Qt::NoFocus);
    connect(logout, &QPushButton::clicked, this, &CheckoutWindow::logoutRequested);
    auto *logoutShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(logoutShortcut, &QShortcut::activated, this, &CheckoutWindow::logoutRequested);
    statusBar()->addWidget(m_syncStatus);
    statusBar()->addWidget(m_parkedStatus);
    statusBar()->addPermanentWidget(m_userStatus);
    statusBar()->addPermanentWidget(logout);

    resize(1280, 800);
    showTotals();
    updateStatus();
    m_scan->setFocus();
}

CheckoutWindow::~CheckoutWindow()
{
    delete m_backOffice; // a top-level window of its own; it must not outlive the session
}

QPushButton *CheckoutWindow::addAction(const QString &key, const QString &label, const QKeySequence &shortcut,
                                       void (CheckoutWindow::*slot)(), const QString &objectName)
{
    auto *button = new QPushButton(tr("%1\n%2").arg(key, label), centralWidget() ? centralWidget() : this);
    button->setObjectName(objectName);
    button->setProperty("role", QStringLiteral("fkey"));
    button->setFocusPolicy(Qt::NoFocus);
    button->setAccessibleName(label);
    button->setAccessibleDescription(tr("Shortcut %1").arg(key));
    button->setMinimumHeight(56);
    connect(button, &QPushButton::clicked, this, slot);
    auto *keyShortcut = new QShortcut(shortcut, this);
    connect(keyShortcut, &QShortcut::activated, this, slot);
    return button;
}

QString CheckoutWindow::messageText() const
{
    return m_message->text();
}

QString CheckoutWindow::totalText() const
{
    return m_total->text();
}

QString CheckoutWindow::syncStatusText() const
{
    return m_syncStatus->text();
}

void CheckoutWindow::setSyncIndicator(const SyncIndicator &indicator)
{
    using State = SyncIndicator::State;
    QString text;
    switch (indicator.state) {
    case State::LocalOnly:
        text = tr("● Local only — sync is not set up");
        break;
    case State::Starting:
        text = tr("● Sync starting");
        break;
    case State::Online:
        text = tr("● Online");
        break;
    case State::Offline:
        text = tr("● OFFLINE — sales are kept here and sent later");
        break;
    case State::Refused:
        text = tr("● SYNC REFUSED: %1").arg(indicator.reason);
        break;
    }
    if (indicator.state != State::LocalOnly) {
        text += QStringLiteral(" · ") + tr("%n entries waiting", nullptr, int(std::min<qint64>(indicator.entriesWaiting, INT_MAX)));
        text += QStringLiteral(" · ")
            + (indicator.lastSyncUtc.isValid() ? tr("last sync %1").arg(m_session.dateTime(indicator.lastSyncUtc)) : tr("never synced"));
    }
    m_syncStatus->setText(text);
    m_syncStatus->setToolTip(indicator.reason);
    m_syncStatus->setProperty("syncState", int(indicator.state));
    m_syncStatus->style()->unpolish(m_syncStatus);
    m_syncStatus->style()->polish(m_syncStatus);
}

void CheckoutWindow::reloadSettings()
{
    m_cart->reprice();
    m_card->refresh(); // the limit scope changes what is available
    for (PaymentDialog *payment : findChildren<PaymentDialog *>()) {
        if (payment->isVisible())
            payment->reloadSettings();
    }
    if (m_backOffice)
        m_backOffice->reloadSettings();
}

void CheckoutWindow::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    if (problem)
        QApplication::beep();
}

void CheckoutWindow::showTotals()
{
    const SaleTotals &totals = m_cart->totals();
    qint64 items = 0;
    for (const CartLine &line : m_cart->lines())
        items += line.quantity;
    m_itemCount->setText(tr("%n item(s)", nullptr, int(std::min<qint64>(items, INT_MAX))));
    m_tax->setText(tr("of which tax %1").arg(m_session.money(totals.tax)));
    m_total->setText(m_session.money(totals.gross));
}

void CheckoutWindow::refocus()
{
    // Back from a dialog: the till window takes the keyboard again (where no window manager
    // does it, the F-keys would otherwise stop working) and the scan field has it.
    if (isVisible() && !QApplication::activeModalWidget())
        activateWindow();
    m_scan->setFocus();
}

void CheckoutWindow::detachCustomer()
{
    if (!m_customer)
        return;
    const QString name = m_customer->name;
    attachCustomer(std::nullopt);
    showMessage(tr("%1 removed from the sale.").arg(name), false);
}

int CheckoutWindow::currentRow() const
{
    const QModelIndex current = m_cartView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void CheckoutWindow::selectRow(int row)
{
    if (row >= 0 && row < m_cart->rowCount())
        m_cartView->setCurrentIndex(m_cart->index(row, CartModel::Item));
}

void CheckoutWindow::updateStatus()
{
    m_userStatus->setText(tr("%1 (%2) · store %3 · till %4")
                              .arg(m_session.user().name, Labels::role(m_session.user().role), m_session.store().identity().storeCode,
                                   m_session.store().identity().terminalId));
    m_parkedStatus->setText(m_parked.isEmpty() ? QString() : tr("%n parked sale(s) — F8 recalls", nullptr, int(m_parked.size())));
}

bool CheckoutWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Up/Down in the scan field move through the sale's lines, so the focus never has to leave it.
    if (watched == m_scan && event->type() == QEvent::KeyPress) {
        const auto *keyEvent = static_cast<QKeyEvent *>(event);
        const int key = keyEvent->key();
        // The field takes Del for itself; with nothing typed, Del acts on the sale.
        if (key == Qt::Key_Delete && m_scan->text().isEmpty()) {
            if (keyEvent->modifiers() & Qt::ControlModifier)
                clearSale();
            else
                removeLine();
            return true;
        }
        if ((key == Qt::Key_Up || key == Qt::Key_Down) && m_cart->rowCount() > 0) {
            const int row = currentRow() < 0 ? m_cart->rowCount() - 1 : currentRow() + (key == Qt::Key_Down ? 1 : -1);
            selectRow(std::clamp(row, 0, m_cart->rowCount() - 1));
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void CheckoutWindow::submitScan(const QString &typed)
{
    const QString text = typed.trimmed();
    m_scan->clear();
    if (text.isEmpty())
        return;
    qint64 quantity = 1;
    QString code = text;
    static const QRegularExpression multiplied(QStringLiteral("^(\\d{1,4})\\s*[*x×]\\s*(\\S.*)$"));
    const QRegularExpressionMatch match = multiplied.match(text);
    if (match.hasMatch()) {
        quantity = std::clamp<qint64>(match.captured(1).toLongLong(), 1, kScanQuantityMax);
        code = match.captured(2).trimmed();
    }
    Result<Product> product = m_session.store().catalog().byScannedCode(code);
    if (product) {
        addProduct(*product, quantity);
        return;
    }
    if (product.code() != ErrorCode::NotFound && product.code() != ErrorCode::InvalidArgument) {
        showMessage(product.message(), true);
        return;
    }
    if (!match.hasMatch()) {
        Result<Customer> customer = m_session.store().customers().byCard(code);
        if (customer) {
            attachCustomer(*customer);
            return;
        }
    }
    Result<QList<Product>> found = m_session.store().catalog().search(code, kProductMatchesMax);
    if (!found) {
        showMessage(found.message(), true);
        return;
    }
    if (found->size() == 1) {
        addProduct(found->first(), quantity);
        return;
    }
    if (found->isEmpty()) {
        showMessage(tr("Nothing found for \"%1\": no product, and no customer card.").arg(code), true);
        return;
    }
    auto *dialog = new ProductSearchDialog(m_session, code, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, quantity] {
        if (const std::optional<Product> chosen = dialog->selected())
            addProduct(*chosen, quantity);
    });
    connect(dialog, &QDialog::finished, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::addProduct(const Product &product, qint64 quantity)
{
    Result<int> row = m_cart->addProduct(product, quantity);
    if (!row) {
        showMessage(row.message(), true);
        return;
    }
    selectRow(*row);
    m_cartView->scrollTo(m_cart->index(*row, 0));
    showMessage(tr("Added %1 × %2").arg(m_session.locale().toString(quantity), product.name), false);
    refocus();
}

void CheckoutWindow::attachCustomer(const std::optional<Customer> &customer)
{
    m_customer = customer;
    m_card->setCustomer(customer);
    m_detach->setEnabled(customer.has_value());
    if (customer)
        showMessage(tr("Customer %1 attached.").arg(customer->name), false);
    refocus();
}

template <typename Then>
void CheckoutWindow::withCustomer(Then then)
{
    if (m_customer) {
        then();
        return;
    }
    auto *dialog = new CustomerSearchDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, then] {
        if (const std::optional<Customer> chosen = dialog->selected()) {
            attachCustomer(*chosen);
            then();
        }
    });
    connect(dialog, &QDialog::rejected, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::chooseCustomer()
{
    auto *dialog = new CustomerSearchDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<Customer> chosen = dialog->selected())
            attachCustomer(*chosen);
    });
    connect(dialog, &QDialog::finished, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::editQuantity()
{
    if (currentRow() < 0) {
        showMessage(tr("Scan an item first; F3 changes the quantity of the selected line."), true);
        return;
    }
    m_cartView->edit(m_cart->index(currentRow(), CartModel::Quantity));
}

void CheckoutWindow::editDiscount()
{
    if (currentRow() < 0) {
        showMessage(tr("Scan an item first; F4 gives a discount on the selected line."), true);
        return;
    }
    const int row = currentRow();
    const Result<Money> line = m_cart->lineAmount(row);
    if (!line) {
        showMessage(line.message(), true);
        return;
    }
    const CartLine &cartLine = m_cart->lines().at(row);
    auto *dialog = new DiscountDialog(m_session, cartLine.product.name, *line, cartLine.discount, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString sku = cartLine.product.sku;
    connect(dialog, &QDialog::accepted, this, [this, dialog, row, sku] {
        // The line is found again by its product: nothing else can change the cart under a modal
        // dialog, but a stale row must never get another line's discount.
        if (row >= m_cart->rowCount() || m_cart->lines().at(row).product.sku != sku)
            return;
        const Result<void> applied = m_cart->setDiscount(row, dialog->discount(), dialog->grant());
        if (!applied) {
            showMessage(applied.message(), true);
            return;
        }
        const QString name = m_cart->lines().at(row).product.name;
        if (!dialog->discount())
            showMessage(tr("No discount on %1.").arg(name), false);
        else if (dialog->grant())
            showMessage(tr("Discount of %1 on %2, authorised by %3.")
                            .arg(m_session.money(*dialog->discount()), name, dialog->grant()->managerName),
                        false);
        else
            showMessage(tr("Discount of %1 on %2.").arg(m_session.money(*dialog->discount()), name), false);
    });
    connect(dialog, &QDialog::finished, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::removeLine()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString name = m_cart->lines().at(row).product.name;
    m_cart->removeLine(row);
    selectRow(std::min(row, m_cart->rowCount() - 1));
    showMessage(tr("Removed %1.").arg(name), false);
    refocus();
}

void CheckoutWindow::clearSale()
{
    m_cart->clear();
    attachCustomer(std::nullopt);
    showMessage(tr("Sale cleared."), false);
}

void CheckoutWindow::showReceipt(const QString &title, const QString &html)
{
    auto *dialog = new ReceiptDialog(title, html, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::pay()
{
    if (m_cart->isEmpty()) {
        showMessage(tr("Nothing to pay yet: scan the items first."), true);
        return;
    }
    SaleRequest request;
    request.cashierName = m_session.user().name;
    request.customerId = m_customer ? m_customer->id : QString();
    request.lines = m_cart->saleLines();
    request.overrides = m_cart->discountGrants(); // the payment dialog keeps them and adds its own
    auto *dialog = new PaymentDialog(m_session, request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const std::optional<SaleReceipt> &receipt = dialog->receipt();
        if (!receipt)
            return;
        emit journalChanged();
        const QString html = Receipts::sale(*receipt, m_session);
        m_cart->clear();
        attachCustomer(std::nullopt);
        showMessage(tr("Sale %1 paid. Change: %2").arg(receipt->sale.saleId, m_session.money(receipt->sale.change)), false);
        showReceipt(tr("Receipt %1").arg(receipt->sale.saleId), html);
    });
    connect(dialog, &QDialog::rejected, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::topUp()
{
    withCustomer([this] {
        auto *dialog = new TopUpDialog(m_session, *m_customer, TopUpDialog::Place::Till, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            emit journalChanged();
            m_card->refresh();
            const Customer customer = *m_customer;
            showMessage(tr("Added %1 to %2's store credit.").arg(m_session.money(dialog->amount()), customer.name), false);
            showReceipt(tr("Top-up"), Receipts::topUp(customer, dialog->entry(), dialog->amount(), dialog->journal(),
                                                      dialog->noteField()->text().trimmed(), m_card->overview(),
                                                      m_session));
        });
        connect(dialog, &QDialog::rejected, this, &CheckoutWindow::refocus);
        dialog->open();
    });
}

void CheckoutWindow::voidLast()
{
    auto *dialog = new VoidDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const std::optional<VoidReceipt> &receipt = dialog->receipt();
        if (!receipt)
            return;
        emit journalChanged();
        m_card->refresh();
        showMessage(tr("VOID: %1 was taken back.").arg(receipt->original.saleId.isEmpty() ? tr("the top-up") : receipt->original.saleId),
                    false);
        showReceipt(tr("VOID"), Receipts::voided(*receipt, m_session));
    });
    connect(dialog, &QDialog::rejected, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::dayEnd()
{
    auto *dialog = new DayEndDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DayEndDialog::journalChanged, this, &CheckoutWindow::journalChanged);
    // Over the day-end dialog, which is modal: the report is printed from there.
    connect(dialog, &DayEndDialog::reportMade, this, [dialog](const QString &title, const QString &html) {
        auto *receipt = new ReceiptDialog(title, html, dialog);
        receipt->setAttribute(Qt::WA_DeleteOnClose);
        // Back to the day end, active again (its keys work at once, with or without a window manager).
        connect(receipt, &QDialog::finished, dialog, [dialog] {
            dialog->activateWindow();
            dialog->amountField()->setFocus();
        });
        receipt->open();
    });
    connect(dialog, &QDialog::finished, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::refund()
{
    auto *dialog = new RefundDialog(m_session, m_customer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const std::optional<RefundReceipt> &receipt = dialog->receipt();
        if (!receipt)
            return;
        emit journalChanged();
        m_card->refresh();
        showMessage(tr("Refund %1 done.").arg(receipt->refundId), false);
        showReceipt(tr("Refund %1").arg(receipt->refundId), Receipts::refund(*receipt, dialog->refundCustomer(), m_session));
    });
    connect(dialog, &QDialog::rejected, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::park()
{
    if (m_cart->isEmpty()) {
        showMessage(tr("Nothing to park."), true);
        return;
    }
    if (m_parked.size() >= kParkedSalesMax) {
        showMessage(tr("%1 sales are parked already; recall one first.").arg(kParkedSalesMax), true);
        return;
    }
    m_parked.append(ParkedSale{m_cart->lines(), m_customer, m_session.nowUtc()});
    m_cart->clear();
    attachCustomer(std::nullopt);
    updateStatus();
    showMessage(tr("Sale parked. F8 recalls it."), false);
}

void CheckoutWindow::setParkedSales(const QList<ParkedSale> &parked)
{
    m_parked = parked;
    updateStatus();
}

void CheckoutWindow::recall()
{
    if (m_parked.isEmpty()) {
        showMessage(tr("No parked sales."), true);
        return;
    }
    if (!m_cart->isEmpty()) {
        showMessage(tr("Finish or park the current sale before recalling another."), true);
        return;
    }
    auto restore = [this](int index) {
        const ParkedSale parked = m_parked.takeAt(index);
        m_cart->setLines(parked.lines);
        attachCustomer(parked.customer);
        selectRow(m_cart->rowCount() - 1);
        updateStatus();
        showMessage(tr("Sale recalled."), false);
    };
    if (m_parked.size() == 1) {
        restore(0);
        return;
    }
    QStringList choices;
    for (const ParkedSale &parked : m_parked) {
        Money total = m_session.zero();
        for (const CartLine &line : parked.lines) {
            if (Result<Money> lineTotal = line.product.unitPrice.times(line.quantity))
                if (Result<Money> sum = total.plus(*lineTotal))
                    total = *sum;
        }
        choices.append(tr("%1 — %2 — %n line(s), about %3", nullptr, int(parked.lines.size()))
                           .arg(m_session.dateTime(parked.parkedUtc), parked.customer ? parked.customer->name : tr("no customer"),
                                m_session.money(total)));
    }
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Recall a parked sale"));
    dialog->setLabelText(tr("Which sale?"));
    dialog->setComboBoxItems(choices);
    dialog->setComboBoxEditable(false);
    dialog->setOkButtonText(tr("Recall"));
    dialog->setCancelButtonText(tr("Cancel (Esc)"));
    connect(dialog, &QInputDialog::textValueSelected, this, [restore, choices](const QString &text) {
        const int index = int(choices.indexOf(text));
        if (index >= 0)
            restore(index);
    });
    connect(dialog, &QDialog::finished, this, &CheckoutWindow::refocus);
    dialog->open();
}

void CheckoutWindow::customerDetails()
{
    withCustomer([this] {
        auto *dialog = new CustomerDetailsDialog(m_session, *m_customer, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, &CheckoutWindow::refocus);
        dialog->open();
    });
}

void CheckoutWindow::openBackOffice()
{
    if (m_backOffice) {
        m_backOffice->raise();
        m_backOffice->activateWindow();
        return;
    }
    auto *dialog = new LoginDialog(m_session, LoginDialog::Purpose::BackOffice, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_backOffice = new BackOfficeWindow(m_session, dialog->user());
        m_backOffice->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_backOffice, &QObject::destroyed, this, [this] { m_card->refresh(); });
        m_backOffice->show();
    });
    connect(dialog, &QDialog::rejected, this, &CheckoutWindow::refocus);
    dialog->open();
}

} // namespace Slate::Ui
