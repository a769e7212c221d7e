// The verbs of the pipeline: each records one interaction in the log.
//   target request followup call reply schedule met cancel thank report-back
//   touch promise kept close
#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/json.h"
#include "rapport/model/time.h"

namespace rapport::cli {

namespace {

struct VerbOptions {
  EventInput in;
  bool yes = false, no = false, introducer = false;
  std::string promise_text, promise_id;
};

int Report(Context& ctx, const Result<Event>& r) {
  if (!r) return Fail(ctx, r.error());
  if (ctx.json) {
    PrintJson(ctx.out, ToJson(*r));
    return kExitOk;
  }
  auto detail = ctx.app.records().ShowContact(std::to_string(r->contact_id));
  std::string who = detail ? detail->contact.name : "#" + std::to_string(r->contact_id);
  const Instant now = ctx.app.Now();
  ctx.out << "Logged " << ToString(r->kind) << " for " << who;
  if (r->meeting_at && r->kind != EventKind::kMeetingHeld) {
    ctx.out << ": meeting " << FormatFriendly(*r->meeting_at, ctx.zone, now);
    if (r->meeting_tz && *r->meeting_tz != ctx.zone) {
      ctx.out << " (" << FormatFriendly(*r->meeting_at, *r->meeting_tz, now) << " "
              << *r->meeting_tz << ")";
    }
    if (r->meeting_minutes) ctx.out << ", " << *r->meeting_minutes << " min";
  } else if (r->at != now) {
    ctx.out << " on " << FormatFriendly(r->at, ctx.zone, now);
  }
  if (r->kind == EventKind::kPromiseMade) ctx.out << " (promise #" << r->id << ")";
  ctx.out << '\n';
  if (detail) {
    ctx.out << "Stage: " << ToString(detail->stage);
    if (!detail->actions.empty()) {
      const auto& a = detail->actions.front();
      ctx.out << "; next: " << ToString(a.kind) << " " << FormatFriendly(a.due, ctx.zone, now);
    }
    ctx.out << '\n';
  }
  return kExitOk;
}

// A verb with the common options: CONTACT, --at, --objective, --note.
CLI::App* Verb(CLI::App& root, Runner& selected, const char* name, const char* help, EventKind kind,
               std::shared_ptr<VerbOptions> opts, bool with_at = true) {
  auto* cmd = root.add_subcommand(name, help);
  cmd->add_option("CONTACT", opts->in.contact, "Id, email or part of the name")->required();
  if (with_at) {
    cmd->add_option("--at", opts->in.at, "When it happened (default: now)")->option_text("TIME");
  }
  cmd->add_option("--objective", opts->in.objective, "The objective this is about")
      ->option_text("REF");
  cmd->add_option("--note", opts->in.body, "A few words to remember")->option_text("TEXT");
  cmd->callback([&selected, opts, kind] {
    selected = [opts, kind](Context& ctx) {
      opts->in.kind = kind;
      return Report(ctx, ctx.app.pipeline().Record(opts->in));
    };
  });
  return cmd;
}

}  // namespace

void RegisterEventCommands(CLI::App& root, Runner& selected) {
  auto o = [] { return std::make_shared<VerbOptions>(); };

  Verb(root, selected, "target", "Put someone on your target list", EventKind::kTargeted, o());

  {
    auto opts = o();
    auto* cmd = Verb(root, selected, "request", "Log that you asked someone for a conversation",
                     EventKind::kRequestSent, opts);
    cmd->add_option("--channel", opts->in.channel, "email, linkedin, phone, letter or in-person");
    cmd->add_option("--via", opts->in.via, "The mutual contact who introduced you")
        ->option_text("INTRODUCER");
  }
  {
    auto opts = o();
    auto* cmd = Verb(root, selected, "intro",
                     "Log that you asked a mutual contact to introduce you to CONTACT",
                     EventKind::kIntroRequested, opts);
    cmd->add_option("--via", opts->in.via, "The mutual contact you asked")
        ->option_text("INTRODUCER")
        ->required();
  }
  {
    auto opts = o();
    auto* cmd = Verb(root, selected, "followup", "Log your follow-up to an unanswered request",
                     EventKind::kFollowUpSent, opts);
    cmd->add_option("--channel", opts->in.channel, "email, linkedin, phone, letter or in-person");
  }
  {
    auto opts = o();
    auto* cmd = Verb(root, selected, "call", "Log a phone call", EventKind::kCallMade, opts);
    cmd->add_flag("--voicemail", opts->in.voicemail, "You left a voicemail");
  }
  {
    auto opts = o();
    auto* cmd = root.add_subcommand("reply", "Log their answer to your request: --yes or --no");
    cmd->add_option("CONTACT", opts->in.contact, "Id, email or part of the name")->required();
    cmd->add_option("--at", opts->in.at, "When they answered (default: now)")->option_text("TIME");
    cmd->add_option("--objective", opts->in.objective, "The objective")->option_text("REF");
    cmd->add_option("--note", opts->in.body, "What they said")->option_text("TEXT");
    auto* yes = cmd->add_flag("--yes", opts->yes, "They agreed to talk");
    auto* no = cmd->add_flag("--no", opts->no, "They declined");
    yes->excludes(no);
    cmd->callback([&selected, opts] {
      selected = [opts](Context& ctx) {
        if (opts->yes == opts->no) {
          return FailUsage(ctx, "say --yes or --no (see 'rapport reply --help')");
        }
        opts->in.kind = opts->yes ? EventKind::kRepliedYes : EventKind::kRepliedNo;
        return Report(ctx, ctx.app.pipeline().Record(opts->in));
      };
    });
  }
  {
    auto opts = o();
    auto* cmd = root.add_subcommand(
        "schedule", "Put a meeting on the calendar (again, to reschedule)");
    cmd->add_option("CONTACT", opts->in.contact, "Id, email or part of the name")->required();
    cmd->add_option("--at", opts->in.meeting_at, "When the meeting starts")
        ->option_text("TIME")
        ->required();
    cmd->add_option("--tz", opts->in.meeting_tz,
                    "The zone --at is in (default: yours), e.g. America/Chicago")
        ->option_text("ZONE");
    cmd->add_option("--minutes", opts->in.meeting_minutes,
                    "How long (default: the playbook's 30, or 60 with --meal)")
        ->option_text("N");
    cmd->add_flag("--meal", opts->in.meal, "Over lunch or coffee: the longer default length");
    cmd->add_option("--mode", opts->in.meeting_mode, "in-person, phone, video or email");
    cmd->add_option("--where", opts->in.meeting_place, "Place, phone number or video link")
        ->option_text("TEXT");
    cmd->add_option("--objective", opts->in.objective, "The objective")->option_text("REF");
    cmd->add_option("--note", opts->in.body, "A few words to remember")->option_text("TEXT");
    cmd->callback([&selected, opts] {
      selected = [opts](Context& ctx) {
        opts->in.kind = EventKind::kMeetingScheduled;
        return Report(ctx, ctx.app.pipeline().Record(opts->in));
      };
    });
  }
  {
    auto opts = o();
    auto* cmd =
        Verb(root, selected, "met", "Log that the meeting was held", EventKind::kMeetingHeld, opts);
    cmd->add_option("--fit", opts->in.fit,
                    "Does this feel like your tribe? 1 (not at all) to 5 (very much)")
        ->option_text("1-5");
  }
  Verb(root, selected, "cancel", "Log that the meeting was cancelled", EventKind::kMeetingCancelled,
       o());
  {
    auto opts = o();
    auto* cmd = Verb(root, selected, "thank",
                     "Log your thank-you (with --introducer: to whoever introduced CONTACT)",
                     EventKind::kThanksSent, opts);
    cmd->add_flag("--introducer", opts->introducer,
                  "You thanked CONTACT's introducer and told them how it went");
    cmd->callback([&selected, opts] {
      selected = [opts](Context& ctx) {
        opts->in.kind =
            opts->introducer ? EventKind::kIntroducerThanked : EventKind::kThanksSent;
        return Report(ctx, ctx.app.pipeline().Record(opts->in));
      };
    });
  }
  Verb(root, selected, "report-back",
       "Log that you told whoever referred CONTACT how your meeting with CONTACT went",
       EventKind::kReportedBack, o());
  Verb(root, selected, "touch",
       "Log any later contact: an article, news, a LinkedIn connection", EventKind::kTouch, o());
  Verb(root, selected, "close",
       "Close an unanswered thread (after three tries) and move on", EventKind::kClosed, o());
  {
    auto opts = o();
    auto* cmd = root.add_subcommand("promise", "Log a promise: yours, or --theirs");
    cmd->add_option("CONTACT", opts->in.contact, "Id, email or part of the name")->required();
    cmd->add_option("TEXT", opts->promise_text, "What was promised")->required();
    cmd->add_flag("--theirs", opts->in.theirs, "They promised it to you");
    cmd->add_option("--due", opts->in.due, "When it is due (default: the playbook's promise_days)")
        ->option_text("DATE");
    cmd->add_option("--at", opts->in.at, "When it was promised (default: now)")
        ->option_text("TIME");
    cmd->add_option("--objective", opts->in.objective, "The objective")->option_text("REF");
    cmd->callback([&selected, opts] {
      selected = [opts](Context& ctx) {
        opts->in.kind = EventKind::kPromiseMade;
        opts->in.body = opts->promise_text;
        return Report(ctx, ctx.app.pipeline().Record(opts->in));
      };
    });
  }
  {
    auto opts = o();
    auto* cmd = root.add_subcommand("kept", "Mark a promise kept");
    cmd->add_option("PROMISE", opts->promise_id, "The promise's id (shown by 'rapport timeline')")
        ->required();
    cmd->add_option("--at", opts->in.at, "When (default: now)")->option_text("TIME");
    cmd->callback([&selected, opts] {
      selected = [opts](Context& ctx) {
        return Report(ctx, ctx.app.pipeline().KeepPromise(opts->promise_id, opts->in.at));
      };
    });
  }
}

}  // namespace rapport::cli
