// The calendar feed: /calendar.ics?token=SECRET serves the meetings and
// the agenda's due actions as iCalendar for a calendar app to subscribe
// to, and /calendar shows that address with a button that replaces the
// secret (the old address then stops working).
#include "server/internal.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;

// How far ahead the feed lists due actions (meetings are all listed).
constexpr int kFeedDays = 30;

void Feed(State& st, const Request& req, Response& res) {
  const std::string token = QueryParam(req, "token");
  Result<std::string> ics = Error::NotFound("");
  {
    std::lock_guard lock(st.mu);
    ics = st.app.data().CalendarFeed(token, kFeedDays);
  }
  if (!ics) {
    // A calendar app shows little of a body; the status says it all. No
    // hint whether a token exists.
    res.status = StatusFor(ics.error());
    res.set_content(PublicMessage(ics.error()) + "\n", "text/plain; charset=utf-8");
    return;
  }
  res.set_content(*ics, "text/calendar; charset=utf-8");
  res.set_header("Content-Disposition", "inline; filename=\"rapport.ics\"");
}

void CalendarPage(State& st, const Request& req, Response& res) {
  const std::string flash = TakeFlash(req, res);
  Result<std::string> token = Error::NotFound("");
  {
    std::lock_guard lock(st.mu);
    token = st.app.data().CalendarToken(false);
  }
  if (!token) return SendErrorPage(st, res, token.error());
  // The Host header was checked against this server's own names before
  // routing, so it is safe to show.
  const std::string address = "http://" + req.get_header_value("Host") + "/calendar.ics?token=" + *token;
  data d;
  d.set("address", address);
  d.set("csrf", st.csrf);
  res.set_content(RenderPage(st, "Calendar", "calendar", Render("calendar", d), flash), kHtml);
}

void Rotate(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  Result<std::string> token = Error::NotFound("");
  {
    std::lock_guard lock(st.mu);
    token = st.app.data().CalendarToken(true);
  }
  if (!token) return SendErrorPage(st, res, token.error());
  Redirect(res, "/calendar",
           "Made a new address. The old one no longer works: subscribe your calendar app to this one.");
}

}  // namespace

void RegisterCalendarPages(httplib::Server& svr, State& st) {
  svr.Get("/calendar.ics", [&st](const Request& req, Response& res) { Feed(st, req, res); });
  svr.Get("/calendar", [&st](const Request& req, Response& res) { CalendarPage(st, req, res); });
  svr.Post("/calendar/rotate", [&st](const Request& req, Response& res) { Rotate(st, req, res); });
}

}  // namespace rapport::server
