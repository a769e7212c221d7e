// App, the context and the base of the use cases, and the few calls that
// cross from one area to another.
#include "rapport/app/app.h"
#include "rapport/messages/lint.h"
#include "rapport/store/store.h"

namespace rapport {

AppContext::AppContext(Database& db, const Clock& clock, Config config, Id workspace_id,
                       Mailer& mailer, const UserFiles& user_files, SpellerFactory open_speller)
    : db(db),
      clock(clock),
      config(std::move(config)),
      mailer(mailer),
      user_files(user_files),
      open_speller(std::move(open_speller)),
      store(std::make_unique<Store>(db, workspace_id)) {}

AppContext::~AppContext() = default;

UseCase::UseCase(App& app, AppContext& ctx)
    : app_(app), db_(ctx.db), clock_(ctx.clock), config_(ctx.config), store_(*ctx.store) {}

namespace {
AppServices WithMailer(Mailer* mailer) {
  AppServices services;
  services.mailer = mailer;
  return services;
}
}  // namespace

App::App(Database& db, const Clock& clock, Config config, Id workspace_id, Mailer* mailer)
    : App(db, clock, std::move(config), workspace_id, WithMailer(mailer)) {}

App::App(Database& db, const Clock& clock, Config config, Id workspace_id, AppServices services)
    : own_mailer_(services.mailer ? nullptr : std::make_unique<SmtpMailer>()),
      own_user_files_(services.user_files ? nullptr : std::make_unique<NoUserFiles>()),
      ctx_(db, clock, std::move(config), workspace_id,
           services.mailer ? *services.mailer : *own_mailer_,
           services.user_files ? *services.user_files : *own_user_files_,
           services.open_speller ? std::move(services.open_speller) : HunspellSpeller()),
      records_(*this, ctx_),
      pipeline_(*this, ctx_),
      learning_(*this, ctx_),
      messaging_(*this, ctx_),
      data_(*this, ctx_) {}

App::~App() = default;

Messaging::Messaging(App& app, AppContext& ctx)
    : UseCase(app, ctx),
      mailer_(ctx.mailer),
      user_files_(ctx.user_files),
      open_speller_(ctx.open_speller) {}
Messaging::~Messaging() = default;

// ---- calls across areas --------------------------------------------------------

Result<std::vector<OpenPromise>> Learning::OpenPromisesOf(const std::vector<Event>& events,
                                                          const std::string& contact_name) {
  return app_.pipeline().OpenPromisesOf(events, contact_name);
}

Result<Event> Messaging::Record(const EventInput& in) { return app_.pipeline().Record(in); }

Result<std::vector<Contact>> DataInOut::ListContacts(const std::optional<std::string>& org_ref,
                                                     const std::optional<std::string>& tag) {
  return app_.records().ListContacts(org_ref, tag);
}

Result<Agenda> DataInOut::GetAgenda(int days, int limit) {
  return app_.pipeline().GetAgenda(days, limit);
}

Result<std::vector<PipelineEntry>> DataInOut::Board(
    const std::optional<std::string>& objective_ref) {
  return app_.pipeline().Board(objective_ref);
}

}  // namespace rapport
