#include "rapport/app/app.h"
#include "rapport/store/database.h"

#include <gtest/gtest.h>

#include "support/faulty_database.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::FaultyDatabase;
using testing::TempDir;

class AppTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    auto db = testing::OpenTestDatabase(GetParam(), dir_);
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "UTC";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
  }
  std::int64_t Count(const char* table) {
    return db_->Query(std::string("SELECT COUNT(*) FROM ") + table)->at(0).Int(0);
  }
  Contact Add(const std::string& name, const std::string& email = "") {
    ContactFields f;
    f.name = name;
    if (!email.empty()) f.email = email;
    auto r = app_->records().AddContact(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r->contact;
  }

  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
};
RAPPORT_ON_BOTH_ENGINES(AppTest);

TEST_P(AppTest, AddContactCreatesItsOrganizationOnceAndReusesIt) {
  ContactFields f;
  f.name = "Ada Lovelace";
  f.org = "Analytical Engines";
  f.email = " ada@example.org ";
  f.degree = "First";
  f.add_tags = {"math", "math", "poetry"};
  auto ada = app_->records().AddContact(f);
  ASSERT_TRUE(ada.ok()) << ada.error().message();
  EXPECT_TRUE(ada->created_org);
  EXPECT_EQ(ada->contact.email, "ada@example.org");
  EXPECT_EQ(ada->contact.degree, Degree::kFirst);
  EXPECT_EQ(ada->contact.tags, (std::vector<std::string>{"math", "poetry"}));

  ContactFields g;
  g.name = "Charles Babbage";
  g.org = "analytical engines";  // exact name, other case
  auto charles = app_->records().AddContact(g);
  ASSERT_TRUE(charles.ok());
  EXPECT_FALSE(charles->created_org);
  EXPECT_EQ(charles->contact.org_id, ada->contact.org_id);
  EXPECT_EQ(Count("organization"), 1);
}

TEST_P(AppTest, BadInputIsRejectedWithAReasonAndNothingIsWritten) {
  struct Case {
    const char* what;
    ContactFields fields;
    const char* expect;
  };
  auto with = [](auto set) {
    ContactFields f;
    f.name = "Someone";
    f.org = "New Org That Must Not Appear";
    set(f);
    return f;
  };
  std::vector<Case> cases = {
      {"email", with([](ContactFields& f) { f.email = "not-an-email"; }), "not an email"},
      {"zone", with([](ContactFields& f) { f.tz = "Europe/Atlantis"; }), "unknown time zone"},
      {"source", with([](ContactFields& f) { f.source = "refferal"; }), "did you mean 'referral'"},
      {"degree", with([](ContactFields& f) { f.degree = "third"; }), "first, second, cold"},
      {"url", with([](ContactFields& f) { f.linkedin = "ftp://x"; }), "not a web address"},
      {"phone", with([](ContactFields& f) { f.phone = "call me"; }), "not a phone number"},
      {"tag", with([](ContactFields& f) { f.add_tags = {"two words"}; }), "space or comma"},
      {"name", with([](ContactFields& f) { f.name = "   "; }), "cannot be empty"},
      {"utf8", with([](ContactFields& f) { f.name = "Bad \xff\xfe name"; }), "not valid UTF-8"},
      {"utf8 title", with([](ContactFields& f) { f.title = "Chef \xc3"; }), "not valid UTF-8"},
      {"introducer", with([](ContactFields& f) { f.introducer = "Nobody"; }), "no contact matches"},
  };
  for (const auto& c : cases) {
    auto r = app_->records().AddContact(c.fields);
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_NE(r.error().message().find(c.expect), std::string::npos)
        << c.what << ": " << r.error().message();
    EXPECT_EQ(r.error().message().find('\n'), std::string::npos) << c.what;
    EXPECT_FALSE(r.error().field().empty()) << c.what;
  }
  EXPECT_EQ(Count("contact"), 0);
  EXPECT_EQ(Count("organization"), 0);
}

TEST_P(AppTest, DuplicateEmailIsAConflictNamingTheOtherContact) {
  Add("Ada Lovelace", "ada@example.org");
  ContactFields f;
  f.name = "Imposter";
  f.email = "ADA@example.org";
  auto r = app_->records().AddContact(f);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kConflict);
  EXPECT_NE(r.error().message().find("Ada Lovelace"), std::string::npos);
  EXPECT_EQ(Count("contact"), 1);
}

TEST_P(AppTest, ReferencesResolveByIdEmailAndFragment) {
  auto ada = Add("Ada Lovelace", "ada@example.org");
  auto ann = Add("Ann Lee");
  auto anna = Add("Anna Leeds");
  EXPECT_EQ(app_->records().ResolveContact(std::to_string(ada.id))->id, ada.id);
  EXPECT_EQ(app_->records().ResolveContact("ADA@example.org")->id, ada.id);
  EXPECT_EQ(app_->records().ResolveContact("lovelace")->id, ada.id);
  // "ann lee" is a fragment of both, but an exact match of one: it wins.
  EXPECT_EQ(app_->records().ResolveContact("ann lee")->id, ann.id);

  auto ambiguous = app_->records().ResolveContact("lee");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.error().code(), ErrorCode::kAmbiguous);
  EXPECT_NE(ambiguous.error().message().find("#" + std::to_string(ann.id) + " Ann Lee"),
            std::string::npos);
  EXPECT_NE(ambiguous.error().message().find("Anna Leeds"), std::string::npos);

  auto missing = app_->records().ResolveContact("999");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message(), "there is no contact 999");
  EXPECT_EQ(missing.error().field(), "contact");
  EXPECT_EQ(missing.error().subject(), "contact");
  EXPECT_FALSE(app_->records().ResolveContact("zed@example.org").ok());
  EXPECT_FALSE(app_->records().ResolveContact("").ok());
  (void)anna;
}

TEST_P(AppTest, EditChangesClearsAndRetags) {
  ContactFields f;
  f.name = "Grace Hopper";
  f.title = "Rear Admiral";
  f.add_tags = {"navy", "cobol"};
  auto grace = app_->records().AddContact(f);
  ASSERT_TRUE(grace.ok());
  ContactFields e;
  e.title = "";  // clears
  e.tz = "America/New_York";
  e.add_tags = {"compilers"};
  e.remove_tags = {"navy"};
  auto edited = app_->records().EditContact("grace", e);
  ASSERT_TRUE(edited.ok()) << edited.error().message();
  EXPECT_FALSE(edited->contact.title.has_value());
  EXPECT_EQ(edited->contact.tz, "America/New_York");
  EXPECT_EQ(edited->contact.tags, (std::vector<std::string>{"cobol", "compilers"}));
  // A failing edit changes nothing.
  ContactFields bad;
  bad.title = "Commodore";
  bad.email = "nope";
  ASSERT_FALSE(app_->records().EditContact("grace", bad).ok());
  auto after = app_->records().ShowContact("grace");
  EXPECT_FALSE(after->contact.title.has_value());
}

TEST_P(AppTest, OrganizationsAddEditRemove) {
  OrgFields f;
  f.name = "Acme";
  f.size = "Large";
  f.website = "acme.example.com";
  auto acme = app_->records().AddOrganization(f);
  ASSERT_TRUE(acme.ok()) << acme.error().message();
  EXPECT_EQ(acme->size, OrgSize::kLarge);
  EXPECT_EQ(acme->website, "https://acme.example.com");
  auto dup = app_->records().AddOrganization(f);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code(), ErrorCode::kConflict);
  OrgFields bad;
  bad.size = "huge";
  auto r = app_->records().EditOrganization("acme", bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("small, medium, large"), std::string::npos);
  OrgFields rename;
  rename.name = "Acme Corp";
  ASSERT_TRUE(app_->records().EditOrganization("acme", rename).ok());
  EXPECT_EQ(app_->records().ShowOrganization("corp")->name, "Acme Corp");
  ASSERT_TRUE(app_->records().RemoveOrganization("Acme Corp").ok());
  EXPECT_EQ(Count("organization"), 0);
}

TEST_P(AppTest, ObjectivesNeedAKindAndASensibleTarget) {
  ObjectiveFields f;
  f.title = "UX research";
  auto no_kind = app_->records().AddObjective(f);
  ASSERT_FALSE(no_kind.ok());
  EXPECT_EQ(no_kind.error().field(), "kind");
  EXPECT_NE(no_kind.error().message().find("role"), std::string::npos);
  f.kind = "role";
  f.target = -1;
  EXPECT_FALSE(app_->records().AddObjective(f).ok());
  f.target = 4;
  auto ux = app_->records().AddObjective(f);
  ASSERT_TRUE(ux.ok());
  EXPECT_EQ(ux->kind, ObjectiveKind::kRole);
  EXPECT_EQ(ux->target, 4);
  ObjectiveFields e;
  e.target = 0;  // back to the playbook default
  EXPECT_FALSE(app_->records().EditObjective("ux", e)->target.has_value());
  EXPECT_EQ(Count("objective"), 1);
}

TEST_P(AppTest, AWriteThatFailsHalfwayLeavesNothingBehind) {
  // Each add writes: the organization, the contact, then one row per tag.
  // Fail each write in turn: the whole action must roll back every time.
  FaultyDatabase faulty(*db_);
  Config cfg;
  cfg.zone = "UTC";
  App app(faulty, clock_, cfg);
  ContactFields f;
  f.name = "Ada Lovelace";
  f.org = "Analytical Engines";
  f.add_tags = {"a", "b"};
  for (int n = 1; n <= 4; ++n) {
    faulty.FailWriteNumber(n);
    auto r = app.records().AddContact(f);
    ASSERT_FALSE(r.ok()) << "write " << n;
    EXPECT_EQ(r.error().code(), ErrorCode::kStorage);
    EXPECT_EQ(Count("contact"), 0) << "write " << n;
    EXPECT_EQ(Count("organization"), 0) << "write " << n;
    EXPECT_EQ(Count("contact_tag"), 0) << "write " << n;
  }
  faulty.FailWriteNumber(0);
  ASSERT_TRUE(app.records().AddContact(f).ok());
  EXPECT_EQ(Count("contact_tag"), 2);
}


// The web app's "Undo": the last event recorded for a person is taken back
// and their plan is as before; an older one cannot be, and nothing changes.
TEST_P(AppTest, UndoTakesBackOnlyThePersonsLastEventAndReplans) {
  Contact ada = Add("Ada Lovelace");
  auto record = [&](EventKind kind, const std::string& at) {
    EventInput in;
    in.kind = kind;
    in.contact = std::to_string(ada.id);
    in.at = at;
    auto r = app_->pipeline().Record(in);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r.ok() ? r->id : Id{0};
  };
  auto stage = [&] {
    auto p = app_->pipeline().Board(std::nullopt);
    EXPECT_TRUE(p.ok());
    for (const auto& e : *p) {
      if (e.contact.id == ada.id) return std::string(ToString(e.stage));
    }
    return std::string("absent");
  };
  auto agenda_kinds = [&] {
    std::vector<std::string> kinds;
    auto a = app_->pipeline().GetAgenda(14, 50);
    EXPECT_TRUE(a.ok());
    for (const auto& item : a->items) {
      if (item.action.contact_id == ada.id) kinds.emplace_back(ToString(item.action.kind));
    }
    return kinds;
  };
  record(EventKind::kTargeted, "2026-03-01T09:00");
  Id request = record(EventKind::kRequestSent, "2026-03-02T09:00");
  const auto before_kinds = agenda_kinds();
  Id follow = record(EventKind::kFollowUpSent, "2026-03-10T09:00");
  ASSERT_EQ(stage(), "followed_up");
  ASSERT_NE(agenda_kinds(), before_kinds);

  auto older = app_->pipeline().UndoEvent(request);
  ASSERT_FALSE(older.ok());
  EXPECT_EQ(older.error().code(), ErrorCode::kConflict);
  EXPECT_NE(older.error().message().find("can no longer be undone"), std::string::npos);
  EXPECT_EQ(Count("event"), 3);

  auto undone = app_->pipeline().UndoEvent(follow);
  ASSERT_TRUE(undone.ok()) << undone.error().message();
  EXPECT_EQ(undone->kind, EventKind::kFollowUpSent);
  EXPECT_EQ(Count("event"), 2);
  EXPECT_EQ(stage(), "requested");
  EXPECT_EQ(agenda_kinds(), before_kinds);

  auto again = app_->pipeline().UndoEvent(follow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), ErrorCode::kNotFound);
}

// Each error names the input it is about, as the use case names it, so
// every face can put it where the person typed it (the CLI's flag, the
// web form's field, the API's member); the reason itself names none.
TEST_P(AppTest, ErrorsNameTheInputTheyConcern) {
  Add("Ada Lovelace", "ada@example.org");
  auto field_of = [](const auto& r) { return r.ok() ? std::string("(ok)") : r.error().field(); };
  auto contact = [](auto set) {
    ContactFields f;
    f.name = "Bo";
    set(f);
    return f;
  };
  EXPECT_EQ(field_of(app_->records().AddContact(contact([](auto& f) { f.email = "bo"; }))), "email");
  EXPECT_EQ(field_of(app_->records().AddContact(contact([](auto& f) { f.email = "ada@example.org"; }))),
            "email");
  EXPECT_EQ(field_of(app_->records().AddContact(contact([](auto& f) { f.tz = "Mars/Olympus"; }))), "tz");
  EXPECT_EQ(field_of(app_->records().AddContact(contact([](auto& f) { f.degree = "fifth"; }))), "degree");
  EXPECT_EQ(field_of(app_->records().AddContact(contact([](auto& f) { f.add_tags = {"a b"}; }))), "tags");
  EXPECT_EQ(field_of(app_->records().AddContact(contact([](auto& f) { f.introducer = "zed"; }))),
            "introducer");

  auto record = [&](auto set) {
    EventInput in;
    in.kind = EventKind::kRequestSent;
    in.contact = "ada";
    set(in);
    return app_->pipeline().Record(in);
  };
  EXPECT_EQ(field_of(record([](auto& in) { in.at = "nonsense"; })), "at");
  EXPECT_EQ(field_of(record([](auto& in) { in.at = "2026-03-20T10:00"; })), "at");
  EXPECT_EQ(field_of(record([](auto& in) { in.contact = "zed"; })), "contact");
  EXPECT_EQ(field_of(record([](auto& in) { in.via = "ada"; })), "via");
  EXPECT_EQ(field_of(record([](auto& in) { in.objective = "nothing"; })), "objective");
  EXPECT_EQ(field_of(record([](auto& in) { in.kind = EventKind::kMeetingScheduled; })),
            "meeting_at");
  EXPECT_EQ(field_of(record([](auto& in) {
              in.kind = EventKind::kMeetingScheduled;
              in.meeting_at = "2026-03-12T10:00";
              in.meeting_minutes = 1;
            })),
            "meeting_minutes");
  auto missing = record([](auto& in) { in.contact = "zed"; });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().subject(), "contact");
  EXPECT_EQ(missing.error().message(), "no contact matches 'zed'");

  // An error about nothing in particular has no field.
  EXPECT_EQ(field_of(app_->pipeline().UndoEvent(12345)), "");
}

}  // namespace
}  // namespace rapport
