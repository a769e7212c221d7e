// libFuzzer target for the template renderer: a user's template file is
// arbitrary text, so RenderTemplate must never crash, hang or throw, and a
// rendered draft never contains a NUL it was not given.
//
// Built and run by scripts/fuzz (make fuzz).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rapport/messages/templates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::map<std::string, std::string> fields = {
      {"name", "Ada Lovelace"}, {"first_name", "Ada"}, {"objective", "UX {{research}}"},
      {"list", "x"}};
  auto r = rapport::RenderTemplate(text, fields);
  (void)r;
  return 0;
}
