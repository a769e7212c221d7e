// The networking sheet, written for Rapport: one calm page, no scripts and
// nothing fetched from elsewhere, so it prints the same anywhere. The seed's
// advice shapes the order: who you are and how to reach you, what you are
// exploring and a few things you have done on the top half; the
// organizations you want to learn about below.
//
// The page is sized for the smaller of A4 and US Letter (210 mm wide, 279 mm
// tall) and @page sets only the margins, so the printer's own paper size
// wins and either one fits.
#include "rapport/formats/sheet.h"

#include <kainjow/mustache.hpp>

#include "rapport/formats/markdown.h"

namespace rapport {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// {{x}} is HTML-escaped (quotes too, so it is safe in attributes); {{{x}}}
// only carries HTML that MarkdownToHtml made.
constexpr const char* kTemplate = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rapport">
<title>{{name}}</title>
<style>
:root {
  --ink: #1f2933;
  --muted: #5f6b7a;
  --accent: #2c5f7c;
  --rule: #c9d3dd;
}
* { box-sizing: border-box; }
html { font-size: 10.5pt; }
body {
  margin: 0;
  color: var(--ink);
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Helvetica, Arial,
    "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif;
  line-height: 1.45;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
  text-rendering: optimizeLegibility;
}
.sheet { max-width: 176mm; margin: 0 auto; }
header {
  padding-bottom: 4.5mm;
  margin-bottom: 6mm;
  border-bottom: 1.2pt solid var(--accent);
  overflow: hidden;  /* hides the dot before the first item of each line */
}
h1 {
  margin: 0;
  font-size: 2.4rem;
  font-weight: 600;
  line-height: 1.15;
  letter-spacing: -0.01em;
}
.headline {
  margin: 1.5mm 0 0;
  font-size: 1.25rem;
  line-height: 1.35;
  color: var(--accent);
}
.contact {
  display: flex;
  flex-wrap: wrap;
  margin: 3.5mm 0 0 -1.6em;
  padding: 0;
  list-style: none;
  font-size: 0.95rem;
  color: var(--muted);
}
.contact li { position: relative; padding-left: 1.6em; white-space: nowrap; }
.contact li::before {
  content: "\00b7";
  position: absolute;
  left: 0.6em;
  color: var(--rule);
  font-weight: 700;
}
a { color: inherit; text-decoration: none; }
section { margin: 0 0 7mm; break-inside: avoid; page-break-inside: avoid; }
h2 {
  margin: 0 0 2.5mm;
  font-size: 0.8rem;
  font-weight: 700;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  color: var(--accent);
}
.summary p { margin: 0 0 2mm; }
.summary p:last-child { margin-bottom: 0; }
.summary ul, .summary ol { margin: 0 0 2mm; padding-left: 1.2em; }
.highlights ul { margin: 0; padding-left: 1.15em; }
.highlights li { margin: 0 0 1.5mm; padding-left: 0.25em; }
.highlights li:last-child { margin-bottom: 0; }
.highlights li::marker { color: var(--accent); }
.targets { padding-top: 4.5mm; border-top: 0.6pt solid var(--rule); }
.targets .note { margin: -1mm 0 3mm; font-size: 0.95rem; color: var(--muted); }
.targets ul {
  margin: 0;
  padding: 0;
  list-style: none;
  columns: 3;
  column-gap: 8mm;
}
.targets li {
  position: relative;
  padding: 0 0 1.6mm 0.95em;
  break-inside: avoid;
}
.targets li::before {
  content: "";
  position: absolute;
  left: 0;
  top: 0.62em;
  width: 0.34em;
  height: 0.34em;
  border-radius: 50%;
  background: var(--accent);
}
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
@page { margin: 14mm 16mm; }
@media screen {
  html { background: #e9edf1; }
  body { padding: 10mm 4mm; }
  .sheet {
    max-width: 210mm;
    min-height: 279mm;
    padding: 14mm 16mm;
    background: #fff;
    box-shadow: 0 1px 3px rgba(31, 41, 51, 0.15), 0 8px 24px rgba(31, 41, 51, 0.08);
  }
}
@media screen and (max-width: 640px) {
  body { padding: 0; }
  .sheet { min-height: 0; padding: 8mm 6mm; box-shadow: none; }
  .targets ul { columns: 2; }
}
@media print {
  .sheet { max-width: none; }
}
</style>
</head>
<body>
<main class="sheet">
<header>
<h1>{{name}}</h1>
{{#has_headline}}<p class="headline">{{headline}}</p>
{{/has_headline}}
{{#has_contact}}<ul class="contact">
{{#contact}}<li>{{#link}}<a href="{{href}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}</li>
{{/contact}}</ul>
{{/has_contact}}
</header>
{{#has_summary}}<section class="summary">
<h2>What I’m exploring</h2>
{{{summary}}}</section>
{{/has_summary}}
{{#has_achievements}}<section class="highlights">
<h2>Highlights</h2>
<ul>
{{#achievements}}<li>{{{html}}}</li>
{{/achievements}}</ul>
</section>
{{/has_achievements}}
{{#has_targets}}<section class="targets">
<h2>Organizations I’d like to learn about</h2>
<p class="note">If you know someone at one of these, I’d be glad to hear who.</p>
<ul>
{{#targets}}<li>{{name}}</li>
{{/targets}}</ul>
</section>
{{/has_targets}}
</main>
</body>
</html>
)";

std::string Trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

data ContactItem(const std::string& text, const std::string& href) {
  data item;
  item.set("text", text);
  item.set("link", !href.empty());
  item.set("href", href);
  return item;
}

// "https://www.linkedin.com/in/ada/" shows as "linkedin.com/in/ada"; it
// links only to http(s), never to another scheme.
std::pair<std::string, std::string> LinkedIn(const std::string& value) {
  std::string shown = value;
  std::string href;
  for (const char* scheme : {"https://", "http://"}) {
    if (shown.rfind(scheme, 0) == 0) {
      href = value;
      shown.erase(0, std::string(scheme).size());
      break;
    }
  }
  if (href.empty()) {
    const auto colon = value.find(':');
    const auto slash = value.find('/');
    const bool has_scheme =
        colon != std::string::npos && (slash == std::string::npos || colon < slash);
    if (!has_scheme) href = "https://" + value;
  }
  if (shown.rfind("www.", 0) == 0) shown.erase(0, 4);
  while (!shown.empty() && shown.back() == '/') shown.pop_back();
  return {shown, href};
}

std::string TelHref(const std::string& phone) {
  std::string digits;
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || (c == '+' && digits.empty())) digits += c;
  }
  return digits.size() >= 3 ? "tel:" + digits : "";
}

}  // namespace

std::string RenderSheet(const SheetProfile& profile) {
  data values;
  values.set("name", Trimmed(profile.name));
  const std::string headline = Trimmed(profile.headline);
  values.set("has_headline", !headline.empty());
  values.set("headline", headline);

  data contact{data::type::list};
  bool has_contact = false;
  auto add = [&](const data& item) {
    contact.push_back(item);
    has_contact = true;
  };
  if (auto email = Trimmed(profile.email); !email.empty())
    add(ContactItem(email, "mailto:" + email));
  if (auto phone = Trimmed(profile.phone); !phone.empty()) add(ContactItem(phone, TelHref(phone)));
  if (auto location = Trimmed(profile.location); !location.empty()) add(ContactItem(location, ""));
  if (auto linkedin = Trimmed(profile.linkedin); !linkedin.empty()) {
    auto [shown, href] = LinkedIn(linkedin);
    add(ContactItem(shown, href));
  }
  values.set("has_contact", has_contact);
  values.set("contact", contact);

  const std::string summary = Trimmed(profile.summary);
  values.set("has_summary", !summary.empty());
  values.set("summary", summary.empty() ? "" : MarkdownToHtml(summary));

  data achievements{data::type::list};
  bool has_achievements = false;
  for (const auto& a : profile.achievements) {
    if (Trimmed(a).empty()) continue;
    data item;
    item.set("html", MarkdownInlineToHtml(a));
    achievements.push_back(item);
    has_achievements = true;
  }
  values.set("has_achievements", has_achievements);
  values.set("achievements", achievements);

  data targets{data::type::list};
  bool has_targets = false;
  for (const auto& t : profile.targets) {
    const std::string name = Trimmed(t);
    if (name.empty()) continue;
    data item;
    item.set("name", name);
    targets.push_back(item);
    has_targets = true;
  }
  values.set("has_targets", has_targets);
  values.set("targets", targets);

  // The template is ours and fixed; the tests render it, so it is valid.
  mustache tmpl{std::string(kTemplate)};
  return tmpl.render(values);
}

}  // namespace rapport
