// Runs the real `rapport` binary as a subprocess, in an isolated data and
// config folder, and captures what a user would see.
#pragma once

#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace rapport::testing {

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

class Rapport {
 public:
  // Every run gets XDG_DATA_HOME and XDG_CONFIG_HOME inside `home`, no
  // NO_COLOR surprises (stdout is a file, so no colour anyway), and TZ=UTC
  // unless `env` overrides it.
  explicit Rapport(const TempDir& home) : home_(home) {}
  RunResult Run(const std::vector<std::string>& args,
                const std::vector<std::string>& env = {}) const;

 private:
  const TempDir& home_;
};

}  // namespace rapport::testing
