// Unit tests for what issue 19 added to the linter: the classes of misfire
// it fixed (polite and short asks, a proposed day, shared schools, template
// fields over lines or in parentheses, confirming a meeting, names in
// capitals) and its rules (generic-request, dictates-schedule,
// no-double-opt-in, long-silence, already-declined, job-seeking without
// "job", a resume attached to a first request).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "rapport/messages/lint.h"

namespace rapport {
namespace {

LintContext Ctx(MessageKind kind, std::vector<std::string> known = {}) {
  LintContext ctx;
  ctx.kind = kind;
  ctx.known_words = std::move(known);
  return ctx;
}

std::set<std::string> Rules(std::string_view text, const LintContext& ctx) {
  std::set<std::string> out;
  for (const auto& f : Lint(text, ctx)) out.insert(f.rule);
  return out;
}

bool Fires(std::string_view text, const LintContext& ctx, const std::string& rule) {
  return Rules(text, ctx).count(rule) > 0;
}

const Finding* Find(const std::vector<Finding>& findings, const std::string& rule) {
  for (const auto& f : findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

const LintContext kRequest = Ctx(MessageKind::kRequest, {"Ada", "Grace", "Hopper", "Sam"});

TEST(LintAsk, PoliteIndirectAsksAreAsks) {
  EXPECT_FALSE(Fires("Hi Ada,\nGrace Hopper suggested I write. I was wondering whether you might have 20 minutes "
                     "next week to tell me about survey work.\nSam",
                     kRequest, "no-clear-ask"));
  EXPECT_FALSE(Fires("Hi Ada,\nI'd be grateful if you could spare 15 minutes for a call this month.\nSam", kRequest,
                     "no-clear-ask"));
  // A wish with no question and no "if" is still a statement.
  EXPECT_TRUE(Fires("Hi Ada,\nI would like to set up a 20-minute call with you next week.\nSam", kRequest,
                    "no-clear-ask"));
}

TEST(LintAsk, ShortQuestionsAboutMeetingAreAsks) {
  EXPECT_FALSE(Fires("Hi Ada,\nGrace mentioned your survey work.\nCoffee next Tuesday, 20 minutes?\nSam", kRequest,
                     "no-clear-ask"));
  // A tag question is not a request.
  EXPECT_TRUE(Fires("Hi Ada,\nGrace says you moved into surveys, right?\nSam", kRequest, "no-clear-ask"));
}

TEST(LintTimeFrame, AProposedDayCounts) {
  EXPECT_FALSE(Fires("Hi Ada,\nCould we talk on Thursday at 4pm?\nSam", kRequest, "no-time-frame"));
  EXPECT_FALSE(Fires("Hi Ada,\nCould we meet for coffee at 8:30 one day?\nSam", kRequest, "no-time-frame"));
  // Parts of a day are a choice, not a bounded ask.
  EXPECT_TRUE(Fires("Hi Ada,\nCould we chat some morning?\nSam", kRequest, "no-time-frame"));
}

TEST(LintConnection, SharedSchoolEmployerOrGroupCounts) {
  for (const char* link : {"I'm also a Kettering graduate.", "We both worked at Bellway.",
                           "As a fellow member of the GIS Slack, I've read your answers."}) {
    EXPECT_FALSE(Fires(std::string("Hi Ada,\n") + link + " Would you have 20 minutes?\nSam", kRequest,
                       "no-connection"))
        << link;
  }
  EXPECT_TRUE(Fires("Hi Ada,\nI also enjoy surveys. Would you have 20 minutes?\nSam", kRequest, "no-connection"));
}

TEST(LintPlaceholders, FieldsOverLinesAndInParenthesesAreNotProse) {
  const std::string bracket =
      "Hi Ada,\nGrace suggested I write. [Two lines about who I am and why\nI need a job here ASAP!!]\n"
      "Would you have 20 minutes?\nSam";
  const auto findings = Lint(bracket, kRequest);
  const Finding* field = Find(findings, "unfilled-placeholder");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->line, 2);
  EXPECT_EQ(field->end_line, 3);
  EXPECT_EQ(Find(findings, "asks-for-job"), nullptr);
  EXPECT_EQ(Find(findings, "tone-demanding"), nullptr);
  EXPECT_EQ(Find(findings, "tone-desperate"), nullptr);
  const std::string paren = "Hi Ada,\nI'm (fill in one line about yourself and any openings), and Grace "
                            "suggested I write. Would you have 20 minutes?\nSam";
  EXPECT_TRUE(Fires(paren, kRequest, "unfilled-placeholder"));
  EXPECT_FALSE(Fires(paren, kRequest, "asks-for-job"));
  EXPECT_TRUE(Fires("Hi Ada,\nI work at (COMPANY) now.\nSam", kRequest, "unfilled-placeholder"));
  // Ordinary parentheses are prose.
  EXPECT_FALSE(Fires("Hi Ada,\nI work in surveys (mostly health ones) now.\nSam", kRequest, "unfilled-placeholder"));
  // A blank line ends a field that never closed.
  EXPECT_FALSE(Fires("Hi Ada,\n[draft\n\nWould you have 20 minutes?] \nSam", kRequest, "unfilled-placeholder"));
}

TEST(LintTone, ConfirmingAMeetingIsNotDemanding) {
  const auto ctx = Ctx(MessageKind::kFollowUp, {"Ada", "Sam"});
  EXPECT_FALSE(Fires("Hi Ada,\nCould you confirm by Wednesday that Friday at 10 still works?\nSam", ctx,
                     "tone-demanding"));
  EXPECT_FALSE(Fires("Hi Ada,\nPlease let me know by Monday if you'd rather move our call.\nSam", ctx,
                     "tone-demanding"));
  EXPECT_TRUE(Fires("Hi Ada,\nPlease reply by Friday about the call.\nSam", ctx, "tone-demanding"));
}

TEST(LintGeneric, FiresOnlyWhenNothingIsAboutThem) {
  EXPECT_TRUE(Fires("Hello,\nI'm exploring marketing and would value your perspective and experience. Would you "
                    "have 20 minutes?\nSam",
                    kRequest, "generic-request"));
  // Days and months in capitals are not names of anything of theirs.
  EXPECT_TRUE(Fires("Hello,\nI'm exploring marketing. Would 20 minutes on Tue 17 Mar suit your schedule?\nSam",
                    kRequest, "generic-request"));
  for (const char* specific : {"I read your article on weighting panels.", "Grace Hopper suggested I write to you.",
                               "I heard you moved from nursing into surveys.", "We both studied at Kettering.",
                               "I found you through our alumni network."}) {
    EXPECT_FALSE(Fires(std::string("Hello,\n") + specific + " Would you have 20 minutes?\nSam", kRequest,
                       "generic-request"))
        << specific;
  }
  EXPECT_FALSE(Fires("Hello,\nI'm exploring marketing.\nSam", Ctx(MessageKind::kFollowUp), "generic-request"));
}

TEST(LintSchedule, DictatingOrHandingOverTheArranging) {
  EXPECT_TRUE(Fires("Hi Ada,\nGrace suggested you. I'll call you on Thursday at 11 for 20 minutes.\nSam", kRequest,
                    "dictates-schedule"));
  EXPECT_TRUE(Fires("Hi Ada,\nGrace suggested you. I've sent a calendar invite for Tuesday at 9.\nSam", kRequest,
                    "dictates-schedule"));
  EXPECT_TRUE(Fires("Hi Ada,\nGrace suggested you. Could you let me know a time and place to meet?\nSam", kRequest,
                    "dictates-schedule"));
  // Offering times, or offering to do the arranging, is the opposite.
  EXPECT_FALSE(Fires("Hi Ada,\nWould 20 minutes on Wednesday or Thursday afternoon work? If you let me know a "
                     "time and place, I'll send the invite.\nSam",
                     kRequest, "dictates-schedule"));
  EXPECT_FALSE(Fires("Hi Ada,\nI can call you on Thursday at 11 if that suits you, or any other time.\nSam",
                     kRequest, "dictates-schedule"));
  EXPECT_FALSE(Fires("Hi Ada,\nWould you have 20 minutes at a time and place that suits you?\nSam", kRequest,
                     "dictates-schedule"));
}

TEST(LintIntroduction, DoubleOptIn) {
  const auto ctx = Ctx(MessageKind::kIntroduction, {"Ada", "Grace", "Sam"});
  EXPECT_TRUE(Fires("Hi Ada and Grace,\nI'd like to introduce you two. Ada, over to you.\nSam", ctx,
                    "no-double-opt-in"));
  EXPECT_FALSE(Fires("Hi Ada,\nHere's the introduction to Grace, cc'd. Grace said she'd be glad to talk.\nSam", ctx,
                     "no-double-opt-in"));
  EXPECT_FALSE(Fires("Hi Ada,\nWould you be open to me introducing you to Grace?\nSam", ctx, "no-double-opt-in"));
  // The introducer already asked the second person.
  EXPECT_FALSE(Fires("Hi Ada and Grace,\nI'd like to introduce you two; I ran it by Grace's manager and cleared it "
                     "with her on Monday.\nSam",
                     ctx, "no-double-opt-in"));
  EXPECT_TRUE(Fires("Hi Ada and Grace,\nI'd like to introduce you two; I haven't checked with her yet.\nSam", ctx,
                    "no-double-opt-in"));
  // Only the introducer's note is checked for it.
  EXPECT_FALSE(Fires("Hi Ada,\nI'd like to introduce you two.\nSam", kRequest, "no-double-opt-in"));
  // The introducer's note is not a request: no time frame or ask required.
  EXPECT_FALSE(Fires("Hi Ada,\nI'd like to introduce you two.\nSam", ctx, "no-clear-ask"));
  EXPECT_EQ(ParseMessageKind("introduction"), MessageKind::kIntroduction);
  EXPECT_EQ(ToString(MessageKind::kIntroduction), "introduction");
}

TEST(LintLog, LongSilence) {
  LintContext ctx = Ctx(MessageKind::kFollowUp, {"Ada", "Sam"});
  const std::string text = "Hi Ada,\nWould you have 20 minutes for a call next week?\nSam";
  EXPECT_FALSE(Fires(text, ctx, "long-silence"));  // no history
  ctx.days_since_last_contact = 30;
  EXPECT_FALSE(Fires(text, ctx, "long-silence"));
  ctx.days_since_last_contact = 400;
  const auto findings = Lint(text, ctx);
  ASSERT_NE(Find(findings, "long-silence"), nullptr);
  EXPECT_EQ(Find(findings, "long-silence")->severity, Severity::kWarning);
  EXPECT_NE(Find(findings, "long-silence")->message.find("13 months"), std::string::npos);
  EXPECT_FALSE(Fires("Hi Ada,\nIt's been a while since we met at the fair. Would you have 20 minutes?\nSam", ctx,
                     "long-silence"));
  ctx.silence_days = 500;
  EXPECT_FALSE(Fires(text, ctx, "long-silence"));
}

TEST(LintLog, AlreadyDeclined) {
  LintContext ctx = Ctx(MessageKind::kRequest, {"Ada", "Sam"});
  const std::string text = "Hi Ada,\nWould you have 20 minutes for a call next week?\nSam";
  EXPECT_FALSE(Fires(text, ctx, "already-declined"));
  ctx.declined = true;
  const auto findings = Lint(text, ctx);
  ASSERT_NE(Find(findings, "already-declined"), nullptr);
  EXPECT_EQ(Find(findings, "already-declined")->severity, Severity::kError);
  EXPECT_FALSE(Fires("Hi Ada,\nIn March you said to write again in the autumn. Would you have 20 minutes?\nSam", ctx,
                     "already-declined"));
  ctx.kind = MessageKind::kThankYou;  // thanking someone who said no is fine
  EXPECT_FALSE(Fires("Hi Ada,\nThank you for letting me know.\nSam", ctx, "already-declined"));
}

TEST(LintJob, JobSeekingWithoutTheWord) {
  for (const char* ask : {"I'd love to work at Cartografica one day.", "I'm on the lookout for my next opportunity.",
                          "I believe I'd be a great fit for your team.",
                          "I'm very interested in working with your studio."}) {
    EXPECT_TRUE(Fires(std::string("Hi Ada,\n") + ask + " Would you have 20 minutes?\nSam", kRequest, "asks-for-job"))
        << ask;
  }
  for (const char* fine : {"I'd love to work with data more.", "I'd love to hear how you moved into surveys.",
                           "You took on a new role last year."}) {
    EXPECT_FALSE(Fires(std::string("Hi Ada,\n") + fine + " Would you have 20 minutes?\nSam", kRequest,
                       "asks-for-job"))
        << fine;
  }
}

TEST(LintResume, AttachedToAFirstRequestIsAnError) {
  const std::string text = "Hi Ada,\nGrace suggested I write. I've attached my resume. Would you have 20 minutes?\nSam";
  ASSERT_NE(Find(Lint(text, kRequest), "mentions-resume"), nullptr);
  EXPECT_EQ(Find(Lint(text, kRequest), "mentions-resume")->severity, Severity::kError);
  const std::string offered = "Hi Ada,\nGrace suggested I write. I can share my resume. Would you have 20 minutes?\nSam";
  EXPECT_EQ(Find(Lint(offered, kRequest), "mentions-resume")->severity, Severity::kWarning);
}


// Deferring to their availability while the sender sets it up is
// flexibility; the class in words the corpus does not use.
TEST(LintRules, DeferringToTheirScheduleIsNotDictating) {
  const LintContext follow = Ctx(MessageKind::kFollowUp);
  for (const char* s : {"I would really like to arrange a short meeting whenever suits you.",
                        "We would be glad to organise a chat at your convenience.",
                        "I still hope to book a coffee once your calendar permits."}) {
    EXPECT_FALSE(Fires(std::string("Hi Ada,\nThanks again for your note. ") + s + "\nSam", follow, "dictates-schedule")) << s;
  }
  EXPECT_TRUE(Fires("Hi Ada,\nThanks again for your note. Could you set up a call and send me the link?\nSam", follow,
                    "dictates-schedule"));
}

// The wish to work there as a goal, and "anything coming up" on their team.
TEST(LintRules, GoalToWorkThereAndAnythingComingUpAskForAJob) {
  for (const char* ask : {"Joining your studio is my biggest ambition.",
                          "Working for them has long been a dream of mine.",
                          "If your group has something opening up soon, I hope you will tell me.",
                          "I would love to hear of anything coming up on your team."}) {
    EXPECT_TRUE(Fires(std::string("Hi Ada,\n") + ask + " Would you have 20 minutes?\nSam", kRequest, "asks-for-job")) << ask;
  }
  EXPECT_FALSE(Fires("Hi Ada,\nMy goal is to learn how your team plans its releases. Would you have 20 minutes?\nSam",
                     kRequest, "asks-for-job"));
}

}  // namespace
}  // namespace rapport
