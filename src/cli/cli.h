// The `rapport` command line: noun-verb commands over app/. Each command
// group lives in its own file and registers itself in kCommandGroups
// (cli.cpp). Commands only parse options, call App, and print.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.h"
#include "rapport/app/app.h"
#include "rapport/app/change_watcher.h"

namespace CLI {
class App;
}

namespace rapport::cli {

// A second database opened by a command, and the App over it.
class OtherDatabase {
 public:
  virtual ~OtherDatabase() = default;
  virtual App& app() = 0;
};

// What every command gets once the database is open.
struct Context {
  App& app;
  bool json = false;
  std::ostream& out;
  std::ostream& err;
  Style style;       // for `out`
  std::string zone;  // the user's zone, for showing times
  // The config file: --config, else the default path (which may not exist).
  std::string config_path;
  // Opens another database (a file path or a postgresql:// URL) with the
  // same clock and config, for commands that write into a second one
  // (copy-db). Wired by the composition root (cli.cpp).
  std::function<Result<std::unique_ptr<OtherDatabase>>(const std::string& location)> open_other;
  // Opens a watcher of the database the App was opened from (a connection
  // of its own), for `rapport serve`'s read cache; null when it cannot.
  std::function<std::unique_ptr<ChangeWatcher>()> watch_changes;
  // The subcommand that runs: errors name its flags (errors.h).
  const CLI::App* command = nullptr;
};

// Exit codes (ARCHITECTURE.md): 0 ok, 1 user error, 2 usage.
constexpr int kExitOk = 0;
constexpr int kExitUserError = 1;
constexpr int kExitUsage = 2;

// The command chosen on the command line, run after global options are known.
using Runner = std::function<int(Context&)>;

// Registration: each group adds its subcommands to `root` and, when one of
// them is parsed, stores what to run in `selected`.
using RegisterFn = void (*)(CLI::App& root, Runner& selected);

void RegisterOrgCommands(CLI::App& root, Runner& selected);
void RegisterContactCommands(CLI::App& root, Runner& selected);
void RegisterObjectiveCommands(CLI::App& root, Runner& selected);
void RegisterEventCommands(CLI::App& root, Runner& selected);
void RegisterViewCommands(CLI::App& root, Runner& selected);
void RegisterDataCommands(CLI::App& root, Runner& selected);
void RegisterMessageCommands(CLI::App& root, Runner& selected);
void RegisterDraftCommands(CLI::App& root, Runner& selected);
void RegisterLearningCommands(CLI::App& root, Runner& selected);
void RegisterInsightCommands(CLI::App& root, Runner& selected);
void RegisterProfileCommands(CLI::App& root, Runner& selected);
void RegisterServeCommands(CLI::App& root, Runner& selected);

// Prints "error: <message>" on one line, worded for the command line (the
// field's flag, hints that name commands: errors.h), and returns
// kExitUserError.
// With --json, {"error": {"kind", "message", "field"}} on stdout instead
// (errors.h, Report), with the same exit code.
int Fail(Context& ctx, const Error& e);
// A command line that cannot run as given ("say --yes or --no"): "error:
// MESSAGE" or, with --json, {"error": {"kind": "usage", ...}}, about the
// flag `field` when there is one; returns kExitUsage.
int FailUsage(Context& ctx, std::string message, std::string field = "");

// Writes `data` to `out` when `path` is "" or "-", else to the file `path`
// through a temporary file beside it and a rename: never half a file.
Status WriteOutput(const std::string& path, const std::string& data, std::ostream& out);

// Runs rapport with `args` (without the program name).
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace rapport::cli
