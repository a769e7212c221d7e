// Meeting mode's Finish: the meeting was held, now. A second press (a
// double tap, a re-sent form, or `rapport met` earlier the same day) must
// not count a second conversation, so the rule lives here, once.
#include "rapport/app/app.h"
#include "rapport/app/validate.h"
#include "rapport/store/store.h"

namespace rapport {

Result<MeetingFinished> Pipeline::FinishMeeting(const std::string& contact_ref, std::optional<int> fit,
                                           const std::optional<std::string>& note,
                                           const std::optional<std::string>& write_id,
                                           bool before_start) {
  if (fit && (*fit < 1 || *fit > 5)) {
    return Error::InvalidArgument("fit",
                                  "the fit must be 1 (not my tribe) to 5 (very much my tribe)");
  }
  if (write_id) {
    RAPPORT_RETURN_IF_ERROR(CheckWriteId(*write_id));
    // Finished once already with this id (a phone sending its queue again).
    RAPPORT_ASSIGN_OR_RETURN(auto receipt, store_.GetWriteReceipt(*write_id));
    if (receipt) {
      RAPPORT_ASSIGN_OR_RETURN(auto event, ReplayedEvent(receipt->kind, receipt->record_id));
      return MeetingFinished{std::move(event), true};
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(auto contact, ResolveContact(contact_ref));
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(contact.id));
  const Instant now = Now();
  const Instant today = StartOfLocalDay(now, config_.zone);
  // The latest meeting_held, unless a meeting was scheduled after it (a
  // second meeting the same day is a new one).
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->kind == EventKind::kMeetingScheduled || it->kind == EventKind::kMeetingRescheduled) {
      break;
    }
    if (it->kind == EventKind::kMeetingHeld) {
      if (it->at >= today && it->at <= now) return MeetingFinished{*it, true};
      break;
    }
  }
  // Before the meeting on the calendar starts, the planner still has its
  // preparation pending (it expires at the start): ask first.
  if (!before_start) {
    for (const Action& a : PlanFor(contact, events).actions) {
      if (a.kind == ActionKind::kPrepare && a.until && *a.until > now) {
        return Error::Conflict("start", "the meeting with " + contact.name + " starts " +
                                            FormatFriendly(*a.until, config_.zone, now) +
                                            "; finish it now only if it has already happened");
      }
    }
  }
  EventInput in;
  in.kind = EventKind::kMeetingHeld;
  in.contact = std::to_string(contact.id);
  in.fit = fit;
  in.body = note;
  in.write_id = write_id;
  RAPPORT_ASSIGN_OR_RETURN(auto e, Record(in));
  return MeetingFinished{std::move(e), false};
}

}  // namespace rapport
