#include <gtest/gtest.h>

#include "rapport/app/app.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

constexpr const char* kLinkedIn =
    "Notes:\n"
    "\"When exporting your connection data, you may notice that some of the email addresses are "
    "missing.\"\n"
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Analytical Engines,"
    "Analyst,15 Mar 2024\n"
    "Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,Navy Labs,\"Rear Admiral, retd.\","
    "02 Jan 2023\n"
    ",,,,,,03 Feb 2022\n"
    "Charles,Babbage,https://www.linkedin.com/in/cbabbage,,Analytical Engines,Founder,"
    "01 Dec 2021\n";

class ImportTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    auto db = testing::OpenTestDatabase(GetParam(), dir_);
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "UTC";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
  }
  ImportReport Import(std::string_view data, ImportFormat format = ImportFormat::kLinkedIn,
                      bool keep_going = false) {
    ImportOptions o;
    o.format = format;
    o.keep_going = keep_going;
    auto r = app_->data().Import(data, o);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r.ok() ? *r : ImportReport{};
  }
  std::int64_t Count(const char* table) {
    return db_->Query(std::string("SELECT COUNT(*) FROM ") + table)->at(0).Int(0);
  }
  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
};
RAPPORT_ON_BOTH_ENGINES(ImportTest);

TEST_P(ImportTest, LinkedInPeopleArriveAsFirstDegreeWithTheirConnectionDate) {
  auto r = Import(kLinkedIn);
  EXPECT_TRUE(r.written);
  EXPECT_EQ(r.added, 3);
  EXPECT_EQ(r.skipped.size(), 1u);  // the date-only row
  EXPECT_EQ(r.rejected.size(), 0u);
  EXPECT_EQ(r.organizations_added, 2);
  auto ada = app_->records().ShowContact("ada@example.org");
  ASSERT_TRUE(ada.ok());
  EXPECT_EQ(ada->contact.org_name, "Analytical Engines");
  EXPECT_EQ(ada->contact.source, Source::kLinkedin);
  EXPECT_EQ(ada->contact.degree, Degree::kFirst);
  ASSERT_TRUE(ada->contact.connected_at.has_value());
  EXPECT_EQ(FormatIso(*ada->contact.connected_at), "2024-03-15T00:00:00Z");
  EXPECT_EQ(app_->records().ShowContact("grace")->contact.title, "Rear Admiral, retd.");
}

TEST_P(ImportTest, ImportingTheSameFileTwiceChangesNothing) {
  Import(kLinkedIn);
  auto before = app_->data().Backup();
  ASSERT_TRUE(before.ok());
  clock_.Advance(hours{1});
  auto again = Import(kLinkedIn);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.merged, 0);
  EXPECT_EQ(again.unchanged, 3);
  EXPECT_EQ(*app_->data().Backup(), *before);
}

TEST_P(ImportTest, ExistingPeopleAreMergedNotDoubled) {
  ContactFields f;
  f.name = "Ada Lovelace";
  f.email = "ADA@example.org";
  f.title = "Countess";
  ASSERT_TRUE(app_->records().AddContact(f).ok());
  ContactFields g;
  g.name = "charles  babbage";
  g.org = "analytical engines";
  ASSERT_TRUE(app_->records().AddContact(g).ok());
  auto r = Import(kLinkedIn);
  EXPECT_EQ(r.added, 1);  // Grace
  EXPECT_EQ(r.merged, 2);
  EXPECT_EQ(Count("contact"), 3);
  ASSERT_EQ(r.merges.size(), 2u);
  EXPECT_EQ(r.merges[0].matched_by, "email");
  EXPECT_EQ(r.merges[0].conflicts,
            (std::vector<std::string>{"title: kept 'Countess'; the file says 'Analyst'"}));
  EXPECT_EQ(r.merges[1].matched_by, "name and organization");
  auto ada = app_->records().ShowContact("ada");
  EXPECT_EQ(ada->contact.title, "Countess");  // ours kept
  EXPECT_EQ(ada->contact.linkedin, "https://www.linkedin.com/in/ada-lovelace");  // filled
  // The LinkedIn URL alone matches too, whatever its form.
  std::string other =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Augusta Ada,King,http://linkedin.com/in/ADA-lovelace/,,,,15 Mar 2024\n";
  auto r2 = Import(other);
  EXPECT_EQ(r2.added, 0);
  EXPECT_EQ(r2.unchanged, 1);
}

TEST_P(ImportTest, OneBadRowImportsNothingAndNamesTheRow) {
  std::string bad = std::string(kLinkedIn) + "Bob,Broken,,,Acme,,32 Foo 2020\n";
  auto r = Import(bad);
  EXPECT_FALSE(r.written);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].line, 9);
  EXPECT_NE(r.rejected[0].reason.find("32 Foo 2020"), std::string::npos) << r.rejected[0].reason;
  EXPECT_EQ(Count("contact"), 0);
  EXPECT_EQ(Count("organization"), 0);
  auto kept = Import(bad, ImportFormat::kLinkedIn, /*keep_going=*/true);
  EXPECT_TRUE(kept.written);
  EXPECT_EQ(kept.added, 3);
  EXPECT_EQ(kept.rejected.size(), 1u);
}

TEST_P(ImportTest, DryRunWritesNothing) {
  ImportOptions o;
  o.dry_run = true;
  auto r = app_->data().Import(kLinkedIn, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added, 3);
  EXPECT_FALSE(r->written);
  EXPECT_EQ(Count("contact"), 0);
  EXPECT_EQ(Count("organization"), 0);
}

TEST_P(ImportTest, NotTheClaimedFormatIsRefused) {
  ImportOptions o;
  auto r = app_->data().Import("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message().find('\n'), std::string::npos);
  o.format = ImportFormat::kVCard;
  EXPECT_FALSE(app_->data().Import(kLinkedIn, o).ok());
  EXPECT_EQ(Count("contact"), 0);
}

TEST_P(ImportTest, VCardCategoriesBecomeTagsAndTagsApplyToAll) {
  const char* cards =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
      "EMAIL;TYPE=INTERNET:ada@example.org\r\nORG:Analytical Engines\r\n"
      "CATEGORIES:Mathematics,myContacts\r\nNOTE:Met at the\\, um\\, salon\r\nEND:VCARD\r\n";
  ImportOptions o;
  o.format = ImportFormat::kVCard;
  o.tags = {"salon-2026"};
  auto r = app_->data().Import(cards, o);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->added, 1);
  auto ada = app_->records().ShowContact("ada");
  EXPECT_EQ(ada->contact.tags, (std::vector<std::string>{"Mathematics", "salon-2026"}));
  EXPECT_EQ(ada->contact.note, "Met at the, um, salon");
}

// A LinkedIn export of `rows` people, with the duplicates real files have:
// the same address, profile or name at the same company on two rows.
std::string BigLinkedIn(int from, int to) {
  std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = from; i < to; ++i) {
    const int who = i % 997 == 5 ? i - 3 : i;  // now and then someone seen three rows ago
    csv += "Person," + std::to_string(who) + (i % 13 == 0 ? "  Jr" : "") + ",";
    if (i % 7 != 0) csv += "https://www.linkedin.com/in/p-" + std::to_string(i % 5003 == 9 ? i - 1 : who);
    csv += ",";
    if (i % 3 == 0) csv += "p" + std::to_string(who) + "@Example.org";
    csv += ",Org " + std::to_string(who % 301) + (who % 2 ? " Labs" : "  labs") + ",";
    csv += i % 5 == 0 ? "" : "\"Engineer, " + std::to_string(i % 11) + "\"";
    csv += "," + std::to_string(1 + i % 28) + " Mar 2024\n";
    if (i % 1000 == 0) csv += ",,,,,,03 Feb 2022\n";
  }
  return csv;
}

TEST_P(ImportTest, ALargeImportLeavesWhatSmallOnesWould) {
  // 12,000 rows take the bulk path (indexes built at the end, a rollback
  // journal, many rows per statement); the same rows in pieces of 4,000
  // do not. Both must leave the same database.
  ImportOptions tagged;
  tagged.tags = {"imported", "2024"};
  auto imported = app_->data().Import(BigLinkedIn(0, 12'000), tagged);
  ASSERT_TRUE(imported.ok()) << imported.error().message();
  const ImportReport& whole = *imported;
  EXPECT_TRUE(whole.written);
  EXPECT_GT(whole.added, 11'000);
  EXPECT_GT(whole.merged + whole.unchanged, 10);

  TempDir other_dir;
  auto other_db = testing::OpenTestDatabase(GetParam(), other_dir);
  ASSERT_TRUE(other_db.ok());
  Config cfg;
  cfg.zone = "UTC";
  App other(**other_db, clock_, cfg);
  int added = 0;
  for (int from = 0; from < 12'000; from += 4'000) {
    auto r = other.data().Import(BigLinkedIn(from, from + 4'000), tagged);
    ASSERT_TRUE(r.ok()) << r.error().message();
    added += r->added;
  }
  EXPECT_EQ(added, whole.added);
  EXPECT_EQ(*app_->data().Backup(), *other.data().Backup());

  // Everything is back as it was: indexes, the log, foreign keys.
  auto indexes = db_->ListIndexes("contact");
  ASSERT_TRUE(indexes.ok());
  EXPECT_EQ(indexes->size(), (*other_db)->ListIndexes("contact")->size());
  EXPECT_EQ(indexes->size(), 3u);
  // PostgreSQL's foreign keys, dropped for the load, are back and checked.
  EXPECT_EQ(db_->ListForeignKeys("contact")->size(),
            GetParam() == testing::Engine::kPostgres ? 3u : 0u);
  if (GetParam() == testing::Engine::kSqlite) {
    EXPECT_EQ(db_->Query("PRAGMA journal_mode")->at(0).Text(0), "wal");
    EXPECT_EQ(db_->Query("PRAGMA foreign_keys")->at(0).Int(0), 1);
    EXPECT_TRUE(db_->Query("PRAGMA foreign_key_check")->empty());
    EXPECT_EQ(db_->Query("PRAGMA integrity_check")->at(0).Text(0), "ok");
  }
  // New people after the bulk path get the next ids, not a taken one.
  ContactFields f;
  f.name = "After The Import";
  auto after = app_->records().AddContact(f);
  ASSERT_TRUE(after.ok()) << after.error().message();
  EXPECT_EQ(after->contact.id, Count("contact"));
  ASSERT_TRUE(app_->records().RemoveContact(std::to_string(after->contact.id)).ok());

  EXPECT_EQ(Count("contact_tag"), 2 * Count("contact"));

  // And importing it again changes nothing.
  auto before = app_->data().Backup();
  auto again = app_->data().Import(BigLinkedIn(0, 12'000), tagged);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->merged, 0);
  EXPECT_EQ(*app_->data().Backup(), *before);
}

TEST_P(ImportTest, ALargeDryRunWritesNothing) {
  ImportOptions o;
  o.dry_run = true;
  auto r = app_->data().Import(BigLinkedIn(0, 11'000), o);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_GT(r->added, 10'000);
  EXPECT_FALSE(r->written);
  EXPECT_EQ(Count("contact"), 0);
  EXPECT_EQ(Count("organization"), 0);
  EXPECT_EQ(db_->ListIndexes("contact")->size(), 3u);
  if (GetParam() == testing::Engine::kSqlite) {
    EXPECT_EQ(db_->Query("PRAGMA journal_mode")->at(0).Text(0), "wal");
  }
}

TEST_P(ImportTest, MergeByHandMovesHistory) {
  ContactFields a;
  a.name = "Ada Lovelace";
  a.email = "ada@example.org";
  auto ada = app_->records().AddContact(a);
  ContactFields b;
  b.name = "A. Lovelace";
  b.phone = "+44 20 7946 0000";
  b.add_tags = {"math"};
  auto dup = app_->records().AddContact(b);
  EventInput e;
  e.kind = EventKind::kRequestSent;
  e.contact = std::to_string(dup->contact.id);
  ASSERT_TRUE(app_->pipeline().Record(e).ok());
  auto m = app_->data().Merge(std::to_string(ada->contact.id), std::to_string(dup->contact.id));
  ASSERT_TRUE(m.ok()) << m.error().message();
  EXPECT_EQ(m->events_moved, 1);
  EXPECT_EQ(m->survivor.phone, "+44 20 7946 0000");
  EXPECT_EQ(m->survivor.tags, (std::vector<std::string>{"math"}));
  EXPECT_EQ(Count("contact"), 1);
  EXPECT_EQ(app_->records().ShowContact("ada")->stage, Stage::kRequested);
  EXPECT_FALSE(app_->data().Merge("ada", "ada").ok());
}

}  // namespace
}  // namespace rapport
