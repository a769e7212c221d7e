// Linting, drafting, sending and logging messages (app/messages.cpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/app/pipeline.h"
#include "rapport/app/use_case.h"
#include "rapport/messages/lint.h"
#include "rapport/model/types.h"
#include "rapport/playbook/agenda.h"

namespace rapport {

// What to draft: a template (or "request", which picks request_first,
// request_second or request_cold by the contact's degree) for a contact.
struct DraftInput {
  std::string kind;
  std::string contact;  // REF: the person the thread is about
  std::optional<std::string> objective, how_we_met, specific, article, news;
};

struct DraftResult {
  std::string template_name;
  std::string subject, body;
  Contact about;        // the thread's person
  Contact to;           // the recipient (the introducer for intro_request, ...)
  MessageKind lint_kind = MessageKind::kRequest;
  std::optional<EventKind> logs;  // what sending it records; none for a voicemail script
};

// The template that writes what an agenda action asks for: request ->
// "request" (picked by degree), follow_up -> "follow_up", thank ->
// "thank_you", thank_introducer, report_back, keep_in_touch -> "touch".
// nullopt for actions that are not a message (call, prepare, ...).
std::optional<std::string_view> TemplateForAction(ActionKind kind);
// The draft that does `action`: its template, the person the thread is
// about (the one met, for thank_introducer and report_back, whose message
// goes to the introducer), and its objective. nullopt when no template does it.
std::optional<DraftInput> DraftForAction(const Action& action);

struct SendResult {
  bool sent = false;       // through SMTP
  std::string eml_path;    // written instead, when there is no SMTP
  std::string mailto;      // for the mail client, when there is no SMTP
  std::optional<Event> logged;
};

// The speller App uses when none is passed in: Hunspell's `lang`
// dictionary from `dir` (Debian's hunspell-en-us puts en_US in
// /usr/share/hunspell). Opening it fails when the dictionary is missing.
SpellerFactory HunspellSpeller(std::string dir = "/usr/share/hunspell",
                               std::string lang = "en_US");

// Messages: the etiquette linter, drafts from templates, sending by SMTP
// (or a file and a mailto: link) and logging what was sent.
class Mailer;

class Messaging : public UseCase {
 public:
  Messaging(App& app, AppContext& ctx);
  ~Messaging();

  // Checks a message's etiquette, tone and spelling. Names of the people,
  // organizations and objectives on record, and the user's known words
  // (UserFiles::KnownWords: words.txt in the config folder), are never
  // spelling mistakes. The speller is opened on the first call.
  // With `about`, a thank-you is also checked against the notes logged with
  // that contact's meetings (`met --note`).
  Result<std::vector<Finding>> Lint(std::string_view text, MessageKind kind,
                                    std::optional<Id> about = std::nullopt);
  // Fills a template from the records and the profile. The user's own
  // version (UserFiles::TemplateOverride: templates/NAME.mustache in the
  // config folder) replaces the built-in.
  Result<DraftResult> DraftMessage(const DraftInput& in);
  // Sends `draft` (with `body` as edited, and draft.subject) by SMTP when
  // [smtp] is set, and logs the matching event with the message as its
  // body. Without SMTP it writes `eml_path` (none when it is empty), returns
  // a mailto: link, and logs only if `mark_sent`. Refused, with nothing
  // sent or written, while the subject or body still has a {{field}}.
  Result<SendResult> SendMessage(const DraftResult& draft, const std::string& body,
                                 const std::string& eml_path, bool mark_sent);
  // Logs `draft` as sent by the user's own mail client: its `logs` event,
  // by email, with `body`. Sends nothing. Error for a draft that is not
  // sent by mail (a voicemail script).
  Result<Event> LogSent(const DraftResult& draft, const std::string& body);

 private:
  // In Pipeline (forwarded).
  Result<Event> Record(const EventInput& in);

  Mailer& mailer_;
  const UserFiles& user_files_;
  const SpellerFactory& open_speller_;
  std::unique_ptr<Speller> speller_;  // opened on first use
};

}  // namespace rapport
