// Message templates: every message the pipeline needs, in Mustache, filled
// from the records and the user's profile. Pure: the caller passes the
// fields and any user override text in; no file or database access here.
//
// A field that cannot be filled is left visible as "{{field}}" so the
// seeker sees it and the linter flags it (unfilled-placeholder).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/messages/lint.h"
#include "rapport/model/error.h"

namespace rapport {

struct TemplateInfo {
  std::string_view name;         // "request_first", "follow_up", ...
  std::string_view description;  // one line for --help
  MessageKind lint_kind;         // how `rapport lint` should read it
};

// Every built-in template, in a stable order.
const std::vector<TemplateInfo>& Templates();
const TemplateInfo* FindTemplate(std::string_view name);

// The built-in text of `name` (first line "Subject: …"), or "" if unknown.
std::string_view BuiltinTemplate(std::string_view name);

// The fields a template may use, with what each means.
const std::vector<std::pair<std::string_view, std::string_view>>& TemplateFields();

struct Draft {
  std::string subject;
  std::string body;  // LF line endings, ends with a newline
};

// Renders `text` (Mustache; plain text, no HTML escaping) with `fields`.
// Every name in TemplateFields() that is missing or empty in `fields`
// renders as "{{name}}". Errors: malformed Mustache (with the reason).
Result<Draft> RenderTemplate(std::string_view text,
                             const std::map<std::string, std::string>& fields);

// The first template field still in `text`, as written ("{{meeting_date}}",
// or "{{" when one is never closed on its line), or nullopt when there is
// none. A message with one is never ready to send.
std::optional<std::string> FindUnfilledField(std::string_view text);

}  // namespace rapport
