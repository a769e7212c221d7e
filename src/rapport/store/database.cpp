// What both engines share: reading a Row's columns, and choosing the
// engine from the location the user gave.
#include "rapport/store/database.h"

namespace rapport {

std::int64_t Row::Int(size_t i) const {
  const auto& v = cols_.at(i);
  if (const auto* p = std::get_if<std::int64_t>(&v)) return *p;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  return 0;
}

std::string Row::Text(size_t i) const {
  const auto& v = cols_.at(i);
  if (const auto* p = std::get_if<std::string>(&v)) return *p;
  if (const auto* sv = std::get_if<std::string_view>(&v)) return std::string(*sv);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  return "";
}

std::optional<std::int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

double Row::Double(size_t i) const {
  const auto& v = cols_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  return 0;
}

bool IsPostgresUrl(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& location) {
  if (IsPostgresUrl(location)) return OpenPostgres(location);
  return OpenSqlite(location);
}

}  // namespace rapport
