// The board's moves as events. Each rule here was checked against the
// replay in stage.cpp (which events open, advance or end a thread), and
// Pipeline::MoveCard derives the stage again before writing, so a rule that
// drifted from the replay is refused instead of recorded.
#include "rapport/playbook/move.h"

namespace rapport {

namespace {

bool IsOpen(Stage s) {
  return s == Stage::kRequested || s == Stage::kFollowedUp || s == Stage::kCalled;
}

bool IsBeforeAsking(Stage s) { return s == Stage::kNone || s == Stage::kTargeted; }

bool IsEnded(Stage s) { return s == Stage::kDeclined || s == Stage::kNoResponse; }

bool IsAfterMeeting(Stage s) {
  return s == Stage::kMet || s == Stage::kThanked || s == Stage::kInTouch || s == Stage::kDormant;
}

MoveDecision Record(EventKind e) {
  MoveDecision d;
  d.verdict = MoveVerdict::kRecord;
  d.event = e;
  return d;
}

MoveDecision Confirm(EventKind e, std::string question) {
  MoveDecision d;
  d.verdict = MoveVerdict::kConfirm;
  d.event = e;
  d.question = std::move(question);
  return d;
}

MoveDecision Refuse(std::string reason) {
  MoveDecision d;
  d.reason = std::move(reason);
  return d;
}

// To followed_up or called: another try in an open thread.
MoveDecision AnotherTry(Stage from, EventKind e, const std::string& n, const char* records) {
  if (IsOpen(from)) return Record(e);
  if (IsBeforeAsking(from)) return Refuse("send " + n + " the request first (move them to Requested)");
  if (from == Stage::kNoResponse) {
    return Confirm(e, "Try " + n + " again after giving up? This records " + records + " today.");
  }
  if (from == Stage::kDeclined) return Refuse(n + " said no; to ask again, move them to Requested");
  if (from == Stage::kScheduled) return Refuse(n + " already said yes; move them to Met once you have met");
  return Refuse("you have met " + n + "; after the thanks, move them to In touch instead");
}

}  // namespace

std::string_view StageLabel(Stage s) {
  switch (s) {
    case Stage::kNone: return "Not in the pipeline";
    case Stage::kTargeted: return "Targeted";
    case Stage::kRequested: return "Requested";
    case Stage::kFollowedUp: return "Followed up";
    case Stage::kCalled: return "Called";
    case Stage::kScheduled: return "Scheduled";
    case Stage::kMet: return "Met";
    case Stage::kThanked: return "Thanked";
    case Stage::kInTouch: return "In touch";
    case Stage::kDeclined: return "Said no";
    case Stage::kNoResponse: return "No response";
    case Stage::kDormant: return "Dormant";
  }
  return "Not in the pipeline";
}

MoveDecision DecideMove(Stage from, Stage to, std::string_view name) {
  const std::string n(name);
  if (to == Stage::kNone) {
    return Refuse("the board cannot take " + n + " out of the pipeline; what happened stays in the log");
  }
  if (to == Stage::kDormant) {
    return Refuse("nobody is moved to Dormant by hand: people land there after a long time without contact");
  }
  // Another follow-up or call is a real step even in the same column.
  if (from == to && to != Stage::kFollowedUp && to != Stage::kCalled) {
    return Refuse(n + " is already in " + std::string(StageLabel(to)));
  }
  switch (to) {
    case Stage::kTargeted:
      if (from == Stage::kNone || IsEnded(from)) return Record(EventKind::kTargeted);
      return Refuse(n + " is already past the target list; the list only starts a new thread");
    case Stage::kRequested:
      if (IsBeforeAsking(from)) return Record(EventKind::kRequestSent);
      if (IsEnded(from)) {
        return Confirm(EventKind::kRequestSent,
                       "Ask " + n + " again? This records a new request sent today.");
      }
      if (IsAfterMeeting(from)) {
        return Confirm(EventKind::kRequestSent, "Ask " + n +
                                                    " for another conversation? This records a "
                                                    "new request sent today.");
      }
      if (from == Stage::kScheduled) {
        return Refuse(n + " already said yes; move them to Met once you have met");
      }
      return Refuse(n + " has already been asked; move them to Followed up to write again");
    case Stage::kFollowedUp:
      return AnotherTry(from, EventKind::kFollowUpSent, n, "a follow-up sent");
    case Stage::kCalled:
      return AnotherTry(from, EventKind::kCallMade, n, "a call made");
    case Stage::kScheduled: {
      MoveDecision d;
      if (IsOpen(from)) {
        d = Record(EventKind::kMeetingScheduled);
      } else if (IsBeforeAsking(from)) {
        d = Confirm(EventKind::kMeetingScheduled,
                    "Schedule a meeting with " + n +
                        " though no request is logged? This records a meeting scheduled.");
      } else if (from == Stage::kDeclined) {
        d = Confirm(EventKind::kMeetingScheduled, n +
                                                      " said no. Schedule a meeting anyway? This "
                                                      "records a meeting scheduled.");
      } else if (from == Stage::kNoResponse) {
        d = Confirm(EventKind::kMeetingScheduled,
                    "Schedule a meeting with " + n +
                        " after giving up? This records a meeting scheduled.");
      } else {
        d = Confirm(EventKind::kMeetingScheduled, "Schedule another meeting with " + n +
                                                      "? This records a meeting scheduled.");
      }
      d.needs_meeting_time = true;
      return d;
    }
    case Stage::kMet:
      if (from == Stage::kScheduled) return Record(EventKind::kMeetingHeld);
      if (IsAfterMeeting(from)) {
        return Confirm(EventKind::kMeetingHeld,
                       "Mark " + n + " as met again? This records another meeting held today.");
      }
      return Confirm(EventKind::kMeetingHeld,
                     "Mark " + n + " as met? This records a meeting held today.");
    case Stage::kThanked:
      if (from == Stage::kMet || from == Stage::kDormant) return Record(EventKind::kThanksSent);
      if (from == Stage::kInTouch) return Refuse(n + " is already thanked and in touch");
      return Refuse("thanks come after a meeting: move " + n + " to Met first");
    case Stage::kInTouch:
      if (from == Stage::kThanked || from == Stage::kDormant) return Record(EventKind::kTouch);
      if (from == Stage::kMet) return Refuse("thank " + n + " for the meeting first (move them to Thanked)");
      return Refuse("keeping in touch comes after a meeting and the thanks; " + n +
                    " has not met you yet");
    case Stage::kDeclined:
      if (IsOpen(from) || from == Stage::kNoResponse) return Record(EventKind::kRepliedNo);
      if (from == Stage::kScheduled) {
        return Confirm(EventKind::kRepliedNo, "Did " + n +
                                                  " say no after all? This records a reply: no, "
                                                  "and the meeting is off.");
      }
      if (IsBeforeAsking(from)) {
        return Confirm(EventKind::kRepliedNo, "Did " + n +
                                                  " say no before you asked? This records a "
                                                  "reply: no.");
      }
      return Confirm(EventKind::kRepliedNo,
                     "Did " + n + " say no to another conversation? This records a reply: no.");
    case Stage::kNoResponse:
      if (from == Stage::kTargeted || IsOpen(from) || from == Stage::kScheduled) {
        return Confirm(EventKind::kClosed, "Give up on " + n +
                                               "? This records that you closed the thread: no more follow-ups.");
      }
      if (from == Stage::kNone) return Refuse(n + " is not in the pipeline yet");
      return Refuse("after a reply or a meeting there is no thread to give up on");
    case Stage::kNone:
    case Stage::kDormant:
      break;
  }
  return Refuse("that move is not possible");
}

}  // namespace rapport
