// The use cases, by area: one call per user action, each one transaction,
// with validation and errors a person can act on. Both faces call only
// these; neither holds business logic. App is what a composition root
// builds: it owns the context (app/use_case.h) and one object per area.
//
//   records()    organizations, contacts, objectives, referrals
//   pipeline()   recording events, promises, agenda, board, timeline, stats
//   learning()   questions, notes, answers, prep, search, network, insights
//   messaging()  lint, draft, send, log sent
//   data()       import, merge, export, calendar feed, backup, restore, sheet
#pragma once

#include <memory>
#include <string>

#include "rapport/app/config.h"
#include "rapport/app/data_in_out.h"
#include "rapport/app/learning.h"
#include "rapport/app/mail.h"
#include "rapport/app/messaging.h"
#include "rapport/app/pipeline.h"
#include "rapport/app/records.h"
#include "rapport/app/use_case.h"
#include "rapport/app/user_files.h"

namespace rapport {

// What a composition root passes into App beside the database, the clock
// and the config. Each part left empty gets the default named; the
// pointees must outlive the App.
struct AppServices {
  Mailer* mailer = nullptr;                // default: an SmtpMailer (libcurl)
  const UserFiles* user_files = nullptr;   // default: NoUserFiles
  SpellerFactory open_speller;             // default: HunspellSpeller()
};

class App {
 public:
  // `db`, `clock` and `mailer` must outlive the App. Without a mailer, the
  // App sends with its own SmtpMailer (libcurl). No user files; Hunspell.
  App(Database& db, const Clock& clock, Config config, Id workspace_id = 1,
      Mailer* mailer = nullptr);
  // With every dependency a composition root may pass (AppServices).
  App(Database& db, const Clock& clock, Config config, Id workspace_id, AppServices services);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  const Config& config() const { return ctx_.config; }
  Instant Now() const { return ctx_.clock.Now(); }
  // Parses a time the user typed, in the user's zone.
  Result<Instant> ParseUserTime(const std::string& text) const {
    return records_.ParseUserTime(text);
  }

  Records& records() { return records_; }
  Pipeline& pipeline() { return pipeline_; }
  Learning& learning() { return learning_; }
  Messaging& messaging() { return messaging_; }
  DataInOut& data() { return data_; }

 private:
  std::unique_ptr<Mailer> own_mailer_;         // when none was passed in
  std::unique_ptr<UserFiles> own_user_files_;  // likewise
  AppContext ctx_;
  Records records_;
  Pipeline pipeline_;
  Learning learning_;
  Messaging messaging_;
  DataInOut data_;
};

}  // namespace rapport
