#include "rapport/model/time.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

Instant Utc(const char* iso) {
  auto t = ParseTime(iso, "UTC");
  EXPECT_TRUE(t.ok()) << iso;
  return *t;
}

TEST(ParseTime, AcceptsTheFormsPeopleType) {
  EXPECT_EQ(FormatIso(Utc("2026-03-02")), "2026-03-02T00:00:00Z");
  EXPECT_EQ(FormatIso(Utc("2026-03-02T09:30")), "2026-03-02T09:30:00Z");
  EXPECT_EQ(FormatIso(Utc("2026-03-02 09:30:15")), "2026-03-02T09:30:15Z");
  EXPECT_EQ(FormatIso(Utc("2026-03-02T09:30Z")), "2026-03-02T09:30:00Z");
  EXPECT_EQ(FormatIso(Utc("2026-03-02T09:30+01:00")), "2026-03-02T08:30:00Z");
  EXPECT_EQ(FormatIso(Utc("2026-03-02T09:30-0500")), "2026-03-02T14:30:00Z");
}

TEST(ParseTime, WallTimeIsReadInTheGivenZone) {
  auto winter = ParseTime("2026-01-15T10:00", "Europe/Paris");
  auto summer = ParseTime("2026-07-15T10:00", "Europe/Paris");
  ASSERT_TRUE(winter.ok());
  ASSERT_TRUE(summer.ok());
  EXPECT_EQ(FormatIso(*winter), "2026-01-15T09:00:00Z");
  EXPECT_EQ(FormatIso(*summer), "2026-07-15T08:00:00Z");
}

TEST(ParseTime, RejectsWithAReason) {
  for (const char* bad : {"", "tomorrow", "2026-13-01", "2026-02-30", "2026-03-02T25:00",
                          "2026-03-02T10:00+", "2026-3-2", "2026-03-02T10:00Zjunk"}) {
    auto t = ParseTime(bad, "UTC");
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(t.error().message().find('\''), std::string::npos) << t.error().message();
  }
}

TEST(ParseTime, SpringForwardGapIsAnErrorAndFallBackTakesTheEarlierInstant) {
  // Paris skips 02:00-03:00 on 2026-03-29 and repeats 02:00-03:00 on 2026-10-25.
  auto gap = ParseTime("2026-03-29T02:30", "Europe/Paris");
  ASSERT_FALSE(gap.ok());
  EXPECT_NE(gap.error().message().find("daylight"), std::string::npos);
  auto twice = ParseTime("2026-10-25T02:30", "Europe/Paris");
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(FormatIso(*twice), "2026-10-25T00:30:00Z");  // still +02:00
}

TEST(ParseTime, UnknownZoneIsAnError) {
  auto t = ParseTime("2026-03-02T10:00", "Mars/Olympus");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message().find("Mars/Olympus"), std::string::npos);
}

TEST(Zones, KnownAndUnknown) {
  EXPECT_TRUE(IsKnownZone("America/New_York"));
  EXPECT_TRUE(IsKnownZone("UTC"));
  EXPECT_FALSE(IsKnownZone("Nowhere/Land"));
  EXPECT_FALSE(IsKnownZone(""));
}

TEST(LocalDays, AddingDaysKeepsWallTimeAcrossDaylightSaving) {
  // 10:00 in Paris the day before clocks go forward; a day later is still 10:00 local,
  // which is 23 hours later in absolute time.
  auto before = *ParseTime("2026-03-28T10:00", "Europe/Paris");
  auto after = AddLocalDays(before, 1, "Europe/Paris");
  EXPECT_EQ(FormatLocal(after, "Europe/Paris"), "2026-03-29 10:00");
  EXPECT_EQ(after - before, hours{23});
}

TEST(LocalDays, StartOfDayAndWeek) {
  auto t = *ParseTime("2026-11-19T15:20", "America/New_York");  // a Thursday
  EXPECT_EQ(FormatLocal(StartOfLocalDay(t, "America/New_York"), "America/New_York"),
            "2026-11-19 00:00");
  EXPECT_EQ(FormatLocal(StartOfLocalWeek(t, "America/New_York"), "America/New_York"),
            "2026-11-16 00:00");
}

TEST(BusinessDays, SkipWeekends) {
  auto fri = Utc("2026-11-20T09:00");  // Friday
  EXPECT_EQ(FormatIso(AddBusinessDays(fri, 1, "UTC")), "2026-11-23T09:00:00Z");  // Monday
  EXPECT_EQ(FormatIso(AddBusinessDays(fri, 3, "UTC")), "2026-11-25T09:00:00Z");  // Wednesday
  EXPECT_EQ(FormatIso(AddBusinessDays(fri, 7, "UTC")), "2026-12-01T09:00:00Z");  // Tuesday
  auto sat = Utc("2026-11-21T09:00");
  EXPECT_EQ(FormatIso(AddBusinessDays(sat, 1, "UTC")), "2026-11-24T09:00:00Z");
}

TEST(Format, FriendlyAndDay) {
  auto now = Utc("2026-03-10T12:00");
  EXPECT_EQ(FormatFriendly(Utc("2026-03-02T09:30"), "UTC", now), "Mon 2 Mar 09:30");
  EXPECT_EQ(FormatFriendly(Utc("2025-12-24T18:00"), "UTC", now), "Wed 24 Dec 2025 18:00");
  EXPECT_EQ(FormatDay(Utc("2026-02-20T10:00"), "UTC", now), "20 Feb");
  EXPECT_EQ(ZoneOffset(Utc("2026-07-01T00:00"), "Europe/Paris"), "+02:00");
  EXPECT_EQ(ZoneOffset(Utc("2026-01-01T00:00"), "America/New_York"), "-05:00");
}

TEST(FixedClock, IsWhatTimeSays) {
  FixedClock clock(Utc("2026-03-10T12:00"));
  EXPECT_EQ(FormatIso(clock.Now()), "2026-03-10T12:00:00Z");
  clock.Advance(hours{48});
  EXPECT_EQ(FormatIso(clock.Now()), "2026-03-12T12:00:00Z");
}

}  // namespace
}  // namespace rapport
