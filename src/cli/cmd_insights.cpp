// rapport search, network and insights: what the conversations taught, found
// and seen side by side (split from cmd_learning.cpp, which has questions,
// prep, notes and answers).
#include <CLI/CLI.hpp>

#include <cmath>
#include <sstream>

#include "cli/cli.h"
#include "cli/json.h"
#include "cli/learning_output.h"
#include "rapport/present/json.h"
#include "rapport/model/time.h"

namespace rapport::cli {

namespace {

// ---- search ----------------------------------------------------------------------

// The snippet with its \x02...\x03 marks as bold (terminal), [brackets]
// (plain text) or offsets (JSON).
std::string MarkSnippet(const std::string& s, const Style& style) {
  std::string out, word;
  bool in = false;
  for (char c : s) {
    if (c == '\x02') {
      in = true;
      word.clear();
    } else if (c == '\x03') {
      in = false;
      out += style.color ? style.Bold(word) : "[" + word + "]";
    } else if (in) {
      word += c;
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  if (in) out += word;
  return out;
}

void RegisterSearch(CLI::App& root, Runner& selected) {
  struct Opts {
    std::vector<std::string> words;
    int limit = 20;
  };
  auto opts = std::make_shared<Opts>();
  auto* cmd = root.add_subcommand(
      "search", "Search names, notes, answers and messages (people and organizations first)");
  cmd->add_option("QUERY", opts->words,
                  "Words that must all appear; \"a phrase\" in quotes; word* for a prefix; OR")
      ->required();
  cmd->add_option("--limit", opts->limit, "At most this many results (default 20)")
      ->option_text("N");
  cmd->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      std::string query;
      for (const auto& w : opts->words) {
        if (!query.empty()) query += ' ';
        query += w.find(' ') != std::string::npos ? "\"" + w + "\"" : w;
      }
      auto r = ctx.app.learning().Search(query, opts->limit);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, present::SearchResultsJson(*r));
        return kExitOk;
      }
      if (r->results.empty() && r->people.empty() && r->organizations.empty()) {
        ctx.out << "Nothing found for " << query
                << ". Search looks in names, notes, answers and the messages you logged.\n";
        return kExitOk;
      }
      // Names first: whom the words call by name, with the id to type next.
      if (!r->people.empty()) {
        ctx.out << ctx.style.Bold("People") << '\n';
        for (const auto& p : r->people) {
          ctx.out << "  " << MarkSnippet(p.marked_name, ctx.style);
          if (!p.contact.org_name.empty()) ctx.out << " · " << p.contact.org_name;
          ctx.out << ctx.style.Dim("  #" + std::to_string(p.contact.id)) << '\n';
        }
        if (r->more_people) {
          ctx.out << ctx.style.Dim("  More people are called so: add a word of the name to narrow it.")
                  << '\n';
        }
      }
      if (!r->organizations.empty()) {
        ctx.out << ctx.style.Bold("Organizations") << '\n';
        for (const auto& o : r->organizations) {
          ctx.out << "  " << MarkSnippet(o.marked_name, ctx.style) << " · ";
          if (o.people_count == 0) {
            ctx.out << "nobody there yet";
          } else {
            ctx.out << o.people_count << (o.people_count == 1 ? " person: " : " people: ");
            for (size_t i = 0; i < o.people.size(); ++i) ctx.out << (i ? ", " : "") << o.people[i].name;
            if (o.people_count > static_cast<int>(o.people.size())) ctx.out << ", …";
          }
          ctx.out << '\n';
        }
        if (r->more_organizations) {
          ctx.out << ctx.style.Dim("  More organizations are called so: add a word to narrow it.")
                  << '\n';
        }
      }
      if ((!r->people.empty() || !r->organizations.empty()) && !r->results.empty()) {
        ctx.out << ctx.style.Bold("Notes, answers and messages") << '\n';
      }
      const Instant now = ctx.app.Now();
      int n = 0;
      for (const auto& x : r->results) {
        std::string head = std::to_string(++n) + ". " + x.context;
        if (!x.contact_name.empty()) head += " · " + x.contact_name;
        head += " · " + FormatDay(x.at, ctx.zone, now);
        ctx.out << ctx.style.Bold(head) << "\n   " << MarkSnippet(x.hit.snippet, ctx.style)
                << '\n';
      }
      if (r->windowed) {
        ctx.out << ctx.style.Dim("More than " + std::to_string(kSearchRankWindow) +
                                 " texts match; these are the best of the most recent. Add a "
                                 "word to narrow the search.")
                << '\n';
      }
      return kExitOk;
    };
  });
}

// ---- network -----------------------------------------------------------------------

std::string DotQuote(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    if (c == '\n') {
      q += "\\n";
      continue;
    }
    q += c;
  }
  return q + "\"";
}

void RegisterNetwork(CLI::App& root, Runner& selected) {
  struct Opts {
    bool dot = false;
    std::optional<std::string> to;
    int limit = 5;
  };
  auto opts = std::make_shared<Opts>();
  auto* cmd = root.add_subcommand(
      "network", "Who led to whom (introductions, referrals); --to ORG for the warmest way in");
  cmd->add_flag("--dot", opts->dot, "Print the graph for Graphviz (dot -Tsvg)");
  cmd->add_option("--to", opts->to, "The warmest paths to someone at this organization")
      ->option_text("ORG");
  cmd->add_option("--limit", opts->limit, "With --to: at most this many paths (default 5)")
      ->option_text("N");
  cmd->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      if (opts->to) {
        auto r = ctx.app.learning().WarmestPaths(*opts->to, opts->limit);
        if (!r) return Fail(ctx, r.error());
        if (ctx.json) {
          json arr = json::array();
          for (const auto& p : *r) {
            json steps = json::array();
            for (const auto& c : p.steps) steps.push_back({{"id", c.id}, {"name", c.name}});
            arr.push_back({{"steps", steps}, {"why", p.why}});
          }
          PrintJson(ctx.out, arr);
          return kExitOk;
        }
        if (r->empty()) {
          ctx.out << "No warm path to anyone at " << *opts->to
                  << " yet: nobody you know led to someone there. Ask the people you have met "
                     "whether they know someone there.\n";
          return kExitOk;
        }
        int n = 0;
        for (const auto& p : *r) {
          std::string chain = "you";
          for (const auto& c : p.steps) chain += " → " + c.name;
          ctx.out << ++n << ". " << ctx.style.Bold(chain) << "\n   " << p.why << '\n';
        }
        return kExitOk;
      }
      auto g = ctx.app.learning().Network();
      if (!g) return Fail(ctx, g.error());
      std::unordered_map<Id, std::string> name;
      for (const auto& n : g->nodes) name[n.contact.id] = n.contact.name;
      if (ctx.json) {
        json nodes = json::array();
        for (const auto& n : g->nodes) {
          json j = {{"id", n.contact.id},
                    {"name", n.contact.name},
                    {"stage", std::string(ToString(n.stage))}};
          if (!n.contact.org_name.empty()) j["org"] = n.contact.org_name;
          nodes.push_back(std::move(j));
        }
        json edges = json::array();
        for (const auto& e : g->edges) {
          edges.push_back({{"from", e.from}, {"to", e.to}, {"kind", e.kind}});
        }
        PrintJson(ctx.out, {{"nodes", nodes}, {"edges", edges}});
        return kExitOk;
      }
      if (opts->dot) {
        ctx.out << "digraph network {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
        for (const auto& n : g->nodes) {
          std::string label = n.contact.name;
          if (!n.contact.org_name.empty()) label += "\n" + n.contact.org_name;
          ctx.out << "  c" << n.contact.id << " [label=" << DotQuote(label) << "];\n";
        }
        for (const auto& e : g->edges) {
          ctx.out << "  c" << e.from << " -> c" << e.to << " [label=" << DotQuote(e.kind)
                  << "];\n";
        }
        ctx.out << "}\n";
        return kExitOk;
      }
      if (g->edges.empty()) {
        ctx.out << "No introductions or referrals yet. When someone suggests a person, add them "
                   "with: rapport refer CONTACT \"Their Name\"\n";
        return kExitOk;
      }
      for (const auto& e : g->edges) {
        ctx.out << name[e.from] << " → " << name[e.to] << "  " << ctx.style.Dim(e.kind) << '\n';
      }
      return kExitOk;
    };
  });
}

// ---- insights ------------------------------------------------------------------------

std::string MdCell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += sep;
    s += x;
  }
  return s;
}

void PrintInsights(Context& ctx, const Insights& in, bool markdown) {
  Page p(ctx.out, ctx.style, markdown);
  p.Title("Insights: " + in.objective.title);
  if (markdown) ctx.out << "\n";
  p.Line("Conversations: " + std::to_string(in.conversations) + " of " +
         std::to_string(in.target) + " wanted — " + in.verdict);
  if (in.fit_average) {
    std::ostringstream f;
    f.precision(1);
    f << std::fixed << *in.fit_average;
    p.Line("Fit (\"does this feel like my tribe?\"): " + f.str() + " of 5, from " +
           std::to_string(in.fit_ratings) + " meeting(s)");
  } else {
    p.Line("Fit: not rated yet (rapport met CONTACT --fit 1-5)");
  }
  p.Heading("What they said");
  if (in.matrix.empty()) {
    p.Line("No answers yet: record them with rapport answer CONTACT QUESTION \"what they said\".");
  } else if (markdown) {
    ctx.out << "| Question |";
    for (const auto& c : in.people) ctx.out << ' ' << MdCell(c.name) << " |";
    ctx.out << "\n|---|";
    for (size_t i = 0; i < in.people.size(); ++i) ctx.out << "---|";
    ctx.out << '\n';
    for (const auto& row : in.matrix) {
      ctx.out << "| " << MdCell(row.question.text) << " |";
      for (const auto& cell : row.answers) ctx.out << ' ' << MdCell(Join(cell, " / ")) << " |";
      ctx.out << '\n';
    }
  } else {
    for (const auto& row : in.matrix) {
      ctx.out << ctx.style.Bold(row.question.text) << "  "
              << ctx.style.Dim(std::to_string(row.answered) + " of " +
                               std::to_string(in.people.size()) + " answered")
              << '\n';
      for (size_t i = 0; i < in.people.size() && i < row.answers.size(); ++i) {
        if (row.answers[i].empty()) continue;
        ctx.out << "  " << in.people[i].name << ": " << Join(row.answers[i], " / ") << '\n';
      }
    }
  }
  if (!in.open_promises.empty()) {
    p.Heading("Open promises");
    for (const auto& x : in.open_promises) {
      p.Item(std::string(x.promise.theirs ? "Theirs" : "Yours") + " (" + x.contact_name +
             "): " + PromiseText(x, ctx));
    }
  }
}

void RegisterInsights(CLI::App& root, Runner& selected) {
  struct Opts {
    std::string objective;
    bool markdown = false;
  };
  auto opts = std::make_shared<Opts>();
  auto* cmd = root.add_subcommand(
      "insights", "What an objective's conversations taught: answers side by side, fit, count");
  cmd->add_option("OBJECTIVE", opts->objective, "Id or part of the title")->required();
  cmd->add_flag("--markdown", opts->markdown, "Print it as Markdown (the matrix as a table)");
  cmd->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.learning().GetInsights(opts->objective);
      if (!r) return Fail(ctx, r.error());
      if (!ctx.json) {
        PrintInsights(ctx, *r, opts->markdown);
        return kExitOk;
      }
      json people = json::array();
      for (const auto& c : r->people) people.push_back({{"id", c.id}, {"name", c.name}});
      json matrix = json::array();
      for (const auto& row : r->matrix) {
        json cells = json::object();
        for (size_t i = 0; i < r->people.size() && i < row.answers.size(); ++i) {
          if (!row.answers[i].empty()) cells[std::to_string(r->people[i].id)] = row.answers[i];
        }
        matrix.push_back({{"question", QuestionJson(row.question)},
                          {"answered", row.answered},
                          {"answers", cells}});
      }
      json promises = json::array();
      for (const auto& x : r->open_promises) promises.push_back(PromiseJson(x));
      json j = {{"objective", ToJson(r->objective)},
                {"conversations", r->conversations},
                {"target", r->target},
                {"verdict", r->verdict},
                {"fit_ratings", r->fit_ratings},
                {"people", people},
                {"matrix", matrix},
                {"open_promises", promises}};
      j["fit_average"] = r->fit_average ? json(*r->fit_average) : json(nullptr);
      PrintJson(ctx.out, j);
      return kExitOk;
    };
  });
}

}  // namespace

void RegisterInsightCommands(CLI::App& root, Runner& selected) {
  RegisterSearch(root, selected);
  RegisterNetwork(root, selected);
  RegisterInsights(root, selected);
}

}  // namespace rapport::cli
