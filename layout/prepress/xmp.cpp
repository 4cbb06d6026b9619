// xmp.cpp — the XMP packet, PDF date parsing, and content-derived UUIDs.
#include "prepress/xmp.hpp"

#include <qpdf/QPDFCryptoImpl.hh>
#include <qpdf/QPDFCryptoProvider.hh>

#include <cctype>
#include <cstdio>

namespace broadside::prepress {

namespace {

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string alt(const std::string& tag, const std::string& value) {
  return "   <" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(value) +
         "</rdf:li></rdf:Alt></" + tag + ">\n";
}

std::string simple(const std::string& tag, const std::string& value) {
  return "   <" + tag + ">" + escaped(value) + "</" + tag + ">\n";
}

}  // namespace

std::string xmp_packet(const XmpFields& f) {
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
      "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"";
  if (!f.pdfvt_version.empty()) x += "\n    xmlns:pdfvtid=\"http://www.npes.org/pdfvt/ns/id/\"";
  x += ">\n";
  x += simple("dc:format", "application/pdf");
  x += alt("dc:title", f.title);
  if (!f.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + escaped(f.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!f.subject.empty()) x += alt("dc:description", f.subject);
  x += simple("xmp:CreateDate", f.create_date);
  x += simple("xmp:ModifyDate", f.modify_date);
  x += simple("xmp:MetadataDate", f.modify_date);
  x += simple("xmp:CreatorTool", f.creator_tool);
  x += simple("pdf:Producer", f.producer);
  if (!f.keywords.empty()) x += simple("pdf:Keywords", f.keywords);
  x += simple("pdf:Trapped", "False");
  x += simple("xmpMM:DocumentID", f.document_id);
  x += simple("xmpMM:InstanceID", f.instance_id);
  x += simple("xmpMM:VersionID", "1");
  x += simple("xmpMM:RenditionClass", "default");
  x += simple("pdfxid:GTS_PDFXVersion", f.pdfx_version);
  if (!f.pdfvt_version.empty()) {
    x += simple("pdfvtid:GTS_PDFVTVersion", f.pdfvt_version);
    x += simple("pdfvtid:GTS_PDFVTModDate", f.modify_date);
  }
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

std::optional<PdfDate> parse_pdf_date(const std::string& text) {
  std::string s = text.rfind("D:", 0) == 0 ? text.substr(2) : text;
  if (s.size() < 14) return std::nullopt;
  for (size_t i = 0; i < 14; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  std::string sign = "+", hh = "00", mm = "00";
  const std::string zone = s.substr(14);
  if (!zone.empty() && zone != "Z") {
    // +HH'mm' or -HH'mm' (the apostrophes are optional in the wild).
    std::string digits;
    for (char c : zone.substr(1))
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    if ((zone[0] != '+' && zone[0] != '-') || (digits.size() != 2 && digits.size() != 4))
      return std::nullopt;
    sign = zone.substr(0, 1);
    hh = digits.substr(0, 2);
    if (digits.size() == 4) mm = digits.substr(2, 2);
  }
  PdfDate d;
  d.pdf = "D:" + s.substr(0, 14) + sign + hh + "'" + mm + "'";
  d.xmp = s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2) + "T" + s.substr(8, 2) +
          ":" + s.substr(10, 2) + ":" + s.substr(12, 2) + sign + hh + ":" + mm;
  return d;
}

std::string uuid_from(const std::string& seed) {
  auto md5 = QPDFCryptoProvider::getImpl();
  md5->MD5_init();
  md5->MD5_update(reinterpret_cast<const unsigned char*>(seed.data()), seed.size());
  md5->MD5_finalize();
  QPDFCryptoImpl::MD5_Digest d;
  md5->MD5_digest(d);
  d[6] = static_cast<unsigned char>((d[6] & 0x0F) | 0x30);  // version 3: name-based, MD5
  d[8] = static_cast<unsigned char>((d[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char out[64];
  std::snprintf(out, sizeof out,
                "uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", d[0],
                d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13],
                d[14], d[15]);
  return out;
}

}  // namespace broadside::prepress
