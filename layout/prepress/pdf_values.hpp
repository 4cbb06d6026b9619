// pdf_values.hpp — small readings of qpdf objects that the PDF/X and variable-data writers share:
// a text string, the Info dictionary's text fields as XMP takes them, a content digest.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <string>

#include "prepress/xmp.hpp"

namespace broadside::prepress {

/// The text of a PDF string as UTF-8; "" for anything else (absent, a name, a number).
std::string text_of(QPDFObjectHandle h);

/// Title, author, subject, keywords, creator tool and producer of `x` from the Info dictionary.
void read_info_text(QPDFObjectHandle info, XmpFields& x);

/// SHA-256 of `bytes` (qpdf's crypto provider), as raw digest bytes.
std::string sha256_digest(const std::string& bytes);

}  // namespace broadside::prepress
