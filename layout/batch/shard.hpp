// shard.hpp — `--shard K/N`: a fixed, disjoint part of a batch, so several machines (or
// processes) can share one manifest without talking to each other.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace broadside::batch {

/// Shard K of N (1-based) holds the jobs whose index modulo N is K-1: every job is in exactly
/// one shard, shards differ in size by at most one job, and a job's shard depends only on its
/// place in the manifest's expansion, so every machine computes the same partition.
struct Shard {
  int index = 1;
  int count = 1;
  bool contains(size_t job_index) const {
    return job_index % static_cast<size_t>(count) == static_cast<size_t>(index - 1);
  }
  std::string to_string() const { return std::to_string(index) + "/" + std::to_string(count); }
};

/// "2/4" -> shard 2 of 4; nullopt (with `error` set) unless 1 <= K <= N.
std::optional<Shard> parse_shard(std::string_view text, std::string& error);

}  // namespace broadside::batch
