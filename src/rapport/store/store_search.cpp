// Store::Search: full-text search over notes, answers and event bodies
// (SQLite FTS5, migration 5; docs/architecture.md).
#include "rapport/store/store.h"

#include "rapport/store/store_internal.h"

namespace rapport {

using namespace store_internal;

Result<SearchHits> Store::Search(std::string_view fts_query, int limit) {
  // FTS5 walks matches in rowid order cheaply and takes a rowid bound into
  // its index walk, so the window costs one short scan and then ranks only
  // the rows above it. rapport_rank (sqlite_database.cpp) is bm25 without
  // the IDF factor. The workspace filter reads each match's stored row (a
  // page read per match: 12 to 35 ms for 2,000 matches in a new process),
  // so it is left out when the database holds one workspace only.
  RAPPORT_ASSIGN_OR_RETURN(auto spaces, db_.Query("SELECT COUNT(*) FROM workspace"));
  const bool shared = spaces.at(0).Int(0) > 1;
  const std::string scope = shared ? " AND workspace_id = $1" : "";
  SearchHits out;
  RAPPORT_ASSIGN_OR_RETURN(
      auto edge,
      db_.Query("SELECT rowid FROM search_text WHERE search_text MATCH $2" + scope +
                    " ORDER BY rowid DESC LIMIT 1 OFFSET $3",
                {Int(ws_), Value{fts_query}, Int(kSearchRankWindow)}));
  std::int64_t lowest = 0;
  if (!edge.empty()) {
    out.windowed = true;
    lowest = edge[0].Int(0) + 1;
  }
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT rowid, kind, contact_id, snippet(search_text, 0, char(2), char(3), "
                "'…', 16), rapport_rank(search_text) AS score FROM search_text WHERE "
                "search_text MATCH $2 AND rowid >= $4" + scope + " ORDER BY score LIMIT $3",
                {Int(ws_), Value{fts_query}, Int(limit), Int(lowest)}));
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
