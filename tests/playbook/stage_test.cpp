#include "rapport/playbook/stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rapport {
namespace {

Instant T(std::string_view iso) {
  auto t = ParseTime(iso, "UTC");
  EXPECT_TRUE(t.ok()) << iso;
  return t.ok() ? *t : Instant{};
}

// Tuesday noon, UTC.
const Instant kNow = T("2026-03-10T12:00Z");

Instant Ago(int d, int h = 0) { return kNow - days{d} - hours{h}; }

// Events in the order given, with increasing ids.
std::vector<Event> Log(std::vector<std::pair<EventKind, Instant>> items) {
  std::vector<Event> out;
  for (const auto& [kind, at] : items) {
    Event e;
    e.id = static_cast<Id>(out.size() + 1);
    e.contact_id = 1;
    e.kind = kind;
    e.at = at;
    if (kind == EventKind::kMeetingScheduled || kind == EventKind::kMeetingRescheduled) {
      e.meeting_at = at + days{3};
    }
    out.push_back(e);
  }
  return out;
}

using K = EventKind;

struct StageCase {
  std::string name;
  std::vector<Event> events;
  Stage want;
};

std::vector<StageCase> Cases() {
  return {
      {"no events", {}, Stage::kNone},
      {"only a touch", Log({{K::kTouch, Ago(5)}}), Stage::kNone},
      {"only a promise", Log({{K::kPromiseMade, Ago(5)}, {K::kTouch, Ago(2)}}), Stage::kNone},
      {"a stray thanks with no meeting", Log({{K::kThanksSent, Ago(5)}}), Stage::kNone},
      {"targeted", Log({{K::kTouch, Ago(9)}, {K::kTargeted, Ago(8)}}), Stage::kTargeted},
      {"request 3 days ago", Log({{K::kTargeted, Ago(10)}, {K::kRequestSent, Ago(3)}}),
       Stage::kRequested},
      {"intro requested", Log({{K::kIntroRequested, Ago(3)}}), Stage::kRequested},
      {"two requests", Log({{K::kRequestSent, Ago(20)}, {K::kRequestSent, Ago(10)}}),
       Stage::kRequested},
      {"followed up", Log({{K::kRequestSent, Ago(10)}, {K::kFollowUpSent, Ago(3)}}),
       Stage::kFollowedUp},
      {"follow-up with no logged request",
       Log({{K::kTargeted, Ago(10)}, {K::kFollowUpSent, Ago(3)}}), Stage::kFollowedUp},
      {"called",
       Log({{K::kRequestSent, Ago(20)}, {K::kFollowUpSent, Ago(13)}, {K::kCallMade, Ago(2)}}),
       Stage::kCalled},
      {"three tries, still within the wait",
       Log({{K::kRequestSent, Ago(30)},
            {K::kFollowUpSent, Ago(20)},
            {K::kCallMade, kNow - days{7} + Seconds{1}}}),
       Stage::kCalled},
      {"three tries, the wait just over",
       Log({{K::kRequestSent, Ago(30)}, {K::kFollowUpSent, Ago(20)}, {K::kCallMade, Ago(7)}}),
       Stage::kNoResponse},
      {"three tries, long ago",
       Log({{K::kRequestSent, Ago(60)}, {K::kFollowUpSent, Ago(50)}, {K::kCallMade, Ago(40)}}),
       Stage::kNoResponse},
      {"closed after two tries",
       Log({{K::kRequestSent, Ago(20)}, {K::kFollowUpSent, Ago(10)}, {K::kClosed, Ago(1)}}),
       Stage::kNoResponse},
      {"targeted then closed", Log({{K::kTargeted, Ago(20)}, {K::kClosed, Ago(1)}}),
       Stage::kNoResponse},
      {"replied yes", Log({{K::kRequestSent, Ago(5)}, {K::kRepliedYes, Ago(2)}}),
       Stage::kScheduled},
      {"meeting scheduled",
       Log({{K::kRequestSent, Ago(5)}, {K::kRepliedYes, Ago(2)}, {K::kMeetingScheduled, Ago(1)}}),
       Stage::kScheduled},
      {"meeting cancelled: the yes stands",
       Log({{K::kRequestSent, Ago(5)},
            {K::kMeetingScheduled, Ago(2)},
            {K::kMeetingCancelled, Ago(1)}}),
       Stage::kScheduled},
      {"rescheduled after a cancel",
       Log({{K::kMeetingScheduled, Ago(5)},
            {K::kMeetingCancelled, Ago(4)},
            {K::kMeetingRescheduled, Ago(1)}}),
       Stage::kScheduled},
      {"a try after a yes is scheduling talk",
       Log({{K::kRequestSent, Ago(9)}, {K::kRepliedYes, Ago(5)}, {K::kFollowUpSent, Ago(1)}}),
       Stage::kScheduled},
      {"meeting held",
       Log({{K::kRequestSent, Ago(9)}, {K::kMeetingScheduled, Ago(5)}, {K::kMeetingHeld, Ago(1)}}),
       Stage::kMet},
      {"meeting held without a logged request", Log({{K::kMeetingHeld, Ago(1)}}), Stage::kMet},
      {"thanked", Log({{K::kMeetingHeld, Ago(3)}, {K::kThanksSent, Ago(2)}}), Stage::kThanked},
      {"thanked, then thanked the introducer",
       Log({{K::kMeetingHeld, Ago(3)}, {K::kThanksSent, Ago(2)}, {K::kIntroducerThanked, Ago(1)}}),
       Stage::kThanked},
      {"in touch",
       Log({{K::kMeetingHeld, Ago(60)}, {K::kThanksSent, Ago(59)}, {K::kTouch, Ago(30)}}),
       Stage::kInTouch},
      {"a follow-up after a meeting is keeping in touch",
       Log({{K::kMeetingHeld, Ago(60)}, {K::kThanksSent, Ago(59)}, {K::kFollowUpSent, Ago(30)}}),
       Stage::kInTouch},
      {"thanked, quiet for 100 days",
       Log({{K::kMeetingHeld, Ago(101)}, {K::kThanksSent, Ago(100)}}), Stage::kDormant},
      {"in touch, quiet for 100 days",
       Log({{K::kMeetingHeld, Ago(200)}, {K::kThanksSent, Ago(199)}, {K::kTouch, Ago(100)}}),
       Stage::kDormant},
      {"exactly 90 days is not yet dormant",
       Log({{K::kMeetingHeld, Ago(120)}, {K::kThanksSent, Ago(119)}, {K::kTouch, Ago(90)}}),
       Stage::kInTouch},
      {"met, never thanked, 100 days", Log({{K::kMeetingHeld, Ago(100)}}), Stage::kDormant},
      {"met long ago, not thanked, touched lately",
       Log({{K::kMeetingHeld, Ago(100)}, {K::kTouch, Ago(10)}}), Stage::kMet},
      {"a second meeting needs its own thanks",
       Log({{K::kMeetingHeld, Ago(60)}, {K::kThanksSent, Ago(59)}, {K::kMeetingHeld, Ago(1)}}),
       Stage::kMet},
      {"declined", Log({{K::kRequestSent, Ago(10)}, {K::kRepliedNo, Ago(2)}}), Stage::kDeclined},
      {"a follow-up after a no changes nothing",
       Log({{K::kRequestSent, Ago(10)}, {K::kRepliedNo, Ago(5)}, {K::kFollowUpSent, Ago(2)}}),
       Stage::kDeclined},
      {"closed after a no",
       Log({{K::kRequestSent, Ago(10)}, {K::kRepliedNo, Ago(5)}, {K::kClosed, Ago(2)}}),
       Stage::kDeclined},
      {"a no cancels the meeting", Log({{K::kMeetingScheduled, Ago(10)}, {K::kRepliedNo, Ago(5)}}),
       Stage::kDeclined},
      {"yes after a no",
       Log({{K::kRequestSent, Ago(10)}, {K::kRepliedNo, Ago(5)}, {K::kRepliedYes, Ago(2)}}),
       Stage::kScheduled},
      {"a new request after a no",
       Log({{K::kRequestSent, Ago(100)}, {K::kRepliedNo, Ago(90)}, {K::kRequestSent, Ago(2)}}),
       Stage::kRequested},
      {"a reply after the give-up reopens the thread",
       Log({{K::kRequestSent, Ago(40)},
            {K::kFollowUpSent, Ago(33)},
            {K::kCallMade, Ago(26)},
            {K::kRepliedYes, Ago(1)}}),
       Stage::kScheduled},
      {"a no after the give-up",
       Log({{K::kRequestSent, Ago(40)},
            {K::kFollowUpSent, Ago(33)},
            {K::kCallMade, Ago(26)},
            {K::kRepliedNo, Ago(1)}}),
       Stage::kDeclined},
      {"a meeting after closing",
       Log({{K::kRequestSent, Ago(40)},
            {K::kFollowUpSent, Ago(33)},
            {K::kCallMade, Ago(26)},
            {K::kClosed, Ago(18)},
            {K::kMeetingHeld, Ago(1)}}),
       Stage::kMet},
      {"trying again after closing",
       Log({{K::kRequestSent, Ago(40)}, {K::kClosed, Ago(18)}, {K::kCallMade, Ago(1)}}),
       Stage::kCalled},
      {"targeted again while asking changes nothing",
       Log({{K::kRequestSent, Ago(5)}, {K::kTargeted, Ago(1)}}), Stage::kRequested},
      {"targeted again after giving up",
       Log({{K::kRequestSent, Ago(50)}, {K::kClosed, Ago(18)}, {K::kTargeted, Ago(1)}}),
       Stage::kTargeted},
      {"a second request after a meeting",
       Log({{K::kMeetingHeld, Ago(60)}, {K::kThanksSent, Ago(59)}, {K::kRequestSent, Ago(2)}}),
       Stage::kRequested},
      {"closing after a meeting changes nothing",
       Log({{K::kMeetingHeld, Ago(6)}, {K::kThanksSent, Ago(5)}, {K::kClosed, Ago(2)}}),
       Stage::kThanked},
      {"events in the future are ignored",
       Log({{K::kRequestSent, Ago(3)}, {K::kRepliedYes, kNow + hours{1}}}), Stage::kRequested},
      {"an event at now counts", Log({{K::kRequestSent, Ago(3)}, {K::kRepliedYes, kNow}}),
       Stage::kScheduled},
      {"only future events", Log({{K::kMeetingHeld, kNow + days{1}}}), Stage::kNone},
  };
}

TEST(DeriveStage, EveryTransition) {
  Playbook p;
  for (const StageCase& c : Cases()) {
    EXPECT_EQ(ToString(DeriveStage(c.events, p, kNow)), ToString(c.want)) << c.name;
  }
}

TEST(DeriveStage, MaxTriesAndTheWaitAreSettings) {
  auto events = Log({{K::kRequestSent, Ago(20)}, {K::kFollowUpSent, Ago(4)}});
  Playbook p;
  EXPECT_EQ(DeriveStage(events, p, kNow), Stage::kFollowedUp);
  p.max_tries = 2;
  EXPECT_EQ(DeriveStage(events, p, kNow), Stage::kFollowedUp);  // waits 7 days
  p.move_on_after_days = 3;
  EXPECT_EQ(DeriveStage(events, p, kNow), Stage::kNoResponse);
}

TEST(DeriveStage, KeepInTouchWindowIsASetting) {
  auto events = Log({{K::kMeetingHeld, Ago(40)}, {K::kThanksSent, Ago(39)}});
  Playbook p;
  EXPECT_EQ(DeriveStage(events, p, kNow), Stage::kThanked);
  p.keep_in_touch_days = 30;
  EXPECT_EQ(DeriveStage(events, p, kNow), Stage::kDormant);
}

TEST(DeriveStage, MovesWithTheClock) {
  auto events = Log({{K::kRequestSent, Ago(30)},
                     {K::kFollowUpSent, Ago(20)},
                     {K::kCallMade, Ago(2)},
                     {K::kRepliedYes, kNow + days{10}}});
  Playbook p;
  EXPECT_EQ(DeriveStage(events, p, Ago(25)), Stage::kRequested);
  EXPECT_EQ(DeriveStage(events, p, kNow), Stage::kCalled);
  EXPECT_EQ(DeriveStage(events, p, kNow + days{5}), Stage::kNoResponse);
  EXPECT_EQ(DeriveStage(events, p, kNow + days{10}), Stage::kScheduled);
}

TEST(StageNames, RoundTrip) {
  const std::vector<std::pair<Stage, std::string_view>> names = {
      {Stage::kNone, "none"},
      {Stage::kTargeted, "targeted"},
      {Stage::kRequested, "requested"},
      {Stage::kFollowedUp, "followed_up"},
      {Stage::kCalled, "called"},
      {Stage::kScheduled, "scheduled"},
      {Stage::kMet, "met"},
      {Stage::kThanked, "thanked"},
      {Stage::kInTouch, "in_touch"},
      {Stage::kDeclined, "declined"},
      {Stage::kNoResponse, "no_response"},
      {Stage::kDormant, "dormant"},
  };
  for (const auto& [stage, name] : names) {
    EXPECT_EQ(ToString(stage), name);
    ASSERT_TRUE(ParseStage(name).has_value()) << name;
    EXPECT_EQ(*ParseStage(name), stage);
  }
  EXPECT_FALSE(ParseStage("Met").has_value());
  EXPECT_FALSE(ParseStage("").has_value());
  EXPECT_FALSE(ParseStage("followed-up").has_value());
}

}  // namespace
}  // namespace rapport
