// Configuration: layered defaults -> config.toml -> command line. The file
// is optional; a file that exists but is malformed is an error with its line.
//
//   [user]
//   name = "Ada Lovelace"
//   timezone = "Europe/London"
//
//   intro = "a data analyst exploring UX research"
//   email = "ada@example.org"
//
//   [profile]                # the networking sheet (rapport profile set)
//   headline = "Data analyst moving into UX research"
//   achievements = ["Ran a 400-person survey", "Taught statistics"]
//   targets = ["Fjord Labs", "Northwind Health"]
//
//   [smtp]
//   host = "smtp.example.org"
//   port = 587
//   security = "starttls"
//   user = "ada@example.org"
//   password_env = "RAPPORT_SMTP_PASSWORD"
//
//   [playbook]
//   follow_up_days = 5
//   business_days = true
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/error.h"
#include "rapport/playbook/settings.h"

namespace rapport {

struct Config {
  Playbook playbook;
  // Where each playbook setting's value came from: "default" or the file.
  std::map<std::string, std::string, std::less<>> origin;
  std::string zone;         // IANA zone to show times in
  std::string zone_origin;  // "config", "system"
  std::string user_name;
  // The profile messages are signed with ([user] in config.toml).
  std::string user_email, user_intro, user_phone, user_signature;
  // The networking sheet's fields ([profile] in config.toml).
  struct Profile {
    std::string headline, location, linkedin;
    std::string summary;  // Markdown
    std::vector<std::string> achievements;
    std::vector<std::string> targets;  // organization names
  } profile;
  // Outgoing mail ([smtp]); host empty: no SMTP, write .eml files instead.
  struct Smtp {
    std::string host;
    int port = 587;
    std::string security = "starttls";  // "starttls", "tls" or "none"
    std::string user;
    std::string password_env;   // name of an environment variable holding it
    std::string password_file;  // or a file holding it (first line)
  } smtp;
  std::string path;  // the file read, "" when none
};

// $XDG_CONFIG_HOME/rapport (default ~/.config/rapport): config.toml,
// words.txt, templates/ (the last two read through the DirectoryUserFiles
// a composition root makes over this folder, app/user_files.h).
std::string ConfigHome();
// ConfigHome()/config.toml.
std::string DefaultConfigPath();
// $XDG_DATA_HOME/rapport/rapport.db (default ~/.local/share/...).
std::string DefaultDatabasePath();

// The zone to show times in when the config names none: $TZ when it names
// a known zone (a leading ':' allowed, as POSIX does), else the system's
// /etc/localtime, else "UTC". Config loading is where the environment is
// read, so that model/ takes every zone as a parameter.
std::string SystemZoneName();

// Reads `path` when given (it must exist), else the default path if it
// exists, else defaults only.
Result<Config> LoadConfig(const std::optional<std::string>& path);

// The keys `rapport profile set` accepts, with a one-line description each:
// name, email, phone ([user]) and headline, location, linkedin, summary,
// achievements, targets ([profile]; the last two are lists).
struct ProfileKey {
  std::string_view key;
  std::string_view table;  // "user" or "profile"
  bool list = false;
  std::string_view description;
};
const std::vector<ProfileKey>& ProfileKeys();

// Sets one profile key in the config file at `path` (created, with its
// folder, when missing), editing only that key's line and keeping every
// other line and comment as it was. A list key takes all `values` (none
// clears it); other keys exactly one ("" clears it). Values are checked as
// the CLI checks them elsewhere (email, phone, web address, one line) and
// written as TOML basic strings. The result is re-read with LoadConfig's
// rules, then written whole to a temporary file beside the target and
// renamed over it (a symlink's target is edited; the link stays): on any
// error nothing changes. An unknown key is an error listing the known ones.
Status SetProfileValue(const std::string& path, std::string_view key,
                       const std::vector<std::string>& values);

}  // namespace rapport
