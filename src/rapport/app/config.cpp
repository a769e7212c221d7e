#include "rapport/app/config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <date/tz.h>
#include <toml++/toml.h>

#include "rapport/app/validate.h"
#include "rapport/model/time.h"

namespace rapport {

namespace {

std::string HomeDir() {
  const char* home = std::getenv("HOME");
  return home && *home ? home : ".";
}

std::string XdgDir(const char* var, const char* fallback) {
  const char* v = std::getenv(var);
  // The XDG spec says relative paths are invalid and must be ignored.
  if (v && *v == '/') return v;
  return HomeDir() + "/" + fallback;
}

std::string Where(const std::string& path, const toml::source_region& r) {
  return path + ":" + std::to_string(r.begin.line) + ":";
}

}  // namespace

std::string SystemZoneName() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string_view name = tz;
    if (name.front() == ':') name.remove_prefix(1);
    if (IsKnownZone(name)) return std::string(name);
  }
  try {
    if (const auto* z = date::current_zone()) return std::string(z->name());
  } catch (const std::exception&) {
  }
  return "UTC";
}

std::string ConfigHome() { return XdgDir("XDG_CONFIG_HOME", ".config") + "/rapport"; }
std::string DefaultConfigPath() { return ConfigHome() + "/config.toml"; }
std::string DefaultDatabasePath() {
  return XdgDir("XDG_DATA_HOME", ".local/share") + "/rapport/rapport.db";
}

namespace {

Result<toml::table> ParseToml(std::string_view text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Error::InvalidArgument(Where(path, e.source()) + " " + std::string(e.description()) +
                                  " (fix the TOML syntax)");
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Io("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Error::Io("cannot read " + path + ": " + std::strerror(errno));
  return s.str();
}

Config Defaults() {
  Config cfg;
  for (const auto& s : PlaybookSettings()) cfg.origin[std::string(s.name)] = "default";
  cfg.zone = SystemZoneName();
  cfg.zone_origin = "system";
  return cfg;
}

constexpr std::string_view kProfileKnown =
    "headline, location, linkedin, summary, achievements, targets";

Status ReadProfile(const toml::table& profile, const std::string& path, Config& cfg) {
  for (const auto& [key, node] : profile) {
    const std::string k(key.str());
    if (k == "achievements" || k == "targets") {
      const auto* arr = node.as_array();
      std::vector<std::string> items;
      bool strings = arr != nullptr;
      if (arr) {
        for (const auto& item : *arr) {
          const auto* s = item.as_string();
          if (!s) {
            strings = false;
            break;
          }
          items.push_back(s->get());
        }
      }
      if (!strings) {
        return Error::InvalidArgument(Where(path, node.source()) + " profile." + k +
                                      " must be a list of quoted strings, like [\"one\", \"two\"]");
      }
      (k == "achievements" ? cfg.profile.achievements : cfg.profile.targets) = std::move(items);
      continue;
    }
    std::string* field = k == "headline"   ? &cfg.profile.headline
                         : k == "location" ? &cfg.profile.location
                         : k == "linkedin" ? &cfg.profile.linkedin
                         : k == "summary"  ? &cfg.profile.summary
                                           : nullptr;
    if (!field) {
      return Error::InvalidArgument(Where(path, node.source()) + " unknown setting profile." + k +
                                    " (known: " + std::string(kProfileKnown) + ")");
    }
    const auto* s = node.as_string();
    if (!s) {
      return Error::InvalidArgument(Where(path, node.source()) + " profile." + k +
                                    " must be a quoted string");
    }
    *field = s->get();
  }
  return {};
}

// LoadConfig's rules over the text of `path`.
Result<Config> ParseConfig(std::string_view source, const std::string& path) {
  Config cfg = Defaults();
  cfg.path = path;
  RAPPORT_ASSIGN_OR_RETURN(toml::table doc, ParseToml(source, path));
  for (const auto& [key, node] : doc) {
    if (key != "user" && key != "profile" && key != "playbook" && key != "smtp") {
      return Error::InvalidArgument(Where(path, node.source()) + " unknown section [" +
                                    std::string(key.str()) +
                                    "] (known: [user], [profile], [smtp], [playbook])");
    }
    if (!node.is_table()) {
      return Error::InvalidArgument(Where(path, node.source()) + " " + std::string(key.str()) +
                                    " must be a section: [" + std::string(key.str()) + "]");
    }
  }
  if (const auto* profile = doc["profile"].as_table()) {
    RAPPORT_RETURN_IF_ERROR(ReadProfile(*profile, path, cfg));
  }
  if (const auto* smtp = doc["smtp"].as_table()) {
    for (const auto& [key, node] : *smtp) {
      const std::string k(key.str());
      if (k == "port") {
        const auto* i = node.as_integer();
        if (!i || i->get() < 1 || i->get() > 65535) {
          return Error::InvalidArgument(Where(path, node.source()) +
                                        " smtp.port must be a number from 1 to 65535");
        }
        cfg.smtp.port = static_cast<int>(i->get());
        continue;
      }
      const auto* s = node.as_string();
      if (!s) {
        return Error::InvalidArgument(Where(path, node.source()) + " smtp." + k +
                                      " must be a quoted string");
      }
      if (k == "host") {
        cfg.smtp.host = s->get();
      } else if (k == "security") {
        if (s->get() != "starttls" && s->get() != "tls" && s->get() != "none") {
          return Error::InvalidArgument(Where(path, node.source()) +
                                        " smtp.security must be starttls, tls or none");
        }
        cfg.smtp.security = s->get();
      } else if (k == "user") {
        cfg.smtp.user = s->get();
      } else if (k == "password_env") {
        cfg.smtp.password_env = s->get();
      } else if (k == "password_file") {
        cfg.smtp.password_file = s->get();
      } else if (k == "password") {
        return Error::InvalidArgument(Where(path, node.source()) +
                                      " a password in the config file is refused; use "
                                      "password_env or password_file");
      } else {
        return Error::InvalidArgument(Where(path, node.source()) + " unknown setting smtp." + k +
                                      " (known: host, port, security, user, password_env, "
                                      "password_file)");
      }
    }
  }
  if (const auto* user = doc["user"].as_table()) {
    for (const auto& [key, node] : *user) {
      const auto* s = node.as_string();
      if (!s) {
        return Error::InvalidArgument(Where(path, node.source()) + " user." +
                                      std::string(key.str()) + " must be a quoted string");
      }
      if (key == "timezone") {
        if (!IsKnownZone(s->get())) {
          return Error::InvalidArgument(Where(path, node.source()) + " unknown time zone '" +
                                        s->get() + "' (use an IANA name such as Europe/Paris)");
        }
        cfg.zone = s->get();
        cfg.zone_origin = path;
      } else if (key == "name") {
        cfg.user_name = s->get();
      } else if (key == "email") {
        cfg.user_email = s->get();
      } else if (key == "intro") {
        cfg.user_intro = s->get();
      } else if (key == "phone") {
        cfg.user_phone = s->get();
      } else if (key == "signature") {
        cfg.user_signature = s->get();
      } else {
        return Error::InvalidArgument(Where(path, node.source()) + " unknown setting user." +
                                      std::string(key.str()) +
                                      " (known: name, email, intro, phone, signature, timezone)");
      }
    }
  }
  if (const auto* pb = doc["playbook"].as_table()) {
    for (const auto& [key, node] : *pb) {
      std::string text;
      if (const auto* i = node.as_integer()) {
        text = std::to_string(i->get());
      } else if (const auto* b = node.as_boolean()) {
        text = b->get() ? "true" : "false";
      } else {
        return Error::InvalidArgument(Where(path, node.source()) + " playbook." +
                                      std::string(key.str()) +
                                      " must be a whole number or true/false");
      }
      if (auto s = SetSetting(cfg.playbook, key.str(), text); !s) {
        return Error::InvalidArgument(Where(path, node.source()) + " " + s.error().message());
      }
      cfg.origin[std::string(key.str())] = path;
    }
  }
  if (auto s = Validate(cfg.playbook); !s) {
    return Error::InvalidArgument(path + ": " + s.error().message());
  }
  return cfg;
}

}  // namespace

Result<Config> LoadConfig(const std::optional<std::string>& explicit_path) {
  std::string path = explicit_path.value_or(DefaultConfigPath());
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (explicit_path) {
      return Error(ErrorCode::kIo, "config file " + path + " does not exist (check its path)",
                   "config");
    }
    return Defaults();
  }
  RAPPORT_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseConfig(text, path);
}

const std::vector<ProfileKey>& ProfileKeys() {
  static const std::vector<ProfileKey> kKeys = {
      {"name", "user", false, "your name, at the top of the sheet and under your messages"},
      {"email", "user", false, "the address people can reach you at"},
      {"phone", "user", false, "a number for calls (also read out in voicemails)"},
      {"intro", "user", false,
       "who you are, in a few words: \"I'm <intro>\" in every request (e.g. a nursing student)"},
      {"signature", "user", false, "how your messages end (default: your name; may span lines)"},
      {"headline", "profile", false,
       "one line under your name: who you are, where you are heading"},
      {"location", "profile", false, "your city or region"},
      {"linkedin", "profile", false, "your LinkedIn profile (or another page about you)"},
      {"summary", "profile", false,
       "what you are exploring and why, in three or four sentences (Markdown)"},
      {"achievements", "profile", true, "a few things you have done, one per value (Markdown)"},
      {"targets", "profile", true, "organizations you want to learn about, one per value"},
  };
  return kKeys;
}

namespace {

std::string KnownKeys() {
  std::string s;
  for (const auto& k : ProfileKeys()) {
    if (!s.empty()) s += ", ";
    s += k.key;
  }
  return s;
}

// Checks and tidies what the user typed for `key`. An empty value for a
// single-value key clears it; empty items of a list are dropped.
Result<std::vector<std::string>> CleanProfileValues(const ProfileKey& key,
                                                    const std::vector<std::string>& values) {
  const std::string field(key.key);
  std::vector<std::string> out;
  if (key.list) {
    for (const auto& v : values) {
      if (Trim(v).empty()) continue;
      RAPPORT_ASSIGN_OR_RETURN(std::string item, CleanName(v, "each of " + field, field));
      out.push_back(std::move(item));
    }
    return out;
  }
  const std::string v = Trim(values.front());
  std::string clean;
  if (v.empty()) {
    clean = "";
  } else if (field == "email") {
    RAPPORT_ASSIGN_OR_RETURN(clean, CleanEmail(v, field));
  } else if (field == "phone") {
    RAPPORT_ASSIGN_OR_RETURN(clean, CleanPhone(v, field));
  } else if (field == "linkedin") {
    RAPPORT_ASSIGN_OR_RETURN(clean, CleanUrl(v, field, field));
  } else if (field == "signature") {
    // "Best wishes,\nSam": lines are kept, but not a page of them.
    if (!IsUtf8(v)) {
      return Error::InvalidArgument("signature",
                                    "the signature is not valid UTF-8 text (check your "
                                    "terminal's encoding)");
    }
    if (v.size() > 300) {
      return Error::InvalidArgument("signature", "the signature is too long (" +
                                                     std::to_string(v.size()) +
                                                     " characters; at most 300)");
    }
    clean = v;
  } else if (field == "summary") {
    if (!IsUtf8(v)) {
      return Error::InvalidArgument(
          "summary is not valid UTF-8 text (check your terminal's encoding)");
    }
    // With five two-line achievements and a dozen targets, 600 characters
    // is what still fits one US Letter page.
    if (v.size() > 600) {
      return Error::InvalidArgument("summary is too long for one page (" +
                                    std::to_string(v.size()) +
                                    " characters; at most 600: three or four sentences)");
    }
    clean = v;
  } else {
    RAPPORT_ASSIGN_OR_RETURN(clean, CleanName(v, field, field));
  }
  out.push_back(std::move(clean));
  return out;
}

// A TOML basic string: quotes, backslashes and control characters escaped;
// other UTF-8 as it is.
std::string TomlString(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string TomlLine(const ProfileKey& key, const std::vector<std::string>& values) {
  std::string line = std::string(key.key) + " = ";
  if (!key.list) return line + TomlString(values.front());
  line += "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) line += ", ";
    line += TomlString(values[i]);
  }
  return line + "]";
}

// What `cfg` holds for `key`, in the shape CleanProfileValues returns.
std::vector<std::string> ProfileValue(const Config& cfg, std::string_view key) {
  if (key == "achievements") return cfg.profile.achievements;
  if (key == "targets") return cfg.profile.targets;
  const std::string& v = key == "name"       ? cfg.user_name
                         : key == "email"    ? cfg.user_email
                         : key == "phone"    ? cfg.user_phone
                         : key == "intro"    ? cfg.user_intro
                         : key == "signature" ? cfg.user_signature
                         : key == "headline" ? cfg.profile.headline
                         : key == "location" ? cfg.profile.location
                         : key == "linkedin" ? cfg.profile.linkedin
                                             : cfg.profile.summary;
  return {v};
}

// Byte offsets of toml++ positions (1-based lines; 1-based columns counted
// in code points) in `text`.
class Positions {
 public:
  explicit Positions(const std::string& text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  // Where line `line` starts; the end of the text past the last line.
  size_t LineStart(size_t line) const {
    return line >= 1 && line <= starts_.size() ? starts_[line - 1] : text_.size();
  }
  size_t Offset(const toml::source_position& p) const {
    size_t i = LineStart(p.line);
    for (size_t col = 1; col < p.column && i < text_.size() && text_[i] != '\n'; ++col) {
      ++i;
      while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }

 private:
  const std::string& text_;
  std::vector<size_t> starts_;
};

// `text` with `line` (a whole `key = value`) in place of the key's current
// one (which may span lines), else after the last value of its table, else
// in a new table at the end. Every other byte stays as it was.
Result<std::string> EditConfigText(const std::string& text, const std::string& path,
                                   const ProfileKey& key, const std::string& line) {
  RAPPORT_ASSIGN_OR_RETURN(toml::table doc, ParseToml(text, path));
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const Positions pos(text);
  const auto* table = doc[key.table].as_table();
  if (!table) {
    std::string out = text;
    if (!out.empty() && out.back() != '\n') out += eol;
    const std::string blank = eol + eol;
    if (!out.empty() && (out.size() < blank.size() ||
                         out.compare(out.size() - blank.size(), blank.size(), blank) != 0)) {
      out += eol;  // a blank line before the new table
    }
    return out + "[" + std::string(key.table) + "]" + eol + line + eol;
  }
  size_t last_line = table->source().begin.line;  // the [table] header
  for (const auto& [k, v] : *table) {
    if (k.str() == key.key) {
      const size_t begin = pos.Offset(k.source().begin);
      const size_t end = pos.Offset(v.source().end);
      return text.substr(0, begin) + line + text.substr(end);
    }
    last_line = std::max<size_t>(last_line, v.source().end.line);
  }
  const size_t at = pos.LineStart(last_line + 1);
  std::string out = text.substr(0, at);
  if (!out.empty() && out.back() != '\n') out += eol;
  return out + line + eol + text.substr(at);
}

// Writes `data` to a new file beside `path` and renames it over `path`, so
// a reader sees the old file or the new one, never half of either. A new
// file is private to its owner (0600); an existing one keeps its mode.
Status ReplaceFile(const std::string& path, const std::string& data) {
  std::string tmp = path + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return Error::Io("cannot write " + path + ": " + std::strerror(errno));
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return Error::Io("cannot write " + path + ": " + std::strerror(err));
  };
  for (size_t done = 0; done < data.size();) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    done += static_cast<size_t>(n);
  }
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && ::fchmod(fd, st.st_mode & 07777) != 0) return fail(errno);
  if (::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Error::Io("cannot write " + path + ": " + std::strerror(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Error::Io("cannot write " + path + ": " + std::strerror(err));
  }
  return {};
}

}  // namespace

Status SetProfileValue(const std::string& path, std::string_view key,
                       const std::vector<std::string>& values) {
  namespace fs = std::filesystem;
  const ProfileKey* found = nullptr;
  std::vector<std::string_view> names;
  for (const auto& k : ProfileKeys()) {
    names.push_back(k.key);
    if (k.key == key) found = &k;
  }
  if (!found) {
    const std::string hint = Suggest(key, names);
    return Error::InvalidArgument("unknown profile key '" + std::string(key) + "' (" +
                                  (hint.empty() ? "" : hint + " ") + "known: " + KnownKeys() + ")");
  }
  if (!found->list && values.size() != 1) {
    return Error::InvalidArgument(std::string(key) + " takes one value, not " +
                                  std::to_string(values.size()) + " (put the value in quotes)");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto clean, CleanProfileValues(*found, values));

  // A config file kept elsewhere and linked here (a dotfiles folder) is
  // edited where it lives, and the link stays a link.
  std::error_code ec;
  std::string target = path;
  if (fs::is_symlink(path, ec)) {
    const fs::path resolved = fs::weakly_canonical(path, ec);
    if (ec) return Error::Io("cannot follow the link " + path + ": " + ec.message());
    target = resolved.string();
  }
  std::string text;
  const bool exists = fs::exists(target, ec);
  if (exists) {
    RAPPORT_ASSIGN_OR_RETURN(text, ReadFile(target));
  }
  RAPPORT_ASSIGN_OR_RETURN(std::string edited,
                           EditConfigText(text, path, *found, TomlLine(*found, clean)));
  // The result must be a config LoadConfig accepts, holding what was asked.
  RAPPORT_ASSIGN_OR_RETURN(Config cfg, ParseConfig(edited, path));
  if (ProfileValue(cfg, key) != clean) {
    return Error::InvalidArgument("cannot set " + std::string(key) + " in " + path +
                                  " safely (is [" + std::string(found->table) +
                                  "] written inline or with dotted keys?); edit the file by hand");
  }
  if (!exists) {
    const fs::path folder = fs::path(target).parent_path();
    if (!folder.empty()) {
      fs::create_directories(folder, ec);
      if (ec) return Error::Io("cannot create the folder " + folder.string() + ": " + ec.message());
    }
  }
  return ReplaceFile(target, edited);
}

}  // namespace rapport
