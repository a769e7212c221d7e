// The one JSON shape of each record, shared by the CLI's --json and the
// API (present/json.h).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rapport/app/app.h"
#include "rapport/app/labels.h"
#include "rapport/model/time.h"
#include "rapport/present/json.h"

namespace rapport {
namespace {

using nlohmann::json;

Instant At(const char* iso) { return *ParseTime(iso, "UTC"); }

TEST(Present, AContactHasOnlyTheFieldsThatAreSet) {
  Contact c;
  c.id = 7;
  c.name = "Ada Lovelace";
  c.email = "ada@example.org";
  c.degree = Degree::kFirst;
  c.created_at = c.updated_at = At("2026-03-02T09:30:00Z");
  const json j = present::ContactJson(c);
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["email"], "ada@example.org");
  EXPECT_EQ(j["degree"], "first");
  EXPECT_EQ(j["tags"], json::array());
  EXPECT_EQ(j["created_at"], "2026-03-02T09:30:00Z");
  EXPECT_FALSE(j.contains("phone"));
  EXPECT_FALSE(j.contains("org"));
  EXPECT_FALSE(j.contains("introducer"));
}

TEST(Present, AnEventCarriesEveryDetailItHas) {
  Event e;
  e.id = 3;
  e.contact_id = 7;
  e.kind = EventKind::kMeetingHeld;
  e.at = At("2026-03-12T11:00:00Z");
  e.fit = 4;
  e.meeting_mode = MeetingMode::kVideo;
  const json j = present::EventJson(e);
  EXPECT_EQ(j["kind"], "meeting_held");
  EXPECT_EQ(j["fit"], 4);
  EXPECT_EQ(j["meeting_mode"], "video");
  EXPECT_FALSE(j.contains("theirs"));  // only promises have a side
  e.kind = EventKind::kPromiseMade;
  e.theirs = true;
  EXPECT_EQ(present::EventJson(e)["theirs"], true);
}

TEST(Present, ASearchHitMarksTheMatchedWordsByOffset) {
  SearchResults r;
  SearchResult x;
  x.hit.kind = "note";
  x.hit.source_id = 5;
  x.hit.snippet =
      "moved from \x02"
      "design\x03 systems";
  x.context = "note";
  x.at = At("2026-03-02T09:30:00Z");
  r.results.push_back(x);
  const json j = present::SearchResultsJson(r);
  EXPECT_EQ(j["windowed"], false);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["snippet"]["text"], "moved from design systems");
  EXPECT_EQ(j["results"][0]["snippet"]["highlights"], json::parse("[[11, 17]]"));
  EXPECT_TRUE(j["results"][0].contains("rank"));
}

TEST(Present, AnOrganizationHasItsCountUnderBothNames) {
  Organization o;
  o.id = 2;
  o.name = "Fjord Labs";
  o.website = "https://fjord.example";
  o.contact_count = 3;
  o.created_at = At("2026-03-02T09:30:00Z");
  const json j = present::OrganizationJson(o);
  EXPECT_EQ(j["id"], 2);
  EXPECT_EQ(j["name"], "Fjord Labs");
  EXPECT_EQ(j["website"], "https://fjord.example");
  EXPECT_EQ(j["contact_count"], 3);  // the API's name
  EXPECT_EQ(j["contacts"], 3);       // the CLI's, from before one shape
  EXPECT_EQ(j["created_at"], "2026-03-02T09:30:00Z");
  EXPECT_FALSE(j.contains("industry"));
  EXPECT_FALSE(j.contains("size"));
}

TEST(Present, AnActionHasWhatEitherFaceWroteBefore) {
  Action a;
  a.kind = ActionKind::kFollowUp;
  a.contact_id = 7;
  a.objective_id = 3;
  a.due = At("2026-03-09T09:00:00Z");
  a.reason = "no reply yet";
  json j = present::ActionJson(a);
  EXPECT_EQ(j["kind"], "follow_up");    // the API's name
  EXPECT_EQ(j["action"], "follow_up");  // the CLI's
  EXPECT_EQ(j["due"], "2026-03-09T09:00:00Z");
  EXPECT_EQ(j["reason"], "no reply yet");
  EXPECT_EQ(j["contact_id"], 7);
  EXPECT_EQ(j["objective_id"], 3);
  EXPECT_EQ(j["done_by"], "follow_up_sent");
  EXPECT_FALSE(j.contains("about_id"));
  EXPECT_FALSE(j.contains("until"));
  EXPECT_FALSE(j.contains("promise_id"));

  Action goal;
  goal.kind = ActionKind::kWeeklyGoal;
  EXPECT_FALSE(present::ActionJson(goal).contains("contact_id"));  // towards nobody

  Action prepare;
  prepare.kind = ActionKind::kPrepare;
  prepare.contact_id = 7;
  prepare.until = At("2026-03-12T11:00:00Z");
  j = present::ActionJson(prepare);
  EXPECT_EQ(j["until"], "2026-03-12T11:00:00Z");
  EXPECT_FALSE(j.contains("done_by"));  // nothing does it in one click

  Action deliver;
  deliver.kind = ActionKind::kDeliverPromise;
  deliver.contact_id = 7;
  deliver.promise_id = 11;
  EXPECT_EQ(present::ActionJson(deliver)["promise_id"], 11);
}

TEST(Present, AnAgendaItemIsItsActionWithNames) {
  AgendaItem item;
  item.action.kind = ActionKind::kThankIntroducer;
  item.action.contact_id = 2;
  item.action.about_id = 9;
  item.overdue = true;
  item.contact_name = "Bo Chen";
  item.about_name = "Zoe Agren";
  const json j = present::AgendaItemJson(item);
  EXPECT_EQ(j["kind"], "thank_introducer");
  EXPECT_EQ(j["about_id"], 9);
  EXPECT_EQ(j["overdue"], true);
  EXPECT_EQ(j["contact"], "Bo Chen");
  EXPECT_EQ(j["about"], "Zoe Agren");
  EXPECT_FALSE(j.contains("objective"));
}

TEST(Labels, EveryValueHasWordsForAPerson) {
  EXPECT_EQ(Label(EventKind::kMeetingHeld), "Meeting held");
  EXPECT_EQ(Label(Source::kLinkedin), "LinkedIn");
  EXPECT_EQ(Label(MeetingMode::kInPerson), "In-person");
  EXPECT_EQ(Label(ActionKind::kThankIntroducer), "Thank the introducer");
  EXPECT_EQ(Label(Stage::kDeclined), "Said no");
  EXPECT_EQ(TemplateLabel("thank_introducer"), "Thank introducer");
  for (auto name : EventKindNames()) EXPECT_FALSE(Label(*ParseEventKind(name)).empty()) << name;
  for (auto name : SourceNames()) EXPECT_FALSE(Label(*ParseSource(name)).empty()) << name;
  for (auto name : QuestionCategoryNames()) {
    EXPECT_FALSE(Label(*ParseQuestionCategory(name)).empty()) << name;
  }
}

}  // namespace
}  // namespace rapport
