// One scripted scenario, run through the real `rapport` binary twice: on a
// SQLite file and on PostgreSQL (--db postgresql://..., and RAPPORT_DB).
// What a power user reads back must not depend on the engine: the same
// agenda, pipeline, timeline, stats, search hits, and a byte-identical
// backup. Then copy-db carries the SQLite database into an empty
// PostgreSQL one and refuses a second copy into it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/postgres.h"
#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::Rapport;
using testing::TempDir;

constexpr const char* kToday = "2026-03-10T09:00Z";

class EngineScenario : public ::testing::Test {
 protected:
  // Runs `args` at today's clock against `db` and expects success.
  std::string Do(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", kToday, "--db", db});
    auto r = rapport_.Run(args);
    EXPECT_EQ(r.code, 0) << args[4] << " on " << db << ": " << r.err;
    return r.out;
  }
  json Json(const std::string& db, std::vector<std::string> args) {
    args.push_back("--json");
    const std::string out = Do(db, args);
    auto j = json::parse(out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << out;
    return j;
  }
  void Build(const std::string& db) {
    Do(db, {"objective", "add", "UX research", "--kind", "role"});
    for (const char* n : {"Ada", "Bob", "Cy", "Dee", "Eve", "Fay"}) {
      std::string lower = n;
      lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
      Do(db, {"contact", "add", std::string(n) + " Example", "--email", lower + "@example.org",
              "--org", lower == "ada" || lower == "bob" ? "Acme" : "Globex", "--tag", "ux"});
    }
    Do(db, {"contact", "edit", "cy", "--introducer", "ada", "--degree", "second"});
    Do(db, {"target", "ada", "--objective", "ux", "--at", "2026-02-20"});
    Do(db, {"request", "ada", "--at", "2026-02-28T10:00"});
    Do(db, {"request", "bob", "--objective", "ux", "--at", "2026-03-07T10:00"});
    Do(db, {"request", "cy", "--via", "ada", "--at", "2026-02-01"});
    Do(db, {"reply", "cy", "--yes", "--at", "2026-02-03"});
    Do(db, {"schedule", "cy", "--at", "2026-03-08T09:30"});
    Do(db, {"met", "cy", "--at", "2026-03-08T10:00", "--note",
            "Research ops is growing; design systems need an owner."});
    Do(db, {"met", "dee", "--at", "2025-11-01T10:00"});
    Do(db, {"thank", "dee", "--at", "2025-11-02"});
    Do(db, {"promise", "dee", "send the UX article", "--at", "2026-02-08", "--due", "2026-03-09"});
    Do(db, {"request", "fay", "--at", "2026-02-01"});
    Do(db, {"followup", "fay", "--at", "2026-02-08"});
    Do(db, {"call", "fay", "--voicemail", "--at", "2026-02-15"});
    Do(db, {"reply", "eve", "--yes", "--at", "2026-03-05"});
    Do(db, {"schedule", "eve", "--at", "2026-03-11T15:00", "--tz", "Europe/Paris", "--mode",
            "video"});
    Do(db, {"note", "cy", "Diary studies beat surveys; ask about research ops hiring."});
    Do(db, {"note", "ada", "Design systems team at Acme; mentoring program."});
    Do(db, {"note", "--objective", "ux", "Research, research, research: every talk says it."});
  }
  // Everything a power user reads back.
  json Readout(const std::string& db) {
    json out;
    out["agenda"] = Json(db, {"agenda", "--days", "14"});
    out["pipeline"] = Json(db, {"pipeline"});
    out["timeline"] = Json(db, {"timeline", "cy"});
    out["stats"] = Json(db, {"stats"});
    out["contacts"] = Json(db, {"contact", "list"});
    // As a shell passes them: one argument with a space is a phrase.
    const std::vector<std::vector<std::string>> queries = {
        {"research"}, {"design systems"}, {"design", "systems"}, {"surv*"},
        {"diary", "OR", "mentoring"}, {"research", "ops"}, {"growing"}};
    for (const auto& q : queries) {
      std::vector<std::string> args = {"search"};
      args.insert(args.end(), q.begin(), q.end());
      json found = Json(db, args);
      // Scores are each engine's own (bm25 or ts_rank); their order is
      // what must agree.
      for (auto& r : found["results"]) r.erase("rank");
      out["search"][json(q).dump()] = found;
    }
    return out;
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(EngineScenario, SqliteAndPostgresAnswerTheSame) {
  const std::string sqlite = home_.File("scenario.db");
  const std::string pg = testing::FreshPostgresUrl();
  Build(sqlite);
  Build(pg);
  const json a = Readout(sqlite);
  const json b = Readout(pg);
  ASSERT_FALSE(a["agenda"].empty());
  ASSERT_FALSE(a["search"].at(R"(["research"])").at("results").empty());
  for (const auto& [key, value] : a.items()) {
    EXPECT_EQ(value, b[key]) << key << " differs:\nsqlite:     " << value.dump()
                             << "\npostgresql: " << b[key].dump();
  }
  // The backups are the same bytes (the clock is fixed).
  EXPECT_EQ(Do(sqlite, {"export", "json"}), Do(pg, {"export", "json"}));
}

TEST_F(EngineScenario, RapportDbSelectsPostgresForEveryCommand) {
  const std::string pg = testing::FreshPostgresUrl();
  auto r = rapport_.Run({"--now", kToday, "contact", "add", "Ada Example"},
                        {"RAPPORT_DB=" + pg});
  ASSERT_EQ(r.code, 0) << r.err;
  auto listed = rapport_.Run({"contact", "list", "--json"}, {"RAPPORT_DB=" + pg});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_EQ(json::parse(listed.out).size(), 1u);
  // ... and nothing went to the default SQLite file.
  auto local = rapport_.Run({"contact", "list", "--json"});
  ASSERT_EQ(local.code, 0) << local.err;
  EXPECT_TRUE(json::parse(local.out).empty());
}

TEST_F(EngineScenario, CopyDbCarriesEverythingIntoAnEmptyPostgres) {
  const std::string sqlite = home_.File("scenario.db");
  Build(sqlite);
  const std::string pg = testing::FreshPostgresUrl();
  auto copied = rapport_.Run({"--now", kToday, "--db", sqlite, "copy-db", "--to", pg});
  ASSERT_EQ(copied.code, 0) << copied.err;
  EXPECT_NE(copied.out.find("the counts match"), std::string::npos) << copied.out;
  EXPECT_EQ(Readout(sqlite), Readout(pg));
  EXPECT_EQ(Do(sqlite, {"export", "json"}), Do(pg, {"export", "json"}));
  // New records in the copy continue after the copied ids.
  Do(pg, {"contact", "add", "Gus Example"});
  EXPECT_EQ(Json(pg, {"contact", "show", "gus"})["id"], 7);

  auto again = rapport_.Run({"--now", kToday, "--db", sqlite, "copy-db", "--to", pg});
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find("already holds records"), std::string::npos) << again.err;
  auto nowhere = rapport_.Run(
      {"--db", sqlite, "copy-db", "--to", "postgresql:///x?host=" + home_.File("no-server")});
  EXPECT_EQ(nowhere.code, 1);
  EXPECT_NE(nowhere.err.find("--to: cannot connect to PostgreSQL"), std::string::npos)
      << nowhere.err;
}

}  // namespace
}  // namespace rapport
