// libFuzzer target for ParseLinkedInCsv: it must never crash, hang or throw,
// and what it returns must keep the contract's shape.
//
// Build and run from the source root (clang with libFuzzer), e.g. for 60 s:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//     fuzz/linkedin_fuzzer.cpp src/rapport/formats/{text,csv,linkedin,google_csv,vcard}.cpp \
//     -o /tmp/linkedin_fuzzer
//   mkdir -p /tmp/linkedin_corpus
//   /tmp/linkedin_fuzzer -max_total_time=60 /tmp/linkedin_corpus fuzz/corpus/linkedin
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rapport/formats/people.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = rapport::ParseLinkedInCsv(text);
  if (!result.ok()) {
    const std::string& m = result.error().message();
    if (m.empty() || m.find('\n') != std::string::npos) std::abort();
    return 0;
  }
  for (const rapport::ImportedPerson& p : result->people) {
    if (p.line < 1) std::abort();
  }
  for (const auto* issues : {&result->rejected, &result->skipped}) {
    for (const rapport::RowIssue& r : *issues) {
      if (r.line < 1 || r.reason.empty() || r.reason.find('\n') != std::string::npos) {
        std::abort();
      }
    }
  }
  return 0;
}
