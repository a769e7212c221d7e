// What the server's files share. Included only by src/server/*.cpp: it
// brings in httplib and Mustache.
#pragma once

#include <httplib.h>

#include <kainjow/mustache.hpp>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "rapport/app/app.h"
#include "rapport/app/change_watcher.h"
#include "server/server.h"

namespace rapport::server {

using kainjow::mustache::data;

// Shared by every handler. `app` is reached only under `mu`.
struct State {
  App& app;
  std::mutex mu;
  std::string zone;
  std::string csrf;                    // hex, made once per server start
  std::set<std::string> hosts;         // accepted Host header values, lowercase
  std::set<std::string> origins;       // accepted Origin values, lowercase

  // Bodies of the busiest reads (Today's content, /api/v1/agenda), kept
  // while nothing is written and the clock stays in the same minute: under
  // load every request would otherwise re-plan the agenda one at a time
  // behind `mu`. A hit takes only `cache_mu`, never `mu`.
  struct Cached {
    ChangeStamp stamp;
    std::int64_t minute = 0;
    std::shared_ptr<const std::string> body;
  };
  std::mutex cache_mu;
  std::map<std::string, Cached> cache;  // under cache_mu
  // Tells when the data changed (a second connection to the database,
  // passed in by the composition root): it moves when any other
  // connection commits, the App's included. Null, or a stamp of nullopt,
  // when the engine cannot tell: nothing is cached.
  std::unique_ptr<ChangeWatcher> watcher;  // under cache_mu
  // The watcher's last stamp, when it was read and the count of answered
  // requests that may have written (writes_done) at the time: reused for a
  // moment while no write was answered (server.cpp, CurrentStamp).
  std::optional<ChangeStamp> stamp;                 // under cache_mu
  std::chrono::steady_clock::time_point stamp_read_at;  // under cache_mu
  std::uint64_t stamp_writes = 0;                   // under cache_mu
  std::chrono::milliseconds stamp_reuse{2};         // ServeOptions::stamp_reuse_ms
  std::atomic<std::uint64_t> writes_done{0};
};

// ---- the read cache (server.cpp) ----
// The body cached under `key` (a path and its query) if nothing was written
// and the minute has not changed since it was made; else `make` makes it
// (called under st.mu) and it is kept.
Result<std::shared_ptr<const std::string>> CachedBody(State& st, const std::string& key,
                                                      const std::function<Result<std::string>()>& make);

// ---- safety (server.cpp) ----
// 32 random bytes from the kernel, as 64 hex digits (the CSRF token, an
// upload's handle).
std::string RandomToken();
// True when the request carries this run's CSRF token, in the
// X-CSRF-Token header or a `csrf` form field.
bool HasCsrfToken(const State& st, const httplib::Request& req);

// ---- requests (views.cpp) ----
// The query parameter `name` as a form sent it (GET forms encode a space as
// '+', which Debian's httplib 0.11 leaves as '+' in req.params), or "".
std::string QueryParam(const httplib::Request& req, std::string_view name);

// ---- errors ----
// The HTTP status for an App error: 400 invalid, 404 not found, 409
// conflict or ambiguous, 500 storage and files.
int StatusFor(const Error& e);
// "invalid_argument", "not_found", ...
std::string CodeFor(const Error& e);
// The message shown to the user: the App's one line, except for storage and
// file errors, which are logged to stderr and replaced by a generic line
// (they name paths, and nothing server-side belongs in a page).
std::string PublicMessage(const Error& e);

// ---- views (views.cpp) ----
inline constexpr const char* kHtml = "text/html; charset=utf-8";
// "request_sent" -> "Request sent".
std::string Humanize(std::string_view name);
// Renders templates/NAME.mustache with `d` ({{x}} is HTML-escaped).
std::string Render(std::string_view name, const data& d);
// A whole page: `content` (already rendered) inside the layout, with the
// navigation, the CSRF token and the flash message.
std::string RenderPage(const State& st, std::string_view title, std::string_view nav,
                       const std::string& content, const std::string& flash);
// The generic error page.
std::string RenderErrorPage(const State& st, int status, const std::string& message);
// Answers with the error page for an App error, with its status.
void SendErrorPage(const State& st, httplib::Response& res, const Error& e);

// ---- forms (views.cpp) ----
// Which input of a form holds which use-case field: {"body", "note"} when
// the event's body is typed into the form's `note`.
struct FormInput {
  const char* field;
  const char* input;
};
// Puts an error on a form: beside the input the error's `field` names, when
// the form has it (the template reads `<input>_error`: it marks that input
// aria-invalid and shows the message next to it), else above the form
// (`error`). `message` is PublicMessage of the error.
void SetFormError(data& d, const std::string& message, const std::string& field,
                  std::initializer_list<FormInput> inputs);
std::string IdText(std::int64_t id);
// Answers 303 to `to`, with a flash message unless it is empty.
void Redirect(httplib::Response& res, const std::string& to, const std::string& flash);
// A form, query or multipart field, trimmed; nullopt when absent or blank.
std::optional<std::string> Field(const httplib::Request& req, const char* name);
// True when a form carries this run's CSRF token (the pre-routing check has
// already refused foreign origins and wrong headers); else answers 403.
bool CheckCsrf(const State& st, const httplib::Request& req, httplib::Response& res);

// ---- flash messages: one-shot text carried by a cookie across a redirect ----
void SetFlash(httplib::Response& res, const std::string& message);
// The same, with an Undo button beside the message that takes back event
// `event_id` (POST /undo) and then returns to `back` (a path of ours).
void SetFlashWithUndo(httplib::Response& res, const std::string& message, std::int64_t event_id,
                      const std::string& back);
// The flash of this request (and clears it in the response), or "".
std::string TakeFlash(const httplib::Request& req, httplib::Response& res);

// ---- routes ----
void RegisterPages(httplib::Server& svr, State& st);          // pages.cpp
void RegisterLearningPages(httplib::Server& svr, State& st);  // learning_pages.cpp
void RegisterApi(httplib::Server& svr, State& st);    // api.cpp
void RegisterCalendarPages(httplib::Server& svr, State& st);  // calendar_pages.cpp
void RegisterComposePages(httplib::Server& svr, State& st);  // compose_pages.cpp
// POST /api/v1/drafts and /api/v1/lint (compose_pages.cpp).
void ApiDraft(State& st, const httplib::Request& req, httplib::Response& res);
void ApiLint(State& st, const httplib::Request& req, httplib::Response& res);
void RegisterMeetingPages(httplib::Server& svr, State& st);   // meeting_pages.cpp

// ---- meeting mode's forms elsewhere (meeting_pages.cpp) ----
// The person page's meeting link label and the question bank for its
// "record an answer" form (keys meeting_label, bank, has_bank). Call with
// st.mu held; on an error nothing is set.
void AddPersonMeetingForms(State& st, const std::string& contact_ref, data& d);
// The objective kinds (key kinds, `chosen` selected) and question
// categories (key categories) for the "add an objective" and "add a
// question" forms.
void AddObjectiveFormData(data& d, const std::string& chosen = "");
void AddQuestionFormData(data& d);

// What the "add an objective" form held, shown again with the error that
// refused it (`error`, PublicMessage; `error_field`, the field at fault).
struct ObjectiveForm {
  std::string title, kind, target;
  std::string error, error_field;
};
// GET /objectives, and the same page after a refused add
// (learning_pages.cpp). Call without st.mu held.
void ObjectivesPage(State& st, const httplib::Request& req, httplib::Response& res,
                    const ObjectiveForm& form);

// ---- API handlers in meeting_api.cpp (listed in api.cpp's kRoutes) ----
void ApiListEvents(State& st, const httplib::Request& req, httplib::Response& res);
void ApiAddEvent(State& st, const httplib::Request& req, httplib::Response& res);
void ApiGetPrep(State& st, const httplib::Request& req, httplib::Response& res);
void ApiListObjectives(State& st, const httplib::Request& req, httplib::Response& res);
void ApiAddObjective(State& st, const httplib::Request& req, httplib::Response& res);
void ApiListOrganizations(State& st, const httplib::Request& req, httplib::Response& res);
void ApiAddOrganization(State& st, const httplib::Request& req, httplib::Response& res);
// /pipeline, /pipeline/move, /import (pipeline_pages.cpp)
void RegisterPipelinePages(httplib::Server& svr, State& st);
// GET /api/v1/pipeline and POST /api/v1/pipeline/move (pipeline_pages.cpp;
// listed in api.cpp's kRoutes)
void ApiGetPipeline(State& st, const httplib::Request& req, httplib::Response& res);
void ApiMoveCard(State& st, const httplib::Request& req, httplib::Response& res);

}  // namespace rapport::server
