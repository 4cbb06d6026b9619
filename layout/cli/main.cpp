// main.cpp — the command line: parses options (CLI11) and hands over to the commands.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace {

constexpr const char* kExamples = R"(
Examples:
  broadside render leaflet-a5
      the bundled statement in the bundled leaflet: out/statement.en-leaflet-a5.pdf and .png
  broadside render leaflet-a5 content/statement.en.md -o leaflet.pdf
  broadside render poster-a3 content/statement.en.md -o poster.pdf -o poster.png --dpi 300
  broadside render leaflet-a5 my-statement.md --set contact="Branch meeting, Tuesday 7pm"
  broadside check designs/leaflet-a5.yaml content/statement.en.md
  broadside designs
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace broadside;
  CLI::App app{"broadside — campaign statement + YAML design -> print-ready PDF and PNG"};
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("broadside ") + BROADSIDE_VERSION);
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
  render->add_option("--set", r.sets, "variable for the design, key=value; repeatable");
  render->add_option("--dpi", r.dpi, "PNG resolution (default: the design's, usually 150)")
      ->check(CLI::Range(18, 2400));
  render->add_flag("--timings", r.timings, "print the time spent in each stage");

  std::string check_design, check_content;
  auto* check = app.add_subcommand(
      "check", "validate a design (and a statement) and lay it out, writing nothing");
  check->add_option("DESIGN", check_design, "bundled design name or a .yaml file")->required();
  check->add_option("CONTENT", check_content, "statement (default: the bundled English statement)");

  auto* designs = app.add_subcommand("designs", "list the bundled designs");

  auto* fonts = app.add_subcommand("fonts", "list the font families broadside can use");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? cli::kExitOk : cli::kExitUsage;
  }
  if (render->parsed()) return cli::render(r);
  if (check->parsed()) return cli::check(check_design, check_content);
  if (designs->parsed()) return cli::designs();
  if (fonts->parsed()) return cli::fonts();
  return cli::kExitUsage;
}
