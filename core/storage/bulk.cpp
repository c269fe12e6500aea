#include "storage/bulk.h"

#include <QStringList>

namespace Slate::Core::Bulk {

namespace {

// The largest power of two not above n (n >= 1).
int chunkFor(qsizetype n, int bound)
{
    int chunk = 1;
    while (chunk * 2 <= n && chunk * 2 <= bound)
        chunk *= 2;
    return chunk;
}

QString placeholders(int count)
{
    QString text;
    text.reserve(count * 3);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += QStringLiteral(", ");
        text += QLatin1Char('?');
    }
    return text;
}

} // namespace

int chunkRowsMax(Dialect dialect) { return dialect == Dialect::Postgres ? 256 : 64; }

Result<void> rows(const Database &database, const RowsStatement &statement, const QVariantList &values, const QString &doing,
                  const std::function<void(Query &)> &visit)
{
    Q_ASSERT(statement.columns > 0 && values.size() % statement.columns == 0);
    const qsizetype rowCount = values.size() / statement.columns;
    const QString row = QLatin1Char('(') + placeholders(statement.columns) + QLatin1Char(')');
    qsizetype done = 0;
    while (done < rowCount) {
        const int chunk = chunkFor(rowCount - done, chunkRowsMax(database.dialect()));
        QString sql = statement.head;
        sql.reserve(sql.size() + chunk * (row.size() + 2) + statement.tail.size());
        for (int i = 0; i < chunk; ++i) {
            if (i > 0)
                sql += QStringLiteral(", ");
            sql += row;
        }
        sql += statement.tail;
        Result<Query> query = database.run(sql, values.mid(done * statement.columns, qsizetype(chunk) * statement.columns), doing);
        if (!query)
            return query.error();
        if (visit)
            visit(*query);
        done += chunk;
    }
    return {};
}

Result<void> selectIn(const Database &database, const QString &sql, const QVariantList &before, const QVariantList &keys,
                      const QString &doing, const std::function<void(Query &)> &visit)
{
    qsizetype done = 0;
    // IN-lists are cheap to bind on both dialects; a longer one means fewer statements.
    constexpr int kKeysMax = 512;
    while (done < keys.size()) {
        const int chunk = chunkFor(keys.size() - done, kKeysMax);
        Result<Query> query = database.runPlannedFor(sql.arg(placeholders(chunk)), before + keys.mid(done, chunk), doing);
        if (!query)
            return query.error();
        visit(*query);
        done += chunk;
    }
    return {};
}

} // namespace Slate::Core::Bulk
