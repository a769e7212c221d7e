#include "rapport/present/json.h"

#include <nlohmann/json.hpp>

#include "rapport/app/app.h"
#include "rapport/model/time.h"

namespace rapport::present {

using nlohmann::json;

namespace {
template <class T>
void Put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
template <class E>
void PutEnum(json& j, const char* key, const std::optional<E>& v) {
  if (v) j[key] = std::string(ToString(*v));
}
}  // namespace

json OrganizationJson(const Organization& o) {
  json j = {{"id", o.id},
            {"name", o.name},
            {"contact_count", o.contact_count},
            {"contacts", o.contact_count},
            {"created_at", FormatIso(o.created_at)}};
  Put(j, "industry", o.industry);
  PutEnum(j, "size", o.size);
  Put(j, "location", o.location);
  Put(j, "website", o.website);
  return j;
}

json ContactJson(const Contact& c) {
  json j = {{"id", c.id}, {"name", c.name}};
  if (c.org_id) {
    j["org_id"] = *c.org_id;
    j["org"] = c.org_name;
  }
  Put(j, "title", c.title);
  Put(j, "email", c.email);
  Put(j, "phone", c.phone);
  // Every address and number, the primary first, each with its label.
  auto points = [](const std::vector<ContactPoint>& all) {
    json a = json::array();
    for (const auto& p : all) a.push_back({{"value", p.value}, {"label", p.label}});
    return a;
  };
  j["emails"] = points(AllPoints(c.email, c.email_label, c.other_emails));
  j["phones"] = points(AllPoints(c.phone, c.phone_label, c.other_phones));
  Put(j, "linkedin", c.linkedin);
  Put(j, "location", c.location);
  Put(j, "tz", c.tz);
  PutEnum(j, "source", c.source);
  PutEnum(j, "degree", c.degree);
  if (c.introducer_id) {
    j["introducer_id"] = *c.introducer_id;
    j["introducer"] = c.introducer_name;
  }
  j["tags"] = c.tags;
  if (c.connected_at) j["connected_at"] = FormatIso(*c.connected_at);
  Put(j, "note", c.note);
  j["created_at"] = FormatIso(c.created_at);
  j["updated_at"] = FormatIso(c.updated_at);
  return j;
}

json EventJson(const Event& e) {
  json j = {{"id", e.id},
            {"contact_id", e.contact_id},
            {"kind", std::string(ToString(e.kind))},
            {"at", FormatIso(e.at)}};
  Put(j, "objective_id", e.objective_id);
  PutEnum(j, "channel", e.channel);
  Put(j, "body", e.body);
  Put(j, "via_id", e.via_id);
  if (e.kind == EventKind::kCallMade) j["voicemail"] = e.voicemail;
  if (e.meeting_at) j["meeting_at"] = FormatIso(*e.meeting_at);
  Put(j, "meeting_tz", e.meeting_tz);
  Put(j, "meeting_minutes", e.meeting_minutes);
  PutEnum(j, "meeting_mode", e.meeting_mode);
  Put(j, "meeting_place", e.meeting_place);
  Put(j, "fit", e.fit);
  if (e.kind == EventKind::kPromiseMade || e.kind == EventKind::kPromiseKept) {
    j["theirs"] = e.theirs;
  }
  if (e.due) j["due"] = FormatIso(*e.due);
  Put(j, "promise_id", e.promise_id);
  return j;
}

json ObjectiveJson(const Objective& o) {
  json j = {{"id", o.id}, {"title", o.title}, {"kind", std::string(ToString(o.kind))}};
  Put(j, "target", o.target);
  Put(j, "notes", o.notes);
  j["created_at"] = FormatIso(o.created_at);
  return j;
}

json NoteJson(const Note& n) {
  json j = {{"id", n.id},
            {"body", n.body},
            {"created_at", FormatIso(n.created_at)},
            {"updated_at", FormatIso(n.updated_at)}};
  Put(j, "contact_id", n.contact_id);
  Put(j, "objective_id", n.objective_id);
  return j;
}

json AnswerJson(const Answer& a) {
  json j = {{"id", a.id},
            {"contact_id", a.contact_id},
            {"question_id", a.question_id},
            {"body", a.body},
            {"created_at", FormatIso(a.created_at)}};
  Put(j, "objective_id", a.objective_id);
  return j;
}

json OpenPromiseJson(const OpenPromise& p) {
  json j = EventJson(p.promise);
  j["contact"] = p.contact_name;
  return j;
}

json ActionJson(const Action& a) {
  const std::string kind(ToString(a.kind));
  json j = {{"kind", kind}, {"action", kind}, {"due", FormatIso(a.due)}, {"reason", a.reason}};
  if (a.contact_id != 0) j["contact_id"] = a.contact_id;
  Put(j, "about_id", a.about_id);
  Put(j, "objective_id", a.objective_id);
  Put(j, "promise_id", a.promise_id);
  if (a.until) j["until"] = FormatIso(*a.until);
  if (auto e = EventThatDoes(a.kind)) j["done_by"] = std::string(ToString(*e));
  return j;
}

json AgendaItemJson(const AgendaItem& item) {
  json j = ActionJson(item.action);
  j["overdue"] = item.overdue;
  if (!item.contact_name.empty()) j["contact"] = item.contact_name;
  if (!item.about_name.empty()) j["about"] = item.about_name;
  if (!item.objective_title.empty()) j["objective"] = item.objective_title;
  return j;
}

namespace {
json RatesJson(const std::vector<Stats::Rate>& rates) {
  json arr = json::array();
  for (const auto& x : rates) {
    arr.push_back({{"key", x.key},
                   {"asked", x.asked},
                   {"answered", x.answered},
                   {"yes", x.yes},
                   {"response_rate", x.asked ? double(x.answered) / x.asked : 0.0}});
  }
  return arr;
}

// The store marks matched words with \x02 and \x03.
json SnippetJson(const std::string& s) {
  std::string text;
  json marks = json::array();
  size_t start = 0;
  for (char c : s) {
    if (c == '\x02') {
      start = text.size();
    } else if (c == '\x03') {
      marks.push_back({start, text.size()});
    } else {
      text += c;
    }
  }
  return {{"text", text}, {"highlights", marks}};
}
}  // namespace

json StatsJson(const Stats& s) {
  json weeks = json::array();
  for (const auto& w : s.weeks) {
    weeks.push_back({{"week_start", FormatIso(w.start)}, {"meetings", w.meetings}});
  }
  json objectives = json::array();
  for (const auto& p : s.objectives) {
    objectives.push_back({{"id", p.objective.id},
                          {"title", p.objective.title},
                          {"conversations", p.conversations},
                          {"target", p.target},
                          {"verdict", p.verdict}});
  }
  return {{"weekly_goal", s.weekly_goal},
          {"weeks", std::move(weeks)},
          {"by_degree", RatesJson(s.by_degree)},
          {"by_source", RatesJson(s.by_source)},
          {"by_template", RatesJson(s.by_template)},
          {"objectives", std::move(objectives)}};
}

json SearchHitJson(const SearchResult& x) {
  json j = {{"kind", x.hit.kind},   {"id", x.hit.source_id},
            {"context", x.context}, {"snippet", SnippetJson(x.hit.snippet)},
            {"rank", x.hit.rank},   {"at", FormatIso(x.at)}};
  if (x.hit.contact_id) {
    j["contact_id"] = *x.hit.contact_id;
    j["contact"] = x.contact_name;
  }
  return j;
}

json SearchResultsJson(const SearchResults& r) {
  json results = json::array();
  for (const auto& x : r.results) results.push_back(SearchHitJson(x));
  json people = json::array();
  for (const auto& p : r.people) {
    json j = ContactJson(p.contact);
    j["name_matched"] = SnippetJson(p.marked_name);
    people.push_back(std::move(j));
  }
  json organizations = json::array();
  for (const auto& o : r.organizations) {
    json j = OrganizationJson(o.organization);
    j["name_matched"] = SnippetJson(o.marked_name);
    j["people_count"] = o.people_count;
    json there = json::array();
    for (const auto& c : o.people) there.push_back({{"id", c.id}, {"name", c.name}});
    j["people"] = std::move(there);
    organizations.push_back(std::move(j));
  }
  return {{"people", std::move(people)},
          {"more_people", r.more_people},
          {"organizations", std::move(organizations)},
          {"more_organizations", r.more_organizations},
          {"results", std::move(results)},
          {"windowed", r.windowed}};
}

json PrepJson(const PrepBrief& b, int default_minutes) {
  json j = {{"contact", ContactJson(b.contact)}, {"user_zone", b.user_zone}};
  if (b.objective) j["objective"] = ObjectiveJson(*b.objective);
  int minutes = default_minutes;
  if (b.meeting) {
    j["meeting"] = EventJson(*b.meeting);
    if (b.meeting->meeting_minutes) minutes = *b.meeting->meeting_minutes;
  }
  j["minutes"] = minutes;
  Put(j, "contact_zone", b.contact_zone);
  json qs = json::array();
  for (const auto& q : b.plan.questions) {
    json x = {{"text", q.text},
              {"category", std::string(ToString(q.category))},
              {"referral", q.referral},
              {"answered", q.answered}};
    if (q.question_id) x["id"] = q.question_id;
    qs.push_back(std::move(x));
  }
  j["questions"] = std::move(qs);
  Put(j, "shortfall", b.plan.shortfall);
  if (b.request) j["request"] = EventJson(*b.request);
  if (b.introducer) j["introducer"] = ContactJson(*b.introducer);
  j["notes"] = json::array();
  for (const auto& n : b.notes) j["notes"].push_back(NoteJson(n));
  j["logged_notes"] = json::array();
  for (const auto& e : b.logged_notes) j["logged_notes"].push_back(EventJson(e));
  j["earlier_answers"] = json::array();
  for (const auto& a : b.earlier_answers) {
    json x = AnswerJson(a);
    for (const auto& q : b.earlier_questions) {
      if (q.id == a.question_id) x["question"] = q.text;
    }
    j["earlier_answers"].push_back(std::move(x));
  }
  j["promises_mine"] = json::array();
  for (const auto& p : b.promises_mine) j["promises_mine"].push_back(OpenPromiseJson(p));
  j["promises_theirs"] = json::array();
  for (const auto& p : b.promises_theirs) j["promises_theirs"].push_back(OpenPromiseJson(p));
  j["reminders"] = b.reminders;
  return j;
}

const char* ErrorKindName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAmbiguous: return "ambiguous";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kStorage: return "storage";
    case ErrorCode::kSchemaTooNew: return "schema_too_new";
    case ErrorCode::kIo: return "io";
  }
  return "storage";
}

json ErrorJson(std::string_view kind, const std::string& message, const std::string& field) {
  json error = {{"kind", std::string(kind)}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return {{"error", std::move(error)}};
}

}  // namespace rapport::present
