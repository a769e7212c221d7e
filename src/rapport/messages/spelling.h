// Hunspell behind the Speller interface of lint.h.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rapport/messages/lint.h"
#include "rapport/model/error.h"

namespace rapport {

// Plain word lists, one word a line, read beside the Hunspell dictionary:
// Debian's wamerican-large (/usr/share/dict/american-english-large, about
// 170,000 words and names the stock en_US dictionary lacks, "Accenture",
// "analytics") and wbritish-large (/usr/share/dict/british-english-large,
// the British forms a seeker may write, "maths", "tyres"). A list that is
// missing is skipped.
const std::vector<std::string>& DefaultWordLists();

// Loads `dir`/en_US.aff and .dic (Debian's hunspell-en-us puts them in
// /usr/share/hunspell), and every readable file of `word_lists`. Error when
// the dictionary is missing.
Result<std::unique_ptr<Speller>> OpenHunspell(const std::string& dir = "/usr/share/hunspell",
                                              const std::string& lang = "en_US",
                                              const std::vector<std::string>& word_lists = DefaultWordLists());

}  // namespace rapport
