// slate-server over HTTPS: a throwaway self-signed certificate made here with the openssl
// command; a till that trusts it (its CA file) enrols, pushes and pulls over TLS; a till that
// does not trust it, one that trusts another certificate, and plain HTTP to the TLS port all
// fail without anything reaching the server (the enrolment code stays unspent).

#include "synctestenv.h"

#include "client/tillsyncstate.h"

#include <QProcess>
#include <QSslSocket>

using namespace Slate;
using namespace Slate::Test;

class tst_SyncTls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tillSyncsOverTlsWithItsCaFile();
    void tillRemembersItsCaFileFromTheEnrolment();
    void aVoidSyncsLikeEveryEntry();
    void untrustedOrPlainConnectionsFail_data();
    void untrustedOrPlainConnectionsFail();

private:
    bool makeCertificate(const QString &name);
    QTemporaryDir m_dir;
};

bool tst_SyncTls::makeCertificate(const QString &name)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_dir.filePath(name + QStringLiteral(".key")),
                   QStringLiteral("-out"), m_dir.filePath(name + QStringLiteral(".pem")), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        qWarning("openssl failed: %s", openssl.readAllStandardError().constData());
        return false;
    }
    return true;
}

void tst_SyncTls::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("the openssl command is not installed (Debian package openssl)");
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(makeCertificate(QStringLiteral("server")));
    QVERIFY(makeCertificate(QStringLiteral("other")));
}

void tst_SyncTls::tillSyncsOverTlsWithItsCaFile()
{
    ServerProcess server(m_dir.filePath(QStringLiteral("tls.db")), m_dir.filePath(QStringLiteral("server.pem")),
                         m_dir.filePath(QStringLiteral("server.key")));
    QVERIFY(server.start());
    QCOMPARE(server.url().scheme(), QStringLiteral("https"));
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
    t1.setCaFile(m_dir.filePath(QStringLiteral("server.pem")));
    t2.setCaFile(m_dir.filePath(QStringLiteral("server.pem")));
    const Core::Customer customer = t1.addCustomer(QStringLiteral("1001"));
    QVERIFY(t1.store().credit().topUp(customer, t1.money(QStringLiteral("25")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    Sync::RoundResult first = t1.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T1")));
    QVERIFY2(first.ok(), qPrintable(first.message));
    QCOMPARE(first.report.pushed, qint64(1));
    Sync::RoundResult second = t2.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T2")));
    QVERIFY2(second.ok(), qPrintable(second.message));
    QCOMPARE(second.report.pulled, qint64(1));
    QCOMPARE(*t2.store().credit().wallet(customer.id), t2.money(QStringLiteral("25")));
    QCOMPARE(t2.balances(), serverBalances(server.database()));
}

void tst_SyncTls::tillRemembersItsCaFileFromTheEnrolment()
{
    ServerProcess server(m_dir.filePath(QStringLiteral("remember.db")), m_dir.filePath(QStringLiteral("server.pem")),
                         m_dir.filePath(QStringLiteral("server.key")));
    QVERIFY(server.start());
    Till till(QStringLiteral("T1"));
    const Core::Customer customer = till.addCustomer(QStringLiteral("1001"));
    // A till that trusts another CA is refused and remembers nothing.
    till.setCaFile(m_dir.filePath(QStringLiteral("other.pem")));
    const QString code = enrolmentCode(server.database(), QStringLiteral("T1"));
    QVERIFY(!till.sync(server.url(), code, 200, 15000).ok());
    QVERIFY(Sync::TillSync::caCertificates(till.store().database())->isEmpty());
    till.setCaFile(m_dir.filePath(QStringLiteral("server.pem")));
    const Sync::RoundResult enrolled = till.sync(server.url(), code);
    QVERIFY2(enrolled.ok(), qPrintable(enrolled.message));
    QVERIFY(!Sync::TillSync::caCertificates(till.store().database())->isEmpty());
    // Later rounds: no CA file, no environment variable, the server address remembered too.
    till.setCaFile(QString());
    qunsetenv("SLATE_SYNC_CA_FILE");
    QVERIFY(till.store().credit().topUp(customer, till.money(QStringLiteral("5")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    const Sync::RoundResult later = till.sync(QUrl());
    QVERIFY2(later.ok(), qPrintable(later.message));
    QCOMPARE(later.report.pushed, qint64(1));
}

// A void is a reversal entry: the server accepts and verifies it like any entry, and another till
// that pulls it has the wallet back where it was.
void tst_SyncTls::aVoidSyncsLikeEveryEntry()
{
    ServerProcess server(m_dir.filePath(QStringLiteral("void.db")), m_dir.filePath(QStringLiteral("server.pem")),
                         m_dir.filePath(QStringLiteral("server.key")));
    QVERIFY(server.start());
    Till t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
    t1.setCaFile(m_dir.filePath(QStringLiteral("server.pem")));
    t2.setCaFile(m_dir.filePath(QStringLiteral("server.pem")));
    QVERIFY(t1.store().users().add(QStringLiteral("cas"), Core::Role::Cashier, QStringLiteral("1111")).ok());
    QVERIFY(t1.store().users().add(QStringLiteral("mgr"), Core::Role::Manager, QStringLiteral("2222")).ok());
    const Core::Customer customer = t1.addCustomer(QStringLiteral("1001"));
    QVERIFY(t1.store().credit().topUp(customer, t1.money(QStringLiteral("40")), Core::PaymentJournal::Cash, {}, QStringLiteral("cas")).ok());
    QVERIFY(t1.store().credit().topUp(customer, t1.money(QStringLiteral("400")), Core::PaymentJournal::Cash, {}, QStringLiteral("cas")).ok());
    const Core::Result<Core::VoidReceipt> voided = t1.store().voids().voidLast(
        Core::VoidRequest{QStringLiteral("cas"), Core::ManagerPin{QStringLiteral("mgr"), QStringLiteral("2222"), QStringLiteral("typed 400 for 40")}});
    QVERIFY2(voided.ok(), qPrintable(voided.ok() ? QString() : voided.message()));
    const Sync::RoundResult pushed = t1.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T1")));
    QVERIFY2(pushed.ok(), qPrintable(pushed.message));
    QCOMPARE(pushed.report.pushed, qint64(3));
    const Sync::RoundResult pulled = t2.sync(server.url(), enrolmentCode(server.database(), QStringLiteral("T2")));
    QVERIFY2(pulled.ok(), qPrintable(pulled.message));
    QCOMPARE(pulled.report.pulled, qint64(3));
    QCOMPARE(*t2.store().credit().wallet(customer.id), t2.money(QStringLiteral("40")));
    QCOMPARE(t2.balances(), serverBalances(server.database()));
    QVERIFY(t2.store().journal().verify().ok());
}

void tst_SyncTls::untrustedOrPlainConnectionsFail_data()
{
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<bool>("plainHttp");
    QTest::addRow("a till that trusts only the system's CAs") << QString() << false;
    QTest::addRow("a till that trusts another certificate") << QStringLiteral("other.pem") << false;
    QTest::addRow("plain HTTP to the TLS port") << QStringLiteral("server.pem") << true;
}

void tst_SyncTls::untrustedOrPlainConnectionsFail()
{
    QFETCH(QString, caFile);
    QFETCH(bool, plainHttp);
    QTemporaryDir own; // a fresh server database for each row
    ServerProcess server(own.filePath(QStringLiteral("refused.db")), m_dir.filePath(QStringLiteral("server.pem")),
                         m_dir.filePath(QStringLiteral("server.key")));
    QVERIFY(server.start());
    Till till(QStringLiteral("T1"));
    if (!caFile.isEmpty())
        till.setCaFile(m_dir.filePath(caFile));
    const Core::Customer customer = till.addCustomer(QStringLiteral("1001"));
    QVERIFY(till.store().credit().topUp(customer, till.money(QStringLiteral("5")), Core::PaymentJournal::Cash, {}, QStringLiteral("ann")).ok());
    QUrl url = server.url();
    if (plainHttp)
        url.setScheme(QStringLiteral("http"));
    const QString code = enrolmentCode(server.database(), QStringLiteral("T1"));
    const Sync::RoundResult result = till.sync(url, code, 200, 15000);
    QVERIFY(!result.ok());
    QCOMPARE(result.failure, Sync::RoundFailure::Network);
    // Nothing reached the server: the enrolment code is unspent and works over trusted TLS.
    till.setCaFile(m_dir.filePath(QStringLiteral("server.pem")));
    const Sync::RoundResult trusted = till.sync(server.url(), code);
    QVERIFY2(trusted.ok(), qPrintable(trusted.message));
    QCOMPARE(trusted.report.pushed, qint64(1));
}

QTEST_GUILESS_MAIN(tst_SyncTls)
#include "tst_synctls.moc"
