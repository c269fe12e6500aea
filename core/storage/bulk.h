#pragma once
// Set-at-a-time statements: many rows in few statements. A batch of entries (a push, a pulled
// page, a sale) is written with multi-row INSERTs and read with IN-lists in chunks whose sizes
// are powers of two up to the dialect's bound, so a connection keeps only a handful of shapes of
// each statement prepared (see Database::run) and a batch of N rows costs about log N + N/bound
// statements instead of N.

#include "storage/database.h"

#include <functional>

namespace Slate::Core::Bulk {

// The most rows one statement carries: SQLite steps rows locally; on PostgreSQL each statement
// is a round trip, so more rows go in one.
int chunkRowsMax(Dialect dialect);

// "INSERT INTO t (a, b) VALUES " + "(?, ?), (?, ?)" + tail, for rows of `columns` values.
struct RowsStatement {
    QString head;  // up to and including VALUES
    int columns = 0;
    QString tail;  // e.g. " ON CONFLICT (…) DO UPDATE … RETURNING …"; empty for none
};

// Runs the statement for every row of `values` (columns values per row, flattened), in chunks.
// `visit` sees the rows a RETURNING clause gives back, chunk by chunk.
Result<void> rows(const Database &database, const RowsStatement &statement, const QVariantList &values, const QString &doing,
                  const std::function<void(Query &)> &visit = {});

// Runs `sql`, which holds one "%1" where the IN-list goes ("… WHERE id IN (%1)"), for every key
// (in chunks), with `before` bound ahead of the keys; `visit` sees every row.
Result<void> selectIn(const Database &database, const QString &sql, const QVariantList &before, const QVariantList &keys,
                      const QString &doing, const std::function<void(Query &)> &visit);

} // namespace Slate::Core::Bulk
