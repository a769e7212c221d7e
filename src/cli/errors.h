// How the command line words the core's errors. app/ says what is wrong
// with which input ("meeting_at": "say when the meeting is, e.g. ...");
// the CLI names the input as the person typed it (its flag, "--at") and
// adds the hints only a terminal user can follow ("see 'rapport contact
// list'").
#pragma once

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

// The error's line, without "error: ": "--at: 'x' is not a date or time
// (...)", or "there is no contact 99 (see 'rapport contact list')".
// `command` is the subcommand that ran (null before one is known).
std::string WordError(const Error& e, const CLI::App* command);

}  // namespace rapport::cli
