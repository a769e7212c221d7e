// Reading test files: data written for the tests (tests/data/) and real
// exports kept beside the checkout (../shared/fixtures/, absent on a user's
// own machine, where tests that need them skip).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace rapport::testing {

inline const std::string kTestData = std::string(RAPPORT_SOURCE_DIR) + "/tests/data/";
inline const std::string kFixtures = std::string(RAPPORT_SOURCE_DIR) + "/../shared/fixtures/";

// The whole file as bytes; "" when it cannot be read.
inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace rapport::testing
