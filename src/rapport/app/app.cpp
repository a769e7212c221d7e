// Records: organizations, contacts and objectives; and resolving REFs.
#include "rapport/app/app.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "rapport/app/validate.h"
#include "rapport/model/human_time.h"
#include "rapport/store/store.h"

namespace rapport {

namespace {

bool IsNumber(const std::string& s) {
  return !s.empty() && s.size() < 18 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Picks the one record a fragment means: an exact (case-insensitive) full
// match wins; otherwise exactly one candidate must remain. `noun` is the
// kind of record (the error's subject), `field` the input that held `ref`.
template <class T, class NameOf>
Result<T> PickOne(std::vector<T> found, const std::string& ref, std::string_view noun,
                  std::string_view field, NameOf name_of) {
  if (found.empty()) {
    return Error::NotFound(std::string(field), std::string(noun),
                           "no " + std::string(noun) + " matches '" + ref + "'");
  }
  if (found.size() == 1) return std::move(found[0]);
  std::vector<T> exact;
  for (auto& f : found) {
    if (FoldCase(name_of(f)) == FoldCase(Trim(ref))) exact.push_back(f);
  }
  if (exact.size() == 1) return std::move(exact[0]);
  std::string list;
  for (size_t i = 0; i < found.size() && i < 5; ++i) {
    if (i) list += ", ";
    list += "#" + std::to_string(found[i].id) + " " + name_of(found[i]);
  }
  if (found.size() > 5) list += ", and " + std::to_string(found.size() - 5) + " more";
  return Error::Ambiguous(std::string(field), std::string(noun),
                          "'" + ref + "' matches " + std::to_string(found.size()) + " " +
                              std::string(noun) + "s: " + list +
                              " (use the id or more of the name)");
}

// Optional text fields of an edit: unset leaves, "" clears, else cleaned.
template <class Clean>
Status ApplyOptional(std::optional<std::string>& target, const std::optional<std::string>& typed,
                     Clean clean) {
  if (!typed) return {};
  if (Trim(*typed).empty()) {
    target.reset();
    return {};
  }
  auto v = clean(*typed);
  if (!v) return v.error();
  target = std::move(*v);
  return {};
}

Result<std::string> CleanLine(std::string_view text, std::string_view what,
                              std::string_view field) {
  return CleanName(text, what, field);
}

}  // namespace

// As people say it ("tomorrow 3pm", "next fri", ISO-8601: human_time.h),
// anchored at the clock's now: the CLI's options and the web forms alike.
Result<Instant> UseCase::ParseUserTime(const std::string& text) const {
  return ParseHumanTime(text, config_.zone, Now());
}

// ===========================================================================
// References

Result<Organization> UseCase::ResolveOrganization(const std::string& ref) {
  if (IsNumber(ref)) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, store_.GetOrganization(std::stoll(ref)));
    if (!o) {
      return Error::NotFound("organization", "organization", "there is no organization " + ref);
    }
    return std::move(*o);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto found, store_.FindOrganizations(Trim(ref)));
  return PickOne(std::move(found), ref, "organization", "organization",
                 [](const Organization& o) { return o.name; });
}

Result<Contact> UseCase::ResolveContact(const std::string& ref) {
  if (IsNumber(ref)) {
    RAPPORT_ASSIGN_OR_RETURN(auto c, store_.GetContact(std::stoll(ref)));
    if (!c) return Error::NotFound("contact", "contact", "there is no contact " + ref);
    return std::move(*c);
  }
  if (ref.find('@') != std::string::npos) {
    RAPPORT_ASSIGN_OR_RETURN(auto c, store_.GetContactByEmail(Trim(ref)));
    if (!c) {
      return Error::NotFound("contact", "contact", "no contact has the email " + Trim(ref));
    }
    return std::move(*c);
  }
  if (Trim(ref).empty()) {
    return Error::InvalidArgument("contact", "say which contact: an id, an email or a name");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto found, store_.FindContacts(Trim(ref)));
  return PickOne(std::move(found), ref, "contact", "contact",
                 [](const Contact& c) { return c.name; });
}

Result<Objective> UseCase::ResolveObjective(const std::string& ref) {
  if (IsNumber(ref)) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, store_.GetObjective(std::stoll(ref)));
    if (!o) {
      return Error::NotFound("objective", "objective", "there is no objective " + ref);
    }
    return std::move(*o);
  }
  if (Trim(ref).empty()) {
    return Error::InvalidArgument("objective", "say which objective: an id or words of its title");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto found, store_.FindObjectives(Trim(ref)));
  return PickOne(std::move(found), ref, "objective", "objective",
                 [](const Objective& o) { return o.title; });
}

Result<Question> UseCase::ResolveQuestion(const std::string& ref) {
  if (IsNumber(ref)) {
    RAPPORT_ASSIGN_OR_RETURN(auto q, store_.GetQuestion(std::stoll(ref)));
    if (!q) return Error::NotFound("question", "question", "there is no question " + ref);
    return std::move(*q);
  }
  const std::string key = FoldCase(Trim(ref));
  if (key.empty()) {
    return Error::InvalidArgument("question", "say which question: an id or words from it");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto all, store_.ListQuestions());
  std::vector<Question> found;
  for (auto& q : all) {
    if (FoldCase(q.text).find(key) != std::string::npos) found.push_back(std::move(q));
  }
  return PickOne(std::move(found), ref, "question", "question",
                 [](const Question& q) { return q.text; });
}

// ===========================================================================
// Organizations

Status Records::ApplyOrgFields(Organization& o, const OrgFields& f) {
  if (f.name) {
    RAPPORT_ASSIGN_OR_RETURN(o.name, CleanName(*f.name, "the organization's name", "name"));
  }
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(
      o.industry, f.industry, [](auto s) { return CleanLine(s, "the industry", "industry"); }));
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(
      o.location, f.location, [](auto s) { return CleanLine(s, "the location", "location"); }));
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(
      o.website, f.website, [](auto s) { return CleanUrl(s, "the website", "website"); }));
  if (f.size) {
    if (Trim(*f.size).empty()) {
      o.size.reset();
    } else if (auto s = ParseOrgSize(FoldCase(Trim(*f.size)))) {
      o.size = *s;
    } else {
      return Error::InvalidArgument(
          "size", "'" + *f.size + "' is not a size (use " + OneOf(OrgSizeNames()) + ")");
    }
  }
  return {};
}

Result<Organization> Records::AddOrganization(const OrgFields& f) {
  if (!f.name) return Error::InvalidArgument("name", "an organization needs a name");
  Organization o;
  RAPPORT_RETURN_IF_ERROR(ApplyOrgFields(o, f));
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto existing, store_.GetOrganizationByName(o.name));
  if (existing) {
    return Error::Conflict("name", "organization '" + existing->name + "' already exists (#" +
                                       std::to_string(existing->id) + "); change that one instead");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddOrganization(o, Now()));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return added;
}

Result<std::vector<Organization>> Records::ListOrganizations() { return store_.ListOrganizations(); }

Result<Organization> Records::ShowOrganization(const std::string& ref) {
  return ResolveOrganization(ref);
}

Result<Organization> Records::EditOrganization(const std::string& ref, const OrgFields& f) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveOrganization(ref));
  RAPPORT_RETURN_IF_ERROR(ApplyOrgFields(o, f));
  if (f.name) {
    RAPPORT_ASSIGN_OR_RETURN(auto clash, store_.GetOrganizationByName(o.name));
    if (clash && clash->id != o.id) {
      return Error::Conflict("name", "another organization is already called '" + clash->name +
                                         "' (#" + std::to_string(clash->id) + ")");
    }
  }
  RAPPORT_RETURN_IF_ERROR(store_.UpdateOrganization(o));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return o;
}

Result<Organization> Records::RemoveOrganization(const std::string& ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveOrganization(ref));
  RAPPORT_RETURN_IF_ERROR(store_.RemoveOrganization(o.id));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return o;
}

// ===========================================================================
// Contacts

Status Records::ApplyContactFields(Contact& c, const ContactFields& f, bool& created_org) {
  if (f.name) {
    RAPPORT_ASSIGN_OR_RETURN(c.name, CleanName(*f.name, "the contact's name", "name"));
  }
  RAPPORT_RETURN_IF_ERROR(
      ApplyOptional(c.title, f.title, [](auto s) { return CleanLine(s, "the title", "title"); }));
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(c.email, f.email, [](auto s) { return CleanEmail(s); }));
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(c.phone, f.phone, [](auto s) { return CleanPhone(s); }));
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(c.linkedin, f.linkedin, [](auto s) {
    return CleanUrl(s, "the LinkedIn address", "linkedin");
  }));
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(
      c.location, f.location, [](auto s) { return CleanLine(s, "the location", "location"); }));
  RAPPORT_RETURN_IF_ERROR(ApplyOptional(c.tz, f.tz, [](auto s) { return CleanZone(s, "tz"); }));
  if (f.source) {
    std::string s = FoldCase(Trim(*f.source));
    if (s.empty()) {
      c.source.reset();
    } else if (auto v = ParseSource(s)) {
      c.source = *v;
    } else {
      std::string hint = Suggest(s, SourceNames());
      return Error::InvalidArgument(
          "source", "'" + *f.source + "' is not a source (" +
                        (hint.empty() ? "use " + OneOf(SourceNames()) : hint) + ")");
    }
  }
  if (f.degree) {
    std::string s = FoldCase(Trim(*f.degree));
    if (s.empty()) {
      c.degree.reset();
    } else if (auto v = ParseDegree(s)) {
      c.degree = *v;
    } else {
      return Error::InvalidArgument(
          "degree", "'" + *f.degree + "' is not a degree (use " + OneOf(DegreeNames()) + ")");
    }
  }
  if (f.org) {
    std::string name = Trim(*f.org);
    if (name.empty()) {
      c.org_id.reset();
      c.org_name.clear();
    } else {
      // An id or an exact name picks an existing organization; any other
      // name creates one (fragments would silently attach people to the
      // wrong employer).
      std::optional<Organization> org;
      if (IsNumber(name)) {
        RAPPORT_ASSIGN_OR_RETURN(auto o, InField("org", ResolveOrganization(name)));
        org = std::move(o);
      } else {
        RAPPORT_ASSIGN_OR_RETURN(org, store_.GetOrganizationByName(name));
        if (!org) {
          Organization fresh;
          RAPPORT_ASSIGN_OR_RETURN(fresh.name, CleanName(name, "the organization's name", "org"));
          RAPPORT_ASSIGN_OR_RETURN(org, store_.AddOrganization(fresh, Now()));
          created_org = true;
        }
      }
      c.org_id = org->id;
      c.org_name = org->name;
    }
  }
  if (f.introducer) {
    if (Trim(*f.introducer).empty()) {
      c.introducer_id.reset();
      c.introducer_name.clear();
    } else {
      RAPPORT_ASSIGN_OR_RETURN(auto intro, InField("introducer", ResolveContact(*f.introducer)));
      if (c.id != 0 && intro.id == c.id) {
        return Error::InvalidArgument("introducer", "a contact cannot be their own introducer");
      }
      c.introducer_id = intro.id;
      c.introducer_name = intro.name;
    }
  }
  std::set<std::string> tags(c.tags.begin(), c.tags.end());
  for (const auto& t : f.add_tags) {
    RAPPORT_ASSIGN_OR_RETURN(auto clean, CleanTag(t));
    tags.insert(clean);
  }
  for (const auto& t : f.remove_tags) tags.erase(Trim(t));
  c.tags.assign(tags.begin(), tags.end());
  return {};
}

Result<ContactAdded> Records::AddContact(const ContactFields& f) {
  if (!f.name) return Error::InvalidArgument("name", "a contact needs a name");
  // Validate everything that needs no database before touching it.
  Contact c;
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  bool created_org = false;
  RAPPORT_RETURN_IF_ERROR(ApplyContactFields(c, f, created_org));
  if (c.email) {
    RAPPORT_ASSIGN_OR_RETURN(auto clash, store_.GetContactByEmail(*c.email));
    if (clash) {
      return Error::Conflict("email", "a contact with the email " + *c.email +
                                          " already exists (#" + std::to_string(clash->id) + " " +
                                          clash->name + ")");
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddContact(c, Now()));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return ContactAdded{std::move(added), created_org};
}

Result<std::vector<Contact>> Records::ListContacts(const std::optional<std::string>& org_ref,
                                               const std::optional<std::string>& tag) {
  ContactFilter filter;
  if (org_ref) {
    RAPPORT_ASSIGN_OR_RETURN(auto org, InField("org", ResolveOrganization(*org_ref)));
    filter.org_id = org.id;
  }
  if (tag) filter.tag = Trim(*tag);
  return store_.ListContacts(filter);
}

Result<ContactAdded> Records::EditContact(const std::string& ref, const ContactFields& f) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto c, ResolveContact(ref));
  bool created_org = false;
  RAPPORT_RETURN_IF_ERROR(ApplyContactFields(c, f, created_org));
  if (c.email) {
    RAPPORT_ASSIGN_OR_RETURN(auto clash, store_.GetContactByEmail(*c.email));
    if (clash && clash->id != c.id) {
      return Error::Conflict("email", "another contact already has the email " + *c.email + " (#" +
                                          std::to_string(clash->id) + " " + clash->name + ")");
    }
  }
  RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(c, Now()));
  if (auto plan = Replan(c); !plan) return plan.error();
  RAPPORT_ASSIGN_OR_RETURN(auto updated, store_.GetContact(c.id));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return ContactAdded{std::move(*updated), created_org};
}

Result<Contact> Records::RemoveContact(const std::string& ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto c, ResolveContact(ref));
  RAPPORT_RETURN_IF_ERROR(store_.RemoveContact(c.id));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return c;
}

// ===========================================================================
// Objectives

Status Records::ApplyObjectiveFields(Objective& o, const ObjectiveFields& f) {
  if (f.title) {
    RAPPORT_ASSIGN_OR_RETURN(o.title, CleanName(*f.title, "the objective's title", "title"));
  }
  if (f.kind) {
    auto k = ParseObjectiveKind(FoldCase(Trim(*f.kind)));
    if (!k) {
      return Error::InvalidArgument("kind", "'" + *f.kind + "' is not a kind of objective (use " +
                                                OneOf(ObjectiveKindNames()) + ")");
    }
    o.kind = *k;
  }
  if (f.target) {
    if (*f.target < 0 || *f.target > 1000) {
      return Error::InvalidArgument("target",
                                    "the target must be between 1 and 1000 conversations");
    }
    if (*f.target == 0) {
      o.target.reset();
    } else {
      o.target = *f.target;
    }
  }
  if (f.notes) {
    std::string n = Trim(*f.notes);
    if (n.empty()) {
      o.notes.reset();
    } else {
      o.notes = n;
    }
  }
  return {};
}

Result<Objective> Records::AddObjective(const ObjectiveFields& f) {
  if (!f.title) return Error::InvalidArgument("title", "an objective needs a title");
  if (!f.kind) {
    return Error::InvalidArgument(
        "kind", "say what kind of objective it is (" + OneOf(ObjectiveKindNames()) + ")");
  }
  Objective o;
  RAPPORT_RETURN_IF_ERROR(ApplyObjectiveFields(o, f));
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddObjective(o, Now()));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return added;
}

Result<std::vector<Objective>> Records::ListObjectives() { return store_.ListObjectives(); }

Result<Objective> Records::ShowObjective(const std::string& ref) { return ResolveObjective(ref); }

Result<Objective> Records::EditObjective(const std::string& ref, const ObjectiveFields& f) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(ref));
  RAPPORT_RETURN_IF_ERROR(ApplyObjectiveFields(o, f));
  RAPPORT_RETURN_IF_ERROR(store_.UpdateObjective(o));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return o;
}

Result<Objective> Records::RemoveObjective(const std::string& ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(ref));
  RAPPORT_RETURN_IF_ERROR(store_.RemoveObjective(o.id));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return o;
}

}  // namespace rapport
