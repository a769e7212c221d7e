// Private to the linter (lint*.cpp): the message as words, tokens and
// sentences, a tiny token-pattern matcher, and the rule functions. Nothing
// here is part of the public interface in lint.h.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/messages/lint.h"

namespace rapport::lint_detail {

// Decodes the code point starting at byte i (i < s.size()). Returns its
// length in bytes (1-4); an invalid byte counts as one code point U+FFFD.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp);

// A run of letters, digits and inner apostrophes, as written.
struct Word {
  size_t begin = 0, end = 0;  // bytes in the text
  int sentence = 0;
  bool sentence_initial = false;  // the first word of its sentence
  bool has_digit = false;
  bool has_upper = false;
  bool all_upper = false;         // at least one letter, no lowercase letter
  bool initial_upper = false;     // starts with an uppercase letter (ASCII or Latin-1)
  bool ascii = true;
  bool after_hyphen = false;      // written as "x-word" (the previous word, then '-')
};

// A word as the patterns see it: lowercased, curly apostrophes and common
// accents folded, contractions expanded ("I'm" is the two tokens i, am;
// "don't" is do, not; "Ada's" is ada, 's). Both halves keep the word's span.
struct Token {
  std::string norm;
  int word = 0;
  int sentence = 0;
};

struct Sentence {
  size_t begin = 0, end = 0;  // bytes, without surrounding whitespace
  int first_word = 0, end_word = 0;    // words [first_word, end_word)
  int first_token = 0, end_token = 0;  // tokens [first_token, end_token)
  char terminator = 0;  // '?', '!', '.', or 0 (a line break or the end)
  bool question() const { return terminator == '?'; }
};

// Template fields left in the text, as byte spans, in order: {{x}}, {x},
// [x] (over several lines too), <x>, ___, %x%, and instructions in
// parentheses ("(fill in a detail)", "(COMPANY)").
std::vector<std::pair<size_t, size_t>> FindTemplateFields(std::string_view text);

class Doc {
 public:
  explicit Doc(std::string_view text);

  std::string_view text() const { return text_; }
  const std::vector<Word>& words() const { return words_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Template fields (FindTemplateFields); their words are not in words().
  const std::vector<std::pair<size_t, size_t>>& fields() const { return fields_; }
  std::string_view WordText(int w) const;
  std::string_view SentenceText(int s) const;

  // The greeting ("Hi Ada,") and the sign-off ("Thank you,\nSam") as
  // sentence ranges; the body lies between. Both may be empty.
  int body_begin() const { return body_begin_; }  // first body sentence
  int body_end() const { return body_end_; }      // one past the last body sentence
  bool InGreeting(int sentence) const { return sentence < body_begin_; }
  bool InSignoff(int sentence) const { return sentence >= body_end_; }

  // Builds a finding over bytes [begin, end), filling lines and columns.
  Finding Make(std::string rule, Severity severity, size_t begin, size_t end,
               std::string message, std::optional<std::string> suggestion = std::nullopt) const;
  // A finding about the whole message: it spans the first line.
  Finding MakeWhole(std::string rule, Severity severity, std::string message,
                    std::optional<std::string> suggestion = std::nullopt) const;

 private:
  void FindSkips();
  void SplitWords();
  void SplitSentences();
  void Tokenize();
  void FindGreetingAndSignoff();
  void Position(size_t byte, int* line, int* column) const;

  std::string_view text_;
  std::vector<std::pair<size_t, size_t>> fields_;
  std::vector<std::pair<size_t, size_t>> skips_;  // URLs, email addresses and fields
  std::vector<Word> words_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<size_t> line_starts_;
  std::vector<uint32_t> cp_before_;  // code points before each byte
  int body_begin_ = 0, body_end_ = 0;
};

// ---- patterns over tokens ----------------------------------------------------
//
// A pattern is a space-separated list of elements, matched token by token
// inside one sentence:
//   word          the token "word"
//   a|b|c         any of the alternatives
//   hir*          any token starting with "hir"
//   ?a|b          optional element
//   ~3            zero to three arbitrary tokens
class Pattern {
 public:
  explicit Pattern(std::string_view spec);
  // Tries to match starting at token t; returns one past the last token
  // matched, or -1.
  int MatchAt(const std::vector<Token>& tokens, int t) const;

 private:
  struct Element {
    std::vector<std::string> alts;
    bool optional = false;
    int gap = -1;  // >= 0: skip up to `gap` tokens
  };
  int Match(const std::vector<Token>& tokens, size_t e, int t, int sentence) const;
  static bool Accepts(const Element& el, const std::string& norm);
  std::vector<Element> elements_;
};

struct Match {
  int first = 0, end = 0;  // tokens [first, end)
};

// Every non-overlapping match of `pattern` within tokens [from, to), left to
// right. With `negatable`, matches preceded (within four tokens of the same
// sentence) by not/no/never/without are dropped.
std::vector<Match> FindAll(const Doc& doc, const Pattern& pattern, bool negatable, int from = 0,
                           int to = -1);

// A phrase to look for. `negatable`: "I'm not asking for a job" does not
// count. `ask_context`: only in a question or an "if/whether/let me know"
// sentence, where "any openings" is a request rather than a description.
struct Phrase {
  const char* spec;
  bool negatable = true;
  bool ask_context = false;
  bool statement_only = false;  // never in a question ("Could you ask her to call me?")
};

class PhraseSet {
 public:
  PhraseSet(std::initializer_list<Phrase> phrases);
  // The first accepted match in each sentence of [from, to).
  std::vector<Match> FindPerSentence(const Doc& doc, int from, int to,
                                     const std::function<bool(const Match&)>& reject = nullptr) const;
  // Whether any sentence of [from, to) matches.
  bool Any(const Doc& doc, int from, int to) const { return !FindPerSentence(doc, from, to).empty(); }

 private:
  std::vector<Phrase> phrases_;
  std::vector<Pattern> patterns_;
};

// Byte span of tokens [first, end).
size_t TokenBegin(const Doc& doc, int token);
size_t TokenEnd(const Doc& doc, int token);

bool IsStopWord(std::string_view norm);
std::string LowerAscii(std::string_view s);
inline int AllSentences(const Doc& doc) { return static_cast<int>(doc.sentences().size()); }
template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}
bool IsKind(const LintContext& ctx, std::initializer_list<MessageKind> kinds);
// Whether the message names a day, a part of a day or a clock time
// ("Tuesday", "mornings", "3:30", "4pm"): a concrete offer of when.
bool OffersDayOrTime(const Doc& doc);
// The same for sentence `s` alone.
bool NamesDayOrTime(const Doc& doc, int s);
// Whether it proposes a day or a clock time ("Thursday", "the 12th at
// 9am", "3:30"); parts of a day ("mornings") are a choice, not a proposal.
bool ProposesDay(const Doc& doc);
// Whether sentence `s` fixes the meeting for them or hands them the
// arranging (what dictates-schedule looks for).
bool IsSchedulingDemand(const Doc& doc, int s);
// Whether sentence `s` names a piece of their work the writer met ("the
// exhibition you curated", "the report your group published"): both a
// connection and something only they could receive.
bool NamesTheirWork(const Doc& doc, int s);
// Whether sentence `s` says they supervised, managed or mentored the
// writer at a shared internship, placement or job ("you supervised my
// internship at...", "I interned under you", "you were my manager"), or
// that the writer was in a group while they ran it ("I was in the choir
// when you conducted it"): a connection, and something only they could
// receive.
bool NamesSupervision(const Doc& doc, int s);
// Whether sentence `s` asks for a job (asks-for-job would fire on it).
bool IsJobAskSentence(const Doc& doc, int s);
// Whether `word` is one of context.known_words, ignoring ASCII case; an
// entry of several words ("Grace Hopper", "Jean-Luc") counts word by word.
bool IsKnownWord(const LintContext& ctx, std::string_view word);
// A crude stem for comparing content words: lowercase, common suffixes off.
std::string Stem(std::string_view norm);

// ---- the rules ---------------------------------------------------------------
// Each appends its findings; none throws on its own (allocation aside).
void CheckPlaceholders(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckAsksForJob(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckResume(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckTransition(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckTone(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckConnection(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckAsk(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckTimeFrame(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckFlexibility(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckLength(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckAboutMe(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckSpecific(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckSpelling(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckRepeatedWords(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckGeneric(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckSchedule(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckDoubleOptIn(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckSilence(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);
void CheckDeclined(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out);

}  // namespace rapport::lint_detail
