#pragma once
// StoreCreditService: a customer's prepaid wallet. Every change is one journal entry; the wallet
// is the negated balance of liabilities:store-credit:<customer>, read from the maintained
// balance, never by scanning the journal. No top-up, adjustment or refund to credit takes a
// wallet above the store's maximum (CheckoutSettings::walletMaxMinorUnits), whoever makes it;
// who may top up how much is the checkout's rule (checkout/topups.h), on top of this.

#include "ledger/accounts.h"
#include "customers/customer.h"
#include "ledger/journal.h"
#include "settings/checkoutsettings.h"

#include <QList>

namespace Slate::Core {

struct WalletHistoryRow {
    QString entryId;
    QDateTime createdUtc;
    EntryKind kind = EntryKind::TopUp;
    Money amount;          // + into the wallet, - out of it
    Money runningBalance;  // the wallet after this entry
    QString userName;
    QString note;
};

constexpr int kHistoryRowsMax = 10000;

class StoreCreditService {
public:
    StoreCreditService(Database &database, Journal &journal, const CheckoutSettings &settings)
        : m_database(database), m_journal(journal), m_settings(settings)
    {
    }

    // The customer pays `amount` (> 0) through a payment journal; the wallet grows by it.
    // Dr the journal's account, Cr liabilities:store-credit:<customer>.
    Result<JournalEntry> topUp(const Customer &customer, const Money &amount, PaymentJournal journal,
                               const QString &note, const QString &userName);
    // A manager's correction without payment (either sign, with a required reason), against
    // expenses:credit-adjustments. Refused if it would take the wallet below zero.
    Result<JournalEntry> adjust(const Customer &customer, const Money &amount, const QString &reason,
                                const QString &userName);

    Result<Money> wallet(const QString &customerId) const;
    // Refuses (NotPermitted, naming what could still be added) when adding `amount` to a wallet
    // holding `before` would take it above the store's maximum.
    Result<void> checkWalletMax(const Customer &customer, const Money &before, const Money &amount) const;
    // The newest rowsMax entries that moved the wallet, oldest first, with the running balance.
    Result<QList<WalletHistoryRow>> history(const QString &customerId, int rowsMax = 1000) const;

private:
    Result<void> checkCurrency(const Money &amount) const;

    Database &m_database;
    Journal &m_journal;
    const CheckoutSettings &m_settings;
};

} // namespace Slate::Core
