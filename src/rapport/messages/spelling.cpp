// Hunspell behind the Speller interface.
#include "rapport/messages/spelling.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_set>

namespace rapport {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class HunspellSpeller final : public Speller {
 public:
  HunspellSpeller(const std::string& aff, const std::string& dic, const std::vector<std::string>& word_lists)
      : hunspell_(aff.c_str(), dic.c_str()) {
    for (const auto& path : word_lists) {
      std::ifstream in(path);
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) words_.insert(std::move(line));
      }
    }
  }

  bool Correct(std::string_view word) const override {
    if (word.empty()) return true;
    // The word list: an entry in lowercase accepts any case ("Analytics"),
    // a capitalised one (a name, "Accenture") only as written.
    const std::string w(word);
    if (words_.count(w) || words_.count(Lower(w))) return true;
    std::lock_guard<std::mutex> lock(mu_);
    return hunspell_.spell(w);
  }

  std::vector<std::string> Suggest(std::string_view word) const override {
    if (word.empty()) return {};
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> all = hunspell_.suggest(std::string(word));
    if (all.size() > 5) all.resize(5);
    return all;
  }

 private:
  // Hunspell keeps scratch state while checking; one caller at a time.
  mutable std::mutex mu_;
  mutable Hunspell hunspell_;
  std::unordered_set<std::string> words_;  // read-only after construction
};

}  // namespace

const std::vector<std::string>& DefaultWordLists() {
  static const std::vector<std::string> kLists = {"/usr/share/dict/american-english-large",
                                                  "/usr/share/dict/british-english-large"};
  return kLists;
}

Result<std::unique_ptr<Speller>> OpenHunspell(const std::string& dir, const std::string& lang,
                                              const std::vector<std::string>& word_lists) {
  const std::string aff = dir + "/" + lang + ".aff";
  const std::string dic = dir + "/" + lang + ".dic";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec)) {
    return Error::NotFound("no " + lang + " dictionary in " + dir +
                           " (install hunspell-en-us, or point to a folder with " + lang + ".aff and " + lang +
                           ".dic)");
  }
  try {
    return std::unique_ptr<Speller>(std::make_unique<HunspellSpeller>(aff, dic, word_lists));
  } catch (const std::exception& e) {
    return Error::Io("cannot load the " + lang + " dictionary from " + dir + ": " + e.what());
  }
}

}  // namespace rapport
