// Rules about what a message contains as a whole: no-connection,
// no-clear-ask, no-time-frame, no-flexibility, too-long, about-me,
// not-specific.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>

#include "rapport/messages/lint_internal.h"

namespace rapport::lint_detail {
namespace {


}  // namespace

// ---- no-connection ------------------------------------------------------------

bool NamesSupervision(const Doc& doc, int s) {
  static const PhraseSet kSet{
      // A shared employer through someone's supervision: "you supervised my
      // internship at the brokerage", "you were my manager on the night
      // shift", "I interned under you", "I was on your team during my
      // placement".
      {"you ~2 supervised|managed|mentored|trained|coached|hired|taught|oversaw|led|onboarded|precepted|supervise|manage ~3 me|my|us|our", false},
      {"you were|was ~2 my|our ~3 supervisor|manager|mentor|boss|lead|preceptor|trainer|teacher|tutor|director|supervisors|managers", false},
      {"worked|interned|trained|apprenticed|served|started ~3 under|for you", false},
      {"under your ~2 supervision|guidance|mentorship|management|leadership", false},
      {"on|in|with your ~2 team|crew|unit|group|ward|lab|department|shift|staff ~3 during|when|while|as|for ~2 my|i|our|an|a", false},
      {"supervisor|manager|mentor|boss|lead|preceptor ~4 during|at|on|for ~2 my|our ~2 internship|placement|co-op|coop|practicum|residency|apprenticeship|rotation|clerkship|job|traineeship|fellowship", false},
      // The same group at the same time, with them in charge: "I was a
      // section violinist in the youth orchestra while you were its
      // manager", "When you ran the night desk, I was one of the
      // subeditors". The sender must be in it ("I was in/a/one of…", "I
      // played…"); "I was wondering what changed when you were director"
      // and "I was told" are not.
      {"i was a|an|one|on|in|part|among ~10 while|when you were|was|ran|led|managed|directed|coached|chaired|headed|edited|captained|conducted|taught|supervised", false},
      {"i worked|played|sang|volunteered|studied|trained|served|interned|rowed|danced|performed|raced|competed ~10 while|when you were|was|ran|led|managed|directed|coached|chaired|headed|edited|captained|conducted|taught|supervised", false},
      {"while|when you were|was|ran|led|managed|directed|coached|chaired|headed|edited|captained|conducted|taught|supervised ~6 i was a|an|one|on|in|part|among", false},
      {"while|when you were|was|ran|led|managed|directed|coached|chaired|headed|edited|captained|conducted|taught|supervised ~6 i worked|played|sang|volunteered|studied|trained|served|interned|rowed|danced|performed|raced|competed", false},
  };
  return kSet.Any(doc, s, s + 1);
}

void CheckConnection(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (ctx.kind != MessageKind::kRequest || ctx.knows_them) return;
  static const PhraseSet kSet{
      {"we|i met|spoke|talked|chatted|connected|crossed", false},
      {"met|meeting you", false},
      {"referred|suggested|recommended|introduced|mentioned|pointed|encouraged|sent|told|urged|said|thought|felt|figured ~3 me|i|that|you|your|we|us", false},
      // The referral in the present tense: "Annika from the volunteer group
      // says you're the person to ask", "my tutor suggests I write to you".
      {"says|suggests|recommends|thinks|tells|mentions|reckons|swears ~3 you|your", false},
      {"suggests|recommends|urges ~2 i|me|we|that", false},
      {"worked|studied|served|volunteered|trained|played|sang with you", false},
      {"thanks|thank ?you again", false},
      {"friend|friends of mine|yours", false},
      {"a|my|our|mutual ~1 friend|friends", false},
      {"gave|passed|shared|forwarded ~3 your name|contact|email|details|information|info", false},
      {"your name came|come|comes up", false},
      // "I got your name from the alumni newsletter", "I recieved your details
      // from...": however the verb is spelled.
      {"got|get|received|recieved|recived|receved|took|obtained|picked ~3 your name|contact|email|details|address|number", false},
      {"your name|details|contact|email ~1 from|through|via", false},
      // Something about them the sender read: "the newsletter, which
      // featured your work", "struck by your section on grants".
      {"featured|featuring|features|profiled|profiling|profiles|quoted|quoting|quotes|interviewed|interviewing|spotlighted|spotlighting|cited|citing|highlighted|highlighting ~3 you|your", false},
      {"struck|impressed|moved|inspired|fascinated|intrigued|taken|caught by ~3 your|you", false},
      // A shared workplace in time: "we overlapped at Brightwater in 2019",
      // "our paths crossed at the depot".
      {"we|our ~3 overlapped|overlap|overlapping", false},
      {"our|whose paths ~1 crossed|cross", false},
      // "Mutual" on its own may be a company's name ("Brightwater Mutual");
      // "a mutual friend", "our mutual contact" is a link.
      {"mutual ~1 friend|friends|contact|contacts|connection|connections|acquaintance|acquaintances|colleague|colleagues|friendship|interest|interests|client|clients|mentor|professor", false},
      {"alumni|alumnus|alumna|alum|fellow|classmate|classmates|colleague|colleagues|coworker|former", false},
      {"my|our ~1 friend|professor|advisor|adviser|mentor|counselor|manager|teacher|supervisor|instructor|coach|aunt|uncle|cousin|sister|brother|mother|father|mom|dad|neighbor|neighbour|roommate|partner|colleague|boss", false},
      {"linkedin", false},
      {"found|came|saw|read|heard|watched|listened|noticed|followed|enjoyed|loved|admired ~2 your|you", false},
      {"followed|used|using|read|reading|studied|watched|visited|attended|toured|heard|listened|saw ~6 your|you", false},
      {"your ~2 write|writeup|report|study|tweet|portfolio|website|talk|article|post|podcast|presentation|panel|blog|paper|book|interview|profile|essay|newsletter|keynote|webinar|workshop|session|thread|comment|piece|column|lecture|video|episode|research|speech|answer|seminar|class|course", false},
      {"both|also studied|attended|graduated|went|worked|volunteered|belong|took", false},
      {"same ~1 university|school|college|program|company|team|class|club|department|firm|lab|cohort|team", false},
      {"member|members of", false},
      {"conference|meetup|summit|fair|event|alumni|association|society|hackathon|symposium|forum|directory|chapter|reunion|mixer|convention|expo", false},
      {"you spoke|presented|gave|wrote|shared|posted|led|hosted|moderated|taught|mentored|visited", false},
      {"speaks|spoke|speak highly", false},
      {"know|knows each other", false},
      {"through|via|from ~2 alumni|network|directory|group|association|program|profile", false},
      // A shared school, employer or group: "I'm also a Northeastern grad",
      // "we both came through the Hack Reactor cohort", "as a fellow member".
      {"also|too ~4 graduate|graduated|grad|grads|alum|alums|alumna|alumnus|studied|attended|worked|member|members|belong|went|majored|played|volunteer|volunteered|interned", false},
      {"grad|graduate|alum|alumna|alumnus|member|veteran|student|intern|employee ~3 too|myself", false},
      {"we ?are|were both", false},
      {"both of us", false},
      {"alma mater", false},
      {"class of", false},
      {"in common", false},
      // An earlier exchange or a shared past: "when I wrote in the spring you
      // said...", "at our old company", "since we worked together".
      {"when|after|since i ~1 wrote|emailed|asked|messaged|contacted", false},
      {"you said|told|wrote|replied|answered|offered|mentioned|explained", false},
      // A conversation with them in person, told by what they did in it:
      // "you spent a while explaining how you reduce the kiln", "you took
      // ten minutes showing me the loom".
      {"you ~1 spent|took ~4 explaining|showing|telling|walking|answering|demonstrating|talking|chatting|describing|going", false},
      // An open house or open studios of theirs or their town's: "at the
      // Portland Open Studios weekend", "during the Open House".
      {"the|an|your|their|its ~2 open house|houses|studio|studios|day", false},
      {"our ~1 old|former|previous|last company|firm|team|employer|office|school|department|lab|job|project", false},
      {"worked|studied|served|volunteered together", false},
      {"our shared|common", false},
      {"as a|an ~3 grad|graduate|alum|alumna|alumnus|member|veteran|employee|student of|from|at", false},
      {"in|on|through|via the ~4 slack|discord|community|club|guild|group|forum|listserv|list|league|circle|network", false},
      // A desk, a shift or an office shared: "we shared a desk at the pilots' office".
      {"we ~2 shared|share a|an|the|our ~2 desk|office|shift|shifts|ward|lab|room|crew|team|studio|workshop|site|rota|classroom|kitchen|van|cab|bench", false},
      // A class or course of theirs the sender took, however it is named:
      // "I took your Level 2 BSL evening class", "I did your weekend course".
      {"took|taken|did|completed|joined|attended|enrolled|sat ?in|on|onto your ~5 class|classes|course|courses|module|modules|workshop|workshops|seminar|seminars|lesson|lessons|training|bootcamp|masterclass|lecture|lectures|tutorial|tutorials|programme|program", false},
  };
  if (kSet.Any(doc, 0, AllSentences(doc))) return;
  // Their work met where it was made for, however long the place's name:
  // "I saw the Cinder Lane Theatre production of The Tempest last weekend,
  // and your lighting of the storm scene…". Not "I attended a careers
  // evening and would value your advice": what follows "your" must be a
  // thing of theirs, not something anyone can give.
  static const PhraseSet kMetTheirWork{{"visited|attended|toured|saw|watched ~12 your", false}};
  const auto anyones = [&](const Match& m) {
    const auto& tokens = doc.tokens();
    if (m.end >= static_cast<int>(tokens.size()) ||
        tokens[static_cast<size_t>(m.end)].sentence != tokens[static_cast<size_t>(m.first)].sentence) {
      return true;
    }
    static constexpr std::string_view kAnyones[] = {
        "advice", "time",     "help",     "perspective", "perspectives", "thoughts",  "insight",  "insights",
        "input",  "guidance", "experience", "expertise", "opinion",      "feedback",  "wisdom",   "knowledge",
        "views",  "view",     "career",   "field",       "industry",     "schedule",  "calendar", "convenience",
        "availability", "reply", "response", "inbox",    "attention",    "consideration", "take", "story",
        "background", "journey", "path",  "name",        "email",        "profile",   "own",      "brain"};
    return In(kAnyones, tokens[static_cast<size_t>(m.end)].norm);
  };
  if (!kMetTheirWork.FindPerSentence(doc, 0, AllSentences(doc), anyones).empty()) return;
  // Their talk at an event ("speaking at the summit", "your panel, talking
  // on grid storage"), not the sender's own talking to come ("I look
  // forward to talking at your convenience", "speaking on the phone").
  static const PhraseSet kTheirTalk{{"speaking|spoke|presented|presenting|talking at|on", false}};
  const auto own_talk = [&](const Match& m) {
    const auto& tokens = doc.tokens();
    const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
    if (m.first > 0 && tokens[static_cast<size_t>(m.first - 1)].sentence == sentence) {
      const std::string& before = tokens[static_cast<size_t>(m.first - 1)].norm;
      if (before == "to" || before == "of" || before == "about" || before == "for") return true;
    }
    for (int t = m.end; t < m.end + 2 && t < static_cast<int>(tokens.size()); ++t) {
      const Token& tok = tokens[static_cast<size_t>(t)];
      if (tok.sentence != sentence) break;
      static constexpr std::string_view kOwn[] = {"convenience", "earliest", "phone", "call", "zoom", "teams",
                                                  "time", "length", "whatever", "any"};
      if (In(kOwn, tok.norm)) return true;
    }
    return false;
  };
  if (!kTheirTalk.FindPerSentence(doc, 0, AllSentences(doc), own_talk).empty()) return;
  for (int s = 0; s < AllSentences(doc); ++s) {
    if (NamesTheirWork(doc, s) || NamesSupervision(doc, s)) return;
  }
  // "Rafe Collins recomended I get in touch": a name from the records
  // opening a body sentence about the writer or the reader is a referral,
  // however the verb is spelled.
  for (int s = doc.body_begin(); s < doc.body_end(); ++s) {
    const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
    if (sentence.first_word >= sentence.end_word) continue;
    const Word& first = doc.words()[static_cast<size_t>(sentence.first_word)];
    if (!first.initial_upper || !IsKnownWord(ctx, doc.WordText(sentence.first_word))) continue;
    if (first.end < doc.text().size() && doc.text()[first.end] == ',') continue;  // "Ada, I wanted to..."
    bool about_us = false;
    for (int t = sentence.first_token; t < sentence.end_token; ++t) {
      const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
      about_us = about_us || n == "i" || n == "me" || n == "you";
    }
    if (about_us) return;
  }
  out->push_back(doc.MakeWhole("no-connection", Severity::kWarning,
                               "Doesn't say how you found them or who suggested you write; a stranger "
                               "with no link is the easiest request to ignore.",
                               "Open with the link: a referral's name, where you met, or what of theirs "
                               "you read or heard."));
}

// ---- no-clear-ask ---------------------------------------------------------------

namespace {

bool IsAskObject(std::string_view n) {
  static constexpr std::string_view kWords[] = {
      "minutes", "minute", "min",   "mins",      "call",     "chat",       "talk",      "speak",
      "meet",    "meeting", "coffee", "conversation", "time", "available",  "availability", "phone",
      "video",   "zoom",    "email", "questions", "question", "interview", "connect",   "introduce",
      "introduction", "forward", "touch", "willing", "open", "share", "advice", "pass",  "hop",
      "hour",    "hours",   "lunch", "schedule",  "free",     "spare",      "sometime",  "chance",
      "calls",   "talking", "chatting", "speaking", "meeting", "learn", "hear",  "connecting", "introducing",
      "send",    "along",   "walk", "ask", "either", "option", "options", "works", "suit", "suits",
      "convenient", "possible", "refer", "work"};
  return std::find(std::begin(kWords), std::end(kWords), n) != std::end(kWords);
}

bool HasAskObject(const Doc& doc, const Sentence& s) {
  for (int t = s.first_token; t < s.end_token; ++t) {
    if (IsAskObject(doc.tokens()[static_cast<size_t>(t)].norm)) return true;
  }
  return false;
}

// Words that name the meeting itself, not the wish to learn.
bool HasMeetingWord(const Doc& doc, const Sentence& s) {
  static constexpr std::string_view kWords[] = {"minutes", "minute", "min", "mins", "call", "calls", "chat",
                                                "talk", "speak", "meet", "meeting", "coffee", "conversation",
                                                "time", "available", "availability", "phone", "video", "zoom",
                                                "hour", "hours", "lunch", "schedule", "introduce", "introduction",
                                                "forward", "connect"};
  for (int t = s.first_token; t < s.end_token; ++t) {
    if (In(kWords, doc.tokens()[static_cast<size_t>(t)].norm)) return true;
  }
  return false;
}

bool IsQuestionAsk(const Doc& doc, const Sentence& s) {
  if (!s.question() || !HasAskObject(doc, s)) return false;
  static constexpr std::string_view kAux[] = {"would", "could", "can", "might", "may", "will", "do", "does",
                                              "are", "is", "possible", "chance", "open", "willing", "any",
                                              "have", "if", "whether", "shall"};
  for (int t = s.first_token; t < s.end_token; ++t) {
    if (In(kAux, doc.tokens()[static_cast<size_t>(t)].norm)) return true;
  }
  return false;
}

// Whether a follow-up takes up a day they proposed or moved: a statement
// naming a day or time that "works"/"suits" (not in an if-clause), and a
// sign that they answered ("still works", "as you suggested", "thank you
// for letting me know", "great to hear back").
bool AcceptsTheirDay(const Doc& doc) {
  static const PhraseSet kAnswered{
      {"still|now works|work|suits|suit|fine", false},
      {"instead of", false},
      {"as|like you ~1 suggested|proposed|offered|asked|said|mentioned", false},
      {"you ~2 suggested|proposed|offered|mentioned|moved|rescheduled|changed", false},
      {"thank|thanks ?you for letting|getting|writing|replying|answering|rescheduling|moving|suggesting|offering|changing", false},
      {"thank|thanks ?you for ?your|the ?quick|kind|prompt reply|answer|update|note|message|change", false},
      {"great|good|lovely|nice|wonderful to hear back|from", false},
  };
  static const PhraseSet kAccepts{
      {"works|work|suits|suit ~2 well|perfectly|fine|great|brilliant|for|beautifully|nicely", false, false, true},
      {"is|sounds ~1 fine|perfect|great|ideal|good", false, false, true},
  };
  bool accepted = false;
  for (int s = doc.body_begin(); s < doc.body_end() && !accepted; ++s) {
    const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
    if (sentence.question() || !NamesDayOrTime(doc, s)) continue;
    bool conditional = false;
    for (int t = sentence.first_token; t < sentence.end_token; ++t) {
      const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
      conditional = conditional || n == "if" || n == "whether" || n == "unless";
    }
    accepted = !conditional && kAccepts.Any(doc, s, s + 1);
  }
  return accepted && kAnswered.Any(doc, 0, AllSentences(doc));
}

}  // namespace

void CheckAsk(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (!IsKind(ctx, {MessageKind::kRequest, MessageKind::kIntroRequest, MessageKind::kFollowUp})) return;
  const auto& sentences = doc.sentences();
  // "To confirm: Wednesday at 4 pm": a follow-up confirming a meeting already
  // agreed asks for nothing new.
  // So does one thanking them for their yes ("Thanks so much for saying
  // yes. Tuesday at 3pm works well for me").
  static const PhraseSet kAgreed{
      {"saying|said yes", false},
      {"for agreeing|accepting", false},
      {"you ~2 agreed|accepted", false},
  };
  bool dictated = false;
  for (int i = 0; i < AllSentences(doc); ++i) dictated = dictated || IsSchedulingDemand(doc, i);
  if (ctx.kind == MessageKind::kFollowUp && OffersDayOrTime(doc) && !dictated) {
    for (const auto& t : doc.tokens()) {
      if (t.norm == "confirm" || t.norm == "confirming" || t.norm == "confirmed") return;
    }
    if (kAgreed.Any(doc, 0, AllSentences(doc))) return;
    // Taking up a day they proposed or moved: "Thank you for letting me
    // know about the change. Friday at 2 pm still works for me", "Great to
    // hear back. Tuesday at 11 works well". Both an answer of theirs
    // acknowledged and a day accepted in a statement; a day the sender
    // offers with no sign they answered ("Thursday at 3 works for me.")
    // still needs a question.
    if (AcceptsTheirDay(doc)) return;
  }
  // A polite, indirect ask is still an ask: "I was wondering whether you
  // might have a few minutes", "I'd be grateful if you could spare 20
  // minutes", "if you have time, I'd love to hear how you did it".
  static const PhraseSet kIndirect{
      {"wonder|wondering|wondered ~2 if|whether", false},
      {"grateful|thankful|appreciate|appreciative|honored|honoured ~6 if|chance|opportunity|whether|for", false},
      // "I'd be glad of the chance", "happy if you had time"; but "I'd be
      // happy to chat for 15 minutes" is the sender's willingness, not a
      // request.
      {"delighted|glad|happy|welcome ~6 if|chance|opportunity|whether", false},
      {"delighted|glad|happy|welcome ~1 for|of", false},
      {"if|whether you ~1 have|had|could|can|might|would|are|were|find|get", false},
      {"hope|hoping|hoped you ~2 might|could|would|can|will|have|had|be", false},
  };
  // "Could you let me know if anything has changed?": a direct question to
  // them is an ask, whatever it asks for.
  static const PhraseSet kDirect{{"could|would|can|will you", false}};
  for (int i = 0; i < AllSentences(doc); ++i) {
    const Sentence& s = sentences[static_cast<size_t>(i)];
    if (IsQuestionAsk(doc, s)) return;
    if (s.first_token == s.end_token || doc.InGreeting(i) || IsJobAskSentence(doc, i)) continue;
    // "Coffee next week?", "Free Thursday afternoon?": a short question
    // about meeting is an ask whatever its grammar.
    if (s.question() && s.end_token - s.first_token <= 14 && (HasAskObject(doc, s) || NamesDayOrTime(doc, i))) {
      return;
    }
    if ((HasMeetingWord(doc, s) || HasAskObject(doc, s)) && kIndirect.Any(doc, i, i + 1)) return;
    if (s.question() && kDirect.Any(doc, i, i + 1)) return;
  }
  // An ask written as a statement: "I'd like to set up a call", "Let me know when you are free".
  static const PhraseSet kStatementAsk{
      {"i would|am|was|will ~2 like|love|hope|hoping|wondering|grateful|appreciate|delighted|thrilled|value|welcome", false},
      {"i hope|wonder|wondered|ask|request", false},
      {"please|kindly ~3 let|tell|send|call|email|contact|reply|respond|suggest|forward|introduce|pass", false},
      {"let me know", false},
      {"would|could you|it", false},
      {"i need|want", false},
  };
  // Point at the statement that asks for the meeting ("I'd like to set up a
  // call"), else at any statement that asks for something.
  const int count = AllSentences(doc);
  for (bool strong : {true, false}) {
    for (int i = doc.body_begin(); i < count; ++i) {
      const Sentence& s = sentences[static_cast<size_t>(i)];
      if (s.question() || !HasAskObject(doc, s) || (strong && !HasMeetingWord(doc, s)) ||
          !kStatementAsk.Any(doc, i, i + 1)) {
        continue;
      }
      out->push_back(doc.Make("no-clear-ask", Severity::kWarning, s.begin, s.end,
                              "The request is a statement, not a question; a direct question is easier to "
                              "say yes to.",
                              "Ask it: \"Would you have 20 minutes for a call in the next two weeks?\""));
      return;
    }
  }
  out->push_back(doc.MakeWhole("no-clear-ask", Severity::kWarning,
                               "There is no clear request: say what you are asking for, as a question.",
                               "For example: \"Would you have 20 minutes for a phone call in the next "
                               "two weeks?\""));
}

// ---- no-time-frame --------------------------------------------------------------

namespace {

bool IsNumber(std::string_view n) {
  static constexpr std::string_view kWords[] = {"five",   "ten",   "fifteen", "twenty", "thirty", "forty",
                                                "fifty",  "sixty", "one",     "two",    "three",  "half",
                                                "quarter", "an",   "a",       "few"};
  if (In(kWords, n)) return true;
  return !n.empty() && n.size() <= 3 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsDuration(std::string_view n) {
  static constexpr std::string_view kUnits[] = {"min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs"};
  if (In(kUnits, n)) return true;
  // "20min", "15mins"
  size_t d = 0;
  while (d < n.size() && n[d] >= '0' && n[d] <= '9') ++d;
  return d > 0 && d <= 3 && In(kUnits, n.substr(d));
}

}  // namespace

void CheckTimeFrame(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (ctx.kind != MessageKind::kRequest) return;
  // A proposed day or time ("Thursday at 4", "a coffee on the 12th at
  // 9am") bounds the ask as well as a number of minutes does.
  if (ProposesDay(doc)) return;
  const auto& tokens = doc.tokens();
  for (size_t t = 0; t < tokens.size(); ++t) {
    const std::string& n = tokens[t].norm;
    if (IsDuration(n) && n.find_first_of("0123456789") != std::string::npos) return;
    if (!IsDuration(n)) continue;
    // Look back for a number: "20 minutes", "15 to 20 minutes", "half an hour", "an hour".
    // "a few minutes" is not bounded.
    bool few = false, number = false;
    for (size_t k = 1; k <= 4 && k <= t; ++k) {
      const Token& prev = tokens[t - k];
      if (prev.sentence != tokens[t].sentence) break;
      if (prev.norm == "few" || prev.norm == "couple" || prev.norm == "some") few = true;
      if (IsNumber(prev.norm) && prev.norm != "few") number = true;
      if (!IsNumber(prev.norm) && prev.norm != "to" && prev.norm != "or" && prev.norm != "and" &&
          prev.norm != "of" && prev.norm != "than") {
        break;
      }
    }
    if (number && !few) return;
  }
  out->push_back(doc.MakeWhole("no-time-frame", Severity::kWarning,
                               "Doesn't say how much time you're asking for; a small, bounded ask is "
                               "easier to accept.",
                               "Name it: 15, 20 or 30 minutes."));
}

// ---- no-flexibility --------------------------------------------------------------

namespace {

// A day, a part of a day, or a way to meet: what an offer names.
bool IsOfferWord(std::string_view n) {
  static constexpr std::string_view kWords[] = {
      "monday",   "tuesday",   "wednesday", "thursday", "friday",   "saturday",  "sunday",    "mondays",
      "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",  "morning",   "mornings",
      "afternoon", "afternoons", "evening",  "evenings", "weekend",  "weekends",  "weekday",   "weekdays",
      "lunchtime", "lunch",     "breakfast", "coffee",  "phone",    "call",      "video",     "zoom",
      "email",    "teams",     "skype",     "person",   "visit",    "site",      "office",    "matinee",
      "shift",    "break",     "message",   "messages", "thread",   "text",      "texts",     "chat",
      "whatsapp", "slack",     "letter",    "writing",  "typing"};
  return In(kWords, n);
}

// Whether sentence `s` offers alternatives: an offer word within eight
// tokens before an "or" and another within eight after it ("one Saturday,
// or call you for 20 minutes on a weekday").
bool OffersAlternatives(const Doc& doc, int s) {
  const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
  const auto& tokens = doc.tokens();
  for (int t = sentence.first_token; t < sentence.end_token; ++t) {
    if (tokens[static_cast<size_t>(t)].norm != "or") continue;
    bool before = false, after = false;
    for (int k = std::max(sentence.first_token, t - 8); k < t; ++k) before = before || IsOfferWord(tokens[static_cast<size_t>(k)].norm);
    for (int k = t + 1; k < std::min(sentence.end_token, t + 9); ++k) after = after || IsOfferWord(tokens[static_cast<size_t>(k)].norm);
    if (before && after) return true;
  }
  return false;
}

}  // namespace

void CheckFlexibility(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (ctx.kind != MessageKind::kRequest) return;
  static const PhraseSet kSet{
      {"phone|call|calls|video|zoom|email|emails|mail|person|coffee|teams|skype|meet|virtual|virtually|online|chat|lunch|writing|message|messages|text|texts ~4 or ~5 phone|video|zoom|email|emails|mail|person|coffee|call|calls|virtually|online|skype|teams|virtual|writing|lunch|chat|chats|meet|message|messages|thread|text|texts|whatsapp|slack|letter", false},
      // "Phone, video or a message thread are all fine with me", "either is fine".
      {"all|both|either|any ~1 fine|good|okay|ok|great ~2 with|by|for me", false},
      {"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|morning|mornings|afternoon|afternoons|evening|evenings|weekend|weekends|weekday|weekdays|week|lunchtime|lunchtimes ~4 or|and ~3 monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|morning|mornings|afternoon|afternoons|evening|evenings|weekend|weekends|weekday|weekdays|next|week|after|lunchtime|lunchtimes", false},
      {"most|any|many ~1 days|day|mornings|afternoons|evenings|weekdays|weekends|time|times|slot|slots|afternoon|morning|evening|weekday|week", false},
      // "some afternoon next week" leaves them the day; "some time for a
      // call" is an amount, not a choice.
      {"some ~1 days|day|mornings|afternoons|evenings|weekdays|weekends|times|slots|afternoon|morning|evening|weekday", false},
      {"your schedule|calendar|convenience|preference|choice|availability|pick", false},
      {"at|near|to|by your office|workplace|clinic|lab|building", false},
      {"fit|work|works|around|suits|suit|convenient|easiest|easier|best|better for you", false},
      {"whatever|whichever|whenever|wherever|anytime|flex*", false},
      {"suits|suit|fits|fit you", false},
      {"you ?would prefer|choose|pick", false},
      {"up to you", false},
      {"happy|glad|able|willing ~2 to ~2 fit|accommodate|adjust|flex|travel|come", false},
      {"work|working around", false},
      {"if ~4 easier|simpler|convenient|prefer|preferable", false},
      {"email|phone|writing|call ~2 works|work|fine ~1 too|also|as", false},
      // Deference in the writer's own words: "I can move things around",
      // "I can adapt to your time zone", "one evening next week".
      {"move|moving|shift|shuffle|rearrange ~1 things|something|around", false},
      {"adapt|adjust|accommodate|fit|flex|bend ~3 your|you|around", false},
      {"one|an ~1 evening|morning|afternoon|lunchtime|weekday|day ~2 next|this|in", false},
      // Their pick of the day: "a weekday of your choosing", "whenever suits
      // you", "one Saturday", "any weekday".
      {"of|at your ~1 choosing|choice|liking|preference|discretion", false},
      {"you choose|pick|prefer|like|decide", false},
      {"whenever|whatever|wherever ~2 suits|suit|works|work|fits|fit", false},
      {"one|any|a saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekday|weekend|evening|morning|afternoon", false},
  };
  // "I'll be at your office on Monday", "Could you pick a time?": fixing
  // the meeting or handing it over is not offering a choice.
  const auto dictated = [&](const Match& m) {
    return IsSchedulingDemand(doc, doc.tokens()[static_cast<size_t>(m.first)].sentence);
  };
  if (!kSet.FindPerSentence(doc, 0, AllSentences(doc), dictated).empty()) return;
  // "Coffee before a matinee one Saturday, or a call on a weekday?": two
  // offers either side of "or", however many words each takes.
  for (int s = 0; s < AllSentences(doc); ++s) {
    if (OffersAlternatives(doc, s) && !IsSchedulingDemand(doc, s)) return;
  }
  out->push_back(doc.MakeWhole("no-flexibility", Severity::kHint,
                               "Offers no choice of times or of phone, video or email; letting them pick "
                               "makes yes easier.",
                               "Suggest a few times and say you can fit their schedule, by phone or video."));
}

// ---- too-long ---------------------------------------------------------------------

void CheckLength(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  size_t hint = 100, warning = 150;
  switch (ctx.kind) {
    case MessageKind::kRequest:
    case MessageKind::kIntroRequest:
    case MessageKind::kFollowUp:
    case MessageKind::kIntroduction:
      break;
    case MessageKind::kThankYou:
      hint = 200, warning = 300;
      break;
    case MessageKind::kTouch:
      hint = 150, warning = 250;
      break;
  }
  // Words joined by a hyphen ("third-year") count once; a signature after
  // a "-- " line does not count.
  const auto& words = doc.words();
  size_t limit_end = doc.text().find("\n-- \n");
  if (limit_end == std::string_view::npos) limit_end = doc.text().find("\n--\n");
  std::vector<size_t> counted;  // indexes of counted words
  for (size_t w = 0; w < words.size() && words[w].begin < limit_end; ++w) {
    if (!words[w].after_hyphen) counted.push_back(w);
  }
  const size_t count = counted.size();
  if (count <= hint) return;
  const bool over = count > warning;
  const size_t first = counted[over ? warning : hint];
  size_t last = counted.back();
  while (last + 1 < words.size() && words[last + 1].after_hyphen) ++last;
  const std::string kind(ToString(ctx.kind));
  out->push_back(doc.Make(
      "too-long", over ? Severity::kWarning : Severity::kHint, words[first].begin, words[last].end,
      std::to_string(count) + " words; a " + kind + " over " + std::to_string(over ? warning : hint) +
          " words asks a busy reader for more time than it should.",
      ctx.kind == MessageKind::kThankYou
          ? "Keep the thanks and the one or two things you will act on; cut the rest."
          : "Keep who you are, how you found them, what you want to learn and the ask; cut the rest."));
}

// ---- about-me ----------------------------------------------------------------------

void CheckAboutMe(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (!IsKind(ctx, {MessageKind::kRequest, MessageKind::kIntroRequest, MessageKind::kFollowUp})) return;
  const auto& sentences = doc.sentences();
  int self = 0, other = 0;
  for (int s = doc.body_begin(); s < doc.body_end(); ++s) {
    const Sentence& sentence = sentences[static_cast<size_t>(s)];
    for (int t = sentence.first_token; t < sentence.end_token; ++t) {
      const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
      if (n == "i" || n == "me" || n == "my" || n == "mine" || n == "myself") ++self;
      if (n == "you" || n == "your" || n == "yours" || n == "yourself") ++other;
      if (ctx.kind == MessageKind::kIntroRequest &&
          (n == "she" || n == "her" || n == "he" || n == "him" || n == "his" || n == "they" || n == "their")) {
        ++other;
      }
    }
  }
  if (self < 8 || self < 3 * std::max(other, 1)) return;
  // Hardly a word to or about them: the message costs a reply, not taste.
  const bool all_about_me = other <= 1 || self >= 5 * other;
  out->push_back(doc.MakeWhole(
      "about-me", all_about_me ? Severity::kWarning : Severity::kHint,
      "Mostly about you: " + std::to_string(self) + " uses of I/me/my against " + std::to_string(other) +
          " of you/your.",
      "Trim your story to a sentence and say what draws you to their work or what you hope to learn from them."));
}

// ---- not-specific --------------------------------------------------------------------

namespace {

// Words every thank-you uses: they say nothing about this conversation.
bool IsGeneric(std::string_view stem) {
  static const std::set<std::string, std::less<>> kGeneric = [] {
    static constexpr std::string_view kWords[] = {
        "thank", "thanks", "time", "take", "taking", "took", "today", "yesterday", "meeting", "meet", "met",
        "chat", "conversation", "talk", "speak", "spoke", "call", "coffee", "great", "good", "wonderful",
        "lovely", "nice", "pleasure", "enjoy", "enjoyed", "appreciate", "appreciated", "grateful", "gratitude",
        "helpful", "help", "helped", "insight", "insights", "insightful", "advice", "information", "info",
        "informative", "valuable", "useful", "learn", "learned", "learning", "hear", "hearing", "heard",
        "experience", "experiences", "career", "careers", "path", "journey", "field", "industry", "role",
        "work", "job", "company", "team", "perspective", "perspectives", "knowledge", "tip", "tips",
        "suggestion", "suggestions", "question", "questions", "answer", "answers", "answering", "share",
        "sharing", "shared", "generous", "generosity", "kind", "kindness", "touch", "keep", "stay", "forward",
        "look", "looking", "hope", "hoping", "soon", "future", "best", "regards", "truly", "definitely",
        "certainly", "sure", "busy", "schedule", "day", "week", "willing", "willingness", "open", "openness",
        "honest", "honesty", "candid", "candor", "inspiring", "inspired", "inspiration", "encouraging",
        "encouragement", "motivated", "motivating", "clarity", "clear", "clearer", "understand",
        "understanding", "better", "next", "steps", "step", "thought", "thoughts", "think", "thinking", "know",
        "feel", "felt", "amazing", "fantastic", "awesome", "incredible", "incredibly", "extremely", "super",
        "mean", "means", "meant", "world", "connect", "connecting", "linkedin", "reach", "reached", "story",
        "stories", "discussion", "discuss", "discussed", "glad", "happy", "excited", "exciting", "opportunity",
        "opportunities", "interest", "interesting", "interested", "everything", "anything", "something",
        "give", "gave", "given", "offer", "offered", "provide", "provided", "support", "guidance", "wisdom",
        "idea", "ideas", "words", "moment", "minutes", "hour", "afternoon", "morning", "evening", "lunch",
        "update", "updated", "progress", "contact", "network", "networking", "person", "people", "someone",
        "professional", "professionally", "please", "need", "mind", "firm", "organization", "organisation", "office", "personally", "personal", "sincerely", "deeply", "greatly",
        "continue", "plan", "plans", "goal", "goals", "decision", "decisions", "consider", "considering",
        "important", "spend", "spent", "want", "wanted", "say", "said", "again", "explore", "exploring",
        "exploration", "talking", "speaking", "chatting", "meeting", "hearing", "enjoying", "always",
        "really", "lot", "much", "many", "valued", "value", "so", "truly", "certainly", "instance", "honored",
        "honour", "honor", "privilege", "fun", "made", "makes", "making", "send", "sent", "note", "quick",
        "email", "message", "reading", "hard", "find", "found", "especially", "particularly", "gain", "gained",
        "new", "useful", "life", "lives", "busy", "day", "days", "sharing", "generously", "invaluable",
        "warm", "warmly", "kindly", "call", "phone", "zoom", "video", "online", "earlier", "week", "weeks",
        "month", "months", "year", "years", "hopefully", "eager", "excellent", "mentioned", "gotten", "advise",
        "advised", "recommend", "recommended", "suggest", "suggested", "told", "tell", "ways", "way",
        "things", "thing", "bit", "aspects", "aspect", "areas", "area", "side", "sides", "part", "parts"};
    std::set<std::string, std::less<>> set;
    for (auto w : kWords) set.insert(Stem(w));
    return set;
  }();
  return kGeneric.count(stem) > 0;
}

// A verb in a stock phrase of sign-offs, saying nothing of the meeting:
// "as I move forward", "going ahead", "carry on".
bool InStockPhrase(const Doc& doc, int t, int end) {
  static constexpr std::string_view kVerbs[] = {"move", "moves", "moving", "moved", "go", "going", "goes",
                                                "carry", "carrying", "push", "pushing", "press", "pressing"};
  static constexpr std::string_view kAfter[] = {"forward", "forwards", "ahead", "onward", "onwards", "on"};
  const auto& tokens = doc.tokens();
  if (t + 1 >= end || !In(kVerbs, tokens[static_cast<size_t>(t)].norm)) return false;
  // "move on to" names a next step ("move on to product"); at a sentence's end it is stock.
  const std::string& next = tokens[static_cast<size_t>(t + 1)].norm;
  return In(kAfter, next) && (next != "on" || t + 2 >= end);
}

// Content stems of the body: not stop words, not generic, not names.
std::set<std::string> ContentStems(const Doc& doc, const LintContext& ctx, int from, int to) {
  std::set<std::string> stems;
  for (int s = from; s < to; ++s) {
    const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
    for (int t = sentence.first_token; t < sentence.end_token; ++t) {
      const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
      if (n.size() < 3 || IsStopWord(n) || IsKnownWord(ctx, n)) continue;
      if (InStockPhrase(doc, t, sentence.end_token)) continue;
      std::string stem = Stem(n);
      if (!IsGeneric(stem)) stems.insert(std::move(stem));
    }
  }
  return stems;
}

}  // namespace

void CheckSpecific(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (ctx.kind != MessageKind::kThankYou) return;
  const auto stems = ContentStems(doc, ctx, doc.body_begin(), doc.body_end());
  if (!ctx.meeting_notes.empty()) {
    std::set<std::string> notes;
    for (const auto& note : ctx.meeting_notes) {
      Doc notes_doc(note);
      auto more = ContentStems(notes_doc, ctx, 0, static_cast<int>(notes_doc.sentences().size()));
      notes.insert(more.begin(), more.end());
    }
    for (const auto& stem : stems) {
      if (notes.count(stem)) return;
    }
    out->push_back(doc.MakeWhole("not-specific", Severity::kWarning,
                                 "Mentions nothing from your notes on the meeting; a thank-you that names "
                                 "one thing they said shows you listened.",
                                 "Name one piece of advice from the meeting and what you did or will do "
                                 "about it."));
    return;
  }
  // Without notes: pointers to something said ("you mentioned", "the part
  // about") and words no generic thank-you would use.
  static const PhraseSet kPointers{
      {"you|your ~2 said|mentioned|suggested|recommended|explained|described|pointed|advised|noted|emphasized|stressed|warned|showed|predicted|compared|joked", false},
      {"you ~1 told|walked|talked me ~1 about|through", false},
      {"the part|point|bit|story|example|idea|advice|tip|suggestion|comment|question|observation about|on|that|of|to", false},
      {"your point|story|example|advice|tip|suggestion|comment|observation|recommendation|warning about|on|that|to|of", false},
      {"stuck|struck with|me", false},
      {"i have|will ~2 signed|joined|ordered|downloaded|booked|registered|enrolled|started|finished|contacted|emailed|applied|read|bought|subscribed|sign|join|order|download|book|register|enroll|start|contact|email|read|buy|subscribe|reach|rewrite|rewrote|update|updated", false},
      {"as|like you suggested|recommended|advised|mentioned", false},
  };
  int proper = 0;
  for (int s = doc.body_begin(); s < doc.body_end(); ++s) {
    const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
    for (int w = sentence.first_word; w < sentence.end_word; ++w) {
      const Word& word = doc.words()[static_cast<size_t>(w)];
      if (word.initial_upper && !word.sentence_initial && doc.WordText(w) != "I" &&
          !IsKnownWord(ctx, doc.WordText(w))) {
        ++proper;
      }
    }
  }
  const int pointers = static_cast<int>(kPointers.FindPerSentence(doc, doc.body_begin(), doc.body_end()).size());
  const int score = static_cast<int>(stems.size()) + 2 * pointers + std::min(proper, 3);
  if (score >= 5) return;
  out->push_back(doc.MakeWhole("not-specific", Severity::kWarning,
                               "Names nothing specific from the conversation; a generic thank-you is "
                               "forgotten at once.",
                               "Mention one thing they said and what you did or will do about it."));
}

}  // namespace rapport::lint_detail
