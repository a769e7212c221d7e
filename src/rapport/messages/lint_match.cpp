// Token patterns, stop words and a crude stemmer for the linter's rules.
#include <algorithm>
#include <iterator>
#include <cctype>
#include <cstdlib>

#include "rapport/messages/lint_internal.h"

namespace rapport::lint_detail {

Pattern::Pattern(std::string_view spec) {
  size_t i = 0;
  while (i < spec.size()) {
    while (i < spec.size() && spec[i] == ' ') ++i;
    size_t j = i;
    while (j < spec.size() && spec[j] != ' ') ++j;
    if (j == i) break;
    std::string_view item = spec.substr(i, j - i);
    Element el;
    if (item[0] == '~') {
      el.gap = std::atoi(std::string(item.substr(1)).c_str());
    } else {
      if (item[0] == '?') {
        el.optional = true;
        item.remove_prefix(1);
      }
      size_t k = 0;
      while (k <= item.size()) {
        size_t bar = item.find('|', k);
        if (bar == std::string_view::npos) bar = item.size();
        if (bar > k) el.alts.emplace_back(item.substr(k, bar - k));
        k = bar + 1;
      }
    }
    elements_.push_back(std::move(el));
    i = j;
  }
}

bool Pattern::Accepts(const Element& el, const std::string& norm) {
  for (const auto& alt : el.alts) {
    if (!alt.empty() && alt.back() == '*' && alt.size() > 1) {
      if (norm.size() >= alt.size() - 1 && norm.compare(0, alt.size() - 1, alt, 0, alt.size() - 1) == 0) return true;
    } else if (norm == alt) {
      return true;
    }
  }
  return false;
}

int Pattern::Match(const std::vector<Token>& tokens, size_t e, int t, int sentence) const {
  if (e == elements_.size()) return t;
  const Element& el = elements_[e];
  const int size = static_cast<int>(tokens.size());
  if (el.gap >= 0) {
    for (int k = 0; k <= el.gap; ++k) {
      const int u = t + k;
      if (k > 0 && (u - 1 >= size || tokens[static_cast<size_t>(u - 1)].sentence != sentence)) break;
      const int r = Match(tokens, e + 1, u, sentence);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (t < size && tokens[static_cast<size_t>(t)].sentence == sentence &&
      Accepts(el, tokens[static_cast<size_t>(t)].norm)) {
    const int r = Match(tokens, e + 1, t + 1, sentence);
    if (r >= 0) return r;
  }
  if (el.optional) return Match(tokens, e + 1, t, sentence);
  return -1;
}

int Pattern::MatchAt(const std::vector<Token>& tokens, int t) const {
  if (t < 0 || t >= static_cast<int>(tokens.size()) || elements_.empty()) return -1;
  const int r = Match(tokens, 0, t, tokens[static_cast<size_t>(t)].sentence);
  return r > t ? r : -1;
}

namespace {

bool IsNegated(const Doc& doc, int t) {
  const auto& tokens = doc.tokens();
  const int sentence = tokens[static_cast<size_t>(t)].sentence;
  for (int k = 1; k <= 4; ++k) {
    const int u = t - k;
    if (u < 0 || tokens[static_cast<size_t>(u)].sentence != sentence) break;
    const std::string& n = tokens[static_cast<size_t>(u)].norm;
    if (n == "but" || n == "although" || n == "though" || n == "however") break;
    if (n == "not" || n == "never" || n == "no" || n == "without" || n == "nor" || n == "neither") return true;
    // "your advice to stop applying for every role": what they advised against.
    if (n == "stop" || n == "stopped" || n == "quit" || n == "avoid" || n == "avoiding") return true;
  }
  return false;
}

}  // namespace

std::vector<Match> FindAll(const Doc& doc, const Pattern& pattern, bool negatable, int from, int to) {
  std::vector<Match> out;
  const auto& tokens = doc.tokens();
  if (to < 0 || to > static_cast<int>(tokens.size())) to = static_cast<int>(tokens.size());
  for (int t = std::max(from, 0); t < to;) {
    const int r = pattern.MatchAt(tokens, t);
    if (r > t && r <= to && !(negatable && IsNegated(doc, t))) {
      out.push_back(Match{t, r});
      t = r;
    } else {
      ++t;
    }
  }
  return out;
}

PhraseSet::PhraseSet(std::initializer_list<Phrase> phrases) : phrases_(phrases) {
  for (const auto& p : phrases_) patterns_.emplace_back(p.spec);
}

namespace {

bool IsAskContext(const Doc& doc, const Sentence& s) {
  if (s.question()) return true;
  for (int t = s.first_token; t < s.end_token; ++t) {
    const std::string& n = doc.tokens()[static_cast<size_t>(t)].norm;
    if (n == "if" || n == "whether" || n == "wondering" || n == "know" || n == "hear") return true;
    // "in case a position opens up": a condition like "if".
    if (n == "case" && t > s.first_token && doc.tokens()[static_cast<size_t>(t - 1)].norm == "in") return true;
  }
  return false;
}

}  // namespace

std::vector<Match> PhraseSet::FindPerSentence(const Doc& doc, int from, int to,
                                              const std::function<bool(const Match&)>& reject) const {
  std::vector<Match> out;
  const auto& sentences = doc.sentences();
  to = std::min(to, static_cast<int>(sentences.size()));
  for (int s = std::max(from, 0); s < to; ++s) {
    const Sentence& sentence = sentences[static_cast<size_t>(s)];
    std::optional<Match> best;
    for (size_t i = 0; i < patterns_.size(); ++i) {
      if (phrases_[i].ask_context && !IsAskContext(doc, sentence)) continue;
      if (phrases_[i].statement_only && sentence.question()) continue;
      for (const Match& m :
           FindAll(doc, patterns_[i], phrases_[i].negatable, sentence.first_token, sentence.end_token)) {
        if (reject && reject(m)) continue;
        if (!best || m.first < best->first) best = m;
        break;
      }
    }
    if (best) out.push_back(*best);
  }
  return out;
}

size_t TokenBegin(const Doc& doc, int token) {
  const auto& t = doc.tokens()[static_cast<size_t>(token)];
  return doc.words()[static_cast<size_t>(t.word)].begin;
}

size_t TokenEnd(const Doc& doc, int token) {
  const auto& t = doc.tokens()[static_cast<size_t>(token)];
  return doc.words()[static_cast<size_t>(t.word)].end;
}

bool IsKnownWord(const LintContext& ctx, std::string_view word) {
  const auto same = [&](std::string_view part) {
    return part.size() == word.size() && std::equal(part.begin(), part.end(), word.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  for (const auto& entry : ctx.known_words) {
    std::string_view rest = entry;
    while (!rest.empty()) {
      const size_t cut = rest.find_first_of(" -,\t");
      if (same(rest.substr(0, cut))) return true;
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + 1);
    }
  }
  return false;
}

bool NamesTheirWork(const Doc& doc, int s) {
  static const PhraseSet kSet{
      {"you|yourself ~1 curated|published|released|wrote|authored|coauthored|co-authored|edited|produced|directed|designed|built|organized|organised|hosted|led|launched|founded|created|recorded|filmed|photographed|shipped|developed|moderated|illustrated|composed|compiled|presented|gave|taught", false},
      {"your ~1 team|group|lab|company|firm|department|organization|organisation|agency|studio|office|unit|newsroom|museum|charity|school|center|centre ~2 curated|published|released|wrote|authored|edited|produced|designed|built|organized|organised|hosted|launched|created|recorded|ran|put", false},
      {"your ~2 series|exhibition|exhibitions|exhibit|show|documentary|film|films|album|catalogue|catalog|reporting|coverage|investigation|investigations|project|campaign|collection|photographs|photos|designs|app|game|findings|survey|op-ed|podcasts|articles|talks|posts|papers|books|essays|reports|studies|videos|installation|thesis|dissertation|speech", false},
      // A piece of theirs the sender read or used: "your reply on the ROS
      // forum thread", "your section on multi-year grants", "your chapter".
      {"your ~2 reply|replies|response|responses|answers|comments|section|chapter|chapters|remarks|contribution|contributions|review|reviews|tutorial|tutorials|guide|guides|walkthrough|writeups|slides|poster|threads|testimony|op-eds|columns|interviews|photo|photograph|map|maps|dataset|datasets|package|repo|repository", false},
      // Something of theirs the sender watched or heard given: "your
      // demonstration of leather consolidation", "your recital at the hall".
      {"your ~2 demonstration|demonstrations|demo|demos|recital|recitals|masterclass|masterclasses|performance|performances|screening|screenings|lecture|lectures|keynote|showcase", false},
      // A piece about them, named as a noun: "I read the health department's
      // profile of you in the Gazette", "the podcast's interview with you".
      {"read|reading|saw|seen|watched|heard|listened|enjoyed|found|noticed|spotted|came ~9 profile|profiles|interview|interviews|article|feature|piece|story|spotlight|portrait|writeup|segment|obituary|q&a of|with|about|on ~1 you|yourself", false},
      // A piece of theirs the sender bought or holds: "I bought one of your
      // celadon bowls", "we commissioned a table from you".
      {"bought|purchased|ordered|commissioned|collected|tasted|framed|drinking|drank|wearing|wore ~4 your|yours|you", false},
      // Their work credited to them by someone else: "the guide credited
      // your team with the banners", "the curator attributed the display to
      // you".
      {"credited|crediting ~1 you|your", false},
      {"attributed|attributes|attributing ~5 to you|your|yours", false},
  };
  // "I have attached my resume for your review", "I'd welcome your
  // comments": the sender's own document put before them, not a piece of
  // theirs ("your review of the Halden report" still is).
  const auto for_them = [&](const Match& m) {
    const auto& tokens = doc.tokens();
    const Sentence& sentence = doc.sentences()[static_cast<size_t>(s)];
    const std::string& noun = tokens[static_cast<size_t>(m.end - 1)].norm;
    if (noun != "review" && noun != "reviews" && noun != "comments") return false;
    if (m.end < sentence.end_token) return false;
    return m.first > sentence.first_token &&
           (tokens[static_cast<size_t>(m.first - 1)].norm == "for" || tokens[static_cast<size_t>(m.first - 1)].norm == "to" ||
            tokens[static_cast<size_t>(m.first - 1)].norm == "welcome" ||
            tokens[static_cast<size_t>(m.first - 1)].norm == "value" ||
            tokens[static_cast<size_t>(m.first - 1)].norm == "appreciate");
  };
  return !kSet.FindPerSentence(doc, s, s + 1, for_them).empty();
}

bool IsStopWord(std::string_view norm) {
  static constexpr std::string_view kStop[] = {
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
      "ever", "every", "few", "for", "from", "further", "get", "got", "had", "has", "have",
      "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
      "in", "into", "is", "it", "its", "itself", "just", "let", "like", "made", "make", "many",
      "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not",
      "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out",
      "over", "own", "really", "same", "she", "should", "so", "some", "still", "such", "than",
      "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things", "this",
      "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "well",
      "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
      "would", "you", "your", "yours", "yourself", "'s", "already", "yet", "way", "lot", "lots",
      "quite", "within", "without", "onto", "upon"};
  return std::find(std::begin(kStop), std::end(kStop), norm) != std::end(kStop);
}

bool IsKind(const LintContext& ctx, std::initializer_list<MessageKind> kinds) {
  return std::find(kinds.begin(), kinds.end(), ctx.kind) != kinds.end();
}

std::string Stem(std::string_view norm) {
  std::string s(norm);
  auto ends = [&](std::string_view suffix) {
    return s.size() > suffix.size() + 2 && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends("ies")) {
    s.resize(s.size() - 3);
    s += 'y';
  } else if (ends("ing")) {
    s.resize(s.size() - 3);
  } else if (ends("ed")) {
    s.resize(s.size() - 2);
  } else if (ends("es") && s.size() > 5) {
    s.resize(s.size() - 2);
  } else if (ends("s") && !ends("ss")) {
    s.resize(s.size() - 1);
  } else if (ends("ly")) {
    s.resize(s.size() - 2);
  }
  if (ends("e")) s.pop_back();
  return s;
}

}  // namespace rapport::lint_detail
