// print_options.hpp — the options of `impose` and `preflight`. Included by main.cpp only, so
// CLI11 is compiled in one translation unit.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/print_commands.hpp"

namespace broadside::cli {

inline CLI::App* add_impose_command(CLI::App& app, ImposeArgs& a) {
  auto* c = app.add_subcommand(
      "impose", "place finished pages on press sheets (n-up), vectors kept, with crop marks");
  c->add_option("INPUT", a.input, "the finished PDF (TrimBox and BleedBox are read)")
      ->required()
      ->check(CLI::ExistingFile);
  c->add_option("-o,--output", a.output, "the imposed PDF")->required();
  c->add_option("--sheet", a.settings.sheet,
                "press sheet: A3, A4, SRA3, SRA4, letter, tabloid, ... or '320mm x 450mm' "
                "(default A4, turned to fit)");
  c->add_option("--layout", a.settings.layout, "columns x rows, e.g. 2x1, 2x2, 2x4 (default 2x1)");
  c->add_flag("--duplex", a.settings.duplex,
              "pages are fronts and backs: each back is placed behind its front");
  c->add_flag("--tumble", a.settings.tumble,
              "with --duplex: the sheet turns head over foot (rows mirrored, not columns)");
  c->add_flag("--cut-stack", a.settings.cut_stack,
              "cut-and-stack order (pages in order after cutting); default: step-and-repeat");
  c->add_flag("--marks", a.settings.marks, "crop marks at every cut, in the sheet's margin");
  c->add_option("--gutter", a.settings.gutter,
                "space between cells, e.g. 6mm (default: room for both bleeds when the "
                "sheet has it)");
  c->add_flag("--keep-orientation", a.settings.keep_orientation, "do not turn the sheet");
  c->add_flag("--booklet", a.settings.booklet,
              "saddle stitching: two pages a side, printed both sides, sheets nested and folded "
              "(pages 4-1 and 2-3 on the outer sheet of 8 pages: 8-1, 2-7, 6-3, 4-5); blank "
              "pages pad the count to a multiple of 4");
  c->add_option("--creep", a.settings.creep,
                "with --booklet: the paper's thickness, e.g. 0.1mm; inner sheets' pages move "
                "towards the spine by this much per sheet outside them");
  return c;
}

inline CLI::App* add_preflight_command(CLI::App& app, PreflightArgs& a) {
  auto* c = app.add_subcommand("preflight",
                               "check a PDF the way a print shop does; exits 1 when a check fails");
  c->add_option("FILE", a.file, "the PDF")->required()->check(CLI::ExistingFile);
  c->add_option("--design", a.design,
                "the design it was made with: also checks text sizes, rules, safe zone and "
                "folds, by laying the statement out again");
  c->add_option("--content", a.content,
                "with --design: the statement (default: the bundled English statement)");
  c->add_option("--set", a.sets, "with --design: a variable, key=value; repeatable");
  c->add_flag("--json", a.json, "the report as JSON on stdout");
  c->add_option("--proof", a.proof,
                "write a PNG per page with trim, bleed, safe zone, folds and problems drawn");
  c->add_option("--separations", a.separations,
                "write one greyscale PNG per plate and page (C, M, Y, K and each spot colour) "
                "into this folder, at the proof's resolution");
  c->add_option("--proof-dpi", a.proof_dpi, "resolution of the proof (default 100)")
      ->check(CLI::Range(18, 600));
  c->add_option("--ink-limit", a.ink_limit, "most total ink, in % (default 300)")
      ->check(CLI::Range(100.0, 400.0));
  c->add_option("--safe-zone", a.safe_zone, "distance to keep from the trim (default 3mm)");
  c->add_option("--min-text", a.min_text, "smallest text size in pt (default 6)")
      ->check(CLI::Range(1.0, 72.0));
  return c;
}

}  // namespace broadside::cli
