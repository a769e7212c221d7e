// The etiquette linter's entry points: the rule list, kinds, and Lint,
// which reads the message once (lint_text.cpp) and runs every rule
// (lint_phrases.cpp, lint_shape.cpp, lint_spelling.cpp).
#include "rapport/messages/lint.h"

#include <algorithm>
#include <tuple>

#include "rapport/messages/lint_internal.h"

namespace rapport {

std::string_view ToString(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kHint:
      return "hint";
  }
  return "warning";
}

std::string_view ToString(MessageKind k) {
  switch (k) {
    case MessageKind::kRequest:
      return "request";
    case MessageKind::kFollowUp:
      return "follow_up";
    case MessageKind::kThankYou:
      return "thank_you";
    case MessageKind::kIntroRequest:
      return "intro_request";
    case MessageKind::kTouch:
      return "touch";
    case MessageKind::kIntroduction:
      return "introduction";
  }
  return "request";
}

std::optional<MessageKind> ParseMessageKind(std::string_view s) {
  std::string key(s);
  for (auto& c : key) {
    if (c == '-') c = '_';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (MessageKind k : {MessageKind::kRequest, MessageKind::kFollowUp, MessageKind::kThankYou,
                        MessageKind::kIntroRequest, MessageKind::kTouch, MessageKind::kIntroduction}) {
    if (key == ToString(k)) return k;
  }
  return std::nullopt;
}

std::vector<Finding> Lint(std::string_view text, const LintContext& context) {
  std::vector<Finding> findings;
  try {
    using namespace lint_detail;
    const Doc doc(text);
    using Check = void (*)(const Doc&, const LintContext&, std::vector<Finding>*);
    static constexpr Check kChecks[] = {
        CheckPlaceholders, CheckAsksForJob,  CheckResume,   CheckTransition,  CheckTone,
        CheckConnection,   CheckAsk,         CheckTimeFrame, CheckFlexibility, CheckLength,
        CheckAboutMe,      CheckSpecific,    CheckSpelling, CheckRepeatedWords, CheckGeneric,
        CheckSchedule,     CheckDoubleOptIn, CheckSilence,  CheckDeclined};
    for (Check check : kChecks) {
      // One rule failing (a speller throwing, memory running out) must not
      // cost the others.
      try {
        check(doc, context, &findings);
      } catch (...) {
      }
    }
  } catch (...) {
    // Not even the text could be read; report what we have.
  }
  // Whatever lies inside a template field ("[INSERT COMPANY HERE!!]") is
  // the placeholder's problem, not shouting or a typo.
  std::vector<std::pair<size_t, size_t>> fields;
  for (const auto& f : findings) {
    if (f.rule == "unfilled-placeholder") fields.emplace_back(f.begin, f.end);
  }
  std::erase_if(findings, [&](const Finding& f) {
    if (f.rule == "unfilled-placeholder") return false;
    const bool tone = f.rule == "tone-demanding" || f.rule == "tone-desperate";
    return std::any_of(fields.begin(), fields.end(), [&](const auto& field) {
      return (field.first <= f.begin && f.end <= field.second) ||
             (tone && f.begin < field.second && field.first < f.end);
    });
  });
  const auto key = [](const Finding& f) { return std::tie(f.begin, f.rule, f.end, f.message); };
  std::sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.begin == b.begin && a.end == b.end && a.rule == b.rule;
                             }),
                 findings.end());
  return findings;
}

bool HasErrors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::kError; });
}

const std::vector<RuleInfo>& LintRules() {
  static const std::vector<RuleInfo> kRules = {
      {"asks-for-job", "asks for a job, openings, hiring or a referral for a position (error; a warning in "
                       "keep-in-touch notes)"},
      {"mentions-resume", "attaches, offers or pushes a resume or CV before anyone asked for it (error when attached "
                          "to a first request)"},
      {"opens-with-transition", "leads with \"I'm in transition\", a layoff or a job search instead of who you are"},
      {"no-connection", "a request that doesn't say how you found them or who referred you"},
      {"no-clear-ask", "no clear request, or a request written as a statement instead of a question"},
      {"no-time-frame", "a request that names no bounded time such as 15, 20 or 30 minutes"},
      {"no-flexibility", "a request offering no choice of times or of phone, video or email (hint)"},
      {"too-long", "longer than a busy reader will read: a request over 100 words (hint) or 150 (warning)"},
      {"about-me", "far more about the sender (I, me, my) than about the recipient (a warning when all about the sender)"},
      {"tone-desperate", "pleading or over-eager: begging, \"desperately\", strings of exclamation marks"},
      {"tone-demanding", "pressure: deadlines, ultimatums, \"ASAP\", guilt about unanswered mail, shouting capitals"},
      {"not-specific", "a thank-you that names nothing specific from the conversation (or from the meeting notes)"},
      {"unfilled-placeholder", "a template field left in: {{...}}, [Name], <company>, XXX, ___ (error)"},
      {"spelling", "a word the dictionary doesn't know, with suggestions (names and known words excepted)"},
      {"repeated-word", "the same word twice in a row, as in \"the the\""},
      {"generic-request", "a request that could have gone to anyone: nothing about this person or their work"},
      {"dictates-schedule", "sets the time or place for them, or leaves them all the arranging with no time offered"},
      {"no-double-opt-in", "an introducer's note that connects two people without saying the second agreed first"},
      {"long-silence", "writes after a long silence (from the log) without acknowledging the gap"},
      {"already-declined", "asks again someone who already said no (from the log), as if they hadn't (error)"},
  };
  return kRules;
}

}  // namespace rapport
