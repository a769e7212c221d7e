// rapport org add|list|show|edit|rm
#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/json.h"

namespace rapport::cli {

namespace {

struct OrgOptions {
  std::string ref;
  OrgFields fields;
  std::string name;
};

void AddFieldOptions(CLI::App* cmd, OrgFields& f) {
  cmd->add_option("--industry", f.industry, "Industry, e.g. \"Healthcare\"")->option_text("I");
  cmd->add_option("--size", f.size, "small, medium or large")->option_text("SIZE");
  cmd->add_option("--location", f.location, "City or region")->option_text("L");
  cmd->add_option("--website", f.website, "Web address")->option_text("URL");
}

void PrintOrg(Context& ctx, const Organization& o) {
  Fields f;
  f.Add("Organization", "#" + std::to_string(o.id) + " " + o.name);
  f.Add("Industry", o.industry.value_or(""));
  f.Add("Size", o.size ? std::string(ToString(*o.size)) : "");
  f.Add("Location", o.location.value_or(""));
  f.Add("Website", o.website.value_or(""));
  f.Add("Contacts", std::to_string(o.contact_count));
  f.Print(ctx.out, ctx.style);
}

}  // namespace

void RegisterOrgCommands(CLI::App& root, Runner& selected) {
  auto* org = root.add_subcommand("org", "Organizations on your target list");
  org->require_subcommand(1);
  auto opts = std::make_shared<OrgOptions>();

  auto* add = org->add_subcommand("add", "Add an organization");
  add->add_option("NAME", opts->name, "Its name")->required();
  AddFieldOptions(add, opts->fields);
  add->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      opts->fields.name = opts->name;
      auto r = ctx.app.records().AddOrganization(opts->fields);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        ctx.out << "Added organization #" << r->id << " " << r->name << '\n';
      }
      return kExitOk;
    };
  });

  auto* list = org->add_subcommand("list", "List organizations");
  list->callback([&selected] {
    selected = [](Context& ctx) {
      auto r = ctx.app.records().ListOrganizations();
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json arr = json::array();
        for (const auto& o : *r) arr.push_back(ToJson(o));
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      if (r->empty()) {
        ctx.out << "No organizations yet. Add one: rapport org add NAME\n";
        return kExitOk;
      }
      Table t({"ID", "NAME", "INDUSTRY", "SIZE", "LOCATION", "CONTACTS"});
      for (const auto& o : *r) {
        t.Add({std::to_string(o.id), o.name, o.industry.value_or(""),
               o.size ? std::string(ToString(*o.size)) : "", o.location.value_or(""),
               std::to_string(o.contact_count)});
      }
      t.Print(ctx.out, ctx.style);
      return kExitOk;
    };
  });

  auto* show = org->add_subcommand("show", "Show one organization");
  show->add_option("REF", opts->ref, "Id or name")->required();
  show->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().ShowOrganization(opts->ref);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        PrintOrg(ctx, *r);
      }
      return kExitOk;
    };
  });

  auto* edit = org->add_subcommand("edit", "Change an organization (an empty value clears a field)");
  edit->add_option("REF", opts->ref, "Id or name")->required();
  edit->add_option("--name", opts->fields.name, "New name");
  AddFieldOptions(edit, opts->fields);
  edit->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().EditOrganization(opts->ref, opts->fields);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        ctx.out << "Updated organization #" << r->id << " " << r->name << '\n';
      }
      return kExitOk;
    };
  });

  auto* rm = org->add_subcommand("rm", "Remove an organization (its contacts stay, without it)");
  rm->add_option("REF", opts->ref, "Id or name")->required();
  rm->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().RemoveOrganization(opts->ref);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        ctx.out << "Removed organization #" << r->id << " " << r->name << '\n';
      }
      return kExitOk;
    };
  });
}

}  // namespace rapport::cli
