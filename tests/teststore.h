#pragma once
// A fresh Slate database in a temporary folder, for tests. Each test function that needs a
// clean slate makes its own.

#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Slate::Core {
// Lets QCOMPARE print amounts as "12.50 NOK".
inline char *toString(const Money &money)
{
    return QTest::toString(money.toDecimalString() + QLatin1Char(' ') + money.currency().code());
}
} // namespace Slate::Core

namespace Slate::Test {

class TestStore {
public:
    explicit TestStore(const QString &currencyCode = QStringLiteral("NOK"), const QString &terminalId = QStringLiteral("T1"))
    {
        QVERIFY2(m_dir.isValid(), "cannot create a temporary folder");
        m_path = m_dir.filePath(QStringLiteral("slate.db"));
        auto currency = Core::Currency::fromCode(currencyCode);
        QVERIFY(currency.has_value());
        auto store = Core::Store::create(m_path, Core::StoreIdentity{QStringLiteral("S1"), *currency, terminalId});
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.message()));
        m_store = std::move(*store);
    }

    bool ok() const { return m_store != nullptr; }
    Core::Store &operator*() { return *m_store; }
    Core::Store *operator->() { return m_store.get(); }
    const QString &path() const { return m_path; }
    QString folder() const { return m_dir.path(); }
    // Closes the database (e.g. before reopening it or handing it to another process).
    void close() { m_store.reset(); }
    // Reopens the database file.
    bool reopen()
    {
        m_store.reset();
        auto store = Core::Store::open(m_path);
        if (!store) {
            qWarning("reopen failed: %s", qPrintable(store.message()));
            return false;
        }
        m_store = std::move(*store);
        return true;
    }

    // A money amount in the store's currency from its decimal text; fails the test if invalid.
    Core::Money money(const QString &text) const
    {
        auto parsed = Core::Money::parse(text, m_store->identity().currency);
        if (!parsed)
            qFatal("bad amount in test: %s", qPrintable(text));
        return *parsed;
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Core::Store> m_store;
};

} // namespace Slate::Test
