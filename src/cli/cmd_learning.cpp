// What is learned: rapport question add|list|edit|rm, prep, note, notes
// [edit|rm], answer, search, network, insights.
#include <CLI/CLI.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/json.h"
#include "rapport/model/time.h"
#include "rapport/present/json.h"

namespace rapport::cli {

namespace {

// ---- shared ----------------------------------------------------------------

// Reads --file (or "-" for standard input) into `text`.
std::optional<Error> ReadTextFile(const std::string& path, std::string& text) {
  std::ostringstream buf;
  if (path == "-") {
    buf << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::Io("cannot read " + path + ": no such file or not readable");
    buf << in.rdbuf();
  }
  text = buf.str();
  return std::nullopt;
}

std::string FirstLine(const std::string& s, size_t max = 100) {
  std::string line = s.substr(0, s.find('\n'));
  if (line.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "…";
  }
  if (line.size() < s.size() && line.back() != '\xa6') line += " …";
  return line;
}

// Output as a terminal page or as Markdown, from the same calls.
class Page {
 public:
  Page(std::ostream& out, const Style& style, bool markdown)
      : out_(out), style_(style), md_(markdown) {}
  void Title(const std::string& s) {
    out_ << (md_ ? "# " + s : style_.Bold(s)) << "\n";
  }
  void Heading(const std::string& s) {
    out_ << "\n" << (md_ ? "## " + s : style_.Bold(s)) << "\n";
    if (md_) out_ << "\n";
  }
  void Line(const std::string& s) { out_ << s << (md_ ? "  \n" : "\n"); }
  void Item(const std::string& s) { out_ << (md_ ? "- " : "  - ") << s << "\n"; }
  void Numbered(int n, const std::string& s) {
    out_ << (md_ ? "" : "  ") << n << ". " << s << "\n";
  }
  bool markdown() const { return md_; }

 private:
  std::ostream& out_;
  const Style& style_;
  bool md_;
};

std::string Category(const Question& q) { return std::string(ToString(q.category)); }

// The usual ending of a command: the error in one line, or the record as
// JSON, or one human line.
template <class T, class ToJsonFn, class LineFn>
int Reply(Context& ctx, const Result<T>& r, ToJsonFn to_json, LineFn line) {
  if (!r) return Fail(ctx, r.error());
  if (ctx.json) {
    PrintJson(ctx.out, to_json(*r));
  } else {
    ctx.out << line(*r) << '\n';
  }
  return kExitOk;
}

json QuestionJson(const Question& q) {
  json j = {{"id", q.id},
            {"text", q.text},
            {"category", Category(q)},
            {"referral", q.referral},
            {"created_at", FormatIso(q.created_at)}};
  if (q.objective_id) j["objective_id"] = *q.objective_id;
  return j;
}

// Notes, answers and promises as every face writes them (present/json.h).
using present::AnswerJson;
using present::NoteJson;
json PromiseJson(const OpenPromise& p) { return present::OpenPromiseJson(p); }

std::string PromiseText(const OpenPromise& p, const Context& ctx) {
  std::string s = p.promise.body.value_or("(no description)");
  if (p.promise.due) s += " (due " + FormatDay(*p.promise.due, ctx.zone, ctx.app.Now()) + ")";
  return s;
}

// ---- question ---------------------------------------------------------------

struct QuestionOptions {
  std::string ref;
  QuestionFields fields;
  QuestionFilter filter;
  std::string text;
  bool referral = false, not_referral = false;
};

void RegisterQuestion(CLI::App& root, Runner& selected) {
  auto* q = root.add_subcommand("question", "Your question bank: what to ask at meetings");
  q->require_subcommand(1);
  auto opts = std::make_shared<QuestionOptions>();
  const std::string categories =
      "trends, insights, advice, resources, assignments, day-to-day, path, culture, other";

  auto* add = q->add_subcommand("add", "Add a question to the bank");
  add->add_option("TEXT", opts->text, "The question, as you would ask it")->required();
  add->add_option("--category", opts->fields.category, categories)->option_text("C");
  add->add_option("--objective", opts->fields.objective, "Only for this objective")
      ->option_text("REF");
  add->add_flag("--referral", opts->referral,
                "It asks whom else to meet (one such question closes every plan)");
  add->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      opts->fields.text = opts->text;
      if (opts->referral) opts->fields.referral = true;
      return Reply(ctx, ctx.app.AddQuestion(opts->fields), QuestionJson, [](const Question& x) {
        return "Added question #" + std::to_string(x.id) + " (" + Category(x) + ")";
      });
    };
  });

  auto* list = q->add_subcommand("list", "List the bank (general questions and each objective's)");
  list->add_option("--objective", opts->filter.objective,
                   "Only general questions and this objective's")
      ->option_text("REF");
  list->add_option("--category", opts->filter.category, categories)->option_text("C");
  list->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.ListQuestions(opts->filter);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json arr = json::array();
        for (const auto& x : *r) arr.push_back(QuestionJson(x));
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      if (r->empty()) {
        ctx.out << "No questions match. Add one: rapport question add \"...\" --category trends\n";
        return kExitOk;
      }
      Table t({"ID", "CATEGORY", "FOR", "QUESTION"});
      for (const auto& x : *r) {
        std::string scope = x.objective_id ? "#" + std::to_string(*x.objective_id) : "all";
        if (x.referral) scope += ", closes";
        t.Add({std::to_string(x.id), Category(x), scope, x.text});
      }
      t.Print(ctx.out, ctx.style);
      return kExitOk;
    };
  });

  auto* edit = q->add_subcommand("edit", "Change a question's wording, category or objective");
  edit->add_option("REF", opts->ref, "Id or part of the question")->required();
  edit->add_option("--text", opts->fields.text, "New wording")->option_text("TEXT");
  edit->add_option("--category", opts->fields.category, categories)->option_text("C");
  edit->add_option("--objective", opts->fields.objective,
                   "Tie it to an objective (\"\" makes it general)")
      ->option_text("REF");
  edit->add_flag("--referral", opts->referral, "Mark it as a whom-else-to-meet question");
  edit->add_flag("--no-referral", opts->not_referral, "Unmark it");
  edit->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      if (opts->referral) opts->fields.referral = true;
      if (opts->not_referral) opts->fields.referral = false;
      return Reply(ctx, ctx.app.EditQuestion(opts->ref, opts->fields), QuestionJson,
                   [](const Question& x) {
                     return "Updated question #" + std::to_string(x.id) + ": " + x.text;
                   });
    };
  });

  auto* rm = q->add_subcommand("rm", "Remove a question nobody has answered");
  rm->add_option("REF", opts->ref, "Id or part of the question")->required();
  rm->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      return Reply(ctx, ctx.app.RemoveQuestion(opts->ref), QuestionJson, [](const Question& x) {
        return "Removed question #" + std::to_string(x.id) + ": " + x.text;
      });
    };
  });
}

// ---- prep ---------------------------------------------------------------------

void PrintBrief(Context& ctx, const PrepBrief& b, bool markdown) {
  Page p(ctx.out, ctx.style, markdown);
  const Instant now = ctx.app.Now();
  const Contact& c = b.contact;
  std::string who = c.name;
  if (!c.org_name.empty()) who += ", " + (c.title ? *c.title + " at " : "") + c.org_name;
  p.Title("Meeting brief: " + who);
  if (markdown) ctx.out << "\n";
  if (b.meeting && b.meeting->meeting_at) {
    std::string when = FormatFriendly(*b.meeting->meeting_at, b.user_zone, now);
    if (b.contact_zone) {
      when += " (" + FormatFriendly(*b.meeting->meeting_at, *b.contact_zone, now) + " " +
              *b.contact_zone + " for them)";
    }
    if (b.meeting->meeting_minutes) when += ", " + std::to_string(*b.meeting->meeting_minutes) + " min";
    if (b.meeting->meeting_mode) when += ", " + std::string(ToString(*b.meeting->meeting_mode));
    if (b.meeting->meeting_place) when += ", " + *b.meeting->meeting_place;
    p.Line("Meeting: " + when);
  } else {
    p.Line("Meeting: none on the calendar yet");
  }
  if (b.objective) p.Line("Objective: " + b.objective->title);
  std::string found = c.source ? std::string(ToString(*c.source)) : "";
  if (b.introducer) {
    found += (found.empty() ? "introduced by " : ", introduced by ") + b.introducer->name;
  }
  if (found.empty()) found = "not recorded";
  if (c.degree) found += " (" + std::string(ToString(*c.degree)) + " degree)";
  p.Line("How you found them: " + found);
  if (b.request) {
    std::string r = "Request sent " + FormatDay(b.request->at, ctx.zone, now);
    if (b.request->body) r += ": \"" + FirstLine(*b.request->body, 160) + "\"";
    p.Line(r);
  }

  p.Heading("Questions (" + std::to_string(b.plan.questions.size()) + ")");
  int n = 0;
  for (const auto& q : b.plan.questions) {
    std::string s = q.text + " [" + std::string(ToString(q.category)) + "]";
    if (q.answered > 0) s += " (answered by " + std::to_string(q.answered) + " already)";
    p.Numbered(++n, s);
  }
  if (b.plan.shortfall) p.Line(*b.plan.shortfall);

  if (!b.notes.empty() || !b.logged_notes.empty() || !b.earlier_answers.empty()) {
    p.Heading("Re-read");
    for (const auto& note : b.notes) {
      p.Item(FormatDay(note.created_at, ctx.zone, now) + ": " + FirstLine(note.body, 200));
    }
    for (const auto& e : b.logged_notes) {
      p.Item(FormatDay(e.at, ctx.zone, now) + " (" + std::string(ToString(e.kind)) + "): " +
             FirstLine(e.body.value_or(""), 200));
    }
    for (const auto& a : b.earlier_answers) {
      std::string q;
      for (const auto& x : b.earlier_questions) {
        if (x.id == a.question_id) q = x.text;
      }
      p.Item("They answered \"" + q + "\": " + FirstLine(a.body, 200));
    }
  }
  if (!b.promises_mine.empty() || !b.promises_theirs.empty()) {
    p.Heading("Open promises");
    for (const auto& x : b.promises_mine) p.Item("Yours: " + PromiseText(x, ctx));
    for (const auto& x : b.promises_theirs) p.Item("Theirs: " + PromiseText(x, ctx));
  }
  p.Heading("Remember");
  for (const auto& r : b.reminders) p.Item(r);
}

void RegisterPrep(CLI::App& root, Runner& selected) {
  struct Opts {
    std::string contact;
    bool markdown = false;
  };
  auto opts = std::make_shared<Opts>();
  auto* cmd = root.add_subcommand(
      "prep", "The question plan and what to re-read before a contact's next meeting");
  cmd->add_option("CONTACT", opts->contact, "Id, email or part of the name")->required();
  cmd->add_flag("--markdown", opts->markdown, "Print it as a one-page Markdown brief");
  cmd->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.Prep(opts->contact);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, present::PrepJson(*r, ctx.app.config().playbook.meeting_minutes));
      } else {
        PrintBrief(ctx, *r, opts->markdown);
      }
      return kExitOk;
    };
  });
}

// ---- notes and answers ---------------------------------------------------------

std::string NoteAbout(Context& ctx, const Note& n) {
  if (n.contact_id) {
    auto c = ctx.app.store().GetContact(*n.contact_id);
    if (c && *c) return (*c)->name;
  }
  if (n.objective_id) {
    auto o = ctx.app.store().GetObjective(*n.objective_id);
    if (o && *o) return "objective: " + (*o)->title;
  }
  return "";
}

void RegisterNotes(CLI::App& root, Runner& selected) {
  struct Opts {
    std::optional<std::string> contact, objective, file;
    std::string text, id;
  };
  auto opts = std::make_shared<Opts>();
  auto* note = root.add_subcommand(
      "note", "Write a Markdown note about a contact (or an objective with --objective)");
  note->add_option("CONTACT", opts->contact, "Id, email or part of the name");
  note->add_option("TEXT", opts->text, "The note (Markdown); or --file");
  note->add_option("--objective", opts->objective, "The note is about this objective instead")
      ->option_text("REF");
  note->add_option("--file", opts->file, "Read the note from a file (- for standard input)")
      ->option_text("F");
  note->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      NoteInput in;
      // With --objective the one positional is the text.
      if (opts->objective) {
        in.objective = opts->objective;
        in.body = opts->contact.value_or("");
        if (!opts->text.empty()) {
          return Fail(ctx, Error::InvalidArgument(
                               "a note is about a contact or an objective, not both: drop "
                               "CONTACT or --objective"));
        }
      } else {
        if (!opts->contact) {
          return Fail(ctx, Error::InvalidArgument(
                               "say whom the note is about: rapport note CONTACT \"text\" (or "
                               "--objective REF)"));
        }
        in.contact = opts->contact;
        in.body = opts->text;
      }
      if (opts->file) {
        if (!in.body.empty()) {
          return Fail(ctx, Error::InvalidArgument("give the note as TEXT or --file, not both"));
        }
        if (auto e = ReadTextFile(*opts->file, in.body)) return Fail(ctx, *e);
      }
      return Reply(ctx, ctx.app.AddNote(in), NoteJson, [&ctx](const Note& n) {
        return "Added note #" + std::to_string(n.id) + " about " + NoteAbout(ctx, n);
      });
    };
  });

  auto* notes = root.add_subcommand("notes", "List notes; edit or remove one");
  notes->require_subcommand(0, 1);
  notes->add_option("--contact", opts->contact, "Only notes about this contact")
      ->option_text("REF");
  notes->add_option("--objective", opts->objective, "Only notes about this objective")
      ->option_text("REF");
  notes->callback([&selected, opts, notes] {
    if (notes->get_subcommands().size() > 0 && selected) return;
    selected = [opts](Context& ctx) {
      auto r = ctx.app.ListNotes(opts->contact, opts->objective);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json arr = json::array();
        for (const auto& n : *r) arr.push_back(NoteJson(n));
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      if (r->empty()) {
        ctx.out << "No notes yet. Write one: rapport note CONTACT \"what you learned\"\n";
        return kExitOk;
      }
      const Instant now = ctx.app.Now();
      for (const auto& n : *r) {
        ctx.out << ctx.style.Bold("#" + std::to_string(n.id) + " " + NoteAbout(ctx, n)) << "  "
                << ctx.style.Dim(FormatDay(n.created_at, ctx.zone, now)) << '\n'
                << n.body << "\n\n";
      }
      return kExitOk;
    };
  });
  auto* edit = notes->add_subcommand("edit", "Replace a note's text");
  edit->add_option("ID", opts->id, "The note's number")->required();
  edit->add_option("TEXT", opts->text, "The new text (Markdown); or --file");
  edit->add_option("--file", opts->file, "Read the text from a file (- for standard input)")
      ->option_text("F");
  edit->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      std::string body = opts->text;
      if (opts->file) {
        if (!body.empty()) {
          return Fail(ctx, Error::InvalidArgument("give the note as TEXT or --file, not both"));
        }
        if (auto e = ReadTextFile(*opts->file, body)) return Fail(ctx, *e);
      }
      return Reply(ctx, ctx.app.EditNote(opts->id, body), NoteJson,
                   [](const Note& n) { return "Updated note #" + std::to_string(n.id); });
    };
  });
  auto* rm = notes->add_subcommand("rm", "Remove a note");
  rm->add_option("ID", opts->id, "The note's number")->required();
  rm->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      return Reply(ctx, ctx.app.RemoveNote(opts->id), NoteJson,
                   [](const Note& n) { return "Removed note #" + std::to_string(n.id); });
    };
  });

  struct AnswerOpts {
    std::string contact, question, text;
  };
  auto ao = std::make_shared<AnswerOpts>();
  auto* answer = root.add_subcommand("answer", "Record what someone said to a question");
  answer->add_option("CONTACT", ao->contact, "Id, email or part of the name")->required();
  answer->add_option("QUESTION", ao->question, "The question's id or part of its text")
      ->required();
  answer->add_option("TEXT", ao->text, "What they said, in your words")->required();
  answer->callback([&selected, ao] {
    selected = [ao](Context& ctx) {
      auto r = ctx.app.RecordAnswer(ao->contact, ao->question, ao->text);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, AnswerJson(*r));
      } else {
        auto q = ctx.app.store().GetQuestion(r->question_id);
        ctx.out << "Recorded answer #" << r->id << " to \""
                << (q && *q ? (*q)->text : "#" + std::to_string(r->question_id)) << "\"\n";
      }
      return kExitOk;
    };
  });
}

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
  auto* cmd = root.add_subcommand("search", "Search your notes, answers and messages");
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
      auto r = ctx.app.Search(query, opts->limit);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, present::SearchResultsJson(*r));
        return kExitOk;
      }
      if (r->results.empty()) {
        ctx.out << "Nothing found for " << query
                << ". Search looks in notes, answers and the messages you logged.\n";
        return kExitOk;
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
        auto r = ctx.app.WarmestPaths(*opts->to, opts->limit);
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
      auto g = ctx.app.Network();
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
      auto r = ctx.app.GetInsights(opts->objective);
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

void RegisterLearningCommands(CLI::App& root, Runner& selected) {
  RegisterQuestion(root, selected);
  RegisterPrep(root, selected);
  RegisterNotes(root, selected);
  RegisterSearch(root, selected);
  RegisterNetwork(root, selected);
  RegisterInsights(root, selected);
}

}  // namespace rapport::cli
