// template.cpp — parsing "{name}" templates into literal and variable pieces.
#include "design/template.hpp"

#include <cctype>

namespace broadside::design {

namespace {

bool is_name_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_' || c == '-' || c == '.';
}

constexpr const char* kNameHint = "names use letters, digits, '_', '-' and '.'";

class TemplateParser {
 public:
  TemplateParser(std::string_view text, std::vector<TemplateError>& errors)
      : text_(text), errors_(errors) {}

  Template run() {
    size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      const bool doubled = i + 1 < text_.size() && text_[i + 1] == c;
      if ((c == '{' || c == '}') && doubled) {
        literal_ += c;
        i += 2;
      } else if (c == '{') {
        i = variable(i);
      } else {
        if (c == '}') error(i, "unmatched '}'", "write '}}' for a literal brace");
        literal_ += c;
        ++i;
      }
    }
    flush();
    out_.source = std::string(text_);
    return std::move(out_);
  }

 private:
  // Reads "{name}" starting at `open`; returns where parsing continues.
  size_t variable(size_t open) {
    size_t close = open + 1;
    while (close < text_.size() && text_[close] != '}' && text_[close] != '{' &&
           text_[close] != '\n')
      ++close;
    if (close >= text_.size() || text_[close] != '}') {
      error(open, "unclosed '{'", "close it with '}', or write '{{' for a literal brace");
      literal_ += '{';
      return open + 1;
    }
    const std::string_view name = text_.substr(open + 1, close - open - 1);
    if (name.empty()) {
      error(open, "empty variable '{}'", "write '{{}}' for literal braces");
    } else if (!is_variable_name(name)) {
      error(open + 1, "bad variable name '" + std::string(name) + "'", kNameHint);
    } else {
      flush();
      out_.pieces.push_back({true, std::string(name), open + 1});
    }
    return close + 1;
  }

  void flush() {
    if (literal_.empty()) return;
    out_.pieces.push_back({false, std::move(literal_)});
    literal_.clear();
  }

  void error(size_t offset, std::string message, std::string hint) {
    errors_.push_back({offset, std::move(message), std::move(hint)});
  }

  std::string_view text_;
  std::vector<TemplateError>& errors_;
  Template out_;
  std::string literal_;
};

}  // namespace

bool is_variable_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  if (name.find("..") != std::string_view::npos) return false;
  for (char c : name)
    if (!is_name_byte(c)) return false;
  return true;
}

Template parse_template(std::string_view text, std::vector<TemplateError>& errors) {
  return TemplateParser(text, errors).run();
}

std::string Template::sole_variable() const {
  if (pieces.size() == 1 && pieces.front().is_variable) return pieces.front().text;
  return {};
}

}  // namespace broadside::design
