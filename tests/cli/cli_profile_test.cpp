// rapport profile set|show through the real binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/files.h"
#include "support/run.h"

namespace rapport {
namespace {

using ::testing::HasSubstr;
using testing::Slurp;

class CliProfile : public ::testing::Test {
 protected:
  testing::RunResult Run(const std::vector<std::string>& args) { return rapport_.Run(args); }
  std::string ConfigPath() const { return home_.File("config/rapport/config.toml"); }
  testing::TempDir home_;
  testing::Rapport rapport_{home_};
};

TEST_F(CliProfile, SetWritesTheDefaultConfigAndShowReadsItBack) {
  auto r = Run({"profile", "set", "name", "Zoë \"Zo\" Ågren"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Set name in " + ConfigPath() + " [user]\n");
  ASSERT_EQ(Run({"profile", "set", "achievements", "Ran a survey", "Taught a course"}).code, 0);
  ASSERT_EQ(Run({"profile", "set", "headline", "Moving into UX research"}).code, 0);
  EXPECT_EQ(Slurp(ConfigPath()),
            "[user]\nname = \"Zoë \\\"Zo\\\" Ågren\"\n\n[profile]\n"
            "achievements = [\"Ran a survey\", \"Taught a course\"]\n"
            "headline = \"Moving into UX research\"\n");

  auto show = Run({"profile", "show"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("From " + ConfigPath()));
  EXPECT_THAT(show.out,
              HasSubstr("[user]\n  name          Zoë \"Zo\" Ågren\n  email         not set\n"));
  EXPECT_THAT(show.out,
              HasSubstr("  achievements  - Ran a survey\n                - Taught a course\n"));
  EXPECT_THAT(
      show.out,
      HasSubstr("  targets       not set: the sheet lists the organizations in your pipeline"));

  auto js = Run({"profile", "show", "--json"});
  ASSERT_EQ(js.code, 0) << js.err;
  auto arr = nlohmann::json::parse(js.out);
  ASSERT_EQ(arr.size(), 11u);
  EXPECT_EQ(arr[0]["key"], "name");
  EXPECT_EQ(arr[0]["value"], "Zoë \"Zo\" Ågren");
  EXPECT_EQ(arr[0]["table"], "user");
  EXPECT_EQ(arr[0]["file"], ConfigPath());
  EXPECT_EQ(arr[0]["set"], true);
  EXPECT_EQ(arr[1]["key"], "email");
  EXPECT_EQ(arr[1]["set"], false);
  EXPECT_EQ(arr[3]["key"], "intro");
  EXPECT_EQ(arr[3]["table"], "user");
  EXPECT_EQ(arr[9]["key"], "achievements");
  EXPECT_EQ(arr[9]["value"], (nlohmann::json{"Ran a survey", "Taught a course"}));
  EXPECT_EQ(arr[10]["value"], nlohmann::json::array());
}

TEST_F(CliProfile, SetUsesTheConfigOption) {
  const std::string other = home_.File("elsewhere.toml");
  std::ofstream(other) << "# mine\n[playbook]\nfollow_up_days = 5\n";
  auto r = Run({"--config", other, "profile", "set", "location", "Lyon"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Slurp(other),
            "# mine\n[playbook]\nfollow_up_days = 5\n\n[profile]\nlocation = \"Lyon\"\n");
  EXPECT_FALSE(std::filesystem::exists(ConfigPath()));
  auto show = Run({"--config", other, "profile", "show", "--json"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)[6]["key"], "location");
  EXPECT_EQ(nlohmann::json::parse(show.out)[6]["value"], "Lyon");
}

// Every profile field a draft uses can be set from the command line: a
// request is ready to send once the profile and the objective are there.
TEST_F(CliProfile, TheIntroAndSignatureSignTheDrafts) {
  ASSERT_EQ(Run({"profile", "set", "name", "Sam Rivera"}).code, 0);
  ASSERT_EQ(Run({"profile", "set", "intro", "a statistics student"}).code, 0);
  ASSERT_EQ(Run({"profile", "set", "signature", "Best wishes,\nSam"}).code, 0);
  EXPECT_EQ(Slurp(ConfigPath()),
            "[user]\nname = \"Sam Rivera\"\nintro = \"a statistics student\"\n"
            "signature = \"Best wishes,\\nSam\"\n");
  ASSERT_EQ(Run({"objective", "add", "UX research", "--kind", "role"}).code, 0);
  ASSERT_EQ(Run({"contact", "add", "Ada Lovelace", "--degree", "first"}).code, 0);
  ASSERT_EQ(Run({"target", "ada", "--objective", "ux"}).code, 0);
  auto d = Run({"draft", "request", "ada", "--json"});
  ASSERT_EQ(d.code, 0) << d.err;
  const std::string body = nlohmann::json::parse(d.out)["body"];
  EXPECT_THAT(body, HasSubstr("I'm a statistics student, and"));
  EXPECT_THAT(body, HasSubstr("\nBest wishes,\nSam\n"));
  EXPECT_EQ(body.find("{{"), std::string::npos) << body;
}

TEST_F(CliProfile, DraftHelpListsEachTemplatesFieldsAndWhereTheyComeFrom) {
  auto h = Run({"draft", "--help"});
  ASSERT_EQ(h.code, 0);
  EXPECT_THAT(h.out, HasSubstr("  request_first     objective, first_name, how_we_met, my_intro"));
  EXPECT_THAT(h.out, HasSubstr("  my_intro               rapport profile set intro\n"));
  EXPECT_THAT(h.out, HasSubstr("  signature              rapport profile set signature"));
  EXPECT_THAT(h.out, HasSubstr("  how_we_met             --how-we-met, else"));
}

TEST_F(CliProfile, ShowWithoutAFileSaysWhereItWouldGo) {
  auto show = Run({"profile", "show"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_THAT(show.out,
              HasSubstr("No config file yet; 'rapport profile set' creates " + ConfigPath()));
}

TEST_F(CliProfile, BadInputIsOneLineAndWritesNothing) {
  ASSERT_EQ(Run({"profile", "set", "name", "Sam"}).code, 0);
  const std::string before = Slurp(ConfigPath());
  auto r = Run({"profile", "set", "colour", "blue"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "error: unknown profile key 'colour' (known: name, email, phone, intro, signature, "
            "headline, location, linkedin, summary, achievements, targets)\n");
  r = Run({"profile", "set", "headline", "one", "two"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("headline takes one value, not 2"));
  r = Run({"profile", "set", "email", "sam at example"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("is not an email address"));
  EXPECT_EQ(Slurp(ConfigPath()), before);
  r = Run({"profile", "set"});
  EXPECT_EQ(r.code, 2);
}

TEST_F(CliProfile, HelpListsTheKeys) {
  auto r = Run({"profile", "set", "--help"});
  ASSERT_EQ(r.code, 0);
  for (const char* key : {"name", "email", "phone", "headline", "location", "linkedin", "summary",
                          "achievements ...", "targets ..."}) {
    EXPECT_THAT(r.out, HasSubstr(std::string("  ") + key)) << key;
  }
  EXPECT_THAT(Run({"profile", "--help"}).out, HasSubstr("rapport sheet"));
  EXPECT_THAT(Run({"profile", "show", "--help"}).out, HasSubstr("where it lives"));
}

// rapport calendar-feed: the same secret address until --rotate makes a
// new one.
TEST_F(CliProfile, CalendarFeedPrintsAStableAddressUntilRotated) {
  auto first = Run({"calendar-feed"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_THAT(first.out, ::testing::MatchesRegex("http://127\\.0\\.0\\.1:8080/calendar\\.ics\\?token=[0-9a-f]{32}\n"));
  auto again = Run({"calendar-feed", "--port", "9000"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out.substr(again.out.find("token=")), first.out.substr(first.out.find("token=")));
  EXPECT_THAT(again.out, HasSubstr(":9000/"));
  auto rotated = Run({"calendar-feed", "--rotate"});
  ASSERT_EQ(rotated.code, 0) << rotated.err;
  EXPECT_THAT(rotated.out, HasSubstr("the old one no longer works"));
  EXPECT_NE(rotated.out.substr(rotated.out.find("token=")), first.out.substr(first.out.find("token=")));
  EXPECT_NE(Run({"calendar-feed", "--port", "70000"}).code, 0);
}

}  // namespace
}  // namespace rapport
