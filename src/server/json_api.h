// What the JSON API's files share (api.cpp, meeting_api.cpp and the API
// parts of compose_pages.cpp and pipeline_pages.cpp): answers, errors as
// {"error": {"code", "message", "field"}}, and reading a request's JSON
// object. `field` names the request's member (or query parameter) the
// error is about, and is left out when none is: the API's members are
// named as the use cases name their inputs, so an App error's field is
// sent as it is.
// Brings in nlohmann/json, so only those files include it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/internal.h"

namespace rapport::server {

using nlohmann::json;

inline void SendJson(httplib::Response& res, int status, const json& j) {
  res.status = status;
  // Invalid UTF-8 in stored text becomes U+FFFD rather than an exception.
  res.set_content(j.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

inline void SendJsonError(httplib::Response& res, int status, const std::string& code,
                          const std::string& message, const std::string& field = "") {
  json error = {{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  SendJson(res, status, {{"error", std::move(error)}});
}

inline void SendJsonError(httplib::Response& res, const Error& e) {
  // A storage or file error's field (the database's path) is not the
  // client's to fix, like its message.
  const bool hidden = StatusFor(e) >= 500;
  SendJsonError(res, StatusFor(e), CodeFor(e), PublicMessage(e), hidden ? "" : e.field());
}

// The JSON object a POST sends, or nullopt after answering with the error:
// 403 without the CSRF header (the pre-routing check refused a wrong one),
// 415 when it is not JSON, 400 when it is not an object.
inline std::optional<json> ReadJsonObject(const State& st, const httplib::Request& req,
                                          httplib::Response& res) {
  if (!HasCsrfToken(st, req)) {
    SendJsonError(res, 403, "forbidden", "the request has no CSRF token");
    return std::nullopt;
  }
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    SendJsonError(res, 415, "unsupported_media_type", "send the request as application/json");
    return std::nullopt;
  }
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    SendJsonError(res, 400, "invalid_argument", "the body is not a JSON object");
    return std::nullopt;
  }
  return body;
}

// A query parameter as an integer in [lo, hi], `fallback` when absent;
// nullopt (with `error` set) when it is not one.
inline std::optional<int> IntParam(const httplib::Request& req, const char* name, int fallback,
                                   int lo, int hi, std::string& error) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  int n = 0;
  size_t used = 0;
  try {
    n = std::stoi(v, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != v.size() || n < lo || n > hi) {
    error = std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " +
            std::to_string(hi);
    return std::nullopt;
  }
  return n;
}

}  // namespace rapport::server
