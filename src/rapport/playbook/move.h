// What moving a person's card on the pipeline board means. The board shows
// stages, but stages are derived from the log (stage.h), so a move is only
// ever a way to record one event. Pure: two stages and a name in, a
// decision out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rapport/model/types.h"
#include "rapport/playbook/stage.h"

namespace rapport {

enum class MoveVerdict {
  kRecord,   // obvious: record `event`
  kConfirm,  // allowed, but not obvious: ask `question` first
  kRefuse,   // not allowed: `reason` says why
};

struct MoveDecision {
  MoveVerdict verdict = MoveVerdict::kRefuse;
  std::optional<EventKind> event;  // set for kRecord and kConfirm
  // A meeting_scheduled needs the meeting's date and time.
  bool needs_meeting_time = false;
  // kConfirm: one sentence ending in '?' and what it records, e.g. "Mark Ada
  // as met? This records a meeting held today." kRefuse: one line, why.
  std::string question, reason;
};

// The decision for moving `name` from `from` to `to`. Rules (consistent with
// DeriveStage, so the event recorded puts the card in `to`):
// - the next step of a conversation is recorded at once: targeted ->
//   requested (request_sent), requested/followed_up/called -> followed_up
//   (follow_up_sent) or called (call_made), an open thread -> declined
//   (replied_no), scheduled -> met (meeting_held), met/dormant -> thanked
//   (thanks_sent), thanked -> in_touch (touch), none/declined/no_response ->
//   targeted (targeted), and -> scheduled (meeting_scheduled, with a time)
//   after a request;
// - moves that skip steps or start again (met without a meeting on the
//   calendar, a second request after a no or a meeting, giving up with
//   no_response, a no after a yes or a meeting) need a confirmation;
// - moves the log cannot express are refused: back to an earlier step of
//   the same thread, to the same column, to none, to dormant (time does
//   that), thanks or keeping in touch before a meeting.
MoveDecision DecideMove(Stage from, Stage to, std::string_view name);

// The stage's name in plain words, for column headings: "Targeted",
// "Followed up", "Said no", "No response", ...
std::string_view StageLabel(Stage s);

}  // namespace rapport
