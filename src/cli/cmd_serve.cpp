// rapport serve: the web app and the JSON API on one address, until
// Ctrl-C (SIGINT) or SIGTERM, which stop accepting and let the requests in
// progress finish.
#include <pthread.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <thread>

#include "cli/cli.h"
#include "server/server.h"

namespace rapport::cli {

namespace {

int Serve(Context& ctx, const server::ServeOptions& options) {
  server::WebServer web(ctx.app, ctx.zone, options,
                        ctx.watch_changes ? ctx.watch_changes() : nullptr);
  if (auto bound = web.Bind(); !bound) return Fail(ctx, bound.error());

  // SIGINT and SIGTERM are blocked in every thread (httplib's workers
  // inherit this mask) and taken by one watcher thread, which stops the
  // server outside of any signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t old_mask;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  std::thread watcher([&web, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    web.Stop();
  });

  if (!server::IsLoopbackHost(options.host)) {
    ctx.err << "warning: listening on " << options.host
            << ": anyone who can reach this machine can read and change your data; there is no "
               "login yet. Use --host 127.0.0.1 unless you mean it.\n";
  }
  ctx.out << "Rapport is serving at " << web.Address() << " (Ctrl-C stops it)" << std::endl;
  web.Run();
  // Run returned: a signal stopped it (the watcher is done), or listening
  // failed (wake the watcher with a signal it is waiting for).
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  ctx.out << "Stopped." << std::endl;
  return kExitOk;
}

int CalendarFeed(Context& ctx, bool rotate, const server::ServeOptions& options) {
  auto token = ctx.app.data().CalendarToken(rotate);
  if (!token) return Fail(ctx, token.error());
  std::string host = options.host;
  if (host == "0.0.0.0" || host == "::") host = "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  if (rotate) ctx.out << "Made a new address; the old one no longer works.\n";
  ctx.out << "http://" << host << ":" << options.port << "/calendar.ics?token=" << *token << "\n";
  return kExitOk;
}

}  // namespace

void RegisterServeCommands(CLI::App& root, Runner& selected) {
  auto opts = std::make_shared<server::ServeOptions>();
  auto* cmd = root.add_subcommand(
      "serve", "Serve the web app and the JSON API (http://127.0.0.1:8080/ by default)");
  cmd->add_option("--host", opts->host,
                  "Address to listen on (default 127.0.0.1; anything else is reachable by others, "
                  "and there is no login yet)")
      ->option_text("ADDRESS");
  cmd->add_option("--port", opts->port, "Port to listen on (default 8080; 0 picks a free one)")
      ->option_text("PORT")
      ->check(CLI::Range(0, 65535));
  cmd->callback([&selected, opts] {
    selected = [opts](Context& ctx) { return Serve(ctx, *opts); };
  });

  auto feed = std::make_shared<server::ServeOptions>();
  auto rotate = std::make_shared<bool>(false);
  auto* cal = root.add_subcommand(
      "calendar-feed",
      "Print the address a calendar app subscribes to while 'rapport serve' runs: your meetings "
      "and what is due, as iCalendar");
  cal->add_flag("--rotate", *rotate,
                "Make a new secret address; the old one stops working (if it was shared by mistake)");
  cal->add_option("--host", feed->host, "The address 'rapport serve' listens on (default 127.0.0.1)")
      ->option_text("ADDRESS");
  cal->add_option("--port", feed->port, "The port 'rapport serve' listens on (default 8080)")
      ->option_text("PORT")
      ->check(CLI::Range(1, 65535));
  cal->callback([&selected, feed, rotate] {
    selected = [feed, rotate](Context& ctx) { return CalendarFeed(ctx, *rotate, *feed); };
  });
}

}  // namespace rapport::cli
