#include "rapport/app/presentation.h"

#include <algorithm>

#include "rapport/formats/markdown.h"
#include "rapport/messages/templates.h"

namespace rapport {

const std::vector<MessageTemplate>& MessageTemplates() {
  static const std::vector<MessageTemplate> all = [] {
    std::vector<MessageTemplate> v;
    for (const TemplateInfo& t : Templates()) {
      MessageTemplate m{t.name, t.description, t.lint_kind, {}};
      const std::string_view text = BuiltinTemplate(t.name);
      for (size_t at = text.find("{{"); at != std::string_view::npos;
           at = text.find("{{", at + 2)) {
        const size_t end = text.find("}}", at);
        if (end == std::string_view::npos) break;
        const std::string_view name = text.substr(at + 2, end - at - 2);
        for (const auto& [field, meaning] : TemplateFields()) {
          if (field == name && std::find(m.fields.begin(), m.fields.end(), field) == m.fields.end()) {
            m.fields.push_back(field);  // a view of the catalogue's own name
          }
        }
      }
      v.push_back(std::move(m));
    }
    return v;
  }();
  return all;
}

const std::vector<MessageField>& MessageFields() {
  static const std::vector<MessageField> all = [] {
    std::vector<MessageField> v;
    for (const auto& [name, meaning] : TemplateFields()) v.push_back({name, meaning});
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
