// Meeting mode and its forms over real HTTP: the page shows the plan and
// the agreed minutes; answers, notes and Finish need the CSRF token, work
// as plain form posts (303 + flash) and, for answers, as htmx fragments;
// Finish logs the meeting held once and opens the thank-you; the
// objective and question forms; the events, prep, objectives and
// organizations API routes with their errors and pagination.
#include <gtest/gtest.h>

#include <algorithm>

#include "server_fixture.h"

namespace rapport {
namespace {

class MeetingTest : public ServerTest {
 protected:
  // Ada, asked about an objective with a question of its own, said yes, and
  // a 20-minute meeting is on the calendar this afternoon.
  void SetUpMeeting() {
    ada_ = AddPerson("Ada Lovelace", "ada@example.org");
    objective_ = AddObjective("What UX researchers do all day");
    EventInput in;
    in.kind = EventKind::kRequestSent;
    in.contact = std::to_string(ada_);
    in.objective = std::to_string(objective_);
    in.at = "2026-03-02T09:00";
    ASSERT_TRUE(app_->pipeline().Record(in).ok());
    Log(ada_, EventKind::kRepliedYes, "2026-03-04T09:00");
    EventInput s;
    s.kind = EventKind::kMeetingScheduled;
    s.contact = std::to_string(ada_);
    s.meeting_at = "2026-03-10T15:00";
    s.meeting_minutes = 20;
    ASSERT_TRUE(app_->pipeline().Record(s).ok());
    QuestionFields q;
    q.text = "What does a usual week look like?";
    q.objective = std::to_string(objective_);
    auto added = app_->learning().AddQuestion(q);
    ASSERT_TRUE(added.ok()) << added.error().message();
    question_ = added->id;
  }
  std::string Base() const { return "/people/" + std::to_string(ada_); }
  int Count(EventKind kind) {
    auto events = app_->pipeline().Timeline(std::to_string(ada_));
    EXPECT_TRUE(events.ok());
    int n = 0;
    for (const auto& e : *events) n += e.kind == kind;
    return n;
  }
  static int Occurrences(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
  }
  httplib::Result PostJson(const std::string& path, const std::string& body,
                           bool token = true) {
    httplib::Headers h;
    if (token) h.emplace("X-CSRF-Token", Token());
    return client_->Post(path.c_str(), h, body, "application/json");
  }

  Id ada_ = 0, objective_ = 0, question_ = 0;
};

TEST_F(MeetingTest, PageShowsThePlannedQuestionsAndTheAgreedMinutes) {
  SetUpMeeting();
  auto r = client_->Get((Base() + "/meeting").c_str());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::string& html = r->body;
  EXPECT_NE(html.find("Meeting with Ada Lovelace"), std::string::npos);
  EXPECT_NE(html.find("What UX researchers do all day"), std::string::npos);
  EXPECT_NE(html.find("What does a usual week look like?"), std::string::npos);
  EXPECT_NE(html.find("<strong>20 minutes</strong>"), std::string::npos);
  EXPECT_NE(html.find(R"(data-minutes="20")"), std::string::npos);
  EXPECT_NE(html.find(R"(role="timer")"), std::string::npos);
  // The plan: 4 to 6 questions, each but the built-in closing one with a form.
  const int questions = Occurrences(html, R"(<li class="question")");
  EXPECT_GE(questions, 4);
  EXPECT_LE(questions, 6);
  EXPECT_GE(Occurrences(html, R"(action="/people/1/answers")"), questions - 1);
  EXPECT_NE(html.find(R"(name="question" value=")" + std::to_string(question_) + "\""),
            std::string::npos);
  EXPECT_NE(html.find("ask whom else you should meet"), std::string::npos);
  // The countdown comes from a file (the CSP forbids inline scripts), and
  // its panel is hidden until that script shows it.
  EXPECT_NE(html.find(R"(<script src="/assets/meeting.js" defer></script>)"), std::string::npos);
  // htmx, pipeline.js, outbox.js and offline.js (layout), meeting.js
  EXPECT_EQ(Occurrences(html, "<script"), 5);
  EXPECT_NE(html.find(R"(id="countdown-panel" data-minutes="20" data-contact="1" hidden)"),
            std::string::npos);
  EXPECT_NE(html.find("How well does this fit what you want?"), std::string::npos);
  EXPECT_EQ(Occurrences(html, R"(type="radio" name="fit")"), 5);

  auto js = client_->Get("/assets/meeting.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_NE(js->body.find("Date.now()"), std::string::npos);
}

TEST_F(MeetingTest, WithoutAMeetingTheLengthIsThePlaybooks) {
  Id bo = AddPerson("Bo");
  auto r = client_->Get(("/people/" + std::to_string(bo) + "/meeting").c_str());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("No meeting on the calendar"), std::string::npos);
  EXPECT_NE(r->body.find(R"(data-minutes="30")"), std::string::npos);
  r = client_->Get("/people/999/meeting");
  EXPECT_EQ(r->status, 404);
}

TEST_F(MeetingTest, AnAnswerIsSavedAsAFormPostAndAsAnHtmxFragment) {
  SetUpMeeting();
  const std::string q = std::to_string(question_);
  auto r = PostForm(Base() + "/answers", {{"question", q}, {"text", "Two days of interviews."}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = PostForm(Base() + "/answers",
               {{"csrf", Token()}, {"question", q}, {"text", "Two days of interviews."}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), Base() + "/meeting");
  EXPECT_NE(FlashOf(r).find("Saved"), std::string::npos);
  auto brief = app_->learning().Prep(std::to_string(ada_));
  ASSERT_TRUE(brief.ok());
  ASSERT_EQ(brief->earlier_answers.size(), 1u);
  EXPECT_EQ(brief->earlier_answers[0].body, "Two days of interviews.");
  EXPECT_EQ(brief->earlier_answers[0].objective_id, objective_);

  // htmx: just the question's block, with the saved text.
  r = PostForm(Base() + "/answers", {{"question", q}, {"text", "Also a weekly readout."}},
               {{"HX-Request", "true"}, {"X-CSRF-Token", Token()}});
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find("<html"), std::string::npos);
  EXPECT_EQ(r->body.rfind(R"(<li class="question" id="question-)" + q + "\"", 0), 0u);
  EXPECT_NE(r->body.find("<strong>Saved</strong>"), std::string::npos);
  EXPECT_NE(r->body.find("Also a weekly readout."), std::string::npos);
  // An empty answer: the block again, with the reason, and a 400.
  r = PostForm(Base() + "/answers", {{"question", q}, {"text", "  "}},
               {{"HX-Request", "true"}, {"X-CSRF-Token", Token()}});
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find(R"(role="alert")"), std::string::npos);
  // From the person page, back to the person page.
  r = PostForm(Base() + "/answers",
               {{"csrf", Token()}, {"question", q}, {"text", "Less than before."}, {"back", "person"}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), Base());
  // Without a question: back with the reason.
  r = PostForm(Base() + "/answers", {{"csrf", Token()}, {"text", "x"}});
  EXPECT_EQ(r->status, 303);
  EXPECT_NE(FlashOf(r).find("Not saved"), std::string::npos);
  EXPECT_EQ(app_->learning().Prep(std::to_string(ada_))->earlier_answers.size(), 3u);
}

TEST_F(MeetingTest, NotesNeedTheTokenAndStayEscaped) {
  SetUpMeeting();
  auto r = PostForm(Base() + "/notes", {{"body", "hello"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = PostForm(Base() + "/notes",
               {{"csrf", Token()}, {"body", std::string("She likes **diary studies** ") + kXss}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), Base() + "/meeting");
  r = PostForm(Base() + "/notes", {{"csrf", Token()}, {"body", "Ask about Ben"}, {"back", "person"}});
  EXPECT_EQ(r->get_header_value("Location"), Base());
  auto notes = app_->learning().ListNotes(std::to_string(ada_), std::nullopt);
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ(notes->size(), 2u);
  // Refused in meeting mode: the page again, the reason beside the note.
  r = PostForm(Base() + "/notes", {{"csrf", Token()}, {"body", " "}});
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find(R"(id="note-error" class="field-error" role="alert">write the note first)"),
            std::string::npos);
  EXPECT_NE(r->body.find(R"(aria-describedby="note-error")"), std::string::npos);
  EXPECT_EQ(app_->learning().ListNotes(std::to_string(ada_), std::nullopt)->size(), 2u);

  for (const std::string& path : {Base() + "/meeting", Base()}) {
    auto page = client_->Get(path.c_str());
    ASSERT_EQ(page->status, 200) << path;
    EXPECT_NE(page->body.find("<strong>diary studies</strong>"), std::string::npos) << path;
    EXPECT_EQ(page->body.find(kXss), std::string::npos) << path;
  }
}

TEST_F(MeetingTest, UserTextInQuestionsAndNamesIsEscaped) {
  SetUpMeeting();
  ContactFields f;
  f.name = std::string("Eve ") + kXss;
  f.org = kXss;
  ASSERT_TRUE(app_->records().EditContact(std::to_string(ada_), f).ok());
  QuestionFields q;
  q.text = std::string("Why ") + kXss + "?";
  q.objective = std::to_string(objective_);
  ASSERT_TRUE(app_->learning().AddQuestion(q).ok());
  ASSERT_TRUE(app_->learning().RecordAnswer(std::to_string(ada_), std::to_string(question_), kXss).ok());
  auto r = client_->Get((Base() + "/meeting").c_str());
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find(kXss), std::string::npos);
  EXPECT_NE(r->body.find(kXssEscaped), std::string::npos);
  r = client_->Get(Base().c_str());
  EXPECT_EQ(r->body.find(kXss), std::string::npos);
  // The fragment escapes the saved text too.
  r = PostForm(Base() + "/answers", {{"question", std::to_string(question_)}, {"text", kXss}},
               {{"HX-Request", "true"}, {"X-CSRF-Token", Token()}});
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body.find(kXss), std::string::npos);
  EXPECT_NE(r->body.find(kXssEscaped), std::string::npos);
}

TEST_F(MeetingTest, FinishLogsTheMeetingOnceAndOpensTheThankYou) {
  SetUpMeeting();
  auto r = PostForm(Base() + "/meeting/finish", {{"fit", "4"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(Count(EventKind::kMeetingHeld), 0);
  // A refused finish shows the page again with what was typed kept (a
  // note written at the end of a meeting must not be lost to a mistake).
  r = PostForm(Base() + "/meeting/finish",
               {{"csrf", Token()}, {"fit", "9"}, {"note", "your advice on portfolio <reviews>"}});
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find(">your advice on portfolio &lt;reviews&gt;</textarea>"), std::string::npos);
  EXPECT_NE(r->body.find(R"(id="finish-error" class="field-error" role="alert")"), std::string::npos);
  EXPECT_EQ(r->body.find(" checked>"), std::string::npos);  // 9 is no choice to keep
  EXPECT_EQ(Count(EventKind::kMeetingHeld), 0);

  // Before the meeting's start (15:00; it is noon), Finish asks first,
  // keeping what was typed, and logs nothing.
  r = PostForm(Base() + "/meeting/finish",
               {{"csrf", Token()}, {"fit", "4"}, {"note", "She offered to introduce Ben."}});
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("The meeting with Ada Lovelace starts Tue 10 Mar 15:00; finish it now only if it "
                         "has already happened. Finish it now anyway?"),
            std::string::npos)
      << r->body;
  EXPECT_NE(r->body.find(R"(<input type="hidden" name="early" value="yes">)"), std::string::npos);
  EXPECT_NE(r->body.find(">She offered to introduce Ben.</textarea>"), std::string::npos);
  EXPECT_NE(r->body.find(R"(value="4" checked>)"), std::string::npos);
  EXPECT_EQ(Count(EventKind::kMeetingHeld), 0);
  r = PostForm(Base() + "/meeting/finish", {{"csrf", Token()},
                                            {"fit", "4"},
                                            {"note", "She offered to introduce Ben."},
                                            {"early", "yes"}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/compose?contact=1&kind=thank_you");
  auto events = app_->pipeline().Timeline(std::to_string(ada_));
  ASSERT_TRUE(events.ok());
  const Event& held = events->back();
  EXPECT_EQ(held.kind, EventKind::kMeetingHeld);
  EXPECT_EQ(held.fit, 4);
  EXPECT_EQ(held.at, clock_.Now());
  EXPECT_EQ(held.body, "She offered to introduce Ben.");
  EXPECT_EQ(held.objective_id, objective_);
  // Pressed again: the same redirect, no second meeting.
  r = PostForm(Base() + "/meeting/finish", {{"csrf", Token()}, {"fit", "5"}});
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/compose?contact=1&kind=thank_you");
  EXPECT_EQ(Count(EventKind::kMeetingHeld), 1);
  // No fit is fine.
  Id bo = AddPerson("Bo");
  r = PostForm("/people/" + std::to_string(bo) + "/meeting/finish", {{"csrf", Token()}});
  EXPECT_EQ(r->status, 303);
  r = PostForm("/people/999/meeting/finish", {{"csrf", Token()}});
  EXPECT_EQ(r->status, 404);
  // The person page's timeline says so.
  auto page = client_->Get(Base().c_str());
  EXPECT_NE(page->body.find("Meeting held"), std::string::npos);
  EXPECT_NE(page->body.find("fit 4/5"), std::string::npos);
}

TEST_F(MeetingTest, PersonAndTodayLeadToMeetingMode) {
  SetUpMeeting();
  auto r = client_->Get(Base().c_str());
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find(R"(href="/people/1/meeting")"), std::string::npos);
  EXPECT_NE(r->body.find("Open meeting mode"), std::string::npos);
  EXPECT_NE(r->body.find(R"(action="/people/1/notes")"), std::string::npos);
  EXPECT_NE(r->body.find(R"(action="/people/1/answers")"), std::string::npos);
  EXPECT_NE(r->body.find("What does a usual week look like?</option>"), std::string::npos);
  r = client_->Get("/");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find(R"(href="/people/1/meeting")"), std::string::npos);
  EXPECT_NE(r->body.find("Prepare: open meeting mode"), std::string::npos);
  // Without a meeting the person page still offers it, saying so.
  Id bo = AddPerson("Bo");
  r = client_->Get(("/people/" + std::to_string(bo)).c_str());
  EXPECT_NE(r->body.find("Meeting mode (no meeting scheduled yet)"), std::string::npos);
}

TEST_F(MeetingTest, ObjectiveAndQuestionForms) {
  auto page = client_->Get("/objectives");
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find(R"(<option value="role">Role</option>)"), std::string::npos);
  auto r = PostForm("/objectives", {{"title", "Product design"}, {"kind", "role"}});
  EXPECT_EQ(r->status, 403);
  r = PostForm("/objectives",
               {{"csrf", Token()}, {"title", "Product design"}, {"kind", "role"}, {"target", "4"}});
  EXPECT_EQ(r->status, 303);
  auto all = app_->records().ListObjectives();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().title, "Product design");
  EXPECT_EQ(all->front().kind, ObjectiveKind::kRole);
  EXPECT_EQ(all->front().target, 4);
  const std::string id = std::to_string(all->front().id);
  EXPECT_EQ(r->get_header_value("Location"), "/objectives/" + id);
  // A refused add shows the form again, with what was typed and the
  // message beside the field at fault.
  struct Bad {
    httplib::Params form;
    const char* input;  // the id of the field marked invalid
    const char* kept;   // a typed value shown again
  };
  for (const Bad& bad : {Bad{{{"csrf", Token()}, {"title", "Xylophones"}, {"kind", "planet"}},
                             "objective-kind",
                             R"(value="Xylophones")"},
                         Bad{{{"csrf", Token()}, {"title", "Yodel"}, {"target", "many"}},
                             "objective-target",
                             R"(value="many")"},
                         Bad{{{"csrf", Token()}, {"kind", "company"}},
                             "objective-title",
                             R"(<option value="company" selected>)"}}) {
    r = PostForm("/objectives", bad.form);
    EXPECT_EQ(r->status, 400);
    EXPECT_NE(r->body.find("Not added"), std::string::npos);
    EXPECT_NE(r->body.find(std::string(R"(aria-invalid="true" aria-describedby=")") + bad.input +
                           "-error\""),
              std::string::npos)
        << bad.input;
    EXPECT_EQ(r->body.find("aria-invalid"), r->body.rfind("aria-invalid")) << "one field only";
    EXPECT_NE(r->body.find(bad.kept), std::string::npos) << bad.kept;
  }
  EXPECT_EQ(app_->records().ListObjectives()->size(), 1u);

  page = client_->Get(("/objectives/" + id).c_str());
  EXPECT_NE(page->body.find("action=\"/objectives/" + id + "/questions\""), std::string::npos);
  r = PostForm("/objectives/" + id + "/questions", {{"text", "Who hires?"}});
  EXPECT_EQ(r->status, 403);
  r = PostForm("/objectives/" + id + "/questions",
               {{"csrf", Token()}, {"text", std::string("Who hires ") + kXss},
                {"category", "path"}, {"referral", "1"}});
  EXPECT_EQ(r->status, 303);
  QuestionFilter f;
  f.objective = id;
  auto qs = app_->learning().ListQuestions(f);
  ASSERT_TRUE(qs.ok());
  auto it = std::find_if(qs->begin(), qs->end(),
                         [&](const Question& q) { return q.objective_id == all->front().id; });
  ASSERT_NE(it, qs->end());
  EXPECT_EQ(it->category, QuestionCategory::kPath);
  EXPECT_TRUE(it->referral);
  r = PostForm("/objectives/999/questions", {{"csrf", Token()}, {"text", "Who?"}});
  EXPECT_EQ(r->status, 404);
  r = PostForm("/objectives/" + id + "/questions", {{"csrf", Token()}, {"text", "Q?"}, {"category", "nope"}});
  EXPECT_EQ(r->status, 303);
  EXPECT_NE(FlashOf(r).find("Not added"), std::string::npos);
}

// ---- the API ------------------------------------------------------------------

TEST_F(MeetingTest, ApiListsAContactsEventsAPageAtATime) {
  SetUpMeeting();  // 3 events
  auto r = client_->Get("/api/v1/events?contact=1&limit=2");
  ASSERT_EQ(r->status, 200);
  json j = Json(r);
  EXPECT_EQ(j["total"], 3);
  EXPECT_EQ(j["limit"], 2);
  EXPECT_EQ(j["offset"], 0);
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][0]["kind"], "request_sent");
  EXPECT_EQ(j["items"][0]["objective_id"], objective_);
  r = client_->Get("/api/v1/events?contact=1&limit=2&offset=2");
  j = Json(r);
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["kind"], "meeting_scheduled");
  EXPECT_EQ(j["items"][0]["meeting_minutes"], 20);
  EXPECT_EQ(j["items"][0]["meeting_at"], "2026-03-10T15:00:00Z");
  r = client_->Get("/api/v1/events?contact=Ada%20Lovelace");
  EXPECT_EQ(Json(r)["total"], 3);

  for (const auto& [url, status] : std::vector<std::pair<std::string, int>>{
           {"/api/v1/events", 400},
           {"/api/v1/events?contact=", 400},
           {"/api/v1/events?contact=1&limit=0", 400},
           {"/api/v1/events?contact=1&limit=201", 400},
           {"/api/v1/events?contact=1&offset=-1", 400},
           {"/api/v1/events?contact=999", 404}}) {
    r = client_->Get(url.c_str());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << url;
    EXPECT_TRUE(Json(r)["error"]["code"].is_string()) << url;
    EXPECT_TRUE(Json(r)["error"]["message"].is_string()) << url;
  }
  EXPECT_EQ(Json(client_->Get("/api/v1/events?contact=999"))["error"]["code"], "not_found");
}

TEST_F(MeetingTest, ApiRecordsAnEvent) {
  SetUpMeeting();
  auto r = PostJson("/api/v1/events", R"({"kind": "meeting_held", "contact": "1", "fit": 5,
                                           "body": "Great talk"})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  json j = Json(r);
  EXPECT_EQ(j["kind"], "meeting_held");
  EXPECT_EQ(j["fit"], 5);
  EXPECT_EQ(j["contact_id"], ada_);
  EXPECT_EQ(j["objective_id"], objective_);
  EXPECT_EQ(j["at"], "2026-03-10T09:00:00Z");
  EXPECT_EQ(Count(EventKind::kMeetingHeld), 1);
  r = PostJson("/api/v1/events", R"({"kind": "meeting_scheduled", "contact": "Ada",
                                      "meeting_at": "2026-03-20T10:00", "meeting_minutes": 45})");
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(Json(r)["meeting_minutes"], 45);

  for (const auto& [body, status] : std::vector<std::pair<std::string, int>>{
           {R"({"contact": "1"})", 400},
           {R"({"kind": "touch"})", 400},
           {R"({"kind": "party", "contact": "1"})", 400},
           {R"({"kind": "promise_kept", "contact": "1"})", 400},
           {R"({"kind": "touch", "contact": "1", "colour": "red"})", 400},
           {R"({"kind": "touch", "contact": 1})", 400},
           {R"({"kind": "touch", "contact": "1", "fit": "high"})", 400},
           {R"({"kind": "touch", "contact": "1", "fit": 3})", 400},
           {R"({"kind": "meeting_held", "contact": "1", "fit": 7})", 400},
           {R"({"kind": "touch", "contact": "1", "at": "2030-01-01T00:00"})", 400},
           {R"({"kind": "touch", "contact": "999"})", 404},
           {R"([1, 2])", 400},
           {R"({"kind":)", 400}}) {
    r = PostJson("/api/v1/events", body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << body << " -> " << r->body;
    EXPECT_TRUE(Json(r)["error"]["message"].is_string()) << body;
  }
  r = PostJson("/api/v1/events", R"({"kind": "touch", "contact": "1"})", /*token=*/false);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(Json(r)["error"]["code"], "forbidden");
  r = client_->Post("/api/v1/events", {{"X-CSRF-Token", Token()}}, "kind=touch", "text/plain");
  EXPECT_EQ(r->status, 415);
  EXPECT_EQ(Count(EventKind::kTouch), 0);
}

TEST_F(MeetingTest, ApiGivesTheMeetingBrief) {
  SetUpMeeting();
  auto r = client_->Get("/api/v1/people/1/prep");
  ASSERT_EQ(r->status, 200);
  json j = Json(r);
  EXPECT_EQ(j["contact"]["name"], "Ada Lovelace");
  EXPECT_EQ(j["objective"]["title"], "What UX researchers do all day");
  EXPECT_EQ(j["minutes"], 20);
  EXPECT_EQ(j["meeting"]["meeting_at"], "2026-03-10T15:00:00Z");
  ASSERT_GE(j["questions"].size(), 4u);
  ASSERT_LE(j["questions"].size(), 6u);
  EXPECT_TRUE(j["questions"].back()["referral"].get<bool>());
  bool found = false;
  for (const auto& q : j["questions"]) found |= q.value("id", Id{0}) == question_;
  EXPECT_TRUE(found);
  EXPECT_TRUE(j["reminders"].is_array());
  r = client_->Get("/api/v1/people/999/prep");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Json(r)["error"]["code"], "not_found");
}

TEST_F(MeetingTest, ApiListsAndAddsObjectives) {
  auto r = client_->Get("/api/v1/objectives");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(Json(r)["total"], 0);
  r = PostJson("/api/v1/objectives", R"({"title": "Data journalism", "kind": "industry", "target": 5})");
  ASSERT_EQ(r->status, 201) << r->body;
  json j = Json(r);
  EXPECT_EQ(j["title"], "Data journalism");
  EXPECT_EQ(j["kind"], "industry");
  EXPECT_EQ(j["target"], 5);
  for (const char* t : {"A", "B", "C"}) {
    const std::string body = std::string(R"({"kind": "role", "title": ")") + t + "\"}";
    ASSERT_EQ(PostJson("/api/v1/objectives", body)->status, 201);
  }
  r = client_->Get("/api/v1/objectives?limit=3&offset=1");
  j = Json(r);
  EXPECT_EQ(j["total"], 4);
  EXPECT_EQ(j["items"].size(), 3u);
  for (const auto& [body, status] : std::vector<std::pair<std::string, int>>{
           {R"({"kind": "role"})", 400},
           {R"({"title": "X", "kind": "planet"})", 400},
           {R"({"title": "X", "target": 0})", 400},
           {R"({"title": "X", "target": "five"})", 400},
           {R"({"title": "X", "owner": "me"})", 400}}) {
    r = PostJson("/api/v1/objectives", body);
    EXPECT_EQ(r->status, status) << body;
    EXPECT_EQ(Json(r)["error"]["code"], "invalid_argument") << body;
  }
  EXPECT_EQ(PostJson("/api/v1/objectives", R"({"title": "X"})", false)->status, 403);
  EXPECT_EQ(client_->Get("/api/v1/objectives?limit=x")->status, 400);
}

TEST_F(MeetingTest, ApiListsAndAddsOrganizations) {
  auto r = PostJson("/api/v1/organizations",
                    R"({"name": "Northwind", "industry": "Retail", "size": "large"})");
  ASSERT_EQ(r->status, 201) << r->body;
  json j = Json(r);
  EXPECT_EQ(j["name"], "Northwind");
  EXPECT_EQ(j["size"], "large");
  AddPerson("Ada");
  ContactFields f;
  f.name = "Ben";
  f.org = "Northwind";
  ASSERT_TRUE(app_->records().AddContact(f).ok());
  r = client_->Get("/api/v1/organizations");
  ASSERT_EQ(r->status, 200);
  j = Json(r);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["items"][0]["contact_count"], 1);
  r = PostJson("/api/v1/organizations", R"({"name": "Northwind"})");
  EXPECT_EQ(r->status, 409);
  EXPECT_EQ(Json(r)["error"]["code"], "conflict");
  r = PostJson("/api/v1/organizations", R"({"name": "X", "size": "huge"})");
  EXPECT_EQ(r->status, 400);
  r = PostJson("/api/v1/organizations", R"({"industry": "X"})");
  EXPECT_EQ(r->status, 400);
  r = PostJson("/api/v1/organizations", R"({"name": "X"})", false);
  EXPECT_EQ(r->status, 403);
  r = client_->Get("/api/v1/organizations?offset=5");
  EXPECT_EQ(Json(r)["items"].size(), 0u);
  EXPECT_EQ(Json(r)["total"], 1);
}

}  // namespace
}  // namespace rapport
