// A Database that forwards to a real one and counts the statements it is
// given, for tests that guard how many a use case costs (issue 18: the
// agenda, a write, a person's page must not grow with the network).
#pragma once

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "rapport/store/database.h"

namespace rapport::testing {

class CountingDatabase final : public Database {
 public:
  explicit CountingDatabase(Database& real) : real_(real) {}

  // Statements since construction (or the last Reset): every query,
  // execution, insert, script and COPY, transaction control aside.
  int statements() const { return statements_; }
  void Reset() {
    statements_ = 0;
    log_.clear();
  }
  // Each statement since Reset with the pages it touched (SQLite), for a
  // failing guard to say which one grew.
  const std::vector<std::pair<std::string, std::int64_t>>& log() const { return log_; }

  std::string_view Engine() const override { return real_.Engine(); }
  std::string Location() const override { return real_.Location(); }
  std::string_view IdColumnType() const override { return real_.IdColumnType(); }
  std::string FoldAsciiCase(std::string_view expr) const override {
    return real_.FoldAsciiCase(expr);
  }
  Result<std::int64_t> NextId(std::string_view table) override {
    ++statements_;
    return real_.NextId(table);
  }
  Status SyncIds() override { return real_.SyncIds(); }
  Result<std::vector<IndexDefinition>> ListForeignKeys(std::string_view table) override {
    return real_.ListForeignKeys(table);
  }
  Result<std::vector<IndexDefinition>> ListIndexes(std::string_view table) override {
    return real_.ListIndexes(table);
  }
  Status ExecScript(std::string_view sql) override {
    ++statements_;
    return real_.ExecScript(sql);
  }
  Result<std::vector<Row>> Query(std::string_view sql, std::span<const Value> params) override {
    return Counted(sql, [&] { return real_.Query(sql, params); });
  }
  Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) override {
    return Counted(sql, [&] { return real_.Execute(sql, params); });
  }
  Result<std::int64_t> Insert(std::string_view sql, std::span<const Value> params) override {
    return Counted(sql, [&] { return real_.Insert(sql, params); });
  }
  bool CanCopy() const override { return real_.CanCopy(); }
  Status CopyRows(std::string_view table, std::span<const std::string_view> columns,
                  std::span<const Value> values) override {
    ++statements_;
    return real_.CopyRows(table, columns, values);
  }
  Status BeginBulkWrite() override { return real_.BeginBulkWrite(); }
  Status EndBulkWrite() override { return real_.EndBulkWrite(); }
  Status Begin() override { return real_.Begin(); }
  Status Commit() override { return real_.Commit(); }
  Status Rollback() override { return real_.Rollback(); }
  std::optional<ChangeStamp> Stamp() override { return real_.Stamp(); }
  std::optional<std::int64_t> PagesTouched() override { return real_.PagesTouched(); }

 private:
  // Runs one statement, counting it and the pages it touched.
  template <class Run>
  std::invoke_result_t<Run> Counted(std::string_view sql, Run run) {
    ++statements_;
    const auto before = real_.PagesTouched();
    auto r = run();
    const auto after = real_.PagesTouched();
    log_.emplace_back(std::string(sql.substr(0, 160)), before && after ? *after - *before : -1);
    return r;
  }

  Database& real_;
  int statements_ = 0;
  std::vector<std::pair<std::string, std::int64_t>> log_;
};

}  // namespace rapport::testing
