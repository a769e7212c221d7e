// Views over the log: agenda, pipeline, timeline, stats, playbook, reindex.
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
    ctx.out << ctx.style.Dim("… and " + std::to_string(r->more) +
                             " more people with something due (raise --limit)")
            << '\n';
  }
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
