// The built-in templates are written for Rapport, short and warm, following
// PRODUCT.md: how we found them, who we are, the objective, a small bounded
// ask as a question, a choice of times and of phone or video, no job, no
// resume, thanks. Users override any of them with templates/NAME.mustache in
// their config folder; app/ reads that file (UserFiles) and passes its text
// to RenderTemplate, so nothing here touches the file system.
#include "rapport/messages/templates.h"

#include <kainjow/mustache.hpp>

namespace rapport {

namespace {

struct Builtin {
  TemplateInfo info;
  std::string_view text;
};

const std::vector<Builtin>& Builtins() {
  static const std::vector<Builtin> kBuiltins = {
      {{"request_first", "ask someone you know for a conversation", MessageKind::kRequest},
       R"(Subject: A question about {{objective}}
Hi {{first_name}},

I hope you're well. {{how_we_met}} I'm {{my_intro}}, and I'm trying to learn more about {{objective}} before I decide where to focus.

Would you have {{minutes}} minutes for a phone or video call in the next couple of weeks? {{times}} would suit me, but I'm glad to work around your schedule.

Thank you,
{{signature}}
)"},
      {{"intro_request", "ask a mutual contact to introduce you", MessageKind::kIntroRequest},
       R"(Subject: Could you introduce me to {{name}}?
Hi {{introducer_first_name}},

I hope things are going well. I'm {{my_intro}}, and I'm learning about {{objective}}. I noticed you know {{name}}{{at_org}}, whose experience would help me a lot.

Would you be willing to introduce us, or to forward a short note from me? I'd only ask {{first_name}} for {{minutes}} minutes of advice, not for a job.

Thanks so much,
{{signature}}
)"},
      {{"request_second", "write to someone a mutual contact introduced", MessageKind::kRequest},
       R"(Subject: {{introducer}} suggested I get in touch
Hi {{first_name}},

{{introducer}} suggested I reach out to you. I'm {{my_intro}}, and I'm exploring {{objective}}; your path{{at_org}} is exactly the kind I'd love to understand.

Would you have {{minutes}} minutes for a short call or video chat in the next two weeks? {{times}} work for me, though I'm happy to fit your calendar.

With thanks,
{{signature}}
)"},
      {{"request_cold", "write to someone you have no link to yet", MessageKind::kRequest},
       R"(Subject: A question from a fellow {{field}} learner
Hi {{first_name}},

{{how_we_met}} I'm {{my_intro}}, and I'm trying to learn how people build a career in {{objective}}.

Could I ask you a few questions in a {{minutes}}-minute call, or by email if that's easier? {{times}} are open for me, and I can adapt to whatever suits you.

Thank you for considering it,
{{signature}}
)"},
      {{"follow_up", "a gentle follow-up a week after an unanswered request", MessageKind::kFollowUp},
       R"(Subject: Re: A question about {{objective}}
Hi {{first_name}},

I wanted to follow up on my note from {{request_date}}. I know how full inboxes get. I'm still keen to hear how you approached {{objective}}, if you could spare {{minutes}} minutes by phone or video.

Would any time in the next couple of weeks work for you? If now isn't a good moment, I completely understand.

Best wishes,
{{signature}}
)"},
      {{"voicemail", "what to say on the phone if you reach voicemail", MessageKind::kFollowUp},
       R"(Subject: Voicemail script
Hi {{first_name}}, this is {{my_name}}. My number is {{my_phone}}. Again, that's {{my_phone}}.

I wrote to you on {{request_date}} about {{objective}}. I'd be grateful for {{minutes}} minutes of your advice, at whatever time suits you.

Thanks, and I hope to speak soon. That's {{my_name}}, at {{my_phone}}.
)"},
      {{"thank_you", "a thank-you within 48 hours of a meeting", MessageKind::kThankYou},
       R"(Subject: Thank you for your time
Hi {{first_name}},

Thank you for talking with me on {{meeting_date}}. I especially appreciated {{specific}}; it gave me a clearer picture of {{objective}}.

I'll follow up on your suggestions and let you know how they go.

With many thanks,
{{signature}}
)"},
      {{"thank_introducer", "thank whoever introduced you, and say how it went", MessageKind::kThankYou},
       R"(Subject: Thank you for introducing me to {{name}}
Hi {{introducer_first_name}},

Thank you for putting me in touch with {{name}}. We spoke on {{meeting_date}}, and I learned a lot, especially {{specific}}.

I'm grateful you made the connection.

Best,
{{signature}}
)"},
      {{"report_back", "tell a referrer how the meeting they suggested went", MessageKind::kTouch},
       R"(Subject: I met {{name}} - thank you
Hi {{introducer_first_name}},

You suggested I talk with {{name}}, and we met on {{meeting_date}}. It was a great conversation: {{specific}}.

Thank you again for the suggestion; I'll keep you posted on where it leads.

Warmly,
{{signature}}
)"},
      {{"touch", "keep in touch: share an article or news", MessageKind::kTouch},
       R"(Subject: Thought of you
Hi {{first_name}},

I came across {{article}} and thought of our conversation about {{objective}}.

A quick update from my side: {{news}}. Thanks again for your advice; it's been a real help.

All the best,
{{signature}}
)"},
      {{"new_job", "share news of a new job with people who helped", MessageKind::kTouch},
       R"(Subject: Some news, and thank you
Hi {{first_name}},

I wanted to share some good news: {{news}}. Our conversation helped me get here, and I'm grateful for the time you gave me.

I'd love to stay in touch, and please let me know if I can ever return the favour.

With thanks,
{{signature}}
)"},
  };
  return kBuiltins;
}

}  // namespace

const std::vector<TemplateInfo>& Templates() {
  static const std::vector<TemplateInfo> kInfos = [] {
    std::vector<TemplateInfo> v;
    for (const auto& b : Builtins()) v.push_back(b.info);
    return v;
  }();
  return kInfos;
}

const TemplateInfo* FindTemplate(std::string_view name) {
  for (const auto& t : Templates()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string_view BuiltinTemplate(std::string_view name) {
  for (const auto& b : Builtins()) {
    if (b.info.name == name) return b.text;
  }
  return {};
}

const std::vector<std::pair<std::string_view, std::string_view>>& TemplateFields() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kFields = {
      {"name", "the contact's full name"},
      {"first_name", "the contact's first name"},
      {"org", "their organization"},
      {"at_org", "\" at <organization>\" when known, else nothing"},
      {"title", "their job title"},
      {"objective", "what you want to learn (the objective's title)"},
      {"field", "the objective's field, for cold requests (defaults to the objective)"},
      {"how_we_met", "one sentence on how you found them (from your note or the source)"},
      {"introducer", "who introduced or referred you"},
      {"introducer_first_name", "the introducer's first name"},
      {"request_date", "the day you sent your request"},
      {"meeting_date", "the day of your meeting"},
      {"specific", "something specific from the conversation (as you put it, or from your notes)"},
      {"times", "a few times that suit you, in their time zone"},
      {"minutes", "how long you ask for (the playbook's meeting length)"},
      {"article", "the article or news you are sharing"},
      {"news", "your news"},
      {"my_name", "your name (config.toml [user] name)"},
      {"my_intro", "your one-line introduction ([user] intro)"},
      {"my_phone", "your phone number ([user] phone)"},
      {"signature", "how you sign off ([user] signature, else your name)"},
  };
  return kFields;
}

Result<Draft> RenderTemplate(std::string_view text,
                             const std::map<std::string, std::string>& fields) {
  using kainjow::mustache::data;
  using kainjow::mustache::mustache;
  mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    return Error::InvalidArgument("the template is not valid Mustache: " + tmpl.error_message());
  }
  // Plain text: nothing to escape.
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  data values;
  for (const auto& [name, meaning] : TemplateFields()) {
    (void)meaning;
    std::string key(name);
    auto it = fields.find(key);
    values.set(key, it != fields.end() && !it->second.empty() ? it->second : "{{" + key + "}}");
  }
  for (const auto& [k, v] : fields) {
    if (!v.empty()) values.set(k, v);
  }
  std::string out;
  try {
    out = tmpl.render(values);
  } catch (const std::exception& e) {
    return Error::InvalidArgument(std::string("the template could not be filled: ") + e.what());
  }
  if (!tmpl.is_valid()) {
    return Error::InvalidArgument("the template could not be filled: " + tmpl.error_message());
  }
  Draft d;
  std::string_view body = out;
  if (body.rfind("Subject:", 0) == 0) {
    auto nl = body.find('\n');
    std::string_view subject = body.substr(8, nl == std::string_view::npos ? body.size() - 8 : nl - 8);
    while (!subject.empty() && subject.front() == ' ') subject.remove_prefix(1);
    while (!subject.empty() && (subject.back() == ' ' || subject.back() == '\r')) subject.remove_suffix(1);
    d.subject = std::string(subject);
    body = nl == std::string_view::npos ? std::string_view{} : body.substr(nl + 1);
  }
  d.body = std::string(body);
  if (d.body.empty() || d.body.back() != '\n') d.body += '\n';
  return d;
}

std::optional<std::string> FindUnfilledField(std::string_view text) {
  const size_t open = text.find("{{");
  if (open == std::string_view::npos) return std::nullopt;
  const size_t eol = text.find('\n', open);
  const size_t close = text.find("}}", open + 2);
  if (close == std::string_view::npos || (eol != std::string_view::npos && close > eol)) {
    return std::string("{{");
  }
  return std::string(text.substr(open, close + 2 - open));
}

}  // namespace rapport
