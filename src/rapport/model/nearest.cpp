#include "rapport/model/nearest.h"

#include <algorithm>
#include <cctype>

namespace rapport {

namespace {
char Fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rows: the swap of two neighbours looks two rows back.
  std::vector<size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = Fold(a[i - 1]) == Fold(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && Fold(a[i - 1]) == Fold(b[j - 2]) && Fold(a[i - 2]) == Fold(b[j - 1])) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

size_t TypoBudget(std::string_view typed) {
  if (typed.size() <= 4) return 1;
  if (typed.size() <= 8) return 2;
  return 3;
}

std::vector<std::string_view> Nearest(std::string_view typed,
                                      const std::vector<std::string_view>& candidates) {
  std::vector<std::string_view> best;
  const size_t budget = TypoBudget(typed);
  size_t best_distance = budget;
  for (std::string_view c : candidates) {
    const size_t d = EditDistance(typed, c);
    if (d > budget) continue;
    if (d < best_distance) {
      best_distance = d;
      best.clear();
    }
    if (d == best_distance && std::find(best.begin(), best.end(), c) == best.end()) {
      best.push_back(c);
    }
  }
  if (!best.empty() || typed.size() < 3) return best;
  for (std::string_view c : candidates) {
    if (c.size() > typed.size() && EditDistance(typed, c.substr(0, typed.size())) == 0) {
      if (!best.empty() && best.front() != c) return {};  // a prefix of several: no guess
      best = {c};
    }
  }
  return best;
}

}  // namespace rapport
