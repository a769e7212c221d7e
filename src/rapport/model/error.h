// Errors as values. Every fallible call in the core returns a Result<T>:
// either a value or an Error with a category, the input it concerns (when
// it concerns one) and a one-line reason written for the person at the
// keyboard (what went wrong and how to fix it). Exceptions never cross the
// core's boundary.
//
// The reason is neutral: it names no command-line flag and no command
// ("--at", "rapport contact list"), no form and no page, because each face
// words an error in its own vocabulary. The CLI turns `field` into its flag
// and adds hints that name commands; the web app puts the message beside
// the form field; the JSON API sends the field as it is.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace rapport {

enum class ErrorCode {
  kInvalidArgument,  // the user gave a value we cannot accept
  kNotFound,         // a reference matched nothing
  kAmbiguous,        // a reference matched more than one record
  kConflict,         // the change would break a uniqueness or other rule
  kStorage,          // the database failed (I/O, corruption, locked)
  kSchemaTooNew,     // the database was written by a newer Rapport
  kIo,               // a file could not be read or written
};

class Error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {}, std::string subject = {})
      : code_(code),
        message_(std::move(message)),
        field_(std::move(field)),
        subject_(std::move(subject)) {}

  // Errors that concern no one input (a file, the database, the whole
  // request).
  static Error InvalidArgument(std::string m) { return {ErrorCode::kInvalidArgument, std::move(m)}; }
  static Error NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Error Ambiguous(std::string m) { return {ErrorCode::kAmbiguous, std::move(m)}; }
  static Error Conflict(std::string m) { return {ErrorCode::kConflict, std::move(m)}; }
  static Error Storage(std::string m) { return {ErrorCode::kStorage, std::move(m)}; }
  static Error Io(std::string m) { return {ErrorCode::kIo, std::move(m)}; }

  // Errors about one input, named as the use case names it ("at",
  // "meeting_at", "email", "contact"): the member of the input struct
  // (EventInput::meeting_at, ContactFields::email) or the parameter.
  static Error InvalidArgument(std::string field, std::string m) {
    return {ErrorCode::kInvalidArgument, std::move(m), std::move(field)};
  }
  static Error Conflict(std::string field, std::string m) {
    return {ErrorCode::kConflict, std::move(m), std::move(field)};
  }
  // A reference that matched no record, or several: `subject` is the kind
  // of record ("contact", "organization", "objective", "question", "note",
  // "promise", "event"), `field` the input that held the reference.
  static Error NotFound(std::string field, std::string subject, std::string m) {
    return {ErrorCode::kNotFound, std::move(m), std::move(field), std::move(subject)};
  }
  static Error Ambiguous(std::string field, std::string subject, std::string m) {
    return {ErrorCode::kAmbiguous, std::move(m), std::move(field), std::move(subject)};
  }

  ErrorCode code() const { return code_; }
  // One line, lowercase start, no trailing period: "there is no contact 999".
  const std::string& message() const { return message_; }
  // The input it concerns, or "" when none does.
  const std::string& field() const { return field_; }
  // The kind of record a reference was looking for, or "".
  const std::string& subject() const { return subject_; }

  // The same error about `field` instead: a helper's error (a time that
  // does not parse, a reference that matches nothing) is about the input
  // the caller gave it.
  Error InField(std::string field) const& {
    Error e = *this;
    e.field_ = std::move(field);
    return e;
  }
  Error InField(std::string field) && {
    field_ = std::move(field);
    return std::move(*this);
  }

 private:
  ErrorCode code_;
  std::string message_;
  std::string field_;
  std::string subject_;
};

// Either a T or an Error. Accessing the wrong alternative is a programming
// error (asserted), never a user-facing condition.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), has_error_(true) {}  // NOLINT

  bool ok() const { return !has_error_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(!ok()); return error_; }

 private:
  Error error_{ErrorCode::kInvalidArgument, ""};
  bool has_error_ = false;
};

using Status = Result<void>;

// `r`, its error (if any) now about `field`:
//   RAPPORT_ASSIGN_OR_RETURN(e.at, InField("at", ParseUserTime(*in.at)));
template <class T>
Result<T> InField(std::string_view field, Result<T> r) {
  if (r) return r;
  return r.error().InField(std::string(field));
}

}  // namespace rapport

// Propagates an error from a Result-returning expression; otherwise binds
// its value to `var`.
#define RAPPORT_CONCAT_INNER(a, b) a##b
#define RAPPORT_CONCAT(a, b) RAPPORT_CONCAT_INNER(a, b)
#define RAPPORT_ASSIGN_OR_RETURN(var, expr)                       \
  auto RAPPORT_CONCAT(rapport_r_, __LINE__) = (expr);             \
  if (!RAPPORT_CONCAT(rapport_r_, __LINE__))                      \
    return RAPPORT_CONCAT(rapport_r_, __LINE__).error();          \
  var = std::move(*RAPPORT_CONCAT(rapport_r_, __LINE__))
#define RAPPORT_RETURN_IF_ERROR(expr)                             \
  do {                                                            \
    auto rapport_s_ = (expr);                                     \
    if (!rapport_s_) return rapport_s_.error();                   \
  } while (0)
