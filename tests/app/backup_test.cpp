#include <gtest/gtest.h>

#include "rapport/app/app.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

struct Db {
  // `location`: a SQLite file or a postgresql:// URL.
  explicit Db(const std::string& location, const Clock& clock) {
    auto opened = OpenDatabase(location);
    EXPECT_TRUE(opened.ok()) << opened.error().message();
    db = std::move(*opened);
    Config cfg;
    cfg.zone = "UTC";
    app = std::make_unique<App>(*db, clock, cfg);
  }
  std::unique_ptr<Database> db;
  std::unique_ptr<App> app;
};

// Backed up from one engine and restored into another (or the same), the
// backup reads back byte for byte: a SQLite user's backup moves to a career
// center's PostgreSQL and back.
using Engines = std::pair<testing::Engine, testing::Engine>;
class BackupAcrossEngines : public ::testing::TestWithParam<Engines> {
 protected:
  std::string Location(testing::Engine e, const std::string& file) {
    return e == testing::Engine::kPostgres ? testing::FreshPostgresUrl() : dir.File(file);
  }
  TempDir dir;
};
INSTANTIATE_TEST_SUITE_P(
    Engines, BackupAcrossEngines,
    ::testing::Values(Engines{testing::Engine::kSqlite, testing::Engine::kSqlite},
                      Engines{testing::Engine::kSqlite, testing::Engine::kPostgres},
                      Engines{testing::Engine::kPostgres, testing::Engine::kSqlite},
                      Engines{testing::Engine::kPostgres, testing::Engine::kPostgres}),
    [](const ::testing::TestParamInfo<Engines>& info) {
      return testing::EngineName(info.param.first) + "_to_" +
             testing::EngineName(info.param.second);
    });

TEST_P(BackupAcrossEngines, RoundTripIsByteIdentical) {
  FixedClock clock(*ParseTime("2026-03-10T12:00Z", "UTC"));
  Db a(Location(GetParam().first, "a.db"), clock);
  ObjectiveFields o;
  o.title = "UX research";
  o.kind = "role";
  o.target = 4;
  ASSERT_TRUE(a.app->records().AddObjective(o).ok());
  // The introducer comes after the person introduced: restore must cope.
  ContactFields cy;
  cy.name = "Cy Näive, \"the\" elder";
  cy.org = "Acme";
  cy.add_tags = {"b", "a"};
  cy.tz = "Europe/Paris";
  ASSERT_TRUE(a.app->records().AddContact(cy).ok());
  ContactFields ada;
  ada.name = "Ada";
  ada.email = "ada@example.org";
  ASSERT_TRUE(a.app->records().AddContact(ada).ok());
  ContactFields edit;
  edit.introducer = "ada";
  ASSERT_TRUE(a.app->records().EditContact("cy", edit).ok());
  EventInput e;
  e.contact = "cy";
  e.kind = EventKind::kRequestSent;
  e.objective = "ux";
  e.via = "ada";
  e.body = "line one\nline two";
  ASSERT_TRUE(a.app->pipeline().Record(e).ok());
  e = {};
  e.contact = "cy";
  e.kind = EventKind::kMeetingScheduled;
  e.meeting_at = "2026-03-12T10:00";
  e.meeting_tz = "Europe/Paris";
  e.meeting_mode = "video";
  ASSERT_TRUE(a.app->pipeline().Record(e).ok());
  e = {};
  e.contact = "ada";
  e.kind = EventKind::kPromiseMade;
  e.body = "send the paper";
  e.theirs = true;
  e.due = "2026-03-20";
  auto promise = a.app->pipeline().Record(e);
  ASSERT_TRUE(promise.ok());
  ASSERT_TRUE(a.app->pipeline().KeepPromise(std::to_string(promise->id), std::nullopt).ok());

  auto first = a.app->data().Backup();
  ASSERT_TRUE(first.ok());
  clock.Advance(days{3});  // restoring later must not change anything
  Db b(Location(GetParam().second, "b.db"), clock);
  auto restored = b.app->data().Restore(*first);
  ASSERT_TRUE(restored.ok()) << restored.error().message();
  EXPECT_EQ(restored->contacts, 2);
  EXPECT_EQ(restored->events, 4);
  auto second = b.app->data().Backup();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
  // And the derived state was rebuilt: Cy has a meeting coming.
  EXPECT_EQ(b.app->records().ShowContact("cy")->stage, Stage::kScheduled);
  // New records continue after the restored ids.
  ContactFields next;
  next.name = "After the restore";
  auto added = b.app->records().AddContact(next);
  ASSERT_TRUE(added.ok()) << added.error().message();
  EXPECT_EQ(added->contact.id, 3);

  // The same database copied whole into a third one, which must be empty.
  Db c(Location(GetParam().first, "c.db"), clock);
  auto copied = b.app->data().CopyTo(c.app->data());
  ASSERT_TRUE(copied.ok()) << copied.error().message();
  EXPECT_EQ(copied->contacts, 3);
  EXPECT_EQ(*c.app->data().Backup(), *b.app->data().Backup());
  auto again = b.app->data().CopyTo(c.app->data());
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message().find("already holds records"), std::string::npos);
}

TEST(Backup, RestoreRefusesANonEmptyDatabaseAndBadFiles) {
  TempDir dir;
  FixedClock clock(*ParseTime("2026-03-10T12:00Z", "UTC"));
  Db a(dir.File("a.db"), clock);
  ContactFields c;
  c.name = "Someone";
  ASSERT_TRUE(a.app->records().AddContact(c).ok());
  auto backup = a.app->data().Backup();
  auto into_full = a.app->data().Restore(*backup);
  ASSERT_FALSE(into_full.ok());
  EXPECT_NE(into_full.error().message().find("already holds records"), std::string::npos);

  Db b(dir.File("b.db"), clock);
  // {"format": []} crashed Restore (found by fuzz/backup_fuzzer.cpp): a
  // wrong JSON type must be an error like any other.
  for (const char* bad : {"", "{", "[]", R"({"format": "something-else"})", R"({"format": []})",
                          R"({"format": "rapport-backup", "version": 1, "contacts": [5, "x"]})",
                          R"({"format": "rapport-backup", "version": 1, "events": {"a": 1}})",
                          R"({"format": "rapport-backup", "version": 99})",
                          R"({"format": "rapport-backup", "version": 1, "contacts": [{"id": 1}]})",
                          R"({"format": "rapport-backup", "version": 1, "contacts": [{"id": 1, "name": "X", "degree": "fifth", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]})",
                          R"({"format": "rapport-backup", "version": 1, "contacts": [{"id": 1, "name": "X", "org_id": 7, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]})"}) {
    auto r = b.app->data().Restore(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().message().find('\n'), std::string::npos);
  }
  auto empty = b.db->Query("SELECT COUNT(*) FROM contact");
  EXPECT_EQ(empty->at(0).Int(0), 0);
}

}  // namespace
}  // namespace rapport
