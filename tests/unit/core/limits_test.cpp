// limits_test.cpp — names, defaults, overrides and messages of the limits.
#include <doctest/doctest.h>

#include "core/limits.hpp"

using namespace broadside::core;

TEST_CASE("every limit has a name, a default and a message naming it") {
  CHECK(limit_table().size() == 11);
  for (const auto& info : limit_table()) {
    INFO(info.name);
    CHECK(info.default_value > 0);
    CHECK(limit_name(info.id) == info.name);
    CHECK(over_limit(info.id).find(std::string(info.name) + " limit of ") != std::string::npos);
    CHECK(limit_hint(info.id).find(std::string("--limit ") + info.name + "=N") !=
          std::string::npos);
  }
  CHECK(limit_hint(Limit::job_seconds) ==
        "raise it with --limit job-seconds=N or BROADSIDE_LIMIT_JOB_SECONDS=N");
}

TEST_CASE("set_limit takes NAME=N with K, M and G suffixes, and says what is wrong") {
  const auto before = limit(Limit::file_bytes);
  CHECK(set_limit("file-bytes=2M").empty());
  CHECK(limit(Limit::file_bytes) == 2 * 1024 * 1024);
  CHECK(set_limit("file-bytes=0").find("expected a whole number above 0") != std::string::npos);
  CHECK(set_limit("file-bytes=-3").find("expected a whole number above 0") != std::string::npos);
  CHECK(set_limit("file-bytes=99999999999G").find("expected a whole") != std::string::npos);
  CHECK(set_limit("file-bytes").find("expected NAME=N") != std::string::npos);
  CHECK(set_limit("filebytes=3").find("unknown limit 'filebytes'") != std::string::npos);
  CHECK(limit(Limit::file_bytes) == 2 * 1024 * 1024);  // a bad value changes nothing
  CHECK(set_limit("file-bytes=" + std::to_string(before)).empty());
}
