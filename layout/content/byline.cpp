// byline.cpp — composing a byline from its parts, and splitting a plain statement's byline.
#include "content/byline.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "content/dates.hpp"

namespace broadside::content {

namespace {

// Between name and role: an en dash as the seed writes it, an em dash, or a spaced hyphen.
constexpr std::array<std::string_view, 3> kNameRoleSeparators = {" \u2013 ", " \u2014 ", " - "};

bool has_digit(std::string_view s) {
  return s.find_first_of("0123456789") != std::string_view::npos;
}

void set_if_missing(core::Variables& variables, const std::string& name, std::string text,
                    const core::SourceLocation& where) {
  if (has_value(variables, name) || text.empty()) return;
  variables.insert_or_assign(name, core::Value::scalar(std::move(text), where));
}

}  // namespace

bool has_value(const core::Variables& variables, const std::string& name) {
  const auto found = variables.find(name);
  return found != variables.end() && !found->second.text().empty();
}

void derive_signature(core::Variables& variables) {
  if (has_value(variables, "signature") || !has_value(variables, "author")) return;
  const core::Value& author = variables.at("author");
  std::string signature = author.text();
  if (has_value(variables, "role")) signature += " \u2014 " + variables.at("role").text();
  variables.insert_or_assign("signature", core::Value::scalar(std::move(signature), author.where));
}

void write_out_date(core::Variables& variables, std::string_view lang) {
  if (!has_value(variables, "date")) return;
  const core::Value& date = variables.at("date");
  const auto written = format_date(date.text(), lang, DateStyle::date);
  if (!written || !written->is_in_language) return;
  variables.insert_or_assign("date", core::Value::scalar(written->text, date.where));
}

void derive_byline(core::Variables& variables) {
  derive_signature(variables);
  if (has_value(variables, "byline") || !has_value(variables, "author")) return;
  const core::Value& author = variables.at("author");
  std::string byline = author.text();
  if (has_value(variables, "role")) byline += " \u2013 " + variables.at("role").text();
  if (has_value(variables, "date")) byline += "\n" + variables.at("date").text();
  variables.insert_or_assign("byline", core::Value::scalar(std::move(byline), author.where));
}

void split_byline(core::Variables& variables) {
  if (!has_value(variables, "byline")) return;
  const core::Value& byline = variables.at("byline");
  const std::string text = byline.text();
  const size_t newline = text.find('\n');
  const std::string_view first(text.data(), std::min(newline, text.size()));
  const std::string_view second = newline == std::string::npos
                                      ? std::string_view()
                                      : std::string_view(text).substr(newline + 1);
  if (second.find('\n') != std::string_view::npos) return;  // three lines: no known shape
  for (std::string_view separator : kNameRoleSeparators) {
    const size_t at = first.find(separator);
    if (at == std::string_view::npos) continue;
    const core::SourceLocation where = byline.where;
    set_if_missing(variables, "author", std::string(first.substr(0, at)), where);
    set_if_missing(variables, "role", std::string(first.substr(at + separator.size())), where);
    if (has_digit(second)) set_if_missing(variables, "date", std::string(second), where);
    derive_signature(variables);
    return;
  }
}

}  // namespace broadside::content
