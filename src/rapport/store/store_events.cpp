// Store: the interaction log (events) and what is derived from it per
// contact (contact_state, the planner's cache: migration 2).
#include "rapport/store/store.h"

#include "rapport/store/store_internal.h"

namespace rapport {

using namespace store_internal;

// ===========================================================================
// Events

Result<Event> Store::AddEvent(const Event& e, Instant now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Id new_id,
      db_.Insert("INSERT INTO event (workspace_id, contact_id, objective_id, kind, at, channel, "
                "body, via_id, voicemail, meeting_at, meeting_tz, meeting_minutes, meeting_mode, "
                "meeting_place, theirs, due, promise_id, created_at, fit, template) VALUES ($1, $2, "
                "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
                {Int(ws_), Int(e.contact_id), OptId(e.objective_id),
                 std::string(ToString(e.kind)), Int(ToUnix(e.at)), OptEnum(e.channel),
                 Opt(e.body), OptId(e.via_id), Int(e.voicemail ? 1 : 0), OptTime(e.meeting_at),
                 Opt(e.meeting_tz),
                 e.meeting_minutes ? Value{std::int64_t{*e.meeting_minutes}} : Value{},
                 OptEnum(e.meeting_mode), Opt(e.meeting_place), Int(e.theirs ? 1 : 0),
                 OptTime(e.due), OptId(e.promise_id), Int(ToUnix(now)), OptInt(e.fit),
                 Opt(e.template_name)}));
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

Result<std::int64_t> Store::CountEventsByKind(EventKind kind, Instant from, Instant to,
                                              std::int64_t at_most) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT COUNT(*) FROM (SELECT 1 FROM event WHERE workspace_id = $1 AND "
                           "kind = $2 AND at >= $3 AND at < $4 LIMIT $5) AS counted",
                           {Int(ws_), std::string(ToString(kind)), Int(ToUnix(from)),
                            Int(ToUnix(to)), Int(at_most)}));
  return rows.empty() ? 0 : rows[0].Int(0);
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
      "last_event_at, next_late) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (contact_id) "
      "DO UPDATE SET stage = excluded.stage, objective_id = excluded.objective_id, next_due = "
      "excluded.next_due, last_event_at = excluded.last_event_at, next_late = excluded.next_late",
      {Int(s.contact_id), Int(ws_), s.stage, OptId(s.objective_id), OptTime(s.next_due),
       OptTime(s.last_event_at), OptTime(s.next_late)});
  if (!r) return r.error();
  return {};
}

Result<std::vector<ContactState>> Store::ListContactStates() {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT contact_id, stage, objective_id, next_due, last_event_at, "
                           "next_late FROM contact_state WHERE workspace_id = $1 ORDER BY "
                           "contact_id",
                           {Int(ws_)}));
  std::vector<ContactState> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), r.OptInt(2), RowTime(r, 3), RowTime(r, 4), RowTime(r, 5)});
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

Result<std::int64_t> Store::CountContactsDueBy(Instant horizon, std::int64_t at_most) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT COUNT(*) FROM (SELECT 1 FROM contact_state WHERE workspace_id = "
                           "$1 AND next_due <= $2 LIMIT $3) AS counted",
                           {Int(ws_), Int(ToUnix(horizon)), Int(at_most)}));
  return rows.at(0).Int(0);
}

Result<std::pair<std::int64_t, std::int64_t>> Store::CountContactsDue(Instant now, Instant until) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT COUNT(CASE WHEN next_late < $2 THEN 1 END), COUNT(*) FROM contact_state "
                "WHERE workspace_id = $1 AND next_due <= $3",
                {Int(ws_), Int(ToUnix(now)), Int(ToUnix(until))}));
  const std::int64_t overdue = rows.at(0).Int(0);
  return std::make_pair(overdue, rows.at(0).Int(1) - overdue);
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
// Receipts of writes that carry a client's id

Result<std::optional<Store::WriteReceipt>> Store::GetWriteReceipt(std::string_view write_id) {
  RAPPORT_ASSIGN_OR_RETURN(
      auto rows, db_.Query("SELECT kind, record_id FROM write_receipt WHERE workspace_id = $1 AND "
                           "write_id = $2",
                           {Int(ws_), Value{write_id}}));
  if (rows.empty()) return std::optional<WriteReceipt>{};
  return std::optional<WriteReceipt>{WriteReceipt{rows[0].Text(0), rows[0].Int(1)}};
}

Status Store::AddWriteReceipt(std::string_view write_id, std::string_view kind, Id record_id,
                              Instant now) {
  auto r = db_.Execute(
      "INSERT INTO write_receipt (workspace_id, write_id, kind, record_id, created_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {Int(ws_), Value{write_id}, Value{kind}, Int(record_id), Int(ToUnix(now))});
  if (!r) return r.error();
  return {};
}

}  // namespace rapport
