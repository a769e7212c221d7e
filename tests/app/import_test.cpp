#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rapport/app/app.h"
#include "rapport/formats/people.h"
#include "rapport/store/store.h"
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
  // An App over another database, set up as this one.
  App OtherApp(Database& db) {
    Config cfg;
    cfg.zone = "UTC";
    return App(db, clock_, cfg);
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
  // Grace is new; Charles shares only a name and organization with the
  // Charles here, and the row says more (a profile, a title): he is added
  // and reported, not merged on a guess.
  EXPECT_EQ(r.added, 2);
  EXPECT_EQ(r.merged, 1);
  EXPECT_EQ(Count("contact"), 4);
  ASSERT_EQ(r.merges.size(), 1u);
  EXPECT_EQ(r.merges[0].matched_by, "email");
  EXPECT_EQ(r.merges[0].conflicts,
            (std::vector<std::string>{"title: kept 'Countess'; the file says 'Analyst'"}));
  ASSERT_EQ(r.possible_duplicates.size(), 1u);
  EXPECT_EQ(r.possible_duplicates[0].name, "Charles Babbage");
  EXPECT_EQ(r.possible_duplicates[0].existing_id, 2);
  EXPECT_EQ(r.possible_duplicates[0].why, "same name at Analytical Engines");
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
  EXPECT_GT(whole.merged + whole.unchanged + static_cast<int>(whole.repeated.size()), 10);

  TempDir other_dir;
  auto other_db = testing::OpenTestDatabase(GetParam(), other_dir);
  ASSERT_TRUE(other_db.ok());
  App other = OtherApp(**other_db);
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
  // Every name is in the name index, once, on both paths; and the trigger
  // that keeps it is back.
  const std::string indexed = GetParam() == testing::Engine::kPostgres
                                  ? "SELECT COUNT(*) FROM name_text WHERE id % 2 = 0"
                                  : "SELECT COUNT(*) FROM name_text WHERE rowid % 2 = 0";
  EXPECT_EQ(db_->Query(indexed)->at(0).Int(0), Count("contact"));
  EXPECT_EQ((*other_db)->Query(indexed)->at(0).Int(0), Count("contact"));
  // New people after the bulk path get the next ids, not a taken one.
  ContactFields f;
  f.name = "After The Import";
  auto after = app_->records().AddContact(f);
  ASSERT_TRUE(after.ok()) << after.error().message();
  EXPECT_EQ(after->contact.id, Count("contact"));
  EXPECT_EQ(app_->learning().Search("after the import", 5)->people.size(), 1u);
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

// ---- nothing lost on the way in or out (issue 17) --------------------------

// A Google export with what real ones have: several values in one cell
// (" ::: "), numbered columns past the first, labels, a primary marked "*".
constexpr const char* kGoogleMany =
    "Name,Given Name,Family Name,Organization 1 - Name,E-mail 1 - Type,E-mail 1 - Value,"
    "E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,"
    "Phone 2 - Value\n"
    "Priya Natarajan,Priya,Natarajan,Clinic Labs,* Work,priya@clinic.example ::: "
    "p.natarajan@clinic.example,Home,priya@home.example,Mobile,+1 415 555 0100 ::: "
    "+1 415 555 0101,Work,+1 415 555 0199\n";

std::vector<std::string> Values(const std::vector<ContactPoint>& v) {
  std::vector<std::string> out;
  for (const auto& p : v) out.push_back(p.value + (p.label.empty() ? "" : " (" + p.label + ")"));
  return out;
}

TEST_P(ImportTest, EveryAddressAndNumberIsKeptWithItsLabel) {
  auto r = Import(kGoogleMany, ImportFormat::kGoogle);
  EXPECT_EQ(r.added, 1);
  auto priya = app_->records().ShowContact("priya");
  ASSERT_TRUE(priya.ok());
  const Contact& c = priya->contact;
  EXPECT_EQ(c.email, "priya@clinic.example");
  EXPECT_EQ(c.email_label, "work");
  EXPECT_EQ(Values(c.other_emails), (std::vector<std::string>{"p.natarajan@clinic.example (work)",
                                                              "priya@home.example (home)"}));
  EXPECT_EQ(c.phone, "+1 415 555 0100");
  EXPECT_EQ(c.phone_label, "mobile");
  EXPECT_EQ(Values(c.other_phones),
            (std::vector<std::string>{"+1 415 555 0101 (mobile)", "+1 415 555 0199 (work)"}));
  // In the backup, the vCard and the CSV too.
  auto backup = app_->data().Backup();
  for (const char* v : {"p.natarajan@clinic.example", "priya@home.example", "+1 415 555 0101",
                        "+1 415 555 0199"}) {
    EXPECT_NE(backup->find(v), std::string::npos) << v;
    EXPECT_NE(app_->data().ExportVCard({})->find(v), std::string::npos) << v;
    EXPECT_NE(app_->data().ExportPeopleCsv({})->find(v), std::string::npos) << v;
  }
  // Any of her addresses finds her: a later file with only the home one
  // merges into her.
  auto later = Import(
      "Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\n"
      "P. Natarajan,Home,PRIYA@home.example,Assistant,+1 415 555 0142\n",
      ImportFormat::kGoogle);
  EXPECT_EQ(later.added, 0);
  EXPECT_EQ(later.merged, 1);
  ASSERT_EQ(later.merges.size(), 1u);
  EXPECT_EQ(later.merges[0].matched_by, "email");
  EXPECT_EQ(later.merges[0].filled, (std::vector<std::string>{"phone +1 415 555 0142"}));
  auto again = app_->records().ShowContact("priya");
  EXPECT_EQ(Values(again->contact.other_phones).back(), "+1 415 555 0142 (Assistant)");
  EXPECT_EQ(again->contact.name, "Priya Natarajan");  // ours kept
  // And a restore brings every one of them back.
  TempDir other_dir;
  auto other_db = testing::OpenTestDatabase(GetParam(), other_dir);
  ASSERT_TRUE(other_db.ok());
  App other = OtherApp(**other_db);
  ASSERT_TRUE(other.data().Restore(*app_->data().Backup()).ok());
  auto restored = other.records().ShowContact("priya");
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(Values(restored->contact.other_emails), Values(again->contact.other_emails));
  EXPECT_EQ(Values(restored->contact.other_phones), Values(again->contact.other_phones));
  EXPECT_EQ(restored->contact.phone_label, "mobile");
}

TEST_P(ImportTest, AProfileIsAPersonWhateverTheName) {
  auto r = Import(
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Acme,Engineer,15 Mar 2024\n"
      "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Acme,Designer,16 Mar 2024\n"
      "Jo,Park,https://www.linkedin.com/in/jo-park-a,,,,15 Mar 2024\n"
      "Jo,Park,https://www.linkedin.com/in/jo-park-b,,,,15 Mar 2024\n");
  EXPECT_EQ(r.added, 4);
  EXPECT_EQ(r.unchanged, 0);
  EXPECT_TRUE(r.possible_duplicates.empty());  // two profiles: two people, no doubt
  EXPECT_EQ(Count("contact"), 4);
  auto again = Import(
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Acme,Designer,16 Mar 2024\n");
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.unchanged, 1);
}

TEST_P(ImportTest, SameNameWithoutProofIsAddedAndReportedNotMerged) {
  const char* file =
      "Name,Phone 1 - Type,Phone 1 - Value\n"
      "Alex Kim,Mobile,+1 206 555 0001\n"
      "Alex Kim,Mobile,+1 206 555 0002\n";
  auto r = Import(file, ImportFormat::kGoogle);
  EXPECT_EQ(r.added, 2);
  EXPECT_EQ(r.merged, 0);
  EXPECT_EQ(r.unchanged, 0);
  EXPECT_TRUE(r.merges.empty());
  ASSERT_EQ(r.possible_duplicates.size(), 1u);
  EXPECT_EQ(r.possible_duplicates[0].line, 3);
  EXPECT_EQ(r.possible_duplicates[0].why, "same name, no organization");
  EXPECT_NE(r.possible_duplicates[0].added_id, r.possible_duplicates[0].existing_id);
  // Each kept their own number; a second run of the file changes nothing.
  auto backup = app_->data().Backup();
  EXPECT_NE(backup->find("+1 206 555 0001"), std::string::npos);
  EXPECT_NE(backup->find("+1 206 555 0002"), std::string::npos);
  clock_.Advance(hours{1});
  auto again = Import(file, ImportFormat::kGoogle);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_TRUE(again.possible_duplicates.empty());
  EXPECT_EQ(*app_->data().Backup(), *backup);
}

TEST_P(ImportTest, SomeoneWithOnlyAnAddressIsKeptUnderIt) {
  auto r = Import("Name,E-mail 1 - Type,E-mail 1 - Value\n,* Other,lee@example.net\n",
                  ImportFormat::kGoogle);
  EXPECT_EQ(r.added, 1);
  EXPECT_TRUE(r.skipped.empty());
  auto lee = app_->records().ShowContact("lee@example.net");
  ASSERT_TRUE(lee.ok()) << lee.error().message();
  EXPECT_EQ(lee->contact.name, "lee@example.net");
}

TEST_P(ImportTest, RowsRepeatedInOneFileAreSaidOnce) {
  std::string file = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < 3; ++i) {
    file += "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Engines,,"
            "15 Mar 2024\n";
  }
  for (int i = 0; i < 4; ++i) file += ",,,,,,03 Feb 2022\n";
  auto r = Import(file);
  EXPECT_EQ(r.added, 1);
  EXPECT_EQ(r.unchanged, 0);  // "unchanged" means already here before this file
  ASSERT_EQ(r.repeated.size(), 2u);
  EXPECT_EQ(r.repeated[0].line, 3);
  EXPECT_EQ(r.repeated[0].reason, "the same as line 2");
  auto groups = GroupByReason(r.skipped);
  ASSERT_EQ(groups.size(), 1u);  // four date-only rows, one reason
  EXPECT_EQ(groups[0].lines, (std::vector<int>{5, 6, 7, 8}));
}

// What a vCard round trip must keep of a person, ids aside.
std::string Describe(const Contact& c) {
  std::ostringstream o;
  o << c.name << "|" << c.org_name << "|" << c.title.value_or("") << "|" << c.email.value_or("")
    << "/" << c.email_label << "|" << c.phone.value_or("") << "/" << c.phone_label << "|";
  for (const auto& v : Values(c.other_emails)) o << v << ";";
  o << "|";
  for (const auto& v : Values(c.other_phones)) o << v << ";";
  o << "|" << c.linkedin.value_or("") << "|" << c.location.value_or("") << "|"
    << c.note.value_or("") << "|" << (c.source ? ToString(*c.source) : "") << "|"
    << (c.degree ? ToString(*c.degree) : "") << "|" << c.introducer_name << "|"
    << (c.connected_at ? FormatIso(*c.connected_at) : "") << "|";
  for (const auto& t : c.tags) o << t << ",";
  return o.str();
}

TEST_P(ImportTest, AVCardRoundTripKeepsHowYouKnowEachPerson) {
  const std::filesystem::path dir =
      std::filesystem::path(RAPPORT_SOURCE_DIR) / ".." / "shared" / "fixtures" / "vcard";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "shared fixtures are not beside the checkout";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".vcf" && ext != ".vcard") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!ParseVCard(ss.str()).ok()) continue;  // a broken file has its own test
    SCOPED_TRACE(entry.path().filename().string());
    TempDir a_dir, b_dir;
    auto a_db = testing::OpenTestDatabase(GetParam(), a_dir);
    auto b_db = testing::OpenTestDatabase(GetParam(), b_dir);
    ASSERT_TRUE(a_db.ok() && b_db.ok());
    Config cfg;
    cfg.zone = "UTC";
    App a(**a_db, clock_, cfg), b(**b_db, clock_, cfg);
    ImportOptions o;
    o.format = ImportFormat::kVCard;
    o.keep_going = true;
    auto in_a = a.data().Import(ss.str(), o);
    ASSERT_TRUE(in_a.ok()) << in_a.error().message();
    auto people = a.records().ListContacts(std::nullopt, std::nullopt);
    ASSERT_TRUE(people.ok());
    if (people->empty()) continue;
    // How the seeker knows them: what a phone or another CRM would forget.
    for (size_t i = 0; i < people->size(); ++i) {
      ContactFields f;
      f.source = i % 2 ? "referral" : "conference";
      f.degree = i % 2 ? "second" : "first";
      f.add_tags = {"met-2026"};
      if (i > 0) f.introducer = std::to_string((*people)[0].id);
      auto edited = a.records().EditContact(std::to_string((*people)[i].id), f);
      ASSERT_TRUE(edited.ok()) << edited.error().message();
    }
    Contact first = (*people)[0];
    first.connected_at = *ParseTime("2021-06-30T00:00Z", "UTC");
    Store store(**a_db, 1);
    auto full = store.GetContact(first.id);
    (*full)->connected_at = first.connected_at;
    ASSERT_TRUE(store.UpdateContact(**full, clock_.Now()).ok());

    auto card = a.data().ExportVCard({});
    ASSERT_TRUE(card.ok());
    auto in_b = b.data().Import(*card, o);
    ASSERT_TRUE(in_b.ok()) << in_b.error().message();
    EXPECT_TRUE(in_b->rejected.empty());
    auto describe_all = [](App& app) {
      std::vector<std::string> out;
      auto listed = app.records().ListContacts(std::nullopt, std::nullopt);
      if (!listed.ok()) return out;
      const std::vector<Contact> contacts = std::move(*listed);
      for (const auto& c : contacts) out.push_back(Describe(c));
      std::sort(out.begin(), out.end());
      return out;
    };
    EXPECT_EQ(describe_all(b), describe_all(a));
    ++files;
  }
  EXPECT_GE(files, 5);
}

}  // namespace
}  // namespace rapport
