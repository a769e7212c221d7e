// Bringing a network in: parse another program's export (formats/), match
// each person against who is already here, add or merge, and say what
// happened to every row.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <set>
#include <unordered_map>

#include "rapport/app/app.h"
#include "rapport/app/contact_points.h"
#include "rapport/app/key_index.h"
#include "rapport/app/validate.h"
#include "rapport/formats/people.h"
#include "rapport/store/store.h"

namespace rapport {

using import_internal::Hash;
using import_internal::KeyArena;
using import_internal::KeyIndex;

std::optional<ImportFormat> ParseImportFormat(std::string_view s) {
  if (s == "linkedin") return ImportFormat::kLinkedIn;
  if (s == "vcard") return ImportFormat::kVCard;
  if (s == "google") return ImportFormat::kGoogle;
  return std::nullopt;
}

std::string_view ToString(ImportFormat f) {
  switch (f) {
    case ImportFormat::kLinkedIn: return "linkedin";
    case ImportFormat::kVCard: return "vcard";
    case ImportFormat::kGoogle: return "google";
  }
  return "linkedin";
}

std::optional<ImportFormat> DetectImportFormat(std::string_view data) {
  // The first lines are enough: a LinkedIn header comes after a three-line
  // preamble at most, and a vCard file starts with its first card.
  std::string head = FoldCase(data.substr(0, 4096));
  size_t lines = 0, pos = 0;
  while (pos < head.size() && lines < 12) {
    size_t end = head.find('\n', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view line(head.data() + pos, end - pos);
    if (line.find("begin:vcard") != std::string_view::npos) return ImportFormat::kVCard;
    if (line.find("connected on") != std::string_view::npos &&
        line.find("first name") != std::string_view::npos) {
      return ImportFormat::kLinkedIn;
    }
    if (line.find("e-mail 1 - value") != std::string_view::npos ||
        line.find("given name") != std::string_view::npos) {
      return ImportFormat::kGoogle;
    }
    pos = end + 1;
    ++lines;
  }
  return std::nullopt;
}

namespace {

// A vCard category or Google label as a tag: one word, no system labels.
std::optional<std::string> CategoryTag(std::string_view cat) {
  std::string t = Trim(cat);
  if (t.empty() || t[0] == '*' || FoldCase(t) == "mycontacts" || FoldCase(t) == "starred") {
    return std::nullopt;
  }
  for (char& c : t) {
    if (c == ' ' || c == ',' || c == '\t') c = '-';
  }
  return t;
}

// Case-folded, single spaces, trimmed: how names of people and organizations
// are compared. Appended to `out`: no new string per key.
void AppendMatchKey(std::string_view s, std::string& out) {
  const size_t at = out.size();
  bool space = false;
  for (char c : TrimView(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && out.size() > at) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

// A person an incoming row can match, by the keys it is matched on (views
// into a KeyArena).
struct Candidate {
  Id id = 0;
  std::optional<Id> org_id;
  std::string_view name_key;  // the name's match key
  std::optional<std::string_view> email_key, linkedin_key;
};

// Fills `ours` from `theirs` when empty; notes a conflict when both differ.
void FillField(const char* field, std::optional<std::string>& ours,
               const std::optional<std::string>& theirs, ImportMerge& m, bool fold = false) {
  if (!theirs || Trim(*theirs).empty()) return;
  if (!ours) {
    ours = theirs;
    m.filled.push_back(field);
    return;
  }
  bool same = fold ? FoldCase(*ours) == FoldCase(*theirs) : *ours == *theirs;
  if (!same) {
    m.conflicts.push_back(std::string(field) + ": kept '" + *ours + "'; the file says '" +
                          *theirs + "'");
  }
}

bool SameText(const std::optional<std::string>& theirs, const std::optional<std::string>& ours) {
  return !theirs || (ours && FoldCase(*theirs) == FoldCase(*ours));
}

// True when the row `c` says nothing about `ours` that ours does not say
// already (its tags, source and degree aside: they describe how the seeker
// files people, not who they are): a row matched only by name is then the
// same record again, not perhaps someone else with that name.
bool SaysNothingNew(const Contact& c, const Contact& ours) {
  for (const auto& e : AllPoints(c.email, "", c.other_emails)) {
    if (!HasPoint(ours.email, ours.other_emails, e.value, true)) return false;
  }
  for (const auto& t : AllPoints(c.phone, "", c.other_phones)) {
    if (!HasPoint(ours.phone, ours.other_phones, t.value, false)) return false;
  }
  if (c.linkedin && (!ours.linkedin || LinkedInKey(*c.linkedin) != LinkedInKey(*ours.linkedin))) {
    return false;
  }
  if (c.connected_at && ours.connected_at != c.connected_at) return false;
  return SameText(c.title, ours.title) && SameText(c.location, ours.location) &&
         SameText(c.note, ours.note);
}

}  // namespace

std::vector<ImportRowGroup> GroupByReason(const std::vector<ImportRow>& rows) {
  std::vector<ImportRowGroup> groups;
  for (const auto& r : rows) {
    auto g = std::find_if(groups.begin(), groups.end(),
                          [&](const ImportRowGroup& x) { return x.reason == r.reason; });
    if (g == groups.end()) {
      groups.push_back({r.reason, {}});
      g = groups.end() - 1;
    }
    g->lines.push_back(r.line);
  }
  return groups;
}

Result<ImportReport> DataInOut::Import(std::string_view data, const ImportOptions& options) {
  Result<ParsedPeople> parsed = Error::InvalidArgument("");
  switch (options.format) {
    case ImportFormat::kLinkedIn:
      parsed = ParseLinkedInCsv(data);
      break;
    case ImportFormat::kVCard:
      parsed = ParseVCard(data);
      break;
    case ImportFormat::kGoogle:
      parsed = ParseGoogleCsv(data);
      break;
  }
  if (!parsed) return parsed.error();
  ImportReport report;
  for (const auto& r : parsed->rejected) report.rejected.push_back({r.line, r.reason});
  for (const auto& r : parsed->skipped) report.skipped.push_back({r.line, r.reason});
  std::vector<std::string> extra_tags;
  for (const auto& t : options.tags) {
    RAPPORT_ASSIGN_OR_RETURN(auto clean, CleanTag(t));
    extra_tags.push_back(clean);
  }

  // Check every person before writing anything, cleaning their text in
  // place: the contacts are made from it later by moves, not copies, and
  // no second array of 300,000 records is built.
  std::vector<ImportedPerson>& rows = parsed->people;
  std::vector<std::uint32_t> good;  // indexes into `rows` of those to import
  good.reserve(rows.size());
  // Trimmed, on one line; nothing when blank.
  auto line_field = [](std::optional<std::string>& v) {
    if (!v) return;
    const std::string_view t = TrimView(*v);
    if (t.empty()) {
      v.reset();
      return;
    }
    if (t.size() != v->size()) *v = std::string(t);
    for (char& ch : *v) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    ImportedPerson& p = rows[i];
    // Someone known only by their address is shown under it, as address
    // books do.
    if (TrimView(p.name).empty() && p.email && !TrimView(*p.email).empty()) {
      p.name = Trim(*p.email);
    }
    if (TrimView(p.name).empty()) {
      if (p.org && !TrimView(*p.org).empty()) {
        report.skipped.push_back({p.line, "no name or e-mail address, only an organization"});
      } else {
        report.skipped.push_back({p.line, "no name or e-mail address"});
      }
      continue;
    }
    auto reject = [&](const Error& why) { report.rejected.push_back({p.line, why.message()}); };
    if (auto ok = CleanNameInPlace(p.name, "the name"); !ok) {
      reject(ok.error());
      continue;
    }
    if (p.email) {
      if (auto ok = CleanEmailInPlace(*p.email); !ok) {
        reject(ok.error());
        continue;
      }
    }
    // Secondary addresses count only when valid.
    std::erase_if(p.other_emails,
                  [](ContactPoint& e) { return !CleanEmailInPlace(e.value).ok(); });
    for (ContactPoint& t : p.other_phones) {
      std::optional<std::string> v = std::move(t.value);
      line_field(v);
      t.value = v.value_or("");
    }
    std::erase_if(p.other_phones, [](const ContactPoint& t) { return t.value.empty(); });
    if (p.linkedin) {
      if (auto ok = CleanUrlInPlace(*p.linkedin, "the LinkedIn URL"); !ok) {
        reject(ok.error());
        continue;
      }
    }
    line_field(p.title);
    line_field(p.phone);
    line_field(p.location);
    if (p.note) {
      if (TrimView(*p.note).empty()) {
        p.note.reset();
      } else if (TrimView(*p.note).size() != p.note->size()) {
        p.note = Trim(*p.note);
      }
    }
    line_field(p.org);
    good.push_back(static_cast<std::uint32_t>(i));
  }
  if (!report.rejected.empty() && !options.keep_going) {
    std::sort(report.rejected.begin(), report.rejected.end(),
              [](const ImportRow& a, const ImportRow& b) { return a.line < b.line; });
    return report;  // written = false: nothing imported
  }

  // A large import writes most of a fresh database: see BeginBulkWrite.
  constexpr size_t kBulkRows = 10'000;
  std::optional<BulkWrite> bulk;
  if (good.size() >= kBulkRows) bulk.emplace(db_);
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  const Instant now = Now();
  KeyArena arena;
  KeyArena org_arena;  // apart, so the few organization keys stay in cache
  std::string key;  // scratch for one key at a time
  // What is already here, keyed for matching, in memory: one read instead
  // of three lookups per row.
  RAPPORT_ASSIGN_OR_RETURN(auto existing_orgs, store_.ListOrganizations());
  struct OrgKey {
    std::string_view key;  // the name's match key
    Id id;
  };
  std::vector<OrgKey> org_keys;
  KeyIndex orgs;
  orgs.Reserve(existing_orgs.size() + good.size() / 8);
  for (const auto& o : existing_orgs) {
    key.clear();
    AppendMatchKey(o.name, key);
    orgs.Add(Hash(key), static_cast<std::uint32_t>(org_keys.size()));
    org_keys.push_back({org_arena.Keep(key), o.id});
  }
  existing_orgs.clear();
  RAPPORT_ASSIGN_OR_RETURN(auto keys, store_.ListContactKeys());
  // Everyone a row can match: who was here, then who this import adds.
  std::vector<Candidate> people;
  // The name-and-organization index is keyed by the name alone (lookups
  // confirm the organization): so a row's key is known before its
  // organization is, and its lookup can be prefetched.
  KeyIndex by_email, by_linkedin, by_name_org;
  const size_t existing = keys.size();
  const size_t expected = keys.size() + good.size();
  people.reserve(expected);
  by_email.Reserve(expected);
  by_linkedin.Reserve(expected);
  by_name_org.Reserve(expected);
  // Adds (or, after a merge, re-adds) person `who`'s keys to the indexes.
  auto remember = [&](std::uint32_t who) {
    const Candidate& k = people[who];
    if (k.email_key) by_email.Add(Hash(*k.email_key), who);
    if (k.linkedin_key) by_linkedin.Add(Hash(*k.linkedin_key), who);
    by_name_org.Add(Hash(k.name_key), who);
  };
  auto set_keys = [&](Candidate& k, std::string_view name, const std::optional<std::string>& email,
                      const std::optional<std::string>& linkedin) {
    key.clear();
    AppendMatchKey(name, key);
    k.name_key = arena.Keep(key);
    k.email_key.reset();
    k.linkedin_key.reset();
    if (email) {
      key.clear();
      AppendFoldCase(*email, key);
      k.email_key = arena.Keep(key);
    }
    if (linkedin) {
      key.clear();
      AppendLinkedInKey(*linkedin, key);
      k.linkedin_key = arena.Keep(key);
    }
  };
  // Addresses beyond a person's primary one, by who (the table keeps only
  // the primary in contact.email_key).
  std::unordered_map<std::uint32_t, std::vector<std::string_view>> extra_emails;
  auto has_email = [&](std::uint32_t who, std::string_view k) {
    if (people[who].email_key == k) return true;
    auto x = extra_emails.find(who);
    if (x == extra_emails.end()) return false;
    return std::find(x->second.begin(), x->second.end(), k) != x->second.end();
  };
  auto find_email = [&](std::string_view email) {
    key.clear();
    AppendFoldCase(email, key);
    return by_email.Find(Hash(key), [&](std::uint32_t who) { return has_email(who, key); });
  };
  auto add_other_key = [&](std::uint32_t who, std::string_view folded) {
    if (has_email(who, folded)) return;
    const std::string_view kept = arena.Keep(folded);
    extra_emails[who].push_back(kept);
    by_email.Add(Hash(kept), who);
  };
  auto add_other_email = [&](std::uint32_t who, std::string_view email) {
    std::string folded;
    AppendFoldCase(email, folded);
    add_other_key(who, folded);
  };
  for (const auto& k : keys) {
    Candidate c;
    c.id = k.id;
    c.org_id = k.org_id;
    key.clear();
    AppendMatchKey(k.name, key);
    c.name_key = arena.Keep(key);
    if (k.email_key) c.email_key = arena.Keep(*k.email_key);
    if (k.linkedin_key) c.linkedin_key = arena.Keep(*k.linkedin_key);
    people.push_back(c);
    const auto who = static_cast<std::uint32_t>(people.size() - 1);
    remember(who);
    for (const auto& e : k.other_email_keys) add_other_key(who, e);
  }
  keys = {};
  // Who this import has already added or matched, by the line that first
  // did: a later row that says the same is "repeated", not "unchanged".
  std::unordered_map<std::uint32_t, int> first_line;
  // (person, introducer's name) from Rapport's own vCards, linked at the end.
  std::vector<std::pair<Id, std::string>> introducers;

  // New people wait here and go in many rows per statement. Their ids are
  // given now, counting up as SQLite would, so the report can name them.
  // A row that matches someone still waiting sends the batch first, so the
  // merge reads and updates them like anyone else.
  RAPPORT_ASSIGN_OR_RETURN(Id next_id, store_.NextContactId());
  Id first_waiting = next_id;
  // New organizations wait too, and go first.
  RAPPORT_ASSIGN_OR_RETURN(Id next_org_id, store_.NextOrganizationId());
  std::vector<Organization> waiting_orgs;
  auto flush_orgs = [&]() -> Status {
    RAPPORT_RETURN_IF_ERROR(store_.InsertOrganizations(waiting_orgs, now));
    waiting_orgs.clear();
    return {};
  };
  std::vector<Contact> waiting;
  const size_t batch = store_.BulkBatchRows();
  waiting.reserve(batch);
  // A large import relative to the table builds the contact indexes once
  // at the end instead of inserting into them row by row. The one unique
  // index (email) stays enforced: matching already merges everyone with a
  // known address, and building it again fails the import if it did not.
  std::optional<std::vector<Database::IndexDefinition>> dropped;
  auto flush = [&]() -> Status {
    if (waiting.empty()) return flush_orgs();
    const size_t added = static_cast<size_t>(report.added);
    if (!dropped && added >= kBulkRows && 2 * added >= existing) {
      RAPPORT_ASSIGN_OR_RETURN(auto indexes, store_.DropContactIndexes());
      dropped = std::move(indexes);
    }
    RAPPORT_RETURN_IF_ERROR(flush_orgs());
    RAPPORT_RETURN_IF_ERROR(store_.InsertContacts(waiting, now));
    waiting.clear();
    first_waiting = next_id;
    return {};
  };

  // A person to compare a row with: still waiting to be written, or here.
  auto load = [&](std::uint32_t who) -> Result<Contact> {
    const Id id = people[who].id;
    if (id >= first_waiting) return waiting.at(static_cast<size_t>(id - first_waiting));
    RAPPORT_ASSIGN_OR_RETURN(auto found, store_.GetContact(id));
    if (!found) return Error::Storage("contact " + std::to_string(id) + " vanished");
    return std::move(*found);
  };
  std::set<std::string> tag_set(extra_tags.begin(), extra_tags.end());
  const std::vector<std::string> base_tags(tag_set.begin(), tag_set.end());
  // Each row's keys are worked out a few rows ahead, and the index entries
  // they will read are prefetched meanwhile.
  struct RowKeys {
    std::string org, email, linkedin, name;
    std::uint64_t org_hash = 0, email_hash = 0, linkedin_hash = 0, name_hash = 0;
  };
  constexpr size_t kAhead = 8;
  std::array<RowKeys, 2 * kAhead> ahead;
  auto work_out = [&](size_t j) {
    const ImportedPerson& p = rows[good[j]];
    RowKeys& k = ahead[j % ahead.size()];
    k.org.clear();
    k.email.clear();
    k.linkedin.clear();
    k.name.clear();
    if (p.org) {
      AppendMatchKey(*p.org, k.org);
      k.org_hash = Hash(k.org);
      orgs.Prefetch(k.org_hash);
    }
    if (p.email) {
      AppendFoldCase(*p.email, k.email);
      k.email_hash = Hash(k.email);
      by_email.Prefetch(k.email_hash);
    }
    if (p.linkedin) {
      AppendLinkedInKey(*p.linkedin, k.linkedin);
      k.linkedin_hash = Hash(k.linkedin);
      by_linkedin.Prefetch(k.linkedin_hash);
    }
    AppendMatchKey(p.name, k.name);
    k.name_hash = Hash(k.name);
    by_name_org.Prefetch(k.name_hash);
  };
  for (size_t j = 0; j < kAhead && j < good.size(); ++j) work_out(j);
  size_t done = 0;
  for (size_t j = 0; j < good.size(); ++j) {
    if (j + kAhead < good.size()) work_out(j + kAhead);
    const RowKeys& keys_of_row = ahead[j % ahead.size()];
    ImportedPerson& p = rows[good[j]];
    Contact c;
    c.name = std::move(p.name);
    c.email = std::move(p.email);
    c.linkedin = std::move(p.linkedin);
    c.title = std::move(p.title);
    c.phone = std::move(p.phone);
    c.location = std::move(p.location);
    c.note = std::move(p.note);
    c.connected_at = p.connected_on;
    if (options.format == ImportFormat::kLinkedIn) {
      c.source = Source::kLinkedin;
      c.degree = Degree::kFirst;
    }
    if (p.categories.empty()) {
      c.tags = base_tags;
    } else {
      std::set<std::string> tags = tag_set;
      for (const auto& cat : p.categories) {
        if (auto t = CategoryTag(cat)) tags.insert(*t);
      }
      c.tags.assign(tags.begin(), tags.end());
    }
    c.email_label = std::move(p.email_label);
    c.phone_label = std::move(p.phone_label);
    c.other_emails = std::move(p.other_emails);
    c.other_phones = std::move(p.other_phones);
    if (p.source) c.source = ParseSource(FoldCase(*p.source));
    if (p.degree) c.degree = ParseDegree(FoldCase(*p.degree));
    if (p.org && !p.org->empty()) {
      const std::string& org_key = keys_of_row.org;
      auto o = orgs.Find(keys_of_row.org_hash,
                         [&](std::uint32_t i) { return org_keys[i].key == org_key; });
      if (!o) {
        Organization& org = waiting_orgs.emplace_back();
        org.id = next_org_id++;
        org.name = *p.org;
        o = static_cast<std::uint32_t>(org_keys.size());
        org_keys.push_back({org_arena.Keep(org_key), org.id});
        orgs.Add(keys_of_row.org_hash, *o);
        ++report.organizations_added;
      }
      c.org_id = org_keys[*o].id;
      c.org_name = std::move(*p.org);
    }
    // The row's keys, worked out above, are kept from there if this is
    // someone new.
    std::optional<std::uint32_t> match;
    std::string matched_by;
    const std::string& email_key = keys_of_row.email;
    const std::string& linkedin_key = keys_of_row.linkedin;
    const std::string& name_key = keys_of_row.name;
    if (c.email) {
      match = by_email.Find(keys_of_row.email_hash,
                            [&](std::uint32_t who) { return has_email(who, email_key); });
      if (match) matched_by = "email";
    }
    for (size_t i = 0; !match && i < c.other_emails.size(); ++i) {
      match = find_email(c.other_emails[i].value);
      if (match) matched_by = "email";
    }
    if (!match && c.linkedin) {
      match = by_linkedin.Find(keys_of_row.linkedin_hash, [&](std::uint32_t who) {
        return people[who].linkedin_key == std::string_view(linkedin_key);
      });
      if (match) matched_by = "linkedin";
    }
    std::optional<std::uint32_t> namesake;  // same name, not proven the same person
    if (!match) {
      // Everyone with this name at this organization (or both with none),
      // except those with another LinkedIn profile: a profile is a person.
      std::vector<std::uint32_t> same_name;
      by_name_org.Find(keys_of_row.name_hash, [&](std::uint32_t who) {
        const Candidate& k = people[who];
        if (k.name_key != name_key || k.org_id != c.org_id) return false;
        if (c.linkedin && k.linkedin_key && *k.linkedin_key != std::string_view(linkedin_key)) {
          return false;
        }
        same_name.push_back(who);
        return false;
      });
      // The newest first, as before; the one this row says nothing new
      // about is this row again.
      for (auto it = same_name.rbegin(); !match && it != same_name.rend(); ++it) {
        RAPPORT_ASSIGN_OR_RETURN(Contact ours, load(*it));
        if (SaysNothingNew(c, ours)) {
          match = *it;
          matched_by = "name and organization";
        }
      }
      if (!match && !same_name.empty()) namesake = same_name.back();
    }
    if (!match) {
      c.id = next_id++;
      ++report.added;
      const auto who = static_cast<std::uint32_t>(people.size());
      Candidate k;
      k.id = c.id;
      k.org_id = c.org_id;
      k.name_key = arena.Keep(name_key);
      if (c.email) k.email_key = arena.Keep(email_key);
      if (c.linkedin) k.linkedin_key = arena.Keep(linkedin_key);
      people.push_back(k);
      for (const auto& e : c.other_emails) add_other_email(who, e.value);
      if (k.email_key) by_email.Add(keys_of_row.email_hash, who);
      if (k.linkedin_key) by_linkedin.Add(keys_of_row.linkedin_hash, who);
      by_name_org.Add(keys_of_row.name_hash, who);
      first_line.emplace(who, p.line);
      if (namesake) {
        report.possible_duplicates.push_back(
            {p.line, c.id, people[*namesake].id, c.name,
             c.org_id ? "same name at " + c.org_name : std::string("same name, no organization")});
      }
      if (p.introducer) introducers.emplace_back(c.id, std::move(*p.introducer));
      waiting.push_back(std::move(c));
      if (waiting.size() == batch) RAPPORT_RETURN_IF_ERROR(flush());
    } else {
      const Id match_id = people[*match].id;
      // Merging reads and writes the database: everyone waiting goes first.
      RAPPORT_RETURN_IF_ERROR(match_id >= first_waiting ? flush() : flush_orgs());
      RAPPORT_ASSIGN_OR_RETURN(auto found, store_.GetContact(match_id));
      if (!found) return Error::Storage("contact " + std::to_string(match_id) + " vanished");
      Contact ours = std::move(*found);
      ImportMerge m;
      m.line = p.line;
      m.contact_id = ours.id;
      m.name = ours.name;
      m.matched_by = matched_by;
      if (!ours.org_id && c.org_id) {
        ours.org_id = c.org_id;
        ours.org_name = c.org_name;
        m.filled.push_back("organization");
      } else if (ours.org_id && c.org_id && *ours.org_id != *c.org_id) {
        m.conflicts.push_back("organization: kept '" + ours.org_name + "'; the file says '" +
                              c.org_name + "'");
      }
      FillField("title", ours.title, c.title, m);
      // Every address and number the row has is kept: the first fills an
      // empty primary, the rest join the others. An address that is
      // someone else's stays theirs.
      // A value we have without a label takes the row's label for it.
      auto take_label = [&m](std::string& label, const ContactPoint& theirs, const char* what) {
        if (!label.empty() || theirs.label.empty()) return;
        label = theirs.label;
        m.filled.push_back(std::string(what) + " label " + theirs.label);
      };
      for (ContactPoint& e : AllPoints(c.email, c.email_label, c.other_emails)) {
        if (std::string* label =
                FindLabel(ours.email, ours.email_label, ours.other_emails, e.value, true)) {
          take_label(*label, e, "email");
          continue;
        }
        if (auto other = find_email(e.value); other && *other != *match) {
          m.conflicts.push_back("email: '" + e.value + "' is #" +
                                std::to_string(people[*other].id) + "'s; not added here");
          continue;
        }
        m.filled.push_back("email " + e.value);
        AddPoint(ours.email, ours.email_label, ours.other_emails, std::move(e));
      }
      for (ContactPoint& t : AllPoints(c.phone, c.phone_label, c.other_phones)) {
        if (std::string* label =
                FindLabel(ours.phone, ours.phone_label, ours.other_phones, t.value, false)) {
          take_label(*label, t, "phone");
          continue;
        }
        m.filled.push_back("phone " + t.value);
        AddPoint(ours.phone, ours.phone_label, ours.other_phones, std::move(t));
      }
      if (!ours.linkedin && c.linkedin) {
        ours.linkedin = c.linkedin;
        m.filled.push_back("linkedin");
      } else if (ours.linkedin && c.linkedin &&
                 LinkedInKey(*ours.linkedin) != LinkedInKey(*c.linkedin)) {
        m.conflicts.push_back("linkedin: kept '" + *ours.linkedin + "'; the file says '" +
                              *c.linkedin + "'");
      }
      FillField("location", ours.location, c.location, m);
      FillField("note", ours.note, c.note, m);
      if (!ours.connected_at && c.connected_at) {
        ours.connected_at = c.connected_at;
        m.filled.push_back("connected_on");
      }
      if (!ours.source && c.source) {
        ours.source = c.source;
        m.filled.push_back("source");
      }
      if (!ours.degree && c.degree) {
        ours.degree = c.degree;
        m.filled.push_back("degree");
      }
      std::set<std::string> tags(ours.tags.begin(), ours.tags.end());
      bool new_tag = false;
      for (const auto& t : c.tags) new_tag |= tags.insert(t).second;
      if (new_tag) {
        ours.tags.assign(tags.begin(), tags.end());
        m.filled.push_back("tags");
      }
      if (p.introducer && !ours.introducer_id) {
        introducers.emplace_back(ours.id, std::move(*p.introducer));
      }
      auto earlier = first_line.find(*match);
      if (!m.changed()) {
        if (earlier != first_line.end() && m.conflicts.empty()) {
          report.repeated.push_back({p.line, "the same as line " + std::to_string(earlier->second)});
        } else {
          ++report.unchanged;
          if (!m.conflicts.empty()) report.merges.push_back(std::move(m));
        }
      } else {
        RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(ours, now));
        Candidate& k = people[*match];
        k.org_id = ours.org_id;
        set_keys(k, ours.name, ours.email, ours.linkedin);
        for (const auto& e : ours.other_emails) add_other_email(*match, e.value);
        remember(*match);
        ++report.merged;
        report.merges.push_back(std::move(m));
      }
      if (earlier == first_line.end()) first_line.emplace(*match, p.line);
    }
    if (options.progress && (++done % 2000 == 0 || done == good.size())) {
      options.progress(done, good.size());
    }
  }
  RAPPORT_RETURN_IF_ERROR(flush());
  // Introducers named in Rapport's own vCards, once everyone is in: the one
  // person here with that name, if there is exactly one.
  for (const auto& link : introducers) {
    // Named, not a structured binding: clang 14 cannot capture one.
    const Id id = link.first;
    const std::string& name = link.second;
    key.clear();
    AppendMatchKey(name, key);
    std::optional<Id> found;
    int count = 0;
    by_name_org.Find(Hash(key), [&](std::uint32_t who) {
      if (people[who].name_key != key || people[who].id == id) return false;
      if (found != people[who].id) ++count;
      found = people[who].id;
      return false;
    });
    if (count == 1) RAPPORT_RETURN_IF_ERROR(store_.SetIntroducer(id, *found));
  }
  if (dropped) RAPPORT_RETURN_IF_ERROR(store_.CreateIndexes(*dropped));
  // New people and organizations got ids of ours: the engine's own
  // numbering continues after them.
  RAPPORT_RETURN_IF_ERROR(db_.SyncIds());
  std::sort(report.rejected.begin(), report.rejected.end(),
            [](const ImportRow& a, const ImportRow& b) { return a.line < b.line; });
  std::sort(report.skipped.begin(), report.skipped.end(),
            [](const ImportRow& a, const ImportRow& b) { return a.line < b.line; });
  std::sort(report.repeated.begin(), report.repeated.end(),
            [](const ImportRow& a, const ImportRow& b) { return a.line < b.line; });
  if (options.dry_run) return report;  // the transaction rolls back
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  report.written = true;
  return report;
}

}  // namespace rapport
