// The playbook: every rule of the method (PRODUCT.md) as a named setting
// with the articles' value as its default. Pure data; config.toml loading
// lives in app/ and only overrides these values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rapport/model/error.h"

namespace rapport {

struct Playbook {
  // Stage 5: follow up after a week without an answer...
  int follow_up_days = 7;
  // ...then call when the follow-up has had this long without an answer...
  int call_after_follow_up_days = 7;
  // ...and after this many unanswered tries (request, follow-up, call)...
  int max_tries = 3;
  // ...wait this long after the last try, then assume no and move on.
  int move_on_after_days = 7;
  // Stage 5, Steve Dalton's 3B7 variant: count business days (Mon-Fri)
  // instead of calendar days; after `start_another_business_days` without a
  // reply, start on another contact at the same organization; after
  // `follow_up_business_days`, follow up.
  bool business_days = false;
  int start_another_business_days = 3;
  int follow_up_business_days = 7;
  // Stage 6: meeting lengths.
  int meeting_minutes = 30;
  int meal_minutes = 60;
  // Stage 7: prepare for a meeting this long before it starts.
  int prepare_hours = 48;
  int questions_min = 4;
  int questions_max = 6;
  // Stage 9: thank within 48 hours; thank whoever introduced you; report back
  // to a referrer after meeting the person they suggested.
  int thanks_within_hours = 48;
  bool thank_introducer = true;
  bool report_back = true;
  // Stage 10: keep in touch, but not more often than every 90 days; nudge
  // when 90 days have passed since the last contact of any kind.
  int keep_in_touch_days = 90;
  // A promise of mine without a due date is due this long after it was made.
  int promise_days = 7;
  // Stage 11: one conversation a week.
  int weekly_goal = 1;
  // Stage 1: conversations per objective: enough for a view, and plenty.
  int enough_conversations = 3;
  int plenty_conversations = 5;
};

// One setting as `rapport playbook` shows it.
struct SettingInfo {
  std::string_view name;         // as in config.toml's [playbook] table
  std::string_view unit;         // "days", "hours", "minutes", "count", "bool"
  std::string_view description;  // one line, plain words
};

// Every setting, in a stable order.
const std::vector<SettingInfo>& PlaybookSettings();

// The value of setting `name` in `p`, as text ("7", "true").
std::string GetSetting(const Playbook& p, std::string_view name);

// Sets `name` from text. Errors: unknown name (with the nearest name as a
// suggestion), a value of the wrong type, or out of range (e.g. negative
// days, questions_min > questions_max is checked by Validate).
Status SetSetting(Playbook& p, std::string_view name, std::string_view value);

// Checks relations between settings (min <= max, enough <= plenty, ...).
Status Validate(const Playbook& p);

}  // namespace rapport
