// The Hunspell speller behind lint's Speller interface.
#include "rapport/messages/spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace rapport {
namespace {

TEST(Hunspell, OpensTheSystemDictionary) {
  auto speller = OpenHunspell();
  ASSERT_TRUE(speller.ok()) << speller.error().message();
  const Speller& s = **speller;
  EXPECT_TRUE(s.Correct("conversation"));
  EXPECT_TRUE(s.Correct("I'm"));
  EXPECT_TRUE(s.Correct("Tuesday"));
  EXPECT_FALSE(s.Correct("recieve"));
  EXPECT_FALSE(s.Correct("definately"));
}

TEST(Hunspell, SuggestsTheLikelyWordFirstAndFewOfThem) {
  auto speller = OpenHunspell();
  ASSERT_TRUE(speller.ok());
  const auto suggestions = (*speller)->Suggest("recieve");
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front(), "receive");
  EXPECT_LE(suggestions.size(), 5u);
  EXPECT_TRUE((*speller)->Suggest("").empty());
  EXPECT_TRUE((*speller)->Correct(""));
}

TEST(Hunspell, WordListsAddWordsAndKeepTheirCase) {
  const auto path = std::filesystem::temp_directory_path() / "rapport-spelling-test-words.txt";
  {
    std::ofstream out(path);
    out << "zorblatt\nQuixotech\r\n";
  }
  auto speller = OpenHunspell("/usr/share/hunspell", "en_US", {path.string(), "/nonexistent/list.txt"});
  std::filesystem::remove(path);
  ASSERT_TRUE(speller.ok()) << speller.error().message();
  EXPECT_TRUE((*speller)->Correct("zorblatt"));
  EXPECT_TRUE((*speller)->Correct("Zorblatt"));   // a lowercase entry takes any case
  EXPECT_TRUE((*speller)->Correct("Quixotech"));
  EXPECT_FALSE((*speller)->Correct("quixotech"));  // a capitalised entry is a name
  EXPECT_FALSE((*speller)->Correct("recieve"));
  auto bare = OpenHunspell("/usr/share/hunspell", "en_US", {});
  ASSERT_TRUE(bare.ok());
  EXPECT_FALSE((*bare)->Correct("zorblatt"));
}

TEST(Hunspell, TheDefaultWordListKnowsCompaniesTheDictionaryLacks) {
  auto speller = OpenHunspell();
  ASSERT_TRUE(speller.ok());
  EXPECT_TRUE((*speller)->Correct("Accenture"));  // from wamerican-large
  EXPECT_TRUE((*speller)->Correct("Salesforce"));
}

TEST(Hunspell, MissingDictionaryIsAnError) {
  auto missing = OpenHunspell("/nonexistent/dictionaries");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message().find("/nonexistent/dictionaries"), std::string::npos);
  auto wrong_lang = OpenHunspell("/usr/share/hunspell", "xx_XX");
  EXPECT_FALSE(wrong_lang.ok());
}

// A thank-you checked with `speller`, and the words a lint of it flags.
LintContext ThankYouWith(const Speller* speller) {
  LintContext ctx;
  ctx.kind = MessageKind::kThankYou;
  ctx.speller = speller;
  return ctx;
}
std::vector<std::string> Flagged(const std::string& text, const std::vector<Finding>& findings) {
  std::vector<std::string> flagged;
  for (const auto& f : findings) {
    if (f.rule == "spelling") flagged.push_back(text.substr(f.begin, f.end - f.begin));
  }
  return flagged;
}

TEST(Hunspell, LintUsesItWithSuggestions) {
  auto speller = OpenHunspell();
  ASSERT_TRUE(speller.ok());
  LintContext ctx = ThankYouWith(speller->get());
  ctx.known_words = {"Ada Lovelace"};
  const std::string text =
      "Hi Ada,\nThank you for explaining the Analytical Engine. I’m definately reading Lovelace’s notes, and "
      "I realise the colour plates were a stormwater of ideas.\nBest,\nSam";
  const auto findings = Lint(text, ctx);
  const auto flagged = Flagged(text, findings);
  // Curly apostrophes, names, British spellings and closed compounds pass.
  ASSERT_EQ(flagged, std::vector<std::string>{"definately"});
  const auto it = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.rule == "spelling"; });
  ASSERT_TRUE(it->suggestion.has_value());
  EXPECT_EQ(*it->suggestion, "definitely");
}

// Each class, in words the corpus does not use: British forms from
// wbritish-large, a closed compound of two content words, and an ordinary
// word the dictionary holds only capitalised; typos still fail.
TEST(Hunspell, LintAcceptsVariantsCompoundsAndEponyms) {
  auto speller = OpenHunspell();
  ASSERT_TRUE(speller.ok());
  const std::string text =
      "Hi Ada,\nThank you for the tour. I swapped the tyres, fixed the kerb ramp, tidied the wordlist, "
      "bought a jacuzzi for the gym and recieved the forsure plan.\nBest,\nSam";
  EXPECT_EQ(Flagged(text, Lint(text, ThankYouWith(speller->get()))),
            (std::vector<std::string>{"recieved", "forsure"}));
}

// Words built from known parts, in words the corpus does not use: a
// prefix, a plural, an -ologic adjective, an industry "-tech"; the same
// parts around a misspelled word still fail.
TEST(Hunspell, LintAcceptsWordsBuiltFromKnownParts) {
  auto speller = OpenHunspell();
  ASSERT_TRUE(speller.ok());
  const std::string text =
      "Hi Ada,\nThank you for the tour of the biomanufacturing line, the cyberattacks briefing, the seismologic "
      "survey, the climatetech demo and the microgrids, but not the telemedecine or biomanufactoring "
      "talks or the renewabels.\nBest,\nSam";
  EXPECT_EQ(Flagged(text, Lint(text, ThankYouWith(speller->get()))),
            (std::vector<std::string>{"telemedecine", "biomanufactoring", "renewabels"}));
}

}  // namespace
}  // namespace rapport
