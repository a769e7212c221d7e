// Time in the agenda: business days, daylight saving, the speed contract
// (due times independent of `now`), the weekly goal and SelectDue. The
// helpers are shared with agenda_test.cpp (plan_helpers.h).
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "rapport/playbook/agenda.h"
#include "playbook/plan_helpers.h"

namespace rapport {
namespace {

using namespace playbook_test;  // NOLINT: test helpers


TEST(PlanContact, BusinessDaysSkipTheWeekendAndHintAtAnotherContact) {
  Contact ada = Ada();
  ada.org_name = "Acme";
  LogBuilder log;
  // Friday 6 March, 10:00 in Paris (UTC+1).
  log.Add(K::kRequestSent, T("2026-03-06T09:00Z"));
  Playbook p;
  p.business_days = true;
  auto r = PlanFor(log, ada, p, kNow, "Europe/Paris");
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});        // nothing else new
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-17T09:00Z"));  // Tuesday, 7 business days on
  EXPECT_EQ(r.plan.actions[0].reason,
            "no reply yet to your request of 6 Mar; follow up on 17 Mar if it stays quiet; if "
            "still quiet on 11 Mar, start on another contact at Acme");
  auto later = PlanFor(log, ada, p, T("2026-03-12T08:00Z"), "Europe/Paris");
  EXPECT_EQ(later.plan.actions[0].reason,
            "no reply yet to your request of 6 Mar; follow up on 17 Mar if it stays quiet; "
            "meanwhile start on another contact at Acme");
  auto due = PlanFor(log, ada, p, T("2026-03-18T08:00Z"), "Europe/Paris");
  EXPECT_EQ(due.plan.actions[0].reason,
            "no reply to your request of 6 Mar; 7 business days have passed");
}

TEST(PlanContact, BusinessDaysOnlyTimeTheFollowUp) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(20)).Add(K::kFollowUpSent, T("2026-03-06T09:00Z"));
  Playbook p;
  p.business_days = true;
  auto r = PlanFor(log, Ada(), p, kNow, "Europe/Paris");
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kCall});
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-13T09:00Z"));
}

TEST(PlanContact, AWeekIsExactAcrossTheDaylightSavingChange) {
  // New York springs forward on Sunday 8 March 2026.
  LogBuilder log;
  log.Add(K::kRequestSent, T("2026-03-02T15:00Z"));  // 10:00 EST
  auto r = PlanFor(log, Ada(), {}, kNow, "America/New_York");
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-09T15:00Z"));  // 11:00 EDT, 168 hours on
}

TEST(PlanContact, BusinessDaysKeepTheWallClockAcrossDaylightSaving) {
  LogBuilder log;
  log.Add(K::kRequestSent, T("2026-03-06T15:00Z"));  // Friday 10:00 EST
  Playbook p;
  p.business_days = true;
  auto r = PlanFor(log, Ada(), p, kNow, "America/New_York");
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-17T14:00Z"));  // Tuesday 10:00 EDT
}

TEST(PlanContact, FortyEightHoursAreExactAcrossTheDaylightSavingChange) {
  // Paris springs forward on Sunday 29 March 2026.
  LogBuilder log;
  log.Add(K::kMeetingHeld, T("2026-03-28T10:00Z"));  // 11:00 CET
  auto r = PlanFor(log, Ada(), {}, T("2026-03-28T12:00Z"), "Europe/Paris");
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kThank});
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-30T10:00Z"));
  EXPECT_EQ(r.plan.actions[0].reason,
            "you met Ada Lovelace on 28 Mar; send a personal thank-you that names something "
            "specific by Mon 30 Mar 12:00");  // 12:00 CEST
}

// ---- the speed contract ------------------------------------------------------

// Logs in every state the planner knows, all at or before kNow.
std::vector<std::pair<std::string, LogBuilder>> Scenarios() {
  std::vector<std::pair<std::string, LogBuilder>> out;
  auto add = [&](std::string name) -> LogBuilder& {
    out.emplace_back(std::move(name), LogBuilder());
    return out.back().second;
  };
  add("targeted").Add(K::kTargeted, Ago(2));
  add("requested").Add(K::kRequestSent, Ago(3));
  add("followed up").Add(K::kRequestSent, Ago(20)).Add(K::kFollowUpSent, Ago(10));
  add("three tries")
      .Add(K::kRequestSent, Ago(30))
      .Add(K::kFollowUpSent, Ago(22))
      .Add(K::kCallMade, Ago(2));
  add("scheduled far ahead")
      .Add(K::kMeetingScheduled, Ago(1))
      .MeetingAt(kNow + days{500})
      .Add(K::kPromiseMade, Ago(1));
  add("met").Add(K::kRequestSent, Ago(10)).Via(9).Add(K::kMeetingHeld, Ago(1));
  add("thanked")
      .Add(K::kMeetingHeld, Ago(40))
      .Add(K::kThanksSent, Ago(39))
      .Add(K::kPromiseMade, Ago(30));
  add("declined")
      .Add(K::kRequestSent, Ago(10))
      .Add(K::kPromiseMade, Ago(9))
      .Objective(3)
      .Add(K::kRepliedNo, Ago(2));
  return out;
}

using Shape = std::tuple<A, Id, std::optional<Id>, Instant, std::optional<Instant>,
                         std::optional<Id>, std::optional<Id>>;

std::vector<Shape> Shapes(const ContactPlan& plan) {
  std::vector<Shape> out;
  for (const Action& a : plan.actions) {
    out.emplace_back(a.kind, a.contact_id, a.about_id, a.due, a.until, a.promise_id,
                     a.objective_id);
  }
  return out;
}

TEST(PlanContact, DueTimesDoNotDependOnNow) {
  Contact ada = Ada();
  ada.introducer_id = 7;
  for (const auto& [name, log] : Scenarios()) {
    auto at_now = PlanFor(log, ada, {}, kNow);
    ASSERT_FALSE(at_now.plan.actions.empty()) << name;
    for (Instant later : {kNow + hours{1}, kNow + days{30}, kNow + days{400}}) {
      auto then = PlanFor(log, ada, {}, later);
      EXPECT_EQ(Shapes(then.plan), Shapes(at_now.plan)) << name;
      EXPECT_EQ(then.plan.next_due, at_now.plan.next_due) << name;
    }
  }
}

TEST(PlanContact, NowOnlyExpiresThePreparation) {
  LogBuilder log;
  log.Add(K::kMeetingScheduled, Ago(1)).MeetingAt(kNow + days{3}).Add(K::kPromiseMade, Ago(1));
  auto before = PlanFor(log);
  auto after = PlanFor(log, Ada(), {}, kNow + days{3});
  ASSERT_EQ(before.kinds(), (std::vector<A>{A::kPrepare, A::kLogMeeting, A::kDeliverPromise}));
  ASSERT_EQ(after.kinds(), (std::vector<A>{A::kLogMeeting, A::kDeliverPromise}));
  EXPECT_EQ(after.plan.actions[0].due, kNow + days{3} + minutes{30});
  EXPECT_EQ(after.plan.actions[1].due, kNow + days{6});
  EXPECT_EQ(Shapes(after.plan)[0], Shapes(before.plan)[1]);
  EXPECT_EQ(Shapes(after.plan)[1], Shapes(before.plan)[2]);
}

// ---- weekly goal ---------------------------------------------------------------

TEST(WeeklyGoal, BehindTheGoalShowsUntilTheWeekEnds) {
  auto a = WeeklyGoal(0, Playbook{}, kNow, "UTC");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->kind, A::kWeeklyGoal);
  EXPECT_EQ(a->contact_id, 0);
  EXPECT_EQ(a->due, T("2026-03-15T23:59:59Z"));
  EXPECT_EQ(a->until, T("2026-03-16T00:00Z"));
  EXPECT_FALSE(IsOverdue(*a, kNow));
  EXPECT_FALSE(IsOverdue(*a, T("2026-03-15T23:59:59Z")));
  EXPECT_EQ(a->reason, "0 meetings this week of your goal of 1; book another conversation");
}

TEST(WeeklyGoal, NothingWhenTheGoalIsMetOrOff) {
  Playbook p;
  EXPECT_FALSE(WeeklyGoal(1, p, kNow, "UTC").has_value());
  EXPECT_FALSE(WeeklyGoal(3, p, kNow, "UTC").has_value());
  p.weekly_goal = 0;
  EXPECT_FALSE(WeeklyGoal(0, p, kNow, "UTC").has_value());
  p.weekly_goal = 2;
  auto a = WeeklyGoal(1, p, kNow, "UTC");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->reason, "1 meeting this week of your goal of 2; book another conversation");
}

TEST(WeeklyGoal, FollowsTheLocalWeekAcrossDaylightSaving) {
  // Paris week of Monday 23 March, clocks change on Sunday 29 March.
  auto a = WeeklyGoal(0, Playbook{}, T("2026-03-25T12:00Z"), "Europe/Paris");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->until, T("2026-03-29T22:00Z"));  // Monday 30 March 00:00 CEST
  EXPECT_EQ(a->due, T("2026-03-29T21:59:59Z"));
  // Monday 00:30 in Paris is still Sunday in UTC: the Paris week counts.
  auto monday = WeeklyGoal(0, Playbook{}, T("2026-03-08T23:30Z"), "Europe/Paris");
  ASSERT_TRUE(monday.has_value());
  EXPECT_EQ(monday->until, T("2026-03-15T23:00Z"));
}

// ---- SelectDue -------------------------------------------------------------------

Action Make(A kind, Id contact, Instant due, std::optional<Instant> until = std::nullopt) {
  Action a;
  a.kind = kind;
  a.contact_id = contact;
  a.due = due;
  a.until = until;
  return a;
}

TEST(SelectDue, KeepsDueAndUnexpiredSortedOverdueFirst) {
  std::vector<Action> in = {
      Make(A::kThank, 5, kNow + hours{2}),            // due soon
      Make(A::kFollowUp, 3, Ago(2)),                  // overdue
      Make(A::kCall, 2, kNow + days{3}),              // beyond the horizon
      Make(A::kPrepare, 4, Ago(1), kNow),             // expired at now
      Make(A::kPrepare, 6, Ago(1), kNow + hours{1}),  // overdue, not expired
      Make(A::kKeepInTouch, 1, Ago(2)),               // overdue, same due as 3
      Make(A::kDeliverPromise, 1, Ago(2)),            // same due and contact
      Make(A::kMoveOn, 7, kNow),                      // due exactly now
      Make(A::kWeeklyGoal, 0, kNow + days{1}),        // due exactly at the horizon
  };
  auto out = SelectDue(in, kNow, kNow + days{1});
  std::vector<std::pair<A, Id>> got;
  for (const Action& a : out) got.emplace_back(a.kind, a.contact_id);
  const std::vector<std::pair<A, Id>> want = {
      {A::kKeepInTouch, 1}, {A::kDeliverPromise, 1}, {A::kFollowUp, 3},   {A::kPrepare, 6},
      {A::kMoveOn, 7},      {A::kThank, 5},          {A::kWeeklyGoal, 0},
  };
  EXPECT_EQ(got, want);
}

TEST(SelectDue, EmptyInEmptyOut) { EXPECT_TRUE(SelectDue({}, kNow, kNow).empty()); }

TEST(SelectDue, WorksOnAPlan) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(3)).Add(K::kPromiseMade, Ago(3)).Due(kNow + hours{3});
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kThank, A::kDeliverPromise}));
  EXPECT_EQ(SelectDue(r.plan.actions, kNow, kNow).size(), 1u);
  EXPECT_EQ(SelectDue(r.plan.actions, kNow, kNow + hours{3}).size(), 2u);
}

}  // namespace
}  // namespace rapport
