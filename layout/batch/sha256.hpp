// sha256.hpp — SHA-256 for the input fingerprints of incremental runs: stable across machines
// and versions, unlike std::hash. glib's GChecksum does the hashing.
#pragma once

#include <glib.h>

#include <string>
#include <string_view>

#include "core/handle.hpp"

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
  core::Handle<GChecksum, g_checksum_free> checksum_;
};

/// SHA-256 of `bytes` as hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace broadside::batch
