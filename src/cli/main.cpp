// rapport: a thin main over the CLI library.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = rapport::cli::RunCli(args, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
