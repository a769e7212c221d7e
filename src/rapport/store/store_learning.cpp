// Store: objectives and what is learned for them: the question bank,
// notes and answers, and the workspace's own settings (questions seeded,
// the calendar token).
#include "rapport/store/store.h"

#include "rapport/store/store_internal.h"

namespace rapport {

using namespace store_internal;

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

Result<std::vector<Note>> Store::GetNotes(const std::vector<Id>& ids) {
  std::vector<Note> out;
  if (ids.empty()) return out;
  RAPPORT_ASSIGN_OR_RETURN(auto rows,
                           db_.Query("SELECT " + std::string(kNoteColumns) +
                                         " FROM note WHERE +workspace_id = $1 AND id IN (" +
                                         IdList(ids) + ") ORDER BY id",
                                     {Int(ws_)}));
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(NoteFromRow(r));
  return out;
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

}  // namespace rapport
