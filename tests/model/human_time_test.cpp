// Times as people say them, at a fixed now on the eve of a daylight-saving
// change: New York springs forward on Sunday 8 March 2026 (02:00 -> 03:00)
// and falls back on Sunday 1 November 2026 (02:00 -> 01:00).
#include "rapport/model/human_time.h"

#include <gtest/gtest.h>

#include <string>

namespace rapport {
namespace {

constexpr const char* kZone = "America/New_York";

Instant At(const char* iso) { return *ParseTime(iso, "UTC"); }

// Saturday 7 March 2026, 12:00 EST.
const Instant kSaturday = At("2026-03-07T17:00Z");

std::string Parse(const char* text, Instant now = kSaturday, const char* zone = kZone) {
  auto t = ParseHumanTime(text, zone, now);
  if (!t) return "error: " + t.error().message();
  return FormatIso(*t);
}

TEST(ParseHumanTime, NamedDaysStartAtMidnightOnEitherSideOfTheChange) {
  EXPECT_EQ(Parse("today"), "2026-03-07T05:00:00Z");     // 00:00 EST
  EXPECT_EQ(Parse("tomorrow"), "2026-03-08T05:00:00Z");  // 00:00 EST, before the change
  EXPECT_EQ(Parse("yesterday"), "2026-03-06T05:00:00Z");
  EXPECT_EQ(Parse("mon"), "2026-03-09T04:00:00Z");  // 00:00 EDT
  EXPECT_EQ(Parse("Monday"), "2026-03-09T04:00:00Z");
  EXPECT_EQ(Parse("next monday"), "2026-03-09T04:00:00Z");  // the first after today
  EXPECT_EQ(Parse("fri"), "2026-03-13T04:00:00Z");
  EXPECT_EQ(Parse("next sat"), "2026-03-14T04:00:00Z");
  EXPECT_EQ(Parse("this sat"), "2026-03-07T05:00:00Z");
  EXPECT_EQ(Parse("last fri"), "2026-03-06T05:00:00Z");
  EXPECT_EQ(Parse("last sat"), "2026-02-28T05:00:00Z");
}

TEST(ParseHumanTime, TimesOfDayAloneOrAfterADay) {
  EXPECT_EQ(Parse("15:00"), "2026-03-07T20:00:00Z");  // today, EST
  EXPECT_EQ(Parse("noon"), "2026-03-07T17:00:00Z");
  EXPECT_EQ(Parse("tomorrow 15:00"), "2026-03-08T19:00:00Z");  // EDT by then
  EXPECT_EQ(Parse("tomorrow 3pm"), "2026-03-08T19:00:00Z");
  EXPECT_EQ(Parse("tomorrow at 3 PM"), "2026-03-08T19:00:00Z");
  EXPECT_EQ(Parse("tomorrow 12am"), "2026-03-08T05:00:00Z");
  EXPECT_EQ(Parse("mon 9:30"), "2026-03-09T13:30:00Z");
  EXPECT_EQ(Parse("fri 3:30pm"), "2026-03-13T19:30:00Z");
  EXPECT_EQ(Parse("tomorrow 17"), "2026-03-08T21:00:00Z");  // 13-23 can only be one hour
  EXPECT_EQ(Parse("2026-03-12 3pm"), "2026-03-12T19:00:00Z");
}

TEST(ParseHumanTime, AmountsKeepTheWallTimeForDaysAndCountHoursExactly) {
  EXPECT_EQ(Parse("in 3 days"), "2026-03-10T16:00:00Z");  // 12:00 EDT, 71 hours later
  EXPECT_EQ(Parse("+3d"), "2026-03-10T16:00:00Z");
  EXPECT_EQ(Parse("3 days"), "2026-03-10T16:00:00Z");
  EXPECT_EQ(Parse("+72h"), "2026-03-10T17:00:00Z");  // 13:00 EDT
  EXPECT_EQ(Parse("+2w"), "2026-03-21T16:00:00Z");
  EXPECT_EQ(Parse("in 2 weeks"), "2026-03-21T16:00:00Z");
  EXPECT_EQ(Parse("+2d 9:00"), "2026-03-09T13:00:00Z");
  EXPECT_EQ(Parse("in 90 min"), "2026-03-07T18:30:00Z");
  EXPECT_EQ(Parse("+1mo"), "2026-04-07T16:00:00Z");
  EXPECT_EQ(Parse("3 days ago"), "2026-03-04T17:00:00Z");
  EXPECT_EQ(Parse("-1w"), "2026-02-28T17:00:00Z");
  EXPECT_EQ(Parse("2h ago"), "2026-03-07T15:00:00Z");
  EXPECT_EQ(Parse("now"), "2026-03-07T17:00:00Z");
  // A month on from the 31st is the month's last day.
  EXPECT_EQ(Parse("+1mo", At("2026-01-31T17:00Z")), "2026-02-28T17:00:00Z");
}

TEST(ParseHumanTime, AnExplicitZoneWins) {
  // 18:00 in Paris; tomorrow there at 15:00 CET.
  EXPECT_EQ(Parse("tomorrow 15:00 Europe/Paris"), "2026-03-08T14:00:00Z");
  EXPECT_EQ(Parse("2026-03-12T15:00 Europe/Paris"), "2026-03-12T14:00:00Z");
  EXPECT_EQ(Parse("15:00 UTC"), "2026-03-07T15:00:00Z");
}

TEST(ParseHumanTime, IsoIsReadAsBefore) {
  EXPECT_EQ(Parse("2026-03-12T15:00"), "2026-03-12T19:00:00Z");
  EXPECT_EQ(Parse("2026-03-12T15:00Z"), "2026-03-12T15:00:00Z");
  EXPECT_EQ(Parse("2026-03-12"), "2026-03-12T04:00:00Z");
  EXPECT_EQ(Parse("2026-02-30"), "error: '2026-02-30' is not a real calendar date");
}

TEST(ParseHumanTime, AmbiguityShowsWhatItCouldMean) {
  EXPECT_EQ(Parse("sat"),
            "error: 'sat' could mean today (Sat 7 Mar) or Sat 14 Mar (say today or next sat)");
  EXPECT_EQ(Parse("tomorrow 3"),
            "error: 'tomorrow 3' could mean 03:00 or 15:00 (say 3am or 3pm, or use 24 hours)");
  EXPECT_EQ(Parse("+2m"), "error: '+2m' could mean 2 minutes or 2 months (say 2min or 2mo)");
  // The hour the clocks repeat in November.
  EXPECT_EQ(Parse("tomorrow 1:30", At("2026-10-31T16:00Z")),
            "error: 'tomorrow 1:30' happens twice in America/New_York as the clocks go back: "
            "2026-11-01T01:30-04:00 (EDT, 2026-11-01T05:30:00Z) or 2026-11-01T01:30-05:00 (EST, "
            "2026-11-01T06:30:00Z); give the offset");
  // Across the change the wall time holds: 12:00 EDT, then 12:00 EST.
  EXPECT_EQ(Parse("in 1 day", At("2026-10-31T16:00Z")), "2026-11-01T17:00:00Z");
}

TEST(ParseHumanTime, RefusesWithTheFormsItTakes) {
  EXPECT_EQ(Parse("tomorrow 2:30"),
            "error: 'tomorrow 2:30' does not exist in America/New_York (the clocks skip that "
            "hour for daylight saving)");
  const std::string forms =
      " is not a date or time (try today, tomorrow 15:00, fri 3pm, next monday, in 3 days, "
      "+2w, 9:30, or ISO-8601 such as 2026-03-02T09:30)";
  for (const char* bad : {"soon", "", "next", "next week", "in 2 hours 15:00", "tomorrow 25:00",
                          "13pm", "fri fri", "in days"}) {
    EXPECT_EQ(Parse(bad), "error: '" + std::string(bad) + "'" + forms) << bad;
  }
}

}  // namespace
}  // namespace rapport
