#include "cli/output.h"

#include <sys/ioctl.h>
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

namespace {
// $NAME as a positive number, or 0.
size_t EnvSize(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return 0;
  char* end = nullptr;
  const long n = std::strtol(v, &end, 10);
  return *end == '\0' && n > 0 ? static_cast<size_t>(n) : 0;
}
}  // namespace

Style DetectStyle(int fd) {
  Style s;
  const char* no_color = std::getenv("NO_COLOR");
  const bool tty = fd >= 0 && isatty(fd);
  s.color = tty && !(no_color && *no_color);
  if (tty) {
    winsize ws{};
    s.width = ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : EnvSize("COLUMNS");
  }
  return s;
}

size_t TerminalRows(int fd) {
  if (fd < 0 || !isatty(fd)) return 0;
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
  const size_t lines = EnvSize("LINES");
  return lines > 0 ? lines : 24;
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

namespace {
// `s` cut to `width` display columns, the last of them "…"; colour codes
// are kept whole and closed.
std::string Fit(const std::string& s, size_t width) {
  if (DisplayWidth(s) <= width) return s;
  std::string out;
  size_t w = 0;
  bool coloured = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b') {
      const size_t m = s.find('m', i);
      const size_t stop = m == std::string::npos ? s.size() : m + 1;
      out.append(s, i, stop - i);
      coloured = true;
      i = stop - 1;
      continue;
    }
    const bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (starts && ++w > width - 1) break;
    out += s[i];
  }
  out += "…";
  if (coloured) out += "\x1b[0m";
  return out;
}
}  // namespace

void Table::Print(std::ostream& out, const Style& style) const {
  std::vector<size_t> widths(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const auto& r : rows_) {
    for (size_t i = 0; i < r.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(r[i]));
    }
  }
  // Too wide for the terminal: the widest column gives up what is over.
  size_t total = 0;
  for (size_t w : widths) total += w + 2;
  total = total >= 2 ? total - 2 : 0;
  size_t cut = widths.size();  // the column cut, if any
  if (style.width > 0 && total > style.width && !widths.empty()) {
    cut = static_cast<size_t>(std::max_element(widths.begin(), widths.end()) - widths.begin());
    const size_t over = total - style.width;
    widths[cut] = widths[cut] > over + 8 ? widths[cut] - over : std::min<size_t>(widths[cut], 8);
  }
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string s;
    for (size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      std::string cell = i == cut ? Fit(cells[i], widths[i]) : cells[i];
      if (i + 1 < cells.size()) cell += std::string(widths[i] - DisplayWidth(cell) + 2, ' ');
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
