// The installable app over real HTTP: the manifest, the service worker (at
// the root, never cached by HTTP, with the assets' fingerprint written in),
// the icons and favicon; /api/v1/offline listing the pages a phone keeps;
// and the forms a phone queues offline, sent twice with one write id,
// recorded once.
#include <gtest/gtest.h>

#include "server_fixture.h"

namespace rapport {
namespace {

constexpr const char* kWriteId = "0b7e2c41-5d9a-4f3e-8a12-6c0d9e4b7f35";

class OfflineTest : public ServerTest {
 protected:
  // Ada: a 30-minute meeting this afternoon, and a question to ask her.
  void SetUpMeeting() {
    ada_ = AddPerson("Ada Lovelace", "ada@example.org");
    Log(ada_, EventKind::kRequestSent, "2026-03-02T09:00");
    Log(ada_, EventKind::kRepliedYes, "2026-03-04T09:00");
    EventInput s;
    s.kind = EventKind::kMeetingScheduled;
    s.contact = std::to_string(ada_);
    s.meeting_at = "2026-03-10T15:00";
    ASSERT_TRUE(app_->pipeline().Record(s).ok());
    QuestionFields q;
    q.text = "What does a usual week look like?";
    auto added = app_->learning().AddQuestion(q);
    ASSERT_TRUE(added.ok()) << added.error().message();
    question_ = added->id;
  }
  std::string Base() const { return "/people/" + std::to_string(ada_); }
  size_t Answers() {
    auto b = app_->learning().Prep(std::to_string(ada_));
    EXPECT_TRUE(b.ok());
    return b->earlier_answers.size();
  }

  Id ada_ = 0, question_ = 0;
};

TEST_F(OfflineTest, TheManifestNamesTheAppItsIconsAndStandaloneDisplay) {
  auto r = client_->Get("/manifest.webmanifest");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/manifest+json");
  auto m = Json(r);
  EXPECT_EQ(m["name"], "Rapport");
  EXPECT_EQ(m["short_name"], "Rapport");
  EXPECT_EQ(m["display"], "standalone");
  EXPECT_EQ(m["start_url"], "/");
  bool big = false, maskable = false;
  for (const auto& icon : m["icons"]) {
    const std::string src = icon["src"];
    auto file = client_->Get(src.c_str());
    ASSERT_TRUE(file) << src;
    EXPECT_EQ(file->status, 200) << src;
    EXPECT_EQ(file->get_header_value("Content-Type"), "image/png") << src;
    // A PNG whose header says the size the manifest says.
    ASSERT_GT(file->body.size(), 24u);
    EXPECT_EQ(file->body.substr(1, 3), "PNG");
    auto be32 = [&](size_t at) {
      const auto* b = reinterpret_cast<const unsigned char*>(file->body.data() + at);
      return (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    };
    const std::string sizes = icon["sizes"];
    EXPECT_EQ(std::to_string(be32(16)) + "x" + std::to_string(be32(20)), sizes) << src;
    if (sizes == "512x512") big = true;
    if (icon["purpose"] == "maskable") maskable = true;
  }
  EXPECT_TRUE(big);
  EXPECT_TRUE(maskable);
  // Every page links the manifest and the icons.
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find(R"(<link rel="manifest" href="/manifest.webmanifest">)"), std::string::npos);
  EXPECT_NE(page->body.find(R"(<script src="/assets/offline.js" defer></script>)"), std::string::npos);
  auto favicon = client_->Get("/favicon.ico");
  ASSERT_TRUE(favicon);
  EXPECT_EQ(favicon->status, 200);
  EXPECT_EQ(favicon->get_header_value("Content-Type"), "image/png");
}

TEST_F(OfflineTest, TheServiceWorkerIsServedFromTheRootUncachedWithTheAssetsFingerprint) {
  auto r = client_->Get("/sw.js");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-cache");
  EXPECT_EQ(r->get_header_value("Content-Security-Policy"), kCsp);
  EXPECT_EQ(r->body.find("__ASSETS__"), std::string::npos);
  const std::string mark = "var VERSION = '";
  const size_t at = r->body.find(mark);
  ASSERT_NE(at, std::string::npos);
  const std::string version = r->body.substr(at + mark.size(), 16);
  EXPECT_EQ(version.find_first_not_of("0123456789abcdef"), std::string::npos) << version;
  // The same build gives the same worker (an unchanged worker is no update).
  auto again = client_->Get("/sw.js");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, r->body);
  // What it loads and caches exists.
  for (const char* asset : {"/assets/outbox.js", "/assets/offline.js", "/assets/icon-192.png",
                            "/assets/icon-180.png", "/assets/meeting.js", "/assets/htmx.min.js"}) {
    auto a = client_->Get(asset);
    ASSERT_TRUE(a) << asset;
    EXPECT_EQ(a->status, 200) << asset;
  }
}

TEST_F(OfflineTest, OfflineListsTodayAloneWhenNoMeetingIsComing) {
  auto empty = client_->Get("/api/v1/offline");
  ASSERT_TRUE(empty);
  ASSERT_EQ(empty->status, 200);
  EXPECT_EQ(Json(empty)["pages"], json::array({"/"}));
  EXPECT_EQ(Json(empty)["meetings"], json::array());
  // The worker renews its CSRF token here after the server restarts.
  EXPECT_EQ(empty->get_header_value("X-CSRF-Token"), Token());
}

// (Written before the first request: a write by another connection is seen
// by the read cache within ServeOptions::stamp_reuse_ms, not at once.)
TEST_F(OfflineTest, OfflineListsTodayAndEachComingMeetingsPages) {
  SetUpMeeting();
  Id ben = AddPerson("Ben Okafor");
  Log(ben, EventKind::kTargeted, "2026-03-09T09:00");  // due, but no meeting
  auto r = client_->Get("/api/v1/offline");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto j = Json(r);
  EXPECT_EQ(j["pages"], json::array({"/", Base() + "/meeting", Base()}));
  ASSERT_EQ(j["meetings"].size(), 1u);
  EXPECT_EQ(j["meetings"][0]["name"], "Ada Lovelace");
  // Each listed page answers.
  for (const auto& p : j["pages"]) {
    auto page = client_->Get(p.get<std::string>().c_str());
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200) << p;
  }
}

TEST_F(OfflineTest, QueuedFormsSentTwiceWithOneWriteIdAreRecordedOnce) {
  SetUpMeeting();
  const std::string q = std::to_string(question_);
  httplib::Headers htmx{{"HX-Request", "true"}};
  httplib::Params answer{{"csrf", Token()}, {"question", q}, {"text", "Two days of interviews."},
                         {"seen", "0"}, {"write_id", kWriteId}};
  auto first = PostForm(Base() + "/answers", answer, htmx);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  auto again = PostForm(Base() + "/answers", answer, htmx);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_NE(again->body.find("had reached Rapport already"), std::string::npos);
  EXPECT_EQ(Answers(), 1u);

  const std::string note_id = "c5a1f7e0-2d44-4b8e-9f63-1a7b0c9d2e58";
  httplib::Params note{{"csrf", Token()}, {"body", "She runs research ops."}, {"write_id", note_id}};
  ASSERT_EQ(PostForm(Base() + "/notes", note)->status, 303);
  ASSERT_EQ(PostForm(Base() + "/notes", note)->status, 303);
  auto notes = app_->learning().ListNotes(std::to_string(ada_), std::nullopt);
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ(notes->size(), 1u);

  clock_.Set(*ParseTime("2026-03-10T15:40Z", "UTC"));
  const std::string finish_id = "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b";
  httplib::Params finish{{"csrf", Token()}, {"fit", "4"}, {"write_id", finish_id}};
  ASSERT_EQ(PostForm(Base() + "/meeting/finish", finish)->status, 303);
  // The retry arrives the next morning: still one meeting.
  clock_.Set(*ParseTime("2026-03-11T08:00Z", "UTC"));
  auto retry = PostForm(Base() + "/meeting/finish", finish);
  ASSERT_EQ(retry->status, 303);
  EXPECT_NE(FlashOf(retry).find("already logged"), std::string::npos) << FlashOf(retry);
  auto events = app_->pipeline().Timeline(std::to_string(ada_));
  ASSERT_TRUE(events.ok());
  int held = 0;
  for (const auto& e : *events) held += e.kind == EventKind::kMeetingHeld;
  EXPECT_EQ(held, 1);
}

TEST_F(OfflineTest, TodaysOneClickActionSentTwiceIsLoggedOnce) {
  Id ben = AddPerson("Ben Okafor");
  Log(ben, EventKind::kTargeted, "2026-03-09T09:00");
  auto today = client_->Get("/");
  ASSERT_TRUE(today);
  EXPECT_NE(today->body.find(R"(action="/agenda/do" class="one-click" data-offline="action")"), std::string::npos);
  httplib::Params action{{"csrf", Token()}, {"action", "request"}, {"contact", std::to_string(ben)},
                         {"write_id", kWriteId}};
  ASSERT_EQ(PostForm("/agenda/do", action)->status, 303);
  ASSERT_EQ(PostForm("/agenda/do", action)->status, 303);
  auto events = app_->pipeline().Timeline(std::to_string(ben));
  ASSERT_TRUE(events.ok());
  int requests = 0;
  for (const auto& e : *events) requests += e.kind == EventKind::kRequestSent;
  EXPECT_EQ(requests, 1);
}

TEST_F(OfflineTest, AnAnswerWrittenElsewhereWhileThePhoneWasOfflineIsKeptAndSaid) {
  SetUpMeeting();
  const std::string q = std::to_string(question_);
  // The page the phone kept said no answers ("seen" 0); the laptop then
  // saved one.
  auto page = client_->Get((Base() + "/meeting").c_str());
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find(R"(name="seen" value="0")"), std::string::npos);
  ASSERT_TRUE(app_->learning().RecordAnswer(std::to_string(ada_), q, "Research ops.").ok());
  auto r = PostForm(Base() + "/answers",
                    {{"csrf", Token()}, {"question", q}, {"text", "Interviews on Tuesdays."},
                     {"seen", "0"}, {"write_id", kWriteId}},
                    {{"HX-Request", "true"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("both are kept"), std::string::npos) << r->body;
  EXPECT_EQ(Answers(), 2u);
  // The block that comes back has seen the new answer.
  EXPECT_EQ(r->body.find(R"(name="seen" value="0")"), std::string::npos);
}

TEST_F(OfflineTest, AMalformedWriteIdIsRefusedAndNothingIsSaved) {
  SetUpMeeting();
  auto r = PostForm(Base() + "/answers",
                    {{"csrf", Token()}, {"question", std::to_string(question_)}, {"text", "x"},
                     {"write_id", "no spaces allowed"}},
                    {{"HX-Request", "true"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Answers(), 0u);
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

// The service worker keeps pages in the background while the seeker opens
// one: its copies must not take the flash message ("Logged ...") meant for
// the page in front of them (a race the journey suite hit under load).
TEST_F(OfflineTest, APageKeptInTheBackgroundLeavesTheFlashForThePageOpened) {
  // "Saved." as the flash cookie holds it (hex).
  const httplib::Headers kept = {{"Cookie", "rapport_flash=53617665642e"}, {"X-Rapport-Keep", "1"}};
  auto background = client_->Get("/", kept);
  ASSERT_TRUE(background);
  EXPECT_EQ(background->status, 200);
  EXPECT_EQ(background->body.find("Saved."), std::string::npos);
  EXPECT_FALSE(background->has_header("Set-Cookie")) << background->get_header_value("Set-Cookie");
  auto opened = client_->Get("/", {{"Cookie", "rapport_flash=53617665642e"}});
  ASSERT_TRUE(opened);
  EXPECT_NE(opened->body.find("Saved."), std::string::npos);
  EXPECT_NE(opened->get_header_value("Set-Cookie").find("rapport_flash=;"), std::string::npos);
}

}  // namespace
}  // namespace rapport
