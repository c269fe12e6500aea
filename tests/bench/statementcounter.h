#pragma once
// Counts the SQL statements a till's SQLite connection runs, per phase, for bench_sync's
// statement figures (SLATE_BENCH_SQL_TRACE=1). It listens with sqlite3_trace_v2 on the handle
// QtSql's driver exposes, from the benchmark only: nothing in the product is instrumented.
// A statement is counted when it starts running (SQLITE_TRACE_STMT); statements of triggers are
// counted apart ("-- TRIGGER name" in SQLite's trace).

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

#include <sqlite3.h>

#include <map>

namespace Slate::Bench {

class StatementCounter {
public:
    struct Counts {
        qint64 statements = 0;
        qint64 triggerStatements = 0;
        std::map<QString, qint64> byText; // the statement's text (with ? for parameters) -> count
    };

    explicit StatementCounter(const QSqlDatabase &connection)
    {
        const QVariant handle = connection.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_handle = *static_cast<sqlite3 *const *>(handle.constData());
        if (m_handle)
            sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &StatementCounter::trace, this);
    }
    ~StatementCounter()
    {
        if (m_handle)
            sqlite3_trace_v2(m_handle, 0, nullptr, nullptr);
    }
    StatementCounter(const StatementCounter &) = delete;
    StatementCounter &operator=(const StatementCounter &) = delete;

    bool active() const { return m_handle != nullptr; }
    // Statements from now on count towards this phase (e.g. "sale", "/v1/pull").
    void setPhase(const QString &phase) { m_phase = phase; }
    const std::map<QString, Counts> &phases() const { return m_phases; }

private:
    static int trace(unsigned type, void *context, void *, void *text)
    {
        if (type != SQLITE_TRACE_STMT)
            return 0;
        auto *self = static_cast<StatementCounter *>(context);
        const QString sql = QString::fromUtf8(static_cast<const char *>(text)).simplified();
        Counts &counts = self->m_phases[self->m_phase];
        if (sql.startsWith(QLatin1String("--")))
            ++counts.triggerStatements;
        else
            ++counts.statements;
        ++counts.byText[sql.left(160)];
        return 0;
    }

    sqlite3 *m_handle = nullptr;
    QString m_phase = QStringLiteral("other");
    std::map<QString, Counts> m_phases;
};

} // namespace Slate::Bench
