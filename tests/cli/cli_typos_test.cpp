// A mistyped command or option says which word was not understood and
// what the nearest known name is, like git and Ninja do; exit code 2.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run.h"

namespace rapport {
namespace {

using testing::Rapport;
using testing::TempDir;

class CliTyposTest : public ::testing::Test {
 protected:
  // The one line on stderr of a usage error.
  std::string Usage(const std::vector<std::string>& args) {
    auto r = rapport_.Run(args);
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    return r.err;
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliTyposTest, AMistypedCommandSuggestsTheNearest) {
  EXPECT_EQ(Usage({"agend"}), "rapport: 'agend' is not a command; did you mean 'agenda'?\n");
  EXPECT_EQ(Usage({"contcat", "list"}),
            "rapport: 'contcat' is not a command; did you mean 'contact'?\n");
  EXPECT_EQ(Usage({"timelien", "ada"}),
            "rapport: 'timelien' is not a command; did you mean 'timeline'?\n");
  // Global options before the command are stepped over, values and all.
  EXPECT_EQ(Usage({"--now", "2026-03-10T09:00Z", "--db", "x.db", "agnda"}),
            "rapport: 'agnda' is not a command; did you mean 'agenda'?\n");
}

TEST_F(CliTyposTest, ACommandFarFromEveryNamePointsAtTheHelp) {
  EXPECT_EQ(Usage({"admin"}), "rapport: 'admin' is not a command (see 'rapport --help')\n");
}

TEST_F(CliTyposTest, AMistypedSubcommandIsNamedWithItsGroup) {
  EXPECT_EQ(Usage({"contact", "lst"}),
            "rapport: 'contact lst' is not a command; did you mean 'contact list'?\n");
  EXPECT_EQ(Usage({"objective", "ad", "UX"}),
            "rapport: 'objective ad' is not a command; did you mean 'objective add'?\n");
  EXPECT_EQ(Usage({"profile", "frobnicate"}),
            "rapport: 'profile frobnicate' is not a command (see 'rapport profile --help')\n");
}

TEST_F(CliTyposTest, AMistypedOptionSuggestsTheNearestOfThatCommand) {
  EXPECT_EQ(Usage({"agenda", "--dyas", "3"}),
            "rapport: '--dyas' is not an option of 'agenda'; did you mean '--days'?\n");
  EXPECT_EQ(Usage({"contact", "add", "Ada", "--emial", "ada@example.org"}),
            "rapport: '--emial' is not an option of 'contact add'; did you mean '--email'?\n");
  // The global options count too, wherever they are typed.
  EXPECT_EQ(Usage({"agenda", "--jsno"}),
            "rapport: '--jsno' is not an option of 'agenda'; did you mean '--json'?\n");
  EXPECT_EQ(Usage({"--cofnig", "x.toml", "agenda"}),
            "rapport: '--cofnig' is not an option; did you mean '--config'?\n");
  EXPECT_EQ(Usage({"agenda", "--frobnicate"}),
            "rapport: '--frobnicate' is not an option of 'agenda' (see 'rapport agenda --help')\n");
}

TEST_F(CliTyposTest, OptionValuesAndWordsAfterDashDashAreNotCommands) {
  // `--note agend` is a value; the command is still known and runs.
  ASSERT_EQ(rapport_.Run({"contact", "add", "Ada Lovelace"}).code, 0);
  auto r = rapport_.Run({"note", "ada", "--", "--agend is a word here"});
  EXPECT_EQ(r.code, 0) << r.err;
  // A missing argument is still CLI11's own message, not a guess.
  auto m = rapport_.Run({"timeline"});
  EXPECT_EQ(m.code, 2);
  EXPECT_EQ(m.err.find("is not a command"), std::string::npos) << m.err;
  EXPECT_NE(m.err.find("rapport timeline --help"), std::string::npos) << m.err;
}

}  // namespace
}  // namespace rapport
