// output_names.cpp — sanitising values for file names and expanding output patterns.
#include "batch/output_names.hpp"

#include <vector>

#include "design/template.hpp"

namespace broadside::batch {

namespace {

/// Length of the valid UTF-8 sequence starting at `s[i]`, or 0 when it is not valid.
size_t utf8_sequence(std::string_view s, size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const size_t n = lead < 0x80           ? 1
                   : (lead >> 5) == 0x6  ? 2
                   : (lead >> 4) == 0xE  ? 3
                   : (lead >> 3) == 0x1E ? 4
                                         : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  if (n == 2 && lead < 0xC2) return 0;  // overlong
  return n;
}

bool is_forbidden(char c) {
  return c == '/' || c == '\\' || c == '<' || c == '>' || c == ':' || c == '"' || c == '|' ||
         c == '?' || c == '*';
}

/// Cuts at a character boundary.
void cut(std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
}

void trim_dots_and_spaces(std::string& s) {
  const size_t first = s.find_first_not_of(". ");
  if (first == std::string::npos) {
    s.clear();
    return;
  }
  s.erase(0, first);
  s.erase(s.find_last_not_of(". ") + 1);
}

}  // namespace

std::string sanitize_name_part(std::string_view value) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < value.size();) {
    const size_t n = utf8_sequence(value, i);
    if (n == 0) {  // invalid UTF-8: dropped, the name must be valid text
      ++i;
      continue;
    }
    const char c = value[i];
    const bool is_control = n == 1 && (static_cast<unsigned char>(c) < 0x20 || c == 0x7F);
    if (c == ' ' || is_control) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += is_forbidden(c) ? std::string("-") : std::string(value.substr(i, n));
    }
    i += n;
  }
  trim_dots_and_spaces(out);
  cut(out, kMaxNamePartBytes);
  trim_dots_and_spaces(out);  // the cut may have left a trailing dot or space
  return out.empty() ? "_" : out;
}

ExpandedName expand_output_pattern(std::string_view pattern, const NameLookup& lookup) {
  ExpandedName out;
  std::vector<design::TemplateError> errors;
  const design::Template tmpl = design::parse_template(pattern, errors);
  if (!errors.empty()) {
    out.error = "output pattern '" + std::string(pattern) + "': " + errors.front().message;
    return out;
  }
  std::string name;
  for (const auto& piece : tmpl.pieces) {
    if (!piece.is_variable) {
      name += piece.text;
      continue;
    }
    const core::Value* value = lookup(piece.text);
    if (!value) {
      out.error =
          "output pattern '" + std::string(pattern) + "': variable '" + piece.text + "' is not set";
      return out;
    }
    name += sanitize_name_part(value->text());
  }
  out.path = name;
  return out;
}

std::string check_confined_pattern(std::string_view pattern) {
  const std::filesystem::path p{std::string(pattern)};
  if (pattern.empty()) return "an output pattern is empty";
  if (p.is_absolute())
    return "output pattern '" + std::string(pattern) +
           "' is absolute; patterns are relative to the output folder (--out)";
  for (const auto& part : p)
    if (part == "..")
      return "output pattern '" + std::string(pattern) +
             "' climbs out of the output folder with '..'";
  return {};
}

std::filesystem::path page_path(const std::filesystem::path& path, size_t page, size_t pages) {
  if (pages == 1) return path;
  std::filesystem::path p = path;
  p.replace_filename(path.stem().string() + "-" + std::to_string(page + 1) +
                     path.extension().string());
  return p;
}

}  // namespace broadside::batch
