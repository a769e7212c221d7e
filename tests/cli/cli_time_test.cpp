// Every place that takes a time takes it as people say it, read in the
// user's zone (or the meeting's) and anchored at --now. The clock stands on
// Saturday 7 March 2026, 12:00 in New York, the day before the clocks
// spring forward.
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

class CliTimeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Run({"contact", "add", "Ada Lovelace"}).code, 0); }
  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", "2026-03-07T17:00Z"});
    return rapport_.Run(args, {"TZ=America/New_York"});
  }
  // The meeting time `schedule --at TEXT` stored, as UTC.
  std::string Meeting(const std::string& text, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--json", "schedule", "ada", "--at", text};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = Run(args);
    if (r.code != 0) return "exit " + std::to_string(r.code) + ": " + r.out + r.err;
    return json::parse(r.out)["meeting_at"].get<std::string>();
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliTimeTest, EveryRelativeFormAcrossTheChange) {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"today", "2026-03-07T05:00:00Z"},
      {"15:00", "2026-03-07T20:00:00Z"},
      {"3pm", "2026-03-07T20:00:00Z"},
      {"tomorrow", "2026-03-08T05:00:00Z"},
      {"tomorrow 15:00", "2026-03-08T19:00:00Z"},
      {"tomorrow 3pm", "2026-03-08T19:00:00Z"},
      {"mon", "2026-03-09T04:00:00Z"},
      {"fri", "2026-03-13T04:00:00Z"},
      {"fri 9:30", "2026-03-13T13:30:00Z"},
      {"next monday", "2026-03-09T04:00:00Z"},
      {"next monday 3pm", "2026-03-09T19:00:00Z"},
      {"in 3 days", "2026-03-10T16:00:00Z"},
      {"in 3 days 10:00", "2026-03-10T14:00:00Z"},
      {"+2w", "2026-03-21T16:00:00Z"},
      {"+2w 9am", "2026-03-21T13:00:00Z"},
      {"+24h", "2026-03-08T17:00:00Z"},
      {"tomorrow 15:00 Europe/Paris", "2026-03-08T14:00:00Z"},
      {"2026-03-12T15:00", "2026-03-12T19:00:00Z"},
      {"2026-03-12T15:00Z", "2026-03-12T15:00:00Z"},
  };
  for (const auto& [text, utc] : forms) EXPECT_EQ(Meeting(text), utc) << text;
}

TEST_F(CliTimeTest, TheMeetingsZoneReadsTheWallTime) {
  // 15:00 tomorrow in London (GMT), whatever the user's zone.
  EXPECT_EQ(Meeting("tomorrow 15:00", {"--tz", "Europe/London"}), "2026-03-08T15:00:00Z");
}

TEST_F(CliTimeTest, PastEventsAndDueDatesTakeThemToo) {
  auto r = Run({"--json", "request", "ada", "--at", "yesterday 10am"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["at"], "2026-03-06T15:00:00Z");
  r = Run({"--json", "promise", "ada", "the slides", "--due", "next fri"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["due"], "2026-03-13T04:00:00Z");
}

TEST_F(CliTimeTest, AmbiguityAndTheSkippedHourAreErrorsOnTheirFlag) {
  auto r = Run({"schedule", "ada", "--at", "sat"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "error: --at: 'sat' could mean today (Sat 7 Mar) or Sat 14 Mar (say today or next "
            "sat)\n");
  r = Run({"schedule", "ada", "--at", "tomorrow 2:30"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "error: --at: 'tomorrow 2:30' does not exist in America/New_York (the clocks skip "
            "that hour for daylight saving)\n");
  r = Run({"promise", "ada", "x", "--due", "+2m"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "error: --due: '+2m' could mean 2 minutes or 2 months (say 2min or 2mo)\n");
  r = Run({"--json", "schedule", "ada", "--at", "tomorrow 3"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(json::parse(r.out)["error"]["field"], "--at");
}

}  // namespace
}  // namespace rapport
