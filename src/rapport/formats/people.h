// Parsers and writers for address books other programs export: LinkedIn's
// Connections.csv, vCard 2.1/3.0/4.0, Google Contacts CSV; and writers for
// vCard 4.0 and RFC 4180 CSV. Pure: bytes in, records out (no I/O, no SQL,
// no clock). Matching, merging and storing are app/'s job.
//
// Contract for every parser:
// - It never throws and never crashes on any input (each has a fuzz target).
// - A file that is not what it claims is an Error with a one-line reason
//   ("this is not a LinkedIn connections export: no header with First Name,
//   Last Name and Connected On"); a file that is what it claims but has bad
//   rows returns them in `rejected` with their line number and reason.
// - Lines are 1-based physical lines of the input (a quoted CSV field or a
//   folded vCard line may span several: the record's first line counts).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/error.h"
#include "rapport/model/time.h"
#include "rapport/model/types.h"

namespace rapport {

// One person as another program described them. Text is UTF-8, trimmed;
// empty optionals mean "not given".
struct ImportedPerson {
  int line = 0;            // where the record starts in the file
  std::string name;        // full display name; "" when the file gives none
  std::optional<std::string> org;
  std::optional<std::string> title;
  std::optional<std::string> email;     // the preferred (or first) address
  std::optional<std::string> phone;     // the preferred (or first) number
  std::string email_label, phone_label;  // their labels (NormalizeLabel), "" when none
  std::optional<std::string> linkedin;  // a profile URL, when one is given
  std::optional<std::string> location;  // city/region from an address
  std::optional<std::string> note;
  std::optional<Instant> connected_on;  // LinkedIn's "Connected On" (midnight UTC)
  std::vector<ContactPoint> other_emails;  // the rest, in the file's order, no repeats
  std::vector<ContactPoint> other_phones;
  std::vector<std::string> categories;  // vCard CATEGORIES, Google "Group Membership" labels
  // How the seeker knows them, as Rapport's own vCards carry it
  // (X-RAPPORT-SOURCE, -DEGREE, -INTRODUCER, -OBJECTIVE); text as written,
  // checked by the importer.
  std::optional<std::string> source, degree, introducer;
  std::vector<std::string> objectives;
};

// A label as Rapport keeps it: the usual kinds in lower case ("WORK",
// "* Work", vCard's "cell" -> "mobile"; "work", "home", "mobile", "main",
// "other", "fax", "pager"), anything else as the source wrote it, trimmed
// ("Assistant"); "" for none. vCard's non-labels (pref, voice, internet, x400)
// are dropped, and an x-name loses its "x-" (every one). ; : , " and \ become spaces,
// and a long label is cut at 40 bytes.
std::string NormalizeLabel(std::string_view label);

struct RowIssue {
  int line = 0;
  std::string reason;  // one line, lowercase start
};

struct ParsedPeople {
  std::vector<ImportedPerson> people;
  std::vector<RowIssue> rejected;  // malformed rows: reported, not imported
  std::vector<RowIssue> skipped;   // rows with nothing to import (e.g. LinkedIn's date-only rows)
};

// LinkedIn Connections.csv: the old header (First Name,Last Name,Email
// Address,Company,Position,Connected On) and the current one with URL after
// a "Notes:" preamble; the header row is found, not assumed. Tolerates a
// UTF-8 BOM, CRLF/LF, no final newline, quoted fields with commas, doubled
// quotes and newlines, blank names (company-only rows keep name ""), and
// dates like "15 Mar 2024", "1/8/18, 6:14 PM" and ISO "2024-03-15". A
// `;`-separated file whose header is recognisable is read; a file that is
// not valid UTF-8 (e.g. Windows-1252 re-saved by a spreadsheet) is refused
// with a reason that says to re-export or save as UTF-8. Rows with nothing
// but a date are skipped (members who hide their details). An email cell
// holding "urn:li:member:…" is not an email.
Result<ParsedPeople> ParseLinkedInCsv(std::string_view data);

// vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350): several cards, folded lines,
// QUOTED-PRINTABLE and CHARSET in 2.1, escapes \, \; \n, grouped properties
// (item1.EMAIL), N/FN/ORG/TITLE/EMAIL/TEL/URL/ADR/NOTE/CATEGORIES with TYPE
// and PREF; PHOTO and other binary data skipped (even when truncated); CR CR
// LF and mixed line endings. A card without FN gets its name from N, else
// "". No BEGIN:VCARD anywhere is an Error; a card that never ends or is
// broken is rejected by line.
Result<ParsedPeople> ParseVCard(std::string_view data);

// Google Contacts CSV: the older export (Name,Given Name,…,E-mail 1 - Value,
// …) and the newer one (First Name,Middle Name,Last Name,…,E-mail 1 -
// Value,…).
Result<ParsedPeople> ParseGoogleCsv(std::string_view data);

// ---- writers ----

// What the vCard writer needs of a contact.
struct VCardPerson {
  std::string uid;  // stable, e.g. "rapport-contact-42"
  std::string name;
  std::optional<std::string> org, title, linkedin, location, note;
  // Every address and number, the primary first (written with PREF=1), each
  // with its label as TYPE.
  std::vector<ContactPoint> emails, phones;
  std::vector<std::string> categories;
  std::optional<Instant> revised;  // REV
  // X-RAPPORT-SOURCE, X-RAPPORT-DEGREE, X-RAPPORT-INTRODUCER (a name),
  // X-RAPPORT-CONNECTED (a date), one X-RAPPORT-OBJECTIVE each.
  std::optional<std::string> source, degree, introducer;
  std::optional<Instant> connected_on;
  std::vector<std::string> objectives;
};

// vCard 4.0, CRLF line endings, lines folded at 75 octets without splitting
// a UTF-8 sequence, values escaped. ParseVCard reads it back to the same fields.
std::string WriteVCard(const std::vector<VCardPerson>& people);

// One RFC 4180 CSV record: fields quoted when needed, CRLF at the end.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace rapport
