// The CLI words the core's errors with its own flags and commands: app/
// says which input is wrong ("meeting_at"), the CLI says "--at" and where
// to look ("see 'rapport contact list'"), on one line after "error: ".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run.h"

namespace rapport {
namespace {

using testing::Rapport;
using testing::TempDir;

class CliErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Run({"contact", "add", "Ada Lovelace"}).code, 0); }
  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", "2026-03-10T12:00Z"});
    return rapport_.Run(args);
  }
  // The one line on stderr of a command that must fail as a user error.
  std::string Error(std::vector<std::string> args) {
    auto r = Run(args);
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    return r.err;
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliErrorsTest, ATimeThatDoesNotParseNamesItsFlag) {
  EXPECT_EQ(Error({"request", "ada", "--at", "nonsense"}),
            "error: --at: 'nonsense' is not a date or time (try today, tomorrow 15:00, fri 3pm, "
            "next monday, in 3 days, +2w, 9:30, or ISO-8601 such as 2026-03-02T09:30)\n");
  // The meeting's time is the use case's meeting_at; `schedule` takes it as --at.
  EXPECT_EQ(Error({"schedule", "ada", "--at", "soon"}).rfind("error: --at: 'soon' is not", 0), 0u);
  EXPECT_EQ(Error({"promise", "ada", "the slides", "--due", "whenever"})
                .rfind("error: --due: 'whenever' is not a date or time", 0),
            0u);
}

TEST_F(CliErrorsTest, EachCommandSaysItsOwnFlagForTheSameInput) {
  EXPECT_EQ(Error({"schedule", "ada", "--at", "2026-03-12T10:00", "--minutes", "2"}),
            "error: --minutes: a meeting lasts between 5 and 480 minutes\n");
  EXPECT_EQ(Error({"schedule", "ada", "--at", "2026-03-12T10:00", "--tz", "Mars/Olympus"})
                .rfind("error: --tz: unknown time zone 'Mars/Olympus'", 0),
            0u);
  EXPECT_EQ(Error({"contact", "add", "Bo", "--email", "bo-at-example"})
                .rfind("error: --email: 'bo-at-example' is not an email address", 0),
            0u);
  // The tags of an edit come in as --add-tag.
  EXPECT_EQ(Error({"contact", "edit", "ada", "--add-tag", "two words"})
                .rfind("error: --add-tag: tag 'two words' contains a space", 0),
            0u);
  EXPECT_EQ(Error({"request", "ada", "--at", "2026-03-20T10:00"})
                .rfind("error: --at: '2026-03-20T10:00' is in the future", 0),
            0u);
  EXPECT_EQ(Error({"met", "ada", "--fit", "9"}),
            "error: --fit: the fit must be 1 (not my tribe) to 5 (very much my tribe)\n");
  EXPECT_EQ(Error({"objective", "add", "UX", "--kind", "hobby"})
                .rfind("error: --kind: 'hobby' is not a kind of objective", 0),
            0u);
}

TEST_F(CliErrorsTest, AReferenceThatMatchesNothingPointsAtTheListCommand) {
  EXPECT_EQ(Error({"contact", "show", "999"}),
            "error: there is no contact 999 (see 'rapport contact list')\n");
  EXPECT_EQ(Error({"request", "zed"}),
            "error: no contact matches 'zed' (see 'rapport contact list')\n");
  EXPECT_EQ(Error({"request", "ada", "--via", "zed"}),
            "error: --via: no contact matches 'zed' (see 'rapport contact list')\n");
  EXPECT_EQ(Error({"contact", "add", "Bo", "--introducer", "zed"}),
            "error: --introducer: no contact matches 'zed' (see 'rapport contact list')\n");
  EXPECT_EQ(Error({"target", "ada", "--objective", "nothing"}),
            "error: --objective: no objective matches 'nothing' (see 'rapport objective list')\n");
  EXPECT_EQ(Error({"kept", "42"}),
            "error: there is no promise 42 (see the ids in 'rapport timeline CONTACT')\n");
  EXPECT_EQ(Error({"notes", "rm", "x"}),
            "error: 'x' is not a note id (a number) (see 'rapport notes')\n");
}

TEST_F(CliErrorsTest, WhatACommandCannotFixSaysWhichCommandDoes) {
  // `send` needs the recipient's address, which `contact edit` sets.
  auto e = Error({"send", "touch", "ada", "--force"});
  EXPECT_NE(e.find("Ada Lovelace has no email address"), std::string::npos) << e;
  EXPECT_NE(e.find("'rapport contact edit CONTACT --email ADDRESS'"), std::string::npos) << e;
  e = Error({"draft", "thank_introducer", "ada"});
  EXPECT_NE(e.find("--introducer REF'"), std::string::npos) << e;
  e = Error({"sheet"});
  EXPECT_NE(e.find("rapport profile set name"), std::string::npos) << e;
}

}  // namespace
}  // namespace rapport
