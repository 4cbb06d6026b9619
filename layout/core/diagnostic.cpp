// diagnostic.cpp — formatting of diagnostics as single lines.
#include "core/diagnostic.hpp"

#include <algorithm>

namespace broadside::core {

std::string SourceLocation::to_string() const {
  if (file.empty()) return {};
  std::string s = file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
  }
  return s;
}

std::string Diagnostic::to_string() const {
  std::string s = where.to_string();
  if (!s.empty()) s += ": ";
  switch (severity) {
    case Severity::error:
      s += "error: ";
      break;
    case Severity::warning:
      s += "warning: ";
      break;
    case Severity::note:
      s += "note: ";
      break;
  }
  s += message;
  if (!hint.empty()) s += " (" + hint + ")";
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
