// With --json, a failure is an object on stdout that a script can read
// ({"error": {"kind", "message", "field"}}, the field named as the flag),
// and the exit code still says which sort it is: 1 a user error, 2 usage.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::Rapport;
using testing::TempDir;

class CliJsonErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Run({"contact", "add", "Ada Lovelace"}).code, 0); }
  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", "2026-03-10T12:00Z"});
    return rapport_.Run(args);
  }
  // The error object of a failing --json run, checking its exit code and
  // that stderr stays quiet.
  json Error(const std::vector<std::string>& args, int code) {
    auto r = Run(args);
    EXPECT_EQ(r.code, code) << r.out << r.err;
    EXPECT_EQ(r.err, "");
    json j = json::parse(r.out, nullptr, false);
    EXPECT_TRUE(j.is_object() && j.contains("error")) << r.out;
    return j.is_object() && j.contains("error") ? j["error"] : json::object();
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliJsonErrorsTest, AUserErrorNamesItsKindAndFlag) {
  EXPECT_EQ(Error({"--json", "schedule", "ada", "--at", "soon"}, 1),
            json::parse(R"j({"kind": "invalid_argument", "field": "--at",
              "message": "'soon' is not a date or time (try today, tomorrow 15:00, fri 3pm, next monday, in 3 days, +2w, 9:30, or ISO-8601 such as 2026-03-02T09:30)"})j"));
  // --json anywhere on the line; the field is the flag of this command.
  auto e = Error({"contact", "add", "Bo", "--email", "bo-at-example", "--json"}, 1);
  EXPECT_EQ(e["kind"], "invalid_argument");
  EXPECT_EQ(e["field"], "--email");
}

TEST_F(CliJsonErrorsTest, AReferenceThatMatchesNothingIsNotFound) {
  EXPECT_EQ(Error({"--json", "contact", "show", "999"}, 1),
            json::parse(R"j({"kind": "not_found", "field": "REF",
              "message": "there is no contact 999 (see 'rapport contact list')"})j"));
  auto e = Error({"--json", "request", "ada", "--via", "zed"}, 1);
  EXPECT_EQ(e["kind"], "not_found");
  EXPECT_EQ(e["field"], "--via");
}

TEST_F(CliJsonErrorsTest, AnErrorAboutNoInputOfTheCommandHasNoField) {
  // The sheet needs the profile's name, which no option of `sheet` sets.
  auto e = Error({"--json", "sheet"}, 1);
  EXPECT_EQ(e["kind"], "invalid_argument");
  EXPECT_FALSE(e.contains("field")) << e;
  EXPECT_NE(e["message"].get<std::string>().find("rapport profile set name"), std::string::npos);
  // A positional argument is named as the help names it.
  EXPECT_EQ(Error({"--json", "kept", "42"}, 1)["field"], "PROMISE");
}

TEST_F(CliJsonErrorsTest, UsageErrorsAreObjectsToo) {
  EXPECT_EQ(Error({"--json", "agend"}, 2),
            json::parse(R"j({"kind": "usage",
              "message": "'agend' is not a command; did you mean 'agenda'?"})j"));
  EXPECT_EQ(Error({"--json", "agenda", "--dyas", "3"}, 2),
            json::parse(R"j({"kind": "usage", "field": "--dyas",
              "message": "'--dyas' is not an option of 'agenda'; did you mean '--days'?"})j"));
  auto e = Error({"--json", "reply", "ada"}, 2);
  EXPECT_EQ(e["kind"], "usage");
  EXPECT_EQ(e["message"], "say --yes or --no (see 'rapport reply --help')");
  e = Error({"--json", "timeline"}, 2);
  EXPECT_EQ(e["kind"], "usage");
  EXPECT_NE(e["message"].get<std::string>().find("rapport timeline --help"), std::string::npos);
  auto now = rapport_.Run({"--json", "--now", "whenever", "agenda"});
  EXPECT_EQ(now.code, 2);
  EXPECT_EQ(json::parse(now.out)["error"]["field"], "--now") << now.out;
}

TEST_F(CliJsonErrorsTest, WithoutJsonTheLineStaysOnStderr) {
  auto r = Run({"schedule", "ada", "--at", "soon"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("error: --at: 'soon' is not a date or time", 0), 0u) << r.err;
}

}  // namespace
}  // namespace rapport
