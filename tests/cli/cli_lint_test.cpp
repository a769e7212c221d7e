#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;

TEST(CliLint, TheDesperateRequestIsCaughtAndExitsOne) {
  testing::TempDir home;
  testing::Rapport rapport(home);
  std::ofstream(home.File("msg.txt"))
      << "Dear [Name],\nI am in transition and desperately need a job. Are you hiring? My resume "
         "is attached!!!\n";
  auto r = rapport.Run({"lint", "--kind", "request", home.File("msg.txt"), "--json"});
  EXPECT_EQ(r.code, 1) << r.err;
  std::set<std::string> rules;
  for (const auto& f : json::parse(r.out)) rules.insert(f["rule"]);
  for (const char* expected : {"unfilled-placeholder", "opens-with-transition", "asks-for-job",
                               "mentions-resume", "tone-desperate"}) {
    EXPECT_TRUE(rules.count(expected)) << expected;
  }
  // Human output names file, line and column, then the rule.
  auto human = rapport.Run({"lint", home.File("msg.txt")});
  EXPECT_NE(human.out.find("msg.txt:1:6: error: "), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("[unfilled-placeholder]"), std::string::npos);
}

TEST(CliLint, AWarmRequestPassesAndRecordNamesAreKnownWords) {
  testing::TempDir home;
  testing::Rapport rapport(home);
  std::ofstream(home.File("msg.txt"))
      << "Hi Ada,\n\nBakker-Lindqvist's colleague Sam Reyes, my former teacher, suggested I "
         "write to you. I'm a second-year nursing student curious about public health policy, and "
         "I'd love to hear how you found your way into it.\n\nWould you have 20 minutes for a "
         "phone or video call sometime in the next two weeks? Mornings suit me best, but I'm happy "
         "to work around your schedule.\n\nMany thanks,\nJordan\n";
  // The spelling findings that name a word of the surname (at the start of
  // a sentence, where a capital does not already mark it as a name, and an
  // edit from a dictionary word, "Baker", so that it reads as a possible
  // typo rather than a name); with `clean`, every finding must be a hint.
  auto surname_flagged = [&](bool clean) {
    auto r = rapport.Run({"lint", home.File("msg.txt"), "--json"});
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    int n = 0;
    for (const auto& f : json::parse(r.out)) {
      if (clean) {
        EXPECT_EQ(f["severity"], "hint") << f.dump();
      }
      const std::string m = f["message"];
      if (f["rule"] == "spelling" &&
          (m.find("Bakker") != std::string::npos || m.find("Lindqvist") != std::string::npos)) {
        ++n;
      }
    }
    return n;
  };
  // Without the record the surname is an unknown word; with it, a known one.
  EXPECT_GT(surname_flagged(false), 0);
  ASSERT_EQ(rapport.Run({"contact", "add", "Ada Bakker-Lindqvist"}).code, 0);
  EXPECT_EQ(surname_flagged(true), 0);
}

// The composition root gives the App the config folder's files: words.txt
// for the linter and templates/NAME.mustache for drafts.
TEST(CliLint, TheConfigFoldersWordsAndTemplatesAreUsed) {
  testing::TempDir home;
  testing::Rapport rapport(home);
  std::ofstream(home.File("msg.txt")) << "Hi,\n\nI loved the zorblax talk.\n\nThanks,\nJordan\n";
  auto misspelt = [&] {
    auto r = rapport.Run({"lint", home.File("msg.txt"), "--json"});
    bool flagged = false;
    for (const auto& f : json::parse(r.out)) flagged |= f["rule"] == "spelling";
    return flagged;
  };
  EXPECT_TRUE(misspelt());
  std::filesystem::create_directories(home.File("config/rapport/templates"));
  std::ofstream(home.File("config/rapport/words.txt")) << "# mine\nzorblax\n";
  EXPECT_FALSE(misspelt());

  ASSERT_EQ(rapport.Run({"contact", "add", "Ada Lovelace"}).code, 0);
  std::ofstream(home.File("config/rapport/templates/touch.mustache"))
      << "Subject: News for {{first_name}}\nHello {{first_name}}.\n";
  auto d = rapport.Run({"draft", "touch", "Ada", "--json"});
  ASSERT_EQ(d.code, 0) << d.err;
  const json draft = json::parse(d.out);
  EXPECT_EQ(draft["subject"], "News for Ada");
  EXPECT_EQ(draft["body"], "Hello Ada.\n");
}

}  // namespace
}  // namespace rapport
