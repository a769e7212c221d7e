// Search results as a seeker reads them: a note's Markdown as plain text,
// and the matched start of each word of a name marked.
#include "rapport/model/search.h"

#include <gtest/gtest.h>

#include "rapport/model/search_query.h"

namespace rapport {
namespace {

TEST(PlainSnippet, EmphasisCodeAndStrikeThroughMarksGo) {
  EXPECT_EQ(PlainSnippet("the *\x02" "clinic\x03 study* and **bold** _this_ `code` ~~old~~"),
            "the \x02" "clinic\x03 study and bold this code old");
  // Not a star between spaces, nor an underscore inside a word.
  EXPECT_EQ(PlainSnippet("3 * 4 in snake_case"), "3 * 4 in snake_case");
}

TEST(PlainSnippet, LinksAndImagesBecomeTheirText) {
  EXPECT_EQ(PlainSnippet("read her [\x02paper\x03](https://example.org/p?a=1) today"),
            "read her \x02paper\x03 today");
  EXPECT_EQ(PlainSnippet("see ![the chart](c.png) and <https://example.org>"),
            "see the chart and https://example.org");
  EXPECT_EQ(PlainSnippet("a [reference][1] link"), "a reference link");
  // Cut by the snippet's window at either end.
  EXPECT_EQ(PlainSnippet("…about the [new \x02" "clinic\x03](https://exam…"), "…about the new \x02" "clinic\x03");
  EXPECT_EQ(PlainSnippet("study](https://example.org) was \x02good\x03"), "study was \x02good\x03");
}

TEST(PlainSnippet, LineMarkersGoAndLinesJoin) {
  EXPECT_EQ(PlainSnippet("# Heading\n> quoted\n- one\n* two\n1. three\n```cpp\nx\n```"),
            "Heading quoted one two three x");
  EXPECT_EQ(PlainSnippet("  - [x] done\n\n\nnext  line  "), "done next line");
  // HTML is text the seeker wrote, kept (pages escape it).
  EXPECT_EQ(PlainSnippet("a <b>bold</b> word"), "a <b>bold</b> word");
  EXPECT_EQ(PlainSnippet("not \\*emphasis\\* here"), "not *emphasis* here");
}

TEST(PlainSnippet, PlainTextIsUnchanged) {
  EXPECT_EQ(PlainSnippet("Diary studies came back; so did remote tools."),
            "Diary studies came back; so did remote tools.");
  EXPECT_EQ(PlainSnippet(""), "");
  EXPECT_EQ(PlainSnippet("C++ and 50% (or so) of [them]"), "C++ and 50% (or so) of [them]");
}

TEST(MarkNamed, MarksTheStartOfEachMatchedWord) {
  auto q = ParseSearchQuery("nat pri");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(MarkNamed("Priya Natarajan", *q), "\x02Pri\x03ya \x02Nat\x03" "arajan");
  auto luc = ParseSearchQuery("luc");
  EXPECT_EQ(MarkNamed("Jean-Luc Picard", *luc), "Jean-\x02Luc\x03 Picard");
  // Inside a word is not a match.
  auto brien = ParseSearchQuery("brien");
  EXPECT_EQ(MarkNamed("Aoife O'Brien", *brien), "Aoife O'\x02" "Brien\x03");
  auto ata = ParseSearchQuery("ata");
  EXPECT_EQ(MarkNamed("Natarajan", *ata), "Natarajan");
  auto whole = ParseSearchQuery("\"priya natarajan\"");
  EXPECT_EQ(MarkNamed("Priya Natarajan", *whole), "\x02Priya\x03 \x02Natarajan\x03");
}

}  // namespace
}  // namespace rapport
