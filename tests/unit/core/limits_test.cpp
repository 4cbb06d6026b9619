// limits_test.cpp — names, defaults, overrides and messages of the limits.
#include <doctest/doctest.h>

#include <cstdlib>

#include "core/limits.hpp"

using namespace broadside::core;

TEST_CASE("every limit has a name, a default and a message naming it") {
  CHECK(limit_table().size() == 14);
  const Limits limits;
  for (const auto& info : limit_table()) {
    INFO(info.name);
    CHECK(info.default_value > 0);
    CHECK(limits[info.id] == info.default_value);
    CHECK(limit_name(info.id) == info.name);
    CHECK(limits.over(info.id).find(std::string(info.name) + " limit of ") != std::string::npos);
    CHECK(limit_hint(info.id).find(std::string("--limit ") + info.name + "=N") !=
          std::string::npos);
  }
  CHECK(limit_hint(Limit::job_seconds) ==
        "raise it with --limit job-seconds=N or BROADSIDE_LIMIT_JOB_SECONDS=N");
}

TEST_CASE("set takes NAME=N with K, M and G suffixes, and says what is wrong") {
  Limits limits;
  CHECK(limits.set("file-bytes=2M").empty());
  CHECK(limits[Limit::file_bytes] == 2 * 1024 * 1024);
  CHECK(limits.over(Limit::file_bytes) == "over the file-bytes limit of 2097152 bytes");
  CHECK(limits.set("file-bytes=0").find("expected a whole number above 0") != std::string::npos);
  CHECK(limits.set("file-bytes=-3").find("expected a whole number above 0") != std::string::npos);
  CHECK(limits.set("file-bytes=99999999999G").find("expected a whole") != std::string::npos);
  CHECK(limits.set("file-bytes").find("expected NAME=N") != std::string::npos);
  CHECK(limits.set("filebytes=3").find("unknown limit 'filebytes'") != std::string::npos);
  CHECK(limits[Limit::file_bytes] == 2 * 1024 * 1024);  // a bad value changes nothing
  // A value, not a setting of the process: another Limits keeps its defaults.
  CHECK(Limits()[Limit::file_bytes] == 64 * 1024 * 1024);
}

TEST_CASE("the environment is read only when asked, and a bad value is named") {
  ::setenv("BROADSIDE_LIMIT_PAGES", "12", 1);
  ::setenv("BROADSIDE_LIMIT_FRAMES", "many", 1);
  CHECK(Limits()[Limit::pages] == 1000);
  Limits limits;
  const auto errors = limits.set_from_environment();
  ::unsetenv("BROADSIDE_LIMIT_PAGES");
  ::unsetenv("BROADSIDE_LIMIT_FRAMES");
  CHECK(limits[Limit::pages] == 12);
  CHECK(limits[Limit::frames] == 2000);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "BROADSIDE_LIMIT_FRAMES='many': expected a whole number above 0");
}
