#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rapport/formats/people.h"
#include "support/files.h"

namespace rapport {
namespace {

const std::string kData = testing::kTestData + "formats/";
using testing::kFixtures;

std::string ReadFile(const std::string& path) {
  std::string data = testing::Slurp(path);
  EXPECT_FALSE(data.empty()) << "cannot read " << path;
  return data;
}

ParsedPeople ParseOk(std::string_view data) {
  auto r = ParseGoogleCsv(data);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
  return r.ok() ? std::move(r).value() : ParsedPeople{};
}

std::vector<std::string> Values(const std::vector<ContactPoint>& points) {
  std::vector<std::string> out;
  for (const auto& p : points) out.push_back(p.value);
  return out;
}

std::vector<std::string> V(std::initializer_list<const char*> items) {
  return std::vector<std::string>(items.begin(), items.end());
}

TEST(GoogleCsv, ReadsTheOldExport) {
  ParsedPeople p = ParseOk(ReadFile(kData + "google_old.csv"));
  ASSERT_EQ(p.people.size(), 2u);
  EXPECT_TRUE(p.rejected.empty());
  const ImportedPerson& ada = p.people[0];
  EXPECT_EQ(ada.line, 2);
  EXPECT_EQ(ada.name, "Ada Lovelace");
  EXPECT_EQ(ada.email, "ada@work.example");  // "* Work" marks the primary
  EXPECT_EQ(Values(ada.other_emails), V({"ada@home.example", "ada@old.example"}));
  EXPECT_EQ(ada.phone, "+44 20 7946 0000");
  EXPECT_EQ(ada.location, "London");
  EXPECT_EQ(ada.org, "Analytical Engines");
  EXPECT_EQ(ada.title, "Programmer");
  EXPECT_EQ(ada.linkedin, "https://www.linkedin.com/in/ada");
  EXPECT_EQ(ada.note, "Met at PyCon.\nFollow up.");
  EXPECT_EQ(ada.categories, V({"Mentors", "Starred"}));
  // Notes and the formatted address each span two lines.
  EXPECT_EQ(p.people[1].line, 5);
  EXPECT_EQ(p.people[1].name, "Charles Babbage");  // no Name: built from the parts
  EXPECT_TRUE(p.people[1].categories.empty());
  ASSERT_EQ(p.skipped.size(), 1u);
  EXPECT_EQ(p.skipped[0].line, 6);
}

TEST(GoogleCsv, ReadsTheNewExport) {
  ParsedPeople p = ParseOk(ReadFile(kData + "google_new.csv"));
  ASSERT_EQ(p.people.size(), 3u);
  EXPECT_TRUE(p.rejected.empty());
  EXPECT_TRUE(p.skipped.empty());
  EXPECT_EQ(p.people[0].name, "Jo\u00e3o Silva");
  EXPECT_EQ(p.people[0].email, "joao@example.com");
  EXPECT_EQ(p.people[0].categories, V({"Governo", "MIPIM 2026 contacts"}));
  const ImportedPerson& m = p.people[1];
  EXPECT_EQ(m.name, "Dr. Maria de la Cruz");
  EXPECT_EQ(m.org, "Hospital, Central");
  EXPECT_EQ(m.title, "Surgeon");
  EXPECT_EQ(m.phone, "+55 11 3333-4444");
  EXPECT_EQ(Values(m.other_phones), V({"(11) 98765-4321"}));
  EXPECT_EQ(m.location, "S\u00e3o Paulo, SP");
  EXPECT_EQ(m.linkedin, "https://br.linkedin.com/in/mariacruz");
  EXPECT_EQ(p.people[2].name, "");
  EXPECT_EQ(p.people[2].org, "Acme Corp");
  EXPECT_EQ(p.people[2].categories, V({"Suppliers"}));
}

TEST(GoogleCsv, ReadsTheRealOldFormatFile) {
  std::string path = kFixtures + "google_csv/google_old_format_generated_mtrazzi.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared fixtures are not beside the checkout";
  ParsedPeople p = ParseOk(ReadFile(path));
  ASSERT_EQ(p.people.size(), 3u);
  EXPECT_TRUE(p.rejected.empty());
  EXPECT_EQ(p.people[0].name, "Richard Feynman");
  EXPECT_EQ(p.people[0].email, "rich@caltech.edu");
  EXPECT_EQ(p.people[1].name, "");
  EXPECT_EQ(p.people[1].email, "iforgotthisguysnamebutihavehisemail@gmail.com");
  EXPECT_EQ(p.people[2].name, "Elon Musk");
  EXPECT_EQ(p.people[2].line, 4);
}

TEST(GoogleCsv, RefusesOtherFiles) {
  auto error = [](std::string_view data) {
    auto r = ParseGoogleCsv(data);
    EXPECT_FALSE(r.ok());
    if (r.ok()) return std::string();
    const std::string& m = r.error().message();
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(m[0]))) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    return m;
  };
  EXPECT_NE(error("").find("empty"), std::string::npos);
  EXPECT_NE(error("a,b\n1,2\n").find("not a Google Contacts CSV"), std::string::npos);
  EXPECT_NE(error("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
                .find("LinkedIn"),
            std::string::npos);
  EXPECT_NE(error("BEGIN:VCARD\r\nEND:VCARD\r\n").find("vCard"), std::string::npos);
  EXPECT_NE(error("Name,Given Name,E-mail 1 - Value\nRen\xE9,Ren\xE9,\n").find("UTF-8"),
            std::string::npos);
}

TEST(GoogleCsv, RejectsRowsWithTooManyCells) {
  ParsedPeople p = ParseOk(
      "First Name,Last Name,E-mail 1 - Value\n"
      "Jane,Doe,jane@example.com\n"
      "John,Doe, Jr.,john@example.com\n"
      "Short\n");
  ASSERT_EQ(p.people.size(), 2u);
  EXPECT_EQ(p.people[1].name, "Short");  // missing trailing cells are empty
  ASSERT_EQ(p.rejected.size(), 1u);
  EXPECT_EQ(p.rejected[0].line, 3);
}

}  // namespace
}  // namespace rapport
