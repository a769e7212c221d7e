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

#include <optional>
#include <string>
#include <vector>

#include "rapport/app/config.h"
#include "rapport/model/types.h"
#include "rapport/playbook/agenda.h"
#include "rapport/store/store.h"

namespace rapport {

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
  struct ObjectiveProgress {
    Objective objective;
    int conversations = 0;  // meetings held
    int target = 0;
    std::string verdict;  // "too few to judge", "enough", "more than enough"
  };
  std::vector<ObjectiveProgress> objectives;
};

class App {
 public:
  // `db` and `clock` must outlive the App.
  App(Database& db, const Clock& clock, Config config, Id workspace_id = 1);

  const Config& config() const { return config_; }
  Instant Now() const { return clock_.Now(); }
  Store& store() { return store_; }

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
  Result<Agenda> GetAgenda(int days, int limit);
  Result<std::vector<PipelineEntry>> Pipeline(const std::optional<std::string>& objective_ref);
  Result<std::vector<Event>> Timeline(const std::string& contact_ref);
  Result<Stats> GetStats();
  // Recomputes every contact's derived state (after a playbook change).
  Result<int> Reindex();

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

  Database& db_;
  const Clock& clock_;
  Config config_;
  Store store_;
};

}  // namespace rapport
