// sha256.hpp — SHA-256 (FIPS 180-4) for the input fingerprints of incremental runs: stable
// across machines and versions, unlike std::hash, and with no library for one function.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace broadside::batch {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  /// Adds a length-prefixed field, so ("ab", "c") and ("a", "bc") differ.
  void field(std::string_view bytes);
  /// The digest as 64 lowercase hex digits; the object is spent afterwards.
  std::string hex();

 private:
  void block(const unsigned char* p);
  std::array<uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

/// SHA-256 of `bytes` as hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace broadside::batch
