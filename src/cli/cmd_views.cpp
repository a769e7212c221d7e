// Views over the log: agenda, status, pipeline, timeline, stats, playbook,
// reindex.
#include <CLI/CLI.hpp>
#include <map>

#include "cli/cli.h"
#include "cli/json.h"
#include "rapport/model/time.h"
#include "rapport/present/json.h"

namespace rapport::cli {

namespace {

struct ViewOptions {
  int days = 0;
  int limit = 50;
  std::optional<std::string> objective;
  std::string contact;
};

std::string WhoOf(const AgendaItem& item) {
  if (item.action.kind == ActionKind::kWeeklyGoal) return "";
  std::string s = item.contact_name;
  if (!item.about_name.empty()) s += " (about " + item.about_name + ")";
  return s;
}

int ShowAgenda(Context& ctx, const ViewOptions& o) {
  auto r = ctx.app.pipeline().GetAgenda(o.days, o.limit);
  if (!r) return Fail(ctx, r.error());
  if (ctx.json) {
    json arr = json::array();
    for (const auto& item : r->items) arr.push_back(ToJson(item));
    PrintJson(ctx.out, arr);
    return kExitOk;
  }
  if (r->items.empty()) {
    ctx.out << "Nothing due" << (o.days ? " in the next " + std::to_string(o.days) + " days" : " today")
            << ". Well done.\n";
    return kExitOk;
  }
  Table t({"DUE", "ACTION", "WHO", "WHY"});
  for (const auto& item : r->items) {
    std::string due = FormatFriendly(item.action.due, ctx.zone, r->now);
    if (item.overdue) due = ctx.style.Red(due);
    t.Add({due, std::string(ToString(item.action.kind)), WhoOf(item), item.action.reason});
  }
  t.Print(ctx.out, ctx.style);
  if (r->more > 0) {
    ctx.out << ctx.style.Dim("… and " + std::string(r->more_at_least ? "over " : "") +
                             std::to_string(r->more) +
                             " more people with something due (raise --limit)")
            << '\n';
  }
  return kExitOk;
}

// `format` with {overdue}, {today} and {due} (the two together) filled in;
// nullopt and `bad` set to the first other {name} when there is one.
std::optional<std::string> FillStatus(const std::string& format, const DueCounts& c,
                                      std::string& bad) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    const size_t close = format[i] == '{' ? format.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += format[i];
      continue;
    }
    const std::string name = format.substr(i + 1, close - i - 1);
    if (name == "overdue") {
      out += std::to_string(c.overdue);
    } else if (name == "today") {
      out += std::to_string(c.today);
    } else if (name == "due") {
      out += std::to_string(c.overdue + c.today);
    } else {
      bad = "{" + name + "}";
      return std::nullopt;
    }
    i = close;
  }
  return out;
}

int ShowStatus(Context& ctx, const std::optional<std::string>& format) {
  auto r = ctx.app.pipeline().CountDue();
  if (!r) return Fail(ctx, r.error());
  if (ctx.json) {
    PrintJson(ctx.out, {{"overdue", r->overdue},
                        {"today", r->today},
                        {"due", r->overdue + r->today},
                        {"now", FormatIso(r->now)}});
    return kExitOk;
  }
  std::string line;
  if (format) {
    std::string bad;
    auto filled = FillStatus(*format, *r, bad);
    if (!filled) {
      return FailUsage(ctx, "'" + bad + "' is not a field of the format (use {overdue}, {today} "
                            "or {due})", "--format");
    }
    line = *filled;
  } else {
    if (r->overdue > 0) line = std::to_string(r->overdue) + " overdue";
    if (r->today > 0) line += (line.empty() ? "" : " · ") + std::to_string(r->today) + " today";
  }
  // Nothing due, nothing printed: a prompt shows no segment.
  if (r->overdue + r->today > 0) ctx.out << line << '\n';
  return kExitOk;
}

}  // namespace

void RegisterViewCommands(CLI::App& root, Runner& selected) {
  auto opts = std::make_shared<ViewOptions>();

  auto* agenda = root.add_subcommand("agenda", "What to do today, and why (overdue first)");
  agenda->add_option("--days", opts->days, "Also look this many days ahead (default: today only)")
      ->option_text("N")
      ->check(CLI::Range(0, 366));
  agenda->add_option("--limit", opts->limit, "Show at most this many people (default 50)")
      ->option_text("N")
      ->check(CLI::Range(1, 100000));
  agenda->callback([&selected, opts] {
    selected = [opts](Context& ctx) { return ShowAgenda(ctx, *opts); };
  });

  auto status_format = std::make_shared<std::optional<std::string>>();
  auto* status = root.add_subcommand(
      "status", "One short line for a shell prompt: how many people are overdue and due today");
  status
      ->add_option("--format", *status_format,
                   "The line, with {overdue}, {today} and {due} (both) filled in; e.g. "
                   "'{due} due' (default: \"2 overdue · 3 today\", leaving out a zero)")
      ->option_text("TEXT");
  status->footer(R"(
Prints nothing when nothing is due today, so a prompt shows no segment.
It reads only the stored plans (one indexed count), not everyone's log:
it counts people, not actions, and leaves out the weekly goal; 'rapport
agenda' has the details. With --json: {"overdue", "today", "due", "now"}.

In a prompt (docs/user-guide.md#for-the-terminal has zsh, fish and tmux):
  PS1='$(rapport status --format "[{due} due] ")'"$PS1")");
  status->callback([&selected, status_format] {
    selected = [status_format](Context& ctx) { return ShowStatus(ctx, *status_format); };
  });

  auto* pipeline = root.add_subcommand("pipeline", "Everyone in the pipeline, by stage");
  pipeline->add_option("--objective", opts->objective, "Only this objective")->option_text("REF");
  pipeline->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.pipeline().Board(opts->objective);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json arr = json::array();
        for (const auto& e : *r) {
          json j = {{"id", e.contact.id},
                    {"name", e.contact.name},
                    {"stage", std::string(ToString(e.stage))}};
          if (e.objective_id) j["objective_id"] = *e.objective_id;
          if (e.next_due) j["next_due"] = FormatIso(*e.next_due);
          arr.push_back(j);
        }
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      if (r->empty()) {
        ctx.out << "Nobody in the pipeline yet. Start with: rapport target CONTACT\n";
        return kExitOk;
      }
      Table t({"STAGE", "ID", "NAME", "ORGANIZATION", "NEXT DUE"});
      const Instant now = ctx.app.Now();
      for (const auto& e : *r) {
        t.Add({std::string(ToString(e.stage)), std::to_string(e.contact.id), e.contact.name,
               e.contact.org_name, e.next_due ? FormatFriendly(*e.next_due, ctx.zone, now) : ""});
      }
      t.Print(ctx.out, ctx.style);
      return kExitOk;
    };
  });

  auto* timeline = root.add_subcommand("timeline", "Everything that happened with a person, in order");
  timeline->add_option("CONTACT", opts->contact, "Id, email or part of the name")->required();
  timeline->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.pipeline().Timeline(opts->contact);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json arr = json::array();
        for (const auto& e : *r) arr.push_back(ToJson(e));
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      if (r->empty()) {
        ctx.out << "Nothing logged yet.\n";
        return kExitOk;
      }
      const Instant now = ctx.app.Now();
      Table t({"ID", "WHEN", "WHAT", "DETAILS"});
      for (const auto& e : *r) {
        std::string details;
        if (e.meeting_at) {
          details = "meeting " + FormatFriendly(*e.meeting_at, ctx.zone, now);
          if (e.meeting_minutes) details += ", " + std::to_string(*e.meeting_minutes) + " min";
          if (e.meeting_mode) details += ", " + std::string(ToString(*e.meeting_mode));
        }
        if (e.voicemail) details += "voicemail left";
        if (e.kind == EventKind::kPromiseMade) details += e.theirs ? "theirs: " : "mine: ";
        if (e.body) details += (details.empty() || details.back() == ' ' ? "" : "; ") + *e.body;
        if (e.due) details += " (due " + FormatDay(*e.due, ctx.zone, now) + ")";
        t.Add({std::to_string(e.id), FormatFriendly(e.at, ctx.zone, now),
               std::string(ToString(e.kind)), details});
      }
      t.Print(ctx.out, ctx.style);
      return kExitOk;
    };
  });

  auto* stats = root.add_subcommand("stats", "Meetings per week, response rates, objectives");
  stats->callback([&selected] {
    selected = [](Context& ctx) {
      auto r = ctx.app.pipeline().GetStats();
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, present::StatsJson(*r));
        return kExitOk;
      }
      const Instant now = ctx.app.Now();
      ctx.out << ctx.style.Bold("Meetings per week") << " (goal " << r->weekly_goal << ")\n";
      for (const auto& w : r->weeks) {
        std::string bar(static_cast<size_t>(std::min(w.meetings, 40)), '#');
        ctx.out << "  " << FormatDay(w.start, ctx.zone, now) << "  " << w.meetings << "  "
                << (w.meetings >= r->weekly_goal ? ctx.style.Green(bar) : bar) << '\n';
      }
      auto rates = [&](const char* title, const std::vector<Stats::Rate>& v) {
        ctx.out << '\n' << ctx.style.Bold(title) << '\n';
        if (v.empty()) {
          ctx.out << "  no requests yet\n";
          return;
        }
        Table t({"", "ASKED", "ANSWERED", "YES", "RATE"});
        for (const auto& x : v) {
          t.Add({x.key, std::to_string(x.asked), std::to_string(x.answered),
                 std::to_string(x.yes),
                 std::to_string(x.asked ? (100 * x.answered) / x.asked : 0) + "%"});
        }
        t.Print(ctx.out, ctx.style);
      };
      rates("Response by degree", r->by_degree);
      rates("Response by source", r->by_source);
      rates("Response by template (\"yours\": written without one)", r->by_template);
      ctx.out << '\n' << ctx.style.Bold("Objectives") << '\n';
      if (r->objectives.empty()) ctx.out << "  none yet\n";
      for (const auto& p : r->objectives) {
        ctx.out << "  #" << p.objective.id << " " << p.objective.title << ": " << p.conversations
                << " of " << p.target << " conversations, " << p.verdict << '\n';
      }
      return kExitOk;
    };
  });

  auto* playbook = root.add_subcommand("playbook", "The rules in force, and where each came from");
  playbook->callback([&selected] {
    selected = [](Context& ctx) {
      const auto& cfg = ctx.app.config();
      if (ctx.json) {
        json arr = json::array();
        for (const auto& s : PlaybookSettings()) {
          auto it = cfg.origin.find(s.name);
          arr.push_back({{"name", std::string(s.name)},
                         {"value", GetSetting(cfg.playbook, s.name)},
                         {"unit", std::string(s.unit)},
                         {"from", it == cfg.origin.end() ? "default" : it->second},
                         {"description", std::string(s.description)}});
        }
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      Table t({"SETTING", "VALUE", "FROM", "WHAT IT MEANS"});
      for (const auto& s : PlaybookSettings()) {
        auto it = cfg.origin.find(s.name);
        std::string value = GetSetting(cfg.playbook, s.name);
        if (s.unit != "bool" && s.unit != "count") value += " " + std::string(s.unit);
        t.Add({std::string(s.name), value, it == cfg.origin.end() ? "default" : it->second,
               std::string(s.description)});
      }
      t.Print(ctx.out, ctx.style);
      ctx.out << "\nTimes shown in " << cfg.zone << " (from " << cfg.zone_origin << ").\n";
      return kExitOk;
    };
  });

  auto* reindex = root.add_subcommand("reindex", "Recompute every person's stage and next action");
  reindex->callback([&selected] {
    selected = [](Context& ctx) {
      auto r = ctx.app.pipeline().Reindex();
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, {{"contacts", *r}});
      } else {
        ctx.out << "Reindexed " << *r << " contacts.\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace rapport::cli
