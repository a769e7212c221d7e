// Writes that carry a client's id (a phone's offline queue, sent again after
// a lost answer): recorded once, however often they arrive, on both
// engines; an answer written elsewhere meanwhile is kept beside and counted.
#include <gtest/gtest.h>

#include "rapport/app/app.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

constexpr const char* kId = "3f0c9a52-2b1e-4d7a-9c61-0d4be0e1f7a1";
constexpr const char* kOtherId = "8d2f6b10-77aa-4c3e-b1d9-52c0f3a9e4b2";

class WriteOnceTest : public ::testing::TestWithParam<testing::Engine> {
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
    QuestionFields q;
    q.text = "What does a usual week look like?";
    auto added = app_->learning().AddQuestion(q);
    ASSERT_TRUE(added.ok()) << added.error().message();
    question_ = std::to_string(added->id);
    EventInput in;
    in.kind = EventKind::kMeetingScheduled;
    in.contact = id_;
    in.meeting_at = "2026-03-10T11:00";
    ASSERT_TRUE(app_->pipeline().Record(in).ok());
    clock_.Set(*ParseTime("2026-03-10T11:40Z", "UTC"));
  }
  int Count(EventKind kind) {
    auto events = app_->pipeline().Timeline(id_);
    EXPECT_TRUE(events.ok());
    int n = 0;
    for (const auto& e : *events) n += e.kind == kind;
    return n;
  }
  size_t Notes() {
    auto notes = app_->learning().ListNotes(id_, std::nullopt);
    EXPECT_TRUE(notes.ok());
    return notes->size();
  }
  size_t Answers() {
    auto brief = app_->learning().Prep(id_);
    EXPECT_TRUE(brief.ok());
    return brief->earlier_answers.size();
  }

  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T09:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
  std::string id_, question_;
};
RAPPORT_ON_BOTH_ENGINES(WriteOnceTest);

TEST_P(WriteOnceTest, AnEventSentTwiceIsLoggedOnceAndTheRetryGetsTheSameEvent) {
  EventInput in;
  in.kind = EventKind::kTouch;
  in.contact = id_;
  in.body = "Sent the article on diary studies";
  in.write_id = kId;
  auto first = app_->pipeline().Record(in);
  ASSERT_TRUE(first.ok()) << first.error().message();
  clock_.Set(*ParseTime("2026-03-10T12:00Z", "UTC"));
  auto again = app_->pipeline().Record(in);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->at, first->at);
  EXPECT_EQ(Count(EventKind::kTouch), 1);
  // Another id is another write.
  in.write_id = kOtherId;
  ASSERT_TRUE(app_->pipeline().Record(in).ok());
  EXPECT_EQ(Count(EventKind::kTouch), 2);
}

TEST_P(WriteOnceTest, AFinishSentTwiceLogsOneMeetingEvenOnAnotherDay) {
  auto first = app_->pipeline().FinishMeeting(id_, 4, std::string("Talk to Ben"), std::string(kId));
  ASSERT_TRUE(first.ok()) << first.error().message();
  EXPECT_FALSE(first->already_logged);
  // The retry arrives the next day, when "once a day" alone would log a
  // second meeting.
  clock_.Set(*ParseTime("2026-03-11T08:00Z", "UTC"));
  auto again = app_->pipeline().FinishMeeting(id_, 4, std::string("Talk to Ben"), std::string(kId));
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_TRUE(again->already_logged);
  EXPECT_EQ(again->event.id, first->event.id);
  EXPECT_EQ(Count(EventKind::kMeetingHeld), 1);
}

TEST_P(WriteOnceTest, ANoteSentTwiceIsAddedOnce) {
  NoteInput in;
  in.contact = id_;
  in.body = "Budget season is **March**";
  in.write_id = kId;
  auto first = app_->learning().AddNote(in);
  ASSERT_TRUE(first.ok()) << first.error().message();
  auto again = app_->learning().AddNote(in);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(Notes(), 1u);
}

TEST_P(WriteOnceTest, AnAnswerSentTwiceIsRecordedOnceAndSaysSo) {
  AnswerInput in{id_, question_, "Mostly interviews on Tuesdays", kId, 0};
  auto first = app_->learning().RecordAnswer(in);
  ASSERT_TRUE(first.ok()) << first.error().message();
  EXPECT_FALSE(first->replayed);
  EXPECT_EQ(first->written_elsewhere, 0);
  auto again = app_->learning().RecordAnswer(in);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->answer.id, first->answer.id);
  EXPECT_EQ(Answers(), 1u);
}

TEST_P(WriteOnceTest, AnAnswerWrittenElsewhereMeanwhileIsKeptBesideAndCounted) {
  // The phone saw no answers; meanwhile the laptop saved one.
  auto laptop = app_->learning().RecordAnswer(id_, question_, "Research ops, mostly");
  ASSERT_TRUE(laptop.ok()) << laptop.error().message();
  AnswerInput phone{id_, question_, "Interviews on Tuesdays", kId, 0};
  auto r = app_->learning().RecordAnswer(phone);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->written_elsewhere, 1);
  EXPECT_EQ(Answers(), 2u);
  // A phone that had seen the laptop's answer is in no conflict.
  AnswerInput later{id_, question_, "And synthesis on Fridays", kOtherId, r->answer.id};
  auto r2 = app_->learning().RecordAnswer(later);
  ASSERT_TRUE(r2.ok()) << r2.error().message();
  EXPECT_EQ(r2->written_elsewhere, 0);
}

TEST_P(WriteOnceTest, ARetryOfAnUndoneEventIsAConflictAndLogsNothing) {
  EventInput in;
  in.kind = EventKind::kTouch;
  in.contact = id_;
  in.write_id = kId;
  auto first = app_->pipeline().Record(in);
  ASSERT_TRUE(first.ok()) << first.error().message();
  ASSERT_TRUE(app_->pipeline().UndoEvent(first->id).ok());
  auto again = app_->pipeline().Record(in);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(again.error().field(), "write_id");
  EXPECT_EQ(Count(EventKind::kTouch), 0);
}

TEST_P(WriteOnceTest, AMalformedWriteIdIsRefusedByName) {
  for (const char* bad : {"short", "has spaces in it", "semi;colon-123456",
                          "0123456789012345678901234567890123456789012345678901234567890123456789"}) {
    EventInput in;
    in.kind = EventKind::kTouch;
    in.contact = id_;
    in.write_id = bad;
    auto r = app_->pipeline().Record(in);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field(), "write_id") << bad;
    NoteInput n;
    n.contact = id_;
    n.body = "x";
    n.write_id = bad;
    EXPECT_FALSE(app_->learning().AddNote(n).ok()) << bad;
  }
  EXPECT_EQ(Count(EventKind::kTouch), 0);
  EXPECT_EQ(Notes(), 0u);
}

}  // namespace
}  // namespace rapport
