// The engine interface: the few things Store needs from a SQL database.
// SQLite implements it today; PostgreSQL can follow by implementing this
// interface alone — Store's SQL is portable (both engines take $1..$n
// parameters, ON CONFLICT and RETURNING), and what differs (id column
// types, full-text search) is asked of the engine here.
//
// Thread safety: a Database is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rapport/model/error.h"

namespace rapport {

// A SQL parameter: NULL, integer, real, or text — owned, or viewed (the
// viewed text must outlive the Query/Execute call; it saves a copy on bulk
// paths such as imports).
using Value = std::variant<std::monostate, std::int64_t, double, std::string, std::string_view>;

// Builds a Value from an optional (NULL when empty), viewing the text.
inline Value Opt(const std::optional<std::string>& s) {
  return s ? Value{std::string_view(*s)} : Value{};
}
inline Value View(const std::string& s) { return Value{std::string_view(s)}; }
inline Value Opt(const std::optional<std::int64_t>& v) { return v ? Value{*v} : Value{}; }

class Row {
 public:
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  size_t size() const { return cols_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cols_.at(i)); }
  std::int64_t Int(size_t i) const;         // 0 when NULL
  std::string Text(size_t i) const;         // "" when NULL
  std::optional<std::int64_t> OptInt(size_t i) const;
  std::optional<std::string> OptText(size_t i) const;
  double Double(size_t i) const;            // 0 when NULL

 private:
  std::vector<Value> cols_;
};

class Database {
 public:
  virtual ~Database() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view Engine() const = 0;
  // Where the data lives, for messages ("/home/ada/.local/share/rapport/rapport.db").
  virtual std::string Location() const = 0;

  // Runs a script of statements without parameters or results (schema).
  virtual Status ExecScript(std::string_view sql) = 0;
  // Runs one statement with parameters $1..$n and returns its rows.
  virtual Result<std::vector<Row>> Query(std::string_view sql, std::span<const Value> params) = 0;
  // Runs one statement with parameters and returns the number of rows changed.
  virtual Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) = 0;

  // Runs one INSERT into a table whose key is `id` and returns the new id.
  // Engines differ here: SQLite reads its last rowid (RETURNING would cost
  // SQLite a temporary table per row, a third of an import's time);
  // PostgreSQL appends "RETURNING id".
  virtual Result<std::int64_t> Insert(std::string_view sql, std::span<const Value> params) = 0;

  // Around (outside) one transaction that writes much of the database at
  // once, such as a large import. In between, foreign keys are not checked:
  // the caller must write only references it knows to be valid (ids it has
  // just read or written). SQLite checks a reference by opening a cursor
  // on the parent table for every row, a tenth of a bulk insert's time.
  //
  // SQLite also, when no other connection has the file open, leaves
  // write-ahead logging for a rollback journal with synchronous = FULL, so
  // the new pages are written once, into the database file, instead of
  // into the log and again at the checkpoint; crash-safe all the same (a
  // crash rolls the journal back on the next open). If another connection
  // is open it keeps the log, without waiting. EndBulkWrite restores both
  // (every open does too, should it fail). Other engines may do nothing.
  virtual Status BeginBulkWrite() = 0;
  virtual Status EndBulkWrite() = 0;

  // Transactions do not nest; Store's callers hold at most one at a time.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Dialect: the column type of an auto-numbered primary key.
  virtual std::string_view IdColumnType() const = 0;

  // Dialect: SQL that folds the ASCII letters of `expr` to lower case and
  // leaves every other character as it is, as FoldCase does (SQLite's
  // lower(); PostgreSQL's lower() folds every script, so it uses translate).
  virtual std::string FoldAsciiCase(std::string_view expr) const = 0;

  // For rows written with ids the caller chooses (bulk imports): the id
  // after the largest in `table` (a table numbered by `id`). PostgreSQL
  // also locks the table against other writers until the caller's
  // transaction ends, so nobody else takes those ids meanwhile.
  virtual Result<std::int64_t> NextId(std::string_view table) = 0;

  // Bulk loading through the engine's fastest path (PostgreSQL's COPY):
  // writes `values`, row after row of columns.size() values each, into
  // `table`, inside the caller's transaction. Plain new rows: no conflict
  // handling, no ids returned. Only asked of an engine whose CanCopy() is
  // true (SQLite's multi-row INSERTs are its fastest path already).
  virtual bool CanCopy() const { return false; }
  virtual Status CopyRows(std::string_view table, std::span<const std::string_view> columns,
                          std::span<const Value> values) {
    (void)table, (void)columns, (void)values;
    return Error::Storage("this engine has no bulk copy");
  }

  // After rows were written with ids of the caller's (imports, restores,
  // copies): the engine's own numbering continues after the largest id of
  // every numbered table. SQLite's does so by itself; PostgreSQL's
  // sequences are set.
  virtual Status SyncIds() { return {}; }

  // The secondary indexes of `table` that can be dropped and created again:
  // not those that back a PRIMARY KEY or UNIQUE constraint of the table
  // itself. `sql` is the statement that creates the index as it is now
  // (SQLite keeps it in sqlite_schema; PostgreSQL in pg_indexes.indexdef).
  struct IndexDefinition {
    std::string name, sql;
    std::string drop;  // the statement that drops it; empty: DROP INDEX name
  };
  virtual Result<std::vector<IndexDefinition>> ListIndexes(std::string_view table) = 0;

  // The foreign keys of `table` that a bulk load inside one transaction may
  // drop and add back, so they are checked once, by one join, instead of
  // row by row (each name, `sql` adding it back, `drop` dropping it).
  // SQLite has none to give: BeginBulkWrite stops its checks instead.
  virtual Result<std::vector<IndexDefinition>> ListForeignKeys(std::string_view table) {
    (void)table;
    return std::vector<IndexDefinition>{};
  }

  // A value that changes whenever the data may have changed, through this
  // connection or any other (another process's `rapport` command), for
  // caches of what was read. Two equal stamps mean nothing was written in
  // between. nullopt when the engine cannot tell: then nothing is cached.
  struct ChangeStamp {
    std::uint64_t own = 0;     // writes through this connection
    std::uint64_t others = 0;  // commits by other connections
    bool operator==(const ChangeStamp&) const = default;
  };
  virtual std::optional<ChangeStamp> Stamp() { return std::nullopt; }

  // Database pages this connection has asked for since it opened, from its
  // cache or the file (SQLite's sqlite3_db_status cache hits and misses), for
  // tests that guard how much a command reads; nullopt when the engine
  // cannot tell.
  virtual std::optional<std::int64_t> PagesTouched() { return std::nullopt; }

  // Convenience overloads.
  Result<std::vector<Row>> Query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return Query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  Result<std::int64_t> Execute(std::string_view sql, std::initializer_list<Value> params = {}) {
    return Execute(sql, std::span<const Value>(params.begin(), params.size()));
  }
  Result<std::int64_t> Insert(std::string_view sql, std::initializer_list<Value> params) {
    return Insert(sql, std::span<const Value>(params.begin(), params.size()));
  }
};

// A transaction that rolls back unless committed (RAII).
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction() {
    if (active_) (void)db_.Rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Begin() {
    auto s = db_.Begin();
    active_ = s.ok();
    return s;
  }
  Status Commit() {
    active_ = false;
    return db_.Commit();
  }

 private:
  Database& db_;
  bool active_ = false;
};

// BeginBulkWrite ... EndBulkWrite (RAII); EndBulkWrite's failure is not an
// error of the caller's work, which is already committed or rolled back.
class BulkWrite {
 public:
  explicit BulkWrite(Database& db) : db_(db), active_(db.BeginBulkWrite().ok()) {}
  ~BulkWrite() {
    if (active_) (void)db_.EndBulkWrite();
  }
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;

 private:
  Database& db_;
  bool active_;
};

// Opens (creating if needed) the SQLite database at `path`, with WAL, foreign
// keys and a busy timeout, and brings its schema up to date. Errors: the
// file cannot be opened, or it was written by a newer Rapport.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path);

// Connects to the PostgreSQL database at `url` (a libpq connection URI:
// postgresql://user@host/db, or postgresql:///db?host=/run/socket-dir) and
// brings its schema up to date. Errors: no connection, or a schema written
// by a newer Rapport.
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url);

// True when `location` names a PostgreSQL database (postgresql:// or
// postgres://) rather than a SQLite file.
bool IsPostgresUrl(std::string_view location);

// Opens `location`: a file path (SQLite), or a postgresql:// URL.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& location);

// The schema version this binary writes.
int LatestSchemaVersion();

// Applies every migration newer than the database's schema_version, each in
// its own transaction. Called by Open*; exposed for tests.
Status Migrate(Database& db);

}  // namespace rapport
