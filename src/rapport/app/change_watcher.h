// Telling when the data may have changed, for a face's cache of what it
// read (the web server's read cache: docs/architecture.md, "The read
// cache"). The watcher is a dependency the composition root passes in: it
// opens a second connection to the same database the App was opened from,
// and nothing reaches it through the App.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

namespace rapport {

class Database;

// Equal stamps mean nothing was written in between, through any connection
// or process.
struct ChangeStamp {
  std::uint64_t own = 0;     // writes through the watcher's own connection
  std::uint64_t others = 0;  // commits by every other connection
  bool operator==(const ChangeStamp&) const = default;
};

class ChangeWatcher {
 public:
  virtual ~ChangeWatcher() = default;
  // The current stamp; nullopt when the engine cannot tell (then a cache
  // keeps nothing). Not thread-safe: callers serialize their calls.
  virtual std::optional<ChangeStamp> Stamp() = 0;
};

// A watcher over `connection`, a connection of its own (otherwise idle) to
// the database to watch: its Database::Stamp() moves whenever another
// connection commits. The composition root opens it with
// OpenDatabase(location) of the App's location. Null `connection`, null
// watcher.
std::unique_ptr<ChangeWatcher> WatchDatabase(std::unique_ptr<Database> connection);

}  // namespace rapport
