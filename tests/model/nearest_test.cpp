#include "rapport/model/nearest.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace rapport {
namespace {

using Names = std::vector<std::string_view>;

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(EditDistance("agenda", "agenda"), 0u);
  EXPECT_EQ(EditDistance("agend", "agenda"), 1u);
  EXPECT_EQ(EditDistance("agendaa", "agenda"), 1u);
  EXPECT_EQ(EditDistance("agemda", "agenda"), 1u);
  EXPECT_EQ(EditDistance("stauts", "status"), 1u);  // a swap is one edit
  EXPECT_EQ(EditDistance("AGENDA", "agenda"), 0u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(Nearest, TakesTheClosestNameWithinATypo) {
  const Names commands = {"agenda", "answer", "contact", "status", "stats", "pipeline"};
  EXPECT_EQ(Nearest("agend", commands), Names{"agenda"});
  EXPECT_EQ(Nearest("contcat", commands), Names{"contact"});
  // Equally near: all of them, in the table's order.
  EXPECT_EQ(Nearest("stauts", commands), (Names{"status", "stats"}));
  EXPECT_EQ(Nearest("stat", commands), Names{"stats"});  // "status" is two edits away
  // Too far to be a typo.
  EXPECT_TRUE(Nearest("admin", commands).empty());
  EXPECT_TRUE(Nearest("xyzzy", commands).empty());
  // A unique prefix of three letters or more.
  EXPECT_EQ(Nearest("pipe", commands), Names{"pipeline"});
  EXPECT_TRUE(Nearest("pi", commands).empty());
}

}  // namespace
}  // namespace rapport
