// The web app's files, built into the binary (cmake/embed.cmake): Mustache
// templates under "templates/", static files under "static/" (served at
// /assets/), and "openapi.json".
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rapport::server {

struct EmbeddedFile {
  std::string_view name;  // "templates/today.mustache", "static/app.css", ...
  std::string_view data;
};

// Every embedded file, in no particular order.
std::span<const EmbeddedFile> EmbeddedFiles();

// The file called `name`, or nullopt.
std::optional<std::string_view> FindEmbedded(std::string_view name);

}  // namespace rapport::server
