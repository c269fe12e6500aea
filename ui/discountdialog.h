#pragma once
// DiscountDialog: F4 — a discount off the selected line, typed as a percentage ("30%") or an
// amount. Core works the amount out (discountForPercent) and says whether the cashier may give it
// alone (checkDiscount); beyond the cashier's maximum the manager's fields appear and core's
// authorizeDiscount turns the manager's PIN into a single-use grant that the sale carries.

#include "session.h"

#include <QDialog>

class QLabel;

namespace Slate::Ui {

class AmountEdit;
class ManagerPinFields;

class DiscountDialog : public QDialog {
    Q_OBJECT
public:
    // line: price x quantity of the line, before any discount.
    DiscountDialog(Session &session, const QString &itemName, const Core::Money &line,
                   const std::optional<Core::Money> &current, QWidget *parent = nullptr);

    AmountEdit *discountField() const { return m_discount; }
    ManagerPinFields *managerFields() const { return m_fields; }
    bool needsManager() const { return m_needsManager; }
    QString errorText() const;
    // Works the discount out and checks it; within the bound (or with a manager's grant) accepts.
    void submit();
    // After accept(): the discount (nothing: none) and the grant, when a manager authorised it.
    const std::optional<Core::Money> &discount() const { return m_result; }
    const std::optional<Core::OverrideGrant> &grant() const { return m_grant; }

private:
    Core::Result<Core::Money> typedDiscount() const;
    void showError(const QString &text);

    Session &m_session;
    Core::Money m_line;
    AmountEdit *m_discount = nullptr;
    QLabel *m_error = nullptr;
    ManagerPinFields *m_fields = nullptr;
    bool m_needsManager = false;
    std::optional<Core::Money> m_result;
    std::optional<Core::OverrideGrant> m_grant;
};

} // namespace Slate::Ui
