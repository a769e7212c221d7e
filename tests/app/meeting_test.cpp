// Pipeline::FinishMeeting, meeting mode's Finish: logs the meeting held now with
// its fit, once a day.
#include <gtest/gtest.h>

#include "rapport/app/app.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

class FinishMeetingTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    auto db = testing::OpenTestDatabase(GetParam(), dir_);
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "UTC";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
    ContactFields f;
    f.name = "Ana Silva";
    auto r = app_->records().AddContact(f);
    ASSERT_TRUE(r.ok()) << r.error().message();
    id_ = std::to_string(r->contact.id);
    EventInput in;
    in.kind = EventKind::kMeetingScheduled;
    in.contact = id_;
    in.meeting_at = "2026-03-10T11:00";
    in.meeting_minutes = 20;
    ASSERT_TRUE(app_->pipeline().Record(in).ok());
  }
  int HeldCount() {
    auto events = app_->pipeline().Timeline(id_);
    EXPECT_TRUE(events.ok());
    int n = 0;
    for (const auto& e : *events) n += e.kind == EventKind::kMeetingHeld;
    return n;
  }

  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T09:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
  std::string id_;
};
RAPPORT_ON_BOTH_ENGINES(FinishMeetingTest);

TEST_P(FinishMeetingTest, LogsTheMeetingHeldNowWithItsFitAndNote) {
  clock_.Set(*ParseTime("2026-03-10T11:25Z", "UTC"));
  auto r = app_->pipeline().FinishMeeting(id_, 4, std::string("She suggested talking to Ben."));
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_FALSE(r->already_logged);
  EXPECT_EQ(r->event.kind, EventKind::kMeetingHeld);
  EXPECT_EQ(r->event.at, clock_.Now());
  EXPECT_EQ(r->event.fit, 4);
  EXPECT_EQ(r->event.body, "She suggested talking to Ben.");
  EXPECT_EQ(HeldCount(), 1);
  auto detail = app_->records().ShowContact(id_);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->stage, Stage::kMet);
}

TEST_P(FinishMeetingTest, DoesNotLogTheSameDaysMeetingTwice) {
  clock_.Set(*ParseTime("2026-03-10T11:25Z", "UTC"));
  auto first = app_->pipeline().FinishMeeting(id_, 4, std::nullopt);
  ASSERT_TRUE(first.ok());
  clock_.Set(*ParseTime("2026-03-10T11:30Z", "UTC"));
  auto again = app_->pipeline().FinishMeeting(id_, 2, std::nullopt);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_TRUE(again->already_logged);
  EXPECT_EQ(again->event.id, first->event.id);
  EXPECT_EQ(again->event.fit, 4);
  EXPECT_EQ(HeldCount(), 1);
}

TEST_P(FinishMeetingTest, LogsANewMeetingOnAnotherDayOrAfterANewSchedule) {
  clock_.Set(*ParseTime("2026-03-10T11:25Z", "UTC"));
  ASSERT_TRUE(app_->pipeline().FinishMeeting(id_, 4, std::nullopt).ok());
  // Scheduled again the same day: the next Finish is a new meeting.
  clock_.Set(*ParseTime("2026-03-10T12:00Z", "UTC"));
  EventInput in;
  in.kind = EventKind::kMeetingScheduled;
  in.contact = id_;
  in.meeting_at = "2026-03-10T16:00";
  ASSERT_TRUE(app_->pipeline().Record(in).ok());
  clock_.Set(*ParseTime("2026-03-10T16:30Z", "UTC"));
  auto second = app_->pipeline().FinishMeeting(id_, std::nullopt, std::nullopt);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->already_logged);
  EXPECT_EQ(HeldCount(), 2);
  // The next day, a Finish without a new schedule still logs a meeting.
  clock_.Set(*ParseTime("2026-03-11T10:00Z", "UTC"));
  auto third = app_->pipeline().FinishMeeting(id_, 3, std::nullopt);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->already_logged);
  EXPECT_EQ(HeldCount(), 3);
}

TEST_P(FinishMeetingTest, RefusesAFitOutsideOneToFiveAndUnknownPeople) {
  auto r = app_->pipeline().FinishMeeting(id_, 6, std::nullopt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  r = app_->pipeline().FinishMeeting(id_, 0, std::nullopt);
  ASSERT_FALSE(r.ok());
  r = app_->pipeline().FinishMeeting("999", 3, std::nullopt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(HeldCount(), 0);
}

}  // namespace
}  // namespace rapport
