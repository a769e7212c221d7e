// The pipeline board's use cases: filtering by tag and organization,
// moving cards (the event recorded and the stage derived again), and
// telling import formats apart.
#include <gtest/gtest.h>

#include "rapport/app/app.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

class BoardTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    auto db = testing::OpenTestDatabase(GetParam(), dir_);
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "UTC";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
  }
  Id Add(const std::string& name, const std::string& org, const std::string& tag = "") {
    ContactFields f;
    f.name = name;
    if (!org.empty()) f.org = org;
    if (!tag.empty()) f.add_tags = {tag};
    auto r = app_->records().AddContact(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r.ok() ? r->contact.id : 0;
  }
  void Log(Id id, EventKind kind) {
    EventInput in;
    in.kind = kind;
    in.contact = std::to_string(id);
    auto r = app_->pipeline().Record(in);
    ASSERT_TRUE(r.ok()) << r.error().message();
  }
  Stage StageOf(Id id) { return app_->records().ShowContact(std::to_string(id))->stage; }
  size_t Events(Id id) { return app_->pipeline().Timeline(std::to_string(id))->size(); }
  std::vector<std::string> Names(const PipelineFilter& f) {
    auto r = app_->pipeline().Board(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    std::vector<std::string> out;
    if (r.ok()) {
      for (const auto& e : *r) out.push_back(e.contact.name);
    }
    return out;
  }
  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
};
RAPPORT_ON_BOTH_ENGINES(BoardTest);

TEST_P(BoardTest, FiltersByTagAndOrganization) {
  Id ada = Add("Ada", "Analytical Engines", "math");
  Id bo = Add("Bo", "Navy Labs", "math");
  Id cy = Add("Cy", "Analytical Engines");
  Add("Dee", "Analytical Engines", "math");  // not in the pipeline
  for (Id id : {ada, bo, cy}) Log(id, EventKind::kTargeted);
  EXPECT_EQ(Names({}), (std::vector<std::string>{"Ada", "Bo", "Cy"}));
  EXPECT_EQ(Names({.tag = "math"}), (std::vector<std::string>{"Ada", "Bo"}));
  EXPECT_EQ(Names({.org = "Analytical"}), (std::vector<std::string>{"Ada", "Cy"}));
  EXPECT_EQ(Names({.tag = "math", .org = "Navy Labs"}), (std::vector<std::string>{"Bo"}));
  EXPECT_TRUE(Names({.tag = "nobody"}).empty());
  auto unknown = app_->pipeline().Board(PipelineFilter{.org = "Nowhere Inc"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code(), ErrorCode::kNotFound);
}

TEST_P(BoardTest, AnObviousMoveRecordsItsEventAndLands) {
  Id ada = Add("Ada", "");
  Log(ada, EventKind::kTargeted);
  auto r = app_->pipeline().MoveCard({.contact = "Ada", .to_stage = "requested"});
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_FALSE(r->needs_confirmation);
  ASSERT_TRUE(r->event);
  EXPECT_EQ(r->event->kind, EventKind::kRequestSent);
  EXPECT_EQ(r->from, Stage::kTargeted);
  EXPECT_EQ(r->stage, Stage::kRequested);
  EXPECT_EQ(StageOf(ada), Stage::kRequested);
}

TEST_P(BoardTest, ANonObviousMoveWaitsForTheConfirmation) {
  Id ada = Add("Ada", "");
  Log(ada, EventKind::kTargeted);
  auto ask = app_->pipeline().MoveCard({.contact = "Ada", .to_stage = "met"});
  ASSERT_TRUE(ask.ok()) << ask.error().message();
  EXPECT_TRUE(ask->needs_confirmation);
  EXPECT_EQ(ask->decision.question, "Mark Ada as met? This records a meeting held today.");
  EXPECT_FALSE(ask->event);
  EXPECT_EQ(Events(ada), 1u);
  auto done = app_->pipeline().MoveCard({.contact = "Ada", .to_stage = "met", .confirmed = true});
  ASSERT_TRUE(done.ok()) << done.error().message();
  EXPECT_EQ(done->event->kind, EventKind::kMeetingHeld);
  EXPECT_EQ(StageOf(ada), Stage::kMet);
}

TEST_P(BoardTest, SchedulingAsksForTheMeetingTime) {
  Id ada = Add("Ada", "");
  Log(ada, EventKind::kRequestSent);
  auto ask = app_->pipeline().MoveCard({.contact = "Ada", .to_stage = "scheduled"});
  ASSERT_TRUE(ask.ok());
  EXPECT_TRUE(ask->needs_meeting_time);
  EXPECT_FALSE(ask->needs_confirmation);
  EXPECT_EQ(Events(ada), 1u);
  auto done = app_->pipeline().MoveCard(
      {.contact = "Ada", .to_stage = "scheduled", .meeting_at = "2026-03-12T15:00"});
  ASSERT_TRUE(done.ok()) << done.error().message();
  EXPECT_EQ(done->event->kind, EventKind::kMeetingScheduled);
  EXPECT_EQ(FormatIso(*done->event->meeting_at), FormatIso(*ParseTime("2026-03-12T15:00Z", "UTC")));
  EXPECT_EQ(StageOf(ada), Stage::kScheduled);
}

TEST_P(BoardTest, RefusedMovesWriteNothing) {
  Id ada = Add("Ada", "");
  Log(ada, EventKind::kRequestSent);
  Log(ada, EventKind::kFollowUpSent);
  auto back = app_->pipeline().MoveCard({.contact = "Ada", .to_stage = "requested"});
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(back.error().message().find("already been asked"), std::string::npos);
  auto bad = app_->pipeline().MoveCard({.contact = "Ada", .to_stage = "finished"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("is not a stage"), std::string::npos);
  EXPECT_EQ(Events(ada), 2u);
}

TEST_P(BoardTest, AMoveTheLogWouldNotFollowIsRefused) {
  // Three tries and the week after them passed: no_response without a
  // `closed`. `targeted` does not reopen that thread, so the move is
  // refused instead of recorded.
  Id ada = Add("Ada", "");
  for (auto [kind, at] : std::vector<std::pair<EventKind, const char*>>{
           {EventKind::kRequestSent, "2026-01-01T10:00"},
           {EventKind::kFollowUpSent, "2026-01-08T10:00"},
           {EventKind::kCallMade, "2026-01-15T10:00"}}) {
    EventInput in;
    in.kind = kind;
    in.contact = std::to_string(ada);
    in.at = at;
    ASSERT_TRUE(app_->pipeline().Record(in).ok());
  }
  ASSERT_EQ(StageOf(ada), Stage::kNoResponse);
  auto r = app_->pipeline().MoveCard({.contact = "Ada", .to_stage = "targeted"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("would put Ada in No response"), std::string::npos)
      << r.error().message();
  EXPECT_EQ(Events(ada), 3u);
}

TEST(DetectImportFormatTest, TellsTheExportsApart) {
  EXPECT_EQ(DetectImportFormat("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n"),
            ImportFormat::kVCard);
  EXPECT_EQ(DetectImportFormat("Notes:\n\"When exporting...\"\n\nFirst Name,Last Name,URL,Email "
                               "Address,Company,Position,Connected On\n"),
            ImportFormat::kLinkedIn);
  EXPECT_EQ(DetectImportFormat("First Name,Last Name,Email Address,Company,Position,Connected On\n"),
            ImportFormat::kLinkedIn);
  EXPECT_EQ(DetectImportFormat("Name,Given Name,Additional Name,Family Name\n"), ImportFormat::kGoogle);
  EXPECT_EQ(DetectImportFormat("First Name,Middle Name,Last Name,E-mail 1 - Value\n"),
            ImportFormat::kGoogle);
  EXPECT_EQ(DetectImportFormat("BEGIN:VCAR\nFN:x\n"), std::nullopt);
  EXPECT_EQ(DetectImportFormat(""), std::nullopt);
  EXPECT_EQ(ToString(ImportFormat::kGoogle), "google");
}

}  // namespace
}  // namespace rapport
