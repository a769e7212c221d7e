// Checks and normalizes what a person typed. Each returns the cleaned value
// or an error saying what is wrong and how to fix it. `what` names the value
// in messages ("the title"); `field` is the input the error concerns
// ("title", see Error::field), never a flag.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/error.h"

namespace rapport {

// Trims; rejects empty and multi-line names.
Result<std::string> CleanName(std::string_view text, std::string_view what,
                              std::string_view field = {});
// A plausible address: one @, a dot in the domain, no spaces.
Result<std::string> CleanEmail(std::string_view text, std::string_view field = "email");
// http(s) URL; a bare "example.com/x" gets https:// in front.
Result<std::string> CleanUrl(std::string_view text, std::string_view what,
                             std::string_view field = {});
// Digits with the usual + ( ) - . and spaces; at least 5 digits.
Result<std::string> CleanPhone(std::string_view text, std::string_view field = "phone");
// An IANA zone known to the system's tz database.
Result<std::string> CleanZone(std::string_view text, std::string_view field);
// The id a client (an offline phone) made for one write, so that a retry is
// recorded once: 8 to 64 letters, digits, '-' or '_' (a UUID fits).
Status CheckWriteId(std::string_view text);
// A tag: trimmed, no commas or spaces inside (errors about field "tags").
Result<std::string> CleanTag(std::string_view text);

// "did you mean 'X'?" for the nearest of `candidates` (edit distance), or "".
std::string Suggest(std::string_view typed, const std::vector<std::string_view>& candidates);
// "one of a, b, c" for enum errors.
std::string OneOf(const std::vector<std::string_view>& names);

std::string Trim(std::string_view s);
// True when `s` is well-formed UTF-8 (no stray continuation bytes, no
// truncated sequences, no overlong forms of ASCII).
bool IsUtf8(std::string_view s);
// The same, as a view of `s`.
std::string_view TrimView(std::string_view s);

// CleanName, CleanEmail and CleanUrl on a string the caller gives up: it is
// trimmed and normalized in place, with the same checks and messages, and
// no copy when it is already clean (the bulk path of imports).
Status CleanNameInPlace(std::string& text, std::string_view what, std::string_view field = {});
Status CleanEmailInPlace(std::string& text, std::string_view field = "email");
Status CleanUrlInPlace(std::string& text, std::string_view what, std::string_view field = {});

}  // namespace rapport
