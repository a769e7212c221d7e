#include "cli/typos.h"

#include <CLI/CLI.hpp>
#include <cctype>
#include <string_view>

#include "rapport/model/nearest.h"

namespace rapport::cli {

namespace {

// "--days", "-o": a word the parser reads as an option ("-5" is a value).
bool LooksLikeOption(const std::string& w) {
  if (w.size() < 2 || w[0] != '-') return false;
  const char c = w[1] == '-' ? (w.size() > 2 ? w[2] : '\0') : w[1];
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// The named subcommands of `cmd` (CLI11 keeps option groups as nameless ones).
std::vector<const CLI::App*> Commands(const CLI::App* cmd) {
  return cmd->get_subcommands([](const CLI::App* c) { return !c->get_name().empty(); });
}

const CLI::App* FindCommand(const CLI::App* cmd, const std::string& word) {
  for (const CLI::App* c : Commands(cmd)) {
    if (c->check_name(word)) return c;
  }
  return nullptr;
}

bool HasPositionals(const CLI::App* cmd) {
  return !cmd->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
}

// The option called `name` ("--days", "-o") of `cmd` or of a command above
// it (options fall through to the parents), or null.
const CLI::Option* FindOption(const CLI::App* cmd, const std::string& name) {
  for (const CLI::App* c = cmd; c != nullptr; c = c->get_parent()) {
    if (const CLI::Option* o = c->get_option_no_throw(name); o != nullptr && !o->get_positional()) {
      return o;
    }
  }
  return nullptr;
}

// "rapport contact add" -> "contact add"; "" for the root.
std::string PathOf(const CLI::App* cmd) {
  std::string path;
  for (const CLI::App* c = cmd; c != nullptr && c->get_parent() != nullptr; c = c->get_parent()) {
    path = c->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

std::string HelpOf(const CLI::App* cmd) {
  const std::string path = PathOf(cmd);
  return "(see 'rapport " + (path.empty() ? "" : path + " ") + "--help')";
}

// "'a'", "'a' or 'b'", "'a', 'b' or 'c'".
std::string Alternatives(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += i + 1 == names.size() ? " or " : ", ";
    s += "'" + names[i] + "'";
  }
  return s;
}

UnknownWord NotACommand(const CLI::App* cmd, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* c : Commands(cmd)) names.push_back(c->get_name());
  const std::vector<std::string_view> views(names.begin(), names.end());
  const std::string prefix = PathOf(cmd).empty() ? "" : PathOf(cmd) + " ";
  std::vector<std::string> near;
  for (std::string_view n : Nearest(word, views)) near.push_back(prefix + std::string(n));
  std::string message = "'" + prefix + word + "' is not a command";
  if (near.empty()) {
    message += " " + HelpOf(cmd);
  } else {
    message += "; did you mean " + Alternatives(near) + "?";
  }
  return {message, word};
}

UnknownWord NotAnOption(const CLI::App* cmd, const std::string& word) {
  // Long names of this command's options and of those it inherits, without
  // their dashes (the distance is over the name, not the punctuation).
  std::vector<std::string> names;
  for (const CLI::App* c = cmd; c != nullptr; c = c->get_parent()) {
    for (const CLI::Option* o : c->get_options()) {
      for (const std::string& l : o->get_lnames()) names.push_back(l);
    }
  }
  const std::vector<std::string_view> views(names.begin(), names.end());
  std::vector<std::string> near;
  if (word.rfind("--", 0) == 0) {
    for (std::string_view n : Nearest(word.substr(2), views)) near.push_back("--" + std::string(n));
  }
  const std::string path = PathOf(cmd);
  std::string message =
      "'" + word + "' is not an option" + (path.empty() ? "" : " of '" + path + "'");
  if (near.empty()) {
    message += " " + HelpOf(cmd);
  } else {
    message += "; did you mean " + Alternatives(near) + "?";
  }
  return {message, word};
}

}  // namespace

std::optional<UnknownWord> FindUnknownWord(const CLI::App& root,
                                           const std::vector<std::string>& args) {
  const CLI::App* cmd = &root;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& w = args[i];
    if (w == "--") break;
    if (LooksLikeOption(w)) {
      const bool is_long = w[1] == '-';
      const size_t eq = w.find('=');
      const std::string name = is_long ? w.substr(0, eq) : w.substr(0, 2);
      const CLI::Option* o = FindOption(cmd, name);
      if (o == nullptr) return NotAnOption(cmd, name);
      // Its value is the next word unless it came attached ("--db=x", "-ofile").
      const bool attached = is_long ? eq != std::string::npos : w.size() > 2;
      if (o->get_items_expected_max() > 0 && o->get_items_expected_min() > 0 && !attached) ++i;
      continue;
    }
    if (const CLI::App* sub = FindCommand(cmd, w)) {
      cmd = sub;
      continue;
    }
    // A word where only a command can stand.
    if (!Commands(cmd).empty() && !HasPositionals(cmd)) return NotACommand(cmd, w);
  }
  return std::nullopt;
}

}  // namespace rapport::cli
