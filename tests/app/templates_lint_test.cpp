// Every built-in template, drafted for the kind of person it is meant for
// from well-kept records, passes the app's own linter: no error and no
// warning (a hint is a matter of taste). A template that drew "doesn't say
// how you found them" for a first-degree contact taught seekers to ignore
// the linter.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "rapport/app/app.h"
#include "rapport/messages/templates.h"
#include "rapport/store/database.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

class TemplatesLintTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenSqlite(dir_.File("rapport.db"));
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "America/New_York";
    cfg.user_name = "Sam Rivera";
    cfg.user_intro = "a statistics graduate moving into user research";
    cfg.user_phone = "+1 617 555 0100";
    cfg.user_signature = "Sam Rivera";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
    ObjectiveFields o;
    o.title = "user research";
    o.kind = "role";
    ASSERT_TRUE(app_->records().AddObjective(o).ok());
    friend_ = Add({.name = "Maya Chen", .org = "Northwind Health", .degree = "first"});
    alumna_ = Add({.name = "Lena Park", .org = "Blue Harbor Labs", .source = "alumni", .degree = "cold"});
    introducer_ = Add({.name = "Omar Haddad", .org = "Civic Data Works", .degree = "first"});
    introduced_ = Add({.name = "Priya Natarajan",
                       .org = "Lumen Research",
                       .source = "referral",
                       .degree = "second",
                       .introducer = "omar"});
  }

  Id Add(ContactFields f) {
    auto r = app_->records().AddContact(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r.ok() ? r->contact.id : 0;
  }
  void Log(Id who, EventKind kind, const std::string& at, const std::string& body = "") {
    EventInput in;
    in.kind = kind;
    in.contact = std::to_string(who);
    in.at = at;
    in.objective = "user research";
    if (!body.empty()) in.body = body;
    auto r = app_->pipeline().Record(in);
    ASSERT_TRUE(r.ok()) << r.error().message();
  }

  // The warnings and errors the linter gives `kind` drafted for `who`.
  std::string Faults(const std::string& kind, Id who) {
    DraftInput in;
    in.kind = kind;
    in.contact = std::to_string(who);
    in.objective = "user research";
    in.article = "a piece on diary studies in clinics";
    in.news = "I started a research internship at Harbor Clinic";
    auto d = app_->messaging().DraftMessage(in);
    EXPECT_TRUE(d.ok()) << kind << ": " << d.error().message();
    if (!d.ok()) return "no draft";
    EXPECT_EQ(FindUnfilledField(d->subject + "\n" + d->body), std::nullopt) << kind << "\n" << d->body;
    auto findings = app_->messaging().Lint(d->body, d->lint_kind, d->about.id);
    EXPECT_TRUE(findings.ok()) << findings.error().message();
    std::string faults;
    if (findings.ok()) {
      for (const auto& f : *findings) {
        if (f.severity == Severity::kHint) continue;
        faults += "  " + f.rule + ": " + f.message + "\n";
      }
    }
    return faults.empty() ? "" : kind + " drew:\n" + faults + "in:\n" + d->body;
  }

  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
  Id friend_ = 0, alumna_ = 0, introducer_ = 0, introduced_ = 0;
};

TEST_F(TemplatesLintTest, EachRequestTemplatePassesForThePersonItIsFor) {
  EXPECT_EQ(Faults("request_first", friend_), "");
  EXPECT_EQ(Faults("request_cold", alumna_), "");
  EXPECT_EQ(Faults("request_second", introduced_), "");
  EXPECT_EQ(Faults("intro_request", introduced_), "");
  // "request" picks the one for their degree.
  EXPECT_EQ(Faults("request", friend_), "");
}

TEST_F(TemplatesLintTest, TheFollowUpAndVoicemailPassAfterAnUnansweredRequest) {
  Log(alumna_, EventKind::kRequestSent, "2026-03-02T10:00");
  EXPECT_EQ(Faults("follow_up", alumna_), "");
  EXPECT_EQ(Faults("voicemail", alumna_), "");
}

TEST_F(TemplatesLintTest, TheThankYousPassAfterAMeetingWithNotes) {
  Log(introduced_, EventKind::kRequestSent, "2026-03-01T10:00");
  Log(introduced_, EventKind::kMeetingHeld, "2026-03-09T15:00",
      "your advice on running diary studies with clinicians");
  EXPECT_EQ(Faults("thank_you", introduced_), "");
  EXPECT_EQ(Faults("thank_introducer", introduced_), "");
  EXPECT_EQ(Faults("report_back", introduced_), "");
}

TEST_F(TemplatesLintTest, KeepingInTouchPassesAfterAMeeting) {
  Log(friend_, EventKind::kMeetingHeld, "2026-02-02T15:00", "how her team recruits participants");
  Log(friend_, EventKind::kThanksSent, "2026-02-03T09:00");
  EXPECT_EQ(Faults("touch", friend_), "");
  EXPECT_EQ(Faults("new_job", friend_), "");
}

TEST_F(TemplatesLintTest, EveryTemplateIsCovered) {
  // A new built-in template needs a case above.
  EXPECT_EQ(Templates().size(), 11u);
}

}  // namespace
}  // namespace rapport
