// Hunspell behind the Speller interface.
#include "rapport/messages/spelling.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <mutex>

namespace rapport {
namespace {

class HunspellSpeller final : public Speller {
 public:
  HunspellSpeller(const std::string& aff, const std::string& dic) : hunspell_(aff.c_str(), dic.c_str()) {}

  bool Correct(std::string_view word) const override {
    if (word.empty()) return true;
    std::lock_guard<std::mutex> lock(mu_);
    return hunspell_.spell(std::string(word));
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
};

}  // namespace

Result<std::unique_ptr<Speller>> OpenHunspell(const std::string& dir, const std::string& lang) {
  const std::string aff = dir + "/" + lang + ".aff";
  const std::string dic = dir + "/" + lang + ".dic";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec)) {
    return Error::NotFound("no " + lang + " dictionary in " + dir +
                           " (install hunspell-en-us, or point to a folder with " + lang + ".aff and " + lang +
                           ".dic)");
  }
  try {
    return std::unique_ptr<Speller>(std::make_unique<HunspellSpeller>(aff, dic));
  } catch (const std::exception& e) {
    return Error::Io("cannot load the " + lang + " dictionary from " + dir + ": " + e.what());
  }
}

}  // namespace rapport
