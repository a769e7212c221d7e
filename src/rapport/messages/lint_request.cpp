// Rules about whom a message is for and what it asks of them, and the rules
// that read the log: generic-request, dictates-schedule, no-double-opt-in,
// long-silence, already-declined.
#include <algorithm>
#include <iterator>

#include "rapport/messages/lint_internal.h"

namespace rapport::lint_detail {
namespace {


bool SentenceHas(const Doc& doc, int sentence, std::initializer_list<std::string_view> words) {
  const Sentence& s = doc.sentences()[static_cast<size_t>(sentence)];
  for (int t = s.first_token; t < s.end_token; ++t) {
    const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
    if (std::find(words.begin(), words.end(), n) != words.end()) return true;
  }
  return false;
}

bool IsWeekday(std::string_view n) {
  static constexpr std::string_view kDays[] = {
      "monday",   "tuesday",   "wednesday", "thursday",  "friday",   "saturday",  "sunday",  "mondays",
      "tuesdays", "wednesdays", "thursdays", "fridays",  "saturdays", "sundays",  "tomorrow"};
  return In(kDays, n);
}

// "3pm", "10am", "9 am", "the 12th", "March 3".
bool IsClockOrDate(const Doc& doc, size_t t) {
  const auto& tokens = doc.tokens();
  const std::string& n = tokens[t].norm;
  size_t d = 0;
  while (d < n.size() && n[d] >= '0' && n[d] <= '9') ++d;
  if (d == 0 || d > 2) {
    static constexpr std::string_view kMonths[] = {"january", "february", "march",   "april",    "june",
                                                   "july",    "august",   "september", "october", "november",
                                                   "december"};
    if (!In(kMonths, n) || t + 1 >= tokens.size()) return false;
    const std::string& next = tokens[t + 1].norm;
    return !next.empty() && next[0] >= '0' && next[0] <= '9';
  }
  const std::string_view rest = std::string_view(n).substr(d);
  if (rest == "am" || rest == "pm" || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return true;
  if (!rest.empty() || t + 1 >= tokens.size() || tokens[t + 1].sentence != tokens[t].sentence) return false;
  const std::string& next = tokens[t + 1].norm;
  return next == "am" || next == "pm" || next == "a" || next == "p" || next == "o'clock";
}

bool IsPartOfDay(std::string_view n) {
  static constexpr std::string_view kParts[] = {"morning", "mornings", "afternoon", "afternoons", "evening",
                                                "evenings", "weekday", "weekdays", "weekend", "weekends",
                                                "noon",    "lunchtime"};
  return In(kParts, n);
}

bool HasClockColon(std::string_view text) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == ':' && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      return true;
    }
  }
  return false;
}

bool DayOrTimeIn(const Doc& doc, int from_token, int end_token, bool parts_of_day) {
  for (int t = from_token; t < end_token; ++t) {
    const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
    if (IsWeekday(n) || IsClockOrDate(doc, static_cast<size_t>(t)) || (parts_of_day && IsPartOfDay(n))) return true;
  }
  return false;
}

}  // namespace

bool OffersDayOrTime(const Doc& doc) {
  return DayOrTimeIn(doc, 0, static_cast<int>(doc.tokens().size()), true) || HasClockColon(doc.text());
}

bool NamesDayOrTime(const Doc& doc, int s) {
  const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
  return DayOrTimeIn(doc, sentence.first_token, sentence.end_token, true) ||
         HasClockColon(doc.SentenceText(s));
}

bool ProposesDay(const Doc& doc) {
  return DayOrTimeIn(doc, 0, static_cast<int>(doc.tokens().size()), false) || HasClockColon(doc.text());
}

// ---- generic-request -------------------------------------------------------------

namespace {

// "I'd value your perspective and advice", "I'd love to pick your brain",
// "I'd like to learn from you": words that praise anyone's knowledge in
// general. The "you" in them does not make the sentence about this person,
// unless what follows is something specific of theirs ("your perspective
// on the Ravel retrofit"); "your advice on the field" is still anyone's.
const std::vector<Pattern>& VagueValue() {
  static const std::vector<Pattern> kSet{
      Pattern("value|valued|appreciate|welcome|love|like|treasure|benefit ~3 your|you ~2 perspective|perspectives|advice|insight|insights|thoughts|input|guidance|opinion|opinions|views|view|wisdom|expertise|experience|knowledge|take|feedback"),
      Pattern("value|valued|appreciate|welcome|benefit ~2 from ~1 your|you"),
      Pattern("pick your ~1 brain|brains"),
      Pattern("learn|hear from you|your"),
      Pattern("hear|get your ~2 thoughts|perspective|perspectives|advice|insight|insights|take|views|input|opinion"),
  };
  return kSet;
}

// After "your", words any recipient has: "your time", "your experience".
static constexpr std::string_view kAnyone[] = {
      "time",       "schedule",   "calendar",    "convenience", "help",       "advice",     "consideration",
      "day",        "thoughts",   "insights",    "insight",     "perspective", "perspectives", "expertise",
      "experience", "experiences", "input",      "guidance",    "attention",  "reply",      "response",
      "inbox",      "availability", "earliest",  "opinion",     "wisdom",     "knowledge",  "feedback",
      "career",     "careers",    "field",       "industry",    "work",       "job",        "role",
      "background", "journey",    "path",        "story",       "success",    "achievements", "accomplishments",
      "profile",    "company",    "organization", "organisation", "team",     "position",   "name",
      "network",    "contacts",   "busy",        "own",         "area",       "life",       "kindness",
      "generosity", "willingness", "email",      "phone",       "office",     "behalf",     "end",
      "way",        "choice",     "preference",  "pick",        "views",      "view",       "take",
      "tips",       "mind",       "brain",       "professional", "career's",  "line",       "sector",
      "business",   "firm",       "skills",      "successes",   "workplace",  "shoes",      "valuable",
      "precious",   "current",    "linkedin",   "details",    "contact",    "address",    "info",
      "information",
      // Their employer in general: "my skills would transfer to your system".
      "system",     "systems",    "institution", "department", "staff",      "facility",
      // The sender's document put before them: "attached for your review".
      "review",     "perusal",    "reference"};
bool IsAnyoneWord(std::string_view n) { return In(kAnyone, n); }

// Whether the vague match goes on to something only they have ("your
// experience moving from nursing", "your advice on the Ravel retrofit"):
// a content word within the next four that is neither a stop word nor a
// word any recipient's work has ("your advice on the field" is not).
bool FollowedBySpecific(const Doc& doc, const Match& m, const std::vector<bool>& covered) {
  const auto& tokens = doc.tokens();
  const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
  for (int k = m.end; k < m.end + 4 && k < static_cast<int>(tokens.size()); ++k) {
    const Token& tok = tokens[static_cast<size_t>(k)];
    if (tok.sentence != sentence) break;
    if (covered[static_cast<size_t>(k)] || IsStopWord(tok.norm) || IsAnyoneWord(tok.norm) || tok.norm == "your" ||
        tok.norm == "'s") {
      continue;
    }
    return true;
  }
  return false;
}

// Whether sentence `s` speaks to or about them ("you", "your", "we both"),
// leaving out the "you" of a vague compliment.
bool AddressesThem(const Doc& doc, int s) {
  const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
  std::vector<Match> matches;
  std::vector<bool> covered(doc.tokens().size(), false);
  for (const Pattern& p : VagueValue()) {
    for (const Match& m : FindAll(doc, p, false, sentence.first_token, sentence.end_token)) {
      matches.push_back(m);
      for (int t = m.first; t < m.end; ++t) covered[static_cast<size_t>(t)] = true;
    }
  }
  // "learn from you and hear your advice": one compliment after another is
  // still nothing specific.
  std::vector<bool> vague(doc.tokens().size(), false);
  for (const Match& m : matches) {
    if (FollowedBySpecific(doc, m, covered)) continue;
    for (int t = m.first; t < m.end; ++t) vague[static_cast<size_t>(t)] = true;
  }
  for (int t = sentence.first_token; t < sentence.end_token; ++t) {
    const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
    if (vague[static_cast<size_t>(t)]) continue;
    if (n == "you" || n == "your" || n == "yours" || n == "we" || n == "us" || n == "both") return true;
  }
  return false;
}

}  // namespace

void CheckGeneric(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (ctx.kind != MessageKind::kRequest) return;
  // After "you": something they did or do.
  static const PhraseSet kTheirDoing{
      {"you said|told|wrote|replied|offered|suggested|mentioned|explained|described|noted", false},
      {"your ~1 team|company|firm|group|lab|department|organization|organisation|agency|studio|unit|office ~2 moved|built|launched|made|switched|started|uses|used|runs|ran|handles|handled|won|published|shipped|created|developed|designed|adopted|migrated|changed|went|did", false},
      {"we ~2 worked|studied|met|spoke|talked|served|volunteered|trained|sat|both", false},
      {"our ~2 alumni|network|school|university|college|program|programme|team|company|firm|group|club|class|cohort|community|association|department|lab", false},
      // "someone who moved from army logistics into procurement": their move, said of them.
      {"someone|person|one who ~2 moved|switched|went|transitioned|pivoted|changed|came|left|built|founded|started|made", false},
      {"you ~2 took|left|chose|followed|did|moved|went|switched|transitioned|changed|pivoted|built|founded|started|launched|wrote|published|led|designed|developed|spoke|presented|gave|taught|spent|joined|left|became|turned|won|organized|organised|hosted|ran|run|lead|manage|managed|specialize|specialise|specialized|specialised|focus|focused|researched|created|shipped|mentor|mentored|made|built|wrote|covered|posted|shared|answered|helped|reviewed|studied|trained|coached|volunteer|volunteered|work|worked|came|made", false},
  };
  // "I found you through the Women in Aviation directory": where you found
  // their name says nothing about them, whatever the listing is called,
  // unless it is a group you share ("the alumni page", "the member list").
  static const PhraseSet kListing{
      {"found|got|saw|pulled|picked ~1 you|your|name|details|email|address|contact|profile ~12 directory|list|listing|database|roster|search|website|site|page|platform|register|registry|spreadsheet", false},
      {"came|stumbled|ran across|upon ~1 you|your|name|details|email|address|contact|profile ~12 directory|list|listing|database|roster|search|website|site|page|platform|register|registry|spreadsheet", false},
  };
  // "while looking for graduates who went into naval architecture": the
  // sender searched the listing for anyone of a kind, so even a group both
  // share (the alumni directory) is only what every name found has.
  static const PhraseSet kSearchedForAnyone{
      {"looking|searching|search|hunting|browsing|trawling|scanning for|through ~3 people|graduates|grads|alumni|alums|alumnae|members|professionals|someone|anyone|somebody|anybody|folks|others|contacts|experts|practitioners|those|engineers|names", false},
  };
  const auto& words = doc.words();
  for (int s = doc.body_begin(); s < doc.body_end(); ++s) {
    const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
    if (NamesTheirWork(doc, s) || NamesSupervision(doc, s)) return;
    // "we both studied at Ohio State" is about them as much as "your team at Acme".
    const bool listed = kListing.Any(doc, s, s + 1);
    const bool searched = listed && kSearchedForAnyone.Any(doc, s, s + 1);
    const bool listing = listed && (searched || !SentenceHas(doc, s, {"alumni", "alumnus", "alumna", "alum", "member",
                                                                      "members", "fellow", "classmates", "cohort",
                                                                      "chapter"}));
    const bool to_them = !listing && AddressesThem(doc, s);
    // "Cormac Doyle suggested I reach out": a referrer named, though the
    // sentence has no "you".
    static const PhraseSet kReferral{
        {"suggested|recommended|referred|encouraged|urged|advised|told ~2 i|me|that ~3 write|contact|reach|get|email|talk|speak|ask|message|call", false},
        {"gave|passed|shared|forwarded me ~1 your", false},
    };
    // "Lorcan suggested I write to people in marketing" names no one for
    // this person to be.
    const bool referral = kReferral.Any(doc, s, s + 1) &&
                          !SentenceHas(doc, s, {"people", "someone", "anyone", "others", "professionals", "folks",
                                                "somebody", "anybody", "everyone", "contacts"});
    for (int t = sentence.first_token; t + 1 < sentence.end_token; ++t) {
      const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
      if (n != "your") continue;
      std::string next = doc.tokens()[static_cast<size_t>(t + 1)].norm;
      if (next == "'s" || next == "own") continue;
      if (!In(kAnyone, next) && !IsStopWord(next)) return;  // "your talk on", "your team's move to Rust"
      // "your team's migration": a possessive on a generic word, then a specific one.
      if (t + 3 < sentence.end_token && doc.tokens()[static_cast<size_t>(t + 2)].norm == "'s" &&
          !In(kAnyone, doc.tokens()[static_cast<size_t>(t + 3)].norm)) {
        return;
      }
    }
    if (to_them || referral) {
      // A name in a sentence about them: a referrer, their company, a talk.
      for (int w = sentence.first_word; w < sentence.end_word; ++w) {
        const Word& word = words[static_cast<size_t>(w)];
        const std::string_view text = doc.WordText(w);
        // A sentence-initial capital is a name only when the records know it
        // ("Ilse from the robotics club said...").
        // "I", and "I'd", "I'm", "I've" with it, are the sender, not a name.
        const bool self = text == "I" || text.starts_with("I'") || text.starts_with("I\u2019");
        if (!word.initial_upper || self || (word.sentence_initial && !IsKnownWord(ctx, text))) {
          continue;
        }
        // Words any message may capitalise: tools, days, months, titles.
        static constexpr std::string_view kCommon[] = {
            "LinkedIn", "Zoom",     "Teams",    "Google",   "Meet",      "Skype",    "English",  "Mr",
            "Ms",       "Mrs",      "Dr",       "Monday",   "Tuesday",   "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday",   "Mon",      "Tue",      "Tues",      "Wed",       "Thu",      "Thur",
            "Thurs",    "Fri",      "Sat",      "Sun",      "January",   "February",  "March",    "April",
            "May",      "June",     "July",     "August",   "September", "October",   "November", "December",
            "Jan",      "Feb",      "Mar",      "Apr",      "Jun",       "Jul",       "Aug",      "Sep",
            "Sept",     "Oct",      "Nov",      "Dec",      "AM",        "PM",        "CV",       "CVs",
            "PDF",      "OK"};
        if (In(kCommon, text)) continue;
        return;
      }
    }
    if (!searched && kTheirDoing.Any(doc, s, s + 1)) return;
  }
  out->push_back(doc.MakeWhole("generic-request", Severity::kWarning,
                               "Nothing here is about this person or their work; it could have gone to "
                               "anyone, and reads that way.",
                               "Add one line only they could receive: what of theirs you read or heard, "
                               "their move or project, or who suggested them."));
}

// ---- dictates-schedule -----------------------------------------------------------

namespace {

// The sender fixes the meeting: "I'll call you Thursday at 3", "I've sent
// an invite for Monday", "The only time I can do is...".
const PhraseSet& Dictates() {
  static const PhraseSet kSet{
      {"i will|shall call|phone|ring|ping ~2 you ~3 on|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|then", false, false, true},
      // The call announced for a day, whomever it is put to: "I'll call
      // your office on Thursday at 11", "I'll ring her desk Friday", "I'll
      // phone on Monday".
      {"i will|shall call|phone|ring|telephone ~4 monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight", false, false, true},
      {"i will|shall give|send you a ~1 ring|call|buzz|bell ~3 on|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight", false, false, true},
      {"i will|shall be|stop|come|drop ~2 by|at|in|to ~1 your|her|his|their office|desk|building|workplace|shop|store|studio|lab|clinic|place|home|site|yard|gallery|kitchen|station|workshop|bindery|factory|plant|farm|hall|theatre|theater|surgery|practice|premises|warehouse|depot|laboratory|library|museum|restaurant|bakery|salon|garage|mill|brewery|winery|vineyard|forge|atelier|showroom|hangar|dock|boatyard", false, false, true},
      {"i have|i ~1 booked|scheduled|reserved|blocked|put|sent|added ~6 invite|invitation|slot|calendar|room|table|meeting|call|chat|session|appointment|conversation", false, false, true},
      {"meet me at|in|on", false, false, true},
      {"be available|ready|there at|on", false, false, true},
      {"the only ~1 time|day|slot|window ~4 i|that|works|work", false},
      {"i am|can only ~2 free|available|do|make|meet|talk", false},
      {"i can only", false},
      {"expect my|a call", false},
      // "let her know to expect me", "tell him to expect us at ten".
      {"to expect me|us", false},
  };
  return kSet;
}

// The recipient is left to do it all: pick the time and the place, set it
// up, send the invite.
const PhraseSet& Legwork() {
  static const PhraseSet kSet{
      {"time|when|day|date and|or ~1 place|where|location|venue|platform", false},
      {"where and when", false},
      {"set|sets|setting up|arrange|organize|organise|book|schedule ~3 call|meeting|time|something|room|it|zoom|chat|coffee", false},
      {"send|sending ~3 invite|invitation|zoom|link|teams", false},
  };
  return kSet;
}

// Whether sentence `sentence` gives them a way out of the time it fixes:
// "unless", "whenever", "if it suits", "or another day". An "if" counts
// only when it defers to them ("if that works", "if you'd rather", "if
// not", "if he's free"), not when it asks something of them ("it would
// help if he knew I was coming").
bool OffersWayOut(const Doc& doc, int sentence) {
  if (SentenceHas(doc, sentence, {"unless", "whenever", "suits", "convenient", "prefer", "happy", "glad", "or",
                                  "alternatively", "otherwise", "feel", "convenience", "allows", "permits",
                                  "suit"})) {
    return true;
  }
  static constexpr std::string_view kAfterIf[] = {"you", "that", "this", "it", "not", "needed", "necessary",
                                                  "possible", "convenient", "preferred", "easier", "ok", "okay",
                                                  "helpful", "neither", "none", "any", "anything",
                                                  "something"};
  static constexpr std::string_view kDeferring[] = {"works", "work", "free", "available", "busy", "better", "fine",
                                                    "ok", "okay", "good", "easier", "rather", "problem", "clash",
                                                    "clashes", "conflicts", "inconvenient", "difficult", "awkward",
                                                    "tricky", "not", "cannot", "can", "could", "would", "wants",
                                                    "want", "wish", "prefers", "agrees", "agree", "alright"};
  const Sentence& s = doc.sentences()[static_cast<size_t>(sentence)];
  const auto& tokens = doc.tokens();
  for (int t = s.first_token; t < s.end_token; ++t) {
    if (tokens[static_cast<size_t>(t)].norm != "if") continue;
    if (t + 1 < s.end_token && In(kAfterIf, tokens[static_cast<size_t>(t + 1)].norm)) return true;
    for (int k = t + 1; k < s.end_token && k <= t + 4; ++k) {
      if (In(kDeferring, tokens[static_cast<size_t>(k)].norm)) return true;
    }
  }
  return false;
}

// A number that reads as a clock time after "at": "at 11", "at ten", "at
// half past nine", "at noon".
bool IsClockAt(const Doc& doc, int t, int end) {
  if (t + 1 >= end || doc.tokens()[static_cast<size_t>(t)].norm != "at") return false;
  const std::string& n = doc.tokens()[static_cast<size_t>(t + 1)].norm;
  static constexpr std::string_view kClock[] = {"one",    "two",  "three",  "four",   "five", "six",
                                                "seven",  "eight", "nine",  "ten",    "eleven", "twelve",
                                                "noon",   "midday", "half", "quarter"};
  if (In(kClock, n)) return true;
  if (n.empty() || n.size() > 5) return false;
  size_t d = 0;
  while (d < n.size() && n[d] >= '0' && n[d] <= '9') ++d;
  if (d == 0 || d > 2) return false;
  const int hour = std::stoi(n.substr(0, d));
  return hour >= 1 && hour <= 12 && (d == n.size() || n.substr(d) == "am" || n.substr(d) == "pm" || n[d] == ':');
}

// The sender announcing their own call, visit or arrival for a day and a
// clock time, with no question put: "I'll come by the workshop on Monday
// at ten", "I'll drop in Thursday at 4pm", "I'll meet you at the gate on
// Friday at 9".
bool AnnouncesDayAndTime(const Doc& doc, int sentence) {
  const Sentence& s = doc.sentences()[static_cast<size_t>(sentence)];
  if (s.question()) return false;
  const auto& tokens = doc.tokens();
  static constexpr std::string_view kActs[] = {"call",  "phone", "ring",   "visit", "come",  "arrive", "stop",
                                               "drop",  "pop",   "swing",  "show",  "turn",  "head",   "meet",
                                               "telephone", "pass"};
  for (int t = s.first_token; t + 2 < s.end_token; ++t) {
    if (tokens[static_cast<size_t>(t)].norm != "i") continue;
    const std::string& aux = tokens[static_cast<size_t>(t + 1)].norm;
    int verb = -1;
    if (aux == "will" || aux == "shall") verb = t + 2;
    if (aux == "am" && t + 4 < s.end_token && tokens[static_cast<size_t>(t + 2)].norm == "going" &&
        tokens[static_cast<size_t>(t + 3)].norm == "to") {
      verb = t + 4;
    }
    if (verb < 0 || !In(kActs, tokens[static_cast<size_t>(verb)].norm)) continue;
    bool day = false, clock = false;
    for (int k = verb + 1; k < s.end_token; ++k) {
      const std::string& n = tokens[static_cast<size_t>(k)].norm;
      const bool dated = IsClockOrDate(doc, static_cast<size_t>(k));
      const bool meridian = n.ends_with("am") || n.ends_with("pm") ||
                            (k + 1 < s.end_token && (tokens[static_cast<size_t>(k + 1)].norm == "am" ||
                                                     tokens[static_cast<size_t>(k + 1)].norm == "pm"));
      day = day || IsWeekday(n) || (dated && !meridian);
      clock = clock || IsClockAt(doc, k, s.end_token) || (dated && meridian);
    }
    clock = clock || HasClockColon(doc.SentenceText(sentence));
    if (day && clock) return true;
  }
  return false;
}

std::vector<Match> DictatesIn(const Doc& doc, int from, int to) {
  std::vector<Match> found = Dictates().FindPerSentence(doc, from, to, [&](const Match& m) {
    return OffersWayOut(doc, doc.tokens()[static_cast<size_t>(m.first)].sentence);
  });
  for (int s = from; s < to; ++s) {
    const bool already = std::any_of(found.begin(), found.end(), [&](const Match& m) {
      return doc.tokens()[static_cast<size_t>(m.first)].sentence == s;
    });
    if (already || !AnnouncesDayAndTime(doc, s) || OffersWayOut(doc, s)) continue;
    const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
    found.push_back(Match{sentence.first_token, sentence.end_token});
  }
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) { return a.first < b.first; });
  return found;
}

std::vector<Match> LegworkIn(const Doc& doc, int from, int to) {
  return Legwork().FindPerSentence(doc, from, to, [&](const Match& m) {
    const auto& tokens = doc.tokens();
    const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
    // "I'm happy to set it up", "I'll send the invite": the sender doing the work.
    // "I'd still like to set up a call": the nearest person before the
    // verb is the sender, however many words lie between.
    for (int t = m.first - 1; t >= 0; --t) {
      const Token& tok = tokens[static_cast<size_t>(t)];
      if (tok.sentence != sentence) break;
      if (tok.norm == "i" || tok.norm == "we") return true;
      if (tok.norm == "you") break;
    }
    if (SentenceHas(doc, sentence, {"whatever", "whichever", "happy", "glad"})) return true;
    // "a time and place" is their chore only when they are told to choose
    // it; "at a time and place that suits you" defers to them.
    const std::string& first = tokens[static_cast<size_t>(m.first)].norm;
    const bool choosing = first == "time" || first == "when" || first == "day" || first == "date" || first == "where";
    return choosing && !SentenceHas(doc, sentence, {"pick", "choose", "suggest", "name", "propose", "decide", "set",
                                                    "send", "know", "tell", "find", "arrange"});
  });
}

}  // namespace

bool IsSchedulingDemand(const Doc& doc, int s) {
  return !DictatesIn(doc, s, s + 1).empty() || !LegworkIn(doc, s, s + 1).empty();
}

void CheckSchedule(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (!IsKind(ctx, {MessageKind::kRequest, MessageKind::kFollowUp, MessageKind::kIntroRequest})) return;
  const auto dictates = DictatesIn(doc, 0, AllSentences(doc));
  if (!dictates.empty()) {
    const Match& m = dictates.front();
    const Sentence& s = doc.sentences()[static_cast<size_t>(doc.tokens()[static_cast<size_t>(m.first)].sentence)];
    out->push_back(doc.Make("dictates-schedule", Severity::kWarning, s.begin, s.end,
                            "This sets the time or place for them; a busy person should get to choose.",
                            "Offer two or three times and say you will fit around theirs."));
    return;
  }
  if (OffersDayOrTime(doc)) return;
  const auto legwork = LegworkIn(doc, doc.body_begin(), doc.body_end());
  if (legwork.empty()) return;
  const Sentence& s =
      doc.sentences()[static_cast<size_t>(doc.tokens()[static_cast<size_t>(legwork.front().first)].sentence)];
  out->push_back(doc.Make("dictates-schedule", Severity::kWarning, s.begin, s.end,
                          "Leaves them all the work of arranging the meeting, with no time offered.",
                          "Propose two or three times yourself and offer to send the invite."));
}

// ---- no-double-opt-in ------------------------------------------------------------

void CheckDoubleOptIn(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (ctx.kind != MessageKind::kIntroduction) return;
  static const PhraseSet kConnects{
      {"introduce|introducing ~2 you|two|both|each", false},
      // "I'd like to introduce Omar Siddiqui", "meet each other!", "I'll
      // leave it to you two": the connecting move with a name or none.
      {"introduce|introducing", false},
      {"meet|meeting each|one other|another", false},
      {"leave|hand ~1 it|this|things ~2 to|over you", false},
      {"leave|let you ~2 to it", false},
      {"take it from here|there", false},
      {"meet|meeting ~3 friend|colleague|classmate|cousin|former|neighbor|neighbour", false},
      {"connect|connecting ~1 you|two|both", false},
      {"put|putting you ~2 in touch", false},
      {"cc|cc'd|cc'ing|copied|copying|copy|looping|loop|looped|added|adding", false},
      {"you two|both should", false},
      {"over to you", false},
      {"let you two", false},
  };
  // The second person already said yes, or the note asks the first whether
  // they would like to be introduced.
  static const PhraseSet kOptIn{
      {"agreed|agreeing|permission|okayed|ok'd|consented", false},
      // The second person's yes reported: "you told me you'd happily talk",
      // "she wrote that she'd gladly help", "thank you for agreeing".
      {"told|wrote|replied|mentioned|messaged|emailed|texted ~1 me|us ~6 happily|gladly|happy|glad|love|keen|willing|delighted|open", false},
      {"said|told|wrote|replied ~4 happily|gladly", false},
      {"saying|says yes", false},
      {"checked|asked ~4 if|whether|first|before", false},
      {"said ~4 happy|glad|love|open|keen|yes|okay|ok|fine|willing|delighted|game|up", false},
      // "who said yesterday that he'd be glad to walk you through it": a
      // time or a "that" between the verb and the yes.
      {"said|wrote|replied|answered ~3 that|he|she|they ~3 happy|glad|love|open|keen|willing|delighted|game", false},
      // "looking" only as "looking forward": "Hamish is looking to learn
      // about harbours" is the seeker's wish, not the second person's yes.
      {"is|are|was|were ~2 happy|glad|keen|open|expecting|willing|eager|delighted|game|excited|up", false},
      {"is|are|was|were ~2 looking forward", false},
      // "I checked with him last week", "I ran it by her first".
      {"checked|cleared|confirmed|ran ?it|this ~1 with|by|past him|her|them|both"},
      {"expecting|expects ~2 your|a|an|to", false},
      {"would|could|might you ~1 be ~2 open|willing|happy|interested|up|glad|keen", false},
      {"would|do you ~1 mind|like|want", false},
      {"okay|ok|alright|right with you", false},
      {"interested in ~3 meeting|talking|chatting|hearing|connecting|a call", false},
  };
  // "Lucian, meet Noor!", "Meet Dr. Ahmed, cc'd": "meet" before a name.
  const auto meets_name = [&] {
    const auto& tokens = doc.tokens();
    for (size_t t = 0; t + 1 < tokens.size(); ++t) {
      if (tokens[t].norm != "meet" || tokens[t + 1].sentence != tokens[t].sentence) continue;
      const int w = tokens[t + 1].word;
      if (doc.words()[static_cast<size_t>(w)].initial_upper && doc.WordText(w) != "I") return true;
    }
    return false;
  };
  if (!kConnects.Any(doc, 0, AllSentences(doc)) && !meets_name()) return;
  // "I said you'd be happy to...": the introducer answering for them is not
  // their yes.
  const auto for_them = [&](const Match& m) {
    const auto& tokens = doc.tokens();
    const std::string& verb = tokens[static_cast<size_t>(m.first)].norm;
    return (verb == "said" || verb == "told" || verb == "wrote" || verb == "replied" || verb == "mentioned" ||
            verb == "messaged" || verb == "emailed" || verb == "texted") &&
           m.first > 0 && tokens[static_cast<size_t>(m.first - 1)].norm == "i";
  };
  if (!kOptIn.FindPerSentence(doc, 0, AllSentences(doc), for_them).empty()) return;
  out->push_back(doc.MakeWhole("no-double-opt-in", Severity::kWarning,
                               "Introduces two people without saying the second agreed first; an "
                               "introduction nobody asked for is a burden.",
                               "Ask the second person first (\"Would you be open to meeting …?\"), then "
                               "write the introduction once they say yes, and say that they did."));
}

// ---- long-silence ------------------------------------------------------------------

void CheckSilence(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (!ctx.days_since_last_contact || *ctx.days_since_last_contact < ctx.silence_days) return;
  if (ctx.kind == MessageKind::kIntroduction) return;
  static const PhraseSet kAcknowledged{
      {"been ~3 while|long|ages|age|forever|years|months|year|time", false},
      {"long time", false},
      {"since we ~1 last|spoke|talked|met|worked|saw", false},
      {"since our|my last", false},
      {"last spoke|talked|met|saw|chatted|connected|wrote|emailed", false},
      {"we spoke|talked|met|chatted|connected|worked ~4 ago|year|years|spring|summer|fall|autumn|winter|back", false},
      {"remember me", false},
      {"may|might not ~1 remember", false},
      {"reconnect|reconnecting|reconnected", false},
      {"catch|catching up", false},
      {"out|lost|fell|fallen of|touch", false},
      {"lost touch", false},
      {"years|months ago", false},
      {"last year", false},
      {"silence|quiet|disappeared|dropped", false},
      {"apologies|sorry ~4 delay|late|long|silence|slow", false},
      {"belated|belatedly", false},
  };
  if (kAcknowledged.Any(doc, 0, AllSentences(doc))) return;
  const int months = *ctx.days_since_last_contact / 30;
  out->push_back(doc.MakeWhole("long-silence", Severity::kWarning,
                               "You last heard from each other about " + std::to_string(months) +
                                   " months ago, and the message doesn't say so; picking up as if it were "
                                   "last week reads as careless.",
                               "Name the gap in a line, e.g. \"It's been a while since we spoke at the "
                               "spring mixer\", and remind them where you met."));
}

// ---- already-declined ----------------------------------------------------------------

void CheckDeclined(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (!ctx.declined) return;
  if (!IsKind(ctx, {MessageKind::kRequest, MessageKind::kFollowUp, MessageKind::kIntroRequest})) return;
  static const PhraseSet kAcknowledged{
      {"you ~2 said|mentioned|told|wrote|suggested|asked|invited|explained|replied", false},
      {"last time|when ~2 wrote|asked|spoke", false},
      {"i ~1 understand|understood|know|realize|realise|respect", false},
      {"not ~1 a ~1 good time|right time|possible", true},
      {"no pressure|obligation", false},
      {"as you suggested|asked|said", false},
      {"things have|may have ~1 changed|settled|eased", false},
      {"earlier this|last", false},
  };
  // "my request from earlier this month", "my note last week": a time
  // phrase for the sender's own earlier message says nothing of their answer.
  const auto own_message = [&](const Match& m) {
    const auto& tokens = doc.tokens();
    if (tokens[static_cast<size_t>(m.first)].norm != "earlier" && tokens[static_cast<size_t>(m.first)].norm != "last") {
      return false;
    }
    const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
    for (int t = m.first - 1; t >= 0 && t >= m.first - 5; --t) {
      const Token& tok = tokens[static_cast<size_t>(t)];
      if (tok.sentence != sentence) break;
      if (tok.norm == "you" || tok.norm == "your") return false;
      if (tok.norm == "my" || tok.norm == "our") return true;
    }
    return false;
  };
  if (!kAcknowledged.FindPerSentence(doc, 0, AllSentences(doc), own_message).empty()) return;
  out->push_back(doc.MakeWhole("already-declined", Severity::kError,
                               "They have already said no, and this asks again as if they hadn't.",
                               "Thank them and let it go; if they said \"not now\", write later, and say "
                               "you remember what they told you."));
}

}  // namespace rapport::lint_detail
