// The shared ground of the use cases: the context they all work over (the
// database, the store, the clock, the config, and what a composition root
// passes in: the mailer, the user's files, the speller), and the base class that
// gives each area the references (REFs) and the re-planning they share.
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
#include <unordered_map>
#include <vector>

#include "rapport/app/config.h"
#include "rapport/model/error.h"
#include "rapport/model/time.h"
#include "rapport/model/types.h"
#include "rapport/playbook/agenda.h"

namespace rapport {

class App;
class Database;
class Mailer;
class Speller;
class Store;
class UserFiles;

// Opens the speller the linter checks spelling with (messages/lint.h).
// Called once, on the first lint, so that a command that lints nothing
// never loads a dictionary; an error is the lint's error.
using SpellerFactory = std::function<Result<std::unique_ptr<Speller>>()>;

// What every use case works over. Made by App from what its composition
// root passes in; `db`, `clock`, `mailer` and `user_files` outlive it. Not
// thread-safe (one connection, cached statements): callers serialize
// their calls.
struct AppContext {
  AppContext(Database& db, const Clock& clock, Config config, Id workspace_id, Mailer& mailer,
             const UserFiles& user_files, SpellerFactory open_speller);
  ~AppContext();
  AppContext(const AppContext&) = delete;
  AppContext& operator=(const AppContext&) = delete;

  Database& db;
  const Clock& clock;
  Config config;
  Mailer& mailer;
  const UserFiles& user_files;  // known words, template overrides
  SpellerFactory open_speller;  // never empty
  // Held behind a pointer so that no header of app/ includes store/: a face
  // asks a use case, never a table.
  std::unique_ptr<Store> store;
};

// The base of each area's use cases (Records, Pipeline, Learning,
// Messaging, DataInOut): one call per user action, each one transaction.
class UseCase {
 public:
  // `app` is for the few calls that cross areas; `ctx` must outlive this.
  UseCase(App& app, AppContext& ctx);

  const Config& config() const { return config_; }
  Instant Now() const { return clock_.Now(); }

  // ---- references, shared by every area ----
  Result<Organization> ResolveOrganization(const std::string& ref);
  Result<Contact> ResolveContact(const std::string& ref);
  Result<Objective> ResolveObjective(const std::string& ref);

  // Parses a time the user typed, in the user's zone.
  Result<Instant> ParseUserTime(const std::string& text) const;
  Result<Question> ResolveQuestion(const std::string& ref);

 protected:
  // Re-plans one contact from its events and stores the result.
  Result<ContactPlan> Replan(const Contact& c);
  // The same over `events`, the person's whole log in order, already read.
  Result<ContactPlan> Replan(const Contact& c, const std::vector<Event>& events);
  ContactPlan PlanFor(const Contact& c, const std::vector<Event>& events) const;
  // Objective titles by id (none: no such objective), each read once for a
  // list that names the same few again and again.
  using ObjectiveTitles = std::unordered_map<Id, std::optional<std::string>>;
  Result<std::optional<std::string>> ObjectiveTitle(Id id, ObjectiveTitles& read);
  // Re-plans every contact, inside the caller's transaction.
  Result<int> ReplanAll();
  // Adds the starter question bank once per workspace (caller's transaction).
  Status EnsureQuestionBank();

  App& app_;
  Database& db_;
  const Clock& clock_;
  const Config& config_;
  Store& store_;
};

}  // namespace rapport
