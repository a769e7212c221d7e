// End to end: a scripted month of a seeker's life, then `rapport agenda
// --json` at a fixed clock must print exactly the expected actions.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::Rapport;
using testing::TempDir;

class AgendaScenario : public ::testing::Test {
 protected:
  // Every step runs with the clock at "today", 2026-03-10 09:00 UTC, and says
  // with --at when it happened.
  void Do(std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", kToday});
    auto r = rapport_.Run(args);
    ASSERT_EQ(r.code, 0) << args[2] << ": " << r.err;
  }
  json Agenda(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--now", kToday, "agenda", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = rapport_.Run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    return json::parse(r.out);
  }
  void Build() {
    Do({"objective", "add", "UX research", "--kind", "role"});
    for (const char* n : {"Ada", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal"}) {
      std::string lower = n;
      lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
      Do({"contact", "add", std::string(n) + " Example", "--email", lower + "@example.org"});
    }
    Do({"contact", "edit", "cy", "--introducer", "ada", "--degree", "second"});
    // Ada: asked 10 days ago, no answer -> follow-up overdue.
    Do({"target", "ada", "--objective", "ux", "--at", "2026-02-20"});
    Do({"request", "ada", "--at", "2026-02-28T10:00"});
    // Bob: asked 3 days ago -> nothing yet.
    Do({"request", "bob", "--objective", "ux", "--at", "2026-03-07T10:00"});
    // Cy, introduced by Ada: met the day before yesterday -> thank, thank Ada.
    Do({"request", "cy", "--via", "ada", "--at", "2026-02-01"});
    Do({"reply", "cy", "--yes", "--at", "2026-02-03"});
    Do({"schedule", "cy", "--at", "2026-03-08T09:30"});
    Do({"met", "cy", "--at", "2026-03-08T10:00"});
    // Dee: met and thanked in November, silent since -> keep in touch.
    Do({"met", "dee", "--at", "2025-11-01T10:00"});
    Do({"thank", "dee", "--at", "2025-11-02"});
    // Eve: touched 30 days ago -> no nudge; but a promise is overdue.
    Do({"met", "eve", "--at", "2025-12-01"});
    Do({"thank", "eve", "--at", "2025-12-02"});
    Do({"touch", "eve", "--at", "2026-02-08"});
    Do({"promise", "eve", "send the UX article", "--at", "2026-02-08", "--due", "2026-03-09"});
    // Fay: three tries without an answer -> move on.
    Do({"request", "fay", "--at", "2026-02-01"});
    Do({"followup", "fay", "--at", "2026-02-08"});
    Do({"call", "fay", "--voicemail", "--at", "2026-02-15"});
    // Gus: on the list since yesterday -> send the request (late: the
    // day he was added has ended).
    Do({"target", "gus", "--at", "2026-03-09"});
    // Hal: a video call tomorrow at 15:00 Paris time -> prepare.
    Do({"reply", "hal", "--yes", "--at", "2026-03-05"});
    Do({"schedule", "hal", "--at", "2026-03-11T15:00", "--tz", "Europe/Paris", "--mode", "video"});
  }
  static constexpr const char* kToday = "2026-03-10T09:00Z";
  TempDir home_;
  Rapport rapport_{home_};
};

std::vector<std::string> Summary(const json& agenda) {
  std::vector<std::string> out;
  for (const auto& a : agenda) {
    out.push_back(a["action"].get<std::string>() + " " + a.value("contact", std::string("-")) +
                  " " + a["due"].get<std::string>() + (a["overdue"].get<bool>() ? " overdue" : ""));
  }
  return out;
}

TEST_F(AgendaScenario, TodayIsExactlyWhatTheMethodSays) {
  Build();
  auto agenda = Agenda();
  EXPECT_EQ(Summary(agenda), (std::vector<std::string>{
                                 "keep_in_touch Dee Example 2026-01-31T00:00:00Z overdue",
                                 "move_on Fay Example 2026-02-22T00:00:00Z overdue",
                                 "follow_up Ada Example 2026-03-07T10:00:00Z overdue",
                                 "deliver_promise Eve Example 2026-03-09T00:00:00Z overdue",
                                 "request Gus Example 2026-03-09T00:00:00Z overdue",
                                 // Due since yesterday 14:00, not late: the
                                 // meeting has not started.
                                 "prepare Hal Example 2026-03-09T14:00:00Z",
                                 "thank_introducer Ada Example 2026-03-10T10:00:00Z",
                                 "thank Cy Example 2026-03-10T10:00:00Z",
                                 // No weekly_goal: Hal's meeting tomorrow is this week's one.
                             }));
  // Each action explains itself.
  EXPECT_EQ(agenda[2]["reason"], "no reply to your request of 28 Feb; a week has passed");
  EXPECT_EQ(agenda[2]["objective"], "UX research");
  EXPECT_EQ(agenda[6]["about"], "Cy Example");
  for (const auto& a : agenda) EXPECT_FALSE(a["reason"].get<std::string>().empty());
}

TEST_F(AgendaScenario, LookingAheadAndActingOnIt) {
  Build();
  // A week ahead adds Bob's follow-up (due 14 Mar).
  auto week = Summary(Agenda({"--days", "7"}));
  EXPECT_NE(std::find(week.begin(), week.end(), "follow_up Bob Example 2026-03-14T10:00:00Z"),
            week.end());
  // Doing the things takes them off the list.
  Do({"thank", "cy"});
  Do({"thank", "cy", "--introducer"});
  Do({"followup", "ada"});
  Do({"close", "fay"});
  Do({"kept", "13"});  // Eve's promise: event 13 in this script
  auto after = Summary(Agenda());
  EXPECT_EQ(after, (std::vector<std::string>{
                       "keep_in_touch Dee Example 2026-01-31T00:00:00Z overdue",
                       "request Gus Example 2026-03-09T00:00:00Z overdue",
                       "prepare Hal Example 2026-03-09T14:00:00Z",
                   }));
  // Without Hal's meeting the week has none: the goal nudges.
  Do({"cancel", "hal"});
  auto cancelled = Summary(Agenda());
  EXPECT_EQ(cancelled.back(), "weekly_goal - 2026-03-15T23:59:59Z");
  // Moved to next week, it still does not count for this one.
  Do({"schedule", "hal", "--at", "2026-03-17T15:00", "--tz", "Europe/Paris"});
  EXPECT_EQ(Summary(Agenda()).back(), "weekly_goal - 2026-03-15T23:59:59Z");
  // Stages follow from the log.
  auto r = rapport_.Run({"--now", kToday, "pipeline", "--json"});
  auto pipeline = json::parse(r.out);
  std::map<std::string, std::string> stage;
  for (const auto& p : pipeline) stage[p["name"]] = p["stage"];
  EXPECT_EQ(stage["Ada Example"], "followed_up");
  EXPECT_EQ(stage["Cy Example"], "thanked");
  EXPECT_EQ(stage["Dee Example"], "dormant");
  EXPECT_EQ(stage["Eve Example"], "in_touch");
  EXPECT_EQ(stage["Fay Example"], "no_response");
  EXPECT_EQ(stage["Hal Example"], "scheduled");
}

TEST_F(AgendaScenario, FutureLoggingIsRefused) {
  Do({"contact", "add", "Ivy Example"});
  auto r = rapport_.Run({"--now", kToday, "request", "ivy", "--at", "2026-03-11"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("in the future"), std::string::npos) << r.err;
  auto t = rapport_.Run({"--now", kToday, "timeline", "ivy", "--json"});
  EXPECT_EQ(json::parse(t.out).size(), 0u);
}

TEST_F(AgendaScenario, SchedulingTwiceReschedulesAndMeetingKeepsItsZone) {
  Do({"contact", "add", "Jo Example", "--tz", "America/New_York"});
  Do({"reply", "jo", "--yes", "--at", "2026-03-09"});
  Do({"schedule", "jo", "--at", "2026-03-12T10:00", "--tz", "America/New_York"});
  Do({"schedule", "jo", "--at", "2026-03-13T10:00", "--tz", "America/New_York", "--meal"});
  auto r = rapport_.Run({"--now", kToday, "timeline", "jo", "--json"});
  auto events = json::parse(r.out);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1]["kind"], "meeting_scheduled");
  EXPECT_EQ(events[2]["kind"], "meeting_rescheduled");
  EXPECT_EQ(events[2]["meeting_at"], "2026-03-13T14:00:00Z");  // EDT (-4) since 8 Mar
  EXPECT_EQ(events[2]["meeting_tz"], "America/New_York");
  EXPECT_EQ(events[2]["meeting_minutes"], 60);
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

TEST(PlaybookConfig, OverridesShowWhereTheyCameFromAndChangeTheAgenda) {
  testing::TempDir home;
  testing::Rapport rapport(home);
  std::filesystem::create_directories(home.File("config/rapport"));
  std::ofstream(home.File("config/rapport/config.toml"))
      << "[user]\ntimezone = \"America/New_York\"\n\n[playbook]\nfollow_up_days = 3\n";
  auto pb = rapport.Run({"playbook", "--json"});
  ASSERT_EQ(pb.code, 0) << pb.err;
  bool seen = false;
  for (const auto& s : nlohmann::json::parse(pb.out)) {
    if (s["name"] == "follow_up_days") {
      EXPECT_EQ(s["value"], "3");
      EXPECT_EQ(s["from"], home.File("config/rapport/config.toml"));
      seen = true;
    } else {
      EXPECT_EQ(s["from"], "default") << s["name"];
    }
  }
  EXPECT_TRUE(seen);
  const char* now = "2026-03-10T09:00Z";
  ASSERT_EQ(rapport.Run({"--now", now, "contact", "add", "Bob Example"}).code, 0);
  // 2026-03-07T10:00 in New York (EST, -5) is 15:00Z; three days later is due.
  ASSERT_EQ(rapport.Run({"--now", now, "request", "bob", "--at", "2026-03-07T10:00"}).code, 0);
  auto agenda = nlohmann::json::parse(rapport.Run({"--now", now, "agenda", "--json"}).out);
  ASSERT_GE(agenda.size(), 1u);
  EXPECT_EQ(agenda[0]["action"], "follow_up");
  // The API's shape (present/json.h): the kind under its name too, and the
  // event that does it.
  EXPECT_EQ(agenda[0]["kind"], "follow_up");
  EXPECT_EQ(agenda[0]["done_by"], "follow_up_sent");
  // Exact durations across the DST change of 8 March: 72 hours after 15:00Z.
  EXPECT_EQ(agenda[0]["due"], "2026-03-10T15:00:00Z");
  EXPECT_EQ(agenda[0]["overdue"], false);
}

}  // namespace
}  // namespace rapport
