// Runs the linter, with the real Hunspell dictionary, over the labelled
// corpus in tests/data/lint/, prints precision and recall per rule and per
// part, and holds the part written last to the floors documented in
// docs/linter.md (the tuning parts, tuning10.txt, tuning11.txt,
// tuning13.txt, tuning15.txt, tuning17.txt and tuning19.txt among them
// since they were used for fixes, only to a looser regression guard; good
// messages in every part get no errors). An untouched part (untouched.txt),
// when there is one, is printed but the floors are not asserted on it;
// there is none for now: the last one became tuning19.txt
// once rules were changed from it, and the next is to be written after
// those changes (docs/linter.md).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rapport/messages/lint.h"
#include "rapport/messages/spelling.h"

#ifndef RAPPORT_SOURCE_DIR
#error "RAPPORT_SOURCE_DIR must point at the source tree"
#endif

namespace rapport {
namespace {

struct Sample {
  std::string file, id;
  MessageKind kind = MessageKind::kRequest;
  std::set<std::string> expect;
  std::vector<std::string> known, notes;
  std::optional<int> silence;
  bool declined = false;
  std::string text;
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    item = Trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// "### id", headers, "---", body up to the next "### " (trailing blank
// lines dropped, one final newline kept).
std::vector<Sample> LoadCorpus(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<Sample> out;
  std::string line;
  Sample* cur = nullptr;
  bool body = false;
  auto finish = [&] {
    if (cur == nullptr) return;
    while (cur->text.ends_with("\n\n")) cur->text.pop_back();
  };
  while (std::getline(in, line)) {
    if (line.starts_with("### ")) {
      finish();
      out.emplace_back();
      cur = &out.back();
      cur->file = path.substr(path.rfind('/') + 1);
      cur->id = Trim(line.substr(4));
      body = false;
      continue;
    }
    if (cur == nullptr) continue;  // the file's comment header
    if (body) {
      cur->text += line + "\n";
      continue;
    }
    if (line == "---") {
      body = true;
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = Trim(line.substr(0, colon)), value = Trim(line.substr(colon + 1));
    if (key == "kind") {
      auto kind = ParseMessageKind(value);
      EXPECT_TRUE(kind.has_value()) << cur->id << ": bad kind " << value;
      if (kind) cur->kind = *kind;
    } else if (key == "expect") {
      for (auto& id : SplitList(value)) cur->expect.insert(id);
    } else if (key == "known") {
      cur->known = SplitList(value);
    } else if (key == "notes") {
      cur->notes.push_back(value);
    } else if (key == "silence") {
      cur->silence = std::stoi(value);
    } else if (key == "declined") {
      cur->declined = value == "yes";
    }
  }
  finish();
  return out;
}

// Parts the rules were shaped on (tuning4-6 were once called held out and
// tuning8 to tuning11, tuning13, tuning15, tuning17 and tuning19 untouched;
// docs/linter.md says why they no longer are).
constexpr const char* kTuningFiles[] = {"requests.txt", "intros_followups.txt", "thanks_touch.txt",
                                        "tuning4.txt",  "tuning5.txt",          "tuning6.txt",
                                        "tuning7.txt",  "tuning8.txt",          "tuning9.txt",
                                        "tuning10.txt", "tuning11.txt", "tuning12.txt",
                                        "tuning13.txt", "tuning14.txt", "tuning15.txt",
                                        "tuning16.txt", "tuning17.txt", "tuning18.txt",
                                        "tuning19.txt", "tuning20.txt"};
// Written last, after the rule work of issue 19, and measured once before
// any change it prompted; rules were fixed from it afterwards, so it is no
// longer untouched (its header and docs/linter.md say what changed). The
// floors are asserted on it.
constexpr const char* kWrittenLastFile = "written_last.txt";

std::vector<Sample> Load(std::initializer_list<const char*> names) {
  std::vector<Sample> all;
  for (const char* name : names) {
    auto part = LoadCorpus(std::string(RAPPORT_SOURCE_DIR) + "/tests/data/lint/" + name);
    all.insert(all.end(), part.begin(), part.end());
  }
  return all;
}

std::vector<Sample> LoadTuning() {
  std::vector<Sample> all;
  for (const char* name : kTuningFiles) {
    auto part = Load({name});
    all.insert(all.end(), part.begin(), part.end());
  }
  return all;
}
std::vector<Sample> LoadWrittenLast() { return Load({kWrittenLastFile}); }
// The untouched part, written after the last rule change and measured
// once, its first measurement recorded in docs/linter.md as it came out;
// its figures are the estimate for unseen text, so no floor is asserted on
// it. Optional: there is none between one becoming a tuning part and the
// next being written (the last, measured on 2026-12-02, is tuning19.txt).
constexpr const char* kUntouchedFile = "untouched.txt";
bool HasUntouched() {
  return std::filesystem::exists(std::string(RAPPORT_SOURCE_DIR) + "/tests/data/lint/" + kUntouchedFile);
}
std::vector<Sample> LoadUntouched() { return HasUntouched() ? Load({kUntouchedFile}) : std::vector<Sample>{}; }
std::vector<Sample> LoadAll() {
  auto all = LoadTuning();
  auto last = LoadWrittenLast();
  all.insert(all.end(), last.begin(), last.end());
  auto untouched = LoadUntouched();
  all.insert(all.end(), untouched.begin(), untouched.end());
  return all;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

class LintCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto speller = OpenHunspell();
    ASSERT_TRUE(speller.ok()) << speller.error().message();
    speller_ = std::move(*speller).release();
  }
  static void TearDownTestSuite() {
    delete speller_;
    speller_ = nullptr;
  }
  // Each message is linted once and its findings reused by every table
  // (the suite also runs under ASan, where Hunspell's suggestions are slow).
  static std::vector<Finding> Run(const Sample& s) {
    static std::map<std::string, std::vector<Finding>> memo;
    const std::string key = s.file + "/" + s.id;
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    return memo[key] = Lint(s.text, Context(s));
  }
  static LintContext Context(const Sample& s) {
    LintContext ctx;
    ctx.kind = s.kind;
    ctx.known_words = s.known;
    ctx.meeting_notes = s.notes;
    ctx.days_since_last_contact = s.silence;
    ctx.declined = s.declined;
    ctx.speller = speller_;
    return ctx;
  }
  static Speller* speller_;
};

Speller* LintCorpusTest::speller_ = nullptr;

TEST_F(LintCorpusTest, CorpusIsLabelledWithKnownRules) {
  std::set<std::string> ids;
  for (const auto& rule : LintRules()) ids.insert(std::string(rule.id));
  std::set<std::string> seen;
  const auto samples = LoadAll();
  EXPECT_GE(samples.size(), 300u);
  for (const auto& s : samples) {
    EXPECT_TRUE(seen.insert(s.id).second) << "duplicate id " << s.id;
    EXPECT_FALSE(s.text.empty()) << s.id;
    for (const auto& id : s.expect) EXPECT_TRUE(ids.count(id)) << s.id << ": unknown rule " << id;
  }
}

struct Table {
  std::map<std::string, Counts> counts;
  std::map<std::string, int> positives;
  int clean = 0, clean_quiet = 0, clean_no_error = 0;
  std::string disagreements;
};

Table Measure(const std::vector<Sample>& samples, std::vector<Finding> (*run)(const Sample&)) {
  Table table;
  for (const auto& rule : LintRules()) {
    table.counts[std::string(rule.id)];
    table.positives[std::string(rule.id)];
  }
  std::ostringstream misses;
  for (const auto& s : samples) {
    std::set<std::string> fired;
    const auto findings = run(s);
    for (const auto& f : findings) fired.insert(f.rule);
    for (auto& [id, c] : table.counts) {
      const bool want = s.expect.count(id) > 0, got = fired.count(id) > 0;
      if (want) ++table.positives[id];
      if (want && got) ++c.tp;
      if (!want && got) {
        ++c.fp;
        misses << "  false positive " << id << " in " << s.id << ":";
        for (const auto& f : findings) {
          if (f.rule == id) misses << " [" << f.line << ":" << f.column << " " << f.message << "]";
        }
        misses << "\n";
      }
      if (want && !got) {
        ++c.fn;
        misses << "  missed " << id << " in " << s.id << "\n";
      }
    }
    if (s.expect.empty()) {
      ++table.clean;
      bool quiet = true;
      bool no_error = true;
      for (const auto& f : findings) {
        quiet = quiet && f.severity == Severity::kHint;
        no_error = no_error && f.severity != Severity::kError;
      }
      table.clean_quiet += quiet ? 1 : 0;
      table.clean_no_error += no_error ? 1 : 0;
    }
  }
  table.disagreements = misses.str();
  return table;
}

void Print(const char* title, size_t messages, const Table& table) {
  std::printf("\n%s: %zu messages (%d labelled clean)\n", title, messages, table.clean);
  std::printf("| %-22s | %9s | %3s | %3s | %3s | %9s | %6s |\n", "rule", "positives", "TP", "FP", "FN",
              "precision", "recall");
  std::printf("|%s|%s|%s|%s|%s|%s|%s|\n", "------------------------", "-----------", "-----", "-----", "-----",
              "-----------", "--------");
  for (const auto& [id, c] : table.counts) {
    std::printf("| %-22s | %9d | %3d | %3d | %3d | %9.2f | %6.2f |\n", id.c_str(), table.positives.at(id), c.tp,
                c.fp, c.fn, c.precision(), c.recall());
  }
  std::printf("Clean messages with no error or warning: %d of %d (with no error: %d)\n", table.clean_quiet,
              table.clean, table.clean_no_error);
  if (!table.disagreements.empty()) std::printf("Disagreements with the labels:\n%s", table.disagreements.c_str());
  std::fflush(stdout);
}

TEST_F(LintCorpusTest, PrecisionAndRecallPerRule) {
  for (const char* name : kTuningFiles) {
    const auto part = Load({name});
    Print((std::string("Tuning part ") + name).c_str(), part.size(), Measure(part, &Run));
  }
  const auto tuning = LoadTuning(), last = LoadWrittenLast();
  const Table pooled = Measure(tuning, &Run);
  Print("All tuning parts", tuning.size(), pooled);
  const Table table = Measure(last, &Run);
  Print("Part written last (written_last.txt)", last.size(), table);
  if (HasUntouched()) {
    const auto untouched = LoadUntouched();
    const Table untouched_table = Measure(untouched, &Run);
    Print("Untouched part (untouched.txt)", untouched.size(), untouched_table);
  } else {
    std::printf("\nNo untouched part (untouched.txt) at present; the last one is now tuning19.txt.\n");
  }

  // The floors (docs/linter.md), on the part written last: every rule that
  // fires or should fire there at precision >= 0.9 and recall >= 0.8, and
  // at most one good message in ten with any warning or error.
  ASSERT_GE(last.size(), 60u);
  for (const auto& [id, c] : table.counts) {
    EXPECT_GE(c.precision(), 0.9) << id << " (part written last)";
    EXPECT_GE(c.recall(), 0.8) << id << " (part written last)";
  }
  EXPECT_GE(table.clean, 20) << "the part written last needs good messages too";
  EXPECT_GE(table.clean_quiet * 10, table.clean * 9) << "good messages with a warning (part written last)";

  // A regression guard on the tuning parts, which the rules were shaped
  // on: every rule has labelled examples there and stays near its figures.
  for (const auto& [id, c] : pooled.counts) {
    EXPECT_GE(pooled.positives.at(id), 5) << id << " needs more labelled examples";
    EXPECT_GE(c.precision(), 0.85) << id << " (tuning parts)";
    EXPECT_GE(c.recall(), 0.8) << id << " (tuning parts)";
  }
  EXPECT_GE(pooled.clean_quiet * 10, pooled.clean * 9) << "good messages with a warning (tuning parts)";
}

TEST_F(LintCorpusTest, CleanMessagesHaveNoErrors) {
  for (const auto& s : LoadAll()) {
    if (!s.expect.empty()) continue;
    const auto findings = Run(s);
    EXPECT_FALSE(HasErrors(findings)) << s.id;
  }
}

}  // namespace
}  // namespace rapport
