// impose_file.cpp — reading imposition settings, and prepress::impose_pdf on a file.
#include "batch/impose_file.hpp"

#include <cstdlib>
#include <sstream>

#include "core/atomic_file.hpp"

namespace broadside::batch {

std::optional<core::Pt> parse_length(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  const std::string unit = end ? end : "";
  if (end == text.c_str() || v < 0) return std::nullopt;
  if (unit == "mm") return core::from_mm(v);
  if (unit == "cm") return core::from_mm(v * 10);
  if (unit == "in") return core::from_in(v);
  if (unit == "pt") return core::Pt{v};
  return std::nullopt;
}

std::optional<ImposeSettings> parse_impose_spec(const std::string& spec) {
  std::stringstream in(spec);
  std::vector<std::string> parts;
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  if (parts.size() < 2) return std::nullopt;
  ImposeSettings s;
  s.sheet = parts[0];
  s.layout = parts[1];
  for (size_t i = 2; i < parts.size(); ++i) {
    if (parts[i] == "duplex")
      s.duplex = true;
    else if (parts[i] == "tumble")
      s.tumble = true;
    else if (parts[i] == "cut-stack")
      s.cut_stack = true;
    else if (parts[i] == "marks")
      s.marks = true;
    else if (parts[i] == "booklet")
      s.booklet = true;
    else
      return std::nullopt;
  }
  return s;
}

std::optional<prepress::ImposeOptions> impose_options(const ImposeSettings& settings,
                                                      std::string& error) {
  const auto sheet = prepress::sheet_size(settings.sheet);
  if (!sheet) {
    error = "--sheet '" + settings.sheet +
            "': use A0-A7, SRA3, SRA4, letter, legal, tabloid or a size like '320mm x 450mm'";
    return std::nullopt;
  }
  const auto grid = prepress::grid_layout(settings.layout);
  if (!grid) {
    error = "--layout '" + settings.layout + "': expected columns x rows, e.g. 2x1 (1 to 16 each)";
    return std::nullopt;
  }
  prepress::ImposeOptions o;
  o.sheet = *sheet;
  std::tie(o.columns, o.rows) = *grid;
  o.duplex = settings.duplex;
  o.tumble = settings.tumble;
  o.cut_stack = settings.cut_stack;
  o.marks = settings.marks;
  o.keep_orientation = settings.keep_orientation;
  if (!settings.gutter.empty()) {
    o.gutter = parse_length(settings.gutter);
    if (!o.gutter) {
      error = "--gutter '" + settings.gutter + "': expected a length like 6mm";
      return std::nullopt;
    }
  }
  o.booklet = settings.booklet;
  if (!settings.creep.empty()) {
    const auto creep = parse_length(settings.creep);
    if (!creep || !settings.booklet || *creep > core::from_mm(2)) {
      error = !settings.booklet ? "--creep is for a booklet; add --booklet"
                                : "--creep '" + settings.creep +
                                      "': expected the paper's thickness, like 0.1mm (at most 2mm)";
      return std::nullopt;
    }
    o.creep = *creep;
  }
  if (settings.booklet && (settings.duplex || settings.cut_stack || settings.layout != "2x1")) {
    error =
        "--booklet is two pages a side, printed both sides and folded: leave out --layout, "
        "--duplex and --cut-stack";
    return std::nullopt;
  }
  if (settings.tumble && !settings.duplex) {
    error = "--tumble says how a duplex sheet turns; add --duplex";
    return std::nullopt;
  }
  return o;
}

std::optional<ImposedFile> impose_file(const std::filesystem::path& input,
                                       const std::filesystem::path& output,
                                       const prepress::ImposeOptions& imposition,
                                       const core::Options& options, core::Diagnostics& diags) {
  const auto pdf = core::read_file(input, options.limits, diags);
  if (!pdf) return std::nullopt;
  auto imposed = prepress::impose_pdf(*pdf, imposition, diags, input.string());
  if (!imposed || !core::write_file_atomically(output, imposed->bytes, diags)) return std::nullopt;
  return ImposedFile{imposed->sheets, std::move(imposed->warnings)};
}

}  // namespace broadside::batch
