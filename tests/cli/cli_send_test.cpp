// Drafting and sending through a real SMTP server on loopback (aiosmtpd).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/files.h"
#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;

constexpr const char* kNow = "2026-03-10T09:00Z";

// A loopback port that was free a moment ago: bound (port 0: the kernel
// picks), then closed. 0 when no socket could be had.
int ClosedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

class SmtpSink {
 public:
  explicit SmtpSink(const std::string& dir) : dir_(dir) {
    std::string cmd = std::string("/usr/bin/python3 ") + RAPPORT_SOURCE_DIR +
                      "/tests/support/smtp_sink.py " + dir;
    // popen "w" gives the sink a stdin that closes when we pclose; its stdout
    // (the port) goes to a file we read.
    cmd += " > " + dir + "/port";
    pipe_ = popen(cmd.c_str(), "w");
    for (int i = 0; i < 100 && port_ == 0; ++i) {
      usleep(50'000);
      std::ifstream in(dir + "/port");
      in >> port_;
    }
  }
  ~SmtpSink() {
    if (pipe_) pclose(pipe_);
  }
  int port() const { return port_; }
  std::string Message(int n) const { return Slurp(dir_ + "/" + std::to_string(n) + ".eml"); }
  std::string Envelope(int n) const { return Slurp(dir_ + "/" + std::to_string(n) + ".env"); }
  static std::string Slurp(const std::string& path) { return testing::Slurp(path); }

 private:
  std::string dir_;
  FILE* pipe_ = nullptr;
  int port_ = 0;
};

class CliSend : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(home_.File("config/rapport"));
    std::filesystem::create_directories(home_.File("mail"));
  }
  void Config(const std::string& smtp) {
    std::ofstream(home_.File("config/rapport/config.toml"))
        << "[user]\nname = \"Sam Rivera\"\nemail = \"sam@example.org\"\n"
           "intro = \"a third-year statistics student\"\nphone = \"+1 555 0100\"\n"
        << smtp;
  }
  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", kNow});
    return rapport_.Run(args);
  }
  void Seed() {
    ASSERT_EQ(Run({"objective", "add", "UX research as a career", "--kind", "role"}).code, 0);
    ASSERT_EQ(Run({"contact", "add", "Zoë Ågren", "--email", "zoe@example.org", "--degree",
                   "first", "--source", "alumni", "--org", "Fjord Labs"})
                  .code,
              0);
    ASSERT_EQ(Run({"target", "zoe@example.org", "--objective", "ux"}).code, 0);
  }
  testing::TempDir home_;
  testing::Rapport rapport_{home_};
};

TEST_F(CliSend, AFirstDegreeRequestDraftPassesTheLinterCleanly) {
  Config("");
  Seed();
  auto draft = Run({"draft", "request", "zoe@example.org", "-o", home_.File("req.txt")});
  ASSERT_EQ(draft.code, 0) << draft.err;
  auto lint = Run({"lint", "--kind", "request", home_.File("req.txt"), "--json"});
  EXPECT_EQ(lint.code, 0) << lint.out;
  for (const auto& f : json::parse(lint.out)) {
    EXPECT_EQ(f["severity"], "hint") << f.dump();
  }
  std::string text = SmtpSink::Slurp(home_.File("req.txt"));
  EXPECT_NE(text.find("Subject: A question about UX research as a career"), std::string::npos);
  EXPECT_NE(text.find("Hi Zoë,"), std::string::npos) << text;
  EXPECT_EQ(text.find("{{"), std::string::npos) << text;
}

TEST_F(CliSend, UnfilledFieldsStayVisibleAndTheLinterFlagsThem) {
  Config("");
  Seed();
  // No meeting yet and nothing specific: the thank-you cannot be complete.
  auto draft = Run({"draft", "thank_you", "zoe@example.org", "--json"});
  ASSERT_EQ(draft.code, 0) << draft.err;
  auto j = json::parse(draft.out);
  EXPECT_NE(j["body"].get<std::string>().find("{{meeting_date}}"), std::string::npos);
  bool flagged = false;
  for (const auto& f : j["findings"]) flagged |= f["rule"] == "unfilled-placeholder";
  EXPECT_TRUE(flagged);
  // And send refuses it.
  auto send = Run({"send", "thank_you", "zoe@example.org"});
  EXPECT_EQ(send.code, 1);
  EXPECT_NE(send.err.find("was not sent"), std::string::npos) << send.err;
}

TEST_F(CliSend, SentThroughARealSmtpServerAndLogged) {
  SmtpSink sink(home_.File("mail"));
  ASSERT_NE(sink.port(), 0) << "the loopback SMTP server did not start";
  Config("[smtp]\nhost = \"127.0.0.1\"\nport = " + std::to_string(sink.port()) +
         "\nsecurity = \"none\"\n");
  Seed();
  auto sent = Run({"send", "request", "zoe@example.org"});
  ASSERT_EQ(sent.code, 0) << sent.err;
  EXPECT_NE(sent.out.find("Sent to Zoë Ågren <zoe@example.org>; logged request_sent"),
            std::string::npos)
      << sent.out;
  std::string msg = sink.Message(1);
  ASSERT_FALSE(msg.empty());
  EXPECT_EQ(sink.Envelope(1), "sam@example.org\nzoe@example.org\n");
  EXPECT_NE(msg.find("From: \"Sam Rivera\" <sam@example.org>\r\n"), std::string::npos) << msg;
  EXPECT_NE(msg.find("To: =?UTF-8?B?"), std::string::npos) << msg;  // Zoë Ågren, encoded
  EXPECT_NE(msg.find("Subject: A question about UX research as a career\r\n"), std::string::npos);
  EXPECT_NE(msg.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(msg.find("\r\n\r\nHi Zoë,\r\n"), std::string::npos) << msg;  // UTF-8 body intact
  EXPECT_EQ(msg.find("\n\n"), std::string::npos);  // every line ends in CRLF
  // The event shows in the timeline, with the message as its body.
  auto timeline = json::parse(Run({"timeline", "zoe@example.org", "--json"}).out);
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[1]["kind"], "request_sent");
  EXPECT_EQ(timeline[1]["channel"], "email");
  EXPECT_NE(timeline[1]["body"].get<std::string>().find("Hi Zoë,"), std::string::npos);
}

TEST_F(CliSend, AFailedSendLogsNothingAndSaysWhy) {
  // A port nothing listens on: bind one, then close it (a fixed port such
  // as 9 may have a listener, or a firewall that drops rather than refuses).
  const int port = ClosedPort();
  ASSERT_GT(port, 0);
  Config("[smtp]\nhost = \"127.0.0.1\"\nport = " + std::to_string(port) +
         "\nsecurity = \"none\"\n");
  Seed();
  auto sent = Run({"send", "request", "zoe@example.org"});
  EXPECT_EQ(sent.code, 1);
  EXPECT_NE(sent.err.find("cannot reach the mail server 127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << sent.err;
  auto timeline = json::parse(Run({"timeline", "zoe@example.org", "--json"}).out);
  EXPECT_EQ(timeline.size(), 1u);  // only the `target`
}

TEST_F(CliSend, ARejectedRecipientIsNamedAndNothingIsLogged) {
  SmtpSink sink(home_.File("mail"));
  ASSERT_NE(sink.port(), 0);
  Config("[smtp]\nhost = \"127.0.0.1\"\nport = " + std::to_string(sink.port()) +
         "\nsecurity = \"none\"\n");
  ASSERT_EQ(Run({"contact", "add", "Nobody Here", "--email", "nobody@reject.example",
                 "--degree", "first", "--source", "alumni"})
                .code,
            0);
  auto sent = Run({"send", "request", "nobody", "--how-we-met", "We met at the alumni dinner.",
                   "--objective", "x", "--force"});
  // No objective "x" exists: that is refused before anything is sent.
  EXPECT_EQ(sent.code, 1);
  ASSERT_EQ(Run({"objective", "add", "Public health", "--kind", "industry"}).code, 0);
  sent = Run({"send", "request", "nobody", "--objective", "public"});
  EXPECT_EQ(sent.code, 1);
  EXPECT_NE(sent.err.find("rejected nobody@reject.example"), std::string::npos) << sent.err;
  EXPECT_EQ(json::parse(Run({"timeline", "nobody", "--json"}).out).size(), 0u);
}

TEST_F(CliSend, AThankYouIsCheckedAgainstTheMeetingNotes) {
  Config("");
  Seed();
  ASSERT_EQ(Run({"met", "zoe@example.org", "--at", "2026-03-09T15:00", "--note",
                 "card sorting with nurses; the Malmö clinic study"})
                .code,
            0);
  auto vague = Run({"draft", "thank_you", "zoe@example.org", "--specific",
                    "your generous advice", "--json"});
  bool flagged = false;
  const json vague_draft = json::parse(vague.out);
  for (const auto& f : vague_draft["findings"]) flagged |= f["rule"] == "not-specific";
  EXPECT_TRUE(flagged) << vague.out;
  auto specific = Run({"draft", "thank_you", "zoe@example.org", "--json"});  // uses the note
  const json specific_draft = json::parse(specific.out);
  EXPECT_NE(specific_draft["body"].get<std::string>().find("card sorting"), std::string::npos);
  for (const auto& f : specific_draft["findings"]) {
    EXPECT_NE(f["rule"], "not-specific") << specific.out;
  }
}

TEST_F(CliSend, WithoutSmtpItWritesAnEmlAndLogsOnlyWhenConfirmed) {
  Config("");
  Seed();
  std::string eml = home_.File("out.eml");
  auto r = Run({"send", "request", "zoe@example.org", "--eml", eml});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("mailto:zoe%40example.org?subject="), std::string::npos) << r.out;
  EXPECT_NE(SmtpSink::Slurp(eml).find("To: =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(json::parse(Run({"timeline", "zoe@example.org", "--json"}).out).size(), 1u);
  ASSERT_EQ(Run({"send", "request", "zoe@example.org", "--eml", eml, "--mark-sent"}).code, 0);
  EXPECT_EQ(json::parse(Run({"timeline", "zoe@example.org", "--json"}).out).size(), 2u);
}

TEST_F(CliSend, APasswordInTheConfigFileIsRefused) {
  Config("[smtp]\nhost = \"127.0.0.1\"\npassword = \"hunter2\"\n");
  auto r = Run({"contact", "list"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("password_env"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rapport
