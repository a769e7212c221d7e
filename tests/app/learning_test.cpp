// Issue 6 through the use cases: the question bank, prep, notes, answers,
// search, referrals, the network and insights, on a real SQLite database.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "rapport/app/app.h"
#include "rapport/store/store.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

class LearningTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override { Open(dir_.File("rapport.db")); }
  // A new, empty database (a file at `sqlite_path` on SQLite).
  void Open(const std::string& sqlite_path) {
    auto db = testing::OpenTestDatabase(GetParam(), sqlite_path);
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "UTC";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
  }
  Contact Add(const std::string& name, const std::string& org = "Acme") {
    ContactFields f;
    f.name = name;
    f.org = org;
    f.degree = "first";
    auto r = app_->records().AddContact(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r->contact;
  }
  Event Do(EventKind kind, const Contact& c, std::optional<std::string> at = std::nullopt,
           std::optional<std::string> objective = std::nullopt) {
    EventInput in;
    in.kind = kind;
    in.contact = std::to_string(c.id);
    in.at = std::move(at);
    in.objective = std::move(objective);
    auto r = app_->pipeline().Record(in);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r.ok() ? *r : Event{};
  }
  void Schedule(const Contact& c, const std::string& when) {
    EventInput in;
    in.kind = EventKind::kMeetingScheduled;
    in.contact = std::to_string(c.id);
    in.meeting_at = when;
    auto r = app_->pipeline().Record(in);
    ASSERT_TRUE(r.ok()) << r.error().message();
  }
  Objective AddObjective(const std::string& title) {
    ObjectiveFields f;
    f.title = title;
    f.kind = "role";
    auto r = app_->records().AddObjective(f);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return *r;
  }
  std::vector<std::string> SearchKinds(const std::string& q) {
    auto r = app_->learning().Search(q, 20);
    EXPECT_TRUE(r.ok()) << r.error().message();
    std::vector<std::string> kinds;
    if (r.ok()) {
      for (const auto& h : r->results) kinds.push_back(h.hit.kind);
    }
    return kinds;
  }

  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
};
RAPPORT_ON_BOTH_ENGINES(LearningTest);

TEST_P(LearningTest, TheStarterBankArrivesOnceAndStaysEdited) {
  auto all = app_->learning().ListQuestions({});
  ASSERT_TRUE(all.ok()) << all.error().message();
  ASSERT_EQ(all->size(), StarterQuestions().size());
  auto removed = app_->learning().RemoveQuestion(std::to_string(all->front().id));
  ASSERT_TRUE(removed.ok()) << removed.error().message();
  auto again = app_->learning().ListQuestions({});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), StarterQuestions().size() - 1);  // not re-seeded

  QuestionFields f;
  f.text = "What does a research ops team do all week?";
  f.category = "Day-To-Day";
  auto ux = AddObjective("UX research");
  f.objective = "ux";
  auto q = app_->learning().AddQuestion(f);
  ASSERT_TRUE(q.ok()) << q.error().message();
  EXPECT_EQ(q->category, QuestionCategory::kDayToDay);
  EXPECT_EQ(q->objective_id, ux.id);

  f.category = "trend";
  auto bad = app_->learning().AddQuestion(f);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("did you mean 'trends'"), std::string::npos)
      << bad.error().message();
}

TEST_P(LearningTest, PrepSharesTheObjectivesQuestionsOutAcrossItsInterviewees) {
  AddObjective("UX research");
  QuestionFields only_ux;
  std::vector<Contact> people = {Add("Ana"), Add("Ben"), Add("Cara")};
  int day = 11;
  for (const auto& c : people) {
    Do(EventKind::kTargeted, c, std::nullopt, "ux");
    Schedule(c, "2026-03-" + std::to_string(day++) + "T10:00");
  }
  const int max = app_->config().playbook.questions_max;
  std::vector<std::set<Id>> plans;
  for (const auto& c : people) {
    auto b = app_->learning().Prep(std::to_string(c.id));
    ASSERT_TRUE(b.ok()) << b.error().message();
    ASSERT_TRUE(b->meeting.has_value());
    ASSERT_TRUE(b->objective.has_value());
    const auto& qs = b->plan.questions;
    ASSERT_EQ(static_cast<int>(qs.size()), max);
    EXPECT_TRUE(qs.back().referral);
    std::set<Id> ids;
    for (size_t i = 0; i + 1 < qs.size(); ++i) ids.insert(qs[i].question_id);
    plans.push_back(ids);
  }
  // Nobody is asked what someone before them is already asking.
  for (size_t i = 0; i < plans.size(); ++i) {
    for (size_t j = i + 1; j < plans.size(); ++j) {
      std::vector<Id> common;
      std::set_intersection(plans[i].begin(), plans[i].end(), plans[j].begin(), plans[j].end(),
                            std::back_inserter(common));
      EXPECT_TRUE(common.empty()) << "plans " << i << " and " << j << " share a question";
    }
  }
}

TEST_P(LearningTest, PrepGathersWhatToReread) {
  auto bea = Add("Bea Jones");
  ContactFields f;
  f.name = "Carl Berg";
  f.org = "Globex";
  f.tz = "Europe/Berlin";
  auto carl = app_->records().Refer("bea", f);
  ASSERT_TRUE(carl.ok()) << carl.error().message();
  EventInput req;
  req.kind = EventKind::kRequestSent;
  req.contact = "carl";
  req.at = "2026-03-09T09:00";
  req.body = "Bea suggested I write to you about research operations.";
  ASSERT_TRUE(app_->pipeline().Record(req).ok());
  EventInput promise;
  promise.kind = EventKind::kPromiseMade;
  promise.contact = "carl";
  promise.body = "send my notes on the survey";
  ASSERT_TRUE(app_->pipeline().Record(promise).ok());
  NoteInput note;
  note.contact = "carl";
  note.body = "Wrote the book on *survey design*.";
  ASSERT_TRUE(app_->learning().AddNote(note).ok());
  Schedule(carl->contact, "2026-03-12T15:00");

  auto b = app_->learning().Prep("carl");
  ASSERT_TRUE(b.ok()) << b.error().message();
  ASSERT_TRUE(b->request.has_value());
  EXPECT_EQ(b->request->body, req.body);
  ASSERT_TRUE(b->introducer.has_value());
  EXPECT_EQ(b->introducer->name, "Bea Jones");
  ASSERT_EQ(b->notes.size(), 1u);
  EXPECT_EQ(b->contact_zone, "Europe/Berlin");
  ASSERT_EQ(b->promises_mine.size(), 1u);
  EXPECT_TRUE(b->promises_theirs.empty());
  const bool asks_introducer =
      std::any_of(b->reminders.begin(), b->reminders.end(), [](const std::string& r) {
        return r.find("Ask Bea Jones") != std::string::npos;
      });
  EXPECT_TRUE(asks_introducer);
}

TEST_P(LearningTest, SearchFindsNotesAnswersAndMessagesAndFollowsEdits) {
  auto ana = Add("Ana Silva");
  NoteInput note;
  note.contact = "ana";
  note.body = "Ana thinks diary studies are underrated for onboarding research.";
  auto n = app_->learning().AddNote(note);
  ASSERT_TRUE(n.ok()) << n.error().message();
  EventInput req;
  req.kind = EventKind::kRequestSent;
  req.contact = "ana";
  req.body = "Could we talk about diary studies? I am new to the field.";
  ASSERT_TRUE(app_->pipeline().Record(req).ok());
  Do(EventKind::kMeetingHeld, ana);
  auto a = app_->learning().RecordAnswer("ana", "changed", "Diary studies came back; so did remote tools.");
  ASSERT_TRUE(a.ok()) << a.error().message();

  auto kinds = SearchKinds("diary");
  std::multiset<std::string> got(kinds.begin(), kinds.end());
  EXPECT_EQ(got, (std::multiset<std::string>{"note", "request_sent", "answer"}));

  // Ranked: the text that says "diary studies" twice comes first.
  NoteInput twice;
  twice.contact = "ana";
  twice.body = "Diary studies, diary studies: a whole talk on diary studies and nothing else.";
  ASSERT_TRUE(app_->learning().AddNote(twice).ok());
  auto ranked = app_->learning().Search("diary studies", 20);
  ASSERT_TRUE(ranked.ok());
  ASSERT_EQ(ranked->results.size(), 4u);
  EXPECT_FALSE(ranked->windowed);
  const auto& best = ranked->results.front();
  EXPECT_NE(best.hit.snippet.find("nothing else"), std::string::npos);
  EXPECT_NE(best.hit.snippet.find("\x02" "Diary\x03"), std::string::npos);
  EXPECT_EQ(best.contact_name, "Ana Silva");

  // An edit replaces the indexed words; a removal drops them.
  ASSERT_TRUE(app_->learning().EditNote(std::to_string(n->id), "Ana prefers usability tests now.").ok());
  EXPECT_EQ(SearchKinds("onboarding").size(), 0u);
  EXPECT_EQ(SearchKinds("usability"), (std::vector<std::string>{"note"}));
  ASSERT_TRUE(app_->learning().RemoveNote(std::to_string(n->id)).ok());
  EXPECT_EQ(SearchKinds("usability").size(), 0u);
  // Removing the person removes their answers and messages from the index.
  ASSERT_TRUE(app_->records().RemoveContact("ana").ok());
  EXPECT_EQ(SearchKinds("diary").size(), 0u);
}

TEST_P(LearningTest, SearchTreatsPunctuationAsTextAndSupportsPhrasesAndPrefixes) {
  Add("Ana Silva");
  NoteInput note;
  note.contact = "ana";
  note.body = "C++ teams at NEAR-field labs; \"quoted\" words AND operators (OR NOT).";
  ASSERT_TRUE(app_->learning().AddNote(note).ok());
  for (const char* q : {"c++", "near-field", "\"field labs\"", "oper*", "AND", "NOT", "(OR",
                        "teams OR nothing", "\"quoted"}) {
    auto r = app_->learning().Search(q, 20);
    ASSERT_TRUE(r.ok()) << q << ": " << r.error().message();
    EXPECT_EQ(r->results.size(), 1u) << q;
  }
  EXPECT_EQ(app_->learning().Search("\"labs field\"", 20)->results.size(), 0u);
  // Found by the fuzzer: a NUL inside a word ended FTS5's reading of the
  // quoted string ("unterminated string").
  auto nul = app_->learning().Search(std::string("te\0\x0f" "ams", 7), 20);
  ASSERT_TRUE(nul.ok()) << nul.error().message();
  auto empty = app_->learning().Search(" -- ", 20);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message().find("no words"), std::string::npos);
}

TEST_P(LearningTest, SearchKeepsToItsWorkspace) {
  ASSERT_TRUE(db_->Execute("INSERT INTO workspace (id, name, created_at) VALUES (2, 'bo', 0)").ok());
  App other(*db_, clock_, app_->config(), 2);
  ContactFields f;
  f.name = "Zed";
  ASSERT_TRUE(other.records().AddContact(f).ok());
  NoteInput n;
  n.contact = "zed";
  n.body = "A secret about portfolios.";
  ASSERT_TRUE(other.learning().AddNote(n).ok());
  Add("Ana");
  n.contact = "ana";
  n.body = "Ana's portfolios.";
  ASSERT_TRUE(app_->learning().AddNote(n).ok());
  auto mine = app_->learning().Search("portfolios", 20);
  ASSERT_TRUE(mine.ok()) << mine.error().message();
  ASSERT_EQ(mine->results.size(), 1u);
  EXPECT_EQ(mine->results[0].contact_name, "Ana");
  auto theirs = other.learning().Search("portfolios", 20);
  ASSERT_TRUE(theirs.ok());
  ASSERT_EQ(theirs->results.size(), 1u);
  EXPECT_EQ(theirs->results[0].contact_name, "Zed");
}

TEST_P(LearningTest, SearchFindsPeopleAndOrganizationsByNameFirst) {
  Add("Priya Natarajan", "Northwind Health");
  Add("Jean-Luc Picard", "Starfleet Academy");
  Add("Natalie Wood", "Northwind Health");
  Add("Omar Haddad", "Harbor Labs");
  NoteInput note;
  note.contact = "omar";
  note.body = "Omar said Priya at Northwind knows the *clinic study* well.";
  ASSERT_TRUE(app_->learning().AddNote(note).ok());

  auto names = [](const SearchResults& r) {
    std::vector<std::string> out;
    for (const auto& p : r.people) out.push_back(p.contact.name);
    return out;
  };
  // A word starts a word of the name, in any case; every word must.
  auto r = app_->learning().Search("nat", 20);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(names(*r), (std::vector<std::string>{"Natalie Wood", "Priya Natarajan"}));
  EXPECT_EQ(r->people[1].marked_name, "Priya \x02Nat\x03" "arajan");
  EXPECT_TRUE(r->results.empty());
  EXPECT_EQ(names(*app_->learning().Search("PRIYA nat", 20)), (std::vector<std::string>{"Priya Natarajan"}));
  EXPECT_EQ(names(*app_->learning().Search("luc", 20)), (std::vector<std::string>{"Jean-Luc Picard"}));
  // Inside a word is not a match ("ata" is in Natarajan).
  EXPECT_TRUE(app_->learning().Search("ata", 20)->people.empty());
  // OR offers either.
  EXPECT_EQ(names(*app_->learning().Search("omar OR natalie", 20)),
            (std::vector<std::string>{"Natalie Wood", "Omar Haddad"}));

  // An organization, with the people there; the note that names it too.
  auto org = app_->learning().Search("northwind", 20);
  ASSERT_TRUE(org.ok());
  ASSERT_EQ(org->organizations.size(), 1u);
  EXPECT_EQ(org->organizations[0].organization.name, "Northwind Health");
  EXPECT_EQ(org->organizations[0].marked_name, "\x02Northwind\x03 Health");
  EXPECT_EQ(org->organizations[0].people_count, 2);
  ASSERT_EQ(org->organizations[0].people.size(), 2u);
  ASSERT_EQ(org->results.size(), 1u);
  // The note's snippet is plain text: no Markdown marks.
  EXPECT_EQ(org->results[0].hit.snippet.find('*'), std::string::npos) << org->results[0].hit.snippet;
  EXPECT_NE(org->results[0].hit.snippet.find("clinic study"), std::string::npos);
  // The index follows renames and removals.
  ContactFields renamed;
  renamed.name = "Omar Haddad-Qureshi";
  ASSERT_TRUE(app_->records().EditContact("omar", renamed).ok());
  EXPECT_EQ(names(*app_->learning().Search("qureshi", 20)), (std::vector<std::string>{"Omar Haddad-Qureshi"}));
  ASSERT_TRUE(app_->records().RemoveContact("jean").ok());
  EXPECT_TRUE(app_->learning().Search("luc", 20)->people.empty());
  // Accents fold as in the text index; an apostrophe splits words.
  Add("José Ó Briain", "Café Müller");
  EXPECT_EQ(names(*app_->learning().Search("jose briain", 20)), (std::vector<std::string>{"José Ó Briain"}));
  EXPECT_EQ(app_->learning().Search("muller", 20)->organizations.size(), 1u);
  // Ten at most, and the page is told there are more.
  EXPECT_FALSE(app_->learning().Search("priya", 20)->more_people);
  for (int i = 0; i < 11; ++i) Add("Sam Reyes " + std::to_string(i), "Reyes Group " + std::to_string(i));
  auto many = app_->learning().Search("reyes", 20);
  ASSERT_TRUE(many.ok());
  EXPECT_EQ(many->people.size(), static_cast<size_t>(kNamedShown));
  EXPECT_TRUE(many->more_people);
  EXPECT_EQ(many->organizations.size(), static_cast<size_t>(kNamedShown));
  EXPECT_TRUE(many->more_organizations);
}

TEST_P(LearningTest, NameSearchKeepsToItsWorkspace) {
  ASSERT_TRUE(db_->Execute("INSERT INTO workspace (id, name, created_at) VALUES (2, 'bo', 0)").ok());
  App other(*db_, clock_, app_->config(), 2);
  ContactFields f;
  f.name = "Zed Quill";
  f.org = "Quill Partners";
  ASSERT_TRUE(other.records().AddContact(f).ok());
  auto mine = app_->learning().Search("quill", 20);
  ASSERT_TRUE(mine.ok());
  EXPECT_TRUE(mine->people.empty());
  EXPECT_TRUE(mine->organizations.empty());
  EXPECT_EQ(other.learning().Search("quill", 20)->people.size(), 1u);
}

TEST_P(LearningTest, AVeryCommonWordIsRankedAmongTheNewestMatches) {
  auto ana = Add("Ana");
  ASSERT_TRUE(db_->Begin().ok());
  Note n;
  n.contact_id = ana.id;
  n.body = "survey survey survey survey: the best match for survey, and the oldest";
  ASSERT_TRUE(Store(*db_, 1).AddNote(n, clock_.Now()).ok());
  for (int i = 0; i < kSearchRankWindow; ++i) {
    n.body = "a long note that mentions the survey once among many other words " +
             std::to_string(i);
    ASSERT_TRUE(Store(*db_, 1).AddNote(n, clock_.Now()).ok());
  }
  ASSERT_TRUE(db_->Commit().ok());
  auto r = app_->learning().Search("survey", 5);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_TRUE(r->windowed);
  ASSERT_EQ(r->results.size(), 5u);
  for (const auto& x : r->results) EXPECT_EQ(x.hit.snippet.find("oldest"), std::string::npos);
  // A narrower query ranks every match: the oldest, best note comes first.
  auto narrow = app_->learning().Search("survey oldest", 5);
  ASSERT_TRUE(narrow.ok());
  EXPECT_FALSE(narrow->windowed);
  ASSERT_EQ(narrow->results.size(), 1u);
}

TEST_P(LearningTest, AReferralBringsAReportBackAfterTheReferredMeeting) {
  auto bea = Add("Bea Jones");
  ContactFields f;
  f.name = "Carl Berg";
  auto carl = app_->records().Refer("bea", f);
  ASSERT_TRUE(carl.ok()) << carl.error().message();
  EXPECT_EQ(carl->contact.source, Source::kReferral);
  EXPECT_EQ(carl->contact.degree, Degree::kSecond);
  EXPECT_EQ(carl->contact.introducer_id, bea.id);

  auto before = app_->records().ShowContact("bea");
  ASSERT_TRUE(before.ok());
  for (const auto& a : before->actions) EXPECT_NE(a.kind, ActionKind::kReportBack);

  Do(EventKind::kMeetingHeld, carl->contact, "2026-03-10T09:00");
  auto agenda = app_->pipeline().GetAgenda(7, 50);
  ASSERT_TRUE(agenda.ok()) << agenda.error().message();
  auto it = std::find_if(agenda->items.begin(), agenda->items.end(), [](const AgendaItem& i) {
    return i.action.kind == ActionKind::kReportBack;
  });
  ASSERT_NE(it, agenda->items.end());
  EXPECT_EQ(it->action.contact_id, bea.id);
  EXPECT_EQ(it->action.about_id, carl->contact.id);
}

TEST_P(LearningTest, TheWarmestPathStartsWithSomeoneYouHaveMet) {
  auto ana = Add("Ana", "Acme");      // first degree
  auto bo = Add("Bo", "Initech");     // first degree, and met
  Do(EventKind::kMeetingHeld, bo, "2026-03-01T10:00");
  ContactFields mid;
  mid.name = "Mid";
  mid.org = "Hooli";
  ASSERT_TRUE(app_->records().Refer("ana", mid).ok());
  ContactFields far;
  far.name = "Far";
  far.org = "Globex";
  ASSERT_TRUE(app_->records().Refer("mid", far).ok());
  ContactFields near;
  near.name = "Near";
  near.org = "Globex";
  ASSERT_TRUE(app_->records().Refer("bo", near).ok());

  auto paths = app_->learning().WarmestPaths("globex", 5);
  ASSERT_TRUE(paths.ok()) << paths.error().message();
  ASSERT_EQ(paths->size(), 2u);
  ASSERT_EQ(paths->front().steps.size(), 2u);
  EXPECT_EQ(paths->front().steps[0].name, "Bo");
  EXPECT_EQ(paths->front().steps[1].name, "Near");
  EXPECT_NE(paths->front().why.find("you met Bo"), std::string::npos) << paths->front().why;
  ASSERT_EQ((*paths)[1].steps.size(), 3u);
  EXPECT_EQ((*paths)[1].steps[0].name, "Ana");

  auto graph = app_->learning().Network();
  ASSERT_TRUE(graph.ok());
  EXPECT_EQ(graph->edges.size(), 3u);
  EXPECT_EQ(graph->nodes.size(), 5u);
}

TEST_P(LearningTest, InsightsLineAnswersUpAndCountsConversations) {
  AddObjective("UX research");
  auto ana = Add("Ana");
  auto ben = Add("Ben");
  for (const auto& c : {ana, ben}) Do(EventKind::kTargeted, c, "2026-03-01T09:00", "ux");
  EventInput met;
  met.kind = EventKind::kMeetingHeld;
  met.contact = "ana";
  met.at = "2026-03-05T10:00";
  met.fit = 4;
  ASSERT_TRUE(app_->pipeline().Record(met).ok());
  met.contact = "ben";
  met.fit = 2;
  ASSERT_TRUE(app_->pipeline().Record(met).ok());
  met.fit = 9;
  auto bad = app_->pipeline().Record(met);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("the fit must be 1"), std::string::npos);
  EXPECT_EQ(bad.error().field(), "fit");

  auto q = app_->learning().ListQuestions({});
  ASSERT_TRUE(q.ok());
  const std::string q1 = std::to_string((*q)[0].id), q2 = std::to_string((*q)[1].id);
  ASSERT_TRUE(app_->learning().RecordAnswer("ana", q1, "More quant").ok());
  ASSERT_TRUE(app_->learning().RecordAnswer("ben", q1, "Less budget").ok());
  ASSERT_TRUE(app_->learning().RecordAnswer("ben", q2, "Onboarding").ok());

  auto in = app_->learning().GetInsights("ux");
  ASSERT_TRUE(in.ok()) << in.error().message();
  EXPECT_EQ(in->conversations, 2);
  EXPECT_EQ(in->target, app_->config().playbook.enough_conversations);
  EXPECT_EQ(in->verdict, "too few to judge");
  ASSERT_TRUE(in->fit_average.has_value());
  EXPECT_DOUBLE_EQ(*in->fit_average, 3.0);
  ASSERT_EQ(in->people.size(), 2u);
  ASSERT_EQ(in->matrix.size(), 2u);
  EXPECT_EQ(in->matrix[0].answered, 2);
  EXPECT_EQ(in->matrix[0].answers[0], (std::vector<std::string>{"More quant"}));
  EXPECT_EQ(in->matrix[0].answers[1], (std::vector<std::string>{"Less budget"}));
  EXPECT_EQ(in->matrix[1].answered, 1);
  EXPECT_TRUE(in->matrix[1].answers[0].empty());
}

TEST_P(LearningTest, NotesAndAnswersRejectBadInputAndWriteNothing) {
  Add("Ana");
  NoteInput none;
  none.body = "x";
  EXPECT_FALSE(app_->learning().AddNote(none).ok());
  NoteInput blank;
  blank.contact = "ana";
  blank.body = "  \n ";
  auto r = app_->learning().AddNote(blank);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("empty"), std::string::npos);
  NoteInput huge;
  huge.contact = "ana";
  huge.body = std::string(100'001, 'a');
  EXPECT_FALSE(app_->learning().AddNote(huge).ok());
  EXPECT_FALSE(app_->learning().EditNote("12x", "text").ok());
  EXPECT_EQ(app_->learning().EditNote("99", "text").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(app_->learning().RecordAnswer("ana", "no such question anywhere", "x").error().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM note")->at(0).Int(0), 0);
  EXPECT_EQ(db_->Query("SELECT COUNT(*) FROM answer")->at(0).Int(0), 0);
}

TEST_P(LearningTest, BackupCarriesQuestionsNotesAnswersAndFitByteForByte) {
  AddObjective("UX research");
  auto ana = Add("Ana");
  EventInput met;
  met.kind = EventKind::kMeetingHeld;
  met.contact = "ana";
  met.fit = 5;
  ASSERT_TRUE(app_->pipeline().Record(met).ok());
  QuestionFields f;
  f.text = "Which tools do you use daily?";
  f.category = "day-to-day";
  f.objective = "ux";
  auto q = app_->learning().AddQuestion(f);
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(app_->learning().RemoveQuestion("1").ok());
  ASSERT_TRUE(app_->learning().RecordAnswer("ana", std::to_string(q->id), "Figma, *Dovetail*").ok());
  NoteInput n;
  n.objective = "ux";
  n.body = "# Summary\n\n- research ops is growing";
  ASSERT_TRUE(app_->learning().AddNote(n).ok());
  auto first = app_->data().Backup();
  ASSERT_TRUE(first.ok());
  EXPECT_NE(first->find("\"fit\": 5"), std::string::npos);

  Open(dir_.File("restored.db"));
  ASSERT_TRUE(app_->learning().ListQuestions({}).ok());  // the starter bank arrives, then gets replaced
  auto restored = app_->data().Restore(*first);
  ASSERT_TRUE(restored.ok()) << restored.error().message();
  EXPECT_EQ(restored->answers, 1);
  EXPECT_EQ(restored->notes, 1);
  auto second = app_->data().Backup();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(SearchKinds("dovetail"), (std::vector<std::string>{"answer"}));
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

TEST_P(LearningTest, StatsTotalIsEveryoneAskedOnce) {
  auto ana = Add("Ana");
  auto ben = Add("Ben");
  Add("Cara");  // never asked
  Do(EventKind::kRequestSent, ana, "2026-03-01T09:00");
  Do(EventKind::kRepliedYes, ana, "2026-03-02T09:00");
  Do(EventKind::kRequestSent, ben, "2026-03-01T09:00");
  auto s = app_->pipeline().GetStats();
  ASSERT_TRUE(s.ok()) << s.error().message();
  EXPECT_EQ(s->total.key, "all");
  EXPECT_EQ(s->total.asked, 2);
  EXPECT_EQ(s->total.answered, 1);
  EXPECT_EQ(s->total.yes, 1);
  int asked = 0;
  for (const auto& r : s->by_source) asked += r.asked;
  EXPECT_EQ(asked, s->total.asked);
}

}  // namespace
}  // namespace rapport
