#pragma once
// The till's database schema: every till's journal (the ledger tables of storage/ledgertables.h),
// customers, users, the catalog, checkout records, the sync state and master data, as numbered
// migration steps (storage/migrations.h).

#include "storage/migrations.h"

namespace Slate::Core::Schema {

constexpr int kApplicationId = kTillApplicationId;
// The newest schema this program knows.
constexpr int kCurrentVersion = 13;

const SchemaDefinition &till();

} // namespace Slate::Core::Schema
