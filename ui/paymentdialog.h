#pragma once
// PaymentDialog: take payment for the sale in any mix of store credit, account, card and cash.
// Every change asks CheckoutService::quote what the sale would be — remaining, change, and the
// verdict on each tender — and shows it; a refused tender says why next to it and offers a
// manager override for that tender only. "Complete" commits through CheckoutService::sale, and
// only a committed sale yields a receipt.

#include "session.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QPushButton;
class QGridLayout;
class QHBoxLayout;

namespace Slate::Ui {

class AmountEdit;

class PaymentDialog : public QDialog {
    Q_OBJECT
public:
    // request: the cashier, the customer (may be empty) and the lines; tenders are added here.
    PaymentDialog(Session &session, const Core::SaleRequest &request, QWidget *parent = nullptr);

    AmountEdit *tenderField(Core::TenderKind kind) const;
    QString tenderMessage(Core::TenderKind kind) const;
    QPushButton *overrideButton(Core::TenderKind kind) const;
    QPushButton *completeButton() const { return m_complete; }
    QString remainingText() const;
    QString changeText() const;
    QString problemText() const;
    const std::optional<Core::SaleQuote> &quote() const { return m_quote; }
    // The committed sale, after accept().
    const std::optional<Core::SaleReceipt> &receipt() const { return m_receipt; }

    // Fills a tender with what is still to pay (store credit: no more than core lets it take,
    // which with an overdraft is more than the wallet).
    void fillTender(Core::TenderKind kind);
    // Opens the override dialog for a refused tender.
    void requestOverride(Core::TenderKind kind);
    // Commits the sale if the quote is complete.
    void complete();
    // Asks core again after the store's checkout settings changed under the open dialog (price
    // mode, cash rounding, limit scope, offline cap): figures, verdicts and the credit suggestion.
    void reloadSettings();

private:
    struct TenderRow {
        QPushButton *button = nullptr;
        AmountEdit *field = nullptr;
        QLabel *message = nullptr;
        QPushButton *override = nullptr;
    };
    void addRow(Core::TenderKind kind, const QString &shortcut, QGridLayout *grid, int row);
    Core::Result<Core::SaleRequest> requestWithTenders() const;
    void requote();
    void showQuote(const Core::SaleQuote &quote);
    void updateQuickCash(const Core::Money &cashDue);
    QString problemFor(const Core::SaleQuote &quote) const;
    void adjustPrefilledCredit();
    std::optional<Core::TenderCheck> creditCheck() const;
    void showCreditAvailable(const Core::SaleQuote &quote);

    Session &m_session;
    Core::SaleRequest m_request;
    std::optional<Core::Customer> m_customer;
    std::optional<Core::Money> m_wallet;
    std::optional<Core::Money> m_dueAmount;
    bool m_creditPrefilled = false; // the credit amount is still the dialog's suggestion
    QHash<int, TenderRow> m_rows;
    QHash<int, Core::OverrideGrant> m_grants;
    QLabel *m_due = nullptr;
    QLabel *m_remaining = nullptr;
    QLabel *m_change = nullptr;
    QLabel *m_problem = nullptr;
    QHBoxLayout *m_quickCash = nullptr;
    QPushButton *m_complete = nullptr;
    std::optional<Core::SaleQuote> m_quote;
    std::optional<Core::SaleReceipt> m_receipt;
};

} // namespace Slate::Ui
