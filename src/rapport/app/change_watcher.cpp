#include "rapport/app/change_watcher.h"

#include "rapport/store/database.h"

namespace rapport {

namespace {

class DatabaseWatcher : public ChangeWatcher {
 public:
  explicit DatabaseWatcher(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  std::optional<ChangeStamp> Stamp() override {
    auto s = db_->Stamp();
    if (!s) return std::nullopt;
    return ChangeStamp{s->own, s->others};
  }

 private:
  std::unique_ptr<Database> db_;
};

}  // namespace

std::unique_ptr<ChangeWatcher> WatchDatabase(std::unique_ptr<Database> connection) {
  if (!connection) return nullptr;
  return std::make_unique<DatabaseWatcher>(std::move(connection));
}

}  // namespace rapport
