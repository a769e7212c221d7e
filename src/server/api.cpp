// The JSON API under /api/v1, described by web/openapi.json (served at
// /api/v1/openapi.json). Errors are always {"error": {"code", "message"}}
// with the HTTP status of the App's error category. nlohmann::json is used
// here only.
#include <nlohmann/json.hpp>

#include "rapport/model/time.h"
#include "server/assets.h"
#include "server/internal.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

void SendJson(Response& res, int status, const json& j) {
  res.status = status;
  res.set_content(j.dump(), "application/json");
}

void SendError(Response& res, int status, const std::string& code, const std::string& message) {
  SendJson(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

void SendError(Response& res, const Error& e) {
  SendError(res, StatusFor(e), CodeFor(e), PublicMessage(e));
}

template <class T>
void Put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

json PersonJson(const Contact& c) {
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
  if (c.source) j["source"] = std::string(ToString(*c.source));
  if (c.degree) j["degree"] = std::string(ToString(*c.degree));
  if (c.introducer_id) {
    j["introducer_id"] = *c.introducer_id;
    j["introducer"] = c.introducer_name;
  }
  j["tags"] = c.tags;
  j["created_at"] = FormatIso(c.created_at);
  j["updated_at"] = FormatIso(c.updated_at);
  return j;
}

json ActionJson(const Action& a) {
  json j = {{"kind", std::string(ToString(a.kind))},
            {"due", FormatIso(a.due)},
            {"reason", a.reason}};
  if (a.contact_id != 0) j["contact_id"] = a.contact_id;
  Put(j, "about_id", a.about_id);
  Put(j, "objective_id", a.objective_id);
  if (auto e = EventThatDoes(a.kind)) j["done_by"] = std::string(ToString(*e));
  return j;
}

json EventJson(const Event& e) {
  json j = {{"id", e.id}, {"kind", std::string(ToString(e.kind))}, {"at", FormatIso(e.at)}};
  Put(j, "objective_id", e.objective_id);
  Put(j, "body", e.body);
  if (e.meeting_at) j["meeting_at"] = FormatIso(*e.meeting_at);
  return j;
}

// A query parameter as an integer in [lo, hi], or an error message.
std::optional<int> IntParam(const Request& req, const char* name, int fallback, int lo, int hi,
                            std::string& error) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  int n = 0;
  size_t used = 0;
  try {
    n = std::stoi(v, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != v.size() || n < lo || n > hi) {
    error = std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " +
            std::to_string(hi);
    return std::nullopt;
  }
  return n;
}

void GetAgenda(State& st, const Request& req, Response& res) {
  std::string bad;
  auto days = IntParam(req, "days", 7, 0, 366, bad);
  if (!days) return SendError(res, 400, "invalid_argument", bad);
  json items = json::array();
  json out;
  {
    std::lock_guard lock(st.mu);
    auto agenda = st.app.GetAgenda(*days, 200);
    if (!agenda) return SendError(res, agenda.error());
    for (const auto& item : agenda->items) {
      json j = ActionJson(item.action);
      j["overdue"] = item.overdue;
      if (!item.contact_name.empty()) j["contact"] = item.contact_name;
      if (!item.about_name.empty()) j["about"] = item.about_name;
      if (!item.objective_title.empty()) j["objective"] = item.objective_title;
      items.push_back(std::move(j));
    }
    out = {{"now", FormatIso(agenda->now)},
           {"horizon", FormatIso(agenda->horizon)},
           {"items", std::move(items)},
           {"more", agenda->more}};
  }
  SendJson(res, 200, out);
}

void ListPeople(State& st, const Request& req, Response& res) {
  std::string bad;
  auto limit = IntParam(req, "limit", kDefaultLimit, 1, kMaxLimit, bad);
  if (!limit) return SendError(res, 400, "invalid_argument", bad);
  auto offset = IntParam(req, "offset", 0, 0, 1 << 30, bad);
  if (!offset) return SendError(res, 400, "invalid_argument", bad);
  json items = json::array();
  size_t total = 0;
  {
    std::lock_guard lock(st.mu);
    auto contacts = st.app.ListContacts(std::nullopt, std::nullopt);
    if (!contacts) return SendError(res, contacts.error());
    total = contacts->size();
    for (size_t i = static_cast<size_t>(*offset); i < total && items.size() < static_cast<size_t>(*limit); ++i) {
      items.push_back(PersonJson((*contacts)[i]));
    }
  }
  SendJson(res, 200, {{"items", std::move(items)}, {"total", total}, {"limit", *limit}, {"offset", *offset}});
}

void GetPerson(State& st, const Request& req, Response& res) {
  json j;
  {
    std::lock_guard lock(st.mu);
    auto detail = st.app.ShowContact(req.matches[1].str());
    if (!detail) return SendError(res, detail.error());
    auto events = st.app.Timeline(req.matches[1].str());
    if (!events) return SendError(res, events.error());
    j = PersonJson(detail->contact);
    j["stage"] = std::string(ToString(detail->stage));
    json actions = json::array();
    for (const auto& a : detail->actions) actions.push_back(ActionJson(a));
    j["actions"] = std::move(actions);
    json ev = json::array();
    for (const auto& e : *events) ev.push_back(EventJson(e));
    j["events"] = std::move(ev);
  }
  SendJson(res, 200, j);
}

void AddPerson(State& st, const Request& req, Response& res) {
  if (!HasCsrfToken(st, req)) return SendError(res, 403, "forbidden", "the request has no CSRF token");
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    return SendError(res, 415, "unsupported_media_type", "send the person as application/json");
  }
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return SendError(res, 400, "invalid_argument", "the body is not a JSON object");
  }
  ContactFields f;
  const std::pair<const char*, std::optional<std::string>*> fields[] = {
      {"name", &f.name},         {"org", &f.org},         {"title", &f.title},
      {"email", &f.email},       {"phone", &f.phone},     {"linkedin", &f.linkedin},
      {"location", &f.location}, {"tz", &f.tz},           {"source", &f.source},
      {"degree", &f.degree},     {"introducer", &f.introducer},
  };
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (const auto& [name, slot] : fields) {
      if (key != name) continue;
      known = true;
      if (value.is_null()) break;
      if (!value.is_string()) {
        return SendError(res, 400, "invalid_argument", key + " must be a string");
      }
      *slot = value.get<std::string>();
    }
    if (key == "tags") {
      known = true;
      if (!value.is_array()) return SendError(res, 400, "invalid_argument", "tags must be a list of strings");
      for (const auto& t : value) {
        if (!t.is_string()) return SendError(res, 400, "invalid_argument", "tags must be a list of strings");
        f.add_tags.push_back(t.get<std::string>());
      }
    }
    if (!known) return SendError(res, 400, "invalid_argument", "unknown field " + key);
  }
  if (!f.name) return SendError(res, 400, "invalid_argument", "name is required");
  json j;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.AddContact(f);
    if (!r) return SendError(res, r.error());
    j = PersonJson(r->contact);
  }
  res.set_header("Location", "/api/v1/people/" + std::to_string(j["id"].get<Id>()));
  SendJson(res, 201, j);
}

void OpenApi(State&, const Request&, Response& res) {
  auto doc = FindEmbedded("openapi.json");
  res.set_content(doc ? std::string(*doc) : "{}", "application/json");
}

// Every API route, once: registration and ApiRoutes() both read this, and
// server_test checks it against web/openapi.json both ways.
struct Route {
  const char* method;
  const char* path;     // OpenAPI syntax
  const char* pattern;  // httplib's regex
  void (*handler)(State&, const Request&, Response&);
};
constexpr Route kRoutes[] = {
    {"GET", "/api/v1/agenda", "/api/v1/agenda", GetAgenda},
    {"GET", "/api/v1/people", "/api/v1/people", ListPeople},
    {"POST", "/api/v1/people", "/api/v1/people", AddPerson},
    {"GET", "/api/v1/people/{id}", R"(/api/v1/people/(\d+))", GetPerson},
    {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", OpenApi},
};

}  // namespace

std::vector<ApiRoute> ApiRoutes() {
  std::vector<ApiRoute> out;
  for (const auto& r : kRoutes) out.push_back({r.method, r.path});
  return out;
}

void RegisterApi(httplib::Server& svr, State& st) {
  for (const auto& r : kRoutes) {
    auto fn = [&st, h = r.handler](const Request& req, Response& res) { h(st, req, res); };
    if (std::string_view(r.method) == "GET") {
      svr.Get(r.pattern, fn);
    } else {
      svr.Post(r.pattern, fn);
    }
  }
  // The browser finds the CSRF token in the page; an API client reads it
  // from this header (same origin only: no CORS headers, and Host is
  // checked).
  svr.set_post_routing_handler([&st](const Request& req, Response& res) {
    if (req.path.rfind("/api/", 0) == 0) res.set_header("X-CSRF-Token", st.csrf);
  });
}

}  // namespace rapport::server
