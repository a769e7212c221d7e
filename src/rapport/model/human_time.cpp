// Times the way people say them (human_time.h). Written by
// hand: no packaged library reads "next fri 3pm" (Taskwarrior and khal
// each carry their own parser too); Howard Hinnant's tz does the calendar
// and the zones.
#include <date/date.h>
#include <date/tz.h>

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "rapport/model/human_time.h"

namespace rapport {

namespace {

using date::local_days;
using date::local_seconds;

constexpr const char* kForms =
    "try today, tomorrow 15:00, fri 3pm, next monday, in 3 days, +2w, 9:30, or ISO-8601 "
    "such as 2026-03-02T09:30";

Error NotATime(std::string_view text) {
  return Error::InvalidArgument("'" + std::string(text) + "' is not a date or time (" + kForms +
                                ")");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "mon", "monday", "tues", "thurs"... -> the weekday.
std::optional<date::weekday> Weekday(const std::string& w) {
  static const char* const kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday"};
  if (w.size() < 3) return std::nullopt;
  for (unsigned i = 0; i < 7; ++i) {
    const std::string_view name = kNames[i];
    if (name.compare(0, w.size(), w) == 0) return date::weekday{i};
  }
  if (w == "weds") return date::Wednesday;
  return std::nullopt;
}

// "Fri 13 Mar".
std::string DayName(local_days d) {
  std::string s = date::format("%a %e %b", d);
  if (s.size() > 4 && s[4] == ' ') s.erase(4, 1);
  return s;
}

std::string TwoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// A time of day: "15:00", "9:30:15", "3pm", "3:30pm", "12am", "noon",
// "midnight", or a bare hour of 0 or 13-23. A bare 1-12 could be morning
// or afternoon: `ambiguous_hour` gets it and the result is nullopt.
std::optional<Seconds> TimeOfDay(const std::string& w, int& ambiguous_hour) {
  if (w == "noon") return hours{12};
  if (w == "midnight") return hours{0};
  std::string s = w;
  int meridian = 0;  // 1 am, 2 pm
  if (s.size() > 2 && (s.compare(s.size() - 2, 2, "am") == 0 || s.compare(s.size() - 2, 2, "pm") == 0)) {
    meridian = s[s.size() - 2] == 'a' ? 1 : 2;
    s.resize(s.size() - 2);
  }
  int h = 0, m = 0, sec = 0;
  size_t colon = s.find(':');
  const std::string hh = s.substr(0, colon);
  if (hh.empty() || hh.size() > 2 || !AllDigits(hh)) return std::nullopt;
  h = std::stoi(hh);
  if (colon != std::string::npos) {
    std::string rest = s.substr(colon + 1);
    const size_t colon2 = rest.find(':');
    const std::string mm = rest.substr(0, colon2);
    if (mm.size() != 2 || !AllDigits(mm)) return std::nullopt;
    m = std::stoi(mm);
    if (colon2 != std::string::npos) {
      const std::string ss = rest.substr(colon2 + 1);
      if (ss.size() != 2 || !AllDigits(ss)) return std::nullopt;
      sec = std::stoi(ss);
    }
  }
  if (m > 59 || sec > 59) return std::nullopt;
  if (meridian != 0) {
    if (h < 1 || h > 12) return std::nullopt;
    if (h == 12) h = 0;
    if (meridian == 2) h += 12;
  } else if (colon == std::string::npos && h >= 1 && h <= 12) {
    ambiguous_hour = h;
    return std::nullopt;
  }
  if (h > 23) return std::nullopt;
  return hours{h} + minutes{m} + Seconds{sec};
}

// An amount of time: "3 days", "+2w", "1h"... What it adds.
struct Span {
  int days = 0;       // whole local days (days and weeks), keeping the wall time
  int months = 0;     // calendar months, keeping the day (clamped to the month's end)
  Seconds exact{0};   // hours and minutes: elapsed time
};

enum class UnitKind { kNone, kDays, kMonths, kExact, kAmbiguousM };

UnitKind Unit(const std::string& u, int& scale) {
  scale = 1;
  if (u == "d" || u == "day" || u == "days") return UnitKind::kDays;
  if (u == "w" || u == "wk" || u == "wks" || u == "week" || u == "weeks") {
    scale = 7;
    return UnitKind::kDays;
  }
  if (u == "mo" || u == "mon" || u == "month" || u == "months") return UnitKind::kMonths;
  if (u == "h" || u == "hr" || u == "hrs" || u == "hour" || u == "hours") {
    scale = 3600;
    return UnitKind::kExact;
  }
  if (u == "min" || u == "mins" || u == "minute" || u == "minutes") {
    scale = 60;
    return UnitKind::kExact;
  }
  if (u == "m") return UnitKind::kAmbiguousM;
  return UnitKind::kNone;
}

// Reads "N unit" or "Nunit" from words[i...]; advances i. Errors for
// "2m" (minutes or months?).
Result<std::optional<Span>> ReadSpan(const std::vector<std::string>& words, size_t& i, int sign,
                                     std::string_view text) {
  if (i >= words.size()) return std::optional<Span>{};
  std::string number = words[i];
  std::string unit;
  size_t k = 0;
  while (k < number.size() && std::isdigit(static_cast<unsigned char>(number[k]))) ++k;
  if (k == 0 || k > 4) return std::optional<Span>{};
  unit = number.substr(k);
  number.resize(k);
  size_t used = 1;
  if (unit.empty()) {
    if (i + 1 >= words.size()) return std::optional<Span>{};
    unit = words[i + 1];
    used = 2;
  }
  int scale = 1;
  const UnitKind kind = Unit(unit, scale);
  const int n = std::stoi(number) * sign;
  if (kind == UnitKind::kNone) return std::optional<Span>{};
  if (kind == UnitKind::kAmbiguousM) {
    return Error::InvalidArgument("'" + std::string(text) + "' could mean " + number +
                                  " minutes or " + number + " months (say " + number + "min or " +
                                  number + "mo)");
  }
  Span span;
  if (kind == UnitKind::kDays) span.days = n * scale;
  if (kind == UnitKind::kMonths) span.months = n;
  if (kind == UnitKind::kExact) span.exact = Seconds{static_cast<std::int64_t>(n) * scale};
  i += used;
  return std::optional<Span>{span};
}

// `local` in `zone`, refusing the hour the clocks skip and the one they
// repeat (a person who said "1:30" on that night meant one of two).
Result<Instant> Resolve(local_seconds local, const date::time_zone* z, std::string_view text) {
  const auto info = z->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return Instant{local.time_since_epoch()} - info.first.offset;
    case date::local_info::nonexistent:
      return Error::InvalidArgument("'" + std::string(text) + "' does not exist in " +
                                    z->name() + " (the clocks skip that hour for daylight saving)");
    case date::local_info::ambiguous:
    default: {
      const Instant first = Instant{local.time_since_epoch()} - info.first.offset;
      const Instant second = Instant{local.time_since_epoch()} - info.second.offset;
      const std::string wall = date::format("%Y-%m-%dT%H:%M", local);
      auto offset = [](Seconds off) {
        const auto m = std::chrono::duration_cast<minutes>(off).count();
        const long a = m < 0 ? -m : m;
        return std::string(m < 0 ? "-" : "+") + TwoDigits(static_cast<int>(a / 60)) + ":" +
               TwoDigits(static_cast<int>(a % 60));
      };
      return Error::InvalidArgument(
          "'" + std::string(text) + "' happens twice in " + z->name() +
          " as the clocks go back: " + wall + offset(info.first.offset) + " (" +
          info.first.abbrev + ", " + FormatIso(first) + ") or " + wall +
          offset(info.second.offset) + " (" + info.second.abbrev + ", " + FormatIso(second) +
          "); give the offset");
    }
  }
}

}  // namespace

Result<Instant> ParseHumanTime(std::string_view text, std::string_view zone, Instant now) {
  std::vector<std::string> words = Words(text);
  if (words.empty()) return NotATime(text);
  // ISO-8601 as before: the whole text, else a date followed by a spoken time.
  const bool iso_date = words[0].size() >= 10 && std::isdigit(static_cast<unsigned char>(words[0][0])) &&
                        words[0].find('-') == 4;
  if (iso_date) {
    auto iso = ParseTime(text, zone);
    if (iso || words.size() == 1) return iso;
  }
  // An explicit zone at the end: "tomorrow 9:00 Europe/Paris".
  std::string zone_name(zone);
  if (words.size() > 1 && (words.back().find('/') != std::string::npos || words.back() == "UTC") &&
      IsKnownZone(words.back())) {
    zone_name = words.back();
    words.pop_back();
  }
  const date::time_zone* z = nullptr;
  try {
    z = date::locate_zone(zone_name);
  } catch (const std::exception&) {
    return Error::InvalidArgument("unknown time zone '" + zone_name +
                                  "' (use an IANA name such as Europe/Paris)");
  }
  for (auto& w : words) w = Lower(w);
  // "3 pm" -> "3pm"; "at" between a day and a time says nothing.
  std::vector<std::string> merged;
  for (size_t i = 0; i < words.size(); ++i) {
    if ((words[i] == "am" || words[i] == "pm" || words[i] == "a.m." || words[i] == "p.m.") &&
        !merged.empty()) {
      merged.back() += words[i].substr(0, 1) + "m";
    } else if (words[i] != "at") {
      merged.push_back(words[i]);
    }
  }
  words = std::move(merged);
  if (words.empty()) return NotATime(text);

  const local_seconds local_now = z->to_local(now);
  const local_days today = date::floor<days>(local_now);
  std::optional<local_days> day;  // a named day: starts at midnight
  std::optional<Span> span;       // an amount from now
  size_t i = 0;
  const std::string& w0 = words[0];
  if (w0 == "now") {
    if (words.size() > 1) return NotATime(text);
    return now;
  }
  if (iso_date && words.size() == 1) return ParseTime(words[0], zone_name);  // "... Europe/Paris"
  if (iso_date) {
    auto d = ParseTime(words[0], zone_name);
    if (!d) return d.error();
    day = date::floor<days>(z->to_local(*d));
    i = 1;
  } else if (w0 == "today") {
    day = today;
    i = 1;
  } else if (w0 == "tomorrow" || w0 == "tmrw") {
    day = today + days{1};
    i = 1;
  } else if (w0 == "yesterday") {
    day = today - days{1};
    i = 1;
  } else if (w0 == "next" || w0 == "last" || w0 == "this" || Weekday(w0)) {
    const bool qualified = !Weekday(w0);  // "next fri", not "fri"
    const std::string name = qualified ? (words.size() > 1 ? words[1] : "") : w0;
    const auto wd = Weekday(name);
    if (!wd) return NotATime(text);
    const int ahead = static_cast<int>((*wd - date::weekday{today}).count());  // 0..6
    if (w0 == "next") {
      day = today + days{ahead == 0 ? 7 : ahead};  // the first after today
    } else if (w0 == "last") {
      const int back = static_cast<int>((date::weekday{today} - *wd).count());
      day = today - days{back == 0 ? 7 : back};  // the last before today
    } else if (ahead == 0 && !qualified) {
      // "fri" on a Friday: this one or the next?
      return Error::InvalidArgument("'" + std::string(text) + "' could mean today (" +
                                    DayName(today) + ") or " + DayName(today + days{7}) +
                                    " (say today or next " + name + ")");
    } else {
      day = today + days{ahead};  // "this fri" on a Friday is today
    }
    i = qualified ? 2 : 1;
  } else if (w0 == "in" || w0[0] == '+' || w0[0] == '-') {
    std::vector<std::string> rest = words;
    size_t j = 0;
    if (w0 == "in") {
      j = 1;
    } else {
      rest[0] = rest[0].substr(1);
      if (rest[0].empty()) j = 1;
    }
    RAPPORT_ASSIGN_OR_RETURN(span, ReadSpan(rest, j, w0[0] == '-' ? -1 : 1, text));
    if (!span) return NotATime(text);
    i = j;
  } else {
    // "3 days ago", or "2 weeks" (from now).
    size_t j = 0;
    auto amount = ReadSpan(words, j, 1, text);
    if (!amount.ok()) return amount.error();
    if (*amount) {
      span = *amount;
      i = j;
      if (i < words.size() && words[i] == "ago") {
        span->days = -span->days;
        span->months = -span->months;
        span->exact = -span->exact;
        ++i;
      }
    }
  }

  // What is left is a time of day, or nothing.
  std::optional<Seconds> tod;
  if (i < words.size()) {
    if (i + 1 != words.size()) return NotATime(text);
    int ambiguous_hour = 0;
    tod = TimeOfDay(words[i], ambiguous_hour);
    if (!tod && ambiguous_hour != 0) {
      const std::string h = std::to_string(ambiguous_hour);
      return Error::InvalidArgument("'" + std::string(text) + "' could mean " +
                                    TwoDigits(ambiguous_hour % 12) + ":00 or " +
                                    TwoDigits(ambiguous_hour % 12 + 12) + ":00 (say " + h +
                                    "am or " + h + "pm, or use 24 hours)");
    }
    if (!tod) return NotATime(text);
  }

  if (span) {
    if (span->exact != Seconds{0}) {
      if (tod) return NotATime(text);  // "in 2 hours 15:00"
      return now + span->exact;
    }
    local_seconds moved = local_now;
    if (span->months != 0) {
      const auto d = date::floor<days>(local_now);
      date::year_month_day ymd{d};
      auto ym = date::year_month{ymd.year(), ymd.month()} + date::months{span->months};
      date::year_month_day target = ym / ymd.day();
      if (!target.ok()) target = ym / date::last;  // 31 Jan + 1 month: 28 Feb
      moved = local_days{target} + (local_now - d);
    }
    moved += days{span->days};
    if (!tod) {
      // The same wall time on that day; past a skipped hour, just after it.
      const auto info = z->get_info(moved);
      if (info.result == date::local_info::nonexistent) return info.second.begin;
      return Instant{moved.time_since_epoch()} - info.first.offset;
    }
    return Resolve(date::floor<days>(moved) + *tod, z, text);
  }
  if (!day) day = today;  // a time alone is today's
  return Resolve(*day + tod.value_or(Seconds{0}), z, text);
}

}  // namespace rapport
