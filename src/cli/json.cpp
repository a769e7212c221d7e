#include "cli/json.h"

#include <ostream>

namespace rapport::cli {

namespace {
template <class T>
void Put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
template <class E>
void PutEnum(json& j, const char* key, const std::optional<E>& v) {
  if (v) j[key] = std::string(ToString(*v));
}
}  // namespace

json ToJson(const Organization& o) {
  json j = {{"id", o.id}, {"name", o.name}};
  Put(j, "industry", o.industry);
  PutEnum(j, "size", o.size);
  Put(j, "location", o.location);
  Put(j, "website", o.website);
  j["contacts"] = o.contact_count;
  j["created_at"] = FormatIso(o.created_at);
  return j;
}

json ToJson(const Contact& c) {
  json j = {{"id", c.id}, {"name", c.name}};
  if (c.org_id) {
    j["org_id"] = *c.org_id;
    j["org"] = c.org_name;
  }
  Put(j, "title", c.title);
  Put(j, "email", c.email);
  Put(j, "phone", c.phone);
  Put(j, "linkedin", c.linkedin);
  Put(j, "location", c.location);
  Put(j, "tz", c.tz);
  PutEnum(j, "source", c.source);
  PutEnum(j, "degree", c.degree);
  if (c.introducer_id) {
    j["introducer_id"] = *c.introducer_id;
    j["introducer"] = c.introducer_name;
  }
  j["tags"] = c.tags;
  if (c.connected_at) j["connected_at"] = FormatIso(*c.connected_at);
  Put(j, "note", c.note);
  j["created_at"] = FormatIso(c.created_at);
  j["updated_at"] = FormatIso(c.updated_at);
  return j;
}

json ToJson(const Objective& o) {
  json j = {{"id", o.id}, {"title", o.title}, {"kind", std::string(ToString(o.kind))}};
  Put(j, "target", o.target);
  Put(j, "notes", o.notes);
  j["created_at"] = FormatIso(o.created_at);
  return j;
}

json ToJson(const Event& e) {
  json j = {{"id", e.id},
            {"contact_id", e.contact_id},
            {"kind", std::string(ToString(e.kind))},
            {"at", FormatIso(e.at)}};
  Put(j, "objective_id", e.objective_id);
  PutEnum(j, "channel", e.channel);
  Put(j, "body", e.body);
  Put(j, "via_id", e.via_id);
  if (e.kind == EventKind::kCallMade) j["voicemail"] = e.voicemail;
  if (e.meeting_at) j["meeting_at"] = FormatIso(*e.meeting_at);
  Put(j, "meeting_tz", e.meeting_tz);
  Put(j, "meeting_minutes", e.meeting_minutes);
  PutEnum(j, "meeting_mode", e.meeting_mode);
  Put(j, "meeting_place", e.meeting_place);
  if (e.kind == EventKind::kPromiseMade || e.kind == EventKind::kPromiseKept) {
    j["theirs"] = e.theirs;
  }
  if (e.due) j["due"] = FormatIso(*e.due);
  Put(j, "promise_id", e.promise_id);
  return j;
}

json ToJson(const Action& a) {
  json j = {{"action", std::string(ToString(a.kind))}, {"due", FormatIso(a.due)}};
  if (a.contact_id) j["contact_id"] = a.contact_id;
  Put(j, "about_id", a.about_id);
  Put(j, "objective_id", a.objective_id);
  Put(j, "promise_id", a.promise_id);
  if (a.until) j["until"] = FormatIso(*a.until);
  j["reason"] = a.reason;
  return j;
}

// Invalid UTF-8 in stored text prints as U+FFFD instead of throwing.
void PrintJson(std::ostream& out, const json& j) {
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace rapport::cli
