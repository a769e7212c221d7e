// Plain value types: what Rapport keeps about a seeker's network. No I/O,
// no SQL. Optional fields are std::optional; an empty optional means "not
// known", never "empty string".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/time.h"

namespace rapport {

using Id = std::int64_t;

// One seeker's data. Every row in the store belongs to exactly one.
struct Workspace {
  Id id = 0;
  std::string name;
};

enum class OrgSize { kSmall, kMedium, kLarge };

struct Organization {
  Id id = 0;
  std::string name;
  std::optional<std::string> industry;
  std::optional<OrgSize> size;
  std::optional<std::string> location;
  std::optional<std::string> website;
  Instant created_at{};
  // Read-only, filled by listings: how many contacts work there.
  int contact_count = 0;
};

// How we found a person (PRODUCT.md, stage 3).
enum class Source {
  kReferral, kLinkedin, kAssociation, kAlumni, kFaculty, kConference, kForum, kNews, kOther
};

// Distance from the seeker: ask directly, ask for an introduction, or cold.
enum class Degree { kFirst, kSecond, kCold };

// One more e-mail address or phone number of a person, with what it is for.
struct ContactPoint {
  std::string value;
  // "work", "home", "mobile", "other", "fax", ... or the export's own word
  // for it ("Assistant"); "" when the source gave none.
  std::string label;
  bool operator==(const ContactPoint&) const = default;
};

// The primary value (when there is one) with its label, then the others:
// every address, or every number, as one list.
std::vector<ContactPoint> AllPoints(const std::optional<std::string>& primary,
                                    const std::string& label,
                                    const std::vector<ContactPoint>& others);

struct Contact {
  Id id = 0;
  std::string name;
  std::optional<Id> org_id;
  std::optional<std::string> title;
  std::optional<std::string> email;  // the primary address (one person per address)
  std::optional<std::string> phone;  // the primary number
  std::string email_label, phone_label;  // what the primary ones are for ("" unknown)
  // Every other address and number the person came with, in the source's
  // order (never the primary again).
  std::vector<ContactPoint> other_emails, other_phones;
  std::optional<std::string> linkedin;
  std::optional<std::string> location;
  std::optional<std::string> tz;  // IANA zone name
  std::optional<Source> source;
  std::optional<Degree> degree;
  std::optional<Id> introducer_id;  // who introduced or referred them
  std::vector<std::string> tags;    // sorted, unique
  std::optional<Instant> connected_at;  // when we connected (LinkedIn)
  std::optional<std::string> note;      // free text, e.g. from an imported card
  Instant created_at{};
  Instant updated_at{};
  // Read-only, filled by the store from joins.
  std::string org_name;
  std::string introducer_name;
};

enum class ObjectiveKind { kIndustry, kCompany, kRole };

// What the seeker wants to learn. Every request is tailored to one.
struct Objective {
  Id id = 0;
  std::string title;
  ObjectiveKind kind = ObjectiveKind::kIndustry;
  std::optional<int> target;  // conversations wanted; playbook default if unset
  std::optional<std::string> notes;
  Instant created_at{};
};

// What happened, the source of truth for every stage and action.
enum class EventKind {
  kTargeted,
  kRequestSent,
  kIntroRequested,  // asked a mutual contact to introduce us
  kFollowUpSent,
  kCallMade,
  kRepliedYes,
  kRepliedNo,
  kMeetingScheduled,
  kMeetingRescheduled,
  kMeetingCancelled,
  kMeetingHeld,
  kThanksSent,
  kIntroducerThanked,
  kReportedBack,
  kTouch,
  kPromiseMade,
  kPromiseKept,
  kClosed,  // the seeker closed this thread (after three unanswered tries)
};

enum class Channel { kEmail, kLinkedin, kPhone, kLetter, kInPerson, kVideo, kOther };
enum class MeetingMode { kInPerson, kPhone, kVideo, kEmail };

struct Event {
  Id id = 0;
  Id contact_id = 0;
  std::optional<Id> objective_id;
  EventKind kind = EventKind::kTouch;
  Instant at{};
  std::optional<Channel> channel;
  std::optional<std::string> body;
  // request_sent: through whom (an introducer's contact id).
  std::optional<Id> via_id;
  // call_made: a voicemail was left.
  bool voicemail = false;
  // meeting_scheduled / meeting_rescheduled: when, where, how long, how.
  std::optional<Instant> meeting_at;
  std::optional<std::string> meeting_tz;
  std::optional<int> meeting_minutes;
  std::optional<MeetingMode> meeting_mode;
  std::optional<std::string> meeting_place;
  // promise_made: theirs (they promised me) or mine; optional due time.
  bool theirs = false;
  std::optional<Instant> due;
  // promise_kept: the promise_made event it settles.
  std::optional<Id> promise_id;
  // meeting_held: "does this feel like my tribe?", 1 (no) to 5 (very much).
  std::optional<int> fit;
  // A message drafted from a built-in template ("request_first",
  // "follow_up", ...) and sent or marked sent from the draft: which one, for
  // the response rate of each template.
  std::optional<std::string> template_name;
};

// What a question is after: Steve Dalton's TIARA (trends, insights, advice,
// resources, assignments) and four more kinds seekers ask about.
enum class QuestionCategory {
  kTrends, kInsights, kAdvice, kResources, kAssignments, kDayToDay, kPath, kCulture, kOther
};

// A question in the seeker's bank. General when objective_id is unset.
struct Question {
  Id id = 0;
  std::string text;
  QuestionCategory category = QuestionCategory::kOther;
  std::optional<Id> objective_id;
  // Asks whom else to meet: one of these always closes a meeting's plan.
  bool referral = false;
  Instant created_at{};
};

// A Markdown note about a contact or an objective (exactly one of the two).
struct Note {
  Id id = 0;
  std::optional<Id> contact_id;
  std::optional<Id> objective_id;
  std::string body;
  Instant created_at{};
  Instant updated_at{};
};

// What someone said to a question at their meeting.
struct Answer {
  Id id = 0;
  Id contact_id = 0;
  Id question_id = 0;
  std::optional<Id> objective_id;  // the objective the meeting served
  std::string body;
  Instant created_at{};
};

// ---- names ---------------------------------------------------------------
// Stable lowercase names used in the CLI, the JSON output and the database.
// Parse* return nullopt for an unknown name.

std::string_view ToString(OrgSize v);
std::string_view ToString(Source v);
std::string_view ToString(Degree v);
std::string_view ToString(ObjectiveKind v);
std::string_view ToString(EventKind v);
std::string_view ToString(Channel v);
std::string_view ToString(MeetingMode v);
std::string_view ToString(QuestionCategory v);

std::optional<OrgSize> ParseOrgSize(std::string_view s);
std::optional<Source> ParseSource(std::string_view s);
std::optional<Degree> ParseDegree(std::string_view s);
std::optional<ObjectiveKind> ParseObjectiveKind(std::string_view s);
std::optional<EventKind> ParseEventKind(std::string_view s);
std::optional<Channel> ParseChannel(std::string_view s);
std::optional<MeetingMode> ParseMeetingMode(std::string_view s);
std::optional<QuestionCategory> ParseQuestionCategory(std::string_view s);

// All names of an enum, for help texts and "did you mean" suggestions.
std::vector<std::string_view> OrgSizeNames();
std::vector<std::string_view> SourceNames();
std::vector<std::string_view> DegreeNames();
std::vector<std::string_view> ObjectiveKindNames();
std::vector<std::string_view> EventKindNames();
std::vector<std::string_view> ChannelNames();
std::vector<std::string_view> MeetingModeNames();
std::vector<std::string_view> QuestionCategoryNames();

}  // namespace rapport
