// Byte-level text helpers shared by the format parsers: encodings (UTF-8,
// UTF-16, Windows-1252), trimming, ASCII case folding and line numbers.
// Private to src/rapport/formats/. Written by hand: none of the libraries
// this project uses offers these for arbitrary, possibly broken input.
#pragma once

#include <cstddef>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rapport/model/error.h"

namespace rapport::formats_internal {

inline bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// C0 controls other than whitespace, and DEL: never meant in contact text
// (they come from binary junk or broken encodings) and they corrupt
// terminals and CSV written from the data, so the cleaners drop them.
inline bool IsControl(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && !IsBlank(c)) || u == 0x7F;
}

// Strips ASCII whitespace at both ends.
std::string_view Trim(std::string_view s);

// Trims, drops controls, and turns every run of whitespace (spaces, tabs,
// newlines) into one space: names and titles copied from spreadsheets carry
// stray tabs and line breaks that mean nothing.
std::string CollapseSpaces(std::string_view s);

// Trims, drops controls other than TAB and LF, and turns CRLF and lone CR
// into LF (for notes, where line breaks matter but their encoding does not).
std::string NormalizeNewlines(std::string_view s);

// A cell quoted in a one-line message: whitespace collapsed, controls
// dropped, and cut (on a character boundary, with "...") past `max` bytes.
std::string Excerpt(std::string_view s, size_t max = 40);

char AsciiLower(char c);
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

// Offset of the first byte that is not part of a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF count as bad),
// or npos when the whole text is valid.
size_t FindInvalidUtf8(std::string_view s);

// The text with every ill-formed sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// Windows-1252 (a superset of the printable ISO-8859-1) to UTF-8.
std::string Windows1252ToUtf8(std::string_view s);

void AppendUtf8(std::string& out, char32_t cp);

// When `data` starts with a UTF-16 byte order mark, its UTF-8 transcoding
// (without the mark); otherwise nullopt. Unpaired surrogates become U+FFFD.
std::optional<std::string> Utf16ToUtf8IfMarked(std::string_view data);

std::string_view StripUtf8Bom(std::string_view data);

// 1-based physical line of `offset` in `data`; LF, CRLF and a lone CR each
// end a line.
int LineAt(std::string_view data, size_t offset);

// "0xE9": how error messages name a byte.
std::string HexByte(unsigned char b);

// True when `data` starts like a ZIP archive, i.e. an .xlsx/.numbers/.ods
// workbook that someone picked instead of the CSV.
bool LooksLikeZip(std::string_view data);

// When the first 4 KiB of `text` show it is another kind of export than
// `claimed` ("a LinkedIn connections export"), the one-line refusal that
// says which and how to import it; otherwise nullopt.
std::optional<std::string> WrongExport(std::string_view text, std::string_view claimed);

// Runs a parser so that nothing thrown leaves it: running out of memory and
// any other exception become one-line errors naming `what` ("this vCard
// file") and `fix` ("export your contacts again and import the new file").
template <class Parse>
auto Guarded(Parse parse, std::string_view what, std::string_view fix) -> decltype(parse()) {
  try {
    return parse();
  } catch (const std::bad_alloc&) {
    return Error::InvalidArgument(
        "this file is too large to read in memory; split it into smaller files and import each");
  } catch (const std::exception& e) {
    return Error::InvalidArgument("could not read " + std::string(what) + " (" + e.what() +
                                  "); " + std::string(fix));
  }
}

}  // namespace rapport::formats_internal
