// Bringing a network in: parse another program's export (formats/), match
// each person against who is already here, add or merge, and say what
// happened to every row.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "rapport/app/app.h"
#include "rapport/app/validate.h"
#include "rapport/formats/people.h"

namespace rapport {

std::optional<ImportFormat> ParseImportFormat(std::string_view s) {
  if (s == "linkedin") return ImportFormat::kLinkedIn;
  if (s == "vcard") return ImportFormat::kVCard;
  if (s == "google") return ImportFormat::kGoogle;
  return std::nullopt;
}

namespace {

// Case-folded, single spaces, trimmed: how names of people and organizations
// are compared.
std::string MatchKey(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : FoldCase(Trim(s))) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string NameOrgKey(std::string_view name, std::optional<Id> org) {
  return MatchKey(name) + '\x1f' + (org ? std::to_string(*org) : "");
}

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

// Who is already here (or was added earlier in this import), by one kind
// of key. Keys are stored as 64-bit hashes: the maps stay small and a
// lookup costs one or two cache misses instead of a string compare on the
// heap (a 300,000-row import spent 14% of its time in string-keyed maps).
// A hash can collide, so a hit is only a candidate: the caller confirms it
// against the record.
class KeyIndex {
 public:
  void Reserve(size_t n) { map_.reserve(n); }
  void Add(std::string_view key, Id id) { map_.emplace(Hash(key), id); }
  template <class Confirm>
  std::optional<Id> Find(std::string_view key, Confirm confirm) const {
    auto [lo, hi] = map_.equal_range(Hash(key));
    for (auto it = lo; it != hi; ++it) {
      if (confirm(it->second)) return it->second;
    }
    return std::nullopt;
  }

 private:
  static std::uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  std::unordered_multimap<std::uint64_t, Id> map_;
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

}  // namespace

Result<ImportReport> App::Import(std::string_view data, const ImportOptions& options) {
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

  // Check every person before writing anything.
  struct Incoming {
    const ImportedPerson* from;
    Contact contact;
    std::string org_name;
    std::vector<std::string> emails;  // every address, for matching
  };
  std::vector<Incoming> incoming;
  incoming.reserve(parsed->people.size());
  for (const auto& p : parsed->people) {
    Incoming in{&p, {}, {}, {}};
    Contact& c = in.contact;
    auto reject = [&](const std::string& why) { report.rejected.push_back({p.line, why}); };
    if (Trim(p.name).empty()) {
      if (p.org && !Trim(*p.org).empty()) {
        report.skipped.push_back({p.line, "no name, only the organization '" + Trim(*p.org) + "'"});
      } else {
        report.skipped.push_back({p.line, "no name"});
      }
      continue;
    }
    auto name = CleanName(p.name, "the name");
    if (!name) {
      reject(name.error().message());
      continue;
    }
    c.name = *name;
    if (p.email) {
      auto e = CleanEmail(*p.email);
      if (!e) {
        reject(e.error().message());
        continue;
      }
      c.email = *e;
      in.emails.push_back(*e);
    }
    for (const auto& other : p.other_emails) {
      if (auto e = CleanEmail(other)) in.emails.push_back(*e);
    }
    if (p.linkedin) {
      auto u = CleanUrl(*p.linkedin, "the LinkedIn URL");
      if (!u) {
        reject(u.error().message());
        continue;
      }
      c.linkedin = *u;
    }
    auto line_field = [&](const std::optional<std::string>& v) -> std::optional<std::string> {
      if (!v || Trim(*v).empty()) return std::nullopt;
      std::string t = Trim(*v);
      for (char& ch : t) {
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
      }
      return t;
    };
    c.title = line_field(p.title);
    c.phone = line_field(p.phone);
    c.location = line_field(p.location);
    if (p.note && !Trim(*p.note).empty()) c.note = Trim(*p.note);
    c.connected_at = p.connected_on;
    if (options.format == ImportFormat::kLinkedIn) {
      c.source = Source::kLinkedin;
      c.degree = Degree::kFirst;
    }
    std::set<std::string> tags(extra_tags.begin(), extra_tags.end());
    for (const auto& cat : p.categories) {
      if (auto t = CategoryTag(cat)) tags.insert(*t);
    }
    c.tags.assign(tags.begin(), tags.end());
    if (p.org) in.org_name = line_field(p.org).value_or("");
    incoming.push_back(std::move(in));
  }
  if (!report.rejected.empty() && !options.keep_going) {
    std::sort(report.rejected.begin(), report.rejected.end(),
              [](const ImportRow& a, const ImportRow& b) { return a.line < b.line; });
    return report;  // written = false: nothing imported
  }

  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  const Instant now = Now();
  // What is already here, keyed for matching, in memory: one read instead
  // of three lookups per row.
  RAPPORT_ASSIGN_OR_RETURN(auto existing_orgs, store_.ListOrganizations());
  std::unordered_map<std::string, Id> org_by_key;
  for (const auto& o : existing_orgs) org_by_key[MatchKey(o.name)] = o.id;
  RAPPORT_ASSIGN_OR_RETURN(auto keys, store_.ListContactKeys());
  // The keys of every person, by id, to confirm index hits; people added by
  // this import are appended.
  std::unordered_map<Id, ContactKeys> known;
  KeyIndex by_email, by_linkedin, by_name_org;
  const size_t expected = keys.size() + incoming.size();
  known.reserve(expected);
  by_email.Reserve(expected);
  by_linkedin.Reserve(expected);
  by_name_org.Reserve(expected);
  auto remember = [&](ContactKeys k, const std::vector<std::string>& emails) {
    for (const auto& e : emails) by_email.Add(FoldCase(e), k.id);
    if (k.email_key) by_email.Add(*k.email_key, k.id);
    if (k.linkedin_key) by_linkedin.Add(*k.linkedin_key, k.id);
    by_name_org.Add(NameOrgKey(k.name, k.org_id), k.id);
    Id id = k.id;
    known.insert_or_assign(id, std::move(k));
  };
  for (auto& k : keys) remember(std::move(k), {});
  keys.clear();
  // Secondary addresses seen in this import, which the table does not keep.
  std::unordered_map<Id, std::vector<std::string>> extra_emails;
  auto has_email = [&](Id id, const std::string& key) {
    auto k = known.find(id);
    if (k != known.end() && k->second.email_key == key) return true;
    auto x = extra_emails.find(id);
    if (x == extra_emails.end()) return false;
    return std::find(x->second.begin(), x->second.end(), key) != x->second.end();
  };
  size_t done = 0;
  for (auto& in : incoming) {
    Contact& c = in.contact;
    if (!in.org_name.empty()) {
      auto key = MatchKey(in.org_name);
      auto it = org_by_key.find(key);
      if (it == org_by_key.end()) {
        Organization o;
        o.name = in.org_name;
        RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddOrganization(o, now));
        it = org_by_key.emplace(key, added.id).first;
        ++report.organizations_added;
      }
      c.org_id = it->second;
      c.org_name = in.org_name;
    }
    std::optional<Id> match;
    std::string matched_by;
    for (const auto& e : in.emails) {
      const std::string key = FoldCase(e);
      match = by_email.Find(key, [&](Id id) { return has_email(id, key); });
      if (match) {
        matched_by = "email";
        break;
      }
    }
    if (!match && c.linkedin) {
      const std::string key = LinkedInKey(*c.linkedin);
      match = by_linkedin.Find(key, [&](Id id) {
        auto k = known.find(id);
        return k != known.end() && k->second.linkedin_key == key;
      });
      if (match) matched_by = "linkedin";
    }
    if (!match) {
      const std::string key = NameOrgKey(c.name, c.org_id);
      match = by_name_org.Find(key, [&](Id id) {
        auto k = known.find(id);
        return k != known.end() && NameOrgKey(k->second.name, k->second.org_id) == key;
      });
      if (match) matched_by = "name and organization";
    }
    if (!match) {
      // Only the first address is stored (one per person in the table); the
      // others are remembered so later rows of this file match on them.
      RAPPORT_ASSIGN_OR_RETURN(Id added_id, store_.InsertContact(c, now));
      ++report.added;
      ContactKeys k;
      k.id = added_id;
      k.name = c.name;
      k.org_id = c.org_id;
      if (c.email) k.email_key = FoldCase(*c.email);
      if (c.linkedin) k.linkedin_key = LinkedInKey(*c.linkedin);
      if (in.emails.size() > 1) {
        auto& extra = extra_emails[added_id];
        for (const auto& e : in.emails) extra.push_back(FoldCase(e));
      }
      remember(std::move(k), in.emails);
    } else {
      RAPPORT_ASSIGN_OR_RETURN(auto found, store_.GetContact(*match));
      if (!found) return Error::Storage("contact " + std::to_string(*match) + " vanished");
      Contact ours = std::move(*found);
      ImportMerge m;
      m.line = in.from->line;
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
      if (!ours.email && c.email &&
          !by_email.Find(FoldCase(*c.email), [&](Id id) { return has_email(id, FoldCase(*c.email)); })) {
        ours.email = c.email;
        m.filled.push_back("email");
      } else if (ours.email && c.email && FoldCase(*ours.email) != FoldCase(*c.email) &&
                 matched_by != "email") {
        m.conflicts.push_back("email: kept '" + *ours.email + "'; the file says '" + *c.email +
                              "'");
      }
      FillField("phone", ours.phone, c.phone, m);
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
      if (m.filled.empty()) {
        ++report.unchanged;
        if (!m.conflicts.empty()) report.merges.push_back(std::move(m));
      } else {
        RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(ours, now));
        ContactKeys k;
        k.id = ours.id;
        k.name = ours.name;
        k.org_id = ours.org_id;
        if (ours.email) k.email_key = FoldCase(*ours.email);
        if (ours.linkedin) k.linkedin_key = LinkedInKey(*ours.linkedin);
        remember(std::move(k), {});
        ++report.merged;
        report.merges.push_back(std::move(m));
      }
    }
    if (options.progress && (++done % 2000 == 0 || done == incoming.size())) {
      options.progress(done, incoming.size());
    }
  }
  std::sort(report.rejected.begin(), report.rejected.end(),
            [](const ImportRow& a, const ImportRow& b) { return a.line < b.line; });
  std::sort(report.skipped.begin(), report.skipped.end(),
            [](const ImportRow& a, const ImportRow& b) { return a.line < b.line; });
  if (options.dry_run) return report;  // the transaction rolls back
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  report.written = true;
  return report;
}

Result<MergeResult> App::Merge(const std::string& survivor_ref, const std::string& other_ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto keep, ResolveContact(survivor_ref));
  RAPPORT_ASSIGN_OR_RETURN(auto other, ResolveContact(other_ref));
  if (keep.id == other.id) {
    return Error::InvalidArgument("both references name #" + std::to_string(keep.id) + " " +
                                  keep.name + "; give two different people");
  }
  auto fill = [](std::optional<std::string>& a, const std::optional<std::string>& b) {
    if (!a && b) a = b;
  };
  // The other's email must be free before the survivor can take it.
  std::optional<std::string> other_email = other.email;
  if (other.email) {
    other.email.reset();
    RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(other, Now()));
  }
  fill(keep.email, other_email);
  fill(keep.title, other.title);
  fill(keep.phone, other.phone);
  fill(keep.linkedin, other.linkedin);
  fill(keep.location, other.location);
  fill(keep.tz, other.tz);
  fill(keep.note, other.note);
  if (!keep.org_id) keep.org_id = other.org_id;
  if (!keep.source) keep.source = other.source;
  if (!keep.degree) keep.degree = other.degree;
  if (!keep.introducer_id && other.introducer_id != keep.id) keep.introducer_id = other.introducer_id;
  if (!keep.connected_at) keep.connected_at = other.connected_at;
  std::set<std::string> tags(keep.tags.begin(), keep.tags.end());
  tags.insert(other.tags.begin(), other.tags.end());
  keep.tags.assign(tags.begin(), tags.end());
  RAPPORT_ASSIGN_OR_RETURN(int moved, store_.MoveContactHistory(other.id, keep.id));
  RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(keep, Now()));
  RAPPORT_RETURN_IF_ERROR(store_.RemoveContact(other.id));
  RAPPORT_ASSIGN_OR_RETURN(auto updated, store_.GetContact(keep.id));
  if (auto plan = Replan(*updated); !plan) return plan.error();
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return MergeResult{std::move(*updated), other.name, moved};
}

}  // namespace rapport
