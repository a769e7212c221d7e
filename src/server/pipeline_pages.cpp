// The Pipeline board and the Import page, and the pipeline's JSON API.
// Handlers parse, call App under the state's mutex, and render: what a
// move means is playbook/move.h (DecideMove) and Pipeline::MoveCard; how a file
// is read and merged is DataInOut::Import.
//
// Import keeps the uploaded file on the server between the preview and the
// confirmation: the confirm form carries only a random token, so the file
// never goes back through the browser. At most kMaxUploads files (and
// kMaxUploadBytes) are kept, the oldest dropped first, each for kUploadLife.
#include <chrono>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "rapport/app/labels.h"
#include "rapport/model/time.h"
#include "server/internal.h"
#include "server/json_api.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using kainjow::mustache::list;
using nlohmann::json;

constexpr size_t kMaxUploads = 10;
constexpr size_t kMaxUploadBytes = 64 * 1024 * 1024;  // all of them together
constexpr auto kUploadLife = std::chrono::minutes(30);
constexpr size_t kMaxCardsPerColumn = 100;





// ---- the board ----------------------------------------------------------------

// A query value, percent-encoded (all but unreserved characters).
std::string Encode(const std::string& v) {
  static const char* hex = "0123456789ABCDEF";
  std::string o;
  for (unsigned char c : v) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      o += static_cast<char>(c);
    } else {
      o += '%';
      o += hex[c >> 4];
      o += hex[c & 15];
    }
  }
  return o;
}

struct BoardFilter {
  std::string objective, tag, org;  // as the form sent them; "" for all

  PipelineFilter ForApp() const {
    PipelineFilter f;
    if (!objective.empty()) f.objective = objective;
    if (!tag.empty()) f.tag = tag;
    if (!org.empty()) f.org = org;
    return f;
  }
  // "/pipeline" with the filters that are set.
  std::string Url() const {
    std::string q;
    auto add = [&q](const char* k, const std::string& v) {
      if (v.empty()) return;
      q += (q.empty() ? "?" : "&") + std::string(k) + "=" + Encode(v);
    };
    add("objective", objective);
    add("tag", tag);
    add("org", org);
    return "/pipeline" + q;
  }
  void Set(data& d) const {
    d.set("f_objective", objective);
    d.set("f_tag", tag);
    d.set("f_org", org);
  }
};

BoardFilter FilterFromQuery(const Request& req) {
  return {QueryParam(req, "objective"), QueryParam(req, "tag"), QueryParam(req, "org")};
}

BoardFilter FilterFromForm(const Request& req) {
  return {Field(req, "objective").value_or(""), Field(req, "tag").value_or(""),
          Field(req, "org").value_or("")};
}

// The columns, in the order of the Stage enum (kNone is never on the board).
constexpr Stage kFirstColumn = Stage::kTargeted;
constexpr Stage kLastColumn = Stage::kDormant;

data Option(const std::string& value, const std::string& label, bool selected) {
  data o;
  o.set("value", value);
  o.set("label", label);
  if (selected) o.set("selected", true);
  return o;
}

void BoardPage(State& st, const Request& req, Response& res) {
  const std::string flash = TakeFlash(req, res);
  const BoardFilter filter = FilterFromQuery(req);
  data d;
  data columns = list{};
  int total = 0;
  {
    std::lock_guard lock(st.mu);
    auto entries = st.app.pipeline().Board(filter.ForApp());
    if (!entries) return SendErrorPage(st, res, entries.error());
    auto objectives = st.app.records().ListObjectives();
    if (!objectives) return SendErrorPage(st, res, objectives.error());
    auto orgs = st.app.records().ListOrganizations();
    if (!orgs) return SendErrorPage(st, res, orgs.error());
    auto contacts = st.app.records().ListContacts(std::nullopt, std::nullopt);
    if (!contacts) return SendErrorPage(st, res, contacts.error());
    const Instant now = st.app.Now();

    std::map<Id, std::string> objective_titles;
    data objective_opts = list{};
    for (const auto& o : *objectives) {
      objective_titles[o.id] = o.title;
      objective_opts.push_back(Option(IdText(o.id), o.title, filter.objective == IdText(o.id)));
    }
    data org_opts = list{};
    for (const auto& o : *orgs) {
      org_opts.push_back(Option(IdText(o.id), o.name, filter.org == IdText(o.id)));
    }
    std::set<std::string> tags;
    for (const auto& c : *contacts) tags.insert(c.tags.begin(), c.tags.end());
    data tag_opts = list{};
    for (const auto& t : tags) tag_opts.push_back(Option(t, t, filter.tag == t));
    d.set("objectives", objective_opts);
    d.set("orgs", org_opts);
    d.set("tags", tag_opts);

    for (int s = static_cast<int>(kFirstColumn); s <= static_cast<int>(kLastColumn); ++s) {
      const Stage stage = static_cast<Stage>(s);
      data cards = list{};
      size_t count = 0;
      for (const auto& e : *entries) {
        if (e.stage != stage) continue;
        if (++count > kMaxCardsPerColumn) continue;
        data c;
        c.set("id", IdText(e.contact.id));
        c.set("name", e.contact.name);
        if (!e.contact.org_name.empty()) c.set("org", e.contact.org_name);
        if (e.objective_id) {
          auto t = objective_titles.find(*e.objective_id);
          if (t != objective_titles.end()) c.set("objective", t->second);
        }
        if (e.next_due) {
          c.set("due", FormatFriendly(*e.next_due, st.zone, now));
          if (e.next_late && *e.next_late < now) c.set("overdue", true);
        }
        // Every other column but dormant (time moves people there); the
        // next one is chosen, as the likeliest move.
        data targets = list{};
        for (int t = static_cast<int>(kFirstColumn); t < static_cast<int>(kLastColumn); ++t) {
          if (t == s) continue;
          targets.push_back(Option(std::string(ToString(static_cast<Stage>(t))),
                                   std::string(Label(static_cast<Stage>(t))), t == s + 1));
        }
        c.set("targets", targets);
        cards.push_back(c);
      }
      total += static_cast<int>(count);
      data col;
      col.set("stage", std::string(ToString(stage)));
      col.set("label", std::string(Label(stage)));
      col.set("count", std::to_string(count));
      col.set("cards", cards);
      if (count == 0) col.set("empty", true);
      if (count > kMaxCardsPerColumn) {
        col.set("more", std::to_string(count - kMaxCardsPerColumn));
      }
      columns.push_back(col);
    }
  }
  d.set("columns", columns);
  d.set("count", std::to_string(total));
  if (total == 0) d.set("nobody", true);
  if (!filter.objective.empty() || !filter.tag.empty() || !filter.org.empty()) {
    d.set("filtered", true);
  }
  filter.Set(d);
  d.set("csrf", st.csrf);
  res.set_content(RenderPage(st, "Pipeline", "pipeline", Render("pipeline", d), flash), kHtml);
}

// POST /pipeline/move: contact, to, confirm, meeting_at, and the board's
// filters to return to. A move that needs an answer gets the confirmation
// page (409); pipeline.js shows that page's form in a dialog.
void MovePage(State& st, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const BoardFilter filter = FilterFromForm(req);
  MoveInput in;
  in.contact = Field(req, "contact").value_or("");
  in.to_stage = Field(req, "to").value_or("");
  in.meeting_at = Field(req, "meeting_at");
  in.confirmed = Field(req, "confirm").value_or("") == "1";
  Result<MoveOutcome> r = Error::InvalidArgument("choose where to move them");
  if (!in.contact.empty() && !in.to_stage.empty()) {
    std::lock_guard lock(st.mu);
    r = st.app.pipeline().MoveCard(in);
  }
  if (!r) return Redirect(res, filter.Url(), "Not moved: " + PublicMessage(r.error()));
  if (r->needs_confirmation || r->needs_meeting_time) {
    data d;
    d.set("id", IdText(r->contact.id));
    d.set("name", r->contact.name);
    d.set("to", std::string(ToString(r->to)));
    d.set("to_label", std::string(Label(r->to)));
    d.set("question", r->decision.verdict == MoveVerdict::kConfirm
                          ? r->decision.question
                          : "When is the meeting with " + r->contact.name + "?");
    if (r->decision.verdict == MoveVerdict::kConfirm) d.set("confirm", true);
    if (r->decision.needs_meeting_time) d.set("needs_time", true);
    d.set("meeting_at", in.meeting_at.value_or(""));
    d.set("back", filter.Url());
    filter.Set(d);
    d.set("csrf", st.csrf);
    res.status = 409;
    res.set_content(RenderPage(st, "Move " + r->contact.name, "pipeline",
                               Render("pipeline_confirm", d), ""),
                    kHtml);
    return;
  }
  std::string flash = "Moved " + r->contact.name + " to " + std::string(Label(r->stage)) +
                      ": logged " + std::string(Label(r->event->kind)) + ".";
  if (r->stage != r->to) {
    flash = "Logged " + std::string(Label(r->event->kind)) + " for " + r->contact.name +
            "; they are in " + std::string(Label(r->stage)) + ".";
  }
  // Undo takes the event back (POST /undo, pages.cpp), and the card with it.
  SetFlashWithUndo(res, flash, r->event->id, filter.Url());
  Redirect(res, filter.Url(), "");
}

// ---- import --------------------------------------------------------------------

struct Upload {
  std::string data;
  ImportFormat format = ImportFormat::kLinkedIn;
  std::vector<std::string> tags;
  std::string filename;
  std::chrono::steady_clock::time_point at;
};

// The files waiting for their confirmation, newest last.
class Uploads {
 public:
  std::string Put(Upload u) {
    std::lock_guard lock(mu_);
    Expire();
    size_t bytes = u.data.size();
    for (const auto& item : items_) bytes += item.second.data.size();
    while (!items_.empty() && (items_.size() >= kMaxUploads || bytes > kMaxUploadBytes)) {
      bytes -= items_.front().second.data.size();
      items_.pop_front();
    }
    std::string token = RandomToken();
    u.at = std::chrono::steady_clock::now();
    items_.emplace_back(token, std::move(u));
    return token;
  }
  // Removes and returns the upload of `token`.
  std::optional<Upload> Take(const std::string& token) {
    std::lock_guard lock(mu_);
    Expire();
    for (auto it = items_.begin(); it != items_.end(); ++it) {
      if (it->first == token) {
        Upload u = std::move(it->second);
        items_.erase(it);
        return u;
      }
    }
    return std::nullopt;
  }

 private:
  void Expire() {
    const auto now = std::chrono::steady_clock::now();
    while (!items_.empty() && now - items_.front().second.at > kUploadLife) items_.pop_front();
  }
  std::mutex mu_;
  std::deque<std::pair<std::string, Upload>> items_;
};

data FormatOptions(const std::string& chosen) {
  data opts = list{};
  opts.push_back(Option("auto", "Find out from the file", chosen.empty() || chosen == "auto"));
  opts.push_back(Option("linkedin", "LinkedIn (Connections.csv)", chosen == "linkedin"));
  opts.push_back(Option("vcard", "vCard (.vcf)", chosen == "vcard"));
  opts.push_back(Option("google", "Google Contacts (.csv)", chosen == "google"));
  return opts;
}

void ImportForm(State& st, const Request& req, Response& res, const std::string& error,
                const std::string& format, const std::string& tags) {
  const std::string flash = TakeFlash(req, res);
  data d;
  d.set("csrf", st.csrf);
  d.set("formats", FormatOptions(format));
  d.set("tags", tags);
  if (!error.empty()) d.set("error", error);
  res.set_content(RenderPage(st, "Import", "import", Render("import", d), flash), kHtml);
}

std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string t = text.substr(start, comma - start);
    size_t b = t.find_first_not_of(" \t");
    if (b != std::string::npos) out.push_back(t.substr(b, t.find_last_not_of(" \t") - b + 1));
    start = comma + 1;
  }
  return out;
}

data Rows(const std::vector<ImportRow>& rows) {
  data out = list{};
  for (const auto& r : rows) {
    data x;
    x.set("line", std::to_string(r.line));
    x.set("reason", r.reason);
    out.push_back(x);
  }
  return out;
}

std::string People(int n) { return std::to_string(n) + (n == 1 ? " person" : " people"); }

void ImportPreview(State& st, Uploads& uploads, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  const std::string format_name = Field(req, "format").value_or("auto");
  const std::string tag_text = Field(req, "tags").value_or("");
  auto fail = [&](const std::string& message, int status) {
    ImportForm(st, req, res, message, format_name, tag_text);
    res.status = status;
  };
  auto found = req.files.find("file");  // not get_file_value: that copies the file
  if (found == req.files.end() || found->second.content.empty()) {
    return fail("Choose the file to import.", 400);
  }
  const httplib::MultipartFormData& file = found->second;
  std::optional<ImportFormat> format =
      format_name == "auto" ? DetectImportFormat(file.content) : ParseImportFormat(format_name);
  if (!format) {
    return fail(format_name == "auto"
                    ? "This file does not look like a LinkedIn, vCard or Google Contacts export; "
                      "choose its format."
                    : "Choose LinkedIn, vCard or Google Contacts.",
                400);
  }
  ImportOptions options;
  options.format = *format;
  options.dry_run = true;
  options.keep_going = true;
  options.tags = SplitTags(tag_text);
  Result<ImportReport> r = Error::InvalidArgument("");
  {
    std::lock_guard lock(st.mu);
    r = st.app.data().Import(file.content, options);
  }
  if (!r) return fail(PublicMessage(r.error()), StatusFor(r.error()));

  const int people = r->added + r->merged;
  data d;
  d.set("filename", file.filename.empty() ? std::string("the file") : file.filename);
  d.set("format", std::string(ToString(*format)));
  d.set("added", std::to_string(r->added));
  d.set("merged", std::to_string(r->merged));
  d.set("unchanged", std::to_string(r->unchanged));
  d.set("repeated", std::to_string(r->repeated.size()));
  d.set("skipped", std::to_string(r->skipped.size()));
  d.set("rejected", std::to_string(r->rejected.size()));
  d.set("organizations", std::to_string(r->organizations_added));
  data merges = list{};
  for (const auto& m : r->merges) {
    data x;
    x.set("line", std::to_string(m.line));
    x.set("id", IdText(m.contact_id));
    x.set("name", m.name);
    x.set("matched_by", m.matched_by);
    std::string filled;
    for (const auto& f : m.filled) filled += (filled.empty() ? "" : ", ") + f;
    if (!filled.empty()) x.set("filled", filled);
    data conflicts = list{};
    for (const auto& c : m.conflicts) conflicts.push_back(data(c));
    x.set("conflicts", conflicts);
    merges.push_back(x);
  }
  d.set("merges", merges);
  if (!r->merges.empty()) d.set("has_merges", true);
  // One line per reason: 47 date-only rows are one fact, not 47.
  data skipped = list{};
  for (const auto& g : GroupByReason(r->skipped)) {
    data x;
    x.set("count", std::to_string(g.lines.size()));
    x.set("rows", g.lines.size() == 1 ? std::string("row") : std::string("rows"));
    x.set("reason", g.reason);
    std::string lines;
    for (int l : g.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
    x.set("lines", lines);
    skipped.push_back(x);
  }
  d.set("skipped_groups", skipped);
  if (!r->skipped.empty()) d.set("has_skipped", true);
  data duplicates = list{};
  for (const auto& dup : r->possible_duplicates) {
    data x;
    x.set("line", std::to_string(dup.line));
    x.set("name", dup.name);
    x.set("existing_id", IdText(dup.existing_id));
    x.set("why", dup.why);
    duplicates.push_back(x);
  }
  d.set("duplicates", duplicates);
  if (!r->possible_duplicates.empty()) d.set("has_duplicates", true);
  d.set("rejected_rows", Rows(r->rejected));
  if (!r->rejected.empty()) d.set("has_rejected", true);
  if (!options.tags.empty()) {
    std::string tags;
    for (const auto& t : options.tags) tags += (tags.empty() ? "" : ", ") + t;
    d.set("tag_list", tags);
  }
  d.set("csrf", st.csrf);
  if (people > 0) {
    Upload u;
    u.data = file.content;
    u.format = *format;
    u.tags = options.tags;
    u.filename = file.filename;
    d.set("token", uploads.Put(std::move(u)));
    d.set("button", "Import " + People(people));
  } else {
    d.set("nothing", true);
  }
  res.set_content(RenderPage(st, "Import: preview", "import", Render("import_preview", d), ""),
                  kHtml);
}

void ImportConfirm(State& st, Uploads& uploads, const Request& req, Response& res) {
  if (!CheckCsrf(st, req, res)) return;
  auto upload = uploads.Take(Field(req, "token").value_or(""));
  if (!upload) {
    return Redirect(res, "/import", "That preview has expired; choose the file again.");
  }
  ImportOptions options;
  options.format = upload->format;
  options.keep_going = true;
  options.tags = upload->tags;
  Result<ImportReport> r = Error::InvalidArgument("");
  {
    std::lock_guard lock(st.mu);
    r = st.app.data().Import(upload->data, options);
  }
  if (!r) {
    ImportForm(st, req, res, PublicMessage(r.error()), std::string(ToString(upload->format)), "");
    res.status = StatusFor(r.error());
    return;
  }
  std::string flash = "Imported " + People(r->added + r->merged) + ": " +
                      std::to_string(r->added) + " new, " + std::to_string(r->merged) +
                      " merged.";
  if (!r->rejected.empty()) {
    flash += " " + std::to_string(r->rejected.size()) + " malformed rows were left out.";
  }
  // Someone who may be a second record of a person already here: the page
  // that merges them comes next.
  if (!r->possible_duplicates.empty()) {
    const ImportDuplicate& first = r->possible_duplicates.front();
    const size_t n = r->possible_duplicates.size();
    flash += " " + first.name + " may already be here (" + first.why +
             "): merge the two records below if they are one person, or keep them apart.";
    if (n > 1) {
      flash += " " + std::to_string(n - 1) + " more may be: see People.";
    }
    return Redirect(res,
                    "/people/" + IdText(first.existing_id) + "/merge?with=" + IdText(first.added_id),
                    flash);
  }
  Redirect(res, "/people", flash);
}

// ---- the API ---------------------------------------------------------------------

}  // namespace

void ApiGetPipeline(State& st, const Request& req, Response& res) {
  const BoardFilter filter = FilterFromQuery(req);
  json stages = json::array();
  {
    std::lock_guard lock(st.mu);
    auto entries = st.app.pipeline().Board(filter.ForApp());
    if (!entries) return SendJsonError(res, entries.error());
    for (int s = static_cast<int>(kFirstColumn); s <= static_cast<int>(kLastColumn); ++s) {
      const Stage stage = static_cast<Stage>(s);
      json people = json::array();
      for (const auto& e : *entries) {
        if (e.stage != stage) continue;
        json p = {{"id", e.contact.id}, {"name", e.contact.name}};
        if (e.contact.org_id) {
          p["org_id"] = *e.contact.org_id;
          p["org"] = e.contact.org_name;
        }
        p["tags"] = e.contact.tags;
        if (e.objective_id) p["objective_id"] = *e.objective_id;
        if (e.next_due) p["next_due"] = FormatIso(*e.next_due);
        people.push_back(std::move(p));
      }
      stages.push_back({{"stage", std::string(ToString(stage))},
                        {"label", std::string(Label(stage))},
                        {"people", std::move(people)}});
    }
  }
  SendJson(res, 200, {{"stages", std::move(stages)}});
}

void ApiMoveCard(State& st, const Request& req, Response& res) {
  auto parsed = ReadJsonObject(st, req, res);
  if (!parsed) return;
  const json& body = *parsed;
  MoveInput in;
  for (const auto& [key, value] : body.items()) {
    if (key == "contact") {
      if (value.is_number_integer()) {
        in.contact = std::to_string(value.get<std::int64_t>());
      } else if (value.is_string()) {
        in.contact = value.get<std::string>();
      } else {
        return SendJsonError(res, 400, "invalid_argument", "contact must be an id or a string");
      }
    } else if (key == "to_stage" || key == "at" || key == "meeting_at") {
      if (value.is_null()) continue;
      if (!value.is_string()) return SendJsonError(res, 400, "invalid_argument", key + " must be a string");
      if (key == "to_stage") in.to_stage = value.get<std::string>();
      if (key == "at") in.at = value.get<std::string>();
      if (key == "meeting_at") in.meeting_at = value.get<std::string>();
    } else if (key == "confirm") {
      if (!value.is_boolean()) return SendJsonError(res, 400, "invalid_argument", "confirm must be true or false");
      in.confirmed = value.get<bool>();
    } else {
      return SendJsonError(res, 400, "invalid_argument", "unknown field " + key);
    }
  }
  if (in.contact.empty()) return SendJsonError(res, 400, "invalid_argument", "contact is required");
  if (in.to_stage.empty()) return SendJsonError(res, 400, "invalid_argument", "to_stage is required");
  json out;
  {
    std::lock_guard lock(st.mu);
    auto r = st.app.pipeline().MoveCard(in);
    if (!r) return SendJsonError(res, r.error());
    if (r->needs_confirmation) {
      return SendJsonError(res, 409, "confirmation_needed",
                          r->decision.question + " Send again with \"confirm\": true.");
    }
    if (r->needs_meeting_time) {
      return SendJsonError(res, 400, "invalid_argument",
                          "meeting_at is required to move " + r->contact.name +
                              " to scheduled: when is the meeting?");
    }
    const Event& e = *r->event;
    json ev = {{"id", e.id}, {"kind", std::string(ToString(e.kind))}, {"at", FormatIso(e.at)}};
    if (e.objective_id) ev["objective_id"] = *e.objective_id;
    if (e.meeting_at) ev["meeting_at"] = FormatIso(*e.meeting_at);
    out = {{"contact", {{"id", r->contact.id}, {"name", r->contact.name}}},
           {"from_stage", std::string(ToString(r->from))},
           {"stage", std::string(ToString(r->stage))},
           {"event", std::move(ev)}};
  }
  SendJson(res, 200, out);
}

void RegisterPipelinePages(httplib::Server& svr, State& st) {
  auto uploads = std::make_shared<Uploads>();
  svr.Get("/pipeline", [&st](const Request& req, Response& res) { BoardPage(st, req, res); });
  svr.Post("/pipeline/move", [&st](const Request& req, Response& res) { MovePage(st, req, res); });
  svr.Get("/import", [&st](const Request& req, Response& res) {
    ImportForm(st, req, res, "", "auto", "");
  });
  svr.Post("/import/preview", [&st, uploads](const Request& req, Response& res) {
    ImportPreview(st, *uploads, req, res);
  });
  svr.Post("/import/confirm", [&st, uploads](const Request& req, Response& res) {
    ImportConfirm(st, *uploads, req, res);
  });
}

}  // namespace rapport::server
