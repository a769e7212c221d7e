#include "rapport/app/labels.h"

#include "rapport/playbook/move.h"

namespace rapport {

std::string_view Label(Stage s) { return StageLabel(s); }

std::string_view Label(Degree d) {
  switch (d) {
    case Degree::kFirst: return "First";
    case Degree::kSecond: return "Second";
    case Degree::kCold: return "Cold";
  }
  return "";
}

std::string_view Label(Source s) {
  switch (s) {
    case Source::kReferral: return "Referral";
    case Source::kLinkedin: return "LinkedIn";
    case Source::kAssociation: return "Association";
    case Source::kAlumni: return "Alumni";
    case Source::kFaculty: return "Faculty";
    case Source::kConference: return "Conference";
    case Source::kForum: return "Forum";
    case Source::kNews: return "News";
    case Source::kOther: return "Other";
  }
  return "";
}

std::string_view Label(MeetingMode m) {
  switch (m) {
    case MeetingMode::kInPerson: return "In-person";
    case MeetingMode::kPhone: return "Phone";
    case MeetingMode::kVideo: return "Video";
    case MeetingMode::kEmail: return "Email";
  }
  return "";
}

std::string_view Label(Channel c) {
  switch (c) {
    case Channel::kEmail: return "Email";
    case Channel::kLinkedin: return "LinkedIn";
    case Channel::kPhone: return "Phone";
    case Channel::kLetter: return "Letter";
    case Channel::kInPerson: return "In person";
    case Channel::kVideo: return "Video";
    case Channel::kOther: return "Other";
  }
  return "";
}

std::string_view Label(EventKind k) {
  switch (k) {
    case EventKind::kTargeted: return "Targeted";
    case EventKind::kRequestSent: return "Request sent";
    case EventKind::kIntroRequested: return "Intro requested";
    case EventKind::kFollowUpSent: return "Follow up sent";
    case EventKind::kCallMade: return "Call made";
    case EventKind::kRepliedYes: return "Replied yes";
    case EventKind::kRepliedNo: return "Replied no";
    case EventKind::kMeetingScheduled: return "Meeting scheduled";
    case EventKind::kMeetingRescheduled: return "Meeting rescheduled";
    case EventKind::kMeetingCancelled: return "Meeting cancelled";
    case EventKind::kMeetingHeld: return "Meeting held";
    case EventKind::kThanksSent: return "Thanks sent";
    case EventKind::kIntroducerThanked: return "Introducer thanked";
    case EventKind::kReportedBack: return "Reported back";
    case EventKind::kTouch: return "Touch";
    case EventKind::kPromiseMade: return "Promise made";
    case EventKind::kPromiseKept: return "Promise kept";
    case EventKind::kClosed: return "Closed";
  }
  return "";
}

std::string_view Label(ActionKind k) {
  switch (k) {
    case ActionKind::kRequest: return "Send the request";
    case ActionKind::kFollowUp: return "Follow up";
    case ActionKind::kCall: return "Call";
    case ActionKind::kMoveOn: return "Move on";
    case ActionKind::kPrepare: return "Prepare";
    case ActionKind::kLogMeeting: return "Log the meeting";
    case ActionKind::kThank: return "Thank";
    case ActionKind::kThankIntroducer: return "Thank the introducer";
    case ActionKind::kReportBack: return "Report back";
    case ActionKind::kKeepInTouch: return "Keep in touch";
    case ActionKind::kDeliverPromise: return "Keep a promise";
    case ActionKind::kWeeklyGoal: return "Weekly goal";
    case ActionKind::kSchedule: return "Schedule the meeting";
  }
  return "";
}

std::string_view Label(ObjectiveKind k) {
  switch (k) {
    case ObjectiveKind::kIndustry: return "Industry";
    case ObjectiveKind::kCompany: return "Company";
    case ObjectiveKind::kRole: return "Role";
  }
  return "";
}

std::string_view Label(OrgSize s) {
  switch (s) {
    case OrgSize::kSmall: return "Small";
    case OrgSize::kMedium: return "Medium";
    case OrgSize::kLarge: return "Large";
  }
  return "";
}

std::string_view Label(QuestionCategory c) {
  switch (c) {
    case QuestionCategory::kTrends: return "Trends";
    case QuestionCategory::kInsights: return "Insights";
    case QuestionCategory::kAdvice: return "Advice";
    case QuestionCategory::kResources: return "Resources";
    case QuestionCategory::kAssignments: return "Assignments";
    case QuestionCategory::kDayToDay: return "Day-to-day";
    case QuestionCategory::kPath: return "Path";
    case QuestionCategory::kCulture: return "Culture";
    case QuestionCategory::kOther: return "Other";
  }
  return "";
}

std::string_view Label(Severity s) {
  switch (s) {
    case Severity::kError: return "Error";
    case Severity::kWarning: return "Warning";
    case Severity::kHint: return "Hint";
  }
  return "";
}

std::string TemplateLabel(std::string_view name) {
  std::string s(name);
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace rapport
