// The question plan for a meeting (questions.h): the starter bank and the
// planner that shares an objective's questions out across its interviewees.
//
// Choices where the header is silent:
// - Referral questions follow rule 1 too: one this contact already answered
//   is not asked again; the next referral question (or the built-in wording)
//   closes the plan instead.
// - Only the non-referral questions of earlier plans count as taken: every
//   meeting closes with a referral question, so sharing those out would only
//   make the closing question vary for no reason.
// - Among several referral questions of the same kind (the objective's own,
//   or general), the least used wins, then the lowest id.
// - `earlier` entries equal to the contact itself, and repeats, are skipped:
//   a plan cannot come before itself, and one meeting is planned once.
// - Plans list questions in the order picked, so the least asked come first
//   and the referral question last.
// - questions_max below 1 (Validate refuses it) gives an empty plan rather
//   than one longer than the setting.
// - The built-in closing question is filed under resources, like the
//   starter bank's own "whom else" question.
// - The shortfall sentence uses ASCII only, like the agenda's reasons.
#include "rapport/playbook/questions.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace rapport {

namespace {

using QC = QuestionCategory;

constexpr std::string_view kDefaultReferral =
    "Who else do you think I should talk to, and may I say that you suggested them?";

// What the plans for one objective share: the questions in scope, who
// answered each, and how many earlier plans took each.
class Planner {
 public:
  explicit Planner(const QuestionPlanInput& in) : objective_(in.objective_id) {
    for (const Question& q : in.bank) {
      if (InScope(q)) scope_.push_back(&q);
    }
    // Bank order: by id, ties in the order given.
    std::stable_sort(scope_.begin(), scope_.end(),
                     [](const Question* a, const Question* b) { return a->id < b->id; });
    for (const AnsweredBy& a : in.answers) answerers_[a.question_id].insert(a.contact_id);
  }

  struct Picks {
    std::vector<const Question*> regular;
    const Question* referral = nullptr;  // null: the built-in wording
  };

  // The rules of questions.h for one contact, with what earlier plans took.
  Picks Plan(Id contact, int max) const {
    Picks out;
    std::vector<const Question*> pool;
    std::vector<const Question*> referrals;
    for (const Question* q : scope_) {
      if (Answered(q->id, contact)) continue;
      (q->referral ? referrals : pool).push_back(q);
    }

    const size_t slots = max > 1 ? static_cast<size_t>(max - 1) : 0;
    std::set<QuestionCategory> categories;
    while (out.regular.size() < slots && !pool.empty()) {
      auto key = [&](const Question* q) {
        return std::make_tuple(Use(q->id), !Own(*q), categories.count(q->category) > 0, q->id);
      };
      auto best =
          std::min_element(pool.begin(), pool.end(),
                           [&](const Question* a, const Question* b) { return key(a) < key(b); });
      out.regular.push_back(*best);
      categories.insert((*best)->category);
      pool.erase(best);
    }

    auto referral_key = [&](const Question* q) {
      return std::make_tuple(!Own(*q), Use(q->id), q->id);
    };
    auto best = std::min_element(
        referrals.begin(), referrals.end(),
        [&](const Question* a, const Question* b) { return referral_key(a) < referral_key(b); });
    if (best != referrals.end()) out.referral = *best;
    return out;
  }

  void Take(const Picks& picks) {
    for (const Question* q : picks.regular) ++taken_[q->id];
  }

  int AnsweredCount(Id question) const {
    auto it = answerers_.find(question);
    return it == answerers_.end() ? 0 : static_cast<int>(it->second.size());
  }

 private:
  bool InScope(const Question& q) const {
    return !q.objective_id || (objective_ && *q.objective_id == *objective_);
  }

  bool Own(const Question& q) const { return q.objective_id.has_value(); }

  bool Answered(Id question, Id contact) const {
    auto it = answerers_.find(question);
    return it != answerers_.end() && it->second.count(contact) > 0;
  }

  int Use(Id question) const {
    auto it = taken_.find(question);
    return AnsweredCount(question) + (it == taken_.end() ? 0 : it->second);
  }

  std::optional<Id> objective_;
  std::vector<const Question*> scope_;
  std::map<Id, std::set<Id>> answerers_;  // question -> distinct contacts
  std::map<Id, int> taken_;               // question -> earlier plans
};

PlannedQuestion ToPlanned(const Question& q, int answered) {
  PlannedQuestion p;
  p.question_id = q.id;
  p.text = q.text;
  p.category = q.category;
  p.referral = q.referral;
  p.answered = answered;
  return p;
}

// "Only 3 questions are ready for this meeting and the playbook asks for at
// least 4; add 1 more to the question bank."
std::string Shortfall(int have, int min) {
  const int missing = min - have;
  std::string s = "Only " + std::to_string(have) + (have == 1 ? " question is" : " questions are") +
                  " ready for this meeting and the playbook asks for at least " +
                  std::to_string(min) + "; add " + std::to_string(missing) +
                  " more to the question bank.";
  return s;
}

}  // namespace

const std::vector<StarterQuestion>& StarterQuestions() {
  // Written for Rapport: warm, plain, specific, and never about getting hired.
  static const std::vector<StarterQuestion> kStarter = {
      // Trends: where the field is heading.
      {QC::kTrends, "How has your field changed in the last few years, and what is behind it?"},
      {QC::kTrends, "What changes do you expect in this line of work over the next five years?"},
      {QC::kTrends,
       "Which new tools or methods are people in your field most excited or worried about?"},
      {QC::kTrends, "Which parts of this work seem to be growing, and which are fading?"},
      // Insights: what only an insider sees.
      {QC::kInsights, "What do people outside your field most often get wrong about it?"},
      {QC::kInsights, "What surprised you most when you started doing this work?"},
      {QC::kInsights,
       "What sets apart the people who thrive in this role from those who struggle?"},
      {QC::kInsights, "What is a hard part of your work that rarely gets talked about?"},
      // Advice: what they would do in the seeker's place.
      {QC::kAdvice, "If you were starting out in this field today, what would you do first?"},
      {QC::kAdvice, "Which skills or experiences would you build now, from where I stand?"},
      {QC::kAdvice, "What do you wish someone had told you in your first year?"},
      {QC::kAdvice, "Looking at my background, which gap would you work on closing first?"},
      // Resources: what to read, join and learn.
      {QC::kResources,
       "Which publications, newsletters or podcasts help you keep up with the field?"},
      {QC::kResources, "Are there professional groups or events you find worth your time?"},
      {QC::kResources, "Which courses, certificates or books have been most useful to you?"},
      {QC::kResources, "Who else would you suggest I talk to as I learn more about this field?",
       true},
      // The second referral question comes after the first, so plans close
      // with the plainer "who else" unless the seeker edits the bank.
      {QC::kAdvice,
       "Is there someone with a different view from yours whom you think I should hear from?",
       true},
      // Assignments: small ways to try the work.
      {QC::kAssignments,
       "Is there a small project I could do on my own to get a feel for this work?"},
      {QC::kAssignments,
       "What kind of task does a newcomer usually take on in the first few months?"},
      {QC::kAssignments, "How could I find out whether I enjoy this work before I commit to it?"},
      // Day-to-day.
      {QC::kDayToDay, "What does a typical week look like for you?"},
      {QC::kDayToDay, "How is your time split between meetings, focused work and everything else?"},
      {QC::kDayToDay,
       "Which part of your day do you enjoy most, and which would you gladly hand off?"},
      // Path: how they got here and where it leads.
      {QC::kPath, "How did you end up in this role, and which steps along the way mattered most?"},
      {QC::kPath, "Where do people in your position usually go next?"},
      {QC::kPath, "Was there a turning point in your career that you would be willing to share?"},
      // Culture: the people and how they work together.
      {QC::kCulture, "How would you describe the people you work with?"},
      {QC::kCulture, "How does your team make decisions and settle disagreements?"},
      {QC::kCulture, "What kind of person tends to feel at home here, and who tends to leave?"},
      // Other.
      {QC::kOther, "How do people in your field balance work with life outside it?"},
      {QC::kOther, "Is there anything I have not asked that you think I should know?"},
  };
  return kStarter;
}

std::string_view DefaultReferralQuestion() { return kDefaultReferral; }

QuestionPlan PlanQuestions(const QuestionPlanInput& in, const Playbook& playbook) {
  Planner planner(in);
  const int max = playbook.questions_max;

  std::set<Id> seen;
  for (Id other : in.earlier) {
    if (other == in.contact_id || !seen.insert(other).second) continue;
    planner.Take(planner.Plan(other, max));
  }

  QuestionPlan plan;
  if (max < 1) {
    if (playbook.questions_min > 0) plan.shortfall = Shortfall(0, playbook.questions_min);
    return plan;
  }
  const Planner::Picks picks = planner.Plan(in.contact_id, max);
  for (const Question* q : picks.regular) {
    plan.questions.push_back(ToPlanned(*q, planner.AnsweredCount(q->id)));
  }
  if (picks.referral) {
    plan.questions.push_back(ToPlanned(*picks.referral, planner.AnsweredCount(picks.referral->id)));
  } else {
    PlannedQuestion p;
    p.question_id = 0;
    p.text = std::string(kDefaultReferral);
    p.category = QuestionCategory::kResources;
    p.referral = true;
    plan.questions.push_back(std::move(p));
  }

  const int have = static_cast<int>(plan.questions.size());
  if (have < playbook.questions_min) plan.shortfall = Shortfall(have, playbook.questions_min);
  return plan;
}

}  // namespace rapport
