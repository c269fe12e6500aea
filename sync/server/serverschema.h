#pragma once
// slate-server's database schema, on SQLite or PostgreSQL, as numbered migration steps of core's
// one runner (core/storage/migrations.h). The journal is core's own tables (written by the same
// Journal code as on every till); beside them sit the server's: terminals and their enrolment,
// request nonces, exceptions for the back office, and the master-data log.

#include "storage/migrations.h"

namespace Slate::Sync::ServerSchema {

constexpr int kCurrentVersion = 5;

const Core::SchemaDefinition &definition();

// Opens (and migrates) a server database: a SQLite file or a postgresql:// URL.
Core::Result<std::unique_ptr<Core::Database>> open(const QString &location, Core::OpenMode mode = Core::OpenMode::OpenOrCreate,
                                                   Core::CheckpointPolicy checkpoints = Core::CheckpointPolicy::OnCommit);

} // namespace Slate::Sync::ServerSchema
