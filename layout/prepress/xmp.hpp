// xmp.hpp — the XMP metadata packet PDF/X asks for, written from the Info dictionary's values
// so the two always agree.
#pragma once

#include <optional>
#include <string>

namespace broadside::prepress {

struct XmpFields {
  std::string title, author, subject, keywords, creator_tool, producer;
  /// ISO 8601 with offset ("2020-02-17T00:00:00+00:00"); also the metadata date.
  std::string create_date, modify_date;
  /// "uuid:..." identifiers.
  std::string document_id, instance_id;
  /// "PDF/X-4", "PDF/X-1a:2003".
  std::string pdfx_version;
  /// "PDF/VT-1" for a variable-data file (ISO 16612-2), "" for none; its date is modify_date.
  std::string pdfvt_version;
};

/// The packet, UTF-8, with every value XML-escaped.
std::string xmp_packet(const XmpFields& fields);

/// A date as the Info dictionary holds it ("D:20200217000000Z", "20200217000000+01'00'", or
/// the cairo form without "D:") parsed into its PDF form with an explicit offset
/// ("D:20200217000000+00'00'") and its XMP form ("2020-02-17T00:00:00+00:00").
struct PdfDate {
  std::string pdf, xmp;
};
std::optional<PdfDate> parse_pdf_date(const std::string& text);

/// "uuid:xxxxxxxx-xxxx-3xxx-yxxx-xxxxxxxxxxxx" from an MD5 of `seed`: the same input gives the
/// same identifier, so output stays byte-identical.
std::string uuid_from(const std::string& seed);

}  // namespace broadside::prepress
