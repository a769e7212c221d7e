// The pipeline's use cases (app/pipeline.cpp, app/meeting.cpp; the open
// promises in app/learning.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/app/use_case.h"
#include "rapport/model/types.h"
#include "rapport/playbook/agenda.h"
#include "rapport/playbook/move.h"
#include "rapport/playbook/settings.h"

namespace rapport {

// What to record: the verbs of the pipeline (target, request, met, ...).
struct EventInput {
  EventKind kind = EventKind::kTouch;
  std::string contact;                   // REF
  std::optional<std::string> objective;  // REF
  std::optional<std::string> at;         // when it happened; default now
  std::optional<std::string> channel;
  std::optional<std::string> body;
  std::optional<std::string> via;  // request: the introducer's REF
  bool voicemail = false;
  // schedule
  std::optional<std::string> meeting_at, meeting_tz, meeting_mode, meeting_place;
  std::optional<int> meeting_minutes;
  bool meal = false;  // a lunch or coffee: the playbook's meal length
  // promise
  bool theirs = false;
  std::optional<std::string> due;
  // met: "does this feel like my tribe?", 1 to 5
  std::optional<int> fit;
  // The built-in template the message was drafted from (Messaging sets it).
  std::optional<std::string> template_name;
  // An id the client made for this write (an offline phone's queue): a
  // second Record with the same id returns the event the first one logged.
  std::optional<std::string> write_id;
};

struct AgendaItem {
  Action action;
  bool overdue = false;
  std::string contact_name;
  std::string about_name;      // thank_introducer / report_back: the person met
  std::string objective_title;
};

struct Agenda {
  Instant now{};
  Instant horizon{};
  std::vector<AgendaItem> items;
  std::int64_t more = 0;  // contacts with due actions beyond the limit
  // `more` is a floor: counting stopped there (kAgendaCountBeyond), as a
  // day's plan needs "over 1,000 more", not the exact figure, and counting
  // every due contact read a page of the index per ~200 of them.
  bool more_at_least = false;
};
inline constexpr int kAgendaCountBeyond = 1000;

// How much is due, by people, from the stored plans alone (for a shell
// prompt): no one's events are read again.
struct DueCounts {
  Instant now{};
  std::int64_t overdue = 0;  // people with an action due before now
  std::int64_t today = 0;    // people whose next action is due later today
};

struct PipelineEntry {
  Contact contact;
  Stage stage = Stage::kNone;
  std::optional<Id> objective_id;
  std::optional<Instant> next_due;
  std::optional<Instant> next_late;  // overdue after it (ContactPlan::next_late)
};

// Who the board shows: every filter that is set must match.
struct PipelineFilter {
  std::optional<std::string> objective;  // REF: the thread's objective
  std::optional<std::string> tag;
  std::optional<std::string> org;  // REF
};

// Moving a card on the board: recording the event the move means
// (playbook/move.h).
struct MoveInput {
  std::string contact;                    // REF
  std::string to_stage;                   // "requested", "met", ...
  std::optional<std::string> at;          // when it happened; default now
  std::optional<std::string> meeting_at;  // to scheduled: when the meeting is
  bool confirmed = false;                 // the seeker answered the question
};

struct MoveOutcome {
  Contact contact;
  Stage from = Stage::kNone, to = Stage::kNone;
  MoveDecision decision;
  // Nothing was written when either is set: ask decision.question, or the
  // meeting's date and time (or both), then move again.
  bool needs_confirmation = false;
  bool needs_meeting_time = false;
  std::optional<Event> event;  // what was recorded
  Stage stage = Stage::kNone;  // derived again after recording
};

struct Stats {
  Instant week_start{};
  int weekly_goal = 0;
  struct Week {
    Instant start{};
    int meetings = 0;
  };
  std::vector<Week> weeks;  // the last 8 local weeks, oldest first
  struct Rate {
    std::string key;  // degree or source name, "unknown"
    int asked = 0;    // contacts who received a request
    int answered = 0; // ... and replied (yes or no) or met
    int yes = 0;      // ... and said yes or met
  };
  std::vector<Rate> by_degree, by_source;
  // By the template of each message (request, introduction request or
  // follow-up; "yours" when written without one): asked counts messages
  // sent before the first reply, answered and yes the replies, each
  // credited to the last message before it.
  std::vector<Rate> by_template;
  Rate total;  // everyone asked: from asking to meeting (key "all")
  struct ObjectiveProgress {
    Objective objective;
    int conversations = 0;  // meetings held
    int target = 0;
    std::string verdict;  // "too few to judge", "enough", "more than enough"
  };
  std::vector<ObjectiveProgress> objectives;
};

// "too few to judge", "enough" or "more than enough" conversations.
std::string ConversationVerdict(int conversations, int target, const Playbook& playbook);

// A promise not kept yet, either way.
struct OpenPromise {
  Event promise;  // promise_made
  std::string contact_name;
};

// What finishing a meeting in meeting mode did.
struct MeetingFinished {
  Event event;                  // the meeting_held event: new, or the one already logged
  bool already_logged = false;  // held today already: nothing new was written
};

// The pipeline: recording what happened, promises, the agenda, the board
// and its moves, a person's timeline, meeting mode's finish, the stats.
class Pipeline : public UseCase {
 public:
  using UseCase::UseCase;

  // Records one interaction and re-plans the contact. Returns the event.
  Result<Event> Record(const EventInput& in);
  // Marks a promise (a promise_made event id) kept.
  Result<Event> KeepPromise(const std::string& promise_id, const std::optional<std::string>& at);
  // The promises made in `events` (one person's) and not yet kept, oldest
  // first, mine and theirs.
  Result<std::vector<OpenPromise>> OpenPromisesOf(const std::vector<Event>& events,
                                                  const std::string& contact_name);
  // Takes back an event recorded by mistake (the web app's "Undo"):
  // removes it and re-plans the person. Only the last event recorded for
  // that person can be taken back, so no later entry loses what it
  // followed from.
  Result<Event> UndoEvent(Id event_id);
  Result<Agenda> GetAgenda(int days, int limit);
  // The agenda's counts, cheaply: each person's stored next due time (the
  // plan made when their events last changed), not a re-plan at now, so a
  // person counts once however many actions they have, and an action that
  // lapsed since (a thank-you window) counts until the next re-plan. The
  // weekly goal is not counted. "Today" ends at local midnight in the
  // user's zone.
  Result<DueCounts> CountDue();
  Result<std::vector<PipelineEntry>> Board(const std::optional<std::string>& objective_ref);
  Result<std::vector<PipelineEntry>> Board(const PipelineFilter& filter);
  // Moves a card: decides what the move means (DecideMove), checks that the
  // event would derive the target stage, records it and derives again.
  // Errors: invalid_argument for a refused move (its reason) or a bad
  // stage/time. A move that needs a confirmation or a meeting time returns
  // with nothing written and the matching flag set.
  Result<MoveOutcome> MoveCard(const MoveInput& in);
  Result<std::vector<Event>> Timeline(const std::string& contact_ref);
  // Logs that the meeting with the contact was held now (meeting mode's
  // Finish), rated `fit` (1 to 5, optional) with `note` as the event's body.
  // A meeting with them already logged as held today, with none scheduled
  // since, is not logged twice: that event comes back with already_logged.
  // `write_id` as in EventInput: a retry of the same Finish logs nothing new.
  // Before the scheduled meeting's start, Finish is refused (field "start",
  // saying when it starts) unless `before_start` says the seeker means it.
  Result<MeetingFinished> FinishMeeting(const std::string& contact_ref, std::optional<int> fit,
                                        const std::optional<std::string>& note,
                                        const std::optional<std::string>& write_id = std::nullopt,
                                        bool before_start = false);
  Result<Stats> GetStats();
  // Recomputes every contact's derived state (after a playbook change).
  Result<int> Reindex();

 private:
  Result<int> MeetingsThisWeek(Instant now, int goal);
  // The event a receipt names, or a conflict when it has since been undone.
  Result<Event> ReplayedEvent(std::string_view receipt_kind, Id record_id);
};

}  // namespace rapport
