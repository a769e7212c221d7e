// A contact's place in the pipeline, derived from what happened — never
// stored by hand. Pure: events and the clock in, a stage out.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "rapport/model/types.h"
#include "rapport/playbook/settings.h"

namespace rapport {

enum class Stage {
  kNone,        // in the address book, not in the pipeline yet
  kTargeted,    // on the target list, not asked yet
  kRequested,   // request sent (or intro requested), no answer yet
  kFollowedUp,  // followed up, no answer yet
  kCalled,      // called, no answer yet
  kScheduled,   // a meeting is on the calendar (after a yes)
  kMet,         // a meeting was held, not thanked yet
  kThanked,     // thanked after the latest meeting
  kInTouch,     // a later contact after the thanks, within the window
  kDeclined,    // said no
  kNoResponse,  // max_tries unanswered tries and the wait has passed
  kDormant,     // met once, but no contact for keep_in_touch_days
};

std::string_view ToString(Stage s);  // "followed_up", "no_response", ...
std::optional<Stage> ParseStage(std::string_view s);

// The stage of one contact at `now`. `events` are that contact's events
// sorted by (at, id); events after `now` are ignored. A reply (yes or no) or
// a meeting counts as an answer whatever came before it, so a reply after
// the give-up reopens the thread.
Stage DeriveStage(std::span<const Event> events, const Playbook& playbook, Instant now);

}  // namespace rapport
