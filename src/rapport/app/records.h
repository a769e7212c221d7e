// The records: organizations, contacts, objectives (app/app.cpp), and a
// referral (app/learning.cpp). Fields arrive as the user typed them; see
// app/use_case.h for REFs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/app/use_case.h"
#include "rapport/model/types.h"
#include "rapport/playbook/agenda.h"

namespace rapport {

struct OrgFields {
  std::optional<std::string> name, industry, size, location, website;
};

struct ContactFields {
  std::optional<std::string> name, org, title, email, phone, linkedin, location, tz, source,
      degree, introducer;
  std::vector<std::string> add_tags;     // added (add and edit)
  std::vector<std::string> remove_tags;  // removed (edit)
};

struct ObjectiveFields {
  std::optional<std::string> title, kind, notes;
  std::optional<int> target;  // 0 clears it in an edit (back to the playbook's default)
};

struct ContactAdded {
  Contact contact;
  bool created_org = false;  // --org named an organization that did not exist yet
};

struct ContactDetail {
  Contact contact;
  Stage stage = Stage::kNone;
  std::vector<Action> actions;  // pending, sorted by due
  int event_count = 0;
  std::optional<Instant> last_event_at;
  std::vector<Contact> introduced;  // people this contact introduced or referred
};

// Organizations, contacts and objectives: add, list, show, edit, remove;
// and a referral (a contact someone suggested).
class Records : public UseCase {
 public:
  using UseCase::UseCase;

  // ---- organizations ----
  Result<Organization> AddOrganization(const OrgFields& f);
  Result<std::vector<Organization>> ListOrganizations();
  Result<Organization> ShowOrganization(const std::string& ref);
  Result<Organization> EditOrganization(const std::string& ref, const OrgFields& f);
  Result<Organization> RemoveOrganization(const std::string& ref);

  // ---- contacts ----
  Result<ContactAdded> AddContact(const ContactFields& f);
  Result<std::vector<Contact>> ListContacts(const std::optional<std::string>& org_ref,
                                            const std::optional<std::string>& tag);
  Result<ContactDetail> ShowContact(const std::string& ref);
  Result<ContactAdded> EditContact(const std::string& ref, const ContactFields& f);
  Result<Contact> RemoveContact(const std::string& ref);

  // ---- objectives ----
  Result<Objective> AddObjective(const ObjectiveFields& f);
  Result<std::vector<Objective>> ListObjectives();
  Result<Objective> ShowObjective(const std::string& ref);
  Result<Objective> EditObjective(const std::string& ref, const ObjectiveFields& f);
  Result<Objective> RemoveObjective(const std::string& ref);

  // ---- referrals ----
  // Adds the person `referrer` suggested: source referral, degree second
  // (unless given), introduced by the referrer.
  Result<ContactAdded> Refer(const std::string& referrer_ref, ContactFields f);

 private:
  Status ApplyOrgFields(Organization& o, const OrgFields& f);
  Status ApplyContactFields(Contact& c, const ContactFields& f, bool& created_org);
  Status ApplyObjectiveFields(Objective& o, const ObjectiveFields& f);
};

}  // namespace rapport
