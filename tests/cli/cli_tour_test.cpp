// The README's tour, run as written: every command of its block in order,
// in a fresh home, with the sample files it names, so it cannot rot again.
// The clock is fixed (RAPPORT_NOW) and nothing else of the commands is
// changed: `alias rapport=build/rapport` becomes a function that runs the
// binary under test.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/files.h"
#include "support/temp_dir.h"

namespace rapport {
namespace {

using testing::Slurp;
using testing::TempDir;

// The command lines of the README's "## A tour" block: continuation lines
// joined, blank and comment-only lines left out.
std::vector<std::string> TourCommands() {
  std::istringstream in(Slurp(std::string(RAPPORT_SOURCE_DIR) + "/README.md"));
  std::vector<std::string> out;
  std::string line, pending;
  enum { kBefore, kHeading, kBlock } where = kBefore;
  while (std::getline(in, line)) {
    if (where == kBefore && line == "## A tour") where = kHeading;
    else if (where == kHeading && line == "```sh") where = kBlock;
    else if (where == kBlock && line == "```") break;
    else if (where == kBlock) {
      if (!line.empty() && line.back() == '\\') {
        pending += line.substr(0, line.size() - 1);
        continue;
      }
      line = pending + line;
      pending.clear();
      const size_t first = line.find_first_not_of(' ');
      if (first == std::string::npos || line[first] == '#') continue;
      out.push_back(line);
    }
  }
  return out;
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

void Write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

TEST(Tour, TheReadmesTourRunsFromTopToBottom) {
  const std::vector<std::string> commands = TourCommands();
  ASSERT_GT(commands.size(), 30u) << "the tour's ```sh block was not found in README.md";
  ASSERT_EQ(commands.front(), "alias rapport=build/rapport");

  TempDir dir;
  const std::filesystem::path home = dir.path() / "home";
  const std::filesystem::path work = dir.path() / "work";  // where the commands run
  std::filesystem::create_directories(work);
  // The files the tour names.
  Write(home / "Downloads/Connections.csv",
        "Notes:\n\"When exporting your connection data, you may notice...\"\n\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Linus,Torvalds,https://www.linkedin.com/in/linus,,Linux Foundation,Fellow,02 Mar 2025\n"
        "Margaret,Hamilton,https://www.linkedin.com/in/mhamilton,margaret@example.org,"
        "Hamilton Technologies,Founder,15 Jan 2024\n");
  Write(work / "contacts.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Katherine Johnson\r\nN:Johnson;Katherine;;;\r\n"
        "EMAIL:katherine@example.org\r\nORG:Langley\r\nEND:VCARD\r\n");
  Write(work / "draft.txt",
        "Subject: A question about UX research\n\nHi Grace,\n\nAda suggested I write to you. "
        "I'm a statistics student learning what UX researchers do all day, and your path is "
        "the kind I'd love to understand.\n\nWould you have 20 minutes for a call in the next "
        "two weeks? Tuesday or Thursday afternoon suits me, but I'm glad to fit your "
        "calendar.\n\nThank you,\nSam\n");

  const std::string run = "rapport() { " + Quote(RAPPORT_BINARY) + " \"$@\"; }; ";
  for (size_t i = 1; i < commands.size(); ++i) {
    const std::string& command = commands[i];
    const std::string cmd =
        "cd " + Quote(work.string()) +
        " && env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u RAPPORT_DB -u NO_COLOR -u PAGER HOME=" +
        Quote(home.string()) + " TZ=UTC RAPPORT_NOW=2026-12-01T09:00 sh -c " +
        Quote(run + command) + " </dev/null >" + Quote(dir.File("out")) + " 2>" +
        Quote(dir.File("err"));
    const int status = std::system(cmd.c_str());
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    ASSERT_EQ(code, 0) << "README tour, command " << i << ": " << command << "\n"
                       << Slurp(dir.File("out")) << Slurp(dir.File("err"));
  }
  // What the tour says it makes.
  for (const char* file : {"req.txt", "rapport.ics", "people.vcf", "backup.json"}) {
    EXPECT_TRUE(std::filesystem::exists(work / file)) << file;
  }
  EXPECT_TRUE(std::filesystem::exists(home / ".local/share/rapport/rapport.db"));
}

}  // namespace
}  // namespace rapport
