// Store: the only place that speaks SQL. Reads and writes Rapport's records
// for one workspace; every query is scoped by that workspace here, never left
// to the caller. Transactions belong to the caller (app/), so one user action
// is one transaction.
//
// "Not found" is a value: Get* return std::nullopt, not an error. Errors are
// storage failures and rule violations (a duplicate email, ...).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/model/search_query.h"
#include "rapport/model/search.h"
#include "rapport/model/types.h"
#include "rapport/store/database.h"

namespace rapport {

// Lowercases ASCII letters; the key for case-insensitive matching.
std::string FoldCase(std::string_view s);
// A LinkedIn profile URL reduced for matching: lowercase, no scheme, no
// "www.", no query or trailing slash ("linkedin.com/in/ada-lovelace").
std::string LinkedInKey(std::string_view url);
// The same two keys appended to `out`, for bulk paths that reuse a buffer.
void AppendFoldCase(std::string_view s, std::string& out);
void AppendLinkedInKey(std::string_view url, std::string& out);
// A phone number reduced for matching: its digits, with a leading '+' kept
// ("+1 (415) 555-0100" -> "+14155550100").
std::string PhoneKey(std::string_view phone);

struct ContactFilter {
  std::optional<Id> org_id;
  std::optional<std::string> tag;
};

// What imports match people by.
struct ContactKeys {
  Id id = 0;
  std::string name;
  std::optional<Id> org_id;
  std::optional<std::string> email_key, linkedin_key;
  std::vector<std::string> other_email_keys;  // of the addresses beyond the primary
};

// A contact's derived pipeline row (see migration 2).
struct ContactState {
  Id contact_id = 0;
  std::string stage;
  std::optional<Id> objective_id;
  std::optional<Instant> next_due;
  std::optional<Instant> last_event_at;
  // Overdue after this (ContactPlan::next_late; migration 13).
  std::optional<Instant> next_late;
};

struct SearchHits {
  std::vector<SearchHit> hits;
  // More texts matched than Search ranks: the hits are the best among the
  // most recent kSearchRankWindow matches.
  bool windowed = false;
};

class Store {
 public:
  // `db` must outlive the Store.
  Store(Database& db, Id workspace_id) : db_(db), ws_(workspace_id) {}

  Database& db() { return db_; }
  Id workspace_id() const { return ws_; }

  // ---- organizations ----
  Result<Organization> AddOrganization(const Organization& org, Instant now);
  Result<std::optional<Organization>> GetOrganization(Id id);
  Result<std::optional<Organization>> GetOrganizationByName(std::string_view name);
  // Organizations whose name contains `fragment`, case-insensitively.
  Result<std::vector<Organization>> FindOrganizations(std::string_view fragment);
  Result<std::vector<Organization>> ListOrganizations();
  Status UpdateOrganization(const Organization& org);
  Status RemoveOrganization(Id id);

  // ---- contacts ----
  // Adds `c` (its tags too) and returns it with its id. created_at and
  // updated_at are `now`.
  Result<Contact> AddContact(const Contact& c, Instant now);
  // The same, returning only the new id (the bulk path of imports).
  Result<Id> InsertContact(const Contact& c, Instant now);
  Result<std::optional<Contact>> GetContact(Id id);
  // Those of `ids` that exist in this workspace, in one query (ordered by
  // name, as ListContacts); for the agenda and other pages that show many.
  Result<std::vector<Contact>> GetContacts(const std::vector<Id>& ids);
  Result<std::optional<Contact>> GetContactByEmail(std::string_view email);
  Result<std::vector<Contact>> FindContacts(std::string_view name_fragment);
  // For search: people whose name holds, for one of the query's
  // alternatives, every word of every term at the start of one of its words
  // ("pri nat" finds Priya Natarajan), case-insensitively; at most `limit`,
  // by name.
  Result<std::vector<Contact>> FindContactsNamed(const SearchQuery& query, int limit);
  // The same for organizations.
  Result<std::vector<Organization>> FindOrganizationsNamed(const SearchQuery& query, int limit);
  Result<std::vector<Contact>> ListContacts(const ContactFilter& filter = {});
  // The people at any of `org_ids`, in one query (ordered by name, as
  // ListContacts).
  Result<std::vector<Contact>> ListContactsAt(const std::vector<Id>& org_ids);
  // Replaces every field and the tags.
  Status UpdateContact(const Contact& c, Instant now);
  Status RemoveContact(Id id);
  // Every contact's matching keys (for imports).
  Result<std::vector<ContactKeys>> ListContactKeys();

  // ---- bulk writes (imports), inside the caller's transaction ----
  // The id SQLite would give the next contact: one more than the largest id
  // in the table (every workspace), 1 when it is empty.
  Result<Id> NextContactId();
  // Inserts `contacts` and their tags, each with the id it carries (new ids,
  // e.g. counted up from NextContactId), many rows per statement.
  // created_at and updated_at are `now`. The same rows as InsertContact.
  Status InsertContacts(std::span<const Contact> contacts, Instant now);
  // How many rows a caller of InsertContacts should gather per call: a
  // multi-row INSERT's worth on SQLite, far more where the engine copies
  // (a COPY costs a round trip and a statement's start however short).
  size_t BulkBatchRows() const;
  // The same for organizations: the id the next one gets, and many at once
  // with the ids they carry (the same rows as AddOrganization).
  Result<Id> NextOrganizationId();
  Status InsertOrganizations(std::span<const Organization> orgs, Instant now);
  // Drops the secondary indexes of the contact table and returns them for
  // CreateIndexes: building an index once after a bulk insert is a sort,
  // far cheaper than a B-tree insert per row and index. Until then nothing
  // enforces a dropped index's rule (one contact per email): the caller
  // must, and CreateIndexes fails (so the transaction does) if it did not.
  Result<std::vector<Database::IndexDefinition>> DropContactIndexes();
  Status CreateIndexes(const std::vector<Database::IndexDefinition>& indexes);
  // Moves `from`'s events and introductions to `to`; returns events moved.
  Result<int> MoveContactHistory(Id from, Id to);
  // Contacts that name `id` as their introducer.
  Result<std::vector<Contact>> ListIntroducedBy(Id id);

  // ---- objectives ----
  Result<Objective> AddObjective(const Objective& o, Instant now);
  Result<std::optional<Objective>> GetObjective(Id id);
  Result<std::vector<Objective>> FindObjectives(std::string_view title_fragment);
  Result<std::vector<Objective>> ListObjectives();
  Status UpdateObjective(const Objective& o);
  Status RemoveObjective(Id id);

  // ---- receipts of writes that carry a client's id (offline phones) ----
  // The record a write with this id made, if one was made: its kind ("note",
  // "answer", "event") and id. Written inside the record's own transaction.
  struct WriteReceipt {
    std::string kind;
    Id record_id = 0;
  };
  Result<std::optional<WriteReceipt>> GetWriteReceipt(std::string_view write_id);
  Status AddWriteReceipt(std::string_view write_id, std::string_view kind, Id record_id, Instant now);

  // ---- the interaction log ----
  Result<Event> AddEvent(const Event& e, Instant now);
  Result<std::optional<Event>> GetEvent(Id id);
  // One contact's events, sorted by (at, id).
  Result<std::vector<Event>> ListEvents(Id contact_id);
  // Several contacts' events, sorted by (contact_id, at, id).
  Result<std::vector<Event>> ListEventsOf(const std::vector<Id>& contact_ids);
  // Every event of the workspace of `kind` in [from, to).
  Result<std::vector<Event>> ListEventsByKind(EventKind kind, Instant from, Instant to);
  // How many of those there are, counting no further than `at_most`.
  Result<std::int64_t> CountEventsByKind(EventKind kind, Instant from, Instant to,
                                         std::int64_t at_most);
  Result<std::vector<Event>> ListAllEvents();
  Status RemoveEvent(Id id);

  // ---- derived state ----
  Status PutContactState(const ContactState& s);
  Result<std::vector<ContactState>> ListContactStates();
  // Contact ids whose next action is due at or before `horizon`, earliest
  // first, at most `limit`.
  Result<std::vector<Id>> ContactsDueBy(Instant horizon, int limit);
  // ... counting no further than `at_most` (the index entries read stay
  // bounded however many are due).
  Result<std::int64_t> CountContactsDueBy(Instant horizon, std::int64_t at_most);
  // How many contacts have their next action due before `now` (first) and
  // in [now, until] (second): one indexed range over contact_state.
  Result<std::pair<std::int64_t, std::int64_t>> CountContactsDue(Instant now, Instant until);
  // Contacts with a meeting (scheduled or rescheduled) starting in [from, to).
  Result<std::vector<Id>> ContactsWithMeetingsBetween(Instant from, Instant to);
  // True when any contact has a pipeline stage other than "none".
  Result<bool> HasPipeline();

  // ---- the question bank ----
  Result<Question> AddQuestion(const Question& q, Instant now);
  Result<std::optional<Question>> GetQuestion(Id id);
  Result<std::vector<Question>> ListQuestions();  // by id
  Status UpdateQuestion(const Question& q);
  Status RemoveQuestion(Id id);
  // The starter bank is added once per workspace, the first time the bank
  // is used, so the seeker can edit or remove any of it for good.
  Result<bool> QuestionsSeeded();
  Status MarkQuestionsSeeded();
  // The calendar feed's secret, if one was made.
  Result<std::optional<std::string>> CalendarToken();
  Status SetCalendarToken(const std::string& token);

  // ---- notes ----
  Result<Note> AddNote(const Note& n, Instant now);
  Result<std::optional<Note>> GetNote(Id id);
  // Those of `ids` in this workspace, in one query, by id.
  Result<std::vector<Note>> GetNotes(const std::vector<Id>& ids);
  // A contact's or an objective's notes (or all, both unset), oldest first.
  Result<std::vector<Note>> ListNotes(std::optional<Id> contact_id, std::optional<Id> objective_id);
  Status UpdateNote(Id id, std::string_view body, Instant now);
  Status RemoveNote(Id id);

  // ---- answers ----
  Result<Answer> AddAnswer(const Answer& a, Instant now);
  // A contact's answers, an objective's, or all (both unset), oldest first.
  Result<std::vector<Answer>> ListAnswers(std::optional<Id> contact_id,
                                          std::optional<Id> objective_id);
  Result<std::optional<Answer>> GetAnswer(Id id);
  Status RemoveAnswer(Id id);

  // ---- an objective's people and meetings ----
  // Contacts whose thread is about the objective (their latest event naming
  // one) or who answered questions for it.
  Result<std::vector<Id>> ObjectiveContactIds(Id objective_id);
  // Every event naming the objective, sorted by (at, id).
  Result<std::vector<Event>> ListObjectiveEvents(Id objective_id);

  // ---- full-text search (FTS5 over notes, answers and event bodies) ----
  // `fts_query` is FTS5 query syntax (the caller quotes the user's words).
  // The best `limit` texts matching `query`, best first (ties: the most
  // recent first), ranked among the kSearchRankWindow most recent matches.
  // Each engine renders the query in its own syntax (store/search.cpp).
  Result<SearchHits> Search(const SearchQuery& query, int limit);

  // ---- restoring a backup: rows keep their ids and timestamps ----
  Status RestoreOrganization(const Organization& o);
  Status RestoreContact(const Contact& c);
  // Sets a contact's introducer without touching updated_at.
  Status SetIntroducer(Id contact_id, Id introducer_id);
  Status RestoreObjective(const Objective& o);
  Status RestoreEvent(const Event& e);
  Status RestoreQuestion(const Question& q);
  Status RestoreNote(const Note& n);
  Status RestoreAnswer(const Answer& a);
  // Removes the whole question bank (before restoring a backup's).
  Status ClearQuestions();
  // True when the workspace holds no records (the starter question bank
  // does not count).
  Result<bool> IsEmpty();

  // How many rows of each kind the workspace holds (copies check these).
  struct Counts {
    std::int64_t organizations = 0, contacts = 0, tags = 0, objectives = 0, events = 0,
                 questions = 0, notes = 0, answers = 0, points = 0;
    bool operator==(const Counts&) const = default;
  };
  Result<Counts> CountRows();

 private:
  // `by_ids`: `where` picks rows by primary key, and the workspace check
  // must not be used as an index (see the .cpp).
  Result<std::vector<Contact>> QueryContacts(std::string_view where,
                                             std::initializer_list<Value> params,
                                             bool by_ids = false);
  Status LoadTags(std::vector<Contact>& contacts);
  Status WriteTags(Id contact_id, const std::vector<std::string>& tags);
  // The contact_point rows: the primary's labels and the other addresses
  // and numbers (see migration 10).
  Status LoadPoints(std::vector<Contact>& contacts);
  Status WritePoints(const Contact& c, bool replace);
  Status InsertPoints(std::span<const Contact> contacts);
  Status CopyContacts(std::span<const Contact> contacts, Instant now);

  Database& db_;
  Id ws_;
};

}  // namespace rapport
