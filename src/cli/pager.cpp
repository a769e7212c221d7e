#include "cli/pager.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace rapport::cli {

bool IsListing(std::string_view path) {
  for (std::string_view p : {"agenda", "pipeline", "timeline", "contact list", "org list",
                             "objective list", "question list", "notes", "search", "insights",
                             "stats", "playbook"}) {
    if (p == path) return true;
  }
  return false;
}

void WritePaged(const std::string& text, size_t rows, std::ostream& out) {
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  const char* pager = std::getenv("PAGER");
  const std::string command = pager != nullptr && *pager != '\0' ? pager : "less";
  if (rows == 0 || lines < rows || command == "cat") {
    out << text;
    return;
  }
  out.flush();
  // less: quit when it fits after all (F), keep colours (R), leave the text
  // on the screen (X).
  setenv("LESS", "FRX", /*overwrite=*/0);
  FILE* p = popen(command.c_str(), "w");
  if (p == nullptr) {
    out << text;
    return;
  }
  // Quitting the pager before the end closes the pipe: not our error.
  auto old = std::signal(SIGPIPE, SIG_IGN);
  std::fwrite(text.data(), 1, text.size(), p);
  pclose(p);
  std::signal(SIGPIPE, old);
}

}  // namespace rapport::cli
