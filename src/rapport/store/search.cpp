// Full-text search over notes, answers and the bodies of events, one query
// language (model/search_query.h) on two engines:
//  - SQLite: an FTS5 table (migration 5), MATCH syntax, snippet(), and
//    rapport_rank (sqlite_database.cpp), bm25 without its IDF factor.
//  - PostgreSQL: a tsvector column under a GIN index (migration 5), words
//    folded as FTS5 folds them (the rapport_search configuration),
//    to_tsquery(), ts_headline() and ts_rank().
// Both rank only the kSearchRankWindow most recent matches (a common word
// matches most texts, and ranking them all costs hundreds of milliseconds),
// order best first with the most recent first among equals, and mark the
// matched words of a snippet between \x02 and \x03.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rapport/store/search_syntax.h"
#include "rapport/store/store.h"
#include "rapport/store/store_internal.h"

namespace rapport {

using store_internal::Int;

namespace {

// The characters that separate words as FTS5's unicode61 and SearchWords
// separate them (every ASCII one but letters and digits), as a regular
// expression of PostgreSQL's: the text's words are made (migration 9) and
// its headline is cut from the text with each of them replaced by a space.
constexpr const char* kWordBreaks = "[\\x01-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]";

// The text as the headline saw it: kWordBreaks as spaces, byte for byte.
std::string SpacedOut(std::string_view body) {
  std::string out(body);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x01 && u <= 0x7f && !std::isalnum(u)) c = ' ';
  }
  return out;
}

// ts_headline's options: the markers, and about FTS5's 16 words.
constexpr const char* kHeadlineOptions =
    "StartSel=\x02, StopSel=\x03, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, "
    "FragmentDelimiter=\" \xE2\x80\xA6 \"";

bool HasWord(std::string_view s) {
  for (char c : s) {
    if (IsSearchWordByte(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The snippet as FTS5 gives it: ts_headline marks each matched word, FTS5
// a phrase's words as one span ("\x02design systems\x03"), so marks
// around the consecutive words of a quoted phrase of the query are joined;
// and "…" where the passage starts after the text's first word or ends
// before its last, as FTS5's snippet() does.
std::string AsFts5Snippet(std::string headline, std::string_view body, const SearchQuery& q) {
  std::vector<std::vector<std::string>> phrases;
  for (const auto& group : q.any_of) {
    for (const auto& t : group) {
      auto words = SearchWords(t.text);
      if (words.size() < 2 || t.prefix) continue;
      std::vector<std::string> folded;
      for (auto w : words) folded.push_back(FoldAscii(w));
      phrases.push_back(std::move(folded));
    }
  }
  if (!phrases.empty()) {
    struct Mark {
      size_t open, close;  // offsets of \x02 and \x03
      std::string word;
    };
    std::vector<Mark> marks;
    for (size_t i = headline.find('\x02'); i != std::string::npos;
         i = headline.find('\x02', i + 1)) {
      const size_t close = headline.find('\x03', i);
      if (close == std::string::npos) break;
      marks.push_back({i, close, FoldAscii(std::string_view(headline).substr(i + 1, close - i - 1))});
    }
    std::vector<bool> join(marks.size(), false);  // join mark k with k + 1
    for (size_t k = 0; k < marks.size(); ++k) {
      for (const auto& p : phrases) {
        if (k + p.size() > marks.size()) continue;
        bool match = true;
        for (size_t j = 0; j < p.size() && match; ++j) {
          match = marks[k + j].word == p[j] &&
                  (j == 0 || !HasWord(std::string_view(headline).substr(
                                 marks[k + j - 1].close + 1,
                                 marks[k + j].open - marks[k + j - 1].close - 1)));
        }
        if (!match) continue;
        for (size_t j = 0; j + 1 < p.size(); ++j) join[k + j] = true;
      }
    }
    std::string joined;
    joined.reserve(headline.size());
    size_t from = 0;
    for (size_t k = 0; k + 1 < marks.size(); ++k) {
      if (!join[k]) continue;
      joined.append(headline, from, marks[k].close - from);  // up to the \x03
      joined.append(headline, marks[k].close + 1, marks[k + 1].open - marks[k].close - 1);
      from = marks[k + 1].open + 1;  // after the next \x02
    }
    joined.append(headline, from, std::string::npos);
    headline = std::move(joined);
  }
  std::string plain;
  plain.reserve(headline.size());
  for (char c : headline) {
    if (c != '\x02' && c != '\x03') plain += c;
  }
  // The headline was cut from the spaced-out text: the same bytes at the
  // same offsets but for the separators, which come back from the text.
  const size_t at = SpacedOut(body).find(plain);
  if (plain.empty() || at == std::string_view::npos) return headline;
  for (size_t i = 0, k = at; i < headline.size(); ++i) {
    if (headline[i] != '\x02' && headline[i] != '\x03') headline[i] = body[k++];
  }
  // ts_headline leaves out the punctuation before the first word and after
  // the last, which FTS5 keeps when its passage reaches the text's ends.
  const std::string_view before = body.substr(0, at);
  const std::string_view after = body.substr(at + plain.size());
  if (HasWord(before)) {
    headline.insert(0, "\xE2\x80\xA6");
  } else {
    headline.insert(0, before.substr(before.find_first_not_of(" \t\r\n") == std::string_view::npos
                                         ? before.size()
                                         : before.find_first_not_of(" \t\r\n")));
  }
  if (HasWord(after)) {
    headline += "\xE2\x80\xA6";
  } else {
    headline += after.substr(0, after.find_last_not_of(" \t\r\n") + 1);
  }
  return headline;
}

}  // namespace

// Quoted, so punctuation and FTS5's own operators are plain text; OR binds
// loosest in FTS5 too.
std::string ToFts5(const SearchQuery& q) {
  std::string out;
  for (const auto& group : q.any_of) {
    if (!out.empty()) out += " OR ";
    bool first = true;
    for (const auto& t : group) {
      if (!first) out += ' ';
      first = false;
      out += '"';
      for (char c : t.text) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
      if (t.prefix) out += '*';
    }
  }
  return out;
}

// tsquery syntax: each term's words joined by <-> (followed by), so a
// phrase stays a phrase; a prefix's last word gets :*; terms joined by &,
// alternatives by |. The words hold only letters, digits and non-ASCII
// bytes, never an operator of tsquery's. Empty when no term has a word.
std::string ToTsquery(const SearchQuery& q) {
  std::string out;
  for (const auto& group : q.any_of) {
    std::string terms;
    for (const auto& t : group) {
      const auto words = SearchWords(t.text);
      if (words.empty()) continue;
      if (!terms.empty()) terms += " & ";
      terms += '(';
      for (size_t i = 0; i < words.size(); ++i) {
        if (i) terms += " <-> ";
        terms += words[i];
      }
      if (t.prefix) terms += ":*";
      terms += ')';
    }
    if (terms.empty()) continue;
    if (!out.empty()) out += " | ";
    out += '(' + terms + ')';
  }
  return out;
}

Result<SearchHits> Store::Search(const SearchQuery& query, int limit) {
  SearchHits out;
  if (db_.Engine() == "postgresql") {
    const std::string tsq = ToTsquery(query);
    if (tsq.empty()) return out;
    // The window's edge, the (kSearchRankWindow + 1)th newest match, found
    // by probing id ranges newest first. One query that asks for the newest
    // matches leaves the planner to choose between walking ids backwards
    // (200 ms for a word in one text of a hundred) and reading every match
    // the GIN index gives (1.5 s for a common word); within a bounded range
    // either is fast. The first range holds the newest ~8,000 texts: a
    // common word fills the window there. Otherwise the matches it found
    // say how far back the window reaches, and the next range goes about
    // that far; none at all means a rare word, whose matches are read at
    // once. Each probe reads the word's GIN entries again, so few is better.
    RAPPORT_ASSIGN_OR_RETURN(
        auto top, db_.Query("SELECT MAX(id) FROM search_text WHERE workspace_id = $1", {Int(ws_)}));
    if (top.empty() || top[0].IsNull(0)) return out;
    const std::int64_t newest = top[0].Int(0) + 1;
    const std::int64_t window = kSearchRankWindow + 1;
    std::int64_t hi = newest;
    std::int64_t span = 16 * window;
    std::int64_t matched = 0;
    std::optional<std::int64_t> edge;
    for (;;) {
      const std::int64_t lo = hi - span;
      const bool last = lo <= 0;  // ids start at 1
      // Every match in the range, not the newest few by ORDER BY and LIMIT:
      // with those the planner walks the range's ids backwards, testing
      // each text (450 ms over 100,000 texts for a word in one of forty),
      // where intersecting the GIN index with the range costs 30.
      RAPPORT_ASSIGN_OR_RETURN(
          auto found,
          db_.Query(std::string("SELECT id FROM search_text WHERE workspace_id = $1 AND "
                                "words @@ to_tsquery('rapport_search', $2) AND id < $3") +
                        (last ? "" : " AND id >= $4"),
                    {Int(ws_), Value{std::string_view(tsq)}, Int(hi), Int(lo)}));
      std::vector<std::int64_t> ids;
      ids.reserve(found.size());
      for (const auto& r : found) ids.push_back(r.Int(0));
      const std::int64_t need = window - matched;
      if (static_cast<std::int64_t>(ids.size()) >= need) {
        std::nth_element(ids.begin(), ids.begin() + (need - 1), ids.end(), std::greater<>());
        edge = ids[static_cast<size_t>(need - 1)];
        break;
      }
      matched += static_cast<std::int64_t>(ids.size());
      if (last) break;
      hi = lo;
      const std::int64_t covered = newest - lo;
      // Half as far again as the matches so far say, and at least twice
      // as far as covered; a rare word goes to the end at once.
      span = matched == 0 ? hi
                          : std::max(covered, covered * (window - matched) * 3 / (2 * matched));
    }
    out.windowed = edge.has_value();
    // m: the window's matches; best: their best, ranked; then snippets.
    RAPPORT_ASSIGN_OR_RETURN(
        auto rows,
        db_.Query(
            "WITH q AS (SELECT to_tsquery('rapport_search', $2) AS q), "
            "m AS (SELECT s.id, s.kind, s.contact_id, s.body, s.words FROM search_text s "
            "  WHERE s.workspace_id = $1 AND s.words @@ to_tsquery('rapport_search', $2) "
            "  AND s.id > $4), "
            "best AS (SELECT m.id, m.kind, m.contact_id, m.body, "
            "  -ts_rank(m.words, q.q, 1) AS score FROM m, q ORDER BY score, m.id DESC LIMIT $3) "
            "SELECT best.id, best.kind, best.contact_id, "
            "ts_headline('rapport_search', regexp_replace(best.body, $6, ' ', 'g'), q.q, $5), "
            "best.score, best.body FROM best, q ORDER BY best.score, best.id DESC",
            {Int(ws_), Value{std::string_view(tsq)}, Int(limit), Int(edge.value_or(0)),
             Value{std::string_view(kHeadlineOptions)}, Value{std::string_view(kWordBreaks)}}));
    out.hits.reserve(rows.size());
    for (const auto& r : rows) {
      SearchHit h;
      h.source_id = r.Int(0) / 4;
      h.kind = r.Text(1);
      h.contact_id = r.OptInt(2);
      h.snippet = AsFts5Snippet(r.Text(3), r.Text(5), query);
      h.rank = r.Double(4);
      out.hits.push_back(std::move(h));
    }
    return out;
  }

  // FTS5 walks matches in rowid order cheaply and takes a rowid bound into
  // its index walk, so the window costs one short scan and then ranks only
  // the rows above it. The workspace filter reads each match's stored row (a
  // page read per match: 12 to 35 ms for 2,000 matches in a new process),
  // so it is left out when the database holds one workspace only.
  const std::string fts_query = ToFts5(query);
  RAPPORT_ASSIGN_OR_RETURN(auto spaces, db_.Query("SELECT COUNT(*) FROM workspace"));
  const bool shared = spaces.at(0).Int(0) > 1;
  const std::string scope = shared ? " AND workspace_id = $1" : "";
  RAPPORT_ASSIGN_OR_RETURN(
      auto edge,
      db_.Query("SELECT rowid FROM search_text WHERE search_text MATCH $2" + scope +
                    " ORDER BY rowid DESC LIMIT 1 OFFSET $3",
                {Int(ws_), Value{std::string_view(fts_query)}, Int(kSearchRankWindow)}));
  std::int64_t lowest = 0;
  if (!edge.empty()) {
    out.windowed = true;
    lowest = edge[0].Int(0) + 1;
  }
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT rowid, kind, contact_id, snippet(search_text, 0, char(2), char(3), "
                "'…', 16), rapport_rank(search_text) AS score FROM search_text WHERE "
                "search_text MATCH $2 AND rowid >= $4" + scope +
                    " ORDER BY score, rowid DESC LIMIT $3",
                {Int(ws_), Value{std::string_view(fts_query)}, Int(limit), Int(lowest)}));
  out.hits.reserve(rows.size());
  for (const auto& r : rows) {
    SearchHit h;
    h.source_id = r.Int(0) / 4;
    h.kind = r.Text(1);
    h.contact_id = r.OptInt(2);
    h.snippet = r.Text(3);
    h.rank = r.Double(4);
    out.hits.push_back(std::move(h));
  }
  return out;
}

}  // namespace rapport
