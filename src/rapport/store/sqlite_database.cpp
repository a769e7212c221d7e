// The SQLite engine. Statements are prepared once and cached by their text,
// so the bulk paths (imports, the benchmark generator) pay for parsing once.
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <unordered_map>
#include <vector>
#include <algorithm>

#include "rapport/store/database.h"

namespace rapport {

namespace {

// How long a statement waits for another connection's lock.
constexpr int kBusyTimeoutMs = 5000;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteDatabase() override {
    for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
    sqlite3_close(db_);
  }

  std::string_view Engine() const override { return "sqlite"; }
  std::string Location() const override { return path_; }
  std::string_view IdColumnType() const override { return "INTEGER PRIMARY KEY"; }
  std::string FoldAsciiCase(std::string_view expr) const override {
    return "lower(" + std::string(expr) + ")";
  }
  Result<std::int64_t> NextId(std::string_view table) override {
    // The id SQLite would give: the largest rowid plus one.
    RAPPORT_ASSIGN_OR_RETURN(auto rows, Query("SELECT COALESCE(MAX(id), 0) + 1 FROM " +
                                                  std::string(table),
                                              std::span<const Value>{}));
    return rows.at(0).Int(0);
  }

  // Rows this connection changed, and PRAGMA data_version, which moves when
  // another connection commits (it ignores this connection's own writes).
  std::optional<std::int64_t> PagesTouched() override {
    int hit = 0, miss = 0, high = 0;
    if (sqlite3_db_status(db_, SQLITE_DBSTATUS_CACHE_HIT, &hit, &high, 0) != SQLITE_OK ||
        sqlite3_db_status(db_, SQLITE_DBSTATUS_CACHE_MISS, &miss, &high, 0) != SQLITE_OK) {
      return std::nullopt;
    }
    return std::int64_t{hit} + miss;
  }

  std::optional<ChangeStamp> Stamp() override {
    auto rows = Query("PRAGMA data_version", std::span<const Value>{});
    if (!rows.ok() || rows->empty()) return std::nullopt;
    return ChangeStamp{static_cast<std::uint64_t>(sqlite3_total_changes64(db_)),
                       static_cast<std::uint64_t>((*rows)[0].Int(0))};
  }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    if (int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return Fail(msg, rc);
    }
    return {};
  }

  Result<std::vector<Row>> Query(std::string_view sql, std::span<const Value> params) override {
    RAPPORT_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    std::vector<Row> rows;
    int rc;
    const int n = sqlite3_column_count(stmt);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<Value> cols;
      cols.reserve(n);
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER:
            cols.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
            break;
          case SQLITE_FLOAT:
            cols.emplace_back(sqlite3_column_double(stmt, i));
            break;
          case SQLITE_NULL:
            cols.emplace_back(std::monostate{});
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            cols.emplace_back(std::string(text ? text : "", sqlite3_column_bytes(stmt, i)));
          }
        }
      }
      rows.emplace_back(std::move(cols));
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return Fail(sqlite3_errmsg(db_), rc);
    return rows;
  }

  Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) override {
    RAPPORT_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return Fail(sqlite3_errmsg(db_), rc);
    return static_cast<std::int64_t>(sqlite3_changes(db_));
  }

  Result<std::int64_t> Insert(std::string_view sql, std::span<const Value> params) override {
    RAPPORT_ASSIGN_OR_RETURN(auto changed, Execute(sql, params));
    if (changed != 1) return Error::Storage("an insert into " + path_ + " changed no row");
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Result<std::vector<IndexDefinition>> ListIndexes(std::string_view table) override {
    // Indexes made by a constraint have no sql and cannot be dropped.
    const Value params[] = {Value{table}};
    RAPPORT_ASSIGN_OR_RETURN(
        auto rows, Query("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                         "tbl_name = $1 AND sql IS NOT NULL ORDER BY name",
                         params));
    std::vector<IndexDefinition> out;
    for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), {}});
    return out;
  }

  Status BeginBulkWrite() override {
    if (bulk_) return {};
    RAPPORT_RETURN_IF_ERROR(ExecScript("PRAGMA foreign_keys = OFF"));
    bulk_ = true;
    // Leaving WAL needs the file to ourselves: ask once, without waiting.
    sqlite3_busy_timeout(db_, 0);
    auto mode = Query("PRAGMA journal_mode = DELETE", std::span<const Value>());
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    journal_ = mode && !mode->empty() && mode->front().Text(0) == "delete";
    if (journal_) return ExecScript("PRAGMA synchronous = FULL");
    return {};
  }
  Status EndBulkWrite() override {
    if (!bulk_) return {};
    bulk_ = false;
    Status fk = ExecScript("PRAGMA foreign_keys = ON");
    if (journal_) {
      journal_ = false;
      RAPPORT_RETURN_IF_ERROR(ExecScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"));
    }
    return fk;
  }

  // IMMEDIATE: take the write lock up front, so a second writer waits on the
  // busy timeout instead of failing halfway through.
  Status Begin() override { return ExecScript("BEGIN IMMEDIATE"); }
  Status Commit() override { return ExecScript("COMMIT"); }
  Status Rollback() override { return ExecScript("ROLLBACK"); }

 private:
  Error Fail(const std::string& what, int rc = SQLITE_ERROR) {
    if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT) {
      return Error::Conflict("the change breaks a rule of the database: " + what);
    }
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
      return Error::Storage("the database " + path_ +
                            " is busy (another rapport is writing to it); try again");
    }
    return Error::Storage("database error in " + path_ + ": " + what);
  }

  // A prepared statement and, for each parameter number N of "$N", its
  // SQLite index (0 when the statement does not use $N).
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> index_of;
  };
  // Lookups by string_view, without copying the SQL text for every call.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  Result<sqlite3_stmt*> Prepare(std::string_view sql, std::span<const Value> params) {
    Cached* cached = nullptr;
    if (auto it = cache_.find(sql); it != cache_.end()) {
      cached = &it->second;
      sqlite3_reset(cached->stmt);
      // A parameter this call does not bind must not keep the last call's
      // value; when it binds them all (bulk inserts bind hundreds), clearing
      // first is wasted work.
      if (params.size() + 1 < cached->index_of.size()) sqlite3_clear_bindings(cached->stmt);
    } else {
      sqlite3_stmt* stmt = nullptr;
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return Fail(sqlite3_errmsg(db_), rc);
      // Parameters are written $1..$n; SQLite numbers named parameters by
      // first appearance, so map each name to its index once.
      Cached fresh;
      fresh.stmt = stmt;
      const int count = sqlite3_bind_parameter_count(stmt);
      for (int idx = 1; idx <= count; ++idx) {
        const char* name = sqlite3_bind_parameter_name(stmt, idx);
        if (name == nullptr || name[0] != '$') continue;
        int n = std::atoi(name + 1);
        if (n <= 0) continue;
        if (static_cast<size_t>(n) >= fresh.index_of.size()) fresh.index_of.resize(n + 1, 0);
        fresh.index_of[n] = idx;
      }
      cached = &cache_.emplace(std::string(sql), std::move(fresh)).first->second;
    }
    sqlite3_stmt* stmt = cached->stmt;
    for (size_t i = 0; i < params.size(); ++i) {
      const size_t n = i + 1;
      int idx = n < cached->index_of.size() ? cached->index_of[n] : 0;
      if (idx == 0) continue;  // not used by this statement
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (const auto* num = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *num);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (const auto* view = std::get_if<std::string_view>(&v)) {
        rc = sqlite3_bind_text(stmt, idx, view->data(), static_cast<int>(view->size()),
                               SQLITE_STATIC);
      } else {
        const auto& str = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, idx, str.data(), static_cast<int>(str.size()),
                               SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) return Fail(sqlite3_errmsg(db_), rc);
    }
    return stmt;
  }

  sqlite3* db_;
  std::string path_;
  bool bulk_ = false;     // between BeginBulkWrite and EndBulkWrite
  bool journal_ = false;  // ... and a rollback journal instead of WAL
  std::unordered_map<std::string, Cached, Hash, Eq> cache_;
};

}  // namespace

namespace {

// rapport_rank(search_text): BM25's term-frequency and length terms without
// its IDF factor (k1 = 1.2, b = 0.75), lower is better like bm25(). bm25()
// counts the documents holding each phrase before the first row, which
// means reading the whole list of a common word: 36 ms for a word in
// 970,000 of 1,000,000 notes, whatever the LIMIT. Search results must hold
// every word anyway, so IDF only reweighs words every result shares.
void SearchRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int,
                sqlite3_value**) {
  constexpr double k1 = 1.2, b = 0.75;
  sqlite3_int64 rows = 0, tokens = 0;
  int length = 0, instances = 0;
  if (api->xRowCount(fts, &rows) != SQLITE_OK || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK ||
      api->xColumnSize(fts, -1, &length) != SQLITE_OK ||
      api->xInstCount(fts, &instances) != SQLITE_OK) {
    sqlite3_result_error(out, "rapport_rank: cannot read the full-text index", -1);
    return;
  }
  const int phrases = api->xPhraseCount(fts);
  std::vector<int> tf(static_cast<size_t>(std::max(phrases, 0)), 0);
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 &&
        phrase < phrases) {
      ++tf[static_cast<size_t>(phrase)];
    }
  }
  const double average = rows > 0 && tokens > 0 ? static_cast<double>(tokens) / rows : 1.0;
  const double norm = k1 * (1 - b + b * length / average);
  double score = 0;
  for (int f : tf) score += f * (k1 + 1) / (f + norm);
  sqlite3_result_double(out, -score);
}

bool RegisterSearchRank(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return false;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api != nullptr && api->xCreateFunction(api, "rapport_rank", nullptr, &SearchRank,
                                                nullptr) == SQLITE_OK;
}

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path) {
  namespace fs = std::filesystem;
  if (path != ":memory:") {
    fs::path p(path);
    std::error_code ec;
    if (p.has_parent_path() && !fs::exists(p.parent_path(), ec)) {
      fs::create_directories(p.parent_path(), ec);
      if (ec) {
        return Error(ErrorCode::kIo,
                     "cannot create the folder " + p.parent_path().string() + ": " + ec.message() +
                         " (choose another place for the database)",
                     "db");
      }
    }
    if (fs::is_directory(p, ec)) {
      return Error(ErrorCode::kIo, path + " is a folder, not a database file (give a file name)",
                   "db");
    }
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    return Error::Io("cannot open the database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  auto db = std::make_unique<SqliteDatabase>(raw, path);
  if (!RegisterSearchRank(raw)) {
    return Error::Storage("this SQLite has no FTS5 full-text search; install Debian's libsqlite3-0");
  }
  // A file that is not a database fails here, on the first read.
  if (auto s = db->ExecScript("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
                              " PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
                              " PRAGMA temp_store = MEMORY;");
      !s) {
    // Busy: another rapport holds the file (a large import writes with a
    // rollback journal, which locks readers out until it commits).
    if (s.error().message().find(" is busy ") != std::string::npos) return s.error();
    return Error(
        ErrorCode::kIo,
        path + " is not a Rapport database (" + s.error().message() + "); choose another file",
        "db");
  }
  RAPPORT_RETURN_IF_ERROR(Migrate(*db));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace rapport
