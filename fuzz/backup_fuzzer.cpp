// libFuzzer target for the JSON backup reader: DataInOut::Restore must never
// crash, hang or throw on any input, and must leave the database empty
// whenever it refuses the file (all or nothing).
//
// Built and run by scripts/fuzz (make fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rapport/app/app.h"
#include "rapport/store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto db = rapport::OpenSqlite(":memory:");
  if (!db) std::abort();
  rapport::FixedClock clock(rapport::FromUnix(1'770'000'000));
  rapport::Config config;
  config.zone = "UTC";
  rapport::App app(**db, clock, config);
  auto r = app.data().Restore(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!r.ok()) {
    auto empty = rapport::Store(**db, 1).IsEmpty();
    if (!empty.ok() || !*empty) std::abort();  // a refused restore left rows behind
  }
  return 0;
}
