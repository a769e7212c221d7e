// Messages: the etiquette linter over the records.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <map>
#include <set>

#include "rapport/app/app.h"
#include "rapport/messages/spelling.h"
#include "rapport/store/store.h"

namespace rapport {

namespace {

// Splits names and titles into the words a message would use.
void AddWords(std::set<std::string>& out, std::string_view text) {
  std::string word;
  auto flush = [&] {
    if (word.size() > 1) out.insert(word);
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == '/' || c == '&' || c == '"') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
}

}  // namespace

SpellerFactory HunspellSpeller(std::string dir, std::string lang) {
  return [dir = std::move(dir), lang = std::move(lang)] { return OpenHunspell(dir, lang); };
}

Result<std::vector<Finding>> Messaging::Lint(std::string_view text, MessageKind kind,
                                       std::optional<Id> about) {
  if (!speller_) {
    auto sp = open_speller_();
    if (!sp) return sp.error();
    speller_ = std::move(*sp);
  }
  std::set<std::string> words;
  RAPPORT_ASSIGN_OR_RETURN(auto contacts, store_.ListContacts());
  // Every name the records hold is a word the seeker may write: people,
  // their titles, places and tags, organizations, objectives, the profile.
  for (const auto& c : contacts) {
    AddWords(words, c.name);
    for (const auto* field : {&c.title, &c.location}) {
      if (*field) AddWords(words, **field);
    }
    for (const auto& tag : c.tags) AddWords(words, tag);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto orgs, store_.ListOrganizations());
  for (const auto& o : orgs) AddWords(words, o.name);
  RAPPORT_ASSIGN_OR_RETURN(auto objectives, store_.ListObjectives());
  for (const auto& o : objectives) AddWords(words, o.title);
  AddWords(words, config_.user_name);
  const auto& profile = config_.profile;
  for (const auto* text : {&profile.headline, &profile.location, &profile.summary}) AddWords(words, *text);
  for (const auto& lists : {&profile.achievements, &profile.targets}) {
    for (const auto& entry : *lists) AddWords(words, entry);
  }
  AddWords(words, config_.user_intro);
  for (const auto& entry : user_files_.KnownWords()) AddWords(words, entry);
  LintContext ctx;
  ctx.kind = kind;
  if (about) {
    RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(*about));
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    std::optional<Instant> last;
    for (const auto& e : events) {
      if (e.kind == EventKind::kMeetingHeld && e.body) ctx.meeting_notes.push_back(*e.body);
      if (e.kind == EventKind::kTargeted || e.at > Now()) continue;
      if (!last || e.at > *last) last = e.at;
      // A no stands until they say yes (or a meeting happens) afterwards.
      if (e.kind == EventKind::kRepliedNo) ctx.declined = true;
      if (e.kind == EventKind::kRepliedYes || e.kind == EventKind::kMeetingScheduled ||
          e.kind == EventKind::kMeetingHeld) {
        ctx.declined = false;
      }
    }
    if (last) {
      ctx.days_since_last_contact =
          static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(Now() - *last).count() / 24);
    }
    // A request to someone you know needs no "how I found you".
    for (const auto& c : contacts) {
      if (c.id == *about) ctx.knows_them = c.degree == Degree::kFirst;
    }
  }
  ctx.known_words.assign(words.begin(), words.end());
  ctx.speller = speller_.get();
  return rapport::Lint(text, ctx);
}

}  // namespace rapport

#include "rapport/app/mail.h"
#include "rapport/app/validate.h"
#include "rapport/messages/templates.h"

namespace rapport {

namespace {

std::string FirstName(const std::string& name) {
  auto sp = name.find(' ');
  return sp == std::string::npos ? name : name.substr(0, sp);
}

// A sentence on how we found them, from the record.
std::string HowWeMet(const Contact& c) {
  if (!c.introducer_name.empty()) return c.introducer_name + " suggested I get in touch with you.";
  if (!c.source) {
    return c.degree == Degree::kFirst ? "It's been a while since we last spoke, and I've been "
                                        "meaning to ask you something."
                                      : "";
  }
  switch (*c.source) {
    case Source::kLinkedin:
      return "We're connected on LinkedIn, and I've followed your work with interest.";
    case Source::kAlumni:
      return "I found you through our alumni network.";
    case Source::kAssociation:
      return "I found you through your professional association.";
    case Source::kFaculty:
      return "One of my professors mentioned your work.";
    case Source::kConference:
      return "I heard you speak at a conference and have wanted to ask you more since.";
    case Source::kForum:
      return "I've been reading your posts in an online community we share.";
    case Source::kNews:
      return "I read about your recent move in the news; congratulations.";
    case Source::kReferral:
    case Source::kOther:
      return "";
  }
  return "";
}

}  // namespace

Result<DraftResult> Messaging::DraftMessage(const DraftInput& in) {
  RAPPORT_ASSIGN_OR_RETURN(auto contact, ResolveContact(in.contact));
  std::string name = in.kind;
  if (name == "request") {
    if (contact.degree == Degree::kCold) {
      name = "request_cold";
    } else if (contact.degree == Degree::kSecond || contact.introducer_id) {
      name = "request_second";
    } else {
      name = "request_first";
    }
  }
  const TemplateInfo* info = FindTemplate(name);
  if (!info) {
    std::vector<std::string_view> names = {"request"};
    for (const auto& t : Templates()) names.push_back(t.name);
    std::string hint = Suggest(name, names);
    return Error::InvalidArgument("kind", "no template '" + name + "' (" +
                                              (hint.empty() ? "use " + OneOf(names) : hint) + ")");
  }
  DraftResult d;
  d.template_name = name;
  d.lint_kind = info->lint_kind;
  d.about = contact;
  d.to = contact;
  const bool via_introducer =
      name == "intro_request" || name == "thank_introducer" || name == "report_back";
  if (via_introducer) {
    if (!contact.introducer_id) {
      return Error::InvalidArgument("introducer", contact.name +
                                                      " has no introducer on record; add who "
                                                      "introduced you to their details first");
    }
    RAPPORT_ASSIGN_OR_RETURN(auto intro, store_.GetContact(*contact.introducer_id));
    if (intro) d.to = *intro;
  }
  static const std::map<std::string, EventKind> kLogs = {
      {"request_first", EventKind::kRequestSent},  {"request_second", EventKind::kRequestSent},
      {"request_cold", EventKind::kRequestSent},   {"intro_request", EventKind::kIntroRequested},
      {"follow_up", EventKind::kFollowUpSent},     {"thank_you", EventKind::kThanksSent},
      {"thank_introducer", EventKind::kIntroducerThanked},
      {"report_back", EventKind::kReportedBack},   {"touch", EventKind::kTouch},
      {"new_job", EventKind::kTouch}};
  if (auto it = kLogs.find(name); it != kLogs.end()) d.logs = it->second;

  RAPPORT_ASSIGN_OR_RETURN(auto events, store_.ListEvents(contact.id));
  std::map<std::string, std::string> f;
  const Instant now = Now();
  f["name"] = contact.name;
  f["first_name"] = FirstName(contact.name);
  f["org"] = contact.org_name;
  f["at_org"] = contact.org_name.empty() ? "" : " at " + contact.org_name;
  f["title"] = contact.title.value_or("");
  std::optional<Id> objective_id;
  if (in.objective) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, ResolveObjective(*in.objective));
    objective_id = o.id;
  } else {
    objective_id = PlanFor(contact, events).objective_id;
  }
  if (objective_id) {
    RAPPORT_ASSIGN_OR_RETURN(auto o, store_.GetObjective(*objective_id));
    if (o) {
      f["objective"] = o->title;
      f["field"] = o->title;
    }
  }
  f["how_we_met"] = in.how_we_met.value_or(HowWeMet(contact));
  f["introducer"] = contact.introducer_name;
  f["introducer_first_name"] = FirstName(contact.introducer_name);
  std::string specific = in.specific.value_or("");
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if ((it->kind == EventKind::kRequestSent || it->kind == EventKind::kIntroRequested) &&
        !f.count("request_date")) {
      f["request_date"] = FormatDay(it->at, config_.zone, now);
    }
    if (it->kind == EventKind::kMeetingHeld && !f.count("meeting_date")) {
      f["meeting_date"] = FormatDay(it->at, config_.zone, now);
      if (specific.empty() && it->body) specific = *it->body;
    }
  }
  // It goes mid-sentence ("I especially appreciated {{specific}}; ..."):
  // a note's closing full stop and spaces would end the sentence early.
  while (!specific.empty() && (specific.back() == '.' || std::isspace(static_cast<unsigned char>(specific.back())))) {
    specific.pop_back();
  }
  f["specific"] = specific;
  f["article"] = in.article.value_or("");
  f["news"] = in.news.value_or("");
  f["minutes"] = std::to_string(config_.playbook.meeting_minutes);
  // Two afternoons next week, in the recipient's zone when we know it.
  {
    const std::string& their = d.to.tz ? *d.to.tz : config_.zone;
    Instant next_week = AddLocalDays(StartOfLocalWeek(now, config_.zone), 7, config_.zone);
    Instant tue = AddLocalDays(next_week, 1, config_.zone) + hours{14};
    Instant thu = AddLocalDays(next_week, 3, config_.zone) + hours{14};
    auto day = [&](Instant t) {
      std::string s = FormatFriendly(t, their, now);  // "Tue 24 Nov 14:00"
      return s;
    };
    std::string times = day(tue) + " or " + day(thu);
    if (their != config_.zone) times += " (your time)";
    f["times"] = times;
  }
  f["my_name"] = config_.user_name;
  f["my_intro"] = config_.user_intro;
  f["my_phone"] = config_.user_phone;
  f["signature"] = config_.user_signature.empty() ? config_.user_name : config_.user_signature;

  const std::string text =
      user_files_.TemplateOverride(name).value_or(std::string(BuiltinTemplate(name)));
  RAPPORT_ASSIGN_OR_RETURN(auto draft, RenderTemplate(text, f));
  d.subject = draft.subject;
  d.body = draft.body;
  return d;
}

std::optional<std::string_view> TemplateForAction(ActionKind kind) {
  switch (kind) {
    case ActionKind::kRequest: return "request";
    case ActionKind::kFollowUp: return "follow_up";
    case ActionKind::kThank: return "thank_you";
    case ActionKind::kThankIntroducer: return "thank_introducer";
    case ActionKind::kReportBack: return "report_back";
    case ActionKind::kKeepInTouch: return "touch";
    case ActionKind::kCall:
    case ActionKind::kMoveOn:
    case ActionKind::kPrepare:
    case ActionKind::kLogMeeting:
    case ActionKind::kDeliverPromise:
    case ActionKind::kWeeklyGoal:
    case ActionKind::kSchedule:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<DraftInput> DraftForAction(const Action& action) {
  auto name = TemplateForAction(action.kind);
  if (!name || action.contact_id == 0) return std::nullopt;
  DraftInput in;
  in.kind = std::string(*name);
  in.contact = std::to_string(action.about_id.value_or(action.contact_id));
  if (action.objective_id) in.objective = std::to_string(*action.objective_id);
  return in;
}

Result<SendResult> Messaging::SendMessage(const DraftResult& draft, const std::string& body,
                                    const std::string& eml_path, bool mark_sent) {
  if (!draft.logs) {
    return Error::InvalidArgument("a " + draft.template_name +
                                  " is not sent by mail; use it as a script");
  }
  if (!draft.to.email) {
    return Error::InvalidArgument(
        "email", draft.to.name + " has no email address; add one to their details first");
  }
  // A template field left in is the one mistake that is always a mistake:
  // nothing, not even a forced send, sends "Dear {{first_name}}".
  if (auto field = FindUnfilledField(draft.subject)) {
    return Error::InvalidArgument("subject", "the subject still has " + *field +
                                                 " in it; write that part yourself before sending");
  }
  if (auto field = FindUnfilledField(body)) {
    return Error::InvalidArgument("body", "the message still has " + *field +
                                              " in it; write that part yourself before sending");
  }
  Email mail;
  mail.from_name = config_.user_name;
  mail.from_address = config_.user_email;
  mail.to_name = draft.to.name;
  mail.to_address = *draft.to.email;
  mail.subject = draft.subject;
  mail.body = body;
  SendResult result;
  const Instant now = Now();
  if (!config_.smtp.host.empty()) {
    RAPPORT_RETURN_IF_ERROR(mailer_.Send(config_.smtp, mail, now));
    result.sent = true;
  } else {
    if (mail.from_address.empty()) mail.from_address = "you@example.invalid";
    if (!eml_path.empty()) {
      std::ofstream out(eml_path, std::ios::binary | std::ios::trunc);
      if (!out) return Error::Io("cannot write " + eml_path);
      out << FormatEmail(mail, now);
      if (!out) return Error::Io("cannot write " + eml_path);
      result.eml_path = eml_path;
    }
    result.mailto = MailtoLink(mail);
    if (!mark_sent) return result;
  }
  RAPPORT_ASSIGN_OR_RETURN(auto logged, LogSent(draft, body));
  result.logged = logged;
  return result;
}

Result<Event> Messaging::LogSent(const DraftResult& draft, const std::string& body) {
  if (!draft.logs) {
    return Error::InvalidArgument("a " + draft.template_name +
                                  " is not sent by mail, so there is nothing to log");
  }
  EventInput e;
  e.kind = *draft.logs;
  e.contact = std::to_string(draft.about.id);
  e.channel = "email";
  e.body = body;
  e.template_name = draft.template_name;
  if (draft.logs == EventKind::kIntroRequested) e.via = std::to_string(draft.to.id);
  return Record(e);
}

}  // namespace rapport
