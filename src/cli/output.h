// Human output for the terminal: aligned tables, key/value blocks, colour
// only on a terminal and never with NO_COLOR. Machine output (--json) is
// built by each command with nlohmann::json and printed by PrintJson.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::cli {

struct Style {
  bool color = false;
  // The terminal's width in columns when the output goes to one, else 0
  // (no limit): tables fit it.
  size_t width = 0;
  std::string Bold(std::string_view s) const;
  std::string Dim(std::string_view s) const;
  std::string Red(std::string_view s) const;
  std::string Green(std::string_view s) const;
  std::string Yellow(std::string_view s) const;
};

// Colour when `fd` is a terminal and NO_COLOR is unset or empty; the width
// of that terminal (its window size, else $COLUMNS).
Style DetectStyle(int fd);

// The terminal's height in rows for `fd` (its window size, else $LINES,
// else 24), or 0 when `fd` is not a terminal.
size_t TerminalRows(int fd);

// Display width of UTF-8 text (code points; good enough for names).
size_t DisplayWidth(std::string_view s);

class Table {
 public:
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Columns separated by two spaces; the last column is not padded. Wider
  // than style.width, the widest column is cut to fit (with "…"), down to
  // 8 columns.
  void Print(std::ostream& out, const Style& style) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// "Name:   value" lines, skipping empty values.
class Fields {
 public:
  void Add(std::string key, std::string value);
  void Print(std::ostream& out, const Style& style) const;

 private:
  std::vector<std::pair<std::string, std::string>> rows_;
};

}  // namespace rapport::cli
