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

namespace {

// The length of the well-formed UTF-8 sequence at s[i], or 0.
size_t Utf8Length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  unsigned cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

Result<SearchQuery> ParseSearchQuery(std::string_view raw) {
  // Control characters (a NUL would end an engine's reading of a string)
  // are spaces, and so is each byte that is not part of well-formed UTF-8
  // (PostgreSQL refuses a query holding one; SQLite would match nothing).
  std::string cleaned(raw);
  for (size_t i = 0; i < cleaned.size();) {
    const size_t n = Utf8Length(cleaned, i);
    if (n == 0) {
      cleaned[i++] = ' ';
      continue;
    }
    if (n == 1 && (static_cast<unsigned char>(cleaned[i]) < 0x20 || cleaned[i] == 0x7f)) {
      cleaned[i] = ' ';
    }
    i += n;
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
