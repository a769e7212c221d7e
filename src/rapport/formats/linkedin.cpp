// LinkedIn's Connections.csv (from "Get a copy of your data"). Parsed by
// hand with the shared CSV reader: no library on this machine knows the
// format, and its quirks (a "Notes:" preamble, date-only rows for members
// who hide their details, urn:li:member e-mail cells, spreadsheet re-saves)
// need their own handling anyway.
#include <algorithm>
#include <array>
#include <chrono>
#include <exception>
#include <new>

#include "rapport/formats/csv.h"
#include "rapport/formats/people.h"
#include "rapport/formats/text.h"

namespace rapport {

namespace {

using formats_internal::AsciiLower;
using formats_internal::CollapseSpaces;
using formats_internal::CsvReader;
using formats_internal::HeaderKey;
using formats_internal::Trim;

constexpr std::string_view kHowToExport =
    "export it from LinkedIn (Settings > Data privacy > Get a copy of your data > Connections) "
    "and import Connections.csv";

enum Column { kFirst, kLast, kUrl, kEmail, kCompany, kPosition, kConnected, kColumnCount };

struct Alias {
  std::string_view name;  // lowercase
  Column column;
  bool english;
};

// LinkedIn writes its export in English whatever the member's language; the
// other names are what people get when they retitle the columns in a
// spreadsheet in French, German, Spanish, Portuguese, Italian or Dutch. We
// match columns by name, never by position, so any order is read.
constexpr Alias kAliases[] = {
    {"first name", kFirst, true},
    {"firstname", kFirst, true},
    {"last name", kLast, true},
    {"lastname", kLast, true},
    {"url", kUrl, true},
    {"profile url", kUrl, true},
    {"linkedin url", kUrl, true},
    {"email address", kEmail, true},
    {"e-mail address", kEmail, true},
    {"email", kEmail, true},
    {"e-mail", kEmail, true},
    {"company", kCompany, true},
    {"position", kPosition, true},
    {"connected on", kConnected, true},
    // French
    {"prénom", kFirst, false},
    {"prenom", kFirst, false},
    {"nom", kLast, false},
    {"nom de famille", kLast, false},
    {"adresse e-mail", kEmail, false},
    {"adresse email", kEmail, false},
    {"adresse mail", kEmail, false},
    {"entreprise", kCompany, false},
    {"société", kCompany, false},
    {"poste", kPosition, false},
    {"date de connexion", kConnected, false},
    {"connecté le", kConnected, false},
    {"url du profil", kUrl, false},
    // German
    {"vorname", kFirst, false},
    {"nachname", kLast, false},
    {"e-mail-adresse", kEmail, false},
    {"unternehmen", kCompany, false},
    {"firma", kCompany, false},
    {"verbunden am", kConnected, false},
    {"vernetzt am", kConnected, false},
    // Spanish
    {"nombre", kFirst, false},
    {"apellidos", kLast, false},
    {"apellido", kLast, false},
    {"dirección de correo electrónico", kEmail, false},
    {"correo electrónico", kEmail, false},
    {"empresa", kCompany, false},
    {"cargo", kPosition, false},
    {"fecha de conexión", kConnected, false},
    {"conectado el", kConnected, false},
    // Portuguese
    {"nome", kFirst, false},
    {"sobrenome", kLast, false},
    {"endereço de e-mail", kEmail, false},
    {"conectado em", kConnected, false},
    {"data de conexão", kConnected, false},
    // Italian
    {"cognome", kLast, false},
    {"indirizzo email", kEmail, false},
    {"indirizzo e-mail", kEmail, false},
    {"azienda", kCompany, false},
    {"posizione", kPosition, false},
    {"data di collegamento", kConnected, false},
    {"collegato il", kConnected, false},
    // Dutch
    {"voornaam", kFirst, false},
    {"achternaam", kLast, false},
    {"e-mailadres", kEmail, false},
    {"bedrijf", kCompany, false},
    {"functie", kPosition, false},
    {"verbonden op", kConnected, false},
};

struct Header {
  std::array<int, kColumnCount> index;
  size_t width = 0;
  bool english = true;
};

std::optional<Header> MatchHeader(const std::vector<std::string_view>& cells) {
  Header h;
  h.index.fill(-1);
  h.width = cells.size();
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string key = HeaderKey(cells[i]);
    for (const Alias& a : kAliases) {
      if (key == a.name && h.index[a.column] < 0) {
        h.index[a.column] = static_cast<int>(i);
        if (a.column == kConnected) h.english = a.english;
        break;
      }
    }
  }
  if (h.index[kFirst] < 0 || h.index[kLast] < 0 || h.index[kConnected] < 0) return std::nullopt;
  return h;
}

// ---- dates ----------------------------------------------------------------

int MonthFromName(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  std::string w = AsciiLower(word);
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m] || w == kFull[m]) return m + 1;
  }
  return 0;
}

struct DateToken {
  std::string_view text;
  bool digits;
  char sep_before;  // the separator character just before it, or 0
};

// Splits on anything that is not a letter or digit, and where letters meet
// digits ("15T10"), keeping the separators so "15.03.2024" can be told
// from "3/15/2024".
size_t Tokenize(std::string_view s, DateToken* out, size_t max) {
  size_t count = 0;
  size_t i = 0;
  char sep = 0;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  while (i < s.size() && count < max) {
    char c = s[i];
    if (is_digit(c) || is_alpha(c)) {
      bool digits = is_digit(c);
      size_t b = i;
      while (i < s.size() && (digits ? is_digit(s[i]) : is_alpha(s[i]))) ++i;
      out[count++] = {s.substr(b, i - b), digits, sep};
      sep = 0;
    } else {
      if (sep == 0 && c != ' ') sep = c;
      ++i;
    }
  }
  return count;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) {
    if (v > 100000) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int YearFrom(const DateToken& t) {
  if (!t.digits) return -1;
  if (t.text.size() == 4) return ToInt(t.text);
  if (t.text.size() == 2) {
    int y = ToInt(t.text);
    return y < 70 ? 2000 + y : 1900 + y;  // LinkedIn dates from 2003 on
  }
  return -1;
}

std::optional<Instant> MakeDate(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y},
                                  std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Instant{std::chrono::sys_days{ymd}};
}

struct ParsedDate {
  enum Kind { kNone, kDate, kNumeric, kBad } kind = kNone;
  std::optional<Instant> date;  // kDate
  int a = 0, b = 0, year = 0;   // kNumeric: "a/b/year", order decided per file
};

// "15 Mar 2024", "Mar 15, 2024", "15-Mar-24", "2024-03-15", "15.03.2024",
// and numeric "1/8/18, 6:14 PM" whose day/month order is settled for the
// whole file later. A time of day after the date is ignored: the header
// promises midnight UTC.
ParsedDate ParseConnectedOn(std::string_view cell) {
  ParsedDate out;
  cell = Trim(cell);
  if (cell.empty()) return out;
  out.kind = ParsedDate::kBad;
  DateToken t[3];
  if (Tokenize(cell, t, 3) < 3) return out;
  auto num = [](const DateToken& k) { return k.digits && k.text.size() <= 2 ? ToInt(k.text) : -1; };
  if (t[0].digits && t[0].text.size() == 4) {  // year first: ISO
    int m = t[1].digits ? num(t[1]) : MonthFromName(t[1].text);
    out.date = MakeDate(ToInt(t[0].text), m, num(t[2]));
  } else if (!t[1].digits) {  // 15 Mar 2024
    out.date = MakeDate(YearFrom(t[2]), MonthFromName(t[1].text), num(t[0]));
  } else if (!t[0].digits) {  // Mar 15, 2024
    out.date = MakeDate(YearFrom(t[2]), MonthFromName(t[0].text), num(t[1]));
  } else if (t[2].digits && num(t[0]) >= 0 && num(t[1]) >= 0 && YearFrom(t[2]) > 0) {
    if (t[1].sep_before == '.') {  // 15.03.2024 is day-first wherever it is written
      out.date = MakeDate(YearFrom(t[2]), num(t[1]), num(t[0]));
    } else {
      out.kind = ParsedDate::kNumeric;
      out.a = num(t[0]);
      out.b = num(t[1]);
      out.year = YearFrom(t[2]);
      return out;
    }
  }
  if (out.date) out.kind = ParsedDate::kDate;
  return out;
}

std::string BadDateReason(std::string_view cell) {
  return "the Connected On date '" + formats_internal::Excerpt(cell) +
         "' is not a date (expected like 15 Mar 2024 or 2024-03-15); correct that cell and "
         "import again";
}

// ---- rows -----------------------------------------------------------------

bool LooksLikeEmail(std::string_view s) {
  // LinkedIn puts "urn:li:member:123" where a member hides their address.
  if (formats_internal::StartsWithIgnoreCase(s, "urn:")) return false;
  size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() &&
         s.find_first_of(" \t") == std::string_view::npos;
}

struct PendingDate {
  size_t person;  // index into people
  int a, b, year;
  std::string cell;
};

Result<ParsedPeople> Parse(std::string_view data) {
  formats_internal::CsvText input = formats_internal::PrepareCsvText(data);
  std::string_view text = input.text;
  if (Trim(text).empty()) {
    return Error::InvalidArgument("this file is empty; " + std::string(kHowToExport));
  }
  if (formats_internal::LooksLikeZip(text)) {
    return Error::InvalidArgument(
        "this is a spreadsheet workbook, not CSV; save it as CSV UTF-8 or import the "
        "Connections.csv LinkedIn sent");
  }
  std::optional<Header> header;
  auto reader = formats_internal::FindExportHeader(
      text,
      [&](const std::vector<std::string_view>& cells) {
        header = MatchHeader(cells);
        return header.has_value();
      },
      "re-export it from LinkedIn", "a LinkedIn connections export",
      "this is not a LinkedIn connections export: no header with First Name, Last Name and "
      "Connected On; " +
          std::string(kHowToExport));
  if (!reader) return reader.error();

  ParsedPeople out;
  // Growing a vector of 300,000 people by doubling moves them and touches
  // twice the memory. A row with a person in it is rarely under 32 bytes;
  // the cap bounds what a file of blank or skipped rows can make us reserve.
  out.people.reserve(
      std::min<size_t>({static_cast<size_t>(std::count(text.begin(), text.end(), '\n')),
                        text.size() / 32, 500'000}));
  std::vector<PendingDate> pending;
  const Header& h = *header;
  const char sep = reader->separator();
  auto cell = [&](Column c) -> std::string_view {
    int i = h.index[c];
    const auto& f = reader->fields();
    return (i >= 0 && static_cast<size_t>(i) < f.size()) ? f[i] : std::string_view();
  };
  std::string name;
  while (reader->Next()) {
    if (reader->blank()) continue;
    const int line = reader->line();
    if (reader->unterminated()) {
      out.rejected.push_back(
          {line,
           "a quoted cell that starts on this row never closes, so the rest of the file was "
           "read as one cell; add the missing \" or re-export the file"});
      break;
    }
    if (reader->fields().size() > h.width) {
      out.rejected.push_back({line, "this row has " + std::to_string(reader->fields().size()) +
                                        " cells but the header has " + std::to_string(h.width) +
                                        "; a name or company containing '" + std::string(1, sep) +
                                        "' must be in double quotes"});
      continue;
    }
    name.clear();
    name.append(cell(kFirst));
    name.push_back(' ');
    name.append(cell(kLast));
    // Built where it will stay (a record is 400 bytes: moving 300,000 of
    // them in costs), and taken back off when the row is not a person.
    ImportedPerson& p = out.people.emplace_back();
    p.line = line;
    p.name = CollapseSpaces(name);
    if (auto v = CollapseSpaces(cell(kCompany)); !v.empty()) p.org = std::move(v);
    if (auto v = CollapseSpaces(cell(kPosition)); !v.empty()) p.title = std::move(v);
    if (auto v = CollapseSpaces(cell(kEmail)); LooksLikeEmail(v)) p.email = std::move(v);
    if (auto v = CollapseSpaces(cell(kUrl)); !v.empty()) p.linkedin = std::move(v);
    const bool has_details = !p.name.empty() || p.org || p.title || p.email || p.linkedin;
    std::string_view date_cell = cell(kConnected);
    if (!has_details) {
      out.people.pop_back();
      if (!Trim(date_cell).empty()) {
        out.skipped.push_back(
            {line,
             "this row has only a connection date (the member hides their details), so "
             "there is nothing to import"});
      } else {
        out.skipped.push_back({line, "this row has no name, company, e-mail or profile URL"});
      }
      continue;
    }
    ParsedDate d = ParseConnectedOn(date_cell);
    if (d.kind == ParsedDate::kBad) {
      out.people.pop_back();
      out.rejected.push_back({line, BadDateReason(date_cell)});
      continue;
    }
    if (d.kind == ParsedDate::kDate) p.connected_on = d.date;
    if (d.kind == ParsedDate::kNumeric) {
      pending.push_back({out.people.size() - 1, d.a, d.b, d.year, std::string(Trim(date_cell))});
    }
  }

  if (!pending.empty()) {
    // "1/8/18" is 8 January in LinkedIn's own (US) export but 1 August in a
    // file re-saved by a European spreadsheet. One file uses one order, so
    // the cells that can only be read one way decide for all of them; with
    // no evidence, English headers mean month first, others day first.
    bool day_first_seen = false;
    bool month_first_seen = false;
    for (const PendingDate& pd : pending) {
      if (pd.a > 12 && pd.b <= 12) day_first_seen = true;
      if (pd.b > 12 && pd.a <= 12) month_first_seen = true;
    }
    bool day_first = !h.english;
    if (day_first_seen != month_first_seen) day_first = day_first_seen;
    std::vector<bool> drop(out.people.size(), false);
    bool any_drop = false;
    for (const PendingDate& pd : pending) {
      auto date = day_first ? MakeDate(pd.year, pd.b, pd.a) : MakeDate(pd.year, pd.a, pd.b);
      ImportedPerson& p = out.people[pd.person];
      if (date) {
        p.connected_on = date;
      } else {
        out.rejected.push_back({p.line, BadDateReason(pd.cell)});
        drop[pd.person] = true;
        any_drop = true;
      }
    }
    if (any_drop) {
      size_t w = 0;
      for (size_t r = 0; r < out.people.size(); ++r) {
        if (!drop[r]) {
          if (w != r) out.people[w] = std::move(out.people[r]);
          ++w;
        }
      }
      out.people.resize(w);
      std::stable_sort(out.rejected.begin(), out.rejected.end(),
                       [](const RowIssue& x, const RowIssue& y) { return x.line < y.line; });
    }
  }
  return out;
}

}  // namespace

Result<ParsedPeople> ParseLinkedInCsv(std::string_view data) {
  return formats_internal::Guarded([&] { return Parse(data); }, "this LinkedIn export",
                                   "re-export it from LinkedIn and try again");
}

}  // namespace rapport
