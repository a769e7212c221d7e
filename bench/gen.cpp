// rapport-bench-gen: fills a database with a deterministic, realistic
// network for benchmarks: N contacts over N/20 organizations and a handful
// of objectives, about 10 events per contact spread over the two years
// before --now, with every stage of the pipeline represented.
//
//   rapport-bench-gen --contacts 100000 --db /tmp/big.db [--seed 1] [--now ISO]
//                     [--notes 1000000]
//
// --notes adds that many Markdown notes of about 200 characters, spread over
// the contacts, for the search benchmark. Their words follow Zipf's law over
// a 300-word vocabulary of a seeker's notes (kNoteWords, most frequent
// first), so a query can pick a common, a middling or a rare word.
//
// Writes through Store (the same SQL as the app) in one transaction, and
// fills contact_state with the same planner the app uses.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <random>

#include "rapport/playbook/agenda.h"
#include "rapport/store/store.h"

using namespace rapport;

namespace {

const char* kFirst[] = {"Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances", "Donald", "Radia",
                        "Ken", "Margaret", "Tim", "Hedy", "Linus", "Katherine", "Dennis", "Sophie",
                        "Guido", "Anita", "John", "Shafi", "Leslie", "Jean", "Niklaus", "Lynn"};
const char* kLast[] = {"Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Allen", "Knuth",
                       "Perlman", "Thompson", "Hamilton", "Berners-Lee", "Lamarr", "Torvalds",
                       "Johnson", "Ritchie", "Wilson", "van Rossum", "Borg", "McCarthy",
                       "Goldwasser", "Lamport", "Sammet", "Wirth", "Conway"};
const char* kOrgWords[] = {"Analytical", "Northwind", "Blue", "Harbor", "Summit", "Quantum",
                           "Cedar", "Atlas", "Orbit", "Meadow", "Granite", "Beacon"};
const char* kOrgKinds[] = {"Labs", "Health", "Analytics", "Design", "Systems", "Partners",
                           "Foundation", "Studio"};

// Content words of interview notes, roughly from most to least frequent.
const char* kNoteWords[] = {
    "research", "team", "work", "role", "people", "company", "data", "product", "design",
    "users", "project", "time", "learn", "skills", "market", "growth", "manager", "interview",
    "career", "experience", "customers", "strategy", "industry", "tools", "process", "hiring",
    "culture", "remote", "budget", "engineering", "analytics", "health", "students", "teaching",
    "startup", "nonprofit", "funding", "policy", "clinical", "patients", "mentor", "network",
    "conference", "portfolio", "writing", "stakeholders", "roadmap", "metrics", "survey",
    "usability", "prototype", "feedback", "onboarding", "leadership", "travel", "salary",
    "certificate", "course", "bootcamp", "degree", "internal", "transfer", "promotion", "burnout",
    "balance", "flexible", "hybrid", "office", "client", "consulting", "agency", "freelance",
    "contract", "partner", "vendor", "procurement", "compliance", "regulation", "privacy",
    "security", "cloud", "platform", "mobile", "accessibility", "localization", "community",
    "volunteer", "board", "grant", "donor", "outreach", "campaign", "marketing", "sales",
    "pipeline", "forecast", "finance", "accounting", "audit", "operations", "logistics",
    "supply", "manufacturing", "quality", "hardware", "robotics", "energy", "climate", "solar",
    "battery", "transport", "housing", "education", "curriculum", "assessment", "library",
    "archive", "museum", "media", "journalism", "podcast", "newsletter", "editor", "publishing",
    "translation", "language", "linguistics", "psychology", "sociology", "economics",
    "statistics", "modeling", "forecasting", "experiment", "hypothesis", "ethnography",
    "diary", "fieldwork", "synthesis", "workshop", "facilitation", "storytelling", "persona",
    "journey", "taxonomy", "ontology", "search", "ranking", "recommendation", "personalization",
    "pricing", "subscription", "retention", "churn", "acquisition", "activation", "referral",
    "partnership", "alliance", "merger", "acquirer", "layoffs", "reorganization", "hiring-freeze",
    "visa", "relocation", "commute", "parental", "childcare", "sabbatical", "tenure", "adjunct",
    "postdoc", "dissertation", "publication", "peer-review", "lab", "bench", "assay", "genomics",
    "biotech", "pharma", "trial", "epidemiology", "nursing", "hospital", "insurance", "claims",
    "actuarial", "underwriting", "banking", "payments", "fraud", "crypto", "blockchain", "trading",
    "quant", "hedge", "venture", "angel", "seed", "accelerator", "incubator", "pitch", "deck",
    "founder", "cofounder", "equity", "vesting", "options", "valuation", "runway", "burn",
    "profitability", "unit-economics", "gross-margin", "wholesale", "retail", "ecommerce",
    "marketplace", "gig", "creator", "influencer", "brand", "identity", "typography",
    "illustration", "animation", "motion", "game", "esports", "music", "film", "theater",
    "dance", "fashion", "textiles", "architecture", "urbanism", "landscape", "agriculture",
    "food", "restaurant", "hospitality", "tourism", "aviation", "maritime", "rail", "automotive",
    "mobility", "drones", "satellite", "aerospace", "defense", "diplomacy", "government",
    "municipal", "election", "advocacy", "lobbying", "law", "litigation", "paralegal",
    "arbitration", "patent", "trademark", "licensing", "open-source", "maintainer", "kernel",
    "compiler", "database", "replication", "consensus", "latency", "observability", "incident",
    "postmortem", "on-call", "reliability", "capacity", "migration", "legacy", "mainframe",
    "cobol", "fortran", "spreadsheet", "dashboard", "warehouse", "lakehouse", "etl", "lineage",
    "governance", "stewardship", "catalog", "metadata", "annotation", "labeling", "ontologist",
    "cartography", "geospatial", "lidar", "oceanography", "volcanology", "glaciology"};
const char* kGlue[] = {"the", "and", "to", "of", "a", "in", "is", "for", "on", "with",
                       "she", "he", "they", "said", "thinks", "wants", "more", "about"};

// What happened with one person, as a sequence of steps over time.
enum class Story {
  kAddressBook, kTargeted, kRequested, kFollowedUp, kCalled, kNoResponse, kDeclined,
  kScheduled, kMet, kThanked, kInTouch, kDormant
};

struct Gen {
  std::mt19937_64 rng;
  Store& store;
  Instant now;
  std::vector<Event> batch;

  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  Instant DaysAgo(int d) { return now - days{d} - hours{Uniform(0, 10)}; }

  Story PickStory() {
    // Weighted so each stage appears, with the long tail a real network has:
    // many old, stable contacts and a few live threads.
    static const std::pair<Story, int> kWeights[] = {
        {Story::kAddressBook, 8}, {Story::kTargeted, 4}, {Story::kRequested, 4},
        {Story::kFollowedUp, 3},  {Story::kCalled, 2},   {Story::kNoResponse, 10},
        {Story::kDeclined, 8},    {Story::kScheduled, 2}, {Story::kMet, 1},
        {Story::kThanked, 3},     {Story::kInTouch, 35},  {Story::kDormant, 20}};
    int total = 0;
    for (auto& [s, w] : kWeights) total += w;
    int pick = Uniform(1, total);
    for (auto& [s, w] : kWeights) {
      if ((pick -= w) <= 0) return s;
    }
    return Story::kInTouch;
  }

  void Push(Id contact, std::optional<Id> objective, EventKind kind, Instant at) {
    Event e;
    e.contact_id = contact;
    e.objective_id = objective;
    e.kind = kind;
    e.at = at;
    if (kind == EventKind::kRequestSent || kind == EventKind::kFollowUpSent) {
      e.channel = Channel::kEmail;
    }
    batch.push_back(e);
  }

  // Events for one contact, oldest first.
  void Tell(Story s, Id c, std::optional<Id> obj) {
    batch.clear();
    if (s == Story::kAddressBook) {
      Push(c, std::nullopt, EventKind::kTouch, DaysAgo(Uniform(200, 700)));
      return;
    }
    // Live threads start recently; settled ones up to two years ago.
    const bool live = s <= Story::kCalled || s == Story::kScheduled || s == Story::kMet;
    int start = live ? Uniform(1, 20) : Uniform(120, 720);
    Push(c, obj, EventKind::kTargeted, DaysAgo(start));
    if (s == Story::kTargeted) return;
    int t = start - Uniform(0, 2);
    Push(c, obj, EventKind::kRequestSent, DaysAgo(std::max(t, 0)));
    if (s == Story::kRequested) return;
    if (s == Story::kDeclined) {
      Push(c, obj, EventKind::kRepliedNo, DaysAgo(std::max(t - Uniform(1, 6), 0)));
      return;
    }
    if (s == Story::kFollowedUp || s == Story::kCalled || s == Story::kNoResponse) {
      t = std::max(t - 7, 0);
      Push(c, obj, EventKind::kFollowUpSent, DaysAgo(t));
      if (s == Story::kFollowedUp) return;
      t = std::max(t - 7, 0);
      Push(c, obj, EventKind::kCallMade, DaysAgo(t));
      if (s == Story::kNoResponse && Uniform(0, 1)) {
        Push(c, obj, EventKind::kClosed, DaysAgo(std::max(t - 8, 0)));
      }
      return;
    }
    t = std::max(t - Uniform(1, 5), 0);
    Push(c, obj, EventKind::kRepliedYes, DaysAgo(t));
    Event meeting;
    meeting.contact_id = c;
    meeting.objective_id = obj;
    meeting.kind = EventKind::kMeetingScheduled;
    meeting.at = DaysAgo(t);
    meeting.meeting_minutes = 30;
    meeting.meeting_tz = "UTC";
    if (s == Story::kScheduled) {
      meeting.meeting_at = now + days{Uniform(0, 14)} + hours{Uniform(8, 17)};
      batch.push_back(meeting);
      return;
    }
    int met = std::max(t - Uniform(3, 10), 0);
    if (s == Story::kMet) met = Uniform(0, 2);
    meeting.meeting_at = DaysAgo(met);
    batch.push_back(meeting);
    Push(c, obj, EventKind::kMeetingHeld, *meeting.meeting_at + minutes{30});
    if (s == Story::kMet) return;
    int thanked = std::max(met - 1, 0);
    Push(c, obj, EventKind::kThanksSent, DaysAgo(thanked));
    if (Uniform(0, 3) == 0) {
      Event p;
      p.contact_id = c;
      p.kind = EventKind::kPromiseMade;
      p.at = DaysAgo(thanked);
      p.body = "send the article we discussed";
      batch.push_back(p);
    }
    if (s == Story::kThanked) return;
    // Touches every 30-100 days up to a recent one (in touch) or an old one
    // (dormant).
    int last = s == Story::kDormant ? Uniform(95, 200) : Uniform(1, 80);
    int d = thanked;
    while (d - 20 > last) {
      d -= Uniform(20, 60);
      if (d < last) break;
      Push(c, obj, EventKind::kTouch, DaysAgo(d));
    }
    Push(c, obj, EventKind::kTouch, DaysAgo(std::min(last, thanked)));
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Fill a database with a deterministic network for benchmarks.",
               "rapport-bench-gen"};
  int contacts = 1000;
  std::string db_path;
  std::uint64_t seed = 1;
  std::string now_text = "2026-11-20T09:00Z";
  cli.add_option("--contacts", contacts, "How many contacts")->check(CLI::Range(1, 10'000'000));
  cli.add_option("--db", db_path,
                 "Database file to create (must not exist), or an empty PostgreSQL database's "
                 "postgresql:// URL")
      ->required();
  cli.add_option("--seed", seed, "Random seed (same seed, same data)");
  cli.add_option("--now", now_text, "The benchmark's 'now' (ISO-8601)");
  int notes = 0;
  cli.add_option("--notes", notes, "Notes of ~200 characters for the search benchmark")
      ->check(CLI::Range(0, 100'000'000));
  CLI11_PARSE(cli, argc, argv);

  const bool pg = IsPostgresUrl(db_path);
  if (!pg && std::filesystem::exists(db_path)) {
    std::cerr << "error: " << db_path << " exists; give a new file name\n";
    return 1;
  }
  auto now = ParseTime(now_text, "UTC");
  if (!now) {
    std::cerr << "error: --now: " << now.error().message() << '\n';
    return 2;
  }
  auto db = OpenDatabase(db_path);
  if (!db) {
    std::cerr << "error: " << db.error().message() << '\n';
    return 1;
  }
  Store store(**db, 1);
  if (auto empty = store.IsEmpty(); !empty.ok() || !*empty) {
    std::cerr << "error: " << db_path << " already holds records; give an empty database\n";
    return 1;
  }
  Gen gen{std::mt19937_64(seed), store, *now, {}};
  const bool tty = isatty(STDERR_FILENO);
  auto check = [](const auto& r) {
    if (!r.ok()) {
      std::cerr << "error: " << r.error().message() << '\n';
      std::exit(1);
    }
  };
  check((*db)->Begin());
  std::vector<Id> orgs;
  const int n_orgs = std::max(1, contacts / 20);
  for (int i = 0; i < n_orgs; ++i) {
    Organization o;
    o.name = std::string(kOrgWords[i % 12]) + " " + kOrgKinds[(i / 12) % 8] + " " +
             std::to_string(i + 1);
    o.industry = i % 3 == 0 ? "Healthcare" : i % 3 == 1 ? "Software" : "Education";
    auto r = store.AddOrganization(o, *now);
    check(r);
    orgs.push_back(r->id);
  }
  std::vector<Id> objectives;
  for (const char* title : {"UX research as a career", "Data science in healthcare",
                            "Product management", "Working at a nonprofit", "Teaching"}) {
    Objective o;
    o.title = title;
    o.kind = ObjectiveKind::kRole;
    auto r = store.AddObjective(o, *now);
    check(r);
    objectives.push_back(r->id);
  }
  Playbook playbook;
  std::int64_t events = 0;
  for (int i = 0; i < contacts; ++i) {
    Contact c;
    c.name = std::string(kFirst[gen.Uniform(0, 23)]) + " " + kLast[gen.Uniform(0, 23)] + " " +
             std::to_string(i + 1);
    c.org_id = orgs[gen.Uniform(0, n_orgs - 1)];
    c.email = "person" + std::to_string(i + 1) + "@example.org";
    c.degree = static_cast<Degree>(gen.Uniform(0, 2));
    c.source = static_cast<Source>(gen.Uniform(0, 8));
    auto added = store.AddContact(c, *now);
    check(added);
    Story story = gen.PickStory();
    gen.Tell(story, added->id, objectives[gen.Uniform(0, 4)]);
    std::vector<Event> stored;
    for (auto& e : gen.batch) {
      auto r = store.AddEvent(e, *now);
      check(r);
      stored.push_back(*r);
      // Most promises get kept, a week or so later.
      if (e.kind == EventKind::kPromiseMade && gen.Uniform(0, 3) != 0) {
        Event kept;
        kept.contact_id = e.contact_id;
        kept.kind = EventKind::kPromiseKept;
        kept.at = e.at + days{gen.Uniform(1, 6)};
        kept.promise_id = r->id;
        auto k = store.AddEvent(kept, *now);
        check(k);
        stored.push_back(*k);
      }
    }
    std::sort(stored.begin(), stored.end(), [](const Event& a, const Event& b) {
      return std::tie(a.at, a.id) < std::tie(b.at, b.id);
    });
    events += static_cast<std::int64_t>(stored.size());
    ContactFacts facts;
    facts.contact = &*added;
    facts.events = stored;
    facts.zone = "UTC";
    auto plan = PlanContact(facts, playbook, *now);
    ContactState st{added->id, std::string(ToString(plan.stage)), plan.objective_id,
                    plan.next_due, stored.empty() ? std::nullopt : std::optional(stored.back().at),
                    plan.next_late};
    check(store.PutContactState(st));
    if (tty && (i + 1) % 1000 == 0) {
      std::cerr << "\r" << (i + 1) << " / " << contacts << " contacts" << std::flush;
    }
  }
  // Notes: Zipf-distributed content words with glue words between them.
  constexpr int kWords = sizeof(kNoteWords) / sizeof(kNoteWords[0]);
  std::vector<double> weights;
  for (int i = 0; i < kWords; ++i) weights.push_back(1.0 / (i + 1));
  std::discrete_distribution<int> zipf(weights.begin(), weights.end());
  for (int i = 0; i < notes; ++i) {
    std::string body;
    while (body.size() < 200) {
      if (!body.empty()) body += ' ';
      body += gen.Uniform(0, 2) == 0 ? kGlue[gen.Uniform(0, 17)] : kNoteWords[zipf(gen.rng)];
    }
    body += '.';
    Note n;
    n.contact_id = 1 + gen.Uniform(0, contacts - 1);
    n.body = std::move(body);
    check(store.AddNote(n, *now - days{gen.Uniform(0, 700)}));
    if (tty && (i + 1) % 10000 == 0) {
      std::cerr << "\r" << (i + 1) << " / " << notes << " notes" << std::flush;
    }
  }
  check((*db)->Commit());
  // PostgreSQL plans by its statistics, which a fresh bulk load lacks until
  // autovacuum comes by: take them now, as an operator would after a load.
  if (pg) check((*db)->ExecScript("ANALYZE"));
  if (tty) std::cerr << '\n';
  std::cout << contacts << " contacts, " << n_orgs << " organizations, " << events
            << " events, " << notes << " notes in " << db_path << '\n';
  return 0;
}
