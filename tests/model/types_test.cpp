#include "rapport/model/types.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

TEST(Names, RoundTripEveryEventKind) {
  for (auto name : EventKindNames()) {
    auto k = ParseEventKind(name);
    ASSERT_TRUE(k.has_value()) << name;
    EXPECT_EQ(ToString(*k), name);
  }
  EXPECT_EQ(EventKindNames().size(), 18u);
  EXPECT_FALSE(ParseEventKind("meeting").has_value());
}

TEST(Names, RoundTripOtherEnums) {
  for (auto n : SourceNames()) EXPECT_EQ(ToString(*ParseSource(n)), n);
  for (auto n : DegreeNames()) EXPECT_EQ(ToString(*ParseDegree(n)), n);
  for (auto n : OrgSizeNames()) EXPECT_EQ(ToString(*ParseOrgSize(n)), n);
  for (auto n : ObjectiveKindNames()) EXPECT_EQ(ToString(*ParseObjectiveKind(n)), n);
  for (auto n : ChannelNames()) EXPECT_EQ(ToString(*ParseChannel(n)), n);
  for (auto n : MeetingModeNames()) EXPECT_EQ(ToString(*ParseMeetingMode(n)), n);
  EXPECT_EQ(ToString(Source::kAlumni), "alumni");
  EXPECT_FALSE(ParseDegree("third").has_value());
  EXPECT_FALSE(ParseSource("Referral").has_value());  // names are lowercase; app folds case
}

TEST(ResultType, CarriesValueOrError) {
  Result<int> ok = 42;
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 42);
  Result<int> bad = Error::NotFound("no contact 7");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(bad.error().message(), "no contact 7");
  Status s = Error::Conflict("dup");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(Status{}.ok());
}

}  // namespace
}  // namespace rapport
