// image_formats.cpp — PNG and JPEG headers (PNG spec §5.3, §11.2.2; JPEG ITU T.81 §B.1.1) and a
// tag-level SVG scan; bounds-checked throughout, since every byte comes from outside.
#include "render/image_formats.hpp"

#include <algorithm>
#include <cctype>

#include "core/ascii.hpp"

namespace broadside::render {

namespace {

constexpr std::string_view kPngSignature = "\x89PNG\r\n\x1a\n";
constexpr size_t kMaxReported = 5;

std::uint32_t big_endian(std::string_view b, size_t at, size_t bytes) {
  std::uint32_t v = 0;
  for (size_t i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

ImageHeader png_header(std::string_view b) {
  ImageHeader h{ImageKind::png};
  // Signature, then the first chunk: length, "IHDR", width, height.
  if (b.size() < 33 || b.substr(12, 4) != "IHDR") {
    h.problem = "a broken PNG: it has no header chunk";
    return h;
  }
  h.width = big_endian(b, 16, 4);
  h.height = big_endian(b, 20, 4);
  if (h.width == 0 || h.height == 0) h.problem = "a broken PNG: it says it has no pixels";
  if (h.problem.empty() && b.find("IEND", 33) == std::string_view::npos)
    h.problem = "a truncated PNG: its end is missing";
  return h;
}

bool is_start_of_frame(unsigned char m) {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

ImageHeader jpeg_header(std::string_view b) {
  ImageHeader h{ImageKind::jpeg};
  size_t at = 2;  // after SOI
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) break;
    const auto marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // no length
      at += 2;
      continue;
    }
    const size_t length = big_endian(b, at + 2, 2);
    if (length < 2 || at + 2 + length > b.size()) break;
    if (is_start_of_frame(marker) && length >= 7) {
      h.height = big_endian(b, at + 5, 2);
      h.width = big_endian(b, at + 7, 2);
    }
    if (marker == 0xDA) {  // start of scan: the pixels follow, then EOI
      if (h.width == 0 || h.height == 0) {
        h.problem = "a broken JPEG: it gives no size before its pixels";
      } else if (b.find("\xFF\xD9", at + 2 + length) == std::string_view::npos) {
        h.problem = "a truncated JPEG: its end-of-image marker is missing";
      }
      return h;
    }
    at += 2 + length;
  }
  h.problem = "a broken or truncated JPEG: its header ends before its pixels";
  return h;
}

/// Skips a UTF-8 byte order mark and white space.
std::string_view trim_start(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

bool is_svg(std::string_view b) {
  const std::string_view s = trim_start(b);
  if (s.empty() || s.front() != '<') return false;
  // The root element comes after an XML declaration, comments and a DOCTYPE.
  return s.substr(0, 4096).find("<svg") != std::string_view::npos;
}

bool is_local(std::string_view ref) {
  ref = trim_start(ref);
  while (!ref.empty() && (ref.front() == '\'' || ref.front() == '"')) ref.remove_prefix(1);
  if (ref.empty() || ref.front() == '#') return true;
  return core::ascii_lower(ref.substr(0, 5)) == "data:";
}

void report(SvgReferences& out, std::string_view ref) {
  if (out.external.size() < kMaxReported) out.external.emplace_back(ref.substr(0, 200));
}

/// `url(...)` and `@import` anywhere in the text: style sheets, style and fill attributes.
void scan_css(std::string_view s, SvgReferences& out) {
  for (size_t at = 0; (at = s.find("url(", at)) != std::string_view::npos; at += 4) {
    const size_t end = s.find(')', at);
    const std::string_view ref =
        s.substr(at + 4, end == std::string_view::npos ? 200 : end - at - 4);
    if (!is_local(ref)) report(out, ref);
  }
  if (s.find("@import") != std::string_view::npos) report(out, "@import");
}

/// The value of each attribute whose name ends in "href" in the tag starting at `s`, unless the
/// tag is a link (<a>), whose href is a destination, not something to load.
void scan_tag(std::string_view tag, SvgReferences& out) {
  size_t name_end = 1;
  while (name_end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[name_end])) &&
         tag[name_end] != '>' && tag[name_end] != '/')
    ++name_end;
  const std::string_view name = tag.substr(1, name_end - 1);
  const size_t colon = name.rfind(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (local == "text") out.has_text = true;
  if (local == "a") return;
  for (size_t at = 0; (at = tag.find("href", at)) != std::string_view::npos; at += 4) {
    size_t eq = at + 4;
    while (eq < tag.size() && std::isspace(static_cast<unsigned char>(tag[eq]))) ++eq;
    if (eq >= tag.size() || tag[eq] != '=') continue;
    size_t open = eq + 1;
    while (open < tag.size() && std::isspace(static_cast<unsigned char>(tag[open]))) ++open;
    if (open >= tag.size() || (tag[open] != '"' && tag[open] != '\'')) continue;
    const size_t close = tag.find(tag[open], open + 1);
    if (close == std::string_view::npos) continue;
    const std::string_view ref = tag.substr(open + 1, close - open - 1);
    if (!is_local(ref)) report(out, ref);
  }
}

}  // namespace

ImageHeader read_image_header(std::string_view bytes) {
  if (bytes.substr(0, kPngSignature.size()) == kPngSignature) return png_header(bytes);
  if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return jpeg_header(bytes);
  if (is_svg(bytes)) return ImageHeader{ImageKind::svg};
  ImageHeader h{ImageKind::png};
  h.problem = bytes.substr(0, 2) == "\x1F\x8B"
                  ? "a compressed file (.svgz?); save the SVG uncompressed"
                  : "not a PNG, JPEG or SVG file";
  return h;
}

SvgReferences scan_svg(std::string_view svg) {
  SvgReferences out;
  scan_css(svg, out);
  for (size_t at = 0; (at = svg.find('<', at)) != std::string_view::npos; ++at) {
    if (at + 1 >= svg.size() || svg[at + 1] == '!' || svg[at + 1] == '?' || svg[at + 1] == '/')
      continue;
    // The tag runs to the first '>' outside quotes.
    size_t end = at + 1;
    char quote = 0;
    for (; end < svg.size(); ++end) {
      const char c = svg[end];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    scan_tag(svg.substr(at, end - at), out);
    at = std::min(end, svg.size() - 1);
  }
  return out;
}

}  // namespace broadside::render
