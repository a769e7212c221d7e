// What the learning commands (cmd_learning.cpp, cmd_insights.cpp) print in
// common: a page for the terminal or Markdown, and the JSON of a question
// and a promise. Private to src/cli/.
#pragma once

#include <ostream>
#include <string>

#include "cli/cli.h"
#include "cli/json.h"
#include "cli/output.h"

namespace rapport::cli {

// Output as a terminal page or as Markdown, from the same calls.
class Page {
 public:
  Page(std::ostream& out, const Style& style, bool markdown)
      : out_(out), style_(style), md_(markdown) {}
  void Title(const std::string& s) {
    out_ << (md_ ? "# " + s : style_.Bold(s)) << "\n";
  }
  void Heading(const std::string& s) {
    out_ << "\n" << (md_ ? "## " + s : style_.Bold(s)) << "\n";
    if (md_) out_ << "\n";
  }
  void Line(const std::string& s) { out_ << s << (md_ ? "  \n" : "\n"); }
  void Item(const std::string& s) { out_ << (md_ ? "- " : "  - ") << s << "\n"; }
  void Numbered(int n, const std::string& s) {
    out_ << (md_ ? "" : "  ") << n << ". " << s << "\n";
  }
  bool markdown() const { return md_; }

 private:
  std::ostream& out_;
  const Style& style_;
  bool md_;
};

std::string Category(const Question& q);
json QuestionJson(const Question& q);
json PromiseJson(const OpenPromise& p);
std::string PromiseText(const OpenPromise& p, const Context& ctx);

}  // namespace rapport::cli
