#pragma once
// RefundDialog: return lines of an earlier sale, found by receipt number or from the attached
// customer's recent sales, paid back to store credit, in cash or to the original tenders.
// CheckoutService::refund decides what may be returned and posts the reversing entry.

#include "session.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Slate::Ui {

class RefundDialog : public QDialog {
    Q_OBJECT
public:
    // customer: the customer attached at the till, if any (their sales are listed).
    RefundDialog(Session &session, const std::optional<Core::Customer> &customer, QWidget *parent = nullptr);

    QLineEdit *receiptField() const { return m_receiptNumber; }
    QTableWidget *salesTable() const { return m_sales; }
    QTableWidget *linesTable() const { return m_lines; }
    QString errorText() const;
    // Loads a sale by its receipt number.
    void findSale(const QString &saleId);
    void setReturnQuantity(int line, qint64 quantity);
    void setDestination(Core::RefundTo to);
    QLineEdit *reasonField() const { return m_reason; }
    // Posts the refund; on success accepts.
    void submit();

    const std::optional<Core::RefundReceipt> &receipt() const { return m_receipt; }
    // The customer whose credit the refund went to, if any.
    std::optional<Core::Customer> refundCustomer() const;

private:
    void loadCustomerSales();
    void showSale(const Core::SaleRecord &sale);

    Session &m_session;
    std::optional<Core::Customer> m_customer;
    std::optional<Core::SaleRecord> m_sale;
    QList<Core::SaleRecord> m_customerSales;
    QLineEdit *m_receiptNumber = nullptr;
    QTableWidget *m_sales = nullptr;
    QTableWidget *m_lines = nullptr;
    QButtonGroup *m_destination = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_saleLabel = nullptr;
    QLabel *m_error = nullptr;
    std::optional<Core::RefundReceipt> m_receipt;
};

} // namespace Slate::Ui
