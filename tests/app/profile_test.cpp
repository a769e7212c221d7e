// The profile: [profile] in config.toml, `SetProfileValue`'s edits of the
// file, and the networking sheet built from them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "rapport/app/app.h"
#include "rapport/store/database.h"
#include "support/files.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Slurp;
using testing::TempDir;

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> Files(const TempDir& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(ProfileConfig, ReadsTheProfileTable) {
  TempDir dir;
  const std::string path = dir.File("config.toml");
  Write(path, R"([user]
name = "Sam Rivera"
email = "sam@example.org"
phone = "+1 555 0100"

[profile]
headline = "Statistics graduate moving into UX research"
location = "Portland, Oregon"
linkedin = "https://linkedin.com/in/samrivera"
summary = """
I'm learning how **research** teams work.
Second line."""
achievements = [
  "Ran a survey",
  "Taught a course",
]
targets = ["Fjord Labs", "TriMet"]
)");
  auto cfg = LoadConfig(path);
  ASSERT_TRUE(cfg.ok()) << cfg.error().message();
  EXPECT_EQ(cfg->user_name, "Sam Rivera");
  EXPECT_EQ(cfg->profile.headline, "Statistics graduate moving into UX research");
  EXPECT_EQ(cfg->profile.location, "Portland, Oregon");
  EXPECT_EQ(cfg->profile.linkedin, "https://linkedin.com/in/samrivera");
  EXPECT_EQ(cfg->profile.summary, "I'm learning how **research** teams work.\nSecond line.");
  EXPECT_EQ(cfg->profile.achievements,
            (std::vector<std::string>{"Ran a survey", "Taught a course"}));
  EXPECT_EQ(cfg->profile.targets, (std::vector<std::string>{"Fjord Labs", "TriMet"}));
}

TEST(ProfileConfig, RefusesUnknownKeysAndWrongTypesWithTheLine) {
  TempDir dir;
  const std::string path = dir.File("config.toml");
  auto error = [&](const std::string& text) {
    Write(path, text);
    auto cfg = LoadConfig(path);
    EXPECT_FALSE(cfg.ok()) << text;
    return cfg.ok() ? std::string() : cfg.error().message();
  };
  EXPECT_EQ(error("[profile]\nheadline = \"x\"\nhobbies = \"chess\"\n"),
            path +
                ":3: unknown setting profile.hobbies (known: headline, location, linkedin, "
                "summary, achievements, targets)");
  EXPECT_EQ(
      error("[profile]\nachievements = \"one\"\n"),
      path + ":2: profile.achievements must be a list of quoted strings, like [\"one\", \"two\"]");
  EXPECT_EQ(error("\n[profile]\ntargets = [\"A\", 2]\n"),
            path + ":3: profile.targets must be a list of quoted strings, like [\"one\", \"two\"]");
  EXPECT_EQ(error("[profile]\nheadline = 3\n"),
            path + ":2: profile.headline must be a quoted string");
  EXPECT_EQ(error("profile = \"me\"\n"), path + ":1: profile must be a section: [profile]");
  EXPECT_THAT(error("[profil]\n"), HasSubstr("(known: [user], [profile], [smtp], [playbook])"));
}

class SetProfile : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string path_ = dir_.File("config.toml");
  std::string Text() const { return Slurp(path_); }
  Config Load() const {
    auto cfg = LoadConfig(path_);
    EXPECT_TRUE(cfg.ok()) << cfg.error().message();
    return cfg.ok() ? *cfg : Config{};
  }
};

TEST_F(SetProfile, CreatesTheFolderAndTheFile) {
  const std::string path = dir_.File("new/rapport/config.toml");
  ASSERT_TRUE(SetProfileValue(path, "name", {"Sam Rivera"}).ok());
  ASSERT_TRUE(SetProfileValue(path, "headline", {"Moving into UX research"}).ok());
  EXPECT_EQ(Slurp(path),
            "[user]\nname = \"Sam Rivera\"\n\n[profile]\nheadline = \"Moving into UX research\"\n");
}

TEST_F(SetProfile, UpdatesInPlaceAndKeepsEveryOtherByte) {
  const std::string before = R"(# My Rapport settings
[user]
# how I sign
name   =   "Old Name"   # keep this comment
timezone = "Europe/Paris"

[playbook]
follow_up_days = 5 # a week is too long
)";
  Write(path_, before);
  ASSERT_TRUE(SetProfileValue(path_, "name", {"Sam Rivera"}).ok());
  std::string expected = before;
  expected.replace(expected.find("name   =   \"Old Name\""), 21, "name = \"Sam Rivera\"");
  EXPECT_EQ(Text(), expected);
  EXPECT_EQ(Load().playbook.follow_up_days, 5);
}

TEST_F(SetProfile, AddsAMissingKeyAtTheEndOfItsTable) {
  Write(
      path_,
      "[user]\nname = \"Sam\" # me\n# phone = \"later\"\n\n[smtp]\nhost = \"smtp.example.org\"\n");
  ASSERT_TRUE(SetProfileValue(path_, "email", {"sam@example.org"}).ok());
  EXPECT_EQ(
      Text(),
      "[user]\nname = \"Sam\" # me\nemail = \"sam@example.org\"\n# phone = \"later\"\n\n[smtp]\n"
      "host = \"smtp.example.org\"\n");
}

TEST_F(SetProfile, AddsTheTableAtTheEndOfTheFile) {
  Write(path_, "[user]\nname = \"Sam\"");  // no final newline
  ASSERT_TRUE(SetProfileValue(path_, "location", {"Lyon"}).ok());
  EXPECT_EQ(Text(), "[user]\nname = \"Sam\"\n\n[profile]\nlocation = \"Lyon\"\n");
}

TEST_F(SetProfile, WritesListsAndReplacesAMultiLineOne) {
  Write(path_,
        "[profile]\nachievements = [\n  \"old one\",  # first\n  \"old two\",\n] # end\nlocation = "
        "\"Lyon\"\n");
  ASSERT_TRUE(
      SetProfileValue(path_, "achievements", {"Ran a survey", " ", "Taught a course"}).ok());
  EXPECT_EQ(Text(),
            "[profile]\nachievements = [\"Ran a survey\", \"Taught a course\"] # end\nlocation = "
            "\"Lyon\"\n");
  ASSERT_TRUE(SetProfileValue(path_, "targets", {"Fjord Labs", "TriMet"}).ok());
  EXPECT_EQ(Load().profile.targets, (std::vector<std::string>{"Fjord Labs", "TriMet"}));
  ASSERT_TRUE(SetProfileValue(path_, "targets", {}).ok());  // cleared
  EXPECT_TRUE(Load().profile.targets.empty());
  EXPECT_THAT(Text(), HasSubstr("targets = []\n"));
}

TEST_F(SetProfile, RoundTripsQuotesBackslashesUnicodeAndNewlines) {
  const std::string name = "Zoë \"Zo\" Ågren-O'Brien \\ 李";
  const std::string summary =
      "Line one with a tab\tand \"quotes\".\nLine two: C:\\path, ünïcödé, 🙂.";
  ASSERT_TRUE(SetProfileValue(path_, "name", {name}).ok());
  ASSERT_TRUE(SetProfileValue(path_, "summary", {summary}).ok());
  ASSERT_TRUE(SetProfileValue(path_, "targets", {"A \"B\" C", "D\\E"}).ok());
  Config cfg = Load();
  EXPECT_EQ(cfg.user_name, name);
  EXPECT_EQ(cfg.profile.summary, summary);
  EXPECT_EQ(cfg.profile.targets, (std::vector<std::string>{"A \"B\" C", "D\\E"}));
  EXPECT_THAT(Text(), HasSubstr("name = \"Zoë \\\"Zo\\\" Ågren-O'Brien \\\\ 李\"\n"));
  // Setting a key whose line holds multi-byte text before it keeps the rest.
  ASSERT_TRUE(SetProfileValue(path_, "name", {"Sam"}).ok());
  EXPECT_EQ(Load().profile.summary, summary);
}

TEST_F(SetProfile, KeepsWindowsLineEndings) {
  Write(path_, "# settings\r\n[user]\r\nname = \"Sam\"\r\n");
  ASSERT_TRUE(SetProfileValue(path_, "email", {"sam@example.org"}).ok());
  ASSERT_TRUE(SetProfileValue(path_, "headline", {"Hi"}).ok());
  EXPECT_EQ(Text(),
            "# settings\r\n[user]\r\nname = \"Sam\"\r\nemail = \"sam@example.org\"\r\n\r\n"
            "[profile]\r\nheadline = \"Hi\"\r\n");
}

TEST_F(SetProfile, EmptyClearsASingleValue) {
  Write(path_, "[profile]\nheadline = \"Hi\"\n");
  ASSERT_TRUE(SetProfileValue(path_, "headline", {""}).ok());
  EXPECT_EQ(Text(), "[profile]\nheadline = \"\"\n");
}

TEST_F(SetProfile, ErrorsChangeNothing) {
  const std::string before = "# mine\n[user]\nname = \"Sam\"\n";
  Write(path_, before);
  auto expect_error = [&](const std::string& key, const std::vector<std::string>& values,
                          const std::string& message) {
    auto s = SetProfileValue(path_, key, values);
    ASSERT_FALSE(s.ok()) << key;
    EXPECT_THAT(s.error().message(), HasSubstr(message));
    EXPECT_EQ(s.error().message().find('\n'), std::string::npos);
    EXPECT_EQ(Text(), before);
    EXPECT_EQ(Files(dir_), std::vector<std::string>{"config.toml"});  // no temporary left
  };
  expect_error("colour", {"blue"},
               "unknown profile key 'colour' (known: name, email, phone, intro, signature, "
               "headline, location, linkedin, summary, achievements, targets)");
  expect_error("intro", {"two\nlines"}, "intro");
  expect_error("signature", {std::string(301, 'x')}, "the signature is too long");
  expect_error("headlin", {"x"}, "did you mean 'headline'?");
  expect_error("headline", {"one", "two"}, "headline takes one value, not 2");
  expect_error("name", {}, "name takes one value, not 0");
  expect_error("email", {"not an address"}, "is not an email address");
  expect_error("phone", {"call me"}, "is not a phone number");
  expect_error("linkedin", {"ftp://example.org"}, "is not a web address");
  expect_error("headline", {"two\nlines"}, "headline must be a single line");
  expect_error("summary", {std::string(601, 'x')}, "summary is too long for one page");
  expect_error("targets", {"ok", "bad\xC3"}, "each of targets is not valid UTF-8");
}

TEST_F(SetProfile, RefusesToEditAFileItCannotRead) {
  const std::string before = "[user]\nname = \"Sam\n";  // unterminated string
  Write(path_, before);
  auto s = SetProfileValue(path_, "email", {"sam@example.org"});
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message(), HasSubstr(path_ + ":2:"));
  EXPECT_EQ(Text(), before);
  // A file that parses but breaks LoadConfig's rules is refused too.
  const std::string unknown = "[user]\nname = \"Sam\"\nnickname = \"S\"\n";
  Write(path_, unknown);
  s = SetProfileValue(path_, "email", {"sam@example.org"});
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message(), HasSubstr(path_ + ":3: unknown setting user.nickname"));
  EXPECT_EQ(Text(), unknown);
}

TEST_F(SetProfile, RefusesWhatItCannotEditSafely) {
  const std::string before = "user = { name = \"Sam\" }\n";
  Write(path_, before);
  auto s = SetProfileValue(path_, "email", {"sam@example.org"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(Text(), before);
  // ... but replacing a key inside an inline table works.
  ASSERT_TRUE(SetProfileValue(path_, "name", {"Sam Rivera"}).ok());
  EXPECT_EQ(Text(), "user = { name = \"Sam Rivera\" }\n");
}

TEST_F(SetProfile, EditsTheTargetOfALinkAndKeepsTheLink) {
  const std::string real = dir_.File("dotfiles.toml");
  Write(real, "[user]\nname = \"Sam\"\n");
  std::filesystem::create_symlink(real, path_);
  ASSERT_TRUE(SetProfileValue(path_, "name", {"Sam Rivera"}).ok());
  EXPECT_TRUE(std::filesystem::is_symlink(path_));
  EXPECT_EQ(Slurp(real), "[user]\nname = \"Sam Rivera\"\n");
}

TEST(ProfileKeysTest, ListTheKeysInTheirTables) {
  std::vector<std::string> names;
  for (const auto& k : ProfileKeys()) {
    names.push_back(std::string(k.key));
    EXPECT_FALSE(k.description.empty());
    EXPECT_EQ(k.table,
              (k.key == "name" || k.key == "email" || k.key == "phone" || k.key == "intro" ||
               k.key == "signature")
                  ? "user"
                  : "profile");
    EXPECT_EQ(k.list, k.key == "achievements" || k.key == "targets");
  }
  EXPECT_EQ(names, (std::vector<std::string>{"name", "email", "phone", "intro", "signature",
                                             "headline", "location", "linkedin", "summary",
                                             "achievements", "targets"}));
}

class SheetApp : public ::testing::Test {
 protected:
  void Open(Config cfg) {
    auto db = OpenSqlite(dir_.File("rapport.db"));
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    cfg.zone = "UTC";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
  }
  void AddPerson(const std::string& name, const std::string& org, bool targeted) {
    ContactFields f;
    f.name = name;
    if (!org.empty()) f.org = org;
    ASSERT_TRUE(app_->records().AddContact(f).ok());
    if (targeted) {
      EventInput e;
      e.kind = EventKind::kTargeted;
      e.contact = name;
      auto r = app_->pipeline().Record(e);
      ASSERT_TRUE(r.ok()) << r.error().message();
    }
  }
  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
};

TEST_F(SheetApp, NeedsAName) {
  Open(Config{});
  auto r = app_->data().Sheet();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(r.error().message(), HasSubstr("the sheet needs your name"));
  EXPECT_EQ(r.error().field(), "name");
}

TEST_F(SheetApp, UsesTheProfile) {
  Config cfg;
  cfg.user_name = "Sam Rivera";
  cfg.user_email = "sam@example.org";
  cfg.user_phone = "+1 555 0100";
  cfg.profile.headline = "Moving into UX research";
  cfg.profile.location = "Lyon";
  cfg.profile.linkedin = "https://linkedin.com/in/sam";
  cfg.profile.summary = "Learning about *research*.";
  cfg.profile.achievements = {"Ran a survey"};
  cfg.profile.targets = {"Zeta Corp", "Alpha Inc"};
  Open(cfg);
  AddPerson("Ada Lovelace", "Analytical Engines", true);
  auto r = app_->data().Sheet();
  ASSERT_TRUE(r.ok()) << r.error().message();
  for (const char* s : {"Sam Rivera", "sam@example.org", "+1 555 0100", "Moving into UX research",
                        "Lyon", "linkedin.com/in/sam", "<em>research</em>", "Ran a survey"}) {
    EXPECT_THAT(*r, HasSubstr(s));
  }
  // The profile's targets, in the user's order; the pipeline is not consulted.
  EXPECT_THAT(*r, HasSubstr("<li>Zeta Corp</li>\n<li>Alpha Inc</li>"));
  EXPECT_THAT(*r, Not(HasSubstr("Analytical Engines")));
}

TEST_F(SheetApp, WithoutTargetsListsTheOrganizationsInThePipeline) {
  Config cfg;
  cfg.user_name = "Sam Rivera";
  Open(cfg);
  AddPerson("Ada Lovelace", "Analytical Engines", true);
  AddPerson("Charles Babbage", "analytical engines", true);  // the same organization
  AddPerson("Grace Hopper", "navy labs", true);
  AddPerson("Alan Turing", "Bletchley Park", false);  // not in the pipeline
  AddPerson("Nobody Atall", "", true);                // no organization
  auto r = app_->data().Sheet();
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_THAT(*r, HasSubstr("<li>Analytical Engines</li>\n<li>navy labs</li>\n</ul>"));
  EXPECT_THAT(*r, Not(HasSubstr("Bletchley")));
}

TEST_F(SheetApp, WithNoTargetsAtAllLeavesTheSectionOut) {
  Config cfg;
  cfg.user_name = "Sam Rivera";
  Open(cfg);
  auto r = app_->data().Sheet();
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_THAT(*r, Not(HasSubstr("class=\"targets\"")));
}

}  // namespace
}  // namespace rapport
