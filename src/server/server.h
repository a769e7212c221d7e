// `rapport serve`: the web app and the JSON API over app/. Handlers only
// parse requests, call App and render; every rule lives in app/ and
// playbook/. cpp-httplib stays in server/*.cpp (this header does not
// include it), so the CLI's rebuilds stay fast.
//
// Threading: httplib answers requests on a thread pool, but App and the
// Database are not thread-safe, so every call into App is made under one
// mutex (docs/architecture.md, "The web server"). Rendering and I/O happen
// outside it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/app/app.h"
#include "rapport/app/change_watcher.h"

namespace rapport::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port (see WebServer::port)
  // How long the read cache trusts the change stamp it last read while the
  // server answers only reads (a write it answers is seen at once; one by
  // another process, within this long). Tests lengthen it to show that.
  int stamp_reuse_ms = 2;
};

// One documented API route: "GET" and "/api/v1/people/{id}".
struct ApiRoute {
  std::string method;
  std::string path;
};

// The API routes the server implements, in OpenAPI's path syntax; a test
// checks them against /api/v1/openapi.json both ways.
std::vector<ApiRoute> ApiRoutes();

// True for 127.0.0.1 (and 127.x.y.z), ::1 and localhost.
bool IsLoopbackHost(std::string_view host);

class WebServer {
 public:
  // `app` must outlive the server; `zone` is the user's zone for showing
  // times. `watcher` tells when the data changed, for the read cache: the
  // composition root opens it on the App's database (WatchDatabase); null
  // turns the cache off. Nothing is bound until Bind().
  WebServer(App& app, std::string zone, ServeOptions options,
            std::unique_ptr<ChangeWatcher> watcher);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds the listening socket. An error when the address is taken or
  // cannot be used.
  Status Bind();
  // The bound port (after Bind).
  int port() const;
  // "http://127.0.0.1:8080/" (after Bind).
  std::string Address() const;
  // The CSRF token of this run: random, made when the server is built.
  const std::string& csrf_token() const;
  // The Host values this server answers to ("127.0.0.1:8080", ...).
  std::vector<std::string> AllowedHosts() const;

  // Serves until Stop(). Returns after the in-flight requests are done.
  void Run();
  // Stops accepting connections and makes Run return once the requests in
  // progress are answered. Safe from any thread; not from a signal handler.
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport::server
