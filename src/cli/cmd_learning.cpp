// What is learned: rapport question add|list|edit|rm, prep, note, notes
// [edit|rm], answer. (search, network and insights: cmd_insights.cpp.)
#include <CLI/CLI.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/json.h"
#include "cli/learning_output.h"
#include "rapport/model/time.h"
#include "rapport/present/json.h"

namespace rapport::cli {

// ---- shared with cmd_insights.cpp (learning_output.h) -----------------------

std::string Category(const Question& q) { return std::string(ToString(q.category)); }

json QuestionJson(const Question& q) {
  json j = {{"id", q.id},
            {"text", q.text},
            {"category", Category(q)},
            {"referral", q.referral},
            {"created_at", FormatIso(q.created_at)}};
  if (q.objective_id) j["objective_id"] = *q.objective_id;
  return j;
}

json PromiseJson(const OpenPromise& p) { return present::OpenPromiseJson(p); }

std::string PromiseText(const OpenPromise& p, const Context& ctx) {
  std::string s = p.promise.body.value_or("(no description)");
  if (p.promise.due) s += " (due " + FormatDay(*p.promise.due, ctx.zone, ctx.app.Now()) + ")";
  return s;
}

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

// Notes and answers as every face writes them (present/json.h).
using present::AnswerJson;
using present::NoteJson;

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
      return Reply(ctx, ctx.app.learning().AddQuestion(opts->fields), QuestionJson, [](const Question& x) {
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
      auto r = ctx.app.learning().ListQuestions(opts->filter);
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
      return Reply(ctx, ctx.app.learning().EditQuestion(opts->ref, opts->fields), QuestionJson,
                   [](const Question& x) {
                     return "Updated question #" + std::to_string(x.id) + ": " + x.text;
                   });
    };
  });

  auto* rm = q->add_subcommand("rm", "Remove a question nobody has answered");
  rm->add_option("REF", opts->ref, "Id or part of the question")->required();
  rm->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      return Reply(ctx, ctx.app.learning().RemoveQuestion(opts->ref), QuestionJson, [](const Question& x) {
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
      auto r = ctx.app.learning().Prep(opts->contact);
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
    auto c = ctx.app.records().ResolveContact(std::to_string(*n.contact_id));
    if (c) return c->name;
  }
  if (n.objective_id) {
    auto o = ctx.app.records().ResolveObjective(std::to_string(*n.objective_id));
    if (o) return "objective: " + o->title;
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
      return Reply(ctx, ctx.app.learning().AddNote(in), NoteJson, [&ctx](const Note& n) {
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
      auto r = ctx.app.learning().ListNotes(opts->contact, opts->objective);
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
      return Reply(ctx, ctx.app.learning().EditNote(opts->id, body), NoteJson,
                   [](const Note& n) { return "Updated note #" + std::to_string(n.id); });
    };
  });
  auto* rm = notes->add_subcommand("rm", "Remove a note");
  rm->add_option("ID", opts->id, "The note's number")->required();
  rm->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      return Reply(ctx, ctx.app.learning().RemoveNote(opts->id), NoteJson,
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
      auto r = ctx.app.learning().RecordAnswer(ao->contact, ao->question, ao->text);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, AnswerJson(*r));
      } else {
        auto q = ctx.app.learning().ResolveQuestion(std::to_string(r->question_id));
        ctx.out << "Recorded answer #" << r->id << " to \""
                << (q ? q->text : "#" + std::to_string(r->question_id)) << "\"\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace

void RegisterLearningCommands(CLI::App& root, Runner& selected) {
  RegisterQuestion(root, selected);
  RegisterPrep(root, selected);
  RegisterNotes(root, selected);
}

}  // namespace rapport::cli
