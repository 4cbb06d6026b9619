// shard.cpp — parsing "K/N".
#include "batch/shard.hpp"

#include <charconv>

namespace broadside::batch {

std::optional<Shard> parse_shard(std::string_view text, std::string& error) {
  const size_t slash = text.find('/');
  Shard s;
  const auto number = [](std::string_view part, int& out) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc{} && end == part.data() + part.size();
  };
  if (slash == std::string_view::npos || !number(text.substr(0, slash), s.index) ||
      !number(text.substr(slash + 1), s.count)) {
    error = "--shard '" + std::string(text) + "': expected K/N, e.g. 2/4";
    return std::nullopt;
  }
  if (s.count < 1 || s.index < 1 || s.index > s.count) {
    error = "--shard '" + std::string(text) + "': K must be between 1 and N";
    return std::nullopt;
  }
  return s;
}

}  // namespace broadside::batch
