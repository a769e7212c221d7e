// What the everyday commands cost in SQL, at 1,000 and at 10,000 people
// (issue 18, item 7): the agenda and Today, one logged interaction, and a
// person's page must each run the same number of statements whatever the
// size of the network, and on SQLite touch about as many database pages.
// A query that walks every contact, or a lookup per item, fails here long
// before it shows as a slow command. Counts, not timings: a timed unit test
// would fail on a busy machine and pass a slow change on a fast one.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "rapport/app/app.h"
#include "rapport/store/store.h"
#include "support/counting_database.h"
#include "support/postgres.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::CountingDatabase;
using testing::TempDir;

struct Cost {
  int statements = 0;
  std::optional<std::int64_t> pages;  // SQLite only
  std::vector<std::pair<std::string, std::int64_t>> log;  // each statement's pages
};

class CostGuardTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  // A network of `people`: organizations of 20, everyone targeted a month
  // ago, two in three asked, one in three answered yes and one in six met,
  // so every stage (and an overdue agenda) is there.
  void Fill(Database& db, int people) {
    Store store(db, 1);
    Transaction tx(db);
    ASSERT_TRUE(tx.Begin().ok());
    const Instant now = clock_.Now();
    auto first_org = store.NextOrganizationId();
    ASSERT_TRUE(first_org.ok());
    std::vector<Organization> orgs;
    for (int i = 0; i < people / 20; ++i) {
      orgs.push_back({.id = *first_org + i, .name = "Org " + std::to_string(i)});
    }
    ASSERT_TRUE(store.InsertOrganizations(orgs, now).ok());
    auto first = store.NextContactId();
    ASSERT_TRUE(first.ok());
    std::vector<Contact> contacts;
    for (int i = 0; i < people; ++i) {
      Contact c;
      c.id = *first + i;
      c.name = "Person " + std::to_string(i);
      c.org_id = orgs[static_cast<size_t>(i / 20)].id;
      if (i % 2 == 0) c.email = "p" + std::to_string(i) + "@example.org";
      if (i % 5 == 0) c.other_phones = {{"+1 555 01" + std::to_string(i % 100), "work"}};
      c.degree = i % 3 == 0 ? Degree::kFirst : Degree::kCold;
      contacts.push_back(std::move(c));
    }
    ASSERT_TRUE(store.InsertContacts(contacts, now).ok());
    auto event = [&](Id who, EventKind kind, int days_ago) {
      Event e;
      e.contact_id = who;
      e.kind = kind;
      e.at = now - std::chrono::days{days_ago} - std::chrono::hours{who % 24};
      ASSERT_TRUE(store.AddEvent(e, now).ok());
    };
    for (int i = 0; i < people; ++i) {
      const Id who = *first + i;
      event(who, EventKind::kTargeted, 40);
      if (i % 3 != 2) event(who, EventKind::kRequestSent, 30);
      if (i % 3 == 0) event(who, EventKind::kRepliedYes, 25);
      if (i % 6 == 0) event(who, EventKind::kMeetingHeld, 20);
    }
    ASSERT_TRUE(db.SyncIds().ok());
    ASSERT_TRUE(tx.Commit().ok());
    Config cfg;
    cfg.zone = "UTC";
    App app(db, clock_, cfg);
    ASSERT_TRUE(app.pipeline().Reindex().ok());
    middle_ = *first + people / 2;
  }

  // What each everyday command costs on a network of `people`.
  std::map<std::string, Cost> Measure(int people) {
    TempDir dir;
    auto real = testing::OpenTestDatabase(GetParam(), dir);
    EXPECT_TRUE(real.ok()) << real.error().message();
    if (!real.ok()) return {};
    Fill(**real, people);
    CountingDatabase db(**real);
    Config cfg;
    cfg.zone = "UTC";
    App app(db, clock_, cfg);
    const std::string who = std::to_string(middle_);
    std::map<std::string, Cost> out;
    auto measure = [&](const std::string& name, auto&& run) {
      // Once to warm what a long-running server keeps (prepared
      // statements, the objective titles), then counted.
      run();
      db.Reset();
      const auto pages = db.PagesTouched();
      run();
      Cost c;
      c.statements = db.statements();
      if (pages) c.pages = *db.PagesTouched() - *pages;
      c.log = db.log();
      out[name] = c;
    };
    measure("agenda", [&] { EXPECT_TRUE(app.pipeline().GetAgenda(7, 20).ok()); });
    measure("today", [&] { EXPECT_TRUE(app.pipeline().GetAgenda(7, 50).ok()); });
    measure("write", [&] {
      EventInput touch;
      touch.kind = EventKind::kTouch;
      touch.contact = who;
      touch.body = "Sent the article we talked about";
      EXPECT_TRUE(app.pipeline().Record(touch).ok());
    });
    measure("person page", [&] {
      EXPECT_TRUE(app.records().ShowContact(who).ok());
      EXPECT_TRUE(app.pipeline().Timeline(who).ok());
      EXPECT_TRUE(app.learning().ListNotes(who, std::nullopt).ok());
    });
    return out;
  }

  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  Id middle_ = 0;
};
RAPPORT_ON_BOTH_ENGINES(CostGuardTest);

TEST_P(CostGuardTest, EverydayCommandsDoNotGrowWithTheNetwork) {
  const auto small = Measure(1'000);
  const auto large = Measure(10'000);
  ASSERT_EQ(small.size(), 4u);
  ASSERT_EQ(large.size(), 4u);
  std::printf("%-12s %22s %22s\n", "", "statements 1k / 10k", "pages 1k / 10k");
  for (const auto& [name, s] : small) {
    const Cost& l = large.at(name);
    std::printf("%-12s %10d / %-10d %10lld / %-10lld\n", name.c_str(), s.statements, l.statements,
                static_cast<long long>(s.pages.value_or(-1)),
                static_cast<long long>(l.pages.value_or(-1)));
    // The same statements for ten times the people: nothing runs once per
    // contact or per item. (A write may cost one more or less as the
    // planner's cache row is updated rather than inserted.)
    EXPECT_LE(l.statements, s.statements + 1) << name;
    EXPECT_GT(l.statements, 0) << name;
    // Pages, statement by statement: a B-tree one level deeper reads one
    // more page per row it looks up, at most doubling a statement's count; a
    // statement that walks the contacts, the events or everyone due reads
    // about ten times as many (an index page holds some 200 entries).
    if (s.pages && l.pages) {
      ASSERT_EQ(s.log.size(), l.log.size()) << name;
      for (size_t i = 0; i < l.log.size(); ++i) {
        EXPECT_LE(l.log[i].second, 2 * s.log[i].second + 8)
            << name << ": this statement's pages grew with the network (" << s.log[i].second
            << " at 1,000 people, " << l.log[i].second << " at 10,000): " << l.log[i].first;
      }
    }
  }
}

}  // namespace
}  // namespace rapport
