// What a full-text search finds, as a value: the store makes it (store/,
// Store::Search), the use cases and the faces show it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rapport/model/types.h"

namespace rapport {

// One full-text search result: which row, whose, and where the words are.
struct SearchHit {
  std::string kind;  // "note", "answer", or the event kind ("request_sent", ...)
  Id source_id = 0;  // the note, answer or event id
  std::optional<Id> contact_id;
  // The best passage of the text, with each matched word between \x02 and
  // \x03 (callers turn those into bold, <mark> or offsets).
  std::string snippet;
  double rank = 0;  // bm25: lower is better
};

// How many of the newest matching texts a search ranks. Ranking every match
// of a word found in most notes costs a second at 1,000,000 notes; the
// newest two thousand rank in about 15 ms (bm25 costs ~8 us a row), and are
// the ones a seeker means.
constexpr int kSearchRankWindow = 2000;

struct SearchQuery;

// A snippet of Markdown as plain text, its \x02 \x03 marks kept: links and
// images become their text ("[paper](https://...)" -> "paper", cut-off
// ones too), emphasis, code and strike-through marks go ("*clinic study*"
// -> "clinic study"), as do headings', quotes' and lists' markers at line
// starts, and backslash escapes; lines join with single spaces. HTML is
// left as written (a note about "<div>" says so; pages escape it).
std::string PlainSnippet(std::string_view marked);

// `name` with each place a word of `query` starts one of its words (after
// anything but a letter or digit, as the name index splits them; ASCII case
// folded) between \x02 and \x03, as a
// snippet's marks: "Priya Natarajan" for "nat" -> "Priya \x02Nat\x03arajan".
std::string MarkNamed(std::string_view name, const SearchQuery& query);

}  // namespace rapport
