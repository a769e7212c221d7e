// The networking sheet (PRODUCT.md, stage 7): one printable page with the
// seeker's contact details, what they are after, a few achievements and the
// organizations they want to learn about; the less threatening alternative
// to handing over a resume. Pure: a profile in, a complete HTML document out.
#pragma once

#include <string>
#include <vector>

namespace rapport {

struct SheetProfile {
  std::string name;  // required by the caller
  std::string headline;  // "Data analyst moving into UX research"
  std::string email, phone, location, linkedin;
  std::string summary;                    // Markdown: the objective, in a few sentences
  std::vector<std::string> achievements;  // inline Markdown, one per bullet
  std::vector<std::string> targets;       // organization names
};

// A standalone HTML5 document (inline CSS, no scripts, no external assets)
// with print CSS that keeps it to one A4 or US Letter page: page margins,
// no page breaks inside sections, a compact type scale. Every string is
// escaped; summary and achievements go through MarkdownToHtml (safe mode).
std::string RenderSheet(const SheetProfile& profile);

}  // namespace rapport
