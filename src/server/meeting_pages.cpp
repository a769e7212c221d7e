// Meeting mode (/people/{id}/meeting) and the forms that put what a seeker
// learns into the record from the web app: answers to questions, notes, the
// fit rating and Finish, new objectives and questions. As in pages.cpp,
// handlers read the request, call App under the state's mutex and render;
// the plan, the brief and the "held once a day" rule are App's (Prep,
// FinishMeeting). Every form posts with a CSRF field and answers 303 with a
// flash, so it works without JavaScript; an answer posted by htmx gets back
// just its question's block. The countdown is web/static/meeting.js.
#include <cctype>

#include "rapport/app/presentation.h"
#include "rapport/app/labels.h"
#include "rapport/model/time.h"
#include "server/internal.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using kainjow::mustache::list;





// An htmx request of its own (hx-post), not a boosted form or link: it
// wants a fragment, not a page.
bool WantsFragment(const Request& req) {
  return req.get_header_value("HX-Request") == "true" &&
         req.get_header_value("HX-Boosted") != "true";
}

// A form sent from the person page (back=person) rather than meeting mode.
bool FromPersonPage(const Request& req) { return Field(req, "back").value_or("") == "person"; }

// Where a form of the person page or of meeting mode goes back to.
std::string BackTo(const Request& req, const std::string& id) {
  return FromPersonPage(req) ? "/people/" + id : "/people/" + id + "/meeting";
}

// "What does a usual week look like?" in a flash, shortened.
std::string Quote(const std::string& s) {
  constexpr size_t kMax = 80;
  if (s.size() <= kMax) return "“" + s + "”";
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return "“" + s.substr(0, cut) + "…”";
}

// One planned question's block: its text and the form that notes their
// answer (none for the built-in closing question, which has no id).
// `typed` is what the form held when it was refused (shown again beside
// `error`). `seen` is the newest of the person's answers the page shows (a
// phone that saves an answer offline sends it, so that one written
// elsewhere meanwhile is reported); `also` a line after the saved answer.
struct BlockExtra {
  Id seen = 0;
  std::string also;
};

std::string QuestionBlock(const State& st, const std::string& contact_id, Id question_id,
                          const std::string& text, const std::string& category, int answered,
                          const std::string& saved, const std::string& error,
                          const std::string& typed = "", const BlockExtra& extra = {}) {
  data q;
  q.set("seen", IdText(extra.seen));
  if (!extra.also.empty()) q.set("also", extra.also);
  q.set("id", contact_id);
  q.set("csrf", st.csrf);
  q.set("text", text);
  if (!category.empty()) q.set("category", category);
  if (answered > 0) {
    q.set("answered", answered == 1 ? std::string("1 person answered it already")
                                    : std::to_string(answered) + " people answered it already");
  }
  if (question_id != 0) {
    q.set("qid", IdText(question_id));
  } else {
    q.set("no_form", true);
  }
  if (!saved.empty()) q.set("saved", saved);
  if (!error.empty()) q.set("error", error);
  if (!typed.empty()) q.set("typed", typed);
  return Render("meeting_question", q);
}

// What a refused form of meeting mode held, to show the page again with it
// and the reason beside the field: a note typed during a meeting must not
// be lost to a mistake.
struct MeetingTyped {
  int status = 200;
  std::string note, note_error;      // the note form
  Id question = 0;                   // the answer form of this question
  std::string answer, answer_error;
  std::string finish_note, finish_error;  // the finish form
  std::string finish_early;  // "the meeting starts at ...": asked before finishing
  std::optional<int> fit;
};

// ---- Meeting mode -------------------------------------------------------------

void MeetingPage(State& st, const Request& req, Response& res, const MeetingTyped& typed = {}) {
  const std::string id = req.matches[1].str();
  const std::string flash = typed.status == 200 ? TakeFlash(req, res) : "";
  data d;
  std::string name;
  {
    std::lock_guard lock(st.mu);
    auto b = st.app.learning().Prep(id);
    if (!b) return SendErrorPage(st, res, b.error());
    const Instant now = st.app.Now();
    const Contact& c = b->contact;
    name = c.name;
    d.set("id", IdText(c.id));
    d.set("name", c.name);
    d.set("csrf", st.csrf);
    std::string who;
    if (c.title) who = *c.title;
    if (!c.org_name.empty()) who += (who.empty() ? "" : " at ") + c.org_name;
    if (!who.empty()) d.set("who", who);
    if (b->objective) {
      d.set("objective", b->objective->title);
      d.set("objective_id", IdText(b->objective->id));
    }
    // The agreed length: the scheduled meeting's, else the playbook's.
    int minutes = st.app.config().playbook.meeting_minutes;
    if (b->meeting) {
      const Event& m = *b->meeting;
      if (m.meeting_minutes) minutes = *m.meeting_minutes;
      if (m.meeting_at) {
        std::string when = FormatFriendly(*m.meeting_at, b->user_zone, now);
        if (b->contact_zone) {
          when += " (" + FormatFriendly(*m.meeting_at, *b->contact_zone, now) + " for them, " +
                  *b->contact_zone + ")";
        }
        d.set("when", when);
      }
      if (m.meeting_mode) d.set("mode", std::string(Label(*m.meeting_mode)));
      if (m.meeting_place) d.set("place", *m.meeting_place);
    } else {
      d.set("no_meeting", true);
    }
    d.set("minutes", std::to_string(minutes));

    Id seen = 0;
    for (const auto& a : b->earlier_answers) seen = std::max(seen, a.id);
    data questions = list{};
    for (const auto& q : b->plan.questions) {
      data x;
      const bool refused = q.question_id != 0 && q.question_id == typed.question;
      x.set("block", QuestionBlock(st, IdText(c.id), q.question_id, q.text,
                                   std::string(Label(q.category)), q.answered, "",
                                   refused ? typed.answer_error : "",
                                   refused ? typed.answer : "", BlockExtra{seen, ""}));
      questions.push_back(x);
    }
    d.set("questions", questions);
    d.set("question_count", std::to_string(b->plan.questions.size()));
    if (b->plan.shortfall) d.set("shortfall", *b->plan.shortfall);

    if (b->introducer) {
      d.set("introducer", b->introducer->name);
      d.set("introducer_id", IdText(b->introducer->id));
    }
    data promises = list{};
    auto promise = [&](const OpenPromise& p, const char* whose) {
      data x;
      x.set("whose", whose);
      std::string text = p.promise.body.value_or("(no description)");
      if (p.promise.due) text += " (due " + FormatDay(*p.promise.due, st.zone, now) + ")";
      x.set("text", text);
      promises.push_back(x);
    };
    for (const auto& p : b->promises_mine) promise(p, "Yours");
    for (const auto& p : b->promises_theirs) promise(p, "Theirs");
    d.set("promises", promises);
    if (!b->promises_mine.empty() || !b->promises_theirs.empty()) d.set("has_promises", true);

    data answers = list{};
    for (const auto& a : b->earlier_answers) {
      data x;
      for (const auto& q : b->earlier_questions) {
        if (q.id == a.question_id) x.set("question", q.text);
      }
      x.set("text", a.body);
      x.set("when", FormatDay(a.created_at, st.zone, now));
      answers.push_back(x);
    }
    d.set("answers", answers);
    if (!b->earlier_answers.empty()) d.set("has_answers", true);

    data notes = list{};
    for (auto it = b->notes.rbegin(); it != b->notes.rend(); ++it) {
      data n;
      n.set("when", FormatFriendly(it->created_at, st.zone, now));
      n.set("html", NoteHtml(it->body));  // cmark, raw HTML dropped
      notes.push_back(n);
    }
    d.set("notes", notes);
    if (!b->notes.empty()) d.set("has_notes", true);
  }
  data fits = list{};
  const char* fit_words[] = {"not at all", "a little", "somewhat", "well", "very well"};
  for (int i = 1; i <= 5; ++i) {
    data f;
    f.set("value", std::to_string(i));
    f.set("words", fit_words[i - 1]);
    if (typed.fit == i) f.set("checked", true);
    fits.push_back(f);
  }
  d.set("fits", fits);
  if (!typed.note.empty()) d.set("note_body", typed.note);
  if (!typed.note_error.empty()) d.set("note_error", typed.note_error);
  if (!typed.finish_note.empty()) d.set("finish_note", typed.finish_note);
  if (!typed.finish_error.empty()) d.set("finish_error", typed.finish_error);
  if (!typed.finish_early.empty()) d.set("finish_early", typed.finish_early);
  res.status = typed.status;
  res.set_content(
      RenderPage(st, "Meeting with " + name, "people", Render("meeting", d), flash), kHtml);
}

// POST /people/{id}/answers: question (id), text [, back=person].
void PostAnswer(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string id = req.matches[1].str();
  const auto question = Field(req, "question");
  const auto text = Field(req, "text");
  Result<RecordedAnswer> r = Error::InvalidArgument("choose a question");
  std::string qtext, category;
  Id qid = 0;
  AnswerInput in;
  in.contact = id;
  in.text = text.value_or("");
  // From a phone's offline queue: the write's own id and the newest answer
  // the page had shown.
  in.write_id = Field(req, "write_id");
  if (auto s = Field(req, "seen"); s && !s->empty() && s->size() <= 18 &&
                                   s->find_first_not_of("0123456789") == std::string::npos) {
    in.seen_answer = std::stoll(*s);
  }
  {
    std::lock_guard lock(st.mu);
    if (question) {
      auto q = st.app.learning().ResolveQuestion(*question);
      if (q) {
        qid = q->id;
        qtext = q->text;
        category = std::string(Label(q->category));
        in.question = IdText(q->id);
      }
      r = !q      ? Result<RecordedAnswer>(q.error())
          : !text ? Result<RecordedAnswer>(Error::InvalidArgument("text", "write what they said first"))
                  : st.app.learning().RecordAnswer(in);
    }
  }
  if (WantsFragment(req) && qid != 0) {
    const bool ok = r.ok();
    if (!ok) res.status = StatusFor(r.error());
    BlockExtra extra;
    if (ok) {
      extra.seen = r->answer.id;
      if (r->written_elsewhere > 0) {
        extra.also = "Another answer to this question was saved elsewhere meanwhile (on another "
                     "device or tab); both are kept.";
      } else if (r->replayed) {
        extra.also = "This answer had reached Rapport already; it is kept once.";
      }
    }
    res.set_content(QuestionBlock(st, id, qid, qtext, category, 0, ok ? r->answer.body : "",
                                  ok ? "" : PublicMessage(r.error()), ok ? "" : text.value_or(""),
                                  extra),
                    kHtml);
    return;
  }
  if (!r) {
    if (StatusFor(r.error()) >= 500 || r.error().code() == ErrorCode::kNotFound) {
      return SendErrorPage(st, res, r.error());
    }
    if (FromPersonPage(req) || qid == 0) {
      return Redirect(res, BackTo(req, id), "Not saved: " + PublicMessage(r.error()));
    }
    MeetingTyped t;
    t.status = StatusFor(r.error());
    t.question = qid;
    t.answer = text.value_or("");
    t.answer_error = PublicMessage(r.error());
    return MeetingPage(st, req, res, t);
  }
  Redirect(res, BackTo(req, id), "Saved their answer to " + Quote(qtext) + ".");
}

// POST /people/{id}/notes: body (Markdown) [, back=person].
void PostNote(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string id = req.matches[1].str();
  NoteInput in;
  in.contact = id;
  in.body = Field(req, "body").value_or("");
  in.write_id = Field(req, "write_id");
  Result<Note> r = Error::InvalidArgument("write the note first");
  if (!in.body.empty()) {
    std::lock_guard lock(st.mu);
    r = st.app.learning().AddNote(in);
  }
  if (!r) {
    if (StatusFor(r.error()) >= 500 || r.error().code() == ErrorCode::kNotFound) {
      return SendErrorPage(st, res, r.error());
    }
    if (FromPersonPage(req)) {
      return Redirect(res, BackTo(req, id), "Not saved: " + PublicMessage(r.error()));
    }
    MeetingTyped t;
    t.status = StatusFor(r.error());
    t.note = in.body;
    t.note_error = PublicMessage(r.error());
    return MeetingPage(st, req, res, t);
  }
  Redirect(res, BackTo(req, id), "Note saved.");
}

// POST /people/{id}/meeting/finish: fit (1-5, optional), note (optional).
// Logs the meeting held (once a day: App decides) and opens the thank-you.
void FinishMeeting(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string id = req.matches[1].str();
  std::optional<int> fit;
  if (auto f = Field(req, "fit")) {
    fit = (f->size() == 1 && (*f)[0] >= '0' && (*f)[0] <= '9') ? (*f)[0] - '0' : 0;
  }
  Result<MeetingFinished> r = Error::InvalidArgument("");
  {
    std::lock_guard lock(st.mu);
    r = st.app.pipeline().FinishMeeting(id, fit, Field(req, "note"), Field(req, "write_id"),
                                        Field(req, "early") == "yes");
  }
  if (!r) {
    if (StatusFor(r.error()) >= 500 || r.error().code() == ErrorCode::kNotFound) {
      return SendErrorPage(st, res, r.error());
    }
    MeetingTyped t;
    t.finish_note = Field(req, "note").value_or("");
    if (r.error().field() == "start") {
      // Not a fault: a question. The form comes back with what was typed,
      // asking to confirm.
      std::string said = PublicMessage(r.error());
      if (!said.empty()) said[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(said[0])));
      t.finish_early = said + ". Finish it now anyway?";
    } else {
      t.status = StatusFor(r.error());
      t.finish_error = PublicMessage(r.error());
    }
    if (fit && *fit >= 1 && *fit <= 5) t.fit = fit;
    return MeetingPage(st, req, res, t);
  }
  const std::string contact = IdText(r->event.contact_id);
  Redirect(res, "/compose?contact=" + contact + "&kind=thank_you",
           r->already_logged ? "The meeting was already logged today; now write your thanks."
                             : "Logged the meeting. Now thank them, within 48 hours.");
}

// ---- objectives and questions ----------------------------------------------------

// POST /objectives: title, kind, target.
void PostObjective(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  ObjectiveFields f;
  f.title = Field(req, "title");
  f.kind = Field(req, "kind");
  f.notes = Field(req, "notes");
  std::string bad, bad_field;
  if (auto t = Field(req, "target")) {
    try {
      size_t used = 0;
      f.target = std::stoi(*t, &used);
      if (used != t->size() || *f.target < 1) bad = "the target must be a whole number from 1";
    } catch (...) {
      bad = "the target must be a whole number from 1";
    }
    if (!bad.empty()) bad_field = "target";
  }
  if (!f.title) {
    bad = "give the objective a title";
    bad_field = "title";
  }
  Result<Objective> r = Error::InvalidArgument(bad_field, bad);
  if (bad.empty()) {
    std::lock_guard lock(st.mu);
    r = st.app.records().AddObjective(f);
  }
  if (!r) {
    if (StatusFor(r.error()) >= 500) return SendErrorPage(st, res, r.error());
    // The page again, with what was typed and the message by its field.
    ObjectivesPage(st, req, res,
                   {f.title.value_or(""), f.kind.value_or(""), Field(req, "target").value_or(""),
                    "Not added: " + PublicMessage(r.error()), r.error().field()});
    res.status = StatusFor(r.error());
    return;
  }
  Redirect(res, "/objectives/" + IdText(r->id), "Added the objective " + Quote(r->title) + ".");
}

// POST /objectives/{id}/questions: text, category, referral.
void PostQuestion(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string id = req.matches[1].str();
  QuestionFields f;
  f.text = Field(req, "text");
  f.category = Field(req, "category");
  f.objective = id;
  f.referral = Field(req, "referral").has_value();
  Result<Question> r = Error::InvalidArgument("write the question first");
  if (f.text) {
    std::lock_guard lock(st.mu);
    r = st.app.learning().AddQuestion(f);
  }
  if (!r) {
    if (StatusFor(r.error()) >= 500 || r.error().code() == ErrorCode::kNotFound) {
      return SendErrorPage(st, res, r.error());
    }
    return Redirect(res, "/objectives/" + id, "Not added: " + PublicMessage(r.error()));
  }
  Redirect(res, "/objectives/" + id, "Added the question " + Quote(r->text) + ".");
}

}  // namespace

void AddPersonMeetingForms(State& st, const std::string& contact_ref, data& d) {
  auto b = st.app.learning().Prep(contact_ref);
  if (!b) return;
  if (b->meeting) {
    d.set("meeting_label", "Open meeting mode");
  } else {
    d.set("meeting_label", "Meeting mode (no meeting scheduled yet)");
  }
  QuestionFilter filter;
  if (b->objective) filter.objective = IdText(b->objective->id);
  auto bank = st.app.learning().ListQuestions(filter);
  if (!bank) return;
  data questions = list{};
  for (const auto& q : *bank) {
    data x;
    x.set("qid", IdText(q.id));
    x.set("text", q.text);
    questions.push_back(x);
  }
  d.set("bank", questions);
  if (!bank->empty()) d.set("has_bank", true);
}

void AddObjectiveFormData(data& d, const std::string& chosen) {
  data kinds = list{};
  for (auto k : ObjectiveKindNames()) {
    data x;
    x.set("value", std::string(k));
    x.set("label", std::string(Label(*ParseObjectiveKind(k))));
    if (k == chosen) x.set("selected", true);
    kinds.push_back(x);
  }
  d.set("kinds", kinds);
}

void AddQuestionFormData(data& d) {
  data cats = list{};
  for (auto k : QuestionCategoryNames()) {
    data x;
    x.set("value", std::string(k));
    x.set("label", std::string(Label(*ParseQuestionCategory(k))));
    cats.push_back(x);
  }
  d.set("categories", cats);
}

void RegisterMeetingPages(httplib::Server& svr, State& st) {
  svr.Get(R"(/people/(\d+)/meeting)",
          [&st](const Request& req, Response& res) { MeetingPage(st, req, res); });
  svr.Post(R"(/people/(\d+)/answers)",
           [&st](const Request& req, Response& res) { PostAnswer(st, req, res); });
  svr.Post(R"(/people/(\d+)/notes)",
           [&st](const Request& req, Response& res) { PostNote(st, req, res); });
  svr.Post(R"(/people/(\d+)/meeting/finish)",
           [&st](const Request& req, Response& res) { FinishMeeting(st, req, res); });
  svr.Post("/objectives", [&st](const Request& req, Response& res) { PostObjective(st, req, res); });
  svr.Post(R"(/objectives/(\d+)/questions)",
           [&st](const Request& req, Response& res) { PostQuestion(st, req, res); });
}

}  // namespace rapport::server
