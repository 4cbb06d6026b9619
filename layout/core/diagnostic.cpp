// diagnostic.cpp — formatting of diagnostics as single lines.
#include "core/diagnostic.hpp"

#include <algorithm>

namespace broadside::core {

std::string escape_controls(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      // C1 controls (U+0080..U+009F): CSI (U+009B) starts a terminal escape just like ESC [.
      const auto c1 = static_cast<unsigned char>(text[++i]);
      out += "\\u00";
      out += kHex[c1 >> 4];
      out += kHex[c1 & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string SourceLocation::to_string() const {
  if (file.empty()) return {};
  std::string s = file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
  }
  return s;
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
    case Severity::error:
      break;
  }
  return "error";
}

std::string Diagnostic::to_string() const {
  // Messages quote user text (names, values, paths): its control characters could move the
  // cursor, recolour the terminal or start a line that reads like another diagnostic.
  std::string s = escape_controls(where.to_string());
  if (!s.empty()) s += ": ";
  s += severity_name(severity);
  s += ": ";
  s += escape_controls(message);
  if (!hint.empty()) s += " (" + escape_controls(hint) + ")";
  return s;
}

void Diagnostics::error(SourceLocation where, std::string message, std::string hint) {
  items_.push_back({Severity::error, std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLocation where, std::string message, std::string hint) {
  items_.push_back({Severity::warning, std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string Diagnostics::to_string() const {
  std::string s;
  for (const auto& d : items_) s += d.to_string() + "\n";
  return s;
}

Failure::Failure(Diagnostics d) : diags_(std::move(d)), text_(diags_.to_string()) {
  if (!text_.empty() && text_.back() == '\n') text_.pop_back();
}

Failure::Failure(SourceLocation where, std::string message, std::string hint) {
  diags_.error(std::move(where), std::move(message), std::move(hint));
  text_ = diags_.all().front().to_string();
}

}  // namespace broadside::core
