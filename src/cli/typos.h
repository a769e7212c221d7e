// Unknown commands and options, found the way the parser would meet them,
// with the nearest known name ("did you mean 'agenda'?"). CLI11 says only
// "A subcommand is required" for a mistyped command; this walks the words
// over the command table to say which word it did not know.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace rapport::cli {

// A word of the command line that names no command or option.
struct UnknownWord {
  // "'agend' is not a command; did you mean 'agenda'?", or
  // "'--dyas' is not an option of 'agenda'; did you mean '--days'?"; when
  // nothing is near, "(see 'rapport agenda --help')" instead of the guess.
  std::string message;
  // The word as typed ("--dyas", "agend").
  std::string word;
};

// The first word of `args` (without the program name, in order) that is
// neither a command of the command it follows nor an option of that command
// or of those above it; nullopt when every word is known. Option values
// (`--at tomorrow`, `--db=x`) and words after "--" are not looked at.
std::optional<UnknownWord> FindUnknownWord(const CLI::App& root,
                                           const std::vector<std::string>& args);

}  // namespace rapport::cli
