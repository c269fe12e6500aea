#pragma once
// StoreCreditService: a customer's prepaid wallet. Every change is one journal entry; the wallet
// is the negated balance of liabilities:store-credit:<customer>, read from the maintained
// balance, never by scanning the journal.

#include "ledger/accounts.h"
#include "customers/customer.h"
#include "ledger/journal.h"

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
    StoreCreditService(Database &database, Journal &journal) : m_database(database), m_journal(journal) {}

    // The customer pays `amount` (> 0) through a payment journal; the wallet grows by it.
    // Dr the journal's account, Cr liabilities:store-credit:<customer>.
    Result<JournalEntry> topUp(const Customer &customer, const Money &amount, PaymentJournal journal,
                               const QString &note, const QString &userName);
    // A manager's correction without payment (either sign, with a required reason), against
    // expenses:credit-adjustments. Refused if it would take the wallet below zero.
    Result<JournalEntry> adjust(const Customer &customer, const Money &amount, const QString &reason,
                                const QString &userName);

    Result<Money> wallet(const QString &customerId) const;
    // The newest rowsMax entries that moved the wallet, oldest first, with the running balance.
    Result<QList<WalletHistoryRow>> history(const QString &customerId, int rowsMax = 1000) const;

private:
    Result<void> checkCurrency(const Money &amount) const;

    Database &m_database;
    Journal &m_journal;
};

} // namespace Slate::Core
