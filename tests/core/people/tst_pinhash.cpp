// PIN hashing: salted PBKDF2, verification, and refusal of malformed PINs.

#include "people/pinhash.h"

#include <QTest>

using namespace Slate::Core;

class tst_PinHash : public QObject {
    Q_OBJECT
private slots:
    void rightPinMatchesWrongPinDoesNot()
    {
        const Result<PinHash> stored = hashPin("4711", kPinIterationsMin);
        QVERIFY(stored.ok());
        QCOMPARE(stored->salt.size(), 16);
        QCOMPARE(stored->hash.size(), 32);
        QVERIFY(pinMatches("4711", *stored));
        QVERIFY(!pinMatches("4712", *stored));
        QVERIFY(!pinMatches("47110", *stored));
        QVERIFY(!pinMatches("", *stored));
    }

    void sameStoredPinDiffersBySalt()
    {
        const Result<PinHash> first = hashPin("123456", kPinIterationsMin);
        const Result<PinHash> second = hashPin("123456", kPinIterationsMin);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->salt != second->salt);
        QVERIFY(first->hash != second->hash);
        QVERIFY(pinMatches("123456", *second));
    }

    void matchesAnIndependentPbkdf2()
    {
        // Computed independently with Python: hashlib.pbkdf2_hmac("sha256", b"4711", b"0123456789abcdef", 1000).
        const PinHash stored{QByteArray("0123456789abcdef"),
                             QByteArray::fromHex("25a9c5511537266c78b4e1a5a020081c7fbf1df3bcf4111ac741d5b31c3ebf35"), 1000};
        QVERIFY(pinMatches("4711", stored));
        PinHash changed = stored;
        changed.iterations = 1001;
        QVERIFY(!pinMatches("4711", changed));
        changed = stored;
        changed.salt[0] = 'X';
        QVERIFY(!pinMatches("4711", changed));
    }

    void defaultIterationsAreSlow()
    {
        const Result<PinHash> stored = hashPin("2468");
        QVERIFY(stored.ok());
        QCOMPARE(stored->iterations, kPinIterationsDefault);
        QVERIFY(kPinIterationsDefault >= 600000);
        QVERIFY(pinMatches("2468", *stored));
    }

    void malformedStoredHashNeverMatches()
    {
        Result<PinHash> stored = hashPin("1357", kPinIterationsMin);
        QVERIFY(stored.ok());
        PinHash broken = *stored;
        broken.hash.chop(1);
        QVERIFY(!pinMatches("1357", broken));
        broken = *stored;
        broken.iterations = 0;
        QVERIFY(!pinMatches("1357", broken));
        QVERIFY(!pinMatches("1357", PinHash{}));
    }

    void badPinsAreRefused_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("too short") << "123";
        QTest::newRow("too long") << "1234567890123";
        QTest::newRow("letters") << "12a4";
        QTest::newRow("a space") << "12 34";
        QTest::newRow("empty") << "";
        QTest::newRow("non-ASCII digits") << QString::fromUtf8("١٢٣٤");
    }

    void badPinsAreRefused()
    {
        QFETCH(QString, pin);
        const Result<PinHash> stored = hashPin(pin, kPinIterationsMin);
        QVERIFY(!stored.ok());
        QCOMPARE(stored.code(), ErrorCode::InvalidArgument);
    }

    void tooFewIterationsAreRefused()
    {
        QVERIFY(!hashPin("1234", kPinIterationsMin - 1).ok());
    }
};

QTEST_GUILESS_MAIN(tst_PinHash)
#include "tst_pinhash.moc"
