// Messages: the etiquette linter over the records.
#include <cstdlib>
#include <fstream>
#include <set>

#include "rapport/app/app.h"
#include "rapport/messages/spelling.h"

namespace rapport {

namespace {

// Splits names and titles into the words a message would use.
void AddWords(std::set<std::string>& out, std::string_view text) {
  std::string word;
  auto flush = [&] {
    if (word.size() > 1) out.insert(word);
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '/' || c == '&' || c == '"') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
}

std::string WordListPath() {
  const char* v = std::getenv("XDG_CONFIG_HOME");
  std::string base = v && *v == '/' ? v : std::string(std::getenv("HOME") ? std::getenv("HOME") : ".") + "/.config";
  return base + "/rapport/words.txt";
}

}  // namespace

Result<std::vector<Finding>> App::Lint(std::string_view text, MessageKind kind) {
  if (!speller_) {
    auto sp = OpenHunspell();
    if (!sp) return sp.error();
    speller_ = std::move(*sp);
  }
  std::set<std::string> words;
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts());
  for (const auto& c : contacts) AddWords(words, c.name);
  RAPPORT_ASSIGN_OR_RETURN(auto orgs, store_.ListOrganizations());
  for (const auto& o : orgs) AddWords(words, o.name);
  RAPPORT_ASSIGN_OR_RETURN(auto objectives, store_.ListObjectives());
  for (const auto& o : objectives) AddWords(words, o.title);
  AddWords(words, config_.user_name);
  std::ifstream list(WordListPath());
  for (std::string line; std::getline(list, line);) {
    if (!line.empty() && line[0] != '#') AddWords(words, line);
  }
  LintContext ctx;
  ctx.kind = kind;
  ctx.known_words.assign(words.begin(), words.end());
  ctx.speller = speller_.get();
  return rapport::Lint(text, ctx);
}

}  // namespace rapport
