// How the command line words the core's errors. app/ says what is wrong
// with which input ("meeting_at": "say when the meeting is, e.g. ...");
// the CLI names the input as the person typed it (its flag, "--at") and
// adds the hints only a terminal user can follow ("see 'rapport contact
// list'").
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "rapport/model/error.h"

namespace CLI {
class App;
}

namespace rapport::cli {

// The flag of `command` (or of the global options) that carries the input
// `field`, e.g. "--at" for "meeting_at" on `schedule`, "--to" for "org" on
// `network`; "" when the input is positional or not this command's.
std::string FlagFor(const CLI::App* command, std::string_view field);

// A failure as the command line reports it, in the two forms it has: one
// line for a person, or an object for a script (--json).
struct Problem {
  // What went wrong: an ErrorCode's name (present::ErrorKindName,
  // "invalid_argument", "not_found", ...) or "usage" for a command line
  // the parser did not accept.
  std::string kind;
  // The reason and its hints, without the flag: "there is no contact 99
  // (see 'rapport contact list')".
  std::string message;
  // The input as typed on the command line: a flag ("--at"), a positional
  // argument's name ("CONTACT"), or "" when the failure is about no input.
  std::string field;
  // Shown before the line on stderr: "error: " for the core's errors,
  // "rapport: " for a command line not understood (as git does).
  std::string lead = "error: ";
};

// `e` worded for `command`, the subcommand that ran (null before one is
// known): its field as that command's flag, its message with the hint a
// terminal user can follow ("there is no contact 99 (see 'rapport contact
// list')"); on stderr it reads "error: --at: 'x' is not a date or time".
Problem ProblemOf(const Error& e, const CLI::App* command);

// Writes `p` and returns `exit_code`: with `json`, {"error": {"kind",
// "message", "field"}} on `out` (field only when there is one), so a
// script reads what failed from stdout and how from the exit code;
// otherwise "error: --at: MESSAGE" (the flag, when the field is one) on
// `err`.
int Report(const Problem& p, bool json, std::ostream& out, std::ostream& err, int exit_code);

}  // namespace rapport::cli
