#include "rapport/app/presentation.h"

#include "rapport/formats/markdown.h"
#include "rapport/messages/templates.h"

namespace rapport {

const std::vector<MessageTemplate>& MessageTemplates() {
  static const std::vector<MessageTemplate> all = [] {
    std::vector<MessageTemplate> v;
    for (const TemplateInfo& t : Templates()) v.push_back({t.name, t.description, t.lint_kind});
    return v;
  }();
  return all;
}

const MessageTemplate* FindMessageTemplate(std::string_view name) {
  for (const MessageTemplate& t : MessageTemplates()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string NoteHtml(std::string_view markdown) { return MarkdownToHtml(markdown); }

}  // namespace rapport
