// Outgoing mail: an RFC 5322 message, and sending it by SMTP (libcurl).
#pragma once

#include <string>
#include <vector>

#include "rapport/app/config.h"
#include "rapport/model/error.h"
#include "rapport/model/time.h"

namespace rapport {

struct Email {
  std::string from_name, from_address;
  std::string to_name, to_address;
  std::string subject;
  std::string body;  // UTF-8, LF line endings
};

// The message as RFC 5322 text: CRLF line endings, UTF-8 body (8bit),
// non-ASCII names and subject encoded per RFC 2047, a Date and Message-ID.
std::string FormatEmail(const Email& email, Instant date);

// A mailto: link that opens the user's mail client with the message.
std::string MailtoLink(const Email& email);

// Sends by SMTP with the [smtp] settings (STARTTLS, TLS or plain). The
// password comes from the variable named by password_env or the file
// password_file. Errors say why: host unreachable, login refused,
// recipient rejected.
Status SendEmail(const Config::Smtp& smtp, const Email& email, Instant date);

// Where the messages the App sends go, passed in like the Clock: SmtpMailer
// in the product, a fake (or a loopback SMTP server) in tests.
class Mailer {
 public:
  virtual ~Mailer() = default;
  // Sends `email`, dated `date`, with the [smtp] settings. Errors say why.
  virtual Status Send(const Config::Smtp& smtp, const Email& email, Instant date) = 0;
};

// SendEmail: libcurl's SMTP client.
class SmtpMailer : public Mailer {
 public:
  Status Send(const Config::Smtp& smtp, const Email& email, Instant date) override;
};

}  // namespace rapport
