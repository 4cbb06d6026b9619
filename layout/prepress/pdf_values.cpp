// pdf_values.cpp — text strings, the Info dictionary's text fields and SHA-256 through qpdf.
#include "prepress/pdf_values.hpp"

#include <qpdf/QPDFCryptoProvider.hh>

namespace broadside::prepress {

std::string text_of(QPDFObjectHandle h) {
  return h.isString() ? h.getUTF8Value() : std::string{};
}

void read_info_text(QPDFObjectHandle info, XmpFields& x) {
  x.title = text_of(info.getKey("/Title"));
  x.author = text_of(info.getKey("/Author"));
  x.subject = text_of(info.getKey("/Subject"));
  x.keywords = text_of(info.getKey("/Keywords"));
  x.creator_tool = text_of(info.getKey("/Creator"));
  x.producer = text_of(info.getKey("/Producer"));
}

std::string sha256_digest(const std::string& bytes) {
  auto hash = QPDFCryptoProvider::getImpl();
  hash->SHA2_init(256);
  hash->SHA2_update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  hash->SHA2_finalize();
  return hash->SHA2_digest();
}

}  // namespace broadside::prepress
