// Drafts sent from the web app's Compose page: which template an agenda
// action opens, the refusal to send a template field, and logging a
// message the user sent from their own mail client; sending through the
// mailer the App is given.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "rapport/app/app.h"
#include "rapport/app/mail.h"
#include "rapport/messages/templates.h"
#include "rapport/store/database.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::TempDir;

TEST(TemplateForAction, MessagesOpenTheirTemplateAndOtherActionsNone) {
  EXPECT_EQ(TemplateForAction(ActionKind::kRequest), "request");
  EXPECT_EQ(TemplateForAction(ActionKind::kFollowUp), "follow_up");
  EXPECT_EQ(TemplateForAction(ActionKind::kThank), "thank_you");
  EXPECT_EQ(TemplateForAction(ActionKind::kThankIntroducer), "thank_introducer");
  EXPECT_EQ(TemplateForAction(ActionKind::kReportBack), "report_back");
  EXPECT_EQ(TemplateForAction(ActionKind::kKeepInTouch), "touch");
  for (auto k : {ActionKind::kCall, ActionKind::kMoveOn, ActionKind::kPrepare,
                 ActionKind::kLogMeeting, ActionKind::kDeliverPromise, ActionKind::kWeeklyGoal}) {
    EXPECT_EQ(TemplateForAction(k), std::nullopt) << ToString(k);
  }
  // Every name it gives is a template DraftMessage knows ("request" picks
  // one by degree).
  for (int k = 0; k <= static_cast<int>(ActionKind::kWeeklyGoal); ++k) {
    auto name = TemplateForAction(static_cast<ActionKind>(k));
    if (name && *name != "request") {
      EXPECT_NE(FindTemplate(*name), nullptr) << *name;
    }
  }
}

TEST(DraftForAction, WritesAboutThePersonMetAndKeepsTheObjective) {
  Action follow{.kind = ActionKind::kFollowUp, .contact_id = 7, .objective_id = 3};
  auto d = DraftForAction(follow);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, "follow_up");
  EXPECT_EQ(d->contact, "7");
  EXPECT_EQ(d->objective, "3");
  // The introducer is thanked about the person met: the draft is about
  // them, and DraftMessage addresses it to the introducer.
  Action thank{.kind = ActionKind::kThankIntroducer, .contact_id = 2, .about_id = 9};
  d = DraftForAction(thank);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, "thank_introducer");
  EXPECT_EQ(d->contact, "9");
  EXPECT_EQ(d->objective, std::nullopt);
  EXPECT_FALSE(DraftForAction({.kind = ActionKind::kCall, .contact_id = 7}));
  EXPECT_FALSE(DraftForAction({.kind = ActionKind::kWeeklyGoal}));
}

TEST(FindUnfilledField, FindsTheFirstFieldOrAnUnclosedOne) {
  EXPECT_EQ(FindUnfilledField("Hi Ada,\nThanks.\n"), std::nullopt);
  EXPECT_EQ(FindUnfilledField("We met on {{meeting_date}}; {{specific}}."), "{{meeting_date}}");
  EXPECT_EQ(FindUnfilledField("Hi {{first_name\nthere }}"), "{{");
  EXPECT_EQ(FindUnfilledField("a } and a { are fine"), std::nullopt);
}

class DraftsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenSqlite(dir_.File("rapport.db"));
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
    Config cfg;
    cfg.zone = "UTC";
    cfg.user_name = "Sam Rivera";
    cfg.user_intro = "a statistics student";
    app_ = std::make_unique<App>(*db_, clock_, cfg);
    ContactFields f;
    f.name = "Zoe Agren";
    f.email = "zoe@example.org";
    f.degree = "first";
    f.source = "alumni";
    auto r = app_->records().AddContact(f);
    ASSERT_TRUE(r.ok()) << r.error().message();
    zoe_ = r->contact.id;
    ObjectiveFields o;
    o.title = "UX research";
    o.kind = "role";
    ASSERT_TRUE(app_->records().AddObjective(o).ok());
    EventInput t;
    t.kind = EventKind::kTargeted;
    t.contact = std::to_string(zoe_);
    t.objective = "UX research";
    ASSERT_TRUE(app_->pipeline().Record(t).ok());
  }
  size_t EventCount() { return app_->pipeline().Timeline(std::to_string(zoe_))->size(); }

  TempDir dir_;
  FixedClock clock_{*ParseTime("2026-03-10T12:00Z", "UTC")};
  std::unique_ptr<Database> db_;
  std::unique_ptr<App> app_;
  Id zoe_ = 0;
};

// The meeting's note goes mid-sentence in the thank-you: its full stop
// must not end the sentence early.
TEST_F(DraftsTest, TheMeetingNoteFitsMidSentenceInTheThankYou) {
  EventInput met;
  met.kind = EventKind::kMeetingHeld;
  met.contact = std::to_string(zoe_);
  met.at = "2026-03-09T15:00";
  met.body = "your advice on portfolio reviews. \n";
  ASSERT_TRUE(app_->pipeline().Record(met).ok());
  DraftInput in;
  in.kind = "thank_you";
  in.contact = std::to_string(zoe_);
  auto d = app_->messaging().DraftMessage(in);
  ASSERT_TRUE(d.ok()) << d.error().message();
  EXPECT_NE(d->body.find("I especially appreciated your advice on portfolio reviews; it gave"),
            std::string::npos)
      << d->body;
}

TEST_F(DraftsTest, SendRefusesATemplateFieldInTheBodyOrSubjectAndWritesNothing) {
  auto draft = app_->messaging().DraftMessage({.kind = "thank_you", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(draft.ok()) << draft.error().message();
  ASSERT_NE(draft->body.find("{{meeting_date}}"), std::string::npos) << draft->body;
  const std::string eml = dir_.File("out.eml");
  auto sent = app_->messaging().SendMessage(*draft, draft->body, eml, true);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().message(),
            "the message still has {{meeting_date}} in it; write that part yourself before "
            "sending");
  EXPECT_FALSE(std::filesystem::exists(eml));
  EXPECT_EQ(EventCount(), 1u);

  auto request = app_->messaging().DraftMessage({.kind = "request", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(request.ok());
  request->subject = "About {{objective}}";
  sent = app_->messaging().SendMessage(*request, request->body, "", true);
  ASSERT_FALSE(sent.ok());
  EXPECT_NE(sent.error().message().find("the subject still has {{objective}}"), std::string::npos);
}

TEST_F(DraftsTest, WithoutSmtpAndNoEmlPathItOnlyGivesTheMailtoLinkWithTheEditedSubject) {
  auto draft = app_->messaging().DraftMessage({.kind = "request", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(draft.ok()) << draft.error().message();
  EXPECT_EQ(draft->template_name, "request_first");
  draft->subject = "Twenty minutes on UX research?";
  auto sent = app_->messaging().SendMessage(*draft, "Hi Zoe,\nA short question.\n", "", false);
  ASSERT_TRUE(sent.ok()) << sent.error().message();
  EXPECT_FALSE(sent->sent);
  EXPECT_EQ(sent->eml_path, "");
  EXPECT_NE(sent->mailto.find("subject=Twenty%20minutes%20on%20UX%20research%3F"),
            std::string::npos)
      << sent->mailto;
  EXPECT_FALSE(sent->logged);
  EXPECT_EQ(EventCount(), 1u);
}

TEST_F(DraftsTest, LogSentRecordsTheDraftsEventWithTheBody) {
  auto draft = app_->messaging().DraftMessage({.kind = "request", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(draft.ok());
  auto logged = app_->messaging().LogSent(*draft, "Hi Zoe,\nAs sent.\n");
  ASSERT_TRUE(logged.ok()) << logged.error().message();
  EXPECT_EQ(logged->kind, EventKind::kRequestSent);
  EXPECT_EQ(logged->channel, Channel::kEmail);
  EXPECT_EQ(logged->body, "Hi Zoe,\nAs sent.");  // Record trims it
  EXPECT_EQ(EventCount(), 2u);

  auto script = app_->messaging().DraftMessage({.kind = "voicemail", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(script.ok());
  EXPECT_FALSE(app_->messaging().LogSent(*script, script->body).ok());
}

TEST_F(DraftsTest, EachTemplateHasItsOwnResponseRate) {
  // Zoe gets a request from a draft, then a follow-up, and says yes; Max
  // gets one written by hand and no answer.
  auto draft = app_->messaging().DraftMessage({.kind = "request", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(draft.ok());
  auto logged = app_->messaging().LogSent(*draft, "Hi Zoe,\nAs sent.\n");
  ASSERT_TRUE(logged.ok()) << logged.error().message();
  EXPECT_EQ(logged->template_name, draft->template_name);
  ASSERT_TRUE(logged->template_name.has_value());
  const std::string request = *logged->template_name;
  auto follow = app_->messaging().DraftMessage({.kind = "follow_up", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(follow.ok());
  ASSERT_TRUE(app_->messaging().LogSent(*follow, "Hi Zoe,\nJust following up.\n").ok());
  EventInput yes;
  yes.kind = EventKind::kRepliedYes;
  yes.contact = std::to_string(zoe_);
  ASSERT_TRUE(app_->pipeline().Record(yes).ok());
  ContactFields max;
  max.name = "Max Ng";
  auto added = app_->records().AddContact(max);
  ASSERT_TRUE(added.ok());
  EventInput by_hand;
  by_hand.kind = EventKind::kRequestSent;
  by_hand.contact = std::to_string(added->contact.id);
  ASSERT_TRUE(app_->pipeline().Record(by_hand).ok());

  auto stats = app_->pipeline().GetStats();
  ASSERT_TRUE(stats.ok());
  std::map<std::string, Stats::Rate> rate;
  for (const auto& r : stats->by_template) rate[r.key] = r;
  ASSERT_EQ(rate.size(), 3u);
  EXPECT_EQ(rate[request].asked, 1);
  EXPECT_EQ(rate[request].answered, 0);  // the follow-up came between
  EXPECT_EQ(rate["follow_up"].asked, 1);
  EXPECT_EQ(rate["follow_up"].answered, 1);
  EXPECT_EQ(rate["follow_up"].yes, 1);
  EXPECT_EQ(rate["yours"].asked, 1);
  EXPECT_EQ(rate["yours"].answered, 0);
  // The backup keeps which template each message was.
  EXPECT_NE(app_->data().Backup()->find("\"template\": \"follow_up\""), std::string::npos);
}

// A mailer that keeps what it is given, or refuses it: the App sends
// through whatever its composition root passes in.
class FakeMailer : public Mailer {
 public:
  Status Send(const Config::Smtp& smtp, const Email& email, Instant date) override {
    if (refuse) return Error::Io("the SMTP server refused the connection");
    hosts.push_back(smtp.host);
    sent.push_back(email);
    dates.push_back(date);
    return {};
  }
  bool refuse = false;
  std::vector<std::string> hosts;
  std::vector<Email> sent;
  std::vector<Instant> dates;
};

TEST_F(DraftsTest, SendGoesThroughTheMailerPassedInAndLogsTheEvent) {
  FakeMailer mailer;
  Config cfg = app_->config();
  cfg.smtp.host = "smtp.example.org";
  cfg.user_email = "sam@example.org";
  App app(*db_, clock_, cfg, 1, &mailer);
  auto draft = app.messaging().DraftMessage({.kind = "request", .contact = std::to_string(zoe_)});
  ASSERT_TRUE(draft.ok()) << draft.error().message();

  mailer.refuse = true;
  auto refused = app.messaging().SendMessage(*draft, "Hi Zoe,\nA short question.\n", "", false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message(), "the SMTP server refused the connection");
  EXPECT_EQ(EventCount(), 1u);  // nothing logged for a message not sent

  mailer.refuse = false;
  auto sent = app.messaging().SendMessage(*draft, "Hi Zoe,\nA short question.\n", "", false);
  ASSERT_TRUE(sent.ok()) << sent.error().message();
  EXPECT_TRUE(sent->sent);
  ASSERT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(mailer.hosts[0], "smtp.example.org");
  EXPECT_EQ(mailer.sent[0].from_address, "sam@example.org");
  EXPECT_EQ(mailer.sent[0].to_address, "zoe@example.org");
  EXPECT_EQ(mailer.sent[0].subject, draft->subject);
  EXPECT_EQ(mailer.sent[0].body, "Hi Zoe,\nA short question.\n");
  EXPECT_EQ(mailer.dates[0], clock_.Now());
  ASSERT_TRUE(sent->logged);
  EXPECT_EQ(sent->logged->kind, EventKind::kRequestSent);
  EXPECT_EQ(EventCount(), 2u);
}

}  // namespace
}  // namespace rapport
