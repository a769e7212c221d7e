// The JSON backup: every record of a workspace, versioned, and restore into
// an empty database. Deterministic output (sorted keys, rows by id, no
// export timestamp) so export -> restore -> export is byte-identical.
#include <nlohmann/json.hpp>

#include "rapport/app/app.h"
#include "rapport/store/store.h"

namespace rapport {

namespace {

using nlohmann::json;

// Version 2 added questions, notes, answers and a meeting's fit; version 1
// backups still restore.
// 3: contacts carry other_emails, other_phones and the labels; events the
// template a message was drafted from.
constexpr int kBackupVersion = 3;

template <class T>
void Put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
template <class E>
void PutEnum(json& j, const char* key, const std::optional<E>& v) {
  if (v) j[key] = std::string(ToString(*v));
}
void PutTime(json& j, const char* key, const std::optional<Instant>& t) {
  if (t) j[key] = FormatIso(*t);
}

// Reads fields of one backup object, remembering the first problem with its
// path ("contacts[3].email: expected text").
class Reader {
 public:
  Reader(const json& j, std::string path) : j_(j), path_(std::move(path)) {}
  void Bind(std::optional<std::string>* problem) { problem_ = problem; }

  std::optional<std::string> Text(const char* key, bool required = false) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required) Fail(key, "is missing");
      return std::nullopt;
    }
    if (!it->is_string()) {
      Fail(key, "must be text");
      return std::nullopt;
    }
    return it->get<std::string>();
  }
  std::optional<std::int64_t> Int(const char* key, bool required = false) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required) Fail(key, "is missing");
      return std::nullopt;
    }
    if (!it->is_number_integer()) {
      Fail(key, "must be a whole number");
      return std::nullopt;
    }
    return it->get<std::int64_t>();
  }
  bool Bool(const char* key) {
    auto it = j_.find(key);
    if (it == j_.end()) return false;
    if (!it->is_boolean()) {
      Fail(key, "must be true or false");
      return false;
    }
    return it->get<bool>();
  }
  std::optional<Instant> Time(const char* key, bool required = false) {
    auto t = Text(key, required);
    if (!t) return std::nullopt;
    auto parsed = ParseTime(*t, "UTC");
    if (!parsed) {
      Fail(key, "is not a time (" + parsed.error().message() + ")");
      return std::nullopt;
    }
    return *parsed;
  }
  template <class E, class ParseFn>
  std::optional<E> Enum(const char* key, ParseFn parse, bool required = false) {
    auto t = Text(key, required);
    if (!t) return std::nullopt;
    auto v = parse(*t);
    if (!v) Fail(key, "has an unknown value '" + *t + "'");
    return v;
  }
  std::vector<std::string> Strings(const char* key) {
    std::vector<std::string> out;
    auto it = j_.find(key);
    if (it == j_.end()) return out;
    if (!it->is_array()) {
      Fail(key, "must be a list");
      return out;
    }
    for (const auto& v : *it) {
      if (!v.is_string()) {
        Fail(key, "must be a list of text");
        return {};
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  // [{"value": "...", "label": "..."}, ...]
  std::vector<ContactPoint> Points(const char* key) {
    std::vector<ContactPoint> out;
    auto it = j_.find(key);
    if (it == j_.end()) return out;
    auto bad = [&] {
      Fail(key, "must be a list of {\"value\": text, \"label\": text}");
      return std::vector<ContactPoint>{};
    };
    if (!it->is_array()) return bad();
    for (const auto& v : *it) {
      if (!v.is_object()) return bad();
      auto value = v.find("value");
      auto label = v.find("label");
      if (value == v.end() || !value->is_string() || value->get<std::string>().empty()) return bad();
      if (label != v.end() && !label->is_string()) return bad();
      out.push_back({value->get<std::string>(), label == v.end() ? "" : label->get<std::string>()});
    }
    return out;
  }

 private:
  void Fail(const char* key, const std::string& what) {
    if (problem_ && !*problem_) *problem_ = path_ + "." + key + " " + what;
  }
  const json& j_;
  std::string path_;
  std::optional<std::string>* problem_ = nullptr;
};

}  // namespace

Result<std::string> DataInOut::Backup() {
  RAPPORT_ASSIGN_OR_RETURN(auto orgs, store_.ListOrganizations());
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts());
  RAPPORT_ASSIGN_OR_RETURN(auto objectives, store_.ListObjectives());
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListAllEvents());
  RAPPORT_ASSIGN_OR_RETURN(auto questions, store_.ListQuestions());
  RAPPORT_ASSIGN_OR_RETURN(auto notes, store_.ListNotes(std::nullopt, std::nullopt));
  RAPPORT_ASSIGN_OR_RETURN(auto answers, store_.ListAnswers(std::nullopt, std::nullopt));
  RAPPORT_ASSIGN_OR_RETURN(bool seeded, store_.QuestionsSeeded());
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(orgs.begin(), orgs.end(), by_id);
  std::sort(contacts.begin(), contacts.end(), by_id);
  std::sort(objectives.begin(), objectives.end(), by_id);
  std::sort(events.begin(), events.end(), by_id);
  std::sort(notes.begin(), notes.end(), by_id);
  std::sort(answers.begin(), answers.end(), by_id);

  json doc = {{"format", "rapport-backup"}, {"version", kBackupVersion}};
  json jo = json::array();
  for (const auto& o : orgs) {
    json j = {{"id", o.id}, {"name", o.name}, {"created_at", FormatIso(o.created_at)}};
    Put(j, "industry", o.industry);
    PutEnum(j, "size", o.size);
    Put(j, "location", o.location);
    Put(j, "website", o.website);
    jo.push_back(std::move(j));
  }
  json jc = json::array();
  for (const auto& c : contacts) {
    json j = {{"id", c.id},
              {"name", c.name},
              {"tags", c.tags},
              {"created_at", FormatIso(c.created_at)},
              {"updated_at", FormatIso(c.updated_at)}};
    Put(j, "org_id", c.org_id);
    Put(j, "title", c.title);
    Put(j, "email", c.email);
    Put(j, "phone", c.phone);
    if (!c.email_label.empty()) j["email_label"] = c.email_label;
    if (!c.phone_label.empty()) j["phone_label"] = c.phone_label;
    auto points = [](const std::vector<ContactPoint>& v) {
      json a = json::array();
      for (const auto& p : v) {
        json x = {{"value", p.value}};
        if (!p.label.empty()) x["label"] = p.label;
        a.push_back(std::move(x));
      }
      return a;
    };
    if (!c.other_emails.empty()) j["other_emails"] = points(c.other_emails);
    if (!c.other_phones.empty()) j["other_phones"] = points(c.other_phones);
    Put(j, "linkedin", c.linkedin);
    Put(j, "location", c.location);
    Put(j, "tz", c.tz);
    PutEnum(j, "source", c.source);
    PutEnum(j, "degree", c.degree);
    Put(j, "introducer_id", c.introducer_id);
    PutTime(j, "connected_at", c.connected_at);
    Put(j, "note", c.note);
    jc.push_back(std::move(j));
  }
  json jobj = json::array();
  for (const auto& o : objectives) {
    json j = {{"id", o.id},
              {"title", o.title},
              {"kind", std::string(ToString(o.kind))},
              {"created_at", FormatIso(o.created_at)}};
    Put(j, "target", o.target);
    Put(j, "notes", o.notes);
    jobj.push_back(std::move(j));
  }
  json je = json::array();
  for (const auto& e : events) {
    json j = {{"id", e.id},
              {"contact_id", e.contact_id},
              {"kind", std::string(ToString(e.kind))},
              {"at", FormatIso(e.at)}};
    Put(j, "objective_id", e.objective_id);
    PutEnum(j, "channel", e.channel);
    Put(j, "body", e.body);
    Put(j, "via_id", e.via_id);
    if (e.voicemail) j["voicemail"] = true;
    PutTime(j, "meeting_at", e.meeting_at);
    Put(j, "meeting_tz", e.meeting_tz);
    Put(j, "meeting_minutes", e.meeting_minutes);
    PutEnum(j, "meeting_mode", e.meeting_mode);
    Put(j, "meeting_place", e.meeting_place);
    Put(j, "template", e.template_name);
    if (e.theirs) j["theirs"] = true;
    PutTime(j, "due", e.due);
    Put(j, "promise_id", e.promise_id);
    Put(j, "fit", e.fit);
    je.push_back(std::move(j));
  }
  json jq = json::array();
  for (const auto& q : questions) {
    json j = {{"id", q.id},
              {"text", q.text},
              {"category", std::string(ToString(q.category))},
              {"created_at", FormatIso(q.created_at)}};
    Put(j, "objective_id", q.objective_id);
    if (q.referral) j["referral"] = true;
    jq.push_back(std::move(j));
  }
  json jn = json::array();
  for (const auto& n : notes) {
    json j = {{"id", n.id},
              {"body", n.body},
              {"created_at", FormatIso(n.created_at)},
              {"updated_at", FormatIso(n.updated_at)}};
    Put(j, "contact_id", n.contact_id);
    Put(j, "objective_id", n.objective_id);
    jn.push_back(std::move(j));
  }
  json ja = json::array();
  for (const auto& a : answers) {
    json j = {{"id", a.id},
              {"contact_id", a.contact_id},
              {"question_id", a.question_id},
              {"body", a.body},
              {"created_at", FormatIso(a.created_at)}};
    Put(j, "objective_id", a.objective_id);
    ja.push_back(std::move(j));
  }
  doc["organizations"] = std::move(jo);
  doc["contacts"] = std::move(jc);
  doc["objectives"] = std::move(jobj);
  doc["events"] = std::move(je);
  doc["questions_seeded"] = seeded;
  doc["questions"] = std::move(jq);
  doc["notes"] = std::move(jn);
  doc["answers"] = std::move(ja);
  // Text that is not valid UTF-8 (from an old import, say) is written with
  // U+FFFD rather than failing the whole backup.
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<RestoreReport> DataInOut::Restore(std::string_view text) {
  // Exceptions never leave the core: any JSON type surprise not checked
  // below becomes a one-line error.
  try {
    return RestoreJson(text);
  } catch (const nlohmann::json::exception& e) {
    return Error::InvalidArgument(std::string("backup: unexpected content (") + e.what() + ")");
  }
}

Result<RestoreReport> DataInOut::RestoreJson(std::string_view text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    return Error::InvalidArgument("this is not a Rapport backup: not valid JSON (byte " +
                                  std::to_string(e.byte) + ")");
  }
  // Checked type by type: nlohmann's value()/get() throw on a wrong type,
  // and the fuzzer found {"format": []} crashing here.
  auto format = doc.is_object() ? doc.find("format") : doc.end();
  if (!doc.is_object() || format == doc.end() || !format->is_string() ||
      format->get<std::string>() != "rapport-backup") {
    return Error::InvalidArgument(
        "this is not a Rapport backup (no \"format\": \"rapport-backup\"); make one with "
        "Rapport's JSON export");
  }
  if (!doc["version"].is_number_integer() || doc["version"].get<int>() > kBackupVersion) {
    return Error::InvalidArgument("this backup was written by a newer Rapport (format version " +
                                  doc["version"].dump() + "); upgrade rapport to restore it");
  }
  for (const char* key :
       {"organizations", "contacts", "objectives", "events", "questions", "notes", "answers"}) {
    if (doc.contains(key) && !doc[key].is_array()) {
      return Error::InvalidArgument(std::string("backup: ") + key + " must be a list");
    }
  }
  std::optional<std::string> problem;
  auto list = [&](const char* key) -> const json& {
    static const json kEmpty = json::array();
    return doc.contains(key) ? doc[key] : kEmpty;
  };
  auto item = [&](const char* key, size_t i) {
    Reader r(list(key)[i], std::string(key) + "[" + std::to_string(i) + "]");
    r.Bind(&problem);
    return r;
  };
  std::vector<Organization> orgs;
  std::vector<Contact> contacts;
  std::vector<Objective> objectives;
  std::vector<Event> events;
  std::vector<Question> questions;
  std::vector<Note> notes;
  std::vector<Answer> answers;
  for (size_t i = 0; i < list("organizations").size(); ++i) {
    auto r = item("organizations", i);
    Organization o;
    o.id = r.Int("id", true).value_or(0);
    o.name = r.Text("name", true).value_or("");
    o.industry = r.Text("industry");
    o.size = r.Enum<OrgSize>("size", ParseOrgSize);
    o.location = r.Text("location");
    o.website = r.Text("website");
    o.created_at = r.Time("created_at", true).value_or(Instant{});
    orgs.push_back(std::move(o));
  }
  for (size_t i = 0; i < list("contacts").size(); ++i) {
    auto r = item("contacts", i);
    Contact c;
    c.id = r.Int("id", true).value_or(0);
    c.name = r.Text("name", true).value_or("");
    c.org_id = r.Int("org_id");
    c.title = r.Text("title");
    c.email = r.Text("email");
    c.phone = r.Text("phone");
    c.email_label = r.Text("email_label").value_or("");
    c.phone_label = r.Text("phone_label").value_or("");
    c.other_emails = r.Points("other_emails");
    c.other_phones = r.Points("other_phones");
    c.linkedin = r.Text("linkedin");
    c.location = r.Text("location");
    c.tz = r.Text("tz");
    c.source = r.Enum<Source>("source", ParseSource);
    c.degree = r.Enum<Degree>("degree", ParseDegree);
    c.introducer_id = r.Int("introducer_id");
    c.connected_at = r.Time("connected_at");
    c.note = r.Text("note");
    c.tags = r.Strings("tags");
    c.created_at = r.Time("created_at", true).value_or(Instant{});
    c.updated_at = r.Time("updated_at", true).value_or(Instant{});
    contacts.push_back(std::move(c));
  }
  for (size_t i = 0; i < list("objectives").size(); ++i) {
    auto r = item("objectives", i);
    Objective o;
    o.id = r.Int("id", true).value_or(0);
    o.title = r.Text("title", true).value_or("");
    o.kind = r.Enum<ObjectiveKind>("kind", ParseObjectiveKind, true).value_or(ObjectiveKind::kIndustry);
    if (auto t = r.Int("target")) o.target = static_cast<int>(*t);
    o.notes = r.Text("notes");
    o.created_at = r.Time("created_at", true).value_or(Instant{});
    objectives.push_back(std::move(o));
  }
  for (size_t i = 0; i < list("events").size(); ++i) {
    auto r = item("events", i);
    Event e;
    e.id = r.Int("id", true).value_or(0);
    e.contact_id = r.Int("contact_id", true).value_or(0);
    e.objective_id = r.Int("objective_id");
    e.kind = r.Enum<EventKind>("kind", ParseEventKind, true).value_or(EventKind::kTouch);
    e.at = r.Time("at", true).value_or(Instant{});
    e.channel = r.Enum<Channel>("channel", ParseChannel);
    e.body = r.Text("body");
    e.via_id = r.Int("via_id");
    e.voicemail = r.Bool("voicemail");
    e.meeting_at = r.Time("meeting_at");
    e.meeting_tz = r.Text("meeting_tz");
    if (auto m = r.Int("meeting_minutes")) e.meeting_minutes = static_cast<int>(*m);
    e.meeting_mode = r.Enum<MeetingMode>("meeting_mode", ParseMeetingMode);
    e.meeting_place = r.Text("meeting_place");
    e.template_name = r.Text("template");
    e.theirs = r.Bool("theirs");
    e.due = r.Time("due");
    e.promise_id = r.Int("promise_id");
    if (auto f = r.Int("fit")) e.fit = static_cast<int>(*f);
    events.push_back(std::move(e));
  }
  for (size_t i = 0; i < list("questions").size(); ++i) {
    auto r = item("questions", i);
    Question q;
    q.id = r.Int("id", true).value_or(0);
    q.text = r.Text("text", true).value_or("");
    q.category = r.Enum<QuestionCategory>("category", ParseQuestionCategory, true)
                     .value_or(QuestionCategory::kOther);
    q.objective_id = r.Int("objective_id");
    q.referral = r.Bool("referral");
    q.created_at = r.Time("created_at", true).value_or(Instant{});
    questions.push_back(std::move(q));
  }
  for (size_t i = 0; i < list("notes").size(); ++i) {
    auto r = item("notes", i);
    Note n;
    n.id = r.Int("id", true).value_or(0);
    n.contact_id = r.Int("contact_id");
    n.objective_id = r.Int("objective_id");
    n.body = r.Text("body", true).value_or("");
    n.created_at = r.Time("created_at", true).value_or(Instant{});
    n.updated_at = r.Time("updated_at", true).value_or(Instant{});
    notes.push_back(std::move(n));
  }
  for (size_t i = 0; i < list("answers").size(); ++i) {
    auto r = item("answers", i);
    Answer a;
    a.id = r.Int("id", true).value_or(0);
    a.contact_id = r.Int("contact_id", true).value_or(0);
    a.question_id = r.Int("question_id", true).value_or(0);
    a.objective_id = r.Int("objective_id");
    a.body = r.Text("body", true).value_or("");
    a.created_at = r.Time("created_at", true).value_or(Instant{});
    answers.push_back(std::move(a));
  }
  bool seeded = false;
  if (doc.contains("questions_seeded")) {
    if (!doc["questions_seeded"].is_boolean()) {
      return Error::InvalidArgument("backup: questions_seeded must be true or false");
    }
    seeded = doc["questions_seeded"].get<bool>();
  }
  if (problem) return Error::InvalidArgument("backup: " + *problem);

  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(bool empty, store_.IsEmpty());
  if (!empty) {
    return Error::Conflict("db", "the database " + db_.Location() +
                                     " already holds records; restore into a new, empty one");
  }
  auto located = [](const Error& e, const char* what, Id id) {
    return Error(e.code(), std::string(what) + " " + std::to_string(id) + ": " + e.message());
  };
  for (const auto& o : orgs) {
    if (auto s = store_.RestoreOrganization(o); !s) return located(s.error(), "organization", o.id);
  }
  // Introducers may come later in the list: insert people first, then link.
  for (auto c : contacts) {
    c.introducer_id.reset();
    if (auto s = store_.RestoreContact(c); !s) return located(s.error(), "contact", c.id);
  }
  for (const auto& c : contacts) {
    if (c.introducer_id) {
      if (auto s = store_.SetIntroducer(c.id, *c.introducer_id); !s) {
        return located(s.error(), "contact", c.id);
      }
    }
  }
  for (const auto& o : objectives) {
    if (auto s = store_.RestoreObjective(o); !s) return located(s.error(), "objective", o.id);
  }
  for (const auto& e : events) {
    if (auto s = store_.RestoreEvent(e); !s) return located(s.error(), "event", e.id);
  }
  // The backup's bank replaces the one here (at most the starter bank,
  // since the database is otherwise empty).
  if (seeded || !questions.empty()) {
    RAPPORT_RETURN_IF_ERROR(store_.ClearQuestions());
    for (const auto& q : questions) {
      if (auto s = store_.RestoreQuestion(q); !s) return located(s.error(), "question", q.id);
    }
    if (seeded) RAPPORT_RETURN_IF_ERROR(store_.MarkQuestionsSeeded());
  }
  for (const auto& n : notes) {
    if (auto s = store_.RestoreNote(n); !s) return located(s.error(), "note", n.id);
  }
  for (const auto& a : answers) {
    if (auto s = store_.RestoreAnswer(a); !s) return located(s.error(), "answer", a.id);
  }
  // The rows kept their ids: new ones continue after them.
  RAPPORT_RETURN_IF_ERROR(db_.SyncIds());
  RAPPORT_ASSIGN_OR_RETURN(int replanned, ReplanAll());
  (void)replanned;
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  RestoreReport report;
  report.organizations = static_cast<int>(orgs.size());
  report.contacts = static_cast<int>(contacts.size());
  report.objectives = static_cast<int>(objectives.size());
  report.events = static_cast<int>(events.size());
  report.questions = static_cast<int>(questions.size());
  report.notes = static_cast<int>(notes.size());
  report.answers = static_cast<int>(answers.size());
  return report;
}

Result<RestoreReport> DataInOut::CopyTo(DataInOut& target) {
  // Through the backup's shape: one reader and writer of every record,
  // already held to all or nothing, ids and timestamps kept.
  RAPPORT_ASSIGN_OR_RETURN(auto here, store_.CountRows());
  RAPPORT_ASSIGN_OR_RETURN(auto json_text, Backup());
  RAPPORT_ASSIGN_OR_RETURN(auto report, target.Restore(json_text));
  RAPPORT_ASSIGN_OR_RETURN(auto there, target.store_.CountRows());
  if (!(here == there)) {
    auto diff = [](const char* what, std::int64_t a, std::int64_t b) {
      return a == b ? std::string() : "; " + std::to_string(a) + " " + what + " here, " +
                                          std::to_string(b) + " there";
    };
    return Error::Storage(
        "the copy in " + target.db_.Location() + " does not match" +
        diff("organizations", here.organizations, there.organizations) +
        diff("people", here.contacts, there.contacts) + diff("tags", here.tags, there.tags) +
        diff("objectives", here.objectives, there.objectives) +
        diff("events", here.events, there.events) +
        diff("questions", here.questions, there.questions) +
        diff("notes", here.notes, there.notes) + diff("answers", here.answers, there.answers));
  }
  return report;
}

}  // namespace rapport
