// request.cpp — JSON (nlohmann) to a render request, every field checked, nothing trusted.
#include "serve/request.hpp"

#include <nlohmann/json.hpp>

namespace broadside::serve {

namespace {

using nlohmann::json;

constexpr size_t kMaxNameBytes = 100;

/// The deepest nesting of `body`'s arrays and objects outside strings: checked before parsing,
/// so a body of ten thousand '[' is refused without building anything.
int nesting_depth(std::string_view body) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

bool is_variable_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'))
      return false;
  return true;
}

DecodedRequest refuse(int status, std::string field, std::string message) {
  DecodedRequest d;
  d.status = status;
  d.problems.push_back({std::move(field), std::move(message), ""});
  return d;
}

/// `values`: names to strings (or lists of strings); false with problems added when refused.
bool read_values(const json& values, const RequestLimits& limits, batch::PreviewRequest& out,
                 DecodedRequest& d) {
  if (!values.is_object()) {
    d.problems.push_back({"values", "values must be an object of names and texts", ""});
    d.status = 400;
    return false;
  }
  if (values.size() > limits.values) {
    d.problems.push_back(
        {"values", "at most " + std::to_string(limits.values) + " values per request", ""});
    d.status = 422;
    return false;
  }
  bool ok = true;
  for (const auto& [name, value] : values.items()) {
    if (!is_plain_name(name)) {
      d.problems.push_back(
          {"values",
           "'" + name.substr(0, kMaxNameBytes) +
               "' is not a variable name (letters, digits, . - _, not starting with .)",
           ""});
      ok = false;
      continue;
    }
    // A text, or a list of texts (demands); nothing else is a value.
    const bool is_list = value.is_array();
    bool is_text = value.is_string() || (is_list && value.size() <= limits.list_items);
    std::vector<std::string> items;
    if (value.is_string()) items.push_back(value.get<std::string>());
    if (is_list && is_text)
      for (const auto& item : value) {
        is_text = is_text && item.is_string();
        if (item.is_string()) items.push_back(item.get<std::string>());
      }
    if (!is_text) {
      d.problems.push_back(
          {name,
           "a value is a text or a list of at most " + std::to_string(limits.list_items) + " texts",
           ""});
      ok = false;
      continue;
    }
    size_t bytes = 0;
    for (const auto& i : items) bytes += i.size();
    if (bytes > limits.value_bytes) {
      d.problems.push_back(
          {name, "too long: at most " + std::to_string(limits.value_bytes) + " bytes per value",
           ""});
      ok = false;
      continue;
    }
    const auto where = batch::value_location(name);
    out.values[name] =
        is_list ? core::Value::list(std::move(items), where) : core::Value::scalar(items[0], where);
  }
  if (!ok) d.status = 422;
  return ok;
}

/// The optional fields: format, page, dpi, print.
bool read_options(const json& j, const RequestLimits& limits, batch::PreviewRequest& out,
                  DecodedRequest& d) {
  auto bad = [&](const char* field, std::string message) {
    d.problems.push_back({field, std::move(message), ""});
    return false;
  };
  if (auto it = j.find("format"); it != j.end()) {
    const std::string f = it->is_string() ? it->get<std::string>() : "";
    if (f == "png")
      out.format = batch::Format::png;
    else if (f == "pdf")
      out.format = batch::Format::pdf;
    else if (f == "svg")
      out.format = batch::Format::svg;
    else
      return bad("format", "format is one of png, pdf, svg");
  }
  if (auto it = j.find("page"); it != j.end()) {
    if (!it->is_number_integer() || *it < 1 || *it > 10000)
      return bad("page", "page is a page number from 1");
    out.page = it->get<int>();
  }
  if (auto it = j.find("dpi"); it != j.end()) {
    if (!it->is_number_integer() || *it < limits.min_dpi || *it > limits.max_dpi)
      return bad("dpi", "dpi is a whole number from " + std::to_string(limits.min_dpi) + " to " +
                            std::to_string(limits.max_dpi));
    out.dpi = it->get<int>();
  }
  if (auto it = j.find("print"); it != j.end()) {
    const std::string p = it->is_string() ? it->get<std::string>() : "";
    if (p == "pdfx4") {
      out.print.pdfx = "4";
      out.print.marks = "all";
    } else if (p != "none" && p != "") {
      return bad("print", "print is \"pdfx4\" (CMYK PDF/X-4 with printer's marks) or \"none\"");
    }
  }
  return true;
}

}  // namespace

bool is_plain_name(std::string_view name) {
  return !name.empty() && name.front() != '.' && name.size() <= kMaxNameBytes &&
         is_variable_name(name);
}

DecodedRequest decode_render_request(std::string_view body, const RequestLimits& limits) {
  if (nesting_depth(body) > limits.depth) return refuse(400, "", "the request is nested too deep");
  const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return refuse(400, "", "the request is not JSON");
  if (!j.is_object()) return refuse(400, "", "the request is a JSON object");
  DecodedRequest d;
  batch::PreviewRequest out;
  for (const char* field : {"design", "statement"}) {
    auto it = j.find(field);
    if (it == j.end() || !it->is_string())
      return refuse(400, field,
                    std::string(field) + " is required: a name from /api/" + field + "s");
    (std::string(field) == "design" ? out.design : out.statement) = it->get<std::string>();
  }
  if (!read_options(j, limits, out, d)) return d;
  if (auto it = j.find("values"); it != j.end() && !read_values(*it, limits, out, d)) return d;
  d.status = 200;
  d.request = std::move(out);
  return d;
}

DecodedRows decode_rows_request(std::string_view body, const RequestLimits& limits) {
  DecodedRows out;
  DecodedRequest base = decode_render_request(body, limits);
  out.status = base.status;
  out.problems = std::move(base.problems);
  if (!base.request) return out;
  const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  const auto table = j.find("table");
  if (table == j.end() || !table->is_string() || table->get_ref<const std::string&>().empty()) {
    out.status = 400;
    out.problems.push_back({"table", "table is required: the CSV file's text", ""});
    return out;
  }
  if (table->get_ref<const std::string&>().size() > kMaxTableBytes) {
    out.status = 413;
    out.problems.push_back({"table",
                            "the table is larger than " + std::to_string(kMaxTableBytes / 1024) +
                                " KiB; broadside batch --data takes any size",
                            ""});
    return out;
  }
  batch::RowsRequest r;
  r.base = std::move(*base.request);
  r.table = table->get<std::string>();
  if (auto name = j.find("table_name");
      name != j.end() && name->is_string() && is_plain_name(name->get_ref<const std::string&>()))
    r.table_name = name->get<std::string>();
  out.status = 200;
  out.request = std::move(r);
  return out;
}

}  // namespace broadside::serve
