// `rapport status`: one short line for a shell prompt, from the stored
// plans; nothing at all when nothing is due.
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

class CliStatusTest : public ::testing::Test {
 protected:
  void Do(std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", "2026-03-10T09:00Z"});
    auto r = rapport_.Run(args);
    ASSERT_EQ(r.code, 0) << r.err;
  }
  // What `status` prints at `now`, checking it succeeds and is quiet on stderr.
  std::string Status(const std::string& now, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--now", now, "status"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = rapport_.Run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return r.out;
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliStatusTest, NothingDuePrintsNothing) {
  EXPECT_EQ(Status("2026-03-10T09:00Z"), "");
  Do({"contact", "add", "Ada Lovelace"});
  EXPECT_EQ(Status("2026-03-10T09:00Z"), "");
  // Asked today: the follow-up is a week away.
  Do({"request", "ada", "--at", "2026-03-10T08:00"});
  EXPECT_EQ(Status("2026-03-10T09:00Z"), "");
}

TEST_F(CliStatusTest, CountsPeopleDueTodayAndOverdue) {
  Do({"contact", "add", "Ada Lovelace"});
  Do({"contact", "add", "Bob Example"});
  // Ada's follow-up falls due at 15:00 today.
  Do({"request", "ada", "--at", "2026-03-03T15:00"});
  EXPECT_EQ(Status("2026-03-10T09:00Z"), "1 today\n");
  EXPECT_EQ(Status("2026-03-10T16:00Z"), "1 overdue\n");
  // Bob's has been due for days.
  Do({"request", "bob", "--at", "2026-02-20T10:00"});
  EXPECT_EQ(Status("2026-03-10T09:00Z"), "1 overdue · 1 today\n");
  // The week before, nothing of it was due yet.
  EXPECT_EQ(Status("2026-02-21T09:00Z"), "");
}

TEST_F(CliStatusTest, FormatAndJson) {
  Do({"contact", "add", "Ada Lovelace"});
  Do({"contact", "add", "Bob Example"});
  Do({"request", "ada", "--at", "2026-03-03T15:00"});
  Do({"request", "bob", "--at", "2026-02-20T10:00"});
  EXPECT_EQ(Status("2026-03-10T09:00Z", {"--format", "[{due} due, {overdue} late]"}),
            "[2 due, 1 late]\n");
  EXPECT_EQ(Status("2026-03-10T09:00Z", {"--format", "{today}"}), "1\n");
  EXPECT_EQ(Status("2026-02-21T09:00Z", {"--format", "{due} due"}), "");
  const json j = json::parse(Status("2026-03-10T09:00Z", {"--json"}));
  EXPECT_EQ(j, json::parse(R"({"overdue": 1, "today": 1, "due": 2,
                               "now": "2026-03-10T09:00:00Z"})"));
  // Scripts get the zeros too.
  EXPECT_EQ(json::parse(Status("2026-02-21T09:00Z", {"--json"}))["due"], 0);

  auto bad = rapport_.Run({"status", "--format", "{overdew}"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err,
            "error: --format: '{overdew}' is not a field of the format (use {overdue}, {today} "
            "or {due})\n");
}

TEST_F(CliStatusTest, TodayEndsAtMidnightInTheUsersZone) {
  Do({"contact", "add", "Ada Lovelace"});
  Do({"request", "ada", "--at", "2026-03-03T22:30"});  // due 22:30 UTC on the 10th
  // In UTC that is today; in Tokyo it is 07:30 tomorrow, so not today there.
  EXPECT_EQ(Status("2026-03-10T09:00Z"), "1 today\n");
  auto tokyo = rapport_.Run({"--now", "2026-03-10T09:00Z", "status"}, {"TZ=Asia/Tokyo"});
  EXPECT_EQ(tokyo.code, 0) << tokyo.err;
  EXPECT_EQ(tokyo.out, "");
}

}  // namespace
}  // namespace rapport
