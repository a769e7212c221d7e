// The etiquette linter: reads an outreach message the way a trusted friend
// would before you send it. Pure: text and context in, findings out. The
// rules come from PRODUCT.md, stage 4 (the request), stage 5 (follow-up),
// stage 9 (thanks); see docs/linter.md for each rule and its measured
// precision and recall.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class Severity { kError, kWarning, kHint };
std::string_view ToString(Severity s);  // "error", "warning", "hint"

// What the message is for; rules apply per kind (a thank-you needs no time
// frame; a request does). kIntroRequest asks a mutual contact to introduce
// the seeker; kIntroduction is the introducer's own note (the seeker
// drafting it for a friend, or checking one before it is forwarded).
enum class MessageKind { kRequest, kFollowUp, kThankYou, kIntroRequest, kTouch, kIntroduction };
// "request", "follow_up", "thank_you", "intro_request", "touch", "introduction"
std::string_view ToString(MessageKind k);
std::optional<MessageKind> ParseMessageKind(std::string_view s);

struct Finding {
  std::string rule;  // stable id, e.g. "asks-for-job"
  Severity severity = Severity::kWarning;
  // The span, 1-based; columns count Unicode code points; end is exclusive.
  // A finding about the whole message spans its first line.
  int line = 1, column = 1, end_line = 1, end_column = 1;
  // The same span as byte offsets into the text [begin, end).
  size_t begin = 0, end = 0;
  std::string message;                    // plain words, one line
  std::optional<std::string> suggestion;  // what to write instead, when we can say
};

// Checks spelling word by word. Implemented over Hunspell in spelling.cpp.
class Speller {
 public:
  virtual ~Speller() = default;
  virtual bool Correct(std::string_view word) const = 0;
  // Up to a few suggestions for a misspelled word, best first.
  virtual std::vector<std::string> Suggest(std::string_view word) const = 0;
};

struct LintContext {
  MessageKind kind = MessageKind::kRequest;
  // Proper nouns from the records (names, organizations, objective words)
  // and the user's own word list: never spelling mistakes.
  std::vector<std::string> known_words;
  // Notes from the meeting this thank-you follows; when present,
  // not-specific also checks that the message mentions something from them.
  std::vector<std::string> meeting_notes;
  // From the log of the person written to. Days since the last interaction
  // with them (any logged event but `targeted`); none: no history, or not
  // known. long-silence fires at `silence_days` or more when the message
  // does not acknowledge the gap.
  std::optional<int> days_since_last_contact;
  int silence_days = 180;
  // They answered no (replied_no) and have not said yes since: a new request
  // or follow-up that does not acknowledge it is already-declined.
  bool declined = false;
  // The person written to is someone you know (a first-degree contact on
  // record): a request needs no line on how you found them (no-connection).
  bool knows_them = false;
  const Speller* speller = nullptr;  // null: no spelling rule
};

// Every finding, sorted by position then rule id. Never throws.
std::vector<Finding> Lint(std::string_view text, const LintContext& context);

// True when any finding is an error (the exit status of `rapport lint`).
bool HasErrors(const std::vector<Finding>& findings);

// Every rule id with its one-line description, for --help and docs.
struct RuleInfo {
  std::string_view id;
  std::string_view description;
};
const std::vector<RuleInfo>& LintRules();

}  // namespace rapport
