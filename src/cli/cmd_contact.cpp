// rapport contact add|list|show|edit|rm
#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/json.h"
#include "rapport/model/time.h"

namespace rapport::cli {

namespace {

struct ContactOptions {
  std::string ref, name;
  ContactFields fields;
  std::optional<std::string> org_filter, tag_filter;
};

void AddFieldOptions(CLI::App* cmd, ContactFields& f) {
  cmd->add_option("--org", f.org, "Organization (an id or exact name; a new name is created)");
  cmd->add_option("--title", f.title, "Job title")->option_text("T");
  cmd->add_option("--email", f.email, "Email address")->option_text("E");
  cmd->add_option("--phone", f.phone, "Phone number")->option_text("P");
  cmd->add_option("--linkedin", f.linkedin, "LinkedIn profile address")->option_text("URL");
  cmd->add_option("--location", f.location, "City or region")->option_text("L");
  cmd->add_option("--tz", f.tz, "Their time zone, e.g. America/New_York")->option_text("IANA_ZONE");
  cmd->add_option("--source", f.source,
                  "How you found them: referral, linkedin, association, alumni, faculty, "
                  "conference, forum, news, other")
      ->option_text("SOURCE");
  cmd->add_option("--degree", f.degree, "first (you know them), second (via someone), or cold")
      ->option_text("DEGREE");
  cmd->add_option("--introducer", f.introducer, "Who introduced or referred them (a contact)")
      ->option_text("CONTACT");
}

std::string Describe(const Contact& c) {
  std::string s = "#" + std::to_string(c.id) + " " + c.name;
  if (!c.org_name.empty()) s += " (" + c.org_name + ")";
  return s;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += sep;
    s += x;
  }
  return s;
}

void PrintContact(Context& ctx, const ContactDetail& d) {
  const Contact& c = d.contact;
  const Instant now = ctx.app.Now();
  Fields f;
  f.Add("Contact", "#" + std::to_string(c.id) + " " + c.name);
  f.Add("Organization", c.org_name);
  f.Add("Title", c.title.value_or(""));
  // "ada@example.org (work)", then each other address on its own line.
  auto with_label = [](const std::string& v, const std::string& label) {
    return label.empty() ? v : v + " (" + label + ")";
  };
  f.Add("Email", c.email ? with_label(*c.email, c.email_label) : "");
  for (const auto& e : c.other_emails) f.Add("Email", with_label(e.value, e.label));
  f.Add("Phone", c.phone ? with_label(*c.phone, c.phone_label) : "");
  for (const auto& t : c.other_phones) f.Add("Phone", with_label(t.value, t.label));
  f.Add("LinkedIn", c.linkedin.value_or(""));
  f.Add("Location", c.location.value_or(""));
  if (c.tz) f.Add("Time zone", *c.tz + " (now " + FormatLocal(now, *c.tz).substr(11) + " there)");
  f.Add("Source", c.source ? std::string(ToString(*c.source)) : "");
  f.Add("Degree", c.degree ? std::string(ToString(*c.degree)) : "");
  if (c.introducer_id) f.Add("Introducer", "#" + std::to_string(*c.introducer_id) + " " + c.introducer_name);
  f.Add("Tags", Join(c.tags, ", "));
  if (c.connected_at) f.Add("Connected", FormatDay(*c.connected_at, ctx.zone, now));
  f.Add("Note", c.note.value_or(""));
  f.Add("Stage", std::string(ToString(d.stage)));
  if (d.event_count > 0) {
    f.Add("History", std::to_string(d.event_count) + " events, last " +
                         FormatDay(*d.last_event_at, ctx.zone, now) + " (rapport timeline " +
                         std::to_string(c.id) + ")");
  }
  std::vector<std::string> intro;
  for (const auto& i : d.introduced) intro.push_back(i.name);
  f.Add("Introduced", Join(intro, ", "));
  f.Print(ctx.out, ctx.style);
  if (!d.actions.empty()) {
    ctx.out << '\n';
    Table t({"NEXT", "DUE", "WHY"});
    for (const auto& a : d.actions) {
      std::string due = FormatFriendly(a.due, ctx.zone, now);
      t.Add({std::string(ToString(a.kind)), IsOverdue(a, now) ? ctx.style.Red(due) : due,
             a.reason});
    }
    t.Print(ctx.out, ctx.style);
  }
}

json DetailJson(const ContactDetail& d) {
  json j = ToJson(d.contact);
  j["stage"] = std::string(ToString(d.stage));
  json actions = json::array();
  for (const auto& a : d.actions) actions.push_back(ToJson(a));
  j["actions"] = actions;
  j["events"] = d.event_count;
  if (d.last_event_at) j["last_event_at"] = FormatIso(*d.last_event_at);
  json intro = json::array();
  for (const auto& i : d.introduced) intro.push_back({{"id", i.id}, {"name", i.name}});
  j["introduced"] = intro;
  return j;
}

}  // namespace

void RegisterContactCommands(CLI::App& root, Runner& selected) {
  auto* contact = root.add_subcommand("contact", "People: whom you might talk to, and whom you know");
  contact->require_subcommand(1);
  auto opts = std::make_shared<ContactOptions>();

  auto* add = contact->add_subcommand("add", "Add a person");
  add->add_option("NAME", opts->name, "Their full name")->required();
  AddFieldOptions(add, opts->fields);
  add->add_option("--tag", opts->fields.add_tags, "A tag (repeat for several)")->option_text("T");
  add->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      opts->fields.name = opts->name;
      auto r = ctx.app.records().AddContact(opts->fields);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(r->contact));
      } else {
        ctx.out << "Added contact " << Describe(r->contact)
                << (r->created_org ? " and the new organization " + r->contact.org_name : "")
                << '\n';
      }
      return kExitOk;
    };
  });

  // rapport refer CONTACT NAME: the person CONTACT suggested.
  auto refer_opts = std::make_shared<ContactOptions>();
  auto* refer = root.add_subcommand(
      "refer", "Add someone a contact suggested you meet (source referral, second degree)");
  refer->add_option("CONTACT", refer_opts->ref, "Who suggested them: id, email or part of the name")
      ->required();
  refer->add_option("NAME", refer_opts->name, "The suggested person's full name")->required();
  AddFieldOptions(refer, refer_opts->fields);
  refer->add_option("--tag", refer_opts->fields.add_tags, "A tag (repeat for several)")
      ->option_text("T");
  refer->callback([&selected, refer_opts] {
    selected = [opts = refer_opts](Context& ctx) {
      opts->fields.name = opts->name;
      auto r = ctx.app.records().Refer(opts->ref, opts->fields);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(r->contact));
      } else {
        ctx.out << "Added " << Describe(r->contact) << ", referred by "
                << r->contact.introducer_name << '\n'
                << "After you meet them, tell " << r->contact.introducer_name
                << " how it went: the agenda will remind you.\n";
      }
      return kExitOk;
    };
  });

  auto* list = contact->add_subcommand("list", "List people");
  list->add_option("--org", opts->org_filter, "Only people at this organization");
  list->add_option("--tag", opts->tag_filter, "Only people with this tag");
  list->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().ListContacts(opts->org_filter, opts->tag_filter);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        json arr = json::array();
        for (const auto& c : *r) arr.push_back(ToJson(c));
        PrintJson(ctx.out, arr);
        return kExitOk;
      }
      if (r->empty()) {
        ctx.out << (opts->org_filter || opts->tag_filter
                        ? "No contacts match.\n"
                        : "No contacts yet. Add one: rapport contact add NAME --org ORG\n");
        return kExitOk;
      }
      Table t({"ID", "NAME", "ORGANIZATION", "TITLE", "EMAIL", "DEGREE", "TAGS"});
      for (const auto& c : *r) {
        t.Add({std::to_string(c.id), c.name, c.org_name, c.title.value_or(""),
               c.email.value_or(""), c.degree ? std::string(ToString(*c.degree)) : "",
               Join(c.tags, ",")});
      }
      t.Print(ctx.out, ctx.style);
      return kExitOk;
    };
  });

  auto* show = contact->add_subcommand("show", "Show a person, their stage and what is next");
  show->add_option("REF", opts->ref, "Id, email or part of the name")->required();
  show->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().ShowContact(opts->ref);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, DetailJson(*r));
      } else {
        PrintContact(ctx, *r);
      }
      return kExitOk;
    };
  });

  auto* edit = contact->add_subcommand("edit", "Change a person (an empty value clears a field)");
  edit->add_option("REF", opts->ref, "Id, email or part of the name")->required();
  edit->add_option("--name", opts->fields.name, "New name");
  AddFieldOptions(edit, opts->fields);
  edit->add_option("--add-tag", opts->fields.add_tags, "Add a tag (repeatable)")->option_text("T");
  edit->add_option("--rm-tag", opts->fields.remove_tags, "Remove a tag (repeatable)")
      ->option_text("T");
  edit->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().EditContact(opts->ref, opts->fields);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(r->contact));
      } else {
        ctx.out << "Updated contact " << Describe(r->contact)
                << (r->created_org ? " and added the new organization " + r->contact.org_name : "")
                << '\n';
      }
      return kExitOk;
    };
  });

  auto* rm = contact->add_subcommand("rm", "Remove a person and their history");
  rm->add_option("REF", opts->ref, "Id, email or part of the name")->required();
  rm->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto r = ctx.app.records().RemoveContact(opts->ref);
      if (!r) return Fail(ctx, r.error());
      if (ctx.json) {
        PrintJson(ctx.out, ToJson(*r));
      } else {
        ctx.out << "Removed contact " << Describe(*r) << '\n';
      }
      return kExitOk;
    };
  });
}

}  // namespace rapport::cli
