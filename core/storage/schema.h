#pragma once
// The database schema and its migrations. Version N is reached by applying steps 1..N in
// order; each step runs in one transaction together with the new PRAGMA user_version, so a
// crash mid-migration leaves the previous version intact.

#include "base/result.h"

namespace Slate::Core {

class Database;

namespace Schema {

// 'SLAT': marks a SQLite file as a Slate database (PRAGMA application_id).
constexpr int kApplicationId = 0x534C4154;
// The newest schema this program knows.
constexpr int kCurrentVersion = 8;

// Migrates from the database's current version up to targetVersion (<= kCurrentVersion).
Result<void> migrate(Database &database, int fromVersion, int targetVersion);

} // namespace Schema
} // namespace Slate::Core
