// Rules that look for phrases: unfilled-placeholder, asks-for-job,
// mentions-resume, opens-with-transition, tone-desperate, tone-demanding.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <iterator>

#include "rapport/messages/lint_internal.h"

namespace rapport::lint_detail {
namespace {

size_t MatchBegin(const Doc& doc, const Match& m) { return TokenBegin(doc, m.first); }
size_t MatchEnd(const Doc& doc, const Match& m) { return TokenEnd(doc, m.end - 1); }

std::string Quote(const Doc& doc, size_t begin, size_t end) {
  std::string s(doc.text().substr(begin, std::min<size_t>(end - begin, 60)));
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return "\"" + s + "\"";
}

// ---- unfilled-placeholder ----------------------------------------------------

void AddPlaceholder(const Doc& doc, size_t b, size_t e, std::vector<Finding>* out) {
  out->push_back(doc.Make("unfilled-placeholder", Severity::kError, b, e,
                          "A template field was left in: " + Quote(doc, b, e) + ".",
                          "Replace it with the real words, or delete it."));
}

}  // namespace

void CheckPlaceholders(const Doc& doc, const LintContext&, std::vector<Finding>* out) {
  for (const auto& [b, e] : doc.fields()) AddPlaceholder(doc, b, e, out);
  // XXX and friends.
  for (size_t w = 0; w < doc.words().size(); ++w) {
    std::string_view word = doc.WordText(static_cast<int>(w));
    if (word.size() >= 3 && std::all_of(word.begin(), word.end(), [](char ch) { return ch == 'x' || ch == 'X'; })) {
      AddPlaceholder(doc, doc.words()[w].begin, doc.words()[w].end, out);
    }
  }
  static const PhraseSet kPrompts{{"insert ~3 name|company|here|title|date|organization|organisation|details", false},
                                  {"your|company|first|last name here", false}};
  for (const Match& m : kPrompts.FindPerSentence(doc, 0, static_cast<int>(doc.sentences().size()))) {
    AddPlaceholder(doc, MatchBegin(doc, m), MatchEnd(doc, m), out);
  }
}

// ---- asks-for-job -------------------------------------------------------------

namespace {

const PhraseSet& JobAsks() {
  static const PhraseSet kSet{
      {"are|is ~4 hiring|recruiting"},
      {"hire|hiring me"},
      {"any|open|available ~2 opening|openings|positions|position|vacancies|vacancy|jobs|job|internships|spots|headcount", true, true},
      {"open|available ~1 role|roles", true, true},
      {"any ~1 opportunities|opportunity", true, true},
      {"job|jobs|position|positions|internship|internships|opening|openings|employment|vacancies at|with|on|in|within your|yours"},
      {"a|an|any|open ~1 role|roles at|with|on|in|within your|yours"},
      {"opportunities|opportunity at|with|on|in|within your", true, true},
      {"openings|vacancies"},
      {"interested in any|open|available ~1 position|positions|job|jobs|opening|openings|vacancies|roles"},
      {"position|positions|role|roles|job|jobs|opening|openings|vacancies|internships available|open"},
      {"position|job|role|opening|spot|vacancy|internship ~2 opens|open|comes|come up", true, true},
      {"inside track"},
      // "I'd take any job at this point", "I'll accept any role going".
      {"take|accept|do|consider|welcome ~1 any ~2 job|jobs|work|position|positions|role|roles|opening|openings|offer|shift|shifts|gig|gigs|vacancy"},
      {"taking|take on ~1 new|more|additional", true, true},
      // Hiring asked about without the word: "is your crew taking on anyone
      // this summer?", "are you bringing on apprentices?", "does the shop
      // need another pair of hands?", "will you be hiring in the spring?".
      // The people may come after a few words of kind: "is your lab
      // bringing on any new preparation staff this year?".
      {"taking|take|bringing|bring|signing|sign on ~3 anyone|anybody|someone|somebody|apprentice|apprentices|interns|intern|trainees|trainee|hands|helpers|helper|newcomers|juniors|junior|labourers|laborers|staff|people|workers|hires|employees|technicians|assistants|recruits|graduates|grads|crew|personnel|starters", true, true},
      {"adding|add ~3 staff|hires|employees|technicians|assistants|apprentices|interns|trainees|recruits|personnel|headcount|workers", true, true},
      {"any ~2 hires", true, true},
      {"looking|need|needs|needing|short|shorthanded ?for ~4 hands|apprentice|apprentices|helper|helpers|labourer|labourers|laborer|laborers|interns|trainee|trainees|recruits", true, true},
      {"looking|searching for ~2 help|anyone|anybody|someone|somebody|staff|people|workers", true, true},
      {"extra|another|spare pair|set of hands", true, true},
      {"be hiring|recruiting", true, true},
      {"room on|in|at your|the ~1 team|lab|group|staff|department|firm|company"},
      {"room for ~3 on|in your"},
      {"get|land|find|secure me ?a|an ~2 interview|job|position|role|internship|offer"},
      {"job|jobs|position|positions|role|roles|internship|internships|opening|openings at|with|on|in his|her|their"},
      {"an opening on|at|in|for"},
      {"consider me"},
      {"consider my application|candidacy|resume|cv"},
      {"keep me in mind"},
      {"keep my name|resume|cv|resumes|details|information|info in|on mind|file"},
      {"keep ~2 on file"},
      {"keep me posted|updated|informed ~3 opening*|position*|role|roles|job|jobs|opportunit*|vacanc*|hiring"},
      {"keep an|your eye|eyes out ~2 for me"},
      {"will|would|please|might|could|to think of me"},
      {"think|thinking of me if|when|whenever|for|should"},
      {"refer me for"},
      {"refer me to ?a|an|the|your ~1 position|role|job|opening|hiring|recruiter|recruiters|hr"},
      {"referral for ~3 position*|role|roles|job|jobs|opening*|internship*"},
      {"internal|employee|job referral"},
      {"put|putting in a good word"},
      {"pass|passing|forward|forwarding|send|sending|share|hand|get|getting my resume|cv|application to|along|on"},
      // A resume handed over for passing on: "my resume below so you can forward it".
      {"resume|cv|resumes|cvs ~8 forward|forwarding|pass|passing|circulate|circulating it|this|them|along|on|around"},
      {"forward|forwarding|pass|passing|circulate|circulating ~4 resume|cv along|on|to|around"},
      // "in case anything comes up at your company", "if something opens up there".
      {"anything|something ~3 comes|come|opens|open up ~3 company|team|firm|organization|organisation|department|lab|group|studio|agency|practice|there"},
      {"resume|cv ~10 in case|if|should|when|whenever ~1 anything|something"},
      // "if your team has anything coming up", "anything opening up in your group".
      {"team|company|firm|group|department|lab|studio|agency|practice|office ~2 has|have|had ~2 anything|something ~1 coming|opening up"},
      {"anything|something ~1 coming|opening up ~2 on|in|at|with ~1 your|the ~1 team|company|firm|group|department|lab|studio|agency|practice|office"},
      {"help me ?to get|find|land|secure|obtain ?a|an|any ~2 job|position|role|internship|offer|interview|work|employment"},
      {"foot in the door"},
      {"let me know if|when|whether ~6 opening*|position|positions|vacanc*|job|jobs|role|roles|internship*|hiring|opportunit*"},
      {"hear|know of|about any ~2 opening*|position*|job|jobs|role|roles|opportunit*|vacanc*|internship*"},
      {"job|jobs|position|positions|role|roles|internship|internships|openings|opportunities|spot for me"},
      {"apply|applying|applied for|to ~4 position|role|job|opening|internship|vacancy"},
      {"interview me"},
      {"love|like|want|hope|chance|opportunity|able|eager|keen to work for|with you|your"},
      {"join your|yours team|company|firm|group|organization|organisation|department|lab|staff"},
      {"spot|place|seat on your team"},
      // Job-seeking without the word "job": an eager wish to work at their
      // company, or the lookout for a next opportunity.
      {"love|like|eager|keen|hope|hoping|dream|want|wanting|aspire|aspiring|goal|aim|excited|chance ~3 to ~1 work|working|join at|for|with ~2 your|yours|you|company|firm|studio|agency|there|them"},
      {"love|like|eager|keen|hope|hoping|dream|want|wanting|aspire|aspiring|goal|aim|excited|chance ~3 to ~1 work|join there|you|yours"},
      {"interested in ~1 working|joining at|for|with|your"},
      {"dream ~1 company|employer|job|team|workplace"},
      // "Working there has been my goal since school": the wish as the subject.
      {"working|joining ~2 there|here|you|your|them ~4 my|a|the|an ~2 goal|dream|ambition|aim|aspiration|hope"},
      {"dream of|about ~2 working|joining"},
      {"on the lookout"},
      {"my next|new ~1 opportunity|opportunities|role|position|challenge|move|gig"},
      {"a|new|next new|next opportunity|opportunities|challenge"},
      {"looking|searching|seeking|hunting for ~2 a|my new|next ~1 role|position|thing|step"},
      {"open to|seeking|exploring|pursuing ~2 new opportunities|opportunity|roles|positions|challenges"},
      {"great|good|perfect|strong|natural|ideal ~1 fit|addition|asset for|to|at|on|in your|the team|company|firm|organization|organisation|role|position|group|lab|department|staff|studio"},
      {"add value to|contribute to ~1 your|the team|company|firm|organization|organisation|group"},
      // The cover letter's claim to fit: "I am confident my skills would
      // transfer to your system", "I'm sure my background would be an asset
      // to your team".
      {"confident|sure|certain|convinced|believe|know ~2 my|our ~3 skills|skill|skillset|experience|background|abilities|strengths|expertise|talents|qualifications ~3 transfer|translate|fit|suit|benefit|serve|contribute|match|asset ~3 your|yours"},
      {"an|a ~1 asset|assets to your|yours"},
      {"bring me on|onboard|aboard"},
      {"give|giving me a chance|shot|break"},
      {"get my foot|get in|break in|get into ~2 your|the company|firm|team|organization|organisation"},
  };
  return kSet;
}

// "any opportunities to volunteer", "roles in your field", "your role":
// about the field or the person, not a request for work.
bool IsAboutTheField(const Doc& doc, const Match& m) {
  const auto& tokens = doc.tokens();
  const auto at = [&](int t) -> std::string_view {
    if (t < 0 || t >= static_cast<int>(tokens.size())) return {};
    if (tokens[static_cast<size_t>(t)].sentence != tokens[static_cast<size_t>(m.first)].sentence) return {};
    return tokens[static_cast<size_t>(t)].norm;
  };
  const std::string_view last = at(m.end - 1), next = at(m.end), before_last = at(m.end - 2);
  if ((last.starts_with("opportunit") || last == "open" || last == "available") && next == "to") return true;
  if ((at(m.first) == "thinking" || at(m.first) == "think") && at(m.first - 1) == "for") {
    return true;  // "thanks for thinking of me when you saw it"
  }
  if (at(m.first) == "like") {  // "what it's like to work for your company", "what is it like to..."
    for (int k = 1; k <= 2; ++k) {
      const std::string_view before = at(m.first - k);
      if (before == "'s" || before == "is" || before == "was" || before == "be") return true;
    }
  }
  if (last == "your" || last == "yours" || last == "his" || last == "her" || last == "their") {
    static constexpr std::string_view kField[] = {"field", "industry", "area", "profession", "line", "sector",
                                                  "career", "experience", "work", "specialty", "discipline"};
    for (auto w : kField) {
      if (next == w) return true;
    }
  }
  static constexpr std::string_view kJobNouns[] = {"role", "roles", "position", "positions", "job", "jobs"};
  static constexpr std::string_view kOwners[] = {"my", "your", "current", "his", "her", "their"};
  const std::string_view first = at(m.first), before_first = at(m.first - 1);
  if (std::find(std::begin(kJobNouns), std::end(kJobNouns), first) != std::end(kJobNouns) &&
      std::find(std::begin(kOwners), std::end(kOwners), before_first) != std::end(kOwners)) {
    return true;  // "her role at her company"
  }
  for (auto w : kJobNouns) {
    if (last == w && (before_last == "my" || before_last == "your" || before_last == "current" ||
                      before_last == "his" || before_last == "her" || before_last == "their")) {
      return true;
    }
  }
  return false;
}

// "As you asked, I've attached my resume so you can pass it on": after the
// meeting, sending it because they asked is what the articles advise.
bool SentByRequest(const Doc& doc, const Match& m) {
  const Sentence& s = doc.sentences()[static_cast<size_t>(doc.tokens()[static_cast<size_t>(m.first)].sentence)];
  for (int t = s.first_token; t < s.end_token; ++t) {
    const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
    if (n == "asked" || n == "requested" || n == "offered" || n == "suggested" || n == "promised" ||
        n == "recommended") {
      return true;
    }
  }
  return false;
}

bool MentionsResume(const Doc& doc, const Match& m) {
  for (int t = m.first; t < m.end; ++t) {
    const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
    if (n == "resume" || n == "resumes" || n == "cv" || n == "cvs") return true;
  }
  return false;
}

// "how you bring on new apprentices", "I'm looking for someone who made
// the move": how they take people on, or the sender's own search, is not
// a question about openings.
bool IsDescriptiveTakingOn(const Doc& doc, const Match& m) {
  static constexpr std::string_view kHeads[] = {"taking", "take", "bringing", "bring", "signing", "sign", "adding", "add",
                                                "looking", "searching", "need", "needs", "needing", "short",
                                                "shorthanded", "extra", "another", "spare"};
  const auto& tokens = doc.tokens();
  if (!In(kHeads, tokens[static_cast<size_t>(m.first)].norm)) return false;
  // "I'd take any job": the sender taking work, not taking people on.
  if (m.first + 1 < m.end && tokens[static_cast<size_t>(m.first + 1)].norm == "any") return false;
  const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
  for (int t = m.first - 1; t >= 0 && t >= m.first - 4; --t) {
    const Token& tok = tokens[static_cast<size_t>(t)];
    if (tok.sentence != sentence) break;
    if (tok.norm == "how" || tok.norm == "why") return true;
  }
  for (int t = m.first - 1; t >= 0; --t) {
    const Token& tok = tokens[static_cast<size_t>(t)];
    if (tok.sentence != sentence) break;
    // The sender as the subject ("I'm looking for", "we are also taking on").
    if (m.first - t <= 3 && (tok.norm == "i" || tok.norm == "we")) return true;
    if (tok.norm == "you" || tok.norm == "your" || tok.norm == "they" || tok.norm == "their") break;
  }
  // "someone who made the move": a person described, not a vacancy.
  if (m.end < static_cast<int>(tokens.size()) && tokens[static_cast<size_t>(m.end)].sentence == sentence) {
    const std::string& next = tokens[static_cast<size_t>(m.end)].norm;
    if (next == "who" || next == "that" || next == "whose" || next == "with") return true;
  }
  return false;
}

bool IsDescriptiveHiring(const Doc& doc, const Match& m) {
  if (IsDescriptiveTakingOn(doc, m)) return true;
  // "is AI changing hiring", "is the hiring process": not a question about openings.
  const auto& tokens = doc.tokens();
  const int h = m.end - 1;
  if (tokens[static_cast<size_t>(h)].norm != "hiring" && tokens[static_cast<size_t>(h)].norm != "recruiting") {
    return false;
  }
  static constexpr std::string_view kBefore[] = {"of", "about", "in", "on", "the", "for", "into", "with", "their",
                                                 "our", "and", "or", "changing", "affecting", "impacting",
                                                 "shaping", "transforming", "approach", "approaching", "doing", "do"};
  static constexpr std::string_view kAfter[] = {"process", "practices", "manager", "managers", "decisions",
                                                "trends", "committee", "pipeline", "landscape", "market", "bar",
                                                "criteria", "side", "freeze", "decision", "team", "cycle"};
  // "how your team is hiring these days": the manner, not a question about openings.
  for (int t = m.first - 1; t >= 0 && t >= m.first - 4; --t) {
    if (tokens[static_cast<size_t>(t)].sentence != tokens[static_cast<size_t>(m.first)].sentence) break;
    if (tokens[static_cast<size_t>(t)].norm == "how" || tokens[static_cast<size_t>(t)].norm == "why") return true;
  }
  if (h > 0) {
    const std::string& before = tokens[static_cast<size_t>(h - 1)].norm;
    for (auto w : kBefore) {
      if (before == w) return true;
    }
  }
  if (h + 1 < static_cast<int>(tokens.size()) && tokens[static_cast<size_t>(h + 1)].sentence == tokens[static_cast<size_t>(h)].sentence) {
    const std::string& after = tokens[static_cast<size_t>(h + 1)].norm;
    for (auto w : kAfter) {
      if (after == w) return true;
    }
  }
  return false;
}

}  // namespace

bool IsJobAskSentence(const Doc& doc, int s) {
  const auto reject = [&](const Match& m) { return IsDescriptiveHiring(doc, m) || IsAboutTheField(doc, m); };
  return !JobAsks().FindPerSentence(doc, s, s + 1, reject).empty();
}

void CheckAsksForJob(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  // Letting your network know you are looking, months later, is normal;
  // asking in a request or a thank-you is the cardinal sin.
  const Severity severity = ctx.kind == MessageKind::kTouch ? Severity::kWarning : Severity::kError;
  const bool after_meeting = IsKind(ctx, {MessageKind::kThankYou, MessageKind::kTouch});
  const auto reject = [&](const Match& m) {
    return IsDescriptiveHiring(doc, m) || IsAboutTheField(doc, m) ||
           (after_meeting && MentionsResume(doc, m) && SentByRequest(doc, m));
  };
  // "I'd love to work at Cartografica": a wish to work at a named place.
  static const PhraseSet kWorkAt{
      {"love|like|eager|keen|hope|hoping|dream|want|wanting|aspire|aspiring|goal|aim|excited|chance ~3 to ~1 work|working|join at|for"}};
  auto matches = JobAsks().FindPerSentence(doc, 0, static_cast<int>(doc.sentences().size()), reject);
  for (const Match& m : kWorkAt.FindPerSentence(doc, 0, static_cast<int>(doc.sentences().size()), [&](const Match& m) {
         const auto& tokens = doc.tokens();
         if (m.end >= static_cast<int>(tokens.size()) || tokens[static_cast<size_t>(m.end)].sentence != tokens[static_cast<size_t>(m.first)].sentence) {
           return true;
         }
         const Word& next = doc.words()[static_cast<size_t>(tokens[static_cast<size_t>(m.end)].word)];
         return !next.initial_upper && !IsKnownWord(ctx, doc.WordText(tokens[static_cast<size_t>(m.end)].word));
       })) {
    const int sentence = doc.tokens()[static_cast<size_t>(m.first)].sentence;
    if (std::none_of(matches.begin(), matches.end(),
                     [&](const Match& o) { return doc.tokens()[static_cast<size_t>(o.first)].sentence == sentence; })) {
      matches.push_back(m);
    }
  }
  // "Still no luck with inspector jobs... Anything would help: a lead, a
  // referral": leads asked for when the message is about finding work. A
  // lead on whom to talk to or what to read is a learning question.
  const bool job_hunt = std::any_of(doc.tokens().begin(), doc.tokens().end(), [](const Token& t) {
    return t.norm == "job" || t.norm == "jobs" || t.norm == "hiring" || t.norm == "openings" || t.norm == "vacancies" ||
           t.norm == "unemployed" || t.norm == "employment";
  });
  if (job_hunt) {
    static const PhraseSet kLeads{{"a|any|some|job|for ~1 lead|leads|referral|referrals"}};
    for (const Match& m : kLeads.FindPerSentence(doc, 0, AllSentences(doc), [&](const Match& m) {
           const auto& tokens = doc.tokens();
           const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
           for (int t = m.end; t < m.end + 4 && t < static_cast<int>(tokens.size()); ++t) {
             const Token& tok = tokens[static_cast<size_t>(t)];
             if (tok.sentence != sentence) break;
             static constexpr std::string_view kLearning[] = {"who", "whom", "people", "person", "someone", "books",
                                                              "book", "reading", "course", "courses", "resources",
                                                              "articles", "podcasts", "to"};
             if (In(kLearning, tok.norm)) return true;
           }
           return false;
         })) {
      const int sentence = doc.tokens()[static_cast<size_t>(m.first)].sentence;
      if (std::none_of(matches.begin(), matches.end(), [&](const Match& o) {
            return doc.tokens()[static_cast<size_t>(o.first)].sentence == sentence;
          })) {
        matches.push_back(m);
      }
    }
  }
  for (const Match& m : matches) {
    const size_t b = MatchBegin(doc, m), e = MatchEnd(doc, m);
    out->push_back(doc.Make("asks-for-job", severity, b, e,
                            "This asks about jobs or hiring (" + Quote(doc, b, e) +
                                "); a request to learn should never turn into a request for work.",
                            "Ask what they wish they had known, or whom else you should talk to; let them "
                            "raise openings if they want to."));
  }
}

// ---- mentions-resume -----------------------------------------------------------

void CheckResume(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  static const PhraseSet kMentions{
      {"my|a|the|your|attached|updated|enclosed|current|recent|latest|full|short|page|brief resume|resumes|cv|cvs"},
      {"resume|cv is|are|has|have ?been attached|enclosed|below|included|linked"},
      {"attach|attached|attaching|enclose|enclosed|enclosing|sent|forwarded ~3 resume|cv"},
      {"resume|cv pdf|doc|docx"},
      {"resume|resumes|cv attached|enclosed|included|below"},
      {"curriculum vitae"},
  };
  // After the meeting, sending it because they asked is what the articles advise.
  static const PhraseSet kPushes{
      {"attach|attached|attaching|enclose|enclosed|enclosing|here|sending|forwarding|sent|pass|passing|share|forward ~4 resume|cv"},
      {"resume|cv|résumé is|are ?here|attached|enclosed|below"},
  };
  const bool after_meeting = ctx.kind == MessageKind::kThankYou || ctx.kind == MessageKind::kTouch;
  const auto matches = (after_meeting ? kPushes : kMentions)
                           .FindPerSentence(doc, 0, static_cast<int>(doc.sentences().size()));
  for (const Match& m : matches) {
    const Sentence& s = doc.sentences()[static_cast<size_t>(doc.tokens()[static_cast<size_t>(m.first)].sentence)];
    if (after_meeting && SentByRequest(doc, m)) continue;
    const size_t b = MatchBegin(doc, m), e = MatchEnd(doc, m);
    // Attaching it to a first request is the fault a reader remembers.
    bool attached = false;
    for (int t = s.first_token; t < s.end_token; ++t) {
      const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
      attached = attached || n.starts_with("attach") || n.starts_with("enclos") || n == "included" || n == "below";
    }
    const bool error = attached && IsKind(ctx, {MessageKind::kRequest, MessageKind::kIntroRequest});
    out->push_back(doc.Make("mentions-resume", error ? Severity::kError : Severity::kWarning, b, e,
                            "Offers or attaches your resume; unasked, it makes the note read like a job "
                            "application.",
                            "Leave it out; bring a copy to the meeting and hand it over only if they ask."));
  }
}

// ---- opens-with-transition ------------------------------------------------------

void CheckTransition(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (!IsKind(ctx, {MessageKind::kRequest, MessageKind::kIntroRequest, MessageKind::kFollowUp})) return;
  static const PhraseSet kSet{
      {"am|be|been|being|currently|now|i in ?a|an ?career transition"},
      {"between jobs|roles|positions|gigs"},
      {"laid off"},
      {"was|were|been|got|get|being let go"},
      {"lost my job|position|role"},
      {"out of work"},
      {"unemployed"},
      {"job hunting|searching|seeking|search|hunt"},
      {"looking|searching|hunting for ?a ?new ?full-time job|jobs|work|employment"},
      {"looking|searching|hunting for ?a ?new position|role"},
      {"looking|searching|hunting for ~3 job|jobs|work|employment|role|position|opportunity|gig"},
      {"on|entering|back|rejoining the job market"},
      {"seeking ?new employment|work"},
      {"seeking a|new job|position"},
      {"need ?a ?new job|work|employment"},
      {"position|role|job|team|department ~4 was|got|were|has|had|is ?been eliminated|cut|abolished|outsourced"},
      // "My position at Eastbank's small-business lending desk was
      // eliminated": the sender's own post, however long its name.
      {"my|our position|role|job|post|team|department|unit|desk ~9 was|got|were|has|had|is ?been eliminated|cut|abolished|outsourced|axed"},
      {"downsized|furloughed|redundant"},
      // The job hunt by its numbers: "I've applied to over two hundred airline jobs".
      {"applied|applying|sent|submitted ~1 to|for|out ~5 jobs|positions|roles|openings|vacancies|applications"},
  };
  // "Leads with": the first three sentences of the body.
  const int from = doc.body_begin();
  const int to = std::min(doc.body_end(), from + 3);
  // "looking for people who work in...": the search is for people, not work.
  const auto matches = kSet.FindPerSentence(doc, from, to, [&](const Match& m) {
    for (int t = m.first; t < m.end; ++t) {
      const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
      if (n == "who" || n == "that" || n == "which" || n == "people" || n == "someone" || n == "anyone" ||
          n == "advice" || n == "insight" || n == "insights") {
        return true;
      }
    }
    return false;
  });
  if (matches.empty()) return;
  const Match& m = matches.front();
  const size_t b = MatchBegin(doc, m), e = MatchEnd(doc, m);
  out->push_back(doc.Make("opens-with-transition", Severity::kWarning, b, e,
                          "Opens with your job situation (" + Quote(doc, b, e) +
                              "); lead with who you are and what you want to learn.",
                          "Start with something like \"I'm a financial analyst exploring product "
                          "marketing\"; your situation can come up in conversation."));
}

// ---- tone -----------------------------------------------------------------------

namespace {

bool IsShouty(const Doc& doc, int w, const LintContext& ctx) {
  const Word& word = doc.words()[static_cast<size_t>(w)];
  if (!word.all_upper || !word.ascii || word.has_digit || word.end - word.begin < 2) return false;
  return !IsKnownWord(ctx, doc.WordText(w));
}

bool IsEmphasisWord(std::string_view norm) {
  static constexpr std::string_view kWords[] = {"please", "urgent", "need", "now", "immediately", "really",
                                                "must", "help", "desperate", "reply", "respond", "today",
                                                "anything", "beg", "asap"};
  return std::find(std::begin(kWords), std::end(kWords), norm) != std::end(kWords);
}

bool IsPleading(std::string_view norm) {
  return norm == "please" || norm == "help" || norm == "need" || norm == "desperate" || norm == "beg" ||
         norm == "anything";
}

void CheckShouting(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  const auto& words = doc.words();
  const int count = static_cast<int>(words.size());
  for (int w = 0; w < count;) {
    if (!IsShouty(doc, w, ctx)) {
      ++w;
      continue;
    }
    int e = w;
    size_t letters = 0;
    bool emphasis = false, pleading = false;
    while (e < count && words[static_cast<size_t>(e)].sentence == words[static_cast<size_t>(w)].sentence &&
           (IsShouty(doc, e, ctx) || doc.WordText(e) == "I" || doc.WordText(e) == "A")) {
      letters += words[static_cast<size_t>(e)].end - words[static_cast<size_t>(e)].begin;
      std::string norm = LowerAscii(doc.WordText(e));
      emphasis = emphasis || IsEmphasisWord(norm);
      pleading = pleading || IsPleading(norm);
      ++e;
    }
    const bool run = e - w >= 3 && letters >= 10;
    if (run || emphasis) {
      pleading = false;  // shouting is pressure, whatever the words
      const size_t b = words[static_cast<size_t>(w)].begin, end = words[static_cast<size_t>(e - 1)].end;
      out->push_back(doc.Make(pleading ? "tone-desperate" : "tone-demanding", Severity::kWarning, b, end,
                              "Capitals read as shouting: " + Quote(doc, b, end) + ".",
                              "Write it in ordinary case; the words carry the meaning."));
    }
    w = e;
  }
}

void CheckPunctuationRuns(const Doc& doc, std::vector<Finding>* out) {
  const std::string_view text = doc.text();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '!' && text[i] != '?') continue;
    size_t e = i;
    int bangs = 0, questions = 0;
    while (e < text.size() && (text[e] == '!' || text[e] == '?')) {
      (text[e] == '!' ? bangs : questions)++;
      ++e;
    }
    if (e - i >= 2) {
      if (bangs >= 2) {
        out->push_back(doc.Make("tone-desperate", Severity::kWarning, i, e,
                                "A string of exclamation marks reads as over-eager.", "One \"!\" at most."));
      } else {
        out->push_back(doc.Make("tone-demanding", Severity::kWarning, i, e,
                                "Doubled punctuation reads as impatient.", "End with a single \"?\"."));
      }
    }
    i = e - 1;
  }
}

// The pattern matched, unless the writer is promising something themselves
// ("I'll send it as soon as possible").
bool SelfPromise(const Doc& doc, const Match& m) {
  const auto& tokens = doc.tokens();
  const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
  for (int t = m.first - 1; t >= 0 && t >= m.first - 8; --t) {
    if (tokens[static_cast<size_t>(t)].sentence != sentence) break;
    const std::string& n = tokens[static_cast<size_t>(t)].norm;
    if ((n == "will" || n == "can" || n == "would" || n == "shall") && t > 0 &&
        (tokens[static_cast<size_t>(t - 1)].norm == "i" || tokens[static_cast<size_t>(t - 1)].norm == "we")) {
      return true;
    }
  }
  return false;
}

// "Please ask him to meet with me": a plea, not an order.
bool Pleads(const Doc& doc, const Match& m) {
  const auto& tokens = doc.tokens();
  const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
  for (int t = m.first - 1; t >= 0 && t >= m.first - 3; --t) {
    if (tokens[static_cast<size_t>(t)].sentence != sentence) break;
    if (tokens[static_cast<size_t>(t)].norm == "please" || tokens[static_cast<size_t>(t)].norm == "kindly") return true;
  }
  return false;
}

// "We met back in 2019, before you moved", "I wrote back then", "two
// years ago, before the merger": a time phrase about the past, not a
// deadline. "back" presses only after a verb of replying ("get back to me
// by Friday", "write back before"); a year or "ago" inside or just after
// the match places it in the past.
bool IsTimePhrase(const Doc& doc, const Match& m) {
  const auto& tokens = doc.tokens();
  const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
  const auto at = [&](int t) -> std::string_view {
    if (t < 0 || t >= static_cast<int>(tokens.size()) || tokens[static_cast<size_t>(t)].sentence != sentence) return {};
    return tokens[static_cast<size_t>(t)].norm;
  };
  if (at(m.first) == "back") {
    static constexpr std::string_view kReplyVerbs[] = {"get", "write", "hear", "call", "come", "circle", "reply",
                                                       "respond", "ring", "email", "text", "message", "report",
                                                       "revert", "phone"};
    bool reply = false;
    for (int k = 1; k <= 3 && !reply; ++k) reply = In(kReplyVerbs, at(m.first - k));
    if (!reply) return true;
  }
  for (int t = m.first; t < m.end + 3; ++t) {
    const std::string_view n = at(t);
    if (n == "ago") return true;
    if (n.size() == 4 && (n.starts_with("19") || n.starts_with("20")) &&
        std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const std::string_view before = at(t - 1);
      if (before == "in" || before == "since" || before == "of" || before == "around" || before == "circa") return true;
    }
  }
  return false;
}

}  // namespace

void CheckTone(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  const int sentences = static_cast<int>(doc.sentences().size());
  static const PhraseSet kDesperate{
      {"desperate|desperately|desperation", false},
      {"beg|begging|beseech|implore|pleading|plead", false},
      {"please please", false},
      {"really|badly|urgently|truly|seriously|so need ~3 job|jobs|work|this|help|money|income|break", false},
      {"need this ?job|opportunity|badly|so"},
      {"only|last hope|chance|option|resort", false},
      {"end of my rope", false},
      {"wit 's end", false},
      {"running|run out of money|options|savings|time", false},
      {"can|cannot ~1 afford ~3 rent|bills|mortgage", false},
      {"anything at all", false},
      {"i will|would do anything|whatever", false},
      {"whatever it takes", false},
      {"any job|jobs|work"},
      {"work|intern|volunteer for less|free|nothing|peanuts"},
      {"any kind of work|job"},
      {"please help me", false},
      {"you are my only", false},
      {"no one|nobody will|is|wants ~2 respond|reply|help|answer|hire|hiring", false},
      {"so many|countless|hundreds of rejections|applications", false},
      {"been rejected", false},
      {"losing|lost hope", false},
      {"i am struggling", false},
      {"no one else to", false},
      {"nowhere|nobody else ~1 to turn|ask|go", false},
      {"nowhere to turn", false},
      {"anything ~2 would|will help", false},
  };
  static const PhraseSet kDemanding{
      {"asap", false},
      {"as soon as possible", false},
      {"urgent", false},
      {"respond|reply|back ~2 by|before|within|immediately|today|tonight|tomorrow|promptly|asap", false},
      {"let me know by|before|within|today|tomorrow|immediately|tonight", false},
      // A deadline put on a favour, not only on a reply: "please send them
      // by Monday", "forward it before Friday", "introduce us by the end of
      // the week".
      {"send|forward|share|email|pass|introduce|return|get|give|provide|sign|complete|connect ~8 by|before ~2 monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|end|eod|cob|noon|midday|close|week|weekend|month|january|february|march|april|may|june|july|august|september|october|november|december", false},
      {"i ?will ?be expect|expecting ~2 you|your|a|to|an", false},
      {"expect your|a reply|call|response|answer", false},
      {"you must|should ~1 respond|reply|call|meet|answer|help|contact|make|give|send|introduce|forward|agree|understand|realize|realise|see", false},
      {"you need|have to ~2 respond|reply|call|meet|answer|get|make|help|give|find|send|introduce|forward", false},
      {"i need|want you to", false},
      {"i insist|demand|deserve", false},
      {"you owe", false},
      {"or else", false},
      {"failure to", false},
      {"non-negotiable|nonnegotiable", false},
      {"surely|certainly you can", false},
      {"least you can|could do", false},
      {"stop|come|drop|show by|up ~2 your office|desk|work", false},
      {"call|calling|phone|phoning|email|emailing|write|writing|message|messaging ~4 until|every|daily", false},
      {"keep calling|emailing|writing|messaging", false},
      {"if i do not hear ~3 by|within|i|then", false},
      {"still have|has not heard|gotten|received|replied|responded", false},
      {"you have|has not|never ~2 replied|responded|answered|gotten|written", false},
      {"why have you not", false},
      {"why have not you", false},
      {"this is my|the third|fourth|fifth|last|final ~1 email|message|attempt|time|request|try|note", false},
      {"surprised|disappointed ~1 you|that ~2 not|never", false},
      {"make time for me", false},
      {"tell|ask|have him|her|them to ~2 call|email|contact|write|reply|get|meet", false, false, true},
  };
  for (const Match& m : kDesperate.FindPerSentence(doc, 0, sentences)) {
    const size_t b = MatchBegin(doc, m), e = MatchEnd(doc, m);
    out->push_back(doc.Make("tone-desperate", Severity::kWarning, b, e,
                            "Sounds desperate (" + Quote(doc, b, e) +
                                "); pleading puts the reader on the defensive.",
                            "Say calmly what you want to learn and thank them for considering it."));
  }
  const auto self_promise = [&](const Match& m) {
    const std::string& first = doc.tokens()[static_cast<size_t>(m.first)].norm;
    // "Could you let me know by Friday whether Tuesday still works?":
    // confirming a meeting already agreed is not pressing for a favour.
    if (first == "let" || first == "respond" || first == "reply" || first == "back") {
      const Sentence& s = doc.sentences()[static_cast<size_t>(doc.tokens()[static_cast<size_t>(m.first)].sentence)];
      for (int t = s.first_token; t < s.end_token; ++t) {
        const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
        if (n == "confirm" || n == "still" || n == "works" || n == "suits" || n == "rsvp" || n == "confirmation" ||
            n == "attending" || n == "booking" || n == "reservation" || n == "move" || n == "reschedule" ||
            n == "rather" || n == "change" || n == "cancel") {
          return true;
        }
      }
    }
    // "I'll send it by Friday", "we can get you the draft before Monday":
    // the sender's own promise of a date, not a demand on them.
    static constexpr std::string_view kFavours[] = {"send", "forward", "share", "email", "pass", "introduce", "return",
                                                    "get", "give", "provide", "sign", "complete", "connect"};
    if (In(kFavours, first)) {
      const auto& tokens = doc.tokens();
      const int sentence = tokens[static_cast<size_t>(m.first)].sentence;
      for (int t = m.first - 1; t >= 0 && t >= m.first - 6; --t) {
        const Token& tok = tokens[static_cast<size_t>(t)];
        if (tok.sentence != sentence) break;
        if (tok.norm == "i" || tok.norm == "we") return true;
        if (tok.norm == "you" || tok.norm == "please") break;
      }
      const Sentence& s = doc.sentences()[static_cast<size_t>(sentence)];
      for (int t = s.first_token; t < s.end_token; ++t) {
        const std::string& n = tokens[static_cast<size_t>(t)].norm;
        if (n == "confirm" || n == "still" || n == "works" || n == "suits" || n == "rsvp" || n == "confirmation" ||
            n == "move" || n == "reschedule" || n == "rather" || n == "change" || n == "cancel" || n == "no" ||
            n == "rush" || n == "hurry" || n == "pressure") {
          return true;
        }
      }
    }
    if ((first == "tell" || first == "ask" || first == "have") && Pleads(doc, m)) return true;
    if (IsTimePhrase(doc, m)) return true;
    return (first == "asap" || first == "as") && SelfPromise(doc, m);
  };
  for (const Match& m : kDemanding.FindPerSentence(doc, 0, sentences, self_promise)) {
    const size_t b = MatchBegin(doc, m), e = MatchEnd(doc, m);
    out->push_back(doc.Make("tone-demanding", Severity::kWarning, b, e,
                            "Sounds demanding (" + Quote(doc, b, e) + "); they owe you nothing, so ask, don't press.",
                            "Offer a choice and make it easy to say no, e.g. \"if you have time in the "
                            "next few weeks\"."));
  }
  CheckShouting(doc, ctx, out);
  CheckPunctuationRuns(doc, out);
}

}  // namespace rapport::lint_detail
