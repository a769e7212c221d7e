// The question plan for a meeting (PRODUCT.md, stage 7): 4-6 questions,
// shared out across an objective's interviewees so that no question is asked
// five times while others wait, and always closed by asking whom else to
// meet. Pure: the bank, who answered what, and who meets first in; a plan out.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/types.h"
#include "rapport/playbook/settings.h"

namespace rapport {

// The bank Rapport starts with (about 30 questions in our own words, every
// category, at least one referral question). General: no objective.
struct StarterQuestion {
  QuestionCategory category;
  std::string_view text;
  bool referral = false;
};
const std::vector<StarterQuestion>& StarterQuestions();

// Someone's answer to a question, as far as planning cares.
struct AnsweredBy {
  Id question_id = 0;
  Id contact_id = 0;
};

struct QuestionPlanInput {
  // The whole bank; questions tied to another objective are ignored.
  std::span<const Question> bank;
  // The objective of the meeting; unset plans from general questions only.
  std::optional<Id> objective_id;
  // The contact the plan is for.
  Id contact_id = 0;
  // Answers given by the objective's interviewees (this contact included).
  std::span<const AnsweredBy> answers;
  // The objective's other interviewees whose meetings come before this
  // contact's and are not held yet, earliest first. Their plans are made
  // first, in this order, and the questions given to them count as taken.
  std::span<const Id> earlier;
};

struct PlannedQuestion {
  Id question_id = 0;  // 0 for the built-in closing question (empty bank)
  std::string text;
  QuestionCategory category = QuestionCategory::kOther;
  bool referral = false;
  int answered = 0;  // how many of the objective's interviewees answered it
};

struct QuestionPlan {
  // At most playbook.questions_max; the last one is always a referral question.
  std::vector<PlannedQuestion> questions;
  // Set when the bank cannot fill playbook.questions_min: a plain sentence
  // saying how many are missing and how to add some.
  std::optional<std::string> shortfall;
};

// Rules, in order:
// 1. Candidates: general questions and the objective's own, minus those this
//    contact already answered; referral questions are kept apart.
// 2. Each candidate's use = how many interviewees answered it + how many
//    earlier plans took it. Lowest use first; at equal use the objective's
//    own before general ones, then a category not yet in this plan, then
//    bank order (id).
// 3. Take questions_max - 1 of them (fewer if the bank runs out), then close
//    with a referral question: the objective's own if it has one, else a
//    general one (lowest use, then id), else a built-in wording (id 0).
QuestionPlan PlanQuestions(const QuestionPlanInput& in, const Playbook& playbook);

// The built-in closing question used when the bank has no referral question.
std::string_view DefaultReferralQuestion();

}  // namespace rapport
