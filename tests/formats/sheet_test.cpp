#include "rapport/formats/sheet.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace rapport {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

SheetProfile Full() {
  SheetProfile p;
  p.name = "Sam Rivera";
  p.headline = "Statistics graduate moving into UX research";
  p.email = "sam@example.org";
  p.phone = "+1 (555) 010-0199";
  p.location = "Portland, Oregon";
  p.linkedin = "https://www.linkedin.com/in/samrivera/";
  p.summary = "I'm learning how **research teams** work in public services.";
  p.achievements = {"Ran a *400-person* survey", "Taught statistics to 30 adults"};
  p.targets = {"Fjord Labs", "Oregon Health & Science University"};
  return p;
}

TEST(Sheet, ShowsEveryField) {
  const std::string html = RenderSheet(Full());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_THAT(html, HasSubstr("<title>Sam Rivera</title>"));
  EXPECT_THAT(html, HasSubstr("<h1>Sam Rivera</h1>"));
  EXPECT_THAT(html, HasSubstr("Statistics graduate moving into UX research"));
  EXPECT_THAT(html, HasSubstr("<a href=\"mailto:sam@example.org\">sam@example.org</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"tel:+15550100199\">+1 (555) 010-0199</a>"));
  EXPECT_THAT(html, HasSubstr("Portland, Oregon"));
  EXPECT_THAT(
      html,
      HasSubstr(
          "<a href=\"https://www.linkedin.com/in/samrivera/\">linkedin.com/in/samrivera</a>"));
  EXPECT_THAT(html, HasSubstr("<p>I'm learning how <strong>research teams</strong> work"));
  EXPECT_THAT(html, HasSubstr("<li>Ran a <em>400-person</em> survey</li>"));
  EXPECT_THAT(html, HasSubstr("<li>Taught statistics to 30 adults</li>"));
  EXPECT_THAT(html, HasSubstr("<li>Fjord Labs</li>"));
  EXPECT_THAT(html, HasSubstr("<li>Oregon Health &amp; Science University</li>"));
  EXPECT_THAT(html, HasSubstr("What I’m exploring"));
  EXPECT_THAT(html, HasSubstr("Highlights"));
  EXPECT_THAT(html, HasSubstr("Organizations I’d like to learn about"));
}

TEST(Sheet, IsSelfContainedAndPrintable) {
  const std::string html = RenderSheet(Full());
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("@page"));
  EXPECT_THAT(html, HasSubstr("break-inside: avoid"));
  EXPECT_THAT(html, HasSubstr("columns: 3"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
  EXPECT_THAT(html, Not(HasSubstr("{{")));  // every field filled
}

TEST(Sheet, EscapesEveryPlainField) {
  SheetProfile p;
  p.name = "<script>alert(1)</script>";
  p.headline = "\"quoted\" & <b>bold</b>";
  p.email = "x\"><script>@example.org";
  p.location = "<i>Paris</i>";
  p.targets = {"<img src=x onerror=alert(1)>"};
  const std::string html = RenderSheet(p);
  EXPECT_THAT(html, HasSubstr("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  EXPECT_THAT(html, HasSubstr("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
  EXPECT_THAT(html, HasSubstr("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("href=\"mailto:x&quot;&gt;&lt;script&gt;@example.org\""));
  EXPECT_THAT(html, HasSubstr("&lt;i&gt;Paris&lt;/i&gt;"));
  EXPECT_THAT(html, HasSubstr("<li>&lt;img src=x onerror=alert(1)&gt;</li>"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
}

TEST(Sheet, MarkdownFieldsDropRawHtmlAndScriptLinks) {
  SheetProfile p;
  p.name = "Sam";
  p.summary =
      "Hello <script>alert(1)</script> there.\n\n<div onmouseover=\"x()\">block</div>\n\n"
      "[me](javascript:alert(1))";
  p.achievements = {"<b>Grew</b> sales [by far](javascript:alert(2))", "<iframe src=x></iframe>"};
  const std::string html = RenderSheet(p);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<div onmouseover")));
  EXPECT_THAT(html, Not(HasSubstr("<b>Grew")));
  EXPECT_THAT(html, Not(HasSubstr("<iframe")));
  EXPECT_THAT(html, Not(HasSubstr("javascript:")));
  EXPECT_THAT(html, HasSubstr("Hello "));
  EXPECT_THAT(html, HasSubstr("Grew"));
  EXPECT_THAT(html, HasSubstr("by far"));
}

TEST(Sheet, LinksLinkedInOnlyOverTheWeb) {
  SheetProfile p;
  p.name = "Sam";
  p.linkedin = "linkedin.com/in/sam";
  EXPECT_THAT(RenderSheet(p),
              HasSubstr("<a href=\"https://linkedin.com/in/sam\">linkedin.com/in/sam</a>"));
  p.linkedin = "javascript:alert(1)";
  const std::string html = RenderSheet(p);
  EXPECT_THAT(html, Not(HasSubstr("href=\"javascript")));
  EXPECT_THAT(html, HasSubstr("<li>javascript:alert(1)</li>"));
}

TEST(Sheet, LeavesOutWhatIsEmpty) {
  SheetProfile p;
  p.name = "Sam Rivera";
  p.achievements = {"", "  "};
  p.targets = {" "};
  const std::string html = RenderSheet(p);
  EXPECT_THAT(html, HasSubstr("<h1>Sam Rivera</h1>"));
  EXPECT_THAT(html, Not(HasSubstr("class=\"headline\"")));
  EXPECT_THAT(html, Not(HasSubstr("class=\"contact\"")));
  EXPECT_THAT(html, Not(HasSubstr("<section")));
}

}  // namespace
}  // namespace rapport
