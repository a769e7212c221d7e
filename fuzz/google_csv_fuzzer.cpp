// libFuzzer target for ParseGoogleCsv: it must never crash, hang or throw,
// and what it returns must keep the contract's shape.
//
// Build and run from the source root (clang with libFuzzer), e.g. for 60 s:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//     fuzz/google_csv_fuzzer.cpp src/rapport/formats/{text,csv,linkedin,google_csv,vcard}.cpp \
//     -o /tmp/google_csv_fuzzer
//   mkdir -p /tmp/google_csv_corpus
//   /tmp/google_csv_fuzzer -max_total_time=60 /tmp/google_csv_corpus fuzz/corpus/google_csv
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rapport/formats/people.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = rapport::ParseGoogleCsv(text);
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
  // Whatever was read must be writable as CSV and read back as many cells.
  for (const rapport::ImportedPerson& p : result->people) {
    std::string row = rapport::CsvRow({p.name, p.org.value_or(""), p.note.value_or("")});
    if (row.size() < 2 || row.substr(row.size() - 2) != "\r\n") std::abort();
  }
  return 0;
}
