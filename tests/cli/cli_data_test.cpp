// Import and export through the CLI, checked by other programs' readers
// (Debian's python3-vobject and python3-icalendar).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/files.h"
#include "support/run.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::Rapport;
using testing::TempDir;

constexpr const char* kNow = "2026-03-10T09:00Z";

class CliData : public ::testing::Test {
 protected:
  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", kNow});
    return rapport_.Run(args);
  }
  void Ok(std::vector<std::string> args) {
    auto r = Run(args);
    ASSERT_EQ(r.code, 0) << args[0] << ": " << r.err;
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = home_.File(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  static std::string Slurp(const std::string& path) { return testing::Slurp(path); }
  // Runs a Python snippet with Debian's interpreter; returns its stdout.
  std::string Python(const std::string& code, int* status) {
    std::string script = Write("check.py", code);
    std::string cmd = "/usr/bin/python3 " + script + " > " + home_.File("py.out") + " 2>&1";
    *status = std::system(cmd.c_str());
    return Slurp(home_.File("py.out"));
  }
  void Seed() {
    Ok({"objective", "add", "UX research", "--kind", "role"});
    Ok({"contact", "add", "Zoë Ågren, PhD", "--org", "Fjord; Labs", "--email", "zoe@example.org",
        "--title", "Head of Research", "--tag", "nordic", "--phone", "+46 8 123 456"});
    Ok({"contact", "add", "Ada Lovelace", "--org", "Analytical Engines", "--tz", "Europe/London"});
    Ok({"reply", "ada", "--yes", "--at", "2026-03-09"});
    Ok({"schedule", "ada", "--at", "2026-03-12T10:00", "--tz", "America/New_York", "--mode",
        "video"});
    Ok({"request", "zoe@example.org", "--objective", "ux", "--at", "2026-02-20"});
  }
  TempDir home_;
  Rapport rapport_{home_};
};

TEST_F(CliData, VCardExportIsReadableByVobjectAndByUs) {
  Seed();
  std::string vcf = home_.File("people.vcf");
  Ok({"export", "vcard", "-o", vcf});
  int status = 0;
  std::string out = Python(
      "import vobject\n"
      "for card in vobject.readComponents(open('" + vcf + "', encoding='utf-8').read()):\n"
      "    print(card.fn.value, '|', card.org.value[0] if hasattr(card, 'org') else '', '|',\n"
      "          card.email.value if hasattr(card, 'email') else '')\n",
      &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("Zoë Ågren, PhD | Fjord; Labs | zoe@example.org"), std::string::npos) << out;
  EXPECT_NE(out.find("Ada Lovelace | Analytical Engines |"), std::string::npos) << out;
  // Re-importing our own export into a fresh database keeps every field.
  TempDir other;
  Rapport fresh(other);
  auto r = fresh.Run({"--now", kNow, "import", "vcard", vcf, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["added"], 2);
  auto zoe = json::parse(fresh.Run({"contact", "show", "zoe@example.org", "--json"}).out);
  EXPECT_EQ(zoe["name"], "Zoë Ågren, PhD");
  EXPECT_EQ(zoe["org"], "Fjord; Labs");
  EXPECT_EQ(zoe["title"], "Head of Research");
  EXPECT_EQ(zoe["phone"], "+46 8 123 456");
  EXPECT_EQ(zoe["tags"], json::array({"nordic"}));
}

TEST_F(CliData, IcsExportIsValidICalendarWithZonesAlarmsAndTodos) {
  Seed();
  std::string ics = home_.File("rapport.ics");
  Ok({"export", "ics", "-o", ics});
  int status = 0;
  std::string out = Python(
      "import icalendar\n"
      "cal = icalendar.Calendar.from_ical(open('" + ics + "', 'rb').read())\n"
      "for c in cal.walk():\n"
      "    if c.name == 'VEVENT':\n"
      "        print('EVENT', c['UID'], c['SUMMARY'], c['DTSTART'].dt.isoformat(),\n"
      "              c['DTSTART'].params.get('TZID'), len(c.subcomponents))\n"
      "    if c.name == 'VTODO':\n"
      "        print('TODO', c['UID'], c['DUE'].dt.isoformat())\n"
      "    if c.name == 'VTIMEZONE':\n"
      "        print('ZONE', c['TZID'])\n",
      &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("ZONE America/New_York"), std::string::npos) << out;
  EXPECT_NE(out.find("Conversation with Ada Lovelace 2026-03-12T10:00:00-04:00 America/New_York 1"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("TODO rapport-follow_up-1@rapport 2026-02-27T00:00:00+00:00"),
            std::string::npos)
      << out;
  // Rescheduling keeps the meeting's UID, so a calendar updates it.
  std::string uid_before = out.substr(out.find("EVENT ") + 6, out.find(' ', out.find("EVENT ") + 6) - out.find("EVENT ") - 6);
  Ok({"schedule", "ada", "--at", "2026-03-13T11:00", "--tz", "America/New_York"});
  Ok({"export", "ics", "-o", ics});
  std::string again = Python(
      "import icalendar\n"
      "cal = icalendar.Calendar.from_ical(open('" + ics + "', 'rb').read())\n"
      "print([ (str(c['UID']), int(c['SEQUENCE'])) for c in cal.walk('VEVENT')])\n",
      &status);
  ASSERT_EQ(status, 0) << again;
  EXPECT_NE(again.find("('" + uid_before + "', 1)"), std::string::npos) << again << uid_before;
}

TEST_F(CliData, CsvAndJsonBackupRoundTrip) {
  Seed();
  auto csv = Run({"export", "csv"});
  ASSERT_EQ(csv.code, 0);
  EXPECT_EQ(csv.out.rfind("id,name,organization,", 0), 0u);
  EXPECT_NE(csv.out.find("\"Zoë Ågren, PhD\",Fjord; Labs,"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find("\r\n"), std::string::npos);
  auto events = Run({"export", "csv", "--events"});
  EXPECT_NE(events.out.find("meeting_scheduled"), std::string::npos);

  std::string backup = home_.File("backup.json");
  Ok({"export", "json", "-o", backup});
  std::string restored_db = home_.File("restored.db");
  auto r = Run({"--db", restored_db, "restore", backup});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Restored 2 contacts"), std::string::npos);
  auto second = Run({"--db", restored_db, "export", "json"});
  EXPECT_EQ(second.out, Slurp(backup));
  auto twice = Run({"--db", restored_db, "restore", backup});
  EXPECT_EQ(twice.code, 1);
  EXPECT_NE(twice.err.find("already holds records"), std::string::npos);
  // ... which is about --db, and says how to pick another.
  EXPECT_EQ(twice.err.rfind("error: --db: the database " + restored_db, 0), 0u) << twice.err;
  EXPECT_NE(twice.err.find("(e.g. --db NEW_FILE)\n"), std::string::npos) << twice.err;
}

TEST_F(CliData, ImportSaysEachReasonOnceAndNamesPossibleDuplicates) {
  std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,,15 Mar 2024\n";
  for (int i = 0; i < 8; ++i) csv += ",,,,,,03 Feb 2022\n";
  csv += "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,,15 Mar 2024\n";
  const std::string file = Write("c.csv", csv);
  ASSERT_EQ(Run({"contact", "add", "Sam Lee"}).code, 0);
  const std::string google = Write("g.csv", "Name,Phone 1 - Type,Phone 1 - Value\n"
                                            "Sam Lee,Mobile,+1 206 555 0002\n");
  auto r = Run({"import", "linkedin", file});
  ASSERT_EQ(r.code, 0) << r.err;
  // One line for the eight date-only rows, the first five lines named.
  EXPECT_NE(r.out.find(file + ": skipped 8 rows: this row has only a connection date"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lines 3, 4, 5, 6, 7 and 3 more"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(file + ": 1 row repeats an earlier row of the file (line 11)"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(--lines lists every line)"), std::string::npos);
  auto all = Run({"import", "linkedin", file, "--dry-run", "--lines"});
  EXPECT_NE(all.out.find("lines 3, 4, 5, 6, 7, 8, 9, 10)"), std::string::npos) << all.out;
  auto dup = Run({"import", "google", google});
  ASSERT_EQ(dup.code, 0) << dup.err;
  EXPECT_NE(dup.out.find(google + ":2: added #3 Sam Lee, who may be #1 Sam Lee (same name, no "
                                  "organization); if they are one person: rapport merge 1 3"),
            std::string::npos) << dup.out;
  auto j = json::parse(Run({"import", "google", google, "--json", "--dry-run"}).out);
  EXPECT_EQ(j["unchanged"], 1);  // the second run: that row is the new Sam again
  EXPECT_EQ(j["possible_duplicates"].size(), 0u);
}

TEST_F(CliData, ImportReportsAndRefusesBadRowsByLine) {
  std::string csv = Write("c.csv",
                          "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                          "Ada,Lovelace,ada@example.org,Analytical Engines,Analyst,15 Mar 2024\n"
                          "Bob,Broken,bob@example.org,Acme,,1 Jan 20200\n");
  auto r = Run({"import", "linkedin", csv});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(csv + ":3: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(Run({"contact", "list", "--json"}).out).size(), 0u);
  auto dry = Run({"import", "linkedin", csv, "--keep-going", "--dry-run", "--json"});
  ASSERT_EQ(dry.code, 0) << dry.err;
  auto report = json::parse(dry.out);
  EXPECT_EQ(report["added"], 1);
  EXPECT_EQ(report["rejected"], 1);
  EXPECT_EQ(report["written"], false);
  EXPECT_EQ(json::parse(Run({"contact", "list", "--json"}).out).size(), 0u);
  auto kept = Run({"import", "linkedin", csv, "--keep-going"});
  EXPECT_EQ(kept.code, 0) << kept.err;
  EXPECT_NE(kept.out.find("ADDED"), std::string::npos);
  EXPECT_EQ(json::parse(Run({"contact", "list", "--json"}).out).size(), 1u);
  auto missing = Run({"import", "vcard", home_.File("nope.vcf")});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos);
}

TEST_F(CliData, RealExportsFromOtherProgramsImport) {
  const std::string fixtures = std::string(RAPPORT_SOURCE_DIR) + "/../shared/fixtures";
  if (!std::filesystem::exists(fixtures)) {
    GTEST_SKIP() << "../shared/fixtures is absent (it sits beside the checkout in CI)";
  }
  auto li = Run({"import", "linkedin", fixtures + "/linkedin/li_2025_notes_url_onerow_tombarr.csv",
                 "--json"});
  ASSERT_EQ(li.code, 0) << li.err;
  EXPECT_EQ(json::parse(li.out)["added"], 1);
  for (const char* f : {"ezvcard_John_Doe_ANDROID.vcf", "ezvcard_John_Doe_IPHONE.vcf",
                        "ezvcard_John_Doe_MAC_ADDRESS_BOOK.vcf", "ezvcard_gmail-list.vcf",
                        "ezvcard_rfc6350-example.vcf", "ezvcard_outlook-2003.vcf"}) {
    auto r = Run({"import", "vcard", fixtures + "/vcard/" + f, "--keep-going", "--json"});
    EXPECT_EQ(r.code, 0) << f << ": " << r.err;
  }
  auto broken = Run({"import", "vcard", fixtures + "/vcard/monica_broken_vcard_stub.vcard"});
  EXPECT_EQ(broken.code, 1);
  EXPECT_EQ(std::count(broken.err.begin(), broken.err.end(), '\n'), 1) << broken.err;
  auto google = Run({"import", "google", fixtures + "/google_csv/google_old_format_generated_mtrazzi.csv",
                     "--keep-going", "--json"});
  EXPECT_EQ(google.code, 0) << google.err;
}

}  // namespace
}  // namespace rapport
