// slate-server over HTTPS: a throwaway self-signed certificate made here with the openssl
// command; a till that trusts it (its CA file) enrols, pushes and pulls over TLS; a till that
// does not trust it, one that trusts another certificate, and plain HTTP to the TLS port all
// fail without anything reaching the server (the enrolment code stays unspent).

#include "synctestenv.h"

#include <QProcess>
#include <QSslSocket>

using namespace Slate;
using namespace Slate::Test;

class tst_SyncTls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tillSyncsOverTlsWithItsCaFile();
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
