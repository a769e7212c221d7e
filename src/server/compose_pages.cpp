// The Compose page: a draft from a template, editable, with the linter's
// findings under it (live as you type through htmx, or with "Check again"
// without JavaScript), then sent by SMTP or handed to the user's mail
// client. Handlers parse the form, call App (DraftMessage, Lint,
// SendMessage, LogSent) under the state's mutex, and render; which event a
// message logs, and what may not be sent, are App's rules.
//
//   GET  /compose?contact=ID&kind=TEMPLATE[&objective=REF]
//   POST /compose/lint     the findings fragment (htmx), or the whole page
//   POST /compose/send     SMTP: send, log, 303 to the person; else the
//                          "send it yourself" page
//   POST /compose/logged   "I sent it": log the draft's event, 303
//
// and their JSON twins (listed in api.cpp's kRoutes and web/openapi.json):
//   POST /api/v1/drafts    {kind, contact, objective?} -> the draft and findings
//   POST /api/v1/lint      {text, kind, contact?} -> the findings
#include <algorithm>
#include <nlohmann/json.hpp>

#include "rapport/app/presentation.h"
#include "rapport/app/labels.h"
#include "server/internal.h"
#include "server/json_api.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using kainjow::mustache::list;





// A textarea's text as the browser sent it (CRLF line ends), with LF.
std::string TextareaText(const std::string& v) {
  std::string out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\r' && i + 1 < v.size() && v[i + 1] == '\n') continue;
    out += v[i];
  }
  return out;
}

// What the compose form carries. subject and body are set once the user
// has posted them (Check again, a refused send); until then the draft's.
struct ComposeForm {
  std::string contact, kind = "request";
  std::optional<std::string> objective, subject, body;
};

ComposeForm ReadForm(const Request& req) {
  ComposeForm f;
  f.contact = Field(req, "contact").value_or("");
  f.kind = Field(req, "kind").value_or("request");
  f.objective = Field(req, "objective");
  if (req.has_param("subject")) f.subject = Field(req, "subject").value_or("");
  if (req.has_param("body")) f.body = TextareaText(req.get_param_value("body"));
  return f;
}

DraftInput ToDraftInput(const ComposeForm& f) {
  DraftInput in;
  in.kind = f.kind;
  in.contact = f.contact;
  in.objective = f.objective;
  return in;
}

// ---- findings ---------------------------------------------------------------

// The rule's name in plain words, for the finding's heading.
std::string RuleTitle(std::string_view rule) {
  static const std::pair<std::string_view, std::string_view> kTitles[] = {
      {"unfilled-placeholder", "A blank left to fill in"},
      {"asks-for-job", "Asks for a job"},
      {"mentions-resume", "Mentions your resume"},
      {"opens-with-transition", "Opens with your job situation"},
      {"no-connection", "Doesn't say how you found them"},
      {"no-clear-ask", "No clear question"},
      {"no-time-frame", "No time limit on the ask"},
      {"no-flexibility", "No choice of times or ways to talk"},
      {"too-long", "Long for a busy reader"},
      {"about-me", "Mostly about you"},
      {"tone-desperate", "Sounds desperate"},
      {"tone-demanding", "Sounds demanding"},
      {"not-specific", "Nothing specific from the conversation"},
      {"spelling", "Spelling"},
      {"repeated-word", "A repeated word"},
      {"generic-request", "Could have gone to anyone"},
      {"dictates-schedule", "Leaves them no say in the meeting"},
      {"no-double-opt-in", "Introduces without asking first"},
      {"long-silence", "Doesn't mention the long silence"},
      {"already-declined", "Asks again after a no"},
  };
  for (const auto& [id, title] : kTitles) {
    if (id == rule) return std::string(title);
  }
  std::string s(rule);
  std::replace(s.begin(), s.end(), '-', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string RuleWhy(std::string_view rule) {
  for (const auto& r : LintRules()) {
    if (r.id == rule) return "Checks for: " + std::string(r.description) + ".";
  }
  return "";
}

// Moves a byte offset back to the start of a UTF-8 character.
size_t CharStart(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// The text around [begin, end): from the start of its first line to the end
// of its last, at most kContext bytes either side.
struct Excerpt {
  std::string before, marked, after;
  bool cut_before = false, cut_after = false;
};
Excerpt ExcerptOf(std::string_view text, size_t begin, size_t end) {
  constexpr size_t kContext = 60;
  begin = std::min(begin, text.size());
  end = std::clamp(end, begin, text.size());
  size_t from = begin == 0 ? std::string_view::npos : text.rfind('\n', begin - 1);
  from = from == std::string_view::npos ? 0 : from + 1;
  size_t to = text.find('\n', end);
  if (to == std::string_view::npos) to = text.size();
  Excerpt x;
  if (begin - from > kContext) {
    from = CharStart(text, begin - kContext);
    x.cut_before = true;
  }
  if (to - end > kContext) {
    to = CharStart(text, end + kContext);
    x.cut_after = true;
  }
  x.before = std::string(text.substr(from, begin - from));
  x.marked = std::string(text.substr(begin, end - begin));
  x.after = std::string(text.substr(end, to - end));
  return x;
}

// The findings region's content (templates/compose_findings.mustache), or
// only `error` when the text could not be checked.
std::string RenderFindingsError(const std::string& error) {
  data d;
  d.set("error", error);
  d.set("findings", list{});
  return Render("compose_findings", d);
}

std::string RenderFindings(std::string_view text, const std::vector<Finding>& findings) {
  data items = list{};
  int errors = 0;
  for (const auto& f : findings) {
    data x;
    x.set("rule", f.rule);
    x.set("title", RuleTitle(f.rule));
    x.set("severity", std::string(ToString(f.severity)));
    x.set("severity_label", std::string(Label(f.severity)));
    x.set("message", f.message);
    if (f.suggestion) x.set("suggestion", *f.suggestion);
    x.set("why", RuleWhy(f.rule));
    x.set("line", std::to_string(f.line));
    Excerpt e = ExcerptOf(text, f.begin, f.end);
    x.set("before", e.before);
    x.set("marked", e.marked);
    x.set("after", e.after);
    if (e.cut_before) x.set("cut_before", true);
    if (e.cut_after) x.set("cut_after", true);
    items.push_back(x);
    if (f.severity == Severity::kError) ++errors;
  }
  data d;
  d.set("findings", items);
  if (findings.empty()) d.set("none", true);
  const size_t n = findings.size();
  if (n > 0) {
    std::string summary = std::to_string(n) + (n == 1 ? " thing" : " things") + " to look at";
    if (errors > 0) summary += "; " + std::to_string(errors) + " to fix before sending";
    d.set("summary", summary);
  }
  return Render("compose_findings", d);
}

// ---- the pages -------------------------------------------------------------

data TemplateOptions(const std::string& chosen) {
  data opts = list{};
  data any;
  any.set("value", "request");
  any.set("label", "Request (chosen by how well you know them)");
  if (chosen == "request") any.set("selected", true);
  opts.push_back(any);
  for (const auto& t : MessageTemplates()) {
    data o;
    o.set("value", std::string(t.name));
    o.set("label", TemplateLabel(t.name) + ": " + std::string(t.description));
    if (chosen == t.name) o.set("selected", true);
    opts.push_back(o);
  }
  return opts;
}

// The person picker (no contact yet, or a draft that cannot be made).
void PickPage(State& st, const Request& req, Response& res, const ComposeForm& form,
              const std::string& error, int status) {
  const std::string flash = TakeFlash(req, res);
  data people = list{};
  int count = 0;
  {
    std::lock_guard lock(st.mu);
    auto contacts = st.app.records().ListContacts(std::nullopt, std::nullopt);
    if (!contacts) return SendErrorPage(st, res, contacts.error());
    for (const auto& c : *contacts) {
      data p;
      p.set("id", IdText(c.id));
      p.set("name", c.name);
      if (!c.org_name.empty()) p.set("org", c.org_name);
      if (form.contact == IdText(c.id)) p.set("selected", true);
      people.push_back(p);
      ++count;
    }
  }
  data d;
  d.set("people", people);
  if (count == 0) d.set("no_people", true);
  d.set("templates", TemplateOptions(form.kind));
  if (form.objective) d.set("objective", *form.objective);
  if (!error.empty()) d.set("error", error);
  res.status = status;
  res.set_content(RenderPage(st, "Compose", "compose", Render("compose_pick", d), flash), kHtml);
}

// The compose page for `form`: the draft (or what the user posted), its
// findings, and `error` (a refused send) above the form; the subject or the
// message is marked invalid when `error_field` names it.
void ComposePage(State& st, const Request& req, Response& res, const ComposeForm& form,
                 const std::string& error, int status, const std::string& error_field = "") {
  if (form.contact.empty()) return PickPage(st, req, res, form, error, status);
  data d;
  std::string title;
  std::optional<Error> cannot;  // no draft: back to the picker, with why
  {
    std::lock_guard lock(st.mu);
    auto draft = st.app.messaging().DraftMessage(ToDraftInput(form));
    if (!draft) {
      cannot = draft.error();
    } else {
      const std::string subject = form.subject.value_or(draft->subject);
      const std::string body = form.body.value_or(draft->body);
      auto findings = st.app.messaging().Lint(body, draft->lint_kind, draft->about.id);
      if (!findings) return SendErrorPage(st, res, findings.error());
      title = "Write to " + draft->to.name;
      d.set("contact", IdText(draft->about.id));
      d.set("about_name", draft->about.name);
      d.set("to_id", IdText(draft->to.id));
      d.set("to_name", draft->to.name);
      if (draft->to.email) d.set("to_email", *draft->to.email);
      if (draft->to.id != draft->about.id) d.set("via_other", true);
      d.set("kind", draft->template_name);
      d.set("template_label", TemplateLabel(draft->template_name));
      d.set("subject", subject);
      d.set("body", body);
      d.set("findings_html", RenderFindings(body, *findings));
      if (draft->logs) {
        d.set("sendable", true);
        d.set("send_label", st.app.config().smtp.host.empty() ? "Get it ready to send" : "Send");
        if (st.app.config().smtp.host.empty()) d.set("no_smtp", true);
      }
    }
  }
  if (cannot) return PickPage(st, req, res, form, PublicMessage(*cannot), StatusFor(*cannot));
  if (form.objective) d.set("objective", *form.objective);
  d.set("templates", TemplateOptions(form.kind));
  d.set("csrf", st.csrf);
  if (!error.empty()) d.set("error", error);
  if (!error.empty() && (error_field == "subject" || error_field == "body")) {
    d.set(error_field + "_invalid", true);
  }
  res.status = status;
  res.set_content(RenderPage(st, title, "compose", Render("compose", d), TakeFlash(req, res)),
                  kHtml);
}

void ComposeGet(State& st, const Request& req, Response& res) {
  ComposeForm f;
  f.contact = QueryParam(req, "contact");
  const std::string kind = QueryParam(req, "kind");
  if (!kind.empty()) f.kind = kind;
  const std::string objective = QueryParam(req, "objective");
  if (!objective.empty()) f.objective = objective;
  ComposePage(st, req, res, f, "", 200);
}

// True for htmx's own requests (the textarea's hx-post), not for a boosted
// form submission, which wants the whole page.
bool WantsFragment(const Request& req) {
  return req.get_header_value("HX-Request") == "true" &&
         req.get_header_value("HX-Boosted") != "true";
}

void ComposeLint(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const ComposeForm f = ReadForm(req);
  if (!WantsFragment(req)) return ComposePage(st, req, res, f, "", 200);
  std::string html;
  {
    std::lock_guard lock(st.mu);
    auto draft = st.app.messaging().DraftMessage(ToDraftInput(f));
    if (!draft) {
      res.status = StatusFor(draft.error());
      return res.set_content(RenderFindingsError(PublicMessage(draft.error())), kHtml);
    }
    const std::string body = f.body.value_or(draft->body);
    auto findings = st.app.messaging().Lint(body, draft->lint_kind, draft->about.id);
    if (!findings) {
      res.status = StatusFor(findings.error());
      return res.set_content(RenderFindingsError(PublicMessage(findings.error())), kHtml);
    }
    html = RenderFindings(body, *findings);
  }
  res.set_content(html, kHtml);
}

void ComposeSend(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const ComposeForm f = ReadForm(req);
  Result<SendResult> sent = Error::InvalidArgument("");
  DraftResult draft;
  {
    std::lock_guard lock(st.mu);
    auto d = st.app.messaging().DraftMessage(ToDraftInput(f));
    if (d) {
      draft = *d;
      if (f.subject) draft.subject = *f.subject;
      sent = st.app.messaging().SendMessage(draft, f.body.value_or(draft.body), "", false);
    } else {
      sent = d.error();
    }
  }
  if (!sent) {
    return ComposePage(st, req, res, f, "Not sent: " + PublicMessage(sent.error()),
                       StatusFor(sent.error()), sent.error().field());
  }
  if (sent->sent) {
    const std::string what =
        sent->logged ? "; logged " + std::string(Label(sent->logged->kind)) : "";
    return Redirect(res, "/people/" + IdText(draft.about.id),
                    "Sent to " + draft.to.name + what + ".");
  }
  // No SMTP: the user sends it from their own mail client, then says so.
  data d;
  d.set("contact", IdText(draft.about.id));
  d.set("about_name", draft.about.name);
  d.set("kind", draft.template_name);
  if (f.objective) d.set("objective", *f.objective);
  d.set("to_name", draft.to.name);
  if (draft.to.email) d.set("to_email", *draft.to.email);
  d.set("subject", draft.subject);
  d.set("body", f.body.value_or(draft.body));
  d.set("mailto", sent->mailto);
  if (draft.logs) d.set("logs", std::string(Label(*draft.logs)));
  d.set("csrf", st.csrf);
  res.set_content(
      RenderPage(st, "Send it from your mail client", "compose", Render("compose_manual", d), ""),
      kHtml);
}

void ComposeLogged(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const ComposeForm f = ReadForm(req);
  Result<Event> logged = Error::InvalidArgument("");
  std::string name;
  Id about = 0;
  {
    std::lock_guard lock(st.mu);
    auto d = st.app.messaging().DraftMessage(ToDraftInput(f));
    if (d) {
      if (f.subject) d->subject = *f.subject;
      name = d->about.name;
      about = d->about.id;
      logged = st.app.messaging().LogSent(*d, f.body.value_or(d->body));
    } else {
      logged = d.error();
    }
  }
  if (!logged) {
    return ComposePage(st, req, res, f, "Not logged: " + PublicMessage(logged.error()),
                       StatusFor(logged.error()), logged.error().field());
  }
  Redirect(res, "/people/" + IdText(about),
           "Logged " + std::string(Label(logged->kind)) + " for " + name + ".");
}

// ---- the JSON API -------------------------------------------------------------

using nlohmann::json;

// Reads the string fields `fields` from `body` (a reference may also be a
// number); false, with `error` set, for an unknown field or a wrong type.
bool ReadStrings(const json& body,
                 std::initializer_list<std::pair<const char*, std::optional<std::string>*>> fields,
                 std::string& error) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (const auto& [name, slot] : fields) {
      if (key != name) continue;
      known = true;
      if (value.is_null()) break;
      if (value.is_string()) {
        *slot = value.get<std::string>();
      } else if (value.is_number_integer()) {
        *slot = std::to_string(value.get<std::int64_t>());
      } else {
        error = key + " must be a string";
        return false;
      }
    }
    if (!known) {
      error = "unknown field " + key;
      return false;
    }
  }
  return true;
}

json FindingJson(std::string_view text, const Finding& f) {
  const size_t begin = std::min(f.begin, text.size());
  const size_t end = std::clamp(f.end, begin, text.size());
  json j = {{"rule", f.rule},
            {"title", RuleTitle(f.rule)},
            {"severity", std::string(ToString(f.severity))},
            {"message", f.message},
            {"start", begin},
            {"end", end},
            {"line", f.line},
            {"column", f.column},
            {"end_line", f.end_line},
            {"end_column", f.end_column},
            {"excerpt", std::string(text.substr(begin, end - begin))}};
  if (f.suggestion) j["suggestion"] = *f.suggestion;
  return j;
}

json FindingsJson(std::string_view text, const std::vector<Finding>& findings) {
  json out = json::array();
  for (const auto& f : findings) out.push_back(FindingJson(text, f));
  return out;
}

json PersonRef(const Contact& c) {
  json j = {{"id", c.id}, {"name", c.name}};
  if (c.email) j["email"] = *c.email;
  return j;
}

}  // namespace

void ApiDraft(State& st, const Request& req, Response& res) {
  auto body = ReadJsonObject(st, req, res);
  if (!body) return;
  std::optional<std::string> kind, contact;
  DraftInput in;
  std::string bad;
  if (!ReadStrings(*body,
                   {{"kind", &kind},
                    {"contact", &contact},
                    {"objective", &in.objective},
                    {"how_we_met", &in.how_we_met},
                    {"specific", &in.specific},
                    {"article", &in.article},
                    {"news", &in.news}},
                   bad)) {
    return SendJsonError(res, 400, "invalid_argument", bad);
  }
  if (!kind || kind->empty())
    return SendJsonError(res, 400, "invalid_argument", "kind is required");
  if (!contact || contact->empty()) {
    return SendJsonError(res, 400, "invalid_argument", "contact is required");
  }
  in.kind = *kind;
  in.contact = *contact;
  json j;
  {
    std::lock_guard lock(st.mu);
    auto draft = st.app.messaging().DraftMessage(in);
    if (!draft) return SendJsonError(res, draft.error());
    auto findings = st.app.messaging().Lint(draft->body, draft->lint_kind, draft->about.id);
    if (!findings) return SendJsonError(res, findings.error());
    j = {{"template", draft->template_name},
         {"subject", draft->subject},
         {"body", draft->body},
         {"to", PersonRef(draft->to)},
         {"about", PersonRef(draft->about)},
         {"lint_kind", std::string(ToString(draft->lint_kind))},
         {"logs", draft->logs ? json(std::string(ToString(*draft->logs))) : json(nullptr)},
         {"findings", FindingsJson(draft->body, *findings)}};
  }
  SendJson(res, 200, j);
}

void ApiLint(State& st, const Request& req, Response& res) {
  auto body = ReadJsonObject(st, req, res);
  if (!body) return;
  std::optional<std::string> text, kind, contact;
  std::string bad;
  if (!ReadStrings(*body, {{"text", &text}, {"kind", &kind}, {"contact", &contact}}, bad)) {
    return SendJsonError(res, 400, "invalid_argument", bad);
  }
  if (!text) return SendJsonError(res, 400, "invalid_argument", "text is required");
  // A message kind, or a template's name (read as that template is).
  std::optional<MessageKind> lint_kind = ParseMessageKind(kind.value_or("request"));
  if (!lint_kind && kind) {
    if (const MessageTemplate* t = FindMessageTemplate(*kind)) lint_kind = t->lint_kind;
  }
  if (!lint_kind) {
    return SendJsonError(res, 400, "invalid_argument",
                         "kind must be request, follow_up, thank_you, intro_request, touch, introduction or a "
                         "template's name");
  }
  json findings;
  {
    std::lock_guard lock(st.mu);
    std::optional<Id> about;
    if (contact) {
      auto c = st.app.records().ResolveContact(*contact);
      if (!c) return SendJsonError(res, c.error());
      about = c->id;
    }
    auto r = st.app.messaging().Lint(*text, *lint_kind, about);
    if (!r) return SendJsonError(res, r.error());
    findings = FindingsJson(*text, *r);
  }
  SendJson(res, 200, {{"findings", std::move(findings)}});
}

void RegisterComposePages(httplib::Server& svr, State& st) {
  svr.Get("/compose", [&st](const Request& req, Response& res) { ComposeGet(st, req, res); });
  svr.Post("/compose/lint",
           [&st](const Request& req, Response& res) { ComposeLint(st, req, res); });
  svr.Post("/compose/send",
           [&st](const Request& req, Response& res) { ComposeSend(st, req, res); });
  svr.Post("/compose/logged",
           [&st](const Request& req, Response& res) { ComposeLogged(st, req, res); });
}

}  // namespace rapport::server
