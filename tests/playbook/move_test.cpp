// The board's moves: which event each one records, which need a
// confirmation, which are refused; and, for every pair of stages, that the
// event recorded really derives the target stage.
#include "rapport/playbook/move.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace rapport {
namespace {

Instant T(std::string_view iso) {
  auto t = ParseTime(iso, "UTC");
  EXPECT_TRUE(t.ok()) << iso;
  return t.ok() ? *t : Instant{};
}

const Instant kNow = T("2026-03-10T12:00Z");
using K = EventKind;
using S = Stage;

Event Ev(K kind, Instant at, Id id) {
  Event e;
  e.id = id;
  e.contact_id = 1;
  e.kind = kind;
  e.at = at;
  if (kind == K::kMeetingScheduled) e.meeting_at = at + days{3};
  return e;
}

// A log that derives each stage at kNow.
std::vector<Event> LogFor(S s) {
  std::vector<std::pair<K, int>> steps;  // kind, days ago
  switch (s) {
    case S::kNone: steps = {{K::kTouch, 5}}; break;
    case S::kTargeted: steps = {{K::kTargeted, 5}}; break;
    case S::kRequested: steps = {{K::kTargeted, 5}, {K::kRequestSent, 4}}; break;
    case S::kFollowedUp: steps = {{K::kRequestSent, 8}, {K::kFollowUpSent, 1}}; break;
    case S::kCalled: steps = {{K::kRequestSent, 8}, {K::kCallMade, 1}}; break;
    case S::kScheduled: steps = {{K::kRequestSent, 8}, {K::kMeetingScheduled, 1}}; break;
    case S::kMet: steps = {{K::kRequestSent, 8}, {K::kMeetingScheduled, 5}, {K::kMeetingHeld, 1}}; break;
    case S::kThanked: steps = {{K::kRequestSent, 8}, {K::kMeetingHeld, 2}, {K::kThanksSent, 1}}; break;
    case S::kInTouch:
      steps = {{K::kRequestSent, 30}, {K::kMeetingHeld, 20}, {K::kThanksSent, 19}, {K::kTouch, 1}};
      break;
    case S::kDeclined: steps = {{K::kRequestSent, 8}, {K::kRepliedNo, 1}}; break;
    case S::kNoResponse: steps = {{K::kRequestSent, 8}, {K::kClosed, 1}}; break;
    case S::kDormant: steps = {{K::kRequestSent, 300}, {K::kMeetingHeld, 200}, {K::kThanksSent, 199}}; break;
  }
  std::vector<Event> out;
  for (const auto& [k, ago] : steps) out.push_back(Ev(k, kNow - days{ago}, static_cast<Id>(out.size() + 1)));
  return out;
}

const std::vector<S> kAll = {S::kNone,    S::kTargeted, S::kRequested, S::kFollowedUp,
                             S::kCalled,  S::kScheduled, S::kMet,      S::kThanked,
                             S::kInTouch, S::kDeclined, S::kNoResponse, S::kDormant};

TEST(MoveTest, TheLogsDeriveTheirStages) {
  for (S s : kAll) EXPECT_EQ(DeriveStage(LogFor(s), Playbook{}, kNow), s) << ToString(s);
}

TEST(MoveTest, EveryAllowedMoveLandsInItsColumn) {
  int allowed = 0;
  for (S from : kAll) {
    for (S to : kAll) {
      MoveDecision d = DecideMove(from, to, "Ada");
      if (d.verdict == MoveVerdict::kRefuse) {
        EXPECT_FALSE(d.reason.empty()) << ToString(from) << " -> " << ToString(to);
        EXPECT_EQ(d.reason.find('\n'), std::string::npos);
        continue;
      }
      ++allowed;
      ASSERT_TRUE(d.event) << ToString(from) << " -> " << ToString(to);
      auto log = LogFor(from);
      log.push_back(Ev(*d.event, kNow, 100));
      EXPECT_EQ(DeriveStage(log, Playbook{}, kNow), to)
          << ToString(from) << " -> " << ToString(to) << " by " << ToString(*d.event);
      EXPECT_EQ(d.needs_meeting_time, to == S::kScheduled);
      if (d.verdict == MoveVerdict::kConfirm) {
        EXPECT_NE(d.question.find("Ada"), std::string::npos) << d.question;
        EXPECT_NE(d.question.find("? This records"), std::string::npos) << d.question;
      }
    }
  }
  EXPECT_GT(allowed, 40);
}

TEST(MoveTest, TheNextStepIsRecordedAtOnce) {
  const std::vector<std::tuple<S, S, K>> obvious = {
      {S::kNone, S::kTargeted, K::kTargeted},
      {S::kTargeted, S::kRequested, K::kRequestSent},
      {S::kRequested, S::kFollowedUp, K::kFollowUpSent},
      {S::kFollowedUp, S::kFollowedUp, K::kFollowUpSent},
      {S::kFollowedUp, S::kCalled, K::kCallMade},
      {S::kRequested, S::kScheduled, K::kMeetingScheduled},
      {S::kScheduled, S::kMet, K::kMeetingHeld},
      {S::kMet, S::kThanked, K::kThanksSent},
      {S::kThanked, S::kInTouch, K::kTouch},
      {S::kFollowedUp, S::kDeclined, K::kRepliedNo},
      {S::kDeclined, S::kTargeted, K::kTargeted},
  };
  for (const auto& [from, to, event] : obvious) {
    MoveDecision d = DecideMove(from, to, "Ada");
    EXPECT_EQ(d.verdict, MoveVerdict::kRecord) << ToString(from) << " -> " << ToString(to);
    EXPECT_EQ(d.event, event);
  }
}

TEST(MoveTest, MovesThatSkipStepsAskFirst) {
  MoveDecision met = DecideMove(S::kTargeted, S::kMet, "Ada");
  EXPECT_EQ(met.verdict, MoveVerdict::kConfirm);
  EXPECT_EQ(met.event, K::kMeetingHeld);
  EXPECT_EQ(met.question, "Mark Ada as met? This records a meeting held today.");
  EXPECT_EQ(DecideMove(S::kRequested, S::kNoResponse, "Ada").verdict, MoveVerdict::kConfirm);
  EXPECT_EQ(DecideMove(S::kDeclined, S::kRequested, "Ada").verdict, MoveVerdict::kConfirm);
  EXPECT_EQ(DecideMove(S::kScheduled, S::kDeclined, "Ada").verdict, MoveVerdict::kConfirm);
  MoveDecision sched = DecideMove(S::kTargeted, S::kScheduled, "Ada");
  EXPECT_EQ(sched.verdict, MoveVerdict::kConfirm);
  EXPECT_TRUE(sched.needs_meeting_time);
}

TEST(MoveTest, BackwardAndImpossibleMovesAreRefusedWithAReason) {
  auto refused = [](S from, S to, const std::string& part) {
    MoveDecision d = DecideMove(from, to, "Ada");
    EXPECT_EQ(d.verdict, MoveVerdict::kRefuse) << ToString(from) << " -> " << ToString(to);
    EXPECT_FALSE(d.event);
    EXPECT_NE(d.reason.find(part), std::string::npos) << d.reason;
  };
  refused(S::kFollowedUp, S::kRequested, "already been asked");
  refused(S::kMet, S::kTargeted, "past the target list");
  refused(S::kTargeted, S::kFollowedUp, "request first");
  refused(S::kRequested, S::kThanked, "Met first");
  refused(S::kMet, S::kInTouch, "thank Ada");
  refused(S::kThanked, S::kDormant, "by hand");
  refused(S::kRequested, S::kNone, "out of the pipeline");
  refused(S::kRequested, S::kRequested, "already in Requested");
  refused(S::kMet, S::kNoResponse, "no thread");
}

TEST(MoveTest, ColumnsHavePlainLabels) {
  EXPECT_EQ(StageLabel(S::kFollowedUp), "Followed up");
  EXPECT_EQ(StageLabel(S::kDeclined), "Said no");
  for (S s : kAll) EXPECT_FALSE(StageLabel(s).empty());
}

}  // namespace
}  // namespace rapport
