#include "rapport/formats/markdown.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace rapport {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Markdown, RendersParagraphsListsEmphasisAndLinks) {
  const std::string html = MarkdownToHtml(
      "I want to learn about **UX research**.\n\nWhat I ask:\n\n- *how* studies start\n- "
      "[who reads them](https://example.org/a?b=1&c=2)\n");
  EXPECT_THAT(html, HasSubstr("<p>I want to learn about <strong>UX research</strong>.</p>"));
  EXPECT_THAT(html, HasSubstr("<ul>\n<li><em>how</em> studies start</li>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"https://example.org/a?b=1&amp;c=2\">who reads them</a>"));
}

TEST(Markdown, EscapesTextAndDropsRawHtml) {
  const std::string html = MarkdownToHtml(
      "Tom & Jerry <b>bold</b> 3 < 4\n\n<script>alert(1)</script>\n\n<div "
      "onclick=\"x()\">hi</div>\n");
  EXPECT_THAT(html, HasSubstr("Tom &amp; Jerry"));
  EXPECT_THAT(html, HasSubstr("3 &lt; 4"));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<div")));
  EXPECT_THAT(html, Not(HasSubstr("onclick")));
}

TEST(Markdown, RemovesLinksToOtherSchemesButKeepsTheirText) {
  const std::string html = MarkdownToHtml(
      "[click](javascript:alert(1)) [also](JavaScript:alert(2)) [data](data:text/html,x) "
      "[vb](vbscript:x) [mail](mailto:ada@example.org) [call](tel:+15550100) [rel](notes.html)");
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));
  EXPECT_THAT(html, Not(HasSubstr("JavaScript:")));
  EXPECT_THAT(html, Not(HasSubstr("data:")));
  EXPECT_THAT(html, Not(HasSubstr("vbscript:")));
  EXPECT_THAT(html, HasSubstr("click"));
  EXPECT_THAT(html, HasSubstr("<a href=\"mailto:ada@example.org\">mail</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"tel:+15550100\">call</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"notes.html\">rel</a>"));
  EXPECT_THAT(html, Not(HasSubstr("href=\"\"")));
  // An autolink to a script keeps its text, as text.
  EXPECT_EQ(MarkdownToHtml("<javascript:alert(3)>"), "<p>javascript:alert(3)</p>\n");
}

TEST(Markdown, ImagesBecomeTheirAltTextSoNothingIsFetched) {
  const std::string html =
      MarkdownToHtml("See ![a *chart* of replies](https://tracker.example/p.png) here.");
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("tracker.example")));
  EXPECT_THAT(html, HasSubstr("See a <em>chart</em> of replies here."));
}

TEST(Markdown, ReplacesInvalidUtf8) {
  const std::string html = MarkdownToHtml("caf\xC3 ok");
  EXPECT_THAT(html, HasSubstr("\xEF\xBF\xBD"));  // U+FFFD
}

TEST(MarkdownInline, HasNoParagraphWrapper) {
  EXPECT_EQ(MarkdownInlineToHtml("Cut reporting time by **90%**"),
            "Cut reporting time by <strong>90%</strong>");
  EXPECT_EQ(MarkdownInlineToHtml(""), "");
  EXPECT_EQ(MarkdownInlineToHtml("   "), "");
}

TEST(MarkdownInline, ReadsBlockMarkersAsPlainText) {
  EXPECT_EQ(MarkdownInlineToHtml("# of users doubled"), "# of users doubled");
  EXPECT_EQ(MarkdownInlineToHtml("- 20% in costs"), "- 20% in costs");
  EXPECT_EQ(MarkdownInlineToHtml("+ one more"), "+ one more");
  EXPECT_EQ(MarkdownInlineToHtml("2019. A good year"), "2019. A good year");
  EXPECT_EQ(MarkdownInlineToHtml("1) first"), "1) first");
  EXPECT_EQ(MarkdownInlineToHtml("> quoted"), "&gt; quoted");
  EXPECT_EQ(MarkdownInlineToHtml("***"), "***");
  EXPECT_EQ(MarkdownInlineToHtml("```"), "```");
  EXPECT_EQ(MarkdownInlineToHtml("    indented"), "indented");
  EXPECT_EQ(MarkdownInlineToHtml("[x]: https://example.org"), "[x]: https://example.org");
  EXPECT_EQ(MarkdownInlineToHtml("two\nlines"), "two lines");
}

TEST(MarkdownInline, KeepsInlineSyntaxAtTheStart) {
  EXPECT_EQ(MarkdownInlineToHtml("*Led* a team"), "<em>Led</em> a team");
  EXPECT_EQ(MarkdownInlineToHtml("**Led** a team"), "<strong>Led</strong> a team");
  EXPECT_EQ(MarkdownInlineToHtml("`R` and SQL"), "<code>R</code> and SQL");
  EXPECT_EQ(MarkdownInlineToHtml("[Site](https://example.org) launch"),
            "<a href=\"https://example.org\">Site</a> launch");
  EXPECT_EQ(MarkdownInlineToHtml("2019 was busy"), "2019 was busy");
}

TEST(MarkdownInline, IsSafeToo) {
  const std::string html =
      MarkdownInlineToHtml("Built <img src=x onerror=alert(1)> a [tool](javascript:alert(1))");
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));
  EXPECT_THAT(html, HasSubstr("Built "));
  EXPECT_THAT(html, HasSubstr("a tool"));
  const std::string block = MarkdownInlineToHtml("<script>alert(1)</script> led a team");
  EXPECT_THAT(block, Not(HasSubstr("<script")));
  EXPECT_THAT(block, Not(HasSubstr("<p>")));
}

}  // namespace
}  // namespace rapport
