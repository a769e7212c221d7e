#include "rapport/store/store.h"

#include <algorithm>

namespace rapport {

std::string FoldCase(std::string_view s) {
  std::string out;
  AppendFoldCase(s, out);
  return out;
}

void AppendFoldCase(std::string_view s, std::string& out) {
  const size_t at = out.size();
  out.append(s);
  for (size_t i = at; i < out.size(); ++i) {
    char& c = out[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::string LinkedInKey(std::string_view url) {
  std::string out;
  AppendLinkedInKey(url, out);
  return out;
}

void AppendLinkedInKey(std::string_view url, std::string& out) {
  // Cut first, then fold only what is kept: every cut is at ASCII text
  // that folding does not change, so this is FoldCase, then the cuts.
  std::string_view k = url;
  auto strip = [&](std::string_view prefix) {  // prefix is lowercase
    if (k.size() < prefix.size()) return;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = k[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return;
    }
    k.remove_prefix(prefix.size());
  };
  for (std::string_view prefix : {"https://", "http://"}) strip(prefix);
  for (std::string_view prefix : {"www.", "m.", "uk.", "de.", "fr.", "ca."}) strip(prefix);
  for (size_t i = 0; i < k.size(); ++i) {
    if (k[i] == '?' || k[i] == '#') {
      k = k.substr(0, i);
      break;
    }
  }
  while (!k.empty() && k.back() == '/') k.remove_suffix(1);
  AppendFoldCase(k, out);
}

namespace {

std::optional<std::string> LinkedInKeyOf(const std::optional<std::string>& url) {
  if (!url) return std::nullopt;
  return LinkedInKey(*url);
}

// "%fragment%" with LIKE's wildcards escaped (used with ESCAPE '\').
std::string ContainsPattern(std::string_view fragment) {
  std::string p = "%";
  for (char c : FoldCase(fragment)) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  p += '%';
  return p;
}

Value Int(std::int64_t v) { return Value{v}; }
Value OptId(const std::optional<Id>& v) { return v ? Value{*v} : Value{}; }
Value OptTime(const std::optional<Instant>& t) { return t ? Value{ToUnix(*t)} : Value{}; }
Value OptInt(const std::optional<int>& v) { return v ? Value{std::int64_t{*v}} : Value{}; }
template <class E>
Value OptEnum(const std::optional<E>& e) {
  return e ? Value{std::string(ToString(*e))} : Value{};
}
std::optional<Instant> RowTime(const Row& r, size_t i) {
  auto v = r.OptInt(i);
  if (!v) return std::nullopt;
  return FromUnix(*v);
}
std::optional<std::string> EmailKey(const std::optional<std::string>& email) {
  if (!email) return std::nullopt;
  return FoldCase(*email);
}
Status ExpectOne(const Result<std::int64_t>& changed, std::string_view what, Id id) {
  if (!changed) return changed.error();
  if (*changed == 0) return Error::NotFound("no " + std::string(what) + " " + std::to_string(id));
  return {};
}

// ---- organizations ----

constexpr std::string_view kOrgColumns =
    "o.id, o.name, o.industry, o.size, o.location, o.website, o.created_at, "
    "(SELECT COUNT(*) FROM contact c WHERE c.workspace_id = o.workspace_id AND c.org_id = o.id)";

Organization OrgFromRow(const Row& r) {
  Organization o;
  o.id = r.Int(0);
  o.name = r.Text(1);
  o.industry = r.OptText(2);
  if (auto s = r.OptText(3)) o.size = ParseOrgSize(*s);
  o.location = r.OptText(4);
  o.website = r.OptText(5);
  o.created_at = FromUnix(r.Int(6));
  o.contact_count = static_cast<int>(r.Int(7));
  return o;
}

// ---- events ----

constexpr std::string_view kEventColumns =
    "id, contact_id, objective_id, kind, at, channel, body, via_id, voicemail, meeting_at, "
    "meeting_tz, meeting_minutes, meeting_mode, meeting_place, theirs, due, promise_id, fit";

Event EventFromRow(const Row& r) {
  Event e;
  e.id = r.Int(0);
  e.contact_id = r.Int(1);
  e.objective_id = r.OptInt(2);
  e.kind = ParseEventKind(r.Text(3)).value_or(EventKind::kTouch);
  e.at = FromUnix(r.Int(4));
  if (auto c = r.OptText(5)) e.channel = ParseChannel(*c);
  e.body = r.OptText(6);
  e.via_id = r.OptInt(7);
  e.voicemail = r.Int(8) != 0;
  e.meeting_at = RowTime(r, 9);
  e.meeting_tz = r.OptText(10);
  if (auto m = r.OptInt(11)) e.meeting_minutes = static_cast<int>(*m);
  if (auto m = r.OptText(12)) e.meeting_mode = ParseMeetingMode(*m);
  e.meeting_place = r.OptText(13);
  e.theirs = r.Int(14) != 0;
  e.due = RowTime(r, 15);
  e.promise_id = r.OptInt(16);
  if (auto f = r.OptInt(17)) e.fit = static_cast<int>(*f);
  return e;
}

Result<std::vector<Event>> EventsFromRows(Result<std::vector<Row>> rows) {
  if (!rows) return rows.error();
  std::vector<Event> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(EventFromRow(r));
  return out;
}

std::string IdList(const std::vector<Id>& ids) {
  std::string s;
  for (Id id : ids) {
    if (!s.empty()) s += ',';
    s += std::to_string(id);
  }
  return s;
}

}  // namespace

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
                                                  std::initializer_list<Value> params) {
  std::string sql =
      "SELECT c.id, c.name, c.org_id, c.title, c.email, c.phone, c.linkedin, c.location, c.tz, "
      "c.source, c.degree, c.introducer_id, c.created_at, c.updated_at, o.name, i.name, "
      "c.connected_at, c.note "
      "FROM contact c LEFT JOIN organization o ON o.id = c.org_id "
      "LEFT JOIN contact i ON i.id = c.introducer_id WHERE c.workspace_id = $1";
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
  return sorted;
}

Status Store::LoadTags(std::vector<Contact>& contacts) {
  if (contacts.empty()) return {};
  Result<std::vector<Row>> rows = std::vector<Row>{};
  if (contacts.size() <= 200) {
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
  std::vector<Contact*> by_id;
  by_id.reserve(contacts.size());
  for (auto& c : contacts) by_id.push_back(&c);
  std::sort(by_id.begin(), by_id.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const auto& r : *rows) {
    Id id = r.Int(0);
    auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                               [](const Contact* c, Id v) { return c->id < v; });
    if (it != by_id.end() && (*it)->id == id) (*it)->tags.push_back(r.Text(1));
  }
  return {};
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
  return new_id;
}

Status Store::RestoreContact(const Contact& c) {
  auto r = db_.Execute(
      "INSERT INTO contact (id, workspace_id, name, org_id, title, email, email_key, phone, "
      "linkedin, location, tz, source, degree, introducer_id, connected_at, note, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
      "$16, $17, $18)",
      {Int(c.id), Int(ws_), c.name, OptId(c.org_id), Opt(c.title), Opt(c.email),
       Opt(EmailKey(c.email)), Opt(c.phone), Opt(c.linkedin), Opt(c.location), Opt(c.tz),
       OptEnum(c.source), OptEnum(c.degree), OptId(c.introducer_id), OptTime(c.connected_at),
       Opt(c.note), Int(ToUnix(c.created_at)), Int(ToUnix(c.updated_at))});
  if (!r) return r.error();
  if (!c.tags.empty()) return WriteTags(c.id, c.tags);
  return {};
}

Result<std::optional<Contact>> Store::GetContact(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(auto found, QueryContacts("c.id = $2", {Int(ws_), Int(id)}));
  if (found.empty()) return std::optional<Contact>{};
  return std::optional<Contact>{std::move(found[0])};
}

Result<std::optional<Contact>> Store::GetContactByEmail(std::string_view email) {
  RAPPORT_ASSIGN_OR_RETURN(auto found,
                           QueryContacts("c.email_key = $2", {Int(ws_), FoldCase(email)}));
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
    out.push_back({r.Int(0), r.Text(1), r.OptInt(2), r.OptText(3), LinkedInKeyOf(r.OptText(4))});
  }
  return out;
}

Result<Id> Store::NextContactId() { return db_.NextId("contact"); }

namespace {

// Rows per multi-row INSERT: one statement step instead of 32 (the VDBE's
// per-statement work and our binding overhead), and 2 + 32 * 17 = 546
// parameters, under the 999 that older SQLite builds allow.
constexpr size_t kContactsPerInsert = 32;
constexpr size_t kTagsPerInsert = 128;

// "INSERT INTO contact (...) VALUES ($3, $1, $4, ..., $2, $2), (...)" for
// `rows` rows: $1 is the workspace, $2 the time, then 17 per row.
std::string ContactInsertSql(size_t rows) {
  std::string sql =
      "INSERT INTO contact (id, workspace_id, name, org_id, title, email, email_key, phone, "
      "linkedin, location, tz, source, degree, introducer_id, connected_at, note, created_at, "
      "updated_at) VALUES ";
  int n = 3;
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ", ($" : "($";
    sql += std::to_string(n++);
    sql += ", $1";
    for (int k = 0; k < 14; ++k) {
      sql += ", $";
      sql += std::to_string(n++);
    }
    sql += ", $2, $2)";
  }
  return sql;
}

std::string TagInsertSql(size_t rows) {
  std::string sql = "INSERT INTO contact_tag (contact_id, tag) VALUES ";
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ", ($" : "($";
    sql += std::to_string(2 * r + 1);
    sql += ", $";
    sql += std::to_string(2 * r + 2);
    sql += ')';
  }
  return sql + " ON CONFLICT DO NOTHING";
}

}  // namespace

// The bulk path through the engine's COPY: the same rows InsertContacts
// writes, and each contact's tags once.
Status Store::CopyContacts(std::span<const Contact> contacts, Instant now) {
  if (contacts.empty()) return {};
  static constexpr std::string_view kColumns[] = {
      "id",       "workspace_id", "name",       "org_id",        "title",        "email",
      "email_key", "phone",       "linkedin",   "location",      "tz",           "source",
      "degree",   "introducer_id", "connected_at", "note",       "created_at",   "updated_at"};
  std::vector<std::string> keys(contacts.size());
  std::vector<Value> values;
  values.reserve(contacts.size() * std::size(kColumns));
  for (size_t i = 0; i < contacts.size(); ++i) {
    const Contact& c = contacts[i];
    if (c.email) AppendFoldCase(*c.email, keys[i]);
    values.push_back(Int(c.id));
    values.push_back(Int(ws_));
    values.push_back(View(c.name));
    values.push_back(OptId(c.org_id));
    values.push_back(Opt(c.title));
    values.push_back(Opt(c.email));
    values.push_back(c.email ? View(keys[i]) : Value{});
    values.push_back(Opt(c.phone));
    values.push_back(Opt(c.linkedin));
    values.push_back(Opt(c.location));
    values.push_back(Opt(c.tz));
    values.push_back(c.source ? Value{ToString(*c.source)} : Value{});
    values.push_back(c.degree ? Value{ToString(*c.degree)} : Value{});
    values.push_back(OptId(c.introducer_id));
    values.push_back(OptTime(c.connected_at));
    values.push_back(Opt(c.note));
    values.push_back(Int(ToUnix(now)));
    values.push_back(Int(ToUnix(now)));
  }
  RAPPORT_RETURN_IF_ERROR(db_.CopyRows("contact", kColumns, values));
  static constexpr std::string_view kTagColumns[] = {"contact_id", "tag"};
  values.clear();
  std::vector<std::string_view> seen;
  for (const Contact& c : contacts) {
    seen.clear();
    for (const auto& t : c.tags) {
      if (std::find(seen.begin(), seen.end(), t) != seen.end()) continue;
      seen.push_back(t);
      values.push_back(Int(c.id));
      values.push_back(View(t));
    }
  }
  if (values.empty()) return {};
  return db_.CopyRows("contact_tag", kTagColumns, values);
}

Status Store::InsertContacts(std::span<const Contact> contacts, Instant now) {
  if (db_.CanCopy()) return CopyContacts(contacts, now);
  static const std::string kMany = ContactInsertSql(kContactsPerInsert);
  static const std::string kOne = ContactInsertSql(1);
  // The keys of one statement's rows, in one buffer: views are taken once
  // it stops growing.
  std::string keys;
  std::vector<size_t> ends;
  std::vector<Value> params;
  params.reserve(2 + 15 * kContactsPerInsert);
  for (size_t done = 0; done < contacts.size();) {
    const size_t n = contacts.size() - done >= kContactsPerInsert ? kContactsPerInsert : 1;
    const auto rows = contacts.subspan(done, n);
    keys.clear();
    ends.clear();
    for (const Contact& c : rows) {
      if (c.email) AppendFoldCase(*c.email, keys);
      ends.push_back(keys.size());
    }
    auto key = [&](size_t i) {
      const size_t from = i == 0 ? 0 : ends[i - 1];
      return Value{std::string_view(keys).substr(from, ends[i] - from)};
    };
    params.clear();
    params.push_back(Int(ws_));
    params.push_back(Int(ToUnix(now)));
    for (size_t r = 0; r < n; ++r) {
      const Contact& c = rows[r];
      params.push_back(Int(c.id));
      params.push_back(View(c.name));
      params.push_back(OptId(c.org_id));
      params.push_back(Opt(c.title));
      params.push_back(Opt(c.email));
      params.push_back(c.email ? key(r) : Value{});
      params.push_back(Opt(c.phone));
      params.push_back(Opt(c.linkedin));
      params.push_back(Opt(c.location));
      params.push_back(Opt(c.tz));
      params.push_back(c.source ? Value{ToString(*c.source)} : Value{});
      params.push_back(c.degree ? Value{ToString(*c.degree)} : Value{});
      params.push_back(OptId(c.introducer_id));
      params.push_back(OptTime(c.connected_at));
      params.push_back(Opt(c.note));
    }
    RAPPORT_ASSIGN_OR_RETURN(auto changed, db_.Execute(n == 1 ? kOne : kMany, params));
    if (static_cast<size_t>(changed) != n) {
      return Error::Storage("an insert of " + std::to_string(n) + " contacts changed " +
                            std::to_string(changed) + " rows");
    }
    done += n;
  }
  // A new id has no tags yet (they go with their contact: ON DELETE
  // CASCADE), so there is nothing to delete first, unlike WriteTags.
  static const std::string kManyTags = TagInsertSql(kTagsPerInsert);
  static const std::string kOneTag = TagInsertSql(1);
  params.clear();
  size_t pending = 0;
  auto flush = [&](const std::string& sql) -> Status {
    RAPPORT_RETURN_IF_ERROR(db_.Execute(sql, params));
    params.clear();
    pending = 0;
    return {};
  };
  for (const Contact& c : contacts) {
    for (const auto& t : c.tags) {
      params.push_back(Int(c.id));
      params.push_back(View(t));
      if (++pending == kTagsPerInsert) RAPPORT_RETURN_IF_ERROR(flush(kManyTags));
    }
  }
  for (size_t i = 0; i < pending; ++i) {
    RAPPORT_RETURN_IF_ERROR(db_.Execute(kOneTag, std::span<const Value>(params).subspan(2 * i, 2)));
  }
  return {};
}

Result<Id> Store::NextOrganizationId() { return db_.NextId("organization"); }

Status Store::InsertOrganizations(std::span<const Organization> orgs, Instant now) {
  if (db_.CanCopy()) {
    static constexpr std::string_view kColumns[] = {"id",       "workspace_id", "name",
                                                    "name_key", "industry",     "size",
                                                    "location", "website",      "created_at"};
    std::vector<std::string> keys(orgs.size());
    std::vector<Value> values;
    values.reserve(orgs.size() * std::size(kColumns));
    for (size_t i = 0; i < orgs.size(); ++i) {
      const Organization& o = orgs[i];
      AppendFoldCase(o.name, keys[i]);
      values.push_back(Int(o.id));
      values.push_back(Int(ws_));
      values.push_back(View(o.name));
      values.push_back(View(keys[i]));
      values.push_back(Opt(o.industry));
      values.push_back(OptEnum(o.size));
      values.push_back(Opt(o.location));
      values.push_back(Opt(o.website));
      values.push_back(Int(ToUnix(now)));
    }
    if (values.empty()) return {};
    return db_.CopyRows("organization", kColumns, values);
  }
  // $1 the workspace, $2 the time, then 7 per row.
  auto sql_for = [](size_t rows) {
    std::string sql =
        "INSERT INTO organization (id, workspace_id, name, name_key, industry, size, location, "
        "website, created_at) VALUES ";
    int n = 3;
    for (size_t r = 0; r < rows; ++r) {
      sql += r ? ", ($" : "($";
      sql += std::to_string(n++);
      sql += ", $1";
      for (int k = 0; k < 6; ++k) {
        sql += ", $";
        sql += std::to_string(n++);
      }
      sql += ", $2)";
    }
    return sql;
  };
  constexpr size_t kPerInsert = 64;
  static const std::string kMany = sql_for(kPerInsert);
  static const std::string kOne = sql_for(1);
  std::vector<std::string> keys;
  std::vector<Value> params;
  for (size_t done = 0; done < orgs.size();) {
    const size_t n = orgs.size() - done >= kPerInsert ? kPerInsert : 1;
    keys.resize(n);
    params.clear();
    params.push_back(Int(ws_));
    params.push_back(Int(ToUnix(now)));
    for (size_t r = 0; r < n; ++r) {
      const Organization& o = orgs[done + r];
      keys[r].clear();
      AppendFoldCase(o.name, keys[r]);
      params.push_back(Int(o.id));
      params.push_back(View(o.name));
      params.push_back(View(keys[r]));
      params.push_back(Opt(o.industry));
      params.push_back(OptEnum(o.size));
      params.push_back(Opt(o.location));
      params.push_back(Opt(o.website));
    }
    RAPPORT_ASSIGN_OR_RETURN(auto changed, db_.Execute(n == 1 ? kOne : kMany, params));
    if (static_cast<size_t>(changed) != n) {
      return Error::Storage("an insert of " + std::to_string(n) + " organizations changed " +
                            std::to_string(changed) + " rows");
    }
    done += n;
  }
  return {};
}

Result<std::vector<Database::IndexDefinition>> Store::DropContactIndexes() {
  RAPPORT_ASSIGN_OR_RETURN(auto indexes, db_.ListIndexes("contact"));
  // And the foreign keys an engine checks row by row (PostgreSQL's), which
  // come back after the indexes.
  RAPPORT_ASSIGN_OR_RETURN(auto keys, db_.ListForeignKeys("contact"));
  indexes.insert(indexes.end(), keys.begin(), keys.end());
  for (const auto& ix : indexes) {
    RAPPORT_RETURN_IF_ERROR(
        db_.ExecScript(ix.drop.empty() ? "DROP INDEX \"" + ix.name + "\"" : ix.drop));
  }
  return indexes;
}

Status Store::CreateIndexes(const std::vector<Database::IndexDefinition>& indexes) {
  for (const auto& ix : indexes) RAPPORT_RETURN_IF_ERROR(db_.ExecScript(ix.sql));
  return {};
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
  return WriteTags(c.id, c.tags);
}

Status Store::RemoveContact(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM contact WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "contact", id);
}

// ===========================================================================
// Objectives

namespace {
constexpr std::string_view kObjectiveSelect =
    "SELECT id, title, kind, target, notes, created_at FROM objective WHERE workspace_id = $1";

Result<std::vector<Objective>> ObjectivesFromRows(Result<std::vector<Row>> rows) {
  if (!rows) return rows.error();
  std::vector<Objective> out;
  for (const auto& r : *rows) {
    Objective o;
    o.id = r.Int(0);
    o.title = r.Text(1);
    o.kind = ParseObjectiveKind(r.Text(2)).value_or(ObjectiveKind::kIndustry);
    if (auto t = r.OptInt(3)) o.target = static_cast<int>(*t);
    o.notes = r.OptText(4);
    o.created_at = FromUnix(r.Int(5));
    out.push_back(std::move(o));
  }
  return out;
}
}  // namespace

Result<Objective> Store::AddObjective(const Objective& o, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Id new_id,
      db_.Insert("INSERT INTO objective (workspace_id, title, title_key, kind, target, notes, "
                "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {Int(ws_), o.title, FoldCase(o.title), std::string(ToString(o.kind)),
                 o.target ? Value{std::int64_t{*o.target}} : Value{}, Opt(o.notes),
                 Int(ToUnix(now))}));
  Objective out = o;
  out.id = new_id;
  out.created_at = now;
  return out;
}

Result<std::optional<Objective>> Store::GetObjective(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto found, ObjectivesFromRows(db_.Query(std::string(kObjectiveSelect) + " AND id = $2",
                                               {Int(ws_), Int(id)})));
  if (found.empty()) return std::optional<Objective>{};
  return std::optional<Objective>{std::move(found[0])};
}

Result<std::vector<Objective>> Store::FindObjectives(std::string_view fragment) {
  return ObjectivesFromRows(
      db_.Query(std::string(kObjectiveSelect) +
                    " AND title_key LIKE $2 ESCAPE '\\' ORDER BY title_key, id",
                {Int(ws_), ContainsPattern(fragment)}));
}

Result<std::vector<Objective>> Store::ListObjectives() {
  return ObjectivesFromRows(
      db_.Query(std::string(kObjectiveSelect) + " ORDER BY created_at, id", {Int(ws_)}));
}

Status Store::UpdateObjective(const Objective& o) {
  return ExpectOne(
      db_.Execute("UPDATE objective SET title = $3, title_key = $4, kind = $5, target = $6, "
                  "notes = $7 WHERE workspace_id = $1 AND id = $2",
                  {Int(ws_), Int(o.id), o.title, FoldCase(o.title), std::string(ToString(o.kind)),
                   o.target ? Value{std::int64_t{*o.target}} : Value{}, Opt(o.notes)}),
      "objective", o.id);
}

Status Store::RemoveObjective(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM objective WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "objective", id);
}

// ===========================================================================
// Events

Result<Event> Store::AddEvent(const Event& e, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Id new_id,
      db_.Insert("INSERT INTO event (workspace_id, contact_id, objective_id, kind, at, channel, "
                "body, via_id, voicemail, meeting_at, meeting_tz, meeting_minutes, meeting_mode, "
                "meeting_place, theirs, due, promise_id, created_at, fit) VALUES ($1, $2, $3, $4, "
                "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
                {Int(ws_), Int(e.contact_id), OptId(e.objective_id),
                 std::string(ToString(e.kind)), Int(ToUnix(e.at)), OptEnum(e.channel),
                 Opt(e.body), OptId(e.via_id), Int(e.voicemail ? 1 : 0), OptTime(e.meeting_at),
                 Opt(e.meeting_tz),
                 e.meeting_minutes ? Value{std::int64_t{*e.meeting_minutes}} : Value{},
                 OptEnum(e.meeting_mode), Opt(e.meeting_place), Int(e.theirs ? 1 : 0),
                 OptTime(e.due), OptId(e.promise_id), Int(ToUnix(now)), OptInt(e.fit)}));
  Event out = e;
  out.id = new_id;
  return out;
}

Result<std::optional<Event>> Store::GetEvent(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto found,
      EventsFromRows(db_.Query("SELECT " + std::string(kEventColumns) +
                                   " FROM event WHERE workspace_id = $1 AND id = $2",
                               {Int(ws_), Int(id)})));
  if (found.empty()) return std::optional<Event>{};
  return std::optional<Event>{found[0]};
}

Result<std::vector<Event>> Store::ListEvents(Id contact_id) {
  return EventsFromRows(db_.Query("SELECT " + std::string(kEventColumns) +
                                      " FROM event WHERE workspace_id = $1 AND contact_id = $2 "
                                      "ORDER BY at, id",
                                  {Int(ws_), Int(contact_id)}));
}

Result<std::vector<Event>> Store::ListEventsOf(const std::vector<Id>& contact_ids) {
  if (contact_ids.empty()) return std::vector<Event>{};
  return EventsFromRows(db_.Query("SELECT " + std::string(kEventColumns) +
                                      " FROM event WHERE workspace_id = $1 AND contact_id IN (" +
                                      IdList(contact_ids) + ") ORDER BY contact_id, at, id",
                                  {Int(ws_)}));
}

Result<std::vector<Event>> Store::ListEventsByKind(EventKind kind, Instant from, Instant to) {
  return EventsFromRows(db_.Query("SELECT " + std::string(kEventColumns) +
                                      " FROM event WHERE workspace_id = $1 AND kind = $2 AND "
                                      "at >= $3 AND at < $4 ORDER BY at, id",
                                  {Int(ws_), std::string(ToString(kind)), Int(ToUnix(from)),
                                   Int(ToUnix(to))}));
}

Result<std::vector<Event>> Store::ListAllEvents() {
  return EventsFromRows(db_.Query("SELECT " + std::string(kEventColumns) +
                                      " FROM event WHERE workspace_id = $1 "
                                      "ORDER BY contact_id, at, id",
                                  {Int(ws_)}));
}

Status Store::RemoveEvent(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM event WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "event", id);
}

// ===========================================================================
// Derived state

Status Store::PutContactState(const ContactState& s) {
  auto r = db_.Execute(
      "INSERT INTO contact_state (contact_id, workspace_id, stage, objective_id, next_due, "
      "last_event_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (contact_id) DO UPDATE SET "
      "stage = excluded.stage, objective_id = excluded.objective_id, next_due = "
      "excluded.next_due, last_event_at = excluded.last_event_at",
      {Int(s.contact_id), Int(ws_), s.stage, OptId(s.objective_id), OptTime(s.next_due),
       OptTime(s.last_event_at)});
  if (!r) return r.error();
  return {};
}

Result<std::vector<ContactState>> Store::ListContactStates() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT contact_id, stage, objective_id, next_due, last_event_at "
                           "FROM contact_state WHERE workspace_id = $1 ORDER BY contact_id",
                           {Int(ws_)}));
  std::vector<ContactState> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), r.OptInt(2), RowTime(r, 3), RowTime(r, 4)});
  }
  return out;
}

Result<std::vector<Id>> Store::ContactsDueBy(Instant horizon, int limit) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT contact_id FROM contact_state WHERE workspace_id = $1 AND "
                           "next_due <= $2 ORDER BY next_due, contact_id LIMIT $3",
                           {Int(ws_), Int(ToUnix(horizon)), Int(limit)}));
  std::vector<Id> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::int64_t> Store::CountContactsDueBy(Instant horizon) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT COUNT(*) FROM contact_state WHERE workspace_id = $1 AND "
                           "next_due <= $2",
                           {Int(ws_), Int(ToUnix(horizon))}));
  return rows.at(0).Int(0);
}

Result<std::vector<Id>> Store::ContactsWithMeetingsBetween(Instant from, Instant to) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT DISTINCT contact_id FROM event WHERE workspace_id = $1 AND "
                           "meeting_at IS NOT NULL AND meeting_at >= $2 AND meeting_at < $3",
                           {Int(ws_), Int(ToUnix(from)), Int(ToUnix(to))}));
  std::vector<Id> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<bool> Store::HasPipeline() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT 1 FROM contact_state WHERE workspace_id = $1 AND stage <> "
                           "'none' LIMIT 1",
                           {Int(ws_)}));
  return !rows.empty();
}

// ===========================================================================
// Restoring a backup: rows keep their ids and timestamps.

Status Store::RestoreOrganization(const Organization& o) {
  auto r = db_.Execute(
      "INSERT INTO organization (id, workspace_id, name, name_key, industry, size, location, "
      "website, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {Int(o.id), Int(ws_), o.name, FoldCase(o.name), Opt(o.industry), OptEnum(o.size),
       Opt(o.location), Opt(o.website), Int(ToUnix(o.created_at))});
  if (!r) return r.error();
  return {};
}

Status Store::SetIntroducer(Id contact_id, Id introducer_id) {
  return ExpectOne(db_.Execute("UPDATE contact SET introducer_id = $3 WHERE workspace_id = $1 AND "
                               "id = $2",
                               {Int(ws_), Int(contact_id), Int(introducer_id)}),
                   "contact", contact_id);
}

Status Store::RestoreObjective(const Objective& o) {
  auto r = db_.Execute(
      "INSERT INTO objective (id, workspace_id, title, title_key, kind, target, notes, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {Int(o.id), Int(ws_), o.title, FoldCase(o.title), std::string(ToString(o.kind)),
       o.target ? Value{std::int64_t{*o.target}} : Value{}, Opt(o.notes),
       Int(ToUnix(o.created_at))});
  if (!r) return r.error();
  return {};
}

Status Store::RestoreEvent(const Event& e) {
  auto r = db_.Execute(
      "INSERT INTO event (id, workspace_id, contact_id, objective_id, kind, at, channel, body, "
      "via_id, voicemail, meeting_at, meeting_tz, meeting_minutes, meeting_mode, meeting_place, "
      "theirs, due, promise_id, created_at, fit) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
      "$10, $11, $12, $13, $14, $15, $16, $17, $18, $6, $19)",
      {Int(e.id), Int(ws_), Int(e.contact_id), OptId(e.objective_id),
       std::string(ToString(e.kind)), Int(ToUnix(e.at)), OptEnum(e.channel), Opt(e.body),
       OptId(e.via_id), Int(e.voicemail ? 1 : 0), OptTime(e.meeting_at), Opt(e.meeting_tz),
       e.meeting_minutes ? Value{std::int64_t{*e.meeting_minutes}} : Value{},
       OptEnum(e.meeting_mode), Opt(e.meeting_place), Int(e.theirs ? 1 : 0), OptTime(e.due),
       OptId(e.promise_id), OptInt(e.fit)});
  if (!r) return r.error();
  return {};
}

Result<bool> Store::IsEmpty() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT (SELECT COUNT(*) FROM organization WHERE workspace_id = $1) + "
                "(SELECT COUNT(*) FROM contact WHERE workspace_id = $1) + "
                "(SELECT COUNT(*) FROM objective WHERE workspace_id = $1) + "
                "(SELECT COUNT(*) FROM event WHERE workspace_id = $1) + "
                "(SELECT COUNT(*) FROM note WHERE workspace_id = $1)",
                {Int(ws_)}));
  return rows.at(0).Int(0) == 0;
}

Result<Store::Counts> Store::CountRows() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT (SELECT COUNT(*) FROM organization WHERE workspace_id = $1), "
                "(SELECT COUNT(*) FROM contact WHERE workspace_id = $1), "
                "(SELECT COUNT(*) FROM contact_tag t JOIN contact c ON c.id = t.contact_id "
                "WHERE c.workspace_id = $1), "
                "(SELECT COUNT(*) FROM objective WHERE workspace_id = $1), "
                "(SELECT COUNT(*) FROM event WHERE workspace_id = $1), "
                "(SELECT COUNT(*) FROM question WHERE workspace_id = $1), "
                "(SELECT COUNT(*) FROM note WHERE workspace_id = $1), "
                "(SELECT COUNT(*) FROM answer WHERE workspace_id = $1)",
                {Int(ws_)}));
  const Row& r = rows.at(0);
  return Counts{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5), r.Int(6), r.Int(7)};
}

// ===========================================================================
// What is learned: questions, notes, answers, search

namespace {

constexpr std::string_view kQuestionColumns =
    "id, text, category, objective_id, referral, created_at";

Question QuestionFromRow(const Row& r) {
  Question q;
  q.id = r.Int(0);
  q.text = r.Text(1);
  q.category = ParseQuestionCategory(r.Text(2)).value_or(QuestionCategory::kOther);
  q.objective_id = r.OptInt(3);
  q.referral = r.Int(4) != 0;
  q.created_at = FromUnix(r.Int(5));
  return q;
}

constexpr std::string_view kNoteColumns =
    "id, contact_id, objective_id, body, created_at, updated_at";

Note NoteFromRow(const Row& r) {
  return Note{r.Int(0), r.OptInt(1), r.OptInt(2), r.Text(3), FromUnix(r.Int(4)),
              FromUnix(r.Int(5))};
}

constexpr std::string_view kAnswerColumns =
    "id, contact_id, question_id, objective_id, body, created_at";

Answer AnswerFromRow(const Row& r) {
  return Answer{r.Int(0), r.Int(1), r.Int(2), r.OptInt(3), r.Text(4), FromUnix(r.Int(5))};
}

template <class T, class F>
Result<std::vector<T>> Map(Result<std::vector<Row>> rows, F from_row) {
  if (!rows) return rows.error();
  std::vector<T> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

Result<Question> Store::AddQuestion(const Question& q, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Id id, db_.Insert("INSERT INTO question (workspace_id, text, category, objective_id, "
                        "referral, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                        {Int(ws_), View(q.text), std::string(ToString(q.category)),
                         OptId(q.objective_id), Int(q.referral ? 1 : 0), Int(ToUnix(now))}));
  Question out = q;
  out.id = id;
  out.created_at = now;
  return out;
}

Result<std::optional<Question>> Store::GetQuestion(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT " + std::string(kQuestionColumns) +
                               " FROM question WHERE workspace_id = $1 AND id = $2",
                           {Int(ws_), Int(id)}));
  if (rows.empty()) return std::optional<Question>{};
  return std::optional<Question>{QuestionFromRow(rows[0])};
}

Result<std::vector<Question>> Store::ListQuestions() {
  return Map<Question>(db_.Query("SELECT " + std::string(kQuestionColumns) +
                                     " FROM question WHERE workspace_id = $1 ORDER BY id",
                                 {Int(ws_)}),
                       QuestionFromRow);
}

Status Store::UpdateQuestion(const Question& q) {
  return ExpectOne(
      db_.Execute("UPDATE question SET text = $3, category = $4, objective_id = $5, referral = $6 "
                  "WHERE workspace_id = $1 AND id = $2",
                  {Int(ws_), Int(q.id), View(q.text), std::string(ToString(q.category)),
                   OptId(q.objective_id), Int(q.referral ? 1 : 0)}),
      "question", q.id);
}

Status Store::RemoveQuestion(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM question WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "question", id);
}

Result<bool> Store::QuestionsSeeded() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT questions_seeded FROM workspace WHERE id = $1", {Int(ws_)}));
  return !rows.empty() && rows[0].Int(0) != 0;
}

Status Store::MarkQuestionsSeeded() {
  return ExpectOne(
      db_.Execute("UPDATE workspace SET questions_seeded = 1 WHERE id = $1", {Int(ws_)}),
      "workspace", ws_);
}

Result<std::optional<std::string>> Store::CalendarToken() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT calendar_token FROM workspace WHERE id = $1", {Int(ws_)}));
  if (rows.empty()) return std::optional<std::string>{};
  return rows[0].OptText(0);
}

Status Store::SetCalendarToken(const std::string& token) {
  return ExpectOne(db_.Execute("UPDATE workspace SET calendar_token = $1 WHERE id = $2",
                               {Value{token}, Int(ws_)}),
                   "workspace", ws_);
}

Result<Note> Store::AddNote(const Note& n, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Id id, db_.Insert("INSERT INTO note (workspace_id, contact_id, objective_id, body, "
                        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
                        {Int(ws_), OptId(n.contact_id), OptId(n.objective_id), View(n.body),
                         Int(ToUnix(now))}));
  Note out = n;
  out.id = id;
  out.created_at = out.updated_at = now;
  return out;
}

Result<std::optional<Note>> Store::GetNote(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(auto rows,
                           db_.Query("SELECT " + std::string(kNoteColumns) +
                                         " FROM note WHERE workspace_id = $1 AND id = $2",
                                     {Int(ws_), Int(id)}));
  if (rows.empty()) return std::optional<Note>{};
  return std::optional<Note>{NoteFromRow(rows[0])};
}

Result<std::vector<Note>> Store::ListNotes(std::optional<Id> contact_id,
                                           std::optional<Id> objective_id) {
  std::string sql = "SELECT " + std::string(kNoteColumns) + " FROM note WHERE workspace_id = $1";
  if (contact_id) sql += " AND contact_id = $2";
  if (objective_id) sql += " AND objective_id = $3";
  sql += " ORDER BY created_at, id";
  return Map<Note>(db_.Query(sql, {Int(ws_), OptId(contact_id), OptId(objective_id)}),
                   NoteFromRow);
}

Status Store::UpdateNote(Id id, std::string_view body, Instant now) {
  return ExpectOne(db_.Execute("UPDATE note SET body = $3, updated_at = $4 WHERE workspace_id = "
                               "$1 AND id = $2",
                               {Int(ws_), Int(id), Value{body}, Int(ToUnix(now))}),
                   "note", id);
}

Status Store::RemoveNote(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM note WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "note", id);
}

Result<Answer> Store::AddAnswer(const Answer& a, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Id id, db_.Insert("INSERT INTO answer (workspace_id, contact_id, question_id, objective_id, "
                        "body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                        {Int(ws_), Int(a.contact_id), Int(a.question_id), OptId(a.objective_id),
                         View(a.body), Int(ToUnix(now))}));
  Answer out = a;
  out.id = id;
  out.created_at = now;
  return out;
}

Result<std::vector<Answer>> Store::ListAnswers(std::optional<Id> contact_id,
                                               std::optional<Id> objective_id) {
  std::string sql =
      "SELECT " + std::string(kAnswerColumns) + " FROM answer WHERE workspace_id = $1";
  if (contact_id) sql += " AND contact_id = $2";
  if (objective_id) sql += " AND objective_id = $3";
  sql += " ORDER BY created_at, id";
  return Map<Answer>(db_.Query(sql, {Int(ws_), OptId(contact_id), OptId(objective_id)}),
                     AnswerFromRow);
}

Result<std::optional<Answer>> Store::GetAnswer(Id id) {
  RAPPORT_ASSIGN_OR_RETURN(auto rows,
                           db_.Query("SELECT " + std::string(kAnswerColumns) +
                                         " FROM answer WHERE workspace_id = $1 AND id = $2",
                                     {Int(ws_), Int(id)}));
  if (rows.empty()) return std::optional<Answer>{};
  return std::optional<Answer>{AnswerFromRow(rows[0])};
}

Status Store::RemoveAnswer(Id id) {
  return ExpectOne(
      db_.Execute("DELETE FROM answer WHERE workspace_id = $1 AND id = $2", {Int(ws_), Int(id)}),
      "answer", id);
}

Result<std::vector<Id>> Store::ObjectiveContactIds(Id objective_id) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT contact_id FROM contact_state WHERE workspace_id = $1 AND "
                "objective_id = $2 UNION SELECT contact_id FROM answer WHERE workspace_id = $1 "
                "AND objective_id = $2 UNION SELECT contact_id FROM event WHERE workspace_id = $1 "
                "AND objective_id = $2 AND kind = 'meeting_held' ORDER BY 1",
                {Int(ws_), Int(objective_id)}));
  std::vector<Id> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<Event>> Store::ListObjectiveEvents(Id objective_id) {
  return EventsFromRows(db_.Query("SELECT " + std::string(kEventColumns) +
                                      " FROM event WHERE workspace_id = $1 AND objective_id = $2 "
                                      "ORDER BY at, id",
                                  {Int(ws_), Int(objective_id)}));
}

Status Store::RestoreQuestion(const Question& q) {
  auto r = db_.Execute(
      "INSERT INTO question (id, workspace_id, text, category, objective_id, referral, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {Int(q.id), Int(ws_), View(q.text), std::string(ToString(q.category)),
       OptId(q.objective_id), Int(q.referral ? 1 : 0), Int(ToUnix(q.created_at))});
  if (!r) return r.error();
  return {};
}

Status Store::RestoreNote(const Note& n) {
  auto r = db_.Execute(
      "INSERT INTO note (id, workspace_id, contact_id, objective_id, body, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {Int(n.id), Int(ws_), OptId(n.contact_id), OptId(n.objective_id), View(n.body),
       Int(ToUnix(n.created_at)), Int(ToUnix(n.updated_at))});
  if (!r) return r.error();
  return {};
}

Status Store::RestoreAnswer(const Answer& a) {
  auto r = db_.Execute(
      "INSERT INTO answer (id, workspace_id, contact_id, question_id, objective_id, body, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {Int(a.id), Int(ws_), Int(a.contact_id), Int(a.question_id), OptId(a.objective_id),
       View(a.body), Int(ToUnix(a.created_at))});
  if (!r) return r.error();
  return {};
}

Status Store::ClearQuestions() {
  auto r = db_.Execute("DELETE FROM question WHERE workspace_id = $1", {Int(ws_)});
  if (!r) return r.error();
  return {};
}

}  // namespace rapport
