// Long listings go through $PAGER on a terminal only, never when piped or
// with --no-pager, and tables fit the terminal's width. The terminal is a
// pseudo-terminal made by script(1); its size comes from LINES and COLUMNS
// (a pty made without a terminal has none of its own).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "support/files.h"
#include "support/run.h"

namespace rapport {
namespace {

using testing::Rapport;
using testing::Slurp;
using testing::TempDir;

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CliPagerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 15; ++i) {
      ASSERT_EQ(rapport_.Run({"contact", "add", "Person " + std::to_string(i), "--org",
                              "An Organization With A Rather Long Name Number " +
                                  std::to_string(i)})
                    .code,
                0);
    }
  }
  // Runs rapport under a pseudo-terminal; what it printed, without the
  // terminal's carriage returns.
  std::string OnTerminal(const std::vector<std::string>& args, const std::string& env) {
    std::string cmd = "env -u NO_COLOR XDG_DATA_HOME=" + Quote(home_.File("data")) +
                      " XDG_CONFIG_HOME=" + Quote(home_.File("config")) + " TZ=UTC " + env + " " +
                      Quote(RAPPORT_BINARY);
    for (const auto& a : args) cmd += " " + Quote(a);
    const std::string full = "script -qec " + Quote(cmd) + " /dev/null </dev/null >" +
                             Quote(home_.File("tty")) + " 2>&1";
    const int status = std::system(full.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << Slurp(home_.File("tty"));
    std::string out;
    for (char c : Slurp(home_.File("tty"))) {
      if (c != '\r') out += c;
    }
    return out;
  }
  static std::vector<std::string> Lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
  }
  TempDir home_;
  Rapport rapport_{home_};
};

// A pager that marks every line it shows.
constexpr const char* kPager = "PAGER='sed s/^/paged:/'";

TEST_F(CliPagerTest, ALongListingOnATerminalGoesThroughThePager) {
  const auto lines = Lines(OnTerminal({"contact", "list"}, std::string(kPager) + " LINES=10"));
  ASSERT_EQ(lines.size(), 16u);  // the header and 15 people
  for (const auto& l : lines) EXPECT_EQ(l.rfind("paged:", 0), 0u) << l;
}

TEST_F(CliPagerTest, NotWithNoPagerNotWhenItFitsNotWhenPiped) {
  for (const auto& l : Lines(OnTerminal({"--no-pager", "contact", "list"},
                                        std::string(kPager) + " LINES=10"))) {
    EXPECT_EQ(l.find("paged:"), std::string::npos) << l;
  }
  for (const auto& l :
       Lines(OnTerminal({"contact", "list"}, std::string(kPager) + " LINES=50"))) {
    EXPECT_EQ(l.find("paged:"), std::string::npos) << l;
  }
  // Not a listing: never paged.
  for (const auto& l : Lines(OnTerminal({"contact", "show", "person 3"},
                                        std::string(kPager) + " LINES=2"))) {
    EXPECT_EQ(l.find("paged:"), std::string::npos) << l;
  }
  // Piped: the pager is never started, however long the output.
  auto piped = rapport_.Run({"contact", "list"}, {"PAGER=sed s/^/paged:/", "LINES=2"});
  EXPECT_EQ(piped.code, 0);
  EXPECT_EQ(piped.out.find("paged:"), std::string::npos);
}

TEST_F(CliPagerTest, TablesFitTheTerminalsWidth) {
  const auto lines =
      Lines(OnTerminal({"--no-pager", "contact", "list"}, "NO_COLOR=1 COLUMNS=60 LINES=50"));
  ASSERT_EQ(lines.size(), 16u);
  bool cut = false;
  for (const auto& l : lines) {
    size_t width = 0;
    for (unsigned char c : l) width += (c & 0xC0) != 0x80;
    EXPECT_LE(width, 60u) << l;
    cut = cut || l.find("…") != std::string::npos;
  }
  EXPECT_TRUE(cut);
  // Piped, nothing is cut.
  auto piped = rapport_.Run({"contact", "list"}, {"COLUMNS=60"});
  EXPECT_EQ(piped.out.find("…"), std::string::npos);
  EXPECT_NE(piped.out.find("Rather Long Name Number 14"), std::string::npos);
}

}  // namespace
}  // namespace rapport
