// An RFC 4180 CSV reader shared by the LinkedIn and Google parsers. Written
// by hand: none of the libraries this project uses reads CSV, and the
// importer needs physical line numbers and tolerance for what spreadsheets
// write (';' or TAB separators, CR-only line ends, stray quotes).
// Private to src/rapport/formats/.
#pragma once

#include <array>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/error.h"

namespace rapport::formats_internal {

// Reads one record at a time. Fields are views into the input, except those
// with doubled quotes, which are unescaped into storage owned by the reader;
// either kind stays valid until the next call to Next().
//
// Quoted fields may hold separators, doubled quotes and line breaks. Records
// end at CRLF, LF or a lone CR. Leniencies, because real files have them: a
// quote inside an unquoted field is kept as a character, and text after a
// closing quote is appended to the field.
class CsvReader {
 public:
  CsvReader(std::string_view data, char separator) : data_(data), sep_(separator) {
    ends_field_[static_cast<unsigned char>(separator)] = true;
    ends_field_[static_cast<unsigned char>('\n')] = true;
    ends_field_[static_cast<unsigned char>('\r')] = true;
  }

  // Reads the next record; false once the input is used up.
  bool Next();

  const std::vector<std::string_view>& fields() const { return fields_; }
  // 1-based physical line on which the current record starts.
  int line() const { return line_; }
  // The current record opened a quote that never closed, so it ran to the
  // end of the input.
  bool unterminated() const { return unterminated_; }
  // Every field of the current record is empty or whitespace.
  bool blank() const;
  char separator() const { return sep_; }

 private:
  std::string& Scratch();
  void CountLines(size_t from, size_t to);

  std::string_view data_;
  char sep_;
  // The separator, LF and CR: what ends an unquoted field (one table lookup
  // per byte instead of three compares).
  std::array<bool, 256> ends_field_{};
  size_t pos_ = 0;
  int line_ = 0;
  int next_line_ = 1;
  bool unterminated_ = false;
  std::vector<std::string_view> fields_;
  // A deque, so growing it never moves the strings fields_ point into.
  std::deque<std::string> scratch_;
  size_t scratch_used_ = 0;
};

// Looks for a header row among the first records of `text`, trying ',' then
// ';' then TAB as the separator (spreadsheets in many locales re-save CSV
// with ';'). Returns a reader whose current record is the header, or nullopt.
std::optional<CsvReader> FindCsvHeader(
    std::string_view text,
    const std::function<bool(const std::vector<std::string_view>&)>& is_header);

// FindCsvHeader for a named export, or the reason this file is not it: text
// that is not UTF-8 ("save it as CSV UTF-8 or <fix>"), another program's
// export (WrongExport, against `claimed`), or else `no_header`.
Result<CsvReader> FindExportHeader(
    std::string_view text,
    const std::function<bool(const std::vector<std::string_view>&)>& is_header,
    std::string_view fix, std::string_view claimed, std::string_view no_header);

// A header cell as we compare it: trimmed and ASCII-lowercased.
std::string HeaderKey(std::string_view cell);

// What a CSV parser does with its raw bytes before reading them: UTF-16
// (from "Unicode text" exports) becomes UTF-8, and a UTF-8 BOM goes.
struct CsvText {
  std::string owned;      // set when the input had to be transcoded
  std::string_view text;  // what to parse; points into `owned` or the input
};
CsvText PrepareCsvText(std::string_view data);

// "this file is not valid UTF-8 (line 4 has byte 0xE9, ...); save it as CSV
// UTF-8 or <fix>", or nullopt when `text` is valid UTF-8.
std::optional<std::string> Utf8Problem(std::string_view text, std::string_view fix);

}  // namespace rapport::formats_internal
