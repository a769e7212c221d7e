#include "rapport/playbook/questions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rapport {
namespace {

using QC = QuestionCategory;

constexpr Id kObjective = 7;
constexpr Id kOtherObjective = 8;
constexpr Id kAda = 1;
constexpr Id kBen = 2;
constexpr Id kCy = 3;
constexpr std::optional<Id> kGeneral = std::nullopt;

Question Q(Id id, QC category, std::optional<Id> objective = kObjective, bool referral = false) {
  Question q;
  q.id = id;
  q.text = "question " + std::to_string(id);
  q.category = category;
  q.objective_id = objective;
  q.referral = referral;
  return q;
}

Question Referral(Id id, std::optional<Id> objective = kObjective) {
  return Q(id, QC::kResources, objective, true);
}

Playbook Limits(int min, int max) {
  Playbook p;
  p.questions_min = min;
  p.questions_max = max;
  return p;
}

// One planner call; the defaults are the objective kObjective and 4-6 questions.
struct Call {
  std::vector<Question> bank;
  std::vector<AnsweredBy> answers;
  std::vector<Id> earlier;
  std::optional<Id> objective = kObjective;
  Playbook playbook = Limits(4, 6);

  QuestionPlan For(Id contact) const {
    QuestionPlanInput in;
    in.bank = bank;
    in.objective_id = objective;
    in.contact_id = contact;
    in.answers = answers;
    in.earlier = earlier;
    return PlanQuestions(in, playbook);
  }
};

std::vector<Id> Ids(const QuestionPlan& plan) {
  std::vector<Id> out;
  for (const auto& q : plan.questions) out.push_back(q.question_id);
  return out;
}

// Ids 1..n, the objective's own, categories cycling through `cycle`.
std::vector<Question> Bank(int n, const std::vector<QC>& cycle) {
  std::vector<Question> out;
  for (int i = 0; i < n; ++i) out.push_back(Q(i + 1, cycle[i % cycle.size()]));
  return out;
}

TEST(PlanQuestions, SharesQuestionsOutAcrossInterviewees) {
  Call c;
  c.bank = Bank(12, {QC::kTrends, QC::kInsights, QC::kAdvice, QC::kResources});
  c.bank.push_back(Referral(13));

  c.earlier = {};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{1, 2, 3, 4, 5, 13}));
  c.earlier = {kAda};
  EXPECT_EQ(Ids(c.For(kBen)), (std::vector<Id>{6, 7, 8, 9, 10, 13}));
  // The last two untouched questions first, then the least used with new
  // categories (trends, insights), then by id.
  c.earlier = {kAda, kBen};
  const QuestionPlan cy = c.For(kCy);
  EXPECT_EQ(Ids(cy), (std::vector<Id>{11, 12, 1, 2, 3, 13}));
  EXPECT_FALSE(cy.shortfall.has_value());
}

TEST(PlanQuestions, EarlierPlansFollowTheSameRules) {
  Call c;
  c.bank = Bank(2, {QC::kTrends});
  c.playbook = Limits(1, 2);  // one question and the closing one
  c.answers = {{1, kAda}};
  // Ada answered 1, so her plan takes 2; for Ben both are used once, and
  // the lower id wins. Ignoring her answer, or what her plan took, gives 2.
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{2, 0}));
  c.earlier = {kAda};
  EXPECT_EQ(Ids(c.For(kBen)), (std::vector<Id>{1, 0}));
  // Cy answered 2 as well: Ada's plan still cannot take 1, so it takes 2,
  // and Ben gets 1, now the less used.
  c.answers = {{1, kAda}, {2, kCy}};
  c.earlier = {};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{2, 0}));
  c.earlier = {kAda};
  EXPECT_EQ(Ids(c.For(kBen)), (std::vector<Id>{1, 0}));
}

TEST(PlanQuestions, AnsweredQuestionsGoAfterUnansweredOnes) {
  Call c;
  c.bank = Bank(4, {QC::kTrends});
  c.answers = {{1, kBen}, {1, kCy}, {2, kCy}, {1, kCy}};  // Cy's second answer to 1 counts once
  const QuestionPlan plan = c.For(kAda);
  EXPECT_EQ(Ids(plan), (std::vector<Id>{3, 4, 2, 1, 0}));
  std::vector<int> answered;
  for (const auto& q : plan.questions) answered.push_back(q.answered);
  EXPECT_EQ(answered, (std::vector<int>{0, 0, 1, 2, 0}));
}

TEST(PlanQuestions, NeverPlansWhatThisContactAnswered) {
  Call c;
  c.bank = Bank(3, {QC::kTrends});
  c.bank.push_back(Referral(4));
  c.bank.push_back(Referral(5, kGeneral));
  c.answers = {{1, kAda}, {4, kAda}};
  // Room for more, yet 1 stays out; the answered referral question too.
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{2, 3, 5}));
  EXPECT_EQ(Ids(c.For(kBen)), (std::vector<Id>{2, 3, 1, 4}));
}

TEST(PlanQuestions, OwnQuestionsBeatGeneralOnesAtEqualUse) {
  Call c;
  c.bank = {Q(1, QC::kTrends, kGeneral), Q(2, QC::kTrends), Q(3, QC::kTrends, kGeneral),
            Q(4, QC::kTrends)};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{2, 4, 1, 3, 0}));
  // Use comes first: an own question answered once waits behind general ones.
  c.answers = {{2, kBen}};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{4, 1, 3, 2, 0}));
  // Own before general comes before a new category: 3 repeats trends, yet
  // it goes before 4, a general question of a new category.
  c.answers = {};
  c.bank = {Q(1, QC::kTrends, kGeneral), Q(2, QC::kTrends), Q(3, QC::kTrends),
            Q(4, QC::kInsights, kGeneral)};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{2, 3, 4, 1, 0}));
}

TEST(PlanQuestions, NeverUsesAnotherObjectivesQuestions) {
  Call c;
  c.bank = {Q(1, QC::kTrends, kOtherObjective), Referral(2, kOtherObjective), Q(3, QC::kInsights),
            Q(4, QC::kAdvice, kGeneral)};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{3, 4, 0}));
  // No objective: general questions only.
  c.objective = std::nullopt;
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{4, 0}));
}

TEST(PlanQuestions, NeverExceedsQuestionsMax) {
  Call c;
  c.bank = Bank(12, {QC::kTrends, QC::kPath, QC::kCulture});
  c.bank.push_back(Referral(13));
  for (int max : {1, 2, 4, 6, 8, 13, 20}) {
    c.playbook = Limits(1, max);
    const QuestionPlan plan = c.For(kAda);
    EXPECT_EQ(plan.questions.size(), static_cast<size_t>(std::min(max, 13))) << "max " << max;
    ASSERT_FALSE(plan.questions.empty());
    EXPECT_TRUE(plan.questions.back().referral) << "max " << max;
  }
  c.playbook = Limits(1, 1);
  EXPECT_EQ(Ids(c.For(kAda)), std::vector<Id>{13});
}

TEST(PlanQuestions, ClosesWithTheObjectivesOwnReferralQuestion) {
  Call c;
  // The general one has the lower id and the own one was answered before:
  // the own one still closes.
  c.bank = {Q(1, QC::kTrends), Referral(2, kGeneral), Referral(3)};
  c.answers = {{3, kBen}};
  QuestionPlan plan = c.For(kAda);
  EXPECT_EQ(Ids(plan), (std::vector<Id>{1, 3}));
  EXPECT_TRUE(plan.questions.back().referral);
  EXPECT_EQ(plan.questions.back().answered, 1);
  EXPECT_EQ(plan.questions.back().text, "question 3");
  // Another objective's referral question never closes.
  c.bank = {Q(1, QC::kTrends), Referral(2, kOtherObjective), Referral(3, kGeneral)};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{1, 3}));
}

TEST(PlanQuestions, ClosesWithTheLeastUsedGeneralReferralQuestion) {
  Call c;
  c.bank = {Q(1, QC::kTrends), Referral(2, kGeneral), Referral(3, kGeneral)};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{1, 2}));
  c.answers = {{2, kBen}};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{1, 3}));
  c.answers = {};
  // Earlier plans' closing questions are not shared out: after Ben's plan
  // closed with 2, Ada's does too.
  c.earlier = {kBen};
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{1, 2}));
}

TEST(PlanQuestions, ClosesWithTheBuiltInQuestionWhenTheBankHasNone) {
  Call c;
  c.bank = {Q(1, QC::kTrends)};
  QuestionPlan plan = c.For(kAda);
  ASSERT_EQ(Ids(plan), (std::vector<Id>{1, 0}));
  const PlannedQuestion& last = plan.questions.back();
  EXPECT_TRUE(last.referral);
  EXPECT_EQ(last.text, DefaultReferralQuestion());
  EXPECT_EQ(last.answered, 0);

  c.bank = {};
  plan = c.For(kAda);
  ASSERT_EQ(Ids(plan), std::vector<Id>{0});
  EXPECT_EQ(plan.questions[0].text, DefaultReferralQuestion());
}

TEST(PlanQuestions, ShortfallExactlyWhenBelowQuestionsMin) {
  for (int regular = 0; regular <= 6; ++regular) {
    Call c;
    c.bank = Bank(regular, {QC::kTrends});
    c.bank.push_back(Referral(100));
    const QuestionPlan plan = c.For(kAda);
    const int size = std::min(regular, 5) + 1;
    EXPECT_EQ(plan.questions.size(), static_cast<size_t>(size)) << regular;
    EXPECT_EQ(plan.shortfall.has_value(), size < 4) << regular;
  }
  Call c;
  c.bank = Bank(2, {QC::kTrends});
  EXPECT_EQ(c.For(kAda).shortfall,
            "Only 3 questions are ready for this meeting and the playbook asks for at least 4; "
            "add 1 more to the question bank.");
  c.bank = {};
  EXPECT_EQ(c.For(kAda).shortfall,
            "Only 1 question is ready for this meeting and the playbook asks for at least 4; "
            "add 3 more to the question bank.");
  // Questions this contact answered do not count toward the minimum.
  c.bank = Bank(4, {QC::kTrends});
  c.answers = {{1, kAda}, {2, kAda}};
  EXPECT_TRUE(c.For(kAda).shortfall.has_value());
  EXPECT_FALSE(c.For(kBen).shortfall.has_value());
}

TEST(PlanQuestions, VariesCategoriesAtEqualUse) {
  Call c;
  c.bank = {Q(1, QC::kTrends), Q(2, QC::kTrends), Q(3, QC::kInsights),
            Q(4, QC::kTrends), Q(5, QC::kAdvice), Q(6, QC::kCulture)};
  c.answers = {{6, kBen}};  // a new category does not beat a lower use
  c.playbook = Limits(4, 7);
  EXPECT_EQ(Ids(c.For(kAda)), (std::vector<Id>{1, 3, 5, 2, 4, 6, 0}));
}

TEST(PlanQuestions, IsDeterministic) {
  Call c;
  c.bank = Bank(9, {QC::kTrends, QC::kAdvice});
  std::reverse(c.bank.begin(), c.bank.end());  // bank order is by id, not position
  c.answers = {{3, kBen}, {5, kCy}};
  c.earlier = {kBen, kCy};
  const QuestionPlan a = c.For(kAda);
  const QuestionPlan b = c.For(kAda);
  EXPECT_EQ(Ids(a), Ids(b));
  // Ben takes 1, 2, 4, 6, 7 (he answered 3); Cy takes 8, 9, then 1, 2, 3
  // (she answered 5). For Ada 1, 2 and 3 are used twice, the rest once.
  EXPECT_EQ(Ids(a), (std::vector<Id>{4, 5, 6, 7, 8, 0}));
}

// ---- the starter bank ------------------------------------------------------

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool AsksForWork(std::string_view text) {
  const std::string t = Lower(text);
  for (std::string_view word : {"job", "internship", "hiring", "opening"}) {
    if (t.find(word) != std::string::npos) return true;
  }
  return false;
}

TEST(StarterQuestions, SizeCategoriesAndReferrals) {
  const auto& bank = StarterQuestions();
  EXPECT_GE(bank.size(), 25u);
  EXPECT_LE(bank.size(), 35u);
  std::set<QC> categories;
  int referrals = 0;
  for (const auto& q : bank) {
    categories.insert(q.category);
    if (q.referral) {
      ++referrals;
      EXPECT_TRUE(q.category == QC::kResources || q.category == QC::kAdvice) << q.text;
    }
  }
  for (std::string_view name : QuestionCategoryNames()) {
    auto category = ParseQuestionCategory(name);
    ASSERT_TRUE(category.has_value()) << name;
    EXPECT_TRUE(categories.count(*category)) << "no starter question for " << name;
  }
  EXPECT_GE(referrals, 1);
}

TEST(StarterQuestions, NoDuplicatesAndNoAskingForWork) {
  std::set<std::string> texts;
  for (const auto& q : StarterQuestions()) {
    EXPECT_TRUE(texts.insert(Lower(q.text)).second) << "duplicate: " << q.text;
    EXPECT_FALSE(AsksForWork(q.text)) << q.text;
    EXPECT_FALSE(q.text.empty());
    EXPECT_EQ(q.text.back(), '?') << q.text;
  }
  EXPECT_FALSE(AsksForWork(DefaultReferralQuestion()));
  EXPECT_FALSE(texts.count(Lower(DefaultReferralQuestion())));
  EXPECT_TRUE(AsksForWork("Are you Hiring?"));  // the check itself works
}

TEST(StarterQuestions, PlanAFullMeeting) {
  std::vector<Question> bank;
  for (const auto& s : StarterQuestions()) {
    Question q;
    q.id = static_cast<Id>(bank.size() + 1);
    q.text = std::string(s.text);
    q.category = s.category;
    q.referral = s.referral;
    bank.push_back(q);
  }
  Call c;
  c.bank = bank;
  const QuestionPlan plan = c.For(kAda);
  ASSERT_EQ(plan.questions.size(), 6u);
  EXPECT_FALSE(plan.shortfall.has_value());
  EXPECT_TRUE(plan.questions.back().referral);
  std::set<QC> categories;
  for (size_t i = 0; i + 1 < plan.questions.size(); ++i) {
    EXPECT_FALSE(plan.questions[i].referral);
    categories.insert(plan.questions[i].category);
  }
  EXPECT_EQ(categories.size(), 5u);  // five questions, five categories
}

}  // namespace
}  // namespace rapport
