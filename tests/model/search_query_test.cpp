#include "rapport/model/search_query.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

SearchQuery Parse(std::string_view typed) {
  auto q = ParseSearchQuery(typed);
  EXPECT_TRUE(q.ok()) << typed;
  return q.ok() ? *q : SearchQuery{};
}

TEST(SearchQuery, WordsAreAllRequiredAndOrBindsLoosest) {
  EXPECT_EQ(Parse("design research"),
            (SearchQuery{{{{"design", false}, {"research", false}}}}));
  EXPECT_EQ(Parse("a OR b c"), (SearchQuery{{{{"a", false}}, {{"b", false}, {"c", false}}}}));
}

TEST(SearchQuery, PhrasesPrefixesAndStrayQuotes) {
  EXPECT_EQ(Parse("\"design systems\" onboard*"),
            (SearchQuery{{{{"design systems", false}, {"onboard", true}}}}));
  // An unclosed quote runs to the end; "*" alone is no prefix of anything.
  EXPECT_EQ(Parse("\"remote work"), (SearchQuery{{{{"remote work", false}}}}));
  EXPECT_EQ(Parse("* ux"), (SearchQuery{{{{"ux", false}}}}));
}

TEST(SearchQuery, AnOrThatJoinsNothingIsAWordOrDropped) {
  EXPECT_EQ(Parse("OR ux"), (SearchQuery{{{{"OR", false}, {"ux", false}}}}));
  EXPECT_EQ(Parse("ux OR"), (SearchQuery{{{{"ux", false}}}}));
  EXPECT_EQ(Parse("a OR OR b"), (SearchQuery{{{{"a", false}}, {{"OR", false}, {"b", false}}}}));
  EXPECT_EQ(Parse("ux or design"),  // only upper-case OR is the operator
            (SearchQuery{{{{"ux", false}, {"or", false}, {"design", false}}}}));
}

TEST(SearchQuery, ControlCharactersAndBrokenUtf8AreSpaces) {
  EXPECT_EQ(Parse(std::string("ux\0design", 9)),
            (SearchQuery{{{{"ux", false}, {"design", false}}}}));
  // A lone continuation byte, a truncated sequence and an overlong one.
  EXPECT_EQ(Parse("ux\x80research \xC3 caf\xC3\xA9 \xC0\xAF"),
            (SearchQuery{{{{"ux", false}, {"research", false}, {"caf\xC3\xA9", false}}}}));
}

TEST(SearchQuery, NoWordsIsAClearError) {
  for (const char* typed : {"", "   ", "\"\"", "!!! ---", "* -- *"}) {
    auto q = ParseSearchQuery(typed);
    ASSERT_FALSE(q.ok()) << typed;
    EXPECT_EQ(q.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(q.error().message().find("the search has no words"), std::string::npos);
  }
}

TEST(SearchQuery, SearchWordsAreRunsOfLettersDigitsAndNonAscii) {
  auto w = SearchWords("UX-design, v2 caf\xC3\xA9!");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0], "UX");
  EXPECT_EQ(w[1], "design");
  EXPECT_EQ(w[2], "v2");
  EXPECT_EQ(w[3], "caf\xC3\xA9");
}

}  // namespace
}  // namespace rapport
