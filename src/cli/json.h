// JSON shapes of --json output: those of present/json.h, which the API
// writes too. Only set fields appear; every object has its `id`. Times are
// ISO-8601 UTC ("2026-03-02T09:30:00Z").
#pragma once

#include <nlohmann/json.hpp>

#include "rapport/app/app.h"

namespace rapport::cli {

using nlohmann::json;

json ToJson(const Organization& o);
json ToJson(const Contact& c);
json ToJson(const Objective& o);
json ToJson(const Event& e);
json ToJson(const Action& a);
json ToJson(const AgendaItem& item);

// Prints `j` indented, with a newline.
void PrintJson(std::ostream& out, const json& j);

}  // namespace rapport::cli
