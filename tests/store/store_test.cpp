#include "rapport/store/store.h"
#include "rapport/store/search_syntax.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <sqlite3.h>

#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::Engine;
using testing::TempDir;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenSqlite(dir_.File("rapport.db"));
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    store_ = std::make_unique<Store>(*db_, 1);
  }
  std::string Pragma(const char* name) {
    auto rows = db_->Query(std::string("PRAGMA ") + name);
    return rows->at(0).Text(0);
  }
  Instant now_ = FromUnix(1'770'000'000);
  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, OpenSetsWalForeignKeysAndLatestSchema) {
  EXPECT_EQ(Pragma("journal_mode"), "wal");
  EXPECT_EQ(Pragma("foreign_keys"), "1");
  auto v = db_->Query("SELECT MAX(version) FROM schema_version");
  EXPECT_EQ(v->at(0).Int(0), LatestSchemaVersion());
}

// A database made by the first release reached version 6 with indexes a
// later edit took out of migration 1 (contact_name, contact_linkedin on
// the columns migration 7 drops; contact_org and event_contact without
// workspace_id; event_workspace_kind). It must migrate to the schema every
// new database has, keeping its data.
TEST_F(StoreTest, AFirstReleaseDatabaseMigratesToTheSameSchemaAsANewOne) {
  auto schema = [](Database& db) {
    std::string out;
    auto rows = db.Query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
    for (const auto& r : *rows) out += r.Text(0) + ": " + r.Text(1) + "\n";
    for (const char* table : {"contact", "workspace", "event"}) {
      auto cols = db.Query(std::string("SELECT name FROM pragma_table_info('") + table + "') ORDER BY name");
      for (const auto& c : *cols) out += std::string(table) + "." + c.Text(0) + "\n";
    }
    return out;
  };
  const std::string fresh = schema(*db_);
  auto org = store_->AddOrganization({.name = "Acme"}, now_);
  ASSERT_TRUE(org.ok());
  db_.reset();
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(dir_.File("rapport.db").c_str(), &raw), SQLITE_OK);
    const char* first_release = R"sql(
      ALTER TABLE workspace DROP COLUMN calendar_token;
      ALTER TABLE contact ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE contact ADD COLUMN linkedin_key TEXT;
      CREATE INDEX contact_name ON contact (workspace_id, name_key);
      CREATE INDEX contact_linkedin ON contact (workspace_id, linkedin_key);
      DROP INDEX contact_org; CREATE INDEX contact_org ON contact (org_id);
      DROP INDEX event_contact; CREATE INDEX event_contact ON event (contact_id, at, id);
      DROP INDEX event_kind; CREATE INDEX event_workspace_kind ON event (workspace_id, kind, at);
      DROP TABLE contact_point;
      DROP TABLE write_receipt;
      DROP TABLE name_text;
      DROP TRIGGER contact_name_insert; DROP TRIGGER contact_name_update;
      DROP TRIGGER contact_name_delete; DROP TRIGGER organization_name_insert;
      DROP TRIGGER organization_name_update; DROP TRIGGER organization_name_delete;
      ALTER TABLE event DROP COLUMN template;
      ALTER TABLE contact_state DROP COLUMN next_late;
      DELETE FROM schema_version WHERE version >= 7;
    )sql";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(raw, first_release, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_close(raw);
  }
  auto again = OpenSqlite(dir_.File("rapport.db"));
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(schema(**again), fresh);
  Store s(**again, 1);
  ASSERT_EQ(s.ListOrganizations()->size(), 1u);
  EXPECT_EQ(s.ListOrganizations()->at(0).name, "Acme");
  // The names already there are indexed by the migration.
  auto acme = ParseSearchQuery("acm");
  ASSERT_TRUE(acme.ok());
  EXPECT_EQ(s.FindOrganizationsNamed(*acme, 10)->size(), 1u);
}

TEST_F(StoreTest, ReopeningDoesNotReapplyMigrations) {
  ASSERT_TRUE(store_->AddOrganization({.name = "Acme"}, now_).ok());
  db_.reset();
  auto again = OpenSqlite(dir_.File("rapport.db"));
  ASSERT_TRUE(again.ok()) << again.error().message();
  auto rows = (*again)->Query("SELECT COUNT(*) FROM schema_version");
  EXPECT_EQ(rows->at(0).Int(0), LatestSchemaVersion());
  Store s(**again, 1);
  EXPECT_EQ(s.ListOrganizations()->size(), 1u);
}

TEST_F(StoreTest, NewerDatabaseIsRefusedNotDowngraded) {
  ASSERT_TRUE(db_->Execute("INSERT INTO schema_version (version) VALUES (999)").ok());
  db_.reset();
  auto again = OpenSqlite(dir_.File("rapport.db"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), ErrorCode::kSchemaTooNew);
  EXPECT_NE(again.error().message().find("newer Rapport"), std::string::npos);
  EXPECT_NE(again.error().message().find("999"), std::string::npos);
}

TEST_F(StoreTest, AFileThatIsNotADatabaseIsRefused) {
  std::ofstream(dir_.File("notes.txt")) << "just some text, long enough to not be a header\n";
  auto db = OpenSqlite(dir_.File("notes.txt"));
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().message().find("not a Rapport database"), std::string::npos);
}

TEST_F(StoreTest, ADatabaseLockedByAnotherWriterIsBusyNotForeign) {
  const std::string path = dir_.File("locked.db");
  ASSERT_TRUE(OpenSqlite(path).ok());
  // What a large import does (BeginBulkWrite): a rollback journal and the
  // write lock, which keep a newcomer from even switching to WAL.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE; "
                                "INSERT INTO workspace (name, created_at) VALUES ('x', 0)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  auto db = OpenSqlite(path);  // waits out the 5 s busy timeout
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().message().find("is busy (another rapport is writing to it); try again"),
            std::string::npos)
      << db.error().message();
  EXPECT_EQ(db.error().message().find("not a Rapport database"), std::string::npos);
}

TEST_F(StoreTest, CreatesMissingFolders) {
  auto db = OpenSqlite(dir_.File("a/b/c/rapport.db"));
  ASSERT_TRUE(db.ok()) << db.error().message();
  EXPECT_TRUE(std::filesystem::exists(dir_.File("a/b/c/rapport.db")));
}

TEST_F(StoreTest, AnUnreachablePostgresGetsAClearErrorWithoutItsPassword) {
  // A socket folder with no server in it: refused at once, no network.
  auto db = OpenDatabase("postgresql://ada:s3cret@/rapport?host=" + dir_.File("nowhere"));
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code(), ErrorCode::kIo);
  EXPECT_NE(db.error().message().find("cannot connect to PostgreSQL"), std::string::npos)
      << db.error().message();
  EXPECT_EQ(db.error().message().find("s3cret"), std::string::npos) << db.error().message();
}

// The conformance suite: what follows runs on SQLite and on PostgreSQL.
class StoreConformance : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    auto db = testing::OpenTestDatabase(GetParam(), dir_);
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    store_ = std::make_unique<Store>(*db_, 1);
  }
  Instant now_ = FromUnix(1'770'000'000);
  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Store> store_;
};
RAPPORT_ON_BOTH_ENGINES(StoreConformance);

TEST_P(StoreConformance, ContactRoundTripWithTagsAndJoins) {
  auto org = store_->AddOrganization({.name = "Analytical Engines", .industry = "Computing"}, now_);
  ASSERT_TRUE(org.ok());
  Contact intro;
  intro.name = "Charles Babbage";
  auto i = store_->AddContact(intro, now_);
  ASSERT_TRUE(i.ok());
  Contact c;
  c.name = "Ada Lovelace";
  c.org_id = org->id;
  c.email = "Ada@Example.org";
  c.tz = "Europe/London";
  c.source = Source::kReferral;
  c.degree = Degree::kSecond;
  c.introducer_id = i->id;
  c.tags = {"math", "poetry"};
  auto added = store_->AddContact(c, now_);
  ASSERT_TRUE(added.ok()) << added.error().message();
  auto got = store_->GetContact(added->id);
  ASSERT_TRUE(got.ok() && got->has_value());
  const Contact& g = **got;
  EXPECT_EQ(g.name, "Ada Lovelace");
  EXPECT_EQ(g.org_name, "Analytical Engines");
  EXPECT_EQ(g.introducer_name, "Charles Babbage");
  EXPECT_EQ(g.tags, (std::vector<std::string>{"math", "poetry"}));
  EXPECT_EQ(g.source, Source::kReferral);
  EXPECT_EQ(g.created_at, now_);
  // Email lookup ignores case.
  auto by_email = store_->GetContactByEmail("ada@EXAMPLE.org");
  ASSERT_TRUE(by_email.ok() && by_email->has_value());
  EXPECT_EQ((*by_email)->id, added->id);
  // Fragments match case-insensitively; LIKE wildcards are literal.
  EXPECT_EQ(store_->FindContacts("LOVE")->size(), 1u);
  EXPECT_EQ(store_->FindContacts("%")->size(), 0u);
  EXPECT_EQ(store_->ListContacts({.tag = "poetry"})->size(), 1u);
  EXPECT_EQ(store_->ListContacts({.org_id = org->id})->size(), 1u);
  EXPECT_EQ(store_->ListIntroducedBy(i->id)->size(), 1u);
}

TEST_P(StoreConformance, DuplicateEmailIsAConflict) {
  Contact a;
  a.name = "A";
  a.email = "same@example.org";
  ASSERT_TRUE(store_->AddContact(a, now_).ok());
  a.name = "B";
  a.email = "SAME@example.org";
  auto again = store_->AddContact(a, now_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), ErrorCode::kConflict);
}

TEST_P(StoreConformance, RemovingAnOrganizationKeepsItsContacts) {
  auto org = store_->AddOrganization({.name = "Acme"}, now_);
  Contact c;
  c.name = "Wile";
  c.org_id = org->id;
  auto added = store_->AddContact(c, now_);
  ASSERT_TRUE(store_->RemoveOrganization(org->id).ok());
  auto got = store_->GetContact(added->id);
  ASSERT_TRUE(got->has_value());
  EXPECT_FALSE((*got)->org_id.has_value());
}

TEST_P(StoreConformance, RemovingAContactRemovesItsEventsAndTags) {
  Contact c;
  c.name = "Gone";
  c.tags = {"x"};
  auto added = store_->AddContact(c, now_);
  Event e;
  e.contact_id = added->id;
  e.kind = EventKind::kRequestSent;
  e.at = now_;
  ASSERT_TRUE(store_->AddEvent(e, now_).ok());
  ASSERT_TRUE(store_->RemoveContact(added->id).ok());
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM event")->at(0).Int(0), 0);
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM contact_tag")->at(0).Int(0), 0);
  auto missing = store_->RemoveContact(added->id);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
}

TEST_P(StoreConformance, EventRoundTripKeepsEveryField) {
  Contact c;
  c.name = "Grace";
  auto added = store_->AddContact(c, now_);
  Event e;
  e.contact_id = added->id;
  e.kind = EventKind::kMeetingScheduled;
  e.at = now_;
  e.channel = Channel::kEmail;
  e.body = "coffee";
  e.meeting_at = now_ + days{3};
  e.meeting_tz = "America/New_York";
  e.meeting_minutes = 60;
  e.meeting_mode = MeetingMode::kInPerson;
  e.meeting_place = "Cafe";
  auto stored = store_->AddEvent(e, now_);
  ASSERT_TRUE(stored.ok()) << stored.error().message();
  auto events = store_->ListEvents(added->id);
  ASSERT_EQ(events->size(), 1u);
  const Event& g = events->at(0);
  EXPECT_EQ(g.kind, EventKind::kMeetingScheduled);
  EXPECT_EQ(g.channel, Channel::kEmail);
  EXPECT_EQ(g.body, "coffee");
  EXPECT_EQ(g.meeting_at, now_ + days{3});
  EXPECT_EQ(g.meeting_tz, "America/New_York");
  EXPECT_EQ(g.meeting_minutes, 60);
  EXPECT_EQ(g.meeting_mode, MeetingMode::kInPerson);
  EXPECT_EQ(g.meeting_place, "Cafe");
}

TEST_P(StoreConformance, WorkspacesDoNotSeeEachOther) {
  ASSERT_TRUE(db_->Execute("INSERT INTO workspace (id, name, created_at) VALUES (2, 'other', 0)").ok());
  Store other(*db_, 2);
  ASSERT_TRUE(store_->AddOrganization({.name = "Mine"}, now_).ok());
  Contact c;
  c.name = "Private Person";
  c.email = "p@example.org";
  auto added = store_->AddContact(c, now_);
  EXPECT_TRUE(other.ListOrganizations()->empty());
  EXPECT_TRUE(other.ListContacts()->empty());
  EXPECT_FALSE(other.GetContact(added->id)->has_value());
  EXPECT_FALSE(other.GetContactByEmail("p@example.org")->has_value());
  EXPECT_FALSE(other.RemoveContact(added->id).ok());
  EXPECT_TRUE(store_->GetContact(added->id)->has_value());
  EXPECT_TRUE(other.GetContacts({added->id})->empty());
  // The same email may exist in another workspace.
  EXPECT_TRUE(other.AddContact(c, now_).ok());
}

TEST_P(StoreConformance, ManyContactsByIdInOneReadWithTheirTags) {
  std::vector<Id> ids;
  for (const char* name : {"Zoe Tan", "Ada Byrne", "Mia Ortiz"}) {
    Contact c;
    c.name = name;
    c.tags = {std::string("t-") + name[0]};
    auto added = store_->AddContact(c, now_);
    ASSERT_TRUE(added.ok()) << added.error().message();
    ids.push_back(added->id);
  }
  auto got = store_->GetContacts({ids[0], ids[2], 999'999});
  ASSERT_TRUE(got.ok()) << got.error().message();
  ASSERT_EQ(got->size(), 2u);  // the unknown id is left out; ordered by name
  EXPECT_EQ((*got)[0].name, "Mia Ortiz");
  EXPECT_EQ((*got)[1].name, "Zoe Tan");
  EXPECT_EQ((*got)[1].tags, std::vector<std::string>{"t-Z"});
  EXPECT_TRUE(store_->GetContacts({})->empty());
}

TEST_P(StoreConformance, CountingEventsByKindStopsWhereAsked) {
  Contact c;
  c.name = "Counted Person";
  auto added = store_->AddContact(c, now_);
  ASSERT_TRUE(added.ok());
  for (int i = 0; i < 4; ++i) {
    Event e;
    e.contact_id = added->id;
    e.kind = EventKind::kMeetingHeld;
    e.at = now_ + Seconds{i * 60};
    ASSERT_TRUE(store_->AddEvent(e, now_).ok());
  }
  EXPECT_EQ(*store_->CountEventsByKind(EventKind::kMeetingHeld, now_, now_ + Seconds{3600}, 10), 4);
  EXPECT_EQ(*store_->CountEventsByKind(EventKind::kMeetingHeld, now_, now_ + Seconds{3600}, 3), 3);
  EXPECT_EQ(*store_->CountEventsByKind(EventKind::kMeetingHeld, now_ + Seconds{61}, now_ + Seconds{3600}, 10), 2);
  EXPECT_EQ(*store_->CountEventsByKind(EventKind::kRequestSent, now_, now_ + Seconds{3600}, 10), 0);
}

TEST_P(StoreConformance, ContactStateIndexesTheEarliestDue) {
  std::vector<Id> ids;
  for (int i = 0; i < 5; ++i) {
    Contact c;
    c.name = "P" + std::to_string(i);
    ids.push_back(store_->AddContact(c, now_)->id);
  }
  for (int i = 0; i < 5; ++i) {
    ContactState st;
    st.contact_id = ids[i];
    st.stage = "requested";
    if (i != 2) st.next_due = now_ + days{i};
    // P3's action is due but not late (a meeting to prepare for).
    if (i != 2 && i != 3) st.next_late = st.next_due;
    ASSERT_TRUE(store_->PutContactState(st).ok());
  }
  auto due = store_->ContactsDueBy(now_ + days{3}, 10);
  EXPECT_EQ(*due, (std::vector<Id>{ids[0], ids[1], ids[3]}));
  EXPECT_EQ(*store_->CountContactsDueBy(now_ + days{3}, 10), 3);
  EXPECT_EQ(*store_->CountContactsDueBy(now_ + days{3}, 2), 2);  // counting stops there
  EXPECT_EQ(store_->ContactsDueBy(now_ + days{10}, 2)->size(), 2u);
  // `rapport status`: late (P0), and due from now to the day's end (P1 and
  // P3); P4 is later, P2 has nothing due. Late is next_late, not next_due:
  // at three days on, P3 is due, not late.
  auto counts = store_->CountContactsDue(now_ + days{1}, now_ + days{3});
  ASSERT_TRUE(counts.ok()) << counts.error().message();
  EXPECT_EQ(*counts, std::make_pair(std::int64_t{1}, std::int64_t{2}));
  EXPECT_EQ(*store_->CountContactsDue(now_ + days{3} + hours{1}, now_ + days{4}),
            std::make_pair(std::int64_t{2}, std::int64_t{2}));  // P0, P1 late; P3, P4 due
  // The late time is kept as written.
  auto states = store_->ListContactStates();
  ASSERT_TRUE(states.ok());
  EXPECT_EQ(states->at(0).next_late, now_);
  EXPECT_FALSE(states->at(3).next_late.has_value());
  // Upsert replaces.
  ContactState st{ids[0], "met", std::nullopt, std::nullopt, std::nullopt};
  ASSERT_TRUE(store_->PutContactState(st).ok());
  EXPECT_EQ(*store_->CountContactsDueBy(now_ + days{3}, 10), 2);
}

TEST_P(StoreConformance, TransactionRollsBackUnlessCommitted) {
  {
    Transaction tx(*db_);
    ASSERT_TRUE(tx.Begin().ok());
    ASSERT_TRUE(store_->AddOrganization({.name = "Temporary"}, now_).ok());
  }
  EXPECT_TRUE(store_->ListOrganizations()->empty());
}


TEST_P(StoreConformance, OpensAtTheLatestSchema) {
  auto v = db_->Query("SELECT MAX(version) FROM schema_version");
  ASSERT_TRUE(v.ok()) << v.error().message();
  EXPECT_EQ(v->at(0).Int(0), LatestSchemaVersion());
}

TEST_P(StoreConformance, InstantsAndIdsAre64Bits) {
  Contact c;
  c.name = "Far Future";
  auto added = store_->AddContact(c, now_);
  ASSERT_TRUE(added.ok()) << added.error().message();
  Event e;
  e.contact_id = added->id;
  e.kind = EventKind::kTouch;
  e.at = FromUnix(4'102'444'800);  // 2100-01-01: past int32's 2038
  auto ev = store_->AddEvent(e, now_);
  ASSERT_TRUE(ev.ok()) << ev.error().message();
  auto back = store_->GetEvent(ev->id);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ(ToUnix((*back)->at), 4'102'444'800);
}

TEST_P(StoreConformance, IdsChosenByABulkWriteAreNotGivenAgain) {
  Transaction tx(*db_);
  ASSERT_TRUE(tx.Begin().ok());
  auto next = store_->NextContactId();
  ASSERT_TRUE(next.ok()) << next.error().message();
  EXPECT_EQ(*next, 1);
  std::vector<Contact> batch(3);
  for (int i = 0; i < 3; ++i) {
    batch[i].id = *next + i;
    batch[i].name = "Bulk " + std::to_string(i);
  }
  ASSERT_TRUE(store_->InsertContacts(batch, now_).ok());
  ASSERT_TRUE(db_->SyncIds().ok());
  ASSERT_TRUE(tx.Commit().ok());
  Contact c;
  c.name = "After the bulk";
  auto added = store_->AddContact(c, now_);
  ASSERT_TRUE(added.ok()) << added.error().message();
  EXPECT_EQ(added->id, 4);
}

TEST_P(StoreConformance, NameLookupsFoldAsciiCaseOnly) {
  for (const char* name : {"Emily Dickinson", "\xC3\x89mile Zola"}) {
    Contact c;
    c.name = name;
    ASSERT_TRUE(store_->AddContact(c, now_).ok());
  }
  EXPECT_EQ(store_->FindContacts("emily")->size(), 1u);
  EXPECT_EQ(store_->FindContacts("DICKINSON")->size(), 1u);
  EXPECT_EQ(store_->FindContacts("dickinson")->size(), 1u);
  // FoldCase leaves É alone, and so does the engine, on both.
  EXPECT_EQ(store_->FindContacts("\xC3\xA9mile")->size(), 0u);
  EXPECT_EQ(store_->FindContacts("\xC3\x89mile")->size(), 1u);
}

TEST_P(StoreConformance, ACommitElsewhereMovesTheChangeStamp) {
  std::string location;
  TempDir dir;
  auto opened = testing::OpenTestDatabase(GetParam(), dir, &location);
  ASSERT_TRUE(opened.ok());
  auto watcher = OpenDatabase(location);
  ASSERT_TRUE(watcher.ok()) << watcher.error().message();
  auto before = (*watcher)->Stamp();
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ((*watcher)->Stamp(), before) << "nothing was written";
  // Opening the database again (every command does) writes nothing either.
  ASSERT_TRUE(OpenDatabase(location).ok());
  EXPECT_EQ((*watcher)->Stamp(), before) << "an open moved the stamp";
  Store writer(**opened, 1);
  ASSERT_TRUE(writer.AddOrganization({.name = "Acme"}, now_).ok());
  EXPECT_NE((*watcher)->Stamp(), before);
  // An uncommitted write is not seen yet.
  auto seen = (*watcher)->Stamp();
  {
    Transaction tx(**opened);
    ASSERT_TRUE(tx.Begin().ok());
    ASSERT_TRUE(writer.AddOrganization({.name = "Rolled back"}, now_).ok());
  }
  EXPECT_EQ((*watcher)->Stamp(), seen);
}

TEST(SearchSyntax, EachEngineGetsTheSameQueryInItsOwnSyntax) {
  auto q = ParseSearchQuery("ux-design \"remote work\" onboard* OR c++ & !x");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(ToFts5(*q), "\"ux-design\" \"remote work\" \"onboard\"* OR \"c++\" \"!x\"");
  EXPECT_EQ(ToTsquery(*q),
            "((ux <-> design) & (remote <-> work) & (onboard:*)) | ((c) & (x))");
  // Quotes inside a term are doubled for FTS5.
  auto quoted = ParseSearchQuery("it's");
  EXPECT_EQ(ToFts5(*quoted), "\"it's\"");
  EXPECT_EQ(ToTsquery(*quoted), "((it <-> s))");
}

class SearchConformance : public StoreConformance {
 protected:
  Id AddNote(Id contact, const std::string& body) {
    Note n;
    n.contact_id = contact;
    n.body = body;
    auto r = store_->AddNote(n, now_);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r->id;
  }
  std::vector<Id> Find(std::string_view typed) {
    auto q = ParseSearchQuery(typed);
    EXPECT_TRUE(q.ok()) << typed;
    if (!q.ok()) return {};
    auto hits = store_->Search(*q, 50);
    EXPECT_TRUE(hits.ok()) << hits.error().message();
    std::vector<Id> ids;
    if (hits.ok()) {
      for (const auto& h : hits->hits) ids.push_back(h.source_id);
    }
    return ids;
  }
  std::vector<Id> Sorted(std::vector<Id> v) {
    std::sort(v.begin(), v.end());
    return v;
  }
  // The person the texts are about.
  Id AddAna() {
    Contact c;
    c.name = "Ana Silva";
    auto added = store_->AddContact(c, now_);
    EXPECT_TRUE(added.ok()) << added.error().message();
    return added.ok() ? added->id : 0;
  }
};
RAPPORT_ON_BOTH_ENGINES(SearchConformance);

TEST_P(SearchConformance, WordsPhrasesPrefixesAndOr) {
  const Id ana = AddAna();
  const Id a = AddNote(ana, "Design systems need an owner; the research team shares one.");
  const Id b = AddNote(ana, "She moved from research to design last spring.");
  const Id d = AddNote(ana, "Diary studies beat surveys for onboarding questions.");
  EXPECT_EQ(Sorted(Find("design research")), Sorted({a, b}));  // all words, any order
  EXPECT_EQ(Find("\"design systems\""), std::vector<Id>{a});   // a phrase
  EXPECT_EQ(Find("surv*"), std::vector<Id>{d});                // a prefix
  EXPECT_EQ(Sorted(Find("diary OR spring")), Sorted({b, d}));
  EXPECT_EQ(Sorted(Find("DESIGN")), Sorted({a, b}));           // case folded
  EXPECT_TRUE(Find("systems spring").empty());
  // Punctuation and the engines' own operators are plain text.
  EXPECT_EQ(Find("owner; (team) & !shares:"), std::vector<Id>{a});
}

// The ranking window ends exactly at the kSearchRankWindow newest matches,
// wherever they lie: here one text in five matches, so on PostgreSQL the
// window is found over more than one probed range of ids.
TEST_P(SearchConformance, TheWindowHoldsExactlyTheNewestMatchesOfASparseWord) {
  const Id ana = AddAna();
  ASSERT_TRUE(db_->Begin().ok());
  AddNote(ana, "zeta zeta zeta zeta: the best match, and just outside the window");
  const Id edge = AddNote(ana, "zeta zeta: the second best, the oldest inside the window");
  for (int i = 1; i < kSearchRankWindow; ++i) {
    for (int k = 0; k < 4; ++k) AddNote(ana, "a filler note without the word " + std::to_string(i));
    AddNote(ana, "one zeta among other words " + std::to_string(i));
  }
  ASSERT_TRUE(db_->Commit().ok());
  auto q = ParseSearchQuery("zeta");
  ASSERT_TRUE(q.ok());
  auto hits = store_->Search(*q, 3);
  ASSERT_TRUE(hits.ok()) << hits.error().message();
  EXPECT_TRUE(hits->windowed);
  ASSERT_EQ(hits->hits.size(), 3u);
  EXPECT_EQ(hits->hits[0].source_id, edge);
}

TEST_P(SearchConformance, AccentsAndCaseFoldTheSameOnBothEngines) {
  const Id ana = AddAna();
  const Id n = AddNote(ana, "Met at the Caf\xC3\xA9 Na\xC3\xAFve on Tuesday.");
  EXPECT_EQ(Find("cafe"), std::vector<Id>{n});
  EXPECT_EQ(Find("CAF\xC3\x89 naive"), std::vector<Id>{n});
}

TEST_P(SearchConformance, SnippetsMarkTheMatchedWords) {
  const Id ana = AddAna();
  AddNote(ana, "Ask about the onboarding research before the call.");
  auto q = ParseSearchQuery("onboarding");
  auto hits = store_->Search(*q, 5);
  ASSERT_TRUE(hits.ok()) << hits.error().message();
  ASSERT_EQ(hits->hits.size(), 1u);
  EXPECT_NE(hits->hits[0].snippet.find("\x02onboarding\x03"), std::string::npos)
      << hits->hits[0].snippet;
  EXPECT_EQ(hits->hits[0].kind, "note");
  EXPECT_EQ(hits->hits[0].contact_id, ana);
}

// An address, a host name, a version or a decimal is several words, as
// SQLite's tokenizer splits them (PostgreSQL's parser would keep each one
// token, and a search for one of its words would miss it).
TEST_P(SearchConformance, AddressesHostsAndVersionsAreSplitIntoWords) {
  const Id ana = AddAna();
  const Id mail = AddNote(ana, "Write to ada@example.org about the role.");
  const Id tech = AddNote(ana, "They moved from node.js v2.0 to Rust; 3.5 days a week remote.");
  const Id site = AddNote(ana, "Jobs at https://acme.com/careers (O'Brien's team).");
  EXPECT_EQ(Find("example"), std::vector<Id>{mail});
  EXPECT_EQ(Find("ada@example.org"), std::vector<Id>{mail});
  EXPECT_EQ(Find("node"), std::vector<Id>{tech});
  EXPECT_EQ(Find("v2"), std::vector<Id>{tech});
  EXPECT_EQ(Find("acme careers"), std::vector<Id>{site});
  EXPECT_EQ(Find("brien"), std::vector<Id>{site});
  auto q = ParseSearchQuery("example");
  auto hits = store_->Search(*q, 5);
  ASSERT_TRUE(hits.ok()) << hits.error().message();
  ASSERT_EQ(hits->hits.size(), 1u);
  // The snippet keeps the text's own punctuation around the marked word.
  EXPECT_NE(hits->hits[0].snippet.find("ada@\x02" "example\x03.org"), std::string::npos)
      << hits->hits[0].snippet;
}

TEST_P(SearchConformance, TheTextThatSaysItMostComesFirstThenTheNewest) {
  const Id ana = AddAna();
  const Id once = AddNote(ana, "Mentoring came up once, among other things we covered today.");
  const Id thrice = AddNote(ana, "Mentoring, mentoring and more mentoring in this short note.");
  const Id again = AddNote(ana, "Mentoring came up once, among other things we covered today.");
  EXPECT_EQ(Find("mentoring"), (std::vector<Id>{thrice, again, once}));
}

TEST_P(SearchConformance, AnotherWorkspacesTextsAreNotFound) {
  ASSERT_TRUE(db_->Execute("INSERT INTO workspace (id, name, created_at) VALUES (2, 'other', 0)").ok());
  Store other(*db_, 2);
  Contact c;
  c.name = "Private Person";
  const Id them = other.AddContact(c, now_)->id;
  Note n;
  n.contact_id = them;
  n.body = "A confidential salary figure.";
  ASSERT_TRUE(other.AddNote(n, now_).ok());
  EXPECT_TRUE(Find("salary").empty());
}

TEST_P(SearchConformance, EditedAndRemovedTextsFollow) {
  const Id ana = AddAna();
  const Id n = AddNote(ana, "First draft about portfolios.");
  ASSERT_TRUE(store_->UpdateNote(n, "Now about interviews.", now_).ok());
  EXPECT_TRUE(Find("portfolios").empty());
  EXPECT_EQ(Find("interviews"), std::vector<Id>{n});
  ASSERT_TRUE(store_->RemoveNote(n).ok());
  EXPECT_TRUE(Find("interviews").empty());
}

}  // namespace
}  // namespace rapport
