// Long listings through the user's pager, as git does: only when the
// output is a terminal, only when it is longer than the terminal is tall,
// never with --no-pager or --json.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace rapport::cli {

// True for the commands whose output is a listing worth paging ("agenda",
// "contact list", "timeline", ...); `path` is the command as typed, without
// "rapport".
bool IsListing(std::string_view path);

// Writes `text` to `out`, or through $PAGER (default `less`, with LESS=FRX
// when LESS is unset) when it has more lines than `rows`. A pager that
// cannot be started, or one the person quits early, is not an error.
void WritePaged(const std::string& text, size_t rows, std::ostream& out);

}  // namespace rapport::cli
