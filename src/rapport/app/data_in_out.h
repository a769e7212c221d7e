// Imports, merges, exports, the calendar feed, backup and restore, and the
// networking sheet (app/import.cpp, export.cpp, backup.cpp, sheet.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/app/pipeline.h"
#include "rapport/app/use_case.h"
#include "rapport/model/types.h"

namespace rapport {

struct ExportFilter {
  std::optional<std::string> org;  // REF
  std::optional<std::string> tag;
};

enum class ImportFormat { kLinkedIn, kVCard, kGoogle };
std::optional<ImportFormat> ParseImportFormat(std::string_view s);  // "linkedin", "vcard", "google"
std::string_view ToString(ImportFormat f);                          // the same names
// Which export `data` looks like, from its first lines: a vCard (BEGIN:VCARD),
// a LinkedIn export (a header with Connected On) or a Google Contacts CSV (a
// header with "E-mail 1 - Value" or "Given Name"); nullopt when none.
std::optional<ImportFormat> DetectImportFormat(std::string_view data);

struct ImportOptions {
  ImportFormat format = ImportFormat::kLinkedIn;
  bool dry_run = false;     // work it all out, write nothing
  bool keep_going = false;  // import the good rows even when some are bad
  std::vector<std::string> tags;  // added to everyone imported or merged
  // Called now and then with (people done, people in the file).
  std::function<void(size_t, size_t)> progress;
};

struct ImportRow {
  int line = 0;
  std::string reason;
};

struct ImportMerge {
  int line = 0;
  Id contact_id = 0;
  std::string name;
  std::string matched_by;              // "email", "linkedin", "name and organization"
  std::vector<std::string> filled;     // what the row added here: "phone +1 555 0100", "title"
  std::vector<std::string> conflicts;  // "title: kept 'CTO'; the file says 'CEO'"
  bool changed() const { return !filled.empty(); }  // counted merged, else unchanged
};

// A row added as someone new although a person here has the same name (and
// organization, or none): nothing proves they are one person (no shared
// address or profile), and the row differs, so both are kept for the seeker
// to merge if they are.
struct ImportDuplicate {
  int line = 0;
  Id added_id = 0, existing_id = 0;
  std::string name;
  std::string why;  // "same name at Acme", "same name, no organization"
};

// Rows with one reason, for a summary that says it once.
struct ImportRowGroup {
  std::string reason;
  std::vector<int> lines;
};
std::vector<ImportRowGroup> GroupByReason(const std::vector<ImportRow>& rows);

struct ImportReport {
  int added = 0, merged = 0, unchanged = 0;
  int organizations_added = 0;
  std::vector<ImportRow> skipped;   // nothing to import (date-only rows, no name)
  std::vector<ImportRow> rejected;  // malformed rows
  // Rows that say again what an earlier row of the same file said
  // ("the same as line 4"): not counted unchanged, which means "already here".
  std::vector<ImportRow> repeated;
  // Merges (changed) and rows that matched someone and changed nothing but
  // disagreed on a field (conflicts only).
  std::vector<ImportMerge> merges;
  std::vector<ImportDuplicate> possible_duplicates;
  bool written = false;  // false for --dry-run, or when bad rows stopped it
};

struct MergeResult {
  Contact survivor;
  std::string removed_name;
  int events_moved = 0;
};

struct RestoreReport {
  int organizations = 0, contacts = 0, objectives = 0, events = 0;
  int questions = 0, notes = 0, answers = 0;
};

// Data in and out: imports and merges, exports (vCard, CSV, iCalendar and
// its feed), the JSON backup and restore, and the printable sheet.
class DataInOut : public UseCase {
 public:
  using UseCase::UseCase;

  // Reads another program's export and brings its people in, merging those
  // already here by what identifies a person: any of their e-mail addresses,
  // or their LinkedIn profile (two different profiles are two people,
  // whatever their names). A row that only shares a name (and organization)
  // with someone merges only when it says nothing they don't (a second run
  // of the same file); otherwise it is added and reported as a possible
  // duplicate. A row with an address but no name is named by its address.
  // One transaction: with bad rows and no keep_going, nothing is written and
  // the report lists them.
  Result<ImportReport> Import(std::string_view data, const ImportOptions& options);
  // Merges `other` into `survivor`: empty fields filled, tags joined, events
  // and introductions moved; `other` is removed.
  Result<MergeResult> Merge(const std::string& survivor_ref, const std::string& other_ref);

  // ---- the networking sheet ----
  // The one-page printable HTML sheet from the profile (config.toml [user]
  // and [profile]). Without [profile] targets, lists the organizations of
  // the people in the pipeline. Error when the profile has no name.
  Result<std::string> Sheet();

  // ---- export ----
  Result<std::string> ExportVCard(const ExportFilter& f);      // vCard 4.0
  Result<std::string> ExportPeopleCsv(const ExportFilter& f);  // RFC 4180
  Result<std::string> ExportEventsCsv();                       // the interaction log
  // Meetings as VEVENTs (with TZID and a VALARM) and the agenda's actions
  // for the next `days_ahead` days as VTODOs; UIDs are stable, so a
  // calendar re-importing the file updates instead of duplicating.
  Result<std::string> ExportIcs(int days_ahead);
  // The secret in the calendar feed's address (/calendar.ics?token=...),
  // made on first use; `rotate` replaces it, so the old address stops
  // working (for a link shared by mistake).
  Result<std::string> CalendarToken(bool rotate);
  // ExportIcs(days_ahead) for a calendar app that presents `token`;
  // NotFound when it is not this workspace's current token.
  Result<std::string> CalendarFeed(std::string_view token, int days_ahead);

  // ---- backup ----
  // The whole workspace as versioned JSON (see docs/user-guide.md).
  Result<std::string> Backup();
  // Restores a Backup() into this workspace, which must be empty; all or
  // nothing.
  Result<RestoreReport> Restore(std::string_view json_text);
  // Copies this workspace, everything in it, into `target`'s, which must be
  // empty (another database: SQLite to PostgreSQL, say), then checks that
  // the target holds as many rows of each kind as this one. All or nothing
  // in the target, as Restore.
  Result<RestoreReport> CopyTo(DataInOut& target);

 private:
  Result<std::vector<Contact>> SelectContacts(const ExportFilter& f);
  Result<RestoreReport> RestoreJson(std::string_view json_text);

  // In Records and Pipeline (forwarded).
  Result<std::vector<Contact>> ListContacts(const std::optional<std::string>& org_ref,
                                            const std::optional<std::string>& tag);
  Result<Agenda> GetAgenda(int days, int limit);
  Result<std::vector<PipelineEntry>> Board(const std::optional<std::string>& objective_ref);
};

}  // namespace rapport
