// The agenda: what to do next, and why. Pure: a contact's events, the
// playbook and the clock in; actions out.
//
// Speed contract (see docs/architecture.md): the *set* of pending actions
// and their due times depend only on the events and the playbook, never on
// `now`. So the store can compute them when events change, index the
// earliest due time per contact, and at agenda time re-plan only the few
// contacts due before the horizon. `now` only decides the stage, which
// actions have expired, and how reasons read.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/types.h"
#include "rapport/playbook/settings.h"
#include "rapport/playbook/stage.h"

namespace rapport {

enum class ActionKind {
  kRequest,          // targeted but not yet asked
  kFollowUp,         // no answer to the request for follow_up_days
  kCall,             // no answer to the follow-up either
  kMoveOn,           // max_tries unanswered: close it, pick someone else
  kPrepare,          // a meeting starts within prepare_hours
  kLogMeeting,       // a scheduled meeting has ended, not marked held/cancelled
  kThank,            // a meeting was held, no thanks yet
  kThankIntroducer,  // met someone an introducer put us in touch with
  kReportBack,       // met someone a referrer suggested: tell the referrer
  kKeepInTouch,      // keep_in_touch_days since the last contact
  kDeliverPromise,   // something I promised, not yet kept
  kWeeklyGoal,       // behind the weekly goal of meetings
  kSchedule,         // they said yes (or the meeting was cancelled): agree a time
};

std::string_view ToString(ActionKind k);  // "follow_up", "thank_introducer", ...
std::optional<ActionKind> ParseActionKind(std::string_view s);

// The event that does an action in one step, when there is one: follow_up
// is done by follow_up_sent, call by call_made, thank by thanks_sent,
// request by request_sent, keep_in_touch by touch, move_on by closed and
// log_meeting by meeting_held. The others need more than a click (a
// meeting to prepare, a promise to name, an introducer to pick): nullopt.
std::optional<EventKind> EventThatDoes(ActionKind k);

struct Action {
  ActionKind kind = ActionKind::kRequest;
  // Whom to act towards: for thank_introducer and report_back this is the
  // introducer/referrer, and `about_id` is the person met. 0 for weekly_goal.
  Id contact_id = 0;
  std::optional<Id> about_id;
  std::optional<Id> objective_id;
  Instant due{};

  // After this instant the action no longer applies (prepare: the meeting's
  // start). Unset: it stays until an event settles it.
  std::optional<Instant> until;
  // When set, the action is late only from this instant on, though due
  // since `due` (request: once the day the person was put on the list has
  // ended).
  std::optional<Instant> late_after;
  // For deliver_promise: the promise_made event.
  std::optional<Id> promise_id;
  // One line a person understands: "no reply to your request of 20 Feb; a
  // week has passed". Filled by Plan/Agenda relative to `now`.
  std::string reason;
};

// The event a one-click button for `a` would log at `now`: EventThatDoes,
// except that a meeting is logged as held only once it has ended (its
// log_meeting action is due at the meeting's end), so "the meeting
// happened" is not offered days before it.
std::optional<EventKind> OneClickEvent(const Action& a, Instant now);

// What the planner needs to know about one contact besides its events.
struct ContactFacts {
  const Contact* contact = nullptr;           // required
  std::span<const Event> events;              // sorted by (at, id)
  std::string_view introducer_name;           // "" when none
  std::string_view zone = "UTC";              // the user's zone, for reasons and business days
};

struct ContactPlan {
  Stage stage = Stage::kNone;      // at `now`
  std::vector<Action> actions;     // every pending action, due or not yet due
  std::optional<Instant> next_due; // earliest due among `actions`
  std::optional<Instant> next_late; // earliest LateAt among `actions`: overdue after it
  std::optional<Id> objective_id;  // the objective of the latest event that names one
};

// Everything pending for one contact. Deterministic; see the speed contract.
ContactPlan PlanContact(const ContactFacts& facts, const Playbook& playbook, Instant now);

// The weekly-goal nudge: `meetings_this_week` counts meetings held or
// scheduled in the local week containing `now`. Returns an action when
// fewer than playbook.weekly_goal.
std::optional<Action> WeeklyGoal(int meetings_this_week, const Playbook& playbook, Instant now,
                                 std::string_view zone);

// True when the action is overdue at `now`: due strictly before now, or
// from late_after on when it has one. An action that expires (until: prepare
// before the meeting's start, the week's goal) is never late: it is due
// until it no longer applies.
inline std::optional<Instant> LateAt(const Action& a) {
  if (a.until) return std::nullopt;
  return a.late_after ? *a.late_after : a.due;
}
inline bool IsOverdue(const Action& a, Instant now) {
  const auto late = LateAt(a);
  return late && *late < now;
}

// Keeps the actions due at or before `horizon` and not expired at `now`,
// sorted: overdue first, then by due time, then by contact id and kind.
std::vector<Action> SelectDue(std::vector<Action> actions, Instant now, Instant horizon);

}  // namespace rapport
