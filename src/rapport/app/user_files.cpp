#include "rapport/app/user_files.h"

#include <fstream>
#include <sstream>

namespace rapport {

DirectoryUserFiles::DirectoryUserFiles(std::string dir) : dir_(std::move(dir)) {}

std::vector<std::string> DirectoryUserFiles::KnownWords() const {
  std::vector<std::string> words;
  std::ifstream list(dir_ + "/words.txt");
  for (std::string line; std::getline(list, line);) {
    if (!line.empty() && line[0] != '#') words.push_back(std::move(line));
  }
  return words;
}

std::optional<std::string> DirectoryUserFiles::TemplateOverride(std::string_view name) const {
  if (name.empty() || name.front() == '.' || name.find('/') != std::string_view::npos) {
    return std::nullopt;
  }
  std::ifstream custom(dir_ + "/templates/" + std::string(name) + ".mustache");
  if (!custom) return std::nullopt;
  std::stringstream text;
  text << custom.rdbuf();
  return text.str();
}

}  // namespace rapport
