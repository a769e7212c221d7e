#include "support/postgres.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <sstream>

namespace rapport::testing {

namespace {

std::string ReadFirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The cluster's URL: CTest's, or one this process starts (and stops at exit).
const std::string& ClusterUrl() {
  static const std::string url = [] {
    if (const char* file = std::getenv("RAPPORT_TEST_PG_FILE"); file && *file) {
      std::string u = ReadFirstLine(file);
      if (u.empty()) {
        std::cerr << "no PostgreSQL test cluster: " << file
                  << " is empty (the pg_cluster_start test failed?)\n";
        std::abort();
      }
      return u;
    }
    static std::string own = "/tmp/rapport-pg-" + std::to_string(getpid()) + ".url";
    const std::string script = std::string(RAPPORT_SOURCE_DIR) + "/tests/support/pg-cluster";
    if (std::system((script + " start " + own).c_str()) != 0) {
      std::cerr << "cannot start a PostgreSQL test cluster with " << script << "\n";
      std::abort();
    }
    std::atexit([] { (void)std::system((std::string(RAPPORT_SOURCE_DIR) +
                                        "/tests/support/pg-cluster stop " + own)
                                           .c_str()); });
    return ReadFirstLine(own);
  }();
  return url;
}

}  // namespace

std::string FreshPostgresUrl() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  const std::string schema = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++) +
                             "_" + std::to_string(rd() % 1000000);
  const std::string& base = ClusterUrl();
  PGconn* conn = PQconnectdb(base.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::cerr << "cannot reach the PostgreSQL test cluster: " << PQerrorMessage(conn);
    std::abort();
  }
  PGresult* r = PQexec(conn, ("CREATE SCHEMA " + schema).c_str());
  if (PQresultStatus(r) != PGRES_COMMAND_OK) {
    std::cerr << "cannot create a test schema: " << PQerrorMessage(conn);
    std::abort();
  }
  PQclear(r);
  PQfinish(conn);
  return base + "&options=-csearch_path%3D" + schema;
}

Result<std::unique_ptr<Database>> OpenTestDatabase(Engine engine, const std::string& sqlite_path,
                                                   std::string* location) {
  const std::string where = engine == Engine::kPostgres ? FreshPostgresUrl() : sqlite_path;
  if (location) *location = where;
  return OpenDatabase(where);
}

Result<std::unique_ptr<Database>> OpenTestDatabase(Engine engine, const TempDir& dir,
                                                   std::string* location) {
  return OpenTestDatabase(engine, dir.File("rapport.db"), location);
}

std::string EngineName(Engine engine) {
  return engine == Engine::kPostgres ? "postgresql" : "sqlite";
}

}  // namespace rapport::testing
