// Issue 6 as a seeker types it: questions, prep, notes, answers, search,
// refer, network and insights through the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::Rapport;
using testing::TempDir;

class LearningCli : public ::testing::Test {
 protected:
  testing::RunResult Run(std::vector<std::string> args, const std::string& now = kNow) {
    args.insert(args.begin(), {"--now", now});
    return rapport_.Run(args);
  }
  void Ok(std::vector<std::string> args, const std::string& now = kNow) {
    auto r = Run(args, now);
    ASSERT_EQ(r.code, 0) << args[0] << ": " << r.err;
  }
  void Build() {
    Ok({"objective", "add", "UX research", "--kind", "role", "--target", "2"});
    Ok({"contact", "add", "Ana Silva", "--org", "Acme", "--degree", "first"});
    Ok({"contact", "add", "Ben Okafor", "--org", "Acme", "--degree", "first"});
    Ok({"target", "ana", "--objective", "ux"});
    Ok({"schedule", "ana", "--at", "2026-03-12T10:00", "--tz", "America/New_York"});
    Ok({"target", "ben", "--objective", "ux"});
  }

  static constexpr const char* kNow = "2026-03-10T09:00:00Z";
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(LearningCli, PrepPrintsAOnePageBriefWithTheQuestionPlan) {
  Build();
  auto r = Run({"prep", "ana", "--markdown"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# Meeting brief: Ana Silva", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("America/New_York for them"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("## Questions (6)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("6. Who else would you suggest I talk to"), std::string::npos) << r.out;

  auto j = Run({"prep", "ana", "--json"});
  ASSERT_EQ(j.code, 0) << j.err;
  auto brief = json::parse(j.out);
  ASSERT_EQ(brief["questions"].size(), 6u);
  EXPECT_TRUE(brief["questions"].back()["referral"].get<bool>());
  EXPECT_EQ(brief["objective"]["title"], "UX research");
}

TEST_F(LearningCli, NotesAnswersAndSearchWorkTogether) {
  Build();
  Ok({"met", "ana", "--fit", "4", "--note", "Talked about research operations"},
     "2026-03-12T11:00:00Z");
  Ok({"note", "ana", "Read her post on *diary studies*."});
  auto from_stdin = Run({"note", "--objective", "ux", "--file", "/dev/null"});
  EXPECT_EQ(from_stdin.code, 1);
  EXPECT_NE(from_stdin.err.find("the note is empty"), std::string::npos) << from_stdin.err;
  Ok({"answer", "ana", "changed in the last", "Diary studies are back in fashion."},
     "2026-03-12T11:05:00Z");

  auto s = Run({"search", "diary", "studies", "--json"});
  ASSERT_EQ(s.code, 0) << s.err;
  auto hits = json::parse(s.out)["results"];
  ASSERT_EQ(hits.size(), 2u) << s.out;
  for (const auto& h : hits) {
    EXPECT_EQ(h["contact"], "Ana Silva");
    const std::string text = h["snippet"]["text"];
    ASSERT_FALSE(h["snippet"]["highlights"].empty());
    auto span = h["snippet"]["highlights"][0];
    std::string word = text.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>());
    EXPECT_TRUE(word == "diary" || word == "Diary" || word == "studies") << word;
    // Plain text: the note's Markdown emphasis is not shown.
    EXPECT_EQ(text.find('*'), std::string::npos) << text;
  }
  // A name is found too, before the texts.
  auto named = Run({"search", "ana", "--json"});
  ASSERT_EQ(named.code, 0) << named.err;
  auto people = json::parse(named.out)["people"];
  ASSERT_EQ(people.size(), 1u) << named.out;
  EXPECT_EQ(people[0]["name"], "Ana Silva");
  EXPECT_EQ(people[0]["name_matched"]["highlights"], json::parse("[[0, 3]]"));
  auto named_plain = Run({"search", "silva"});
  EXPECT_EQ(named_plain.out.rfind("People\n  [Silva]", 0), std::string::npos) << named_plain.out;
  EXPECT_NE(named_plain.out.find("People\n"), std::string::npos) << named_plain.out;
  EXPECT_NE(named_plain.out.find("Ana [Silva]"), std::string::npos) << named_plain.out;
  auto plain = Run({"search", "operations"});
  ASSERT_EQ(plain.code, 0);
  EXPECT_NE(plain.out.find("meeting_held · Ana Silva"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("[operations]"), std::string::npos) << plain.out;

  auto list = Run({"notes", "--json", "--contact", "ana"});
  ASSERT_EQ(list.code, 0) << list.err;
  auto notes = json::parse(list.out);
  ASSERT_EQ(notes.size(), 1u);
  const std::string id = std::to_string(notes[0]["id"].get<int>());
  Ok({"notes", "edit", id, "She now prefers usability tests."});
  EXPECT_EQ(Run({"search", "post"}).out.find("1."), std::string::npos);
  EXPECT_NE(Run({"search", "usability"}).out.find("1. note"), std::string::npos);
  Ok({"notes", "rm", id});
  EXPECT_NE(Run({"search", "usability"}).out.find("Nothing found"), std::string::npos);
}

TEST_F(LearningCli, InsightsJsonHasTheMatrixAndTheCounts) {
  Build();
  Ok({"met", "ana", "--fit", "5"}, "2026-03-12T11:00:00Z");
  Ok({"answer", "ana", "1", "Mixed methods everywhere"}, "2026-03-12T11:05:00Z");
  auto r = Run({"insights", "ux", "--json"}, "2026-03-12T12:00:00Z");
  ASSERT_EQ(r.code, 0) << r.err;
  auto in = json::parse(r.out);
  EXPECT_EQ(in["conversations"], 1);
  EXPECT_EQ(in["target"], 2);
  EXPECT_EQ(in["verdict"], "too few to judge");
  EXPECT_EQ(in["fit_average"], 5.0);
  ASSERT_EQ(in["people"].size(), 1u);
  ASSERT_EQ(in["matrix"].size(), 1u);
  const std::string ana_id = std::to_string(in["people"][0]["id"].get<int>());
  EXPECT_EQ(in["matrix"][0]["answers"][ana_id][0], "Mixed methods everywhere");

  auto md = Run({"insights", "ux", "--markdown"}, "2026-03-12T12:00:00Z");
  ASSERT_EQ(md.code, 0);
  EXPECT_NE(md.out.find("| Question | Ana Silva |"), std::string::npos) << md.out;
}

TEST_F(LearningCli, ReferAndTheNetwork) {
  Build();
  auto r = Run({"refer", "ana", "Carl Berg", "--org", "Globex"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("referred by Ana Silva"), std::string::npos) << r.out;
  auto dot = Run({"network", "--dot"});
  ASSERT_EQ(dot.code, 0);
  EXPECT_NE(dot.out.find("-> c3 [label=\"referred\"]"), std::string::npos) << dot.out;
  auto path = Run({"network", "--to", "globex"});
  ASSERT_EQ(path.code, 0) << path.err;
  EXPECT_NE(path.out.find("you → Ana Silva → Carl Berg"), std::string::npos) << path.out;
  auto none = Run({"network", "--to", "nowhere"});
  EXPECT_EQ(none.code, 1);
  EXPECT_NE(none.err.find("no organization matches 'nowhere'"), std::string::npos) << none.err;
}

TEST_F(LearningCli, EveryNewCommandHasHelpAndOneLineErrors) {
  for (auto cmd : {"question", "prep", "note", "notes", "answer", "search", "refer", "network",
                   "insights"}) {
    auto r = rapport_.Run({cmd, "--help"});
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << r.out;
  }
  auto r = Run({"note"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("say whom the note is about"), std::string::npos) << r.err;
  auto q = Run({"question", "add", "What?", "--category", "trend"});
  EXPECT_EQ(q.code, 1);
  EXPECT_NE(q.err.find("did you mean 'trends'"), std::string::npos) << q.err;
}

}  // namespace
}  // namespace rapport
