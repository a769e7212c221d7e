#include "support/run.h"

#include "support/files.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rapport::testing {

namespace {
std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}
}  // namespace

RunResult Rapport::Run(const std::vector<std::string>& args,
                       const std::vector<std::string>& env) const {
  std::string cmd = "env -u RAPPORT_NOW -u NO_COLOR XDG_DATA_HOME=" + Quote(home_.File("data")) +
                    " XDG_CONFIG_HOME=" + Quote(home_.File("config")) + " TZ=UTC";
  for (const auto& e : env) cmd += " " + Quote(e);
  cmd += " " + Quote(RAPPORT_BINARY);
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " </dev/null >" + Quote(home_.File("stdout")) + " 2>" + Quote(home_.File("stderr"));
  int status = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(home_.File("stdout"));
  r.err = Slurp(home_.File("stderr"));
  return r;
}

}  // namespace rapport::testing
