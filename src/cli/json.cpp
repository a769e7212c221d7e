#include "cli/json.h"

#include <ostream>

#include "rapport/present/json.h"

namespace rapport::cli {

// Every record as every face writes it (present/json.h): the API sends
// the same shapes.
json ToJson(const Organization& o) { return present::OrganizationJson(o); }

json ToJson(const Contact& c) { return present::ContactJson(c); }

json ToJson(const Objective& o) { return present::ObjectiveJson(o); }

json ToJson(const Event& e) { return present::EventJson(e); }

json ToJson(const Action& a) { return present::ActionJson(a); }

json ToJson(const AgendaItem& item) { return present::AgendaItemJson(item); }

// Invalid UTF-8 in stored text prints as U+FFFD instead of throwing.
void PrintJson(std::ostream& out, const json& j) {
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace rapport::cli
