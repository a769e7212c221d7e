#include "cli/json.h"

#include <ostream>

#include "rapport/present/json.h"

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

// A contact, an objective and an event as every face writes them
// (present/json.h).
json ToJson(const Contact& c) { return present::ContactJson(c); }

json ToJson(const Objective& o) { return present::ObjectiveJson(o); }

json ToJson(const Event& e) { return present::EventJson(e); }

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
