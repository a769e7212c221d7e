// What is learned (issue 6): the question bank, the brief before a meeting,
// notes and answers, full-text search, referrals and the network, and the
// insight across an objective's conversations.
//
// Choices where the issue is silent:
// - The starter bank is added the first time the bank is used (list, prep,
//   answer, add), once per workspace: a question the seeker removes stays
//   removed.
// - An answer belongs to the objective of the contact's latest meeting (or
//   of their thread when they have not met yet), so the same person can
//   answer for two objectives over the years.
// - The network's edges are introductions (a contact's introducer), referrals
//   (an introducer of a contact whose source is referral) and requests sent
//   through someone (--via). "Knowing" someone means having met them (or a
//   meeting on the calendar) or having them as a first-degree contact.
#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "rapport/app/app.h"
#include "rapport/app/validate.h"
#include "rapport/model/time.h"
#include "rapport/store/store.h"

namespace rapport {

namespace {

constexpr size_t kMaxNoteBytes = 100'000;

Result<std::string> CleanBody(std::string_view text, std::string_view what,
                              std::string_view field) {
  std::string body = Trim(text);
  if (body.empty()) {
    return Error::InvalidArgument(std::string(field),
                                  std::string(what) + " is empty; write some text");
  }
  if (body.size() > kMaxNoteBytes) {
    return Error::InvalidArgument(
        std::string(field), std::string(what) + " is " + std::to_string(body.size()) +
                                " bytes; keep it under 100,000 (split it into several notes)");
  }
  return body;
}

Result<Id> ParseId(const std::string& text, std::string_view noun) {
  const std::string t = Trim(text);
  if (t.empty() || t.size() > 18 || !std::all_of(t.begin(), t.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return Error(ErrorCode::kInvalidArgument,
                 "'" + text + "' is not a " + std::string(noun) + " id (a number)",
                 std::string(noun), std::string(noun));
  }
  return static_cast<Id>(std::stoll(t));
}

// The meeting on the calendar: the latest scheduled or rescheduled one not
// followed by a held or cancelled meeting.
std::optional<Event> PendingMeeting(const std::vector<Event>& events) {
  std::optional<Event> m;
  for (const auto& e : events) {
    if (e.kind == EventKind::kMeetingScheduled || e.kind == EventKind::kMeetingRescheduled) {
      m = e;
    } else if (e.kind == EventKind::kMeetingHeld || e.kind == EventKind::kMeetingCancelled) {
      m.reset();
    }
  }
  return m;
}

std::optional<Id> LatestObjective(const std::vector<Event>& events) {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->objective_id) return it->objective_id;
  }
  return std::nullopt;
}

}  // namespace

std::string ConversationVerdict(int conversations, int target, const Playbook& pb) {
  if (conversations < target && conversations < pb.enough_conversations) {
    return "too few to judge";
  }
  if (conversations > pb.plenty_conversations) return "more than enough";
  return "enough";
}

// ===========================================================================
// The question bank

Status UseCase::EnsureQuestionBank() {
  RAPPORT_ASSIGN_OR_RETURN(bool seeded, store_.QuestionsSeeded());
  if (seeded) return {};
  const Instant now = clock_.Now();
  for (const auto& s : StarterQuestions()) {
    Question q;
    q.text = std::string(s.text);
    q.category = s.category;
    q.referral = s.referral;
    RAPPORT_RETURN_IF_ERROR(store_.AddQuestion(q, now));
  }
  return store_.MarkQuestionsSeeded();
}

namespace {

Result<QuestionCategory> ParseCategoryArg(const std::string& typed) {
  auto c = ParseQuestionCategory(FoldCase(Trim(typed)));
  if (!c) {
    std::string hint = Suggest(FoldCase(Trim(typed)), QuestionCategoryNames());
    return Error::InvalidArgument(
        "category", "'" + typed + "' is not a question category (" +
                        (hint.empty() ? "use " + OneOf(QuestionCategoryNames()) : hint) + ")");
  }
  return *c;
}

}  // namespace

Result<Question> Learning::AddQuestion(const QuestionFields& f) {
  Question q;
  if (!f.text) return Error::InvalidArgument("text", "a question needs its text");
  RAPPORT_ASSIGN_OR_RETURN(q.text, CleanName(*f.text, "the question", "text"));
  if (f.category) {
    RAPPORT_ASSIGN_OR_RETURN(q.category, ParseCategoryArg(*f.category));
  }
  q.referral = f.referral.value_or(false);
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_RETURN_IF_ERROR(EnsureQuestionBank());
  if (f.objective && !Trim(*f.objective).empty()) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*f.objective));
    q.objective_id = o.id;
  }
  RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddQuestion(q, clock_.Now()));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return added;
}

Result<std::vector<Question>> Learning::ListQuestions(const QuestionFilter& f) {
  std::optional<QuestionCategory> category;
  if (f.category) {
    RAPPORT_ASSIGN_OR_RETURN(category, ParseCategoryArg(*f.category));
  }
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_RETURN_IF_ERROR(EnsureQuestionBank());
  std::optional<Id> objective_id;
  if (f.objective) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*f.objective));
    objective_id = o.id;
  }
  RAPPORT_ASSIGN_OR_RETURN(auto all, store_.ListQuestions());
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  std::vector<Question> out;
  for (auto& q : all) {
    if (category && q.category != *category) continue;
    if (objective_id && q.objective_id && q.objective_id != objective_id) continue;
    out.push_back(std::move(q));
  }
  return out;
}

Result<Question> Learning::EditQuestion(const std::string& ref, const QuestionFields& f) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_RETURN_IF_ERROR(EnsureQuestionBank());
  RAPPORT_ASSIGN_OR_RETURN(auto q, ResolveQuestion(ref));
  if (f.text) {
    RAPPORT_ASSIGN_OR_RETURN(q.text, CleanName(*f.text, "the question", "text"));
  }
  if (f.category) {
    RAPPORT_ASSIGN_OR_RETURN(q.category, ParseCategoryArg(*f.category));
  }
  if (f.objective) {
    if (Trim(*f.objective).empty()) {
      q.objective_id.reset();
    } else {
      RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*f.objective));
      q.objective_id = o.id;
    }
  }
  if (f.referral) q.referral = *f.referral;
  RAPPORT_RETURN_IF_ERROR(store_.UpdateQuestion(q));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return q;
}

Result<Question> Learning::RemoveQuestion(const std::string& ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_RETURN_IF_ERROR(EnsureQuestionBank());
  RAPPORT_ASSIGN_OR_RETURN(auto q, ResolveQuestion(ref));
  RAPPORT_ASSIGN_OR_RETURN(auto answers, store_.ListAnswers(std::nullopt, std::nullopt));
  const auto n = std::count_if(answers.begin(), answers.end(),
                               [&](const Answer& a) { return a.question_id == q.id; });
  if (n > 0) {
    return Error::Conflict("question",
                           "question #" + std::to_string(q.id) + " has " + std::to_string(n) +
                               " answer(s) on record; edit its wording instead of removing it");
  }
  RAPPORT_RETURN_IF_ERROR(store_.RemoveQuestion(q.id));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return q;
}

// ===========================================================================
// The brief before a meeting

Result<std::vector<OpenPromise>> Pipeline::OpenPromisesOf(const std::vector<Event>& events,
                                                     const std::string& contact_name) {
  std::set<Id> kept;
  for (const auto& e : events) {
    if (e.kind == EventKind::kPromiseKept && e.promise_id) kept.insert(*e.promise_id);
  }
  std::vector<OpenPromise> out;
  for (const auto& e : events) {
    if (e.kind == EventKind::kPromiseMade && !kept.contains(e.id)) {
      out.push_back({e, contact_name});
    }
  }
  return out;
}

Result<PrepBrief> Learning::Prep(const std::string& contact_ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_RETURN_IF_ERROR(EnsureQuestionBank());
  PrepBrief b;
  RAPPORT_ASSIGN_OR_RETURN(b.contact, ResolveContact(contact_ref));
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(b.contact.id));
  b.meeting = PendingMeeting(events);
  b.user_zone = config_.zone;
  if (b.meeting && b.meeting->meeting_tz && *b.meeting->meeting_tz != config_.zone) {
    b.contact_zone = b.meeting->meeting_tz;
  } else if (b.contact.tz && *b.contact.tz != config_.zone) {
    b.contact_zone = b.contact.tz;
  }
  std::optional<Id> objective_id =
      b.meeting && b.meeting->objective_id ? b.meeting->objective_id : LatestObjective(events);
  if (objective_id) {
    RAPPORT_ASSIGN_OR_RETURN(b.objective, store_.GetObjective(*objective_id));
  }

  // Share the objective's questions out: plan first for the interviewees
  // whose meetings come before this one.
  RAPPORT_ASSIGN_OR_RETURN(auto bank, store_.ListQuestions());
  std::vector<AnsweredBy> answered;
  std::vector<Id> earlier;
  RAPPORT_ASSIGN_OR_RETURN(auto answers,
                           objective_id ? store_.ListAnswers(std::nullopt, objective_id)
                                        : store_.ListAnswers(b.contact.id, std::nullopt));
  for (const auto& a : answers) answered.push_back({a.question_id, a.contact_id});
  if (objective_id) {
    RAPPORT_ASSIGN_OR_RETURN(auto ids, store_.ObjectiveContactIds(*objective_id));
    std::erase(ids, b.contact.id);
    RAPPORT_ASSIGN_OR_RETURN(auto others, store_.ListEventsOf(ids));
    std::vector<std::pair<Instant, Id>> upcoming;
    for (size_t i = 0; i < others.size();) {
      size_t j = i;
      while (j < others.size() && others[j].contact_id == others[i].contact_id) ++j;
      std::vector<Event> theirs(others.begin() + static_cast<std::ptrdiff_t>(i),
                                others.begin() + static_cast<std::ptrdiff_t>(j));
      auto m = PendingMeeting(theirs);
      if (m && m->meeting_at && (!b.meeting || !b.meeting->meeting_at ||
                                 *m->meeting_at < *b.meeting->meeting_at)) {
        upcoming.emplace_back(*m->meeting_at, others[i].contact_id);
      }
      i = j;
    }
    std::sort(upcoming.begin(), upcoming.end());
    for (const auto& [at, id] : upcoming) earlier.push_back(id);
  }
  QuestionPlanInput in;
  in.bank = bank;
  in.objective_id = objective_id;
  in.contact_id = b.contact.id;
  in.answers = answered;
  in.earlier = earlier;
  b.plan = PlanQuestions(in, config_.playbook);

  for (const auto& e : events) {
    if (e.kind == EventKind::kRequestSent || e.kind == EventKind::kIntroRequested) b.request = e;
  }
  std::optional<Id> introducer_id = b.contact.introducer_id;
  if (b.request && b.request->via_id) introducer_id = b.request->via_id;
  if (introducer_id) {
    RAPPORT_ASSIGN_OR_RETURN(b.introducer, store_.GetContact(*introducer_id));
  }
  RAPPORT_ASSIGN_OR_RETURN(b.notes, store_.ListNotes(b.contact.id, std::nullopt));
  for (const auto& e : events) {
    if (e.body && (!b.request || e.id != b.request->id)) b.logged_notes.push_back(e);
  }
  RAPPORT_ASSIGN_OR_RETURN(b.earlier_answers, store_.ListAnswers(b.contact.id, std::nullopt));
  std::set<Id> asked;
  for (const auto& a : b.earlier_answers) asked.insert(a.question_id);
  for (const auto& q : bank) {
    if (asked.contains(q.id)) b.earlier_questions.push_back(q);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto promises, OpenPromisesOf(events, b.contact.name));
  for (auto& p : promises) {
    (p.promise.theirs ? b.promises_theirs : b.promises_mine).push_back(std::move(p));
  }
  RAPPORT_RETURN_IF_ERROR(tx.Commit());

  const std::string first = b.contact.name.substr(0, b.contact.name.find(' '));
  if (!b.meeting) {
    b.reminders.push_back("No meeting is on the calendar yet; once " + first +
                          " says yes, put the time you agree on the calendar.");
  } else {
    const int minutes = b.meeting->meeting_minutes.value_or(config_.playbook.meeting_minutes);
    b.reminders.push_back("Keep to the " + std::to_string(minutes) +
                          " minutes you asked for; with five minutes left, ask whom else you "
                          "should meet.");
  }
  if (b.introducer) {
    b.reminders.push_back("Ask " + b.introducer->name + " before the meeting what " + first +
                          " might like to talk about, and tell them how it went afterwards.");
  }
  if (!b.promises_mine.empty()) {
    b.reminders.push_back("You owe " + first + " " + std::to_string(b.promises_mine.size()) +
                          " thing(s) you promised; bring them or say when they will come.");
  }
  b.reminders.push_back("Bring your networking sheet rather than a resume.");
  return b;
}

// ===========================================================================
// Notes and answers

Result<Note> Learning::AddNote(const NoteInput& in) {
  if (in.contact.has_value() == in.objective.has_value()) {
    return Error::InvalidArgument(
        in.contact ? "objective" : "contact",
        "a note is about one contact or one objective: say which, not both");
  }
  Note n;
  RAPPORT_ASSIGN_OR_RETURN(n.body, CleanBody(in.body, "the note", "body"));
  if (in.write_id) RAPPORT_RETURN_IF_ERROR(CheckWriteId(*in.write_id));
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  if (in.write_id) {
    RAPPORT_ASSIGN_OR_RETURN(auto receipt, store_.GetWriteReceipt(*in.write_id));
    if (receipt) {
      // Added once already (an offline phone sending its queue again).
      std::optional<Note> earlier;
      if (receipt->kind == "note") {
        RAPPORT_ASSIGN_OR_RETURN(earlier, store_.GetNote(receipt->record_id));
      }
      if (earlier) return std::move(*earlier);
      return Error::Conflict("write_id", "this note was saved once already and has since been removed");
    }
  }
  if (in.contact) {
    RAPPORT_ASSIGN_OR_RETURN(auto c, ResolveContact(*in.contact));
    n.contact_id = c.id;
  } else {
    RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*in.objective));
    n.objective_id = o.id;
  }
  RAPPORT_ASSIGN_OR_RETURN(auto added, store_.AddNote(n, clock_.Now()));
  if (in.write_id) RAPPORT_RETURN_IF_ERROR(store_.AddWriteReceipt(*in.write_id, "note", added.id, clock_.Now()));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return added;
}

Result<Note> Learning::EditNote(const std::string& id_text, const std::string& body) {
  RAPPORT_ASSIGN_OR_RETURN(Id id, ParseId(id_text, "note"));
  RAPPORT_ASSIGN_OR_RETURN(auto text, CleanBody(body, "the note", "body"));
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto n, store_.GetNote(id));
  if (!n) return Error::NotFound("note", "note", "there is no note " + id_text);
  RAPPORT_RETURN_IF_ERROR(store_.UpdateNote(id, text, clock_.Now()));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  n->body = text;
  n->updated_at = clock_.Now();
  return std::move(*n);
}

Result<Note> Learning::RemoveNote(const std::string& id_text) {
  RAPPORT_ASSIGN_OR_RETURN(Id id, ParseId(id_text, "note"));
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto n, store_.GetNote(id));
  if (!n) return Error::NotFound("note", "note", "there is no note " + id_text);
  RAPPORT_RETURN_IF_ERROR(store_.RemoveNote(id));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return std::move(*n);
}

Result<std::vector<Note>> Learning::ListNotes(const std::optional<std::string>& contact_ref,
                                         const std::optional<std::string>& objective_ref) {
  std::optional<Id> contact_id, objective_id;
  if (contact_ref) {
    RAPPORT_ASSIGN_OR_RETURN(auto c, ResolveContact(*contact_ref));
    contact_id = c.id;
  }
  if (objective_ref) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*objective_ref));
    objective_id = o.id;
  }
  return store_.ListNotes(contact_id, objective_id);
}

Result<Answer> Learning::RecordAnswer(const std::string& contact_ref, const std::string& question_ref,
                                 const std::string& text) {
  RAPPORT_ASSIGN_OR_RETURN(auto r, RecordAnswer(AnswerInput{contact_ref, question_ref, text, {}, {}}));
  return std::move(r.answer);
}

Result<RecordedAnswer> Learning::RecordAnswer(const AnswerInput& in) {
  Answer a;
  RAPPORT_ASSIGN_OR_RETURN(a.body, CleanBody(in.text, "the answer", "text"));
  if (in.write_id) RAPPORT_RETURN_IF_ERROR(CheckWriteId(*in.write_id));
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  if (in.write_id) {
    RAPPORT_ASSIGN_OR_RETURN(auto receipt, store_.GetWriteReceipt(*in.write_id));
    if (receipt) {
      // Recorded once already (an offline phone sending its queue again).
      std::optional<Answer> earlier;
      if (receipt->kind == "answer") {
        RAPPORT_ASSIGN_OR_RETURN(earlier, store_.GetAnswer(receipt->record_id));
      }
      if (earlier) return RecordedAnswer{std::move(*earlier), true, 0};
      return Error::Conflict("write_id", "this answer was saved once already and has since been removed");
    }
  }
  RAPPORT_RETURN_IF_ERROR(EnsureQuestionBank());
  RAPPORT_ASSIGN_OR_RETURN(auto c, ResolveContact(in.contact));
  RAPPORT_ASSIGN_OR_RETURN(auto q, ResolveQuestion(in.question));
  a.contact_id = c.id;
  a.question_id = q.id;
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(c.id));
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->kind == EventKind::kMeetingHeld && it->objective_id) {
      a.objective_id = it->objective_id;
      break;
    }
  }
  if (!a.objective_id) a.objective_id = LatestObjective(events);
  if (!a.objective_id) a.objective_id = q.objective_id;
  RecordedAnswer out;
  if (in.seen_answer) {
    RAPPORT_ASSIGN_OR_RETURN(auto theirs, store_.ListAnswers(c.id, std::nullopt));
    for (const auto& earlier : theirs) {
      if (earlier.question_id == q.id && earlier.id > *in.seen_answer) ++out.written_elsewhere;
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(out.answer, store_.AddAnswer(a, clock_.Now()));
  if (in.write_id) {
    RAPPORT_RETURN_IF_ERROR(store_.AddWriteReceipt(*in.write_id, "answer", out.answer.id, clock_.Now()));
  }
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<SearchResults> Learning::Search(const std::string& query, int limit) {
  if (limit < 1 || limit > 500) {
    return Error::InvalidArgument("limit", "show between 1 and 500 results");
  }
  RAPPORT_ASSIGN_OR_RETURN(auto parsed, InField("query", ParseSearchQuery(query)));
  auto hits = store_.Search(parsed, limit);
  if (!hits) {
    return Error::InvalidArgument("query", "cannot search for '" + query +
                                               "'; use plain words, \"a phrase\" or word* (" +
                                               hits.error().message() + ")");
  }
  SearchResults out;
  RAPPORT_ASSIGN_OR_RETURN(auto people, store_.FindContactsNamed(parsed, kNamedShown + 1));
  if (people.size() > static_cast<size_t>(kNamedShown)) {
    out.more_people = true;
    people.resize(kNamedShown);
  }
  for (auto& c : people) {
    std::string marked = MarkNamed(c.name, parsed);
    out.people.push_back({std::move(c), std::move(marked)});
  }
  RAPPORT_ASSIGN_OR_RETURN(auto orgs, store_.FindOrganizationsNamed(parsed, kNamedShown + 1));
  if (orgs.size() > static_cast<size_t>(kNamedShown)) {
    out.more_organizations = true;
    orgs.resize(kNamedShown);
  }
  // The people at those organizations in one query, as for the hits below.
  std::vector<Id> org_ids;
  for (const auto& o : orgs) org_ids.push_back(o.id);
  RAPPORT_ASSIGN_OR_RETURN(auto at_orgs, store_.ListContactsAt(org_ids));
  for (auto& o : orgs) {
    OrganizationMatch m;
    m.marked_name = MarkNamed(o.name, parsed);
    for (const auto& c : at_orgs) {
      if (c.org_id != o.id) continue;
      if (m.people_count++ < kNamedPeopleShown) m.people.push_back(c);
    }
    m.organization = std::move(o);
    out.organizations.push_back(std::move(m));
  }
  out.windowed = hits->windowed;
  out.results.reserve(hits->hits.size());
  // The people and notes of every hit in one query each (a query per hit
  // costs a round trip each on a server engine).
  std::vector<Id> contact_ids, note_ids;
  for (const auto& h : hits->hits) {
    if (h.contact_id) contact_ids.push_back(*h.contact_id);
    if (h.kind == "note") note_ids.push_back(h.source_id);
  }
  std::unordered_map<Id, std::string> names;
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.GetContacts(contact_ids));
  for (auto& c : contacts) names.emplace(c.id, std::move(c.name));
  std::unordered_map<Id, Note> notes;
  RAPPORT_ASSIGN_OR_RETURN(auto note_list, store_.GetNotes(note_ids));
  for (auto& n : note_list) notes.emplace(n.id, std::move(n));
  ObjectiveTitles objective_titles;
  for (auto& h : hits->hits) {
    SearchResult r;
    if (h.contact_id) {
      auto it = names.find(*h.contact_id);
      if (it != names.end()) r.contact_name = it->second;
    }
    if (h.kind == "note") {
      r.context = "note";
      if (auto it = notes.find(h.source_id); it != notes.end()) {
        const Note& n = it->second;
        r.at = n.created_at;
        if (n.objective_id) {
          RAPPORT_ASSIGN_OR_RETURN(auto title, ObjectiveTitle(*n.objective_id, objective_titles));
          if (title) r.context = "note on " + *title;
        }
      }
    } else if (h.kind == "answer") {
      RAPPORT_ASSIGN_OR_RETURN(auto a, store_.GetAnswer(h.source_id));
      r.context = "answer";
      if (a) {
        r.at = a->created_at;
        RAPPORT_ASSIGN_OR_RETURN(auto q, store_.GetQuestion(a->question_id));
        if (q) r.context = "answer to: " + q->text;
      }
    } else {
      RAPPORT_ASSIGN_OR_RETURN(auto e, store_.GetEvent(h.source_id));
      r.context = h.kind;
      if (e) r.at = e->at;
    }
    r.hit = std::move(h);
    // Notes are Markdown; a snippet shows the words, not the marks.
    r.hit.snippet = PlainSnippet(r.hit.snippet);
    out.results.push_back(std::move(r));
  }
  return out;
}

// ===========================================================================
// Referrals and the network

Result<ContactAdded> Records::Refer(const std::string& referrer_ref, ContactFields f) {
  RAPPORT_ASSIGN_OR_RETURN(auto referrer, ResolveContact(referrer_ref));
  if (!f.source) f.source = "referral";
  if (!f.degree) f.degree = "second";
  f.introducer = std::to_string(referrer.id);
  return AddContact(f);
}

namespace {

// Everyone, their stages, and who led to whom: what Network and
// WarmestPaths both start from, read once.
struct NetworkData {
  std::vector<Contact> contacts;
  std::unordered_map<Id, std::string> stage_of;
  std::vector<NetworkGraph::Edge> edges;
};

Result<NetworkData> LoadNetwork(Store& store) {
  NetworkData d;
  RAPPORT_ASSIGN_OR_RETURN(d.contacts, store.ListContacts());
  RAPPORT_ASSIGN_OR_RETURN(auto requests, store.ListEventsByKind(EventKind::kRequestSent,
                                                                 Instant::min(), Instant::max()));
  RAPPORT_ASSIGN_OR_RETURN(auto states, store.ListContactStates());
  for (const auto& s : states) d.stage_of[s.contact_id] = s.stage;
  std::set<std::pair<Id, Id>> seen;
  for (const auto& c : d.contacts) {
    if (c.introducer_id && seen.insert({*c.introducer_id, c.id}).second) {
      d.edges.push_back({*c.introducer_id, c.id,
                         c.source == Source::kReferral ? "referred" : "introduced"});
    }
  }
  for (const auto& e : requests) {
    if (e.via_id && seen.insert({*e.via_id, e.contact_id}).second) {
      d.edges.push_back({*e.via_id, e.contact_id, "via"});
    }
  }
  return d;
}

}  // namespace

Result<NetworkGraph> Learning::Network() {
  RAPPORT_ASSIGN_OR_RETURN(auto d, LoadNetwork(store_));
  NetworkGraph g;
  std::set<Id> on_edge;
  for (const auto& e : d.edges) {
    on_edge.insert(e.from);
    on_edge.insert(e.to);
  }
  for (auto& c : d.contacts) {
    if (!on_edge.contains(c.id)) continue;
    NetworkGraph::Node n;
    auto it = d.stage_of.find(c.id);
    if (it != d.stage_of.end()) n.stage = ParseStage(it->second).value_or(Stage::kNone);
    n.contact = std::move(c);
    g.nodes.push_back(std::move(n));
  }
  std::sort(g.nodes.begin(), g.nodes.end(),
            [](const auto& a, const auto& b) { return a.contact.id < b.contact.id; });
  g.edges = std::move(d.edges);
  return g;
}

namespace {

// 0: met or meeting them; 1: a first-degree contact; none: not known.
std::optional<int> Warmth(const Contact& c, std::string_view stage) {
  if (stage == "scheduled" || stage == "met" || stage == "thanked" || stage == "in_touch") {
    return 0;
  }
  if (stage == "dormant" || c.degree == Degree::kFirst) return 1;
  return std::nullopt;
}

std::string HowKnown(const Contact& c, std::string_view stage) {
  if (stage == "scheduled") return "you are meeting " + c.name;
  if (stage == "dormant") return "you met " + c.name + " a while ago";
  if (Warmth(c, stage) == 0) return "you met " + c.name;
  return c.name + " is a first-degree contact";
}

}  // namespace

Result<std::vector<WarmPath>> Learning::WarmestPaths(const std::string& org_ref, int limit) {
  RAPPORT_ASSIGN_OR_RETURN(auto org, InField("org", ResolveOrganization(org_ref)));
  RAPPORT_ASSIGN_OR_RETURN(auto d, LoadNetwork(store_));
  const auto& contacts = d.contacts;
  auto& stage_of = d.stage_of;
  std::unordered_map<Id, const Contact*> by_id;
  for (const auto& c : contacts) by_id[c.id] = &c;
  std::unordered_map<Id, std::vector<std::pair<Id, std::string>>> adjacent;
  for (const auto& e : d.edges) {
    adjacent[e.from].emplace_back(e.to, e.kind);
    adjacent[e.to].emplace_back(e.from, e.kind);
  }
  // Breadth-first from everyone known, warmest first, so each person is
  // reached by the shortest chain that starts with the warmest acquaintance.
  struct Reached {
    Id prev = 0;
    int hops = 0, warmth = 0;
  };
  std::unordered_map<Id, Reached> reached;
  std::deque<Id> queue;
  std::vector<std::pair<int, Id>> starts;
  for (const auto& c : contacts) {
    if (auto w = Warmth(c, stage_of[c.id])) starts.emplace_back(*w, c.id);
  }
  std::sort(starts.begin(), starts.end());
  for (const auto& [w, id] : starts) {
    reached[id] = {0, 0, w};
    queue.push_back(id);
  }
  while (!queue.empty()) {
    Id at = queue.front();
    queue.pop_front();
    for (const auto& [next, kind] : adjacent[at]) {
      if (reached.contains(next)) continue;
      reached[next] = {at, reached[at].hops + 1, reached[at].warmth};
      queue.push_back(next);
    }
  }
  std::vector<WarmPath> paths;
  std::vector<std::tuple<int, int, Id>> order;  // hops, warmth, target
  for (const auto& c : contacts) {
    if (c.org_id != org.id) continue;
    auto it = reached.find(c.id);
    if (it != reached.end()) order.emplace_back(it->second.hops, it->second.warmth, c.id);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [hops, warmth, target] : order) {
    if (static_cast<int>(paths.size()) >= limit) break;
    WarmPath p;
    for (Id at = target;; at = reached[at].prev) {
      p.steps.push_back(*by_id[at]);
      if (reached[at].hops == 0) break;
    }
    std::reverse(p.steps.begin(), p.steps.end());
    const Contact& first = p.steps.front();
    p.why = HowKnown(first, stage_of[first.id]);
    for (size_t i = 1; i < p.steps.size(); ++i) {
      p.why += "; " + p.steps[i - 1].name + " led to " + p.steps[i].name;
    }
    p.why += "; " + p.steps.back().name + " is at " + org.name;
    paths.push_back(std::move(p));
  }
  return paths;
}

// ===========================================================================
// Insight across interviews

Result<Insights> Learning::GetInsights(const std::string& objective_ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_RETURN_IF_ERROR(EnsureQuestionBank());
  Insights in;
  RAPPORT_ASSIGN_OR_RETURN(in.objective, ResolveObjective(objective_ref));
  const Id oid = in.objective.id;
  const Instant now = clock_.Now();
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListObjectiveEvents(oid));
  RAPPORT_ASSIGN_OR_RETURN(auto answers, store_.ListAnswers(std::nullopt, oid));
  RAPPORT_ASSIGN_OR_RETURN(auto bank, store_.ListQuestions());
  RAPPORT_ASSIGN_OR_RETURN(auto ids, store_.ObjectiveContactIds(oid));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());

  std::set<Id> met;
  int fit_sum = 0;
  for (const auto& e : events) {
    if (e.kind != EventKind::kMeetingHeld || e.at > now) continue;
    ++in.conversations;
    met.insert(e.contact_id);
    if (e.fit) {
      fit_sum += *e.fit;
      ++in.fit_ratings;
    }
  }
  if (in.fit_ratings > 0) in.fit_average = static_cast<double>(fit_sum) / in.fit_ratings;
  in.target = in.objective.target.value_or(config_.playbook.enough_conversations);
  in.verdict = ConversationVerdict(in.conversations, in.target, config_.playbook);

  std::set<Id> columns = met;
  for (const auto& a : answers) columns.insert(a.contact_id);
  std::unordered_map<Id, size_t> column_of;
  for (Id id : columns) {
    RAPPORT_ASSIGN_OR_RETURN(auto c, store_.GetContact(id));
    if (!c) continue;
    column_of[id] = in.people.size();
    in.people.push_back(std::move(*c));
  }
  std::map<Id, Insights::MatrixRow> rows;
  for (const auto& a : answers) {
    auto& row = rows[a.question_id];
    if (row.answers.empty()) row.answers.resize(in.people.size());
    auto col = column_of.find(a.contact_id);
    if (col == column_of.end()) continue;
    auto& cell = row.answers[col->second];
    if (cell.empty()) ++row.answered;
    cell.push_back(a.body);
  }
  std::unordered_map<Id, const Question*> question_of;
  for (const auto& q : bank) question_of[q.id] = &q;
  for (auto& [qid, row] : rows) {
    auto it = question_of.find(qid);
    if (it == question_of.end()) continue;
    row.question = *it->second;
    in.matrix.push_back(std::move(row));
  }
  std::stable_sort(in.matrix.begin(), in.matrix.end(),
                   [](const auto& a, const auto& b) { return a.answered > b.answered; });
  for (const auto& q : bank) {
    if (q.objective_id == oid && !rows.contains(q.id)) {
      Insights::MatrixRow row;
      row.question = q;
      row.answers.resize(in.people.size());
      in.matrix.push_back(std::move(row));
    }
  }

  for (Id id : ids) {
    RAPPORT_ASSIGN_OR_RETURN(auto c, store_.GetContact(id));
    if (!c) continue;
    RAPPORT_ASSIGN_OR_RETURN(auto theirs, store_.ListEvents(id));
    RAPPORT_ASSIGN_OR_RETURN(auto open, OpenPromisesOf(theirs, c->name));
    for (auto& p : open) in.open_promises.push_back(std::move(p));
  }
  return in;
}

}  // namespace rapport
