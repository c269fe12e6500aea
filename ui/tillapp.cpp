#include "tillapp.h"

#include "checkoutwindow.h"
#include "logindialog.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QScreen>
#include <QLibraryInfo>
#include <QTranslator>

namespace Slate::Ui {

TillApp::TillApp(Core::Store &store, const QLocale &locale, QObject *parent) : QObject(parent), m_session(store, locale)
{
}

TillApp::~TillApp()
{
    delete m_checkout;
    delete m_login;
}

void TillApp::start()
{
    delete m_login;
    m_login = new LoginDialog(m_session, LoginDialog::Purpose::Till);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    m_login->showDemoUsers(m_demoUsers);
    connect(m_login, &QDialog::accepted, this, &TillApp::showCheckout);
    connect(m_login, &QDialog::rejected, this, &TillApp::quitRequested);
    m_login->show();
}

void TillApp::showCheckout()
{
    delete m_checkout;
    m_checkout = new CheckoutWindow(m_session);
    m_checkout->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_checkout, &CheckoutWindow::logoutRequested, this, &TillApp::logOut);
    connect(m_checkout, &CheckoutWindow::journalChanged, this, &TillApp::journalChanged);
    m_checkout->setSyncIndicator(m_sync);
    m_checkout->setParkedSales(m_parked);
    // Fill the screen even where no window manager maximises (a kiosk session, Xvfb).
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        m_checkout->setGeometry(screen->availableGeometry());
    m_checkout->showMaximized();
    m_checkout->activateWindow();
    m_checkout->scanField()->setFocus();
    emit checkoutReady();
}

void TillApp::setSyncIndicator(const SyncIndicator &indicator)
{
    m_sync = indicator;
    if (m_checkout)
        m_checkout->setSyncIndicator(indicator);
}

void TillApp::reloadSettings()
{
    if (m_checkout)
        m_checkout->reloadSettings();
}

void TillApp::logOut()
{
    if (m_checkout) {
        m_parked = m_checkout->parkedSales();
        m_checkout->disconnect(this);
        m_checkout->close();
    }
    m_session.setUser(Core::User{});
    start();
}

bool installLookAndLanguage(const QLocale &locale)
{
    QFile style(QStringLiteral(":/slate/slate.qss"));
    if (style.open(QIODevice::ReadOnly))
        qApp->setStyleSheet(QString::fromUtf8(style.readAll()));
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(qApp);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    // English is the source language; its translation holds only the plural forms.
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto *translator = new QTranslator(qApp);
    const bool loaded = english ? translator->load(QStringLiteral(":/i18n/slate_en.qm"))
                                : translator->load(locale, QStringLiteral("slate"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (!loaded) {
        delete translator;
        return english;
    }
    QApplication::installTranslator(translator);
    return true;
}

} // namespace Slate::Ui
