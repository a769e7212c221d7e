#include "rapport/formats/csv.h"

#include <gtest/gtest.h>

#include "rapport/formats/people.h"
#include "rapport/formats/text.h"

namespace rapport {
namespace {

using formats_internal::CsvReader;

std::vector<std::vector<std::string>> ReadAll(std::string_view data, char sep = ',') {
  std::vector<std::vector<std::string>> rows;
  CsvReader r(data, sep);
  while (r.Next()) rows.emplace_back(r.fields().begin(), r.fields().end());
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, ReadsRfc4180) {
  EXPECT_EQ(ReadAll("a,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n"),
            (Rows{{"a", "b", "c"}, {"1", "x,y", "say \"hi\""}}));
  EXPECT_EQ(ReadAll("a,\"two\nlines\",c\nd,e,f"),
            (Rows{{"a", "two\nlines", "c"}, {"d", "e", "f"}}));
  EXPECT_EQ(ReadAll("a,,\n,"), (Rows{{"a", "", ""}, {"", ""}}));
  EXPECT_EQ(ReadAll("\"\"\"\"\"\"\r"), (Rows{{"\"\""}}));
  EXPECT_EQ(ReadAll("a;\"b;c\";d", ';'), (Rows{{"a", "b;c", "d"}}));
  EXPECT_EQ(ReadAll(""), Rows{});
}

TEST(CsvReader, IsLenientWhereSpreadsheetsAreSloppy) {
  EXPECT_EQ(ReadAll("ab\"c,d\n"), (Rows{{"ab\"c", "d"}}));
  EXPECT_EQ(ReadAll("\"Smith\" Jr,d\n"), (Rows{{"Smith Jr", "d"}}));
  CsvReader r("a,\"never closed\nx,y\n", ',');
  ASSERT_TRUE(r.Next());
  EXPECT_TRUE(r.unterminated());
  EXPECT_EQ(r.fields().size(), 2u);
  EXPECT_FALSE(r.Next());
}

TEST(CsvReader, CountsPhysicalLines) {
  CsvReader r("h\r\n\"a\r\nb\"\n\nc\rd\n\"x\"\"\ny\"\nlast", ',');
  std::vector<int> lines;
  while (r.Next()) lines.push_back(r.line());
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 4, 5, 6, 7, 9}));
}

TEST(CsvRow, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvRow({"a", "b c", ""}), "a,b c,\r\n");
  EXPECT_EQ(CsvRow({"x,y", "say \"hi\"", "two\nlines", "cr\r"}),
            "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\r\n");
  EXPECT_EQ(CsvRow({}), "\r\n");
  EXPECT_EQ(CsvRow({""}), "\"\"\r\n");
  EXPECT_EQ(CsvRow({"Zo\u00eb", "\u6771\u4eac"}), "Zo\u00eb,\u6771\u4eac\r\n");
}

TEST(CsvRow, ReadsBackThroughTheReader) {
  std::vector<std::string> fields = {"plain", "com,ma", "quo\"te", "new\r\nline", "", " pad "};
  std::string row = CsvRow(fields);
  CsvReader r(row, ',');
  ASSERT_TRUE(r.Next());
  EXPECT_EQ(std::vector<std::string>(r.fields().begin(), r.fields().end()), fields);
  EXPECT_FALSE(r.Next());
}

TEST(Utf8, FindsIllFormedSequences) {
  using formats_internal::FindInvalidUtf8;
  constexpr auto npos = std::string_view::npos;
  EXPECT_EQ(FindInvalidUtf8("plain ascii that is long enough"), npos);
  EXPECT_EQ(FindInvalidUtf8("\u00e9\u6771\U0001F680"), npos);
  EXPECT_EQ(FindInvalidUtf8("abc\xE9"), 3u);              // Windows-1252 é
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);             // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);         // a surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);     // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("0123456789\xE2\x82"), 10u);  // cut short
  EXPECT_EQ(formats_internal::SanitizeUtf8("a\x80z"), "a\uFFFDz");
  EXPECT_EQ(formats_internal::Windows1252ToUtf8("\x93"
                                                "Caf\xE9\x94 \x80"),
            "\u201CCaf\u00e9\u201D \u20AC");
}

}  // namespace
}  // namespace rapport
