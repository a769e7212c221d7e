// Joining two records of one person: the comparisons of addresses and
// numbers the importer shares (contact_points.h), and DataInOut::Merge.
#include <algorithm>
#include <set>

#include "rapport/app/app.h"
#include "rapport/app/contact_points.h"
#include "rapport/store/store.h"

namespace rapport {

bool SamePoint(std::string_view a, std::string_view b, bool email) {
  return email ? FoldCase(a) == FoldCase(b) : PhoneKey(a) == PhoneKey(b);
}

bool HasPoint(const std::optional<std::string>& primary, const std::vector<ContactPoint>& others,
              std::string_view value, bool email) {
  if (primary && SamePoint(*primary, value, email)) return true;
  return std::any_of(others.begin(), others.end(),
                     [&](const ContactPoint& o) { return SamePoint(o.value, value, email); });
}

std::string* FindLabel(const std::optional<std::string>& primary, std::string& primary_label,
                       std::vector<ContactPoint>& others, std::string_view value, bool email) {
  if (primary && SamePoint(*primary, value, email)) return &primary_label;
  for (auto& o : others) {
    if (SamePoint(o.value, value, email)) return &o.label;
  }
  return nullptr;
}

void AddPoint(std::optional<std::string>& primary, std::string& primary_label,
              std::vector<ContactPoint>& others, ContactPoint p) {
  if (primary) {
    others.push_back(std::move(p));
    return;
  }
  primary = std::move(p.value);
  primary_label = std::move(p.label);
}

Result<MergeResult> DataInOut::Merge(const std::string& survivor_ref, const std::string& other_ref) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto keep, InField("survivor", ResolveContact(survivor_ref)));
  RAPPORT_ASSIGN_OR_RETURN(auto other, InField("other", ResolveContact(other_ref)));
  if (keep.id == other.id) {
    return Error::InvalidArgument("both references name #" + std::to_string(keep.id) + " " +
                                  keep.name + "; give two different people");
  }
  auto fill = [](std::optional<std::string>& a, const std::optional<std::string>& b) {
    if (!a && b) a = b;
  };
  // The other's email must be free before the survivor can take it.
  std::optional<std::string> other_email = other.email;
  if (other.email) {
    other.email.reset();
    RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(other, Now()));
  }
  // Every address and number of both, the survivor's primary ones first.
  for (auto& e : AllPoints(other_email, other.email_label, other.other_emails)) {
    if (!HasPoint(keep.email, keep.other_emails, e.value, true)) {
      AddPoint(keep.email, keep.email_label, keep.other_emails, std::move(e));
    }
  }
  for (auto& t : AllPoints(other.phone, other.phone_label, other.other_phones)) {
    if (!HasPoint(keep.phone, keep.other_phones, t.value, false)) {
      AddPoint(keep.phone, keep.phone_label, keep.other_phones, std::move(t));
    }
  }
  fill(keep.title, other.title);
  fill(keep.linkedin, other.linkedin);
  fill(keep.location, other.location);
  fill(keep.tz, other.tz);
  fill(keep.note, other.note);
  if (!keep.org_id) keep.org_id = other.org_id;
  if (!keep.source) keep.source = other.source;
  if (!keep.degree) keep.degree = other.degree;
  if (!keep.introducer_id && other.introducer_id != keep.id) keep.introducer_id = other.introducer_id;
  if (!keep.connected_at) keep.connected_at = other.connected_at;
  std::set<std::string> tags(keep.tags.begin(), keep.tags.end());
  tags.insert(other.tags.begin(), other.tags.end());
  keep.tags.assign(tags.begin(), tags.end());
  RAPPORT_ASSIGN_OR_RETURN(int moved, store_.MoveContactHistory(other.id, keep.id));
  RAPPORT_RETURN_IF_ERROR(store_.UpdateContact(keep, Now()));
  RAPPORT_RETURN_IF_ERROR(store_.RemoveContact(other.id));
  RAPPORT_ASSIGN_OR_RETURN(auto updated, store_.GetContact(keep.id));
  if (auto plan = Replan(*updated); !plan) return plan.error();
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return MergeResult{std::move(*updated), other.name, moved};
}

}  // namespace rapport
