#include "rapport/model/search_query.h"

#include <algorithm>
#include <cctype>

namespace rapport {

bool IsSearchWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<std::string_view> SearchWords(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsSearchWordByte(static_cast<unsigned char>(text[i]))) ++i;
    size_t end = i;
    while (end < text.size() && IsSearchWordByte(static_cast<unsigned char>(text[end]))) ++end;
    if (end > i) out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

Result<SearchQuery> ParseSearchQuery(std::string_view raw) {
  // Control characters (a NUL would end an engine's reading of a string)
  // are spaces.
  std::string cleaned(raw);
  for (char& c : cleaned) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  const std::string_view typed = cleaned;
  auto has_word = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return IsSearchWordByte(static_cast<unsigned char>(c)); });
  };
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  SearchQuery q;
  std::vector<SearchTerm> group;
  bool after_or = false;  // the last thing read was an OR
  size_t i = 0;
  while (i < typed.size()) {
    if (space(typed[i])) {
      ++i;
      continue;
    }
    if (typed[i] == '"') {
      size_t end = typed.find('"', i + 1);
      if (end == std::string_view::npos) end = typed.size();
      std::string_view phrase = typed.substr(i + 1, end - i - 1);
      i = end + 1;
      if (has_word(phrase)) {
        group.push_back({std::string(phrase), false});
        after_or = false;
      }
      continue;
    }
    size_t end = i;
    while (end < typed.size() && !space(typed[end]) && typed[end] != '"') ++end;
    std::string_view word = typed.substr(i, end - i);
    i = end;
    // OR between two terms; anywhere else it is the word "OR".
    if (word == "OR" && !group.empty() && !after_or) {
      q.any_of.push_back(std::move(group));
      group.clear();
      after_or = true;
      continue;
    }
    const bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    if (!has_word(word)) continue;
    group.push_back({std::string(word), prefix});
    after_or = false;
  }
  if (!group.empty()) q.any_of.push_back(std::move(group));
  if (q.any_of.empty()) {
    return Error::InvalidArgument("the search has no words; type a word, \"a phrase\" or word*");
  }
  return q;
}

}  // namespace rapport
