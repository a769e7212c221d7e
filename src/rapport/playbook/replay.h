// Private to playbook/: the one replay of a contact's events that both
// DeriveStage (stage.cpp) and PlanContact (agenda.cpp) read, so the stage a
// person sees and the actions they are given can never disagree.
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/playbook/agenda.h"

namespace rapport::playbook_internal {

// An action without its reason yet, and the event its reason talks about.
using PendingAction = std::pair<Action, const Event*>;

// Replays `events` (sorted by (at, id); those after `now` ignored) and
// returns the stage at `now`. When `pending` is given, appends every pending
// action; `contact` must then be non-null.
Stage Replay(std::span<const Event> events, const Contact* contact, const Playbook& playbook,
             Instant now, std::string_view zone, std::vector<PendingAction>* pending);

}  // namespace rapport::playbook_internal
