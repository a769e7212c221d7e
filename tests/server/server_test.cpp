// rapport serve's safety and behaviour, over real HTTP: a WebServer on a
// free loopback port in this process, over a fresh SQLite database with a
// fixed clock, driven by httplib::Client.
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "server_fixture.h"
#include "support/files.h"

namespace rapport {
namespace {

TEST_F(ServerTest, AnswersOnlyToItsOwnHostNames) {
  const std::string port = std::to_string(server_->port());
  for (const std::string& host : std::vector<std::string>{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}) {
    auto r = client_->Get("/", {{"Host", host}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << host;
  }
  for (const std::string& host : std::vector<std::string>{"evil.example:" + port, "127.0.0.1:1", "localhost", "",
                                 "127.0.0.1.evil.example:" + port}) {
    auto r = client_->Get("/", {{"Host", host}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 421) << host;
    EXPECT_EQ(r->get_header_value("Content-Security-Policy"), kCsp);
  }
  auto api = client_->Get("/api/v1/people", {{"Host", "evil.example:" + port}});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 421);
  EXPECT_EQ(Json(api)["error"]["code"], "misdirected_request");
}

TEST_F(ServerTest, RefusesStateChangesFromAnotherOrigin) {
  httplib::Params form = {{"csrf", Token()}, {"name", "Ada"}};
  auto r = PostForm("/people", form, {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = PostForm("/people", form, {{"Origin", "http://localhost:1"}});
  EXPECT_EQ(r->status, 403);
  EXPECT_TRUE(app_->records().ListContacts(std::nullopt, std::nullopt)->empty());
  // Chromium sends "Origin: null" for a form posted from a page with
  // Referrer-Policy: no-referrer (ours): the token alone decides then.
  r = PostForm("/people", {{"name", "Ada"}}, {{"Origin", "null"}});
  EXPECT_EQ(r->status, 403);
  r = PostForm("/people", {{"name", "Ada"}, {"csrf", Token()}}, {{"Origin", "null"}});
  EXPECT_EQ(r->status, 303);
  r = PostForm("/people", {{"csrf", Token()}, {"name", "Bo"}}, {{"Origin", "http://" + Host()}});
  EXPECT_EQ(r->status, 303);
}

TEST_F(ServerTest, EveryStateChangeNeedsTheCsrfToken) {
  auto r = PostForm("/people", {{"name", "Ada"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = PostForm("/people", {{"name", "Ada"}, {"csrf", "0000"}});
  EXPECT_EQ(r->status, 403);
  r = PostForm("/people", {{"name", "Ada"}, {"csrf", Token()}}, {{"X-CSRF-Token", "wrong"}});
  EXPECT_EQ(r->status, 403);
  r = PostForm("/agenda/do", {{"action", "follow_up"}, {"contact", "1"}});
  EXPECT_EQ(r->status, 403);
  r = client_->Post("/api/v1/people", R"({"name": "Ada"})", "application/json");
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(Json(r)["error"]["code"], "forbidden");
  r = client_->Post("/api/v1/people", {{"X-CSRF-Token", Token() + "0"}}, R"({"name": "Ada"})",
                    "application/json");
  EXPECT_EQ(r->status, 403);
  r = client_->Put("/people", "x", "text/plain");
  EXPECT_EQ(r->status, 403);
  r = client_->Delete("/people/1");
  EXPECT_EQ(r->status, 403);
  EXPECT_TRUE(app_->records().ListContacts(std::nullopt, std::nullopt)->empty());

  r = PostForm("/people", {{"name", "Ada"}, {"csrf", Token()}});
  EXPECT_EQ(r->status, 303);
  r = client_->Post("/api/v1/people", {{"X-CSRF-Token", Token()}}, R"({"name": "Bo"})",
                    "application/json");
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(app_->records().ListContacts(std::nullopt, std::nullopt)->size(), 2u);
}

TEST_F(ServerTest, RefusesBodiesOverOneMegabyte) {
  std::string big = R"({"name": ")" + std::string(1100 * 1000, 'a') + R"("})";
  auto r = client_->Post("/api/v1/people", {{"X-CSRF-Token", Token()}}, big, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(Json(r)["error"]["code"], "payload_too_large");
  r = PostForm("/people", {{"csrf", Token()}, {"name", std::string(1100 * 1000, 'a')}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->body.find("Exception"), std::string::npos);
  EXPECT_TRUE(app_->records().ListContacts(std::nullopt, std::nullopt)->empty());
}

TEST_F(ServerTest, EveryResponseCarriesTheSafetyHeaders) {
  Id id = AddPerson("Ada");
  for (const std::string& path : std::vector<std::string>{"/", "/people", "/people/" + std::to_string(id), "/people/999",
                                 "/nowhere", "/assets/app.css", "/assets/htmx.min.js",
                                 "/search", "/search?q=ada", "/objectives", "/progress",
                                 "/api/v1/agenda", "/api/v1/people", "/api/v1/openapi.json",
                                 "/api/v1/search?q=ada", "/api/v1/stats"}) {
    auto r = client_->Get(path.c_str());
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->get_header_value("Content-Security-Policy"), kCsp) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
  auto css = client_->Get("/assets/app.css");
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto js = client_->Get("/assets/htmx.min.js");
  EXPECT_EQ(js->status, 200);
  EXPECT_NE(js->body.find("htmx"), std::string::npos);
}

TEST_F(ServerTest, UserStringsAreEscapedOnEveryPage) {
  Id id = AddPerson(kXss);
  Log(id, EventKind::kTargeted, "2026-03-10T08:00Z");
  EventInput note;
  note.kind = EventKind::kTouch;
  note.contact = std::to_string(id);
  note.body = std::string("said ") + kXss;
  ASSERT_TRUE(app_->pipeline().Record(note).ok());
  ASSERT_TRUE(app_->learning().AddNote({.contact = std::to_string(id), .body = kXss}).ok());
  Id objective = AddObjective(kXss);
  MeetAndAnswer(id, objective, "2026-03-09T10:00Z", 4, kXss, std::string("answer ") + kXss);
  EventInput promise;
  promise.kind = EventKind::kPromiseMade;
  promise.contact = std::to_string(id);
  promise.objective = std::to_string(objective);
  promise.body = std::string("send ") + kXss;
  ASSERT_TRUE(app_->pipeline().Record(promise).ok());
  for (const std::string& path : std::vector<std::string>{
           "/", "/people", "/people/" + std::to_string(id),
           "/search?q=" + httplib::detail::encode_query_param(kXss), "/objectives",
           "/objectives/" + std::to_string(objective)}) {
    auto r = client_->Get(path.c_str());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_NE(r->body.find(kXssEscaped), std::string::npos) << path;
    EXPECT_EQ(r->body.find(kXss), std::string::npos) << path;
    EXPECT_EQ(r->body.find("<script>alert"), std::string::npos) << path;
  }
  // The insight page shows the answer and the promise, escaped.
  auto insight = client_->Get(("/objectives/" + std::to_string(objective)).c_str());
  EXPECT_NE(insight->body.find(std::string("answer ") + kXssEscaped), std::string::npos);
  EXPECT_NE(insight->body.find(std::string("send ") + kXssEscaped), std::string::npos);
  // Search marks the matched words and escapes the text around them.
  auto found = client_->Get("/search?q=alert");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, 200);
  EXPECT_NE(found->body.find("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;"), std::string::npos)
      << found->body;
  EXPECT_EQ(found->body.find("<script>alert"), std::string::npos);
  auto progress = client_->Get("/progress");
  ASSERT_TRUE(progress);
  EXPECT_EQ(progress->status, 200);
  EXPECT_EQ(progress->body.find("<script>alert"), std::string::npos);
}

TEST_F(ServerTest, ApiListsPeopleInPages) {
  for (int i = 0; i < 5; ++i) AddPerson("Person " + std::to_string(i));
  auto r = client_->Get("/api/v1/people?limit=2&offset=1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  json j = Json(r);
  EXPECT_EQ(j["total"], 5);
  EXPECT_EQ(j["limit"], 2);
  EXPECT_EQ(j["offset"], 1);
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][0]["name"], "Person 1");
  j = Json(client_->Get("/api/v1/people"));
  EXPECT_EQ(j["limit"], 50);
  EXPECT_EQ(j["items"].size(), 5u);
  j = Json(client_->Get("/api/v1/people?offset=9"));
  EXPECT_EQ(j["items"].size(), 0u);
  EXPECT_EQ(j["total"], 5);
  for (const char* bad : {"/api/v1/people?limit=201", "/api/v1/people?limit=0",
                          "/api/v1/people?limit=x", "/api/v1/people?offset=-1"}) {
    auto e = client_->Get(bad);
    EXPECT_EQ(e->status, 400) << bad;
    EXPECT_EQ(Json(e)["error"]["code"], "invalid_argument") << bad;
    EXPECT_FALSE(Json(e)["error"]["message"].get<std::string>().empty());
  }
}

TEST_F(ServerTest, ApiErrorsHaveOneShape) {
  AddPerson("Ada", "ada@example.org");
  auto post = [&](const std::string& body, const std::string& type) {
    return client_->Post("/api/v1/people", {{"X-CSRF-Token", Token()}}, body, type.c_str());
  };
  struct Case {
    httplib::Result r;
    int status;
    const char* code;
  };
  Case cases[] = {
      {client_->Get("/api/v1/people/999"), 404, "not_found"},
      {client_->Get("/api/v1/nothing"), 404, "not_found"},
      {post(R"({"name": "Bo"})", "text/plain"), 415, "unsupported_media_type"},
      {post("{not json", "application/json"), 400, "invalid_argument"},
      {post(R"(["Bo"])", "application/json"), 400, "invalid_argument"},
      {post(R"({"name": 3})", "application/json"), 400, "invalid_argument"},
      {post(R"({"name": "Bo", "shoe": "9"})", "application/json"), 400, "invalid_argument"},
      {post(R"({"email": "x@y.z"})", "application/json"), 400, "invalid_argument"},
      {post(R"({"name": "Bo", "degree": "fifth"})", "application/json"), 400, "invalid_argument"},
      {post(R"({"name": "Ada 2", "email": "ada@example.org"})", "application/json"), 409, "conflict"},
  };
  for (auto& c : cases) {
    ASSERT_TRUE(c.r);
    EXPECT_EQ(c.r->status, c.status) << c.r->body;
    EXPECT_EQ(c.r->get_header_value("Content-Type"), "application/json");
    json j = Json(c.r);
    EXPECT_EQ(j["error"]["code"], c.code) << c.r->body;
    EXPECT_TRUE(j["error"]["message"].is_string());
  }
}

// The API says which member of the request is wrong, named as the request
// names it; an error about no one member has no "field".
TEST_F(ServerTest, ApiErrorsNameTheFieldTheyAreAbout) {
  Id ada = AddPerson("Ada", "ada@example.org");
  auto post = [&](const char* path, const std::string& body) {
    return client_->Post(path, {{"X-CSRF-Token", Token()}}, body, "application/json");
  };
  struct Case {
    httplib::Result r;
    int status;
    const char* field;  // "" for none
  };
  const std::string id = std::to_string(ada);
  Case cases[] = {
      {post("/api/v1/people", R"({"name": "Bo", "email": "bo-at-example"})"), 400, "email"},
      {post("/api/v1/people", R"({"name": "Bo", "degree": "fifth"})"), 400, "degree"},
      {post("/api/v1/people", R"({"name": "Bo", "email": "ada@example.org"})"), 409, "email"},
      {post("/api/v1/people", R"({"name": "Bo", "shoe": "9"})"), 400, "shoe"},
      {post("/api/v1/people", R"({"email": "x@y.z"})"), 400, "name"},
      {post("/api/v1/events",
            R"({"kind": "request_sent", "contact": ")" + id + R"(", "at": "nonsense"})"),
       400, "at"},
      {post("/api/v1/events", R"({"kind": "meeting_scheduled", "contact": ")" + id + R"("})"), 400,
       "meeting_at"},
      {post("/api/v1/events", R"({"kind": "touch", "contact": "nobody"})"), 404, "contact"},
      {post("/api/v1/people", "{not json"), 400, ""},
  };
  for (auto& c : cases) {
    ASSERT_TRUE(c.r);
    EXPECT_EQ(c.r->status, c.status) << c.r->body;
    json j = Json(c.r);
    if (*c.field == '\0') {
      EXPECT_FALSE(j["error"].contains("field")) << c.r->body;
    } else {
      EXPECT_EQ(j["error"].value("field", ""), c.field) << c.r->body;
    }
    // The message is for a person of any face: no flag, no command.
    const std::string message = j["error"]["message"];
    EXPECT_EQ(message.find("--"), std::string::npos) << message;
    EXPECT_EQ(message.find("rapport "), std::string::npos) << message;
  }
}

// A page puts the error beside the input it is about, marks that input
// invalid for assistive technology, and keeps what was typed.
TEST_F(ServerTest, FormErrorsSitBesideTheirFieldWithTheTypedValuesKept) {
  Id ada = AddPerson("Ada Lovelace");
  const std::string path = "/people/" + std::to_string(ada) + "/events";
  auto r = PostForm(path, {{"csrf", Token()},
                           {"what", "request"},
                           {"at", "2026-04-01T09:00"},
                           {"note", "asked by mail"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(
      r->body.find(
          R"(id="at" name="at" type="datetime-local" value="2026-04-01T09:00" aria-invalid="true" aria-describedby="at-error")"),
      std::string::npos)
      << r->body;
  EXPECT_NE(
      r->body.find(
          R"(<p id="at-error" class="field-error" role="alert">&apos;2026-04-01T09:00&apos; is in the future)"),
      std::string::npos)
      << r->body;
  EXPECT_NE(r->body.find(">asked by mail</textarea>"), std::string::npos);
  // Only that input is marked, and nothing tells a seeker to use the CLI.
  EXPECT_EQ(r->body.find(R"(aria-describedby="meeting_at-error")"), std::string::npos);
  EXPECT_EQ(r->body.find("--at"), std::string::npos);

  r = PostForm(path, {{"csrf", Token()}, {"what", "schedule"}, {"meeting_at", ""}});
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find(R"(aria-describedby="meeting_at-error")"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("say when the meeting is"), std::string::npos);

  r = PostForm("/people", {{"csrf", Token()}, {"name", "Bo"}, {"email", "bo-at-example"}});
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(
      r->body.find(R"(value="bo-at-example" aria-invalid="true" aria-describedby="email-error")"),
      std::string::npos)
      << r->body;
  EXPECT_NE(r->body.find(R"(value="Bo")"), std::string::npos);
  EXPECT_EQ(r->body.find("class=\"form-error\""), std::string::npos);  // beside, not above
}

TEST_F(ServerTest, OpenApiDocumentsExactlyTheImplementedRoutes) {
  Id id = AddPerson("Ada");
  ASSERT_EQ(AddObjective("UX research"), id);  // so {id} names both
  auto r = client_->Get("/api/v1/openapi.json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json doc = Json(r);
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::pair<std::string, std::string>> documented, implemented;
  for (auto& [path, ops] : doc["paths"].items()) {
    for (auto& [method, op] : ops.items()) {
      std::string m = method;
      for (char& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert({m, path});
    }
  }
  for (const auto& route : server::ApiRoutes()) implemented.insert({route.method, route.path});
  EXPECT_EQ(documented, implemented);

  // Every documented operation answers with one of its documented statuses.
  for (const auto& [method, path] : documented) {
    std::string url = path;
    if (auto p = url.find("{id}"); p != std::string::npos) url.replace(p, 4, std::to_string(id));
    // A query where a route needs one; a POST sends its documented example
    // body, else one of these, else a person's.
    const std::map<std::string, std::string> queries = {{"/api/v1/events", "?contact=1"}};
    const std::map<std::string, std::string> bodies = {
        {"/api/v1/events", R"({"kind": "touch", "contact": "1"})"},
        {"/api/v1/objectives", R"({"title": "Bo's field", "kind": "role"})"},
        // Ada is not in the pipeline yet.
        {"/api/v1/pipeline/move", R"({"contact": "Ada", "to_stage": "targeted"})"}};
    if (method == "GET" && queries.count(path)) url += queries.at(path);
    std::string lower_method = method;
    for (char& ch : lower_method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const json fallback = json::parse(bodies.count(path) ? bodies.at(path) : R"({"name": "Bo"})");
    const json example = doc["paths"][path][lower_method].value(
        json::json_pointer("/requestBody/content/application~1json/example"), fallback);
    httplib::Result res = method == "GET"
                              ? client_->Get(url.c_str())
                              : client_->Post(url.c_str(), {{"X-CSRF-Token", Token()}},
                                              example.dump(), "application/json");
    ASSERT_TRUE(res) << method << " " << path;
    std::string lower = method;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const json& responses = doc["paths"][path][lower]["responses"];
    EXPECT_TRUE(responses.contains(std::to_string(res->status)))
        << method << " " << path << " answered " << res->status;
    EXPECT_LT(res->status, 300) << method << " " << path;
  }
  // Every schema reference resolves.
  std::function<void(const json&)> check_refs = [&](const json& j) {
    if (j.is_object()) {
      for (auto& [k, v] : j.items()) {
        if (k == "$ref") {
          std::string ref = v;
          ASSERT_EQ(ref.rfind("#/components/", 0), 0u) << ref;
          json::json_pointer ptr(ref.substr(1));
          EXPECT_TRUE(doc.contains(ptr)) << ref;
        } else {
          check_refs(v);
        }
      }
    } else if (j.is_array()) {
      for (auto& v : j) check_refs(v);
    }
  };
  check_refs(doc);
}

TEST_F(ServerTest, OneClickButtonRecordsTheEventAndTheAgendaChanges) {
  Id id = AddPerson("Ada Lovelace");
  Log(id, EventKind::kRequestSent, "2026-03-01T09:00Z");  // nine days ago: follow up
  auto today = client_->Get("/");
  ASSERT_TRUE(today);
  EXPECT_NE(today->body.find(R"(data-kind="follow_up")"), std::string::npos);
  EXPECT_NE(today->body.find("Overdue"), std::string::npos);
  auto agenda = Json(client_->Get("/api/v1/agenda"));
  ASSERT_FALSE(agenda["items"].empty());
  EXPECT_EQ(agenda["items"][0]["kind"], "follow_up");
  EXPECT_EQ(agenda["items"][0]["done_by"], "follow_up_sent");
  EXPECT_EQ(agenda["items"][0]["action"], "follow_up");  // the CLI's shape (present/json.h)

  auto r = PostForm("/agenda/do", {{"csrf", Token()},
                                   {"action", "follow_up"},
                                   {"contact", std::to_string(id)}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/");
  std::string cookie = r->get_header_value("Set-Cookie");
  ASSERT_NE(cookie.find("rapport_flash="), std::string::npos);
  cookie = cookie.substr(0, cookie.find(';'));

  auto events = app_->pipeline().Timeline(std::to_string(id));
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ(events->back().kind, EventKind::kFollowUpSent);

  auto after = client_->Get("/", {{"Cookie", cookie}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body.find(R"(data-kind="follow_up")"), std::string::npos);
  EXPECT_NE(after->body.find("Logged Follow up sent for Ada Lovelace"), std::string::npos);
  EXPECT_NE(after->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);

  // An action without a one-click event is refused, and nothing is logged.
  r = PostForm("/agenda/do", {{"csrf", Token()}, {"action", "prepare"}, {"contact", std::to_string(id)}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(app_->pipeline().Timeline(std::to_string(id))->size(), 2u);
}

// The flash after a one-click action carries an Undo button; pressing it
// takes the event back and the action is due again.
TEST_F(ServerTest, UndoTakesBackAOneClickAction) {
  Id id = AddPerson("Ada Lovelace");
  Log(id, EventKind::kRequestSent, "2026-03-01T09:00Z");
  auto r = PostForm("/agenda/do", {{"csrf", Token()}, {"action", "follow_up"}, {"contact", std::to_string(id)}});
  ASSERT_TRUE(r);
  std::string cookie = r->get_header_value("Set-Cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  auto events = app_->pipeline().Timeline(std::to_string(id));
  ASSERT_EQ(events->size(), 2u);
  const std::string event_id = std::to_string(events->back().id);

  auto page = client_->Get("/", {{"Cookie", cookie}});
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("Logged Follow up sent for Ada Lovelace."), std::string::npos);
  EXPECT_NE(page->body.find(R"(action="/undo")"), std::string::npos);
  EXPECT_NE(page->body.find(R"(name="event" value=")" + event_id + "\""), std::string::npos);
  EXPECT_EQ(page->body.find("undo:"), std::string::npos) << "the marker is not shown";

  // Without the token nothing is undone.
  r = PostForm("/undo", {{"event", event_id}, {"back", "/"}});
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(app_->pipeline().Timeline(std::to_string(id))->size(), 2u);

  r = PostForm("/undo", {{"csrf", Token()}, {"event", event_id}, {"back", "/"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/");
  EXPECT_EQ(app_->pipeline().Timeline(std::to_string(id))->size(), 1u);
  cookie = r->get_header_value("Set-Cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  page = client_->Get("/", {{"Cookie", cookie}});
  EXPECT_NE(page->body.find("Undone: Follow up sent for Ada Lovelace."), std::string::npos);
  EXPECT_NE(page->body.find(R"(data-kind="follow_up")"), std::string::npos);

  // Twice: a clear message, nothing else removed. A foreign `back` is not
  // followed.
  r = PostForm("/undo", {{"csrf", Token()}, {"event", event_id}, {"back", "//evil.example/"}});
  EXPECT_EQ(r->get_header_value("Location"), "/");
  cookie = r->get_header_value("Set-Cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  page = client_->Get("/", {{"Cookie", cookie}});
  EXPECT_NE(page->body.find("Not undone: there is no event " + event_id), std::string::npos);
  EXPECT_EQ(app_->pipeline().Timeline(std::to_string(id))->size(), 1u);

  // From the person page, Undo returns there.
  const std::string person = "/people/" + std::to_string(id);
  r = PostForm(person + "/events", {{"csrf", Token()}, {"what", "call"}});
  cookie = r->get_header_value("Set-Cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  page = client_->Get(person.c_str(), {{"Cookie", cookie}});
  EXPECT_NE(page->body.find(R"(name="back" value=")" + person + "\""), std::string::npos);
}

// Today and the agenda API are cached while nothing changes; a write from
// another connection (a `rapport` command while the server runs) shows at
// once.
TEST_F(ServerTest, CachedAgendaFollowsWritesFromAnotherConnection) {
  Id id = AddPerson("Ada Lovelace");
  Log(id, EventKind::kTargeted, "2026-03-09T09:00Z");
  auto first = client_->Get("/");
  auto again = client_->Get("/");
  ASSERT_TRUE(first && again);
  EXPECT_EQ(first->body, again->body);
  EXPECT_NE(first->body.find("Ada Lovelace"), std::string::npos);
  // The people with something due (the weekly goal has no person).
  auto people_due = [](const json& agenda) {
    std::set<std::string> names;
    for (auto& item : agenda["items"]) {
      if (item.contains("contact")) names.insert(item["contact"].get<std::string>());
    }
    return names;
  };
  auto api = Json(client_->Get("/api/v1/agenda"));
  EXPECT_EQ(people_due(api), (std::set<std::string>{"Ada Lovelace"}));

  {
    auto other_db = OpenSqlite(dir_.File("rapport.db"));
    ASSERT_TRUE(other_db.ok()) << other_db.error().message();
    Config cfg;
    cfg.zone = "UTC";
    App other(**other_db, clock_, cfg);
    ContactFields f;
    f.name = "Grace Hopper";
    auto added = other.records().AddContact(f);
    ASSERT_TRUE(added.ok());
    EventInput in;
    in.kind = EventKind::kTargeted;
    in.contact = "Grace Hopper";
    ASSERT_TRUE(other.pipeline().Record(in).ok());
  }
  // A write the server did not answer itself is seen once the stamp it
  // last read is 2 ms old (server.cpp, CurrentStamp); its own are seen at
  // once (OneClickButtonRecordsTheEventAndTheAgendaChanges).
  const auto past_the_stamp_reuse = [] { std::this_thread::sleep_for(std::chrono::milliseconds(10)); };
  past_the_stamp_reuse();
  auto later = client_->Get("/");
  EXPECT_NE(later->body.find("Grace Hopper"), std::string::npos);
  api = Json(client_->Get("/api/v1/agenda"));
  EXPECT_EQ(people_due(api), (std::set<std::string>{"Ada Lovelace", "Grace Hopper"}));
  // And through this connection (a write the server did not make itself).
  std::string ada_kind = "";
  for (auto& item : api["items"]) {
    if (item["contact"] == "Ada Lovelace") ada_kind = item["kind"];
  }
  EXPECT_EQ(ada_kind, "request");
  Log(id, EventKind::kRequestSent, "2026-03-10T08:00Z");
  past_the_stamp_reuse();
  api = Json(client_->Get("/api/v1/agenda"));
  for (auto& item : api["items"]) {
    if (item["contact"] == "Ada Lovelace") ada_kind = item["kind"];
  }
  EXPECT_EQ(ada_kind, "follow_up");
}

// The read cache reuses its change stamp for a moment (2 ms) while the
// server answers only reads; a write it answers itself is seen by the very
// next request. Shown here with a minute's reuse, so that nothing but the
// count of answered writes can make the cache read the stamp again.
class ServerWithLongStampReuse : public ServerTest {
 protected:
  server::ServeOptions Options() override {
    server::ServeOptions o{"127.0.0.1", 0};
    o.stamp_reuse_ms = 60'000;
    return o;
  }
};

TEST_F(ServerWithLongStampReuse, AWriteItAnswersIsSeenByTheNextRequestAtOnce) {
  for (int i = 0; i < 3; ++i) {
    const std::string name = "Person " + std::to_string(i);
    auto before = Json(client_->Get("/api/v1/agenda"));
    for (auto& item : before["items"]) EXPECT_NE(item.value("contact", ""), name);
    const json person = {{"name", name}};
    auto added = client_->Post("/api/v1/people", {{"X-CSRF-Token", Token()}}, person.dump(),
                               "application/json");
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 201) << added->body;
    const json event = {{"contact", name}, {"kind", "targeted"}};
    auto logged = client_->Post("/api/v1/events", {{"X-CSRF-Token", Token()}}, event.dump(),
                                "application/json");
    ASSERT_TRUE(logged);
    ASSERT_EQ(logged->status, 201) << logged->body;
    auto after = Json(client_->Get("/api/v1/agenda"));
    bool due = false;
    for (auto& item : after["items"]) due = due || item.value("contact", "") == name;
    EXPECT_TRUE(due) << name << " missing from " << after.dump();
  }
  // A write by another connection waits out the reuse: the cached agenda
  // stays as it was (with 2 ms, the next request after that sees it).
  const auto cached = client_->Get("/api/v1/agenda")->body;
  EventInput in;
  in.kind = EventKind::kTargeted;
  in.contact = "Person 0";
  ContactFields f;
  f.name = "Someone Else";
  ASSERT_TRUE(app_->records().AddContact(f).ok());
  in.contact = "Someone Else";
  ASSERT_TRUE(app_->pipeline().Record(in).ok());
  EXPECT_EQ(client_->Get("/api/v1/agenda")->body, cached);
}

// /calendar.ics serves meetings and due actions to whoever has the secret,
// and a new secret locks the old address out.
TEST_F(ServerTest, CalendarFeedNeedsTheCurrentSecret) {
  Id id = AddPerson("Ada Lovelace");
  EventInput in;
  in.kind = EventKind::kMeetingScheduled;
  in.contact = std::to_string(id);
  in.meeting_at = "2026-03-12T15:00";
  in.meeting_minutes = 30;
  ASSERT_TRUE(app_->pipeline().Record(in).ok());

  for (const char* path : {"/calendar.ics", "/calendar.ics?token=", "/calendar.ics?token=0123"}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(r->body.find("BEGIN:VCALENDAR"), std::string::npos);
  }
  auto page = client_->Get("/calendar");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  // Reachable from the navigation, which marks it.
  EXPECT_NE(page->body.find(R"(<a href="/calendar" aria-current="page">Calendar</a>)"), std::string::npos);
  auto token = app_->data().CalendarToken(false);
  ASSERT_TRUE(token.ok());
  const std::string address = "http://" + Host() + "/calendar.ics?token=" + *token;
  EXPECT_NE(page->body.find(address), std::string::npos);

  auto feed = client_->Get(("/calendar.ics?token=" + *token).c_str());
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(feed->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_NE(feed->body.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(feed->body.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(feed->body.find("Ada Lovelace"), std::string::npos);

  auto r = PostForm("/calendar/rotate", {});
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(*app_->data().CalendarToken(false), *token);
  r = PostForm("/calendar/rotate", {{"csrf", Token()}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/calendar");
  auto fresh = app_->data().CalendarToken(false);
  ASSERT_NE(*fresh, *token);
  EXPECT_EQ(client_->Get(("/calendar.ics?token=" + *token).c_str())->status, 404);
  EXPECT_EQ(client_->Get(("/calendar.ics?token=" + *fresh).c_str())->status, 200);
}

TEST_F(ServerTest, AgendaApiPagesLikeToday) {
  for (const char* name : {"Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"}) {
    Log(AddPerson(name), EventKind::kTargeted, "2026-03-09T09:00Z");
  }
  auto all = Json(client_->Get("/api/v1/agenda"));
  EXPECT_EQ(all["more"], 0);
  auto one = Json(client_->Get("/api/v1/agenda?limit=1"));
  std::set<std::string> people;
  for (auto& item : one["items"]) {
    if (item.contains("contact")) people.insert(item["contact"].get<std::string>());
  }
  EXPECT_EQ(people.size(), 1u);
  EXPECT_EQ(one["more"], 2);
  for (const char* bad : {"/api/v1/agenda?limit=0", "/api/v1/agenda?limit=201", "/api/v1/agenda?limit=x"}) {
    auto r = client_->Get(bad);
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_EQ(Json(r)["error"]["code"], "invalid_argument");
  }
}

// httplib's default SO_REUSEPORT would let a second server share the port
// and take half the requests; Rapport's says the port is taken.
TEST_F(ServerTest, ASecondServerOnTheSamePortIsRefused) {
  server::WebServer second(*app_, "UTC", server::ServeOptions{"127.0.0.1", server_->port()},
                           Watcher());
  auto bound = second.Bind();
  ASSERT_FALSE(bound.ok());
  EXPECT_NE(bound.error().message().find("is another server using that port?"), std::string::npos);
  EXPECT_EQ(client_->Get("/")->status, 200);
}

// The person page's log form asks for which objective, choosing the only
// one there is; what it logs carries it, so drafts can name it.
TEST_F(ServerTest, LoggingFromThePersonPageCarriesTheObjective) {
  Id id = AddPerson("Ada Lovelace");
  Id objective = AddObjective("UX research");
  auto page = client_->Get(("/people/" + std::to_string(id)).c_str());
  const std::string option = "<option value=\"" + std::to_string(objective) + "\" selected>UX research</option>";
  EXPECT_NE(page->body.find(option), std::string::npos);
  auto r = PostForm("/people/" + std::to_string(id) + "/events",
                    {{"csrf", Token()}, {"what", "target"}, {"objective", std::to_string(objective)}});
  EXPECT_EQ(r->status, 303);
  auto events = app_->pipeline().Timeline(std::to_string(id));
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->back().objective_id, objective);
  // With two objectives the page chooses the thread's; left unchosen, the
  // request still belongs to the thread (App's rule, as in the CLI).
  Id other = AddObjective("Data journalism");
  page = client_->Get(("/people/" + std::to_string(id)).c_str());
  EXPECT_NE(page->body.find(option), std::string::npos);
  EXPECT_EQ(page->body.find("<option value=\"" + std::to_string(other) + "\" selected>"), std::string::npos);
  r = PostForm("/people/" + std::to_string(id) + "/events",
               {{"csrf", Token()}, {"what", "request"}, {"objective", ""}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(app_->pipeline().Timeline(std::to_string(id))->back().objective_id, objective);
}

// "The meeting happened" is offered once the meeting has ended, not days
// before it.
TEST_F(ServerTest, TheMeetingIsLoggedInOneClickOnlyAfterItEnds) {
  Id id = AddPerson("Ada Lovelace");
  EventInput in;
  in.kind = EventKind::kMeetingScheduled;
  in.contact = std::to_string(id);
  in.meeting_at = "2026-03-12T15:00";
  in.meeting_minutes = 30;
  ASSERT_TRUE(app_->pipeline().Record(in).ok());
  auto today = client_->Get("/");
  const size_t item = today->body.find(R"(data-kind="log_meeting")");
  ASSERT_NE(item, std::string::npos);
  const std::string li = today->body.substr(item, today->body.find("</li>", item) - item);
  EXPECT_EQ(li.find("The meeting happened"), std::string::npos) << li;
  clock_.Set(*ParseTime("2026-03-12T15:31Z", "UTC"));
  today = client_->Get("/");
  EXPECT_NE(today->body.find("The meeting happened"), std::string::npos);
}

// The person page lists the promises still open, both ways, and marks one
// kept in a click.
TEST_F(ServerTest, AfterAYesThePagesSaySchedule) {
  Id id = AddPerson("Ada Lovelace");
  Log(id, EventKind::kRequestSent, "2026-03-08T10:00Z");
  Log(id, EventKind::kRepliedYes, "2026-03-10T08:00Z");
  const std::string path = "/people/" + std::to_string(id);
  auto page = client_->Get(path.c_str());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body.find("Nothing pending"), std::string::npos);
  EXPECT_NE(page->body.find("Schedule the meeting"), std::string::npos) << page->body;
  // The log form offers the likeliest step first, chosen.
  const size_t select = page->body.find("<select");
  ASSERT_NE(select, std::string::npos);
  EXPECT_EQ(page->body.find("<option value=\"schedule\" selected>", select),
            page->body.find("<option", select))
      << page->body.substr(select, 600);
  // Today links to that form.
  auto today = client_->Get("/");
  EXPECT_NE(today->body.find("href=\"" + path + "#log-title\">Schedule it on their page</a>"),
            std::string::npos)
      << today->body;
}

TEST_F(ServerTest, PersonPageShowsOpenPromisesAndMarksThemKept) {
  Id id = AddPerson("Ada Lovelace");
  EventInput mine;
  mine.kind = EventKind::kPromiseMade;
  mine.contact = std::to_string(id);
  mine.body = std::string("Send her my portfolio ") + kXss;
  auto made = app_->pipeline().Record(mine);
  ASSERT_TRUE(made.ok()) << made.error().message();
  EventInput theirs = mine;
  theirs.body = "An introduction to her manager";
  theirs.theirs = true;
  ASSERT_TRUE(app_->pipeline().Record(theirs).ok());
  const std::string path = "/people/" + std::to_string(id);
  auto page = client_->Get(path.c_str());
  EXPECT_NE(page->body.find("Promises still open"), std::string::npos);
  EXPECT_NE(page->body.find(std::string("Send her my portfolio ") + kXssEscaped), std::string::npos);
  EXPECT_EQ(page->body.find(kXss), std::string::npos);
  EXPECT_NE(page->body.find("An introduction to her manager"), std::string::npos);
  EXPECT_NE(page->body.find("They did it"), std::string::npos);
  const std::string kept = path + "/promises/" + std::to_string(made->id) + "/kept";
  EXPECT_NE(page->body.find("action=\"" + kept + "\""), std::string::npos);

  EXPECT_EQ(PostForm(kept, {}).value().status, 403);
  auto r = PostForm(kept, {{"csrf", Token()}});
  EXPECT_EQ(r->status, 303);
  EXPECT_NE(FlashOf(r).find("Marked kept: Send her my portfolio"), std::string::npos);
  page = client_->Get(path.c_str());
  EXPECT_EQ(page->body.find(std::string("Send her my portfolio ") + kXssEscaped + " <span"), std::string::npos);
  EXPECT_NE(page->body.find("An introduction to her manager"), std::string::npos);
  // Twice: said plainly, nothing recorded.
  r = PostForm(kept, {{"csrf", Token()}});
  EXPECT_NE(FlashOf(r).find("Not marked: promise " + std::to_string(made->id) + " was already kept"),
            std::string::npos);
}

TEST_F(ServerTest, PersonFormLogsEventsAndShowsErrors) {
  Id id = AddPerson("Ada Lovelace");
  const std::string path = "/people/" + std::to_string(id) + "/events";
  auto r = PostForm(path, {{"csrf", Token()}, {"what", "schedule"}, {"meeting_at", ""}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find(R"(role="alert")"), std::string::npos);
  r = PostForm(path, {{"csrf", Token()}, {"what", "reply_yes"}, {"at", "2026-03-09T10:00"}});
  EXPECT_EQ(r->status, 303);
  r = PostForm(path, {{"csrf", Token()},
                      {"what", "schedule"},
                      {"meeting_at", "2026-03-12T15:00"},
                      {"note", "coffee"}});
  EXPECT_EQ(r->status, 303);
  auto page = client_->Get(("/people/" + std::to_string(id)).c_str());
  EXPECT_NE(page->body.find("Meeting scheduled"), std::string::npos);
  EXPECT_NE(page->body.find("Scheduled"), std::string::npos);
  EXPECT_EQ(app_->pipeline().Timeline(std::to_string(id))->size(), 2u);
  auto missing = client_->Get("/people/999");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body.find("SELECT"), std::string::npos);
}

TEST_F(ServerTest, PeopleFormAddsAndKeepsWhatWasTypedOnError) {
  auto r = PostForm("/people", {{"csrf", Token()}, {"name", "Ada"}, {"email", "ada@example.org"},
                                {"degree", "first"}, {"org", "Engines"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location").rfind("/people/", 0), 0u);
  r = PostForm("/people", {{"csrf", Token()}, {"name", "Bo"}, {"email", "ada@example.org"}});
  EXPECT_EQ(r->status, 409);
  EXPECT_NE(r->body.find(R"(value="Bo")"), std::string::npos);
  EXPECT_NE(r->body.find("already"), std::string::npos);
  auto list = client_->Get("/people");
  EXPECT_NE(list->body.find("Engines"), std::string::npos);
}

TEST_F(ServerTest, SearchPageHighlightsMatchesAndSaysWhenNothingMatched) {
  Id ada = AddPerson("Ada Lovelace");
  ASSERT_TRUE(app_->learning().AddNote({.contact = std::to_string(ada),
                             .body = "She moved from design systems to research ops."})
                  .ok());
  auto empty = client_->Get("/search");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 200);
  EXPECT_NE(empty->body.find(R"(<form method="get" action="/search")"), std::string::npos);
  EXPECT_NE(empty->body.find(R"(href="/search" aria-current="page")"), std::string::npos);
  EXPECT_EQ(empty->body.find("Nothing found"), std::string::npos);

  // As a browser's GET form sends it: a space is '+'.
  client_->set_url_encode(false);
  auto r = client_->Get("/search?q=design+systems");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<mark>design</mark> <mark>systems</mark>"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("href=\"/people/" + std::to_string(ada) + "\">Ada Lovelace</a>"),
            std::string::npos);
  EXPECT_NE(r->body.find("1 result"), std::string::npos);
  EXPECT_NE(r->body.find(R"(value="design systems")"), std::string::npos);
  // A handful of notes is far from the ranking window.
  EXPECT_EQ(r->body.find("narrow the search"), std::string::npos);

  // A name: the person first, linked, with the words marked; an
  // organization with whom you know there.
  auto named = client_->Get("/search?q=love");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->status, 200);
  const size_t person = named->body.find("href=\"/people/" + std::to_string(ada) + "\">Ada <mark>Love</mark>lace</a>");
  EXPECT_NE(person, std::string::npos) << named->body;
  EXPECT_EQ(named->body.find("Nothing found"), std::string::npos);
  ContactFields babbage;
  babbage.name = "Charles Babbage";
  babbage.org = "Analytical Engines";
  auto charles = app_->records().AddContact(babbage);
  ASSERT_TRUE(charles.ok());
  ASSERT_TRUE(app_->learning().AddNote({.contact = std::to_string(ada),
                             .body = "Met at **Analytical** Engines; see [her notes](https://example.org/n)."})
                  .ok());
  auto org = client_->Get("/search?q=analytical");
  EXPECT_NE(org->body.find("<h2 id=\"orgs-title\">Organizations</h2>"), std::string::npos) << org->body;
  EXPECT_NE(org->body.find("<mark>Analytical</mark> Engines</strong> · 1 person: <a href=\"/people/" +
                               std::to_string(charles->contact.id) + "\">Charles Babbage</a>"),
            std::string::npos)
      << org->body;
  // The note's snippet, after the names, as plain text.
  const size_t note = org->body.find("Met at <mark>Analytical</mark> Engines; see her notes.");
  EXPECT_NE(note, std::string::npos) << org->body;
  EXPECT_LT(org->body.find("orgs-title"), note);

  auto none = client_->Get("/search?q=zeppelin");
  EXPECT_EQ(none->status, 200);
  EXPECT_NE(none->body.find("Nothing found for “zeppelin”"), std::string::npos);

  // A query without words is the App's one-line error, with the form kept.
  auto bad = client_->Get("/search?q=%2A%2A%2A");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find(R"(role="alert")"), std::string::npos);
  EXPECT_NE(bad->body.find("the search has no words"), std::string::npos);
  EXPECT_NE(bad->body.find(R"(value="***")"), std::string::npos);
}

TEST_F(ServerTest, ObjectivesListCountsAndTheInsightTableHasTheAnswers) {
  Id ada = AddPerson("Ada Lovelace");
  Id bo = AddPerson("Bo Peep");
  Id ux = AddObjective("UX research", 4);
  AddObjective("Data engineering");
  MeetAndAnswer(ada, ux, "2026-03-09T10:00Z", 4, "What changed this year?", "Remote diary studies");
  MeetAndAnswer(bo, ux, "2026-03-02T10:00Z", 3, "How do you hire?", "Referrals first");

  auto list = client_->Get("/objectives");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_NE(list->body.find(R"(href="/objectives/)" + std::to_string(ux) + R"(">UX research</a>)"),
            std::string::npos);
  EXPECT_NE(list->body.find("<strong>2 of 4</strong>"), std::string::npos) << list->body;
  EXPECT_NE(list->body.find("Data engineering"), std::string::npos);
  EXPECT_NE(list->body.find(R"(href="/objectives" aria-current="page")"), std::string::npos);

  auto page = client_->Get(("/objectives/" + std::to_string(ux)).c_str());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  const std::string& b = page->body;
  EXPECT_NE(b.find("<strong>2 of 4</strong>"), std::string::npos);
  EXPECT_NE(b.find("<strong>3.5 of 5</strong>, from 2 meetings"), std::string::npos) << b;
  EXPECT_NE(b.find(R"(<div class="table-scroll" role="region")"), std::string::npos);
  EXPECT_NE(b.find(R"(<th scope="col"><a href="/people/)" + std::to_string(ada) + R"(">Ada Lovelace</a></th>)"),
            std::string::npos);
  EXPECT_NE(b.find(R"(<th scope="row">What changed this year?)"), std::string::npos);
  EXPECT_NE(b.find("<td><p>Remote diary studies</p></td>"), std::string::npos) << b;
  EXPECT_NE(b.find("no answer"), std::string::npos);  // Bo did not answer Ada's question

  auto missing = client_->Get("/objectives/999");
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ServerTest, ProgressDrawsEightWeeksAgainstTheGoal) {
  Id ada = AddPerson("Ada Lovelace");
  Id ux = AddObjective("UX research");
  Log(ada, EventKind::kRequestSent, "2026-02-20T09:00Z");
  MeetAndAnswer(ada, ux, "2026-03-09T10:00Z", 4, "Q?", "A");
  AddPerson("Bo Peep");
  Log(AddPerson("Cy Young"), EventKind::kRequestSent, "2026-03-01T09:00Z");

  auto r = client_->Get("/progress");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const std::string& b = r->body;
  EXPECT_NE(b.find(R"(<svg class="chart")"), std::string::npos);
  EXPECT_NE(b.find(R"(data-weeks="8")"), std::string::npos);
  size_t bars = 0;
  for (size_t at = b.find("class=\"week-bar"); at != std::string::npos; at = b.find("class=\"week-bar", at + 1)) ++bars;
  EXPECT_EQ(bars, 8u);
  EXPECT_NE(b.find("<title id=\"chart-title\">Meetings per week over the last 8 weeks, against a goal of 1</title>"),
            std::string::npos);
  EXPECT_NE(b.find("week of 9 Mar: 1"), std::string::npos) << b;
  EXPECT_NE(b.find(R"(class="goal")"), std::string::npos);
  EXPECT_NE(b.find(R"(<table class="visually-hidden">)"), std::string::npos);
  // The funnel: two asked, one answered (she met), one yes.
  EXPECT_NE(b.find(R"(<span class="funnel-label">Asked</span> <strong>2</strong>)"), std::string::npos) << b;
  EXPECT_NE(b.find(R"(<span class="funnel-label">Said yes or met</span> <strong>1</strong> <span class="meta">(50%)</span>)"),
            std::string::npos);
  EXPECT_NE(b.find(R"(<th scope="row">Unknown</th><td>2</td><td>1</td><td>1</td>)"), std::string::npos);
  EXPECT_EQ(b.find("<script"), b.find("<script src=\"/assets/htmx.min.js\""));
}

TEST_F(ServerTest, ApiServesSearchInsightsAndStats) {
  Id ada = AddPerson("Ada Lovelace");
  Id ux = AddObjective("UX research", 4);
  ASSERT_TRUE(app_->learning().AddNote({.contact = std::to_string(ada), .body = "Talked about design systems"}).ok());
  MeetAndAnswer(ada, ux, "2026-03-09T10:00Z", 5, "What changed?", "Diary studies");

  json s = Json(client_->Get("/api/v1/search?q=design"));
  ASSERT_EQ(s["results"].size(), 1u);
  EXPECT_EQ(s["windowed"], false);
  const json& hit = s["results"][0];
  EXPECT_EQ(hit["kind"], "note");
  EXPECT_EQ(hit["contact_id"], ada);
  EXPECT_EQ(hit["contact"], "Ada Lovelace");
  EXPECT_EQ(hit["snippet"]["text"], "Talked about design systems");
  EXPECT_EQ(hit["snippet"]["highlights"], json::parse("[[13, 19]]"));
  EXPECT_EQ(Json(client_->Get("/api/v1/search"))["results"].size(), 0u);
  auto bad = client_->Get("/api/v1/search?q=%2A");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Json(bad)["error"]["code"], "invalid_argument");

  auto ir = client_->Get(("/api/v1/objectives/" + std::to_string(ux) + "/insights").c_str());
  ASSERT_EQ(ir->status, 200);
  json in = Json(ir);
  EXPECT_EQ(in["objective"]["title"], "UX research");
  EXPECT_EQ(in["conversations"], 1);
  EXPECT_EQ(in["target"], 4);
  EXPECT_EQ(in["fit_average"], 5.0);
  ASSERT_EQ(in["people"].size(), 1u);
  EXPECT_EQ(in["people"][0]["name"], "Ada Lovelace");
  ASSERT_EQ(in["matrix"].size(), 1u);
  EXPECT_EQ(in["matrix"][0]["question"]["text"], "What changed?");
  EXPECT_EQ(in["matrix"][0]["answers"], json::parse(R"([["Diary studies"]])"));
  EXPECT_TRUE(in["open_promises"].is_array());
  EXPECT_EQ(client_->Get("/api/v1/objectives/999/insights")->status, 404);

  json st = Json(client_->Get("/api/v1/stats"));
  EXPECT_EQ(st["weekly_goal"], 1);
  ASSERT_EQ(st["weeks"].size(), 8u);
  EXPECT_EQ(st["weeks"][7]["meetings"], 1);
  ASSERT_EQ(st["objectives"].size(), 1u);
  EXPECT_EQ(st["objectives"][0]["conversations"], 1);
  EXPECT_TRUE(st["by_degree"].is_array());
}

// The real binary: prints its address, warns off loopback, and stops
// cleanly on SIGTERM.
TEST(ServeCommand, StartsPrintsItsAddressAndStopsOnSigterm) {
  TempDir dir;
  const std::string out = dir.File("out"), err = dir.File("err");
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen(out.c_str(), "w", stdout);
    freopen(err.c_str(), "w", stderr);
    setenv("XDG_DATA_HOME", dir.File("data").c_str(), 1);
    setenv("XDG_CONFIG_HOME", dir.File("config").c_str(), 1);
    execl(RAPPORT_BINARY, RAPPORT_BINARY, "serve", "--port", "0", "--host", "0.0.0.0", "--db",
          dir.File("r.db").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string text;
  for (int i = 0; i < 500 && text.find("serving at") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    text = testing::Slurp(out);
  }
  auto at = text.find("http://127.0.0.1:");
  ASSERT_NE(at, std::string::npos) << text << testing::Slurp(err);
  int port = std::stoi(text.substr(at + 17));
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(testing::Slurp(out).find("Stopped."), std::string::npos);
  EXPECT_NE(testing::Slurp(err).find("no login"), std::string::npos);
}

}  // namespace
}  // namespace rapport
