// The pipeline: recording what happened, and the views derived from it
// (agenda, pipeline board, timeline, stats). Stages and actions come from the
// pure planner in playbook/; this file only loads, stores and wires.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "rapport/app/app.h"
#include "rapport/app/validate.h"
#include "rapport/model/human_time.h"
#include "rapport/store/store.h"

namespace rapport {

ContactPlan UseCase::PlanFor(const Contact& c, const std::vector<Event>& events) const {
  ContactFacts facts;
  facts.contact = &c;
  facts.events = events;
  facts.introducer_name = c.introducer_name;
  facts.zone = config_.zone;
  return PlanContact(facts, config_.playbook, Now());
}

Result<ContactPlan> UseCase::Replan(const Contact& c) {
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(c.id));
  return Replan(c, events);
}

Result<ContactPlan> UseCase::Replan(const Contact& c, const std::vector<Event>& events) {
  // The introducer's name shows in reasons; the stored contact has it.
  ContactPlan plan = PlanFor(c, events);
  ContactState st;
  st.contact_id = c.id;
  st.stage = std::string(ToString(plan.stage));
  st.objective_id = plan.objective_id;
  st.next_due = plan.next_due;
  st.next_late = plan.next_late;
  if (!events.empty()) st.last_event_at = events.back().at;
  RAPPORT_RETURN_IF_ERROR(store_.PutContactState(st));
  return plan;
}

Result<std::optional<std::string>> UseCase::ObjectiveTitle(Id id, ObjectiveTitles& read) {
  auto [it, fresh] = read.try_emplace(id);
  if (fresh) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, store_.GetObjective(id));
    if (o) it->second = o->title;
  }
  return it->second;
}

Result<ContactDetail> Records::ShowContact(const std::string& ref) {
  RAPPORT_ASSIGN_OR_RETURN(auto c, ResolveContact(ref));
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(c.id));
  ContactPlan plan = PlanFor(c, events);
  ContactDetail d;
  d.stage = plan.stage;
  d.actions = std::move(plan.actions);
  std::sort(d.actions.begin(), d.actions.end(),
            [](const Action& a, const Action& b) { return a.due < b.due; });
  d.event_count = static_cast<int>(events.size());
  if (!events.empty()) d.last_event_at = events.back().at;
  RAPPORT_ASSIGN_OR_RETURN(d.introduced, store_.ListIntroducedBy(c.id));
  d.contact = std::move(c);
  return d;
}

Result<Event> Pipeline::Record(const EventInput& in) {
  Event e;
  e.kind = in.kind;
  const Instant now = Now();
  if (in.at) {
    RAPPORT_ASSIGN_OR_RETURN(e.at, InField("at", ParseUserTime(*in.at)));
    // The log records what happened. A future time would also hide the
    // event from the planner until then (it ignores events after `now`).
    if (e.at > now) {
      return Error::InvalidArgument("at", "'" + *in.at +
                                              "' is in the future; log things once they happen "
                                              "(a meeting to come is scheduled, not logged)");
    }
  } else {
    e.at = now;
  }
  if (in.channel) {
    auto ch = ParseChannel(FoldCase(Trim(*in.channel)));
    if (!ch) {
      return Error::InvalidArgument(
          "channel", "'" + *in.channel + "' is not a channel (use " + OneOf(ChannelNames()) + ")");
    }
    e.channel = *ch;
  }
  if (in.body && !Trim(*in.body).empty()) e.body = Trim(*in.body);
  e.voicemail = in.voicemail;
  e.theirs = in.theirs;
  if (in.fit) {
    if (in.kind != EventKind::kMeetingHeld) {
      return Error::InvalidArgument("fit",
                                    "the fit rates a meeting: give it when you log one as held");
    }
    if (*in.fit < 1 || *in.fit > 5) {
      return Error::InvalidArgument("fit",
                                    "the fit must be 1 (not my tribe) to 5 (very much my tribe)");
    }
    e.fit = in.fit;
  }
  if (in.due) {
    RAPPORT_ASSIGN_OR_RETURN(e.due, InField("due", ParseUserTime(*in.due)));
  }
  e.template_name = in.template_name;
  const bool is_meeting =
      in.kind == EventKind::kMeetingScheduled || in.kind == EventKind::kMeetingRescheduled;
  if (is_meeting) {
    if (!in.meeting_at) {
      return Error::InvalidArgument("meeting_at", "say when the meeting is, e.g. tomorrow 15:00 or 2026-03-02T10:00");
    }
    std::string zone = config_.zone;
    if (in.meeting_tz) {
      RAPPORT_ASSIGN_OR_RETURN(zone, CleanZone(*in.meeting_tz, "meeting_tz"));
    }
    RAPPORT_ASSIGN_OR_RETURN(e.meeting_at, InField("meeting_at", ParseHumanTime(*in.meeting_at, zone, Now())));
    e.meeting_tz = zone;
    int minutes = in.meeting_minutes.value_or(in.meal ? config_.playbook.meal_minutes
                                                      : config_.playbook.meeting_minutes);
    if (minutes < 5 || minutes > 480) {
      return Error::InvalidArgument("meeting_minutes", "a meeting lasts between 5 and 480 minutes");
    }
    e.meeting_minutes = minutes;
    if (in.meeting_mode) {
      auto m = ParseMeetingMode(FoldCase(Trim(*in.meeting_mode)));
      if (!m) {
        return Error::InvalidArgument("meeting_mode", "'" + *in.meeting_mode +
                                                          "' is not a meeting mode (use " +
                                                          OneOf(MeetingModeNames()) + ")");
      }
      e.meeting_mode = *m;
    }
    if (in.meeting_place && !Trim(*in.meeting_place).empty()) {
      e.meeting_place = Trim(*in.meeting_place);
    }
    // The event's own time is when the meeting was arranged: now, or, when
    // a past meeting is logged late, no later than the meeting itself (so
    // the log stays in the order things happened).
    if (!in.at && *e.meeting_at < e.at) e.at = *e.meeting_at;
  }

  if (in.write_id) RAPPORT_RETURN_IF_ERROR(CheckWriteId(*in.write_id));

  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  if (in.write_id) {
    // Logged once already (a retry of an offline phone's write): the same
    // event again, nothing new.
    RAPPORT_ASSIGN_OR_RETURN(auto receipt, store_.GetWriteReceipt(*in.write_id));
    if (receipt) return ReplayedEvent(receipt->kind, receipt->record_id);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto contact, ResolveContact(in.contact));
  e.contact_id = contact.id;
  if (in.objective) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*in.objective));
    e.objective_id = o.id;
  }
  if (in.via) {
    RAPPORT_ASSIGN_OR_RETURN(auto via, InField("via", ResolveContact(*in.via)));
    if (via.id == contact.id) {
      return Error::InvalidArgument("via",
                                    "the introducer is the person the request is for; "
                                    "name who passed it on");
    }
    e.via_id = via.id;
    // The introducer is who we thank after the meeting.
    if (!contact.introducer_id) {
      contact.introducer_id = via.id;
      contact.introducer_name = via.name;
      if (!contact.degree) contact.degree = Degree::kSecond;
      RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(contact, now));
    }
  }
  // The person's log, read once: what follows looks back through it, and
  // the plan is derived again from it with the new event in its place.
  RAPPORT_ASSIGN_OR_RETURN(auto history, store_.ListEvents(contact.id));
  if (e.kind == EventKind::kMeetingScheduled) {
    // Scheduling again while a meeting is on the calendar moves it.
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->kind == EventKind::kMeetingScheduled || it->kind == EventKind::kMeetingRescheduled) {
        e.kind = EventKind::kMeetingRescheduled;
        break;
      }
      if (it->kind == EventKind::kMeetingCancelled || it->kind == EventKind::kMeetingHeld ||
          it->kind == EventKind::kRepliedNo) {
        break;
      }
    }
  }
  if (e.kind == EventKind::kMeetingRescheduled || e.kind == EventKind::kMeetingCancelled ||
      e.kind == EventKind::kMeetingHeld) {
    // Carry over the meeting's details so `met` and `cancel` need no options.
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->meeting_at) {
        if (!e.objective_id) e.objective_id = it->objective_id;
        if (e.kind == EventKind::kMeetingRescheduled) {
          if (!in.meeting_minutes && !in.meal) e.meeting_minutes = it->meeting_minutes;
          if (!e.meeting_mode) e.meeting_mode = it->meeting_mode;
          if (!e.meeting_place) e.meeting_place = it->meeting_place;
        }
        break;
      }
    }
  }
  if (!e.objective_id) {
    // Follow the thread's objective, so every event of one request shares it.
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->objective_id) {
        e.objective_id = it->objective_id;
        break;
      }
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddEvent(e, now));
  if (in.write_id) RAPPORT_RETURN_IF_ERROR(store_.AddWriteReceipt(*in.write_id, "event", added.id, now));
  // In the log's order (at, then id), as ListEvents gives it.
  auto place = std::upper_bound(history.begin(), history.end(), added, [](const Event& a, const Event& b) {
    return a.at != b.at ? a.at < b.at : a.id < b.id;
  });
  history.insert(place, added);
  if (auto plan = Replan(contact, history); !plan) return plan.error();
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return added;
}

Result<Event> Pipeline::ReplayedEvent(std::string_view receipt_kind, Id record_id) {
  if (receipt_kind == "event") {
    RAPPORT_ASSIGN_OR_RETURN(auto event, store_.GetEvent(record_id));
    if (event) return std::move(*event);
  }
  return Error::Conflict("write_id",
                         "this was logged once already and has since been undone; nothing was logged again");
}

Result<Event> Pipeline::KeepPromise(const std::string& promise_ref, const std::optional<std::string>& at) {
  std::string ref = Trim(promise_ref);
  if (!ref.empty() && ref[0] == '#') ref.erase(0, 1);
  if (ref.empty() || !std::all_of(ref.begin(), ref.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return Error(ErrorCode::kInvalidArgument,
                 "'" + promise_ref + "' is not a promise id (a number from their timeline)",
                 "promise", "promise");
  }
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto promise, store_.GetEvent(std::stoll(ref)));
  if (!promise || promise->kind != EventKind::kPromiseMade) {
    return Error::NotFound("promise", "promise", "there is no promise " + ref);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto history, store_.ListEvents(promise->contact_id));
  for (const auto& h : history) {
    if (h.kind == EventKind::kPromiseKept && h.promise_id == promise->id) {
      return Error::Conflict(
          "promise", "promise " + ref + " was already kept on " + FormatLocal(h.at, config_.zone));
    }
  }
  Event e;
  e.kind = EventKind::kPromiseKept;
  e.contact_id = promise->contact_id;
  e.objective_id = promise->objective_id;
  e.promise_id = promise->id;
  e.theirs = promise->theirs;
  e.body = promise->body;
  if (at) {
    RAPPORT_ASSIGN_OR_RETURN(e.at, InField("at", ParseUserTime(*at)));
  } else {
    e.at = Now();
  }
  RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddEvent(e, Now()));
  RAPPORT_ASSIGN_OR_RETURN(auto contact, store_.GetContact(promise->contact_id));
  if (auto plan = Replan(*contact); !plan) return plan.error();
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return added;
}

Result<Event> Pipeline::UndoEvent(Id event_id) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto event, store_.GetEvent(event_id));
  if (!event) {
    return Error::NotFound("there is no event " + std::to_string(event_id) +
                           " to undo (it may have been undone already)");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto contact, store_.GetContact(event->contact_id));
  RAPPORT_ASSIGN_OR_RETURN(auto history, store_.ListEvents(event->contact_id));
  for (const auto& h : history) {
    if (h.id > event->id) {
      return Error::Conflict(std::string(ToString(event->kind)) + " for " +
                             (contact ? contact->name : "them") +
                             " can no longer be undone: something was recorded after it "
                             "(record what happened instead)");
    }
  }
  RAPPORT_RETURN_IF_ERROR(store_.RemoveEvent(event->id));
  if (contact) {
    if (auto plan = Replan(*contact); !plan) return plan.error();
  }
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return *event;
}

// The meetings held in this local week so far, and those still on the
// calendar for the rest of it (re-planned, so a meeting that was moved away
// or cancelled does not count), counted no further than `goal`: past it the
// weekly goal is met, and an agenda at 100,000 people need not re-plan
// everyone with a meeting this week. Each read covers a batch of people in
// one query: on a server engine a query per person costs a round trip each.
Result<int> Pipeline::MeetingsThisWeek(Instant now, int goal) {
  const Instant week = StartOfLocalWeek(now, config_.zone);
  const Instant next_week = AddLocalDays(week, 7, config_.zone);
  RAPPORT_ASSIGN_OR_RETURN(auto held,
                           store_.CountEventsByKind(EventKind::kMeetingHeld, week, next_week, goal));
  int meetings = static_cast<int>(held);
  if (meetings >= goal) return meetings;
  RAPPORT_ASSIGN_OR_RETURN(auto planned, store_.ContactsWithMeetingsBetween(now, next_week));
  constexpr size_t kBatch = 64;
  for (size_t from = 0; from < planned.size() && meetings < goal; from += kBatch) {
    const std::vector<Id> batch(planned.begin() + static_cast<std::ptrdiff_t>(from),
                                planned.begin() + static_cast<std::ptrdiff_t>(
                                                      std::min(planned.size(), from + kBatch)));
    RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.GetContacts(batch));
    RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEventsOf(batch));
    std::unordered_map<Id, std::vector<Event>> by_contact;
    for (auto& e : events) by_contact[e.contact_id].push_back(std::move(e));
    for (const auto& c : contacts) {
      for (const auto& a : PlanFor(c, by_contact[c.id]).actions) {
        // An upcoming meeting shows as the action to log it once it ends.
        if (a.kind == ActionKind::kLogMeeting && a.due > now && a.due <= next_week) {
          ++meetings;
          break;
        }
      }
    }
  }
  return meetings;
}

Result<DueCounts> Pipeline::CountDue() {
  DueCounts counts;
  counts.now = Now();
  const Instant end_of_day =
      AddLocalDays(StartOfLocalDay(counts.now, config_.zone), 1, config_.zone) - Seconds{1};
  RAPPORT_ASSIGN_OR_RETURN(auto due, store_.CountContactsDue(counts.now, end_of_day));
  counts.overdue = due.first;
  counts.today = due.second;
  return counts;
}

Result<Agenda> Pipeline::GetAgenda(int days, int limit) {
  if (days < 0 || days > 366) {
    return Error::InvalidArgument("days", "look between 0 and 366 days ahead");
  }
  Agenda agenda;
  agenda.now = Now();
  // Today and overdue by default; `days` more days ahead when asked.
  agenda.horizon = AddLocalDays(StartOfLocalDay(agenda.now, config_.zone), days + 1, config_.zone) -
                   Seconds{1};
  // Read the contacts due by the horizon (indexed), then re-plan just those
  // at `now`: the stored next_due is only a candidate filter.
  RAPPORT_ASSIGN_OR_RETURN(auto ids, store_.ContactsDueBy(agenda.horizon, limit + 1));
  if (static_cast<int>(ids.size()) > limit) {
    ids.resize(limit);
    const std::int64_t cap = std::int64_t{limit} + kAgendaCountBeyond;
    RAPPORT_ASSIGN_OR_RETURN(auto total, store_.CountContactsDueBy(agenda.horizon, cap));
    agenda.more = total - limit;
    agenda.more_at_least = total >= cap;
  }
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEventsOf(ids));
  std::unordered_map<Id, std::vector<Event>> by_contact;
  for (auto& e : events) by_contact[e.contact_id].push_back(std::move(e));

  std::unordered_map<Id, std::string> names;
  std::vector<Action> actions;
  RAPPORT_ASSIGN_OR_RETURN(auto due_contacts, store_.GetContacts(ids));
  std::unordered_map<Id, const Contact*> contact_of;
  for (const auto& c : due_contacts) contact_of[c.id] = &c;
  for (Id id : ids) {  // in the order the store gave, most overdue first
    auto it = contact_of.find(id);
    if (it == contact_of.end()) continue;
    const Contact& c = *it->second;
    names[c.id] = c.name;
    auto plan = PlanFor(c, by_contact[id]);
    for (auto& a : plan.actions) actions.push_back(std::move(a));
  }
  auto due = SelectDue(std::move(actions), agenda.now, agenda.horizon);
  // The weekly goal is due at the end of the week, but a habit needs a
  // reminder before then: while behind, it closes every agenda — once the
  // seeker has started a pipeline at all.
  RAPPORT_ASSIGN_OR_RETURN(bool started, store_.HasPipeline());
  if (started && config_.playbook.weekly_goal > 0) {
    RAPPORT_ASSIGN_OR_RETURN(int meetings, MeetingsThisWeek(agenda.now, config_.playbook.weekly_goal));
    if (auto goal = WeeklyGoal(meetings, config_.playbook, agenda.now, config_.zone)) {
      due.push_back(*goal);
    }
  }
  ObjectiveTitles objective_titles;
  for (auto& a : due) {
    AgendaItem item;
    item.overdue = IsOverdue(a, agenda.now);
    auto name_of = [&](Id id) -> Result<std::string> {
      if (auto it = names.find(id); it != names.end()) return it->second;
      RAPPORT_ASSIGN_OR_RETURN(auto c, store_.GetContact(id));
      std::string n = c ? c->name : "#" + std::to_string(id);
      names[id] = n;
      return n;
    };
    if (a.contact_id) {
      RAPPORT_ASSIGN_OR_RETURN(item.contact_name, name_of(a.contact_id));
    }
    if (a.about_id) {
      RAPPORT_ASSIGN_OR_RETURN(item.about_name, name_of(*a.about_id));
    }
    if (a.objective_id) {
      RAPPORT_ASSIGN_OR_RETURN(auto title, ObjectiveTitle(*a.objective_id, objective_titles));
      if (title) item.objective_title = *title;
    }
    item.action = std::move(a);
    agenda.items.push_back(std::move(item));
  }
  return agenda;
}

Result<std::vector<PipelineEntry>> Pipeline::Board(const std::optional<std::string>& objective_ref) {
  PipelineFilter f;
  f.objective = objective_ref;
  return Board(f);
}

Result<std::vector<PipelineEntry>> Pipeline::Board(const PipelineFilter& filter) {
  std::optional<Id> objective_id;
  if (filter.objective) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*filter.objective));
    objective_id = o.id;
  }
  ContactFilter cf;
  if (filter.org) {
    RAPPORT_ASSIGN_OR_RETURN(auto org, InField("org", ResolveOrganization(*filter.org)));
    cf.org_id = org.id;
  }
  if (filter.tag) cf.tag = Trim(*filter.tag);
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts(cf));
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListAllEvents());
  std::unordered_map<Id, std::vector<Event>> by_contact;
  for (auto& e : events) by_contact[e.contact_id].push_back(std::move(e));
  std::vector<PipelineEntry> out;
  for (auto& c : contacts) {
    auto it = by_contact.find(c.id);
    if (it == by_contact.end()) continue;  // not in the pipeline
    auto plan = PlanFor(c, it->second);
    if (plan.stage == Stage::kNone) continue;
    if (objective_id && plan.objective_id != objective_id) continue;
    PipelineEntry entry;
    entry.stage = plan.stage;
    entry.objective_id = plan.objective_id;
    entry.next_due = plan.next_due;
    entry.next_late = plan.next_late;
    entry.contact = std::move(c);
    out.push_back(std::move(entry));
  }
  std::stable_sort(out.begin(), out.end(), [](const PipelineEntry& a, const PipelineEntry& b) {
    return static_cast<int>(a.stage) < static_cast<int>(b.stage);
  });
  return out;
}

Result<MoveOutcome> Pipeline::MoveCard(const MoveInput& in) {
  MoveOutcome out;
  auto to = ParseStage(FoldCase(Trim(in.to_stage)));
  if (!to) {
    std::vector<std::string_view> names;
    for (int i = 0; i <= static_cast<int>(Stage::kDormant); ++i) {
      names.push_back(ToString(static_cast<Stage>(i)));
    }
    return Error::InvalidArgument(
        "to_stage", "'" + in.to_stage + "' is not a stage (use " + OneOf(names) + ")");
  }
  out.to = *to;
  RAPPORT_ASSIGN_OR_RETURN(out.contact, ResolveContact(in.contact));
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(out.contact.id));
  const Instant now = Now();
  out.from = PlanFor(out.contact, events).stage;
  out.decision = DecideMove(out.from, out.to, out.contact.name);
  if (out.decision.verdict == MoveVerdict::kRefuse) {
    return Error::InvalidArgument(out.decision.reason);
  }
  out.needs_confirmation = out.decision.verdict == MoveVerdict::kConfirm && !in.confirmed;
  const bool has_time = in.meeting_at && !Trim(*in.meeting_at).empty();
  out.needs_meeting_time = out.decision.needs_meeting_time && !has_time;
  if (out.needs_confirmation || out.needs_meeting_time) return out;

  // Derive, don't assume: the stage the log would give with the event.
  Event next;
  next.id = 0;
  next.contact_id = out.contact.id;
  next.kind = *out.decision.event;
  next.at = now;
  if (in.at) {
    RAPPORT_ASSIGN_OR_RETURN(next.at, InField("at", ParseUserTime(*in.at)));
  }
  if (out.decision.needs_meeting_time) {
    RAPPORT_ASSIGN_OR_RETURN(next.meeting_at, InField("meeting_at", ParseUserTime(*in.meeting_at)));
    if (!in.at && *next.meeting_at < next.at) next.at = *next.meeting_at;
  }
  for (const auto& e : events) next.id = std::max(next.id, e.id + 1);
  auto pos = std::upper_bound(events.begin(), events.end(), next.at,
                              [](Instant at, const Event& e) { return at < e.at; });
  events.insert(pos, next);
  const Stage would = DeriveStage(events, config_.playbook, now);
  if (would != out.to) {
    return Error::InvalidArgument("recording " + std::string(ToString(next.kind)) + " would put " +
                                  out.contact.name + " in " + std::string(StageLabel(would)) +
                                  ", not " + std::string(StageLabel(out.to)) +
                                  "; log what happened instead");
  }
  EventInput record;
  record.kind = next.kind;
  record.contact = std::to_string(out.contact.id);
  record.at = in.at;
  if (out.decision.needs_meeting_time) record.meeting_at = in.meeting_at;
  RAPPORT_ASSIGN_OR_RETURN(out.event, Record(record));
  RAPPORT_ASSIGN_OR_RETURN(auto after, store_.ListEvents(out.contact.id));
  out.stage = PlanFor(out.contact, after).stage;
  return out;
}

Result<std::vector<Event>> Pipeline::Timeline(const std::string& contact_ref) {
  RAPPORT_ASSIGN_OR_RETURN(auto c, ResolveContact(contact_ref));
  return store_.ListEvents(c.id);
}

Result<Stats> Pipeline::GetStats() {
  Stats s;
  const Instant now = Now();
  const auto& pb = config_.playbook;
  s.weekly_goal = pb.weekly_goal;
  s.week_start = StartOfLocalWeek(now, config_.zone);
  for (int i = 7; i >= 0; --i) {
    Stats::Week w;
    w.start = AddLocalDays(s.week_start, -7 * i, config_.zone);
    s.weeks.push_back(w);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts());
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListAllEvents());
  RAPPORT_ASSIGN_OR_RETURN(auto objectives, store_.ListObjectives());
  std::unordered_map<Id, const Contact*> contact_by_id;
  for (const auto& c : contacts) contact_by_id[c.id] = &c;

  struct Flags {
    bool asked = false, answered = false, yes = false;
    bool replied = false;      // their first reply has been seen
    std::string last_message;  // the template of the last message before it
  };
  std::map<std::string, Stats::Rate> by_template;
  std::unordered_map<Id, Flags> flags;
  std::map<Id, int> held_by_objective;
  for (const auto& e : events) {
    if (e.at > now) continue;
    auto& f = flags[e.contact_id];
    const bool message = e.kind == EventKind::kRequestSent ||
                         e.kind == EventKind::kIntroRequested || e.kind == EventKind::kFollowUpSent;
    const bool reply = e.kind == EventKind::kRepliedNo || e.kind == EventKind::kRepliedYes ||
                       e.kind == EventKind::kMeetingScheduled ||
                       e.kind == EventKind::kMeetingRescheduled ||
                       e.kind == EventKind::kMeetingHeld;
    if (message && !f.replied) {
      f.last_message = e.template_name.value_or("yours");
      ++by_template[f.last_message].asked;
    } else if (reply && !f.replied) {
      f.replied = true;
      if (!f.last_message.empty()) {
        Stats::Rate& r = by_template[f.last_message];
        ++r.answered;
        if (e.kind != EventKind::kRepliedNo) ++r.yes;
      }
    }
    switch (e.kind) {
      case EventKind::kRequestSent:
      case EventKind::kIntroRequested:
        f.asked = true;
        break;
      case EventKind::kRepliedNo:
        f.answered = true;
        break;
      case EventKind::kRepliedYes:
      case EventKind::kMeetingScheduled:
      case EventKind::kMeetingRescheduled:
      case EventKind::kMeetingHeld:
        f.answered = f.yes = true;
        break;
      default:
        break;
    }
    if (e.kind == EventKind::kMeetingHeld) {
      if (e.objective_id) ++held_by_objective[*e.objective_id];
      for (auto& w : s.weeks) {
        if (e.at >= w.start && e.at < AddLocalDays(w.start, 7, config_.zone)) ++w.meetings;
      }
    }
  }
  std::map<std::string, Stats::Rate> degree, source;
  for (const auto& [id, f] : flags) {
    if (!f.asked) continue;
    auto it = contact_by_id.find(id);
    if (it == contact_by_id.end()) continue;
    const Contact& c = *it->second;
    std::string dk = c.degree ? std::string(ToString(*c.degree)) : "unknown";
    std::string sk = c.source ? std::string(ToString(*c.source)) : "unknown";
    for (auto* r : {&degree[dk], &source[sk], &s.total}) {
      ++r->asked;
      r->answered += f.answered;
      r->yes += f.yes;
    }
    degree[dk].key = dk;
    source[sk].key = sk;
  }
  s.total.key = "all";
  for (auto& [k, r] : degree) s.by_degree.push_back(r);
  for (auto& [k, r] : source) s.by_source.push_back(r);
  for (auto& [k, r] : by_template) {
    r.key = k;
    s.by_template.push_back(r);
  }
  for (const auto& o : objectives) {
    Stats::ObjectiveProgress p;
    p.objective = o;
    p.conversations = held_by_objective[o.id];
    p.target = o.target.value_or(pb.enough_conversations);
    p.verdict = ConversationVerdict(p.conversations, p.target, pb);
    s.objectives.push_back(std::move(p));
  }
  return s;
}

Result<int> Pipeline::Reindex() {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(int n, ReplanAll());
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return n;
}

Result<int> UseCase::ReplanAll() {
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts());
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListAllEvents());
  std::unordered_map<Id, std::vector<Event>> by_contact;
  for (auto& e : events) by_contact[e.contact_id].push_back(std::move(e));
  for (const auto& c : contacts) {
    const auto& evs = by_contact[c.id];
    ContactPlan plan = PlanFor(c, evs);
    ContactState st;
    st.contact_id = c.id;
    st.stage = std::string(ToString(plan.stage));
    st.objective_id = plan.objective_id;
    st.next_due = plan.next_due;
    st.next_late = plan.next_late;
    if (!evs.empty()) st.last_event_at = evs.back().at;
    RAPPORT_RETURN_IF_ERROR(store_.PutContactState(st));
  }
  return static_cast<int>(contacts.size());
}

}  // namespace rapport
