// include_direction_test.cpp — the pipeline runs one way (shared/notes/architecture.md): every
// `#include "stage/..."` under layout/ names the file's own stage or one it may depend on. The
// build already refuses a stage it does not link (each stage's include folder is its own); this
// also refuses what a linked stage's include folders let through: render reading design/,
// cli reaching past batch/, the composition showing live text.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// The stages whose headers each stage may include besides its own; every stage may use core.
/// The order of the pipeline: core -> design, content, text, prepress -> compose -> render ->
/// preflight -> batch -> cli, serve.
const std::map<std::string, std::set<std::string>> kMayInclude = {
    {"core", {}},
    {"design", {"core"}},
    {"content", {"core"}},
    {"text", {"core"}},
    {"prepress", {"core"}},
    {"compose", {"core", "design", "content", "text"}},
    // And text's font faces (text/font_*.hpp): the glyph runs it draws name them.
    {"render", {"core", "compose"}},
    {"preflight", {"core", "compose", "render", "prepress"}},
    {"batch", {"core", "design", "content", "text", "prepress", "compose", "render", "preflight"}},
    // The CLI and the web server reach the engine only through batch; the CLI starts the
    // server through its one entry point (kServeEntry).
    {"cli", {"core", "batch"}},
    {"serve", {"core", "batch"}},
};

/// The composition is what render, preflight and every other reader get: plain data, which
/// includes nothing but core and text's plain-data headers.
const std::set<std::string> kPlainData = {"compose/composition.hpp"};

/// The plain-data headers of text/ that the composition holds (glyph runs and the font faces
/// they name): no Pango, no layout, only values. Render draws them; nothing else of text/.
const std::set<std::string> kTextPlainData = {"text/glyph_run.hpp", "text/font_face.hpp"};

/// What the CLI may include of serve/: `broadside serve` calls serve::run(), nothing else.
const std::string kServeEntry = "serve/serve.hpp";

std::string stage_of(const std::string& path) {
  return path.substr(0, path.find('/'));
}

/// Why `file` (a path under layout/, "render/draw.cpp") may not include `header`
/// ("text/pango_typesetter.hpp"); empty when it may.
std::string wrong_way(const std::string& file, const std::string& header) {
  const std::string from = stage_of(file), to = stage_of(header);
  const auto rules = kMayInclude.find(from);
  if (rules == kMayInclude.end()) return "'" + from + "' is no stage of the pipeline";
  if (header.find('/') == std::string::npos || !kMayInclude.count(to))
    return "includes '" + header + "', which is in no stage's folder";
  if (kPlainData.count(file) && to != "core" && !kTextPlainData.count(header))
    return "the composition is plain data and includes only core, not " + header;
  if (to == from || rules->second.count(to)) return {};
  if (from == "render" && kTextPlainData.count(header)) return {};
  if (from == "cli" && header == kServeEntry) return {};
  return from + "/ may not include " + to + "/";
}

struct Include {
  std::string file, header;
  int line = 0;
};

/// Every `#include "..."` of every source file under `root`, with the file relative to it.
std::vector<Include> includes_under(const fs::path& root) {
  std::vector<Include> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h")) continue;
    const std::string file = entry.path().lexically_relative(root).generic_string();
    std::ifstream in(entry.path());
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      const size_t at = line.find_first_not_of(" \t");
      if (at == std::string::npos || line.compare(at, 8, "#include") != 0) continue;
      const size_t open = line.find('"', at);
      const size_t close = open == std::string::npos ? open : line.find('"', open + 1);
      if (close == std::string::npos) continue;  // <system> headers
      out.push_back({file, line.substr(open + 1, close - open - 1), number});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every include under layout/ follows the pipeline's direction") {
  const fs::path root = fs::path(BROADSIDE_SOURCE_DIR) / "layout";
  const auto all = includes_under(root);
  REQUIRE(all.size() > 500);  // the scan found the sources
  for (const auto& i : all) {
    const std::string why = wrong_way(i.file, i.header);
    if (why.empty()) continue;
    FAIL_CHECK("layout/" << i.file << ":" << i.line << ": #include \"" << i.header
                         << "\": " << why);
  }
}

TEST_CASE("the rules refuse includes against the direction") {
  CHECK(wrong_way("core/limits.cpp", "batch/job.hpp") == "core/ may not include batch/");
  CHECK(wrong_way("design/design.cpp", "content/document.hpp") ==
        "design/ may not include content/");
  CHECK(wrong_way("render/draw.cpp", "design/design.hpp") == "render/ may not include design/");
  CHECK(wrong_way("render/draw.cpp", "text/pango_paragraph.hpp") ==
        "render/ may not include text/");
  CHECK(wrong_way("cli/commands.cpp", "content/document.hpp") == "cli/ may not include content/");
  CHECK(wrong_way("cli/print_commands.cpp", "prepress/impose.hpp") ==
        "cli/ may not include prepress/");
  CHECK(wrong_way("serve/server.cpp", "compose/compose.hpp") == "serve/ may not include compose/");
  CHECK(wrong_way("serve/server.cpp", "design/design.hpp") == "serve/ may not include design/");
  CHECK(wrong_way("serve/api.cpp", "text/font_library.hpp") == "serve/ may not include text/");
  CHECK(wrong_way("serve/server.cpp", "cli/commands.hpp") == "serve/ may not include cli/");
  CHECK(wrong_way("cli/main.cpp", "serve/render_pool.hpp") == "cli/ may not include serve/");
  CHECK(wrong_way("compose/composition.hpp", "text/typesetter.hpp") ==
        "the composition is plain data and includes only core, not text/typesetter.hpp");
  CHECK(wrong_way("core/x.cpp", "png_compare.hpp") ==
        "includes 'png_compare.hpp', which is in no stage's folder");
}

TEST_CASE("the rules let the pipeline's own includes through") {
  CHECK(wrong_way("core/limits.cpp", "core/limits.hpp").empty());
  CHECK(wrong_way("compose/text_frame.cpp", "text/fit.hpp").empty());
  CHECK(wrong_way("render/draw.cpp", "text/font_face.hpp").empty());
  CHECK(wrong_way("render/draw.cpp", "text/font_library.hpp") == "render/ may not include text/");
  CHECK(wrong_way("compose/composition.hpp", "text/glyph_run.hpp").empty());
  CHECK(wrong_way("render/png.cpp", "compose/composition.hpp").empty());
  CHECK(wrong_way("preflight/proof.cpp", "render/proof.hpp").empty());
  CHECK(wrong_way("batch/job.cpp", "preflight/preflight.hpp").empty());
  CHECK(wrong_way("cli/commands.cpp", "batch/job.hpp").empty());
  CHECK(wrong_way("cli/commands.cpp", "core/options.hpp").empty());
  CHECK(wrong_way("cli/main.cpp", "serve/serve.hpp").empty());
  CHECK(wrong_way("serve/server.cpp", "batch/preview.hpp").empty());
  CHECK(wrong_way("serve/api.cpp", "core/diagnostic.hpp").empty());
  CHECK(wrong_way("compose/composition.hpp", "core/geometry.hpp").empty());
}
