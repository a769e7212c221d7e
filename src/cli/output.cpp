#include "cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace rapport::cli {

namespace {
std::string Wrap(bool on, std::string_view code, std::string_view s) {
  if (!on) return std::string(s);
  return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
}
}  // namespace

std::string Style::Bold(std::string_view s) const { return Wrap(color, "1", s); }
std::string Style::Dim(std::string_view s) const { return Wrap(color, "2", s); }
std::string Style::Red(std::string_view s) const { return Wrap(color, "31", s); }
std::string Style::Green(std::string_view s) const { return Wrap(color, "32", s); }
std::string Style::Yellow(std::string_view s) const { return Wrap(color, "33", s); }

Style DetectStyle(int fd) {
  Style s;
  const char* no_color = std::getenv("NO_COLOR");
  s.color = isatty(fd) && !(no_color && *no_color);
  return s;
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b') {  // skip colour codes: ESC [ ... m
      while (i < s.size() && s[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++w;
  }
  return w;
}

void Table::Print(std::ostream& out, const Style& style) const {
  std::vector<size_t> widths(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const auto& r : rows_) {
    for (size_t i = 0; i < r.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(r[i]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string s;
    for (size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      std::string cell = cells[i];
      if (i + 1 < cells.size()) cell += std::string(widths[i] - DisplayWidth(cells[i]) + 2, ' ');
      s += cell;
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << (header ? style.Bold(s) : s) << '\n';
  };
  line(headers_, true);
  for (const auto& r : rows_) line(r, false);
}

void Fields::Add(std::string key, std::string value) {
  if (!value.empty()) rows_.emplace_back(std::move(key), std::move(value));
}

void Fields::Print(std::ostream& out, const Style& style) const {
  size_t w = 0;
  for (const auto& [k, v] : rows_) w = std::max(w, DisplayWidth(k));
  for (const auto& [k, v] : rows_) {
    out << style.Bold(k + ":") << std::string(w - DisplayWidth(k) + 2, ' ') << v << '\n';
  }
}

}  // namespace rapport::cli
