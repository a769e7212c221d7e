// The CLI as a user runs it: a subprocess, exit codes, --json shapes, and
// the one-line errors on stderr.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::Rapport;
using testing::TempDir;

class CliTest : public ::testing::Test {
 protected:
  testing::RunResult Run(std::vector<std::string> args) { return rapport_.Run(args); }
  json Json(std::vector<std::string> args) {
    args.push_back("--json");
    auto r = Run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    return json::parse(r.out);
  }
  static int Lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliTest, TheDoneMeansScenario) {
  auto ada = Json({"contact", "add", "Ada Lovelace", "--org", "Analytical Engines", "--email",
                   "ada@example.org", "--degree", "first"});
  ASSERT_TRUE(ada.contains("id"));
  EXPECT_EQ(ada["name"], "Ada Lovelace");
  EXPECT_EQ(ada["org"], "Analytical Engines");
  EXPECT_EQ(ada["degree"], "first");
  EXPECT_FALSE(ada.contains("phone"));  // only fields that were set

  auto list = Json({"contact", "list"});
  ASSERT_TRUE(list.is_array());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], ada["id"]);

  auto show = Run({"contact", "show", "ada@example.org"});
  EXPECT_EQ(show.code, 0);
  EXPECT_NE(show.out.find("Ada Lovelace"), std::string::npos);
  EXPECT_NE(show.out.find("Analytical Engines"), std::string::npos);
  EXPECT_EQ(show.out.find("\x1b["), std::string::npos);  // no colour when not a terminal

  // The database went where XDG says.
  EXPECT_TRUE(std::filesystem::exists(home_.File("data/rapport/rapport.db")));
}

TEST_F(CliTest, UnknownContactIsAOneLineUserError) {
  auto r = Run({"contact", "show", "999"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "error: there is no contact 999 (see 'rapport contact list')\n");
}

TEST_F(CliTest, BadInputChangesNothing) {
  Json({"contact", "add", "Ada Lovelace", "--email", "ada@example.org"});
  for (std::vector<std::string> bad : {
           std::vector<std::string>{"contact", "add", "Bob", "--email", "bob-at-example"},
           {"contact", "add", "Bob", "--tz", "Mars/Olympus"},
           {"contact", "add", "Bob", "--email", "ada@example.org"},
           {"contact", "add", "Bob", "--org", "Brand New", "--degree", "fourth"},
           {"contact", "edit", "ada", "--email", "broken"},
           {"target", "ada", "--at", "someday"},
       }) {
    auto r = Run(bad);
    EXPECT_EQ(r.code, 1) << bad[2] << ": " << r.err;
    EXPECT_EQ(Lines(r.err), 1) << r.err;
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
  }
  auto list = Json({"contact", "list"});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["email"], "ada@example.org");
  EXPECT_TRUE(Json({"org", "list"}).empty());
  EXPECT_TRUE(Json({"timeline", "ada"}).empty());
}

TEST_F(CliTest, UsageErrorsExitTwoAndPointAtHelp) {
  auto r = Run({"contact", "add"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("rapport contact add --help"), std::string::npos) << r.err;
  EXPECT_EQ(Run({"frobnicate"}).code, 2);
  EXPECT_EQ(Run({"contact", "add", "X", "--no-such-flag"}).code, 2);
  EXPECT_EQ(Run({}).code, 2);
  auto help = Run({"contact", "add", "--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--introducer"), std::string::npos);
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (std::vector<std::string> cmd :
       {std::vector<std::string>{"--help"}, {"org", "--help"}, {"org", "add", "--help"},
        {"org", "edit", "--help"}, {"contact", "list", "--help"}, {"objective", "add", "--help"},
        {"agenda", "--help"}, {"schedule", "--help"}, {"reply", "--help"},
        {"playbook", "--help"}}) {
    auto r = Run(cmd);
    EXPECT_EQ(r.code, 0) << cmd[0];
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd[0];
  }
}

TEST_F(CliTest, AmbiguousReferenceListsTheCandidates) {
  Json({"contact", "add", "Ann Lee"});
  Json({"contact", "add", "Joanne Lee"});
  auto r = Run({"contact", "show", "lee"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("#1 Ann Lee"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("#2 Joanne Lee"), std::string::npos) << r.err;
}

TEST_F(CliTest, OrganizationsAndObjectivesFullCycle) {
  auto org = Json({"org", "add", "Acme", "--industry", "Rockets", "--size", "small", "--location",
                   "Arizona", "--website", "https://acme.example.com"});
  EXPECT_EQ(org["size"], "small");
  auto edited = Json({"org", "edit", "acme", "--size", "large", "--location", ""});
  EXPECT_EQ(edited["size"], "large");
  EXPECT_FALSE(edited.contains("location"));
  EXPECT_EQ(Json({"org", "show", "Acme"})["industry"], "Rockets");
  Json({"contact", "add", "Wile E.", "--org", "Acme", "--tag", "coyote"});
  EXPECT_EQ(Json({"contact", "list", "--org", "acme"}).size(), 1u);
  // The API's shape (present/json.h), with the CLI's older name for the count.
  const auto acme = Json({"org", "show", "Acme"});
  EXPECT_EQ(acme["contact_count"], 1);
  EXPECT_EQ(acme["contacts"], 1);
  EXPECT_EQ(Json({"contact", "list", "--tag", "coyote"}).size(), 1u);
  EXPECT_EQ(Json({"contact", "list", "--tag", "roadrunner"}).size(), 0u);
  EXPECT_EQ(Json({"org", "rm", "acme"})["name"], "Acme");
  EXPECT_FALSE(Json({"contact", "show", "wile"}).contains("org"));

  auto obj = Json({"objective", "add", "Learn about UX research", "--kind", "role", "--target", "4"});
  EXPECT_EQ(obj["kind"], "role");
  EXPECT_EQ(obj["target"], 4);
  EXPECT_EQ(Json({"objective", "edit", "ux", "--title", "UX research careers"})["title"],
            "UX research careers");
  EXPECT_EQ(Json({"objective", "list"}).size(), 1u);
  auto bad = Run({"objective", "add", "X", "--kind", "hobby"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("industry, company, role"), std::string::npos);
}

TEST_F(CliTest, DbFlagAndNewerSchemaError) {
  std::string path = home_.File("elsewhere.db");
  auto r = Run({"--db", path, "org", "add", "Acme"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(home_.File("data/rapport/rapport.db")));
  // Global options also work after the command.
  EXPECT_EQ(Run({"org", "list", "--db", path, "--json"}).out.find("Acme") != std::string::npos,
            true);
  auto sqlite = "sqlite3 '" + path + "' 'INSERT INTO schema_version VALUES (99)'";
  ASSERT_EQ(std::system(sqlite.c_str()), 0);
  auto newer = Run({"--db", path, "org", "list"});
  EXPECT_EQ(newer.code, 1);
  EXPECT_NE(newer.err.find("newer Rapport"), std::string::npos) << newer.err;
}

TEST_F(CliTest, ConfigErrorsNameTheLine) {
  std::string cfg = home_.File("bad.toml");
  std::ofstream(cfg) << "[playbook]\nfollow_up_dayz = 5\n";
  auto r = Run({"--config", cfg, "playbook"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("bad.toml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("follow_up_days"), std::string::npos) << r.err;
  auto missing = Run({"--config", home_.File("nope.toml"), "playbook"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace rapport
