// Shared by the agenda tests: a fixed clock, a contact, a log builder and
// a planner call with the defaults the tests vary from.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "rapport/playbook/agenda.h"

namespace rapport::playbook_test {

inline Instant T(std::string_view iso) {
  auto t = ParseTime(iso, "UTC");
  EXPECT_TRUE(t.ok()) << iso;
  return t.ok() ? *t : Instant{};
}

// Tuesday 10 March 2026, noon UTC.
inline const Instant kNow = T("2026-03-10T12:00Z");

inline Instant Ago(int d, int h = 0) { return kNow - days{d} - hours{h}; }

using K = EventKind;
using A = ActionKind;

// Builds one contact's log in order, with increasing ids.
class LogBuilder {
 public:
  LogBuilder& Add(K kind, Instant at) {
    Event e;
    e.id = static_cast<Id>(events_.size() + 1);
    e.contact_id = 1;
    e.kind = kind;
    e.at = at;
    events_.push_back(e);
    return *this;
  }
  // Modifiers of the event just added.
  LogBuilder& MeetingAt(Instant at) {
    return Set([&](Event& e) { e.meeting_at = at; });
  }
  LogBuilder& Minutes(int m) {
    return Set([&](Event& e) { e.meeting_minutes = m; });
  }
  LogBuilder& Via(Id id) {
    return Set([&](Event& e) { e.via_id = id; });
  }
  LogBuilder& Theirs() {
    return Set([](Event& e) { e.theirs = true; });
  }
  LogBuilder& Due(Instant at) {
    return Set([&](Event& e) { e.due = at; });
  }
  LogBuilder& Keeps(Id id) {
    return Set([&](Event& e) { e.promise_id = id; });
  }
  LogBuilder& Body(std::string b) {
    return Set([&](Event& e) { e.body = b; });
  }
  LogBuilder& Objective(Id id) {
    return Set([&](Event& e) { e.objective_id = id; });
  }

  // In time order, as the store gives them, each keeping the id of when it
  // was logged (for a log whose times are not in the order it was written).
  LogBuilder& SortByTime() {
    std::stable_sort(events_.begin(), events_.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
    return *this;
  }

  const std::vector<Event>& events() const { return events_; }

 private:
  template <class F>
  LogBuilder& Set(F f) {
    f(events_.back());
    return *this;
  }
  std::vector<Event> events_;
};

inline Contact Ada() {
  Contact c;
  c.id = 1;
  c.name = "Ada Lovelace";
  return c;
}

struct Planned {
  ContactPlan plan;
  std::vector<A> kinds() const {
    std::vector<A> out;
    for (const Action& a : plan.actions) out.push_back(a.kind);
    return out;
  }
  const Action& Get(A kind) const {
    for (const Action& a : plan.actions) {
      if (a.kind == kind) return a;
    }
    ADD_FAILURE() << "no action " << ToString(kind);
    static const Action kEmpty;
    return kEmpty;
  }
};

inline Planned PlanFor(const LogBuilder& log, const Contact& contact = Ada(), const Playbook& p = {},
                Instant now = kNow, std::string_view zone = "UTC",
                std::string_view introducer_name = "") {
  ContactFacts facts;
  facts.contact = &contact;
  facts.events = log.events();
  facts.zone = zone;
  facts.introducer_name = introducer_name;
  return {PlanContact(facts, p, now)};
}

}  // namespace rapport::playbook_test
