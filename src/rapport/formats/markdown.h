// Markdown to HTML with cmark (CommonMark). Safe for pages: raw HTML in the
// text is dropped and javascript:/data: links are removed (cmark's default
// safe mode), so a note can never inject markup.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// A whole document: paragraphs, lists, emphasis, links.
std::string MarkdownToHtml(std::string_view markdown);
// One line of inline Markdown (emphasis, links), without the <p> wrapper.
std::string MarkdownInlineToHtml(std::string_view markdown);

}  // namespace rapport
