// Numbered schema migrations, applied in order on open. Each runs in its own
// transaction together with the bump of schema_version, so a failure leaves
// the database at the previous version. Never edit a migration that has
// shipped: add a new one.
//
// Every secondary index starts with workspace_id, and a lookup's own column
// comes next: without statistics, SQLite picks the index matching the most
// equality columns, so (workspace_id, contact_id) wins over (workspace_id,
// kind) for "workspace_id = ? AND contact_id IN (...)" instead of scanning
// the workspace (docs/performance.md). There is no index on contact names:
// name lookups are substring matches (a scan either way) and lists are
// sorted in C++, and each index costs every import.
//
// `{ID}` stands for the engine's auto-numbered primary key type. Instants are
// INTEGER seconds since the Unix epoch, UTC; on PostgreSQL every INTEGER is
// a BIGINT (its INTEGER has 32 bits: instants past 2038 and large ids need
// 64, which SQLite's INTEGER always has).
//
// One list for both engines: `sql` runs on both, and where the dialects
// differ (full-text search) a migration adds `sqlite` or `postgresql` SQL
// that runs on that engine only, after `sql`.
#include <string>
#include <vector>

#include "rapport/store/database.h"

namespace rapport {

namespace {

struct Migration {
  int version;
  const char* sql;                   // both engines
  const char* sqlite = nullptr;      // then, on SQLite only
  const char* postgresql = nullptr;  // then, on PostgreSQL only
};

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, R"sql(
CREATE TABLE workspace (
  id {ID},
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
INSERT INTO workspace (id, name, created_at) VALUES (1, 'default', 0);

CREATE TABLE organization (
  id {ID},
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  industry TEXT,
  size TEXT CHECK (size IN ('small', 'medium', 'large')),
  location TEXT,
  website TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (workspace_id, name_key)
);

CREATE TABLE contact (
  id {ID},
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  org_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,
  title TEXT,
  email TEXT,
  email_key TEXT,
  phone TEXT,
  linkedin TEXT,
  location TEXT,
  tz TEXT,
  source TEXT,
  degree TEXT CHECK (degree IN ('first', 'second', 'cold')),
  introducer_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX contact_email ON contact (workspace_id, email_key);
CREATE INDEX contact_org ON contact (workspace_id, org_id);
CREATE INDEX contact_introducer ON contact (workspace_id, introducer_id);

CREATE TABLE contact_tag (
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (contact_id, tag)
);
CREATE INDEX contact_tag_tag ON contact_tag (tag);

CREATE TABLE objective (
  id {ID},
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('industry', 'company', 'role')),
  target INTEGER,
  notes TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX objective_title ON objective (workspace_id, title_key);

CREATE TABLE event (
  id {ID},
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  objective_id INTEGER REFERENCES objective(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  channel TEXT,
  body TEXT,
  via_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
  voicemail INTEGER NOT NULL DEFAULT 0,
  meeting_at INTEGER,
  meeting_tz TEXT,
  meeting_minutes INTEGER,
  meeting_mode TEXT,
  meeting_place TEXT,
  theirs INTEGER NOT NULL DEFAULT 0,
  due INTEGER,
  promise_id INTEGER REFERENCES event(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX event_contact ON event (workspace_id, contact_id, at, id);
CREATE INDEX event_kind ON event (workspace_id, kind, at);
)sql"},
      // The pipeline's materialized view: each contact's stage and earliest
      // pending action, recomputed by the pure planner whenever that
      // contact's events change, so the agenda reads a few indexed rows.
      {2, R"sql(
CREATE TABLE contact_state (
  contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  objective_id INTEGER REFERENCES objective(id) ON DELETE SET NULL,
  next_due INTEGER,
  last_event_at INTEGER
);
CREATE INDEX contact_state_due ON contact_state (workspace_id, next_due);
)sql"},
      // Imports: the LinkedIn connection date, a free-text note (vCard NOTE,
      // Google Notes), and a normalized LinkedIn URL for matching people.
      // No index on it: imports read every key once into memory, and an
      // index would cost each imported row a random B-tree insert.
      {3, R"sql(
ALTER TABLE contact ADD COLUMN connected_at INTEGER;
ALTER TABLE contact ADD COLUMN note TEXT;
ALTER TABLE contact ADD COLUMN linkedin_key TEXT;
)sql"},
      // Meetings by their time, for the weekly goal: which meetings fall in
      // this week, without scanning every scheduled meeting ever.
      {4, R"sql(
CREATE INDEX event_meeting_at ON event (workspace_id, meeting_at) WHERE meeting_at IS NOT NULL;
)sql"},
      // What is learned (issue 6): the question bank, notes, answers, the
      // fit rating of a meeting, and full-text search over notes, answers
      // and the bodies of events (messages sent, meeting notes).
      //
      // search_text is an FTS5 table kept in step by triggers, so every
      // write path (the CLI, imports, restores, merges) indexes itself. Its
      // rowid encodes the source row: id*4 + 1 note, + 2 answer, + 3 event.
      // It keeps its own copy of the text, which snippet() needs.
      {5, R"sql(
ALTER TABLE event ADD COLUMN fit INTEGER CHECK (fit BETWEEN 1 AND 5);
ALTER TABLE workspace ADD COLUMN questions_seeded INTEGER NOT NULL DEFAULT 0;
CREATE INDEX event_objective ON event (workspace_id, objective_id) WHERE objective_id IS NOT NULL;

CREATE TABLE question (
  id {ID},
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  objective_id INTEGER REFERENCES objective(id) ON DELETE SET NULL,
  referral INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX question_workspace ON question (workspace_id, objective_id);

CREATE TABLE note (
  id {ID},
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,
  objective_id INTEGER REFERENCES objective(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((contact_id IS NULL) <> (objective_id IS NULL))
);
CREATE INDEX note_contact ON note (workspace_id, contact_id);
CREATE INDEX note_objective ON note (workspace_id, objective_id);

CREATE TABLE answer (
  id {ID},
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
  objective_id INTEGER REFERENCES objective(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX answer_contact ON answer (workspace_id, contact_id);
CREATE INDEX answer_objective ON answer (workspace_id, objective_id);
CREATE INDEX answer_question ON answer (question_id);

)sql",
       R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(
  body, kind UNINDEXED, workspace_id UNINDEXED, contact_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
  INSERT INTO search_text (rowid, body, kind, workspace_id, contact_id)
  VALUES (new.id * 4 + 1, new.body, 'note', new.workspace_id, new.contact_id);
END;
CREATE TRIGGER note_search_update AFTER UPDATE OF body, contact_id ON note BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
  INSERT INTO search_text (rowid, body, kind, workspace_id, contact_id)
  VALUES (new.id * 4 + 1, new.body, 'note', new.workspace_id, new.contact_id);
END;
CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER answer_search_insert AFTER INSERT ON answer BEGIN
  INSERT INTO search_text (rowid, body, kind, workspace_id, contact_id)
  VALUES (new.id * 4 + 2, new.body, 'answer', new.workspace_id, new.contact_id);
END;
CREATE TRIGGER answer_search_update AFTER UPDATE OF body, contact_id ON answer BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
  INSERT INTO search_text (rowid, body, kind, workspace_id, contact_id)
  VALUES (new.id * 4 + 2, new.body, 'answer', new.workspace_id, new.contact_id);
END;
CREATE TRIGGER answer_search_delete AFTER DELETE ON answer BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
END;

CREATE TRIGGER event_search_insert AFTER INSERT ON event WHEN new.body IS NOT NULL BEGIN
  INSERT INTO search_text (rowid, body, kind, workspace_id, contact_id)
  VALUES (new.id * 4 + 3, new.body, new.kind, new.workspace_id, new.contact_id);
END;
CREATE TRIGGER event_search_update AFTER UPDATE OF body, contact_id ON event BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
  INSERT INTO search_text (rowid, body, kind, workspace_id, contact_id)
  SELECT new.id * 4 + 3, new.body, new.kind, new.workspace_id, new.contact_id
  WHERE new.body IS NOT NULL;
END;
CREATE TRIGGER event_search_delete AFTER DELETE ON event WHEN old.body IS NOT NULL BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
END;

INSERT INTO search_text (rowid, body, kind, workspace_id, contact_id)
SELECT id * 4 + 3, body, kind, workspace_id, contact_id FROM event WHERE body IS NOT NULL;
)sql",
       R"sql(
-- Words as FTS5's unicode61 tokenizer with remove_diacritics makes them:
-- no stemming, case and accents folded (café = cafe). The accents go
-- through the unaccent extension, which Debian's postgresql-15 ships and
-- a database owner may install (it is trusted); without it, search does
-- not fold accents, and nothing else changes.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'the unaccent extension is not available: search will not fold accents';
END $$;
CREATE TEXT SEARCH CONFIGURATION rapport_search (COPY = pg_catalog.simple);
DO $$
DECLARE
  home TEXT := (SELECT n.nspname FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace
                WHERE d.dictname = 'unaccent' LIMIT 1);
BEGIN
  IF home IS NOT NULL THEN
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION rapport_search ALTER MAPPING FOR '
                   'asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, '
                   'numhword, hword_numpart WITH %I.unaccent, simple', home);
  END IF;
END $$;

-- The full-text index: a copy of each searchable text with its words as a
-- tsvector, under a GIN index. id encodes the source row as SQLite's rowid
-- does: id*4 + 1 note, + 2 answer, + 3 event.
CREATE TABLE search_text (
  id BIGINT PRIMARY KEY,
  body TEXT NOT NULL,
  kind TEXT NOT NULL,
  workspace_id BIGINT NOT NULL,
  contact_id BIGINT,
  words tsvector GENERATED ALWAYS AS (to_tsvector('rapport_search', body)) STORED
);
CREATE INDEX search_text_words ON search_text USING GIN (words);
CREATE INDEX search_text_workspace ON search_text (workspace_id, id);

CREATE FUNCTION note_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_text WHERE id = OLD.id * 4 + 1; END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_text (id, body, kind, workspace_id, contact_id)
    VALUES (NEW.id * 4 + 1, NEW.body, 'note', NEW.workspace_id, NEW.contact_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER note_search AFTER INSERT OR DELETE OR UPDATE OF body, contact_id ON note
  FOR EACH ROW EXECUTE FUNCTION note_search();

CREATE FUNCTION answer_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_text WHERE id = OLD.id * 4 + 2; END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_text (id, body, kind, workspace_id, contact_id)
    VALUES (NEW.id * 4 + 2, NEW.body, 'answer', NEW.workspace_id, NEW.contact_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER answer_search AFTER INSERT OR DELETE OR UPDATE OF body, contact_id ON answer
  FOR EACH ROW EXECUTE FUNCTION answer_search();

CREATE FUNCTION event_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.body IS NOT NULL THEN
    DELETE FROM search_text WHERE id = OLD.id * 4 + 3;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.body IS NOT NULL THEN
    INSERT INTO search_text (id, body, kind, workspace_id, contact_id)
    VALUES (NEW.id * 4 + 3, NEW.body, NEW.kind, NEW.workspace_id, NEW.contact_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER event_search AFTER INSERT OR DELETE OR UPDATE OF body, contact_id ON event
  FOR EACH ROW EXECUTE FUNCTION event_search();

INSERT INTO search_text (id, body, kind, workspace_id, contact_id)
SELECT id * 4 + 3, body, kind, workspace_id, contact_id FROM event WHERE body IS NOT NULL;
)sql"},
      // Partial indexes on the contact columns most people leave empty: a
      // LinkedIn export has an email for a minority of rows and nobody's
      // introducer, and an index entry for NULL is never looked up (an
      // equality implies IS NOT NULL, so SQLite still uses them). Imports
      // write and rebuild a fraction of the entries.
      {6, R"sql(
DROP INDEX contact_email;
CREATE UNIQUE INDEX contact_email ON contact (workspace_id, email_key) WHERE email_key IS NOT NULL;
DROP INDEX contact_introducer;
CREATE INDEX contact_introducer ON contact (workspace_id, introducer_id)
  WHERE introducer_id IS NOT NULL;
)sql"},
      // Keys the code can work out when it needs them are not stored: a
      // contact's folded name (LIKE folds ASCII case itself, as FoldCase
      // does) and the LinkedIn key (imports compute it for every contact
      // they read anyway). Each cost every imported row ~50 bytes.
      //
      // Databases made by the first release carry two indexes on these
      // columns (contact_name, contact_linkedin) that a later edit took out
      // of migration 1, and SQLite will not drop an indexed column: this
      // migration failed on them ("error in index contact_name after drop
      // column"). Dropping the indexes first mends that; a database that
      // got past 7 never runs it again.
      {7, R"sql(
DROP INDEX IF EXISTS contact_name;
DROP INDEX IF EXISTS contact_linkedin;
ALTER TABLE contact DROP COLUMN name_key;
ALTER TABLE contact DROP COLUMN linkedin_key;
)sql"},
      // The secret in the calendar feed's address (rapport serve's
      // /calendar.ics?token=...); NULL until first asked for.
      //
      // Also, databases made by the first release get the indexes every
      // later one has: theirs did not lead with workspace_id (contact_org,
      // event_contact) or had another name (event_workspace_kind), and
      // without ANALYZE statistics SQLite then scans every event for one
      // person's (docs/performance.md). event_contact is rebuilt on every
      // database, once: SQL cannot ask which definition it has.
      {8, R"sql(
ALTER TABLE workspace ADD COLUMN calendar_token TEXT;
DROP INDEX IF EXISTS contact_org;
CREATE INDEX contact_org ON contact (workspace_id, org_id);
DROP INDEX IF EXISTS event_contact;
CREATE INDEX event_contact ON event (workspace_id, contact_id, at, id);
DROP INDEX IF EXISTS event_workspace_kind;
CREATE INDEX IF NOT EXISTS event_kind ON event (workspace_id, kind, at);
)sql"},
      // PostgreSQL only: words split where SQLite's unicode61 splits them.
      // PostgreSQL's parser keeps an address, a host name, a version or a
      // decimal as one token ('ada@example.org', 'node.js', '3.5'), so a
      // search for 'example' or 'node' missed them; every ASCII character
      // that is neither a letter nor a digit is a space first, as in
      // SearchWords (model/search_query.h) and store/search.cpp's headline.
      {9, "", nullptr, R"sql(
ALTER TABLE search_text DROP COLUMN words;
ALTER TABLE search_text ADD COLUMN words tsvector GENERATED ALWAYS AS (
  to_tsvector('rapport_search',
              regexp_replace(body, '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]', ' ', 'g'))) STORED;
CREATE INDEX search_text_words ON search_text USING GIN (words);
)sql"},
      // Every e-mail address and phone number a person came with, and what
      // each is for. The primary ones stay in contact.email and .phone (the
      // one-person-per-address rule is on contact.email_key); position 0
      // holds the primary's label, 1... the others in the source's order.
      // SQLite keeps it WITHOUT ROWID: a contact's rows are found and read
      // in one B-tree, not through an index and then the table.
      {10, R"sql(
CREATE TABLE contact_point (
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  value_key TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contact_id, kind, position)
){WITHOUT_ROWID};
CREATE INDEX contact_point_key ON contact_point (kind, value_key);
ALTER TABLE event ADD COLUMN template TEXT;
)sql"},
      // A write made on a phone while offline carries an id made there; the
      // receipt, written in the same transaction as the record, makes a
      // retry of that write find the record instead of adding it again.
      {11, R"sql(
CREATE TABLE write_receipt (
  workspace_id INTEGER NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
  write_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'answer', 'event')),
  record_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, write_id)
){WITHOUT_ROWID};
)sql"},
      // The names search finds people and organizations by: each word of
      // a name (split and folded as the text index splits and folds) under
      // a full-text index, kept by triggers. id encodes the row: a
      // contact's id * 2, an organization's id * 2 + 1. A LIKE over every
      // name cost 110 ms at 100,000 people; a prefix query on the index
      // costs well under one.
      {12, "", R"sql(
CREATE VIRTUAL TABLE name_text USING fts5(
  name, tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
);
CREATE TRIGGER contact_name_insert AFTER INSERT ON contact BEGIN
  INSERT INTO name_text (rowid, name) VALUES (new.id * 2, new.name);
END;
CREATE TRIGGER contact_name_update AFTER UPDATE OF name ON contact BEGIN
  DELETE FROM name_text WHERE rowid = old.id * 2;
  INSERT INTO name_text (rowid, name) VALUES (new.id * 2, new.name);
END;
CREATE TRIGGER contact_name_delete AFTER DELETE ON contact BEGIN
  DELETE FROM name_text WHERE rowid = old.id * 2;
END;
CREATE TRIGGER organization_name_insert AFTER INSERT ON organization BEGIN
  INSERT INTO name_text (rowid, name) VALUES (new.id * 2 + 1, new.name);
END;
CREATE TRIGGER organization_name_update AFTER UPDATE OF name ON organization BEGIN
  DELETE FROM name_text WHERE rowid = old.id * 2 + 1;
  INSERT INTO name_text (rowid, name) VALUES (new.id * 2 + 1, new.name);
END;
CREATE TRIGGER organization_name_delete AFTER DELETE ON organization BEGIN
  DELETE FROM name_text WHERE rowid = old.id * 2 + 1;
END;
INSERT INTO name_text (rowid, name) SELECT id * 2, name FROM contact;
INSERT INTO name_text (rowid, name) SELECT id * 2 + 1, name FROM organization;
)sql",
       R"sql(
CREATE TABLE name_text (
  id BIGINT PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  words tsvector GENERATED ALWAYS AS (
    to_tsvector('rapport_search',
                regexp_replace(name, '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]', ' ', 'g'))) STORED
);
CREATE INDEX name_text_words ON name_text USING GIN (words);
CREATE FUNCTION contact_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM name_text WHERE id = OLD.id * 2; END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO name_text (id, workspace_id, name) VALUES (NEW.id * 2, NEW.workspace_id, NEW.name);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER contact_name_insert AFTER INSERT ON contact
  FOR EACH ROW EXECUTE FUNCTION contact_name();
CREATE TRIGGER contact_name_change AFTER DELETE OR UPDATE OF name ON contact
  FOR EACH ROW EXECUTE FUNCTION contact_name();
CREATE FUNCTION organization_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM name_text WHERE id = OLD.id * 2 + 1; END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO name_text (id, workspace_id, name) VALUES (NEW.id * 2 + 1, NEW.workspace_id, NEW.name);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER organization_name AFTER INSERT OR DELETE OR UPDATE OF name ON organization
  FOR EACH ROW EXECUTE FUNCTION organization_name();
INSERT INTO name_text (id, workspace_id, name) SELECT id * 2, workspace_id, name FROM contact;
INSERT INTO name_text (id, workspace_id, name) SELECT id * 2 + 1, workspace_id, name FROM organization;
)sql"},
      // When a person's next action becomes late, apart from when it is due:
      // preparing for a meeting is due, never late, until the meeting
      // starts; a new target's request is late only after the day they were
      // added. The rows already there keep their due time as the late one
      // (as before) until their next event or 'reindex'.
      {13, R"sql(
ALTER TABLE contact_state ADD COLUMN next_late INTEGER;
UPDATE contact_state SET next_late = next_due;
)sql"},
  };
  return kMigrations;
}

bool IsWordChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Replaces each whole word `from` of `sql` with `to`.
void ReplaceWord(std::string& sql, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = sql.find(from, pos)) != std::string::npos;) {
    const size_t end = pos + from.size();
    if ((pos > 0 && IsWordChar(sql[pos - 1])) || (end < sql.size() && IsWordChar(sql[end]))) {
      pos = end;
      continue;
    }
    sql.replace(pos, from.size(), to);
    pos += to.size();
  }
}

// The migration's SQL for `db`'s engine.
std::string Expand(const Migration& m, const Database& db) {
  const bool pg = db.Engine() == "postgresql";
  std::string sql = m.sql;
  if (const char* own = pg ? m.postgresql : m.sqlite) sql += own;
  if (pg) ReplaceWord(sql, "INTEGER", "BIGINT");
  ReplaceWord(sql, "{ID}", db.IdColumnType());
  ReplaceWord(sql, "{WITHOUT_ROWID}", pg ? "" : " WITHOUT ROWID");
  return sql;
}

}  // namespace

int LatestSchemaVersion() { return Migrations().back().version; }

Status Migrate(Database& db) {
  // Read first, and make the table only when the read finds none: the open
  // of an up-to-date database writes nothing (on PostgreSQL a write would
  // move the change stamp, and empty the web server's cache, at every
  // command).
  auto rows = db.Query("SELECT MAX(version) FROM schema_version");
  if (!rows) {
    RAPPORT_RETURN_IF_ERROR(
        db.ExecScript("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    rows = db.Query("SELECT MAX(version) FROM schema_version");
    if (!rows) return rows.error();
  }
  const int current = rows->empty() ? 0 : static_cast<int>((*rows)[0].Int(0));
  const int latest = LatestSchemaVersion();
  if (current > latest) {
    return Error(ErrorCode::kSchemaTooNew,
                 "the database " + db.Location() + " was written by a newer Rapport (schema " +
                     std::to_string(current) + ", this rapport knows up to " +
                     std::to_string(latest) + "); upgrade rapport to open it");
  }
  for (const auto& m : Migrations()) {
    if (m.version <= current) continue;
    Transaction tx(db);
    RAPPORT_RETURN_IF_ERROR(tx.Begin());
    RAPPORT_RETURN_IF_ERROR(db.ExecScript(Expand(m, db)));
    RAPPORT_RETURN_IF_ERROR(db.Execute("INSERT INTO schema_version (version) VALUES ($1)",
                                       {Value{std::int64_t{m.version}}}));
    // Migration 1 writes the default workspace with its id.
    RAPPORT_RETURN_IF_ERROR(db.SyncIds());
    RAPPORT_RETURN_IF_ERROR(tx.Commit());
  }
  return {};
}

}  // namespace rapport
