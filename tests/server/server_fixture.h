// The fixture every server test file shares: a WebServer on a free
// loopback port in this process, over a fresh SQLite database with a fixed
// clock (2026-03-10 09:00 UTC), driven by httplib::Client.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "rapport/app/change_watcher.h"
#include "rapport/store/database.h"
#include "server/server.h"
#include "support/temp_dir.h"

namespace rapport {

using nlohmann::json;
using testing::TempDir;

inline const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
inline const char* kXss = "<script>alert(1)</script>";
inline const char* kXssEscaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenSqlite(dir_.File("rapport.db"));
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "UTC";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
    server_ = std::make_unique<server::WebServer>(*app_, "UTC", Options(), Watcher());
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  virtual server::ServeOptions Options() { return server::ServeOptions{"127.0.0.1", 0}; }
  void TearDown() override {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  // What `rapport serve`'s composition root passes in: a second connection
  // to the same database file, for the read cache's change stamp.
  std::unique_ptr<ChangeWatcher> Watcher() {
    auto w = OpenDatabase(dir_.File("rapport.db"));
    EXPECT_TRUE(w.ok()) << w.error().message();
    return w.ok() ? WatchDatabase(std::move(*w)) : nullptr;
  }

  std::string Host() const { return "127.0.0.1:" + std::to_string(server_->port()); }
  const std::string& Token() const { return server_->csrf_token(); }

  Id AddPerson(const std::string& name, const std::string& email = "") {
    ContactFields f;
    f.name = name;
    if (!email.empty()) f.email = email;
    auto r = app_->records().AddContact(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r->contact.id;
  }
  void Log(Id id, EventKind kind, const std::string& at) {
    EventInput in;
    in.kind = kind;
    in.contact = std::to_string(id);
    in.at = at;
    auto r = app_->pipeline().Record(in);
    ASSERT_TRUE(r.ok()) << r.error().message();
  }
  Id AddObjective(const std::string& title, int target = 3) {
    ObjectiveFields f;
    f.title = title;
    f.kind = "role";
    f.target = target;
    auto r = app_->records().AddObjective(f);
    if (!r.ok()) ADD_FAILURE() << r.error().message();
    return r.ok() ? r->id : 0;
  }
  // A held meeting for `objective`, rated `fit`, then an answer to a new
  // question of that objective.
  void MeetAndAnswer(Id person, Id objective, const std::string& at, int fit,
                     const std::string& question, const std::string& answer) {
    EventInput met;
    met.kind = EventKind::kMeetingHeld;
    met.contact = std::to_string(person);
    met.objective = std::to_string(objective);
    met.at = at;
    met.fit = fit;
    auto r = app_->pipeline().Record(met);
    ASSERT_TRUE(r.ok()) << r.error().message();
    QuestionFields q;
    q.text = question;
    q.objective = std::to_string(objective);
    auto added = app_->learning().AddQuestion(q);
    ASSERT_TRUE(added.ok()) << added.error().message();
    auto a = app_->learning().RecordAnswer(std::to_string(person), std::to_string(added->id), answer);
    ASSERT_TRUE(a.ok()) << a.error().message();
  }
  httplib::Result PostForm(const std::string& path, const httplib::Params& params,
                           const httplib::Headers& headers = {}) {
    return client_->Post(path.c_str(), headers, params);
  }
  static json Json(const httplib::Result& r) { return json::parse(r->body); }
  // The flash message a response sets (its cookie holds the text as hex),
  // or "".
  static std::string FlashOf(const httplib::Result& r) {
    const std::string cookie = r->get_header_value("Set-Cookie");
    const std::string key = "rapport_flash=";
    if (cookie.rfind(key, 0) != 0) return "";
    const std::string hex = cookie.substr(key.size(), cookie.find(';') - key.size());
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
    return out;
  }

  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T09:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
  std::unique_ptr<server::WebServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace rapport
