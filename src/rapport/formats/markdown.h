// Markdown to HTML with cmark (CommonMark). Safe for pages: raw HTML in the
// text is dropped (cmark's default safe mode), a link whose scheme is not
// http, https, mailto or tel keeps only its text (no javascript:, data:,
// file:), and an image becomes its alt text, so a note can never inject
// markup or make the page fetch anything. Invalid UTF-8 becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// A whole document: paragraphs, lists, emphasis, links.
std::string MarkdownToHtml(std::string_view markdown);
// One line of inline Markdown (emphasis, links, code), without the <p>
// wrapper. Line breaks become spaces, and what would start a block ("# ",
// "- ", "1. ", "> ") is kept as the text it is.
std::string MarkdownInlineToHtml(std::string_view markdown);

}  // namespace rapport
