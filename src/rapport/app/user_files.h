// The user's own files that the use cases read, passed in like the clock:
// the words they never want flagged as misspelt, and their versions of the
// message templates. The CLI's composition root makes a DirectoryUserFiles
// over the config folder (ConfigHome(), app/config.h); tests make one over
// a temporary folder, or pass none at all (App then uses NoUserFiles).
//
// Implementations are read-only and may be called from any thread that
// holds the App.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class UserFiles {
 public:
  virtual ~UserFiles() = default;

  // The entries of the user's word list, as written, one per line (an
  // entry may hold several words: "Ngozi Okonjo-Iweala"); blank lines and
  // lines starting with '#' left out. Empty when there is no list.
  virtual std::vector<std::string> KnownWords() const = 0;

  // The user's text for the message template called `name` (Mustache, the
  // first line "Subject: ..."), or nullopt when they have written none and
  // the built-in applies. `name` is a template's name ("follow_up"); a name
  // that could leave the folder ('/', a leading '.') has no override.
  virtual std::optional<std::string> TemplateOverride(std::string_view name) const = 0;
};

// The files of one folder: DIR/words.txt and DIR/templates/NAME.mustache.
// Each call reads the file again, so an edit counts from the next lint or
// draft without a restart. A file that is missing or cannot be read counts
// as none.
class DirectoryUserFiles final : public UserFiles {
 public:
  explicit DirectoryUserFiles(std::string dir);

  std::vector<std::string> KnownWords() const override;
  std::optional<std::string> TemplateOverride(std::string_view name) const override;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

// No files: no known words beyond the records, the built-in templates.
class NoUserFiles final : public UserFiles {
 public:
  std::vector<std::string> KnownWords() const override { return {}; }
  std::optional<std::string> TemplateOverride(std::string_view) const override {
    return std::nullopt;
  }
};

}  // namespace rapport
