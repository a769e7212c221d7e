#include "rapport/model/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <cctype>

namespace rapport {

namespace {

const date::time_zone* FindZone(std::string_view zone) {
  try {
    return date::locate_zone(std::string(zone));
  } catch (const std::exception&) {
    return nullptr;
  }
}

// Callers validate zones at the edge; an unknown one here falls back to UTC
// rather than throwing out of the core.
const date::time_zone* ZoneOrUtc(std::string_view zone) {
  if (const auto* z = FindZone(zone)) return z;
  return date::locate_zone("UTC");
}

bool ReadInt(std::string_view s, size_t& pos, size_t width, int& out) {
  if (pos + width > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  pos += width;
  out = v;
  return true;
}

Error BadTime(std::string_view text) {
  return Error::InvalidArgument("'" + std::string(text) +
                                "' is not a date or time (use ISO-8601, e.g. 2026-03-02 or "
                                "2026-03-02T09:30 or 2026-03-02T09:30Z)");
}

}  // namespace

Instant SystemClock::Now() const {
  return std::chrono::floor<Seconds>(std::chrono::system_clock::now());
}

bool IsKnownZone(std::string_view zone) { return !zone.empty() && FindZone(zone) != nullptr; }

Result<Instant> ParseTime(std::string_view text, std::string_view zone) {
  size_t pos = 0;
  int y, mo, d, h = 0, mi = 0, s = 0;
  std::string_view t = text;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  if (!ReadInt(t, pos, 4, y) || pos >= t.size() || t[pos++] != '-' || !ReadInt(t, pos, 2, mo) ||
      pos >= t.size() || t[pos++] != '-' || !ReadInt(t, pos, 2, d)) {
    return BadTime(text);
  }
  auto ymd = date::year{y} / date::month{static_cast<unsigned>(mo)} /
             date::day{static_cast<unsigned>(d)};
  if (!ymd.ok()) {
    return Error::InvalidArgument("'" + std::string(text) + "' is not a real calendar date");
  }
  bool has_time = false;
  if (pos < t.size()) {
    if (t[pos] != 'T' && t[pos] != 't' && t[pos] != ' ') return BadTime(text);
    ++pos;
    if (!ReadInt(t, pos, 2, h) || pos >= t.size() || t[pos++] != ':' || !ReadInt(t, pos, 2, mi)) {
      return BadTime(text);
    }
    if (pos < t.size() && t[pos] == ':') {
      ++pos;
      if (!ReadInt(t, pos, 2, s)) return BadTime(text);
    }
    has_time = true;
  }
  if (h > 23 || mi > 59 || s > 59) {
    return Error::InvalidArgument("'" + std::string(text) + "' has an impossible time of day");
  }
  auto local = date::local_days{ymd} + hours{h} + minutes{mi} + Seconds{s};
  // Offset or Z?
  if (pos < t.size()) {
    if (!has_time) return BadTime(text);
    char c = t[pos];
    if ((c == 'Z' || c == 'z') && pos + 1 == t.size()) {
      return Instant{local.time_since_epoch()};
    }
    if (c != '+' && c != '-') return BadTime(text);
    ++pos;
    int oh = 0, om = 0;
    if (!ReadInt(t, pos, 2, oh)) return BadTime(text);
    if (pos < t.size() && t[pos] == ':') ++pos;
    if (!ReadInt(t, pos, 2, om) || pos != t.size() || oh > 14 || om > 59) return BadTime(text);
    Seconds off = hours{oh} + minutes{om};
    return Instant{local.time_since_epoch()} - (c == '+' ? off : -off);
  }
  const auto* z = FindZone(zone);
  if (z == nullptr) {
    return Error::InvalidArgument("unknown time zone '" + std::string(zone) +
                                  "' (use an IANA name such as Europe/Paris)");
  }
  auto info = z->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return Instant{local.time_since_epoch()} - info.first.offset;
    case date::local_info::ambiguous:
      return Instant{local.time_since_epoch()} - info.first.offset;
    case date::local_info::nonexistent:
    default:
      return Error::InvalidArgument("'" + std::string(text) + "' does not exist in " +
                                    std::string(zone) +
                                    " (the clocks skip that hour for daylight saving)");
  }
}

std::string FormatIso(Instant t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

std::string FormatLocal(Instant t, std::string_view zone) {
  return date::format("%Y-%m-%d %H:%M", date::make_zoned(ZoneOrUtc(zone), t));
}

std::string FormatFriendly(Instant t, std::string_view zone, Instant now) {
  auto zt = date::make_zoned(ZoneOrUtc(zone), t);
  auto zn = date::make_zoned(ZoneOrUtc(zone), now);
  auto y1 = date::year_month_day{date::floor<days>(zt.get_local_time())}.year();
  auto y2 = date::year_month_day{date::floor<days>(zn.get_local_time())}.year();
  std::string s = date::format("%a %e %b", zt);
  if (!s.empty() && s[4] == ' ') s.erase(4, 1);  // "Mon  2 Mar" -> "Mon 2 Mar"
  if (y1 != y2) s += date::format(" %Y", zt);
  return s + date::format(" %H:%M", zt);
}

std::string FormatDay(Instant t, std::string_view zone, Instant now) {
  auto zt = date::make_zoned(ZoneOrUtc(zone), t);
  auto zn = date::make_zoned(ZoneOrUtc(zone), now);
  auto ymd = date::year_month_day{date::floor<days>(zt.get_local_time())};
  auto y2 = date::year_month_day{date::floor<days>(zn.get_local_time())}.year();
  std::string s = std::to_string(static_cast<unsigned>(ymd.day())) + date::format(" %b", zt);
  if (ymd.year() != y2) s += date::format(" %Y", zt);
  return s;
}

std::string ZoneOffset(Instant t, std::string_view zone) {
  auto info = ZoneOrUtc(zone)->get_info(t);
  auto off = std::chrono::duration_cast<minutes>(info.offset).count();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+',
                static_cast<int>(std::abs(off) / 60), static_cast<int>(std::abs(off) % 60));
  return buf;
}

namespace {
// Local midnight -> instant; a midnight skipped by DST maps to the first
// instant after the gap.
Instant LocalToInstant(const date::time_zone* z, date::local_seconds local) {
  auto info = z->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return info.second.begin;
  }
  return Instant{local.time_since_epoch()} - info.first.offset;
}
}  // namespace

Instant StartOfLocalDay(Instant t, std::string_view zone) {
  const auto* z = ZoneOrUtc(zone);
  auto local = z->to_local(t);
  return LocalToInstant(z, date::floor<days>(local));
}

Instant StartOfLocalWeek(Instant t, std::string_view zone) {
  const auto* z = ZoneOrUtc(zone);
  auto day = date::floor<days>(z->to_local(t));
  date::weekday wd{day};
  auto back = (wd - date::Monday).count();
  return LocalToInstant(z, day - days{back});
}

Instant AddLocalDays(Instant t, int n, std::string_view zone) {
  const auto* z = ZoneOrUtc(zone);
  auto local = z->to_local(t) + days{n};
  return LocalToInstant(z, local);
}

Instant AddBusinessDays(Instant t, int n, std::string_view zone) {
  const auto* z = ZoneOrUtc(zone);
  auto local = z->to_local(t);
  auto day = date::floor<days>(local);
  auto tod = local - day;
  auto is_weekend = [](date::local_days d) {
    date::weekday wd{d};
    return wd == date::Saturday || wd == date::Sunday;
  };
  while (is_weekend(day)) day += days{1};
  for (int i = 0; i < n;) {
    day += days{1};
    if (!is_weekend(day)) ++i;
  }
  return LocalToInstant(z, day + tod);
}

std::vector<ZoneTransition> YearTransitions(std::string_view zone, int year) {
  const auto* z = ZoneOrUtc(zone);
  std::vector<ZoneTransition> out;
  auto start = date::sys_days{date::year{year} / 1 / 1} - days{1};
  auto end = date::sys_days{date::year{year + 1} / 1 / 1} + days{1};
  auto info = z->get_info(start);
  while (info.end < end) {
    auto next = z->get_info(info.end);
    if (next.offset == info.offset && next.abbrev == info.abbrev) {
      info = next;
      continue;
    }
    auto local = date::local_seconds{(info.end + info.offset).time_since_epoch()};
    auto day = date::floor<days>(local);
    date::year_month_day ymd{day};
    if (static_cast<int>(ymd.year()) == year) {
      ZoneTransition t;
      t.local_start = date::format("%Y%m%dT%H%M%S", local);
      t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
      t.weekday = static_cast<int>(date::weekday{day}.c_encoding());
      unsigned d = static_cast<unsigned>(ymd.day());
      auto last = static_cast<unsigned>(
          date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}}.day());
      t.nth = d + 7 > last ? -1 : static_cast<int>((d - 1) / 7 + 1);
      t.offset_from = static_cast<int>(info.offset.count());
      t.offset_to = static_cast<int>(next.offset.count());
      t.abbrev = next.abbrev;
      t.dst = next.save != minutes{0};
      out.push_back(std::move(t));
    }
    info = next;
  }
  return out;
}

std::pair<int, std::string> OffsetAt(std::string_view zone, Instant t) {
  auto info = ZoneOrUtc(zone)->get_info(t);
  return {static_cast<int>(info.offset.count()), info.abbrev};
}

int LocalYear(Instant t, std::string_view zone) {
  auto local = ZoneOrUtc(zone)->to_local(t);
  return static_cast<int>(date::year_month_day{date::floor<days>(local)}.year());
}

}  // namespace rapport
