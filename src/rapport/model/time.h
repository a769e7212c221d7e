// Instants, clocks and the few time conversions Rapport needs. Instants are
// UTC seconds; wall-clock times only exist at the edges (parsing what a
// person typed, showing a time back) and always with a named IANA zone,
// which callers pass in: nothing here reads the environment (the system's
// zone is found by config loading, SystemZoneName in app/config.h).
// The heavy tz machinery stays in time.cpp.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/model/error.h"

namespace rapport {

using Instant = std::chrono::sys_seconds;
using Seconds = std::chrono::seconds;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

inline Instant FromUnix(std::int64_t s) { return Instant{Seconds{s}}; }
inline std::int64_t ToUnix(Instant t) { return t.time_since_epoch().count(); }

// Where time comes from. The core never reads the system clock itself.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }
  void Set(Instant now) { now_ = now; }
  void Advance(Seconds by) { now_ += by; }

 private:
  Instant now_;
};

// True when `zone` names a zone of the system's tz database ("Europe/Paris",
// "UTC"). Abbreviations like "CET" are not accepted unless tzdata has them.
bool IsKnownZone(std::string_view zone);

// Parses ISO-8601 as a person types it:
//   2026-03-02                  midnight in `zone`
//   2026-03-02T09:30 / 09:30:15 wall time in `zone` (a space may replace T)
//   2026-03-02T09:30Z           UTC
//   2026-03-02T09:30+01:00      explicit offset
// A wall time that falls in a daylight-saving gap is an error; one that is
// ambiguous (the repeated hour) takes the earlier instant.
Result<Instant> ParseTime(std::string_view text, std::string_view zone);

// "2026-03-02T08:30:00Z": the machine form, used in --json.
std::string FormatIso(Instant t);
// "2026-03-02 09:30" in `zone`.
std::string FormatLocal(Instant t, std::string_view zone);
// "Mon 2 Mar 09:30" in `zone`; the year is added when it differs from now's.
std::string FormatFriendly(Instant t, std::string_view zone, Instant now);
// "2 Mar" (and the year when it differs from now's), in `zone`.
std::string FormatDay(Instant t, std::string_view zone, Instant now);
// The UTC offset of `zone` at `t`, e.g. "+01:00".
std::string ZoneOffset(Instant t, std::string_view zone);

// Midnight starting the local day that contains `t` in `zone`.
Instant StartOfLocalDay(Instant t, std::string_view zone);
// Midnight starting the local ISO week (Monday) that contains `t`.
Instant StartOfLocalWeek(Instant t, std::string_view zone);
// `t` moved by `n` whole local days, keeping the wall-clock time across
// daylight-saving changes.
Instant AddLocalDays(Instant t, int n, std::string_view zone);
// `t` moved forward by `n` business days (Monday to Friday) in `zone`,
// keeping the wall-clock time. A start on a weekend counts from Monday.
Instant AddBusinessDays(Instant t, int n, std::string_view zone);

// A change of UTC offset in a zone (daylight saving starts or ends), as an
// iCalendar VTIMEZONE describes it.
struct ZoneTransition {
  std::string local_start;  // wall time before the change, "20260308T020000"
  int month = 1;            // 1-12
  int weekday = 0;          // 0 = Sunday
  int nth = 1;              // 1-4 for the nth weekday of the month, -1 for the last
  int offset_from = 0;      // seconds east of UTC, before
  int offset_to = 0;        // seconds east of UTC, after
  std::string abbrev;       // "EDT"
  bool dst = false;         // the new offset is daylight-saving time
};

// The offset changes of `zone` during local `year`, in order (none for a
// zone without daylight saving).
std::vector<ZoneTransition> YearTransitions(std::string_view zone, int year);
// The offset of `zone` at `t`, in seconds east of UTC, and its abbreviation.
std::pair<int, std::string> OffsetAt(std::string_view zone, Instant t);
// The local calendar year of `t` in `zone`.
int LocalYear(Instant t, std::string_view zone);

}  // namespace rapport
