// Store: the bulk paths. Imports insert many rows per statement with the
// ids they choose (Next*Id), and restores write rows back with their ids
// and timestamps.
#include "rapport/store/store.h"

#include <algorithm>

#include "rapport/store/store_internal.h"

namespace rapport {

using namespace store_internal;

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
  if (!values.empty()) RAPPORT_RETURN_IF_ERROR(db_.CopyRows("contact_tag", kTagColumns, values));
  return InsertPoints(contacts);
}

size_t Store::BulkBatchRows() const { return db_.CanCopy() ? 16384 : 512; }

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
  return InsertPoints(contacts);
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
  // And the trigger that puts each new name into the name index (migration
  // 12): the names of the contacts added meanwhile go in with one
  // statement when it comes back (a row each through the trigger doubled
  // a large import's time).
  RAPPORT_ASSIGN_OR_RETURN(auto top, db_.Query("SELECT COALESCE(MAX(id), 0) FROM contact"));
  const std::string after = std::to_string(top.empty() ? 0 : top[0].Int(0));
  if (db_.Engine() == "postgresql") {
    indexes.push_back({"contact_name_insert",
                       "ALTER TABLE contact ENABLE TRIGGER contact_name_insert; "
                       "INSERT INTO name_text (id, workspace_id, name) "
                       "SELECT id * 2, workspace_id, name FROM contact WHERE id > " + after,
                       "ALTER TABLE contact DISABLE TRIGGER contact_name_insert"});
  } else {
    // Made again from its own text, so the schema reads as a new one's.
    RAPPORT_ASSIGN_OR_RETURN(auto trigger,
                             db_.Query("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                       "AND name = 'contact_name_insert'"));
    if (!trigger.empty()) {
      indexes.push_back({"contact_name_insert",
                         trigger[0].Text(0) + "; INSERT INTO name_text (rowid, name) "
                                              "SELECT id * 2, name FROM contact WHERE id > " + after,
                         "DROP TRIGGER contact_name_insert"});
    }
  }
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
  if (!c.tags.empty()) RAPPORT_RETURN_IF_ERROR(WriteTags(c.id, c.tags));
  return WritePoints(c, /*replace=*/false);
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
      "theirs, due, promise_id, created_at, fit, template) VALUES ($1, $2, $3, $4, $5, $6, $7, "
      "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $6, $19, $20)",
      {Int(e.id), Int(ws_), Int(e.contact_id), OptId(e.objective_id),
       std::string(ToString(e.kind)), Int(ToUnix(e.at)), OptEnum(e.channel), Opt(e.body),
       OptId(e.via_id), Int(e.voicemail ? 1 : 0), OptTime(e.meeting_at), Opt(e.meeting_tz),
       e.meeting_minutes ? Value{std::int64_t{*e.meeting_minutes}} : Value{},
       OptEnum(e.meeting_mode), Opt(e.meeting_place), Int(e.theirs ? 1 : 0), OptTime(e.due),
       OptId(e.promise_id), OptInt(e.fit), Opt(e.template_name)});
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
                "(SELECT COUNT(*) FROM answer WHERE workspace_id = $1), "
                "(SELECT COUNT(*) FROM contact_point p JOIN contact c ON c.id = p.contact_id "
                "WHERE c.workspace_id = $1)",
                {Int(ws_)}));
  const Row& r = rows.at(0);
  return Counts{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4),
                r.Int(5), r.Int(6), r.Int(7), r.Int(8)};
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
