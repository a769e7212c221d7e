// rapport sheet: a realistic full profile set through the CLI, the sheet
// written, and printed by a real browser (Debian's chromium) to a PDF that
// must be exactly one A4 page and one US Letter page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/files.h"
#include "support/run.h"

namespace rapport {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Slurp;

constexpr const char* kChromium = "/usr/bin/chromium";

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool OnPath(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

class CliSheet : public ::testing::Test {
 protected:
  testing::RunResult Run(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--now", "2026-03-10T09:00Z"};
    all.insert(all.end(), args.begin(), args.end());
    return rapport_.Run(all);
  }
  void Set(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"profile", "set"};
    all.insert(all.end(), args.begin(), args.end());
    auto r = Run(all);
    ASSERT_EQ(r.code, 0) << r.err;
  }
  // What a seeker would really put on the sheet: five achievements of a
  // line or two, a dozen organizations.
  void FullProfile() {
    Set({"name", "Sam Rivera"});
    Set({"email", "sam.rivera@example.org"});
    Set({"phone", "+1 (503) 555-0147"});
    Set({"headline", "Statistics graduate moving into UX research"});
    Set({"location", "Portland, Oregon"});
    Set({"linkedin", "https://www.linkedin.com/in/sam-rivera-research/"});
    Set({"summary",
         "I'm learning how **user research** teams work in health care and public services: how "
         "studies are planned, who acts on what they find, and what the first year in the role "
         "looks like. I'd value your view of the field, the skills that matter most, and the "
         "people I should talk to next."});
    Set({"achievements",
         "Designed and ran a 400-person survey of how students use campus services; the library "
         "changed its opening hours after reading the report",
         "Cut a monthly reporting job from two days to twenty minutes by automating it in R, and "
         "*documented it so others could run it*",
         "Interviewed 25 patients for a clinic's intake redesign and turned the notes into three "
         "personas the front-desk staff still use",
         "Taught a 10-week evening course in practical statistics to 30 adult learners",
         "Volunteer data lead for a food bank: mapped demand by neighborhood to plan two new "
         "pick-up points"});
    Set({"targets", "Fjord Labs", "Northwind Health", "City of Portland",
         "Oregon Health & Science University", "Kaiser Permanente", "Multnomah County Library",
         "Providence Health", "Code for America", "New Relic", "TriMet", "Legacy Health",
         "Portland State University"});
  }

  // Prints `html_path` to a PDF with `page` ("A4" or "letter") as the @page
  // size, the way a browser's print dialog would with that paper.
  std::string PrintToPdf(const std::string& html_path, const std::string& page) {
    std::string html = Slurp(html_path);
    const auto head = html.find("</head>");
    EXPECT_NE(head, std::string::npos);
    html.insert(head, "<style>@page { size: " + page + "; }</style>\n");
    const std::string in = home_.File("sheet-" + page + ".html");
    const std::string out = home_.File("sheet-" + page + ".pdf");
    std::ofstream(in, std::ios::binary) << html;
    const std::string cmd =
        std::string(kChromium) +
        " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
        " --no-pdf-header-footer --user-data-dir=" +
        Quote(home_.File("chromium-profile")) + " --print-to-pdf=" + Quote(out) + " " +
        Quote("file://" + in) + " >" + Quote(home_.File("chromium.log")) + " 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << Slurp(home_.File("chromium.log"));
    EXPECT_TRUE(std::filesystem::exists(out)) << Slurp(home_.File("chromium.log"));
    return out;
  }
  std::string Tool(const std::string& cmd) {
    const std::string log = home_.File("tool.out");
    EXPECT_EQ(std::system((cmd + " >" + Quote(log) + " 2>&1").c_str()), 0) << Slurp(log);
    return Slurp(log);
  }

  testing::TempDir home_;
  testing::Rapport rapport_{home_};
};

TEST_F(CliSheet, NeedsAName) {
  auto r = Run({"sheet"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "error: the sheet needs your name: add it to your profile (with 'rapport profile set "
            "name \"Your Name\"')\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(CliSheet, WritesToStandardOutputOrAtomicallyToAFile) {
  FullProfile();
  auto r = Run({"sheet"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_THAT(r.out, HasSubstr("<h1>Sam Rivera</h1>"));

  const std::string file = home_.File("out/sheet.html");
  std::filesystem::create_directories(home_.File("out"));
  r = Run({"sheet", "-o", file});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Wrote your networking sheet to " + file + "\n"));
  EXPECT_THAT(r.out, HasSubstr("--print-to-pdf=" + home_.File("out/sheet.pdf") + " " + file));
  EXPECT_EQ(Slurp(file), Run({"sheet"}).out);
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(home_.File("out"))) {
    names.push_back(e.path().filename().string());
  }
  EXPECT_EQ(names, std::vector<std::string>{"sheet.html"});  // no temporary left behind
}

TEST_F(CliSheet, WithoutTargetsListsThePipelinesOrganizations) {
  Set({"name", "Sam Rivera"});
  ASSERT_EQ(Run({"contact", "add", "Ada Lovelace", "--org", "Zeta Analytics"}).code, 0);
  ASSERT_EQ(Run({"contact", "add", "Grace Hopper", "--org", "Acme Labs"}).code, 0);
  ASSERT_EQ(Run({"contact", "add", "Alan Turing", "--org", "Bletchley Park"}).code, 0);
  ASSERT_EQ(Run({"target", "Ada"}).code, 0);
  ASSERT_EQ(Run({"target", "Grace"}).code, 0);
  auto r = Run({"sheet"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<li>Acme Labs</li>\n<li>Zeta Analytics</li>"));
  EXPECT_THAT(r.out, Not(HasSubstr("Bletchley Park")));
}

TEST_F(CliSheet, AFullProfilePrintsOnOnePageOfA4AndOfLetter) {
  ASSERT_TRUE(std::filesystem::exists(kChromium))
      << kChromium << " is missing: this test prints the sheet with Debian's chromium; install "
      << "it with scripts/install-deps (apt-get install chromium)";
  ASSERT_TRUE(OnPath("pdfinfo") && OnPath("pdftotext"))
      << "pdfinfo and pdftotext are missing: install them with scripts/install-deps "
      << "(apt-get install poppler-utils)";
  FullProfile();
  const std::string html = home_.File("sheet.html");
  auto r = Run({"sheet", "-o", html});
  ASSERT_EQ(r.code, 0) << r.err;

  for (const std::string page : {"A4", "letter"}) {
    SCOPED_TRACE(page);
    const std::string pdf = PrintToPdf(html, page);
    const std::string info = Tool("pdfinfo " + Quote(pdf));
    EXPECT_THAT(info, HasSubstr("Pages:           1\n"));
    EXPECT_THAT(info, HasSubstr("(" + page + ")"));
    const std::string text = Tool("pdftotext -enc UTF-8 " + Quote(pdf) + " -");
    for (const char* s :
         {"Sam Rivera", "Statistics graduate moving into UX research", "sam.rivera@example.org",
          "+1 (503) 555-0147", "Portland, Oregon", "linkedin.com/in/sam-rivera-research",
          "user research", "Taught a 10-week evening course",
          "documented it so others could run it", "Fjord Labs", "Code for America", "TriMet",
          "Portland State University"}) {
      EXPECT_THAT(text, HasSubstr(s));
    }
  }
}

}  // namespace
}  // namespace rapport
