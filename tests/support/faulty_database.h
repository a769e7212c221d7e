// A Database that forwards to a real one but fails the Nth write on
// purpose, to prove that a use case interrupted halfway leaves nothing
// half-written (LevelDB's fault-injection test, in miniature).
#pragma once

#include "rapport/store/database.h"

namespace rapport::testing {

class FaultyDatabase final : public Database {
 public:
  explicit FaultyDatabase(Database& real) : real_(real) {}

  // Fails the `n`-th (1-based) statement that writes, counting from now;
  // 0 disables.
  void FailWriteNumber(int n) {
    fail_at_ = n;
    writes_ = 0;
  }
  int writes() const { return writes_; }

  std::string_view Engine() const override { return real_.Engine(); }
  std::string Location() const override { return real_.Location(); }
  std::string_view IdColumnType() const override { return real_.IdColumnType(); }
  std::string FoldAsciiCase(std::string_view expr) const override {
    return real_.FoldAsciiCase(expr);
  }
  Result<std::int64_t> NextId(std::string_view table) override { return real_.NextId(table); }
  Status SyncIds() override { return real_.SyncIds(); }
  Result<std::vector<IndexDefinition>> ListForeignKeys(std::string_view table) override {
    return real_.ListForeignKeys(table);
  }
  Result<std::vector<IndexDefinition>> ListIndexes(std::string_view table) override {
    return real_.ListIndexes(table);
  }
  Status ExecScript(std::string_view sql) override { return real_.ExecScript(sql); }
  Result<std::vector<Row>> Query(std::string_view sql, std::span<const Value> params) override {
    if (IsWrite(sql) && Trip()) return Error::Storage("injected failure");
    return real_.Query(sql, params);
  }
  Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) override {
    if (IsWrite(sql) && Trip()) return Error::Storage("injected failure");
    return real_.Execute(sql, params);
  }
  Result<std::int64_t> Insert(std::string_view sql, std::span<const Value> params) override {
    if (IsWrite(sql) && Trip()) return Error::Storage("injected failure");
    return real_.Insert(sql, params);
  }
  Status BeginBulkWrite() override { return real_.BeginBulkWrite(); }
  Status EndBulkWrite() override { return real_.EndBulkWrite(); }
  Status Begin() override { return real_.Begin(); }
  Status Commit() override { return real_.Commit(); }
  Status Rollback() override { return real_.Rollback(); }

 private:
  static bool IsWrite(std::string_view sql) {
    return sql.rfind("INSERT", 0) == 0 || sql.rfind("UPDATE", 0) == 0 ||
           sql.rfind("DELETE", 0) == 0;
  }
  bool Trip() { return fail_at_ > 0 && ++writes_ == fail_at_; }

  Database& real_;
  int fail_at_ = 0;
  int writes_ = 0;
};

}  // namespace rapport::testing
