// Exports: vCard 4.0 and CSV of people, CSV of the interaction log, and
// iCalendar (libical) of meetings and due actions.
#include <libical/ical.h>

#include <algorithm>
#include <map>
#include <random>
#include <memory>
#include <unordered_map>

#include "rapport/app/app.h"
#include "rapport/formats/people.h"
#include "rapport/store/store.h"

namespace rapport {

Result<std::vector<Contact>> DataInOut::SelectContacts(const ExportFilter& f) {
  return ListContacts(f.org, f.tag);
}

namespace {

// "a@b (work); c@d" for a CSV cell.
std::string PointsCell(const std::vector<ContactPoint>& points) {
  std::string out;
  for (const auto& p : points) {
    if (!out.empty()) out += "; ";
    out += p.value;
    if (!p.label.empty()) out += " (" + p.label + ")";
  }
  return out;
}

}  // namespace

Result<std::string> DataInOut::ExportVCard(const ExportFilter& f) {
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, SelectContacts(f));
  // How the seeker knows each: the objective of their thread, by title.
  RAPPORT_ASSIGN_OR_RETURN(auto states, store_.ListContactStates());
  RAPPORT_ASSIGN_OR_RETURN(auto objectives, store_.ListObjectives());
  std::unordered_map<Id, std::string> objective_title;
  for (const auto& o : objectives) objective_title[o.id] = o.title;
  std::unordered_map<Id, std::string> thread_objective;
  for (const auto& s : states) {
    if (!s.objective_id) continue;
    auto t = objective_title.find(*s.objective_id);
    if (t != objective_title.end()) thread_objective[s.contact_id] = t->second;
  }
  std::vector<VCardPerson> cards;
  cards.reserve(contacts.size());
  for (const auto& c : contacts) {
    VCardPerson v;
    v.uid = "urn:rapport:contact:" + std::to_string(c.id);
    v.name = c.name;
    if (!c.org_name.empty()) v.org = c.org_name;
    v.title = c.title;
    v.emails = AllPoints(c.email, c.email_label, c.other_emails);
    v.phones = AllPoints(c.phone, c.phone_label, c.other_phones);
    v.linkedin = c.linkedin;
    v.location = c.location;
    v.note = c.note;
    v.categories = c.tags;
    v.revised = c.updated_at;
    if (c.source) v.source = std::string(ToString(*c.source));
    if (c.degree) v.degree = std::string(ToString(*c.degree));
    if (!c.introducer_name.empty()) v.introducer = c.introducer_name;
    v.connected_on = c.connected_at;
    if (auto o = thread_objective.find(c.id); o != thread_objective.end()) {
      v.objectives.push_back(o->second);
    }
    cards.push_back(std::move(v));
  }
  return WriteVCard(cards);
}

Result<std::string> DataInOut::ExportPeopleCsv(const ExportFilter& f) {
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, SelectContacts(f));
  RAPPORT_ASSIGN_OR_RETURN(auto states, store_.ListContactStates());
  std::unordered_map<Id, std::string> stage;
  for (const auto& s : states) stage[s.contact_id] = s.stage;
  std::string out = CsvRow({"id", "name", "organization", "title", "email", "phone", "linkedin",
                            "location", "time_zone", "source", "degree", "introducer", "tags",
                            "stage", "connected_on", "created_at", "email_label", "phone_label",
                            "other_emails", "other_phones"});
  for (const auto& c : contacts) {
    std::string tags;
    for (const auto& t : c.tags) tags += (tags.empty() ? "" : ";") + t;
    auto st = stage.find(c.id);
    out += CsvRow({std::to_string(c.id), c.name, c.org_name, c.title.value_or(""),
                   c.email.value_or(""), c.phone.value_or(""), c.linkedin.value_or(""),
                   c.location.value_or(""), c.tz.value_or(""),
                   c.source ? std::string(ToString(*c.source)) : "",
                   c.degree ? std::string(ToString(*c.degree)) : "", c.introducer_name, tags,
                   st == stage.end() ? "none" : st->second,
                   c.connected_at ? FormatIso(*c.connected_at).substr(0, 10) : "",
                   FormatIso(c.created_at), c.email_label, c.phone_label,
                   PointsCell(c.other_emails), PointsCell(c.other_phones)});
  }
  return out;
}

Result<std::string> DataInOut::ExportEventsCsv() {
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts());
  RAPPORT_ASSIGN_OR_RETURN(auto objectives, store_.ListObjectives());
  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListAllEvents());
  std::unordered_map<Id, std::string> names, titles;
  for (const auto& c : contacts) names[c.id] = c.name;
  for (const auto& o : objectives) titles[o.id] = o.title;
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.at, a.id) < std::tie(b.at, b.id);
  });
  std::string out = CsvRow({"id", "at", "kind", "contact_id", "contact", "objective", "channel",
                            "meeting_at", "meeting_tz", "meeting_minutes", "body"});
  for (const auto& e : events) {
    out += CsvRow({std::to_string(e.id), FormatIso(e.at), std::string(ToString(e.kind)),
                   std::to_string(e.contact_id), names[e.contact_id],
                   e.objective_id ? titles[*e.objective_id] : "",
                   e.channel ? std::string(ToString(*e.channel)) : "",
                   e.meeting_at ? FormatIso(*e.meeting_at) : "", e.meeting_tz.value_or(""),
                   e.meeting_minutes ? std::to_string(*e.meeting_minutes) : "",
                   e.body.value_or("")});
  }
  return out;
}

namespace {

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

icaltimetype Utc(Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(ToUnix(t)), 0,
                                       icaltimezone_get_utc_timezone());
}

// A meeting as the calendar should show it: the latest time, and whether it
// was cancelled. One per meeting_scheduled event (its id makes the UID, so a
// reschedule updates the same calendar entry).
struct Meeting {
  Id first_event = 0;
  Id contact_id = 0;
  Instant at{};
  std::string tz = "UTC";
  int minutes = 30;
  std::optional<MeetingMode> mode;
  std::optional<std::string> place;
  int sequence = 0;
  bool cancelled = false;
  bool held = false;
};

// A VTIMEZONE with the zone's rules of `year` and after: one STANDARD and
// one DAYLIGHT observance with yearly rules, or a single STANDARD.
icalcomponent* VTimezone(const std::string& zone, int year) {
  icalcomponent* vtz = icalcomponent_new_vtimezone();
  icalcomponent_add_property(vtz, icalproperty_new_tzid(zone.c_str()));
  auto transitions = YearTransitions(zone, year);
  if (transitions.empty()) {
    auto [offset, abbrev] = OffsetAt(zone, FromUnix(0) + days{366 * (year - 1970)});
    icalcomponent* std_part = icalcomponent_new_xstandard();
    icalcomponent_add_property(std_part,
                               icalproperty_new_dtstart(icaltime_from_string("19700101T000000")));
    icalcomponent_add_property(std_part, icalproperty_new_tzoffsetfrom(offset));
    icalcomponent_add_property(std_part, icalproperty_new_tzoffsetto(offset));
    icalcomponent_add_property(std_part, icalproperty_new_tzname(abbrev.c_str()));
    icalcomponent_add_component(vtz, std_part);
    return vtz;
  }
  static const char* kDays[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  for (const auto& t : transitions) {
    icalcomponent* part = t.dst ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
    icalcomponent_add_property(part,
                               icalproperty_new_dtstart(icaltime_from_string(t.local_start.c_str())));
    std::string rule = "FREQ=YEARLY;BYMONTH=" + std::to_string(t.month) +
                       ";BYDAY=" + std::to_string(t.nth) + kDays[t.weekday];
    icalcomponent_add_property(part,
                               icalproperty_new_rrule(icalrecurrencetype_from_string(rule.c_str())));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetfrom(t.offset_from));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetto(t.offset_to));
    icalcomponent_add_property(part, icalproperty_new_tzname(t.abbrev.c_str()));
    icalcomponent_add_component(vtz, part);
  }
  return vtz;
}

}  // namespace

Result<std::string> DataInOut::ExportIcs(int days_ahead) {
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts());
  std::unordered_map<Id, const Contact*> by_id;
  for (const auto& c : contacts) by_id[c.id] = &c;
  std::vector<Meeting> meetings;
  {
    RAPPORT_ASSIGN_OR_RETURN(auto scheduled,
                             store_.ListEventsByKind(EventKind::kMeetingScheduled, Instant{},
                                                     Instant::max()));
    std::vector<Id> ids;
    for (const auto& e : scheduled) ids.push_back(e.contact_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEventsOf(ids));
    std::map<Id, size_t> open;  // contact -> index of its open meeting
    for (const auto& e : events) {
      auto it = open.find(e.contact_id);
      switch (e.kind) {
        case EventKind::kMeetingScheduled:
        case EventKind::kMeetingRescheduled: {
          if (e.kind == EventKind::kMeetingScheduled || it == open.end()) {
            Meeting fresh;
            fresh.first_event = e.id;
            fresh.contact_id = e.contact_id;
            meetings.push_back(fresh);
            it = open.insert_or_assign(e.contact_id, meetings.size() - 1).first;
          } else {
            ++meetings[it->second].sequence;
          }
          Meeting& m = meetings[it->second];
          if (e.meeting_at) m.at = *e.meeting_at;
          if (e.meeting_tz) m.tz = *e.meeting_tz;
          if (e.meeting_minutes) m.minutes = *e.meeting_minutes;
          if (e.meeting_mode) m.mode = e.meeting_mode;
          if (e.meeting_place) m.place = e.meeting_place;
          break;
        }
        case EventKind::kMeetingCancelled:
        case EventKind::kRepliedNo:
          if (it != open.end()) {
            meetings[it->second].cancelled = true;
            ++meetings[it->second].sequence;
            open.erase(it);
          }
          break;
        case EventKind::kMeetingHeld:
          if (it != open.end()) {
            meetings[it->second].held = true;
            open.erase(it);
          }
          break;
        default:
          break;
      }
    }
  }
  RAPPORT_ASSIGN_OR_RETURN(auto agenda, GetAgenda(days_ahead, 100000));
  // Zones are written as plain IANA names with their current rules, as
  // calendar programs write them, rather than libical's built-in
  // definitions (a "/freeassociation.sourceforge.net/" TZID prefix and the
  // whole history back to 1883, which other readers stumble on).
  Instant earliest = Now();
  for (const auto& m : meetings) earliest = std::min(earliest, m.at);

  std::unique_ptr<icalcomponent, IcalFree> cal(icalcomponent_vanew(
      ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
      icalproperty_new_prodid("-//Rapport//Rapport 0.1//EN"),
      icalproperty_new_calscale("GREGORIAN"), static_cast<void*>(nullptr)));
  icalproperty* name = icalproperty_new_x("Rapport");
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), name);
  const icaltimetype stamp = Utc(Now());
  std::map<std::string, bool> zones_added;
  for (const auto& m : meetings) {
    icalcomponent* ev = icalcomponent_new_vevent();
    icalcomponent_add_property(
        ev, icalproperty_new_uid(("rapport-meeting-" + std::to_string(m.first_event) + "@rapport")
                                     .c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(ev, icalproperty_new_sequence(m.sequence));
    auto c = by_id.find(m.contact_id);
    std::string who = c == by_id.end() ? "someone" : c->second->name;
    icalcomponent_add_property(ev, icalproperty_new_summary(("Conversation with " + who).c_str()));
    std::string desc = "Informational interview";
    if (m.mode) desc += " (" + std::string(ToString(*m.mode)) + ")";
    desc += ". Ask whom else you should meet; thank them within 48 hours.";
    icalcomponent_add_property(ev, icalproperty_new_description(desc.c_str()));
    if (m.place) icalcomponent_add_property(ev, icalproperty_new_location(m.place->c_str()));
    if (m.tz != "UTC" && m.tz != "Etc/UTC") {
      if (!zones_added[m.tz]) {
        icalcomponent_add_component(cal.get(), VTimezone(m.tz, LocalYear(earliest, m.tz) - 1));
        zones_added[m.tz] = true;
      }
      // Wall time in the meeting's zone, written "floating" with a TZID.
      auto [offset, abbrev] = OffsetAt(m.tz, m.at);
      (void)abbrev;
      icaltimetype start = icaltime_from_timet_with_zone(
          static_cast<time_t>(ToUnix(m.at) + offset), 0, nullptr);
      start.zone = nullptr;
      icalproperty* p = icalproperty_new_dtstart(start);
      icalproperty_add_parameter(p, icalparameter_new_tzid(m.tz.c_str()));
      icalcomponent_add_property(ev, p);
    } else {
      icalcomponent_add_property(ev, icalproperty_new_dtstart(Utc(m.at)));
    }
    icalcomponent_add_property(
        ev, icalproperty_new_duration(icaldurationtype_from_int(m.minutes * 60)));
    icalcomponent_add_property(
        ev, icalproperty_new_status(m.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    if (!m.cancelled && !m.held) {
      icalcomponent* alarm = icalcomponent_new_valarm();
      icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
      icaltriggertype trigger{};
      trigger.time = icaltime_null_time();
      trigger.duration = icaldurationtype_from_int(-30 * 60);
      icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
      icalcomponent_add_property(
          alarm, icalproperty_new_description(("In 30 minutes: conversation with " + who).c_str()));
      icalcomponent_add_component(ev, alarm);
    }
    icalcomponent_add_component(cal.get(), ev);
  }
  for (const auto& item : agenda.items) {
    const Action& a = item.action;
    std::string uid = "rapport-" + std::string(ToString(a.kind)) + "-" +
                      std::to_string(a.contact_id);
    if (a.about_id) uid += "-" + std::to_string(*a.about_id);
    if (a.promise_id) uid += "-p" + std::to_string(*a.promise_id);
    if (a.kind == ActionKind::kWeeklyGoal) uid += "-" + FormatIso(a.due).substr(0, 10);
    icalcomponent* todo = icalcomponent_new_vtodo();
    icalcomponent_add_property(todo, icalproperty_new_uid((uid + "@rapport").c_str()));
    icalcomponent_add_property(todo, icalproperty_new_dtstamp(stamp));
    std::string summary = std::string(ToString(a.kind));
    std::replace(summary.begin(), summary.end(), '_', ' ');
    summary[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(summary[0])));
    if (!item.contact_name.empty()) summary += ": " + item.contact_name;
    icalcomponent_add_property(todo, icalproperty_new_summary(summary.c_str()));
    icalcomponent_add_property(todo, icalproperty_new_description(a.reason.c_str()));
    icalcomponent_add_property(todo, icalproperty_new_due(Utc(a.due)));
    icalcomponent_add_property(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
    icalcomponent_add_component(cal.get(), todo);
  }
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  free(text);
  return out;
}

Result<std::string> DataInOut::CalendarToken(bool rotate) {
  Transaction tx(db_);
  RAPPORT_RETURN_IF_ERROR(tx.Begin());
  RAPPORT_ASSIGN_OR_RETURN(auto token, store_.CalendarToken());
  if (token && !token->empty() && !rotate) return *token;
  // 128 bits from the kernel (std::random_device reads getrandom or
  // /dev/urandom with GCC on Linux), as hex.
  std::random_device rd;
  std::string fresh;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 4; ++i) {
    std::uint32_t v = rd();
    for (int j = 0; j < 8; ++j, v >>= 4) fresh += hex[v & 0xf];
  }
  RAPPORT_RETURN_IF_ERROR(store_.SetCalendarToken(fresh));
  RAPPORT_RETURN_IF_ERROR(tx.Commit());
  return fresh;
}

Result<std::string> DataInOut::CalendarFeed(std::string_view token, int days_ahead) {
  RAPPORT_ASSIGN_OR_RETURN(auto mine, store_.CalendarToken());
  // Compared in time independent of where they differ.
  bool same = mine && !mine->empty() && mine->size() == token.size();
  if (same) {
    unsigned char diff = 0;
    for (size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>((*mine)[i] ^ token[i]);
    same = diff == 0;
  }
  if (!same) {
    return Error::NotFound("token", "calendar",
                           "this calendar address is not (or no longer) valid; copy the "
                           "current one again");
  }
  return ExportIcs(days_ahead);
}

}  // namespace rapport
