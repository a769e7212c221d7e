#include "rapport/playbook/settings.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>
#include <system_error>

#include "rapport/model/nearest.h"

namespace rapport {

namespace {

// One row per Playbook field. Exactly one of `int_field` / `bool_field` is
// set. The bounds are what SetSetting and Validate accept: wide enough for
// any real routine, narrow enough to catch a typo such as 70000 days.
struct Field {
  SettingInfo info;
  int Playbook::*int_field = nullptr;
  bool Playbook::*bool_field = nullptr;
  int min = 0;
  int max = 0;
};

constexpr int kMaxDays = 3650;  // ten years
constexpr int kMaxHours = 24 * 365;
constexpr int kMaxMinutes = 24 * 60;
constexpr int kMaxCount = 100;

Field IntField(std::string_view name, std::string_view unit, std::string_view description,
               int Playbook::*field, int min, int max) {
  return Field{{name, unit, description}, field, nullptr, min, max};
}

Field BoolField(std::string_view name, std::string_view description, bool Playbook::*field) {
  return Field{{name, "bool", description}, nullptr, field, 0, 1};
}

// In the order of the struct, which follows the pipeline (PRODUCT.md).
const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      IntField("follow_up_days", "days",
               "days without an answer to a request before you follow up once",
               &Playbook::follow_up_days, 0, kMaxDays),
      IntField("call_after_follow_up_days", "days",
               "days without an answer to the follow-up before you phone",
               &Playbook::call_after_follow_up_days, 0, kMaxDays),
      IntField("max_tries", "count",
               "unanswered tries (request, follow-up, call) before you assume no",
               &Playbook::max_tries, 1, 20),
      IntField("move_on_after_days", "days",
               "days to wait after the last unanswered try before moving on",
               &Playbook::move_on_after_days, 0, kMaxDays),
      BoolField("business_days",
                "time the follow-up in business days (Mon-Fri), as in the 3B7 routine",
                &Playbook::business_days),
      IntField("start_another_business_days", "days",
               "business days without a reply before starting on another contact there",
               &Playbook::start_another_business_days, 0, kMaxDays),
      IntField("follow_up_business_days", "days",
               "business days without a reply before following up, when business_days is on",
               &Playbook::follow_up_business_days, 0, kMaxDays),
      IntField("meeting_minutes", "minutes", "how long to book for a meeting",
               &Playbook::meeting_minutes, 1, kMaxMinutes),
      IntField("meal_minutes", "minutes", "how long to book for a meeting over lunch or coffee",
               &Playbook::meal_minutes, 1, kMaxMinutes),
      IntField("prepare_hours", "hours", "hours before a meeting to start preparing for it",
               &Playbook::prepare_hours, 0, kMaxHours),
      IntField("questions_min", "count", "fewest questions to prepare for a meeting",
               &Playbook::questions_min, 1, kMaxCount),
      IntField("questions_max", "count", "most questions to prepare for a meeting",
               &Playbook::questions_max, 1, kMaxCount),
      IntField("thanks_within_hours", "hours", "hours after a meeting by which to send thanks",
               &Playbook::thanks_within_hours, 0, kMaxHours),
      BoolField("thank_introducer", "remind you to thank whoever introduced you",
                &Playbook::thank_introducer),
      BoolField("report_back", "remind you to tell a referrer how the meeting they suggested went",
                &Playbook::report_back),
      IntField("keep_in_touch_days", "days",
               "days since the last contact before nudging you to get back in touch",
               &Playbook::keep_in_touch_days, 1, kMaxDays),
      IntField("promise_days", "days", "days to deliver a promise of yours that has no due date",
               &Playbook::promise_days, 0, kMaxDays),
      IntField("weekly_goal", "count", "meetings to aim for each week (0 turns the goal off)",
               &Playbook::weekly_goal, 0, kMaxCount),
      IntField("enough_conversations", "count",
               "conversations per objective for a representative view",
               &Playbook::enough_conversations, 1, kMaxCount),
      IntField("plenty_conversations", "count",
               "conversations per objective beyond which returns fall",
               &Playbook::plenty_conversations, 1, kMaxCount),
  };
  return kFields;
}

const Field* FindField(std::string_view name) {
  for (const Field& f : Fields()) {
    if (f.info.name == name) return &f;
  }
  return nullptr;
}

// People type "Follow-Up-Days"; compare names the way they mean them.
std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back(c == '-' || c == ' ' ? '_' : c);
  }
  return out;
}

// The nearest setting name, if it is close enough to be a typo (Ninja's
// SpellcheckString uses the same limit of 3 edits).
std::string_view Suggest(std::string_view name) {
  constexpr size_t kMaxEdits = 3;
  std::string wanted = Normalize(name);
  std::string_view best;
  size_t best_distance = kMaxEdits + 1;
  for (const Field& f : Fields()) {
    size_t d = EditDistance(wanted, f.info.name);
    if (d < best_distance) {
      best_distance = d;
      best = f.info.name;
    }
  }
  return best;
}

Error UnknownSetting(std::string_view name) {
  std::string message = "unknown playbook setting '" + std::string(name) + "'";
  if (std::string_view near = Suggest(name); !near.empty()) {
    message += " (did you mean '" + std::string(near) + "'?)";
  } else {
    message += " (check its spelling against the playbook's list of settings)";
  }
  return Error::InvalidArgument(message);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "days" -> "days"; "count" reads better as "a number" in messages.
std::string UnitWords(const Field& f) {
  return f.info.unit == "count" ? std::string() : " " + std::string(f.info.unit);
}

Error OutOfRange(const Field& f, std::string_view shown) {
  return Error::InvalidArgument("playbook setting '" + std::string(f.info.name) +
                                "' must be between " + std::to_string(f.min) + " and " +
                                std::to_string(f.max) + UnitWords(f) + ", not " +
                                std::string(shown));
}

Status SetInt(Playbook& p, const Field& f, std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  bool digits_only = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  if (digits_only && ec == std::errc::result_out_of_range) return OutOfRange(f, text);
  if (text.starts_with('-') && ec == std::errc() && ptr == end) return OutOfRange(f, text);
  if (!digits_only || ec != std::errc() || ptr != end) {
    return Error::InvalidArgument(
        "playbook setting '" + std::string(f.info.name) + "' takes a whole number" +
        (f.info.unit == "count" ? "" : " of " + std::string(f.info.unit)) + ", not '" +
        std::string(text) + "'");
  }
  if (value < f.min || value > f.max) return OutOfRange(f, text);
  p.*f.int_field = value;
  return {};
}

Status SetBool(Playbook& p, const Field& f, std::string_view text) {
  std::string v = Normalize(text);
  if (v == "true" || v == "yes" || v == "on" || v == "1") {
    p.*f.bool_field = true;
  } else if (v == "false" || v == "no" || v == "off" || v == "0") {
    p.*f.bool_field = false;
  } else {
    return Error::InvalidArgument("playbook setting '" + std::string(f.info.name) +
                                  "' takes true or false, not '" + std::string(text) + "'");
  }
  return {};
}

}  // namespace

const std::vector<SettingInfo>& PlaybookSettings() {
  static const std::vector<SettingInfo> kInfos = [] {
    std::vector<SettingInfo> infos;
    for (const Field& f : Fields()) infos.push_back(f.info);
    return infos;
  }();
  return kInfos;
}

// An unknown name gives "": callers list names from PlaybookSettings().
std::string GetSetting(const Playbook& p, std::string_view name) {
  const Field* f = FindField(name);
  if (f == nullptr) return "";
  if (f->bool_field != nullptr) return p.*f->bool_field ? "true" : "false";
  return std::to_string(p.*f->int_field);
}

Status SetSetting(Playbook& p, std::string_view name, std::string_view value) {
  const Field* f = FindField(name);
  if (f == nullptr) return UnknownSetting(name);
  std::string_view text = Trim(value);
  if (f->bool_field != nullptr) return SetBool(p, *f, text);
  return SetInt(p, *f, text);
}

Status Validate(const Playbook& p) {
  // A Playbook can be built in code or loaded from config.toml without going
  // through SetSetting, so the ranges are checked again here.
  for (const Field& f : Fields()) {
    if (f.int_field == nullptr) continue;
    int v = p.*f.int_field;
    if (v < f.min || v > f.max) return OutOfRange(f, std::to_string(v));
  }
  auto order = [](std::string_view low, int lo, std::string_view high, int hi) -> Status {
    if (lo <= hi) return {};
    return Error::InvalidArgument(std::string(low) + " (" + std::to_string(lo) + ") is more than " +
                                  std::string(high) + " (" + std::to_string(hi) + "); lower " +
                                  std::string(low) + " or raise " + std::string(high));
  };
  RAPPORT_RETURN_IF_ERROR(
      order("questions_min", p.questions_min, "questions_max", p.questions_max));
  RAPPORT_RETURN_IF_ERROR(order("enough_conversations", p.enough_conversations,
                                "plenty_conversations", p.plenty_conversations));
  return {};
}

}  // namespace rapport
