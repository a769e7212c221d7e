// rapport profile set|show, and rapport sheet: the profile that signs your
// messages and heads the networking sheet, kept in config.toml.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>

#include "cli/cli.h"
#include "cli/json.h"

namespace rapport::cli {

namespace {

struct ProfileOptions {
  std::string key;
  std::vector<std::string> values;
  std::string output;
};

std::string KeyHelp() {
  std::string s = "\nKeys:\n";
  for (const auto& k : ProfileKeys()) {
    std::string name(k.key);
    if (k.list) name += " ...";
    s += "  " + name + std::string(name.size() < 18 ? 18 - name.size() : 1, ' ') +
         std::string(k.description) + "\n";
  }
  s += R"(
name, email, phone, intro and signature live in [user] of config.toml (they
sign your messages: see 'rapport draft --help'); the others in [profile].
A list key takes all the values after it and replaces the list; with none it
clears it. An empty value ("") clears any other key. Comments and the other
lines of the file are kept as they are. Without targets, the sheet lists the
organizations of the people in your pipeline. A value starting with "-" needs
a "--" before the key: rapport profile set -- achievements "-20% in costs".

Examples:
  rapport profile set name "Sam Rivera"
  rapport profile set intro "a statistics student heading into UX research"
  rapport profile set signature "Best wishes,
  Sam"
  rapport profile set headline "Statistics student heading into UX research"
  rapport profile set achievements "Ran a 40-person survey on study habits" "Built the club's website"
  rapport profile set targets "Fjord Labs" "City Library" "Northwind Health")";
  return s;
}

// For a command line: quoted when it holds anything a shell would read.
std::string ShellWord(const std::string& s) {
  if (s.find_first_not_of(
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+=,") ==
      std::string::npos) {
    return s;
  }
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::vector<std::string> Values(const Config& c, const ProfileKey& k) {
  const std::string_view key = k.key;
  if (key == "achievements") return c.profile.achievements;
  if (key == "targets") return c.profile.targets;
  const std::string& v = key == "name"       ? c.user_name
                         : key == "email"    ? c.user_email
                         : key == "phone"    ? c.user_phone
                         : key == "intro"    ? c.user_intro
                         : key == "signature" ? c.user_signature
                         : key == "headline" ? c.profile.headline
                         : key == "location" ? c.profile.location
                         : key == "linkedin" ? c.profile.linkedin
                                             : c.profile.summary;
  if (v.empty()) return {};
  return {v};
}

int ShowProfile(Context& ctx) {
  const Config& c = ctx.app.config();
  const std::string file = c.path.empty() ? ctx.config_path : c.path;
  if (ctx.json) {
    json arr = json::array();
    for (const auto& k : ProfileKeys()) {
      auto values = Values(c, k);
      json row = {{"key", k.key}, {"table", k.table}, {"set", !values.empty()}, {"file", file}};
      if (k.list) {
        row["value"] = values;
      } else {
        row["value"] = values.empty() ? "" : values.front();
      }
      arr.push_back(row);
    }
    PrintJson(ctx.out, arr);
    return kExitOk;
  }
  ctx.out << (c.path.empty() ? "No config file yet; 'rapport profile set' creates " + file
                             : "From " + file)
          << "\n";
  std::string_view table;
  const std::string indent(16, ' ');
  for (const auto& k : ProfileKeys()) {
    if (k.table != table) {
      table = k.table;
      ctx.out << "\n" << ctx.style.Bold("[" + std::string(table) + "]") << "\n";
    }
    const std::string name(k.key);
    ctx.out << "  " << name << std::string(14 - name.size(), ' ');
    auto values = Values(c, k);
    if (values.empty()) {
      ctx.out << ctx.style.Dim(k.key == "targets"
                                   ? "not set: the sheet lists the organizations in your pipeline"
                                   : "not set")
              << "\n";
      continue;
    }
    for (size_t i = 0; i < values.size(); ++i) {
      std::string v = k.list ? "- " + values[i] : values[i];
      // A multi-line summary keeps its lines, indented under the value.
      for (size_t nl; (nl = v.find('\n')) != std::string::npos;) {
        ctx.out << v.substr(0, nl) << "\n" << indent;
        v.erase(0, nl + 1);
      }
      ctx.out << v << "\n";
      if (i + 1 < values.size()) ctx.out << indent;
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterProfileCommands(CLI::App& root, Runner& selected) {
  auto opts = std::make_shared<ProfileOptions>();

  auto* profile = root.add_subcommand(
      "profile", "Your profile: the name, contact details and story on your sheet and messages");
  profile->require_subcommand(1);
  profile->footer(
      "\nThe profile lives in config.toml ([user] and [profile]); edit the file by hand or use\n"
      "'rapport profile set'. 'rapport sheet' turns it into a one-page networking sheet.");

  auto* set = profile->add_subcommand("set", "Set one profile key in config.toml");
  set->add_option("KEY", opts->key, "Which key (see below)")->required();
  set->add_option("VALUE", opts->values, "The value; list keys take several")->expected(0, -1);
  set->footer(KeyHelp());
  set->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      if (auto s = SetProfileValue(ctx.config_path, opts->key, opts->values); !s) {
        return Fail(ctx, s.error());
      }
      const ProfileKey* key = nullptr;
      for (const auto& k : ProfileKeys()) {
        if (k.key == opts->key) key = &k;
      }
      const bool cleared = std::all_of(
          opts->values.begin(), opts->values.end(),
          [](const std::string& v) { return v.find_first_not_of(" \t\r\n") == std::string::npos; });
      if (ctx.json) {
        PrintJson(ctx.out, {{"key", opts->key}, {"table", key->table}, {"file", ctx.config_path}});
      } else {
        ctx.out << (cleared ? "Cleared " : "Set ") << opts->key << " in " << ctx.config_path << " ["
                << key->table << "]\n";
      }
      return kExitOk;
    };
  });

  auto* show =
      profile->add_subcommand("show", "Show every profile key, its value and where it lives");
  show->callback([&selected] { selected = [](Context& ctx) { return ShowProfile(ctx); }; });

  auto* sheet = root.add_subcommand(
      "sheet", "A one-page networking sheet (HTML to print): hand it over instead of a resume");
  sheet
      ->add_option("-o,--output", opts->output,
                   "Write to FILE, e.g. sheet.html (default: standard output)")
      ->option_text("FILE");
  sheet->footer(R"(
The sheet shows your name, headline and contact details, what you are
exploring (summary), a few highlights (achievements) and the organizations
you want to learn about (targets; without them, the organizations of the
people in your pipeline). Fill them in with 'rapport profile set'.

It fits one A4 or US Letter page. To make a PDF, open the file in a browser
and print it (Save as PDF, headers and footers off), or run:
  chromium --headless --no-pdf-header-footer --print-to-pdf=sheet.pdf sheet.html)");
  sheet->callback([&selected, opts] {
    selected = [opts](Context& ctx) {
      auto html = ctx.app.data().Sheet();
      if (!html) return Fail(ctx, html.error());
      if (auto s = WriteOutput(opts->output, *html, ctx.out); !s) return Fail(ctx, s.error());
      if (opts->output.empty() || opts->output == "-") return kExitOk;
      std::error_code ec;
      const std::string abs = std::filesystem::absolute(opts->output, ec).string();
      if (ctx.json) {
        PrintJson(ctx.out, {{"file", abs}});
        return kExitOk;
      }
      std::string pdf = abs;
      if (pdf.size() > 5 && pdf.compare(pdf.size() - 5, 5, ".html") == 0)
        pdf.resize(pdf.size() - 5);
      pdf += ".pdf";
      ctx.out << "Wrote your networking sheet to " << opts->output << "\n"
              << ctx.style.Dim(
                     "To print it, open it in a browser (Print, Save as PDF, headers and "
                     "footers off) or run:")
              << "\n  chromium --headless --no-pdf-header-footer --print-to-pdf=" << ShellWord(pdf)
              << " " << ShellWord(abs) << "\n";
      return kExitOk;
    };
  });
}

}  // namespace rapport::cli
