// Google Contacts CSV, both the older export (Name, Given Name, ...,
// Group Membership, E-mail 1 - Type) and the current one (First Name,
// Middle Name, Last Name, ..., Labels, E-mail 1 - Label). Parsed by hand with
// the shared CSV reader: no library on this machine knows the format.
//
// Google writes several values into one cell separated by " ::: " and marks
// the primary value's type with a leading "* " ("* Work").
#include <algorithm>
#include <exception>
#include <map>
#include <new>

#include "rapport/formats/csv.h"
#include "rapport/formats/people.h"
#include "rapport/formats/text.h"

namespace rapport {

namespace {

using formats_internal::CollapseSpaces;
using formats_internal::CsvReader;
using formats_internal::EqualsIgnoreCase;
using formats_internal::HeaderKey;
using formats_internal::Trim;

constexpr std::string_view kHowToExport =
    "in Google Contacts choose Export > Google CSV and import that file";

// One numbered group of columns, e.g. "E-mail 2 - Type" + "E-mail 2 - Value".
struct Slot {
  int number = 0;
  int type = -1;  // "- Type" (old) or "- Label" (new)
  int value = -1;
  int city = -1, region = -1, country = -1;  // addresses only
};

struct Header {
  size_t width = 0;
  int name = -1, given = -1, additional = -1, family = -1, prefix = -1, suffix = -1;
  int org = -1, title = -1, notes = -1, groups = -1;
  std::vector<Slot> emails, phones, addresses, websites;
};

using SlotMap = std::map<int, Slot>;  // by number, so slots come out in order

// Google has no more than a handful of each; anything past this is not a
// real export and is not worth the time.
constexpr size_t kMaxValues = 100;

// "e-mail 2 - value" -> ("e-mail", 2, "value").
bool SplitNumbered(std::string_view key, std::string_view& kind, int& number,
                   std::string_view& field) {
  size_t dash = key.find(" - ");
  if (dash == std::string_view::npos) return false;
  std::string_view left = key.substr(0, dash);
  field = key.substr(dash + 3);
  size_t sp = left.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view digits = left.substr(sp + 1);
  if (digits.empty() || digits.size() > 4) return false;
  number = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    number = number * 10 + (c - '0');
  }
  kind = left.substr(0, sp);
  return true;
}

std::optional<Header> MatchHeader(const std::vector<std::string_view>& cells) {
  Header h;
  h.width = cells.size();
  bool google_only = false;  // a column no other program's CSV has
  SlotMap emails, phones, addresses, websites;
  auto set = [](int& slot, size_t i) {
    if (slot < 0) slot = static_cast<int>(i);
  };
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string key = HeaderKey(cells[i]);
    std::string_view kind, field;
    int number = 0;
    if (key == "name") {
      set(h.name, i);
    } else if (key == "given name" || key == "first name") {
      set(h.given, i);
    } else if (key == "additional name" || key == "middle name") {
      set(h.additional, i);
    } else if (key == "family name" || key == "last name") {
      set(h.family, i);
    } else if (key == "name prefix") {
      set(h.prefix, i);
    } else if (key == "name suffix") {
      set(h.suffix, i);
    } else if (key == "organization name") {
      set(h.org, i);
      google_only = true;
    } else if (key == "organization title") {
      set(h.title, i);
    } else if (key == "notes") {
      set(h.notes, i);
    } else if (key == "group membership" || key == "labels") {
      set(h.groups, i);
      google_only = true;
    } else if (key == "file as" || key == "phonetic first name" || key == "given name yomi") {
      google_only = true;
    } else if (SplitNumbered(key, kind, number, field)) {
      SlotMap* slots = nullptr;
      if (kind == "e-mail") slots = &emails;
      if (kind == "phone") slots = &phones;
      if (kind == "address") slots = &addresses;
      if (kind == "website") slots = &websites;
      if (kind == "organization") {
        if (number == 1 && field == "name") set(h.org, i);
        if (number == 1 && field == "title") set(h.title, i);
        google_only = true;
        continue;
      }
      if (slots == nullptr) continue;
      google_only = true;
      Slot& s = (*slots)[number];
      s.number = number;
      if (field == "value") set(s.value, i);
      if (field == "type" || field == "label") set(s.type, i);
      if (field == "city") set(s.city, i);
      if (field == "region") set(s.region, i);
      if (field == "country") set(s.country, i);
    }
  }
  if (!google_only || (h.name < 0 && h.given < 0 && h.family < 0)) return std::nullopt;
  auto flatten = [](const SlotMap& m, std::vector<Slot>& v) {
    for (const auto& [number, slot] : m) {
      if (v.size() < kMaxValues) v.push_back(slot);
    }
  };
  flatten(emails, h.emails);
  flatten(phones, h.phones);
  flatten(addresses, h.addresses);
  flatten(websites, h.websites);
  return h;
}

// Calls f for each trimmed, non-empty value of a " ::: " list.
template <class F>
void ForEachValue(std::string_view cell, F f) {
  while (true) {
    size_t sep = cell.find(":::");
    std::string_view part = Trim(cell.substr(0, sep));
    if (!part.empty()) f(part);
    if (sep == std::string_view::npos) break;
    cell.remove_prefix(sep + 3);
  }
}

std::string_view FirstValue(std::string_view cell) {
  std::string_view first;
  ForEachValue(cell, [&](std::string_view v) {
    if (first.empty()) first = v;
  });
  return first;
}

bool IsPrimary(std::string_view type) { return !Trim(type).empty() && Trim(type)[0] == '*'; }

Result<ParsedPeople> Parse(std::string_view data) {
  formats_internal::CsvText input = formats_internal::PrepareCsvText(data);
  std::string_view text = input.text;
  if (Trim(text).empty()) {
    return Error::InvalidArgument("this file is empty; " + std::string(kHowToExport));
  }
  if (formats_internal::LooksLikeZip(text)) {
    return Error::InvalidArgument(
        "this is a spreadsheet workbook, not CSV; save it as CSV UTF-8 or " +
        std::string(kHowToExport));
  }
  std::optional<Header> header;
  auto reader = formats_internal::FindExportHeader(
      text,
      [&](const std::vector<std::string_view>& cells) {
        header = MatchHeader(cells);
        return header.has_value();
      },
      "export it from Google Contacts again", "a Google Contacts CSV",
      "this is not a Google Contacts CSV: no header with Name or First Name and Google's "
      "E-mail 1 - Value style columns; " +
          std::string(kHowToExport));
  if (!reader) return reader.error();

  const Header& h = *header;
  ParsedPeople out;
  auto cell = [&](int i) -> std::string_view {
    const auto& f = reader->fields();
    return (i >= 0 && static_cast<size_t>(i) < f.size()) ? f[i] : std::string_view();
  };
  // Primary first, then in column order, each with its slot's label;
  // duplicates (case-insensitive for addresses) dropped.
  auto collect = [&](const std::vector<Slot>& slots, bool fold_case,
                     std::optional<std::string>& primary, std::string& primary_label,
                     std::vector<ContactPoint>& others) {
    std::vector<ContactPoint> all;
    size_t first_primary = std::string::npos;
    for (const Slot& s : slots) {
      bool prim = IsPrimary(cell(s.type));
      const std::string label = NormalizeLabel(cell(s.type));
      ForEachValue(cell(s.value), [&](std::string_view raw) {
        if (all.size() >= kMaxValues) return;
        std::string v = CollapseSpaces(raw);
        if (v.empty()) return;
        for (const ContactPoint& seen : all) {
          if (fold_case ? EqualsIgnoreCase(seen.value, v) : seen.value == v) return;
        }
        if (prim && first_primary == std::string::npos) first_primary = all.size();
        all.push_back({std::move(v), label});
      });
    }
    if (all.empty()) return;
    size_t p = first_primary == std::string::npos ? 0 : first_primary;
    primary = all[p].value;
    primary_label = all[p].label;
    for (size_t i = 0; i < all.size(); ++i) {
      if (i != p) others.push_back(std::move(all[i]));
    }
  };

  while (reader->Next()) {
    if (reader->blank()) continue;
    const int line = reader->line();
    if (reader->unterminated()) {
      out.rejected.push_back(
          {line,
           "a quoted cell that starts on this row never closes, so the rest of the file was "
           "read as one cell; add the missing \" or export the file again"});
      break;
    }
    if (reader->fields().size() > h.width) {
      out.rejected.push_back({line, "this row has " + std::to_string(reader->fields().size()) +
                                        " cells but the header has " + std::to_string(h.width) +
                                        "; a value containing '" +
                                        std::string(1, reader->separator()) +
                                        "' must be in double quotes"});
      continue;
    }
    ImportedPerson p;
    p.line = line;
    p.name = CollapseSpaces(cell(h.name));
    if (p.name.empty()) {
      std::string parts;
      for (int i : {h.prefix, h.given, h.additional, h.family, h.suffix}) {
        parts.append(cell(i));
        parts.push_back(' ');
      }
      p.name = CollapseSpaces(parts);
    }
    if (auto v = CollapseSpaces(FirstValue(cell(h.org))); !v.empty()) p.org = std::move(v);
    if (auto v = CollapseSpaces(FirstValue(cell(h.title))); !v.empty()) p.title = std::move(v);
    if (auto v = formats_internal::NormalizeNewlines(cell(h.notes)); !v.empty()) {
      p.note = std::move(v);
    }
    collect(h.emails, true, p.email, p.email_label, p.other_emails);
    collect(h.phones, false, p.phone, p.phone_label, p.other_phones);
    for (const Slot& s : h.websites) {
      ForEachValue(cell(s.value), [&](std::string_view v) {
        if (!p.linkedin && formats_internal::ContainsIgnoreCase(v, "linkedin.com")) {
          p.linkedin = CollapseSpaces(v);
        }
      });
    }
    // The primary address's city and region, else its country.
    const Slot* best = nullptr;
    for (const Slot& s : h.addresses) {
      bool has = !FirstValue(cell(s.city)).empty() || !FirstValue(cell(s.region)).empty() ||
                 !FirstValue(cell(s.country)).empty();
      if (!has) continue;
      if (best == nullptr || (IsPrimary(cell(s.type)) && !IsPrimary(cell(best->type)))) best = &s;
    }
    if (best != nullptr) {
      std::string city = CollapseSpaces(FirstValue(cell(best->city)));
      std::string region = CollapseSpaces(FirstValue(cell(best->region)));
      std::string loc = city;
      if (!region.empty()) loc += (loc.empty() ? "" : ", ") + region;
      if (loc.empty()) loc = CollapseSpaces(FirstValue(cell(best->country)));
      if (!loc.empty()) p.location = std::move(loc);
    }
    ForEachValue(cell(h.groups), [&](std::string_view g) {
      // "* myContacts" (new) / "* My Contacts" (old) holds every contact and
      // says nothing; other system groups ("* starred", "* Friends") do.
      if (g[0] == '*') g = Trim(g.substr(1));
      if (p.categories.size() >= kMaxValues) return;
      if (g.empty() || EqualsIgnoreCase(g, "myContacts") || EqualsIgnoreCase(g, "My Contacts")) {
        return;
      }
      std::string cat = CollapseSpaces(g);
      if (cat.empty()) return;
      for (const std::string& c : p.categories) {
        if (c == cat) return;
      }
      p.categories.push_back(std::move(cat));
    });
    if (p.name.empty() && !p.org && !p.title && !p.email && !p.phone && !p.linkedin && !p.note &&
        !p.location) {
      out.skipped.push_back({line, "this row has no name, e-mail, phone or organization"});
      continue;
    }
    out.people.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Result<ParsedPeople> ParseGoogleCsv(std::string_view data) {
  return formats_internal::Guarded([&] { return Parse(data); }, "this Google Contacts CSV",
                                   "export it from Google Contacts again");
}

}  // namespace rapport
