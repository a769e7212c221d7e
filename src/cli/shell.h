// What the shell and `man` get from the command table: completion scripts
// for bash, zsh and fish, and the manual page, each generated from the CLI11
// tree the commands registered, so they never go stale.
//
//   rapport completions bash > ~/.local/share/bash-completion/completions/rapport
//   rapport completions zsh  > "${fpath[1]}/_rapport"
//   rapport completions fish > ~/.config/fish/completions/rapport.fish
//
// The man page (build/rapport.1, installed by `make install`) is written by
// the hidden `rapport manpage` at build time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace rapport::cli {

// The shells `completions` writes for.
inline constexpr std::string_view kShells[] = {"bash", "zsh", "fish"};

// The completion script for `shell` ("bash", "zsh" or "fish"), or nullopt
// for another.
std::optional<std::string> CompletionScript(const CLI::App& root, std::string_view shell);

// rapport(1) in roff: every command with its options, the global options,
// files, environment and exit codes. `date` goes in the header.
std::string ManPage(const CLI::App& root, std::string_view date);

}  // namespace rapport::cli
