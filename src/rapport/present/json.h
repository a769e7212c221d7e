// One JSON shape per record, written here once for every face: the CLI's
// --json and the web API both call these (the backup keeps its own
// versioned shape, app/backup.cpp). Only fields that are set appear; every
// object has its `id`; times are ISO-8601 UTC ("2026-03-02T09:30:00Z");
// enums are their names ("first", "meeting_held").
//
// Only nlohmann's forward declarations are included: the faces that call
// these include <nlohmann/json.hpp> themselves, and nothing else pays for it.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "rapport/model/error.h"
#include "rapport/model/types.h"

namespace rapport {
struct Action;
struct AgendaItem;
struct OpenPromise;
struct PrepBrief;
struct SearchResult;
struct SearchResults;
struct Stats;
}  // namespace rapport

namespace rapport::present {

// An organization: its details, how many contacts it has (`contact_count`,
// and the same number as `contacts`, the CLI's name for it before the two
// faces shared this shape) and when it was added.
nlohmann::json OrganizationJson(const Organization& o);
// A person: their details, organization and introducer (ids and names),
// tags, and when the record was made and changed.
nlohmann::json ContactJson(const Contact& c);
// One entry of the interaction log, with the meeting's details, the fit,
// the promise's side and due time when the event has them.
nlohmann::json EventJson(const Event& e);
nlohmann::json ObjectiveJson(const Objective& o);
nlohmann::json NoteJson(const Note& n);
nlohmann::json AnswerJson(const Answer& a);
// A promise still open: its promise_made event and the contact's name.
nlohmann::json OpenPromiseJson(const OpenPromise& p);

// What the playbook asks of the user next: its kind (as `kind`, and as
// `action`, the CLI's name for it before the two faces shared this shape),
// when it is due and why, whom it is towards (`contact_id`, absent for the
// weekly goal; `about_id` for the person met), its objective, the promise
// it delivers (`promise_id`), when it stops applying (`until`), and the
// event that does it in one step (`done_by`) when there is one.
nlohmann::json ActionJson(const Action& a);
// An agenda entry: ActionJson, whether it is `overdue`, and the names of
// its `contact`, `about` and `objective` when it has them.
nlohmann::json AgendaItemJson(const AgendaItem& item);

// Meetings per week, response rates by degree and source, objectives.
nlohmann::json StatsJson(const Stats& s);
// A search hit with its snippet as {"text", "highlights": [[start, end],
// ...]} (byte offsets of the matched words in text), its rank and context.
nlohmann::json SearchHitJson(const SearchResult& r);
// {"results": [hit...], "windowed": bool}.
nlohmann::json SearchResultsJson(const SearchResults& r);
// The brief and question plan for a contact's next meeting. `minutes` is
// its length: the meeting's own, else the playbook's default.
nlohmann::json PrepJson(const PrepBrief& b, int default_minutes);

// The name of an error's kind, as the faces' JSON spells it:
// "invalid_argument", "not_found", "ambiguous", "conflict", "storage",
// "schema_too_new", "io".
const char* ErrorKindName(ErrorCode code);
// {"error": {"kind", "message", "field"}}: `field` only when not empty,
// named as the face names the input (the CLI's flag, "--at").
nlohmann::json ErrorJson(std::string_view kind, const std::string& message,
                         const std::string& field);

}  // namespace rapport::present
