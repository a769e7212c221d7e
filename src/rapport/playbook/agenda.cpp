// The agenda: turns the replay of a contact's events (stage.cpp) into
// actions with reasons, and picks what is due.
//
// Choices where PRODUCT.md is silent:
// - Due times are deadlines: a thank-you is due 48 hours after the meeting,
//   a follow-up a week after the request. The caller's horizon decides how
//   far ahead the agenda looks.
// - PlanContact drops actions that have expired at `now` (a prepare after the
//   meeting has started); everything else is independent of `now`.
// - thank_introducer and report_back are owed once per contact, for the first
//   meeting held, to the introducer of that meeting: the via_id of the latest
//   request before it, else the contact's introducer. Both are due
//   thanks_within_hours after that meeting, like the thank-you itself.
// - Reasons use an ASCII hyphen, never a dash, so they read the same in any
//   terminal.
#include "rapport/playbook/agenda.h"
#include "rapport/playbook/replay.h"

#include <algorithm>
#include <array>
#include <string>
#include <tuple>
#include <utility>

namespace rapport {


namespace {

constexpr std::array<std::string_view, 13> kActionNames = {
    "request",       "follow_up",        "call",
    "move_on",       "prepare",          "log_meeting",
    "thank",         "thank_introducer", "report_back",
    "keep_in_touch", "deliver_promise",  "weekly_goal",
    "schedule"};

// "a week has passed", "10 days have passed".
std::string DaysPassed(int n) {
  if (n == 1) return "a day has passed";
  if (n == 7) return "a week has passed";
  return std::to_string(n) + " days have passed";
}

std::string BusinessDaysPassed(int n) {
  if (n == 1) return "a business day has passed";
  return std::to_string(n) + " business days have passed";
}

std::string Plural(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The last try, as the seeker would name it.
std::string_view TryName(EventKind k) {
  switch (k) {
    case EventKind::kIntroRequested:
      return "introduction request";
    case EventKind::kFollowUpSent:
      return "follow-up";
    case EventKind::kCallMade:
      return "call";
    default:
      return "request";
  }
}

// A promise's text, cut to fit on one line.
std::string OneLine(std::string_view body) {
  constexpr size_t kMax = 60;
  std::string out;
  for (char c : body) {
    if (c == '\n' || c == '\r') break;
    out.push_back(c == '\t' ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > kMax) {
    out.resize(kMax - 3);
    out += "...";
  }
  return out;
}

class Reasons {
 public:
  Reasons(const ContactFacts& facts, const Playbook& p, Instant now)
      : facts_(facts), p_(p), now_(now), name_(NameOf(facts.contact)) {}

  std::string For(const Action& a, const Event& e) const {
    bool due = a.due <= now_;
    switch (a.kind) {
      case ActionKind::kRequest:
        return name_ + " is on your target list since " + Day(e.at) +
               "; send a short request tied to one objective";
      case ActionKind::kFollowUp:
        return FollowUp(a, e, due);
      case ActionKind::kCall:
        if (due) {
          return "no reply to your follow-up of " + Day(e.at) + " either; call " + name_ +
                 " and leave a clear voicemail";
        }
        return "no reply yet to your follow-up of " + Day(e.at) + "; call " + name_ + " on " +
               Day(a.due) + " if it stays quiet";
      case ActionKind::kMoveOn: {
        std::string tries = Plural(p_.max_tries, "try", "tries");
        if (due) {
          return tries + " without an answer, the last on " + Day(e.at) +
                 "; assume no, close this thread and move on";
        }
        return tries + " without an answer so far; if nothing comes by " + Day(a.due) +
               ", assume no and move on";
      }
      case ActionKind::kPrepare:
        return "meeting with " + name_ + " on " + Friendly(*a.until) + " - prepare " +
               std::to_string(p_.questions_min) + "-" + std::to_string(p_.questions_max) +
               " questions";
      case ActionKind::kLogMeeting: {
        std::string meeting = "meeting with " + name_ + " on " + Friendly(*e.meeting_at);
        if (due) return meeting + " has ended; mark it held or cancelled";
        return meeting + "; log how it went when it ends";
      }
      case ActionKind::kThank:
        if (due) {
          return "you met " + name_ + " on " + Day(e.at) + "; the thank-you was due within " +
                 Plural(p_.thanks_within_hours, "hour", "hours") + " - send it now";
        }
        return "you met " + name_ + " on " + Day(e.at) +
               "; send a personal thank-you that names something specific by " + Friendly(a.due);
      case ActionKind::kThankIntroducer:
        return "thank " + Introducer(a.contact_id) + " for introducing you to " + name_ +
               " (met on " + Day(e.at) + ") and say how it went";
      case ActionKind::kReportBack:
        return "tell " + Introducer(a.contact_id) + " how your meeting of " + Day(e.at) + " with " +
               name_ + " went; they suggested you meet";
      case ActionKind::kKeepInTouch:
        if (due) {
          return "last contact with " + name_ + " was on " + Day(e.at) + "; " +
                 DaysPassed(p_.keep_in_touch_days) + " - share an article or news of your progress";
        }
        return "last contact with " + name_ + " was on " + Day(e.at) + "; get back in touch from " +
               Day(a.due);
      case ActionKind::kDeliverPromise: {
        std::string what = e.body ? OneLine(*e.body) : "";
        std::string head = what.empty()
                               ? "you made " + name_ + " a promise on " + Day(e.at)
                               : "you promised " + name_ + " on " + Day(e.at) + ": " + what;
        return head + (due ? "; it was due " : "; due ") + Day(a.due);
      }
      case ActionKind::kSchedule:
        if (e.kind == EventKind::kMeetingCancelled) {
          return "the meeting with " + name_ + " was cancelled on " + Day(e.at) +
                 "; agree on a new time and put it on the calendar";
        }
        return name_ + " said yes on " + Day(e.at) +
               "; agree on a time and put the meeting on the calendar";
      case ActionKind::kWeeklyGoal:
        break;
    }
    return "";
  }

 private:
  static std::string NameOf(const Contact* c) {
    return c != nullptr && !c->name.empty() ? c->name : "this contact";
  }

  std::string Day(Instant t) const { return FormatDay(t, facts_.zone, now_); }
  std::string Friendly(Instant t) const { return FormatFriendly(t, facts_.zone, now_); }

  // facts.introducer_name names the contact's own introducer; a request sent
  // through someone else may have been introduced by another person.
  std::string Introducer(Id id) const {
    const Contact* c = facts_.contact;
    if (c != nullptr && c->introducer_id == id) {
      if (!facts_.introducer_name.empty()) return std::string(facts_.introducer_name);
      if (!c->introducer_name.empty()) return c->introducer_name;
    }
    return "whoever introduced you";
  }

  std::string FollowUp(const Action& a, const Event& e, bool due) const {
    std::string tried = std::string(TryName(e.kind)) + " of " + Day(e.at);
    bool business = p_.business_days &&
                    (e.kind == EventKind::kRequestSent || e.kind == EventKind::kIntroRequested);
    if (due) {
      std::string passed =
          business ? BusinessDaysPassed(p_.follow_up_business_days) : DaysPassed(p_.follow_up_days);
      return "no reply to your " + tried + "; " + passed;
    }
    std::string reason =
        "no reply yet to your " + tried + "; follow up on " + Day(a.due) + " if it stays quiet";
    if (business) {
      // 3B7: don't wait idle for one person; the hint replaces an action.
      std::string where = facts_.contact != nullptr && !facts_.contact->org_name.empty()
                              ? " at " + facts_.contact->org_name
                              : "";
      Instant start_another = AddBusinessDays(e.at, p_.start_another_business_days, facts_.zone);
      reason += start_another <= now_ ? "; meanwhile start on another contact" + where
                                      : "; if still quiet on " + Day(start_another) +
                                            ", start on another contact" + where;
    }
    return reason;
  }

  const ContactFacts& facts_;
  const Playbook& p_;
  Instant now_;
  std::string name_;
};

auto OrderKey(const Action& a) {
  return std::make_tuple(a.due, a.contact_id, static_cast<int>(a.kind), a.about_id, a.promise_id);
}

}  // namespace

std::string_view ToString(ActionKind k) {
  auto i = static_cast<size_t>(k);
  return i < kActionNames.size() ? kActionNames[i] : "request";
}

std::optional<ActionKind> ParseActionKind(std::string_view s) {
  for (size_t i = 0; i < kActionNames.size(); ++i) {
    if (kActionNames[i] == s) return static_cast<ActionKind>(i);
  }
  return std::nullopt;
}

std::optional<EventKind> EventThatDoes(ActionKind k) {
  switch (k) {
    case ActionKind::kFollowUp: return EventKind::kFollowUpSent;
    case ActionKind::kCall: return EventKind::kCallMade;
    case ActionKind::kThank: return EventKind::kThanksSent;
    case ActionKind::kRequest: return EventKind::kRequestSent;
    case ActionKind::kKeepInTouch: return EventKind::kTouch;
    case ActionKind::kMoveOn: return EventKind::kClosed;
    case ActionKind::kLogMeeting: return EventKind::kMeetingHeld;
    default: return std::nullopt;
  }
}

std::optional<EventKind> OneClickEvent(const Action& a, Instant now) {
  if (a.kind == ActionKind::kLogMeeting && a.due > now) return std::nullopt;
  return EventThatDoes(a.kind);
}

ContactPlan PlanContact(const ContactFacts& facts, const Playbook& playbook, Instant now) {
  ContactPlan plan;
  std::vector<playbook_internal::PendingAction> pending;
  plan.stage =
      playbook_internal::Replay(facts.events, facts.contact, playbook, now, facts.zone, &pending);
  for (const Event& e : facts.events) {
    if (e.at <= now && e.objective_id) plan.objective_id = e.objective_id;
  }
  Reasons reasons(facts, playbook, now);
  for (auto& [action, event] : pending) {
    if (action.until && *action.until <= now) continue;  // expired
    if (!action.objective_id) action.objective_id = plan.objective_id;
    action.reason = reasons.For(action, *event);
    plan.actions.push_back(std::move(action));
  }
  std::sort(plan.actions.begin(), plan.actions.end(),
            [](const Action& a, const Action& b) { return OrderKey(a) < OrderKey(b); });
  if (!plan.actions.empty()) plan.next_due = plan.actions.front().due;
  for (const Action& a : plan.actions) {
    if (auto late = LateAt(a); late && (!plan.next_late || *late < *plan.next_late)) {
      plan.next_late = late;
    }
  }
  return plan;
}

// Due one second before the next local Monday: the nudge shows all week for
// an agenda whose horizon reaches the week's end, is never "overdue" during
// the week it is about, and expires (until) when that week ends.
std::optional<Action> WeeklyGoal(int meetings_this_week, const Playbook& playbook, Instant now,
                                 std::string_view zone) {
  if (playbook.weekly_goal <= 0 || meetings_this_week >= playbook.weekly_goal) return std::nullopt;
  Instant next_week = AddLocalDays(StartOfLocalWeek(now, zone), 7, zone);
  Action a;
  a.kind = ActionKind::kWeeklyGoal;
  a.contact_id = 0;
  a.due = next_week - Seconds{1};
  a.until = next_week;
  a.reason = Plural(std::max(meetings_this_week, 0), "meeting", "meetings") +
             " this week of your goal of " + std::to_string(playbook.weekly_goal) +
             "; book another conversation";
  return a;
}

std::vector<Action> SelectDue(std::vector<Action> actions, Instant now, Instant horizon) {
  std::erase_if(actions,
                [&](const Action& a) { return a.due > horizon || (a.until && *a.until <= now); });
  std::stable_sort(actions.begin(), actions.end(), [&](const Action& a, const Action& b) {
    bool ao = IsOverdue(a, now), bo = IsOverdue(b, now);
    if (ao != bo) return ao;
    return OrderKey(a) < OrderKey(b);
  });
  return actions;
}

}  // namespace rapport
