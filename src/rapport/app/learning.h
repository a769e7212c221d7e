// Questions, notes, answers, prep, search, the network and insights
// (app/learning.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/app/pipeline.h"
#include "rapport/app/use_case.h"
#include "rapport/model/search.h"
#include "rapport/model/types.h"
#include "rapport/playbook/questions.h"

namespace rapport {

struct QuestionFields {
  std::optional<std::string> text, category;
  std::optional<std::string> objective;  // REF; "" makes the question general (edit)
  std::optional<bool> referral;
};

struct QuestionFilter {
  std::optional<std::string> objective;  // REF: its own questions and the general ones
  std::optional<std::string> category;
};

// Everything to re-read before a meeting (PRODUCT.md, stage 7).
struct PrepBrief {
  Contact contact;
  std::optional<Objective> objective;
  std::optional<Event> meeting;  // the next meeting, when one is on the calendar
  std::string user_zone;         // times shown in both zones when they differ
  std::optional<std::string> contact_zone;  // the meeting's zone, else the contact's
  QuestionPlan plan;
  std::optional<Event> request;  // the request that was sent
  std::optional<Contact> introducer;
  std::vector<Note> notes;            // earlier notes about them, oldest first
  std::vector<Event> logged_notes;    // events of theirs with a note (meeting notes, ...)
  std::vector<Answer> earlier_answers;
  std::vector<Question> earlier_questions;  // the questions of earlier_answers
  std::vector<OpenPromise> promises_mine, promises_theirs;
  std::vector<std::string> reminders;  // plain sentences
};

struct NoteInput {
  std::optional<std::string> contact, objective;  // exactly one, REFs
  std::string body;                               // Markdown
  // An id the client made for this write (an offline phone's queue): a
  // second AddNote with the same id returns the note the first one added.
  std::optional<std::string> write_id;
};

struct AnswerInput {
  std::string contact, question;  // REFs
  std::string text;
  std::optional<std::string> write_id;  // as in NoteInput
  // The newest answer to this question (from this contact) that the client
  // had seen when the answer was written (0: none): answers newer than it
  // were written elsewhere meanwhile, and both are kept.
  std::optional<Id> seen_answer;
};

struct RecordedAnswer {
  Answer answer;
  bool replayed = false;  // this write_id was recorded before: nothing new
  // Answers to the same question from the same person written since
  // seen_answer, elsewhere (another device): kept beside this one.
  int written_elsewhere = 0;
};

inline constexpr int kNamedShown = 10;
inline constexpr int kNamedPeopleShown = 5;

struct SearchResult {
  SearchHit hit;
  std::string contact_name;  // "" for an objective's note
  std::string context;       // "note", "answer to: What ...?", "request_sent on 2 Mar"
  Instant at{};
};

// A person or organization whose name the search words start (MarkNamed).
struct PersonMatch {
  Contact contact;
  std::string marked_name;  // the matched words between \x02 and \x03
};
struct OrganizationMatch {
  Organization organization;
  std::string marked_name;
  std::vector<Contact> people;  // the first kNamedPeopleShown there, by name
  int people_count = 0;
};

struct SearchResults {
  // Names first: the people and organizations called what was typed (at
  // most kNamedShown of each).
  std::vector<PersonMatch> people;
  std::vector<OrganizationMatch> organizations;
  // More people (organizations) are called so than those shown: more words
  // narrow it.
  bool more_people = false, more_organizations = false;
  // Then the texts: notes, answers and logged messages.
  std::vector<SearchResult> results;
  // More than kSearchRankWindow texts matched: these are the best of the
  // most recent ones; more words narrow the search.
  bool windowed = false;
};

struct NetworkGraph {
  struct Node {
    Contact contact;
    Stage stage = Stage::kNone;
  };
  struct Edge {
    Id from = 0, to = 0;  // from led to to
    std::string kind;     // "introduced" (introducer), "referred" (a referral), "via" (a request)
  };
  std::vector<Node> nodes;  // people on at least one edge, by id
  std::vector<Edge> edges;
};

// A warm way to someone at an organization: people you know first, then
// whoever each one led to, ending with the person there.
struct WarmPath {
  std::vector<Contact> steps;
  std::string why;  // "you met Ana; Ana introduced Ben, who works there"
};

struct Insights {
  Objective objective;
  int conversations = 0, target = 0;
  std::string verdict;
  std::optional<double> fit_average;  // of meetings rated with --fit
  int fit_ratings = 0;
  std::vector<Contact> people;  // the matrix's columns: met or answered for it
  struct MatrixRow {
    Question question;
    std::vector<std::vector<std::string>> answers;  // one list per person, aligned with people
    int answered = 0;                               // people who answered
  };
  std::vector<MatrixRow> matrix;  // answered questions first, then the objective's open ones
  std::vector<OpenPromise> open_promises;
};

// What is learned: the question bank, notes, answers, the brief before a
// meeting, search, the network and warm paths, an objective's insights.
class Learning : public UseCase {
 public:
  using UseCase::UseCase;

  Result<Question> AddQuestion(const QuestionFields& f);
  // The bank (the starter questions on first use), filtered.
  Result<std::vector<Question>> ListQuestions(const QuestionFilter& f);
  Result<Question> EditQuestion(const std::string& ref, const QuestionFields& f);
  Result<Question> RemoveQuestion(const std::string& ref);
  // The plan and the brief for the contact's next meeting.
  Result<PrepBrief> Prep(const std::string& contact_ref);
  Result<Note> AddNote(const NoteInput& in);
  Result<Note> EditNote(const std::string& id, const std::string& body);
  Result<Note> RemoveNote(const std::string& id);
  Result<std::vector<Note>> ListNotes(const std::optional<std::string>& contact_ref,
                                      const std::optional<std::string>& objective_ref);
  // Records what the contact said to a question; the objective is that of
  // their latest meeting (or their thread's).
  Result<Answer> RecordAnswer(const std::string& contact_ref, const std::string& question_ref,
                              const std::string& text);
  // The same, with a client's write id and what it had seen (offline phones).
  Result<RecordedAnswer> RecordAnswer(const AnswerInput& in);
  // Full-text search over notes, answers and messages, best first. The
  // query's words must all appear (any order); "a phrase" in quotes, and a
  // trailing * for a prefix.
  Result<SearchResults> Search(const std::string& query, int limit);

  // ---- the network ----
  Result<NetworkGraph> Network();
  // The warmest ways to people at an organization, best first.
  Result<std::vector<WarmPath>> WarmestPaths(const std::string& org_ref, int limit);
  // What the objective's conversations taught, side by side.
  Result<Insights> GetInsights(const std::string& objective_ref);

 private:
  // In Pipeline (forwarded).
  Result<std::vector<OpenPromise>> OpenPromisesOf(const std::vector<Event>& events,
                                                  const std::string& contact_name);
};

}  // namespace rapport
