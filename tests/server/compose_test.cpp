// The Compose page and the drafts/lint API: the draft and its findings,
// the live lint fragment, escaping, CSRF, sending through a real SMTP
// server on loopback (tests/support/smtp_sink.py), and without one the
// mail client hand-off and "I sent it".
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "server_fixture.h"
#include "support/files.h"

namespace rapport {
namespace {

// The loopback SMTP server the CLI tests use: prints its port, saves each
// message as DIR/N.eml, stops when its stdin closes.
class SmtpSink {
 public:
  explicit SmtpSink(const std::string& dir) : dir_(dir) {
    std::string cmd = std::string("/usr/bin/python3 ") + RAPPORT_SOURCE_DIR +
                      "/tests/support/smtp_sink.py " + dir + " > " + dir + "/port";
    pipe_ = popen(cmd.c_str(), "w");
    for (int i = 0; i < 100 && port_ == 0; ++i) {
      usleep(50'000);  // polling for the port file, not a sleep-as-sync
      std::ifstream in(dir + "/port");
      in >> port_;
    }
  }
  ~SmtpSink() {
    if (pipe_) pclose(pipe_);
  }
  int port() const { return port_; }
  std::string Message(int n) const {
    return testing::Slurp(dir_ + "/" + std::to_string(n) + ".eml");
  }

 private:
  std::string dir_;
  FILE* pipe_ = nullptr;
  int port_ = 0;
};

class ComposeTest : public ServerTest {
 protected:
  // Ada: first degree, with an email, targeted for an objective: the
  // request is her next action.
  Id AddAda(const std::string& name = "Ada Lovelace") {
    ContactFields f;
    f.name = name;
    f.email = "ada@example.org";
    f.degree = "first";
    f.source = "alumni";
    auto r = app_->records().AddContact(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    AddObjective("UX research");
    EventInput t;
    t.kind = EventKind::kTargeted;
    t.contact = std::to_string(r->contact.id);
    t.objective = "UX research";
    EXPECT_TRUE(app_->pipeline().Record(t).ok());
    return r->contact.id;
  }
  size_t Events(Id id) { return app_->pipeline().Timeline(std::to_string(id))->size(); }
  httplib::Result Lint(const httplib::Params& form) {
    return client_->Post("/compose/lint", {{"HX-Request", "true"}, {"X-CSRF-Token", Token()}},
                         form);
  }
  httplib::Result PostJson(const std::string& path, const std::string& body) {
    return client_->Post(path.c_str(), {{"X-CSRF-Token", Token()}}, body, "application/json");
  }
  // A message with nothing left to fill in.
  static constexpr const char* kGoodBody =
      "Hi Ada,\n\nWe met at the alumni dinner. I'm a statistics student learning about UX "
      "research.\n\nWould you have 20 minutes for a call next week? Tuesday or Thursday "
      "afternoon would suit me, but I can work around your schedule.\n\nThanks,\nSam\n";
};

TEST_F(ComposeTest, ThePageShowsTheDraftEditableWithItsFindings) {
  const Id ada = AddAda();
  auto r = client_->Get(("/compose?contact=" + std::to_string(ada) + "&kind=request").c_str());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::string& b = r->body;
  EXPECT_NE(b.find("<h1>Write to Ada Lovelace"), std::string::npos);
  EXPECT_NE(b.find("&lt;ada@example.org&gt;"), std::string::npos);
  EXPECT_NE(b.find(R"(<label for="subject">Subject</label>)"), std::string::npos);
  EXPECT_NE(b.find(R"(value="A question about UX research")"), std::string::npos) << b;
  EXPECT_NE(b.find(R"(<label for="body">Message)"), std::string::npos);
  EXPECT_NE(b.find("Hi Ada,"), std::string::npos);
  // The degree picked the template; the hidden field keeps it.
  EXPECT_NE(b.find(R"(name="kind" value="request_first")"), std::string::npos);
  // The live lint and its region.
  EXPECT_NE(b.find(R"(hx-post="/compose/lint")"), std::string::npos);
  EXPECT_NE(b.find(R"(id="findings" aria-live="polite")"), std::string::npos);
  // No profile: {{my_intro}} stays in the body and is flagged, highlighted.
  EXPECT_NE(b.find("I&apos;m {{my_intro}}"), std::string::npos) << b;
  EXPECT_NE(b.find(R"(data-rule="unfilled-placeholder")"), std::string::npos);
  EXPECT_NE(b.find("<mark>{{my_intro}}</mark>"), std::string::npos);
  EXPECT_NE(b.find("A blank left to fill in"), std::string::npos);
  // The template picker: a GET form listing every template.
  EXPECT_NE(b.find(R"(<form method="get" action="/compose")"), std::string::npos);
  EXPECT_NE(b.find(R"(<option value="thank_introducer")"), std::string::npos);
  // No SMTP in this fixture: the button says what it will do.
  EXPECT_NE(b.find("Get it ready to send"), std::string::npos);
  EXPECT_NE(b.find(R"(aria-current="page">Compose)"), std::string::npos);
}

TEST_F(ComposeTest, WithoutAContactItOffersAPersonPicker) {
  AddAda();
  auto r = client_->Get("/compose");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find(R"(<select id="contact" name="contact")"), std::string::npos);
  EXPECT_NE(r->body.find(">Ada Lovelace</option>"), std::string::npos);
  // An unknown person, or a template that needs an introducer she lacks,
  // brings the picker back with the reason.
  r = client_->Get("/compose?contact=999");
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("role=\"alert\""), std::string::npos);
  r = client_->Get("/compose?contact=Ada&kind=thank_introducer");
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("has no introducer on record"), std::string::npos);
}

TEST_F(ComposeTest, TheLintFragmentHighlightsTheOffendingSpan) {
  const Id ada = AddAda();
  auto r = Lint({{"contact", std::to_string(ada)},
                 {"kind", "request_first"},
                 {"subject", "Hello"},
                 {"body", "Hi Ada,\r\n\r\nAre you hiring at the moment? I would love a job.\r\n"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find("<html"), std::string::npos) << "a fragment, not a page";
  EXPECT_NE(r->body.find(R"(data-rule="asks-for-job")"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("Asks for a job"), std::string::npos);
  // A highlighted span, closed (std::regex is avoided: GCC 12 warns inside
  // it under the sanitizer build, and warnings are errors).
  const size_t mark = r->body.find("<mark>");
  ASSERT_NE(mark, std::string::npos) << r->body;
  const size_t close = r->body.find("</mark>", mark);
  ASSERT_NE(close, std::string::npos);
  EXPECT_EQ(r->body.substr(mark + 6, close - mark - 6).find('<'), std::string::npos);
  EXPECT_NE(r->body.find("<mark>Are you hiring"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("to fix before sending"), std::string::npos);

  // Fixed: the finding is gone.
  r = Lint({{"contact", std::to_string(ada)}, {"kind", "request_first"}, {"body", kGoodBody}});
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find("asks-for-job"), std::string::npos) << r->body;
  EXPECT_EQ(r->body.find("is-error"), std::string::npos) << r->body;
}

TEST_F(ComposeTest, CheckAgainWithoutJavaScriptRendersTheWholePageWithTheEdits) {
  const Id ada = AddAda();
  auto r = PostForm("/compose/lint", {{"csrf", Token()},
                                      {"contact", std::to_string(ada)},
                                      {"kind", "request_first"},
                                      {"subject", "My own subject"},
                                      {"body", "Hi Ada,\n\nAre you hiring?\n"}});
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<html"), std::string::npos);
  EXPECT_NE(r->body.find(R"(value="My own subject")"), std::string::npos);
  EXPECT_NE(r->body.find("Are you hiring?\n</textarea>"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find(R"(data-rule="asks-for-job")"), std::string::npos);
  // Boosted by htmx (HX-Boosted), it is the whole page too.
  r = client_->Post("/compose/lint",
                    {{"HX-Request", "true"}, {"HX-Boosted", "true"}, {"X-CSRF-Token", Token()}},
                    httplib::Params{{"contact", std::to_string(ada)}, {"body", "Hi"}});
  EXPECT_NE(r->body.find("<html"), std::string::npos);
  // And like every POST, it needs the token.
  r = PostForm("/compose/lint", {{"contact", std::to_string(ada)}, {"body", "Hi"}});
  EXPECT_EQ(r->status, 403);
}

TEST_F(ComposeTest, AnXssNameStaysTextInTheDraftTheTextareaAndTheFindings) {
  const Id id = AddAda(kXss);
  auto r = client_->Get(("/compose?contact=" + std::to_string(id)).c_str());
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find(kXss), std::string::npos);
  EXPECT_NE(r->body.find(std::string("Write to ") + kXssEscaped), std::string::npos);
  EXPECT_NE(r->body.find(std::string("Hi ") + "&lt;script&gt;alert(1)&lt;"), std::string::npos);
  r = Lint({{"contact", std::to_string(id)},
            {"kind", "request_first"},
            {"body", std::string("Hi ") + kXss + " are you hiring? " + kXss + "\n"}});
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find("<script"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find(kXssEscaped), std::string::npos) << r->body;
  // The picker lists the name as text too.
  r = client_->Get("/compose");
  EXPECT_EQ(r->body.find(kXss), std::string::npos);
}

TEST_F(ComposeTest, SendingWithoutTheCsrfTokenIsRefusedAndLogsNothing) {
  const Id ada = AddAda();
  auto r = PostForm("/compose/send", {{"contact", std::to_string(ada)},
                                      {"kind", "request_first"},
                                      {"subject", "Hi"},
                                      {"body", kGoodBody}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = PostForm("/compose/logged",
               {{"contact", std::to_string(ada)}, {"kind", "request_first"}, {"body", kGoodBody}});
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(Events(ada), 1u);
}

TEST_F(ComposeTest, AnUnfilledFieldIsNeverSent) {
  const Id ada = AddAda();
  auto r = PostForm("/compose/send", {{"csrf", Token()},
                                      {"contact", std::to_string(ada)},
                                      {"kind", "request_first"},
                                      {"subject", "A question"},
                                      {"body", "Hi Ada,\n\nI'm {{my_intro}}.\n"}});
  ASSERT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("Not sent: the message still has {{my_intro}} in it"), std::string::npos)
      << r->body;
  // The page comes back with the user's text, to fix.
  EXPECT_NE(r->body.find("I&apos;m {{my_intro}}.\n</textarea>"), std::string::npos);
  // The message is the field at fault, marked so, and tied to the error.
  EXPECT_NE(r->body.find(R"(spellcheck="true" aria-invalid="true" aria-describedby="compose-error")"),
            std::string::npos);
  EXPECT_EQ(r->body.find(R"(autocomplete="off" aria-invalid="true")"), std::string::npos);
  EXPECT_EQ(Events(ada), 1u);
}

TEST_F(ComposeTest, WithoutSmtpItHandsTheMessageToTheMailClientThenLogsIt) {
  const Id ada = AddAda();
  auto r = PostForm("/compose/send", {{"csrf", Token()},
                                      {"contact", std::to_string(ada)},
                                      {"kind", "request_first"},
                                      {"subject", "Twenty minutes?"},
                                      {"body", kGoodBody}});
  ASSERT_EQ(r->status, 200);
  const std::string& b = r->body;
  EXPECT_NE(
      b.find(R"(href="mailto:ada%40example.org?subject=Twenty%20minutes%3F&amp;body=Hi%20Ada%2C)"),
      std::string::npos)
      << b;
  EXPECT_NE(b.find(R"(data-copy="message-text")"), std::string::npos);
  EXPECT_NE(b.find("Copy the message</button>"), std::string::npos);
  EXPECT_NE(b.find(R"(data-copied="Copied. Paste it into a new email." hidden>)"), std::string::npos);  // JS shows it
  EXPECT_NE(b.find(R"(<script src="/assets/compose.js" defer>)"), std::string::npos);
  EXPECT_NE(b.find("I sent it — log it"), std::string::npos);
  EXPECT_EQ(Events(ada), 1u);  // nothing logged yet

  r = PostForm("/compose/logged", {{"csrf", Token()},
                                   {"contact", std::to_string(ada)},
                                   {"kind", "request_first"},
                                   {"subject", "Twenty minutes?"},
                                   {"body", kGoodBody}});
  ASSERT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/people/" + std::to_string(ada));
  EXPECT_NE(FlashOf(r).find("Logged Request sent for Ada Lovelace."),
            std::string::npos)
      << r->get_header_value("Set-Cookie");
  auto events = app_->pipeline().Timeline(std::to_string(ada));
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ(events->back().kind, EventKind::kRequestSent);
  EXPECT_NE(events->back().body.value_or("").find("Tuesday or Thursday"), std::string::npos);
}

TEST_F(ComposeTest, TodayAndThePersonPageLinkToCompose) {
  const Id ada = AddAda();
  auto r = client_->Get("/");
  ASSERT_EQ(r->status, 200);
  const std::string href = "/compose?contact=" + std::to_string(ada) + "&amp;kind=request";
  EXPECT_NE(r->body.find(href), std::string::npos) << r->body;
  EXPECT_NE(r->body.find(">Write it<"), std::string::npos);
  r = client_->Get(("/people/" + std::to_string(ada)).c_str());
  EXPECT_NE(r->body.find(R"(<a href="/compose?contact=)" + std::to_string(ada) +
                         R"(">Write a message</a>)"),
            std::string::npos);
}

TEST_F(ComposeTest, TheDraftsApiGivesTheDraftAndItsFindings) {
  const Id ada = AddAda();
  auto r =
      PostJson("/api/v1/drafts", R"({"kind": "request", "contact": )" + std::to_string(ada) + "}");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  EXPECT_EQ(j["template"], "request_first");
  EXPECT_EQ(j["subject"], "A question about UX research");
  EXPECT_EQ(j["to"]["id"], ada);
  EXPECT_EQ(j["to"]["name"], "Ada Lovelace");
  EXPECT_EQ(j["to"]["email"], "ada@example.org");
  EXPECT_EQ(j["lint_kind"], "request");
  EXPECT_EQ(j["logs"], "request_sent");
  // No profile: {{my_intro}} (and {{signature}}) stay, each one flagged.
  bool unfilled = false;
  for (const auto& f : j["findings"]) {
    if (f["rule"] != "unfilled-placeholder" || f["excerpt"] != "{{my_intro}}") continue;
    unfilled = true;
    EXPECT_EQ(f["excerpt"], "{{my_intro}}");
    const std::string body = j["body"];
    EXPECT_EQ(
        body.substr(f["start"].get<size_t>(), f["end"].get<size_t>() - f["start"].get<size_t>()),
        "{{my_intro}}");
  }
  EXPECT_TRUE(unfilled) << j.dump();
  // A voicemail script logs nothing.
  j = Json(PostJson("/api/v1/drafts", R"({"kind": "voicemail", "contact": "Ada"})"));
  EXPECT_TRUE(j["logs"].is_null()) << j.dump();
}

TEST_F(ComposeTest, TheDraftsApiAnswersErrorsAsJson) {
  AddAda();
  auto expect = [&](const std::string& body, int status, const std::string& code) {
    auto r = PostJson("/api/v1/drafts", body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << body << " -> " << r->body;
    auto j = json::parse(r->body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << r->body;
    EXPECT_EQ(j["error"]["code"], code) << r->body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  };
  expect("{not json", 400, "invalid_argument");
  expect(R"({"contact": "Ada"})", 400, "invalid_argument");
  expect(R"({"kind": "request"})", 400, "invalid_argument");
  expect(R"({"kind": "request", "contact": "Ada", "colour": "red"})", 400, "invalid_argument");
  expect(R"({"kind": "sonnet", "contact": "Ada"})", 400, "invalid_argument");
  expect(R"({"kind": "request", "contact": "Nobody Atall"})", 404, "not_found");
  // Without the CSRF header.
  auto r = client_->Post("/api/v1/drafts", R"({"kind": "request", "contact": "Ada"})",
                         "application/json");
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(Json(r)["error"]["code"], "forbidden");
}

TEST_F(ComposeTest, TheLintApiGivesSpansAndExcerpts) {
  AddAda();
  const std::string text = "Hi Ada,\n\nAre you hiring? I could start Monday.\n";
  auto r = PostJson("/api/v1/lint", json{{"text", text}, {"kind", "request"}}.dump());
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  bool job = false;
  for (const auto& f : j["findings"]) {
    EXPECT_TRUE(f.contains("severity") && f.contains("message") && f.contains("title"));
    if (f["rule"] != "asks-for-job") continue;
    job = true;
    EXPECT_EQ(f["severity"], "error");
    const size_t start = f["start"], end = f["end"];
    EXPECT_EQ(text.substr(start, end - start), f["excerpt"].get<std::string>());
    EXPECT_NE(f["excerpt"].get<std::string>().find("hiring"), std::string::npos);
  }
  EXPECT_TRUE(job) << j.dump();
  // A template's name reads the text as that template is read.
  r = PostJson("/api/v1/lint",
               json{{"text", "Thank you, Ada."}, {"kind", "thank_you"}, {"contact", "Ada"}}.dump());
  EXPECT_EQ(r->status, 200) << r->body;

  r = PostJson("/api/v1/lint", R"({"kind": "request"})");
  EXPECT_EQ(r->status, 400);
  r = PostJson("/api/v1/lint", R"({"text": "Hi", "kind": "limerick"})");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Json(r)["error"]["code"], "invalid_argument");
  r = PostJson("/api/v1/lint", R"({"text": "Hi", "contact": "Nobody Atall"})");
  EXPECT_EQ(r->status, 404);
  r = PostJson("/api/v1/lint", "[1, 2]");
  EXPECT_EQ(r->status, 400);
}

// The same server with [smtp] pointing at the loopback sink.
class ComposeSmtpTest : public ComposeTest {
 protected:
  void SetUp() override {
    ComposeTest::SetUp();
    std::filesystem::create_directories(dir_.File("mail"));
    sink_ = std::make_unique<SmtpSink>(dir_.File("mail"));
    ASSERT_NE(sink_->port(), 0) << "the loopback SMTP server did not start";
    server_->Stop();
    thread_.join();
    Config cfg;
    cfg.zone = "UTC";
    cfg.user_name = "Sam Rivera";
    cfg.user_email = "sam@example.org";
    cfg.user_intro = "a statistics student";
    cfg.smtp.host = "127.0.0.1";
    cfg.smtp.port = sink_->port();
    cfg.smtp.security = "none";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
    server_ = std::make_unique<server::WebServer>(*app_, "UTC", server::ServeOptions{"127.0.0.1", 0},
                                                  Watcher());
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  std::unique_ptr<SmtpSink> sink_;
};

TEST_F(ComposeSmtpTest, SendDeliversTheEditedMessageAndLogsTheEvent) {
  const Id ada = AddAda();
  auto page = client_->Get(("/compose?contact=" + std::to_string(ada)).c_str());
  EXPECT_NE(page->body.find(">Send</button>"), std::string::npos);
  auto r = PostForm("/compose/send", {{"csrf", Token()},
                                      {"contact", std::to_string(ada)},
                                      {"kind", "request_first"},
                                      {"subject", "Twenty minutes about UX research?"},
                                      {"body", kGoodBody}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303) << r->body;
  EXPECT_EQ(r->get_header_value("Location"), "/people/" + std::to_string(ada));
  EXPECT_NE(FlashOf(r).find("Sent to Ada Lovelace; logged Request sent."),
            std::string::npos)
      << r->get_header_value("Set-Cookie");
  const std::string msg = sink_->Message(1);
  ASSERT_FALSE(msg.empty());
  EXPECT_NE(msg.find("Subject: Twenty minutes about UX research?\r\n"), std::string::npos) << msg;
  EXPECT_NE(msg.find("\r\n\r\nHi Ada,\r\n"), std::string::npos) << msg;
  auto events = app_->pipeline().Timeline(std::to_string(ada));
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ(events->back().kind, EventKind::kRequestSent);
  EXPECT_EQ(events->back().channel, Channel::kEmail);
  // The agenda moved on: no request left for her.
  auto today = client_->Get("/");
  EXPECT_EQ(today->body.find(R"(data-kind="request")"), std::string::npos);
}

}  // namespace
}  // namespace rapport
