// sha256.cpp — SHA-256 over glib's GChecksum.
#include "batch/sha256.hpp"

namespace broadside::batch {

Sha256::Sha256() : checksum_(g_checksum_new(G_CHECKSUM_SHA256)) {}

void Sha256::update(std::string_view bytes) {
  g_checksum_update(checksum_.get(), reinterpret_cast<const guchar*>(bytes.data()),
                    static_cast<gssize>(bytes.size()));
}

void Sha256::field(std::string_view bytes) {
  update(std::to_string(bytes.size()) + ":");
  update(bytes);
}

std::string Sha256::hex() {
  return g_checksum_get_string(checksum_.get());
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex();
}

}  // namespace broadside::batch
