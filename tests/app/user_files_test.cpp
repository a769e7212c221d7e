// What a composition root passes in beside the database and the clock: the
// user's files (known words, template overrides) over a folder, the speller
// (opened on the first lint only), and the system's zone found by config
// loading, not by model/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "rapport/app/app.h"
#include "rapport/store/database.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TEST(DirectoryUserFiles, ReadsTheWordListWithoutBlankLinesOrComments) {
  TempDir dir;
  DirectoryUserFiles files(dir.path().string());
  EXPECT_TRUE(files.KnownWords().empty());  // no list: none
  Write(dir.File("words.txt"), "# my words\nZorblax\n\nNgozi Okonjo-Iweala\n");
  EXPECT_EQ(files.KnownWords(), (std::vector<std::string>{"Zorblax", "Ngozi Okonjo-Iweala"}));
}

TEST(DirectoryUserFiles, ReadsATemplateByNameAndNothingOutsideItsFolder) {
  TempDir dir;
  DirectoryUserFiles files(dir.path().string());
  EXPECT_EQ(files.TemplateOverride("touch"), std::nullopt);
  Write(dir.File("templates/touch.mustache"), "Subject: Hello\nMine.\n");
  EXPECT_EQ(files.TemplateOverride("touch"), "Subject: Hello\nMine.\n");
  Write(dir.File("secret.mustache"), "Subject: no\n");
  EXPECT_EQ(files.TemplateOverride("../secret"), std::nullopt);
  EXPECT_EQ(files.TemplateOverride(".hidden"), std::nullopt);
  EXPECT_EQ(files.TemplateOverride(""), std::nullopt);
}

// A speller that knows a few words (the fixture counts how often one is opened).
class ListSpeller final : public Speller {
 public:
  bool Correct(std::string_view word) const override {
    for (const char* w : {"Hi", "I", "loved", "the", "talk", "Thanks"}) {
      if (word == w) return true;
    }
    return false;
  }
  std::vector<std::string> Suggest(std::string_view) const override { return {}; }
};

class UserFilesApp : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenSqlite(dir_.File("rapport.db"));
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    cfg_.zone = "UTC";
    cfg_.user_name = "Sam";
  }
  // An App over the folder `config/`, with ListSpeller.
  std::unique_ptr<App> MakeApp() {
    AppServices services;
    services.user_files = &files_;
    services.open_speller = [this]() -> Result<std::unique_ptr<Speller>> {
      ++opened_;
      return std::unique_ptr<Speller>(std::make_unique<ListSpeller>());
    };
    return std::make_unique<App>(*db_, clock_, cfg_, 1, std::move(services));
  }
  static bool Flags(const std::vector<Finding>& findings, const std::string& rule) {
    for (const auto& f : findings) {
      if (f.rule == rule) return true;
    }
    return false;
  }

  TempDir dir_;
  DirectoryUserFiles files_{dir_.File("config")};
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  Config cfg_;
  std::unique_ptr<Database> db_;
  int opened_ = 0;
};

TEST_F(UserFilesApp, TheSpellerIsOpenedOnTheFirstLintOnly) {
  auto app = MakeApp();
  ContactFields f;
  f.name = "Zoe Agren";
  ASSERT_TRUE(app->records().AddContact(f).ok());
  ASSERT_TRUE(app->messaging().DraftMessage({.kind = "touch", .contact = "Zoe"}).ok());
  EXPECT_EQ(opened_, 0);  // a draft alone needs no dictionary
  ASSERT_TRUE(app->messaging().Lint("Hi Zoe, thanks.", MessageKind::kTouch).ok());
  ASSERT_TRUE(app->messaging().Lint("Hi again.", MessageKind::kTouch).ok());
  EXPECT_EQ(opened_, 1);
}

TEST_F(UserFilesApp, ASpellerThatCannotOpenIsTheLintsError) {
  AppServices services;
  services.open_speller = []() -> Result<std::unique_ptr<Speller>> {
    return Error::Io("no dictionary here");
  };
  App app(*db_, clock_, cfg_, 1, std::move(services));
  auto r = app.messaging().Lint("Hi.", MessageKind::kTouch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message(), "no dictionary here");
}

TEST_F(UserFilesApp, TheUsersKnownWordsAreNotSpellingMistakes) {
  auto app = MakeApp();
  const std::string text = "Hi,\n\nI loved the zorblax talk.\n\nThanks";
  auto before = app->messaging().Lint(text, MessageKind::kTouch);
  ASSERT_TRUE(before.ok()) << before.error().message();
  EXPECT_TRUE(Flags(*before, "spelling"));
  Write(dir_.File("config/words.txt"), "# words I use\nzorblax\n");
  auto after = app->messaging().Lint(text, MessageKind::kTouch);
  ASSERT_TRUE(after.ok()) << after.error().message();
  EXPECT_FALSE(Flags(*after, "spelling"));
}

// The log reaches the linter: a no that stands, and how long since they
// last heard from the seeker (issue 19).
TEST_F(UserFilesApp, TheLintReadsTheContactsLog) {
  auto app = MakeApp();
  ContactFields f;
  f.name = "Zoe Agren";
  auto zoe = app->records().AddContact(f);
  ASSERT_TRUE(zoe.ok()) << zoe.error().message();
  const std::string ask = "Hi Zoe,\n\nWould you have 20 minutes for a call next week?\n\nThanks";
  auto fresh = app->messaging().Lint(ask, MessageKind::kFollowUp, zoe->contact.id);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message();
  EXPECT_FALSE(Flags(*fresh, "already-declined"));
  EXPECT_FALSE(Flags(*fresh, "long-silence"));

  EventInput sent{.kind = EventKind::kRequestSent, .contact = "Zoe", .at = "2025-01-06T09:00Z"};
  ASSERT_TRUE(app->pipeline().Record(sent).ok());
  EventInput no{.kind = EventKind::kRepliedNo, .contact = "Zoe", .at = "2025-01-08T09:00Z"};
  ASSERT_TRUE(app->pipeline().Record(no).ok());
  auto after_no = app->messaging().Lint(ask, MessageKind::kFollowUp, zoe->contact.id);
  ASSERT_TRUE(after_no.ok()) << after_no.error().message();
  EXPECT_TRUE(Flags(*after_no, "already-declined"));
  EXPECT_TRUE(Flags(*after_no, "long-silence"));  // 14 months before the clock's 2026-03-10
  // Without `about`, the linter knows no log.
  auto anonymous = app->messaging().Lint(ask, MessageKind::kFollowUp);
  ASSERT_TRUE(anonymous.ok());
  EXPECT_FALSE(Flags(*anonymous, "already-declined"));

  EventInput yes{.kind = EventKind::kRepliedYes, .contact = "Zoe", .at = "2026-03-01T09:00Z"};
  ASSERT_TRUE(app->pipeline().Record(yes).ok());
  auto after_yes = app->messaging().Lint(ask, MessageKind::kFollowUp, zoe->contact.id);
  ASSERT_TRUE(after_yes.ok()) << after_yes.error().message();
  EXPECT_FALSE(Flags(*after_yes, "already-declined"));
  EXPECT_FALSE(Flags(*after_yes, "long-silence"));
}

TEST_F(UserFilesApp, TheProfilesWordsAreNotSpellingMistakes) {
  cfg_.profile.headline = "Zorblax analyst";
  auto app = MakeApp();
  auto r = app->messaging().Lint("Hi,\n\nI loved the zorblax talk.\n\nThanks", MessageKind::kTouch);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_FALSE(Flags(*r, "spelling"));
}

TEST_F(UserFilesApp, TheUsersTemplateReplacesTheBuiltIn) {
  auto app = MakeApp();
  ContactFields f;
  f.name = "Zoe Agren";
  ASSERT_TRUE(app->records().AddContact(f).ok());
  auto builtin = app->messaging().DraftMessage({.kind = "touch", .contact = "Zoe"});
  ASSERT_TRUE(builtin.ok()) << builtin.error().message();
  EXPECT_EQ(builtin->subject, "Thought of you");
  Write(dir_.File("config/templates/touch.mustache"),
        "Subject: News for {{first_name}}\nHello {{first_name}}, from {{my_name}}.\n");
  auto mine = app->messaging().DraftMessage({.kind = "touch", .contact = "Zoe"});
  ASSERT_TRUE(mine.ok()) << mine.error().message();
  EXPECT_EQ(mine->subject, "News for Zoe");
  EXPECT_EQ(mine->body, "Hello Zoe, from Sam.\n");
}

TEST_F(UserFilesApp, AnAppGivenNoFilesUsesTheBuiltInTemplates) {
  Write(dir_.File("config/templates/touch.mustache"), "Subject: Mine\nMine.\n");
  App app(*db_, clock_, cfg_);
  ContactFields f;
  f.name = "Zoe Agren";
  ASSERT_TRUE(app.records().AddContact(f).ok());
  auto d = app.messaging().DraftMessage({.kind = "touch", .contact = "Zoe"});
  ASSERT_TRUE(d.ok()) << d.error().message();
  EXPECT_EQ(d->subject, "Thought of you");
}

// Restores $TZ when the test ends.
class ScopedTz {
 public:
  explicit ScopedTz(const char* value) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    setenv("TZ", value, 1);
  }
  ~ScopedTz() {
    if (old_) {
      setenv("TZ", old_->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
  }

 private:
  std::optional<std::string> old_;
};

TEST(SystemZoneName, IsTzWhenItNamesAZoneAndTheSystemsOtherwise) {
  {
    ScopedTz tz("Asia/Tokyo");
    EXPECT_EQ(SystemZoneName(), "Asia/Tokyo");
  }
  {
    ScopedTz tz(":Europe/Paris");  // POSIX's leading colon
    EXPECT_EQ(SystemZoneName(), "Europe/Paris");
  }
  {
    ScopedTz tz("Nowhere/Atlantis");
    const std::string zone = SystemZoneName();
    EXPECT_NE(zone, "Nowhere/Atlantis");
    EXPECT_TRUE(IsKnownZone(zone)) << zone;
  }
}

TEST(SystemZoneName, IsWhatConfigLoadingDefaultsTo) {
  TempDir dir;
  ScopedTz tz("America/Chicago");
  Write(dir.File("config.toml"), "[user]\nname = \"Sam\"\n");
  auto cfg = LoadConfig(dir.File("config.toml"));
  ASSERT_TRUE(cfg.ok()) << cfg.error().message();
  EXPECT_EQ(cfg->zone, "America/Chicago");
  EXPECT_EQ(cfg->zone_origin, "system");
}

}  // namespace
}  // namespace rapport
