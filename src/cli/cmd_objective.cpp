// rapport objective add|list|show|edit|rm
#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/json.h"

namespace rapport::cli {

namespace {
struct ObjectiveOptions {
  std::string ref, title;
  ObjectiveFields fields;
};

void PrintObjective(Context& ctx, const Objective& o) {
  Fields f;
  f.Add("Objective", "#" + std::to_string(o.id) + " " + o.title);
  f.Add("Kind", std::string(ToString(o.kind)));
  const int def = ctx.app.config().playbook.enough_conversations;
  f.Add("Target", o.target ? std::to_string(*o.target) + " conversations"
                           : std::to_string(def) + " conversations (playbook default)");
  f.Add("Notes", o.notes.value_or(""));
  f.Print(ctx.out, ctx.style);
}
}  // namespace

void RegisterObjectiveCommands(CLI::App& root, Runner& selected) {
  auto* obj = root.add_subcommand("objective", "What you want to learn: an industry, company or role");
  obj->require_subcommand(1);
  auto opts = std::make_shared<ObjectiveOptions>();

  auto* add = obj->add_subcommand("add", "Add an objective");
  add->add_option("TITLE", opts->title, "What you want to learn about")->required();
  add->add_option("--kind", opts->fields.kind, "industry, company or role")->required();
  add->add_option("--target", opts->fields.target,
                  "Conversations wanted (default: the playbook's enough_conversations)")
      ->option_text("N");
  add->add_option("--notes", opts->fields.notes, "Research notes");
  add->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      opts->fields.title = opts->title;
      auto r = ctx.app.records().AddObjective(opts->fields);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        ctx.out << "Added objective #" << r->id << " " << r->title << '\n';
      }
      return kExitOk;
    };
  });

  auto* list = obj->add_subcommand("list", "List objectives");
  list->callback([&selected] {
    selected = [](Context& ctx) {
      auto r = ctx.app.records().ListObjectives();
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json arr = json::array();
        for (const auto& o : *r) arr.push_back(ToJson(o));
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      if (r->empty()) {
        ctx.out << "No objectives yet. Add one: rapport objective add TITLE --kind role\n";
        return kExitOk;
      }
      Table t({"ID", "TITLE", "KIND", "TARGET"});
      for (const auto& o : *r) {
        t.Add({std::to_string(o.id), o.title, std::string(ToString(o.kind)),
               o.target ? std::to_string(*o.target) : ""});
      }
      t.Print(ctx.out, ctx.style);
      return kExitOk;
    };
  });

  auto* show = obj->add_subcommand("show", "Show one objective");
  show->add_option("REF", opts->ref, "Id or part of the title")->required();
  show->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().ShowObjective(opts->ref);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        PrintObjective(ctx, *r);
      }
      return kExitOk;
    };
  });

  auto* edit = obj->add_subcommand("edit", "Change an objective");
  edit->add_option("REF", opts->ref, "Id or part of the title")->required();
  edit->add_option("--title", opts->fields.title, "New title");
  edit->add_option("--kind", opts->fields.kind, "industry, company or role");
  edit->add_option("--target", opts->fields.target, "Conversations wanted (0: playbook default)")
      ->option_text("N");
  edit->add_option("--notes", opts->fields.notes, "Research notes (empty clears)");
  edit->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().EditObjective(opts->ref, opts->fields);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        ctx.out << "Updated objective #" << r->id << " " << r->title << '\n';
      }
      return kExitOk;
    };
  });

  auto* rm = obj->add_subcommand("rm", "Remove an objective (its events stay, without it)");
  rm->add_option("REF", opts->ref, "Id or part of the title")->required();
  rm->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().RemoveObjective(opts->ref);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        ctx.out << "Removed objective #" << r->id << " " << r->title << '\n';
      }
      return kExitOk;
    };
  });
}

}  // namespace rapport::cli
