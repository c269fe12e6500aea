#include "refunddialog.h"

#include "labels.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Slate::Ui {

using namespace Slate::Core;

namespace {
constexpr int kCustomerSalesShown = 20;
enum LineColumn { ItemColumn, SoldColumn, ReturnedColumn, ReturnColumn, LineColumnCount };

QTableWidget *makeTable(int columns, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}
} // namespace

RefundDialog::RefundDialog(Session &session, const std::optional<Customer> &customer, QWidget *parent)
    : QDialog(parent), m_session(session), m_customer(customer)
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Refund or return"));
    m_receiptNumber = new QLineEdit(this);
    m_receiptNumber->setObjectName(QStringLiteral("receiptNumberField"));
    m_receiptNumber->setAccessibleName(tr("Receipt number"));
    m_receiptNumber->setPlaceholderText(tr("Scan or type the receipt number, e.g. T1-000042"));
    auto *find = new QPushButton(tr("Find"), this);
    find->setAutoDefault(false);
    connect(find, &QPushButton::clicked, this, [this] { findSale(m_receiptNumber->text().trimmed()); });
    connect(m_receiptNumber, &QLineEdit::returnPressed, this, [this] { findSale(m_receiptNumber->text().trimmed()); });
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_receiptNumber, 1);
    findRow->addWidget(find);

    m_sales = makeTable(3, {tr("Receipt"), tr("Date"), tr("Total")}, this);
    m_sales->setAccessibleName(tr("The customer's recent sales"));
    m_sales->setMaximumHeight(180);
    connect(m_sales, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_customerSales.size())
            showSale(m_customerSales.at(row));
    });

    m_saleLabel = new QLabel(tr("No sale chosen."), this);
    m_saleLabel->setWordWrap(true);
    m_lines = makeTable(LineColumnCount, {tr("Item"), tr("Sold"), tr("Returned before"), tr("Return now")}, this);
    m_lines->setAccessibleName(tr("Lines of the sale"));

    m_destination = new QButtonGroup(this);
    auto *destinations = new QHBoxLayout;
    for (RefundTo to : {RefundTo::Credit, RefundTo::Cash, RefundTo::Original}) {
        auto *radio = new QRadioButton(Labels::refundTo(to), this);
        m_destination->addButton(radio, int(to));
        destinations->addWidget(radio);
    }
    m_destination->button(int(customer ? RefundTo::Credit : RefundTo::Original))->setChecked(true);
    m_reason = new QLineEdit(this);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("e.g. damaged, wrong size"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Pay back"), destinations);
    form->addRow(tr("&Reason"), m_reason);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Refund"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("refundButton"));
    ok->setAutoDefault(false);
    buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(ok, &QPushButton::clicked, this, &RefundDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(findRow);
    if (customer) {
        layout->addWidget(new QLabel(tr("Recent sales of %1:").arg(customer->name), this));
        layout->addWidget(m_sales);
    } else {
        m_sales->hide();
    }
    layout->addWidget(m_saleLabel);
    layout->addWidget(m_lines, 1);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(820, 640);
    loadCustomerSales();
    m_receiptNumber->setFocus();
}

QString RefundDialog::errorText() const
{
    return m_error->text();
}

void RefundDialog::loadCustomerSales()
{
    if (!m_customer)
        return;
    Result<QList<SaleRecord>> sales = m_session.checkout().salesOfCustomer(m_customer->id, kCustomerSalesShown);
    if (!sales) {
        m_error->setText(sales.message());
        return;
    }
    m_customerSales = *sales;
    m_sales->setRowCount(int(m_customerSales.size()));
    for (int row = 0; row < m_customerSales.size(); ++row) {
        const SaleRecord &sale = m_customerSales.at(row);
        m_sales->setItem(row, 0, new QTableWidgetItem(sale.saleId));
        m_sales->setItem(row, 1, new QTableWidgetItem(m_session.dateTime(sale.createdUtc)));
        auto *total = new QTableWidgetItem(m_session.money(sale.total));
        total->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_sales->setItem(row, 2, total);
    }
    m_sales->resizeColumnsToContents();
}

void RefundDialog::findSale(const QString &saleId)
{
    if (saleId.isEmpty())
        return;
    Result<SaleRecord> sale = m_session.checkout().saleById(saleId);
    if (!sale) {
        m_error->setText(sale.code() == ErrorCode::NotFound ? tr("No sale with receipt number %1.").arg(saleId) : sale.message());
        return;
    }
    m_error->clear();
    showSale(*sale);
}

void RefundDialog::showSale(const SaleRecord &sale)
{
    m_sale = sale;
    QString customerText;
    if (!sale.customerId.isEmpty()) {
        if (Result<Customer> customer = m_session.store().customers().byId(sale.customerId))
            customerText = tr(", customer %1").arg(customer->name);
    }
    m_saleLabel->setText(tr("Sale %1 of %2, total %3%4")
                             .arg(sale.saleId, m_session.dateTime(sale.createdUtc), m_session.money(sale.total), customerText));
    m_lines->setRowCount(int(sale.lines.size()));
    for (int row = 0; row < sale.lines.size(); ++row) {
        const SoldLine &line = sale.lines.at(row);
        m_lines->setItem(row, ItemColumn, new QTableWidgetItem(line.priced.input.name));
        m_lines->setItem(row, SoldColumn, new QTableWidgetItem(m_session.locale().toString(line.priced.input.quantity)));
        m_lines->setItem(row, ReturnedColumn, new QTableWidgetItem(m_session.locale().toString(line.refundedQuantity)));
        auto *spin = new QSpinBox(m_lines);
        spin->setRange(0, int(std::min<qint64>(line.priced.input.quantity, 1000000)));
        spin->setAccessibleName(tr("Return quantity of %1").arg(line.priced.input.name));
        m_lines->setCellWidget(row, ReturnColumn, spin);
    }
    m_lines->resizeColumnsToContents();
    m_lines->horizontalHeader()->setStretchLastSection(true);
}

void RefundDialog::setReturnQuantity(int line, qint64 quantity)
{
    if (auto *spin = qobject_cast<QSpinBox *>(m_lines->cellWidget(line, ReturnColumn)))
        spin->setValue(int(quantity));
}

void RefundDialog::setDestination(RefundTo to)
{
    if (QAbstractButton *button = m_destination->button(int(to)))
        button->setChecked(true);
}

std::optional<Customer> RefundDialog::refundCustomer() const
{
    if (m_sale && !m_sale->customerId.isEmpty()) {
        if (Result<Customer> customer = m_session.store().customers().byId(m_sale->customerId))
            return *customer;
    }
    return m_customer;
}

void RefundDialog::submit()
{
    if (!m_sale) {
        m_error->setText(tr("Find the sale first: scan its receipt number or pick one of the customer's sales."));
        return;
    }
    RefundRequest request;
    request.saleId = m_sale->saleId;
    request.cashierName = m_session.user().name;
    request.to = RefundTo(m_destination->checkedId());
    request.reason = m_reason->text().trimmed();
    if (m_sale->customerId.isEmpty() && m_customer)
        request.customerId = m_customer->id;
    for (int row = 0; row < m_sale->lines.size(); ++row) {
        const auto *spin = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, ReturnColumn));
        if (spin && spin->value() > 0)
            request.lines.append(RefundLineRequest{m_sale->lines.at(row).priced.input.sku, spin->value()});
    }
    if (request.lines.isEmpty()) {
        m_error->setText(tr("Set how many of which item come back."));
        return;
    }
    Result<RefundReceipt> receipt = m_session.checkout().refund(request);
    if (!receipt) {
        m_error->setText(Labels::error(receipt.error()));
        return;
    }
    m_receipt = *receipt;
    accept();
}

} // namespace Slate::Ui
