// The search language (model/search_query.h) in each engine's own syntax.
// Private to store/ (store/search.cpp uses them; a fuzz target checks them).
#pragma once

#include <string>

#include "rapport/model/search_query.h"

namespace rapport {

// FTS5 MATCH syntax: each term a quoted string, a prefix's * after the
// quote, terms side by side (AND), alternatives joined by OR.
std::string ToFts5(const SearchQuery& q);

// PostgreSQL tsquery syntax: each term's words joined by <->, a prefix's
// last word with :*, terms joined by &, alternatives by |, every operand in
// parentheses. Made only of word bytes (see IsSearchWordByte), spaces and
// the operators & | ( ) <-> :*. Empty when no term holds a word.
std::string ToTsquery(const SearchQuery& q);

}  // namespace rapport
