// libFuzzer target for ParseVCard: it must never crash, hang or throw. Every
// card it reads is also written back with WriteVCard and read again, which
// must give the same fields (the writer's round-trip promise).
//
// Build and run from the source root (clang with libFuzzer), e.g. for 60 s:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
//     fuzz/vcard_fuzzer.cpp src/rapport/formats/{text,csv,linkedin,google_csv,vcard}.cpp \
//     -o /tmp/vcard_fuzzer
//   mkdir -p /tmp/vcard_corpus
//   /tmp/vcard_fuzzer -max_total_time=60 /tmp/vcard_corpus fuzz/corpus/vcard
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rapport/formats/people.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = rapport::ParseVCard(text);
  if (!result.ok()) {
    const std::string& m = result.error().message();
    if (m.empty() || m.find('\n') != std::string::npos) std::abort();
    return 0;
  }
  for (const auto* issues : {&result->rejected, &result->skipped}) {
    for (const rapport::RowIssue& r : *issues) {
      if (r.line < 1 || r.reason.empty() || r.reason.find('\n') != std::string::npos) {
        std::abort();
      }
    }
  }
  std::vector<rapport::VCardPerson> cards;
  for (const rapport::ImportedPerson& p : result->people) {
    if (p.line < 1) std::abort();
    rapport::VCardPerson c;
    c.uid = "fuzz";
    c.name = p.name;
    c.org = p.org;
    c.title = p.title;
    if (p.email) c.emails.push_back({*p.email, p.email_label});
    c.emails.insert(c.emails.end(), p.other_emails.begin(), p.other_emails.end());
    if (p.phone) c.phones.push_back({*p.phone, p.phone_label});
    c.phones.insert(c.phones.end(), p.other_phones.begin(), p.other_phones.end());
    c.linkedin = p.linkedin;
    c.location = p.location;
    c.note = p.note;
    c.categories = p.categories;
    c.source = p.source;
    c.degree = p.degree;
    c.introducer = p.introducer;
    c.connected_on = p.connected_on;
    c.objectives = p.objectives;
    cards.push_back(std::move(c));
  }
  if (cards.empty()) return 0;
  auto again = rapport::ParseVCard(rapport::WriteVCard(cards));
  if (!again.ok() || again->people.size() != cards.size()) std::abort();
  for (size_t i = 0; i < cards.size(); ++i) {
    const rapport::ImportedPerson& a = result->people[i];
    const rapport::ImportedPerson& b = again->people[i];
    if (a.name != b.name || a.org != b.org || a.title != b.title || a.email != b.email ||
        a.phone != b.phone || a.linkedin != b.linkedin || a.location != b.location ||
        a.note != b.note || a.categories != b.categories || a.email_label != b.email_label ||
        a.phone_label != b.phone_label || a.other_emails != b.other_emails ||
        a.other_phones != b.other_phones || a.source != b.source || a.degree != b.degree ||
        a.introducer != b.introducer || a.connected_on != b.connected_on ||
        a.objectives != b.objectives) {
      std::abort();
    }
  }
  return 0;
}
