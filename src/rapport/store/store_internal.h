// Helpers shared by the Store's files (store_*.cpp), and by nothing else:
// binding values, reading rows, the column lists of the rows more than one
// aggregate reads. Private to store/: include it only from store/*.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/store/database.h"
#include "rapport/store/store.h"

namespace rapport::store_internal {

inline std::optional<std::string> LinkedInKeyOf(const std::optional<std::string>& url) {
  if (!url) return std::nullopt;
  return LinkedInKey(*url);
}

// "%fragment%" with LIKE's wildcards escaped (used with ESCAPE '\').
inline std::string ContainsPattern(std::string_view fragment) {
  std::string p = "%";
  for (char c : FoldCase(fragment)) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  p += '%';
  return p;
}

inline Value Int(std::int64_t v) { return Value{v}; }
inline Value OptId(const std::optional<Id>& v) { return v ? Value{*v} : Value{}; }
inline Value OptTime(const std::optional<Instant>& t) { return t ? Value{ToUnix(*t)} : Value{}; }
inline Value OptInt(const std::optional<int>& v) { return v ? Value{std::int64_t{*v}} : Value{}; }
template <class E>
inline Value OptEnum(const std::optional<E>& e) {
  return e ? Value{std::string(ToString(*e))} : Value{};
}
inline std::optional<Instant> RowTime(const Row& r, size_t i) {
  auto v = r.OptInt(i);
  if (!v) return std::nullopt;
  return FromUnix(*v);
}
inline std::optional<std::string> EmailKey(const std::optional<std::string>& email) {
  if (!email) return std::nullopt;
  return FoldCase(*email);
}
inline Status ExpectOne(const Result<std::int64_t>& changed, std::string_view what, Id id) {
  if (!changed) return changed.error();
  if (*changed == 0) return Error::NotFound("no " + std::string(what) + " " + std::to_string(id));
  return {};
}

// ---- organizations ----

inline constexpr std::string_view kOrgColumns =
    "o.id, o.name, o.industry, o.size, o.location, o.website, o.created_at, "
    "(SELECT COUNT(*) FROM contact c WHERE c.workspace_id = o.workspace_id AND c.org_id = o.id)";

inline Organization OrgFromRow(const Row& r) {
  Organization o;
  o.id = r.Int(0);
  o.name = r.Text(1);
  o.industry = r.OptText(2);
  if (auto s = r.OptText(3)) o.size = ParseOrgSize(*s);
  o.location = r.OptText(4);
  o.website = r.OptText(5);
  o.created_at = FromUnix(r.Int(6));
  o.contact_count = static_cast<int>(r.Int(7));
  return o;
}

// ---- events ----

inline constexpr std::string_view kEventColumns =
    "id, contact_id, objective_id, kind, at, channel, body, via_id, voicemail, meeting_at, "
    "meeting_tz, meeting_minutes, meeting_mode, meeting_place, theirs, due, promise_id, fit, "
    "template";

inline Event EventFromRow(const Row& r) {
  Event e;
  e.id = r.Int(0);
  e.contact_id = r.Int(1);
  e.objective_id = r.OptInt(2);
  e.kind = ParseEventKind(r.Text(3)).value_or(EventKind::kTouch);
  e.at = FromUnix(r.Int(4));
  if (auto c = r.OptText(5)) e.channel = ParseChannel(*c);
  e.body = r.OptText(6);
  e.via_id = r.OptInt(7);
  e.voicemail = r.Int(8) != 0;
  e.meeting_at = RowTime(r, 9);
  e.meeting_tz = r.OptText(10);
  if (auto m = r.OptInt(11)) e.meeting_minutes = static_cast<int>(*m);
  if (auto m = r.OptText(12)) e.meeting_mode = ParseMeetingMode(*m);
  e.meeting_place = r.OptText(13);
  e.theirs = r.Int(14) != 0;
  e.due = RowTime(r, 15);
  e.promise_id = r.OptInt(16);
  if (auto f = r.OptInt(17)) e.fit = static_cast<int>(*f);
  e.template_name = r.OptText(18);
  return e;
}

inline Result<std::vector<Event>> EventsFromRows(Result<std::vector<Row>> rows) {
  if (!rows) return rows.error();
  std::vector<Event> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(EventFromRow(r));
  return out;
}

inline std::string IdList(const std::vector<Id>& ids) {
  std::string s;
  for (Id id : ids) {
    if (!s.empty()) s += ',';
    s += std::to_string(id);
  }
  return s;
}

}  // namespace rapport::store_internal
