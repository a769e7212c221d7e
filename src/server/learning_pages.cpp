// The pages about what is learned and how it goes: Search, Objectives (with
// one objective's insight), Progress. As in pages.cpp, handlers read the
// request, call App under the state's mutex and fill a template; every
// user string reaches the page through {{x}}, which escapes it. The charts
// are SVG drawn here from App's numbers: their geometry is computed in C++
// and their text goes through the template like any other string.
#include <algorithm>
#include <cstdio>

#include "rapport/app/labels.h"
#include "rapport/model/time.h"
#include "server/internal.h"

namespace rapport::server {

namespace {

using httplib::Request;
using httplib::Response;
using kainjow::mustache::list;

constexpr int kSearchLimit = 50;


// A number for an SVG attribute: at most one decimal.
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string Percent(int part, int whole) {
  return std::to_string(whole > 0 ? (100 * part) / whole : 0) + "%";
}

// ---- Search -------------------------------------------------------------------

// The snippet's text in parts, each marked or not: the store puts \x02 and
// \x03 around every matched word. The template wraps marked parts in
// <mark> and escapes every part, so no text of the user's becomes markup.
data SnippetParts(const std::string& snippet) {
  data parts = list{};
  std::string text;
  bool marked = false;
  auto flush = [&] {
    if (text.empty()) return;
    data p;
    p.set("text", text);
    if (marked) p.set("mark", true);
    parts.push_back(p);
    text.clear();
  };
  for (char c : snippet) {
    if (c == '\x02' || c == '\x03') {
      flush();
      marked = c == '\x02';
    } else {
      text += c;
    }
  }
  flush();
  return parts;
}

// "request_sent" is an event's kind: "Request sent". A note's or an
// answer's context is a sentence already ("answer to: What ...?").
std::string ContextLabel(const SearchResult& r) {
  if (r.hit.kind != "note" && r.hit.kind != "answer") return Humanize(r.context);
  std::string s = r.context;
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

void SearchPage(State& st, const Request& req, Response& res) {
  const std::string q = QueryParam(req, "q");
  data d;
  d.set("q", q);
  d.set("window", std::to_string(kSearchRankWindow));
  const bool asked = q.find_first_not_of(" \t\r\n") != std::string::npos;
  if (asked) {
    data results = list{};
    size_t count = 0;
    bool windowed = false, named = false;
    std::string error;
    {
      std::lock_guard lock(st.mu);
      auto r = st.app.learning().Search(q, kSearchLimit);
      if (!r) {
        if (StatusFor(r.error()) >= 500) return SendErrorPage(st, res, r.error());
        error = PublicMessage(r.error());
        if (r.error().field() == "query") d.set("q_invalid", true);
      } else {
        const Instant now = st.app.Now();
        windowed = r->windowed;
        count = r->results.size();
        // Names first: the people and organizations called so.
        data people = list{};
        for (const auto& p : r->people) {
          data item;
          item.set("id", IdText(p.contact.id));
          item.set("parts", SnippetParts(p.marked_name));
          if (!p.contact.org_name.empty()) item.set("org", p.contact.org_name);
          if (p.contact.title) item.set("title", *p.contact.title);
          people.push_back(item);
        }
        data orgs = list{};
        for (const auto& o : r->organizations) {
          data item;
          item.set("parts", SnippetParts(o.marked_name));
          data there = list{};
          for (size_t i = 0; i < o.people.size(); ++i) {
            data who;
            who.set("id", IdText(o.people[i].id));
            who.set("name", o.people[i].name);
            if (i + 1 < o.people.size()) who.set("comma", true);
            there.push_back(who);
          }
          item.set("people", there);
          if (o.people_count == 0) item.set("nobody", true);
          item.set("count", o.people_count == 1 ? std::string("1 person")
                                                : std::to_string(o.people_count) + " people");
          if (o.people_count > static_cast<int>(o.people.size())) item.set("more", true);
          orgs.push_back(item);
        }
        if (r->more_people) d.set("more_people", true);
        if (r->more_organizations) d.set("more_orgs", true);
        if (!r->people.empty()) {
          d.set("has_people", true);
          d.set("people", people);
        }
        if (!r->organizations.empty()) {
          d.set("has_orgs", true);
          d.set("orgs", orgs);
        }
        named = !r->people.empty() || !r->organizations.empty();
        for (const auto& x : r->results) {
          data item;
          item.set("context", ContextLabel(x));
          if (x.hit.contact_id) {
            item.set("contact_id", IdText(*x.hit.contact_id));
            item.set("who", x.contact_name);
          }
          item.set("when", FormatDay(x.at, st.zone, now));
          item.set("when_iso", FormatIso(x.at));
          item.set("parts", SnippetParts(x.hit.snippet));
          results.push_back(item);
        }
      }
    }
    if (!error.empty()) {
      d.set("error", error);
      res.status = 400;
    } else if (count == 0 && !named) {
      d.set("none", true);
    } else if (count > 0) {
      d.set("has_results", true);
      d.set("results", results);
      d.set("count", count == 1 ? std::string("1 result") : std::to_string(count) + " results");
      if (windowed) d.set("windowed", true);
    }
  }
  const std::string title = asked ? "Search: " + q : "Search";
  res.set_content(RenderPage(st, title, "search", Render("search", d), TakeFlash(req, res)), kHtml);
}

// ---- Objectives -----------------------------------------------------------------

// A horizontal bar, 0..100 wide, for a part of a whole (clamped at full).
data Bar(int part, int whole) {
  data b;
  const double w = whole > 0 ? std::min(100.0, 100.0 * part / whole) : 0.0;
  b.set("width", Num(w));
  if (whole > 0 && part >= whole) b.set("full", true);
  return b;
}

}  // namespace

void ObjectivesPage(State& st, const Request& req, Response& res, const ObjectiveForm& form) {
  data items = list{};
  size_t count = 0;
  {
    std::lock_guard lock(st.mu);
    auto stats = st.app.pipeline().GetStats();
    if (!stats) return SendErrorPage(st, res, stats.error());
    count = stats->objectives.size();
    for (const auto& p : stats->objectives) {
      data o;
      o.set("id", IdText(p.objective.id));
      o.set("title", p.objective.title);
      o.set("kind", std::string(Label(p.objective.kind)));
      o.set("conversations", std::to_string(p.conversations));
      o.set("target", std::to_string(p.target));
      o.set("verdict", p.verdict);
      o.set("bar", Bar(p.conversations, p.target));
      items.push_back(o);
    }
  }
  data d;
  d.set("objectives", items);
  if (count == 0) d.set("empty", true);
  d.set("count", std::to_string(count));
  d.set("csrf", st.csrf);
  AddObjectiveFormData(d, form.kind);  // meeting_pages.cpp
  d.set("title", form.title);
  d.set("target", form.target);
  SetFormError(d, form.error, form.error_field,
               {{"title", "title"}, {"kind", "kind"}, {"target", "target"}});
  res.set_content(
      RenderPage(st, "Objectives", "objectives", Render("objectives", d), TakeFlash(req, res)),
      kHtml);
}

namespace {

std::string PromiseLine(const OpenPromise& p, const State& st, Instant now) {
  std::string s = p.promise.body.value_or("(no description)");
  if (p.promise.due) s += " (due " + FormatDay(*p.promise.due, st.zone, now) + ")";
  return s;
}

void ObjectivePage(State& st, const Request& req, Response& res) {
  data d;
  std::string title;
  {
    std::lock_guard lock(st.mu);
    auto in = st.app.learning().GetInsights(req.matches[1].str());
    if (!in) return SendErrorPage(st, res, in.error());
    const Instant now = st.app.Now();
    title = in->objective.title;
    d.set("id", IdText(in->objective.id));
    d.set("csrf", st.csrf);
    AddQuestionFormData(d);  // meeting_pages.cpp
    d.set("title", in->objective.title);
    d.set("kind", std::string(Label(in->objective.kind)));
    if (in->objective.notes) d.set("notes", *in->objective.notes);
    d.set("conversations", std::to_string(in->conversations));
    d.set("target", std::to_string(in->target));
    d.set("verdict", in->verdict);
    d.set("bar", Bar(in->conversations, in->target));
    if (in->fit_average) {
      d.set("fit", Num(*in->fit_average));
      d.set("fit_ratings", in->fit_ratings == 1 ? std::string("1 meeting")
                                                : std::to_string(in->fit_ratings) + " meetings");
    }

    data people = list{};
    for (const auto& c : in->people) {
      data p;
      p.set("person_id", IdText(c.id));
      p.set("person", c.name);
      people.push_back(p);
    }
    d.set("people", people);
    data rows = list{};
    const std::string of = std::to_string(in->people.size());
    for (const auto& row : in->matrix) {
      data r;
      r.set("question", row.question.text);
      r.set("answered", std::to_string(row.answered) + " of " + of);
      data cells = list{};
      for (size_t i = 0; i < in->people.size(); ++i) {
        data cell;
        data answers = list{};
        if (i < row.answers.size()) {
          for (const auto& a : row.answers[i]) {
            data x;
            x.set("text", a);
            answers.push_back(x);
          }
        }
        cell.set("answers", answers);
        cells.push_back(cell);
      }
      r.set("cells", cells);
      rows.push_back(r);
    }
    d.set("rows", rows);
    if (!in->matrix.empty() && !in->people.empty()) d.set("has_matrix", true);
    if (!in->matrix.empty() && in->people.empty()) d.set("no_people", true);
    if (in->matrix.empty()) d.set("no_questions", true);

    data promises = list{};
    for (const auto& p : in->open_promises) {
      data x;
      x.set("whose", p.promise.theirs ? "Theirs" : "Yours");
      x.set("person_id", IdText(p.promise.contact_id));
      x.set("person", p.contact_name);
      x.set("text", PromiseLine(p, st, now));
      promises.push_back(x);
    }
    d.set("promises", promises);
    if (!in->open_promises.empty()) d.set("has_promises", true);
  }
  res.set_content(RenderPage(st, title, "objectives", Render("objective", d), TakeFlash(req, res)),
                  kHtml);
}

// ---- Progress -------------------------------------------------------------------

// Meetings per week as bars in a 320 x 160 box, with the goal as a line
// whose label sits in the right margin (clear of the bars' counts). The
// chart's numbers are also in the page's table, for screen readers.
data WeeksChart(const Stats& s, const State& st, Instant now) {
  constexpr double kLeft = 4, kRight = 276, kTop = 22, kBottom = 136, kBar = 22;
  const double slot = (kRight - kLeft) / static_cast<double>(std::max<size_t>(s.weeks.size(), 1));
  int most = std::max(s.weekly_goal, 1);
  for (const auto& w : s.weeks) most = std::max(most, w.meetings);
  const double scale = (kBottom - kTop) / most;
  data chart;
  data bars = list{};
  std::string desc;
  for (size_t i = 0; i < s.weeks.size(); ++i) {
    const auto& w = s.weeks[i];
    const double h = w.meetings * scale;
    const double x = kLeft + slot * static_cast<double>(i) + (slot - kBar) / 2;
    data b;
    b.set("x", Num(x));
    b.set("y", Num(kBottom - h));
    b.set("w", Num(kBar));
    b.set("h", Num(h));
    b.set("cx", Num(x + kBar / 2));
    b.set("ty", Num(kBottom - h - 4));
    b.set("ly", Num(kBottom + 14));
    b.set("count", std::to_string(w.meetings));
    // The year only in the table: the chart's labels must stay short.
    b.set("label", FormatDay(w.start, st.zone, w.start));
    b.set("week", FormatDay(w.start, st.zone, now));
    if (w.meetings >= s.weekly_goal && s.weekly_goal > 0) b.set("met", true);
    if (i + 1 == s.weeks.size()) b.set("current", true);
    bars.push_back(b);
    desc += (desc.empty() ? "" : "; ") + ("week of " + FormatDay(w.start, st.zone, now) + ": " +
                                          std::to_string(w.meetings));
  }
  chart.set("bars", bars);
  chart.set("desc", desc);
  chart.set("goal", std::to_string(s.weekly_goal));
  chart.set("goal_y", Num(kBottom - s.weekly_goal * scale));
  chart.set("goal_ty", Num(kBottom - s.weekly_goal * scale + 3.5));
  chart.set("goal_x", Num(kRight + 4));
  chart.set("left", Num(kLeft));
  chart.set("right", Num(kRight));
  chart.set("weeks", std::to_string(s.weeks.size()));
  chart.set("base_y", Num(kBottom));
  return chart;
}

// A rate's key: a degree or a source, or "unknown".
std::string RateLabel(const std::string& key) {
  if (auto d = ParseDegree(key)) return std::string(Label(*d));
  if (auto s = ParseSource(key)) return std::string(Label(*s));
  return Humanize(key);
}

data Rates(const std::vector<Stats::Rate>& rates, bool templates = false) {
  data rows = list{};
  for (const auto& r : rates) {
    data x;
    if (templates) {
      x.set("key", r.key == "yours" ? std::string("Written yourself") : TemplateLabel(r.key));
    } else {
      x.set("key", RateLabel(r.key));
    }
    x.set("asked", std::to_string(r.asked));
    x.set("answered", std::to_string(r.answered));
    x.set("yes", std::to_string(r.yes));
    x.set("rate", Percent(r.answered, r.asked));
    x.set("bar", Bar(r.answered, r.asked));
    rows.push_back(x);
  }
  return rows;
}

void ProgressPage(State& st, const Request& req, Response& res) {
  data d;
  {
    std::lock_guard lock(st.mu);
    auto s = st.app.pipeline().GetStats();
    if (!s) return SendErrorPage(st, res, s.error());
    const Instant now = st.app.Now();
    d.set("chart", WeeksChart(*s, st, now));
    d.set("goal", std::to_string(s->weekly_goal));
    d.set("this_week", std::to_string(s->weeks.empty() ? 0 : s->weeks.back().meetings));
    d.set("by_degree", Rates(s->by_degree));
    d.set("by_source", Rates(s->by_source));
    d.set("by_template", Rates(s->by_template, /*templates=*/true));
    if (!s->by_degree.empty()) d.set("has_rates", true);
    const int asked = s->total.asked, answered = s->total.answered, yes = s->total.yes;
    if (asked > 0) {
      data steps = list{};
      const std::pair<const char*, int> funnel[] = {
          {"Asked", asked}, {"Replied", answered}, {"Said yes or met", yes}};
      for (const auto& [label, n] : funnel) {
        data x;
        x.set("label", label);
        x.set("n", std::to_string(n));
        x.set("share", Percent(n, asked));
        x.set("bar", Bar(n, asked));
        steps.push_back(x);
      }
      d.set("funnel", steps);
      d.set("has_funnel", true);
    }
  }
  res.set_content(RenderPage(st, "Progress", "progress", Render("progress", d), TakeFlash(req, res)),
                  kHtml);
}

}  // namespace

void RegisterLearningPages(httplib::Server& svr, State& st) {
  svr.Get("/search", [&st](const Request& req, Response& res) { SearchPage(st, req, res); });
  svr.Get("/objectives",
          [&st](const Request& req, Response& res) { ObjectivesPage(st, req, res, {}); });
  svr.Get(R"(/objectives/(\d+))",
          [&st](const Request& req, Response& res) { ObjectivePage(st, req, res); });
  svr.Get("/progress", [&st](const Request& req, Response& res) { ProgressPage(st, req, res); });
}

}  // namespace rapport::server
