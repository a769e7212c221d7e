#include "rapport/playbook/agenda.h"
#include "playbook/plan_helpers.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace rapport {
namespace {

using namespace playbook_test;  // NOLINT: test helpers


TEST(ActionNames, AreStable) {
  const std::vector<std::pair<A, std::string_view>> names = {
      {A::kRequest, "request"},
      {A::kFollowUp, "follow_up"},
      {A::kCall, "call"},
      {A::kMoveOn, "move_on"},
      {A::kPrepare, "prepare"},
      {A::kLogMeeting, "log_meeting"},
      {A::kThank, "thank"},
      {A::kThankIntroducer, "thank_introducer"},
      {A::kReportBack, "report_back"},
      {A::kKeepInTouch, "keep_in_touch"},
      {A::kDeliverPromise, "deliver_promise"},
      {A::kWeeklyGoal, "weekly_goal"},
      {A::kSchedule, "schedule"},
  };
  for (const auto& [kind, name] : names) EXPECT_EQ(ToString(kind), name);
}

TEST(PlanContact, NothingForAnUnknownPerson) {
  LogBuilder log;
  log.Add(K::kTouch, Ago(3));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kNone);
  EXPECT_TRUE(r.plan.actions.empty());
  EXPECT_FALSE(r.plan.next_due.has_value());
}

TEST(PlanContact, TargetedGivesARequestDueAtOnce) {
  LogBuilder log;
  log.Add(K::kTargeted, Ago(2));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kTargeted);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kRequest});
  const Action& a = r.plan.actions[0];
  EXPECT_EQ(a.contact_id, 1);
  EXPECT_EQ(a.due, Ago(2));
  EXPECT_FALSE(a.until.has_value());
  EXPECT_EQ(a.reason,
            "Ada Lovelace is on your target list since 8 Mar; send a short request tied to one "
            "objective");
}

TEST(PlanContact, RequestTenDaysAgoGivesAnOverdueFollowUp) {
  LogBuilder log;
  log.Add(K::kTargeted, Ago(12)).Add(K::kRequestSent, Ago(10));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kRequested);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
  const Action& a = r.plan.actions[0];
  EXPECT_EQ(a.due, T("2026-03-07T12:00Z"));
  EXPECT_TRUE(IsOverdue(a, kNow));
  EXPECT_EQ(a.reason, "no reply to your request of 28 Feb; a week has passed");
  EXPECT_EQ(r.plan.next_due, a.due);
  auto due = SelectDue(r.plan.actions, kNow, kNow);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].kind, A::kFollowUp);
}

TEST(PlanContact, RequestThreeDaysAgoIsPendingNotDue) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(3));
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
  const Action& a = r.plan.actions[0];
  EXPECT_EQ(a.due, T("2026-03-14T12:00Z"));
  EXPECT_FALSE(IsOverdue(a, kNow));
  EXPECT_EQ(a.reason,
            "no reply yet to your request of 7 Mar; follow up on 14 Mar if it stays quiet");
  EXPECT_TRUE(SelectDue(r.plan.actions, kNow, kNow).empty());
  EXPECT_EQ(SelectDue(r.plan.actions, kNow, kNow + days{4}).size(), 1u);
}

TEST(PlanContact, IntroRequestIsATry) {
  LogBuilder log;
  log.Add(K::kIntroRequested, Ago(8));
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
  EXPECT_EQ(r.plan.actions[0].due, Ago(1));
  EXPECT_EQ(r.plan.actions[0].reason,
            "no reply to your introduction request of 2 Mar; a week has passed");
}

TEST(PlanContact, NoAnswerToTheFollowUpGivesACall) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(20)).Add(K::kFollowUpSent, Ago(10));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kFollowedUp);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kCall});
  EXPECT_EQ(r.plan.actions[0].due, Ago(3));
  EXPECT_EQ(r.plan.actions[0].reason,
            "no reply to your follow-up of 28 Feb either; call Ada Lovelace and leave a clear "
            "voicemail");
}

TEST(PlanContact, CallWaitIsItsOwnSetting) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(20)).Add(K::kFollowUpSent, Ago(10));
  Playbook p;
  p.call_after_follow_up_days = 14;
  auto r = PlanFor(log, Ada(), p);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kCall});
  EXPECT_EQ(r.plan.actions[0].due, kNow + days{4});
  EXPECT_EQ(r.plan.actions[0].reason,
            "no reply yet to your follow-up of 28 Feb; call Ada Lovelace on 14 Mar if it stays "
            "quiet");
}

TEST(PlanContact, MoreTriesAllowedWritesAgainAfterTheCall) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(20)).Add(K::kFollowUpSent, Ago(13)).Add(K::kCallMade, Ago(2));
  Playbook p;
  p.max_tries = 4;
  auto r = PlanFor(log, Ada(), p);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
  EXPECT_EQ(r.plan.actions[0].due, Ago(2) + days{7});
}

TEST(PlanContact, ThreeUnansweredTriesGiveMoveOn) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(30)).Add(K::kFollowUpSent, Ago(22)).Add(K::kCallMade, Ago(8));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kNoResponse);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kMoveOn});
  EXPECT_EQ(r.plan.actions[0].due, Ago(1));
  EXPECT_EQ(r.plan.actions[0].reason,
            "3 tries without an answer, the last on 2 Mar; assume no, close this thread and move "
            "on");
}

TEST(PlanContact, MoveOnIsPendingDuringTheWait) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(30)).Add(K::kFollowUpSent, Ago(22)).Add(K::kCallMade, Ago(2));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kCalled);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kMoveOn});
  EXPECT_EQ(r.plan.actions[0].due, kNow + days{5});
  EXPECT_EQ(r.plan.actions[0].reason,
            "3 tries without an answer so far; if nothing comes by 15 Mar, assume no and move on");
}

TEST(PlanContact, ClosedOrAnAnswerSettlesTheTries) {
  for (K settle : {K::kClosed, K::kRepliedYes, K::kRepliedNo, K::kMeetingCancelled}) {
    LogBuilder log;
    log.Add(K::kRequestSent, Ago(30)).Add(K::kFollowUpSent, Ago(22)).Add(K::kCallMade, Ago(8));
    log.Add(settle, Ago(1));
    auto r = PlanFor(log);
    // A cancel without a meeting is noise: the move_on stays.
    std::vector<A> want;
    if (settle == K::kMeetingCancelled) want = {A::kMoveOn};
    if (settle == K::kRepliedYes) want = {A::kSchedule};  // the tries are over; book it
    EXPECT_EQ(r.kinds(), want) << ToString(settle);
  }
}

TEST(PlanContact, DeclinedClosesThePipelineButNotPromisesOrThanks) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(30)).Add(K::kThanksSent, Ago(29));
  log.Add(K::kRequestSent, Ago(12)).Add(K::kPromiseMade, Ago(10)).Body("send the report");
  log.Add(K::kRepliedNo, Ago(5)).Add(K::kFollowUpSent, Ago(4));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kDeclined);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kDeliverPromise});
  EXPECT_EQ(r.plan.actions[0].due, Ago(3));
}

TEST(PlanContact, AScheduledMeetingGivesPrepareAndLogMeeting) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(5)).Add(K::kRepliedYes, Ago(2));
  log.Add(K::kMeetingScheduled, Ago(1)).MeetingAt(T("2026-03-11T10:00Z")).Minutes(45);
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kScheduled);
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kPrepare, A::kLogMeeting}));
  const Action& prepare = r.Get(A::kPrepare);
  EXPECT_EQ(prepare.due, T("2026-03-09T10:00Z"));
  EXPECT_EQ(prepare.until, T("2026-03-11T10:00Z"));
  EXPECT_EQ(prepare.reason,
            "meeting with Ada Lovelace on Wed 11 Mar 10:00 - prepare 4-6 questions");
  const Action& log_meeting = r.Get(A::kLogMeeting);
  EXPECT_EQ(log_meeting.due, T("2026-03-11T10:45Z"));
  EXPECT_FALSE(log_meeting.until.has_value());
  EXPECT_EQ(log_meeting.reason,
            "meeting with Ada Lovelace on Wed 11 Mar 10:00; log how it went when it ends");
}

TEST(PlanContact, MeetingLengthDefaultsToThePlaybook) {
  LogBuilder log;
  log.Add(K::kMeetingScheduled, Ago(1)).MeetingAt(T("2026-03-20T09:00Z"));
  Playbook p;
  p.prepare_hours = 24;
  auto r = PlanFor(log, Ada(), p);
  EXPECT_EQ(r.Get(A::kPrepare).due, T("2026-03-19T09:00Z"));
  EXPECT_EQ(r.Get(A::kLogMeeting).due, T("2026-03-20T09:30Z"));
}

TEST(PlanContact, AMeetingRescheduledTwiceUsesTheLatestTime) {
  LogBuilder log;
  log.Add(K::kMeetingScheduled, Ago(9)).MeetingAt(T("2026-03-12T10:00Z")).Minutes(60);
  log.Add(K::kMeetingRescheduled, Ago(5)).MeetingAt(T("2026-03-13T10:00Z"));
  log.Add(K::kMeetingRescheduled, Ago(1)).MeetingAt(T("2026-03-17T15:00Z"));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kScheduled);
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kPrepare, A::kLogMeeting}));
  EXPECT_EQ(r.Get(A::kPrepare).due, T("2026-03-15T15:00Z"));
  EXPECT_EQ(r.Get(A::kPrepare).until, T("2026-03-17T15:00Z"));
  EXPECT_EQ(r.Get(A::kLogMeeting).due, T("2026-03-17T16:00Z"));  // keeps the 60 minutes
}

TEST(PlanContact, ARescheduleWithoutATimeKeepsTheOldOne) {
  LogBuilder log;
  log.Add(K::kMeetingScheduled, Ago(9)).MeetingAt(T("2026-03-12T10:00Z"));
  log.Add(K::kMeetingRescheduled, Ago(1)).Minutes(20);
  auto r = PlanFor(log);
  EXPECT_EQ(r.Get(A::kLogMeeting).due, T("2026-03-12T10:20Z"));
}

TEST(PlanContact, PrepareExpiresWhenTheMeetingStarts) {
  LogBuilder log;
  log.Add(K::kMeetingScheduled, Ago(5)).MeetingAt(T("2026-03-10T09:00Z"));
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kLogMeeting});
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-10T09:30Z"));
  EXPECT_TRUE(IsOverdue(r.plan.actions[0], kNow));
  EXPECT_EQ(r.plan.actions[0].reason,
            "meeting with Ada Lovelace on Tue 10 Mar 09:00 has ended; mark it held or cancelled");
}

TEST(PlanContact, PreparingIsDueButNeverLateBeforeTheMeeting) {
  // The meeting was made this morning for tonight: preparing is due at
  // once (its due time, 24 hours before, has passed), but it is not late
  // until the meeting starts, when it expires.
  LogBuilder log;
  log.Add(K::kRepliedYes, Ago(0, 3));
  log.Add(K::kMeetingScheduled, Ago(0, 2)).MeetingAt(T("2026-03-10T19:00Z"));
  auto r = PlanFor(log);
  const Action& prepare = r.Get(A::kPrepare);
  EXPECT_LT(prepare.due, kNow);
  EXPECT_FALSE(IsOverdue(prepare, kNow));
  EXPECT_FALSE(IsOverdue(prepare, T("2026-03-10T18:59Z")));
  // The person is late only once the meeting is over and not logged.
  EXPECT_EQ(r.plan.next_late, T("2026-03-10T19:30Z"));
  EXPECT_EQ(r.plan.next_due, prepare.due);
}

TEST(PlanContact, ANewTargetIsLateOnlyOnceTheDayTheyWereAddedEnds) {
  LogBuilder log;
  log.Add(K::kTargeted, Ago(0, 1));  // 11:00 UTC
  auto r = PlanFor(log);
  const Action& request = r.Get(A::kRequest);
  EXPECT_EQ(request.due, Ago(0, 1));  // due at once
  EXPECT_FALSE(IsOverdue(request, kNow));
  EXPECT_FALSE(IsOverdue(request, T("2026-03-10T23:59:59Z")));
  EXPECT_TRUE(IsOverdue(request, T("2026-03-11T00:00:00Z")));
  // The day is the seeker's: in Auckland (UTC+13) 11:00 UTC is already
  // 00:00 the next day, which ends at 11:00 UTC on the 11th.
  auto auckland = PlanFor(log, Ada(), {}, kNow, "Pacific/Auckland");
  EXPECT_EQ(auckland.plan.next_late, T("2026-03-11T10:59:59Z"));
}

TEST(PlanContact, AMeetingLoggedWithATimeBeforeTheRequestStillCountsAsMet) {
  // Logged in this order: the request (today), the meeting's scheduling,
  // then "we met" with a time two days ago (before both).
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(0, 3));
  log.Add(K::kMeetingScheduled, Ago(0, 2)).MeetingAt(T("2026-03-12T10:00Z"));
  log.Add(K::kMeetingHeld, Ago(2));
  log.SortByTime();
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kMet);
  EXPECT_EQ(r.kinds(), std::vector<A>{A::kThank});
  // A request logged after the meeting is a new thread, as before.
  LogBuilder again;
  again.Add(K::kMeetingHeld, Ago(20)).Add(K::kThanksSent, Ago(19)).Add(K::kRequestSent, Ago(1));
  EXPECT_EQ(PlanFor(again).plan.stage, Stage::kRequested);
}

TEST(PlanContact, AYesWantsAMeetingScheduled) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(3)).Add(K::kRepliedYes, Ago(0, 2));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kScheduled);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kSchedule});
  const Action& a = r.plan.actions[0];
  EXPECT_EQ(a.due, Ago(0, 2));
  EXPECT_FALSE(IsOverdue(a, kNow));
  EXPECT_FALSE(IsOverdue(a, T("2026-03-11T23:59:59Z")));  // the next day too
  EXPECT_TRUE(IsOverdue(a, T("2026-03-12T00:00:00Z")));
  EXPECT_EQ(a.reason, "Ada Lovelace said yes on 10 Mar; agree on a time and put the meeting on the calendar");
  EXPECT_FALSE(EventThatDoes(A::kSchedule).has_value());  // it needs a time
  // Booked, it is settled; cancelled, it is due again.
  log.Add(K::kMeetingScheduled, Ago(0, 1)).MeetingAt(T("2026-03-13T10:00Z"));
  EXPECT_EQ(PlanFor(log).kinds(), (std::vector<A>{A::kPrepare, A::kLogMeeting}));
  log.Add(K::kMeetingCancelled, Ago(0, 0));
  auto cancelled = PlanFor(log);
  ASSERT_EQ(cancelled.kinds(), std::vector<A>{A::kSchedule});
  EXPECT_NE(cancelled.plan.actions[0].reason.find("was cancelled"), std::string::npos);
}

TEST(PlanContact, ACancelledMeetingNeedsNoPreparation) {
  LogBuilder log;
  log.Add(K::kMeetingScheduled, Ago(5)).MeetingAt(T("2026-03-12T09:00Z"));
  log.Add(K::kMeetingCancelled, Ago(1));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kScheduled);
  // Nothing to prepare; a new time to find.
  EXPECT_EQ(r.kinds(), std::vector<A>{A::kSchedule});
}

TEST(PlanContact, AMeetingHeldYesterdayIsThankedWithin48Hours) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(10)).Add(K::kMeetingScheduled, Ago(5)).MeetingAt(Ago(1));
  log.Add(K::kMeetingHeld, Ago(1));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kMet);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kThank});
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-11T12:00Z"));
  EXPECT_FALSE(IsOverdue(r.plan.actions[0], kNow));
  EXPECT_EQ(r.plan.actions[0].reason,
            "you met Ada Lovelace on 9 Mar; send a personal thank-you that names something "
            "specific by Wed 11 Mar 12:00");
}

TEST(PlanContact, ALateThankYouIsOverdue) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(3));
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kThank});
  EXPECT_TRUE(IsOverdue(r.plan.actions[0], kNow));
  EXPECT_EQ(r.plan.actions[0].reason,
            "you met Ada Lovelace on 7 Mar; the thank-you was due within 48 hours - send it now");
}

TEST(PlanContact, ThanksBeforeTheMeetingDoNotCount) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(60)).Add(K::kThanksSent, Ago(59)).Add(K::kMeetingHeld, Ago(1));
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kThank});
  EXPECT_EQ(r.plan.actions[0].due, Ago(1) + hours{48});
}

TEST(PlanContact, MeetingSomeoneIntroducedGivesThankIntroducer) {
  Contact ada = Ada();
  ada.introducer_id = 7;
  ada.source = Source::kLinkedin;
  LogBuilder log;
  log.Add(K::kIntroducerThanked, Ago(20));  // for the introduction: not the report
  log.Add(K::kRequestSent, Ago(10)).Add(K::kMeetingHeld, Ago(1)).Add(K::kThanksSent, kNow);
  auto r = PlanFor(log, ada, {}, kNow, "UTC", "Grace Hopper");
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kThankIntroducer, A::kKeepInTouch}));
  const Action& a = r.Get(A::kThankIntroducer);
  EXPECT_EQ(a.contact_id, 7);
  EXPECT_EQ(a.about_id, 1);
  EXPECT_EQ(a.due, Ago(1) + hours{48});
  EXPECT_EQ(a.reason,
            "thank Grace Hopper for introducing you to Ada Lovelace (met on 9 Mar) and say how it "
            "went");

  log.Add(K::kIntroducerThanked, kNow);
  EXPECT_EQ(PlanFor(log, ada).kinds(), std::vector<A>{A::kKeepInTouch});
  Playbook off;
  off.thank_introducer = false;
  log = LogBuilder();
  log.Add(K::kMeetingHeld, Ago(1)).Add(K::kThanksSent, kNow);
  EXPECT_EQ(PlanFor(log, ada, off).kinds(), std::vector<A>{A::kKeepInTouch});
}

TEST(PlanContact, TheRequestsViaOverridesTheContactsIntroducer) {
  Contact ada = Ada();
  ada.introducer_id = 7;
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(10)).Via(9).Add(K::kMeetingHeld, Ago(1));
  auto r = PlanFor(log, ada, {}, kNow, "UTC", "Grace Hopper");
  // Same due: the contact's own action first (ordered by contact id).
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kThank, A::kThankIntroducer}));
  EXPECT_EQ(r.Get(A::kThankIntroducer).contact_id, 9);
  EXPECT_EQ(r.Get(A::kThankIntroducer).reason,
            "thank whoever introduced you for introducing you to Ada Lovelace (met on 9 Mar) and "
            "say how it went");
}

TEST(PlanContact, NoIntroducerNoThankIntroducer) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(10)).Add(K::kMeetingHeld, Ago(1));
  EXPECT_EQ(PlanFor(log).kinds(), std::vector<A>{A::kThank});
}

TEST(PlanContact, MeetingAReferralGivesReportBack) {
  Contact ada = Ada();
  ada.introducer_id = 7;
  ada.introducer_name = "Grace Hopper";
  ada.source = Source::kReferral;
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(1)).Add(K::kThanksSent, Ago(0, 2));
  auto r = PlanFor(log, ada);
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kReportBack, A::kKeepInTouch}));
  const Action& a = r.Get(A::kReportBack);
  EXPECT_EQ(a.contact_id, 7);
  EXPECT_EQ(a.about_id, 1);
  EXPECT_EQ(a.due, Ago(1) + hours{48});
  EXPECT_EQ(
      a.reason,
      "tell Grace Hopper how your meeting of 9 Mar with Ada Lovelace went; they suggested you "
      "meet");

  log.Add(K::kReportedBack, kNow);
  EXPECT_EQ(PlanFor(log, ada).kinds(), std::vector<A>{A::kKeepInTouch});
  Playbook off;
  off.report_back = false;
  log = LogBuilder();
  log.Add(K::kMeetingHeld, Ago(1));
  EXPECT_EQ(PlanFor(log, ada, off).kinds(), std::vector<A>{A::kThank});
}

TEST(PlanContact, MetAndThankedLongAgoIsDormantWithKeepInTouchOverdue) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(200)).Add(K::kThanksSent, Ago(199)).Add(K::kTouch, Ago(100));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kDormant);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kKeepInTouch});
  EXPECT_EQ(r.plan.actions[0].due, Ago(10));
  EXPECT_TRUE(IsOverdue(r.plan.actions[0], kNow));
  EXPECT_EQ(r.plan.actions[0].reason,
            "last contact with Ada Lovelace was on 30 Nov 2025; 90 days have passed - share an "
            "article or news of your progress");
}

TEST(PlanContact, TouchedAMonthAgoIsInTouchWithKeepInTouchLater) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(200)).Add(K::kThanksSent, Ago(199)).Add(K::kTouch, Ago(30));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kInTouch);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kKeepInTouch});
  EXPECT_EQ(r.plan.actions[0].due, kNow + days{60});
  EXPECT_FALSE(IsOverdue(r.plan.actions[0], kNow));
  EXPECT_EQ(r.plan.actions[0].reason,
            "last contact with Ada Lovelace was on 8 Feb; get back in touch from 9 May");
}

TEST(PlanContact, NoKeepInTouchWhileTheThankYouIsPending) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(100));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kDormant);
  EXPECT_EQ(r.kinds(), std::vector<A>{A::kThank});
}

TEST(PlanContact, NoKeepInTouchDuringASecondRequest) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(200)).Add(K::kThanksSent, Ago(199)).Add(K::kRequestSent, Ago(2));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kRequested);
  EXPECT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
}

TEST(PlanContact, MyPromisesAreDeliveredTheirsAreNot) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(12)).Add(K::kThanksSent, Ago(11));
  log.Add(K::kPromiseMade, Ago(12)).Body("send the article on\nquantum engines");  // id 3
  log.Add(K::kPromiseMade, Ago(12)).Theirs().Body("introduce me to Charles");      // id 4
  log.Add(K::kPromiseMade, Ago(11)).Due(kNow + days{20});                          // id 5
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kDeliverPromise, A::kDeliverPromise, A::kKeepInTouch}));
  const Action& first = r.plan.actions[0];
  EXPECT_EQ(first.promise_id, 3);
  EXPECT_EQ(first.contact_id, 1);
  EXPECT_EQ(first.due, Ago(5));
  EXPECT_EQ(first.reason,
            "you promised Ada Lovelace on 26 Feb: send the article on; it was due 5 Mar");
  const Action& second = r.plan.actions[1];
  EXPECT_EQ(second.promise_id, 5);
  EXPECT_EQ(second.due, kNow + days{20});
  EXPECT_EQ(second.reason, "you made Ada Lovelace a promise on 27 Feb; due 30 Mar");

  log.Add(K::kPromiseKept, Ago(1)).Keeps(4);  // theirs: settles nothing of mine
  EXPECT_EQ(PlanFor(log).plan.actions.size(), 3u);
  log.Add(K::kPromiseKept, Ago(1)).Keeps(5);
  ASSERT_EQ(PlanFor(log).kinds(), (std::vector<A>{A::kDeliverPromise, A::kKeepInTouch}));
  EXPECT_EQ(PlanFor(log).plan.actions[0].promise_id, 3);
  log.Add(K::kPromiseKept, kNow);  // no promise_id: the oldest open one
  EXPECT_EQ(PlanFor(log).kinds(), std::vector<A>{A::kKeepInTouch});
}

TEST(PlanContact, ALongPromiseIsCutToOneLine) {
  LogBuilder log;
  log.Add(K::kPromiseMade, Ago(1)).Body(std::string(100, 'x'));
  auto r = PlanFor(log);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kDeliverPromise});
  EXPECT_EQ(r.plan.actions[0].reason,
            "you promised Ada Lovelace on 9 Mar: " + std::string(57, 'x') + "...; due 16 Mar");
}

TEST(PlanContact, ObjectiveComesFromTheLatestEventNamingOne) {
  LogBuilder log;
  log.Add(K::kTargeted, Ago(20)).Objective(4).Add(K::kRequestSent, Ago(10)).Objective(5);
  log.Add(K::kPromiseMade, Ago(9)).Objective(6).Add(K::kTouch, Ago(8));
  log.Add(K::kFollowUpSent, kNow + days{1}).Objective(8);  // not yet
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.objective_id, 6);
  ASSERT_EQ(r.kinds(), (std::vector<A>{A::kFollowUp, A::kDeliverPromise}));
  EXPECT_EQ(r.plan.actions[0].objective_id, 6);
  EXPECT_EQ(r.plan.actions[1].objective_id, 6);
}

TEST(PlanContact, EventsInTheFutureAreIgnored) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(10)).Add(K::kRepliedYes, kNow + days{1});
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kRequested);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kFollowUp});
  EXPECT_TRUE(IsOverdue(r.plan.actions[0], kNow));
}

TEST(PlanContact, AReplyAfterTheGiveUpReopensTheThread) {
  LogBuilder log;
  log.Add(K::kRequestSent, Ago(40)).Add(K::kFollowUpSent, Ago(33)).Add(K::kCallMade, Ago(26));
  log.Add(K::kClosed, Ago(18)).Add(K::kRepliedYes, Ago(2));
  log.Add(K::kMeetingScheduled, Ago(1)).MeetingAt(T("2026-03-16T09:00Z"));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kScheduled);
  EXPECT_EQ(r.kinds(), (std::vector<A>{A::kPrepare, A::kLogMeeting}));
}

TEST(PlanContact, AMeetingHeldWithoutARequestIsSimplyMet) {
  LogBuilder log;
  log.Add(K::kMeetingHeld, Ago(0, 5));
  auto r = PlanFor(log);
  EXPECT_EQ(r.plan.stage, Stage::kMet);
  ASSERT_EQ(r.kinds(), std::vector<A>{A::kThank});
  EXPECT_EQ(r.plan.actions[0].due, T("2026-03-12T07:00Z"));
}

TEST(EventThatDoes, AMeetingIsLoggedInOneClickOnlyOnceItHasEnded) {
  const Instant end = *ParseTime("2026-04-14T15:30Z", "UTC");
  Action log;
  log.kind = ActionKind::kLogMeeting;
  log.due = end;
  EXPECT_EQ(OneClickEvent(log, end - std::chrono::hours(24 * 5)), std::nullopt);
  EXPECT_EQ(OneClickEvent(log, end - std::chrono::minutes(40)), std::nullopt);
  EXPECT_EQ(OneClickEvent(log, end), EventKind::kMeetingHeld);
  Action follow;
  follow.kind = ActionKind::kFollowUp;
  follow.due = end;
  // A follow-up may be sent early.
  EXPECT_EQ(OneClickEvent(follow, end - std::chrono::hours(48)), EventKind::kFollowUpSent);
  Action prepare;
  prepare.kind = ActionKind::kPrepare;
  prepare.due = end;
  EXPECT_EQ(OneClickEvent(prepare, end), std::nullopt);
}

TEST(EventThatDoes, MapsTheOneClickActions) {
  EXPECT_EQ(EventThatDoes(ActionKind::kFollowUp), EventKind::kFollowUpSent);
  EXPECT_EQ(EventThatDoes(ActionKind::kCall), EventKind::kCallMade);
  EXPECT_EQ(EventThatDoes(ActionKind::kThank), EventKind::kThanksSent);
  EXPECT_EQ(EventThatDoes(ActionKind::kRequest), EventKind::kRequestSent);
  EXPECT_EQ(EventThatDoes(ActionKind::kKeepInTouch), EventKind::kTouch);
  EXPECT_EQ(EventThatDoes(ActionKind::kMoveOn), EventKind::kClosed);
  EXPECT_EQ(EventThatDoes(ActionKind::kLogMeeting), EventKind::kMeetingHeld);
  EXPECT_EQ(EventThatDoes(ActionKind::kPrepare), std::nullopt);
  EXPECT_EQ(EventThatDoes(ActionKind::kWeeklyGoal), std::nullopt);
  EXPECT_EQ(ParseActionKind("follow_up"), ActionKind::kFollowUp);
  EXPECT_EQ(ParseActionKind("nonsense"), std::nullopt);
}

}  // namespace
}  // namespace rapport
