#include "backofficewindow.h"

#include "adjustdialog.h"
#include "amountedit.h"
#include "creditwizard.h"
#include "customercreditmodel.h"
#include "customerdetailsdialog.h"
#include "invoicepaymentdialog.h"
#include "labels.h"
#include "termsdialog.h"
#include "userdialog.h"

#include "documents/accounthtml.h"
#include "documents/pdffile.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr int kCustomerRowsShown = 200;
constexpr int kOverrideRowsShown = 1000;
constexpr int kOverrideDaysShown = 30;
constexpr int kSecondsPerMinute = 60;

QPushButton *button(const QString &text, QWidget *parent)
{
    auto *created = new QPushButton(text, parent);
    created->setAutoDefault(false);
    return created;
}

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("messageText"));
    label->setWordWrap(true);
    return label;
}
} // namespace

BackOfficeWindow::BackOfficeWindow(const Session &session, const User &manager, QWidget *parent)
    : QMainWindow(parent), m_session(session)
{
    m_session.setUser(manager);
    setObjectName(QStringLiteral("backOfficeWindow"));
    setWindowTitle(tr("Slate back office — %1").arg(manager.name));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildCustomersTab(), tr("Customers"));
    m_tabs->addTab(buildInvoicesTab(), tr("Invoices"));
    m_tabs->addTab(buildOverridesTab(), tr("Overrides log"));
    m_tabs->addTab(buildUsersTab(), tr("Users"));
    // The settings are taller than a 1024x768 screen leaves for them: they scroll, with the
    // Save button at their end, rather than push it off the screen.
    auto *settingsScroll = new QScrollArea(this);
    settingsScroll->setWidget(buildSettingsTab());
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(settingsScroll, tr("Store settings"));
    m_tabs->addTab(buildExportTab(), tr("Export"));
    setCentralWidget(m_tabs);
    // Opening the Invoices tab is for typing a card number: the field takes the keyboard.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == InvoicesTab)
            m_invoiceCard->setFocus();
    });
    statusBar()->showMessage(tr("Signed in as %1 (%2). Changes here are recorded under this name.")
                                 .arg(manager.name, Labels::role(manager.role)));
    // No larger than the screen it opens on: at 1024x768 a fixed 1280 wide window hid the
    // right-hand columns and buttons.
    QSize size(1280, 760);
    if (const QScreen *shown = screen())
        size = size.boundedTo(shown->availableGeometry().size());
    resize(size);
    searchCustomers();
    loadOverdue();
    loadOverrides();
    loadUsers();
    loadSettings();
}

template <typename Dialog>
void BackOfficeWindow::openThenRefresh(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        searchCustomers();
        if (m_invoiceOf)
            showInvoicesOf(m_invoiceOf->card);
        loadOverdue();
        loadUsers();
    });
    dialog->open();
}

// ---- Customers ----

QWidget *BackOfficeWindow::buildCustomersTab()
{
    auto *tab = new QWidget(this);
    m_customerSearch = new QLineEdit(tab);
    m_customerSearch->setObjectName(QStringLiteral("customerSearch"));
    m_customerSearch->setPlaceholderText(tr("Search name, phone, card or e-mail (Enter); empty lists the first %1").arg(kCustomerRowsShown));
    m_customerSearch->setAccessibleName(tr("Search customers"));
    m_customerSearch->setClearButtonEnabled(true);
    connect(m_customerSearch, &QLineEdit::returnPressed, this, &BackOfficeWindow::searchCustomers);
    m_customers = new CustomerCreditModel(m_session, this);
    m_customerSort = new QSortFilterProxyModel(this);
    m_customerSort->setSourceModel(m_customers);
    m_customerSort->setSortRole(CustomerCreditModel::SortRole);
    m_customerView = new QTableView(tab);
    m_customerView->setObjectName(QStringLiteral("customerView"));
    m_customerView->setAccessibleName(tr("Customers with their credit"));
    m_customerView->setModel(m_customerSort);
    m_customerView->setSortingEnabled(true);
    m_customerView->sortByColumn(CustomerCreditModel::Name, Qt::AscendingOrder);
    m_customerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_customerView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_customerView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_customerView->setAlternatingRowColors(true);
    m_customerView->verticalHeader()->hide();
    m_customerView->horizontalHeader()->setStretchLastSection(true);
    connect(m_customerView, &QTableView::doubleClicked, this, &BackOfficeWindow::creditDetails);
    m_customerMessage = messageLabel(tab);

    auto *actions = new QHBoxLayout;
    QPushButton *terms = button(tr("Edit credit terms…"), tab);
    QPushButton *details = button(tr("Credit details…"), tab);
    QPushButton *entry = button(tr("Update with accounting entry…"), tab);
    QPushButton *adjust = button(tr("Adjust credit…"), tab);
    QPushButton *invoices = button(tr("Invoices…"), tab);
    connect(terms, &QPushButton::clicked, this, &BackOfficeWindow::editTerms);
    connect(details, &QPushButton::clicked, this, &BackOfficeWindow::creditDetails);
    connect(entry, &QPushButton::clicked, this, &BackOfficeWindow::updateWithAccountingEntry);
    connect(adjust, &QPushButton::clicked, this, &BackOfficeWindow::adjustCredit);
    connect(invoices, &QPushButton::clicked, this, [this] {
        if (const std::optional<Customer> customer = selectedCustomer()) {
            m_tabs->setCurrentIndex(InvoicesTab);
            showInvoicesOf(customer->card);
        }
    });
    for (QPushButton *action : {terms, details, entry, adjust, invoices})
        actions->addWidget(action);
    actions->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_customerSearch);
    layout->addWidget(m_customerView, 1);
    layout->addWidget(m_customerMessage);
    layout->addLayout(actions);
    return tab;
}

void BackOfficeWindow::searchCustomers()
{
    if (Result<void> loaded = m_customers->load(m_customerSearch->text().trimmed(), kCustomerRowsShown); !loaded) {
        m_customerMessage->setText(loaded.message());
        return;
    }
    m_customerMessage->setText(m_customers->more()
                                   ? tr("Showing %n customer(s); more may match — search to narrow the list.", nullptr,
                                        m_customers->rowCount())
                                   : tr("%n customer(s).", nullptr, m_customers->rowCount()));
    // Every column as wide as its content; the table scrolls sideways on a narrow screen.
    QHeaderView *header = m_customerView->horizontalHeader();
    for (int column = 0; column < CustomerCreditModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
}

bool BackOfficeWindow::selectCustomer(const QString &card)
{
    for (int row = 0; row < m_customerSort->rowCount(); ++row) {
        const QModelIndex index = m_customerSort->index(row, CustomerCreditModel::Card);
        if (index.data().toString() == card) {
            m_customerView->selectRow(row);
            m_customerView->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

std::optional<Customer> BackOfficeWindow::selectedCustomer()
{
    const QModelIndex current = m_customerView->currentIndex();
    if (!current.isValid()) {
        m_customerMessage->setText(tr("Select a customer in the list first."));
        return std::nullopt;
    }
    return m_customers->customer(m_customerSort->mapToSource(current).row());
}

void BackOfficeWindow::editTerms()
{
    if (const std::optional<Customer> customer = selectedCustomer())
        openThenRefresh(new TermsDialog(m_session, *customer, this));
}

void BackOfficeWindow::creditDetails()
{
    if (const std::optional<Customer> customer = selectedCustomer()) {
        auto *dialog = new CustomerDetailsDialog(m_session, *customer, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }
}

void BackOfficeWindow::updateWithAccountingEntry()
{
    if (const std::optional<Customer> customer = selectedCustomer())
        openThenRefresh(new CreditWizard(m_session, *customer, this));
}

void BackOfficeWindow::adjustCredit()
{
    if (const std::optional<Customer> customer = selectedCustomer())
        openThenRefresh(new AdjustDialog(m_session, *customer, this));
}

// ---- Invoices ----

QWidget *BackOfficeWindow::buildInvoicesTab()
{
    auto *tab = new QWidget(this);
    m_invoiceCard = new QLineEdit(tab);
    m_invoiceCard->setObjectName(QStringLiteral("invoiceCardField"));
    m_invoiceCard->setPlaceholderText(tr("Customer card number"));
    m_invoiceCard->setAccessibleName(tr("Customer card number"));
    connect(m_invoiceCard, &QLineEdit::returnPressed, this, [this] { showInvoicesOf(m_invoiceCard->text().trimmed()); });
    QPushButton *show = button(tr("Show"), tab);
    connect(show, &QPushButton::clicked, this, [this] { showInvoicesOf(m_invoiceCard->text().trimmed()); });
    m_invoiceCustomer = new QLabel(tab);
    m_invoiceCustomer->setWordWrap(true);
    QPushButton *issue = button(tr("Invoice accrued sales"), tab);
    issue->setObjectName(QStringLiteral("issueInvoiceButton"));
    connect(issue, &QPushButton::clicked, this, &BackOfficeWindow::issueInvoice);
    QPushButton *pay = button(tr("Record payment…"), tab);
    connect(pay, &QPushButton::clicked, this, &BackOfficeWindow::recordPayment);
    QPushButton *invoicePdf = button(tr("Save invoice PDF…"), tab);
    invoicePdf->setObjectName(QStringLiteral("invoicePdfButton"));
    connect(invoicePdf, &QPushButton::clicked, this, &BackOfficeWindow::askInvoicePdf);
    QPushButton *statementPdf = button(tr("Statement PDF…"), tab);
    statementPdf->setObjectName(QStringLiteral("statementPdfButton"));
    connect(statementPdf, &QPushButton::clicked, this, &BackOfficeWindow::askStatementPdf);
    m_invoices = makeReadOnlyTable({tr("Invoice"), tr("Issued"), tr("Due"), tr("Amount"), tr("Outstanding"), tr("Status")}, tab);
    m_invoices->setAccessibleName(tr("The customer's invoices"));
    m_overdue = makeReadOnlyTable({tr("Invoice"), tr("Customer"), tr("Due"), tr("Amount"), tr("Outstanding"), tr("Status")}, tab);
    m_overdue->setAccessibleName(tr("Overdue invoices"));
    QPushButton *payOverdue = button(tr("Record payment…"), tab);
    connect(payOverdue, &QPushButton::clicked, this, &BackOfficeWindow::recordOverduePayment);
    m_invoiceMessage = messageLabel(tab);

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_invoiceCard, 1);
    findRow->addWidget(show);
    auto *customerActions = new QHBoxLayout;
    customerActions->addWidget(issue);
    customerActions->addWidget(pay);
    customerActions->addWidget(invoicePdf);
    customerActions->addWidget(statementPdf);
    customerActions->addStretch();
    auto *overdueActions = new QHBoxLayout;
    overdueActions->addWidget(payOverdue);
    overdueActions->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(findRow);
    layout->addWidget(m_invoiceCustomer);
    layout->addWidget(m_invoices, 1);
    layout->addLayout(customerActions);
    layout->addWidget(m_invoiceMessage);
    layout->addWidget(new QLabel(tr("Overdue invoices, all customers (oldest first)"), tab));
    layout->addWidget(m_overdue, 1);
    layout->addLayout(overdueActions);
    return tab;
}

void BackOfficeWindow::fillInvoiceTable(QTableWidget *table, const QList<Invoice> &invoices)
{
    const QDate today = m_session.today();
    table->setRowCount(int(invoices.size()));
    for (int row = 0; row < invoices.size(); ++row) {
        const Invoice &invoice = invoices.at(row);
        QString second = m_session.date(invoice.issued);
        if (table == m_overdue) {
            const Result<Customer> customer = m_session.store().customers().byId(invoice.customerId);
            second = customer ? tr("%1 (%2)").arg(customer->name, customer->card) : invoice.customerId;
        }
        const QString status = invoice.isOverdue(today) ? tr("⚠ Overdue %n day(s)", nullptr, int(invoice.due.daysTo(today)))
                               : invoice.outstanding.isZero() ? tr("Paid")
                                                              : tr("Open");
        table->setItem(row, 0, textCell(invoice.number));
        table->setItem(row, 1, textCell(second));
        table->setItem(row, 2, textCell(m_session.date(invoice.due)));
        table->setItem(row, 3, textCell(m_session.money(invoice.amount), true));
        table->setItem(row, 4, textCell(m_session.money(invoice.outstanding), true));
        table->setItem(row, 5, textCell(status));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
}

void BackOfficeWindow::showInvoicesOf(const QString &card)
{
    m_invoiceCard->setText(card);
    Result<Customer> customer = m_session.store().customers().byCard(card);
    if (!customer) {
        m_invoiceOf.reset();
        m_invoiceRows.clear();
        m_invoices->setRowCount(0);
        m_invoiceCustomer->setText(customer.code() == ErrorCode::NotFound ? tr("No customer with card %1.").arg(card) : customer.message());
        return;
    }
    m_invoiceOf = *customer;
    Result<CreditOverview> overview = m_session.receivables().overview(*customer, m_session.today());
    m_invoiceCustomer->setText(overview ? tr("%1: limit %2, accrued (not invoiced) %3, invoiced %4, overdue %5, available %6")
                                              .arg(customer->name, m_session.money(overview->creditLimit), m_session.money(overview->accrued),
                                                   m_session.money(overview->invoiced), m_session.money(overview->overdue),
                                                   m_session.money(overview->available))
                                        : overview.message());
    Result<QList<Invoice>> invoices = m_session.receivables().invoices(customer->id, false);
    m_invoiceRows = invoices ? *invoices : QList<Invoice>();
    fillInvoiceTable(m_invoices, m_invoiceRows);
    if (!invoices)
        m_invoiceMessage->setText(invoices.message());
}

void BackOfficeWindow::loadOverdue()
{
    Result<QList<Invoice>> overdue = m_session.receivables().overdueInvoices(m_session.today());
    m_overdueRows = overdue ? *overdue : QList<Invoice>();
    fillInvoiceTable(m_overdue, m_overdueRows);
}

QString BackOfficeWindow::invoiceMessage() const
{
    return m_invoiceMessage->text();
}

void BackOfficeWindow::issueInvoice()
{
    if (!m_invoiceOf) {
        m_invoiceMessage->setText(tr("Show a customer first (card number, Enter)."));
        return;
    }
    Result<Invoice> invoice = m_session.receivables().issueInvoice(*m_invoiceOf, m_session.today(), m_session.user().name);
    if (!invoice) {
        m_invoiceMessage->setText(Labels::error(invoice.error()));
        return;
    }
    m_invoiceMessage->setText(tr("Invoice %1 issued for %2, due %3.")
                                  .arg(invoice->number, m_session.money(invoice->amount), m_session.date(invoice->due)));
    showInvoicesOf(m_invoiceOf->card);
    loadOverdue();
    searchCustomers();
}

std::optional<Invoice> BackOfficeWindow::invoiceAt(QTableWidget *table) const
{
    const QList<Invoice> &rows = table == m_overdue ? m_overdueRows : m_invoiceRows;
    const int row = table->currentRow();
    if (row < 0 || row >= rows.size())
        return std::nullopt;
    return rows.at(row);
}

void BackOfficeWindow::recordPayment()
{
    const std::optional<Invoice> invoice = invoiceAt(m_invoices);
    if (!invoice) {
        m_invoiceMessage->setText(tr("Select an invoice first."));
        return;
    }
    openThenRefresh(new InvoicePaymentDialog(m_session, *invoice, this));
}

void BackOfficeWindow::recordOverduePayment()
{
    const std::optional<Invoice> invoice = invoiceAt(m_overdue);
    if (!invoice) {
        m_invoiceMessage->setText(tr("Select an overdue invoice first."));
        return;
    }
    openThenRefresh(new InvoicePaymentDialog(m_session, *invoice, this));
}

void BackOfficeWindow::askInvoicePdf()
{
    const std::optional<Invoice> invoice = invoiceAt(m_invoices);
    if (!invoice) {
        m_invoiceMessage->setText(tr("Select an invoice first."));
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save invoice %1").arg(invoice->number),
                                                      QDir(folder).filePath(invoice->number + QStringLiteral(".pdf")),
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty())
        saveInvoicePdf(invoice->number, path);
}

bool BackOfficeWindow::saveInvoicePdf(const QString &number, const QString &path)
{
    const Result<InvoiceDetails> invoice = m_session.store().accountDocuments().invoice(number);
    if (!invoice) {
        m_invoiceMessage->setText(Labels::error(invoice.error()));
        return false;
    }
    const Result<Documents::PdfWritten> written =
        Documents::writePdf(Documents::invoiceHtml(*invoice, m_session.locale()), tr("Invoice %1").arg(number), path);
    if (!written) {
        m_invoiceMessage->setText(Labels::error(written.error()));
        return false;
    }
    m_invoiceMessage->setText(invoice->shop.name.isEmpty()
                                  ? tr("Saved invoice %1 as %2. The shop's name is not set, so the invoice does not say who it "
                                       "is from: fill in the shop's details under Store settings.")
                                        .arg(number, QDir::toNativeSeparators(written->path))
                                  : tr("Saved invoice %1 as %2.").arg(number, QDir::toNativeSeparators(written->path)));
    return true;
}

void BackOfficeWindow::askStatementPdf()
{
    if (!m_invoiceOf) {
        m_invoiceMessage->setText(tr("Show a customer's invoices first: the statement is of that customer."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Statement for %1").arg(m_invoiceOf->name));
    const QDate today = m_session.today();
    auto *from = new QDateEdit(QDate(today.year(), today.month(), 1).addMonths(-1), &dialog);
    auto *to = new QDateEdit(today, &dialog);
    for (QDateEdit *field : {from, to}) {
        field->setCalendarPopup(true);
        field->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    from->setAccessibleName(tr("From"));
    to->setAccessibleName(tr("To"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&From"), from);
    form->addRow(tr("&To"), to);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QStringLiteral("statement-%1-%2.pdf").arg(m_invoiceOf->card, to->date().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save statement"), QDir(folder).filePath(suggested),
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty())
        saveStatementPdf(from->date(), to->date(), path);
}

bool BackOfficeWindow::saveStatementPdf(const QDate &from, const QDate &to, const QString &path)
{
    if (!m_invoiceOf) {
        m_invoiceMessage->setText(tr("Show a customer's invoices first: the statement is of that customer."));
        return false;
    }
    const Result<Statement> statement = m_session.store().accountDocuments().statement(*m_invoiceOf, from, to);
    if (!statement) {
        m_invoiceMessage->setText(Labels::error(statement.error()));
        return false;
    }
    const Result<Documents::PdfWritten> written = Documents::writePdf(
        Documents::statementHtml(*statement, m_session.locale()), tr("Statement for %1").arg(m_invoiceOf->name), path);
    if (!written) {
        m_invoiceMessage->setText(Labels::error(written.error()));
        return false;
    }
    m_invoiceMessage->setText(tr("Saved the statement of %1 for %2 to %3 (closing balance %4) as %5.")
                                  .arg(m_invoiceOf->name, m_session.locale().toString(from, QLocale::ShortFormat),
                                       m_session.locale().toString(to, QLocale::ShortFormat), m_session.money(statement->closing),
                                       QDir::toNativeSeparators(written->path)));
    return true;
}

// ---- Overrides ----

QWidget *BackOfficeWindow::buildOverridesTab()
{
    auto *tab = new QWidget(this);
    const QDate today = m_session.today();
    m_overridesFrom = new QDateEdit(today.addDays(-kOverrideDaysShown), tab);
    m_overridesFrom->setCalendarPopup(true);
    m_overridesFrom->setAccessibleName(tr("From date"));
    m_overridesTo = new QDateEdit(today, tab);
    m_overridesTo->setCalendarPopup(true);
    m_overridesTo->setAccessibleName(tr("To date"));
    QPushButton *show = button(tr("Show"), tab);
    connect(show, &QPushButton::clicked, this, &BackOfficeWindow::loadOverrides);
    m_overrides = makeReadOnlyTable({tr("When"), tr("Manager"), tr("Cashier"), tr("Customer"), tr("Tender"), tr("Over by"), tr("Sale"),
                                     tr("Reason")},
                                    tab);
    m_overrides->setAccessibleName(tr("Overrides log"));
    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From"), tab));
    range->addWidget(m_overridesFrom);
    range->addWidget(new QLabel(tr("to"), tab));
    range->addWidget(m_overridesTo);
    range->addWidget(show);
    range->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(range);
    layout->addWidget(m_overrides, 1);
    return tab;
}

void BackOfficeWindow::loadOverrides()
{
    const QDateTime from = QDateTime(m_overridesFrom->date(), QTime(0, 0)).toUTC();
    const QDateTime to = QDateTime(m_overridesTo->date().addDays(1), QTime(0, 0)).toUTC();
    Result<QList<OverrideRecord>> records = m_session.checkout().overrides(from, to, kOverrideRowsShown);
    m_overrides->setRowCount(0);
    if (!records) {
        statusBar()->showMessage(records.message());
        return;
    }
    m_overrides->setRowCount(int(records->size()));
    for (int row = 0; row < records->size(); ++row) {
        const OverrideRecord &record = records->at(row);
        const Result<Customer> customer = m_session.store().customers().byId(record.customerId);
        m_overrides->setItem(row, 0, textCell(m_session.dateTime(record.createdUtc)));
        m_overrides->setItem(row, 1, textCell(record.managerName));
        m_overrides->setItem(row, 2, textCell(record.cashierName));
        m_overrides->setItem(row, 3, textCell(customer ? customer->name : record.customerId));
        m_overrides->setItem(row, 4, textCell(Labels::tender(record.tender)));
        m_overrides->setItem(row, 5, textCell(m_session.money(record.amountOver), true));
        m_overrides->setItem(row, 6, textCell(record.saleId));
        m_overrides->setItem(row, 7, textCell(record.reason));
    }
    m_overrides->resizeColumnsToContents();
    m_overrides->horizontalHeader()->setStretchLastSection(true);
}

// ---- Users ----

QWidget *BackOfficeWindow::buildUsersTab()
{
    auto *tab = new QWidget(this);
    m_users = makeReadOnlyTable({tr("Name"), tr("Role"), tr("Largest override"), tr("Wrong PINs"), tr("State")}, tab);
    m_users->setAccessibleName(tr("Users"));
    QPushButton *add = button(tr("Add user…"), tab);
    QPushButton *reset = button(tr("New PIN…"), tab);
    QPushButton *unlock = button(tr("Unlock"), tab);
    connect(add, &QPushButton::clicked, this, &BackOfficeWindow::addUser);
    connect(reset, &QPushButton::clicked, this, &BackOfficeWindow::resetPin);
    connect(unlock, &QPushButton::clicked, this, &BackOfficeWindow::unlockUser);
    m_userMessage = messageLabel(tab);
    auto *actions = new QHBoxLayout;
    actions->addWidget(add);
    actions->addWidget(reset);
    actions->addWidget(unlock);
    actions->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_users, 1);
    layout->addWidget(m_userMessage);
    layout->addLayout(actions);
    return tab;
}

void BackOfficeWindow::loadUsers()
{
    Result<QList<User>> users = m_session.store().users().list();
    m_users->setRowCount(0);
    if (!users) {
        m_userMessage->setText(users.message());
        return;
    }
    const QDateTime now = m_session.nowUtc();
    m_users->setRowCount(int(users->size()));
    for (int row = 0; row < users->size(); ++row) {
        const User &user = users->at(row);
        QString state = user.active ? tr("Active") : tr("Inactive");
        if (user.lockedUntilUtc.isValid() && user.lockedUntilUtc > now)
            state = tr("✖ Locked until %1").arg(m_session.dateTime(user.lockedUntilUtc));
        const QString overrideMax = user.role == Role::Cashier ? QString()
                                    : user.overrideMaxMinorUnits
                                        ? m_session.money(Money(*user.overrideMaxMinorUnits, m_session.currency()))
                                        : tr("no maximum");
        m_users->setItem(row, 0, textCell(user.name));
        m_users->setItem(row, 1, textCell(Labels::role(user.role)));
        m_users->setItem(row, 2, textCell(overrideMax, true));
        m_users->setItem(row, 3, textCell(m_session.locale().toString(user.failedAttempts), true));
        m_users->setItem(row, 4, textCell(state));
    }
    m_users->resizeColumnsToContents();
    m_users->horizontalHeader()->setStretchLastSection(true);
}

bool BackOfficeWindow::selectUser(const QString &name)
{
    for (int row = 0; row < m_users->rowCount(); ++row) {
        if (m_users->item(row, 0)->text() == name) {
            m_users->setCurrentCell(row, 0);
            return true;
        }
    }
    return false;
}

void BackOfficeWindow::addUser()
{
    openThenRefresh(new UserDialog(m_session, this));
}

void BackOfficeWindow::resetPin()
{
    const int row = m_users->currentRow();
    if (row < 0) {
        m_userMessage->setText(tr("Select a user first."));
        return;
    }
    openThenRefresh(new UserDialog(m_session, m_users->item(row, 0)->text(), this));
}

void BackOfficeWindow::unlockUser()
{
    const int row = m_users->currentRow();
    if (row < 0) {
        m_userMessage->setText(tr("Select a user first."));
        return;
    }
    const QString name = m_users->item(row, 0)->text();
    if (Result<void> unlocked = m_session.store().users().unlock(name); !unlocked) {
        m_userMessage->setText(Labels::error(unlocked.error()));
        return;
    }
    m_userMessage->setText(tr("%1 is unlocked.").arg(name));
    loadUsers();
}

// ---- Settings ----

QWidget *BackOfficeWindow::buildSettingsTab()
{
    auto *tab = new QWidget(this);
    const StoreIdentity &identity = m_session.store().identity();
    auto *currency = new QLabel(tr("%1 (chosen when the store was created; it names every amount in the journal)").arg(identity.currency.code()),
                                tab);
    currency->setWordWrap(true);
    m_priceMode = new QComboBox(tab);
    m_priceMode->setAccessibleName(tr("Prices"));
    for (PriceMode mode : {PriceMode::TaxInclusive, PriceMode::TaxExclusive})
        m_priceMode->addItem(Labels::priceMode(mode), int(mode));
    m_cashRounding = new AmountEdit(m_session, tab);
    m_cashRounding->setAccessibleName(tr("Cash rounding"));
    m_limitScope = new QComboBox(tab);
    m_limitScope->setAccessibleName(tr("Credit limit scope"));
    for (LimitScope scope : {LimitScope::Shared, LimitScope::PerStore})
        m_limitScope->addItem(Labels::limitScope(scope), int(scope));
    m_pinFailures = new QSpinBox(tab);
    m_pinFailures->setAccessibleName(tr("Wrong PINs before a lockout"));
    m_pinFailures->setRange(kPinFailuresMin, kPinFailuresMax);
    m_lockoutMinutes = new QSpinBox(tab);
    m_lockoutMinutes->setAccessibleName(tr("Lockout in minutes"));
    m_lockoutMinutes->setRange(1, kPinLockoutSecondsMax / kSecondsPerMinute);
    m_lockoutMinutes->setSuffix(tr(" min"));
    m_shopName = new QLineEdit(tab);
    m_shopName->setAccessibleName(tr("Shop name"));
    m_shopName->setMaxLength(int(kShopNameLengthMax));
    m_shopAddress = new QPlainTextEdit(tab);
    m_shopAddress->setAccessibleName(tr("Shop address"));
    m_shopAddress->setTabChangesFocus(true);
    m_shopAddress->setFixedHeight(m_shopName->sizeHint().height() * 2);
    m_shopOrganisation = new QLineEdit(tab);
    m_shopOrganisation->setAccessibleName(tr("Organisation number"));
    m_shopVat = new QLineEdit(tab);
    m_shopVat->setAccessibleName(tr("VAT number"));
    m_shopBankAccount = new QLineEdit(tab);
    m_shopBankAccount->setAccessibleName(tr("Bank account for payments"));
    for (QLineEdit *field : {m_shopOrganisation, m_shopVat, m_shopBankAccount})
        field->setMaxLength(int(kShopNumberLengthMax));
    m_settingsMessage = messageLabel(tab);
    QPushButton *save = button(tr("Save settings"), tab);
    save->setObjectName(QStringLiteral("saveSettingsButton"));
    connect(save, &QPushButton::clicked, this, &BackOfficeWindow::saveSettings);
    auto *form = new QFormLayout;
    form->addRow(tr("Store"), new QLabel(tr("%1, till %2").arg(identity.storeCode, identity.terminalId), tab));
    form->addRow(tr("Currency"), currency);
    form->addRow(tr("&Prices"), m_priceMode);
    form->addRow(tr("Cash &rounding (smallest coin)"), m_cashRounding);
    form->addRow(tr("Credit &limit applies"), m_limitScope);
    form->addRow(tr("&Wrong PINs before lockout"), m_pinFailures);
    form->addRow(tr("Lockout &time"), m_lockoutMinutes);
    auto *shopHeading = new QLabel(tr("<b>On invoices and statements</b>"), tab);
    form->addRow(shopHeading);
    form->addRow(tr("Shop &name"), m_shopName);
    form->addRow(tr("&Address"), m_shopAddress);
    form->addRow(tr("&Organisation no."), m_shopOrganisation);
    form->addRow(tr("&VAT no."), m_shopVat);
    form->addRow(tr("&Bank account"), m_shopBankAccount);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(m_settingsMessage);
    layout->addWidget(save, 0, Qt::AlignLeft);
    layout->addStretch();
    return tab;
}

void BackOfficeWindow::loadSettings()
{
    const CheckoutSettings &settings = m_session.store().checkoutSettings();
    m_priceMode->setCurrentIndex(m_priceMode->findData(int(settings.priceMode)));
    m_cashRounding->setAmount(Money(settings.cashRoundingMinorUnits, m_session.currency()));
    m_limitScope->setCurrentIndex(m_limitScope->findData(int(settings.limitScope)));
    m_pinFailures->setValue(settings.pinFailuresMax);
    m_lockoutMinutes->setValue(settings.pinLockoutSeconds / kSecondsPerMinute);
    const Result<ShopDetails> shop = m_session.store().shopDetails();
    if (!shop) {
        m_settingsMessage->setText(Labels::error(shop.error()));
        return;
    }
    m_shopName->setText(shop->name);
    m_shopAddress->setPlainText(shop->address);
    m_shopOrganisation->setText(shop->organisationNumber);
    m_shopVat->setText(shop->vatNumber);
    m_shopBankAccount->setText(shop->bankAccount);
}

QString BackOfficeWindow::settingsMessage() const
{
    return m_settingsMessage->text();
}

void BackOfficeWindow::reloadSettings()
{
    // Saving writes every field of the form, so a form loaded before the change would put the
    // old values back over the chain's new ones (and send them to every till).
    loadSettings();
    m_settingsMessage->setText(tr("The settings were changed at another till; the form shows them as they are now in force."));
    searchCustomers(); // the limit scope changes what is available
}

void BackOfficeWindow::saveSettings()
{
    const Result<Money> rounding = m_cashRounding->amount();
    if (!rounding) {
        m_settingsMessage->setText(tr("Cash rounding: %1").arg(rounding.message()));
        return;
    }
    CheckoutSettings settings = m_session.store().checkoutSettings();
    settings.priceMode = PriceMode(m_priceMode->currentData().toInt());
    settings.cashRoundingMinorUnits = rounding->minorUnits();
    settings.limitScope = LimitScope(m_limitScope->currentData().toInt());
    settings.pinFailuresMax = m_pinFailures->value();
    settings.pinLockoutSeconds = m_lockoutMinutes->value() * kSecondsPerMinute;
    const ShopDetails shop{m_shopName->text().trimmed(), m_shopAddress->toPlainText().trimmed(), m_shopOrganisation->text().trimmed(),
                           m_shopVat->text().trimmed(), m_shopBankAccount->text().trimmed()};
    // Checked before either is saved: a refused field leaves both as they were.
    if (Result<void> valid = validateShopDetails(shop); !valid) {
        m_settingsMessage->setText(Labels::error(valid.error()));
        return;
    }
    if (Result<void> saved = m_session.store().setCheckoutSettings(settings); !saved) {
        m_settingsMessage->setText(Labels::error(saved.error()));
        return;
    }
    if (Result<void> saved = m_session.store().setShopDetails(shop); !saved) {
        m_settingsMessage->setText(Labels::error(saved.error()));
        return;
    }
    m_settingsMessage->setText(tr("Saved. The till uses the new settings from the next sale."));
    searchCustomers(); // the limit scope changes what is available
}

// ---- Export ----

QWidget *BackOfficeWindow::buildExportTab()
{
    auto *tab = new QWidget(this);
    m_exportFormat = new QComboBox(tab);
    m_exportFormat->setAccessibleName(tr("Export format"));
    m_exportFormat->addItem(tr("Journal for hledger / ledger (.journal)"), int(ExportFormat::Ledger));
    m_exportFormat->addItem(tr("CSV, one row per posting (.csv)"), int(ExportFormat::Csv));
    m_exportPath = new QLineEdit(tab);
    m_exportPath->setAccessibleName(tr("Export file"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_exportPath->setText(folder + QStringLiteral("/slate-%1.journal").arg(m_session.today().toString(Qt::ISODate)));
    connect(m_exportFormat, &QComboBox::currentIndexChanged, this, [this] {
        QString path = m_exportPath->text();
        const bool csv = ExportFormat(m_exportFormat->currentData().toInt()) == ExportFormat::Csv;
        if (path.endsWith(QStringLiteral(".journal")) && csv)
            path = path.chopped(8) + QStringLiteral(".csv");
        else if (path.endsWith(QStringLiteral(".csv")) && !csv)
            path = path.chopped(4) + QStringLiteral(".journal");
        m_exportPath->setText(path);
    });
    QPushButton *browse = button(tr("Choose…"), tab);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_exportPath->text());
        if (!path.isEmpty())
            m_exportPath->setText(path);
    });
    m_exportBar = new QProgressBar(tab);
    m_exportBar->setAccessibleName(tr("Export progress"));
    m_exportBar->setRange(0, 1);
    m_exportBar->setValue(0);
    m_exportButton = button(tr("Export"), tab);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    connect(m_exportButton, &QPushButton::clicked, this, &BackOfficeWindow::exportJournal);
    m_exportCancel = button(tr("Cancel export"), tab);
    m_exportCancel->setEnabled(false);
    connect(m_exportCancel, &QPushButton::clicked, this, [this] { m_exportCancelled = true; });
    m_exportMessage = messageLabel(tab);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_exportPath, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format"), m_exportFormat);
    form->addRow(tr("F&ile"), pathRow);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_exportButton);
    actions->addWidget(m_exportCancel);
    actions->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(m_exportBar);
    layout->addLayout(actions);
    layout->addWidget(m_exportMessage);
    layout->addStretch();
    return tab;
}

QString BackOfficeWindow::exportMessage() const
{
    return m_exportMessage->text();
}

void BackOfficeWindow::exportJournal()
{
    const QString path = m_exportPath->text().trimmed();
    if (path.isEmpty()) {
        m_exportMessage->setText(tr("Choose a file to export to."));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_exportMessage->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    // The export runs on this thread (the database connection belongs to it); the progress
    // callback keeps the window alive and lets the manager cancel. Everything but Cancel is
    // disabled meanwhile so nothing else touches the store halfway.
    m_exportCancelled = false;
    m_tabs->tabBar()->setEnabled(false);
    m_exportButton->setEnabled(false);
    m_exportCancel->setEnabled(true);
    m_exportBar->setRange(0, 0);
    m_exportMessage->setText(tr("Exporting…"));
    const ExportProgress progress = [this](qint64 done, qint64 total) {
        m_exportBar->setRange(0, int(std::min<qint64>(total, INT_MAX)));
        m_exportBar->setValue(int(std::min<qint64>(done, INT_MAX)));
        QApplication::processEvents();
        return !m_exportCancelled;
    };
    const Result<qint64> written = m_session.store().exporter().write(ExportFormat(m_exportFormat->currentData().toInt()), file, progress);
    m_tabs->tabBar()->setEnabled(true);
    m_exportButton->setEnabled(true);
    m_exportCancel->setEnabled(false);
    if (!written || m_exportCancelled) {
        file.cancelWriting();
        m_exportBar->setRange(0, 1);
        m_exportBar->setValue(0);
        m_exportMessage->setText(m_exportCancelled ? tr("Export cancelled; no file was written.") : Labels::error(written.error()));
        return;
    }
    if (!file.commit()) {
        m_exportMessage->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_exportBar->setRange(0, 1);
    m_exportBar->setValue(1);
    m_exportMessage->setText(tr("Exported %n entries to %1.", nullptr, int(std::min<qint64>(*written, INT_MAX))).arg(path));
}

} // namespace Slate::Ui
