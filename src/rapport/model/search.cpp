#include "rapport/model/search.h"

#include <cctype>
#include <regex>
#include <vector>

#include "rapport/model/search_query.h"

namespace rapport {

namespace {

bool Alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }
bool Mark(char c) { return c == '\x02' || c == '\x03'; }

// The nearest byte before `i` that is not a mark, or '\0'.
char Before(std::string_view s, size_t i) {
  while (i > 0) {
    if (!Mark(s[--i])) return s[i];
  }
  return '\0';
}

// The nearest byte from `i` on that is not a mark, or '\0'.
char After(std::string_view s, size_t i) {
  for (; i < s.size(); ++i) {
    if (!Mark(s[i])) return s[i];
  }
  return '\0';
}

// Links, images and autolinks as their text; a link cut off by the
// snippet's start or end too.
std::string Links(std::string s) {
  static const std::regex kLink(R"(!?\[([^\]\n]*)\]\([^)\n]*\))");
  static const std::regex kReference(R"(!?\[([^\]\n]*)\]\[[^\]\n]*\])");
  static const std::regex kCutAtEnd(R"(!?\[([^\]\n]*)\]\([^)\n]*$)");
  static const std::regex kCutAtStart(R"(^([^\[\]\n]*)\]\([^)\n]*\))");
  static const std::regex kAutolink(R"(<((?:https?|mailto):[^>\s]*)>)");
  s = std::regex_replace(s, kLink, "$1");
  s = std::regex_replace(s, kReference, "$1");
  s = std::regex_replace(s, kCutAtEnd, "$1");
  s = std::regex_replace(s, kCutAtStart, "$1");
  s = std::regex_replace(s, kAutolink, "$1");
  return s;
}

// Headings, quotes, list items and fences: the markers at a line's start.
std::string LineMarkers(const std::string& s) {
  static const std::regex kMarker(
      R"(^[ \t]*(?:(?:>[ \t]?)+|#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|```[^\n]*|~~~[^\n]*)+)",
      std::regex::multiline);
  return std::regex_replace(s, kMarker, "");
}

}  // namespace

std::string PlainSnippet(std::string_view marked) {
  const std::string s = Links(LineMarkers(std::string(marked)));
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      out += s[++i];  // an escaped character stands for itself
      continue;
    }
    if (c == '`') continue;
    if (c == '~' && i + 1 < s.size() && s[i + 1] == '~') {
      ++i;
      continue;
    }
    if (c == '*' || c == '_') {
      // Emphasis, not a star between spaces or an underscore inside a word
      // (snake_case).
      const char b = Before(s, i), a = After(s, i + 1);
      const bool inside_word = Alnum(b) && Alnum(a);
      const bool lone = (b == '\0' || std::isspace(static_cast<unsigned char>(b))) &&
                        (a == '\0' || std::isspace(static_cast<unsigned char>(a)));
      if (c == '_' ? !inside_word && !lone : !lone) continue;
    }
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    out += c;
  }
  // Single spaces, none at either end (marks do not count as text).
  std::string tidy;
  tidy.reserve(out.size());
  for (char c : out) {
    if (c == ' ' && (tidy.empty() || tidy.back() == ' ')) continue;
    tidy += c;
  }
  while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
  return tidy;
}

std::string MarkNamed(std::string_view name, const SearchQuery& query) {
  auto fold = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  std::vector<bool> lit(name.size(), false);
  for (const auto& alternative : query.any_of) {
    for (const auto& term : alternative) {
      for (std::string_view w : SearchWords(term.text)) {
        for (size_t i = 0; i + w.size() <= name.size(); ++i) {
          if (i > 0 && IsSearchWordByte(static_cast<unsigned char>(name[i - 1]))) continue;
          bool same = true;
          for (size_t k = 0; k < w.size() && same; ++k) same = fold(name[i + k]) == fold(w[k]);
          if (same) {
            for (size_t k = 0; k < w.size(); ++k) lit[i + k] = true;
          }
        }
      }
    }
  }
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (lit[i] && (i == 0 || !lit[i - 1])) out += '\x02';
    out += name[i];
    if (lit[i] && (i + 1 == name.size() || !lit[i + 1])) out += '\x03';
  }
  return out;
}

}  // namespace rapport
