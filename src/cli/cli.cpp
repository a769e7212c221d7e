#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/errors.h"
#include "cli/typos.h"
#include "rapport/model/time.h"
#include "rapport/store/database.h"

namespace rapport::cli {

namespace {

constexpr RegisterFn kCommandGroups[] = {
    RegisterOrgCommands,   RegisterContactCommands, RegisterObjectiveCommands,
    RegisterEventCommands, RegisterViewCommands,    RegisterDataCommands, RegisterMessageCommands, RegisterDraftCommands,
    RegisterLearningCommands, RegisterInsightCommands,
    RegisterProfileCommands,
    RegisterServeCommands,
};

constexpr const char* kFooter = R"(
Start here:
  rapport objective add "Learn about UX research" --kind role --target 4
  rapport contact add "Ada Lovelace" --org "Analytical Engines" --email ada@example.org --degree first
  rapport target ada --objective ux
  rapport request ada
  rapport agenda

Data lives in $XDG_DATA_HOME/rapport/rapport.db (or --db PATH); settings in
$XDG_CONFIG_HOME/rapport/config.toml. Run 'rapport COMMAND --help' for details.)";

// Owns a Database and the App over it (with the same services as the
// command's App).
class OpenedDatabase final : public OtherDatabase {
 public:
  OpenedDatabase(std::unique_ptr<Database> db, const Clock& clock, Config config,
                 AppServices services)
      : db_(std::move(db)), app_(*db_, clock, std::move(config), 1, std::move(services)) {}
  App& app() override { return app_; }

 private:
  std::unique_ptr<Database> db_;
  App app_;
};

}  // namespace

int Fail(Context& ctx, const Error& e) {
  ctx.err << "error: " << WordError(e, ctx.command) << '\n';
  return kExitUserError;
}

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App root{"Rapport: run your informational interviews, from target list to lifelong contact.",
                "rapport"};
  root.fallthrough();
  root.require_subcommand(1);
  root.footer(kFooter);
  root.set_version_flag("--version", "rapport 0.1.0");

  std::optional<std::string> db_path, now_text, config_path;
  bool json = false;
  root.add_option("--db", db_path,
                  "Database: a SQLite file (default: $XDG_DATA_HOME/rapport/rapport.db) or a "
                  "postgresql:// URL (also RAPPORT_DB)")
      ->option_text("PATH|URL")
      ->envname("RAPPORT_DB");
  root.add_flag("--json", json, "Machine-readable output (an object, or an array for lists)");
  root.add_option("--now", now_text,
                  "Fix the clock, for scripts and demos (ISO-8601; also RAPPORT_NOW)")
      ->option_text("TIME")
      ->envname("RAPPORT_NOW");
  root.add_option("--config", config_path,
                  "Config file (default: $XDG_CONFIG_HOME/rapport/config.toml)")
      ->option_text("FILE");

  Runner selected;
  for (RegisterFn reg : kCommandGroups) reg(root, selected);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    root.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return root.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return root.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return root.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    if (args.empty()) {
      err << root.help() << '\n';
      return kExitUsage;
    }
    // A mistyped command or option: say which word, and the nearest name.
    if (auto unknown = FindUnknownWord(root, args)) {
      err << "rapport: " << unknown->message << '\n';
      return kExitUsage;
    }
    // Point at the help of the deepest command that was recognised.
    std::string path = "rapport";
    for (const CLI::App* cmd = &root;;) {
      auto subs = cmd->get_subcommands();
      if (subs.empty()) break;
      cmd = subs.front();
      path += " " + cmd->get_name();
    }
    err << "error: " << e.what() << " (see '" << path << " --help')\n";
    return kExitUsage;
  }
  if (!selected) {
    err << "error: choose a command (see 'rapport --help')\n";
    return kExitUsage;
  }

  // The deepest subcommand given: the one that runs.
  const CLI::App* command = &root;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();

  auto config = LoadConfig(config_path);
  if (!config) {
    err << "error: " << WordError(config.error(), command) << '\n';
    return kExitUserError;
  }
  SystemClock system_clock;
  std::unique_ptr<FixedClock> fixed;
  const Clock* clock = &system_clock;
  if (now_text) {
    auto t = ParseTime(*now_text, config->zone);
    if (!t) {
      err << "error: --now: " << t.error().message() << '\n';
      return kExitUsage;
    }
    fixed = std::make_unique<FixedClock>(*t);
    clock = fixed.get();
  }
  // The composition root: the only place in the CLI that opens a database.
  const std::string location = db_path.value_or(DefaultDatabasePath());
  auto db = OpenDatabase(location);
  if (!db) {
    err << "error: " << WordError(db.error(), command) << '\n';
    return kExitUserError;
  }
  std::string zone = config->zone;
  const Config config_copy = *config;
  // What the App is given beside the database, the clock and the config:
  // mail through libcurl, the user's words and templates from the config
  // folder, and Hunspell, opened on the first lint only.
  SmtpMailer mailer;
  const DirectoryUserFiles user_files(ConfigHome());
  AppServices services;
  services.mailer = &mailer;
  services.user_files = &user_files;
  services.open_speller = HunspellSpeller();
  App app(**db, *clock, std::move(*config), 1, services);
  // `rapport serve` watches for writes through a second connection to the
  // same location (any engine: OpenDatabase, like the App's).
  auto watch_changes = [location]() -> std::unique_ptr<ChangeWatcher> {
    auto connection = OpenDatabase(location);
    return connection.ok() ? WatchDatabase(std::move(*connection)) : nullptr;
  };
  Context ctx{app,  json, out, err, DetectStyle(&out == &std::cout ? STDOUT_FILENO : -1),
              zone, config_path.value_or(DefaultConfigPath()), {}, watch_changes, command};
  ctx.open_other = [clock, &config_copy, &services](const std::string& location)
      -> Result<std::unique_ptr<OtherDatabase>> {
    RAPPORT_ASSIGN_OR_RETURN(auto other, OpenDatabase(location));
    return std::unique_ptr<OtherDatabase>(
        std::make_unique<OpenedDatabase>(std::move(other), *clock, config_copy, services));
  };
  return selected(ctx);
}

}  // namespace rapport::cli
