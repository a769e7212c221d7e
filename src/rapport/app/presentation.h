// What the faces show that the core makes, handed out by app/ so that a
// face never includes messages/ or formats/ itself (docs/architecture.md,
// "The layers"): the catalogue of message templates, and a note's Markdown
// as HTML that is safe to put in a page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rapport/messages/lint.h"

namespace rapport {

// A built-in message template, as a face lists it.
struct MessageTemplate {
  std::string_view name;         // "request_first", "follow_up", ...
  std::string_view description;  // one line, for --help and the compose page
  MessageKind lint_kind;         // how the linter reads a message made from it
  // The fields its built-in text uses ("first_name", "objective", ...), in
  // the order they first appear, subject first.
  std::vector<std::string_view> fields;
};

// A field a template may use, and what it means.
struct MessageField {
  std::string_view name;     // "my_intro"
  std::string_view meaning;  // "your one-line introduction ([user] intro)"
};

// Every field, in a stable order (messages/templates.h, TemplateFields).
const std::vector<MessageField>& MessageFields();

// Every built-in template, in a stable order (messages/templates.h).
const std::vector<MessageTemplate>& MessageTemplates();
// The template called `name`, or null when there is none.
const MessageTemplate* FindMessageTemplate(std::string_view name);

// A note's Markdown as HTML for a page: cmark's safe rendering, raw HTML
// dropped and unsafe links reduced to their text (formats/markdown.h).
std::string NoteHtml(std::string_view markdown);

}  // namespace rapport
