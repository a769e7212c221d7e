#include "rapport/app/validate.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "rapport/model/nearest.h"
#include "rapport/model/time.h"

namespace rapport {

namespace {
// std::isspace in the "C" locale (which Rapport never changes), without a
// library call per byte.
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

bool IsUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

namespace {
void TrimInPlace(std::string& s) {
  const std::string_view t = TrimView(s);
  if (t.size() == s.size()) return;
  const size_t from = static_cast<size_t>(t.data() - s.data());
  s.erase(from + t.size());
  s.erase(0, from);
}
}  // namespace

Status CleanNameInPlace(std::string& s, std::string_view what, std::string_view field) {
  TrimInPlace(s);
  auto bad = [&](std::string_view why) {
    return Error::InvalidArgument(std::string(field), std::string(what) + std::string(why));
  };
  if (s.empty()) return bad(" cannot be empty");
  if (!IsUtf8(s)) return bad(" is not valid UTF-8 text (check your terminal's encoding)");
  if (s.find('\n') != std::string::npos || s.find('\r') != std::string::npos) {
    return bad(" must be a single line");
  }
  if (s.size() > 200) return bad(" is too long (at most 200 characters)");
  return {};
}

Result<std::string> CleanName(std::string_view text, std::string_view what,
                              std::string_view field) {
  std::string s(text);
  RAPPORT_RETURN_IF_ERROR(CleanNameInPlace(s, what, field));
  return s;
}

Status CleanEmailInPlace(std::string& s, std::string_view field) {
  TrimInPlace(s);
  auto bad = [&](std::string_view why) {
    return Error::InvalidArgument(std::string(field), "'" + s + "' is not an email address (" +
                                                          std::string(why) +
                                                          "); use the form name@example.org");
  };
  auto at = s.find('@');
  if (at == std::string::npos) return bad("no @");
  if (s.find('@', at + 1) != std::string::npos) return bad("more than one @");
  if (at == 0) return bad("nothing before the @");
  std::string_view domain = std::string_view(s).substr(at + 1);
  if (domain.empty()) return bad("nothing after the @");
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') {
    return bad("the domain needs a dot");
  }
  if (domain.find("..") != std::string_view::npos) return bad("two dots in a row");
  for (char c : s) {
    if (IsSpace(c) || c == ',' || c == '<' || c == '>') {
      return bad("it contains a space or a character addresses cannot have");
    }
  }
  return {};
}

Result<std::string> CleanEmail(std::string_view text, std::string_view field) {
  std::string s(text);
  RAPPORT_RETURN_IF_ERROR(CleanEmailInPlace(s, field));
  return s;
}

Status CleanUrlInPlace(std::string& s, std::string_view what, std::string_view field) {
  TrimInPlace(s);
  if (s.empty()) {
    return Error::InvalidArgument(std::string(field), std::string(what) + " cannot be empty");
  }
  auto starts_with = [&](std::string_view prefix) {  // case-insensitively
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (AsciiLower(s[i]) != prefix[i]) return false;
    }
    return true;
  };
  size_t added = 0;  // the length of a scheme put in front
  if (!starts_with("http://") && !starts_with("https://")) {
    if (s.find("://") != std::string::npos) {
      return Error::InvalidArgument(std::string(field),
                                    "'" + s + "' for " + std::string(what) +
                                        " is not a web address (use http:// or https://)");
    }
    s.insert(0, "https://");
    added = 8;
  }
  auto host_start = s.find("://") + 3;
  auto host_end = s.find_first_of("/?#", host_start);
  std::string_view host = std::string_view(s).substr(
      host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (host.empty() || host.find('.') == std::string_view::npos ||
      std::any_of(s.begin(), s.end(), IsSpace)) {
    return Error::InvalidArgument(std::string(field),
                                  "'" + s.substr(added) + "' for " + std::string(what) +
                                      " is not a web address (e.g. https://example.org)");
  }
  return {};
}

Result<std::string> CleanUrl(std::string_view text, std::string_view what, std::string_view field) {
  std::string s(text);
  RAPPORT_RETURN_IF_ERROR(CleanUrlInPlace(s, what, field));
  return s;
}

Result<std::string> CleanPhone(std::string_view text, std::string_view field) {
  std::string s = Trim(text);
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (!std::strchr("+()-. /", c)) {
      return Error::InvalidArgument(
          std::string(field),
          "'" + s + "' is not a phone number (use digits, spaces and + ( ) - .)");
    }
  }
  if (digits < 5) {
    return Error::InvalidArgument(std::string(field),
                                  "'" + s + "' is too short for a phone number");
  }
  return s;
}

Result<std::string> CleanZone(std::string_view text, std::string_view field) {
  std::string s = Trim(text);
  if (!IsKnownZone(s)) {
    return Error::InvalidArgument(
        std::string(field), "unknown time zone '" + s +
                                "' (use an IANA name such as Europe/Paris or America/New_York)");
  }
  return s;
}

Status CheckWriteId(std::string_view text) {
  const bool ok = text.size() >= 8 && text.size() <= 64 &&
                  std::all_of(text.begin(), text.end(), [](unsigned char c) {
                    return std::isalnum(c) || c == '-' || c == '_';
                  });
  if (ok) return {};
  return Error::InvalidArgument(
      "write_id", "the write's id must be 8 to 64 letters, digits, '-' or '_' (a UUID will do)");
}

Result<std::string> CleanTag(std::string_view text) {
  std::string s = Trim(text);
  if (s.empty()) return Error::InvalidArgument("tags", "a tag cannot be empty");
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      return Error::InvalidArgument(
          "tags", "tag '" + s + "' contains a space or comma (use one word, e.g. alumni-2019)");
    }
  }
  return s;
}

std::string Suggest(std::string_view typed, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  size_t best_d = std::string::npos;
  for (auto c : candidates) {
    size_t d = EditDistance(typed, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  if (best.empty() || best_d > std::max<size_t>(2, typed.size() / 3)) return "";
  return "did you mean '" + std::string(best) + "'?";
}

std::string OneOf(const std::vector<std::string_view>& names) {
  std::string s = "one of ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) s += ", ";
    s += names[i];
  }
  return s;
}

}  // namespace rapport
