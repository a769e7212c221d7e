#include "cli/errors.h"

#include <CLI/CLI.hpp>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>

#include "rapport/present/json.h"

namespace rapport::cli {

namespace {

// Field -> the flags that may carry it, first match wins. One table for
// every command: where commands differ (the meeting's time is --at on
// `schedule`, an organization is --to on `network`), each lists the flag it
// has, and the command's own options decide. Fields missing here are
// spelled as a flag of the same name ("email" -> --email).
struct FieldFlags {
  std::string_view field;
  std::array<std::string_view, 2> flags;
};
constexpr FieldFlags kFieldFlags[] = {
    {"meeting_at", {"--at"}},
    {"meeting_tz", {"--tz"}},
    {"meeting_minutes", {"--minutes"}},
    {"meeting_mode", {"--mode"}},
    {"meeting_place", {"--where"}},
    {"body", {"--note"}},  // an event's note (a note's own text is TEXT)
    {"tags", {"--tag", "--add-tag"}},
    {"org", {"--org", "--to"}},
    {"how_we_met", {"--how-we-met"}},
};

bool HasOption(const CLI::App* app, std::string_view flag) {
  return app != nullptr && app->get_option_no_throw(std::string(flag)) != nullptr;
}

// The hint a terminal user needs to find a record's reference.
std::string_view ListHint(std::string_view subject) {
  if (subject == "contact") return "see 'rapport contact list'";
  if (subject == "organization") return "see 'rapport org list'";
  if (subject == "objective") return "see 'rapport objective list'";
  if (subject == "question") return "see 'rapport question list'";
  if (subject == "note") return "see 'rapport notes'";
  if (subject == "promise") return "see the ids in 'rapport timeline CONTACT'";
  if (subject == "calendar") return "see 'rapport calendar-feed'";
  return "";
}

// A contact's detail a command needs but does not take: where to set it.
std::string_view ContactDetailHint(std::string_view field) {
  if (field == "email") return "with 'rapport contact edit CONTACT --email ADDRESS'";
  if (field == "introducer") {
    return "with 'rapport contact edit CONTACT --introducer REF'";
  }
  return "";
}

std::string CommandPath(const CLI::App* command) {
  std::string path;
  for (const CLI::App* c = command; c != nullptr && c->get_parent() != nullptr;
       c = c->get_parent()) {
    path = c->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

}  // namespace

std::string FlagFor(const CLI::App* command, std::string_view field) {
  if (field.empty() || command == nullptr) return "";
  const CLI::App* root = command;
  while (root->get_parent() != nullptr) root = root->get_parent();
  for (const auto& f : kFieldFlags) {
    if (f.field != field) continue;
    for (auto flag : f.flags) {
      if (!flag.empty() && HasOption(command, flag)) return std::string(flag);
    }
    return "";
  }
  std::string flag = "--" + std::string(field);
  for (char& c : flag) {
    if (c == '_') c = '-';
  }
  if (HasOption(command, flag) || HasOption(root, flag)) return flag;
  return "";
}

namespace {

// The hint a terminal user can follow, or "".
std::string HintFor(const Error& e, const CLI::App* command, const std::string& flag) {
  const std::string path = CommandPath(command);
  if (e.code() == ErrorCode::kNotFound ||
      (e.code() == ErrorCode::kInvalidArgument && !e.subject().empty())) {
    return std::string(ListHint(e.subject()));
  }
  if (e.code() == ErrorCode::kInvalidArgument && flag.empty()) {
    if (path == "sheet" && e.field() == "name") {
      return "with 'rapport profile set name \"Your Name\"'";
    }
    if (e.field() == "fit") return "rate a meeting with 'rapport met CONTACT --fit N'";
    if (path == "draft" || path == "send") {
      return std::string(ContactDetailHint(e.field()));  // the recipient's details
    }
    return "";
  }
  if (e.code() == ErrorCode::kConflict && e.field() == "db") return "e.g. --db NEW_FILE";
  return "";
}

// The positional argument of `command` that carries `field`: the one of
// that name ("CONTACT" for "contact"), else for a reference the command's
// REF ("rapport contact show REF"); "" when none does.
std::string PositionalFor(const CLI::App* command, const Error& e) {
  if (e.field().empty() || command == nullptr) return "";
  std::string name = e.field();
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  bool has_ref = false;
  for (const CLI::Option* o : command->get_options()) {
    if (!o->get_positional()) continue;
    if (o->get_name() == name) return name;
    has_ref = has_ref || o->get_name() == "REF";
  }
  return has_ref && !e.subject().empty() ? "REF" : "";
}

}  // namespace

Problem ProblemOf(const Error& e, const CLI::App* command) {
  Problem p;
  p.kind = present::ErrorKindName(e.code());
  const std::string flag = FlagFor(command, e.field());
  p.field = flag.empty() ? PositionalFor(command, e) : flag;
  p.message = e.message();
  const std::string hint = HintFor(e, command, flag);
  if (!hint.empty()) p.message += " (" + hint + ")";
  return p;
}

int Report(const Problem& p, bool json, std::ostream& out, std::ostream& err, int exit_code) {
  if (json) {
    out << present::ErrorJson(p.kind, p.message, p.field)
               .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  } else {
    // The core's errors name their flag first ("error: --at: ..."); a
    // command line not understood quotes the word in its message already.
    const bool flag = p.field.rfind("-", 0) == 0 && p.lead == "error: ";
    err << p.lead << (flag ? p.field + ": " : "") << p.message << '\n';
  }
  return exit_code;
}

}  // namespace rapport::cli
