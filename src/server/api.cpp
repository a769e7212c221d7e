// The JSON API under /api/v1, described by web/openapi.json (served at
// /api/v1/openapi.json). Errors are always {"error": {"code", "message"}},
// with "field" when one input is at fault, and the HTTP status of the App's
// error category. nlohmann::json is used
// here only.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "rapport/model/time.h"
#include "rapport/present/json.h"
#include "server/assets.h"
#include "server/internal.h"
#include "server/json_api.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

// A person, an agenda action and an event as every face writes them
// (present/json.h).
using present::ActionJson;
using present::AgendaItemJson;
using present::EventJson;
json PersonJson(const Contact& c) { return present::ContactJson(c); }

void GetAgenda(State& st, const Request& req, Response& res) {
  std::string bad;
  auto days = IntParam(req, "days", 7, 0, 366, bad);
  if (!days) return SendJsonError(res, 400, "invalid_argument", bad);
  // The people due first, 50 by default like Today and `rapport agenda`;
  // `more` counts the rest.
  auto limit = IntParam(req, "limit", kDefaultLimit, 1, kMaxLimit, bad);
  if (!limit) return SendJsonError(res, 400, "invalid_argument", bad);
  const std::string key = "api/agenda?days=" + std::to_string(*days) + "&limit=" + std::to_string(*limit);
  auto body = CachedBody(st, key, [&]() -> Result<std::string> {
    RAPPORT_ASSIGN_OR_RETURN(auto agenda, st.app.pipeline().GetAgenda(*days, *limit));
    json items = json::array();
    for (const auto& item : agenda.items) items.push_back(AgendaItemJson(item));
    json out = {{"now", FormatIso(agenda.now)},
                {"horizon", FormatIso(agenda.horizon)},
                {"items", std::move(items)},
                {"more", agenda.more},
                {"more_at_least", agenda.more_at_least}};
    return out.dump();
  });
  if (!body) return SendJsonError(res, body.error());
  res.status = 200;
  res.set_content(**body, "application/json");
}

// GET /api/v1/offline: the pages a phone keeps for when the network drops
// (the service worker, web/static/sw.js, fetches each while online): Today,
// and meeting mode and the person's page for each meeting of the next
// days, or one just over and not yet logged.
constexpr int kOfflineDays = 3;

void GetOffline(State& st, const Request&, Response& res) {
  auto body = CachedBody(st, "api/offline", [&]() -> Result<std::string> {
    RAPPORT_ASSIGN_OR_RETURN(auto agenda, st.app.pipeline().GetAgenda(kOfflineDays, kMaxLimit));
    json pages = json::array({"/"});
    json meetings = json::array();
    std::vector<Id> seen;  // a person with two meeting actions is kept once
    for (const auto& item : agenda.items) {
      const Action& a = item.action;
      if (a.contact_id == 0 || (a.kind != ActionKind::kPrepare && a.kind != ActionKind::kLogMeeting) ||
          std::find(seen.begin(), seen.end(), a.contact_id) != seen.end()) {
        continue;
      }
      seen.push_back(a.contact_id);
      const std::string person = "/people/" + std::to_string(a.contact_id);
      pages.push_back(person + "/meeting");
      pages.push_back(person);
      meetings.push_back({{"contact_id", a.contact_id}, {"name", item.contact_name}, {"page", person + "/meeting"}});
    }
    json out = {{"now", FormatIso(agenda.now)}, {"days", kOfflineDays}, {"pages", std::move(pages)},
                {"meetings", std::move(meetings)}};
    return out.dump();
  });
  if (!body) return SendJsonError(res, body.error());
  res.status = 200;
  res.set_content(**body, "application/json");
}

void ListPeople(State& st, const Request& req, Response& res) {
  std::string bad;
  auto limit = IntParam(req, "limit", kDefaultLimit, 1, kMaxLimit, bad);
  if (!limit) return SendJsonError(res, 400, "invalid_argument", bad);
  auto offset = IntParam(req, "offset", 0, 0, 1 << 30, bad);
  if (!offset) return SendJsonError(res, 400, "invalid_argument", bad);
  json items = json::array();
  size_t total = 0;
  {
    std::lock_guard lock(st.mu);
    auto contacts = st.app.records().ListContacts(std::nullopt, std::nullopt);
    if (!contacts) return SendJsonError(res, contacts.error());
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
    auto detail = st.app.records().ShowContact(req.matches[1].str());
    if (!detail) return SendJsonError(res, detail.error());
    auto events = st.app.pipeline().Timeline(req.matches[1].str());
    if (!events) return SendJsonError(res, events.error());
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
  auto parsed = ReadJsonObject(st, req, res);
  if (!parsed) return;
  const json& body = *parsed;
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
        return SendJsonError(res, 400, "invalid_argument", key + " must be a string", key);
      }
      *slot = value.get<std::string>();
    }
    if (key == "tags") {
      known = true;
      if (!value.is_array()) {
        return SendJsonError(res, 400, "invalid_argument", "tags must be a list of strings",
                             "tags");
      }
      for (const auto& t : value) {
        if (!t.is_string()) {
          return SendJsonError(res, 400, "invalid_argument", "tags must be a list of strings",
                               "tags");
        }
        f.add_tags.push_back(t.get<std::string>());
      }
    }
    if (!known) return SendJsonError(res, 400, "invalid_argument", "unknown field " + key, key);
  }
  if (!f.name) return SendJsonError(res, 400, "invalid_argument", "name is required", "name");
  json j;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.records().AddContact(f);
    if (!r) return SendJsonError(res, r.error());
    j = PersonJson(r->contact);
  }
  res.set_header("Location", "/api/v1/people/" + std::to_string(j["id"].get<Id>()));
  SendJson(res, 201, j);
}

void Search(State& st, const Request& req, Response& res) {
  std::string bad;
  auto limit = IntParam(req, "limit", kDefaultLimit, 1, kMaxLimit, bad);
  if (!limit) return SendJsonError(res, 400, "invalid_argument", bad);
  const std::string q = QueryParam(req, "q");
  SearchResults found;
  // No words, no results (the page shows just the form); words the search
  // cannot use are the App's error, about the query parameter q.
  if (q.find_first_not_of(" \t\r\n") != std::string::npos) {
    std::lock_guard lock(st.mu);
    auto r = st.app.learning().Search(q, *limit);
    if (!r) {
      return SendJsonError(res, r.error().field() == "query" ? r.error().InField("q") : r.error());
    }
    found = std::move(*r);
  }
  SendJson(res, 200, present::SearchResultsJson(found));
}

void GetInsights(State& st, const Request& req, Response& res) {
  json j;
  {
    std::lock_guard lock(st.mu);
    auto in = st.app.learning().GetInsights(req.matches[1].str());
    if (!in) return SendJsonError(res, in.error());
    json objective = {{"id", in->objective.id},
                      {"title", in->objective.title},
                      {"kind", std::string(ToString(in->objective.kind))}};
    if (in->objective.notes) objective["notes"] = *in->objective.notes;
    json people = json::array();
    for (const auto& c : in->people) people.push_back({{"id", c.id}, {"name", c.name}});
    json matrix = json::array();
    for (const auto& row : in->matrix) {
      json answers = json::array();
      for (size_t i = 0; i < in->people.size(); ++i) {
        answers.push_back(i < row.answers.size() ? json(row.answers[i]) : json::array());
      }
      matrix.push_back({{"question",
                         {{"id", row.question.id},
                          {"text", row.question.text},
                          {"category", std::string(ToString(row.question.category))}}},
                        {"answered", row.answered},
                        {"answers", std::move(answers)}});
    }
    json promises = json::array();
    for (const auto& p : in->open_promises) promises.push_back(present::OpenPromiseJson(p));
    j = {{"objective", std::move(objective)},
         {"conversations", in->conversations},
         {"target", in->target},
         {"verdict", in->verdict},
         {"fit_ratings", in->fit_ratings},
         {"people", std::move(people)},
         {"matrix", std::move(matrix)},
         {"open_promises", std::move(promises)}};
    if (in->fit_average) j["fit_average"] = *in->fit_average;
  }
  SendJson(res, 200, j);
}

void GetStats(State& st, const Request&, Response& res) {
  json j;
  {
    std::lock_guard lock(st.mu);
    auto s = st.app.pipeline().GetStats();
    if (!s) return SendJsonError(res, s.error());
    j = present::StatsJson(*s);
  }
  SendJson(res, 200, j);
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
    {"GET", "/api/v1/offline", "/api/v1/offline", GetOffline},
    {"GET", "/api/v1/people", "/api/v1/people", ListPeople},
    {"POST", "/api/v1/people", "/api/v1/people", AddPerson},
    {"GET", "/api/v1/people/{id}", R"(/api/v1/people/(\d+))", GetPerson},
    {"GET", "/api/v1/search", "/api/v1/search", Search},
    {"GET", "/api/v1/objectives/{id}/insights", R"(/api/v1/objectives/(\d+)/insights)", GetInsights},
    {"GET", "/api/v1/stats", "/api/v1/stats", GetStats},
    {"POST", "/api/v1/drafts", "/api/v1/drafts", ApiDraft},  // compose_pages.cpp
    {"POST", "/api/v1/lint", "/api/v1/lint", ApiLint},        // compose_pages.cpp
    // meeting_api.cpp
    {"GET", "/api/v1/events", "/api/v1/events", ApiListEvents},
    {"POST", "/api/v1/events", "/api/v1/events", ApiAddEvent},
    {"GET", "/api/v1/people/{id}/prep", R"(/api/v1/people/(\d+)/prep)", ApiGetPrep},
    {"GET", "/api/v1/objectives", "/api/v1/objectives", ApiListObjectives},
    {"POST", "/api/v1/objectives", "/api/v1/objectives", ApiAddObjective},
    {"GET", "/api/v1/organizations", "/api/v1/organizations", ApiListOrganizations},
    {"POST", "/api/v1/organizations", "/api/v1/organizations", ApiAddOrganization},
    {"GET", "/api/v1/pipeline", "/api/v1/pipeline", ApiGetPipeline},
    {"POST", "/api/v1/pipeline/move", "/api/v1/pipeline/move", ApiMoveCard},
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
  // The X-CSRF-Token header of every API response: server.cpp's
  // post-routing handler.
}

}  // namespace rapport::server
