// The message as the linter reads it: UTF-8 decoding, URL and email
// skipping, words, sentences (with line-wrapped paragraphs joined), the
// greeting and sign-off, tokens for the patterns, and spans.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <iterator>

#include "rapport/messages/lint_internal.h"

namespace rapport::lint_detail {
namespace {

bool IsAsciiAlnum(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsApostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }

// Letters and digits for word splitting. Outside ASCII, everything that is
// not a known block of punctuation, symbols, spaces or emoji counts as a
// letter, which keeps accented names and non-Latin scripts whole.
bool IsWordChar(uint32_t c) {
  if (c < 0x80) return IsAsciiAlnum(c);
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xD800 && c <= 0xF8FF) return false;  // surrogates, private use
  if (c >= 0xFE00 && c <= 0xFE0F) return false;
  if (c >= 0xFE30 && c <= 0xFE6F) return false;
  if (c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF)) return false;
  if (c >= 0x1F000 && c <= 0x1FFFF) return false;  // emoji
  if (c >= 0xE0000) return false;                  // tags, private use
  return true;
}

bool IsUpperCp(uint32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool IsLowerCp(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }

// Latin-1 letters folded to ASCII for matching ("résumé" is "resume").
char FoldLatin1(uint32_t c) {
  static const char kMap[] = "aaaaaaaceeeeiiiidnooooo/ouuuuypsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
  if (c >= 0xC0 && c <= 0xFF) return kMap[c - 0xC0];
  return 0;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool LooksLikeUrlOrEmail(std::string_view chunk) {
  if (chunk.size() < 3) return false;
  if (chunk.find("://") != std::string_view::npos) return true;
  if (StartsWithIgnoreCase(chunk, "www.")) return true;
  if (chunk.find('@') != std::string_view::npos) return true;
  // host.tld or host.tld/path
  size_t slash = chunk.find('/');
  std::string_view host = chunk.substr(0, slash);
  size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= host.size()) return false;
  for (char c : host) {
    if (!(IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  }
  if (host.find("..") != std::string_view::npos) return false;
  if (slash != std::string_view::npos) return true;
  std::string_view tld = host.substr(dot + 1);
  static constexpr std::array<std::string_view, 16> kTlds = {
      "com", "org", "net", "edu", "gov", "io", "co", "uk", "de", "ai",
      "dev", "me", "us", "ca", "info", "app"};
  for (auto t : kTlds) {
    if (EqualsIgnoreCase(tld, t)) return true;
  }
  return false;
}

bool IsGreetingWord(std::string_view n) {
  static constexpr std::array<std::string_view, 10> kWords = {
      "hi", "hello", "dear", "hey", "greetings", "good", "to", "hiya", "howdy", "morning"};
  return std::find(kWords.begin(), kWords.end(), n) != kWords.end();
}

bool IsValediction(std::string_view n) {
  static constexpr std::string_view kWords[] = {
      "thanks", "thank",   "best",      "regards", "kind",       "warm",      "warmly",       "warmest",
      "sincerely", "cheers", "all",     "many",    "with",       "yours",     "respectfully", "cordially",
      "gratefully", "take", "talk",     "thx",     "gratitude",  "appreciatively",
      // Other languages' sign-offs, common among international students.
      "merci", "danke", "gracias", "grazie", "obrigado", "obrigada", "saludos", "cordialement", "groetjes",
      "tack", "dziekuje", "arigato"};
  return std::find(std::begin(kWords), std::end(kWords), n) != std::end(kWords);
}

bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 13> kAbbrev = {
      "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "approx", "dept"};
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z' && word[0] != 'I') return true;  // an initial
  for (auto a : kAbbrev) {
    if (EqualsIgnoreCase(word, a)) return true;
  }
  return false;
}

}  // namespace

size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t n = 0;
  uint32_t c = 0, min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, c = b0 & 0x1Fu, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, c = b0 & 0x0Fu, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, c = b0 & 0x07u, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (i + n > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    c = (c << 6) | (b & 0x3Fu);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return n;
}

Doc::Doc(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
  // Code points before each byte, so columns cost nothing per finding.
  cp_before_.assign(text_.size() + 1, 0);
  uint32_t count = 0;
  for (size_t i = 0; i < text_.size();) {
    uint32_t c = 0;
    size_t len = DecodeUtf8(text_, i, &c);
    for (size_t k = 0; k < len; ++k) cp_before_[i + k] = count;
    ++count;
    i += len;
  }
  cp_before_[text_.size()] = count;
  FindSkips();
  SplitWords();
  SplitSentences();
  Tokenize();
  FindGreetingAndSignoff();
}

std::string_view Doc::WordText(int w) const {
  const Word& word = words_[static_cast<size_t>(w)];
  return text_.substr(word.begin, word.end - word.begin);
}

std::string_view Doc::SentenceText(int s) const {
  const Sentence& sentence = sentences_[static_cast<size_t>(s)];
  return text_.substr(sentence.begin, sentence.end - sentence.begin);
}

namespace {

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// The closing `close` within `limit` bytes, or npos; any byte of `stop`
// before it gives up.
size_t FindClose(std::string_view text, size_t from, std::string_view close, size_t limit, std::string_view stop) {
  const size_t last = std::min(text.size(), from + limit);
  for (size_t i = from; i < last; ++i) {
    if (text.substr(i).starts_with(close)) return i;
    if (stop.find(text[i]) != std::string_view::npos) return std::string_view::npos;
  }
  return std::string_view::npos;
}

// "(fill in ...)", "(insert company)", "(your name)": an instruction to the
// writer in parentheses, not prose.
bool IsPromptInParentheses(std::string_view inner) {
  std::string lower = LowerAscii(inner);
  while (!lower.empty() && std::isspace(static_cast<unsigned char>(lower.front()))) lower.erase(0, 1);
  static constexpr std::string_view kPrompts[] = {
      "fill in",  "fill-in",  "fill this", "insert ",   "add a ",    "add an ",    "add your ", "add the ",
      "add one ", "add something", "your name", "their name", "name of ", "company name", "mention ",
      "describe ", "enter ",  "personalize", "personalise", "customize", "customise", "say something",
      "write a ", "write one", "write something", "include a ", "include one", "include your", "replace ",
      "specific detail", "something specific", "something about", "detail about", "tbd", "todo", "to do:",
      "placeholder"};
  for (auto p : kPrompts) {
    if (lower.starts_with(p)) return true;
  }
  // "(COMPANY)", "(NAME OF CONTACT)": a field in capitals.
  bool letters = false;
  for (char c : inner) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters = letters || std::isupper(static_cast<unsigned char>(c));
  }
  return letters && inner.size() >= 4;
}

}  // namespace

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::pair<size_t, size_t>> FindTemplateFields(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> fields;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '{') {
      const bool doubled = i + 1 < n && text[i + 1] == '{';
      const size_t from = i + (doubled ? 2 : 1);
      const size_t close = FindClose(text, from, doubled ? "}}" : "}", doubled ? 300 : 80, doubled ? "{" : "\n{");
      if (close != std::string_view::npos && close > from && HasLetter(text.substr(from, close - from))) {
        const size_t e = close + (doubled ? 2 : 1);
        fields.emplace_back(i, e);
        i = e - 1;
      } else if (doubled) {
        fields.emplace_back(i, i + 2);
        i += 1;
      }
    } else if (c == '[') {
      // A field may run over several lines ("[Two sentences about\nyour
      // background]"), never across a blank line or another '['.
      const size_t close = FindClose(text, i + 1, "]", 400, "[");
      if (close == std::string_view::npos) continue;
      const std::string_view raw = text.substr(i + 1, close - i - 1);
      if (raw.find("\n\n") != std::string_view::npos || raw.find("\n\r\n") != std::string_view::npos) continue;
      std::string inner = LowerAscii(raw);
      const bool link = close + 1 < n && text[close + 1] == '(';
      static constexpr const char* kNotPlaceholders[] = {"at", "dot", "sic", "x", "cc", "ps", "edit", "1", "2"};
      bool excluded = link || !HasLetter(inner);
      for (const char* word : kNotPlaceholders) excluded = excluded || inner == word;
      if (!excluded) {
        fields.emplace_back(i, close + 1);
        i = close;
      }
    } else if (c == '(') {
      const size_t close = FindClose(text, i + 1, ")", 400, "(");
      if (close == std::string_view::npos) continue;
      const std::string_view raw = text.substr(i + 1, close - i - 1);
      if (raw.find("\n\n") == std::string_view::npos && IsPromptInParentheses(raw)) {
        fields.emplace_back(i, close + 1);
        i = close;
      }
    } else if (c == '<') {
      const size_t close = FindClose(text, i + 1, ">", 40, "\n<@/:.=\"");
      if (close == std::string_view::npos) continue;
      std::string inner = LowerAscii(text.substr(i + 1, close - i - 1));
      static constexpr const char* kTags[] = {"b", "i", "u", "p", "br", "hr", "em", "strong", "div", "span",
                                              "a", "li", "ul", "ol", "html", "body", "sup", "sub"};
      bool excluded = !HasLetter(inner) || inner.front() == ' ';
      for (const char* tag : kTags) excluded = excluded || inner == tag;
      if (!excluded) {
        fields.emplace_back(i, close + 1);
        i = close;
      }
    } else if (c == '_' && i + 2 < n && text[i + 1] == '_' && text[i + 2] == '_') {
      size_t e = i;
      while (e < n && text[e] == '_') ++e;
      fields.emplace_back(i, e);
      i = e - 1;
    } else if (c == '%' && i + 2 < n && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
      size_t e = i + 1;
      while (e < n && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_')) ++e;
      if (e < n && text[e] == '%') {
        fields.emplace_back(i, e + 1);
        i = e;
      }
    }
  }
  return fields;
}

void Doc::FindSkips() {
  fields_ = FindTemplateFields(text_);
  size_t i = 0;
  const size_t n = text_.size();
  while (i < n) {
    while (i < n && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
    size_t j = i;
    while (j < n && !std::isspace(static_cast<unsigned char>(text_[j]))) ++j;
    size_t b = i, e = j;
    while (b < e && std::strchr("<([{\"'", text_[b]) != nullptr) ++b;
    while (e > b && std::strchr(">)]}.,;:!?\"'", text_[e - 1]) != nullptr) --e;
    if (e > b && LooksLikeUrlOrEmail(text_.substr(b, e - b))) skips_.emplace_back(b, e);
    i = j;
  }
  // A template field is not prose: its words are nobody's and no rule reads
  // them (unfilled-placeholder reports the field itself).
  skips_.insert(skips_.end(), fields_.begin(), fields_.end());
  std::sort(skips_.begin(), skips_.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& span : skips_) {
    if (!merged.empty() && span.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, span.second);
    } else {
      merged.push_back(span);
    }
  }
  skips_ = std::move(merged);
}

void Doc::SplitWords() {
  const size_t n = text_.size();
  size_t skip = 0;
  size_t i = 0;
  while (i < n) {
    while (skip < skips_.size() && skips_[skip].second <= i) ++skip;
    if (skip < skips_.size() && skips_[skip].first <= i) {
      i = skips_[skip].second;
      continue;
    }
    uint32_t c = 0;
    size_t len = DecodeUtf8(text_, i, &c);
    if (!IsWordChar(c)) {
      i += len;
      continue;
    }
    Word w;
    w.begin = i;
    w.after_hyphen = i >= 2 && text_[i - 1] == '-' && !words_.empty() && words_.back().end == i - 1;
    bool any_letter = false, any_lower = false, first = true;
    size_t j = i;
    uint32_t prev = 0;
    while (j < n) {
      uint32_t d = 0;
      size_t l = DecodeUtf8(text_, j, &d);
      if (skip < skips_.size() && j >= skips_[skip].first) break;
      if (IsWordChar(d)) {
        if (d >= '0' && d <= '9') w.has_digit = true;
        if (d >= 0x80) w.ascii = false;
        if (IsUpperCp(d)) {
          w.has_upper = true;
          any_letter = true;
          if (first) w.initial_upper = true;
        } else if (IsLowerCp(d) || d >= 0x80) {
          any_letter = true;
          if (IsLowerCp(d)) any_lower = true;
        }
        first = false;
        prev = d;
        j += l;
        continue;
      }
      if (IsApostrophe(d) && j + l < n && prev != 0 && !(prev >= '0' && prev <= '9')) {
        uint32_t next = 0;
        DecodeUtf8(text_, j + l, &next);
        if (IsWordChar(next) && !(next >= '0' && next <= '9')) {
          if (d >= 0x80) w.ascii = false;
          j += l;
          prev = d;
          continue;
        }
      }
      break;
    }
    w.end = j;
    w.all_upper = any_letter && !any_lower && w.has_upper;
    words_.push_back(w);
    i = j;
  }
}

void Doc::SplitSentences() {
  const size_t n = text_.size();
  std::vector<std::pair<size_t, char>> cuts;  // byte position, terminator
  const size_t lines = line_starts_.size();
  auto line_end = [&](size_t li) {
    size_t e = li + 1 < lines ? line_starts_[li + 1] - 1 : n;
    return e;
  };
  auto trimmed = [&](size_t li) {
    size_t b = line_starts_[li], e = line_end(li);
    while (b < e && std::isspace(static_cast<unsigned char>(text_[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text_[e - 1]))) --e;
    return std::pair<size_t, size_t>(b, e);
  };
  auto is_bullet = [&](size_t li) {
    auto [b, e] = trimmed(li);
    if (b >= e) return false;
    char c = text_[b];
    if (c == '-' || c == '*' || c == '+') return true;
    if (text_.substr(b, e - b).starts_with("\u2022")) return true;
    size_t k = b;
    while (k < e && std::isdigit(static_cast<unsigned char>(text_[k]))) ++k;
    return k > b && k < e && (text_[k] == '.' || text_[k] == ')');
  };
  for (size_t li = 0; li < lines; ++li) {
    auto [b, e] = trimmed(li);
    if (b >= e) {
      cuts.emplace_back(line_starts_[li], 0);
      continue;
    }
    // Terminators inside the line.
    size_t i = b;
    size_t cps = 0;
    while (i < e) {
      uint32_t c = 0;
      size_t len = DecodeUtf8(text_, i, &c);
      ++cps;
      if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
        size_t run_begin = i, j = i;
        bool has_q = false, has_x = false, dots_only = true;
        while (j < e) {
          uint32_t d = 0;
          size_t l = DecodeUtf8(text_, j, &d);
          if (d == '?') has_q = true, dots_only = false;
          else if (d == '!') has_x = true, dots_only = false;
          else if (d != '.' && d != 0x2026) break;
          j += l;
        }
        while (j < e) {  // closing quotes and brackets
          uint32_t d = 0;
          size_t l = DecodeUtf8(text_, j, &d);
          if (d != '"' && d != '\'' && d != ')' && d != ']' && d != 0x2019 && d != 0x201D && d != 0xBB) break;
          j += l;
        }
        bool at_space = j >= e || std::isspace(static_cast<unsigned char>(text_[j]));
        if (at_space) {
          bool cut = true;
          if (dots_only && j - run_begin >= 1 && text_[run_begin] == '.' && (j - run_begin == 1)) {
            // "Dr. Smith", "e.g. this", "J. Doe": not the end of a sentence.
            size_t wb = run_begin;
            while (wb > b && (std::isalpha(static_cast<unsigned char>(text_[wb - 1])) || text_[wb - 1] == '.')) --wb;
            if (wb < run_begin && IsAbbreviation(text_.substr(wb, run_begin - wb))) cut = false;
            size_t k = j;
            while (k < e && std::isspace(static_cast<unsigned char>(text_[k]))) ++k;
            if (k < e && std::islower(static_cast<unsigned char>(text_[k]))) cut = false;
          }
          if (cut) cuts.emplace_back(j, has_q ? '?' : has_x ? '!' : '.');
        }
        i = j > i ? j : i + len;
        continue;
      }
      i += len;
    }
    // The line break: a wrapped line joins the next one; a short line, a
    // line ending in punctuation, a paragraph end or a bullet does not.
    bool wrap = false;
    if (li + 1 < lines) {
      auto [nb, ne] = trimmed(li + 1);
      char last = text_[e - 1];
      wrap = nb < ne && cps >= 45 && std::strchr(".!?,;:", last) == nullptr && !is_bullet(li + 1);
    }
    if (!wrap) cuts.emplace_back(e, 0);
  }
  cuts.emplace_back(n, 0);
  std::stable_sort(cuts.begin(), cuts.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });

  size_t start = 0;
  for (const auto& [pos, term] : cuts) {
    if (pos < start) continue;
    size_t b = start, e = pos;
    while (b < e && std::isspace(static_cast<unsigned char>(text_[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text_[e - 1]))) --e;
    if (e > b) {
      Sentence s;
      s.begin = b;
      s.end = e;
      s.terminator = term;
      sentences_.push_back(s);
    }
    start = pos;
  }

  // Assign words to sentences.
  size_t s = 0;
  for (size_t w = 0; w < words_.size(); ++w) {
    while (s + 1 < sentences_.size() && sentences_[s].end <= words_[w].begin) ++s;
    words_[w].sentence = static_cast<int>(s);
  }
  for (auto& sentence : sentences_) sentence.first_word = sentence.end_word = -1;
  for (size_t w = 0; w < words_.size(); ++w) {
    Sentence& sentence = sentences_[static_cast<size_t>(words_[w].sentence)];
    if (sentence.first_word < 0) {
      sentence.first_word = static_cast<int>(w);
      words_[w].sentence_initial = true;
    }
    sentence.end_word = static_cast<int>(w) + 1;
  }
  int last = 0;
  for (auto& sentence : sentences_) {
    if (sentence.first_word < 0) sentence.first_word = sentence.end_word = last;
    last = sentence.end_word;
  }
}

void Doc::Tokenize() {
  for (size_t w = 0; w < words_.size(); ++w) {
    std::string norm;
    std::string_view raw = WordText(static_cast<int>(w));
    for (size_t i = 0; i < raw.size();) {
      uint32_t c = 0;
      size_t len = DecodeUtf8(raw, i, &c);
      if (c < 0x80) {
        norm.push_back(static_cast<char>(std::tolower(static_cast<int>(c))));
      } else if (c == 0x2019) {
        norm.push_back('\'');
      } else if (char f = FoldLatin1(c); f != 0 && f != '/') {
        norm.push_back(f);
      } else {
        norm.append(raw.substr(i, len));
      }
      i += len;
    }
    const int sentence = words_[w].sentence;
    auto push = [&](std::string t) { tokens_.push_back(Token{std::move(t), static_cast<int>(w), sentence}); };
    size_t apos = norm.find('\'');
    if (apos == std::string::npos || apos == 0) {
      push(std::move(norm));
      continue;
    }
    std::string head = norm.substr(0, apos), tail = norm.substr(apos);
    if (tail == "'t" && head.size() > 1 && head.back() == 'n') {
      head.pop_back();
      if (head == "ca") head = "can";
      else if (head == "wo") head = "will";
      else if (head == "sha") head = "shall";
      push(head);
      push("not");
    } else if (tail == "'m") {
      push(head), push("am");
    } else if (tail == "'re") {
      push(head), push("are");
    } else if (tail == "'ve") {
      push(head), push("have");
    } else if (tail == "'ll") {
      push(head), push("will");
    } else if (tail == "'d") {
      push(head), push("would");
    } else if (tail == "'s") {
      push(head), push("'s");
    } else {
      push(std::move(norm));
    }
  }
  for (auto& sentence : sentences_) sentence.first_token = sentence.end_token = -1;
  for (size_t t = 0; t < tokens_.size(); ++t) {
    Sentence& sentence = sentences_[static_cast<size_t>(tokens_[t].sentence)];
    if (sentence.first_token < 0) sentence.first_token = static_cast<int>(t);
    sentence.end_token = static_cast<int>(t) + 1;
  }
  int last = 0;
  for (auto& sentence : sentences_) {
    if (sentence.first_token < 0) sentence.first_token = sentence.end_token = last;
    last = sentence.end_token;
  }
}

void Doc::FindGreetingAndSignoff() {
  const int count = static_cast<int>(sentences_.size());
  body_begin_ = 0;
  body_end_ = count;
  int first = 0;
  while (first < count && sentences_[first].end_word == sentences_[first].first_word) ++first;
  if (first < count) {
    const Sentence& s = sentences_[first];
    const int words = s.end_word - s.first_word;
    const bool ends_with_comma = text_[s.end - 1] == ',' || text_[s.end - 1] == ':';
    const std::string& head = tokens_[static_cast<size_t>(s.first_token)].norm;
    if ((IsGreetingWord(head) && words <= 6 && !s.question()) || (ends_with_comma && words <= 3)) {
      body_begin_ = first + 1;
    }
  }
  // The sign-off: a short valediction near the end, then only short lines.
  for (int v = count - 1; v >= body_begin_ + 1 && v >= count - 5; --v) {
    const Sentence& s = sentences_[v];
    const int words = s.end_word - s.first_word;
    if (words == 0) continue;
    if (words > 6) break;
    const std::string& head = tokens_[static_cast<size_t>(s.first_token)].norm;
    const bool ends_with_comma = text_[s.end - 1] == ',';
    if (IsValediction(head) && (ends_with_comma || (words <= 3 && s.terminator != '?'))) {
      body_end_ = v;
      break;
    }
  }
  if (body_end_ == count && count >= 2 && count - 1 > body_begin_) {
    const Sentence& s = sentences_[count - 1];
    const int words = s.end_word - s.first_word;
    bool names = words >= 1 && words <= 3 && s.terminator == 0;
    for (int w = s.first_word; names && w < s.end_word; ++w) names = words_[w].initial_upper;
    if (names) body_end_ = count - 1;
  }
  if (body_end_ < body_begin_) body_end_ = body_begin_;
}

void Doc::Position(size_t byte, int* line, int* column) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  *line = static_cast<int>(index) + 1;
  *column = 1 + static_cast<int>(cp_before_[byte] - cp_before_[line_starts_[index]]);
}

Finding Doc::Make(std::string rule, Severity severity, size_t begin, size_t end, std::string message,
                  std::optional<std::string> suggestion) const {
  begin = std::min(begin, text_.size());
  end = std::min(std::max(end, begin), text_.size());
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.begin = begin;
  f.end = end;
  Position(begin, &f.line, &f.column);
  Position(end, &f.end_line, &f.end_column);
  f.message = std::move(message);
  f.suggestion = std::move(suggestion);
  return f;
}

Finding Doc::MakeWhole(std::string rule, Severity severity, std::string message,
                       std::optional<std::string> suggestion) const {
  size_t end = text_.find('\n');
  if (end == std::string_view::npos) end = text_.size();
  if (end > 0 && text_[end - 1] == '\r') --end;
  return Make(std::move(rule), severity, 0, end, std::move(message), std::move(suggestion));
}

}  // namespace rapport::lint_detail
