#pragma once
// TermsDialog: a customer's credit terms in the back office — credit limit, whether the wallet
// may go below zero and by how much, payment terms, blocked. CustomerDirectory::setTerms
// validates and saves them.

#include "session.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace Slate::Ui {

class AmountEdit;

class TermsDialog : public QDialog {
    Q_OBJECT
public:
    TermsDialog(const Session &session, const Core::Customer &customer, QWidget *parent = nullptr);

    AmountEdit *limitField() const { return m_limit; }
    QCheckBox *overdraftAllowed() const { return m_overdraftAllowed; }
    AmountEdit *overdraftField() const { return m_overdraft; }
    QSpinBox *termsField() const { return m_terms; }
    QCheckBox *blockedField() const { return m_blocked; }
    QString errorText() const;
    void save();
    const Core::Customer &customer() const { return m_customer; }

private:
    const Session &m_session;
    Core::Customer m_customer;
    AmountEdit *m_limit = nullptr;
    QCheckBox *m_overdraftAllowed = nullptr;
    AmountEdit *m_overdraft = nullptr;
    QSpinBox *m_terms = nullptr;
    QCheckBox *m_blocked = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Slate::Ui
