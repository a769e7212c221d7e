// libFuzzer target for the search query reader: whatever a seeker types,
// Learning::Search must turn it into valid FTS5 syntax. The only refusal allowed
// is "the search has no words"; an FTS5 syntax error (reported by SQLite)
// means the quoting let an operator or a stray quote through.
//
// Built and run by scripts/fuzz (make fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "rapport/app/app.h"
#include "rapport/store/database.h"

namespace {

struct World {
  std::unique_ptr<rapport::Database> db;
  rapport::FixedClock clock{rapport::FromUnix(1'770'000'000)};
  std::unique_ptr<rapport::App> app;
};

World& TheWorld() {
  static World* w = [] {
    auto* world = new World;
    auto db = rapport::OpenSqlite(":memory:");
    if (!db) std::abort();
    world->db = std::move(*db);
    rapport::Config config;
    config.zone = "UTC";
    world->app = std::make_unique<rapport::App>(*world->db, world->clock, config);
    rapport::ContactFields f;
    f.name = "Ana Silva";
    if (!world->app->records().AddContact(f).ok()) std::abort();
    for (const char* body : {"Diary studies are back; C++ teams at NEAR-field labs.",
                             "\"Research ops\" AND (usability) OR NOT survey* — café naïve"}) {
      rapport::NoteInput n;
      n.contact = "ana";
      n.body = body;
      if (!world->app->learning().AddNote(n).ok()) std::abort();
    }
    return world;
  }();
  return *w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::string query(reinterpret_cast<const char*>(data), size);
  auto r = TheWorld().app->learning().Search(query, 20);
  if (!r.ok() && r.error().message().find("the search has no words") == std::string::npos) {
    std::abort();  // the query reached FTS5 in a form it could not parse
  }
  return 0;
}
