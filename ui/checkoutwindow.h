#pragma once
// CheckoutWindow: the till. Keyboard first — the scan field always has the focus: a barcode
// (a keyboard-wedge scanner types it and presses Enter) adds the product, "3*code" adds three,
// a customer card number attaches the customer, other text searches the catalog. Big buttons
// with their F-keys for everything else; the customer's credit card stays in view while scanning.
// Every sum and verdict comes from core; this window shows them and forwards what the cashier asks.

#include "cartmodel.h"
#include "session.h"
#include "syncindicator.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Slate::Ui {

class BackOfficeWindow;
class CustomerCard;

// A sale put aside (F7) to serve someone else first; F8 brings it back.
struct ParkedSale {
    QList<CartLine> lines;
    std::optional<Core::Customer> customer;
    QDateTime parkedUtc;
};

class CheckoutWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit CheckoutWindow(Session &session, QWidget *parent = nullptr);
    ~CheckoutWindow() override;

    QLineEdit *scanField() const { return m_scan; }
    QTableView *cartView() const { return m_cartView; }
    CartModel *cart() const { return m_cart; }
    CustomerCard *customerCard() const { return m_card; }
    QString messageText() const;
    QString totalText() const;
    QString syncStatusText() const;
    int parkedCount() const { return int(m_parked.size()); }
    const std::optional<Core::Customer> &customer() const { return m_customer; }
    // Parked sales outlive the window (a cashier change must not lose them).
    const QList<ParkedSale> &parkedSales() const { return m_parked; }
    void setParkedSales(const QList<ParkedSale> &parked);

    // What the scan field does with Enter.
    void submitScan(const QString &text);
    void attachCustomer(const std::optional<Core::Customer> &customer);
    void setSyncIndicator(const SyncIndicator &indicator);
    // The store's checkout settings changed while the till runs (a sync round pulled them): the
    // sale's total, the customer's card and any open payment dialog or back office were worked
    // out with the old ones, so they are worked out again.
    void reloadSettings();

    // The F-key actions.
    void chooseCustomer();  // F2
    void detachCustomer();  // Shift+F2
    void editQuantity();    // F3
    void editDiscount();    // F4
    void topUp();           // F5
    void refund();          // F6
    void park();            // F7
    void recall();          // F8
    void customerDetails(); // F9
    void openBackOffice();  // F10
    void voidLast();        // F11: the last sale or top-up, with a manager's PIN
    void dayEnd();          // Shift+F10: float, cash in and out, X and Z reports
    void pay();             // F12
    void removeLine();      // Del
    void clearSale();       // Ctrl+Del

signals:
    void logoutRequested();
    // A sale, top-up or refund was written to the journal (sync has something new to send).
    void journalChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPushButton *addAction(const QString &key, const QString &label, const QKeySequence &shortcut, void (CheckoutWindow::*slot)(),
                           const QString &objectName);
    void showMessage(const QString &text, bool problem);
    void showTotals();
    void refocus();
    int currentRow() const;
    void selectRow(int row);
    void addProduct(const Core::Product &product, qint64 quantity);
    void showReceipt(const QString &title, const QString &html);
    void updateStatus();
    template <typename Then>
    void withCustomer(Then then);

    Session &m_session;
    CartModel *m_cart = nullptr;
    QLineEdit *m_scan = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_cartView = nullptr;
    CustomerCard *m_card = nullptr;
    QPushButton *m_detach = nullptr;
    QLabel *m_itemCount = nullptr;
    QLabel *m_tax = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_syncStatus = nullptr;
    QLabel *m_userStatus = nullptr;
    QLabel *m_parkedStatus = nullptr;
    std::optional<Core::Customer> m_customer;
    QList<ParkedSale> m_parked;
    QPointer<BackOfficeWindow> m_backOffice;
};

} // namespace Slate::Ui
