// The HTML pages: Today (the agenda), People, one Person (Search,
// Objectives and Progress are in learning_pages.cpp). Handlers read the
// request, call App under the state's mutex, and render a template; the
// rules (what an action means, what an event changes) stay in app/ and
// playbook/. Forms post with a CSRF field and answer with 303 to a page
// that shows a flash message, so they work without JavaScript; htmx
// (hx-boost in the layout) only spares the full reload.
#include <map>

#include "rapport/app/presentation.h"
#include "rapport/app/labels.h"
#include "rapport/model/time.h"
#include "server/internal.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using kainjow::mustache::list;

// The one-click button's words, for the actions that have one.
std::string ButtonLabel(ActionKind k) {
  switch (k) {
    case ActionKind::kRequest: return "I sent the request";
    case ActionKind::kFollowUp: return "I sent the follow-up";
    case ActionKind::kCall: return "I called";
    case ActionKind::kMoveOn: return "Close this thread";
    case ActionKind::kLogMeeting: return "The meeting happened";
    case ActionKind::kThank: return "I sent my thanks";
    case ActionKind::kKeepInTouch: return "I got in touch";
    default: return "";
  }
}

// The verbs of the person page's "log what happened" form.
struct Verb {
  const char* value;
  const char* label;
  EventKind kind;
};
constexpr Verb kVerbs[] = {
    {"target", "Put on my target list", EventKind::kTargeted},
    {"request", "Sent a request", EventKind::kRequestSent},
    {"followup", "Sent a follow-up", EventKind::kFollowUpSent},
    {"call", "Called", EventKind::kCallMade},
    {"reply_yes", "They said yes", EventKind::kRepliedYes},
    {"reply_no", "They said no", EventKind::kRepliedNo},
    {"schedule", "Scheduled a meeting (give its date and time)", EventKind::kMeetingScheduled},
    {"met", "We met", EventKind::kMeetingHeld},
    {"thank", "Sent my thanks", EventKind::kThanksSent},
};




// The verb of the log form that does `next` (the person's first pending
// action), or "" when none does.
std::string LikelyVerb(ActionKind next) {
  switch (next) {
    case ActionKind::kRequest: return "request";
    case ActionKind::kFollowUp: return "followup";
    case ActionKind::kCall: return "call";
    case ActionKind::kSchedule: return "schedule";
    case ActionKind::kPrepare:
    case ActionKind::kLogMeeting: return "met";
    case ActionKind::kThank: return "thank";
    default: return "";
  }
}

// ---- Today ------------------------------------------------------------------

// Today's content (inside the layout), made from the agenda at this moment.
// Under st.mu.
Result<std::string> RenderToday(State& st) {
  data groups = list{};
  bool any = false;
  // The 50 people due first, like `rapport agenda`: a page of hundreds of
  // actions is no plan for a day (and cost 90 ms to render at 200).
  RAPPORT_ASSIGN_OR_RETURN(auto agenda, st.app.pipeline().GetAgenda(7, 50));
  const Instant now = agenda.now;
  const Instant tomorrow = AddLocalDays(StartOfLocalDay(now, st.zone), 1, st.zone);
  struct Group {
    const char* key;
    const char* label;
    data items = list{};
    int count = 0;
  };
  Group g[3] = {{"overdue", "Overdue"}, {"today", "Today"}, {"week", "This week"}};
  for (const auto& item : agenda.items) {
    const Action& a = item.action;
    Group& to = item.overdue ? g[0] : a.due < tomorrow ? g[1] : g[2];
    data x;
    x.set("kind", std::string(ToString(a.kind)));
    x.set("label", std::string(Label(a.kind)));
    if (a.contact_id != 0) {
      x.set("contact_id", IdText(a.contact_id));
      x.set("who", item.contact_name);
    }
    if (!item.about_name.empty()) x.set("about", item.about_name);
    if (!item.objective_title.empty()) x.set("objective", item.objective_title);
    x.set("reason", a.reason);
    x.set("due", FormatFriendly(a.due, st.zone, now));
    if (item.overdue) x.set("overdue", true);
    if (auto draft = DraftForAction(a)) {  // "Write it": the Compose page
      x.set("write_href", "/compose?contact=" + draft->contact + "&kind=" + draft->kind +
                              (draft->objective ? "&objective=" + *draft->objective : ""));
    }
    if (a.kind == ActionKind::kPrepare && a.contact_id != 0) {
      x.set("meeting_href", "/people/" + IdText(a.contact_id) + "/meeting");
    }
    if (a.kind == ActionKind::kSchedule && a.contact_id != 0) {
      // Their page's log form offers "Scheduled a meeting" first.
      x.set("schedule_href", "/people/" + IdText(a.contact_id) + "#log-title");
    }
    if (a.contact_id != 0 && OneClickEvent(a, now)) {
      x.set("button", ButtonLabel(a.kind));
      if (a.objective_id) x.set("objective_id", IdText(*a.objective_id));
    }
    to.items.push_back(x);
    ++to.count;
  }
  for (auto& grp : g) {
    if (grp.count == 0) continue;
    any = true;
    data gd;
    gd.set("key", grp.key);
    gd.set("label", grp.label);
    gd.set("count", std::to_string(grp.count));
    gd.set("items", grp.items);
    groups.push_back(gd);
  }
  data d;
  d.set("today", FormatDay(now, st.zone, now));
  d.set("groups", groups);
  d.set("csrf", st.csrf);
  if (!any) d.set("empty", true);
  if (agenda.more > 0) {
    d.set("more", (agenda.more_at_least ? "over " : "") + std::to_string(agenda.more));
  }
  return Render("today", d);
}

void Today(State& st, const Request& req, Response& res) {
  const std::string flash = TakeFlash(req, res);
  auto content = CachedBody(st, "today", [&st] { return RenderToday(st); });
  if (!content) return SendErrorPage(st, res, content.error());
  res.set_content(RenderPage(st, "Today", "today", **content, flash), kHtml);
}

// POST /agenda/do: action, contact, objective. Does the action by logging
// the event that settles it.
void DoAction(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  auto kind_name = Field(req, "action");
  auto contact = Field(req, "contact");
  auto kind = kind_name ? ParseActionKind(*kind_name) : std::nullopt;
  auto event = kind ? EventThatDoes(*kind) : std::nullopt;
  if (!event || !contact) {
    return Redirect(res, "/", "That action cannot be done in one click; open the person's page.");
  }
  EventInput in;
  in.kind = *event;
  in.contact = *contact;
  in.objective = Field(req, "objective");
  in.write_id = Field(req, "write_id");  // a phone's offline queue
  std::string flash;
  std::int64_t undo = 0;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.pipeline().Record(in);
    if (!r) {
      flash = "Not done: " + PublicMessage(r.error());
    } else {
      auto c = st.app.records().ResolveContact(IdText(r->contact_id));
      flash = "Logged " + std::string(Label(r->kind)) + (c ? " for " + c->name : "") + ".";
      undo = r->id;
    }
  }
  if (undo != 0) SetFlashWithUndo(res, flash, undo, "/");
  Redirect(res, "/", undo != 0 ? "" : flash);
}

// POST /undo: event. Takes back an event just logged (the flash's Undo
// button), then returns to the page the button was on.
void Undo(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  auto event = Field(req, "event");
  std::string back = "/";
  // Back to where the button was, if that is one of our own pages.
  if (auto r = Field(req, "back"); r && r->size() > 1 && (*r)[0] == '/' && (*r)[1] != '/') back = *r;
  if (!event || event->find_first_not_of("0123456789") != std::string::npos || event->size() > 18) {
    return Redirect(res, back, "Nothing to undo.");
  }
  std::string flash;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.pipeline().UndoEvent(std::stoll(*event));
    if (!r) {
      flash = "Not undone: " + PublicMessage(r.error());
    } else {
      auto c = st.app.records().ResolveContact(IdText(r->contact_id));
      flash = "Undone: " + std::string(Label(r->kind)) + (c ? " for " + c->name : "") + ".";
    }
  }
  Redirect(res, back, flash);
}

// ---- People -----------------------------------------------------------------

data DegreeOptions(const std::optional<std::string>& chosen) {
  data opts = list{};
  for (auto name : DegreeNames()) {
    data o;
    o.set("value", std::string(name));
    o.set("label", std::string(Label(*ParseDegree(name))));
    if (chosen && *chosen == name) o.set("selected", true);
    opts.push_back(o);
  }
  return opts;
}

void PeoplePage(State& st, const Request& req, Response& res, const std::string& error,
                const ContactFields& typed, const std::string& error_field = "") {
  const std::string flash = TakeFlash(req, res);
  data people = list{};
  int count = 0;
  {
    std::lock_guard lock(st.mu);
    auto contacts = st.app.records().ListContacts(std::nullopt, std::nullopt);
    if (!contacts) return SendErrorPage(st, res, contacts.error());
    auto pipeline = st.app.pipeline().Board(std::nullopt);
    if (!pipeline) return SendErrorPage(st, res, pipeline.error());
    std::map<Id, Stage> stages;
    for (const auto& e : *pipeline) stages[e.contact.id] = e.stage;
    for (const auto& c : *contacts) {
      data p;
      p.set("id", IdText(c.id));
      p.set("name", c.name);
      if (!c.org_name.empty()) p.set("org", c.org_name);
      if (c.degree) p.set("degree", std::string(Label(*c.degree)));
      auto s = stages.find(c.id);
      if (s != stages.end() && s->second != Stage::kNone) p.set("stage", std::string(Label(s->second)));
      people.push_back(p);
      ++count;
    }
  }
  data d;
  d.set("people", people);
  d.set("count", std::to_string(count));
  if (count == 0) d.set("empty", true);
  d.set("csrf", st.csrf);
  SetFormError(d, error, error_field,
               {{"name", "name"}, {"org", "org"}, {"email", "email"}, {"degree", "degree"}});
  d.set("name", typed.name.value_or(""));
  d.set("org", typed.org.value_or(""));
  d.set("email", typed.email.value_or(""));
  d.set("degrees", DegreeOptions(typed.degree));
  res.set_content(RenderPage(st, "People", "people", Render("people", d), flash), kHtml);
}

void AddPerson(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  ContactFields f;
  f.name = Field(req, "name");
  f.org = Field(req, "org");
  f.email = Field(req, "email");
  f.degree = Field(req, "degree");
  Result<ContactAdded> r = Error::InvalidArgument("");
  {
    std::lock_guard lock(st.mu);
    r = f.name ? st.app.records().AddContact(f)
               : Result<ContactAdded>(Error::InvalidArgument("name", "give the person's name"));
  }
  if (!r) {
    const int status = StatusFor(r.error());
    PeoplePage(st, req, res, PublicMessage(r.error()), f, r.error().field());
    res.status = status;
    return;
  }
  Redirect(res, "/people/" + IdText(r->contact.id), "Added " + r->contact.name + ".");
}

// ---- one person ---------------------------------------------------------------

struct LogForm {
  std::string what, at, meeting_at, note, objective;
};

void PersonPage(State& st, const Request& req, Response& res, const std::string& id,
                const std::string& error, const LogForm& typed,
                const std::string& error_field = "") {
  const std::string flash = TakeFlash(req, res);
  data d;
  std::string name;
  std::string likely;  // the log form's verb for the next action, offered first
  {
    std::lock_guard lock(st.mu);
    auto detail = st.app.records().ShowContact(id);
    if (!detail) return SendErrorPage(st, res, detail.error());
    auto events = st.app.pipeline().Timeline(id);
    if (!events) return SendErrorPage(st, res, events.error());
    auto notes = st.app.learning().ListNotes(id, std::nullopt);
    if (!notes) return SendErrorPage(st, res, notes.error());
    const Instant now = st.app.Now();
    const Contact& c = detail->contact;
    name = c.name;
    d.set("id", IdText(c.id));
    d.set("name", c.name);
    d.set("stage", std::string(Label(detail->stage)));
    data facts = list{};
    auto fact = [&facts](const std::string& label, const std::optional<std::string>& value,
                         const std::string& href = "") {
      if (!value || value->empty()) return;
      data f;
      f.set("label", label);
      f.set("value", *value);
      if (!href.empty()) f.set("href", href);
      facts.push_back(f);
    };
    fact("Organization", c.org_name.empty() ? std::nullopt : std::optional(c.org_name));
    fact("Title", c.title);
    // Every address and number, each with what it is for.
    auto labelled = [](const char* what, const std::string& label) {
      return label.empty() ? std::string(what) : std::string(what) + " (" + label + ")";
    };
    fact(labelled("Email", c.email_label), c.email, c.email ? "mailto:" + *c.email : "");
    for (const auto& e : c.other_emails) {
      fact(labelled("Email", e.label), e.value, "mailto:" + e.value);
    }
    fact(labelled("Phone", c.phone_label), c.phone, c.phone ? "tel:" + *c.phone : "");
    for (const auto& t : c.other_phones) fact(labelled("Phone", t.label), t.value, "tel:" + t.value);
    fact("LinkedIn", c.linkedin,
         c.linkedin && c.linkedin->starts_with("http") ? *c.linkedin : "");
    if (c.degree) fact("Connection", std::string(Label(*c.degree)));
    if (c.source) fact("Found through", std::string(Label(*c.source)));
    fact("Location", c.location);
    fact("Time zone", c.tz);
    if (c.introducer_id) {
      fact("Introduced by", c.introducer_name, "/people/" + IdText(*c.introducer_id));
    }
    if (!c.tags.empty()) {
      std::string tags;
      for (const auto& t : c.tags) tags += (tags.empty() ? "" : ", ") + t;
      fact("Tags", tags);
    }
    d.set("facts", facts);

    if (!detail->actions.empty()) likely = LikelyVerb(detail->actions.front().kind);
    data actions = list{};
    for (const auto& a : detail->actions) {
      data x;
      x.set("label", std::string(Label(a.kind)));
      x.set("reason", a.reason);
      x.set("due", FormatFriendly(a.due, st.zone, now));
      if (IsOverdue(a, now)) x.set("overdue", true);
      actions.push_back(x);
    }
    d.set("actions", actions);
    if (detail->actions.empty()) d.set("no_actions", true);

    data timeline = list{};
    for (auto it = events->rbegin(); it != events->rend(); ++it) {
      const Event& e = *it;
      data x;
      x.set("when", FormatFriendly(e.at, st.zone, now));
      x.set("when_iso", FormatIso(e.at));
      x.set("what", std::string(Label(e.kind)));
      std::string details;
      if (e.meeting_at && e.kind != EventKind::kMeetingHeld) {
        details = "meeting " + FormatFriendly(*e.meeting_at, st.zone, now);
        if (e.meeting_minutes) details += ", " + std::to_string(*e.meeting_minutes) + " min";
        if (e.meeting_mode) details += ", " + std::string(Label(*e.meeting_mode));
      }
      if (e.voicemail) details += (details.empty() ? "" : "; ") + std::string("voicemail left");
      if (e.fit) details += (details.empty() ? "" : "; ") + ("fit " + std::to_string(*e.fit) + "/5");
      if (!details.empty()) x.set("details", details);
      if (e.body) x.set("body", *e.body);
      timeline.push_back(x);
    }
    d.set("events", timeline);
    if (events->empty()) d.set("no_events", true);

    // Promises still open, both ways, each with a button that marks it kept.
    auto open = st.app.pipeline().OpenPromisesOf(*events, c.name);
    if (!open) return SendErrorPage(st, res, open.error());
    data mine = list{}, theirs = list{};
    for (const auto& p : *open) {
      data x;
      x.set("promise_id", IdText(p.promise.id));
      x.set("text", p.promise.body.value_or("(no words given)"));
      x.set("made", FormatFriendly(p.promise.at, st.zone, now));
      if (p.promise.due) x.set("due", FormatFriendly(*p.promise.due, st.zone, now));
      (p.promise.theirs ? theirs : mine).push_back(x);
    }
    d.set("promises_mine", mine);
    d.set("promises_theirs", theirs);
    if (!open->empty()) d.set("has_promises", true);
    if (!mine.is_empty_list()) d.set("has_mine", true);
    if (!theirs.is_empty_list()) d.set("has_theirs", true);

    // The log form's objective: what was typed, else the thread's (their
    // latest event with one), else the only objective there is. Every
    // request is written for one objective, and drafts need it.
    auto objectives = st.app.records().ListObjectives();
    if (!objectives) return SendErrorPage(st, res, objectives.error());
    std::string chosen = typed.objective;
    if (chosen.empty() && typed.what.empty()) {
      for (auto it = events->rbegin(); it != events->rend() && chosen.empty(); ++it) {
        if (it->objective_id) chosen = IdText(*it->objective_id);
      }
      if (chosen.empty() && objectives->size() == 1) chosen = IdText(objectives->front().id);
    }
    data objective_options = list{};
    for (const auto& o : *objectives) {
      data x;
      x.set("value", IdText(o.id));
      x.set("label", o.title);
      if (IdText(o.id) == chosen) x.set("selected", true);
      objective_options.push_back(x);
    }
    d.set("log_objectives", objective_options);
    if (!objectives->empty()) d.set("has_objectives", true);

    data note_list = list{};
    for (auto it = notes->rbegin(); it != notes->rend(); ++it) {
      data n;
      n.set("when", FormatFriendly(it->created_at, st.zone, now));
      n.set("html", NoteHtml(it->body));  // cmark, raw HTML dropped
      note_list.push_back(n);
    }
    d.set("notes", note_list);
    if (notes->empty()) d.set("no_notes", true);

    data introduced = list{};
    for (const auto& p : detail->introduced) {
      data x;
      x.set("id", IdText(p.id));
      x.set("name", p.name);
      introduced.push_back(x);
    }
    d.set("introduced", introduced);
    if (!detail->introduced.empty()) d.set("has_introduced", true);
    AddPersonMeetingForms(st, id, d);  // meeting_pages.cpp
  }
  // The likeliest next step first and chosen (what was typed, after a
  // refused form).
  const std::string& chosen_verb = typed.what.empty() ? likely : typed.what;
  data verbs = list{};
  auto add_verb = [&](const Verb& v) {
    data x;
    x.set("value", v.value);
    x.set("label", v.label);
    if (chosen_verb == v.value) x.set("selected", true);
    verbs.push_back(x);
  };
  for (const auto& v : kVerbs) {
    if (v.value == likely) add_verb(v);
  }
  for (const auto& v : kVerbs) {
    if (v.value != likely) add_verb(v);
  }
  d.set("verbs", verbs);
  d.set("csrf", st.csrf);
  d.set("at", typed.at);
  d.set("meeting_at", typed.meeting_at);
  d.set("note", typed.note);
  SetFormError(d, error, error_field,
               {{"kind", "what"},
                {"objective", "objective"},
                {"at", "at"},
                {"meeting_at", "meeting_at"},
                {"body", "note"}});
  res.set_content(RenderPage(st, name, "people", Render("person", d), flash), kHtml);
}

// POST /people/{id}/events: what, at, meeting_at, note.
void LogEvent(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string id = req.matches[1].str();
  LogForm typed{Field(req, "what").value_or(""), Field(req, "at").value_or(""),
                Field(req, "meeting_at").value_or(""), Field(req, "note").value_or(""),
                Field(req, "objective").value_or("")};
  const Verb* verb = nullptr;
  for (const auto& v : kVerbs) {
    if (typed.what == v.value) verb = &v;
  }
  EventInput in;
  in.contact = id;
  if (verb) in.kind = verb->kind;
  in.at = Field(req, "at");
  in.body = Field(req, "note");
  in.objective = Field(req, "objective");
  if (verb && verb->kind == EventKind::kMeetingScheduled) in.meeting_at = Field(req, "meeting_at");
  Result<Event> r = Error::InvalidArgument("kind", "choose what happened");
  if (verb) {
    std::lock_guard lock(st.mu);
    r = st.app.pipeline().Record(in);
  }
  if (!r) {
    const int status = StatusFor(r.error());
    PersonPage(st, req, res, id, PublicMessage(r.error()), typed, r.error().field());
    if (res.status < 400) res.status = status;
    return;
  }
  SetFlashWithUndo(res, "Logged " + std::string(Label(r->kind)) + ".", r->id, "/people/" + id);
  Redirect(res, "/people/" + id, "");
}

// POST /people/ID/promises/PID/kept: a promise (mine or theirs) was kept.
void KeepPromise(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string id = req.matches[1].str();
  Result<Event> r = Error::NotFound("");
  {
    std::lock_guard lock(st.mu);
    r = st.app.pipeline().KeepPromise(req.matches[2].str(), std::nullopt);
  }
  if (!r) return Redirect(res, "/people/" + id, "Not marked: " + PublicMessage(r.error()));
  SetFlashWithUndo(res, "Marked kept: " + r->body.value_or("the promise") + ".", r->id, "/people/" + id);
  Redirect(res, "/people/" + id, "");
}

}  // namespace

// Two records of one person side by side, and the button that joins them:
// /people/{id}/merge?with={other}. What the first has wins; the second's
// addresses, numbers, tags, history and notes move over.
void MergePage(State& st, const Request& req, Response& res) {
  const std::string id = req.matches[1].str();
  const std::string other = req.has_param("with") ? req.get_param_value("with") : "";
  const std::string flash = TakeFlash(req, res);
  data d;
  {
    std::lock_guard lock(st.mu);
    auto keep = st.app.records().ShowContact(id);
    if (!keep) return SendErrorPage(st, res, keep.error());
    auto gone = other.empty() || other.find_first_not_of("0123456789") != std::string::npos
                    ? Result<ContactDetail>(Error::NotFound("no such person"))
                    : st.app.records().ShowContact(other);
    if (!gone) return SendErrorPage(st, res, gone.error());
    auto side = [](const Contact& c) {
      data x;
      x.set("id", IdText(c.id));
      x.set("name", c.name);
      data facts = list{};
      auto add = [&facts](const std::string& label, const std::string& value) {
        if (value.empty()) return;
        data f;
        f.set("label", label);
        f.set("value", value);
        facts.push_back(f);
      };
      add("Organization", c.org_name);
      add("Title", c.title.value_or(""));
      add("Email", c.email.value_or(""));
      for (const auto& e : c.other_emails) add("Email", e.value);
      add("Phone", c.phone.value_or(""));
      for (const auto& t : c.other_phones) add("Phone", t.value);
      add("LinkedIn", c.linkedin.value_or(""));
      add("Location", c.location.value_or(""));
      x.set("facts", facts);
      return x;
    };
    d.set("keep", side(keep->contact));
    d.set("other", side(gone->contact));
    d.set("csrf", st.csrf);
  }
  res.set_content(RenderPage(st, "Merge two records", "people", Render("merge", d), flash), kHtml);
}

void MergePeople(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string id = req.matches[1].str();
  const std::string other = Field(req, "other").value_or("");
  Result<MergeResult> r = Error::InvalidArgument("");
  {
    std::lock_guard lock(st.mu);
    r = st.app.data().Merge(id, other);
  }
  if (!r) return Redirect(res, "/people/" + id, "Not merged: " + PublicMessage(r.error()));
  Redirect(res, "/people/" + id,
           "Merged " + r->removed_name + " into " + r->survivor.name + ": " +
               std::to_string(r->events_moved) + (r->events_moved == 1 ? " event" : " events") +
               " moved.");
}

void RegisterPages(httplib::Server& svr, State& st) {
  svr.Get(R"(/people/(\d+)/merge)",
          [&st](const Request& req, Response& res) { MergePage(st, req, res); });
  svr.Post(R"(/people/(\d+)/merge)",
           [&st](const Request& req, Response& res) { MergePeople(st, req, res); });
  svr.Get("/", [&st](const Request& req, Response& res) { Today(st, req, res); });
  svr.Post("/agenda/do", [&st](const Request& req, Response& res) { DoAction(st, req, res); });
  svr.Post("/undo", [&st](const Request& req, Response& res) { Undo(st, req, res); });
  svr.Post(R"(/people/(\d+)/promises/(\d+)/kept)",
           [&st](const Request& req, Response& res) { KeepPromise(st, req, res); });
  svr.Get("/people", [&st](const Request& req, Response& res) {
    PeoplePage(st, req, res, "", ContactFields{});
  });
  svr.Post("/people", [&st](const Request& req, Response& res) { AddPerson(st, req, res); });
  svr.Get(R"(/people/(\d+))", [&st](const Request& req, Response& res) {
    PersonPage(st, req, res, req.matches[1].str(), "", LogForm{});
  });
  svr.Post(R"(/people/(\d+)/events)",
           [&st](const Request& req, Response& res) { LogEvent(st, req, res); });
}

}  // namespace rapport::server
