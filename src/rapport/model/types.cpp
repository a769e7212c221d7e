#include "rapport/model/types.h"

#include <array>
#include <utility>

namespace rapport {

namespace {

template <class E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<OrgSize, 3> kOrgSizes{{
    {OrgSize::kSmall, "small"}, {OrgSize::kMedium, "medium"}, {OrgSize::kLarge, "large"}}};

constexpr Table<Source, 9> kSources{{{Source::kReferral, "referral"},
                                     {Source::kLinkedin, "linkedin"},
                                     {Source::kAssociation, "association"},
                                     {Source::kAlumni, "alumni"},
                                     {Source::kFaculty, "faculty"},
                                     {Source::kConference, "conference"},
                                     {Source::kForum, "forum"},
                                     {Source::kNews, "news"},
                                     {Source::kOther, "other"}}};

constexpr Table<Degree, 3> kDegrees{
    {{Degree::kFirst, "first"}, {Degree::kSecond, "second"}, {Degree::kCold, "cold"}}};

constexpr Table<ObjectiveKind, 3> kObjectiveKinds{{{ObjectiveKind::kIndustry, "industry"},
                                                   {ObjectiveKind::kCompany, "company"},
                                                   {ObjectiveKind::kRole, "role"}}};

constexpr Table<EventKind, 18> kEventKinds{{
    {EventKind::kTargeted, "targeted"},
    {EventKind::kRequestSent, "request_sent"},
    {EventKind::kIntroRequested, "intro_requested"},
    {EventKind::kFollowUpSent, "follow_up_sent"},
    {EventKind::kCallMade, "call_made"},
    {EventKind::kRepliedYes, "replied_yes"},
    {EventKind::kRepliedNo, "replied_no"},
    {EventKind::kMeetingScheduled, "meeting_scheduled"},
    {EventKind::kMeetingRescheduled, "meeting_rescheduled"},
    {EventKind::kMeetingCancelled, "meeting_cancelled"},
    {EventKind::kMeetingHeld, "meeting_held"},
    {EventKind::kThanksSent, "thanks_sent"},
    {EventKind::kIntroducerThanked, "introducer_thanked"},
    {EventKind::kReportedBack, "reported_back"},
    {EventKind::kTouch, "touch"},
    {EventKind::kPromiseMade, "promise_made"},
    {EventKind::kPromiseKept, "promise_kept"},
    {EventKind::kClosed, "closed"},
}};

constexpr Table<Channel, 7> kChannels{{{Channel::kEmail, "email"},
                                       {Channel::kLinkedin, "linkedin"},
                                       {Channel::kPhone, "phone"},
                                       {Channel::kLetter, "letter"},
                                       {Channel::kInPerson, "in-person"},
                                       {Channel::kVideo, "video"},
                                       {Channel::kOther, "other"}}};

constexpr Table<MeetingMode, 4> kModes{{{MeetingMode::kInPerson, "in-person"},
                                        {MeetingMode::kPhone, "phone"},
                                        {MeetingMode::kVideo, "video"},
                                        {MeetingMode::kEmail, "email"}}};

constexpr Table<QuestionCategory, 9> kQuestionCategories{{
    {QuestionCategory::kTrends, "trends"},
    {QuestionCategory::kInsights, "insights"},
    {QuestionCategory::kAdvice, "advice"},
    {QuestionCategory::kResources, "resources"},
    {QuestionCategory::kAssignments, "assignments"},
    {QuestionCategory::kDayToDay, "day-to-day"},
    {QuestionCategory::kPath, "path"},
    {QuestionCategory::kCulture, "culture"},
    {QuestionCategory::kOther, "other"},
}};

template <class E, size_t N>
std::string_view Name(const Table<E, N>& t, E v) {
  for (const auto& [e, n] : t)
    if (e == v) return n;
  return "?";
}

template <class E, size_t N>
std::optional<E> Parse(const Table<E, N>& t, std::string_view s) {
  for (const auto& [e, n] : t)
    if (n == s) return e;
  return std::nullopt;
}

template <class E, size_t N>
std::vector<std::string_view> Names(const Table<E, N>& t) {
  std::vector<std::string_view> out;
  for (const auto& p : t) out.push_back(p.second);
  return out;
}

}  // namespace

std::string_view ToString(OrgSize v) { return Name(kOrgSizes, v); }
std::string_view ToString(Source v) { return Name(kSources, v); }
std::string_view ToString(Degree v) { return Name(kDegrees, v); }
std::string_view ToString(ObjectiveKind v) { return Name(kObjectiveKinds, v); }
std::string_view ToString(EventKind v) { return Name(kEventKinds, v); }
std::string_view ToString(Channel v) { return Name(kChannels, v); }
std::string_view ToString(MeetingMode v) { return Name(kModes, v); }
std::string_view ToString(QuestionCategory v) { return Name(kQuestionCategories, v); }

std::optional<OrgSize> ParseOrgSize(std::string_view s) { return Parse(kOrgSizes, s); }
std::optional<Source> ParseSource(std::string_view s) { return Parse(kSources, s); }
std::optional<Degree> ParseDegree(std::string_view s) { return Parse(kDegrees, s); }
std::optional<ObjectiveKind> ParseObjectiveKind(std::string_view s) {
  return Parse(kObjectiveKinds, s);
}
std::optional<EventKind> ParseEventKind(std::string_view s) { return Parse(kEventKinds, s); }
std::optional<Channel> ParseChannel(std::string_view s) { return Parse(kChannels, s); }
std::optional<MeetingMode> ParseMeetingMode(std::string_view s) { return Parse(kModes, s); }
std::optional<QuestionCategory> ParseQuestionCategory(std::string_view s) {
  return Parse(kQuestionCategories, s);
}

std::vector<std::string_view> OrgSizeNames() { return Names(kOrgSizes); }
std::vector<std::string_view> SourceNames() { return Names(kSources); }
std::vector<std::string_view> DegreeNames() { return Names(kDegrees); }
std::vector<std::string_view> ObjectiveKindNames() { return Names(kObjectiveKinds); }
std::vector<std::string_view> EventKindNames() { return Names(kEventKinds); }
std::vector<std::string_view> ChannelNames() { return Names(kChannels); }
std::vector<std::string_view> MeetingModeNames() { return Names(kModes); }
std::vector<std::string_view> QuestionCategoryNames() { return Names(kQuestionCategories); }

std::vector<ContactPoint> AllPoints(const std::optional<std::string>& primary,
                                    const std::string& label,
                                    const std::vector<ContactPoint>& others) {
  std::vector<ContactPoint> all;
  all.reserve(others.size() + 1);
  if (primary) all.push_back({*primary, label});
  all.insert(all.end(), others.begin(), others.end());
  return all;
}

}  // namespace rapport
