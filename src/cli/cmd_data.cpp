// Data in and out: import, export, restore, merge.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/json.h"
#include "rapport/app/presentation.h"
#include "rapport/app/validate.h"

namespace rapport::cli {

namespace {

struct DataOptions {
  std::string format, file, output, ref, other;
  bool dry_run = false, keep_going = false, events = false, lines = false;
  std::vector<std::string> tags;
  ExportFilter filter;
  int days = 30;
};

Result<std::string> ReadInput(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::Io("cannot read " + path + ": " + std::strerror(errno));
  }
  // A regular file is read straight into a string of its size: a 34 MB
  // export was otherwise copied twice (into the stream's buffer, then out).
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) {
      std::string data(static_cast<size_t>(size), '\0');
      in.read(data.data(), static_cast<std::streamsize>(size));
      data.resize(static_cast<size_t>(in.gcount()));
      if (in.bad()) return Error::Io("cannot read " + path + ": " + std::strerror(errno));
      if (in.peek() == std::char_traits<char>::eof()) return data;
      ss << data << in.rdbuf();  // it grew while we read: take the rest too
      return ss.str();
    }
  }
  ss << in.rdbuf();
  return ss.str();
}

// "3, 5, 9 and 44 more" (or every line with --lines).
std::string LineList(const std::vector<int>& lines, bool all) {
  constexpr size_t kShown = 5;
  std::string out;
  const size_t shown = all ? lines.size() : std::min(lines.size(), kShown);
  for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  if (shown < lines.size()) out += " and " + std::to_string(lines.size() - shown) + " more";
  return out;
}

int ShowImport(Context& ctx, const DataOptions& o, const ImportReport& r) {
  const std::string file = o.file == "-" ? "stdin" : o.file;
  if (ctx.json) {
    json merges = json::array();
    for (const auto& m : r.merges) {
      merges.push_back({{"line", m.line},
                        {"id", m.contact_id},
                        {"name", m.name},
                        {"matched_by", m.matched_by},
                        {"changed", m.changed()},
                        {"filled", m.filled},
                        {"conflicts", m.conflicts}});
    }
    auto rows = [](const std::vector<ImportRow>& v) {
      json a = json::array();
      for (const auto& x : v) a.push_back({{"line", x.line}, {"reason", x.reason}});
      return a;
    };
    json groups = json::array();
    for (const auto& g : GroupByReason(r.skipped)) {
      groups.push_back({{"reason", g.reason}, {"count", g.lines.size()}, {"lines", g.lines}});
    }
    json duplicates = json::array();
    for (const auto& d : r.possible_duplicates) {
      duplicates.push_back({{"line", d.line},
                            {"id", d.added_id},
                            {"existing_id", d.existing_id},
                            {"name", d.name},
                            {"why", d.why}});
    }
    PrintJson(ctx.out, {{"added", r.added},
                        {"merged", r.merged},
                        {"unchanged", r.unchanged},
                        {"repeated", r.repeated.size()},
                        {"skipped", r.skipped.size()},
                        {"rejected", r.rejected.size()},
                        {"possible_duplicates", duplicates},
                        {"organizations_added", r.organizations_added},
                        {"written", r.written},
                        {"merges", merges},
                        {"repeated_rows", rows(r.repeated)},
                        {"skipped_by_reason", groups},
                        {"skipped_rows", rows(r.skipped)},
                        {"rejected_rows", rows(r.rejected)}});
  } else {
    Table t({"ADDED", "MERGED", "UNCHANGED", "REPEATED", "SKIPPED", "REJECTED"});
    t.Add({std::to_string(r.added), std::to_string(r.merged), std::to_string(r.unchanged),
           std::to_string(r.repeated.size()), std::to_string(r.skipped.size()),
           std::to_string(r.rejected.size())});
    t.Print(ctx.out, ctx.style);
    for (const auto& m : r.merges) {
      if (m.changed()) {
        ctx.out << file << ":" << m.line << ": merged into #" << m.contact_id << " " << m.name
                << " (same " << m.matched_by << "); added";
        for (size_t i = 0; i < m.filled.size(); ++i) ctx.out << (i ? ", " : " ") << m.filled[i];
      } else {
        ctx.out << file << ":" << m.line << ": already here as #" << m.contact_id << " " << m.name
                << " (same " << m.matched_by << "); nothing added, and the file differs:";
      }
      ctx.out << '\n';
      for (const auto& c : m.conflicts) ctx.out << "    " << c << '\n';
    }
    for (const auto& d : r.possible_duplicates) {
      ctx.out << file << ":" << d.line << ": added #" << d.added_id << " " << d.name
              << ", who may be #" << d.existing_id << " " << d.name << " (" << d.why
              << "); if they are one person: rapport merge " << d.existing_id << " " << d.added_id
              << '\n';
    }
    if (!r.repeated.empty()) {
      std::vector<int> lines;
      for (const auto& x : r.repeated) lines.push_back(x.line);
      ctx.out << file << ": " << lines.size() << (lines.size() == 1 ? " row repeats" : " rows repeat")
              << " an earlier row of the file (line" << (lines.size() == 1 ? " " : "s ")
              << LineList(lines, o.lines) << ")\n";
    }
    const auto groups = GroupByReason(r.skipped);
    for (const auto& g : groups) {
      ctx.out << file << ": skipped " << g.lines.size() << (g.lines.size() == 1 ? " row" : " rows")
              << ": " << g.reason << " (line" << (g.lines.size() == 1 ? " " : "s ")
              << LineList(g.lines, o.lines) << ")\n";
    }
    const bool cut = std::any_of(groups.begin(), groups.end(),
                                 [](const ImportRowGroup& g) { return g.lines.size() > 5; }) ||
                     r.repeated.size() > 5;
    if (cut && !o.lines) ctx.out << "(--lines lists every line)\n";
  }
  for (const auto& x : r.rejected) ctx.err << file << ":" << x.line << ": " << x.reason << '\n';
  if (!r.rejected.empty() && !o.keep_going) {
    ctx.err << "error: " << r.rejected.size() << (r.rejected.size() == 1 ? " row is" : " rows are")
            << " malformed, so nothing was imported (fix "
            << (r.rejected.size() == 1 ? "it" : "them") << ", or import the rest with --keep-going)\n";
    return kExitUserError;
  }
  if (!ctx.json) {
    if (o.dry_run) {
      ctx.out << "Dry run: nothing was written. Run again without --dry-run to import.\n";
    } else if (r.organizations_added > 0) {
      ctx.out << "Also added " << r.organizations_added << " organization"
              << (r.organizations_added == 1 ? "" : "s") << ".\n";
    }
  }
  return kExitOk;
}

}  // namespace

// Writes next to the target and renames, so a failure never leaves half a
// file where the user expects a whole one.
Status WriteOutput(const std::string& path, const std::string& data, std::ostream& out) {
  if (path.empty() || path == "-") {
    out << data;
    return {};
  }
  std::string tmp = path + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Error::Io("cannot write " + path + ": " + std::strerror(errno));
    f << data;
    f.flush();
    if (!f) {
      std::filesystem::remove(tmp);
      return Error::Io("cannot write " + path + ": " + std::strerror(errno));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    return Error::Io("cannot write " + path + ": " + ec.message());
  }
  return {};
}

void RegisterDataCommands(CLI::App& root, Runner& selected) {
  auto opts = std::make_shared<DataOptions>();

  auto* imp = root.add_subcommand("import", "Bring people in from LinkedIn, a vCard file or Google Contacts");
  imp->add_option("FORMAT", opts->format, "linkedin (Connections.csv), vcard (.vcf) or google (.csv)")
      ->required()
      ->check(CLI::IsMember({"linkedin", "vcard", "google"}));
  imp->add_option("FILE", opts->file, "The exported file, or - for standard input")->required();
  imp->add_flag("--dry-run", opts->dry_run, "Show what would happen; write nothing");
  imp->add_flag("--keep-going", opts->keep_going, "Import the good rows even if some are bad");
  imp->add_option("--tag", opts->tags, "Tag everyone imported (repeatable)")->option_text("T");
  imp->add_flag("--lines", opts->lines, "List every skipped or repeated line, not the first five");
  imp->footer(
      "\nPeople already here (any of their e-mail addresses, or their LinkedIn profile) are\n"
      "merged, not doubled: new addresses and numbers are added, empty fields filled,\n"
      "differing values kept and reported. Two LinkedIn profiles are two people. A row\n"
      "that only shares a name (and organization) with someone is added and reported as a\n"
      "possible duplicate, with the 'rapport merge' that joins them. Importing the same\n"
      "file twice changes nothing.");
  imp->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto data = ReadInput(opts->file);
      if (!data) return Fail(ctx, data.error());
      ImportOptions io;
      io.format = *ParseImportFormat(opts->format);
      io.dry_run = opts->dry_run;
      io.keep_going = opts->keep_going;
      io.tags = opts->tags;
      const bool bar = !ctx.json && isatty(STDERR_FILENO);
      if (bar) {
        io.progress = [&ctx](size_t done, size_t total) {
          int pct = total ? static_cast<int>(100 * done / total) : 100;
          std::string fill(static_cast<size_t>(pct / 4), '#');
          ctx.err << "\r[" << fill << std::string(25 - fill.size(), ' ') << "] " << done << "/"
                  << total << std::flush;
        };
      }
      auto r = ctx.app.data().Import(*data, io);
      if (bar) ctx.err << "\r\x1b[K" << std::flush;
      if (!r) {
        return Fail(ctx, Error(r.error().code(),
                               (opts->file == "-" ? std::string("stdin") : opts->file) + ": " +
                                   r.error().message()));
      }
      return ShowImport(ctx, *opts, *r);
    };
  });

  auto* exp = root.add_subcommand("export", "Take your data out: vCard, iCalendar, CSV or a JSON backup");
  exp->add_option("FORMAT", opts->format,
                  "vcard (people), ics (meetings and due actions), csv (people, or --events), "
                  "json (everything, for 'rapport restore')")
      ->required()
      ->check(CLI::IsMember({"vcard", "ics", "csv", "json"}));
  exp->add_option("-o,--output", opts->output, "Write to FILE (default: standard output)")
      ->option_text("FILE");
  exp->add_option("--org", opts->filter.org, "vcard/csv: only people at this organization");
  exp->add_option("--tag", opts->filter.tag, "vcard/csv: only people with this tag");
  exp->add_flag("--events", opts->events, "csv: the interaction log instead of people");
  exp->add_option("--days", opts->days, "ics: include actions due in the next N days (default 30)")
      ->check(CLI::Range(0, 366));
  exp->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      Result<std::string> data = std::string();
      if (opts->format == "vcard") {
        data = ctx.app.data().ExportVCard(opts->filter);
      } else if (opts->format == "csv") {
        data = opts->events ? ctx.app.data().ExportEventsCsv() : ctx.app.data().ExportPeopleCsv(opts->filter);
      } else if (opts->format == "ics") {
        data = ctx.app.data().ExportIcs(opts->days);
      } else {
        data = ctx.app.data().Backup();
      }
      if (!data) return Fail(ctx, data.error());
      if (auto s = WriteOutput(opts->output, *data, ctx.out); !s) return Fail(ctx, s.error());
      return kExitOk;
    };
  });

  auto* restore = root.add_subcommand("restore", "Restore a JSON backup into an empty database");
  restore->add_option("FILE", opts->file, "A file made by 'rapport export json'")->required();
  restore->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto data = ReadInput(opts->file);
      if (!data) return Fail(ctx, data.error());
      auto r = ctx.app.data().Restore(*data);
      if (!r) {
        // A full database is about --db, not the file; the file's own
        // problems are told with its name.
        const Error& e = r.error();
        if (e.field() == "db") return Fail(ctx, e);
        return Fail(ctx, Error(e.code(), opts->file + ": " + e.message(), e.field(), e.subject()));
      }
      if (ctx.json) {
        PrintJson(ctx.out, {{"organizations", r->organizations},
                            {"contacts", r->contacts},
                            {"objectives", r->objectives},
                            {"events", r->events}});
      } else {
        ctx.out << "Restored " << r->contacts << " contacts, " << r->organizations
                << " organizations, " << r->objectives << " objectives and " << r->events
                << " events.\n";
      }
      return kExitOk;
    };
  });

  auto* copy = root.add_subcommand(
      "copy-db", "Copy everything into another, empty database (e.g. from SQLite to PostgreSQL)");
  copy->add_option("--to", opts->output, "The target: a SQLite file or a postgresql:// URL")
      ->option_text("PATH|URL")
      ->required();
  copy->footer(
      "\nThe target must be empty; its schema is made if needed. Ids, times and every record\n"
      "are kept, and the counts of each kind are compared afterwards. Example:\n"
      "  rapport copy-db --to postgresql://ada@db.example.org/rapport");
  copy->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      // The target's problems (it cannot be reached, it is not empty) are
      // about --to, not --db.
      auto target = ctx.open_other(opts->output);
      if (!target) return Fail(ctx, target.error().InField("to"));
      auto r = ctx.app.data().CopyTo((*target)->app().data());
      if (!r) return Fail(ctx, r.error().field() == "db" ? r.error().InField("to") : r.error());
      if (ctx.json) {
        PrintJson(ctx.out, {{"organizations", r->organizations},
                            {"contacts", r->contacts},
                            {"objectives", r->objectives},
                            {"events", r->events},
                            {"questions", r->questions},
                            {"notes", r->notes},
                            {"answers", r->answers}});
      } else {
        ctx.out << "Copied " << r->contacts << " contacts, " << r->organizations
                << " organizations, " << r->objectives << " objectives, " << r->events
                << " events, " << r->notes << " notes and " << r->answers
                << " answers; the counts match.\n";
      }
      return kExitOk;
    };
  });

  auto* merge = root.add_subcommand("merge", "Merge two records of the same person (the second into the first)");
  merge->add_option("KEEP", opts->ref, "The person to keep")->required();
  merge->add_option("OTHER", opts->other, "The duplicate, removed after the merge")->required();
  merge->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.data().Merge(opts->ref, opts->other);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json j = ToJson(r->survivor);
        j["events_moved"] = r->events_moved;
        PrintJson(ctx.out, j);
      } else {
        ctx.out << "Merged " << r->removed_name << " into #" << r->survivor.id << " "
                << r->survivor.name << " (" << r->events_moved << " events moved)\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace rapport::cli

namespace rapport::cli {

void RegisterMessageCommands(CLI::App& root, Runner& selected) {
  struct LintOptions {
    std::string kind = "request";
    std::string file = "-";
  };
  auto opts = std::make_shared<LintOptions>();
  auto* lint = root.add_subcommand(
      "lint", "Read a message before you send it: etiquette, tone and spelling");
  lint->add_option("FILE", opts->file, "The message (default: standard input)");
  lint->add_option("--kind", opts->kind,
                   "request, follow_up, thank_you, intro_request, touch or introduction (default: request)")
      ->check(CLI::IsMember({"request", "follow_up", "thank_you", "intro_request", "touch", "introduction"}));
  std::string rules = "\nRules:\n";
  for (const auto& r : LintRules()) {
    rules += "  " + std::string(r.id) + std::string(24 - std::min<size_t>(23, r.id.size()), ' ') +
             std::string(r.description) + "\n";
  }
  rules += "\nExit status: 0 when no finding is an error, 1 otherwise.";
  lint->footer(rules);
  lint->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto text = ReadInput(opts->file);
      if (!text) return Fail(ctx, text.error());
      auto findings = ctx.app.messaging().Lint(*text, *ParseMessageKind(opts->kind));
      if (!findings) return Fail(ctx, findings.error());
      const std::string where = opts->file == "-" ? "stdin" : opts->file;
      if (ctx.json) {
        json arr = json::array();
        for (const auto& f : *findings) {
          json j = {{"rule", f.rule},
                    {"severity", std::string(ToString(f.severity))},
                    {"line", f.line},
                    {"column", f.column},
                    {"end_line", f.end_line},
                    {"end_column", f.end_column},
                    {"message", f.message}};
          if (f.suggestion) j["suggestion"] = *f.suggestion;
          arr.push_back(j);
        }
        PrintJson(ctx.out, arr);
      } else if (findings->empty()) {
        ctx.out << "No findings: it reads well.\n";
      } else {
        for (const auto& f : *findings) {
          std::string sev(ToString(f.severity));
          if (f.severity == Severity::kError) {
            sev = ctx.style.Red(sev);
          } else if (f.severity == Severity::kWarning) {
            sev = ctx.style.Yellow(sev);
          }
          ctx.out << where << ":" << f.line << ":" << f.column << ": " << sev << ": " << f.message
                  << " [" << f.rule << "]\n";
          if (f.suggestion) ctx.out << "    try: " << *f.suggestion << '\n';
        }
      }
      return HasErrors(*findings) ? kExitUserError : kExitOk;
    };
  });
}

}  // namespace rapport::cli

namespace rapport::cli {

namespace {

struct DraftOptions {
  DraftInput in;
  std::string output, file, eml;
  bool force = false, mark_sent = false;
};

void AddDraftOptions(CLI::App* cmd, DraftOptions& o) {
  std::string kinds = "request (picks first/second/cold by degree)";
  for (const auto& t : MessageTemplates()) kinds += ", " + std::string(t.name);
  cmd->add_option("KIND", o.in.kind, "Which message: " + kinds)->required();
  cmd->add_option("CONTACT", o.in.contact, "Whom it is about (id, email or part of the name)")
      ->required();
  cmd->add_option("--objective", o.in.objective, "The objective (default: the thread's)")
      ->option_text("REF");
  cmd->add_option("--how-we-met", o.in.how_we_met, "One sentence on how you found them")
      ->option_text("TEXT");
  cmd->add_option("--specific", o.in.specific,
                  "Something specific from the conversation (thank-yous)")
      ->option_text("TEXT");
  cmd->add_option("--article", o.in.article, "What you are sharing (touch)")->option_text("TEXT");
  cmd->add_option("--news", o.in.news, "Your news (touch, new_job)")->option_text("TEXT");
}

std::string DraftText(const DraftResult& d, bool with_headers) {
  std::string s;
  if (with_headers) {
    s += "To: " + d.to.name + (d.to.email ? " <" + *d.to.email + ">" : "") + "\n";
    s += "Subject: " + d.subject + "\n\n";
  }
  return s + d.body;
}

// Where each template field comes from, as a terminal user sets it (the
// meanings are the core's, MessageFields; the flags and commands are ours).
constexpr std::pair<std::string_view, std::string_view> kFieldSources[] = {
    {"name", "CONTACT's name (rapport contact edit CONTACT --name)"},
    {"first_name", "the first word of CONTACT's name"},
    {"org", "CONTACT's organization (contact edit --org)"},
    {"at_org", "\" at ORG\" when CONTACT has an organization, else nothing"},
    {"title", "CONTACT's job title (contact edit --title)"},
    {"objective", "--objective, else the objective of their thread (rapport target CONTACT --objective REF)"},
    {"field", "the objective's title, as for objective"},
    {"how_we_met", "--how-we-met, else a sentence from CONTACT's --introducer or --source"},
    {"introducer", "CONTACT's introducer (contact edit --introducer REF)"},
    {"introducer_first_name", "the first word of the introducer's name"},
    {"request_date", "the day of the last 'rapport request' (or 'intro') logged"},
    {"meeting_date", "the day of the last 'rapport met' logged"},
    {"specific", "--specific, else the note of the last 'rapport met --note'"},
    {"times", "two afternoons next week, in CONTACT's --tz when known"},
    {"minutes", "the playbook's meeting_minutes (config.toml [playbook])"},
    {"article", "--article"},
    {"news", "--news"},
    {"my_name", "rapport profile set name"},
    {"my_intro", "rapport profile set intro"},
    {"my_phone", "rapport profile set phone"},
    {"signature", "rapport profile set signature (else your name)"},
};

std::string DraftHelp() {
  auto pad = [](std::string s, size_t w) { return s + std::string(s.size() < w ? w - s.size() : 1, ' '); };
  std::string s = "\nThe templates and the fields each uses:\n";
  for (const auto& t : MessageTemplates()) {
    std::string fields;
    for (auto f : t.fields) fields += (fields.empty() ? "" : ", ") + std::string(f);
    s += "  " + pad(std::string(t.name), 18) + fields + "\n";
  }
  s += "\nWhere each field comes from:\n";
  for (const auto& f : MessageFields()) {
    std::string_view source;
    for (const auto& [name, from] : kFieldSources) {
      if (name == f.name) source = from;
    }
    s += "  " + pad(std::string(f.name), 23) + std::string(source.empty() ? f.meaning : source) + "\n";
  }
  s += "\nA field that cannot be filled stays as {{field}}; the linter flags it, and 'rapport\n"
       "send' refuses it. Override a template with\n"
       "$XDG_CONFIG_HOME/rapport/templates/KIND.mustache (the same fields).";
  return s;
}

void PrintFindings(Context& ctx, const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    ctx.err << "draft:" << f.line << ":" << f.column << ": " << ToString(f.severity) << ": "
            << f.message << " [" << f.rule << "]\n";
  }
}

}  // namespace

void RegisterDraftCommands(CLI::App& root, Runner& selected) {
  auto d = std::make_shared<DraftOptions>();
  auto* draft = root.add_subcommand("draft", "Write a message from a template, filled from your records");
  AddDraftOptions(draft, *d);
  draft->add_option("-o,--output", d->output, "Write the message to FILE to edit it")
      ->option_text("FILE");
  draft->footer(DraftHelp());
  draft->callback([&selected, d] {
    selected = [d](Context& ctx) {
      auto r = ctx.app.messaging().DraftMessage(d->in);
      if (!r) return Fail(ctx, r.error());
      auto findings = ctx.app.messaging().Lint(r->body, r->lint_kind, r->about.id);
      if (ctx.json) {
        json j = {{"template", r->template_name},
                  {"to", r->to.name},
                  {"subject", r->subject},
                  {"body", r->body}};
        if (r->to.email) j["to_email"] = *r->to.email;
        json fj = json::array();
        if (findings) {
          for (const auto& f : *findings) {
            fj.push_back({{"rule", f.rule},
                          {"severity", std::string(ToString(f.severity))},
                          {"line", f.line},
                          {"column", f.column},
                          {"message", f.message}});
          }
        }
        j["findings"] = fj;
        PrintJson(ctx.out, j);
        return kExitOk;
      }
      std::string text = DraftText(*r, true);
      if (auto s = WriteOutput(d->output, text, ctx.out); !s) return Fail(ctx, s.error());
      if (!d->output.empty() && d->output != "-") {
        ctx.err << "Wrote " << d->output << "; edit it, then: rapport send " << r->template_name
                << " " << r->about.id << " --file " << d->output << '\n';
      }
      if (findings) PrintFindings(ctx, *findings);
      return kExitOk;
    };
  });

  auto* send = root.add_subcommand(
      "send", "Draft (or take your edited file), check, send by mail, and log it");
  AddDraftOptions(send, *d);
  send->add_option("--file", d->file,
                   "Send this edited draft instead (a 'Subject:' line, a blank line, the body)")
      ->option_text("FILE");
  send->add_flag("--force", d->force, "Send even when the linter finds an error");
  send->add_option("--eml", d->eml, "Without [smtp]: where to write the message (.eml)")
      ->option_text("FILE");
  send->add_flag("--mark-sent", d->mark_sent,
                 "Without [smtp]: log it as sent (you sent it from your mail client)");
  send->callback([&selected, d] {
    selected = [d](Context& ctx) {
      auto r = ctx.app.messaging().DraftMessage(d->in);
      if (!r) return Fail(ctx, r.error());
      std::string body = r->body;
      if (!d->file.empty()) {
        auto text = ReadInput(d->file);
        if (!text) return Fail(ctx, text.error());
        // Headers the draft printed (To:, Subject:) up to the first blank line.
        std::istringstream in(*text);
        std::string line, rest;
        bool headers = true;
        body.clear();
        while (std::getline(in, line)) {
          if (headers) {
            if (line.rfind("Subject:", 0) == 0) {
              r->subject = Trim(line.substr(8));
              continue;
            }
            if (line.rfind("To:", 0) == 0) continue;
            if (line.empty()) {
              headers = false;
              continue;
            }
            headers = false;
          }
          body += line + "\n";
        }
      }
      auto findings = ctx.app.messaging().Lint(body, r->lint_kind, r->about.id);
      if (!findings) return Fail(ctx, findings.error());
      if (HasErrors(*findings) && !d->force) {
        PrintFindings(ctx, *findings);
        return Fail(ctx, Error::InvalidArgument(
                             "the message has errors, so it was not sent (fix them, or send "
                             "anyway with --force)"));
      }
      std::string eml = d->eml.empty()
                            ? "rapport-" + r->template_name + "-" + std::to_string(r->about.id) + ".eml"
                            : d->eml;
      auto s = ctx.app.messaging().SendMessage(*r, body, eml, d->mark_sent);
      if (!s) return Fail(ctx, s.error());
      if (ctx.json) {
        json j = {{"sent", s->sent}};
        if (!s->eml_path.empty()) j["eml"] = s->eml_path;
        if (!s->mailto.empty()) j["mailto"] = s->mailto;
        if (s->logged) j["event"] = ToJson(*s->logged);
        PrintJson(ctx.out, j);
        return kExitOk;
      }
      if (s->sent) {
        ctx.out << "Sent to " << r->to.name << " <" << *r->to.email << ">";
      } else {
        ctx.out << "No [smtp] in config.toml: wrote " << s->eml_path
                << " (open it with your mail client), or use:\n"
                << s->mailto << '\n';
      }
      if (s->logged) {
        ctx.out << (s->sent ? "; logged " : "Logged ") << ToString(s->logged->kind) << '\n';
      } else {
        ctx.out << "Once you have sent it, log it: rapport send " << r->template_name << " "
                << r->about.id << (d->file.empty() ? "" : " --file " + d->file)
                << " --mark-sent\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace rapport::cli
