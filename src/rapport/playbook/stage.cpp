// The one replay of a contact's events. DeriveStage and PlanContact both read
// its result, so the stage a person sees and the actions they are given can
// never disagree.
//
// Choices where PRODUCT.md is silent (a careful seeker's reading of it):
// - Only events at or before `now` happened; later ones are ignored by both
//   the stage and the plan.
// - A thread is one attempt at a conversation: from `targeted` or the first
//   try to an answer, a give-up or a meeting. Tries (request_sent,
//   intro_requested, follow_up_sent, call_made) count from the last answer.
// - Only touch or promise events, with no pipeline event: kNone.
// - `targeted` never pulls a thread back: it only starts one when none is
//   open (nothing yet, declined or given up).
// - After a `no`, follow-ups and calls are leftovers of the old thread and
//   change nothing; a fresh request_sent/intro_requested (or `targeted`)
//   starts a new thread, and any yes or meeting overrides the no.
// - replied_yes without a meeting, and a meeting cancelled after a yes, are
//   kScheduled: the yes stands and the meeting still has to be (re)booked.
// - After a meeting, a follow-up or a call is just keeping in touch; only a
//   new request opens a new thread (a second conversation).
// - `closed` ends an open thread (stage no_response); after a meeting, or
//   after a no, it changes nothing.
// - Calendar-day settings are exact durations (a week is 7 x 24 hours); only
//   the follow-up in business-day mode counts business days in the zone.
#include "rapport/playbook/stage.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "rapport/playbook/agenda.h"
#include "rapport/playbook/replay.h"

namespace rapport {


namespace {

constexpr std::array<std::string_view, 12> kStageNames = {
    "none", "targeted", "requested", "followed_up", "called",      "scheduled",
    "met",  "thanked",  "in_touch",  "declined",    "no_response", "dormant"};

// Where the current thread stands, independent of the clock.
enum class Phase {
  kNone,       // no pipeline event yet
  kTargeted,   // on the list, not asked
  kAwaiting,   // tries without an answer
  kYes,        // they said yes; no meeting on the calendar
  kScheduled,  // a meeting on the calendar
  kMet,        // the latest thread ended in a meeting held
  kDeclined,   // they said no
  kClosed,     // the seeker gave up
};

struct Thread {
  Phase phase = Phase::kNone;
  const Event* targeted = nullptr;
  // What left a yes with no meeting booked: the yes, or the cancellation.
  const Event* unbooked = nullptr;
  int tries = 0;
  const Event* last_try = nullptr;
  // The pending meeting: the event that set its time, and its length.
  const Event* meeting = nullptr;
  std::optional<int> meeting_minutes;
  // The first meeting decides who introduced us; the latest one is thanked.
  const Event* first_held = nullptr;
  const Event* last_held = nullptr;
  std::optional<Id> via_at_first_held;
  const Event* thanks = nullptr;  // thanks_sent after the latest meeting
  bool contact_after_thanks = false;
  bool introducer_thanked = false;  // after the first meeting
  bool reported_back = false;       // after the first meeting
  const Event* last_event = nullptr;
  std::optional<Id> latest_via;
  std::vector<const Event*> open_promises;  // mine, in order made
};

bool IsRequest(EventKind k) {
  return k == EventKind::kRequestSent || k == EventKind::kIntroRequested;
}

// Bookkeeping about other people or about the list, not a conversation with
// this person: it does not make a thanked contact "in touch".
bool IsWithPerson(EventKind k) {
  return k != EventKind::kIntroducerThanked && k != EventKind::kReportedBack &&
         k != EventKind::kTargeted && k != EventKind::kClosed;
}

void ClearMeeting(Thread& t) {
  t.meeting = nullptr;
  t.meeting_minutes.reset();
}

void Answered(Thread& t) {
  t.tries = 0;
  t.last_try = nullptr;
}

// True when `e` was logged before the latest meeting held but comes after
// it in time: the seeker logged "met" with a time before their request or
// the meeting's scheduling, and the meeting still counts as held. (Event
// ids grow in the order things are logged; a restore keeps them.)
bool LoggedBeforeHeld(const Thread& t, const Event& e) {
  return t.last_held != nullptr && t.last_held->id > e.id && e.id != 0;
}

void Apply(Thread& t, const Event& e) {
  if (t.thanks != nullptr && e.kind != EventKind::kThanksSent && IsWithPerson(e.kind)) {
    t.contact_after_thanks = true;
  }
  t.last_event = &e;
  switch (e.kind) {
    case EventKind::kTargeted:
      if (t.phase == Phase::kNone || t.phase == Phase::kDeclined || t.phase == Phase::kClosed) {
        t.phase = Phase::kTargeted;
        t.targeted = &e;
        Answered(t);
      }
      break;
    case EventKind::kRequestSent:
    case EventKind::kIntroRequested:
      t.latest_via = e.via_id;
      [[fallthrough]];
    case EventKind::kFollowUpSent:
    case EventKind::kCallMade:
      // Logged before a meeting that was then logged as held with an
      // earlier time (a typo, or a meeting on the phone before the
      // written request): the meeting answered it.
      if (LoggedBeforeHeld(t, e)) break;
      if (t.phase == Phase::kAwaiting) {
        ++t.tries;
        t.last_try = &e;
      } else if (t.phase == Phase::kNone || t.phase == Phase::kTargeted ||
                 t.phase == Phase::kClosed ||
                 ((t.phase == Phase::kDeclined || t.phase == Phase::kMet) && IsRequest(e.kind))) {
        t.phase = Phase::kAwaiting;
        t.tries = 1;
        t.last_try = &e;
      }
      // kYes / kScheduled: scheduling talk after a yes is not a try.
      break;
    case EventKind::kRepliedYes:
      if (t.phase != Phase::kScheduled) {
        t.phase = Phase::kYes;
        t.unbooked = &e;
      }
      Answered(t);
      break;
    case EventKind::kRepliedNo:
      t.phase = Phase::kDeclined;
      ClearMeeting(t);
      Answered(t);
      break;
    case EventKind::kMeetingScheduled:
    case EventKind::kMeetingRescheduled:
      if (LoggedBeforeHeld(t, e)) break;  // as for a request, above
      // A reschedule without a new time or length keeps the old ones.
      if (e.kind == EventKind::kMeetingScheduled || t.phase != Phase::kScheduled) {
        ClearMeeting(t);
      }
      t.phase = Phase::kScheduled;
      if (e.meeting_at) t.meeting = &e;
      if (e.meeting_minutes) t.meeting_minutes = e.meeting_minutes;
      Answered(t);
      break;
    case EventKind::kMeetingCancelled:
      if (t.phase == Phase::kScheduled) {
        t.phase = Phase::kYes;
        t.unbooked = &e;
        ClearMeeting(t);
      }
      break;
    case EventKind::kMeetingHeld:
      t.phase = Phase::kMet;
      ClearMeeting(t);
      Answered(t);
      if (t.first_held == nullptr) {
        t.first_held = &e;
        t.via_at_first_held = t.latest_via;
      }
      t.last_held = &e;
      t.thanks = nullptr;
      t.contact_after_thanks = false;
      break;
    case EventKind::kThanksSent:
      if (t.last_held != nullptr) {
        t.thanks = &e;
        t.contact_after_thanks = false;
      }
      break;
    case EventKind::kIntroducerThanked:
      if (t.first_held != nullptr) t.introducer_thanked = true;
      break;
    case EventKind::kReportedBack:
      if (t.first_held != nullptr) t.reported_back = true;
      break;
    case EventKind::kTouch:
      break;
    case EventKind::kPromiseMade:
      if (!e.theirs) t.open_promises.push_back(&e);
      break;
    case EventKind::kPromiseKept: {
      // Without a promise_id, the seeker most likely means the oldest
      // promise still open.
      auto& open = t.open_promises;
      auto it = e.promise_id ? std::find_if(open.begin(), open.end(),
                                            [&](const Event* p) { return p->id == *e.promise_id; })
                             : open.begin();
      if (it != open.end()) open.erase(it);
      break;
    }
    case EventKind::kClosed:
      if (t.phase == Phase::kTargeted || t.phase == Phase::kAwaiting || t.phase == Phase::kYes ||
          t.phase == Phase::kScheduled) {
        t.phase = Phase::kClosed;
        ClearMeeting(t);
        Answered(t);
      }
      break;
  }
}

Thread Walk(std::span<const Event> events, Instant now) {
  Thread t;
  for (const Event& e : events) {
    if (e.at > now) continue;
    Apply(t, e);
  }
  return t;
}

Instant MoveOnDue(const Thread& t, const Playbook& p) {
  return t.last_try->at + days{p.move_on_after_days};
}

bool GaveUp(const Thread& t, const Playbook& p) { return t.tries >= p.max_tries; }

Stage StageOf(const Thread& t, const Playbook& p, Instant now) {
  switch (t.phase) {
    case Phase::kNone:
      return Stage::kNone;
    case Phase::kTargeted:
      return Stage::kTargeted;
    case Phase::kAwaiting:
      if (GaveUp(t, p) && now >= MoveOnDue(t, p)) return Stage::kNoResponse;
      if (IsRequest(t.last_try->kind)) return Stage::kRequested;
      return t.last_try->kind == EventKind::kFollowUpSent ? Stage::kFollowedUp : Stage::kCalled;
    case Phase::kYes:
    case Phase::kScheduled:
      return Stage::kScheduled;
    case Phase::kMet:
      // Same boundary as keep_in_touch: dormant exactly when it is overdue.
      if (now - t.last_event->at > days{p.keep_in_touch_days}) return Stage::kDormant;
      if (t.thanks == nullptr) return Stage::kMet;
      return t.contact_after_thanks ? Stage::kInTouch : Stage::kThanked;
    case Phase::kDeclined:
      return Stage::kDeclined;
    case Phase::kClosed:
      return Stage::kNoResponse;
  }
  return Stage::kNone;
}

using playbook_internal::PendingAction;

void Add(std::vector<PendingAction>& out, ActionKind kind, Id contact_id, Instant due,
         const Event* about) {
  Action a;
  a.kind = kind;
  a.contact_id = contact_id;
  a.due = due;
  out.emplace_back(std::move(a), about);
}

// Every pending action, each with a due time that depends on the events and
// the playbook only (the speed contract in agenda.h).
void PlanThread(const Thread& t, const Contact& c, const Playbook& p, std::string_view zone,
                std::vector<PendingAction>& out) {
  switch (t.phase) {
    case Phase::kTargeted:
      // Due from the moment they are on the list, and overdue only once the
      // day they were added has ended: a target added a minute ago is not
      // late.
      Add(out, ActionKind::kRequest, c.id, t.targeted->at, t.targeted);
      out.back().first.late_after =
          AddLocalDays(StartOfLocalDay(t.targeted->at, zone), 1, zone) - Seconds{1};
      break;
    case Phase::kAwaiting: {
      const Event& last = *t.last_try;
      if (GaveUp(t, p)) {
        Add(out, ActionKind::kMoveOn, c.id, MoveOnDue(t, p), &last);
      } else if (last.kind == EventKind::kFollowUpSent) {
        Add(out, ActionKind::kCall, c.id, last.at + days{p.call_after_follow_up_days}, &last);
      } else if (IsRequest(last.kind) && p.business_days) {
        // 3B7: the follow-up waits business days; "start on another contact"
        // is a hint in the follow-up's reason, not an action of its own.
        Add(out, ActionKind::kFollowUp, c.id,
            AddBusinessDays(last.at, p.follow_up_business_days, zone), &last);
      } else {
        // After a request, or after a call when more tries are allowed:
        // write again.
        Add(out, ActionKind::kFollowUp, c.id, last.at + days{p.follow_up_days}, &last);
      }
      break;
    }
    case Phase::kScheduled:
      if (t.meeting != nullptr) {
        Instant start = *t.meeting->meeting_at;
        Add(out, ActionKind::kPrepare, c.id, start - hours{p.prepare_hours}, t.meeting);
        out.back().first.until = start;
        Add(out, ActionKind::kLogMeeting, c.id,
            start + minutes{t.meeting_minutes.value_or(p.meeting_minutes)}, t.meeting);
      }
      break;
    case Phase::kMet:
      if (t.thanks != nullptr) {
        Add(out, ActionKind::kKeepInTouch, c.id, t.last_event->at + days{p.keep_in_touch_days},
            t.last_event);
      }
      break;
    case Phase::kYes:
      // A yes wants an answer: a time proposed and booked. Due at once,
      // late once the next day has ended too.
      if (t.unbooked != nullptr) {
        Add(out, ActionKind::kSchedule, c.id, t.unbooked->at, t.unbooked);
        out.back().first.late_after =
            AddLocalDays(StartOfLocalDay(t.unbooked->at, zone), 2, zone) - Seconds{1};
      }
      break;
    case Phase::kNone:
    case Phase::kDeclined:
    case Phase::kClosed:
      break;
  }

  // What follows a meeting applies whatever the thread did since.
  if (t.last_held != nullptr && t.thanks == nullptr) {
    Add(out, ActionKind::kThank, c.id, t.last_held->at + hours{p.thanks_within_hours}, t.last_held);
  }
  if (t.first_held != nullptr) {
    std::optional<Id> introducer = t.via_at_first_held ? t.via_at_first_held : c.introducer_id;
    if (introducer && *introducer != c.id) {
      bool referral = c.source == Source::kReferral;
      std::optional<ActionKind> kind;
      if (referral && p.report_back && !t.reported_back) kind = ActionKind::kReportBack;
      if (!referral && p.thank_introducer && !t.introducer_thanked) {
        kind = ActionKind::kThankIntroducer;
      }
      if (kind) {
        Add(out, *kind, *introducer, t.first_held->at + hours{p.thanks_within_hours}, t.first_held);
        out.back().first.about_id = c.id;
      }
    }
  }
  for (const Event* promise : t.open_promises) {
    Add(out, ActionKind::kDeliverPromise, c.id,
        promise->due ? *promise->due : promise->at + days{p.promise_days}, promise);
    out.back().first.promise_id = promise->id;
    out.back().first.objective_id = promise->objective_id;
  }
}

}  // namespace

namespace playbook_internal {

Stage Replay(std::span<const Event> events, const Contact* contact, const Playbook& playbook,
             Instant now, std::string_view zone, std::vector<PendingAction>* pending) {
  Thread t = Walk(events, now);
  if (pending != nullptr && contact != nullptr) PlanThread(t, *contact, playbook, zone, *pending);
  return StageOf(t, playbook, now);
}

}  // namespace playbook_internal

std::string_view ToString(Stage s) {
  auto i = static_cast<size_t>(s);
  return i < kStageNames.size() ? kStageNames[i] : "none";
}

std::optional<Stage> ParseStage(std::string_view s) {
  for (size_t i = 0; i < kStageNames.size(); ++i) {
    if (kStageNames[i] == s) return static_cast<Stage>(i);
  }
  return std::nullopt;
}

Stage DeriveStage(std::span<const Event> events, const Playbook& playbook, Instant now) {
  return playbook_internal::Replay(events, nullptr, playbook, now, "UTC", nullptr);
}

}  // namespace rapport
