// The use cases: one call per user action, each one transaction, with
// validation and errors a person can act on. Both faces (the CLI, later the
// web server) call only this; neither holds business logic.
//
// Fields arrive as the user typed them (text), so validation and its
// messages live here once. In edits, an unset optional leaves a field alone
// and an empty string clears it.
//
// References ("REF"): a numeric id, an exact email (contacts), or a
// case-insensitive name fragment that matches exactly one record; an exact
// full-name match wins over fragments. Unknown or ambiguous REFs are errors
// that list the candidates.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rapport/app/config.h"
#include "rapport/messages/lint.h"
#include "rapport/model/search.h"
#include "rapport/model/types.h"
#include "rapport/playbook/agenda.h"
#include "rapport/playbook/move.h"
#include "rapport/playbook/questions.h"

namespace rapport {

class Database;
class Store;

struct OrgFields {
  std::optional<std::string> name, industry, size, location, website;
};

struct ContactFields {
  std::optional<std::string> name, org, title, email, phone, linkedin, location, tz, source,
      degree, introducer;
  std::vector<std::string> add_tags;     // added (add and edit)
  std::vector<std::string> remove_tags;  // removed (edit)
};

struct ObjectiveFields {
  std::optional<std::string> title, kind, notes;
  std::optional<int> target;  // 0 clears it in an edit (back to the playbook's default)
};

struct ContactAdded {
  Contact contact;
  bool created_org = false;  // --org named an organization that did not exist yet
};

struct ContactDetail {
  Contact contact;
  Stage stage = Stage::kNone;
  std::vector<Action> actions;  // pending, sorted by due
  int event_count = 0;
  std::optional<Instant> last_event_at;
  std::vector<Contact> introduced;  // people this contact introduced or referred
};

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
};

struct PipelineEntry {
  Contact contact;
  Stage stage = Stage::kNone;
  std::optional<Id> objective_id;
  std::optional<Instant> next_due;
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

struct QuestionFields {
  std::optional<std::string> text, category;
  std::optional<std::string> objective;  // REF; "" makes the question general (edit)
  std::optional<bool> referral;
};

struct QuestionFilter {
  std::optional<std::string> objective;  // REF: its own questions and the general ones
  std::optional<std::string> category;
};

// A promise not kept yet, either way.
struct OpenPromise {
  Event promise;  // promise_made
  std::string contact_name;
};

// Everything to re-read before a meeting (PRODUCT.md, stage 7).
struct PrepBrief {
  Contact contact;
  std::optional<Objective> objective;
  std::optional<Event> meeting;  // the next meeting, when one is on the calendar
  std::string user_zone;         // times shown in both zones when they differ
  std::optional<std::string> contact_zone;  // the meeting's zone, else the contact's
  QuestionPlan plan;
  std::optional<Event> request;  // the request that was sent
  std::optional<Contact> introducer;
  std::vector<Note> notes;            // earlier notes about them, oldest first
  std::vector<Event> logged_notes;    // events of theirs with a note (meeting notes, ...)
  std::vector<Answer> earlier_answers;
  std::vector<Question> earlier_questions;  // the questions of earlier_answers
  std::vector<OpenPromise> promises_mine, promises_theirs;
  std::vector<std::string> reminders;  // plain sentences
};

struct NoteInput {
  std::optional<std::string> contact, objective;  // exactly one, REFs
  std::string body;                               // Markdown
};

struct SearchResult {
  SearchHit hit;
  std::string contact_name;  // "" for an objective's note
  std::string context;       // "note", "answer to: What ...?", "request_sent on 2 Mar"
  Instant at{};
};

struct SearchResults {
  std::vector<SearchResult> results;
  // More than kSearchRankWindow texts matched: these are the best of the
  // most recent ones; more words narrow the search.
  bool windowed = false;
};

struct NetworkGraph {
  struct Node {
    Contact contact;
    Stage stage = Stage::kNone;
  };
  struct Edge {
    Id from = 0, to = 0;  // from led to to
    std::string kind;     // "introduced" (introducer), "referred" (a referral), "via" (a request)
  };
  std::vector<Node> nodes;  // people on at least one edge, by id
  std::vector<Edge> edges;
};

// A warm way to someone at an organization: people you know first, then
// whoever each one led to, ending with the person there.
struct WarmPath {
  std::vector<Contact> steps;
  std::string why;  // "you met Ana; Ana introduced Ben, who works there"
};

struct Insights {
  Objective objective;
  int conversations = 0, target = 0;
  std::string verdict;
  std::optional<double> fit_average;  // of meetings rated with --fit
  int fit_ratings = 0;
  std::vector<Contact> people;  // the matrix's columns: met or answered for it
  struct MatrixRow {
    Question question;
    std::vector<std::vector<std::string>> answers;  // one list per person, aligned with people
    int answered = 0;                               // people who answered
  };
  std::vector<MatrixRow> matrix;  // answered questions first, then the objective's open ones
  std::vector<OpenPromise> open_promises;
};

struct ExportFilter {
  std::optional<std::string> org;  // REF
  std::optional<std::string> tag;
};

enum class ImportFormat { kLinkedIn, kVCard, kGoogle };
std::optional<ImportFormat> ParseImportFormat(std::string_view s);  // "linkedin", "vcard", "google"
std::string_view ToString(ImportFormat f);                          // the same names
// Which export `data` looks like, from its first lines: a vCard (BEGIN:VCARD),
// a LinkedIn export (a header with Connected On) or a Google Contacts CSV (a
// header with "E-mail 1 - Value" or "Given Name"); nullopt when none.
std::optional<ImportFormat> DetectImportFormat(std::string_view data);

struct ImportOptions {
  ImportFormat format = ImportFormat::kLinkedIn;
  bool dry_run = false;     // work it all out, write nothing
  bool keep_going = false;  // import the good rows even when some are bad
  std::vector<std::string> tags;  // added to everyone imported or merged
  // Called now and then with (people done, people in the file).
  std::function<void(size_t, size_t)> progress;
};

struct ImportRow {
  int line = 0;
  std::string reason;
};

struct ImportMerge {
  int line = 0;
  Id contact_id = 0;
  std::string name;
  std::string matched_by;              // "email", "linkedin", "name and organization"
  std::vector<std::string> filled;     // fields that were empty here, now filled
  std::vector<std::string> conflicts;  // "title: kept 'CTO'; the file says 'CEO'"
};

struct ImportReport {
  int added = 0, merged = 0, unchanged = 0;
  int organizations_added = 0;
  std::vector<ImportRow> skipped;   // nothing to import (date-only rows, no name)
  std::vector<ImportRow> rejected;  // malformed rows
  std::vector<ImportMerge> merges;
  bool written = false;  // false for --dry-run, or when bad rows stopped it
};

struct MergeResult {
  Contact survivor;
  std::string removed_name;
  int events_moved = 0;
};

// What to draft: a template (or "request", which picks request_first,
// request_second or request_cold by the contact's degree) for a contact.
struct DraftInput {
  std::string kind;
  std::string contact;  // REF: the person the thread is about
  std::optional<std::string> objective, how_we_met, specific, article, news;
};

struct DraftResult {
  std::string template_name;
  std::string subject, body;
  Contact about;        // the thread's person
  Contact to;           // the recipient (the introducer for intro_request, ...)
  MessageKind lint_kind = MessageKind::kRequest;
  std::optional<EventKind> logs;  // what sending it records; none for a voicemail script
};

// The template that writes what an agenda action asks for: request ->
// "request" (picked by degree), follow_up -> "follow_up", thank ->
// "thank_you", thank_introducer, report_back, keep_in_touch -> "touch".
// nullopt for actions that are not a message (call, prepare, ...).
std::optional<std::string_view> TemplateForAction(ActionKind kind);
// The draft that does `action`: its template, the person the thread is
// about (the one met, for thank_introducer and report_back, whose message
// goes to the introducer), and its objective. nullopt when no template does it.
std::optional<DraftInput> DraftForAction(const Action& action);

struct SendResult {
  bool sent = false;       // through SMTP
  std::string eml_path;    // written instead, when there is no SMTP
  std::string mailto;      // for the mail client, when there is no SMTP
  std::optional<Event> logged;
};

// What finishing a meeting in meeting mode did.
struct MeetingFinished {
  Event event;                  // the meeting_held event: new, or the one already logged
  bool already_logged = false;  // held today already: nothing new was written
};

struct RestoreReport {
  int organizations = 0, contacts = 0, objectives = 0, events = 0;
  int questions = 0, notes = 0, answers = 0;
};

class App {
 public:
  // `db` and `clock` must outlive the App.
  App(Database& db, const Clock& clock, Config config, Id workspace_id = 1);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  const Config& config() const { return config_; }
  Instant Now() const { return clock_.Now(); }

  // ---- organizations ----
  Result<Organization> AddOrganization(const OrgFields& f);
  Result<std::vector<Organization>> ListOrganizations();
  Result<Organization> ShowOrganization(const std::string& ref);
  Result<Organization> EditOrganization(const std::string& ref, const OrgFields& f);
  Result<Organization> RemoveOrganization(const std::string& ref);

  // ---- contacts ----
  Result<ContactAdded> AddContact(const ContactFields& f);
  Result<std::vector<Contact>> ListContacts(const std::optional<std::string>& org_ref,
                                            const std::optional<std::string>& tag);
  Result<ContactDetail> ShowContact(const std::string& ref);
  Result<ContactAdded> EditContact(const std::string& ref, const ContactFields& f);
  Result<Contact> RemoveContact(const std::string& ref);

  // ---- objectives ----
  Result<Objective> AddObjective(const ObjectiveFields& f);
  Result<std::vector<Objective>> ListObjectives();
  Result<Objective> ShowObjective(const std::string& ref);
  Result<Objective> EditObjective(const std::string& ref, const ObjectiveFields& f);
  Result<Objective> RemoveObjective(const std::string& ref);

  // ---- the pipeline ----
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
  Result<std::vector<PipelineEntry>> Pipeline(const std::optional<std::string>& objective_ref);
  Result<std::vector<PipelineEntry>> Pipeline(const PipelineFilter& filter);
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
  Result<MeetingFinished> FinishMeeting(const std::string& contact_ref, std::optional<int> fit,
                                        const std::optional<std::string>& note);
  Result<Stats> GetStats();
  // Recomputes every contact's derived state (after a playbook change).
  Result<int> Reindex();

  // ---- import ----
  // Reads another program's export and brings its people in, merging those
  // already here (same email, same LinkedIn URL, or same name at the same
  // organization). One transaction: with bad rows and no keep_going, nothing
  // is written and the report lists them.
  Result<ImportReport> Import(std::string_view data, const ImportOptions& options);
  // Merges `other` into `survivor`: empty fields filled, tags joined, events
  // and introductions moved; `other` is removed.
  Result<MergeResult> Merge(const std::string& survivor_ref, const std::string& other_ref);

  // ---- messages ----
  // Checks a message's etiquette, tone and spelling. Names of the people,
  // organizations and objectives on record, and the words in
  // $XDG_CONFIG_HOME/rapport/words.txt, are never spelling mistakes.
  // With `about`, a thank-you is also checked against the notes logged with
  // that contact's meetings (`met --note`).
  Result<std::vector<Finding>> Lint(std::string_view text, MessageKind kind,
                                    std::optional<Id> about = std::nullopt);
  // Fills a template from the records and the profile. The user's
  // $XDG_CONFIG_HOME/rapport/templates/NAME.mustache overrides the built-in.
  Result<DraftResult> DraftMessage(const DraftInput& in);
  // Sends `draft` (with `body` as edited, and draft.subject) by SMTP when
  // [smtp] is set, and logs the matching event with the message as its
  // body. Without SMTP it writes `eml_path` (none when it is empty), returns
  // a mailto: link, and logs only if `mark_sent`. Refused, with nothing
  // sent or written, while the subject or body still has a {{field}}.
  Result<SendResult> SendMessage(const DraftResult& draft, const std::string& body,
                                 const std::string& eml_path, bool mark_sent);
  // Logs `draft` as sent by the user's own mail client: its `logs` event,
  // by email, with `body`. Sends nothing. Error for a draft that is not
  // sent by mail (a voicemail script).
  Result<Event> LogSent(const DraftResult& draft, const std::string& body);

  // ---- questions, notes, answers ----
  Result<Question> AddQuestion(const QuestionFields& f);
  // The bank (the starter questions on first use), filtered.
  Result<std::vector<Question>> ListQuestions(const QuestionFilter& f);
  Result<Question> EditQuestion(const std::string& ref, const QuestionFields& f);
  Result<Question> RemoveQuestion(const std::string& ref);
  // The plan and the brief for the contact's next meeting.
  Result<PrepBrief> Prep(const std::string& contact_ref);
  Result<Note> AddNote(const NoteInput& in);
  Result<Note> EditNote(const std::string& id, const std::string& body);
  Result<Note> RemoveNote(const std::string& id);
  Result<std::vector<Note>> ListNotes(const std::optional<std::string>& contact_ref,
                                      const std::optional<std::string>& objective_ref);
  // Records what the contact said to a question; the objective is that of
  // their latest meeting (or their thread's).
  Result<Answer> RecordAnswer(const std::string& contact_ref, const std::string& question_ref,
                              const std::string& text);
  // Full-text search over notes, answers and messages, best first. The
  // query's words must all appear (any order); "a phrase" in quotes, and a
  // trailing * for a prefix.
  Result<SearchResults> Search(const std::string& query, int limit);

  // ---- referrals and the network ----
  // Adds the person `referrer` suggested: source referral, degree second
  // (unless given), introduced by the referrer.
  Result<ContactAdded> Refer(const std::string& referrer_ref, ContactFields f);
  Result<NetworkGraph> Network();
  // The warmest ways to people at an organization, best first.
  Result<std::vector<WarmPath>> WarmestPaths(const std::string& org_ref, int limit);
  // What the objective's conversations taught, side by side.
  Result<Insights> GetInsights(const std::string& objective_ref);
  Result<Question> ResolveQuestion(const std::string& ref);

  // ---- the networking sheet ----
  // The one-page printable HTML sheet from the profile (config.toml [user]
  // and [profile]). Without [profile] targets, lists the organizations of
  // the people in the pipeline. Error when the profile has no name.
  Result<std::string> Sheet();

  // ---- export ----
  Result<std::string> ExportVCard(const ExportFilter& f);      // vCard 4.0
  Result<std::string> ExportPeopleCsv(const ExportFilter& f);  // RFC 4180
  Result<std::string> ExportEventsCsv();                       // the interaction log
  // Meetings as VEVENTs (with TZID and a VALARM) and the agenda's actions
  // for the next `days_ahead` days as VTODOs; UIDs are stable, so a
  // calendar re-importing the file updates instead of duplicating.
  Result<std::string> ExportIcs(int days_ahead);
  // The secret in the calendar feed's address (/calendar.ics?token=...),
  // made on first use; `rotate` replaces it, so the old address stops
  // working (for a link shared by mistake).
  Result<std::string> CalendarToken(bool rotate);
  // ExportIcs(days_ahead) for a calendar app that presents `token`;
  // NotFound when it is not this workspace's current token.
  Result<std::string> CalendarFeed(std::string_view token, int days_ahead);

  // ---- backup ----
  // The whole workspace as versioned JSON (see docs/user-guide.md).
  Result<std::string> Backup();
  // Restores a Backup() into this workspace, which must be empty; all or
  // nothing.
  Result<RestoreReport> Restore(std::string_view json_text);

  // ---- references ----
  Result<Organization> ResolveOrganization(const std::string& ref);
  Result<Contact> ResolveContact(const std::string& ref);
  Result<Objective> ResolveObjective(const std::string& ref);

  // Parses a time the user typed, in the user's zone.
  Result<Instant> ParseUserTime(const std::string& text) const;

 private:
  Status ApplyOrgFields(Organization& o, const OrgFields& f);
  Status ApplyContactFields(Contact& c, const ContactFields& f, bool& created_org);
  Status ApplyObjectiveFields(Objective& o, const ObjectiveFields& f);
  // Re-plans one contact from its events and stores the result.
  Result<ContactPlan> Replan(const Contact& c);
  ContactPlan PlanFor(const Contact& c, const std::vector<Event>& events) const;
  Result<std::vector<Contact>> SelectContacts(const ExportFilter& f);
  // Re-plans every contact, inside the caller's transaction.
  Result<int> ReplanAll();
  Result<RestoreReport> RestoreJson(std::string_view json_text);
  // Adds the starter question bank once per workspace (caller's transaction).
  Status EnsureQuestionBank();

  std::unique_ptr<Speller> speller_;  // loaded on first use
  Database& db_;
  const Clock& clock_;
  Config config_;
  // The records, held behind a pointer so this header (which both faces
  // include) does not bring in store/: a face asks a use case, never a table.
  std::unique_ptr<Store> owned_store_;
  Store& store_;
};

}  // namespace rapport
