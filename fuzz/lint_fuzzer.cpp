// libFuzzer target for the etiquette linter: Lint must never throw, crash,
// hang, or return a span outside the text, whatever bytes it is given.
//
// Input layout: byte 0 picks the message kind (low three bits), whether
// the log says they declined (bit 3) or were last heard from long ago
// (bit 4), and the speller:
// none; a fast fake one that rejects words by a hash (top bit set); or,
// for 0xFF only, the real Hunspell dictionary (its suggestions cost tens of
// milliseconds each and would otherwise eat the fuzzing budget); then, up to the first NUL byte, text whose lines are split into
// known words ("k:") and meeting notes ("n:"); the rest is the message.
//
// Build (see docs/linter.md):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//     fuzz/lint_fuzzer.cpp src/rapport/messages/*.cpp $(pkg-config --cflags --libs hunspell) -o lint_fuzzer
//   ./lint_fuzzer -max_total_time=60 fuzz/corpus/lint
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/messages/lint.h"
#include "rapport/messages/spelling.h"

namespace {

const rapport::Speller* SharedSpeller() {
  static const std::unique_ptr<rapport::Speller> speller = [] {
    auto opened = rapport::OpenHunspell();
    return opened.ok() ? std::move(*opened) : nullptr;
  }();
  return speller.get();
}

// Rejects about one word in three and suggests variants of it, including
// empty and odd strings, so the linter's handling of suggestions is fuzzed.
class HashSpeller : public rapport::Speller {
 public:
  bool Correct(std::string_view word) const override { return std::hash<std::string_view>{}(word) % 3 != 0; }
  std::vector<std::string> Suggest(std::string_view word) const override {
    switch (std::hash<std::string_view>{}(word) % 4) {
      case 0:
        return {};
      case 1:
        return {std::string(word) + "e"};
      case 2:
        return {"", std::string(word.substr(0, word.size() / 2)) + " " + std::string(word.substr(word.size() / 2))};
      default:
        return {std::string(word), "x", "yy", "zzz", "w", "v", "u"};
    }
  }
};

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  rapport::LintContext ctx;
  ctx.kind = static_cast<rapport::MessageKind>((data[0] & 0x07) % 6);
  // Bits 3 and 4: the log rules (already-declined, long-silence).
  ctx.declined = (data[0] & 0x08) != 0;
  if (data[0] & 0x10) ctx.days_since_last_contact = 400;
  static const HashSpeller hash_speller;
  ctx.speller = data[0] == 0xFF ? SharedSpeller() : (data[0] & 0x80) ? &hash_speller : nullptr;
  std::string_view rest = input.substr(1);
  std::string_view text = rest;
  if (const size_t nul = rest.find('\0'); nul != std::string_view::npos) {
    std::string_view header = rest.substr(0, nul);
    text = rest.substr(nul + 1);
    while (!header.empty()) {
      const size_t eol = header.find('\n');
      const std::string_view line = header.substr(0, eol);
      if (line.starts_with("k:")) ctx.known_words.emplace_back(line.substr(2));
      if (line.starts_with("n:")) ctx.meeting_notes.emplace_back(line.substr(2));
      if (eol == std::string_view::npos) break;
      header.remove_prefix(eol + 1);
    }
  }

  const auto findings = rapport::Lint(text, ctx);
  for (size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    Check(f.begin <= f.end && f.end <= text.size());
    Check(f.line >= 1 && f.column >= 1 && f.end_line >= f.line);
    Check(f.end_line > f.line || f.end_column >= f.column);
    Check(!f.rule.empty() && !f.message.empty());
    if (i > 0) {
      const auto& p = findings[i - 1];
      Check(p.begin < f.begin || (p.begin == f.begin && p.rule <= f.rule));
    }
  }
  (void)rapport::HasErrors(findings);
  return 0;
}
