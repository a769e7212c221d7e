#include "rapport/app/mail.h"

#include <curl/curl.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>

namespace rapport {

namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || c < 0x20) return false;
  }
  return true;
}

// RFC 2047 "encoded-word" in base64, for names and subjects beyond ASCII.
std::string EncodedWord(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  static const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "=?UTF-8?B?";
  size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(s[i]) << 16) |
                 (static_cast<unsigned char>(s[i + 1]) << 8) | static_cast<unsigned char>(s[i + 2]);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  if (i < s.size()) {
    unsigned v = static_cast<unsigned char>(s[i]) << 16;
    if (i + 1 < s.size()) v |= static_cast<unsigned char>(s[i + 1]) << 8;
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += i + 1 < s.size() ? kB64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out + "?=";
}

std::string Mailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return "<" + address + ">";
  if (IsAscii(name)) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" <" + address + ">";
  }
  return EncodedWord(name) + " <" + address + ">";
}

std::string PercentEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

struct Upload {
  const std::string* data;
  size_t pos = 0;
};

size_t ReadCallback(char* buffer, size_t size, size_t nitems, void* userdata) {
  auto* up = static_cast<Upload*>(userdata);
  size_t room = size * nitems;
  size_t n = std::min(room, up->data->size() - up->pos);
  std::memcpy(buffer, up->data->data() + up->pos, n);
  up->pos += n;
  return n;
}

}  // namespace

std::string FormatEmail(const Email& email, Instant date) {
  std::mt19937_64 rng(static_cast<std::uint64_t>(ToUnix(date)) ^ std::hash<std::string>{}(email.body));
  char id[40];
  std::snprintf(id, sizeof id, "%016llx.%lld", static_cast<unsigned long long>(rng()),
                static_cast<long long>(ToUnix(date)));
  std::string domain = "rapport.local";
  if (auto at = email.from_address.find('@'); at != std::string::npos) {
    domain = email.from_address.substr(at + 1);
  }
  std::string out;
  out += "From: " + Mailbox(email.from_name, email.from_address) + "\r\n";
  out += "To: " + Mailbox(email.to_name, email.to_address) + "\r\n";
  out += "Subject: " + EncodedWord(email.subject) + "\r\n";
  // RFC 5322 date, in UTC.
  std::string d = FormatLocal(date, "UTC");  // "2026-03-10 09:00"
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int month = std::atoi(d.substr(5, 2).c_str());
  out += "Date: " + std::to_string(std::atoi(d.substr(8, 2).c_str())) + " " + kMonths[month - 1] +
         " " + d.substr(0, 4) + " " + d.substr(11, 5) + ":00 +0000\r\n";
  out += "Message-ID: <" + std::string(id) + "@" + domain + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: 8bit\r\n";
  out += "\r\n";
  for (char c : email.body) {
    if (c == '\n') {
      out += "\r\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string MailtoLink(const Email& email) {
  return "mailto:" + PercentEncode(email.to_address) + "?subject=" + PercentEncode(email.subject) +
         "&body=" + PercentEncode(email.body);
}

Status SendEmail(const Config::Smtp& smtp, const Email& email, Instant date) {
  if (email.from_address.empty()) {
    return Error::InvalidArgument(
        "no sender address: set email = \"you@example.org\" under [user] in config.toml");
  }
  std::string password;
  if (!smtp.password_env.empty()) {
    const char* v = std::getenv(smtp.password_env.c_str());
    if (!v) {
      return Error::InvalidArgument("the SMTP password variable " + smtp.password_env +
                                    " is not set (export it, or use password_file)");
    }
    password = v;
  } else if (!smtp.password_file.empty()) {
    std::ifstream in(smtp.password_file);
    if (!in || !std::getline(in, password)) {
      return Error::Io("cannot read the SMTP password file " + smtp.password_file);
    }
  }
  static const bool curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!curl_ready) return Error::Io("libcurl could not start");
  CURL* curl = curl_easy_init();
  if (!curl) return Error::Io("libcurl could not start");
  std::string scheme = smtp.security == "tls" ? "smtps://" : "smtp://";
  std::string url = scheme + smtp.host + ":" + std::to_string(smtp.port);
  std::string message = FormatEmail(email, date);
  Upload up{&message};
  std::string from = "<" + email.from_address + ">";
  std::string to = "<" + email.to_address + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadCallback);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  if (smtp.security == "starttls") curl_easy_setopt(curl, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  if (!smtp.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, smtp.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  long response = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OK) return {};
  std::string detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
      return Error::Io("cannot reach the mail server " + smtp.host + ":" +
                       std::to_string(smtp.port) + " (" + detail +
                       "); check [smtp] host and port");
    case CURLE_LOGIN_DENIED:
      return Error::Io("the mail server refused the login for " + smtp.user +
                       "; check the user and password");
    case CURLE_USE_SSL_FAILED:
      return Error::Io("the mail server " + smtp.host +
                       " does not offer STARTTLS; set [smtp] security to \"tls\" or the right port");
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    default:
      if (response == 550 || response == 553 || response == 554 || response == 501) {
        return Error::Io("the mail server rejected " + email.to_address + " (" + detail + ")");
      }
      return Error::Io("sending failed: " + detail + " (SMTP " + std::to_string(response) + ")");
  }
}

Status SmtpMailer::Send(const Config::Smtp& smtp, const Email& email, Instant date) {
  return SendEmail(smtp, email, date);
}

}  // namespace rapport
