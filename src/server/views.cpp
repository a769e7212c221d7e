// Rendering: Mustache templates from the binary (web/templates/), the page
// layout, error pages and flash messages. kainjow's {{x}} escapes & < > " '
// so every user string is inert; {{{x}}} is used only for HTML we made
// (rendered templates, cmark's safe output).
#include <iostream>
#include <map>
#include <memory>

#include "server/assets.h"
#include "server/internal.h"

namespace rapport::server {

namespace {

constexpr const char* kFlashCookie = "rapport_flash";
constexpr std::string_view kUndoMarker = "undo:";

// The flash travels in a cookie as hex: httplib percent-decodes header
// values as it reads them, so an escaped ';' would come back as the end of
// the cookie.
std::string HexEncode(const std::string& s) {
  static const char* hex = "0123456789abcdef";
  std::string o;
  o.reserve(s.size() * 2);
  for (unsigned char c : s) {
    o += hex[c >> 4];
    o += hex[c & 15];
  }
  return o;
}

// "" when `s` is not hex.
std::string HexDecode(std::string_view s) {
  auto val = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (s.size() % 2 != 0) return "";
  std::string o;
  o.reserve(s.size() / 2);
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = val(s[i]), lo = val(s[i + 1]);
    if (hi < 0 || lo < 0) return "";
    o += static_cast<char>(hi * 16 + lo);
  }
  return o;
}

}  // namespace

std::string Humanize(std::string_view name) {
  std::string s(name);
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string Render(std::string_view name, const data& d) {
  // Each template is parsed once per thread: kainjow's render walks the
  // parsed tree with mutable state, so threads do not share one.
  thread_local std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>, std::less<>> parsed;
  auto it = parsed.find(name);
  if (it == parsed.end()) {
    auto text = FindEmbedded("templates/" + std::string(name) + ".mustache");
    if (!text) {
      std::cerr << "rapport serve: no template " << name << '\n';
      return "";
    }
    auto tmpl = std::make_unique<kainjow::mustache::mustache>(std::string(*text));
    if (!tmpl->is_valid()) {
      std::cerr << "rapport serve: template " << name << ": " << tmpl->error_message() << '\n';
      return "";
    }
    it = parsed.emplace(std::string(name), std::move(tmpl)).first;
  }
  return it->second->render(d);
}

std::string RenderPage(const State& st, std::string_view title, std::string_view nav,
                       const std::string& content, const std::string& flash) {
  data d;
  d.set("title", std::string(title));
  d.set("csrf", st.csrf);
  d.set("content", content);
  // A flash made by SetFlashWithUndo starts with "undo:ID@PATH|": the page
  // shows an Undo button for event ID that returns to PATH.
  std::string_view message = flash;
  if (message.rfind(kUndoMarker, 0) == 0) {
    const size_t bar = message.find('|');
    const std::string_view ref =
        bar == std::string_view::npos ? std::string_view{} : message.substr(kUndoMarker.size(), bar - kUndoMarker.size());
    const size_t at = ref.find('@');
    const std::string_view id = ref.substr(0, at);
    const std::string_view back = at == std::string_view::npos ? std::string_view{} : ref.substr(at + 1);
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string_view::npos) {
      d.set("undo_event", std::string(id));
      d.set("undo_back", std::string(back.empty() ? "/" : back));
    }
    message = bar == std::string_view::npos ? std::string_view{} : message.substr(bar + 1);
  }
  if (!message.empty()) d.set("flash", std::string(message));
  if (nav == "today") d.set("nav_today", true);
  if (nav == "people") d.set("nav_people", true);
  if (nav == "search") d.set("nav_search", true);
  if (nav == "objectives") d.set("nav_objectives", true);
  if (nav == "progress") d.set("nav_progress", true);
  if (nav == "compose") d.set("nav_compose", true);
  if (nav == "pipeline") d.set("nav_pipeline", true);
  if (nav == "import") d.set("nav_import", true);
  if (nav == "calendar") d.set("nav_calendar", true);
  return Render("layout", d);
}

std::string RenderErrorPage(const State& st, int status, const std::string& message) {
  data d;
  d.set("status", std::to_string(status));
  d.set("message", message);
  return RenderPage(st, "Error " + std::to_string(status), "", Render("error", d), "");
}

std::string QueryParam(const httplib::Request& req, std::string_view name) {
  const size_t q = req.target.find('?');
  if (q == std::string::npos) return "";
  std::string_view query = std::string_view(req.target).substr(q + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    if (httplib::detail::decode_url(std::string(pair.substr(0, eq)), true) == name) {
      return eq == std::string_view::npos
                 ? ""
                 : httplib::detail::decode_url(std::string(pair.substr(eq + 1)), true);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return "";
}

void SendErrorPage(const State& st, httplib::Response& res, const Error& e) {
  res.status = StatusFor(e);
  res.set_content(RenderErrorPage(st, res.status, PublicMessage(e)), kHtml);
}

void SetFormError(data& d, const std::string& message, const std::string& field,
                  std::initializer_list<FormInput> inputs) {
  if (message.empty()) return;
  for (const auto& in : inputs) {
    if (field == in.field) {
      d.set(std::string(in.input) + "_error", message);
      return;
    }
  }
  d.set("error", message);
}

std::string IdText(std::int64_t id) { return std::to_string(id); }

void Redirect(httplib::Response& res, const std::string& to, const std::string& flash) {
  if (!flash.empty()) SetFlash(res, flash);
  res.status = 303;
  res.set_header("Location", to);
}

std::optional<std::string> Field(const httplib::Request& req, const char* name) {
  std::string v;
  if (req.has_param(name)) {
    v = req.get_param_value(name);
  } else if (req.has_file(name)) {  // a multipart form (a file upload)
    v = req.get_file_value(name).content;
  } else {
    return std::nullopt;
  }
  size_t b = v.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return std::nullopt;
  size_t e = v.find_last_not_of(" \t\r\n");
  return v.substr(b, e - b + 1);
}

bool CheckCsrf(const State& st, const httplib::Request& req, httplib::Response& res) {
  if (HasCsrfToken(st, req)) return true;
  res.status = 403;
  res.set_content(RenderErrorPage(st, 403, "the form has expired; reload the page and try again"),
                  kHtml);
  return false;
}

void SetFlashWithUndo(httplib::Response& res, const std::string& message, std::int64_t event_id,
                      const std::string& back) {
  SetFlash(res, std::string(kUndoMarker) + std::to_string(event_id) + "@" + back + "|" + message);
}

void SetFlash(httplib::Response& res, const std::string& message) {
  res.set_header("Set-Cookie", std::string(kFlashCookie) + "=" + HexEncode(message) +
                                   "; Path=/; HttpOnly; SameSite=Strict; Max-Age=60");
}

std::string TakeFlash(const httplib::Request& req, httplib::Response& res) {
  // A page the phone fetches in the background to keep for offline use
  // (web/static/sw.js) must not take the message meant for the page the
  // seeker is opening at the same moment.
  if (req.has_header("X-Rapport-Keep")) return "";
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kFlashCookie) + "=";
  size_t pos = 0;
  while ((pos = cookies.find(key, pos)) != std::string::npos) {
    if (pos == 0 || cookies[pos - 1] == ' ' || cookies[pos - 1] == ';') break;
    pos += key.size();
  }
  if (pos == std::string::npos) return "";
  size_t start = pos + key.size();
  size_t end = cookies.find(';', start);
  std::string value = HexDecode(
      std::string_view(cookies).substr(start, end == std::string::npos ? std::string::npos : end - start));
  res.set_header("Set-Cookie", std::string(kFlashCookie) +
                                   "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  return value;
}

}  // namespace rapport::server
