#include "rapport/playbook/settings.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace rapport {
namespace {

// Every field of Playbook with its default as GetSetting prints it. A field
// added to Playbook but not to settings.cpp fails the count below.
const std::vector<std::pair<std::string, std::string>> kDefaults = {
    {"follow_up_days", "7"},
    {"call_after_follow_up_days", "7"},
    {"max_tries", "3"},
    {"move_on_after_days", "7"},
    {"business_days", "false"},
    {"start_another_business_days", "3"},
    {"follow_up_business_days", "7"},
    {"meeting_minutes", "30"},
    {"meal_minutes", "60"},
    {"prepare_hours", "48"},
    {"questions_min", "4"},
    {"questions_max", "6"},
    {"thanks_within_hours", "48"},
    {"thank_introducer", "true"},
    {"report_back", "true"},
    {"keep_in_touch_days", "90"},
    {"promise_days", "7"},
    {"weekly_goal", "1"},
    {"enough_conversations", "3"},
    {"plenty_conversations", "5"},
};

TEST(PlaybookSettings, ListsEveryFieldInOrderWithItsDefault) {
  const auto& settings = PlaybookSettings();
  ASSERT_EQ(settings.size(), kDefaults.size());
  Playbook p;
  for (size_t i = 0; i < settings.size(); ++i) {
    EXPECT_EQ(settings[i].name, kDefaults[i].first);
    EXPECT_EQ(GetSetting(p, settings[i].name), kDefaults[i].second) << settings[i].name;
  }
}

TEST(PlaybookSettings, EachHasAKnownUnitAndAOneLineDescription) {
  const std::set<std::string_view> units = {"days", "hours", "minutes", "count", "bool"};
  std::set<std::string_view> names;
  for (const SettingInfo& s : PlaybookSettings()) {
    EXPECT_TRUE(names.insert(s.name).second) << "duplicate " << s.name;
    EXPECT_TRUE(units.contains(s.unit)) << s.name << ": " << s.unit;
    EXPECT_FALSE(s.description.empty()) << s.name;
    EXPECT_EQ(s.description.find('\n'), std::string_view::npos) << s.name;
    EXPECT_LE(s.description.size(), 90u) << s.name;
  }
}

TEST(PlaybookSettings, SetThenGetRoundTripsEveryField) {
  for (const SettingInfo& s : PlaybookSettings()) {
    Playbook p;
    std::string value =
        s.unit == "bool" ? (GetSetting(p, s.name) == "true" ? "false" : "true") : "9";
    ASSERT_TRUE(SetSetting(p, s.name, value).ok()) << s.name;
    EXPECT_EQ(GetSetting(p, s.name), value) << s.name;
  }
}

TEST(PlaybookSettings, SetWritesTheField) {
  Playbook p;
  ASSERT_TRUE(SetSetting(p, "follow_up_days", "10").ok());
  ASSERT_TRUE(SetSetting(p, "business_days", "yes").ok());
  ASSERT_TRUE(SetSetting(p, "keep_in_touch_days", " 120 ").ok());
  ASSERT_TRUE(SetSetting(p, "weekly_goal", "0").ok());
  EXPECT_EQ(p.follow_up_days, 10);
  EXPECT_TRUE(p.business_days);
  EXPECT_EQ(p.keep_in_touch_days, 120);
  EXPECT_EQ(p.weekly_goal, 0);
  EXPECT_EQ(p.max_tries, 3);  // untouched
}

TEST(PlaybookSettings, BoolsAcceptTheUsualWords) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"true", true},   {"TRUE", true}, {"yes", true}, {"1", true},    {" on ", true},
      {"false", false}, {"No", false},  {"0", false},  {"off", false},
  };
  for (const auto& [text, want] : cases) {
    Playbook p;
    p.report_back = !want;
    ASSERT_TRUE(SetSetting(p, "report_back", text).ok()) << text;
    EXPECT_EQ(p.report_back, want) << text;
  }
}

struct BadValue {
  std::string name;
  std::string value;
  std::string message;
};

TEST(PlaybookSettings, RejectsBadValuesWithAReasonAndLeavesTheFieldAlone) {
  const std::vector<BadValue> cases = {
      {"follow_up_days", "abc",
       "playbook setting 'follow_up_days' takes a whole number of days, "
       "not 'abc'"},
      {"follow_up_days", "7.5",
       "playbook setting 'follow_up_days' takes a whole number of days, "
       "not '7.5'"},
      {"follow_up_days", "",
       "playbook setting 'follow_up_days' takes a whole number of days, "
       "not ''"},
      {"follow_up_days", "+7",
       "playbook setting 'follow_up_days' takes a whole number of days, "
       "not '+7'"},
      {"follow_up_days", "-1",
       "playbook setting 'follow_up_days' must be between 0 and 3650 "
       "days, not -1"},
      {"follow_up_days", "3651",
       "playbook setting 'follow_up_days' must be between 0 and 3650 "
       "days, not 3651"},
      {"follow_up_days", "99999999999",
       "playbook setting 'follow_up_days' must be between 0 and "
       "3650 days, not 99999999999"},
      {"max_tries", "0", "playbook setting 'max_tries' must be between 1 and 20, not 0"},
      {"max_tries", "many", "playbook setting 'max_tries' takes a whole number, not 'many'"},
      {"prepare_hours", "9000",
       "playbook setting 'prepare_hours' must be between 0 and 8760 "
       "hours, not 9000"},
      {"meeting_minutes", "0",
       "playbook setting 'meeting_minutes' must be between 1 and 1440 "
       "minutes, not 0"},
      {"business_days", "maybe",
       "playbook setting 'business_days' takes true or false, not "
       "'maybe'"},
  };
  for (const BadValue& c : cases) {
    Playbook p;
    std::string before = GetSetting(p, c.name);
    Status s = SetSetting(p, c.name, c.value);
    ASSERT_FALSE(s.ok()) << c.name << "=" << c.value;
    EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().message(), c.message);
    EXPECT_EQ(GetSetting(p, c.name), before);
  }
}

TEST(PlaybookSettings, UnknownNameSuggestsTheNearest) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"follow_up_day",
       "unknown playbook setting 'follow_up_day' (did you mean 'follow_up_days'?)"},
      {"Follow-Up-Days",
       "unknown playbook setting 'Follow-Up-Days' (did you mean 'follow_up_days'?)"},
      {"weekly_gaol", "unknown playbook setting 'weekly_gaol' (did you mean 'weekly_goal'?)"},
      {"maxtries", "unknown playbook setting 'maxtries' (did you mean 'max_tries'?)"},
      {"foo",
       "unknown playbook setting 'foo' (check its spelling against the playbook's list of "
       "settings)"},
  };
  for (const auto& [name, message] : cases) {
    Playbook p;
    Status s = SetSetting(p, name, "1");
    ASSERT_FALSE(s.ok()) << name;
    EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().message(), message);
  }
}

TEST(PlaybookSettings, GetOfAnUnknownNameIsEmpty) { EXPECT_EQ(GetSetting(Playbook{}, "nope"), ""); }

TEST(PlaybookValidate, DefaultsAreValid) { EXPECT_TRUE(Validate(Playbook{}).ok()); }

TEST(PlaybookValidate, ChecksRelationsAndRanges) {
  struct Case {
    std::string what;
    Playbook p;
    std::string message;
  };
  std::vector<Case> cases;
  {
    Playbook p;
    p.questions_min = 7;
    cases.push_back({"questions", p,
                     "questions_min (7) is more than questions_max (6); lower questions_min or "
                     "raise questions_max"});
  }
  {
    Playbook p;
    p.enough_conversations = 6;
    cases.push_back({"conversations", p,
                     "enough_conversations (6) is more than plenty_conversations (5); lower "
                     "enough_conversations or raise plenty_conversations"});
  }
  {
    Playbook p;
    p.max_tries = 0;
    cases.push_back(
        {"max_tries", p, "playbook setting 'max_tries' must be between 1 and 20, not 0"});
  }
  {
    Playbook p;
    p.follow_up_days = -3;
    cases.push_back({"negative", p,
                     "playbook setting 'follow_up_days' must be between 0 and 3650 days, not -3"});
  }
  for (const Case& c : cases) {
    Status s = Validate(c.p);
    ASSERT_FALSE(s.ok()) << c.what;
    EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().message(), c.message);
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(s.error().message()[0])));
  }
}

TEST(PlaybookValidate, EqualBoundsAreFine) {
  Playbook p;
  p.questions_min = p.questions_max = 5;
  p.enough_conversations = p.plenty_conversations = 4;
  EXPECT_TRUE(Validate(p).ok());
}

}  // namespace
}  // namespace rapport
