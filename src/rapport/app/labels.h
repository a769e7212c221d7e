// The words a person reads for each enum, in one place for every face that
// shows them in prose (the web pages; the CLI shows the names its options
// take, "meeting_held", so they can be typed back). ToString() gives the
// machine names (model/types.h and beside each enum); these give labels:
// "Meeting held", "In-person", "Thank the introducer". A switch per enum,
// so a new value without a label does not compile (-Wswitch).
#pragma once

#include <string>
#include <string_view>

#include "rapport/messages/lint.h"
#include "rapport/model/types.h"
#include "rapport/playbook/agenda.h"
#include "rapport/playbook/stage.h"

namespace rapport {

std::string_view Label(Stage s);  // the board's column titles (StageLabel)
std::string_view Label(Degree d);
std::string_view Label(Source s);
std::string_view Label(MeetingMode m);
std::string_view Label(Channel c);
std::string_view Label(EventKind k);
std::string_view Label(ActionKind k);  // what to do: "Follow up", "Keep a promise"
std::string_view Label(ObjectiveKind k);
std::string_view Label(OrgSize s);
std::string_view Label(QuestionCategory c);
std::string_view Label(Severity s);
// A message template by its name ("thank_introducer" -> "Thank introducer");
// a name that is no template is humanized the same way.
std::string TemplateLabel(std::string_view name);

}  // namespace rapport
