// The API routes of meeting mode and the records it touches: a contact's
// events (list and record), a meeting's brief, objectives and
// organizations (list and add). Listed in api.cpp's kRoutes and described
// in web/openapi.json. Lists page like /api/v1/people: limit and offset in,
// {items, total, limit, offset} out. Errors are {"error": {"code",
// "message", "field"}} with the status of the App's error category.
#include <nlohmann/json.hpp>

#include "rapport/model/time.h"
#include "rapport/present/json.h"
#include "server/internal.h"
#include "server/json_api.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

void BadRequest(Response& res, const std::string& message, const std::string& field = "") {
  SendJsonError(res, 400, "invalid_argument", message, field);
}

struct Paging {
  int limit = kDefaultLimit, offset = 0;
};

// limit and offset, or an error answer already sent.
std::optional<Paging> ReadPaging(const Request& req, Response& res) {
  std::string bad;
  auto limit = IntParam(req, "limit", kDefaultLimit, 1, kMaxLimit, bad);
  auto offset = limit ? IntParam(req, "offset", 0, 0, 1 << 30, bad) : std::nullopt;
  if (!limit || !offset) {
    BadRequest(res, bad);
    return std::nullopt;
  }
  return Paging{*limit, *offset};
}

template <class T, class F>
json Page(const std::vector<T>& all, const Paging& p, F to_json) {
  json items = json::array();
  for (size_t i = static_cast<size_t>(p.offset);
       i < all.size() && items.size() < static_cast<size_t>(p.limit); ++i) {
    items.push_back(to_json(all[i]));
  }
  return {{"items", std::move(items)}, {"total", all.size()}, {"limit", p.limit}, {"offset", p.offset}};
}

// Reads a JSON object's fields into slots by name: strings, whole numbers,
// booleans; null leaves a slot unset. An unknown field or a wrong type is an
// error message.
struct Fields {
  std::vector<std::pair<const char*, std::optional<std::string>*>> strings;
  std::vector<std::pair<const char*, std::optional<int>*>> ints;

  std::string Read(const json& body) const {
    for (const auto& [key, value] : body.items()) {
      bool known = false;
      for (const auto& [name, slot] : strings) {
        if (key != name) continue;
        known = true;
        if (value.is_null()) break;
        if (!value.is_string()) return key + " must be a string";
        *slot = value.get<std::string>();
      }
      for (const auto& [name, slot] : ints) {
        if (key != name) continue;
        known = true;
        if (value.is_null()) break;
        if (!value.is_number_integer()) return key + " must be a whole number";
        const auto n = value.get<std::int64_t>();
        if (n < -1000000 || n > 1000000) return key + " is out of range";
        *slot = static_cast<int>(n);
      }
      if (!known) return "unknown field " + key;
    }
    return "";
  }
};

// Records are written as every face writes them (present/json.h).
using present::ContactJson;
using present::EventJson;
using present::ObjectiveJson;
using present::OrganizationJson;

// The kinds a client may record here; a promise is kept through its own
// command (it must name the promise), so promise_kept is not one of them.
bool Recordable(EventKind k) { return k != EventKind::kPromiseKept; }

}  // namespace

// GET /api/v1/events?contact=REF&limit=&offset=: a contact's timeline,
// oldest first.
void ApiListEvents(State& st, const Request& req, Response& res) {
  const std::string contact = QueryParam(req, "contact");
  if (contact.find_first_not_of(" \t") == std::string::npos) {
    return BadRequest(res, "contact is required: a contact's id, email or name");
  }
  auto paging = ReadPaging(req, res);
  if (!paging) return;
  json out;
  {
    std::lock_guard lock(st.mu);
    auto events = st.app.pipeline().Timeline(contact);
    if (!events) return SendJsonError(res, events.error());
    out = Page(*events, *paging, EventJson);
  }
  SendJson(res, 200, out);
}

// POST /api/v1/events: {kind, contact, at?, objective?, body?, meeting_at?,
// meeting_minutes?, fit?, write_id?}. With a write_id the client made, a
// retry answers with the event the first request logged.
void ApiAddEvent(State& st, const Request& req, Response& res) {
  auto body = ReadJsonObject(st, req, res);
  if (!body) return;
  EventInput in;
  std::optional<std::string> kind, contact;
  Fields f;
  f.strings = {{"kind", &kind},           {"contact", &contact},        {"at", &in.at},
               {"objective", &in.objective}, {"body", &in.body},       {"meeting_at", &in.meeting_at},
               {"write_id", &in.write_id}};
  f.ints = {{"meeting_minutes", &in.meeting_minutes}, {"fit", &in.fit}};
  if (std::string bad = f.Read(*body); !bad.empty()) return BadRequest(res, bad);
  if (!kind) return BadRequest(res, "kind is required", "kind");
  if (!contact) return BadRequest(res, "contact is required", "contact");
  auto k = ParseEventKind(*kind);
  if (!k || !Recordable(*k)) {
    std::string names;
    for (auto n : EventKindNames()) {
      if (ParseEventKind(n) && Recordable(*ParseEventKind(n))) names += (names.empty() ? "" : ", ") + std::string(n);
    }
    return BadRequest(res, "'" + *kind + "' is not a kind of event to record (use " + names + ")",
                      "kind");
  }
  in.kind = *k;
  in.contact = *contact;
  json j;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.pipeline().Record(in);
    if (!r) return SendJsonError(res, r.error());
    j = EventJson(*r);
  }
  SendJson(res, 201, j);
}

// GET /api/v1/people/{id}/prep: what meeting mode shows.
void ApiGetPrep(State& st, const Request& req, Response& res) {
  json j;
  {
    std::lock_guard lock(st.mu);
    auto b = st.app.learning().Prep(req.matches[1].str());
    if (!b) return SendJsonError(res, b.error());
    j = present::PrepJson(*b, st.app.config().playbook.meeting_minutes);
  }
  SendJson(res, 200, j);
}

void ApiListObjectives(State& st, const Request& req, Response& res) {
  auto paging = ReadPaging(req, res);
  if (!paging) return;
  json out;
  {
    std::lock_guard lock(st.mu);
    auto all = st.app.records().ListObjectives();
    if (!all) return SendJsonError(res, all.error());
    out = Page(*all, *paging, ObjectiveJson);
  }
  SendJson(res, 200, out);
}

// POST /api/v1/objectives: {title, kind?, target?, notes?}.
void ApiAddObjective(State& st, const Request& req, Response& res) {
  auto body = ReadJsonObject(st, req, res);
  if (!body) return;
  ObjectiveFields o;
  Fields f;
  f.strings = {{"title", &o.title}, {"kind", &o.kind}, {"notes", &o.notes}};
  f.ints = {{"target", &o.target}};
  if (std::string bad = f.Read(*body); !bad.empty()) return BadRequest(res, bad);
  if (!o.title) return BadRequest(res, "title is required");
  if (o.target && *o.target < 1) return BadRequest(res, "target must be 1 or more");
  json j;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.records().AddObjective(o);
    if (!r) return SendJsonError(res, r.error());
    j = ObjectiveJson(*r);
  }
  SendJson(res, 201, j);
}

void ApiListOrganizations(State& st, const Request& req, Response& res) {
  auto paging = ReadPaging(req, res);
  if (!paging) return;
  json out;
  {
    std::lock_guard lock(st.mu);
    auto all = st.app.records().ListOrganizations();
    if (!all) return SendJsonError(res, all.error());
    out = Page(*all, *paging, OrganizationJson);
  }
  SendJson(res, 200, out);
}

// POST /api/v1/organizations: {name, industry?, size?, location?, website?}.
void ApiAddOrganization(State& st, const Request& req, Response& res) {
  auto body = ReadJsonObject(st, req, res);
  if (!body) return;
  OrgFields o;
  Fields f;
  f.strings = {{"name", &o.name},         {"industry", &o.industry}, {"size", &o.size},
               {"location", &o.location}, {"website", &o.website}};
  if (std::string bad = f.Read(*body); !bad.empty()) return BadRequest(res, bad);
  if (!o.name) return BadRequest(res, "name is required");
  json j;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.records().AddOrganization(o);
    if (!r) return SendJsonError(res, r.error());
    j = OrganizationJson(*r);
  }
  SendJson(res, 201, j);
}

}  // namespace rapport::server
