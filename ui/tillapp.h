#pragma once
// TillApp: the cashier app's flow — log in, work at the checkout window, log out and back to the
// login screen. The executable creates one over an open Store; nothing else is global.

#include "checkoutwindow.h"
#include "logindialog.h"
#include "session.h"

#include <QObject>
#include <QPointer>

namespace Slate::Ui {

class TillApp : public QObject {
    Q_OBJECT
public:
    TillApp(Core::Store &store, const QLocale &locale, QObject *parent = nullptr);
    ~TillApp() override;

    // Shows the login screen.
    void start();
    // The database was just created with demo data: the login screen shows the demo users.
    void setDemoUsers(const QList<Core::DemoData::DemoUser> &users) { m_demoUsers = users; }
    // What the status bar says about sync; kept for the next checkout window too.
    void setSyncIndicator(const SyncIndicator &indicator);
    // The store's checkout settings changed while the app runs (a sync round put pulled ones in
    // force): the open windows work out again what they showed from the old ones.
    void reloadSettings();
    Session &session() { return m_session; }
    CheckoutWindow *checkoutWindow() const { return m_checkout; }
    LoginDialog *loginDialog() const { return m_login; }

signals:
    // The login screen was closed without logging in: the app should quit.
    void quitRequested();
    // The checkout window is up and usable.
    void checkoutReady();
    // The till wrote to the journal (a sale, top-up or refund).
    void journalChanged();

private:
    void showCheckout();
    void logOut();

    Session m_session;
    QList<Core::DemoData::DemoUser> m_demoUsers;
    SyncIndicator m_sync;
    QList<ParkedSale> m_parked; // kept while the next cashier logs in
    QPointer<LoginDialog> m_login;
    QPointer<CheckoutWindow> m_checkout;
};

// Loads the style sheet and the translation for the locale (from the library's resources; for
// English, its plural forms). Returns false if a translation for a non-English locale is missing.
bool installLookAndLanguage(const QLocale &locale);

} // namespace Slate::Ui
