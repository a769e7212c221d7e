// Markdown through cmark (libcmark), never by hand. On top of cmark's safe
// mode (raw HTML replaced by a comment, dangerous URLs emptied), the tree is
// cleaned before rendering: a link whose scheme is not http, https, mailto
// or tel becomes its plain text, and an image becomes its alt text, so a
// rendered page never loads anything from elsewhere.
#include "rapport/formats/markdown.h"

#include <cmark.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

namespace rapport {

namespace {

constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

std::string Render(cmark_node* node) {
  char* html = cmark_render_html(node, kOptions);
  std::string out = html ? html : "";
  std::free(html);
  return out;
}

bool AllowedUrl(std::string_view url) {
  // A scheme is letters, digits, '+', '-', '.' before the first ':'; no
  // scheme (a relative link, "#part") is fine.
  size_t i = 0;
  while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' ||
                            url[i] == '-' || url[i] == '.')) {
    ++i;
  }
  if (i == 0 || i == url.size() || url[i] != ':') return true;
  std::string scheme;
  for (char c : url.substr(0, i))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

// Replaces `node` by its children, in place.
void Unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_insert_before(node, child);
  }
  cmark_node_free(node);
}

void Clean(cmark_node* doc) {
  std::vector<cmark_node*> unwrap;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_IMAGE) {
      unwrap.push_back(n);
    } else if (type == CMARK_NODE_LINK) {
      const char* url = cmark_node_get_url(n);
      if (!AllowedUrl(url ? url : "")) unwrap.push_back(n);
    }
  }
  cmark_iter_free(it);
  // Backwards, so a node inside another is unwrapped before its parent is
  // freed.
  for (auto i = unwrap.rbegin(); i != unwrap.rend(); ++i) Unwrap(*i);
}

NodePtr Parse(std::string_view markdown) {
  NodePtr doc(cmark_parse_document(markdown.data(), markdown.size(), kOptions));
  Clean(doc.get());
  return doc;
}

// Makes one line of text parse as a paragraph: line breaks folded to
// spaces, and a leading block marker ("# ", "- ", "1. ", "> ", "***", a
// fence, a link reference definition) escaped so it reads as the character
// it is, while inline syntax at the start ("*so*", "`x`", "[a](b)") stays.
std::string AsParagraph(std::string_view text) {
  std::string line;
  for (char c : text) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  const size_t start = line.find_first_not_of(' ');
  if (start == std::string::npos) return "";
  line.erase(0, start);
  auto space_or_end = [&](size_t i) { return i >= line.size() || line[i] == ' '; };
  const char first = line[0];
  bool escape = false;
  if (first == '>') {
    escape = true;
  } else if (first == '#') {
    size_t i = 0;
    while (i < line.size() && line[i] == '#') ++i;
    escape = i <= 6 && space_or_end(i);
  } else if (first == '-' || first == '+' || first == '*') {
    escape = space_or_end(1);
  } else if (first == '`' || first == '~') {
    escape = line.rfind(std::string(3, first), 0) == 0;
  } else if (first == '[') {
    const size_t close = line.find(']');
    escape = close != std::string::npos && close + 1 < line.size() && line[close + 1] == ':';
  } else if (std::isdigit(static_cast<unsigned char>(first))) {
    size_t i = 0;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    if (i <= 9 && i < line.size() && (line[i] == '.' || line[i] == ')') && space_or_end(i + 1)) {
      line.insert(i, "\\");
    }
    return line;
  }
  if (!escape && (first == '-' || first == '*' || first == '_')) {
    // A thematic break: three or more of the same mark, spaces between.
    size_t marks = 0;
    bool only = true;
    for (char c : line) {
      if (c == first) {
        ++marks;
      } else if (c != ' ') {
        only = false;
      }
    }
    escape = only && marks >= 3;
  }
  if (escape) line.insert(0, "\\");
  return line;
}

}  // namespace

std::string MarkdownToHtml(std::string_view markdown) {
  NodePtr doc = Parse(markdown);
  return Render(doc.get());
}

std::string MarkdownInlineToHtml(std::string_view markdown) {
  const std::string line = AsParagraph(markdown);
  NodePtr doc = Parse(line);
  std::string out;
  for (cmark_node* block = cmark_node_first_child(doc.get()); block;
       block = cmark_node_next(block)) {
    if (cmark_node_get_type(block) != CMARK_NODE_PARAGRAPH) {
      // Only raw HTML can still start a block here; safe mode renders it as
      // a placeholder comment.
      out += Render(block);
      continue;
    }
    for (cmark_node* n = cmark_node_first_child(block); n; n = cmark_node_next(n)) {
      out += Render(n);
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace rapport
