// shard_test.cpp — shards are disjoint, complete, balanced and parsed strictly.
#include <doctest/doctest.h>

#include <vector>

#include "batch/shard.hpp"

using namespace broadside::batch;

TEST_CASE("shard: every job is in exactly one shard, and shards are balanced") {
  for (int n = 1; n <= 7; ++n)
    for (size_t jobs : {0u, 1u, 5u, 12u, 1000u}) {
      std::vector<int> owners(jobs, 0);
      std::vector<size_t> sizes(static_cast<size_t>(n), 0);
      for (int k = 1; k <= n; ++k)
        for (size_t i = 0; i < jobs; ++i)
          if ((Shard{k, n}).contains(i)) {
            ++owners[i];
            ++sizes[static_cast<size_t>(k - 1)];
          }
      for (size_t i = 0; i < jobs; ++i) CHECK(owners[i] == 1);
      for (size_t s : sizes) CHECK(s * static_cast<size_t>(n) + n >= jobs);  // within one
    }
}

TEST_CASE("shard: the default is the whole run") {
  for (size_t i = 0; i < 50; ++i) CHECK(Shard{}.contains(i));
}

TEST_CASE("shard: K/N is parsed strictly") {
  std::string error;
  auto s = parse_shard("2/4", error);
  REQUIRE(s);
  CHECK(s->index == 2);
  CHECK(s->count == 4);
  CHECK(s->to_string() == "2/4");
  for (const char* bad : {"", "2", "0/4", "5/4", "1/0", "a/b", "1/2/3", "-1/2", "2/4 "}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad, error));
    CHECK_FALSE(error.empty());
  }
}
