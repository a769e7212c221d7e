// spelling (through the Speller) and repeated-word.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>
#include <vector>

#include "rapport/messages/lint_internal.h"

namespace rapport::lint_detail {
namespace {

// Words of working life that the stock en_US dictionary lacks.
bool IsWorkplaceWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "linkedin", "github", "gitlab", "fintech", "edtech", "healthtech", "biotech", "cleantech", "proptech",
      "onboarding", "offboarding", "skillset", "skillsets", "chatbot", "chatbots", "cybersecurity",
      "bootcamp", "bootcamps", "mentee", "mentees", "upskilling", "reskilling", "upskill", "reskill",
      "hackathon", "hackathons", "youtube", "frontend", "backend", "fullstack", "devops", "dataset",
      "datasets", "microcredential", "microcredentials", "coworking", "preprint", "preprints", "roadmap",
      "roadmaps", "toolkit", "ecommerce", "nonprofit", "nonprofits", "postdoc", "postdocs", "substack",
      "wireframe", "wireframes", "wireframing", "usability", "resume", "resumes", "cv", "cvs", "webinar",
      "webinars", "podcast", "podcasts", "meetup", "meetups", "email", "emails", "emailed", "emailing",
      "internship", "internships", "teammate", "teammates", "coworker", "coworkers", "alumni", "alumna",
      "alumnae", "alumnus", "alum", "startup", "startups", "fieldwork", "capstone", "healthcare",
      "stakeholder", "stakeholders", "workflow", "workflows", "analytics", "infographic", "infographics",
      "storyboard", "storyboards", "whiteboard", "whiteboarding", "freelancing", "upcycling", "biostatistics",
      "bioinformatics", "geospatial", "ux", "ui", "ok", "okay", "zoom", "slack", "figma", "tableau", "python",
      "nonclinical", "nonacademic", "onsite", "offsite", "hybrid", "mentorship", "mentorships", "roundtable",
      "livestream", "timeline", "timelines", "handoff", "handoffs", "cc", "cc'd", "cc'ing", "bcc", "bcc'd",
      // Clipped industry words: the short form is the name of the field.
      "pharma", "pharmas", "biopharma", "medtech", "agtech", "insurtech", "regtech", "govtech", "martech",
      "adtech", "legaltech", "foodtech", "deeptech", "climatetech", "nutra", "telco", "telcos"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Curly apostrophes to straight ones: Hunspell's en_US knows "I'm", not "I’m".
std::string Straighten(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i).starts_with("\u2019")) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

class Checker {
 public:
  Checker(const LintContext& ctx) : ctx_(ctx) {
    for (const auto& phrase : ctx.known_words) {
      // Multi-word entries ("Grace Hopper", "Jean-Luc") count word by word.
      std::string word;
      for (char c : phrase + " ") {
        if (c == ' ' || c == '-' || c == '\t' || c == ',') {
          if (!word.empty()) known_.insert(AsciiLower(Straighten(word)));
          word.clear();
        } else {
          word.push_back(c);
        }
      }
    }
  }

  bool Known(std::string_view word) const {
    std::string lower = AsciiLower(Straighten(word));
    if (known_.count(lower) || IsWorkplaceWord(lower)) return true;
    for (std::string_view suffix : {"'s", "'"}) {
      if (lower.size() > suffix.size() + 1 && lower.ends_with(suffix)) {
        std::string base = lower.substr(0, lower.size() - suffix.size());
        if (known_.count(base) || IsWorkplaceWord(base)) return true;
      }
    }
    return false;
  }

  bool Correct(std::string_view word) const {
    std::string w = Straighten(word);
    if (ctx_.speller->Correct(w)) return true;
    if (w.ends_with("'s") && w.size() > 3 && ctx_.speller->Correct(w.substr(0, w.size() - 2))) return true;
    if (w.ends_with("s'") && w.size() > 3 && ctx_.speller->Correct(w.substr(0, w.size() - 1))) return true;
    return BritishSpelling(w) || PrefixedWord(w) || SuffixedWord(w) || LowercaseOfCapitalised(w) ||
           ParticleCompound(w);
  }

 private:
  // The en_US dictionary rejects British spellings ("realise", "colour",
  // "cataloguing", "travelling"); a writer using them has not made a typo.
  bool BritishSpelling(const std::string& w) const {
    if (w.size() < 5) return false;
    static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
        {"defence", "defense"}, {"offence", "offense"}, {"licence", "license"}, {"pretence", "pretense"},
        {"practise", "practice"}, {"practised", "practiced"}, {"practising", "practicing"},
        {"programme", "program"}, {"programmes", "programs"}};
    for (const auto& [uk, us] : kWords) {
      if (w == uk) return ctx_.speller->Correct(std::string(us));
    }
    static constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
        {"isation", "ization"}, {"isations", "izations"}, {"ising", "izing"}, {"ised", "ized"},
        {"ise", "ize"}, {"ises", "izes"}, {"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"},
        {"tre", "ter"}, {"tres", "ters"}, {"ogue", "og"}, {"ogues", "ogs"}, {"oguing", "oging"},
        {"ogued", "oged"}, {"lling", "ling"}, {"lled", "led"}, {"ller", "ler"}, {"llers", "lers"}};
    for (const auto& [uk, us] : kSuffixes) {
      if (w.size() > uk.size() + 2 && w.ends_with(uk)) {
        if (ctx_.speller->Correct(w.substr(0, w.size() - uk.size()) + std::string(us))) return true;
      }
    }
    // "colour", "behaviours", "favourite", "neighbourhood": -our- before a suffix.
    static constexpr std::string_view kAfterOur[] = {"", "s", "ed", "ing", "ite", "ites", "able", "ably", "al",
                                                     "er", "ers", "ful", "hood", "hoods", "ist", "less", "y"};
    const size_t our = w.rfind("our");
    if (our != std::string::npos && our >= 3) {
      const std::string_view rest = std::string_view(w).substr(our + 3);
      if (std::find(std::begin(kAfterOur), std::end(kAfterOur), rest) != std::end(kAfterOur) &&
          ctx_.speller->Correct(w.substr(0, our) + "or" + std::string(rest))) {
        return true;
      }
    }
    return false;
  }

  // "foley", "diesel", "jacuzzi": an ordinary word the dictionary holds only
  // capitalised, after the name it came from; the letters are right.
  bool LowercaseOfCapitalised(const std::string& w) const {
    if (w.size() < 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    std::string cap = w;
    cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
    return ctx_.speller->Correct(cap);
  }

  // A base the dictionary knows, as written or in its British form.
  bool KnownBase(const std::string& base) const {
    return ctx_.speller->Correct(base) || BritishSpelling(base) || IsWorkplaceWord(AsciiLower(base));
  }

  // "rebrand", "nonclinical", "telehealth", "decarbonisation": a common
  // prefix on a real word of five letters or more ("untill" stays a typo,
  // and so does a prefix on a misspelled word, "telehelth").
  bool PrefixedWord(const std::string& w) const {
    static constexpr std::string_view kPrefixes[] = {
        "re",    "un",    "pre",   "co",    "non",   "multi", "sub",   "over",  "under", "mis",   "cross",
        "inter", "micro", "macro", "post",  "anti",  "self",  "semi",  "tele",  "de",    "bio",   "agri",
        "agro",  "ag",    "cyber", "e",     "eco",   "nano",  "geo",   "neuro", "crypto", "hyper", "auto",
        "aqua",  "petro", "photo", "hydro", "electro", "thermo", "mega",  "omni",  "trans"};
    const std::string lower = AsciiLower(w);
    for (auto p : kPrefixes) {
      // A one-letter prefix ("e-") needs a longer word after it.
      const size_t min_rest = p.size() == 1 ? 6 : 5;
      if (w.size() >= p.size() + min_rest && std::string_view(lower).substr(0, p.size()) == p &&
          KnownBase(w.substr(p.size()))) {
        return true;
      }
      // "subsea", "postwar", "nonfat": a prefix of three letters or more on
      // a short content word. Not on a word that is also a common ending
      // ("postion" is "position" with a letter lost, not "post" + "ion").
      if (p.size() >= 3 && w.size() >= p.size() + 3 && w.size() < p.size() + min_rest &&
          std::string_view(lower).substr(0, p.size()) == p) {
        const std::string rest = lower.substr(p.size());
        static constexpr std::string_view kEndings[] = {
            "ion", "ions", "ate", "ates", "ant", "ants", "ent", "ents", "age", "ages", "ure", "ive", "ous",
            "ism", "ist", "ity", "ment", "able", "ible", "ence", "ance", "ship", "less", "ful", "ward", "wise",
            "ing", "ize", "ise", "ery", "ory", "ary", "ine", "ile", "ial", "ian", "ish", "ness", "ally", "ably",
            "ed", "est", "ess", "ell", "all", "ill", "tion", "sion", "ial", "our", "ore", "ere", "are", "ire"};
        if (!IsStopWord(rest) && std::find(std::begin(kEndings), std::end(kEndings), rest) == std::end(kEndings) &&
            ctx_.speller->Correct(rest)) {
          return true;
        }
      }
    }
    return false;
  }

  // "renewables", "cryptologic", "agtech", "climatetech": a real word with
  // a plural, an -ic/-ical adjective of an -ology, or "-tech" for the
  // industry; the base must be a real word, so "renewabels" stays a typo.
  bool SuffixedWord(const std::string& w) const {
    if (w.size() < 6) return false;
    const std::string lower = AsciiLower(w);
    const std::string_view lw = lower;
    if (lw.ends_with("es") && ctx_.speller->Correct(w.substr(0, w.size() - 2))) return true;
    if (lw.ends_with("s") && !lw.ends_with("ss") && KnownBase(w.substr(0, w.size() - 1))) return true;
    for (std::string_view suffix : {"logic", "logical", "logically"}) {
      if (lw.size() > suffix.size() + 3 && lw.ends_with(suffix) &&
          KnownBase(w.substr(0, w.size() - suffix.size()) + "logy")) {
        return true;
      }
    }
    // "funders", "podcasters": an agent noun, a real verb or noun of four
    // letters or more with -er or -ers ("funder" from "fund", "grader" from
    // "grade"); "reciever", "writter" and "surveyer" (for "surveyor") stay
    // typos.
    if (AgentNoun(lower)) return true;
    if (lw.ends_with("tech") || lw.ends_with("techs")) {
      const std::string stem = lower.substr(0, lower.size() - (lw.ends_with("s") ? 5 : 4));
      if (stem.size() >= 2 && (KnownBase(stem) || PrefixedWord(stem + "tech") || IsIndustryStem(stem))) return true;
    }
    return false;
  }

  bool AgentNoun(const std::string& lower) const {
    std::string w = lower;
    if (w.size() > 6 && w.ends_with("ers")) w.pop_back();
    if (w.size() < 6 || !w.ends_with("er")) return false;
    const std::string stem = w.substr(0, w.size() - 2);
    if (IsStopWord(stem)) return false;
    // "surveyer", "curater": the -or noun misspelled, not an agent noun.
    if (ctx_.speller->Correct(stem + "or")) return false;
    // "funder" (fund + er), "grader" (grade + r). A doubled consonant is
    // not undone: "writter" stays a typo.
    if (stem.size() >= 4 && ctx_.speller->Correct(stem)) return true;
    if (stem.size() >= 4 && ctx_.speller->Correct(stem + "e")) return true;
    // "patroller", "kidnappers": the consonant doubled as the verb doubles
    // it, which the dictionary shows in the verb's own -ed or -ing form
    // ("patrolled"). "writter" stays a typo: "writ" is a word, but
    // "writted" and "writting" are not.
    const size_t n = stem.size();
    if (n >= 5 && stem[n - 1] == stem[n - 2] && std::string_view("aeiouy").find(stem[n - 1]) == std::string_view::npos) {
      const std::string undone = stem.substr(0, n - 1);
      return ctx_.speller->Correct(undone) &&
             (ctx_.speller->Correct(stem + "ed") || ctx_.speller->Correct(stem + "ing"));
    }
    return false;
  }

 public:
  // "pre-vet", "co-founder", "non-clinical", "re-apply": a common prefix
  // written with a hyphen before a word.
  static bool IsHyphenPrefix(std::string_view lower) {
    static constexpr std::string_view kPrefixes[] = {
        "re",    "un",    "pre",   "co",    "non",   "multi", "sub",   "over",  "under", "mis",   "cross",
        "inter", "micro", "macro", "post",  "anti",  "self",  "semi",  "tele",  "de",    "bio",   "agri",
        "agro",  "cyber", "e",     "eco",   "nano",  "geo",   "neuro", "hyper", "auto",  "mid",   "ex",
        "extra", "ultra", "mega",  "trans", "pro",   "quasi", "pseudo", "intra", "infra", "mini"};
    return std::find(std::begin(kPrefixes), std::end(kPrefixes), lower) != std::end(kPrefixes);
  }

 private:
  // "rollout", "kickoff", "handover", "writeup", "walkthrough": a verb of
  // three letters or more written solid with its particle, the noun the
  // dictionary often lacks. The verb must be a real content word, so
  // "thankyou", "upto" and "aswell" stay typos, and so does a misspelled
  // verb ("rollot" has no particle, "rolout" no real verb).
  bool ParticleCompound(const std::string& w) const {
    static constexpr std::string_view kParticles[] = {"out", "up", "off", "over", "down", "back", "in",
                                                      "on", "away", "through", "around", "about"};
    const std::string lower = AsciiLower(w);
    const std::string_view lw = lower;
    for (auto p : kParticles) {
      if (lw.size() < p.size() + 3 || !lw.ends_with(p)) continue;
      const std::string verb = lower.substr(0, lower.size() - p.size());
      // "walkin", "signon" need a longer verb than "setup": "comin" and
      // "seein" are dropped letters, not compounds.
      const size_t min_verb = (p == "in" || p == "on") ? 4 : 3;
      // "loggedin", "workedout": a past tense or participle before the
      // particle is a missing space, not a noun.
      if (IsStopWord(verb) || verb.size() < min_verb || verb.ends_with("ed") || verb.ends_with("ing")) continue;
      if (ctx_.speller->Correct(verb)) return true;
    }
    // "rollouts", "kickoffs": the plural of one.
    if (lw.size() > 6 && lw.ends_with("s") && !lw.ends_with("ss")) return ParticleCompound(lower.substr(0, lower.size() - 1));
    return false;
  }

  // The first halves of industry names that are not words on their own.
  static bool IsIndustryStem(std::string_view stem) {
    static constexpr std::string_view kStems[] = {"ag", "agri", "fin", "ed", "med", "bio", "insur", "reg", "gov",
                                                  "mar", "ad", "prop", "clean", "deep", "health", "legal"};
    return std::find(std::begin(kStems), std::end(kStems), stem) != std::end(kStems);
  }

 public:

 private:
  const LintContext& ctx_;
  std::set<std::string, std::less<>> known_;
};

// "stormwater" for "storm water": two real words of four letters or more
// written solid is a compound the dictionary lacks, not a typo ("alot",
// "thankyou" and "infact" still are).
bool IsClosedCompound(std::string_view word, std::string_view suggestion) {
  if (suggestion.size() != word.size() + 1) return false;
  const size_t cut = suggestion.find_first_of(" -");
  if (cut == std::string_view::npos) return false;
  // "wayfinding" (3 + 7) and "barcode" (3 + 4, two content words) are
  // compounds; "alot" (1 + 3), "thankyou" (5 + 3), "infact" (2 + 4) and
  // "forsure" (a function word first) are typos.
  const size_t first = cut, second = suggestion.size() - cut - 1;
  const bool content = !IsStopWord(LowerAscii(suggestion.substr(0, cut))) &&
                       !IsStopWord(LowerAscii(suggestion.substr(cut + 1)));
  if (!((first >= 4 && second >= 4) || (first >= 3 && second >= 6) || (first >= 3 && second >= 4 && content))) {
    return false;
  }
  std::string joined(suggestion.substr(0, cut));
  joined += suggestion.substr(cut + 1);
  return joined == word;
}

// Edit distance with adjacent transpositions, ignoring ASCII case, capped:
// returns `cap` once the distance reaches it.
size_t Distance(std::string_view a, std::string_view b, size_t cap) {
  const std::string x = AsciiLower(a), y = AsciiLower(b);
  if (x.size() > y.size() + cap || y.size() > x.size() + cap) return cap;
  std::vector<std::vector<size_t>> d(x.size() + 1, std::vector<size_t>(y.size() + 1));
  for (size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return std::min(d[x.size()][y.size()], cap);
}

bool FarFromAll(std::string_view word, const std::vector<std::string>& suggestions) {
  return std::all_of(suggestions.begin(), suggestions.end(),
                     [&](const std::string& s) { return Distance(word, s, 3) >= 3; });
}

bool CapitalisedElsewhere(const Doc& doc, size_t w) {
  const std::string_view text = doc.WordText(static_cast<int>(w));
  const auto& words = doc.words();
  for (size_t k = 0; k < words.size(); ++k) {
    if (k != w && !words[k].sentence_initial && words[k].initial_upper && doc.WordText(static_cast<int>(k)) == text) {
      return true;
    }
  }
  return false;
}

// "résumé", "café", "naïve", "rôle", "œuvre": the word with its borrowed
// accents written plain (Latin-1 letters, æ and œ), keeping the case of
// each letter; empty when the word has no accent or holds a letter
// outside Latin-1 (a name in another script is left to the name checks).
std::string WithoutAccents(std::string_view text) {
  static const char kMap[] = "aaaaaaaceeeeiiiidnooooo/ouuuuypsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
  std::string out;
  bool folded = false;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const size_t n = DecodeUtf8(text, i, &cp);
    i += n;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    folded = true;
    const bool upper = (cp >= 0xC0 && cp <= 0xDE) || cp == 0x152;
    std::string plain;
    if (cp == 0xC6 || cp == 0xE6) {
      plain = "ae";
    } else if (cp == 0x152 || cp == 0x153) {
      plain = "oe";
    } else if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7 && cp != 0xDF) {
      plain.push_back(kMap[cp - 0xC0]);
    } else {
      return {};
    }
    if (upper) plain[0] = static_cast<char>(plain[0] - 'a' + 'A');
    out += plain;
  }
  return folded ? out : std::string();
}

}  // namespace

void CheckSpelling(const Doc& doc, const LintContext& ctx, std::vector<Finding>* out) {
  if (ctx.speller == nullptr) return;
  const Checker checker(ctx);
  const auto& words = doc.words();
  int suggested = 0;
  for (size_t w = 0; w < words.size(); ++w) {
    // A hyphenated compound the dictionary knows as a whole ("third-year") is fine.
    size_t group_end = w + 1;
    while (group_end < words.size() && words[group_end].after_hyphen) ++group_end;
    if (group_end - w > 1) {
      std::string_view whole = doc.text().substr(words[w].begin, words[group_end - 1].end - words[w].begin);
      if (whole.size() <= 60 && (checker.Known(whole) || checker.Correct(whole))) {
        w = group_end - 1;
        continue;
      }
      // "post-mortems", "co-operate": the word the dictionary knows solid,
      // written with a hyphen ("re-aply" is still checked, "reaply" being
      // no word either).
      std::string solid;
      for (char c : whole) {
        if (c != '-') solid.push_back(c);
      }
      if (whole.size() <= 60 && solid.size() + (group_end - w - 1) == whole.size() && checker.Correct(solid)) {
        w = group_end - 1;
        continue;
      }
    }
    const Word& word = words[w];
    const std::string_view text = doc.WordText(static_cast<int>(w));
    if (text.size() < 2 || text.size() > 60 || word.has_digit || word.all_upper) continue;
    if (word.after_hyphen && text.size() <= 2) continue;  // "co-", "e-mail", "re-"
    if (w + 1 < words.size() && words[w + 1].after_hyphen && text.size() <= 2) continue;
    // "pre-vet", "non-profit", "semi-retired": a prefix before a hyphen.
    if (w + 1 < words.size() && words[w + 1].after_hyphen && Checker::IsHyphenPrefix(AsciiLower(text))) continue;
    // Capitalised mid-sentence, or in the greeting or sign-off: a name.
    if (word.initial_upper && (!word.sentence_initial || doc.InGreeting(word.sentence) || doc.InSignoff(word.sentence))) {
      continue;
    }
    // "HubSpot", "McKinsey": a capital inside the word is a brand or a name.
    if (word.initial_upper && word.ascii &&
        std::any_of(text.begin() + 1, text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      continue;
    }
    // A capitalised word opening a sentence that the message also writes
    // capitalised mid-sentence is a name there too ("Deloitte's ... at Deloitte").
    if (word.initial_upper && CapitalisedElsewhere(doc, w)) continue;
    if (checker.Known(text) || checker.Correct(text)) continue;
    // The accented spelling of an English word whose plain form is known
    // ("résumé", "café", "naïve", "façade"); an accented typo ("résumee")
    // is still flagged, its plain form being no word either.
    if (!word.ascii) {
      const std::string plain = WithoutAccents(text);
      if (!plain.empty() && (checker.Known(plain) || checker.Correct(plain))) continue;
    }
    Finding f = doc.Make("spelling", Severity::kWarning, word.begin, word.end,
                         "\"" + std::string(text) + "\" may be misspelled.");
    // Suggestions are slow in Hunspell; a message full of noise gets them for the first few words.
    if (suggested < 10 && text.size() <= 30) {
      ++suggested;
      auto suggestions = ctx.speller->Suggest(Straighten(text));
      if (!suggestions.empty() && IsClosedCompound(text, suggestions.front())) continue;
      // A capitalised word opening a sentence that is nowhere near any
      // dictionary word is a name the records don't hold yet ("Medtronic
      // hired me"), not a typo, which lies an edit or two from its word.
      if (word.initial_upper && FarFromAll(text, suggestions)) continue;
      if (!suggestions.empty()) {
        f.suggestion = suggestions.front();
        std::string list;
        for (size_t i = 0; i < suggestions.size() && i < 3; ++i) list += (i ? ", " : "") + suggestions[i];
        f.message = "\"" + std::string(text) + "\" may be misspelled; did you mean " + list + "?";
      }
    }
    out->push_back(std::move(f));
  }
}

void CheckRepeatedWords(const Doc& doc, const LintContext&, std::vector<Finding>* out) {
  const auto& words = doc.words();
  for (size_t w = 1; w < words.size(); ++w) {
    const Word& prev = words[w - 1];
    const Word& word = words[w];
    if (prev.sentence != word.sentence || prev.has_digit || word.has_digit) continue;
    std::string_view between = doc.text().substr(prev.end, word.begin - prev.end);
    if (between.empty() || !std::all_of(between.begin(), between.end(), [](char c) {
          return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        })) {
      continue;
    }
    const std::string a = AsciiLower(doc.WordText(static_cast<int>(w - 1)));
    const std::string b = AsciiLower(doc.WordText(static_cast<int>(w)));
    if (a != b) continue;
    static constexpr std::string_view kAllowed[] = {"had", "that", "bye", "no", "ha", "hey", "so", "very", "now",
                                                    "knock", "yes", "bora", "well", "please"};
    if (std::find(std::begin(kAllowed), std::end(kAllowed), a) != std::end(kAllowed)) continue;
    out->push_back(doc.Make("repeated-word", Severity::kWarning, prev.begin, word.end,
                            "\"" + std::string(doc.WordText(static_cast<int>(w))) + "\" is written twice.",
                            std::string(doc.WordText(static_cast<int>(w - 1)))));
  }
}

}  // namespace rapport::lint_detail
