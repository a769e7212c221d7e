#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rapport/formats/people.h"
#include "support/files.h"

namespace rapport {
namespace {

// Test files written for these tests, and real exports kept beside the
// checkout (absent on a user's own machine, where those tests skip).
const std::string kData = testing::kTestData + "formats/";
using testing::kFixtures;

std::string ReadFile(const std::string& path) {
  std::string data = testing::Slurp(path);
  EXPECT_FALSE(data.empty()) << "cannot read " << path;
  return data;
}

Instant Day(int y, unsigned m, unsigned d) {
  return Instant{std::chrono::sys_days{std::chrono::year{y} / m / d}};
}

ParsedPeople ParseOk(std::string_view data) {
  auto r = ParseLinkedInCsv(data);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
  return r.ok() ? std::move(r).value() : ParsedPeople{};
}

std::string ErrorOf(std::string_view data) {
  auto r = ParseLinkedInCsv(data);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  const std::string& m = r.error().message();
  EXPECT_FALSE(m.empty());
  EXPECT_TRUE(m.empty() || std::islower(static_cast<unsigned char>(m[0]))) << m;
  EXPECT_EQ(m.find('\n'), std::string::npos) << m;
  return m;
}

TEST(LinkedInCsv, ReadsThe2018ExportWithUsDatesAndOddCells) {
  ParsedPeople p = ParseOk(ReadFile(kData + "linkedin_2018_old_header.csv"));
  ASSERT_EQ(p.people.size(), 5u);
  EXPECT_TRUE(p.rejected.empty());
  ASSERT_EQ(p.skipped.size(), 1u);
  EXPECT_EQ(p.skipped[0].line, 6);
  EXPECT_NE(p.skipped[0].reason.find("only a connection date"), std::string::npos);

  const ImportedPerson& ada = p.people[0];
  EXPECT_EQ(ada.line, 2);
  EXPECT_EQ(ada.name, "Ada Lovelace");
  EXPECT_EQ(ada.email, "ada@example.com");
  EXPECT_EQ(ada.org, "Analytical Engines");
  EXPECT_EQ(ada.title, "Programmer");
  EXPECT_EQ(ada.connected_on, Day(2018, 1, 8));  // "1/8/18, 6:14 PM": month first
  EXPECT_FALSE(ada.linkedin);

  EXPECT_EQ(p.people[1].name, "Grace \"Amazing\" Hopper");
  EXPECT_FALSE(p.people[1].email);
  EXPECT_EQ(p.people[1].connected_on, Day(2017, 12, 25));
  EXPECT_EQ(p.people[2].name, "Raj Nayak, MSc, MBA");
  EXPECT_EQ(p.people[2].org, "Acme, Inc.");
  EXPECT_EQ(p.people[3].name, "");  // company-only row
  EXPECT_EQ(p.people[3].org, "Stealth Startup");
  // Leading spaces, a TAB, emoji and a flag; the last row has no newline.
  EXPECT_EQ(p.people[4].name, "Zo\u00eb Ann Smith \U0001F680 \U0001F1EB\U0001F1F7");
  EXPECT_EQ(p.people[4].line, 7);
  EXPECT_EQ(p.people[4].connected_on, Day(2018, 2, 4));
}

TEST(LinkedInCsv, ReadsTheCurrentExportWithPreambleBomAndCrlf) {
  ParsedPeople p = ParseOk(ReadFile(kData + "linkedin_2025_preamble_bom_crlf.csv"));
  ASSERT_EQ(p.people.size(), 3u);
  EXPECT_TRUE(p.rejected.empty());
  ASSERT_EQ(p.skipped.size(), 1u);
  EXPECT_EQ(p.skipped[0].line, 9);  // Jean's name spans lines 7 and 8

  EXPECT_EQ(p.people[0].line, 5);
  EXPECT_EQ(p.people[0].name, "Alex Example");
  EXPECT_EQ(p.people[0].linkedin, "https://www.linkedin.com/in/alex-example");
  EXPECT_EQ(p.people[0].connected_on, Day(2025, 12, 22));

  EXPECT_EQ(p.people[1].name, "Marie Curie");
  EXPECT_FALSE(p.people[1].email) << "urn:li:member is not an e-mail address";
  EXPECT_EQ(p.people[1].linkedin, "https://www.linkedin.com/in/marie-curie-%C3%A9");
  EXPECT_EQ(p.people[1].connected_on, Day(2024, 3, 15));

  EXPECT_EQ(p.people[2].line, 7);
  EXPECT_EQ(p.people[2].name, "Jean Dupont Martin");
  EXPECT_EQ(p.people[2].email, "jean@example.fr");
  EXPECT_FALSE(p.people[2].org);
  EXPECT_EQ(p.people[2].connected_on, Day(2024, 3, 15));
}

TEST(LinkedInCsv, ReadsThe2022PreambleWithoutUrl) {
  ParsedPeople p = ParseOk(ReadFile(kData + "linkedin_2022_preamble_no_url.csv"));
  ASSERT_EQ(p.people.size(), 1u);
  EXPECT_EQ(p.people[0].line, 5);
  EXPECT_EQ(p.people[0].name, "Lin Wei");
  EXPECT_EQ(p.people[0].connected_on, Day(2022, 6, 7));
}

TEST(LinkedInCsv, ReadsASemicolonFileAndLetsUnambiguousDatesDecideTheOrder) {
  ParsedPeople p = ParseOk(ReadFile(kData + "linkedin_semicolon.csv"));
  ASSERT_EQ(p.people.size(), 2u);
  EXPECT_EQ(p.people[0].name, "Hans M\u00fcller");
  EXPECT_EQ(p.people[0].connected_on, Day(2024, 3, 15));
  EXPECT_EQ(p.people[1].org, "Firma; mit Semikolon");
  EXPECT_EQ(p.people[1].connected_on, Day(2024, 2, 1)) << "15/03 shows the file is day-first";
}

TEST(LinkedInCsv, ReadsATranslatedHeaderByColumnName) {
  ParsedPeople p = ParseOk(ReadFile(kData + "linkedin_french_header.csv"));
  ASSERT_EQ(p.people.size(), 1u);
  EXPECT_EQ(p.people[0].name, "\u00c9mile Zola");
  EXPECT_EQ(p.people[0].email, "emile@example.fr");
  EXPECT_EQ(p.people[0].org, "Les \u00c9ditions");
  EXPECT_EQ(p.people[0].title, "\u00c9crivain");
  EXPECT_EQ(p.people[0].connected_on, Day(2024, 4, 3)) << "non-English headers read day-first";
}

TEST(LinkedInCsv, ReadsColumnsInAnyOrder) {
  ParsedPeople p = ParseOk(
      "Connected On,Company,Last Name,First Name\n"
      "2024-01-02,Acme,Doe,Jane\n");
  ASSERT_EQ(p.people.size(), 1u);
  EXPECT_EQ(p.people[0].name, "Jane Doe");
  EXPECT_EQ(p.people[0].org, "Acme");
  EXPECT_EQ(p.people[0].connected_on, Day(2024, 1, 2));
}

TEST(LinkedInCsv, RefusesWindows1252WithAReasonThatSaysWhatToDo) {
  std::string m = ErrorOf(ReadFile(kData + "linkedin_windows1252.csv"));
  EXPECT_NE(m.find("not valid UTF-8"), std::string::npos) << m;
  EXPECT_NE(m.find("line 2"), std::string::npos) << m;
  EXPECT_NE(m.find("0xE9"), std::string::npos) << m;
  EXPECT_NE(m.find("Windows-1252"), std::string::npos) << m;
  EXPECT_NE(m.find("re-export"), std::string::npos) << m;
}

TEST(LinkedInCsv, RefusesFilesThatAreNotLinkedInExports) {
  std::string m = ErrorOf(ReadFile(kData + "linkedin_not_linkedin.csv"));
  EXPECT_NE(m.find("not a LinkedIn connections export"), std::string::npos) << m;
  EXPECT_NE(m.find("Connected On"), std::string::npos) << m;
  EXPECT_NE(ErrorOf("").find("empty"), std::string::npos);
  EXPECT_NE(ErrorOf("\r\n\r\n").find("empty"), std::string::npos);
  EXPECT_NE(ErrorOf("BEGIN:VCARD\nFN:x\nEND:VCARD\n").find("vCard"), std::string::npos);
  EXPECT_NE(ErrorOf("Name,E-mail 1 - Value\nx,y\n").find("Google"), std::string::npos);
  EXPECT_NE(ErrorOf(std::string("PK\x03\x04rest", 8)).find("workbook"), std::string::npos);
  // Only a first and last name is not enough: Google and Outlook have those.
  ErrorOf("First Name,Last Name,E-mail Address\nJane,Doe,jane@example.com\n");
}

TEST(LinkedInCsv, RejectsBadRowsByLineAndKeepsTheRest) {
  ParsedPeople p = ParseOk(ReadFile(kData + "linkedin_bad_rows.csv"));
  ASSERT_EQ(p.people.size(), 2u);
  EXPECT_EQ(p.people[0].name, "Good Row");
  EXPECT_EQ(p.people[1].name, "Last Good");
  EXPECT_EQ(p.people[1].connected_on, Day(2024, 2, 29));
  ASSERT_EQ(p.rejected.size(), 3u);
  EXPECT_EQ(p.rejected[0].line, 3);
  EXPECT_NE(p.rejected[0].reason.find("7 cells but the header has 6"), std::string::npos)
      << p.rejected[0].reason;
  EXPECT_EQ(p.rejected[1].line, 4);
  EXPECT_NE(p.rejected[1].reason.find("'32 Foo 2024'"), std::string::npos) << p.rejected[1].reason;
  EXPECT_EQ(p.rejected[2].line, 6);
  EXPECT_NE(p.rejected[2].reason.find("never closes"), std::string::npos) << p.rejected[2].reason;
  for (const RowIssue& r : p.rejected) {
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(r.reason[0]))) << r.reason;
    EXPECT_EQ(r.reason.find('\n'), std::string::npos) << r.reason;
  }
}

TEST(LinkedInCsv, ReadsTheDateFormatsSeenInExports) {
  const std::string header = "First Name,Last Name,Email Address,Company,Position,Connected On\n";
  struct Case {
    const char* cell;
    Instant want;
  } cases[] = {
      {"15 Mar 2024", Day(2024, 3, 15)},      {"\"1/8/18, 6:14 PM\"", Day(2018, 1, 8)},
      {"2024-03-15", Day(2024, 3, 15)},       {"05 Sept 2019", Day(2019, 9, 5)},
      {"\"March 4, 2021\"", Day(2021, 3, 4)}, {"4-Mar-21", Day(2021, 3, 4)},
      {"15.03.2024", Day(2024, 3, 15)},       {"2024-03-15T10:00:00Z", Day(2024, 3, 15)},
  };
  for (const Case& c : cases) {
    ParsedPeople p = ParseOk(header + "A,B,,,," + c.cell + "\n");
    ASSERT_EQ(p.people.size(), 1u) << c.cell;
    EXPECT_EQ(p.people[0].connected_on, c.want) << c.cell;
  }
  ParsedPeople none = ParseOk(header + "A,B,,,,\n");
  ASSERT_EQ(none.people.size(), 1u);
  EXPECT_FALSE(none.people[0].connected_on);
  for (const char* bad : {"yesterday", "31 Feb 2024", "13/13/2020", "2024-13-01"}) {
    ParsedPeople p = ParseOk(header + "A,B,,,," + bad + "\n");
    EXPECT_TRUE(p.people.empty()) << bad;
    ASSERT_EQ(p.rejected.size(), 1u) << bad;
    EXPECT_EQ(p.rejected[0].line, 2);
  }
}

TEST(LinkedInCsv, NumericDatesThatContradictTheFilesOrderAreRejected) {
  ParsedPeople p = ParseOk(
      "First Name,Last Name,Email Address,Company,Position,Connected On\n"
      "A,One,,,,12/25/2020\n"
      "B,Two,,,,25/12/2020\n"
      "C,Three,,,,1/2/2021\n");
  // One row says month-first and another day-first: the English header's
  // month-first reading wins and the row it cannot read is rejected.
  ASSERT_EQ(p.people.size(), 2u);
  EXPECT_EQ(p.people[0].connected_on, Day(2020, 12, 25));
  EXPECT_EQ(p.people[1].name, "C Three");
  EXPECT_EQ(p.people[1].connected_on, Day(2021, 1, 2));
  ASSERT_EQ(p.rejected.size(), 1u);
  EXPECT_EQ(p.rejected[0].line, 3);
}

TEST(LinkedInCsv, ToleratesCrOnlyLineEndsTabsAndBlankLines) {
  ParsedPeople cr = ParseOk(
      "First Name,Last Name,Email Address,Company,Position,Connected On\r"
      "A,B,a@example.com,,,15 Mar 2024\r\r"
      "C,D,,,,15 Mar 2024\r");
  ASSERT_EQ(cr.people.size(), 2u);
  EXPECT_EQ(cr.people[1].line, 4);
  ParsedPeople tab = ParseOk(
      "First Name\tLast Name\tEmail Address\tCompany\tPosition\tConnected On\n"
      "A\tB\t\tAcme, Inc.\t\t15 Mar 2024\n");
  ASSERT_EQ(tab.people.size(), 1u);
  EXPECT_EQ(tab.people[0].org, "Acme, Inc.");
}

TEST(LinkedInCsv, ReadsUtf16FromUnicodeTextExports) {
  std::string utf8 =
      "First Name\tLast Name\tEmail Address\tCompany\tPosition\tConnected On\r\n"
      "Zo\xC3\xAB\tB\t\t\t\t15 Mar 2024\r\n";
  std::string utf16 = "\xFF\xFE";
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC3) {  // the only non-ASCII character here is U+00EB
      utf16 += '\xEB';
      utf16 += '\0';
      ++i;
      continue;
    }
    utf16 += static_cast<char>(c);
    utf16 += '\0';
  }
  ParsedPeople p = ParseOk(utf16);
  ASSERT_EQ(p.people.size(), 1u);
  EXPECT_EQ(p.people[0].name, "Zo\u00eb B");
}

TEST(LinkedInCsv, ReadsTheReal2025Export) {
  std::string path = kFixtures + "linkedin/li_2025_notes_url_onerow_tombarr.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared fixtures are not beside the checkout";
  ParsedPeople p = ParseOk(ReadFile(path));
  ASSERT_EQ(p.people.size(), 1u);
  EXPECT_TRUE(p.rejected.empty());
  EXPECT_TRUE(p.skipped.empty());
  EXPECT_EQ(p.people[0].line, 5);
  EXPECT_EQ(p.people[0].name, "Alex Rohrberg");
  EXPECT_EQ(p.people[0].linkedin, "https://www.linkedin.com/in/alexrohrberg");
  EXPECT_EQ(p.people[0].org, "Schneider Electric");
  EXPECT_EQ(p.people[0].title, "Software Engineer");
  EXPECT_FALSE(p.people[0].email);
  EXPECT_EQ(p.people[0].connected_on, Day(2025, 12, 22));
}

// An export of `rows` connections, as LinkedIn writes it.
std::string ManyConnections(int rows) {
  std::string data =
      "Notes:\n\"A preamble, as LinkedIn writes.\"\n\n"
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  data.reserve(static_cast<size_t>(rows) * 160 + 200);
  for (int i = 0; i < rows; ++i) {
    data += "Firstname";
    data += std::to_string(i);
    data += ",\"Lastname, PhD\",https://www.linkedin.com/in/someone-";
    data += std::to_string(i);
    data += ",person";
    data += std::to_string(i);
    data += "@example.com,Example Company International,Senior Software Engineer,15 Mar 2024\n";
  }
  return data;
}

// The fastest of three parses of `data`, in microseconds.
long long ParseMicros(const std::string& data, size_t expected_rows) {
  long long best = -1;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    auto r = ParseLinkedInCsv(data);
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    EXPECT_TRUE(r.ok());
    if (r.ok()) {
      EXPECT_EQ(r->people.size(), expected_rows);
    }
    if (best < 0 || us < best) best = us;
  }
  return best;
}

// "Quickly" as a test can hold it on any machine, with or without
// sanitizers: the time grows with the rows, not faster. Ten times the rows
// may take at most 25 times as long (a parser that rescans what it read,
// quadratic, takes about 100 times); the absolute time is docs/performance.md's
// (bench/).
TEST(LinkedInCsv, ParsesThreeHundredThousandRowsInLinearTime) {
  const std::string small = ManyConnections(30'000);
  const std::string large = ManyConnections(300'000);
  auto r = ParseLinkedInCsv(large);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->people.size(), 300'000u);
  EXPECT_EQ(r->people.back().line, 300'004);
  EXPECT_EQ(r->people.back().name, "Firstname299999 Lastname, PhD");
  const long long t_small = ParseMicros(small, 30'000);
  const long long t_large = ParseMicros(large, 300'000);
  RecordProperty("parse_30000_us", static_cast<int>(t_small));
  RecordProperty("parse_300000_us", static_cast<int>(t_large));
  // 2 ms of slack for a small parse too quick to time well.
  EXPECT_LE(t_large, 25 * t_small + 2'000)
      << "30,000 rows in " << t_small << " us, 300,000 in " << t_large << " us";
}

}  // namespace
}  // namespace rapport
