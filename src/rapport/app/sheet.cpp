// The networking sheet: the profile from the config, and the organizations
// to list when the profile names none.
#include "rapport/formats/sheet.h"

#include <algorithm>
#include <set>

#include "rapport/app/app.h"
#include "rapport/app/validate.h"
#include "rapport/store/store.h"

namespace rapport {

namespace {

bool LessFolded(const std::string& a, const std::string& b) {
  const std::string fa = FoldCase(a), fb = FoldCase(b);
  return fa != fb ? fa < fb : a < b;
}

}  // namespace

Result<std::string> DataInOut::Sheet() {
  SheetProfile p;
  p.name = Trim(config_.user_name);
  if (p.name.empty()) {
    return Error::InvalidArgument("name", "the sheet needs your name: add it to your profile");
  }
  p.email = config_.user_email;
  p.phone = config_.user_phone;
  p.headline = config_.profile.headline;
  p.location = config_.profile.location;
  p.linkedin = config_.profile.linkedin;
  p.summary = config_.profile.summary;
  p.achievements = config_.profile.achievements;
  p.targets = config_.profile.targets;
  if (p.targets.empty()) {
    // The organizations of the people being worked with now: in the
    // pipeline, at any stage past "none".
    RAPPORT_ASSIGN_OR_RETURN(auto entries, Board(std::nullopt));
    std::set<std::string> seen;
    for (const auto& e : entries) {
      const std::string org = Trim(e.contact.org_name);
      if (!org.empty() && seen.insert(org).second) p.targets.push_back(org);
    }
    std::sort(p.targets.begin(), p.targets.end(), LessFolded);
  }
  return RenderSheet(p);
}

}  // namespace rapport
