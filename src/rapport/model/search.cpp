#include "rapport/model/search.h"

#include <cctype>
#include <algorithm>
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

bool StartsWith(std::string_view s, size_t i, std::string_view with) {
  return s.compare(i, with.size(), with) == 0;
}

// The first `c` at or after `from` on the same line (before any of `stops`),
// or npos.
size_t FindOnLine(std::string_view s, size_t from, char c, std::string_view stops = "") {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == c) return i;
    if (s[i] == '\n' || stops.find(s[i]) != std::string_view::npos) return std::string_view::npos;
  }
  return std::string_view::npos;
}

// Links, images and autolinks as their text; a link cut off by the
// snippet's start or end too. (By hand: std::regex costs a large header and
// trips GCC's -Wmaybe-uninitialized under the sanitizers.)
std::string Links(std::string_view s) {
  std::string out;
  size_t i = 0;
  // "study](https://…) was": the window opened inside a link's text.
  if (size_t close = FindOnLine(s, 0, ']', "["); close != std::string_view::npos &&
      close + 1 < s.size() && s[close + 1] == '(') {
    if (size_t end = FindOnLine(s, close + 2, ')'); end != std::string_view::npos) {
      out.append(s.substr(0, close));
      i = end + 1;
    }
  }
  while (i < s.size()) {
    const bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    const size_t open = image ? i + 1 : i;
    if (s[open] == '[') {
      const size_t close = FindOnLine(s, open + 1, ']', "[");
      if (close != std::string_view::npos && close + 1 < s.size() &&
          (s[close + 1] == '(' || s[close + 1] == '[')) {
        const char end_char = s[close + 1] == '(' ? ')' : ']';
        size_t end = FindOnLine(s, close + 2, end_char);
        if (end == std::string_view::npos && end_char == ')' &&
            s.find('\n', close + 2) == std::string_view::npos) {
          end = s.size() - 1;  // cut off by the window's end
        }
        if (end != std::string_view::npos) {
          out.append(s.substr(open + 1, close - open - 1));
          i = end + 1;
          continue;
        }
      }
    }
    if (s[i] == '<' && (StartsWith(s, i + 1, "http://") || StartsWith(s, i + 1, "https://") ||
                        StartsWith(s, i + 1, "mailto:"))) {
      size_t end = i + 1;
      while (end < s.size() && s[end] != '>' && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
      if (end < s.size() && s[end] == '>') {
        out.append(s.substr(i + 1, end - i - 1));
        i = end + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// The length of the markers at the start of `line`: quotes, a heading's
// hashes, a list item's bullet or number (and a task's box), a fence (the
// whole line).
size_t MarkerLength(std::string_view line) {
  size_t i = 0;
  for (bool more = true; more;) {
    more = false;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    auto space_after = [&](size_t j) { return j < line.size() && (line[j] == ' ' || line[j] == '\t'); };
    auto skip_spaces = [&](size_t j) {
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      return j;
    };
    if (StartsWith(line, i, "```") || StartsWith(line, i, "~~~")) return line.size();
    if (i < line.size() && line[i] == '>') {
      i = i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t') ? i + 2 : i + 1;
      more = true;
      continue;
    }
    size_t h = i;
    while (h < line.size() && line[h] == '#' && h - i < 6) ++h;
    if (h > i && space_after(h)) {
      i = skip_spaces(h);
      more = true;
      continue;
    }
    if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && space_after(i + 1)) {
      i = skip_spaces(i + 1);
      if (i + 2 < line.size() && line[i] == '[' && (line[i + 1] == ' ' || line[i + 1] == 'x' ||
                                                      line[i + 1] == 'X') && line[i + 2] == ']' &&
          space_after(i + 3)) {
        i = skip_spaces(i + 3);
      }
      more = true;
      continue;
    }
    size_t d = i;
    while (d < line.size() && d - i < 9 && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
    if (d > i && d < line.size() && (line[d] == '.' || line[d] == ')') && space_after(d + 1)) {
      i = skip_spaces(d + 1);
      more = true;
      continue;
    }
  }
  return i;
}

// Headings, quotes, list items and fences: the markers at a line's start.
std::string LineMarkers(std::string_view s) {
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view line = s.substr(start, end - start);
    out.append(line.substr(std::min(MarkerLength(line), line.size())));
    if (end == s.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string PlainSnippet(std::string_view marked) {
  const std::string s = Links(LineMarkers(marked));
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
