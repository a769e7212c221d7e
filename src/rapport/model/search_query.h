// What a seeker types into search, read once into a form no engine owns:
// words and "quoted phrases", all of which must appear (in any order); a
// trailing * makes a word a prefix; OR between two words or phrases offers
// either. As in most search boxes, OR binds loosest: `a OR b c` finds a, or
// b with c. Each engine renders this its own way (FTS5's MATCH syntax,
// PostgreSQL's tsquery) in store/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/error.h"

namespace rapport {

struct SearchTerm {
  std::string text;     // a word or a phrase, as typed (control characters as spaces)
  bool prefix = false;  // word*: any word that starts with text
  bool operator==(const SearchTerm&) const = default;
};

struct SearchQuery {
  // Alternatives, any of which may match; each holds terms that must all.
  std::vector<std::vector<SearchTerm>> any_of;
  bool operator==(const SearchQuery&) const = default;
};

// True for the bytes words are made of: ASCII letters and digits, and every
// byte of a non-ASCII character (as FTS5's unicode61 tokenizer counts them).
bool IsSearchWordByte(unsigned char c);

// The runs of word bytes in `text`: "UX-design, v2" -> UX, design, v2.
std::vector<std::string_view> SearchWords(std::string_view text);

// Reads `typed`. Error (invalid_argument, field "query") when it holds no
// word at all, e.g. only punctuation or quotes.
Result<SearchQuery> ParseSearchQuery(std::string_view typed);

}  // namespace rapport
