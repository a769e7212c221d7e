// Hunspell behind the Speller interface of lint.h.
#pragma once

#include <memory>
#include <string>

#include "rapport/messages/lint.h"
#include "rapport/model/error.h"

namespace rapport {

// Loads `dir`/en_US.aff and .dic (Debian's hunspell-en-us puts them in
// /usr/share/hunspell). Error when the dictionary is missing.
Result<std::unique_ptr<Speller>> OpenHunspell(const std::string& dir = "/usr/share/hunspell",
                                              const std::string& lang = "en_US");

}  // namespace rapport
