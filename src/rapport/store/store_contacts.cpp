// Store: organizations, contacts and their tags (one aggregate: a contact
// belongs to an organization and carries its tags).
#include "rapport/store/store.h"

#include <algorithm>

#include "rapport/store/store_internal.h"

namespace rapport {

using namespace store_internal;

// ===========================================================================
// Organizations

Result<Organization> Store::AddOrganization(const Organization& org, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Id new_id,
      db_.Insert("INSERT INTO organization (workspace_id, name, name_key, industry, size, "
                "location, website, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                "",
                {Int(ws_), org.name, FoldCase(org.name), Opt(org.industry), OptEnum(org.size),
                 Opt(org.location), Opt(org.website), Int(ToUnix(now))}));
  Organization out = org;
  out.id = new_id;
  out.created_at = now;
  return out;
}

Result<std::optional<Organization>> Store::GetOrganization(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query(std::string("SELECT ") + std::string(kOrgColumns) +
                               " FROM organization o WHERE o.workspace_id = $1 AND o.id = $2",
                           {Int(ws_), Int(id)}));
  if (rows.empty()) return std::optional<Organization>{};
  return std::optional<Organization>{OrgFromRow(rows[0])};
}

Result<std::optional<Organization>> Store::GetOrganizationByName(std::string_view name) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(std::string("SELECT ") + std::string(kOrgColumns) +
                    " FROM organization o WHERE o.workspace_id = $1 AND o.name_key = $2",
                {Int(ws_), FoldCase(name)}));
  if (rows.empty()) return std::optional<Organization>{};
  return std::optional<Organization>{OrgFromRow(rows[0])};
}

Result<std::vector<Organization>> Store::FindOrganizations(std::string_view fragment) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query(std::string("SELECT ") + std::string(kOrgColumns) +
                               " FROM organization o WHERE o.workspace_id = $1 AND o.name_key "
                               "LIKE $2 ESCAPE '\\' ORDER BY o.name_key, o.id",
                           {Int(ws_), ContainsPattern(fragment)}));
  std::vector<Organization> out;
  for (const auto& r : rows) out.push_back(OrgFromRow(r));
  return out;
}

Result<std::vector<Organization>> Store::ListOrganizations() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query(std::string("SELECT ") + std::string(kOrgColumns) +
                               " FROM organization o WHERE o.workspace_id = $1 "
                               "ORDER BY o.name_key, o.id",
                           {Int(ws_)}));
  std::vector<Organization> out;
  for (const auto& r : rows) out.push_back(OrgFromRow(r));
  return out;
}

Status Store::UpdateOrganization(const Organization& org) {
  return ExpectOne(
      db_.Execute("UPDATE organization SET name = $3, name_key = $4, industry = $5, size = $6, "
                  "location = $7, website = $8 WHERE workspace_id = $1 AND id = $2",
                  {Int(ws_), Int(org.id), org.name, FoldCase(org.name), Opt(org.industry),
                   OptEnum(org.size), Opt(org.location), Opt(org.website)}),
      "organization", org.id);
}

Status Store::RemoveOrganization(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM organization WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "organization", id);
}

// ===========================================================================
// Contacts

Result<std::vector<Contact>> Store::QueryContacts(std::string_view where,
                                                  std::initializer_list<Value> params,
                                                  bool by_ids) {
  // With an id list, SQLite (without statistics) preferred the workspace
  // index, walking all 100,000 contacts, to the primary key: the unary + in
  // `+c.workspace_id` keeps it from using that index (it is only a check
  // then; PostgreSQL reads it as the same comparison).
  std::string sql =
      "SELECT c.id, c.name, c.org_id, c.title, c.email, c.phone, c.linkedin, c.location, c.tz, "
      "c.source, c.degree, c.introducer_id, c.created_at, c.updated_at, o.name, i.name, "
      "c.connected_at, c.note "
      "FROM contact c LEFT JOIN organization o ON o.id = c.org_id "
      "LEFT JOIN contact i ON i.id = c.introducer_id WHERE ";
  sql += by_ids ? "+c.workspace_id = $1" : "c.workspace_id = $1";
  if (!where.empty()) {
    sql += " AND ";
    sql += where;
  }
  // Sorted here, not by ORDER BY: with a name index and an ORDER BY on it,
  // SQLite (without statistics) walked that whole index to skip a sort
  // instead of using the filter's index (org_id, introducer_id): 100 ms
  // rather than 0.1 ms at 100,000 contacts.
  RAPPORT_ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<Contact> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    Contact c;
    c.id = r.Int(0);
    c.name = r.Text(1);
    c.org_id = r.OptInt(2);
    c.title = r.OptText(3);
    c.email = r.OptText(4);
    c.phone = r.OptText(5);
    c.linkedin = r.OptText(6);
    c.location = r.OptText(7);
    c.tz = r.OptText(8);
    if (auto s = r.OptText(9)) c.source = ParseSource(*s);
    if (auto d = r.OptText(10)) c.degree = ParseDegree(*d);
    c.introducer_id = r.OptInt(11);
    c.created_at = FromUnix(r.Int(12));
    c.updated_at = FromUnix(r.Int(13));
    c.org_name = r.Text(14);
    c.introducer_name = r.Text(15);
    c.connected_at = RowTime(r, 16);
    c.note = r.OptText(17);
    out.push_back(std::move(c));
  }
  std::vector<std::pair<std::string, Contact*>> keyed;
  keyed.reserve(out.size());
  for (auto& c : out) keyed.emplace_back(FoldCase(c.name), &c);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  std::vector<Contact> sorted;
  sorted.reserve(out.size());
  for (auto& [key, c] : keyed) sorted.push_back(std::move(*c));
  RAPPORT_RETURN_IF_ERROR(LoadTags(sorted));
  RAPPORT_RETURN_IF_ERROR(LoadPoints(sorted));
  return sorted;
}

namespace {

// `contacts` by id, for the loaders that spread rows over them.
std::vector<Contact*> ById(std::vector<Contact>& contacts) {
  std::vector<Contact*> by_id;
  by_id.reserve(contacts.size());
  for (auto& c : contacts) by_id.push_back(&c);
  std::sort(by_id.begin(), by_id.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return by_id;
}

Contact* FindById(const std::vector<Contact*>& by_id, Id id) {
  auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                             [](const Contact* c, Id v) { return c->id < v; });
  return it != by_id.end() && (*it)->id == id ? *it : nullptr;
}

// The (kind, position, value, key, label) rows of one contact.
struct PointRow {
  std::string_view kind;
  int position;
  std::string_view value;
  std::string key, label;
};

std::vector<PointRow> PointRows(const Contact& c) {
  std::vector<PointRow> rows;
  auto add = [&](std::string_view kind, const std::optional<std::string>& primary,
                 const std::string& primary_label, const std::vector<ContactPoint>& others) {
    const bool email = kind == "email";
    auto key = [&](std::string_view v) { return email ? FoldCase(v) : PhoneKey(v); };
    if (primary && !primary_label.empty()) {
      rows.push_back({kind, 0, *primary, key(*primary), primary_label});
    }
    int position = 1;
    for (const auto& p : others) rows.push_back({kind, position++, p.value, key(p.value), p.label});
  };
  add("email", c.email, c.email_label, c.other_emails);
  add("phone", c.phone, c.phone_label, c.other_phones);
  return rows;
}

}  // namespace

Status Store::LoadTags(std::vector<Contact>& contacts) {
  if (contacts.empty()) return {};
  Result<std::vector<Row>> rows = std::vector<Row>{};
  // An id list up to a few hundred (a page, the agenda); the whole
  // workspace's tags past that (ListContacts of everyone).
  if (contacts.size() <= 1000) {
    std::vector<Id> ids;
    for (const auto& c : contacts) ids.push_back(c.id);
    rows = db_.Query("SELECT contact_id, tag FROM contact_tag WHERE contact_id IN (" +
                     IdList(ids) + ") ORDER BY contact_id, tag");
  } else {
    rows = db_.Query(
        "SELECT t.contact_id, t.tag FROM contact_tag t JOIN contact c ON c.id = t.contact_id "
        "WHERE c.workspace_id = $1 ORDER BY t.contact_id, t.tag",
        {Int(ws_)});
  }
  if (!rows) return rows.error();
  const auto by_id = ById(contacts);
  for (const auto& r : *rows) {
    if (Contact* c = FindById(by_id, r.Int(0))) c->tags.push_back(r.Text(1));
  }
  return {};
}


Status Store::LoadPoints(std::vector<Contact>& contacts) {
  if (contacts.empty()) return {};
  Result<std::vector<Row>> rows = std::vector<Row>{};
  // As LoadTags: an id list for a page, the workspace's rows for everyone.
  if (contacts.size() <= 1000) {
    std::vector<Id> ids;
    for (const auto& c : contacts) ids.push_back(c.id);
    rows = db_.Query("SELECT contact_id, kind, position, value, label FROM contact_point WHERE "
                     "contact_id IN (" + IdList(ids) + ") ORDER BY contact_id, kind, position");
  } else {
    rows = db_.Query(
        "SELECT p.contact_id, p.kind, p.position, p.value, p.label FROM contact_point p JOIN "
        "contact c ON c.id = p.contact_id WHERE c.workspace_id = $1 ORDER BY p.contact_id, "
        "p.kind, p.position",
        {Int(ws_)});
  }
  if (!rows) return rows.error();
  if (rows->empty()) return {};
  const auto by_id = ById(contacts);
  for (const auto& r : *rows) {
    Contact* c = FindById(by_id, r.Int(0));
    if (c == nullptr) continue;
    const bool email = r.Text(1) == "email";
    if (r.Int(2) == 0) {
      (email ? c->email_label : c->phone_label) = r.Text(4);
    } else {
      (email ? c->other_emails : c->other_phones).push_back({r.Text(3), r.Text(4)});
    }
  }
  return {};
}

Status Store::WritePoints(const Contact& c, bool replace) {
  if (replace) {
    RAPPORT_RETURN_IF_ERROR(
        db_.Execute("DELETE FROM contact_point WHERE contact_id = $1", {Int(c.id)}));
  }
  for (const auto& p : PointRows(c)) {
    RAPPORT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO contact_point (contact_id, kind, position, value, value_key, label) VALUES "
        "($1, $2, $3, $4, $5, $6)",
        {Int(c.id), p.kind, Int(p.position), p.value, p.key, p.label}));
  }
  return {};
}

Status Store::InsertPoints(std::span<const Contact> contacts) {
  static constexpr std::string_view kColumns[] = {"contact_id", "kind",      "position",
                                                  "value",      "value_key", "label"};
  std::vector<Value> values;
  std::vector<std::vector<PointRow>> kept;  // the rows' text, alive until written
  kept.reserve(contacts.size());
  for (const Contact& c : contacts) {
    if (c.other_emails.empty() && c.other_phones.empty() && c.email_label.empty() &&
        c.phone_label.empty()) {
      continue;
    }
    if (!db_.CanCopy()) {
      RAPPORT_RETURN_IF_ERROR(WritePoints(c, /*replace=*/false));
      continue;
    }
    kept.push_back(PointRows(c));
    for (const auto& p : kept.back()) {
      values.push_back(Int(c.id));
      values.push_back(Value{p.kind});
      values.push_back(Int(p.position));
      values.push_back(Value{p.value});
      values.push_back(Value{std::string_view(p.key)});
      values.push_back(Value{std::string_view(p.label)});
    }
  }
  if (values.empty()) return {};
  return db_.CopyRows("contact_point", kColumns, values);
}

Status Store::WriteTags(Id contact_id, const std::vector<std::string>& tags) {
  RAPPORT_RETURN_IF_ERROR(
      db_.Execute("DELETE FROM contact_tag WHERE contact_id = $1", {Int(contact_id)}));
  for (const auto& t : tags) {
    RAPPORT_RETURN_IF_ERROR(db_.Execute(
        "INSERT INTO contact_tag (contact_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        {Int(contact_id), t}));
  }
  return {};
}

Result<Contact> Store::AddContact(const Contact& c, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(Id id, InsertContact(c, now));
  Contact out = c;
  out.id = id;
  out.created_at = out.updated_at = now;
  return out;
}

Result<Id> Store::InsertContact(const Contact& c, Instant now) {
  // The key computed once and viewed by the statement, not copied into it.
  const auto email_key = EmailKey(c.email);
  RAPPORT_ASSIGN_OR_RETURN(
      Id new_id,
      db_.Insert("INSERT INTO contact (workspace_id, name, org_id, title, email, email_key, "
                "phone, linkedin, location, tz, source, degree, introducer_id, connected_at, "
                "note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                "$11, $12, $13, $14, $15, $16, $16)",
                {Int(ws_), View(c.name), OptId(c.org_id), Opt(c.title), Opt(c.email),
                 Opt(email_key), Opt(c.phone), Opt(c.linkedin), Opt(c.location), Opt(c.tz),
                 OptEnum(c.source), OptEnum(c.degree), OptId(c.introducer_id),
                 OptTime(c.connected_at), Opt(c.note), Int(ToUnix(now))}));
  if (!c.tags.empty()) RAPPORT_RETURN_IF_ERROR(WriteTags(new_id, c.tags));
  Contact with_id = c;
  with_id.id = new_id;
  RAPPORT_RETURN_IF_ERROR(WritePoints(with_id, /*replace=*/false));
  return new_id;
}

Result<std::optional<Contact>> Store::GetContact(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(auto found, QueryContacts("c.id = $2", {Int(ws_), Int(id)}));
  if (found.empty()) return std::optional<Contact>{};
  return std::optional<Contact>{std::move(found[0])};
}

Result<std::vector<Contact>> Store::GetContacts(const std::vector<Id>& ids) {
  if (ids.empty()) return std::vector<Contact>{};
  return QueryContacts("c.id IN (" + IdList(ids) + ")", {Int(ws_)}, /*by_ids=*/true);
}

Result<std::optional<Contact>> Store::GetContactByEmail(std::string_view email) {
  // The primary address first: it is unique; another's may be shared.
  RAPPORT_ASSIGN_OR_RETURN(auto found,
                           QueryContacts("c.email_key = $2", {Int(ws_), FoldCase(email)}));
  if (found.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(
        found, QueryContacts("c.id IN (SELECT contact_id FROM contact_point WHERE kind = 'email' "
                             "AND value_key = $2 AND position > 0)",
                             {Int(ws_), FoldCase(email)}));
  }
  if (found.empty()) return std::optional<Contact>{};
  return std::optional<Contact>{std::move(found[0])};
}

Result<std::vector<Contact>> Store::FindContacts(std::string_view name_fragment) {
  // The engine folds ASCII case as FoldCase does (SQLite's LIKE would fold
  // by itself; PostgreSQL's does not, and its lower() folds every script).
  const std::string where = db_.FoldAsciiCase("c.name") + " LIKE $2 ESCAPE '\\'";
  return QueryContacts(where,
                       {Int(ws_), ContainsPattern(name_fragment)});
}

namespace {

// The name index's query (migration 12) for `query`: one of its
// alternatives, each word of each of its terms starting a word of the name.
// FTS5: ("pri"* AND "nat"*) OR ...; PostgreSQL: ('pri':* & 'nat':*) | ...
// Words hold only letters, digits and non-ASCII bytes (SearchWords), so
// they need no escaping inside the quotes. "" when there is no word.
std::string NameMatch(const SearchQuery& query, bool postgresql) {
  std::string any;
  for (const auto& alternative : query.any_of) {
    std::string all;
    for (const auto& term : alternative) {
      for (std::string_view w : SearchWords(term.text)) {
        if (!all.empty()) all += postgresql ? " & " : " AND ";
        all += postgresql ? "'" + std::string(w) + "':*" : "\"" + std::string(w) + "\"*";
      }
    }
    if (all.empty()) continue;
    if (!any.empty()) any += postgresql ? " | " : " OR ";
    any += "(" + all + ")";
  }
  return any;
}

// The ids (as the index encodes them, id * 2 + `parity`) whose names match
// $2, in workspace $1, as SQL for an IN (...).
std::string NamedIds(bool postgresql, int parity) {
  const std::string p = std::to_string(parity);
  if (postgresql) {
    return "SELECT id / 2 FROM name_text WHERE workspace_id = $1 AND id % 2 = " + p +
           " AND words @@ to_tsquery('rapport_search', $2)";
  }
  return "SELECT rowid / 2 FROM name_text WHERE name_text MATCH $2 AND rowid % 2 = " + p;
}

}  // namespace

Result<std::vector<Contact>> Store::FindContactsNamed(const SearchQuery& query, int limit) {
  const bool pg = db_.Engine() == "postgresql";
  const std::string match = NameMatch(query, pg);
  if (match.empty() || limit < 1) return std::vector<Contact>{};
  // At most `limit` of them, the first by name. The unary + keeps SQLite
  // from walking the workspace's index (every contact) instead of looking
  // up the few ids the name index gave.
  return QueryContacts("c.id IN (SELECT m.id FROM contact m WHERE +m.workspace_id = $1 AND m.id IN (" +
                           NamedIds(pg, 0) + ") ORDER BY m.name, m.id LIMIT " +
                           std::to_string(limit) + ")",
                       {Int(ws_), Value{match}}, /*by_ids=*/true);
}

Result<std::vector<Organization>> Store::FindOrganizationsNamed(const SearchQuery& query,
                                                                int limit) {
  const bool pg = db_.Engine() == "postgresql";
  const std::string match = NameMatch(query, pg);
  if (match.empty() || limit < 1) return std::vector<Organization>{};
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query(std::string("SELECT ") + std::string(kOrgColumns) +
                               " FROM organization o WHERE +o.workspace_id = $1 AND o.id IN (" +
                               NamedIds(pg, 1) + ") ORDER BY o.name_key, o.id LIMIT " +
                               std::to_string(limit),
                           {Int(ws_), Value{match}}));
  std::vector<Organization> out;
  for (const auto& r : rows) out.push_back(OrgFromRow(r));
  return out;
}

Result<std::vector<Contact>> Store::ListContactsAt(const std::vector<Id>& org_ids) {
  if (org_ids.empty()) return std::vector<Contact>{};
  return QueryContacts("c.org_id IN (" + IdList(org_ids) + ")", {Int(ws_)});
}

Result<std::vector<Contact>> Store::ListContacts(const ContactFilter& filter) {
  if (filter.org_id && filter.tag) {
    return QueryContacts(
        "c.org_id = $2 AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND "
        "t.tag = $3)",
        {Int(ws_), Int(*filter.org_id), *filter.tag});
  }
  if (filter.org_id) return QueryContacts("c.org_id = $2", {Int(ws_), Int(*filter.org_id)});
  if (filter.tag) {
    return QueryContacts(
        "EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = $2)",
        {Int(ws_), *filter.tag});
  }
  return QueryContacts("", {Int(ws_)});
}

Result<std::vector<ContactKeys>> Store::ListContactKeys() {
  RAPPORT_ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT id, name, org_id, email_key, linkedin "
                                                "FROM contact WHERE workspace_id = $1",
                                                {Int(ws_)}));
  std::vector<ContactKeys> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), r.OptInt(2), r.OptText(3), LinkedInKeyOf(r.OptText(4)), {}});
  }
  RAPPORT_ASSIGN_OR_RETURN(
      auto others, db_.Query("SELECT p.contact_id, p.value_key FROM contact_point p JOIN contact c "
                             "ON c.id = p.contact_id WHERE c.workspace_id = $1 AND p.kind = "
                             "'email' AND p.position > 0 ORDER BY p.contact_id, p.position",
                             {Int(ws_)}));
  if (others.empty()) return out;
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& r : others) {
    auto it = std::lower_bound(out.begin(), out.end(), r.Int(0),
                               [](const ContactKeys& k, Id v) { return k.id < v; });
    if (it != out.end() && it->id == r.Int(0)) it->other_email_keys.push_back(r.Text(1));
  }
  return out;
}

Result<int> Store::MoveContactHistory(Id from, Id to) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto moved, db_.Execute("UPDATE event SET contact_id = $3 WHERE workspace_id = $1 AND "
                              "contact_id = $2",
                              {Int(ws_), Int(from), Int(to)}));
  RAPPORT_RETURN_IF_ERROR(
      db_.Execute("UPDATE event SET via_id = $3 WHERE workspace_id = $1 AND via_id = $2",
                  {Int(ws_), Int(from), Int(to)}));
  RAPPORT_RETURN_IF_ERROR(db_.Execute(
      "UPDATE contact SET introducer_id = $3 WHERE workspace_id = $1 AND introducer_id = $2 AND "
      "id <> $3",
      {Int(ws_), Int(from), Int(to)}));
  RAPPORT_RETURN_IF_ERROR(
      db_.Execute("UPDATE note SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2",
                  {Int(ws_), Int(from), Int(to)}));
  RAPPORT_RETURN_IF_ERROR(
      db_.Execute("UPDATE answer SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2",
                  {Int(ws_), Int(from), Int(to)}));
  return static_cast<int>(moved);
}

Result<std::vector<Contact>> Store::ListIntroducedBy(Id id) {
  return QueryContacts("c.introducer_id = $2", {Int(ws_), Int(id)});
}

Status Store::UpdateContact(const Contact& c, Instant now) {
  RAPPORT_RETURN_IF_ERROR(ExpectOne(
      db_.Execute("UPDATE contact SET name = $3, org_id = $4, title = $5, email = $6, "
                  "email_key = $7, phone = $8, linkedin = $9, location = $10, tz = $11, "
                  "source = $12, degree = $13, introducer_id = $14, updated_at = $15, "
                  "connected_at = $16, note = $17 WHERE workspace_id = $1 AND id = $2",
                  {Int(ws_), Int(c.id), c.name, OptId(c.org_id), Opt(c.title), Opt(c.email),
                   Opt(EmailKey(c.email)), Opt(c.phone), Opt(c.linkedin), Opt(c.location),
                   Opt(c.tz), OptEnum(c.source), OptEnum(c.degree), OptId(c.introducer_id),
                   Int(ToUnix(now)), OptTime(c.connected_at), Opt(c.note)}),
      "contact", c.id));
  RAPPORT_RETURN_IF_ERROR(WriteTags(c.id, c.tags));
  return WritePoints(c, /*replace=*/true);
}

Status Store::RemoveContact(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM contact WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "contact", id);
}

}  // namespace rapport
