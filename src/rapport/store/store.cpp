// Store: the keys records are matched by (case-folded names and emails,
// LinkedIn URLs). The Store's queries are in store_*.cpp, by aggregate.
#include "rapport/store/store.h"

namespace rapport {

std::string FoldCase(std::string_view s) {
  std::string out;
  AppendFoldCase(s, out);
  return out;
}

void AppendFoldCase(std::string_view s, std::string& out) {
  const size_t at = out.size();
  out.append(s);
  for (size_t i = at; i < out.size(); ++i) {
    char& c = out[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::string LinkedInKey(std::string_view url) {
  std::string out;
  AppendLinkedInKey(url, out);
  return out;
}

void AppendLinkedInKey(std::string_view url, std::string& out) {
  // Cut first, then fold only what is kept: every cut is at ASCII text
  // that folding does not change, so this is FoldCase, then the cuts.
  std::string_view k = url;
  auto strip = [&](std::string_view prefix) {  // prefix is lowercase
    if (k.size() < prefix.size()) return;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = k[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return;
    }
    k.remove_prefix(prefix.size());
  };
  for (std::string_view prefix : {"https://", "http://"}) strip(prefix);
  for (std::string_view prefix : {"www.", "m.", "uk.", "de.", "fr.", "ca."}) strip(prefix);
  for (size_t i = 0; i < k.size(); ++i) {
    if (k[i] == '?' || k[i] == '#') {
      k = k.substr(0, i);
      break;
    }
  }
  while (!k.empty() && k.back() == '/') k.remove_suffix(1);
  AppendFoldCase(k, out);
}

std::string PhoneKey(std::string_view phone) {
  std::string out;
  for (char c : phone) {
    if (c >= '0' && c <= '9') out.push_back(c);
    if (c == '+' && out.empty()) out.push_back(c);
  }
  return out;
}

}  // namespace rapport
