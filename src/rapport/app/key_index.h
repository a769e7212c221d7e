// The importer's in-memory index of who is already here: keys kept in a
// few large blocks (KeyArena) and hashed into one open-addressed table per
// kind of key (KeyIndex). Only app/import.cpp includes it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace rapport::import_internal {

inline std::uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

// Keys kept for the whole import, in a few large blocks instead of one heap
// string each (a 300,000-row import made millions of small allocations).
class KeyArena {
 public:
  std::string_view Keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      const size_t size = std::max(kBlock, s.size());
      blocks_.emplace_back(new char[size]);
      next_ = blocks_.back().get();
      left_ = size;
    }
    std::memcpy(next_, s.data(), s.size());
    std::string_view kept(next_, s.size());
    next_ += s.size();
    left_ -= s.size();
    return kept;
  }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

// Who is already here (or was added earlier in this import), by one kind
// of key: hashes of the keys in one open-addressed table of 8-byte entries,
// each naming a candidate (an index into the caller's list of people). A
// hash can collide, so a hit is only a candidate: the caller confirms it
// against the candidate's keys. When several candidates confirm (two people
// here with the same name at the same organization), the one added last
// wins, as with the std::unordered_multimap this replaces (its equal_range
// lists the newest first); that map cost a heap node per key and a cache
// miss or two more per lookup.
//
// Entries with one hash lie along one run of the table in the order they
// were added (nothing is ever removed, and growing re-adds each run from
// its start), so the newest candidate is the last that confirms.
class KeyIndex {
 public:
  void Reserve(size_t n) {
    size_t cap = 16;
    while (3 * cap < 4 * n) cap *= 2;
    if (cap > slots_.size()) Rehash(cap);
  }
  void Add(std::uint64_t hash, std::uint32_t who) {
    if (4 * (size_ + 1) > 3 * slots_.size()) Rehash(slots_.empty() ? 16 : 2 * slots_.size());
    Place({static_cast<std::uint32_t>(hash), who + 1});
    ++size_;
  }
  // Asks the CPU to bring in the entries Find(hash) will read, ahead of time:
  // the table is larger than the cache, so each lookup would otherwise wait
  // on memory.
  void Prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::uint32_t>(hash) & Mask()]);
  }
  template <class Confirm>
  std::optional<std::uint32_t> Find(std::uint64_t hash, Confirm confirm) const {
    std::optional<std::uint32_t> found;
    if (slots_.empty()) return found;
    const auto h = static_cast<std::uint32_t>(hash);
    const size_t mask = Mask();
    for (size_t i = h & mask; slots_[i].who != 0; i = (i + 1) & mask) {
      if (slots_[i].hash == h && confirm(slots_[i].who - 1)) found = slots_[i].who - 1;
    }
    return found;
  }

 private:
  struct Slot {
    std::uint32_t hash = 0;  // the key's hash, its low 32 bits
    std::uint32_t who = 0;   // the candidate + 1; 0 marks a free slot
  };
  size_t Mask() const { return slots_.size() - 1; }
  void Place(Slot s) {
    const size_t mask = Mask();
    size_t i = s.hash & mask;
    while (slots_[i].who != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
  void Rehash(size_t cap) {
    std::vector<Slot> old(cap);
    old.swap(slots_);
    if (size_ == 0) return;
    // Start just after a free slot, so every run is re-added from its start
    // and entries with one hash keep their order.
    size_t start = 0;
    while (old[start].who != 0) ++start;
    for (size_t k = 1; k <= old.size(); ++k) {
      const Slot& s = old[(start + k) & (old.size() - 1)];
      if (s.who != 0) Place(s);
    }
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace rapport::import_internal
