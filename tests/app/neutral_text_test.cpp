// The core speaks no face's language: no text in src/rapport/ tells a
// person to type a flag ("--at") or run a command ("rapport contact
// list"), and no page of the web app does either. Each face words the
// core's errors itself (cli/errors.cpp, server/views.cpp SetFormError, the
// API's "field"). The test reads the sources, so it also catches text that
// no other test happens to produce.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace rapport {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = RAPPORT_SOURCE_DIR;

// Every top-level command of the CLI (checked against src/cli below).
const std::set<std::string> kCommands = {
    "agenda",      "answer",   "calendar-feed", "call",     "cancel",   "contact",   "draft",
    "export",      "followup", "import",        "insights", "intro",    "kept",      "lint",
    "merge",       "met",      "network",       "note",     "notes",    "objective", "org",
    "pipeline",    "playbook", "prep",          "profile",  "promise",  "question",  "refer",
    "reindex",     "reply",    "request",       "restore",  "schedule", "search",    "send",
    "serve",       "sheet",    "stats",         "target",   "thank",    "timeline",  "touch",
    "report-back", "close",    "copy-db",  "status",   "completions", "manpage",
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Literal {
  int line;
  std::string text;
};

// The string literals of a C++ source, comments skipped: "..." with its
// escapes, and raw strings R"d(...)d". Character literals and digit
// separators (1'000) are stepped over.
std::vector<Literal> StringLiterals(const std::string& src) {
  std::vector<Literal> out;
  int line = 1;
  const size_t n = src.size();
  auto advance = [&](size_t from, size_t to) {
    line += static_cast<int>(std::count(src.begin() + static_cast<long>(from),
                                        src.begin() + static_cast<long>(std::min(to, n)), '\n'));
  };
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  size_t i = 0;
  while (i < n) {
    const char c = src[i];
    if (src.compare(i, 2, "//") == 0) {
      const size_t e = src.find('\n', i);
      i = e == std::string::npos ? n : e;
      continue;
    }
    if (src.compare(i, 2, "/*") == 0) {
      const size_t e = src.find("*/", i + 2);
      const size_t to = e == std::string::npos ? n : e + 2;
      advance(i, to);
      i = to;
      continue;
    }
    if (c == 'R' && i + 1 < n && src[i + 1] == '"' && (i == 0 || !ident(src[i - 1]))) {
      const size_t open = src.find('(', i + 2);
      const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      const size_t e = src.find(close, open);
      const size_t stop = e == std::string::npos ? n : e;
      out.push_back({line, src.substr(open + 1, stop - open - 1)});
      const size_t to = stop == n ? n : stop + close.size();
      advance(i, to);
      i = to;
      continue;
    }
    if (c == '\'' && (i == 0 || !std::isalnum(static_cast<unsigned char>(src[i - 1])))) {
      size_t j = i + 1;
      while (j < n && src[j] != '\'') j += src[j] == '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c == '"') {
      size_t j = i + 1;
      std::string text;
      while (j < n && src[j] != '"') {
        if (src[j] == '\\' && j + 1 < n) {
          text += src[j + 1] == 'n' ? '\n' : src[j + 1];
          j += 2;
        } else {
          text += src[j++];
        }
      }
      out.push_back({line, text});
      advance(i, j);
      i = j + 1;
      continue;
    }
    if (c == '\n') ++line;
    ++i;
  }
  return out;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// What in `text` tells a person to use the command line, or "". (By hand,
// not std::regex: GCC 12 warns inside <regex> in the sanitizer build.)
std::string CliVocabulary(const std::string& text) {
  // A flag: "--at", "--db". A CSS custom property ("--ink: #123",
  // "var(--ink)") is not one.
  for (size_t p = text.find("--"); p != std::string::npos; p = text.find("--", p + 2)) {
    if (p > 0 && (IsWordChar(text[p - 1]) || text[p - 1] == '(' || text[p - 1] == '-')) continue;
    if (p + 2 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[p + 2]))) continue;
    size_t e = p + 2;
    while (e < text.size() && (IsWordChar(text[e]) || text[e] == '-')) ++e;
    size_t after = e;
    while (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size() && text[after] == ':') continue;
    return text.substr(p, e - p);
  }
  // "rapport " and a command; also "rapport " at the end of the text, where
  // the command would be pasted on.
  for (size_t p = text.find("rapport "); p != std::string::npos; p = text.find("rapport ", p + 1)) {
    if (p > 0 && IsWordChar(text[p - 1])) continue;
    size_t e = p + 8;
    while (e < text.size() && ((text[e] >= 'a' && text[e] <= 'z') || text[e] == '-')) ++e;
    const std::string word = text.substr(p + 8, e - p - 8);
    if ((word.empty() && e == text.size()) || kCommands.contains(word))
      return text.substr(p, e - p);
  }
  return "";
}

TEST(NeutralText, TheScannerFindsWhatItLooksFor) {
  EXPECT_EQ(CliVocabulary("say when with --at, e.g. 2026"), "--at");
  EXPECT_EQ(CliVocabulary("(see 'rapport contact list')"), "rapport contact");
  EXPECT_EQ(CliVocabulary("(see 'rapport "), "rapport ");
  EXPECT_EQ(CliVocabulary("run `rapport playbook`"), "rapport playbook");
  EXPECT_EQ(CliVocabulary("color: var(--ink);\n  --muted: #5f6b7a;"), "");
  EXPECT_EQ(CliVocabulary("another rapport is writing to it"), "");
  EXPECT_EQ(CliVocabulary("upgrade rapport to open it"), "");
  EXPECT_EQ(CliVocabulary("a -- b, i--"), "");

  auto lits = StringLiterals(
      "// \"--no\" in a comment\nf(\"a --flag\", 'x', 1'000);\n"
      "/* \"rapport met\" */ g(R\"x(rapport met)x\");");
  ASSERT_EQ(lits.size(), 2u);
  EXPECT_EQ(lits[0].text, "a --flag");
  EXPECT_EQ(lits[0].line, 2);
  EXPECT_EQ(lits[1].text, "rapport met");
  EXPECT_EQ(lits[1].line, 3);
}

TEST(NeutralText, TheCommandListIsTheCli) {
  // Every command src/cli registers at the top level is in kCommands, so a
  // new command is caught too.
  std::set<std::string> found;
  for (const auto& entry : fs::directory_iterator(kSource / "src/cli")) {
    const std::string src = ReadAll(entry.path());
    for (const std::string call : {"root.add_subcommand(", "Verb(root, selected,"}) {
      for (size_t p = src.find(call); p != std::string::npos; p = src.find(call, p + 1)) {
        size_t q = p + call.size();
        while (q < src.size() && std::isspace(static_cast<unsigned char>(src[q]))) ++q;
        if (q >= src.size() || src[q] != '"') continue;  // a name in a variable
        const size_t end = src.find('"', q + 1);
        found.insert(src.substr(q + 1, end - q - 1));
      }
    }
  }
  ASSERT_GT(found.size(), 20u);
  for (const auto& name : found) EXPECT_TRUE(kCommands.contains(name)) << name;
}

TEST(NeutralText, NoTextInTheCoreNamesAFlagOrACommand) {
  std::vector<std::string> leaks;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "src/rapport")) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    ++files;
    for (const auto& lit : StringLiterals(ReadAll(entry.path()))) {
      const std::string found = CliVocabulary(lit.text);
      if (!found.empty()) {
        leaks.push_back(fs::relative(entry.path(), kSource).string() + ":" +
                        std::to_string(lit.line) + ": " + found);
      }
    }
  }
  EXPECT_GT(files, 40);
  EXPECT_TRUE(leaks.empty()) << "text for a person in src/rapport/ names the command line "
                                "(word it in the face: src/cli/errors.cpp):\n"
                             << [&] {
                                  std::string s;
                                  for (const auto& l : leaks) s += "  " + l + "\n";
                                  return s;
                                }();
}

TEST(NeutralText, NoPageTellsASeekerToUseTheCommandLine) {
  std::vector<std::string> leaks;
  for (const auto& entry : fs::directory_iterator(kSource / "web/templates")) {
    std::istringstream in(ReadAll(entry.path()));
    std::string text;
    for (int line = 1; std::getline(in, text); ++line) {
      const std::string found = CliVocabulary(text);
      if (!found.empty()) {
        leaks.push_back(entry.path().filename().string() + ":" + std::to_string(line) + ": " +
                        found);
      }
    }
  }
  EXPECT_TRUE(leaks.empty()) << [&] {
    std::string s;
    for (const auto& l : leaks) s += "  " + l + "\n";
    return s;
  }();
}

}  // namespace
}  // namespace rapport
