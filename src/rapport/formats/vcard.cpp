// vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350) reading, and vCard 4.0
// writing. Written by hand: no vCard library is on this machine, and what
// phones and mail programs really export (quoted-printable soft breaks
// without indentation, CR CR LF, truncated base64 photos, broken charsets)
// needs more tolerance than the RFCs describe.
//
// Reading goes physical lines -> logical content lines (unfolding, QP soft
// breaks, unindented 2.1 base64) -> properties -> one ImportedPerson per card.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <new>

#include "rapport/formats/people.h"
#include "rapport/formats/text.h"

namespace rapport {

namespace {

using formats_internal::AsciiLower;
using formats_internal::CollapseSpaces;
using formats_internal::EqualsIgnoreCase;
using formats_internal::Trim;

// A real card has a handful of addresses, numbers and categories; past this
// it is not worth keeping them (and de-duplicating stays cheap).
constexpr size_t kMaxValues = 100;

struct PhysicalLine {
  std::string_view text;  // without its line ending
  int number;             // 1-based
};

// Splits on LF, CRLF and a lone CR. A run of CRs before an LF is one line
// ending: iPhone exports end every line with CR CR LF, and reading that as a
// blank line after each line would break unfolding.
std::vector<PhysicalLine> SplitLines(std::string_view data) {
  std::vector<PhysicalLine> lines;
  size_t start = 0;
  int number = 1;
  const size_t n = data.size();
  for (size_t i = 0; i < n; ++i) {
    char c = data[i];
    if (c == '\n') {
      lines.push_back({data.substr(start, i - start), number++});
      start = i + 1;
    } else if (c == '\r') {
      size_t j = i;
      while (j < n && data[j] == '\r') ++j;
      if (j < n && data[j] == '\n') {
        lines.push_back({data.substr(start, i - start), number++});
        i = j;
      } else {
        lines.push_back({data.substr(start, i - start), number++});
      }
      start = i + 1;
    }
  }
  if (start < n) lines.push_back({data.substr(start), number});
  return lines;
}

bool IsMarker(std::string_view line, std::string_view marker) {
  return EqualsIgnoreCase(Trim(line), marker);
}

bool StartsIndented(std::string_view line) {
  return !line.empty() && (line[0] == ' ' || line[0] == '\t');
}

bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

struct Param {
  std::string key;    // lowercase; "" for 2.1's bare values (TEL;CELL;PREF)
  std::string value;  // quotes removed
};

struct ContentLine {
  std::string name;  // uppercase, without its group ("item1.")
  std::vector<Param> params;
  size_t value_offset = 0;  // where the value starts in the logical line
  bool quoted_printable = false;
  bool base64 = false;
};

// Reads "group.NAME;param=v;param2="a,b":value". False when the line is not
// a property at all (no colon, or no valid name before it).
bool ParseContentLine(std::string_view line, ContentLine& out) {
  out = ContentLine();
  size_t colon = std::string_view::npos;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') quoted = !quoted;
    if (c == ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon == std::string_view::npos) colon = line.find(':');  // an unbalanced quote
  if (colon == std::string_view::npos) return false;
  std::string_view head = line.substr(0, colon);
  out.value_offset = colon + 1;

  size_t semi = head.find(';');
  std::string_view full_name = Trim(head.substr(0, semi));
  size_t dot = full_name.rfind('.');
  std::string_view group =
      dot == std::string_view::npos ? std::string_view() : full_name.substr(0, dot);
  std::string_view name = dot == std::string_view::npos ? full_name : full_name.substr(dot + 1);
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsNameChar(c)) return false;
  }
  for (char c : group) {
    if (!IsNameChar(c) && c != '.') return false;
  }
  out.name.reserve(name.size());
  for (char c : name) out.name.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c);

  if (semi == std::string_view::npos) return true;
  std::string_view rest = head.substr(semi + 1);
  for (;;) {
    // A ';' inside a quoted value (TYPE="a;b") does not end the parameter.
    size_t end = 0;
    quoted = false;
    while (end < rest.size() && (quoted || rest[end] != ';')) {
      if (rest[end] == '"') quoted = !quoted;
      ++end;
    }
    std::string_view p = Trim(rest.substr(0, end));
    if (!p.empty()) {
      Param param;
      size_t eq = p.find('=');
      if (eq == std::string_view::npos) {
        param.value = std::string(p);
      } else {
        param.key = AsciiLower(Trim(p.substr(0, eq)));
        param.value = std::string(Trim(p.substr(eq + 1)));
      }
      std::erase(param.value, '"');
      std::string lower = AsciiLower(param.value);
      if (param.key.empty() || param.key == "encoding") {
        if (lower == "quoted-printable") out.quoted_printable = true;
        // "B" alone is a 2.1 type-less word, not an encoding.
        if (lower == "base64" || (lower == "b" && !param.key.empty())) out.base64 = true;
      }
      if (out.params.size() < kMaxValues) out.params.push_back(std::move(param));
    }
    if (end >= rest.size()) break;
    rest.remove_prefix(end + 1);
  }
  return true;
}

// ---- decoding values -----------------------------------------------------

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string DecodeQuotedPrintable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else if (s[i] == '=' && i + 1 == s.size()) {
      // A soft break with nothing after it (the value was cut short).
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

const Param* FindParam(const ContentLine& cl, std::string_view key) {
  for (const Param& p : cl.params) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

// The value as UTF-8 text, still escaped.
std::string DecodeValue(const ContentLine& cl, std::string_view raw) {
  std::string bytes = cl.quoted_printable ? DecodeQuotedPrintable(raw) : std::string(raw);
  if (formats_internal::FindInvalidUtf8(bytes) == std::string_view::npos) return bytes;
  const Param* cs = FindParam(cl, "charset");
  std::string charset = cs != nullptr ? AsciiLower(cs->value) : "";
  // Without a charset, non-UTF-8 bytes in an old card are almost always
  // Windows-1252 (Outlook); ISO-8859-1 is its printable subset.
  if (charset.empty() || charset == "iso-8859-1" || charset == "iso-8859-15" ||
      charset == "latin1" || charset == "windows-1252" || charset == "cp1252") {
    return formats_internal::Windows1252ToUtf8(bytes);
  }
  return formats_internal::SanitizeUtf8(bytes);
}

// Splits on `sep` where it is not escaped with a backslash.
std::vector<std::string_view> SplitUnescaped(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// \n \N \\ \, \; as RFC 6350, plus \: and \" that Gmail writes ("http\://");
// any other backslash is kept, so "C:\temp" in a 2.1 note survives.
std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[i + 1];
      if (n == 'n' || n == 'N') {
        out.push_back('\n');
        ++i;
        continue;
      }
      if (n == '\\' || n == ',' || n == ';' || n == ':' || n == '"') {
        out.push_back(n);
        ++i;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// A structured component whose comma-separated list items (N's "Richter,James")
// read as words.
std::string ComponentText(std::string_view component) {
  std::string joined;
  for (std::string_view item : SplitUnescaped(component, ',')) {
    joined += Unescape(item);
    joined.push_back(' ');
  }
  return CollapseSpaces(joined);
}

std::string TextValue(std::string_view decoded) { return CollapseSpaces(Unescape(decoded)); }

// ---- a card ---------------------------------------------------------------

struct Ranked {
  std::string value;
  int rank;      // RFC 6350 PREF: 1 is most preferred, 101 means none given
  bool demoted;  // a fax number: not how to reach a person
  size_t order;
  std::string label;  // from TYPE (NormalizeLabel), "" when none
};

struct Card {
  explicit Card(int line) : start_line(line) {}
  int start_line;
  int broken_line = 0;  // the first line that is not a property
  std::string fn;
  std::string n_name;
  bool has_n = false;
  std::optional<std::string> org, title, linkedin;
  std::vector<Ranked> emails, phones, locations;
  std::vector<std::string> notes;
  std::vector<std::string> categories;
  // Rapport's own X-RAPPORT-* properties.
  std::optional<std::string> source, degree, introducer, connected;
  std::vector<std::string> objectives;
};

int RankOf(const ContentLine& cl, bool& demoted) {
  int rank = 101;
  demoted = false;
  for (const Param& p : cl.params) {
    if (p.key == "pref") {
      int v = 0;
      for (char c : p.value) {
        if (c < '0' || c > '9' || v > 1000) {
          v = 1;  // "PREF=yes"-like values still mean preferred
          break;
        }
        v = v * 10 + (c - '0');
      }
      rank = std::min(rank, std::clamp(v, 1, 100));
    } else if (p.key.empty() || p.key == "type") {
      for (std::string_view t : SplitUnescaped(p.value, ',')) {
        t = Trim(t);
        if (EqualsIgnoreCase(t, "pref")) rank = std::min(rank, 1);
        if (EqualsIgnoreCase(t, "fax")) demoted = true;
      }
    }
  }
  return rank;
}

bool HasType(const ContentLine& cl, std::string_view type) {
  for (const Param& p : cl.params) {
    if (p.key.empty() || p.key == "type") {
      for (std::string_view t : SplitUnescaped(p.value, ',')) {
        if (formats_internal::ContainsIgnoreCase(Trim(t), type)) return true;
      }
    }
  }
  return false;
}

// The first TYPE that says what the value is for ("work", "mobile", an
// x-name's own word), skipping those that say nothing (pref, voice, internet).
std::string LabelOf(const ContentLine& cl) {
  for (const Param& p : cl.params) {
    if (!p.key.empty() && p.key != "type") continue;
    for (std::string_view t : SplitUnescaped(p.value, ',')) {
      std::string label = NormalizeLabel(t);
      if (!label.empty()) return label;
    }
  }
  return "";
}

void AddRanked(std::vector<Ranked>& list, const ContentLine& cl, std::string value) {
  if (value.empty() || list.size() >= kMaxValues) return;
  bool demoted = false;
  int rank = RankOf(cl, demoted);
  list.push_back({std::move(value), rank, demoted, list.size(), LabelOf(cl)});
}

// "mailto:a@b" -> "a@b"; repeated, so what is returned never starts with it.
std::string StripScheme(std::string_view v, std::string_view scheme) {
  v = Trim(v);
  while (formats_internal::StartsWithIgnoreCase(v, scheme)) v = Trim(v.substr(scheme.size()));
  return std::string(v);
}

void ApplyProperty(Card& card, const ContentLine& cl, std::string_view raw) {
  const std::string& name = cl.name;
  // Binary and unused properties are never decoded: a multi-megabyte PHOTO
  // costs only the scan that found its end.
  if (name != "FN" && name != "N" && name != "ORG" && name != "TITLE" && name != "EMAIL" &&
      name != "TEL" && name != "URL" && name != "X-SOCIALPROFILE" && name != "ADR" &&
      name != "NOTE" && name != "CATEGORIES" && !name.starts_with("X-RAPPORT-")) {
    return;
  }
  if (cl.base64) return;  // a binary value is never text we want
  std::string value = DecodeValue(cl, raw);
  if (name == "FN") {
    if (card.fn.empty()) card.fn = TextValue(value);
  } else if (name == "N") {
    if (card.has_n) return;
    card.has_n = true;
    auto parts = SplitUnescaped(value, ';');
    parts.resize(5);
    // family;given;additional;prefix;suffix, shown as people write it.
    std::string joined;
    for (int i : {3, 1, 2, 0, 4}) {
      joined += ComponentText(parts[i]);
      joined.push_back(' ');
    }
    card.n_name = CollapseSpaces(joined);
  } else if (name == "ORG") {
    if (card.org) return;
    // The organization, not its department ("IBM;Accounting" -> "IBM").
    for (std::string_view part : SplitUnescaped(value, ';')) {
      std::string text = TextValue(part);
      if (!text.empty()) {
        card.org = std::move(text);
        break;
      }
    }
  } else if (name == "TITLE") {
    if (!card.title) {
      std::string text = TextValue(value);
      if (!text.empty()) card.title = std::move(text);
    }
  } else if (name == "EMAIL") {
    AddRanked(card.emails, cl, StripScheme(CollapseSpaces(Unescape(value)), "mailto:"));
  } else if (name == "TEL") {
    std::string tel = CollapseSpaces(Unescape(value));
    const Param* type = FindParam(cl, "value");
    bool text = type != nullptr && EqualsIgnoreCase(type->value, "text");
    if (!text && formats_internal::StartsWithIgnoreCase(tel, "tel:")) {
      tel = StripScheme(tel, "tel:");
      // vCard 4.0 tel: URIs carry extensions as ";ext=102".
      if (size_t ext = tel.find(";ext="); ext != std::string::npos) {
        tel = tel.substr(0, ext) + " ext. " + tel.substr(ext + 5);
      }
    }
    AddRanked(card.phones, cl, CollapseSpaces(tel));
  } else if (name == "URL" || name == "X-SOCIALPROFILE") {
    std::string url = CollapseSpaces(Unescape(value));
    if (!card.linkedin && !url.empty() &&
        (formats_internal::ContainsIgnoreCase(url, "linkedin.com") || HasType(cl, "linkedin"))) {
      card.linkedin = std::move(url);
    }
  } else if (name == "ADR") {
    // pobox;extended;street;locality;region;code;country
    auto parts = SplitUnescaped(value, ';');
    parts.resize(7);
    std::string city = ComponentText(parts[3]);
    std::string region = ComponentText(parts[4]);
    std::string loc = city;
    if (!region.empty()) loc += (loc.empty() ? "" : ", ") + region;
    if (loc.empty()) loc = ComponentText(parts[6]);
    AddRanked(card.locations, cl, std::move(loc));
  } else if (name == "NOTE") {
    std::string note = formats_internal::NormalizeNewlines(Unescape(value));
    if (!note.empty() && card.notes.size() < kMaxValues) card.notes.push_back(std::move(note));
  } else if (name.starts_with("X-RAPPORT-")) {
    std::string text = TextValue(value);
    if (text.empty()) return;
    std::string_view what = std::string_view(name).substr(10);
    if (what == "SOURCE" && !card.source) card.source = std::move(text);
    if (what == "DEGREE" && !card.degree) card.degree = std::move(text);
    if (what == "INTRODUCER" && !card.introducer) card.introducer = std::move(text);
    if (what == "CONNECTED" && !card.connected) card.connected = std::move(text);
    if (what == "OBJECTIVE" && card.objectives.size() < kMaxValues &&
        std::find(card.objectives.begin(), card.objectives.end(), text) == card.objectives.end()) {
      card.objectives.push_back(std::move(text));
    }
  } else if (name == "CATEGORIES") {
    for (std::string_view item : SplitUnescaped(value, ',')) {
      if (card.categories.size() >= kMaxValues) break;
      std::string cat = TextValue(item);
      // Google's "My Contacts" holds every contact and says nothing.
      if (cat.empty() || EqualsIgnoreCase(cat, "My Contacts") ||
          EqualsIgnoreCase(cat, "myContacts")) {
        continue;
      }
      if (std::find(card.categories.begin(), card.categories.end(), cat) == card.categories.end()) {
        card.categories.push_back(std::move(cat));
      }
    }
  }
}

// The most preferred value (PREF, then non-fax, then file order: an explicit
// preference is the card's own word, and Rapport's own cards mark their
// primary so; without one a fax is not how to reach a person) and
// the others in file order, without duplicates, each with its label.
void PickRanked(std::vector<Ranked>& list, bool fold_case, std::optional<std::string>& primary,
                std::string* primary_label, std::vector<ContactPoint>* others) {
  if (list.empty()) return;
  std::stable_sort(list.begin(), list.end(), [](const Ranked& a, const Ranked& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return !a.demoted && b.demoted;
  });
  primary = list.front().value;
  if (primary_label != nullptr) *primary_label = list.front().label;
  if (others == nullptr) return;
  std::vector<Ranked> rest(list.begin() + 1, list.end());
  std::stable_sort(rest.begin(), rest.end(),
                   [](const Ranked& a, const Ranked& b) { return a.order < b.order; });
  for (Ranked& r : rest) {
    auto same = [&](const std::string& s) {
      return fold_case ? EqualsIgnoreCase(s, r.value) : s == r.value;
    };
    if (same(*primary) || std::any_of(others->begin(), others->end(),
                                      [&](const ContactPoint& o) { return same(o.value); })) {
      continue;
    }
    others->push_back({std::move(r.value), std::move(r.label)});
  }
}

// X-RAPPORT-CONNECTED's "2024-03-15" (or "20240315"), midnight UTC.
std::optional<Instant> ParseRapportDate(std::string_view text) {
  std::string digits;
  for (char c : Trim(text)) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '-') {
      break;  // a time after the date, if any, is not ours to keep
    }
    if (digits.size() == 8) break;
  }
  if (digits.size() != 8) return std::nullopt;
  const int y = std::stoi(digits.substr(0, 4)), m = std::stoi(digits.substr(4, 2)),
            d = std::stoi(digits.substr(6, 2));
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (y < 1900 || !ymd.ok()) return std::nullopt;
  return Instant{std::chrono::sys_days{ymd}};
}

void FinishCard(Card& card, ParsedPeople& out) {
  if (card.broken_line != 0) {
    out.rejected.push_back(
        {card.start_line, "line " + std::to_string(card.broken_line) +
                              " is not a vCard property (expected NAME:value), so this card was "
                              "not imported; fix or delete that line and import again"});
    return;
  }
  ImportedPerson p;
  p.line = card.start_line;
  p.name = !card.fn.empty() ? card.fn : card.n_name;
  p.org = std::move(card.org);
  p.title = std::move(card.title);
  p.linkedin = std::move(card.linkedin);
  PickRanked(card.emails, true, p.email, &p.email_label, &p.other_emails);
  PickRanked(card.phones, false, p.phone, &p.phone_label, &p.other_phones);
  PickRanked(card.locations, false, p.location, nullptr, nullptr);
  p.source = std::move(card.source);
  p.degree = std::move(card.degree);
  p.introducer = std::move(card.introducer);
  p.objectives = std::move(card.objectives);
  if (card.connected) p.connected_on = ParseRapportDate(*card.connected);
  if (!card.notes.empty()) {
    std::string note;
    for (const std::string& n : card.notes) {
      if (!note.empty()) note.push_back('\n');
      note += n;
    }
    p.note = std::move(note);
  }
  p.categories = std::move(card.categories);
  if (p.name.empty() && !p.org && !p.title && !p.email && !p.phone && !p.linkedin && !p.note &&
      !p.location) {
    out.skipped.push_back(
        {card.start_line, "this card has no name, e-mail, phone, organization or note"});
    return;
  }
  out.people.push_back(std::move(p));
}

Result<ParsedPeople> Parse(std::string_view data) {
  std::string owned;
  if (auto utf8 = formats_internal::Utf16ToUtf8IfMarked(data)) {
    owned = std::move(*utf8);
    data = owned;
  }
  data = formats_internal::StripUtf8Bom(data);
  std::vector<PhysicalLine> lines = SplitLines(data);
  if (std::none_of(lines.begin(), lines.end(),
                   [](const PhysicalLine& l) { return IsMarker(l.text, "BEGIN:VCARD"); })) {
    return Error::InvalidArgument(
        "this is not a vCard file: it has no BEGIN:VCARD line; export your contacts as vCard "
        "(.vcf) and import that file");
  }

  ParsedPeople out;
  std::optional<Card> card;
  std::string logical;
  ContentLine cl;
  const size_t n = lines.size();
  size_t i = 0;
  while (i < n) {
    const PhysicalLine& line = lines[i];
    if (!card) {
      if (IsMarker(line.text, "BEGIN:VCARD")) card.emplace(line.number);
      ++i;
      continue;
    }
    // Blank lines end 2.1 base64 values; indented lines after one are the
    // rest of such a value (Outlook's PHOTO). Neither is a property.
    if (Trim(line.text).empty() || StartsIndented(line.text)) {
      ++i;
      continue;
    }
    logical.assign(line.text);
    size_t j = i + 1;
    bool parsed = false;
    bool first = true;
    for (;;) {
      while (j < n && StartsIndented(lines[j].text)) {
        logical.append(lines[j].text.substr(1));
        ++j;
      }
      if (first) {
        parsed = ParseContentLine(logical, cl);
        first = false;
        if (!parsed) break;
      }
      if (j >= n) break;
      std::string_view next = lines[j].text;
      if (cl.quoted_printable && !logical.empty() && logical.back() == '=' &&
          !IsMarker(next, "END:VCARD") && !IsMarker(next, "BEGIN:VCARD")) {
        // A QP soft break: the value goes on at the start of the next line.
        logical.pop_back();
        logical.append(next);
        ++j;
        continue;
      }
      if (cl.base64 && !Trim(next).empty() && next.find(':') == std::string_view::npos) {
        // 2.1 base64 need not be indented; it runs until a blank line, and
        // base64 has no colon, so a line with one is the next property.
        logical.append(next);
        ++j;
        continue;
      }
      break;
    }
    const int number = line.number;
    i = j;
    if (!parsed) {
      if (card->broken_line == 0) card->broken_line = number;
      continue;
    }
    std::string_view value = std::string_view(logical).substr(cl.value_offset);
    if (cl.name == "END") {
      if (EqualsIgnoreCase(Trim(value), "VCARD")) {
        FinishCard(*card, out);
        card.reset();
      }
      continue;
    }
    if (cl.name == "BEGIN") {
      if (EqualsIgnoreCase(Trim(value), "VCARD")) {
        out.rejected.push_back(
            {card->start_line, "this card has no END:VCARD before the next BEGIN:VCARD on line " +
                                   std::to_string(number) +
                                   ", so it was not imported; add END:VCARD where it ends"});
        card.emplace(number);
      }
      continue;
    }
    ApplyProperty(*card, cl, value);
  }
  if (card) {
    out.rejected.push_back({card->start_line,
                            "this card never ends (no END:VCARD; the file may be cut short), so "
                            "it was not imported; export the contacts again"});
  }
  return out;
}

// ---- writing --------------------------------------------------------------

// Escapes a text value per RFC 6350 §3.4; CRLF and CR become \n too.
std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ',':
        out += "\\,";
        break;
      case ';':
        out += "\\;";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\n";
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// Appends one content line folded at 75 octets (RFC 6350 §3.2), never
// inside a UTF-8 sequence, each piece ended by CRLF.
void AppendFolded(std::string& out, std::string_view line) {
  constexpr size_t kMax = 75;
  size_t pos = 0;
  bool first = true;
  while (true) {
    size_t room = first ? kMax : kMax - 1;  // continuation lines start with a space
    if (!first) out.push_back(' ');
    if (line.size() - pos <= room) {
      out.append(line.substr(pos));
      out += "\r\n";
      return;
    }
    size_t cut = pos + room;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + room;  // not UTF-8 at all: cut anywhere rather than loop
    out.append(line.substr(pos, cut - pos));
    out += "\r\n";
    pos = cut;
    first = false;
  }
}

std::string FormatRev(Instant t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss<Seconds> hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

}  // namespace

Result<ParsedPeople> ParseVCard(std::string_view data) {
  return formats_internal::Guarded([&] { return Parse(data); }, "this vCard file",
                                   "export your contacts again and import the new file");
}

namespace {

// ";TYPE=..." for a label: RFC 6350's own words where it has one (vCard
// calls a mobile "cell"), an x-name otherwise, which ParseVCard reads back
// to the same label; "" for none.
std::string TypeParam(std::string_view label, bool phone) {
  if (label.empty()) return "";
  if (label == "work" || label == "home") return ";TYPE=" + std::string(label);
  if (phone && label == "mobile") return ";TYPE=cell";
  if (phone && (label == "fax" || label == "pager")) return ";TYPE=" + std::string(label);
  std::string x = "x-";
  for (char c : label) x.push_back(c == ';' || c == ':' || c == ',' || c == '"' || c == '\\' ? ' ' : c);
  return ";TYPE=\"" + x + "\"";
}

}  // namespace

std::string WriteVCard(const std::vector<VCardPerson>& people) {
  std::string out;
  auto line = [&](std::string_view prefix, std::string_view value) {
    std::string l(prefix);
    l += Escape(value);
    AppendFolded(out, l);
  };
  for (const VCardPerson& p : people) {
    out += "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Rapport//Rapport//EN\r\n";
    line("UID:", p.uid);
    // FN is the one property 4.0 requires. N is left out: splitting a
    // display name into given and family names is guesswork.
    line("FN:", p.name);
    if (p.org) line("ORG:", *p.org);
    if (p.title) line("TITLE:", *p.title);
    for (size_t i = 0; i < p.emails.size(); ++i) {
      line("EMAIL" + TypeParam(p.emails[i].label, false) + (i == 0 ? ";PREF=1:" : ":"),
           p.emails[i].value);
    }
    for (size_t i = 0; i < p.phones.size(); ++i) {
      line("TEL;VALUE=text" + TypeParam(p.phones[i].label, true) + (i == 0 ? ";PREF=1:" : ":"),
           p.phones[i].value);
    }
    // An x-name TYPE, so a profile given without linkedin.com in it still
    // reads back as the LinkedIn profile.
    if (p.linkedin) line("URL;TYPE=x-linkedin:", *p.linkedin);
    // Rapport keeps "city, region" as one text; it goes in the locality.
    if (p.location) AppendFolded(out, "ADR:;;;" + Escape(*p.location) + ";;;");
    if (p.note) line("NOTE:", *p.note);
    if (!p.categories.empty()) {
      std::string cats;
      for (const std::string& c : p.categories) {
        if (c.empty()) continue;
        if (!cats.empty()) cats.push_back(',');
        cats += Escape(c);
      }
      if (!cats.empty()) AppendFolded(out, "CATEGORIES:" + cats);
    }
    if (p.source) line("X-RAPPORT-SOURCE:", *p.source);
    if (p.degree) line("X-RAPPORT-DEGREE:", *p.degree);
    if (p.introducer) line("X-RAPPORT-INTRODUCER:", *p.introducer);
    if (p.connected_on) {
      AppendFolded(out, "X-RAPPORT-CONNECTED:" + FormatRev(*p.connected_on).substr(0, 8));
    }
    for (const std::string& o : p.objectives) line("X-RAPPORT-OBJECTIVE:", o);
    if (p.revised) AppendFolded(out, "REV:" + FormatRev(*p.revised));
    out += "END:VCARD\r\n";
  }
  return out;
}

}  // namespace rapport
