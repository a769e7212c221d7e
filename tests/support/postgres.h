// The tests' PostgreSQL: every call of FreshPostgresUrl gives the URL of a
// new, empty schema (search_path set in the URL) in the test cluster, so
// each test starts from nothing, as with a new SQLite file in a TempDir.
//
// The cluster is the one CTest started (tests/support/pg-cluster, its URL
// in the file $RAPPORT_TEST_PG_FILE); a test binary run by hand starts its
// own and stops it when the process exits.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "rapport/store/database.h"
#include "support/temp_dir.h"

namespace rapport::testing {

std::string FreshPostgresUrl();

// The engines a conformance test runs on.
enum class Engine { kSqlite, kPostgres };

// A new, empty, migrated database of `engine`: rapport.db in `dir`, or a
// fresh PostgreSQL schema. `location` (when given) receives what to pass to
// --db to reach the same database.
Result<std::unique_ptr<Database>> OpenTestDatabase(Engine engine, const TempDir& dir,
                                                   std::string* location = nullptr);
// The same, with the SQLite file at `sqlite_path`.
Result<std::unique_ptr<Database>> OpenTestDatabase(Engine engine, const std::string& sqlite_path,
                                                   std::string* location = nullptr);

// "sqlite" / "postgresql", for test names.
std::string EngineName(Engine engine);

// How GoogleTest prints an Engine parameter (instead of its bytes).
inline void PrintTo(Engine engine, std::ostream* os) { *os << EngineName(engine); }

}  // namespace rapport::testing

// Runs every TEST_P of `fixture` (a ::testing::TestWithParam<Engine>) on both engines.
#define RAPPORT_ON_BOTH_ENGINES(fixture)                                                    \
  INSTANTIATE_TEST_SUITE_P(                                                                 \
      Engines, fixture,                                                                     \
      ::testing::Values(::rapport::testing::Engine::kSqlite,                                \
                        ::rapport::testing::Engine::kPostgres),                             \
      [](const ::testing::TestParamInfo<::rapport::testing::Engine>& info) {                \
        return ::rapport::testing::EngineName(info.param);                                  \
      })
