// The server itself: binding, the safety checks every request passes
// (Host, Origin, CSRF, size), the headers every response carries, static
// assets and error pages. Pages and the API register their routes from
// pages.cpp and api.cpp.
#include "server/server.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <random>
#include <thread>

#include "server/assets.h"
#include "server/internal.h"

namespace rapport::server {

namespace {

constexpr size_t kMaxBody = 1024 * 1024;  // 1 MB; larger bodies get 413
// An upload to import: a LinkedIn export of 10,000+ people is several MB.
// httplib has one limit for every route, so it is set to this, and the
// pre-routing handler holds every other route to kMaxBody.
constexpr size_t kMaxImportBody = 32 * 1024 * 1024;
constexpr const char* kImportPath = "/import/preview";
// Where a body over kMaxBody is sent to be read and refused (see the
// pre-routing handler); no link or form names these.
constexpr const char* kTooLarge = "/.too-large";
constexpr const char* kApiTooLarge = "/api/.too-large";

// httplib keeps a thread per open connection (keep-alive), so the pool
// bounds how many browser tabs and API clients are served at once; with
// its default of 8, the 9th connection waits for one to close. Threads
// mostly wait on sockets or on State::mu, so many are cheap.
constexpr size_t kThreads = 96;
// Requests one keep-alive connection may carry before it is closed.
constexpr size_t kKeepAliveRequests = 1000;
// Connections the kernel queues before accept. Debian's httplib is a
// shared library built with a backlog of 5: when 64 clients connect at
// once, the rest of their SYNs are dropped and retried a second later (a
// 1 s tail under load), so the socket is put back to listening with this.
constexpr int kListenBacklog = 256;
// Entries of the read cache (Today, the agenda API per `days`).
constexpr size_t kCacheEntries = 64;

const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}


bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool IsStateChanging(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool IsApi(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0; }

// The addresses of this machine's interfaces, for a server bound to every
// interface: a browser on the network names it by one of them.
std::vector<std::string> InterfaceAddresses() {
  std::vector<std::string> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return out;
  for (ifaddrs* a = list; a; a = a->ifa_next) {
    if (!a->ifa_addr) continue;
    char buf[INET6_ADDRSTRLEN] = {};
    if (a->ifa_addr->sa_family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, buf, sizeof buf);
      out.emplace_back(buf);
    } else if (a->ifa_addr->sa_family == AF_INET6) {
      inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(a->ifa_addr)->sin6_addr, buf,
                sizeof buf);
      out.push_back("[" + std::string(buf) + "]");
    }
  }
  freeifaddrs(list);
  return out;
}

std::string ContentTypeOf(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".png")) return "image/png";
  if (ends(".webmanifest")) return "application/manifest+json";
  return "application/octet-stream";
}

// A fingerprint of the embedded static files (FNV-1a), written into the
// service worker: a build with other assets is a new worker, which replaces
// the phone's cached copies of them.
std::string AssetsFingerprint() {
  static const std::string kPrint = [] {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::string_view s) {
      for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
      }
    };
    for (const auto& f : EmbeddedFiles()) {
      if (f.name.rfind("static/", 0) != 0) continue;
      mix(f.name);
      mix(f.data);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(buf);
  }();
  return kPrint;
}

void SendJsonError(httplib::Response& res, int status, const std::string& code,
                   const std::string& message) {
  // Written by hand: the two strings are escaped for JSON here, so this file
  // needs no JSON library.
  auto esc = [](const std::string& s) {
    std::string o;
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') {
        o += '\\';
        o += static_cast<char>(c);
      } else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        o += buf;
      } else {
        o += static_cast<char>(c);
      }
    }
    return o;
  };
  res.status = status;
  res.set_content("{\"error\": {\"code\": \"" + esc(code) + "\", \"message\": \"" + esc(message) +
                      "\"}}",
                  "application/json");
}

}  // namespace

// 32 random bytes as hex, from the kernel (std::random_device reads
// /dev/urandom or getrandom on Linux with GCC).
std::string RandomToken() {
  std::random_device rd;
  std::string s;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 8; ++i) {
    unsigned v = rd();
    for (int j = 0; j < 8; ++j) {
      s += hex[v & 0xf];
      v >>= 4;
    }
  }
  return s;
}

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

bool HasCsrfToken(const State& st, const httplib::Request& req) {
  if (req.has_header("X-CSRF-Token")) return SameSecret(req.get_header_value("X-CSRF-Token"), st.csrf);
  if (req.has_param("csrf")) return SameSecret(req.get_param_value("csrf"), st.csrf);
  // A multipart form (a file upload) has its fields in req.files.
  if (req.has_file("csrf")) return SameSecret(req.get_file_value("csrf").content, st.csrf);
  return false;
}

namespace {

// The watcher's stamp, read again only when this server has answered a
// request that may have written since the last read, or when that read is
// st.stamp_reuse old. On PostgreSQL a read is a round trip to the server, and
// under load one per request, behind cache_mu, capped the cache's hits at a
// few thousand a second. A write through this server is seen at once (its
// response is sent after writes_done moves, so a request that follows it
// reads again); one by another process (the CLI) within st.stamp_reuse
// (ServeOptions: 2 ms). Called under st.cache_mu.

std::optional<ChangeStamp> CurrentStamp(State& st) {
  if (!st.watcher) return std::nullopt;
  const auto now = std::chrono::steady_clock::now();
  const std::uint64_t writes = st.writes_done.load(std::memory_order_acquire);
  if (st.stamp && writes == st.stamp_writes && now - st.stamp_read_at < st.stamp_reuse) {
    return st.stamp;
  }
  st.stamp = st.watcher->Stamp();
  st.stamp_writes = writes;
  st.stamp_read_at = now;
  return st.stamp;
}

}  // namespace

Result<std::shared_ptr<const std::string>> CachedBody(State& st, const std::string& key,
                                                      const std::function<Result<std::string>()>& make) {
  // App::Now reads the clock only, which is safe from any thread.
  const std::int64_t minute =
      std::chrono::duration_cast<std::chrono::minutes>(st.app.Now().time_since_epoch()).count();
  // The current stamp, and the body kept for it if there is one.
  auto lookup = [&st, &key, minute](std::optional<ChangeStamp>& stamp)
      -> std::shared_ptr<const std::string> {
    std::lock_guard lock(st.cache_mu);
    stamp = CurrentStamp(st);
    if (!stamp) return nullptr;
    auto it = st.cache.find(key);
    if (it != st.cache.end() && it->second.stamp == *stamp && it->second.minute == minute) {
      return it->second.body;
    }
    return nullptr;
  };
  std::optional<ChangeStamp> stamp;
  if (auto hit = lookup(stamp)) return hit;
  std::shared_ptr<const std::string> body;
  {
    std::lock_guard lock(st.mu);
    // After a write, every waiting request missed at once; the first to
    // get here made the body, and the others take it instead of making it
    // again one after another.
    if (auto hit = lookup(stamp)) return hit;
    // Made from data at least as new as `stamp`: if a write lands
    // meanwhile, the next request sees a newer stamp and makes it again.
    RAPPORT_ASSIGN_OR_RETURN(auto made, make());
    body = std::make_shared<const std::string>(std::move(made));
    // Kept before `mu` is released, so the next in line finds it. (Lock
    // order: mu, then cache_mu; nothing takes them the other way round.)
    if (stamp) {
      std::lock_guard cache_lock(st.cache_mu);
      if (st.cache.size() >= kCacheEntries && !st.cache.count(key)) st.cache.clear();
      st.cache[key] = State::Cached{*stamp, minute, body};
    }
  }
  return body;
}

int StatusFor(const Error& e) {
  switch (e.code()) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAmbiguous:
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kStorage:
    case ErrorCode::kSchemaTooNew:
    case ErrorCode::kIo: return 500;
  }
  return 500;
}

std::string CodeFor(const Error& e) {
  switch (e.code()) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAmbiguous: return "ambiguous";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kStorage:
    case ErrorCode::kSchemaTooNew:
    case ErrorCode::kIo: return "storage";
  }
  return "storage";
}

std::string PublicMessage(const Error& e) {
  if (StatusFor(e) < 500) return e.message();
  std::cerr << "rapport serve: " << e.message() << '\n';
  return "the database could not do that; the server's log says why";
}

struct WebServer::Impl {
  Impl(App& app, std::string zone, ServeOptions o, std::unique_ptr<ChangeWatcher> watcher)
      : options(std::move(o)),
        state{app, {}, std::move(zone), RandomToken(), {}, {}, {}, {}, std::move(watcher), {}, {}, 0,
              std::chrono::milliseconds(options.stamp_reuse_ms), {}} {}

  ServeOptions options;
  State state;
  httplib::Server svr;
  int port = 0;
  bool bound = false;
  // Run and Stop may race (a signal arrives as the server starts): Stop
  // before Run makes Run return at once.
  std::mutex run_mu;
  bool stop_requested = false;
  bool in_run = false;
  // The listening socket, as httplib's socket-options hook saw it.
  int listen_fd = -1;

  void Setup();
};

void WebServer::Impl::Setup() {
  State& st = state;
  svr.set_payload_max_length(kMaxImportBody);
  svr.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  svr.set_keep_alive_max_count(kKeepAliveRequests);
  // Pages go out as headers then body: without NODELAY the body can wait
  // for the client's delayed ACK (40 ms).
  svr.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, which lets a second `rapport
  // serve` bind the same port and take half the requests; SO_REUSEADDR
  // alone allows a quick restart and makes a taken port an error.
  svr.set_socket_options([this](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd = sock;
  });
  svr.set_default_headers({
      {"Content-Security-Policy", kCsp},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
  });

  // After every handler, before its response is sent. The browser finds the
  // CSRF token in the page; an API client reads it from this header (same
  // origin only: no CORS headers, and Host is checked). A request that may
  // have written is counted for the read cache (CachedBody).
  svr.set_post_routing_handler([&st](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) res.set_header("X-CSRF-Token", st.csrf);
    if (IsStateChanging(req.method)) st.writes_done.fetch_add(1, std::memory_order_release);
  });

  // Before routing (and before the body is read): DNS rebinding and
  // cross-site requests are refused here.
  svr.set_pre_routing_handler([&st](const httplib::Request& req, httplib::Response& res) {
    const std::string host = Lower(req.get_header_value("Host"));
    if (!st.hosts.count(host)) {
      const std::string msg = "this server answers only to its own address";
      if (IsApi(req)) {
        SendJsonError(res, 421, "misdirected_request", msg);
      } else {
        res.status = 421;
        res.set_content(RenderErrorPage(st, 421, msg), "text/html; charset=utf-8");
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    // Every route but the import upload keeps the 1 MB limit. A body
    // without a length (chunked) could be of any size: only the upload may
    // send one (httplib caps it at kMaxImportBody).
    //
    // The body must still be read before answering: a server that answers
    // and closes with the body unread resets the connection, and a client
    // still sending never sees the 413. httplib reads bodies only for a
    // route, so the request is sent to kTooLarge, whose handler reads and
    // drops the body and answers 413. (httplib passes the request it owns
    // as const; it is not a const object, so changing its path is defined.)
    if (req.path != kImportPath) {
      const bool chunked = req.has_header("Transfer-Encoding");
      const std::string length = req.get_header_value("Content-Length");
      const bool digits = !length.empty() && length.find_first_not_of("0123456789") == std::string::npos;
      if (chunked || (digits && (length.size() > 15 || std::stoull(length) > kMaxBody))) {
        const_cast<httplib::Request&>(req).path = IsApi(req) ? kApiTooLarge : kTooLarge;
        return httplib::Server::HandlerResponse::Unhandled;
      }
    }
    if (IsStateChanging(req.method)) {
      std::string why;
      // "null" is what a browser sends for a plain form post from our own
      // pages, because they say Referrer-Policy: no-referrer; it names no
      // site, so it is treated as absent and the CSRF token decides.
      const std::string origin = Lower(req.get_header_value("Origin"));
      if (req.has_header("Origin") && origin != "null" && !st.origins.count(origin)) {
        why = "the request came from another site";
      } else if (req.has_header("X-CSRF-Token") &&
                 !SameSecret(req.get_header_value("X-CSRF-Token"), st.csrf)) {
        why = "the form has expired; reload the page and try again";
      } else if (!req.has_header("X-CSRF-Token") &&
                 req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0 &&
                 req.get_header_value("Content-Type").rfind("multipart/form-data", 0) != 0) {
        // Only a form (url-encoded, or multipart for a file) can carry the
        // token in its body (checked by the handler once the body is read);
        // anything else needs the header.
        why = "the request has no CSRF token";
      }
      if (!why.empty()) {
        if (IsApi(req)) {
          SendJsonError(res, 403, "forbidden", why);
        } else {
          res.status = 403;
          res.set_content(RenderErrorPage(st, 403, why), "text/html; charset=utf-8");
        }
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Static files, from the binary.
  svr.Get(R"(/assets/([A-Za-z0-9_.-]+))", [](const httplib::Request& req, httplib::Response& res) {
    auto file = FindEmbedded("static/" + req.matches[1].str());
    if (!file) {
      res.status = 404;
      return;
    }
    res.set_content(std::string(*file), ContentTypeOf(req.matches[1].str()).c_str());
    res.headers.erase("Cache-Control");
    res.set_header("Cache-Control", "public, max-age=3600");
  });

  // The installable app: its manifest, its service worker (at the root, so
  // that it may control every page; never cached by the browser's HTTP
  // cache, so an update is seen at the next visit) and an icon for tabs.
  svr.Get("/manifest.webmanifest", [](const httplib::Request&, httplib::Response& res) {
    auto file = FindEmbedded("static/manifest.webmanifest");
    if (!file) {
      res.status = 404;
      return;
    }
    res.set_content(std::string(*file), "application/manifest+json");
    res.headers.erase("Cache-Control");
    res.set_header("Cache-Control", "no-cache");
  });
  svr.Get("/sw.js", [](const httplib::Request&, httplib::Response& res) {
    auto file = FindEmbedded("static/sw.js");
    if (!file) {
      res.status = 404;
      return;
    }
    std::string body(*file);
    const std::string mark = "__ASSETS__";
    for (size_t at; (at = body.find(mark)) != std::string::npos;) {
      body.replace(at, mark.size(), AssetsFingerprint());
    }
    res.set_content(body, "text/javascript; charset=utf-8");
    res.headers.erase("Cache-Control");
    res.set_header("Cache-Control", "no-cache");
  });
  svr.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) {
    auto file = FindEmbedded("static/icon-192.png");
    if (!file) {
      res.status = 404;
      return;
    }
    res.set_content(std::string(*file), "image/png");
    res.headers.erase("Cache-Control");
    res.set_header("Cache-Control", "public, max-age=86400");
  });

  // Reads and drops a body over the limit, then answers 413 (the error
  // handler below writes the message).
  const httplib::Server::HandlerWithContentReader too_large =
      [](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
        auto drop = [](const char*, size_t) { return true; };
        if (req.is_multipart_form_data()) {
          read([](const httplib::MultipartFormData&) { return true; }, drop);
        } else {
          read(drop);
        }
        res.status = 413;
      };
  for (const char* path : {kTooLarge, kApiTooLarge}) {
    svr.Post(path, too_large);
    svr.Put(path, too_large);
    svr.Patch(path, too_large);
    svr.Delete(path, too_large);
  }

  RegisterPages(svr, st);
  RegisterLearningPages(svr, st);
  RegisterComposePages(svr, st);
  RegisterMeetingPages(svr, st);
  RegisterPipelinePages(svr, st);
  RegisterApi(svr, st);
  RegisterCalendarPages(svr, st);

  // Statuses without a body of their own (404 for an unknown path, 413 for
  // a body over the limit, ...) get a short page or a JSON error.
  svr.set_error_handler(httplib::Server::HandlerWithResponse([&st](const httplib::Request& req,
                                                                   httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string code = "error", message = "something went wrong";
    switch (res.status) {
      case 400: code = "invalid_argument"; message = "the request could not be read"; break;
      case 404: code = "not_found"; message = "there is no such page"; break;
      case 405: code = "method_not_allowed"; message = "this address does not take that method"; break;
      case 413:
        code = "payload_too_large";
        message = req.path == kImportPath ? "the file is larger than 32 MB" : "the request is larger than 1 MB";
        break;
      case 414: code = "uri_too_long"; message = "the address is too long"; break;
      default: break;
    }
    if (IsApi(req)) {
      SendJsonError(res, res.status, code, message);
    } else {
      res.set_content(RenderErrorPage(st, res.status, message), "text/html; charset=utf-8");
    }
    return httplib::Server::HandlerResponse::Handled;
  }));

  svr.set_exception_handler(
      [&st](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          std::cerr << "rapport serve: " << req.method << " " << req.path << ": " << e.what() << '\n';
        } catch (...) {
          std::cerr << "rapport serve: " << req.method << " " << req.path << ": unknown exception\n";
        }
        const std::string msg = "something went wrong on the server; its log says what";
        if (IsApi(req)) {
          SendJsonError(res, 500, "internal", msg);
        } else {
          res.status = 500;
          res.set_content(RenderErrorPage(st, 500, msg), "text/html; charset=utf-8");
        }
      });
}

WebServer::WebServer(App& app, std::string zone, ServeOptions options,
                     std::unique_ptr<ChangeWatcher> watcher)
    : impl_(std::make_unique<Impl>(app, std::move(zone), std::move(options), std::move(watcher))) {
  impl_->Setup();
}

WebServer::~WebServer() { Stop(); }

Status WebServer::Bind() {
  const std::string& host = impl_->options.host;
  int port = impl_->options.port;
  if (port == 0) {
    port = impl_->svr.bind_to_any_port(host);
    if (port <= 0) {
      return Error(ErrorCode::kIo, "cannot listen on " + host + " (is it an address of this machine?)",
                   "host");
    }
  } else if (!impl_->svr.bind_to_port(host, port)) {
    // The CLI names the option: "--port: cannot listen on ...".
    return Error(ErrorCode::kIo,
                 "cannot listen on " + host + ":" + std::to_string(port) +
                     " (is another server using that port? choose another)",
                 "port");
  }
  impl_->port = port;
  impl_->bound = true;
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, kListenBacklog);

  // The names a browser may use for this server: loopback always, the bound
  // address, and for 0.0.0.0 or :: every interface's address and the host
  // name.
  std::vector<std::string> names = {"127.0.0.1", "localhost", "[::1]"};
  if (host == "0.0.0.0" || host == "::") {
    for (auto& a : InterfaceAddresses()) names.push_back(a);
    char hn[256] = {};
    if (gethostname(hn, sizeof hn - 1) == 0 && hn[0]) names.emplace_back(hn);
  } else if (!IsLoopbackHost(host)) {
    names.push_back(host.find(':') != std::string::npos ? "[" + host + "]" : host);
  }
  const std::string p = std::to_string(port);
  for (auto& n : names) {
    impl_->state.hosts.insert(Lower(n + ":" + p));
    impl_->state.origins.insert(Lower("http://" + n + ":" + p));
  }
  return {};
}

int WebServer::port() const { return impl_->port; }

std::string WebServer::Address() const {
  std::string host = impl_->options.host;
  if (host == "0.0.0.0" || host == "::") host = "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(impl_->port) + "/";
}

const std::string& WebServer::csrf_token() const { return impl_->state.csrf; }

std::vector<std::string> WebServer::AllowedHosts() const {
  return {impl_->state.hosts.begin(), impl_->state.hosts.end()};
}

void WebServer::Run() {
  {
    std::lock_guard lock(impl_->run_mu);
    if (!impl_->bound || impl_->stop_requested) return;
    impl_->in_run = true;
  }
  // Returns when stopped, after httplib's thread pool has finished the
  // requests in progress.
  impl_->svr.listen_after_bind();
  std::lock_guard lock(impl_->run_mu);
  impl_->in_run = false;
}

void WebServer::Stop() {
  {
    std::lock_guard lock(impl_->run_mu);
    impl_->stop_requested = true;
    if (!impl_->in_run) return;
  }
  // httplib's stop() only works once the accept loop is running.
  while (!impl_->svr.is_running()) {
    {
      std::lock_guard lock(impl_->run_mu);
      if (!impl_->in_run) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->svr.stop();
}

std::optional<std::string_view> FindEmbedded(std::string_view name) {
  for (const auto& f : EmbeddedFiles()) {
    if (f.name == name) return f.data;
  }
  return std::nullopt;
}

}  // namespace rapport::server
