// print_commands.cpp — impose (prepress::impose_pdf on a file) and preflight (the file's own
// checks, plus the design's when it is given), each printing what happened.
#include "cli/print_commands.hpp"

#include <cstdio>
#include <iostream>
#include <sstream>

#include "batch/job.hpp"
#include "batch/paths.hpp"
#include "cli/commands.hpp"
#include "core/atomic_file.hpp"
#include "preflight/preflight.hpp"
#include "preflight/proof.hpp"
#include "prepress/impose.hpp"
#include "prepress/pdf_inspect.hpp"

namespace broadside::cli {

namespace fs = std::filesystem;

namespace {

void print(const core::Diagnostics& diags) {
  for (const auto& d : diags.all()) std::cerr << d.to_string() << "\n";
}

/// "6mm", "0.25in", "12pt", "1cm"; nullopt when malformed.
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

/// The imposition options of `args`; false (with a message) on a bad value.
bool impose_options(const ImposeArgs& args, prepress::ImposeOptions& o) {
  const auto sheet = prepress::sheet_size(args.sheet);
  if (!sheet) {
    std::cerr << "broadside: --sheet '" << args.sheet
              << "': use A0-A7, SRA3, SRA4, letter, legal, tabloid or a size like "
                 "'320mm x 450mm'\n";
    return false;
  }
  const auto grid = prepress::grid_layout(args.layout);
  if (!grid) {
    std::cerr << "broadside: --layout '" << args.layout
              << "': expected columns x rows, e.g. 2x1 (1 to 16 each)\n";
    return false;
  }
  o.sheet = *sheet;
  std::tie(o.columns, o.rows) = *grid;
  o.duplex = args.duplex;
  o.tumble = args.tumble;
  o.cut_stack = args.cut_stack;
  o.marks = args.marks;
  o.keep_orientation = args.keep_orientation;
  if (!args.gutter.empty()) {
    o.gutter = parse_length(args.gutter);
    if (!o.gutter) {
      std::cerr << "broadside: --gutter '" << args.gutter << "': expected a length like 6mm\n";
      return false;
    }
  }
  if (args.tumble && !args.duplex) {
    std::cerr << "broadside: --tumble says how a duplex sheet turns; add --duplex\n";
    return false;
  }
  return true;
}

/// Imposes `input` into `output`; the number of sheet sides, or -1 after printing why.
int impose_file(const fs::path& input, const fs::path& output, const prepress::ImposeOptions& o) {
  try {
    const prepress::Imposed imposed = prepress::impose_pdf(core::read_file(input), o);
    for (const auto& w : imposed.warnings)
      std::cerr << output.string() << ": warning: " << w << "\n";
    core::write_file_atomically(output, imposed.bytes);
    return imposed.sheets;
  } catch (const core::Failure& f) {
    print(f.diagnostics());
    return -1;
  }
}

/// `--impose A4:2x1:duplex` as impose arguments; false when malformed.
bool split_impose_spec(const std::string& spec, ImposeArgs& args) {
  std::stringstream in(spec);
  std::vector<std::string> parts;
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  if (parts.size() < 2) return false;
  args.sheet = parts[0];
  args.layout = parts[1];
  for (size_t i = 2; i < parts.size(); ++i) {
    if (parts[i] == "duplex")
      args.duplex = true;
    else if (parts[i] == "tumble")
      args.tumble = true;
    else if (parts[i] == "cut-stack")
      args.cut_stack = true;
    else if (parts[i] == "marks")
      args.marks = true;
    else
      return false;
  }
  return true;
}

/// Lays the design out again for `broadside preflight --design`; nullptr after printing why.
std::shared_ptr<compose::Composition> compose_again(const PreflightArgs& args) {
  batch::Job job;
  job.design = batch::resolve_design(args.design);
  job.content = args.content.empty() ? batch::sample_statement() : fs::path(args.content);
  job.dry_run = true;
  job.keep_composition = std::make_shared<compose::Composition>();
  if (!parse_set_options(args.sets, job.variables)) return nullptr;
  core::Diagnostics diags;
  std::shared_ptr<const text::FontLibrary> fonts;
  try {
    fonts = std::make_shared<const text::FontLibrary>(batch::font_config());
  } catch (const core::Failure& f) {
    print(f.diagnostics());
    return nullptr;
  }
  batch::Engine engine(fonts);
  const auto result = batch::run_job(job, engine);
  print(result.diags);
  if (!result.ok()) return nullptr;
  return job.keep_composition;
}

/// The layout must be the file's: same pages, same trim, same language.
bool matches(const compose::Composition& c, const prepress::PdfInspection& pdf,
             const std::string& file) {
  std::string why;
  if (c.pages.size() != pdf.pages.size())
    why = "the design makes " + std::to_string(c.pages.size()) + " pages, the PDF has " +
          std::to_string(pdf.pages.size());
  for (size_t i = 0; why.empty() && i < c.pages.size(); ++i) {
    const auto& trim = pdf.pages[i].trim.value_or(pdf.pages[i].media);
    const auto& size = c.pages[i].geometry.trim;
    if (std::abs(trim.width() - size.width.value) > 0.5 ||
        std::abs(trim.height() - size.height.value) > 0.5)
      why = "page " + std::to_string(i + 1) + " is trimmed to a different size";
  }
  if (why.empty() && !pdf.lang.empty() && pdf.lang != c.metadata.lang)
    why = "the PDF is in '" + pdf.lang + "', the statement in '" + c.metadata.lang +
          "' (give the statement with --content)";
  if (why.empty()) return true;
  std::cerr << file << ": error: the PDF was not made from this design and statement: " << why
            << "\n";
  return false;
}

void write_proofs(const std::vector<std::string>& pngs, const fs::path& path) {
  for (size_t i = 0; i < pngs.size(); ++i) {
    fs::path p = path;
    if (pngs.size() > 1)
      p.replace_filename(path.stem().string() + "-" + std::to_string(i + 1) +
                         path.extension().string());
    core::write_file_atomically(p, pngs[i]);
    std::cerr << "wrote " << p.string() << "\n";
  }
}

}  // namespace

int impose(const ImposeArgs& args) {
  prepress::ImposeOptions o;
  if (!impose_options(args, o)) return kExitUsage;
  const int sheets = impose_file(args.input, args.output, o);
  if (sheets < 0) return kExitProblem;
  std::cout << "wrote " << args.output << " (" << sheets
            << (sheets == 1 ? " sheet side)" : " sheet sides)") << "\n";
  return kExitOk;
}

bool valid_impose_spec(const std::string& spec) {
  ImposeArgs args;
  prepress::ImposeOptions o;
  if (!split_impose_spec(spec, args)) {
    std::cerr << "broadside: --impose '" << spec
              << "': expected SHEET:LAYOUT with any of :duplex, :tumble, :cut-stack, :marks, "
                 "e.g. A4:2x1:duplex\n";
    return false;
  }
  return impose_options(args, o);
}

int impose_written(const std::vector<fs::path>& written, const std::string& spec) {
  ImposeArgs args;
  prepress::ImposeOptions o;
  if (!split_impose_spec(spec, args) || !impose_options(args, o)) return kExitUsage;
  for (const auto& path : written) {
    if (path.extension() != ".pdf") continue;
    const int sheets = impose_file(path, path, o);
    if (sheets < 0) return kExitProblem;
    std::cout << "imposed " << path.string() << " on " << sheets
              << (sheets == 1 ? " sheet side" : " sheet sides") << "\n";
  }
  return kExitOk;
}

int preflight(const PreflightArgs& args) {
  preflight::Limits limits;
  limits.ink = args.ink_limit;
  limits.min_text = core::Pt{args.min_text};
  limits.min_reversed_text = core::max(limits.min_reversed_text, limits.min_text);
  const auto safe = parse_length(args.safe_zone);
  if (!safe) {
    std::cerr << "broadside: --safe-zone '" << args.safe_zone << "': expected a length like 3mm\n";
    return kExitUsage;
  }
  limits.safe_zone = *safe;
  try {
    const prepress::PdfInspection pdf = prepress::inspect_pdf(core::read_file(args.file));
    std::shared_ptr<compose::Composition> layout;
    if (!args.design.empty()) {
      layout = compose_again(args);
      if (!layout || !matches(*layout, pdf, args.file)) return kExitProblem;
    }
    const preflight::Report report =
        preflight::preflight_file(args.file, pdf, layout.get(), nullptr, limits);
    std::cout << (args.json ? report.json(args.file) : report.text(args.file));
    if (!args.proof.empty()) {
      std::vector<std::vector<core::Pt>> folds;
      if (layout)
        for (const auto& page : layout->pages) folds.push_back(page.folds);
      write_proofs(preflight::proof_from_pdf(args.file, pdf, folds, report, args.proof_dpi),
                   args.proof);
    }
    return report.passed() ? kExitOk : kExitProblem;
  } catch (const core::Failure& f) {
    print(f.diagnostics());
    return kExitProblem;
  }
}

}  // namespace broadside::cli
