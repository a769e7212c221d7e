// "Did you mean ...?": the names nearest to what a person typed, for
// suggestions after a typo (a command, an option, a setting, a category).
// Pure; no face's vocabulary.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace rapport {

// The optimal-string-alignment distance between `a` and `b`, ignoring ASCII
// case: insertions, deletions, substitutions and swaps of two neighbouring
// characters cost one each ("stauts" is one edit from "status").
size_t EditDistance(std::string_view a, std::string_view b);

// How many edits a typo of `typed` may hold and still be taken for a name:
// 1 up to 4 characters, 2 up to 8, 3 beyond (Ninja's SpellcheckString and
// git allow about as many).
size_t TypoBudget(std::string_view typed);

// The candidates nearest to `typed` within TypoBudget, in the candidates'
// order; several only when they are equally near. When no candidate is that
// near, the one candidate `typed` is a prefix of (at least 3 characters,
// "pipe" for "pipeline"), if only one is. Empty when nothing fits. Views
// into `candidates`.
std::vector<std::string_view> Nearest(std::string_view typed,
                                      const std::vector<std::string_view>& candidates);

}  // namespace rapport
