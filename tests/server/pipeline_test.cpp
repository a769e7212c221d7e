// The Pipeline board, its moves (page and API) and the Import page, over
// real HTTP (server_fixture.h). The import tests read the real exports in
// ../shared/fixtures beside the checkout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "server_fixture.h"

namespace rapport {
namespace {

const std::string kFixtures = std::string(RAPPORT_SOURCE_DIR) + "/../shared/fixtures/";

std::string ReadFixture(const std::string& name) {
  std::ifstream in(kFixtures + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

#define REQUIRE_FIXTURES()                                                                  \
  if (!std::filesystem::exists(kFixtures)) {                                                \
    GTEST_SKIP() << "../shared/fixtures is absent (it sits beside the checkout in CI)"; \
  }

class PipelineTest : public ServerTest {
 protected:
  // The HTML of one column of the board.
  static std::string Column(const std::string& page, const std::string& stage) {
    size_t start = page.find("data-stage=\"" + stage + "\"");
    if (start == std::string::npos) return "";
    size_t end = page.find("</section>", start);
    return page.substr(start, end - start);
  }
  Stage StageOf(Id id) { return app_->records().ShowContact(std::to_string(id))->stage; }
  size_t EventCount(Id id) { return app_->pipeline().Timeline(std::to_string(id))->size(); }
  size_t ContactCount() { return app_->records().ListContacts(std::nullopt, std::nullopt)->size(); }
  // The page a redirect leads to, with the flash its cookie carries.
  std::string Follow(const httplib::Result& r) {
    auto page = client_->Get(r->get_header_value("Location").c_str(),
                             {{"Cookie", r->get_header_value("Set-Cookie")}});
    return page ? page->body : "";
  }
  httplib::Result Upload(const std::string& content, const std::string& filename,
                         const std::string& format, bool with_csrf = true) {
    httplib::MultipartFormDataItems items = {
        {"file", content, filename, "application/octet-stream"},
        {"format", format, "", ""},
        {"tags", "imported, 2026", "", ""},
    };
    if (with_csrf) items.push_back({"csrf", Token(), "", ""});
    return client_->Post("/import/preview", items);
  }
  static std::string TokenIn(const std::string& page) {
    const std::string key = "name=\"token\" value=\"";
    size_t at = page.find(key);
    if (at == std::string::npos) return "";
    at += key.size();
    return page.substr(at, page.find('"', at) - at);
  }
  httplib::Result PostJson(const std::string& path, const json& body) {
    return client_->Post(path.c_str(), {{"X-CSRF-Token", Token()}}, body.dump(), "application/json");
  }
};

TEST_F(PipelineTest, TheBoardGroupsPeopleByStageInTheStagesOrder) {
  Id ada = AddPerson("Ada Lovelace");
  Id bo = AddPerson("Bo Peep");
  Id cy = AddPerson("Cy Young");
  AddPerson("Dee Outside");  // no events: not on the board
  Log(ada, EventKind::kTargeted, "2026-03-09T09:00Z");
  Log(bo, EventKind::kRequestSent, "2026-03-09T09:00Z");
  Log(cy, EventKind::kMeetingHeld, "2026-03-09T09:00Z");
  auto r = client_->Get("/pipeline");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::string& page = r->body;
  size_t last = 0;
  for (const char* stage : {"targeted", "requested", "followed_up", "called", "scheduled", "met",
                            "thanked", "in_touch", "declined", "no_response", "dormant"}) {
    size_t at = page.find(std::string("data-stage=\"") + stage + "\"");
    ASSERT_NE(at, std::string::npos) << stage;
    EXPECT_GT(at, last) << stage;
    last = at;
  }
  EXPECT_NE(Column(page, "targeted").find("Ada Lovelace"), std::string::npos);
  EXPECT_NE(Column(page, "targeted").find("href=\"/people/" + std::to_string(ada) + "\""),
            std::string::npos);
  EXPECT_NE(Column(page, "requested").find("Bo Peep"), std::string::npos);
  EXPECT_NE(Column(page, "met").find("Cy Young"), std::string::npos);
  EXPECT_EQ(Column(page, "requested").find("Ada Lovelace"), std::string::npos);
  // Each card's "Move to" list starts at the next stage, the likeliest move.
  EXPECT_NE(Column(page, "met").find(R"(<option value="thanked" selected>)"), std::string::npos);
  EXPECT_NE(Column(page, "targeted").find(R"(<option value="requested" selected>)"), std::string::npos);
  EXPECT_EQ(Column(page, "met").find(R"(<option value="targeted" selected>)"), std::string::npos);
  EXPECT_EQ(page.find("Dee Outside"), std::string::npos);
  EXPECT_NE(page.find("Said no"), std::string::npos);  // plain words for declined
  // Bo's next step (the follow-up) is due in a week.
  EXPECT_NE(Column(page, "requested").find("Next due"), std::string::npos);
  EXPECT_NE(page.find("<script src=\"/assets/pipeline.js\" defer></script>"), std::string::npos);
}

TEST_F(PipelineTest, FiltersByObjectiveTagAndOrganization) {
  ContactFields f;
  f.name = "Ada";
  f.org = "Analytical Engines";
  f.add_tags = {"math"};
  Id ada = app_->records().AddContact(f)->contact.id;
  f.name = "Bo";
  f.org = "Navy Labs";
  Id bo = app_->records().AddContact(f)->contact.id;
  f.name = "Cy";
  f.org = "Analytical Engines";
  f.add_tags = {};
  Id cy = app_->records().AddContact(f)->contact.id;
  Id objective = AddObjective("Data roles");
  EventInput in;
  in.kind = EventKind::kRequestSent;
  in.contact = std::to_string(ada);
  in.objective = std::to_string(objective);
  ASSERT_TRUE(app_->pipeline().Record(in).ok());
  Log(bo, EventKind::kTargeted, "2026-03-09T09:00Z");
  Log(cy, EventKind::kTargeted, "2026-03-09T09:00Z");
  const Id analytical = *app_->records().ShowContact(std::to_string(ada))->contact.org_id;

  auto names = [&](const std::string& query) {
    auto r = client_->Get(("/pipeline" + query).c_str());
    EXPECT_EQ(r->status, 200) << query;
    std::string out;
    for (const char* n : {"Ada", "Bo", "Cy"}) {
      if (r->body.find(std::string("class=\"card-name\">") + n + "<") != std::string::npos) out += n;
    }
    return out;
  };
  EXPECT_EQ(names(""), "AdaBoCy");
  EXPECT_EQ(names("?tag=math"), "AdaBo");
  EXPECT_EQ(names("?org=" + std::to_string(analytical)), "AdaCy");
  EXPECT_EQ(names("?objective=" + std::to_string(objective)), "Ada");
  EXPECT_EQ(names("?tag=math&org=" + std::to_string(analytical) + "&objective="), "Ada");
  // The form shows the filters chosen.
  auto r = client_->Get("/pipeline?tag=math");
  EXPECT_NE(r->body.find("<option value=\"math\" selected>"), std::string::npos);
  EXPECT_NE(r->body.find("name=\"tag\" value=\"math\""), std::string::npos);  // in the move forms
  // An unknown organization is a clear 404, not an empty board.
  EXPECT_EQ(client_->Get("/pipeline?org=999")->status, 404);

  auto api = client_->Get("/api/v1/pipeline?tag=math");
  ASSERT_EQ(api->status, 200);
  json j = Json(api);
  ASSERT_EQ(j["stages"].size(), 11u);
  EXPECT_EQ(j["stages"][0]["stage"], "targeted");
  EXPECT_EQ(j["stages"][0]["people"].size(), 1u);
  EXPECT_EQ(j["stages"][0]["people"][0]["name"], "Bo");
  EXPECT_EQ(j["stages"][1]["stage"], "requested");
  EXPECT_EQ(j["stages"][1]["people"][0]["name"], "Ada");
  EXPECT_EQ(j["stages"][1]["people"][0]["org"], "Analytical Engines");
  EXPECT_EQ(j["stages"][1]["people"][0]["objective_id"], objective);
}

TEST_F(PipelineTest, AMoveRecordsTheEventAndThePersonChangesColumn) {
  Id ada = AddPerson("Ada");
  Log(ada, EventKind::kTargeted, "2026-03-09T09:00Z");
  auto r = PostForm("/pipeline/move", {{"csrf", Token()},
                                       {"contact", std::to_string(ada)},
                                       {"to", "requested"},
                                       {"tag", "a b"},
                                       {"objective", ""},
                                       {"org", ""}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303);
  // httplib's client decodes Location: the server sent /pipeline?tag=a%20b.
  EXPECT_EQ(r->get_header_value("Location"), "/pipeline?tag=a b");
  EXPECT_EQ(StageOf(ada), Stage::kRequested);
  auto events = app_->pipeline().Timeline(std::to_string(ada));
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ(events->back().kind, EventKind::kRequestSent);
  const std::string page = Follow(r);
  EXPECT_NE(page.find("Moved Ada to Requested: logged Request sent."), std::string::npos);
  // With an Undo button that comes back to the same board.
  EXPECT_NE(page.find("action=\"/undo\""), std::string::npos);
  EXPECT_NE(page.find("name=\"event\" value=\"" + std::to_string(events->back().id) + "\""),
            std::string::npos);
  // (The flash cookie's decoding turns %20 back into a space: browsers send
  // it encoded again, so the filter survives.)
  EXPECT_NE(page.find("name=\"back\" value=\"/pipeline?tag=a"), std::string::npos);

  auto board = client_->Get("/pipeline");
  EXPECT_NE(Column(board->body, "requested").find(">Ada<"), std::string::npos);
  EXPECT_EQ(Column(board->body, "targeted").find(">Ada<"), std::string::npos);
}

TEST_F(PipelineTest, ANonObviousMoveAsksFirstAndWritesNothingUntilConfirmed) {
  Id ada = AddPerson("Ada");
  Log(ada, EventKind::kTargeted, "2026-03-09T09:00Z");
  httplib::Params form = {{"csrf", Token()}, {"contact", std::to_string(ada)}, {"to", "met"}};
  auto r = PostForm("/pipeline/move", form);
  ASSERT_EQ(r->status, 409);
  EXPECT_NE(r->body.find("Mark Ada as met? This records a meeting held today."), std::string::npos);
  EXPECT_NE(r->body.find("name=\"confirm\" value=\"1\""), std::string::npos);
  EXPECT_NE(r->body.find("class=\"stack move-confirm\""), std::string::npos);
  EXPECT_EQ(EventCount(ada), 1u);

  form.emplace("confirm", "1");
  r = PostForm("/pipeline/move", form);
  ASSERT_EQ(r->status, 303);
  EXPECT_EQ(StageOf(ada), Stage::kMet);

  // The API: 409 with the question, then 200 with confirm.
  Id bo = AddPerson("Bo");
  Log(bo, EventKind::kTargeted, "2026-03-09T09:00Z");
  auto api = PostJson("/api/v1/pipeline/move", {{"contact", bo}, {"to_stage", "met"}});
  ASSERT_EQ(api->status, 409);
  EXPECT_EQ(Json(api)["error"]["code"], "confirmation_needed");
  EXPECT_NE(Json(api)["error"]["message"].get<std::string>().find("Mark Bo as met?"), std::string::npos);
  EXPECT_EQ(EventCount(bo), 1u);
  api = PostJson("/api/v1/pipeline/move", {{"contact", "Bo"}, {"to_stage", "met"}, {"confirm", true}});
  ASSERT_EQ(api->status, 200);
  EXPECT_EQ(Json(api)["event"]["kind"], "meeting_held");
  EXPECT_EQ(Json(api)["from_stage"], "targeted");
  EXPECT_EQ(Json(api)["stage"], "met");
  EXPECT_EQ(StageOf(bo), Stage::kMet);
}

TEST_F(PipelineTest, SchedulingAsksForTheMeetingTime) {
  Id ada = AddPerson("Ada");
  Log(ada, EventKind::kRequestSent, "2026-03-09T09:00Z");
  httplib::Params form = {{"csrf", Token()}, {"contact", std::to_string(ada)}, {"to", "scheduled"}};
  auto r = PostForm("/pipeline/move", form);
  ASSERT_EQ(r->status, 409);
  EXPECT_NE(r->body.find("When is the meeting with Ada?"), std::string::npos);
  EXPECT_NE(r->body.find("type=\"datetime-local\" required"), std::string::npos);
  EXPECT_EQ(EventCount(ada), 1u);
  form.emplace("meeting_at", "2026-03-12T15:00");
  r = PostForm("/pipeline/move", form);
  ASSERT_EQ(r->status, 303);
  EXPECT_EQ(StageOf(ada), Stage::kScheduled);
  EXPECT_EQ(FormatIso(*app_->pipeline().Timeline(std::to_string(ada))->back().meeting_at),
            FormatIso(*ParseTime("2026-03-12T15:00Z", "UTC")));

  Id bo = AddPerson("Bo");
  Log(bo, EventKind::kRequestSent, "2026-03-09T09:00Z");
  auto api = PostJson("/api/v1/pipeline/move", {{"contact", bo}, {"to_stage", "scheduled"}});
  EXPECT_EQ(api->status, 400);
  EXPECT_NE(Json(api)["error"]["message"].get<std::string>().find("meeting_at"), std::string::npos);
  api = PostJson("/api/v1/pipeline/move",
                 {{"contact", bo}, {"to_stage", "scheduled"}, {"meeting_at", "2026-03-13T10:00"}});
  ASSERT_EQ(api->status, 200);
  EXPECT_EQ(Json(api)["stage"], "scheduled");
  EXPECT_EQ(Json(api)["event"]["meeting_at"], "2026-03-13T10:00:00Z");
}

TEST_F(PipelineTest, AMoveThatIsNotAllowedSaysWhyAndWritesNothing) {
  Id ada = AddPerson("Ada");
  Log(ada, EventKind::kRequestSent, "2026-03-05T09:00Z");
  Log(ada, EventKind::kFollowUpSent, "2026-03-09T09:00Z");
  auto r = PostForm("/pipeline/move",
                    {{"csrf", Token()}, {"contact", std::to_string(ada)}, {"to", "requested"}});
  ASSERT_EQ(r->status, 303);
  EXPECT_NE(Follow(r).find("Not moved: Ada has already been asked"), std::string::npos);
  auto api = PostJson("/api/v1/pipeline/move", {{"contact", ada}, {"to_stage", "thanked"}});
  ASSERT_EQ(api->status, 400);
  EXPECT_EQ(Json(api)["error"]["code"], "invalid_argument");
  EXPECT_NE(Json(api)["error"]["message"].get<std::string>().find("move Ada to Met first"),
            std::string::npos);
  api = PostJson("/api/v1/pipeline/move", {{"contact", ada}, {"to_stage", "dormant"}});
  EXPECT_EQ(api->status, 400);
  api = PostJson("/api/v1/pipeline/move", {{"contact", ada}, {"to_stage", "somewhere"}});
  EXPECT_EQ(api->status, 400);
  api = PostJson("/api/v1/pipeline/move", {{"contact", ada}, {"to_stage", "met"}, {"color", "red"}});
  EXPECT_EQ(api->status, 400);
  api = PostJson("/api/v1/pipeline/move", {{"contact", 999}, {"to_stage", "met"}});
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(EventCount(ada), 2u);
  EXPECT_EQ(StageOf(ada), Stage::kFollowedUp);
}

TEST_F(PipelineTest, MovesAndUploadsNeedTheCsrfToken) {
  Id ada = AddPerson("Ada");
  Log(ada, EventKind::kTargeted, "2026-03-09T09:00Z");
  auto r = PostForm("/pipeline/move", {{"contact", std::to_string(ada)}, {"to", "requested"}});
  EXPECT_EQ(r->status, 403);
  r = PostForm("/pipeline/move", {{"csrf", "0000"}, {"contact", std::to_string(ada)}, {"to", "requested"}});
  EXPECT_EQ(r->status, 403);
  r = client_->Post("/api/v1/pipeline/move", R"({"contact": 1, "to_stage": "requested"})",
                    "application/json");
  EXPECT_EQ(r->status, 403);
  // pipeline.js posts the form with the header.
  r = client_->Post("/pipeline/move", {{"X-CSRF-Token", "wrong"}},
                    "contact=" + std::to_string(ada) + "&to=requested",
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(EventCount(ada), 1u);
  r = client_->Post("/pipeline/move", {{"X-CSRF-Token", Token()}},
                    "contact=" + std::to_string(ada) + "&to=requested",
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(EventCount(ada), 2u);

  const std::string vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n";
  r = Upload(vcard, "a.vcf", "vcard", /*with_csrf=*/false);
  EXPECT_EQ(r->status, 403);
  httplib::MultipartFormDataItems wrong = {{"file", vcard, "a.vcf", "text/vcard"},
                                           {"csrf", "0000", "", ""}};
  EXPECT_EQ(client_->Post("/import/preview", wrong)->status, 403);
  r = PostForm("/import/confirm", {{"token", "whatever"}});
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(ContactCount(), 1u);
}

TEST_F(PipelineTest, CardsEscapeWhatTheyShow) {
  ContactFields f;
  f.name = kXss;
  f.org = kXss;
  Id id = app_->records().AddContact(f)->contact.id;
  Log(id, EventKind::kTargeted, "2026-03-09T09:00Z");
  auto r = client_->Get("/pipeline");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find(kXss), std::string::npos);
  EXPECT_NE(Column(r->body, "targeted").find(kXssEscaped), std::string::npos);
  r = PostForm("/pipeline/move", {{"csrf", Token()}, {"contact", std::to_string(id)}, {"to", "met"}});
  ASSERT_EQ(r->status, 409);
  EXPECT_EQ(r->body.find(kXss), std::string::npos);
  EXPECT_NE(r->body.find(kXssEscaped), std::string::npos);
}

TEST_F(PipelineTest, ImportPreviewShowsTheReportAndWritesNothing) {
  REQUIRE_FIXTURES();
  AddPerson("Someone Else");
  auto r = Upload(ReadFixture("linkedin/li_2025_notes_url_onerow_tombarr.csv"), "Connections.csv",
                  "auto");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("<dd data-count=\"added\">1</dd>"), std::string::npos);
  EXPECT_NE(r->body.find("<dd data-count=\"merged\">0</dd>"), std::string::npos);
  EXPECT_NE(r->body.find("Import 1 person"), std::string::npos);
  EXPECT_NE(r->body.find("Preview of Connections.csv"), std::string::npos);
  EXPECT_NE(r->body.find("imported, 2026"), std::string::npos);
  EXPECT_EQ(ContactCount(), 1u);
  const std::string token = TokenIn(r->body);
  ASSERT_EQ(token.size(), 64u);
  // Only the token goes back: the file stays on the server.
  EXPECT_EQ(r->body.find("alexrohrberg"), std::string::npos);

  auto done = PostForm("/import/confirm", {{"csrf", Token()}, {"token", token}});
  ASSERT_EQ(done->status, 303);
  EXPECT_EQ(done->get_header_value("Location"), "/people");
  EXPECT_NE(Follow(done).find("Imported 1 person: 1 new, 0 merged."), std::string::npos);
  auto people = app_->records().ListContacts(std::nullopt, std::nullopt);
  ASSERT_EQ(people->size(), 2u);
  auto tagged = app_->records().ListContacts(std::nullopt, std::string("imported"));
  EXPECT_EQ(tagged->size(), 1u);
  // A token works once.
  auto again = PostForm("/import/confirm", {{"csrf", Token()}, {"token", token}});
  ASSERT_EQ(again->status, 303);
  EXPECT_EQ(again->get_header_value("Location"), "/import");
  EXPECT_NE(Follow(again).find("That preview has expired"), std::string::npos);
  EXPECT_EQ(ContactCount(), 2u);
}

TEST_F(PipelineTest, ASecondRecordOfSomeoneIsAddedThenMergedOnItsOwnPage) {
  AddPerson("Alex Kim");
  const std::string google =
      "Name,Phone 1 - Type,Phone 1 - Value\nAlex Kim,Mobile,+1 206 555 0002\n"
      "Blair Ode,,\n";
  auto r = Upload(google, "contacts.csv", "google");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("Perhaps already here"), std::string::npos);
  EXPECT_NE(r->body.find("same name, no organization"), std::string::npos);
  auto done = PostForm("/import/confirm", {{"csrf", Token()}, {"token", TokenIn(r->body)}});
  ASSERT_EQ(done->status, 303);
  const std::string to = done->get_header_value("Location");
  EXPECT_EQ(to, "/people/1/merge?with=2");
  const std::string page = Follow(done);
  EXPECT_NE(page.find("Alex Kim may already be here"), std::string::npos) << page;
  EXPECT_NE(page.find("+1 206 555 0002"), std::string::npos);  // what the other brings
  EXPECT_NE(page.find("Merge into Alex Kim"), std::string::npos);
  EXPECT_EQ(ContactCount(), 3u);
  // Someone who is not there is a 404, not an empty page.
  EXPECT_EQ(client_->Get("/people/1/merge?with=999")->status, 404);
  EXPECT_EQ(client_->Get("/people/1/merge")->status, 404);
  auto merged = PostForm("/people/1/merge", {{"csrf", Token()}, {"other", "2"}});
  ASSERT_EQ(merged->status, 303);
  EXPECT_EQ(merged->get_header_value("Location"), "/people/1");
  EXPECT_NE(Follow(merged).find("Merged Alex Kim into Alex Kim"), std::string::npos);
  EXPECT_EQ(ContactCount(), 2u);
  auto alex = app_->records().ShowContact("1");
  EXPECT_EQ(alex->contact.phone, "+1 206 555 0002");
  EXPECT_EQ(alex->contact.phone_label, "mobile");
  EXPECT_EQ(PostForm("/people/1/merge", {{"other", "3"}})->status, 403);  // no form token
}

TEST_F(PipelineTest, ImportFindsTheFormatOfAVCardAndAGoogleFile) {
  REQUIRE_FIXTURES();
  auto r = Upload(ReadFixture("vcard/ezvcard_gmail-list.vcf"), "contacts.vcf", "auto");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("<dd data-count=\"added\">3</dd>"), std::string::npos);
  r = Upload(ReadFixture("google_csv/google_old_format_generated_mtrazzi.csv"), "google.csv", "auto");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("Import "), std::string::npos);
  EXPECT_EQ(ContactCount(), 0u);
}

TEST_F(PipelineTest, ABadFileGivesOneLineAndWritesNothing) {
  REQUIRE_FIXTURES();
  const std::string broken = ReadFixture("vcard/monica_broken_vcard_stub.vcard");
  ASSERT_FALSE(broken.empty());
  auto r = Upload(broken, "broken.vcard", "vcard");
  ASSERT_EQ(r->status, 400);
  const std::string key = "<p class=\"form-error\" role=\"alert\">";
  size_t at = r->body.find(key);
  ASSERT_NE(at, std::string::npos) << r->body;
  const std::string line = r->body.substr(at + key.size(), r->body.find("</p>", at) - at - key.size());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("VCARD"), std::string::npos) << line;
  EXPECT_EQ(TokenIn(r->body), "");
  // Detection refuses it too, and asks for the format.
  r = Upload(broken, "broken.vcard", "auto");
  ASSERT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("choose its format"), std::string::npos);
  // No file at all.
  r = Upload("", "", "auto");
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("Choose the file to import."), std::string::npos);
  EXPECT_EQ(ContactCount(), 0u);
}

TEST_F(PipelineTest, OnlyTheImportTakesBodiesOverOneMegabyte) {
  // 30,000 connections: about 2 MB.
  std::string csv = "First Name,Last Name,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < 30000; ++i) {
    csv += "Person" + std::to_string(i) + ",Tester,p" + std::to_string(i) +
           "@example.org,Company " + std::to_string(i % 50) + ",Engineer,15 Mar 2024\n";
  }
  ASSERT_GT(csv.size(), 2'000'000u);
  auto r = Upload(csv, "Connections.csv", "linkedin");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<dd data-count=\"added\">30000</dd>"), std::string::npos);
  EXPECT_EQ(ContactCount(), 0u);

  std::string big(1100 * 1000, 'a');
  auto page = PostForm("/pipeline/move", {{"csrf", Token()}, {"contact", big}, {"to", "met"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 413);
  EXPECT_NE(page->body.find("larger than 1 MB"), std::string::npos);
  auto api = client_->Post("/api/v1/pipeline/move", {{"X-CSRF-Token", Token()}},
                           R"({"contact": ")" + big + R"("})", "application/json");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 413);
  EXPECT_EQ(Json(api)["error"]["code"], "payload_too_large");
  httplib::MultipartFormDataItems elsewhere = {{"file", big, "x.csv", "text/csv"},
                                               {"csrf", Token(), "", ""}};
  auto other = client_->Post("/people", elsewhere);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 413);
}

}  // namespace
}  // namespace rapport
