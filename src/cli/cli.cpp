#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "cli/errors.h"
#include "cli/pager.h"
#include "cli/shell.h"
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

// The man page's date: the month of the version below.
constexpr const char* kManDate = "December 2026";

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
  return Report(ProblemOf(e, ctx.command), ctx.json, ctx.out, ctx.err, kExitUserError);
}

int FailUsage(Context& ctx, std::string message, std::string field) {
  return Report({"usage", std::move(message), std::move(field)}, ctx.json, ctx.out, ctx.err,
                kExitUsage);
}

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App root{"Rapport: run your informational interviews, from target list to lifelong contact.",
                "rapport"};
  root.fallthrough();
  root.require_subcommand(1);
  root.footer(kFooter);
  root.set_version_flag("--version", "rapport 0.1.0");

  std::optional<std::string> db_path, now_text, config_path;
  bool json = false, no_pager = false;
  root.add_option("--db", db_path,
                  "Database: a SQLite file (default: $XDG_DATA_HOME/rapport/rapport.db) or a "
                  "postgresql:// URL (also RAPPORT_DB)")
      ->option_text("PATH|URL")
      ->envname("RAPPORT_DB");
  root.add_flag("--json", json, "Machine-readable output (an object, or an array for lists)");
  root.add_flag("--no-pager", no_pager,
                "Do not send long listings through $PAGER (they are, on a terminal only)");
  root.add_option("--now", now_text,
                  "Fix the clock, for scripts and demos (ISO-8601; also RAPPORT_NOW)")
      ->option_text("TIME")
      ->envname("RAPPORT_NOW");
  root.add_option("--config", config_path,
                  "Config file (default: $XDG_CONFIG_HOME/rapport/config.toml)")
      ->option_text("FILE");

  Runner selected;
  for (RegisterFn reg : kCommandGroups) reg(root, selected);
  // Written from the command table itself, before anything is opened.
  std::string shell, man_file;
  auto* completions = root.add_subcommand(
      "completions", "Print the completion script for your shell: bash, zsh or fish");
  completions->add_option("SHELL", shell, "bash, zsh or fish")->required();
  completions->footer(
      "Install it once:\n"
      "  bash: rapport completions bash > ~/.local/share/bash-completion/completions/rapport\n"
      "  zsh:  rapport completions zsh > ~/.zfunc/_rapport   (with fpath+=~/.zfunc before compinit)\n"
      "  fish: rapport completions fish > ~/.config/fish/completions/rapport.fish");
  // The man page, written by the build (build/rapport.1); not a command to
  // list.
  auto* manpage = root.add_subcommand("manpage", "Write the manual page (roff) to FILE or stdout");
  manpage->group("");
  manpage->add_option("FILE", man_file, "Where to write it");

  // --json as typed, for the errors of a command line the parser refused
  // (when it accepts one, `json` says).
  bool wants_json = false;
  for (const auto& a : args) {
    if (a == "--") break;
    if (a == "--json") wants_json = true;
  }
  auto usage = [&](std::string message, std::string field = "", std::string lead = "error: ") {
    return Report({"usage", std::move(message), std::move(field), std::move(lead)},
                  wants_json || json, out, err, kExitUsage);
  };

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
      const bool option = unknown->word.rfind("-", 0) == 0;
      return usage(unknown->message, option ? unknown->word : "", "rapport: ");
    }
    // Point at the help of the deepest command that was recognised.
    std::string path = "rapport";
    for (const CLI::App* cmd = &root;;) {
      auto subs = cmd->get_subcommands();
      if (subs.empty()) break;
      cmd = subs.front();
      path += " " + cmd->get_name();
    }
    return usage(std::string(e.what()) + " (see '" + path + " --help')");
  }
  if (completions->parsed()) {
    auto script = CompletionScript(root, shell);
    if (!script) {
      return usage("'" + shell + "' is not a shell Rapport completes; use bash, zsh or fish", "SHELL");
    }
    out << *script;
    return kExitOk;
  }
  if (manpage->parsed()) {
    auto written = WriteOutput(man_file, ManPage(root, kManDate), out);
    if (!written) return Report({"storage", written.error().message(), "FILE"}, json, out, err, kExitUserError);
    return kExitOk;
  }
  if (!selected) return usage("choose a command (see 'rapport --help')");

  // The deepest subcommand given: the one that runs.
  const CLI::App* command = &root;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();

  auto config = LoadConfig(config_path);
  if (!config) {
    return Report(ProblemOf(config.error(), command), json, out, err, kExitUserError);
  }
  SystemClock system_clock;
  std::unique_ptr<FixedClock> fixed;
  const Clock* clock = &system_clock;
  if (now_text) {
    auto t = ParseTime(*now_text, config->zone);
    if (!t) return usage(t.error().message(), "--now");
    fixed = std::make_unique<FixedClock>(*t);
    clock = fixed.get();
  }
  // The composition root: the only place in the CLI that opens a database.
  const std::string location = db_path.value_or(DefaultDatabasePath());
  auto db = OpenDatabase(location);
  if (!db) return Report(ProblemOf(db.error(), command), json, out, err, kExitUserError);
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
  // A listing on a terminal is written to a buffer first, then through the
  // pager when it is longer than the terminal (pager.h).
  const int out_fd = &out == &std::cout ? STDOUT_FILENO : -1;
  std::string path;
  for (const CLI::App* c = command; c != nullptr && c->get_parent() != nullptr;
       c = c->get_parent()) {
    path = c->get_name() + (path.empty() ? "" : " " + path);
  }
  const size_t rows = TerminalRows(out_fd);
  const bool page = rows > 0 && !json && !no_pager && IsListing(path);
  std::ostringstream buffer;
  Context ctx{app,  json, page ? buffer : out, err, DetectStyle(out_fd),
              zone, config_path.value_or(DefaultConfigPath()), {}, watch_changes, command};
  ctx.open_other = [clock, &config_copy, &services](const std::string& location)
      -> Result<std::unique_ptr<OtherDatabase>> {
    RAPPORT_ASSIGN_OR_RETURN(auto other, OpenDatabase(location));
    return std::unique_ptr<OtherDatabase>(
        std::make_unique<OpenedDatabase>(std::move(other), *clock, config_copy, services));
  };
  const int code = selected(ctx);
  if (page) WritePaged(buffer.str(), rows, out);
  return code;
}

}  // namespace rapport::cli
