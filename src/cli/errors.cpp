#include "cli/errors.h"

#include <CLI/CLI.hpp>
#include <array>

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

std::string WordError(const Error& e, const CLI::App* command) {
  const std::string flag = FlagFor(command, e.field());
  std::string line = flag.empty() ? e.message() : flag + ": " + e.message();
  std::string hint;
  const std::string path = CommandPath(command);
  if (e.code() == ErrorCode::kNotFound ||
      (e.code() == ErrorCode::kInvalidArgument && !e.subject().empty())) {
    hint = ListHint(e.subject());
  } else if (e.code() == ErrorCode::kInvalidArgument && flag.empty()) {
    if (path == "sheet" && e.field() == "name") {
      hint = "with 'rapport profile set name \"Your Name\"'";
    } else if (e.field() == "fit") {
      hint = "rate a meeting with 'rapport met CONTACT --fit N'";
    } else if (path == "draft" || path == "send") {
      hint = ContactDetailHint(e.field());  // the recipient's details
    }
  } else if (e.code() == ErrorCode::kConflict && e.field() == "db") {
    hint = "e.g. --db NEW_FILE";
  }
  if (!hint.empty()) line += " (" + hint + ")";
  return line;
}

}  // namespace rapport::cli
