// Users, PIN checks, lockout after repeated failures, and the audit of every attempt.

#include "teststore.h"
#include "people/users.h"

#include <QTest>

using namespace Slate::Core;
using Slate::Test::TestStore;

class tst_Users : public QObject {
    Q_OBJECT

private:
    QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);
    AuthPolicy fastPolicy() const { return AuthPolicy{5, 300, kPinIterationsMin}; }
    UserDirectory directory(TestStore &store)
    {
        return UserDirectory(store->database(), fastPolicy(), [this] { return m_now; });
    }

private slots:
    void init() { m_now = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC); }

    void addAndRead()
    {
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("kari", Role::Cashier, "1234").ok());
        const Result<User> manager = users.add("per.m", Role::Manager, "987654", 500000);
        QVERIFY2(manager.ok(), manager.ok() ? "" : qPrintable(manager.message()));
        QCOMPARE(manager->role, Role::Manager);
        QCOMPARE(manager->overrideMaxMinorUnits.value_or(-1), 500000);
        QCOMPARE(users.byName("kari")->overrideMaxMinorUnits.has_value(), false);
        const Result<QList<User>> all = users.list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("kari"));
        QCOMPARE(users.byName("nobody").code(), ErrorCode::NotFound);
        // The PIN itself is nowhere in the database.
        Result<Query> raw = store->database().run("SELECT count(*) FROM users WHERE pin_hash = ? OR pin_salt = ?",
                                                      {QByteArray("1234"), QByteArray("1234")}, "test");
        QVERIFY(raw.ok() && raw->next());
        QCOMPARE(raw->value(0).toInt(), 0);
    }

    void badUsersAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<int>("code");
        QTest::newRow("a name with a space") << "kari n" << "1234" << int(ErrorCode::InvalidArgument);
        QTest::newRow("an empty name") << "" << "1234" << int(ErrorCode::InvalidArgument);
        QTest::newRow("a name with a newline") << "kari\n" << "1234" << int(ErrorCode::InvalidArgument);
        QTest::newRow("a three-digit PIN") << "ola" << "123" << int(ErrorCode::InvalidArgument);
        QTest::newRow("a PIN with letters") << "ola" << "12ab" << int(ErrorCode::InvalidArgument);
        QTest::newRow("a taken name") << "taken" << "1234" << int(ErrorCode::AlreadyExists);
    }

    void badUsersAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, pin);
        QFETCH(int, code);
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("taken", Role::Admin, "0000").ok());
        const Result<User> added = users.add(name, Role::Cashier, pin);
        QVERIFY(!added.ok());
        QCOMPARE(int(added.code()), code);
        QCOMPARE(users.list()->size(), 1);
    }

    void rightPinAuthenticatesAndIsAudited()
    {
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("mona", Role::Manager, "2468").ok());
        const Result<User> user = users.authenticate("mona", "2468", "override");
        QVERIFY(user.ok());
        QCOMPARE(user->name, QStringLiteral("mona"));
        const Result<QList<AuthAttempt>> attempts = users.attempts("mona");
        QVERIFY(attempts.ok());
        QCOMPARE(attempts->size(), 1);
        QCOMPARE(attempts->at(0).success, true);
        QCOMPARE(attempts->at(0).purpose, QStringLiteral("override"));
        QCOMPARE(attempts->at(0).timeUtc, m_now);
    }

    void wrongPinAndUnknownUserLookAlike()
    {
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("mona", Role::Manager, "2468").ok());
        const Result<User> wrong = users.authenticate("mona", "1111", "login");
        const Result<User> unknown = users.authenticate("ghost", "2468", "login");
        QCOMPARE(wrong.code(), ErrorCode::AuthenticationFailed);
        QCOMPARE(unknown.code(), ErrorCode::AuthenticationFailed);
        QCOMPARE(wrong.message(), unknown.message());
        QCOMPARE(users.attempts("mona")->at(0).detail, QStringLiteral("wrong PIN"));
        QCOMPARE(users.attempts("ghost")->at(0).detail, QStringLiteral("unknown user"));
        QCOMPARE(users.byName("mona")->failedAttempts, 1);
    }

    void fiveWrongPinsLockEvenTheRightOne()
    {
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("mona", Role::Manager, "2468").ok());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(users.authenticate("mona", "0000", "override").code(), ErrorCode::AuthenticationFailed);
        QVERIFY(!users.byName("mona")->lockedUntilUtc.isValid());
        QCOMPARE(users.authenticate("mona", "0000", "override").code(), ErrorCode::AuthenticationFailed);
        QCOMPARE(users.byName("mona")->lockedUntilUtc, m_now.addSecs(300));

        const Result<User> locked = users.authenticate("mona", "2468", "override");
        QCOMPARE(locked.code(), ErrorCode::AccountLocked);
        QVERIFY2(locked.message().contains("12:05:00"), qPrintable(locked.message()));

        m_now = m_now.addSecs(299);
        QCOMPARE(users.authenticate("mona", "2468", "override").code(), ErrorCode::AccountLocked);
        m_now = m_now.addSecs(1);
        QVERIFY(users.authenticate("mona", "2468", "override").ok());

        const Result<QList<AuthAttempt>> attempts = users.attempts("mona");
        QCOMPARE(attempts->size(), 8);
        QCOMPARE(attempts->at(0).success, true);
        QCOMPARE(attempts->at(1).detail, QStringLiteral("locked"));
        QCOMPARE(attempts->at(3).detail, QStringLiteral("wrong PIN; locked"));
    }

    void aRightPinResetsTheFailureCount()
    {
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("mona", Role::Manager, "2468").ok());
        for (int i = 0; i < 4; ++i)
            QVERIFY(!users.authenticate("mona", "0000", "login").ok());
        QVERIFY(users.authenticate("mona", "2468", "login").ok());
        for (int i = 0; i < 4; ++i)
            QVERIFY(!users.authenticate("mona", "0000", "login").ok());
        QVERIFY(users.authenticate("mona", "2468", "login").ok());
    }

    void unlockAndResetPin()
    {
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("mona", Role::Manager, "2468").ok());
        for (int i = 0; i < 5; ++i)
            QVERIFY(!users.authenticate("mona", "0000", "login").ok());
        QCOMPARE(users.authenticate("mona", "2468", "login").code(), ErrorCode::AccountLocked);
        QVERIFY(users.unlock("mona").ok());
        QVERIFY(users.authenticate("mona", "2468", "login").ok());

        QVERIFY(users.resetPin("mona", "13579").ok());
        QCOMPARE(users.authenticate("mona", "2468", "login").code(), ErrorCode::AuthenticationFailed);
        QVERIFY(users.authenticate("mona", "13579", "login").ok());
        QCOMPARE(users.resetPin("mona", "12").code(), ErrorCode::InvalidArgument);
        QVERIFY(users.authenticate("mona", "13579", "login").ok());
        QCOMPARE(users.unlock("ghost").code(), ErrorCode::NotFound);
        QCOMPARE(users.resetPin("ghost", "1234").code(), ErrorCode::NotFound);
    }

    void theAuditCannotBeRewritten()
    {
        TestStore store;
        UserDirectory users = directory(store);
        QVERIFY(users.add("mona", Role::Manager, "2468").ok());
        QVERIFY(!users.authenticate("mona", "0000", "login").ok());
        QVERIFY(!store->database().run("UPDATE auth_attempts SET success = 1", {}, "test").ok());
        QVERIFY(!store->database().run("DELETE FROM auth_attempts", {}, "test").ok());
        QCOMPARE(users.attempts("mona")->size(), 1);
        QCOMPARE(users.attempts("mona")->at(0).success, false);
    }

    void theStoreWiresUsersWithTheSlowDefault()
    {
        TestStore store;
        QVERIFY(store->users().add("admin", Role::Admin, "7777").ok());
        Result<Query> raw = store->database().run("SELECT pin_iterations FROM users WHERE name = 'admin'", {}, "test");
        QVERIFY(raw.ok() && raw->next());
        QCOMPARE(raw->value(0).toInt(), kPinIterationsDefault);
        QVERIFY(store->users().authenticate("admin", "7777", "login").ok());
    }
};

QTEST_GUILESS_MAIN(tst_Users)
#include "tst_users.moc"
