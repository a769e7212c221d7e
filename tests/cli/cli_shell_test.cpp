// `rapport completions SHELL` and the man page, tried in the real shells:
// the bash script is sourced and asked what it completes, fish is asked
// with `complete -C`, zsh's function runs with its `_describe` replaced by
// one that prints the candidates; and the man page names every command
// `rapport --help` lists.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
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

// The words a shell command prints, one per line.
std::set<std::string> Lines(const std::string& command) {
  std::set<std::string> out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  std::string all;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) all.append(buf, n);
  pclose(p);
  std::istringstream in(all);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

bool Has(const char* program) {
  return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0;
}

class CliShellTest : public ::testing::Test {
 protected:
  // The script for `shell`, written to a file in the temporary home.
  std::string Script(const std::string& shell) {
    auto r = rapport_.Run({"completions", shell});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const std::string path = home_.path() / ("rapport." + shell);
    std::ofstream(path) << r.out;
    return path;
  }

  // Runs `driver` (a script in `shell`'s language, written next to the
  // completion scripts) with `words` as its arguments, and returns the words
  // it prints, each cut at the first `cut` character (a description).
  std::set<std::string> Drive(const std::string& shell, const std::string& driver,
                              const std::vector<std::string>& words, char cut = '\0') {
    const auto file = home_.path() / ("drive." + shell.substr(0, shell.find(' ')));
    std::ofstream(file) << driver;
    std::string command = "cd '" + home_.path().string() + "' && " + shell + " " + file.string();
    for (const auto& w : words) command += " '" + w + "'";
    std::set<std::string> out;
    for (const auto& l : Lines(command)) out.insert(cut ? l.substr(0, l.find(cut)) : l);
    return out;
  }

  // What bash's completion offers for the words typed so far; the last word
  // is the one being completed.
  std::set<std::string> Bash(const std::vector<std::string>& words) {
    return Drive("bash --norc --noprofile",
                 "source ./rapport.bash\n"
                 "COMP_WORDS=(rapport \"$@\"); COMP_CWORD=$#\n"
                 "_rapport\n"
                 "printf '%s\\n' \"${COMPREPLY[@]}\"\n",
                 words);
  }

  // What fish offers for the command line typed so far (no descriptions).
  std::set<std::string> Fish(const std::string& line) {
    return Drive("fish --no-config",
                 "source ./rapport.fish\n"
                 "complete -C \"$argv[1]\"\n",
                 {line}, '\t');
  }

  // What zsh's function hands to _describe for the words typed so far.
  std::set<std::string> Zsh(const std::vector<std::string>& words) {
    return Drive("zsh -f",
                 "_describe() { print -l -- \"${(@P)4}\" }\n"
                 "_files() { print -l -- '(files)' }\n"
                 "words=(rapport \"$@\"); CURRENT=$(( $# + 1 ))\n"
                 "source ./rapport.zsh\n",
                 words, ':');
  }

  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliShellTest, BashCompletesCommandsSubcommandsAndOptions) {
  Script("bash");
  EXPECT_EQ(Bash({"con"}), (std::set<std::string>{"contact"}));
  const auto subs = Bash({"contact", ""});
  EXPECT_TRUE(subs.count("add")) << ::testing::PrintToString(subs);
  EXPECT_TRUE(subs.count("list"));
  EXPECT_TRUE(subs.count("show"));
  EXPECT_EQ(Bash({"contact", "add", "--em"}), (std::set<std::string>{"--email"}));
  // The options of one command are not offered in another.
  EXPECT_FALSE(Bash({"agenda", "--"}).count("--email"));
}

TEST_F(CliShellTest, BashCompletesAFileAfterAnOptionThatTakesOne) {
  Script("bash");
  std::ofstream(home_.path() / "connections.csv") << "x";
  EXPECT_EQ(Bash({"import", "linkedin", "conn"}), (std::set<std::string>{"connections.csv"}));
  EXPECT_EQ(Bash({"--db", "conn"}), (std::set<std::string>{"connections.csv"}));
}

TEST_F(CliShellTest, FishCompletesCommandsSubcommandsAndOptions) {
  if (!Has("fish")) GTEST_SKIP() << "fish is not installed (scripts/install-deps installs it)";
  Script("fish");
  const auto top = Fish("rapport ");
  EXPECT_TRUE(top.count("contact")) << ::testing::PrintToString(top);
  EXPECT_TRUE(top.count("agenda"));
  EXPECT_FALSE(top.count("manpage")) << "the build's own command is not offered";
  EXPECT_TRUE(Fish("rapport contact ").count("add"));
  EXPECT_TRUE(Fish("rapport contact add --em").count("--email"));
  std::ofstream(home_.path() / "connections.csv") << "x";
  EXPECT_TRUE(Fish("rapport import linkedin conn").count("connections.csv"));
}

TEST_F(CliShellTest, ZshCompletesCommandsSubcommandsAndOptions) {
  if (!Has("zsh")) GTEST_SKIP() << "zsh is not installed (scripts/install-deps installs it)";
  const std::string script = Script("zsh");
  EXPECT_EQ(std::system(("zsh -n " + script).c_str()), 0);
  const auto top = Zsh({""});
  EXPECT_TRUE(top.count("contact")) << ::testing::PrintToString(top);
  EXPECT_FALSE(top.count("manpage"));
  EXPECT_TRUE(Zsh({"contact", ""}).count("add"));
  EXPECT_TRUE(Zsh({"contact", "add", "--"}).count("--email"));
  EXPECT_TRUE(Zsh({"import", "linkedin", ""}).count("(files)"));
  EXPECT_FALSE(Zsh({"contact", ""}).count("(files)"));
}

TEST_F(CliShellTest, AnotherShellIsAOneLineErrorNamingTheThree) {
  auto r = rapport_.Run({"completions", "tcsh"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "error: 'tcsh' is not a shell Rapport completes; use bash, zsh or fish\n");
}

TEST_F(CliShellTest, TheManPageNamesEveryCommandTheHelpLists) {
  // roff writes a hyphen as \-.
  const std::string man =
      std::regex_replace(Slurp(RAPPORT_MAN_PAGE), std::regex(R"(\\-)"), "-");
  EXPECT_EQ(man.rfind(".TH RAPPORT 1", 0), 0u) << man.substr(0, 80);
  auto help = rapport_.Run({"--help"});
  ASSERT_EQ(help.code, 0);
  // The command names of --help's "Subcommands:" block.
  std::istringstream in(help.out);
  int named = 0;
  bool in_block = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("SUBCOMMANDS:", 0) == 0 || line.rfind("Subcommands:", 0) == 0) {
      in_block = true;
      continue;
    }
    if (!in_block) continue;
    if (line.empty() || line[0] != ' ') break;
    std::istringstream words(line);
    std::string name;
    words >> name;
    EXPECT_NE(man.find("rapport " + name), std::string::npos) << name;
    ++named;
  }
  EXPECT_GT(named, 10) << help.out;
  if (Has("man")) {
    // It renders without a warning from groff.
    const auto warnings = Lines("MANWIDTH=80 man --warnings -l " + std::string(RAPPORT_MAN_PAGE) + " 2>&1 >/dev/null");
    EXPECT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
  }
}

}  // namespace
}  // namespace rapport
