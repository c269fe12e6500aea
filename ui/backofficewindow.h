#pragma once
// BackOfficeWindow: the manager's side of the same app, opened with a manager's PIN. Customers
// with their credit (search, sort, terms, credit details, "update with accounting entry",
// adjustments), invoices (invoice accrued sales, record payments, overdue, invoice and statement
// PDFs), the overrides log,
// users (add, new PIN, unlock), store settings and the journal export. Every change goes through
// the core service that owns it and is recorded under the manager's name.

#include "session.h"

#include <QMainWindow>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace Slate::Ui {

class AmountEdit;
class CustomerCreditModel;

class BackOfficeWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Tab { CustomersTab, InvoicesTab, OverridesTab, UsersTab, SettingsTab, ExportTab };
    // manager: who opened the back office; every entry made here names them.
    BackOfficeWindow(const Session &session, const Core::User &manager, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    const Session &session() const { return m_session; }

    // Customers
    QLineEdit *customerSearch() const { return m_customerSearch; }
    QTableView *customerView() const { return m_customerView; }
    CustomerCreditModel *customerModel() const { return m_customers; }
    void searchCustomers();
    bool selectCustomer(const QString &card);
    void editTerms();
    void creditDetails();
    void updateWithAccountingEntry();
    void adjustCredit();

    // Invoices
    void showInvoicesOf(const QString &card);
    void issueInvoice();
    void recordPayment();
    void recordOverduePayment();
    QTableWidget *invoiceTable() const { return m_invoices; }
    QTableWidget *overdueTable() const { return m_overdue; }
    QString invoiceMessage() const;
    // The PDF of an invoice, and of the shown customer's statement for a period, written to
    // `path` (the buttons ask for it with a file dialog); the message says where, or why not.
    bool saveInvoicePdf(const QString &number, const QString &path);
    bool saveStatementPdf(const QDate &from, const QDate &to, const QString &path);

    // Overrides
    void loadOverrides();
    QTableWidget *overrideTable() const { return m_overrides; }

    // Users
    void loadUsers();
    void addUser();
    void resetPin();
    void unlockUser();
    bool selectUser(const QString &name);
    QTableWidget *userTable() const { return m_users; }

    // Settings
    QComboBox *priceModeField() const { return m_priceMode; }
    AmountEdit *cashRoundingField() const { return m_cashRounding; }
    QComboBox *limitScopeField() const { return m_limitScope; }
    QSpinBox *pinFailuresField() const { return m_pinFailures; }
    QSpinBox *lockoutMinutesField() const { return m_lockoutMinutes; }
    // What invoices and statements print about the shop (saved with the settings).
    QLineEdit *shopNameField() const { return m_shopName; }
    QPlainTextEdit *shopAddressField() const { return m_shopAddress; }
    QLineEdit *shopOrganisationField() const { return m_shopOrganisation; }
    QLineEdit *shopVatField() const { return m_shopVat; }
    QLineEdit *shopBankAccountField() const { return m_shopBankAccount; }
    void saveSettings();
    QString settingsMessage() const;
    // The store's settings changed elsewhere (a sync round pulled them): the form shows them,
    // and the customer list what is available under them.
    void reloadSettings();

    // Export
    QLineEdit *exportPathField() const { return m_exportPath; }
    QComboBox *exportFormatField() const { return m_exportFormat; }
    QProgressBar *exportProgress() const { return m_exportBar; }
    void exportJournal();
    QString exportMessage() const;

private:
    QWidget *buildCustomersTab();
    QWidget *buildInvoicesTab();
    QWidget *buildOverridesTab();
    QWidget *buildUsersTab();
    QWidget *buildSettingsTab();
    QWidget *buildExportTab();
    std::optional<Core::Customer> selectedCustomer();
    std::optional<Core::Invoice> invoiceAt(QTableWidget *table) const;
    void loadSettings();
    void loadOverdue();
    void fillInvoiceTable(QTableWidget *table, const QList<Core::Invoice> &invoices);
    void askInvoicePdf();
    void askStatementPdf();
    template <typename Dialog>
    void openThenRefresh(Dialog *dialog);

    Session m_session;
    QTabWidget *m_tabs = nullptr;
    // Customers
    QLineEdit *m_customerSearch = nullptr;
    QTableView *m_customerView = nullptr;
    CustomerCreditModel *m_customers = nullptr;
    QSortFilterProxyModel *m_customerSort = nullptr;
    QLabel *m_customerMessage = nullptr;
    // Invoices
    QLineEdit *m_invoiceCard = nullptr;
    QLabel *m_invoiceCustomer = nullptr;
    QTableWidget *m_invoices = nullptr;
    QTableWidget *m_overdue = nullptr;
    QLabel *m_invoiceMessage = nullptr;
    std::optional<Core::Customer> m_invoiceOf;
    QList<Core::Invoice> m_invoiceRows;
    QList<Core::Invoice> m_overdueRows;
    // Overrides
    QDateEdit *m_overridesFrom = nullptr;
    QDateEdit *m_overridesTo = nullptr;
    QTableWidget *m_overrides = nullptr;
    // Users
    QTableWidget *m_users = nullptr;
    QLabel *m_userMessage = nullptr;
    // Settings
    QComboBox *m_priceMode = nullptr;
    AmountEdit *m_cashRounding = nullptr;
    QComboBox *m_limitScope = nullptr;
    QSpinBox *m_pinFailures = nullptr;
    QSpinBox *m_lockoutMinutes = nullptr;
    QLineEdit *m_shopName = nullptr;
    QPlainTextEdit *m_shopAddress = nullptr;
    QLineEdit *m_shopOrganisation = nullptr;
    QLineEdit *m_shopVat = nullptr;
    QLineEdit *m_shopBankAccount = nullptr;
    QLabel *m_settingsMessage = nullptr;
    // Export
    QComboBox *m_exportFormat = nullptr;
    QLineEdit *m_exportPath = nullptr;
    QProgressBar *m_exportBar = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_exportCancel = nullptr;
    QLabel *m_exportMessage = nullptr;
    bool m_exportCancelled = false;
};

} // namespace Slate::Ui
