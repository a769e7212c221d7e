#include "rapport/app/config.h"

#include <cstdlib>
#include <filesystem>
#include <toml++/toml.h>

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

std::string ConfigHome() { return XdgDir("XDG_CONFIG_HOME", ".config") + "/rapport"; }
std::string DefaultConfigPath() { return ConfigHome() + "/config.toml"; }
std::string DefaultDatabasePath() {
  return XdgDir("XDG_DATA_HOME", ".local/share") + "/rapport/rapport.db";
}

Result<Config> LoadConfig(const std::optional<std::string>& explicit_path) {
  Config cfg;
  for (const auto& s : PlaybookSettings()) cfg.origin[std::string(s.name)] = "default";
  cfg.zone = SystemZoneName();
  cfg.zone_origin = "system";

  std::string path = explicit_path.value_or(DefaultConfigPath());
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (explicit_path) {
      return Error::Io("config file " + path + " does not exist (check the --config path)");
    }
    return cfg;
  }
  cfg.path = path;
  toml::table doc;
  try {
    doc = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Error::InvalidArgument(Where(path, e.source()) + " " + std::string(e.description()) +
                                  " (fix the TOML syntax)");
  }
  for (const auto& [key, node] : doc) {
    if (key != "user" && key != "playbook" && key != "smtp") {
      return Error::InvalidArgument(Where(path, node.source()) + " unknown section [" +
                                    std::string(key.str()) +
                                    "] (known: [user], [smtp], [playbook])");
    }
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

}  // namespace rapport
