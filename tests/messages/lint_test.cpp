// Unit tests for the etiquette linter: each rule on and off, spans,
// ordering, kinds, and the two acceptance examples.
#include "rapport/messages/lint.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "rapport/messages/spelling.h"

namespace rapport {
namespace {

// Knows every word except the ones it is told are wrong.
class FakeSpeller : public Speller {
 public:
  explicit FakeSpeller(std::set<std::string> wrong) : wrong_(std::move(wrong)) {}
  bool Correct(std::string_view word) const override { return !wrong_.count(std::string(word)); }
  std::vector<std::string> Suggest(std::string_view word) const override {
    if (word == "recieve") return {"receive", "relieve"};
    return {};
  }

 private:
  std::set<std::string> wrong_;
};

LintContext Ctx(MessageKind kind, std::vector<std::string> known = {}) {
  LintContext ctx;
  ctx.kind = kind;
  ctx.known_words = std::move(known);
  return ctx;
}

std::set<std::string> Rules(const std::vector<Finding>& findings) {
  std::set<std::string> out;
  for (const auto& f : findings) out.insert(f.rule);
  return out;
}

bool Fires(std::string_view text, const LintContext& ctx, const std::string& rule) {
  return Rules(Lint(text, ctx)).count(rule) > 0;
}

const Finding* Find(const std::vector<Finding>& findings, const std::string& rule) {
  for (const auto& f : findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

// A request that passes every rule; tests change one thing at a time.
constexpr const char* kGoodRequest =
    "Hi Ada,\n\n"
    "Grace Hopper suggested I write to you. I'm a second-year statistics student curious about "
    "survey research, and I'd like to hear how you got started.\n\n"
    "Would you have 20 minutes for a phone or video call in the next few weeks? I'm happy to fit "
    "your schedule.\n\n"
    "Thank you,\nSam\n";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// ---- the acceptance examples ---------------------------------------------------

TEST(LintAcceptance, DesperatePlaceholderRequestIsAnError) {
  const std::string text =
      "Dear [Name],\nI am in transition and desperately need a job. Are you hiring? My resume is attached!!!\n";
  const auto findings = Lint(text, Ctx(MessageKind::kRequest));
  const auto rules = Rules(findings);
  for (const char* rule :
       {"unfilled-placeholder", "opens-with-transition", "asks-for-job", "mentions-resume", "tone-desperate"}) {
    EXPECT_TRUE(rules.count(rule)) << rule;
  }
  EXPECT_TRUE(HasErrors(findings));
}

class LintWithHunspell : public ::testing::Test {
 protected:
  void SetUp() override {
    auto speller = OpenHunspell();
    ASSERT_TRUE(speller.ok()) << speller.error().message();
    speller_ = std::move(*speller);
  }
  std::unique_ptr<Speller> speller_;
};

void ExpectQuiet(const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    EXPECT_EQ(f.severity, Severity::kHint) << f.rule << " at " << f.line << ":" << f.column << ": " << f.message;
  }
  EXPECT_FALSE(HasErrors(findings));
}

TEST_F(LintWithHunspell, WarmFirstDegreeRequestIsQuiet) {
  const std::string text =
      "Hi Ada,\n\nWe met at the Women in Data meetup last spring, and Grace Hopper suggested I reach out. "
      "I'm a third-year statistics student exploring UX research as a career, and I'd love to hear how you "
      "moved into the field.\n\nWould you have 20 minutes for a phone or video call in the next two weeks? "
      "Tuesday or Thursday afternoons work well for me, but I'm happy to fit your schedule.\n\nThank you,\nSam";
  LintContext ctx = Ctx(MessageKind::kRequest, {"Ada", "Grace", "Hopper", "Sam"});
  ctx.speller = speller_.get();
  ExpectQuiet(Lint(text, ctx));
}

TEST_F(LintWithHunspell, OwnWarmRequestIsQuiet) {
  const std::string text =
      "Hi Mireille,\n\nYour colleague Tobias Brandt mentioned that you moved from hospital pharmacy into "
      "medical writing a few years ago. I'm a pharmacist in my second year of practice, curious about that "
      "path, and I'd value hearing what surprised you about the switch.\n\nCould we find 15 or 20 minutes "
      "for a call in the next couple of weeks? Monday or Friday mornings suit me, though I can easily work "
      "around your calendar, and email is fine if you prefer.\n\nMany thanks,\nJoelle";
  LintContext ctx = Ctx(MessageKind::kRequest, {"Mireille", "Tobias", "Brandt", "Joelle"});
  ctx.speller = speller_.get();
  ExpectQuiet(Lint(text, ctx));
}

TEST_F(LintWithHunspell, GoodRequestTemplateIsQuiet) {
  LintContext ctx = Ctx(MessageKind::kRequest, {"Ada", "Grace", "Hopper", "Sam"});
  ctx.speller = speller_.get();
  EXPECT_TRUE(Lint(kGoodRequest, ctx).empty());
}

// ---- asks-for-job ----------------------------------------------------------------

TEST(LintAsksForJob, FlagsDirectAsks) {
  const auto ctx = Ctx(MessageKind::kRequest);
  for (const char* text : {"Are you hiring right now?", "Is your team hiring this spring?",
                           "Do you have any openings for analysts?", "Please keep me in mind for anything.",
                           "Could you refer me for the analyst role?", "I'd love to join your team.",
                           "Could you put in a good word with the hiring manager?",
                           "If you hear of any openings, let me know.", "Could you pass my resume to your boss?",
                           "Would you consider me for the position?",
                           "If a role opens up, I hope you'll think of me."}) {
    EXPECT_TRUE(Fires(text, ctx, "asks-for-job")) << text;
  }
}

TEST(LintAsksForJob, LeavesLearningQuestionsAlone) {
  const auto ctx = Ctx(MessageKind::kRequest);
  for (const char* text : {"I'm not asking for a job, only for your perspective.",
                           "How is AI changing hiring in your field?", "What is it like to work for your company?",
                           "Which roles in your field suit a statistician?", "I'd love to hear about your role at Acme.",
                           "Are there any opportunities to volunteer with the association?",
                           "Grace referred me to you.", "What does the hiring process look like in general?",
                           "Thanks for thinking of me when you saw the article.",
                           "It was great to hear how your team is hiring differently now.",
                           "I'd love to hear about the roles on your team."}) {
    EXPECT_FALSE(Fires(text, ctx, "asks-for-job")) << text;
  }
}

TEST(LintAsksForJob, SeverityDependsOnKind) {
  const std::string text = "If your team is hiring, please keep me in mind.";
  const auto request = Lint(text, Ctx(MessageKind::kRequest));
  ASSERT_NE(Find(request, "asks-for-job"), nullptr);
  EXPECT_EQ(Find(request, "asks-for-job")->severity, Severity::kError);
  const auto thanks = Lint(text, Ctx(MessageKind::kThankYou));
  EXPECT_EQ(Find(thanks, "asks-for-job")->severity, Severity::kError);
  const auto touch = Lint(text, Ctx(MessageKind::kTouch));
  ASSERT_NE(Find(touch, "asks-for-job"), nullptr);
  EXPECT_EQ(Find(touch, "asks-for-job")->severity, Severity::kWarning);
}

// ---- mentions-resume ----------------------------------------------------------------

TEST(LintResume, FlagsAttachedOrOfferedResume) {
  const auto ctx = Ctx(MessageKind::kRequest);
  EXPECT_TRUE(Fires("I've attached my resume for reference.", ctx, "mentions-resume"));
  EXPECT_TRUE(Fires("Happy to send my CV if useful.", ctx, "mentions-resume"));
  EXPECT_TRUE(Fires("Resume attached.", ctx, "mentions-resume"));
  EXPECT_FALSE(Fires("We can resume the thread next week.", ctx, "mentions-resume"));
  EXPECT_FALSE(Fires("I work on computer vision and robotics.", ctx, "mentions-resume"));
}

TEST(LintResume, AfterTheMeetingOnlyUnaskedAttachmentsCount) {
  const auto ctx = Ctx(MessageKind::kThankYou);
  EXPECT_TRUE(Fires("I've attached my resume so you have it.", ctx, "mentions-resume"));
  EXPECT_FALSE(Fires("As you asked, I've attached my resume.", ctx, "mentions-resume"));
  EXPECT_FALSE(Fires("Your tips on my resume were great.", ctx, "mentions-resume"));
}

// ---- opens-with-transition ------------------------------------------------------------

TEST(LintTransition, FlagsOnlyTheOpening) {
  const auto ctx = Ctx(MessageKind::kRequest);
  EXPECT_TRUE(Fires("Hi Ada,\nI was laid off last month. Grace suggested I write.", ctx, "opens-with-transition"));
  EXPECT_TRUE(Fires("Hello,\nI'm currently in transition and exploring UX.", ctx, "opens-with-transition"));
  EXPECT_TRUE(Fires("Hi,\nI'm looking for work in logistics.", ctx, "opens-with-transition"));
  EXPECT_FALSE(Fires("Hi,\nI'm not looking for a job; I'd like to learn.", ctx, "opens-with-transition"));
  EXPECT_FALSE(Fires("Hi,\nOne. Two. Three. I was laid off.", ctx, "opens-with-transition"));
  EXPECT_FALSE(Fires("I was laid off last month.", Ctx(MessageKind::kTouch), "opens-with-transition"));
}

// ---- tone --------------------------------------------------------------------------------

TEST(LintTone, Desperate) {
  const auto ctx = Ctx(MessageKind::kRequest);
  EXPECT_TRUE(Fires("I am desperate for any advice.", ctx, "tone-desperate"));
  EXPECT_TRUE(Fires("Please please help me.", ctx, "tone-desperate"));
  EXPECT_TRUE(Fires("You are my last hope.", ctx, "tone-desperate"));
  EXPECT_TRUE(Fires("Thank you!!", ctx, "tone-desperate"));
  EXPECT_FALSE(Fires("Thank you! I hope you have a good week.", ctx, "tone-desperate"));
}

TEST(LintTone, Demanding) {
  const auto ctx = Ctx(MessageKind::kRequest);
  EXPECT_TRUE(Fires("Please reply ASAP.", ctx, "tone-demanding"));
  EXPECT_TRUE(Fires("Respond by Friday.", ctx, "tone-demanding"));
  EXPECT_TRUE(Fires("I still haven't heard back from you.", ctx, "tone-demanding"));
  EXPECT_TRUE(Fires("I NEED AN ANSWER TODAY.", ctx, "tone-demanding"));
  EXPECT_TRUE(Fires("PLEASE call me.", ctx, "tone-demanding"));
  EXPECT_TRUE(Fires("Did you get my note??", ctx, "tone-demanding"));
  EXPECT_FALSE(Fires("I'll send you the article as soon as possible.", ctx, "tone-demanding"));
  EXPECT_FALSE(Fires("I studied at UCLA and work in UX at IBM.", ctx, "tone-demanding"));
  EXPECT_FALSE(Fires("I know you must get many emails.", ctx, "tone-demanding"));
}

TEST(LintTone, KnownAcronymsAreNotShouting) {
  EXPECT_TRUE(Fires("We use MATLAB SIMULINK DSPACE daily.", Ctx(MessageKind::kRequest), "tone-demanding"));
  EXPECT_FALSE(Fires("We use MATLAB SIMULINK DSPACE daily.",
                     Ctx(MessageKind::kRequest, {"MATLAB", "SIMULINK", "dSPACE"}), "tone-demanding"));
}

// ---- request shape ----------------------------------------------------------------------

TEST(LintRequestShape, GoodRequestPassesEveryShapeRule) {
  const auto rules = Rules(Lint(kGoodRequest, Ctx(MessageKind::kRequest)));
  EXPECT_TRUE(rules.empty()) << *rules.begin();
}

TEST(LintRequestShape, NoConnection) {
  const auto ctx = Ctx(MessageKind::kRequest);
  const std::string cold = Replace(kGoodRequest, "Grace Hopper suggested I write to you. ", "");
  EXPECT_TRUE(Fires(cold, ctx, "no-connection"));
  EXPECT_FALSE(Fires(Replace(cold, "I'm a second", "I read your article on sampling. I'm a second"), ctx,
                     "no-connection"));
  EXPECT_FALSE(Fires(cold, Ctx(MessageKind::kThankYou), "no-connection"));
}

// The classes of issue 19's last fixes, in phrasings the corpus does not use.
TEST(LintRequestShape, TheirWorkIsAConnectionAndADirectoryIsNot) {
  const auto ctx = Ctx(MessageKind::kRequest);
  const std::string cold = Replace(kGoodRequest, "Grace Hopper suggested I write to you. ", "");
  for (const char* link : {"I watched the documentary you directed about tidal power. ",
                           "I keep going back to the dataset your lab released on rural clinics. ",
                           "Your podcasts on survey weighting got me through my thesis. "}) {
    const std::string text = Replace(cold, "I'm a second", std::string(link) + "I'm a second");
    EXPECT_FALSE(Fires(text, ctx, "no-connection")) << link;
    EXPECT_FALSE(Fires(text, ctx, "generic-request")) << link;
  }
  const std::string listed =
      "Hi Ada,\n\nI got your details from the Regional Statistics Society directory. I'm a second-year "
      "student and I'd like to hear about the field.\n\nWould you have 20 minutes for a call in the next few "
      "weeks? I'm happy to fit your schedule.\n\nThank you,\nSam\n";
  EXPECT_TRUE(Fires(listed, ctx, "generic-request"));
  EXPECT_FALSE(Fires(Replace(listed, "Society directory", "Society member list"), ctx, "generic-request"));
}

TEST(LintRequestShape, JobAsksWithoutTheWordJob) {
  const auto request = Ctx(MessageKind::kRequest);
  EXPECT_TRUE(Fires(Replace(kGoodRequest, "I'm happy to fit your schedule.",
                            "My CV is attached so you can circulate it."),
                    request, "asks-for-job"));
  EXPECT_TRUE(Fires(Replace(kGoodRequest, "I'm happy to fit your schedule.",
                            "And should something open up in your department, I'd be glad to hear."),
                    request, "asks-for-job"));
  EXPECT_FALSE(Fires(Replace(kGoodRequest, "I'm happy to fit your schedule.",
                             "If anything comes up on your end, we can move it."),
                     request, "asks-for-job"));
  EXPECT_TRUE(Fires(Replace(kGoodRequest, "I'm a second-year", "I've sent out ninety applications since May. I'm a second-year"),
                    request, "opens-with-transition"));
}

TEST(LintRequestShape, NoClearAsk) {
  const auto ctx = Ctx(MessageKind::kRequest);
  const std::string statement =
      Replace(kGoodRequest, "Would you have 20 minutes for a phone or video call in the next few weeks?",
              "I would like to set up a 20-minute phone or video call in the next few weeks.");
  const auto findings = Lint(statement, ctx);
  const Finding* f = Find(findings, "no-clear-ask");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(statement.substr(f->begin, f->end - f->begin),
            "I would like to set up a 20-minute phone or video call in the next few weeks.");
  const std::string none = Replace(statement, "I would like to set up a 20-minute phone or video call in the next few weeks.", "");
  EXPECT_TRUE(Fires(none, ctx, "no-clear-ask"));
  EXPECT_FALSE(Fires(kGoodRequest, ctx, "no-clear-ask"));
}

TEST(LintRequestShape, NoTimeFrame) {
  const auto ctx = Ctx(MessageKind::kRequest);
  EXPECT_TRUE(Fires(Replace(kGoodRequest, "20 minutes", "a few minutes"), ctx, "no-time-frame"));
  EXPECT_TRUE(Fires(Replace(kGoodRequest, "20 minutes", "a quick chat"), ctx, "no-time-frame"));
  for (const char* bounded : {"15-20 minutes", "half an hour", "twenty minutes", "20min", "a 30-minute slot"}) {
    EXPECT_FALSE(Fires(Replace(kGoodRequest, "20 minutes", bounded), ctx, "no-time-frame")) << bounded;
  }
}

TEST(LintRequestShape, NoFlexibilityIsAHint) {
  const std::string rigid = Replace(Replace(kGoodRequest, "a phone or video call", "a call on Monday at 10"),
                                    " I'm happy to fit your schedule.", "");
  const auto findings = Lint(rigid, Ctx(MessageKind::kRequest));
  const Finding* f = Find(findings, "no-flexibility");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kHint);
  EXPECT_FALSE(Fires(Replace(rigid, "Monday at 10", "Monday or Tuesday"), Ctx(MessageKind::kRequest),
                     "no-flexibility"));
}

std::string Words(int n) {
  std::string text = "Hi Ada,\n";
  for (int i = 0; i < n - 2; ++i) text += "word ";
  return text;
}

TEST(LintRequestShape, TooLongHasAHintAndAWarning) {
  const auto ctx = Ctx(MessageKind::kRequest);
  EXPECT_FALSE(Fires(Words(100), ctx, "too-long"));
  const auto hint = Lint(Words(101), ctx);
  ASSERT_NE(Find(hint, "too-long"), nullptr);
  EXPECT_EQ(Find(hint, "too-long")->severity, Severity::kHint);
  const auto warning = Lint(Words(151), ctx);
  ASSERT_NE(Find(warning, "too-long"), nullptr);
  EXPECT_EQ(Find(warning, "too-long")->severity, Severity::kWarning);
  // The span starts at the first word over the limit.
  const std::string text = Words(151);
  const Finding* f = Find(warning, "too-long");
  EXPECT_EQ(f->begin, 8u + 148u * 5u);  // "Hi Ada,\n", then 148 times "word "
  EXPECT_EQ(f->end, text.size() - 1);
  // Thank-yous get more room.
  EXPECT_FALSE(Fires(Words(180), Ctx(MessageKind::kThankYou), "too-long"));
}

TEST(LintRequestShape, AboutMe) {
  const auto ctx = Ctx(MessageKind::kRequest);
  const std::string me =
      "I am a nurse. I have worked nights for years. I lead my unit and I train my team. I enjoy my "
      "patients. I think my skills fit your field, and I want to grow. Would you have 20 minutes for a call?";
  EXPECT_TRUE(Fires(me, ctx, "about-me"));
  // Two words for the reader against a dozen for the writer: all about me.
  EXPECT_EQ(Find(Lint(me, ctx), "about-me")->severity, Severity::kWarning);
  const std::string mostly_me =
      "I am a nurse. I have worked nights for years and I love it. I lead my unit and I train my team. I "
      "think my skills and my energy fit your field. You know the ward well. Would you have 20 minutes?";
  ASSERT_TRUE(Fires(mostly_me, ctx, "about-me"));
  EXPECT_EQ(Find(Lint(mostly_me, ctx), "about-me")->severity, Severity::kHint);
  EXPECT_FALSE(Fires(kGoodRequest, ctx, "about-me"));
}

// ---- not-specific ---------------------------------------------------------------------------

TEST(LintThanks, NotSpecific) {
  const auto ctx = Ctx(MessageKind::kThankYou, {"Ada", "Sam"});
  EXPECT_TRUE(Fires("Hi Ada,\nThank you for your time and your great advice. I learned a lot!\nBest,\nSam", ctx,
                    "not-specific"));
  EXPECT_FALSE(Fires("Hi Ada,\nThank you for the call. Your point about pre-registering survey weights was new to "
                     "me, and I've ordered the Groves textbook you mentioned.\nBest,\nSam",
                     ctx, "not-specific"));
  EXPECT_FALSE(Fires("Thank you for your time.", Ctx(MessageKind::kRequest), "not-specific"));
}

TEST(LintThanks, MeetingNotesMustOverlap) {
  LintContext ctx = Ctx(MessageKind::kThankYou, {"Ada", "Sam"});
  ctx.meeting_notes = {"read Groves on survey methodology", "ask Lin about the panel study"};
  EXPECT_FALSE(Fires("Hi Ada,\nThanks! I've started the Groves book on methodology.\nSam", ctx, "not-specific"));
  EXPECT_TRUE(Fires("Hi Ada,\nThanks for the call. Your thoughts on Python packaging were fascinating and "
                    "I'll try the new dependency tooling.\nSam",
                    ctx, "not-specific"));
  // A stock phrase shares a word with the notes ("a move to the panel team") but names nothing.
  ctx.meeting_notes = {"her move to the panel team"};
  EXPECT_TRUE(Fires("Hi Ada,\nThanks for the chat; it will help me going forward as I keep moving ahead.\nSam", ctx,
                    "not-specific"));
  EXPECT_FALSE(Fires("Hi Ada,\nThanks! Your move to the panel team sounds like the path for me.\nSam", ctx,
                     "not-specific"));
}

// ---- unfilled-placeholder ---------------------------------------------------------------------

TEST(LintPlaceholder, FindsEachTemplateField) {
  const auto ctx = Ctx(MessageKind::kRequest);
  for (const char* text : {"Hi {{first_name}},", "Hi {name},", "Hi [Name],", "at <company>", "at XXX", "on ____.",
                           "Dear %NAME%,", "{{unclosed"}) {
    const auto findings = Lint(text, ctx);
    const Finding* f = Find(findings, "unfilled-placeholder");
    ASSERT_NE(f, nullptr) << text;
    EXPECT_EQ(f->severity, Severity::kError);
  }
  for (const char* text : {"Write to ada@example.org or <ada@example.org>.", "See [my notes](https://x.org).",
                           "Footnote [1] applies.", "I <3 maps.", "Sixty X-rays.", "x > 3 and y < 4"}) {
    EXPECT_FALSE(Fires(text, ctx, "unfilled-placeholder")) << text;
  }
}

// ---- spelling and repeated words ---------------------------------------------------------------

TEST(LintSpelling, FlagsUnknownWordsWithSuggestions) {
  // The linter also tries "re" + the rest as a prefixed word, so "cieve" must be unknown too.
  FakeSpeller speller({"recieve", "Recieve", "cieve"});
  LintContext ctx = Ctx(MessageKind::kRequest);
  ctx.speller = &speller;
  const std::string text = "I hope to recieve your reply.";
  const auto findings = Lint(text, ctx);
  const Finding* f = Find(findings, "spelling");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(text.substr(f->begin, f->end - f->begin), "recieve");
  EXPECT_EQ(f->column, 11);
  EXPECT_EQ(f->end_column, 18);
  ASSERT_TRUE(f->suggestion.has_value());
  EXPECT_EQ(*f->suggestion, "receive");
  EXPECT_NE(f->message.find("receive"), std::string::npos);
}

TEST(LintSpelling, SkipsNamesNumbersAddressesAndKnownWords) {
  FakeSpeller speller({"Zanzibarr", "qwzx", "Okafor", "okafor", "example", "wwwx", "2nd", "NASA"});
  LintContext ctx = Ctx(MessageKind::kRequest, {"qwzx"});
  ctx.speller = &speller;
  const std::string text =
      "Hi Okafor,\nI met Zanzibarr at NASA on the 2nd. Mail me at someone@example.org or see "
      "https://wwwx.example.org/a. I like qwzx.\nBest,\nOkafor";
  EXPECT_FALSE(Fires(text, ctx, "spelling"));
}

TEST(LintSpelling, NoSpellerNoSpellingRule) {
  EXPECT_FALSE(Fires("I hope to recieve your reply.", Ctx(MessageKind::kRequest), "spelling"));
}

TEST(LintRepeatedWord, SpansBothWords) {
  const std::string text = "I heard your talk on the the podcast.";
  const auto findings = Lint(text, Ctx(MessageKind::kTouch));
  const Finding* f = Find(findings, "repeated-word");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(text.substr(f->begin, f->end - f->begin), "the the");
  EXPECT_EQ(*f->suggestion, "the");
  EXPECT_FALSE(Fires("What I had had in mind was small.", Ctx(MessageKind::kTouch), "repeated-word"));
  EXPECT_FALSE(Fires("It ended with the.\nThe next one.", Ctx(MessageKind::kTouch), "repeated-word"));
  EXPECT_FALSE(Fires("Meet on 3 3 or so.", Ctx(MessageKind::kTouch), "repeated-word"));
}

// ---- spans, order, kinds --------------------------------------------------------------------------

TEST(LintSpans, ColumnsCountCodePointsAndOffsetsCountBytes) {
  const std::string text = "Olá Zoë,\nÀ bientôt [Name] ok";
  const auto findings = Lint(text, Ctx(MessageKind::kTouch));
  const Finding* f = Find(findings, "unfilled-placeholder");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(text.substr(f->begin, f->end - f->begin), "[Name]");
  EXPECT_EQ(f->line, 2);
  EXPECT_EQ(f->column, 11);  // "À bientôt " is ten code points (twelve bytes)
  EXPECT_EQ(f->end_line, 2);
  EXPECT_EQ(f->end_column, 17);
  EXPECT_EQ(f->begin, text.find("[Name]"));
}

TEST(LintSpans, WholeMessageFindingsSpanTheFirstLine) {
  const std::string text = "Hello there,\r\nCan you help?\n";
  const auto findings = Lint(text, Ctx(MessageKind::kRequest));
  const Finding* f = Find(findings, "no-connection");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->begin, 0u);
  EXPECT_EQ(f->end, 12u);
  EXPECT_EQ(f->line, 1);
  EXPECT_EQ(f->column, 1);
  EXPECT_EQ(f->end_line, 1);
  EXPECT_EQ(f->end_column, 13);
}

TEST(LintSpans, SortedByPositionThenRule) {
  const std::string text = "Dear [Name],\nI am in transition and desperately need a job. Are you hiring? My resume is "
                           "attached!!! Recieve the the note.";
  FakeSpeller speller({"Recieve", "cieve"});
  LintContext ctx = Ctx(MessageKind::kRequest);
  ctx.speller = &speller;
  const auto findings = Lint(text, ctx);
  ASSERT_GT(findings.size(), 5u);
  for (size_t i = 1; i < findings.size(); ++i) {
    const auto& a = findings[i - 1];
    const auto& b = findings[i];
    EXPECT_TRUE(a.begin < b.begin || (a.begin == b.begin && a.rule <= b.rule)) << a.rule << " / " << b.rule;
    EXPECT_TRUE(a.line < b.line || (a.line == b.line && a.column <= b.column));
  }
  for (const auto& f : findings) {
    EXPECT_LE(f.begin, f.end);
    EXPECT_LE(f.end, text.size());
    EXPECT_FALSE(f.message.empty());
    EXPECT_EQ(f.message.find('\n'), std::string::npos) << f.message;
  }
}

TEST(LintKinds, RoundTrip) {
  for (MessageKind k : {MessageKind::kRequest, MessageKind::kFollowUp, MessageKind::kThankYou,
                        MessageKind::kIntroRequest, MessageKind::kTouch}) {
    auto parsed = ParseMessageKind(ToString(k));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, k);
  }
  EXPECT_EQ(ParseMessageKind("thank-you"), MessageKind::kThankYou);
  EXPECT_FALSE(ParseMessageKind("letter").has_value());
  EXPECT_EQ(ToString(Severity::kError), "error");
  EXPECT_EQ(ToString(Severity::kWarning), "warning");
  EXPECT_EQ(ToString(Severity::kHint), "hint");
}

TEST(LintRules, ListsEveryRuleOnce) {
  std::set<std::string> ids;
  for (const auto& rule : LintRules()) {
    EXPECT_TRUE(ids.insert(std::string(rule.id)).second) << rule.id;
    EXPECT_FALSE(rule.description.empty());
  }
  for (const char* id : {"asks-for-job", "mentions-resume", "opens-with-transition", "no-connection", "no-clear-ask",
                         "no-time-frame", "no-flexibility", "too-long", "about-me", "tone-desperate",
                         "tone-demanding", "not-specific", "unfilled-placeholder", "spelling", "repeated-word"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
}

TEST(LintRobustness, OddInputNeverThrows) {
  FakeSpeller speller({});
  LintContext ctx = Ctx(MessageKind::kRequest);
  ctx.speller = &speller;
  const std::vector<std::string> inputs = {
      "", "\n", "\n\n\n", "!!!", "????", "{{", "[", "<", "\xff\xfe\xfd", "caf\xc3", "a\xe2\x82", "\xf0\x9f\x98\x80 hi",
      std::string(5000, 'a'), std::string(3000, '!'), std::string("a\0b", 3), "Hi,\r\r\r", "'''", "I'm'''s"};
  for (const auto& text : inputs) {
    std::vector<Finding> findings;
    EXPECT_NO_THROW(findings = Lint(text, ctx));
    for (const auto& f : findings) {
      EXPECT_LE(f.begin, f.end);
      EXPECT_LE(f.end, text.size());
      EXPECT_GE(f.line, 1);
      EXPECT_GE(f.column, 1);
    }
  }
}

class ThrowingSpeller : public Speller {
 public:
  bool Correct(std::string_view) const override { throw std::runtime_error("boom"); }
  std::vector<std::string> Suggest(std::string_view) const override { throw std::runtime_error("boom"); }
};

TEST(LintRobustness, AFailingSpellerCostsOnlyTheSpellingRule) {
  ThrowingSpeller speller;
  LintContext ctx = Ctx(MessageKind::kRequest);
  ctx.speller = &speller;
  std::vector<Finding> findings;
  EXPECT_NO_THROW(findings = Lint("Dear [Name], are you hiring?", ctx));
  EXPECT_TRUE(Rules(findings).count("unfilled-placeholder"));
  EXPECT_TRUE(Rules(findings).count("asks-for-job"));
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

TEST(LintConnection, SomeoneYouKnowNeedsNoLine) {
  const std::string text = Replace(kGoodRequest, "Grace Hopper suggested I write to you. ", "");
  auto ctx = Ctx(MessageKind::kRequest, {"Ada", "Sam"});
  EXPECT_TRUE(Fires(text, ctx, "no-connection"));
  // A first-degree contact on record: you know each other.
  ctx.knows_them = true;
  EXPECT_FALSE(Fires(text, ctx, "no-connection"));
  // The rest of the rules still read it.
  EXPECT_TRUE(Fires(Replace(text, "Would you have 20 minutes", "Are you hiring? Would you have 20 minutes"),
                    ctx, "asks-for-job"));
}

}  // namespace
}  // namespace rapport
