// main.cpp — the command line: parses options (CLI11) and hands over to the commands.
#include <CLI/CLI.hpp>

#include "batch/paths.hpp"
#include "batch/versions.hpp"
#include "cli/commands.hpp"
#include "cli/print_options.hpp"
#include "cli/safety.hpp"
#include "cli/serve_helper.hpp"
#include "serve/serve.hpp"

namespace {

constexpr const char* kExamples = R"(
Examples:
  broadside render leaflet-a5
      the bundled statement in the bundled leaflet: out/statement.en-leaflet-a5.pdf and .png
  broadside render leaflet-a5 content/statement.en.md -o leaflet.pdf
  broadside render poster-a3 content/statement.en.md -o poster.pdf -o poster.png --dpi 300
  broadside render leaflet-a5 my-statement.md --set contact="Branch meeting, Tuesday 7pm"
  broadside check designs/leaflet-a5.yaml content/statement.en.md
  broadside render leaflet-a5 -o print.pdf --pdfx 4 --marks all
      CMYK PDF/X-4 for the print shop, with crop marks, colour bar and slug line
  broadside render branch-poster-a4 content/statement.en.md \
      --data examples/branches/branches.csv -o 'out/{branch.name}.pdf'
  broadside batch examples/branches/campaign.yaml --out out -j 2 --report out/report.json
  broadside designs
  broadside serve
      the web page on http://127.0.0.1:8080/: pick a design, fill it in, download the PDF
  broadside serve --designs my-designs --content my-statements --watch
      and the designer page, /designer, redrawn on every save
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace broadside;
  CLI::App app{"broadside — campaign statement + YAML design -> print-ready PDF and PNG"};
  app.footer(kExamples);
  app.set_version_flag(
      "--version", [] { return batch::version_text(); },
      "broadside's version and the versions of the libraries it runs with");
  app.require_subcommand(1);

  cli::RenderArgs r;
  auto* render = app.add_subcommand("render", "lay out a statement in a design and write files");
  render->add_option("DESIGN", r.design, "bundled design name (see `designs`) or a .yaml file")
      ->required();
  render->add_option("CONTENT", r.content,
                     "statement: Markdown with front matter, or plain text (default: the bundled "
                     "English statement)");
  render->add_option("-o,--output", r.outputs,
                     "file to write; format from the extension (.pdf, .png, .svg); repeatable");
  render->add_option("--dpi", r.dpi, "PNG resolution (default: the design's, usually 150)")
      ->check(CLI::Range(18, 2400));
  render->add_flag("--timings", r.timings, "print the time spent in each stage");
  render->add_option("--pages", r.pages,
                     "pages PNG and SVG outputs draw, e.g. 1 or 1,3 or 2-4 (default: all; a PDF "
                     "always has every page)");
  auto* marks = render->add_option(
      "--marks", r.print.marks,
      "printer's marks in the slug: crop,bleed,registration,colorbar,slug-info or all");
  render->add_flag("--no-marks", r.print.no_marks, "no printer's marks, whatever the design says")
      ->excludes(marks);
  render->add_flag("--no-preflight", r.no_preflight,
                   "write PDFs without the print-shop checks (see `broadside preflight`)");
  render->add_option("--impose", r.impose,
                     "impose each PDF written: SHEET:LAYOUT[:duplex][:tumble][:cut-stack][:marks], "
                     "e.g. A4:2x1:duplex (see `broadside impose`)");
  render->add_option("--color", r.print.color, "PDF colour: rgb or cmyk (default: the design's)")
      ->check(CLI::IsMember({"rgb", "cmyk"}));
  render->add_option("--pdfx", r.print.pdfx, "write PDF/X: 4 or 1a (CMYK)")
      ->check(CLI::IsMember({"4", "1a", "none"}));
  render->add_option("--icc", r.print.icc,
                     "CMYK press profile to convert to and embed (default: the bundled "
                     "FOGRA39-like profile, data/icc)");
  render->add_option("--vt", r.vt,
                     "with --data: also write every row's PDF, in row order, into this one PDF "
                     "for a variable-data press (PDF/VT-1 with --pdfx 4)");
  render->add_flag("--watch", r.watch,
                   "render again whenever the design, statement, data or an image changes");
  cli::add_value_options(render, r.values,
                         "CSV or TSV file (.tsv): one output per row; each -o is a pattern such "
                         "as 'out/{branch.name}.pdf'");

  cli::CheckArgs c;
  auto* check = app.add_subcommand(
      "check", "validate a design (and a statement) and lay it out, writing nothing");
  check->add_option("DESIGN", c.design, "bundled design name or a .yaml file")->required();
  check->add_option("CONTENT", c.content, "statement (default: the bundled English statement)");
  check->add_flag("--watch", c.watch,
                  "check again whenever the design, statement, data or an image changes");
  cli::add_value_options(check, c.values,
                         "CSV or TSV file (.tsv): check the layout with every row's values");

  cli::BatchArgs b;
  auto* batch = app.add_subcommand(
      "batch", "run a manifest of jobs (designs x statements x data rows) on every core");
  batch->add_option("MANIFEST", b.manifest, "YAML manifest")->required();
  batch->add_option("--out", b.out, "folder the output patterns are relative to (default: out)");
  batch->add_option("-j,--jobs", b.jobs, "worker processes (default: one per hardware thread)")
      ->check(CLI::Range(1, 256));
  batch->add_option("--report", b.report, "write a JSON report of every job to this file");
  batch->add_option("--shard", b.shard, "run only part K of N of the jobs, e.g. 2/4");
  batch->add_option("--contact-sheet", b.contact_sheets,
                    "write labelled thumbnails of every output to this .png or .pdf; repeatable");
  batch->add_option("--vt", b.vt,
                    "also write every job's PDF, in job order, into this one PDF for a "
                    "variable-data press (PDF/VT-1 when the PDFs are PDF/X-4)");

  cli::ImposeArgs impose_args;
  auto* impose = cli::add_impose_command(app, impose_args);
  cli::PreflightArgs preflight_args;
  auto* preflight = cli::add_preflight_command(app, preflight_args);

  auto* designs = app.add_subcommand("designs", "list the bundled designs");

  std::string fonts_check;
  auto* fonts = app.add_subcommand("fonts",
                                   "list the font families broadside can use, their "
                                   "styles and the scripts they cover");
  std::string fonts_design;
  auto* fonts_check_option =
      fonts->add_option("--check", fonts_check,
                        "report the characters of this statement that no installed font covers");
  fonts
      ->add_option("--design", fonts_design,
                   "with --check: the characters the design's faces cannot set, exactly as "
                   "`render` would report them")
      ->needs(fonts_check_option);

  serve::ServeArgs serve_args;
  std::vector<std::string> serve_designs, serve_contents;
  auto* serve = app.add_subcommand("serve", "the web page and JSON API (README: Web page)");
  serve->add_option("--host", serve_args.host,
                    "address to listen on (default: 127.0.0.1, this machine only)");
  serve->add_option("--port", serve_args.port, "port (default: 8080; 0: any free one)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--designs", serve_designs,
                    "folder of designs requests may name (default: the bundled ones); repeatable");
  serve->add_option("--content", serve_contents,
                    "folder of statements requests may name (default: the bundled ones); "
                    "repeatable");
  serve->add_flag("--watch", serve_args.watch,
                  "the designer page (/designer): redrawn whenever a design or statement changes");
  serve
      ->add_option("-j,--workers", serve_args.workers,
                   "render workers (default: one per hardware thread)")
      ->check(CLI::Range(1, 256));
  serve
      ->add_option("--queue", serve_args.queue,
                   "renders that may wait for a worker before requests get 503 (default: 16)")
      ->check(CLI::Range(1, 4096));
  serve->add_flag("--log", serve_args.log, "one line per request on stderr");

  batch::OptionArgs safety;
  app.add_option("--limit", safety.limits,
                 "change a limit, NAME=N: file-bytes, statement-bytes, yaml-depth, yaml-nodes, "
                 "pages, frames, jobs, image-pixels, png-pixels, fit-steps, job-seconds "
                 "(README: Limits); repeatable");
  app.add_option("--allow-path", safety.allow_paths,
                 "a folder designs may read images from besides their own; repeatable");
  // Both may also come after the command: `broadside render ... --limit pages=2000`.
  for (auto* sub : app.get_subcommands({})) sub->fallthrough();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? cli::kExitOk : cli::kExitUsage;
  }
  const std::optional<core::Options> options = cli::options_from(safety);
  if (!options) return cli::kExitUsage;
  cli::harden_process(*options);
  if (render->parsed() && r.watch)
    return cli::watch(
        r.design, r.content, r.values, [&] { return cli::render(r, *options); }, *options);
  if (render->parsed()) return cli::render(r, *options);
  if (check->parsed() && c.watch)
    return cli::watch(
        c.design, c.content, c.values, [&] { return cli::check(c, *options); }, *options);
  if (check->parsed()) return cli::check(c, *options);
  if (batch->parsed()) return cli::batch(b, *options);
  if (designs->parsed()) return cli::designs(*options);
  if (impose->parsed()) return cli::impose(impose_args, *options);
  if (preflight->parsed()) return cli::preflight(preflight_args, *options);
  if (fonts->parsed()) return cli::fonts(fonts_check, fonts_design, *options);
  if (serve->parsed()) {
#ifdef BROADSIDE_SERVE_HELPER
    // The web server lives in a program of its own (CMakeLists.txt: why).
    return cli::exec_helper(BROADSIDE_SERVE_HELPER, BROADSIDE_LIBEXEC_DIR, argv);
#else
    serve_args.designs.assign(serve_designs.begin(), serve_designs.end());
    serve_args.contents.assign(serve_contents.begin(), serve_contents.end());
    return serve::run(serve_args, *options);
#endif
  }
  return cli::kExitUsage;
}
