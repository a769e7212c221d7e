#include "rapport/formats/text.h"

#include <cstdint>
#include <cstring>

namespace rapport::formats_internal {

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsBlank(s[b])) ++b;
  while (e > b && IsBlank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string CollapseSpaces(std::string_view s) {
  s = Trim(s);
  // Nearly every cell is already clean; copying it whole keeps a 300,000-row
  // import fast.
  bool clean = true;
  for (size_t i = 0; i < s.size() && clean; ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    // After Trim a space is never last, so s[i + 1] exists.
    clean = u > 0x20 ? u != 0x7F : (u == ' ' && s[i + 1] != ' ');
  }
  if (clean) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (char c : s) {
    if (IsBlank(c)) {
      in_space = true;
      continue;
    }
    if (IsControl(c)) continue;
    if (in_space && !out.empty()) out.push_back(' ');
    in_space = false;
    out.push_back(c);
  }
  return out;
}

std::string NormalizeNewlines(std::string_view s) {
  s = Trim(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      auto u = static_cast<unsigned char>(s[i]);
      if (s[i] == '\n' || s[i] == '\t' || (u >= 0x20 && u != 0x7F)) out.push_back(s[i]);
    }
  }
  // Dropped controls may have uncovered whitespace at either end.
  std::string_view t = Trim(out);
  if (t.size() != out.size()) out = std::string(t);
  return out;
}

std::string Excerpt(std::string_view s, size_t max) {
  std::string out = CollapseSpaces(s);
  if (out.size() <= max) return out;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "...";
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (haystack.size() < needle.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is not one.
// Follows the table in Unicode §3.9 (D92), so overlongs and surrogates fail.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = s.size() - i;
  auto cont = [&](size_t k) { return (b(i + k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return (n >= 2 && cont(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(i + 1) > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(i + 1) > 0x8F) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Most of an address book is ASCII: skip it 32, then 8 bytes at a time
    // (each 8 one load: memcpy of a word compiles to a single move).
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    auto word = [&](size_t at) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + at, sizeof w);
      return w;
    };
    while (i + 32 <= n && ((word(i) | word(i + 8) | word(i + 16) | word(i + 24)) & kHigh) == 0) {
      i += 32;
    }
    while (i + 8 <= n && (word(i) & kHigh) == 0) i += 8;
    if (i >= n) break;
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string SanitizeUtf8(std::string_view s) {
  if (FindInvalidUtf8(s) == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      AppendUtf8(out, 0xFFFD);
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string Windows1252ToUtf8(std::string_view s) {
  // 0x80-0x9F are printable in Windows-1252 (curly quotes, the euro sign);
  // the five bytes it leaves undefined become U+FFFD.
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c < 0xA0) {
      AppendUtf8(out, kHigh[c - 0x80]);
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

std::optional<std::string> Utf16ToUtf8IfMarked(std::string_view data) {
  if (data.size() < 2) return std::nullopt;
  auto b0 = static_cast<unsigned char>(data[0]);
  auto b1 = static_cast<unsigned char>(data[1]);
  bool little;
  if (b0 == 0xFF && b1 == 0xFE) {
    little = true;
  } else if (b0 == 0xFE && b1 == 0xFF) {
    little = false;
  } else {
    return std::nullopt;
  }
  std::string out;
  out.reserve(data.size() / 2 + 16);
  auto unit = [&](size_t i) -> char32_t {
    auto lo = static_cast<unsigned char>(data[little ? i : i + 1]);
    auto hi = static_cast<unsigned char>(data[little ? i + 1 : i]);
    return static_cast<char32_t>((hi << 8) | lo);
  };
  // An odd trailing byte cannot be a code unit; it is dropped.
  for (size_t i = 2; i + 1 < data.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < data.size()) {
      char32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        i += 2;
        continue;
      }
    }
    AppendUtf8(out, u);  // lone surrogates become U+FFFD there
  }
  return out;
}

std::string_view StripUtf8Bom(std::string_view data) {
  if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  return data;
}

int LineAt(std::string_view data, size_t offset) {
  int line = 1;
  if (offset > data.size()) offset = data.size();
  for (size_t i = 0; i < offset; ++i) {
    if (data[i] == '\n') {
      ++line;
    } else if (data[i] == '\r' && (i + 1 >= data.size() || data[i + 1] != '\n')) {
      ++line;
    }
  }
  return line;
}

std::string HexByte(unsigned char b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string s = "0x";
  s.push_back(kDigits[b >> 4]);
  s.push_back(kDigits[b & 0xF]);
  return s;
}

bool LooksLikeZip(std::string_view data) {
  return data.size() >= 4 && data.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

std::optional<std::string> WrongExport(std::string_view text, std::string_view claimed) {
  struct Kind {
    std::string_view marker, name, import_as;
  };
  static const Kind kKinds[] = {
      {"BEGIN:VCARD", "a vCard file", "vCard"},
      {"Connected On", "a LinkedIn connections export", "LinkedIn"},
      {"E-mail 1 - Value", "a Google Contacts CSV", "Google CSV"},
  };
  std::string_view head = text.substr(0, 4096);
  for (const auto& k : kKinds) {
    if (k.name != claimed && ContainsIgnoreCase(head, k.marker)) {
      return "this is " + std::string(k.name) + ", not " + std::string(claimed) +
             "; import it as " + std::string(k.import_as);
    }
  }
  return std::nullopt;
}

}  // namespace rapport::formats_internal

namespace rapport {

std::string NormalizeLabel(std::string_view label) {
  using formats_internal::EqualsIgnoreCase;
  // The characters a vCard TYPE cannot hold are spaces, so a label writes
  // and reads back as itself; then one space between words.
  std::string spaced(label);
  for (char& c : spaced) {
    if (c == ';' || c == ':' || c == ',' || c == '"' || c == '\\') c = ' ';
  }
  std::string cleaned = formats_internal::CollapseSpaces(spaced);
  std::string_view t = cleaned;
  // "* Work" (Google's primary) and vCard x-names ("x-Assistant"), however
  // many times over.
  while (!t.empty() && (t.front() == '*' || formats_internal::StartsWithIgnoreCase(t, "x-"))) {
    t = formats_internal::Trim(t.substr(t.front() == '*' ? 1 : 2));
  }
  std::string out(t);
  if (out.size() > 40) {
    // Cut before the character that crosses 40 bytes, never inside it.
    size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = std::string(formats_internal::Trim(std::string_view(out).substr(0, cut)));
  }
  // Checked last, on what is kept: the same answer when read back.
  for (std::string_view none : {"pref", "voice", "internet", "x400", "text"}) {
    if (EqualsIgnoreCase(out, none)) return "";
  }
  if (EqualsIgnoreCase(out, "cell") || EqualsIgnoreCase(out, "mobile") ||
      EqualsIgnoreCase(out, "cellular")) {
    return "mobile";
  }
  for (std::string_view known : {"work", "home", "main", "other", "fax", "pager"}) {
    if (EqualsIgnoreCase(out, known)) return std::string(known);
  }
  return out;
}

}  // namespace rapport
